"""The journal: every workbook's answers in a folder, read back as pandas tables.

`load(folder)` reads each `<stem>.answers.json` in the folder (not its subfolders),
upgrades older versions, and builds seven DataFrames — `rejections`, `checkins`,
`feedback`, `self_review`, `questions`, `contacts` and `actions` — whose columns and
dtypes are documented in docs/journal.md. A file that cannot be read is skipped and reported
in `journal.problems`; it never stops the others from loading.

Loading is on the hot path of the dashboard, the reminders and the CLI, and a
folder may hold thousands of workbooks, so each file gets a cheap structural check
of the fields read here instead of full JSON Schema validation (which costs a few
hundred times the parse itself). Saving still validates every file in full.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from datetime import date
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.core import answers, i18n
from nextround.core.answers import CADENCE_WEEKS, as_date, last_contact_on, next_contact_on
from nextround.core.i18n import _
from nextround.core.labels import RUBRIC
from nextround.core.printable import clean
from nextround.core.progress import (
    MARKS,
    STATES,
    STEPS,
    URGENCIES,
    WEEK_AHEAD,
    cv_lapses_on,
    follow_ups,
    summarise,
)
from nextround.errors import AnswersError, NextroundError
from nextround.storage.store import ANSWERS_SUFFIX, decode, read_bytes

if TYPE_CHECKING:
    import pandas as pd

STEP_COLUMNS = tuple(f"step_{n}" for n in STEPS)

# Each table's columns, with the dtype each one is given (see docs/journal.md).
# "date" columns hold dates at midnight as datetime64[s]; NaT when not given.
_ID = {"workbook_id": "str", "company": "str", "role": "str"}
COLUMNS: dict[str, dict[str, str]] = {
    "rejections": {
        "workbook_id": "str",
        "workbook": "str",
        "company": "str",
        "role": "str",
        "stage": "str",
        "interview_date": "date",
        "rejected_on": "date",
        "days_since": "Int64",
        **{column: "step" for column in STEP_COLUMNS},
        "steps_done": "int64",
        "cv_status": "cv_status",
        "cv_keep_until": "date",
        "saved_at": "datetime",
        "locale": "str",
    },
    "checkins": {**_ID, "at": "datetime", "mood": "Int64", "emotions": "list", "note": "str", "ready": "boolean"},
    "feedback": {
        **_ID,
        "requested_on": "date",
        "received_on": "date",
        "given_by": "str",
        "via": "str",
        "text": "str",
        "takeaways": "str",
        "vague": "boolean",
        "themes": "list",
    },
    "self_review": {**_ID, "when": "date", "dimension": "dimension", "score": "Int64", "note": "str"},
    "questions": {**_ID, "when": "date", "question": "str", "my_answer": "str", "better_answer": "str"},
    "contacts": {
        **_ID,
        "name": "str",
        "email": "str",
        "contact_role": "str",
        "thank_you_sent_on": "date",
        "linkedin_request_sent_on": "date",
        "linkedin_accepted_on": "date",
        "cadence_weeks": "Int64",
        "last_contact_on": "date",
        "next_contact_on": "date",
        "log_entries": "int64",
    },
    "actions": {
        **_ID,
        "step": "int64",
        "what": "str",
        "contact": "str",
        "due": "date",
        "done_on": "date",
        "waiting": "bool",
        "done": "bool",
        "status": "status",
    },
}
TABLES = tuple(COLUMNS)


@dataclasses.dataclass
class Journal:
    """The answers of a folder of workbooks, as pandas DataFrames.

    `today` is the day the journal was read as of: it sets `rejections.days_since`
    and `actions.status`. `problems` holds one AnswersError per file that was
    skipped, each naming the file.
    """

    folder: Path
    today: date
    rejections: pd.DataFrame
    checkins: pd.DataFrame
    feedback: pd.DataFrame
    self_review: pd.DataFrame
    questions: pd.DataFrame
    contacts: pd.DataFrame
    actions: pd.DataFrame
    problems: list[AnswersError] = dataclasses.field(default_factory=list)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in the documented order."""
        return {name: getattr(self, name) for name in TABLES}

    @property
    def empty(self) -> bool:
        """True when no workbook's answers could be read (or there are none)."""
        return self.rejections.empty

    def __repr__(self) -> str:
        # Counts only: a journal's repr must not spill anyone's words into a log.
        sizes = ", ".join(f"{name}={len(table)}" for name, table in self.tables.items())
        skipped = f", problems={len(self.problems)}" if self.problems else ""
        return f"Journal({str(self.folder)!r}, today={self.today.isoformat()}, {sizes}{skipped})"


