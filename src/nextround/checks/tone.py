"""Does a draft reply read as bitter, sarcastic, blaming or defensive?

`check_tone(text)` returns each phrase that may read badly, with why and a calmer
wording. Rules look at who a sentence is aimed at and how it is phrased; the VADER
sentiment lexicon only answers "is this word negative?" and "is this short sentence
upbeat?" — on its own it rates "Whatever. Good luck finding someone as good as me."
as positive. The rules themselves are in `_tone_rules`.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from typing import Any

from nextround.checks._patterns import N_, sentiment
from nextround.checks._tone_rules import (
    CAPS_RE,
    CLAUSE_BREAK_RE,
    COMPLAINT_RE,
    DEADLINE_RE,
    DEADLINE_REASON_RE,
    FIRST_PERSON,
    GRACIOUS_NEGATIVES,
    INSULT_RE,
    JUDGED_RE,
    NOT_SHOUTING,
    OWN_DEADLINE_RE,
    REPEATED_PUNCT_RE,
    SAD_WORDS,
    SECOND_THIRD,
    SENTENCE_NEGATIVE,
    SENTENCE_RE,
    SIGN_OFF,
    SINCERE_RE,
    THANKS_AFTER_RE,
    THANKS_FOR,
    TONE_RES,
    YOU_RE,
)

# ---------------------------------------------------------------------------
# Tone check
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ToneFlag:
    """One phrase in a draft that may read badly.

    `phrase` is the exact substring of the draft; `kind` is a key of `TONE_KINDS`;
    `why` says in one sentence how it may read; `alternative` is calmer wording. Both
    are en-GB messages a face translates (`i18n.translated`), except a calmer wording
    made of the person's own words ("wonderful" for "WONDERFUL"), which stays as it is.
    """

    phrase: str
    kind: str
    why: str
    alternative: str

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready copy."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class ToneCheck:
    """Whether a draft reply is fine to send, and what to change if not.

    `ok` is True only when there are no flags; `score` runs from 0 (hostile) to 1
    (calm and professional), and mixes the flags with VADER's overall sentiment.
    """

    ok: bool
    score: float
    flags: list[ToneFlag]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {"ok": self.ok, "score": self.score, "flags": [f.to_dict() for f in self.flags]}


def _rule_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    for rule, rx in TONE_RES:
        for m in rx.finditer(text):
            phrase = m.group(0).strip()
            if not phrase:
                continue
            start = text.index(phrase, m.start())
            out.append((start, start + len(phrase), ToneFlag(phrase, rule.kind, rule.why, rule.alternative)))
    return out


def _shouting_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    for m in CAPS_RE.finditer(text):
        word = m.group(0)
        # Abbreviations (SQL, NHS, OK) are not shouting; neither is a word with no vowel,
        # which is almost always an abbreviation we don't list.
        if word in NOT_SHOUTING or word.rstrip("S") in NOT_SHOUTING or not re.search(r"[AEIOUY]", word):
            continue
        out.append((m.start(), m.end(), ToneFlag(
            word, "shouting",
            N_("“{word}” in capitals reads as raising your voice.").format(word=word),
            word.lower(),
        )))
    return out


def _punctuation_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    space = -1  # the last space before the previous match, found once: text.rfind(" ", 0, …)
    looked_to = 0
    for m in REPEATED_PUNCT_RE.finditer(text):
        # Show the word before the punctuation too, so the flag is easy to find.
        space = max(space, text.rfind(" ", looked_to, m.start()))
        looked_to = m.start()
        start = space + 1
        phrase = text[start:m.end()]
        calm = "?" if "?" in m.group(0) else "."
        out.append((start, m.end(), ToneFlag(
            phrase, "punctuation",
            N_("Repeated “!” or “?” reads as anger or disbelief."),
            text[start:m.start()] + calm,
        )))
    return out


def _negative_words(s: str, cutoff: float = -1.0) -> list[str]:
    """The words of `s` that VADER's lexicon scores at or below `cutoff`."""
    lexicon: dict[str, float] = sentiment().lexicon
    # Capitalised words after the first are names ("Best wishes, Rob"), whatever the
    # lexicon thinks of them.
    words = re.findall(r"[A-Za-z']+", s)
    words = [w for i, w in enumerate(words) if i == 0 or not w[0].isupper() or w == "I"]
    return [w.lower() for w in words if lexicon.get(w.lower(), 0.0) <= cutoff]


