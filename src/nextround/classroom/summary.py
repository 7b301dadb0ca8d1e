"""After collection: what students shared, per student and for the whole class.

Everything here starts from `core.sharing.shared_part`, so a private answer cannot
reach an instructor by accident. The class figures follow one promise: no figure
is shown from which one student's answer can be worked out, from one report or by
comparing two. The rules that keep it (docs/class-privacy.md argues them):

1. No group of fewer than `MIN_GROUP` (3) students: a count under three is
   withheld, and so is one more wherever the total would give it away.
2. No group that answered as one: a spread (self-review scores, moods, a
   feedback theme heard or not) in which every student is in the same place says
   what each of them answered, so it is withheld whole.
3. An average only over `MIN_MEAN_GROUP` (5) students or more, rounded to the
   nearest `MEAN_STEP` (0.5): 5, 5 and 4 make 4.7, which only those three scores
   can; over five, rounded, an average bounds no single score to one value.
4. Figures change in steps, not one hand-in at a time: `publish` keeps the figures
   it last published in the course folder and recomputes them only once at least
   `MIN_CHANGE` (3) students have handed in or changed what they share. Even then,
   a self-review, mood or theme figure stays as it was while fewer than three of
   its students changed, or all who changed moved to (or from) the same answer —
   the difference between two reports would tell what they answered.

The progress of each step follows rule 1 only: the instructor sees each student's
progress, by name, in the progress CSV, for participation marks.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from nextround.classroom.course import CourseDirectory, held_for_review, late, submitted_at
from nextround.core.i18n import N_, _
from nextround.core.labels import RUBRIC
from nextround.core.printable import spreadsheet_cell
from nextround.core.progress import STEPS
from nextround.core.sharing import shared_part
from nextround.errors import NextroundError
from nextround.storage import files
from nextround.storage.store import AnswersStore

MIN_GROUP = 3  # no figure about fewer students than this, so no one can be singled out
MIN_MEAN_GROUP = 5  # no average over fewer students than this
MEAN_STEP = 0.5  # averages are rounded to this
MIN_CHANGE = 3  # figures are refreshed only once this many students have changed what they share
#: How the class report groups moods (1 very low - 10 very good).
#: The bands' names are kept in the published figures as they are here; shown with `_()`.
MOOD_BANDS = {N_("low (1-3)"): (1, 3), N_("middling (4-6)"): (4, 6), N_("good (7-10)"): (7, 10)}
STATES = ("done", "started", "todo")
PUBLISHED_FORMAT = "nextround-class-figures"
_HEARD, _NOT_HEARD = "heard", "not heard"


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


#: The progress CSV's columns, in order.
PROGRESS_COLUMNS = ("student_id", "name", "handed_in", "submitted_at", "late", "held_for_review", "steps_done",
                    *(f"step_{n}" for n in STEPS))


def steps_done(states: Mapping[Any, str]) -> int:
    """How many of the five steps a student's shared progress shows as done."""
    return sum(states.get(n) == "done" or states.get(str(n)) == "done" for n in STEPS)


def students_progress(course: str | Path) -> Iterator[tuple[dict[str, Any], bool, dict[int, str] | None]]:
    """Each student of the course file, in its order: (their record, whether they handed
    in, their steps' states if they share their progress, else None)."""
    students = CourseDirectory(course).read()["students"]
    shared = shared_answers(course, students)
    for student in students:
        found = shared.get(student["student_id"])
        yield student, found is not None, (found or {}).get("progress")


def progress_rows(course: str | Path) -> list[dict[str, Any]]:
    """Per student: handed in or not, when and whether late, files held, and each step's state if shared.

    Counts are numbers (`held_for_review`, `steps_done`); `steps_done` is blank when
    nothing was handed in or progress was not shared. `late` is "yes" or "no" for
    work handed in, blank otherwise. `submitted_at`, `late` and `held_for_review`
    are what `collect` recorded in the course file.
    """
    rows = []
    for student, handed_in, states in students_progress(course):
        sid = student["student_id"]
        row: dict[str, Any] = {
            "student_id": sid, "name": student["name"], "handed_in": "yes" if handed_in else "no",
            "submitted_at": submitted_at(student), "late": ("yes" if late(student) else "no") if handed_in else "",
            "held_for_review": held_for_review(student),
            "steps_done": steps_done(states) if handed_in and states is not None else "",
        }
        for n in STEPS:
            key = f"step_{n}"
            if not handed_in:
                row[key] = ""
            elif states is None:
                row[key] = "not shared"
            else:
                row[key] = states[n]
        rows.append(row)
    return rows


