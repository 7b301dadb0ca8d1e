"""The checks take time in proportion to the text, and say the same as before.

The tone check runs live as a person types a reply, so a long draft must not make it
crawl. No test here times anything (`benchmarks/bench_checks.py` does, on 10 KB and
100 KB). Instead:

- repeating a text k times gives k times its flags (give or take the joins), and the
  same feedback verdict, so nothing is lost or doubled on long texts;
- the Python work the checks do (counted in lines run) grows like the text, not like
  its square;
- the parts rewritten to run in linear time — VADER's scores, and the patterns matched
  by code instead of by one regular expression — give exactly what the originals give.

Failures name cases by file and id, never their text.
"""

from __future__ import annotations

import csv
import functools
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checks_corpus import mixed_text
from nextround.checks import check_feedback, check_tone
from nextround.checks._feedback_words import ANCHOR_PATTERNS
from nextround.checks._patterns import Alternation, any_of, sentiment
from nextround.checks._tone_rules import TONE_RES

DATA = Path(__file__).resolve().parent / "data"


def _cases() -> list[tuple[str, str]]:
    out = []
    for name in ("tone_cases.csv", "feedback_cases.csv", "feedback_cases_3.csv"):
        with open(DATA / name, newline="", encoding="utf-8") as f:
            out += [(f"{name}#{row['id']}", row["text"]) for row in csv.DictReader(f)]
    return out


CASES = _cases()


def _flags(text: str) -> Counter:
    return Counter((f.kind, f.phrase, f.why, f.alternative) for f in check_tone(text).flags)


def _repeated(text: str, k: int) -> str:
    return "\n".join([text] * k)


def _scales(text: str, k: int) -> bool:
    """Whether the flags of `text` repeated k times are those of two copies plus k - 2
    times what a third copy adds: each copy is flagged the same, whatever its length."""
    two, three = _flags(_repeated(text, 2)), _flags(_repeated(text, 3))
    added = three - two
    expected = two + Counter({flag: n * (k - 2) for flag, n in added.items()})
    return three == two + added and _flags(_repeated(text, k)) == expected


def test_flags_scale_with_the_number_of_copies_of_every_labelled_case():
    wrong = [name for name, text in CASES if not _scales(text, 7)]
    assert not wrong, f"flags do not scale with the copies: {wrong}"


def test_feedback_verdict_is_the_same_however_many_copies():
    wrong = [
        name for name, text in CASES
        if check_feedback(_repeated(text, 7)).to_dict() != check_feedback(_repeated(text, 2)).to_dict()
    ]
    assert not wrong, f"feedback changes with the copies: {wrong}"


# Budget: 25 examples of up to 40 copies of a case (a few seconds).
@settings(max_examples=25, deadline=None)
@given(case=st.sampled_from(CASES), k=st.integers(min_value=3, max_value=40))
def test_any_number_of_copies_scales(case, k):
    name, text = case
    assert _scales(text, k), name
    assert check_feedback(_repeated(text, k)).to_dict() == check_feedback(_repeated(text, 2)).to_dict(), name


# --- Python work grows like the text -----------------------------------------


def _lines_run(check, text: str) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        check(text)
    finally:
        sys.settrace(None)
    return count


_FEEDBACK_PARAGRAPH = (
    "In the group exercise and in round 2 your take-home, your slides and your case study "
    "were thin; at the assessment centre the written exercise and the presentation ran long. "
)
_NO_PRONOUN_RANT = "so rude so pointless so absurd honestly laughable "


