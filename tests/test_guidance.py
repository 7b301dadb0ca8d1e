"""The notebooks' guidance in the person's language: catalogs complete, workbooks made in each locale."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ACME, code_cells, read_json, widget_values
from nextround.core import i18n
from nextround.core.parameters import PARAMETER_NAMES, Rejection
from nextround.making import guidance
from nextround.making.run import execute
from nextround.making.workbook import _workbook_text, inject, load_template, make, notebook_text, template_path
from nextround.resources import notebook

ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = ROOT / "src" / "nextround" / "locales"
NOTEBOOKS = ("rejection_workbook", "home", "journey", "handout", "class_report")
TRANSLATED = ("en-US", "de")


def extracted() -> set[str]:
    """Every guidance message, found as `make catalogs` finds them (babel-guidance.cfg)."""
    with open(ROOT / "babel-guidance.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for folder in (ROOT / "notebooks", ROOT / "src" / "nextround"):
        for _file, _line, message, _comments, _context in extract_from_dir(
                folder, method_map, options_map, keywords={"cell_comment": None}):
            found.add(message)
    return found


def po(locale: str) -> dict[str, tuple[str, bool]]:
    """A locale's guidance catalog: msgid -> (msgstr, fuzzy)."""
    with open(LOCALES_DIR / i18n.babel_locale(locale) / "LC_MESSAGES" / "guidance.po", "rb") as f:
        catalog = read_po(f)
    return {m.id: (m.string, m.fuzzy) for m in catalog if m.id}


