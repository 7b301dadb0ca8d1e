"""A class on a real JupyterHub: handed out with nbgitpuller, worked in JupyterLab, handed in with Submit.

The hub runs on 127.0.0.1 with configurable-http-proxy, real accounts for an
instructor and two students (`LocalProcessSpawner` runs each server as its user)
and a shared password. The instructor publishes the class handout as a git
repository that an nbgitpuller link clones into each student's home; each student
signs in through the hub's login page in chromium, opens the handout, which knows
them from `JUPYTERHUB_USER` and makes their workbook, checks in, records feedback,
saves and presses Submit. The instructor collects from the exchange with the CLI,
as their own account, writes the report, grades and feedback, and hands feedback
back; the student sees it. Then the permissions are checked between the accounts
themselves: one student cannot list or read another's hand-in or feedback.

Needs root (to make the accounts), Node.js and npm (for the proxy), and chromium; in
CI (CI=true) a missing piece fails the test rather than skipping it.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from . import hub as hubs
from .workbook_page import WorkbookPage, expect

pytestmark = pytest.mark.slow

ASSIGNMENT = "after-the-no"
INSTRUCTOR = "nr-instructor"
STUDENTS = ("nr-student1", "nr-student2")
FEEDBACK = {"nr-student1": "They wanted more SQL in the portfolio.",
            "nr-student2": "Another candidate had more experience."}


@dataclass
class ClassHub:
    """The hub, its accounts and the class's folders, as the instructor set them up."""

    hub: hubs.Hub
    accounts: dict[str, hubs.Account]
    base: Path
    code: Path
    venv: Path
    exchange: Path
    course: Path
    link: str  # the nbgitpuller link the instructor posts

    def nextround(self, *args: str, check: bool = True) -> Any:
        """`nextround ARGS`, run by the instructor as their own account, in their home."""
        return hubs.as_user(self.accounts[INSTRUCTOR], [str(self.venv / "bin" / "python"), "-m", "nextround", *args],
                            env={"PYTHONPATH": str(self.code)}, check=check)

    def python(self, user: str, code: str, *args: str) -> Any:
        """A few lines of Python run as `user`, with this checkout's nextround."""
        return hubs.as_user(self.accounts[user], [str(self.venv / "bin" / "python"), "-c", code, *args],
                            env={"PYTHONPATH": str(self.code)}, check=False)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must run the hub test: {reason}", pytrace=False)
    pytest.skip(f"the hub test cannot run here: {reason}")


@pytest.fixture(scope="module")
def class_hub() -> Iterator[ClassHub]:
    """A hub with an instructor and two students, the handout published and the exchange set up."""
    base = Path(tempfile.mkdtemp(prefix="nextround-hub-", dir="/tmp"))
    os.chmod(base, 0o755)  # every account enters it; each home inside is its owner's alone
    accounts: list[hubs.Account] = []
    hub = None
    try:
        try:
            venv = hubs.hub_venv()
            hubs.proxy_command()
            (base / "home").mkdir(mode=0o755)
            accounts = hubs.make_accounts([INSTRUCTOR, *STUDENTS], base / "home")
        except hubs.HubUnavailable as exc:
            _unavailable(str(exc))
        if shutil.which("git") is None:
            _unavailable("git is not installed (nbgitpuller needs it)")
        by_name = {a.name: a for a in accounts}
        for account in accounts:
            hubs.quiet_lab(account.home, account)
        code = hubs.code_copy(base)
        # The administrator, once: the exchange, and a folder for the class's repositories,
        # both the instructor's (docs/hub.md).
        exchange, srv = base / "srv" / "exchange", base / "srv" / "repos"
        for folder in (exchange, srv):
            folder.mkdir(parents=True)
            os.chown(folder, by_name[INSTRUCTOR].uid, by_name[INSTRUCTOR].gid)
        os.chmod(base / "srv", 0o755)
        setup = ClassHub(None, by_name, base, code, venv, exchange,  # type: ignore[arg-type]
                         by_name[INSTRUCTOR].home / "course", "")
        repo = publish(setup, srv)
        # The class repository is the instructor's: git reads another account's repository only where
        # the system's git config says it may (on a real hub: `git config --system --add safe.directory`).
        system_config = base / "srv" / "gitconfig"
        system_config.write_text(f"[safe]\n\tdirectory = {repo}\n")
        os.chmod(system_config, 0o644)
        hub = hubs.start_hub(base / "hub", admin=INSTRUCTOR, users=[INSTRUCTOR, *STUDENTS], code=code,
                             environment={"NEXTROUND_EXCHANGE": str(exchange),
                                          "GIT_CONFIG_SYSTEM": str(system_config)})
        setup.hub = hub
        query = urllib.parse.urlencode({"repo": f"file://{repo}", "branch": "main", "targetpath": ASSIGNMENT,
                                        "urlpath": f"lab/tree/{ASSIGNMENT}/handout.ipynb"})
        setup.link = f"{hub.url}/hub/user-redirect/git-pull?{query}"
        yield setup
    finally:
        if hub is not None:
            hubs.stop_hub(hub)
        hubs.remove_accounts(accounts)
        if not os.environ.get("NEXTROUND_KEEP_HUB"):  # kept, to look at after a failure
            shutil.rmtree(base, ignore_errors=True)


