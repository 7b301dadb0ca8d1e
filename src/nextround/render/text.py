"""Text made safe for where a person reads it: a spreadsheet cell, a line in a terminal.

Every CSV nextround writes passes its text through `defuse_cell`, and every line
that names a file someone else made (a zip member, a student's upload) passes the
name through `printable`. Text that came from outside can hold control characters
(an escape sequence that recolours or rewrites a terminal, a NUL that ends a cell
early) or start like a formula (`=HYPERLINK(...)` runs when a spreadsheet opens
the file: OWASP's "CSV injection").
"""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the Unicode marks that reorder text on the
# screen (bidirectional embeddings, overrides and isolates), which can make one
# thing look like another.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROLS}]")
#: What a spreadsheet reads as the start of a formula (with the full-width forms,
#: which some spreadsheets fold into the plain ones).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def strip_controls(text: str, *, keep_lines: bool = False) -> str:
    """`text` without control characters; with `keep_lines`, tabs and line breaks stay."""
    if keep_lines:
        return _CONTROL.sub(lambda m: m.group() if m.group() in "\t\n" else "", text.replace("\r\n", "\n"))
    return _CONTROL.sub("", text)


def defuse_cell(value: str, *, keep_lines: bool = True) -> str:
    """A text cell as a spreadsheet should read it: without control characters, never a formula.

    Text that starts like a formula gets a leading apostrophe, which spreadsheets
    read as "this is text" and do not show. `keep_lines=False` also folds tabs and
    line breaks into spaces (a name, an id).
    """
    text = strip_controls(value, keep_lines=True)
    if not keep_lines:
        text = " ".join(text.split())
    return f"'{text}" if text.startswith(FORMULA_START) else text


def printable(text: str) -> str:
    """Someone else's text (a file name, an id) for one line of output: controls shown as `?`."""
    return _CONTROL.sub("?", text)
