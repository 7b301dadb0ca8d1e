"""Shared fixtures: real files in a temporary folder, real workbooks, real kernels."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nextround
from nextround.core import i18n

# The tests read what nextround says in its source language, en-GB, whatever the
# machine's own language: the locale variables are set here, for every process the
# tests start too (kernels, the CLI). Tests of other languages set them themselves.
for _variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _speaks_en_gb() -> object:
    """Every test starts in en-GB, and a test that speaks another language leaves none behind."""
    token = i18n._current.set(i18n.DEFAULT)
    yield
    i18n._current.reset(token)


# Notebooks kept as data (a released workbook, hostile files) are read by the tests,
# never collected and run as tests themselves.
collect_ignore_glob = ["data/*"]

ACME = {
    "company": "Acme Analytics",
    "role": "Data Analyst",
    "interview_date": "2026-06-10",
    "rejected_on": "2026-06-17",
    "stage": "final interview",
    "contacts": ["Priya Shah <priya@acme.example>", "Tom Reid"],
}


@pytest.fixture
def acme_workbook(tmp_path: Path) -> Path:
    """A fresh workbook for the Acme rejection, made through the public API."""
    return nextround.new(dir=tmp_path / "workbooks", **ACME)


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb: dict) -> list[dict]:
    """A notebook's code cells (a notebook as JSON or as an nbformat node)."""
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def widget_values(nb: dict) -> list:
    """What every widget shows, from the widget state saved with an executed notebook."""
    state = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    shown = []
    for model in state.values():
        s = model["state"]
        if isinstance(s.get("index"), int):  # a choice: the label of the chosen option
            shown.append(s["_options_labels"][s["index"]])
        else:
            shown.append(s.get("value"))
    return shown


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """The real `nextround` command, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "nextround", *args],
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


def heavy_imports(*calls: list[str], heavy: set[str]) -> list[str]:
    """Which of `heavy` a fresh interpreter has imported after running `nextround` with
    each list of arguments in `calls`, in process, one after another (what it prints is
    set aside; a non-zero exit fails the test)."""
    runs = "".join(
        "try:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        main({args!r})\n"
        "except SystemExit as exc:\n"
        "    if exc.code not in (0, None):\n"
        "        raise\n"
        for args in calls
    )
    code = (
        "import sys, contextlib, io\n"
        "from nextround.cli import main\n"
        f"{runs}"
        f"print(sorted({sorted(heavy)!r} & sys.modules.keys()))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])

