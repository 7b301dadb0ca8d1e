"""Is a "better answer" to an interview question a complete STAR answer?

`check_answer(text)` looks for the four parts of the STAR method — the Situation,
the Task that was the person's own, the Action they took themselves and the Result —
and says whether the result is concrete (a number, a measurable change or a clearly
stated outcome) rather than praise or a feeling. An answer is complete when it has
all four and a concrete result. For each thing missing it gives one suggestion.

What it reads, sentence by sentence (a run-on sentence typed with commas for full
stops is read clause by clause, and a last sentence cut off mid-way tells nothing yet):

- sentences that describe no particular event — hypothetical ("I would…") or the
  person's habit ("I always…") — set no scene, give no task and take no action; what
  comes before "I would…" in a sentence still happened, and "I'd seen", "he'd made"
  tell what had happened. An answer tells of an event if it is told in the past
  anywhere, a step of the person's included ("Profiled, found the slow query");
- a situation is a time, a place or a problem under way, in words that say so
  ("Christmas Eve, the deli counter.", "a client threatened to leave"); a role on its
  own ("I care for my mum"), a remark about the answer or a label filled with filler
  sets no scene. A place after the person's task or step in the same sentence is
  where it led ("I presented it at the ward meeting"), not the scene;
- a task is a goal or responsibility given to or taken on by the person, in any of
  the usual shapes ("I was asked to…", "gave me a target of…", "the goal was to…");
- an action is a verb after "I" that does something: not being there, feeling,
  thinking, joining or working somewhere ("I was part of the team", "I felt proud").
  "We" actions, the passive voice and "I would…" are not the person's own action;
  notes with the "I" left out ("Labelled all shelves…"), a learner's "I was
  calling…" and a second verb after "and" ("I stayed late and went through the
  files") are;
- a result is how things turned out; a projection ("this should save…"), a promise
  ("he said he'd…"), a lesson on its own ("it taught me…"), a judgement of the
  experience ("it was a mad night"), a habit ("I always got things done"), the size
  of the team, the goal itself ("getting there on time was on me") or the person's
  own feelings are not. After the
  person's action, the problem's absence ("no lost sales") and a state reached ("the
  accounts were signed off") are outcomes. When no words foresee it, the last sentence
  before any closing lesson is taken as the outcome if it is not the person's own step
  and is told in the past or as how things are now; so is any such sentence after the
  person's last step ("The crashes stopped. My manager was pleased."). What the person
  found out ("I found the job was run twice") is the problem, not the outcome. A
  concrete result measures the outcome or states it plainly; "it went well" and "my
  manager thanked me" are vague, and so is what someone said, unless it tells what had
  happened ("he said the refund had gone into his account").

The word lists and patterns are in `_star_words`. Every pattern runs over one
sentence at a time, and each sentence is read a fixed number of times, so the check
takes time in proportion to the length of the text.

For the situation and the task, a word model fitted on the tune half of the labelled
answers (`_word_model`) has a say too: the part counts when the rules find it or the
model is sure enough of it. It never takes a part away.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from nextround.checks._patterns import N_, Listing, lazy, words_of
from nextround.checks._star_words import (
    ABSENCE_PATTERNS,
    ACTION_AFTER,
    ADVERBS,
    CLAUSE_BREAK,
    CONCRETE_RESULT_PATTERNS,
    HABITUAL,
    HYPOTHETICAL,
    IRREGULAR_PAST,
    LABEL,
    LESSON,
    NOT_ACTIONS,
    NOT_ELIDED_ACTIONS,
    OUTCOME_FRAMES,
    OUTCOMES_AFTER_ACTION,
    OWN_STEP_START,
    PARTS,
    PAST_MARKERS,
    PROJECTION,
    REPORTED_OPINION,
    SETTING_ING,
    SITUATION_PATTERNS,
    SITUATION_PLACE_PATTERNS,
    SUGGESTIONS,
    TASK_PATTERNS,
    TIME_NAMES,
    TRAILING_WORDS,
    VAGUE_CHANGE_PATTERNS,
    VAGUE_RESULT_PATTERNS,
    WHAT_I_DID,
)
from nextround.checks._word_model import probabilities, threshold

# A sentence ends at . ! ? or a line break, or just before a STAR label ("Task:"); a
# point between two digits ("from 3.6 to 4.2") ends nothing. Each character is looked
# at once, with a fixed look either side, so the split never backtracks.
_SENTENCE_RE = lazy(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+[.!?]*|[.!?\n]+")
_LABEL_RE = lazy(r"(?<![\w'’])" + LABEL, re.IGNORECASE)
_CLAUSE_BREAK_RE = lazy(CLAUSE_BREAK, re.IGNORECASE)
# A sentence cut off mid-way ends on a word that needs more after it, or a comma.
_TRAILING_RE = lazy(r"(?:[,;:–—-]|(?<![\w'’])(?:" + TRAILING_WORDS + r"))\W*$", re.IGNORECASE)
_HYPOTHETICAL_RE = lazy(HYPOTHETICAL, re.IGNORECASE)
_CLAUSE_END_RE = lazy(r"[,;:–—]")
# A task in the present: a role held now ("I'm in charge of", "my responsibility is", "falls to me").
_STANDING_ROLE_RE = lazy(r"\b(?:is|am|are|falls|sits|lies|i look after|i oversee)\b|(?:'m|’m)\b", re.IGNORECASE)
# A step the team took: "we put up a near-miss board", "we repainted the walkways".
_TEAM_STEP_RE = lazy(r"\bwe\s+(?:(?:also|then|quickly|all)\s+)?(?:[a-z]+ed|put|set|ran|made|took|got|gave|brought|"
                     r"built|held|sent|kept|met|led|did|began|started)\b", re.IGNORECASE)
# A standing role at the start of a sentence: "As a peer mentor…", "As Head of Sales at…",
# "In my role as…", "I work as a porter in…".
_AS_ROLE_RE = lazy(r"\W*(?:as (?:a|an|the|my|our|their|lead|head|senior|junior|[a-z]+'s) "
                   r"|as (?!I\b)(?-i:[A-Z])[\w-]*(?: (?:(?-i:[A-Z])[\w-]*|of|and|&))* (?:at|in|for|with) "
                   r"|in my (?:\w+ )?(?:role|job|position|capacity) as |i work (?:as|like) )", re.IGNORECASE)
# A standing role: "my responsibility … was", "my job is", "As a team leader, I was responsible for".
_ROLE_RE = lazy(r"\bmy (?:\w+ )?(?:job|responsibility|responsibilities|role|remit|duty|duties|main job)\b"
                r"\s+(?:(?:in|at|as|on|for|with|during) (?:[\w'’-]+\s+){1,6}?)?(?:was|were|is|are|included|involved|"
                r"meant)\b", re.IGNORECASE)
_WORD_RE = lazy(r"[a-z]+")
_HABITUAL_RE = words_of(HABITUAL)
_SITUATION_RE = words_of(SITUATION_PATTERNS)
_PLACE_RE = words_of(SITUATION_PLACE_PATTERNS)
# A place by its name: "At Dunmore Castings the supervisors…", "our AWS bill at Kestrel Data".
# (The words of a name repeat inside a repetition, but each starts after a space, so a
# text is read once.)
_NAMED_PLACE_RE = lazy(r"(?:^\W*|(?<=\s))(?:[Aa]t|[Ii]n|[Ff]or|[Oo]n|"
                       r"[Ww]ith) (?:the )?(?!I\b)(?!(?i:" + TIME_NAMES + r"))"
                       r"[A-Z][\w'’&-]*(?: (?:[A-Z][\w'’&-]*|of|and|&))*(?=[\s,.])", 0)
_ABSENCE_RE = words_of(ABSENCE_PATTERNS)
_AFTER_ACTION_RE = words_of(OUTCOMES_AFTER_ACTION)
# The first word of a sentence, past a label or a bullet: "Labelled all shelves…" with
# the "I" left out.
_FIRST_WORD_RE = lazy(r"\W*(?:" + LABEL + r"\s*)?(?:and\s+)?([A-Za-z][a-z'’-]*)", re.IGNORECASE)
# "I was calling the customer back": the -ing word after "was", past a little word.
_WAS_ING_RE = lazy(r"\s+(?:(?:also|then|just|personally|myself|already)\s+)?([a-z]+ing)\b", re.IGNORECASE)
# A clause that sets the background rather than telling a step: "when I worked on the
# help desk", "while I was closing up".
_BACKGROUND_BEFORE_RE = lazy(r"\b(?:when|while|whilst|where|because|since|as)\s+$", re.IGNORECASE)
_PURPOSE_RE = lazy(r"\b(?:make|made|making) sure\b|\bensure\b|\bin order to\b", re.IGNORECASE)
_NEGATION_BEFORE_RE = lazy(r"(?:\bnever|\bnot|n't|n’t)\s+$", re.IGNORECASE)
# A step in the passive, with who took it: "the booking was rebuilt by reservations". Not
# "by Friday", "by 30%" or "by the end of the month".
_AGENT_PASSIVE_RE = lazy(r"\b(?:was|were)\s+(?:\w+\s+)?[a-z]+(?:ed|en|t)\s+by\s+(?!the end\b|then\b|now\b|the time\b|"
                         r"the next\b|the following\b|next\b|(?:about|around|nearly|almost|over|more than|half|a third|"
                         r"a quarter|\d|£|\$|€)|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|january|february|march|"
                         r"april|may\b|june|july|august|september|october|november|december|noon|midday|lunchtime|"
                         r"tomorrow|close\b)", re.IGNORECASE)
_BY_RE = lazy(r"\s+by\b", re.IGNORECASE)
_WHEN_RE = lazy(r"\b(?:when|while|whilst)\b", re.IGNORECASE)
# A sentence opening on the background, not on how it ended: "When I was working at…",
# "The situation was…".
_BACKGROUND_START_RE = lazy(r"\W*(?:(?:the )?(?:situation|background|context)\b|(?:when|while|whilst) (?:i|we) "
                            r"(?:was|were|worked|started|joined|first)\b)", re.IGNORECASE)
# A judgement of the experience rather than how it ended: "It was an absolutely mad
# night", "It was a very good team and we were like a family".
_EVALUATION_RE = lazy(r"\W*(?:(?:and|so|but|overall|honestly|all in all|anyway)\W+)?(?:it|this|that)(?:\s+"
                      r"(?:was|is|has been|had been)|'s|’s)\s+(?:(?:a|an|the|such a|such an|quite a|quite an|"
                      r"one of the)\s+"
                      r"(?:[\w-]+\s+){0,3}(?:experience|night|day|time|team|shift|week|job|challenge|moment|period|"
                      r"year|summer|thing|learning curve|atmosphere|group|month|fortnight|season|weekend|spell|"
                      r"stretch|(?:kind|sort|type) of (?:problem|situation|work|thing))s?|(?:\w+\s+)?(?:stressful|hard|"
                      r"tough|fun|busy|"
                      r"difficult|intense|crazy|mad|chaotic|exhausting|rewarding|challenging|scary|amazing|great|good|"
                      r"nice|lovely|interesting|memorable|emotional|meaningful|satisfying))\b", re.IGNORECASE)
# The goal of a clause, before an absence: "I had to make sure no transactions were lost".
_GOAL_BEFORE_RE = lazy(r"\b(?:sure|ensure|whether|if|so that|to|check|checked|checking|confirm|confirmed)\s+"
                       r"(?:that\s+)?(?:there\s+(?:was|were|are|is)\s+)?$", re.IGNORECASE)
# What the person found out is the problem, not the outcome: "I found the job was being
# picked up twice", "I noticed sales had dropped 20%".
_DIAGNOSIS_BEFORE_RE = lazy(r"\b(?:found|noticed|realised|realized|discovered|spotted|saw|see|showed|shown|turned|"
                            r"turns|worked|figured)(?: out)?"
                            r"(?: that)? (?:[\w'’-]+ ){0,5}(?:was|were|had|has|have|is|are)\b[^,;]*$", re.IGNORECASE)
# The person's own feelings are not how things turned out: "I was happy to help".
_I_FEEL_BEFORE_RE = lazy(r"(?:^|[^\w'’])i\s+(?:\w+\s+)?$", re.IGNORECASE)
# The team's effort or spirit, not an outcome: "Everyone pulled together".
_TEAM_SPIRIT_RE = lazy(r"\b(?:everyone|everybody|the (?:whole )?team|we all|all of us)\s+(?:\w+\s+)?(?:pulled together|"
                       r"worked (?:\w+\s+)?hard|chipped in|mucked in|did (?:their|our) bit|supported|helped|"
                       r"was (?:\w+\s+)?(?:great|amazing|brilliant|supportive|fantastic))", re.IGNORECASE)
# How big something was is the scale, not an outcome: "We had a team of 25 at the peak".
_SCALE_RE = lazy(r"\b(?:team|staff|crew|group|workforce|class|squad|section|department|fleet|caseload|budget) of "
                 r"(?:about |around |over |up to |roughly |nearly |just over |just under )?\d", re.IGNORECASE)
_TASK_RE = words_of(TASK_PATTERNS)
# Not being asked is no task: "Nobody had asked me to look at it", "I wasn't asked to".
_NOT_ASKED_RE = lazy(r"\b(?:nobody|no one|no-one|none of them|never)\s+(?:\w+\s+){0,2}?(?:asked|told|wanted|"
                     r"expected|needed|tasked)\s+me\b(?:\s+to)?|\b(?:wasn['’]t|was not|weren['’]t|hadn['’]t been"
                     r"|had not been|never been|was never)\s+(?:\w+\s+)?(?:asked|told|tasked|expected|required|"
                     r"supposed)(?:\s+to)?\b"
                     r"|\b(?:didn['’]t|did not|never)\s+(?:ask|tell|want|expect|need)\s+me\b(?:\s+to)?",
                     re.IGNORECASE)
_CONCRETE_RE = words_of(CONCRETE_RESULT_PATTERNS)
_VAGUE_RE = words_of(VAGUE_RESULT_PATTERNS)
_VAGUE_CHANGE_RE = words_of(VAGUE_CHANGE_PATTERNS)
# "to raise £5,000", "needed to cut costs by 10%", "my job to get them out on time": a
# goal, not an outcome.
_INFINITIVE_RE = lazy(r"(?:\bto|\bhelp|\bhelped)\s+$|\b(?:job|task|aim|goal|brief|target|asked|needed|wanted|"
                      r"had|tried|trying|told|expected|supposed|responsibility|duty|plan|hoped|aimed|meant) to\s+"
                      r"[a-z]+(?:\s+[\w'’-]+){0,3}\s+$", re.IGNORECASE)
# "I improved the rota": the person's step, not yet its outcome (unless measured).
_OWN_SUBJECT_RE = lazy(r"(?:^|[^\w'’])(?:i|we)\s+(?:(?!(?:and|so|then|which|until|after|but)\s)[\w'’]+\s+){0,3}$",
                      re.IGNORECASE)
# Before an outcome, a past perfect tells the background ("about fifteen had signed up in
# the spring"), and so does a relative clause in it ("everyone who'd stopped coming").
_PLUPERFECT_BEFORE_RE = lazy(r"(?:\bhad|'d|’d)\s+(?:\w+\s+)?$", re.IGNORECASE)
_RELATIVE_PLUPERFECT_RE = lazy(r"\b(?:who|that|which)(?:'d|’d|\s+had)\s+(?:\w+\s+)?$", re.IGNORECASE)
# How long it took is the effort, not the outcome: "It took about six months".
_EFFORT_RE = lazy(r"^\W*(?:(?:and|but|so|overall|in all|all in all)\W+)?(?:it|this|that|the (?:[\w-]+ )?(?:job|"
                  r"project|work|"
                  r"process|whole thing|task|training|course))\s+(?:\w+\s+)?(?:took|lasted|ran for|went on for)\s+"
                  r"(?:(?:about|around|roughly|nearly|almost|over|under|just over|just under|well over|more than|"
                  r"less than)\s+)?"
                  r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                  r"a few|several|many)\s+"
                  r"(?:hours?|days?|weeks?|months?|years?|evenings?|weekends?|shifts?|sprints?)"
                  r"(?:\s+and\s+(?:a lot of|lots of|plenty of|a great deal of|a fair bit of|some)\s+[\w-]+"
                  r"|\s+and\s+(?:(?:about|around|roughly|nearly|almost|over)\s+)?[\d,]+\s+(?:[\w-]+\s+)?"
                  r"(?:hours?|days?|weeks?))?"
                  # (and who was on it: ", with six of us on it full time")
                  r"(?:,\s*with\s+(?:\w+\s+){1,2}?(?:of us|people|engineers|staff)(?:\s+on\s+it)?"
                  r"(?:\s+full[- ]time)?)?\W*$"
                  # what it took: "It meant reviewing around 2,300 accounts in five weeks"
                  r"|^\W*(?:it|this|that)\s+meant\s+[a-z]+ing\b"
                  # "It was a huge effort: four months…", "It ended up as 85 pages and 60 hours of evenings"
                  r"|^\W*(?:it|this|that)\s+was\s+(?:a|an)\s+(?:\w+\s+)?(?:effort|slog|undertaking|job|commitment)\b"
                  r"|^[^.;]*?\bhours\s+of\s+(?:my\s+)?(?:evenings|weekends|overtime|own time)\b",
                  re.IGNORECASE)
# A habit's trigger, not a change: "calling her every time something came up".
_EVERY_TIME_BEFORE_RE = lazy(r"\b(?:every time|each time|whenever|any time)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# Not knowing how it ended: "I don't know exactly how it was resolved".
_UNKNOWN_BEFORE_RE = lazy(r"\b(?:don't|don’t|do not|didn't|didn’t|did not|never)\s+(?:\w+\s+)?(?:know|knew|found out|"
                          r"heard|find out|hear)\s+(?:\w+\s+)?(?:how|whether|if|what)\b", re.IGNORECASE)
# A clause of background before an absence: "days when nobody had visited".
_SUBORDINATE_BEFORE_RE = lazy(r"\b(?:when|whenever|where|because|since|unless|as|which|who)\s+$", re.IGNORECASE)
# "It turned out his shifts had changed": what the person found out, not how it ended.
_FINDING_RE = lazy(r"^\W*(?:(?:and|but|so)\s+)?(?:it\s+)?(?:turned|turns)\s+out\b(?!\s+(?:well|fine|great|ok|okay|"
                   r"brilliantly|really|to be))"
                   # "Two issues came up again and again: …"
                   r"|^\W*(?:\w+\s+)?(?:issues|problems|things|themes|reasons|patterns|causes)\s+"
                   r"(?:came up|stood out|emerged|kept coming up|showed up)\b[^.;,:]*:", re.IGNORECASE)
_PROJECTION_RE = words_of(PROJECTION)
_LESSON_RE = words_of(LESSON)
_PAST_RE = words_of(PAST_MARKERS)
_FRAME_RE = words_of(OUTCOME_FRAMES)
_OWN_STEP_RE = lazy(r"\W*(?:" + LABEL + r")?" + OWN_STEP_START, re.IGNORECASE)
_OPINION_RE = words_of(REPORTED_OPINION)
_WHAT_I_DID_RE = lazy(r"(?<![\w'’])" + WHAT_I_DID + r"(?![\w'’])", re.IGNORECASE)
# "I" and the word that follows it, past up to two little words ("I also then called").
_I_VERB_RE = lazy(r"(?<![\w'’-])[Ii](?:'|’)?(ve|m|d|ll)?\s+(?:(?:" + ADVERBS + r")\s+){0,2}"
                  r"([A-Za-z][a-z'’-]*)", 0)
_NEGATED_RE = lazy(r"(?:n't|n’t|not|never)\b")
# A second verb of the person's, joined by "and" or a comma a few words on: "I stayed late
# and went through…", "i watched videos on it at night, wrote down the steps…".
_AND_VERB_RE = lazy(r"(?:\s+[\w'’-]+){0,8}?(?:\s+and|,)\s+(?:(?:then|also|just|quickly|immediately)\s+)?"
                    r"([a-z][a-z'’-]*)", re.IGNORECASE)
_ACTION_AFTER_RES = {verb: lazy(r"\s+(?:" + after + r")\b", re.IGNORECASE) for verb, after in ACTION_AFTER.items()}
# An outcome is told in the past, or as how things are now: "the till is not short any
# more". "That's the kind of problem I enjoy" is neither.
_TOLD_RE = lazy(r"\b(?:[a-z]+ed|was|were|had|did|came|became|fell|grew|flew|ate|forgot|froze|slept|stole|blew|"
                + "|".join(sorted(IRREGULAR_PAST)) + r"|now|since|any ?more|still|"
                r"today|these days|ever since"
                # or when, after the steps, even in the present tense of a learner's English:
                # "His card work same day", "After three weeks I make all eight reports alone"
                r"|same day|next day|the day after|in the end|at (?:the )?end of|by the end of|"
                r"after (?:that|this|(?:one|two|three|four|six|a few|\d+) (?:days?|weeks?|months?|years?)))\b",
                re.IGNORECASE)
# How far back, in characters, a projection ("should", "will") is looked for.
_LOOK_BACK = 60
# Times of day are not outcomes: "open from 9 to 5pm".
_CLOCK_RE = lazy(r"[\d:.]*\s?(?:am|pm|o'clock)\b", re.IGNORECASE)


# Each part as a sentence names it ("Missing: task, result"): lower case in English,
# but a message of its own, as not every language writes it so.
_PART_IN_A_SENTENCE = {"situation": N_("situation"), "task": N_("task"), "action": N_("action"),
                       "result": N_("result")}


@dataclasses.dataclass(frozen=True)
class StarCheck:
    """How a "better answer" measures up to the STAR method.

    `parts` says, for each of situation, task, action and result, whether the answer
    has it; `concrete_result` whether the result measures or plainly states the
    outcome; `complete` is all four with a concrete result. `missing` names what
    stands between the answer and a complete one — the parts it lacks, then
    `concrete_result` when a result is there but vague — and `suggestions` holds one
    suggestion for each, in the same order. `found` quotes, for each part found,
    the sentence that showed it (its first words, for a long one).
    """

    parts: dict[str, bool]
    concrete_result: bool
    complete: bool
    missing: list[str]
    suggestions: list[str]
    found: dict[str, str]

    @property
    def verdict(self) -> str:
        """The verdict in a few words, for a list or a heading."""
        if self.complete:
            return N_("Complete STAR answer")
        if not any(self.parts.values()):
            return N_("Not a STAR answer yet")
        lacking = [_PART_IN_A_SENTENCE[k] for k in self.missing if k in PARTS]
        if not lacking:
            return N_("Nearly there: make the result concrete")
        return N_("Missing: {parts}").format(parts=Listing(", ", lacking))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {
            "complete": self.complete,
            "verdict": self.verdict,
            "parts": dict(self.parts),
            "concrete_result": self.concrete_result,
            "missing": list(self.missing),
            "suggestions": list(self.suggestions),
            "found": dict(self.found),
        }


def _quote(sentence: str, words: int = 14) -> str:
    """The start of `sentence`, up to `words` words, with "…" where it was cut."""
    parts = sentence.split(None, words)
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _clauses(sentence: str) -> Iterator[str]:
    """The sentence's clauses: split at a comma or semicolon where a new clause starts
    with its own subject and verb ("…, i rang the supplier", "…, the fridge was
    replaced"). Run-on answers typed without full stops are read like punctuated ones;
    a clause cut off before the sentence's end gets a full stop, as it was finished."""
    start = 0
    for m in _CLAUSE_BREAK_RE.finditer(sentence):
        yield sentence[start:m.start()] + "."
        start = m.end()
    yield sentence[start:]


def _sentences(text: str) -> Iterator[str]:
    """The text's sentences (and run-on sentences' clauses): split at . ! ? and line
    breaks, at a comma or semicolon before a new clause, and before each STAR label."""
    for whole in _SENTENCE_RE.finditer(text):
        for sentence in _clauses(whole.group(0)):
            start = 0
            for label in _LABEL_RE.finditer(sentence):
                if sentence[start:label.start()].strip():
                    yield sentence[start:label.start()].strip()
                start = label.start()
            if sentence[start:].strip(" \t.!?\n"):
                yield sentence[start:].strip()


def _acts(sentence: str, verb: str, end: int, told_in_past: bool, background: bool) -> bool:
    """Whether `verb`, said of the person and ending at `end` in `sentence`, is a step they took.

    `background`: whether the sentence has a "when"/"while" clause, which sets the scene
    ("I was closing up when a customer came in").
    """
    if _NEGATED_RE.match(verb) or verb.endswith(("n't", "n’t")):
        return False
    if verb in _ACTION_AFTER_RES:
        return bool(_ACTION_AFTER_RES[verb].match(sentence, end))
    if verb == "was":
        doing = _WAS_ING_RE.match(sentence, end)
        return bool(doing) and not background and doing.group(1).lower() not in SETTING_ING
    if verb in NOT_ACTIONS or len(verb) < 2:
        return False
    return told_in_past or verb.endswith("ed") or _past(verb)


def _past(verb: str) -> bool:
    """Whether `verb` is in the past tense: "-ed", or an irregular past, with or without
    "re-" ("rewrote", "re-sent")."""
    if verb.endswith("ed") and len(verb) > 3 and not verb.endswith("eed"):
        return True
    return verb in IRREGULAR_PAST or verb.startswith("re") and verb[2:].lstrip("-") in IRREGULAR_PAST


def _action(sentence: str, told_in_past: bool) -> str:
    """The first words in `sentence` where the person does something themselves, or "".

    `told_in_past`: whether the answer tells of a particular event (in the past
    anywhere, or with a task given); if not, a verb in the present ("I listen") is a
    habit, not an action.
    """
    background = bool(_WHEN_RE.search(sentence))
    for m in _I_VERB_RE.finditer(sentence):
        contraction, verb = m.group(1), m.group(2).lower()
        if contraction in ("d", "ll") or contraction == "m":
            continue  # "I'd", "I'll": would or will; "I'm": being
        if contraction == "ve":
            verb = "'ve"
            after = _ACTION_AFTER_RES[verb]
            if after.match(sentence, m.end(1)):
                return m.group(0)
            continue
        if verb in ("worked", "work") and _BACKGROUND_BEFORE_RE.search(sentence, max(0, m.start() - 8), m.start()):
            continue  # "when I worked on the help desk": where, not what
        if _acts(sentence, verb, m.end(), told_in_past, background):
            return m.group(0)
        # "I stayed late and went through the files": the second verb is a step too
        # (but not a state: "I felt proud and relieved")
        also = _AND_VERB_RE.match(sentence, m.end())
        second = also.group(1).lower() if also else ""
        if also and _past(second) and second not in NOT_ELIDED_ACTIONS and _acts(
                sentence, second, also.end(), told_in_past, background):
            return sentence[m.start():also.end()]
    elided = _elided_step(sentence, told_in_past, background)
    if elided:
        return elided
    done = _WHAT_I_DID_RE.search(sentence)
    return done.group(0) if done else ""


def _elided_step(sentence: str, told_in_past: bool, background: bool) -> str:
    """The sentence's first word, if it is the person's step with the "I" left out
    ("Labelled all shelves by department, binned…"), or ""."""
    first = _FIRST_WORD_RE.match(sentence)
    if not first:
        return ""
    verb = first.group(1).lower()
    if (_past(verb) and verb not in NOT_ELIDED_ACTIONS and not _BY_RE.match(sentence, first.end())
            and _acts(sentence, verb, first.end(), told_in_past, background)):
        return first.group(0).strip()
    return ""


def _result(sentence: str, after_action: bool) -> tuple[str, bool]:
    """(the words of an outcome in `sentence`, whether it is concrete); ("", False) if none.

    `after_action`: whether the person has acted by now (or the sentence frames an
    outcome); before that, a change without an amount ("sales had fallen") is the
    scene, not the result.
    """
    kinds = [(_CONCRETE_RE, True), (_VAGUE_RE, False)]
    if after_action:
        kinds[1:1] = [(_ABSENCE_RE, True), (_AFTER_ACTION_RE, True)]
        kinds.append((_VAGUE_CHANGE_RE, False))
    for rx, concrete in kinds:
        for m in rx.finditer(sentence):
            if concrete and _CLOCK_RE.match(sentence, m.end()):
                continue
            # "this should save 200 hours", "once it's rolled out it will…": not yet. Only
            # the clause before the outcome counts, and only so far back: a fixed
            # window keeps the check linear however long the sentence.
            before = sentence[max(0, m.start() - _LOOK_BACK):m.start()]
            before = before[max(before.rfind(c) for c in ",;:–—") + 1:]
            # "I needed to make sure 120 guests were served on time": a goal, in the task's clause.
            if _INFINITIVE_RE.search(before) or _PURPOSE_RE.search(before) or _TASK_RE.search(before):
                continue
            if (_DIAGNOSIS_BEFORE_RE.search(before) or _RELATIVE_PLUPERFECT_RE.search(before)
                    or _UNKNOWN_BEFORE_RE.search(before)):
                continue
            if not after_action and _PLUPERFECT_BEFORE_RE.search(before):
                continue
            # "a plan she never signed up for": an outcome denied is none
            if rx is _CONCRETE_RE and _NEGATION_BEFORE_RE.search(before):
                continue
            if rx is _VAGUE_CHANGE_RE and (_OWN_SUBJECT_RE.search(before) or _EVERY_TIME_BEFORE_RE.search(before)):
                continue
            if rx is _VAGUE_RE and _I_FEEL_BEFORE_RE.search(before):
                continue
            if rx is _ABSENCE_RE and (_GOAL_BEFORE_RE.search(before) or _SUBORDINATE_BEFORE_RE.search(before)):
                continue
            if rx is _AFTER_ACTION_RE and _OWN_SUBJECT_RE.search(before):
                continue
            if _PROJECTION_RE.search(before) or _PROJECTION_RE.match(sentence, m.start()):
                continue
            return m.group(0).strip(), concrete
    return "", False


def _closing_outcome(sentence: str, story: bool, after_action: bool) -> tuple[str, bool]:
    """The last sentence as the outcome, when nothing else was one (see OWN_STEP_START).

    `story`: whether the answer tells of something that happened (a scene, a task or
    an action was found). Returns (the sentence, whether it is concrete) or ("", False).
    """
    if not story or _OWN_STEP_RE.match(sentence) or _HYPOTHETICAL_RE.search(sentence):
        return "", False
    if _elided_step(sentence, True, False) or _AGENT_PASSIVE_RE.search(sentence):
        return "", False
    # The last word on the problem: its absence is the outcome ("No deliveries were turned away").
    if _ABSENCE_RE.search(sentence) or _AFTER_ACTION_RE.search(sentence):
        return sentence.strip(), True

    if _PROJECTION_RE.search(sentence) or _LESSON_RE.search(sentence) or _HABITUAL_RE.search(sentence):
        return "", False
    if (_BACKGROUND_START_RE.match(sentence) or _TASK_RE.search(sentence) or _EVALUATION_RE.match(sentence)
            or _FINDING_RE.match(sentence) or _EFFORT_RE.match(sentence) or _UNKNOWN_BEFORE_RE.search(sentence)):
        return "", False
    if _TEAM_SPIRIT_RE.search(sentence) or _SCALE_RE.search(sentence) or not _TOLD_RE.search(sentence):
        return "", False
    vague = bool(_VAGUE_RE.search(sentence) or _OPINION_RE.search(sentence)
                 or (after_action and _VAGUE_CHANGE_RE.search(sentence)))
    return sentence.strip(), not vague


def _unasked(text: str) -> str:
    """`text` with each "nobody asked me to" blanked out (not cut: places stay where they were)."""
    return _NOT_ASKED_RE.sub(lambda m: " " * len(m.group(0)), text)


def _real(sentence: str) -> str:
    """`sentence` with its hypothetical clauses ("I'd…", "I would…", "If…"), each up to
    the next comma, semicolon, colon or dash, blanked out: what is left still happened.
    Blanked, not cut, so a place in it is the same place in the sentence."""
    kept, start = [], 0
    for m in _HYPOTHETICAL_RE.finditer(sentence):
        if m.start() < start:
            continue
        kept.append(sentence[start:m.start()])
        end = _CLAUSE_END_RE.search(sentence, m.end())
        start = end.start() if end else len(sentence)
        kept.append(" " * (start - m.start()))
    kept.append(sentence[start:])
    return "".join(kept)


def _finished(last: str, text: str) -> bool:
    """Whether the answer's last sentence is finished rather than cut off mid-sentence
    (or still being typed): it ends with a full stop, is a line of a list or notes, or
    ends on a word a sentence can end on ("…and the freezes stopped", not "…by the")."""
    if last.rstrip().endswith((".", "!")) or "\n" in text.strip():
        return True
    return not _TRAILING_RE.search(last[-60:])  # a fixed tail: linear however long the sentence


def check_answer(text: str, *, word_model: bool = True) -> StarCheck:
    """Judge a "better answer" against the STAR method.

    Returns the parts found, whether the result is concrete, whether the answer is
    complete, what is missing and one suggestion for each thing missing. Rules over
    each sentence, and for the situation and the task a small word model too (see
    `_word_model`): a part counts when the rules find it or the model is sure of it.
    `word_model=False` gives the rules' judgement alone, to measure them. No network.
    """
    text = text or ""
    # An answer tells of a particular event if it is told in the past anywhere (a step
    # of the person's in the past is enough: "Profiled, found N+1 queries…"), or if
    # someone gave the person a task ("My teacher ask me to lead… I make the plan").
    told = bool(_PAST_RE.search(text)) or any(
        word in IRREGULAR_PAST for word in _WORD_RE.findall(text.lower())) or any(
        _action(sentence, False) for sentence in _sentences(text) if not _HYPOTHETICAL_RE.search(sentence))
    # A scene needs an event; a role held now ("I'm in charge of cashing up") is none, though
    # the steps that go with it are still the person's own ("I count everything twice").
    tasks = [m.group(0) for m in _TASK_RE.finditer(_unasked(text))]
    event = told or any(not _STANDING_ROLE_RE.search(task) for task in tasks)
    told_in_past = told or bool(tasks)
    found: dict[str, str] = {}
    vague_result = ""
    last = body = ""
    acted_before = False
    # The sentences after the person's last step: where the outcome is told, if anywhere.
    after_last_step: list[str] = []
    count = 0
    for sentence in _sentences(text):
        last, count = sentence, count + 1
        would = _HYPOTHETICAL_RE.search(sentence)
        hypothetical = bool(would)
        habitual = bool(_HABITUAL_RE.search(sentence))
        # What comes before "I'd…" in the sentence still happened: "I was meant to
        # diarise the deadlines, and I'd put this one in on the wrong date"; so does a
        # clause after it ("…I'd come home from hospitality, and making the place pay
        # was going to be my problem").
        real = _unasked(_real(sentence) if would else sentence)
        task = _TASK_RE.search(real)
        if "task" not in found and task:
            found["task"] = sentence
        acted = _action(real, told_in_past) if real.strip() else ""
        if acted and _HABITUAL_RE.search(acted):
            acted = ""
        if "action" not in found and acted:
            found["action"] = sentence
        framed = "action" in found or bool(_FRAME_RE.search(sentence))
        # A habit ("I always got things done") tells no outcome, any more than a step or a
        # finding ("Two issues came up again and again: …").
        telling = "result" not in found and not (habitual or _FINDING_RE.match(sentence))
        words, concrete = _result(sentence, framed) if telling else ("", False)
        if words and task and any(sentence.find(words) < t.end() for t in _TASK_RE.finditer(real)):
            words = ""  # part of the goal: "getting everyone there on time was on me"
        if "result" not in found:
            if words and concrete:
                found["result"] = sentence
            # A lesson on its own ("it taught me…") is no outcome, however warm.
            elif words and not vague_result and not _LESSON_RE.search(sentence):
                vague_result = sentence
        # The last sentence that is not a coda (a lesson, a hope, a judgement of the
        # experience), after the person's action: where the outcome is told, if anywhere.
        if not (hypothetical or habitual or _LESSON_RE.search(sentence) or _PROJECTION_RE.search(sentence)
                or _EVALUATION_RE.match(sentence)):
            body = sentence if acted_before else ""
        acted_before = acted_before or bool(acted)
        if acted:
            after_last_step.clear()
        elif acted_before:
            after_last_step.append(sentence)
        if "situation" not in found and event and not (hypothetical or habitual):
            # A place after the task or the person's step in the same sentence is where
            # the goal or the step led ("I was tasked with cutting waits at our dock doors",
            # "I presented it at the ward meeting"), not the scene.
            place = _PLACE_RE.search(sentence) or _NAMED_PLACE_RE.search(sentence)
            steps = [task.start()] if task else []
            if acted:
                steps.append(sentence.find(acted))
            team_step = _TEAM_STEP_RE.search(sentence)
            if team_step:  # "we put up a board in the canteen": where the team's step led
                steps.append(team_step.start())
            # A place in the sentence that names the person's standing role ("My
            # responsibility in my Saturday job at a department store was…", "As a peer
            # mentor in the business school, my job was…") is where they worked, not an event.
            role = _ROLE_RE.search(sentence)
            if place and (role or _AS_ROLE_RE.match(sentence)):
                place = None
            # (nor is what the role says: "My job in our team was keeping track…")
            scene = sentence[:role.start()] + " " + sentence[role.end():] if role else sentence
            if _SITUATION_RE.search(scene) or place and all(place.start() < at for at in steps):
                found["situation"] = sentence
    if "result" not in found and not vague_result and count > 1:
        # The last sentence, if finished, or else the last one before a closing lesson.
        # (Lists and notes often end without a full stop; a line break ends them.)
        closing = last if _finished(last, text) else ""
        words, concrete = _closing_outcome(closing, bool(found), "action" in found)
        if not words and body and body is not last:
            words, concrete = _closing_outcome(body, True, True)
        if words and concrete:
            found["result"] = words
        else:
            vague_result = words
    if "result" not in found:
        # A plain outcome after the person's last step counts, even after praise ("The
        # crashes stopped. My manager was really pleased.").
        finished = _finished(last, text)
        for sentence in after_last_step:
            if sentence is last and not finished:
                continue
            words, concrete = _closing_outcome(sentence, True, True)
            if words and concrete:
                found["result"] = words
                break
    concrete_result = "result" in found
    if not concrete_result and vague_result:
        found["result"] = vague_result
    parts = {part: part in found for part in PARTS}
    if word_model and text.strip():
        # The rules miss many ways of saying where it happened or what the goal was; the
        # word model, sure enough, makes up for them (but never takes a part away).
        for part, sure in probabilities(text).items():
            parts[part] = parts[part] or sure >= threshold(part)
    missing = [part for part in PARTS if not parts[part]]
    if parts["result"] and not concrete_result:
        missing.append("concrete_result")
    return StarCheck(
        parts=parts,
        concrete_result=concrete_result,
        complete=not missing,
        missing=missing,
        suggestions=[SUGGESTIONS[key] for key in missing],
        found={part: _quote(found[part]) for part in PARTS if part in found},
    )
