"""The stage: the furthest step the text says the person took, or the step before one they were not invited to."""

from __future__ import annotations

import bisect
import re

import nextround.core.rejection_email._words as words
from nextround.core.rejection_email.feedback import _FEEDBACK
from nextround.core.rejection_email.prose import _prose, _sentences, _words_re
from nextround.core.rejection_email.reading import Reading
from nextround.core.rejection_email.subject import _SUBJECT_PREFIX
from nextround.core.stages import STAGES

_STAGES = {stage: _words_re(patterns) for stage, patterns in words.STAGE_PATTERNS.items()}
_GENERIC_INTERVIEW = re.compile(r"\binterview(?:ed|s)?\b|\bmet with\b|\bmeeting (?:with )?(?:me|us|the team|the "
                                r"panel)|\bto meet (?:me|us|the team|the panel)|\bmeeting you\b|\bpanel\b|\bmet the\b|"
                                r"\bmeeting with \w+|\bpanel interview|\b(?:came|coming|come) in to (?:meet|see|talk)|"
                                r"\bto meet \w+ and (?:me|us|I)\b", re.IGNORECASE)
_NOT_REACHED_CUE = re.compile(r"\b(?:" + "|".join(words.NOT_REACHED) + r")\b|n't\b", re.IGNORECASE)
# "… to the second interview", "… be scheduling the final meeting": a step named as the next one.
_TO_THE = re.compile(r"(?:to|for|into|onto|schedul\w*|arrang\w*|book\w*|offer\w*|invit\w*|set(?:ting)? up)\s+"
                     r"(?:the\s+|a\s+|an\s+|our\s+|your\s+)?(?:next\s+)?$", re.IGNORECASE)
_THANKS = re.compile(r"\b(?:thank|thanks|following|after|for attending|for completing|for taking part)\b",
                     re.IGNORECASE)
_OFFERED_TO_OTHER = re.compile(
    r"offered (?:the|this|our) (?:[\w'’()&/-]+ ){0,6}?(?:post|position|role|job|vacancy|place)\b|"
    r"\boffer(?:ed|ing)?\b[^.\n]{0,80}?\bto (?:another|someone|a different|an? (?:internal|other|stronger)|the "
    r"other|one of the other)|(?:post|position|role|job) (?:has been|was|had been) offered|"
    r"appoint(?:ed)?|successful candidate|made an offer|extend an offer|close decision|"
    r"offer(?:ed)? (?:it )?to (?:another|someone)|"
    r"\b(?:go|gone|going|went|proceed|proceeding|move forward|moving forward) (?:ahead )?with (?:another|"
    r"a different|one other) (?:candidate|applicant|person)\b|\b(?:go|gone|going|went) with someone else",
    re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:future|other (?:roles|openings|opportunities|vacancies|positions)|keep your|on file|"
                     r"in touch|apply again|good luck|best of luck|wish you)\b", re.IGNORECASE)


def stage(reading: Reading) -> str:
    """The step of the process the rejection came after (one of `STAGES`), or ""."""
    # Above the signature: a phone number or "call me" below it is no step of the process.
    found = _stage(_prose(reading.signature.body), reading.subjects())
    if found:
        return found
    # "A stage mentioned only in a quoted earlier message" still answers it.
    for letter in reading.letters[reading.index + 1:]:
        if letter.kind == "quoted":
            found = _stage(_prose(letter.text), [(letter.subject, 1.0)] if letter.subject else [])
            if found:
                return found
    return ""


def _stage(prose: str, subjects: list[tuple[str, float]]) -> str:
    attained: dict[str, bool] = {}  # stage -> said in a thank-you sentence
    not_reached: list[str] = []
    sentences = [(sentence, False) for sentence in _sentences(prose)]
    sentences += [(_SUBJECT_PREFIX.sub("", subject), True) for subject, _weight in subjects]
    for sentence, is_subject in sentences:
        if _FEEDBACK.search(sentence) or _FUTURE.search(sentence):
            continue  # a call offered for feedback, a future role: not where they got to
        thanked = bool(_THANKS.search(sentence))
        for stage, start, _end, generic in _stage_mentions(sentence):
            if stage == "application" and is_subject:
                continue  # "Your application – …" in a subject says nothing of how far it went
            before = sentence[max(0, start - 70):start]
            if _TO_THE.search(before) and _NOT_REACHED_CUE.search(before):
                not_reached.append(stage)
                continue
            stage = "interview" if generic else stage
            attained[stage] = attained.get(stage, False) or thanked
    order = ["application", "phone screen", "assessment", "interview", "first interview", "second interview",
             "final interview"]
    reached = [s for s in order if s in attained and not (s == "application" and len(attained) > 1)]
    if reached:
        top = reached[-1]
        thanked_for = [s for s in order if attained.get(s)]
        if "assessment" in thanked_for and top in ("interview", "first interview") \
                and "assessment" not in not_reached:
            return "assessment"
        if top == "interview":
            return "final interview" if _OFFERED_TO_OTHER.search(prose) else "first interview"
        return top
    if not_reached:
        lowest = min(not_reached, key=STAGES.index)
        step_before = {"second interview": "first interview", "final interview": "first interview",
                  "first interview": "application", "phone screen": "application",
                  "assessment": "application"}
        return step_before.get(lowest, "")
    return ""


def _stage_mentions(sentence: str) -> list[tuple[str, int, int, bool]]:
    """Each stage a sentence names: (stage, start, end, only "interview" in general).

    A general word inside a more particular phrase ("interview" in "telephone
    interview", "application" in "application for the assessment") is the phrase's, not
    a mention of its own.
    """
    found: list[tuple[str, int, int, bool]] = []
    for stage, pattern in _STAGES.items():
        for match in pattern.finditer(sentence):
            generic = stage == "first interview" and bool(_GENERIC_INTERVIEW.fullmatch(match[0]))
            found.append((stage, match.start(), match.end(), generic))
    weak = ("application", "phone screen")
    strong = _Covers([(start, end) for stage, start, end, generic in found if not generic and stage not in weak])
    calls = _Covers([(start, end) for stage, start, end, generic in found if stage == "phone screen"])
    kept = []
    for stage, start, end, generic in found:
        if (generic or stage in weak) and strong.covers(start, end):
            continue
        if generic and calls.covers(start, end):
            continue
        kept.append((stage, start, end, generic))
    return kept


class _Covers:
    """Whether any of some spans covers a given one: sorted once, each question a binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [start for start, _end in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = -1
        for _start, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end
