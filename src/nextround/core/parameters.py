"""A rejection's parameters: what a workbook is made from, validated before use.

Values arrive as strings (the CLI, a CSV row) or as Python values (a notebook's
parameters cell, the Python API). Either way they are checked here, once, and a
mistake is reported with the field it is in.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from nextround.core import i18n
from nextround.core.answers import EARLIEST_DATE, LATEST_DATE
from nextround.core.i18n import _
from nextround.core.names import slugify
from nextround.errors import NextroundError, ParameterError

__all__ = ["Contact", "Rejection", "PARAMETER_NAMES", "parse_contact", "parse_date", "parse_yes_no", "slugify"]

# A deliberately plain address check: something@domain.tld, no spaces. Whether an
# address really exists is not ours to know.
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>.]+$")
_CONTACT = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<email>[^<>]*)>$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclasses.dataclass(frozen=True)
class Contact:
    """Someone met during the process: an interviewer, a recruiter."""

    name: str
    email: str = ""

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "email": self.email}


@dataclasses.dataclass(frozen=True)
class Rejection:
    """The facts of one rejection, as given when its workbook is made."""

    company: str
    role: str
    interview_date: date | None = None
    rejected_on: date | None = None
    stage: str = ""
    contacts: tuple[Contact, ...] = ()
    your_name: str = ""
    careers_page: str = ""
    scenario: str = ""  # a practice scenario's story, for a class exercise
    # Added after release 0.1 (a workbook made before reads them as their defaults):
    feedback_offered: bool = False  # the rejection offered feedback: ask within the week
    reply_to: str = ""  # where replies go when no person is named (a shared recruitment mailbox)
    # The language the workbook speaks (`core.i18n`), kept with it; one made before
    # workbooks had a language is en-GB. Making one defaults to the system's.
    locale: str = i18n.DEFAULT

    @classmethod
    def from_mapping(
        cls,
        values: Mapping[str, Any],
        *,
        file: str | None = None,
        row: int | None = None,
    ) -> Rejection:
        """Validate raw values (strings or Python values) into a Rejection.

        Empty strings and None mean "not given". Raises ParameterError naming the
        first field that is wrong, and the file and row when they are known.
        """

        def fail(field: str, message: str) -> ParameterError:
            return ParameterError(message, file=file, row=row, field=field)

        for name in values:
            if name not in PARAMETER_NAMES:
                raise fail(name, _("unknown parameter") + did_you_mean(name, PARAMETER_NAMES))

        def text(name: str, required: bool = False) -> str:
            value = values.get(name)
            if value is None:
                value = ""
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)  # papermill guesses numbers from the command line
            if not isinstance(value, str):
                raise fail(name, _("must be text, not {kind}").format(kind=type(value).__name__))
            if required and not value.strip():
                raise fail(name, _("is required"))
            return value

        def day(name: str) -> date | None:
            value = values.get(name)
            if value is None or value == "":
                return None
            try:
                return parse_date(value)
            except ValueError as exc:
                raise fail(name, str(exc)) from None

        company = text("company", required=True)
        role = text("role", required=True)
        interview_date = day("interview_date")
        rejected_on = day("rejected_on")
        if interview_date and rejected_on and rejected_on < interview_date:
            raise fail(
                "rejected_on",
                _("{rejected} is before the interview on {interview}").format(
                    rejected=rejected_on.isoformat(), interview=interview_date.isoformat()),
            )
        try:
            contacts = tuple(_contacts(values.get("contacts")))
        except ValueError as exc:
            raise fail("contacts", str(exc)) from None
        locale = text("locale").strip()
        if locale:
            try:
                locale = i18n.parse_locale(locale)
            except NextroundError as exc:
                raise fail("locale", exc.message) from None
        careers_page = text("careers_page").strip()
        if careers_page and not re.match(r"^https?://\S+$", careers_page):
            raise fail("careers_page", _("{value} is not a web address (http:// or https://)").format(
                value=repr(careers_page)))
        reply_to = text("reply_to").strip()
        if reply_to and not _EMAIL.match(reply_to):
            raise fail("reply_to", _("{value} is not an email address").format(value=repr(reply_to)))
        try:
            feedback_offered = parse_yes_no(values.get("feedback_offered"))
        except ValueError as exc:
            raise fail("feedback_offered", str(exc)) from None
        return cls(
            company=company,
            role=role,
            interview_date=interview_date,
            rejected_on=rejected_on,
            stage=text("stage"),
            contacts=contacts,
            your_name=text("your_name"),
            careers_page=careers_page,
            scenario=text("scenario"),
            feedback_offered=feedback_offered,
            reply_to=reply_to,
            locale=locale or i18n.DEFAULT,
        )

    def to_parameters(self) -> dict[str, Any]:
        """Plain values for a notebook's parameters: dates as ISO strings."""
        return {
            "company": self.company,
            "role": self.role,
            "interview_date": self.interview_date.isoformat() if self.interview_date else "",
            "rejected_on": self.rejected_on.isoformat() if self.rejected_on else "",
            "stage": self.stage,
            "contacts": [str(c) for c in self.contacts],
            "your_name": self.your_name,
            "careers_page": self.careers_page,
            "scenario": self.scenario,
            "feedback_offered": self.feedback_offered,
            "reply_to": self.reply_to,
            "locale": self.locale,
        }

    def to_answers(self) -> dict[str, Any]:
        """The `rejection` section of an answers file (a date not given is null there)."""
        values = self.to_parameters()
        values["interview_date"] = values["interview_date"] or None
        values["rejected_on"] = values["rejected_on"] or None
        values["contacts"] = [c.to_dict() for c in self.contacts]
        return values

    def slug(self, today: date | None = None) -> str:
        """A readable, filesystem-safe name: date, company and role."""
        when = self.rejected_on or self.interview_date or today or date.today()
        parts = [when.isoformat(), slugify(self.company, 40), slugify(self.role, 40)]
        return "-".join(p for p in parts if p)


