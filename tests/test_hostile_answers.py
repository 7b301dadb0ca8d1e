"""Hostile answers files in a folder: each is named once, the rest goes on as if it were alone.

The corpus is tests/data/hostile/answers/ (its README says what each file is). Every
command that reads a whole folder runs over it next to two good workbooks' answers:
no traceback, each bad file named in one line, the good ones read exactly as when
they are alone, nothing in the folder changed, and nothing that is not text reaches
the terminal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

import known_folder as kf
import nextround
from conftest import run_cli
from nextround.errors import AnswersError
from nextround.storage.store import AnswersStore

CORPUS = Path(__file__).parent / "data" / "hostile" / "answers"
SUFFIX = ".answers.json"
# Read as usual (their text is only awkward where it leaves); every other file is skipped.
READ = {"control-characters", "vertical-tab", "lone-surrogate"}
HOSTILE = sorted(p.name.removesuffix(SUFFIX) for p in CORPUS.glob(f"*{SUFFIX}"))
SKIPPED = [name for name in HOSTILE if name not in READ]
GOOD = {kf.ACME: kf.acme, kf.BOREALIS: kf.borealis}
# What may reach a terminal: text, and the line breaks between lines.
LIMIT = 5 * 1024 * 1024  # the documented size limit of an answers file
NOT_TEXT = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_the_corpus_and_its_readme_agree() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    described = set(re.findall(r"^- `([a-z0-9-]+)`", readme, flags=re.MULTILINE))
    assert described == set(HOSTILE)
    assert len(SKIPPED) >= 10


def hostile_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in CORPUS.glob(f"*{SUFFIX}"):
        shutil.copyfile(path, folder / path.name)
    for stem, doc in GOOD.items():
        kf.write(folder, stem, doc())
    return folder


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in `folder` (and below) with its bytes and modification time."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return hostile_folder(tmp_path / "workbooks")


def problems(stderr: str) -> list[str]:
    """What a command said on standard error, less status's legend for the marks."""
    return [line for line in stderr.splitlines() if not line.startswith("Steps: ")]


def skipped_lines(stderr: str, folder: Path) -> dict[str, list[str]]:
    # Besides the skipped files: the calendar's count and status's legend, for people.
    lines = [line for line in stderr.splitlines()
             if not line.endswith("reminders written") and not line.startswith("Steps: ")]
    assert all(line.startswith("nextround: skipped ") for line in lines), stderr
    return {name: [line for line in lines if f"{folder / name}{SUFFIX}:" in line] for name in HOSTILE}


@pytest.mark.parametrize("command", [
    ["status"], ["due", "--on", "2026-07-01"], ["calendar", "-o", "{out}/reminders.ics"],
    ["export", "-o", "{out}/csv"], ["export", "--format", "xlsx", "-o", "{out}/xlsx"],
], ids=["status", "due", "calendar", "export-csv", "export-xlsx"])
def test_every_folder_command_names_each_hostile_file_once_and_goes_on(
        folder: Path, tmp_path: Path, command: list[str]) -> None:
    before = snapshot(folder)
    args = [part.format(out=tmp_path) for part in command]
    result = run_cli(*args, "--dir", str(folder))

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    named = skipped_lines(result.stderr, folder)
    assert {name for name, lines in named.items() if lines} == set(SKIPPED)
    assert all(len(lines) == 1 for name, lines in named.items() if name in SKIPPED)
    assert not NOT_TEXT.search(result.stdout + result.stderr)
    assert snapshot(folder) == before
    if command == ["status"]:
        shown = result.stdout
        for stem in [*GOOD, *READ]:
            assert f"[{stem}.ipynb]" in shown
        assert "Nul Escape[2J[31mRed Ltd — Roleesrever" in shown  # the text, without what is not text
        assert len(shown.splitlines()) == len(GOOD) + len(READ)


