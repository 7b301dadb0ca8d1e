"""Property-based tests: answers files from the schema and beyond it, in a folder of others.

Documents are generated from the shipped JSON Schema itself (every field, any
subset, dates within the window, any text: control characters and half UTF-16
pairs included) and then, for some files, broken: a value of the wrong kind, a huge
or infinite number, an odd date, a nesting, or damage to the bytes (not UTF-8, cut
off, nested past what JSON can read, a number too long to read). Whatever the mix:

- nothing raises: `nextround.load` in process for many folders, and the real
  `status`, `due`, `calendar` and `export` commands for a few;
- every file is either named once as a problem or read, never both, never neither;
  a broken file the journal must refuse (see MUST_NAME) is always named, a file the
  schema accepts is always read;
- a file is treated, and its rows are, exactly as when it is alone in the folder;
- no file in the folder changes (bytes and modification times).

Budgets: 150 examples for `load` (a few seconds), 5 for the commands (each runs four
processes), 150 for the parameters of `nextround new`; deadline off throughout.
Examples that once failed are kept below as explicit `@example`s.
"""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import known_folder as kf
import nextround
from conftest import run_cli
from nextround.core import answers
from nextround.core.parameters import PARAMETER_NAMES, Rejection
from nextround.errors import ParameterError

SUFFIX = ".answers.json"
NOT_TEXT = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

# --- documents from the schema ---------------------------------------------------------

# Any character, controls and lone halves of UTF-16 pairs included: valid in JSON text.
_CHARS = st.one_of(st.characters(), st.sampled_from(["\x00", "\x0b", "\x1b", "\u202e", "\ud800", "\udfff", "="]))
TEXT = st.text(_CHARS, max_size=8)
DAYS = st.dates(answers.EARLIEST_DATE, answers.LATEST_DATE)
MOMENTS = st.builds(lambda d, h, m, tail: f"{d.isoformat()}T{h:02d}:{m:02d}{tail}", DAYS, st.integers(0, 23),
                    st.integers(0, 59), st.sampled_from(["", ":00", ":30.125", "Z", "+01:00", ":00-05:00"]))


