"""Progress through the five steps, and the dated next actions, from the answers.

The rules are deliberately simple, so a person can predict them (they are also in
docs/answers-format.md). Each step is `todo`, `started` or `done`:

1. Feedback — done when feedback was received (a date or its words); started when
   it was asked for.
2. Reply — done when a reply was sent; started when a draft exists.
3. CV on file — done when the company agreed or declined; started when asked.
4. Self-review — done when every rubric dimension is scored; started when any
   score, note or interview question is recorded.
5. Stay in touch — done when every contact has been thanked and has a next-contact
   date (or, with no contacts, when the company is followed or its vacancies are
   watched); started when anything in the section is recorded.

Next actions carry a due date; those already done carry the date they were done. Their
`what` is written in en-GB and marked for the catalogs: it is data (the journal's
tables, `nextround due --format json`), and a person reads it through `_()`, in the
workbook's language.

Sending things is planned the way a careers adviser would plan it:

- Dates count from the later of the rejection and the day the workbook was made, so a
  workbook made ten days after the "no" does not start with everything overdue.
- Ready first: once there are check-ins, sending counts from the first check-in that
  says "ready" (or from the day the person skipped checking in). While the latest
  check-in says "not yet", every sending action is *waiting*, never overdue.
- One message plan (`plan.style`): by default ("combined") one short reply to the main
  contact thanks them, asks for feedback and asks for the CV to be kept on file; the
  LinkedIn note follows a few days later, then thank-yous to the other people met. With
  "separate", each of those is its own message, as before. A contact with no email
  address gets no emailed thank-you; their LinkedIn note does the thanking.
- Feedback that never comes, or that the company does not give (`feedback.closed`),
  closes step 1: there is nothing left to chase.
- Nudge without pestering: after the request (or the one short reply), at most
  `MAX_FOLLOW_UPS` polite follow-ups (or `feedback.max_follow_ups`), a week apart, each
  logged in `feedback.follow_ups`. Two weeks after the last with no reply, step 1 closes
  as "no reply" by itself — worked out, never written — and nothing more is chased.
  Someone who has not answered your thank-you or LinkedIn request (no acceptance,
  nothing logged since) gets one reminder to get back in touch; two weeks after it, the
  workbook lets it go.
- No action asks for what the answers already show as done: feedback that came
  unasked, a reply already sent or a CV already asked about drop out of the one short
  reply, which then asks only for what is left.
- Feedback offered (`rejection.feedback_offered`, as when the workbook was made from
  the rejection email): the request says so ("the feedback they offered") and is due
  within the week of the rejection (OFFER_ASK_WITHIN days), sooner than usual if the
  plan would put it later, but never before the day the plan starts: an offer made
  long before the workbook is asked for at once, not marked overdue.
"""

from __future__ import annotations

import calendar
import functools
import operator
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, NamedTuple

from nextround.core.answers import CHECK_EVERY_DAYS, KEEP_MONTHS, as_date, main_contact, next_contact_on
from nextround.core.i18n import N_, _
from nextround.core.labels import RUBRIC

#: The five steps' titles (show one with `_()`).
STEPS: dict[int, str] = {
    1: N_("Ask for honest feedback"),
    2: N_("Stay professional"),
    3: N_("Ask for your CV to be kept on file"),
    4: N_("Review your own interview"),
    5: N_("Stay in touch"),
}
STATES = ("todo", "started", "done")
MARKS = {"todo": "·", "started": "◐", "done": "●"}

#: How far ahead "this week" looks, in days.
WEEK_AHEAD = 7
#: How soon an action is due, from most to least pressing (and "done").
URGENCIES = ("overdue", "today", "this_week", "later", "waiting", "done")

