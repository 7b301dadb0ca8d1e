"""Writing files so a crash never leaves half of one, and nothing is overwritten by mistake.

Every file nextround writes goes through here: a temporary file in the same folder,
finished, then renamed into place (`replace`) or linked into place only if nothing
is there yet (`create`). A reader sees the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from nextround.errors import NextroundError


def writable(path: str | Path) -> Path:
    """`path` as a Path; NextroundError naming it if its folder does not exist.

    Every write checks this itself; call it first only to fail before slow work.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise NextroundError("cannot be written: its folder does not exist", file=path)
    return path


def _temporary(path: Path) -> str:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except (FileNotFoundError, NotADirectoryError):
        # Named after the file the person asked for, not our hidden temporary one.
        writable(path)
        raise
    os.close(fd)
    return tmp


def _fill(tmp: str, data: str | bytes, durable: bool) -> None:
    with open(tmp, "wb") as out:
        out.write(data.encode("utf-8") if isinstance(data, str) else data)
        if durable:
            out.flush()
            os.fsync(out.fileno())


def replace(path: str | Path, data: str | bytes, *, durable: bool = False) -> Path:
    """Write `data` (text is UTF-8) over `path` atomically; `durable` also flushes to disk."""
    return replace_with(path, lambda tmp: _fill(tmp, data, durable), durable=durable)


def replace_with(path: str | Path, write: Callable[[str], object], *, durable: bool = False) -> Path:
    """Like `replace`, for writers that want a file name (pandas, openpyxl)."""
    path = Path(path)
    tmp = _temporary(path)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        _fsync_folder(path.parent)
    return path


def create(path: str | Path, data: str | bytes) -> Path:
    """Write a new file; FileExistsError, leaving it untouched, if `path` already exists."""
    path = Path(path)
    tmp = _temporary(path)
    try:
        _fill(tmp, data, durable=False)
        try:
            os.link(tmp, path)  # atomic, and never replaces a file that is there
        except FileExistsError:
            raise
        except OSError:  # a file system without links: "x" mode still refuses
            with open(path, "xb") as out:
                out.write(Path(tmp).read_bytes())
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on every platform.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
