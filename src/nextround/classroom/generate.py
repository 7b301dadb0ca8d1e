"""A careers class's exercise handed out: a roster in, a workbook per student out.

The course folder's layout is `course.CourseDirectory`'s.

A student either brings their own rejection (the roster's further columns are the
parameters of `nextround new`) or is assigned a practice scenario, reproducibly from
the seed.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from nextround.classroom.course import COURSE_FORMAT, CourseDirectory
from nextround.core.parameters import PARAMETER_NAMES, Rejection, slugify
from nextround.errors import NextroundError, ParameterError, WorkbookExistsError

_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_SCENARIO_COLUMNS = ("scenario_id", *PARAMETER_NAMES)


@dataclasses.dataclass(frozen=True)
class Student:
    """One roster row, validated."""

    student_id: str
    name: str
    rejection: Rejection | None  # their own, if the roster gives one


@dataclasses.dataclass
class Generated:
    """What `generate` did: made, skipped (already there) and failed rows."""

    made: list[tuple[str, Path]]
    skipped: list[tuple[str, Path]]
    failed: list[NextroundError]

    def summary(self) -> str:
        return f"{len(self.made)} made, {len(self.skipped)} skipped (already there), {len(self.failed)} failed"


# --- scenarios ------------------------------------------------------------------------


def scenarios(source: str | Path | None = None) -> list[dict[str, str]]:
    """Practice scenarios: the shipped ones, or those in a CSV of the same columns."""
    from nextround.making.batch import read_rows

    if source is None:
        source = Path(__file__).resolve().parent / "data" / "scenarios.csv"
    rows = read_rows(source, columns=_SCENARIO_COLUMNS, required=("scenario_id", "company", "role"))
    found = []
    for row in rows:
        params = {k: v for k, v in row.values.items() if k != "scenario_id" and v}
        Rejection.from_mapping(params, file=str(source), row=row.number)  # fail early on a bad scenario
        found.append({"scenario_id": row.values["scenario_id"], **params})
    if not found:
        raise NextroundError("has no scenarios", file=str(source))
    return found


def assign(student_ids: Sequence[str], pool: Sequence[Mapping[str, str]], seed: int) -> dict[str, Mapping[str, str]]:
    """Give each student a scenario: shuffled by the seed, then dealt in turn.

    Dealing keeps the scenarios evenly spread; the same seed and roster always give
    the same assignment.
    """
    order = list(pool)
    random.Random(seed).shuffle(order)
    return {sid: order[i % len(order)] for i, sid in enumerate(student_ids)}


def scenario_rejection(scenario: Mapping[str, str], today: date) -> Rejection:
    """A scenario as a rejection, dated as if it happened this week."""
    values = {k: v for k, v in scenario.items() if k != "scenario_id"}
    values.setdefault("interview_date", (today - timedelta(days=9)).isoformat())
    values.setdefault("rejected_on", (today - timedelta(days=2)).isoformat())
    return Rejection.from_mapping(values)


# --- generate -------------------------------------------------------------------------


def read_roster(source: str | Path) -> tuple[list[Student], list[NextroundError]]:
    """The roster's students, and one error per bad row (the good rows still count)."""
    from nextround.making.batch import read_rows

    rows = read_rows(source, columns=("student_id", "name", *PARAMETER_NAMES), required=("student_id", "name"))
    students: list[Student] = []
    errors: list[NextroundError] = []
    seen: set[str] = set()
    for row in rows:
        v = row.values
        sid, name = v.get("student_id", ""), v.get("name", "")

        def fail(field: str, message: str, number: int = row.number) -> None:
            errors.append(ParameterError(message, file=str(source), row=number, field=field))

        if row.problem:
            fail("", row.problem)
        elif not _STUDENT_ID.match(sid):
            fail("student_id", f"{sid!r} is not a usable id (letters, digits, dot, dash or underscore)")
        elif sid in seen:
            fail("student_id", f"{sid!r} appears twice in the roster")
        elif not name.strip():
            fail("name", "is required")
        else:
            own = {k: x for k, x in v.items() if k in PARAMETER_NAMES and x}
            try:
                rejection = Rejection.from_mapping(own, file=str(source), row=row.number) if own else None
            except ParameterError as exc:
                errors.append(exc)
                continue
            seen.add(sid)
            students.append(Student(sid, name.strip(), rejection))
    return students, errors


def generate(
    roster: str | Path,
    course: str | Path,
    *,
    scenario_file: str | Path | None = None,
    seed: int = 0,
    assignment_id: str | None = None,
    today: date | None = None,
) -> Generated:
    """Make one workbook per student under `course/release/<student_id>/`.

    Existing workbooks are never touched (reported as skipped); the course file
    records the roster and each student's scenario, so collecting knows who is
    missing.
    """
    from nextround.making.workbook import make

    layout = CourseDirectory(course)
    course = layout.root
    today = today or date.today()
    existing = layout.read() if layout.exists() else None
    assignment_id = assignment_id or (existing or {}).get("assignment_id") or slugify(course.resolve().name) or "class"
    if existing and existing["assignment_id"] != assignment_id:
        raise NextroundError(
            f"this course is for assignment {existing['assignment_id']!r}, not {assignment_id!r}",
            file=layout.course_file,
        )
    students, failed = read_roster(roster)
    needing = [s.student_id for s in students if s.rejection is None]
    dealt = assign(needing, scenarios(scenario_file), seed) if needing else {}
    record = {s["student_id"]: s for s in (existing or {}).get("students", [])}
    result = Generated([], [], failed)
    for student in students:
        scenario = dealt.get(student.student_id)
        rejection = student.rejection
        if rejection is None:
            assert scenario is not None  # every student without a rejection was dealt one
            rejection = scenario_rejection(scenario, today)
        folder = layout.release(student.student_id)
        try:
            path = make(rejection, folder, name=f"{assignment_id}-{student.student_id}",
                        student_id=student.student_id, assignment_id=assignment_id).path
        except WorkbookExistsError as exc:
            result.skipped.append((student.student_id, Path(exc.file or folder)))
            continue
        result.made.append((student.student_id, path))
        record[student.student_id] = {
            "student_id": student.student_id,
            "name": student.name,
            "scenario": scenario["scenario_id"] if scenario else "own",
            "workbook": str(path.relative_to(course)),
        }
    layout.write({"format": COURSE_FORMAT, "version": 1, "assignment_id": assignment_id,
                           "seed": seed, "students": sorted(record.values(), key=lambda s: s["student_id"])})
    return result


