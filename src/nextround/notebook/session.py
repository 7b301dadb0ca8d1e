"""An open workbook's answers: where they are, reading them, saving them, who to tell.

`Session` is the service under a workbook's forms: it finds the answers file from
the notebook's parameters, reads it for each form, saves through the store, keeps a
copy inside a class workbook, and tells listeners after every save. It builds no
widgets; `notebook.workbook.Workbook` is the face the notebook's cells call.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from nextround.core import answers, i18n
from nextround.core.i18n import _
from nextround.core.parameters import PARAMETER_NAMES, Rejection, did_you_mean
from nextround.errors import AnswersError, ParameterError
from nextround.making.workbook import ANSWERS_MIMETYPE
from nextround.storage.store import ANSWERS_SUFFIX, AnswersStore, answers_path_for

_IDENTITY = ("workbook_id", "answers_file", "student_id", "assignment_id")
_IPYTHON_NAMES = {"In", "Out"}
_PLAIN = (str, int, float, bool, list, dict, type(None))


def notebook_folder() -> Path:
    """The folder of the running notebook.

    Jupyter tells the kernel the notebook's path (JPY_SESSION_NAME); otherwise the
    kernel's working folder is the notebook's own in JupyterLab, Voilà and our executor.
    """
    session = os.environ.get("JPY_SESSION_NAME", "")
    return Path(session).parent if session.endswith(".ipynb") else Path.cwd()


def _locate_answers(answers_file: str) -> Path:
    """The answers file: the one named when the workbook was made, beside the notebook."""
    session = os.environ.get("JPY_SESSION_NAME", "")
    folder = notebook_folder()
    if answers_file:
        return folder / answers_file if not Path(answers_file).is_absolute() else Path(answers_file)
    if session.endswith(".ipynb"):
        return answers_path_for(session)
    return Path.cwd() / "workbook.answers.json"


class Session:
    """One open workbook's answers: start it from the notebook's parameters."""

    def __init__(
        self,
        rejection: Rejection,
        workbook_id: str,
        store: AnswersStore,
        *,
        student_id: str = "",
        assignment_id: str = "",
    ) -> None:
        self.rejection = rejection
        #: The language the workbook speaks, as it was made (en-GB for one made before).
        self.locale = rejection.locale
        self.store = store
        self.workbook_id = workbook_id or store.path.name.removesuffix(ANSWERS_SUFFIX)
        self.student_id = student_id
        self.assignment_id = assignment_id
        self.problem: str | None = None
        self._listeners: list[Callable[[dict[str, Any]], None]] = []
        self._carrier: Any = None

    @classmethod
    def start(
        cls,
        *,
        workbook_id: str = "",
        answers_file: str = "",
        student_id: str = "",
        assignment_id: str = "",
        **parameters: Any,
    ) -> Session:
        """Validate the parameters and find the answers; raises ParameterError if wrong."""
        rejection = Rejection.from_mapping(parameters)
        store = AnswersStore(_locate_answers(answers_file))
        return cls(rejection, workbook_id, store, student_id=student_id, assignment_id=assignment_id)

    @property
    def in_class(self) -> bool:
        """Whether this is a student's workbook in a class exercise."""
        return bool(self.student_id)

    @classmethod
    def from_namespace(cls, namespace: Mapping[str, Any]) -> Session:
        """Start from the notebook's globals after its parameters cells have run.

        A plain value there that is not a known parameter was injected by mistake
        (papermill only logs unknown names): it is an error naming the closest one.
        """
        known = {*PARAMETER_NAMES, *_IDENTITY}
        given = {
            name: value
            for name, value in namespace.items()
            if not name.startswith("_") and name not in _IPYTHON_NAMES and isinstance(value, _PLAIN)
        }
        for name in given:
            if name not in known:
                raise ParameterError(_("unknown parameter") + did_you_mean(name, known), field=name)
        return cls.start(**given)  # type: ignore[arg-type]  # checked by Rejection.from_mapping

    # --- answers ---------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        """The saved answers with every default filled in (defaults alone if unreadable)."""
        try:
            doc = self.store.load()
            self.problem = None
        except AnswersError as exc:
            # Never overwritten: every save re-reads the file and refuses while it is broken.
            self.problem = _("{problem} Your answers can't be saved until it is fixed or moved away.").format(
                problem=exc)
            doc = None
        if doc is None:
            doc = answers.with_defaults(self._new_document())
        self._add_parameter_contacts(doc)
        return doc

    def _new_document(self) -> dict[str, Any]:
        doc = answers.new_document(self.workbook_id, self.rejection.to_answers())
        doc.update(self._identity())
        return doc

    def _identity(self) -> dict[str, str]:
        if not self.in_class:
            return {}
        return {"student_id": self.student_id, "assignment_id": self.assignment_id}

    def _add_parameter_contacts(self, doc: dict[str, Any]) -> None:
        known = {c.get("name") for c in doc.setdefault("contacts", [])}
        for contact in self.rejection.contacts:
            if contact.name not in known:
                doc["contacts"].append(answers.empty_contact(contact.name, contact.email))
        answers.add_contact_ids(doc)  # made from the names: every window gives the same ones

    def save(self, edit: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
        """Apply `edit` to the answers on disk and save; tell listeners. Raises AnswersError."""

        def apply(doc: dict[str, Any]) -> None:
            doc["rejection"] = self.rejection.to_answers()
            doc.update(self._identity())
            self._add_parameter_contacts(doc)
            edit(doc)

        try:
            doc = self.store.update(apply, create=self._new_document)
        except AnswersError as exc:
            self.problem = str(exc)
            raise
        self.problem = None
        full = answers.with_defaults(doc)
        self._carry(doc)
        with i18n.using(self.locale):  # whatever called the save, the forms redraw in their language
            for listener in list(self._listeners):
                listener(full)
        return doc

    def _carry(self, doc: dict[str, Any]) -> None:
        """In a class workbook, keep a copy of the answers inside the notebook itself.

        A display output, updated on every save, so a notebook handed in without its
        answers file (saved after the last Save) still holds every answer.
        """
        from IPython import get_ipython
        from IPython.display import display

        # Only a class workbook, which is handed in, needs it; anyone else's notebook
        # should not carry their feelings and notes around unseen.
        if not self.in_class or get_ipython() is None:
            return
        bundle = {ANSWERS_MIMETYPE: doc, "text/plain": ""}
        if self._carrier is None:
            self._carrier = display(bundle, raw=True, display_id=True)
        else:
            self._carrier.update(bundle, raw=True)

    def on_save(self, listener: Callable[[dict[str, Any]], None]) -> None:
        """Call `listener(answers)` after every save from any form of this workbook."""
        self._listeners.append(listener)
