"""The home notebook: `init` writes it (never over a person's changes), and it works when run."""

from __future__ import annotations

import html
import json
from datetime import date, timedelta
from pathlib import Path

import nbformat
import pytest

import known_folder as kf
from conftest import code_cells, read_json, run_cli
from nextround.notebook.home import Home, cells_fingerprint

ROOT = Path(__file__).resolve().parent.parent


def test_init_writes_home_and_is_a_no_op_the_second_time(tmp_path: Path) -> None:
    result = run_cli("init", "--dir", "jobs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    home = tmp_path / "jobs" / "home.ipynb"
    assert result.stdout.strip() == "jobs/home.ipynb"
    nb = nbformat.read(home, as_version=4)
    nbformat.validate(nb)
    shipped = read_json(ROOT / "notebooks" / "home.ipynb")
    assert [c["source"] for c in read_json(home)["cells"]] == [c["source"] for c in shipped["cells"]]
    assert nb.metadata["nextround"]["cells_sha256"] == cells_fingerprint(read_json(home))
    before = home.read_bytes()
    again = run_cli("init", "--dir", "jobs", cwd=tmp_path)
    assert again.returncode == 0 and "already up to date" in again.stderr
    assert home.read_bytes() == before


def test_running_home_is_not_a_change_but_editing_it_is(tmp_path: Path) -> None:
    assert run_cli("init", "--dir", str(tmp_path)).returncode == 0
    home = tmp_path / "home.ipynb"
    nb = read_json(home)
    # Running it adds outputs and execution counts: still ours, kept as it is.
    nb["cells"][1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hello"}]
    nb["cells"][1]["execution_count"] = 1
    home.write_text(json.dumps(nb), encoding="utf-8")
    ran = home.read_bytes()
    assert run_cli("init", "--dir", str(tmp_path)).returncode == 0
    assert home.read_bytes() == ran
    # Editing a cell makes it the person's own: refused, and left untouched.
    nb["cells"][0]["source"] = "# My own home page\n"
    home.write_text(json.dumps(nb), encoding="utf-8")
    edited = home.read_bytes()
    result = run_cli("init", "--dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"nextround: error: {home}: has changes of your own, so it was left untouched; "
        "rename it to get a fresh home notebook")
    assert home.read_bytes() == edited


def test_an_unchanged_older_home_is_updated(tmp_path: Path) -> None:
    assert run_cli("init", "--dir", str(tmp_path)).returncode == 0
    home = tmp_path / "home.ipynb"
    nb = read_json(home)
    nb["cells"][0]["source"] = "# An older welcome\n"  # as an earlier nextround wrote it
    nb["metadata"]["nextround"]["cells_sha256"] = cells_fingerprint(nb)
    home.write_text(json.dumps(nb), encoding="utf-8")
    result = run_cli("init", "--dir", str(tmp_path))
    assert result.returncode == 0 and "updated" in result.stderr
    shipped = read_json(ROOT / "notebooks" / "home.ipynb")
    assert read_json(home)["cells"][0]["source"] == shipped["cells"][0]["source"]


def test_a_home_notebook_nextround_did_not_write_is_left_alone(tmp_path: Path) -> None:
    home = tmp_path / "home.ipynb"
    home.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8")
    result = run_cli("init", "--dir", str(tmp_path))
    assert result.returncode == 1 and "was not written by nextround init" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(home.read_text()) == {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_new_mentions_home_only_where_there_is_none(tmp_path: Path) -> None:
    args = ["new", "--company", "Acme", "--role", "Analyst", "--dir", "jobs"]
    first = run_cli(*args, cwd=tmp_path)
    assert first.returncode == 0
    assert "nextround init --dir jobs" in first.stderr and "home.ipynb" in first.stderr
    assert run_cli("init", "--dir", "jobs", cwd=tmp_path).returncode == 0
    second = run_cli("new", "--company", "Borealis", "--role", "Analyst", "--dir", "jobs", cwd=tmp_path)
    assert second.returncode == 0 and "home.ipynb" not in second.stderr


def test_the_form_makes_a_workbook_with_a_link_and_refreshes_the_list(tmp_path: Path) -> None:
    today = date.today()  # the workbook is made today, so its plan starts today
    home = Home(tmp_path, today=today)
    form, listing, due = home.new_form(), home.workbooks(), home.due()
    assert "No workbooks yet" in listing.value
    fields = form.fields
    fields["company"].value = "Cobalt Health"
    fields["role"].value = "Data Analyst"
    fields["interview_date"].value = today - timedelta(days=7)
    fields["contacts"].value = "Ana Costa <ana@example.org>\n\nSam Okafor\n"
    form.button.click()
    made = tmp_path / f"{today.isoformat()}-cobalt-health-data-analyst.ipynb"
    assert made.exists()
    assert f'<a href="{made.name}">' in form.result.value
    answers = read_json(made.with_name(made.stem + ".answers.json"))
    assert [c["name"] for c in answers["rejection"]["contacts"]] == ["Ana Costa", "Sam Okafor"]
    assert "Cobalt Health — Data Analyst" in listing.value and f'href="{made.name}"' in listing.value
    assert "Send one short reply: thanks, a request for feedback, and your CV kept on file (Ana Costa)" in due.value
    assert fields["company"].value == ""  # ready for the next one


@pytest.mark.parametrize(("field", "value", "message"), [
    ("company", " ", "Company: is required"),
    ("interview_date", date(2026, 7, 9), "Heard back on: 2026-07-01 is before the interview on 2026-07-09"),
    ("contacts", "Priya <priya-at-example>", "People you met: 'priya-at-example' is not an email address"),
    ("careers_page", "jobs page", "Careers page: 'jobs page' is not a web address"),
])
def test_the_form_checks_like_new_and_makes_nothing_when_wrong(
        tmp_path: Path, field: str, value: object, message: str) -> None:
    form = Home(tmp_path, today=date(2026, 7, 1)).new_form()
    form.fields["company"].value, form.fields["role"].value = "Acme", "Analyst"
    form.fields[field].value = value
    form.button.click()
    assert message in html.unescape(form.result.value)
    assert not list(tmp_path.glob("*.ipynb"))


EMAILS = Path(__file__).resolve().parent / "data" / "emails"


def test_pasting_the_email_fills_the_form_for_checking_before_anything_is_made(tmp_path: Path) -> None:
    home = Home(tmp_path, today=date(2026, 6, 1))
    form = home.new_form()
    form.fields["your_name"].value = "Nina"  # typed by the person: the email leaves it be
    form.paste.value = (EMAILS / "007.eml").read_text(encoding="utf-8")
    form.fill.click()
    values = {name: widget.value for name, widget in form.fields.items()}
    assert values == {
        "company": "Wingtip Toys", "role": "Senior Product Designer", "interview_date": None,
        "rejected_on": date(2026, 1, 30), "stage": "final interview",
        "contacts": "Marcus Webb <marcus.webb@wingtiptoys.example>", "feedback_offered": True, "reply_to": "",
        "your_name": "Nina", "careers_page": ""}
    note = html.unescape(form.note.value)
    assert "Check each field before you make the workbook" in note
    assert "company: Wingtip Toys, from the signature" in note
    assert not list(tmp_path.glob("*.ipynb"))  # filled in, not made: the person checks first
    form.fields["stage"].value = "second interview"  # and corrects what the email got wrong
    form.button.click()
    made = tmp_path / "2026-01-30-wingtip-toys-senior-product-designer.ipynb"
    assert made.exists(), html.unescape(form.result.value)
    rejection = read_json(made.with_name(made.stem + ".answers.json"))["rejection"]
    assert (rejection["stage"], rejection["feedback_offered"]) == ("second interview", True)
    assert form.paste.value == "" and form.fields["feedback_offered"].value is False  # ready for the next one


def test_a_paste_that_is_no_email_says_so_and_fills_nothing(tmp_path: Path) -> None:
    form = Home(tmp_path, today=date(2026, 6, 1)).new_form()
    form.fill.click()
    assert "Paste the email into the box first" in form.note.value
    form.paste.value = "Unfortunately we won't be taking your application further."
    form.fill.click()
    assert "not found: company, role" in html.unescape(form.note.value)
    assert form.fields["company"].value == ""
    form.paste.value = "x" * (6 * 1024 * 1024)
    form.fill.click()
    assert "The pasted email: is too big to be an email" in html.unescape(form.note.value)


def test_the_list_escapes_names_and_marks_progress(tmp_path: Path) -> None:
    acme = kf.acme()
    acme["rejection"]["company"] = "<b>Acme</b>"
    kf.write(tmp_path, kf.ACME, acme)
    page = Home(tmp_path, today=kf.TODAY).workbooks_html()
    assert "&lt;b&gt;Acme&lt;/b&gt; — Data Analyst" in page and "<b>Acme</b>" not in page
    assert "● ● ● ● ◐" in page and "4 of 5 done" in page


@pytest.mark.slow
def test_home_notebook_runs_in_a_kernel_and_shows_the_workbooks(tmp_path: Path) -> None:
    from nbclient import NotebookClient

    kf.make(tmp_path)
    assert run_cli("init", "--dir", str(tmp_path)).returncode == 0
    nb = nbformat.read(tmp_path / "home.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in code_cells(nb) for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 3  # the form, the list and what is due
    # The widgets' state is saved in the notebook, as JupyterLab would save it.
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    listing = state[views[1]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]]["state"]["value"]
    assert "Acme Analytics — Data Analyst" in listing and "Borealis Bank — Product Designer" in listing
    assert all(c.metadata.get("jupyter", {}).get("source_hidden") for c in code_cells(nb))
