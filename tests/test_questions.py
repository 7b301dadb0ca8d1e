"""The question bank: every interview question asked, by theme, from a folder with known answers."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import known_folder as kf
from conftest import run_cli
from nextround.journal import dashboard
from nextround.journal.questions import question_bank
from nextround.journal.tables import load

HOSTILE = '<script>alert("gotcha")</script> & Co'
HOSTILE_FILES = Path(__file__).resolve().parent / "data" / "hostile" / "question-bank"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return kf.make(tmp_path / "workbooks")


def test_the_same_question_from_two_workbooks_is_one_entry_with_the_latest_answer(folder: Path) -> None:
    bank = question_bank(load(folder, today=kf.TODAY))
    assert list(bank) == ["teamwork", "motivation"]  # in theme order, only themes with questions
    teamwork = bank["teamwork"][0]
    assert teamwork.question == "Tell me about a time you worked as part of a team!"  # the latest wording
    assert [a.where() for a in teamwork.asked] == [
        "Acme Analytics — Data Analyst (10 June 2026)", "Borealis Bank — Product Designer (28 June 2026)"]
    # The latest better answer is Borealis's vague one; Acme's complete one still counts as practice.
    assert teamwork.better_answer == "We all pulled together and it went well."
    assert teamwork.check is not None and not teamwork.check.complete
    assert teamwork.practised
    why = bank["motivation"][0]
    assert why.check is None and why.better_answer == "" and not why.practised


def test_questions_prints_a_plain_list_by_theme(folder: Path) -> None:
    result = run_cli("questions", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Your question bank: 2 interview questions noted; 1 practised (a complete STAR better answer).",
        "",
        "Teamwork",
        "  * Tell me about a time you worked as part of a team!",
        "    Asked 2 times: Acme Analytics — Data Analyst (10 June 2026); Borealis Bank — Product Designer "
        "(28 June 2026)",
        "    Latest better answer, for Borealis Bank — Product Designer (28 June 2026): Missing: situation, "
        "task, action.",
        "      We all pulled together and it went well.",
        "",
        "Motivation",
        "  * Why do you want to work here?",
        "    Asked once: Acme Analytics — Data Analyst (10 June 2026)",
        "    No better answer yet.",
    ]
    assert result.stderr == ""


class _Page(HTMLParser):
    """What a browser would see of a page: its tags and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.sources += [value or "" for name, value in attrs if name in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_questions_writes_an_escaped_offline_page_and_names_an_unreadable_file(folder: Path) -> None:
    borealis = kf.borealis()
    borealis["rejection"]["company"] = HOSTILE
    borealis["self_review"]["questions"][0]["better_answer"] = f"We did it. {HOSTILE}"
    kf.write(folder, kf.BOREALIS, borealis)
    kf.write(folder, "broken", "{")
    out = folder.parent / "questions.html"
    result = run_cli("questions", "--dir", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert result.stderr.startswith(f"nextround: skipped {folder / 'broken.answers.json'}: is not valid JSON")
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert "script" not in page.tags and page.sources == []  # no scripts, nothing from the web
    text = "".join(page.text)
    assert HOSTILE in text  # shown as text: where it was asked, whose answer it is, and the answer
    assert html.count("&lt;script&gt;") == 3 and "<script" not in html
    assert "Teamwork (1)" in text and "Motivation (1)" in text
    assert "broken.answers.json: is not valid JSON" in text  # its name, not where it lives
    assert str(folder) not in html


def test_bad_question_files_are_named_and_skipped_and_markup_stays_text(folder: Path) -> None:
    for path in HOSTILE_FILES.iterdir():
        shutil.copy(path, folder / path.name)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    listed = run_cli("questions", "--dir", str(folder))
    assert listed.returncode == 0
    assert listed.stderr.splitlines() == [
        f"nextround: skipped {folder / name}: was skipped: a value in self_review is of the wrong kind"
        for name in ("answer-not-text.answers.json", "questions-not-a-list.answers.json")]
    assert "  * <b>Why</b> do you want <script>alert('q')</script> this job?" in listed.stdout.splitlines()
    assert "Teamwork" in listed.stdout  # the good files still listed
    out = folder.parent / "questions.html"
    assert run_cli("questions", "--dir", str(folder), "-o", str(out)).returncode == 0
    page = _Page()
    page.feed(out.read_text(encoding="utf-8"))
    assert not page.tags & {"script", "img", "a"} and page.sources == []
    assert "<b>Why</b> do you want <script>alert('q')</script> this job?" in "".join(page.text)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing in the folder changed


def test_questions_of_a_folder_without_any_says_where_to_note_them(tmp_path: Path) -> None:
    result = run_cli("questions", "--dir", str(tmp_path))
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.strip() == f"nextround: no interview questions noted in {tmp_path} yet; note them in " \
                                    "step 4 of a workbook"
    out = tmp_path / "questions.html"
    assert run_cli("questions", "--dir", str(tmp_path), "-o", str(out)).returncode == 0
    assert "No interview questions noted yet." in out.read_text(encoding="utf-8")


def test_questions_refuses_a_page_that_is_not_html_before_reading_anything(folder: Path) -> None:
    out = folder.parent / "questions.txt"
    result = run_cli("questions", "--dir", "nowhere", "-o", str(out), cwd=folder.parent)
    assert result.returncode == 1
    assert result.stderr.strip() == f"nextround: error: {out}: should end in .html"
    assert not out.exists()


def test_the_practice_panel_counts_practised_questions_and_recurring_themes(folder: Path) -> None:
    html = dashboard.practice(dashboard.read(folder, "2026-07-01"))._repr_html_()
    assert "<b>1 of 2 questions practised</b>: they have a complete STAR better answer." in html
    assert "Keep coming back: teamwork (2 times)." in html
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows[1:]]
    assert cells == [["Teamwork", "2", "1", "1"], ["Motivation", "1", "1", "0"]]


def test_the_practice_panel_of_a_folder_without_questions_says_what_will_appear(tmp_path: Path) -> None:
    html = dashboard.practice(dashboard.read(tmp_path))._repr_html_()
    assert "The interview questions you note in step 4 of a workbook will gather here" in html


@pytest.mark.parametrize("question", [
    "Tell me about a time you had to win over a sceptical stakeholder.",
    "How did you win the finance team round to your plan?",
    "Describe a skeptical client you brought on side.",
])
def test_questions_about_winning_people_over_are_filed_with_conflict_not_other(question: str) -> None:
    from nextround.checks.questions import question_theme

    assert question_theme(question) == "conflict"
