"""How far a person got before the "no": a small closed vocabulary, and free text mapped onto it.

`STAGES` are the stages a workbook made from an email is given, in the order a hiring
process runs through them. A stage typed by hand (`--stage`, a spreadsheet cell) stays
as it was written: `stage_of` is there to read free text onto the vocabulary where a
program needs to (the email reader, the home notebook's suggestions), not to rewrite
what a person wrote.
"""

from __future__ import annotations

import re

from nextround.core.i18n import N_, _

__all__ = ["STAGES", "STAGE_LABELS", "stage_label", "stage_of"]

#: The stages, earliest first.
STAGES: tuple[str, ...] = (
    "application", "phone screen", "assessment", "first interview", "second interview", "final interview",
)
#: How each reads in a sentence ("They turned you down after the …").
STAGE_LABELS: dict[str, str] = {
    "application": N_("application"),
    "phone screen": N_("phone screen"),
    "assessment": N_("assessment"),
    "first interview": N_("first interview"),
    "second interview": N_("second interview"),
    "final interview": N_("final interview"),
}

# Free text -> stage, first match wins (so "final interview" is not read as "interview").
_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bfinal|onsite|on-site|last (?:round|stage)|third|3rd|\bloop\b|offer", "final interview"),
    (r"second|2nd|round (?:two|2)|stage (?:two|2)", "second interview"),
    (r"first|1st|initial interview|round (?:one|1)|\binterview", "first interview"),
    (r"assess|test|exercise|challenge|task|take[- ]home|case study|cent(?:re|er)", "assessment"),
    (r"phone|telephone|screen|call\b|recruiter", "phone screen"),
    (r"appl|cv|résumé|resume|sift|shortlist", "application"),
)


def stage_of(text: str) -> str:
    """The stage of STAGES that free text names ("2nd round" -> "second interview"), or ""."""
    lowered = text.strip().lower()
    if lowered in STAGES:
        return lowered
    for pattern, stage in _WORDS:
        if re.search(pattern, lowered):
            return stage
    return ""


def stage_label(stage: str) -> str:
    """A stage as the person reads it: one of `STAGES` in the language in force, anything typed as it was."""
    return _(STAGE_LABELS[stage]) if stage in STAGE_LABELS else stage
