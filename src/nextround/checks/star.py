"""Is a "better answer" to an interview question a complete STAR answer?

`check_answer(text)` looks for the four parts of the STAR method — the Situation,
the Task that was the person's own, the Action they took themselves and the Result —
and says whether the result is concrete (a number, a measurable change or a clearly
stated outcome) rather than praise or a feeling. An answer is complete when it has
all four and a concrete result. For each thing missing it gives one suggestion.

What it reads, sentence by sentence:

- sentences that describe no particular event — hypothetical ("I would…") or
  habitual ("I always…") — set no scene, give no task and take no action;
- an action is a verb after "I" that does something: not being there, feeling,
  thinking, joining or working somewhere ("I was part of the team", "I felt proud").
  "We" actions, the passive voice and "I would…" are not the person's own action;
- a result is how things turned out; a projection ("this should save…") or a lesson
  on its own ("it taught me…") is not. A concrete result measures the outcome or
  states it plainly; "it went well" and "my manager thanked me" are vague.

The word lists and patterns are in `_star_words`. Every pattern runs over one
sentence at a time, and each sentence is read a fixed number of times, so the check
takes time in proportion to the length of the text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from nextround.checks._patterns import lazy, words_of
from nextround.checks._star_words import (
    ACTION_AFTER,
    ADVERBS,
    CONCRETE_RESULT_PATTERNS,
    HABITUAL,
    HYPOTHETICAL,
    IRREGULAR_PAST,
    LABEL,
    LESSON,
    NOT_ACTIONS,
    OUTCOME_FRAMES,
    OWN_STEP_START,
    PARTS,
    PAST_MARKERS,
    PROJECTION,
    REPORTED_OPINION,
    SITUATION_PATTERNS,
    SUGGESTIONS,
    TASK_PATTERNS,
    VAGUE_CHANGE_PATTERNS,
    VAGUE_RESULT_PATTERNS,
    WHAT_I_DID,
)

# A sentence ends at . ! ? or a line break, or just before a STAR label ("Task:").
# The longest run of one character class, so the split never backtracks.
_SENTENCE_RE = lazy(r"[^.!?\n]+[.!?]*|[.!?\n]+")
_LABEL_RE = lazy(r"(?<![\w'’])" + LABEL, re.IGNORECASE)
_HYPOTHETICAL_RE = lazy(HYPOTHETICAL, re.IGNORECASE)
_HABITUAL_RE = words_of(HABITUAL)
_SITUATION_RE = words_of(SITUATION_PATTERNS)
_TASK_RE = words_of(TASK_PATTERNS)
_CONCRETE_RE = words_of(CONCRETE_RESULT_PATTERNS)
_VAGUE_RE = words_of(VAGUE_RESULT_PATTERNS)
_VAGUE_CHANGE_RE = words_of(VAGUE_CHANGE_PATTERNS)
# "to raise £5,000", "needed to cut costs by 10%", "my job to get them out on time": a
# goal, not an outcome.
_INFINITIVE_RE = lazy(r"(?:\bto|\bhelp|\bhelped)\s+$|\b(?:job|task|aim|goal|brief|target|asked|needed|wanted|"
                      r"had|tried|trying|told|expected|supposed|responsibility|duty|plan|hoped|aimed|meant) to\s+"
                      r"[a-z]+(?:\s+[\w'’-]+){0,3}\s+$", re.IGNORECASE)
# "I improved the rota": the person's step, not yet its outcome (unless measured).
_OWN_SUBJECT_RE = lazy(r"(?:^|[^\w'’])(?:i|we)\s+(?:[\w'’]+\s+)?$", re.IGNORECASE)
_PROJECTION_RE = words_of(PROJECTION)
_LESSON_RE = words_of(LESSON)
_PAST_RE = words_of(PAST_MARKERS)
_FRAME_RE = words_of(OUTCOME_FRAMES)
_OWN_STEP_RE = lazy(OWN_STEP_START, re.IGNORECASE)
_OPINION_RE = words_of(REPORTED_OPINION)
_WHAT_I_DID_RE = lazy(r"(?<![\w'’])" + WHAT_I_DID + r"(?![\w'’])", re.IGNORECASE)
# "I" and the word that follows it, past up to two little words ("I also then called").
_I_VERB_RE = lazy(r"(?<![\w'’-])[Ii](?:'|’)?(ve|m|d|ll)?\s+(?:(?:" + ADVERBS + r")\s+){0,2}"
                  r"([A-Za-z][a-z'’-]*)", 0)
_NEGATED_RE = lazy(r"(?:n't|n’t|not|never)\b")
_ACTION_AFTER_RES = {verb: lazy(r"\s+(?:" + after + r")\b", re.IGNORECASE) for verb, after in ACTION_AFTER.items()}
# How far back, in characters, a projection ("should", "will") is looked for.
_LOOK_BACK = 60
# Times of day are not outcomes: "open from 9 to 5pm".
_CLOCK_RE = lazy(r"[\d:.]*\s?(?:am|pm|o'clock)\b", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class StarCheck:
    """How a "better answer" measures up to the STAR method.

    `parts` says, for each of situation, task, action and result, whether the answer
    has it; `concrete_result` whether the result measures or plainly states the
    outcome; `complete` is all four with a concrete result. `missing` names what
    stands between the answer and a complete one — the parts it lacks, then
    `concrete_result` when a result is there but vague — and `suggestions` holds one
    suggestion for each, in the same order. `found` quotes, for each part found,
    the sentence that showed it (its first words, for a long one).
    """

    parts: dict[str, bool]
    concrete_result: bool
    complete: bool
    missing: list[str]
    suggestions: list[str]
    found: dict[str, str]

    @property
    def verdict(self) -> str:
        """The verdict in a few words, for a list or a heading."""
        if self.complete:
            return "Complete STAR answer"
        if not any(self.parts.values()):
            return "Not a STAR answer yet"
        lacking = [PARTS[k].lower() for k in self.missing if k in PARTS]
        if not lacking:
            return "Nearly there: make the result concrete"
        return "Missing: " + ", ".join(lacking)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {
            "complete": self.complete,
            "verdict": self.verdict,
            "parts": dict(self.parts),
            "concrete_result": self.concrete_result,
            "missing": list(self.missing),
            "suggestions": list(self.suggestions),
            "found": dict(self.found),
        }


def _quote(sentence: str, words: int = 14) -> str:
    """The start of `sentence`, up to `words` words, with "…" where it was cut."""
    parts = sentence.split(None, words)
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _sentences(text: str) -> Iterator[str]:
    """The text's sentences: split at . ! ? and line breaks, and before each STAR label."""
    for m in _SENTENCE_RE.finditer(text):
        sentence = m.group(0)
        start = 0
        for label in _LABEL_RE.finditer(sentence):
            if sentence[start:label.start()].strip():
                yield sentence[start:label.start()].strip()
            start = label.start()
        if sentence[start:].strip(" \t.!?\n"):
            yield sentence[start:].strip()


