"""The forms as objects: fill widgets, click Save, build again from the file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import read_json
from nextround.notebook.workbook import Workbook
from nextround.render.palette import STEP_STATE


@pytest.fixture
def wb(acme_workbook: Path, monkeypatch: pytest.MonkeyPatch) -> Workbook:
    """The workbook as its notebook starts it: from the injected parameters, in its folder."""
    monkeypatch.chdir(acme_workbook.parent)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return Workbook.start(**read_json(acme_workbook)["metadata"]["papermill"]["parameters"])


def saved(wb: Workbook) -> dict:
    return read_json(wb.store.path)


def test_checkins_are_kept_as_a_list_and_shown_again(wb: Workbook) -> None:
    form = wb.checkin()
    form.save_button.click()
    assert "ready to act" in form.status.value  # asks before saving a half-filled check-in
    assert saved(wb)["checkins"] == []
    form.mood.value = 3
    form.emotions["angry"].value = True
    form.other_emotion.value = "deflated"
    form.note.value = "private words"
    form.ready.value = False
    form.save_button.click()
    assert "Saved at" in form.status.value
    assert "hold off sending" in form.advice.value
    form.mood.value = 7
    form.ready.value = True
    form.save_button.click()
    entries = saved(wb)["checkins"]
    assert [(c["mood"], c["ready"]) for c in entries] == [(3, False), (7, True)]
    assert entries[0]["emotions"] == ["angry", "deflated"] and entries[0]["note"] == "private words"
    again = wb.checkin()
    assert "mood 3/10" in again.history.value and "mood 7/10" in again.history.value
    assert "<img" in again.history.value  # the curve, once there are two
    assert again.advice.value == ""  # ready now


def test_feedback_comes_back_after_save(wb: Workbook) -> None:
    form = wb.feedback()
    assert "Dear Priya" in form.request_draft.value and "Data Analyst" in form.request_draft.value
    form.requested_on.value = date(2026, 6, 18)
    form.requested_via.value = "email"
    form.received_on.value = date(2026, 6, 24)
    form.given_by.value = "Priya Shah"
    form.via.value = "phone"
    form.text.value = "Another candidate had more experience."
    form.takeaways.value = "Ask what experience they meant."
    form.request_draft.value += "\nP.S. my own line"
    form.save_button.click()
    again = wb.feedback()
    assert again.requested_on.value == date(2026, 6, 18) and again.received_on.value == date(2026, 6, 24)
    assert (again.requested_via.value, again.via.value, again.given_by.value) == ("email", "phone", "Priya Shah")
    assert again.text.value == "Another candidate had more experience."
    assert again.takeaways.value == "Ask what experience they meant."
    assert again.request_draft.value.endswith("P.S. my own line")
    assert saved(wb)["feedback"]["follow_up_draft"] == ""  # untouched template is not stored


def test_reply_cv_and_self_review_come_back(wb: Workbook) -> None:
    reply = wb.reply()
    reply.draft.value = "Thank you for letting me know."
    reply.sent_on.value = date(2026, 6, 19)
    reply.save_button.click()
    cv = wb.cv_on_file()
    cv.status_choice.value = "agreed"
    cv.asked_on.value = date(2026, 6, 19)
    cv.keep_months.value = 12
    cv.answered_on.value = date(2026, 6, 21)
    assert cv.keep_until.value == date(2027, 6, 21)  # worked out as they type
    assert "21 June 2027" in cv.reminder.value
    cv.save_button.click()
    review = wb.self_review()
    review.scores["preparation"].value = "4"
    review.scores["rapport"].value = "2"
    review.notes["rapport"].value = "nervous at the start"
    first = review.questions.children[0].children
    first[0].value, first[1].value, first[2].value = "Tell me about a conflict.", "Rambled.", "STAR, with the result."
    review.add_question_button.click()
    review.save_button.click()

    assert wb.reply().draft.value == "Thank you for letting me know."
    assert wb.reply().sent_on.value == date(2026, 6, 19)
    cv2 = wb.cv_on_file()
    assert (cv2.status_choice.value, cv2.keep_months.value, cv2.keep_until.value) == ("agreed", 12, date(2027, 6, 21))
    review2 = wb.self_review()
    assert review2.scores["preparation"].value == "4" and review2.scores["composure"].value is None
    assert review2.notes["rapport"].value == "nervous at the start"
    assert len(review2.questions.children) == 1  # the empty second question was not saved
    assert review2.questions.children[0].children[2].value == "STAR, with the result."
    doc = saved(wb)
    assert doc["self_review"]["scores"] == {"preparation": 4, "rapport": 2}
    assert doc["cv_on_file"]["keep_until"] == "2027-06-21"


def test_each_better_answer_gets_a_live_star_verdict(wb: Workbook) -> None:
    review = wb.self_review()
    first = review.questions.children[0]
    verdict = first.children[3]
    assert "nextround-review-star" in verdict._dom_classes
    assert verdict.value == ""  # nothing typed, nothing judged
    better = first.children[2]
    better.value = "We all pulled together and it went well."
    assert "Not a STAR answer yet" not in verdict.value and "Missing: situation, task, action" in verdict.value
    assert "with “I”" in verdict.value  # the suggestion for the missing action
    better.value = ("At the café where I worked, food waste was high. My manager asked me to cut it. I started "
                    "a daily stock count, and waste fell from three bags a night to one.")
    assert "Reads as a complete STAR answer" in verdict.value
    review.add_question_button.click()
    second = review.questions.children[1]
    assert "nextround-review-star" in second.children[3]._dom_classes and second.children[3].value == ""
    review.save_button.click()
    again = wb.self_review()
    assert "Reads as a complete STAR answer" in again.questions.children[0].children[3].value  # judged when shown again
    assert saved(wb)["self_review"]["questions"][0]["better_answer"].startswith("At the café")


def test_contacts_thank_you_linkedin_and_cadence(wb: Workbook) -> None:
    contacts = wb.contacts()
    assert list(contacts.panels) == ["priya-shah", "tom-reid"]
    priya = contacts.panels["priya-shah"]
    assert "Dear Priya" in priya.thank_you.value
    assert len(priya.linkedin_note.value) <= 200 and "Acme Analytics" in priya.linkedin_note.value
    assert "free" in priya.linkedin_count.value and "fits" in priya.linkedin_count.value
    priya.linkedin_note.value = "x" * 250
    assert "50 too long" in priya.linkedin_count.value and "premium 250/300 fits" in priya.linkedin_count.value
    priya.linkedin_note.value = "Hi Priya, thanks for your time."
    priya.thank_you_sent_on.value = date(2026, 6, 18)
    priya.cadence_weeks.value = 6
    priya.save_button.click()
    assert saved(wb)["contacts"][0]["next_contact_on"] == "2026-07-30"  # 18 June + 6 weeks
    assert "the one reminder you'll get" in priya.next_contact.value  # she hasn't answered yet
    priya.log_on.value = date(2026, 8, 1)
    priya.log_note.value = "Coffee chat"
    priya.log_button.click()
    assert saved(wb)["contacts"][0]["next_contact_on"] == "2026-09-12"  # the clock reset
    assert "12 September 2026" in priya.next_contact.value
    assert "one reminder" not in priya.next_contact.value  # in touch now: the usual rhythm

    contacts.new_contact.value = "not <an address>"
    contacts.add_button.click()
    assert "not an email address" in contacts.status.value
    contacts.new_contact.value = "Sam Lee <sam@example.org>"
    contacts.add_button.click()
    assert "Added Sam Lee" in contacts.status.value

    again = wb.contacts()
    assert list(again.panels) == ["priya-shah", "tom-reid", "sam-lee"]
    p2 = again.panel("Priya Shah")
    assert p2.linkedin_note.value == "Hi Priya, thanks for your time."
    assert p2.thank_you_sent_on.value == date(2026, 6, 18) and p2.cadence_weeks.value == 6
    assert "Coffee chat" in p2.next_contact.value
    assert again.panels["sam-lee"].email.value == "sam@example.org"


def test_company_follow_engagement_and_vacancy_watch(wb: Workbook) -> None:
    form = wb.company()
    box, picker = form.followed["linkedin"]
    box.value = True
    assert picker.value == date.today()
    picker.value = date(2026, 6, 20)
    form.engagement_note.value = "Liked their post on the new office"
    form.engagement_on.value = date(2026, 6, 22)
    form.careers_page.value = "https://careers.example.org/acme"
    form.keywords.value = "analyst, SQL ,, London"
    form.save_button.click()
    again = wb.company()
    assert again.followed["linkedin"][0].value and again.followed["linkedin"][1].value == date(2026, 6, 20)
    assert not again.followed["blog"][0].value
    assert "Liked their post" in again.engagement_list.value
    assert again.keywords.value == "analyst, SQL, London"
    assert saved(wb)["company"]["vacancy_watch"]["keywords"] == ["analyst", "SQL", "London"]


def test_the_summary_updates_after_each_save(wb: Workbook) -> None:
    summary = wb.summary()
    assert "0 of 5 steps done" in summary.value
    reply = wb.reply()
    reply.draft.value = "Thanks."
    reply.sent_on.value = date(2026, 6, 19)
    reply.save_button.click()
    assert "1 of 5 steps done" in summary.value


def test_a_corrupt_answers_file_is_named_left_alone_and_the_forms_still_work(wb: Workbook) -> None:
    wb.store.path.write_text("{ oops")
    header = wb.header()
    assert str(wb.store.path) in header.value and "is not valid JSON" in header.value
    form = wb.reply()
    assert "Dear Priya" in form.draft.value  # the form still works from the defaults
    form.draft.value = "My reply"
    form.save_button.click()
    assert "Not saved" in form.status.value and "is not valid JSON" in form.status.value
    assert wb.store.path.read_text() == "{ oops"


def test_user_text_is_escaped_in_what_the_forms_show(wb: Workbook) -> None:
    form = wb.feedback()
    form.text.value = "<script>alert(1)</script>"
    form.save_button.click()
    panel = wb.self_review().feedback.value
    assert "<script>" not in panel and "&lt;script&gt;" in panel


def test_vague_feedback_is_flagged_as_typed_with_a_follow_up_built_from_it(wb: Workbook) -> None:
    form = wb.feedback()
    assert form.verdict.value == ""
    form.text.value = "Another candidate had more experience."
    assert "vague" in form.verdict.value and "Questions you could ask" in form.verdict.value
    assert "which experience" in form.follow_up_draft.value.lower()
    form.save_button.click()
    fb = saved(wb)["feedback"]
    assert fb["vague"] is True and "experience" in fb["themes"]
    assert fb["follow_up_draft"] == ""  # the suggestion, untouched, is not stored as the person's own
    form.follow_up_draft.value = "My own follow-up."
    form.text.value = "In the SQL round your window-function query missed the PARTITION BY clause."
    assert form.follow_up_draft.value == "My own follow-up."  # the person's edits are never replaced
    assert "specific enough" in form.verdict.value
    form.save_button.click()
    assert saved(wb)["feedback"]["vague"] is False


def test_reply_tone_is_checked_and_waiting_is_advised_while_not_ready(wb: Workbook) -> None:
    reply = wb.reply()
    assert "reads calmly" in reply.tone.value  # the drafted reply passes its own check
    reply.draft.value = "Whatever. Good luck finding someone as good as me."
    assert "“Whatever”" in reply.tone.value and "Perhaps:" in reply.tone.value
    assert reply.advice.value == ""
    checkin = wb.checkin()
    checkin.mood.value, checkin.ready.value = 2, False
    checkin.save_button.click()
    assert "hold off sending" in reply.advice.value


def test_thank_you_and_linkedin_drafts_are_tone_checked(wb: Workbook) -> None:
    panel = wb.contacts().panel("Priya Shah")
    assert "reads calmly" in panel.thank_you_tone.value and "reads calmly" in panel.linkedin_tone.value
    panel.linkedin_note.value = "Hi Priya. Shame you couldn't see what you were missing!!!"
    assert "may read badly" in panel.linkedin_tone.value


def test_a_stale_form_in_another_tab_does_not_undo_this_ones_answers(wb: Workbook) -> None:
    tab_a, tab_b = wb.feedback(), wb.feedback()  # both open before either saves
    tab_a.text.value = "Your SQL answer in round two missed the join."
    tab_a.save_button.click()
    tab_b.requested_on.value = date(2026, 6, 18)
    tab_b.save_button.click()
    fb = saved(wb)["feedback"]
    assert fb["text"] == "Your SQL answer in round two missed the join."  # kept, though tab B showed it empty
    assert fb["requested_on"] == "2026-06-18"
    panel_a, panel_b = wb.contacts().panel("Tom Reid"), wb.contacts().panel("Tom Reid")
    panel_a.thank_you_sent_on.value = date(2026, 6, 19)
    panel_a.save_button.click()
    panel_b.role.value = "Team lead"
    panel_b.save_button.click()
    tom = next(c for c in saved(wb)["contacts"] if c["name"] == "Tom Reid")
    assert (tom["thank_you_sent_on"], tom["role"]) == ("2026-06-19", "Team lead")


def test_the_combined_reply_is_one_send_that_does_three_jobs(wb: Workbook) -> None:
    plan = wb.message_plan()
    assert plan.style.value == "combined" and plan.main_contact.value == "Priya Shah"
    assert "Dear Priya," in plan.draft.value and "keep my CV on file" in plan.draft.value
    assert 'href="mailto:priya@acme.example?subject=Re%3A%20Data%20Analyst' in plan.tools.value
    plan.sent_on.value = date(2026, 6, 19)
    assert plan.save()
    doc = saved(wb)
    assert doc["plan"]["combined_sent_on"] == "2026-06-19"
    assert doc["feedback"]["requested_on"] == doc["reply"]["sent_on"] == doc["cv_on_file"]["asked_on"] == "2026-06-19"
    assert doc["cv_on_file"]["status"] == "asked"
    assert next(c for c in doc["contacts"] if c["name"] == "Priya Shah")["thank_you_sent_on"] == "2026-06-19"
    assert next(c for c in doc["contacts"] if c["name"] == "Tom Reid")["thank_you_sent_on"] is None


def test_choosing_separate_messages_hides_the_combined_draft(wb: Workbook) -> None:
    plan = wb.message_plan()
    plan.style.value = "separate"
    assert plan.draft.layout.display == "none" and "separate messages" in plan.explain.value
    assert plan.save() and saved(wb)["plan"]["style"] == "separate"


def test_a_form_says_it_has_unsaved_changes_until_it_is_saved(wb: Workbook) -> None:
    form = wb.reply()
    assert form.status.value == ""
    form.draft.value = "Thank you for letting me know."
    assert "Unsaved changes" in form.status.value and "nextround-unsaved" in form.widget._dom_classes
    form.draft.value = wb.reply().draft.value  # back as it was: nothing unsaved
    assert form.status.value == ""
    form.draft.value = "Thank you."
    form.save_button.click()
    assert "Saved at" in form.status.value and "nextround-unsaved" not in form.widget._dom_classes


def test_your_name_signs_every_draft_once_it_is_given(wb: Workbook) -> None:
    details = wb.your_details()
    details.name.value, details.sign_off.value = "Alex Example", "Best wishes"
    assert details.save()
    assert wb.feedback().request_draft.value.endswith("Best wishes,\nAlex Example")
    assert wb.message_plan().draft.value.endswith("Best wishes,\nAlex Example")


def test_a_ready_check_in_gets_a_warm_word_and_the_plan_for_today(wb: Workbook) -> None:
    form = wb.checkin()
    form.mood.value, form.ready.value = 6, True
    form.save_button.click()
    assert "Good to hear you feel ready" in form.response.value
    assert "Send one short reply" in form.response.value


def test_skipping_the_check_in_starts_the_plan_without_a_word_about_mood(wb: Workbook) -> None:
    form = wb.checkin()
    form.mood.value, form.ready.value = 2, False
    form.save_button.click()
    assert "hold off sending" in form.advice.value
    assert form.skip_checkin()
    assert form.advice.value == "" and saved(wb)["plan"]["checkin_dismissed_on"] == date.today().isoformat()
    assert len(saved(wb)["checkins"]) == 1  # skipping adds no check-in


def test_no_feedback_gets_its_own_advice_and_closes_the_step(wb: Workbook) -> None:
    form = wb.feedback()
    form.closed.value = "declined"
    assert "policy" in form.closed_advice.value
    assert form.save() and saved(wb)["feedback"]["closed"] == "declined"
    assert f"1. Ask for honest feedback</td><td style=\"color:{STEP_STATE['done']}\">done" in wb.summary().value


def test_follow_ups_are_logged_at_once_counted_and_the_next_one_drafted(wb: Workbook) -> None:
    from nextround.core.messages import nice_date
    from nextround.notebook.views import FEEDBACK_CLOSED_ADVICE

    today = date.today()
    asked, first, second = (today - timedelta(days=n) for n in (40, 33, 26))
    form = wb.feedback()
    assert "Once you've asked for feedback" in form.follow_up_status.value
    assert form.follow_up_button.layout.display == "none" and form.nudge.layout.display == "none"
    form.requested_on.value = asked
    assert form.save()
    assert f"fine from {nice_date(asked + timedelta(days=7))}" in form.follow_up_status.value
    assert "up to two, a week apart" in form.follow_up_status.value
    assert form.follow_up_button.layout.display is None
    assert "following up on my earlier email" in form.nudge.value and "won't chase again" not in form.nudge.value

    form.followed_up_on.value = first
    form.nudge.value += "\nP.S. my own words"
    form.follow_up_button.click()  # saves at once, like logging a contact
    assert [f["sent_on"] for f in saved(wb)["feedback"]["follow_ups"]] == [first.isoformat()]
    assert "Saved at" in form.status.value
    status = form.follow_up_status.value
    assert f"Followed up on {nice_date(first)}" in status and "one more is fine, the last" in status
    assert "won't chase again" in form.nudge.value and "my own words" not in form.nudge.value  # the next, fresh

    form.followed_up_on.value = second
    form.follow_up_button.click()
    entries = saved(wb)["feedback"]["follow_ups"]
    assert [f["sent_on"] for f in entries] == [first.isoformat(), second.isoformat()]
    assert all(f["id"] for f in entries) and len({f["id"] for f in entries}) == 2
    # Two weeks of silence since the last: step 1 closes as "no reply", with the kind word,
    # and nothing more is offered — though nothing was written to `closed`.
    for shown in (form, wb.feedback()):
        assert "closed as “no reply”" in shown.follow_up_status.value
        assert FEEDBACK_CLOSED_ADVICE["no_reply"][:40] in shown.follow_up_status.value
        assert shown.follow_up_button.layout.display == "none" and shown.nudge.layout.display == "none"
    assert saved(wb)["feedback"]["closed"] == ""
    summary = wb.summary().value
    assert f"1. Ask for honest feedback</td><td style=\"color:{STEP_STATE['done']}\">done" in summary
    assert "Follow up" not in summary


def test_feedback_that_came_leaves_nothing_to_chase(wb: Workbook) -> None:
    form = wb.feedback()
    form.requested_on.value = date.today() - timedelta(days=10)
    form.received_on.value = date.today()
    assert form.save()
    assert "nothing to chase" in form.follow_up_status.value and form.follow_up_button.layout.display == "none"


def test_a_contact_with_no_email_is_offered_no_emailed_thank_you(wb: Workbook) -> None:
    contacts = wb.contacts()
    tom = contacts.panels["tom-reid"]
    assert tom.thank_you.layout.display == "none" and tom.no_email.layout.display is None
    tom.email.value = "tom@acme.example"
    assert tom.thank_you.layout.display is None and tom.no_email.layout.display == "none"
    # Hiding a part never hides the rest of the form: its status line says how a save went.
    assert tom.status.layout.display is None and tom.thank_you_tools.layout.display is None
    tom.email.value = ""
    assert tom.status.layout.display is None and tom.thank_you_tools.layout.display == "none"


def test_a_personal_detail_goes_into_the_untouched_drafts(wb: Workbook) -> None:
    contacts = wb.contacts()
    tom = contacts.panels["tom-reid"]
    tom.detail.value = "the new forecasting model"
    assert "the new forecasting model" in tom.linkedin_note.value and len(tom.linkedin_note.value) <= 200
    assert tom.save() and saved(wb)["contacts"][1]["detail"] == "the new forecasting model"


def test_the_practice_plan_names_the_weakest_areas_and_says_when_they_tie(wb: Workbook) -> None:
    review = wb.self_review()
    for key, score in {"preparation": 4, "structured_answers": 2, "skills_evidence": 2, "questions_asked": 3,
                       "rapport": 5, "composure": 4}.items():
        review.scores[key].value = str(score)
    review.save_button.click()
    plan = review.practice.value
    assert "tied for your lowest score" in plan
    assert "Structured (STAR) answers" in plan and "Evidence of the skills" in plan
    assert "The questions I asked" not in plan  # a tie of two is the plan; the next one waits


def test_three_low_check_ins_bring_a_gentle_word(wb: Workbook) -> None:
    view = wb.look_after_yourself()
    form = wb.checkin()
    for mood in (2, 3, 2):
        form.mood.value, form.ready.value = mood, False
        form.save_button.click()
    assert "last 3 check-ins have been low" in view.value
    form.mood.value, form.ready.value = 6, True
    form.save_button.click()
    assert "have been low" not in view.value


def test_keep_going_keeps_other_applications_and_a_weekly_goal(wb: Workbook) -> None:
    form = wb.keep_going()
    form.applications.value = "Borealis Bank, analyst, second interview"
    form.weekly_goal.value = 3
    assert form.save()
    again = wb.keep_going()
    assert again.applications.value.startswith("Borealis Bank") and again.weekly_goal.value == 3


def test_drafts_already_on_the_page_take_up_a_name_saved_later(wb: Workbook) -> None:
    plan, feedback = wb.message_plan(), wb.feedback()
    assert plan.draft.value.endswith("[your name]")
    details = wb.your_details()
    details.name.value = "Alex Example"
    assert details.save()
    assert plan.draft.value.endswith("Alex Example") and feedback.request_draft.value.endswith("Alex Example")
    plan.draft.value = "My own words."
    details.sign_off.value = "Best wishes"
    assert details.save()
    assert plan.draft.value == "My own words."  # the person's own edit is never replaced


def test_two_contacts_with_the_same_name_are_each_updated_on_their_own(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import nextround

    made = nextround.new(company="Acme Analytics", role="Data Analyst", dir=tmp_path,
                         contacts=["Sam Lee <sam.lee@north.example>", "Sam Lee <sam.lee@south.example>"])
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    wb = Workbook.start(**read_json(made)["metadata"]["papermill"]["parameters"])
    form = wb.contacts()
    assert list(form.panels) == ["sam-lee", "sam-lee-2"]
    assert [form.tabs.get_title(i) for i in range(2)] == ["Sam Lee", "Sam Lee (2)"]
    north, south = form.panels["sam-lee"], form.panels["sam-lee-2"]
    north.role.value = "Hiring manager"
    north.save_button.click()
    south.role.value = "Recruiter"
    south.thank_you_sent_on.value = date(2026, 6, 18)
    south.save_button.click()
    assert "Saved at" in north.status.value and "Saved at" in south.status.value
    people = [(c["id"], c["email"], c["role"], c["thank_you_sent_on"]) for c in saved(wb)["contacts"]]
    assert people == [("sam-lee", "sam.lee@north.example", "Hiring manager", None),
                      ("sam-lee-2", "sam.lee@south.example", "Recruiter", "2026-06-18")]

    form.new_contact.value = "Sam Lee <sam.lee@north.example>"  # the same person again
    form.add_button.click()
    assert "already here" in form.status.value and len(saved(wb)["contacts"]) == 2
    form.new_contact.value = "Sam Lee <sam.lee@east.example>"  # someone else of that name
    form.add_button.click()
    assert "Added Sam Lee" in form.status.value and list(form.panels) == ["sam-lee", "sam-lee-2", "sam-lee-3"]
    again = wb.contacts()
    assert [p.role.value for p in again.panels.values()] == ["Hiring manager", "Recruiter", ""]
    assert again.panels["sam-lee-3"].email.value == "sam.lee@east.example"
