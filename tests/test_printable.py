"""Text that leaves nextround for a terminal or a spreadsheet: no control characters, no formulas.

Whatever a person pasted (a vertical tab from Word, a NUL, an escape sequence) stays
in their answers file as it is; where it leaves — status and due lines, the CSV and
Excel exports, the class progress CSV, one-line errors — it is cleaned by one helper,
`core.printable`, and no error ever repeats a person's words.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import known_folder as kf
from conftest import run_cli
from nextround.core.printable import clean, spreadsheet_cell

PRIVATE = "PRIVATE-WORDS-4b1e"
NOT_TEXT = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("text, line, cell", [
    ("plain words", "plain words", "plain words"),
    ("Nul\x00 and bell\x07", "Nul and bell", "Nul and bell"),
    ("\x1b[2J\x1b[31mred", "[2J[31mred", "[2J[31mred"),
    ("one\ntwo\r\nthree\x0bfour\x0cfive", "one two  three four five", "one\ntwo\nthree\nfour\nfive"),
    ("tab\there", "tab here", "tab\there"),
    ("ab\u202ecba", "abcba", "abcba"),
    ("half \ud800 pair", "half \ufffd pair", "half \ufffd pair"),
    ("C1\x85next\x9b", "C1 next", "C1\nnext"),
])
def test_clean_keeps_the_text_and_drops_what_is_not(text: str, line: str, cell: str) -> None:
    assert clean(text) == line
    assert clean(text, lines=True) == cell
    assert not NOT_TEXT.search(clean(text))


@pytest.mark.parametrize("value, written", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\x00=HYPERLINK(\"http://example.org\")", "'=HYPERLINK(\"http://example.org\")"),  # a NUL hid the "="
    ("\x0b=1", "\n=1"), ("fine", "fine"), (3, 3), (None, None),
])
def test_a_spreadsheet_cell_is_never_a_formula(value: object, written: object) -> None:
    assert spreadsheet_cell(value) == written


@pytest.fixture
def pasted(tmp_path: Path) -> Path:
    """A folder whose answers hold what Word and terminals leave in pasted text."""
    folder = kf.make(tmp_path / "workbooks")
    doc = kf.acme()
    doc["rejection"]["company"] = "Acme\x1b[2J\x00 Analytics"
    doc["contacts"][1]["name"] = "Tom\x1b]0;pwned\x07 Reid"
    doc["feedback"]["text"] = f"{PRIVATE}\x0bfirst point\x0csecond point"
    doc["feedback"]["takeaways"] = "\x00=HYPERLINK(\"http://example.org\")"
    kf.write(folder, kf.ACME, doc)
    return folder


def test_status_and_due_print_one_clean_line_each(pasted: Path) -> None:
    status = run_cli("status", "--dir", str(pasted))
    due = run_cli("due", "--dir", str(pasted), "--on", "2026-07-01")
    for result in (status, due):
        said = [line for line in result.stderr.splitlines() if not line.startswith("Steps: ")]  # status's legend
        assert result.returncode == 0 and not said
        assert not NOT_TEXT.search(result.stdout)
    assert "Acme[2J Analytics — Data Analyst" in status.stdout
    assert "(Tom]0;pwned Reid) — Acme[2J Analytics, Data Analyst" in due.stdout


def test_the_excel_export_takes_text_pasted_from_word(pasted: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    result = run_cli("export", "--dir", str(pasted), "--format", "xlsx", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert PRIVATE not in result.stderr
    sheet = load_workbook(tmp_path / "out" / "journal.xlsx")["feedback"]
    header = [c.value for c in sheet[1]]
    row = {name: cell.value for name, cell in zip(header, sheet[2])}
    assert row["text"] == f"{PRIVATE}\nfirst point\nsecond point"
    assert row["takeaways"] == "=HYPERLINK(\"http://example.org\")"
    assert sheet.cell(2, header.index("takeaways") + 1).data_type == "s"  # text, not a formula


def test_the_csv_export_is_clean_and_never_a_formula(pasted: Path, tmp_path: Path) -> None:
    assert run_cli("export", "--dir", str(pasted), "-o", str(tmp_path / "out")).returncode == 0
    with open(tmp_path / "out" / "feedback.csv", encoding="utf-8", newline="") as f:
        (row,) = [r for r in csv.DictReader(f) if r["workbook_id"] == "wb-acme"]
    assert row["text"] == f"{PRIVATE}\nfirst point\nsecond point"
    assert row["takeaways"] == "'=HYPERLINK(\"http://example.org\")"
    assert row["company"] == "Acme[2J Analytics"
    assert not NOT_TEXT.search((tmp_path / "out" / "feedback.csv").read_text(encoding="utf-8").replace("\r\n", ""))


def test_the_class_progress_csv_is_never_a_formula(tmp_path: Path) -> None:
    from nextround.classroom import generate as classroom
    from nextround.classroom.summary import write_progress

    roster = tmp_path / "roster.csv"
    roster.write_text('student_id,name\ns001,"=HYPERLINK(""http://example.org"",""Ann"")"\ns002,Bo\x1b[31m Example\n',
                      encoding="utf-8")
    course = tmp_path / "course"
    assert not classroom.generate(roster, course, seed=1, assignment_id="a1").failed
    write_progress(course, tmp_path / "progress.csv")
    with open(tmp_path / "progress.csv", encoding="utf-8", newline="") as f:
        names = [row["name"] for row in csv.DictReader(f)]
    assert names == ["'=HYPERLINK(\"http://example.org\",\"Ann\")", "Bo[31m Example"]


def test_an_error_line_naming_a_strange_file_is_one_clean_line(tmp_path: Path) -> None:
    out = tmp_path / "missing\x1b[2J\nfolder" / "reminders.ics"
    result = run_cli("calendar", "--dir", str(kf.make(tmp_path / "w")), "-o", str(out))
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert not NOT_TEXT.search(line)
    assert line.endswith("reminders.ics: cannot be written: its folder does not exist")
