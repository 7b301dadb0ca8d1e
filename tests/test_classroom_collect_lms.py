"""`class collect` that knows the LMS: downloads as Canvas, Moodle, Blackboard, Brightspace and GitHub Classroom pack them.

Each test builds a download the way its LMS lays one out (docs/lms.md, "Collecting",
says where each layout comes from), collects it with the real command, and checks
what was collected, every line printed and the course file. The roster's LMS ids are
kept in each student's record as `class generate` keeps them from an LMS export
(an `lms` object: Canvas's user id and sortable name, Moodle's participant number).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import read_json, run_cli
from nextround.classroom import collect
from nextround.classroom import generate as classroom
from nextround.classroom.course import CourseDirectory
from nextround.classroom.layouts import Claim, StudentIndex, claim_of
from nextround.classroom.times import blackboard_time, brightspace_time, due_instant, instant

ASSIGNMENT = "after-the-no"
PRIVATE = "PRIVATE-WORDS-2d7e"  # a student's own words: never in any line we print
# id, name, Canvas user id, Moodle participant, username
STUDENTS = [
    ("s01", "Chloé Dubois", "1001", "11", "cdubois"),
    ("s02", "Ann Example", "1002", "12", "aexample"),
    ("s03", "Bo Example", "1003", "13", "bexample"),
    ("s04", "Cy Example", "1004", "14", "cexample"),
    ("s05", "Di Example", "1005", "15", "dexample"),
    ("s06", "Ed Example", "1006", "16", "eexample"),
]
ROSTER = [s[0] for s in STUDENTS]
DUE = "2026-10-09"


@pytest.fixture(scope="module")
def handed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course of six, its roster from an LMS (made once, copied per test)."""
    folder = tmp_path_factory.mktemp("lms")
    with open(folder / "roster.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name"])
        writer.writerows((sid, name) for sid, name, *_ in STUDENTS)
    course = folder / "course"
    assert not classroom.generate(folder / "roster.csv", course, seed=5, assignment_id=ASSIGNMENT,
                                  today=date(2026, 10, 1)).failed
    layout = CourseDirectory(course)
    doc = layout.read()
    doc["due"] = DUE
    for record, (_, name, canvas, participant, login) in zip(doc["students"], STUDENTS):
        last, first = name.split(" ")[-1], " ".join(name.split(" ")[:-1])
        record["lms"] = {"kind": "canvas", "student": f"{last}, {first}", "canvas_id": canvas,
                         "sis_login_id": login, "participant": participant}
    layout.write(doc)
    return course


@pytest.fixture
def course(handed_out: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(handed_out, tmp_path / "course"))


def released(course: Path, sid: str) -> Path:
    return next((course / "release" / sid).glob("*.ipynb"))


def answers_of(course: Path, sid: str, saved_at: str, draft: str = "") -> dict[str, Any]:
    """A student's answers, as saved at `saved_at`."""
    doc = read_json(released(course, sid).with_suffix("").with_suffix(".answers.json"))
    doc["saved_at"] = saved_at
    doc["reply"]["draft"] = draft or f"{PRIVATE} {sid}"
    return doc


def notebook_of(course: Path, sid: str, answers: dict[str, Any] | None, *, our_metadata: bool = True) -> bytes:
    """A student's workbook as saved in JupyterLab, carrying `answers` (None: its outputs cleared).

    Without our metadata, as another app saves it: only the kernel's is left.
    """
    nb = read_json(released(course, sid))
    if answers is not None:
        setup = next(c for c in nb["cells"] if "".join(c["source"]).startswith("# Opening your workbook"))
        setup["outputs"] = [{"output_type": "display_data", "metadata": {},
                             "data": {"application/vnd.nextround.answers+json": answers, "text/plain": ""}}]
    if not our_metadata:
        nb["metadata"] = {k: v for k, v in nb["metadata"].items() if k in ("kernelspec", "language_info")}
    return json.dumps(nb).encode()


def make_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def collect_cli(course: Path, *sources: Path) -> tuple[list[str], subprocess.CompletedProcess]:
    result = run_cli("class", "collect", *map(str, sources), "--dir", str(course))
    assert "Traceback" not in result.stderr and not result.stderr, result.stderr
    assert PRIVATE not in result.stdout
    return result.stdout.splitlines(), result


def records(course: Path) -> dict[str, dict[str, Any]]:
    """What collect recorded of each student in the course file."""
    return {s["student_id"]: {k: s.get(k) for k in ("submitted_at", "late", "held_for_review")}
            for s in read_json(course / "course.json")["students"]}


def draft(course: Path, sid: str) -> str:
    return read_json(course / f"submitted/{sid}/{sid}.answers.json")["reply"]["draft"]


