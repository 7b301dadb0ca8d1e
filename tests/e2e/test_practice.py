"""Practising the answers, in a real browser: the STAR verdict as it is typed, and the question bank.

A person writes a better answer to an interview question in the self-review; the
verdict under it says which STAR parts are there and what to add, and changes as the
answer grows. Across workbooks, `nextround questions -o` makes a page of every
question asked, grouped by theme. Both are pictured for docs/screenshots (with
`make screenshots`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import nextround

from . import servers
from .conftest import REJECTION
from .workbook_page import WorkbookPage, expect

QUESTION = "Tell me about a time you had to win over a sceptical stakeholder."
WITHOUT_RESULT = (
    "Last spring at a small logistics firm, the warehouse manager refused to use the new stock dashboard. "
    "I was asked to get the warehouse team using it before the peak season. "
    "I sat with him for two mornings, rebuilt the dashboard around the three numbers he checked on paper "
    "and showed his shift leads how to read it."
)
RESULT = " Within a month every shift used it daily, and paper stock counts fell from five hours a week to one."


@pytest.mark.slow
def test_the_star_verdict_follows_the_better_answer_as_it_is_typed(
    context: Any, workbook: Path, tmp_path: Path, screenshots: Path
) -> None:
    server = servers.start_app(workbook, tmp_path / "home")
    try:
        tab = WorkbookPage.in_app(context, server.url)
        tab.fill("review-question", QUESTION)
        tab.fill("review-better-answer", WITHOUT_RESULT)
        verdict = tab.part("review-star")
        # Three parts are there; the result is missing, and the verdict says what to add.
        expect(verdict).to_contain_text("✓ Situation")
        expect(verdict).to_contain_text("✓ Action")
        expect(verdict).to_contain_text("✗ Result")
        expect(verdict.locator("li")).not_to_have_count(0)
        tab.screenshot(screenshots / "review-star-missing.png", tab.part("review-question"), verdict)

        tab.fill("review-better-answer", WITHOUT_RESULT + RESULT)
        expect(verdict).to_contain_text("Reads as a complete STAR answer")
        expect(verdict.locator("li")).to_have_count(0)
        tab.screenshot(screenshots / "review-star-complete.png", tab.part("review-question"), verdict)
    finally:
        servers.stop(server)


def _answered(folder: Path, company: str, questions: list[dict[str, str]]) -> None:
    path = nextround.new(dir=folder, **{**REJECTION, "company": company})
    nextround.open_answers(path).store.update(lambda doc: doc["self_review"].update(questions=questions))


@pytest.mark.slow
def test_the_question_bank_page_groups_questions_by_theme_with_each_verdict(
    context: Any, tmp_path: Path, screenshots: Path
) -> None:
    folder = tmp_path / "workbooks"
    _answered(folder, "Acme Analytics", [
        {"question": QUESTION, "my_answer": "", "better_answer": WITHOUT_RESULT + RESULT},
        {"question": "Why do you want to work here?", "my_answer": "", "better_answer": ""},
    ])
    _answered(folder, "Borealis Insights", [
        {"question": "Describe a conflict with a colleague and how you handled it.", "my_answer": "",
         "better_answer": WITHOUT_RESULT},
    ])
    page_file = tmp_path / "questions.html"
    done = subprocess.run([sys.executable, "-m", "nextround", "questions", "--dir", str(folder), "-o", str(page_file)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr

    page = context.new_page()
    page.goto(page_file.as_uri())
    expect(page.locator("h1")).to_have_text("Your question bank")
    # Every question asked is on the page, once, under a theme heading with its count.
    for question in (QUESTION, "Why do you want to work here?", "Describe a conflict with a colleague"):
        expect(page.get_by_text(question)).to_have_count(1)
    assert page.locator("h2").count() >= 2
    # The latest better answer of each, with its verdict: complete, or what it misses.
    expect(page.locator("body")).to_contain_text("Complete STAR answer")
    expect(page.locator("body")).to_contain_text("Missing: result")
    expect(page.get_by_text("No better answer yet")).to_have_count(1)
    tab = WorkbookPage(page)
    tab.screenshot(screenshots / "questions.png", page.locator("h1"), page.locator("body > *").last)
