"""The instructor's side of a hub's exchange: set it up, collect from it, hand feedback back.

The layout and the students' side are `storage.exchange` (a student's workbook hands
itself in from there, and `notebook` may not import this layer). Here:

- `prepare` makes an assignment's `inbound/` and `feedback/` folders, owned by the
  instructor and their group, mode 3733 (see `storage.exchange` for what each bit is
  for).
- `submissions` lists the hand-ins under `inbound/`, each with who handed it in, as
  `layouts.Claim` says it for an LMS download: the account that owns the folder
  first (no account can make a folder owned by another; The Littlest JupyterHub's
  `jupyter-alice` is the hub's `alice`), then the user its name gives; and when,
  from its time stamp, never earlier than the file system says the files were
  written (a student can write any time into a file, not into a ctime).
  `collect` reads each as one more source, through the same pipeline as an LMS
  download: the same identity check, newest copy, lateness and rebuilding.
- `release` puts each student's feedback page into their own feedback folder, which
  only they can read; it refuses a folder that another student's account made.
"""

from __future__ import annotations

import dataclasses
import grp
import os
import pwd
import stat
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from nextround.classroom.course import CourseDirectory
from nextround.classroom.layouts import Claim, login_key
from nextround.classroom.times import instant
from nextround.classroom.uploads import Problem, shown
from nextround.core.i18n import _
from nextround.errors import NextroundError
from nextround.storage import exchange, files

LMS = "JupyterHub"
#: How much earlier than its files' ctime a hand-in's own time stamp may be: copying takes a moment.
TOLERANCE = timedelta(minutes=2)
HUB_USER = "hub_user"  # the course file's field: the hub account a student handed in from
FEEDBACK_MODE = 0o644  # inside a folder only its student (and the instructor's group) can enter


@dataclasses.dataclass(frozen=True)
class Submission:
    """One hand-in folder, and what the exchange says about it."""

    folder: Path
    user: str  # as its name says
    owner: str  # the account that made it ("" if the system does not know it)
    at: datetime
    claim: Claim


#: What a hub puts before a user's name to make their system account: The Littlest JupyterHub
#: runs `alice`'s server as the account `jupyter-alice` (`SystemdSpawner.username_template`).
ACCOUNT_PREFIXES = ("jupyter-",)


