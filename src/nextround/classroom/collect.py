"""Collecting a class's submissions from wherever they were handed in.

Sources may be folders, LMS zip downloads (nested folders, renamed files, names
prefixed by the student's name, zips inside zips) and loose `.ipynb` or
`.answers.json` files. A submission is known by the ids inside it — the student and
assignment ids every class workbook carries — and checked against who the LMS says
handed it in, where its download says (`layouts`: Canvas, Moodle, Blackboard,
Brightspace, GitHub Classroom). A file the LMS says one student handed in that
carries another's ids, or none, is held for review under `held/` and filed by hand
(`assign`); it never replaces anyone's work. So is a notebook with no answers in it
(its outputs cleared), until its student's answers arrive.

Of a student's copies the newest is kept: the one whose answers were saved last,
compared as instants (`times`), then the LMS's time, then the file's. Lateness is
the LMS's mark where it gives one (Canvas's `LATE`), else its time, or the answers'
save time, against the course's due date (`due` in the course file). Each student's
`submitted_at`, `late` and `held_for_review` are kept in the course file, so a run
reports the course as it stands, not only what it found this time.

Submissions are data: they are parsed as JSON and never executed. The notebook
stored for a student is not the one they handed in: it is rebuilt from our own
template with the parameters their notebook records (read from its metadata and
validated, never by running its cells; a notebook that lost our metadata to another
app is rebuilt from the workbook the student was given), so opening a collected
workbook runs only our code. What they handed in is kept untouched beside it, under
`originals/`; a notebook whose parameters cannot be validated is kept there only,
and reported.

Memory does not grow with the size of a download: files are read one at a time (an
archive member by member, never unpacked whole), and each is read, checked,
identified and then staged on disk in the course folder or dropped before the next
is read; only a few lines about each are kept. The limits: `MAX_FILE_BYTES` for one
file, `MAX_PARSE_BYTES` for what parsing it would take (estimated before parsing),
and for an archive, with every zip inside it, `MAX_ARCHIVE_BYTES` unpacked and
`MAX_MEMBERS` files. An archive over its limits is refused whole, in one line naming
it, and nothing in it is collected. A member whose name would escape its folder is
reported and skipped.

One bad file never stops the run: it is named once, in one line that never quotes
its content, and everything else is collected exactly as if it were not there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from nextround.classroom.course import HELD_NOTE_SUFFIX, CourseDirectory
from nextround.classroom.exchange import HUB_USER, submissions
from nextround.classroom.exchange import LMS as HUB
from nextround.classroom.layouts import StudentIndex
from nextround.classroom.times import NEVER, due_instant, instant, iso
from nextround.classroom.uploads import LINE_LIMIT, NO_ANSWERS, Finder, Item, Problem, shown
from nextround.core.i18n import _, ngettext
from nextround.storage import files
from nextround.storage.store import ANSWERS_SUFFIX


@dataclasses.dataclass
class Held:
    """A file held for review: filed under nobody until the instructor says whose it is."""

    item: Item
    student: str  # whose review list it is on: the one the LMS names, else the one its ids name
    reason: str
    why: str  # "identity" (the LMS and the ids disagree, or there are no ids) or "no answers"
    name: str = ""  # under held/, once stored


@dataclasses.dataclass
class State:
    """The course as it stands after a run: not only what this run found."""

    students: int
    collected: list[str]
    late: list[str]
    held: dict[str, list[str]]  # student -> the names under held/ awaiting review
    missing: list[str]
    tried: list[str]  # handed in this run, but nothing that could be collected

    def line(self) -> str:
        tried = (", " + _("{count} handed in nothing that could be collected").format(count=len(self.tried))
                 if self.tried else "")
        return _("Course so far: {collected} of {students} collected, {late} late, {held} held for review, {missing} "
                 "missing").format(collected=len(self.collected), students=self.students, late=len(self.late),
                                   held=len(self.held), missing=len(self.missing)) + tried


@dataclasses.dataclass
class Collection:
    """What a collection run found, by student."""

    assignment_id: str
    chosen: dict[str, dict[str, Item]]  # student -> kind -> the newest item
    set_aside: list[Item]
    missing: list[str]
    unknown: list[Problem]
    unreadable: list[Problem]
    unsafe: list[Problem]
    held: list[Held] = dataclasses.field(default_factory=list)  # held for review by this run
    wrong: list[Problem] = dataclasses.field(default_factory=list)  # not a workbook, and nothing else from them
    changes: dict[str, str] = dataclasses.field(default_factory=dict)  # student -> new, updated, unchanged, older
    settled: list[str] = dataclasses.field(default_factory=list)  # lines: holds this run made needless
    state: State | None = None

    def summary(self) -> str:
        """One line: what this run did."""
        done = [s for s, change in self.changes.items() if change != "held"]
        new = sum(1 for s in done if self.changes[s] == "new")
        updated = sum(1 for s in done if self.changes[s] == "updated")
        return (
            _("This run: {collected} collected ({new} new, {updated} updated), {held} held for review, ").format(
                collected=len(done), new=new, updated=updated, held=len(self.held))
            + ngettext("{count} duplicate set aside", "{count} duplicates set aside", len(self.set_aside)).format(
                count=len(self.set_aside))
            + _(", {unknown} unknown, {unreadable} unreadable, {unsafe} unsafe").format(
                unknown=len(self.unknown), unreadable=len(self.unreadable), unsafe=len(self.unsafe))
            + (", " + _("{count} not a workbook").format(count=len(self.wrong)) if self.wrong else "")
        )

    def needs_attention(self) -> bool:
        """Whether this run found something the instructor should look at."""
        return bool(self.unreadable or self.unsafe or self.unknown or self.held or self.wrong)



# --- identifying -------------------------------------------------------------------------


def identify(items: list[Item], roster: Sequence[str], assignment_id: str) -> Collection:
    """Match items to students by the ids inside and who the LMS says handed them in; keep each student's newest.

    A file whose uploader (as the LMS says) is on the roster but whose ids name
    someone else, or nobody, is held for review under the uploader; so is a notebook
    whose answers inside name another student than its metadata. Neither is filed
    under anyone.
    """
    known = set(roster)
    unknown: list[Problem] = []
    held: list[Held] = []
    by_student: dict[str, dict[str, list[Item]]] = {}
    for item in items:
        uploader = item.uploader if item.uploader in known else ""
        lms = item.claim.lms if item.claim is not None else ""
        if uploader and (item.student_id != uploader or item.other_student):
            if not item.student_id:
                why = "it carries no student ids (saved by another app?)"
            elif item.student_id != uploader:
                why = f"it carries the ids of {item.student_id}"
            else:
                why = f"the answers inside carry the ids of {item.other_student}"
            held.append(Held(item, uploader, f"{lms} says {uploader} handed it in, but {why}", "identity"))
        elif not item.student_id:
            unknown.append(Problem(item.source, "carries no usable student id (not a class workbook?); if it is "
                                                "a student's, file it with `nextround class assign`"))
        elif item.student_id not in known:
            unknown.append(Problem(item.source, f"student id {item.student_id!r} is not on the roster", uploader))
        elif item.assignment_id != assignment_id:
            unknown.append(Problem(item.source, f"belongs to assignment {item.assignment_id!r}, not "
                                                f"{assignment_id!r}", uploader))
        elif item.other_student:
            held.append(Held(item, item.student_id, f"its metadata names {item.student_id}, but the answers "
                                                    f"inside carry the ids of {item.other_student}", "identity"))
        else:
            by_student.setdefault(item.student_id, {}).setdefault(item.kind, []).append(item)
    chosen: dict[str, dict[str, Item]] = {}
    set_aside: list[Item] = []
    for student, kinds in by_student.items():
        chosen[student] = {}
        for kind, found in kinds.items():
            found.sort(key=Item.newness)
            chosen[student][kind] = found[-1]
            # An identical copy (the same file twice in a download) is not a duplicate.
            seen = {found[-1].digest}
            for older in found[:-1]:
                if older.digest not in seen:
                    set_aside.append(older)
                    seen.add(older.digest)
    missing = [s for s in roster if s not in chosen]
    return Collection(assignment_id, chosen, set_aside, missing, unknown, [], [], held=held)


def newest_answers(kinds: Mapping[str, Item]) -> Item | None:
    """Which of a student's files holds their newest answers: their answers file or their notebook."""
    candidates = [item for item in kinds.values() if item.has_answers]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (i.saved or NEVER, i.kind == "answers"))


