"""A subject line's pieces: without its Re:/Fwd: prefixes, split at its separators."""

from __future__ import annotations

import re

import nextround.core.rejection_email._words as words

_DECORATION = re.compile(r"^(?:" + "|".join(words.ROLE_DECORATION) + r")$", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|fwd?|fw|wg|vs|tr|rv)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{0,40}\]\s*)+",
                             re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[-–—|:/]\s+|\s*\|\s*|:\s+|\s+[–—]\s*|\s*[–—]\s+")


def _subject_pieces(subject: str) -> list[str]:
    return [piece for piece, _separator in _subject_parts(subject)]


def _subject_parts(subject: str) -> list[tuple[str, str]]:
    """A subject's pieces between its separators, each with the separator before it; a
    separator inside brackets is the piece's own ("Clinical Specialist (Remote – US)")."""
    subject = _SUBJECT_PREFIX.sub("", subject).strip()
    depth, inside = 0, []
    for char in subject:
        depth = max(0, depth + (char == "(") - (char == ")"))
        inside.append(depth > 0)
    out: list[tuple[str, str]] = []
    start, separator = 0, ""
    for match in _SEPARATORS.finditer(subject):
        if inside[match.start()]:
            continue
        piece = subject[start:match.start()].strip(" !.?")
        if piece:
            out.append((piece, separator))
        start, separator = match.end(), match[0]
    piece = subject[start:].strip(" !.?")
    if piece:
        out.append((piece, separator))
    return out