def _sentences(text: str) -> list[tuple[int, str]]:
    """(start offset, sentence) for each sentence, trimmed, so offsets stay exact."""
    out = []
    for m in SENTENCE_RE.finditer(text):
        sent = m.group(0).strip()
        if sent:
            out.append((text.index(sent, m.start()), sent))
    return out


def _sentiment_flags(text: str, sentences: list[tuple[int, str]]) -> list[tuple[int, int, ToneFlag]]:
    """Sarcasm and insults that only show once you know which words are negative (VADER)."""
    analyser = sentiment()
    lexicon: dict[str, float] = analyser.lexicon
    out = []

    # "Thank you for the rejection": thanks for something negative.
    for m in THANKS_FOR.finditer(text):
        obj_words = m.group("obj").lower().split()[:5]
        bad = [w for w in _negative_words(" ".join(obj_words)) if w not in GRACIOUS_NEGATIVES]
        if bad and not GRACIOUS_NEGATIVES.intersection(obj_words):
            phrase = m.group(0).strip()
            out.append((m.start(), m.start() + len(phrase), ToneFlag(
                phrase, "sarcasm",
                N_("Thanking them for “{word}” reads as sarcasm.").format(word=bad[0]),
                N_("Thank you for letting me know."),
            )))

    # "…wasting a month of my time, really appreciate it": thanks that follow a complaint.
    for m in THANKS_AFTER_RE.finditer(text):
        before = text[max(0, m.start() - 150):m.start()]
        bad = [w for w in _negative_words(before, -1.5) if w not in SAD_WORDS]
        if bad:
            out.append((m.start(), m.end(), ToneFlag(
                m.group(0), "sarcasm",
                N_("Thanks straight after a complaint (“{word}”) reads as sarcastic.").format(word=bad[-1]),
                N_("(leave it out)"),
            )))

    # A short upbeat sentence straight after a negative one ("…rejected from.
    # Interesting." / "…generic rejection. Very helpful.") is the classic sarcastic beat.
    for (_, prev), (start, sent) in zip(sentences, sentences[1:]):
        words = re.findall(r"[A-Za-z']+", sent)
        if not (1 <= len(words) <= 4) or SIGN_OFF.search(sent):
            continue
        bad = [w for w in _negative_words(prev, -1.5) if w not in SAD_WORDS]
        if analyser.polarity_scores(sent)["compound"] >= 0.3 and bad:
            out.append((start, start + len(sent), ToneFlag(
                sent, "sarcasm",
                N_("A short upbeat remark right after a complaint reads as sarcasm."),
                N_("(leave it out)"),
            )))

    # A strongly negative word (VADER) said *of* them: "your team is hopeless",
    # "the interviewer was dismissive". Negative nouns in passing ("the crisis") are not
    # a judgement of the reader, so only "your X" and "X is/was <word>" count.
    for m in JUDGED_RE.finditer(text):
        word = m.group("word").lower()
        if lexicon.get(word, 0.0) > -1.5 or word in SAD_WORDS or INSULT_RE.fullmatch(word):
            continue
        out.append((m.start(), m.end(), ToneFlag(
            m.group(0), "hostile",
            N_("Calling them or their process “{word}” reads as an attack.").format(word=m.group("word")),
            N_("(describe the outcome and how you feel about it, rather than them)"),
        )))
    return out


def _deadline_flags(sentences: list[tuple[int, str]]) -> list[tuple[int, int, ToneFlag]]:
    """A deadline on *their* reply, however politely put: "I'd appreciate a reply by Friday".

    Asked as a question ("Would you be able to … by Friday?") it is a request, and "I'll
    send it by Friday" is the writer's own promise; neither is flagged.
    """
    out = []
    for start, sent in sentences:
        m = DEADLINE_RE.search(sent)
        if not m or sent.rstrip().endswith("?") or OWN_DEADLINE_RE.search(sent, 0, m.start()) \
                or DEADLINE_REASON_RE.search(sent):
            continue
        out.append((start, start + m.end(), ToneFlag(
            sent[:m.end()], "demand",
            N_("A deadline on a favour reads as a demand, however politely it is put."),
            N_("Whenever you have a moment, I'd be grateful for …"),
        )))
    return out


