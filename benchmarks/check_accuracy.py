"""Accuracy of nextround.checks on the labelled cases, against two simple baselines.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/check_accuracy.py              # everything
    PYTHONPATH=src .venv/bin/python benchmarks/check_accuracy.py --tune-only  # while developing
    PYTHONPATH=src .venv/bin/python benchmarks/check_accuracy.py --markdown   # the docs table

The cases in tests/data/*_cases.csv come in two batches: ids 1-92 (batch 1, written
first) and ids 93 onwards (batch 2, written later by someone who had not seen the
checker; their notes start "batch 2: "); every third row (split == "heldout") is held
out. The feedback check has a third batch, tests/data/feedback_cases_3.csv (ids 1001
onwards, notes starting "batch 3: "), written blind by someone who never saw the
checker, with every other row held out. For each check this prints the accuracy of our
checker, a sentiment-only baseline (tone only) and a word-count baseline, for the
"tune" and "heldout" parts of each batch and of all its batches together, then how many
mistakes each method makes per true label.

It prints numbers only, never the text of a case: the held-out rows are for measuring,
not for reading. The word-count baseline's threshold is chosen on the tune part alone.
`--tune-only` drops the held-out rows as the files are read, before anything else.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nextround.checks import check_feedback, check_tone

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
BATCH_2_FIRST_ID = 93  # ids below this are batch 1
BATCH_3_FIRST_ID = 1001  # feedback_cases_3.csv
BATCHES = ("1", "2", "3")
FEEDBACK_FILES = ("feedback_cases.csv", "feedback_cases_3.csv")

Row = dict[str, str]
Predict = Callable[[str], str]


def load(names: Sequence[str], splits: Sequence[str]) -> list[Row]:
    """The rows of the files in `splits`, each tagged with its batch ("1", "2" or "3")."""
    rows: list[Row] = []
    for name in names:
        with open(DATA / name, newline="", encoding="utf-8") as f:
            rows += [r for r in csv.DictReader(f) if r["split"] in splits]
    for r in rows:
        i = int(r["id"])
        r["batch"] = "3" if i >= BATCH_3_FIRST_ID else "2" if i >= BATCH_2_FIRST_ID else "1"
    return rows


def words(text: str) -> int:
    return len(text.split())


def accuracy(rows: Sequence[Row], predict: Predict) -> float:
    """The share of `rows` right; NaN for none (a batch a check has no cases in)."""
    if not rows:
        return float("nan")
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


def parts(rows: list[Row], splits: Sequence[str]) -> dict[str, list[Row]]:
    """Column name -> rows: per split, each batch and all batches together.

    Every batch has a column, empty where a check has no cases in it (tone has no
    batch 3), so the columns line up between checks.
    """
    out: dict[str, list[Row]] = {}
    for split in splits:
        in_split = [r for r in rows if r["split"] == split]
        for batch in BATCHES:
            out[f"{split} b{batch}"] = [r for r in in_split if r["batch"] == batch]
        out[f"{split} all"] = in_split
    return out


def report(title: str, rows: list[Row], methods: dict[str, Predict], labels: Sequence[str],
           splits: Sequence[str]) -> None:
    cols = parts(rows, splits)
    print(f"\n{title}")
    print(f"  {'method':<38}" + "".join(f"{name:>14}" for name in cols))
    print(f"  {'(n)':<38}" + "".join(f"{len(r):>14}" for r in cols.values()))
    for name, predict in methods.items():
        print(f"  {name:<38}" + "".join(f"{_percent(r, predict):>14}" for r in cols.values()))
    print(f"  mistakes per true label ({' / '.join(labels)}):")
    for name, predict in methods.items():
        cells = ""
        for r in cols.values():
            m = mistakes(r, predict, labels)
            cells += f"{' / '.join(str(m[label]) for label in labels) if r else '-':>14}"
        print(f"  {name:<38}{cells}")


def _percent(rows: Sequence[Row], predict: Predict) -> str:
    return f"{accuracy(rows, predict):.1%}" if rows else "-"


def markdown(check: str, rows: list[Row], methods: dict[str, Predict], labels: Sequence[str],
             splits: Sequence[str]) -> None:
    """One markdown table row per method, as in docs/checks.md."""
    cols = parts(rows, splits)
    for name, predict in methods.items():
        cells = []
        for r in cols.values():
            m = mistakes(r, predict, labels)
            cells.append(f"{accuracy(r, predict):.1%} ({sum(m.values())})" if r else "—")
        print(f"| {check} | {name} | " + " | ".join(cells) + " |")


def main(argv: Sequence[str]) -> int:
    # Held-out rows are dropped as the files are read, so nothing else ever sees them.
    splits = ["tune"] if "--tune-only" in argv else ["tune", "heldout"]
    show = markdown if "--markdown" in argv else report
    if show is markdown:
        header = " | ".join(f"{name} (n={len(r)})" for name, r in
                            parts(load(FEEDBACK_FILES, splits), splits).items())
        print(f"| check | method | {header} |")
        print("|---|---|" + "---:|" * ((len(BATCHES) + 1) * len(splits)))
    analyser = SentimentIntensityAnalyzer()

    def compound(text: str) -> float:
        return analyser.polarity_scores(text)["compound"]

    # --- feedback: vague or specific
    feedback = load(FEEDBACK_FILES, splits)
    rule = best_word_cut([r for r in feedback if r["split"] == "tune"], ("vague", "specific"))
    feedback_methods: dict[str, Predict] = {
        "ours (check_feedback)": lambda t: "vague" if check_feedback(t).vague else "specific",
        f"word count (< {rule[0]} words: {rule[1]})": word_rule(rule),
    }
    show("Feedback: vague vs specific (accuracy)" if show is report else "feedback", feedback,
         feedback_methods, ("vague", "specific"), splits)
    if show is report:
        print("  (sentiment is no proxy for specificity, so there is no sentiment baseline here)")

    # --- tone: ok or flag
    tone = load(("tone_cases.csv",), splits)
    rule = best_word_cut([r for r in tone if r["split"] == "tune"], ("ok", "flag"))
    tone_methods: dict[str, Predict] = {
        "ours (check_tone)": lambda t: "ok" if check_tone(t).ok else "flag",
        "sentiment only (VADER < 0.05: flag)": lambda t: "flag" if compound(t) < 0.05 else "ok",
        f"word count (< {rule[0]} words: {rule[1]})": word_rule(rule),
    }
    show("Tone: ok vs flag (accuracy)" if show is report else "tone", tone, tone_methods,
         ("ok", "flag"), splits)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