# --- collecting and storing ----------------------------------------------------------------


def collect(sources: Sequence[str | Path], roster: Sequence[str], assignment_id: str, course: Path, *,
            exchange: str | Path | None = None) -> Collection:
    """Find, identify and store submissions under `course/submitted/<student>/`.

    `exchange`: a hub's exchange folder (see `classroom.exchange`), whose hand-ins
    for this assignment are read as one more source, each known by the account that
    handed it in.

    Each student's newest answers, and their workbook rebuilt from our template, go
    to `submitted/`; the files behind them, as handed in, to `originals/`. Older and
    duplicate copies go to `duplicates/<student>/`; files held for review to
    `held/<student>/`; nothing already collected is deleted. The course file, if
    there is one, gets each student's `submitted_at`, `late` and `held_for_review`,
    and `result.state` says where the course stands.
    """
    layout = CourseDirectory(course)
    doc = layout.read() if layout.exists() else {}
    records = {s["student_id"]: s for s in doc.get("students", []) if isinstance(s, dict) and "student_id" in s}
    known = set(roster)
    before = {student for student in roster if layout.is_collected(student)}
    index = StudentIndex(record for student, record in records.items() if student in known)
    with layout.staging() as stage:
        finder = Finder(lambda i: i.student_id in known or i.uploader in known, stage, layout, index)
        for source in sources:
            finder.source(source)
        if exchange is not None:
            hand_ins, problems = submissions(exchange, assignment_id)
            finder.unreadable.extend(problems)
            for submission in hand_ins:
                finder.source(submission.folder, claim=submission.claim)
        result = identify(finder.items, roster, assignment_id)
        result.unreadable, result.unsafe = finder.unreadable, finder.unsafe
        for student, kinds in result.chosen.items():
            result.changes[student] = _store_student(layout, stage, student, kinds, result,
                                                     before=student in before)
        for item in result.set_aside:
            suffix = ANSWERS_SUFFIX if item.kind == "answers" else ".ipynb"
            _set_aside(stage / f"{item.digest}.raw", layout, item.student_id, f"{item.modified:%Y%m%dT%H%M%S}", suffix)
        handed_in = {s for s, change in result.changes.items() if change != "held"} | {h.student for h in result.held}
        result.held = _hold(layout, stage, result.held)
    result.wrong = [p for p in finder.others if p.student_id not in handed_in and p.student_id not in before]
    if doc:
        _record(layout, result, due_instant(doc.get("due")), index)
    result.state = course_state(layout, roster, tried={p.student_id for p in
                                                       [*result.unreadable, *result.unknown, *result.wrong]})
    result.missing = result.state.missing
    return result


