"""`status`, `due` and `calendar`: exact lines and events from a folder with known answers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import vobject  # a second, independent iCalendar parser

import known_folder as kf
import nextround
from conftest import run_cli
from nextround.errors import NextroundError
from nextround.journal.reminders import action_uid, calendar, due, due_lines, parse_alarm, write_calendar
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


# --- reminders that ring --------------------------------------------------------------------


def _both_parsers(ics: bytes) -> list[dict]:
    """Every event as two independent iCalendar parsers read it; they must agree."""
    from icalendar import Calendar

    by_icalendar = {}
    for event in Calendar.from_ical(ics).walk("VEVENT"):
        alarms = [(a.decoded("action").decode() if isinstance(a.decoded("action"), bytes) else str(a["action"]),
                   a.decoded("trigger"), a["trigger"].params.get("RELATED", "START"), str(a["description"]))
                  for a in event.walk("VALARM")]
        by_icalendar[str(event["uid"])] = {
            "day": event.decoded("dtstart"), "summary": str(event["summary"]), "sequence": int(event["sequence"]),
            "last_modified": event.decoded("last-modified"), "alarms": alarms,
        }
    by_vobject = {}
    for event in vobject.readOne(ics.decode("utf-8")).vevent_list:
        alarms = [(a.action.value, a.trigger.value, a.trigger.params.get("RELATED", ["START"])[0],
                   a.description.value) for a in getattr(event, "valarm_list", [])]
        by_vobject[event.uid.value] = {
            "day": event.dtstart.value, "summary": event.summary.value, "sequence": int(event.sequence.value),
            "last_modified": event.last_modified.value, "alarms": alarms,
        }
    assert by_icalendar == by_vobject
    return [{"uid": uid, **event} for uid, event in by_icalendar.items()]


def _cli_bytes(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nextround", *args], capture_output=True, timeout=120)


def test_every_event_rings_at_nine_on_the_morning_of_its_day(folder: Path, tmp_path: Path) -> None:
    _priya_answered(folder)
    out = tmp_path / "reminders.ics"
    assert run_cli("calendar", "-o", str(out), "--dir", str(folder)).returncode == 0
    events = _both_parsers(out.read_bytes())
    assert len(events) == 7
    for event in events:
        assert event["alarms"] == [("DISPLAY", timedelta(hours=9), "START", event["summary"])]
        # An all-day event starts at midnight: the alarm rings at 9:00 on its own day.
        assert datetime.combine(event["day"], datetime.min.time()) + event["alarms"][0][1] == datetime.combine(
            event["day"], datetime.min.time().replace(hour=9))


@pytest.mark.parametrize(("alarm", "rings"), [("07:30", timedelta(hours=7, minutes=30)),
                                             ("18:05", timedelta(hours=18, minutes=5)), ("none", None)])
def test_the_alarm_time_can_be_changed_or_turned_off(folder: Path, tmp_path: Path, alarm: str, rings) -> None:
    out = tmp_path / "reminders.ics"
    write_calendar(load(folder), out, alarm=parse_alarm(alarm))
    events = _both_parsers(out.read_bytes())
    assert events and all([a[1] for a in e["alarms"]] == ([rings] if rings else []) for e in events)
    if rings is None:
        assert b"VALARM" not in out.read_bytes()


def test_an_alarm_that_is_not_a_time_is_one_line_and_no_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "reminders.ics"
    for command in (["calendar", "-o", str(out)], ["due", "--format", "ics"]):
        result = run_cli(*command, "--alarm", "25:00", "--dir", str(folder))
        assert result.returncode == 1 and result.stdout == ""
        assert result.stderr == "nextround: error: --alarm: '25:00' is not a time of day; use HH:MM, e.g. 09:00, or none\n"
    assert not out.exists()
    for bad in ("9am", "12:60", "", "09:00:00", "-1:00"):
        with pytest.raises(NextroundError, match="is not a time of day"):
            parse_alarm(bad)
    assert (parse_alarm("7:05"), parse_alarm(" NONE ")) == (datetime.min.time().replace(hour=7, minute=5), None)


def _touch(path: Path, moment: datetime) -> None:
    os.utime(path, (moment.timestamp(), moment.timestamp()))


def test_a_changed_event_gets_a_higher_sequence_so_a_reimport_updates_it(folder: Path, tmp_path: Path) -> None:
    # Late in the day in UTC, so after local midnight of 1 July wherever the tests run.
    saved, changed = datetime(2026, 7, 1, 20, 0, tzinfo=timezone.utc), datetime(2026, 7, 1, 21, 0, tzinfo=timezone.utc)
    for path in folder.glob("*.answers.json"):
        _touch(path, saved)
    first = {e["uid"]: e for e in _both_parsers(calendar(load(folder, today=kf.TODAY)).to_ical())}
    again = {e["uid"]: e for e in _both_parsers(calendar(load(folder, today=kf.TODAY)).to_ical())}
    assert first == again  # nothing changed: the same numbers, nothing stored anywhere
    tom = action_uid("wb-acme", 5, "Send a LinkedIn connection request", "Tom Reid")
    assert first[tom]["last_modified"] == saved
    assert first[tom]["sequence"] == int((saved - datetime(2020, 1, 1, tzinfo=timezone.utc)).total_seconds())

    # Borealis's rejection date is corrected a day earlier: its reply moves back a day.
    borealis = kf.borealis()
    borealis["rejection"]["rejected_on"] = "2026-06-27"
    borealis["checkins"][0]["at"] = "2026-06-27T18:00:00+01:00"
    _touch(kf.write(folder, kf.BOREALIS, borealis), changed)
    second = {e["uid"]: e for e in _both_parsers(calendar(load(folder, today=kf.TODAY)).to_ical())}
    reply = action_uid("wb-borealis", 2, REPLY)
    assert (first[reply]["day"], second[reply]["day"]) == (date(2026, 6, 30), date(2026, 6, 29))
    assert second[reply]["sequence"] == first[reply]["sequence"] + 3600  # moved back, numbered up
    assert second[reply]["last_modified"] == changed
    assert second[tom] == first[tom]  # Acme did not change

    # A workbook with no dates of its own counts from today: a day later, its date and number move on.
    _touch(folder / "minimal.answers.json", datetime(2026, 6, 20, tzinfo=timezone.utc))
    minimal = action_uid("wb-minimal", 2, REPLY)
    day_1 = {e["uid"]: e for e in _both_parsers(calendar(load(folder, today=date(2026, 7, 1))).to_ical())}
    day_2 = {e["uid"]: e for e in _both_parsers(calendar(load(folder, today=date(2026, 7, 2))).to_ical())}
    assert day_2[minimal]["day"] == day_1[minimal]["day"] + timedelta(days=1)
    assert day_2[minimal]["sequence"] > day_1[minimal]["sequence"]


# --- nextround due --format json | ics ---------------------------------------------------


def test_due_as_json_gives_scripts_what_the_text_lists(folder: Path) -> None:
    result = _cli_bytes("due", "--on", "2026-07-01", "--format", "json", "--dir", str(folder))
    assert result.returncode == 0 and result.stderr == b""
    assert json.loads(result.stdout.decode("utf-8")) == [
        {"workbook": f"{kf.ACME}.ipynb", "company": "Acme Analytics", "role": "Data Analyst", "step": 5,
         "what": "Send a LinkedIn connection request", "contact": "Tom Reid", "due": "2026-06-24",
         "status": "overdue"},
        {"workbook": f"{kf.BOREALIS}.ipynb", "company": "Borealis Bank", "role": "Product Designer", "step": 2,
         "what": REPLY, "contact": "", "due": "2026-06-30", "status": "overdue"},
        {"workbook": "minimal.ipynb", "company": "", "role": "", "step": 2, "what": REPLY, "contact": "",
         "due": "2026-07-03", "status": "this_week"},
    ]
    # The text is today's output, unchanged.
    assert run_cli("due", "--on", "2026-07-01", "--dir", str(folder)).stdout.splitlines()[:2] == [
        "Overdue (2)", f"  Wed 24 Jun 2026  {TOM_LINKEDIN}"]


def test_json_and_ics_leave_out_what_waits_until_you_feel_ready(folder: Path) -> None:
    borealis = kf.borealis()
    borealis["company"] = {}
    borealis["rejection"]["company"] = "Société Générale"  # JSON is UTF-8, whatever the terminal
    borealis["checkins"].append({"id": "c4", "at": "2026-06-29T18:00:00+01:00", "mood": 2, "ready": False})
    kf.write(folder, kf.BOREALIS, borealis)
    args = ("--on", "2026-07-20", "--dir", str(folder))
    assert "When you feel ready (no rush) (1)" in run_cli("due", *args).stdout  # the text lists it, undated
    records = json.loads(_cli_bytes("due", "--format", "json", *args).stdout.decode("utf-8"))
    societe = [(r["what"], r["status"]) for r in records if r["company"] == "Société Générale"]
    assert societe == [("Check in again before sending anything", "overdue")]
    events = _both_parsers(_cli_bytes("due", "--format", "ics", *args).stdout)
    assert not any(REPLY in e["summary"] and "Société" in e["summary"] for e in events)


def test_due_as_ics_is_the_calendar_on_standard_output(folder: Path, tmp_path: Path) -> None:
    _priya_answered(folder)
    out = tmp_path / "reminders.ics"
    assert run_cli("calendar", "-o", str(out), "--alarm", "08:15", "--dir", str(folder)).returncode == 0
    result = _cli_bytes("due", "--format", "ics", "--alarm", "08:15", "--dir", str(folder))
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\n")  # a calendar, CRLF and all
    piped, written = _both_parsers(result.stdout), _both_parsers(out.read_bytes())
    assert piped == written and len(piped) == 7
    assert all(e["alarms"][0][1] == timedelta(hours=8, minutes=15) for e in piped)


HOSTILE = Path(__file__).parent / "data" / "hostile" / "follow-ups"


def test_follow_ups_of_the_wrong_kind_are_named_and_everything_else_goes_on(folder: Path) -> None:
    for sample in HOSTILE.glob("*.answers.json"):
        shutil.copy(sample, folder)
    before = {p.name: p.read_bytes() for p in folder.glob("*.answers.json")}
    result = _cli_bytes("due", "--on", "2026-07-01", "--format", "json", "--dir", str(folder))
    assert result.returncode == 0
    skipped = sorted(result.stderr.decode("utf-8").splitlines())
    assert skipped == [f"nextround: skipped {folder / name}: was skipped: a value in feedback is of the wrong kind"
                       for name in ("follow-up-not-an-entry.answers.json", "follow-ups-not-a-list.answers.json",
                                    "max-follow-ups-in-words.answers.json")]
    records = json.loads(result.stdout.decode("utf-8"))
    assert {r["company"] for r in records} == {"Acme Analytics", "Borealis Bank", "", "Hostile Four"}
    # A follow-up whose day cannot be read counts for nothing: the first is still to send.
    assert [r["what"] for r in records if r["company"] == "Hostile Four"] == [
        "Send one short reply: thanks, and your CV kept on file", "Follow up on your reply"]
    assert {p.name: p.read_bytes() for p in folder.glob("*.answers.json")} == before  # nothing written
    # Saving into one is refused, naming the file and the field, never what it holds.
    broken = folder / "follow-ups-not-a-list.answers.json"
    with pytest.raises(NextroundError) as refused:
        nextround.open_answers(broken).update("reply", draft="Thank you.")
    assert str(refused.value).startswith(f"{broken}: not a valid answers file: feedback/follow_ups: should be")
    assert "soon" not in str(refused.value) and broken.read_bytes() == before[broken.name]
