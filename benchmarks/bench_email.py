"""How the rejection-email reader's time grows with the size of the email.

A pasted thread or an email with a long quoted history can be large, and a hostile
one can be made to be, so `read_rejection_email` should take time in proportion to
its input. This times it on 10 KB, 100 KB and 1 MB of each of several shapes of
email: the labelled tune emails' bodies (tests/data/emails/, never the held-out ones)
repeated as one long plain-text email and as HTML; one endless line; a long quoted
history of forwarded headers; hostile HTML that never closes its comments and tags;
and runs of letters and "@" signs, the worst case for address patterns. It prints the
medians and the ratios 100 KB / 10 KB and 1 MB / 100 KB: about 10x when the time is
linear, about 100x when it is quadratic. No test asserts on a time (the tests count
lines run instead).

Run with `make bench`, or `python benchmarks/bench_email.py`.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nextround.core.rejection_email import read_rejection_email
from nextround.errors import NextroundError

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "emails"
SIZES = (10_000, 100_000, 1_000_000)
REPEATS = 3
HEAD = ("From: Jane Doe <jane.doe@contoso.example>\nTo: Sam Taylor <sam@mail.example>\nSubject: Your application\n"
        "Date: Mon, 2 Mar 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/{}; charset=utf-8\n\n")


def tune_bodies() -> str:
    """The text of the tune emails (held-out ones are for measuring accuracy only)."""
    with open(DATA / "labels.csv", newline="", encoding="utf-8") as f:
        files = [row["file"] for row in csv.DictReader(f) if row["split"] == "tune"]
    bodies = []
    for name in files:
        text = (DATA / name).read_text(encoding="utf-8", errors="replace")
        bodies.append(text.split("\n\n", 1)[-1] if name.endswith(".eml") else text)
    return "\n\n".join(bodies)


def _fill(pattern: str, size: int) -> str:
    return (pattern * (size // len(pattern) + 1))[:size]


def shapes() -> dict[str, Callable[[int], str]]:
    bodies = tune_bodies()
    html = "".join(f"<p>{p}</p>" for p in bodies.split("\n\n"))
    return {
        "tune emails, as text": lambda n: HEAD.format("plain") + _fill(bodies, n),
        "tune emails, as HTML": lambda n: HEAD.format("html") + _fill(html, n),
        "one endless line": lambda n: HEAD.format("plain") + _fill("at Contoso with the Data Analyst role ", n),
        "forwarded headers": lambda n: HEAD.format("plain") + _fill(
            "-----Original Message-----\nFrom: A B <a@b.example>\nSent: 2 March 2026\nSubject: x\n\n"
            "Unfortunately no.\n", n),
        "unclosed HTML": lambda n: HEAD.format("html") + _fill("<!-- </ <? <![CDATA[ <td ", n),
        "letters and @": lambda n: HEAD.format("plain") + _fill("a" * 50 + "@", n),
    }


def median_time(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read(text: str) -> object:
    try:
        return read_rejection_email(text)
    except NextroundError:  # too big, or no email: refused, which takes time too
        return None


def main() -> int:
    read(HEAD.format("plain") + "Warm-up.")
    print("Rejection email reader: median seconds, and how the time grows (10x is linear, 100x quadratic)")
    print(f"{'shape':<24}{'10 KB':>9}{'100 KB':>9}{'1 MB':>9}{'x100K/10K':>11}{'x1M/100K':>10}")
    for name, make in shapes().items():
        seconds = []
        for size in SIZES:
            text = make(size)
            seconds.append(median_time(lambda: read(text)))  # noqa: B023 (called before the loop moves on)
        print(f"{name:<24}" + "".join(f"{s:>9.3f}" for s in seconds)
              + f"{seconds[1] / seconds[0]:>10.1f}x{seconds[2] / seconds[1]:>9.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
