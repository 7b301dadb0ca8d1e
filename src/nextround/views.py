"""Read-only views of a workbook as HTML: the header, the summary, past check-ins.

Pure functions from answers to HTML strings, so they are easy to test and are the
same in JupyterLab, Voilà and an exported notebook. Everything a person wrote is
escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from typing import Any

from .answers import as_date
from .messages import nice_date
from .progress import MARKS, STEPS, Action, not_ready, pending, step_states

STATE_WORDS = {"todo": "to do", "started": "started", "done": "done"}
_COLOURS = {"todo": "#8a8f98", "started": "#b7791f", "done": "#2f855a"}

CARD = (
    "border:1px solid #d9dde3;border-radius:8px;padding:12px 16px;margin:4px 0;"
    "background:#fafbfc;line-height:1.5;max-width:760px"
)


_BANNER_COLOURS = {
    "info": ("#ebf4ff", "#2b6cb0"),
    "warn": ("#fffaf0", "#b7791f"),
    "error": ("#fff5f5", "#c53030"),
    "ok": ("#f0fff4", "#2f855a"),
}


def banner(text: str, kind: str = "info") -> str:
    """A one-paragraph notice; `text` is escaped. Kinds: info, warn, error, ok."""
    return banner_html(escape(text), kind)


def banner_html(html: str, kind: str = "info") -> str:
    """A notice around HTML already made safe (escape what a person wrote first)."""
    background, edge = _BANNER_COLOURS[kind]
    return (
        f'<div style="background:{background};border-left:4px solid {edge};'
        f'padding:8px 12px;margin:6px 0;max-width:760px;line-height:1.45">{html}</div>'
    )


NOT_READY_ADVICE = (
    "You said you're not ready yet, and that's fine. Read and draft as much as you like, "
    "but hold off sending anything until a check-in says you're ready."
)


def not_ready_notice(checkins: Sequence[Mapping[str, Any]]) -> str:
    """The advice to wait, while the latest check-in says "not ready yet"; else nothing."""
    return banner(NOT_READY_ADVICE, "warn") if not_ready(checkins) else ""


def header(rejection: Mapping[str, Any]) -> str:
    """Who, what, when: the top of the workbook."""
    rows = [
        ("Company", rejection.get("company")),
        ("Role", rejection.get("role")),
        ("Stage reached", rejection.get("stage")),
        ("Interviewed", nice_date(rejection.get("interview_date"))),
        ("Heard back", nice_date(rejection.get("rejected_on"))),
        ("People you met", ", ".join(c["name"] for c in rejection.get("contacts", []))),
    ]
    cells = "".join(
        f'<tr><th style="text-align:left;padding:2px 16px 2px 0;color:#4a5568;font-weight:600">'
        f"{escape(label)}</th><td>{escape(str(value))}</td></tr>"
        for label, value in rows
        if value
    )
    title = f"{rejection.get('role', '')} at {rejection.get('company', '')}"
    story = rejection.get("scenario") or ""
    practice = (
        f'<div style="margin-top:8px"><b>Your practice scenario.</b> {escape(story)}</div>' if story else ""
    )
    return (
        f'<div style="{CARD}"><div style="font-size:1.3em;font-weight:600;margin-bottom:6px">'
        f"{escape(title)}</div><table>{cells}</table>{practice}</div>"
    )


def summary(doc: Mapping[str, Any], *, today: date | None = None, limit: int = 12) -> str:
    """The five steps' progress and the dated next actions."""
    today = today or date.today()
    states = step_states(doc)
    steps = "".join(
        f'<tr><td style="color:{_COLOURS[states[n]]};font-size:1.2em;padding-right:8px">'
        f"{MARKS[states[n]]}</td><td style=\"padding-right:16px\">{n}. {escape(title)}</td>"
        f'<td style="color:{_COLOURS[states[n]]}">{STATE_WORDS[states[n]]}</td></tr>'
        for n, title in STEPS.items()
    )
    done = sum(1 for s in states.values() if s == "done")
    todo = pending(doc, today=today)
    if todo:
        items = "".join(_action_row(a, today) for a in todo[:limit])
        more = f"<div>…and {len(todo) - limit} more.</div>" if len(todo) > limit else ""
        next_part = f"<table>{items}</table>{more}"
    else:
        next_part = "<div>Nothing is waiting on you. Well done.</div>"
    return (
        f'<div style="{CARD}"><div style="font-weight:600;margin-bottom:4px">'
        f"Progress: {done} of 5 steps done</div><table>{steps}</table>"
        f'<div style="font-weight:600;margin:10px 0 4px">Next actions</div>{next_part}</div>'
    )


def _action_row(action: Action, today: date) -> str:
    if action.due < today:
        when, colour = f"overdue since {nice_date(action.due)}", "#c53030"
    elif action.due == today:
        when, colour = "today", "#b7791f"
    else:
        when, colour = nice_date(action.due), "#4a5568"
    who = f" ({escape(action.contact)})" if action.contact else ""
    return (
        f'<tr><td style="padding-right:16px;color:{colour};white-space:nowrap">{escape(when)}</td>'
        f"<td>{escape(action.what)}{who}</td></tr>"
    )


