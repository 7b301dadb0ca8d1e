"""Text on its way out of nextround: to a terminal, a spreadsheet or a CSV file.

What a person types, pastes or names a file may hold characters that are not text:
the vertical tab Word puts for a line break (a spreadsheet file cannot hold it), a
NUL, an escape sequence that would recolour or clear a terminal, a direction mark
that would show a line back to front, half of a UTF-16 pair that no output can
encode. `clean` takes them out wherever text leaves —
the status and due lines, the tables exported as CSV or Excel, one-line messages —
so what a person reads is what was written, and no output breaks on it.
`spreadsheet_cell` also keeps text from running as a formula when a spreadsheet
opens a CSV file (OWASP's advice against CSV injection).

Files themselves are never cleaned: the answers keep exactly what was typed.
"""

from __future__ import annotations

from typing import Any

# Control characters that stand for a break or a gap: a space on one line, a line
# break in a spreadsheet cell (tab and newline are kept there as they are).
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
# Every other C0 and C1 control, DEL, and the marks that reorder text on screen.
_DROPPED = "".join(
    chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
    if chr(c) not in _BREAKS and chr(c) != "\t"
)
# Half of a UTF-16 pair, alone (JSON's "\ud800", or a file name's undecodable byte):
# no output can encode it, so it shows as the replacement character.
_BROKEN = {chr(c): "\ufffd" for c in range(0xD800, 0xE000)}
_ONE_LINE = str.maketrans({**{c: " " for c in _BREAKS + "\t"}, **{c: None for c in _DROPPED}, **_BROKEN})
_LINES = str.maketrans({**{c: "\n" for c in _BREAKS}, **{c: None for c in _DROPPED}, **_BROKEN})

#: How text that a spreadsheet would run as a formula starts (with the full-width
#: forms, which some spreadsheets fold into the plain ones).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def clean(text: str, *, lines: bool = False) -> str:
    """`text` without control characters: for a terminal line, or (`lines`) a spreadsheet cell.

    On one line, a tab or line break becomes a space; with `lines`, line breaks of
    every kind become "\\n" and tabs stay. Everything else that is not text (NUL,
    escape, direction overrides) is dropped, and a lone half of a UTF-16 pair shows
    as "\ufffd".
    """
    if text.isprintable():  # nearly always: nothing to do
        return text
    if lines:
        return text.replace("\r\n", "\n").translate(_LINES)
    return text.translate(_ONE_LINE)


def spreadsheet_cell(value: Any, *, one_line: bool = False) -> Any:
    """A CSV cell's value: text cleaned (`clean(lines=True)`, or with `one_line` on one
    line, for a name or an id) and kept from running as a formula with a leading
    apostrophe; any other value as it is."""
    if not isinstance(value, str):
        return value
    value = clean(value, lines=not one_line)  # first: a NUL must not hide an "=" behind it
    if one_line:
        value = " ".join(value.split())
    return "'" + value if value.startswith(FORMULA_START) else value
