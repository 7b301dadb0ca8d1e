"""Reminders across workbooks: what is due, as text, JSON or an iCalendar file.

All come from the journal's `actions` table, so they follow the same dated rules as
each workbook's summary. What surrounds them (headings, the calendar's name) is in
the language in force; each action itself, and its calendar event, is in its own
workbook's language, as the workbook shows it. JSON keeps each action's en-GB text
(`what`), as data. Messages waiting until the person feels ready have no day of
their own: the text lists them last, undated; JSON and the calendar leave them out.

Calendar events are made for calendar apps and phones to remind, and to update:

- **UID** from the workbook's id and the action itself (never from a random value or
  its date), so importing the file again updates the events already there instead of
  adding copies, even when a due date has moved.
- **An alarm** (`VALARM`, a display reminder): all-day events start at midnight, so
  its `TRIGGER` is an offset from that start — `PT9H`, 9:00 on the morning of the
  day, by default (`ALARM_AT`); any other time of day, or none.
- **SEQUENCE and LAST-MODIFIED.** A calendar app keeps the event it has unless the
  one imported carries a higher SEQUENCE, so the number must go up whenever an
  event's date or summary changes, and never go down — not even when a date moves
  back. A hash of the content would go down half the time; a counter would have to
  be stored somewhere. Instead both come from a clock that only moves forward: the
  later of the moment the workbook's answers file last changed (its modification
  time: any save, a hand edit, a restored version) and the start of the day the
  journal is read as of (some dates move with the day: a workbook with no dates of
  its own counts from today). LAST-MODIFIED is that moment, in UTC; SEQUENCE is the
  same moment in seconds since `SEQUENCE_EPOCH` (it fits a 32-bit number until
  2088). An export changes nothing and stores nothing; the same files on the same
  day give the same numbers, and every event of a workbook changed since the last
  export supersedes the copy the calendar holds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.core import i18n
from nextround.core.i18n import N_, _
from nextround.core.printable import clean
from nextround.core.progress import STEPS, WEEK_AHEAD
from nextround.errors import ParameterError
from nextround.journal.tables import Journal, workbook_locales
from nextround.storage import files
from nextround.storage.store import ANSWERS_SUFFIX

if TYPE_CHECKING:
    import pandas as pd

UID_DOMAIN = "nextround.invalid"  # a UID needs a domain part; this one is reserved for exactly this
PRODID = "-//nextround//reminders//EN"
STEP_NAMES = {0: N_("Check in"), **STEPS}
#: When an event's alarm rings, unless told otherwise: the morning of the day it is due.
ALARM_AT = time(9, 0)
#: SEQUENCE counts the seconds from this moment (see the module's docstring).
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)
#: The formats of `nextround due`: lines for people, JSON for scripts, iCalendar for calendars.
DUE_FORMATS = ("text", "json", "ics")


@dataclasses.dataclass(frozen=True)
class Due:
    """The actions not done yet that need attention on `on`, each a DataFrame of `actions` rows."""

    on: date
    overdue: pd.DataFrame
    today: pd.DataFrame
    this_week: pd.DataFrame
    #: Messages to send once the person feels ready (the latest check-in says "not yet").
    waiting: pd.DataFrame

    @property
    def empty(self) -> bool:
        """True when nothing is overdue, due today, due in the coming week or waiting."""
        return self.overdue.empty and self.today.empty and self.this_week.empty and self.waiting.empty

    def groups(self) -> dict[str, pd.DataFrame]:
        """The groups by their kind (`overdue`, `today`, `this_week`, `waiting`), most urgent first."""
        return {"overdue": self.overdue, "today": self.today, "this_week": self.this_week, "waiting": self.waiting}


def heading(group: str) -> str:
    """A group of `Due.groups` as a heading, in the language in force."""
    return {"overdue": _("Overdue"), "today": _("Due today"),
            "this_week": _("In the next {count} days").format(count=WEEK_AHEAD),
            "waiting": _("When you feel ready (no rush)")}[group]


def due(journal: Journal) -> Due:
    """What is overdue, due today and due in the next seven days, as of `journal.today`."""
    table = journal.actions.sort_values(["due", "company", "role", "step", "contact"], kind="stable")
    return Due(
        on=journal.today,
        overdue=table[table["status"] == "overdue"],
        today=table[table["status"] == "today"],
        this_week=table[table["status"] == "this_week"],
        waiting=table[table["status"] == "waiting"],
    )


def short_date(day: Any) -> str:
    """`Fri 19 Jun 2026`: short, and unambiguous wherever the reader lives (in the language in force)."""
    return i18n.weekday_date(day)


def action_text(row: Any, locales: dict[str, str] | None = None) -> str:
    """What an `actions` row asks, in its workbook's language (`locales`: by workbook id), for whom."""
    locale = (locales or {}).get(row.workbook_id) or i18n.current()
    with i18n.using(locale):
        what = _(row.what)
    return f"{what} ({row.contact})" if row.contact else what


