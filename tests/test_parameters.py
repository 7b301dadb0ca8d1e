"""Parameters are validated before anything is written, and injected as inert data."""

from __future__ import annotations

import ast
import json
import re
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.core.parameters import Contact, Rejection, parse_contact, slugify
from nextround.errors import ParameterError
from nextround.making.workbook import inject, load_template, python_literal

HOSTILE = [
    'Acme "Quoted" Ltd',
    "O'Brien & Sons",
    "Line one\nLine two\r\nLine three",
    "\"; import os; os.system('touch pwned') #",
    "'''triple''' \"\"\"quotes\"\"\"",
    "back\\slash \\n not a newline",
    "Société Générale — Zürich 株式会社 🚀",
    "{{ jinja }} {% raw %} ${shell} $(whoami) `ticks`",
    "\t tabs and \x00 nul",
]


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"role": "Analyst"}, "company", "is required"),
        ({"company": "  ", "role": "Analyst"}, "company", "is required"),
        ({"company": "Acme"}, "role", "is required"),
        ({"company": "Acme", "role": "A", "interview_date": "10/06/2026"}, "interview_date", "YYYY-MM-DD"),
        ({"company": "Acme", "role": "A", "interview_date": "2026-02-30"}, "interview_date", "not a real date"),
        ({"company": "Acme", "role": "A", "rejected_on": "yesterday"}, "rejected_on", "YYYY-MM-DD"),
        (
            {"company": "Acme", "role": "A", "interview_date": "2026-06-17", "rejected_on": "2026-06-10"},
            "rejected_on",
            "before the interview on 2026-06-17",
        ),
        ({"company": "Acme", "role": "A", "contacts": ["Priya <priya@acme>"]}, "contacts", "not an email address"),
        ({"company": "Acme", "role": "A", "contacts": ["<priya@acme.example>"]}, "contacts", "has no name"),
        ({"company": "Acme", "role": "A", "contacts": ["Priya <priya@acme.example"]}, "contacts", "not a contact"),
        ({"company": "Acme", "role": "A", "contacts": ["priya@acme.example"]}, "contacts", "without a name"),
        ({"company": "Acme", "role": "A", "careers_page": "acme.example/jobs"}, "careers_page", "web address"),
        ({"company": "Acme", "role": "A", "feedback_offered": "perhaps"}, "feedback_offered", "not yes or no"),
        ({"company": "Acme", "role": "A", "reply_to": "recruitment at acme"}, "reply_to", "not an email address"),
        ({"company": "Acme", "role": "A", "compnay": "x"}, "compnay", "did you mean 'company'?"),
        ({"company": "Acme", "role": "A", "interview": "2026-06-10"}, "interview", "did you mean 'interview_date'?"),
    ],
)
def test_each_bad_parameter_gets_its_own_message(values: dict, field: str, words: str) -> None:
    with pytest.raises(ParameterError) as caught:
        Rejection.from_mapping(values)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{field}: ")
    assert "\n" not in str(caught.value)


def test_errors_name_the_file_and_row_when_known() -> None:
    with pytest.raises(ParameterError) as caught:
        Rejection.from_mapping({"company": "Acme", "role": ""}, file="apps.csv", row=7)
    assert str(caught.value) == "apps.csv, row 7, role: is required"


def test_contacts_parse_in_every_accepted_form() -> None:
    assert parse_contact("Priya Shah <priya@acme.example>") == Contact("Priya Shah", "priya@acme.example")
    assert parse_contact("  Tom Reid ") == Contact("Tom Reid", "")
    assert parse_contact({"name": "Ann", "email": "ann@example.org"}) == Contact("Ann", "ann@example.org")
    many = Rejection.from_mapping({"company": "A", "role": "B", "contacts": "Ann <ann@example.org>; Bo"})
    assert many.contacts == (Contact("Ann", "ann@example.org"), Contact("Bo"))


def test_numbers_guessed_by_papermill_are_taken_back_as_text() -> None:
    assert Rejection.from_mapping({"company": 3, "role": "B"}).company == "3"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_are_injected_as_inert_literals_that_round_trip(text: str) -> None:
    source = python_literal(text)
    assert ast.literal_eval(source) == text
    tree = ast.parse(f"company = {source}")
    assert len(tree.body) == 1 and isinstance(tree.body[0].value, ast.Constant)


def test_the_injected_cell_assigns_exactly_the_values_given() -> None:
    rejection = Rejection.from_mapping({"company": HOSTILE[3], "role": HOSTILE[2], "stage": HOSTILE[6],
                                        "contacts": [f"{HOSTILE[6]} <x@example.org>"]})
    nb = inject(load_template(), rejection.to_parameters(), metadata={})
    cell = next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    namespace: dict = {}
    exec("".join(cell["source"]), {"__builtins__": {}}, namespace)  # literals only: no builtins needed
    assert namespace == rejection.to_parameters()


