"""A hub's exchange without the hub: handing in, collecting, handing feedback back, with real files.

The permissions between real accounts are checked in tests/e2e/test_hub.py, with
users made for it; here, as root where the test needs it, folders are given to
system accounts that exist everywhere (`nobody`, `daemon`) to show that the account
that made a hand-in counts over the name it gives.
"""

from __future__ import annotations

import csv
import os
import pwd
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import read_json, run_cli
from nextround.api import open_answers
from nextround.classroom import generate as classroom
from nextround.classroom.exchange import hub_name, prepare, submissions
from nextround.classroom.layouts import claim_of
from nextround.classroom.times import iso
from nextround.errors import NextroundError
from nextround.notebook.forms.hand_in import hand_in_panel
from nextround.notebook.workbook import Workbook
from nextround.storage import exchange
from nextround.storage.store import answers_path_for

ASSIGNMENT = "after-the-no"
TODAY = date(2026, 10, 5)
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="gives folders to other accounts: needs root")


def make_course(tmp_path: Path, students: list[str], due: date | None = None) -> Path:
    roster = tmp_path / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name"])
        writer.writerows([sid, f"Student {n}"] for n, sid in enumerate(students, 1))
    course = tmp_path / "course"
    result = classroom.generate(roster, course, seed=3, assignment_id=ASSIGNMENT, today=TODAY, due=due)
    assert not result.failed
    return course


def released(course: Path, student: str) -> Path:
    return next((course / "release" / student).glob("*.ipynb"))


def answered(course: Path, student: str, feedback: str) -> list[Path]:
    """A student's released workbook with an answer saved: the files Submit hands in."""
    workbook = released(course, student)
    answers = open_answers(workbook)
    answers.update("feedback", text=feedback)
    return [workbook, answers_path_for(workbook)]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "exchange"
    folder.mkdir()
    return folder


def test_a_hand_in_is_a_private_folder_named_as_nbgrader_names_it_with_its_time(tmp_path: Path, root: Path) -> None:
    course = make_course(tmp_path, ["alice", "bob"])
    lines = prepare(root, ASSIGNMENT)
    assert len(lines) == 2 and all("mode 3733" in line for line in lines)
    inbound = exchange.inbound(root, ASSIGNMENT)
    assert stat.S_IMODE(inbound.stat().st_mode) == 0o3733  # anyone may add, nobody but its owner may list

    moment = datetime(2026, 10, 9, 10, 5, tzinfo=timezone.utc)
    done = exchange.hand_in(root, ASSIGNMENT, "alice", answered(course, "alice", "Vague, but kind."), now=moment)
    user, assignment, named = exchange.parse_folder_name(done.folder.name)
    assert (user, assignment, named) == ("alice", ASSIGNMENT, moment)
    assert done.folder.parent == inbound
    assert stat.S_IMODE(done.folder.stat().st_mode) & 0o7777 in (0o2750, 0o750)  # setgid when inherited
    assert done.folder.stat().st_gid == inbound.stat().st_gid  # the instructor's group reads it
    names = sorted(p.name for p in done.folder.iterdir())
    assert names == sorted([f"{ASSIGNMENT}-alice.answers.json", f"{ASSIGNMENT}-alice.ipynb", "timestamp.txt"])
    assert {stat.S_IMODE(p.stat().st_mode) for p in done.folder.iterdir()} == {0o640}
    assert (done.folder / "timestamp.txt").read_text().strip() == "2026-10-09T10:05:00+00:00"
    assert done.feedback_folder == exchange.mailbox(root, ASSIGNMENT, "alice")
    assert stat.S_IMODE(done.feedback_folder.stat().st_mode) & 0o777 == 0o730


def test_handing_in_before_the_exchange_is_set_up_says_so_and_makes_nothing(tmp_path: Path, root: Path) -> None:
    course = make_course(tmp_path, ["alice"])
    with pytest.raises(NextroundError) as caught:
        exchange.hand_in(root, ASSIGNMENT, "alice", answered(course, "alice", "words"))
    assert "isn't set up for this assignment yet" in caught.value.message
    assert "words" not in str(caught.value)
    assert list(root.iterdir()) == []
    with pytest.raises(NextroundError):
        exchange.hand_in(root, ASSIGNMENT, "../bob", [])  # a name that would leave the exchange


