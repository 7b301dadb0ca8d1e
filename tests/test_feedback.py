"""Feedback back to students: a page each, their own progress and the class's figures, named for the LMS."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from nextround.api import open_answers
from nextround.classroom import collect
from nextround.classroom import generate as classroom
from nextround.classroom.feedback import class_picture, write_feedback
from nextround.classroom.summary import ClassSummary
from nextround.core.messages import nice_date
from nextround.core.progress import pending
from nextround.storage.store import AnswersStore

TODAY = date(2026, 10, 5)
ASSIGNMENT = "after-the-no"
MARK = "PRIVATE-WORDS-91c2"  # in every student's answers, shared or not: it must reach no page
# Twelve who hand in, two who do not. Names and LMS ids as the roster export gives them.
STUDENTS = [(f"s{n:03d}", f"Student {chr(64 + n)}{'_' if n == 3 else ' '}Surname{n}") for n in range(1, 15)]
HANDED_IN = [sid for sid, _ in STUDENTS[:12]]


@pytest.fixture
def course(tmp_path: Path) -> Path:
    roster = tmp_path / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student_id", "name"])
        w.writerows(STUDENTS)
    course = tmp_path / "course"
    assert not classroom.generate(roster, course, seed=3, assignment_id=ASSIGNMENT, today=TODAY).failed
    for n, sid in enumerate(HANDED_IN, 1):
        a = open_answers(next((course / "release" / sid).glob("*.ipynb")))
        a.add_checkin(2 if n % 2 else 8, ready=n % 2 == 0, note=f"{MARK} {sid} note")
        a.update("feedback", requested_on="2026-10-01", text=f"{MARK} {sid} said", themes=["experience"] if n <= 6
                 else ["skills"], takeaways=f"{MARK} {sid} takeaway")
        a.update("reply", draft=f"{MARK} {sid} draft")
        a.score("preparation", 2 + n % 3, note=f"{MARK} {sid}")
        a.score("rapport", 5 if n == 1 else 3)
        doc = a.data
        sharing = {**doc["sharing"], "feedback": True, "checkins": n in (2, 4, 6, 8, 10, 12),
                   "progress": n != 12, "reply": True}
        if n == 5:
            a.update_contact(doc["contacts"][0]["name"], thank_you_sent_on="2026-10-04")
        a.store.update(lambda d, s=sharing: d.__setitem__("sharing", s))
    collect.collect([course / "release" / sid for sid in HANDED_IN], [s for s, _ in STUDENTS], ASSIGNMENT, course)
    return course


def set_lms_ids(course: Path, records: dict[str, dict]) -> None:
    """What the roster's LMS export leaves in each student's record."""
    doc = json.loads((course / "course.json").read_text(encoding="utf-8"))
    for student in doc["students"]:
        student.update(records.get(student["student_id"], {}))
    (course / "course.json").write_text(json.dumps(doc), encoding="utf-8")


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_each_page_shows_the_students_own_progress_and_next_actions(course: Path, tmp_path: Path) -> None:
    result = write_feedback(course, tmp_path / "fb", today=TODAY)
    assert [sid for sid, _ in result.pages] == HANDED_IN and result.not_handed_in == 2
    page = text_of((tmp_path / "fb/s002.html").read_text(encoding="utf-8"))
    assert "For Student B Surname2 · after-the-no · 5 October 2026" in page
    assert "1 of 5 steps done" in page  # feedback came; a reply drafted; a self-review started
    assert "● 1. Ask for honest feedback done" in page and "◐ 2. Stay professional started" in page
    assert "4. Review your own interview started" in page
    doc = AnswersStore(course / "submitted/s002/s002.answers.json").read()
    expected = pending(doc, today=TODAY)
    assert expected
    for action in expected[:10]:
        assert action.what in page
        assert nice_date(action.due) in page or "overdue since " + nice_date(action.due) in page


def test_no_page_holds_another_students_name_or_anyones_words(course: Path, tmp_path: Path) -> None:
    set_lms_ids(course, {sid: {"moodle_participant": 100 + n} for n, sid in enumerate(HANDED_IN)})
    result = write_feedback(course, tmp_path / "fb", today=TODAY)
    names = dict(STUDENTS)
    for sid, path in result.pages:
        page = path.read_text(encoding="utf-8")
        assert MARK not in page  # nobody's own words, shared or not: theirs or anyone else's
        for other, name in STUDENTS:
            if other != sid:
                assert name.replace("_", " ") not in text_of(page) and name not in page
                assert other not in page
        assert names[sid].replace("_", " ") in text_of(page) or names[sid] in text_of(page)
        assert "<script" not in page and "http" not in page  # opens offline, runs nothing
    with zipfile.ZipFile(result.moodle) as z:
        assert not any(MARK.encode() in z.read(name) for name in z.namelist())


def test_feelings_kept_private_do_not_show_through_the_next_actions(course: Path, tmp_path: Path) -> None:
    write_feedback(course, tmp_path / "fb", today=TODAY)
    private = text_of((tmp_path / "fb/s001.html").read_text(encoding="utf-8"))  # not ready, check-ins private
    assert "when you feel ready" not in private and "Check in again" not in private
    assert "Dates count from your rejection" in private
    shared = text_of((tmp_path / "fb/s012.html").read_text(encoding="utf-8"))  # keeps progress private
    assert "You chose not to share your progress" in shared and "steps done" not in shared
    mood_shared = text_of((tmp_path / "fb/s002.html").read_text(encoding="utf-8"))  # ready, check-ins shared
    assert "Dates count from your rejection" not in mood_shared


def test_the_class_picture_is_the_reports_seen_by_a_student_in_the_class(course: Path, tmp_path: Path) -> None:
    write_feedback(course, tmp_path / "fb", today=TODAY)
    page = text_of((tmp_path / "fb/s004.html").read_text(encoding="utf-8"))
    assert "12 of the 14 students on the class list have handed in" in page
    assert "Of the 11 students who share their progress:" in page
    # Everyone who shares progress has step 3 to do: a reader would learn each classmate's state.
    assert "3. Ask for your CV to be kept on file withheld withheld withheld to do" in page
    assert "Experience" in page or "experience" in page  # 6 heard it, 6 did not: shown
    assert "Preparation" in page  # scores 2, 3 and 4, four each: the whole spread is shown
    # Rapport: eleven 3s and one 5. The report shows its average without the spread; a student
    # who scored 5 could read the others' scores from it, so the page leaves it out.
    assert "Rapport" not in page
    assert (course / "published.json").exists()  # the same figures the class report shows


def test_a_withheld_spread_takes_its_average_with_it_and_a_step_all_alike_is_withheld() -> None:
    summary = ClassSummary(
        students=6, handed_in=6, progress_shared=6,
        step_completion={1: {"done": 6, "started": 0, "todo": 0}, 2: {"done": 3, "started": 3, "todo": 0}},
        rubric={"rapport": {"n": 6, "mean": 1.0, "distribution": None},
                "preparation": {"n": 6, "mean": 3.0, "distribution": {1: 0, 2: 3, 3: 0, 4: 3, 5: 0}}},
        rubric_shared=6, themes=[], feedback_shared=0, moods={}, checkins_shared=0)
    picture = class_picture(summary)
    # With 1.0 over six and one score of 2 in hand, a reader would know the other five all scored 1.
    assert picture.rubric == {"preparation": (3.0, 6)}
    assert picture.steps == {1: None, 2: {"done": 3, "started": 3, "todo": 0}}


def test_moodle_zip_names_each_file_for_its_participant(course: Path, tmp_path: Path) -> None:
    set_lms_ids(course, {"s001": {"moodle_participant": "Participant 7"}, "s002": {"moodle_participant": 8},
                         "s003": {"moodle_participant": "12"}, "s013": {"moodle_participant": 13}})
    result = run_cli("class", "feedback", "--dir", str(course), "-o", str(tmp_path / "fb"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "fb/moodle-feedback.zip") as z:
        names = z.namelist()
        assert names == ["Student A Surname1_7_assignsubmission_file_/after-the-no-feedback.html",
                         "Student B Surname2_8_assignsubmission_file_/after-the-no-feedback.html",
                         # an underscore in the name becomes a space, as in Moodle's own download
                         "Student C Surname3_12_assignsubmission_file_/after-the-no-feedback.html"]
        assert z.read(names[1]) == (tmp_path / "fb/s002.html").read_bytes()
    # Moodle's importer: the second "_" part of a folder is the participant id.
    assert [name.split("/")[0].split("_", 4)[1] for name in names] == ["7", "8", "12"]
    assert f"{tmp_path / 'fb/moodle-feedback.zip'}: 3 for Moodle's" in result.stdout
    assert "moodle: 9 handed-in students have no Moodle participant number" in result.stdout


def canvas_download(path: Path) -> Path:
    """A Canvas "Download Submissions" zip: flat, `sortablename[_LATE]_userid_attachmentid_name`."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("surname1studenta_2001_90001_My reflection.ipynb", "{}")
        z.writestr("surname2studentb_LATE_2002_90002_after-the-no-s002.ipynb", "{}")
        z.writestr("surname2studentb_LATE_2002_90003_after-the-no-s002.answers.json", "{}")
        z.writestr("anon_12345_90009_reflection.ipynb", "{}")  # anonymous grading: no user to match
    return path


