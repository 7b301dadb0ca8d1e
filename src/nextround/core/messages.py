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

from nextround.core.answers import with_defaults

#: LinkedIn's limit on a connection note, by account type.
LINKEDIN_LIMITS = {"free": 200, "premium": 300}

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"}

#: Asked when there is nothing more specific to ask about the feedback.
GENERAL_FOLLOW_UP_QUESTIONS = (
    "Which part of the interview held me back most, and what would a stronger answer have included?",
    "Was there a skill or experience you needed to see more evidence of? An example would really help.",
    "What did the successful candidate show that I didn't?",
)


@dataclasses.dataclass(frozen=True)
class Message:
    """A drafted message: a subject line (may be empty) and a body."""

    subject: str
    body: str

    @property
    def text(self) -> str:
        """Subject and body together, as one block to copy."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body


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
    contacts = doc["contacts"] or rejection.get("contacts") or []
    greeting = first_name(contacts[0]["name"]) if contacts else "Hiring Team"
    values = {
        "company": rejection.get("company", ""),
        "role": rejection.get("role", ""),
        "stage": rejection.get("stage", ""),
        "interview_date": rejection.get("interview_date") or None,
        "rejected_on": rejection.get("rejected_on") or None,
        "your_name": rejection.get("your_name", ""),
        "signature": rejection.get("your_name") or "[your name]",
        "greeting": greeting,
        "contact": None,
    }
    if contact is not None:
        values["contact"] = {**contact, "first_name": first_name(contact["name"])}
        values["greeting"] = values["contact"]["first_name"]
    return values


def render(template: str, values: Mapping[str, Any]) -> Message:
    """Render `templates/<template>.txt.j2`; a first `Subject:` line becomes the subject."""
    text = _environment().get_template(f"{template}.txt.j2").render(**values).strip()
    first, _, rest = text.partition("\n")
    if first.startswith("Subject:"):
        return Message(first.removeprefix("Subject:").strip(), rest.strip())
    return Message("", text)


def feedback_request(doc: Mapping[str, Any]) -> Message:
    """Asking for honest feedback."""
    return render("feedback_request", context(doc))


def feedback_follow_up(doc: Mapping[str, Any], questions: Sequence[str] = ()) -> Message:
    """Asking for more detail when the feedback was vague."""
    values = context(doc)
    values["questions"] = list(questions) or list(GENERAL_FOLLOW_UP_QUESTIONS)
    return render("feedback_follow_up", values)


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
