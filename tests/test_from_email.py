"""Starting from the email: `new --from-email`, `batch --from-emails`, and the offer of feedback in the workbook."""

from __future__ import annotations

import mailbox
import shutil
from datetime import date
from pathlib import Path

import pytest

import nextround
from conftest import heavy_imports, read_json, run_cli
from email_samples import SAMPLES
from nextround.core import answers
from nextround.notebook.workbook import Workbook

EMAILS = Path(__file__).resolve().parent / "data" / "emails"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile" / "emails"
IRONBRIDGE = "2026-03-16-ironbridge-foundry-quality-engineer.ipynb"


def parameters(workbook: Path) -> dict:
    return read_json(workbook)["metadata"]["papermill"]["parameters"]


def test_new_from_an_eml_says_what_it_took_and_from_where(tmp_path: Path) -> None:
    # A forwarded email with the rejection attached: the original's sender and date.
    result = run_cli("new", "--from-email", str(EMAILS / "001.eml"), "--dir", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"out/{IRONBRIDGE}"  # the path alone on stdout, for scripts
    assert result.stderr.splitlines()[:8] == [
        "nextround: read from the email (check these in the workbook):",
        "  company: Ironbridge Foundry, from the signature",
        "  role: Quality Engineer, from the text",
        "  contact: Callum Reid <c.reid@ironbridgefoundry.example>, from the attached email",
        "  date of the rejection: 2026-03-16, from the attached email",
        "  stage: final interview, from the text",
        "  feedback offered: yes, from the text",
        "Tip: `nextround init --dir out` adds home.ipynb there, to start and follow your workbooks from "
        "JupyterLab.",
    ]
    made = parameters(tmp_path / "out" / IRONBRIDGE)
    assert (made["company"], made["role"], made["rejected_on"], made["stage"], made["feedback_offered"]) == (
        "Ironbridge Foundry", "Quality Engineer", "2026-03-16", "final interview", True)
    assert made["contacts"] == ["Callum Reid <c.reid@ironbridgefoundry.example>"]


def test_options_on_the_command_line_win_over_the_email(tmp_path: Path) -> None:
    result = run_cli("new", "--from-email", str(EMAILS / "001.eml"), "--company", "Ironbridge", "--stage",
                     "second interview", "--no-feedback-offered", "--contact", "Ann Bell <ann@ironbridge.example>",
                     "--dir", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "  company: Ironbridge, from the command line" in result.stderr.splitlines()
    assert "  contact: Ann Bell <ann@ironbridge.example>, from the command line" in result.stderr.splitlines()
    made = parameters(tmp_path / result.stdout.strip())
    assert (made["company"], made["stage"], made["feedback_offered"]) == ("Ironbridge", "second interview", False)
    assert made["contacts"] == ["Ann Bell <ann@ironbridge.example>"]
    assert made["role"] == "Quality Engineer"  # not given: the email's


def test_pasted_text_on_standard_input_and_what_it_could_not_find(tmp_path: Path) -> None:
    pasted = SAMPLES["pasted from gmail"][0]
    result = run_cli("new", "--from-email", "-", "--dir", "out", cwd=tmp_path, input=str(pasted))
    assert result.returncode == 0, result.stderr
    assert "  date of the rejection: 2026-02-16, from the pasted header" in result.stderr.splitlines()
    only_body = (EMAILS / "009.txt").read_text(encoding="utf-8")  # no header, so no date and no one to reply to
    second = run_cli("new", "--from-email", "-", "--dir", "out", cwd=tmp_path, input=only_body)
    assert second.returncode == 0, second.stderr
    assert "  not found: contact, address to reply to, date of the rejection" in second.stderr.splitlines()
    assert parameters(tmp_path / second.stdout.strip())["rejected_on"] == date.today().isoformat()  # as `new`


def test_without_a_company_it_asks_for_one_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    result = run_cli("new", "--from-email", "-", "--dir", "out", cwd=tmp_path,
                     input="Unfortunately we won't be taking your application further.\n")
    assert result.returncode == 1
    assert result.stderr == "nextround: error: the email does not say the company; add --company …\n"
    assert not (tmp_path / "out").exists()
    given = run_cli("new", "--from-email", "-", "--company", "Acme", "--role", "Analyst", "--dir", "out",
                    cwd=tmp_path, input="Unfortunately we won't be taking your application further.\n")
    assert given.returncode == 0, given.stderr


@pytest.mark.parametrize(("name", "message"), [
    ("empty.eml", "is empty: there is no email in it"),
    ("junk.bin", "is not an email or text (it holds binary data)"),
    ("missing.eml", "no such file"),
])
def test_a_file_that_is_no_email_gets_one_line_naming_it(tmp_path: Path, name: str, message: str) -> None:
    result = run_cli("new", "--from-email", str(HOSTILE / name), "--dir", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"nextround: error: {HOSTILE / name}: {message}\n"
    assert not (tmp_path / "out").exists()


def test_errors_never_quote_the_email(tmp_path: Path) -> None:
    secret = "Dear Sam, my private words about Zanzibar."
    result = run_cli("new", "--from-email", "-", "--dir", "out", cwd=tmp_path, input=secret)
    assert result.returncode == 1 and "Zanzibar" not in result.stderr and "private" not in result.stderr


def test_new_with_neither_an_email_nor_a_company_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("new", "--role", "A", cwd=tmp_path)
    assert result.returncode == 2 and "--company" in result.stderr and "--from-email" in result.stderr


def test_new_from_an_email_imports_nothing_heavy(tmp_path: Path) -> None:
    heavy = {"pandas", "nbformat", "papermill", "jsonschema", "ipywidgets", "matplotlib"}
    assert heavy_imports(["new", "--from-email", str(EMAILS / "001.eml"), "--dir", str(tmp_path)], heavy=heavy) == []
    assert len(list(tmp_path.glob("*.ipynb"))) == 1


# --- batch ------------------------------------------------------------------------------


def test_batch_from_a_folder_names_each_bad_email_in_one_line_and_makes_the_rest(tmp_path: Path) -> None:
    mails = tmp_path / "mails"
    mails.mkdir()
    for name in ("001.eml", "002.eml", "009.txt"):
        shutil.copy(EMAILS / name, mails / name)
    shutil.copy(HOSTILE / "empty.eml", mails / "005-empty.eml")
    (mails / "006-no-company.txt").write_text("Unfortunately no.\n", encoding="utf-8")
    (mails / "007.msg").write_bytes(b"\xd0\xcf\x11\xe0")  # Outlook's own format
    (mails / "notes.md").write_text("not an email", encoding="utf-8")  # left alone
    first = run_cli("batch", "--from-emails", "mails", "--dir", "out", cwd=tmp_path)
    assert first.returncode == 1
    assert first.stdout.splitlines()[:2] == [f"out/{IRONBRIDGE}",
                                             "out/2025-10-24-marrowstone-software-software-engineer-new-grad-2026.ipynb"]
    assert len(first.stdout.splitlines()) == 3
    assert first.stderr.splitlines() == [
        "nextround: error: mails/005-empty.eml: is empty: there is no email in it",
        "nextround: error: mails/006-no-company.txt: the email does not say the company; make its workbook on its "
        "own with `nextround new --from-email FILE --company …`",
        "nextround: error: mails/007.msg: is an Outlook .msg file, which cannot be read; save the email as .eml "
        "(File > Save As) and try again",
        "nextround: 3 made, 0 skipped (exists), 3 failed",
    ]
    again = run_cli("batch", "--from-emails", "mails", "--dir", "out", cwd=tmp_path)
    assert again.stdout == "" and again.stderr.splitlines()[-1] == "nextround: 0 made, 3 skipped (exists), 3 failed"
    assert "mails/009.txt: " in again.stderr and "was made from this email before" in again.stderr


def test_batch_from_an_mbox_file_numbers_its_messages(tmp_path: Path) -> None:
    box = mailbox.mbox(tmp_path / "inbox.mbox")
    for name in ("001.eml", "003.eml"):
        box.add((EMAILS / name).read_bytes())
    box.add(b"From: x@y.example\n\nUnfortunately no.\n")
    box.flush()
    box.close()
    result = nextround.generate_from_emails(tmp_path / "inbox.mbox", dir=tmp_path / "out")
    assert [(row.status, row.where.rsplit(", ", 1)[-1]) for row in result.rows] == [
        ("made", "message 1"), ("made", "message 2"), ("failed", "message 3")]
    assert result.failed[0].line().endswith("message 3: the email does not say the company; make its workbook on "
                                            "its own with `nextround new --from-email FILE --company …`")
    assert {p.name for p in (tmp_path / "out").glob("*.ipynb")} == {
        IRONBRIDGE, "2025-11-06-fourth-coffee-store-operations-analyst.ipynb"}


def test_batch_takes_a_spreadsheet_or_emails_not_both(tmp_path: Path) -> None:
    assert run_cli("batch", cwd=tmp_path).returncode == 2
    both = run_cli("batch", "apps.csv", "--from-emails", "mails", cwd=tmp_path)
    assert both.returncode == 2 and "either FILE.csv or --from-emails" in both.stderr
    nothing = run_cli("batch", "--from-emails", "nowhere", cwd=tmp_path)
    assert nothing.returncode == 1 and nothing.stderr == "nextround: error: nowhere: no such file or folder\n"


# --- the workbook ------------------------------------------------------------------------


def _workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, email: bytes | str) -> Workbook:
    made = nextround.new_from_email(email, dir=tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return Workbook.start(**parameters(made))


def test_the_workbook_shows_the_offer_of_feedback_until_it_is_asked_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wb = _workbook(tmp_path, monkeypatch, (EMAILS / "001.eml").read_bytes())
    form = wb.feedback()
    # Made long after the email of 16 March 2026: asked for at once, not overdue.
    assert "They offered feedback: ask within the week, by" in form.offer.value
    assert "Feedback" in wb.header().value and "offered: ask within the week" in wb.header().value
    form.requested_on.value = date(2026, 3, 18)
    form.save_button.click()
    assert "They offered feedback, and you asked for it on 18 March 2026." in form.offer.value
    # No offer, no word about one.
    other = _workbook(tmp_path / "b", monkeypatch, (EMAILS / "002.eml").read_bytes())
    assert other.feedback().offer.value == ""


def test_the_next_actions_take_up_the_offer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nextround.core.progress import pending

    wb = _workbook(tmp_path, monkeypatch, (EMAILS / "001.eml").read_bytes())
    doc = wb.answers()
    whats = [a.what for a in pending(doc)]
    assert "Send one short reply: thanks, taking up their offer of feedback, and your CV kept on file" in whats


def test_replies_go_to_a_shared_mailbox_when_no_person_is_named(tmp_path: Path) -> None:
    made = nextround.new_from_email(SAMPLES["shared mailbox"][0], dir=tmp_path)
    doc = read_json(made.with_name(made.stem + ".answers.json"))
    assert doc["rejection"]["reply_to"] == "careers@harbourlightsbank.example" and doc["contacts"] == []
    assert answers.main_address(doc) == "careers@harbourlightsbank.example"
