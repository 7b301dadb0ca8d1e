"""A whole careers class at scale: 100 students against 1,000, every class command.

For each class size this makes a roster, then runs, each as its own process as an
instructor would, `class generate`, `class collect` (one Canvas-style download of
every student's executed workbook, each about 0.5 MB as executed notebooks with their
widget state are), `class report`, `class grades` and `class feedback`. It prints each
command's time and peak memory (the process's resident-set high-water mark), and the
ratio of the 1,000-student figures to the 100-student ones.

The baseline is the 100-student class in the same run: time may grow with the class
(about 10x for ten times the students), memory should not (a ratio near 1: the
download is streamed one member at a time, the course read one student at a time).

Run with `make bench`, or `python benchmarks/bench_class.py [SMALL] [BIG]`.
"""

from __future__ import annotations

import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

SMALL, BIG = 100, 1000
PADDING_BYTES = 500_000  # an executed workbook with its outputs and widget state
COMMANDS = ("generate", "collect", "report", "grades", "feedback")


def run(*args: str) -> tuple[float, float]:
    """Run `nextround ARGS` as the only child of this process: (seconds, peak MiB)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "nextround", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):  # 1: something for the instructor to look at, still a finished run
        raise SystemExit(f"nextround {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    # The largest resident set of any child so far: this process's only child.
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measured(*args: str) -> tuple[float, float]:
    """`run`, in a process of its own, so the peak is this command's alone."""
    here = str(Path(__file__).parent)
    code = (f"import sys, json; sys.path.insert(0, {here!r}); from bench_class import run; "
            f"print(json.dumps(run(*{args!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    seconds, peak = json.loads(out.strip().splitlines()[-1])
    return seconds, peak


def canvas_download(course: Path, out: Path) -> Path:
    """The class's hand-in as Canvas packages it: one flat zip, `sortablename_userid_attachmentid_file`.

    Each workbook as a student hands it in after working through it: a check-in, some
    feedback, scores, and (as JupyterLab saves it) the answers inside the notebook,
    plus outputs and widget state that bring it to about PADDING_BYTES.
    """
    import nextround

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, workbook in enumerate(sorted((course / "release").glob("*/*.ipynb"))):
            answers = nextround.open_answers(workbook)
            answers.add_checkin(3 + n % 7, ready=n % 3 != 0, emotions=["disappointed"])
            answers.update("feedback", text="Another candidate had more experience with SQL.")
            answers.score("preparation", 1 + n % 5)
            nb = json.loads(workbook.read_text(encoding="utf-8"))
            setup = next(c for c in nb["cells"] if "".join(c["source"]).startswith("# Opening your workbook"))
            setup["outputs"] = [{"output_type": "display_data", "metadata": {},
                                 "data": {"application/vnd.nextround.answers+json": answers.data, "text/plain": ""}}]
            nb["cells"][-1]["outputs"] = [{"output_type": "stream", "name": "stdout",
                                           "text": ["x" * 99 + "\n"] * (PADDING_BYTES // 100)}]
            z.writestr(f"student{n}_{1000 + n}_{90000 + n}_reflection.ipynb", json.dumps(nb))
    return out


def one_class(folder: Path, students: int) -> dict[str, tuple[float, float]]:
    folder.mkdir(parents=True)
    roster = folder / "roster.csv"
    with open(roster, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name"])
        writer.writerows([f"s{n:05d}", f"Student {n}"] for n in range(students))
    course = folder / "course"
    figures = {"generate": measured("class", "generate", str(roster), "--dir", str(course), "--seed", "7")}
    download = canvas_download(course, folder / "download.zip")
    figures["collect"] = measured("class", "collect", str(download), "--dir", str(course))
    figures["report"] = measured("class", "report", "--dir", str(course), "-o", str(folder / "class.html"))
    figures["grades"] = measured("class", "grades", "--dir", str(course), "--format", "csv",
                                 "-o", str(folder / "grades.csv"))
    figures["feedback"] = measured("class", "feedback", "--dir", str(course), "-o", str(folder / "feedback"))
    return figures


def main() -> None:
    small, big = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (SMALL, BIG)
    with tempfile.TemporaryDirectory() as tmp:
        results = {n: one_class(Path(tmp) / f"class-{n}", n) for n in (small, big)}
    print(f"bench_class: a class of {small} against {big} students, each command as its own process")
    print(f"  {'command':<10} {'time':>9} {'':>9} {'ratio':>7}   {'peak memory':>11} {'':>9} {'ratio':>6}")
    for command in COMMANDS:
        (t1, m1), (t2, m2) = results[small][command], results[big][command]
        print(f"  {command:<10} {t1:>8.1f}s {t2:>8.1f}s {t2 / t1:>6.1f}x"
              f"   {m1:>9.0f} MiB {m2:>5.0f} MiB {m2 / m1:>5.2f}x")
    print("  (time may grow with the class; memory should not: a memory ratio near 1x is the target)")


if __name__ == "__main__":
    main()
