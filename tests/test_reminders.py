"""`status`, `due` and `calendar`: exact lines and events from a folder with known answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import vobject  # a second, independent iCalendar parser

import known_folder as kf
from conftest import run_cli
from nextround.errors import NextroundError
from nextround.journal.reminders import action_uid, due, due_lines, write_calendar
from nextround.journal.tables import load

# Tom has no email address: the LinkedIn note is how he is thanked (see progress.py).
TOM_LINKEDIN = "Send a LinkedIn connection request (Tom Reid) — Acme Analytics, Data Analyst"
REPLY = "Send one short reply: thanks, a request for feedback, and your CV kept on file"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return kf.make(tmp_path / "workbooks")


def test_due_lists_overdue_today_and_the_next_seven_days(folder: Path) -> None:
    reminders = due(load(folder, today=kf.TODAY))
    assert (len(reminders.overdue), len(reminders.today), len(reminders.this_week)) == (2, 0, 1)
    assert due_lines(reminders) == [
        "Overdue (2)",
        f"  Wed 24 Jun 2026  {TOM_LINKEDIN}",
        f"  Tue 30 Jun 2026  {REPLY} — Borealis Bank, Product Designer",
        "",
        "In the next 7 days (1)",
        f"  Fri 3 Jul 2026   {REPLY} — (no company or role)",
    ]


def test_messages_wait_while_the_latest_check_in_says_not_yet(folder: Path) -> None:
    borealis = kf.borealis()
    borealis["checkins"].append({"id": "c4", "at": "2026-06-29T18:00:00+01:00", "mood": 2, "ready": False})
    kf.write(folder, kf.BOREALIS, borealis)
    reminders = due(load(folder, today=date(2026, 7, 20)))
    overdue = reminders.overdue[reminders.overdue["workbook_id"] == "wb-borealis"]
    assert overdue["what"].tolist() == ["Check in again before sending anything", "Check their vacancies"]
    assert reminders.waiting["what"].tolist() == [REPLY]
    lines = due_lines(reminders)
    waiting = lines.index("When you feel ready (no rush) (1)")
    assert lines[waiting + 1].strip() == f"{REPLY} — Borealis Bank, Product Designer"


def test_due_on_a_quiet_day_says_so(folder: Path) -> None:
    reminders = due(load(folder, today=date(2026, 9, 1)))
    # Priya never answered (no acceptance, nothing logged): her one reminder to get back
    # in touch, on 15 August, lapsed two weeks later.
    assert reminders.overdue["what"].tolist() == ["Send a LinkedIn connection request", REPLY, "Check their vacancies"]
    # the minimal workbook has no dates of its own, so its actions move with the day
    assert reminders.this_week["workbook_id"].tolist() == ["wb-minimal"]
    quiet = kf.write(Path(folder.parent / "quiet"), kf.BOREALIS, kf.borealis())  # its first action: 30 June
    assert due_lines(due(load(quiet.parent, today=date(2026, 6, 1)))) == [
        "Nothing is overdue or due in the next 7 days. Enjoy the breathing space."]


def test_due_command_runs_as_a_process(folder: Path) -> None:
    result = run_cli("due", "--on", "2026-07-01", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Overdue (2)" and lines[1] == f"  Wed 24 Jun 2026  {TOM_LINKEDIN}"
    assert "In the next 7 days (1)" in lines and result.stderr == ""


@pytest.mark.parametrize(("args", "message"), [
    (["due", "--on", "01/07/2026"], "nextround: error: --on: '01/07/2026' is not a date; use YYYY-MM-DD"),
    (["due", "--on", "2026-02-30"], "nextround: error: --on: '2026-02-30' is not a real date"),
    (["status", "--dir", "no-such-folder"], "nextround: error: no-such-folder: is not a folder of workbooks"),
    (["calendar", "-o", "missing/out.ics"],
     "nextround: error: missing/out.ics: cannot be written: its folder does not exist"),
])
def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path: Path, args: list[str], message: str) -> None:
    kf.make(tmp_path)
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_status_prints_one_line_per_workbook_with_the_five_marks(folder: Path) -> None:
    result = run_cli("status", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    # Latest first, as the home notebook lists them; what the marks mean, on standard error.
    assert result.stdout.splitlines() == [
        f"· · · ◐ ●  2026-06-28    Borealis Bank — Product Designer  [{kf.BOREALIS}.ipynb]",
        f"● ● ● ● ◐  2026-06-17    Acme Analytics — Data Analyst  [{kf.ACME}.ipynb]",
        "· · · · ·  date unknown  (no company or role)  [minimal.ipynb]",
    ]
    assert result.stderr.splitlines() == [
        "Steps: 1 Ask for honest feedback, 2 Stay professional, 3 Ask for your CV to be kept on file, "
        "4 Review your own interview, 5 Stay in touch. ● done, ◐ started, · to do."]


def test_status_names_a_corrupt_file_and_still_lists_the_rest(folder: Path) -> None:
    kf.write(folder, "broken", "{")
    result = run_cli("status", "--dir", str(folder))
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr.splitlines()[0] == (
        f"nextround: skipped {folder / 'broken.answers.json'}: is not valid JSON "
        "(line 1, column 2: Expecting property name enclosed in double quotes)")
    assert result.stderr.splitlines()[1].startswith("Steps: 1 Ask for honest feedback")


def test_status_of_an_empty_folder_says_how_to_start(tmp_path: Path) -> None:
    result = run_cli("status", "--dir", str(tmp_path))
    assert result.returncode == 0 and result.stdout == ""
    assert "no workbooks" in result.stderr and "nextround new" in result.stderr


def _events(path: Path) -> dict[str, dict]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {
        event.uid.value: {"day": event.dtstart.value, "end": event.dtend.value, "summary": event.summary.value}
        for event in calendar.vevent_list
    }


def _priya_answered(folder: Path) -> dict:
    """Priya accepted the LinkedIn request: she keeps her keep-in-touch reminder on any day."""
    acme = kf.acme()
    acme["contacts"][0]["linkedin_accepted_on"] = "2026-06-20"
    kf.write(folder, kf.ACME, acme)
    return acme


def test_calendar_has_one_event_per_action_not_done(folder: Path, tmp_path: Path) -> None:
    _priya_answered(folder)
    out = tmp_path / "reminders.ics"
    result = run_cli("calendar", "-o", str(out), "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert "reminders written" in result.stderr
    events = _events(out)
    journal = load(folder)
    pending = journal.actions[~journal.actions["done"]]
    assert len(events) == len(pending) == 7
    tom = events[action_uid("wb-acme", 5, "Send a LinkedIn connection request", "Tom Reid")]
    assert tom == {"day": date(2026, 6, 24), "end": date(2026, 6, 25),
                   "summary": "Send a LinkedIn connection request (Tom Reid) — Acme Analytics"}
    lapse = events[action_uid("wb-acme", 3, "Your CV lapses from their files")]
    assert lapse["day"] == date(2026, 12, 22)
    assert sorted(e["day"] for e in events.values()) == sorted(d.date() for d in pending["due"])
    assert all(uid.endswith("@nextround.invalid") for uid in events)


def test_calendar_uids_are_stable_so_a_reimport_updates(folder: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    acme = _priya_answered(folder)
    write_calendar(load(folder), first)
    # Tom's LinkedIn request is sent (and accepted), and Borealis's dates were each corrected by a day.
    acme["contacts"][1]["linkedin_request_sent_on"] = "2026-07-01"
    acme["contacts"][1]["linkedin_accepted_on"] = "2026-07-01"
    kf.write(folder, kf.ACME, acme)
    borealis = kf.borealis()
    borealis["rejection"]["rejected_on"] = "2026-06-27"
    borealis["checkins"][0]["at"] = "2026-06-27T18:00:00+01:00"
    kf.write(folder, kf.BOREALIS, borealis)
    write_calendar(load(folder), second)

    before, after = _events(first), _events(second)
    ask = action_uid("wb-borealis", 2, REPLY)
    assert before[ask]["day"] == date(2026, 6, 30) and after[ask]["day"] == date(2026, 6, 29)  # same event, moved
    assert action_uid("wb-acme", 5, "Send a LinkedIn connection request", "Tom Reid") not in after  # done: gone
    # being in touch with Tom starts his keep-in-touch clock: the one new event
    back_in_touch = action_uid("wb-acme", 5, "Get back in touch", "Tom Reid")
    assert set(after) - set(before) == {back_in_touch} and after[back_in_touch]["day"] == date(2026, 8, 26)
    assert len(after) == len(before)


def test_writing_into_a_missing_folder_from_python_names_the_file(tmp_path: Path) -> None:
    journal = load(kf.make(tmp_path), today=kf.TODAY)
    with pytest.raises(NextroundError, match=r"out\.ics: cannot be written: its folder does not exist"):
        write_calendar(journal, tmp_path / "missing" / "out.ics")
    assert not (tmp_path / "missing").exists()


def test_follow_ups_stop_after_two_and_the_silence_closes_step_one_in_every_view(folder: Path) -> None:
    borealis = kf.borealis()
    borealis["plan"] = {"combined_sent_on": "2026-06-30"}
    borealis["feedback"] = {"requested_on": "2026-06-30", "follow_ups": [
        {"id": "f1", "sent_on": "2026-07-07"}, {"id": "f2", "sent_on": "2026-07-14"}]}
    kf.write(folder, kf.BOREALIS, borealis)
    for today, step_1 in ((date(2026, 7, 27), "started"), (date(2026, 7, 28), "done")):
        journal = load(folder, today=today)
        row = journal.rejections[journal.rejections["workbook_id"] == "wb-borealis"].iloc[0]
        assert row["step_1"] == step_1
        chasing = journal.actions[journal.actions["what"].str.startswith("Follow up")
                                  & (journal.actions["workbook_id"] == "wb-borealis")]
        assert chasing["done"].all() and len(chasing) == 2  # the two sent; no third
    assert not any("Follow up" in line for line in due_lines(due(load(folder, today=date(2026, 9, 1)))))
    saved = json.loads((folder / f"{kf.BOREALIS}.answers.json").read_text(encoding="utf-8"))
    assert "closed" not in saved["feedback"]  # worked out, never written
