"""Filing a handed-in file by hand: `nextround class assign COURSE FILE STUDENT`.

For what `collect` held for review (a file whose ids and uploader disagree, one with
no ids left in it), or any file the instructor knows the owner of: its answers are
filed under the student, its notebook rebuilt from that student's own workbook, and
earlier answers set aside, never lost.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from nextround.classroom.collect import (
    State,
    course_state,
    is_late,
    read_note,
    refresh_holds,
    settle,
    store,
    store_notebook,
)
from nextround.classroom.course import CourseDirectory
from nextround.classroom.times import due_instant, instant, iso
from nextround.classroom.uploads import (
    LINE_LIMIT,
    MAX_FILE_BYTES,
    Found,
    Item,
    kind_of,
    read_file,
    rebuilt_from_release,
    shown,
)
from nextround.core.answers import dumps as answers_text
from nextround.core.i18n import _
from nextround.errors import NextroundError
from nextround.storage.store import ANSWERS_SUFFIX

# --- filing a file by hand -------------------------------------------------------------------


@dataclasses.dataclass
class Assigned:
    """What `assign` did."""

    student: str
    file: str  # as it was given, or its name under held/
    held: str | None  # its name under held/, if it was held there
    had_answers: bool
    replaced: bool  # answers collected before were moved to duplicates/
    carries: str  # the ids inside, when they name another student
    rebuild_problem: str
    submitted_at: str | None
    late: bool
    settled: list[str]
    state: State

    def lines(self) -> Iterator[str]:
        notes = []
        if self.carries:
            notes.append(_("it carries the ids of {other}; filed as {student}'s, as asked").format(
                other=self.carries, student=self.student))
        if not self.had_answers:
            notes.append(_("it carries no answers: filed as it is"))
        elif self.replaced:
            notes.append(_("its answers replace the ones collected before, which are kept under duplicates/"))
        if self.rebuild_problem:
            notes.append(self.rebuild_problem)
        when = (_("handed in {time}").format(time=self.submitted_at) if self.submitted_at
                else _("no time handed in known"))
        late = ", " + _("late") if self.late else ""
        yield _("assigned: {file} to {student} ({when})").format(
            file=shown(self.file, 4 * LINE_LIMIT), student=self.student, when=when + late)
        yield from (f"  {note}" for note in notes)
        if self.held:
            yield _("settled: held/{name}: filed as {student}'s").format(name=self.held, student=self.student)
        yield from self.settled
        yield self.state.line()


def assign(course: str | Path, file: str | Path, student: str) -> Assigned:
    """File a notebook or answers file as `student`'s hand-in, by the instructor's word.

    For a file held for review (named as `collect` printed it, `held/<student>/<file>`)
    or any other file: one whose ids are gone, or name someone else. It is read and
    checked as `collect` reads a hand-in, never run; its answers are filed under the
    student's id; the notebook stored is rebuilt from the workbook the student was
    given. Answers collected before are moved to `duplicates/`, never lost.
    """
    layout = CourseDirectory(course)
    doc = layout.read()
    roster = [s["student_id"] for s in doc.get("students", [])
              if isinstance(s, dict) and isinstance(s.get("student_id"), str)]
    if student not in roster:
        raise NextroundError(_("{student} is not on the course's roster").format(student=repr(shown(student))),
                             file=layout.course_file)
    path = _assigned_path(layout, file)
    kind = kind_of(path.name)
    if kind is None:
        raise NextroundError(
            _("is not a notebook (.ipynb) or an answers file (.answers.json); only those can be filed"), file=path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise NextroundError(_("too large ({size} MB)").format(size=size // 1_000_000), file=path)
    data = path.read_bytes()
    try:
        found = read_file(kind, data)
    except RecursionError:
        found = Found(problem="is nested too deeply to be read")
    except Exception as exc:  # noqa: BLE001  as in collect: whatever is in it, one line
        found = Found(problem=f"could not be read (unexpected {type(exc).__name__})")
    problem = found.problem or found.answers_problem
    if problem:
        raise NextroundError(problem, file=path)
    assignment = str(doc.get("assignment_id") or "")
    held = layout.held_name(path)
    note = read_note(layout, held) if held else None
    modified = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    item = Item(str(path), kind, modified, hashlib.sha256(data).hexdigest(), student, assignment, found.saved_at,
                has_answers=found.answers is not None)
    before = layout.submitted_answers(student).exists()
    replaced = False
    with layout.staging() as stage:
        (stage / f"{item.digest}.raw").write_bytes(data)
        if found.answers is not None:
            answers = {**found.answers, "student_id": student, "assignment_id": assignment}
            (stage / f"{item.digest}{ANSWERS_SUFFIX}").write_text(answers_text(answers), "utf-8")
            replaced = store(layout.submitted_answers(student), stage / f"{item.digest}{ANSWERS_SUFFIX}", layout,
                              student) and before
            if kind == "answers":
                store(layout.original_answers(student), stage / f"{item.digest}.raw", layout, student)
        if kind == "notebook":
            try:
                text = rebuilt_from_release(student, assignment, layout, modified)
                (stage / f"{item.digest}.ipynb").write_text(text, "utf-8")
                item.rebuilt = True
            except Exception as exc:  # noqa: BLE001  a release that cannot be read: kept as handed in only
                why = shown(str(exc)) if isinstance(exc, NextroundError) else f"unexpected {type(exc).__name__}"
                item.rebuild_problem = f"not rebuilt ({why}); kept as handed in under originals/"
            store_notebook(layout, stage, student, item)
    if held:
        settle(layout, held, f"filed as {student}'s by hand")
    when = instant(note.get("submitted_at")) if note else None
    mark = note.get("late") if note and isinstance(note.get("late"), bool) else None
    if when is None and found.answers is not None:
        when = instant(found.answers.get("saved_at"))
    late = is_late(when, mark, due_instant(doc.get("due")))
    settled: list[str] = []
    submitted_at = iso(when) if when else None
    fields: dict[str, dict[str, Any]] = {student: {}}
    if found.answers is not None or not before:  # a notebook with no answers leaves their hand-in as it was
        fields[student].update({"submitted_at": submitted_at, "late": late})
    listed = {student, *([note["student_id"]] if note and isinstance(note.get("student_id"), str) else [])}
    for who in listed & set(roster):
        fields.setdefault(who, {})["held_for_review"] = refresh_holds(layout, who, settled)
    layout.update_students(fields)
    return Assigned(student, held and f"held/{held}" or str(file), held, found.answers is not None, replaced,
                    found.student_id if found.student_id not in ("", student) else "", item.rebuild_problem,
                    submitted_at, late, settled, course_state(layout, roster))


def _assigned_path(layout: CourseDirectory, file: str | Path) -> Path:
    """The file given to `assign`: a path, or a name under held/ as `collect` printed it."""
    path = Path(file)
    if path.is_file():
        return path
    name = str(file).replace("\\", "/").removeprefix("held/")
    candidate = layout.held(name)
    if layout.held_name(candidate) is not None and candidate.is_file():
        return candidate
    raise NextroundError(_("not found (give the file's path, or its name under held/ as collect printed it)"),
                         file=file)
