"""Who an LMS says handed a file in: the download layouts of Canvas, Moodle, Blackboard, Brightspace, GitHub.

Each LMS packs a class's submissions its own way, and names in each file's path (or
its folder's) who uploaded it. `claim_of` reads that from a path — never from the
file — and `StudentIndex` finds the roster student it names. Collecting compares
that with the ids inside the file: a file the LMS says one student handed in that
carries another's ids is held for review, never filed under either.

The layouts (docs/lms.md says where each comes from):

- Canvas: flat, `<sortable name>[_LATE]_<user id>_<attachment id>_<file>`; with
  anonymous grading the id is `anon_<id>` and there is no name. `LATE` is Canvas's
  own judgement, extensions included, so its absence means on time.
- Moodle: `<Full name>_<participant id>_assignsubmission_file[_]/<file>` (folders) or
  `..._assignsubmission_file_<file>` (flat); blind marking writes `Participant`
  for the name.
- Blackboard: `<Assignment>_<username>_attempt_<YYYY-MM-DD-HH-MM-SS>_<file>`, with a
  `.txt` receipt per attempt (the LMS's, not the student's).
- Brightspace: `<id>-<id> - First Last - <Mon D, YYYY HMM AM> - <file>`, or the same
  name on a folder; an `index.html` lists the download.
- GitHub Classroom: `<assignment>-submissions/<assignment>-<username>/...`, as its
  command-line tool clones them.
- A JupyterHub's exchange (nbgrader's layout): `<user>+<assignment>+<time>+<random>/<file>`;
  collected in place, `classroom.exchange` puts the folder's owning account first.

Anything else (a plain folder, a Google Drive zip) names nobody: its files are known
by the ids inside them alone. Where the LMS's word comes from a student's own upload
(a zip inside the download), the outermost name wins: a student cannot claim to be
someone else by naming a folder.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from nextround.classroom.times import blackboard_time, brightspace_time
from nextround.storage.exchange import parse_folder_name

_CANVAS = re.compile(
    # The name is Canvas's sortable name with every non-word character removed (letters
    # with their accents, and marks, stay): anything but a space, matched as little as will do.
    r"^(?:(?!LATE_)(?P<name>\S+?)_)?(?P<late>LATE_)?(?P<id>anon_[A-Za-z0-9]+|\d+)_"
    r"(?:(?P<attachment>\d+)_(?P<file>.+)|(?P<online>text|link)\.html)$")
_MOODLE = re.compile(r"^(?P<name>[^_/]+)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z]+)(?:_(?P<file>.*))?$")
_BLACKBOARD = re.compile(
    r"^(?P<prefix>.+)_attempt_(?P<stamp>\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})(?:_(?P<file>.+)|(?P<receipt>\.txt))?$")
_BRIGHTSPACE = re.compile(
    r"^(?P<ids>\d+-\d+) - (?P<name>.+?) ?- (?P<date>[A-Z][a-z]{2,8} \d{1,2}, \d{4} \d{3,4} [AaPp][Mm])"
    r"(?: - (?P<file>.+))?$")
_SUBMISSIONS = "-submissions"
_BLIND = "participant"  # Moodle's name for everyone under blind marking


@dataclasses.dataclass(frozen=True)
class Claim:
    """Who the LMS says uploaded a file, as its download names them."""

    lms: str  # "Canvas", "Moodle", "Blackboard", "Brightspace", "GitHub Classroom"
    keys: tuple[tuple[str, str], ...]  # (kind, value), the surest first: ("canvas", "1003"), ("name", ...)
    anonymous: bool = False  # anonymous grading or blind marking: no name to go by
    late: bool | None = None  # the LMS's own mark, where it gives one
    submitted_at: datetime | None = None  # the LMS's time, where it gives one
    receipt: bool = False  # the LMS's own file (a Blackboard receipt), not a hand-in
    online: bool = False  # text typed (or a link given) into the LMS, not a file uploaded


def claim_of(parts: Sequence[str]) -> Claim | None:
    """What the LMS says of the file at `parts` (folders first, its own name last), if anything."""
    for n, part in enumerate(parts):
        found = _claim_of_part(part, last=n == len(parts) - 1) or _github(parts, n)
        if found is not None:
            return found
    return None


def _claim_of_part(part: str, last: bool) -> Claim | None:
    """Moodle and Brightspace name a folder or a file; Canvas and Blackboard, files only; a hub's
    exchange, folders only."""
    part = unicodedata.normalize("NFC", part)
    if "+" in part and not last:
        hub = parse_folder_name(part)
        if hub is not None and hub[2] is not None:
            return Claim("JupyterHub", (("login", login_key(hub[0])),), submitted_at=hub[2])
    if "_assignsubmission_" in part:
        moodle = _MOODLE.match(part)
        if moodle:
            name, blind = moodle["name"], moodle["name"].strip().casefold() == _BLIND
            keys = [("moodle", moodle["id"])] + ([] if blind else [("name", name_key(name))])
            return Claim("Moodle", tuple(keys), anonymous=blind, online=moodle["plugin"] != "file")
    if "_attempt_" in part and last:
        blackboard = _BLACKBOARD.match(part)
        if blackboard:
            # A username may hold underscores, and so may the assignment's name before
            # it: every ending is a candidate, the shortest (the usual) first.
            pieces = blackboard["prefix"].split("_")
            logins = ["_".join(pieces[n:]) for n in range(len(pieces) - 1, 0, -1)]
            return Claim("Blackboard", tuple(("login", login_key(u)) for u in logins),
                         submitted_at=blackboard_time(blackboard["stamp"]), receipt=bool(blackboard["receipt"]))
    if " - " in part:
        brightspace = _BRIGHTSPACE.match(part)
        if brightspace:
            return Claim("Brightspace", (("name", name_key(brightspace["name"])),),
                         submitted_at=brightspace_time(brightspace["date"]))
    canvas = _CANVAS.match(part) if last else None
    if canvas:
        anonymous = canvas["id"].startswith("anon_")
        keys = [] if anonymous else [("canvas", canvas["id"])]
        if canvas["name"]:
            keys.append(("name", name_key(canvas["name"])))
        return Claim("Canvas", tuple(keys), anonymous=anonymous, late=bool(canvas["late"]),
                     online=bool(canvas["online"]))
    return None


def _github(parts: Sequence[str], n: int) -> Claim | None:
    """`<assignment>-submissions/<assignment>-<username>`: the folders GitHub Classroom's clone makes."""
    if n == 0 or not parts[n - 1].endswith(_SUBMISSIONS) or n == len(parts) - 1:
        return None
    prefix = parts[n - 1][: -len(_SUBMISSIONS)] + "-"
    if not parts[n].startswith(prefix) or len(parts[n]) == len(prefix):
        return None
    return Claim("GitHub Classroom", (("login", login_key(parts[n][len(prefix):])),))