def _store_student(layout: CourseDirectory, stage: Path, student: str, kinds: Mapping[str, Item],
                   result: Collection, *, before: bool) -> str:
    """Store a student's newest hand-in; what happened: new, updated, unchanged, older or held."""
    kept = layout.submitted_answers(student)
    newest = newest_answers(kinds)
    notebook = kinds.get("notebook")
    if newest is None:
        assert notebook is not None  # an answers file always carries answers
        if kept.exists():  # their answers came in before: this adds nothing
            result.set_aside.append(notebook)
            return "unchanged"
        result.held.append(Held(notebook, student, NO_ANSWERS, "no answers"))
        return "held"
    if _older_than_held(newest.saved, kept):
        # An older hand-in than the one already collected (an old download run
        # again): keep the newer, set this one aside.
        result.set_aside.extend(kinds.values())
        return "older"
    wrote = store(kept, stage / f"{newest.digest}{ANSWERS_SUFFIX}", layout, student)
    if newest.kind == "answers":
        wrote |= store(layout.original_answers(student), stage / f"{newest.digest}.raw", layout, student)
    if notebook is not None:
        wrote |= store_notebook(layout, stage, student, notebook)
        if notebook.rebuild_problem:
            result.unreadable.append(Problem(notebook.source, notebook.rebuild_problem, student))
    if not wrote:
        return "unchanged"
    return "updated" if before else "new"