def test_canvas_zip_uses_the_downloads_names_and_says_who_it_cannot_match(course: Path, tmp_path: Path) -> None:
    set_lms_ids(course, {"s001": {"canvas_id": 2001}, "s002": {"canvas_id": "2002"}, "s003": {"canvas_id": 2003},
                         "s004": {"canvas_id": 2004, "canvas_attachment_id": 90444}})
    download = canvas_download(tmp_path / "submissions.zip")
    result = run_cli("class", "feedback", "--dir", str(course), "-o", str(tmp_path / "fb"),
                     "--canvas-download", str(download))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "fb/canvas-feedback.zip") as z:
        names = z.namelist()
    assert names == ["surname1studenta_2001_90001_after-the-no-feedback.html",
                     "surname2studentb_2002_90002_after-the-no-feedback.html",
                     "studentdsurname4_2004_90444_after-the-no-feedback.html"]
    # Canvas's rule: the first two all-digit parts are the user and one of their submitted files.
    assert [[p for p in n.split("_") if p.isdigit()][:2] for n in names] == [
        ["2001", "90001"], ["2002", "90002"], ["2004", "90444"]]
    assert "canvas: 1 handed-in students on Canvas are not in canvas-feedback.zip" in result.stdout
    assert "the Canvas download has no file of theirs" in result.stdout


