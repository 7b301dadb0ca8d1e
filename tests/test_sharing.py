"""Class workbooks: sharing choices, and answers that travel inside the notebook."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ACME, read_json
from nextround.api import open_answers
from nextround.core import sharing
from nextround.core.answers import new_document
from nextround.core.parameters import Rejection
from nextround.making.workbook import embedded_answers, make
from nextround.notebook.workbook import Workbook

PRIVATE = "I cried on the bus home"


def filled() -> dict:
    doc = new_document("w1", {"company": "Acme", "role": "Analyst"})
    doc["checkins"] = [{"id": "a", "at": "2026-06-17T20:00:00+01:00", "mood": 2, "ready": False, "note": PRIVATE}]
    doc["feedback"].update(text=f"feedback: {PRIVATE}", received_on="2026-06-20", themes=["experience"])
    doc["self_review"] = {"scores": {"rapport": 2}, "notes": {"rapport": PRIVATE}, "questions": []}
    doc["reply"]["draft"] = PRIVATE
    return doc


def test_by_default_only_progress_and_rubric_scores_are_shared() -> None:
    shared = sharing.shared_part(filled())
    assert shared["progress"][1] == "done" and shared["self_review"] == {"scores": {"rapport": 2}}
    assert PRIVATE not in json.dumps(shared)
    assert not {"checkins", "feedback", "reply", "contacts", "company"} & set(shared)


def test_a_student_can_choose_to_share_more_or_less() -> None:
    doc = filled()
    doc["sharing"] = {**doc["sharing"], "checkins": True, "rubric_scores": False, "progress": False}
    shared = sharing.shared_part(doc)
    assert shared["checkins"][0]["mood"] == 2
    assert "self_review" not in shared and "progress" not in shared


@pytest.fixture
def class_workbook(tmp_path: Path) -> Path:
    rejection = Rejection.from_mapping(ACME)
    return make(rejection, tmp_path, student_id="s-017", assignment_id="after-the-no-2026").path


def test_a_class_workbook_carries_its_ids_everywhere(class_workbook: Path) -> None:
    nb = read_json(class_workbook)
    assert nb["metadata"]["nextround"]["student_id"] == "s-017"
    assert nb["metadata"]["papermill"]["parameters"]["assignment_id"] == "after-the-no-2026"
    answers = open_answers(class_workbook).data
    assert (answers["student_id"], answers["assignment_id"]) == ("s-017", "after-the-no-2026")


def test_the_sharing_form_saves_the_choices(class_workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(class_workbook.parent)
    wb = Workbook.start(**read_json(class_workbook)["metadata"]["papermill"]["parameters"])
    form = wb.sharing()
    assert form.choices["rubric_scores"].value and not form.choices["checkins"].value
    form.choices["feedback"].value = True
    form.save_button.click()
    assert open_answers(class_workbook).data["sharing"]["feedback"] is True
    assert wb.sharing().choices["feedback"].value is True
    plain = Workbook.start(company="Acme", role="Analyst")
    assert plain.sharing() is None  # a job seeker on their own sees no sharing panel


@pytest.mark.slow
def test_each_save_also_stores_the_answers_in_the_notebook(class_workbook: Path) -> None:
    nb = nbformat.read(class_workbook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "form = wb.reply()\nform.draft.value = 'Saved from the kernel'\nform.save()"))
    NotebookClient(nb, resources={"metadata": {"path": str(class_workbook.parent)}}).execute()
    carried = embedded_answers(nb)
    assert carried is not None and carried["reply"]["draft"] == "Saved from the kernel"
    assert carried == read_json(class_workbook.with_name(class_workbook.stem + ".answers.json"))
    carriers = [c for c in nb.cells if c.cell_type == "code"
                for o in c.outputs if "application/vnd.nextround.answers+json" in o.get("data", {})]
    assert len(carriers) == 1  # one copy, updated in place, in the header's cell


@pytest.mark.slow
def test_a_job_seekers_own_notebook_carries_no_hidden_copy_of_their_answers(acme_workbook: Path) -> None:
    nb = nbformat.read(acme_workbook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("form = wb.reply()\nform.draft.value = 'x'\nform.save()"))
    NotebookClient(nb, resources={"metadata": {"path": str(acme_workbook.parent)}}).execute()
    assert embedded_answers(nb) is None
