"""Three weeks after a "no", as a job seeker lives them, in `nextround app` in a real browser.

Each point of the story is a workbook whose rejection came that many days before
today, holding what the person did until then; the test does that day's part through
the page, checks what a careers adviser would want to see, and takes a picture for
docs/screenshots (with `make screenshots`):

- the evening of the "no": a low check-in, "not yet" — nothing is overdue, the
  messages wait;
- two days later: a "ready" check-in gets a warm word and the plan for today, and the
  one short reply goes out;
- a week later: vague feedback arrives, and the follow-up asks one or two things;
- three weeks later, after silence: the feedback step closes kindly, with advice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

import nextround

from . import servers
from .workbook_page import WorkbookPage, expect

TODAY = date.today()
REPLY = "Send one short reply"
VAGUE = "Thank you for your time. On this occasion we went with a candidate whose experience was a closer fit."


def make(folder: Path, days_ago: int) -> Path:
    """A workbook for a rejection `days_ago` days before today, made that evening."""
    rejected = TODAY - timedelta(days=days_ago)
    path = nextround.new(company="Northwind Analytics", role="Data Analyst", dir=folder,
                         interview_date=rejected - timedelta(days=6), rejected_on=rejected,
                         stage="final interview",
                         contacts=["Priya Shah <priya@northwind.example>", "Tom Reid"])
    made = datetime.combine(rejected, time(19, 30)).astimezone().isoformat(timespec="seconds")
    nextround.open_answers(path).store.update(lambda doc: doc.update(created_at=made))
    return path


def at(days_ago: int, hour: int = 9) -> str:
    return datetime.combine(TODAY - timedelta(days=days_ago), time(hour)).isoformat(timespec="seconds")


def day(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


@contextmanager
def app_tab(context: Any, workbook: Path, home: Path) -> Iterator[WorkbookPage]:
    server = servers.start_app(workbook, home)
    try:
        yield WorkbookPage.in_app(context, server.url)
    finally:
        servers.stop(server)


def summary(tab: WorkbookPage) -> Any:
    return tab.page.get_by_text("of 5 steps done").locator("..")


def shoot(tab: WorkbookPage, shots: Path, name: str, top: Any, bottom: Any | None = None) -> None:
    tab.screenshot(shots / f"{name}.png", top, bottom)


@pytest.mark.slow
def test_the_evening_of_the_no_nothing_is_overdue_and_the_messages_wait(
    context: Any, tmp_path: Path, screenshots: Path
) -> None:
    workbook = make(tmp_path / "workbooks", days_ago=0)
    with app_tab(context, workbook, tmp_path / "home") as tab:
        tab.set_slider("checkin-mood", 3)
        tab.press_toggle("checkin-emotions-angry")
        tab.choose("checkin-ready", "Not yet")
        tab.save("checkin")
        tab.part("plan-advice").get_by_text("hold off sending").wait_for()
        expect(summary(tab)).to_contain_text("when you feel ready")
        expect(summary(tab)).not_to_contain_text("overdue")
        shoot(tab, screenshots, "day-0-not-ready", tab.page.locator("h2", has_text="Check in first").first,
              tab.part("plan"))
        shoot(tab, screenshots, "day-0-summary", tab.page.locator("h2", has_text="Where you are").first,
              summary(tab))


@pytest.mark.slow
def test_two_days_later_ready_a_warm_word_and_the_one_short_reply_goes_out(
    context: Any, tmp_path: Path, screenshots: Path
) -> None:
    workbook = make(tmp_path / "workbooks", days_ago=2)
    nextround.open_answers(workbook).add_checkin(3, ready=False, emotions=["angry"], at=at(2, 20))
    with app_tab(context, workbook, tmp_path / "home") as tab:
        tab.fill("you-name", "Alex Example")
        tab.save("you")
        tab.set_slider("checkin-mood", 6)
        tab.press_toggle("checkin-emotions-calm")
        tab.choose("checkin-ready", "Yes, I'm ready")
        tab.save("checkin")
        tab.part("checkin-response").get_by_text("Good to hear you feel ready").wait_for()
        expect(tab.part("checkin-response")).to_contain_text(REPLY)
        draft = tab.part("plan-draft").locator("textarea")
        expect(draft).to_have_value(re.compile(r"^Subject: Re: Data Analyst – thank you\n\nDear Priya,"))
        expect(draft).to_have_value(re.compile(r"Kind regards,\nAlex Example$"))
        mailto = tab.part("plan-tools").locator("a.nextround-mailto")
        assert mailto.get_attribute("href").startswith("mailto:priya@northwind.example?subject=Re%3A%20Data")
        shoot(tab, screenshots, "day-2-ready", tab.part("checkin-response"), tab.part("plan"))
        tab.pick_date("plan-sent-on", day(0))
        tab.save("plan")
        expect(summary(tab)).to_contain_text("Send a LinkedIn connection request")
        expect(summary(tab)).not_to_contain_text(REPLY)
    doc = nextround.open_answers(workbook).data
    assert doc["reply"]["sent_on"] == doc["feedback"]["requested_on"] == doc["cv_on_file"]["asked_on"] == day(0)


@pytest.mark.slow
def test_a_week_later_vague_feedback_gets_a_focused_follow_up(
    context: Any, tmp_path: Path, screenshots: Path
) -> None:
    workbook = make(tmp_path / "workbooks", days_ago=9)
    answers = nextround.open_answers(workbook)
    answers.add_checkin(3, ready=False, at=at(9, 20))
    answers.add_checkin(6, ready=True, at=at(7))
    answers.update("you", name="Alex Example")
    answers.update("plan", combined_sent_on=day(7))  # records the request, the reply, the CV and the thanks
    with app_tab(context, workbook, tmp_path / "home") as tab:
        tab.pick_date("feedback-received-on", day(0))
        tab.fill("feedback-text", VAGUE)
        tab.part("feedback-verdict").get_by_text("This feedback is vague").wait_for()
        follow_up = tab.part("feedback-follow-up-draft").locator("textarea")
        expect(follow_up).to_have_value(re.compile(r"\n- .+\n(- .+\n)?\n"))
        assert follow_up.input_value().count("\n- ") <= 2  # one or two questions, never four
        tab.save("feedback")
        shoot(tab, screenshots, "day-9-vague-feedback", tab.page.locator("h2", has_text="1. Ask").first,
              tab.part("feedback-follow-up-tools"))


@pytest.mark.slow
def test_three_weeks_of_silence_close_the_step_kindly(
    context: Any, tmp_path: Path, screenshots: Path
) -> None:
    workbook = make(tmp_path / "workbooks", days_ago=23)
    answers = nextround.open_answers(workbook)
    answers.add_checkin(2, ready=False, at=at(23, 20))
    answers.add_checkin(6, ready=True, at=at(21))
    answers.update("plan", combined_sent_on=day(21))  # records the request, the reply, the CV and the thanks
    for name in ("Priya Shah", "Tom Reid"):
        answers.update_contact(name, linkedin_request_sent_on=day(17))
    with app_tab(context, workbook, tmp_path / "home") as tab:
        expect(summary(tab)).to_contain_text("Follow up on your reply")
        tab.select("feedback-closed", "They never replied, even after a follow-up")
        tab.part("feedback-closed-advice").get_by_text("says nothing about you").wait_for()
        tab.save("feedback")
        expect(summary(tab)).not_to_contain_text("Follow up")
        shoot(tab, screenshots, "day-23-no-reply", tab.part("feedback-closed"), tab.part("feedback-closed-advice"))
        shoot(tab, screenshots, "day-23-summary", tab.page.locator("h2", has_text="Where you are").first,
              summary(tab))
