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
