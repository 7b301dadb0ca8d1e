"""In a class workbook: what the student shares with their instructor."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from nextround.core import sharing
from nextround.core.i18n import N_, _
from nextround.core.labels import SHARING
from nextround.notebook.forms.base import Form, heading, hint


class SharingForm(Form):
    """In a class workbook: one switch per part of the answers, private by default."""

    save_label = N_("Save sharing choices")
    hook_name = "sharing"

    def build(self, doc: dict[str, Any]) -> None:
        chosen = sharing.choices(doc)
        self.choices = {
            key: w.Checkbox(value=chosen[key], description=_(label), indent=False, layout=w.Layout(width="auto"))
            for key, label in SHARING.items()
        }

    def children(self) -> list[w.Widget]:
        return [
            heading(_("What your instructor may see")),
            hint(_("The class report only uses what you tick here, added up across the class and never "
                   "with your name. Your notebook keeps a copy of all your answers, so whoever receives the "
                   "file you hand in could read them: hand it in only to your instructor.")),
            *self.choices.values(),
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {key: box.value for key, box in self.choices.items()}

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        doc["sharing"] = {**sharing.choices(doc), **changed}
