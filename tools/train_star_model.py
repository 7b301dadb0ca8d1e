"""Train the STAR check's word model from the tune half of the labelled answers.

Run from the repository root (`make star-model` does this):

    .venv/bin/python tools/train_star_model.py [--data CSV] [--out JSON]

The STAR check (`nextround.checks.star`) reads each answer with hand-written rules
first. The rules miss many ways people say what their goal was or set the scene, so
for those two parts a small word model has a say too: a logistic regression over
which words and pairs of words the answer uses, fitted with scikit-learn on the tune
half of `tests/data/star_cases.csv`. The check counts a part as present when the
rules find it, or when the model is at least `THRESHOLD` sure of it.

The held-out rows are dropped as the file is read, before anything else sees them;
`tests/test_star_model.py` checks that the shipped model is what this script makes,
and that changing the held-out rows changes nothing.

The settings were chosen once, on 160 tune answers from the newest blind batch that
no rule or model had been fitted to (ids 1501 to 1819), trained on the other 624
tune answers: binary unigrams and bigrams seen in at least two answers, C = 0.3, the
threshold 0.9 and dropping weights under 0.05. They gave situation 94%, task 94% and
complete 94% on those 160 answers, against 88%, 84% and 82% for the rules alone.
(Those answers were read afterwards and rules written from them too, so the check as
shipped is measured on the held-out half only: benchmarks/check_star.py.) The model
shipped is then fitted on the whole tune half.

The output is data only: the intercept and the weight of each word or pair of words
kept, per part. Reading it needs nothing but the standard library.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "star_cases.csv"
OUT = ROOT / "src" / "nextround" / "checks" / "_star_model.json"

PARTS = ("situation", "task")
C = 0.3
THRESHOLD = 0.9
MIN_WEIGHT = 0.05
MIN_ANSWERS = 2
# scikit-learn's own default: words of two or more letters or digits, lower-cased.
TOKEN_PATTERN = r"(?u)\b\w\w+\b"


def tune_rows(path: Path) -> list[dict[str, str]]:
    """The tune rows of `path`; the held-out ones are never kept."""
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.DictReader(f) if row["split"] == "tune"]


def train(rows: Sequence[dict[str, str]]) -> dict[str, Any]:
    """The model, as JSON-ready data, fitted on `rows`."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [row["text"] for row in rows]
    vectoriser = CountVectorizer(ngram_range=(1, 2), min_df=MIN_ANSWERS, binary=True, lowercase=True,
                                 token_pattern=TOKEN_PATTERN)
    features = vectoriser.fit_transform(texts)
    terms = vectoriser.get_feature_names_out()
    parts: dict[str, Any] = {}
    for part in PARTS:
        labels = [int(row[part]) for row in rows]
        fitted = LogisticRegression(C=C, max_iter=10_000).fit(features, labels)
        weights = {str(term): round(float(w), 4) for term, w in zip(terms, fitted.coef_[0]) if abs(w) >= MIN_WEIGHT}
        parts[part] = {"intercept": round(float(fitted.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}
    return {
        "about": "The STAR check's word model: made by tools/train_star_model.py from the tune half of "
                 "tests/data/star_cases.csv. Data only; do not edit by hand.",
        "answers": len(rows),
        "token_pattern": TOKEN_PATTERN,
        "ngrams": [1, 2],
        "threshold": THRESHOLD,
        "parts": parts,
    }


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    model = train(tune_rows(args.data))
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    kept = ", ".join(f"{part} {len(model['parts'][part]['weights'])}" for part in PARTS)
    print(f"{args.out}: fitted on {model['answers']} tune answers; weights kept: {kept}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
