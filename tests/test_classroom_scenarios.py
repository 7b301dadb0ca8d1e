"""The practice scenarios speak the course's language: a German class reads a German story.

The shipped scenarios are written for each locale with the same ids in the same order,
so a seed deals a student the same scenario whatever the language; an instructor's own
scenarios file is used as given.
"""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest

from conftest import code_cells, read_json, run_cli
from nextround.classroom import generate as classroom
from nextround.classroom.course import read_course
from nextround.core import i18n

DATA = Path(classroom.__file__).resolve().parent / "data"
STUDENTS = [(f"s{n:02d}", f"Student {n}") for n in range(1, 7)]


def write_roster(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student_id", "name"])
        w.writerows(STUDENTS)
    return path


def shipped(name: str) -> dict[str, dict[str, str]]:
    """A shipped scenarios file read as plain CSV, by scenario id (in file order)."""
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return {row["scenario_id"]: row for row in csv.DictReader(f)}


def generate_cli(roster: Path, course: Path, *extra: str) -> None:
    result = run_cli("class", "generate", str(roster), "--dir", str(course), "--seed", "7", *extra)
    assert result.returncode == 0, result.stderr


def parameters(course: Path, student_id: str) -> dict:
    return read_json(next((course / "release" / student_id).glob("*.ipynb")))["metadata"]["papermill"]["parameters"]


def dealt(course: Path) -> dict[str, str]:
    return {s["student_id"]: s["scenario"] for s in read_course(course)["students"]}


def test_a_german_course_deals_german_scenarios_and_the_seed_deals_the_same_ones_in_english(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "roster.csv")
    generate_cli(roster, tmp_path / "kurs", "--locale", "de")
    generate_cli(roster, tmp_path / "course", "--locale", "en-GB")
    german, english = shipped("scenarios.de.csv"), shipped("scenarios.csv")
    assert dealt(tmp_path / "kurs") == dealt(tmp_path / "course")  # the same scenario, whatever the language
    for sid, scenario_id in dealt(tmp_path / "kurs").items():
        made = parameters(tmp_path / "kurs", sid)
        assert made["locale"] == "de"
        assert made["scenario"] == german[scenario_id]["scenario"] != english[scenario_id]["scenario"]
        assert made["company"] == german[scenario_id]["company"] != english[scenario_id]["company"]
        assert (made["role"], made["stage"]) == (german[scenario_id]["role"], german[scenario_id]["stage"])
        theirs = parameters(tmp_path / "course", sid)
        assert (theirs["company"], theirs["scenario"]) == (english[scenario_id]["company"],
                                                           english[scenario_id]["scenario"])


def test_an_american_course_deals_the_american_scenarios(tmp_path: Path) -> None:
    classroom.generate(write_roster(tmp_path / "roster.csv"), tmp_path / "course", seed=7, locale="en-US")
    american = shipped("scenarios.en-US.csv")
    for sid, scenario_id in dealt(tmp_path / "course").items():
        made = parameters(tmp_path / "course", sid)
        assert (made["company"], made["scenario"]) == (american[scenario_id]["company"],
                                                       american[scenario_id]["scenario"])


def test_every_shipped_scenario_file_has_the_same_ids_in_the_same_order_and_every_row_validates() -> None:
    files = sorted(DATA.glob("scenarios*.csv"))
    assert [f.name for f in files] == ["scenarios.csv", "scenarios.de.csv", "scenarios.en-US.csv"]
    ids = [s["scenario_id"] for s in classroom.scenarios(DATA / "scenarios.csv")]
    assert len(ids) == 8 and len(set(ids)) == 8
    for path in files:
        found = classroom.scenarios(path)  # raises, naming the file and row, on a row Rejection refuses
        assert [s["scenario_id"] for s in found] == ids, path.name
        text = path.read_text(encoding="utf-8")
        for address in re.findall(r"[\w.+-]+@[\w.-]+", text):  # fictional addresses only
            assert address.endswith(("@example.org", ".example")), (path.name, address)
    for locale in i18n.LOCALES:  # each locale has its own file, and it is the one chosen for it
        assert [s["scenario_id"] for s in classroom.scenarios(locale=locale)] == ids
        expected = "scenarios.csv" if locale == i18n.DEFAULT else f"scenarios.{locale}.csv"
        assert classroom.shipped_scenarios(locale).name == expected
        with i18n.using(locale):  # by default, the locale in force
            assert classroom.shipped_scenarios().name == expected
    german = {s["scenario_id"]: s for s in classroom.scenarios(locale="de")}
    assert german["greyfriars-civil"]["stage"] == "Assessment-Center"
    assert "Sie " in german["northwind-analyst"]["scenario"]


@pytest.mark.parametrize("tag, expected", [("de_AT.UTF-8", "scenarios.de.csv"), ("en-us", "scenarios.en-US.csv"),
                                           ("fr", "scenarios.csv"), ("", "scenarios.csv")])
def test_a_locale_tag_picks_its_shipped_file_and_one_without_a_file_falls_back_to_en_gb(tag: str,
                                                                                      expected: str) -> None:
    assert classroom.shipped_scenarios(tag or None).name == expected


def test_an_instructors_own_scenarios_are_used_unchanged_in_a_german_course(tmp_path: Path) -> None:
    own = tmp_path / "our-scenarios.csv"
    own.write_text(
        "scenario_id,company,role,stage,scenario\n"
        "acme-analyst,Acme Analytics,Data Analyst,final interview,You met the whole team; they chose someone else.\n"
        "borealis-design,Borealis Studio,Designer,portfolio review,The portfolio review went well; then a short no.\n",
        encoding="utf-8")
    generate_cli(write_roster(tmp_path / "roster.csv"), tmp_path / "kurs", "--locale", "de", "--scenarios", str(own))
    theirs = {s["scenario_id"]: s for s in classroom.scenarios(own)}
    assert set(dealt(tmp_path / "kurs").values()) == set(theirs)
    for sid, scenario_id in dealt(tmp_path / "kurs").items():
        made = parameters(tmp_path / "kurs", sid)
        assert made["locale"] == "de"  # the workbook speaks German; the instructor's scenario stays as written
        assert {k: made[k] for k in ("company", "role", "stage", "scenario")} == {
            k: theirs[scenario_id][k] for k in ("company", "role", "stage", "scenario")}


def handout_of(path: Path) -> dict:
    """The class details a handout carries, read as the literal it is (never run)."""
    cell = next(c for c in code_cells(read_json(path)) if "injected-parameters" in c["metadata"].get("tags", []))
    line = next(line for line in "".join(cell["source"]).splitlines() if line.startswith("handout = "))
    return ast.literal_eval(line.removeprefix("handout = "))


def test_a_german_courses_handout_gives_the_german_scenarios_and_one_in_english_the_english(tmp_path: Path) -> None:
    generate_cli(write_roster(tmp_path / "roster.csv"), tmp_path / "kurs", "--locale", "de")
    result = run_cli("class", "handout", "--dir", str(tmp_path / "kurs"), "-o", str(tmp_path / "handout.ipynb"))
    assert result.returncode == 0, result.stderr
    carried = handout_of(tmp_path / "handout.ipynb")
    german = shipped("scenarios.de.csv")
    assert carried["locale"] == "de" and carried["scenarios"]
    for scenario_id, scenario in carried["scenarios"].items():
        assert (scenario["company"], scenario["scenario"]) == (german[scenario_id]["company"],
                                                               german[scenario_id]["scenario"])
    # Made in another language than the course, the handout gives the same scenarios as written for its own.
    result = run_cli("class", "handout", "--dir", str(tmp_path / "kurs"), "-o", str(tmp_path / "english.ipynb"),
                     "--locale", "en-GB")
    assert result.returncode == 0, result.stderr
    english = handout_of(tmp_path / "english.ipynb")
    assert english["locale"] == "en-GB" and set(english["scenarios"]) == set(carried["scenarios"])
    assert all(s["scenario"] == shipped("scenarios.csv")[k]["scenario"] for k, s in english["scenarios"].items())
