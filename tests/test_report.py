"""`report` and `export`: the dashboard as an offline HTML page, and the tables as files."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import known_folder as kf
from conftest import code_cells, run_cli

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '<script>alert("gotcha")</script> & Co'
# nbconvert re-serialises HTML outputs, so quotes inside text may come back unescaped
# (harmless there); the angle brackets and the ampersand must not.
ESCAPED = re.compile(r"&lt;script&gt;alert\((&quot;|\")gotcha(&quot;|\")\)&lt;/script&gt; &amp; Co")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report of the known folder, with a hostile company name in it, made by the CLI."""
    folder = kf.make(tmp_path_factory.mktemp("workbooks"))
    borealis = kf.borealis()
    borealis["rejection"]["company"] = HOSTILE
    kf.write(folder, kf.BOREALIS, borealis)
    kf.write(folder, "broken", "{")
    out = folder.parent / "report.html"
    result = run_cli("report", "-o", str(out), "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    return out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_report_has_no_code_and_no_prompts(report: str) -> None:
    for code in ("dashboard.read(", "dashboard.funnel(journal)", "from nextround", 'folder = "."'):
        assert code not in report
    assert not re.search(r"In\s*\[\d*\]", report)


@pytest.mark.slow
def test_report_escapes_what_people_wrote(report: str) -> None:
    assert HOSTILE not in report and "<script>alert" not in report
    assert ESCAPED.search(report)  # shown, as text, where the due list names the company


@pytest.mark.slow
def test_report_embeds_its_plots_and_needs_nothing_from_the_web(report: str) -> None:
    assert len(re.findall(r'<img alt="[^"]+" src="data:image/png;base64,', report)) == 5
    assert "<script" not in report
    assert not re.search(r'<link[^>]+href="(https?:)?//', report)


@pytest.mark.slow
def test_report_shows_the_known_counts_and_names_the_unreadable_file(report: str) -> None:
    def tile(count: int, label: str) -> bool:
        return f'<div style="font-size:1.6em;font-weight:600">{count}</div><div>{label}</div>' in report

    assert tile(3, "rejections") and tile(5, "steps done") and tile(3, "check-ins")
    assert tile(1, "piece of feedback") and tile(2, "people met") and tile(0, "workbooks finished")
    assert "<li>broken.answers.json: is not valid JSON" in report  # its name, not where it lives
    assert "<b>1 of 2 questions practised</b>" in report  # the practice panel


@pytest.mark.slow
def test_report_of_an_empty_folder_is_friendly(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli("report", "-o", str(out), "--dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "No workbooks here yet." in page
    assert "Your mood curve appears here after your first check-in" in page
    assert "Traceback" not in page
    assert set(re.findall(r'data-mime-type="([^"]+)"', page)) == {"text/html", "text/markdown"}  # no error output


@pytest.mark.parametrize("name", ["journey", "home", "class_report"])
def test_shipped_dashboards_keep_their_code_hidden_and_thin(name: str) -> None:
    nb = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in code_cells(nb):
        lines = "".join(cell["source"]).splitlines()
        assert cell["metadata"]["jupyter"]["source_hidden"] is True
        assert lines[0].startswith("# ") and "import" not in lines[0]  # the line JupyterLab shows
        calls = [line for line in lines[1:] if "(" in line]
        assert len(calls) <= 1, lines  # one call each: the logic lives in the package
    if name != "home":
        assert any("parameters" in c["metadata"].get("tags", []) for c in nb["cells"])


def test_report_of_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    result = run_cli("report", "-o", "report.html", "--dir", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "nextround: error: nowhere: is not a folder of workbooks"
    assert not (tmp_path / "report.html").exists()


def test_export_csv_writes_every_table(tmp_path: Path) -> None:
    folder = kf.make(tmp_path / "workbooks")
    # Priya accepted the LinkedIn request, so her reminder to get back in touch does not
    # lapse (as it would for someone who never answered): the count holds on any day.
    acme = kf.acme()
    acme["contacts"][0]["linkedin_accepted_on"] = "2026-06-20"
    kf.write(folder, kf.ACME, acme)
    result = run_cli("export", "-o", str(tmp_path / "tables"), "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    names = ["rejections", "checkins", "feedback", "self_review", "questions", "contacts", "actions"]
    assert result.stdout.splitlines() == [str(tmp_path / "tables" / f"{n}.csv") for n in names]
    with open(tmp_path / "tables" / "checkins.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["workbook_id"], r["at"], r["mood"], r["emotions"], r["ready"]) for r in rows] == [
        ("wb-acme", "2026-06-17 20:00:00", "3", "disappointed; angry", "False"),
        ("wb-acme", "2026-06-19 09:30:00", "6", "calm", "True"),
        ("wb-borealis", "2026-06-28 18:00:00", "5", "", "True"),
    ]
    with open(tmp_path / "tables" / "actions.csv", encoding="utf-8", newline="") as f:
        actions = list(csv.DictReader(f))
    assert len(actions) == 13
    tom = [a for a in actions if a["contact"] == "Tom Reid" and a["what"] == "Send a LinkedIn connection request"]
    assert (tom[0]["due"], tom[0]["done_on"], tom[0]["done"], tom[0]["waiting"]) == ("2026-06-24", "", "False", "False")


def test_export_csv_defuses_text_that_a_spreadsheet_would_run_as_a_formula(tmp_path: Path) -> None:
    folder = kf.make(tmp_path / "workbooks")
    acme = kf.acme()
    acme["checkins"][0]["note"] = '=HYPERLINK("https://example.org","click")'
    kf.write(folder, kf.ACME, acme)
    assert run_cli("export", "-o", str(tmp_path / "t"), "--dir", str(folder)).returncode == 0
    with open(tmp_path / "t" / "checkins.csv", encoding="utf-8", newline="") as f:
        notes = [r["note"] for r in csv.DictReader(f)]
    assert notes[0] == '\'=HYPERLINK("https://example.org","click")'


def test_export_xlsx_keeps_dates_as_dates_and_formulas_as_text(tmp_path: Path) -> None:
    import openpyxl

    folder = kf.make(tmp_path / "workbooks")
    acme = kf.acme()
    acme["checkins"][0]["note"] = '=HYPERLINK("https://example.org","click")'
    kf.write(folder, kf.ACME, acme)
    result = run_cli("export", "--format", "xlsx", "-o", str(tmp_path / "out"), "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(tmp_path / "out" / "journal.xlsx")
    assert book.sheetnames == ["rejections", "checkins", "feedback", "self_review", "questions", "contacts", "actions"]
    rejections = list(book["rejections"].values)
    assert rejections[0][:4] == ("workbook_id", "workbook", "company", "role")
    assert [r[2] for r in rejections[1:]] == ["Acme Analytics", "Borealis Bank", None]
    assert rejections[1][6].date().isoformat() == "2026-06-17"  # a real date, not text
    note = book["checkins"]["G2"]
    assert note.value == '=HYPERLINK("https://example.org","click")' and note.data_type == "s"


def test_export_xlsx_without_openpyxl_says_what_to_install(tmp_path: Path) -> None:
    kf.make(tmp_path)
    code = (
        "import sys; sys.modules['openpyxl'] = None\n"  # as if it were not installed
        "from nextround.cli import main\n"
        f"sys.exit(main(['export', '--format', 'xlsx', '-o', 'out', '--dir', {str(tmp_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        'nextround: error: writing .xlsx needs openpyxl: pip install "nextround[xlsx]" (or use --format csv)')
    assert not (tmp_path / "out").exists()


def test_one_check_in_draws_on_a_week_not_on_years(tmp_path: Path) -> None:
    # With a single check-in, matplotlib's automatic axis spans years; a person sees one dot in a week.
    from nextround.journal import dashboard

    folder = tmp_path / "workbooks"
    kf.write(folder, kf.BOREALIS, kf.borealis())  # one check-in, on 28 June
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    drawn: list = []
    original = Figure.savefig

    def keep(fig, *args, **kwargs):  # the real figure, as drawn, before it becomes a PNG
        drawn.append(fig.axes[0].get_xlim())
        return original(fig, *args, **kwargs)

    Figure.savefig = keep
    try:
        dashboard.mood(dashboard.read(folder, "2026-07-01"))
    finally:
        Figure.savefig = original
    low, high = (mdates.num2date(x).date() for x in drawn[0])
    assert (high - low).days <= 7
