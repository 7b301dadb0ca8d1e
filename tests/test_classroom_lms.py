"""A careers class run through an LMS: the roster from its export, the grades back in its own format.

Real files throughout: the LMS-shaped exports in tests/data/lms (docs/lms.md says where
each shape comes from), workbooks made from them, answers as students save them, and
the grades files read back cell by cell as the LMS's importer would read them.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import read_json, run_cli
from nextround.api import open_answers
from nextround.classroom import generate as classroom
from nextround.classroom.course import CourseDirectory, read_course
from nextround.classroom.grades import ScoreRule, write_grades
from nextround.classroom.roster import CANVAS, MOODLE, PLAIN, read_roster
from nextround.classroom.summary import write_progress
from nextround.core.names import STUDENT_ID, student_folder
from nextround.core.printable import spreadsheet_cell
from nextround.errors import NextroundError

LMS = Path(__file__).parent / "data" / "lms"
CANVAS_EXPORT = LMS / "canvas-gradebook.csv"
MOODLE_WORKSHEET = LMS / "moodle-worksheet.csv"
PLAIN_ROSTER = LMS / "plain-roster.csv"
TODAY = date(2026, 10, 5)
ASSIGNMENT = "after-the-no"
PRIVATE = "PRIVATE-WORDS-51c2"  # typed by a student: never in a grades or progress file


def rows_of(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def make(roster: Path, folder: Path, **options: Any) -> Path:
    course = folder / "course"
    classroom.generate(roster, course, seed=5, assignment_id=ASSIGNMENT, today=TODAY, **options)
    return course


def hand_in(course: Path, student_id: str, *, done: int, started: int = 0, share_progress: bool = True) -> None:
    """A student works through `done` steps (and starts `started` more), then their answers are collected.

    Steps 1-3 are done in order; a started step is step 4 (one self-review score)
    or step 3 (asked for the CV to be kept). What collect stores is written where
    `CourseDirectory` says it goes.
    """
    layout = CourseDirectory(course)
    workbook = next(layout.release(student_id).glob("*.ipynb"))
    answers = open_answers(workbook)
    answers.update("feedback", text=f"They said {PRIVATE}")
    if done >= 2:
        answers.update("reply", draft=PRIVATE, sent_on="2026-10-01")
    if done >= 3:
        answers.update("cv_on_file", status="agreed")
    elif started >= 2:
        answers.update("cv_on_file", status="asked")
    if started >= 1:
        answers.score("preparation", 3, note=PRIVATE)
    if not share_progress:
        sharing = answers.data["sharing"]
        answers.store.update(lambda d: d.__setitem__("sharing", {**sharing, "progress": False}))
    target = layout.submitted_answers(student_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(workbook.with_name(workbook.stem + ".answers.json"), target)


def record(course: Path, student_id: str, **fields: Any) -> None:
    """What `collect` records in the course file about a student's hand-in."""
    layout = CourseDirectory(course)
    doc = layout.read()
    for student in doc["students"]:
        if student["student_id"] == student_id:
            student.update(fields)
    layout.write(doc)


# --- 1. rosters from the LMS --------------------------------------------------------------


def test_a_canvas_gradebook_export_is_read_as_a_roster() -> None:
    roster = read_roster(CANVAS_EXPORT)
    assert roster.kind == CANVAS
    assert roster.described() == f"{CANVAS_EXPORT}: read as a Canvas gradebook export: 5 students, 1 row skipped"
    by_id = {s.student_id: s for s in roster.students}
    # The SIS User ID where there is one (an email address for Zoë), else the Canvas ID.
    assert list(by_id) == ["S0001", "1002", "zoe.lefevre@example.org", "S0004", "S0005"]
    assert by_id["S0001"].name == "Jane Doe" and by_id["S0001"].email == "jane.doe@example.org"  # its login
    assert dict(by_id["1002"].lms) == {"kind": "canvas", "row": 4, "student": "Okafor, Chidi", "canvas_id": "1002",
                                       "sis_user_id": "", "sis_login_id": "cokafor", "section": "Careers 101 A"}
    assert by_id["S0004"].lms["section"] == "Careers 101 A and Careers 101 B"
    assert roster.notes == [f"{CANVAS_EXPORT}, row 8: Canvas's test student (Student View) is not a student; left out"]
    assert roster.info["assignments"] == [
        {"column": "Week 1 check-in (4410)", "title": "Week 1 check-in", "id": "4410", "points_possible": 5.0},
        {"column": "After the no (4521)", "title": "After the no", "id": "4521", "points_possible": 10.0},
    ]  # the totals Canvas adds (Current Score, ...) are not assignments