def held_names(course: Path, sid: str) -> list[str]:
    return sorted(p.relative_to(course / "held").as_posix() for p in (course / "held" / sid).glob("*.ipynb"))


NONE = {"submitted_at": None, "late": False, "held_for_review": []}


# --- Canvas ---------------------------------------------------------------------------------


def test_a_canvas_download_late_marks_a_forged_upload_and_an_html_export(course: Path, tmp_path: Path) -> None:
    s05 = answers_of(course, "s05", "2026-10-08T09:00:00+01:00")
    forged = answers_of(course, "s05", "2026-10-09T08:00:00+01:00", draft="a later copy, handed in by s04")
    archive = make_zip(tmp_path / "CAREERS101-after-the-no submissions.zip", {
        "duboischloé_1001_90001_My reflection.ipynb": notebook_of(
            course, "s01", answers_of(course, "s01", "2026-10-08T21:15:00+02:00")),
        "exampleann_LATE_1002_90002_after-the-no-s02.ipynb": notebook_of(
            course, "s02", answers_of(course, "s02", "2026-10-10T09:00:00+00:00")),
        "examplebo_1003_90003_reflection.html": "<html><body>exported</body></html>",
        # s04 hands in a copy of s05's workbook, saved later than s05's own.
        "examplecy_1004_90004_workbook.ipynb": notebook_of(course, "s05", forged),
        "exampledi_1005_90005_reflection.ipynb": notebook_of(course, "s05", s05),
    })
    lines, result = collect_cli(course, archive)

    forged_name = held_names(course, "s04")[0]
    assert lines == [
        f"held: {archive} › examplecy_1004_90004_workbook.ipynb: Canvas says s04 handed it in, but it carries the "
        f"ids of s05; held for review as held/{forged_name}",
        f"not a workbook: {archive} › examplebo_1003_90003_reflection.html: an HTML page (a notebook exported by "
        "mistake?), not a notebook (student s03); ask them for their .ipynb",
        "collected: s01",
        "collected: s02 (late)",
        "collected: s05",
        "This run: 3 collected (3 new, 0 updated), 1 held for review, 0 duplicates set aside, 0 unknown, "
        "0 unreadable, 0 unsafe, 1 not a workbook",
        f"held for review: held/{forged_name} (s04): Canvas says s04 handed it in, but it carries the ids of s05",
        f"To file a held file: nextround class assign --dir {course} held/<file> STUDENT_ID",
        "missing: s06: nothing handed in",
        "Course so far: 3 of 6 collected, 1 late, 1 held for review, 1 missing, "
        "1 handed in nothing that could be collected",
    ]
    assert result.returncode == 1
    # The forged copy, later as it is, never replaces s05's own work.
    assert draft(course, "s05") == f"{PRIVATE} s05"
    assert not (course / "submitted/s04").exists()
    assert (course / "held" / forged_name).read_bytes() == notebook_of(course, "s05", forged)
    note_file = course / "held" / forged_name.replace(".ipynb", ".held.json")
    assert PRIVATE not in note_file.read_text(encoding="utf-8")  # why it is held, never what it says
    note = read_json(note_file)
    assert {k: note[k] for k in ("student_id", "why", "lms", "uploaded_by", "carries", "settled")} == {
        "student_id": "s04", "why": "identity", "lms": "Canvas", "uploaded_by": "s04", "carries": "s05",
        "settled": None}
    # Canvas gives no time: the answers' own save time, as an instant in UTC. Its LATE
    # mark is its own judgement (s01 saved on time by the due date too).
    assert records(course) == {
        "s01": {"submitted_at": "2026-10-08T19:15:00Z", "late": False, "held_for_review": []},
        "s02": {"submitted_at": "2026-10-10T09:00:00Z", "late": True, "held_for_review": []},
        "s03": NONE,
        "s04": {"submitted_at": None, "late": False, "held_for_review": [forged_name]},
        "s05": {"submitted_at": "2026-10-08T08:00:00Z", "late": False, "held_for_review": []},
        "s06": NONE,
    }


def test_a_held_file_is_settled_by_hand_and_not_held_again(course: Path, tmp_path: Path) -> None:
    forged = answers_of(course, "s05", "2026-10-09T08:00:00+01:00", draft="s05's words, handed in by s04")
    archive = make_zip(tmp_path / "submissions.zip", {
        "examplecy_1004_90004_workbook.ipynb": notebook_of(course, "s05", forged)})
    collect_cli(course, archive)
    name = held_names(course, "s04")[0]

    # The instructor checks with s05: it is theirs, handed in through the wrong account.
    filed = run_cli("class", "assign", "--dir", str(course), f"held/{name}", "s05")
    assert filed.returncode == 0 and not filed.stderr, filed.stderr
    assert filed.stdout.splitlines() == [
        f"assigned: held/{name} to s05 (handed in 2026-10-09T07:00:00Z)",
        f"settled: held/{name}: filed as s05's",
        "Course so far: 1 of 6 collected, 0 late, 0 held for review, 5 missing",
    ]
    assert draft(course, "s05") == "s05's words, handed in by s04"
    assert read_json(course / "submitted/s05/s05.ipynb")["metadata"]["nextround"]["student_id"] == "s05"
    assert records(course)["s04"] == NONE and records(course)["s05"]["held_for_review"] == []
    # The same download again: settled stays settled.
    lines, result = collect_cli(course, archive)
    assert lines[-1] == "Course so far: 1 of 6 collected, 0 late, 0 held for review, 5 missing"
    assert result.returncode == 0 and not any(line.startswith("held") for line in lines)


