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
  crash at any moment leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from nextround.core import answers
from nextround.errors import AnswersError
from nextround.storage import files

HISTORY_KEPT = 50
LOCK_TIMEOUT_S = 15.0
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
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AnswersError(f"cannot be read ({exc.strerror})", file=self.path) from None
        return parse(text, file=str(self.path))

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

        self._meta_dir.mkdir(exist_ok=True)
        try:
            with FileLock(self._lock_path, timeout=LOCK_TIMEOUT_S):
                doc = self.read()
                if doc is None:
                    if create is None:
                        raise AnswersError("does not exist", file=self.path)
                    doc = create()
                edit(doc)
                doc["saved_at"] = answers.now_iso()
                answers.validate(doc, file=str(self.path))
                self._keep_history()
                self._write(doc)
                self._remove_stale_temporaries()
                return doc
        except Timeout:
            raise AnswersError(
                "is being saved by another window that has not finished; try again",
                file=self.path,
            ) from None

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
        earlier = parse(source.read_text(encoding="utf-8"), file=str(source))

        def replace(doc: dict[str, Any]) -> None:
            doc.clear()
            doc.update(earlier)

        return self.update(replace, create=lambda: {})

    # --- internals --------------------------------------------------------------

    def _write(self, doc: dict[str, Any]) -> None:
        files.replace(self.path, answers.dumps(doc), durable=True)

    def _keep_history(self) -> None:
        if not self.path.exists():
            return
        self.history_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.history_dir / f"{stamp}{ANSWERS_SUFFIX}"
        # A hard link is instant and safe: the live file is replaced by rename,
        # never rewritten in place, so the link keeps the old content.
        try:
            os.link(self.path, target)
        except OSError:
            target.write_bytes(self.path.read_bytes())
        for old in self.history()[:-HISTORY_KEPT]:
            old.unlink(missing_ok=True)

    def _remove_stale_temporaries(self) -> None:
        # Only called under the lock, so no other save is mid-write: any temporary
        # file left is from a save that crashed before its rename.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)


def parse(text: str, *, file: str | None = None) -> dict[str, Any]:
    """Parse, upgrade and validate the text of an answers file."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswersError(
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "it was left as it is",
            file=file,
        ) from None
    return checked(doc, file=file)


def checked(doc: Any, *, file: str | None = None) -> dict[str, Any]:
    """An answers document, upgraded to this version and validated (AnswersError if not)."""
    doc = answers.upgrade(doc, file=file)
    answers.validate(doc, file=file)
    return doc
