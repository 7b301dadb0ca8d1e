"""Read-only views of a workbook as HTML: the header, the summary, past check-ins.

Pure functions from answers to HTML, so they are easy to test and are the same in
JupyterLab, Voilà and an exported notebook. They are built with markupsafe, so
everything a person wrote is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from nextround.core import i18n
from nextround.core.answers import as_date
from nextround.core.i18n import N_, _, ngettext
from nextround.core.labels import EMOTIONS, STATE_WORDS
from nextround.core.messages import nice_date
from nextround.core.progress import (
    MARKS,
    OFFER_ACTIONS,
    STEPS,
    Action,
    feedback_closed,
    feedback_received,
    follow_ups,
    not_ready,
    pending,
    step_states,
    urgency,
    waiting_to_send,
)
from nextround.core.stages import stage_label
from nextround.render import alt, palette
from nextround.render.charts import dates_axis, new_figure, png_img, tidy_axes
from nextround.render.html import CARD, Markup, banner, card, join

NOT_READY_ADVICE = N_(
    "You said you're not ready yet, and that's fine. Read and draft as much as you like, "
    "but hold off sending anything until a check-in says you're ready."
)
_FOLDED = "max-width:760px;line-height:1.45;margin:0 0 6px 12px"


def checks_english_only() -> Markup:
    """The one plain line shown instead of the text checks, in a language they do not read yet."""
    return hint_html(_("The feedback, tone and STAR checks read English only for now, so they do not judge "
                       "what you write here."))


def not_ready_notice(checkins: Sequence[Mapping[str, Any]]) -> Markup:
    """The advice to wait, while the latest check-in says "not ready yet"; else nothing."""
    return banner(_(NOT_READY_ADVICE), "warn") if not_ready(checkins) else Markup()


def waiting_notice(doc: Mapping[str, Any]) -> Markup:
    """The advice to wait, while sending waits (`progress.waiting_to_send`); else nothing."""
    return banner(_(NOT_READY_ADVICE), "warn") if waiting_to_send(doc) else Markup()


def ready_response(doc: Mapping[str, Any], *, today: date | None = None) -> Markup:
    """A short, warm word after a "ready" check-in, and the plan for today."""
    today = today or date.today()
    soon = [a for a in pending(doc, today=today) if a.step != 0 and a.due <= today + timedelta(days=2)][:3]
    items = join(Markup("<li>{}{}</li>").format(_(a.what), f" ({a.contact})" if a.contact else "") for a in soon)
    plan = (Markup("{}<ul style='margin:4px 0'>{}</ul>").format(_("Today's plan, one thing at a time:"), items)
            if soon else Markup("{}").format(_("Nothing needs sending today, so there's no rush.")))
    waited = any(c.get("ready") is False for c in (doc.get("checkins") or [])[:-1])
    return banner(Markup("<b>{}</b> {}{}").format(
        _("Good to hear you feel ready."), _("Taking some time first was the right call.") + " " if waited else "",
        plan), "ok")


def plan_explained(combined: bool) -> Markup:
    """What each message plan means, in two sentences."""
    if combined:
        return hint_html(_(
            "One short email to the person who let you know: thank them, ask how you could improve, and ask "
            "them to keep your CV on file. A few days later, a LinkedIn note; then a brief thank-you to anyone "
            "else you met. Fewer messages, each one welcome."))
    return hint_html(_(
        "You'll send the feedback request, your reply and the CV request as separate messages, from the "
        "steps below. Space them out: one message a day at most."))


def hint_html(text: str) -> Markup:
    """A line of guidance in the quieter colour."""
    return Markup('<div style="color:{};max-width:760px;margin:2px 0 6px;line-height:1.45">{}</div>').format(
        palette.MUTED_TEXT, text)


FEEDBACK_CLOSED_ADVICE = {
    "no_reply": N_(
        "No reply is common, and it says nothing about you: people are busy, and some companies don't let "
        "recruiters answer. You've done the polite thing by asking. For an outside view, try a careers "
        "adviser, a mentor or a mock interview with a friend, and let this one go."
    ),
    "declined": N_(
        "Many companies have a policy of not giving feedback, often for legal reasons; it isn't about you. "
        "Your own self-review (step 4) is the next best source, and a careers adviser or a mock interview "
        "can fill in the rest. Thank them anyway: it leaves a good last impression."
    ),
}


def feedback_closed_advice(closed: str) -> Markup:
    """The advice for feedback that never came (`no_reply`) or that they don't give (`declined`)."""
    text = FEEDBACK_CLOSED_ADVICE.get(closed)
    return banner(_(text), "info") if text else Markup()


