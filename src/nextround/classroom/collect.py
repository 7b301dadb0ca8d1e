"""Collecting a class's submissions from wherever they were handed in.

Sources may be folders, LMS zip downloads (nested folders, renamed files, names
prefixed by the student's name, zips inside zips) and loose `.ipynb` or
`.answers.json` files. A submission is known by the ids inside it — the student and
assignment ids every class workbook carries — never by its file name.

Submissions are data: they are parsed as JSON and never executed. The notebook
stored for a student is not the one they handed in: it is rebuilt from our own
template with the parameters their notebook records (read from its metadata and
validated, never by running its cells), so opening a collected workbook runs only
our code. What they handed in is kept untouched beside it, under `originals/`; a
notebook whose parameters cannot be validated is kept there only, and reported.

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
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import IO, Any

from nextround.classroom.course import STAGING_PREFIX, CourseDirectory
from nextround.core.answers import dumps as answers_text
from nextround.core.printable import clean
from nextround.errors import AnswersError, NextroundError
from nextround.making.workbook import embedded_answers, recorded_parameters, workbook_text
from nextround.storage import files
from nextround.storage.store import ANSWERS_SUFFIX, checked

MAX_FILE_BYTES = 50 * 1024 * 1024  # a notebook with a few plots is well under this
MAX_ARCHIVE_BYTES = 2 * 1024**3  # unpacked, for an archive with every zip inside it
MAX_MEMBERS = 20_000  # files in an archive, with every zip inside it
MAX_RATIO = 200  # compression ratios beyond this are a zip bomb's, not a notebook's
MAX_NESTING = 2
# Parsing JSON makes a Python object of every {...} and [...], about this many bytes
# each: a megabyte of "{}," is 20 MB once parsed. A file whose estimate is over
# MAX_PARSE_BYTES is not parsed at all.
MAX_PARSE_BYTES = 256 * 1024 * 1024
_BYTES_PER_PART = 200
_LINE_LIMIT = 160  # characters of someone else's text (a file name, an id) in one line

_SKIP_PARTS = {"__MACOSX", ".ipynb_checkpoints", ".nextround"}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # as the roster's ids
_CELL_TYPES = ("code", "markdown", "raw")  # a tuple: what is looked up may be a list


@dataclasses.dataclass
class Item:
    """One file found in the sources: a notebook or an answers file (a few lines about it)."""

    source: str  # where it was found, for people: "class.zip › Jane Doe_1234/wb.ipynb"
    kind: str  # "notebook" or "answers"
    modified: datetime
    digest: str  # of the file as handed in: identical copies are one file
    student_id: str = ""
    assignment_id: str = ""
    saved_at: str = ""  # when its answers were last saved (the best sign of which copy is newest)
    has_answers: bool = False  # valid answers were found in it
    rebuilt: bool = False  # a notebook whose copy could be rebuilt from our template

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
        return f"{_shown(self.source, 4 * _LINE_LIMIT)}: {_shown(self.reason, 4 * _LINE_LIMIT)}{whose}"


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


def _shown(text: str, limit: int = _LINE_LIMIT) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _id(value: Any) -> str:
    """An id read from a file, if it is one (anything else is never shown)."""
    return value if isinstance(value, str) and _ID.match(value) else ""


# --- finding: one file at a time -------------------------------------------------------


class _OverBudget(Exception):
    """An archive (with the zips inside it) holds more than one archive may."""


@dataclasses.dataclass
class _Budget:
    """What is left of one archive's limits, shared with every zip inside it."""

    bytes: int = dataclasses.field(default_factory=lambda: MAX_ARCHIVE_BYTES)
    members: int = dataclasses.field(default_factory=lambda: MAX_MEMBERS)

    def declare(self, count: int, size: int) -> None:
        """What an archive's directory says it holds: refused before anything is read."""
        self.members -= count
        if self.members < 0:
            raise _OverBudget(f"holds more than {MAX_MEMBERS:,} files")
        if size > self.bytes:
            raise _OverBudget(f"unpacks to more than {_size(MAX_ARCHIVE_BYTES)}")

    def spend(self, size: int) -> None:
        """What was really read, should an archive's directory understate it."""
        self.bytes -= size
        if self.bytes < 0:
            raise _OverBudget(f"unpacks to more than {_size(MAX_ARCHIVE_BYTES)}")


