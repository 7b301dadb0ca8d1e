"""Notebooks made by an earlier release keep opening, running and refilling.

`tests/data/release-0.1/` holds a workbook, its answers and a home notebook exactly
as release 0.1 wrote them (they import `nextround.session` and `nextround.home`,
the paths before the package was laid out in layers). People have such files in
their folders; a new release must run them as they are.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from conftest import code_cells, read_json, widget_values
from nextround.making.run import execute

RELEASED = Path(__file__).parent / "data" / "release-0.1"
WORKBOOK = "2026-06-17-acme-analytics-data-analyst.ipynb"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "workbooks"
    shutil.copytree(RELEASED, copy)
    return copy


def test_the_released_files_use_the_old_import_paths() -> None:
    # What makes this test worth having: if these were rewritten, it would prove nothing.
    assert "from nextround.session import Workbook" in (RELEASED / WORKBOOK).read_text(encoding="utf-8")
    assert "from nextround.home import Home" in (RELEASED / "home.ipynb").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_released_workbook_runs_and_refills_its_forms(folder: Path) -> None:
    before = (folder / WORKBOOK.replace(".ipynb", ".answers.json")).read_bytes()
    execute(folder / WORKBOOK)  # raises if any cell fails
    values = widget_values(read_json(folder / WORKBOOK))
    for expected in ["They wanted more SQL depth.", "Practise window functions.", "A fictional reply draft.",
                     "They declined", "4", "Hi Tom, a fictional note."]:
        assert expected in values, expected
    assert any("mood 4/10" in str(v) for v in values)
    # Running it read the answers and changed none of them.
    assert (folder / WORKBOOK.replace(".ipynb", ".answers.json")).read_bytes() == before


@pytest.mark.slow
def test_a_released_home_notebook_runs_and_lists_the_workbook(folder: Path) -> None:
    from nbclient import NotebookClient

    nb = nbformat.read(folder / "home.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(folder)}}).execute()
    outputs = [o for c in code_cells(nb) for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    shown = " ".join(str(m["state"].get("value", "")) for m in state.values())
    assert "Acme Analytics — Data Analyst" in shown


def test_released_answers_get_contact_ids_and_keep_every_answer_at_the_first_save(folder: Path) -> None:
    from nextround.api import open_answers

    answers_file = folder / WORKBOOK.replace(".ipynb", ".answers.json")
    before = read_json(answers_file)
    assert all("id" not in c for c in before["contacts"])  # written before contacts had ids
    open_answers(answers_file).update_contact("Tom Reid", role="Team lead")
    after = read_json(answers_file)
    assert [c["id"] for c in after["contacts"]] == ["priya-shah", "tom-reid"]
    tom = after["contacts"][1]
    assert (tom["role"], tom["linkedin_note"]) == ("Team lead", "Hi Tom, a fictional note.")
    # Upgraded to version 2 at this first save: a plan is added, every answer kept.
    assert (after["version"], after["plan"]["style"]) == (2, "combined")
    kept = ("contacts", "saved_at", "version", "plan")
    assert {k: v for k, v in after.items() if k not in kept} == {k: v for k, v in before.items() if k not in kept}


def test_a_released_workbook_reads_the_parameters_added_since_as_their_defaults(folder: Path) -> None:
    from nextround.core.progress import pending
    from nextround.making.workbook import read_parameters

    rejection, _identity = read_parameters(read_json(folder / WORKBOOK), file=WORKBOOK)
    assert (rejection.feedback_offered, rejection.reply_to) == (False, "")  # not offered, no shared mailbox
    doc = read_json(folder / WORKBOOK.replace(".ipynb", ".answers.json"))
    assert "feedback_offered" not in doc["rejection"]
    assert not [a for a in pending(doc) if "offer" in a.what]  # its plan is the one it had
