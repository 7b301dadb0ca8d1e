"""Read-only views of a workbook as HTML: the header, the summary, past check-ins.

Pure functions from answers to HTML, so they are easy to test and are the same in
JupyterLab, Voilà and an exported notebook. They are built with markupsafe, so
everything a person wrote is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from nextround.core.answers import as_date
from nextround.core.labels import STATE_WORDS
from nextround.core.messages import nice_date
from nextround.core.progress import (
    MARKS,
    STEPS,
    Action,
    not_ready,
    pending,
    step_states,
    urgency,
)
from nextround.render import palette
from nextround.render.charts import dates_axis, new_figure, png_img, tidy_axes
from nextround.render.html import CARD, Markup, banner, card, join

NOT_READY_ADVICE = (
    "You said you're not ready yet, and that's fine. Read and draft as much as you like, "
    "but hold off sending anything until a check-in says you're ready."
)
_FOLDED = "max-width:760px;line-height:1.45;margin:0 0 6px 12px"


def not_ready_notice(checkins: Sequence[Mapping[str, Any]]) -> Markup:
    """The advice to wait, while the latest check-in says "not ready yet"; else nothing."""
    return banner(NOT_READY_ADVICE, "warn") if not_ready(checkins) else Markup()


def header(rejection: Mapping[str, Any]) -> Markup:
    """Who, what, when: the top of the workbook."""
    rows = [
        ("Company", rejection.get("company")),
        ("Role", rejection.get("role")),
        ("Stage reached", rejection.get("stage")),
        ("Interviewed", nice_date(rejection.get("interview_date"))),
        ("Heard back", nice_date(rejection.get("rejected_on"))),
        ("People you met", ", ".join(c["name"] for c in rejection.get("contacts", []))),
    ]
    cells = join(
        Markup('<tr><th style="text-align:left;padding:2px 16px 2px 0;color:{};font-weight:600">{}</th>'
               "<td>{}</td></tr>").format(palette.MUTED_TEXT, label, str(value))
        for label, value in rows
        if value
    )
    title = f"{rejection.get('role', '')} at {rejection.get('company', '')}"
    story = rejection.get("scenario") or ""
    practice = (
        Markup('<div style="margin-top:8px"><b>Your practice scenario.</b> {}</div>').format(story)
        if story else Markup()
    )
    return Markup(
        '<div style="{}"><div style="font-size:1.3em;font-weight:600;margin-bottom:6px">{}</div>'
        "<table>{}</table>{}</div>"
    ).format(CARD, title, cells, practice)


def summary(doc: Mapping[str, Any], *, today: date | None = None, limit: int = 12) -> Markup:
    """The five steps' progress and the dated next actions."""
    today = today or date.today()
    states = step_states(doc)
    steps = join(
        Markup('<tr><td style="color:{0};font-size:1.2em;padding-right:8px">{1}</td>'
               '<td style="padding-right:16px">{2}. {3}</td><td style="color:{0}">{4}</td></tr>').format(
            palette.STEP_STATE[states[n]], MARKS[states[n]], n, title, STATE_WORDS[states[n]])
        for n, title in STEPS.items()
    )
    done = sum(1 for s in states.values() if s == "done")
    todo = pending(doc, today=today)
    if todo:
        items = join(_action_row(a, today) for a in todo[:limit])
        more = Markup("<div>…and {} more.</div>").format(len(todo) - limit) if len(todo) > limit else Markup()
        next_part = Markup("<table>{}</table>{}").format(items, more)
    else:
        next_part = Markup("<div>Nothing is waiting on you. Well done.</div>")
    return Markup(
        '<div style="{}"><div style="font-weight:600;margin-bottom:4px">Progress: {} of 5 steps done</div>'
        '<table>{}</table><div style="font-weight:600;margin:10px 0 4px">Next actions</div>{}</div>'
    ).format(CARD, done, steps, next_part)


def _action_row(action: Action, today: date) -> Markup:
    how_soon = urgency(action.due, today)
    if how_soon == "overdue":
        when = f"overdue since {nice_date(action.due)}"
    elif how_soon == "today":
        when = "today"
    else:
        when = nice_date(action.due)
    who = f" ({action.contact})" if action.contact else ""
    return Markup(
        '<tr><td style="padding-right:16px;color:{};white-space:nowrap">{}</td><td>{}{}</td></tr>'
    ).format(palette.URGENCY[how_soon], when, action.what, who)


