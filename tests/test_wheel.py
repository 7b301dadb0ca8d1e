"""The package as users get it: a wheel, installed in a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import code_cells, read_json

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # builds a wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    return next(out.glob("nextround-*.whl"))


def test_the_wheel_ships_the_notebooks_templates_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ["nextround/notebooks/rejection_workbook.ipynb", "nextround/templates/en-GB/feedback_request.txt.j2",
                   "nextround/templates/en-GB/linkedin_note.txt.j2", "nextround/templates/de/feedback_request.txt.j2",
                   "nextround/templates/en-US/_letter.txt.j2", "nextround/templates/de/_letter.txt.j2",
                   "nextround/locales/de/LC_MESSAGES/guidance.mo", "nextround/locales/en_US/LC_MESSAGES/guidance.mo",
                   "nextround/schema/answers.schema.json", "nextround/cli/__init__.py", "nextround/notebook/aria.js",
                   # the compiled catalogs the interface speaks en-US and German from
                   "nextround/locales/de/LC_MESSAGES/nextround.mo", "nextround/locales/en_US/LC_MESSAGES/nextround.mo",
                   # the practice scenarios a class is dealt, one file per language
                   "nextround/classroom/data/scenarios.csv", "nextround/classroom/data/scenarios.en-US.csv",
                   "nextround/classroom/data/scenarios.de.csv"]:
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "demo/")) for n in names)


@pytest.mark.slow
def test_installed_wheel_makes_and_executes_a_workbook(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "fresh-venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                             capture_output=True, text=True, timeout=1200)
    assert install.returncode == 0, install.stderr[-3000:]
    made = subprocess.run(
        [str(bin_dir / "nextround"), "new", "--company", "Acme Analytics", "--role", "Data Analyst",
         "--rejected-on", "2026-06-17", "--contact", "Priya Shah <priya@acme.example>", "--dir", "workbooks"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert made.returncode == 0, made.stderr
    workbook = tmp_path / made.stdout.strip()
    assert workbook.exists()
    german = subprocess.run(
        [str(bin_dir / "nextround"), "--locale", "de", "status", "--dir", "workbooks"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert german.returncode == 0 and "Um ehrliches Feedback bitten" in german.stderr  # the installed catalog
    run = subprocess.run(
        [str(bin_dir / "python"), "-c", "import sys; from nextround.making.run import execute; execute(sys.argv[1])",
         str(workbook)], cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    nb = read_json(workbook)
    outputs = [o for c in code_cells(nb) for o in c["outputs"]]
    assert outputs  # it ran (a failing cell would have made execute exit non-zero, above)
    # the fresh environment imports the nextround installed from the wheel, not this checkout
    where = subprocess.run([str(bin_dir / "python"), "-c", "import nextround; print(nextround.__file__)"],
                           capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in where
