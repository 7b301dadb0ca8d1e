"""The home notebook: a starting point in JupyterLab for a folder of workbooks.

`init(folder)` writes `home.ipynb` there from the shipped notebooks/home.ipynb, and
records a fingerprint of its cells in the notebook's metadata. Running it again
updates a home notebook only while its cells are still the ones it wrote; once a
person has changed them, it is left alone (running it, which only adds outputs,
is not a change).

`Home` is what the notebook's cells call: a form to start a new workbook (the same
fields and checks as `nextround new`), the list of workbooks with their progress,
and what is due. Making a workbook refreshes the other two.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.errors import NextroundError
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


def shipped() -> dict[str, Any]:
    """The shipped home notebook, with its fingerprint recorded in its metadata."""
    from nextround import __version__
    from nextround.resources import notebook

    with open(notebook(NOTEBOOK), encoding="utf-8") as f:
        nb = json.load(f)
    nb.setdefault("metadata", {})[METADATA_KEY] = {
        **nb["metadata"].get(METADATA_KEY, {}),
        "template": NOTEBOOK,
        "cells_sha256": cells_fingerprint(nb),
        "nextround_version": __version__,
    }
    return nb


def init(folder: str | Path = ".") -> tuple[Path, str]:
    """Write `home.ipynb` into `folder`; return its path and what happened.

    What happened is "written" (there was none), "updated" (ours, unchanged by the
    person, and the shipped one is newer) or "unchanged" (already up to date).
    Raises NextroundError, leaving the file untouched, if a person has changed it
    or it is not a home notebook nextround wrote.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NextroundError("is a file, not a folder", file=folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = files.writable(folder / FILE_NAME)  # a pipe there would never be read to its end
    fresh = shipped()
    text = notebook_text(fresh)
    if not path.exists():
        _write_new(path, text)
        return path, WRITTEN
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
        recorded = existing["metadata"][METADATA_KEY]["cells_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        raise NextroundError(
            "already exists and was not written by nextround init, so it was left untouched; "
            "rename it to get a fresh home notebook", file=path) from None
    if cells_fingerprint(existing) != recorded:
        raise NextroundError(
            "has changes of your own, so it was left untouched; rename it to get a fresh home notebook",
            file=path)
    if recorded == fresh["metadata"][METADATA_KEY]["cells_sha256"]:
        return path, UNCHANGED
    files.replace(path, text)
    return path, UPDATED


def _write_new(path: Path, text: str) -> None:
    try:
        files.create(path, text)
    except FileExistsError:
        raise NextroundError("appeared while it was being written, so it was left untouched", file=path) from None


def has_home(folder: str | Path) -> bool:
    """True when `folder` already has a home notebook."""
    return (Path(folder) / FILE_NAME).exists()


# --- what the notebook shows ------------------------------------------------------------

# The form's fields, in order: parameter name -> label (the same ones `nextround new` takes).
FIELDS = {
    "company": "Company",
    "role": "Role",
    "interview_date": "Interviewed on",
    "rejected_on": "Heard back on",
    "stage": "Stage reached",
    "contacts": "People you met",
    "your_name": "Your name",
    "careers_page": "Careers page",
}
_LABEL = {"description_width": "10em"}


class Home:
    """The home notebook's parts, for the workbooks in `folder` (default: the notebook's)."""

    def __init__(self, folder: str | Path | None = None, *, today: date | None = None) -> None:
        from nextround.notebook.session import notebook_folder

        self.folder = Path(folder) if folder is not None else notebook_folder()
        self.today = today
        self._views: list[Callable[[Journal], None]] = []

    def _journal(self) -> Journal:
        from nextround.journal.tables import load

        return load(self.folder, today=self.today)

    def new_form(self) -> Any:
        """A form to start a new workbook, with a link to open it once made."""
        import ipywidgets as w

        from nextround.notebook import aria

        aria.enable()
        layout = w.Layout(width="100%", max_width="640px")
        short = w.Layout(width="22em")
        fields: dict[str, Any] = {
            "company": w.Text(description=FIELDS["company"], placeholder="who turned you down", style=_LABEL,
                              layout=layout),
            "role": w.Text(description=FIELDS["role"], placeholder="the role you applied for", style=_LABEL,
                           layout=layout),
            "interview_date": w.DatePicker(description=FIELDS["interview_date"], style=_LABEL, layout=short),
            "rejected_on": w.DatePicker(description=FIELDS["rejected_on"], value=self.today or date.today(),
                                        style=_LABEL, layout=short),
            "stage": w.Text(description=FIELDS["stage"], placeholder="e.g. final interview", style=_LABEL,
                            layout=layout),
            "contacts": w.Textarea(description=FIELDS["contacts"], rows=3, style=_LABEL, layout=layout,
                                   placeholder="One per line: Name <email>, or just a name"),
            "your_name": w.Text(description=FIELDS["your_name"], placeholder="to sign your drafted messages",
                                style=_LABEL, layout=layout),
            "careers_page": w.Text(description=FIELDS["careers_page"], placeholder="https://…", style=_LABEL,
                                   layout=layout),
        }
        button = w.Button(description="Make my workbook", icon="plus", button_style="primary",
                          layout=w.Layout(width="auto"))
        result = aria.live(w.HTML())

        def make(_: Any = None) -> None:
            result.value, made = self._make({name: widget.value for name, widget in fields.items()})
            if made:
                for name in ("company", "role", "stage", "contacts"):
                    fields[name].value = ""
                self.refresh()

        button.on_click(make)
        form = w.VBox([*fields.values(), button, result], layout=w.Layout(max_width="680px"))
        form.add_class("nextround-home-new")  # for styling and browser tests
        form.fields, form.button, form.result = fields, button, result  # for tests and the curious
        return form

    def _make(self, values: dict[str, Any]) -> tuple[str, bool]:
        """Make the workbook; HTML saying where it is (and True), or what to fix (and False)."""
        from nextround.errors import ParameterError
        from nextround.making.workbook import make_from
        from nextround.render.html import Markup, banner

        values = dict(values)
        values["contacts"] = [line for line in (values.get("contacts") or "").splitlines() if line.strip()]
        try:
            path = make_from(values, self.folder)
        except ParameterError as exc:
            label = FIELDS.get(exc.field or "", exc.field or "")
            return banner(f"{label}: {exc.message}" if label else exc.message, "error"), False
        except NextroundError as exc:
            return banner(str(exc), "error"), False
        href = Path(path).name
        return banner(Markup('Your workbook is ready: <a href="{0}"><b>open {0}</b></a>. '
                             "Take it one step at a time.").format(href), "ok"), True

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
        return Markup(clean(self._workbooks_html(journal), lines=True))

    def _workbooks_html(self, journal: Journal | None) -> str:
        from nextround.core.progress import STEPS, marks_legend
        from nextround.journal.tables import is_missing, newest_first, step_marks, title
        from nextround.render import palette
        from nextround.render.html import Markup, join

        journal = self._journal() if journal is None else journal
        problems = join(
            Markup('<div style="color:{}">Left out, as it could not be read: {}: {}</div>').format(
                palette.AMBER, Path(p.file or "").name, p.message)
            for p in journal.problems)
        if journal.empty:
            return Markup("<div><i>No workbooks yet. Use the form above to start your first one.</i></div>") + problems
        legend = f"Steps in order: {', '.join(STEPS.values())}. {marks_legend()}."
        table = newest_first(journal.rejections)
        cell = "padding:2px 14px 2px 0"
        rows = join(
            Markup('<tr><td style="{0};white-space:nowrap">{1}</td><td style="{0}"><a href="{2}">{3}</a></td>'
                   '<td style="{0};letter-spacing:2px" title="{4}">{5}</td><td>{6} of {7} done</td></tr>').format(
                cell, "" if is_missing(row.rejected_on) else f"{row.rejected_on:%d %b %Y}", row.workbook,
                title(row) or row.workbook, legend, step_marks(row), row.steps_done, len(STEPS))
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
            view.value = coming_up(journal).html

        update(self._journal())
        self._views.append(update)
        return view

    def refresh(self) -> None:
        """Bring the list of workbooks and what is due up to date (the folder read once for all)."""
        journal = self._journal()
        for update in self._views:
            update(journal)
