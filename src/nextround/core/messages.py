"""Messages drafted for the person to send, from the Jinja2 templates in `templates/`.

Each draft is personalised from the rejection's parameters and the saved answers.
Drafts are plain text (never HTML): they are shown in text boxes to copy and edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from nextround.core.answers import main_contact, with_defaults

#: LinkedIn's limit on a connection note, by account type.
LINKEDIN_LIMITS = {"free": 200, "premium": 300}

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"}

#: Asked when there is nothing more specific to ask about the feedback: two at most,
#: one question each, never a comparison with whoever got the job.
GENERAL_FOLLOW_UP_QUESTIONS = (
    "Which part of the interview would you most encourage me to work on?",
    "Was there a skill you'd have liked to see more evidence of?",
)
#: The most questions a follow-up asks: one or two focused ones get answered; four don't.
MOST_FOLLOW_UP_QUESTIONS = 2
#: How drafts end unless the person says otherwise.
SIGN_OFF = "Kind regards"


@dataclasses.dataclass(frozen=True)
class Message:
    """A drafted message: a subject line (may be empty) and a body."""

    subject: str
    body: str

    @property
    def text(self) -> str:
        """Subject and body together, as one block to copy."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body

    @classmethod
    def from_text(cls, text: str) -> Message:
        """A draft as a text box holds it: a first `Subject:` line becomes the subject."""
        text = text.strip()
        first, _, rest = text.partition("\n")
        if first.startswith("Subject:"):
            return cls(first.removeprefix("Subject:").strip(), rest.strip())
        return cls("", text)


@cache
def _environment() -> Any:
    import jinja2

    from nextround.resources import shipped

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(shipped("templates")),
        autoescape=False,  # plain-text drafts; they are never put into HTML unescaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["nice_date"] = nice_date
    return env


def nice_date(value: date | str | None) -> str:
    """A date as people write it in the UK: `17 June 2026`."""
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


def first_name(name: str) -> str:
    """The first name of "Dr Priya Shah" is "Priya"."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in _TITLES]
    return words[0] if words else name.strip()


def context(doc: Mapping[str, Any], contact: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the templates may use, from an answers document."""
    doc = with_defaults(doc)
    rejection = doc["rejection"]
    main = main_contact(doc) or next(iter(doc["contacts"] or rejection.get("contacts") or []), None)
    you = doc["you"]
    name = (you.get("name") or "").strip() or rejection.get("your_name", "")
    values = {
        "company": rejection.get("company", ""),
        "role": rejection.get("role", ""),
        "stage": rejection.get("stage", ""),
        "interview_date": rejection.get("interview_date") or None,
        "rejected_on": rejection.get("rejected_on") or None,
        "your_name": name,
        "signature": name or "[your name]",
        "sign_off": (you.get("sign_off") or "").strip() or SIGN_OFF,
        "greeting": first_name(main["name"]) if main else "Hiring Team",
        "contact": None,
    }
    if contact is not None:
        values["contact"] = {**contact, "first_name": first_name(contact["name"])}
        values["greeting"] = values["contact"]["first_name"]
    return values


def render(template: str, values: Mapping[str, Any]) -> Message:
    """Render `templates/<template>.txt.j2`; a first `Subject:` line becomes the subject."""
    return Message.from_text(_environment().get_template(f"{template}.txt.j2").render(**values))


def feedback_request(doc: Mapping[str, Any]) -> Message:
    """Asking for honest feedback."""
    return render("feedback_request", context(doc))


def feedback_follow_up(doc: Mapping[str, Any], questions: Sequence[str] = ()) -> Message:
    """Asking for more detail when the feedback was vague: the first one or two questions
    (the check puts the ones chosen from what they said first)."""
    values = context(doc)
    values["questions"] = (list(questions) or list(GENERAL_FOLLOW_UP_QUESTIONS))[:MOST_FOLLOW_UP_QUESTIONS]
    return render("feedback_follow_up", values)


def feedback_nudge(doc: Mapping[str, Any]) -> Message:
    """The next polite follow-up when the request for feedback had no answer.

    With the one short reply, it asks after the CV too while that is unanswered; the
    last follow-up allowed says it is the last.
    """
    from nextround.core.progress import follow_ups

    values = context(doc)
    full = with_defaults(doc)
    combined = (full["plan"].get("style") or "combined") == "combined"
    values["about_cv"] = combined and full["cv_on_file"].get("status") == "asked"
    values["last"] = follow_ups(full).left <= 1
    return render("feedback_nudge", values)


def combined_reply(doc: Mapping[str, Any]) -> Message:
    """The one reply to the main contact: thanks, a feedback request, the CV kept on file.

    Until it is sent, a part already done another way — feedback asked for or received,
    step 1 closed, the CV asked about — is left out: nothing is asked for twice.
    """
    values = context(doc)
    full = with_defaults(doc)
    sent = bool(full["plan"].get("combined_sent_on"))  # as it went: its draft stays whole
    fb, cv = full["feedback"], full["cv_on_file"]
    feedback_done = fb.get("requested_on") or fb.get("received_on") or (fb.get("text") or "").strip() or fb.get(
        "closed")
    values["ask_feedback"] = sent or not feedback_done
    values["ask_cv"] = sent or not ((cv.get("status") or "not_asked") != "not_asked" or cv.get("asked_on"))
    return render("combined_reply", values)


def mailto(address: str, message: Message) -> str:
    """A `mailto:` link that opens the person's mail client with the draft filled in."""
    from urllib.parse import quote

    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in
                     (("subject", message.subject), ("body", message.body)) if value)
    return f"mailto:{quote(address, safe='@')}" + (f"?{query}" if query else "")


def reply(doc: Mapping[str, Any]) -> Message:
    """A professional reply to the rejection."""
    return render("reply", context(doc))


def cv_on_file(doc: Mapping[str, Any]) -> Message:
    """Asking for the CV to be kept on file."""
    return render("cv_on_file", context(doc))


def thank_you(doc: Mapping[str, Any], contact: Mapping[str, Any]) -> Message:
    """A thank-you note to one contact."""
    return render("thank_you", context(doc, contact))


def linkedin_note(doc: Mapping[str, Any], contact: Mapping[str, Any], limit: int = LINKEDIN_LIMITS["free"]) -> Message:
    """The richest LinkedIn connection note that fits `limit` characters.

    If even the shortest is too long (a very long company name), it is returned
    as it is, and the form's character count shows by how much it is over.
    """
    variants = [v.strip() for v in render("linkedin_note", context(doc, contact)).body.split("\n---\n")]
    fitting = [v for v in variants if len(v) <= limit]
    return Message("", fitting[0] if fitting else variants[-1])
