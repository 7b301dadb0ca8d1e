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
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import IO, Any

from nextround.classroom.course import HELD_NOTE_SUFFIX, STAGING_PREFIX, CourseDirectory
from nextround.classroom.layouts import Claim, StudentIndex, claim_of
from nextround.classroom.times import NEVER, due_instant, instant, iso
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

_SKIP_PARTS = {"__MACOSX", ".ipynb_checkpoints", ".nextround", ".git"}
_ID = re.compile(r"^[^\W_][\w.@+'-]{0,127}$")  # as the roster's ids: numbers, usernames, emails
_CELL_TYPES = ("code", "markdown", "raw")  # a tuple: what is looked up may be a list
_NO_ANSWERS = "carries no answers (its outputs were cleared, or it was never saved in JupyterLab)"
_EXPORT = "an HTML page (a notebook exported by mistake?)"
_WHAT = {".html": _EXPORT, ".htm": _EXPORT, ".pdf": "a PDF", ".py": "a Python script", ".txt": "a text file",
         ".docx": "a Word document"}


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
    claim: Claim | None = None  # who the LMS's download says handed it in
    uploader: str = ""  # the roster student that claim names ("" if none)
    other_student: str = ""  # a notebook whose answers inside name another student than its metadata
    rebuild_problem: str = ""  # why its copy could not be rebuilt, if it could not

    @property
    def saved(self) -> datetime | None:
        """When its answers were saved, as an instant."""
        return instant(self.saved_at)

    @property
    def lms_time(self) -> datetime | None:
        return self.claim.submitted_at if self.claim is not None else None

    def newness(self) -> tuple[datetime, datetime, datetime]:
        return (self.saved or NEVER, self.lms_time or NEVER, self.modified)


