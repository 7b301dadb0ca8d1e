"""Writing files so a crash never leaves half of one, and nothing is overwritten by mistake.

Every file nextround writes goes through here: a temporary file in the same folder,
finished, then renamed into place (`replace`) or linked into place only if nothing
is there yet (`create`). A reader sees the old file or the new one, never a mix.

The rules every write keeps, on every path:

- Only a regular file is ever replaced. A link, a pipe, a device or a folder at
  the path is refused in one line and left as it is (a rename would silently put a
  plain file where a link or a device was).
- Private by default: a new file can be read and written by its owner only (0600),
  whatever the umask; replacing a file keeps the mode the person gave it (say,
  group-readable for an instructor).
- A file that cannot be written is named as the person gave it, never as our
  hidden temporary file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from nextround.core.i18n import _
from nextround.errors import NextroundError

#: The mode of every new file nextround writes: its owner may read and write it.
PRIVATE = 0o600


def writable(path: str | Path) -> Path:
    """`path` as a Path; NextroundError naming it if its folder does not exist or it is
    not a regular file.

    Every write checks this itself; call it first only to fail before slow work.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise NextroundError(_("cannot be written: its folder does not exist"), file=path)
    _existing_mode(path)
    return path


def _existing_mode(path: Path) -> int | None:
    """The permission bits of the regular file at `path`; None if nothing is there.

    NextroundError, naming it, when something other than a regular file is there.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise NextroundError(_("cannot be written ({reason})").format(reason=exc.strerror), file=path) from None
    if not stat.S_ISREG(info.st_mode):
        raise NextroundError(_("is {kind}, not a regular file, so it was left as it is").format(
            kind=_kind(info.st_mode)), file=path)
    return stat.S_IMODE(info.st_mode)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return _("a link")
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("something else")


def _cannot_write(path: Path, exc: OSError) -> NextroundError:
    """The error for a write that failed: about the person's file, not our temporary one."""
    if not path.parent.is_dir():
        return NextroundError(_("cannot be written: its folder does not exist"), file=path)
    return NextroundError(_("cannot be written ({reason})").format(reason=exc.strerror or exc), file=path)


def _temporary(path: Path) -> str:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    os.close(fd)  # mkstemp made it 0600
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
    mode = _existing_mode(path)
    tmp = _temporary(path)
    try:
        write(tmp)
        if mode is not None and mode != PRIVATE:
            os.chmod(tmp, mode)  # the person's choice for this file outlives our rewrite
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        _fsync_folder(path.parent)
    return path


def create(path: str | Path, data: str | bytes, *, mode: int = PRIVATE) -> Path:
    """Write a new file (`mode`, private by default); FileExistsError, leaving it
    untouched, if `path` already exists."""
    path = Path(path)
    if os.path.lexists(path):
        raise FileExistsError(17, "File exists", str(path))
    tmp = _temporary(path)
    try:
        _fill(tmp, data, durable=False)
        if mode != PRIVATE:
            os.chmod(tmp, mode)
        try:
            os.link(tmp, path)  # atomic, and never replaces a file that is there
        except FileExistsError:
            raise
        except OSError:  # a file system without links (some network drives): O_EXCL still refuses
            _create_by_copy(path, Path(tmp).read_bytes(), mode)
    except FileExistsError:
        raise
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def _create_by_copy(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # exactly `mode`: a umask could only have taken bits away
        with open(fd, "wb", closefd=False) as out:
            out.write(data)
    finally:
        os.close(fd)


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


def read_regular(path: str | Path, limit: int, *, what: str = "") -> bytes:
    """The bytes of the regular file at `path`, if it holds at most `limit` of them.

    `what` the file is, for the message ("is larger than 5 MB, the most an answers
    file may hold").

    Raises NextroundError naming it when it is not a regular file (a pipe is never
    waited on) or is larger than `limit`; OSError when it cannot be opened.
    """
    # Plain os calls, no buffered file object: a journal reads thousands of files, and
    # this costs less than open() and read() did (one fstat, reads of the exact size).
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NextroundError(_("is {kind}, not a regular file").format(kind=_kind(info.st_mode)), file=path)
        too_big = _("is larger than {size}, the most {what} may hold").format(size=_size(limit),
                                                                             what=what or _("a file"))
        if info.st_size > limit:
            raise NextroundError(too_big, file=path)
        data = os.read(fd, info.st_size + 1)
        if len(data) != info.st_size:  # changed since it was measured (or a short read): read on
            while len(data) <= limit and (chunk := os.read(fd, 1 << 16)):
                data += chunk
            if len(data) > limit:
                raise NextroundError(too_big, file=path)
    finally:
        os.close(fd)
    return data


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 and n % (1024 * 1024) == 0 else f"{n:,} bytes"