def test_anonymous_canvas_grading_is_known_by_the_ids_inside(course: Path, tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "submissions.zip", {
        "anon_Xy7Qz_90010_workbook.ipynb": notebook_of(course, "s03", answers_of(course, "s03", "2026-10-08T10:00Z")),
        "LATE_anon_Pq2Rs_90011_workbook.ipynb": notebook_of(
            course, "s04", answers_of(course, "s04", "2026-10-08T10:00Z")),
    })
    lines, _ = collect_cli(course, archive)
    assert lines[:2] == ["collected: s03", "collected: s04 (late)"]
    assert records(course)["s04"] == {"submitted_at": "2026-10-08T10:00:00Z", "late": True, "held_for_review": []}


# --- Moodle ---------------------------------------------------------------------------------


def test_a_moodle_download_in_folders_flat_and_under_blind_marking(course: Path, tmp_path: Path) -> None:
    s02 = answers_of(course, "s02", "2026-10-08T12:00:00+01:00")
    archive = make_zip(tmp_path / "CAREERS101-After the no-4321.zip", {
        # Folders (the default since Moodle 3.1), and the older folder name ending in "_".
        "Chloé Dubois_11_assignsubmission_file/My workbook.ipynb": notebook_of(
            course, "s01", answers_of(course, "s01", "2026-10-08T12:00:00+01:00")),
        "Ann Example_12_assignsubmission_file_/work/after-the-no-s02.ipynb": notebook_of(course, "s02", None),
        "Ann Example_12_assignsubmission_file_/work/after-the-no-s02.answers.json": json.dumps(s02),
        # Flat.
        "Bo Example_13_assignsubmission_file_wb.ipynb": notebook_of(
            course, "s03", answers_of(course, "s03", "2026-10-09T23:30:00+01:00")),
        # Blind marking: no name, the participant number only.
        "Participant_14_assignsubmission_file/wb.ipynb": notebook_of(
            course, "s05", answers_of(course, "s05", "2026-10-08T12:00Z")),
        # Online text, where a file was wanted.
        "Di Example_15_assignsubmission_onlinetext/onlinetext.html": "<p>my notes</p>",
    })
    lines, result = collect_cli(course, archive)
    name = held_names(course, "s04")[0]
    assert lines == [
        f"held: {archive} › Participant_14_assignsubmission_file/wb.ipynb: Moodle says s04 handed it in, but it "
        f"carries the ids of s05; held for review as held/{name}",
        f"not a workbook: {archive} › Di Example_15_assignsubmission_onlinetext/onlinetext.html: text typed into "
        "Moodle, not a notebook (student s05); ask them for their .ipynb",
        "collected: s01",
        "collected: s02",
        "collected: s03",
        "This run: 3 collected (3 new, 0 updated), 1 held for review, 0 duplicates set aside, 0 unknown, "
        "0 unreadable, 0 unsafe, 1 not a workbook",
        f"held for review: held/{name} (s04): Moodle says s04 handed it in, but it carries the ids of s05",
        f"To file a held file: nextround class assign --dir {course} held/<file> STUDENT_ID",
        "missing: s06: nothing handed in",
        "Course so far: 3 of 6 collected, 0 late, 1 held for review, 1 missing, "
        "1 handed in nothing that could be collected",
    ]
    assert result.returncode == 1
    assert draft(course, "s02") == f"{PRIVATE} s02"  # from the answers file beside a cleared notebook
    # 23:30 in London on the due date is 22:30 UTC: on time (a due date runs to its end, UTC).
    assert records(course)["s03"] == {"submitted_at": "2026-10-09T22:30:00Z", "late": False, "held_for_review": []}


# --- Blackboard ------------------------------------------------------------------------------


def receipt(name: str, login: str, when: str, file: str) -> str:
    return (f"Name: {name} ({login})\nAssignment: After the no\nDate Submitted: {when}\nCurrent Grade: \n\n"
            f"Submission Field:\nThere is no student submission text data for this assignment.\n\nComments:\n"
            f"There are no student comments for this assignment.\n\nFiles:\n\tOriginal filename: {file}\n"
            f"\tFilename: After the no_{login}_attempt_{when}_{file}\n")


