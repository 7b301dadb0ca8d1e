"""Two plain-language checks a job seeker can run after a rejection.

- `check_feedback(text)`: is the feedback an employer gave specific enough to learn
  from, or vague? It weighs generic rejection phrasing ("another candidate", "better
  fit") against concrete anchors (a round, a question, a named tool, an example, a
  number about *your* performance, a piece of work, what good would have looked
  like), names the themes it touches, and drafts polite follow-up questions.
- `check_tone(text)`: does a draft reply, thank-you or LinkedIn note read as bitter,
  sarcastic, blaming, defensive, demanding, shouty or self-critical, or is it fine to
  send? Each problem comes back as a flag with the exact words, why they may read
  badly and a calmer alternative.

Both are rules plus the VADER sentiment lexicon (vaderSentiment), and nothing else:
no widgets, files or network. Sentiment alone is not enough — VADER rates "Whatever.
Good luck finding someone as good as me." as clearly positive — so VADER is used for
what it is good at (is this word negative? is this short sentence upbeat?) inside
rules that look at who a sentence is aimed at and how it is phrased.

The word lists are module-level constants so they can be read, reviewed and extended
without touching the logic. Patterns are regular expressions matched
case-insensitively on word boundaries unless a comment says otherwise.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "THEMES",
    "TONE_KINDS",
    "ANCHOR_KINDS",
    "FeedbackCheck",
    "ToneFlag",
    "ToneCheck",
    "check_feedback",
    "check_tone",
]

class _LazyPattern:
    """A regular expression compiled on first use.

    The rules above add up to a few hundred alternatives; compiling them all at import
    would cost tens of milliseconds for every `import nextround.checks`, even in a
    notebook that never runs a check.
    """

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # Only reached for re.Pattern's own methods (finditer, search, ...). Two
        # threads compiling at once both get an equal pattern, so no lock is needed.
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def _lazy(pattern: str, flags: int = 0) -> _LazyPattern:
    return _LazyPattern(pattern, flags)


# ---------------------------------------------------------------------------
# Themes
# ---------------------------------------------------------------------------

#: The themes feedback can touch: key -> human label. Keys are what
#: `FeedbackCheck.themes` holds (and what an answers file stores).
THEMES: dict[str, str] = {
    "experience": "Experience and background",
    "technical_skills": "Technical skills and knowledge",
    "communication": "Communication and presentation",
    "culture_fit": "Team and culture fit",
    "preparation": "Preparation and research",
    "competition": "Other candidates",
    "logistics": "Practicalities (location, dates, availability)",
    "salary": "Salary and budget",
}

# Names of tools, technologies and technical details. Seeing one in feedback means
# the employer named *what* was assessed, which is the first thing a person needs in
# order to act on it. These also mark the "technical_skills" theme.
TECH_TERMS: tuple[str, ...] = (
    # data and programming
    r"sql", r"nosql", r"python", r"pandas", r"numpy", r"java", r"javascript", r"typescript",
    r"c\+\+", r"c#", r"kotlin", r"scala", r"php", r"golang", r"angular", r"vue",
    r"node\.js", r"django", r"flask", r"html", r"css", r"graphql", r"rest(?:ful)? apis?",
    r"apis?", r"json", r"regex", r"kubernetes", r"docker(?: compose)?", r"terraform",
    r"ansible", r"aws", r"azure", r"gcp", r"linux", r"bash", r"git", r"github", r"ci/cd",
    r"microservices?", r"hadoop", r"airflow", r"dbt", r"snowflake", r"tableau",
    r"power ?bi", r"looker", r"matlab", r"machine learning", r"deep learning",
    r"statistics", r"regression", r"a/b test(?:s|ing)?", r"p-values?",
    r"unit tests?", r"integration tests?", r"test coverage", r"test cases?",
    r"hash ?maps?", r"linked lists?", r"binary search", r"recursion", r"big[- ]o",
    r"o\(n(?:\^?2|²| log n)?\)", r"threads?", r"concurrency", r"data structures?",
    r"algorithms?", r"window[- ]functions?", r"(?:inner|left|right|outer) joins?", r"merge",
    r"indexes", r"normalisation", r"loops?", r"edge cases?", r"null(?: values?)?",
    r"input validation", r"error handling", r"time complexity", r"variable names?",
    r"global variables?", r"variables?", r"databases?", r"database connections?",
    r"code review", r"debugging", r"refactor(?:ing|ed)?", r"timed? out",
    r"compil(?:e|ed|er|ation)", r"imports?", r"syntax", r"dependenc(?:y|ies)",
    r"functions?", r"strings?", r"arrays?", r"object-oriented",
    # office and business tools
    r"excel", r"vlookups?", r"xlookups?", r"pivot tables?", r"macros?", r"powerpoint",
    r"formulas?|formulae", r"cells?", r"pie charts?", r"charts?", r"time-series",
    r"salesforce", r"hubspot", r"jira", r"confluence", r"figma", r"google analytics",
    r"seo", r"crm", r"layouts?", r"responsive design", r"accessibility",
)

# Methods and subject areas: as concrete as a tool, but not necessarily technical.
METHOD_TERMS: tuple[str, ...] = (
    r"star(?:-style)?", r"agile", r"scrum", r"kanban", r"prince2", r"user research",
    r"usability test(?:s|ing)?", r"wireframes?", r"personas?", r"user testing",
    r"cash[- ]flow", r"balance sheet", r"p&l", r"dcf", r"valuation", r"forecast(?:s|ing)?",
    r"accruals?", r"prepayments?", r"depreciation", r"vat", r"reconciliations?",
    r"margins?", r"pricing", r"gdpr", r"subject access requests?", r"procurement",
    r"safeguarding", r"ifrs", r"activation rate", r"retention", r"churn", r"kpis?",
    r"okrs?", r"metrics?", r"stakeholder map(?:s|ping)?", r"risk register", r"gantt",
    r"backlog", r"sprints?", r"user stor(?:y|ies)", r"roadmap", r"acceptance criteria",
    r"clarifying questions?",
)

# Named requirements: a licence, a visa, a qualification or a working pattern is as
# concrete as a tool, and tells the candidate exactly what was missing.
REQUIREMENT_TERMS: tuple[str, ...] = (
    r"driving licen[cs]e", r"(?:security|dbs) (?:clearance|check)", r"visa", r"right to work",
    r"(?:professional )?(?:qualification|certification|accreditation)s?",
    r"aca|acca|cima|cipd", r"notice period", r"start date", r"fluent \w+", r"on-?call",
    r"night shifts?", r"weekend (?:work|shifts?)", r"shift pattern",
)

# Short names that are also everyday words ("go", "react", "swift", "spring"): only
# counted when written with the capitals used for the technology, and not at the start
# of a sentence, where every word has a capital.
CASED_TECH_TERMS: tuple[str, ...] = (
    r"Go", r"R", r"C", r"React", r"Node", r"Swift", r"Rust", r"Ruby", r"Spring", r"Spark",
    r"Sketch",
)
# Languages, likewise case-sensitive: "Polish" the language, not "polish" the finish.
LANGUAGES: tuple[str, ...] = (
    r"German", r"French", r"Spanish", r"Italian", r"Welsh", r"Mandarin", r"Cantonese", r"Arabic",
    r"Polish", r"Portuguese", r"Japanese", r"Hindi", r"Urdu", r"Gaelic",
)

# Capitalised abbreviations that say nothing about what was assessed; any *other*
# all-capitals word of 2-6 letters in feedback is taken as a named tool or body.
COMMON_ABBREVIATIONS: frozenset[str] = frozenset(
    {"CV", "CVS", "UK", "HR", "OK", "I", "A", "US", "USA", "EU", "CEO", "CTO", "CFO", "FAQ",
     "PS", "NB", "AM", "PM", "TBC", "ASAP", "FYI", "LTD", "PLC"}
)

#: Theme key -> patterns that suggest the feedback touches that theme.
THEME_PATTERNS: dict[str, tuple[str, ...]] = {
    "experience": (
        r"(?:\w+ )?experience", r"years of", r"background", r"track record", r"seniority",
        r"hands-on", r"exposure to", r"worked with", r"industry knowledge",
    ),
    "technical_skills": (
        r"technical(?: \w+)?", r"knowledge", r"coding", r"code", r"programming",
        r"fundamentals", r"problem[- ]solving", r"the test", r"take[- ]home",
        r"(?:financial )?model", r"whiteboard", r"exercise", r"assessment",
        *TECH_TERMS,
    ),
    "communication": (
        r"communicat\w*", r"presentation(?: skills)?", r"presenting", r"articulat\w*",
        r"confidence", r"confident", r"rambl\w*", r"concise", r"running long",
        r"written", r"write-up", r"typos", r"listen\w*", r"star(?:-style)?",
        r"explain(?:ed|ing)?", r"clarity", r"your answers?", r"your example",
        r"interview(?:ed)? (?:well|skills)", r"rapport", r"enthusiasm",
    ),
    "culture_fit": (
        r"(?:better |right |good |cultural |culture )?fit", r"culture", r"chemistry",
        r"values", r"team dynamic", r"personality", r"gel(?:led)?",
    ),
    "preparation": (
        r"prepar\w*", r"research(?:ed)?", r"why you wanted to join", r"job advert",
        r"the brief", r"(?:any )?questions at the end", r"didn't ask (?:us )?any questions",
        r"read up", r"homework", r"our (?:products?|work|mission|clients)",
    ),
    "competition": (
        r"another (?:candidate|applicant)", r"other (?:candidates|applicants)",
        r"(?:stronger|top|successful|preferred|internal) (?:candidate|applicant)",
        r"finalists", r"edged ahead", r"tough call", r"close call", r"strong field",
        r"went with someone", r"competitive", r"someone (?:who|with|else)",
        r"\d+ (?:candidates|applicants|people)",
    ),
    "logistics": (
        r"office", r"days a week", r"start date", r"notice period", r"commut\w*",
        r"relocat\w*", r"location", r"remote", r"hybrid", r"on-?site", r"visa",
        r"references?", r"availability", r"late", r"in post", r"travel", r"shifts?",
        r"weekends?", r"drive|driving", r"car", *REQUIREMENT_TERMS,
    ),
    "salary": (
        r"salary", r"budget", r"pay", r"compensation", r"package", r"day rate",
        r"afford", r"expected (?:pay|salary)", r"cost",
    ),
}

# ---------------------------------------------------------------------------
# Feedback: generic phrasing and concrete anchors
# ---------------------------------------------------------------------------

# Phrases that could be sent to any candidate for any role. Each one found is named
# in the reasons, so a person can see why the feedback does not help much.
GENERIC_PHRASES: tuple[str, ...] = (
    r"another (?:candidate|applicant)", r"other (?:candidates|applicants)",
    r"(?:a )?(?:better|closer|stronger|right|good) (?:fit|match)",
    r"(?:more )?closely matched", r"(?:a bit |slightly )?more experience",
    r"competitive", r"high standard", r"not the right time", r"at this time",
    r"on this occasion", r"decided to (?:move forward|proceed|pursue|go) with",
    r"move forward with", r"went (?:with|in) (?:someone|a different direction)",
    r"a different direction", r"after careful consideration", r"overall picture",
    r"what (?:they|we) were looking for", r"weren't quite", r"wasn't quite(?: there)?",
    r"didn't (?:fully |quite )?(?:align|live up)", r"tough call", r"(?:very|really) close",
    r"a number of factors", r"(?:some|a few) (?:areas|gaps)", r"could be better",
    r"needs? some work", r"work on your \w+", r"brush(?:ing)? up", r"reservations",
    r"chemistry", r"edged ahead", r"nothing you did wrong", r"interviewed well",
    r"you'd benefit from", r"more thoroughly", r"a lot to offer", r"know your stuff",
    r"(?:every|continued) success", r"all the best", r"(?:keep|retain) your details",
    r"demonstrated the competencies", r"more strongly", r"(?:your )?approach to \w+",
    r"something will come along", r"keep doing what you're doing", r"more support",
    r"what we usually look for", r"didn't fully meet", r"the requirements of the role",
)

#: Anchor kind -> the human description used in reasons.
ANCHOR_KINDS: dict[str, str] = {
    "stage": "a stage or round of the process",
    "question": "a question you were asked",
    "named_skill": "a skill, tool, subject or requirement",
    "example": "something you said or did",
    "number": "a number, date or limit about your application",
    "artefact": "a piece of your work (take-home, portfolio, presentation, test)",
    "what_good_looks_like": "what a stronger answer or application would have included",
}

# Patterns for each anchor kind. A match is evidence that the feedback points at
# something concrete the candidate can look at again.
ANCHOR_PATTERNS: dict[str, tuple[str, ...]] = {
    "stage": (
        r"(?:in |at )?(?:round|stage) (?:\d+|one|two|three|four|five)",
        r"(?:first|second|third|final|last|technical|panel|phone|video|case|competency|behavioural|"
        r"group|second-stage|first-stage|final-stage) (?:round|stage|interview)",
        r"role-?play", r"group exercise", r"in-tray exercise",
        r"(?:phone|technical|video|initial|first|recruiter) screen(?:ing)?", r"on-?site",
        r"assessment (?:centre|day)", r"the first call",
        r"(?:1st|2nd|3rd|4th) (?:round|stage|interview)",
    ),
    "question": (
        r"\w+ question", r"questions? (?:about|on)", r"(?:we|they|he|she"
                                                     r"|[A-Z][a-z]+) asked (?:you )?(?:about|how|why|what"
                                                     r"|whether|if|for|to)",
        r"you were asked", r"when (?:we|they|I|he|she|[A-Z][a-z]+) asked",
        r"your answer (?:to|on|about)", r"tell us about", r"the difference between",
        r"didn't ask (?:us )?any questions", r"we gave you", r"we asked you to",
    ),
    "example": (
        r"when you \w+", r"for example", r"for instance", r"e\.g\.",
        r"you (?:don't|do not|didn't|did not) (?:currently |yet |already )?(?:have|hold)",
        r"you (?:said|told us|described|mentioned|used|gave|suggested|brought|put|"
        r"stayed with|arrived|chose|claimed|wrote|answered|ran|skipped|missed|forgot|"
        r"talked about|focused on|spent)",
        r"you (?:couldn't|could not|weren't able to|were unable to|didn't|did not|never|"
        r"forgot to|failed to) (?!quite\b|really\b)\w+",
        r"(?:because|as|since) you (?!were\b|are\b|had\b|have\b|seemed\b|felt\b)\w+",
        # "you jumped / you offered / you presented": any past action, except verbs that
        # only pass judgement on the candidate ("you seemed", "you lacked").
        r"you (?:\w+ly )?(?!(?:seemed|appeared|interviewed|lacked|needed|wanted|deserved|impressed|"
        r"performed|demonstrated|showed|showcased|struggled to stand|matched|fitted|excelled|"
        r"shined|shone|progressed|reached|applied|engaged|interested|invested|attended|enjoyed|"
        r"impressed|succeeded|contributed)\b)[a-z]+ed\b",
        r"you struggled (?:to|with) \w+",
        r"(?:mixed up|confused|muddled|misread|misunderstood|overlooked|got (?:\w+ )?wrong)",
        r"but (?:didn't|couldn't|did not|could not) (?:explain|say|show|mention|give|name|state|justify"
        r"|answer)",
        r"couldn't explain", r"your example",
        r"your (?:[\w-]+ ){0,3}(?:answer|solution|response) (?:was|had)",
        r"your (?:[\w-]+ ){0,3}(?:answer|solution|code|model|submission|response|plan|design|"
        r"slides?|deck|report|essay|write-up|cover letter|letter|portfolio|presentation|query|"
        r"prototype|proposal|dashboard|script|take-home|test|exercise|case study|references?|referees?|"
        r"manager) (?:only|said|says|showed|shows|used|uses|returned|ran|took|"
        r"(?:didn't|did not) (?!quite|really|fully)|"
        r"(?!(?:lacked|needed|impressed|seemed)\b)[a-z]+ed\b)",
        r"'[^']{3,80}'", r"\"[^\"]{3,80}\"", r"‘[^’]{3,80}’", r"“[^”]{3,80}”",
        r"was addressed to",
    ),
    "artefact": (
        r"take[- ]home", r"portfolio", r"case stud(?:y|ies)", r"code test", r"coding test",
        r"technical test", r"written (?:exercise|test|task)", r"(?:the|your|in the) test",
        r"whiteboard", r"pitch", r"slides?", r"deck", r"cover letter", r"write-up",
        r"submission", r"financial model", r"spreadsheet", r"report", r"assignment",
        r"work sample", r"commit(?: history)?", r"(?:the )?code you (?:submitted|wrote|sent)",
        r"git history", r"presentation(?! skills)",
        r"exercise", r"the brief", r"task", r"tests?", r"(?:design |coding |case )?challenge",
        r"(?:[\w-]+ )?(?:day |project |business |marketing |sales )plan",
    ),
    "what_good_looks_like": (
        r"(?:a |an )?(?:stronger|better|strong|good|great|clearer|ideal) answer",
        r"would have (?:made|been|included|named|shown|helped|liked|covered|mentioned)",
        r"we expected", r"we(?:'d| had| would have) (?:hoped|expected|wanted|liked)",
        r"(?:we were|we're|we are) looking for (?:at least|evidence|someone who|experience of)",
        r"needed to see", r"we needed", r"we (?:need|require|required) (?:someone|you|a|an|two|the"
                                        r"|references|"
        r"evidence|to see)",
        r"the role (?:requires|required|needs|needed)", r"the brief (?:asked|said|was)",
        r"we asked for", r"(?:was|were) needed", r"should have", r"instead of", r"rather than",
        r"whereas", r"the limit is", r"the correct", r"the right answer",
        r"would help", r"one thing to work on", r"where an? \w+ (?:\w+ )?was needed",
        r"didn't (?:name|mention|state|show|say|include|cover|link|reconcile) (?:any|a|an|the|what|how"
        r"|which)",
        r"such as", r"we look at",
        r"(?:this|the|our) (?:role|job|position|post) (?:is|was|involves|involved|includes|demands|means|"
        r"requires|required|needs|needed|calls for)\b", r"\bit (?:needs|requires|required|needed)\b",
        r"which (?:the brief|we) (?:listed|asked for|specified|required)", r"the core of the brief",
        r"(?:against|above|below|over|under|exceeded|beyond) (?:the|a|an|our) (?:\S+ )?"
        r"(?:limit|budget|brief|maximum|minimum|range|threshold|cap|bar|target|deadline)",
    ),
}

# A number counts as an anchor only when it measures the candidate's own work or a
# requirement they missed ("22 minutes against a 10-minute brief"), not the size of
# the process ("one of 6 finalists", "200 applicants", "3 rounds").
_NUMBER_WORD = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred)"
)
PERFORMANCE_UNITS: tuple[str, ...] = (
    r"%", r"percent", r"per cent", r"minutes?", r"-minute", r"hours?", r"seconds?",
    r"words?", r"-word", r"slides?", r"-slide", r"pages?", r"-page", r"typos?",
    r"mistakes?", r"errors?", r"bugs?", r"commits?", r"bullet points?", r"days a week",
    r"days? (?:late|early)", r"references?", r"lines?", r"questions?", r"tests?",
    r"years? of (?:hands-on |commercial |professional )?\w+",
)
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)
NUMBER_PATTERNS: tuple[str, ...] = (
    _NUMBER_WORD + r"\s?(?:" + "|".join(PERFORMANCE_UNITS) + r")",
    r"o\(n(?:\^?2|²| log n)?\)",
    r"\d+(?:[.,]\d+)? ?(?:million|billion|thousand|bn)\b",
    r"\d{1,2}(?:st|nd|rd|th)? (?:" + MONTHS + r")",
    r"(?:by |from |until |in |before |mid-|early |late )(?:" + MONTHS + r")",
    r"(?:team|group|budget|portfolio) of (?:about |around |over )?" + _NUMBER_WORD,
    r"(?:month|week|day|year|quarter) (?:\d+|one|two|three|four|five|six)\b",
    # "page 2", "question 3": pointing at a place in the candidate's work
    r"(?:page|question|slide|step|part|task|section|line|exercise) \d+",
    # "three of the eight cases": a score on the candidate's own test
    _NUMBER_WORD + r" (?:out )?of (?:the )?" + _NUMBER_WORD + r" (?:cases|questions|tests|tasks"
                                                              r"|criteria we|checks)",
    # money: a salary figure or budget tied to this application
    r"[£$€]\s?\d[\d,.]*\s?k?",
    r"\((?:" + MONTHS + r")\)",
    r"(?:one|two|three|half|a)[- ](?:page|day|hour) ",
)

# ---------------------------------------------------------------------------
# Tone: the kinds of flag, and the rules that raise them
# ---------------------------------------------------------------------------

#: Flag kind -> what it means, in a few words.
TONE_KINDS: dict[str, str] = {
    "blame": "puts the fault on them (you/your) rather than on the outcome",
    "sarcasm": "says something positive but means the opposite",
    "absolute": "an all-or-nothing word (never, always, nobody, every single)",
    "demand": "asks for something they don't owe you, or sets a deadline",
    "shouting": "a word in capitals, which reads as raising your voice",
    "punctuation": "repeated ! or ?, which reads as anger or disbelief",
    "self_put_down": "runs yourself down, which a reader may remember",
    "dismissive": "brushes off the message (Whatever, Fine., I'm done)",
    "defensive": "argues with the decision or insists you were right",
    "hostile": "an insult, accusation or threat",
    "passive_aggressive": "a pointed reminder or hint instead of a plain request",
    "pleading": "asks them to reverse the decision",
    "bitter": "sounds worn down and resentful, which the reader may take personally",
}


@dataclasses.dataclass(frozen=True)
class _ToneRule:
    """One pattern for a tone problem; `why` and `alternative` are shown to the user."""

    kind: str
    pattern: str
    why: str
    alternative: str


def _rule(kind: str, pattern: str, why: str, alternative: str) -> _ToneRule:
    return _ToneRule(kind, pattern, why, alternative)


# The rules, grouped by kind. Patterns are case-insensitive. Most end in [^.!?]* so
# that the flagged phrase runs to the end of the offending clause, which is what a
# person needs to see to rewrite it. _YOU is "you" or "your <someone at the company>".
_YOU = (
    r"(?:you|your (?:interviewer|recruiter|panel|team|manager|hiring manager|hr team|company|"
    r"process|colleague))"
)

TONE_RULES: tuple[_ToneRule, ...] = (
    # --- dismissive openers and brush-offs
    _rule("dismissive", r"\bwhatever (?:they|that|those|it|this) (?:were|was|means|is|are|meant)\b",
          "“…whatever they were” dismisses their reasons.",
          "I'd welcome any feedback on the decision."),
    _rule("dismissive", r"\b(?:won'?t|will not|shan'?t|never) (?:be )?(?:apply|applying|bother|bothering"
                        r"|work|working|"
          r"interview|interviewing)\w* (?:\w+ ){0,3}again\b",
          "Saying you won't apply again closes a door and reads as a parting shot.",
          "I'd be glad to be considered for future roles."),
    _rule("dismissive", r"(?:^|(?<=[.!?]\s))whatever(?: you say)?\b",
          "“Whatever” shuts the conversation down and reads as contempt.",
          "Thank you for letting me know."),
    _rule("dismissive", r"^(?:(?:ok|okay),? )?(?:fine|ok|okay|right)\.(?=\s|$)",
          "A one-word opener like this reads as curt, as if you are annoyed.",
          "Thank you for letting me know."),
    _rule("dismissive", r"\bit'?s fine\.(?=\s|$)",
          "“It's fine.” on its own usually signals that it isn't.",
          "I'm disappointed, but I understand."),
    _rule("dismissive", r"\bi'?m done\b",
          "Announcing you're done reads as giving up on them and on the conversation.",
          "This one was a disappointment, but thank you for letting me know."),
    _rule("dismissive", r"\b(?:please )?(?:don'?t|do not|never) (?:contact|email|call|message) me\b[^.!?]*|"
          r"\bremove me from\b[^.!?]*|\bstop (?:sending|emailing|contacting|calling|messaging)\b[^.!?]*"
          r"|\blose my (?:number|details)\b",
          "Telling them never to contact you closes a door you may want open later.",
          "Thank you for letting me know."),
    _rule("dismissive", r"\b(?:i )?couldn't care less\b|\bgood riddance\b|\bdon'?t bother\b",
          "This brushes them off and will be remembered.",
          "Thank you for letting me know."),
    # --- sarcasm
    _rule("sarcasm", r"\bgood luck (?:finding|replacing|getting|with that)\b",
          "“Good luck finding…” is usually read as a jibe, not a wish.",
          "I wish you and the team well."),
    _rule("sarcasm", r"\b(?:someone|anyone) (?:as good|better) than me\b|\bas good as me\b",
          "Comparing yourself with whoever they hire reads as a boast.",
          "I remain very interested in working with you in future."),
    _rule("sarcasm", r"\bthanks? (?:you )?(?:so much |very much |a lot )?for wasting\b",
          "Thanking someone for “wasting” your time is sarcasm and reads as bitter.",
          "Thank you for your time during the process."),
    _rule("sarcasm", r"\bthanks?(?: you)?[^.!?]{0,60}?,? i guess\b",
          "“…, I guess” turns the thanks into a complaint.",
          "Thank you for letting me know."),
    _rule("sarcasm", r"(?:^|(?<=[.!?]\s))not\.(?=\s|$)",
          "A trailing “Not.” takes back what you just said, as a joke at their expense.",
          "I hope it works out well for you."),
    _rule("sarcasm", r"\bwhat an honour\b|\bwhat a (?:surprise|shock)\b",
          "This exclamation will be read as sarcasm in this context.",
          "Thank you for getting back to me."),
    _rule("sarcasm", r"\bi'?m sure (?:the|your) [^.!?]{0,40}\b(?:was|is|will be) (?:just |simply "
                     r"|absolutely )?"
          r"(?:wonderful|amazing|brilliant|perfect|fantastic|great|marvellous)\b",
          "Praising the other candidate like this reads as sarcasm.",
          "I hope the new starter settles in well."),
    _rule("sarcasm", r"\bit'?s not (?:like|as if) i \w+\b[^.!?]*",
          "This says the opposite of what you mean, and they'll hear the hurt as blame.",
          "I was really hoping for this role, so it's disappointing news."),
    _rule("sarcasm", r"\bafter (?:\d+|a few|several|many|two|three|four|five|six) (?:days|weeks"
                     r"|months) of (?:silence|nothing|waiting)\b",
          "Pointing out how long they took reads as a dig rather than a thank-you.",
          "Thank you for getting back to me."),
    _rule("sarcasm", r"\bgreat, another\b|\boh,? great\b|\bbrilliant, another\b",
          "Starting with “Great, another…” is sarcastic.",
          "Thank you for letting me know."),
    # ("I clearly didn't explain myself well" is self-reflection, not a jab.)
    _rule("sarcasm", r"(?<!i )(?<!i was )(?<!i'm )(?<!i am )\b(?:clearly|obviously)\s+(?:just|not|never|no"
                     r"|hadn'?t|"
          r"didn'?t|wasn'?t|weren'?t|don'?t|doesn'?t|had no|isn'?t|couldn'?t)\b",
          "“Clearly”/“obviously” presents your guess about them as fact, and reads as a jab.",
          "I may have misunderstood, so I'd welcome more detail."),
    _rule("sarcasm", r"\b(?:thanks|cheers|thank you) for nothing\b",
          "“Thanks for nothing” is plainly sarcastic.",
          "Thank you for letting me know."),
    _rule("sarcasm", r"\bnice of you to\b[^.!?]*|\bmust be nice\b|\bhow convenient\b|\byeah,? right\b|"
          r"\bwho would have thought\b|\bshocker\b|\bwhat a surprise\b|\bsure you (?:did|were|are)\b",
          "This is a stock sarcastic phrase, and will be read that way.",
          "Thank you for getting back to me."),
    _rule("sarcasm", r"\b(?:i )?hope you'?re (?:happy|pleased|satisfied|proud) with\b[^.!?]*",
          "“I hope you're happy with…” is usually read as a jibe.",
          "I wish you and the team well."),
    _rule("sarcasm", r"\blet me guess\b|\b(?:funny|strange|odd) how\b[^.!?]*",
          "This hints at a hidden reason instead of asking, which reads as sarcastic.",
          "Could you tell me what made the difference?"),
    _rule("sarcasm", r"\bhope (?:it|they|he|she|the \w+|your [\w ]{1,20}?) (?:is|was|were|are"
                     r"|turns out) worth it\b",
          "“I hope it's worth it” implies they chose badly.",
          "I wish you and the team well."),
    _rule("sarcasm", r"(?:^|(?<=[.!?]\s))(?:wonderful|great|brilliant|fantastic|perfect|lovely|marvellous"
                     r"|super|"
          r"awesome|terrific|charming|splendid|figures|ha|hah|lol|go figure|as expected|of course not"
          r"|unreal|nice|cool|amazing|incredible|"
          r"priceless|classy|charming)\.(?=\s|$)",
          "A one-word reaction with a full stop reads as flat sarcasm.",
          "(leave it out)"),
    _rule("sarcasm", r"\bfine,? (?:totally|absolutely|completely|really|just) fine\b",
          "Repeating that you're fine suggests the opposite.",
          "I'm disappointed, but I understand."),
    _rule("sarcasm", r"\bmeans? nothing (?:to you|to your \w+|to them|these days|any ?more)\b",
          "This tells them what you think they value, which reads as a sarcastic accusation.",
          "(leave it out)"),
    _rule("sarcasm", r"\bhope (?:they|he|she|the [\w ]{1,20}?|your [\w ]{1,20}?) (?:can|will|is|are|does"
                     r"|do|knows?) actually\b[^.!?]*",
          "“I hope they can actually…” is a dig at whoever got the job.",
          "I hope the new starter settles in well."),
    _rule("sarcasm", r"(?:^|(?<=[.!?]\s))typical\b[^.!?]*",
          "“Typical…” lumps them in with everyone who has let you down.",
          "(leave it out)"),
    _rule("sarcasm", r"\((?:not|not!|sarcasm|/s)\)|(?<=\s)/s\b",
          "A tag like “(not)” announces sarcasm.",
          "(leave it out)"),
    _rule("sarcasm", r"\b(?:perhaps|maybe) (?:you|they) (?:were|are|just|wanted|didn'?t|only"
                     r"|never)\b[^.!?]*|\byes-m[ae]n\b",
          "Guessing at their hidden motives reads as a sarcastic accusation.",
          "Could you tell me what you were looking for?"),
    _rule("sarcasm", r"\bhardly (?:call|count|what i'?d call)\b[^.!?]*|\bif you can call it\b[^.!?]*",
          "Saying their message hardly counts is sarcastic.",
          "Thank you for the feedback; could you share a little more detail?"),
    _rule("hostile", r"\b(?:dodged a bullet|(?:had )?a lucky escape|better off without)\b[^.!?]*",
          "Saying you're better off without them is a parting shot.",
          "(leave it out)"),
    _rule("sarcasm", r"\byou'?ll need it\b",
          "Wishing them luck because “they'll need it” is a jibe.",
          "I wish you and the team well."),
    _rule("sarcasm", r"(?:^|(?<=[.!?]\s))(?:wow|typical|classic|unbelievable|incredible|seriously"
                     r"|really)[.!?]+(?=\s|$)|\bjust wow\b",
          "A one-word exclamation like this reads as disbelief or contempt.",
          "(leave it out)"),
    _rule("sarcasm", r"\b(?:doesn'?t|don'?t|didn'?t) (?:matter|count|mean anything)(?: to you| any ?more"
                     r"| for anything)\b",
          "This says what you think they believe, which reads as a sarcastic accusation.",
          "Could you tell me how my experience was weighed?"),
    # Scare quotes: a lower-case word or two in quote marks. Quoted titles ('Data
    # Analyst') start with a capital and are left alone.
    _rule("sarcasm", r"(?<=\s)(?:the|your|this|that|so-called|is|was|being|as"
                     r"|called) (['‘\"“])(?-i:[a-z])[\w -]{1,24}['’\"”]",
          "Putting their word in quote marks (scare quotes) says you don't believe it.",
          "Thank you for the feedback."),
    _rule("sarcasm", r"\bvery (?:helpful|useful|informative)\.(?=\s*$)",
          "After a complaint, “Very helpful.” reads as sarcasm.",
          "Thank you — could you share a little more detail?"),
    # --- hostile: insults, accusations, threats
    _rule("hostile", r"\byour loss\b",
          "“Your loss” tells them they made a mistake and burns the bridge.",
          "I'd be glad to stay in touch for future roles."),
    _rule("hostile", r"\b(?:come to |will |going to )regret\b",
          "Predicting they'll regret it reads as a threat.",
          "I remain interested in the team and would welcome future opportunities."),
    # (insults about them are found by _insult_flags, which checks who they are aimed at)
    _rule("hostile", r"\b(?:shame on you|how dare you|you should be ashamed|you people|you lot)\b",
          "This attacks them personally and will be remembered.",
          "I was disappointed by the decision."),
    _rule("hostile", r"\b(?:been|felt|feel|was|am|i'?m) (?:so |very |really |deeply |quite )?(?:insulted"
                     r"|disrespected|"
          r"humiliated|offended|mistreated)\b[^.!?]*",
          "Saying they insulted you is an accusation, however it felt.",
          "The interview didn't go as I'd hoped, and I'd welcome feedback."),
    _rule("hostile", r"\bi (?:don'?t|do not) appreciate\b[^.!?]*|\b(?:baffled|stunned|shocked|astonished|"
          r"flabbergasted|gobsmacked|appalled) (?:that you|by you|by your|at your|at the way"
          r"|by the way)\b[^.!?]*",
          "Saying you're shocked by them, or don't appreciate what they did, reads as a rebuke.",
          "I was surprised by the outcome, so I'd value any feedback."),
    _rule("hostile", r"\b(?:don'?t|doesn'?t|didn'?t|if|whether|no one|nobody) (?:\w+ ){0,3}knows? what "
          r"(?:they'?re|you'?re|he'?s|she'?s) doing\b[^.!?]*",
          "Questioning their competence is an insult.",
          "(leave it out)"),
    _rule("hostile", r"\b(?:no idea what you'?re doing|makes? no sense|doesn'?t make (?:any )?sense)\b",
          "This tells them their decision was senseless, which reads as an attack.",
          "Could you help me understand how the decision was made?"),
    _rule("hostile", r"\b(?:leav(?:e|ing) (?:a|an honest) review|glassdoor|legal action|"
          r"my (?:lawyer|solicitor)|(?:employment )?tribunal|(?:make|making|file"
          r"|filing) a (?:formal )?complaint|"
          r"take this further|name and shame|report you|tell everyone|formally complain|complain about|"
          r"(?:raise|lodge|register) a (?:formal )?complaint)\b[^.!?]*",
          "A threat, even a hinted one, ends the relationship and can follow you.",
          "(leave it out; if something was genuinely wrong, raise it separately and calmly)"),
    _rule("hostile", r"\b(?:what a|complete|total|utter)? ?waste of (?:my |everyone'?s )?time\b",
          "Calling the process a waste of time reads as bitter.",
          "Thank you for the opportunity to interview."),
    _rule("hostile", r"\b(?:i'?m|i am|i was|i feel|i felt)(?: \w+)? (?:furious|livid|fuming|outraged"
                     r"|appalled|"
          r"disgusted|insulted|angry|infuriated|offended|incensed)\b",
          "Telling them you're angry puts them on the defensive; disappointed says it without heat.",
          "I'm disappointed by the decision."),
    _rule("hostile", r"\b(?:wtf|ffs|f\*+k?|bloody|damn(?:ed)?|crap|bullshit|bs|piss(?:ed)? off|sucks)\b",
          "Swearing reads as anger in a professional message.",
          "(leave it out)"),
    _rule("hostile", r"[🙄😒😤😡🤬🖕]",
          "This emoji reads as contempt or anger.",
          "(leave it out)"),
    _rule("hostile", r"\b(?:apply(?:ing)?|go(?:ing)?|work(?:ing)?|join(?:ing)?|tak(?:e|ing) my \w+) (?:to"
                     r"|for|with) "
          r"(?:your|a) (?:competitor|rival)s?\b[^.!?]*",
          "Announcing you're going to their competitor reads as a threat.",
          "(leave it out)"),
    _rule("hostile", r"\bsomeone (?:cheaper|younger|less qualified|less experienced|who (?:costs"
                     r"|will cost) less)\b",
          "Suggesting they chose on cost or age is an accusation.",
          "I hope the new starter settles in well."),
    _rule("hostile", r"\byou(?:'ve| have)? (?:really |just )?missed out\b[^.!?]*",
          "“You missed out” is “your loss” in other words, and burns the bridge.",
          "I'd be glad to stay in touch for future roles."),
    _rule("hostile", r"\bsome (?:graduate|kid|junior|intern|newbie)\b",
          "Belittling whoever got the job reads as bitter.",
          "another candidate"),
    _rule("hostile", r"\b(?:she|he|they|you) lied\b|\blied to me\b|\bfor no reason\b",
          "An accusation of lying or acting for no reason reads as hostile.",
          "I understood from my conversation with the recruiter that I was a strong candidate; "
          "could you help me understand what changed?"),
    _rule("hostile", r"\bare you serious\b|\byou must be joking\b|\byou'?re (?:kidding|joking)\b",
          "Disbelief like this reads as angry.",
          "Thank you for letting me know."),
    _rule("hostile", r"\b(?:can'?t|cannot|unable to|doesn'?t|don'?t) (?:recognise|recognize|spot"
                     r"|see) talent\b",
          "Saying they can't recognise talent insults them and reads as bitter.",
          "I was disappointed not to be selected."),
    # --- blame aimed at them
    _rule("blame", r"\b" + _YOU + r" (?:clearly |obviously |just |even )*(?:got it wrong|were wrong"
                                  r"|made a mistake|"
          r"messed (?:it )?up|changed your mind|failed to \w+|hadn'?t (?:even )?(?:read|looked|prepared)|"
          r"didn'?t (?:even )?(?:read|listen|bother|understand|look|prepare|care)|"
          r"never (?:read|listened|bothered|looked|meant)|wasted my)\b",
          "This puts the fault on them, which makes them defend their decision rather than help you.",
          "I'd appreciate understanding how the decision was reached."),
    _rule("blame", r"\bif you had (?:bothered|taken the time|actually|even)\b[^.!?]*|\bbothered to\b",
          "“If you had bothered…” accuses them of not trying.",
          "I'd be glad to walk you through the relevant work in my portfolio."),
    _rule("blame", r"\b(?:badly|poorly) (?:written|organised|organized|run|managed|designed|explained"
                   r"|communicated)\b",
          "Blaming the brief or process for your result reads as an excuse.",
          "I'd welcome any advice on how I could have approached the brief differently."),
    _rule("blame", r"\bbetter prepared than you\b|\byou(?:'ll| will)? (?:be )?(?:a bit )?better prepared\b|"
          r"\b" + _YOU + r" (?:was|were|seemed) (?:badly |poorly |un)prepared\b",
          "Telling them they were unprepared turns a thank-you into a complaint.",
          "Thank you for the interview today."),
    _rule("blame", r"\byou (?:ignored|ghosted|misled|let me down|strung me along|led me on|kept me waiting|"
          r"promised|wasted|never bothered|couldn'?t even|didn'?t even|didn'?t bother|can'?t even|"
          r"should(?:'ve| have)|ought to)\b",
          "This tells them what they did wrong, which makes them defensive rather than helpful.",
          "I'd appreciate understanding how the decision was reached."),
    _rule("blame", r"\bwhy (?:on earth |exactly |the hell |else )?(?:did|didn'?t|would|wouldn'?t|do|don'?t"
                   r"|does|doesn'?t|"
          r"have|haven'?t|has|hasn'?t)(?: it take)? (?:you|your \w+|they|the \w+|nobody|no one"
          r"|anyone)\b[^.!?]*",
          "A “why did you…” question reads as an accusation.",
          "Could you help me understand …?"),
    _rule("blame", r"\b(?:your|their|the company'?s|hr'?s) fault\b|\bghost(?:ed|ing|s)\b",
          "This puts the fault on them.",
          "I'd welcome any feedback you can share."),
    _rule("blame", r"\bi (?:would|'d) (?:have )?expect(?:ed)? (?:a company|an employer|an organisation"
                   r"|better|more|you)\b[^.!?]*|"
          r"\bi expected better\b[^.!?]*|\bi expected more (?:from|of) (?:you|your|a company)\b[^.!?]*",
          "“I expected better” is a reprimand.",
          "I was hoping for a different outcome."),
    _rule("blame", r"\b(?:string(?:ing)?|strung|lead(?:ing)?|led) (?:me|candidates|people|us) (?:along"
                   r"|on)\b",
          "Saying they led you on accuses them of bad faith.",
          "I'd understood I was a strong candidate, so I'd value any feedback on what changed."),
    _rule("blame", r"\bhow could you\b[^.!?]*|\b(?:did|does|do|has|had) (?:anyone|anybody|someone|you"
                   r"|they) (?:even |actually |ever )+"
          r"(?:read|look(?:ed)? at|listen(?:ed)? to|open(?:ed)?)\b[^.!?]*",
          "A rhetorical question like this accuses them rather than asking.",
          "Could you tell me how my application was assessed?"),
    _rule("blame", r"(?:^|(?<=[.!?]\s))do better\b|\byou (?:can|could|should|must) do better\b",
          "Telling them to do better is a reprimand.",
          "I'd welcome any feedback you're able to share."),
    _rule("blame", r"\bwast(?:e|ed|es|ing) (?:\w+ ){0,3}(?:my|our|their|people'?s|candidates'?"
                   r"|everyone'?s) "
          r"(?:time|day|week|weekend|evening|life|lives|effort)\b|\bwasted (?:\w+ ){0,3}of my (?:time|life"
          r"|day)\b",
          "Saying they wasted your time is an accusation, however true it feels.",
          "Thank you for the opportunity to interview."),
    _rule("blame", r"\byou(?:'ve| have)? made (?:a |the )?(?:big |huge |serious |terrible |real |massive )?"
          r"(?:mistake|error|wrong (?:call|choice|decision))\b|(?<!i made )(?<!i've made )\b(?:the|a"
          r"|your) (?:wrong|bad|poor) "
          r"(?:decision|choice|call)\b",
          "Telling them their decision was a mistake argues with it.",
          "I was disappointed by the decision, but I respect it."),
    _rule("blame", r"\btook (?:you|them|your \w+|the (?:panel|team|company|recruiter)"
                   r"|(?!me\b)\w+ only) (?:over |nearly |almost |"
          r"about |more than )?(?:a|an|\d+|one|two|three|four|five|six|seven|eight|several|many) ?(?:days?"
          r"|weeks?|months?)\b|"
          r"\bonly took (?!me\b)(?:a|an|\d+|one|two|three|four|five|six|seven|eight|several"
          r"|many) ?(?:days?|weeks?|months?)\b|\bafter you said you would\b|\bonly (?:\w+ ){0,3}(?:days"
          r"|weeks|months) (?:late|after|later)\b",
          "Pointing out that they were late reads as a reprimand.",
          "Thank you for getting back to me."),
    _rule("blame", r"\bnext time,? (?:maybe |perhaps )?(?:try|you (?:could|might|should))\b[^.!?]*",
          "Telling them what to do next time reads as a lecture.",
          "(leave it out)"),
    _rule("blame", r"\b(?:not|never|didn'?t|don'?t|doesn'?t|won'?t) even (?:look|read|open|reply|respond|"
          r"acknowledge|bother|glance|check|listen)\w*\b[^.!?]*",
          "Saying they didn't even look accuses them of not trying.",
          "Could you tell me how my work was assessed?"),
    _rule("blame", r"\b(?:(?:decided|made|chosen) before (?:i|the interview|we)|a done deal|"
          r"(?:just |only |merely )?a formality|a foregone conclusion|box-ticking|a tick-box exercise"
          r"|stitched up|"
          r"(?:known|knew|decided|planned|chosen|intended) all along)\b[^.!?]*",
          "Suggesting the outcome was fixed accuses them of bad faith.",
          "Could you tell me what made the difference in the end?"),
    _rule("blame", r"\breflects? (?:poorly|badly) on\b[^.!?]*|\bsays (?:a lot|everything"
                   r"|it all) about (?:you|your)\b[^.!?]*|"
          r"\bspeaks volumes\b|\bpoorer for it\b",
          "This passes judgement on them, which they'll remember.",
          "I was disappointed by the decision."),
    _rule("blame", r"\bit'?s (?:pretty |very |quite |painfully )?obvious (?:that )?(?:you|they"
                   r"|the \w+)\b[^.!?]*|"
          r"\bit'?s (?:pretty |very |quite |painfully )?clear (?:that )?(?:you|they) (?:had|were|never"
          r"|didn'?t|weren'?t|just|"
          r"already|only)\b[^.!?]*|"
          r"\b(?:had|have|has) (?:someone|somebody|an internal (?:candidate|applicant)|a candidate"
          r"|a friend) "
          r"(?:\w+ )?(?:lined up|in mind)\b",
          "Presenting a suspicion about them as obvious reads as an accusation.",
          "Could you tell me what made the difference in the end?"),
    _rule("blame", r"\bmade it (?:hard|difficult|impossible) for me\b",
          "This makes your result their fault.",
          "I'd have liked more chance to show my experience of …"),
    _rule("blame", r"\b(?:your|the) (?:interviewer|recruiter|panel|manager)\b[^.!?]{0,20}\bjust didn'?t\b",
          "Saying the interviewer didn't understand puts the fault on them.",
          "I may not have explained my approach clearly; I'd welcome the chance to go through it."),
    # --- defensive
    _rule("defensive", r"(?:^|(?<=[.!?]\s))with (?:all )?(?:due )?respect\b|\bwith all due respect\b|"
          r"(?:^|(?<=[.!?]\s))respectfully,",
          "“With respect” usually signals a disagreement is coming, and reads as a challenge.",
          "Thank you for letting me know."),
    _rule("defensive", r"\bi (?:answered|got) (?:every|all the|each) questions? (?:correctly|right)\b",
          "Insisting you answered everything correctly argues with their judgement.",
          "I felt the interview went well, so I'd value any detail on where I fell short."),
    _rule("defensive", r"\bmore experience than (?:anyone|anybody|everyone|any of)\b[^.!?]*",
          "Comparing yourself with their own panel reads as arrogant.",
          "I believe my experience of … is a good match, and I'd welcome feedback on any gaps."),
    _rule("defensive", r"\bi (?:don'?t|do not|can'?t|cannot) (?:see|understand|believe"
                       r"|fathom) how\b[^.!?]*",
          "This challenges their decision rather than asking about it.",
          "Could you help me understand what made the difference?"),
    _rule("defensive", r"\bi think you'?ll find\b|\b(?:my \w+ (?:was|is)|i was|it was) actually (?:correct"
                       r"|right)\b",
          "“I think you'll find…” corrects them, which reads as defensive.",
          "I'd like to understand where my answer fell short, as I believed it was correct."),
    _rule("defensive", r"\bi (?:simply |just |really )?(?:don'?t|do not|cannot|can'?t"
                       r"|refuse to) accept\b[^.!?]*",
          "Refusing to accept their decision argues with it.",
          "I was disappointed by the decision, and I'd value any feedback."),
    _rule("defensive", r"\b(?:your|the) (?:feedback|decision|assessment|scoring|reasoning|interviewer"
                       r"|panel|conclusion|"
          r"notes?|view|marking)\b[^.!?]{0,20}\b(?:is|was|are|were) (?:simply |just |completely |totally "
          r"|plainly )?"
          r"(?:wrong|incorrect|mistaken|flawed|inaccurate|false|untrue)\b|\byou'?re (?:wrong|mistaken)\b"
          r"|\bi can prove it\b",
          "Telling them they are wrong argues with their judgement.",
          "I saw it differently, and I'd value the chance to understand your view."),
    _rule("defensive", r"\bwhat (?:more|else) (?:(?:could|did|do|would|can) )?(?:you"
                       r"|they) (?:possibly )?(?:want|expect|need|ask)\w*\b[^.!?]*",
          "This implies you gave them everything, which argues with the decision.",
          "Could you tell me what would have made the difference?"),
    _rule("defensive", r"\bi must point out\b|\bi feel i must\b|\bfor the record\b",
          "This opener signals an argument rather than a reply.",
          "I'd welcome the chance to ask about …"),
    _rule("defensive", r"\bwhich is why my \w+ (?:didn'?t|did not|wasn'?t)\b",
          "Explaining away your result reads as an excuse.",
          "I'd appreciate any advice on how I could improve my submission."),
    _rule("defensive", r"\bi did everything (?:you asked|right|correctly|asked of me)\b"
                       r"|\bi did (?:everything|all) (?:you|that was) asked\b",
          "Insisting you did everything argues with the decision.",
          "I'd value any feedback on what I could do differently."),
    _rule("defensive", r"\bcounts? for less than\b[^.!?]*",
          "Comparing your worth with someone else's reads as resentful.",
          "Could you share which parts of the role my experience didn't cover?"),
    _rule("defensive", r"\bi (?:remain|am) (?:confident|sure|certain) (?:that )?i (?:was"
                       r"|am) (?:the )?(?:strongest|best|right)\b[^.!?,]*",
          "Telling them you were the strongest applicant disputes their decision.",
          "I remain very interested in the team."),
    _rule("defensive", r"\bi (?:was|am|would have been|'d have been) (?:clearly |obviously |absolutely "
                       r"|simply )?"
          r"(?:the )?(?:(?:perfect|ideal|best|strongest|most qualified|more qualified|better qualified)"
          r"(?: (?:fit|person|candidate|applicant|choice))?)"
          r"(?: for (?:this|the) (?:job|role|position))?\b",
          "Insisting you were the right choice argues with a decision already made.",
          "I was excited about the role and remain very interested in the team."),
    _rule("defensive", r"\b(?:someone|somebody|a candidate|they|he|she|the other \w+) (?:with|has|had"
                       r"|having) less\b[^.!?]*"
          r"|\b(?:got|gets|given|offered) the (?:job|role|position) over me\b|\b(?:chose|picked"
          r"|hired) (?:\w+ ){0,3}over me\b",
          "Comparing yourself with whoever got the job reads as resentful.",
          "Could you tell me which parts of the role my experience didn't cover?"),
    _rule("defensive", r"\bno offen[cs]e,? but\b|\bnot to be rude,? but\b|\bjust saying\b"
                       r"|\bi'?m just saying\b",
          "“No offence, but…” announces that what follows will offend.",
          "(leave it out)"),
    _rule("defensive", r"\bthe role i was rejected from\b",
          "Pointing out that they rejected you for this very role reads as a dig.",
          "I see you're hiring for the role again, and I'd still be very interested."),
    # --- demands
    # ("I expect you had many strong applicants" is the British "I suppose", not a demand.)
    _rule("demand", r"\bi (?:demand|insist)\b[^.!?]{0,60}|\bi require (?:an? (?:explanation|answer"
                    r"|response|reply)|answers)\b"
          r"[^.!?]{0,60}|\bi expect (?:a (?:full|proper|detailed|response|reply|written)|an (?:answer"
          r"|explanation|apology|"
          r"update)|the (?:feedback|courtesy)|full|proper|detailed|feedback|answers?|nothing less|you to"
          r"|that you (?:will|would|"
          r"should)|to (?:hear|receive|get|be told))\b[^.!?]{0,60}",
          "Expecting or demanding something they don't owe you reads as entitled.",
          "If you're able to share any feedback, I'd be grateful."),
    _rule("demand", r"\bi (?:want|need) (?:an? (?:explanation|answer|response|reply|reason|proper)"
                    r"|the (?:feedback|reason|"
          r"notes|scores?)|my (?:feedback|scores?|notes|results)|detailed|full|proper|to know|you to"
          r"|answers?|feedback)\b[^.!?]{0,60}"
          r"|\byou need to\b[^.!?]{0,40}",
          "“I want / I need / you need to” reads as an order.",
          "If you're able to share any feedback, I'd be grateful."),
    _rule("demand", r"\bwithin (?:\d+|one|two|three|a few|24|48|72) (?:hours|days|working days"
                    r"|business days)\b"
          r"|\b(?:reply|respond|send|confirm|answer|explain|call"
          r"|get back to me)\w* (?:\w+ ){0,3}(?:immediately|right away|"
          r"at once|without delay)\b",
          "A deadline on a favour reads as a demand.",
          "whenever you have a moment"),
    _rule("demand", r"\bthe (?:very )?least you (?:could|can) do\b[^.!?]*",
          "“The least you could do” tells them they owe you.",
          "If you're able to share any feedback, I'd be grateful."),
    _rule("demand", r"\b(?:can|could) you (?:at least|even)\b[^.!?]*|\bat least (?:tell|give|let|explain"
                    r"|have the)\b[^.!?]*|"
          r"\bhave the (?:decency|courtesy)\b[^.!?]*|\bwho (?:you|they) (?:hired|chose|picked|went with"
          r"|gave (?:it|the job|the role) to)\b",
          "“At least…” makes a request sound like a grievance.",
          "If you're able to share any feedback, I'd be grateful."),
    _rule("pleading", r"\bplease reconsider\b[^.!?]*|\breconsider (?:your|the|this) decision\b"
                      r"|\bi (?:really |desperately )?need this (?:job|role)\b|"
          r"\bi'?m begging\b|\bgive me (?:another|one more|a second) (?:chance|go)\b",
          "Asking them to reverse the decision puts them in an awkward spot and rarely works.",
          "If a similar role comes up, I'd be very glad to be considered."),
    _rule("demand", r"\bi deserved? (?:better|more|an explanation|an answer|feedback|to know"
                    r"|a proper)\b[^.!?]*",
          "Saying what you deserve reads as entitled.",
          "If you're able to share any feedback, I'd be grateful."),
    _rule("demand", r"(?<!you )\btell me why\b[^.!?]*|\bby return\b|\bconfirm (?:immediately|in writing)\b",
          "This is phrased as an order.",
          "Could you help me understand what made the difference?"),
    _rule("demand", r"\byou owe me\b",
          "They don't owe you anything, and saying so reads as hostile.",
          "If you're able to share any feedback, I'd be grateful."),
    # A deadline on *their* reply; "I'll send it by Friday" is the writer's own promise.
    _rule("demand", r"\b(?:from you|your (?:reply|response|answer|feedback)|a (?:reply|response|full \w+"
                    r"|proper \w+)|"
          r"feedback|an (?:answer|explanation)|please (?:reply|respond|confirm|send|explain)|hear back|"
          r"(?:send|give|provide|forward) me)\b[^.!?]{0,40}?"
          r"\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|"
          r"the end of (?:the )?(?:day|week)|end of (?:the )?(?:day|week)|close of business|eod|cob)\b",
          "A deadline on a favour reads as a demand.",
          "whenever you have a moment"),
    _rule("demand", r"(?<!you )(?<!you please )\b(?:please )?explain (?:to me )?why\b|\bi want (?:an"
                    r"|a full) explanation\b|\bi want to know why\b",
          "“Explain why” reads as an order rather than a request.",
          "Could you help me understand what made the difference?"),
    _rule("demand", r"\b(?:refund|reimburse|compensate) me\b|\bi'?d like you to (?:refund|reimburse"
                    r"|pay)\b[^.!?,]*",
          "Asking for money back as part of a rejection reply reads as a grievance.",
          "If your policy covers interview travel, could you let me know how to claim?"),
    _rule("demand", r"\b(?:be )?reviewed by someone (?:more )?senior\b|\bspeak to (?:your|a) (?:manager"
                    r"|supervisor)\b",
          "Going over their heads reads as a demand and a complaint.",
          "Would it be possible to get a little more detail on the decision?"),
    _rule("demand", r"\bi am still waiting\b|\bi'?m still waiting\b",
          "“Still waiting” reads as a complaint about them.",
          "I wondered whether you'd had a chance to look at the feedback?"),
    # --- passive-aggressive
    _rule("passive_aggressive", r"\bper my (?:previous|last|earlier) (?:email|message)\b|\bas i (?:already"
                                r"|previously|have already|"
          r"'ve already) (?:said|mentioned|explained|stated)\b|\bas i said before\b",
          "This is a well-known way of saying “you didn't read my email”.",
          "Following up on my earlier email, …"),
    _rule("passive_aggressive", r"(?:^|(?<=[.!?]\s))again\.(?=\s*$)",
          "A trailing “Again.” points out their failing.",
          "(leave it out)"),
    _rule("passive_aggressive", r"(?:^|(?<=[.!?]\s))interesting\.(?=\s|$)",
          "A one-word “Interesting.” hints at something you don't say, and reads as a dig.",
          "(leave it out, or say plainly what you'd like)"),
    _rule("passive_aggressive", r"\b(?:i'?m|i am) not (?:surprised|shocked)\b|\bnot that (?:it matters"
                                r"|anyone|anybody|you|they|it'?ll)\b[^.!?]*|"
          r"\b(?:one|two|three|single)[- ](?:line|sentence|word) (?:email|reply|response|message"
          r"|rejection)\b|\bfinally (?:replied|reply|"
          r"responded|respond|got back|getting back|heard|hear back|hearing back|hear from you)\b"
          r"|\bnice to finally\b|\b(?:you|finally) got round to\b",
          "This hints at a grievance instead of saying what you'd like.",
          "Thank you for getting back to me."),
    _rule("passive_aggressive", r"(?:^|(?<=[.!?]\s))noted\.(?=\s|$)|\bforget it\b|\bi don'?t care\b"
                                r"|\bmoving on\b\.",
          "A curt brush-off like this reads as irritation.",
          "Thank you for letting me know."),
    _rule("passive_aggressive", r"\banother (?:form|generic|automated|standard|template"
                                r"|copy-(?:and-)?paste[d]?) "
          r"(?:rejection|email|reply|response|letter|message)\b",
          "Pointing out that it's a form letter reads as a complaint.",
          "Thank you for letting me know."),
    _rule("dismissive", r"\b(?:i'?m|i am) not interested in (?:your|any|hearing)\b[^.!?]*"
                        r"|\bi don'?t need your\b[^.!?]*",
          "Turning down their feedback closes the door and reads as a snub.",
          "Thank you for letting me know."),
    _rule("passive_aggressive", r"\b(?:won'?t|will not) (?:waste"
                                r"|take up) (?:any )?(?:more of )?your (?:precious )?time\b[^.!?]*|"
          r"\bi (?:put in|spent|gave up|invested) [^.!?]{0,40}\band (?:got|received|all i got)\b[^.!?]*",
          "This points at their behaviour without saying what you'd like, and reads as a dig.",
          "Thank you for your time."),
    _rule("passive_aggressive", r"\b(?:i guess|i suppose|i'?ll (?:just|keep|leave|stop"
                                r"|take))\b[^.!?]{0,50}\bthen[.!]",
          "Ending on “…then.” reads as a sulk.",
          "Thank you for letting me know."),
    _rule("dismissive", r"\b(?:lol|lmao|smh|rofl)\b",
          "Text-speak like this reads as mocking in a professional message.",
          "(leave it out)"),
    _rule("blame", r"\b(?:that'?s|this is|the way|how) you treat\b[^.!?]*",
          "Commenting on how they treat people is a reprimand.",
          "(leave it out)"),
    _rule("blame", r"(?:^|(?<=[.!?]\s))(?:maybe|perhaps)(?: next time| in future)?,? (?:read|check|look|"
          r"try|reply|respond|treat|learn|actually|bother|update|train)\b[^.!?]*|"
          r"\b(?:next time|in future),? (?:maybe |perhaps |try to |please )?(?:read|check|look at|consider"
          r"|tell|reply|"
          r"respond|give|treat|learn|actually|bother|update|train)\b[^.!?]*",
          "Advising them how to do their job reads as a lecture.",
          "(leave it out)"),
    _rule("bitter", r"\b(?:sick|fed up|sick and tired|tired) (?:of|with)\b[^.!?]*"
          r"|\b(?:i'?ve|i have) had enough\b[^.!?]*",
          "This sounds worn down and resentful, and they may take it personally.",
          "It's been a tough search, but I'm keen to keep going."),
    _rule("blame", r"\bbrush(?:ed)?[- ]off\b|\bfob(?:bed)? (?:me )?off\b|\bpalmed (?:me )?off\b|"
          r"\btreated (?:so |this |very |really )?(?:badly|poorly|appallingly|disgracefully|rudely|"
          r"like (?:dirt|rubbish|a number))\b",
          "This accuses them of treating you badly.",
          "I'd have appreciated a little more detail, if you're able to share it."),
    _rule("blame", r"(?:^|(?<=[.!?]\s))i bet\b[^.!?]*|\bsomeone'?s (?:friend|mate|relative|nephew|niece"
                   r"|son|daughter)\b|"
          r"\bjobs for the boys\b|\bnepotism\b|\bit'?s (?:all )?who you know\b",
          "Guessing that the job was fixed accuses them of unfairness.",
          "Could you tell me what made the difference in the end?"),
    _rule("blame", r"\bhow am i (?:supposed|meant|expected) to\b[^.!?]*",
          "“How am I supposed to…” puts the blame on them.",
          "Would you be able to share one or two things I could improve?"),
    _rule("passive_aggressive", r"\b(?:template|form|generic|automated|standard|copy-(?:and-)?paste[d]?) "
          r"(?:email|rejection|response|reply|letter|message)\b",
          "Pointing out that it's a form letter reads as a complaint.",
          "Thank you for letting me know."),
    _rule("passive_aggressive", r"(?:\.\.\.|…|,)\s*(?:eventually|at last|finally)[.!]*\s*$",
          "A trailing “…eventually” points out how long they took.",
          "Thank you for getting back to me."),
    _rule("dismissive", r"\b(?:never|not|wasn'?t|didn'?t"
                        r"|don'?t)\b[^.!?]{0,40}(?<!thanks )(?<!thank you )\banyway\b",
          "“I didn't want it anyway” reads as sour grapes.",
          "I was disappointed, but thank you for letting me know."),
    _rule("passive_aggressive", r"\bafter all that\b[^.!?]*\?",
          "“After all that” reads as resentment about the effort you put in.",
          "Thank you for letting me know."),
    # --- self put-downs
    _rule("self_put_down", r"\bi'?m (?:so |such |just |a |an |totally |completely |utterly |really "
                           r"|obviously |clearly |"
          r"simply |probably )*"
          r"(?:useless|stupid|an idiot|idiot|a failure|failure|hopeless|worthless|rubbish|pathetic|a loser|"
          r"not good enough|not cut out for|unemployable|unhireable|a lost cause|no good|a disappointment"
          r"|a joke|"
          r"(?:terrible|awful|rubbish|hopeless|useless) at \w+)\b",
          "Running yourself down makes the reader see you the way you describe yourself.",
          "I'm disappointed, and I'm keen to learn from it."),
    _rule("self_put_down", r"\bi'?ll never (?:get|find|be|make)\b[^.!?,]*|\bi will never (?:get|find|be"
                           r"|make)\b[^.!?,]*",
          "Saying you'll never succeed is harsh on yourself and worries the reader.",
          "I'm keen to keep improving."),
    _rule("self_put_down", r"\bi (?:totally |completely |really )?(?:blew|messed up|screwed up|ruined"
                           r"|bombed) (?:it|the interview)\b",
          "Telling them you blew it confirms their decision and undersells you.",
          "I know some of my answers weren't my best, and I'd welcome feedback."),
    _rule("self_put_down", r"\bi knew i'?d (?:mess|blow|screw|fail|bomb|get)\b[^.!?]*|"
          r"\bi always (?:mess|fail|blow|screw|ruin|choke|freeze|panic|get (?:it"
          r"|things) wrong)\w*\b[^.!?]*|"
          r"(?:^|(?<=[.!?]\s))i always do\.",
          "Saying you always fail undersells you to someone who may hire you later.",
          "I don't think I showed my best, and I'd welcome feedback."),
    _rule("self_put_down", r"\b(?:sorry|apologies) for wasting your time\b",
          "You didn't waste their time; apologising for it undersells you.",
          "Thank you for your time."),
    _rule("self_put_down", r"\bi don'?t know why i (?:even )?(?:bother|applied|try|tried)\b",
          "This says you've given up, which no reader can answer well.",
          "I'll keep going, and I'd welcome any advice."),
    _rule("self_put_down", r"\b(?:a )?(?:total|complete|utter) (?:idiot|failure|mess|disaster|fool)\b",
          "Calling yourself names undersells you to someone who may hire you later.",
          "I don't think I showed my best in the interview."),
    _rule("self_put_down", r"\byou won'?t want to (?:hire|see|hear from) me\b",
          "This tells them not to hire you.",
          "I'd be glad to be considered for future roles."),
    # --- absolutes aimed at them or at the world
    _rule("absolute", r"\byou (?:always|never)\b|\byou(?:'ll| will) never\b[^.!?]*",
          "“You always / you never” turns one decision into a character judgement.",
          "This time …"),
    _rule("absolute", r"\b(?:nobody|no one|no-one|no company|no employer)(?: ever)? (?:hires|wants|gives"
                      r"|listens|reads|replies|cares|takes)\b[^.!?]*",
          "An all-or-nothing statement reads as bitter and is rarely true.",
          "This has been a tough search so far."),
    _rule("absolute", r"\bevery (?:single )?(?:company|employer|recruiter|time|one of you)\b[^.!?]*",
          "Generalising to every company reads as bitter.",
          "This has been a tough search so far."),
    _rule("absolute", r"\balways the same\b[^.!?]*",
          "“Always the same” lumps them in with everyone else who turned you down.",
          "(leave it out)"),
    _rule("absolute", r"\banother (?:company|employer|recruiter|firm|organisation) (?:that|who)\b[^.!?]*"
          r"|\bnever trust\b[^.!?]*|\ball (?:you )?(?:recruiters|companies|employers"
          r"|hiring managers) (?:are|do)\b[^.!?]*",
          "Lumping them in with every other employer reads as bitter.",
          "(leave it out)"),
    _rule("absolute", r"\bnever (?:\w+ ){1,5}again\b",
          "“Never … again” burns the bridge for good.",
          "(leave it out)"),
    _rule("absolute", r"\b(?:you|they|recruiters|companies|employers|hr|nobody|no one) (?:\w+ )?never "
          r"(?:give|reply|respond|bother|read|listen|call|get back)\w*\b[^.!?]*|\bnever giving\b[^.!?]*",
          "An all-or-nothing complaint reads as bitter.",
          "(leave it out)"),
    _rule("absolute", r"\beveryone (?:always|else|knows)\b",
          "An all-or-nothing statement reads as bitter.",
          "(leave it out)"),
)

# Insults: flagged when aimed at them, the process or the situation, and not when the
# writer is talking about themselves ("I'm useless" is a self-put-down, handled above).
INSULT_WORDS: tuple[str, ...] = (
    r"mediocre", r"incompetent", r"clueless", r"pathetic", r"unprofessional", r"disgrace(?:ful)?",
    r"shambolic", r"shambles", r"(?:a |complete |total |absolute )joke", r"laughable", r"rude",
    r"ridiculous", r"absurd", r"outrageous", r"appalling", r"farce", r"idiots?", r"morons?",
    r"useless", r"amateur(?:ish)?", r"unacceptable", r"disgusting", r"shameful", r"arrogant",
    r"sham", r"rigged", r"nonsense", r"rubbish", r"worst",
    # ("terrible news" is sadness, not an insult)
    r"(?:terrible|awful|horrible|dreadful)(?! (?:news|shame|pity|feeling|luck|timing|blow))",
    r"biased", r"unfair", r"discriminat(?:ory|ion)", r"insulting", r"condescending",
    r"patronising", r"patronizing", r"lazy", r"careless", r"sloppy", r"disrespectful", r"a mess",
    r"irrelevant", r"pointless", r"meaningless", r"half-hearted",
)

# Sadness is fine to say ("I'm gutted, but I understand"); these negative words are
# therefore never treated as an attack, whoever they are about.
SAD_WORDS: frozenset[str] = frozenset(
    {"disappointed", "disappointing", "disappointment", "sad", "sadly", "saddened", "shame",
     "sorry", "unfortunately", "unfortunate", "miss", "missed", "missing", "hurt", "hurts",
     "tough", "hard", "difficult", "upset", "devastated", "heartbroken", "unsuccessful",
     "reject", "rejected", "rejection", "lost", "loss", "lose", "fail", "failed", "failure",
     "no", "not", "gutted", "worried", "nervous", "anxious", "stress", "stressful", "pain",
     "painful", "bad", "blow", "low", "crushed", "cry", "weak", "mistake", "mistakes", "wrong",
     "problem", "problems", "regret", "regrets", "harsh", "pressure", "grief", "down", "bother",
     "frustrating", "frustrated", "frustration", "gutting", "heartbreaking", "unlucky", "crushing",
     "deflating", "deflated", "sting", "stings", "doubt", "pity", "lonely", "tired", "exhausted"}
)

_FIRST_PERSON = {"i", "i'm", "im", "my", "me", "myself", "i've", "i'd", "i'll", "mine"}
_SECOND_THIRD = {"you", "your", "you're", "yours", "you've", "they", "their", "them", "they're",
                 "he", "she", "his", "her", "this", "that", "process", "company",
                 "interview", "interviewer", "recruiter", "panel", "decision", "team", "email"}

# VADER-assisted rule: thanks for something the lexicon scores as negative ("thank you
# for the rejection") is almost always sarcastic. Words that are negative in VADER but
# normal in a gracious reply are exempt.
_THANKS_FOR = _lazy(
    r"\b(?:thanks?|thank you)(?: you)?(?: (?:so|very) much| a lot| again)? for (?P<obj>[^.,;:!?]{1,60})",
    re.IGNORECASE,
)
GRACIOUS_NEGATIVES: frozenset[str] = frozenset(
    {"honest", "honesty", "feedback", "news", "sorry", "difficult", "hard", "bad", "tough",
     "no", "not", "patience", "concern", "concerns", "delay", "problem", "problems"}
)

# Closing lines that may legitimately follow sad news ("Thanks anyway.", "Best wishes").
_SIGN_OFF = _lazy(r"\b(?:thank|thanks|regards|wishes|sincerely|cheers|best|warmly)\b", re.IGNORECASE)

# Capitalised words that are not shouting: abbreviations and names of things.
NOT_SHOUTING: frozenset[str] = COMMON_ABBREVIATIONS | frozenset(
    {"SQL", "NHS", "API", "APIs", "AWS", "GCP", "UX", "UI", "QA", "IT", "PR", "HTML", "CSS",
     "KPI", "OKR", "CRM", "SEO", "PhD", "MSc", "BSc", "MBA", "STAR", "SAP", "GDPR", "ETL",
     "BI", "ML", "AI", "NLP", "ID", "URL", "PDF", "LLM", "DM", "RE", "FW", "FWD"}
)

_ANALYSER: Any = None
_ANALYSER_LOCK = threading.Lock()


def _analyser() -> Any:
    """The shared VADER analyser, made on first use.

    Importing vaderSentiment and reading its lexicon costs tens of milliseconds, so it
    is deferred until a check actually runs; `import nextround.checks` stays cheap.
    """
    global _ANALYSER
    if _ANALYSER is None:
        with _ANALYSER_LOCK:
            if _ANALYSER is None:
                from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

                _ANALYSER = SentimentIntensityAnalyzer()
    return _ANALYSER


def _compile(patterns: Iterable[str]) -> _LazyPattern:
    return _lazy(r"(?<![\w'])(?:" + "|".join(patterns) + r")(?![\w'])", re.IGNORECASE)


_THEME_RES = {key: _compile(pats) for key, pats in THEME_PATTERNS.items()}
_GENERIC_RE = _compile(GENERIC_PHRASES)
_ANCHOR_RES = {key: _compile(pats) for key, pats in ANCHOR_PATTERNS.items()}
_ANCHOR_RES["named_skill"] = _compile(TECH_TERMS + METHOD_TERMS + REQUIREMENT_TERMS)
_ANCHOR_RES["number"] = _lazy(r"(?<![\w])(?:" + "|".join(NUMBER_PATTERNS) + r")", re.IGNORECASE)
# Case-sensitive: "Go" the language, not "go" the verb; never right after a full stop.
_CASED_SKILL_RE = _lazy(r"(?<![.!?]\s)(?<=\s)(?:" + "|".join(CASED_TECH_TERMS + LANGUAGES) + r")(?![\w'])")
_CASED_TECH_RE = _lazy(r"(?<![.!?]\s)(?<=\s)(?:" + "|".join(CASED_TECH_TERMS) + r")(?![\w'])")
_ACRONYM_RE = _lazy(r"\b[A-Z][A-Z0-9&]{1,5}\b")
# Something they did wrong, for the praise-plus-complaint sarcasm check.
_COMPLAINT_RE = _lazy(
    r"\byou (?:didn'?t|did not|never|forgot|ignored|kept me (?:waiting|hanging|in the dark)"
    r"|couldn'?t be bothered|failed|lost)\b|"
    r"\b(?:weeks?|months?) of (?:silence|waiting|nothing)\b|\bwast(?:e|ed|ing)\b",
    re.IGNORECASE,
)
# A complaint that is really about yourself, or an apology, is not sarcasm.
_SINCERE_RE = _lazy(
    r"\b(?:sorry|apologies|apologise|my fault|i didn'?t|i wasn'?t|even though)\b", re.IGNORECASE
)

# "your <word>" or "<them> is/was <word>": the shapes in which a word judges the reader.
_JUDGED_RE = _lazy(
    r"\b(?:your (?:\w+ )?|(?:you|they|you're|they're|your \w+|the (?:process|company|interview|interviewer|"
    r"recruiter|panel|decision|feedback|email|team|manager)) (?:is|are|was|were|seem|seemed|felt|looked"
    r"|sounded|"
    r"have been|has been) (?:so |very |really |quite |just |completely |totally "
    r"|utterly )?)(?P<word>[a-z]+)\b",
    re.IGNORECASE,
)

# VADER compound at or below which a sentence aimed at them counts as negative.
SENTENCE_NEGATIVE = -0.3
_YOU_RE = _lazy(r"\b(?:you|your|you're|you've|yours|they|their|they're)\b", re.IGNORECASE)
_THANKS_AFTER_RE = _lazy(
    r"\b(?:really|truly|so) appreciate (?:it|that)\b|\bmuch appreciated\b|\bthanks a lot\b|"
    r"\bcheers for that\b|\bgreat job\b|\bwell done\b",
    re.IGNORECASE,
)
_INSULT_RE = _lazy(r"\b(?:" + "|".join(INSULT_WORDS) + r")\b", re.IGNORECASE)
_CLAUSE_BREAK_RE = _lazy(r"[.!?;:,—–]|\bbut\b|\band\b", re.IGNORECASE)
_TONE_RES = tuple((rule, _lazy(rule.pattern, re.IGNORECASE)) for rule in TONE_RULES)
_CAPS_RE = _lazy(r"\b[A-Z][A-Z']{1,}[A-Z]\b|\b[A-Z]{2}\b")
# "!!!", "?!", "??": but a plain "!!" of excitement ("Thank you!!") is let through.
_REPEATED_PUNCT_RE = _lazy(r"!{3,}|[!?]*\?[!?]*!+[!?]*|[!?]*![!?]*\?+[!?]*|\?{2,}|!\s+!\s+!|\?\s+\?")
_SENTENCE_RE = _lazy(r"[^.!?]+[.!?]*")


# ---------------------------------------------------------------------------
# Feedback check
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FeedbackCheck:
    """How useful a piece of employer feedback is to learn from.

    `vague` is the verdict; `score` runs from 0 (nothing concrete) to 1 (several
    concrete anchors); `reasons` explain the verdict in plain words; `themes` are keys
    of `THEMES`; `follow_up_questions` are 2-4 polite questions to send back.
    """

    vague: bool
    score: float
    reasons: list[str]
    follow_up_questions: list[str]
    themes: list[str]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy, with a human label for each theme."""
        return {
            "vague": self.vague,
            "score": self.score,
            "reasons": list(self.reasons),
            "follow_up_questions": list(self.follow_up_questions),
            "themes": list(self.themes),
            "theme_labels": [THEMES[t] for t in self.themes],
        }


