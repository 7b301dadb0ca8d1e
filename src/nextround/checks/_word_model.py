"""The STAR check's word model: how sure it is, from the words alone, that an answer has a part.

A logistic regression over the terms an answer uses, made by
`tools/train_star_model.py` from the tune half of the labelled answers and shipped as
data (`_star_model.json`). Reading it takes the standard library only. The terms of an
answer (`terms`) are its words (lower-cased runs of two or more letters or digits, as
scikit-learn finds them), each pair of neighbouring words, and each word tagged with
where its sentence stands: the first, the second, the last or one in the middle (a
scene is mostly set at the start, an outcome told at the end). Its sentences end at
".", "!" or "?" and a space, or a line break: simpler than the rules' reading, and
enough for where a word stands. Each term counts once, and the answer's score is the
intercept plus the weights of the terms it uses. The trainer counts terms with this
same function, so the two cannot disagree. A few passes over the text: linear in its
length. The model is read on first use.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

_MODEL = "_star_model.json"
# The terms `terms` counts; the model file names the same, or it was made for another reader.
FEATURES = "words, word pairs, words by sentence place"
# scikit-learn's own default: words of two or more letters or digits, lower-cased.
_WORD_RE = re.compile(r"(?u)\b\w\w+\b")
# A sentence ends at ".", "!" or "?" and a space, or at a line break.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|\n+")


@cache
def _model() -> dict[str, Any]:
    text = resources.files("nextround.checks").joinpath(_MODEL).read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    if model.get("features") != FEATURES:
        raise ValueError(f"{_MODEL}: made for other terms than this reader counts")
    return model


def threshold(part: str) -> float:
    """How sure the model must be that an answer has `part` before the check counts it."""
    return float(_model()["parts"][part]["threshold"])


def _sentence_place(index: int, count: int) -> str:
    if index < 2:
        return ("first", "second")[index]
    return "last" if index == count - 1 else "middle"


def terms(text: str) -> set[str]:
    """The terms of `text` the model weighs: words, pairs of neighbouring words, and
    words tagged with their sentence's place ("first:in"), each once."""
    lower = text.lower()
    words = _WORD_RE.findall(lower)
    found = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
    sentences = [s for s in _SENTENCE_END_RE.split(lower) if s.strip()]
    for index, sentence in enumerate(sentences):
        place = _sentence_place(index, len(sentences))
        found.update(f"{place}:{word}" for word in _WORD_RE.findall(sentence))
    return found


def _probability(part: str, found: set[str]) -> float:
    model = _model()["parts"][part]
    weights: dict[str, float] = model["weights"]
    score = model["intercept"] + sum(weights.get(term, 0.0) for term in found)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))


def probabilities(text: str) -> dict[str, float]:
    """How sure the model is (0 to 1), for each part it has a say in ("situation" and
    "task"), that `text` has it."""
    found = terms(text)
    return {part: _probability(part, found) for part in _model()["parts"]}
