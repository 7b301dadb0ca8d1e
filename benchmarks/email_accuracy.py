"""How often the rejection-email reader gets each field right, on the labelled emails.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/email_accuracy.py              # tune and held-out
    PYTHONPATH=src .venv/bin/python benchmarks/email_accuracy.py --tune-only  # while developing
    PYTHONPATH=src .venv/bin/python benchmarks/email_accuracy.py --tune-only --wrong  # which tune emails miss

tests/data/emails/ holds 146 fictional rejection emails written blind, by people who
never saw the reader, and labelled by the rules in its README. Half (`split` ==
"heldout") are never read while the reader is tuned: this prints their accuracy per
field as a whole, never which of them are wrong. The held-out half is shown whole and
by batch: the first batch (001-066), measured several times over the reader's life,
and the new batch (101-180), which no one had tuned on when it was added. `--wrong` lists the wrong tune emails
only, by file name, with the field's expected and found values.

How a value found is compared with the label (the rules, stated once):

- company: case and runs of spaces ignored, a leading "The" ignored, straight and
  curly apostrophes the same, and a legal suffix (Ltd, Limited, plc, LLP, Inc., GmbH,
  AB, ApS, AS, Pvt. Ltd., ...) optional on either side: "Saltmarsh Insurance plc" is
  right for `Saltmarsh Insurance`. Accents and other punctuation must match.
- role: case and runs of spaces ignored; everything else, dashes included, must match
  (an en dash is not a hyphen).
- contact: right when both the name and the address are right. Name: case and runs of
  spaces ignored, accents must match. Address: case ignored. An empty label is right
  only when nothing is found.
- date: the same day (YYYY-MM-DD); an empty label is right only when no date is found.
- stage: the same stage of the vocabulary; the label "unknown" is right when no stage is
  found.
- feedback offered (reported too, not a target): yes or no, the same.

Each field's accuracy is right / emails. `contact_name` and `contact_email` are shown
as well, to see which half of a contact is wrong.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from nextround.core.rejection_email import EmailFacts, read_rejection_email

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "emails"
FIELDS = ("company", "role", "contact", "date", "stage")
EXTRA = ("contact_name", "contact_email", "feedback")
_LEGAL = re.compile(
    r"(?:,?\s+(?:ltd\.?|limited|plc\.?|llp|llc|inc\.?|incorporated|gmbh|ag|ab|aps|a/s|as|asa|oy|bv|nv|sa|sas|"
    r"pvt\.?\s+ltd\.?|pty\.?\s+ltd\.?|private limited|co\.|corp\.?))+\s*$", re.IGNORECASE)

Row = dict[str, str]


def load(splits: Sequence[str]) -> list[Row]:
    """The labelled rows of `splits`, in file order (held-out rows only when asked for)."""
    with open(DATA / "labels.csv", newline="", encoding="utf-8") as f:
        return [row for row in csv.DictReader(f) if row["split"] in splits]


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _company(text: str) -> str:
    text = _plain(text)
    text = re.sub(r"^the\s+", "", text)
    return _LEGAL.sub("", text).strip()


def found_values(facts: EmailFacts) -> dict[str, str]:
    """What the reader found, as the labels write it."""
    day = facts.get("rejected_on")
    return {
        "company": facts.get("company", ""),
        "role": facts.get("role", ""),
        "contact_name": facts.get("contact_name", ""),
        "contact_email": facts.get("contact_email", ""),
        "date": day.isoformat() if day else "",
        "stage": facts.get("stage", "") or "unknown",
        "feedback": "yes" if facts.get("feedback_offered") else "no",
    }


COMPARE: dict[str, Callable[[Row, dict[str, str]], bool]] = {
    "company": lambda row, got: _company(row["company"]) == _company(got["company"]),
    "role": lambda row, got: _plain(row["role"]) == _plain(got["role"]),
    "contact_name": lambda row, got: _plain(row["contact_name"]) == _plain(got["contact_name"]),
    "contact_email": lambda row, got: row["contact_email"].casefold() == got["contact_email"].casefold(),
    "contact": lambda row, got: COMPARE["contact_name"](row, got) and COMPARE["contact_email"](row, got),
    "date": lambda row, got: row["date"] == got["date"],
    "stage": lambda row, got: row["stage"] == got["stage"],
    "feedback": lambda row, got: row["feedback_offered"] == got["feedback"],
}


def score(rows: Sequence[Row]) -> tuple[dict[str, float], list[tuple[str, str, str, str]]]:
    """Accuracy per field on `rows`, and the misses as (file, field, expected, found)."""
    right = dict.fromkeys([*FIELDS, *EXTRA], 0)
    misses = []
    for row in rows:
        got = found_values(read_rejection_email((DATA / row["file"]).read_bytes(), name=row["file"]))
        for field in right:
            if COMPARE[field](row, got):
                right[field] += 1
            else:
                expected = _expected(row, field)
                shown = got.get(field) if field != "contact" else f"{got['contact_name']} <{got['contact_email']}>"
                misses.append((row["file"], field, expected, str(shown)))
    n = max(1, len(rows))
    return {field: count / n for field, count in right.items()}, misses


def _expected(row: Row, field: str) -> str:
    if field == "contact":
        return f"{row['contact_name']} <{row['contact_email']}>"
    return {"feedback": row["feedback_offered"]}.get(field, row.get(field, ""))


#: The columns printed besides the splits: held-out rows of each batch of emails.
BATCHES: dict[str, Callable[[Row], bool]] = {
    "held-out, first batch": lambda row: _number(row) < 100,
    "held-out, new batch, never tuned on": lambda row: _number(row) >= 100,
}


def _number(row: Row) -> int:
    return int(row["file"].split(".")[0])


def main(argv: Sequence[str]) -> int:
    tune_only = "--tune-only" in argv
    splits = ("tune",) if tune_only else ("tune", "heldout")
    results: dict[str, Any] = {}
    for split in splits:
        rows = load((split,))
        results[split] = (len(rows), *score(rows))
        if split == "heldout":
            for batch, belongs in BATCHES.items():
                part = [row for row in rows if belongs(row)]
                results[batch] = (len(part), *score(part))
    print("Rejection emails: per-field accuracy (right / emails)")
    columns = [(name, f"{'held-out' if name == 'heldout' else name} (n={results[name][0]})") for name in results]
    widths = [max(12, len(title)) + 3 for _name, title in columns]
    print(f"{'field':<15}" + "".join(f"{title:>{width}}" for (_name, title), width in zip(columns, widths)))
    for field in (*FIELDS, *EXTRA):
        cells = "".join(f"{results[name][1][field]:>{width}.1%}" for (name, _title), width in zip(columns, widths))
        print(f"{field:<15}{cells}")
    if "--wrong" in argv:
        if not tune_only:
            print("--wrong lists tune emails only: add --tune-only", file=sys.stderr)
            return 2
        for file, field, expected, got in results["tune"][2]:
            print(f"  {file} {field}: expected {expected!r}, found {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
