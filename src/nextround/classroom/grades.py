"""Grades back to the LMS: one completion score per student, as Canvas, Moodle or a CSV wants it.

The score rule (docs/class-grades.md argues it, with examples):

- A student's work counts once it is collected: their answers are in `submitted/`.
  Nothing collected scores blank, never 0: nothing collected is not the same as
  nothing done (work handed in on paper, an extension, an excused student, a file
  held for review), and a blank is "not graded yet" to the LMS, where a 0 would
  count against them (Canvas's current score leaves blanks out; Moodle's import
  skips them). Collecting late work and exporting again fills it in.
- One point per step done of the five, from the progress the student shares
  (`ScoreRule.started`: what a started step earns, as a fraction of a done one,
  by default nothing), scaled to the points possible.
- A student who keeps their progress private scores from handing in
  (`ScoreRule.not_shared`): by default full marks, because keeping something
  private must cost no marks; or blank (to grade by hand); or a set number of
  steps.
- Late work (`late` in the course file, recorded by `collect`) loses
  `ScoreRule.late_penalty` per cent of the points possible, never going below 0.
- Scores are rounded to two decimals, halves up.

The points possible: `ScoreRule.points` when given; else, for Canvas, the
assignment column's `Points Possible` in the export the roster came from; for
Moodle, the worksheet's `Maximum Grade`; else 5, one per step.

Every cell written goes through `core.printable.spreadsheet_cell`: a name never
runs as a formula.
"""

from __future__ import annotations

import csv
import dataclasses
import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from nextround.classroom.course import CourseDirectory, late
from nextround.classroom.roster import (
    CANVAS,
    CANVAS_ID_COLUMNS,
    CANVAS_POINTS_ROW,
    MOODLE,
    MOODLE_CAN_CHANGE,
    MOODLE_GRADE,
    MOODLE_IDENTIFIER,
    MOODLE_MAXIMUM,
    MOODLE_MODIFIED,
    MOODLE_NAME,
    MOODLE_STATUS,
    number,
)
from nextround.classroom.summary import steps_done, students_progress
from nextround.core.i18n import _, ngettext
from nextround.core.names import slugify
from nextround.core.printable import spreadsheet_cell
from nextround.core.progress import STEPS
from nextround.errors import NextroundError
from nextround.storage import files

FORMATS = ("canvas", "moodle", "csv")
STEP_COUNT = len(STEPS)
DEFAULT_POINTS = STEP_COUNT  # one point per step
FULL, BLANK = "full", "blank"
CSV_COLUMNS = ("student_id", "name", "email", "steps_done", "late", "score", "max_score")


@dataclasses.dataclass(frozen=True)
class ScoreRule:
    """How a student's score is worked out (see the module doc)."""

    points: float | None = None  # the points possible; None: the LMS's, else DEFAULT_POINTS
    late_penalty: float = 0.0  # per cent of the points possible taken off late work
    started: float = 0.0  # what a started step earns, as a fraction of a done one
    not_shared: str | int = FULL  # FULL, BLANK, or how many steps to credit

    def __post_init__(self) -> None:
        if self.points is not None and not (math.isfinite(self.points) and self.points > 0):
            raise NextroundError(_("must be a number above 0"), field="--points")
        if not 0 <= self.late_penalty <= 100:
            raise NextroundError(_("must be a percentage from 0 to 100"), field="--late-penalty")
        if not 0 <= self.started <= 1:
            raise NextroundError(_("must be a fraction from 0 to 1"), field="--started")
        if self.not_shared not in (FULL, BLANK) and not (
                type(self.not_shared) is int and 0 <= self.not_shared <= STEP_COUNT):
            raise NextroundError(_("must be {full}, {blank} or a number of steps from 0 to {count}").format(
                full=FULL, blank=BLANK, count=STEP_COUNT), field="--not-shared")

    def score(self, states: Mapping[Any, str] | None, *, is_late: bool, points: float) -> int | float | None:
        """A handed-in student's score: from their shared step states, or None (blank)."""
        if states is None:
            if self.not_shared == BLANK:
                return None
            earned = Fraction(STEP_COUNT if self.not_shared == FULL else int(self.not_shared))
        else:
            started = sum(states.get(n) == "started" for n in STEPS)
            earned = steps_done(states) + Fraction(str(self.started)) * started
        total = Fraction(str(points))
        value = earned / STEP_COUNT * total
        if is_late:
            value = max(Fraction(0), value - total * Fraction(str(self.late_penalty)) / 100)
        return _rounded(value)


