"""The interface's catalogs: every string a person reads is in them, translated, and compiled.

The source language is en-GB; en-US and de have gettext catalogs managed with Babel
(`make catalogs`). These tests extract the messages from the source with Babel's own
Python API, as `make catalogs` does, so a string newly wrapped in `_()` without a
translation fails here; a string a person reads that is not wrapped at all fails the
scan of the faces below.
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

import nextround
from nextround.core import i18n

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(nextround.__file__).parent
LOCALES = PACKAGE / "locales"
TRANSLATED = ("en_US", "de")


def _mapping() -> list[tuple[str, str]]:
    """babel.cfg's method map, as `pybabel extract -F babel.cfg` reads it."""
    from babel.messages import frontend

    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        parse = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
        method_map, _options = parse(f)
    return method_map


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """Every message in the source, extracted now, written to a template and read back."""
    template = Catalog(project="nextround")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), method_map=_mapping(), keywords=DEFAULT_KEYWORDS):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    path = tmp_path_factory.mktemp("catalogs") / "nextround.pot"
    with open(path, "wb") as f:
        write_po(f, template)
    with open(path, "rb") as f:
        return read_po(f)


def catalog(locale: str) -> Catalog:
    with open(LOCALES / locale / "LC_MESSAGES" / "nextround.po", "rb") as f:
        return read_po(f, locale=locale)


def _key(message: object) -> tuple[str, str | None]:
    msgid = message.id  # type: ignore[attr-defined]
    return (msgid[0] if isinstance(msgid, tuple) else msgid), message.context  # type: ignore[attr-defined]


def test_the_source_has_many_messages_for_people_to_read(extracted: Catalog) -> None:
    # A guard for the tests below: an extraction that found nothing would pass them all.
    ids = {_key(m)[0] for m in extracted if m.id}
    assert len(ids) > 800
    assert {"Save feedback", "Ask for honest feedback", "Next actions", "nextround: error: {problem}"} <= ids


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_message_in_the_source_is_translated_in_each_catalog(extracted: Catalog, locale: str) -> None:
    po = catalog(locale)
    missing, empty, fuzzy = [], [], []
    for message in extracted:
        if not message.id:
            continue
        found = po.get(message.id, context=message.context)
        if found is None:
            missing.append(_key(message)[0])
        elif found.fuzzy:
            fuzzy.append(_key(message)[0])
        elif not (all(found.string) if isinstance(found.string, tuple) else found.string):
            empty.append(_key(message)[0])
    assert not missing, f"not in the {locale} catalog (run `make catalogs`): {missing[:10]}"
    assert not fuzzy, f"fuzzy in the {locale} catalog (review them): {fuzzy[:10]}"
    assert not empty, f"not translated in the {locale} catalog: {empty[:10]}"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_no_catalog_keeps_messages_the_source_no_longer_has(extracted: Catalog, locale: str) -> None:
    wanted = {(m.id, m.context) for m in extracted if m.id}
    kept = {(m.id, m.context) for m in catalog(locale) if m.id}
    assert not kept - wanted, f"stale in {locale}: {sorted(str(k) for k in kept - wanted)[:10]}"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_compiled_catalogs_match_their_sources(locale: str) -> None:
    po = catalog(locale)
    with open(LOCALES / locale / "LC_MESSAGES" / "nextround.mo", "rb") as f:
        mo = gettext.GNUTranslations(f)
    stale = []
    for message in po:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            got = tuple(mo.npgettext(message.context, *message.id, n) if message.context else
                        mo.ngettext(*message.id, n) for n in (1, 2))
            want = (message.string[0], message.string[1] if len(message.string) > 1 else message.string[0])
        else:
            got = mo.pgettext(message.context, message.id) if message.context else mo.gettext(message.id)
            want = message.string
        if got != want:
            stale.append(_key(message)[0])
    assert not stale, f"{locale}: nextround.mo is older than nextround.po (run `make catalogs`): {stale[:5]}"


_BRACES = re.compile(r"(?<!\{)\{([a-z_]*)[^{}]*\}(?!\})")
_PERCENT = re.compile(r"%(?:\(([a-z_]+)\))?[-#0+]*\d*(?:\.\d+)?[sdrif]")


def placeholders(text: str) -> set[str]:
    """The names a message is formatted with: `{name}` for ours, `%(name)s`/`%s` for argparse's."""
    return {f"{{{m}}}" for m in _BRACES.findall(text)} | {f"%({m})" if m else "%" for m in _PERCENT.findall(text)}


@pytest.mark.parametrize("locale", TRANSLATED)
def test_placeholders_in_each_translation_match_the_source(locale: str) -> None:
    wrong = []
    for message in catalog(locale):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = placeholders(ids[-1])  # the plural's, which names every one
        for n, text in enumerate(strings):
            got = placeholders(text)
            # A singular may say "one" for the count ("ein Eintrag"), but never adds a name.
            ok = got == wanted or (len(ids) > 1 and n == 0 and placeholders(ids[0]) <= got <= wanted)
            if not ok:
                wrong.append((ids[0], sorted(got), sorted(wanted)))
    assert not wrong, f"{locale}: {wrong[:5]}"