def test_every_message_a_person_reads_in_a_notebook_is_translated() -> None:
    messages = extracted()
    assert len(messages) > 100  # every shipped notebook's markdown blocks and placeholders
    with open(LOCALES_DIR / "guidance.pot", "rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    assert messages == template, "run `make catalogs`: guidance.pot is out of date"
    for locale in TRANSLATED:
        catalog = po(locale)
        missing = [m for m in messages if not catalog.get(m, ("", False))[0].strip()]
        fuzzy = [m for m in messages if catalog.get(m, ("", False))[1]]
        assert not missing and not fuzzy, (locale, missing[:3], fuzzy[:3])


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_compiled_catalogs_say_what_their_po_files_say(locale: str) -> None:
    with open(LOCALES_DIR / i18n.babel_locale(locale) / "LC_MESSAGES" / "guidance.mo", "rb") as f:
        compiled = gettext.GNUTranslations(f)
    catalog = po(locale)
    assert len(compiled._catalog) - 1 == len(catalog)  # type: ignore[attr-defined]  # less the header
    for msgid, (msgstr, _fuzzy) in catalog.items():
        assert compiled.gettext(msgid) == msgstr, msgid


def test_placeholders_stay_one_short_line_in_every_locale() -> None:
    markdown = {text for name in NOTEBOOKS for _cell, text, kind in guidance.texts(read_json(notebook(name)))
                if kind == "markdown"}
    placeholders = extracted() - markdown  # first lines of code cells, in the notebooks or added by Python
    assert len(placeholders) > 40
    for locale in TRANSLATED:
        catalog = po(locale)
        for msgid in placeholders:
            assert "\n" not in catalog[msgid][0] and len(catalog[msgid][0]) < 100, (locale, msgid)


@given(st.lists(st.sampled_from(["a", " ", "\t", "\n", "#", "`", "~", "x\n\n", "```\n"]), max_size=40).map("".join))
@example("text\n\n```\ncode\n\nmore code\n```\n\nafter")  # a fence keeps its blank lines
@settings(max_examples=200, deadline=None)  # modest: a pure function over short texts
def test_markdown_cut_into_blocks_joins_back_exactly(text: str) -> None:
    parts = guidance.blocks(text)
    assert "".join(parts) == text
    assert all(not re.fullmatch(r"\n(?:[ \t]*\n)+", p) for p in parts[::2] if p)  # blocks are not blank lines


def test_a_fenced_block_is_one_message_blank_lines_and_all() -> None:
    text = "Run this:\n\n```\nnextround report\n\nnextround list\n```\n\nThen look."
    assert guidance.blocks(text)[::2] == ["Run this:", "```\nnextround report\n\nnextround list\n```", "Then look."]


def _blocks(nb: dict) -> list[str]:
    return [b for c in nb["cells"] if c["cell_type"] == "markdown"
            for b in guidance.blocks("".join(c["source"]))[::2] if b.strip()]


def _placeholders(nb: dict) -> list[str]:
    return ["".join(c["source"]).split("\n")[0] for c in code_cells(nb)]


def _shape(text: str) -> tuple:
    """What markdown a text uses: heading levels, bold spans, code spans, links."""
    return (re.findall(r"^#+ ", text, re.MULTILINE), text.count("**"), re.findall(r"`[^`]+`", text),
            re.findall(r"\]\([^)]*\)", text))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_shipped_notebook_in_german_has_no_english_block_left_and_keeps_its_markdown(name: str) -> None:
    with open(notebook(name), encoding="utf-8") as f:
        source = json.load(f)
    german = guidance.localise(source, "de")
    pairs = list(zip(_blocks(source), _blocks(german), strict=True))
    assert pairs
    for english, translated in pairs:
        assert translated != english, english
        assert _shape(translated) == _shape(english), (english, translated)
    for english, translated in zip(_placeholders(source), _placeholders(german), strict=True):
        assert translated.startswith("# ") and translated != english
    # Only the words change: cells, their kinds, metadata and code stay as they were.
    assert [(c["cell_type"], c.get("metadata"), c.get("id")) for c in german["cells"]] == [
        (c["cell_type"], c.get("metadata"), c.get("id")) for c in source["cells"]]
    assert ["".join(c["source"]).partition("\n")[2] for c in code_cells(german)] == [
        "".join(c["source"]).partition("\n")[2] for c in code_cells(source)]
    assert german["metadata"] == source["metadata"] and source == json.loads(notebook(name).read_text("utf-8"))


def test_en_gb_is_the_source_itself() -> None:
    nb = load_template()
    assert guidance.localise(nb, "en-GB") is nb and guidance.localise(nb, None) is nb


def test_a_workbook_made_in_german_reads_german_and_one_in_en_gb_is_the_template_as_it_was(tmp_path: Path) -> None:
    rejection = Rejection.from_mapping(ACME)
    source = read_json(template_path())
    british = read_json(make(rejection, tmp_path / "gb").path)
    german = read_json(make(rejection, tmp_path / "de", locale="de").path)
    markdown = [c["source"] for c in source["cells"] if c["cell_type"] == "markdown"]
    assert [c["source"] for c in british["cells"] if c["cell_type"] == "markdown"] == markdown
    assert _placeholders(british)[1] == "# The details of this rejection, set when the workbook was made"
    assert not set(_blocks(german)) & set(_blocks(source))
    assert _placeholders(german)[1] == "# Die Angaben zu dieser Absage, beim Erstellen des Arbeitshefts festgelegt"
    assert "## 3. Um Aufnahme in den Bewerberpool bitten" in _blocks(german)
    american = read_json(make(rejection, tmp_path / "us", locale="en-US").path)
    assert "## 3. Ask for your résumé to be kept on file" in _blocks(american)
    assert not any("CV" in block for block in _blocks(american))
    # The parameters and the code are the same in every language.
    assert british["metadata"]["papermill"]["parameters"].keys() == german["metadata"]["papermill"]["parameters"].keys()
    assert len(code_cells(german)) == len(code_cells(british))


def test_a_workbook_in_another_language_is_written_exactly_as_nbformat_would_write_it() -> None:
    parameters = {"company": "Société Générale", "role": "Analyst", "workbook_id": "w"}
    metadata = {"nextround": {"version": 1, "workbook_id": "w"}, "papermill": {"parameters": parameters}}
    fast = _workbook_text(template_path(), parameters, metadata, "de")
    slow = guidance.localise(inject(load_template(), parameters, metadata=metadata), "de")
    assert fast == notebook_text(slow)


def test_the_locale_comes_from_the_parameters_and_unknown_ones_are_refused(tmp_path: Path) -> None:
    assert guidance.locale_of({"locale": "de_DE.UTF-8"}) == "de"
    assert guidance.locale_of({"locale": "en-us"}) == "en-US"
    assert guidance.locale_of({}) == guidance.locale_of({"locale": "fr"}) == guidance.locale_of({"locale": 3}) == "en-GB"
    with pytest.raises(Exception, match="en-GB, en-US, de"):
        make(Rejection.from_mapping(ACME), tmp_path, locale="fr")
    assert not list(tmp_path.iterdir())  # nothing written


def test_reports_home_and_handout_follow_the_locale_in_force(tmp_path: Path) -> None:
    from nextround.journal.report import journey_notebook
    from nextround.notebook.home import shipped

    with i18n.using("de"):
        journey, home = journey_notebook("."), shipped()
    assert _blocks(journey)[0] == "# Ihr bisheriger Weg" and _blocks(home)[0] == "# Ihre nextround-Startseite"
    assert _placeholders(journey)[1] == "# Beim Erstellen dieses Berichts festgelegt"  # the injected cell's
    assert _blocks(journey_notebook("."))[0] == "# Your journey so far"


@pytest.mark.slow
@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_a_workbook_made_in_each_locale_runs_in_a_real_kernel(tmp_path: Path, locale: str) -> None:
    path = make(Rejection.from_mapping(ACME), tmp_path, locale=locale).path
    execute(path)  # raises if any cell fails
    nb = read_json(path)
    views = [o for c in code_cells(nb) for o in c["outputs"]
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 13  # every section shows, whatever the language of the guidance
    heading = {"en-GB": "## 1. Ask for honest feedback", "en-US": "## 1. Ask for honest feedback",
               "de": "## 1. Um ehrliches Feedback bitten"}[locale]
    assert heading in _blocks(nb)


@pytest.mark.slow
@pytest.mark.skipif("locale" not in PARAMETER_NAMES, reason="a rejection's locale parameter comes with the interface")
def test_a_german_workbook_shows_german_drafts_in_a_real_kernel(tmp_path: Path) -> None:
    path = make(Rejection.from_mapping({**ACME, "locale": "de"}), tmp_path).path
    execute(path)
    drafts = [v for v in widget_values(read_json(path)) if isinstance(v, str) and v.startswith("Subject:")]
    request = next(v for v in drafts if "Feedback zu meinem Vorstellungsgespräch" in v)
    assert "Guten Tag Priya Shah," in request and "Mit freundlichen Grüßen" in request
    assert len(drafts) >= 6 and not any(english in v for v in drafts for english in ("Dear", "Kind regards", "CV"))


@pytest.mark.skipif("locale" not in PARAMETER_NAMES, reason="a rejection's locale parameter comes with the interface")
def test_the_app_serves_a_german_workbook_with_its_guidance_in_german(tmp_path: Path) -> None:
    from nextround.notebook.app import served_notebook

    path = make(Rejection.from_mapping({**ACME, "locale": "de"}), tmp_path).path
    served = served_notebook(path)
    assert _blocks(served) == _blocks(read_json(path))
    assert _placeholders(served) == _placeholders(read_json(path))
    assert "## 1. Um ehrliches Feedback bitten" in _blocks(served)
