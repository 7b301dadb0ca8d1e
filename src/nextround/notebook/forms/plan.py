"""Your details and the message plan: one short reply first, then the rest, calmly.

`DetailsForm` asks once for the name and sign-off every draft uses. `PlanForm` shows
the plan a careers adviser would suggest — one reply to the main contact that thanks
them, asks for feedback and asks for the CV to be kept on file — with the choice to
send each part on its own instead. Marking the combined reply as sent records each
part as done, so the steps and next actions follow whichever plan was chosen.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from nextround.core import answers, messages
from nextround.core.answers import iso, main_contact
from nextround.core.i18n import N_, _
from nextround.core.progress import PLAN_STYLES
from nextround.notebook import views
from nextround.notebook.forms.base import (
    LABEL_STYLE,
    Form,
    date_field,
    draft_area,
    draft_tools,
    hint,
    html,
    labelled_row,
    own_text,
    refresh_draft,
    speaking,
    text_field,
)

PLAN_LABELS = {
    "combined": N_("One short reply (recommended)"),
    "separate": N_("Each message on its own"),
}


class DetailsForm(Form):
    """Your name and how you sign off, asked once and used in every draft."""

    save_label = N_("Save my details")
    section = "you"
    hook_name = "you"

    def build(self, doc: dict[str, Any]) -> None:
        you = doc["you"]
        name = you["name"] or doc["rejection"].get("your_name", "")
        self.name = text_field(_("Your name"), name, _("as you sign your emails"))
        self.sign_off = text_field(_("Sign off with"), you["sign_off"], _("Kind regards"))  # the drafts' own sign-off

    def children(self) -> list[w.Widget]:
        return [
            hint(_("Every draft in this workbook ends with these. You only need to fill them in once.")),
            self.name, self.sign_off,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {"name": self.name.value.strip(), "sign_off": self.sign_off.value.strip()}


class PlanForm(Form):
    """The message plan, and the combined reply to copy, send and mark as sent."""

    save_label = N_("Save the plan")
    section = "plan"
    hook_name = "plan"

    def build(self, doc: dict[str, Any]) -> None:
        plan = doc["plan"]
        self._doc = doc
        self.style = w.ToggleButtons(
            options=[(_(PLAN_LABELS[s]), s) for s in PLAN_STYLES], value=plan["style"] or "combined",
            style={"button_width": "auto"},
        )
        emailed = [c["name"] for c in doc["contacts"] if (c.get("email") or "").strip()]
        main = main_contact(doc)
        self.main_contact = w.Dropdown(
            description=_("Send it to"), options=[("—", ""), *[(n, n) for n in emailed]],
            value=(main or {}).get("name", "") if (main or {}).get("name") in emailed else "",
            style=LABEL_STYLE, layout=w.Layout(width="30em"),
        )
        self.draft = draft_area(_("Your reply"), messages.combined_reply(doc), plan["combined_draft"])
        self._suggested = messages.combined_reply(doc).text
        self.tools = draft_tools(self.draft, self._address, "combined-reply")
        self.sent_on = date_field(_("Sent on"), plan["combined_sent_on"])
        self.advice = html()
        self.explain = html()
        self.style.observe(speaking(self._explain), names="value")
        self.workbook.on_save(speaking(self._advise))
        self._advise(doc)
        self._explain()

    def _address(self) -> str:
        chosen = self.main_contact.value
        return next((c.get("email") or "" for c in self._doc["contacts"] if c.get("name") == chosen), "")

    def _advise(self, doc: dict[str, Any]) -> None:
        self._doc = doc
        self.advice.value = views.waiting_notice(doc)
        # New details (a name, a sign-off) reach the draft, unless the person has edited it.
        self._suggested = refresh_draft(self.draft, self._suggested, messages.combined_reply(doc))

    def _explain(self, change: Any = None) -> None:
        combined = self.style.value == "combined"
        self.explain.value = views.plan_explained(combined)
        for widget in (self.main_contact, self.draft, self.tools, self.sent_on):
            widget.layout.display = None if combined else "none"

    def children(self) -> list[w.Widget]:
        return [
            labelled_row(_("How to reply"), self.style), self.explain, self.advice,
            self.main_contact, self.draft, self.tools, self.sent_on,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "style": self.style.value,
            "main_contact": self.main_contact.value,
            "combined_draft": own_text(self.draft.value, messages.combined_reply(doc)),
            "combined_sent_on": iso(self.sent_on.value),
        }

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        super().write(doc, changed)
        sent = changed.get("combined_sent_on")
        if sent and (doc.get("plan") or {}).get("style", "combined") == "combined":
            answers.record_combined_reply(doc, sent)