def describe(row: Any, locales: dict[str, str] | None = None) -> str:
    """One action in words: what (in its workbook's language), for whom, and for which rejection."""
    rejection = ", ".join(part for part in (row.company, row.role) if part) or _("(no company or role)")
    return f"{action_text(row, locales)} — {rejection}"


def nothing_due() -> str:
    """What the due list says when it is empty."""
    return _("Nothing is overdue or due in the next {count} days. Enjoy the breathing space.").format(
        count=WEEK_AHEAD)


def due_lines(reminders: Due, locales: dict[str, str] | None = None) -> list[str]:
    """The due list as plain text lines, for the terminal (each one line, whatever the answers hold).

    `locales`: each workbook's language, by id, for its actions (`tables.workbook_locales`).
    """
    if reminders.empty:
        return [nothing_due()]
    lines: list[str] = []
    for group, rows in reminders.groups().items():
        if rows.empty:
            continue
        if lines:
            lines.append("")
        lines.append(f"{heading(group)} ({len(rows)})")
        lines += [clean(f"  {'' if group == 'waiting' else short_date(r.due):<16} {describe(r, locales)}")
                  for r in rows.itertuples()]
    return lines


# --- the calendar -----------------------------------------------------------------


def action_uid(workbook_id: str, step: int, what: str, contact: str = "") -> str:
    """A stable UID for one action of one workbook: the same every time it is exported."""
    key = "\x1f".join((workbook_id, str(step), what, contact))
    # surrogatepass: an id or name read from a file may hold half a UTF-16 pair; it still hashes.
    return f"{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}@{UID_DOMAIN}"


def parse_alarm(text: str) -> time | None:
    """The time of day an alarm rings, from `HH:MM` (24-hour clock); None for `none`.

    Raises ParameterError (field `--alarm`) for anything else.
    """
    value = text.strip().lower()
    if value in ("none", "off", "no"):
        return None
    found = re.fullmatch(r"(\d{1,2}):(\d{2})", value)
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        raise ParameterError(_("{value} is not a time of day; use HH:MM, e.g. 09:00, or none").format(
        value=repr(text)), field="--alarm")
    return time(int(found[1]), int(found[2]))


def _last_changed(journal: Journal) -> dict[str, datetime]:
    """Each workbook's moment of last change, in UTC, by its id (see the module's docstring)."""
    day_starts = datetime.combine(journal.today, time()).astimezone(timezone.utc)  # local midnight
    moments = {}
    for workbook_id, workbook in zip(journal.rejections["workbook_id"], journal.rejections["workbook"], strict=True):
        path = Path(journal.folder) / (str(workbook).removesuffix(".ipynb") + ANSWERS_SUFFIX)
        try:
            changed = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        except OSError:  # gone since it was read: the day is all there is to go on
            changed = day_starts
        moments[workbook_id] = max(changed, day_starts).replace(microsecond=0)
    return moments


