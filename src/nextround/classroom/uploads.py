"""Handed-in files, found and read one at a time: what `collect` works on.

Sources may be folders, LMS zip downloads (nested folders, renamed files, zips inside
zips) and loose `.ipynb` or `.answers.json` files. Each file is read, its shape
checked, its ids and its uploader (from the download's layout) noted, and it is
staged on disk or dropped before the next is read, so memory does not grow with a
download. A notebook kept for a student is rebuilt from our own template with the
parameters it records (never by running its cells). One bad file is named once, in
one line that never quotes its content.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import IO, Any

from nextround.classroom.course import STAGING_PREFIX, CourseDirectory
from nextround.classroom.layouts import Claim, StudentIndex, claim_of
from nextround.classroom.times import NEVER, instant
from nextround.core.answers import dumps as answers_text
from nextround.core.i18n import _
from nextround.core.names import STUDENT_ID
from nextround.core.printable import clean
from nextround.errors import AnswersError, NextroundError
from nextround.making.workbook import embedded_answers, recorded_parameters, workbook_text
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
LINE_LIMIT = 160  # characters of someone else's text (a file name, an id) in one line

_SKIP_PARTS = {"__MACOSX", ".ipynb_checkpoints", ".nextround", ".git"}
_CELL_TYPES = ("code", "markdown", "raw")  # a tuple: what is looked up may be a list
NO_ANSWERS = "carries no answers (its outputs were cleared, or it was never saved in JupyterLab)"
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
        return f"{shown(self.source, 4 * LINE_LIMIT)}: {shown(self.reason, 4 * LINE_LIMIT)}{whose}"


def shown(text: str, limit: int = LINE_LIMIT) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def id_in(value: Any) -> str:
    """An id read from a file, if it is one (anything else is never shown)."""
    return value if isinstance(value, str) and STUDENT_ID.match(value) else ""


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


class Finder:
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

    def source(self, source: str | Path, claim: Claim | None = None) -> None:
        """Every file under `source`; `claim`, when given, says who handed all of it in (a hub's exchange)."""
        given = claim
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
            claim = given or claim_of((path.name, *inside) if path.is_dir() else inside)
            label = str(file)
            try:
                stat = file.stat()
                modified = datetime.fromtimestamp(stat.st_mtime, timezone.utc)
                if _is_zip(file.name):  # read from disk, member by member
                    if stat.st_size > MAX_ARCHIVE_BYTES:
                        self.unreadable.append(Problem(label, f"too large ({stat.st_size // 1_000_000} MB)"))
                    else:
                        self._archive(file, label, claim)
                elif kind_of(file.name):
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
            read = sum(info.file_size for info in members if kind_of(info.filename) or _is_zip(info.filename))
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
        if not (kind_of(name.name) or is_zip):
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
        kind = kind_of(name)
        if kind is None:  # callers pass only notebooks and answers files
            return
        try:
            found = read_file(kind, data)
        except RecursionError:  # deeper than anything the checks below look into
            found = Found(problem="is nested too deeply to be read")
        except Exception as exc:  # noqa: BLE001  one file never stops the run, whatever is in it
            found = Found(problem=f"could not be read (unexpected {type(exc).__name__})")
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

    def _keep(self, item: Item, data: bytes, found: Found) -> None:
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
                    text = rebuilt(found.notebook, item.student_id, item.assignment_id, self._layout, item.modified)
                else:  # another app dropped our metadata: the workbook they were given says what it was
                    text = rebuilt_from_release(item.student_id, item.assignment_id, self._layout, item.modified)
            except Exception as exc:  # noqa: BLE001  as in _file: whatever its parameters hold, the run goes on
                why = (shown(str(exc)) if isinstance(exc, NextroundError) else "nested too deeply"
                       if isinstance(exc, RecursionError) else f"unexpected {type(exc).__name__}")
                item.rebuild_problem = (f"its parameters cannot be used ({why}); "
                                        "kept as handed in under originals/, not rebuilt")
                return
            (self._stage / f"{item.digest}.ipynb").write_text(text, "utf-8")
            item.rebuilt = True


def find(sources: Sequence[str | Path]) -> tuple[list[Item], list[Problem], list[Problem]]:
    """Every notebook and answers file in the sources; plus the unreadable and the unsafe."""
    finder = Finder()
    for source in sources:
        finder.source(source)
    return finder.items, finder.unreadable, finder.unsafe


def _skipped(parts: Sequence[str]) -> bool:
    return any(part in _SKIP_PARTS or part.startswith(STAGING_PREFIX) for part in parts) or parts[-1].startswith("._")


def _is_zip(name: str) -> bool:
    return name.lower().endswith(".zip")


def kind_of(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(ANSWERS_SUFFIX):
        return "answers"
    if lower.endswith(".ipynb"):
        return "notebook"
    return None


# --- reading one file ------------------------------------------------------------------


@dataclasses.dataclass
class Found:
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


def read_file(kind: str, data: bytes) -> Found:
    """Parse and check one file, as data: every problem comes back as a line, never raised."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Found(problem="is not UTF-8 text")
    parts = data.count(b"{") + data.count(b"[")
    if len(data) + _BYTES_PER_PART * parts > MAX_PARSE_BYTES:
        return Found(problem=f"has too many parts ({parts:,}) to be read safely")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        return Found(problem=f"is not valid JSON (line {exc.lineno}: {exc.msg})")
    except ValueError:  # a number too long to convert, and the like
        return Found(problem="is not valid JSON")
    if kind == "answers":
        student = id_in(doc.get("student_id")) if isinstance(doc, dict) else ""
        try:
            answers = checked(doc)
        except AnswersError as exc:
            return Found(problem=exc.message, student_id=student)
        return Found(student_id=student, assignment_id=id_in(answers.get("assignment_id")),
                      saved_at=str(answers.get("saved_at") or "")[:64], answers=answers)
    problem = notebook_problem(doc)
    if problem:
        return Found(problem=problem)
    metadata = doc.get("metadata", {})
    ids = metadata.get("nextround", {})
    found = Found(student_id=id_in(ids.get("student_id")), assignment_id=id_in(ids.get("assignment_id")),
                   notebook=doc, our_metadata="nextround" in metadata)
    carried = embedded_answers(doc)
    if carried is not None:
        try:
            found.answers = checked(carried)
            found.saved_at = str(found.answers.get("saved_at") or "")[:64]
        except AnswersError as exc:
            found.answers_problem = f"carries answers that are not valid: {exc.message}"
    if found.answers is not None:
        inside = id_in(found.answers.get("student_id")), id_in(found.answers.get("assignment_id"))
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


def rebuilt(nb: Mapping[str, Any], student: str, assignment: str, layout: CourseDirectory,
             modified: datetime) -> str:
    """The student's workbook made afresh from our template, with the parameters `nb` records."""
    rejection, ids = recorded_parameters(nb)
    if (ids["student_id"], ids["assignment_id"]) != (student, assignment):
        raise NextroundError(_("they name another student or assignment than the notebook's metadata"),
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


def rebuilt_from_release(student: str, assignment: str, layout: CourseDirectory, modified: datetime) -> str:
    """The student's workbook made afresh from the one they were given (our own file, under release/)."""
    given = sorted(layout.release(student).glob("*.ipynb"))
    if not given:
        raise NextroundError(_("it lost our metadata and there is no workbook handed out to rebuild it from"),
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