def account(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return ""


def hub_name(system_account: str) -> str:
    """The hub user a system account belongs to: `jupyter-alice` is The Littlest JupyterHub's `alice`."""
    for prefix in ACCOUNT_PREFIXES:
        if system_account.startswith(prefix) and len(system_account) > len(prefix):
            return system_account[len(prefix):]
    return system_account


def _group_id(group: str | None) -> int:
    if not group:
        return os.getgid()
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        raise NextroundError(_("no such group on this system"), field="--group") from None


def prepare(root: str | Path, assignment_id: str, *, group: str | None = None) -> list[str]:
    """Make (or put right) the assignment's inbound and feedback folders; one line per folder.

    The exchange's own folder must exist (an administrator makes it once); the
    assignment's folder is made in it, readable by everyone.
    """
    root = Path(root)
    exchange.check_name(assignment_id, "assignment_id")
    if not root.is_dir():
        raise NextroundError(_("is not a folder: make the exchange first (see docs/hub.md)"), file=root)
    gid = _group_id(group)
    course = root / assignment_id
    lines = []
    if not course.is_dir():
        exchange.make_folder(course, 0o755)
    for path in (exchange.inbound(root, assignment_id), exchange.feedback_root(root, assignment_id)):
        if not path.is_dir():
            exchange.make_folder(path, 0o733)
        info = path.lstat()
        if info.st_uid != os.getuid() and os.getuid() != 0:
            lines.append(_("{path}: belongs to another account; left as it is").format(path=path))
            continue
        if info.st_gid != gid:
            os.chown(path, -1, gid)
        os.chmod(path, exchange.SHARED_MODE)
        mode = stat.S_IMODE(path.lstat().st_mode)
        lines.append(_("{path}: mode {mode:o}, group {group}").format(path=path, mode=mode,
                                                                     group=_group_name(gid)))
    return lines


def _group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


# --- collecting -----------------------------------------------------------------------------


def submissions(root: str | Path, assignment_id: str) -> tuple[list[Submission], list[Problem]]:
    """The hand-ins under the assignment's inbound folder, and the folders there that are not."""
    box = exchange.inbound(root, assignment_id)
    found: list[Submission] = []
    problems: list[Problem] = []
    try:
        entries = sorted(box.iterdir())
    except OSError as exc:
        problems.append(Problem(str(box), _("cannot be read ({reason})").format(reason=exc.strerror or exc)))
        return found, problems
    for entry in entries:
        if entry.name.startswith("."):
            continue
        parsed = exchange.parse_folder_name(entry.name)
        try:
            info = entry.lstat()
        except OSError:
            continue
        if parsed is None or not stat.S_ISDIR(info.st_mode):
            problems.append(Problem(str(entry), _("is not a hand-in folder (user+assignment+time+random)")))
            continue
        user, assignment, named_time = parsed
        if assignment != assignment_id:
            problems.append(Problem(str(entry), _("was handed in for assignment {other!r}, not {this!r}").format(
                other=shown(assignment), this=assignment_id)))
            continue
        stamp = entry / exchange.TIMESTAMP_FILE
        try:
            stated = instant(files.read_regular(stamp, 200, what=_("a time stamp")).decode("utf-8").strip())
        except FileNotFoundError:
            problems.append(Problem(str(entry), _("a hand-in that did not finish (no {name}); skipped").format(
                name=exchange.TIMESTAMP_FILE)))
            continue
        except (OSError, UnicodeDecodeError, NextroundError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
            problems.append(Problem(str(entry), _("cannot be read ({reason})").format(reason=reason)))
            continue
        written = _written(entry)
        at = max(t for t in (stated or named_time, written - TOLERANCE) if t is not None) if written else (
            stated or named_time or datetime.fromtimestamp(info.st_mtime, timezone.utc))
        owner = account(info.st_uid)
        # The owner first, as its system account and as the hub user it belongs to; then the name.
        keys = [("login", login_key(name)) for name in dict.fromkeys((owner, hub_name(owner))) if name and name != user]
        keys.append(("login", login_key(user)))
        claim = Claim(LMS, tuple(keys), submitted_at=at)
        found.append(Submission(entry, user, owner, at, claim))
    return found, problems


def _written(folder: Path) -> datetime | None:
    """When the newest file of a hand-in was written, as the file system keeps it (the ctime)."""
    newest = None
    for path in folder.iterdir():
        try:
            changed = path.lstat().st_ctime
        except OSError:
            continue
        newest = changed if newest is None else max(newest, changed)
    return datetime.fromtimestamp(newest, timezone.utc) if newest is not None else None


# --- handing feedback back --------------------------------------------------------------------


@dataclasses.dataclass
class Release:
    """What `release` handed back, and what it could not."""

    released: list[str] = dataclasses.field(default_factory=list)
    skipped: list[str] = dataclasses.field(default_factory=list)  # one line each

    def lines(self) -> list[str]:
        out = [_("skipped: {problem}").format(problem=line) for line in self.skipped]
        out.append(_("released: {count} feedback pages into the exchange").format(count=len(self.released)))
        return out


def hub_user_of(record: Mapping[str, Any]) -> str:
    """The hub account a student handed in from (else their id: on most hubs the two are one)."""
    value = record.get(HUB_USER)
    return value if isinstance(value, str) and value else str(record.get("student_id", ""))


def release(course: str | Path, root: str | Path, pages: Iterable[tuple[str, Path]]) -> Release:
    """Copy each `(student_id, page)` into that student's feedback folder in the exchange."""
    layout = CourseDirectory(course)
    doc = layout.read()
    assignment_id = doc["assignment_id"]
    records = {str(r.get("student_id")): r for r in doc.get("students", []) if isinstance(r, dict)}
    accounts = {hub_user_of(r): sid for sid, r in records.items()}
    result = Release()
    for student, page in pages:
        user = hub_user_of(records.get(student, {"student_id": student}))
        try:
            exchange.check_name(user, "user")
        except NextroundError:
            result.skipped.append(_("{student}: {user!r} cannot name a folder of the exchange").format(
                student=student, user=shown(user)))
            continue
        box = exchange.mailbox(root, assignment_id, user)
        try:
            info = box.lstat()
        except OSError:
            result.skipped.append(_("{student}: no feedback folder for {user} in the exchange yet (they make it "
                                    "when they first hand in from the hub)").format(student=student, user=user))
            continue
        owner = hub_name(account(info.st_uid))
        if not stat.S_ISDIR(info.st_mode) or accounts.get(owner, student) != student:
            result.skipped.append(_("{student}: their feedback folder was made by {owner}'s account, so nothing "
                                    "was put in it").format(student=student, owner=accounts.get(owner, owner)))
            continue
        target = box / exchange.feedback_name(assignment_id)
        try:
            data = page.read_bytes()
            if target.exists():
                files.replace(target, data)
            else:
                files.create(target, data, mode=FEEDBACK_MODE)
        except (OSError, NextroundError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            result.skipped.append(_("{student}: could not be released ({reason})").format(
                student=student, reason=reason))
            continue
        result.released.append(student)
    return result