# --- the roster's side -----------------------------------------------------------------

# Fields of a course file's student record (or of an `lms` object inside it) that
# name the student in an LMS, by the kind of key they hold. Matched case-blind, with
# spaces and dashes read as underscores.
_FIELDS = {
    "canvas": ("canvas_id", "canvas_user_id", "lms_user_id", "lms_id"),
    "moodle": ("moodle_id", "participant", "participant_id", "identifier", "moodle_identifier"),
    "login": ("student_id", "email", "email_address", "sis_login_id", "sis_user_id", "login", "login_id",
              "username", "user_name", "github", "github_username"),
    "name": ("name", "full_name", "sortable_name", "student"),
}
_KIND_OF = {field: kind for kind, fields in _FIELDS.items() for field in fields}


def name_key(name: str) -> str:
    """A name as LMS downloads spell it: case-blind, letters and digits only ("Dubois, Chloé" -> "duboischloé")."""
    return "".join(ch for ch in unicodedata.normalize("NFC", name).casefold() if ch.isalnum())


def login_key(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip().casefold()


def _name_keys(name: str) -> set[str]:
    """A roster name in the orders downloads use: "Chloé Dubois" is also "Dubois, Chloé" (Canvas's sortable name)."""
    words = [w for w in re.split(r"[\s,]+", unicodedata.normalize("NFC", name)) if w]
    if "," in name:  # "Last, First": the given order is the sortable one
        words = [*words[1:], words[0]] if words else words
    orders = {tuple(words), tuple(words[-1:] + words[:-1])}
    return {name_key("".join(order)) for order in orders} - {""}


def _values(record: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """Every (kind, value) a student record names them by."""
    nested = record.get("lms")
    for source in (record, nested if isinstance(nested, Mapping) else {}):
        for field, value in source.items():
            kind = _KIND_OF.get(re.sub(r"[\s-]+", "_", str(field).strip().casefold()))
            if kind is None or not isinstance(value, str | int) or isinstance(value, bool) or value == "":
                continue
            yield kind, str(value)


def student_keys(record: Mapping[str, Any]) -> set[tuple[str, str]]:
    """The keys an LMS download could name this student by."""
    keys: set[tuple[str, str]] = set()
    for kind, value in _values(record):
        if kind == "name":
            keys.update(("name", key) for key in _name_keys(value))
        elif kind == "moodle":
            digits = re.sub(r"\D", "", value)  # "Participant 1234" in Moodle's grading worksheet
            if digits:
                keys.add(("moodle", str(int(digits))))
        elif kind == "canvas":
            keys.add(("canvas", value.strip()))
        else:
            keys.add(("login", login_key(value)))
            if "@" in value:  # an email: its user part is often the LMS's username
                keys.add(("login", login_key(value.partition("@")[0])))
    return keys


class StudentIndex:
    """The roster, looked up by whatever an LMS's download calls a student."""

    def __init__(self, students: Iterable[Mapping[str, Any]]) -> None:
        self._by_key: dict[tuple[str, str], set[str]] = {}
        for record in students:
            student = record.get("student_id")
            if isinstance(student, str) and student:
                for key in student_keys(record):
                    self._by_key.setdefault(key, set()).add(student)

    def resolve(self, claim: Claim | None) -> str:
        """The roster student the claim names; "" if none, or if its keys fit more than one."""
        if claim is None:
            return ""
        for kind, value in claim.keys:
            if kind == "moodle":
                value = str(int(value))
            found = self._by_key.get((kind, value), set())
            if len(found) == 1:
                return next(iter(found))
        return ""

    def key_naming(self, claim: Claim | None, student: str) -> str:
        """The value of the claim's first key that names `student` alone ("" if none): a hub's account name."""
        for kind, value in claim.keys if claim is not None else ():
            if kind == "moodle":
                value = str(int(value))
            if self._by_key.get((kind, value)) == {student}:
                return value
        return ""
