"""What a student shares with their instructor, and the shared part of their answers.

In a class workbook each part of the answers has a "share with my instructor"
choice (defaults in `answers.SHARING_DEFAULTS`: progress and rubric scores shared,
feelings and free text private). Anything built for an instructor starts from
`shared_part`, so a private answer cannot reach it by accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nextround.core.answers import SHARING_DEFAULTS, with_defaults
from nextround.core.progress import step_states

# The choices that each release the answers section of the same name.
_SECTIONS = ("checkins", "feedback", "reply", "cv_on_file", "contacts", "company")


def choices(doc: Mapping[str, Any]) -> dict[str, bool]:
    """The student's sharing choices, defaults filled in."""
    return {**SHARING_DEFAULTS, **(doc.get("sharing") or {})}


def shared_part(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Only what the student chose to share (plus the ids that identify the workbook)."""
    full = with_defaults(doc)
    share = full["sharing"]  # with_defaults filled in every choice not made
    out: dict[str, Any] = {
        key: full[key] for key in ("format", "version", "workbook_id", "student_id", "assignment_id") if key in full
    }
    out["sharing"] = share
    if share["progress"]:
        out["progress"] = step_states(full)
    review: dict[str, Any] = {}
    if share["rubric_scores"]:
        review["scores"] = dict(full["self_review"]["scores"])
    if share["self_review_notes"]:
        review["notes"] = dict(full["self_review"]["notes"])
        review["questions"] = list(full["self_review"]["questions"])
    if review:
        out["self_review"] = review
    for section in _SECTIONS:
        if share[section]:
            out[section] = full[section]
    return out