@pytest.mark.skipif(sys.gettrace() is not None, reason="another tracer (coverage, a debugger) is running")
@pytest.mark.parametrize(
    ("check", "make"),
    [
        (check_tone, mixed_text),
        (check_feedback, mixed_text),
        (check_feedback, lambda n: _FEEDBACK_PARAGRAPH * (n // len(_FEEDBACK_PARAGRAPH))),
        (check_tone, lambda n: _NO_PRONOUN_RANT * (n // len(_NO_PRONOUN_RANT))),
    ],
    ids=["tone, labelled cases", "feedback, labelled cases", "feedback, stages and work",
         "tone, insults with no pronoun"],
)
def test_python_work_grows_like_the_text(check, make):
    # Four times the text: about four times the lines run when the work is linear,
    # about sixteen when it is quadratic. (A count, not a time: it does not depend on
    # the machine.)
    check("Warm-up.")
    small, large = _lines_run(check, make(3_000)), _lines_run(check, make(12_000))
    assert large / small < 5.5, f"{large / small:.1f} times the work for 4 times the text"


# --- the linear rewrites give what the originals give --------------------------

# Words the rewritten patterns look for, and what ends a sentence, a clause or a line.
_TOKENS = [
    "you'll see", "eventually", "one day", "whoever", "never", "clearly", "maybe someone could",
    "perhaps your team should", "after all that", "Is", "do", "you", "the panel", "anyone", "actually",
    "even", "(a)", "a)", "(1)", "1)", "(b)", "b)", "(2)", "ii)", "first,", "firstly,", "second,",
    "secondly,", "day plan", "care plan", "x-y", "-", "--", "'", "x", "plan", "good", "bad", "but",
    "BUT", "not", "no", "never so", "without doubt", "kind of", "at least", "GREAT", "yeah right",
    "the shit", "😡", ":)", ".", "!", "?", "!!!", "?!", "??", "! ! !", "? ?", ",", ";", "\n",
]
_TEXTS = st.lists(
    st.tuples(st.sampled_from(_TOKENS), st.sampled_from([" ", " ", "", "\n"])), max_size=40
).map(lambda parts: "".join(token + sep for token, sep in parts))


def _coded_alternations() -> list[tuple[str, Alternation]]:
    found = [(f"tone rule {i} ({rule.kind})", rx) for i, (rule, rx) in enumerate(TONE_RES)]
    found += [(f"feedback {kind}", any_of(pats)) for kind, pats in ANCHOR_PATTERNS.items()]
    return [(name, rx) for name, rx in found if isinstance(rx, Alternation)]


CODED = _coded_alternations()


def test_some_patterns_are_matched_by_code():
    # The rewritten ones: five tone rules, and two kinds of feedback anchor.
    assert len(CODED) == 7


# Budget: 200 texts of up to 40 tokens, each against the 7 rewritten patterns.
@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
@example(text="Is you even you even you x")
@example(text="whoever whoever never. whoever")
@example(text="(a) x (a) y\n(b) (1) (2)")
@example(text="first, firstly, second, secondly,x second,")
@example(text="x-y-day plan -day plan --x care plan")
@example(text="you'll see one day one day eventually. you'll see")
def test_patterns_matched_by_code_find_what_their_regular_expressions_find(text):
    for name, rx in CODED:
        expected = [m.span() for m in re.compile(rx.pattern, rx.flags).finditer(text)]
        assert [m.span() for m in rx.finditer(text)] == expected, name


def test_patterns_matched_by_code_agree_on_every_labelled_case():
    wrong = [
        (name, rule) for name, text in CASES for rule, rx in CODED
        if [m.span() for m in rx.finditer(text)]
        != [m.span() for m in re.compile(rx.pattern, rx.flags).finditer(text)]
    ]
    assert not wrong


@functools.cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def test_sentiment_scores_are_vaders_on_every_labelled_case():
    vader, ours = _vader(), sentiment()
    wrong = [name for name, text in CASES if ours.polarity_scores(text) != vader.polarity_scores(text)]
    assert not wrong


# Budget: 300 texts of up to 40 tokens.
@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
@example(text="good good good but good bad")  # equal scores before "but": VADER halves the first twice
@example(text="not bad at all but never so good, without doubt GREAT 😡")
def test_sentiment_scores_are_vaders(text):
    assert sentiment().polarity_scores(text) == _vader().polarity_scores(text)