# How long after the rejection (or after feeling ready) each first move is due, in days.
THANK_YOU_WITHIN = 2
FEEDBACK_REQUEST_WITHIN = 3
REPLY_WITHIN = 3
LINKEDIN_WITHIN = 5
CV_REQUEST_WITHIN = 7
# With one combined reply: the reply first, the LinkedIn note a few days after it, and
# thank-yous to the other people met the day after it.
COMBINED_REPLY_WITHIN = 2
LINKEDIN_AFTER_REPLY = 4
OTHERS_THANKED_AFTER_REPLY = 1
#: The message plans: one combined reply (the default) or each message on its own.
PLAN_STYLES = ("combined", "separate")
#: Ways the feedback step can close without feedback: no reply came, or they don't give it.
FEEDBACK_CLOSED = ("no_reply", "declined")
#: Days after the request (or the one short reply) before the first polite follow-up.
FOLLOW_UP_AFTER = 7
#: Days between one follow-up and the next.
FOLLOW_UP_EVERY = 7
#: The most follow-ups on a request for feedback, unless `feedback.max_follow_ups` says otherwise.
MAX_FOLLOW_UPS = 2
#: Days with no reply after the last follow-up (or the request, if none is allowed) before
#: step 1 closes as "no reply"; also how long a reminder about someone who has not
#: answered stays before it is let go.
NO_REPLY_AFTER = 14
CV_ANSWER_FOLLOW_UP_AFTER = 14
RESEND_CV_BEFORE_LAPSE = 14
CHECK_IN_AGAIN_AFTER = 1
#: Feedback offered with the rejection: ask within this many days of the rejection.
OFFER_ASK_WITHIN = 7


class Action(NamedTuple):
    """One dated thing to do (or done) for a workbook.

    `waiting`: a message to send once the person feels ready (the latest check-in says
    "not yet"); its `due` is when it would fall due if they were ready today.
    """

    step: int  # 0 is the check-in, 1-5 the steps
    what: str
    due: date
    done_on: date | None = None
    contact: str = ""
    waiting: bool = False

    @property
    def done(self) -> bool:
        return self.done_on is not None


# Actions are worked out as plain (step, what, due, done_on, contact, waiting) tuples,
# in Action's field order: a journal works out tens of thousands of them, and tuples
# cost a fraction of the named ones. Sorted by due date, then step, then contact.
_ActionRow = tuple[int, str, date, "date | None", str, bool]
_IN_ORDER = operator.itemgetter(2, 0, 4)


def summarise(doc: Mapping[str, Any], *, today: date | None = None) -> tuple[dict[int, str], list[_ActionRow]]:
    """Both `step_states` and `actions`, reading the document once (for journals).

    The actions come as plain tuples in Action's field order, which is all a
    journal needs and several times cheaper to make.
    """
    today = today or date.today()
    return step_states(doc, today=today), _actions(doc, today)


# The rules read the answers as they are, a field at a time: a missing section or
# field reads as empty (None, "" and [] all count as "nothing yet"), and the few
# defaults that matter are written where they are read. A journal works out
# thousands of workbooks, so nothing is copied.
_NOTHING: Mapping[str, Any] = MappingProxyType({})
_RUBRIC = frozenset(RUBRIC)


def not_ready(checkins: Sequence[Mapping[str, Any]] | None) -> bool:
    """Whether the latest check-in said "not ready yet" (so nothing should be sent)."""
    return bool(checkins) and checkins is not None and checkins[-1].get("ready") is False


def waiting_to_send(doc: Mapping[str, Any]) -> bool:
    """Whether sending should wait: the latest check-in says "not yet", and the person
    has not chosen to skip checking in since."""
    checkins = doc.get("checkins")
    if not checkins or not not_ready(checkins):
        return False
    skipped = as_date((doc.get("plan") or _NOTHING).get("checkin_dismissed_on"))
    return not (skipped and skipped >= (as_date(checkins[-1].get("at")) or skipped))


def sending_starts(doc: Mapping[str, Any], today: date) -> date:
    """The day from which messages are planned (see the module's docstring)."""
    get = doc.get
    made = as_date(get("created_at"))
    rejected = as_date((get("rejection") or _NOTHING).get("rejected_on"))
    # With neither date, the last save is a fixed day to count from (counting from
    # today, reminders would never fall due); with nothing at all, today.
    start = max(d for d in (rejected, made) if d) if (rejected or made) else as_date(get("saved_at")) or today
    checkins = get("checkins") or ()
    if not checkins:
        return start
    ready = [as_date(c.get("at")) for c in checkins if c.get("ready") is True]
    skipped = as_date((get("plan") or _NOTHING).get("checkin_dismissed_on"))
    first = min((d for d in (*ready, skipped) if d), default=None)
    if first is None:  # never ready yet: the plan starts today, and waits
        return max(start, today)
    return max(start, first)


