"""The STAR check's word model: how sure it is, from the words alone, that an answer has a part.

A logistic regression over which words and pairs of words an answer uses, made by
`tools/train_star_model.py` from the tune half of the labelled answers and shipped as
data (`_star_model.json`). Reading it takes the standard library only: the words are
found as scikit-learn finds them (lower-cased runs of two or more letters or digits),
each word and each pair of neighbouring words counts once, and the answer's score is
the intercept plus the weights of those it uses. One pass over the text: linear in
its length. The model is read on first use.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

_MODEL = "_star_model.json"


@cache
def _model() -> dict[str, Any]:
    text = resources.files("nextround.checks").joinpath(_MODEL).read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    if model.get("ngrams") != [1, 2]:
        raise ValueError(f"{_MODEL}: this reader counts single words and pairs only")
    model["words"] = re.compile(model["token_pattern"])
    return model


def threshold() -> float:
    """How sure the model must be before the check counts a part it alone found."""
    return float(_model()["threshold"])


def parts() -> tuple[str, ...]:
    """The parts the model has a say in."""
    return tuple(_model()["parts"])


def _terms(text: str) -> set[str]:
    """The words and pairs of neighbouring words `text` uses, each once."""
    words = _model()["words"].findall(text.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def _probability(part: str, terms: set[str]) -> float:
    model = _model()["parts"][part]
    weights: dict[str, float] = model["weights"]
    score = model["intercept"] + sum(weights.get(term, 0.0) for term in terms)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))


def probability(part: str, text: str) -> float:
    """How sure the model is (0 to 1) that `text` has `part` ("situation" or "task")."""
    return _probability(part, _terms(text))


def sure_of(text: str) -> set[str]:
    """The parts the model is sure enough (at least `threshold()`) that `text` has."""
    terms = _terms(text)
    return {part for part in parts() if _probability(part, terms) >= threshold()}