def feedback_offer(doc: Mapping[str, Any], *, today: date | None = None) -> Markup:
    """When the rejection offered feedback: a reminder to take it up within the week (nothing otherwise)."""
    if (doc.get("rejection") or {}).get("feedback_offered") is not True:
        return Markup()
    fb = doc.get("feedback") or {}
    if feedback_received(fb) or feedback_closed(doc, today=today):
        return banner(_("They offered feedback when they turned you down."), "info")
    asked = follow_ups(doc).asked_on
    if asked:
        return banner(_("They offered feedback, and you asked for it on {date}.").format(date=nice_date(asked)),
                      "info")
    due = next((a.due for a in pending(doc, today=today) if a.what in OFFER_ACTIONS), None)
    text = _("They offered feedback: ask within the week, by {date}.").format(date=nice_date(due)) if due \
        else _("They offered feedback: ask within the week.")
    return banner(Markup("<b>{}</b> {}").format(text, _("An offer like this is the best chance of useful, "
                                                        "specific feedback; a short, friendly reply is enough.")),
                  "ok")


def can_follow_up(doc: Mapping[str, Any], *, today: date | None = None) -> bool:
    """Whether a polite follow-up may go now or later: asked, no reply yet, one left."""
    chase = follow_ups(doc)
    return bool((chase.asked_on or chase.sent) and chase.left and not feedback_received(doc.get("feedback") or {})
                and not feedback_closed(doc, today=today))


def _count_word(n: int) -> str:
    """A small count as a word ("two"), as guidance writes it; larger ones as figures."""
    words = {1: _("one"), 2: _("two"), 3: _("three"), 4: _("four"), 5: _("five")}
    return words.get(n, str(n))


def _times(n: int) -> str:
    """How often: "once", "twice", "3 times"."""
    return {1: _("once"), 2: _("twice")}.get(n) or ngettext("{count} time", "{count} times", n).format(count=n)