def test_blackboard_attempts_in_two_time_zones_the_later_instant_wins(course: Path, tmp_path: Path) -> None:
    # s01 saved their first attempt at 14:30 in Kolkata (09:00 UTC) and their second at
    # 10:00 in London in winter (10:00 UTC): as text "14:30" sorts after "10:00".
    first = answers_of(course, "s01", "2026-10-08T14:30:00+05:30", draft="first attempt")
    second = answers_of(course, "s01", "2026-10-08T10:00:00+00:00", draft="second attempt")
    members: dict[str, bytes | str] = {}
    for stamp, answers in (("2026-10-08-09-05-00", first), ("2026-10-08-10-05-00", second)):
        members[f"After the no_cdubois_attempt_{stamp}_reflection.ipynb"] = notebook_of(course, "s01", answers)
        members[f"After the no_cdubois_attempt_{stamp}.txt"] = receipt("Chloé Dubois", "cdubois", stamp,
                                                                       "reflection.ipynb")
    late = "2026-10-10-08-00-00"  # after the due date's end
    members[f"After the no_aexample_attempt_{late}_after-the-no-s02.answers.json"] = json.dumps(
        answers_of(course, "s02", "2026-10-09T20:00:00+00:00"))
    members[f"After the no_aexample_attempt_{late}.txt"] = receipt("Ann Example", "aexample", late, "x.answers.json")
    archive = make_zip(tmp_path / "gradebook_CAREERS101_After20the20no_2026-10-10-09-00-00.zip", members)
    lines, result = collect_cli(course, archive)

    older = f"{archive} › After the no_cdubois_attempt_2026-10-08-09-05-00_reflection.ipynb"
    assert lines[:4] == [
        f"duplicate: {older}: an older copy for s01; set aside",
        "collected: s01",
        "collected: s02 (late)",
        "This run: 2 collected (2 new, 0 updated), 0 held for review, 1 duplicate set aside, 0 unknown, "
        "0 unreadable, 0 unsafe",
    ]
    assert result.returncode == 0  # the receipts are Blackboard's own, not hand-ins
    assert draft(course, "s01") == "second attempt"
    assert [p.read_bytes() for p in (course / "duplicates/s01").iterdir()] == [notebook_of(course, "s01", first)]
    # The attempt's time is Blackboard's (its server's clock, taken as UTC); lateness, against the due date.
    assert records(course)["s01"] == {"submitted_at": "2026-10-08T10:05:00Z", "late": False, "held_for_review": []}
    assert records(course)["s02"] == {"submitted_at": "2026-10-10T08:00:00Z", "late": True, "held_for_review": []}


def test_newest_answers_are_chosen_by_instant_not_by_text(course: Path, tmp_path: Path) -> None:
    """Before issue 14, saved_at was compared as text: 14:30+05:30 beat a later 10:00+00:00."""
    folder = tmp_path / "hand-ins"
    folder.mkdir()
    (folder / "a.answers.json").write_text(json.dumps(answers_of(course, "s03", "2026-10-08T14:30:00+05:30", "old")))
    (folder / "b.answers.json").write_text(json.dumps(answers_of(course, "s03", "2026-10-08T10:00:00Z", "new")))
    collect.collect([folder], ROSTER, ASSIGNMENT, course)
    assert draft(course, "s03") == "new"
    # And across runs: the older copy, collected again later, does not replace the newer.
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(folder / "a.answers.json", again)
    result = collect.collect([again], ROSTER, ASSIGNMENT, course)
    assert draft(course, "s03") == "new" and result.changes == {"s03": "older"}


# --- Brightspace -------------------------------------------------------------------------------


def test_a_brightspace_download_every_attempt_its_dates_and_index(course: Path, tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "After the no Download Oct 10, 2026 915 AM.zip", {
        "index.html": "<html><body><table><tr><td>Chloé Dubois</td></tr></table></body></html>",
        "151234-905001 - Chloé Dubois - Oct 8, 2026 926 PM - reflection.ipynb": notebook_of(
            course, "s01", answers_of(course, "s01", "2026-10-08T21:20:00Z", "first")),
        "151235-905001 - Chloé Dubois - Oct 10, 2026 1142 AM - reflection.ipynb": notebook_of(
            course, "s01", answers_of(course, "s01", "2026-10-10T11:40:00Z", "second")),
        # The per-folder variant.
        "151240-905002 - Ann Example - Oct 9, 2026 1205 PM/after-the-no-s02.ipynb": notebook_of(
            course, "s02", answers_of(course, "s02", "2026-10-09T12:00:00+01:00")),
    })
    lines, _ = collect_cli(course, archive)
    assert lines[:4] == [
        f"duplicate: {archive} › 151234-905001 - Chloé Dubois - Oct 8, 2026 926 PM - reflection.ipynb: an older "
        "copy for s01; set aside",
        "collected: s01 (late)",
        "collected: s02",
        "This run: 2 collected (2 new, 0 updated), 0 held for review, 1 duplicate set aside, 0 unknown, "
        "0 unreadable, 0 unsafe",
    ]
    assert draft(course, "s01") == "second"
    assert records(course)["s01"] == {"submitted_at": "2026-10-10T11:42:00Z", "late": True, "held_for_review": []}
    assert records(course)["s02"] == {"submitted_at": "2026-10-09T12:05:00Z", "late": False, "held_for_review": []}