def _state(done: Any, started: Any) -> str:
    return "done" if done else "started" if started else "todo"


class FollowUps(NamedTuple):
    """Where the polite follow-ups on a request for feedback stand (see `follow_ups`)."""

    #: The day the request went (`feedback.requested_on`, else `plan.combined_sent_on`).
    asked_on: date | None
    #: The follow-ups sent, oldest first.
    sent: tuple[date, ...]
    #: How many are allowed in all: `feedback.max_follow_ups`, else MAX_FOLLOW_UPS.
    allowed: int
    #: When the next may go; None when none is left.
    next_due: date | None
    #: Once none is left, the day step 1 closes as "no reply" if nothing comes first.
    no_reply_on: date | None

    @property
    def left(self) -> int:
        """How many follow-ups may still be sent."""
        return max(0, self.allowed - len(self.sent))


def follow_ups(doc: Mapping[str, Any]) -> FollowUps:
    """The follow-ups on the request for feedback: sent, left, when the next is due.

    The first may go FOLLOW_UP_AFTER days after the request, each next one
    FOLLOW_UP_EVERY days after the last; none once `allowed` are sent. Whether feedback
    came or the step was closed is not considered here (see `feedback_closed`).
    """
    fb = doc.get("feedback") or _NOTHING
    plan = doc.get("plan") or _NOTHING
    asked = as_date(fb.get("requested_on")) or as_date(plan.get("combined_sent_on"))
    sent = tuple(sorted(d for d in (as_date(e.get("sent_on")) for e in fb.get("follow_ups") or ()) if d))
    allowed = fb.get("max_follow_ups")
    allowed = MAX_FOLLOW_UPS if allowed is None else max(0, int(allowed))
    last = sent[-1] if sent else asked
    if last is None:
        return FollowUps(asked, sent, allowed, None, None)
    if len(sent) < allowed:
        return FollowUps(asked, sent, allowed, last + _days(FOLLOW_UP_EVERY if sent else FOLLOW_UP_AFTER), None)
    return FollowUps(asked, sent, allowed, None, last + _days(NO_REPLY_AFTER))


def feedback_received(fb: Mapping[str, Any]) -> bool:
    """Whether feedback came: a date it arrived, or its words."""
    return bool(fb.get("received_on") or (fb.get("text") or "").strip())


def feedback_closed(doc: Mapping[str, Any], *, today: date | None = None) -> str:
    """Why step 1 closed without feedback: `no_reply`, `declined` or "" while it is open.

    `feedback.closed` when the person said so; otherwise `no_reply` once every
    follow-up has been sent and NO_REPLY_AFTER days have passed since the last with
    no feedback — worked out each time, never written to the answers.
    """
    fb = doc.get("feedback") or _NOTHING
    closed = fb.get("closed")
    if closed in FEEDBACK_CLOSED:
        return str(closed)
    if feedback_received(fb):
        return ""
    no_reply_on = follow_ups(doc).no_reply_on
    return "no_reply" if no_reply_on and (today or date.today()) >= no_reply_on else ""