def follow_up_status(doc: Mapping[str, Any], *, today: date | None = None) -> Markup:
    """How the follow-ups stand: how many are left and from when, or why there are none.

    Once the last has had two weeks of silence, the kind word for "no reply"
    (`FEEDBACK_CLOSED_ADVICE`), as if the person had closed the step themselves.
    """
    today = today or date.today()
    fb = doc.get("feedback") or {}
    chase = follow_ups(doc)
    closed = feedback_closed(doc, today=today)
    # The catalogs' sentences are ours, like the literals they replace; dates are escaped as they go in.
    sent = (Markup(_("Followed up on {dates}.")).format(dates=", ".join(nice_date(d) for d in chase.sent))
            + Markup(" ") if chase.sent else Markup())
    text: Markup
    if feedback_received(fb):
        text = sent + Markup(_("Their feedback came, so there is nothing to chase."))
    elif closed == "no_reply" and not fb.get("closed"):
        return banner(sent + Markup(_("Two weeks have passed since your last follow-up with no reply, so this step "
                                      "is closed as “no reply”: there is nothing more to send."))
                      + Markup(" ") + Markup(_(FEEDBACK_CLOSED_ADVICE["no_reply"])), "info")
    elif closed:
        return Markup()  # closed by hand: its own advice is shown beside the choice
    elif not (chase.asked_on or chase.sent):
        text = Markup(_("Once you've asked for feedback and noted the day, you can follow it up here if no reply "
                        "comes."))
    elif not chase.sent:
        when = nice_date(chase.next_due)
        text = (Markup(_("If no reply comes, a short, polite follow-up is fine from {date}. You can send one."))
                .format(date=when) if chase.left == 1 else
                Markup(_("If no reply comes, a short, polite follow-up is fine from {date}. You can send up to "
                         "{count}, a week apart.")).format(date=when, count=_count_word(chase.left)))
    elif chase.left:
        when = nice_date(chase.next_due)
        text = sent + (Markup(_("If there's still no reply, one more is fine, the last, from {date}.")).format(
                           date=when) if chase.left == 1 else
                       Markup(_("If there's still no reply, {count} more are fine, a week apart, from {date}."))
                       .format(count=_count_word(chase.left), date=when))
    else:
        by = nice_date(chase.no_reply_on)
        text = (sent + Markup(_("You've followed up {times}, which is plenty. If nothing comes by {date}, this "
                                "step will close as “no reply” by itself.")).format(
                                    times=_times(len(chase.sent)), date=by)
                if chase.sent else
                Markup(_("No follow-ups for this one. If nothing comes by {date}, this step will close as "
                         "“no reply” by itself.")).format(date=by))
    return hint_html(text)


#: How many check-ins in a row, with mood at or below LOW_MOOD, before a gentle word.
LOW_MOOD_RUN = 3
LOW_MOOD = 3


def look_after_yourself(checkins: Sequence[Mapping[str, Any]]) -> Markup:
    """Who to talk to and when to rest, with a gentle word when mood stays low.

    Never a diagnosis: it notices a run of low check-ins, says so kindly, and leaves
    the next step to the person.
    """
    moods: list[int] = [c["mood"] for c in checkins if isinstance(c.get("mood"), int)]
    low = len(moods) >= LOW_MOOD_RUN and all(m <= LOW_MOOD for m in moods[-LOW_MOOD_RUN:])
    notice = banner(
        _("Your last {count} check-ins have been low. That happens after a disappointment, and it's worth "
          "taking seriously. It might help to talk to someone you trust this week — a friend, a mentor or your "
          "careers service. If things feel heavy for a while, your GP or a support line is there for you too. "
          "Only if and when it feels right.").format(count=LOW_MOOD_RUN), "info") if low else Markup()
    tips = (
        (_("Talk it through."), _("A careers adviser (your university's or college's, or the National Careers "
                                  "Service), a mentor, or a friend who has been through it. Saying it out loud "
                                  "helps.")),
        (_("Take a break."), _("An evening off, a walk, time with people who know you. The search will still be "
                               "there tomorrow, and you'll be better at it.")),
        (_("Keep perspective."), _("One \"no\" is about one role on one day. It isn't a verdict on you.")),
    )
    body = Markup("<ul style='margin:4px 0'>{}</ul>").format(
        join(Markup("<li><b>{}</b> {}</li>").format(head, text) for head, text in tips))
    return notice + card(body, _("Look after yourself"))


