"""`nextround.load`: a folder of answers files read back as exact, documented tables."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import known_folder as kf
import nextround
from nextround.core import answers
from nextround.errors import AnswersError, NextroundError
from nextround.journal.tables import COLUMNS, STEP_COLUMNS, TABLES, load

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def journal(tmp_path: Path) -> nextround.Journal:
    return nextround.load(kf.make(tmp_path / "workbooks"), today=kf.TODAY)


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def test_rejections_has_one_row_per_workbook_with_progress_and_days_since(journal) -> None:
    table = journal.rejections
    assert list(table["workbook_id"]) == ["wb-acme", "wb-borealis", "wb-minimal"]
    assert list(table["workbook"]) == [f"{kf.ACME}.ipynb", f"{kf.BOREALIS}.ipynb", "minimal.ipynb"]
    assert list(table["company"]) == ["Acme Analytics", "Borealis Bank", ""]
    assert list(table["stage"]) == ["final interview", "phone screen", ""]
    assert list(table["interview_date"]) == [day("2026-06-10"), pd.NaT, pd.NaT]
    assert table["days_since"].tolist() == [14, 3, pd.NA]
    steps = table[[f"step_{n}" for n in range(1, 6)]].astype(str).values.tolist()
    assert steps == [
        ["done", "done", "done", "done", "started"],  # Tom Reid is not thanked yet
        ["todo", "todo", "todo", "started", "done"],  # no contacts; the company is followed
        ["todo", "todo", "todo", "todo", "todo"],
    ]
    assert table["steps_done"].tolist() == [4, 1, 0]
    assert table["cv_status"].astype(str).tolist() == ["agreed", "not_asked", "not_asked"]
    assert table["cv_keep_until"].tolist() == [day("2026-12-22"), pd.NaT, pd.NaT]
    assert table["saved_at"].tolist() == [day("2026-06-25 10:00"), pd.NaT, pd.NaT]


def test_checkins_keep_the_local_time_they_were_written(journal) -> None:
    table = journal.checkins
    assert table["workbook_id"].tolist() == ["wb-acme", "wb-acme", "wb-borealis"]
    assert table["at"].tolist() == [day("2026-06-17 20:00"), day("2026-06-19 09:30"), day("2026-06-28 18:00")]
    assert table["mood"].tolist() == [3, 6, 5]
    assert table["emotions"].tolist() == [["disappointed", "angry"], ["calm"], []]
    assert table["ready"].tolist() == [False, True, True]
    assert table["note"].tolist() == ["Gutted.", "", ""]


def test_feedback_has_the_vague_flag_and_themes(journal) -> None:
    table = journal.feedback
    assert len(table) == 1
    row = table.iloc[0]
    assert (row.workbook_id, row.given_by) == ("wb-acme", "Priya Shah")
    assert row.text == "Another candidate had more experience."
    assert (row.requested_on, row.received_on) == (day("2026-06-18"), day("2026-06-25"))
    assert bool(row.vague) is True and row.themes == ["experience"]


def test_self_review_is_long_form_one_row_per_dimension_scored_or_noted(journal) -> None:
    table = journal.self_review
    assert len(table) == 9
    acme = table[table["workbook_id"] == "wb-acme"]
    assert dict(zip(acme["dimension"].astype(str), acme["score"])) == {
        "preparation": 4, "structured_answers": 2, "skills_evidence": 3, "questions_asked": 2, "rapport": 5,
        "composure": 4}
    assert set(acme["when"]) == {day("2026-06-10")}  # the interview date
    borealis = table[table["workbook_id"] == "wb-borealis"]
    assert borealis["dimension"].astype(str).tolist() == ["structured_answers", "questions_asked", "rapport"]
    assert borealis["score"].tolist() == [3, 1, pd.NA]  # a note without a score
    assert borealis["note"].tolist() == ["", "", "Felt rushed."]
    assert set(borealis["when"]) == {day("2026-06-28")}  # no interview date: the rejection date
    weakest = table.groupby("dimension", observed=True)["score"].mean().sort_values()
    assert weakest.index[0] == "questions_asked" and weakest.iloc[0] == 1.5


def test_questions_has_a_row_per_question_noted_with_its_answers(journal) -> None:
    table = journal.questions
    assert table["workbook_id"].tolist() == ["wb-acme", "wb-acme", "wb-borealis"]
    assert table["company"].tolist() == ["Acme Analytics", "Acme Analytics", "Borealis Bank"]
    assert table["question"].tolist() == [
        "Tell me about a time you worked as part of a team.", "Why do you want to work here?",
        "Tell me about a time you worked as part of a team!"]
    assert table["my_answer"].tolist() == ["Rambled.", "", ""]  # a field not written is ""
    assert table["better_answer"].tolist() == [kf.ACME_BETTER_ANSWER, "", "We all pulled together and it went well."]
    assert table["when"].tolist() == [day("2026-06-10"), day("2026-06-10"), day("2026-06-28")]


def test_a_question_of_the_wrong_kind_skips_its_file_by_name(tmp_path: Path) -> None:
    doc = kf.acme()
    doc["self_review"]["questions"] = [{"question": ["not", "text"]}]
    kf.write(tmp_path, "odd", doc)
    kf.write(tmp_path, kf.BOREALIS, kf.borealis())
    journal = load(tmp_path, today=kf.TODAY)
    assert [str(p) for p in journal.problems] == [
        f"{tmp_path / 'odd.answers.json'}: was skipped: a value in self_review is of the wrong kind"]
    assert journal.questions["workbook_id"].tolist() == ["wb-borealis"]


def test_contacts_carry_their_last_and_next_contact(journal) -> None:
    table = journal.contacts
    assert table["name"].tolist() == ["Priya Shah", "Tom Reid"]
    assert table["last_contact_on"].tolist() == [day("2026-06-20"), pd.NaT]
    assert table["next_contact_on"].tolist() == [day("2026-08-15"), pd.NaT]
    assert table["cadence_weeks"].tolist() == [8, 8]
    assert table["log_entries"].tolist() == [0, 0]


def test_a_contact_with_no_cadence_is_due_back_after_eight_weeks_in_every_table(tmp_path: Path) -> None:
    doc = kf.minimal()
    doc["rejection"] = {"rejected_on": "2026-06-17"}
    doc["contacts"] = [{"name": "Sam Okafor", "thank_you_sent_on": "2026-06-18"}]  # no cadence_weeks at all
    kf.write(tmp_path, "no-cadence", doc)
    journal = load(tmp_path, today=kf.TODAY)
    contact = journal.contacts.iloc[0]
    assert (contact["cadence_weeks"], contact["next_contact_on"]) == (8, day("2026-08-13"))
    back = journal.actions[journal.actions["what"] == "Get back in touch"]
    assert back["due"].tolist() == [day("2026-08-13")] and back["contact"].tolist() == ["Sam Okafor"]


def test_actions_are_every_dated_action_done_or_not(journal) -> None:
    table = journal.actions
    rows = [
        (r.workbook_id, r.what, r.contact, r.due.date().isoformat(),
         None if pd.isna(r.done_on) else r.done_on.date().isoformat(), r.status)
        for r in table.itertuples()
    ]
    # Acme followed the separate plan (it sent its messages one by one) and felt ready on
    # 19 June, so its dates count from then; Tom has no email address, so only a LinkedIn
    # note for him. Borealis and minimal have the combined reply. See progress.py.
    reply = "Send one short reply: thanks, a request for feedback, and your CV kept on file"
    assert sorted(rows) == sorted([
        ("wb-acme", "Ask for feedback", "", "2026-06-22", "2026-06-18", "done"),
        ("wb-acme", "Follow up on the feedback request", "", "2026-06-25", "2026-06-25", "done"),
        ("wb-acme", "Send your reply", "", "2026-06-22", "2026-06-19", "done"),
        ("wb-acme", "Ask them to keep your CV on file", "", "2026-06-26", "2026-06-20", "done"),
        ("wb-acme", "Re-send your CV before it lapses", "", "2026-12-08", None, "later"),
        ("wb-acme", "Your CV lapses from their files", "", "2026-12-22", None, "later"),
        ("wb-acme", "Send a thank-you note", "Priya Shah", "2026-06-21", "2026-06-18", "done"),
        ("wb-acme", "Send a LinkedIn connection request", "Priya Shah", "2026-06-24", "2026-06-20", "done"),
        ("wb-acme", "Get back in touch", "Priya Shah", "2026-08-15", None, "later"),
        ("wb-acme", "Send a LinkedIn connection request", "Tom Reid", "2026-06-24", None, "overdue"),
        ("wb-borealis", reply, "", "2026-06-30", None, "overdue"),
        ("wb-borealis", "Check their vacancies", "", "2026-07-12", None, "later"),
        # no rejection date or save time: dated from the day the journal is read
        ("wb-minimal", reply, "", "2026-07-03", None, "this_week"),
    ])
    assert table["status"].value_counts().to_dict() == {
        "done": 6, "later": 4, "overdue": 2, "this_week": 1, "today": 0, "waiting": 0}


def test_every_table_has_its_documented_columns_and_dtypes(journal, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    empty = load(tmp_path / "empty")
    docs = (ROOT / "docs" / "journal.md").read_text(encoding="utf-8")
    assert "Every table starts with `workbook_id`, `company` and `role`" in docs
    ident = ("workbook_id", "company", "role")
    for name in TABLES:
        for source in (journal, empty):
            table = source.tables[name]
            assert list(table.columns) == list(COLUMNS[name]), name
            for column, kind in COLUMNS[name].items():
                dtype = table[column].dtype
                expected = {
                    "date": "datetime64[s]", "datetime": "datetime64[s]", "Int64": "Int64", "int64": "int64",
                    "bool": "bool", "boolean": "boolean", "list": "object",
                }.get(kind)
                if expected:
                    assert str(dtype) == expected, (name, column)
                elif kind == "str":
                    assert pd.api.types.is_string_dtype(dtype), (name, column)
                else:
                    assert isinstance(dtype, pd.CategoricalDtype), (name, column)
        # Each column is named in its own table's section of the docs.
        section = re.search(rf"### `{name}`[^\n]*\n(.*?)(?=\n##|\Z)", docs, re.S)
        assert section, name
        for column in COLUMNS[name]:
            if name != "rejections" and column in ident:
                continue  # documented once, above the tables: every table starts with them
            named = "`step_1` … `step_5`" if column in STEP_COLUMNS else f"`{column}`"
            assert named in section.group(1), (name, column)
        if name != "rejections":
            assert tuple(COLUMNS[name])[:3] == ident


def test_an_empty_folder_gives_empty_tables_and_a_missing_one_is_an_error(tmp_path: Path) -> None:
    journal = load(tmp_path)
    assert journal.empty and not journal.problems
    assert all(table.empty for table in journal.tables.values())
    with pytest.raises(NextroundError, match="is not a folder of workbooks"):
        load(tmp_path / "nowhere")


def test_unreadable_files_are_reported_by_name_and_the_rest_still_load(tmp_path: Path) -> None:
    folder = kf.make(tmp_path)
    kf.write(folder, "broken", '{"format": "nextround-answers", "version": 1,')
    kf.write(folder, "from-the-future", {**kf.minimal(), "workbook_id": "wb-future", "version": 99})
    kf.write(folder, "not-ours", {"format": "something-else"})
    kf.write(folder, "zz-copy-of-acme", kf.acme())
    bad_mood = kf.borealis()
    bad_mood.update(workbook_id="wb-bad-mood", checkins=[{"at": "2026-06-28T18:00:00", "mood": "seven"}])
    kf.write(folder, "bad-mood", bad_mood)
    wrong_kind = kf.minimal()
    wrong_kind.update(workbook_id="wb-wrong-kind", feedback={"text": 42})
    kf.write(folder, "wrong-kind", wrong_kind)
    kf.write(folder, "odd-reply", {**kf.minimal(), "workbook_id": "wb-odd-reply", "reply": {"draft": 7}})
    (folder / ".hidden.answers.json").write_text("not even json")

    journal = load(folder, today=kf.TODAY)

    assert journal.rejections["workbook_id"].tolist() == ["wb-acme", "wb-borealis", "wb-minimal"]
    assert len(journal.actions) == 13 and len(journal.checkins) == 3  # nothing from the bad files
    # Rows after a skipped file still name their own workbook.
    assert journal.actions["workbook_id"].value_counts().to_dict() == {"wb-acme": 10, "wb-borealis": 2,
                                                                       "wb-minimal": 1}
    assert journal.checkins["workbook_id"].tolist() == ["wb-acme", "wb-acme", "wb-borealis"]
    assert all(isinstance(p, AnswersError) for p in journal.problems)
    found = {Path(p.file).name: p.message for p in journal.problems}
    assert set(found) == {"bad-mood.answers.json", "broken.answers.json", "from-the-future.answers.json",
                          "not-ours.answers.json", "wrong-kind.answers.json", "zz-copy-of-acme.answers.json",
                          "odd-reply.answers.json"}
    assert found["broken.answers.json"].startswith("is not valid JSON (line 1")
    assert "newer nextround" in found["from-the-future.answers.json"]
    assert "not a nextround answers file" in found["not-ours.answers.json"]
    assert found["bad-mood.answers.json"] == "was skipped: checkins/0/mood should be a whole number from 1 to 10"
    assert found["wrong-kind.answers.json"] == "was skipped: a value in feedback is of the wrong kind"
    assert found["odd-reply.answers.json"] == (
        "was skipped: a value in one of the sections (its progress could not be worked out) is of the wrong kind")
    assert found["zz-copy-of-acme.answers.json"].startswith(f"is a copy of {kf.ACME}.answers.json")
    assert all(str(p).startswith(str(folder)) for p in journal.problems)  # each names its file
    assert "42" not in " ".join(p.message for p in journal.problems)  # the wrong value itself is not echoed


def test_older_versions_are_upgraded_as_they_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Version 1 is the only one so far; a pretend version 2 that renames a stage
    # shows load runs the registered upgrades (the files on disk stay as they are).
    def to_v2(doc: dict) -> dict:
        rejection = doc.get("rejection", {})
        return {**doc, "version": 2, "rejection": {**rejection, "stage": rejection.get("stage", "").upper()}}

    monkeypatch.setattr(answers, "VERSION", 2)
    monkeypatch.setitem(answers.UPGRADES, 1, to_v2)
    folder = kf.make(tmp_path)
    before = (folder / f"{kf.ACME}.answers.json").read_text()
    journal = load(folder, today=kf.TODAY)
    assert journal.rejections["stage"].tolist()[:2] == ["FINAL INTERVIEW", "PHONE SCREEN"]
    assert (folder / f"{kf.ACME}.answers.json").read_text() == before


def test_a_workbook_made_and_filled_through_the_api_shows_up(tmp_path: Path) -> None:
    path = nextround.new(company="Cobalt Health", role="Analyst", interview_date="2026-06-15", rejected_on="2026-06-20",
                         contacts=["Ana Costa <ana@example.org>"], dir=tmp_path)
    book = nextround.open_answers(path)
    book.add_checkin(4, ready=False, at="2026-06-20T21:00:00+01:00")
    book.score("rapport", 2)
    journal = load(tmp_path, today=kf.TODAY)
    assert journal.rejections["workbook"].tolist() == [path.name]
    assert journal.checkins["mood"].tolist() == [4]
    assert journal.self_review["score"].tolist() == [2]
    assert journal.contacts["name"].tolist() == ["Ana Costa"]


def test_repr_shows_counts_not_anyones_words(journal) -> None:
    text = repr(journal)
    assert "rejections=3" in text and "actions=13" in text
    assert "Gutted" not in text and "Acme" not in text