# How much the concrete anchors must add up to for feedback to count as specific.
# Each kind of anchor scores about 1, so it takes two different kinds ("your SQL
# answer" + "in round 2"): one on its own ("your technical test wasn't strong enough")
# names *where* but not *what*. Generic phrases pull the total down, because "another
# candidate had more experience with Python" is boilerplate around a single word.
SPECIFIC_THRESHOLD = 1.5
_ANCHOR_WEIGHTS: dict[str, float] = {
    "stage": 1.0,
    "question": 1.0,
    "named_skill": 1.0,
    "example": 1.0,
    "number": 1.0,
    "artefact": 0.75,
    "what_good_looks_like": 1.0,
}
_GENERIC_WEIGHT = 0.5


def _find_anchors(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    stage_spans = [m.span() for m in _ANCHOR_RES["stage"].finditer(text)]
    for kind, rx in _ANCHOR_RES.items():
        matches = list(rx.finditer(text))
        if kind == "artefact":
            # "the group exercise" is one stage, not a stage plus a piece of work.
            matches = [
                m for m in matches
                if not any(s <= m.start() and m.end() <= e for s, e in stage_spans)
            ]
        hits = [m.group(0).strip() for m in matches]
        if kind == "named_skill":
            hits += [m.group(0) for m in _CASED_SKILL_RE.finditer(text)]
            hits += [
                m.group(0)
                for m in _ACRONYM_RE.finditer(text)
                if m.group(0) not in COMMON_ABBREVIATIONS and not m.group(0).isdigit()
            ]
        if hits:
            found[kind] = list(dict.fromkeys(hits))
    return found


def _find_themes(text: str) -> dict[str, list[str]]:
    themes: dict[str, list[str]] = {}
    for key, rx in _THEME_RES.items():
        hits = [m.group(0) for m in rx.finditer(text)]
        if key == "technical_skills":
            hits += [m.group(0) for m in _CASED_TECH_RE.finditer(text)]
        if hits:
            themes[key] = list(dict.fromkeys(hits))
    return themes


def _quote(items: Sequence[str], limit: int = 3) -> str:
    shown = [f"“{i}”" for i in items[:limit]]
    return ", ".join(shown)


# Follow-up question templates per theme. `{what}` is the word the feedback used, so
# the question reads as a reply to *this* feedback. UK English throughout.
_THEME_QUESTIONS: dict[str, str] = {
    "experience": (
        "You mentioned {what}: which experience did the panel feel was missing, and for "
        "which part of the role would it have mattered most?"
    ),
    "technical_skills": (
        "You mentioned {what}: which question or part of the technical assessment fell "
        "short, and what would a strong answer have included?"
    ),
    "communication": (
        "You mentioned {what}: could you point me to a moment in the interview where my "
        "communication could have been clearer, and what would have worked better?"
    ),
    "culture_fit": (
        "You mentioned {what}: was there a particular answer or moment that gave the team "
        "that impression about fit, so I can understand how I came across?"
    ),
    "preparation": (
        "You mentioned {what}: which part of my preparation felt thin (for example the "
        "company, the role or the brief), and what would you have expected me to know?"
    ),
    "competition": (
        "What did the successful candidate show that I didn't, so I can work on that "
        "gap before my next application?"
    ),
    "logistics": (
        "You mentioned {what}: was the decision mainly about practical arrangements, and "
        "if so, would a different arrangement have changed it?"
    ),
    "salary": (
        "You mentioned {what}: was salary or budget a deciding factor, and if so, what "
        "range did you have in mind for the role?"
    ),
}
_QUESTION_NO_STAGE = (
    "At which stage of the process, or in which answer, did this come through most clearly?"
)
_QUESTION_NO_GOOD = (
    "What would a strong answer or application have looked like, so I know what to aim for?"
)
_QUESTION_ONE_THING = (
    "If I could work on just one thing before applying for a similar role, what would you suggest?"
)
_QUESTION_RESOURCE = (
    "Is there a resource or example you'd recommend to help me improve on this?"
)
_QUESTION_AGAIN = (
    "Would you be open to me applying again once I've worked on this?"
)
_EMPTY_QUESTIONS = [
    "Could you tell me at which stage of the process the decision was made, and what "
    "made the difference?",
    "Was there a particular answer or part of my application that fell short, and what "
    "would a strong one have included?",
    _QUESTION_ONE_THING,
]


def _follow_ups(
    themes: dict[str, list[str]], anchors: dict[str, list[str]], vague: bool
) -> list[str]:
    questions: list[str] = []
    # Questions about the themes the feedback raised come first (at most two), because
    # they read as a reply to what was actually said; then questions about what it
    # left out.
    for key in THEMES:
        if key not in themes or len(questions) >= 2:
            continue
        # Quote the word as the employer wrote it; lower-case it unless it's a name
        # or an abbreviation ("SQL", "Excel").
        what = themes[key][0].strip()
        if not (what.isupper() or what[:1].isupper() and key == "technical_skills"):
            what = what.lower()
        questions.append(_THEME_QUESTIONS[key].format(what=f"“{what}”"))
    if vague:
        if not (anchors.keys() & {"stage", "question", "example"}):
            questions.append(_QUESTION_NO_STAGE)
        if "what_good_looks_like" not in anchors:
            questions.append(_QUESTION_NO_GOOD)
        questions.append(_QUESTION_ONE_THING)
    else:
        if "what_good_looks_like" not in anchors:
            questions.append(_QUESTION_NO_GOOD)
        questions += [_QUESTION_RESOURCE, _QUESTION_AGAIN]
    return list(dict.fromkeys(questions))[:4]


def check_feedback(text: str) -> FeedbackCheck:
    """Judge whether employer feedback is specific enough to learn from.

    Concrete anchors (a round, a question, a named skill or tool, an example, a number
    about the candidate's own work, a piece of work, what good would have looked like)
    add to the score; generic rejection phrases ("another candidate", "better fit")
    take away from it. Feedback is vague when the anchors don't add up to
    `SPECIFIC_THRESHOLD`. The reasons name the phrases and anchors found.
    """
    if not text or not text.strip():
        return FeedbackCheck(
            vague=True,
            score=0.0,
            reasons=["There is no feedback text yet, so there is nothing specific to learn from."],
            follow_up_questions=list(_EMPTY_QUESTIONS),
            themes=[],
        )
    anchors = _find_anchors(text)
    generic = list(dict.fromkeys(m.group(0) for m in _GENERIC_RE.finditer(text)))
    themes = _find_themes(text)

    # Each kind of anchor counts once, with a little extra for more evidence of the same
    # kind: two named tools are more concrete than one, but not twice as concrete.
    points = sum(
        _ANCHOR_WEIGHTS[kind] + 0.25 * min(len(hits) - 1, 1) for kind, hits in anchors.items()
    )
    penalty = _GENERIC_WEIGHT * len(generic)
    net = points - penalty
    vague = net < SPECIFIC_THRESHOLD
    # A smooth 0-1 score for display: 0 with no anchors, 0.5 at the threshold.
    score = round(max(0.0, net) / (max(0.0, net) + SPECIFIC_THRESHOLD), 2)

    reasons: list[str] = []
    if generic:
        reasons.append(f"Generic rejection phrasing: {_quote(generic)}.")
    for kind, hits in anchors.items():
        reasons.append(f"Names {ANCHOR_KINDS[kind]}: {_quote(hits)}.")
    missing = [ANCHOR_KINDS[k] for k in ANCHOR_KINDS if k not in anchors]
    if vague:
        key_missing = [
            ANCHOR_KINDS[k]
            for k in ("question", "example", "what_good_looks_like", "stage")
            if k not in anchors
        ] or missing
        if key_missing:
            reasons.append("Missing: " + "; ".join(key_missing) + ".")
        else:
            reasons.append("Missing: enough detail to outweigh the generic phrasing.")
        if not anchors:
            reasons.insert(
                0,
                "Nothing concrete to act on: no round, question, tool, example or piece "
                "of work is named.",
            )
    return FeedbackCheck(
        vague=vague,
        score=score,
        reasons=reasons,
        follow_up_questions=_follow_ups(themes, anchors, vague),
        themes=[key for key in THEMES if key in themes],
    )


# ---------------------------------------------------------------------------
# Tone check
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ToneFlag:
    """One phrase in a draft that may read badly.

    `phrase` is the exact substring of the draft; `kind` is a key of `TONE_KINDS`;
    `why` says in one sentence how it may read; `alternative` is calmer wording.
    """

    phrase: str
    kind: str
    why: str
    alternative: str

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready copy."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class ToneCheck:
    """Whether a draft reply is fine to send, and what to change if not.

    `ok` is True only when there are no flags; `score` runs from 0 (hostile) to 1
    (calm and professional), and mixes the flags with VADER's overall sentiment.
    """

    ok: bool
    score: float
    flags: list[ToneFlag]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {"ok": self.ok, "score": self.score, "flags": [f.to_dict() for f in self.flags]}


def _rule_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    for rule, rx in _TONE_RES:
        for m in rx.finditer(text):
            phrase = m.group(0).strip()
            if not phrase:
                continue
            start = text.index(phrase, m.start())
            out.append((start, start + len(phrase), ToneFlag(phrase, rule.kind, rule.why, rule.alternative)))
    return out


def _shouting_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    for m in _CAPS_RE.finditer(text):
        word = m.group(0)
        # Abbreviations (SQL, NHS, OK) are not shouting; neither is a word with no vowel,
        # which is almost always an abbreviation we don't list.
        if word in NOT_SHOUTING or word.rstrip("S") in NOT_SHOUTING or not re.search(r"[AEIOUY]", word):
            continue
        out.append((m.start(), m.end(), ToneFlag(
            word, "shouting",
            f"“{word}” in capitals reads as raising your voice.",
            word.lower(),
        )))
    return out


def _punctuation_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    for m in _REPEATED_PUNCT_RE.finditer(text):
        # Show the word before the punctuation too, so the flag is easy to find.
        start = max(text.rfind(" ", 0, m.start()) + 1, 0)
        phrase = text[start:m.end()]
        calm = "?" if "?" in m.group(0) else "."
        out.append((start, m.end(), ToneFlag(
            phrase, "punctuation",
            "Repeated “!” or “?” reads as anger or disbelief.",
            text[start:m.start()] + calm,
        )))
    return out


def _negative_words(s: str, cutoff: float = -1.0) -> list[str]:
    """The words of `s` that VADER's lexicon scores at or below `cutoff`."""
    lexicon: dict[str, float] = _analyser().lexicon
    # Capitalised words after the first are names ("Best wishes, Rob"), whatever the
    # lexicon thinks of them.
    words = re.findall(r"[A-Za-z']+", s)
    words = [w for i, w in enumerate(words) if i == 0 or not w[0].isupper() or w == "I"]
    return [w.lower() for w in words if lexicon.get(w.lower(), 0.0) <= cutoff]


def _sentences(text: str) -> list[tuple[int, str]]:
    """(start offset, sentence) for each sentence, trimmed, so offsets stay exact."""
    out = []
    for m in _SENTENCE_RE.finditer(text):
        sent = m.group(0).strip()
        if sent:
            out.append((text.index(sent, m.start()), sent))
    return out


def _sentiment_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    """Sarcasm and insults that only show once you know which words are negative (VADER)."""
    analyser = _analyser()
    lexicon: dict[str, float] = analyser.lexicon
    out = []

    # "Thank you for the rejection": thanks for something negative.
    for m in _THANKS_FOR.finditer(text):
        obj_words = m.group("obj").lower().split()[:5]
        bad = [w for w in _negative_words(" ".join(obj_words)) if w not in GRACIOUS_NEGATIVES]
        if bad and not GRACIOUS_NEGATIVES.intersection(obj_words):
            phrase = m.group(0).strip()
            out.append((m.start(), m.start() + len(phrase), ToneFlag(
                phrase, "sarcasm",
                f"Thanking them for “{bad[0]}” reads as sarcasm.",
                "Thank you for letting me know.",
            )))

    # "…wasting a month of my time, really appreciate it": thanks that follow a complaint.
    for m in _THANKS_AFTER_RE.finditer(text):
        before = text[max(0, m.start() - 150):m.start()]
        bad = [w for w in _negative_words(before, -1.5) if w not in SAD_WORDS]
        if bad:
            out.append((m.start(), m.end(), ToneFlag(
                m.group(0), "sarcasm",
                f"Thanks straight after a complaint (“{bad[-1]}”) reads as sarcastic.",
                "(leave it out)",
            )))

    # A short upbeat sentence straight after a negative one ("…rejected from.
    # Interesting." / "…generic rejection. Very helpful.") is the classic sarcastic beat.
    sentences = _sentences(text)
    for (_, prev), (start, sent) in zip(sentences, sentences[1:]):
        words = re.findall(r"[A-Za-z']+", sent)
        if not (1 <= len(words) <= 4) or _SIGN_OFF.search(sent):
            continue
        if analyser.polarity_scores(sent)["compound"] >= 0.3 and _negative_words(prev, -1.5):
            out.append((start, start + len(sent), ToneFlag(
                sent, "sarcasm",
                "A short upbeat remark right after a complaint reads as sarcasm.",
                "(leave it out)",
            )))

    # A strongly negative word (VADER) said *of* them: "your team is hopeless",
    # "the interviewer was dismissive". Negative nouns in passing ("the crisis") are not
    # a judgement of the reader, so only "your X" and "X is/was <word>" count.
    for m in _JUDGED_RE.finditer(text):
        word = m.group("word").lower()
        if lexicon.get(word, 0.0) > -1.5 or word in SAD_WORDS or _INSULT_RE.fullmatch(word):
            continue
        out.append((m.start(), m.end(), ToneFlag(
            m.group(0), "hostile",
            f"Calling them or their process “{m.group('word')}” reads as an attack.",
            "(describe the outcome and how you feel about it, rather than them)",
        )))
    return out


def _sentence_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    """Whole sentences whose overall tone reads badly, for when no rule names the words.

    A safety net: check_tone keeps one only when no more precise flag already points
    into the same sentence.
    """
    analyser = _analyser()
    lexicon: dict[str, float] = analyser.lexicon
    out = []
    for start, sent in _sentences(text):
        # Praise wrapped round a complaint is the commonest sarcasm: a strongly positive
        # word (VADER) in the same sentence as something they did wrong.
        positive = [w for w in re.findall(r"[a-z']+", sent.lower()) if lexicon.get(w, 0.0) >= 2.0]
        complaint = _COMPLAINT_RE.search(sent) or [
            w for w in _negative_words(sent, -1.5) if w not in SAD_WORDS
        ]
        if positive and complaint and not _SINCERE_RE.search(sent) and not _SIGN_OFF.search(sent):
            out.append((start, start + len(sent), ToneFlag(
                sent, "sarcasm",
                f"“{positive[0]}” next to a complaint reads as sarcasm.",
                "Say plainly what you'd like, or leave it out.",
            )))
            continue
        # A sentence VADER finds negative, aimed at them ("you/your/they"), with a
        # negative word beyond plain sadness: "Shame it took you a month." Sad
        # sentences about yourself ("sorry I missed your call") are left alone.
        if (
            _YOU_RE.search(sent)
            and analyser.polarity_scores(sent)["compound"] <= SENTENCE_NEGATIVE
            and [w for w in _negative_words(sent) if w not in SAD_WORDS]
        ):
            out.append((start, start + len(sent), ToneFlag(
                sent, "blame",
                "This sentence is negative and aimed at them, so it may read as blame.",
                "Say how the outcome felt for you instead, e.g. “I was disappointed by the decision.”",
            )))
    return out


def _aimed_at(text: str, pos: int) -> str | None:
    """Who the words just before `pos` are about: "me", "them" or None (unclear).

    Looks back within the clause for the nearest pronoun or stand-in ("your team",
    "the process"), so "my answers were weak" is about me and "your process is
    a joke" is about them.
    """
    before = text[:pos]
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    for word in reversed(re.findall(r"[A-Za-z']+", clause.lower())):
        if word in _FIRST_PERSON:
            return "me"
        if word in _SECOND_THIRD:
            return "them"
    return None


def _insult_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    out = []
    for m in _INSULT_RE.finditer(text):
        # "I'm useless" is a self-put-down (its own rule); anything else — "your
        # process is a joke", "What a farce." — is an insult aimed outward.
        if _aimed_at(text, m.start()) == "me":
            continue
        out.append((m.start(), m.end(), ToneFlag(
            m.group(0), "hostile",
            f"Calling them or the process “{m.group(0).strip()}” will be remembered long "
            "after the role is filled.",
            "I found the decision disappointing.",
        )))
    return out


def _dedupe(found: list[tuple[int, int, ToneFlag]]) -> list[ToneFlag]:
    # Two rules can fire on the same words; keep the longer phrase of each kind, and
    # keep flags of different kinds because each says something different.
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, ToneFlag]] = []
    for start, end, flag in found:
        if any(
            k.kind == flag.kind and s <= start and end <= e for s, e, k in kept
        ) or any(k.phrase == flag.phrase and s == start for s, e, k in kept):
            continue
        kept.append((start, end, flag))
    return [flag for _, _, flag in kept]