def from_schema(rule: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values that `rule` (a piece of the answers schema) accepts."""
    if "anyOf" in rule:
        return st.one_of([from_schema(option) for option in rule["anyOf"]])
    if "const" in rule:
        return st.just(rule["const"])
    if "enum" in rule:
        return st.sampled_from(rule["enum"])
    kind = rule.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**rule, "type": k}) for k in kind])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(rule.get("minimum", -(10**6)), rule.get("maximum", 10**6))
    if kind == "string":
        if rule.get("pattern") == answers.DATE_PATTERN:
            return DAYS.map(date.isoformat)
        if rule.get("pattern") == answers.MOMENT_PATTERN:
            return MOMENTS
        return TEXT.filter(lambda t: len(t) >= rule.get("minLength", 0))
    if kind == "array":
        return st.lists(from_schema(rule["items"]), max_size=3)
    if kind == "object":
        known = rule.get("properties", {})
        required = rule.get("required", [])
        fixed = st.fixed_dictionaries({k: from_schema(known[k]) for k in required},
                                      optional={k: from_schema(v) for k, v in known.items() if k not in required})
        extra = rule.get("additionalProperties")
        if isinstance(extra, dict):
            more = st.dictionaries(TEXT.filter(lambda k: k not in known), from_schema(extra), max_size=3)
            return st.builds(lambda a, b: {**b, **a}, fixed, more)
        return fixed
    raise AssertionError(f"a schema rule this test does not know: {rule}")


GOOD_DOCS = from_schema(answers.schema())


def test_the_generated_documents_are_valid() -> None:
    @given(GOOD_DOCS)
    @settings(max_examples=50, **SETTINGS)
    def valid(doc: dict[str, Any]) -> None:
        assert answers.problems(doc) == []

    valid()


# --- and beyond it ------------------------------------------------------------------------

FAR_DATES = ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31T23:59:59", "0001-01-05"]
HOSTILE_VALUES = st.one_of(
    st.sampled_from([None, True, False, 0, -1, 1.5, float("inf"), float("-inf"), float("nan"), 1e308, "", "soon",
                     "2026-02-30", "20260101", "2026-1-1", [], {}, ["a"], {"a": 1}, *FAR_DATES]),
    st.integers(min_value=10**15, max_value=10**40),
    st.integers(max_value=-1),
    TEXT,
    st.integers(1, 60).map(lambda depth: json.loads("[" * depth + "]" * depth)),  # nested, still readable
)

# Where the journal must refuse a value, and what it must refuse there (see docs/journal.md).
# Elsewhere a value of the wrong kind may be read leniently (a word for a date is
# "not known yet") or refused; either way the file is named or read, never both.
DATE_PATHS = [("rejection", "rejected_on"), ("rejection", "interview_date"), ("feedback", "requested_on"),
              ("feedback", "received_on"), ("cv_on_file", "asked_on"), ("cv_on_file", "keep_until"),
              ("checkins", 0, "at"), ("contacts", 0, "thank_you_sent_on"), ("contacts", 0, "next_contact_on"),
              ("contacts", 0, "linkedin_request_sent_on"), ("contacts", 0, "linkedin_accepted_on"),
              ("contacts", 0, "log", 0, "on")]
COUNT_PATHS = {("contacts", 0, "cadence_weeks"): 104, ("cv_on_file", "keep_months"): 60,
               ("company", "vacancy_watch", "check_every_days"): 365, ("checkins", 0, "mood"): 10,
               ("self_review", "scores", "rapport"): 5}
SECTIONS = ["rejection", "checkins", "feedback", "reply", "cv_on_file", "self_review", "contacts", "company"]


def must_name(path: tuple[Any, ...], value: Any) -> bool:
    """Whether the journal must refuse a file with `value` at `path`."""
    if path == ("format",):
        return value != answers.FORMAT
    if path == ("workbook_id",):
        return not (isinstance(value, str) and value)
    if path in DATE_PATHS:
        if not isinstance(value, str):
            return False
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return False
        return not answers.EARLIEST_DATE <= day <= answers.LATEST_DATE
    if path in COUNT_PATHS:
        allowed_none = path[-1] in ("cadence_weeks", "keep_months", "check_every_days")
        if value is None:
            return not allowed_none
        return not (type(value) is int and 1 <= value <= COUNT_PATHS[path])
    if len(path) == 1 and path[0] in SECTIONS:
        kind = list if path[0] in ("checkins", "contacts") else dict
        return value is not None and not isinstance(value, kind)
    return False


def place(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """`doc` with `value` at `path`, making the containers on the way."""
    here: Any = doc
    for step, after in zip(path, path[1:]):
        if isinstance(step, int):
            while len(here) <= step:
                here.append({"name": "Sam Example"} if here is doc.get("contacts") else {"at": "2026-06-01T09:00"}
                            if here is doc.get("checkins") else {"on": None})
            if here is doc.get("checkins"):
                here[step].setdefault("mood", 5)
            here = here[step]
        else:
            if not isinstance(here.get(step), (dict, list)):
                here[step] = [] if isinstance(after, int) else {}
            here = here[step]
    here[path[-1]] = value
    return doc


@st.composite
def answers_file(draw: st.DrawFn, number: int) -> tuple[bytes, str]:
    """One file's bytes and what the journal must do with it: "read", "name" or "either"."""
    doc = draw(GOOD_DOCS)
    doc["workbook_id"] = "x"  # made unique below, whatever a mutation puts there
    damage = draw(st.sampled_from(["none", "none", "value", "value", "path", "bytes"]))
    verdict = "read"
    if damage == "value":  # a hostile value at a random place the document already has
        places = list(_paths(doc))
        path = draw(st.sampled_from(places))
        value = draw(HOSTILE_VALUES)
        place(doc, path, value)
        verdict = "name" if must_name(path, value) else "either"
    elif damage == "path":  # a hostile value where the journal must look
        path = draw(st.sampled_from([*DATE_PATHS, *COUNT_PATHS, ("format",), ("workbook_id",),
                                     *((s,) for s in SECTIONS)]))
        value = draw(st.one_of(HOSTILE_VALUES, st.sampled_from(FAR_DATES)))
        place(doc, path, value)
        verdict = "name" if must_name(path, value) else "either"
    if isinstance(doc.get("workbook_id"), str) and doc["workbook_id"]:
        # Still unique: two files with one id are copies, named for each other's sake.
        doc["workbook_id"] = f"wb-{number}-{doc['workbook_id']}"
    data = _dumps(doc)
    if damage == "bytes":
        verdict = "name"
        how = draw(st.sampled_from(["latin-1", "cut", "deep", "digits", "not-an-object"]))
        if how == "latin-1":
            data = data.replace(b'"format"', b'"f\xe9rmat"', 1)
        elif how == "cut":
            data = data[: draw(st.integers(0, len(data) - 2))]
        elif how == "deep":
            depth = draw(st.integers(5_000, 50_000))
            data = data.replace(b"{", b'{"deep": ' + b"[" * depth + b"]" * depth + b", ", 1)
        elif how == "digits":
            data = data.replace(b"{", b'{"big": ' + b"7" * draw(st.integers(4_400, 9_000)) + b", ", 1)
        else:
            data = _dumps([doc])
    return data, verdict


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Any:
    if path:
        yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _paths(inner, (*path, i))


def _dumps(doc: Any) -> bytes:
    try:
        return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # half a UTF-16 pair: JSON writes it as an escape
        return json.dumps(doc, indent=2).encode("utf-8")


FOLDERS = st.integers(1, 5).flatmap(lambda n: st.tuples(*(answers_file(i) for i in range(n))))


# --- the properties ----------------------------------------------------------------------


def write_folder(folder: Path, found: tuple[tuple[bytes, str], ...]) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    verdicts = {}
    for i, (data, verdict) in enumerate(found):
        (folder / f"f{i}{SUFFIX}").write_bytes(data)
        verdicts[f"f{i}"] = verdict
    return verdicts


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def outcome(folder: Path) -> tuple[dict[str, int], dict[str, Any]]:
    """How often each file is named, and each read file's rows in every table."""
    journal = nextround.load(folder, today=kf.TODAY)
    named: dict[str, int] = {}
    for problem in journal.problems:
        stem = Path(problem.file or "").name.removesuffix(SUFFIX)
        named[stem] = named.get(stem, 0) + 1
        assert "\n" not in str(problem)
    rows = {}
    for workbook in journal.rejections["workbook"]:
        stem = workbook.removesuffix(".ipynb")
        (workbook_id,) = journal.rejections.loc[journal.rejections["workbook"] == workbook, "workbook_id"]
        rows[stem] = {name: table[table["workbook_id"] == workbook_id].reset_index(drop=True)
                      for name, table in journal.tables.items()}
    return named, rows


def check_folder(found: tuple[tuple[bytes, str], ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "all"
        verdicts = write_folder(folder, found)
        before = snapshot(folder)
        named, rows = outcome(folder)
        assert snapshot(folder) == before
        for stem, verdict in verdicts.items():
            assert named.get(stem, 0) + (stem in rows) == 1, (stem, verdict)
            if verdict == "name":
                assert named.get(stem) == 1, stem
            elif verdict == "read":
                assert stem in rows, stem
            alone = Path(tmp) / f"alone-{stem}"
            alone.mkdir()
            (alone / f"{stem}{SUFFIX}").write_bytes((folder / f"{stem}{SUFFIX}").read_bytes())
            named_alone, rows_alone = outcome(alone)
            assert named_alone.get(stem, 0) == named.get(stem, 0)
            if stem in rows:
                for table, frame in rows[stem].items():
                    assert frame.equals(rows_alone[stem][table]), (stem, table)


@given(FOLDERS)
@settings(max_examples=150, **SETTINGS)
@example(((b'{"format": "nextround-answers", "version": 1, "workbook_id": "wb-0", '
           b'"rejection": {"rejected_on": "9999-12-31"}}', "name"),))
@example(((b'{"format": "nextround-answers", "version": 1, "workbook_id": "wb-0", '
           b'"contacts": [{"name": "S", "thank_you_sent_on": "2026-06-01", "cadence_weeks": 100000000000000000000}]}',
           "name"),))
@example(((b'{"format": "nextround-answers", "version": 1, "workbook_id": "wb-0", '
           b'"company": {"vacancy_watch": {"keywords": ["x"], "check_every_days": Infinity}}}', "name"),
          (b'{"format": "nextround-answers", "version": 1, "workbook_id": "wb-1", "feedback": {"text": "\\u000b"}}',
           "read")))
def test_load_names_each_bad_file_once_and_reads_the_rest_as_when_alone(
        found: tuple[tuple[bytes, str], ...]) -> None:
    check_folder(found)


@pytest.mark.parametrize("doc", [
    # Found while writing these tests: a cut-off file, a date before the window in a
    # contact's log, a lone half of a UTF-16 pair in a name.
    {"contacts": [{"name": "S", "log": [{"on": "0001-01-01"}]}]},
    {"contacts": [{"name": "\ud800"}], "rejection": {"company": "\udfff"}},
    {"checkins": [{"at": "2026-06-01", "mood": True}]},
])
def test_examples_found_stay_found(doc: dict[str, Any]) -> None:
    full = {"format": answers.FORMAT, "version": 1, "workbook_id": "wb-0", **doc}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / f"f0{SUFFIX}").write_bytes(_dumps(full))
        journal = nextround.load(folder, today=kf.TODAY)
        assert len(journal.problems) + len(journal.rejections) == 1


@given(FOLDERS)
@settings(max_examples=5, **SETTINGS)
def test_the_commands_name_each_bad_file_once_and_list_the_rest(found: tuple[tuple[bytes, str], ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "all"
        write_folder(folder, found)
        before = snapshot(folder)
        named, rows = outcome(folder)
        out = Path(tmp) / "out"
        for args in (["status"], ["due", "--on", "2026-07-01"], ["calendar", "-o", str(out / "r.ics")],
                     ["export", "-o", str(out)]):
            out.mkdir(exist_ok=True)
            result = run_cli(*args, "--dir", str(folder))
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr
            assert not NOT_TEXT.search(result.stdout + result.stderr)
            for stem in named:
                assert sum(f"{folder / stem}{SUFFIX}:" in line for line in result.stderr.splitlines()) == 1
            if args == ["status"]:
                assert sorted(re.findall(r"\[(f\d+)\.ipynb\]$", result.stdout, flags=re.MULTILINE)) == sorted(rows)
        assert snapshot(folder) == before


# --- nextround new refuses what the schema would refuse --------------------------------

_ANY_DATE = st.one_of(st.dates(), st.dates().map(date.isoformat), TEXT, st.none(), st.integers())


@given(st.fixed_dictionaries(
    {"company": TEXT, "role": TEXT},
    optional={"interview_date": _ANY_DATE, "rejected_on": _ANY_DATE, "stage": TEXT, "your_name": TEXT,
              "scenario": TEXT, "contacts": st.lists(TEXT, max_size=3),
              "careers_page": st.one_of(TEXT, st.just("https://careers.example.org"))}))
@settings(max_examples=150, **SETTINGS)
@example({"company": "Acme", "role": "Analyst", "rejected_on": "9999-12-31"})
@example({"company": "Acme", "role": "Analyst", "interview_date": date(1, 1, 1)})
@example({"company": "Acme", "role": "Analyst", "rejected_on": date(2199, 12, 31) + timedelta(days=1)})
def test_a_rejection_new_accepts_makes_answers_the_schema_accepts(values: dict[str, Any]) -> None:
    assert set(values) <= set(PARAMETER_NAMES)
    try:
        rejection = Rejection.from_mapping(values)
    except ParameterError as exc:
        assert exc.field in PARAMETER_NAMES
        return
    doc = answers.new_document("wb-new", rejection.to_answers())
    assert answers.problems(doc) == []
