"""The feedback-quality and tone checks, as a user sees them.

The accuracy tests read tests/data/*_cases.csv: batch 1 (ids 1-92) was written before
the checker, batch 2 (ids 93 onwards) later by someone who had not seen it, and the
feedback check's batch 3 (feedback_cases_3.csv, ids 1001 onwards) blind, by someone who
never saw it. Rows with split == "heldout" were never read while building or tuning the
checker; the tests measure on them but never print their text. The behavioural tests
use invented examples, not rows from the data.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nextround.checks import THEMES, TONE_KINDS, check_feedback, check_tone

DATA = Path(__file__).resolve().parent / "data"
SRC = Path(__file__).resolve().parent.parent / "src"


def _rows(name: str, split: str | None = None) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r for r in rows if split is None or r["split"] == split]


# All three batches of labelled feedback.
FEEDBACK_FILES = ("feedback_cases.csv", "feedback_cases_3.csv")


# Each check's labelled cases, and its verdict as one of their labels.
_VERDICTS = {
    "feedback": ("feedback_cases.csv", lambda text: "vague" if check_feedback(text).vague else "specific"),
    "tone": ("tone_cases.csv", lambda text: "ok" if check_tone(text).ok else "flag"),
}


def _accuracy(check: str, split: str, names: tuple[str, ...] | None = None) -> tuple[float, int, int]:
    name, verdict = _VERDICTS[check]
    rows = [r for file in names or (name,) for r in _rows(file, split)]
    wrong = sum(verdict(r["text"]) != r["label"] for r in rows)
    return 1 - wrong / len(rows), wrong, len(rows)


# --- tone -------------------------------------------------------------------

VADER_TRAP = "Whatever. Good luck finding someone as good as me."


def test_vader_trap_is_flagged_even_though_sentiment_calls_it_positive():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    # The reason rules are needed at all: a lexicon alone thinks this is friendly.
    assert SentimentIntensityAnalyzer().polarity_scores(VADER_TRAP)["compound"] > 0.5
    result = check_tone(VADER_TRAP)
    assert not result.ok
    kinds = {f.kind for f in result.flags}
    assert kinds & {"dismissive", "sarcasm"}
    for flag in result.flags:
        assert flag.phrase in VADER_TRAP
    assert any(f.phrase == "Whatever" and f.kind == "dismissive" for f in result.flags)


@pytest.mark.parametrize(
    "draft",
    [
        "I'm honestly disappointed, but I appreciate you letting me know and would welcome "
        "any feedback.",
        "I'm gutted, to be honest, but I understand. Thanks for giving me the chance to interview.",
        "Thank you for letting me know. It's a shame, but I really enjoyed meeting the team, "
        "and I'd be grateful for any feedback. Best wishes, Sam",
        "I never expected to get this far, so thank you for the opportunity.",
        "Thank you for the feedback. I know my answer on the budget question was weak, and "
        "I'll work on it.",
    ],
)
def test_sad_but_professional_reply_is_ok(draft):
    result = check_tone(draft)
    assert result.ok, [(f.kind, f.phrase) for f in result.flags]
    assert result.flags == []
    assert result.score >= 0.7


def test_blame_aimed_at_you_gets_a_flag_with_a_calmer_alternative():
    draft = "Your interviewer clearly hadn't even read my CV, so I'm not surprised you got it wrong."
    result = check_tone(draft)
    assert not result.ok
    blame = [f for f in result.flags if f.kind == "blame"]
    assert blame
    for flag in blame:
        assert flag.phrase in draft
        assert flag.alternative and flag.alternative != flag.phrase
        assert flag.why.endswith(".")


def test_empty_draft_is_ok_with_no_flags():
    for text in ("", "   ", "\n\t "):
        result = check_tone(text)
        assert result.ok
        assert result.flags == []


@pytest.mark.parametrize(
    ("draft", "kind"),
    [
        # the plain kinds
        ("Thanks so much for wasting a month of my time, really appreciate it.", "sarcasm"),
        ("I expect a full explanation by Friday.", "demand"),
        ("I'm useless. I'll never get a job at this rate.", "self_put_down"),
        ("Thank you SO much for the generic rejection.", "shouting"),
        ("Are you serious?! After all that, a two-line email?", "punctuation"),
        ("You always say you value diversity of thought.", "absolute"),
        ("With respect, I answered every question correctly.", "defensive"),
        ("Great, another company that can't recognise talent. Best of luck with your mediocre hire.",
         "hostile"),
        # going public, or warning others off
        ("I'll be sharing my experience on LinkedIn so others know what your process is like.",
         "hostile"),
        ("Don't worry, I'll make sure my friends know not to apply.", "hostile"),
        # guilt-tripping and pointed hints
        ("I turned down another offer because of what your recruiter told me.", "passive_aggressive"),
        ("It would have been nice to hear this before I travelled down.", "passive_aggressive"),
        ("Interesting decision, given that I was the only applicant with the qualification.",
         "passive_aggressive"),
        ("Noted. I'll keep that in mind.", "passive_aggressive"),
        # a polite-sounding demand with a deadline
        ("I would appreciate a full written explanation no later than Friday.", "demand"),
        ("Kindly confirm within two working days why my application was rejected.", "demand"),
        # begging, backhanded praise, hypocrisy, sour generalisation
        ("Please, I'll do anything - just give me a chance to prove myself.", "pleading"),
        ("I'm sure your new hire will be lovely. Less experienced, but lovely.", "sarcasm"),
        ("For a company that claims to value people, you have a funny way of showing it.", "sarcasm"),
        ("I suppose experience counts for nothing these days.", "bitter"),
        # blame about their process or conduct, and rhetorical questions
        ("Frankly, the panel seemed more interested in their phones than in my answers.", "blame"),
        ("It's been three weeks. Is anyone actually reading my emails?", "blame"),
        ("I would urge you to review how you run your interviews.", "blame"),
    ],
)
def test_each_kind_of_problem_is_named(draft, kind):
    result = check_tone(draft)
    assert not result.ok
    assert kind in {f.kind for f in result.flags}, [(f.kind, f.phrase) for f in result.flags]
    for flag in result.flags:
        assert flag.phrase in draft


@pytest.mark.parametrize(
    "draft",
    [
        # "never", "always", "clearly", "honestly", "wrong" used innocently
        "You always made me feel welcome, even on the video calls.",
        "You never know what's round the corner, so I'll keep in touch.",
        "I clearly underestimated the written exercise - lesson learned!",
        "Honestly, I was wrong about how much I'd enjoy the technical round.",
        "Every time I spoke to your team, they were lovely.",
        "Please thank everyone else on the panel for me.",
        # a deadline asked as a question, with a reason, or as the writer's own promise
        "Would you be able to share any feedback by the end of the month? It would help me prepare.",
        "I'd appreciate it if you could let me know by Friday whether the other role is open, "
        "as I have an offer to respond to.",
        "I'll send the signed form back by Monday.",
        # courtesies that share words with the rules
        "I won't take up any more of your time - thank you again for the opportunity.",
        "I'm sure you are inundated with applications, so thanks for replying.",
        "Let me know if you need to reschedule the feedback call.",
        "I can only imagine how many applications you received.",
        "I'm not surprised I found the technical round hard; it's a new area for me.",
    ],
)
def test_innocent_uses_of_charged_words_are_ok(draft):
    result = check_tone(draft)
    assert result.ok, [(f.kind, f.phrase) for f in result.flags]


# The next tests run over every labelled draft, held-out ones included; a failure
# reports row ids, not texts.


def test_every_flag_phrase_is_a_substring_of_the_draft():
    rows = _rows("tone_cases.csv") + [{"id": "trap", "text": VADER_TRAP}]
    bad = [
        r["id"]
        for r in rows
        for flag in check_tone(r["text"]).flags
        if not (flag.phrase and flag.phrase in r["text"] and flag.kind in TONE_KINDS
                and flag.why and flag.alternative)
    ]
    assert not bad, f"rows with a malformed flag: {bad}"


def test_a_draft_that_is_not_ok_always_says_why():
    bad = []
    for r in _rows("tone_cases.csv"):
        result = check_tone(r["text"])
        if result.ok == bool(result.flags) or not 0.0 <= result.score <= 1.0:
            bad.append(r["id"])
    assert not bad, f"rows whose verdict and flags disagree: {bad}"


def test_tone_result_is_frozen_and_serialisable():
    result = check_tone(VADER_TRAP)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.ok = True  # type: ignore[misc]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["ok"] is False
    assert {"phrase", "kind", "why", "alternative"} <= set(data["flags"][0])


# --- feedback ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("feedback", "theme", "word"),
    [
        ("Another candidate had more experience.", "experience", "experience"),
        ("Your communication could be better.", "communication", "communication"),
        ("We'd suggest brushing up on your technical fundamentals.", "technical_skills", "technical"),
        ("We felt there wasn't quite the right fit with the team culture at this time.",
         "culture_fit", "fit"),
        ("There were a number of factors, including budget, that shaped the final decision.",
         "salary", "budget"),
        ("We'd encourage you to prepare a bit more thoroughly next time.", "preparation",
         "preparation"),
    ],
)
def test_vague_feedback_gets_two_to_four_questions_about_its_theme(feedback, theme, word):
    result = check_feedback(feedback)
    assert result.vague
    assert theme in result.themes
    assert 2 <= len(result.follow_up_questions) <= 4
    assert any(word in q.lower() for q in result.follow_up_questions)
    for question in result.follow_up_questions:
        assert question.endswith("?")


@pytest.mark.parametrize(
    "feedback",
    [
        "Your SQL answer in round 2 joined on name instead of customer_id, so it returned duplicates.",
        "The brief asked for a 5-slide pitch and you brought 18 slides.",
        "When we asked how you'd measure the redesign, you said 'user happiness' but didn't name "
        "a metric such as day-7 retention.",
        "The role needs a full UK driving licence for site visits, and you told us you don't "
        "have one.",
        "Your take-home had no tests for invalid dates; we expected at least the edge cases "
        "in the brief.",
    ],
)
def test_specific_feedback_is_not_vague(feedback):
    result = check_feedback(feedback)
    assert not result.vague, result.reasons
    assert result.score >= 0.5
    assert any(reason.startswith("Names ") for reason in result.reasons)
    assert 2 <= len(result.follow_up_questions) <= 4


@pytest.mark.parametrize(
    ("feedback", "expected"),
    [
        ("Another candidate had more experience.", {"experience", "competition"}),
        ("Your presentation skills need some work.", {"communication"}),
        ("The role requires working from our Leeds office three days a week.", {"logistics"}),
        ("Your Python was fine, but your pandas merge used the wrong join.", {"technical_skills"}),
        ("Your salary expectations were above our budget.", {"salary"}),
        ("We went with someone who was a better fit for the team culture.",
         {"culture_fit", "competition"}),
    ],
)
def test_themes_are_detected(feedback, expected):
    themes = check_feedback(feedback).themes
    assert expected <= set(themes)
    assert all(t in THEMES for t in themes)


def test_themes_constant_has_the_documented_keys_and_labels():
    assert set(THEMES) == {
        "experience", "technical_skills", "communication", "culture_fit",
        "preparation", "competition", "logistics", "salary",
    }
    assert all(isinstance(label, str) and label for label in THEMES.values())


@pytest.mark.parametrize(
    "feedback",
    [
        # other professions: no tool names, but a concrete thing and what was missing
        "In the teaching observation your starter ran for 15 minutes, so the main activity was "
        "rushed and you didn't check understanding before moving on.",
        "Your risk assessment for the warehouse visit didn't cover forklift traffic, which is the "
        "main hazard on that site.",
        "During the role-play with the upset customer you interrupted them twice and offered a "
        "refund before finding out what had gone wrong.",
        # an enumeration of points
        "Two things: (1) the budget had no contingency line; (2) the timeline ignored the "
        "planning stage.",
        # a number that measures the work, joined to its unit
        "The brief was a 10-minute pitch; you ran to 25 minutes and we had to stop you.",
    ],
)
def test_structural_anchors_make_feedback_specific(feedback):
    result = check_feedback(feedback)
    assert not result.vague, result.reasons


@pytest.mark.parametrize(
    "feedback",
    [
        # numbers that count the process, not the candidate's work
        "Your application was strong, but we had over 300 applicants for 2 places.",
        "We ran 3 rounds with 12 candidates over 4 weeks.",
        # "your" + a quality rather than a thing
        "Your experience and your communication skills were good, but not quite what we need.",
        # a name on its own (often the employer's own)
        "Thank you for applying to Northgate Council; unfortunately you have not been shortlisted.",
        "We need someone with more commercial awareness.",
    ],
)
def test_process_numbers_qualities_and_names_alone_stay_vague(feedback):
    result = check_feedback(feedback)
    assert result.vague, result.reasons
    assert any(reason.startswith("Missing:") for reason in result.reasons)


# What the role needed, and what the candidate has instead, named without any question
# or piece of work: a skill, a scope, a number, a level. (Invented examples, across
# professions; none is a row of the data.)
@pytest.mark.parametrize(
    "feedback",
    [
        # a number of years or a scale the role needs, against the candidate's own
        "We need a pharmacist with at least three years in a hospital dispensary; your "
        "experience so far has been in community pharmacy.",
        "It came down to scale: we need someone who has managed budgets of over £5 million, "
        "and your largest budget has been about £300k.",
        "Our client wanted a quantity surveyor who has costed projects above £10m; the largest "
        "you've costed was £1.5m.",
        "Mainly scale: this role manages 14 stores, and your biggest remit has been one flagship store.",
        # a level of seniority or depth
        "This is a principal engineer post, and you haven't yet set technical direction across "
        "more than one team.",
        "You've only supported migrations rather than led one, and this role owns them end to end.",
        "Honestly it was about seniority: the post reports to the board and you have never "
        "presented to a board.",
        "The vacancy is for a senior analyst, and you've been an analyst for eight months.",
        "It's a role that's 80% client-facing and your background has been almost entirely back office.",
        # a named skill, licence or qualification the role needs
        "We need someone with solid SQL for this one.",
        "Honestly, not enough Excel: the job is mostly building models in it every day.",
        "You lacked experience of Kubernetes, which this team runs everything on.",
        "Sorry to be brief: we need a fluent Mandarin speaker.",
        "Lovely to meet you. The deciding point was languages: the role needs fluent Spanish and "
        "your Spanish is conversational.",
        # warm padding around the concrete core
        "Thank you so much for your time and your thoughtful answers. We really did enjoy meeting "
        "you. We appointed someone who has run a kitchen doing 200 covers a night; you've only "
        "worked as a commis chef. Please do keep in touch.",
    ],
)
def test_a_named_requirement_the_candidate_lacked_is_specific(feedback):
    result = check_feedback(feedback)
    assert not result.vague, result.reasons
    assert not any(reason.startswith("Missing:") for reason in result.reasons)


@pytest.mark.parametrize(
    "feedback",
    [
        # a need or a lack with nothing named in it
        "We need someone with a bit more experience at this level.",
        "We were looking for someone who can hit the ground running.",
        "Not enough experience, sadly. Best of luck.",
        "You lack the seniority we were hoping for, but we'd love to stay in touch.",
        "Your answers lacked the depth we needed.",
        "We wanted more evidence of leadership in your examples.",
        "We went with someone who has more experience in the sector.",
        "It's a newly created role, so we wanted someone who has done it before.",
        "This is a demanding role and we felt another candidate was better prepared for it.",
        # a topic with no size or level; a level with nothing named
        "Your experience with budgets wasn't quite at the level we need.",
        "You're not quite senior enough for this one, but do apply again.",
        "The role requires a high level of technical expertise, and we felt you weren't quite there yet.",
        # the candidate's record, but nowhere in particular
        "Your experience has mostly been in a different kind of organisation, so we won't be "
        "taking things further.",
        "Your answers were at times a little short, and the role needs someone more confident.",
        "You've only been with your current employer a short time, so we felt you weren't ready.",
        "You have been a pleasure to deal with. The role requires a breadth of experience that we "
        "felt others had.",
    ],
)
def test_a_need_or_a_lack_with_nothing_named_stays_vague(feedback):
    result = check_feedback(feedback)
    assert result.vague, result.reasons


def test_the_reasons_quote_what_the_role_needed_and_what_the_candidate_has():
    result = check_feedback("This is a people manager role, and you haven't managed anyone directly yet.")
    assert not result.vague
    joined = " ".join(result.reasons)
    assert "“This is a people manager role”" in joined
    assert "“you haven't managed”" in joined


def test_a_sum_with_a_unit_is_one_number():
    # "£1.5m" was read as "£1", and "£2m" not at all.
    result = check_feedback("The role oversees about £2m a year; the largest you've run was £1.5m.")
    number = next(r for r in result.reasons if r.startswith("Names a number"))
    assert "“£2m”" in number and "“£1.5m”" in number


def test_a_quality_after_your_is_not_a_piece_of_work():
    # "your commercial awareness" is praise of a quality, like "your communication skills".
    result = check_feedback("The panel were impressed with your commercial awareness and your "
                            "collaborative style at the final stage.")
    assert result.vague, result.reasons
    assert not any("awareness" in r for r in result.reasons if r.startswith("Names a piece"))


def test_vague_reasons_name_the_generic_phrases_and_what_is_missing():
    result = check_feedback("We went with someone who was a better fit.")
    assert result.vague
    joined = " ".join(result.reasons)
    assert "better fit" in joined
    assert any(reason.startswith("Missing:") for reason in result.reasons)


def test_empty_feedback_is_vague_with_generic_questions():
    for text in ("", "   ", "\n"):
        result = check_feedback(text)
        assert result.vague
        assert result.score == 0.0
        assert any("no feedback text yet" in reason.lower() for reason in result.reasons)
        assert 2 <= len(result.follow_up_questions) <= 4
        assert result.themes == []


def test_a_vague_verdict_always_names_what_is_missing():
    # Over every labelled case of all three batches, held-out included; a failure
    # reports tune row ids, and only how many held-out rows.
    bad, bad_heldout = [], 0
    for r in (r for name in FEEDBACK_FILES for r in _rows(name)):
        result = check_feedback(r["text"])
        explained = any(reason.startswith("Missing:") for reason in result.reasons)
        if (
            not 0.0 <= result.score <= 1.0
            or not 2 <= len(result.follow_up_questions) <= 4
            or (result.vague and not explained)
        ):
            if r["split"] == "heldout":
                bad_heldout += 1
            else:
                bad.append(r["id"])
    assert not bad and not bad_heldout, (
        f"rows with an unexplained verdict: tune {bad}, and {bad_heldout} held out")


def test_questions_are_in_uk_english():
    us_spellings = re.compile(
        r"\b\w+(?:ize|izing|ized|ization)\b|\bcolor|\bbehavior|\bcenter\b|\bfavor", re.I
    )
    texts = [r["text"] for name in FEEDBACK_FILES for r in _rows(name, "tune")] + [""]
    for text in texts:
        for question in check_feedback(text).follow_up_questions:
            assert not us_spellings.search(question), question


def test_feedback_result_is_frozen_and_serialisable():
    result = check_feedback("Another candidate had more experience.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.vague = False  # type: ignore[misc]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["vague"] is True
    assert data["theme_labels"] == [THEMES[t] for t in data["themes"]]


# --- cost -------------------------------------------------------------------


def test_importing_the_module_does_not_load_vader():
    # VADER reads its lexicon file when created; that waits until a check runs.
    code = "import sys, nextround.checks; print('vaderSentiment' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert out.stdout.strip() == "False"


# --- accuracy on the labelled cases ----------------------------------------
# docs/checks.md and benchmarks/check_accuracy.py give the per-batch numbers. The
# messages carry counts only, never the text of a case.


@pytest.mark.parametrize("check", ["feedback", "tone"])
@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_accuracy(check: str, split: str) -> None:
    # Batches 1 and 2 together, the sets both checks were first measured on.
    acc, wrong, n = _accuracy(check, split)
    assert acc >= 0.90, f"{wrong} of {n} {'held-out' if split == 'heldout' else split} {check} cases wrong"


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_feedback_accuracy_on_all_three_batches(split: str) -> None:
    # With batch 3, written blind: 93.7% held out (74 of 79) when it was measured once,
    # after the rules were frozen.
    acc, wrong, n = _accuracy("feedback", split, FEEDBACK_FILES)
    assert acc >= 0.93, f"{wrong} of {n} {'held-out' if split == 'heldout' else split} feedback cases wrong"


def test_follow_up_questions_ask_one_thing_each_and_never_about_the_winner() -> None:
    texts = ["Another candidate had more experience.", "Your communication could be better.",
             "We went with someone whose technical skills were stronger.", "It was a very strong field.",
             "Salary expectations were above our budget.", ""]
    for text in texts:
        for question in check_feedback(text).follow_up_questions:
            assert question.count("?") == 1 and ", and " not in question, question
            assert "successful candidate" not in question and "strongest candidate" not in question