def _sentence_flags(sentences: list[tuple[int, str]]) -> list[tuple[int, int, ToneFlag]]:
    """Whole sentences whose overall tone reads badly, for when no rule names the words.

    A safety net: check_tone keeps one only when no more precise flag already points
    into the same sentence.
    """
    analyser = sentiment()
    lexicon: dict[str, float] = analyser.lexicon
    out = []
    for start, sent in sentences:
        # Praise wrapped round a complaint is the commonest sarcasm: a strongly positive
        # word (VADER) in the same sentence as something they did wrong.
        positive = [w for w in re.findall(r"[a-z']+", sent.lower()) if lexicon.get(w, 0.0) >= 2.0]
        # ... and the complaint must be about them: "I interviewed badly" is not sarcasm.
        complaint = COMPLAINT_RE.search(sent) or YOU_RE.search(sent) and [
            w for w in _negative_words(sent, -1.5) if w not in SAD_WORDS
        ]
        if positive and complaint and not SINCERE_RE.search(sent) and not SIGN_OFF.search(sent):
            out.append((start, start + len(sent), ToneFlag(
                sent, "sarcasm",
                N_("“{word}” next to a complaint reads as sarcasm.").format(word=positive[0]),
                N_("Say plainly what you'd like, or leave it out."),
            )))
            continue
        # A sentence VADER finds negative, aimed at them ("you/your/they"), with a
        # negative word beyond plain sadness: "Shame it took you a month." Sad
        # sentences about yourself ("sorry I missed your call") are left alone.
        if (
            YOU_RE.search(sent)
            and analyser.polarity_scores(sent)["compound"] <= SENTENCE_NEGATIVE
            and [w for w in _negative_words(sent) if w not in SAD_WORDS]
        ):
            out.append((start, start + len(sent), ToneFlag(
                sent, "blame",
                N_("This sentence is negative and aimed at them, so it may read as blame."),
                N_("Say how the outcome felt for you instead, e.g. “I was disappointed by the decision.”"),
            )))
    return out


def _person(word: str) -> str | None:
    if word in FIRST_PERSON:
        return "me"
    if word in SECOND_THIRD:
        return "them"
    return None


class _AimedAt:
    """Who the words just before a position are about: "me", "them" or None (unclear).

    Looks back within the clause for the nearest pronoun or stand-in ("your team",
    "the process"), so "my answers were weak" is about me and "your process is
    a joke" is about them. The clause breaks and the words of the text are found once,
    so asking about many positions costs no more than reading the text: each answer is
    the nearest pronoun among the clause's words (the first and last cut at the
    clause's ends, as `re.findall(r"[A-Za-z']+", clause.lower())` would see them).
    Positions are where a word starts, as an insult does, so no clause break ("but",
    "and") runs across one.
    """

    def __init__(self, text: str) -> None:
        self._breaks = [m.end() for m in CLAUSE_BREAK_RE.finditer(text)]
        low = text.lower()
        self._offset: list[int] | None = None
        if len(low) != len(text):
            # A letter whose lower case is longer ("İ"): lower each letter on its own
            # and keep where each one starts.
            parts = [c.lower() for c in text]
            low = "".join(parts)
            self._offset = list(itertools.accumulate(map(len, parts), initial=0))
        self._low = low
        words = list(re.finditer(r"[A-Za-z']+", low))
        self._starts = [w.start() for w in words]
        self._ends = [w.end() for w in words]
        # For each word, the number of the last word up to it that names someone, or -1.
        self._last_person: list[int] = []
        last = -1
        for j, w in enumerate(words):
            if _person(w.group()) is not None:
                last = j
            self._last_person.append(last)

    def __call__(self, pos: int) -> str | None:
        i = bisect.bisect_right(self._breaks, pos) - 1
        start = self._breaks[i] if i >= 0 else 0
        if self._offset is not None:
            start, pos = self._offset[start], self._offset[pos]
        hi = bisect.bisect_left(self._starts, pos) - 1  # the last word starting before pos
        lo = bisect.bisect_right(self._ends, start)  # the first word ending after the start
        if hi < lo:
            return None
        who = self._cut(hi, start, pos)
        if who is not None or hi == lo:
            return who
        j = self._last_person[hi - 1]
        if j > lo:
            return _person(self._low[self._starts[j]:self._ends[j]])
        return self._cut(lo, start, pos)

    def _cut(self, j: int, start: int, pos: int) -> str | None:
        return _person(self._low[max(self._starts[j], start):min(self._ends[j], pos)])