def test_collect_from_the_exchange_takes_the_newest_hand_in_and_hands_feedback_back(
        tmp_path: Path, root: Path) -> None:
    course = make_course(tmp_path, ["alice", "bob", "cara"], due=date.today() + timedelta(days=7))
    prepare(root, ASSIGNMENT)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    first = exchange.hand_in(root, ASSIGNMENT, "alice", answered(course, "alice", "First thoughts."),
                             now=now - timedelta(seconds=60))
    exchange.hand_in(root, ASSIGNMENT, "alice", answered(course, "alice", "Second thoughts."),
                     now=now - timedelta(seconds=30))
    exchange.hand_in(root, ASSIGNMENT, "bob", answered(course, "bob", "Bob's words."), now=now)
    (exchange.inbound(root, ASSIGNMENT) / "cara+after-the-no+20261008T090000.000000Z+0000").mkdir()  # unfinished

    result = run_cli("class", "collect", "--exchange", str(root), "--dir", str(course))
    assert result.returncode == 1, result.stderr  # the unfinished hand-in needs a look
    assert "a hand-in that did not finish (no timestamp.txt); skipped" in result.stdout
    assert "collected: alice\n" in result.stdout and "collected: bob\n" in result.stdout
    assert "Course so far: 2 of 3 collected, 0 late, 0 held for review, 1 missing" in result.stdout
    assert read_json(course / "submitted/alice/alice.answers.json")["feedback"]["text"] == "Second thoughts."
    assert "First thoughts." not in result.stdout + result.stderr
    records = {s["student_id"]: s for s in read_json(course / "course.json")["students"]}
    assert records["alice"]["late"] is False and records["bob"]["late"] is False
    assert records["alice"]["submitted_at"] == iso(now - timedelta(seconds=30))  # its own time stamp
    assert records["alice"]["hub_user"] == "alice"
    assert (course / "originals/alice/alice.ipynb").exists()  # kept as handed in; the copy is rebuilt
    assert read_json(course / "submitted/alice/alice.ipynb")["metadata"]["nextround"]["rebuilt"]

    pages = tmp_path / "feedback"
    result = run_cli("class", "feedback", "--dir", str(course), "-o", str(pages), "--exchange", str(root))
    assert result.returncode == 0, result.stderr
    assert "released: 2 feedback pages into the exchange" in result.stdout
    box = exchange.mailbox(root, ASSIGNMENT, "alice")
    page = box / exchange.feedback_name(ASSIGNMENT)
    assert page.read_bytes() == (pages / "alice.html").read_bytes()
    assert stat.S_IMODE(page.stat().st_mode) == 0o644 and stat.S_IMODE(box.stat().st_mode) & 0o7 == 0

    # The student's workbook fetches it beside itself.
    mine = tmp_path / "alice-home"
    mine.mkdir()
    copy = exchange.fetch_feedback(root, ASSIGNMENT, "alice", mine)
    assert copy == mine / "after-the-no-feedback.html" and copy.read_bytes() == page.read_bytes()
    assert exchange.fetch_feedback(root, ASSIGNMENT, "cara", mine) is None
    assert first.folder.exists()  # nothing handed in is ever removed


def test_collect_needs_a_source_or_an_exchange(tmp_path: Path) -> None:
    course = make_course(tmp_path, ["alice"])
    result = run_cli("class", "collect", "--dir", str(course))
    assert result.returncode == 1 and "give at least one SOURCE, or --exchange PATH" in result.stderr
    assert "Traceback" not in result.stderr


@as_root
def test_the_account_that_made_a_hand_in_counts_over_the_name_it_gives(tmp_path: Path, root: Path) -> None:
    # Two system accounts stand in for two students: `nobody` hands in daemon's workbook
    # under daemon's name, and makes daemon's feedback folder before daemon can.
    course = make_course(tmp_path, ["daemon", "nobody"])
    prepare(root, ASSIGNMENT)
    forged = exchange.hand_in(root, ASSIGNMENT, "daemon", answered(course, "daemon", "Not mine."))
    nobody = pwd.getpwnam("nobody").pw_uid
    for path in (forged.folder, *forged.folder.iterdir(), exchange.mailbox(root, ASSIGNMENT, "daemon")):
        os.chown(path, nobody, -1)
    [found], _ = submissions(root, ASSIGNMENT)
    assert (found.user, found.owner) == ("daemon", "nobody")

    result = run_cli("class", "collect", "--exchange", str(root), "--dir", str(course))
    assert "JupyterHub says nobody handed it in, but it carries the ids of daemon" in result.stdout
    assert not (course / "submitted/daemon").exists() and not (course / "submitted/nobody").exists()
    assert "held for review" in result.stdout

    # Settled by hand, daemon's feedback is still not put in the folder nobody made.
    held = next((course / "held/nobody").glob("*.answers.json"))
    assert run_cli("class", "assign", "--dir", str(course), f"held/nobody/{held.name}", "daemon").returncode == 0
    result = run_cli("class", "feedback", "--dir", str(course), "-o", str(tmp_path / "pages"), "--exchange", str(root))
    assert result.returncode == 1
    assert "daemon: their feedback folder was made by nobody's account, so nothing was put in it" in result.stderr
    assert list(exchange.mailbox(root, ASSIGNMENT, "daemon").iterdir()) == []


