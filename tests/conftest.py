"""Shared fixtures: real files in a temporary folder, real workbooks, real kernels."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import nextround

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