def checkin_history(checkins: Sequence[Mapping[str, Any]]) -> str:
    """Past check-ins, newest first, with the mood curve once there are two or more."""
    if not checkins:
        return "<div><i>No check-ins yet. Your first one will appear here.</i></div>"
    rows = "".join(
        "<tr>"
        f'<td style="padding-right:14px;white-space:nowrap">{escape(_when(c.get("at")))}</td>'
        f'<td style="padding-right:14px">mood {int(c.get("mood", 0))}/10</td>'
        f'<td style="padding-right:14px">{escape(", ".join(c.get("emotions") or []))}</td>'
        f'<td>{"ready to act" if c.get("ready") else "not ready yet"}</td>'
        "</tr>"
        for c in reversed(checkins)
    )
    curve = mood_curve(checkins) if len(checkins) > 1 else ""
    return f'<div style="{CARD}"><div style="font-weight:600">Your check-ins</div>{curve}<table>{rows}</table></div>'


def _when(value: Any) -> str:
    day = as_date(value)
    if not day:
        return ""
    time = str(value)[11:16] if len(str(value)) > 11 else ""
    return f"{nice_date(day)} {time}".strip()


def mood_curve(checkins: Sequence[Mapping[str, Any]]) -> str:
    """An <img> of mood over time (matplotlib, embedded as PNG)."""
    from datetime import datetime

    from .dashboard import dates_axis, new_figure, png_img, tidy_axes

    points = []
    for c in checkins:
        try:
            points.append((datetime.fromisoformat(str(c["at"])), int(c["mood"])))
        except (KeyError, ValueError):
            continue
    fig = new_figure(6, 1.8)
    ax = fig.subplots()
    ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color="#2b6cb0")
    ax.set_ylim(0.5, 10.5)
    ax.set_yticks([1, 5, 10])
    ax.set_ylabel("mood")
    dates_axis(ax)
    tidy_axes(ax)
    return png_img(fig, "Your mood over time")


def feedback_panel(feedback: Mapping[str, Any]) -> str:
    """What the company said, to set beside the self-review."""
    text = (feedback.get("text") or "").strip()
    takeaways = (feedback.get("takeaways") or "").strip()
    if not text:
        body = "<i>No feedback recorded yet. If it arrives, add it in step 1 and it will show here.</i>"
    else:
        who = escape(feedback.get("given_by") or "")
        when = escape(nice_date(feedback.get("received_on")))
        credit = " — ".join(p for p in (who, when) if p)
        body = f'<blockquote style="margin:4px 0 4px 8px;white-space:pre-wrap">{escape(text)}</blockquote>'
        body += f'<div style="color:#4a5568">{credit}</div>' if credit else ""
        if takeaways:
            body += f'<div style="margin-top:6px"><b>What I take from it:</b> {escape(takeaways)}</div>'
    return f'<div style="{CARD}"><div style="font-weight:600">What the company said</div>{body}</div>'


def feedback_verdict(result: Any) -> str:
    """The feedback check (`checks.FeedbackCheck`): the verdict, why, and what to ask."""
    if result.vague:
        head = ("warn", "This feedback is vague: it is hard to act on as it stands.")
    else:
        head = ("ok", "This feedback is specific enough to act on.")
    reasons = "".join(f"<li>{escape(r)}</li>" for r in result.reasons)
    questions = "".join(f"<li>{escape(q)}</li>" for q in result.follow_up_questions)
    body = f"<div>Why:</div><ul>{reasons}</ul>" if reasons else ""
    if result.vague and questions:
        body += f"<div>Questions you could ask (they are in the follow-up draft below):</div><ul>{questions}</ul>"
    if not body:
        return banner(head[1], head[0])
    # Folded: the verdict is the news; the reasons and questions are there on a click,
    # and the questions are in the follow-up draft anyway.
    summary = "Why, and questions you could ask" if result.vague and questions else "Why"
    return banner(head[1], head[0]) + (
        f'<details style="max-width:760px;line-height:1.45;margin:0 0 6px 12px">'
        f'<summary style="cursor:pointer;color:#2b6cb0">{summary}</summary>{body}</details>'
    )


def tone_report(result: Any, *, what: str = "draft") -> str:
    """The tone check (`checks.ToneCheck`): each flagged phrase, why, and a calmer wording."""
    if result.ok:
        return banner(f"Your {what} reads calmly and professionally.", "ok")
    items = "".join(
        f"<li><b>“{escape(f.phrase)}”</b> — {escape(f.why)} <i>Perhaps:</i> “{escape(f.alternative)}”</li>"
        for f in result.flags
    )
    count = len(result.flags)
    head = banner(f"{count} phrase{'s' if count != 1 else ''} in your {what} may read badly. "
                  "Read it again once you're calm.", "warn")
    return head + f'<ul style="max-width:760px;line-height:1.45;margin:4px 0">{items}</ul>'
