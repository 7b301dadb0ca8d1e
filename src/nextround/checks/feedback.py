"""Is a piece of employer feedback specific enough to learn from, or vague?

`check_feedback(text)` weighs generic rejection phrasing ("another candidate",
"better fit") against concrete anchors (a round, a question, a named tool, an
example, a number about *your* performance, a piece of work, what good would have
looked like), names the themes it touches, and drafts polite follow-up questions.
The words it looks for are in `_feedback_words`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from nextround.checks._feedback_words import (
    ANCHOR_KINDS,
    ANCHOR_PATTERNS,
    COMMON_ABBREVIATIONS,
    DOMAIN_TERMS,
    GENERIC_NOUNS,
    GENERIC_PHRASES,
    NOT_NAMES,
    NUMBER_PATTERNS,
    NUMBER_WORD,
    PHRASE_END,
    PROCESS_NOUNS,
    REQUIREMENT_TERMS,
    TECH_TERMS,
    THEME_PATTERNS,
    THEMES,
)
from nextround.checks._patterns import N_, Listing, any_of, lazy

# ---------------------------------------------------------------------------
# Feedback check
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FeedbackCheck:
    """How useful a piece of employer feedback is to learn from.

    `vague` is the verdict; `score` runs from 0 (nothing concrete) to 1 (several
    concrete anchors); `reasons` explain the verdict in plain words; `themes` are keys
    of `THEMES`; `follow_up_questions` are 2-4 polite questions to send back. Reasons
    and questions are en-GB messages a face translates (`i18n.translated`).
    """

    vague: bool
    score: float
    reasons: list[str]
    follow_up_questions: list[str]
    themes: list[str]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy, with a human label for each theme."""
        return {
            "vague": self.vague,
            "score": self.score,
            "reasons": list(self.reasons),
            "follow_up_questions": list(self.follow_up_questions),
            "themes": list(self.themes),
            "theme_labels": [THEMES[t] for t in self.themes],
        }


# How much the concrete anchors must add up to for feedback to count as specific.
# Each kind of anchor scores about 1, so it takes two different kinds ("your SQL
# answer" + "in round 2"): one on its own ("your technical test wasn't strong enough")
# names *where* but not *what*. Generic phrases pull the total down, because "another
# candidate had more experience with Python" is boilerplate around a single word.
SPECIFIC_THRESHOLD = 1.5
_ANCHOR_WEIGHTS: dict[str, float] = {
    "stage": 1.0,
    "question": 1.0,
    "named_skill": 1.0,
    "example": 1.0,
    "number": 1.0,
    "artefact": 0.75,
    "what_good_looks_like": 1.0,
}
_GENERIC_WEIGHT = 0.5


_THEME_RES = {key: any_of(pats) for key, pats in THEME_PATTERNS.items()}
_GENERIC_RE = any_of(GENERIC_PHRASES)
_ANCHOR_RES = {key: any_of(pats) for key, pats in ANCHOR_PATTERNS.items()}
_ANCHOR_RES["named_skill"] = any_of(TECH_TERMS + DOMAIN_TERMS + REQUIREMENT_TERMS)
_ANCHOR_RES["number"] = any_of(NUMBER_PATTERNS)
_ACRONYM_RE = lazy(r"\b[A-Z][A-Z0-9&]{1,5}s?\b")
# A capitalised word that does not start a sentence: a name of a tool, a place, a
# language, a product or a body ("Excel", "Leeds", "German", "the Care Act").
_NAME_RE = lazy(r"(?<![.!?:;]\s)(?<![.!?:;]\s[\"'‘“(])(?<=[\s(\"'‘“])"
                 r"([A-Z][a-z][\w'’-]*(?:\s[A-Z][a-z][\w'’-]*)*)(?![\w'’])")
# After a name, a verb of speech means it is a person on the panel ("Sam asked"), who
# is already covered by the question or example the sentence goes on to give.
_PERSON_VERB_RE = lazy(r"\s(?:asked|said|felt|mentioned|thought|noted|liked|wanted|and)\b")
# "your <up to four words>": the noun phrase the feedback points at.
_YOUR_PHRASE_RE = lazy(r"\byour((?:\s+[\w'’-]+){1,4})", re.IGNORECASE)
# A number and up to four words after it ("600 words", "three of the eight cases").
_COUNT_RE = lazy(r"(?<![\w£$€.,])(" + NUMBER_WORD + r")(?:-|\s)((?:[\w'’-]+\s?){1,4})",
                  re.IGNORECASE)


def _names(text: str) -> list[str]:
    """Capitalised words in mid-sentence, run together: "Excel", "Leeds", "Care Act"."""
    return [
        m.group(1) for m in _NAME_RE.finditer(text)
        if m.group(1).split()[0] not in NOT_NAMES and not _PERSON_VERB_RE.match(text, m.end())
    ]


