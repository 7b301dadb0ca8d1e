"""The STAR check's word model: what it adds, that it never takes away, and where it comes from.

The model (`nextround.checks._word_model`, data in `_star_model.json`) is made by
`tools/train_star_model.py` from the tune half of tests/data/star_cases.csv. These
tests retrain it with scikit-learn to show the shipped file is exactly that, and that
the held-out half never reaches it (scikit-learn is in the test extra for this).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.checks import _word_model as word_model
from nextround.checks import check_answer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "star_cases.csv"
SHIPPED = ROOT / "src" / "nextround" / "checks" / "_star_model.json"

# A task in words none of the rules know ("looked at me to sort out"): fictional.
UNUSUAL_TASK = (
    "In my second year at a call centre for a water company, complaints about being cut off mid-call were "
    "rising. The team leader looked at me to sort out the phone queue settings. I mapped every transfer "
    "route, found two that looped back to the start and had them switched off. Dropped calls fell by 40% "
    "the next month."
)


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_star_model", ROOT / "tools" / "train_star_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _rows() -> list[dict[str, str]]:
    with open(DATA, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_model_weighs_words_pairs_and_words_by_their_sentences_place() -> None:
    terms = word_model.terms("Last March the tills froze. My manager asked me to fix it.\nI rang the supplier. "
                             "Queues fell to 5 minutes.")
    assert {"march", "the tills", "asked me", "first:march", "second:asked", "middle:rang", "last:fell"} <= terms
    assert "first:rang" not in terms and "last:march" not in terms
    # One sentence is the first; a line break ends a sentence as a full stop does.
    assert {t.split(":")[0] for t in word_model.terms("We were late") if ":" in t} == {"first"}


def test_a_task_in_words_no_rule_knows_still_counts() -> None:
    rules_alone = check_answer(UNUSUAL_TASK, word_model=False)
    assert not rules_alone.parts["task"] and "task" in rules_alone.missing
    result = check_answer(UNUSUAL_TASK)
    assert result.parts["task"] and result.complete
    assert result.missing == [] and result.suggestions == []
    # Only the rules quote a sentence; the model's part has none.
    assert "task" not in result.found


@pytest.mark.parametrize("text", ["", "   ", "ok", "I did it.", "Ich habe das gemacht."])
def test_empty_and_tiny_answers_get_nothing_from_the_model(text: str) -> None:
    assert check_answer(text).parts == check_answer(text, word_model=False).parts
    assert not check_answer(text).parts["task"] and not check_answer(text).parts["situation"]


# Budget: 150 texts of up to 400 characters each, no deadline (the check is quick, the
# machine may not be).
@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_the_model_only_ever_adds_a_part(text: str) -> None:
    alone = check_answer(text, word_model=False)
    both = check_answer(text)
    assert all(both.parts[p] or not alone.parts[p] for p in alone.parts)
    assert both.parts["action"] == alone.parts["action"] and both.parts["result"] == alone.parts["result"]
    assert both.concrete_result == alone.concrete_result
    assert both.complete == (not both.missing)
    assert len(both.suggestions) == len(both.missing)


def test_the_shipped_model_is_what_training_on_the_tune_half_makes() -> None:
    trainer = _trainer()
    made = trainer.train(trainer.tune_rows(DATA))
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    tune = [r for r in _rows() if r["split"] == "tune"]
    assert shipped["answers"] == made["answers"] == len(tune)
    assert shipped["parts"].keys() == made["parts"].keys() == {"situation", "task"}
    for part in made["parts"]:
        ours, theirs = shipped["parts"][part], made["parts"][part]
        assert ours["threshold"] == theirs["threshold"]
        assert abs(ours["intercept"] - theirs["intercept"]) < 1e-3
        shared = ours["weights"].keys() & theirs["weights"].keys()
        # Weights differ only in the last digits a different scikit-learn could give,
        # and only weights on the cut-off could come and go.
        assert len(shared) >= 0.99 * max(len(ours["weights"]), len(theirs["weights"]))
        assert max(abs(ours["weights"][t] - theirs["weights"][t]) for t in shared) < 1e-3


def test_the_held_out_half_never_reaches_the_model(tmp_path: Path) -> None:
    trainer = _trainer()
    rows = _rows()
    # Scramble every held-out row: other words, every label flipped.
    scrambled = []
    for row in rows:
        if row["split"] == "heldout":
            flipped = {k: str(1 - int(row[k])) for k in ("situation", "task", "action", "result", "complete")}
            row = {**row, **flipped, "text": "We were responsible for the deadline at the depot last winter."}
        scrambled.append(row)
    path = tmp_path / "scrambled.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(scrambled)
    assert trainer.train(trainer.tune_rows(path)) == trainer.train(trainer.tune_rows(DATA))
