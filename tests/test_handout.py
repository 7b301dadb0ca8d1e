"""One handout for the whole class: posted once on the LMS, it becomes each student's own workbook."""

from __future__ import annotations

import ast
import csv
import html
import json
import os
from datetime import date
from pathlib import Path

import pytest

from conftest import code_cells, read_json, run_cli, widget_values
from nextround.api import open_answers
from nextround.classroom import collect
from nextround.classroom import generate as classroom
from nextround.classroom.handout import NotOnRoster, OwnWorkbook, ask, claim, identify
from nextround.errors import WorkbookExistsError
from nextround.making.run import run, save
from nextround.making.workbook import embedded_answers

TODAY = date(2026, 10, 5)
STUDENTS = [("s001", "Ann Lee"), ("S002", "Bo Chan"), ("s003", "Cy Mensah"), ("s004", "Dee Okafor"),
            ("s005", "Eli Novak"), ("s006", "Fay Duarte"), ("s007", "Gus Ibrahim")]
OWN = ("own1", "Hal Owens")  # brings their own rejection
ASSIGNMENT = "after-the-no"
SCENARIO_KEYS = ("company", "role", "stage", "contacts", "scenario")


def write_roster(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student_id", "name", "company", "role"])
        w.writerows([sid, name, "", ""] for sid, name in STUDENTS)
        w.writerow([*OWN, "Quill & Co", "Junior Editor"])
    return path


@pytest.fixture
def course(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    result = classroom.generate(write_roster(tmp_path / "roster.csv"), course, seed=7, assignment_id=ASSIGNMENT,
                                today=TODAY)
    assert not result.failed
    return course


@pytest.fixture
def handout_file(course: Path, tmp_path: Path) -> Path:
    posted = tmp_path / "posted"
    posted.mkdir()
    result = run_cli("class", "handout", "--dir", str(course), "-o", str(posted / "reflection.ipynb"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(posted / "reflection.ipynb")
    assert "a handout for 8 students" in result.stderr
    assert "1 of them brought their own rejection" in result.stderr
    return posted / "reflection.ipynb"


def handout_of(path: Path) -> dict:
    """The class details a handout carries, read as the literal it is (never run)."""
    cell = next(c for c in code_cells(read_json(path)) if "injected-parameters" in c["metadata"].get("tags", []))
    line = next(line for line in "".join(cell["source"]).splitlines() if line.startswith("handout = "))
    return ast.literal_eval(line.removeprefix("handout = "))


def released_parameters(course: Path, sid: str) -> dict:
    return read_json(next((course / "release" / sid).glob("*.ipynb")))["metadata"]["papermill"]["parameters"]


def test_the_handout_lists_no_id_or_name_in_clear_and_keeps_the_notebook_conventions(handout_file: Path) -> None:
    text = handout_file.read_text(encoding="utf-8")
    for sid, name in [*STUDENTS, OWN]:
        assert sid not in text and sid.lower() not in text and name not in text
    assert "Quill" not in text  # an own rejection's details stay with the instructor
    nb = read_json(handout_file)
    assert nb["metadata"]["nextround"]["template"] == "handout"
    assert not any("/" in str(v) or str(handout_file.parent) in str(v) for v in nb["metadata"]["nextround"].values())
    for cell in code_cells(nb):
        lines = "".join(cell["source"]).splitlines()
        assert cell["metadata"]["jupyter"]["source_hidden"] is True
        assert lines[0].startswith("# ") and "import" not in lines[0]  # the line JupyterLab shows
        assert len([line for line in lines[1:] if "(" in line]) <= 1  # one call: the logic is in the package
    assert len(handout_of(handout_file)["students"]) == 8


def test_every_student_gets_the_scenario_generate_dealt_them(course: Path, handout_file: Path,
                                                             tmp_path: Path) -> None:
    handout = handout_of(handout_file)
    for sid, _ in STUDENTS:
        typed = f"  {sid.swapcase()} "  # spaces and letter case set aside; the roster's spelling is kept
        path = claim(handout, typed, tmp_path / "laptop", today=TODAY)
        assert path.name == f"{ASSIGNMENT}-{sid}.ipynb"
        assert path.with_name(f"{ASSIGNMENT}-{sid}.answers.json").exists()
        made = read_json(path)["metadata"]["papermill"]["parameters"]
        released = released_parameters(course, sid)
        assert {k: made[k] for k in SCENARIO_KEYS} == {k: released[k] for k in SCENARIO_KEYS}
        assert (made["student_id"], made["assignment_id"]) == (sid, ASSIGNMENT)
        assert read_json(path)["metadata"]["nextround"]["student_id"] == sid
    dealt = {s["student_id"]: s["scenario"] for s in json.loads((course / "course.json").read_text())["students"]}
    assert identify(handout, "s002") == ("S002", dealt["S002"])
    with pytest.raises(WorkbookExistsError):  # a second run never replaces a workbook already made
        claim(handout, "s001", tmp_path / "laptop", today=TODAY)
    with pytest.raises(OwnWorkbook, match="Ask them for it"):
        claim(handout, "own1", tmp_path / "laptop", today=TODAY)
    with pytest.raises(NotOnRoster, match="isn't on this class's list"):
        claim(handout, "s999", tmp_path / "laptop", today=TODAY)
    assert sorted(p.name for p in (tmp_path / "laptop").iterdir()) == sorted(
        f"{ASSIGNMENT}-{sid}{suffix}" for sid, _ in STUDENTS for suffix in (".ipynb", ".answers.json"))


def test_a_wrong_id_is_refused_kindly_and_the_student_may_try_again(handout_file: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    form = ask(handout_of(handout_file), folder=laptop)
    form.button.click()
    assert "Type your student id first." in html.unescape(form.result.value)
    form.field.value = "s0007"
    form.button.click()
    said = html.unescape(form.result.value)
    assert "“s0007” isn't on this class's list" in said and "try again" in said
    assert not form.button.disabled and not list(laptop.iterdir())
    form.field.value = "<b>s007</b>"  # shown as typed, never as HTML
    form.button.click()
    assert "&lt;b&gt;s007&lt;/b&gt;" in form.result.value and "<b>s007" not in form.result.value
    form.field.value = "s" * 100_000
    form.button.click()
    assert "longer than any id" in form.result.value
    form.field.value = "S007"
    form.button.click()
    assert "Your workbook is ready" in form.result.value and f'href="{ASSIGNMENT}-s007.ipynb"' in form.result.value
    assert form.button.disabled and (laptop / f"{ASSIGNMENT}-s007.ipynb").exists()
    own = ask(handout_of(handout_file), folder=laptop)
    own.field.value = "own1"
    own.button.click()
    assert "Your instructor has made a workbook just for you" in html.unescape(own.result.value)
    assert len(list(laptop.iterdir())) == 2


def test_a_folder_the_workbook_cannot_be_saved_in_is_said_in_the_output(handout_file: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    preview = tmp_path / "preview"
    preview.write_text("a file where the folder should be", encoding="utf-8")
    form = ask(handout_of(handout_file), folder=preview)
    form.field.value = "s001"
    form.button.click()  # raises nothing: the notice says what to do
    assert "is a file, not a folder" in html.unescape(form.result.value)
    assert not form.button.disabled


def test_a_handout_is_made_only_from_the_scenarios_generate_used(course: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    with open(Path(classroom.__file__).parent / "data/scenarios.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["company"] = "Somewhere Else Ltd"
    with open(other, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run_cli("class", "handout", "--dir", str(course), "-o", str(tmp_path / "h.ipynb"), "--scenarios",
                     str(other))
    assert result.returncode == 1
    assert "a different scenario from the one `class generate` released" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "h.ipynb").exists()


def test_the_handout_never_overwrites_a_notebook_that_is_not_a_handout(course: Path, tmp_path: Path) -> None:
    workbook = next((course / "release/s001").glob("*.ipynb"))
    before = workbook.read_bytes()
    result = run_cli("class", "handout", "--dir", str(course), "-o", str(workbook))
    assert result.returncode == 1 and "is not a handout, so it was left untouched" in result.stderr
    assert workbook.read_bytes() == before


# --- in a real kernel ------------------------------------------------------------------------


def run_handout(path: Path, hub_user: str | None) -> dict:
    """Run the handout as JupyterLab would (its own folder, its own path), saving the outputs."""
    from nextround.making.run import read

    env = {k: v for k, v in os.environ.items() if k != "JUPYTERHUB_USER"}
    env["JPY_SESSION_NAME"] = str(path.resolve())
    if hub_user is not None:
        env["JUPYTERHUB_USER"] = hub_user
    nb = read(path)
    run(nb, path.parent, timeout=120, file=path, env=env)  # raises if any cell fails
    save(nb, path)
    return read_json(path)


def shown(nb: dict) -> str:
    return html.unescape(" ".join(str(v) for v in widget_values(nb)))


@pytest.mark.slow
def test_run_before_answering_the_handout_only_asks(handout_file: Path) -> None:
    nb = run_handout(handout_file, hub_user=None)
    text = shown(nb)
    assert "Who are you?" in text
    assert [p.name for p in handout_file.parent.iterdir()] == ["reflection.ipynb"]
    assert "isn't on this class's list" not in text and "ready" not in text


@pytest.mark.slow
def test_on_a_hub_the_handout_becomes_the_students_workbook_which_runs_refills_and_is_collected(
        course: Path, handout_file: Path) -> None:
    nb = run_handout(handout_file, hub_user="s003")
    workbook = handout_file.with_name(f"{ASSIGNMENT}-s003.ipynb")
    assert f"open {workbook.name}" in shown(nb)
    made = read_json(workbook)["metadata"]["papermill"]["parameters"]
    released = released_parameters(course, "s003")
    assert {k: made[k] for k in SCENARIO_KEYS} == {k: released[k] for k in SCENARIO_KEYS}
    assert made["student_id"] == "s003"

    again = run_handout(handout_file, hub_user="s003")  # run again: it points back, and replaces nothing
    assert "Your workbook is already here" in shown(again)

    answers = open_answers(workbook)
    answers.update("feedback", text="They wanted more SQL depth.")
    answers.score("preparation", 4)
    from nextround.making.run import execute

    execute(workbook)
    saved = read_json(workbook)
    assert "They wanted more SQL depth." in widget_values(saved)
    assert embedded_answers(saved)["feedback"]["text"] == "They wanted more SQL depth."  # carried inside

    result = collect.collect([workbook], [s for s, _ in [*STUDENTS, OWN]], ASSIGNMENT, course)
    assert "1 collected" in result.summary()
    assert read_json(course / "submitted/s003/s003.answers.json")["self_review"]["scores"]["preparation"] == 4


@pytest.mark.slow
def test_on_a_hub_an_unknown_user_is_asked_for_their_id(handout_file: Path) -> None:
    nb = run_handout(handout_file, hub_user="someone-else")
    text = shown(nb)
    assert "You're signed in as “someone-else”, which isn't on this class's list" in text
    assert "Who are you?" in text
    assert [p.name for p in handout_file.parent.iterdir()] == ["reflection.ipynb"]
