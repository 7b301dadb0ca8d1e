"""Answers are saved atomically, merged under a lock, versioned, and never lost."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import read_json
from nextround.api import open_answers
from nextround.core import answers
from nextround.errors import AnswersError
from nextround.storage.store import AnswersStore


def test_a_minimal_file_is_valid_and_gets_every_default(tmp_path: Path) -> None:
    path = tmp_path / "w.answers.json"
    path.write_text(json.dumps({"format": "nextround-answers", "version": 1, "workbook_id": "w1",
                                "cv_on_file": {"status": "agreed", "keep_until": "2027-01-01"}}))
    doc = AnswersStore(path).load()
    assert doc["cv_on_file"]["status"] == "agreed" and doc["cv_on_file"]["keep_months"] == 6
    assert doc["checkins"] == [] and doc["feedback"]["text"] == ""
    assert doc["company"]["vacancy_watch"]["check_every_days"] == 14


def test_new_answers_files_validate_against_the_shipped_schema(acme_workbook: Path) -> None:
    doc = read_json(acme_workbook.with_name(acme_workbook.stem + ".answers.json"))
    assert answers.problems(doc) == []
    assert set(answers.SECTIONS) <= set(doc)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "is not valid JSON (line 1, column 2"),
        ('{"format": "something-else", "version": 1, "workbook_id": "x"}', "not a nextround answers file"),
        ('{"format": "nextround-answers", "version": 99, "workbook_id": "x"}', "written by a newer nextround"),
        ('{"format": "nextround-answers", "version": 1, "workbook_id": "x", "checkins": [{"at": "2026-06-01", "mood": 11}]}',
         "checkins/0/mood: should be at most 10"),
        ('{"format": "nextround-answers", "version": 1, "workbook_id": "x", "reply": {"sent_on": "2026-02-30"}}',
         "reply/sent_on: should be a real date, written YYYY-MM-DD, from 1900-01-01 to 2199-12-31"),
    ],
)
def test_a_broken_file_is_reported_by_name_and_never_overwritten(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "w.answers.json"
    path.write_text(content)
    store = AnswersStore(path)
    with pytest.raises(AnswersError) as caught:
        store.load()
    assert str(path) in str(caught.value) and words in str(caught.value)
    with pytest.raises(AnswersError):
        store.update(lambda doc: answers.set_fields(doc, "reply", {"draft": "new"}))
    assert path.read_text() == content


def test_an_invalid_save_is_refused_and_the_file_kept(acme_workbook: Path) -> None:
    a = open_answers(acme_workbook)
    before = a.store.path.read_text()
    with pytest.raises(AnswersError, match="mood"):
        a.add_checkin(0, ready=True)
    assert a.store.path.read_text() == before


def test_each_save_keeps_the_previous_version_and_restore_brings_it_back(acme_workbook: Path) -> None:
    a = open_answers(acme_workbook)
    a.update("reply", draft="first")
    a.update("reply", draft="second, overwritten by accident")
    history = a.store.history()
    assert len(history) == 2  # the file as `new` wrote it, and "first"
    assert read_json(history[-1])["reply"]["draft"] == "first"
    a.store.restore(history[-1].name)
    assert a.data["reply"]["draft"] == "first"
    assert read_json(a.store.history()[-1])["reply"]["draft"] == "second, overwritten by accident"


def test_history_is_bounded(acme_workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("nextround.storage.store.HISTORY_KEPT", 3)
    a = open_answers(acme_workbook)
    for n in range(6):
        a.update("reply", draft=f"draft {n}")
    kept = a.store.history()
    assert len(kept) == 3
    assert [read_json(p)["reply"]["draft"] for p in kept] == ["draft 2", "draft 3", "draft 4"]


SAVER = textwrap.dedent(
    """
    import sys
    from nextround.api import open_answers
    a = open_answers(sys.argv[1])
    who, n = sys.argv[2], int(sys.argv[3])
    for i in range(n):
        a.add_checkin(5, ready=True, note=f"{who}-{i}")
        a.update_contact(f"Contact {who}", log=[{"on": "2026-06-20", "note": f"{who}-{i}"}])
        a.update("reply" if who == "A" else "feedback", **({"draft": f"A {i}"} if who == "A" else {"text": f"B {i}"}))
    """
)


def test_two_processes_saving_the_same_workbook_lose_nothing(acme_workbook: Path) -> None:
    n = 25
    procs = [
        subprocess.Popen([sys.executable, "-c", SAVER, str(acme_workbook), who, str(n)], stderr=subprocess.PIPE, text=True)
        for who in "AB"
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    doc = open_answers(acme_workbook).data
    notes = {c["note"] for c in doc["checkins"]}
    assert notes == {f"{who}-{i}" for who in "AB" for i in range(n)}
    logs = {c["name"]: [e["note"] for e in c["log"]] for c in doc["contacts"]}
    assert sorted(logs["Contact A"]) == sorted(f"A-{i}" for i in range(n))
    assert sorted(logs["Contact B"]) == sorted(f"B-{i}" for i in range(n))
    assert doc["reply"]["draft"] == f"A {n - 1}" and doc["feedback"]["text"] == f"B {n - 1}"
    assert {"Priya Shah", "Tom Reid"} <= set(logs)


CRASHER = textwrap.dedent(
    """
    import os, signal, sys
    from nextround.api import open_answers
    a = open_answers(sys.argv[1])
    def die(*args):
        os.kill(os.getpid(), signal.SIGKILL)  # the power goes out between write and rename
    os.replace = die
    a.update("reply", draft="this save never completes")
    """
)


def test_a_save_killed_between_write_and_rename_leaves_the_last_good_file(acme_workbook: Path) -> None:
    a = open_answers(acme_workbook)
    a.update("reply", draft="the last good save")
    good = a.store.path.read_bytes()
    proc = subprocess.run([sys.executable, "-c", CRASHER, str(acme_workbook)], capture_output=True, timeout=60)
    assert proc.returncode == -9
    assert a.store.path.read_bytes() == good
    leftovers = list(a.store.path.parent.glob(".*.tmp"))
    assert leftovers, "the killed save should have left its temporary file behind"
    a.update("reply", draft="saving works again")
    assert a.data["reply"]["draft"] == "saving works again"
    assert not list(a.store.path.parent.glob(".*.tmp"))


def test_saves_are_readable_utf8_json(acme_workbook: Path) -> None:
    a = open_answers(acme_workbook)
    a.update("feedback", text="Société — “quotes” and\nnew lines")
    raw = a.store.path.read_text(encoding="utf-8")
    assert "Société — “quotes”" in raw
    assert read_json(a.store.path)["feedback"]["text"] == "Société — “quotes” and\nnew lines"


def test_a_workbook_without_dates_saves(tmp_path: Path) -> None:
    import nextround

    path = nextround.new(company="Acme", role="Analyst", dir=tmp_path)  # no interview date given
    a = open_answers(path)
    a.add_checkin(5, ready=True)
    assert a.data["rejection"]["interview_date"] is None and len(a.data["checkins"]) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"checkins": [{"at": "2026-06-01", "mood": True}]},
        {"checkins": [{"at": "2026-06-01", "mood": 0}]},
        {"reply": {"sent_on": "2026-02-30"}},
        {"reply": {"sent_on": "17/06/2026"}},
        {"cv_on_file": {"status": "maybe"}},
        {"self_review": {"scores": {"rapport": 6}}},
        {"contacts": [{"email": "no name"}]},
        {"sharing": {"checkins": "yes"}},
        {"workbook_id": ""},
        {"version": 3},
        {"rejection": {"rejected_on": "9999-12-31"}},
        {"cv_on_file": {"keep_until": "0001-01-05"}},
        {"company": {"followed": {"linkedin": "1899-12-31"}}},
        {"checkins": [{"at": "2200-01-01T09:00:00+01:00", "mood": 5}]},
        {"saved_at": "9999-12-31T23:59:59Z"},
        {"contacts": [{"name": "Sam", "cadence_weeks": 10**20}]},
        {"cv_on_file": {"keep_months": 61}},
        {"company": {"vacancy_watch": {"check_every_days": 0}}},
    ],
)
def test_the_fast_check_and_the_explaining_check_agree(change: dict) -> None:
    doc = {"format": "nextround-answers", "version": answers.VERSION, "workbook_id": "w", **change}
    assert not answers.is_valid(doc)
    assert answers.problems(doc)
    good = answers.new_document("w", {"company": "A", "role": "B"})
    assert answers.is_valid(good) and not answers.problems(good)


@pytest.mark.parametrize("change, line", [
    ({"rejection": {"rejected_on": "9999-12-31"}}, "rejection/rejected_on: should be a date from 1900-01-01 to 2199-12-31"),
    ({"checkins": [{"at": "2200-01-01T09:00", "mood": 5}]},
     "checkins/0/at: should be a date and time from 1900-01-01 to 2199-12-31"),
    ({"contacts": [{"name": "Sam", "cadence_weeks": 10**20}]}, "contacts/0/cadence_weeks: should be at most 104"),
    ({"company": {"vacancy_watch": {"check_every_days": 0}}},
     "company/vacancy_watch/check_every_days: should be at least 1"),
    ({"rejection": {"rejected_on": "soon"}, "reply": {"sent_on": "2199-12-31"}}, None),
])
def test_range_problem_names_the_first_value_out_of_its_bounds_without_jsonschema(change: dict, line: str | None) -> None:
    doc = {"format": "nextround-answers", "version": 1, "workbook_id": "w", **change}
    assert answers.range_problem(doc) == line
    if line:
        assert line.split(": ")[0] in "; ".join(answers.problems(doc))


def test_the_windows_and_bounds_in_the_schema_are_the_ones_the_code_keeps() -> None:
    found: dict[str, set] = {"pattern": set(), "maximum": set()}

    def walk(rule: object, name: str = "") -> None:
        if isinstance(rule, dict):
            if "pattern" in rule:
                found["pattern"].add(rule["pattern"])
            if "maximum" in rule and name in answers.MOST:
                found["maximum"].add((name, rule["maximum"]))
            for key, inner in rule.items():
                walk(inner, key)
        elif isinstance(rule, list):
            for inner in rule:
                walk(inner, name)

    walk(answers.schema())
    assert found["pattern"] == {answers.DATE_PATTERN, answers.MOMENT_PATTERN}
    assert found["maximum"] == set(answers.MOST.items())


def test_problems_name_the_field_but_never_repeat_what_the_person_wrote() -> None:
    secret = "I cried all night"
    doc = {"format": "nextround-answers", "version": answers.VERSION, "workbook_id": "w",
           "checkins": [{"at": "2026-06-01", "mood": 3, "emotions": secret}], "reply": {"sent_on": secret},
           "cv_on_file": {"status": secret}}
    found = answers.problems(doc)
    assert found == ["checkins/0/emotions: should be an array", "cv_on_file/status: should be one of "
                     "'not_asked', 'asked', 'agreed', 'declined'", "reply/sent_on: should be a real date, written "
                     "YYYY-MM-DD, from 1900-01-01 to 2199-12-31"]


def test_a_misspelt_field_is_refused_with_a_suggestion(acme_workbook: Path) -> None:
    a = open_answers(acme_workbook)
    with pytest.raises(ValueError, match="feedback has no field 'recieved_on'; did you mean 'received_on'"):
        a.update("feedback", recieved_on="2026-06-20")
    with pytest.raises(ValueError, match="did you mean 'thank_you_sent_on'"):
        a.update_contact("Tom Reid", thank_you_sent="2026-06-20")


def test_feedback_recorded_from_python_is_judged_as_in_the_workbook(acme_workbook: Path) -> None:
    a = open_answers(acme_workbook)
    a.update("feedback", text="Another candidate had more experience.")
    fb = a.data["feedback"]
    assert fb["vague"] is True and "experience" in fb["themes"]
    a.update("feedback", text="", vague=None)  # what the caller says wins
    assert a.data["feedback"]["vague"] is None


def test_the_combined_reply_recorded_from_python_records_its_parts(acme_workbook: Path) -> None:
    a = open_answers(acme_workbook)
    a.update("reply", sent_on="2026-06-18")  # sent earlier: kept
    a.update("plan", combined_sent_on="2026-06-19")
    doc = a.data
    assert (doc["feedback"]["requested_on"], doc["reply"]["sent_on"], doc["cv_on_file"]["asked_on"]) == (
        "2026-06-19", "2026-06-18", "2026-06-19")
    assert [c["thank_you_sent_on"] for c in doc["contacts"]] == ["2026-06-19", None]


def test_contacts_are_updated_by_id_and_by_a_name_only_when_it_is_unambiguous(tmp_path: Path) -> None:
    import nextround

    made = nextround.new(company="Acme Analytics", role="Data Analyst", dir=tmp_path,
                         contacts=["Sam Lee <sam.lee@north.example>", "Sam Lee <sam.lee@south.example>", "Tom Reid"])
    a = open_answers(made)
    assert [c["id"] for c in read_json(a.store.path)["contacts"]] == ["sam-lee", "sam-lee-2", "tom-reid"]
    before = a.store.path.read_bytes()
    with pytest.raises(AnswersError) as refused:
        a.update_contact("Sam Lee", role="Recruiter")
    assert str(refused.value) == (f"{a.store.path}, contacts: 2 contacts have that name; "
                                  "give the id of the one you mean: 'sam-lee', 'sam-lee-2'")
    assert a.store.path.read_bytes() == before  # nothing saved

    a.update_contact("sam-lee-2", role="Recruiter")
    a.update_contact("sam-lee", role="Hiring manager", log=[{"on": "2026-06-20", "note": "Coffee"}])
    a.update_contact("Tom Reid", thank_you_sent_on="2026-06-19")  # one Tom: his name will do
    a.update_contact("Ana Díaz", email="ana@example.org")  # nobody of that name yet: added
    people = {c["id"]: c for c in a.data["contacts"]}
    assert list(people) == ["sam-lee", "sam-lee-2", "tom-reid", "ana-diaz"]
    assert (people["sam-lee"]["role"], people["sam-lee-2"]["role"]) == ("Hiring manager", "Recruiter")
    assert people["sam-lee"]["email"] == "sam.lee@north.example" and people["sam-lee"]["next_contact_on"]
    assert people["tom-reid"]["thank_you_sent_on"] == "2026-06-19"
    assert answers.problems(read_json(a.store.path)) == []


def test_answers_from_before_contacts_had_ids_get_them_on_load_and_keep_them_once_saved(tmp_path: Path) -> None:
    path = tmp_path / "w.answers.json"
    legacy = {"format": "nextround-answers", "version": 1, "workbook_id": "w1",
              "contacts": [{"name": "Sam Lee", "role": "Recruiter"}, {"name": "Sam Lee"},
                           {"name": "Яна Ким", "id": "sam-lee-3"}, {"name": "Tom Reid"}]}
    path.write_text(json.dumps(legacy), encoding="utf-8")
    ids = ["sam-lee", "sam-lee-2", "sam-lee-3", "tom-reid"]
    assert [c["id"] for c in AnswersStore(path).load()["contacts"]] == ids  # the same in every window
    assert "id" not in read_json(path)["contacts"][0]  # reading writes nothing
    open_answers(path).update_contact("sam-lee-2", role="Hiring manager")
    saved = read_json(path)["contacts"]
    assert [(c["id"], c.get("role")) for c in saved] == [
        ("sam-lee", "Recruiter"), ("sam-lee-2", "Hiring manager"), ("sam-lee-3", None), ("tom-reid", None)]


# --- nextround's own folder beside the answers, made into something else ----------------


@pytest.mark.parametrize("spoilt, should", [(".nextround/{stem}.lock", "a file"), (".nextround", "a folder")])
def test_a_lock_or_meta_folder_of_the_wrong_kind_is_one_line_and_nothing_changes(
        acme_workbook: Path, spoilt: str, should: str) -> None:
    answers = open_answers(acme_workbook)
    path = answers.store.path
    stem = path.name.removesuffix(".answers.json")
    meta = path.parent / ".nextround"
    if meta.exists():
        shutil.rmtree(meta)
    target = path.parent / spoilt.format(stem=stem)
    if should == "a file":
        target.mkdir(parents=True)  # the lock, a folder
    else:
        target.write_text("", encoding="utf-8")  # .nextround, a file
    before = path.read_bytes()
    with pytest.raises(AnswersError) as caught:
        answers.update("reply", draft="Thank you.")
    assert str(caught.value) == (f"{path}: cannot be saved: {target} is nextround's own and should be {should}; "
                                 "move it away and save again")
    assert path.read_bytes() == before
