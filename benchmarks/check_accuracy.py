"""Accuracy of nextround.checks on the labelled cases, against two simple baselines.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/check_accuracy.py

For each check it prints the accuracy of our checker, a sentiment-only baseline and a
word-count baseline, on the "tune" and "heldout" parts of tests/data/*_cases.csv
separately, then how many mistakes each method makes per true label.

It prints numbers only, never the text of a case: the held-out rows are for measuring,
not for reading. The baselines' thresholds are chosen on the tune part alone.
`--tune-only` leaves the held-out part out altogether (for use while developing).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nextround.checks import check_feedback, check_tone

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SPLITS = ["tune", "heldout"]

Row = dict[str, str]
Predict = Callable[[str], str]


def load(name: str) -> list[Row]:
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["split"] in SPLITS]


def words(text: str) -> int:
    return len(text.split())


def accuracy(rows: Sequence[Row], predict: Predict) -> float:
    return sum(predict(r["text"]) == r["label"] for r in rows) / len(rows)


def mistakes(rows: Sequence[Row], predict: Predict, labels: Sequence[str]) -> dict[str, int]:
    """Mistakes per *true* label: how many of each label the method got wrong."""
    out = dict.fromkeys(labels, 0)
    for r in rows:
        if predict(r["text"]) != r["label"]:
            out[r["label"]] += 1
    return out


def best_word_cut(rows: Sequence[Row], labels: tuple[str, str]) -> tuple[int, str, str]:
    """The rule "`short` if fewer than N words, else `long`" most accurate on `rows`.

    Both directions are tried (short texts may be either label); ties go to the
    smallest N, so the rule is as simple as the data allow.
    """
    def acc(rule: tuple[int, str, str]) -> int:
        n, short, long = rule
        return sum((short if words(r["text"]) < n else long) == r["label"] for r in rows)

    rules = [(n, a, b) for n in range(1, 101) for a, b in (labels, labels[::-1])]
    return max(rules, key=lambda rule: (acc(rule), -rule[0]))


def word_rule(rule: tuple[int, str, str]) -> Predict:
    n, short, long = rule
    return lambda text: short if words(text) < n else long


def report(title: str, rows: list[Row], methods: dict[str, Predict], labels: Sequence[str]) -> None:
    parts = {split: [r for r in rows if r["split"] == split] for split in SPLITS}
    print(f"\n{title}")
    print(f"  {'method':<34}" + "".join(f"{s + f' (n={len(parts[s])})':>18}" for s in SPLITS))
    for name, predict in methods.items():
        cells = "".join(f"{accuracy(parts[s], predict):>18.1%}" for s in SPLITS)
        print(f"  {name:<34}{cells}")
    print(f"  mistakes per true label ({', '.join(labels)}):")
    for name, predict in methods.items():
        cells = ""
        for s in SPLITS:
            m = mistakes(parts[s], predict, labels)
            cells += f"{' / '.join(str(m[label]) for label in labels):>18}"
        print(f"  {name:<34}{cells}")


def main(argv: Sequence[str]) -> int:
    if "--tune-only" in argv:
        SPLITS.remove("heldout")
    analyser = SentimentIntensityAnalyzer()

    def compound(text: str) -> float:
        return analyser.polarity_scores(text)["compound"]

    # --- feedback: vague or specific
    feedback = load("feedback_cases.csv")
    tune = [r for r in feedback if r["split"] == "tune"]
    rule = best_word_cut(tune, ("vague", "specific"))
    feedback_methods: dict[str, Predict] = {
        "ours (check_feedback)": lambda t: "vague" if check_feedback(t).vague else "specific",
        f"word count (< {rule[0]} words: {rule[1]})": word_rule(rule),
    }
    report("Feedback: vague vs specific (accuracy)", feedback, feedback_methods, ("vague", "specific"))
    print("  (sentiment is no proxy for specificity, so there is no sentiment baseline here)")

    # --- tone: ok or flag
    tone = load("tone_cases.csv")
    tune = [r for r in tone if r["split"] == "tune"]
    rule = best_word_cut(tune, ("ok", "flag"))
    tone_methods: dict[str, Predict] = {
        "ours (check_tone)": lambda t: "ok" if check_tone(t).ok else "flag",
        "sentiment only (VADER < 0.05: flag)": lambda t: "flag" if compound(t) < 0.05 else "ok",
        f"word count (< {rule[0]} words: {rule[1]})": word_rule(rule),
    }
    report("Tone: ok vs flag (accuracy)", tone, tone_methods, ("ok", "flag"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
