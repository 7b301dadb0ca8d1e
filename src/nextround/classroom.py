"""A careers class's exercise: a roster in, a workbook per student out, and back again.

The course folder is laid out by step, then by student, as nbgrader does:

    COURSE/course.json                  the assignment, the roster and who got which scenario
    COURSE/release/<student_id>/        the workbook handed out
    COURSE/submitted/<student_id>/      what `collect` found for them (newest copy)
    COURSE/duplicates/<student_id>/     older copies, set aside, never deleted

A student either brings their own rejection (the roster's further columns are the
parameters of `nextround new`) or is assigned a practice scenario, reproducibly from
the seed. Anything built for the instructor starts from `sharing.shared_part`, and
no class figure is shown for a group of fewer than three students.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from . import files
from .answers import RUBRIC
from .errors import NextroundError, ParameterError, WorkbookExistsError
from .parameters import PARAMETER_NAMES, Rejection, slugify
from .progress import STEPS

COURSE_FILE = "course.json"
COURSE_FORMAT = "nextround-course"
MIN_GROUP = 3  # no figure about fewer students than this, so no one can be singled out
#: How the class report groups moods (1 very low - 10 very good).
MOOD_BANDS = {"low (1-3)": (1, 3), "middling (4-6)": (4, 6), "good (7-10)": (7, 10)}
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
    from .batch import read_rows

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
    from .batch import read_rows

    rows = read_rows(source, columns=("student_id", "name", *PARAMETER_NAMES), required=("student_id", "name"))
    students: list[Student] = []
    errors: list[NextroundError] = []
    seen: set[str] = set()
    for row in rows:
        v = row.values
        sid, name = v.get("student_id", ""), v.get("name", "")

        def fail(field: str, message: str) -> None:
            errors.append(ParameterError(message, file=str(source), row=row.number, field=field))

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
    from .workbooks import make

    course = Path(course)
    today = today or date.today()
    existing = read_course(course) if (course / COURSE_FILE).exists() else None
    assignment_id = assignment_id or (existing or {}).get("assignment_id") or slugify(course.resolve().name) or "class"
    if existing and existing["assignment_id"] != assignment_id:
        raise NextroundError(
            f"this course is for assignment {existing['assignment_id']!r}, not {assignment_id!r}",
            file=course / COURSE_FILE,
        )
    students, failed = read_roster(roster)
    needing = [s.student_id for s in students if s.rejection is None]
    dealt = assign(needing, scenarios(scenario_file), seed) if needing else {}
    record = {s["student_id"]: s for s in (existing or {}).get("students", [])}
    result = Generated([], [], failed)
    for student in students:
        scenario = dealt.get(student.student_id)
        rejection = student.rejection or scenario_rejection(scenario, today)
        folder = course / "release" / student.student_id
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
    _write_course(course, {"format": COURSE_FORMAT, "version": 1, "assignment_id": assignment_id,
                           "seed": seed, "students": sorted(record.values(), key=lambda s: s["student_id"])})
    return result


def read_course(course: str | Path) -> dict[str, Any]:
    """The course file; NextroundError if it is missing or broken."""
    path = Path(course) / COURSE_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NextroundError("no course here; run `nextround class generate` first", file=path) from None
    except (OSError, json.JSONDecodeError) as exc:
        raise NextroundError(f"cannot be read ({exc})", file=path) from None
    if not isinstance(doc, dict) or doc.get("format") != COURSE_FORMAT:
        raise NextroundError("is not a nextround course file", file=path)
    return doc


def _write_course(course: Path, doc: dict[str, Any]) -> None:
    course.mkdir(parents=True, exist_ok=True)
    files.replace(course / COURSE_FILE, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


# --- after collection -------------------------------------------------------------------


def shared_answers(course: str | Path, students: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Each collected student's shared part of their answers (nothing they kept private).

    `students`: the course's students, when the caller has read them already.
    """
    from .collect import submitted_answers
    from .sharing import shared_part
    from .store import AnswersStore

    found = {}
    for student in read_course(course)["students"] if students is None else students:
        try:
            doc = AnswersStore(submitted_answers(course, student["student_id"])).read()
        except NextroundError:
            continue  # reported when it was collected
        if doc is not None:
            found[student["student_id"]] = shared_part(doc)
    return found