def practice_plan(scores: Mapping[str, Any]) -> Markup:
    """What to practise: the weakest one or two areas of the self-review, ties named as ties."""
    from nextround.core.labels import RUBRIC

    scored = {k: v for k, v in scores.items() if k in RUBRIC and isinstance(v, int)}
    if not scored:
        return Markup()
    lowest = min(scored.values())
    weakest = [k for k in RUBRIC if scored.get(k) == lowest]
    if len(weakest) == 1:
        second = sorted(v for v in scored.values() if v > lowest)
        if second:
            weakest += [k for k in RUBRIC if scored.get(k) == second[0]]
    head = _("Your practice plan.")
    if lowest >= 4:
        return card(Markup("<b>{}</b> {}").format(head, _(
            "You scored yourself 4 or more everywhere: keep doing what works, and rehearse your best stories "
            "so they stay fresh.")))
    tie = len([k for k in weakest if scored[k] == lowest]) > 1
    names = join(Markup("<li>{} ({}/5)</li>").format(_(RUBRIC[k]), scored[k]) for k in weakest[:4])
    lead = (_("These areas are tied for your lowest score, so start with whichever comes up most in the roles "
              "you're applying for:") if tie else _("Focus your practice on these, weakest first:"))
    return card(Markup("<b>{}</b> {}<ul style='margin:4px 0'>{}</ul>{}")
                .format(head, lead, names,
                        _("Practise one at a time: write a fresh STAR answer, say it out loud, and time it.")))


def header(rejection: Mapping[str, Any]) -> Markup:
    """Who, what, when: the top of the workbook."""
    rows = [
        (_("Company"), rejection.get("company")),
        (_("Role"), rejection.get("role")),
        (_("Stage reached"), stage_label(rejection.get("stage") or "")),
        (_("Interviewed"), nice_date(rejection.get("interview_date"))),
        (_("Heard back"), nice_date(rejection.get("rejected_on"))),
        (_("People you met"), ", ".join(c["name"] for c in rejection.get("contacts", []))),
        (_("Feedback"), _("offered: ask within the week") if rejection.get("feedback_offered") is True else ""),
        (_("Replies go to"), "" if rejection.get("contacts") else rejection.get("reply_to") or ""),
    ]
    cells = join(
        Markup('<tr><th style="text-align:left;padding:2px 16px 2px 0;color:{};font-weight:600">{}</th>'
               "<td>{}</td></tr>").format(palette.MUTED_TEXT, label, str(value))
        for label, value in rows
        if value
    )
    title = _("{role} at {company}").format(role=rejection.get("role", ""), company=rejection.get("company", ""))
    story = rejection.get("scenario") or ""
    practice = (
        Markup('<div style="margin-top:8px"><b>{}</b> {}</div>').format(_("Your practice scenario."), story)
        if story else Markup()
    )
    return Markup(
        '<div style="{}"><div style="font-size:1.3em;font-weight:600;margin-bottom:6px">{}</div>'
        "<table>{}</table>{}</div>"
    ).format(CARD, title, cells, practice)


def summary(doc: Mapping[str, Any], *, today: date | None = None, limit: int = 12) -> Markup:
    """The five steps' progress and the dated next actions."""
    today = today or date.today()
    states = step_states(doc, today=today)
    steps = join(
        Markup('<tr><td style="color:{0};font-size:1.2em;padding-right:8px">{1}</td>'
               '<td style="padding-right:16px">{2}. {3}</td><td style="color:{0}">{4}</td></tr>').format(
            palette.STEP_STATE[states[n]], MARKS[states[n]], n, _(title), _(STATE_WORDS[states[n]]))
        for n, title in STEPS.items()
    )
    done = sum(1 for s in states.values() if s == "done")
    # Dated actions first, soonest first; then what waits until the person feels ready.
    todo = sorted(pending(doc, today=today), key=lambda a: a.waiting)
    if todo:
        items = join(_action_row(a, today) for a in todo[:limit])
        more = (Markup("<div>{}</div>").format(_("…and {count} more.").format(count=len(todo) - limit))
                if len(todo) > limit else Markup())
        next_part = Markup("<table>{}</table>{}").format(items, more)
    else:
        next_part = Markup("<div>{}</div>").format(_("Nothing is waiting on you. Well done."))
    return Markup(
        '<div style="{}"><div style="font-weight:600;margin-bottom:4px">{}</div>'
        '<table>{}</table><div style="font-weight:600;margin:10px 0 4px">{}</div>{}</div>'
    ).format(CARD, _("Progress: {done} of {total} steps done").format(done=done, total=len(STEPS)), steps,
             _("Next actions"), next_part)


