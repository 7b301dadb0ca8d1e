"""Accuracy of nextround.checks.check_answer (the STAR check) on the labelled answers.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/check_star.py              # tune and held-out
    PYTHONPATH=src .venv/bin/python benchmarks/check_star.py --tune-only  # while developing

tests/data/star_cases.csv holds 2,208 "better answers", written and labelled by people
who never saw the checker (see tests/data/README-labelled-sets.md): for each, whether
it has a situation, a task, an action and a result, and whether it is complete (all
four, with a concrete result). Half the rows (split == "heldout") are held out. For
each label this prints the accuracy of our check as shipped, of its rules alone
(`word_model=False`) and of two baselines — the most common label, and a word-count
rule ("1 if at least N words", or the reverse) — on the tune half, the held-out half,
and the held-out half split by batch, then how many mistakes each method makes per
true label.

Each held-out answer has a twin in the tune half: written by the same person, of the
same kind, with the same labels. Rules and the word model fitted to the twin carry over
to it more easily than to anyone else's writing, so the held-out half flatters the
check. tests/data/star_strangers.csv measures it on strangers instead: 640 answers by
eight more writers, none of them ever read, tuned on or trained on. Its "choice" half
was measured (as counts) to choose between two designs of the word model; its "final"
half was first measured when the work was done.

The held-out rows came in batches, and a batch's figure means less the more often it
has been measured while the check was being worked on:

- ids below 200: measured after many rounds of work on the check;
- ids 200 to 599: measured a few times in earlier rounds;
- ids 600 to 1999: written for the round that added the word model, measured a
  handful of times in it and once in the round after;
- ids from 2000: the newest batch, measured only when the round's work was done.

It prints numbers only, never the text of an answer: the held-out rows and the
strangers' answers are for measuring, not for reading. Both baselines are fitted on
the tune half alone. `--tune-only` drops the held-out rows and the strangers' answers
as the files are read, before anything else.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from nextround.checks import check_answer

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "star_cases.csv"
LABELS = ("situation", "task", "action", "result", "complete")

Row = dict[str, str]
Predict = Callable[[str], int]


def load(splits: Sequence[str], path: Path = DATA) -> list[Row]:
    """The rows of `path` in `splits`; the others are never kept."""
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["split"] in splits]


def words(text: str) -> int:
    return len(text.split())


def ours(label: str, word_model: bool = True) -> Predict:
    def predict(text: str) -> int:
        result = check_answer(text, word_model=word_model)
        return int(result.complete if label == "complete" else result.parts[label])
    return predict


def most_common(rows: Sequence[Row], label: str) -> tuple[int, Predict]:
    """The label's commoner value on `rows` (ties: 1), as a rule that always says it."""
    ones = sum(r[label] == "1" for r in rows)
    value = int(ones * 2 >= len(rows))
    return value, lambda text: value


def word_rule(rows: Sequence[Row], label: str) -> tuple[str, Predict]:
    """The rule "1 if at least N words" (or "1 if fewer") most accurate on `rows`.

    Ties go to the smallest N, so the rule is as simple as the data allow.
    """
    def rule(n: int, long_is_one: bool) -> Predict:
        return lambda text: int((words(text) >= n) == long_is_one)

    def hits(predict: Predict) -> int:
        return sum(predict(r["text"]) == int(r[label]) for r in rows)

    candidates = [(n, long) for n in range(1, 301) for long in (True, False)]
    n, long = max(candidates, key=lambda c: (hits(rule(*c)), -c[0]))
    return f"{'>=' if long else '<'} {n} words: 1", rule(n, long)


def accuracy(rows: Sequence[Row], label: str, predict: Predict) -> float:
    return sum(predict(r["text"]) == int(r[label]) for r in rows) / len(rows)


def mistakes(rows: Sequence[Row], label: str, predict: Predict) -> tuple[int, int]:
    """(true 1 called 0, true 0 called 1)."""
    missed = sum(1 for r in rows if r[label] == "1" and predict(r["text"]) == 0)
    invented = sum(1 for r in rows if r[label] == "0" and predict(r["text"]) == 1)
    return missed, invented


# The held-out batches: (key, first id, first id of the next batch, what it is).
BATCHES = (
    ("held-out <200", 0, 200, "held-out, ids <200, measured many times"),
    ("held-out 200-399", 200, 400, "held-out, ids 200-399, measured a few times"),
    ("held-out 400-599", 400, 600, "held-out, ids 400-599, measured a few times"),
    ("held-out 600-1099", 600, 1100, "held-out, ids 600-1099, measured several times"),
    ("held-out 1100-1499", 1100, 1500, "held-out, ids 1100-1499, measured several times"),
    ("held-out 1500-1999", 1500, 2000, "held-out, ids 1500-1999, measured several times"),
    ("held-out >=2000", 2000, 10**9, "held-out, ids >=2000, newest batch, measured at the end"),
)
STRANGERS = DATA.with_name("star_strangers.csv")


def groups(rows: Sequence[Row]) -> dict[str, list[Row]]:
    """The rows measured, by column: tune, held-out, and held-out by batch."""
    tune = [r for r in rows if r["split"] == "tune"]
    held = [r for r in rows if r["split"] == "heldout"]
    out = {"tune": tune}
    if held:
        out["held-out"] = held
        for key, first, after, _ in BATCHES:
            out[key] = [r for r in held if first <= int(r["id"]) < after]
    return out


def main(argv: Sequence[str]) -> int:
    # Held-out rows are dropped as the file is read, so nothing else ever sees them.
    splits = ["tune"] if "--tune-only" in argv else ["tune", "heldout"]
    halves = groups(load(splits))
    if "--tune-only" not in argv:
        strangers = load(["choice", "final"], STRANGERS)
        halves["strangers"] = strangers
        halves["strangers, final"] = [r for r in strangers if r["split"] == "final"]
    tune = halves["tune"]
    print("STAR check: accuracy per label (1 = the answer has it)")
    if len(halves) > 1:
        print("  held-out batches: the older, the more often measured while the check was worked on"
              " (see this script's docstring)")
    print(f"  {'label':<11}{'method':<34}" + "".join(f"{f'{s} (n={len(h)})':>27}" for s, h in halves.items())
          + "   mistakes (missed / invented)")
    for label in LABELS:
        value, always = most_common(tune, label)
        rule_name, by_words = word_rule(tune, label)
        methods: dict[str, Predict] = {
            "ours (check_answer)": ours(label),
            "ours, rules alone": ours(label, word_model=False),
            f"always {value} (most common)": always,
            f"word count ({rule_name})": by_words,
        }
        for name, predict in methods.items():
            cells = "".join(f"{accuracy(h, label, predict):>27.1%}" for h in halves.values())
            wrong = "  ".join("{} / {}".format(*mistakes(h, label, predict)) for h in halves.values())
            print(f"  {label:<11}{name:<34}{cells}   {wrong}")
    if len(halves) > 1:
        print("\nours (check_answer), held-out by batch")
        for key, _, _, name in BATCHES:
            rows = halves[key]
            cells = "  ".join(f"{label} {accuracy(rows, label, ours(label)):.1%}" for label in LABELS)
            alone = "  ".join(f"{accuracy(rows, label, ours(label, word_model=False)):.1%}" for label in LABELS)
            print(f"  {name + f' (n={len(rows)})':<66}{cells}   (rules alone: {alone})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
