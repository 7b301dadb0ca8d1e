"""What the batch benchmarks share: writing their fictional CSV, and papermill's run."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from nextround.resources import notebook


def write_rows(path: Path, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Write `rows` as a CSV with a header, as a spreadsheet would export them."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


def run_papermill(rows: list[dict[str, str]], out: Path, *, prepare_only: bool) -> float:
    """papermill's execute_notebook on the shipped template, once per row; seconds taken."""
    import papermill

    template = str(notebook("rejection_workbook"))
    out.mkdir()
    start = time.perf_counter()
    for i, row in enumerate(rows):
        parameters = {**row, "contacts": [c.strip() for c in row["contacts"].split(";")]}
        papermill.execute_notebook(template, str(out / f"{i}.ipynb"), parameters=parameters, cwd=str(out),
                                   prepare_only=prepare_only, progress_bar=False, log_output=False)
    return time.perf_counter() - start


def print_throughput(title: str, count: int, target: float, runs: dict[str, list[float]], digits: int) -> float:
    """Print medians and the throughput ratio of the two runs named in `runs` (papermill first)."""
    import statistics

    (pm_label, pm_runs), (nr_label, nr_runs) = runs.items()
    pm, nr = statistics.median(pm_runs), statistics.median(nr_runs)
    ratio = pm / nr
    width = max(len(pm_label), len(nr_label)) + 1
    print(title)
    for label, median in ((pm_label, pm), (nr_label, nr)):
        print(f"  {label + ':':<{width}} {median:7.{digits}f} s  ({count / median:7.2f} workbooks/s)")
    print(f"  throughput ratio: {ratio:.1f}x (target >= {target:.0f}x) -> {'met' if ratio >= target else 'NOT met'}")
    print(f"  all runs (s): papermill {', '.join(f'{t:.{digits}f}' for t in pm_runs)}; "
          f"nextround {', '.join(f'{t:.{digits}f}' for t in nr_runs)}")
    return ratio
