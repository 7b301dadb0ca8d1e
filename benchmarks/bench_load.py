"""How fast `nextround.load` reads a big folder, next to a bare `json.load` loop.

Writes 10,000 synthetic answers files (a realistic mix of untouched, half-done and
finished workbooks, all fictional), then times, in the same run and on the same
warm files: listing the folder and `json.load`-ing every file, against
`nextround.load` on the folder (which also upgrades, checks and builds every
table). Prints the medians and their ratio; the target is within 3x.

Run with `make bench`, or `python benchmarks/bench_load.py [N]`.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from nextround.core.answers import new_document
from nextround.core.labels import RUBRIC
from nextround.journal.tables import load

WORKBOOKS = 10_000
REPEATS = 5
TARGET_RATIO = 3.0

_COMPANIES = ["Acme Analytics", "Borealis Bank", "Cobalt Health", "Dunmore Games", "Elm Street Media",
              "Fernhill Labs", "Granite Insurance", "Harbour Logistics"]
_ROLES = ["Data Analyst", "Product Designer", "Software Engineer", "Marketing Lead", "Operations Manager"]
_PEOPLE = ["Priya Shah", "Tom Reid", "Ana Costa", "Sam Okafor", "Lena Fischer", "Omar Haddad"]
_THEMES = ["experience", "communication", "technical depth", "culture fit", "examples", "salary"]
_EMOTIONS = ["flat", "cross", "embarrassed", "relieved", "hopeful", "tired"]
_WORDS = ("we were impressed by your preparation but another candidate had more direct experience "
          "with stakeholder reporting and the panel wanted clearer examples of results").split()


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."


def synthetic_answers(i: int, rng: random.Random) -> dict:
    """One fictional workbook's answers: untouched, half-done or finished."""
    rejected = date(2025, 1, 1) + timedelta(days=rng.randrange(540))
    day = lambda n: (rejected + timedelta(days=n)).isoformat()  # noqa: E731
    people = rng.sample(_PEOPLE, rng.randint(0, 3))
    doc = new_document(f"wb{i:06d}", {
        "company": rng.choice(_COMPANIES),
        "role": rng.choice(_ROLES),
        "interview_date": day(-rng.randint(2, 14)),
        "rejected_on": rejected.isoformat(),
        "stage": rng.choice(["phone screen", "first interview", "final interview"]),
        "contacts": [{"name": p, "email": f"{p.split()[0].lower()}@example.org"} for p in people],
        "your_name": "Alex Example",
        "careers_page": "",
    })
    doc["saved_at"] = f"{day(1)}T09:00:00+01:00"
    depth = rng.choice(["untouched", "half", "half", "finished"])
    if depth == "untouched":
        return doc
    doc["checkins"] = [
        {"id": f"c{i}-{n}", "at": f"{day(n)}T20:{n:02d}:00+01:00", "mood": rng.randint(1, 10),
         "emotions": rng.sample(_EMOTIONS, 2), "note": _words(rng, 12), "ready": n > 0}
        for n in range(rng.randint(1, 4))
    ]
    fb = doc["feedback"]
    fb.update(requested_on=day(2), request_draft=_words(rng, 80))
    if depth == "finished" or rng.random() < 0.5:
        fb.update(received_on=day(9), given_by=people[0] if people else "HR", via="email",
                  text=_words(rng, 60), takeaways=_words(rng, 25), vague=rng.random() < 0.4,
                  themes=rng.sample(_THEMES, rng.randint(0, 2)))
    doc["reply"] = {"draft": _words(rng, 90), "sent_on": day(3) if depth == "finished" else None}
    dims = list(RUBRIC) if depth == "finished" else rng.sample(list(RUBRIC), 3)
    doc["self_review"] = {
        "scores": {d: rng.randint(1, 5) for d in dims},
        "notes": {d: _words(rng, 10) for d in dims},
        "questions": [{"question": _words(rng, 10), "my_answer": _words(rng, 40),
                       "better_answer": _words(rng, 40)} for _ in range(rng.randint(0, 3))],
    }
    if depth == "finished":
        doc["cv_on_file"].update(status="agreed", asked_on=day(4), answered_on=day(6),
                                 keep_until=(rejected + timedelta(days=190)).isoformat())
    for contact in doc["contacts"]:
        contact.update(thank_you_note=_words(rng, 50), thank_you_sent_on=day(1),
                       linkedin_note=_words(rng, 25), linkedin_request_sent_on=day(4),
                       next_contact_on=day(60),
                       log=[{"id": f"l{i}", "on": day(30), "note": _words(rng, 8)}] if depth == "finished" else [])
    return doc


def write_folder(folder: Path, n: int, seed: int = 5) -> list[Path]:
    """Write `n` synthetic answers files into `folder`; return their paths."""
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"workbook-{i:06d}.answers.json"
        path.write_text(json.dumps(synthetic_answers(i, rng), indent=2, ensure_ascii=False) + "\n", "utf-8")
        paths.append(path)
    return paths


def bare_loop(folder: Path) -> int:
    """List the folder and json.load every answers file: the floor to compare with."""
    count = 0
    for path in sorted(folder.glob("*.answers.json")):
        with open(path, encoding="utf-8") as f:
            json.load(f)
        count += 1
    return count


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else WORKBOOKS
    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as tmp:
        folder = Path(tmp)
        write_folder(folder, n)
        size = sum(p.stat().st_size for p in folder.iterdir()) / n / 1024
        bare_loop(folder)  # warm the file cache, so both loops read the same warm files
        load(folder)
        bare_times, load_times = [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            bare_loop(folder)
            bare_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            journal = load(folder)
            load_times.append(time.perf_counter() - start)
        bare, loaded = statistics.median(bare_times), statistics.median(load_times)
        ratio = loaded / bare
        print(f"bench_load: {n} answers files, {size:.1f} KiB each on average, median of {REPEATS} runs")
        print(f"  json.load loop       {bare:8.3f} s")
        print(f"  nextround.load       {loaded:8.3f} s   ({len(journal.actions)} actions, "
              f"{len(journal.checkins)} check-ins, {len(journal.problems)} problems)")
        print(f"  ratio                {ratio:8.2f}x  (target: within {TARGET_RATIO:g}x, "
              f"{'met' if ratio <= TARGET_RATIO else 'missed'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
