"""Who is in the class: a roster read from a plain CSV or from an LMS's own export.

Three kinds are read, told apart by their header (docs/lms.md says where each
format comes from):

- a plain roster: `student_id`, `name`, optionally `email` and a rejection's columns
  (those of `nextround batch`), for a student who brings their own;
- a Canvas gradebook export: `Student` (or `LastName` and `FirstName`), `ID`,
  `SIS User ID`, `SIS Login ID`, `Section`, then a column per assignment named
  `<title> (<assignment id>)`; its `Points Possible` row (and a `Manual Posting` or
  `Muted` row, in some exports) is not a student. A student's id is their SIS User ID
  where there is one, else their Canvas ID;
- a Moodle grading worksheet: `Identifier` ("Participant 12"), `Full name`, the
  identity columns the site shows (`Email address`, ...), `Status`, `Grade`,
  `Maximum Grade`, ... A student's id is their email address, else their ID number,
  else `participant-<n>` (under blind marking the worksheet names no one).

Ids may be numbers, usernames or email addresses (`core.names.STUDENT_ID`). The
LMS's own ids and names are kept with each student (`RosterStudent.lms`), so that
uploads can be matched and grades go back to the same rows. A bad row is named
(file, row, column) and skipped; every other row is read as if it were alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from nextround.core.i18n import N_, _, ngettext
from nextround.core.names import student_folder, student_id_problem
from nextround.core.parameters import PARAMETER_NAMES, Rejection, is_email
from nextround.errors import NextroundError, ParameterError

PLAIN, CANVAS, MOODLE = "plain", "canvas", "moodle"
#: How each kind is named to a person.
KINDS = {PLAIN: N_("a plain roster"), CANVAS: N_("a Canvas gradebook export"), MOODLE: N_("a Moodle grading worksheet")}

# Canvas (lib/gradebook_exporter.rb and lib/gradebook_importer.rb in instructure/canvas-lms).
CANVAS_POINTS_ROW = "Points Possible"  # the exporter writes it with four spaces before
CANVAS_ID_COLUMNS = ("ID", "SIS User ID", "SIS Login ID", "Section")
_CANVAS_INFO = {"Student", "LastName", "FirstName", "ID", "SIS User ID", "SIS Login ID", "Integration ID",
                "Root Account", "Section"}
_CANVAS_TOTALS = re.compile(r"(Current|Final|Unposted|Override) (Score|Points|Grade|Status)")
_CANVAS_ASSIGNMENT = re.compile(r"^(?P<title>.*\S)\s*\((?P<id>\d+)\)$")
_CANVAS_HIDDEN_ROW = re.compile(r"^\s*(Muted|Manual Posting.*)?\s*$", re.IGNORECASE)
_CANVAS_TEST_STUDENT = "Student, Test"  # Canvas's Student View enrolment, listed last
# Moodle (mod/assign/gradingtable.php, mod/assign/feedback/offline/importgradeslib.php).
MOODLE_IDENTIFIER, MOODLE_NAME, MOODLE_EMAIL = "Identifier", "Full name", "Email address"
MOODLE_STATUS, MOODLE_GRADE, MOODLE_MAXIMUM = "Status", "Grade", "Maximum Grade"
MOODLE_CAN_CHANGE, MOODLE_MODIFIED = "Grade can be changed", "Last modified (grade)"
_MOODLE_PARTICIPANT = re.compile(r"^Participant\s+(\d+)$")
_MOODLE_ID_NUMBER = "ID number"
_NUMBER = re.compile(r"^\s*(\d+)(?:[.,](\d+))?\s*$")


@dataclasses.dataclass(frozen=True)
class RosterStudent:
    """One student from the roster, checked."""

    student_id: str
    name: str
    rejection: Rejection | None = None  # their own, if a plain roster gives one
    email: str = ""
    lms: Mapping[str, Any] = dataclasses.field(default_factory=dict)  # the LMS's ids and names for them


@dataclasses.dataclass
class Roster:
    """A roster as read: its kind, its students, and the rows that were skipped."""

    source: str
    kind: str
    students: list[RosterStudent]
    failed: list[NextroundError]
    notes: list[str] = dataclasses.field(default_factory=list)  # rows left out that are not mistakes
    info: dict[str, Any] = dataclasses.field(default_factory=dict)  # what the grades file needs back

    def described(self) -> str:
        """One line: what was read, and how many students it gave."""
        skipped = len(self.failed) + len(self.notes)
        count = len(self.students)
        students = ngettext("{count} student", "{count} students", count).format(count=count)
        tail = (", " + ngettext("{count} row skipped", "{count} rows skipped", skipped).format(count=skipped)
                if skipped else "")
        return _("{file}: read as {kind}: {students}").format(file=self.source, kind=_(KINDS[self.kind]),
                                                              students=students) + tail


def number(text: str) -> float | None:
    """A number as an LMS exports it ("10.00", or "10,00" in a decimal-comma locale); None if it is not one."""
    match = _NUMBER.match(text or "")
    if not match:
        return None
    return float(f"{match[1]}.{match[2] or 0}")


def read_roster(source: str | Path, *, locale: str | None = None) -> Roster:
    """The roster in `source`, of whichever kind its header says.

    A plain roster's own rejections speak their row's `locale`, else `locale` (else en-GB).
    Raises NextroundError only for a problem with the whole file (unreadable, or a
    header of no kind known); a bad row is in `Roster.failed` and the rest are read.
    """
    from nextround.making.batch import read_table

    table = read_table(source, example="student_id,name")
    header = [cell.strip() for cell in table.header]
    if "student_id" in {_plain_name(cell) for cell in header}:
        return _plain(source, locale)
    if "ID" in header and ("Student" in header or {"LastName", "FirstName"} <= set(header)):
        return _Reader(table.source, CANVAS, header).canvas(table)
    if MOODLE_IDENTIFIER in header:
        return _Reader(table.source, MOODLE, header).moodle(table)
    raise NextroundError(
        _("is not a roster nextround knows: its header (row 1) has neither student_id and name (a plain roster), "
        "nor Student and ID (a Canvas gradebook export), nor Identifier (a Moodle grading worksheet, "
        "downloaded in English)"), file=table.source)


def _plain_name(cell: str) -> str:
    from nextround.making.batch import column_name

    return column_name(cell)


class _Reader:
    """Reads one LMS export's rows, checking each as the plain roster's are checked."""

    def __init__(self, source: str, kind: str, header: list[str]) -> None:
        self.roster = Roster(source, kind, [], [])
        self.header = header
        self.index: dict[str, int] = {}
        for i, cell in enumerate(header):
            self.index.setdefault(cell, i)
            self.index.setdefault(cell.casefold(), i)  # Moodle's "Maximum grade" or "Maximum Grade"
        self._checks = _Checks(self.roster)

    def cell(self, cells: Sequence[str], column: str) -> str:
        i = self.index.get(column, self.index.get(column.casefold()))
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def fail(self, row: int, column: str, message: str) -> None:
        self.roster.failed.append(ParameterError(message, file=self.roster.source, row=row, field=column or None))

    def rows(self, table: Any) -> list[tuple[int, list[str]]]:
        """The records with anything in them; a row longer than the header is named and left out."""
        from nextround.making.batch import unclosed_problem

        kept = []
        for number_, cells in table.records:
            if not any(cell.strip() for cell in cells):
                continue
            extra = [cell for cell in cells[len(self.header):] if cell.strip()]
            if extra:
                self.fail(number_, "", _("has {cells} cells but the header has {columns} columns; a value that "
                                         "contains the separator must be in double quotes").format(
                    cells=len(self.header) + len(extra), columns=len(self.header)))
                continue
            kept.append((number_, cells))
        unclosed = unclosed_problem(table)
        if unclosed is not None:
            self.fail(unclosed.number, "", unclosed.problem or "")
        return kept

    # --- Canvas ---------------------------------------------------------------------

    def canvas(self, table: Any) -> Roster:
        first_last = "Student" not in self.index
        assignments = self._canvas_assignments()  # column index -> what the grades file needs
        for row, cells in self.rows(table):
            label = self.cell(cells, "LastName" if first_last else "Student")
            if CANVAS_POINTS_ROW in label:
                for i, assignment in assignments.items():
                    assignment["points_possible"] = number(cells[i] if i < len(cells) else "")
                continue
            if all(_CANVAS_HIDDEN_ROW.match(cell) for cell in cells):
                continue  # the row that marks hidden (muted) assignments: not a student
            if first_last:
                last, first = label, self.cell(cells, "FirstName")
                shown, name = f"{last}, {first}".strip(", "), f"{first} {last}".strip()
            else:
                shown, name = label, _canvas_name(label)
            if shown == _CANVAS_TEST_STUDENT:
                self.roster.notes.append(_("{file}, row {row}: Canvas's test student (Student View) is not a "
                                           "student; left out").format(file=self.roster.source, row=row))
                continue
            canvas_id, sis_id = self.cell(cells, "ID"), self.cell(cells, "SIS User ID")
            login, section = self.cell(cells, "SIS Login ID"), self.cell(cells, "Section")
            if canvas_id and not canvas_id.isdigit():
                self.fail(row, "ID", _("{id} is not a Canvas user id (a number)").format(id=repr(canvas_id)))
                continue
            if not (sis_id or canvas_id):
                self.fail(row, "ID", _("is blank, and so is the SIS User ID: nothing identifies this student"))
                continue
            lms = {"kind": CANVAS, "row": row, "student": shown, "canvas_id": canvas_id, "sis_user_id": sis_id,
                   "sis_login_id": login, "section": section}
            self._checks.add(row, "SIS User ID" if sis_id else "ID", sis_id or canvas_id, name,
                             "FirstName" if first_last else "Student",
                             email=next((x for x in (login, sis_id) if is_email(x)), ""), lms=lms)
        self.roster.info = {"kind": CANVAS, "file": Path(self.roster.source).name,
                            "assignments": list(assignments.values())}
        return self.roster

    def _canvas_assignments(self) -> dict[int, dict[str, Any]]:
        """The assignment columns, by index: `<title> (<assignment id>)`, not a total."""
        found = {}
        for i, cell in enumerate(self.header):
            match = _CANVAS_ASSIGNMENT.match(cell)
            if match and cell not in _CANVAS_INFO and not _CANVAS_TOTALS.search(cell):
                found[i] = {"column": cell, "title": match["title"], "id": match["id"], "points_possible": None}
        return found

    # --- Moodle ---------------------------------------------------------------------

    def moodle(self, table: Any) -> Roster:
        named = MOODLE_NAME in self.index
        start = self.index[MOODLE_NAME] + 1 if named else self.index[MOODLE_IDENTIFIER] + 1
        end = self.index.get(MOODLE_STATUS, start)
        identity = [cell for cell in self.header[start:end] if cell]  # Email address, ID number, ...
        maximum: float | None = None
        for row, cells in self.rows(table):
            identifier = self.cell(cells, MOODLE_IDENTIFIER)
            match = _MOODLE_PARTICIPANT.match(identifier)
            if not match:
                self.fail(row, MOODLE_IDENTIFIER, _('{id} is not a Moodle participant ("Participant" and a '
                                                    'number)').format(id=repr(identifier)) if identifier
                          else _("is blank"))
                continue
            participant = match[1]
            email = self.cell(cells, MOODLE_EMAIL)
            if email and not is_email(email):
                self.fail(row, MOODLE_EMAIL, _("{email} is not an email address").format(email=repr(email)))
                continue
            id_number = self.cell(cells, _MOODLE_ID_NUMBER)
            student_id, column = ((email, MOODLE_EMAIL) if email else (id_number, _MOODLE_ID_NUMBER) if id_number
                                  else (f"participant-{participant}", MOODLE_IDENTIFIER))
            name = self.cell(cells, MOODLE_NAME) if named else f"Participant {participant}"
            row_maximum = self.cell(cells, MOODLE_MAXIMUM)
            if maximum is None:
                maximum = number(row_maximum)
            lms = {"kind": MOODLE, "row": row, "participant": participant, "identifier": identifier,
                   "full_name": self.cell(cells, MOODLE_NAME),
                   "identity": {column_: self.cell(cells, column_) for column_ in identity},
                   "maximum_grade": row_maximum, "grade_can_be_changed": self.cell(cells, MOODLE_CAN_CHANGE),
                   "last_modified_grade": self.cell(cells, MOODLE_MODIFIED)}
            self._checks.add(row, column, student_id, name, MOODLE_NAME, email=email, lms=lms)
        spelt = next((cell for cell in self.header if cell.casefold() == MOODLE_MAXIMUM.casefold()), "")
        self.roster.info = {"kind": MOODLE, "file": Path(self.roster.source).name, "identity_columns": identity,
                            "maximum_grade": maximum, "maximum_column": spelt or MOODLE_MAXIMUM,
                            "scale": "Scale" in self.index and not spelt}
        return self.roster


def _canvas_name(shown: str) -> str:
    """A person's name from Canvas's sortable one: "Doe, Jane" -> "Jane Doe".

    Canvas exports a name that starts with "=" as `="..."`, so that no spreadsheet
    runs it; that wrapping is taken off.
    """
    wrapped = re.match(r'^="(.*)"$', shown)
    if wrapped:
        shown = wrapped[1]
    last, comma, first = shown.partition(", ")
    return f"{first} {last}".strip() if comma else shown


class _Checks:
    """The checks every student passes, whatever the roster's kind: a usable id, once, and a name."""

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self.seen: dict[str, int] = {}
        self.folders: dict[str, tuple[str, int]] = {}

    def problem(self, student_id: str, name: str) -> tuple[str, str] | None:
        """(which, message) for the first thing wrong with this student; None when nothing is."""
        problem = student_id_problem(student_id)
        if problem:
            return "id", problem
        if student_id in self.seen:
            return "id", _("{id} appears twice in the roster (first in row {row})").format(
                id=repr(student_id), row=self.seen[student_id])
        folder = student_folder(student_id).casefold()
        if folder in self.folders:
            other, row = self.folders[folder]
            return "id", _("{id} and {other} (row {row}) differ only in capitals; Windows and macOS would keep "
                           "their work in one folder").format(id=repr(student_id), other=repr(other), row=row)
        if not name.strip():
            return "name", _("is required")
        return None

    def add(self, row: int, id_column: str, student_id: str, name: str, name_column: str, *,
            email: str = "", lms: Mapping[str, Any] | None = None,
            rejection: Callable[[], Rejection | None] | None = None) -> None:
        found = self.problem(student_id, name)
        if found:
            which, message = found
            self.roster.failed.append(ParameterError(message, file=self.roster.source, row=row,
                                                     field=id_column if which == "id" else name_column))
            return
        try:
            own = rejection() if rejection else None
        except ParameterError as exc:
            self.roster.failed.append(exc)
            return
        self.seen[student_id] = row
        self.folders[student_folder(student_id).casefold()] = (student_id, row)
        self.roster.students.append(RosterStudent(student_id, name.strip(), own, email, dict(lms or {})))