def _name(exc: BaseException) -> str:
    """An exception's kind, for a person: `BadZipFile`, `zlib.error` (its message may quote the file)."""
    kind = type(exc)
    return kind.__qualname__ if kind.__module__ in ("builtins", "zipfile") else f"{kind.__module__}.{kind.__qualname__}"


def _size(n: int) -> str:
    return f"{n / 1024**3:.3g} GiB" if n >= 1024**3 else f"{n / 1024**2:.3g} MiB"


class _Finder:
    """One pass over the sources; keeps a few lines per file, never the files themselves.

    With a staging folder, each file of a student worth keeping (`wanted`) is staged
    there as it is read: the file as handed in, its answers (validated) and its
    notebook rebuilt from our template.
    """

    def __init__(self, wanted: Callable[[Item], bool] | None = None, stage: Path | None = None,
                 layout: CourseDirectory | None = None) -> None:
        self.items: list[Item] = []
        self.unreadable: list[Problem] = []
        self.unsafe: list[Problem] = []
        self._wanted = wanted
        self._stage = stage
        self._layout = layout

    def source(self, source: str | Path) -> None:
        path = Path(source)
        if not path.exists():
            self.unreadable.append(Problem(str(path), "not found"))
            return
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in found:
            if _skipped(file.relative_to(path).parts if path.is_dir() else (file.name,)):
                continue
            label = str(file)
            try:
                stat = file.stat()
                modified = datetime.fromtimestamp(stat.st_mtime, timezone.utc)
                if _is_zip(file.name):  # read from disk, member by member
                    if stat.st_size > MAX_ARCHIVE_BYTES:
                        self.unreadable.append(Problem(label, f"too large ({stat.st_size // 1_000_000} MB)"))
                    else:
                        self._archive(file, label)
                elif _kind(file.name):
                    if stat.st_size > MAX_FILE_BYTES:
                        self.unreadable.append(Problem(label, f"too large ({stat.st_size // 1_000_000} MB)"))
                    else:
                        self._file(label, file.name, file.read_bytes(), modified)
            except OSError as exc:
                self.unreadable.append(Problem(label, f"cannot be read ({exc.strerror or type(exc).__name__})"))

    def _archive(self, path: Path, label: str) -> None:
        """A zip from disk: all of it, or (over its limits) none of it."""
        marks = len(self.items), len(self.unreadable), len(self.unsafe)
        try:
            self._zip(path, label, 1, _Budget())
        except _OverBudget as exc:
            del self.items[marks[0]:], self.unreadable[marks[1]:], self.unsafe[marks[2]:]
            self.unreadable.append(Problem(label, f"{exc} (the most one download may hold); "
                                                  "nothing in it was collected"))

    def _zip(self, source: Path | IO[bytes], label: str, depth: int, budget: _Budget) -> None:
        try:
            archive = zipfile.ZipFile(source)
            members = archive.infolist()
        except Exception as exc:  # noqa: BLE001  a broken zip raises almost anything (BadZipFile, struct.error, ...)
            self.unreadable.append(Problem(label, f"not a readable zip file ({_name(exc)})"))
            return
        with archive:
            # Only notebooks, answers files and zips are read: they are what counts.
            read = sum(info.file_size for info in members if _kind(info.filename) or _is_zip(info.filename))
            budget.declare(len(members), read)
            for info in members:
                if not info.is_dir():
                    self._member(archive, info, label, depth, budget)

    def _member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, depth: int,
                budget: _Budget) -> None:
        where = f"{label} › {info.filename}"
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in info.filename:
            self.unsafe.append(Problem(where, "its path leads outside the archive's folder; skipped"))
            return
        is_zip = _is_zip(name.name)
        if not name.parts or _skipped(name.parts) or not (_kind(name.name) or is_zip):
            return
        if info.file_size > MAX_FILE_BYTES:
            self.unreadable.append(Problem(where, f"too large ({info.file_size // 1_000_000} MB)"))
            return
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1_000_000:
            self.unsafe.append(Problem(where, "compressed suspiciously well (a zip bomb?); skipped"))
            return
        try:
            with archive.open(info) as member:
                content = member.read(MAX_FILE_BYTES + 1)  # never trust the size the header claims
        except Exception as exc:  # noqa: BLE001  as above: a bad member says so, and the rest goes on
            self.unreadable.append(Problem(where, f"cannot be extracted; the archive may be damaged ({_name(exc)})"))
            return
        budget.spend(len(content))
        if len(content) > MAX_FILE_BYTES:
            self.unreadable.append(Problem(where, "too large"))
            return
        if is_zip:
            if depth >= MAX_NESTING:
                self.unsafe.append(Problem(where, "a zip inside a zip inside a zip; not opened"))
            else:
                self._zip(io.BytesIO(content), where, depth + 1, budget)
            return
        try:
            modified = datetime(*info.date_time, tzinfo=timezone.utc)
        except ValueError:  # some archivers write impossible dates
            modified = datetime(1980, 1, 1, tzinfo=timezone.utc)
        self._file(where, name.name, content, modified)

    def _file(self, where: str, name: str, data: bytes, modified: datetime) -> None:
        """Read, check and identify one file; stage what is worth keeping; keep a line about it."""
        kind = _kind(name)
        if kind is None:  # callers pass only notebooks and answers files
            return
        try:
            found = _read(kind, data)
        except RecursionError:  # deeper than anything the checks below look into
            found = _Found(problem="is nested too deeply to be read")
        except Exception as exc:  # noqa: BLE001  one file never stops the run, whatever is in it
            found = _Found(problem=f"could not be read (unexpected {type(exc).__name__})")
        if found.problem:
            self.unreadable.append(Problem(where, found.problem, found.student_id))
            return
        item = Item(where, kind, modified, hashlib.sha256(data).hexdigest(), found.student_id,
                    found.assignment_id, found.saved_at, has_answers=found.answers is not None)
        reasons = [found.answers_problem] if found.answers_problem else []
        if self._stage is not None and self._wanted is not None and self._wanted(item):
            reasons += self._keep(item, data, found)
        if reasons:  # still collected, as far as it can be; named once
            self.unreadable.append(Problem(where, "; ".join(reasons), item.student_id))
        self.items.append(item)

    def _keep(self, item: Item, data: bytes, found: _Found) -> list[str]:
        """Stage what will be stored if this file is the newest; what could not be, as reasons."""
        assert self._stage is not None and self._layout is not None
        raw = self._stage / f"{item.digest}.raw"
        if not raw.exists():  # the same digest is the same file, already staged
            raw.write_bytes(data)
        if found.answers is not None:
            (self._stage / f"{item.digest}{ANSWERS_SUFFIX}").write_text(answers_text(found.answers), "utf-8")
        if found.notebook is not None:
            try:
                text = _rebuilt(found.notebook, item, self._layout)
            except Exception as exc:  # noqa: BLE001  as in _file: whatever its parameters hold, the run goes on
                why = (_shown(str(exc)) if isinstance(exc, NextroundError) else "nested too deeply"
                       if isinstance(exc, RecursionError) else f"unexpected {type(exc).__name__}")
                return [f"its parameters cannot be used ({why}); kept as handed in under originals/, not rebuilt"]
            (self._stage / f"{item.digest}.ipynb").write_text(text, "utf-8")
            item.rebuilt = True
        return []