def _insult_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    aimed_at: _AimedAt | None = None  # made at the first insult: most drafts have none
    for m in INSULT_RE.finditer(text):
        # "I'm useless" is a self-put-down (its own rule); anything else — "your
        # process is a joke", "What a farce." — is an insult aimed outward.
        aimed_at = aimed_at or _AimedAt(text)
        if aimed_at(m.start()) == "me":
            continue
        out.append((m.start(), m.end(), ToneFlag(
            m.group(0), "hostile",
            N_("Calling them or the process “{word}” will be remembered long "
               "after the role is filled.").format(word=m.group(0).strip()),
            N_("I found the decision disappointing."),
        )))
    return out


def _dedupe(found: list[tuple[int, int, ToneFlag]]) -> list[ToneFlag]:
    # Two rules can fire on the same words; keep the longer phrase of each kind, and
    # keep flags of different kinds because each says something different. Flags come
    # in order of where they start, so one lies inside a kept flag of its kind exactly
    # when it ends no later than the furthest such flag reaches.
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[ToneFlag] = []
    reach: dict[str, int] = {}  # kind -> the furthest end of a kept flag of that kind
    seen: set[tuple[int, str]] = set()  # (start, phrase) of each kept flag
    for start, end, flag in found:
        if reach.get(flag.kind, -1) >= end or (start, flag.phrase) in seen:
            continue
        kept.append(flag)
        reach[flag.kind] = max(reach.get(flag.kind, end), end)
        seen.add((start, flag.phrase))
    return kept


def _add_uncovered(found: list[tuple[int, int, ToneFlag]], more: list[tuple[int, int, ToneFlag]]) -> None:
    """Add each of `more` (in order, not overlapping each other) that no flag of `found`
    overlaps: a whole-sentence flag only when nothing more precise points into it."""
    spans = sorted((s, e) for s, e, _ in found)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end so far
    for start, end, flag in more:
        k = bisect.bisect_left(starts, end)  # the flags that start before this one ends
        if not (k and reach[k - 1] > start):
            found.append((start, end, flag))


# How much each flag lowers the 0-1 calmness score.
_FLAG_COST = 0.25


def check_tone(text: str) -> ToneCheck:
    """Judge whether a draft reply, thank-you or LinkedIn note is fine to send.

    Rules catch blame aimed at "you/your", sarcasm, absolutes, demands, capitals,
    repeated punctuation, self-put-downs, dismissive and defensive wording; VADER
    helps spot sarcasm (thanks for something negative, an upbeat aside after a
    complaint) and insults. A draft is ok when nothing is flagged; plain sadness
    ("I'm gutted, but I understand") is never flagged on its own.
    """
    if not text or not text.strip():
        return ToneCheck(ok=True, score=1.0, flags=[])
    sentences = _sentences(text)
    found = (
        _rule_flags(text)
        + _shouting_flags(text)
        + _punctuation_flags(text)
        + _insult_flags(text)
        + _sentiment_flags(text, sentences)
        + _deadline_flags(sentences)
    )
    # A whole-sentence flag only when nothing more precise already points into it.
    _add_uncovered(found, _sentence_flags(sentences))
    flags = _dedupe(found)
    compound = sentiment().polarity_scores(text)["compound"]
    # Sentiment only nudges the score: a sad but gracious reply should still score well.
    score = 1.0 - _FLAG_COST * len(flags) - 0.2 * max(0.0, -compound)
    score = round(min(1.0, max(0.0, score)), 2)
    return ToneCheck(ok=not flags, score=score, flags=flags)