# --- plain folders: GitHub Classroom and Google Drive ------------------------------------------


def test_github_classroom_clones_and_a_split_drive_download(course: Path, tmp_path: Path) -> None:
    clones = tmp_path / "after-the-no-submissions"
    for login, owner in (("cdubois", "s01"), ("aexample", "s03")):
        repo = clones / f"after-the-no-{login}"
        (repo / ".git" / "objects").mkdir(parents=True)
        (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
        (repo / ".git" / "objects" / "stale.ipynb").write_text("not ours")  # git's own files are never read
        (repo / "README.md").write_text("# After the no\n")
        (repo / "workbook.ipynb").write_bytes(notebook_of(course, owner, answers_of(course, owner, "2026-10-08T10:00Z")))
    # Google Drive splits a big folder download into zips that each stand alone.
    drive = [make_zip(tmp_path / f"Reflections-20261010T090000Z-00{n}.zip", {
        f"Reflections/{sid}.answers.json": json.dumps(answers_of(course, sid, "2026-10-08T10:00Z"))})
        for n, sid in ((1, "s04"), (2, "s05"))]
    lines, _ = collect_cli(course, clones, *drive)
    name = held_names(course, "s02")[0]
    assert lines[:5] == [
        f"held: {clones / 'after-the-no-aexample' / 'workbook.ipynb'}: GitHub Classroom says s02 handed it in, "
        f"but it carries the ids of s03; held for review as held/{name}",
        "collected: s01",
        "collected: s04",
        "collected: s05",
        "This run: 3 collected (3 new, 0 updated), 1 held for review, 0 duplicates set aside, 0 unknown, "
        "0 unreadable, 0 unsafe",
    ]


# --- notebooks with nothing, or nobody, inside ---------------------------------------------------


def test_an_outputs_cleared_notebook_is_held_until_its_answers_arrive(course: Path, tmp_path: Path) -> None:
    first = make_zip(tmp_path / "first.zip", {
        "Ed Example_16_assignsubmission_file/after-the-no-s06.ipynb": notebook_of(course, "s06", None)})
    lines, result = collect_cli(course, first)
    name = held_names(course, "s06")[0]
    assert lines == [
        f"held: {first} › Ed Example_16_assignsubmission_file/after-the-no-s06.ipynb: carries no answers (its "
        f"outputs were cleared, or it was never saved in JupyterLab); held for review as held/{name}",
        "This run: 0 collected (0 new, 0 updated), 1 held for review, 0 duplicates set aside, 0 unknown, "
        "0 unreadable, 0 unsafe",
        f"held for review: held/{name} (s06): carries no answers (its outputs were cleared, or it was never saved "
        "in JupyterLab)",
        f"To file a held file: nextround class assign --dir {course} held/<file> STUDENT_ID",
        *(f"missing: {sid}: nothing handed in" for sid in ROSTER[:5]),
        "Course so far: 0 of 6 collected, 0 late, 1 held for review, 5 missing",
    ]
    assert result.returncode == 1 and not (course / "submitted/s06").exists()
    # Asked, s06 hands in their answers file, late: the hold has nothing left to review.
    second = make_zip(tmp_path / "second.zip", {
        "Ed Example_16_assignsubmission_file/after-the-no-s06.answers.json": json.dumps(
            answers_of(course, "s06", "2026-10-11T10:00:00+00:00"))})
    lines, result = collect_cli(course, second)
    assert lines == [
        f"settled: held/{name}: s06's answers have been collected since",
        "collected: s06 (late)",
        "This run: 1 collected (1 new, 0 updated), 0 held for review, 0 duplicates set aside, 0 unknown, "
        "0 unreadable, 0 unsafe",
        *(f"missing: {sid}: nothing handed in" for sid in ROSTER[:5]),
        "Course so far: 1 of 6 collected, 1 late, 0 held for review, 5 missing",
    ]
    assert records(course)["s06"] == {"submitted_at": "2026-10-11T10:00:00Z", "late": True, "held_for_review": []}
    assert read_json(course / "held" / name.replace(".ipynb", ".held.json"))["settled"]["how"] == \
        "their answers were collected since"


def test_a_notebook_another_app_saved_without_our_metadata(course: Path, tmp_path: Path) -> None:
    """With its answers still inside, they say whose it is; without them, the instructor files it by hand."""
    archive = make_zip(tmp_path / "submissions.zip", {
        # Saved by another app: our metadata gone, the answers (and their ids) kept.
        "exampleann_1002_90002_after-the-no-s02.ipynb": notebook_of(
            course, "s02", answers_of(course, "s02", "2026-10-08T10:00Z"), our_metadata=False),
        # ...and one whose outputs went too: no ids left anywhere in it.
        "examplebo_1003_90003_after-the-no-s03.ipynb": notebook_of(course, "s03", None, our_metadata=False),
    })
    lines, _ = collect_cli(course, archive)
    name = held_names(course, "s03")[0]
    assert lines[:2] == [
        f"held: {archive} › examplebo_1003_90003_after-the-no-s03.ipynb: Canvas says s03 handed it in, but it "
        f"carries no student ids (saved by another app?); held for review as held/{name}",
        "collected: s02",
    ]
    # s02's copy is rebuilt from the workbook they were given, with our metadata back.
    rebuilt = read_json(course / "submitted/s02/s02.ipynb")
    assert rebuilt["metadata"]["nextround"]["student_id"] == "s02"
    assert rebuilt["metadata"]["papermill"]["parameters"]["company"] == \
        read_json(released(course, "s02"))["metadata"]["papermill"]["parameters"]["company"]

    filed = run_cli("class", "assign", "--dir", str(course), f"held/{name}", "s03")
    assert filed.returncode == 0, filed.stderr
    assert filed.stdout.splitlines() == [
        f"assigned: held/{name} to s03 (no time handed in known)",
        "  it carries no answers: filed as it is",
        f"settled: held/{name}: filed as s03's",
        "Course so far: 2 of 6 collected, 0 late, 0 held for review, 4 missing",
    ]
    assert (course / "originals/s03/s03.ipynb").read_bytes() == notebook_of(course, "s03", None, our_metadata=False)
    assert read_json(course / "submitted/s03/s03.ipynb")["metadata"]["nextround"]["student_id"] == "s03"


def test_assign_takes_any_file_and_refuses_in_one_line(course: Path, tmp_path: Path) -> None:
    loose = tmp_path / "emailed.ipynb"
    loose.write_bytes(notebook_of(course, "s01", answers_of(course, "s01", "2026-10-08T10:00Z"), our_metadata=False))
    html = tmp_path / "export.html"
    html.write_text("<html></html>")
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{ not json")
    for args, message in [
        ((str(loose), "s99"), f"nextround: error: {course / 'course.json'}: 's99' is not on the course's roster"),
        (("held/s01/nothing.ipynb", "s01"), "nextround: error: held/s01/nothing.ipynb: not found (give the file's "
                                            "path, or its name under held/ as collect printed it)"),
        (("held/../../etc/passwd", "s01"), "nextround: error: held/../../etc/passwd: not found (give the file's "
                                           "path, or its name under held/ as collect printed it)"),
        ((str(html), "s01"), f"nextround: error: {html}: is not a notebook (.ipynb) or an answers file "
                             "(.answers.json); only those can be filed"),
        ((str(broken), "s01"), f"nextround: error: {broken}: is not valid JSON (line 1: Expecting property name "
                               "enclosed in double quotes)"),
    ]:
        refused = run_cli("class", "assign", "--dir", str(course), *args)
        assert (refused.returncode, refused.stderr.strip(), refused.stdout) == (1, message, ""), args
    assert not (course / "submitted").exists()
    filed = run_cli("class", "assign", "--dir", str(course), str(loose), "s01")
    assert filed.returncode == 0 and filed.stdout.splitlines()[0] == \
        f"assigned: {loose} to s01 (handed in 2026-10-08T10:00:00Z)"
    assert draft(course, "s01") == f"{PRIVATE} s01"


# --- re-runs ---------------------------------------------------------------------------------


def test_collecting_again_as_late_work_arrives_never_calls_a_collected_student_missing(
        course: Path, tmp_path: Path) -> None:
    on_time = make_zip(tmp_path / "monday.zip", {
        f"{name.split()[1].lower()}{name.split()[0].lower()}_{canvas}_9000{n}_wb.ipynb": notebook_of(
            course, sid, answers_of(course, sid, "2026-10-08T10:00Z"))
        for n, (sid, name, canvas, _, _) in enumerate(STUDENTS[:4])})
    collect_cli(course, on_time)
    # Canvas's next download: only what is new since (s05, late), and s02's newer attempt.
    late = make_zip(tmp_path / "thursday.zip", {
        "exampledi_LATE_1005_90010_wb.ipynb": notebook_of(course, "s05", answers_of(course, "s05", "2026-10-10T10:00Z")),
        "exampleann_1002_90011_wb.ipynb": notebook_of(course, "s02", answers_of(course, "s02", "2026-10-09T10:00Z",
                                                                                draft="better")),
    })
    lines, _ = collect_cli(course, late)
    assert lines == [
        "collected: s05 (late)",
        "updated: s02: a newer hand-in",
        "This run: 2 collected (1 new, 1 updated), 0 held for review, 0 duplicates set aside, 0 unknown, "
        "0 unreadable, 0 unsafe",
        "missing: s06: nothing handed in",
        "Course so far: 5 of 6 collected, 1 late, 0 held for review, 1 missing",
    ]
    assert draft(course, "s02") == "better"
    assert records(course)["s02"] == {"submitted_at": "2026-10-09T10:00:00Z", "late": False, "held_for_review": []}
    assert records(course)["s01"] == {"submitted_at": "2026-10-08T10:00:00Z", "late": False, "held_for_review": []}


# --- the parts: reading times and layouts ------------------------------------------------------

UTC = timezone.utc


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-10-08T14:30:00+05:30", datetime(2026, 10, 8, 9, 0, tzinfo=UTC)),
    ("2026-10-08T14:30+0530", datetime(2026, 10, 8, 9, 0, tzinfo=UTC)),
    ("2026-10-08T09:00:00Z", datetime(2026, 10, 8, 9, 0, tzinfo=UTC)),
    ("2026-10-08 09:00:00.1234567-01:00", datetime(2026, 10, 8, 10, 0, 0, 123456, tzinfo=UTC)),
    ("2026-10-08T09:00", datetime(2026, 10, 8, 9, 0, tzinfo=UTC)),  # no offset: UTC
    ("2026-10-08", datetime(2026, 10, 8, tzinfo=UTC)),
    ("2026-02-30T09:00Z", None), ("yesterday", None), ("2026-10-08T09:00+24:00", None), (None, None),
])
def test_times_are_read_as_instants(text: Any, expected: datetime | None) -> None:
    assert instant(text) == expected


