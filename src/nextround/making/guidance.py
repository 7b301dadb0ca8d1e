"""The notebooks' guidance in the person's language: their markdown and their cells' first lines.

The shipped notebooks are written in en-GB. What a person reads of them — every
markdown cell, and the first line of each hidden code cell (the comment JupyterLab
shows as the cell's placeholder) — is translated when a notebook is made, through
the gettext domain `guidance` (`nextround/locales/<id>/LC_MESSAGES/guidance.mo`).

Translators get one message per block of a markdown cell: its text is split on
blank lines, so a heading, a paragraph or a list is one message, markdown and all.
`extract_notebook` is the Babel extraction method that finds them (see
`babel-guidance.cfg` and `make catalogs`); comments on injected cells, which live in
Python, are marked with `cell_comment()` and extracted from the source.

Promised: en-GB notebooks come back unchanged (the same object); in another locale
every cell's structure, metadata and code are kept and only that text changes; a
block with no translation stays as written.
Not promised: translations of notebooks other than the shipped ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import IO, Any

from nextround.core import i18n

DOMAIN = "guidance"

# One or more blank lines: where a markdown cell is cut into blocks.
_BLANK_LINES = re.compile(r"(\n(?:[ \t]*\n)+)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_COMMENT = "# "

_MARKDOWN_NOTE = "Markdown, cell {cell} of {name}: keep the markdown signs (#, *, `, links) as they are."
_COMMENT_NOTE = "A hidden code cell's one-line placeholder, cell {cell} of {name}."


def cell_comment(text: str) -> str:
    """Mark `text`, the first line of a cell added when a notebook is made, for the guidance catalog."""
    return text


def blocks(markdown: str) -> list[str]:
    """A markdown text cut into blocks on blank lines, the blank lines kept between them.

    Even positions are blocks, odd ones the blank lines between; `"".join` gives the
    text back exactly. A fenced code block stays whole, blank lines and all.
    """
    parts = _BLANK_LINES.split(markdown)
    out = [parts[0]]
    for blank, block in zip(parts[1::2], parts[2::2]):
        if len(_FENCE.findall(out[-1])) % 2:  # a fence opened and not yet closed
            out[-1] += blank + block
        else:
            out += [blank, block]
    return out


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _lines(text: str) -> list[str]:
    # As nbformat writes a cell's source: one string per line, each with its newline.
    return text.splitlines(keepends=True)


def first_line_comment(cell: Mapping[str, Any]) -> str | None:
    """The comment on a code cell's first line (without `# `), or None."""
    if cell.get("cell_type") != "code":
        return None
    first = _source(cell).split("\n", 1)[0]
    return first[len(_COMMENT):].strip() if first.startswith(_COMMENT) else None


def texts(nb: Mapping[str, Any]) -> Iterator[tuple[int, str, str]]:
    """What a person reads in a notebook, as (cell number from 1, message, kind).

    Kind is "markdown" for a block of a markdown cell, "comment" for a code cell's
    first-line comment. Empty blocks are skipped.
    """
    for number, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") == "markdown":
            for block in blocks(_source(cell))[::2]:
                if block.strip():
                    yield number, block, "markdown"
        else:
            comment = first_line_comment(cell)
            if comment:
                yield number, comment, "comment"


def extract_notebook(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                     options: Mapping[str, Any]) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method for .ipynb files: every block of guidance, with a note to translators.

    The "line number" Babel records is the cell's number, counted from 1.
    """
    nb = json.loads(fileobj.read().decode("utf-8"))
    name = getattr(fileobj, "name", "the notebook")
    name = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    for number, text, kind in texts(nb):
        note = (_MARKDOWN_NOTE if kind == "markdown" else _COMMENT_NOTE).format(cell=number, name=name)
        yield number, None, text, [note]


def translate(text: str, locale: str | None) -> str:
    """One guidance message in `locale` (itself when there is no translation)."""
    if not locale or locale == i18n.DEFAULT:
        return text
    return i18n.translations(locale, DOMAIN).gettext(text) or text


def _markdown(text: str, locale: str) -> str:
    parts = blocks(text)
    return "".join(translate(part, locale) if i % 2 == 0 and part.strip() else part
                   for i, part in enumerate(parts))


def _code(cell: Mapping[str, Any], locale: str) -> dict[str, Any] | Mapping[str, Any]:
    comment = first_line_comment(cell)
    if not comment:
        return cell
    translated = translate(comment, locale).strip()
    if translated == comment or "\n" in translated:  # a placeholder is one line
        return cell
    source = _source(cell)
    rest = source.split("\n", 1)[1] if "\n" in source else None
    text = _COMMENT + translated + ("\n" + rest if rest is not None else "")
    return {**cell, "source": _lines(text) if isinstance(cell.get("source"), list) else text}


def localise(nb: Mapping[str, Any], locale: str | None) -> Any:
    """`nb` with its guidance in `locale`: `nb` itself for en-GB (or None), else a new notebook.

    The cells are new dicts where their text changes and shared otherwise; nothing in
    `nb` is changed.
    """
    if not locale or locale == i18n.DEFAULT:
        return nb
    cells = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            text = _source(cell)
            translated = _markdown(text, locale)
            if translated != text:
                cell = {**cell, "source": _lines(translated) if isinstance(cell.get("source"), list) else translated}
            cells.append(cell)
        else:
            cells.append(_code(cell, locale))
    return {**nb, "cells": cells}


def locale_of(parameters: Mapping[str, Any]) -> str:
    """The locale a notebook's parameters name (`locale`), en-GB when they name none we speak."""
    value = parameters.get("locale")
    return (i18n.normalise(value) if isinstance(value, str) else None) or i18n.DEFAULT