def write_progress(course: str | Path, out: str | Path) -> int:
    """Write the progress CSV (for participation marks); returns how many students.

    Every text cell is defused: a roster name like `=HYPERLINK(...)` stays text in a
    spreadsheet, and control characters are left out. Numbers are written as numbers.
    """
    rows = progress_rows(course)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=PROGRESS_COLUMNS)
            writer.writeheader()
            # A name from the roster is text, never a formula (see core.printable).
            writer.writerows({k: spreadsheet_cell(v, one_line=True) for k, v in row.items()} for row in rows)

    files.replace_with(out, write)
    return len(rows)


@dataclasses.dataclass
class ClassSummary:
    """Figures for the whole class, each one that could single a student out withheld (None)."""

    students: int
    handed_in: int
    step_completion: dict[int, dict[str, int | None]]  # step -> state -> students (None: withheld)
    progress_shared: int
    rubric: dict[str, dict[str, Any]]  # dimension -> n, mean (rounded), distribution (None if withheld)
    rubric_shared: int
    themes: list[tuple[str, int]]
    feedback_shared: int
    moods: dict[str, int | None]  # band of the latest mood -> students (None: withheld)
    checkins_shared: int
    #: Students still to hand in or change what they share before the figures update.
    pending: int = MIN_CHANGE
    #: Self-review, mood and theme figures kept as last published (rule 4 of the module doc).
    held: list[str] = dataclasses.field(default_factory=list)


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


def spread(counts: Mapping[Any, int]) -> dict[Any, int | None]:
    """`suppress_small`, and all withheld when every student is in one group (they answered as one)."""
    total = sum(counts.values())
    if total and any(v == total for v in counts.values()):
        return dict.fromkeys(counts)
    return suppress_small(counts)


def rounded_mean(values: Iterable[int]) -> float:
    """The average, to the nearest MEAN_STEP (halves up, so 4.25 is 4.5)."""
    values = list(values)
    return math.floor(sum(values) / len(values) / MEAN_STEP + 0.5) * MEAN_STEP


# --- the figures, from what each student contributes to them ---------------------------

# A figure is known by a key ("rubric:preparation", "moods", "theme:experience",
# "step:2") and made from each contributing student's value in it.
Contributions = dict[str, dict[str, Any]]  # figure -> student -> their value in it
_PERSONAL = ("rubric:", "moods", "theme:")  # held back by rule 4 when a change would show


def contributions(shared: Mapping[str, Mapping[str, Any]]) -> Contributions:
    """What each student who shared it contributes to each figure."""
    figures: Contributions = {f"step:{n}": {} for n in STEPS}
    figures.update({f"rubric:{key}": {} for key in RUBRIC})
    figures["moods"] = {}
    for sid, part in shared.items():
        for n, state in (part.get("progress") or {}).items():
            figures.setdefault(f"step:{n}", {})[sid] = state
        for key, score in (part.get("self_review", {}).get("scores") or {}).items():
            figures.setdefault(f"rubric:{key}", {})[sid] = score
        if part.get("checkins"):
            mood = part["checkins"][-1]["mood"]
            figures["moods"][sid] = next(band for band, (low, high) in MOOD_BANDS.items() if low <= mood <= high)
    feedback = {sid: set(part["feedback"].get("themes") or []) for sid, part in shared.items() if "feedback" in part}
    for theme in sorted(set().union(*feedback.values()) if feedback else ()):
        figures[f"theme:{theme}"] = {sid: theme in heard for sid, heard in feedback.items()}
    return figures


def _counts(shared: Mapping[str, Mapping[str, Any]], students: int) -> dict[str, int]:
    return {
        "students": students,
        "handed_in": len(shared),
        "progress_shared": sum("progress" in s for s in shared.values()),
        "rubric_shared": sum(bool(s.get("self_review", {}).get("scores")) for s in shared.values()),
        "feedback_shared": sum("feedback" in s for s in shared.values()),
        "checkins_shared": sum(bool(s.get("checkins")) for s in shared.values()),
    }


