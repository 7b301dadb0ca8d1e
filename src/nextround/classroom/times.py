"""Instants: when answers were saved, when an LMS says a file was handed in, when work is due.

Times are compared as instants, never as text: "14:30+05:30" is 09:00 UTC, earlier
than "10:00+00:00". A time written without a UTC offset (a Blackboard attempt stamp,
a Brightspace date, an answers file saved by hand) is taken as UTC; a date alone is
the start of that day, UTC — except a due date, which is the end of it: work handed
in on the day it is due is on time.

Parsing is done here by pattern rather than by `datetime.fromisoformat`, which on
Python 3.10 refuses "Z", "+0530" and fractions of other than 3 or 6 digits, all of
which the answers format allows.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone
from typing import Any

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
    r"(?:(Z|z)|([+-])(\d{2}):?(\d{2}))?)?$"
)
_MONTHS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
#: The earliest instant: what an unknown time sorts as.
NEVER = datetime.min.replace(tzinfo=timezone.utc)


def instant(value: Any) -> datetime | None:
    """An ISO 8601 date or time as an aware datetime (naive: UTC); None if it is not one."""
    if not isinstance(value, str):
        return None
    found = _ISO.match(value.strip())
    if not found:
        return None
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = found.groups()
    zone = timezone.utc
    if sign:
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        if offset >= timedelta(hours=24):
            return None
        zone = timezone(offset if sign == "+" else -offset)
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                        int((fraction or "0")[:6].ljust(6, "0")), tzinfo=zone)
    except ValueError:  # the 31st of February and the like
        return None


def due_instant(value: Any) -> datetime | None:
    """The course's due date or time as an instant: a date alone means the end of that day, UTC."""
    moment = instant(value)
    if moment is not None and isinstance(value, str) and len(value.strip()) == 10:
        moment = datetime.combine(moment.date(), time.max, tzinfo=timezone.utc)
    return moment


def iso(moment: datetime) -> str:
    """An instant as ISO 8601 text in UTC, to the second: how the course file records times."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def blackboard_time(text: str) -> datetime | None:
    """A Blackboard attempt stamp, `2026-10-09-15-30-10`: the server's clock, taken as UTC."""
    try:
        return datetime.strptime(text, "%Y-%m-%d-%H-%M-%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def brightspace_time(text: str) -> datetime | None:
    """A Brightspace date, `Oct 9, 2026 926 PM` (hours and minutes run together), taken as UTC."""
    found = re.match(r"^([A-Za-z]{3})[a-z]* (\d{1,2}), (\d{4}) (\d{1,2})(\d{2}) ([AaPp][Mm])$", text.strip())
    if not found:
        return None
    month, day, year, hour, minute, half = found.groups()
    hours = int(hour) % 12 + (12 if half.lower() == "pm" else 0)
    try:
        return datetime(int(year), _MONTHS[month.lower()], int(day), hours, int(minute), tzinfo=timezone.utc)
    except (KeyError, ValueError):
        return None