def step_states(doc: Mapping[str, Any], *, today: date | None = None) -> dict[int, str]:
    """Each step's state (`todo`, `started` or `done`) by the rules above, as of `today`.

    Only step 1 depends on the day: feedback still awaited two weeks after the last
    follow-up closes it as "no reply".
    """
    get = doc.get
    fb, reply, cv = get("feedback") or _NOTHING, get("reply") or _NOTHING, get("cv_on_file") or _NOTHING
    review, contacts, company = get("self_review") or _NOTHING, get("contacts") or (), get("company") or _NOTHING

    scores = review.get("scores") or _NOTHING
    followed = any((company.get("followed") or _NOTHING).values())
    watch = company.get("vacancy_watch") or _NOTHING
    watching = watch.get("careers_page") or watch.get("keywords")
    touch_done: Any
    if contacts:
        # Thanked by email, or (with no address to email) through the LinkedIn note.
        touch_done = all(
            (c.get("thank_you_sent_on") or (not (c.get("email") or "").strip() and c.get("linkedin_request_sent_on")))
            and c.get("next_contact_on")
            for c in contacts
        )
    else:
        touch_done = followed or watching
    touch_started = followed or watching or company.get("engagement") or any(
        c.get("thank_you_sent_on") or c.get("linkedin_request_sent_on") or c.get("log") or c.get("next_contact_on")
        for c in contacts
    )
    status = cv.get("status")
    return {
        1: _state(feedback_received(fb) or feedback_closed(doc, today=today), fb.get("requested_on")),
        2: _state(reply.get("sent_on"), (reply.get("draft") or "").strip()),
        3: _state(status == "agreed" or status == "declined", status == "asked"),
        4: _state(
            scores.keys() >= _RUBRIC,
            scores or review.get("questions") or any(n.strip() for n in (review.get("notes") or _NOTHING).values()),
        ),
        5: _state(touch_done, touch_started),
    }


def cv_lapses_on(cv: Mapping[str, Any]) -> date | None:
    """When a CV kept on file lapses: the date given, or the day they agreed plus the months."""
    agreed_on = as_date(cv.get("answered_on"))
    return as_date(cv.get("keep_until")) or cv_keep_until(agreed_on, cv.get("keep_months") or KEEP_MONTHS)


def cv_keep_until(answered_on: date | None, keep_months: int | None) -> date | None:
    """When a CV kept on file lapses: the day they agreed plus the months they keep it."""
    if not answered_on or not keep_months:
        return None
    month = answered_on.month - 1 + keep_months
    year, month = answered_on.year + month // 12, month % 12 + 1
    day = min(answered_on.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)



def actions(doc: Mapping[str, Any], *, today: date | None = None) -> list[Action]:
    """Every dated action of a workbook, done or not, in date order."""
    return [Action._make(row) for row in _actions(doc, today or date.today())]