def test_placeholders_of_the_source_messages_are_seen_by_the_check() -> None:
    assert placeholders("Saved at {time}; {count} of {total}") == {"{time}", "{count}", "{total}"}
    assert placeholders("%(prog)s: error: %(message)s\n") == {"%(prog)", "%(message)"}
    assert placeholders("{{not one}} 100% sure") == set()


def test_a_locale_with_a_catalog_translates_and_en_gb_is_the_source() -> None:
    with i18n.using("de"):
        assert i18n._("Save feedback") == "Feedback speichern"
        assert i18n._("Ask for your CV to be kept on file") == "Um Aufbewahrung des Lebenslaufs bitten"
    with i18n.using("en-GB"):
        assert i18n._("Save feedback") == "Save feedback"
    with i18n.using("en-US"):
        assert i18n._("Ask for your CV to be kept on file") == "Ask for your résumé to be kept on file"


# --- strings a person reads that are not wrapped ------------------------------------------

# The faces, and the pages the services write for people: where a person reads what is said.
FACES = [
    *sorted((PACKAGE / "notebook").rglob("*.py")), *sorted((PACKAGE / "cli").glob("*.py")),
    *(PACKAGE / "journal" / name for name in ("dashboard.py", "reminders.py", "questions.py", "report.py")),
    *(PACKAGE / "classroom" / name for name in ("report.py", "feedback.py", "handout.py", "generate.py")),
]
# Calls whose text arguments a person reads: (name, which positional arguments).
SHOWN_ARGS = {
    "print": (0,), "warn": (0,), "hint": (0,), "heading": (0,), "banner": (0,), "label_cell": (0,),
    "labelled_row": (0,), "text_field": (0, 2), "text_area": (0, 3), "date_field": (0,), "number_field": (0,),
    "choice_field": (0,), "draft_area": (0,), "note_panel": (0,), "muted": (0,), "card": (1,),
    "picture": (1, 2), "png_img": (1,), "_say": (0,), "Label": (0,), "HTML": (0,), "html": (0,),
    "set_xlabel": (0,), "set_ylabel": (0,), "page": (0,), "hint_html": (0,), "announce": (0,),
    "NextroundError": (0,), "ParameterError": (0,), "AnswersError": (0,), "AppError": (0,),
    "NotOnRoster": (0,), "OwnWorkbook": (0,), "ArgumentTypeError": (0,), "add_parser": (),
}
SHOWN_KEYWORDS = {"description", "placeholder", "tooltip", "help", "label", "title"}
WRAPPERS = {"_", "ngettext", "pgettext", "N_"}
# Words that are names, not language: the program, its commands, the networks, file kinds.
NAMES = re.compile(r"\b(?:nextround|LinkedIn|Voil\u00e0|ics|json|csv|xlsx|html|ipynb|COURSE|YYYY-MM-DD)\b")


def reads_as_words(text: str) -> bool:
    """Whether `text` holds words to translate (not only markup, placeholders, names or symbols)."""
    text = re.sub(r"<[^>]*>", " ", text)  # markup
    text = re.sub(r"\{[^{}]*\}", " ", text)  # placeholders
    text = re.sub(r"&\w+;|https?://\S*|\S+@\S+", " ", text)  # entities, addresses
    return bool(re.search(r"[A-Za-z]{2,}", NAMES.sub(" ", text)))


def _text_of(node: ast.AST) -> str | None:
    """The words of a literal (or an f-string's literal parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def unwrapped(path: Path) -> list[str]:
    """Literals a person reads, passed straight to where they are shown, not through `_()`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name in WRAPPERS:
            continue
        shown = [node.args[i] for i in SHOWN_ARGS.get(name, ()) if i < len(node.args)]
        shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        if name in ("HTML", "Label", "Button", "ToggleButton", "Checkbox"):
            shown += [k.value for k in node.keywords if k.arg == "value"]
        for arg in shown:
            text = _text_of(arg)
            if text is not None and reads_as_words(text):
                found.append(f"{path.relative_to(PACKAGE)}:{arg.lineno}: {text[:60]!r}")
    return found


def test_every_string_a_person_reads_in_the_faces_goes_through_the_catalogs() -> None:
    found = [line for path in FACES for line in unwrapped(path)]
    assert not found, "\n".join(found)


def test_the_scan_finds_an_unwrapped_label_and_passes_a_wrapped_one(tmp_path: Path) -> None:
    # The scan above can fail: a label, a hint or a CLI line written plainly is caught.
    sample = PACKAGE / "notebook" / "_sample_for_the_scan.py"
    source = ('w.Button(description="Save it")\nhint(_("Wrapped"))\nprint(f"{n} workbooks made")\n'
              'w.Text(placeholder="https://…")\nwarn(f"nextround: {line}")\n')
    try:
        sample.write_text(source, encoding="utf-8")
        assert [line.split(": ", 1)[1] for line in unwrapped(sample)] == ["'Save it'", "' workbooks made'"]
    finally:
        sample.unlink()


def test_no_module_that_translates_hides_the_translation_function() -> None:
    # `for x, _ in ...` in a function that also calls _() makes _ a local name there:
    # the call fails at run time. Modules that translate keep the name for translating.
    hiding = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                    for n in ast.walk(tree))
        if not calls:
            continue
        for node in ast.walk(tree):
            bound = (isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)) or (
                isinstance(node, ast.arg) and node.arg == "_")
            if bound:
                hiding.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not hiding, hiding