def find(sources: Sequence[str | Path]) -> tuple[list[Item], list[Problem], list[Problem]]:
    """Every notebook and answers file in the sources; plus the unreadable and the unsafe."""
    finder = _Finder()
    for source in sources:
        finder.source(source)
    return finder.items, finder.unreadable, finder.unsafe


def _skipped(parts: Sequence[str]) -> bool:
    return any(part in _SKIP_PARTS or part.startswith(STAGING_PREFIX) for part in parts) or parts[-1].startswith("._")


def _is_zip(name: str) -> bool:
    return name.lower().endswith(".zip")


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(ANSWERS_SUFFIX):
        return "answers"
    if lower.endswith(".ipynb"):
        return "notebook"
    return None


# --- reading one file ------------------------------------------------------------------


@dataclasses.dataclass
class _Found:
    """What one file holds, once read and checked."""

    problem: str = ""  # why it cannot be collected at all
    student_id: str = ""
    assignment_id: str = ""
    saved_at: str = ""
    answers: dict[str, Any] | None = None
    answers_problem: str = ""  # a notebook whose copy of the answers is not valid
    notebook: dict[str, Any] | None = None


def _read(kind: str, data: bytes) -> _Found:
    """Parse and check one file, as data: every problem comes back as a line, never raised."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _Found(problem="is not UTF-8 text")
    parts = data.count(b"{") + data.count(b"[")
    if len(data) + _BYTES_PER_PART * parts > MAX_PARSE_BYTES:
        return _Found(problem=f"has too many parts ({parts:,}) to be read safely")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        return _Found(problem=f"is not valid JSON (line {exc.lineno}: {exc.msg})")
    except ValueError:  # a number too long to convert, and the like
        return _Found(problem="is not valid JSON")
    if kind == "answers":
        student = _id(doc.get("student_id")) if isinstance(doc, dict) else ""
        try:
            answers = checked(doc)
        except AnswersError as exc:
            return _Found(problem=exc.message, student_id=student)
        return _Found(student_id=student, assignment_id=_id(answers.get("assignment_id")),
                      saved_at=str(answers.get("saved_at") or "")[:64], answers=answers)
    problem = notebook_problem(doc)
    if problem:
        return _Found(problem=problem)
    ids = doc.get("metadata", {}).get("nextround", {})
    found = _Found(student_id=_id(ids.get("student_id")), assignment_id=_id(ids.get("assignment_id")),
                   notebook=doc)
    carried = embedded_answers(doc)
    if carried is not None:
        try:
            found.answers = checked(carried)
            found.saved_at = str(found.answers.get("saved_at") or "")[:64]
        except AnswersError as exc:
            found.answers_problem = f"carries answers that are not valid: {exc.message}"
    return found


def notebook_problem(nb: Any) -> str:
    """What keeps `nb` (parsed JSON) from being read as a version 4 notebook; "" if nothing.

    Checks the shape everything after relies on — cells, sources, outputs, the
    metadata and its ids — and says where, never what is there.
    """
    if not isinstance(nb, dict):
        return "is not a Jupyter notebook"
    version = nb.get("nbformat")
    if "worksheets" in nb or (type(version) is int and version < 4):
        shown = version if type(version) is int else "3"
        return (f"is a version {shown} notebook; only version 4 notebooks can be collected "
                "(open and save it in JupyterLab)")
    if type(version) is not int or version != 4:
        return "is not a version 4 Jupyter notebook"
    cells, metadata = nb.get("cells"), nb.get("metadata", {})
    if not isinstance(cells, list):
        return "is not a Jupyter notebook (its cells are not a list)"
    if not isinstance(metadata, dict):
        return "is not a Jupyter notebook (its metadata is not an object)"
    for n, cell in enumerate(cells, 1):
        problem = _cell_problem(cell)
        if problem:
            return f"cell {n} {problem}"
    ids = metadata.get("nextround", {})
    if not isinstance(ids, dict):
        return "its nextround metadata is not an object"
    for key in ("student_id", "assignment_id"):
        if key in ids and not isinstance(ids[key], str):
            return f"its nextround metadata's {key} is not text"
    return ""


def _cell_problem(cell: Any) -> str:
    if not isinstance(cell, dict):
        return "is not a cell"
    if cell.get("cell_type") not in _CELL_TYPES:
        return "has no known cell type"
    source = cell.get("source", "")
    if not (isinstance(source, str) or (isinstance(source, list) and all(isinstance(s, str) for s in source))):
        return "has a source that is not text"
    if not isinstance(cell.get("metadata", {}), dict):
        return "has metadata that is not an object"
    if cell["cell_type"] != "code":
        return ""
    outputs = cell.get("outputs", [])
    if not isinstance(outputs, list):
        return "has outputs that are not a list"
    for output in outputs:
        if not isinstance(output, dict) or not isinstance(output.get("output_type"), str):
            return "has an output that is not an output"
        if not isinstance(output.get("data", {}), dict) or not isinstance(output.get("metadata", {}), dict):
            return "has an output whose data is not an object"
    return ""


def _rebuilt(nb: Mapping[str, Any], item: Item, layout: CourseDirectory) -> str:
    """The student's workbook made afresh from our template, with the parameters it records."""
    rejection, ids = recorded_parameters(nb)
    if (ids["student_id"], ids["assignment_id"]) != (item.student_id, item.assignment_id):
        raise NextroundError("they name another student or assignment than the notebook's metadata",
                             field="student_id")
    created = nb["metadata"]["nextround"].get("created_at")
    try:
        created = datetime.fromisoformat(created).isoformat() if isinstance(created, str) else None
    except ValueError:
        created = None
    student = item.student_id
    return workbook_text(
        rejection, workbook_id=ids["workbook_id"], answers_file=f"{student}{ANSWERS_SUFFIX}",
        identity={"student_id": student, "assignment_id": item.assignment_id},
        output_path=layout.submitted_notebook(student).relative_to(layout.root).as_posix(),
        created_at=created or item.modified.isoformat(timespec="seconds"),
        extra_metadata={"rebuilt": "collected: rebuilt from the template, with the parameters handed in"},
    )


