"""Collecting a class's submissions from wherever they were handed in.

Sources may be folders, LMS zip downloads (nested folders, renamed files, names
prefixed by the student's name, zips inside zips) and loose `.ipynb` or
`.answers.json` files. A submission is known by the ids inside it — the student and
assignment ids every class workbook carries — never by its file name.

Submissions are data: they are parsed as JSON and never executed. Archives are read
in memory, member by member, within size limits; a member whose name would escape
its folder is reported and skipped. One bad submission never stops the run: it is
reported, and everything else is still collected.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from nextround.classroom.course import CourseDirectory
from nextround.core.answers import dumps as answers_text
from nextround.errors import AnswersError
from nextround.making.workbook import embedded_answers
from nextround.storage import files
from nextround.storage.store import ANSWERS_SUFFIX, checked
from nextround.storage.store import parse as parse_answers

MAX_FILE_BYTES = 50 * 1024 * 1024  # a notebook with a few plots is well under this
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024  # uncompressed, per archive
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # compression ratios beyond this are a zip bomb's, not a notebook's
MAX_NESTING = 2

_SKIP_PARTS = {"__MACOSX", ".ipynb_checkpoints", ".nextround"}


@dataclasses.dataclass
class Item:
    """One file found in the sources: a notebook or an answers file."""

    source: str  # where it was found, for people: "class.zip › Jane Doe_1234/wb.ipynb"
    kind: str  # "notebook" or "answers"
    modified: datetime
    data: bytes
    notebook: dict[str, Any] | None = None
    answers: dict[str, Any] | None = None
    student_id: str = ""
    assignment_id: str = ""

    @property
    def saved_at(self) -> str:
        """When its answers were last saved (the best sign of which copy is newest)."""
        return str((self.answers or {}).get("saved_at") or "")

    def newness(self) -> tuple[str, datetime]:
        return (self.saved_at, self.modified)


@dataclasses.dataclass
class Problem:
    """A file that could not be collected, and why (one line, never its content)."""

    source: str
    reason: str
    student_id: str = ""  # when the ids inside could still be read

    def line(self) -> str:
        whose = f" (student {self.student_id})" if self.student_id else ""
        return f"{self.source}: {self.reason}{whose}"


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

    def summary(self) -> str:
        """One line: how many of each."""
        return (
            f"{len(self.chosen)} collected, {len(self.missing)} missing, "
            f"{len(self.set_aside)} duplicate{'s' if len(self.set_aside) != 1 else ''} set aside, "
            f"{len(self.unknown)} unknown, {len(self.unreadable)} unreadable, {len(self.unsafe)} unsafe"
        )


def find(sources: Sequence[str | Path]) -> tuple[list[Item], list[Problem], list[Problem]]:
    """Every notebook and answers file in the sources; plus the unreadable and the unsafe."""
    items: list[Item] = []
    unreadable: list[Problem] = []
    unsafe: list[Problem] = []
    for source in sources:
        path = Path(source)
        if not path.exists():
            unreadable.append(Problem(str(path), "not found"))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if _skipped(file.parts):
                continue
            label = str(file)
            try:
                size = file.stat().st_size
                modified = datetime.fromtimestamp(file.stat().st_mtime, timezone.utc)
                is_zip = file.suffix.lower() == ".zip"
                if size > (MAX_ARCHIVE_BYTES if is_zip else MAX_FILE_BYTES):
                    unreadable.append(Problem(label, f"too large ({size // 1_000_000} MB)"))
                    continue
                if is_zip:  # a whole class's download can be large: read from disk, member by member
                    _read_zip(file, label, 1, items, unreadable, unsafe)
                elif _kind(file.name):
                    _add(items, unreadable, label, file.name, file.read_bytes(), modified)
            except OSError as exc:
                unreadable.append(Problem(label, f"cannot be read ({exc.strerror})"))
    return items, unreadable, unsafe


def _skipped(parts: Sequence[str]) -> bool:
    return any(part in _SKIP_PARTS for part in parts) or parts[-1].startswith("._")


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(ANSWERS_SUFFIX):
        return "answers"
    if lower.endswith(".ipynb"):
        return "notebook"
    return None


def _read_zip(
    source: bytes | Path, label: str, depth: int, items: list[Item], unreadable: list[Problem], unsafe: list[Problem]
) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        unreadable.append(Problem(label, f"not a readable zip file ({exc})"))
        return
    if len(members) > MAX_MEMBERS:
        unreadable.append(Problem(label, f"has {len(members)} files, more than {MAX_MEMBERS}; not opened"))
        return
    budget = MAX_ARCHIVE_BYTES
    for info in members:
        where = f"{label} › {info.filename}"
        if info.is_dir():
            continue
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in info.filename:
            unsafe.append(Problem(where, "its path leads outside the archive's folder; skipped"))
            continue
        if _skipped(name.parts) or not (_kind(name.name) or name.suffix.lower() == ".zip"):
            continue
        if info.file_size > MAX_FILE_BYTES or info.file_size > budget:
            unreadable.append(Problem(where, f"too large ({info.file_size // 1_000_000} MB)"))
            continue
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1_000_000:
            unsafe.append(Problem(where, "compressed suspiciously well (a zip bomb?); skipped"))
            continue
        try:
            with archive.open(info) as member:
                content = member.read(MAX_FILE_BYTES + 1)  # never trust the size the header claims
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
            unreadable.append(Problem(where, f"cannot be extracted ({exc})"))
            continue
        if len(content) > MAX_FILE_BYTES:
            unreadable.append(Problem(where, "too large"))
            continue
        budget -= len(content)
        if name.suffix.lower() == ".zip":
            if depth >= MAX_NESTING:
                unsafe.append(Problem(where, "a zip inside a zip inside a zip; not opened"))
            else:
                _read_zip(content, where, depth + 1, items, unreadable, unsafe)
            continue
        try:
            modified = datetime(*info.date_time, tzinfo=timezone.utc)
        except ValueError:  # some archivers write impossible dates
            modified = datetime(1980, 1, 1, tzinfo=timezone.utc)
        _add(items, unreadable, where, name.name, content, modified)


def _add(items: list[Item], unreadable: list[Problem], where: str, name: str, data: bytes, modified: datetime) -> None:
    kind = _kind(name)
    if kind is None:  # callers pass only notebooks and answers files
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        unreadable.append(Problem(where, "is not UTF-8 text"))
        return
    if kind == "answers":
        try:
            doc = parse_answers(text)
        except AnswersError as exc:
            unreadable.append(Problem(where, exc.message, _student_of(text)))
            return
        items.append(Item(where, kind, modified, data, answers=doc, student_id=str(doc.get("student_id", "")),
                          assignment_id=str(doc.get("assignment_id", ""))))
        return
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        unreadable.append(Problem(where, f"is not valid JSON (line {exc.lineno}: {exc.msg})"))
        return
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        unreadable.append(Problem(where, "is not a Jupyter notebook"))
        return
    meta = nb.get("metadata", {}).get("nextround", {}) if isinstance(nb.get("metadata"), dict) else {}
    carried = embedded_answers(nb)
    if carried is not None:
        try:
            carried = checked(carried)
        except AnswersError as exc:
            student = str(meta.get("student_id", "")) if isinstance(meta, dict) else ""
            unreadable.append(Problem(where, f"carries answers that are not valid: {exc.message}", student))
            carried = None
    items.append(Item(where, kind, modified, data, notebook=nb, answers=carried,
                      student_id=str(meta.get("student_id", "")), assignment_id=str(meta.get("assignment_id", ""))))


def _student_of(text: str) -> str:
    """The student id in a broken answers file, if it can still be read."""
    try:
        doc = json.loads(text)
    except ValueError:
        return ""
    return str(doc.get("student_id", "")) if isinstance(doc, dict) else ""


def identify(items: list[Item], roster: Sequence[str], assignment_id: str) -> Collection:
    """Match items to students by the ids inside; keep each student's newest; note the rest."""
    known = set(roster)
    unknown: list[Problem] = []
    by_student: dict[str, dict[str, list[Item]]] = {}
    for item in items:
        if not item.student_id:
            unknown.append(Problem(item.source, "carries no student id (not a class workbook?)"))
        elif item.student_id not in known:
            unknown.append(Problem(item.source, f"student id {item.student_id!r} is not on the roster"))
        elif item.assignment_id != assignment_id:
            unknown.append(Problem(item.source, f"belongs to assignment {item.assignment_id!r}, not {assignment_id!r}"))
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
            seen = {found[-1].data}
            for older in found[:-1]:
                if older.data not in seen:
                    set_aside.append(older)
                    seen.add(older.data)
    missing = [s for s in roster if s not in chosen]
    return Collection(assignment_id, chosen, set_aside, missing, unknown, [], [])