def test_a_moodle_worksheet_is_read_and_its_bad_rows_named_and_skipped() -> None:
    roster = read_roster(MOODLE_WORKSHEET)
    assert roster.kind == MOODLE
    assert [s.student_id for s in roster.students] == [
        "jane.doe@example.org", "chidi.okafor@example.org", "participant-2103", "ren.nakamura@example.org"]
    assert [str(e) for e in roster.failed] == [
        f"{MOODLE_WORKSHEET}, row 6, Email address: 'not-an-address' is not an email address",
        f"{MOODLE_WORKSHEET}, row 7, Identifier: 'Someone Else' is not a Moodle participant (\"Participant\" and a number)",
        f"{MOODLE_WORKSHEET}, row 8, Email address: 'jane.doe@example.org' appears twice in the roster (first in row 2)",
    ]
    ren = roster.students[3]
    assert ren.name == "Ren Nakamura" and ren.lms["participant"] == "2104"
    assert ren.lms["last_modified_grade"] == "Thursday, 1 October 2026, 9:12 AM"
    assert roster.info == {"kind": "moodle", "file": "moodle-worksheet.csv", "identity_columns": ["Email address"],
                           "maximum_grade": 10.0, "maximum_column": "Maximum Grade", "scale": False}


def test_a_plain_roster_takes_emails_and_usernames_and_keeps_odd_ids_safe_as_folders(tmp_path: Path) -> None:
    roster = read_roster(PLAIN_ROSTER)
    assert roster.kind == PLAIN and not roster.failed
    course = make(PLAIN_ROSTER, tmp_path)
    info = read_course(course)
    folders = {s["student_id"]: s["folder"] for s in info["students"]}
    assert folders["jane.doe@example.org"] == "jane.doe@example.org"  # an email address is a safe folder name
    assert folders["zoë.o'neil"].startswith("zoe-o-neil~")  # this id is not: a slug, and the id kept whole
    assert sorted(p.name for p in (course / "release").iterdir()) == sorted(folders.values())
    zoe = next((course / "release" / folders["zoë.o'neil"]).glob("*.ipynb"))
    assert read_json(zoe)["metadata"]["nextround"]["student_id"] == "zoë.o'neil"
    assert open_answers(zoe).data["student_id"] == "zoë.o'neil"


def test_generate_keeps_the_lms_ids_and_the_due_date_in_the_course(tmp_path: Path) -> None:
    course = tmp_path / "course"
    made = run_cli("class", "generate", str(CANVAS_EXPORT), "--dir", str(course), "--assignment", ASSIGNMENT,
                   "--due", "2026-10-12")
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[0] == f"{CANVAS_EXPORT}: read as a Canvas gradebook export: 5 students, " \
                                          "1 row skipped"
    assert "Canvas's test student" in made.stderr
    info = read_course(course)
    assert info["due"] == "2026-10-12"
    assert info["roster"]["kind"] == "canvas"
    zoe = next(s for s in info["students"] if s["student_id"] == "zoe.lefevre@example.org")
    assert zoe["lms"]["canvas_id"] == "1003" and zoe["lms"]["section"] == "Careers 101 B"
    # Run again with a newer export: the LMS's word is updated, collect's record kept.
    record(course, "S0001", late=True)
    newer = tmp_path / "newer.csv"
    newer.write_text(CANVAS_EXPORT.read_text(encoding="utf-8").replace("Careers 101 A,5.00", "Careers 101 C,5.00"),
                     encoding="utf-8")
    again = classroom.generate(newer, course, assignment_id=ASSIGNMENT, today=TODAY)
    assert again.summary() == "0 made, 5 skipped (already there), 0 failed"
    jane = next(s for s in read_course(course)["students"] if s["student_id"] == "S0001")
    assert jane["lms"]["section"] == "Careers 101 C" and jane["late"] is True
    assert read_course(course)["due"] == "2026-10-12"