def _answers_names(folder: Path) -> list[str]:
    # The answers files in `folder`, by name (not in subfolders; hidden files skipped).
    # Anything else by such a name (a pipe, a broken link) is listed too, to be named
    # as a problem when it is read, not passed over in silence.
    # scandir and plain-string sorting: listing 10,000 files this way costs a few
    # milliseconds, where sorting Path objects costs a tenth of a second.
    with os.scandir(folder) as entries:
        return sorted(
            e.name for e in entries
            if e.name.endswith(ANSWERS_SUFFIX) and not e.name.startswith(".") and not e.is_dir()
        )


def load(folder: str | Path = ".", *, today: date | None = None) -> Journal:
    """Read every workbook's answers in `folder` into a Journal.

    Older answer versions are upgraded as they are read. A file that cannot be read
    (not JSON, not an answers file, from a newer nextround, a value of the wrong
    kind, or a copy of another workbook) is skipped and listed in
    `journal.problems`; the rest load as usual. Raises NextroundError only when
    `folder` itself is not a folder.
    """
    import pandas as pd

    folder = Path(folder)
    if not folder.is_dir():
        raise NextroundError(_("is not a folder of workbooks"), file=folder)
    today = today or date.today()
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    # Which workbook each row belongs to, as its place in rejections.
    owners: dict[str, list[int]] = {name: [] for name in TABLES}
    problems: list[AnswersError] = []
    seen: dict[str, str] = {}
    # Plain strings, not Path objects, in the loop: a Path is two objects the garbage
    # collector must keep walking, and a big folder would hold ten thousand of them.
    for name in _answers_names(folder):
        path = os.path.join(folder, name)
        try:
            doc = _read(path)
            found = _rows(doc, path, today)
        except AnswersError as exc:
            problems.append(exc)
            continue
        workbook_id = doc["workbook_id"]
        if workbook_id in seen:
            problems.append(AnswersError(
                _("is a copy of {file} (the same workbook_id), so it was skipped").format(file=seen[workbook_id]),
                file=path))
            continue
        seen[workbook_id] = name
        # Only a file read to the end adds rows: no half-read workbook in the tables.
        number = len(rows["rejections"])
        for table, new in zip(TABLES, found):
            if new:
                rows[table] += new
                owners[table] += repeat(number, len(new))
    columns = _columns(rows, owners, today)
    frames = {name: pd.DataFrame({column: columns[name][column] for column in COLUMNS[name]}, copy=False)
              for name in TABLES}
    return Journal(folder=folder, today=today, problems=problems, **frames)


def _read(path: str) -> dict[str, Any]:
    """Parse and upgrade one file; AnswersError (naming it) if that is not possible."""
    try:
        doc = decode(read_bytes(path), file=path)
    except FileNotFoundError:  # a link to nothing, or removed since the folder was listed
        raise AnswersError(_("cannot be read (there is no such file)"), file=path) from None
    try:
        doc = answers.upgrade(doc, file=path)
    except (TypeError, ValueError, KeyError, AttributeError):
        # An upgrade met something it did not expect: this file, not the folder, fails.
        raise AnswersError(_("could not be upgraded from version {version}").format(
            version=repr(doc.get("version"))), file=path) from None
    problem = _shape_problem(doc)
    if problem:
        raise AnswersError(_("was skipped: {problem}").format(problem=problem), file=path)
    return doc


# The containers each section must be when present: enough that the rows below can
# be built without surprises. Values inside are read leniently.
_SHAPES = {
    "rejection": dict, "checkins": list, "feedback": dict, "reply": dict,
    "cv_on_file": dict, "self_review": dict, "contacts": list, "company": dict,
}


