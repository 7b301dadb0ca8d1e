"""The exchange: a shared folder where students hand work in and get feedback back, as nbgrader's.

On a JupyterHub every student's server runs as its own account, and one folder that
all of them can reach (TLJH: `/srv/nextround/exchange`; Zero to JupyterHub: a shared
volume) carries work between them and the instructor, laid out as nbgrader's
exchange is:

    EXCHANGE/<assignment>/inbound/<user>+<assignment>+<stamp>+<random>/   one hand-in
        <workbook>.ipynb, <workbook>.answers.json, timestamp.txt
    EXCHANGE/<assignment>/feedback/<user>/<assignment>-feedback.html       handed back

The instructor makes `inbound/` and `feedback/` (`nextround class exchange`), owned
by them and their group, mode 3733: any account may make an entry in them, none but
the instructor may list them, none may remove another's entry (the sticky bit), and
what is made inside belongs to the instructor's group (the setgid bit). So a hand-in
folder, made by the student with mode 0750 and files 0640, can be read by its student
and by the instructor's group, and by no other student; a student's feedback folder,
made at their first hand-in with mode 0730, can be written by the instructor's group
and listed and read by its student alone. These modes are made with the umask set
for the moment, never by `chmod`, which would drop the group the folder inherited.

Who handed a folder in is its owner (an account cannot make a folder owned by
another), so `class collect` trusts the owner over the name; when every user runs as
one account (a hub that does not switch users), only the name is left, and the
permissions keep no student from another.

This module is the students' side (hand in, fetch feedback) and the layout both
sides read; `classroom.exchange` is the instructor's. It writes only inside the
exchange and the workbook's own `.nextround/` folder.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import secrets
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from nextround.core.i18n import _
from nextround.errors import NextroundError
from nextround.storage import files

#: The environment variable that names the exchange on a hub (`c.Spawner.environment`).
EXCHANGE_VARIABLE = "NEXTROUND_EXCHANGE"
INBOUND = "inbound"
FEEDBACK = "feedback"
TIMESTAMP_FILE = "timestamp.txt"
#: The shared folders the instructor makes: rwx for them, wx for everyone, sticky and setgid.
SHARED_MODE = 0o3733
HAND_IN_MODE = 0o750  # the student's folder: theirs, and readable by the instructor's group
HAND_IN_FILE_MODE = 0o640
MAILBOX_MODE = 0o730  # the student's feedback folder: the instructor's group may put a file in
#: How a hand-in's folder is named: nbgrader's `<student>+<assignment>+<timestamp>+<random>`.
_STAMP_FORMAT = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"^[^\W_][\w.@'-]{0,127}$")  # a user or assignment: no '+', no '/', no leading dot
MOST_BYTES = 50 * 1024 * 1024  # one file handed in: a notebook with a few plots is well under this


@dataclasses.dataclass(frozen=True)
class HandIn:
    """One hand-in: its folder in the exchange and when it was made."""

    folder: Path
    at: datetime
    feedback_folder: Path | None  # where the instructor will put feedback; None if it could not be made
    note: str = ""  # something the student should know (their feedback folder is another's)


def exchange_from_environment() -> Path | None:
    """The exchange the hub names (`NEXTROUND_EXCHANGE`), or None when there is none."""
    value = os.environ.get(EXCHANGE_VARIABLE, "").strip()
    return Path(value) if value else None


def inbound(root: str | Path, assignment_id: str) -> Path:
    return Path(root) / assignment_id / INBOUND


def feedback_root(root: str | Path, assignment_id: str) -> Path:
    return Path(root) / assignment_id / FEEDBACK


def mailbox(root: str | Path, assignment_id: str, user: str) -> Path:
    """A student's feedback folder: `<assignment>/feedback/<user>/`."""
    return feedback_root(root, assignment_id) / user


def feedback_name(assignment_id: str) -> str:
    """The feedback page's name, in the exchange and beside the student's workbook."""
    return f"{assignment_id}-feedback.html"


def stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime(_STAMP_FORMAT)


