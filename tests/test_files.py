"""The files nextround writes: only regular files replaced, private by default, errors named.

`-o` of report, calendar and export, and every save, go through `storage.files`:
whatever is at the path that is not a regular file (a pipe, a device, a link, a
folder) is refused in one line and left as it is; a folder that cannot be written
is named through the person's own file, never our hidden temporary one; a new file
is readable by its owner only, and a file given another mode keeps it.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import known_folder as kf
import nextround
from conftest import ACME, run_cli
from nextround.errors import NextroundError
from nextround.storage.store import answers_path_for


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return kf.make(tmp_path / "workbooks")


# --- only regular files are replaced ---------------------------------------------------


def special(kind: str, path: Path, tmp_path: Path) -> Path:
    """Something that is not a regular file at `path`: a pipe, a device, a link or a folder."""
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "device":
        try:  # a private copy of /dev/null, so nothing outside the test is at risk
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except (PermissionError, AttributeError):
            pytest.skip("making a device node needs root on Linux")
    elif kind == "link":
        target = tmp_path / "elsewhere.txt"
        target.write_text("the person's own file\n", encoding="utf-8")
        path.symlink_to(target)
    else:
        path.mkdir()
    return path


def unchanged(kind: str, path: Path, tmp_path: Path) -> bool:
    info = os.lstat(path)
    checks = {"pipe": stat.S_ISFIFO, "device": stat.S_ISCHR, "link": stat.S_ISLNK, "folder": stat.S_ISDIR}
    same = checks[kind](info.st_mode)
    if kind == "link":
        same = same and (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "the person's own file\n"
    return same


KINDS = {"pipe": "a pipe", "device": "a device", "link": "a link", "folder": "a folder"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_calendar_refuses_to_replace_what_is_not_a_regular_file(folder: Path, tmp_path: Path, kind: str) -> None:
    out = special(kind, tmp_path / "reminders.ics", tmp_path)
    result = run_cli("calendar", "--dir", str(folder), "-o", str(out), )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"nextround: error: {out}: is {KINDS[kind]}, not a regular file, so it was left as it is"]
    assert unchanged(kind, out, tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("kind", ["pipe", "link"])
def test_export_refuses_a_table_file_that_is_not_a_regular_file(folder: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    target = special(kind, out / "contacts.csv", tmp_path)
    result = run_cli("export", "--dir", str(folder), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"nextround: error: {target}: is {KINDS[kind]}, not a regular file, so it was left as it is")
    assert unchanged(kind, target, tmp_path)


def test_report_refuses_a_pipe_before_running_anything(folder: Path, tmp_path: Path) -> None:
    out = special("pipe", tmp_path / "journey.html", tmp_path)
    result = run_cli("report", "--dir", str(folder), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.strip() == f"nextround: error: {out}: is a pipe, not a regular file, so it was left as it is"
    assert stat.S_ISFIFO(os.lstat(out).st_mode)


def test_a_save_over_a_linked_answers_file_is_refused_and_the_link_kept(acme_workbook: Path, tmp_path: Path) -> None:
    answers = answers_path_for(acme_workbook)
    real = tmp_path / "kept-elsewhere.answers.json"
    answers.rename(real)
    answers.symlink_to(real)
    before = real.read_bytes()
    with pytest.raises(NextroundError, match="is a link, not a regular file"):
        nextround.open_answers(acme_workbook).update("reply", draft="Thank you.")
    assert answers.is_symlink() and real.read_bytes() == before


# --- a folder that cannot be written is named through the person's file ------------------


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A folder nothing can be written into, even by root (made immutable when we are root)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("no way to make a folder unwritable for root here")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.parametrize("command, named", [
    (["new", "--company", "Acme", "--role", "Analyst", "--rejected-on", "2026-06-17", "--dir", "{locked}"],
     "{locked}/2026-06-17-acme-analyst.ipynb"),
    (["init", "--dir", "{locked}"], "{locked}/home.ipynb"),
    (["calendar", "--dir", "{folder}", "-o", "{locked}/reminders.ics"], "{locked}/reminders.ics"),
    (["export", "--dir", "{folder}", "-o", "{locked}"], "{locked}/rejections.csv"),
], ids=["new", "init", "calendar", "export"])
def test_an_unwritable_folder_is_named_through_the_persons_file(
        folder: Path, unwritable: Path, command: list[str], named: str) -> None:
    args = [part.format(locked=unwritable, folder=folder) for part in command]
    result = run_cli(*args)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"nextround: error: {named.format(locked=unwritable)}: cannot be written (")
    assert ".tmp" not in line
    assert not list(unwritable.iterdir())


def test_the_api_names_the_workbook_not_a_temporary_file(unwritable: Path) -> None:
    with pytest.raises(NextroundError) as caught:
        nextround.new(dir=unwritable, **ACME)
    assert str(caught.value).startswith(f"{unwritable / '2026-06-17-acme-analytics-data-analyst.ipynb'}: "
                                        "cannot be written (")
    assert ".tmp" not in str(caught.value)


# --- private by default, a person's own mode kept ---------------------------------------


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that makes new files readable by everyone, as many systems have."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without hard links, as some network drives are."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-hard-links"])
def test_new_workbooks_answers_and_history_are_private(
        tmp_path: Path, open_umask: None, request: pytest.FixtureRequest, links: bool) -> None:
    if not links:
        request.getfixturevalue("no_hard_links")
    workbook = nextround.new(dir=tmp_path, **ACME)
    answers = nextround.open_answers(workbook)
    answers.update("reply", draft="Thank you for letting me know.")
    (kept,) = answers.store.history()
    assert {mode(workbook), mode(answers.store.path), mode(kept)} == {0o600}


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_mode_the_person_gave_an_answers_file_outlives_every_save(
        tmp_path: Path, open_umask: None, request: pytest.FixtureRequest, links: bool) -> None:
    if not links:
        request.getfixturevalue("no_hard_links")
    workbook = nextround.new(dir=tmp_path, **ACME)
    answers = nextround.open_answers(workbook)
    answers.store.path.chmod(0o640)  # shared with an instructor's group
    answers.update("reply", draft="Thank you.")
    answers.update("reply", sent_on="2026-06-19")
    assert mode(answers.store.path) == 0o640
    assert {mode(p) for p in answers.store.history()} == {0o640}


def test_outputs_are_private_when_new_and_keep_their_mode_when_replaced(
        folder: Path, tmp_path: Path, open_umask: None) -> None:
    fresh, shared = tmp_path / "fresh.ics", tmp_path / "shared.ics"
    shared.write_text("old\n", encoding="utf-8")
    shared.chmod(0o644)
    for out in (fresh, shared):
        assert run_cli("calendar", "--dir", str(folder), "-o", str(out)).returncode == 0
    assert (mode(fresh), mode(shared)) == (0o600, 0o644)
    assert shared.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_init_refuses_a_pipe_where_home_should_be_and_never_waits_on_it(tmp_path: Path) -> None:
    home = special("pipe", tmp_path / "home.ipynb", tmp_path)
    result = run_cli("init", "--dir", str(tmp_path))  # before, it waited for the pipe to be written
    assert result.returncode == 1
    assert result.stderr.strip() == f"nextround: error: {home}: is a pipe, not a regular file, so it was left as it is"
