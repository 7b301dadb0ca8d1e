"""Every field of every form has a name a screen reader can read, before any browser is involved.

The browser tests (tests/e2e/test_accessibility.py) prove the names reach the page;
this checks, quickly, that no form grows a field without one: each field has its own
label (ipywidgets' `description`), or sits in a labelled group, and each form's status
line is a live region.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from conftest import read_json
from nextround.notebook import aria
from nextround.notebook.forms import FORMS
from nextround.notebook.forms.base import _value_widgets
from nextround.notebook.forms.contacts import ContactsForm
from nextround.notebook.workbook import Workbook


@pytest.fixture
def wb(acme_workbook: Path, monkeypatch: pytest.MonkeyPatch) -> Workbook:
    monkeypatch.chdir(acme_workbook.parent)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return Workbook.start(**read_json(acme_workbook)["metadata"]["papermill"]["parameters"])


def _forms(wb: Workbook) -> list[Any]:
    """Every form of the workbook, each person's panel in "Stay in touch" and the list of them too."""
    forms: list[Any] = []
    for make in FORMS.values():
        made: Any = make(wb)
        forms += [made, *made.panels.values()] if isinstance(made, ContactsForm) else [made]
    return forms


def _in_a_labelled_group(widget: w.Widget, form: Any) -> bool:
    """Whether `widget` is in a row of `labelled_row`, marked as a group named by the row's label."""
    def rows(box: w.Widget) -> list[w.Widget]:
        found = [box] if "nextround-row" in getattr(box, "_dom_classes", ()) else []
        for child in getattr(box, "children", ()):
            found += rows(child)
        return found

    for row in rows(form.widget):
        label, *rest = row.children
        group = [child for child in rest if "nextround-aria-group" in child._dom_classes]
        if label.value and any(widget is g or widget in getattr(g, "children", ()) for g in group):
            return True
    return False


def test_every_field_of_every_form_has_a_label_or_a_labelled_group(wb: Workbook) -> None:
    unnamed = []
    for form in _forms(wb):
        for field in _value_widgets(form):
            if isinstance(field, w.Checkbox) and field.description:
                continue  # its label is beside it, and clicking it ticks the box
            if not (field.description.strip() or _in_a_labelled_group(field, form)):
                unnamed.append(f"{type(form).__name__}: {type(field).__name__} {sorted(field._dom_classes)}")
    assert not unnamed, unnamed


def test_every_forms_status_line_is_a_live_region(wb: Workbook) -> None:
    for form in _forms(wb):
        assert "nextround-aria-live" in form.status._dom_classes, type(form).__name__


def test_the_mood_slider_is_named_for_what_it_asks(wb: Workbook) -> None:
    mood = wb.checkin().mood
    assert mood.description == "Mood, 1 low to 10 good" and "nextround-aria-slider" in mood._dom_classes


def test_outside_a_kernel_enabling_the_script_shows_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    aria.enable()
    assert capsys.readouterr().out == ""
    assert "MutationObserver" in aria.script()  # the script itself travels with the package
