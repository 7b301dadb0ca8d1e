"""Browser fixtures: chromium through Playwright, one server per test, screenshots.

The browser tests need Debian's chromium and the Playwright package. Without
them the tests are skipped with a one-line reason, except in CI (CI=true), where
a skipped browser test would hide a broken set-up and so fails instead (as it does
for `make screenshots`). NEXTROUND_CHROMIUM names another chromium binary.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import nextround

from . import servers
from .workbook_page import WorkbookPage

CHROMIUM = os.environ.get("NEXTROUND_CHROMIUM", "/usr/bin/chromium")
# Offline and quiet: no sandbox as root, no GPU, no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
HOW_TO_INSTALL = "browser tests need chromium and playwright: apt-get install chromium; pip install playwright"
REPOSITORY = Path(__file__).resolve().parents[2]

# A fictional rejection; every address is example.org.
REJECTION = {
    "company": "Acme Analytics",
    "role": "Data Analyst",
    "interview_date": "2026-06-10",
    "rejected_on": "2026-06-17",
    "stage": "final interview",
    "contacts": ["Priya Shah <priya.shah@example.org>", "Tom Reid"],
    "your_name": "Alex Morgan",
}


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"{CHROMIUM} not found"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Chromium, driven by Playwright; skipped (failed in CI) when it is not installed."""
    reason = _missing()
    if reason:
        message = f"{HOW_TO_INSTALL} ({reason})"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the browser tests: {message}", pytrace=False)
        if os.environ.get("NEXTROUND_SCREENSHOTS") == "1":
            pytest.fail(f"`make screenshots` needs a browser: {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WorkbookPage.STEP_TIMEOUT_MS)  # its default, 5 s, is for fast machines
    with sync_playwright() as playwright:
        # UK English, like the workbook: on Linux chromium takes its language from the
        # environment (not --lang), and shows dates day first when chromium-l10n is installed.
        env = {**os.environ, "LANG": "en_GB.UTF-8", "LANGUAGE": "en_GB:en"}
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser profile, in UK English like the workbook (dates read day first)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", timezone_id="Europe/London")
    ctx.set_default_timeout(WorkbookPage.STEP_TIMEOUT_MS)
    yield ctx
    ctx.close()


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A freshly generated workbook, through the public API."""
    return nextround.new(dir=tmp_path / "workbooks", **REJECTION)


@pytest.fixture
def lab(workbook: Path, tmp_path: Path) -> Iterator[servers.Server]:
    """JupyterLab serving the workbook's folder; stopped, kernels and all, afterwards."""
    server = servers.start_lab(workbook.parent, tmp_path / "lab-home")
    yield server
    servers.stop(server)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: docs/screenshots with NEXTROUND_SCREENSHOTS=1, else a temporary folder.

    So `make test` never changes files in the repository; `make screenshots` does.
    """
    if os.environ.get("NEXTROUND_SCREENSHOTS") == "1":
        folder = REPOSITORY / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")
