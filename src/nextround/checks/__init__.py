"""The text checks: is feedback vague, does a draft read as bitter, is an answer STAR? (domain)

Plain-language judgements of text, with no widgets, files or network. Each check is
a logic module (`feedback`, `tone`, `star` and `questions`) beside a data-only module
of its word lists and rules (`_feedback_words`, `_tone_rules`, `_star_words`), so
the lists can be read, reviewed and extended without touching the logic. The STAR
check also reads a word model shipped as data (`_star_model.json`, read by
`_word_model`; made by tools/train_star_model.py). May import: `nextround.errors`, and
nothing else of ours.

What they say to a person (reasons, questions, why and calmer wordings, verdicts,
suggestions) is written in en-GB and marked with `N_()` for the catalogs: each is
its en-GB text, keeping its template and values (`_patterns.Message`), so a face
shows it in its own locale with `nextround.core.i18n.translated`.
"""

from __future__ import annotations

from nextround.checks._feedback_words import ANCHOR_KINDS, THEMES
from nextround.checks._star_words import PARTS, QUESTION_THEMES
from nextround.checks._tone_rules import TONE_KINDS
from nextround.checks.feedback import FeedbackCheck, check_feedback, judged_feedback
from nextround.checks.questions import question_key, question_theme
from nextround.checks.star import StarCheck, check_answer
from nextround.checks.tone import ToneCheck, ToneFlag, check_tone

#: The languages the checks have rules for: their word lists and rules are English,
#: so they judge English text only (a workbook in another language says so instead).
LANGUAGES: tuple[str, ...] = ("en",)

__all__ = [
    "ANCHOR_KINDS",
    "LANGUAGES",
    "PARTS",
    "QUESTION_THEMES",
    "THEMES",
    "TONE_KINDS",
    "FeedbackCheck",
    "StarCheck",
    "ToneCheck",
    "ToneFlag",
    "check_answer",
    "check_feedback",
    "check_tone",
    "judged_feedback",
    "question_key",
    "question_theme",
]