def test_without_lms_ids_it_writes_plain_pages_and_says_so(course: Path, tmp_path: Path) -> None:
    result = run_cli("class", "feedback", "--dir", str(course), "-o", str(tmp_path / "fb"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "fb").iterdir()) == [f"{sid}.html" for sid in HANDED_IN]
    assert "12 pages, <student_id>.html (one per student who handed in; 2 not yet)" in result.stdout
    assert "No Moodle participant numbers or Canvas ids in course.json, so plain pages only" in result.stdout


def test_a_broken_collected_answers_file_is_one_line_and_the_rest_go_on(course: Path, tmp_path: Path) -> None:
    (course / "submitted/s005/s005.answers.json").write_text("{ not json", encoding="utf-8")
    result = run_cli("class", "feedback", "--dir", str(course), "-o", str(tmp_path / "fb"))
    assert result.returncode == 1
    assert result.stderr.strip() == ("nextround: skipped: s005: their collected answers cannot be read "
                                     "(see `class collect`)")
    assert len(list((tmp_path / "fb").glob("*.html"))) == 11


def test_no_course_is_one_line(tmp_path: Path) -> None:
    result = run_cli("class", "feedback", "--dir", str(tmp_path / "nowhere"), "-o", str(tmp_path / "fb"))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "no course here" in result.stderr and not (tmp_path / "fb").exists()


def test_a_page_is_plain_html_that_names_no_machine(course: Path, tmp_path: Path) -> None:
    write_feedback(course, tmp_path / "fb", today=TODAY)
    page = (tmp_path / "fb/s001.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and str(tmp_path) not in page
    assert io.StringIO(page).read().count("<html") == 1


def test_names_from_the_roster_stay_text_and_lms_names_stay_inside_their_folder(course: Path, tmp_path: Path) -> None:
    set_lms_ids(course, {"s001": {"name": "<script>alert(1)</script> ../../Evil\\Name", "moodle_participant": 5,
                                  "canvas_id": 2001, "canvas_attachment_id": 90001},
                         "s002": {"moodle_participant": ["not", "a", "number"], "canvas_id": True}})
    result = write_feedback(course, tmp_path / "fb", today=TODAY)
    page = (tmp_path / "fb/s001.html").read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    with zipfile.ZipFile(result.moodle) as z:
        assert z.namelist() == ["scriptalert(1)script ....EvilName_5_assignsubmission_file_/after-the-no-feedback.html"]
    with zipfile.ZipFile(result.canvas) as z:
        assert z.namelist() == ["scriptalert1scriptevilname_2001_90001_after-the-no-feedback.html"]