def _rounded(value: Fraction) -> int | float:
    """To two decimals, halves up; a whole number as an int (written "8", not "8.0")."""
    hundredths = math.floor(value * 100 + Fraction(1, 2))
    return hundredths // 100 if hundredths % 100 == 0 else hundredths / 100


@dataclasses.dataclass
class Grade:
    """One student's line in a grades file."""

    student: dict[str, Any]  # their record in the course file
    handed_in: bool
    shared: bool  # their progress
    steps_done: int | None
    late: bool
    score: int | float | None


@dataclasses.dataclass
class Written:
    """What `write_grades` wrote: the file, its points possible and its students."""

    path: Path
    format: str
    points: int | float
    grades: list[Grade]
    column: str = ""  # Canvas: the assignment's column
    notes: list[str] = dataclasses.field(default_factory=list)  # what the instructor should know

    def summary(self) -> str:
        """One line: how many scored, how many blank and why."""
        scored = [g for g in self.grades if g.score is not None]
        blank = len(self.grades) - len(scored)
        nothing = sum(not g.handed_in for g in self.grades)
        private = sum(g.handed_in and not g.shared for g in self.grades)
        late_ = sum(g.handed_in and g.late for g in self.grades)
        parts = [_("{count} scored out of {points}").format(count=len(scored), points=self.points),
                 _("{count} blank ({nothing} with nothing handed in)").format(count=blank, nothing=nothing)]
        if private:
            parts.append(_("{count} scored from handing in (progress kept private)").format(count=private))
        if late_:
            parts.append(_("{count} late").format(count=late_))
        students = ngettext("{count} student", "{count} students", len(self.grades)).format(count=len(self.grades))
        return f"{self.path}: {students}: " + ", ".join(parts)


def grades(course: str | Path, rule: ScoreRule, points: float) -> list[Grade]:
    """Every student's grade, in the course file's order."""
    found = []
    for student, handed_in, states in students_progress(course):
        is_late = handed_in and late(student)
        found.append(Grade(
            student, handed_in, states is not None, steps_done(states) if handed_in and states is not None else None,
            is_late, rule.score(states, is_late=is_late, points=points) if handed_in else None,
        ))
    return found


def write_grades(course: str | Path, out: str | Path, fmt: str | None = None, rule: ScoreRule | None = None,
                 *, column: str | None = None) -> Written:
    """Write the grades file for `fmt` ("canvas", "moodle" or "csv"; by default the roster's LMS, else csv)."""
    rule = rule or ScoreRule()
    doc = CourseDirectory(course).read()
    given = doc.get("roster")
    roster: dict[str, Any] = given if isinstance(given, dict) else {}
    fmt = fmt or (roster.get("kind") if roster.get("kind") in (CANVAS, MOODLE) else "csv")
    if fmt not in FORMATS:
        raise NextroundError(_("unknown format {format}; choose one of {formats}").format(
            format=repr(fmt), formats=", ".join(FORMATS)), field="--format")
    notes: list[str] = []
    if fmt == "canvas":
        column, points = _canvas_column(doc, roster, column, rule, notes)
    elif fmt == "moodle":
        points = _moodle_points(roster, rule)
    else:
        points = rule.points or DEFAULT_POINTS
    shown_points = _rounded(Fraction(str(points)))
    found = grades(course, rule, points)
    if fmt == "canvas":
        header, rows = _canvas(found, column or "", shown_points, notes)
    elif fmt == "moodle":
        header, rows = _moodle(found, roster, notes)
    else:
        header, rows = list(CSV_COLUMNS), [_plain(g, shown_points) for g in found]
    path = Path(out)
    _write_csv(path, header, rows)
    return Written(path, fmt, shown_points, found, column or "", notes)