def _summary(figures: Contributions, counts: Mapping[str, int]) -> ClassSummary:
    """The figures to show, by rules 1 to 3 of the module doc."""
    completion: dict[int, dict[str, int | None]] = {}
    if counts["progress_shared"] >= MIN_GROUP:
        for n in STEPS:
            tally = Counter(figures.get(f"step:{n}", {}).values())
            completion[n] = suppress_small({state: tally.get(state, 0) for state in STATES})
    rubric: dict[str, dict[str, Any]] = {}
    for key in RUBRIC:
        given = list(figures.get(f"rubric:{key}", {}).values())
        if len(given) >= MIN_MEAN_GROUP:
            shown = spread({v: given.count(v) for v in range(1, 6)})
            # With the count and the mean shown, a withheld cell could be solved for;
            # so a spread with anything withheld is not shown at all.
            rubric[key] = {"n": len(given), "mean": rounded_mean(given),
                           "distribution": None if None in shown.values() else shown}
    themes = []
    for key, heard in figures.items():
        if key.startswith("theme:"):
            yes = sum(heard.values())
            shown = spread({_HEARD: yes, _NOT_HEARD: len(heard) - yes})
            if shown[_HEARD] and shown[_NOT_HEARD] is not None:
                themes.append((key.removeprefix("theme:"), yes))
    themes.sort(key=lambda x: (-x[1], x[0]))
    bands = Counter(figures.get("moods", {}).values())
    moods = spread({band: bands.get(band, 0) for band in MOOD_BANDS}) if sum(bands.values()) >= MIN_GROUP else {}
    return ClassSummary(
        students=counts["students"], handed_in=counts["handed_in"], step_completion=completion,
        progress_shared=counts["progress_shared"], rubric=rubric, rubric_shared=counts["rubric_shared"],
        themes=themes, feedback_shared=counts["feedback_shared"], moods=moods,
        checkins_shared=counts["checkins_shared"],
    )


def summarise(course: str | Path) -> ClassSummary:
    """The class's figures as they stand now, by rules 1 to 3 (the report shows `publish`'s)."""
    roster = CourseDirectory(course).read()["students"]
    shared = shared_answers(course, roster)
    return _summary(contributions(shared), _counts(shared, len(roster)))


# --- publishing: figures that change in steps ------------------------------------------


def publish(course: str | Path) -> ClassSummary:
    """The figures to show in the class report, by all four rules; keeps them in the course folder.

    The first call publishes the figures as they stand. Later calls show the last
    published figures until at least MIN_CHANGE students have handed in or changed
    what they share; then they publish afresh, except the figures rule 4 holds.
    """
    layout = CourseDirectory(course)
    roster = layout.read()["students"]
    shared = shared_answers(course, roster)
    now: dict[str, Any] = {"students": {sid: _digest(part) for sid, part in shared.items()},
           "counts": _counts(shared, len(roster)), "figures": contributions(shared)}
    last = _read_published(layout.published)
    if last is not None:
        changed = _changed(last["students"], now["students"])
        if len(changed) < MIN_CHANGE:
            summary = _summary(last["figures"], {**last["counts"], "students": len(roster)})
            summary.pending, summary.held = MIN_CHANGE - len(changed), list(last.get("held", []))
            return summary
        held = [key for key in sorted(set(now["figures"]) | set(last["figures"]))
                if key.startswith(_PERSONAL) and _reveals(last["figures"].get(key, {}), now["figures"].get(key, {}))]
        for key in held:
            if key in last["figures"]:
                now["figures"][key] = last["figures"][key]
            else:
                now["figures"].pop(key, None)
        now["held"] = held
    files.replace(layout.published, json.dumps({
        "format": PUBLISHED_FORMAT, "version": 1,
        "published_at": datetime.now().astimezone().isoformat(timespec="seconds"), **now,
    }, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    summary = _summary(now["figures"], now["counts"])
    summary.pending, summary.held = MIN_CHANGE, list(now.get("held", []))
    return summary


def _digest(part: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(part, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    """Who is new, gone, or different between two {student: value} maps."""
    missing = object()
    return {sid for sid in set(before) | set(after) if before.get(sid, missing) != after.get(sid, missing)}


def _reveals(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether publishing `after` where `before` was published would show what someone answered.

    It would when fewer than MIN_CHANGE students' values changed, or when all the
    changed values moved to one answer (or all came from one): the difference
    between the two figures is then each of those students' answer.
    """
    changed = _changed(before, after)
    if not changed:
        return False
    if len(changed) < MIN_CHANGE:
        return True
    into = {json.dumps(after[sid]) for sid in changed if sid in after}
    out_of = {json.dumps(before[sid]) for sid in changed if sid in before}
    return len(into) == 1 or len(out_of) == 1


def _read_published(path: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise NextroundError(_("cannot be read ({reason}); the report keeps its last figures there, so it will "
                               "not publish new ones until it is fixed or removed").format(reason=type(exc).__name__),
                             file=path) from None
    if not (isinstance(doc, dict) and doc.get("format") == PUBLISHED_FORMAT
            and all(isinstance(doc.get(k), dict) for k in ("students", "counts", "figures"))):
        raise NextroundError(_("is not the class report's published figures; fix or remove it"), file=path)
    return doc
