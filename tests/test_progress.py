"""The five steps' progress and the dated next actions follow the documented rule."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.core.answers import new_document, upgrade
from nextround.core.labels import RUBRIC
from nextround.core.progress import (
    MAX_FOLLOW_UPS,
    actions,
    cv_keep_until,
    feedback_closed,
    follow_ups,
    pending,
    step_states,
)

REJECTION = {"company": "Acme", "role": "Analyst", "rejected_on": "2026-06-17",
             "contacts": [{"name": "Priya Shah", "email": "priya@acme.example"}, {"name": "Tom Reid", "email": ""}]}
REPLY = "Send one short reply: thanks, a request for feedback, and your CV kept on file"


def doc(**sections):
    d = new_document("w1", REJECTION)
    d["created_at"] = "2026-06-17T18:00:00+01:00"  # made the evening the "no" came
    d["contacts"] = [{"name": "Priya Shah", "email": "priya@acme.example"}, {"name": "Tom Reid", "email": ""}]
    for name, value in sections.items():
        if isinstance(value, dict) and isinstance(d.get(name), dict):
            d[name].update(value)
        else:
            d[name] = value
    return d


def test_an_untouched_workbook_has_every_step_to_do() -> None:
    assert step_states(doc()) == {1: "todo", 2: "todo", 3: "todo", 4: "todo", 5: "todo"}


def test_each_step_moves_from_started_to_done() -> None:
    assert step_states(doc(feedback={"requested_on": "2026-06-18"}))[1] == "started"
    assert step_states(doc(feedback={"requested_on": "2026-06-18", "received_on": "2026-06-25"}))[1] == "done"
    assert step_states(doc(reply={"draft": "Thanks"}))[2] == "started"
    assert step_states(doc(reply={"draft": "Thanks", "sent_on": "2026-06-18"}))[2] == "done"
    assert step_states(doc(cv_on_file={"status": "asked"}))[3] == "started"
    assert step_states(doc(cv_on_file={"status": "declined"}))[3] == "done"
    assert step_states(doc(self_review={"scores": {"rapport": 3}, "notes": {}, "questions": []}))[4] == "started"
    all_scored = {"scores": {k: 3 for k in RUBRIC}, "notes": {}, "questions": []}
    assert step_states(doc(self_review=all_scored))[4] == "done"
    thanked = [{"name": "Priya Shah", "thank_you_sent_on": "2026-06-18"}]
    assert step_states(doc(contacts=thanked))[5] == "started"
    thanked[0]["next_contact_on"] = "2026-08-13"
    assert step_states(doc(contacts=thanked))[5] == "done"
    assert step_states(doc(contacts=[], company={"followed": {"linkedin": "2026-06-18"}}))[5] == "done"


def test_by_default_one_reply_then_linkedin_then_the_others_thanks() -> None:
    # One short email to the main contact (thanks, feedback, CV on file); the LinkedIn
    # notes a few days later; Tom has no email address, so no emailed thank-you for him.
    due = {(a.what, a.contact): a.due for a in pending(doc())}
    assert due == {
        (REPLY, "Priya Shah"): date(2026, 6, 19),
        ("Send a LinkedIn connection request", "Priya Shah"): date(2026, 6, 23),
        ("Send a LinkedIn connection request", "Tom Reid"): date(2026, 6, 23),
    }
    assert [a.due for a in pending(doc())] == sorted(a.due for a in pending(doc()))


def test_once_the_reply_is_sent_the_rest_follows_from_that_day() -> None:
    d = doc(plan={"combined_sent_on": "2026-06-20"}, feedback={"requested_on": "2026-06-20"},
            contacts=[{"name": "Priya Shah", "email": "priya@acme.example", "thank_you_sent_on": "2026-06-20"},
                      {"name": "Sam Okafor", "email": "sam@acme.example"}])
    done = next(a for a in actions(d) if a.what == REPLY)
    assert done.done_on == date(2026, 6, 20)
    due = {(a.what, a.contact): a.due for a in pending(d)}
    assert due[("Send a thank-you note", "Sam Okafor")] == date(2026, 6, 21)
    assert due[("Send a LinkedIn connection request", "Priya Shah")] == date(2026, 6, 24)
    assert due[("Follow up on your reply", "")] == date(2026, 6, 27)
    assert ("Send a thank-you note", "Priya Shah") not in due  # thanked in the reply
    assert ("Follow up on your CV request", "") not in due  # one follow-up for the one reply


def test_separate_messages_are_each_their_own_action() -> None:
    due = {(a.what, a.contact): a.due for a in pending(doc(plan={"style": "separate"}))}
    assert due[("Send a thank-you note", "Priya Shah")] == date(2026, 6, 19)
    assert due[("Ask for feedback", "")] == date(2026, 6, 20)
    assert due[("Send a LinkedIn connection request", "Priya Shah")] == date(2026, 6, 22)
    assert due[("Ask them to keep your CV on file", "")] == date(2026, 6, 24)
    assert ("Send a thank-you note", "Tom Reid") not in due  # no address to send it to
    assert REPLY not in {what for what, _ in due}


def test_a_workbook_made_days_later_starts_with_nothing_overdue() -> None:
    d = doc()
    d["created_at"] = "2026-06-27T09:00:00+01:00"  # ten days after the "no"
    late = pending(d, today=date(2026, 6, 27))
    assert all(a.due >= date(2026, 6, 27) for a in late)
    assert next(a for a in late if a.what == REPLY).due == date(2026, 6, 29)


OFFER_TAKEN_UP = "Send one short reply: thanks, taking up their offer of feedback, and your CV kept on file"


def test_feedback_offered_is_asked_for_within_the_week_of_the_rejection() -> None:
    # Made six days after the "no": the usual plan asks two days on (the 25th); an offer
    # of feedback is taken up within the week of the rejection, by the 24th.
    offered = doc(rejection={"feedback_offered": True}, created_at="2026-06-23T09:00:00+01:00")
    usual = doc(created_at="2026-06-23T09:00:00+01:00")
    assert {a.what: a.due for a in pending(offered, today=date(2026, 6, 23))}[OFFER_TAKEN_UP] == date(2026, 6, 24)
    assert {a.what: a.due for a in pending(usual, today=date(2026, 6, 23))}[REPLY] == date(2026, 6, 25)
    # Made the evening of the "no", the usual two days are sooner than the week: unchanged.
    assert {a.what: a.due for a in pending(doc(rejection={"feedback_offered": True}))}[OFFER_TAKEN_UP] == \
        date(2026, 6, 19)
    separate = pending(doc(rejection={"feedback_offered": True}, plan={"style": "separate"}))
    assert ("Ask for the feedback they offered", date(2026, 6, 20)) in {(a.what, a.due) for a in separate}


def test_an_offer_older_than_the_workbook_is_asked_for_at_once_not_overdue() -> None:
    late = doc(rejection={"feedback_offered": True}, created_at="2026-06-29T09:00:00+01:00")  # twelve days on
    due = {a.what: a.due for a in pending(late, today=date(2026, 6, 29))}
    assert due[OFFER_TAKEN_UP] == date(2026, 6, 29)
    # Once feedback is asked for another way, the reply no longer mentions it.
    asked = doc(rejection={"feedback_offered": True}, feedback={"requested_on": "2026-06-18"})
    assert "Send one short reply: thanks, and your CV kept on file" in {a.what for a in pending(asked)}


def test_while_not_ready_every_message_waits_and_nothing_is_overdue() -> None:
    not_yet = [{"id": "a", "at": "2026-06-17T20:00:00+01:00", "mood": 2, "ready": False}]
    d = doc(checkins=not_yet)
    weeks_later = pending(d, today=date(2026, 7, 15))
    sends = [a for a in weeks_later if a.step != 0]
    assert sends and all(a.waiting for a in sends)
    assert not any(a.due < date(2026, 7, 15) for a in sends)  # the plan starts on the day they feel ready
    # The first "ready" check-in starts the plan from that day.
    d["checkins"].append({"id": "b", "at": "2026-07-01T09:00:00+01:00", "mood": 6, "ready": True})
    due = {(a.what, a.contact): (a.due, a.waiting) for a in pending(d, today=date(2026, 7, 1))}
    assert due[(REPLY, "Priya Shah")] == (date(2026, 7, 3), False)


def test_skipping_the_check_in_starts_the_plan_that_day() -> None:
    d = doc(checkins=[{"id": "a", "at": "2026-06-17T20:00:00+01:00", "mood": 3, "ready": False}],
            plan={"checkin_dismissed_on": "2026-06-20"})
    reply = next(a for a in pending(d, today=date(2026, 6, 20)) if a.what == REPLY)
    assert (reply.due, reply.waiting) == (date(2026, 6, 22), False)


def test_no_feedback_policy_or_no_reply_closes_step_one() -> None:
    for closed in ("no_reply", "declined"):
        d = doc(feedback={"requested_on": "2026-06-19", "closed": closed})
        assert step_states(d)[1] == "done"
        assert "Follow up on the feedback request" not in {a.what for a in pending(d)}


def test_a_contact_with_no_email_is_thanked_through_linkedin() -> None:
    d = doc(contacts=[{"name": "Tom Reid", "email": "", "linkedin_request_sent_on": "2026-06-22",
                       "next_contact_on": "2026-08-17"}])
    assert step_states(d)[5] == "done"


def test_version_1_files_keep_the_plan_they_were_following() -> None:
    old = {"format": "nextround-answers", "version": 1, "workbook_id": "w1",
           "feedback": {"requested_on": "2026-06-19"}, "contacts": []}
    assert upgrade(old)["plan"]["style"] == "separate"
    fresh = {"format": "nextround-answers", "version": 1, "workbook_id": "w2", "contacts": []}
    upgraded = upgrade(fresh)
    assert upgraded["plan"]["style"] == "combined" and upgraded["version"] == 2


def test_done_actions_carry_the_day_they_were_done() -> None:
    d = doc(plan={"style": "separate"}, feedback={"requested_on": "2026-06-19"})
    asked = next(a for a in actions(d) if a.what == "Ask for feedback")
    assert asked.done and asked.done_on == date(2026, 6, 19)
    follow = next(a for a in actions(d) if a.what == "Follow up on the feedback request")
    assert follow.due == date(2026, 6, 26) and not follow.done


def test_cv_lapse_and_resend_reminder() -> None:
    d = doc(cv_on_file={"status": "agreed", "asked_on": "2026-06-20", "answered_on": "2026-06-22",
                        "keep_until": "2026-12-22"})
    due = {a.what: a.due for a in pending(d)}
    assert due["Re-send your CV before it lapses"] == date(2026, 12, 8)
    assert due["Your CV lapses from their files"] == date(2026, 12, 22)
    assert cv_keep_until(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_not_ready_check_in_asks_for_another() -> None:
    d = doc(checkins=[{"id": "a", "at": "2026-06-17T20:00:00+01:00", "mood": 2, "ready": False}])
    first = pending(d)[0]
    assert (first.step, first.due) == (0, date(2026, 6, 18))
    d["checkins"].append({"id": "b", "at": "2026-06-19T09:00:00+01:00", "mood": 6, "ready": True})
    assert all(a.step != 0 for a in pending(d))


def test_feedback_that_arrived_unasked_leaves_nothing_to_ask() -> None:
    d = doc(plan={"style": "separate"}, feedback={"received_on": "2026-06-21", "text": "Your SQL answer missed the join."})
    asked = next(a for a in actions(d) if a.what == "Ask for feedback")
    assert asked.done_on == date(2026, 6, 21)
    assert step_states(d)[1] == "done"


def test_without_a_rejection_date_reminders_count_from_the_day_the_workbook_was_made() -> None:
    d = new_document("w1", {"company": "Acme", "role": "Analyst"})
    d["plan"]["style"] = "separate"
    d["created_at"] = "2026-06-01T10:00:00+01:00"
    d["saved_at"] = "2026-06-20T10:00:00+01:00"  # a later save does not move them
    ask = next(a for a in actions(d, today=date(2026, 7, 1)) if a.what == "Ask for feedback")
    assert ask.due == date(2026, 6, 4)


def test_a_cv_agreed_without_a_lapse_date_still_gets_its_reminder() -> None:
    d = doc(cv_on_file={"status": "agreed", "answered_on": "2026-06-22", "keep_months": 6, "keep_until": None})
    due = {a.what: a.due for a in pending(d)}
    assert due["Your CV lapses from their files"] == date(2026, 12, 22)
    assert due["Re-send your CV before it lapses"] == date(2026, 12, 8)


def test_a_contact_with_no_cadence_is_due_again_after_the_usual_eight_weeks() -> None:
    # A hand-written or older file may leave the cadence out; the journal shows 8 weeks
    # for it, so the reminder must come 8 weeks after the last contact too.
    d = doc(contacts=[{"name": "Priya Shah", "thank_you_sent_on": "2026-06-18"}])
    due = {a.what: a.due for a in pending(d, today=date(2026, 7, 1))}
    assert due["Get back in touch"] == date(2026, 8, 13)
    d["contacts"][0]["cadence_weeks"] = None  # said outright: no reminder
    assert "Get back in touch" not in {a.what for a in pending(d, today=date(2026, 7, 1))}


def test_sections_left_out_of_a_file_read_as_nothing_done_yet() -> None:
    bare = {"workbook_id": "w1", "rejection": {"rejected_on": "2026-06-17"}}
    assert step_states(bare) == {1: "todo", 2: "todo", 3: "todo", 4: "todo", 5: "todo"}
    assert [(a.what, a.due) for a in actions(bare, today=date(2026, 6, 30))] == [(REPLY, date(2026, 6, 19))]


@pytest.mark.parametrize("offset", [-30, -8, -3, 0, 1, 5, 7, 8, 40])
def test_the_journal_and_the_workbook_call_the_same_actions_overdue(tmp_path, offset: int) -> None:
    # The journal works out "overdue / today / this week" for whole columns at once;
    # it must say what progress.urgency says for each action, one by one.
    from datetime import date, timedelta

    import nextround
    from nextround.core.progress import urgency

    path = nextround.new(company="Acme Analytics", role="Data Analyst", rejected_on="2026-06-17",
                         contacts=["Priya Shah <priya@acme.example>", "Tom Reid"], dir=tmp_path)
    answers = nextround.open_answers(path)
    answers.update("feedback", requested_on="2026-06-18")
    answers.add_checkin(3, ready=False, at="2026-06-17T20:00:00")
    today = date(2026, 6, 17) + timedelta(days=offset)
    actions = nextround.load(tmp_path, today=today).actions
    assert len(actions) > 3
    for row in actions.itertuples():
        assert row.status == urgency(row.due.date(), today, done=bool(row.done), waiting=bool(row.waiting)), row


# --- follow-ups, without pestering ------------------------------------------------------

FOLLOW_UP = "Follow up on your reply"
AGAIN = "Follow up one last time on your reply"


def follow_ups_pending(d, today):
    return [(a.what, a.due) for a in pending(d, today=today) if a.what.startswith("Follow up")]


def log_follow_up(d, on):
    d["feedback"]["follow_ups"].append({"id": f"f-{on}", "sent_on": on})


def test_two_polite_follow_ups_a_week_apart_then_step_one_closes_as_no_reply() -> None:
    d = doc(plan={"combined_sent_on": "2026-06-20"}, feedback={"requested_on": "2026-06-20"})
    assert follow_ups_pending(d, date(2026, 6, 28)) == [(FOLLOW_UP, date(2026, 6, 27))]
    log_follow_up(d, "2026-06-28")
    assert follow_ups_pending(d, date(2026, 6, 29)) == [(AGAIN, date(2026, 7, 5))]  # a week after the first
    log_follow_up(d, "2026-07-06")
    # Both sent: nothing more to chase, ever; the two show as done on the days they went.
    for today in (date(2026, 7, 7), date(2026, 7, 19), date(2026, 7, 20), date(2026, 9, 1)):
        assert follow_ups_pending(d, today) == []
    sent = [(a.what, a.due, a.done_on) for a in actions(d, today=date(2026, 7, 7)) if a.what.startswith("Follow")]
    assert sent == [(FOLLOW_UP, date(2026, 6, 27), date(2026, 6, 28)), (AGAIN, date(2026, 7, 5), date(2026, 7, 6))]
    # Two weeks after the last with no reply, step 1 is done as "no reply" — worked out, not written.
    assert step_states(d, today=date(2026, 7, 19))[1] == "started"
    assert step_states(d, today=date(2026, 7, 20))[1] == "done"
    assert feedback_closed(d, today=date(2026, 7, 20)) == "no_reply" and d["feedback"]["closed"] == ""
    # Feedback that comes late still counts as feedback.
    d["feedback"]["received_on"] = "2026-07-25"
    assert feedback_closed(d, today=date(2026, 7, 26)) == "" and step_states(d, today=date(2026, 7, 26))[1] == "done"


def test_the_separate_plan_follows_up_on_the_feedback_request_the_same_way() -> None:
    d = doc(plan={"style": "separate"}, feedback={"requested_on": "2026-06-20"})
    assert follow_ups_pending(d, date(2026, 6, 28)) == [("Follow up on the feedback request", date(2026, 6, 27))]
    log_follow_up(d, "2026-06-27")
    assert follow_ups_pending(d, date(2026, 6, 28)) == [
        ("Follow up one last time on the feedback request", date(2026, 7, 4))]
    log_follow_up(d, "2026-07-04")
    assert follow_ups_pending(d, date(2026, 8, 1)) == []
    assert step_states(d, today=date(2026, 7, 18))[1] == "done"


def test_the_cap_is_a_field_of_the_feedback() -> None:
    d = doc(feedback={"requested_on": "2026-06-20", "max_follow_ups": 1})
    assert follow_ups_pending(d, date(2026, 6, 28)) == [(FOLLOW_UP, date(2026, 6, 27))]
    log_follow_up(d, "2026-06-27")
    assert follow_ups_pending(d, date(2026, 7, 20)) == []
    assert follow_ups(d).left == 0 and follow_ups(d).no_reply_on == date(2026, 7, 11)
    none = doc(feedback={"requested_on": "2026-06-20", "max_follow_ups": 0})  # no follow-ups at all
    assert follow_ups_pending(none, date(2026, 6, 28)) == []
    assert feedback_closed(none, today=date(2026, 7, 3)) == "" and feedback_closed(none, today=date(2026, 7, 4))
    three = doc(feedback={"requested_on": "2026-06-20", "max_follow_ups": 3})
    for on in ("2026-06-27", "2026-07-04"):
        log_follow_up(three, on)
    assert follow_ups_pending(three, date(2026, 7, 5)) == [(AGAIN, date(2026, 7, 11))]
    assert MAX_FOLLOW_UPS == 2 and follow_ups(doc(feedback={"requested_on": "2026-06-20"})).left == 2


def test_feedback_that_comes_or_a_closed_step_ends_the_follow_ups() -> None:
    came = doc(feedback={"requested_on": "2026-06-20", "received_on": "2026-06-24"})
    assert follow_ups_pending(came, date(2026, 7, 1)) == []
    closed = doc(feedback={"requested_on": "2026-06-20", "closed": "declined"})
    log_follow_up(closed, "2026-06-27")
    assert follow_ups_pending(closed, date(2026, 7, 1)) == []


def test_someone_who_never_answered_gets_one_reminder_then_nothing() -> None:
    # Tom was asked to connect and never accepted, and nothing was logged: one reminder
    # to get back in touch, eight weeks on, which lapses two weeks after its day.
    tom = {"name": "Tom Reid", "email": "", "linkedin_request_sent_on": "2026-06-22", "log": []}
    priya = {"name": "Priya Shah", "email": "priya@acme.example", "thank_you_sent_on": "2026-06-22",
             "linkedin_request_sent_on": "2026-06-22", "linkedin_accepted_on": "2026-06-23", "log": []}
    d = doc(contacts=[tom, priya])

    def back_in_touch(today):
        return {(a.contact, a.due) for a in pending(d, today=today) if a.what == "Get back in touch"}

    assert back_in_touch(date(2026, 8, 17)) == {("Tom Reid", date(2026, 8, 17)), ("Priya Shah", date(2026, 8, 18))}
    assert back_in_touch(date(2026, 8, 30)) == {("Tom Reid", date(2026, 8, 17)), ("Priya Shah", date(2026, 8, 18))}
    # Priya answered (she accepted): her reminder stays until you get in touch.
    assert back_in_touch(date(2026, 8, 31)) == {("Priya Shah", date(2026, 8, 18))}
    assert back_in_touch(date(2027, 1, 1)) == {("Priya Shah", date(2026, 8, 18))}
    # Once you are in touch (a contact logged), the cadence goes on as usual.
    tom["log"] = [{"id": "l1", "on": "2026-09-01", "note": "he replied"}]
    tom["next_contact_on"] = "2026-10-27"
    assert ("Tom Reid", date(2026, 10, 27)) in back_in_touch(date(2026, 12, 1))


def test_follow_ups_are_part_of_version_2_of_the_answers_format() -> None:
    from nextround.core.answers import VERSION, empty_sections, problems, with_defaults

    assert VERSION == 2
    assert empty_sections()["feedback"]["follow_ups"] == [] and empty_sections()["feedback"]["max_follow_ups"] is None
    d = doc(feedback={"requested_on": "2026-06-20", "max_follow_ups": 3,
                      "follow_ups": [{"id": "a", "sent_on": "2026-06-27"}]})
    assert problems(d) == []
    assert with_defaults({"format": "nextround-answers", "version": 2, "workbook_id": "w"})["feedback"][
        "follow_ups"] == []
    d["feedback"]["follow_ups"] = [{"id": "a", "sent_on": "27/06/2026"}]
    d["feedback"]["max_follow_ups"] = 9
    assert problems(d) == ["feedback/follow_ups/0/sent_on: should be a real date, written YYYY-MM-DD, from 1900-01-01 to 2199-12-31",
                           "feedback/max_follow_ups: should be at most 5"]


def test_the_summary_lists_dated_actions_first_and_what_waits_after() -> None:
    from nextround.notebook.views import summary

    d = doc(checkins=[{"id": "a", "at": "2026-06-17T20:00:00+01:00", "mood": 2, "ready": False}],
            company={"vacancy_watch": {"careers_page": "https://jobs.example.org", "keywords": []}})
    page = str(summary(d, today=date(2026, 6, 20)))
    waiting = page.index("when you feel ready")
    assert page.index("Check in again before sending anything") < waiting
    assert page.index("Check their vacancies") < waiting  # dated, though later than the waiting ones' dates