def _shape_problem(doc: Mapping[str, Any]) -> str | None:
    """What makes `doc` unreadable here, in a few words, or None (a light check)."""
    workbook_id = doc.get("workbook_id")
    if not isinstance(workbook_id, str) or not workbook_id:
        return _("it has no workbook_id")
    object_, list_ = _("{field} should be an object"), _("{field} should be a list")
    whole = _("{field} should be a whole number from {low} to {high}")
    for name, kind in _SHAPES.items():
        value = doc.get(name)
        if value is not None and not isinstance(value, kind):
            return (object_ if kind is dict else list_).format(field=name)
    for i, checkin in enumerate(doc.get("checkins") or ()):
        if not isinstance(checkin, dict):
            return object_.format(field=f"checkins/{i}")
        mood = checkin.get("mood")
        if type(mood) is not int or not 1 <= mood <= 10:
            return whole.format(field=f"checkins/{i}/mood", low=1, high=10)
        at = checkin.get("at")  # read as text for the table: its year must be one we keep
        if type(at) is str and at[:4].isdigit() and not _FIRST_YEAR <= at[:4] <= _LAST_YEAR:
            return _("{field} should be a date and time from {first} to {last}").format(
                field=f"checkins/{i}/at", first=answers.EARLIEST_DATE, last=answers.LATEST_DATE)
    status = (doc.get("cv_on_file") or {}).get("status")
    if status is not None and status not in answers.CV_STATUSES:
        return _("{field} should be one of {values}").format(field="cv_on_file/status",
                                                             values=", ".join(answers.CV_STATUSES))
    review = doc.get("self_review") or {}
    for key in ("scores", "notes"):
        if not isinstance(review.get(key) or {}, dict):
            return object_.format(field=f"self_review/{key}")
    for dimension, score in (review.get("scores") or {}).items():
        if type(score) is not int or not 1 <= score <= 5:
            return whole.format(field=f"self_review/scores/{dimension}", low=1, high=5)
    for i, contact in enumerate(doc.get("contacts") or ()):
        if not isinstance(contact, dict) or not isinstance(contact.get("name"), str):
            return _("{field} should be an object with a name").format(field=f"contacts/{i}")
        if not _counts(contact.get("cadence_weeks"), "cadence_weeks"):
            return whole.format(field=f"contacts/{i}/cadence_weeks", low=1, high=answers.MOST["cadence_weeks"])
    if not _counts((doc.get("cv_on_file") or {}).get("keep_months"), "keep_months"):
        return whole.format(field="cv_on_file/keep_months", low=1, high=answers.MOST["keep_months"])
    company = doc.get("company") or {}
    watch = company.get("vacancy_watch") if isinstance(company, dict) else None
    if watch is not None and not isinstance(watch, dict):
        return object_.format(field="company/vacancy_watch")
    if not _counts((watch or {}).get("check_every_days"), "check_every_days"):
        return whole.format(field="company/vacancy_watch/check_every_days", low=1,
                            high=answers.MOST["check_every_days"])
    return None


_FIRST_YEAR, _LAST_YEAR = f"{answers.EARLIEST_DATE.year:04d}", f"{answers.LATEST_DATE.year:04d}"


def _counts(value: Any, name: str) -> bool:
    # A bounded whole number, or not given: dates are worked out from these, and a
    # huge one would run them off the calendar.
    return value is None or (type(value) is int and 1 <= value <= answers.MOST[name])


# The fields of each table's rows, in the order _rows makes them. The rows of every
# table but rejections carry no workbook id, company or role: load notes which
# workbook each row is from, and those columns are filled in for a whole table at
# once. days_since, done and status are worked out for whole columns too.
_ID_COLUMNS = tuple(_ID)
_WORKED_OUT = ("days_since", "done", "status")
_FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(c for c in columns if c not in _WORKED_OUT and (name == "rejections" or c not in _ID))
    for name, columns in COLUMNS.items()
}
_FIELDS["actions"] = ("step", "what", "due", "done_on", "contact", "waiting")  # as progress.summarise makes them


