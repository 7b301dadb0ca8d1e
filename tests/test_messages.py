"""Drafted messages are personalised, and LinkedIn notes fit LinkedIn's limit."""

from __future__ import annotations

from nextround.core import messages
from nextround.core.answers import new_document

REJECTION = {"company": "Acme Analytics", "role": "Data Analyst", "stage": "final interview",
             "interview_date": "2026-06-10", "rejected_on": "2026-06-17", "your_name": "Alex Morgan",
             "contacts": [{"name": "Dr Priya Shah", "email": "priya@acme.example"}]}


def test_every_draft_is_personalised_from_the_parameters() -> None:
    doc = new_document("w", REJECTION)
    contact = doc["contacts"][0]
    drafts = [messages.feedback_request(doc), messages.feedback_follow_up(doc), messages.reply(doc),
              messages.cv_on_file(doc), messages.thank_you(doc, contact)]
    for draft in drafts:
        assert draft.subject, draft
        assert "Dear Priya," in draft.body  # titles are skipped in greetings
        assert draft.body.rstrip().endswith("Alex Morgan")
        assert "{{" not in draft.text and "{%" not in draft.text
    assert "10 June 2026" in messages.feedback_request(doc).body
    assert "final interview" in messages.feedback_request(doc).body
    assert "Acme Analytics" in messages.cv_on_file(doc).body


def test_follow_up_lists_the_questions_given() -> None:
    doc = new_document("w", REJECTION)
    body = messages.feedback_follow_up(doc, ["Which SQL question tripped me up?", "What did good look like?"]).body
    assert "- Which SQL question tripped me up?\n- What did good look like?" in body
    assert len(messages.feedback_follow_up(doc).body.split("\n- ")) == 1 + len(messages.GENERAL_FOLLOW_UP_QUESTIONS)


def test_without_a_name_or_contacts_the_drafts_say_what_to_fill_in() -> None:
    doc = new_document("w", {"company": "Acme", "role": "Analyst"})
    body = messages.reply(doc).body
    assert "Dear Hiring Team," in body and body.endswith("[your name]")


def test_linkedin_notes_fit_the_free_limit_and_use_the_room_they_have() -> None:
    doc = new_document("w", REJECTION)
    contact = doc["contacts"][0]
    free = messages.linkedin_note(doc, contact, messages.LINKEDIN_LIMITS["free"]).body
    premium = messages.linkedin_note(doc, contact, messages.LINKEDIN_LIMITS["premium"]).body
    assert len(free) <= 200 and len(premium) <= 300 and len(premium) > len(free)
    assert free.startswith("Hi Priya,") and "Acme Analytics" in free
    long = new_document("w", {**REJECTION, "company": "The Extremely Long Name Of A Consultancy Group International Holdings",
                              "role": "Senior Principal Data Analytics and Insight Engineering Lead"})
    note = messages.linkedin_note(long, long["contacts"][0]).body
    assert len(note) <= 200 and "The Extremely Long Name" in note