# --- identifying and storing -----------------------------------------------------------


def identify(items: list[Item], roster: Sequence[str], assignment_id: str) -> Collection:
    """Match items to students by the ids inside; keep each student's newest; note the rest."""
    known = set(roster)
    unknown: list[Problem] = []
    by_student: dict[str, dict[str, list[Item]]] = {}
    for item in items:
        if not item.student_id:
            unknown.append(Problem(item.source, "carries no usable student id (not a class workbook?)"))
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
            seen = {found[-1].digest}
            for older in found[:-1]:
                if older.digest not in seen:
                    set_aside.append(older)
                    seen.add(older.digest)
    missing = [s for s in roster if s not in chosen]
    return Collection(assignment_id, chosen, set_aside, missing, unknown, [], [])


def newest_answers(kinds: Mapping[str, Item]) -> Item | None:
    """Which of a student's files holds their newest answers: their answers file or their notebook."""
    candidates = [item for item in kinds.values() if item.has_answers]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (i.saved_at, i.kind == "answers"))


def collect(sources: Sequence[str | Path], roster: Sequence[str], assignment_id: str, course: Path) -> Collection:
    """Find, identify and store submissions under `course/submitted/<student>/`.

    Each student's newest answers, and their workbook rebuilt from our template, go
    to `submitted/`; the files behind them, as handed in, to `originals/`. Older and
    duplicate copies go to `duplicates/<student>/`; nothing already collected is
    deleted.
    """
    layout = CourseDirectory(course)
    known = set(roster)
    with layout.staging() as stage:
        finder = _Finder(lambda i: i.student_id in known and i.assignment_id == assignment_id, stage, layout)
        for source in sources:
            finder.source(source)
        result = identify(finder.items, roster, assignment_id)
        result.unreadable, result.unsafe = finder.unreadable, finder.unsafe
        # A student whose only hand-in could not be read did hand something in: say so,
        # under unreadable, rather than calling them missing.
        tried = {p.student_id for p in result.unreadable}
        result.missing = [s for s in result.missing if s not in tried]
        for student, kinds in result.chosen.items():
            _store_student(layout, stage, student, kinds, result)
        for item in result.set_aside:
            suffix = ANSWERS_SUFFIX if item.kind == "answers" else ".ipynb"
            _set_aside(stage / f"{item.digest}.raw", layout, item.student_id, f"{item.modified:%Y%m%dT%H%M%S}", suffix)
    return result


