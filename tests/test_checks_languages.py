"""The checks' messages in the language of the place that shows them.

The text checks judge English text, and write what they say in en-GB. Where they are
shown — a workbook's verdict panels, `nextround check`, the question bank, the
feedback follow-up draft — the messages follow the locale in force: an en-US
workbook suggests "I'm eager to…" where en-GB says "I'm keen to…", and
`--locale de` prints German. In en-GB nothing changes (the golden file pins every
message the checks give).
"""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

import pytest

import nextround
from checks_corpus import all_texts
from conftest import ACME, read_json, run_cli
from nextround import checks
from nextround.checks._patterns import N_, Listing, Message
from nextround.core import i18n, messages
from nextround.core.answers import new_document
from nextround.notebook.workbook import Workbook

# A draft that trips rules whose words differ between en-GB and en-US: "keen" and
# "favour" in the calmer wording and the why, "judgement" in the why.
BITTER = ("I'm useless at interviews. I'll never get anywhere. Please reply by Friday. "
          "You've made a huge mistake.")
# A better answer with a situation and an action, but no task and no result.
HALF_STAR = "At the café where I worked weekends, food waste had doubled. I changed the ordering sheet."


def workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale: str) -> Workbook:
    path = nextround.new(dir=tmp_path, locale=locale, **ACME)
    monkeypatch.chdir(path.parent)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return Workbook.start(**read_json(path)["metadata"]["papermill"]["parameters"])


# --- what a person sees -----------------------------------------------------------------