def _your_things(text: str) -> list[str]:
    """"your cover letter", "your risk assessment": things the candidate made or did.

    The head of the phrase (its last noun before a verb or little word) decides: a
    generic quality ("your experience", "your communication skills") does not count.
    """
    out = []
    for m in _YOUR_PHRASE_RE.finditer(text):
        words = []
        for word in m.group(1).split():
            if word.lower() in PHRASE_END or word.lower().endswith("ly"):
                break
            words.append(word)
        if words and words[-1].lower().strip("'’") not in GENERIC_NOUNS:
            out.append("your " + " ".join(words))
    return out


def _measurements(text: str) -> list[str]:
    """Numbers that measure the candidate's work: "600 words", "20 minutes late".

    The first noun after the number decides: a noun that counts the process
    ("6 finalists", "3 rounds", "12 months") does not count, unless it is followed by
    what the time was *of* or *late* by ("two years of Kubernetes", "20 minutes late").
    """
    out = []
    for m in _COUNT_RE.finditer(text):
        words = [w.lower() for w in m.group(2).split()]
        while words and words[0] in {"of", "out", "the", "our", "your", "more", "or", "to"}:
            words.pop(0)
            while words and re.fullmatch(NUMBER_WORD, words[0], re.IGNORECASE):
                words.pop(0)
        if not words:
            continue
        noun, after = words[0], words[1:2]
        # "a 10-minute brief", "a 30-day period": a number joined to its unit is a limit.
        if noun in PROCESS_NOUNS and not m.group(0)[len(m.group(1))] == "-":
            if not (after and (after[0] in {"late", "early", "behind"} or after[0] == "of"
                                and len(words) > 2 and words[2] not in GENERIC_NOUNS)):
                continue
        if noun in PHRASE_END or noun in GENERIC_NOUNS:
            continue
        out.append(m.group(0).strip())
    return out


