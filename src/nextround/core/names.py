"""Slugs: the readable ASCII names of workbook files, contact ids and students' folders, from words in any script."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from nextround.core.i18n import _


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, at most `limit` characters.

    Letters of every script are transliterated (`Яндекс` -> `yandeks`, `Straße` ->
    `strasse`, `腾讯` -> `tengxun`), so a company or role in Cyrillic, Greek or Chinese
    keeps a readable name of its own instead of vanishing from the file name.
    Symbols and emoji are separators, not words.
    """
    from anyascii import anyascii  # small and pure Python; imported when a name is made

    # Letters and digits only: anyascii would spell an emoji out as ":grinning:".
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(kept).lower()).strip("-")
    return slug[:limit].rstrip("-")


# --- student ids and their folders --------------------------------------------------------

#: A student's id, as an LMS gives it: a number, a username or an email address
#: (letters of any script, digits, and . _ - @ + '), starting with a letter or digit
#: (so no id reads as a spreadsheet formula), at most 128 characters.
STUDENT_ID = re.compile(r"^[^\W_][\w.@+'-]{0,127}$")
# An id that is already a safe folder name on every common disk is its own folder.
_PLAIN_FOLDER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")
# Names Windows keeps for devices, whatever follows the dot.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


def student_id_problem(student_id: str) -> str:
    """Why `student_id` cannot be a student's id ("" when it can)."""
    if not student_id:
        return _("is blank")
    if STUDENT_ID.match(student_id):
        return ""
    if len(student_id) > 128:
        return _("is longer than 128 characters")
    return _("{id} is not a usable id (letters, digits and . _ - @ + ' only, starting with a letter or "
             "digit)").format(id=repr(student_id))


def student_folder(student_id: str) -> str:
    """The folder (and file name stem) that keeps a student's files.

    Most ids — numbers, usernames, email addresses — are their own folder. Any
    other (letters beyond ASCII, an apostrophe, a name Windows keeps for a device, a
    very long id) gets a readable ASCII slug and a short hash of the id after a
    `~`, which no id has: `zoë.o'neil` -> `zoe-o-neil~3c8b0e27`. Two ids never share
    a folder, except ids that differ only in capitals on a disk that ignores them
    (the roster refuses those).
    """
    if _PLAIN_FOLDER.match(student_id) and not student_id.endswith(".") \
            and student_id.split(".")[0].lower() not in _RESERVED:
        return student_id
    digest = hashlib.sha256(student_id.encode("utf-8")).hexdigest()[:8]
    return f"{slugify(student_id, 40) or 'student'}~{digest}"