def test_an_american_workbooks_tone_panel_uses_us_spelling_and_wording(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reply = workbook(tmp_path, monkeypatch, "en-US").reply()
    assert i18n.current() == "en-GB"  # typing arrives outside the cell that built the form
    reply.draft.value = BITTER
    panel = reply.tone.value
    assert "I&#39;m eager to keep improving" in panel and "keen" not in panel
    assert "A deadline on a favor reads as a demand" in panel and "favour" not in panel
    assert "passing judgment on them" in panel and "judgement" not in panel


def test_a_british_workbooks_tone_panel_keeps_uk_spelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reply = workbook(tmp_path, monkeypatch, "en-GB").reply()
    reply.draft.value = BITTER
    panel = reply.tone.value
    assert "I&#39;m keen to keep improving" in panel and "a favour reads" in panel and "judgement" in panel


def test_an_american_workbooks_star_panel_names_the_parts_as_the_catalog_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review = workbook(tmp_path, monkeypatch, "en-US").self_review()
    review.questions.children[0].children[2].value = HALF_STAR
    panel = review.questions.children[0].children[3].value
    assert "Missing: task, result." in panel and "Say what was yours to do" in panel


def test_check_tone_in_en_us_prints_us_wording_in_its_suggestions() -> None:
    us = run_cli("--locale", "en-US", "check", "tone", BITTER)
    gb = run_cli("--locale", "en-GB", "check", "tone", BITTER)
    assert us.returncode == gb.returncode == 0, us.stderr + gb.stderr
    assert "Perhaps: “I'm eager to keep improving, and I'd welcome any advice.”" in us.stdout
    assert "Perhaps: “I'm keen to keep improving, and I'd welcome any advice.”" in gb.stdout
    assert "favor" in us.stdout and "favour" not in us.stdout and "favour" in gb.stdout
    # Only the words that differ: the rest of the report is the same line for line.
    assert len(us.stdout.splitlines()) == len(gb.stdout.splitlines())


def test_check_answer_in_german_prints_the_verdict_and_suggestions_in_german() -> None:
    result = run_cli("--locale", "de", "check", "answer", HALF_STAR)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Es fehlt: Aufgabe, Ergebnis."  # German nouns keep their capitals in a list
    assert any(line.startswith("  - Sagen Sie, was Ihre Aufgabe war:") for line in lines)
    assert "Say what was yours" not in result.stdout and "Missing" not in result.stdout
    assert "nur Englisch" in result.stderr  # said once, on the side


def test_check_feedback_in_german_gives_reasons_and_questions_in_german_quoting_the_employer() -> None:
    result = run_cli("--locale", "de", "check", "feedback", "Another candidate had more experience.")
    assert result.returncode == 0, result.stderr
    assert "  - Allgemeine Absageformulierungen: „Another candidate“, „more experience“." in result.stdout
    assert "Sie erwähnten „more experience“: Welche Erfahrung" in result.stdout
    assert "Generic rejection" not in result.stdout and "You mentioned" not in result.stdout


def test_the_json_of_a_check_stays_en_gb_for_scripts_whatever_the_locale() -> None:
    us = run_cli("--locale", "de", "check", "tone", "--json", BITTER)
    gb = run_cli("--locale", "en-GB", "check", "tone", "--json", BITTER)
    assert us.returncode == 0 and us.stdout == gb.stdout
    assert any("favour" in flag["why"] for flag in json.loads(us.stdout)["flags"])


def test_the_question_bank_gives_the_star_verdict_in_the_language_asked_for(tmp_path: Path) -> None:
    import known_folder as kf

    folder = kf.make(tmp_path / "workbooks")
    result = run_cli("--locale", "de", "questions", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Es fehlt: Situation, Aufgabe, Handlung." in result.stdout and "Missing" not in result.stdout


def test_the_follow_up_draft_asks_the_checks_questions_in_the_locale_in_force() -> None:
    doc = new_document("w", {"company": "Acme Analytics", "role": "Data Analyst",
                             "contacts": [{"name": "Priya Shah", "email": "priya@acme.example"}]})
    questions = checks.check_feedback("Another candidate had more experience.").follow_up_questions
    with i18n.using("de"):
        draft = messages.feedback_follow_up(doc, questions).text
    assert "Sie erwähnten „more experience“: Welche Erfahrung hätte für diese Stelle den Unterschied gemacht?" in draft
    assert "You mentioned" not in draft
    with i18n.using("en-GB"):
        draft = messages.feedback_follow_up(doc, questions).text
    assert questions[0] in draft  # en-GB: the question exactly as the check wrote it


# --- every message can be translated, and en-GB is unchanged ---------------------------------


def _messages(text: str) -> list[tuple[str, str]]:
    """(where, message) for every message the three checks give a person on `text`."""
    feedback, tone, star = checks.check_feedback(text), checks.check_tone(text), checks.check_answer(text)
    found = [("reason", r) for r in feedback.reasons] + [("question", q) for q in feedback.follow_up_questions]
    for flag in tone.flags:
        found.append(("why", flag.why))
        # A calmer wording made from the person's own words ("wonderful" for "WONDERFUL") is theirs.
        if flag.kind not in ("shouting", "punctuation"):
            found.append(("alternative", flag.alternative))
    found += [("verdict", star.verdict)] + [("suggestion", s) for s in star.suggestions]
    return found


def _templates(text: str) -> set[str]:
    if isinstance(text, Listing):
        return {t for item in text.items for t in _templates(item)}
    if isinstance(text, Message):
        return {text.template} | {t for value in text.values.values() for t in _templates(value)}
    return set()


def test_every_message_the_checks_give_is_translatable_and_reads_as_before_in_en_gb() -> None:
    # The golden corpus reaches every rule; a message added without N_() fails here.
    catalogs = {locale: i18n.translations(locale) for locale in ("en-US", "de")}
    texts = [text for _name, text in all_texts()] + ["", HALF_STAR, "We all pulled together and it went well."]
    unmarked, untranslated, templates = [], set(), set()
    for text in texts:
        for where, message in _messages(text):
            if not isinstance(message, Message):
                unmarked.append(f"{where}: {message[:60]!r}")
                continue
            assert i18n.translated(message) == str(message)  # en-GB: the words as they were
            for template in _templates(message):
                templates.add(template)
                untranslated |= {(locale, template) for locale, catalog in catalogs.items()
                                 if catalog.gettext(template) is template}
    assert not unmarked, unmarked[:5]
    assert not untranslated, sorted(untranslated)[:5]
    assert len(templates) > 100  # the corpus reaches nearly every message


def test_a_message_is_its_en_gb_text_and_keeps_how_it_was_made() -> None:
    quoted = Listing(", ", [N_("“{phrase}”").format(phrase=p) for p in ("a fit", "budget")])
    reason = N_("Generic rejection phrasing: {phrases}.").format(phrases=quoted)
    assert reason == "Generic rejection phrasing: “a fit”, “budget”." and isinstance(reason, str)
    assert json.dumps({"r": reason}, ensure_ascii=False) == '{"r": "Generic rejection phrasing: “a fit”, “budget”."}'
    for again in (copy.copy(reason), copy.deepcopy(reason), pickle.loads(pickle.dumps(reason))):
        assert again == reason and again.template == reason.template and again.values == reason.values
    with i18n.using("de"):
        assert i18n.translated(reason) == "Allgemeine Absageformulierungen: „a fit“, „budget“."
    assert i18n.translated("the person's own words") == "the person's own words"
    with pytest.raises(TypeError):
        N_("{0}").format("positional")


def test_each_part_as_a_sentence_names_it_is_the_parts_label_in_lower_case() -> None:
    from nextround.checks.star import _PART_IN_A_SENTENCE

    assert {k: v for k, v in _PART_IN_A_SENTENCE.items()} == {k: v.lower() for k, v in checks.PARTS.items()}
