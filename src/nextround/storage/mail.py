"""Emails on disk: one saved email, a folder of them, or an mbox file, read as bytes.

Reads only, and at most MAX_BYTES of any one email (what the reader would refuse
anyway is never read whole into memory). A folder is read in name order: its `.eml`
and `.txt` files (an Outlook `.msg` is named as one that cannot be read); an mbox
file in its own order, each message numbered from 1. One email that cannot be read
is an `Email` with a problem, and the others are read as if it were not there.
"""

from __future__ import annotations

import dataclasses
import mailbox
import sys
from collections.abc import Iterator
from pathlib import Path

from nextround.core.rejection_email.letters import MAX_BYTES
from nextround.errors import NextroundError

__all__ = ["Email", "emails_in", "read_email"]

#: What a folder's emails are saved as.
SUFFIXES = (".eml", ".txt")
_MSG = ".msg"


@dataclasses.dataclass(frozen=True)
class Email:
    """One email of a folder or mbox: its name ("003.eml", "message 3"), its number, and
    its bytes, or the problem that kept it from being read."""

    name: str
    number: int
    data: bytes = b""
    problem: NextroundError | None = None


def read_email(source: str | Path) -> tuple[bytes, str]:
    """The bytes of one email, and the name to give it in messages: a file, or `-` for standard input."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return data, "standard input"
    path = Path(source)
    return _read(path), str(path)


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)  # more than that is refused as too big, without reading it all
    except FileNotFoundError:
        raise NextroundError("no such file", file=path) from None
    except IsADirectoryError:
        raise NextroundError("is a folder, not an email; to read every email in it, use "
                             "`nextround batch --from-emails`", file=path) from None
    except OSError as exc:
        raise NextroundError(f"cannot be read ({exc.strerror})", file=path) from None


def emails_in(source: str | Path) -> Iterator[Email]:
    """Each email in a folder (`.eml`, `.txt`) or an mbox file, in order.

    Raises NextroundError only for the source as a whole: missing, unreadable, or
    holding no email at all.
    """
    path = Path(source)
    if not path.exists():
        raise NextroundError("no such file or folder", file=path)
    if path.is_dir():
        yield from _folder(path)
    else:
        yield from _mbox(path)


def _folder(folder: Path) -> Iterator[Email]:
    try:
        names = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        raise NextroundError(f"cannot be read ({exc.strerror})", file=folder) from None
    found = [p for p in names if p.suffix.lower() in (*SUFFIXES, _MSG) and not p.is_dir()]
    if not found:
        raise NextroundError("has no emails in it (.eml files saved from a mail client, or .txt files of "
                             "pasted text)", file=folder)
    for number, path in enumerate(found, start=1):
        name = str(path)
        if path.suffix.lower() == _MSG:
            problem = NextroundError("is an Outlook .msg file, which cannot be read; save the email as .eml "
                                     "(File > Save As) and try again", file=name)
            yield Email(name, number, problem=problem)
            continue
        try:
            yield Email(name, number, _read(path))
        except NextroundError as exc:
            yield Email(name, number, problem=exc)


def _mbox(path: Path) -> Iterator[Email]:
    try:
        box = mailbox.mbox(path, create=False)
        keys = list(box.iterkeys())
    except (OSError, mailbox.Error) as exc:
        raise NextroundError(f"cannot be read as an mbox file ({exc})", file=path) from None
    if not keys:
        raise NextroundError("is neither a folder of emails nor an mbox file with emails in it", file=path)
    try:
        for number, key in enumerate(keys, start=1):
            name = f"{path}, message {number}"
            try:
                with box.get_file(key) as message:
                    data = message.read(MAX_BYTES + 1)
            except (OSError, mailbox.Error, KeyError) as exc:
                yield Email(name, number, problem=NextroundError(f"cannot be read ({exc})", file=name))
                continue
            yield Email(name, number, data)
    finally:
        box.close()
