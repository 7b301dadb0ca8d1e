"""A careers class: roster in, workbooks out, a messy LMS download back, a private-safe report."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from conftest import read_json, run_cli
from nextround.api import open_answers
from nextround.classroom import collect, uploads
from nextround.classroom import generate as classroom
from nextround.classroom import summary as class_summary
from nextround.classroom.course import read_course

TODAY = date(2026, 10, 5)
PRIVATE = "PRIVATE-REFLECTION-7f3a"  # must never reach any instructor output
STUDENTS = [(f"s{n:03d}", f"Student Number {n}") for n in range(1, 31)]


def write_roster(path: Path, rows: list[dict[str, str]] | None = None) -> Path:
    rows = rows if rows is not None else [{"student_id": s, "name": n} for s, n in STUDENTS]
    columns = sorted({k for r in rows for k in r}, key=lambda c: ["student_id", "name"].index(c) if c in ("student_id", "name") else 9)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.fixture
def course(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    result = classroom.generate(write_roster(tmp_path / "roster.csv"), course, seed=7,
                                assignment_id="after-the-no", today=TODAY)
    assert result.summary() == "30 made, 0 skipped (already there), 0 failed"
    return course


def fill(course: Path, sid: str, *, mood: int, scores: dict[str, int], themes: list[str], share_feedback: bool = False,
         share_checkins: bool = False) -> Path:
    workbook = next((course / "release" / sid).glob("*.ipynb"))
    a = open_answers(workbook)
    a.add_checkin(mood, ready=True, note=PRIVATE)
    a.update("feedback", text=f"They said {PRIVATE}", themes=themes, takeaways=PRIVATE)
    a.update("reply", draft=PRIVATE, sent_on="2026-10-01")
    for key, value in scores.items():
        a.score(key, value, note=PRIVATE)
    doc = a.data
    a.store.update(lambda d: d.__setitem__("sharing", {**doc["sharing"], "feedback": share_feedback,
                                                       "checkins": share_checkins}))
    return workbook


def test_generate_gives_each_student_a_workbook_with_their_ids(course: Path) -> None:
    info = read_course(course)
    assert [s["student_id"] for s in info["students"]] == [s for s, _ in STUDENTS]
    for student in info["students"]:
        nb = read_json(course / student["workbook"])
        assert nb["metadata"]["nextround"]["student_id"] == student["student_id"]
        assert nb["metadata"]["nextround"]["assignment_id"] == "after-the-no"
        assert student["scenario"] != "own"
    used = {s["scenario"] for s in info["students"]}
    assert len(used) >= 6  # dealt evenly across the shipped scenarios


def test_scenario_assignment_is_reproducible_with_the_seed(tmp_path: Path, course: Path) -> None:
    again = tmp_path / "again"
    classroom.generate(tmp_path / "roster.csv", again, seed=7, assignment_id="after-the-no", today=TODAY)
    other = tmp_path / "other"
    classroom.generate(tmp_path / "roster.csv", other, seed=8, assignment_id="after-the-no", today=TODAY)
    first = [s["scenario"] for s in read_course(course)["students"]]
    assert [s["scenario"] for s in read_course(again)["students"]] == first
    assert [s["scenario"] for s in read_course(other)["students"]] != first


def test_own_rejections_bad_rows_and_reruns(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "r.csv", [
        {"student_id": "a1", "name": "Ann", "company": "Acme Analytics", "role": "Analyst", "rejected_on": "2026-09-01"},
        {"student_id": "b2", "name": "Bo", "company": "", "role": "", "rejected_on": ""},
        {"student_id": "../x", "name": "Evil", "company": "", "role": "", "rejected_on": ""},
        {"student_id": "c3", "name": "Cy", "company": "Acme", "role": "", "rejected_on": ""},
        {"student_id": "a1", "name": "Ann again", "company": "", "role": "", "rejected_on": ""},
    ])
    result = classroom.generate(roster, tmp_path / "c", assignment_id="x", today=TODAY)
    assert result.summary() == "2 made, 0 skipped (already there), 3 failed"
    messages = [str(e) for e in result.failed]
    assert messages[0].startswith(f"{roster}, row 4, student_id: '../x' is not a usable id")
    assert messages[1] == f"{roster}, row 5, role: is required"
    assert messages[2] == f"{roster}, row 6, student_id: 'a1' appears twice in the roster (first in row 2)"
    own = read_json(next((tmp_path / "c/release/a1").glob("*.ipynb")))
    assert own["metadata"]["papermill"]["parameters"]["company"] == "Acme Analytics"
    again = classroom.generate(roster, tmp_path / "c", assignment_id="x", today=TODAY)
    assert again.summary() == "0 made, 2 skipped (already there), 3 failed"


def as_saved_in_lab(workbook: Path, answers: Path) -> str:
    """The notebook as JupyterLab saves it after a Save: carrying its answers in an output."""
    nb = read_json(workbook)
    carrier = {"output_type": "display_data", "metadata": {},
               "data": {"application/vnd.nextround.answers+json": read_json(answers), "text/plain": ""}}
    setup = next(c for c in nb["cells"] if "".join(c["source"]).startswith("# Opening your workbook"))
    setup["outputs"] = [carrier]
    return json.dumps(nb)


def messy_lms_zip(course: Path, tmp_path: Path) -> Path:
    """An LMS download: renamed, nested, prefixed, duplicated, missing, corrupt, hostile."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for n, (sid, name) in enumerate(STUDENTS, 1):
            if n in (29, 30):
                continue  # two students hand in nothing
            workbook = next((course / "release" / sid).glob("*.ipynb"))
            folder = f"Assignment 3/{name}_{1000 + n}_assignsubmission_file_"
            renamed = f"{folder}/my workbook (final){' v2' if n % 5 == 0 else ''}.ipynb"
            answers = workbook.with_name(workbook.stem + ".answers.json")
            z.writestr(renamed, as_saved_in_lab(workbook, answers))
            if n % 4 != 0:  # some hand in only the notebook: its own copy of the answers must do
                z.writestr(f"{folder}/answers.answers.json", answers.read_bytes())
        # student 1 handed in twice: an older attempt with different content
        old = json.loads(next((course / "release/s001").glob("*.answers.json")).read_text())
        old["saved_at"] = "2026-01-01T00:00:00+00:00"
        old["reply"]["draft"] = "an older attempt"
        z.writestr("Assignment 3/Student Number 1_1001_attempt1/older.answers.json", json.dumps(old))
        z.writestr("Assignment 3/Someone/broken.ipynb", "{ this is not json")
        z.writestr("../../escaped.ipynb", next((course / "release/s002").glob("*.ipynb")).read_bytes())
        z.writestr("Assignment 3/stray/not-ours.ipynb", json.dumps({"cells": [], "metadata": {}, "nbformat": 4,
                                                                     "nbformat_minor": 5}))
        evil = {"cells": [{"cell_type": "code", "source": "open('PWNED', 'w').write('x')", "metadata": {},
                           "outputs": [], "execution_count": None}],
                "metadata": {"nextround": {"student_id": "intruder", "assignment_id": "after-the-no"}},
                "nbformat": 4, "nbformat_minor": 5}
        z.writestr("Assignment 3/Intruder/run-me.ipynb", json.dumps(evil))
        z.writestr("__MACOSX/Assignment 3/._junk.ipynb", b"\x00\x05")
    path = tmp_path / "lms-download.zip"
    path.write_bytes(buffer.getvalue())
    return path


