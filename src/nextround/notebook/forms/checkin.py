"""The check-in: mood, feelings, a note, and whether you are ready to act."""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as w

from nextround.core import answers
from nextround.core.i18n import N_, _
from nextround.core.labels import EMOTIONS
from nextround.notebook import aria, views
from nextround.notebook.forms.base import (
    LABEL_STYLE,
    Form,
    html,
    labelled_row,
    saving,
    speaking,
    text_area,
    text_field,
)


class CheckinForm(Form):
    """A mood check-in; each Save adds one, and the history shows the curve."""

    save_label = N_("Save check-in")
    hook_name = "checkin"

    def build(self, doc: dict[str, Any]) -> None:
        self.mood = aria.slider(w.IntSlider(
            value=5, min=1, max=10, description=_("Mood, 1 low to 10 good"), style=LABEL_STYLE,
            layout=w.Layout(width="36em", max_width="100%"),
        ))
        self.emotions = {
            name: w.ToggleButton(description=_(name), layout=w.Layout(width="auto")) for name in EMOTIONS
        }
        self.other_emotion = text_field(_("Anything else?"), "", _("another word for how you feel"))
        self.note = text_area(_("Note"), "", 3, _("a few words for yourself (stays private)"))
        self.ready = w.ToggleButtons(
            options=[(_("Not yet"), False), (_("Yes, I'm ready"), True)], value=None, style={"button_width": "auto"}
        )
        self.history = html()
        self.advice = html()
        self.response = html()
        self.skip = w.Button(description=_("Skip checking in: I'm ready to act"), layout=w.Layout(width="auto"),
                             tooltip=_("Starts your message plan today, without a check-in"))
        self.skip.on_click(speaking(lambda button: self.skip_checkin()))
        self._show(doc)

    def children(self) -> list[w.Widget]:
        return [
            self.mood,
            labelled_row(_("How do you feel?"),
                         w.HBox(list(self.emotions.values()), layout=w.Layout(flex_flow="row wrap"))),
            self.other_emotion,
            self.note,
            labelled_row(_("Ready to act?"), self.ready),
            self.advice,
            self.response,
            self.history,
            labelled_row("", self.skip),
        ]

    def check(self) -> str | None:
        if self.ready.value is None:
            return _("Choose whether you feel ready to act.")
        return None

    def edit(self, doc: dict[str, Any]) -> None:
        chosen = [name for name, button in self.emotions.items() if button.value]
        chosen += [e.strip() for e in self.other_emotion.value.split(",") if e.strip()]
        answers.add_checkin(
            doc, {"mood": self.mood.value, "emotions": chosen, "note": self.note.value, "ready": self.ready.value}
        )

    def saved(self, doc: dict[str, Any]) -> None:
        # A check-in is a moment: clear the fields for the next one.
        for button in self.emotions.values():
            button.value = False
        self.other_emotion.value = self.note.value = ""
        ready = bool(doc["checkins"]) and doc["checkins"][-1].get("ready") is True
        self.ready.value = None
        self._show(doc)
        self.response.value = views.ready_response(doc) if ready else ""

    def _show(self, doc: dict[str, Any]) -> None:
        self.history.value = views.checkin_history(doc["checkins"])
        self.advice.value = views.waiting_notice(doc)

    def skip_checkin(self) -> bool:
        """Start the message plan today without a check-in (the person's call, always)."""
        today = date.today().isoformat()
        doc, why_not = saving(self.workbook, lambda d: d.setdefault("plan", {}).update(checkin_dismissed_on=today))
        if doc is None:
            self._say(why_not, "error")
            return False
        full = answers.with_defaults(doc)
        self._show(full)
        self.response.value = views.ready_response(full)
        self._say(_("Check-in skipped: your plan starts today"), "ok")
        return True
