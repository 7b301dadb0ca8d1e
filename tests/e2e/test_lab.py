"""The workbook in JupyterLab, in a real browser, as a person uses it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from . import flow
from .servers import Server
from .workbook_page import WorkbookPage

pytestmark = pytest.mark.slow


def test_every_form_saves_and_comes_back_after_a_reload_and_a_kernel_restart(
    context: Any, lab: Server, workbook: Path, screenshots: Path
) -> None:
    tab = WorkbookPage.in_lab(context, lab.url, workbook)
    tab.hide_side_panels()
    tab.run_all()
    assert tab.problem_outputs() == []  # no traceback, nothing on stderr
    # The code stays hidden: a person sees text, drafts and forms, not Python.
    assert not tab.page.get_by_text("Workbook.from_namespace").is_visible()
    tab.scroll_to_top()
    tab.page.screenshot(path=str(screenshots / "lab-start.png"))

    tab.page.set_viewport_size({"width": 1280, "height": 1800})  # room for a whole section per picture
    flow.fill_every_form(tab, screenshots)
    doc = flow.check_answers_file(workbook)

    tab.reload()
    tab.restart_and_run_all()
    assert tab.problem_outputs() == []
    flow.check_every_form_shows(tab, doc)
    assert flow.read_answers(workbook) == doc  # running again wrote nothing; only Save does


def test_two_tabs_on_the_same_workbook_saving_in_turn_lose_nothing(
    context: Any, lab: Server, workbook: Path
) -> None:
    first = WorkbookPage.in_lab(context, lab.url, workbook)
    first.run_all()
    second = WorkbookPage.in_lab(context, lab.url, workbook)
    second.run_all()  # both tabs now show forms built before either saved

    first.set_slider("checkin-mood", 4)
    first.choose("checkin-ready", "Not yet")
    first.save("checkin")
    second.set_slider("checkin-mood", 7)
    second.choose("checkin-ready", "Yes, I'm ready")
    second.save("checkin")

    first.fill("feedback-text", flow.VAGUE_FEEDBACK)
    first.save("feedback")
    second.fill("reply-draft", flow.CALM_REPLY)
    second.save("reply")

    for tab, note in ((first, "Coffee with Priya"), (second, "Commented on her post")):
        priya = tab.person("Priya Shah")
        tab.pick_date("contact-log-on", "2026-07-01", within=priya)
        tab.fill("contact-log-note", note, within=priya)
        tab.save("contact", within=priya, button="log-button")

    doc = flow.read_answers(workbook)
    assert [(c["mood"], c["ready"]) for c in doc["checkins"]] == [(4, False), (7, True)]
    assert doc["feedback"]["text"] == flow.VAGUE_FEEDBACK
    assert doc["reply"]["draft"] == flow.CALM_REPLY
    priya = next(c for c in doc["contacts"] if c["name"] == "Priya Shah")
    assert sorted(entry["note"] for entry in priya["log"]) == ["Coffee with Priya", "Commented on her post"]

    first.reload()
    first.restart_and_run_all()
    first.shows_text("checkin-history", "mood 4/10", "mood 7/10")
    first.shows_value("feedback-text", flow.VAGUE_FEEDBACK)
    first.shows_value("reply-draft", flow.CALM_REPLY)
    priya = first.person("Priya Shah")
    first.shows_text("contact-next-contact", "Coffee with Priya", "Commented on her post", within=priya)