def _rows(doc: dict[str, Any], path: str, today: date) -> tuple[list[tuple[Any, ...]], ...]:
    """Every table's rows for one workbook (see _FIELDS), in the order of TABLES.

    AnswersError if a value has the wrong kind.
    """
    section = "rejection"
    try:
        rejection = doc.get("rejection") or {}
        interview_date = as_date(rejection.get("interview_date"))
        rejected_on = as_date(rejection.get("rejected_on"))
        rejection_row = (
            doc["workbook_id"],
            os.path.basename(path)[: -len(ANSWERS_SUFFIX)] + ".ipynb",
            _text(rejection.get("company")),
            _text(rejection.get("role")),
            _text(rejection.get("stage")),
            interview_date,
            rejected_on,
        )

        section = "checkins"
        checkin_rows = [
            (_moment(c.get("at")), c["mood"], _list(c.get("emotions")), _text(c.get("note")), _flag(c.get("ready")))
            for c in doc.get("checkins") or ()
        ]

        section = "feedback"
        feedback_rows = []
        fb = doc.get("feedback") or {}
        text = _text(fb.get("text"))
        if fb.get("requested_on") or fb.get("received_on") or text.strip():
            feedback_rows.append((
                as_date(fb.get("requested_on")), as_date(fb.get("received_on")), _text(fb.get("given_by")),
                _text(fb.get("via")), text, _text(fb.get("takeaways")), _flag(fb.get("vague")),
                _list(fb.get("themes")),
            ))
        follow_ups(doc)  # read here too, so that a follow-up of the wrong kind is named as feedback's

        section = "cv_on_file"
        cv = doc.get("cv_on_file") or {}
        cv_status = cv.get("status") or "not_asked"
        keep_until = cv_lapses_on(cv) if cv_status == "agreed" else as_date(cv.get("keep_until"))

        section = "self_review"
        review = doc.get("self_review") or {}
        scores, notes = review.get("scores") or {}, review.get("notes") or {}
        when = interview_date or rejected_on
        review_rows = [
            (when, key, scores.get(key), _text(notes.get(key)))
            for key in RUBRIC
            if key in scores or _text(notes.get(key)).strip()
        ]
        question_rows = []
        for entry in review.get("questions") or ():
            asked = (_text(entry.get("question")), _text(entry.get("my_answer")), _text(entry.get("better_answer")))
            if any(text.strip() for text in asked):
                question_rows.append((when, *asked))

        section = "contacts"
        contact_rows = []
        for contact in doc.get("contacts") or ():
            last = last_contact_on(contact)
            upcoming = as_date(contact.get("next_contact_on")) or next_contact_on(contact)
            contact_rows.append((
                contact["name"], _text(contact.get("email")), _text(contact.get("role")),
                as_date(contact.get("thank_you_sent_on")), as_date(contact.get("linkedin_request_sent_on")),
                as_date(contact.get("linkedin_accepted_on")), _count(contact.get("cadence_weeks", CADENCE_WEEKS)),
                last, upcoming, len(contact.get("log") or ()),
            ))

        # Progress reads every section, so a wrong value it trips on may be in any of them.
        section = _("one of the sections (its progress could not be worked out)")
        states, action_rows = summarise(doc, today=today)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError):
        # The light check let through a value of the wrong kind, or a date outside the
        # ones we keep; say where, not what (the value is the person's own words).
        where = answers.range_problem(doc)
        raise AnswersError(_("was skipped: {problem}").format(problem=where) if where else
                           _("was skipped: a value in {section} is of the wrong kind").format(section=section),
                           file=path) from None
    marks = tuple(states.values())
    rejection_row += (
        *marks,
        marks.count("done"),
        cv_status,
        keep_until,
        _moment(doc.get("saved_at")),
        # The workbook's language; one made before workbooks had one (or naming one we
        # do not speak) reads as en-GB.
        i18n.normalise(locale if isinstance(locale := rejection.get("locale"), str) else None) or i18n.DEFAULT,
    )
    return [rejection_row], checkin_rows, feedback_rows, review_rows, question_rows, contact_rows, action_rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _list(value: Any) -> tuple[str, ...]:
    # A tuple while the rows pile up, a list in the table (see _typed): the garbage
    # collector soon stops tracking a row of text, numbers, dates and tuples, but
    # walks one holding a list at every collection until the folder is loaded.
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("a list of text expected")
    return tuple(value)


def _flag(value: Any) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise TypeError("true, false or null expected")
    return value


def _count(value: Any) -> int | None:
    if value is not None and type(value) is not int:
        raise TypeError("a whole number expected")
    return value


def _moment(value: Any) -> str | None:
    # The wall-clock time as written (its UTC offset dropped): "20:00" means the
    # evening the person wrote it, wherever they were. Cutting at 19 characters is
    # not enough: "2026-06-01T20:00+01:00" has no seconds, and its offset would make
    # the column time-zone aware (which pandas refuses to mix with the others).
    if not isinstance(value, str) or not value:
        return None
    found = _WALL_CLOCK.match(value)
    return found.group(0) if found else None


_WALL_CLOCK = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