# How much each flag lowers the 0-1 calmness score.
_FLAG_COST = 0.25


def check_tone(text: str) -> ToneCheck:
    """Judge whether a draft reply, thank-you or LinkedIn note is fine to send.

    Rules catch blame aimed at "you/your", sarcasm, absolutes, demands, capitals,
    repeated punctuation, self-put-downs, dismissive and defensive wording; VADER
    helps spot sarcasm (thanks for something negative, an upbeat aside after a
    complaint) and insults. A draft is ok when nothing is flagged; plain sadness
    ("I'm gutted, but I understand") is never flagged on its own.
    """
    if not text or not text.strip():
        return ToneCheck(ok=True, score=1.0, flags=[])
    found = (
        _rule_flags(text)
        + _shouting_flags(text)
        + _punctuation_flags(text)
        + _insult_flags(text)
        + _sentiment_flags(text)
    )
    # A whole-sentence flag only when nothing more precise already points into it.
    for start, end, flag in _sentence_flags(text):
        if not any(s < end and start < e for s, e, _ in found):
            found.append((start, end, flag))
    flags = _dedupe(found)
    compound = _analyser().polarity_scores(text)["compound"]
    # Sentiment only nudges the score: a sad but gracious reply should still score well.
    score = 1.0 - _FLAG_COST * len(flags) - 0.2 * max(0.0, -compound)
    score = round(min(1.0, max(0.0, score)), 2)
    return ToneCheck(ok=not flags, score=score, flags=flags)
