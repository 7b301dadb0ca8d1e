"""In the person's language: en-GB, en-US and de, chosen once and kept with the workbook.

What a person notices: a workbook made with `--locale de` shows German labels,
buttons, next actions and dates when it runs, whatever the machine it runs on; an
en-US one says "résumé" and writes "June 10, 2026"; the command line speaks the
language asked for, or the system's; the calendar gives each event in its own
workbook's language; and a German workbook does not judge German text with the
English checks.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

import nextround
from conftest import ACME, read_json, widget_values
from nextround.core import i18n
from nextround.core.parameters import Rejection
from nextround.errors import ParameterError
from nextround.notebook.workbook import Workbook

ROOT = Path(__file__).resolve().parent.parent
NEW = ["new", "--company", "Acme Analytics", "--role", "Data Analyst", "--interview-date", "2026-06-10",
       "--rejected-on", "2026-06-17", "--contact", "Priya Shah <priya@acme.example>"]


def cli(*args: str, cwd: Path, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    """`nextround` as a person runs it, on a machine whose language is `lang`."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "nextround", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def made(result: subprocess.CompletedProcess, cwd: Path) -> Path:
    assert result.returncode == 0, result.stderr
    return cwd / result.stdout.strip()


def parameters(workbook: Path) -> dict:
    return read_json(workbook)["metadata"]["papermill"]["parameters"]


def shown(nb: dict) -> str:
    """Everything the workbook's widgets show — values, labels, buttons, choices, hints — as one text."""
    state = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    parts = [str(v) for v in widget_values(nb)]
    for model in state.values():
        s = model["state"]
        parts += [str(s.get(key) or "") for key in ("description", "placeholder", "tooltip")]
        parts += [str(x) for key in ("_options_labels", "tooltips", "_titles") for x in (s.get(key) or [])]
    return html.unescape("\n".join(parts))


# --- the locale is a parameter of the rejection, kept with the workbook -------------------


def test_the_locale_is_validated_and_a_workbook_without_one_is_en_gb() -> None:
    assert Rejection.from_mapping({"company": "A", "role": "B"}).locale == "en-GB"  # one made before
    assert Rejection.from_mapping({"company": "A", "role": "B", "locale": "de_DE.UTF-8"}).locale == "de"
    assert Rejection.from_mapping({"company": "A", "role": "B", "locale": "en-us"}).to_parameters()["locale"] == "en-US"
    with pytest.raises(ParameterError) as caught:
        Rejection.from_mapping({"company": "A", "role": "B", "locale": "fr"})
    assert caught.value.field == "locale" and "en-GB, en-US, de" in str(caught.value)


def test_new_keeps_the_locale_in_the_parameters_cell_and_the_papermill_metadata(tmp_path: Path) -> None:
    workbook = made(cli(*NEW, "--locale", "de", cwd=tmp_path), tmp_path)
    nb = read_json(workbook)
    injected = next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    assert "locale = 'de'\n" in injected["source"]
    assert parameters(workbook)["locale"] == "de"
    assert read_json(workbook.with_name(workbook.stem + ".answers.json"))["rejection"]["locale"] == "de"
    # The one line a person sees of the hidden cell is German too.
    assert injected["source"][0].startswith("# Die Angaben zu dieser Absage")


def test_new_speaks_the_system_language_where_we_speak_it_else_en_gb(tmp_path: Path) -> None:
    german = made(cli(*NEW, "--dir", "de", cwd=tmp_path, lang="de_DE.UTF-8"), tmp_path)
    french = made(cli(*NEW, "--dir", "fr", cwd=tmp_path, lang="fr_FR.UTF-8"), tmp_path)
    assert parameters(german)["locale"] == "de" and parameters(french)["locale"] == "en-GB"


