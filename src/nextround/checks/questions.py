"""Which theme an interview question belongs to, and when two questions are the same one.

`question_theme(text)` sorts a question into one of `QUESTION_THEMES` (teamwork,
conflict, failure, leadership…) by its words; the first theme whose words it uses
wins, in the order they are listed, and a question with none is "other".
`question_key(text)` is what two wordings of the same question share ("Tell me about
a time you failed." and "tell me about a time you failed"), so a question bank can
gather them. The words are in `_star_words`.
"""

from __future__ import annotations

from nextround.checks._patterns import lazy, words_of
from nextround.checks._star_words import QUESTION_THEME_PATTERNS, QUESTION_THEMES

_THEME_RES = {key: words_of(patterns) for key, patterns in QUESTION_THEME_PATTERNS.items()}
_NOT_WORD_RE = lazy(r"[^\w£$€%]+")


def question_theme(text: str) -> str:
    """The key of `QUESTION_THEMES` that `text`, an interview question, belongs to."""
    for key in QUESTION_THEMES:
        rx = _THEME_RES.get(key)
        if rx is not None and rx.search(text or ""):
            return key
    return "other"


def question_key(text: str) -> str:
    """`text` in lower case with its punctuation and spacing evened out: "" for no question."""
    return _NOT_WORD_RE.sub(" ", (text or "").lower()).strip()


__all__ = ["QUESTION_THEMES", "question_key", "question_theme"]
