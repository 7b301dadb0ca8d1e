"""Drafted messages are personalised, in the person's language, and LinkedIn notes fit LinkedIn's limit."""

from __future__ import annotations

import itertools
import json
import shutil
from datetime import date
from pathlib import Path

import jinja2
import jinja2.meta
import pytest

from nextround.core import i18n, messages
from nextround.core.answers import new_document
from nextround.resources import shipped

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
    assert len(messages.feedback_follow_up(doc).body.split("\n- ")) == 1 + len(messages.general_follow_up_questions())


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


# --- in the person's language ------------------------------------------------------------

TEMPLATES = shipped("templates")
DRAFTS = ("feedback_request", "reply", "cv_on_file", "combined_reply", "feedback_follow_up", "feedback_nudge")


def _variables(locale: str, name: str) -> set[str]:
    source = (TEMPLATES / locale / name).read_text(encoding="utf-8")
    return jinja2.meta.find_undeclared_variables(messages.environment(locale).parse(source))


def test_every_draft_is_written_for_every_locale_with_the_same_variables() -> None:
    names = sorted(p.name for p in (TEMPLATES / i18n.DEFAULT).glob("*.j2"))
    assert len(names) == 9 and "_letter.txt.j2" in names
    for locale in i18n.LOCALES:
        assert sorted(p.name for p in (TEMPLATES / locale).glob("*.j2")) == names, locale
        for name in names:
            assert _variables(locale, name) == _variables(i18n.DEFAULT, name), (locale, name)
        letter = messages.environment(locale).get_template("_letter.txt.j2").module
        for shared in ("dear", "hello", "hi", "close", "default_sign_off", "general_questions"):
            assert hasattr(letter, shared), (locale, shared)


def test_a_draft_missing_from_a_locale_comes_from_en_gb(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES, root)
    (root / "de" / "reply.txt.j2").unlink()
    values = messages.context(new_document("w", REJECTION))
    with i18n.using("de"):
        reply = messages.environment("de", root).get_template("reply.txt.j2").render(**values)
        request = messages.environment("de", root).get_template("feedback_request.txt.j2").render(**values)
    assert "I'm naturally disappointed" in reply and "Feedback zu meinem Vorstellungsgespräch" in request


def _all_drafts(doc: dict, detail: str = "the new forecasting model") -> list[messages.Message]:
    contact = {**doc["contacts"][0], "detail": detail}
    return [messages.feedback_request(doc), messages.feedback_follow_up(doc), messages.reply(doc),
            messages.cv_on_file(doc), messages.thank_you(doc, contact), messages.combined_reply(doc),
            messages.feedback_nudge(doc), messages.linkedin_note(doc, contact)]


def test_german_drafts_are_german_business_letters_in_the_sie_form() -> None:
    doc = new_document("w", {**REJECTION, "contacts": [{"name": "Frau Dr. Anna Weber", "email": "a@acme.example"}]})
    with i18n.using("de"):
        drafts = _all_drafts(doc, "das neue Prognosemodell")
        request = messages.feedback_request(doc)
    assert request.subject == "Feedback zu meinem Vorstellungsgespräch – Data Analyst"
    assert request.body.startswith("Sehr geehrte Frau Dr. Weber,\n\nvielen Dank")  # lower case after the comma
    assert request.body.endswith("Mit freundlichen Grüßen\nAlex Morgan")  # no comma after the closing
    assert "„final interview“" in request.body
    assert "Lebenslauf" in messages_in("de", messages.cv_on_file, doc).body
    for draft in drafts:
        words = set(draft.text.replace(",", " ").replace(".", " ").split())
        assert "Sie" in words or "Ihnen" in words or "Ihre" in words, draft.text
        assert not words & {"Dear", "Hi", "Thank", "you", "your", "CV", "regards", "the", "and"}, draft.text
        assert " du " not in draft.text and " dich " not in draft.text


def messages_in(locale: str, draft, *args) -> messages.Message:  # type: ignore[no-untyped-def]
    with i18n.using(locale):
        return draft(*args)


@pytest.mark.parametrize(("name", "dear", "hello"), [
    ("Frau Dr. Anna Weber", "Sehr geehrte Frau Dr. Weber,", "Guten Tag Frau Dr. Weber,"),
    ("Herr Prof. Dr. Jan Müller", "Sehr geehrter Herr Prof. Dr. Müller,", "Guten Tag Herr Prof. Dr. Müller,"),
    ("Mr Tom Reid", "Sehr geehrter Herr Reid,", "Guten Tag Herr Reid,"),
    ("Ms Anna von der Heide", "Sehr geehrte Frau von der Heide,", "Guten Tag Frau von der Heide,"),
    # The name does not say Frau or Herr: no guessing, first and last name.
    ("Priya Shah", "Guten Tag Priya Shah,", "Guten Tag Priya Shah,"),
    ("Dr Priya Shah", "Guten Tag Dr. Priya Shah,", "Guten Tag Dr. Priya Shah,"),
    ("Mx Sam Lee", "Guten Tag Sam Lee,", "Guten Tag Sam Lee,"),
    (None, "Sehr geehrte Damen und Herren,", "Sehr geehrte Damen und Herren,"),
])
def test_german_salutations_follow_what_the_name_says(name: str | None, dear: str, hello: str) -> None:
    doc = new_document("w", {**REJECTION, "contacts": [{"name": name}] if name else []})
    assert messages_in("de", messages.reply, doc).body.split("\n")[0] == dear
    assert messages_in("de", messages.feedback_nudge, doc).body.split("\n")[0] == hello


