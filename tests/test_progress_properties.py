"""No next action asks for something the answers already show as done, whatever they hold.

The rules of what counts as done are written out here, from docs/answers-format.md,
not taken from the code: a pending action whose goal these rules call done is a
reminder the person would rightly find wrong ("Ask for feedback", overdue, under the
feedback they wrote down last week).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nextround.core.answers import CV_STATUSES, is_valid, problems
from nextround.core.progress import pending

# --- what the answers show as done, by the documented rules -----------------------------

Doc = Mapping[str, Any]


def _day(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def feedback_asked(doc: Doc) -> bool:
    """Asked: `requested_on`, the one reply (`combined_sent_on`), or a follow-up logged after it."""
    fb = doc["feedback"]
    return bool(fb["requested_on"] or doc["plan"]["combined_sent_on"] or fb["follow_ups"])


def no_reply_after_every_follow_up(doc: Doc, today: date) -> bool:
    """At most `max_follow_ups` (else two); 14 days after the last with no reply, step 1 closes."""
    fb = doc["feedback"]
    allowed = 2 if fb["max_follow_ups"] is None else fb["max_follow_ups"]
    sent = sorted(_day(f["sent_on"]) for f in fb["follow_ups"])
    last = sent[-1] if sent else _day(fb["requested_on"] or doc["plan"]["combined_sent_on"])
    return len(sent) >= allowed and last is not None and today >= last + timedelta(days=14)


def feedback_settled(doc: Doc, today: date) -> bool:
    """Step 1 is done: feedback came (a date or its words), or it closed (by hand or by itself)."""
    fb = doc["feedback"]
    return bool(fb["received_on"] or fb["text"].strip() or fb["closed"] in ("no_reply", "declined")
                or no_reply_after_every_follow_up(doc, today))


def follow_ups_used_up(doc: Doc) -> bool:
    fb = doc["feedback"]
    allowed = 2 if fb["max_follow_ups"] is None else fb["max_follow_ups"]
    return len(fb["follow_ups"]) >= allowed


def reply_sent(doc: Doc) -> bool:
    return bool(doc["reply"]["sent_on"] or doc["plan"]["combined_sent_on"])


def cv_asked(doc: Doc) -> bool:
    cv = doc["cv_on_file"]
    return bool(cv["status"] != "not_asked" or cv["asked_on"] or doc["plan"]["combined_sent_on"])


def cv_answered(doc: Doc) -> bool:
    return doc["cv_on_file"]["status"] in ("agreed", "declined")


def main_contact(doc: Doc) -> Mapping[str, Any] | None:
    """`plan.main_contact` by name, else the first contact with an email address."""
    chosen = doc["plan"]["main_contact"]
    named = [c for c in doc["contacts"] if chosen and c["name"] == chosen]
    return named[0] if named else next((c for c in doc["contacts"] if c["email"].strip()), None)


def thanked(doc: Doc, contact: Mapping[str, Any]) -> bool:
    # The one reply thanks the main contact: the form records their thank-you then.
    return bool(contact["thank_you_sent_on"] or (doc["plan"]["combined_sent_on"] and contact is main_contact(doc)))


def linkedin_sent(doc: Doc, contact: Mapping[str, Any]) -> bool:
    return bool(contact["linkedin_request_sent_on"] or contact["linkedin_accepted_on"])


def ready_again(doc: Doc) -> bool:
    """The latest check-in says ready, or the person skipped checking in since it."""
    checkins = doc["checkins"]
    if not checkins or checkins[-1]["ready"]:
        return True
    skipped = _day(doc["plan"]["checkin_dismissed_on"])
    return bool(skipped and skipped >= _day(checkins[-1]["at"]))


def never(doc: Doc, *_: Any) -> bool:
    """Re-sending a CV, its lapse, keeping in touch and vacancy checks recur: never "already done"."""
    return False


WorkbookGoal = Callable[[Doc, date], bool]
FEEDBACK: WorkbookGoal = lambda doc, today: feedback_asked(doc) or feedback_settled(doc, today)  # noqa: E731
REPLY: WorkbookGoal = lambda doc, today: reply_sent(doc)  # noqa: E731
CV: WorkbookGoal = lambda doc, today: cv_asked(doc)  # noqa: E731
FOLLOW_UP: WorkbookGoal = lambda doc, today: feedback_settled(doc, today) or follow_ups_used_up(doc)  # noqa: E731

#: Each action, by what it says, and what it asks for: the action is wrong if any of
#: those is already done. An action not listed here fails the test: add its rule.
GOALS: dict[str, tuple[WorkbookGoal, ...]] = {
    "Send one short reply: thanks, a request for feedback, and your CV kept on file": (REPLY, FEEDBACK, CV),
    "Send one short reply: thanks, and a request for feedback": (REPLY, FEEDBACK),
    "Send one short reply: thanks, and your CV kept on file": (REPLY, CV),
    "Send your reply": (REPLY,),
    "Ask for feedback, and for your CV to be kept on file": (FEEDBACK, CV),
    "Ask for feedback": (FEEDBACK,),
    # When the rejection offered feedback, the same actions take up the offer.
    "Send one short reply: thanks, taking up their offer of feedback, and your CV kept on file": (REPLY, FEEDBACK, CV),
    "Send one short reply: thanks, and taking up their offer of feedback": (REPLY, FEEDBACK),
    "Ask for the feedback they offered, and for your CV to be kept on file": (FEEDBACK, CV),
    "Ask for the feedback they offered": (FEEDBACK,),
    "Ask them to keep your CV on file": (CV,),
    **{f"Follow up {how} {about}": (FOLLOW_UP,)
       for how in ("on", "again on", "one last time on") for about in ("your reply", "the feedback request")},
    "Follow up on your CV request": (lambda doc, today: cv_answered(doc),),
    "Check in again before sending anything": (lambda doc, today: ready_again(doc),),
    "Re-send your CV before it lapses": (never,),
    "Your CV lapses from their files": (never,),
    "Check their vacancies": (never,),
}
#: Actions for one person: wrong if every contact of that name has already done it.
CONTACT_GOALS: dict[str, Callable[[Doc, Mapping[str, Any]], bool]] = {
    "Send a thank-you note": thanked,
    "Send a LinkedIn connection request": linkedin_sent,
    "Get back in touch": never,
}


def already_done(doc: Doc, what: str, contact: str, today: date) -> bool:
    if what in CONTACT_GOALS:
        people = [c for c in doc["contacts"] if c["name"] == contact]
        assert people, f"{what!r} for {contact!r}, who is not among the contacts"
        return all(CONTACT_GOALS[what](doc, person) for person in people)
    assert what in GOALS, f"an action this test has no rule for: {what!r}"
    return any(goal(doc, today) for goal in GOALS[what])


# --- answers documents, as a person (or their own code) might leave them -------------------

DAYS = st.dates(min_value=date(2026, 6, 1), max_value=date(2026, 9, 30))
maybe_day = st.none() | DAYS.map(date.isoformat)
NAMES = ("Priya Shah", "Tom Reid", "Sam Lee")

contacts = st.lists(st.fixed_dictionaries({
    "name": st.sampled_from(NAMES),  # two people may share a name
    "email": st.sampled_from(["", "someone@example.org"]),
    "thank_you_sent_on": maybe_day,
    "linkedin_request_sent_on": maybe_day,
    "linkedin_accepted_on": maybe_day,
    "next_contact_on": maybe_day,
    "cadence_weeks": st.sampled_from([8, None]),
    "log": st.lists(st.fixed_dictionaries({"id": st.just("l1"), "on": DAYS.map(date.isoformat)}), max_size=1),
}), max_size=3)

checkins = st.lists(st.tuples(DAYS, st.booleans()), max_size=3).map(
    lambda entries: [{"id": f"c{n}", "at": f"{day.isoformat()}T18:00:00+01:00", "mood": 5, "ready": ready}
                     for n, (day, ready) in enumerate(sorted(entries))])

documents = st.fixed_dictionaries({
    "format": st.just("nextround-answers"),
    "version": st.just(2),
    "workbook_id": st.just("w1"),
    "created_at": st.none() | DAYS.map(lambda d: f"{d.isoformat()}T09:00:00+01:00"),
    "rejection": st.fixed_dictionaries({"company": st.just("Acme"), "rejected_on": maybe_day,
                                        "feedback_offered": st.booleans()}),
    "checkins": checkins,
    "feedback": st.fixed_dictionaries({
        "requested_on": maybe_day,
        "received_on": maybe_day,
        "text": st.sampled_from(["", "  ", "Your SQL answer missed the join."]),
        "closed": st.sampled_from(["", "no_reply", "declined"]),
        "follow_ups": st.lists(DAYS, max_size=3).map(
            lambda days: [{"id": f"f{n}", "sent_on": d.isoformat()} for n, d in enumerate(sorted(days))]),
        "max_follow_ups": st.none() | st.integers(0, 3),
    }),
    "reply": st.fixed_dictionaries({"draft": st.sampled_from(["", "Thank you."]), "sent_on": maybe_day}),
    "cv_on_file": st.fixed_dictionaries({
        "status": st.sampled_from(CV_STATUSES),
        "asked_on": maybe_day,
        "answered_on": maybe_day,
        "keep_until": maybe_day,
    }),
    "contacts": contacts,
    "company": st.fixed_dictionaries({
        "vacancy_watch": st.fixed_dictionaries({"careers_page": st.sampled_from(["", "https://example.org"])}),
    }),
    "plan": st.fixed_dictionaries({
        "style": st.sampled_from(["combined", "separate"]),
        "main_contact": st.sampled_from(["", *NAMES]),
        "combined_sent_on": maybe_day,
        "checkin_dismissed_on": maybe_day,
    }),
})


def _fill(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields the generator leaves out, with their documented defaults (for the rules above)."""
    for contact in doc["contacts"]:
        contact.setdefault("email", "")
    return doc


