"""How long `nextround report` takes on 1,000 workbooks.

Writes 1,000 synthetic answers files (the same fictional mix as bench_load.py) and
times `write_report` on them: a fresh kernel, the dashboard's cells, and the HTML
export. For scale it also times the report of an empty folder, which is the fixed
cost of starting a kernel and exporting, whatever the folder holds. Prints medians.

Run with `make bench`, or `python benchmarks/bench_report.py [N]`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_load import write_folder
from nextround.journal.report import write_report

WORKBOOKS = 1_000
REPEATS = 3


def _median_seconds(folder: Path, output: Path) -> tuple[float, int]:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        write_report(folder, output)
        times.append(time.perf_counter() - start)
    return statistics.median(times), output.stat().st_size


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else WORKBOOKS
    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as tmp:
        root = Path(tmp)
        full, empty = root / "workbooks", root / "empty"
        full.mkdir()
        empty.mkdir()
        write_folder(full, n)
        write_report(empty, root / "warm-up.html")  # first kernel start pays for cold imports
        base, _ = _median_seconds(empty, root / "empty.html")
        total, size = _median_seconds(full, root / "report.html")
        print(f"bench_report: median of {REPEATS} runs")
        print(f"  {'report, empty folder':<26}{base:7.2f} s   (kernel start and HTML export)")
        print(f"  {f'report, {n} workbooks':<26}{total:7.2f} s   ({size / 1024:.0f} KiB of HTML)")
        print(f"  {'ratio':<26}{total / base:7.2f}x  (the workbooks add {total - base:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
