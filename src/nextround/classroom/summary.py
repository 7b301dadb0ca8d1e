"""After collection: what students shared, per student and for the whole class.

Everything here starts from `core.sharing.shared_part`, so a private answer cannot
reach an instructor by accident, and no class figure is shown for a group of fewer
than `MIN_GROUP` students.
"""

from __future__ import annotations

import csv
import dataclasses
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from nextround.classroom.course import CourseDirectory
from nextround.core.labels import RUBRIC
from nextround.core.progress import STEPS
from nextround.core.sharing import shared_part
from nextround.errors import NextroundError
from nextround.render.text import defuse_cell
from nextround.storage import files
from nextround.storage.store import AnswersStore

MIN_GROUP = 3  # no figure about fewer students than this, so no one can be singled out
#: How the class report groups moods (1 very low - 10 very good).
MOOD_BANDS = {"low (1-3)": (1, 3), "middling (4-6)": (4, 6), "good (7-10)": (7, 10)}


def shared_answers(course: str | Path, students: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Each collected student's shared part of their answers (nothing they kept private).

    `students`: the course's students, when the caller has read them already.
    """
    layout = CourseDirectory(course)
    found = {}
    for student in layout.read()["students"] if students is None else students:
        try:
            doc = AnswersStore(layout.submitted_answers(student["student_id"])).read()
        except NextroundError:
            continue  # reported when it was collected
        if doc is not None:
            found[student["student_id"]] = shared_part(doc)
    return found


def progress_rows(course: str | Path) -> list[dict[str, str]]:
    """Per student: handed in or not, and each step's state if they share their progress."""
    students = CourseDirectory(course).read()["students"]
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
    """Write the progress CSV (for participation marks); returns how many students.

    Every cell is defused: a roster name like `=HYPERLINK(...)` stays text in a
    spreadsheet, and control characters are left out.
    """
    rows = [{k: defuse_cell(str(v), keep_lines=False) for k, v in row.items()} for row in progress_rows(course)]
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
    roster = CourseDirectory(course).read()["students"]
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
