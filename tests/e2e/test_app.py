"""`nextround app WORKBOOK`: the workbook as a form-only web app (Voilà), in a real browser."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nextround import cli

from . import flow, servers
from .workbook_page import WorkbookPage


@pytest.fixture
def app(workbook: Path, tmp_path: Path) -> Iterator[servers.Server]:
    """`nextround app` serving the workbook; stopped, kernels and all, afterwards."""
    server = servers.start_app(workbook, tmp_path / "app-home")
    yield server
    servers.stop(server)


@pytest.mark.slow
def test_the_app_shows_only_forms_and_saves_to_the_workbooks_answers_file(
    context: Any, app: servers.Server, workbook: Path, screenshots: Path
) -> None:
    assert app.url.startswith("http://127.0.0.1:")  # printed, and on this machine only
    tab = WorkbookPage.in_app(context, app.url)
    page_text = tab.page.locator("body").inner_text()
    for code in ("Workbook.from_namespace", "wb.checkin()", "answers_file =", "Traceback"):
        assert code not in page_text
    assert "Run All Cells" not in page_text  # JupyterLab's instructions are left out
    tab.page.screenshot(path=str(screenshots / "app.png"))

    flow.fill_every_form(tab)
    doc = flow.check_answers_file(workbook)  # the file JupyterLab uses, beside the workbook

    tab.reload()  # a new visit runs the workbook again in a new kernel
    tab.wait_for_forms()
    flow.check_every_form_shows(tab, doc)


@pytest.mark.slow
def test_ctrl_c_stops_the_app_and_its_kernel_without_a_traceback(
    context: Any, app: servers.Server
) -> None:
    WorkbookPage.in_app(context, app.url)
    kernels = servers.kernels_of(app)
    assert kernels  # the page is running the workbook
    code = servers.interrupt(app)
    assert code in (0, 130)
    said = app.log_tail(100_000)
    assert "Traceback" not in said and "Stopped." in said
    assert servers.still_running(kernels) == []


def test_without_voila_the_app_says_in_one_line_how_to_install_it(
    workbook: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "voila", None)  # as if it were not installed
    assert cli.main(["app", str(workbook)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'pip install "nextround[app]"' in err


def test_the_app_names_a_workbook_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.ipynb"
    assert cli.main(["app", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(missing) in err and "no such workbook" in err


@pytest.mark.slow
def test_leaving_the_page_with_unsaved_edits_asks_first(context: Any, app: servers.Server) -> None:
    tab = WorkbookPage.in_app(context, app.url)
    asked: list[str] = []
    tab.page.on("dialog", lambda dialog: asked.append(dialog.type))
    tab.reload()  # nothing typed yet: no question
    tab.wait_for_forms()
    assert asked == []
    tab.fill("reply-draft", "Thank you for letting me know.")
    tab.part("reply-status").get_by_text("Unsaved changes").wait_for()
    tab.reload()
    assert asked == ["beforeunload"]