def calendar(journal: Journal, *, stamp: datetime | None = None, alarm: time | None = ALARM_AT) -> Any:
    """An icalendar Calendar with one all-day event per dated action not yet done.

    Each event rings at `alarm` on its day (None: no alarm) and carries SEQUENCE and
    LAST-MODIFIED, so a newer export updates what a calendar app already holds. Each
    event's title and description are in its workbook's language; its UID is made
    from the action's en-GB text, so it stays the same whatever the language.
    """
    from icalendar import Alarm, Calendar, Event

    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("nextround reminders"))
    table = journal.actions
    # A message waiting until the person feels ready has no day of its own yet.
    pending = table[~table["done"] & ~table["waiting"]]
    pending = pending.sort_values(["due", "company", "step", "contact"], kind="stable")
    changed = _last_changed(journal) if not pending.empty else {}
    locales = workbook_locales(journal) if not pending.empty else {}
    for row in pending.itertuples():
        day = row.due.date()
        summary = clean(f"{action_text(row, locales)} — {row.company}")
        modified = changed.get(row.workbook_id, SEQUENCE_EPOCH)
        event = Event()
        event.add("uid", action_uid(row.workbook_id, row.step, row.what, row.contact))
        event.add("dtstamp", stamp)
        event.add("last-modified", modified)
        event.add("sequence", int((modified - SEQUENCE_EPOCH).total_seconds()))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        with i18n.using(locales.get(row.workbook_id) or i18n.current()):
            description = _("{step}: {role} at {company}. Open its workbook to tick it off.").format(
                step=_(STEP_NAMES.get(row.step, "")), role=row.role, company=row.company)
        event.add("description", clean(description))
        event.add("categories", ["nextround"])
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not block time
        if alarm is not None:
            ring = Alarm()
            ring.add("action", "DISPLAY")
            ring.add("description", summary)
            # From the all-day start, midnight of the day: 9 hours on is 9:00 that morning.
            ring.add("trigger", timedelta(hours=alarm.hour, minutes=alarm.minute), parameters={"RELATED": "START"})
            event.add_component(ring)
        cal.add_component(event)
    return cal


def write_calendar(journal: Journal, path: str | Path, *, alarm: time | None = ALARM_AT) -> int:
    """Write the calendar to `path` (replacing it); return the number of events."""
    cal = calendar(journal, alarm=alarm)
    path = Path(path)
    files.replace(path, cal.to_ical())  # a calendar app never reads half a file
    return len(cal.walk("VEVENT"))


# --- `nextround due` for scripts and calendars ----------------------------------------


def due_records(journal: Journal) -> list[dict[str, Any]]:
    """What is overdue, due today and due in the next seven days, one plain dict each.

    Keys: `workbook` (the notebook's file name), `company`, `role`, `step` (0 for a
    check-in, 1-5), `what`, `contact` ("" when it concerns no one person), `due`
    (YYYY-MM-DD) and `status` (`overdue`, `today` or `this_week`), most urgent first.
    Messages waiting until the person feels ready are left out, as in the calendar.
    """
    reminders = due(journal)
    names = dict(zip(journal.rejections["workbook_id"], journal.rejections["workbook"], strict=True))
    return [
        {"workbook": names.get(row.workbook_id, ""), "company": row.company, "role": row.role,
         "step": int(row.step), "what": row.what, "contact": row.contact,
         "due": row.due.date().isoformat(), "status": str(row.status)}
        for rows in (reminders.overdue, reminders.today, reminders.this_week)
        for row in rows.itertuples()
    ]


def due_as(journal: Journal, format: str = "text", *, alarm: time | None = ALARM_AT) -> str | bytes:
    """`nextround due` in one of DUE_FORMATS.

    `text`: the lines people read (a str, for the terminal's own encoding). `json`
    (`due_records`) and `ics` (the same events as `calendar`) are files for programs:
    UTF-8 bytes.
    """
    if format == "text":
        return "\n".join(due_lines(due(journal), workbook_locales(journal))) + "\n"
    if format == "json":
        return (json.dumps(due_records(journal), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if format == "ics":
        return bytes(calendar(journal, alarm=alarm).to_ical())
    raise ParameterError(_("{value} is not a format; use one of {formats}").format(
        value=repr(format), formats=", ".join(DUE_FORMATS)), field="--format")