def test_load_skips_each_hostile_file_and_reads_the_good_ones_as_when_alone(folder: Path, tmp_path: Path) -> None:
    before = snapshot(folder)
    journal = nextround.load(folder, today=kf.TODAY)
    assert snapshot(folder) == before

    assert sorted(Path(p.file or "").name.removesuffix(SUFFIX) for p in journal.problems) == SKIPPED
    for problem in journal.problems:
        assert isinstance(problem, AnswersError)
        assert "\n" not in str(problem)
    alone = nextround.load(kf.make(tmp_path / "alone"), today=kf.TODAY)
    assert not alone.problems
    ids = set(alone.rejections["workbook_id"]) - {"wb-minimal"}
    for name, table in journal.tables.items():
        mine = table[table["workbook_id"].isin(ids)].reset_index(drop=True)
        theirs = alone.tables[name][alone.tables[name]["workbook_id"].isin(ids)].reset_index(drop=True)
        assert mine.equals(theirs), name
    assert set(journal.rejections["workbook_id"]) == ids | {"h-controls", "h-vtab", "h-surrogate"}


@pytest.mark.parametrize("name", SKIPPED)
def test_the_journal_names_the_field_when_there_is_one(folder: Path, name: str) -> None:
    fields = {
        "far-future-date": "rejection/rejected_on", "year-one-lapse": "cv_on_file/keep_until",
        "huge-cadence": "contacts/0/cadence_weeks", "infinite-cadence": "contacts/0/cadence_weeks",
        "huge-keep-months": "cv_on_file/keep_months", "huge-check-every-days":
        "company/vacancy_watch/check_every_days", "wrong-kind": "checkins/0/mood",
    }
    journal = nextround.load(folder, today=kf.TODAY)
    (problem,) = [p for p in journal.problems if Path(p.file or "").name == f"{name}{SUFFIX}"]
    if name in fields:
        assert fields[name] in problem.message


@pytest.mark.parametrize("name", SKIPPED)
def test_a_workbook_reading_a_hostile_file_gets_one_error_naming_it(tmp_path: Path, name: str) -> None:
    # What a workbook's cells, the API and every save read through: never a raw
    # UnicodeDecodeError, RecursionError or ValueError.
    path = tmp_path / f"{name}{SUFFIX}"
    shutil.copyfile(CORPUS / path.name, path)
    before = path.read_bytes()
    with pytest.raises(AnswersError) as caught:
        AnswersStore(path).read()
    assert str(path) in str(caught.value)
    with pytest.raises(AnswersError):
        nextround.open_answers(path).update("reply", draft="Thank you.")
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["not-utf8", "deeply-nested", "far-future-date"])
def test_a_workbooks_forms_show_their_defaults_and_one_line_naming_the_file(tmp_path: Path, name: str) -> None:
    from nextround.notebook.session import Session

    path = tmp_path / f"{name}{SUFFIX}"
    shutil.copyfile(CORPUS / path.name, path)
    session = Session.start(company="Hostile Example Ltd", role="Tester", answers_file=str(path))
    shown = session.answers()
    assert shown["checkins"] == [] and shown["feedback"]["text"] == ""
    assert session.problem is not None and session.problem.startswith(f"{path}: ")
    assert "\n" not in session.problem


def test_the_home_notebooks_list_names_each_hostile_file(folder: Path) -> None:
    from nextround.journal.dashboard import coming_up
    from nextround.notebook.home import Home

    home = Home(folder, today=kf.TODAY)
    html = home.workbooks_html()
    for name in SKIPPED:
        assert html.count(f"{name}{SUFFIX}") == 1, name
    for stem in GOOD:
        assert f'href="{stem}.ipynb"' in html
    due = coming_up(home._journal()).html
    assert "Hostile Example Ltd" in due
    # What a widget sends to the browser: half a UTF-16 pair there stops the kernel sending it.
    assert not NOT_TEXT.search(html + due)


