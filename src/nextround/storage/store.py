"""Where a workbook's answers live on disk, and how they are saved without loss.

`<stem>.answers.json` sits beside its workbook. Every save:

- holds a lock (`.nextround/<stem>.lock`), so two kernels saving the same workbook
  take turns;
- re-reads the file under that lock and applies the edit to what is there, so the
  other kernel's new entries survive;
- refuses to touch a file it cannot read (a corrupt file is the user's data too);
- keeps the previous version in `.nextround/history/<stem>/`, so an unwanted save can
  be undone with `restore`;
- writes a temporary file, flushes it to disk and renames it over the old one, so a
  crash at any moment leaves either the old file or the new one, never half of each;
- refuses, before writing anything, a document larger than `MAX_BYTES`.

An answers file is read only when it is a regular file of at most `MAX_BYTES`: a
larger one (or one that is not UTF-8 JSON, or is nested deeper than JSON can be
read) is named in one line and left as it is, never half-read.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from nextround.core import answers
from nextround.core.i18n import _
from nextround.errors import AnswersError, NextroundError
from nextround.storage import files

HISTORY_KEPT = 50
LOCK_TIMEOUT_S = 15.0
#: The most an answers file may hold: 5 MB. A well-used workbook's file is 5 to 50 KB,
#: so this is a hundred times the fullest one, room for the longest notes anyone
#: writes; and a file this size is still read, checked and saved in a tenth of a
#: second, far inside LOCK_TIMEOUT_S. (A 130 MB file of check-ins took 5 s and
#: 600 MB of memory to list, on every `status`.)
MAX_BYTES = 5 * 1024 * 1024
#: How an answers file's name ends.
ANSWERS_SUFFIX = ".answers.json"


def answers_path_for(workbook: str | Path) -> Path:
    """`x/name.ipynb` -> `x/name.answers.json`."""
    workbook = Path(workbook)
    return workbook.with_name(workbook.stem + ANSWERS_SUFFIX)


class AnswersStore:
    """One workbook's answers file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        stem = self.path.name.removesuffix(ANSWERS_SUFFIX)
        self._meta_dir = self.path.parent / ".nextround"
        self.history_dir = self._meta_dir / "history" / stem
        self._lock_path = self._meta_dir / f"{stem}.lock"

    def __repr__(self) -> str:
        return f"AnswersStore({str(self.path)!r})"

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> dict[str, Any] | None:
        """The document as stored (upgraded and validated), or None if there is none.

        Raises AnswersError, naming the file and the problem, when it cannot be read.
        """
        try:
            data = read_bytes(self.path)
        except FileNotFoundError:
            return None
        return parse(data, file=str(self.path))

    def load(self) -> dict[str, Any] | None:
        """Like `read`, with every default filled in for the forms."""
        doc = self.read()
        return None if doc is None else answers.with_defaults(doc)

    def update(
        self,
        edit: Callable[[dict[str, Any]], Any],
        *,
        create: Callable[[], dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Apply `edit` to the document on disk and save it; return what was saved.

        `create` makes the document when there is no file yet. The edit runs under
        the lock on a fresh read, so it must be a function of that document, not of
        a copy read earlier.
        """
        from filelock import FileLock, Timeout

        lock = FileLock(self._lock_path, timeout=LOCK_TIMEOUT_S)
        try:
            self._meta_dir.mkdir(exist_ok=True)
            lock.acquire()
        except Timeout:
            raise AnswersError(
                _("is being saved by another window that has not finished; try again"),
                file=self.path,
            ) from None
        except OSError as exc:
            raise AnswersError(self._lock_problem(exc), file=self.path) from None
        try:
            doc = self.read()
            if doc is None:
                if create is None:
                    raise AnswersError(_("does not exist"), file=self.path)
                doc = create()
            edit(doc)
            doc["saved_at"] = answers.now_iso()
            answers.validate(doc, file=str(self.path))
            data = answers.dumps(doc).encode("utf-8")
            if len(data) > MAX_BYTES:
                raise AnswersError(
                    _("was not saved: it would be larger than {size} MB, the most an answers file may hold; shorten "
                      "the longest notes").format(size=MAX_BYTES // (1024 * 1024)), file=self.path)
            self._keep_history()
            try:
                files.replace(self.path, data, durable=True)
            except AnswersError:
                raise
            except NextroundError as exc:  # a folder made read-only, a full disk
                raise AnswersError(exc.message, file=self.path) from None
            self._remove_stale_temporaries()
            return doc
        finally:
            lock.release()

    def _lock_problem(self, exc: OSError) -> str:
        # Our own folder beside the answers, made into something else: say what to move.
        if self._meta_dir.exists() and not self._meta_dir.is_dir():
            mine, should = self._meta_dir, _("a folder")
        elif self._lock_path.is_dir():
            mine, should = self._lock_path, _("a file")
        else:
            return _("cannot be saved: its lock file {path} cannot be made ({reason})").format(
                path=self._lock_path, reason=exc.strerror)
        return _("cannot be saved: {path} is nextround's own and should be {kind}; move it away and save again").format(
            path=mine, kind=should)

    def history(self) -> list[Path]:
        """Earlier versions, oldest first."""
        if not self.history_dir.is_dir():
            return []
        return sorted(self.history_dir.glob(f"*{ANSWERS_SUFFIX}"))

    def restore(self, version: str | Path) -> dict[str, Any]:
        """Make an earlier version current again (the current one goes to history)."""
        source = Path(version)
        if not source.is_absolute() and not source.exists():
            source = self.history_dir / source
        try:
            earlier = parse(read_bytes(source), file=str(source))
        except FileNotFoundError:
            raise AnswersError(_("is not a version kept in the history"), file=source) from None

        def replace(doc: dict[str, Any]) -> None:
            doc.clear()
            doc.update(earlier)

        return self.update(replace, create=lambda: {})

    # --- internals --------------------------------------------------------------

    def _keep_history(self) -> None:
        try:
            live = self.path.stat()
        except FileNotFoundError:
            return
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.history_dir / f"{stamp}{ANSWERS_SUFFIX}"
        try:
            self.history_dir.mkdir(parents=True, exist_ok=True)
            # A hard link is instant and safe: the live file is replaced by rename,
            # never rewritten in place, so the link keeps the old content (and mode).
            try:
                os.link(self.path, target)
            except OSError:
                # No links here (some network drives): a copy, as private as the file it keeps.
                files.create(target, self.path.read_bytes(), mode=stat.S_IMODE(live.st_mode))
        except NextroundError as exc:
            raise AnswersError(_("was not saved: its earlier version could not be kept ({reason})").format(
                reason=exc), file=self.path) from None
        except OSError as exc:
            raise AnswersError(_("was not saved: its earlier version could not be kept in {folder} ({reason})").format(
                folder=self.history_dir, reason=exc.strerror), file=self.path) from None
        for old in self.history()[:-HISTORY_KEPT]:
            old.unlink(missing_ok=True)

    def _remove_stale_temporaries(self) -> None:
        # Only called under the lock, so no other save is mid-write: any temporary
        # file left is from a save that crashed before its rename.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of an answers file: AnswersError, naming it, if it is not a regular file
    or is larger than MAX_BYTES; FileNotFoundError if there is none."""
    try:
        return files.read_regular(path, MAX_BYTES, what=_("an answers file"))
    except FileNotFoundError:
        raise
    except NextroundError as exc:
        raise AnswersError(exc.message, file=path) from None
    except OSError as exc:
        raise AnswersError(_("cannot be read ({reason})").format(reason=exc.strerror), file=path) from None


def decode(data: str | bytes, *, file: str | Path | None = None) -> Any:
    """The JSON value in an answers file's text; AnswersError (naming the file, never a
    line of its text) when it is not UTF-8 JSON that can be read."""
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise AnswersError(_("is not UTF-8 text"), file=file) from None
    except json.JSONDecodeError as exc:
        raise AnswersError(_("is not valid JSON (line {line}, column {column}: {reason})").format(
            line=exc.lineno, column=exc.colno, reason=exc.msg), file=file) from None
    except RecursionError:
        raise AnswersError(_("is nested too deeply to be an answers file"), file=file) from None
    except ValueError:  # a number of thousands of digits, which Python refuses to read
        raise AnswersError(_("holds a number too long to read"), file=file) from None


def parse(text: str | bytes, *, file: str | None = None) -> dict[str, Any]:
    """Parse, upgrade and validate the text of an answers file."""
    try:
        doc = decode(text, file=file)
    except AnswersError as exc:
        # In a workbook, this is read before every save: say that nothing was changed.
        raise AnswersError(_("{problem}; it was left as it is").format(problem=exc.message), file=file) from None
    return checked(doc, file=file)


def checked(doc: Any, *, file: str | None = None) -> dict[str, Any]:
    """An answers document, upgraded to this version and validated (AnswersError if not)."""
    doc = answers.upgrade(doc, file=file)
    answers.validate(doc, file=file)
    return doc
