"""A careers class's exercise handed out: a roster in, a workbook per student out.

The course folder's layout is `course.CourseDirectory`'s; the roster is read by
`roster.read_roster` (a plain CSV, a Canvas gradebook export or a Moodle grading
worksheet), and each student's LMS ids are kept in the course file beside them.

A student either brings their own rejection (a plain roster's further columns are
the parameters of `nextround new`) or is assigned a practice scenario, reproducibly
from the seed, as written for the course's language (the seed deals the same
scenario whatever the language).
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from nextround.classroom.course import COURSE_FORMAT, CourseDirectory
from nextround.classroom.roster import PLAIN, Roster, RosterStudent, read_roster
from nextround.core import i18n
from nextround.core.i18n import _
from nextround.core.names import student_folder
from nextround.core.parameters import PARAMETER_NAMES, Rejection, slugify
from nextround.errors import NextroundError, WorkbookExistsError

_SCENARIO_COLUMNS = ("scenario_id", *PARAMETER_NAMES)


@dataclasses.dataclass
class Generated:
    """What `generate` did: made, skipped (already there) and failed rows."""

    made: list[tuple[str, Path]]
    skipped: list[tuple[str, Path]]
    failed: list[NextroundError]
    roster: Roster | None = None  # what was read, and as which kind

    def summary(self) -> str:
        return _("{made} made, {skipped} skipped (already there), {failed} failed").format(
            made=len(self.made), skipped=len(self.skipped), failed=len(self.failed))


# --- scenarios ------------------------------------------------------------------------


_SHIPPED = Path(__file__).resolve().parent / "data"


def shipped_scenarios(locale: str | None = None) -> Path:
    """The shipped scenarios written for `locale` (default: the one in force); en-GB's for a locale without any.

    `data/scenarios.csv` is en-GB; `data/scenarios.<locale>.csv` holds the same
    scenario ids in the same order, so a seed deals a student the same scenario
    whatever the course's language.
    """
    found = i18n.normalise(locale or i18n.current()) or i18n.DEFAULT
    own = _SHIPPED / f"scenarios.{found}.csv"
    return own if found != i18n.DEFAULT and own.is_file() else _SHIPPED / "scenarios.csv"


def scenarios(source: str | Path | None = None, locale: str | None = None) -> list[dict[str, str]]:
    """Practice scenarios: those in `source` (a CSV of the same columns) as given, else the shipped ones for `locale`.

    `locale` defaults to the one in force; it chooses among the shipped files only.
    """
    from nextround.making.batch import read_rows

    if source is None:
        source = shipped_scenarios(locale)
    rows = read_rows(source, columns=_SCENARIO_COLUMNS, required=("scenario_id", "company", "role"))
    found = []
    for row in rows:
        params = {k: v for k, v in row.values.items() if k != "scenario_id" and v}
        Rejection.from_mapping(params, file=str(source), row=row.number)  # fail early on a bad scenario
        found.append({"scenario_id": row.values["scenario_id"], **params})
    if not found:
        raise NextroundError(_("has no scenarios"), file=str(source))
    return found


def assign(student_ids: Sequence[str], pool: Sequence[Mapping[str, str]], seed: int) -> dict[str, Mapping[str, str]]:
    """Give each student a scenario: shuffled by the seed, then dealt in turn.

    Dealing keeps the scenarios evenly spread; the same seed and roster always give
    the same assignment.
    """
    order = list(pool)
    random.Random(seed).shuffle(order)
    return {sid: order[i % len(order)] for i, sid in enumerate(student_ids)}


def scenario_rejection(scenario: Mapping[str, str], today: date, locale: str | None = None) -> Rejection:
    """A scenario as a rejection, dated as if it happened this week, its workbook speaking `locale`."""
    values = {k: v for k, v in scenario.items() if k != "scenario_id"}
    if locale:
        values.setdefault("locale", locale)
    values.setdefault("interview_date", (today - timedelta(days=9)).isoformat())
    values.setdefault("rejected_on", (today - timedelta(days=2)).isoformat())
    return Rejection.from_mapping(values)


# --- generate -------------------------------------------------------------------------


def generate(
    roster: str | Path,
    course: str | Path,
    *,
    scenario_file: str | Path | None = None,
    seed: int = 0,
    assignment_id: str | None = None,
    today: date | None = None,
    due: date | None = None,
    locale: str | None = None,
) -> Generated:
    """Make one workbook per student under `course/release/<folder>/`, speaking `locale`.

    `locale` defaults to the course's (a course generated again keeps its language),
    else the system's; the course file records it, for the class's other tools.

    Existing workbooks are never touched (reported as skipped); the course file
    records the roster (with each student's LMS ids), each student's scenario and
    the due date, so collecting knows who is missing and the grades go back to the
    LMS's own rows. Running it again with a newer export updates what the LMS says
    about each student and keeps what `collect` recorded.
    """
    from nextround.making.workbook import make

    layout = CourseDirectory(course)
    course = layout.root
    today = today or date.today()
    existing = layout.read() if layout.exists() else None
    assignment_id = assignment_id or (existing or {}).get("assignment_id") or slugify(course.resolve().name) or "class"
    if existing and existing["assignment_id"] != assignment_id:
        raise NextroundError(
            _("this course is for assignment {course}, not {given}").format(
                course=repr(existing["assignment_id"]), given=repr(assignment_id)),
            file=layout.course_file,
        )
    recorded = (existing or {}).get("locale")
    locale = (i18n.parse_locale(locale) if locale else None) or (
        i18n.normalise(recorded) if isinstance(recorded, str) else None) or (
        i18n.DEFAULT if existing else i18n.system_locale())
    read = read_roster(roster, locale=locale)
    students = read.students
    needing = [s.student_id for s in students if s.rejection is None]
    dealt = assign(needing, scenarios(scenario_file, locale), seed) if needing else {}
    record = {s["student_id"]: s for s in (existing or {}).get("students", [])}
    result = Generated([], [], read.failed, read)
    for student in students:
        folder_name = student_folder(student.student_id)
        known = record.get(student.student_id)
        if known is not None:  # what the LMS says now; what collect recorded stays
            known.update(_identity(student, folder_name))
        scenario = dealt.get(student.student_id)
        rejection = student.rejection
        if rejection is None:
            assert scenario is not None  # every student without a rejection was dealt one
            rejection = scenario_rejection(scenario, today, locale)
        folder = layout.release(student.student_id)
        try:
            path = make(rejection, folder, name=f"{assignment_id}-{folder_name}",
                        student_id=student.student_id, assignment_id=assignment_id).path
        except WorkbookExistsError as exc:
            result.skipped.append((student.student_id, Path(exc.file or folder)))
            continue
        result.made.append((student.student_id, path))
        record[student.student_id] = {
            **(known or {}),
            **_identity(student, folder_name),
            "scenario": scenario["scenario_id"] if scenario else "own",
            "workbook": str(path.relative_to(course).as_posix()),
        }
    doc = {"format": COURSE_FORMAT, "version": 1, "assignment_id": assignment_id, "seed": seed, "locale": locale}
    due_date = due.isoformat() if due else (existing or {}).get("due")
    if due_date:
        doc["due"] = due_date
    if read.kind != PLAIN or not existing or "roster" not in existing:
        doc["roster"] = read.info  # a plain roster read later keeps an LMS export's columns
    else:
        doc["roster"] = existing["roster"]
    doc["students"] = sorted(record.values(), key=lambda s: s["student_id"])
    layout.write(doc)
    return result


def _identity(student: RosterStudent, folder: str) -> dict[str, object]:
    """What the course file keeps of who a student is: their ids, names and LMS ids."""
    found: dict[str, object] = {"student_id": student.student_id, "name": student.name, "folder": folder}
    if student.email:
        found["email"] = student.email
    if student.lms:
        found["lms"] = dict(student.lms)
    return found
