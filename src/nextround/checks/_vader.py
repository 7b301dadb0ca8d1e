"""VADER's sentiment scores in time linear in the length of the text.

vaderSentiment 3.3.2's `SentimentIntensityAnalyzer.polarity_scores` lower-cases the
whole list of words once for every sentiment word it meets (in `_negation_check` and
`_special_idioms_check`), and its contrast rule (`_but_check`) looks each score up
with `list.index`; so a text of n words costs about n² steps, and the tone check
scores whole drafts. `LinearAnalyser` gives exactly the same scores: it overrides
those three steps only, and each reads just the few words it needs. Imported on first
use, with vaderSentiment itself (see `_patterns.sentiment`).
"""

from __future__ import annotations

import heapq
from typing import Any

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    negated,
)


def _lower(words: list[Any], i: int) -> str:
    return str(words[i]).lower()


class LinearAnalyser(SentimentIntensityAnalyzer):
    """`SentimentIntensityAnalyzer` with the same scores, in linear time."""

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: list[Any], start_i: int, i: int) -> float:
        # As in vaderSentiment, word for word, reading only words i-3 to i-1.
        w = words_and_emoticons
        if start_i == 0:
            if negated([_lower(w, i - 1)]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if _lower(w, i - 2) == "never" and (_lower(w, i - 1) == "so" or _lower(w, i - 1) == "this"):
                valence = valence * 1.25
            elif _lower(w, i - 2) == "without" and _lower(w, i - 1) == "doubt":
                pass
            elif negated([_lower(w, i - 2)]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if _lower(w, i - 3) == "never" and (_lower(w, i - 2) == "so" or _lower(w, i - 2) == "this") or \
                    (_lower(w, i - 1) == "so" or _lower(w, i - 1) == "this"):
                valence = valence * 1.25
            elif _lower(w, i - 3) == "without" and (_lower(w, i - 2) == "doubt" or _lower(w, i - 1) == "doubt"):
                pass
            elif negated([_lower(w, i - 3)]):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: list[Any], i: int) -> float:
        # As in vaderSentiment, reading only words i-3 to i+2 (it is called with i >= 3).
        w = words_and_emoticons
        onezero = f"{_lower(w, i - 1)} {_lower(w, i)}"
        twoonezero = f"{_lower(w, i - 2)} {_lower(w, i - 1)} {_lower(w, i)}"
        twoone = f"{_lower(w, i - 2)} {_lower(w, i - 1)}"
        threetwoone = f"{_lower(w, i - 3)} {_lower(w, i - 2)} {_lower(w, i - 1)}"
        threetwo = f"{_lower(w, i - 3)} {_lower(w, i - 2)}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(w) - 1 > i:
            zeroone = f"{_lower(w, i)} {_lower(w, i + 1)}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(w) - 1 > i + 1:
            zeroonetwo = f"{_lower(w, i)} {_lower(w, i + 1)} {_lower(w, i + 2)}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    @staticmethod
    def _but_check(words_and_emoticons: list[Any], sentiments: list[float]) -> list[float]:
        """After the first "but", scores count 1.5 times; before it, half.

        vaderSentiment walks the scores and, for each, rescales the *first* score equal
        to it (`list.index`), which is not always the one in hand: with two equal
        scores before the "but", the first is halved twice and the second not at all.
        That is kept exactly, with each value's positions in a heap instead of a scan.
        """
        lowered = [str(w).lower() for w in words_and_emoticons]
        if "but" not in lowered:
            return sentiments
        bi = lowered.index("but")
        where: dict[float, list[int]] = {}
        for j, value in enumerate(sentiments):
            where.setdefault(value, []).append(j)  # ascending, so already a heap
        for k in range(len(sentiments)):
            value = sentiments[k]
            heap = where[value]
            while sentiments[heap[0]] != value:  # a position whose score has changed since
                heapq.heappop(heap)
            si = heap[0]
            if si < bi:
                new = value * 0.5
            elif si > bi:
                new = value * 1.5
            else:
                continue
            sentiments[si] = new
            heapq.heappush(where.setdefault(new, []), si)
        return sentiments