def _actions(doc: Mapping[str, Any], today: date) -> list[_ActionRow]:
    get = doc.get
    start = sending_starts(doc, today)
    waiting = waiting_to_send(doc)
    found: list[_ActionRow] = []

    def add(step: int, what: str, due: date, done_on: date | None = None, contact: str = "",
            sending: bool = True) -> None:
        found.append((step, what, due, done_on, contact, sending and waiting and done_on is None))

    checkins = get("checkins")
    if waiting and checkins:
        last = as_date(checkins[-1].get("at")) or today
        add(0, N_("Check in again before sending anything"), last + _days(CHECK_IN_AGAIN_AFTER), sending=False)

    plan = get("plan") or _NOTHING
    combined = (plan.get("style") or "combined") == "combined"
    rejection = get("rejection") or _NOTHING
    offered_on = as_date(rejection.get("rejected_on")) if rejection.get("feedback_offered") is True else None

    def asking(due: date) -> date:
        # An offer is taken up within the week of the "no", but never before the plan starts.
        return min(due, max(offered_on + _days(OFFER_ASK_WITHIN), start)) if offered_on else due

    # The one short reply, once sent, did each of its parts, whichever plan is chosen now.
    sent_together = as_date(plan.get("combined_sent_on"))
    fb = get("feedback") or _NOTHING
    chase = follow_ups(doc)
    # A follow-up logged means the request went, even if its day was not noted.
    requested = chase.asked_on or (chase.sent[0] if chase.sent else None)
    received = as_date(fb.get("received_on")) or (today if (fb.get("text") or "").strip() else None)
    closed = feedback_closed(doc, today=today)
    feedback_done = requested or received or (today if closed else None)
    reply = get("reply") or _NOTHING
    replied = as_date(reply.get("sent_on")) or sent_together
    cv = get("cv_on_file") or _NOTHING
    status, asked = cv.get("status") or "not_asked", as_date(cv.get("asked_on"))
    # Asked, or answered: a status past "not asked" says so even without its dates.
    cv_done = asked or sent_together or ((as_date(cv.get("answered_on")) or today) if status != "not_asked" else None)
    main = main_contact(doc) if combined or sent_together else None

    if combined:
        # Done once it is sent, or once each of its parts is (sent some other way); until
        # then it asks only for the parts still to do.
        parts = (feedback_done, replied, cv_done)
        done_parts = [part for part in parts if part]
        done = max(done_parts) if len(done_parts) == len(parts) else None
        step, what = (2, COMBINED_REPLY) if done else _what_is_left(*(part is None for part in parts),
                                                                      offered=bool(offered_on))
        due = start + _days(COMBINED_REPLY_WITHIN)
        add(step, what, asking(due) if feedback_done is None else due, done, (main or _NOTHING).get("name") or "")
    else:
        # Feedback that arrived unasked still means there is nothing left to ask.
        add(1, ASK_OFFERED if offered_on else N_("Ask for feedback"),
            asking(start + _days(FEEDBACK_REQUEST_WITHIN)), feedback_done)
        if (reply.get("draft") or "").strip() or replied:
            add(2, N_("Send your reply"), start + _days(REPLY_WITHIN), replied)
        add(3, N_("Ask them to keep your CV on file"), start + _days(CV_REQUEST_WITHIN), cv_done)
    if requested:
        # One reply asked three things, so its follow-ups cover them all. Those sent are
        # done; the next is due until feedback comes, none is left, or the step closes.
        due = chase.asked_on + _days(FOLLOW_UP_AFTER) if chase.asked_on else requested
        for n, sent_on in enumerate(chase.sent, 1):
            add(1, follow_up_what(n, chase.allowed, combined), due, sent_on)
            due = sent_on + _days(FOLLOW_UP_EVERY)
        if chase.next_due and not closed:
            add(1, follow_up_what(len(chase.sent) + 1, chase.allowed, combined), chase.next_due, received)

    if status == "asked" and asked and not combined:
        add(3, N_("Follow up on your CV request"), asked + _days(CV_ANSWER_FOLLOW_UP_AFTER), sending=False)
    if status == "agreed":
        keep_until = cv_lapses_on(cv)
        if keep_until:
            add(3, N_("Re-send your CV before it lapses"), keep_until - _days(RESEND_CV_BEFORE_LAPSE))
            add(3, N_("Your CV lapses from their files"), keep_until, sending=False)

    reply_day = (sent_together if combined else None) or start + _days(COMBINED_REPLY_WITHIN)
    for contact in get("contacts") or ():
        name = contact.get("name") or ""
        is_main = main is not None and contact is main
        thanked = as_date(contact.get("thank_you_sent_on")) or (sent_together if is_main else None)
        if combined and is_main:
            linkedin_due = reply_day + _days(LINKEDIN_AFTER_REPLY)
        else:
            if (contact.get("email") or "").strip() or thanked:
                due = reply_day + _days(OTHERS_THANKED_AFTER_REPLY) if combined else start + _days(THANK_YOU_WITHIN)
                add(5, N_("Send a thank-you note"), due, thanked, name)
            linkedin_due = reply_day + _days(LINKEDIN_AFTER_REPLY) if combined else start + _days(LINKEDIN_WITHIN)
        accepted = as_date(contact.get("linkedin_accepted_on"))
        # An accepted request was sent, even if the day it went was not noted.
        add(5, N_("Send a LinkedIn connection request"), linkedin_due,
            as_date(contact.get("linkedin_request_sent_on")) or accepted, name)
        upcoming = as_date(contact.get("next_contact_on")) or next_contact_on(contact)
        if upcoming and (today < upcoming + _days(NO_REPLY_AFTER) or not unanswered(contact)):
            add(5, N_("Get back in touch"), upcoming, None, name)

    watch = (get("company") or _NOTHING).get("vacancy_watch") or _NOTHING
    if watch.get("careers_page") or watch.get("keywords"):
        checked = as_date(watch.get("last_checked_on")) or start
        every = int(watch.get("check_every_days") or CHECK_EVERY_DAYS)
        add(5, N_("Check their vacancies"), checked + _days(every), sending=False)

    found.sort(key=_IN_ORDER)
    return found