def _plain(source: str | Path, locale: str | None = None) -> Roster:
    from nextround.making.batch import read_rows

    rows = read_rows(source, columns=("student_id", "name", "email", *PARAMETER_NAMES), required=("student_id", "name"))
    roster = Roster(str(source), PLAIN, [], [], info={"kind": PLAIN, "file": Path(source).name})
    checks = _Checks(roster)
    for row in rows:
        values = row.values
        if row.problem:
            roster.failed.append(ParameterError(row.problem, file=str(source), row=row.number))
            continue
        email = values.get("email", "")
        if email and not is_email(email):
            roster.failed.append(ParameterError(_("{email} is not an email address").format(email=repr(email)),
                                                file=str(source), row=row.number, field="email"))
            continue
        own = {k: x for k, x in values.items() if k in PARAMETER_NAMES and x}

        def rejection(own: dict[str, str] = own, number_: int = row.number) -> Rejection | None:
            # A language alone is not a rejection of one's own: such a student gets a scenario.
            if not set(own) - {"locale"}:
                return None
            return Rejection.from_mapping({"locale": locale or "", **own}, file=str(source), row=number_)

        checks.add(row.number, "student_id", values.get("student_id", ""), values.get("name", ""), "name",
                   email=email, rejection=rejection)
    return roster
