"""Step 5: the people you met, following the company and watching its vacancies."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import ipywidgets as w

from nextround.core import answers, i18n, messages
from nextround.core.answers import as_date, iso, main_contact
from nextround.core.i18n import N_, _, ngettext
from nextround.core.labels import NETWORKS as NETWORK_LABELS
from nextround.core.parameters import parse_contact
from nextround.core.progress import unanswered
from nextround.notebook import aria
from nextround.notebook.forms.base import (
    Form,
    SharedLooks,
    Shown,
    beside,
    date_field,
    dated_list,
    draft_area,
    draft_tools,
    heading,
    hint,
    hook,
    hook_attributes,
    html,
    number_field,
    own_layout,
    saving,
    speaking,
    text_area,
    text_field,
)
from nextround.notebook.forms.feedback import tone_view
from nextround.notebook.session import Session
from nextround.render import palette
from nextround.render.html import Markup, join


class ContactPanel(Form):
    """One contact, by its id: thank-you, LinkedIn note, keep-in-touch cadence and log.

    The id, not the name, says whose details these are: two people may share a name.
    """

    save_label = N_("Save contact")
    hook_name = "contact"

    def __init__(self, workbook: Session, key: str, name: str, doc: dict[str, Any] | None = None) -> None:
        self.key = key
        self.name = name
        super().__init__(workbook, doc)
        hook(self.widget, "person-" + _slug(key))  # the panel of one person

    def button_label(self) -> str:
        # Two buttons in one tab: say whose details this one saves.
        return _("Save {name}'s details").format(name=self.name.split()[0] if self.name.split() else self.name)

    def _contact(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        found = next((c for c in doc["contacts"] if c.get("id") == self.key), None)
        return found or {"id": self.key, **answers.empty_contact(self.name)}

    def build(self, doc: dict[str, Any]) -> None:
        contact = self._contact(doc)
        self._doc, self._person = doc, contact
        self.email = text_field(_("Email"), contact["email"])
        self.role = text_field(_("Their role"), contact["role"], _("e.g. hiring manager"))
        self.detail = text_field(_("Something you talked about"), contact.get("detail", ""),
                                 _("one thing from the interview, e.g. the new data platform"))
        self.thank_you = draft_area(_("Thank-you note"), messages.thank_you(doc, contact),
                                    contact.get("thank_you_note", ""))
        self.thank_you_tools = draft_tools(self.thank_you, lambda: self.email.value, f"thank-you-{_slug(self.key)}")
        # In a language the checks do not read, the LinkedIn note's place says so, once.
        self.thank_you_tone = own_layout(tone_view(self.thank_you, "thank_you", note=False))
        self.thank_you_sent_on = date_field(_("Thank-you sent on"), contact["thank_you_sent_on"])
        self.no_email = own_layout(hint(_("No email address for them, so no emailed thank-you: your LinkedIn note "
                                          "can carry your thanks. Add an address above if you have one."),
                                        beside=True))
        main = main_contact(doc)
        self.in_reply = hint(_("Your one short reply (at the top) thanks them, so there's no separate note to send."),
                             beside=True) if (main is not None and _same(main, contact)
                                              and (doc["plan"].get("style") or "combined") == "combined") else None
        self.linkedin_note = text_area(
            _("LinkedIn note"), contact["linkedin_note"] or messages.linkedin_note(doc, contact).text, 3
        )
        self._suggested = {"thank_you": self.thank_you.value, "linkedin_note": self.linkedin_note.value}
        self.detail.observe(speaking(self._personalise), names="value")
        self.email.observe(speaking(self._channels), names="value")
        self.linkedin_count = html()
        self.linkedin_tone = tone_view(self.linkedin_note, "linkedin")
        self.linkedin_note.observe(speaking(self._count), names="value")
        self._count()
        self.linkedin_request_sent_on = date_field(_("Request sent on"), contact["linkedin_request_sent_on"])
        self.linkedin_accepted_on = date_field(_("Accepted on"), contact["linkedin_accepted_on"])
        self.cadence_weeks = number_field(_("Get in touch every"), contact["cadence_weeks"], 1, 104)
        self.log_on = date_field(_("Contact on"), date.today())
        self.log_note = text_field(_("What happened"), "", _("e.g. commented on their post about the new team"))
        # Under the fields it logs, apart from the Save button below.
        self.log_button = beside(w.Button(description=_("Log this contact"), icon="plus",
                                          layout=w.Layout(width="max-content", margin="2px 0 14px calc(13em + 10px)")))
        self.log_button.on_click(speaking(lambda button: self.log()))
        self.next_contact = html()
        self._pending_log: dict[str, Any] | None = None
        self._show(contact)
        self._channels()

    def _personalise(self, change: Any = None) -> None:
        """Put the detail into the drafts the person has not edited themselves."""
        contact = {**self._person, "detail": self.detail.value.strip()}
        fresh = {"thank_you": messages.thank_you(self._doc, contact).text,
                 "linkedin_note": messages.linkedin_note(self._doc, contact).text}
        for name, text in fresh.items():
            area = getattr(self, name)
            if area.value == self._suggested[name]:
                area.value = text
            self._suggested[name] = text

    def _channels(self, change: Any = None) -> None:
        """No email address: no emailed thank-you to write (the LinkedIn note thanks them)."""
        has_email = bool(self.email.value.strip())
        thanked_in_reply = self.in_reply is not None
        for widget in (self.thank_you, self.thank_you_tools, self.thank_you_tone, self.thank_you_sent_on):
            widget.layout.display = None if has_email and not thanked_in_reply else "none"
        self.no_email.layout.display = None if not has_email else "none"

    def children(self) -> list[w.Widget]:
        return [
            self.email, self.role, self.detail,
            heading(_("Thank them")), *([self.in_reply] if self.in_reply is not None else []), self.no_email,
            self.thank_you, self.thank_you_tools, self.thank_you_tone, self.thank_you_sent_on,
            heading(_("Connect on LinkedIn")), self.linkedin_note, self.linkedin_count, self.linkedin_tone,
            self.linkedin_request_sent_on, self.linkedin_accepted_on,
            heading(_("Keep in touch")), w.HBox([self.cadence_weeks, w.Label(_("weeks"))]), self.next_contact,
            hint(_("Each time you're in touch, log it here: logging saves at once and moves the next date on.")),
            self.log_on, self.log_note, self.log_button,
        ]

    def _count(self, change: Any = None) -> None:
        length = len(self.linkedin_note.value)
        parts = []
        accounts = {"free": _("free"), "premium": _("premium")}
        for account, limit in messages.LINKEDIN_LIMITS.items():
            fits = length <= limit
            colour = palette.GREEN if fits else palette.RED
            word = _("fits") if fits else ngettext("{count} too long", "{count} too long", length - limit).format(
                count=length - limit)
            parts.append(Markup('<span style="color:{}">{} {}/{} {}</span>').format(
                colour, accounts.get(account, account), length, limit, word))
        self.linkedin_count.value = (
            Markup('<div style="margin-left:13em;font-size:0.9em">{}</div>').format(join(parts, " · "))
        )

    def _show(self, contact: Mapping[str, Any]) -> None:
        upcoming = contact.get("next_contact_on")
        when = (Markup(_("Next contact on <b>{date}</b>.")).format(date=i18n.date_text(upcoming))
                if upcoming else _("Once you log a contact, the next date appears here."))
        if upcoming and unanswered(contact):
            when += Markup(" ") + Markup(_(
                "They haven't answered yet, so that's the one reminder you'll get: if nothing comes of it, the "
                "workbook lets it go two weeks later. Once they accept or you log a contact, the usual rhythm "
                "starts."))
        self.next_contact.value = Markup("<div>{}</div>").format(when) + dated_list(contact.get("log") or [])

    def log(self) -> bool:
        """Record a contact now (it resets the keep-in-touch clock) and save."""
        if not self.log_on.value:
            self._say(_("Choose the date of the contact."), "warn")
            return False
        self._pending_log = {"id": answers.new_id(), "on": iso(self.log_on.value), "note": self.log_note.value}
        try:
            ok = self.save()
        finally:
            self._pending_log = None
        if ok:
            self.log_note.value = ""
        return ok

    def _own(self, name: str) -> str:
        """A draft the person wrote themselves; "" while it is still the suggested one."""
        value: str = getattr(self, name).value
        return "" if value == self._suggested[name] else value

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "email": self.email.value.strip(),
            "role": self.role.value,
            "detail": self.detail.value.strip(),
            "thank_you_note": self._own("thank_you"),
            "thank_you_sent_on": iso(self.thank_you_sent_on.value),
            "linkedin_note": self._own("linkedin_note"),
            "linkedin_request_sent_on": iso(self.linkedin_request_sent_on.value),
            "linkedin_accepted_on": iso(self.linkedin_accepted_on.value),
            "cadence_weeks": self.cadence_weeks.value,
        }

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        log = [self._pending_log] if self._pending_log else []
        answers.upsert_contact(doc, {"id": self.key, "name": self.name, **changed, "log": log})

    def saved(self, doc: dict[str, Any]) -> None:
        self._show(self._contact(doc))


class ContactsForm(Shown):
    """A tab per contact, and a way to add someone."""

    def __init__(self, workbook: Session) -> None:
        with SharedLooks():
            self._make(workbook)

    def _make(self, workbook: Session) -> None:
        self.workbook = workbook
        doc = workbook.answers()
        self.panels: dict[str, ContactPanel] = {}  # by the contact's id
        self.tabs = w.Tab()
        for contact in doc["contacts"]:
            self._add_panel(contact["id"], contact["name"], doc)  # the answers read once, for every panel
        self.new_contact = aria.hidden_label(w.Text(
            placeholder=_("Name <email>, e.g. Sam Lee <sam@example.org>"), layout=w.Layout(width="26em")
        ), _("Someone else you met: their name and email"))
        self.add_button = w.Button(description=_("Add contact"), icon="user-plus")
        self.add_button.on_click(speaking(lambda button: self.add()))
        self.status = aria.live(html())
        empty = Markup("") if doc["contacts"] else Markup("<i>{}</i>").format(
            _("No contacts yet. Add the people you met below."))
        self.empty = html(empty)
        self.widget = w.VBox([
            self.empty, self.tabs,
            heading(_("Someone else you met?")),
            w.HBox([self.new_contact, self.add_button, self.status], layout=w.Layout(align_items="center")),
        ])
        hook_attributes(self, "contacts")
        hook(self.widget, "form", "contacts")

    def _add_panel(self, key: str, name: str, doc: dict[str, Any] | None = None) -> ContactPanel:
        same_name = sum(p.name == name for p in self.panels.values())
        panel = ContactPanel(self.workbook, key, name, doc)
        self.panels[key] = panel
        self.tabs.children = [*self.tabs.children, panel.widget]
        # A second Sam Lee gets a tab of their own, told apart by a number.
        self.tabs.set_title(len(self.tabs.children) - 1, f"{name} ({same_name + 1})" if same_name else name)
        return panel

    def panel(self, name: str) -> ContactPanel:
        """The panel of the one contact called `name` (KeyError if none, or several)."""
        found = [p for p in self.panels.values() if p.name == name]
        if len(found) != 1:
            raise KeyError(name)
        return found[0]

    def add(self) -> ContactPanel | None:
        """Add the contact typed in the box (saved at once).

        Someone with the same name as a contact already here is someone else only
        when their email differs.
        """
        try:
            contact = parse_contact(self.new_contact.value)
        except ValueError as exc:
            self._say(str(exc), "error")
            return None
        if any(p.name == contact.name and _same_person(p.email.value.strip(), contact.email)
               for p in self.panels.values()):
            self._say(_("{name} is already here; to add someone else of that name, give their email too.").format(
                name=contact.name), "warn")
            return None
        added: dict[str, Any] = {}
        doc, why_not = saving(self.workbook,
                              lambda doc: added.update(answers.upsert_contact(doc, contact.to_dict())))
        if doc is None:
            self._say(why_not, "error")
            return None
        panel = self._add_panel(added["id"], contact.name)
        self.tabs.selected_index = len(self.tabs.children) - 1
        self.new_contact.value = ""
        self.empty.value = ""
        self._say(_("Added {name}").format(name=contact.name), "ok")
        return panel


class CompanyForm(Form):
    """Following the company, a light engagement log and a vacancy watch."""

    save_label = N_("Save company")
    hook_name = "company"

    def build(self, doc: dict[str, Any]) -> None:
        company = doc["company"]
        self.followed = {
            key: (w.Checkbox(value=bool(company["followed"].get(key)), description=_(label), indent=False,
                             layout=w.Layout(width="16em")),
                  w.DatePicker(value=as_date(company["followed"].get(key)), layout=w.Layout(width="12em")))
            for key, label in NETWORK_LABELS.items()
        }
        for key, (box, picker) in self.followed.items():
            # On screen, the ticked box beside it says what the date is for.
            aria.hidden_label(picker, _("{network}: followed since").format(network=_(NETWORK_LABELS[key])))
            box.observe(lambda change, p=picker: _today_if_empty(change, p), names="value")
            hook(box, f"company-followed-{key}")
            hook(picker, f"company-followed-{key}-on")
        watch = company["vacancy_watch"]
        self.careers_page = text_field(_("Careers page"),
                                       watch["careers_page"] or doc["rejection"].get("careers_page", ""),
                                       "https://…")
        self.keywords = text_field(_("Keywords"), ", ".join(watch["keywords"]), _("e.g. analyst, SQL, London"))
        self.last_checked_on = date_field(_("Last checked on"), watch["last_checked_on"])
        self.check_every_days = number_field(_("Check every (days)"), watch["check_every_days"], 1, 365)
        self.engagement_on = date_field(_("Engaged on"), date.today())
        self.engagement_note = text_field(_("What you did"), "", _("e.g. liked their post on the new office"))
        self.engagement_list = html(dated_list(company["engagement"]))

    def children(self) -> list[w.Widget]:
        return [
            heading(_("Follow them")),
            hint(_("Tick each place you follow them; the date is when you started.")),
            *[w.HBox([box, picker]) for box, picker in self.followed.values()],
            heading(_("Engage lightly (a like, a thoughtful comment)")),
            self.engagement_list, self.engagement_on, self.engagement_note,
            heading(_("Watch for new vacancies")),
            self.careers_page, self.keywords, self.last_checked_on, self.check_every_days,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "followed": {
                key: iso(picker.value or date.today()) for key, (box, picker) in self.followed.items() if box.value
            },
            "vacancy_watch": {
                "careers_page": self.careers_page.value.strip(),
                "keywords": [k.strip() for k in self.keywords.value.split(",") if k.strip()],
                "last_checked_on": iso(self.last_checked_on.value),
                "check_every_days": self.check_every_days.value,
            },
        }

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        company = doc.setdefault("company", {})
        company.update(changed)
        if self.engagement_note.value.strip():  # a log that only grows: merged, never replaced
            entry = {"id": answers.new_id(), "on": iso(self.engagement_on.value or date.today()),
                     "note": self.engagement_note.value.strip()}
            company["engagement"] = answers.merge_by_id(company.get("engagement", []), [entry])

    def saved(self, doc: dict[str, Any]) -> None:
        self.engagement_note.value = ""
        self.engagement_list.value = dated_list(doc["company"]["engagement"])


def _same_person(email: str, other: str) -> bool:
    """Two contacts of one name are one person unless both emails are known and differ."""
    return not email or not other or email.casefold() == other.casefold()


def _same(one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """The same person: by id where both have one, else by name."""
    if one.get("id") and other.get("id"):
        return bool(one["id"] == other["id"])
    return bool(one.get("name") == other.get("name"))


def _slug(name: str) -> str:
    """A contact's name as a CSS class part: `Priya Shah` -> `priya-shah`."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower())) or "contact"


def _today_if_empty(change: Mapping[str, Any], picker: w.DatePicker) -> None:
    if change["new"] and picker.value is None:
        picker.value = date.today()