def test_due_dates_and_lms_times() -> None:
    assert due_instant("2026-10-09") == datetime(2026, 10, 9, 23, 59, 59, 999999, tzinfo=UTC)
    assert due_instant("2026-10-09T17:00+01:00") == datetime(2026, 10, 9, 16, 0, tzinfo=UTC)
    assert due_instant(None) is None
    assert blackboard_time("2016-01-30-15-30-10") == datetime(2016, 1, 30, 15, 30, 10, tzinfo=UTC)
    assert brightspace_time("Sep 24, 2024 926 PM") == datetime(2024, 9, 24, 21, 26, tzinfo=UTC)
    assert brightspace_time("Oct 1, 2026 1205 AM") == datetime(2026, 10, 1, 0, 5, tzinfo=UTC)
    assert brightspace_time("Foo 1, 2026 1205 AM") is None


@pytest.mark.parametrize(("path", "expected"), [
    ("duboischloé_LATE_1003_90004_My reflection.ipynb",
     Claim("Canvas", (("canvas", "1003"), ("name", "duboischloé")), late=True)),
    ("anon_Ab3De_90004_wb.ipynb", Claim("Canvas", (), anonymous=True, late=False)),
    ("doejane_1003_text.html", Claim("Canvas", (("canvas", "1003"), ("name", "doejane")), late=False, online=True)),
    ("Jane Doe_1234_assignsubmission_file/sub/wb.ipynb", Claim("Moodle", (("moodle", "1234"), ("name", "janedoe")))),
    ("Jane Doe_1234_assignsubmission_file_wb.ipynb", Claim("Moodle", (("moodle", "1234"), ("name", "janedoe")))),
    ("Participant_1234_assignsubmission_file_/wb.ipynb", Claim("Moodle", (("moodle", "1234"),), anonymous=True)),
    ("ps1_jane_doe_attempt_2016-01-30-15-30-10_problem1.ipynb",
     Claim("Blackboard", (("login", "doe"), ("login", "jane_doe")),
           submitted_at=datetime(2016, 1, 30, 15, 30, 10, tzinfo=UTC))),
    ("ps1_jdoe_attempt_2016-01-30-15-30-10.txt",
     Claim("Blackboard", (("login", "jdoe"),), submitted_at=datetime(2016, 1, 30, 15, 30, 10, tzinfo=UTC),
           receipt=True)),
    ("397063-2557369 - Mary-Ann Smith - Sep 24, 2024 926 PM/document.ipynb",
     Claim("Brightspace", (("name", "maryannsmith"),), submitted_at=datetime(2024, 9, 24, 21, 26, tzinfo=UTC))),
    ("hw-submissions/hw-jane-doe/wb.ipynb", Claim("GitHub Classroom", (("login", "jane-doe"),))),
    ("hw-submissions/wb.ipynb", None),
    ("Assignment 3/Student Number 1_1001_attempt1/older.answers.json", None),
    ("s01 my workbook.ipynb", None),
])
def test_what_each_layout_says_of_who_handed_a_file_in(path: str, expected: Claim | None) -> None:
    assert claim_of(path.split("/")) == expected