def newest_answers(kinds: Mapping[str, Item]) -> dict[str, Any] | None:
    """A student's newest answers: from their answers file or the copy in their notebook."""
    candidates = [item for item in kinds.values() if item.answers is not None]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (i.saved_at, i.kind == "answers")).answers


def collect(sources: Sequence[str | Path], roster: Sequence[str], assignment_id: str, course: Path) -> Collection:
    """Find, identify and store submissions under `course/submitted/<student>/`.

    Older and duplicate copies go to `course/duplicates/<student>/`; nothing already
    collected is deleted.
    """
    layout = CourseDirectory(course)
    items, unreadable, unsafe = find(sources)
    result = identify(items, roster, assignment_id)
    result.unreadable, result.unsafe = unreadable, unsafe
    # A student whose only hand-in could not be read did hand something in: say so,
    # under unreadable, rather than calling them missing.
    tried = {p.student_id for p in unreadable}
    result.missing = [s for s in result.missing if s not in tried]
    for student, kinds in result.chosen.items():
        held = layout.submitted_answers(student)
        folder = held.parent
        folder.mkdir(parents=True, exist_ok=True)
        answers = newest_answers(kinds)
        if answers is not None and not _older_than_held(answers, held):
            text = answers_text(answers).encode("utf-8")
            _store(held, text, course, student)
            if "notebook" in kinds:
                _store(layout.submitted_notebook(student), kinds["notebook"].data, course, student)
        elif answers is None and "notebook" in kinds and not held.exists():
            _store(layout.submitted_notebook(student), kinds["notebook"].data, course, student)
        elif answers is not None:
            # An older hand-in than the one already collected (an old download run
            # again): keep the newer, set this one aside.
            result.set_aside.extend(kinds.values())
    for item in result.set_aside:
        suffix = ANSWERS_SUFFIX if item.kind == "answers" else ".ipynb"
        _set_aside(item.data, course, item.student_id, f"{item.modified:%Y%m%dT%H%M%S}", suffix)
    return result


