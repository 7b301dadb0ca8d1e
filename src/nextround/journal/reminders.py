"""Reminders across workbooks: what is due, as a list and as an iCalendar file.

Both come from the journal's `actions` table, so they follow the same dated rules
as each workbook's summary. Calendar events carry a UID made from the workbook's
id and the action itself (never from a random value or its date), so importing the
file again updates the events already there instead of adding copies, even when a
due date has moved.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.core.printable import clean
from nextround.core.progress import STEPS, WEEK_AHEAD
from nextround.journal.tables import Journal
from nextround.storage import files

if TYPE_CHECKING:
    import pandas as pd

UID_DOMAIN = "nextround.invalid"  # a UID needs a domain part; this one is reserved for exactly this
PRODID = "-//nextround//reminders//EN"
STEP_NAMES = {0: "Check in", **STEPS}


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
        """The groups with their headings, most urgent first; what waits comes last."""
        return {"Overdue": self.overdue, "Due today": self.today,
                f"In the next {WEEK_AHEAD} days": self.this_week, WAITING: self.waiting}


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
    """`Fri 19 Jun 2026`: short, and unambiguous wherever the reader lives."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def describe(row: Any) -> str:
    """One action in words: what, for whom, and for which rejection."""
    who = f" ({row.contact})" if row.contact else ""
    rejection = ", ".join(part for part in (row.company, row.role) if part) or "(no company or role)"
    return f"{row.what}{who} — {rejection}"


#: The heading of what waits until the person feels ready.
WAITING = "When you feel ready (no rush)"

#: What the due list says when it is empty.
NOTHING_DUE = f"Nothing is overdue or due in the next {WEEK_AHEAD} days. Enjoy the breathing space."


def due_lines(reminders: Due) -> list[str]:
    """The due list as plain text lines, for the terminal (each one line, whatever the answers hold)."""
    if reminders.empty:
        return [NOTHING_DUE]
    lines: list[str] = []
    for heading, rows in reminders.groups().items():
        if rows.empty:
            continue
        if lines:
            lines.append("")
        lines.append(f"{heading} ({len(rows)})")
        lines += [clean(f"  {'' if heading == WAITING else short_date(r.due):<16} {describe(r)}")
                  for r in rows.itertuples()]
    return lines


# --- the calendar -----------------------------------------------------------------


def action_uid(workbook_id: str, step: int, what: str, contact: str = "") -> str:
    """A stable UID for one action of one workbook: the same every time it is exported."""
    key = "\x1f".join((workbook_id, str(step), what, contact))
    # surrogatepass: an id or name read from a file may hold half a UTF-16 pair; it still hashes.
    return f"{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}@{UID_DOMAIN}"


def calendar(journal: Journal, *, stamp: datetime | None = None) -> Any:
    """An icalendar Calendar with one all-day event per dated action not yet done."""
    from icalendar import Calendar, Event

    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "nextround reminders")
    table = journal.actions
    # A message waiting until the person feels ready has no day of its own yet.
    pending = table[~table["done"] & ~table["waiting"]]
    pending = pending.sort_values(["due", "company", "step", "contact"], kind="stable")
    for row in pending.itertuples():
        day = row.due.date()
        event = Event()
        event.add("uid", action_uid(row.workbook_id, row.step, row.what, row.contact))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", clean(f"{row.what}{f' ({row.contact})' if row.contact else ''} — {row.company}"))
        event.add("description", clean(f"{STEP_NAMES.get(row.step, '')}: {row.role} at {row.company}. "
                                       "Open its workbook to tick it off."))
        event.add("categories", ["nextround"])
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not block time
        cal.add_component(event)
    return cal


def write_calendar(journal: Journal, path: str | Path) -> int:
    """Write the calendar to `path` (replacing it); return the number of events."""
    cal = calendar(journal)
    path = Path(path)
    files.replace(path, cal.to_ical())  # a calendar app never reads half a file
    return len(cal.walk("VEVENT"))
