"""How long `nextround new` takes as a whole process, next to `papermill --prepare-only`.

A person runs one command for one rejection, so what they wait for is the whole
process: interpreter start, imports, validation, writing. Times, alternating, as
separate processes from the same virtual environment:

- `papermill --prepare-only TEMPLATE OUT.ipynb -p company ... -p role ...`;
- `nextround new --company ... --role ... --dir DIR` (which also writes the answers file).

Prints the medians and the ratio; the target is at most 0.5x papermill's time.

Run with `make bench`, or `python benchmarks/bench_new_cli.py [REPEATS]`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nextround.resources import notebook

REPEATS = 15
TARGET_RATIO = 0.5
BIN = Path(sys.executable).parent

_DETAILS = {
    "company": "Acme Analytics",
    "role": "Data Analyst",
    "interview_date": "2026-06-10",
    "rejected_on": "2026-06-17",
    "stage": "final interview",
}


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def papermill_command(n: int) -> list[str]:
    command = [str(BIN / "papermill"), "--prepare-only", str(notebook("rejection_workbook")), f"pm-{n}.ipynb"]
    for name, value in _DETAILS.items():
        command += ["-p", name, value]
    return command + ["-p", "contacts", "Priya Shah <priya@example.org>"]


def nextround_command(n: int) -> list[str]:
    command = [str(BIN / "nextround"), "new", "--dir", f"nr-{n}"]
    for name, value in _DETAILS.items():
        command += ["--" + name.replace("_", "-"), value]
    return command + ["--contact", "Priya Shah <priya@example.org>"]


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else REPEATS
    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as tmp:
        cwd = Path(tmp)
        # Untimed: the first run of each fills the OS file cache and writes bytecode.
        timed(papermill_command(-1), cwd)
        timed(nextround_command(-1), cwd)
        papermill_s, nextround_s = [], []
        for n in range(repeats):
            papermill_s.append(timed(papermill_command(n), cwd))
            nextround_s.append(timed(nextround_command(n), cwd))
    pm, nr = statistics.median(papermill_s), statistics.median(nextround_s)
    ratio = nr / pm
    print(f"bench_new_cli: one workbook, whole process, median of {repeats} runs each")
    print(f"  papermill --prepare-only: {pm * 1000:7.0f} ms")
    print(f"  nextround new:            {nr * 1000:7.0f} ms")
    print(f"  time ratio: {ratio:.2f}x of papermill's (target <= {TARGET_RATIO}x) -> "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}")
    print(f"  all runs (ms): papermill {', '.join(f'{t * 1000:.0f}' for t in papermill_s)}; "
          f"nextround {', '.join(f'{t * 1000:.0f}' for t in nextround_s)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