@pytest.mark.slow
def test_the_report_names_each_hostile_file_and_shows_the_good_ones(folder: Path, tmp_path: Path) -> None:
    before = snapshot(folder)
    result = run_cli("report", "--dir", str(folder), "-o", str(tmp_path / "journey.html"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "journey.html").read_text(encoding="utf-8")
    for name in SKIPPED:
        assert f"{name}{SUFFIX}" in page
    assert "Acme Analytics" in page and "Borealis Bank" in page
    assert snapshot(folder) == before


# --- the size limit -----------------------------------------------------------------


def oversized(folder: Path, size: int = LIMIT + 1) -> Path:
    """A valid answers file of more than `size` bytes: one long note."""
    doc = kf.minimal()
    doc["workbook_id"] = "wb-huge"
    doc["feedback"] = {"text": "x" * size}
    return kf.write(folder, "huge", doc)


def test_a_file_over_the_size_limit_is_named_and_the_rest_listed_quickly(tmp_path: Path) -> None:
    folder = kf.make(tmp_path / "workbooks")
    oversized(folder)
    result = run_cli("status", "--dir", str(folder))
    assert result.returncode == 0
    assert problems(result.stderr) == [
        f"nextround: skipped {folder / 'huge.answers.json'}: is larger than 5 MB, the most an answers file may hold"]
    assert len(result.stdout.splitlines()) == 3


def test_a_workbook_over_the_size_limit_says_so_and_is_never_saved_over(tmp_path: Path) -> None:
    path = oversized(tmp_path)
    before = path.read_bytes()
    with pytest.raises(AnswersError, match="larger than 5 MB"):
        AnswersStore(path).read()
    with pytest.raises(AnswersError, match="larger than 5 MB"):
        nextround.open_answers(path).update("reply", draft="Thank you.")
    assert path.read_bytes() == before


def test_a_save_that_would_pass_the_size_limit_is_refused_naming_the_file_not_the_text(acme_workbook: Path) -> None:
    answers = nextround.open_answers(acme_workbook)
    path = answers.store.path
    before, kept = path.read_bytes(), answers.store.history()
    note = "A long, private note. " * (LIMIT // 20)
    with pytest.raises(AnswersError) as caught:
        answers.update("reply", draft=note)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "larger than 5 MB" in message
    assert "private note" not in message
    assert path.read_bytes() == before and answers.store.history() == kept


def test_a_pipe_or_a_broken_link_among_the_answers_is_named_and_never_waited_on(tmp_path: Path) -> None:
    folder = kf.make(tmp_path / "workbooks")
    os.mkfifo(folder / "pipe.answers.json")
    (folder / "nowhere.answers.json").symlink_to(tmp_path / "missing.answers.json")
    result = run_cli("status", "--dir", str(folder))
    assert result.returncode == 0
    assert sorted(problems(result.stderr)) == [
        f"nextround: skipped {folder / 'nowhere.answers.json'}: cannot be read (there is no such file)",
        f"nextround: skipped {folder / 'pipe.answers.json'}: is a pipe, not a regular file",
    ]
    assert len(result.stdout.splitlines()) == 3
    with pytest.raises(AnswersError, match="is a pipe"):
        AnswersStore(folder / "pipe.answers.json").read()


# --- nextround new refuses what the schema refuses -----------------------------------


@pytest.mark.parametrize("option, value", [("--rejected-on", "9999-12-31"), ("--interview-date", "1899-12-31"),
                                           ("--rejected-on", "2200-01-01")])
def test_new_refuses_a_date_outside_the_window_naming_the_option(tmp_path: Path, option: str, value: str) -> None:
    result = run_cli("new", "--company", "Acme", "--role", "Analyst", option, value, "--dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"nextround: error: {option}: {value} is outside the dates nextround keeps "
                                     "(1900-01-01 to 2199-12-31)")
    assert not list(tmp_path.iterdir())


def test_the_window_edges_are_kept(tmp_path: Path) -> None:
    path = nextround.new("Acme", "Analyst", dir=tmp_path, interview_date="1900-01-01", rejected_on="2199-12-31")
    doc = json.loads(path.with_name(path.stem + SUFFIX).read_text(encoding="utf-8"))
    assert doc["rejection"]["rejected_on"] == "2199-12-31"
    assert nextround.load(tmp_path).rejections["rejected_on"].iloc[0].year == 2199
