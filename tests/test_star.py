"""The STAR check of a "better answer", and the question themes, as a person sees them.

The accuracy tests read tests/data/star_cases.csv (written and labelled blind; see
tests/data/README-labelled-sets.md). Rows with split == "heldout" were never read
while building or tuning the check; the tests measure on them but never print their
text. tests/data/star_strangers.csv holds answers by writers none of whose answers
were ever read, tuned on or trained on. The behavioural tests use invented answers,
not rows from the data.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import nextround
from nextround.checks import PARTS, QUESTION_THEMES, check_answer, question_key, question_theme

DATA = Path(__file__).resolve().parent / "data" / "star_cases.csv"

COMPLETE = (
    "In my second year at university I worked part-time at a bakery, and on Saturdays we kept running "
    "out of bread by noon. My manager asked me to sort out the ordering. I went through three months of "
    "sales records and built a simple forecast in a spreadsheet. Within a month we were selling out at "
    "4pm instead of noon, and waste stayed under 5%."
)


def parts_of(text: str) -> str:
    """The parts found, as "STAR" with a dot for each one missing ("ST.R")."""
    result = check_answer(text)
    return "".join(key[0].upper() if result.parts[key] else "." for key in PARTS)


# --- what a person sees -------------------------------------------------------


def test_a_complete_answer_is_complete_with_nothing_to_add() -> None:
    result = check_answer(COMPLETE)
    assert result.complete and result.concrete_result
    assert result.parts == dict.fromkeys(PARTS, True)
    assert result.missing == [] and result.suggestions == []
    assert result.verdict == "Complete STAR answer"
    assert result.found["task"] == "My manager asked me to sort out the ordering."


def test_we_did_with_nothing_the_person_did_is_no_action() -> None:
    text = ("At the charity shop where I volunteer, donations had fallen sharply. The volunteers put up "
            "posters and we ran a social media campaign. Donations rose by 40% in two months.")
    result = check_answer(text)
    assert not result.parts["action"] and not result.complete
    assert result.missing == ["task", "action"]
    assert "“I”" in result.suggestions[1]  # the suggestion asks for the person's own part


def test_a_few_real_i_actions_in_a_we_answer_count() -> None:
    text = ("We had a client at the agency who threatened to leave after a campaign went badly. I was the "
            "account executive, so it was my job to keep them. We reviewed the campaign as a team, but I "
            "personally rewrote the reporting so they could see results weekly. They signed a new 12-month "
            "contract in March.")
    assert check_answer(text).complete


@pytest.mark.parametrize("text", [
    "If a colleague disagreed with me, I would talk to them privately. I'd try to understand their side.",
    "My approach is to listen first. I stay calm, I apologise and I find a solution.",
    "I always give my best and I am a hard worker. In my last job I always stayed calm and got things done.",
])
def test_hypothetical_and_habitual_answers_tell_of_no_event(text: str) -> None:
    result = check_answer(text)
    assert parts_of(text) == "...."
    assert result.verdict == "Not a STAR answer yet"
    assert len(result.suggestions) == 4


@pytest.mark.parametrize("ending, concrete", [
    ("It went really well and my manager thanked me.", False),
    ("The parent was much happier.", False),
    ("The leader said it made a real difference.", False),
    ("Missed doses on the ward fell from 12 a month to 2.", True),
    ("The client renewed the contract for another two years.", True),
    ("Every resident had their medicines on time that week.", True),
])
def test_praise_is_a_vague_result_and_a_measured_or_plain_outcome_is_concrete(ending: str, concrete: bool) -> None:
    text = ("When I was a senior carer at a nursing home, the medicine rounds kept running late. My manager "
            "asked me to find out why. I timed each round for a week and moved the paperwork to after the "
            "round. " + ending)
    result = check_answer(text)
    assert result.parts["result"]
    assert result.concrete_result is concrete and result.complete is concrete
    if not concrete:
        assert result.missing == ["concrete_result"]
        assert result.verdict == "Nearly there: make the result concrete"
        assert "“It went well”" in result.suggestions[0]


@pytest.mark.parametrize("ending", [
    "Once it is rolled out, this should save the team around 200 hours a year.",
    "We expect attendance to rise by 10% next term.",
    "I learned to always double-check attachments before I press send.",
    "It taught me a lot about resilience.",
    "I have been a nurse for over 3 years now and I still think it was one of the most useful things I did.",
])
def test_a_projection_or_a_lesson_on_its_own_is_no_result(ending: str) -> None:
    text = ("In my first month at a firm in Leeds, the client reports kept going out late. It was my job to "
            "get them out on time. I wrote a checklist and set up reminders in the shared calendar. " + ending)
    result = check_answer(text)
    assert parts_of(text) == "STA."
    assert result.missing == ["result"]


def test_numbers_of_scale_dates_and_effort_are_not_results() -> None:
    text = ("In 2023 I worked at a logistics company with 200 drivers and 15 depots. I was given "
            "responsibility for the fuel card scheme, worth £2m a year. I audited 3,000 transactions over "
            "8 weeks and reported my findings to the finance director in a 20-page report.")
    assert parts_of(text) == "STA."


def test_a_result_stated_first_still_counts() -> None:
    text = ("I increased our online sales by 25% within six months. At the florist where I worked, most "
            "orders came by phone. The owner asked me to build an online shop. I set up an online store, "
            "photographed our 40 best bouquets and ran adverts.")
    assert check_answer(text).complete


def test_delegating_is_an_action_and_the_passive_voice_is_not() -> None:
    asked = ("At my last company the monthly report took our team two days. As team lead, I was responsible "
             "for speeding it up. I asked Tom, our analyst, to automate the data pull. The report now takes "
             "two hours.")
    assert check_answer(asked).complete
    passive = ("At the hotel, a wedding party's booking was lost two days before the event. As duty manager "
               "I was responsible for the guests. The booking was rebuilt by reservations and extra rooms "
               "were found at a partner hotel.")
    assert parts_of(passive) == "ST.."


def test_labels_alone_prove_nothing() -> None:
    text = ("Situation: Our shop had lots of stock going missing. Task: I was told to help fix this. "
            "Action: New cameras were installed and the tills were checked every night by management. "
            "Result: Losses fell by 60%.")
    assert parts_of(text) == "ST.R"


def test_a_hyphenated_word_is_not_a_label() -> None:
    # "task-based" once split the sentence before "task", cutting the scene in two.
    text = ("In my task-based placement at a nursery the lunches kept running late. The manager asked me to "
            "fix it. I set the tables before the children came in. Lunch now takes 20 minutes instead of 40.")
    assert check_answer(text).complete
    assert check_answer(text).found["situation"].startswith("In my task-based placement")


def test_a_learners_english_in_the_present_tense_tells_the_story() -> None:
    text = ("Last year I am working as waiter in restaurant in Madrid. Many customers wait too long for the "
            "bill. My manager ask me to make it faster. I propose to bring the card machine to the table and "
            "I show the other waiters how to do it. After one month the time to pay go down from 10 minutes "
            "to 3 minutes.")
    assert check_answer(text).complete


def test_notes_with_the_i_left_out_still_give_the_task_and_the_steps() -> None:
    text = ("Asked by my supervisor to tidy the seed display at the garden centre. Sorted the packets by season, "
            "binned last year's stock and wrote new price cards.")
    result = check_answer(text)
    assert result.parts["task"] and result.parts["action"]
    assert not result.parts["result"]  # the steps are not how it turned out
    assert result.found["action"].startswith("Sorted the packets")


def test_a_learners_present_tense_after_a_task_is_the_story_not_a_habit() -> None:
    # No past tense anywhere, but a task was given: "I count…" tells what they did.
    text = "My manager ask me to plan the stock order. I count the shelves every morning and I make a list."
    assert parts_of(text) == ".TA."


def test_steps_in_a_learners_past_continuous_are_actions() -> None:
    text = ("At the bakery where I worked, a customer needed a cake for her son with allergies. I was calling her "
            "back to check every ingredient and I was changing the recipe. She ordered from us again twice.")
    assert parts_of(text) == "S.AR"


@pytest.mark.parametrize("opening", [
    "During my internship we were auditing a client's stock count.",
    "Two years ago the heating failed in the flats.",
    "Christmas Eve, the deli counter, the busiest day of the year.",
    "- night picking team, 2021",
])
def test_a_scene_may_be_set_in_few_words(opening: str) -> None:
    text = opening + "\nI was asked to sort it out. I rang the supplier and changed the rota."
    assert check_answer(text).parts["situation"]


@pytest.mark.parametrize("sentence", [
    "My store manager gave me a personal target of 150 sign-ups.",
    "My manager asked if I could get the backlog down before the audit.",
    "The goal was to get every order out on the same day.",
    "Asked by the shift manager to halve the picking errors.",
])
def test_more_ways_of_being_given_a_goal_are_a_task(sentence: str) -> None:
    assert check_answer("At the warehouse, orders kept going out late. " + sentence).parts["task"]


def test_a_place_inside_the_task_is_not_the_scene() -> None:
    text = "I was tasked with cutting the time lorries waited at our dock doors. I built a booking sheet."
    assert parts_of(text) == ".TA."


@pytest.mark.parametrize("ending, concrete", [
    ("We switched over that weekend with no lost orders.", True),
    ("All but one of the hampers were collected that afternoon.", True),
    ("The accounts were signed off the following week.", True),
    ("The complaints stopped. I learned that small changes matter.", True),
    ("The customer was over the moon.", False),
    ("Customers were a lot less frustrated and the queue moved faster.", False),
])
def test_outcomes_told_in_other_words_are_results(ending: str, concrete: bool) -> None:
    text = ("When I was a supervisor at a farm shop, collections before Christmas were chaotic. I had to make "
            "sure every order was collected. I rang every customer the day before and set up a separate table. "
            + ending)
    result = check_answer(text)
    assert result.parts["result"] and result.concrete_result is concrete


@pytest.mark.parametrize("ending", [
    "It was an absolutely mad night.",
    "It was a really good team and we were like a family.",
    "My manager said she'd take it to the next budget meeting.",
    "Everyone pulled together brilliantly.",
    "I was really happy to help.",
])
def test_a_judgement_a_promise_or_a_feeling_of_ones_own_is_no_result(ending: str) -> None:
    text = ("At the hotel bar on New Year's Eve, two of the staff called in sick. I was asked to run the "
            "cocktail station. I moved the prosecco onto pre-poured trays and showed the agency barman round. "
            + ending)
    assert parts_of(text) == "STA."


def test_a_goal_and_an_outcome_denied_are_not_results() -> None:
    text = ("When I was working at a phone shop, a customer came in because she'd been charged for a plan she "
            "never signed up for. I needed to make sure she was refunded in full. I looked up her account and "
            "raised a refund.")
    assert parts_of(text) == "STA."


def test_hypothetical_steps_inside_a_real_story_are_no_action() -> None:
    # "When I worked on the help desk" is where they were, not a step they took.
    text = ("When I worked on the help desk for an energy supplier, a customer was billed £900 for one month. "
            "It was my job to sort his account out. In that situation I would first apologise, then I would "
            "check the meter reading. He was refunded in full.")
    result = check_answer(text)
    assert not result.parts["action"] and result.parts["result"]


# --- general rules: shapes a stranger's answer takes ------------------------------


def test_a_point_between_digits_does_not_end_a_sentence() -> None:
    text = ("Task: raise our team's satisfaction score. Action: I listened to 30 low-scoring calls and rewrote "
            "the hold script. Result: satisfaction went from 3.6 to 4.2 out of 5 in two months.")
    result = check_answer(text)
    assert result.found["result"].startswith("Result: satisfaction went from 3.6 to 4.2")
    assert not result.parts["situation"]  # the "Task:" line is the goal, not the scene
    assert parts_of(text) == ".TAR"


def test_notes_told_in_the_past_set_a_scene_in_their_first_line() -> None:
    # No "was" or "had" anywhere: the steps in the past show it happened.
    text = ("Checkout latency around 2.4s after traffic doubled. Profiled the endpoint, added a cache "
            "and load-tested it. Latency down to 380ms.")
    assert check_answer(text).parts["situation"]


@pytest.mark.parametrize("text, part", [
    ("At the clinic, handovers kept overrunning. I rewrote the handover sheet onto a single page.", "action"),
    ("In my first year of teaching, a pupil flinched when a boy bumped into her. I wrote down exactly what "
     "I'd seen and reported it to the safeguarding lead.", "action"),
    ("At the firm, court deadlines were kept in a diary. I was meant to diarise them all, and I'd put one in "
     "on the wrong date.", "task"),
])
def test_what_had_happened_is_told_not_imagined(text: str, part: str) -> None:
    # "rewrote" is a past tense; "I'd seen", "I'd put … and" tell what had happened.
    assert check_answer(text).parts[part]


def test_what_someone_had_done_is_an_outcome_not_a_promise() -> None:
    text = ("I was driving the early bus when a passenger collapsed. I pulled in, radioed control and put him in "
            "the recovery position. A few weeks later he wrote to the depot to say he'd made a full recovery.")
    assert check_answer(text).parts["result"]


@pytest.mark.parametrize("text, scene", [
    ("I rewrote the handover sheet, got the night staff to try it and presented it at the ward meeting. "
     "Now everyone uses it.", False),
    ("I needed to learn SQL fast. I did an online course and asked a colleague on the data team to review "
     "my queries.", False),
    ("At my last job, a call centre, my team leader used to change our breaks at the last minute. I wanted "
     "to make sure it didn't affect our calls.", True),
    ("Second year of my apprenticeship I wired a consumer unit and swapped two labels. It was my job to put "
     "it right.", True),
    ("The farmer asked me to take on foot health. That was two winters ago, and lameness in the herd got out "
     "of hand.", True),
    ("One of our biggest clients threatened to leave. My manager asked me to win them back.", True),
    ("Our stockroom was a mess and nobody could find anything. I was asked to sort it out.", True),
    # (passed before too: a guard, now that terse notes in the past may open on a scene)
    ("Responsible for month-end close. Task: cut close time. Built a reconciliation template.", False),
])
def test_a_scene_is_where_and_when_not_where_a_step_led(text: str, scene: bool) -> None:
    # A place after the person's step is where it led; someone else's habit is the
    # scene; a role alone is not.
    assert check_answer(text).parts["situation"] is scene


@pytest.mark.parametrize("text, acted", [
    ("Last year our club needed new kits. As captain I had to help find £600. We ran a car wash and a quiz.",
     False),
    ("In my final year we built a wind turbine. It was my job to help with the generator. I found it "
     "challenging but it taught me a lot.", False),
    ("At the agency, where I miss the Friday lunches, the reports were late. I was asked to fix it.", False),
    ("I work on a dairy farm with 180 cows. The farmer asked me to take on foot health.", False),
    ("The herd had a lot of lameness. The farmer asked me to take on foot health. I started mobility "
     "scoring every fortnight.", True),
])
def test_a_need_a_feeling_or_a_place_is_no_step(text: str, acted: bool) -> None:
    assert check_answer(text).parts["action"] is acted


@pytest.mark.parametrize("sentence, task", [
    ("Task: cut close time.", True),
    ("Task: the plant needed to get scrap under control.", False),  # someone else's goal (a guard)
    ("I intended to keep every sale.", True),
    ("I had one goal: no lost sales.", True),
    ("The brief was simple: keep the queue under five minutes.", True),
    ("I needed a way to keep taking payments.", True),
])
def test_the_other_usual_shapes_of_a_goal_are_a_task(sentence: str, task: bool) -> None:
    text = "At the garden centre where I worked, the tills kept crashing. " + sentence + " I rang the supplier."
    assert check_answer(text).parts["task"] is task


@pytest.mark.parametrize("ending, concrete", [
    ("We got through the night with no trouble and the takings were the highest of the month.", True),
    ("We opened at 8 like normal and took £210 before she arrived.", True),
    ("We got every order out before the bank holiday.", True),
    ("The crashes stopped. My manager was really pleased.", True),
    ("The owner rolled my fix out to the other two branches. She was thrilled.", True),
    ("Anyway, that's the kind of problem I really enjoy.", None),
])
def test_a_plain_outcome_after_the_last_step_is_a_concrete_result(ending: str, concrete: bool | None) -> None:
    text = ("Friday night at the bar where I worked, the manager went home ill. I was asked to run the shift. "
            "I put the new staff on glasses and rang a colleague to come in. " + ending)
    result = check_answer(text)
    assert result.parts["result"] is (concrete is not None)
    assert result.concrete_result is bool(concrete)


@pytest.mark.parametrize("text", [
    # "got" alone is a step, not an outcome
    "At the call centre, I got a call from a small business owner. I was asked to help him. I checked his account.",
    # what the person found out is the problem
    "Our reminder service sent duplicate texts. I was asked to stop it. I added logging and found the job "
    "was being picked up by two workers at once.",
])
def test_steps_and_problems_are_not_results(text: str) -> None:
    assert not check_answer(text).parts["result"]


PUNCTUATED = ("Last year I worked weekends at a garden centre. The card machines kept freezing on Saturdays. "
              "My manager asked me to find out why. I logged every freeze for a month and sent the log to the "
              "supplier. The supplier replaced all four readers and the freezes stopped.")


@pytest.mark.parametrize("typed", [
    # as people type when practising: no capitals, commas for full stops, no last full stop
    "last year i worked weekends at a garden centre, the card machines kept freezing on saturdays, my manager "
    "asked me to find out why, i logged every freeze for a month and sent the log to the supplier, the supplier "
    "replaced all four readers and the freezes stopped",
    "last year i worked weekends at a garden centre; the card machines kept freezing on saturdays; my manager "
    "asked me to find out why; i logged every freeze for a month and sent the log to the supplier; the supplier "
    "replaced all four readers and the freezes stopped.",
])
def test_a_run_on_answer_reads_like_the_same_answer_punctuated(typed: str) -> None:
    assert check_answer(PUNCTUATED).complete
    result = check_answer(typed)
    assert result.complete, result.missing
    assert result.found["result"].startswith("the supplier replaced")


@pytest.mark.parametrize("cut_off", ["The supplier replaced all four readers by the", "The supplier replaced the readers within a",
                                     "The supplier replaced all four readers and,"])
def test_an_answer_cut_off_mid_sentence_has_no_result_yet(cut_off: str) -> None:
    text = PUNCTUATED[:PUNCTUATED.index("The supplier")] + cut_off
    assert parts_of(text) == "STA."


def test_a_feeling_about_the_change_is_no_concrete_result() -> None:
    text = ("In my first job as a supervisor at a hotel I brought in a new rota. I needed to cut overtime. I "
            "built the rota myself and announced it at a staff meeting. People hated it.")
    result = check_answer(text)
    assert result.parts["result"] and not result.complete
    assert result.missing == ["concrete_result"]


@pytest.mark.parametrize("opening", [
    "I care for my mum.",  # a role, with no event
    "Okay, this one is a bit of a long story.",  # a remark about the answer
    "Situation: it was a difficult situation.",  # a label filled with filler
])
def test_a_first_sentence_with_no_where_when_or_problem_sets_no_scene(opening: str) -> None:
    text = opening + " I had to sort out her medication. I made a chart with every dose and set alarms."
    assert parts_of(text) == ".TA."


def test_a_labelled_step_is_not_the_outcome() -> None:
    text = ("Situation: the tills at the garden centre kept crashing. Task: I had to keep them running. "
            "Action: I rang the supplier and restarted every till.")
    assert parts_of(text) == "STA."


def test_an_amount_less_or_more_is_a_measured_change_without_a_than() -> None:
    text = ("Last spring at the garden centre our delivery costs were too high. I was asked to find a cheaper "
            "courier. I got four quotes and moved us to a local firm and our courier bill for the season came in "
            "£900 lower. My manager was pleased.")
    assert check_answer(text).complete


@pytest.mark.parametrize("sentence", [
    "The ward manager gave me and another nurse the job of cutting handover times.",
    "My quota was 40 new accounts for the quarter.",
])
def test_a_goal_shared_with_a_colleague_or_a_quota_is_the_persons_task(sentence: str) -> None:
    text = "At the clinic, things were slipping. " + sentence + " I rewrote the handover sheet."
    assert check_answer(text).parts["task"]


def test_a_goal_in_the_conditional_is_no_task() -> None:
    text = ("In this situation I would first look at the process. My goal would be to cut the time by 20%. I "
            "would talk with the team and measure the results every week.")
    assert parts_of(text) == "...."


@pytest.mark.parametrize("opening", ["I'm a sous chef at a small bistro.", "I work on a bottling line."])
def test_a_role_at_a_workplace_sets_the_scene(opening: str) -> None:
    text = opening + " Head chef asked me to cut our food waste. I weighed the waste every day."
    assert check_answer(text).parts["situation"]


@pytest.mark.parametrize("sentence", [
    "I'd really wanted to win it, to get my first charity client.",  # past perfect, not "I would"
    "I really needed to get the order out that night.",
    "My job as the supervisor on shift was to sort it out.",
    "Getting every patient seen on time was on me.",
    "I was the site engineer responsible for the phasing plan.",
])
def test_still_more_shapes_of_a_goal_are_a_task(sentence: str) -> None:
    text = "At the depot last winter, orders kept going out late. " + sentence + " I rang every driver myself."
    assert check_answer(text).parts["task"]


def test_an_outcome_inside_the_goal_is_no_result() -> None:
    text = ("On a night exercise in Wales our convoy was sent round a closed bridge. I was convoy commander, so "
            "getting everyone to the fuel point on time was on me. I halted the convoy and picked a new route.")
    assert parts_of(text) == "STA."


@pytest.mark.parametrize("ending", [
    "I've won 4 of my last 6 bids doing it that way.",
    "He rang a week later and said the refund had gone into his account.",
    "We left late but all 11 deliveries got done that day, and the shop told me the tyre would have blown.",
])
def test_a_share_a_reported_event_and_work_got_done_are_concrete(ending: str) -> None:
    text = ("Last year, as a freelance designer, I kept losing bids. I needed to win more of them. I started "
            "sending two quick mock-ups and a one-page price. " + ending)
    assert check_answer(text).complete


def test_the_size_of_the_team_is_no_outcome() -> None:
    text = ("Our biggest project was resurfacing a hospital car park in six phases. I was the site engineer "
            "responsible for the phasing plan. I drew up the plan and ran the weekly meetings. We had a team "
            "of 25 at the peak. It went really well overall.")
    result = check_answer(text)
    assert result.parts["result"] and not result.complete
    assert result.missing == ["concrete_result"]


def test_a_habit_tells_no_outcome() -> None:
    assert parts_of("I'm good under pressure. In my last job I always stayed calm and got things done.") == "...."


def test_a_second_verb_after_and_is_the_persons_step() -> None:
    assert parts_of("I stayed late and went through the old files one by one.") == "..A."
    assert not check_answer("I felt proud and relieved. The ward passed its inspection.").parts["action"]


def test_a_role_and_a_period_alone_set_no_scene() -> None:
    text = ("Leadership for me was when I was a corporal. My job was to get my section fit to deploy. I ran "
            "extra fitness sessions twice a week. Everyone in the section passed their annual fitness test.")
    assert parts_of(text) == ".TAR"


def test_a_clause_after_a_colon_is_read_on_its_own() -> None:
    text = ("In my first testing job the developers kept rejecting my bug reports. I needed to get my bugs taken "
            "seriously. i did what i used to do as a teacher: i wrote every bug to a fixed template, over the "
            "next two sprints rejections went from about half my reports to one.")
    assert check_answer(text).complete


@pytest.mark.parametrize("not_asked", ["Nobody had asked me to look at it.", "I was never asked to fix it.",
                                       "My manager never asked me to fix it.", "Our lead didn’t ask me to fix it."])
def test_not_being_asked_is_no_task(not_asked: str) -> None:
    text = ("At the depot last winter the loading bay kept flooding. " + not_asked + " I cleared the drain and "
            "fitted a grille. It hasn't flooded since.")
    assert not check_answer(text, word_model=False).parts["task"]
    assert "task" in check_answer(text).missing


@pytest.mark.parametrize("opening", [
    "As Head of Finance at Orrin Foods, I'm accountable for the month-end close.",
    "As Operations Manager at Kelbrook Foods, I'm accountable for the month-end close.",
    "In my role as a category buyer at Tarn Retail, I manage forty suppliers.",
    "I work as a porter in a big teaching hospital.",
])
def test_a_job_title_with_its_workplace_sets_no_scene(opening: str) -> None:
    text = opening + " My aim was to cut the close from ten days to five. I mapped every step. It now takes five days."
    assert not check_answer(text, word_model=False).parts["situation"]


@pytest.mark.parametrize("opening", [
    "As I was on shift at the farm in Devon, the power went off.",
    "As Sarah was away at the depot in Leeds, the orders piled up.",
])
def test_as_someone_was_somewhere_still_sets_the_scene(opening: str) -> None:
    text = opening + " I rang the engineer. Everything was back by noon."
    assert check_answer(text, word_model=False).parts["situation"]


@pytest.mark.parametrize("ending", [
    "The whole thing took eleven sprints and around 2,400 engineering hours, with six of us on it.",
    "It meant reviewing around 2,300 accounts in five weeks, and I was working 55-hour weeks.",
    "It was a huge effort: four months and 23 dry runs.",
    "It ended up as 85 pages and roughly 60 hours of evenings over two months.",
    "Two issues came up again and again: slow quotes and unplanned discounts.",
    # a step after "p.m.", with the "I" left out, is still the person's step
    "I wrote a script that stops the test servers at 8 p.m. and proposed moving two databases to smaller machines.",
])
def test_the_effort_a_finding_or_a_step_is_no_outcome(ending: str) -> None:
    text = ("At a software firm in 2023 our cloud bill had doubled. My manager asked me to find savings. I tagged "
            "every server by team and checked which ones sat idle. " + ending)
    assert not check_answer(text).parts["result"]


@pytest.mark.parametrize("ending", [
    "The whole project took two weeks, with returns down 30% by May.",
    "The new rota saved us 20 hours of work every week.",
    "Two problems stood out, and fixing them cut returns by 30%.",
])
def test_an_outcome_beside_the_effort_or_a_finding_still_counts(ending: str) -> None:
    text = ("At a software firm in 2023 our cloud bill had doubled. My manager asked me to find savings. I tagged "
            "every server by team. " + ending)
    result = check_answer(text)
    assert result.parts["result"] and result.concrete_result


@pytest.mark.parametrize("sentence", [
    "The ward needed more nurses working nights.",
    "The customers wanted their food on time.",
    "My boss told me look, the grill is broken.",
    "The new checklist made the rest of my job much easier.",
])
def test_what_others_wanted_or_an_easier_job_is_no_task(sentence: str) -> None:
    text = "At the cafe last summer, things kept going wrong. " + sentence + " I rang the engineer."
    assert not check_answer(text, word_model=False).parts["task"]


@pytest.mark.parametrize("sentence", [
    "My manager made cutting idle crane time my first objective.",
    "The plant manager gives me one quarter to get the line above 80%.",
    "Manager tell me handle it.",
    "I wanted the first buses leaving on time.",
])
def test_yet_more_ways_of_being_given_a_goal_are_a_task(sentence: str) -> None:
    text = "At the port last spring, things kept going wrong. " + sentence + " I rewrote the handover sheet."
    assert check_answer(text, word_model=False).parts["task"]


def test_an_outcome_in_a_learners_present_tense_after_the_steps_is_a_result() -> None:
    text = ("In our branch in Izmir a customer came in angry because his card was blocked twice. I must solve it "
            "before he leave. I call the card centre myself and ask them to remove the wrong fraud rule. His card "
            "work same day and he stay our customer.")
    result = check_answer(text, word_model=False)
    assert result.parts["result"] and result.concrete_result


def test_empty_text_has_every_part_missing_with_a_suggestion_each() -> None:
    for text in ("", "   \n"):
        result = check_answer(text)
        assert result.missing == list(PARTS) and len(result.suggestions) == 4
        assert not result.complete and result.found == {}


def test_suggestions_are_warm_plain_uk_english() -> None:
    us_spellings = re.compile(r"\b\w+(?:ize|izing|ized|ization)\b|\bcolor|\bbehavior|\bcenter\b|\bfavor", re.I)
    result = check_answer("We did our best.")
    with_vague = check_answer(COMPLETE.replace("Within a month we were selling out at 4pm instead of noon, and "
                                              "waste stayed under 5%.", "It went well."))
    for suggestion in result.suggestions + with_vague.suggestions:
        assert not us_spellings.search(suggestion), suggestion
        assert suggestion.endswith(".") and len(suggestion) < 260


def test_result_is_frozen_and_serialisable() -> None:
    result = check_answer(COMPLETE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.complete = False  # type: ignore[misc]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["complete"] is True and data["parts"] == dict.fromkeys(PARTS, True)
    assert data["verdict"] == "Complete STAR answer"


def test_it_is_part_of_the_public_api() -> None:
    assert nextround.check_answer is check_answer
    assert "check_answer" in dir(nextround)


# Hypothesis budget: 200 examples, no deadline (a few long texts).
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600)
       | st.lists(st.sampled_from(["I", "we", "was", "asked", "to", "from", "10", "by", "5%", "should", ".",
                                   "Result:", "At", "the", "shop", "It", "went", "well", "£3", "\n", "If"]),
                  max_size=80).map(" ".join))
@example("Result: ")
@example("I'")
def test_any_text_gets_a_consistent_verdict(text: str) -> None:
    result = check_answer(text)
    assert set(result.parts) == set(PARTS)
    assert len(result.suggestions) == len(result.missing)
    assert result.complete == (not result.missing)
    assert result.complete <= result.concrete_result <= result.parts["result"]
    present = {k for k, v in result.parts.items() if v}
    # Every part quoted is present; only the word model's parts may go unquoted.
    assert set(result.found) <= present and present - set(result.found) <= {"situation", "task"}
    assert set(check_answer(text, word_model=False).found) == {
        k for k, v in check_answer(text, word_model=False).parts.items() if v}


# --- cost ---------------------------------------------------------------------


def _seconds_to_check(text: str) -> float:
    """The best of three timings of `check_answer(text)`."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        check_answer(text)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("unit", [
    "I was asked to help from the team at the shop where I worked and we kept going up by ",
    "At the shop I was asked to cut waste. I counted stock. Waste fell from 3 to 1. ",
    "from-to-I-at-the-",
    "a",
    "I I also then ",
    "this should save £5 and would cut it by 5% and ",
    # clauses typed with commas for full stops, and a cut-off ending
    ", i rang them, the old till was, and all the ",
    "the the the the the the, ",
])
def test_time_grows_in_proportion_to_the_text(unit: str) -> None:
    # Four times the text should take about four times as long; a pattern that
    # backtracked over the whole text would take sixteen.
    small, large = (_seconds_to_check(unit * (size // len(unit))) for size in (40_000, 160_000))
    assert large < 10 * small + 0.05, (small, large)


def test_a_long_run_of_spaces_in_a_closing_clause_costs_no_more_than_its_length() -> None:
    # A clause after the effort ("It took two days, with …") once backtracked over every
    # space in it: 1,600 spaces took seconds. Four times the spaces: about four times the time.
    opening = "At the depot in 2022 we were short. I was asked to cover. I rang round. It took two days, with "
    small, large = (_seconds_to_check(opening + " " * spaces + ";x") for spaces in (4_000, 16_000))
    assert large < 10 * small + 0.05, (small, large)


# --- the question themes ------------------------------------------------------


@pytest.mark.parametrize("question, theme", [
    ("Tell me about a time you failed.", "failure"),
    ("Describe a conflict with a colleague and how you handled it.", "conflict"),
    ("Tell me about a time you dealt with an angry customer.", "conflict"),
    ("Tell me about a time you worked as part of a team.", "teamwork"),
    ("Tell me about a project you led.", "leadership"),
    ("Why do you want this job?", "motivation"),
    ("What is your greatest weakness?", "strengths_weaknesses"),
    ("How would you debug a slow SQL query?", "technical"),
    ("Tell me about a time you went above and beyond.", "other"),
    ("", "other"),
])
def test_each_question_falls_under_one_theme(question: str, theme: str) -> None:
    assert question_theme(question) == theme
    assert theme in QUESTION_THEMES


def test_themes_are_the_documented_set() -> None:
    assert list(QUESTION_THEMES) == ["strengths_weaknesses", "failure", "conflict", "leadership", "teamwork",
                                     "motivation", "technical", "other"]


def test_two_wordings_of_the_same_question_share_a_key() -> None:
    assert question_key("Tell me about a time you failed.") == question_key("  tell me about a time you FAILED ")
    assert question_key("Tell me about a time you failed.") != question_key("Tell me about a time you led.")
    assert question_key("") == ""


# --- accuracy on the labelled answers ------------------------------------------
# The messages carry counts only, never the text of an answer.

LABELS = ("situation", "task", "action", "result", "complete")
# The least accuracy allowed, per label, on the 1,104 held-out answers and on the 640
# answers by strangers: what the check reached at its last measurement (rounded down to
# the percent), after the rules were written and the word model fitted from the tune
# half. Both are measured here, never tuned on. The target was 90%. On the held-out
# half every part reaches it and complete does not (88.0%). The strangers' answers show
# how much the held-out half flatters the check (each held-out answer has a tune twin by
# the same writer): complete 85.2%, result 88.8%.
HELD_OUT_FLOOR = {"situation": 0.94, "task": 0.94, "action": 0.97, "result": 0.91, "complete": 0.87}
STRANGERS_FLOOR = {"situation": 0.92, "task": 0.94, "action": 0.96, "result": 0.88, "complete": 0.85}
STRANGERS = DATA.with_name("star_strangers.csv")


def _wrong(splits: tuple[str, ...], label: str, path: Path = DATA) -> tuple[int, int]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] in splits]
    wrong = 0
    for r in rows:
        result = check_answer(r["text"])
        said = result.complete if label == "complete" else result.parts[label]
        wrong += int(said) != int(r[label])
    return wrong, len(rows)


@pytest.mark.parametrize("label", LABELS)
def test_accuracy_on_the_tune_half(label: str) -> None:
    wrong, n = _wrong(("tune",), label)
    assert wrong / n <= 0.10, f"{wrong} of {n} tune answers wrong on {label}"


@pytest.mark.parametrize("label", LABELS)
def test_accuracy_on_the_held_out_half(label: str) -> None:
    wrong, n = _wrong(("heldout",), label)
    assert (n - wrong) / n >= HELD_OUT_FLOOR[label], f"{wrong} of {n} held-out answers wrong on {label}"


@pytest.mark.parametrize("label", LABELS)
def test_accuracy_on_answers_by_strangers(label: str) -> None:
    wrong, n = _wrong(("choice", "final"), label, STRANGERS)
    assert n == 640
    assert (n - wrong) / n >= STRANGERS_FLOOR[label], f"{wrong} of {n} strangers' answers wrong on {label}"
