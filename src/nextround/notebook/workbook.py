"""A workbook as its notebook's cells see it: one call per section.

`Workbook` is the face of a workbook in JupyterLab and Voilà. Its methods are what
the shipped notebook's thin cells call (`wb.header()`, `wb.feedback()`, ...); each
returns the widget that section shows. The answers, saves and listeners are its
`Session`'s.

A workbook speaks the language it was made in (its `locale` parameter), whatever the
machine it is opened on: each section is built in it, and each form's events are
handled in it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from nextround.core import i18n
from nextround.notebook import aria, views
from nextround.notebook.forms import FORMS
from nextround.notebook.forms.hand_in import hand_in_panel
from nextround.notebook.session import Session
from nextround.render.html import banner, join

_Section = TypeVar("_Section", bound=Callable[..., Any])


def _speaking(method: _Section) -> _Section:
    """A section built in the workbook's language."""

    def build(self: Workbook, *args: Any, **kwargs: Any) -> Any:
        with i18n.using(self.locale):
            return method(self, *args, **kwargs)

    build.__name__, build.__doc__ = method.__name__, method.__doc__
    return build  # type: ignore[return-value]


class Workbook(Session):
    """One open workbook, as its cells show it: start it with `Workbook.from_namespace(globals())`."""

    @_speaking
    def header(self) -> Any:
        """Company, role, dates and stage; a warning if the answers can't be read.

        Its cell, the first to show anything, also puts `aria.js` on the page.
        """
        import ipywidgets as w

        aria.enable()
        doc = self.answers()  # also finds out whether the answers file can be read
        self._carrier = None  # a re-run header starts a new copy in its own output
        if not self.problem:
            self._carry(doc)
        parts = [views.header(self.rejection.to_answers())]
        if self.problem:
            parts.append(banner(self.problem, "error"))
        return w.HTML(join(parts))

    def sharing(self) -> Any:
        """In a class workbook, what the student shares with their instructor."""
        return self._form("sharing") if self.in_class else None

    def your_details(self) -> Any:
        """Your name and sign-off, for every draft."""
        return self._form("you")

    def checkin(self) -> Any:
        """The mood check-in."""
        return self._form("checkin")

    def message_plan(self) -> Any:
        """One short reply first (or each message on its own), ready to copy and send."""
        return self._form("plan")

    @_speaking
    def look_after_yourself(self) -> Any:
        """Who to talk to, taking a break, and a gentle word when mood stays low."""
        import ipywidgets as w

        view = w.HTML(views.look_after_yourself(self.answers()["checkins"]))
        self.on_save(lambda doc: setattr(view, "value", views.look_after_yourself(doc["checkins"])))
        return view

    def keep_going(self) -> Any:
        """The wider search: other applications, a weekly goal, what next."""
        return self._form("keep_going")

    def feedback(self) -> Any:
        """Step 1: ask for feedback, record it, follow up."""
        return self._form("feedback")

    def reply(self) -> Any:
        """Step 2: the reply draft."""
        return self._form("reply")

    def cv_on_file(self) -> Any:
        """Step 3: CV kept on file."""
        return self._form("cv_on_file")

    def self_review(self) -> Any:
        """Step 4: the rubric and the questions."""
        return self._form("self_review")

    def contacts(self) -> Any:
        """Step 5: the people you met."""
        return self._form("contacts")

    def company(self) -> Any:
        """Step 5: following the company and watching its vacancies."""
        return self._form("company")

    @_speaking
    def summary(self) -> Any:
        """Progress and next actions; updates itself after every save. On a hub with an exchange,
        a class workbook adds Submit below them."""
        import ipywidgets as w

        view = w.HTML(views.summary(self.answers()))
        view.add_class("nextround-summary")  # for styling and browser tests, in any language
        self.on_save(lambda doc: setattr(view, "value", views.summary(doc)))
        panel = hand_in_panel(self)  # on a hub with an exchange: Submit, and feedback handed back
        return view if panel is None else w.VBox([view, panel.widget])

    @_speaking
    def _form(self, name: str) -> Any:
        return FORMS[name](self)
