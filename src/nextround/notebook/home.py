"""The home notebook: a starting point in JupyterLab for a folder of workbooks.

`init(folder)` writes `home.ipynb` there from the shipped notebooks/home.ipynb, and
records a fingerprint of its cells in the notebook's metadata. Running it again
updates a home notebook only while its cells are still the ones it wrote; once a
person has changed them, it is left alone (running it, which only adds outputs,
is not a change).

`Home` is what the notebook's cells call: a form to start a new workbook (the same
fields and checks as `nextround new`, and a box to paste the rejection email into,
which fills the fields for the person to check), the list of workbooks with their
progress, and what is due. Making a workbook refreshes the other two.

A home notebook speaks the language `init` wrote it in (`metadata.nextround.locale`),
and the workbooks its form makes speak it too; each workbook's own next actions are
in that workbook's language.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.core import i18n
from nextround.core.i18n import N_, _, current
from nextround.errors import NextroundError
from nextround.making.guidance import localise
from nextround.making.workbook import METADATA_KEY, notebook_text
from nextround.storage import files

if TYPE_CHECKING:
    from nextround.journal.tables import Journal

NOTEBOOK = "home"
FILE_NAME = "home.ipynb"

WRITTEN, UPDATED, UNCHANGED = "written", "updated", "unchanged"


# --- writing the notebook -------------------------------------------------------------


def cells_fingerprint(nb: dict[str, Any]) -> str:
    """A hash of a notebook's cells as a person edits them: their kind and their text.

    Outputs, execution counts and cell metadata (a collapsed cell) are left out, so
    running the notebook does not count as changing it.
    """
    cells = [
        [cell.get("cell_type"), "".join(cell.get("source", "")) if isinstance(cell.get("source"), list)
         else cell.get("source", "")]
        for cell in nb.get("cells", [])
    ]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()


def shipped(locale: str | None = None) -> dict[str, Any]:
    """The shipped home notebook, with its fingerprint (and its language) recorded in its metadata."""
    from nextround import __version__
    from nextround.resources import notebook

    with open(notebook(NOTEBOOK), encoding="utf-8") as f:
        nb = localise(json.load(f), current())  # in the language of the person who asks for it
    nb.setdefault("metadata", {})[METADATA_KEY] = {
        **nb["metadata"].get(METADATA_KEY, {}),
        "template": NOTEBOOK,
        "cells_sha256": cells_fingerprint(nb),
        "nextround_version": __version__,
        "locale": locale or i18n.system_locale(),
    }
    return nb


def init(folder: str | Path = ".", locale: str | None = None) -> tuple[Path, str]:
    """Write `home.ipynb` into `folder`, speaking `locale` (default: the system's); its path and what happened.

    What happened is "written" (there was none), "updated" (ours, unchanged by the
    person, and the shipped one is newer or in another language) or "unchanged"
    (already up to date).
    Raises NextroundError, leaving the file untouched, if a person has changed it
    or it is not a home notebook nextround wrote.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NextroundError(_("is a file, not a folder"), file=folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = files.writable(folder / FILE_NAME)  # a pipe there would never be read to its end
    fresh = shipped(locale)
    text = notebook_text(fresh)
    if not path.exists():
        _write_new(path, text)
        return path, WRITTEN
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
        recorded = existing["metadata"][METADATA_KEY]["cells_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        raise NextroundError(_(
            "already exists and was not written by nextround init, so it was left untouched; "
            "rename it to get a fresh home notebook"), file=path) from None
    if cells_fingerprint(existing) != recorded:
        raise NextroundError(_(
            "has changes of your own, so it was left untouched; rename it to get a fresh home notebook"),
            file=path)
    same_language = existing["metadata"][METADATA_KEY].get("locale", i18n.DEFAULT) == fresh["metadata"][
        METADATA_KEY]["locale"]
    if recorded == fresh["metadata"][METADATA_KEY]["cells_sha256"] and same_language:
        return path, UNCHANGED
    files.replace(path, text)
    return path, UPDATED


def _write_new(path: Path, text: str) -> None:
    try:
        files.create(path, text)
    except FileExistsError:
        raise NextroundError(_("appeared while it was being written, so it was left untouched"), file=path) from None


def has_home(folder: str | Path) -> bool:
    """True when `folder` already has a home notebook."""
    return (Path(folder) / FILE_NAME).exists()


# --- what the notebook shows ------------------------------------------------------------

# The form's fields, in order: parameter name -> label (the same ones `nextround new` takes).
FIELDS = {
    "company": N_("Company"),
    "role": N_("Role"),
    "interview_date": N_("Interviewed on"),
    "rejected_on": N_("Heard back on"),
    "stage": N_("Stage reached"),
    "contacts": N_("People you met"),
    "feedback_offered": N_("Feedback offered"),
    "reply_to": N_("Reply to"),
    "your_name": N_("Your name"),
    "careers_page": N_("Careers page"),
}
_LABEL = {"description_width": "10em"}


def home_locale(folder: str | Path) -> str:
    """The language of the home notebook in `folder`, as `init` recorded it; else the system's."""
    try:
        recorded = json.loads((Path(folder) / FILE_NAME).read_text(encoding="utf-8"))["metadata"][METADATA_KEY]
        return i18n.parse_locale(recorded["locale"])
    except (OSError, ValueError, KeyError, TypeError, NextroundError):
        return i18n.system_locale()


class Home:
    """The home notebook's parts, for the workbooks in `folder` (default: the notebook's).

    They speak `locale`; by default the language the home notebook there was written in.
    """

    def __init__(self, folder: str | Path | None = None, *, today: date | None = None,
                 locale: str | None = None) -> None:
        from nextround.notebook.session import notebook_folder

        self.folder = Path(folder) if folder is not None else notebook_folder()
        self.today = today
        self.locale = i18n.parse_locale(locale) if locale else home_locale(self.folder)
        self._views: list[Callable[[Journal], None]] = []

    def _journal(self) -> Journal:
        from nextround.journal.tables import load

        return load(self.folder, today=self.today)

    def new_form(self) -> Any:
        """A form to start a new workbook, with a link to open it once made."""
        with i18n.using(self.locale):
            return self._new_form()

    def _new_form(self) -> Any:
        import ipywidgets as w

        from nextround.notebook import aria

        aria.enable()
        layout = w.Layout(width="100%", max_width="640px")
        short = w.Layout(width="22em")
        fields: dict[str, Any] = {
            "company": w.Text(description=_(FIELDS["company"]), placeholder=_("who turned you down"), style=_LABEL,
                              layout=layout),
            "role": w.Text(description=_(FIELDS["role"]), placeholder=_("the role you applied for"), style=_LABEL,
                           layout=layout),
            "interview_date": w.DatePicker(description=_(FIELDS["interview_date"]), style=_LABEL, layout=short),
            "rejected_on": w.DatePicker(description=_(FIELDS["rejected_on"]), value=self.today or date.today(),
                                        style=_LABEL, layout=short),
            "stage": w.Text(description=_(FIELDS["stage"]), placeholder=_("e.g. final interview"), style=_LABEL,
                            layout=layout),
            "contacts": w.Textarea(description=_(FIELDS["contacts"]), rows=3, style=_LABEL, layout=layout,
                                   placeholder=_("One per line: Name <email>, or just a name")),
            "feedback_offered": w.Checkbox(description=_("They offered feedback"), value=False, indent=False,
                                           layout=w.Layout(margin="2px 0 2px calc(10em + 4px)")),
            "reply_to": w.Text(description=_(FIELDS["reply_to"]), style=_LABEL, layout=layout,
                               placeholder=_("a shared address such as recruitment@…, when no person is named")),
            "your_name": w.Text(description=_(FIELDS["your_name"]), placeholder=_("to sign your drafted messages"),
                                style=_LABEL, layout=layout),
            "careers_page": w.Text(description=_(FIELDS["careers_page"]), placeholder="https://…", style=_LABEL,
                                   layout=layout),
        }
        button = w.Button(description=_("Make my workbook"), icon="plus", button_style="primary",
                          layout=w.Layout(width="auto"))
        result = aria.live(w.HTML())

        paste, fill, note = self._paste_box(fields, layout)

        def make(button: Any = None) -> None:
            result.value, made = self._make({name: widget.value for name, widget in fields.items()})
            if made:
                for name in ("company", "role", "stage", "contacts", "reply_to"):
                    fields[name].value = ""
                fields["feedback_offered"].value = False
                paste.value, note.value = "", ""  # the email it came from is done with
                self.refresh()

        button.on_click(make)
        form = w.VBox([paste, fill, note, *fields.values(), button, result], layout=w.Layout(max_width="680px"))
        form.add_class("nextround-home-new")  # for styling and browser tests
        form.fields, form.button, form.result = fields, button, result  # for tests and the curious
        form.paste, form.fill, form.note = paste, fill, note
        return form

    def _paste_box(self, fields: dict[str, Any], layout: Any) -> tuple[Any, Any, Any]:
        """A box for the rejection email and a button that fills the form from it, for checking."""
        import ipywidgets as w

        paste = w.Textarea(
            description=_("The email"), rows=5, style=_LABEL, layout=layout,
            placeholder=_("Got the news by email? Paste it here (all of it, headers too if you can), then "
                          "press Fill in. Nothing is sent anywhere."))
        fill = w.Button(description=_("Fill in from the email"), icon="envelope-open",
                        layout=w.Layout(width="auto", margin="2px 0 8px calc(10em + 4px)"))
        note = w.HTML()

        def fill_in(event: Any = None) -> None:
            with i18n.using(self.locale):  # a click arrives outside the cell that made the form
                note.value = self._fill(paste.value, fields)

        fill.on_click(fill_in)
        return paste, fill, note

    def _fill(self, text: str, fields: dict[str, Any]) -> str:
        """Fill `fields` from a pasted email; HTML saying what was taken from where, and what was not found."""
        from nextround.core.rejection_email import read_rejection_email
        from nextround.render.html import Markup, banner, join

        if not text.strip():
            return banner(_("Paste the email into the box first."), "warn")
        try:
            facts = read_rejection_email(text, name=_("The pasted email"))
        except NextroundError as exc:
            return banner(str(exc), "error")
        values = facts.parameters()
        for name in ("company", "role", "stage", "reply_to"):
            if values.get(name):
                fields[name].value = values[name]
        if values.get("rejected_on"):
            fields["rejected_on"].value = values["rejected_on"]
        if values.get("contacts"):
            fields["contacts"].value = "\n".join(
                f"{c['name']} <{c['email']}>" if c["email"] else c["name"] for c in values["contacts"])
        fields["feedback_offered"].value = bool(values.get("feedback_offered"))
        lines = join(Markup("<li>{}</li>").format(line) for line in facts.lines())
        head = _("Filled in from the email. Check each field before you make the workbook:")
        return banner(Markup("{}<ul style=\"margin:4px 0\">{}</ul>").format(head, lines), "ok")

    def _make(self, values: dict[str, Any]) -> tuple[str, bool]:
        """Make the workbook, in the home's language; HTML saying where it is (and True), or what to fix."""
        from nextround.errors import ParameterError
        from nextround.making.workbook import make_from
        from nextround.render.html import Markup, banner

        values = dict(values)
        values["contacts"] = [line for line in (values.get("contacts") or "").splitlines() if line.strip()]
        values["locale"] = self.locale
        with i18n.using(self.locale):  # a click arrives outside the cell that made the form
            try:
                path = make_from(values, self.folder)
            except ParameterError as exc:
                label = _(FIELDS[exc.field]) if exc.field in FIELDS else (exc.field or "")
                return banner(f"{label}: {exc.message}" if label else exc.message, "error"), False
            except NextroundError as exc:
                return banner(str(exc), "error"), False
            href = Path(path).name
            return banner(Markup(_('Your workbook is ready: <a href="{name}"><b>open {name}</b></a>. '
                                   "Take it one step at a time.")).format(name=href), "ok"), True

    def workbooks(self) -> Any:
        """The workbooks here, each with its progress and a link to open it."""
        import ipywidgets as w

        view = w.HTML()

        def update(journal: Journal) -> None:
            view.value = self.workbooks_html(journal)

        update(self._journal())
        self._views.append(update)
        return view

    def workbooks_html(self, journal: Journal | None = None) -> str:
        """The list of workbooks as HTML (every name escaped, its text cleaned)."""
        from nextround.core.printable import clean
        from nextround.render.html import Markup

        # Cleaned as a whole: half a UTF-16 pair in a name would stop the widget showing it.
        with i18n.using(self.locale):
            return Markup(clean(self._workbooks_html(journal), lines=True))

    def _workbooks_html(self, journal: Journal | None) -> str:
        from nextround.core.progress import STEPS, marks_legend
        from nextround.journal.tables import is_missing, newest_first, step_marks, title
        from nextround.render import palette
        from nextround.render.html import Markup, join

        journal = self._journal() if journal is None else journal
        problems = join(
            Markup('<div style="color:{}">{}</div>').format(
                palette.AMBER, _("Left out, as it could not be read: {file}: {problem}").format(
                    file=Path(p.file or "").name, problem=p.message))
            for p in journal.problems)
        if journal.empty:
            return Markup("<div><i>{}</i></div>").format(
                _("No workbooks yet. Use the form above to start your first one.")) + problems
        legend = _("Steps in order: {steps}. {marks}.").format(
            steps=", ".join(_(title) for title in STEPS.values()), marks=marks_legend())
        table = newest_first(journal.rejections)
        cell = "padding:2px 14px 2px 0"
        rows = join(
            Markup('<tr><td style="{0};white-space:nowrap">{1}</td><td style="{0}"><a href="{2}">{3}</a></td>'
                   '<td style="{0};letter-spacing:2px" title="{4}">{5}</td><td>{6}</td></tr>').format(
                cell, "" if is_missing(row.rejected_on) else i18n.date_text(row.rejected_on, "medium"), row.workbook,
                title(row) or row.workbook, legend, step_marks(row),
                _("{done} of {total} done").format(done=row.steps_done, total=len(STEPS)))
            for row in table.itertuples()
        )
        return Markup('<table>{}</table><div style="color:{};font-size:0.9em">{}</div>{}').format(
            rows, palette.HINT_TEXT, legend, problems)

    def due(self) -> Any:
        """What is overdue, due today and due in the next week, across the workbooks."""
        import ipywidgets as w

        from nextround.journal.dashboard import coming_up

        view = w.HTML()

        def update(journal: Journal) -> None:
            with i18n.using(self.locale):
                view.value = coming_up(journal).html

        update(self._journal())
        self._views.append(update)
        return view

    def refresh(self) -> None:
        """Bring the list of workbooks and what is due up to date (the folder read once for all)."""
        journal = self._journal()
        for update in self._views:
            update(journal)
