"""Step 3: asking for your CV to be kept on file, and when it lapses."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from nextround.core import i18n, messages
from nextround.core.answers import iso, main_address
from nextround.core.i18n import N_, _
from nextround.core.labels import CV_STATUS
from nextround.core.progress import cv_keep_until
from nextround.notebook.forms.base import (
    Form,
    date_field,
    draft_area,
    draft_tools,
    hint,
    html,
    labelled_row,
    number_field,
    own_text,
    speaking,
)
from nextround.render.html import banner


class CvOnFileForm(Form):
    """Asking for the CV to be kept on file, and when it lapses."""

    save_label = N_("Save CV request")
    section = "cv_on_file"
    hook_name = "cv"

    def build(self, doc: dict[str, Any]) -> None:
        cv = doc["cv_on_file"]
        self.request_draft = draft_area(_("Request to send"), messages.cv_on_file(doc), cv.get("request_draft", ""))
        email = main_address(doc)
        self.request_tools = draft_tools(self.request_draft, lambda: email, "cv-request")
        self.status_choice = w.ToggleButtons(
            options=[(_(label), key) for key, label in CV_STATUS.items()], value=cv["status"],
            style={"button_width": "auto"},
        )
        self.asked_on = date_field(_("Asked on"), cv["asked_on"])
        self.answered_on = date_field(_("They answered on"), cv["answered_on"])
        self.keep_months = number_field(_("They keep it (months)"), cv["keep_months"], 1, 60)
        self.keep_until = date_field(_("Kept until"), cv["keep_until"])
        self.reminder = html()
        for widget in (self.answered_on, self.keep_months):
            widget.observe(speaking(self._recompute), names="value")
        for widget in (self.keep_until, self.status_choice):
            widget.observe(speaking(self._remind), names="value")
        self._remind()

    def children(self) -> list[w.Widget]:
        return [
            self.request_draft, self.request_tools, labelled_row(_("Where it stands"), self.status_choice),
            self.asked_on, self.answered_on,
            self.keep_months,
            hint(_("Employers often keep a CV for about 6 months, or 12 if you give consent."), beside=True),
            self.keep_until, self.reminder,
        ]

    def _recompute(self, change: Any = None) -> None:
        lapse = cv_keep_until(self.answered_on.value, self.keep_months.value)
        if lapse:
            self.keep_until.value = lapse

    def _remind(self, change: Any = None) -> None:
        lapse = self.keep_until.value
        if self.status_choice.value == "agreed" and lapse:
            self.reminder.value = banner(
                _("Your CV stays on file until {date}. The summary reminds you to re-send it two weeks before.")
                .format(date=i18n.date_text(lapse)), "info"
            )
        else:
            self.reminder.value = ""

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "request_draft": own_text(self.request_draft.value, messages.cv_on_file(doc)),
            "status": self.status_choice.value,
            "asked_on": iso(self.asked_on.value),
            "answered_on": iso(self.answered_on.value),
            "keep_months": self.keep_months.value,
            "keep_until": iso(self.keep_until.value),
        }