def publish(setup: ClassHub, srv: Path) -> Path:
    """The instructor makes the course, its handout and the exchange, and publishes the handout
    as a git repository (nbgitpuller's source); the repository's path."""
    home = setup.accounts[INSTRUCTOR].home
    roster = home / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name", "email"])
        writer.writerow(["nr-student1", "Ana Silva", "ana.silva@example.org"])
        writer.writerow(["nr-student2", "Ben Okoro", "ben.okoro@example.org"])
    os.chown(roster, setup.accounts[INSTRUCTOR].uid, setup.accounts[INSTRUCTOR].gid)
    due = (date.today() + timedelta(days=7)).isoformat()
    setup.nextround("class", "generate", str(roster), "--dir", "course", "--assignment", ASSIGNMENT, "--due", due)
    folder = home / ASSIGNMENT
    hubs.as_user(setup.accounts[INSTRUCTOR], ["mkdir", str(folder)])
    setup.nextround("class", "handout", "--dir", "course", "-o", f"{ASSIGNMENT}/handout.ipynb")
    made = setup.nextround("class", "exchange", str(setup.exchange), "--dir", "course")
    assert "mode 3733" in made.stdout and "NEXTROUND_EXCHANGE" in made.stdout, made.stdout
    repo = srv / f"{ASSIGNMENT}.git"
    instructor = setup.accounts[INSTRUCTOR]
    for command in (["git", "init", "--quiet", "--initial-branch=main", str(folder)],
                    ["git", "-C", str(folder), "add", "handout.ipynb"],
                    ["git", "-C", str(folder), "-c", "user.name=Instructor", "-c", "user.email=instructor@example.org",
                     "commit", "--quiet", "-m", "The class handout"],
                    ["git", "clone", "--quiet", "--bare", str(folder), str(repo)]):
        hubs.as_user(instructor, command)
    return repo


