"""How the feedback, tone and STAR checks' time grows with the length of the text.

The tone check runs live as a person types a reply in a workbook, and a pasted
email thread can be long, so both checks should take time in proportion to the
text; so does the STAR check of each better answer, with its word model. This times
`check_feedback`, `check_tone` and `check_answer` on 10 KB and 100 KB of realistic
text, made by repeating and varying the labelled cases in `tests/data/` (the
feedback cases for the feedback check, the drafts for the tone check, the tune half
of the STAR answers for the STAR check; each case
picked at random, its names changed, its first word sometimes in capitals, joined
as sentences, lines or paragraphs, all fictional). It prints the medians, and the
ratio of the 100 KB time to the 10 KB time: about 10x when the time is linear,
about 100x when it is quadratic. A plain pass of `re.findall(r"\\w+", text)` over
the same texts, in the same run, is the baseline: linear by construction, so its
ratio shows what 10x looks like on this machine today. Then the same texts again as
one long sentence (every ".", "!" and "?" made a comma), as a person might type who
does not stop: the patterns that look to the end of a sentence meet their worst case.

Run with `make bench`, or `python benchmarks/bench_checks.py [KB ...]` for other
sizes (the first two are the pair whose ratio is printed), e.g. `... 10 100 1000`.
"""

from __future__ import annotations

import csv
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nextround.checks import check_answer, check_feedback, check_tone

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SIZES_KB = (10, 100)
REPEATS = 3
BASELINE_REPEATS = 15  # it takes well under a millisecond at 10 KB

_NAMES = ("Priya", "Tom", "Aisha", "Sam", "Lena", "Omar", "Ana", "Rob")
_SEPARATORS = (" ", " ", "\n", "\n\n")


def cases(name: str) -> list[str]:
    """The texts of `name`'s cases; of a set with a held-out half, the tune half only."""
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return [row["text"] for row in csv.DictReader(f) if row.get("split", "tune") == "tune"]


def realistic_text(texts: list[str], size: int, seed: int = 12) -> str:
    """About `size` characters of the labelled cases, repeated and varied."""
    rng = random.Random(seed)
    names = re.compile(r"\b(?:" + "|".join(_NAMES) + r")\b")
    pieces: list[str] = []
    length = 0
    while length < size:
        text = names.sub(lambda _: rng.choice(_NAMES), rng.choice(texts))
        if rng.random() < 0.1:
            first, _, rest = text.partition(" ")
            text = first.upper() + " " + rest
        pieces.append(text + rng.choice(_SEPARATORS))
        length += len(pieces[-1])
    return "".join(pieces)[:size]


def median_time(run: Callable[[str], object], text: str, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def words(text: str) -> object:
    """The baseline: one regular-expression pass over the text."""
    return re.findall(r"\w+", text)


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES_KB)
    if len(sizes) < 2:
        sys.exit("usage: python benchmarks/bench_checks.py [KB KB ...] (at least two sizes)")
    texts = {"feedback": cases("feedback_cases.csv"), "tone": cases("tone_cases.csv"),
             "star": cases("star_cases.csv")}
    runs: list[tuple[str, str, Callable[[str], object], int]] = [
        ("re.findall(r'\\w+') (baseline)", "tone", words, BASELINE_REPEATS),
        ("check_feedback", "feedback", check_feedback, REPEATS),
        ("check_tone", "tone", check_tone, REPEATS),
        ("check_answer (STAR)", "star", check_answer, REPEATS),
    ]
    # compile the rules, load the lexicon and the word model
    check_tone("Warm-up."), check_feedback("Warm-up."), check_answer("Warm-up.")
    print(f"bench_checks: realistic text, median of {REPEATS} runs ({BASELINE_REPEATS} for the baseline)")
    header = "".join(f"{f'{kb} KB':>12}" for kb in sizes)
    print(f"  {'':32}{header}   {sizes[1]} KB / {sizes[0]} KB")
    one_sentence = str.maketrans(".!?", ",,,")
    for title, shape in (("as typed", lambda t: t), ("as one long sentence", lambda t: t.translate(one_sentence))):
        print(f"  {title}:")
        for label, kind, run, repeats in runs:
            found = [median_time(run, shape(realistic_text(texts[kind], kb * 1000)), repeats) for kb in sizes]
            cells = "".join(f"{t * 1000:9.1f} ms" for t in found)
            print(f"    {label:30}{cells}   {found[1] / found[0]:8.1f}x")
    scale = sizes[1] / sizes[0]
    print(f"  (a linear check's ratio is about {scale:g}x; a quadratic one's about {scale ** 2:g}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
