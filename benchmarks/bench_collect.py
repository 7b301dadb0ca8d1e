"""How much memory `nextround class collect` needs for a big LMS download.

A class's download is one zip of everyone's notebooks. This makes a course and, for
each of two kinds of member, two zips: one of `SMALL` members and one of ten times
as many, every member just under 1 MB of valid JSON that compresses about a
thousandfold (so the zips are small). The two kinds:

- "empty cells": a notebook carrying a student's ids whose cells are all `{}`, as
  in the report that found the problem (the most Python objects per byte);
- "padded workbooks": each student's real class workbook, padded with empty code
  cells, so every member is collected and stored.

It runs `nextround class collect` on each zip as a separate process and prints its
peak memory (the process's resident-set high-water mark) and, per kind, the ratio
of the big zip's peak to the small one's. The baseline is the `SMALL`-member zip:
collecting streams one member at a time, so ten times the members should need about
the same memory, a ratio near 1.

Each run is limited to `LIMIT_GIB` of address space, so a collect that held every
member at once stops there instead of taking the machine down; such a run is
printed as over the limit.

Run with `make bench`, or `python benchmarks/bench_collect.py [SMALL]`.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from nextround.classroom.generate import generate

SMALL = 150
LIMIT_GIB = 8
MEMBER_BYTES = 990_000  # "about 1 MB", just under the size where one member alone looks like a zip bomb
_EMPTY_CELL = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": []}


def make_course(folder: Path, students: int) -> tuple[Path, list[Path]]:
    """A course of `students` fictional students; the workbooks handed out."""
    folder.mkdir(parents=True, exist_ok=True)
    roster = folder / "roster.csv"
    with open(roster, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name"])
        writer.writerows([f"s{n:05d}", f"Student {n}"] for n in range(students))
    course = folder / "course"
    generate(roster, course, assignment_id="bench")
    return course, sorted((course / "release").glob("*/*.ipynb"))


def padded(workbook: Path) -> bytes:
    """A class workbook, as handed in (its answers inside), padded with empty code cells to about MEMBER_BYTES."""
    nb = json.loads(workbook.read_text(encoding="utf-8"))
    # As JupyterLab saves it: the answers in an output, so collect files it (one without is held for review).
    answers = json.loads(workbook.with_name(workbook.stem + ".answers.json").read_text(encoding="utf-8"))
    setup = next(c for c in nb["cells"] if "".join(c["source"]).startswith("# Opening your workbook"))
    setup["outputs"] = [{"output_type": "display_data", "metadata": {},
                         "data": {"application/vnd.nextround.answers+json": answers, "text/plain": ""}}]
    size = len(json.dumps(nb))
    cell = len(json.dumps(_EMPTY_CELL)) + 2
    nb["cells"] += [_EMPTY_CELL] * ((MEMBER_BYTES - size) // cell)
    return json.dumps(nb).encode("utf-8")


def empty_cells(workbook: Path) -> bytes:
    """A notebook with a student's ids and nothing but `{}` cells, about MEMBER_BYTES."""
    meta = json.loads(workbook.read_text(encoding="utf-8"))["metadata"]
    head = json.dumps({"metadata": meta, "nbformat": 4, "nbformat_minor": 5})[:-1]
    cells = (MEMBER_BYTES - len(head)) // 3
    return (head + ', "cells": [' + ",".join(["{}"] * cells) + "]}").encode("utf-8")


KINDS = {"empty cells": empty_cells, "padded workbooks": padded}


def make_zip(path: Path, workbooks: list[Path], member: Callable[[Path], bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for n, workbook in enumerate(workbooks):
            z.writestr(f"Assignment/Student {n}_{1000 + n}_assignsubmission_file_/workbook.ipynb", member(workbook))


def _limit() -> None:
    limit = LIMIT_GIB * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def peak_memory(archive: Path, course: Path) -> tuple[float, float, str]:
    """Collect `archive` into `course` in a fresh process: (peak MiB, seconds, how it ended)."""
    command = [sys.executable, "-m", "nextround", "class", "collect", str(archive), "--dir", str(course)]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=_limit)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage
        process.returncode = code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        ran_out = b"MemoryError" in err.read()
    ended = f"over the {LIMIT_GIB} GiB limit, stopped" if ran_out else f"exit {code}"
    return usage.ru_maxrss / 1024, time.perf_counter() - start, ended


def main() -> int:
    small = int(sys.argv[1]) if len(sys.argv) > 1 else SMALL
    sizes = [small, small * 10]
    print(f"bench_collect: zips of members of {MEMBER_BYTES / 1e6:.2f} MB each, "
          f"peak memory of `nextround class collect`")
    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as tmp:
        folder = Path(tmp)
        for kind, member in KINDS.items():
            peaks = {}
            for n in sizes:
                course, workbooks = make_course(folder / f"{kind}-{n}", sizes[-1])
                archive = folder / f"class-{n}.zip"
                make_zip(archive, workbooks[:n], member)
                mib, seconds, ended = peak_memory(archive, course)
                peaks[n] = mib
                print(f"  {kind:<16} {n:>5} members ({archive.stat().st_size / 1e6:5.1f} MB zip)  "
                      f"{mib:7.0f} MiB  {seconds:6.1f} s  {ended}")
                archive.unlink()
                shutil.rmtree(course.parent)
            ratio = peaks[sizes[1]] / peaks[sizes[0]]
            print(f"  {kind:<16} ratio {sizes[1]} / {sizes[0]} members (baseline: the {sizes[0]}-member zip)  "
                  f"{ratio:5.2f}x  (target: under 1.5x, {'met' if ratio < 1.5 else 'missed'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
