"""How fast `--execute` runs workbooks in warm kernels, next to papermill run one by one.

Writes a CSV of 20 fictional rejections, then times, alternating:

- papermill: `execute_notebook(template, out, parameters=row)` for every row, one
  after another, each in the fresh kernel papermill starts for it;
- nextround: `nextround.generate(csv, dir, execute=True, jobs=N)`: making the 20
  workbooks, starting N worker processes with a kernel each, and running them all.

Both include every start-up cost. Prints the medians and the throughput ratio; the
target is at least 5x.

Run with `make bench`, or `python benchmarks/bench_execute.py [JOBS]`.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import nextround
from nextround.making.batch import default_jobs
from papermill_baseline import print_throughput, run_papermill, write_rows

WORKBOOKS = 20
REPEATS = 3
TARGET_RATIO = 5.0


def write_csv(path: Path) -> list[dict[str, str]]:
    """20 fictional rejections, each with a contact or two."""
    rows = [{
        "company": f"Example Company {i}",
        "role": ["Data Analyst", "Software Engineer", "Product Designer"][i % 3],
        "interview_date": f"2026-06-{10 + i % 9:02d}",
        "rejected_on": f"2026-06-{20 + i % 9:02d}",
        "stage": "final interview",
        "contacts": "Priya Shah <priya@example.org>; Tom Reid" if i % 2 else "Ana Costa <ana@example.org>",
    } for i in range(WORKBOOKS)]
    return write_rows(path, rows)


def run_nextround(source: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    result = nextround.generate(source, dir=out, execute=True, jobs=jobs, progress=False)
    elapsed = time.perf_counter() - start
    assert result.ok and len(result.made) == WORKBOOKS, [r.line() for r in result.failed]
    return elapsed


def main() -> int:
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else default_jobs()
    logging.getLogger("papermill").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as tmp:
        root = Path(tmp)
        rows = write_csv(root / "applications.csv")
        papermill_s, nextround_s = [], []
        for n in range(REPEATS):
            papermill_s.append(run_papermill(rows, root / f"pm{n}", prepare_only=False))
            nextround_s.append(run_nextround(root / "applications.csv", root / f"nr{n}", jobs))
    print_throughput(
        f"bench_execute: {WORKBOOKS} workbooks executed, median of {REPEATS} runs each, "
        f"{jobs} jobs on {os.cpu_count()} CPUs",
        WORKBOOKS, TARGET_RATIO,
        {"papermill execute_notebook, one by one": papermill_s, "nextround warm kernels (--execute)": nextround_s},
        digits=1,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