def parse_stamp(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, _STAMP_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def folder_name(user: str, assignment_id: str, moment: datetime) -> str:
    return f"{user}+{assignment_id}+{stamp(moment)}+{secrets.token_hex(4)}"


def parse_folder_name(name: str) -> tuple[str, str, datetime | None] | None:
    """(user, assignment, time) from a hand-in folder's name; None if it is not one."""
    parts = name.split("+")
    if len(parts) < 4 or not parts[0] or name.startswith("."):
        return None
    return parts[0], "+".join(parts[1:-2]), parse_stamp(parts[-2])


def check_name(value: str, what: str) -> str:
    """`value` if it can name a folder of the exchange; NextroundError if not."""
    if not _NAME.match(value) or value.endswith("."):
        raise NextroundError(_("cannot be used in the exchange: letters, digits and . _ - @ ' only, "
                               "starting with a letter or digit"), field=what)
    return value


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    """The umask, set for a moment: folders get exactly their mode and keep the group they inherit."""
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def make_folder(path: Path, mode: int) -> None:
    """Make `path` with exactly `mode` (less the setgid bit it may inherit); FileExistsError if there."""
    with _umask(0):
        os.mkdir(path, mode)


def hand_in(root: str | Path, assignment_id: str, user: str, sources: Sequence[Path], *,
            now: datetime | None = None) -> HandIn:
    """Copy `sources` (a workbook and its answers file) into a new hand-in folder of the exchange.

    NextroundError, in words for the student, when the exchange is not set up for
    this assignment or a file cannot be copied; nothing is left half made.
    """
    check_name(user, "user")
    check_name(assignment_id, "assignment_id")
    box = inbound(root, assignment_id)
    if not box.is_dir():
        raise NextroundError(_("The class's hand-in folder isn't set up for this assignment yet. Your work is "
                               "saved; ask your instructor, and hand it in once they say it's ready."), file=box)
    moment = now or datetime.now(timezone.utc)
    folder = box / folder_name(user, assignment_id, moment)
    contents = []
    for source in sources:
        try:
            contents.append((source.name, files.read_regular(source, MOST_BYTES, what=_("a file handed in"))))
        except OSError as exc:
            raise NextroundError(_("could not be read to hand it in ({reason})").format(
                reason=exc.strerror or type(exc).__name__), file=source) from None
    try:
        make_folder(folder, HAND_IN_MODE)
    except OSError as exc:
        raise NextroundError(_("Your work could not be handed in: the hand-in folder refused it ({reason}). "
                               "Your work is saved; ask your instructor.").format(reason=exc.strerror or exc),
                             file=box) from None
    try:
        for name, data in contents:
            files.create(folder / name, data, mode=HAND_IN_FILE_MODE)
        # Written last: a folder without it is a hand-in that did not finish.
        files.create(folder / TIMESTAMP_FILE, moment.astimezone(timezone.utc).isoformat() + "\n",
                     mode=HAND_IN_FILE_MODE)
    except (OSError, NextroundError) as exc:
        _remove(folder)
        if isinstance(exc, NextroundError):
            raise
        raise NextroundError(_("Your work could not be handed in ({reason}). Your work is saved; try again, "
                               "or ask your instructor.").format(reason=exc.strerror or exc), file=folder) from None
    box_for_feedback, note = _ensure_mailbox(root, assignment_id, user)
    return HandIn(folder, moment, box_for_feedback, note)


def _remove(folder: Path) -> None:
    """Take away a hand-in that did not finish (what cannot be removed stays: collect skips it)."""
    try:
        for path in folder.iterdir():
            path.unlink(missing_ok=True)
        folder.rmdir()
    except OSError:
        pass


def _ensure_mailbox(root: str | Path, assignment_id: str, user: str) -> tuple[Path | None, str]:
    """The student's feedback folder, made now if need be; a note if it is not theirs."""
    if not feedback_root(root, assignment_id).is_dir():
        return None, ""
    box = mailbox(root, assignment_id, user)
    try:
        make_folder(box, MAILBOX_MODE)
    except FileExistsError:
        pass
    except OSError:
        return None, ""
    try:
        owner = box.lstat().st_uid
    except OSError:
        return None, ""
    if owner != os.getuid() or not stat.S_ISDIR(box.lstat().st_mode):
        return None, _("Your feedback folder in the exchange was made by another account, so feedback can't "
                       "reach you there: tell your instructor.")
    return box, ""


# --- the student's own record of what they handed in --------------------------------------


def receipt_path(workbook: Path) -> Path:
    """Where a workbook's hand-ins are noted: its `.nextround/` folder, beside its answers' history."""
    return workbook.parent / ".nextround" / "handed-in" / f"{workbook.stem}.json"


def note_hand_in(workbook: Path, done: HandIn) -> None:
    """Note a hand-in beside the workbook, so it says when it was last handed in."""
    path = receipt_path(workbook)
    path.parent.mkdir(parents=True, exist_ok=True)
    found = read_receipts(workbook)
    found.append({"at": done.at.astimezone(timezone.utc).isoformat(), "folder": done.folder.name})
    files.replace(path, json.dumps({"hand_ins": found[-50:]}, indent=2) + "\n")


def read_receipts(workbook: Path) -> list[dict[str, str]]:
    """The hand-ins noted for a workbook, oldest first ([] if none, or unreadable)."""
    try:
        doc = json.loads(receipt_path(workbook).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return []
    found = doc.get("hand_ins") if isinstance(doc, dict) else None
    if not isinstance(found, list):
        return []
    return [r for r in found if isinstance(r, dict) and isinstance(r.get("at"), str)]


def last_handed_in(workbook: Path) -> datetime | None:
    receipts = read_receipts(workbook)
    if not receipts:
        return None
    try:
        return datetime.fromisoformat(receipts[-1]["at"])
    except ValueError:
        return None


def fetch_feedback(root: str | Path, assignment_id: str, user: str, folder: Path) -> Path | None:
    """Copy the feedback handed back to `user`, if any, into `folder`; the copy's path.

    The copy is replaced only when the instructor released a newer page; None when
    there is none yet (or it cannot be read).
    """
    try:
        check_name(user, "user")
        check_name(assignment_id, "assignment_id")
    except NextroundError:
        return None
    page = mailbox(root, assignment_id, user) / feedback_name(assignment_id)
    try:
        data = files.read_regular(page, MOST_BYTES, what=_("a feedback page"))
    except (OSError, NextroundError):
        return None
    target = folder / feedback_name(assignment_id)
    try:
        if target.read_bytes() == data:
            return target
    except OSError:
        pass
    try:
        return files.replace(target, data)
    except NextroundError:
        return None