def test_the_roster_is_looked_up_by_what_an_lms_calls_a_student() -> None:
    index = StudentIndex([
        {"student_id": "jdoe@uni.example", "name": "Jane Doe", "email": "jdoe@uni.example",
         "lms": {"kind": "canvas", "student": "Doe, Jane", "canvas_id": "1003", "sis_login_id": "jdoe"}},
        {"student_id": "42", "name": "Participant 7", "lms": {"kind": "moodle", "identifier": "Participant 7"}},
        {"student_id": "s3", "name": "Jane Doe"},  # a namesake: names alone no longer tell them apart
    ])
    assert index.resolve(claim_of(["doejane_1003_90004_wb.ipynb"])) == "jdoe@uni.example"
    assert index.resolve(claim_of(["doejane_9999_90004_wb.ipynb"])) == ""  # not the id; the name fits two
    assert index.resolve(claim_of(["Participant_7_assignsubmission_file", "wb.ipynb"])) == "42"
    assert index.resolve(claim_of(["ps1_jdoe_attempt_2016-01-30-15-30-10_wb.ipynb"])) == "jdoe@uni.example"
    assert index.resolve(claim_of(["12-34 - Jane Doe - Sep 24, 2024 926 PM - wb.ipynb"])) == ""
    assert index.resolve(None) == ""