def test_a_bad_due_date_and_an_unknown_header_are_one_line_each(tmp_path: Path) -> None:
    bad_due = run_cli("class", "generate", str(PLAIN_ROSTER), "--dir", str(tmp_path / "c"), "--due", "12/10/2026")
    assert bad_due.returncode == 1 and bad_due.stderr.startswith("nextround: error: --due: ")
    assert len(bad_due.stderr.strip().splitlines()) == 1 and not (tmp_path / "c").exists()
    other = tmp_path / "blackboard.csv"
    other.write_text("Last Name,First Name,Username\nDoe,Jane,jdoe\n", encoding="utf-8")
    unknown = run_cli("class", "generate", str(other), "--dir", str(tmp_path / "c"))
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    assert unknown.stderr.strip() == (
        f"nextround: error: {other}: is not a roster nextround knows: its header (row 1) has neither student_id and "
        "name (a plain roster), nor Student and ID (a Canvas gradebook export), nor Identifier (a Moodle grading "
        "worksheet, downloaded in English)")


def test_a_canvas_row_with_no_id_and_one_with_a_broken_id_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    export = tmp_path / "gradebook.csv"
    lines = CANVAS_EXPORT.read_text(encoding="utf-8").splitlines()
    lines.insert(2, ',,,,,Manual Posting,,,,,,,')  # the row Canvas adds for hidden assignments
    lines.append('"Nobody, Known",,,nobody,Careers 101 A,,,,,,,,')
    lines.append('"Semi, Colon",12a,,semi,Careers 101 A,,,,,,,,')
    lines.append('"Bad, Sis",1010,../../x,bsis,Careers 101 A,,,,,,,,')
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    roster = read_roster(export)
    assert [str(e) for e in roster.failed] == [
        f"{export}, row 10, ID: is blank, and so is the SIS User ID: nothing identifies this student",
        f"{export}, row 11, ID: '12a' is not a Canvas user id (a number)",
        f"{export}, row 12, SIS User ID: '../../x' is not a usable id (letters, digits and . _ - @ + ' only, "
        "starting with a letter or digit)",
    ]
    assert len(roster.students) == 5


# --- 2. grades back to the LMS ------------------------------------------------------------


@pytest.fixture
def canvas_course(tmp_path: Path) -> Path:
    """The Canvas class after collecting: three ways of handing in, one late, one nothing."""
    course = make(CANVAS_EXPORT, tmp_path)
    hand_in(course, "S0001", done=3, started=1)  # 3 of 5 done
    hand_in(course, "1002", done=2)  # 2 of 5 done, late
    hand_in(course, "zoe.lefevre@example.org", done=1, share_progress=False)  # keeps progress private
    hand_in(course, "S0005", done=1, started=1)  # 1 done, 1 started
    record(course, "1002", late=True, submitted_at="2026-10-13T09:30:00+01:00")
    record(course, "S0001", late=False, submitted_at="2026-10-11T18:02:00+00:00",
           held_for_review=[{"source": "download.zip › doe_1001_90001_copy.ipynb"}])
    return course


def test_canvas_grades_are_the_exports_rows_with_a_completion_score(canvas_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "canvas-import.csv"
    written = run_cli("class", "grades", "--dir", str(canvas_course), "--format", "canvas", "-o", str(out),
                      "--late-penalty", "10")
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip() == (f"{out}: 5 students: 4 scored out of 10, 1 blank (1 with nothing handed in), "
                                      "1 scored from handing in (progress kept private), 1 late")
    assert rows_of(out) == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "After the no (4521)"],
        ["Points Possible", "", "", "", "", "10"],
        ["Doe, Jane", "1001", "S0001", "jane.doe@example.org", "Careers 101 A", "6"],  # 3/5 of 10
        ["Okafor, Chidi", "1002", "", "cokafor", "Careers 101 A", "3"],  # 2/5 of 10, less 10% of 10 for lateness
        ["Lefèvre, Zoë", "1003", "zoe.lefevre@example.org", "zlefevre", "Careers 101 B", "10"],  # private: full
        ["'@SUM(1+1), Eve", "1004", "S0004", "eexample", "Careers 101 A and Careers 101 B", ""],  # nothing: blank
        ["Nakamura, Ren", "1005", "S0005", "rnakamura", "Careers 101 B", "2"],  # 1 done (started counts 0)
    ]
    assert PRIVATE not in out.read_text(encoding="utf-8")


