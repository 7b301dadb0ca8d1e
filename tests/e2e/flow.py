"""One person's session with a workbook, the same in JupyterLab and in `nextround app`.

`fill_every_form` does what a person does on day one, clicking each Save;
`check_answers_file` reads what landed on disk; `check_every_form_shows` checks a
freshly run workbook shows it all again. Screenshots are taken along the way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nextround.core.progress import step_states

from .workbook_page import WorkbookPage

VAGUE_FEEDBACK = "Another candidate had more experience."
TAKEAWAYS = "Ask which experience they meant, and show more SQL in my portfolio."
BITTER_REPLY = "Whatever. Good luck finding someone as good as me."
CALM_REPLY = ("Dear Priya,\n\nThank you for letting me know. I enjoyed meeting the team and "
              "would be glad to hear of future roles.\n\nBest wishes,\nAlex")
CHECKIN_NOTE = "Flat today; a walk helped."
RAPPORT_NOTE = "nervous for the first ten minutes"
QUESTION = "Tell me about a time you disagreed with a stakeholder."
KEYWORDS = "analyst, SQL, London"
TOM_EMAIL = "tom@acme.example"

# The sections shown in the README, each from its heading to the end of its form.
SECTIONS = {
    "checkin": ("Check in first", "checkin"),
    "feedback": ("1. Ask for honest feedback", "feedback"),
    "reply": ("2. Stay professional", "reply"),
    "cv": ("3. Ask for your CV to be kept on file", "cv"),
    "review": ("4. Review your own interview", "review"),
    "contacts": ("5. Stay in touch", "contacts"),
}


def read_answers(workbook: Path) -> dict[str, Any]:
    """The answers file beside the workbook."""
    return json.loads(workbook.with_name(workbook.stem + ".answers.json").read_text(encoding="utf-8"))


def section(tab: WorkbookPage, heading: str) -> Any:
    """The heading of a section of the workbook (a Markdown heading, in Lab or Voilà)."""
    return tab.page.locator("h2", has_text=heading).first


def fill_every_form(tab: WorkbookPage, shots: Path | None = None) -> None:
    """Check in, record feedback, draft a reply, set the CV status, score the rubric,
    mark a thank-you as sent, follow the company: each with its own Save."""
    # 0. A check-in: low, angry, not ready yet.
    tab.set_slider("checkin-mood", 3)
    tab.press_toggle("checkin-emotions-angry")
    tab.fill("checkin-note", CHECKIN_NOTE)
    tab.choose("checkin-ready", "Not yet")
    tab.save("checkin")
    tab.part("checkin-history").get_by_text("mood 3/10").wait_for()
    # Not ready: the reply step, further down, now advises waiting.
    tab.part("reply-advice").get_by_text("hold off sending").wait_for()

    # 1. Feedback: vague, so the workbook says so as it is typed.
    tab.pick_date("feedback-received-on", "2026-06-24")
    tab.fill("feedback-given-by", "Priya Shah")
    tab.select("feedback-via", "phone")
    tab.fill("feedback-text", VAGUE_FEEDBACK)
    tab.part("feedback-verdict").get_by_text("This feedback is vague").wait_for()
    tab.fill("feedback-takeaways", TAKEAWAYS)
    tab.save("feedback")

    # 2. A reply: the tone check flags a bitter draft, and passes a calm one.
    tab.fill("reply-draft", BITTER_REPLY)
    tab.part("reply-tone").get_by_text("may read badly").wait_for()
    if shots:
        _shoot(tab, shots, "reply")
    tab.fill("reply-draft", CALM_REPLY)
    tab.part("reply-tone").get_by_text("reads calmly").wait_for()
    tab.save("reply")

    # 3. CV on file: they agreed to keep it 12 months; the lapse date is worked out.
    tab.choose("cv-status-choice", "They agreed")
    tab.pick_date("cv-answered-on", "2026-06-21")
    tab.fill_number("cv-keep-months", 12)
    tab.part("cv-reminder").get_by_text("21 June 2027").wait_for()
    tab.save("cv")

    # 4. Self-review: two scores, a note and a question.
    tab.choose("review-scores-preparation", "4")
    tab.choose("review-scores-rapport", "2")
    tab.fill("review-notes-rapport", RAPPORT_NOTE)
    tab.fill("review-question", QUESTION)
    tab.save("review")
    tab.part("review-feedback").get_by_text(VAGUE_FEEDBACK).wait_for()  # beside the company's words

    # 5. A thank-you sent to Tom (the second tab), and the company followed.
    tom = tab.person("Tom Reid")
    # Tom was met without an email address: noting one offers the emailed thank-you.
    tab.fill("contact-email", TOM_EMAIL, within=tom)
    tab.pick_date("contact-thank-you-sent-on", "2026-06-18", within=tom)
    tab.save("contact", within=tom)
    tab.press_toggle("company-followed-linkedin")
    tab.pick_date("company-followed-linkedin-on", "2026-06-20")
    tab.fill("company-keywords", KEYWORDS)
    tab.save("company")

    if shots:
        for name in ("checkin", "feedback", "cv", "review", "contacts"):
            _shoot(tab, shots, name)
        tab.screenshot(shots / "company.png", tab.part("company"))
        summary = tab.page.get_by_text("of 5 steps done")
        tab.screenshot(shots / "summary.png", section(tab, "Where you are"), summary.locator(".."))


def _shoot(tab: WorkbookPage, shots: Path, name: str) -> None:
    heading, form = SECTIONS[name]
    tab.screenshot(shots / f"{name}.png", section(tab, heading), tab.part(form))


def check_answers_file(workbook: Path) -> dict[str, Any]:
    """Every Save reached the answers file, with what was entered."""
    doc = read_answers(workbook)
    assert doc["format"] == "nextround-answers"
    [checkin] = doc["checkins"]
    assert (checkin["mood"], checkin["emotions"], checkin["note"], checkin["ready"]) == (
        3, ["angry"], CHECKIN_NOTE, False)
    feedback = doc["feedback"]
    assert (feedback["received_on"], feedback["given_by"], feedback["via"]) == ("2026-06-24", "Priya Shah", "phone")
    assert (feedback["text"], feedback["takeaways"], feedback["vague"]) == (VAGUE_FEEDBACK, TAKEAWAYS, True)
    assert doc["reply"]["draft"] == CALM_REPLY
    cv = doc["cv_on_file"]
    assert (cv["status"], cv["answered_on"], cv["keep_months"], cv["keep_until"]) == (
        "agreed", "2026-06-21", 12, "2027-06-21")
    review = doc["self_review"]
    assert review["scores"] == {"preparation": 4, "rapport": 2}
    assert review["notes"] == {"rapport": RAPPORT_NOTE}
    assert [q["question"] for q in review["questions"]] == [QUESTION]
    tom = next(c for c in doc["contacts"] if c["name"] == "Tom Reid")
    assert (tom["email"], tom["thank_you_sent_on"]) == (TOM_EMAIL, "2026-06-18")
    assert doc["company"]["followed"] == {"linkedin": "2026-06-20"}
    assert doc["company"]["vacancy_watch"]["keywords"] == ["analyst", "SQL", "London"]
    return doc


def check_every_form_shows(tab: WorkbookPage, doc: dict[str, Any]) -> None:
    """A freshly run workbook shows every saved answer in its form."""
    tab.shows_text("checkin-history", "mood 3/10", "angry", "not ready yet")
    tab.shows_text("checkin-advice", "hold off sending")
    tab.shows_value("feedback-received-on", "2026-06-24")
    tab.shows_value("feedback-given-by", "Priya Shah")
    tab.shows_value("feedback-via", "phone")
    tab.shows_value("feedback-text", VAGUE_FEEDBACK)
    tab.shows_value("feedback-takeaways", TAKEAWAYS)
    tab.shows_text("feedback-verdict", "This feedback is vague")
    tab.shows_value("reply-draft", CALM_REPLY)
    tab.shows_chosen("cv-status-choice", "They agreed")
    tab.shows_value("cv-answered-on", "2026-06-21")
    tab.shows_value("cv-keep-months", "12")
    tab.shows_value("cv-keep-until", "2027-06-21")
    tab.shows_chosen("review-scores-preparation", "4")
    tab.shows_chosen("review-scores-rapport", "2")
    tab.shows_chosen("review-scores-composure", None)
    tab.shows_value("review-notes-rapport", RAPPORT_NOTE)
    tab.shows_value("review-question", QUESTION)
    tab.shows_text("review-feedback", VAGUE_FEEDBACK)
    tab.shows_value("contact-thank-you-sent-on", "2026-06-18", within=tab.person("Tom Reid"))
    tab.shows_value("contact-thank-you-sent-on", "", within=tab.person("Priya Shah"))
    tab.shows_checked("company-followed-linkedin", True)
    tab.shows_value("company-followed-linkedin-on", "2026-06-20")
    tab.shows_checked("company-followed-blog", False)
    tab.shows_value("company-keywords", KEYWORDS)
    done = sum(state == "done" for state in step_states(doc).values())
    tab.page.get_by_text(f"Progress: {done} of 5 steps done").wait_for()