def store_notebook(layout: CourseDirectory, stage: Path, student: str, notebook: Item) -> bool:
    """The notebook as handed in, under originals/; the one rebuilt from it, under submitted/."""
    wrote = store(layout.original_notebook(student), stage / f"{notebook.digest}.raw", layout, student)
    if notebook.rebuilt:
        wrote |= store(layout.submitted_notebook(student), stage / f"{notebook.digest}.ipynb", layout, student)
    return wrote


def _older_than_held(saved: datetime | None, kept: Path) -> bool:
    """Whether answers saved at `saved` are older than the copy already collected (as instants)."""
    try:
        doc = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(doc, dict):
        return False
    return (saved or NEVER) < (instant(doc.get("saved_at")) or NEVER)


def _set_aside(staged: Path, layout: CourseDirectory, student: str, stamp: str, suffix: str) -> None:
    """Keep a copy under duplicates/, named by its content, so nothing is overwritten."""
    data = staged.read_bytes()
    aside = layout.duplicates(student)
    aside.mkdir(parents=True, exist_ok=True)
    target = aside / f"{stamp}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    if not target.exists():  # the same name means the same content: already kept
        files.replace(target, data)


def store(path: Path, staged: Path, layout: CourseDirectory, student: str) -> bool:
    """Write a collected file from its staged copy; a different earlier one is moved aside, never lost.

    Whether anything changed.
    """
    data = staged.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        old = path.read_bytes()
        if old == data:
            return False
        suffix = ANSWERS_SUFFIX if path.name.endswith(ANSWERS_SUFFIX) else path.suffix
        when = datetime.now(timezone.utc).strftime("previous-%Y%m%dT%H%M%S")
        aside = layout.duplicates(student)
        aside.mkdir(parents=True, exist_ok=True)
        target = aside / f"{when}-{hashlib.sha256(old).hexdigest()[:12]}{suffix}"
        if not target.exists():
            files.replace(target, old)
    files.replace(path, data)
    return True


# --- holding for review --------------------------------------------------------------------