PARAMETER_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Rejection))


def parse_date(value: Any) -> date:
    """A date from a date object or a YYYY-MM-DD string; ValueError says why not.

    Only the dates an answers file may hold (EARLIEST_DATE to LATEST_DATE), so a
    workbook is never made with a date its own answers could not be saved with.
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    elif not isinstance(value, str):
        raise ValueError(_("must be a date (YYYY-MM-DD), not {kind}").format(kind=type(value).__name__))
    else:
        text = value.strip()
        if not _ISO_DATE.match(text):
            raise ValueError(_("{value} is not a date; use YYYY-MM-DD, e.g. 2026-06-17").format(value=repr(value)))
        try:
            day = date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(_("{value} is not a real date ({reason})").format(value=repr(value), reason=exc)) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(_("{date} is outside the dates nextround keeps ({first} to {last})").format(
            date=day.isoformat(), first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat()))
    return day


_YES = {"yes", "y", "true", "1", "ja", "offered"}
_NO = {"no", "n", "false", "0", "nein", ""}


def parse_yes_no(value: Any) -> bool:
    """True or False from a bool or a spreadsheet's "yes"/"no" (empty is no); ValueError says why not."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _YES:
            return True
        if lowered in _NO:
            return False
    raise ValueError(_("{value} is not yes or no").format(value=repr(value)))


def parse_contact(value: Any) -> Contact:
    """A Contact from "Name <email>", "Name", or a {"name", "email"} mapping."""
    if isinstance(value, Contact):
        return value
    if isinstance(value, Mapping):
        name, email = str(value.get("name", "")), str(value.get("email", "") or "")
    elif isinstance(value, str):
        text = value.strip()
        match = _CONTACT.match(text)
        if match:
            name, email = match["name"], match["email"].strip()
        elif "<" in text or ">" in text:
            raise ValueError(_('{value} is not a contact; write "Name <email>" or "Name"').format(value=repr(value)))
        else:
            name, email = text, ""
    else:
        raise ValueError(_("a contact must be text, not {kind}").format(kind=type(value).__name__))
    name = name.strip()
    if not name:
        raise ValueError(_('{value} has no name; write "Name <email>" or "Name"').format(value=repr(value)))
    if "@" in name and not email:
        raise ValueError(_('{value} looks like an address without a name; write "Name <email>"').format(
            value=repr(value)))
    if email and not _EMAIL.match(email):
        raise ValueError(_("{email} is not an email address (in {value})").format(email=repr(email),
                                                                                  value=repr(value)))
    return Contact(name=name, email=email)


def _contacts(value: Any) -> Iterable[Contact]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        # One string may hold several contacts, as a spreadsheet cell does.
        value = [part for part in value.split(";") if part.strip()]
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ValueError(_("must be a list of contacts"))
    return [parse_contact(item) for item in value]


def is_email(text: str) -> bool:
    """Whether `text` reads as one email address (name@domain.tld)."""
    return bool(_EMAIL.match(text))


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """"; did you mean 'x'?" with the closest known name, or the list of known names."""
    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    return (_("; did you mean {name}?").format(name=repr(close[0])) if close
            else _("; known ones: {names}").format(names=", ".join(known)))