def test_a_copied_exchange_folder_still_says_who_and_when() -> None:
    claim = claim_of(["inbound", "alice+after-the-no+20261009T100500.000000Z+ab12cd34", "after-the-no-alice.ipynb"])
    assert claim is not None and claim.lms == "JupyterHub" and claim.keys == (("login", "alice"),)
    assert claim.submitted_at == datetime(2026, 10, 9, 10, 5, tzinfo=timezone.utc)
    assert claim_of(["a+b+c+d.ipynb"]) is None  # a file's own name says nothing
    assert claim_of(["a+b+not-a-time+d", "x.ipynb"]) is None


def test_submit_in_the_workbook_hands_in_and_says_when_then_shows_feedback(
        tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    course = make_course(tmp_path, ["alice"])
    prepare(root, ASSIGNMENT)
    workbook = released(course, "alice")
    monkeypatch.chdir(workbook.parent)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    parameters = read_json(workbook)["metadata"]["papermill"]["parameters"]

    monkeypatch.delenv("NEXTROUND_EXCHANGE", raising=False)
    assert hand_in_panel(Workbook.start(**parameters)) is None  # no exchange: no Submit
    monkeypatch.setenv("NEXTROUND_EXCHANGE", str(root))
    wb = Workbook.start(**parameters)
    panel = hand_in_panel(wb)
    assert panel is not None and "nextround-handin-submit-button" in panel.submit_button._dom_classes
    assert len(wb.summary().children) == 2  # the summary, then the panel

    answers = answers_path_for(workbook)
    kept = answers.read_bytes()
    answers.unlink()
    panel.submit_button.click()
    assert "Save at least one form first" in panel.status.value
    assert not any(exchange.inbound(root, ASSIGNMENT).iterdir())
    answers.write_bytes(kept)
    form = wb.feedback()
    form.text.value = "Kind but vague."
    form.save_button.click()
    panel.submit_button.click()
    assert "Handed in at" in panel.status.value
    [folder] = exchange.inbound(root, ASSIGNMENT).iterdir()
    assert read_json(folder / f"{ASSIGNMENT}-alice.answers.json")["feedback"]["text"] == "Kind but vague."
    # Opened again later, it still says when.
    again = hand_in_panel(Workbook.start(**parameters))
    assert again is not None and "Handed in at" in again.status.value

    page = exchange.mailbox(root, ASSIGNMENT, "alice") / exchange.feedback_name(ASSIGNMENT)
    page.write_text("<p>Well done.</p>", encoding="utf-8")
    shown = hand_in_panel(Workbook.start(**parameters))
    assert shown is not None and "open after-the-no-feedback.html" in shown.feedback.value
    assert (workbook.parent / "after-the-no-feedback.html").read_text(encoding="utf-8") == "<p>Well done.</p>"


def test_a_hand_in_dated_before_the_due_date_but_written_after_it_is_late(tmp_path: Path, root: Path) -> None:
    course = make_course(tmp_path, ["alice"], due=date.today() - timedelta(days=1))
    prepare(root, ASSIGNMENT)
    exchange.hand_in(root, ASSIGNMENT, "alice", answered(course, "alice", "x"),
                     now=datetime.now(timezone.utc) - timedelta(days=3))  # a time stamp anyone could write
    [found], problems = submissions(root, ASSIGNMENT)
    assert problems == []
    assert datetime.now(timezone.utc) - found.at < timedelta(minutes=3)  # the files' own time, less the tolerance
    result = run_cli("class", "collect", "--exchange", str(root), "--dir", str(course))
    assert "collected: alice (late)" in result.stdout


def test_the_littlest_jupyterhubs_accounts_are_their_hub_users() -> None:
    # TLJH runs alice's server as the system account jupyter-alice: the owner of her hand-ins.
    assert [hub_name(a) for a in ("jupyter-alice", "alice", "jupyter-", "jovyan")] == [
        "alice", "alice", "jupyter-", "jovyan"]


def test_a_hand_in_that_cannot_be_written_says_so_in_words_and_leaves_nothing_half_made(
        tmp_path: Path, root: Path) -> None:
    course = make_course(tmp_path, ["alice"])
    prepare(root, ASSIGNMENT)
    workbook, answers = answered(course, "alice", "x")
    twice = [workbook, answers, answers]  # the same name twice: the second cannot be made
    with pytest.raises(NextroundError) as caught:
        exchange.hand_in(root, ASSIGNMENT, "alice", twice)
    assert caught.value.message.startswith("Your work could not be handed in (File exists)")
    assert list(exchange.inbound(root, ASSIGNMENT).iterdir()) == []