@dataclasses.dataclass
class Problem:
    """A file that could not be collected, and why (one line, never its content)."""

    source: str
    reason: str
    student_id: str = ""  # when the ids inside, or the LMS, still say whose it is

    def line(self) -> str:
        whose = f" (student {self.student_id})" if self.student_id else ""
        return f"{_shown(self.source, 4 * _LINE_LIMIT)}: {_shown(self.reason, 4 * _LINE_LIMIT)}{whose}"


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
        tried = f", {len(self.tried)} handed in nothing that could be collected" if self.tried else ""
        return (f"Course so far: {len(self.collected)} of {self.students} collected, {len(self.late)} late, "
                f"{len(self.held)} held for review, {len(self.missing)} missing{tried}")


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
            f"This run: {len(done)} collected ({new} new, {updated} updated), {len(self.held)} held for review, "
            f"{len(self.set_aside)} duplicate{'s' if len(self.set_aside) != 1 else ''} set aside, "
            f"{len(self.unknown)} unknown, {len(self.unreadable)} unreadable, {len(self.unsafe)} unsafe"
            + (f", {len(self.wrong)} not a workbook" if self.wrong else "")
        )

    def needs_attention(self) -> bool:
        """Whether this run found something the instructor should look at."""
        return bool(self.unreadable or self.unsafe or self.unknown or self.held or self.wrong)


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
    notebook rebuilt from our template. With an index of the roster, each file's
    uploader (as the LMS's download names them) is looked up as it is found.
    """

    def __init__(self, wanted: Callable[[Item], bool] | None = None, stage: Path | None = None,
                 layout: CourseDirectory | None = None, index: StudentIndex | None = None) -> None:
        self.items: list[Item] = []
        self.unreadable: list[Problem] = []
        self.unsafe: list[Problem] = []
        self.others: list[Problem] = []  # files that are not workbooks, from a student the LMS names
        self._wanted = wanted
        self._stage = stage
        self._layout = layout
        self._index = index or StudentIndex([])

    def source(self, source: str | Path) -> None:
        path = Path(source)
        if not path.exists():
            self.unreadable.append(Problem(str(path), "not found"))
            return
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in found:
            inside = file.relative_to(path).parts if path.is_dir() else (file.name,)
            if _skipped(inside):
                continue
            # The folder given counts for its name (`<assignment>-submissions/` for GitHub Classroom).
            claim = claim_of((path.name, *inside) if path.is_dir() else inside)
            label = str(file)
            try:
                stat = file.stat()
                modified = datetime.fromtimestamp(stat.st_mtime, timezone.utc)
                if _is_zip(file.name):  # read from disk, member by member
                    if stat.st_size > MAX_ARCHIVE_BYTES:
                        self.unreadable.append(Problem(label, f"too large ({stat.st_size // 1_000_000} MB)"))
                    else:
                        self._archive(file, label, claim)
                elif _kind(file.name):
                    if stat.st_size > MAX_FILE_BYTES:
                        self.unreadable.append(Problem(label, f"too large ({stat.st_size // 1_000_000} MB)"))
                    else:
                        self._file(label, file.name, file.read_bytes(), modified, claim)
                else:
                    self._other(label, file.name, claim)
            except OSError as exc:
                self.unreadable.append(Problem(label, f"cannot be read ({exc.strerror or type(exc).__name__})"))

    def _archive(self, path: Path, label: str, claim: Claim | None) -> None:
        """A zip from disk: all of it, or (over its limits) none of it."""
        marks = len(self.items), len(self.unreadable), len(self.unsafe), len(self.others)
        try:
            self._zip(path, label, 1, _Budget(), claim)
        except _OverBudget as exc:
            del self.items[marks[0]:], self.unreadable[marks[1]:], self.unsafe[marks[2]:], self.others[marks[3]:]
            self.unreadable.append(Problem(label, f"{exc} (the most one download may hold); "
                                                  "nothing in it was collected"))

    def _zip(self, source: Path | IO[bytes], label: str, depth: int, budget: _Budget, claim: Claim | None) -> None:
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
                    self._member(archive, info, label, depth, budget, claim)

    def _member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, depth: int,
                budget: _Budget, outer: Claim | None) -> None:
        where = f"{label} › {info.filename}"
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in info.filename:
            self.unsafe.append(Problem(where, "its path leads outside the archive's folder; skipped"))
            return
        if not name.parts or _skipped(name.parts):
            return
        # What the LMS says outside a zip outranks anything a student's own zip names inside it.
        claim = outer or claim_of(name.parts)
        is_zip = _is_zip(name.name)
        if not (_kind(name.name) or is_zip):
            self._other(where, name.name, claim)
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
                self._zip(io.BytesIO(content), where, depth + 1, budget, claim)
            return
        try:
            modified = datetime(*info.date_time, tzinfo=timezone.utc)
        except ValueError:  # some archivers write impossible dates
            modified = datetime(1980, 1, 1, tzinfo=timezone.utc)
        self._file(where, name.name, content, modified, claim)

    def _other(self, where: str, name: str, claim: Claim | None) -> None:
        """A file that is no workbook: worth a line only if the LMS says a student handed it in."""
        uploader = self._index.resolve(claim)
        if not uploader or claim is None or claim.receipt or name.startswith("."):
            return
        suffix = PurePosixPath(name.lower()).suffix
        what = (f"text typed into {claim.lms}" if claim.online
                else _WHAT.get(suffix, f"a {suffix} file" if suffix else "a file"))
        self.others.append(Problem(where, f"{what}, not a notebook", uploader))

    def _file(self, where: str, name: str, data: bytes, modified: datetime, claim: Claim | None = None) -> None:
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
        uploader = self._index.resolve(claim)
        if found.problem:
            self.unreadable.append(Problem(where, found.problem, found.student_id or uploader))
            return
        item = Item(where, kind, modified, hashlib.sha256(data).hexdigest(), found.student_id,
                    found.assignment_id, found.saved_at, has_answers=found.answers is not None, claim=claim,
                    uploader=uploader, other_student=found.other_student)
        reasons = [found.answers_problem] if found.answers_problem else []
        if self._stage is not None and self._wanted is not None and self._wanted(item):
            self._keep(item, data, found)
        if reasons:  # still collected, as far as it can be; named once
            self.unreadable.append(Problem(where, "; ".join(reasons), item.student_id or uploader))
        self.items.append(item)

    def _keep(self, item: Item, data: bytes, found: _Found) -> None:
        """Stage what will be stored if this file is the newest; note what could not be."""
        assert self._stage is not None and self._layout is not None
        raw = self._stage / f"{item.digest}.raw"
        if not raw.exists():  # the same digest is the same file, already staged
            raw.write_bytes(data)
        if found.answers is not None:
            (self._stage / f"{item.digest}{ANSWERS_SUFFIX}").write_text(answers_text(found.answers), "utf-8")
        if found.notebook is not None and item.student_id:
            try:
                if found.our_metadata:
                    text = _rebuilt(found.notebook, item.student_id, item.assignment_id, self._layout, item.modified)
                else:  # another app dropped our metadata: the workbook they were given says what it was
                    text = _rebuilt_from_release(item.student_id, item.assignment_id, self._layout, item.modified)
            except Exception as exc:  # noqa: BLE001  as in _file: whatever its parameters hold, the run goes on
                why = (_shown(str(exc)) if isinstance(exc, NextroundError) else "nested too deeply"
                       if isinstance(exc, RecursionError) else f"unexpected {type(exc).__name__}")
                item.rebuild_problem = (f"its parameters cannot be used ({why}); "
                                        "kept as handed in under originals/, not rebuilt")
                return
            (self._stage / f"{item.digest}.ipynb").write_text(text, "utf-8")
            item.rebuilt = True


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
    our_metadata: bool = True  # a notebook that still carries our metadata namespace
    other_student: str = ""  # the answers inside name another student than the metadata


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
    metadata = doc.get("metadata", {})
    ids = metadata.get("nextround", {})
    found = _Found(student_id=_id(ids.get("student_id")), assignment_id=_id(ids.get("assignment_id")),
                   notebook=doc, our_metadata="nextround" in metadata)
    carried = embedded_answers(doc)
    if carried is not None:
        try:
            found.answers = checked(carried)
            found.saved_at = str(found.answers.get("saved_at") or "")[:64]
        except AnswersError as exc:
            found.answers_problem = f"carries answers that are not valid: {exc.message}"
    if found.answers is not None:
        inside = _id(found.answers.get("student_id")), _id(found.answers.get("assignment_id"))
        if not found.our_metadata:  # saved by an app that dropped our metadata: the answers still say whose
            found.student_id, found.assignment_id = inside
        elif inside[0] and found.student_id and inside[0] != found.student_id:
            found.other_student = inside[0]
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


def _rebuilt(nb: Mapping[str, Any], student: str, assignment: str, layout: CourseDirectory,
             modified: datetime) -> str:
    """The student's workbook made afresh from our template, with the parameters `nb` records."""
    rejection, ids = recorded_parameters(nb)
    if (ids["student_id"], ids["assignment_id"]) != (student, assignment):
        raise NextroundError("they name another student or assignment than the notebook's metadata",
                             field="student_id")
    created = nb["metadata"]["nextround"].get("created_at")
    try:
        created = datetime.fromisoformat(created).isoformat() if isinstance(created, str) else None
    except ValueError:
        created = None
    return workbook_text(
        rejection, workbook_id=ids["workbook_id"], answers_file=f"{student}{ANSWERS_SUFFIX}",
        identity={"student_id": student, "assignment_id": assignment},
        output_path=layout.submitted_notebook(student).relative_to(layout.root).as_posix(),
        created_at=created or modified.isoformat(timespec="seconds"),
        extra_metadata={"rebuilt": "collected: rebuilt from the template, with the parameters handed in"},
    )


def _rebuilt_from_release(student: str, assignment: str, layout: CourseDirectory, modified: datetime) -> str:
    """The student's workbook made afresh from the one they were given (our own file, under release/)."""
    given = sorted(layout.release(student).glob("*.ipynb"))
    if not given:
        raise NextroundError("it lost our metadata and there is no workbook handed out to rebuild it from",
                             field="metadata.nextround")
    nb = json.loads(given[0].read_text(encoding="utf-8"))
    rejection, ids = recorded_parameters(nb)
    return workbook_text(
        rejection, workbook_id=ids["workbook_id"], answers_file=f"{student}{ANSWERS_SUFFIX}",
        identity={"student_id": student, "assignment_id": assignment},
        output_path=layout.submitted_notebook(student).relative_to(layout.root).as_posix(),
        created_at=modified.isoformat(timespec="seconds"),
        extra_metadata={"rebuilt": "collected: rebuilt from the template, with the parameters handed out"},
    )


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


def collect(sources: Sequence[str | Path], roster: Sequence[str], assignment_id: str, course: Path) -> Collection:
    """Find, identify and store submissions under `course/submitted/<student>/`.

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
        finder = _Finder(lambda i: i.student_id in known or i.uploader in known, stage, layout, index)
        for source in sources:
            finder.source(source)
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
        _record(layout, result, due_instant(doc.get("due")))
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
        result.held.append(Held(notebook, student, _NO_ANSWERS, "no answers"))
        return "held"
    if _older_than_held(newest.saved, kept):
        # An older hand-in than the one already collected (an old download run
        # again): keep the newer, set this one aside.
        result.set_aside.extend(kinds.values())
        return "older"
    wrote = _store(kept, stage / f"{newest.digest}{ANSWERS_SUFFIX}", layout, student)
    if newest.kind == "answers":
        wrote |= _store(layout.original_answers(student), stage / f"{newest.digest}.raw", layout, student)
    if notebook is not None:
        wrote |= _store_notebook(layout, stage, student, notebook)
        if notebook.rebuild_problem:
            result.unreadable.append(Problem(notebook.source, notebook.rebuild_problem, student))
    if not wrote:
        return "unchanged"
    return "updated" if before else "new"


def _store_notebook(layout: CourseDirectory, stage: Path, student: str, notebook: Item) -> bool:
    """The notebook as handed in, under originals/; the one rebuilt from it, under submitted/."""
    wrote = _store(layout.original_notebook(student), stage / f"{notebook.digest}.raw", layout, student)
    if notebook.rebuilt:
        wrote |= _store(layout.submitted_notebook(student), stage / f"{notebook.digest}.ipynb", layout, student)
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


def _store(path: Path, staged: Path, layout: CourseDirectory, student: str) -> bool:
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


def _settle(layout: CourseDirectory, name: str, how: str) -> None:
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


def _record(layout: CourseDirectory, result: Collection, due: datetime | None) -> None:
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
        mine["held_for_review"] = _refresh_holds(layout, student, result.settled)
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
            notes.append(f"it carries the ids of {self.carries}; filed as {self.student}'s, as asked")
        if not self.had_answers:
            notes.append("it carries no answers: filed as it is")
        elif self.replaced:
            notes.append("its answers replace the ones collected before, which are kept under duplicates/")
        if self.rebuild_problem:
            notes.append(self.rebuild_problem)
        when = f"handed in {self.submitted_at}" if self.submitted_at else "no time handed in known"
        late = ", late" if self.late else ""
        yield f"assigned: {_shown(self.file, 4 * _LINE_LIMIT)} to {self.student} ({when}{late})"
        yield from (f"  {note}" for note in notes)
        if self.held:
            yield f"settled: held/{self.held}: filed as {self.student}'s"
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
        raise NextroundError(f"{_shown(student)!r} is not on the course's roster", file=layout.course_file)
    path = _assigned_path(layout, file)
    kind = _kind(path.name)
    if kind is None:
        raise NextroundError("is not a notebook (.ipynb) or an answers file (.answers.json); only those can be filed",
                             file=path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise NextroundError(f"too large ({size // 1_000_000} MB)", file=path)
    data = path.read_bytes()
    try:
        found = _read(kind, data)
    except RecursionError:
        found = _Found(problem="is nested too deeply to be read")
    except Exception as exc:  # noqa: BLE001  as in collect: whatever is in it, one line
        found = _Found(problem=f"could not be read (unexpected {type(exc).__name__})")
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
            replaced = _store(layout.submitted_answers(student), stage / f"{item.digest}{ANSWERS_SUFFIX}", layout,
                              student) and before
            if kind == "answers":
                _store(layout.original_answers(student), stage / f"{item.digest}.raw", layout, student)
        if kind == "notebook":
            try:
                text = _rebuilt_from_release(student, assignment, layout, modified)
                (stage / f"{item.digest}.ipynb").write_text(text, "utf-8")
                item.rebuilt = True
            except Exception as exc:  # noqa: BLE001  a release that cannot be read: kept as handed in only
                why = _shown(str(exc)) if isinstance(exc, NextroundError) else f"unexpected {type(exc).__name__}"
                item.rebuild_problem = f"not rebuilt ({why}); kept as handed in under originals/"
            _store_notebook(layout, stage, student, item)
    if held:
        _settle(layout, held, f"filed as {student}'s by hand")
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
        fields.setdefault(who, {})["held_for_review"] = _refresh_holds(layout, who, settled)
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
    raise NextroundError("not found (give the file's path, or its name under held/ as collect printed it)", file=file)


def _refresh_holds(layout: CourseDirectory, student: str, settled: list[str]) -> list[str]:
    """A student's open holds; one held only for carrying no answers is settled once their answers are in."""
    names = open_holds(layout, student)
    if layout.submitted_answers(student).exists():
        for name in list(names):
            note = read_note(layout, name)
            if note is not None and note.get("why") == "no answers":
                _settle(layout, name, "their answers were collected since")
                names.remove(name)
                settled.append(f"settled: held/{name}: {student}'s answers have been collected since")
    return names


# --- what to tell the instructor ----------------------------------------------------------------


def _problem_lines(result: Collection) -> Iterator[str]:
    aside = {item.source for item in result.set_aside}
    holds = {entry.item.source: entry for entry in result.held}
    named = set()
    for problem in result.unsafe:
        yield f"unsafe: {problem.line()}"
    for problem in result.unreadable:
        named.add(problem.source)
        also = "; an older copy, set aside" if problem.source in aside else ""
        if problem.source in holds:
            also += f"; held for review as held/{holds[problem.source].name}"
        yield f"unreadable: {problem.line()}{also}"
    for problem in result.unknown:
        yield f"unknown: {problem.line()}"
    for entry in result.held:
        if entry.item.source not in named:
            yield (f"held: {_shown(entry.item.source, 4 * _LINE_LIMIT)}: {_shown(entry.reason, 4 * _LINE_LIMIT)}; "
                   f"held for review as held/{entry.name}")
    for problem in result.wrong:
        yield f"not a workbook: {problem.line()}; ask them for their .ipynb"
    for item in result.set_aside:
        if item.source in named:
            continue
        if item.has_answers or item.kind == "answers":
            yield f"duplicate: {_shown(item.source, 4 * _LINE_LIMIT)}: an older copy for {item.student_id}; set aside"
        else:
            yield (f"set aside: {_shown(item.source, 4 * _LINE_LIMIT)}: {_NO_ANSWERS}; {item.student_id}'s answers "
                   "collected before are kept")


def iter_problems(result: Collection) -> Iterator[str]:
    """One line per thing the instructor should know about, most urgent first; each file named once."""
    yield from _problem_lines(result)
    for student in result.missing:
        yield f"missing: {student}: nothing handed in"


def report_lines(result: Collection, course: str | Path = "COURSE") -> Iterator[str]:
    """Everything a run has to say: its problems, what changed, then where the course stands."""
    yield from _problem_lines(result)
    yield from result.settled
    state = result.state
    late = set(state.late) if state else set()
    order = {student: n for n, student in enumerate(state.collected)} if state else {}
    changed = sorted(result.changes, key=lambda s: order.get(s, len(order)))
    for student in (s for s in changed if result.changes[s] == "new"):
        yield f"collected: {student}{' (late)' if student in late else ''}"
    for student in (s for s in changed if result.changes[s] == "updated"):
        yield f"updated: {student}: a newer hand-in{' (late)' if student in late else ''}"
    yield result.summary()
    if state is None:
        return
    layout = CourseDirectory(course)
    for student, names in state.held.items():
        for name in names:
            note = read_note(layout, name) or {}
            yield f"held for review: held/{name} ({student}): {_shown(str(note.get('reason', '')), 4 * _LINE_LIMIT)}"
    if state.held:
        yield f"To file a held file: nextround class assign --dir {course} held/<file> STUDENT_ID"
    for student in state.missing:
        yield f"missing: {student}: nothing handed in"
    yield state.line()