def _older_than_held(answers: Mapping[str, Any], held: Path) -> bool:
    """Whether `answers` were saved before the copy already collected."""
    try:
        kept = json.loads(held.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return str(answers.get("saved_at") or "") < str(kept.get("saved_at") or "")


def _set_aside(data: bytes, course: Path, student: str, stamp: str, suffix: str) -> None:
    """Keep a copy under duplicates/, named by its content, so nothing is overwritten."""
    aside = CourseDirectory(course).duplicates(student)
    aside.mkdir(parents=True, exist_ok=True)
    target = aside / f"{stamp}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    if not target.exists():  # the same name means the same content: already kept
        files.replace(target, data)


def _store(path: Path, data: bytes, course: Path, student: str) -> None:
    """Write a collected file; a different earlier one is moved aside, never lost."""
    if path.exists():
        old = path.read_bytes()
        if old == data:
            return
        suffix = ANSWERS_SUFFIX if path.name.endswith(ANSWERS_SUFFIX) else path.suffix
        stamp = datetime.now(timezone.utc).strftime("previous-%Y%m%dT%H%M%S")
        _set_aside(old, course, student, stamp, suffix)
    files.replace(path, data)


def iter_problems(result: Collection) -> Iterator[str]:
    """One line per thing the instructor should know about, most urgent first."""
    for problem in result.unsafe:
        yield f"unsafe: {problem.line()}"
    for problem in result.unreadable:
        yield f"unreadable: {problem.line()}"
    for problem in result.unknown:
        yield f"unknown: {problem.line()}"
    for item in result.set_aside:
        yield f"duplicate: {item.source}: an older copy for {item.student_id}; set aside"
    for student in result.missing:
        yield f"missing: {student}: nothing handed in"