def progress_rows(course: str | Path) -> list[dict[str, str]]:
    """Per student: handed in or not, and each step's state if they share their progress."""
    students = read_course(course)["students"]
    shared = shared_answers(course, students)
    rows = []
    for student in students:
        sid = student["student_id"]
        row = {"student_id": sid, "name": student["name"], "handed_in": "yes" if sid in shared else "no"}
        states = shared.get(sid, {}).get("progress")
        for n in STEPS:
            key = f"step_{n}"
            if sid not in shared:
                row[key] = ""
            elif states is None:
                row[key] = "not shared"
            else:
                row[key] = states[n]
        rows.append(row)
    return rows


def write_progress(course: str | Path, out: str | Path) -> int:
    """Write the progress CSV (for participation marks); returns how many students."""
    rows = progress_rows(course)
    columns = ["student_id", "name", "handed_in", *(f"step_{n}" for n in STEPS)]
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)

    files.replace_with(out, write)
    return len(rows)


@dataclasses.dataclass
class ClassSummary:
    """Figures for the whole class, each over at least MIN_GROUP students or withheld."""

    students: int
    handed_in: int
    step_completion: dict[int, dict[str, int | None]]  # step -> state -> students (None: too few)
    progress_shared: int
    rubric: dict[str, dict[str, Any]]  # dimension -> n, mean, distribution (None if any cell is small)
    rubric_shared: int
    themes: list[tuple[str, int]]
    feedback_shared: int
    moods: dict[str, int | None]  # band of the latest mood -> students (None: withheld)
    checkins_shared: int


def suppress_small(counts: Mapping[Any, int]) -> dict[Any, int | None]:
    """Counts with every group of 1 or 2 students withheld (None).

    When only one group would be withheld, the smallest shown one is withheld too:
    otherwise the total would give the hidden one away.
    """
    shown: dict[Any, int | None] = {k: (v if v >= MIN_GROUP or v == 0 else None) for k, v in counts.items()}
    hidden = [k for k, v in shown.items() if v is None]
    if len(hidden) == 1:
        visible = [k for k, v in shown.items() if v]
        if visible:
            shown[min(visible, key=lambda k: counts[k])] = None
    return shown


def summarise(course: str | Path) -> ClassSummary:
    """The class report's figures: from shared answers only, no group under three."""
    roster = read_course(course)["students"]
    shared = list(shared_answers(course, roster).values())
    students = len(roster)

    with_progress = [s["progress"] for s in shared if "progress" in s]
    completion: dict[int, dict[str, int | None]] = {}
    if len(with_progress) >= MIN_GROUP:
        for n in STEPS:
            tally = Counter(p[n] for p in with_progress)
            completion[n] = suppress_small({state: tally.get(state, 0) for state in ("done", "started", "todo")})

    scores = [s["self_review"]["scores"] for s in shared if s.get("self_review", {}).get("scores")]
    rubric: dict[str, dict[str, Any]] = {}
    for key in RUBRIC:
        given = [sc[key] for sc in scores if key in sc]
        if len(given) >= MIN_GROUP:
            tally = Counter(given)
            spread = suppress_small({v: tally.get(v, 0) for v in range(1, 6)})
            # With the count and the mean shown, any withheld cell could be solved for;
            # so a spread with anything withheld is not shown at all.
            rubric[key] = {"n": len(given), "mean": sum(given) / len(given),
                           "distribution": None if None in spread.values() else spread}

    feedback = [s["feedback"] for s in shared if "feedback" in s]
    theme_students = Counter(t for f in feedback for t in set(f.get("themes") or []))
    themes = sorted(((t, n) for t, n in theme_students.items() if n >= MIN_GROUP), key=lambda x: (-x[1], x[0]))

    latest = [s["checkins"][-1]["mood"] for s in shared if s.get("checkins")]
    moods: dict[str, int | None] = {}
    if len(latest) >= MIN_GROUP:
        # Bands, not single values: a class rarely has three students on each value.
        tally = Counter(next(band for band, (low, high) in MOOD_BANDS.items() if low <= m <= high) for m in latest)
        moods = suppress_small({band: tally.get(band, 0) for band in MOOD_BANDS})

    return ClassSummary(
        students=students, handed_in=len(shared), step_completion=completion, progress_shared=len(with_progress),
        rubric=rubric, rubric_shared=len(scores), themes=themes, feedback_shared=len(feedback),
        moods=moods, checkins_shared=len(latest),
    )
