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
              messages.cv_on_file(doc), messages.thank_you(doc, contact), messages.combined_reply(doc)]
    for draft in drafts:
        assert draft.subject, draft
        assert "Dear Priya," in draft.body  # titles are skipped in greetings
        assert draft.body.rstrip().endswith("Alex Morgan")
        assert "{{" not in draft.text and "{%" not in draft.text
    assert "final interview" in messages.feedback_request(doc).body
    # No dates: a note sent later than planned must not read stale ("your time on 10 June").
    assert not any("June" in draft.body for draft in drafts)
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


def test_the_feedback_request_asks_how_to_improve_not_about_the_winner() -> None:
    body = messages.feedback_request(new_document("w", REJECTION)).body
    assert "how I could improve" in body and "what went well" in body
    assert "candidate" not in body


def test_a_follow_up_asks_one_or_two_questions_at_most() -> None:
    doc = new_document("w", REJECTION)
    four = ["Which answer fell short?", "What did good look like?", "Which skill?", "Any resources?"]
    body = messages.feedback_follow_up(doc, four).body
    assert body.count("\n- ") == 2 and "Which skill?" not in body
    assert "two small things" in body
    assert "one thing" in messages.feedback_follow_up(doc, ["Which answer fell short?"]).body


def test_the_combined_reply_thanks_asks_for_feedback_and_for_the_cv_to_be_kept() -> None:
    reply = messages.combined_reply(new_document("w", REJECTION))
    assert reply.subject == "Re: Data Analyst – thank you"
    body = reply.body
    assert body.startswith("Dear Priya,") and "Thank you" in body
    assert "feedback" in body and "keep my CV on file" in body
    assert len(body.split()) < 140  # short: one screen on a phone


def test_your_name_and_sign_off_are_used_in_every_draft() -> None:
    doc = new_document("w", {**REJECTION, "your_name": ""})
    doc["you"] = {"name": "Sam Jones", "sign_off": "Best wishes"}
    for draft in (messages.combined_reply(doc), messages.reply(doc), messages.thank_you(doc, doc["contacts"][0])):
        assert draft.body.endswith("Best wishes,\nSam Jones")


def test_a_personal_detail_stays_in_the_linkedin_note_and_it_still_fits() -> None:
    doc = new_document("w", REJECTION)
    contact = {**doc["contacts"][0], "detail": "the new forecasting model"}
    free = messages.linkedin_note(doc, contact, messages.LINKEDIN_LIMITS["free"]).body
    assert "the new forecasting model" in free and len(free) <= 200


def test_mailto_opens_the_draft_in_a_mail_client() -> None:
    link = messages.mailto("priya@acme.example", messages.Message("Re: Data & Analyst", "Dear Priya,\n\nThanks."))
    assert link == ("mailto:priya@acme.example?subject=Re%3A%20Data%20%26%20Analyst"
                    "&body=Dear%20Priya%2C%0A%0AThanks.")


def test_a_follow_up_nudge_is_polite_and_the_last_one_says_it_is_the_last() -> None:
    from nextround.checks import check_tone

    doc = new_document("w", REJECTION)
    first = messages.feedback_nudge(doc)
    assert "Dear Priya," in first.body and first.body.rstrip().endswith("Alex Morgan")
    assert "feedback" in first.body and "CV" not in first.body and "won't chase again" not in first.body
    assert "June" not in first.body and check_tone(first.body).ok
    # The one short reply also asked after the CV, which is still unanswered; one follow-up is left.
    doc["cv_on_file"]["status"] = "asked"
    doc["feedback"]["follow_ups"] = [{"id": "a", "sent_on": "2026-06-27"}]
    last = messages.feedback_nudge(doc)
    assert "keep my CV on file" in last.body and "won't chase again" in last.body and check_tone(last.body).ok
    doc["plan"]["style"] = "separate"  # the CV was its own request: not this one's business
    assert "CV" not in messages.feedback_nudge(doc).body


def test_the_one_reply_never_asks_again_for_what_is_already_done() -> None:
    doc = new_document("w", REJECTION)
    full = messages.combined_reply(doc).body
    assert "some feedback" in full and "keep my CV on file" in full
    doc["feedback"]["received_on"] = "2026-06-20"  # it came unasked
    assert "feedback" not in messages.combined_reply(doc).body
    assert "keep my CV on file" in messages.combined_reply(doc).body
    doc["cv_on_file"]["status"] = "asked"  # asked in a message of its own
    left = messages.combined_reply(doc).body
    assert "CV" not in left and left.startswith("Dear Priya,") and "\n\n\n" not in left
    assert left.rstrip().endswith("Kind regards,\nAlex Morgan")
    doc["plan"]["combined_sent_on"] = "2026-06-19"  # as it was sent, it stays whole
    assert messages.combined_reply(doc).body == full