def test_the_canvas_grades_file_has_exactly_the_exports_students_and_ids(canvas_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "canvas-import.csv"
    write_grades(canvas_course, out, "canvas")
    exported = rows_of(CANVAS_EXPORT)
    header = exported[0]
    students = [r for r in exported[1:] if "Points Possible" not in r[0] and r[0] != "Student, Test"]
    ids = [header.index(c) for c in ("ID", "SIS User ID", "SIS Login ID", "Section")]
    back = rows_of(out)
    assert back[0][:5] == header[:5]
    assert back[1][0] == "Points Possible" and back[1][5] == "10"
    # Every student row of the export, in its order, with its ids; the name made safe for a spreadsheet.
    assert [r[:5] for r in back[2:]] == [[spreadsheet_cell(r[0]), *(r[i] for i in ids)] for r in students]


def test_canvas_grades_choose_the_assignment_column(canvas_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    # By default the column whose title is this course's assignment; --column picks another, with its points.
    assert write_grades(canvas_course, out, "canvas").column == "After the no (4521)"
    week1 = write_grades(canvas_course, out, "canvas", column="Week 1 check-in (4410)")
    assert week1.points == 5 and rows_of(out)[0][5] == "Week 1 check-in (4410)" and rows_of(out)[2][5] == "3"
    # A course whose export has no column for it yet: Canvas makes the assignment on import.
    plain = make(PLAIN_ROSTER, tmp_path / "plain")
    written = write_grades(plain, out, "canvas", ScoreRule(points=20))
    assert rows_of(out)[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", f"nextround ({ASSIGNMENT})"]
    assert rows_of(out)[1] == ["Points Possible", "", "", "", "", "20"]
    assert rows_of(out)[2][:5] == ["Chidi Okafor", "", "", "cokafor", ""]  # matched by login id or name
    assert written.notes == ["4 students came from a roster that was not a Canvas export: Canvas will match them "
                             "by login id (their student id) or by name only"]


def test_an_export_with_several_assignments_none_ours_asks_which(tmp_path: Path) -> None:
    course = tmp_path / "course"
    classroom.generate(CANVAS_EXPORT, course, assignment_id="spring-careers", today=TODAY)
    result = run_cli("class", "grades", "--dir", str(course), "-o", str(tmp_path / "g.csv"))  # canvas by default
    assert result.returncode == 1 and not (tmp_path / "g.csv").exists()
    assert result.stderr.strip() == ("nextround: error: --column: the Canvas export has 2 assignment columns "
                                     "(Week 1 check-in (4410); After the no (4521)); say which is this exercise's "
                                     "with --column")


def test_moodle_grades_fill_the_worksheets_grade_column(tmp_path: Path) -> None:
    course = make(MOODLE_WORKSHEET, tmp_path)
    hand_in(course, "jane.doe@example.org", done=2, started=2)
    hand_in(course, "ren.nakamura@example.org", done=2)
    hand_in(course, "participant-2103", done=1, share_progress=False)
    record(course, "ren.nakamura@example.org", late=True)
    out = tmp_path / "worksheet.csv"
    written = write_grades(course, out, "moodle", ScoreRule(late_penalty=25, started=0.5))
    assert rows_of(out) == [
        ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade", "Grade can be changed",
         "Last modified (grade)"],
        ["Participant 2101", "Jane Doe", "jane.doe@example.org", "handed in", "6", "10", "Yes", ""],  # (2+2*0.5)/5
        ["Participant 2102", "Chidi Okafor", "chidi.okafor@example.org", "nothing handed in", "", "10", "Yes", ""],
        ["Participant 2103", "Zoë Lefèvre", "", "handed in", "10", "10", "Yes", ""],
        ["Participant 2104", "Ren Nakamura", "ren.nakamura@example.org", "handed in late", "1.5", "10", "Yes",
         "Thursday, 1 October 2026, 9:12 AM"],  # 4, less 25% of 10
    ]
    assert written.summary().startswith(f"{out}: 4 students: 3 scored out of 10, 1 blank")


def test_moodle_grades_refuse_what_moodle_would_refuse(canvas_course: Path, tmp_path: Path) -> None:
    with pytest.raises(NextroundError, match="only a roster read from a Moodle grading worksheet gives"):
        write_grades(canvas_course, tmp_path / "w.csv", "moodle")
    moodle = make(MOODLE_WORKSHEET, tmp_path / "m")
    with pytest.raises(NextroundError, match=r"--points: is more than the assignment's Maximum Grade in Moodle \(10\)"):
        write_grades(moodle, tmp_path / "w.csv", "moodle", ScoreRule(points=20))
    assert not (tmp_path / "w.csv").exists()


def test_plain_grades_csv_cell_by_cell(canvas_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "grades.csv"
    result = run_cli("class", "grades", "--dir", str(canvas_course), "--format", "csv", "-o", str(out),
                     "--not-shared", "blank", "--started", "0.5")
    assert result.returncode == 0, result.stderr
    assert rows_of(out) == [
        ["student_id", "name", "email", "steps_done", "late", "score", "max_score"],
        ["1002", "Chidi Okafor", "", "2", "yes", "2", "5"],
        ["S0001", "Jane Doe", "jane.doe@example.org", "3", "no", "3.5", "5"],
        ["S0004", "Eve @SUM(1+1)", "", "", "", "", "5"],
        ["S0005", "Ren Nakamura", "", "1", "no", "1.5", "5"],
        ["zoe.lefevre@example.org", "Zoë Lefèvre", "zoe.lefevre@example.org", "", "no", "", "5"],
    ]


@pytest.mark.parametrize(("rule", "states", "late", "expected"), [
    (ScoreRule(), {1: "done", 2: "done", 3: "todo", 4: "started", 5: "todo"}, False, 4),
    (ScoreRule(points=7), {n: "done" for n in range(1, 6)}, False, 7),
    (ScoreRule(points=3), {1: "done", 2: "todo", 3: "todo", 4: "todo", 5: "todo"}, False, 0.6),
    (ScoreRule(points=10), {1: "done", 2: "done", 3: "todo", 4: "todo", 5: "todo"}, False, 4),
    (ScoreRule(points=1), {1: "done", 2: "todo", 3: "todo", 4: "todo", 5: "todo"}, False, 0.2),
    (ScoreRule(points=2, late_penalty=100), {n: "done" for n in range(1, 6)}, True, 0),
    (ScoreRule(points=10, late_penalty=50), {1: "done", 2: "todo", 3: "todo", 4: "todo", 5: "todo"}, True, 0),
    (ScoreRule(points=3, started=0.5), {1: "started", 2: "todo", 3: "todo", 4: "todo", 5: "todo"}, False, 0.3),
    (ScoreRule(points=1, started=1 / 3), {1: "started", 2: "todo", 3: "todo", 4: "todo", 5: "todo"}, False, 0.07),
    (ScoreRule(not_shared=2), None, False, 4),
    (ScoreRule(not_shared="blank"), None, False, None),
])
def test_the_score_rule(rule: ScoreRule, states: dict[int, str] | None, late: bool, expected: float | None) -> None:
    points = rule.points or 10
    assert rule.score(states, is_late=late, points=points) == expected


def test_a_rule_out_of_range_is_refused_in_one_line(canvas_course: Path, tmp_path: Path) -> None:
    for options, message in [
        (["--late-penalty", "120"], "--late-penalty: must be a percentage from 0 to 100"),
        (["--points", "0"], "--points: must be a number above 0"),
        (["--not-shared", "six"], "--not-shared: must be full, blank or a number of steps from 0 to 5"),
        (["--started", "2"], "--started: must be a fraction from 0 to 1"),
    ]:
        result = run_cli("class", "grades", "--dir", str(canvas_course), "-o", str(tmp_path / "g.csv"), *options)
        assert (result.returncode, result.stderr.strip()) == (1, f"nextround: error: {message}")
    assert not (tmp_path / "g.csv").exists()


# --- 3. the progress CSV -----------------------------------------------------------------


def test_progress_has_lateness_hand_in_times_held_files_and_numbers(canvas_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "progress.csv"
    assert write_progress(canvas_course, out) == 5
    rows = rows_of(out)
    assert rows[0] == ["student_id", "name", "handed_in", "submitted_at", "late", "held_for_review", "steps_done",
                       "step_1", "step_2", "step_3", "step_4", "step_5"]
    assert rows[1:] == [
        ["1002", "Chidi Okafor", "yes", "2026-10-13T09:30:00+01:00", "yes", "0", "2",
         "done", "done", "todo", "todo", "todo"],
        ["S0001", "Jane Doe", "yes", "2026-10-11T18:02:00+00:00", "no", "1", "3",
         "done", "done", "done", "started", "todo"],
        ["S0004", "Eve @SUM(1+1)", "no", "", "", "0", "", "", "", "", "", ""],
        ["S0005", "Ren Nakamura", "yes", "", "no", "0", "1", "done", "todo", "todo", "started", "todo"],
        ["zoe.lefevre@example.org", "Zoë Lefèvre", "yes", "", "no", "0", "",
         "not shared", "not shared", "not shared", "not shared", "not shared"],
    ]


def test_lms_ids_never_carry_a_formula_into_a_grades_file(tmp_path: Path) -> None:
    export = tmp_path / "gradebook.csv"
    export.write_text('Student,ID,SIS User ID,SIS Login ID,Section,After the no (4521)\n'
                      '    Points Possible,,,,,10.00\n'
                      '"=""=HYPERLINK(""http://evil.example""), Ann""",2001,A1,+cmd,-Section\x1b[2J,\n',
                      encoding="utf-8")
    course = make(export, tmp_path)
    out = tmp_path / "g.csv"
    write_grades(course, out, "canvas")
    student = rows_of(out)[2]
    assert student[0].startswith("'=") and student[3] == "'+cmd" and student[4] == "'-Section[2J"
    assert read_course(course)["students"][0]["name"] == 'Ann =HYPERLINK("http://evil.example")'
    assert "\x1b" not in json.dumps(rows_of(out))


def test_a_workbook_for_an_email_or_unusual_id_keeps_parameters_collect_can_rebuild_from(tmp_path: Path) -> None:
    from nextround.making.workbook import recorded_parameters

    course = make(PLAIN_ROSTER, tmp_path)
    for student_id in ("jane.doe@example.org", "zoë.o'neil"):
        workbook = next(CourseDirectory(course).release(student_id).glob("*.ipynb"))
        _, identity = recorded_parameters(read_json(workbook))
        assert identity["student_id"] == student_id
        assert identity["answers_file"] == workbook.stem + ".answers.json"


def test_a_canvas_export_in_a_decimal_comma_locale_is_read_the_same(tmp_path: Path) -> None:
    # Canvas exports with semicolons and decimal commas for such locales (CSVWithI18n, format_numbers).
    export = tmp_path / "gradebook.csv"
    export.write_text("\ufeffStudent;ID;SIS User ID;SIS Login ID;Section;After the no (4521)\n"
                      "    Points Possible;;;;;12,50\n"
                      '"Doe, Jane";1001;S0001;jdoe;Careers 101 A;\n', encoding="utf-8")
    roster = read_roster(export)
    assert [s.student_id for s in roster.students] == ["S0001"]
    assert roster.info["assignments"][0]["points_possible"] == 12.5


# Budget: 200 examples each, no deadline (slugs call anyascii, slow on first use).
_IDS = st.from_regex(STUDENT_ID, fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(_IDS)
def test_every_usable_id_has_a_folder_safe_on_every_disk(student_id: str) -> None:
    folder = student_folder(student_id)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._@+~-]{0,63}", folder) and not folder.endswith(".")
    assert folder.split(".")[0].lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}
    assert folder == student_id or "~" in folder  # a slug is marked, so it is never someone else's id


@settings(max_examples=200, deadline=None)
@given(_IDS, _IDS)
def test_two_ids_never_share_a_folder(one: str, other: str) -> None:
    if one != other:
        assert student_folder(one) != student_folder(other)