def _hold(layout: CourseDirectory, stage: Path, held: list[Held]) -> list[Held]:
    """Keep each held file under held/<student>/ with a note of why; the ones not held before.

    A file held (or settled) by an earlier run is not held again: its note is there.
    """
    fresh: list[Held] = []
    existed: dict[str, bool] = {}
    for entry in held:
        item = entry.item
        suffix = ANSWERS_SUFFIX if item.kind == "answers" else ".ipynb"
        # Named by content alone, so the same file met again (a download collected twice) is known.
        entry.name = f"{layout.held_folder(entry.student).name}/{item.digest[:16]}{suffix}"
        if entry.name not in existed:
            existed[entry.name] = layout.held_note(entry.name).exists()
        if existed[entry.name]:
            continue
        fresh.append(entry)
        if layout.held_note(entry.name).exists():  # the same file twice in this run: kept once, named twice
            continue
        target = layout.held(entry.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        files.replace(target, (stage / f"{item.digest}.raw").read_bytes())
        claim = item.claim
        note = {
            "file": entry.name, "student_id": entry.student, "why": entry.why, "reason": entry.reason,
            "source": item.source, "lms": claim.lms if claim else None, "uploaded_by": item.uploader or None,
            "carries": item.student_id or None,
            "submitted_at": iso(claim.submitted_at) if claim and claim.submitted_at else None,
            "late": claim.late if claim else None, "held_at": iso(datetime.now(timezone.utc)), "settled": None,
        }
        files.replace(layout.held_note(entry.name), json.dumps(note, indent=2, ensure_ascii=False) + "\n")
    return fresh


def read_note(layout: CourseDirectory, name: str) -> dict[str, Any] | None:
    """The note beside a held file, if it is there and readable."""
    try:
        note = json.loads(layout.held_note(name).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return note if isinstance(note, dict) else None


def settle(layout: CourseDirectory, name: str, how: str) -> None:
    note = read_note(layout, name) or {"file": name}
    note["settled"] = {"how": how, "at": iso(datetime.now(timezone.utc))}
    files.replace(layout.held_note(name), json.dumps(note, indent=2, ensure_ascii=False) + "\n")


def open_holds(layout: CourseDirectory, student: str) -> list[str]:
    """A student's held files still awaiting review (from the notes under held/<student>/)."""
    folder = layout.held_folder(student)
    if not folder.is_dir():
        return []
    names = []
    for note_path in sorted(folder.glob(f"*{HELD_NOTE_SUFFIX}")):
        note = _read_json(note_path)
        if note is not None and not note.get("settled") and isinstance(note.get("file"), str):
            names.append(note["file"])
    return names


def refresh_holds(layout: CourseDirectory, student: str, settled: list[str]) -> list[str]:
    """A student's open holds; one held only for carrying no answers is settled once their answers are in."""
    names = open_holds(layout, student)
    if layout.submitted_answers(student).exists():
        for name in list(names):
            note = read_note(layout, name)
            if note is not None and note.get("why") == "no answers":
                settle(layout, name, "their answers were collected since")
                names.remove(name)
                settled.append(f"settled: held/{name}: {student}'s answers have been collected since")
    return names


# --- the course file ----------------------------------------------------------------------


def _submitted(items: Iterable[Item | None], answers: Mapping[str, Any] | None) -> tuple[datetime | None, bool | None]:
    """When the LMS says it was handed in (else when its answers were saved), and the LMS's late mark."""
    found = [i for i in items if i is not None]
    when = next((i.lms_time for i in found if i.lms_time), None)
    late = next((i.claim.late for i in found if i.claim is not None and i.claim.late is not None), None)
    if when is None and answers is not None:
        when = instant(answers.get("saved_at"))
    return when, late


def is_late(when: datetime | None, mark: bool | None, due: datetime | None) -> bool:
    """The LMS's own mark where it gives one (it knows of extensions); else the time against the due date."""
    if mark is not None:
        return mark
    return bool(due is not None and when is not None and when > due)


def _record(layout: CourseDirectory, result: Collection, due: datetime | None, index: StudentIndex) -> None:
    """Each student's submitted_at, late and held_for_review, in the course file."""
    doc = layout.read()
    fields: dict[str, dict[str, Any]] = {}
    for record in doc.get("students", []):
        if not isinstance(record, dict) or not isinstance(record.get("student_id"), str):
            continue
        student = record["student_id"]
        mine: dict[str, Any] = {
            "submitted_at": record.get("submitted_at"), "late": bool(record.get("late", False)),
        }
        if result.changes.get(student) in ("new", "updated"):
            kinds = result.chosen[student]
            newest = newest_answers(kinds)
            answers = _read_json(layout.submitted_answers(student))
            when, mark = _submitted([newest, kinds.get("notebook")], answers)
            mine["submitted_at"] = iso(when) if when else None
            mine["late"] = is_late(when, mark, due)
            hub = next((index.key_naming(i.claim, student) for i in (newest, kinds.get("notebook"))
                        if i is not None and i.claim is not None and i.claim.lms == HUB), "")
            if hub:  # where `class feedback --exchange` hands their feedback back
                mine[HUB_USER] = hub
        mine["held_for_review"] = refresh_holds(layout, student, result.settled)
        fields[student] = mine
    layout.update_students(fields)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return doc if isinstance(doc, dict) else None


def course_state(layout: CourseDirectory, roster: Sequence[str], tried: Iterable[str] = ()) -> State:
    """Where the course stands: collected, late, held for review and missing, from the course folder and file."""
    records = {}
    if layout.exists():
        records = {s.get("student_id"): s for s in layout.read().get("students", []) if isinstance(s, dict)}
    collected = [s for s in roster if layout.is_collected(s)]
    late = [s for s in collected if records.get(s, {}).get("late") is True]
    held = {s: names for s in roster if (names := open_holds(layout, s))}
    tried_now = set(tried)
    waiting = [s for s in roster if s not in collected and s not in held]
    return State(len(roster), collected, late, held, [s for s in waiting if s not in tried_now],
                 [s for s in waiting if s in tried_now])



# --- what to tell the instructor ----------------------------------------------------------------


def _problem_lines(result: Collection) -> Iterator[str]:
    aside = {item.source for item in result.set_aside}
    holds = {entry.item.source: entry for entry in result.held}
    named = set()
    for problem in result.unsafe:
        yield _("unsafe: {problem}").format(problem=problem.line())
    for problem in result.unreadable:
        named.add(problem.source)
        also = "; " + _("an older copy, set aside") if problem.source in aside else ""
        if problem.source in holds:
            also += "; " + _("held for review as held/{name}").format(name=holds[problem.source].name)
        yield _("unreadable: {problem}").format(problem=problem.line()) + also
    for problem in result.unknown:
        yield _("unknown: {problem}").format(problem=problem.line())
    for entry in result.held:
        if entry.item.source not in named:
            yield _("held: {file}: {reason}; held for review as held/{name}").format(
                file=shown(entry.item.source, 4 * LINE_LIMIT), reason=shown(entry.reason, 4 * LINE_LIMIT),
                name=entry.name)
    for problem in result.wrong:
        yield _("not a workbook: {problem}; ask them for their .ipynb").format(problem=problem.line())
    for item in result.set_aside:
        if item.source in named:
            continue
        if item.has_answers or item.kind == "answers":
            yield _("duplicate: {file}: an older copy for {student}; set aside").format(
                file=shown(item.source, 4 * LINE_LIMIT), student=item.student_id)
        else:
            yield _("set aside: {file}: {reason}; {student}'s answers collected before are kept").format(
                file=shown(item.source, 4 * LINE_LIMIT), reason=NO_ANSWERS, student=item.student_id)


def _missing(student: str) -> str:
    return _("missing: {student}: nothing handed in").format(student=student)


def iter_problems(result: Collection) -> Iterator[str]:
    """One line per thing the instructor should know about, most urgent first; each file named once."""
    yield from _problem_lines(result)
    for student in result.missing:
        yield _missing(student)


def report_lines(result: Collection, course: str | Path = "COURSE") -> Iterator[str]:
    """Everything a run has to say: its problems, what changed, then where the course stands."""
    yield from _problem_lines(result)
    yield from result.settled
    state = result.state
    late = set(state.late) if state else set()
    order = {student: n for n, student in enumerate(state.collected)} if state else {}
    changed = sorted(result.changes, key=lambda s: order.get(s, len(order)))
    for student in (s for s in changed if result.changes[s] == "new"):
        yield (_("collected: {student} (late)") if student in late else _("collected: {student}")).format(
            student=student)
    for student in (s for s in changed if result.changes[s] == "updated"):
        yield (_("updated: {student}: a newer hand-in (late)") if student in late
               else _("updated: {student}: a newer hand-in")).format(student=student)
    yield result.summary()
    if state is None:
        return
    layout = CourseDirectory(course)
    for student, names in state.held.items():
        for name in names:
            note = read_note(layout, name) or {}
            yield _("held for review: held/{name} ({student}): {reason}").format(
                name=name, student=student, reason=shown(str(note.get("reason", "")), 4 * LINE_LIMIT))
    if state.held:
        yield _("To file a held file: nextround class assign --dir {course} held/<file> STUDENT_ID").format(
            course=course)
    for student in state.missing:
        yield _missing(student)
    yield state.line()