@pytest.mark.parametrize(("name", "dear", "hello"), [
    ("Ms Priya Patel", "Dear Ms. Patel,", "Dear Ms. Patel,"),
    ("Miss Jo Bloggs", "Dear Miss Bloggs,", "Dear Miss Bloggs,"),
    ("Dr Priya Shah", "Dear Dr. Shah,", "Dear Dr. Shah,"),
    ("Sam Lee", "Dear Sam,", "Hi Sam,"),
    (None, "Dear Hiring Team,", "Dear Hiring Team,"),
])
def test_american_salutations_use_american_titles(name: str | None, dear: str, hello: str) -> None:
    doc = new_document("w", {**REJECTION, "contacts": [{"name": name}] if name else []})
    assert messages_in("en-US", messages.reply, doc).body.split("\n")[0] == dear
    assert messages_in("en-US", messages.feedback_nudge, doc).body.split("\n")[0] == hello


def test_american_drafts_say_resume_and_use_american_conventions() -> None:
    doc = new_document("w", REJECTION)
    with i18n.using("en-US"):
        drafts = _all_drafts(doc)
        cv = messages.cv_on_file(doc)
        combined = messages.combined_reply(doc)
    assert cv.subject == "Keeping my résumé on file" and "keep my résumé on file" in combined.body
    assert combined.body.startswith("Dear Dr. Shah,") and combined.body.endswith("Best regards,\nAlex Morgan")
    for draft in drafts:
        assert "CV" not in draft.text and "–" not in draft.text, draft.text  # US dashes are em dashes
        assert not {"role", "practise", "organise", "whilst"} & set(draft.text.split()), draft.text


def test_the_sign_off_and_the_general_questions_follow_the_locale() -> None:
    assert messages.SIGN_OFF == messages.default_sign_off() == "Kind regards"
    expected = {"en-GB": "Kind regards", "en-US": "Best regards", "de": "Mit freundlichen Grüßen"}
    for locale, sign_off in expected.items():
        with i18n.using(locale):
            assert messages.default_sign_off() == sign_off
            assert len(messages.general_follow_up_questions()) == 2
    doc = new_document("w", {**REJECTION, "your_name": ""})
    doc["you"] = {"name": "Sam Jones", "sign_off": "Viele Grüße"}  # the person's own, as typed
    assert messages_in("de", messages.reply, doc).body.endswith("Viele Grüße\nSam Jones")
    assert messages_in("de", messages.reply, new_document("w", {"company": "Acme", "role": "Analyst"})).body.endswith(
        "Mit freundlichen Grüßen\n[Ihr Name]")


def test_a_german_follow_up_asks_one_or_two_questions_in_german() -> None:
    doc = new_document("w", REJECTION)
    one = messages_in("de", messages.feedback_follow_up, doc, ["Welche Antwort war zu knapp?"]).body
    assert "noch eine kurze Frage stellen?" in one and "- Welche Antwort war zu knapp?" in one
    general = messages_in("de", messages.feedback_follow_up, doc).body
    assert "noch zwei kurze Fragen stellen?" in general and general.count("\n- ") == 2
    assert "Vorstellungsgespräch" in general


def test_german_and_american_short_notes_fit_linkedin_and_the_one_reply_stays_short() -> None:
    long = new_document("w", {**REJECTION, "company": "The Extremely Long Name Of A Consultancy Group International Holdings",
                              "role": "Senior Principal Data Analytics and Insight Engineering Lead"})
    for locale in ("de", "en-US"):
        with i18n.using(locale):
            for doc in (new_document("w", REJECTION), long):
                contact = {**doc["contacts"][0], "detail": "das neue Prognosemodell"}
                free = messages.linkedin_note(doc, contact, messages.LINKEDIN_LIMITS["free"]).body
                premium = messages.linkedin_note(doc, contact, messages.LINKEDIN_LIMITS["premium"]).body
                assert len(free) <= 200 and len(premium) <= 300 and "das neue Prognosemodell" in free, locale
                assert len(premium) > len(free) or doc is long, locale  # premium's room is used
            assert len(messages.combined_reply(new_document("w", REJECTION)).body.split()) < 140, locale


def test_the_tone_check_passes_every_english_draft_in_every_variation() -> None:
    from nextround.checks import check_tone

    for locale in ("en-GB", "en-US"):
        with i18n.using(locale):
            for rejection, cv, follow_ups, style, detail in itertools.product(
                    (REJECTION, {"company": "Acme", "role": "Analyst"}), ("not_asked", "asked"), (0, 2),
                    ("combined", "separate"), ("", "the new forecasting model")):
                doc = json.loads(json.dumps(new_document("w", rejection)))
                doc["cv_on_file"]["status"] = cv
                doc["feedback"]["follow_ups"] = [{"id": str(i), "sent_on": "2026-06-27"} for i in range(follow_ups)]
                doc["plan"]["style"] = style
                contact = {**(doc["contacts"] or [{"id": "t", "name": "Tom Reid"}])[0], "detail": detail}
                for draft in [*_all_drafts({**doc, "contacts": [contact]}), messages.linkedin_note(doc, contact, 300)]:
                    assert check_tone(draft.text).ok, (locale, draft.text)


def test_dates_in_drafts_are_written_as_each_reader_writes_them() -> None:
    day = date(2026, 6, 10)
    expected = {"en-GB": "10 June 2026", "en-US": "June 10, 2026", "de": "10. Juni 2026"}
    for locale, written in expected.items():
        with i18n.using(locale):
            assert messages.nice_date(day) == messages.nice_date("2026-06-10") == written
            assert messages.environment(locale).from_string("{{ day | nice_date }}").render(day=day) == written
