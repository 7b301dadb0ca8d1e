"""The `nextround` command, run as a real process."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import heavy_imports, read_json, run_cli

ISSUE_EXAMPLE = [
    "new", "--company", "Acme Analytics", "--role", "Data Analyst", "--interview-date", "2026-06-10",
    "--rejected-on", "2026-06-17", "--stage", "final interview",
    "--contact", "Priya Shah <priya@acme.example>", "--contact", "Tom Reid", "--dir", "workbooks",
]


def test_new_prints_the_path_of_a_workbook_named_by_date_company_and_role(tmp_path: Path) -> None:
    result = run_cli(*ISSUE_EXAMPLE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "workbooks/2026-06-17-acme-analytics-data-analyst.ipynb"
    workbook = tmp_path / result.stdout.strip()
    nb = read_json(workbook)
    assert nb["metadata"]["papermill"]["parameters"]["company"] == "Acme Analytics"
    answers = read_json(workbook.with_name(workbook.stem + ".answers.json"))
    assert answers["rejection"]["contacts"] == [
        {"name": "Priya Shah", "email": "priya@acme.example"}, {"name": "Tom Reid", "email": ""}]
    assert answers["workbook_id"] == nb["metadata"]["nextround"]["workbook_id"]


def test_new_never_overwrites_a_workbook_or_its_answers(tmp_path: Path) -> None:
    assert run_cli(*ISSUE_EXAMPLE, cwd=tmp_path).returncode == 0
    workbook = tmp_path / "workbooks/2026-06-17-acme-analytics-data-analyst.ipynb"
    answers = workbook.with_name(workbook.stem + ".answers.json")
    answers.write_text('{"my": "own words"}')
    before = workbook.read_bytes()
    again = run_cli(*ISSUE_EXAMPLE, cwd=tmp_path)
    assert again.returncode == 1
    assert "already exists and was left untouched" in again.stderr
    assert workbook.read_bytes() == before and answers.read_text() == '{"my": "own words"}'
    workbook.unlink()  # answers alone also block a new workbook of that name
    third = run_cli(*ISSUE_EXAMPLE, cwd=tmp_path)
    assert third.returncode == 1 and "answers.json: already exists" in third.stderr
    assert not workbook.exists() and answers.read_text() == '{"my": "own words"}'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--company", "Acme", "--role", "A", "--interview-date", "2026-13-01"], "--interview-date: '2026-13-01' is not a real date"),
        (["--company", "Acme", "--role", "A", "--rejected-on", "17/06/2026"], "--rejected-on: '17/06/2026' is not a date; use YYYY-MM-DD"),
        (["--company", "Acme", "--role", "A", "--interview-date", "2026-06-17", "--rejected-on", "2026-06-01"], "--rejected-on: 2026-06-01 is before the interview on 2026-06-17"),
        (["--company", "Acme", "--role", "A", "--contact", "Priya <priya-at-acme>"], "--contact: 'priya-at-acme' is not an email address"),
        (["--company", " ", "--role", "A"], "--company: is required"),
        (["--company", "Acme", "--role", "A", "--careers-page", "jobs"], "--careers-page: 'jobs' is not a web address"),
    ],
)
def test_bad_parameters_get_one_line_and_no_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("new", *args, "--dir", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"nextround: error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_missing_required_option_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("new", "--role", "A", cwd=tmp_path)
    assert result.returncode == 2 and "--company" in result.stderr and "Traceback" not in result.stderr


def test_help_starts_without_heavy_imports() -> None:
    # Babel too: the help speaks the person's language through gettext, which is the standard library's.
    heavy = {"pandas", "nbformat", "papermill", "jsonschema", "ipywidgets", "jinja2", "matplotlib", "babel"}
    assert heavy_imports(["--help"], ["new", "--help"], ["--locale", "de", "new", "--help"], heavy=heavy) == []


def test_new_itself_imports_nothing_heavy(tmp_path: Path) -> None:
    heavy = {"pandas", "nbformat", "papermill", "jsonschema", "ipywidgets", "matplotlib"}
    assert heavy_imports(["new", "--company", "A", "--role", "B", "--dir", str(tmp_path)], heavy=heavy) == []
    assert len(list(tmp_path.glob("*.ipynb"))) == 1


def test_check_tone_explains_each_flag(tmp_path: Path) -> None:
    result = run_cli("check", "tone", "Whatever. Good luck finding someone as good as me.")
    assert result.returncode == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("Wait before sending:")
    assert "“Whatever” (dismissive)" in result.stdout and "Perhaps:" in result.stdout


def test_check_feedback_reads_standard_input_and_speaks_json() -> None:
    import json

    result = run_cli("check", "feedback", "--json", input="Another candidate had more experience.\n")
    data = json.loads(result.stdout)
    assert data["vague"] is True and "experience" in data["themes"]
    assert 2 <= len(data["follow_up_questions"]) <= 4
    human = run_cli("check", "feedback", input="Your SQL window-function answer in round 2 missed the partition.")
    assert human.stdout.startswith("Specific enough to act on")


def test_check_answer_names_each_part_and_what_to_add() -> None:
    import json

    answer = ("At the café where I worked, food waste was high. My manager asked me to cut it. "
              "I started a daily stock count. It went well.")
    human = run_cli("check", "answer", answer)
    assert human.returncode == 0
    lines = human.stdout.splitlines()
    assert lines[0] == "Nearly there: make the result concrete."
    assert lines[1] == "✓ Situation  ✓ Task  ✓ Action  ✓ Result  (vague result)"
    assert lines[2] == "To make it stronger:" and lines[3].startswith("  - Make the result concrete")
    piped = run_cli("check", "answer", "--json", input="We all pulled together and it went well.\n")
    data = json.loads(piped.stdout)
    assert data["parts"] == {"situation": False, "task": False, "action": False, "result": True}
    assert data["missing"] == ["situation", "task", "action", "concrete_result"]
    assert len(data["suggestions"]) == 4 and data["complete"] is False


def test_check_answer_imports_nothing_heavy() -> None:
    heavy = {"pandas", "nbformat", "papermill", "jsonschema", "ipywidgets", "matplotlib", "vaderSentiment"}
    assert heavy_imports(["check", "answer", "I was asked to cut waste."], heavy=heavy) == []


def test_file_system_mistakes_are_one_line_too(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    result = run_cli("new", "--company", "Acme", "--role", "A", "--dir", "afile", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("nextround: error: afile") and len(result.stderr.strip().splitlines()) == 1