def sign_in_and_work(browser: Any, setup: ClassHub, user: str) -> tuple[Any, WorkbookPage, float]:
    """A student follows the link, signs in, opens the handout and then their workbook, fills two forms,
    saves and hands in; (their browser context, the workbook's tab, seconds from sign-in to a rendered workbook)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400}, locale="en-GB",
                                  timezone_id="Europe/London")
    context.set_default_timeout(WorkbookPage.STEP_TIMEOUT_MS)
    tab = WorkbookPage(context.new_page())
    try:
        return context, tab, _work(setup, tab, user)
    except Exception as exc:
        shot = setup.base / f"failed-{user}.png"
        tab.page.screenshot(path=str(shot))
        raise AssertionError(f"{user}'s session failed at {tab.page.url} (picture: {shot}); the hub's log ends:\n"
                             f"{setup.hub.log_tail(6000)}") from exc


def _work(setup: ClassHub, tab: WorkbookPage, user: str) -> float:
    page = tab.page
    page.goto(setup.link)  # not signed in: the hub's login page first
    page.locator("#username_input").fill(user)
    page.locator("#password_input").fill(hubs.USER_PASSWORD)
    started = time.perf_counter()
    page.locator("#login_submit").click()
    # The hub starts their server, nbgitpuller clones the handout into their home, Lab opens it.
    page.wait_for_url(f"**/user/{user}/lab/tree/{ASSIGNMENT}/handout.ipynb*", timeout=WorkbookPage.TIMEOUT_MS)
    tab.wait_for_document("handout.ipynb")
    tab.run_handout()
    workbook = f"{ASSIGNMENT}-{user}.ipynb"
    page.get_by_role("link", name=f"open {workbook}").click()
    tab.wait_for_document(workbook)
    tab.run_all()
    rendered = time.perf_counter() - started
    assert tab.problem_outputs() == []

    tab.set_slider("checkin-mood", 6)
    tab.choose("checkin-ready", "Yes, I'm ready")
    tab.save("checkin")
    tab.fill("feedback-text", FEEDBACK[user])
    tab.save("feedback")
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    tab.part("handin-submit-button").click()
    tab.part("handin-status").get_by_text("Handed in at").wait_for()
    return rendered


def test_a_class_hands_in_through_the_hub_and_gets_feedback_back(browser: Any, class_hub: ClassHub,
                                                                   screenshots: Path) -> None:
    setup = class_hub
    contexts = []
    try:
        tabs = {}
        for user in STUDENTS:
            context, tab, seconds = sign_in_and_work(browser, setup, user)
            contexts.append(context)
            tabs[user] = tab
            print(f"\n{user}: {seconds:.1f} s from signing in to a rendered workbook "
                  "(server start, nbgitpuller, handout, workbook run)")
        for user in STUDENTS:  # for sizing a hub: a student's server with the workbook's kernel running
            print(f"{user}: {hubs.memory_of(user):.0f} MiB for their server and kernels, the workbook open")
        first = tabs[STUDENTS[0]]
        first.screenshot(screenshots / "hub-submit.png", first.part("handin"))

        collected = setup.nextround("class", "collect", "--exchange", str(setup.exchange), "--dir", "course")
        assert "collected: nr-student1\n" in collected.stdout and "collected: nr-student2\n" in collected.stdout
        assert "Course so far: 2 of 2 collected, 0 late, 0 held for review, 0 missing" in collected.stdout
        course = json.loads((setup.course / "course.json").read_text())
        assert {s["student_id"]: s["hub_user"] for s in course["students"]} == {u: u for u in STUDENTS}
        for user in STUDENTS:
            answers = json.loads((setup.course / "submitted" / user / f"{user}.answers.json").read_text())
            assert answers["feedback"]["text"] == FEEDBACK[user]
            assert answers["checkins"][0]["mood"] == 6
            assert (setup.course / "submitted" / user / f"{user}.ipynb").exists()  # rebuilt, never run

        setup.nextround("class", "report", "--dir", "course", "-o", "report.html")
        assert "<html" in (setup.accounts[INSTRUCTOR].home / "report.html").read_text().lower()
        setup.nextround("class", "grades", "--dir", "course", "-o", "grades.csv")
        with open(setup.accounts[INSTRUCTOR].home / "grades.csv", encoding="utf-8") as f:
            scores = {row["student_id"]: row["score"] for row in csv.DictReader(f)}
        assert set(scores) == set(STUDENTS) and all(scores.values())
        released = setup.nextround("class", "feedback", "--dir", "course", "-o", "feedback", "--exchange",
                                   str(setup.exchange))
        assert "released: 2 feedback pages into the exchange" in released.stdout

        # The student opens their workbook again: the feedback is beside it, and linked.
        first.restart_and_run_all()
        first.part("handin-feedback").get_by_text("Your instructor has sent you feedback").wait_for()
        page = contexts[0].new_page()
        page.goto(f"{setup.hub.url}/user/{STUDENTS[0]}/files/{ASSIGNMENT}/{ASSIGNMENT}-feedback.html")
        expect(page.get_by_text("Your next round: feedback")).to_be_visible()
    finally:
        for context in contexts:
            context.close()


ISOLATION = "isolation-check"
_HAND_IN = """
import sys
from pathlib import Path
from nextround.storage import exchange
source = Path.home() / "mine.answers.json"
source.write_text('{"words": "private"}')
done = exchange.hand_in(sys.argv[1], sys.argv[2], sys.argv[3], [source])
print(done.folder)
"""
_PRY = """
import json, os, sys
from pathlib import Path
folder, inbound, mailbox = map(Path, sys.argv[1:4])
tried = {}
for what, attempt in [("list inbound", lambda: os.listdir(inbound)),
                      ("list their hand-in", lambda: os.listdir(folder)),
                      ("read their answers", lambda: (folder / "mine.answers.json").read_text()),
                      ("remove their hand-in", lambda: os.rename(folder, inbound / "taken")),
                      ("list their feedback", lambda: os.listdir(mailbox)),
                      ("read their feedback", lambda: (mailbox / "page.html").read_text())]:
    try:
        attempt()
        tried[what] = "allowed"
    except PermissionError:
        tried[what] = "refused"