def _action_row(action: Action, today: date) -> Markup:
    how_soon = urgency(action.due, today, waiting=action.waiting)
    if how_soon == "waiting":
        when = _("when you feel ready")
    elif how_soon == "overdue":
        when = _("overdue since {date}").format(date=nice_date(action.due))
    elif how_soon == "today":
        when = _("today")
    else:
        when = nice_date(action.due)
    who = f" ({action.contact})" if action.contact else ""
    return Markup(
        '<tr><td style="padding-right:16px;color:{};white-space:nowrap">{}</td><td>{}{}</td></tr>'
    ).format(palette.URGENCY[how_soon], when, _(action.what), who)


def checkin_history(checkins: Sequence[Mapping[str, Any]]) -> Markup:
    """Past check-ins, newest first, with the mood curve once there are two or more."""
    if not checkins:
        return Markup("<div><i>{}</i></div>").format(_("No check-ins yet. Your first one will appear here."))
    rows = join(
        Markup('<tr><td style="padding-right:14px;white-space:nowrap">{}</td>'
               '<td style="padding-right:14px">{}</td>'
               '<td style="padding-right:14px">{}</td><td>{}</td></tr>').format(
            _when(c.get("at")), _("mood {mood}/10").format(mood=int(c.get("mood", 0))),
            ", ".join(_(e) if e in EMOTIONS else e for e in c.get("emotions") or []),
            _("ready to act") if c.get("ready") else _("not ready yet"))
        for c in reversed(checkins)
    )
    curve = mood_curve(checkins) if len(checkins) > 1 else Markup()
    return card(Markup("{}<table>{}</table>").format(curve, rows), _("Your check-ins"))


def _when(value: Any) -> str:
    day = as_date(value)
    if not day:
        return ""
    time = str(value)[11:16] if len(str(value)) > 11 else ""
    return f"{nice_date(day)} {time}".strip()


def mood_curve(checkins: Sequence[Mapping[str, Any]]) -> Markup:
    """An <img> of mood over time (matplotlib, embedded as PNG)."""
    points = []
    for c in checkins:
        try:
            points.append((datetime.fromisoformat(str(c["at"])), int(c["mood"])))
        except (KeyError, ValueError):
            continue
    fig = new_figure(6, 1.8)
    ax: Any = fig.subplots()
    ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color=palette.BLUE)
    ax.set_ylim(0.5, 10.5)
    ax.set_yticks([1, 5, 10])
    ax.set_ylabel(_("mood"))
    dates_axis(ax)
    tidy_axes(ax)
    # What the curve shows, in words; the check-ins are listed under it.
    return png_img(fig, alt.trend(_("Your mood (1 low, 10 good)"), points))


def feedback_panel(feedback: Mapping[str, Any]) -> Markup:
    """What the company said, to set beside the self-review."""
    text = (feedback.get("text") or "").strip()
    takeaways = (feedback.get("takeaways") or "").strip()
    if not text:
        body = Markup("<i>{}</i>").format(
            _("No feedback recorded yet. If it arrives, add it in step 1 and it will show here."))
    else:
        credit = " — ".join(p for p in (feedback.get("given_by") or "", nice_date(feedback.get("received_on"))) if p)
        body = Markup('<blockquote style="margin:4px 0 4px 8px;white-space:pre-wrap">{}</blockquote>').format(text)
        if credit:
            body += Markup('<div style="color:{}">{}</div>').format(palette.MUTED_TEXT, credit)
        if takeaways:
            body += Markup('<div style="margin-top:6px"><b>{}</b> {}</div>').format(
                _("What I take from it:"), takeaways)
    return card(body, _("What the company said"))


