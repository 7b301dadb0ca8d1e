"""axe-core in the browser tests: the WCAG 2.1 A and AA rules, run on a page or part of one.

axe-core comes from the npm registry, installed once into a cache folder outside the
repository (NEXTROUND_AXE_DIR names another) the first time a test needs it, and
injected into the page under test as a script. Without npm, or offline, the tests
that need it are skipped with a one-line reason, except in CI (CI=true), where they
fail: a skipped accessibility check would hide a broken set-up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

#: The axe-core major version the tests are written for.
AXE_VERSION = "4"
#: The rules of WCAG 2.0 and 2.1, levels A and AA, as axe-core tags them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
INSTALL_TIMEOUT_S = 300


def _cache() -> Path:
    if os.environ.get("NEXTROUND_AXE_DIR"):
        return Path(os.environ["NEXTROUND_AXE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "nextround-tests" / f"axe-core-{AXE_VERSION}"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _cannot(reason: str) -> None:
    message = f"accessibility tests need axe-core from npm ({reason})"
    if _in_ci():
        pytest.fail(f"CI must run the accessibility tests: {message}", pytrace=False)
    pytest.skip(message)


def script() -> Path:
    """axe.min.js, installed from npm into the cache folder if it is not there yet."""
    folder = _cache()
    found = folder / "node_modules" / "axe-core" / "axe.min.js"
    if found.is_file():
        return found
    npm = shutil.which("npm")
    if npm is None:
        _cannot("npm not found: apt-get install npm")
    folder.mkdir(parents=True, exist_ok=True)
    from filelock import FileLock

    with FileLock(str(folder / ".installing.lock")):  # two test runs at once install it once
        if not found.is_file():
            done = subprocess.run(
                [str(npm), "install", "--prefix", str(folder), "--no-save", "--no-audit", "--no-fund",
                 "--loglevel=error", f"axe-core@{AXE_VERSION}"],
                capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S, check=False,
            )
            if done.returncode != 0 or not found.is_file():
                last = (done.stderr.strip().splitlines() or ["no output"])[-1]
                _cannot(f"npm install axe-core@{AXE_VERSION} failed: {last}")
    return found


def violations(page: Any, include: str | list[str] | None = None, exclude: list[str] | None = None) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe-core finds on `page` (within the `include` selectors)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(script()))
    selectors = [include] if isinstance(include, str) else include
    context: dict[str, Any] = {}
    if selectors:
        context["include"] = [[s] for s in selectors]
    if exclude:
        context["exclude"] = [[s] for s in exclude]
    result = page.evaluate(
        """async ([context, tags]) => {
            const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
            const found = await window.axe.run(Object.keys(context).length ? context : document, options);
            return found.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                targets: v.nodes.map(n => n.target.join(' ')),
                summaries: v.nodes.map(n => n.failureSummary || ''),
            }));
        }""",
        [context, WCAG_TAGS],
    )
    return list(result)


def counts(found: list[dict]) -> dict[str, int]:
    """How many elements fail each rule: {rule id: count}."""
    return {v["id"]: len(v["targets"]) for v in found}


def describe(found: list[dict], shown: int = 3) -> str:
    """The violations as lines a failing test prints: rule, impact, how many, the first targets."""
    lines = []
    for v in found:
        targets = ", ".join(v["targets"][:shown]) + (" …" if len(v["targets"]) > shown else "")
        lines.append(f"{v['id']} ({v['impact']}, {len(v['targets'])}): {v['help']} — {targets}")
    return "\n".join(lines)


def assert_none(page: Any, where: str, include: str | list[str] | None = None,
                exclude: list[str] | None = None) -> None:
    """Fail, listing each rule, its impact and where, if axe finds any WCAG 2.1 A/AA violation."""
    found = violations(page, include, exclude)
    assert not found, f"axe-core: WCAG 2.1 A/AA violations in {where}:\n{describe(found)}"
