"""What was found in an email and where (`Found`, `EmailFacts`), and the sources' names."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from nextround.core.i18n import N_, _
from nextround.core.parameters import is_email, parse_contact
from nextround.core.stages import STAGE_LABELS

#: What is looked for, in the order it is reported, with how each is named to a person.
FIELDS: dict[str, str] = {
    "company": N_("company"),
    "role": N_("role"),
    "contact_name": N_("contact"),
    "contact_email": N_("address to reply to"),
    "rejected_on": N_("date of the rejection"),
    "stage": N_("stage"),
    "feedback_offered": N_("feedback offered"),
}


@dataclasses.dataclass(frozen=True)
class Found:
    """One thing found in the email, and where: `source` reads "from the signature"."""

    field: str
    value: Any
    source: str


@dataclasses.dataclass(frozen=True)
class EmailFacts:
    """What a rejection email says, each with its source, and what it does not say."""

    found: tuple[Found, ...]
    missing: tuple[str, ...]

    def get(self, field: str, default: Any = None) -> Any:
        """The value found for `field`, or `default`."""
        return next((f.value for f in self.found if f.field == field), default)

    def source(self, field: str) -> str:
        return next((f.source for f in self.found if f.field == field), "")

    def parameters(self) -> dict[str, Any]:
        """The workbook parameters it gives (only those found): for `Rejection.from_mapping`.

        The person to reply to is the first contact; a shared mailbox with no person is
        `reply_to` instead, since a contact needs a name.
        """
        values: dict[str, Any] = {}
        for field in ("company", "role", "stage"):
            if self.get(field):
                values[field] = self.get(field)
        if self.get("rejected_on"):
            values["rejected_on"] = self.get("rejected_on")
        name, address = self.get("contact_name", ""), self.get("contact_email", "")
        if address and not is_email(address):
            address = ""  # an address the workbook could not keep: left for the person to add
        if name:
            values["contacts"] = [{"name": name, "email": address}]
        elif address:
            values["reply_to"] = address
        if self.get("feedback_offered") is not None:
            values["feedback_offered"] = bool(self.get("feedback_offered"))
        return values

    def given(self, options: Mapping[str, Any], source: str = N_("from the command line")) -> EmailFacts:
        """These facts with the parameters in `options` (as `Rejection.from_mapping` takes them)
        put over what the email said, each marked with `source`."""
        over: dict[str, Any] = {}
        for name in ("company", "role", "stage", "rejected_on", "feedback_offered"):
            if options.get(name) not in (None, ""):
                over[name] = options[name]
        contacts = options.get("contacts")
        if contacts:
            first = contacts[0] if isinstance(contacts, (list, tuple)) else contacts
            try:
                contact = parse_contact(first)
            except ValueError:
                contact = None
            if contact is not None:
                over["contact_name"] = contact.name
                over["contact_email"] = contact.email
        if options.get("reply_to") and not over.get("contact_email"):
            over["contact_email"] = options["reply_to"]
        found = [f for f in self.found if f.field not in over]
        found += [Found(field, value, source) for field, value in over.items() if value != ""]
        found.sort(key=lambda f: list(FIELDS).index(f.field))
        fields = {f.field for f in found}
        return EmailFacts(tuple(found), tuple(f for f in FIELDS if f not in fields))

    def lines(self) -> list[str]:
        """What was taken and from where, then what was not found: a line each, for a person."""
        out = []
        name, address = (next((f for f in self.found if f.field == field), None)
                         for field in ("contact_name", "contact_email"))
        for f in self.found:
            if name and address and name.source == address.source and f.field in ("contact_name", "contact_email"):
                if f.field == "contact_name":  # one line for the person: "Callum Reid <c.reid@…>"
                    out.append(_("{field}: {value}, {source}").format(
                        field=_(FIELDS["contact_name"]), value=f"{name.value} <{address.value}>", source=_(f.source)))
                continue
            value = f.value
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            elif isinstance(value, date):
                value = value.isoformat()
            elif f.field == "stage" and value in STAGE_LABELS:
                value = _(STAGE_LABELS[value])
            out.append(_("{field}: {value}, {source}").format(field=_(FIELDS[f.field]), value=value,
                                                               source=_(f.source)))
        if self.missing:
            out.append(_("not found: {fields}").format(fields=", ".join(_(FIELDS[m]) for m in self.missing)))
        return out


# Sources, as a person reads them after "company: Contoso, ".
FROM_SENDER_NAME = N_("from the sender's name")
FROM_SENDER = N_("from the sender")
FROM_REPLY_TO = N_("from the Reply-To header")
FROM_SUBJECT = N_("from the subject")
FROM_TEXT = N_("from the text")
FROM_SIGNATURE = N_("from the signature")
FROM_FOOTER = N_("from the footer")
FROM_DATE = N_("from the Date header")
FROM_FORWARDED = N_("from the forwarded header")
FROM_ATTACHED = N_("from the attached email")
FROM_PASTED = N_("from the pasted header")
_HEADER_SOURCES = {
    "the email's headers": FROM_DATE, "the forwarded header": FROM_FORWARDED, "the quoted header": FROM_FORWARDED,
    "the attached email": FROM_ATTACHED, "the pasted header": FROM_PASTED,
}
_SENDER_SOURCES = {
    "the email's headers": FROM_SENDER, "the forwarded header": FROM_FORWARDED, "the quoted header": FROM_FORWARDED,
    "the attached email": FROM_ATTACHED, "the pasted header": FROM_PASTED,
}