def feedback_verdict(result: Any) -> Markup:
    """The feedback check (`checks.FeedbackCheck`): the verdict, why, and what to ask."""
    if result.vague:
        head = banner(_("This feedback is vague: it is hard to act on as it stands."), "warn")
    else:
        head = banner(_("This feedback is specific enough to act on."), "ok")
    reasons = join(Markup("<li>{}</li>").format(i18n.translated(r)) for r in result.reasons)
    questions = join(Markup("<li>{}</li>").format(i18n.translated(q)) for q in result.follow_up_questions)
    body = Markup("<div>{}</div><ul>{}</ul>").format(_("Why:"), reasons) if reasons else Markup()
    if result.vague and questions:
        body += Markup("<div>{}</div><ul>{}</ul>").format(
            _("Questions you could ask (they are in the follow-up draft below):"), questions)
    if not body:
        return head
    # Folded: the verdict is the news; the reasons and questions are there on a click,
    # and the questions are in the follow-up draft anyway.
    label = _("Why, and questions you could ask") if result.vague and questions else _("Why")
    return head + Markup(
        '<details style="{}"><summary style="cursor:pointer;color:{}">{}</summary>{}</details>'
    ).format(_FOLDED, palette.BLUE, label, body)


def _calm(what: str) -> str:
    if what == "thank_you":
        return _("Your thank-you note reads calmly and professionally.")
    if what == "linkedin":
        return _("Your LinkedIn note reads calmly and professionally.")
    if what == "reply":
        return _("Your reply reads calmly and professionally.")
    return _("Your draft reads calmly and professionally.")


def _flagged(what: str, count: int) -> str:
    if what == "thank_you":
        text = ngettext("{count} phrase in your thank-you note may read badly.",
                        "{count} phrases in your thank-you note may read badly.", count)
    elif what == "linkedin":
        text = ngettext("{count} phrase in your LinkedIn note may read badly.",
                        "{count} phrases in your LinkedIn note may read badly.", count)
    elif what == "reply":
        text = ngettext("{count} phrase in your reply may read badly.",
                        "{count} phrases in your reply may read badly.", count)
    else:
        text = ngettext("{count} phrase in your draft may read badly.",
                        "{count} phrases in your draft may read badly.", count)
    return text.format(count=count)


def tone_report(result: Any, *, what: str = "draft") -> Markup:
    """The tone check (`checks.ToneCheck`) of a `what` ("reply", "thank_you", "linkedin" or "draft"):
    each flagged phrase, why, and a calmer wording."""
    if result.ok:
        return banner(_calm(what), "ok")
    items = join(
        Markup("<li><b>“{}”</b> — {} <i>{}</i> “{}”</li>").format(
            f.phrase, i18n.translated(f.why), _("Perhaps:"), i18n.translated(f.alternative))
        for f in result.flags
    )
    head = banner(_flagged(what, len(result.flags)) + " " + _("Read it again once you're calm."), "warn")
    return head + Markup('<ul style="max-width:760px;line-height:1.45;margin:4px 0">{}</ul>').format(items)


def star_verdict(result: Any) -> Markup:
    """The STAR check of a better answer (`checks.StarCheck`): each part, and what to add."""
    from nextround.checks import PARTS

    marks = join(
        Markup('<span style="margin-right:12px;color:{}">{} {}</span>').format(
            palette.STATUS["ok"] if result.parts[key] else palette.MUTED_TEXT,
            "✓" if result.parts[key] else "✗", _(name))
        for key, name in PARTS.items()
    )
    if result.complete:
        return banner(Markup("{} {}").format(
            Markup(_("<b>Reads as a complete STAR answer</b>, with a concrete result.")), marks), "ok")
    head = Markup("<b>{}.</b> {}").format(i18n.translated(result.verdict), marks)
    tips = join(Markup("<li>{}</li>").format(i18n.translated(s)) for s in result.suggestions)
    return banner(Markup('{}<ul style="margin:4px 0 0">{}</ul>').format(head, tips), "info")