def _action(sentence: str, told_in_past: bool) -> str:
    """The first words in `sentence` where the person does something themselves, or "".

    `told_in_past`: whether the answer tells a story in the past anywhere; if not,
    a verb in the present ("I listen") is a habit, not an action.
    """
    for m in _I_VERB_RE.finditer(sentence):
        contraction, verb = m.group(1), m.group(2).lower()
        if contraction in ("d", "ll") or contraction == "m":
            continue  # "I'd", "I'll": would or will; "I'm": being
        if contraction == "ve":
            verb = "'ve"
            after = _ACTION_AFTER_RES[verb]
            if after.match(sentence, m.end(1)):
                return m.group(0)
            continue
        if _NEGATED_RE.match(verb) or verb.endswith(("n't", "n’t")):
            continue
        if verb in _ACTION_AFTER_RES:
            if _ACTION_AFTER_RES[verb].match(sentence, m.end()):
                return m.group(0)
            continue
        if verb in NOT_ACTIONS or len(verb) < 2:
            continue
        if not told_in_past and not (verb.endswith("ed") or verb in IRREGULAR_PAST):
            continue
        return m.group(0)
    done = _WHAT_I_DID_RE.search(sentence)
    return done.group(0) if done else ""


def _result(sentence: str, after_action: bool) -> tuple[str, bool]:
    """(the words of an outcome in `sentence`, whether it is concrete); ("", False) if none.

    `after_action`: whether the person has acted by now (or the sentence frames an
    outcome); before that, a change without an amount ("sales had fallen") is the
    scene, not the result.
    """
    kinds = [(_CONCRETE_RE, True), (_VAGUE_RE, False)]
    if after_action:
        kinds.append((_VAGUE_CHANGE_RE, False))
    for rx, concrete in kinds:
        for m in rx.finditer(sentence):
            if concrete and _CLOCK_RE.match(sentence, m.end()):
                continue
            # "this should save 200 hours", "once it's rolled out it will…": not yet. Only
            # the clause before the outcome counts, and only so far back: a fixed
            # window keeps the check linear however long the sentence.
            before = sentence[max(0, m.start() - _LOOK_BACK):m.start()]
            before = before[max(before.rfind(c) for c in ",;:–—") + 1:]
            if _INFINITIVE_RE.search(before):
                continue
            if rx is _VAGUE_CHANGE_RE and _OWN_SUBJECT_RE.search(before):
                continue
            if _PROJECTION_RE.search(before) or _PROJECTION_RE.match(sentence, m.start()):
                continue
            return m.group(0).strip(), concrete
    return "", False