def _write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([spreadsheet_cell(cell, one_line=True) for cell in header])
            # Text is defused (never a formula, no control characters); numbers stay numbers.
            writer.writerows([spreadsheet_cell(cell, one_line=True) for cell in row] for row in rows)

    files.replace_with(path, write)


def _late_cell(grade: Grade) -> str:
    return ("yes" if grade.late else "no") if grade.handed_in else ""


def _plain(grade: Grade, points: int | float) -> list[Any]:
    s = grade.student
    return [s["student_id"], s["name"], s.get("email", ""), grade.steps_done, _late_cell(grade), grade.score, points]


# --- Canvas ----------------------------------------------------------------------------


def _canvas_column(doc: Mapping[str, Any], roster: Mapping[str, Any], requested: str | None, rule: ScoreRule,
                   notes: list[str]) -> tuple[str, float]:
    """The assignment's column and its points possible (the rule's, or the export's)."""
    known = [a for a in roster.get("assignments", []) if isinstance(a, dict)] if roster.get("kind") == CANVAS else []
    chosen: Mapping[str, Any] | None = None
    if requested:
        chosen = next((a for a in known if requested in (a.get("column"), a.get("title"), a.get("id"))), None)
        column = str(chosen["column"]) if chosen else requested
    elif len(known) == 1:
        chosen = known[0]
    elif len(known) > 1:
        chosen = next((a for a in known if slugify(str(a.get("title", ""))) == doc["assignment_id"]), None)
        if chosen is None:
            listed = "; ".join(str(a.get("column")) for a in known[:12]) + ("; ..." if len(known) > 12 else "")
            raise NextroundError(_("the Canvas export has {count} assignment columns ({columns}); say which is this "
                                   "exercise's with --column").format(count=len(known), columns=listed),
                                 field="--column")
    if chosen is not None:
        column = str(chosen["column"])
    elif not requested:
        column = f"nextround ({doc['assignment_id']})"  # Canvas makes a new assignment of this name
    if rule.points:
        return column, rule.points
    given = chosen.get("points_possible") if chosen else None
    if isinstance(given, (int, float)) and not isinstance(given, bool) and given > 0:
        return column, float(given)
    notes.append(_("Canvas's points possible for {column} are not in the export: scores are out of {points}, one "
                   "per step; give --points to match the assignment").format(column=repr(column),
                                                                            points=DEFAULT_POINTS))
    return column, DEFAULT_POINTS


Table = tuple[list[str], list[list[Any]]]  # a header and its rows


def _canvas(found: list[Grade], column: str, points: int | float, notes: list[str]) -> Table:
    """Canvas's gradebook import: the export's student columns, the assignment's, and Points Possible."""
    header = ["Student", *CANVAS_ID_COLUMNS, column]
    rows: list[list[Any]] = [[CANVAS_POINTS_ROW, "", "", "", "", points]]
    ours = sorted((g for g in found if _lms(g).get("kind") == CANVAS), key=lambda g: _row(_lms(g)))
    others = [g for g in found if _lms(g).get("kind") != CANVAS]
    for grade in ours:
        lms = _lms(grade)
        rows.append([lms.get("student", ""), lms.get("canvas_id", ""), lms.get("sis_user_id", ""),
                     lms.get("sis_login_id", ""), lms.get("section", ""), grade.score])
    for grade in others:  # Canvas can match them only by login id, then by name
        s = grade.student
        rows.append([s["name"], "", "", s["student_id"], "", grade.score])
    if others:
        notes.append(ngettext("{count} student came from a roster that was not a Canvas export: Canvas will match "
                              "them by login id (their student id) or by name only",
                              "{count} students came from a roster that was not a Canvas export: Canvas will "
                              "match them by login id (their student id) or by name only",
                              len(others)).format(count=len(others)))
    return header, rows


