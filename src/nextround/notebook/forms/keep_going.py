"""Beyond this one "no": other live applications, a weekly goal, and what to apply with next."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from nextround.core.i18n import N_, _
from nextround.notebook.forms.base import Form, hint, number_field, text_area, text_field


class KeepGoingForm(Form):
    """The wider search, so one rejection doesn't stop it."""

    save_label = N_("Save")
    section = "keep_going"
    hook_name = "keep-going"

    def build(self, doc: dict[str, Any]) -> None:
        keep = doc["keep_going"]
        self.applications = text_area(_("Other live applications"), keep["applications"], 4,
                                      _("one per line: company, role, where it's at"))
        self.weekly_goal = number_field(_("Applications a week"), keep["weekly_goal"] or 0, 0, 100)
        self.next_focus = text_field(_("Next, I'll apply with"), keep["next_focus"],
                                     _("e.g. the project from my self-review, front and centre"))

    def children(self) -> list[w.Widget]:
        return [
            hint(_("One rejection is one door. Keeping a few others open takes the weight off each of them: "
                   "set a small, steady weekly goal rather than a burst.")),
            self.applications, self.weekly_goal, self.next_focus,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "applications": self.applications.value,
            "weekly_goal": self.weekly_goal.value or None,
            "next_focus": self.next_focus.value.strip(),
        }
