"""A letter's text as a person reads it: hard-wrapped lines joined, sentences, labelled lines."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _words_re(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE)


#: "Position: Data Analyst", or a table's row read as text: the label on a line of its own,
#: the value on the next ("Employer" / "University of Castlebridge").
_LABELLED_LINE = re.compile(
    r"^[ \t*]*(?P<label>(?:position|role|job|vacancy|post) applied for|position|role|job|job title|vacancy|post|"
    r"job opening|opening|application for|applied for|"
    r"programme|program|company|employer|organisation|organization|client)[ \t*]*(?::[ \t*]*|\n(?:[ \t]*\n)?"
    r"[ \t*]*)(?P<value>[^\n]{2,100}?)[ \t*]*$",
    re.IGNORECASE | re.MULTILINE)


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for line in _prose_lines(paragraph):
            out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“(])", line) if s.strip())
    return out


def _prose_lines(paragraph: str) -> list[str]:
    """A paragraph's lines, with hard-wrapped prose joined back into one line."""
    out: list[list[str]] = []  # each line's pieces, joined once at the end
    last = ""
    for line in paragraph.split("\n"):
        stripped = line.strip()
        if out and len(last) >= 50 and stripped and last[-1:] not in (".", "!", "?", ":"):
            out[-1].append(stripped)
        elif stripped:
            out.append([stripped])
        last = stripped or last
    return [" ".join(pieces) for pieces in out]


def _prose(text: str) -> str:
    return "\n\n".join("\n".join(_prose_lines(p)) for p in re.split(r"\n\s*\n", text))
