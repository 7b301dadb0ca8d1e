"""The shipped notebook and generated workbooks, run in real kernels."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import nextround
from conftest import ACME, code_cells, read_json, widget_values
from nextround.core.parameters import PARAMETER_NAMES
from nextround.making.run import execute
from nextround.resources import notebook
from test_parameters import HOSTILE

TEMPLATE = notebook("rejection_workbook")
SECTIONS_IN_ORDER = ["Your details", "Check in first", "Your messages: one short reply first",
                     "1. Ask for honest feedback", "2. Stay professional",
                     "3. Ask for your CV to be kept on file", "4. Review your own interview", "5. Stay in touch",
                     "Look after yourself", "Keep going", "Where you are"]


def test_the_shipped_notebook_is_valid_and_keeps_papermill_conventions() -> None:
    nb = nbformat.read(TEMPLATE, as_version=4)
    nbformat.validate(nb)
    cells = code_cells(nb)
    assert "parameters" in cells[0].metadata.get("tags", [])
    for cell in cells:
        assert cell.metadata["jupyter"]["source_hidden"] is True
        first = cell.source.splitlines()[0]
        assert first.startswith("# ") and "import" not in first  # the placeholder a person sees
    for cell in cells[1:]:
        assert len(cell.source.splitlines()) <= 8  # thin cells; the logic lives in the package
    defaults: dict = {}
    exec(cells[0].source, {}, defaults)
    assert list(defaults) == [*PARAMETER_NAMES, "workbook_id", "answers_file", "student_id", "assignment_id"]
    headings = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
                if line.startswith("## ")]
    assert [h.removeprefix("## ").split(" —")[0] for h in headings] == SECTIONS_IN_ORDER


def test_a_generated_workbook_carries_its_parameters_the_papermill_way(acme_workbook: Path) -> None:
    nb = nbformat.read(acme_workbook, as_version=4)
    nbformat.validate(nb)
    tags = [c.metadata.get("tags", []) for c in code_cells(nb)]
    assert tags[0] == ["parameters"] and tags[1] == ["injected-parameters"]
    params = nb.metadata.papermill.parameters
    assert params["company"] == "Acme Analytics" and params["contacts"] == ACME["contacts"]
    assert params["answers_file"] == acme_workbook.stem + ".answers.json"
    assert nb.metadata.nextround.workbook_id == params["workbook_id"]
    assert all(c.metadata["jupyter"]["source_hidden"] for c in code_cells(nb))


@pytest.mark.slow
def test_papermill_runs_the_shipped_notebook_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out.ipynb"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("papermill")), str(TEMPLATE), str(out), "-p", "company", "Acme",
         "-p", "role", "Analyst"], capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    nb = read_json(out)  # a cell that failed would have made papermill exit non-zero, above
    views = [o for c in code_cells(nb) for o in c["outputs"]
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    # header, your details, check-in, the message plan, 5 step forms, company, looking after yourself,
    # keeping going, summary (no sharing: not a class)
    assert len(views) == 13
    assert any("Analyst at Acme" in str(v) for v in widget_values(nb))
    assert not list(tmp_path.glob("*.answers.json"))  # running writes nothing; only Save does


@pytest.mark.slow
def test_saved_answers_refill_every_form_in_a_fresh_kernel(acme_workbook: Path) -> None:
    a = nextround.open_answers(acme_workbook)
    a.add_checkin(4, ready=False, emotions=["sad"], note="my note")
    a.update("feedback", text="They wanted more SQL depth.", takeaways="Practise window functions.")
    a.update("reply", draft="My own reply draft.")
    a.update("cv_on_file", status="declined")
    a.score("preparation", 4)
    a.update_contact("Tom Reid", linkedin_note="Hi Tom, my own note.")
    a.update("company", vacancy_watch={"careers_page": "https://jobs.example.org", "keywords": ["analyst"]})
    execute(acme_workbook)  # raises if any cell fails
    nb = read_json(acme_workbook)
    values = widget_values(nb)
    for expected in ["They wanted more SQL depth.", "Practise window functions.", "My own reply draft.",
                     "They declined", "4", "Hi Tom, my own note.", "https://jobs.example.org", "analyst"]:
        assert expected in values, expected
    assert any("mood 4/10" in str(v) for v in values)
    assert any("hold off sending" in str(v) for v in values)
    assert any("steps done" in str(v) for v in values)


@pytest.mark.slow
def test_hostile_parameters_stay_inert_in_a_real_kernel(tmp_path: Path) -> None:
    path = nextround.new(company=HOSTILE[3], role=HOSTILE[2], stage=HOSTILE[7], dir=tmp_path,
                         contacts=[f"{HOSTILE[6]} <x@example.org>"], your_name=HOSTILE[4], rejected_on="2026-06-17")
    execute(path)
    assert not (tmp_path / "pwned").exists()
    nb = read_json(path)
    header = next(v for v in widget_values(nb) if isinstance(v, str) and "Company" in v)
    # Shown as the words they are, escaped (however the quotes are spelled as entities).
    assert "\"; import os; os.system('touch pwned') #" in html.unescape(header)
    assert "os.system('touch pwned')" not in header
    kernel_saw = json.loads(subprocess.run(
        [sys.executable, "-c", "import json,sys; ns={}; exec(sys.stdin.read(), ns); "
         "print(json.dumps({k: ns[k] for k in ('company','role','stage','contacts','your_name')}))"],
        input="".join(next(c["source"] for c in code_cells(nb) if "injected-parameters" in c["metadata"].get("tags", []))),
        capture_output=True, text=True, check=True).stdout)
    assert kernel_saw == {"company": HOSTILE[3], "role": HOSTILE[2], "stage": HOSTILE[7],
                          "contacts": [f"{HOSTILE[6]} <x@example.org>"], "your_name": HOSTILE[4]}


@pytest.mark.slow
def test_a_misspelt_papermill_parameter_stops_the_run_with_a_suggestion(tmp_path: Path) -> None:
    import papermill

    with pytest.raises(papermill.PapermillExecutionError) as caught:
        papermill.execute_notebook(str(TEMPLATE), str(tmp_path / "out.ipynb"), progress_bar=False,
                                   parameters={"company": "Acme", "role": "Analyst", "compnay": "Acme"})
    assert caught.value.evalue == "compnay: unknown parameter; did you mean 'company'?"
    assert caught.value.ename == "ParameterError"


def test_workbooks_record_nothing_about_the_machine_they_were_made_on(tmp_path: Path) -> None:
    """A workbook is shared (a mentor, a class): its metadata names no folder, so no home and no user."""
    import getpass
    import socket

    from nextround.classroom import generate as classroom
    from nextround.making.batch import generate
    from nextround.notebook.home import init
    from nextround.resources import notebook as shipped

    folder = tmp_path / "Alex's job hunt"
    made = [nextround.new(dir=folder, **ACME)]
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text("company,role\nBorealis Energy,Analyst\n", encoding="utf-8")
    made += [row.path for row in generate(csv_file, folder).made]
    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\ns1,Sam Lee\n", encoding="utf-8")
    classroom.generate(roster, tmp_path / "course", assignment_id="after-the-no")
    made += sorted((tmp_path / "course").rglob("*.ipynb"))
    made.append(init(folder)[0])
    assert len(made) == 4

    machine = {str(tmp_path), str(Path.home()), str(shipped("rejection_workbook").parent), socket.gethostname()}
    user = getpass.getuser()
    for path in made:
        metadata = read_json(path)["metadata"]
        texts = [v for v in _leaves(metadata) if isinstance(v, str)]
        assert texts, path
        for text in texts:
            assert "/" not in text and "\\" not in text, (path.name, text)
            assert not any(m in text for m in machine), (path.name, text)
            assert user not in text.split(), (path.name, text)
    papermill = read_json(made[0])["metadata"]["papermill"]
    assert papermill["input_path"] == "rejection_workbook.ipynb" and papermill["output_path"] == made[0].name


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for key, v in value.items() for leaf in [key, *_leaves(v)]]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]