def _store_student(layout: CourseDirectory, stage: Path, student: str, kinds: Mapping[str, Item],
                   result: Collection) -> None:
    held = layout.submitted_answers(student)
    newest = newest_answers(kinds)
    notebook = kinds.get("notebook")
    if newest is not None and not _older_than_held(newest.saved_at, held):
        _store(held, stage / f"{newest.digest}{ANSWERS_SUFFIX}", layout, student)
        if newest.kind == "answers":
            _store(layout.original_answers(student), stage / f"{newest.digest}.raw", layout, student)
        if notebook is not None:
            _store_notebook(layout, stage, student, notebook)
    elif newest is None and notebook is not None and not held.exists():
        _store_notebook(layout, stage, student, notebook)
    elif newest is not None:
        # An older hand-in than the one already collected (an old download run
        # again): keep the newer, set this one aside.
        result.set_aside.extend(kinds.values())


def _store_notebook(layout: CourseDirectory, stage: Path, student: str, notebook: Item) -> None:
    """The notebook as handed in, under originals/; the one rebuilt from it, under submitted/."""
    _store(layout.original_notebook(student), stage / f"{notebook.digest}.raw", layout, student)
    if notebook.rebuilt:
        _store(layout.submitted_notebook(student), stage / f"{notebook.digest}.ipynb", layout, student)