def _closing_outcome(sentence: str, story: bool, after_action: bool) -> tuple[str, bool]:
    """The last sentence as the outcome, when nothing else was one (see OWN_STEP_START).

    `story`: whether the answer tells of something that happened (a scene, a task or
    an action was found). Returns (the sentence, whether it is concrete) or ("", False).
    """
    if not story or _OWN_STEP_RE.match(sentence) or _HYPOTHETICAL_RE.search(sentence):
        return "", False
    if _PROJECTION_RE.search(sentence) or _LESSON_RE.search(sentence) or _HABITUAL_RE.search(sentence):
        return "", False
    if _SITUATION_RE.search(sentence) or _TASK_RE.search(sentence):
        return "", False
    vague = bool(_VAGUE_RE.search(sentence) or _OPINION_RE.search(sentence)
                 or (after_action and _VAGUE_CHANGE_RE.search(sentence)))
    return sentence.strip(), not vague


def check_answer(text: str) -> StarCheck:
    """Judge a "better answer" against the STAR method.

    Returns the parts found, whether the result is concrete, whether the answer is
    complete, what is missing and one suggestion for each thing missing. Plain
    rules over each sentence; no network and no model.
    """
    text = text or ""
    told_in_past = bool(_PAST_RE.search(text))
    found: dict[str, str] = {}
    vague_result = ""
    last = ""
    count = 0
    for sentence in _sentences(text):
        last, count = sentence, count + 1
        hypothetical = bool(_HYPOTHETICAL_RE.search(sentence))
        habitual = bool(_HABITUAL_RE.search(sentence))
        if "situation" not in found and not (hypothetical or habitual):
            if _SITUATION_RE.search(sentence):
                found["situation"] = sentence
        if "task" not in found and not hypothetical and _TASK_RE.search(sentence):
            found["task"] = sentence
        if "action" not in found and not hypothetical:
            words = _action(sentence, told_in_past)
            if words and not _HABITUAL_RE.search(words):
                found["action"] = sentence
        if "result" not in found:
            framed = "action" in found or bool(_FRAME_RE.search(sentence))
            words, concrete = _result(sentence, framed)
            if words and concrete:
                found["result"] = sentence
            # A lesson on its own ("it taught me…") is no outcome, however warm.
            elif words and not vague_result and not _LESSON_RE.search(sentence):
                vague_result = sentence
    if "result" not in found and not vague_result and count > 1 and last.rstrip().endswith((".", "!")):
        words, concrete = _closing_outcome(last, bool(found), "action" in found)
        if words and concrete:
            found["result"] = words
        else:
            vague_result = words
    concrete_result = "result" in found
    if not concrete_result and vague_result:
        found["result"] = vague_result
    parts = {part: part in found for part in PARTS}
    missing = [part for part in PARTS if not parts[part]]
    if parts["result"] and not concrete_result:
        missing.append("concrete_result")
    return StarCheck(
        parts=parts,
        concrete_result=concrete_result,
        complete=not missing,
        missing=missing,
        suggestions=[SUGGESTIONS[key] for key in missing],
        found={part: _quote(found[part]) for part in PARTS if part in found},
    )