def test_a_locale_nextround_does_not_speak_is_refused_in_one_line(tmp_path: Path) -> None:
    result = cli(*NEW, "--locale", "fr", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "nextround does not speak 'fr' yet; choose one of en-GB, en-US, de" in result.stderr
    assert not list(tmp_path.rglob("*.ipynb"))


def test_batch_takes_a_locale_per_row_and_a_default_for_the_rest(tmp_path: Path) -> None:
    sheet = tmp_path / "apps.csv"
    sheet.write_text("company,role,rejected_on,locale\nAcme,Analyst,2026-06-17,de\nBorealis,Designer,2026-06-18,\n"
                     "Cobalt,Tester,2026-06-19,fr\n", encoding="utf-8")
    result = cli("batch", str(sheet), "--locale", "en-US", "--dir", "out", cwd=tmp_path)
    assert result.returncode == 1  # the French row is reported, the others made
    assert "row 4 (the header is row 1), column locale: nextround does not speak 'fr' yet" in result.stderr
    locales = {parameters(Path(tmp_path / line))["company"]: parameters(Path(tmp_path / line))["locale"]
               for line in result.stdout.split()}
    assert locales == {"Acme": "de", "Borealis": "en-US"}


def test_batch_run_again_on_a_machine_of_another_language_makes_nothing_twice(tmp_path: Path) -> None:
    sheet = tmp_path / "apps.csv"
    sheet.write_text("company,role\nAcme,Analyst\n", encoding="utf-8")  # no date: recognised by its content
    assert cli("batch", str(sheet), "--dir", "out", cwd=tmp_path, lang="de_DE.UTF-8").returncode == 0
    again = cli("batch", str(sheet), "--dir", "out", cwd=tmp_path, lang="en_US.UTF-8")
    assert again.returncode == 0 and "0 made, 1 skipped" in again.stderr
    assert len(list((tmp_path / "out").glob("*.ipynb"))) == 1


# --- the workbook, run in a real kernel ----------------------------------------------------


@pytest.mark.slow
def test_a_german_workbook_runs_in_german_even_on_an_english_machine(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from nextround.making.run import execute

    workbook = made(cli(*NEW, "--locale", "de", cwd=tmp_path), tmp_path)
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the kernel runs on a machine set to US English
    text = shown(read_json(execute(workbook)))
    for german in ("Feedback speichern", "Stimmungscheck speichern", "Antwort speichern",  # buttons
                   "Wie fühlen Sie sich?", "Zu sendende Bitte", "Kennengelernte Personen",  # labels
                   "Nächste Aufgaben", "Eine kurze Antwort senden: Dank, Bitte um Feedback",  # next actions
                   "17. Juni 2026", "10. Juni 2026",  # dates, as German readers write them
                   "Fortschritt: 0 von 5 Schritten erledigt", "Um ehrliches Feedback bitten"):
        assert german in text, german
    for english in ("Save feedback", "Next actions", "June 2026", "Ask for honest feedback"):
        assert english not in text, english


@pytest.mark.slow
def test_an_american_workbook_says_resume_and_writes_dates_month_first(tmp_path: Path) -> None:
    from nextround.making.run import execute

    workbook = made(cli(*NEW, "--locale", "en-US", cwd=tmp_path), tmp_path)
    text = shown(read_json(execute(workbook)))
    assert "June 10, 2026" in text and "June 17, 2026" in text
    assert "Save résumé request" in text and "Ask for your résumé to be kept on file" in text
    assert "Best regards" in text  # the sign-off suggested in the details form
    # (The drafted messages come from the message templates, which have their own per-language folders.)
    assert "Save CV request" not in text and "Ask for your CV" not in text and "10 June 2026" not in text


# --- the forms, as objects -------------------------------------------------------------------


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workbook:
    """A German workbook as its notebook starts it, in its folder."""
    path = nextround.new(dir=tmp_path, locale="de", **ACME)
    monkeypatch.chdir(path.parent)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return Workbook.start(**read_json(path)["metadata"]["papermill"]["parameters"])


def test_a_german_form_handles_its_events_in_german_whatever_the_language_around_it(german: Workbook) -> None:
    form = german.feedback()
    assert form.save_button.description == "Feedback speichern"
    assert form.requested_via.options[1] == ("E-Mail", "email")  # shown in German, saved as data
    # The events below arrive outside the cell that built the form, in en-GB.
    assert i18n.current() == "en-GB"
    form.received_on.value = date(2026, 6, 24)
    assert "Ungespeicherte Änderungen" in form.status.value
    form.save_button.click()
    assert "Gespeichert um" in form.status.value
    contacts = german.contacts()
    priya = contacts.panel("Priya Shah")
    priya.linkedin_note.value = "x" * 250
    assert "50 zu lang" in priya.linkedin_count.value and "passt" in priya.linkedin_count.value
    contacts.new_contact.value = "Sam Lee <sam@example.org>"
    contacts.add_button.click()
    assert "Sam Lee hinzugefügt" in contacts.status.value
    checkin = german.checkin()
    checkin.skip.click()
    assert "Stimmungscheck übersprungen" in checkin.status.value
    summary = german.summary()
    german.save(lambda doc: doc["feedback"].update(requested_on="2026-06-18"))  # saved from elsewhere
    assert "Nächste Aufgaben" in summary.value and "Next actions" not in summary.value


def test_a_german_workbook_says_the_checks_read_english_only_instead_of_judging(german: Workbook) -> None:
    line = "lesen vorerst nur Englisch"
    feedback = german.feedback()
    feedback.text.value = "Ein anderer Kandidat hatte mehr Erfahrung."
    assert line in feedback.verdict.value and "vage" not in feedback.verdict.value
    assert "Another candidate" not in feedback.follow_up_draft.value  # no English questions put in the draft
    feedback.save_button.click()
    saved = read_json(german.store.path)["feedback"]
    assert saved["vague"] is None and saved["themes"] == []  # not judged with English rules
    reply = german.reply()
    reply.draft.value = "Was für eine Farce. Viel Glück dabei, jemanden wie mich zu finden!"
    assert line in reply.tone.value and "Formulierung" not in reply.tone.value
    review = german.self_review()
    rendered = " ".join(w.value for w in review.widget.children if isinstance(getattr(w, "value", None), str))
    assert line in rendered and "beim Tippen geprüft" not in rendered  # said once, not per answer
    review.questions.children[0].children[2].value = "Ich habe die Abläufe im Café neu geordnet."
    assert review.questions.children[0].children[3].value == ""  # no STAR verdict on German text


def test_an_english_workbook_still_judges_its_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = nextround.new(dir=tmp_path, locale="en-US", **ACME)
    monkeypatch.chdir(path.parent)
    wb = Workbook.start(**read_json(path)["metadata"]["papermill"]["parameters"])
    form = wb.feedback()
    form.text.value = "Another candidate had more experience."
    assert "This feedback is vague" in form.verdict.value


def test_an_old_workbook_without_a_locale_speaks_en_gb_on_a_german_machine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = nextround.new(dir=tmp_path, locale="de", **ACME)
    values = {k: v for k, v in read_json(path)["metadata"]["papermill"]["parameters"].items() if k != "locale"}
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.chdir(path.parent)
    wb = Workbook.start(**values)
    assert wb.locale == "en-GB" and wb.feedback().save_button.description == "Save feedback"


# --- the command line ---------------------------------------------------------------------


@pytest.mark.parametrize("how", ["--locale", "LANG"])
def test_new_status_and_due_speak_german(tmp_path: Path, how: str) -> None:
    def run(*args: str) -> subprocess.CompletedProcess:
        if how == "--locale":
            return cli(*args, "--locale", "de", cwd=tmp_path)
        return cli(*args, cwd=tmp_path, lang="de_DE.UTF-8")

    new = run(*NEW, "--dir", "jobs")
    assert new.returncode == 0 and "Tipp: `nextround init --dir jobs` legt dort home.ipynb an" in new.stderr
    status = run("status", "--dir", "jobs")
    assert status.returncode == 0
    assert "Schritte: 1 Um ehrliches Feedback bitten, 2 Professionell bleiben" in status.stderr
    assert "● erledigt, ◐ begonnen, · offen" in status.stderr
    due = run("due", "--dir", "jobs")  # made today: the one short reply is due in two days
    assert due.returncode == 0
    with i18n.using("de"):
        in_two_days = i18n.weekday_date(date.today() + timedelta(days=2))
    assert "In den nächsten 7 Tagen (" in due.stdout
    assert f"{in_two_days} " in due.stdout and "Eine kurze Antwort senden" in due.stdout
    problem = run("due", "--on", "2026-13-01", "--dir", "jobs")
    assert problem.returncode == 1
    assert problem.stderr.startswith("nextround: Fehler: --on: '2026-13-01' ist kein gültiges Datum")


def test_the_help_and_argparse_own_words_speak_german(tmp_path: Path) -> None:
    helped = cli("--locale", "de", "new", "--help", cwd=tmp_path)
    assert helped.returncode == 0
    assert helped.stdout.startswith("Aufruf: nextround new") and "wer Ihnen abgesagt hat" in helped.stdout
    missing = cli("new", "--company", "Acme", cwd=tmp_path, lang="de_DE.UTF-8")
    assert missing.returncode == 2 and "nextround new: Fehler: diese Argumente fehlen: --role" in missing.stderr


def test_each_calendar_event_and_due_line_is_in_its_own_workbooks_language(tmp_path: Path) -> None:
    assert cli(*NEW, "--locale", "de", "--dir", "jobs", cwd=tmp_path).returncode == 0
    assert cli("new", "--company", "Borealis Bank", "--role", "Product Designer", "--rejected-on", "2026-06-17",
               "--locale", "en-US", "--dir", "jobs", cwd=tmp_path).returncode == 0
    result = cli("calendar", "-o", "due.ics", "--dir", "jobs", cwd=tmp_path)  # the person reads en-GB
    assert result.returncode == 0 and "3 reminders written" in result.stderr
    cal = icalendar.Calendar.from_ical((tmp_path / "due.ics").read_bytes())
    assert str(cal["x-wr-calname"]) == "nextround reminders"
    events = {str(e["summary"]): str(e["description"]) for e in cal.walk("VEVENT")}
    assert events == {
        "Eine kurze Antwort senden: Dank, Bitte um Feedback und um Aufbewahrung Ihres Lebenslaufs (Priya Shah) — "
        "Acme Analytics": "Professionell bleiben: Data Analyst bei Acme Analytics. Öffnen Sie das Arbeitsheft, um es "
                          "abzuhaken.",
        "Eine Kontaktanfrage auf LinkedIn senden (Priya Shah) — Acme Analytics":
            "In Kontakt bleiben: Data Analyst bei Acme Analytics. Öffnen Sie das Arbeitsheft, um es abzuhaken.",
        "Send one short reply: thanks, a request for feedback, and your résumé kept on file — Borealis Bank":
            "Stay professional: Product Designer at Borealis Bank. Open its workbook to check it off.",
    }
    lines = cli("due", "--dir", "jobs", cwd=tmp_path).stdout  # the person's own lines: each action in its language
    assert "Eine kurze Antwort senden" in lines and "Send one short reply" in lines and "In the next 7 days" in lines
    due = cli("due", "--format", "json", "--dir", "jobs", cwd=tmp_path)
    # JSON is data for scripts: the actions' own en-GB words, whatever the language.
    assert {r["what"] for r in json.loads(due.stdout)} == {
        "Send one short reply: thanks, a request for feedback, and your CV kept on file",
        "Send a LinkedIn connection request"}


def test_the_calendar_uid_does_not_change_with_the_language(tmp_path: Path) -> None:
    from nextround.journal import reminders
    from nextround.journal.tables import load

    folder = tmp_path / "jobs"
    path = nextround.new(dir=folder, locale="de", **ACME)
    uids = {}
    for locale in ("de", "en-GB"):
        answers = path.with_name(path.stem + ".answers.json")
        doc = read_json(answers)
        doc["rejection"]["locale"] = locale
        answers.write_text(json.dumps(doc), encoding="utf-8")
        cal = reminders.calendar(load(folder, today=date(2026, 6, 18)))
        uids[locale] = sorted(str(e["uid"]) for e in cal.walk("VEVENT"))
    assert uids["de"] == uids["en-GB"] and uids["de"]


# --- the home page and the class tools ------------------------------------------------------


def test_init_writes_a_german_home_page_whose_form_makes_german_workbooks(tmp_path: Path) -> None:
    from nextround.notebook.home import Home

    result = cli("init", "--locale", "de", "--dir", "jobs", cwd=tmp_path)
    assert result.returncode == 0 and "In JupyterLab öffnen" not in result.stdout
    home = tmp_path / "jobs" / "home.ipynb"
    assert read_json(home)["metadata"]["nextround"]["locale"] == "de"
    again = cli("init", "--locale", "en-GB", "--dir", "jobs", cwd=tmp_path)  # the same page, now in English
    assert again.returncode == 0 and "updated" in again.stderr
    assert read_json(home)["metadata"]["nextround"]["locale"] == "en-GB"
    assert cli("init", "--locale", "de", "--dir", "jobs", cwd=tmp_path).returncode == 0
    page = Home(tmp_path / "jobs", today=date(2026, 6, 17))
    form = page.new_form()
    assert form.button.description == "Mein Arbeitsheft erstellen"
    assert form.fields["rejected_on"].description == "Absage erhalten am"
    form.fields["company"].value, form.fields["role"].value = "Acme", "Analyst"
    form.button.click()
    assert "Ihr Arbeitsheft ist fertig" in form.result.value
    workbook = next((tmp_path / "jobs").glob("2026-*.ipynb"))
    assert parameters(workbook)["locale"] == "de"
    assert "17.06.2026" in page.workbooks_html()


def test_class_generate_records_the_language_and_its_handout_asks_in_it(tmp_path: Path) -> None:
    from nextround.classroom.course import course_locale
    from nextround.classroom.handout import ask

    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\ns1,Ana Costa\ns2,Ben Ode\n", encoding="utf-8")
    result = cli("class", "generate", str(roster), "--locale", "de", "--dir", "course", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2 erstellt, 0 übersprungen (schon vorhanden), 0 fehlgeschlagen" in result.stdout
    assert course_locale(tmp_path / "course") == "de"
    workbooks = sorted((tmp_path / "course" / "release").rglob("*.ipynb"))
    assert [parameters(w)["locale"] for w in workbooks] == ["de", "de"]
    handout = cli("class", "handout", "--dir", "course", "-o", "handout.ipynb", cwd=tmp_path)  # the course's language
    assert handout.returncode == 0 and "ein Handout für 2 Studierende" in handout.stderr
    data = next(c for c in read_json(tmp_path / "handout.ipynb")["cells"]
                if "injected-parameters" in c["metadata"].get("tags", []))
    namespace: dict = {}
    exec("".join(data["source"]), namespace)
    form = ask(namespace["handout"], folder=tmp_path / "mine")
    assert form.button.description == "Mein Arbeitsheft erstellen"
    form.field.value = "nobody"
    form.button.click()
    assert "steht nicht auf der Liste dieses Kurses" in html.unescape(form.result.value)


def test_the_wheel_carries_the_compiled_catalogs_source() -> None:
    # The wheel test builds the package itself (slow); here, that the files it packs are there.
    for locale in ("en_US", "de"):
        assert (Path(i18n.CATALOGS) / locale / "LC_MESSAGES" / "nextround.mo").is_file()
    assert i18n.CATALOGS == Path(nextround.__file__).parent / "locales"


@pytest.mark.slow
def test_the_report_speaks_the_language_asked_for_and_each_action_its_workbooks(tmp_path: Path) -> None:
    import known_folder as kf

    folder = kf.make(tmp_path / "workbooks")
    out = tmp_path / "bericht.html"
    result = cli("report", "-o", str(out), "--dir", str(folder), cwd=tmp_path, lang="de_DE.UTF-8")
    assert result.returncode == 0, result.stderr
    page = html.unescape(out.read_text(encoding="utf-8"))
    assert "<title>Ihr bisheriger Weg — nextround</title>" in page
    assert '<div style="font-size:1.6em;font-weight:600">3</div><div>Absagen</div>' in page
    # A chart's alt text says what it shows, in German too.
    assert 'alt="Erledigte Schritte in 3 Arbeitsheften: 1. Um ehrliches Feedback bitten, 1 erledigt' in page
    # The known folder's workbooks were made before workbooks had a language: their actions stay en-GB.
    assert "Ask for feedback" in page or "Send one short reply" in page or "Get back in touch" in page


@pytest.mark.slow
def test_the_class_report_speaks_the_course_language(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\ns1,Ana Costa\ns2,Ben Ode\ns3,Cy Dahl\n", encoding="utf-8")
    assert cli("class", "generate", str(roster), "--locale", "de", "--dir", "course", cwd=tmp_path).returncode == 0
    result = cli("class", "report", "--dir", "course", "-o", "bericht.html", cwd=tmp_path)  # no --locale: the course's
    assert result.returncode == 0, result.stderr
    page = html.unescape((tmp_path / "bericht.html").read_text(encoding="utf-8"))
    assert "Kursbericht — nextround" in page and "Studierende auf der Teilnehmerliste" in page
    assert "Students on the roster" not in page


def test_the_app_serves_a_workbook_in_its_own_language(tmp_path: Path) -> None:
    from nextround.notebook import app

    path = nextround.new(dir=tmp_path, locale="de", **ACME)
    injected = next(c for c in app.served_notebook(path)["cells"]
                    if "injected-parameters" in c["metadata"].get("tags", []))
    assert injected["source"][0].startswith("# Die Angaben zu dieser Absage")
    assert "locale = 'de'\n" in injected["source"]