# Found by this test on the code before the fix; kept so they are always tried.
FEEDBACK_CAME_UNASKED = {"received_on": "2026-06-10", "requested_on": None}


def _example(style: str, **sections: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "nextround-answers", "version": 2, "workbook_id": "w1", "created_at": None,
        "rejection": {"company": "Acme", "rejected_on": "2026-06-01"}, "checkins": [],
        "feedback": {"requested_on": None, "received_on": None, "text": "", "closed": "", "follow_ups": [],
                     "max_follow_ups": None},
        "reply": {"draft": "", "sent_on": None},
        "cv_on_file": {"status": "not_asked", "asked_on": None, "answered_on": None, "keep_until": None},
        "contacts": [], "company": {"vacancy_watch": {"careers_page": ""}},
        "plan": {"style": style, "main_contact": "", "combined_sent_on": None, "checkin_dismissed_on": None},
    }
    for name, values in sections.items():
        doc[name] = {**doc[name], **values} if isinstance(values, dict) else values
    return doc


@settings(max_examples=300, deadline=None)  # a modest budget: about two seconds
@given(doc=documents, today=st.dates(min_value=date(2026, 6, 1), max_value=date(2027, 1, 31)))
# Feedback that came unasked: no "Ask for feedback", in either plan, and no request for it in the one reply.
@example(doc=_example("separate", feedback=FEEDBACK_CAME_UNASKED), today=date(2026, 7, 1))
@example(doc=_example("combined", feedback=FEEDBACK_CAME_UNASKED), today=date(2026, 7, 1))
# A reply already sent on its own is not asked for again by the one reply.
@example(doc=_example("combined", reply={"draft": "", "sent_on": "2026-06-02"}), today=date(2026, 7, 1))
# "Asked" without its date is still asked.
@example(doc=_example("separate", cv_on_file={"status": "asked", "asked_on": None, "answered_on": None,
                                               "keep_until": None}), today=date(2026, 7, 1))
# An accepted LinkedIn request was sent.
@example(doc=_example("separate", contacts=[{"name": "Tom Reid", "email": "", "thank_you_sent_on": None,
                                             "linkedin_request_sent_on": None,
                                             "linkedin_accepted_on": "2026-06-05", "next_contact_on": None,
                                             "cadence_weeks": 8, "log": []}]), today=date(2026, 7, 1))
# The one reply, sent, did its parts even after switching to separate messages.
@example(doc=_example("separate", plan={"combined_sent_on": "2026-06-03"}), today=date(2026, 7, 1))
# Two follow-ups sent and two weeks of silence: nothing more to chase.
@example(doc=_example("combined", feedback={"requested_on": "2026-06-03", "follow_ups": [
    {"id": "a", "sent_on": "2026-06-10"}, {"id": "b", "sent_on": "2026-06-17"}]}), today=date(2026, 7, 1))
def test_no_pending_action_asks_for_what_the_answers_show_as_done(doc: dict[str, Any], today: date) -> None:
    doc = _fill(doc)
    assert is_valid(doc), problems(doc)  # the generator writes real answers files
    wrong = [(a.what, a.contact) for a in pending(doc, today=today) if already_done(doc, a.what, a.contact, today)]
    assert wrong == []