print(json.dumps(tried))
"""


def test_one_student_cannot_list_or_read_anothers_hand_in_or_feedback(class_hub: ClassHub) -> None:
    setup = class_hub
    made = setup.python(INSTRUCTOR, "import sys; from nextround.classroom.exchange import prepare; "
                                    "print(prepare(sys.argv[1], sys.argv[2]))", str(setup.exchange), ISOLATION)
    assert made.returncode == 0, made.stderr
    handed = setup.python(STUDENTS[0], _HAND_IN, str(setup.exchange), ISOLATION, STUDENTS[0])
    assert handed.returncode == 0, handed.stderr
    folder = Path(handed.stdout.strip())
    inbound = setup.exchange / ISOLATION / "inbound"
    mailbox = setup.exchange / ISOLATION / "feedback" / STUDENTS[0]
    page = ("import sys; from pathlib import Path; from nextround.storage import files; "
            "files.create(Path(sys.argv[1]) / 'page.html', '<p>For you</p>', mode=0o644)")
    assert setup.python(INSTRUCTOR, page, str(mailbox)).returncode == 0  # the instructor hands feedback back

    pried = setup.python(STUDENTS[1], _PRY, str(folder), str(inbound), str(mailbox))
    assert pried.returncode == 0, pried.stderr
    assert set(json.loads(pried.stdout).values()) == {"refused"}, pried.stdout

    # Its own student reads their feedback; the instructor lists and reads every hand-in.
    own = setup.python(STUDENTS[0], "import sys; print(open(sys.argv[1]).read())", str(mailbox / "page.html"))
    assert own.stdout.strip() == "<p>For you</p>"
    teacher = setup.python(INSTRUCTOR, "import os, sys; from pathlib import Path; i = Path(sys.argv[1]); "
                                       "f = next(i.iterdir()); print((f / 'mine.answers.json').read_text())",
                           str(inbound))
    assert teacher.returncode == 0 and "private" in teacher.stdout, teacher.stderr
    # The second student hands in too: the exchange takes every student's work.
    assert setup.python(STUDENTS[1], _HAND_IN, str(setup.exchange), ISOLATION, STUDENTS[1]).returncode == 0