def _find_anchors(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    # Stages do not overlap and come in order, so the only one that can hold a match is
    # the last to start at or before it.
    stage_starts, stage_ends = [], []
    for m in _ANCHOR_RES["stage"].finditer(text):
        stage_starts.append(m.start())
        stage_ends.append(m.end())

    def in_a_stage(start: int, end: int) -> bool:
        i = bisect.bisect_right(stage_starts, start) - 1
        return i >= 0 and end <= stage_ends[i]

    for kind, rx in _ANCHOR_RES.items():
        matches = list(rx.finditer(text))
        if kind == "artefact":
            # "the group exercise" is one stage, not a stage plus a piece of work.
            matches = [m for m in matches if not in_a_stage(m.start(), m.end())]
        hits = [m.group(0).strip() for m in matches]
        if kind == "named_skill":
            hits += [m.group(0) for m in _ACRONYM_RE.finditer(text)
                     if m.group(0).rstrip("s") not in COMMON_ABBREVIATIONS]
            hits += _names(text)
        elif kind == "artefact":
            hits += _your_things(text)
        elif kind == "number":
            hits += _measurements(text)
        if hits:
            found[kind] = list(dict.fromkeys(hits))
    return found


def _find_themes(text: str) -> dict[str, list[str]]:
    themes: dict[str, list[str]] = {}
    for key, rx in _THEME_RES.items():
        hits = [m.group(0) for m in rx.finditer(text)]
        if hits:
            themes[key] = list(dict.fromkeys(hits))
    return themes


def _quote(items: Sequence[str], limit: int = 3) -> Listing:
    return Listing(", ", [N_("“{phrase}”").format(phrase=i) for i in items[:limit]])


# Follow-up question templates per theme. `{what}` is the word the feedback used, so
# the question reads as a reply to *this* feedback. Written in UK English, and marked
# for the catalogs: the faces show them (and put them in the follow-up draft) in the
# workbook's language.
# One question each, never two joined by "and", and never about whoever got the job:
# careers guidance asks how to improve, and many employers won't compare candidates.
_THEME_QUESTIONS: dict[str, str] = {
    "experience": N_("You mentioned {what}: which experience would have made the difference for this role?"),
    "technical_skills": N_("You mentioned {what}: which part of the technical assessment fell short?"),
    "communication": N_("You mentioned {what}: is there a moment in the interview where I could have been clearer?"),
    "culture_fit": N_("You mentioned {what}: was there a particular answer that gave the team that impression?"),
    "preparation": N_("You mentioned {what}: which part of my preparation felt thin?"),
    "competition": N_("What one thing could I work on to be a stronger candidate next time?"),
    "logistics": N_("You mentioned {what}: was the decision mainly about practical arrangements?"),
    "salary": N_("You mentioned {what}: was salary or budget the deciding factor?"),
}
_QUESTION_NO_STAGE = N_("At which stage of the process, or in which answer, did this come through most clearly?")
_QUESTION_NO_GOOD = N_("What would a strong answer have looked like, so I know what to aim for?")
_QUESTION_ONE_THING = N_(
    "If I could work on just one thing before applying for a similar role, what would you suggest?"
)
_QUESTION_RESOURCE = N_("Is there a resource or example you'd recommend to help me improve on this?")
_QUESTION_AGAIN = N_("Would you be open to me applying again once I've worked on this?")
_EMPTY_QUESTIONS = [
    N_("What made the difference in your decision?"),
    N_("Was there a particular answer that fell short?"),
    _QUESTION_ONE_THING,
]


def _follow_ups(
    themes: dict[str, list[str]], anchors: dict[str, list[str]], vague: bool
) -> list[str]:
    questions: list[str] = []
    # Questions about the themes the feedback raised come first (at most two), because
    # they read as a reply to what was actually said; then questions about what it
    # left out.
    for key in THEMES:
        if key not in themes or len(questions) >= 2:
            continue
        # Quote the word as the employer wrote it; lower-case it unless it's a name
        # or an abbreviation ("SQL", "Excel").
        what = themes[key][0].strip()
        if not (what.isupper() or what[:1].isupper() and key == "technical_skills"):
            what = what.lower()
        questions.append(_THEME_QUESTIONS[key].format(what=N_("“{phrase}”").format(phrase=what)))
    if vague:
        if not (anchors.keys() & {"stage", "question", "example"}):
            questions.append(_QUESTION_NO_STAGE)
        if "what_good_looks_like" not in anchors:
            questions.append(_QUESTION_NO_GOOD)
        questions.append(_QUESTION_ONE_THING)
    else:
        if "what_good_looks_like" not in anchors:
            questions.append(_QUESTION_NO_GOOD)
        questions += [_QUESTION_RESOURCE, _QUESTION_AGAIN]
    return list(dict.fromkeys(questions))[:4]


def _specificity(anchors: dict[str, list[str]], generic: list[str], names: set[str]) -> float:
    """The scoring rule: concrete anchors add, generic phrases take away.

    Each kind of anchor counts once, with a little extra for more evidence of the same
    kind (two named tools are more concrete than one, but not twice as concrete). A
    named skill made only of capitalised names ("Northgate Council", "the Graduate
    Programme") counts half, because the name is often the employer's own.
    """
    points = sum(
        _ANCHOR_WEIGHTS[kind] * (0.5 if kind == "named_skill" and names.issuperset(hits) else 1)
        + 0.25 * min(len(hits) - 1, 1)
        for kind, hits in anchors.items()
    )
    return points - _GENERIC_WEIGHT * len(generic)


def check_feedback(text: str) -> FeedbackCheck:
    """Judge whether employer feedback is specific enough to learn from.

    Concrete anchors (a round, a question, a named skill or tool, an example, a number
    about the candidate's own work, a piece of work, what good would have looked like)
    add to the score; generic rejection phrases ("another candidate", "better fit")
    take away from it. Feedback is vague when the anchors don't add up to
    `SPECIFIC_THRESHOLD`. The reasons name the phrases and anchors found.
    """
    if not text or not text.strip():
        return FeedbackCheck(
            vague=True,
            score=0.0,
            reasons=[N_("There is no feedback text yet, so there is nothing specific to learn from.")],
            follow_up_questions=list(_EMPTY_QUESTIONS),
            themes=[],
        )
    anchors = _find_anchors(text)
    generic = list(dict.fromkeys(m.group(0) for m in _GENERIC_RE.finditer(text)))
    themes = _find_themes(text)
    net = _specificity(anchors, generic, set(_names(text)))
    vague = net < SPECIFIC_THRESHOLD
    # A smooth 0-1 score for display: 0 with no anchors, 0.5 at the threshold.
    score = round(max(0.0, net) / (max(0.0, net) + SPECIFIC_THRESHOLD), 2)

    reasons: list[str] = []
    if generic:
        reasons.append(N_("Generic rejection phrasing: {phrases}.").format(phrases=_quote(generic)))
    for kind, hits in anchors.items():
        reasons.append(N_("Names {what}: {phrases}.").format(what=ANCHOR_KINDS[kind], phrases=_quote(hits)))
    missing = [ANCHOR_KINDS[k] for k in ANCHOR_KINDS if k not in anchors]
    if vague:
        key_missing = [
            ANCHOR_KINDS[k]
            for k in ("question", "example", "what_good_looks_like", "stage")
            if k not in anchors
        ] or missing
        if key_missing:
            reasons.append(N_("Missing: {what}.").format(what=Listing("; ", key_missing)))
        else:
            reasons.append(N_("Missing: enough detail to outweigh the generic phrasing."))
        if not anchors:
            reasons.insert(
                0,
                N_("Nothing concrete to act on: no round, question, tool, example or piece "
                   "of work is named."),
            )
    return FeedbackCheck(
        vague=vague,
        score=score,
        reasons=reasons,
        follow_up_questions=_follow_ups(themes, anchors, vague),
        themes=[key for key in THEMES if key in themes],
    )



def judged_feedback(text: str) -> dict[str, Any]:
    """What the answers keep of the check: `vague` and `themes` (null and none for no text).

    Every way feedback is recorded — the workbook's form, the Python API — saves
    the same judgement, so the journal's themes do not depend on how it was typed.
    """
    if not text.strip():
        return {"vague": None, "themes": []}
    result = check_feedback(text)
    return {"vague": result.vague, "themes": list(result.themes)}