def test_a_students_own_zip_cannot_claim_to_be_someone_else(course: Path, tmp_path: Path) -> None:
    """The LMS's name for the upload outranks any folder name inside a student's own zip."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("Participant_15_assignsubmission_file/wb.ipynb",
                   notebook_of(course, "s01", answers_of(course, "s01", "2026-10-08T10:00Z")))
    archive = make_zip(tmp_path / "submissions.zip", {"duboischloé_1001_90001_work.zip": inner.getvalue()})
    lines, _ = collect_cli(course, archive)
    assert lines[0] == "collected: s01"  # Canvas says s01, and so do its ids: s05's name inside counts for nothing
    assert records(course)["s05"] == NONE



def test_canvas_and_blackboard_names_count_on_files_only(course: Path, tmp_path: Path) -> None:
    """A folder that happens to look like a Canvas name (`week_3_1004_notes`) names nobody."""
    folder = tmp_path / "week_3_1004_notes"
    folder.mkdir()
    (folder / "wb.ipynb").write_bytes(notebook_of(course, "s01", answers_of(course, "s01", "2026-10-08T10:00Z")))
    assert claim_of(["week_3_1004_notes", "wb.ipynb"]) is None
    lines, _ = collect_cli(course, folder)
    assert lines[0] == "collected: s01"


# --- properties of the layouts (Hypothesis: max_examples=200 each, no deadline) ------------------

_WORDS = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=20)
_NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=200, deadline=None)
@example(name="İ", late=False, user=1, attachment=1, file="0")  # found by Hypothesis: "i" and a combining dot
@given(name=_WORDS, late=st.booleans(), user=st.integers(1, 10**9), attachment=st.integers(1, 10**9), file=_NAMES)
def test_a_canvas_name_says_its_user_and_its_lateness(name: str, late: bool, user: int, attachment: int,
                                                      file: str) -> None:
    sortable = name.lower()
    if sortable == "late" or not file.strip("/") or "/" in file:
        return
    claim = claim_of([f"{sortable}{'_LATE' if late else ''}_{user}_{attachment}_{file}"])
    assert claim is not None and claim.lms == "Canvas" and claim.late is late
    assert claim.keys[0] == ("canvas", str(user))


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(_NAMES, min_size=1, max_size=4))
def test_any_path_gives_a_claim_or_none_and_never_an_error(parts: list[str]) -> None:
    claim = claim_of(parts)
    assert claim is None or isinstance(claim, Claim)
    StudentIndex([{"student_id": "s01", "name": parts[0], "lms": {"canvas_id": parts[-1]}}]).resolve(claim)


@settings(max_examples=200, deadline=None)
@given(moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31)),
       minutes=st.integers(-(23 * 60 + 59), 23 * 60 + 59), text=_NAMES)
def test_an_aware_time_reads_back_as_the_same_instant(moment: datetime, minutes: int, text: str) -> None:
    aware = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    assert instant(aware.isoformat()) == aware
    assert instant(aware.isoformat().replace("T", " ")) == aware
    instant(text)  # anything else: an instant or None, never an error
