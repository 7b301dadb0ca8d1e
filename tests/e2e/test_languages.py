"""A workbook in American English and in German, in a real browser, pictured for docs/screenshots.

Each is made with `--locale` and served by `nextround app` to a browser set to that
language: the guidance, the form labels and buttons, the drafts and the dates a
person reads are in it, and a Save answers in it too.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import nextround

from . import servers
from .conftest import REJECTION
from .workbook_page import WorkbookPage, expect

REJECTED = date.today() - timedelta(days=2)

# What each language must show, and what the en-GB workbook would say instead.
SPEAKS = {
    "en-US": {"browser": "en-US", "timezone": "America/New_York",
              "heading": "Ask for your résumé to be kept on file", "save": "Save check-in", "saved": "Saved at",
              "draft": "Best regards", "date": re.compile(r"[A-Z][a-z]+ \d{1,2}, 20\d\d"),
              "not": "Ask for your CV to be kept on file"},
    "de": {"browser": "de-DE", "timezone": "Europe/Berlin",
           "heading": "Lebenslauf", "save": "speichern", "saved": "Gespeichert um",
           "draft": "Mit freundlichen Grüßen", "date": re.compile(r"\d{1,2}\. [A-ZÄÖÜ][a-zä]+ 20\d\d"), "not": "Check in first"},
}


@pytest.mark.slow
@pytest.mark.parametrize("locale", list(SPEAKS))
def test_a_workbook_speaks_its_language_in_the_browser(browser: Any, tmp_path: Path, screenshots: Path,
                                                       locale: str) -> None:
    want = SPEAKS[locale]
    workbook = nextround.new(dir=tmp_path / "workbooks", locale=locale, rejected_on=REJECTED.isoformat(),
                             interview_date=(REJECTED - timedelta(days=5)).isoformat(),
                             **{k: v for k, v in REJECTION.items() if k not in ("rejected_on", "interview_date")})
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=want["browser"],
                                  timezone_id=want["timezone"])
    context.set_default_timeout(WorkbookPage.STEP_TIMEOUT_MS)
    server = servers.start_app(workbook, tmp_path / "home")
    try:
        tab = WorkbookPage.in_app(context, server.url)
        body = tab.page.locator("body")
        expect(body).to_contain_text(want["heading"])
        expect(body).not_to_contain_text(want["not"])
        # The drafts, in their text boxes, are letters of that country.
        drafts = tab.page.locator("textarea").evaluate_all("boxes => boxes.map(b => b.value).join(' ')")
        assert want["draft"] in drafts
        expect(tab.part("checkin-save-button")).to_contain_text(want["save"], ignore_case=True)
        expect(tab.part("summary")).to_contain_text(want["date"])  # dates as its readers write them: month first, or '2. Dezember 2026'

        tab.set_slider("checkin-mood", 6)
        tab.part("checkin-ready").locator("button").first.click()
        tab.part("checkin-save-button").click()
        expect(tab.part("checkin-status")).to_contain_text(want["saved"])

        first_form = tab.page.locator("h2").first
        tab.screenshot(screenshots / f"workbook-{locale}.png", first_form, tab.part("checkin-status"))
        tab.screenshot(screenshots / f"summary-{locale}.png", tab.part("summary"))
    finally:
        servers.stop(server)
        context.close()
