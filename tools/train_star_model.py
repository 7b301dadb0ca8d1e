"""Train the STAR check's word model from the tune half of the labelled answers.

Run from the repository root (`make star-model` does this):

    .venv/bin/python tools/train_star_model.py [--data CSV] [--out JSON]

The STAR check (`nextround.checks.star`) reads each answer with hand-written rules
first. The rules miss many ways people say what their goal was or set the scene, so
for those two parts a small word model has a say too: a logistic regression over the
terms of the answer (`nextround.checks._word_model.terms`: its words, pairs of words,
and words tagged with their sentence's place), fitted with scikit-learn on the tune
half of `tests/data/star_cases.csv`. The trainer counts terms with the package's own
function, so the two cannot disagree. The check counts a part as present when the
rules find it, or when the model is at least `THRESHOLDS[part]` sure of it.

The held-out rows are dropped as the file is read, before anything else sees them;
`tests/test_star_model.py` checks that the shipped model is what this script makes,
and that changing the held-out rows changes nothing. The answers by strangers
(`star_strangers.csv`) are never read here.

How the settings were chosen, each time on answers no rule or model had been fitted
to, as counts only:
- binary unigrams and bigrams seen in at least two answers, C = 0.3, the threshold 0.9
  and dropping weights under 0.05: on 160 tune answers of ids 1501 to 1819, fitted on
  the other 624 (situation 94%, task 94%, complete 94%, against 88%, 84% and 82% for
  the rules alone);
- words tagged with their sentence's place: on the 320 tune answers of ids 2001 to
  2779, fitted on the 784 older ones, they lifted situation from 91.6% to 92.8% and
  task from 93.1% to 94.1%, complete staying at 83.8%; on the strangers' "choice" half,
  fitted on all 1,104, situation 91.6% to 91.9%, task 94.1% to 94.4%, complete 84.4% to
  84.1%;
- a model of the result, tried the same way, lifted complete by 2.5 points on the
  first of those and lowered it by 0.6 on the second: not shipped.

Those tune answers were read afterwards and rules written from them, so the check as
shipped is measured on the held-out half and on the strangers' answers only
(benchmarks/check_star.py). The model shipped is fitted on the whole tune half.

The output is data only: the intercept and the weight of each term kept, per part.
Reading it needs nothing but the standard library.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nextround.checks._word_model import FEATURES, terms

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "star_cases.csv"
OUT = ROOT / "src" / "nextround" / "checks" / "_star_model.json"

C = 0.3
MIN_WEIGHT = 0.05
MIN_ANSWERS = 2
# The parts the model has a say in, and how sure it must be before the check counts one
# the rules missed.
THRESHOLDS = {"situation": 0.9, "task": 0.9}


def tune_rows(path: Path) -> list[dict[str, str]]:
    """The tune rows of `path`; the held-out ones are never kept."""
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.DictReader(f) if row["split"] == "tune"]


def train(rows: Sequence[dict[str, str]]) -> dict[str, Any]:
    """The model, as JSON-ready data, fitted on `rows`."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    # The package's own reader says what the terms of an answer are.
    vectoriser = CountVectorizer(analyzer=lambda text: sorted(terms(text)), min_df=MIN_ANSWERS, binary=True)
    features = vectoriser.fit_transform([row["text"] for row in rows])
    names = vectoriser.get_feature_names_out()
    parts: dict[str, Any] = {}
    for part, threshold in THRESHOLDS.items():
        labels = [int(row[part]) for row in rows]
        fitted = LogisticRegression(C=C, max_iter=10_000).fit(features, labels)
        weights = {str(term): round(float(w), 4) for term, w in zip(names, fitted.coef_[0]) if abs(w) >= MIN_WEIGHT}
        parts[part] = {"threshold": threshold, "intercept": round(float(fitted.intercept_[0]), 4),
                       "weights": dict(sorted(weights.items()))}
    return {
        "about": "The STAR check's word model: made by tools/train_star_model.py from the tune half of "
                 "tests/data/star_cases.csv. Data only; do not edit by hand.",
        "answers": len(rows),
        "features": FEATURES,
        "parts": parts,
    }


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    model = train(tune_rows(args.data))
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    kept = ", ".join(f"{part} {len(fitted['weights'])}" for part, fitted in model["parts"].items())
    print(f"{args.out}: fitted on {model['answers']} tune answers; weights kept: {kept}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
