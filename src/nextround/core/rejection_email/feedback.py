"""Whether feedback is offered: a sentence that offers it, and none that refuses it."""

from __future__ import annotations

import re

import nextround.core.rejection_email._words as words
from nextround.core.rejection_email.prose import _sentences, _words_re

_FEEDBACK = _words_re(words.FEEDBACK_WORDS)
_FEEDBACK_REFUSED = _words_re(words.FEEDBACK_REFUSED)
_FEEDBACK_OFFERED = _words_re(words.FEEDBACK_OFFERED)
_GIVEN_FEEDBACK = re.compile(r"\b(?:felt|thought|found|noted|said) (?:that )?your (?:\w+ ){0,3}(?:answers?|responses?|"
                             r"presentation|examples?|experience|skills?|knowledge|approach|solution|code|design)",
                             re.IGNORECASE)


def feedback_offered(prose: str) -> bool:
    """Whether the letter's prose offers feedback (and does not refuse it)."""
    offered = refused = False
    for sentence in _sentences(prose):
        if _GIVEN_FEEDBACK.search(sentence):
            offered = True
        if not _FEEDBACK.search(sentence):
            continue
        if _FEEDBACK_REFUSED.search(sentence):
            refused = True
        elif _FEEDBACK_OFFERED.search(sentence) or re.fullmatch(r"\s*(?:request|get|view) (?:your )?feedback\s*",
                                                               sentence, re.IGNORECASE):
            offered = True
    return offered and not (refused and not _GIVEN_FEEDBACK.search(prose))