def test_collect_a_messy_lms_download_gives_exact_counts(course: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    for n, (sid, _) in enumerate(STUDENTS[:28], 1):
        fill(course, sid, mood=4 + n % 5, scores={"preparation": 2 + n % 3, "rapport": 3}, themes=["experience"],
             share_feedback=n <= 10, share_checkins=n <= 12)
    archive = messy_lms_zip(course, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run_cli("class", "collect", str(archive), "--dir", str(course))
    assert result.returncode == 1  # something needs the instructor's attention
    lines = result.stdout.strip().splitlines()
    # What this run did, then where the course stands (the point of issue 14: a re-run never
    # calls a collected student missing).
    assert lines[-4:] == [
        "This run: 28 collected (28 new, 0 updated), 0 held for review, 1 duplicate set aside, 2 unknown, "
        "1 unreadable, 1 unsafe",
        "missing: s029: nothing handed in",
        "missing: s030: nothing handed in",
        "Course so far: 28 of 30 collected, 0 late, 0 held for review, 2 missing",
    ]
    assert "missing: s029" in result.stdout and "missing: s030" in result.stdout
    assert "escaped.ipynb: its path leads outside" in result.stdout
    assert "broken.ipynb: is not valid JSON" in result.stdout
    assert "'intruder' is not on the roster" in result.stdout
    assert not (tmp_path / "PWNED").exists() and not (course / "PWNED").exists()
    assert not (tmp_path.parent / "escaped.ipynb").exists()
    assert PRIVATE not in result.stdout + result.stderr
    assert len(list((course / "submitted").iterdir())) == 28
    kept = read_json(course / "submitted/s001/s001.answers.json")
    assert kept["reply"]["draft"] == PRIVATE  # the newest copy, not the older attempt
    only_notebook = read_json(course / "submitted/s004/s004.answers.json")  # from the notebook's own copy
    assert only_notebook["checkins"][0]["note"] == PRIVATE
    assert list((course / "duplicates/s001").iterdir())


def test_class_outputs_hold_no_private_answers_and_no_small_groups(course: Path, tmp_path: Path) -> None:
    for n, (sid, _) in enumerate(STUDENTS[:28], 1):
        fill(course, sid, mood=4 + n % 5, scores={"preparation": 2 + n % 3, "rapport": 3},
             themes=["experience"] if n <= 10 else ["communication"] if n <= 12 else [], share_feedback=n <= 15,
             share_checkins=n <= 4)
    collect.collect([course / "release"], [s for s, _ in STUDENTS], "after-the-no", course)
    summary = class_summary.summarise(course)
    assert summary.handed_in == 30 and summary.progress_shared == 30
    # 2 untouched: withheld, and so is "done", or the total of 30 would give the 2 away
    assert summary.step_completion[2] == {"done": None, "started": 0, "todo": None}
    # everyone scored 3: a spread of one answer would say what each of them scored
    assert summary.rubric["rapport"] == {"n": 28, "mean": 3.0, "distribution": None}
    # preparation: 2, 3 or 4 (9 to 10 students each): a spread with no small cell is shown
    assert summary.rubric["preparation"]["distribution"] == {1: 0, 2: 9, 3: 10, 4: 9, 5: 0}
    assert summary.themes == [("experience", 10)]  # communication: only 2 heard it, so withheld
    assert summary.checkins_shared == 4
    progress = tmp_path / "progress.csv"
    assert run_cli("class", "progress", "--dir", str(course), "-o", str(progress)).returncode == 0
    rows = list(csv.DictReader(progress.open(encoding="utf-8")))
    assert len(rows) == 30 and rows[0]["step_2"] == "done" and rows[29]["step_2"] == "todo"
    report = tmp_path / "class.html"
    made = run_cli("class", "report", "--dir", str(course), "-o", str(report))
    assert made.returncode == 0, made.stderr
    html = report.read_text(encoding="utf-8")
    assert PRIVATE not in progress.read_text(encoding="utf-8")  # names and ids are fine there: it is for marks
    for text in [PRIVATE, "Student Number", "s001", "s017", "Assignment"]:
        assert text not in html
    assert "<script src=\"http" not in html


def test_a_broken_hand_in_is_unreadable_not_missing_and_its_words_stay_private(course: Path, tmp_path: Path) -> None:
    answers = json.loads(next((course / "release/s003").glob("*.answers.json")).read_text())
    answers["checkins"] = [{"at": "2026-10-01T10:00:00+01:00", "mood": 2, "emotions": PRIVATE}]  # not a list
    hand_in = tmp_path / "hand-ins"
    hand_in.mkdir()
    (hand_in / "s003.answers.json").write_text(json.dumps(answers))
    result = run_cli("class", "collect", str(hand_in), "--dir", str(course))
    assert "unreadable:" in result.stdout and "(student s003)" in result.stdout
    assert "checkins/0/emotions: should be an array" in result.stdout
    assert "missing: s003" not in result.stdout
    assert PRIVATE not in result.stdout + result.stderr


def test_collecting_an_older_download_again_never_replaces_a_newer_hand_in(course: Path, tmp_path: Path) -> None:
    workbook = next((course / "release/s005").glob("*.ipynb"))
    a = open_answers(workbook)
    a.update("reply", draft="first attempt")
    old = tmp_path / "old"
    old.mkdir()
    (old / "x.answers.json").write_bytes(a.store.path.read_bytes())
    a.update("reply", draft="final attempt")
    roster = [s for s, _ in STUDENTS]
    collect.collect([a.store.path], roster, "after-the-no", course)
    collect.collect([old], roster, "after-the-no", course)  # the old download, collected again
    assert read_json(course / "submitted/s005/s005.answers.json")["reply"]["draft"] == "final attempt"
    kept = [json.loads(p.read_text())["reply"]["draft"] for p in (course / "duplicates/s005").iterdir()]
    assert kept == ["first attempt"]
    collect.collect([old], roster, "after-the-no", course)  # and again: nothing doubles, nothing is lost
    assert len(list((course / "duplicates/s005").iterdir())) == 1


def test_a_spread_that_would_reveal_a_small_group_is_not_shown() -> None:
    spread = class_summary.suppress_small({3: 3, 5: 1})
    assert spread == {3: None, 5: None}  # one withheld reveals itself through the total: both go


def test_a_zip_bomb_and_an_oversized_member_are_skipped_and_reported(course: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("huge.ipynb", b" " * (60 * 1024 * 1024))  # compresses about a thousandfold
        z.writestr("ok/other.ipynb", next((course / "release/s001").glob("*.ipynb")).read_bytes())
    items, unreadable, unsafe = uploads.find([bomb])
    assert [i.student_id for i in items] == ["s001"]
    assert [p.source for p in unreadable + unsafe] == [f"{bomb} › huge.ipynb"]