#: The one short reply, all three parts still to do.
COMBINED_REPLY = N_("Send one short reply: thanks, a request for feedback, and your CV kept on file")
# What the one short reply still asks for, by which of feedback, reply and CV are left.
_LEFT: dict[tuple[bool, bool, bool], tuple[int, str]] = {
    (True, True, True): (2, COMBINED_REPLY),
    (False, True, True): (2, N_("Send one short reply: thanks, and your CV kept on file")),
    (True, True, False): (2, N_("Send one short reply: thanks, and a request for feedback")),
    (False, True, False): (2, N_("Send your reply")),
    (True, False, True): (1, N_("Ask for feedback, and for your CV to be kept on file")),
    (True, False, False): (1, N_("Ask for feedback")),
    (False, False, True): (3, N_("Ask them to keep your CV on file")),
}


#: The feedback request when the rejection offered feedback.
ASK_OFFERED = N_("Ask for the feedback they offered")
# The same, when the rejection offered feedback: the request takes up the offer.
_LEFT_OFFERED: dict[tuple[bool, bool, bool], tuple[int, str]] = {
    (True, True, True): (2, N_("Send one short reply: thanks, taking up their offer of feedback, "
                               "and your CV kept on file")),
    (True, True, False): (2, N_("Send one short reply: thanks, and taking up their offer of feedback")),
    (True, False, True): (1, N_("Ask for the feedback they offered, and for your CV to be kept on file")),
    (True, False, False): (1, ASK_OFFERED),
}


#: The actions that ask for feedback a rejection offered (whichever plan).
OFFER_ACTIONS = frozenset({ASK_OFFERED, *(what for _step, what in _LEFT_OFFERED.values())})


def _what_is_left(feedback: bool, reply: bool, cv: bool, *, offered: bool = False) -> tuple[int, str]:
    if offered and feedback:
        return _LEFT_OFFERED[feedback, reply, cv]
    return _LEFT[feedback, reply, cv]


# The follow-ups' actions: (first, again, one last time), after one reply or a feedback request.
_FOLLOW_UPS = {
    True: (N_("Follow up on your reply"), N_("Follow up again on your reply"),
           N_("Follow up one last time on your reply")),
    False: (N_("Follow up on the feedback request"), N_("Follow up again on the feedback request"),
            N_("Follow up one last time on the feedback request")),
}


def follow_up_what(n: int, allowed: int, combined: bool) -> str:
    """The `n`th follow-up's action, of `allowed`: "Follow up on…", "…again…", "…one last time…"."""
    first, again, last = _FOLLOW_UPS[combined]
    if n == 1:
        return first
    return last if n == allowed else again


def unanswered(contact: Mapping[str, Any]) -> bool:
    """Whether someone you thanked or asked to connect has not answered: no acceptance, nothing logged.

    Such a person gets one reminder to get back in touch, which lapses NO_REPLY_AFTER
    days after its date; anyone you are in touch with keeps their cadence.
    """
    get = contact.get
    sent = get("thank_you_sent_on") or get("linkedin_request_sent_on")
    return bool(sent) and not get("linkedin_accepted_on") and not get("log")


@functools.lru_cache(maxsize=64)
def _days(n: int) -> timedelta:
    # The same few spans, added tens of thousands of times in a journal: made once each.
    return timedelta(days=n)


def urgency(due: date, today: date, *, done: bool = False, waiting: bool = False) -> str:
    """How soon `due` is, seen from `today`: one of `URGENCIES`.

    The one rule for "overdue", "today" and "this week" everywhere; the journal
    applies the same rule to whole columns at once (`journal.tables`). A message
    waiting until the person feels ready is never overdue.
    """
    if done:
        return "done"
    if waiting:
        return "waiting"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "this_week" if due <= today + _days(WEEK_AHEAD) else "later"


def marks_legend() -> str:
    """What the step marks mean, in one line ("● done, ◐ started, · to do"), in the language in force."""
    from nextround.core.labels import STATE_WORDS

    return ", ".join(f"{MARKS[state]} {_(STATE_WORDS[state])}" for state in reversed(STATES))


def pending(doc: Mapping[str, Any], *, today: date | None = None) -> list[Action]:
    """The actions not yet done, soonest first."""
    return [a for a in actions(doc, today=today) if not a.done]
