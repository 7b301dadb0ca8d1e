"""In a class workbook on a hub: Submit, to hand the workbook in, and the feedback handed back.

Shown only where the hub names an exchange (`NEXTROUND_EXCHANGE`, see
`storage.exchange`). Submit copies the workbook and its answers file, as saved, into
a new hand-in folder of the exchange, with the time; the status line says when it
was handed in, and says it again when the workbook is opened later. Feedback the
instructor released is copied beside the workbook and linked, each time the panel
is shown and after every hand-in.
"""

from __future__ import annotations

import getpass
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from nextround.core.i18n import _, format_date
from nextround.errors import NextroundError
from nextround.notebook import aria
from nextround.notebook.forms.base import Shown, hint, hook, speaking, status_line
from nextround.render.html import Markup, banner
from nextround.storage import exchange
from nextround.storage.store import ANSWERS_SUFFIX

if TYPE_CHECKING:
    from nextround.notebook.session import Session


def hub_user() -> str:
    """Who is handing in: the hub's user name, else this account's."""
    return os.environ.get("JUPYTERHUB_USER", "").strip() or getpass.getuser()


def workbook_file(session: Session) -> Path:
    """The notebook of this workbook: the one Jupyter names, else the one beside its answers."""
    named = os.environ.get("JPY_SESSION_NAME", "")
    if named.endswith(".ipynb") and Path(named).is_file():
        return Path(named)
    answers = session.store.path
    return answers.with_name(answers.name.removesuffix(ANSWERS_SUFFIX) + ".ipynb")


def when(moment: datetime) -> str:
    local = moment.astimezone()
    return _("{time} on {day}").format(time=local.strftime("%H:%M"), day=format_date(local.date(), "long"))


class HandInPanel(Shown):
    """Submit, its status line, and a link to feedback once it is released."""

    def __init__(self, session: Session, root: Path) -> None:
        self.session = session
        self.root = root
        self.user = hub_user()
        self.submit_button = w.Button(description=_("Submit"), icon="paper-plane", button_style="success",
                                      layout=w.Layout(width="auto"))
        self.submit_button.on_click(speaking(lambda button: self.submit()))
        self.status = aria.live(w.HTML())  # "Handed in at …" is read out
        self.feedback = w.HTML()
        self.widget = w.VBox([
            w.HTML(Markup('<div style="font-weight:600;margin:12px 0 2px">{}</div>').format(_("Hand in"))),
            hint(_("When you're ready, press Submit to hand in your workbook and your saved answers to your "
                   "instructor. You can hand in again later: the newest counts. Only your instructor can open "
                   "what you hand in.")),
            w.HBox([self.submit_button, self.status], layout=w.Layout(align_items="center")),
            self.feedback,
        ], layout=w.Layout(width="100%", max_width="800px"))
        for name in ("submit_button", "status", "feedback"):
            hook(getattr(self, name), f"handin-{name}")
        hook(self.widget, "handin")
        last = exchange.last_handed_in(workbook_file(session))
        if last is not None:
            self._say(_("Handed in at {when}").format(when=when(last)), "ok")
        self.refresh_feedback()

    @property
    def assignment_id(self) -> str:
        return self.session.assignment_id

    def submit(self) -> bool:
        """Hand the workbook in; the status line says when, or why not."""
        notebook = workbook_file(self.session)
        if not self.session.store.path.is_file():
            self._say(_("Save at least one form first: there's nothing to hand in yet."), "warn")
            return False
        sources = [p for p in (notebook, self.session.store.path) if p.is_file()]
        try:
            done = exchange.hand_in(self.root, self.assignment_id, self.user, sources)
        except NextroundError as exc:
            self._say(exc.message, "error")
            return False
        try:
            exchange.note_hand_in(notebook, done)
        except (OSError, NextroundError):
            pass  # handed in all the same; only the note of it beside the workbook is missing
        self._say(_("Handed in at {when}").format(when=when(done.at)), "ok")
        if done.note:
            self.feedback.value = banner(done.note, "warn")
        else:
            self.refresh_feedback()
        return True

    def refresh_feedback(self) -> None:
        """Copy released feedback beside the workbook and link to it."""
        folder = workbook_file(self.session).parent
        page = exchange.fetch_feedback(self.root, self.assignment_id, self.user, folder)
        if page is None:
            return
        self.feedback.value = banner(Markup('{} <a href="{}" target="_blank"><b>{}</b></a>').format(
            _("Your instructor has sent you feedback:"), page.name, _("open {name}").format(name=page.name)), "ok")

    def _say(self, text: str, kind: str) -> None:
        self.status.value = status_line(text, kind)


def hand_in_panel(session: Session) -> Any:
    """The panel, in a class workbook on a hub with an exchange; else None."""
    root = exchange.exchange_from_environment()
    if root is None or not session.in_class or not session.assignment_id:
        return None
    return HandInPanel(session, root)
