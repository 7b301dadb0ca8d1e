"""How fast `nextround.generate` makes workbooks from a CSV, next to papermill's prepare_only.

Writes a CSV of 1,000 fictional rejections, then times, in the same run and
alternating so that other load on the machine falls on both alike:

- papermill: `execute_notebook(template, out, parameters=row, prepare_only=True)`
  for every row (the rows already parsed, which papermill cannot do itself);
- nextround: `nextround.generate(csv, dir)`: reading the CSV, validating every
  row, naming, and writing each workbook *and* its answers file.

Prints the medians and the throughput ratio; the target is at least 2x.

Run with `make bench`, or `python benchmarks/bench_generate.py [ROWS]`.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

import nextround
from papermill_baseline import print_throughput, run_papermill, write_rows

ROWS = 1_000
REPEATS = 3
TARGET_RATIO = 2.0

_COMPANIES = ["Acme Analytics", "Borealis Bank", "Cobalt Health", "Dunmore Games", "Société Générale d'Exemple"]
_ROLES = ["Data Analyst", "Product Designer", "Software Engineer", "Marketing Lead"]
_PEOPLE = ["Priya Shah <priya@example.org>", "Tom Reid", "Ana Costa <ana@example.org>"]


def write_csv(path: Path, rows: int) -> list[dict[str, str]]:
    """A tracker export of `rows` fictional rejections (each name distinct); returns the rows."""
    records = []
    for i in range(rows):
        records.append({
            "company": f"{_COMPANIES[i % len(_COMPANIES)]} {i}",
            "role": _ROLES[i % len(_ROLES)],
            "interview_date": f"2026-0{1 + i % 9}-1{i % 9}",
            "rejected_on": f"2026-0{1 + i % 9}-2{i % 9}",
            "stage": "final interview",
            "contacts": "; ".join(_PEOPLE[: 1 + i % 3]),
            "your_name": "Alex Example",
            "careers_page": "https://careers.example.org/jobs",
        })
    return write_rows(path, records)


def run_nextround(source: Path, out: Path, rows: int) -> float:
    start = time.perf_counter()
    result = nextround.generate(source, dir=out, progress=False)
    elapsed = time.perf_counter() - start
    assert result.ok and len(result.made) == rows, result.summary()
    return elapsed


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    logging.getLogger("papermill").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as tmp:
        root = Path(tmp)
        rows = write_csv(root / "applications.csv", count)
        # One small untimed round each, so imports and first-use caches are not measured.
        write_csv(root / "warm.csv", 5)
        run_papermill(rows[:5], root / "warm-pm", prepare_only=True)
        run_nextround(root / "warm.csv", root / "warm-nr", 5)
        papermill_s, nextround_s = [], []
        for n in range(REPEATS):
            papermill_s.append(run_papermill(rows, root / f"pm{n}", prepare_only=True))
            nextround_s.append(run_nextround(root / "applications.csv", root / f"nr{n}", count))
    print_throughput(
        f"bench_generate: {count} rows, median of {REPEATS} runs each",
        count, TARGET_RATIO,
        {"papermill execute_notebook(prepare_only=True)": papermill_s, "nextround.generate": nextround_s},
        digits=2,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