# --- Moodle ----------------------------------------------------------------------------


def _moodle_points(roster: Mapping[str, Any], rule: ScoreRule) -> float:
    if roster.get("kind") != MOODLE:
        raise NextroundError(_("a Moodle grading worksheet needs each student's participant number, which only a "
                             "roster read from a Moodle grading worksheet gives; run `nextround class generate` "
                             "with the worksheet Moodle gives you (Download grading worksheet)"), field="--format")
    maximum = roster.get("maximum_grade")
    if roster.get("scale"):
        raise NextroundError(_("this Moodle assignment is graded on a scale, not in points, so a score cannot go "
                             "back in its worksheet; use --format csv"), field="--format")
    if rule.points and isinstance(maximum, (int, float)) and rule.points > maximum:
        shown = _rounded(Fraction(str(maximum)))
        raise NextroundError(_("is more than the assignment's Maximum Grade in Moodle ({maximum}); Moodle would "
                               "refuse every score above it").format(maximum=shown), field="--points")
    if rule.points:
        return rule.points
    if isinstance(maximum, (int, float)) and not isinstance(maximum, bool) and maximum > 0:
        return float(maximum)
    raise NextroundError(_("the Moodle worksheet the roster came from has no Maximum Grade; give --points"),
                         field="--points")


def _moodle(found: list[Grade], roster: Mapping[str, Any], notes: list[str]) -> Table:
    """Moodle's grading worksheet: its identifying columns, Grade filled, and what its import checks."""
    identity = [str(c) for c in roster.get("identity_columns", [])]
    maximum_column = str(roster.get("maximum_column") or MOODLE_MAXIMUM)  # as the worksheet spelt it
    header = [MOODLE_IDENTIFIER, MOODLE_NAME, *identity, MOODLE_STATUS, MOODLE_GRADE, maximum_column,
              MOODLE_CAN_CHANGE, MOODLE_MODIFIED]
    rows = []
    ours = sorted((g for g in found if _lms(g).get("kind") == MOODLE), key=lambda g: _row(_lms(g)))
    for grade in ours:
        lms = _lms(grade)
        kept = lms.get("identity")
        values: dict[str, Any] = kept if isinstance(kept, dict) else {}
        status = ("handed in late" if grade.late else "handed in") if grade.handed_in else "nothing handed in"
        maximum = number(str(lms.get("maximum_grade", "")))
        rows.append([lms.get("identifier", ""), lms.get("full_name", ""), *(values.get(c, "") for c in identity),
                     status, grade.score, _rounded(Fraction(str(maximum))) if maximum is not None else "",
                     lms.get("grade_can_be_changed", ""), _moodle_time(lms.get("last_modified_grade", ""))])
    left_out = len(found) - len(ours)
    if left_out:
        notes.append(ngettext("{count} student came from a roster that was not this Moodle worksheet and has no "
                              "participant number: they are not in the file",
                              "{count} students came from a roster that was not this Moodle worksheet and have no "
                              "participant number: they are not in the file", left_out).format(count=left_out))
    return header, rows


def _moodle_time(value: Any) -> str:
    """Moodle's "Last modified (grade)" as exported; its "-" (never) as blank, which it reads the same way."""
    return "" if value == "-" else str(value)


def _lms(grade: Grade) -> Mapping[str, Any]:
    lms = grade.student.get("lms")
    return lms if isinstance(lms, dict) else {}


def _row(lms: Mapping[str, Any]) -> int:
    row = lms.get("row")
    return row if type(row) is int else 0