def test_non_ascii_stays_readable_in_the_workbook(tmp_path: Path) -> None:
    import nextround

    path = nextround.new(company="Société Générale", role="Analyste", dir=tmp_path, rejected_on="2026-06-17")
    text = path.read_text(encoding="utf-8")
    assert "company = 'Société Générale'" in text
    assert "\\xe9" not in text and "\\u00e9" not in text


def test_slugs_are_readable_and_filesystem_safe() -> None:
    r = Rejection.from_mapping({"company": "Société Générale / R&D", "role": "Data  Analyst (m/f/d)",
                                "rejected_on": "2026-06-17"})
    assert r.slug() == "2026-06-17-societe-generale-r-d-data-analyst-m-f-d"
    assert Rejection.from_mapping({"company": "株式会社", "role": "..."}).slug(date(2026, 1, 2)) == "2026-01-02-zhushihuishe"


@pytest.mark.parametrize(("text", "slug"), [
    ("Яндекс", "yandeks"),
    ("Лаборатория Касперского", "laboratoriya-kasperskogo"),
    ("Αθήνα Τεχνολογίες", "athina-technologies"),
    ("腾讯", "tengxun"),
    ("Straße GmbH", "strasse-gmbh"),
    ("Ørsted 😀", "orsted"),  # an emoji is a separator, not ":grinning:"
])
def test_names_in_any_script_keep_their_letters(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_two_rejections_on_one_day_from_non_latin_companies_get_names_of_their_own(tmp_path: Path) -> None:
    import nextround

    made = [nextround.new(company=company, role=role, rejected_on="2026-06-17", dir=tmp_path)
            for company, role in (("Яндекс", "Аналитик"), ("腾讯", "数据分析师"))]
    assert [p.name for p in made] == ["2026-06-17-yandeks-analitik.ipynb", "2026-06-17-tengxun-shujufenxishi.ipynb"]


# Budget: 200 examples, no deadline (the first call imports anyascii's tables).
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_a_slug_is_always_a_safe_file_name_and_keeps_any_letter(text: str) -> None:
    slug = slugify(text, 40)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug) and len(slug) <= 40
    if any(ch in string.ascii_letters + string.digits for ch in text):
        assert slug  # a Latin letter or digit is never lost


def test_rejection_to_answers_is_plain_json() -> None:
    r = Rejection.from_mapping({"company": "A", "role": "B", "interview_date": date(2026, 6, 10),
                                "contacts": ["Ann <ann@example.org>"]})
    assert json.loads(json.dumps(r.to_answers()))["contacts"] == [{"name": "Ann", "email": "ann@example.org"}]
    assert r.to_answers()["interview_date"] == "2026-06-10"


def test_a_feedback_offer_and_a_shared_mailbox_are_parameters_too() -> None:
    # As a spreadsheet writes them ("yes", "") and as Python does (True).
    for written, offered in (("yes", True), ("Yes", True), ("no", False), ("", False), (True, True), (None, False)):
        r = Rejection.from_mapping({"company": "A", "role": "B", "feedback_offered": written})
        assert r.feedback_offered is offered
    r = Rejection.from_mapping({"company": "A", "role": "B", "feedback_offered": "yes",
                                "reply_to": " recruitment@acme.example "})
    assert r.to_answers()["feedback_offered"] is True and r.to_answers()["reply_to"] == "recruitment@acme.example"
    assert r.to_parameters()["feedback_offered"] is True
    # A rejection made before they existed reads them as not offered, no mailbox.
    old = Rejection.from_mapping({"company": "A", "role": "B"})
    assert (old.feedback_offered, old.reply_to) == (False, "")


def test_workbooks_are_written_exactly_as_nbformat_would_write_them(tmp_path: Path) -> None:
    import nbformat

    import nextround
    from nextround.making.workbook import (
        _workbook_text,
        inject,
        load_template,
        notebook_text,
        template_path,
    )

    parameters = {"company": "Société Générale", "role": "Line 1\nLine 2", "contacts": ["Ann <ann@example.org>"]}
    metadata = {"nextround": {"version": 1, "workbook_id": "w"}, "papermill": {"parameters": parameters}}
    fast = _workbook_text(template_path(), parameters, metadata)
    assert fast == notebook_text(inject(load_template(), parameters, metadata=metadata))
    written = nextround.new(company="Acme", role="Analyst", dir=tmp_path).read_text(encoding="utf-8")
    assert written == nbformat.writes(nbformat.reads(written, as_version=4)) + "\n"