def _columns(rows: dict[str, list[tuple[Any, ...]]], owners: dict[str, list[int]],
             today: date) -> dict[str, dict[str, Any]]:
    """Every table's columns by name, each given its documented dtype."""
    import numpy as np
    import pandas as pd

    columns: dict[str, dict[str, Any]] = {}
    for name in TABLES:
        kinds, fields, table = COLUMNS[name], _FIELDS[name], rows[name]
        # Column by column with itemgetter: several times faster than zip(*rows), which
        # also makes an iterator per row for the garbage collector to walk.
        columns[name] = {field: _typed(list(map(itemgetter(i), table)), kinds[field])
                         for i, field in enumerate(fields)}
        if name != "rejections":
            where = np.array(owners[name], dtype=np.intp)
            columns[name].update({c: columns["rejections"][c].take(where) for c in _ID_COLUMNS})

    # The columns that depend on `today`.
    now = pd.Timestamp(today)
    rejections, actions = columns["rejections"], columns["actions"]
    rejections["days_since"] = (now - rejections["rejected_on"]).dt.days.astype("Int64")
    due = actions["due"]
    actions["done"] = actions["done_on"].notna().to_numpy()
    status = np.select(  # progress.urgency, for whole columns
        [actions["done"], actions["waiting"], (due < now).to_numpy(), (due == now).to_numpy(),
         (due <= now + pd.Timedelta(days=WEEK_AHEAD)).to_numpy()],
        ["done", "waiting", "overdue", "today", "this_week"],
        default="later",
    )
    actions["status"] = pd.Categorical(status, categories=URGENCIES, ordered=True)
    return columns


def _typed(values: list[Any], kind: str) -> Any:
    """One column's values as an array of the dtype `kind` names (see COLUMNS)."""
    import numpy as np
    import pandas as pd

    if kind == "date":  # dates or None
        return pd.Series(values, dtype="datetime64[s]")
    if kind == "datetime":  # ISO 8601 text or None
        return pd.to_datetime(values, format="ISO8601", errors="coerce").astype("datetime64[s]")
    if kind == "list":
        column = np.empty(len(values), dtype=object)  # one list per cell, never a 2-D array
        column[:] = [list(v) for v in values]  # kept as tuples until now (see _list)
        return column
    if kind in ("int64", "bool"):  # never missing: plain NumPy, made directly
        return np.array(values, dtype=kind)
    if kind in ("str", "Int64", "boolean"):
        return pd.array(values, dtype=kind)
    return pd.Categorical(values, categories=_CATEGORIES[kind], ordered=kind != "dimension")


_CATEGORIES: dict[str, tuple[str, ...]] = {
    "step": STATES,
    "cv_status": answers.CV_STATUSES,
    "dimension": tuple(RUBRIC),
    "status": URGENCIES,
}


def newest_first(rejections: pd.DataFrame) -> pd.DataFrame:
    """Workbooks as `status` and the home notebook list them: latest rejection first, then by company."""
    return rejections.sort_values(["rejected_on", "company"], ascending=[False, True], na_position="last")


def status_legend() -> str:
    """What the marks of `status_lines` mean, in one line (in the language in force)."""
    from nextround.core.progress import marks_legend

    return _("Steps: {steps}. {marks}.").format(
        steps=", ".join(f"{n} {_(title)}" for n, title in STEPS.items()), marks=marks_legend())


def status_lines(journal: Journal) -> list[str]:
    """One line per workbook, latest first: the five steps' marks, the date, company, role and file.

    Each is one line of plain text, whatever the company, role or file name hold.
    """
    lines = []
    for row in newest_first(journal.rejections).itertuples():
        when = row.rejected_on.date().isoformat() if not is_missing(row.rejected_on) else _("date unknown")
        lines.append(clean(f"{step_marks(row)}  {when:<12}  {title(row) or _('(no company or role)')}  "
                           f"[{row.workbook}]"))
    return lines


def step_marks(row: Any) -> str:
    """A `rejections` row's five steps as marks, e.g. "● ● ◐ · ·"."""
    return " ".join(MARKS[getattr(row, column)] for column in STEP_COLUMNS)


def title(row: Any) -> str:
    """A `rejections` row's "Company — Role" ("" when neither is known)."""
    return " — ".join(part for part in (row.company, row.role) if part)


def workbook_locales(journal: Journal) -> dict[str, str]:
    """Each workbook's language, by its id: its next actions are read in it."""
    return dict(zip(journal.rejections["workbook_id"], journal.rejections["locale"], strict=True))


def is_missing(value: Any) -> bool:
    """True for a table cell with nothing in it (None, NaN, NaT or NA)."""
    import pandas as pd

    return value is None or bool(pd.isna(value))
