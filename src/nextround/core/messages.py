"""Messages drafted for the person to send, from the Jinja2 templates in `templates/<locale>/`.

Each draft is personalised from the rejection's parameters and the saved answers,
and written in the locale in force (`i18n.current()`): each locale has a folder of
its own drafts, written for its readers rather than translated word for word, and
a `_letter.txt.j2` saying how its letters open and close. A draft missing from a
locale's folder is taken from en-GB's. Drafts are plain text (never HTML): they are
shown in text boxes to copy and edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from nextround.core import i18n
from nextround.core.answers import main_contact, with_defaults

#: LinkedIn's limit on a connection note, by account type.
LINKEDIN_LIMITS = {"free": 200, "premium": 300}

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "herr", "frau"}
# Titles before a name, as (the English honorific, gender); German ones too, since a
# contact's name is written as the person knows them.
_HONORIFICS = {"mr": ("Mr", "m"), "mrs": ("Mrs", "f"), "ms": ("Ms", "f"), "miss": ("Miss", "f"), "mx": ("Mx", ""),
               "sir": ("", "m"), "dame": ("", "f"), "herr": ("Mr", "m"), "frau": ("Ms", "f")}
_ACADEMIC = {"dr": "Dr", "prof": "Prof", "professor": "Prof"}
# Words that begin a family name: "Anna von der Heide" is Frau von der Heide.
_PARTICLES = {"von", "van", "de", "der", "den", "du", "da", "di", "del", "della", "dos", "das", "la", "le", "zu",
              "zum", "zur", "vom", "ten", "ter"}

#: The most questions a follow-up asks: one or two focused ones get answered; four don't.
MOST_FOLLOW_UP_QUESTIONS = 2
#: How en-GB drafts end unless the person says otherwise (`default_sign_off()` for the locale in force).
SIGN_OFF = "Kind regards"
#: In each locale's folder: how its letters open and close, and the words every draft shares.
LETTER = "_letter.txt.j2"


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


def environment(locale: str, root: Path | None = None) -> Any:
    """The Jinja2 environment of `locale`'s drafts, from `root` (the shipped `templates/` by default).

    A draft is looked for in `root/<locale>/` first, then in `root/en-GB/`.
    """
    from nextround.resources import shipped

    return _environment(locale, root or shipped("templates"))


@cache
def _environment(locale: str, root: Path) -> Any:
    import jinja2

    folders = [root / name for name in dict.fromkeys((locale, i18n.DEFAULT))]
    env = jinja2.Environment(
        # The locale's own drafts first; en-GB's only for a draft the locale lacks.
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder) for folder in folders]),
        autoescape=False,  # plain-text drafts; they are never put into HTML unescaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["nice_date"] = nice_date
    return env


def _letter() -> Any:
    """The locale in force's `_letter.txt.j2`: its sign-off, its questions, its macros."""
    return environment(i18n.current()).get_template(LETTER).module


def default_sign_off() -> str:
    """How drafts end unless the person says otherwise, in the locale in force: "Kind regards"."""
    return str(_letter().default_sign_off)


def general_follow_up_questions() -> tuple[str, ...]:
    """Asked when there is nothing more specific to ask about the feedback, in the locale in force."""
    return tuple(_letter().general_questions)


def nice_date(value: date | str | None) -> str:
    """A date as people write it in the locale in force: `17 June 2026`, `June 17, 2026`, `17. Juni 2026`."""
    return i18n.date_text(value)


def first_name(name: str) -> str:
    """The first name of "Dr Priya Shah" is "Priya"."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in _TITLES]
    return words[0] if words else name.strip()


def person(name: str) -> dict[str, Any]:
    """How a letter may address someone, from their name as written ("Dr Priya Shah", "Frau Anna von Berg").

    `first_name`, `last_name` (from a particle such as "von" on), `full_name` (the
    names without titles), `honorific` ("Ms", "Mr", ... or ""), `gender` ("f", "m" or
    "" when the name does not say) and `academic` (["Prof", "Dr"], as given). Each
    locale's `_letter.txt.j2` makes its own salutation from them.
    """
    honorific, gender = "", ""
    academic: list[str] = []
    names: list[str] = []
    for word in name.split():
        key = word.rstrip(".").lower()
        if not names and key in _HONORIFICS and not (honorific or gender):
            honorific, gender = _HONORIFICS[key]
        elif not names and key in _ACADEMIC:
            academic.append(_ACADEMIC[key])
        else:
            names.append(word)
    family = next((i for i in range(1, len(names)) if names[i].lower() in _PARTICLES), len(names) - 1)
    return {
        "first_name": first_name(name),
        "last_name": " ".join(names[family:]) if len(names) > 1 else "",
        "full_name": " ".join(names) or name.strip(),
        "honorific": honorific,
        "gender": gender,
        "academic": academic,
    }


def context(doc: Mapping[str, Any], contact: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the templates may use, from an answers document.

    `addressee` is the person the draft is to (`person()`), or None when no contact is
    known; `contact`, for a note to one person, is that contact with the same fields.
    """
    doc = with_defaults(doc)
    rejection = doc["rejection"]
    main = main_contact(doc) or next(iter(doc["contacts"] or rejection.get("contacts") or []), None)
    you = doc["you"]
    values = {
        "company": rejection.get("company", ""),
        "role": rejection.get("role", ""),
        "stage": rejection.get("stage", ""),
        "interview_date": rejection.get("interview_date") or None,
        "rejected_on": rejection.get("rejected_on") or None,
        "your_name": (you.get("name") or "").strip() or rejection.get("your_name", ""),
        "sign_off": (you.get("sign_off") or "").strip() or default_sign_off(),
        "addressee": person(main["name"]) if main else None,
        "contact": None,
    }
    if contact is not None:
        values["contact"] = {**contact, **person(contact["name"])}
        values["addressee"] = values["contact"]
    return values


def render(template: str, values: Mapping[str, Any]) -> Message:
    """Render `templates/<locale>/<template>.txt.j2` in the locale in force; a first `Subject:`
    line becomes the subject."""
    return Message.from_text(environment(i18n.current()).get_template(f"{template}.txt.j2").render(**values))


def feedback_request(doc: Mapping[str, Any]) -> Message:
    """Asking for honest feedback."""
    return render("feedback_request", context(doc))


def feedback_follow_up(doc: Mapping[str, Any], questions: Sequence[str] = ()) -> Message:
    """Asking for more detail when the feedback was vague: the first one or two questions
    (the check puts the ones chosen from what they said first), in the locale in force."""
    values = context(doc)
    asked = [i18n.translated(q) for q in questions] or list(general_follow_up_questions())
    values["questions"] = asked[:MOST_FOLLOW_UP_QUESTIONS]
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
