"""`nextround app` trusts nothing in the workbook it is given but its parameters, read as data.

A workbook is a file people send each other. The app serves the shipped notebook
with that file's parameters, from a private folder that holds nothing else; it serves
no file; and it keeps at most a few kernels, one per open page. The slow tests start
the real command and talk to it over HTTP on 127.0.0.1 (no browser needed).
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import nextround
from conftest import ACME, code_cells, read_json, run_cli
from e2e import servers
from nextround.core.parameters import Rejection
from nextround.making.workbook import inject, load_template
from nextround.notebook import app


def tamper(workbook: Path, marker: Path) -> None:
    """What a stranger could send: the workbook with code of theirs, added and swapped in."""
    nb = read_json(workbook)
    evil = f"open({str(marker)!r}, 'w').write('ran')\n"
    nb["cells"].insert(2, {"cell_type": "code", "execution_count": None, "id": "extra", "metadata": {},
                           "outputs": [], "source": [evil]})
    checkin = next(c for c in code_cells(nb) if "wb.checkin()" in "".join(c["source"]))
    checkin["source"] = ["# Your check-in\n", evil, "wb.checkin()"]
    workbook.write_text(json.dumps(nb), encoding="utf-8")


@pytest.fixture
def tampered(tmp_path: Path) -> Path:
    workbook = nextround.new(dir=tmp_path / "sent to me", **ACME)
    tamper(workbook, tmp_path / "MARKER")
    return workbook


def test_the_served_notebook_has_the_shipped_code_and_the_files_parameters(tampered: Path) -> None:
    served = app.served_notebook(tampered)
    workbook_id = read_json(tampered)["metadata"]["papermill"]["parameters"]["workbook_id"]
    expected = {**Rejection.from_mapping(ACME).to_parameters(), "workbook_id": workbook_id,
                "answers_file": str(tampered.with_name(tampered.stem + ".answers.json"))}
    shipped = inject(load_template(), expected, metadata={})
    assert [c["source"] for c in code_cells(served)] == [c["source"] for c in code_cells(shipped)]
    assert "MARKER" not in json.dumps(served)
    injected = "".join(code_cells(served)[1]["source"])
    assert "company = 'Acme Analytics'" in injected
    assert f"answers_file = {str(tampered.parent / (tampered.stem + '.answers.json'))!r}" in injected


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, "(has no nextround parameters)"),
        ({"cells": [], "metadata": {"nextround": {}, "papermill": {"parameters": {"company": "Acme"}}},
          "nbformat": 4, "nbformat_minor": 5}, "(role: is required)"),
        ({"cells": [], "metadata": {"nextround": {}, "papermill": {"parameters": {
            "company": "Acme", "role": "Analyst", "answers_file": "../../elsewhere.answers.json"}}},
          "nbformat": 4, "nbformat_minor": 5}, "(answers_file: must be a file name ending in .answers.json)"),
        ({"cells": [], "metadata": {"nextround": {}, "papermill": {"parameters": {
            "company": "Acme", "role": "Analyst", "__import__": "os"}}},
          "nbformat": 4, "nbformat_minor": 5}, "(__import__: unknown parameter"),
        ("not JSON at all", "(it is not a notebook file)"),
    ],
)
def test_a_notebook_that_is_not_ours_is_refused_in_one_line(tmp_path: Path, content: object, reason: str) -> None:
    path = tmp_path / "someone-elses.ipynb"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    result = run_cli("app", str(path), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"nextround: error: {path}: is not a nextround workbook, "
                                    f"and the app serves only those {reason}")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("port", ["70000", "65536"])
def test_a_port_that_cannot_be_is_one_line(acme_workbook: Path, port: str) -> None:
    result = run_cli("app", str(acme_workbook), "--port", port)
    assert result.returncode == 1
    assert result.stderr == f"nextround: error: {port} is not a port number; choose one from 1024 to 65535 with --port\n"


# --- the real command, over HTTP --------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[servers.Server, Path]]:
    """`nextround app` serving a tampered workbook, with a private file and a picture beside it."""
    home = tmp_path_factory.mktemp("app")
    workbook = nextround.new(dir=home / "sent to me", **ACME)
    tamper(workbook, home / "MARKER")
    (workbook.parent / "diary.png").write_bytes(b"\x89PNG\r\n\x1a\n private")
    (workbook.parent / "notes.txt").write_text("private", encoding="utf-8")
    server = servers.start_app(workbook, home / "jupyter")
    yield server, workbook
    servers.stop(server)


def kernels(server: servers.Server) -> list:
    return [p for p in servers.kernels_of(server) if "ipykernel" in " ".join(p.cmdline())]


def base(server: servers.Server) -> str:
    return server.url.split("?")[0].rstrip("/")


def fetch(url: str, opener: urllib.request.OpenerDirector | None = None, data: bytes | None = None) -> tuple[int, str]:
    try:
        with (opener or urllib.request.build_opener()).open(url, data=data, timeout=120) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


@pytest.mark.slow
def test_the_app_never_runs_code_added_to_the_workbook(served: tuple[servers.Server, Path]) -> None:
    server, workbook = served
    status, page = fetch(server.url)
    assert status == 200 and "Check in first" in page and "Traceback" not in page
    assert page.count("application/vnd.jupyter.widget-view+json") >= 8  # every form ran
    assert not (workbook.parent.parent / "MARKER").exists()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["diary.png", "notes.txt", "2026-06-17-acme-analytics-data-analyst.answers.json",
                                  "2026-06-17-acme-analytics-data-analyst.ipynb", "../sent%20to%20me/diary.png"])
def test_no_file_beside_the_workbook_can_be_fetched(served: tuple[servers.Server, Path], name: str) -> None:
    server, _ = served
    token = urllib.parse.urlsplit(server.url).query
    for url in (f"{base(server)}/voila/files/{name}", f"{base(server)}/voila/files/{name}?{token}",
                f"{base(server)}/{name}?{token}"):  # the last redirects to /voila/files/
        status, body = fetch(url)
        assert "private" not in body, url  # what each of the files holds
        assert status in (403, 404) or "/login" in body, url  # a path out of the folder meets the login page


@pytest.mark.slow
def test_a_page_that_goes_shuts_its_kernel_down(served: tuple[servers.Server, Path]) -> None:
    server, _ = served
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, page = fetch(server.url, browser)
    assert status == 200
    kernel_id = re.search(r'"kernelId": "([0-9a-f-]{36})"', page)[1]
    assert any(kernel_id in " ".join(p.cmdline()) for p in kernels(server))
    # What the page sends as it goes (its beforeunload beacon): the _xsrf cookie's value.
    xsrf = next((c.value for c in jar if c.name == "_xsrf"), "")
    status, _ = fetch(f"{base(server)}/voila/api/shutdown/{kernel_id}", browser,
                      data=urllib.parse.urlencode({"_xsrf": xsrf}).encode())
    assert status == 204
    deadline = time.monotonic() + 30
    while any(kernel_id in " ".join(p.cmdline()) for p in kernels(server)):
        assert time.monotonic() < deadline, "the page's kernel is still running"
        time.sleep(0.5)


@pytest.mark.slow
def test_page_loads_never_hold_more_kernels_than_the_ceiling(served: tuple[servers.Server, Path]) -> None:
    server, _ = served
    before, served_pages = len(kernels(server)), 0
    for _ in range(app.MAX_KERNELS + 4):  # pages loaded and left, as by reloading again and again
        status, page = fetch(server.url)
        assert status in (200, 503), page
        served_pages += status == 200
        if status == 503:
            assert app.TOO_MANY_PAGES.format(count=app.MAX_KERNELS) in page and "Traceback" not in page
        assert len(kernels(server)) <= app.MAX_KERNELS
    assert served_pages >= app.MAX_KERNELS - before  # every free place was given to a page
    time.sleep(app.CONNECT_GRACE_S + 1)  # the pages left behind never connected: they make room
    status, _ = fetch(server.url)
    assert status == 200 and len(kernels(server)) <= app.MAX_KERNELS