def checkin_history(checkins: Sequence[Mapping[str, Any]]) -> Markup:
    """Past check-ins, newest first, with the mood curve once there are two or more."""
    if not checkins:
        return Markup("<div><i>No check-ins yet. Your first one will appear here.</i></div>")
    rows = join(
        Markup('<tr><td style="padding-right:14px;white-space:nowrap">{}</td>'
               '<td style="padding-right:14px">mood {}/10</td>'
               '<td style="padding-right:14px">{}</td><td>{}</td></tr>').format(
            _when(c.get("at")), int(c.get("mood", 0)), ", ".join(c.get("emotions") or []),
            "ready to act" if c.get("ready") else "not ready yet")
        for c in reversed(checkins)
    )
    curve = mood_curve(checkins) if len(checkins) > 1 else Markup()
    return card(Markup("{}<table>{}</table>").format(curve, rows), "Your check-ins")


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
    ax.set_ylabel("mood")
    dates_axis(ax)
    tidy_axes(ax)
    return png_img(fig, "Your mood over time")


def feedback_panel(feedback: Mapping[str, Any]) -> Markup:
    """What the company said, to set beside the self-review."""
    text = (feedback.get("text") or "").strip()
    takeaways = (feedback.get("takeaways") or "").strip()
    if not text:
        body = Markup("<i>No feedback recorded yet. If it arrives, add it in step 1 and it will show here.</i>")
    else:
        credit = " — ".join(p for p in (feedback.get("given_by") or "", nice_date(feedback.get("received_on"))) if p)
        body = Markup('<blockquote style="margin:4px 0 4px 8px;white-space:pre-wrap">{}</blockquote>').format(text)
        if credit:
            body += Markup('<div style="color:{}">{}</div>').format(palette.MUTED_TEXT, credit)
        if takeaways:
            body += Markup('<div style="margin-top:6px"><b>What I take from it:</b> {}</div>').format(takeaways)
    return card(body, "What the company said")


def feedback_verdict(result: Any) -> Markup:
    """The feedback check (`checks.FeedbackCheck`): the verdict, why, and what to ask."""
    if result.vague:
        head = banner("This feedback is vague: it is hard to act on as it stands.", "warn")
    else:
        head = banner("This feedback is specific enough to act on.", "ok")
    reasons = join(Markup("<li>{}</li>").format(r) for r in result.reasons)
    questions = join(Markup("<li>{}</li>").format(q) for q in result.follow_up_questions)
    body = Markup("<div>Why:</div><ul>{}</ul>").format(reasons) if reasons else Markup()
    if result.vague and questions:
        body += Markup("<div>Questions you could ask (they are in the follow-up draft below):</div>"
                       "<ul>{}</ul>").format(questions)
    if not body:
        return head
    # Folded: the verdict is the news; the reasons and questions are there on a click,
    # and the questions are in the follow-up draft anyway.
    label = "Why, and questions you could ask" if result.vague and questions else "Why"
    return head + Markup(
        '<details style="{}"><summary style="cursor:pointer;color:{}">{}</summary>{}</details>'
    ).format(_FOLDED, palette.BLUE, label, body)


def tone_report(result: Any, *, what: str = "draft") -> Markup:
    """The tone check (`checks.ToneCheck`): each flagged phrase, why, and a calmer wording."""
    if result.ok:
        return banner(f"Your {what} reads calmly and professionally.", "ok")
    items = join(
        Markup("<li><b>“{}”</b> — {} <i>Perhaps:</i> “{}”</li>").format(f.phrase, f.why, f.alternative)
        for f in result.flags
    )
    count = len(result.flags)
    head = banner(f"{count} phrase{'s' if count != 1 else ''} in your {what} may read badly. "
                  "Read it again once you're calm.", "warn")
    return head + Markup('<ul style="max-width:760px;line-height:1.45;margin:4px 0">{}</ul>').format(items)