def _older_than_held(saved_at: str, held: Path) -> bool:
    """Whether answers saved at `saved_at` are older than the copy already collected."""
    try:
        kept = json.loads(held.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    return saved_at < str(kept.get("saved_at") or "") if isinstance(kept, dict) else False


def _set_aside(staged: Path, layout: CourseDirectory, student: str, stamp: str, suffix: str) -> None:
    """Keep a copy under duplicates/, named by its content, so nothing is overwritten."""
    data = staged.read_bytes()
    aside = layout.duplicates(student)
    aside.mkdir(parents=True, exist_ok=True)
    target = aside / f"{stamp}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    if not target.exists():  # the same name means the same content: already kept
        files.replace(target, data)


def _store(path: Path, staged: Path, layout: CourseDirectory, student: str) -> None:
    """Write a collected file from its staged copy; a different earlier one is moved aside, never lost."""
    data = staged.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        old = path.read_bytes()
        if old == data:
            return
        suffix = ANSWERS_SUFFIX if path.name.endswith(ANSWERS_SUFFIX) else path.suffix
        stamp = datetime.now(timezone.utc).strftime("previous-%Y%m%dT%H%M%S")
        aside = layout.duplicates(student)
        aside.mkdir(parents=True, exist_ok=True)
        target = aside / f"{stamp}-{hashlib.sha256(old).hexdigest()[:12]}{suffix}"
        if not target.exists():
            files.replace(target, old)
    files.replace(path, data)


def iter_problems(result: Collection) -> Iterator[str]:
    """One line per thing the instructor should know about, most urgent first; each file named once."""
    aside = {item.source for item in result.set_aside}
    named = set()
    for problem in result.unsafe:
        yield f"unsafe: {problem.line()}"
    for problem in result.unreadable:
        named.add(problem.source)
        also = "; an older copy, set aside" if problem.source in aside else ""
        yield f"unreadable: {problem.line()}{also}"
    for problem in result.unknown:
        yield f"unknown: {problem.line()}"
    for item in result.set_aside:
        if item.source not in named:
            yield f"duplicate: {_shown(item.source, 4 * _LINE_LIMIT)}: an older copy for {item.student_id}; set aside"
    for student in result.missing:
        yield f"missing: {student}: nothing handed in"
