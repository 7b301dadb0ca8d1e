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

    The rules below add up to several hundred alternatives; compiling them all at import
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


def _compile(patterns: Iterable[str]) -> _LazyPattern:
    """One case-insensitive pattern matching any of `patterns` as whole words."""
    return _lazy(r"(?<![\w'])(?:" + "|".join(patterns) + r")(?![\w'])", re.IGNORECASE)


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

# Tools and technical details. They mark the "technical_skills" theme and, like the
# domain terms below, count as a named skill: the employer said *what* was assessed.
TECH_TERMS: tuple[str, ...] = (
    r"sql", r"python", r"pandas", r"java(?:script)?", r"typescript", r"c\+\+", r"c#", r"php",
    r"html", r"css", r"apis?", r"json", r"regex", r"kubernetes", r"docker(?: compose)?",
    r"terraform", r"aws", r"azure", r"linux", r"git(?:hub)?", r"ci/cd", r"excel", r"vlookups?",
    r"pivot tables?", r"macros?", r"powerpoint", r"salesforce", r"jira", r"figma", r"tableau",
    r"power ?bi", r"machine learning", r"statistics", r"regression", r"a/b test(?:s|ing)?",
    r"unit tests?", r"test (?:cases?|coverage)", r"edge[- ]cases?", r"data structures?",
    r"algorithms?", r"hash ?maps?", r"recursion", r"big[- ]o", r"time complexity",
    r"(?:inner|left|right|outer) joins?", r"window[- ]functions?", r"merge", r"indexes",
    r"databases?", r"functions?", r"variables?", r"loops?", r"threads?",
    r"concurrency", r"debugging", r"error handling", r"input validation", r"code review",
    r"refactor(?:ing|ed)?", r"syntax", r"formulas?|formulae", r"charts?", r"spreadsheets?",
)

# Methods, documents, procedures, regulations and tasks across professions: nouns that
# name one thing a candidate can go and look up or practise. One line per field, so a
# missing field is easy to spot and add.
DOMAIN_TERMS: tuple[str, ...] = (
    # methods and frameworks that apply in many jobs
    r"star(?:-style)?", r"agile", r"scrum", r"kanban", r"prince2", r"swot", r"gantt",
    r"root[- ]cause", r"risk (?:assessments?|registers?|logs?)", r"stakeholder map\w*",
    r"backlog", r"sprints?", r"user stor(?:y|ies)", r"roadmap", r"acceptance criteria",
    r"kpis?", r"okrs?", r"metrics?", r"clarifying questions?", r"(?:follow-up|probing) questions?",
    # finance, law and compliance
    r"cash[- ]flow", r"balance sheet", r"p&l", r"dcf", r"valuations?", r"forecast(?:s|ing)?",
    r"accruals?", r"prepayments?", r"depreciation", r"vat", r"reconciliations?", r"ledgers?",
    r"invoices?", r"month[- ]end", r"audit trail", r"margins?", r"pricing", r"gdpr",
    r"subject access requests?", r"ifrs", r"procurement", r"due diligence", r"case law",
    r"clauses?", r"contracts?", r"disclosure", r"compliance", r"legislation", r"regulations?",
    # product, design, marketing and sales
    r"user research", r"usability test(?:s|ing)?", r"user testing", r"wireframes?",
    r"personas?", r"prototypes?", r"mock-?ups?", r"activation rate", r"retention", r"churn",
    r"conversion(?: rate)?", r"funnel", r"campaigns?", r"press release", r"headlines?",
    r"call to action", r"copy ?writing", r"target audience", r"segments?", r"objection handling",
    r"discovery call", r"pipeline", r"upsell(?:ing)?", r"cold call(?:s|ing)?",
    # health, care, teaching and social work
    r"safeguarding", r"care plans?", r"handovers?", r"medication", r"dosages?", r"triage",
    r"infection control", r"patient notes", r"observations", r"lesson plans?", r"curriculum",
    r"differentiation", r"behaviour management", r"marking", r"phonics", r"learning objectives?",
    r"case notes", r"risk of harm", r"consent", r"confidentiality",
    # building, engineering, logistics, hospitality and retail
    r"method statements?", r"building regulations", r"site induction", r"wiring", r"circuits?",
    r"load calculations?", r"tolerances?", r"cad", r"specifications?",
    r"(?:technical |site |cross-section )?drawings?",
    r"routes?", r"dispatch", r"stock (?:count|rotation|control)", r"allergens?",
    r"food (?:hygiene|safety)", r"haccp", r"till", r"rota",
    # customer service and people work
    r"complaints? handling", r"de-?escalat\w*", r"refund (?:process|policy)", r"escalation",
    r"disciplinary", r"grievance", r"onboarding",
)

# Named requirements: a licence, a visa, a qualification or a working pattern tells the
# candidate exactly what was missing.
REQUIREMENT_TERMS: tuple[str, ...] = (
    r"driving licen[cs]e", r"(?:security|dbs) (?:clearance|check)", r"visa", r"right to work",
    r"(?:professional )?(?:qualification|certification|accreditation)s?", r"aca|acca|cima|cipd",
    r"notice period", r"start date", r"fluent \w+", r"on-?call", r"night shifts?",
    r"weekend (?:work|shifts?)", r"shift pattern", r"references?", r"referees?",
)

# Capitalised abbreviations that say nothing about what was assessed; any *other*
# all-capitals word of 2-6 letters in feedback is taken as a named tool or body.
COMMON_ABBREVIATIONS: frozenset[str] = frozenset(
    {"CV", "CVS", "UK", "HR", "OK", "I", "A", "US", "USA", "EU", "CEO", "CTO", "CFO", "FAQ",
     "PS", "NB", "AM", "PM", "TBC", "ASAP", "FYI", "LTD", "PLC"}
)

# Capitalised words that are not names even in mid-sentence.
NOT_NAMES: frozenset[str] = frozenset(
    """I I'm I'd I've I'll Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms
    Dr Team Thanks Thank Dear Hi Hello Best Regards Kind Unfortunately However""".split()
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
        r"office", r"days a week", r"commut\w*", r"relocat\w*", r"location", r"remote",
        r"hybrid", r"on-?site", r"availability", r"late", r"in post", r"travel", r"shifts?",
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
    # the decision, announced without a reason
    r"another (?:candidate|applicant)", r"other (?:candidates|applicants)",
    r"(?:a |the )?(?:better|closer|stronger|right|good) (?:fit|match)", r"(?:more )?closely matched",
    r"(?:stronger|successful|preferred|internal) (?:candidate|applicant)s?",
    r"decided to (?:move forward|proceed|pursue|go) with", r"move forward with",
    r"went (?:with|in) (?:someone|a different direction)", r"a different direction",
    r"after careful consideration", r"on (?:this|that) occasion", r"at this (?:time|stage)",
    r"not the right time", r"(?:tough|difficult|close) (?:call|decision)", r"(?:very|really) close",
    r"competitive", r"high standard", r"strong field", r"edged ahead", r"on balance",
    # an evaluation without an object
    r"(?:a bit |slightly |a little )?more experience", r"the right (?:person|level|profile)",
    r"(?:the )?level (?:we|of seniority|required|needed)", r"(?:enough |more |the )depth",
    r"across (?:our|the|all) (?:criteria|competencies|areas)", r"overall picture", r"overall",
    r"what (?:they|we) (?:were|are) looking for", r"what we usually look for",
    r"weren't quite", r"wasn't quite(?: there)?", r"not quite (?:there|ready|what)",
    r"didn't (?:fully |quite )?(?:align|live up|meet)", r"the requirements of the role",
    r"(?:some|a few) (?:areas|gaps)", r"a number of factors", r"reservations", r"chemistry",
    r"could be better", r"needs? (?:some )?work", r"work on your \w+", r"brush(?:ing)? up",
    r"more thoroughly", r"more strongly",
    r"(?:your )?approach to (?:[\w-]+ing|the (?:role|job|work)|things|work)", r"more support",
    r"demonstrated the competencies", r"interviewed well", r"nothing you did wrong",
    # warm closing lines
    r"a lot to offer", r"know your stuff", r"(?:every|continued) success", r"all the best",
    r"(?:keep|retain|hold) your (?:details|cv) on file|(?:keep|retain) your details",
    r"something will come along", r"keep doing what you're doing", r"you'd benefit from",
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

# Nouns that name a quality of the candidate or a step of the process rather than a
# thing they made or did. Rejection letters reuse this small vocabulary ("your
# experience", "your communication", "your application"), so the list is closed, and
# any *other* noun after "your" is taken to point at one concrete thing ("your cover
# letter", "your risk assessment", "your git history").
GENERIC_NOUNS: frozenset[str] = frozenset(
    """experience experiences background skills skill skillset knowledge communication
    communications confidence approach approaches profile presence energy enthusiasm
    attitude motivation potential understanding interview interviews application
    applications candidacy performance fit level levels depth style manner personality
    answers answer responses response cv cvs resume strengths strength weaknesses weakness
    interest passion ability abilities capability capabilities competencies competency
    credentials qualifications leadership time details career journey progress development
    growth search future way thinking ideas views values patience flexibility effort efforts
    honesty commitment fundamentals total score scores rating ratings feedback expertise
    suitability readiness preparation delivery impression demeanour contribution
    contributions work record achievements accomplishments insights opinion team teams
    questions self best own interpersonal people soft technical overall general""".split()
)
# Little words that end a noun phrase ("your take-home | was …").
_PHRASE_END: frozenset[str] = frozenset(
    """a an the and or but so because as if then than that which who this these those is are
    was were be been being am has have had do does did will would shall should can could may
    might must not no never didn't doesn't don't wasn't weren't isn't aren't hasn't haven't
    hadn't couldn't wouldn't won't can't it to of in on at by for with from into about over
    under during before after up out very really quite too also just only even still we us
    further forward well again today here there now
    our you your they them their felt seemed showed needed need needs lacked made gave took
    came went got meant""".split()
)

# Irregular past tenses: "you said", "you gave", "you wrote" report one thing the
# candidate did. (Regular verbs are recognised by "-ed".)
_IRREGULAR_PAST = (
    r"said|told|gave|brought|chose|fell|wrote|ran|spent|forgot|missed|took|left|began|went|"
    r"drew|built|sent|kept|led|sold|taught|spoke|broke|wore|met|found|paid|dealt|stood|sat|skipped"
)
# Past tenses that only judge the candidate ("you seemed", "you lacked") or name a step
# of the process ("you applied", "you interviewed"): no concrete action in them.
_JUDGING_VERBS = (
    r"seemed|appeared|interviewed|lacked|needed|wanted|deserved|impressed|performed|"
    r"demonstrated|showed|showcased|matched|fitted|excelled|shined|shone|progressed|reached|"
    r"applied|engaged|interested|invested|attended|enjoyed|succeeded|contributed|struggled|"
    r"exceeded|considered|reflected|displayed|expressed|related|connected|scored|ranked|rated"
)
_NUMBER_WORD = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred)"
)
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)

# Patterns for each anchor kind. A match is evidence that the feedback points at
# something concrete the candidate can look at again. Structural shapes come first
# (who did what, to which thing); short word lists only where no shape will do.
ANCHOR_PATTERNS: dict[str, tuple[str, ...]] = {
    "stage": (
        r"(?:round|stage|part) (?:\d+|one|two|three|four|five)",
        r"(?:first|second|third|final|last|1st|2nd|3rd|technical|panel|phone|video|case|"
        r"competency|behavioural|group|second-stage|first-stage|final-stage) "
        r"(?:round|stage|interview|call|screen(?:ing)?)",
        r"role-?play", r"(?:group|in-tray|written) exercise", r"assessment (?:centre|day)",
        r"on-?site", r"trial (?:shift|day|lesson)", r"(?:observed|demo|sample) lesson",
        r"(?:the )?first call",
        # "during the site visit", "at the triage station", "on the shop-floor walk"
        r"(?:at|on|in|during) the (?:[\w-]+ ){1,2}(?:station|walk|visit|tour|shift|simulation|"
        r"scenario|practical|observation|demo|role-?play|case)",
    ),
    "question": (
        # "the estimation question", "questions about X", "when we asked", "asked you to"
        r"the (?!first\b|last\b|final\b|same\b|other\b)[\w-]+ question",
        r"questions? (?:about|on)", r"you were asked", r"tell us about",
        r"(?:we|they|he|she|[A-Z][a-z]+) asked (?:you )?(?:about|how|why|what|whether|if|for|to)",
        r"when (?:we|they|I|he|she|[A-Z][a-z]+) asked", r"your answer (?:to|on|about)",
        r"the difference between", r"didn't ask (?:us )?any questions", r"we asked (?:you|for)",
        r"we gave you",
    ),
    "example": (
        # what the candidate did: "you said", "you jumped", "you didn't mention"
        r"you (?:\w+ly )?(?:" + _IRREGULAR_PAST + r")\b",
        r"you (?:\w+ly )?(?!(?:" + _JUDGING_VERBS + r")\b)[a-z]+ed\b",
        r"you (?:couldn't|could not|weren't able to|were unable to|didn't|did not|never|"
        r"forgot to|failed to) (?!quite\b|really\b|fully\b|always\b|seem\b)\w+",
        r"you (?:don't|do not) (?:currently |yet )?(?:have|hold)",
        r"when you \w+", r"for (?:example|instance)", r"e\.g\.",
        # "your cover letter was addressed to", "the report you submitted"
        r"your (?:[\w-]+ ){0,3}(?:answer|solution|code|model|submission|response|plan|slides?|"
        r"deck|report|letter|portfolio|presentation|query|proposal|script|take-home|test|"
        r"exercise|example|essay|design|draft) (?:was |were )?(?:only|said|says|showed|used|"
        r"returned|ran|took|had no|(?:didn't|did not) (?!quite|really|fully)|"
        r"(?!(?:lacked|needed|impressed|seemed)\b)[a-z]+ed\b)",
        r"the (?:[\w-]+ )?(?!(?:" + "|".join(GENERIC_NOUNS) + r")\b)[\w-]+ (?:that )?you "
        r"(?:" + _IRREGULAR_PAST + r"|[a-z]+ed)\b",
        r"you(?:'d| had) (?:never|not) \w+",
        # a thing with something missing: "the budget had no contingency line"
        r"(?:it|the [\w-]+|your [\w-]+) (?:had|has|contained|included) no \w+",
        r"you (?:weren't|were not|wasn't) (?!quite\b)\w+ (?:\w+ing|with|about|on|of) (?:the|a|an|your|how)",
        r"(?:mixed up|confused|muddled|misread|misunderstood|overlooked|got (?:\w+ )?wrong)",
        r"(?:couldn't|could not|didn't|did not) (?:explain|say|name|state|justify|give|address|answer|"
        r"cover|mention|include)",
        # their own words, quoted
        r"'[^']{3,80}'", r"\"[^\"]{3,80}\"", r"‘[^’]{3,80}’", r"“[^”]{3,80}”",
    ),
    "artefact": (
        r"take[- ]home", r"portfolio", r"case stud(?:y|ies)", r"(?:code|coding|technical|"
        r"written|numerical|verbal|aptitude|psychometric|skills) test", r"in the test",
        r"whiteboard", r"pitch", r"slides?", r"deck", r"cover letter", r"write-up",
        r"submission", r"financial model", r"report", r"assignment", r"work sample", r"essay",
        r"commit(?: history)?", r"git history", r"presentation(?! skills)", r"exercise",
        r"the brief", r"task", r"(?:design |coding |case )?challenge", r"sample (?:work|lesson)",
        r"(?:[\w-]+ )?(?:day |project |business |marketing |sales |lesson |care )plan",
    ),
    "what_good_looks_like": (
        # what a better answer contains
        r"(?:stronger|better|clearer|ideal|model) (?:answer|response)", r"an? (?:strong|good|great) answer",
        r"(?:would|could|should)(?:'ve| have) (?!been\b|liked\b|loved\b|preferred\b|wanted\b|happily\b)\w+",
        r"(?:we|I)(?:'d| would| had)(?: have)? (?:hoped|expected|wanted|liked) (?:you(?:'d)?|to|a|an|the|"
        r"more)",
        r"we(?:'d| would)? expect(?:ed)?", r"(?:we were|we're|we are) looking for (?:at least|evidence|"
        r"experience (?:of|with|in))", r"(?:needed|expected|wanted|hoped) to (?:see|hear)",
        r"we (?:need|needed|require|required) (?:you|two|three|the|references|evidence|to see)",
        r"the (?:role|job|position|post|brief) (?:requires|required|needs|needed|asked|"
        r"involves|calls for|said|was for)", r"we asked for", r"(?:was|were) needed",
        r"instead of", r"rather than", r"whereas", r"without \w+ing", r"such as", r"the limit is",
        r"the correct",
        r"the right answer", r"would help", r"one thing to work on", r"next time,? (?:try|focus|"
        r"bring|include|prepare|practise|practice)",
        r"(?:against|above|below|over|under|beyond|exceeded|exceeding|missed) (?:the|a|an|our) (?:\S+ )?"
        r"(?:limit|budget|brief|maximum|minimum|range|cap|target|deadline|word count|time limit)",
        # an enumeration of points: "(1) … (2) …", "three things:", "first, … second, …"
        r"\(?(?:1|i|a)\)\s.{3,}?\(?(?:2|ii|b)\)", r"first(?:ly)?,.{3,}?second(?:ly)?,",
        r"(?:two|three|four|2|3|4) (?:things|points|areas|gaps|issues|changes)\b[^.:]{0,40}:",
        # a contrast that names what was missing: "you explained X, but didn't ask about Y"
        r"but (?:you )?(?:didn't|did not|never|missed|forgot|couldn't|could not|weren't able to)"
        r" (?!quite\b|really\b|fully\b)\w+",
    ),
}

# A number counts as an anchor only when it measures the candidate's own work or a
# requirement they missed ("600 words", "22 minutes late", "three of the eight cases"),
# not the size of the process ("one of 6 finalists", "3 rounds", "5 criteria"). Rather
# than list every unit of work, PROCESS_NOUNS lists the (few) nouns that count the
# process; a number before any other noun is taken as a measurement.
PROCESS_NOUNS: frozenset[str] = frozenset(
    """candidates candidate applicants applicant people finalists finalist interviews interview
    rounds round stages stage criteria criterion roles role positions position vacancies
    vacancy openings hires hire panellists panelists interviewers weeks week months month
    years year days day others out applications shortlisted strong other of people's
    colleagues members managers things areas points""".split()
)
NUMBER_PATTERNS: tuple[str, ...] = (
    r"\d+(?:[.,]\d+)?\s?(?:%|per ?cent|percent)",                   # 70%, 40 per cent
    r"[£$€]\s?\d[\d,.]*\s?k?",                                      # a figure of money
    r"o\(n(?:\^?2|²| log n)?\)",                                     # O(n²)
    r"\d{1,2}(?:st|nd|rd|th)? (?:" + MONTHS + r")",                 # a date
    r"(?:by|from|until|before|mid-|early|late) (?:" + MONTHS + r")", r"\((?:" + MONTHS + r")\)",
    r"(?:page|question|slide|step|part|task|section|line|exercise|day|week|month) \d+",
)

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


_THEME_RES = {key: _compile(pats) for key, pats in THEME_PATTERNS.items()}
_GENERIC_RE = _compile(GENERIC_PHRASES)
_ANCHOR_RES = {key: _compile(pats) for key, pats in ANCHOR_PATTERNS.items()}
_ANCHOR_RES["named_skill"] = _compile(TECH_TERMS + DOMAIN_TERMS + REQUIREMENT_TERMS)
_ANCHOR_RES["number"] = _compile(NUMBER_PATTERNS)
_ACRONYM_RE = _lazy(r"\b[A-Z][A-Z0-9&]{1,5}s?\b")
# A capitalised word that does not start a sentence: a name of a tool, a place, a
# language, a product or a body ("Excel", "Leeds", "German", "the Care Act").
_NAME_RE = _lazy(r"(?<![.!?:;]\s)(?<![.!?:;]\s[\"'‘“(])(?<=[\s(\"'‘“])"
                 r"([A-Z][a-z][\w'’-]*(?:\s[A-Z][a-z][\w'’-]*)*)(?![\w'’])")
# After a name, a verb of speech means it is a person on the panel ("Sam asked"), who
# is already covered by the question or example the sentence goes on to give.
_PERSON_VERB_RE = _lazy(r"\s(?:asked|said|felt|mentioned|thought|noted|liked|wanted|and)\b")
# "your <up to four words>": the noun phrase the feedback points at.
_YOUR_PHRASE_RE = _lazy(r"\byour((?:\s+[\w'’-]+){1,4})", re.IGNORECASE)
# A number and up to four words after it ("600 words", "three of the eight cases").
_COUNT_RE = _lazy(r"(?<![\w£$€.,])(" + _NUMBER_WORD + r")(?:-|\s)((?:[\w'’-]+\s?){1,4})",
                  re.IGNORECASE)


def _names(text: str) -> list[str]:
    """Capitalised words in mid-sentence, run together: "Excel", "Leeds", "Care Act"."""
    return [
        m.group(1) for m in _NAME_RE.finditer(text)
        if m.group(1).split()[0] not in NOT_NAMES and not _PERSON_VERB_RE.match(text, m.end())
    ]


def _your_things(text: str) -> list[str]:
    """"your cover letter", "your risk assessment": things the candidate made or did.

    The head of the phrase (its last noun before a verb or little word) decides: a
    generic quality ("your experience", "your communication skills") does not count.
    """
    out = []
    for m in _YOUR_PHRASE_RE.finditer(text):
        words = []
        for word in m.group(1).split():
            if word.lower() in _PHRASE_END or word.lower().endswith("ly"):
                break
            words.append(word)
        if words and words[-1].lower().strip("'’") not in GENERIC_NOUNS:
            out.append("your " + " ".join(words))
    return out


def _measurements(text: str) -> list[str]:
    """Numbers that measure the candidate's work: "600 words", "20 minutes late".

    The first noun after the number decides: a noun that counts the process
    ("6 finalists", "3 rounds", "12 months") does not count, unless it is followed by
    what the time was *of* or *late* by ("two years of Kubernetes", "20 minutes late").
    """
    out = []
    for m in _COUNT_RE.finditer(text):
        words = [w.lower() for w in m.group(2).split()]
        while words and words[0] in {"of", "out", "the", "our", "your", "more", "or", "to"}:
            words.pop(0)
            while words and re.fullmatch(_NUMBER_WORD, words[0], re.IGNORECASE):
                words.pop(0)
        if not words:
            continue
        noun, after = words[0], words[1:2]
        # "a 10-minute brief", "a 30-day period": a number joined to its unit is a limit.
        if noun in PROCESS_NOUNS and not m.group(0)[len(m.group(1))] == "-":
            if not (after and (after[0] in {"late", "early", "behind"} or after[0] == "of"
                                and len(words) > 2 and words[2] not in GENERIC_NOUNS)):
                continue
        if noun in _PHRASE_END or noun in GENERIC_NOUNS:
            continue
        out.append(m.group(0).strip())
    return out


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
            hits += [m.group(0) for m in _ACRONYM_RE.finditer(text)
                     if m.group(0).rstrip("s") not in COMMON_ABBREVIATIONS]
            hits += _names(text)
        elif kind == "artefact":
            hits += _your_things(text)
        elif kind == "number":
            hits += _measurements(text)
        if hits:
            found[kind] = list(dict.fromkeys(hits))
    return found


def _find_themes(text: str) -> dict[str, list[str]]:
    themes: dict[str, list[str]] = {}
    for key, rx in _THEME_RES.items():
        hits = [m.group(0) for m in rx.finditer(text)]
        if hits:
            themes[key] = list(dict.fromkeys(hits))
    return themes


def _quote(items: Sequence[str], limit: int = 3) -> str:
    shown = [f"“{i}”" for i in items[:limit]]
    return ", ".join(shown)


# Follow-up question templates per theme. `{what}` is the word the feedback used, so
# the question reads as a reply to *this* feedback. UK English throughout.
_THEME_QUESTIONS: dict[str, str] = {
    "experience": "You mentioned {what}: which experience did the panel feel was missing, and for "
                  "which part of the role would it have mattered most?",
    "technical_skills": "You mentioned {what}: which question or part of the technical assessment "
                        "fell short, and what would a strong answer have included?",
    "communication": "You mentioned {what}: could you point me to a moment in the interview where my "
                     "communication could have been clearer, and what would have worked better?",
    "culture_fit": "You mentioned {what}: was there a particular answer or moment that gave the team "
                   "that impression about fit, so I can understand how I came across?",
    "preparation": "You mentioned {what}: which part of my preparation felt thin (for example the "
                   "company, the role or the brief), and what would you have expected me to know?",
    "competition": "What did the successful candidate show that I didn't, so I can work on that gap "
                   "before my next application?",
    "logistics": "You mentioned {what}: was the decision mainly about practical arrangements, and if "
                 "so, would a different arrangement have changed it?",
    "salary": "You mentioned {what}: was salary or budget a deciding factor, and if so, what range "
              "did you have in mind for the role?",
}
_QUESTION_NO_STAGE = "At which stage of the process, or in which answer, did this come through most clearly?"
_QUESTION_NO_GOOD = "What would a strong answer or application have looked like, so I know what to aim for?"
_QUESTION_ONE_THING = (
    "If I could work on just one thing before applying for a similar role, what would you suggest?"
)
_QUESTION_RESOURCE = "Is there a resource or example you'd recommend to help me improve on this?"
_QUESTION_AGAIN = "Would you be open to me applying again once I've worked on this?"
_EMPTY_QUESTIONS = [
    "Could you tell me at which stage of the process the decision was made, and what made the difference?",
    "Was there a particular answer or part of my application that fell short, and what would a strong "
    "one have included?",
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


def _specificity(anchors: dict[str, list[str]], generic: list[str], names: set[str]) -> float:
    """The scoring rule: concrete anchors add, generic phrases take away.

    Each kind of anchor counts once, with a little extra for more evidence of the same
    kind (two named tools are more concrete than one, but not twice as concrete). A
    named skill made only of capitalised names ("Northgate Council", "the Graduate
    Programme") counts half, because the name is often the employer's own.
    """
    points = sum(
        _ANCHOR_WEIGHTS[kind] * (0.5 if kind == "named_skill" and names.issuperset(hits) else 1)
        + 0.25 * min(len(hits) - 1, 1)
        for kind, hits in anchors.items()
    )
    return points - _GENERIC_WEIGHT * len(generic)


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
    net = _specificity(anchors, generic, set(_names(text)))
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
    """A family of patterns for one tone problem; `why` and `alternative` are shown to the user."""

    kind: str
    pattern: str
    why: str
    alternative: str



def judged_feedback(text: str) -> dict[str, Any]:
    """What the answers keep of the check: `vague` and `themes` (null and none for no text).

    Every way feedback is recorded — the workbook's form, the Python API — saves
    the same judgement, so the journal's themes do not depend on how it was typed.
    """
    if not text.strip():
        return {"vague": None, "themes": []}
    result = check_feedback(text)
    return {"vague": result.vague, "themes": list(result.themes)}

def _rule(kind: str, why: str, alternative: str, *patterns: str) -> _ToneRule:
    return _ToneRule(kind, "|".join(patterns), why, alternative)


# Building blocks for the rules. Patterns are case-insensitive. Most end in _REST so
# that the flagged phrase runs to the end of the offending clause, which is what a
# person needs to see to rewrite it.
_REST = r"[^.!?]*"
_START = r"(?:^|(?<=[.!?]\s))"  # the start of a sentence
# "you", "they" or someone on their side ("your interviewer", "the panel").
_YOU = (
    r"(?:you|they|(?:your|the) (?:interviewer|recruiter|panel|team|manager|hiring manager|hr team|"
    r"company|process|colleague)s?)"
)
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|a few|several|many)"
_LEAVE_IT = "(leave it out)"
_THANKS = "Thank you for letting me know."
_FEEDBACK = "If you're able to share any feedback, I'd be grateful."
_WELL = "I wish you and the team well."
_UNDERSTAND = "Could you help me understand what made the difference?"
_CALMLY = "(leave it out; if something was genuinely wrong, raise it separately and calmly)"

# One rule per *move* a reader takes personally, grouped by kind. Each family lists the
# shapes the move takes; adding a phrasing usually means adding one alternative.
TONE_RULES: tuple[_ToneRule, ...] = (
    # --- dismissive: brushing them off, closing the door
    _rule("dismissive", "This brushes them off, and reads as contempt or irritation.", _THANKS,
          _START + r"whatever(?: you say)?\b", r"\bwhatever (?:they|that|those|it|this) "
          r"(?:were|was|means|is|are|meant)\b", r"^(?:(?:ok|okay),? )?(?:fine|ok|okay|right)\.(?=\s|$)",
          r"\bit'?s fine\.(?=\s|$)", r"\bi'?m done\b", r"\b(?:i )?couldn't care less\b",
          r"\bgood riddance\b", r"\bdon'?t bother\b", r"\b(?:lol|lmao|smh|rofl)\b", _START + r"forget it\b",
          r"\bi don'?t care(?:\.| any ?more| what)", _START + r"moving on\."),
    _rule("dismissive", "This closes a door you may want open later, and reads as a parting shot.",
          "I'd be glad to be considered for future roles.",
          r"\b(?:don'?t expect me to |(?:won'?t|will not|shan'?t|never) (?:be )?)(?:apply|bother|work|"
          r"interview)\w* (?:\w+ ){0,3}again\b",
          r"\b(?:please )?(?:don'?t|do not|never) (?:contact|email|call|message) me\b" + _REST,
          r"\bremove me from\b" + _REST,
          r"\bstop (?:sending|emailing|contacting|calling|messaging)\b" + _REST,
          r"\blose my (?:number|details)\b",
          r"\b(?:i'?m|i am) not interested in (?:your|any|hearing)\b" + _REST,
          r"\bi don'?t need your\b" + _REST,
          r"\b(?:never|not|wasn'?t|didn'?t|don'?t)\b[^.!?]{0,20}\b(?:want|need|like|care|interested|matter|"
          r"bother)\w*\b[^.!?]{0,20}(?<!thanks )(?<!thank you )\banyway\b",
          r"\b(?:wouldn'?t|would not|needn'?t|need not) have bothered\b" + _REST),
    # --- sarcasm: polite words, opposite meaning
    _rule("sarcasm", "This is a stock sarcastic phrase: the words are polite, the meaning isn't.", _THANKS,
          r"\b(?:thanks|cheers|thank you) for nothing\b", r"\bthanks?(?: you)?[^.!?]{0,60}?,? i guess\b",
          r"\bwhat an honour\b", r"\bwhat a (?:surprise|shock)\b", r"\bnice of you to\b" + _REST,
          r"\bmust be nice\b", r"\bhow convenient\b", r"\byeah,? right\b", r"\bwho would have thought\b",
          r"\bshocker\b", r"(?<!i'm )(?<!i am )\bsure you (?:did|were|are)\b", r"\blet me guess\b",
          r"\b(?:funny|strange|odd) how\b" + _REST, r"\bgreat, another\b", r"\boh,? great\b",
          r"\bbrilliant, another\b", r"\bhardly (?:call|count|what i'?d call)\b" + _REST,
          r"\bif you can call it\b" + _REST, r"\bvery (?:helpful|useful|informative)\.(?=\s*$)",
          r"\bfine,? (?:totally|absolutely|completely|really|just) fine\b",
          r"\((?:not|not!|sarcasm|/s)\)|(?<=\s)/s\b", r"\bit'?s not (?:like|as if) i \w+\b" + _REST,
          r"\bnot holding my breath\b", r"\b(?:a )?bit rich\b" + _REST,
          r"\b(?:you'?d|you would|one would|one'?d) (?:have )?(?:think|thought) (?:a|an|the|they|that|"
          r"someone|your|you)\b" + _REST,
          r"\badd(?:ing)? (?:it|this|you) to (?:my|the) (?:collection|pile|list)\b" + _REST,
          r"\b(?:apply|applying|go|going|work|working|stick) (?:to|for|with) (?:\w+ ){0,2}(?:companies|"
          r"employers|places|firms|people|recruiters) (?:that|who) actually\b" + _REST),
    _rule("sarcasm", "A one-word reaction with a full stop reads as flat sarcasm or disbelief.", _LEAVE_IT,
          _START + r"(?:wonderful|great|brilliant|fantastic|perfect|lovely|marvellous|super|awesome|"
          r"terrific|charming|splendid|figures|ha|hah|lol|go figure|as expected|of course not|unreal|nice|"
          r"cool|amazing|incredible|priceless|classy|right|sure|not)\.(?=\s|$)",
          _START + r"(?:wow|typical|classic|unbelievable|incredible|seriously|really)[.!?]+(?=\s|$)",
          r"\bjust wow\b", _START + r"typical\b" + _REST),
    _rule("sarcasm", "Thanking or praising them for what it cost you is sarcasm.",
          "Thank you for the opportunity to interview.",
          r"\bthanks? (?:you )?(?:so much |very much |a lot )?for wasting\b",
          r"\b(?:wonderful|great|fantastic|brilliant|lovely|excellent|marvellous|super|perfect|productive|"
          r"good|fun) (?:use|way to spend|way of spending) (?:of )?my\b" + _REST,
          r"\b(?:lovely|nice|great|wonderful|fantastic|brilliant|charming|delightful|good) to (?:be|get|"
          r"have been) (?:\w+ )?(?:rejected|ignored|ghosted|turned down|dismissed|kept waiting|strung "
          r"along|messed around|fobbed off)\b" + _REST,
          r"\bafter " + _NUM + r" (?:days|weeks|months) of (?:silence|nothing|waiting)\b"),
    _rule("sarcasm", "A good wish with a sting in it reads as a jibe.", _WELL,
          r"\bgood luck (?:finding|replacing|getting|with that)\b", r"\byou'?ll need it\b",
          r"\b(?:someone|anyone) (?:as good|better) than me\b", r"\bas good as me\b",
          r"\b(?:i )?hope you'?re (?:happy|pleased|satisfied|proud) with\b" + _REST,
          r"\bhope (?:it|they|he|she|the \w+|your [\w ]{1,20}?) (?:is|was|were|are|turns out) worth it\b",
          r"\bhope (?:they|he|she|the [\w ]{1,20}?|your [\w ]{1,20}?) (?:can|will|is|are|does|do|knows?) "
          r"actually\b" + _REST,
          r"\bhope\b[^.!?]{0,50}\bbetter than (?:the last|the previous|me|i (?:did|would|could)|last "
          r"time)\b" + _REST,
          r"\bi'?m sure (?:the|your|whoever|they|he|she)\b[^.!?]{0,40}\b(?:was|is|will be|'ll be) "
          r"(?:just |simply |absolutely |very )?(?:wonderful|amazing|brilliant|perfect|fantastic|great|"
          r"marvellous|lovely|delightful)\b",
          r"\b(?:less|more) \w+,? but (?:very )?(?:lovely|nice|great|fine|cheap(?:er)?|enthusiastic|keen|"
          r"young(?:er)?)\b",
          r"\b(?:congratulations|well done) on (?:finding|hiring|choosing|picking|getting)\b" + _REST),
    _rule("sarcasm", "This tells them what you think they really value, which reads as a sarcastic "
          "accusation.", _LEAVE_IT,
          r"\b(?:claims?|claimed|supposedly|pretends?|likes? to think) (?:to )?(?:value|care|be|champion|"
          r"support|believe)\b" + _REST, r"\bfunny way of showing\b" + _REST,
          r"\bmeans? nothing (?:to you|to your \w+|to them|these days|any ?more)\b",
          r"\b(?:doesn'?t|don'?t|didn'?t) (?:matter|count|mean anything)(?: to you| any ?more| for "
          r"anything)\b",
          r"\b(?:perhaps|maybe) (?:you|they) (?:were|are|just|wanted|didn'?t|only|never)\b" + _REST,
          r"\byes-m[ae]n\b"),
    # Scare quotes: a lower-case word or two in quote marks. Quoted titles ('Data
    # Analyst') start with a capital and are left alone.
    _rule("sarcasm", "Putting their word in quote marks (scare quotes) says you don't believe it.",
          "Thank you for the feedback.",
          r"(?<=\s)(?:the|your|this|that|so-called|is|was|being|as|a|an|my|me|called) (['‘\"“])(?-i:[a-z])"
          r"[\w -]{1,24}['’\"”]"),
    # ("I clearly didn't explain myself well" is self-reflection, not a jab.)
    _rule("sarcasm", "“Clearly”/“obviously” presents your guess about them as fact, and reads as "
          "a jab.",
          "I may have misunderstood, so I'd welcome more detail.",
          r"(?<!i )(?<!i was )(?<!i'm )(?<!i am )\b(?:clearly|obviously)\s+(?:just|not|never|no|hadn'?t|"
          r"didn'?t|wasn'?t|weren'?t|don'?t|doesn'?t|had no|isn'?t|couldn'?t)\b"),
    # --- hostile: insults, threats, parting shots (insults by word are in INSULT_WORDS)
    _rule("hostile", "A threat, even a hinted one, ends the relationship and can follow you.", _CALMLY,
          r"\b(?:leav(?:e|ing) (?:a|an honest) review|glassdoor|legal action|my (?:lawyer|solicitor|union|"
          r"mp)|acas|"
          r"(?:employment )?tribunal|(?:make|making|file|filing) a (?:formal )?complaint|take this further|"
          r"name and shame|report you|tell everyone|formally complain|complain about|(?:raise|lodge|"
          r"register) a (?:formal )?complaint)\b" + _REST,
          # telling others: reviews, social media, warning other candidates off
          r"\b(?:tell|warn|let|shar(?:e|ing)|post|writ(?:e|ing)|inform|alert)\w* (?:[\w']+ ){0,5}?(?:other "
          r"(?:candidates|applicants|people|jobseekers|firms|companies|employers|recruiters)|others|everyone|"
          r"my (?:network|followers|contacts|friends|colleagues)|linkedin|glassdoor|indeed|twitter|reddit|"
          r"social media|online|publicly)\b" + _REST,
          r"\bnot to (?:apply|bother applying|work for)\b" + _REST,
          r"\b(?:come to |will |'ll |going to )regret\b",
          r"\b(?:apply(?:ing)?|go(?:ing)?|work(?:ing)?|join(?:ing)?|tak(?:e|ing) my \w+) (?:to|for|with) "
          r"(?:your|a) (?:competitor|rival)s?\b" + _REST,
          r"\bhope (?:you|they|whoever[^.!?]{0,30}?) (?:can live with|can sleep|knows? what (?:you'?re|"
          r"they'?re|he'?s|she'?s) (?:doing|getting)|don'?t (?:come to )?regret)\b" + _REST),
    _rule("hostile", "Telling them it's their loss, or that you're better off, burns the bridge.",
          "I'd be glad to stay in touch for future roles.",
          r"\byour loss\b", r"\byou(?:'ve| have)? (?:really |just )?missed out\b" + _REST,
          r"\byou(?:'ve| have) lost (?:a|an|out|someone)\b" + _REST,
          r"\byou'?ll (?:realise|realize|see|find out)\b[^.!?]*\b(?:soon enough|one day|eventually)\b",
          r"\b(?:dodged a bullet|(?:had )?a lucky escape|better off without)\b" + _REST,
          r"\b(?:it'?s|that'?s|it is|that is|really|honestly) (?:really |honestly )?no (?:great |real |big )?"
          r"loss\b" + _REST,
          r"\b(?:had|got|received) (?:two|three|several|other|\d+) (?:other )?offers "
          r"(?:since|already)\b" + _REST),
    _rule("hostile", "This attacks them, or the person they chose, and will be remembered.", _LEAVE_IT,
          r"\b(?:shame on you|how dare you|you should be ashamed|you people|you lot)\b",
          r"\b(?:don'?t|doesn'?t|didn'?t|if|whether|no one|nobody) (?:\w+ ){0,3}knows? what (?:they'?re|"
          r"you'?re|he'?s|she'?s) doing\b" + _REST,
          r"\b(?:didn'?t|don'?t|doesn'?t|did not|do not|never) (?:seem to |even |"
          r"really )?know what (?:they|you|he|she) (?:were|are|was|wanted|want)\b" + _REST,
          r"\b(?:no idea what you'?re doing|makes? no sense|doesn'?t make (?:any )?sense)\b",
          r"\b(?:can'?t|cannot|unable to|doesn'?t|don'?t) (?:recognise|recognize|spot|see) talent\b",
          r"\bsomeone (?:cheaper|younger|less qualified|less experienced|who (?:costs|will cost) less)\b",
          r"\bsome (?:graduate|kid|junior|intern|newbie)\b", r"\b(?:she|he|they|you) lied\b",
          r"\blied to me\b",
          r"\b(?:you|they|your \w+)\b[^.!?]{0,40}\bfor no (?:good |apparent )?reason\b",
          r"\bare you serious\b", r"\byou must be joking\b",
          r"\byou'?re (?:kidding|joking)\b", r"\b(?:what a|complete|total|utter)? ?waste of (?:my |a |an |"
          r"the |our |everyone'?s )?(?:\w+ )?(?:time|day|morning|afternoon|evening|weekend|saturday|sunday|"
          r"week|fare|effort)\b"),
    _rule("hostile", "Telling them you're angry or insulted puts them on the defensive; "
          "“disappointed” says it without heat.", "I'm disappointed by the decision.",
          r"\b(?:been|felt|feel|was|am|i'?m) (?:so |very |really |deeply |quite )?(?:insulted|disrespected|"
          r"humiliated|offended|mistreated)\b" + _REST,
          r"\b(?:i'?m|i am|i was|i feel|i felt)(?: \w+)? (?:furious|livid|fuming|outraged|appalled|disgusted|"
          r"insulted|angry|infuriated|offended|incensed)\b",
          r"\bi (?:don'?t|do not) appreciate\b" + _REST,
          r"\b(?:baffled|stunned|shocked|astonished|flabbergasted|gobsmacked|appalled|amazed) (?:(?:that )?"
          r"(?:you|your|a company|an organisation|an? \w+ of your)|by you|by your|at your|at the way|by the "
          r"way|(?:at )?how (?:you|your|badly|poorly|this|it))\b" + _REST),
    _rule("hostile", "Swearing, or an angry emoji, reads as anger in a professional message.", _LEAVE_IT,
          r"\b(?:wtf|ffs|f\*+k?|bloody|damn(?:ed)?|crap|bullshit|bs|piss(?:ed)? off|sucks)\b",
          r"[🙄😒😤😡🤬🖕]"),
    # --- blame: the fault put on them
    _rule("blame", "This tells them what they did wrong, which makes them defend the decision rather "
          "than help you.", "I'd appreciate understanding how the decision was reached.",
          r"\b" + _YOU + r" (?:clearly |obviously |just |even )*(?:got it wrong|were wrong|made a mistake|"
          r"messed (?:it )?up|changed your mind|failed to \w+|hadn'?t (?:even )?(?:read|looked|prepared)|"
          r"didn'?t (?:even )?(?:read|listen|bother|understand|look|prepare|care)|never (?:read|listened|"
          r"bothered|looked|meant)|wasted my)\b",
          r"\byou (?:ignored|ghosted|misled|let me down|strung me along|led me on|kept me waiting|promised|"
          r"wasted|never bothered|couldn'?t even|didn'?t even|didn'?t bother|can'?t even|should(?:'ve| have)|"
          r"ought to)\b",
          r"\b(?:your|their|the company'?s|hr'?s) fault\b", r"\bghost(?:ed|ing|s)\b",
          r"\b(?:string(?:ing)?|strung|lead(?:ing)?|led) (?:me|candidates|people|us) (?:along|on)\b",
          r"\bafter you said you would\b", r"\bmade it (?:hard|difficult|impossible) for me\b",
          r"\bchanged (?:their|your|his|her) minds?\b", r"\bi was promised\b" + _REST,
          r"\b(?:the|a) (?:second|third|fourth|fifth|umpteenth|nth) time (?:you|they|your \w+)\b" + _REST,
          r"\bi can only (?:assume|conclude)\b" + _REST,
          r"\bwhoever\b[^.!?]*\b(?:never|no idea|clearly|obviously|doesn'?t|didn'?t|hasn'?t)\b" + _REST,
          r"\b(?:your|the) (?:interviewer|recruiter|panel|manager)\b[^.!?]{0,20}\bjust didn'?t\b",
          r"\bhow am i (?:supposed|meant|expected) to\b" + _REST),
    _rule("blame", "Saying they didn't try, or treated you badly, is an accusation, however true it feels.",
          "I'd have appreciated a little more detail, if you're able to share it.",
          r"\bif you had (?:bothered|taken the time|actually|even)\b" + _REST, r"\bbothered to\b",
          r"\b(?:not|never|didn'?t|don'?t|doesn'?t|won'?t) even (?:look|read|open|reply|respond|acknowledge|"
          r"bother|glance|check|listen)\w*\b" + _REST,
          r"\b(?:couldn'?t|could not|didn'?t|did not|wouldn'?t) (?:even )?(?:make|find|take) (?:the )?time\b"
          + _REST,
          r"\b(?:seemed|was|were|looked) (?:more|far more|much more) interested in\b" + _REST,
          r"\bwast(?:e|ed|es|ing) (?:\w+ ){0,3}(?:my|our|their|people'?s|candidates'?|everyone'?s) (?:time|"
          r"day|week|weekend|evening|life|lives|effort)\b",
          r"\bwasted (?:\w+ ){0,3}of my (?:time|life|day)\b",
          r"\bbrush(?:ed)?[- ]off\b", r"\bfob(?:bed)? (?:me )?off\b", r"\bpalmed (?:me )?off\b",
          r"\btreated (?:so |this |very |really )?(?:badly|poorly|appallingly|disgracefully|rudely|like "
          r"(?:dirt|rubbish|a number))\b", r"\b(?:that'?s|this is|the way|how) you treat\b" + _REST,
          r"\b(?:handled|managed|run|organised|organized|communicated) (?:so |very |really |extremely )?"
          r"(?:badly|poorly)\b",
          r"\bgiven how (?:\w+ )?(?:disorganised|disorganized|chaotic|badly|poorly|late|rushed|"
          r"unprofessional)\b" + _REST,
          r"\b(?:badly|poorly) (?:\w+ ){0,3}?(?:written|organised|organized|run|managed|designed|explained|"
          r"communicated|handled)\b",
          r"\byou(?:'ll| will)? (?:be )?(?:a bit )?better prepared\b",
          r"\b" + _YOU + r" (?:was|were|seemed) (?:badly |poorly |un)prepared\b"),
    _rule("blame", "Pointing out how long they took reads as a reprimand.",
          "Thank you for getting back to me.",
          r"\btook (?:you|them|your \w+|the (?:panel|team|company|recruiter)|(?!me\b)\w+ only) (?:over |"
          r"nearly |almost |about |more than )?" + _NUM + r" ?(?:days?|weeks?|months?)\b",
          r"\bonly took (?!me\b)" + _NUM + r" ?(?:days?|weeks?|months?)\b",
          r"\bonly (?:\w+ ){0,3}(?:days|weeks|months) (?:late|after|later)\b"),
    _rule("blame", "A “why did you…” or rhetorical question reads as an accusation, not a question.",
          "Could you tell me how my application was assessed?",
          r"\bwhy (?:on earth |exactly |the hell |else )?(?:did|didn'?t|would|wouldn'?t|do|don'?t|does|"
          r"doesn'?t|have|haven'?t|has|hasn'?t)(?: it take)? (?:you|your \w+|they|the \w+|nobody|no one|"
          r"anyone)\b" + _REST,
          r"\bhow could you\b" + _REST,
          r"\b(?:did|does|do|has|had) (?:anyone|anybody|someone|you|they) (?:even |actually |ever )+(?:read|"
          r"look(?:ed)? at|listen(?:ed)? to|open(?:ed)?)\b" + _REST),
    _rule("blame", "Telling them their decision was a mistake, or passing judgement on them, argues "
          "with it.", "I was disappointed by the decision, but I respect it.",
          r"\byou(?:'ve| have|'re| are)? (?:made|making) (?:a |the )?(?:big |huge |serious |terrible |real |"
          r"massive )?(?:mistake|error|wrong (?:call|choice|decision))\b",
          r"(?<!i made )(?<!i've made )\b(?:the|a|your) (?:wrong|bad|poor) (?:decision|choice|call)\b",
          r"\bi (?:would|'d) (?:have )?expect(?:ed)? (?:a company|an employer|an organisation|better|more|"
          r"you)\b" + _REST, r"\bi expected (?:a |an )?(?:better|more|higher)\b" + _REST,
          r"\b(?:a company|an organisation|an employer|a firm|a business) (?:like yours|of your (?:size|"
          r"reputation|standing))\b" + _REST,
          r"\b(?:a bit|a little|slightly|somewhat|much) more (?:respect|courtesy|professionalism)\b" + _REST,
          r"\b(?:i(?:'d| would) )?(?:urge|advise|suggest|recommend) (?:that )?you (?:to )?(?:review|"
          r"reconsider|rethink|improve|train|update)\b" + _REST,
          r"\bi expected more (?:from|of) (?:you|your|a company)\b" + _REST,
          r"\breflects? (?:poorly|badly) on\b" + _REST, r"\bsays (?:a lot|everything|it all) about "
          r"(?:you|your)\b" + _REST, r"\bspeaks volumes\b", r"\bpoorer for it\b",
          _START + r"do better\b", r"\byou (?:can|could|should|must) do better\b"),
    _rule("blame", "Suggesting the outcome was fixed accuses them of bad faith.",
          "Could you tell me what made the difference in the end?",
          r"\b(?:always the plan|(?:decided|made|chosen) before (?:i|the interview|we)|a done deal|"
          r"(?:just |only |merely )?"
          r"a formality|a foregone conclusion|box-ticking|a tick-box exercise|stitched up|(?:known|knew|"
          r"decided|planned|chosen|intended) all along)\b" + _REST,
          r"\bit'?s (?:pretty |very |quite |painfully )?obvious (?:that )?(?:you|they|the \w+)\b" + _REST,
          r"\bit'?s (?:pretty |very |quite |painfully )?clear (?:that )?(?:you|they) (?:had|were|never|"
          r"didn'?t|weren'?t|just|already|only)\b" + _REST,
          r"\b(?:had|have|has) (?:someone|somebody|an internal (?:candidate|applicant)|a candidate|a friend) "
          r"(?:\w+ )?(?:lined up|in mind)\b",
          _START + r"i bet\b" + _REST, r"\bsomeone'?s (?:friend|mate|relative|nephew|niece|son|daughter)\b",
          r"\bjobs for the boys\b", r"\bnepotism\b", r"\bit'?s (?:all )?who you know\b"),
    _rule("blame", "Telling them how to do their job reads as a lecture.", _LEAVE_IT,
          r"\b(?:next time|in future|in the future),? (?:maybe |perhaps |try to |please )?(?:(?:someone|"
          r"somebody|you|they|your \w+|the \w+)(?: could| should| might| may want to| will|'ll| need to)? )?"
          r"(?:try|read|check|look|consider|actually|bother|reply|respond|make|take|give|treat|learn|do|"
          r"tell|update|train|be)\b" + _REST,
          _START + r"(?:maybe|perhaps)(?: next time| in future)?,? (?:read|check|look|try|reply|respond|"
          r"treat|learn|actually|bother|update|train)\b" + _REST,
          r"\b(?:maybe|perhaps) (?:your \w+|the \w+|someone|somebody) (?:could|should|might|needs? to|"
          r"ought to)\b[^.!?]*(?=\.)",
          r"\byou (?:might|may) (?:want|wish) to (?:update|review|check|reconsider|rethink|train|"
          r"fix)\b" + _REST),
    _rule("blame", "Doubting that they read or considered your application accuses them of not trying.",
          "Could you tell me how my application was assessed?",
          r"\b(?:was|were|been) (?:even|actually|ever) (?:read|looked at|opened|considered)\b" + _REST,
          r"\b(?:you|they|anyone|anybody|someone|somebody)\b[^.!?]{0,30}\bactually (?:read|look(?:ed)? at|"
          r"listen(?:ed)? to|open(?:ed)?|consider(?:ed)?)\b" + _REST,
          r"\bi find it (?:hard|difficult) to believe\b" + _REST),
    # A rhetorical question aimed at them: "Is anyone actually reading my emails?" A real
    # question doesn't need "actually" or "even".
    _rule("blame", "A question with “actually” or “even” in it is a complaint, not a question.",
          "Could you let me know …?",
          _START + r"(?:do|does|did|is|are|was|were|has|have|will|would)\b[^.!?]*\b(?:you|your|anyone|"
          r"anybody|they|the \w+)\b[^.!?]*\b(?:actually|even)\b[^.!?]*\?"),
    # Contempt for how easy it should have been: "it's not rocket science".
    _rule("hostile", "Saying it should have been easy for them reads as contempt.", _LEAVE_IT,
          r"\bnot rocket science\b" + _REST, r"\bhow hard (?:can|is|could) it\b" + _REST,
          r"\bit(?:'s| is|'s not| isn'?t| is not) (?:not )?(?:that |exactly )?(?:hard|"
          r"difficult) to (?:send|reply|give|write|let|respond|tell)\b" + _REST),
    # --- defensive: arguing with the decision
    _rule("defensive", "This argues with a decision already made, which rarely changes it.",
          "I saw it a little differently, so I'd value the chance to understand your view.",
          _START + r"with (?:all )?(?:due )?respect\b", r"\bwith all due respect\b",
          _START + r"respectfully,",
          r"\bi (?:strongly |respectfully |completely |totally |fundamentally )?disagree\b[^.!?,]*",
          r"\bi (?:don'?t|do not|can'?t|cannot) (?:see|understand|believe|fathom) how\b" + _REST,
          r"\bi (?:simply |just |really )?(?:don'?t|do not|cannot|can'?t|refuse to) accept\b" + _REST,
          r"\bi think you'?ll find\b", r"\b(?:my \w+ (?:was|is)|i was|it was) actually (?:correct|right)\b",
          r"\b(?:your|the) (?:feedback|decision|assessment|scoring|reasoning|interviewer|panel|conclusion|"
          r"notes?|view|marking)\b[^.!?]{0,20}\b(?:is|was|are|were) (?:simply |just |completely |totally |"
          r"plainly )?(?:wrong|incorrect|mistaken|flawed|inaccurate|false|untrue)\b",
          r"\byou'?re (?:wrong|mistaken)\b", r"\bi can prove it\b",
          r"\bi must point out\b", r"\bi feel i must (?:point out|say|stress|object)\b",
          r"\bfor the record\b",
          r"\bno offen[cs]e,? but\b", r"\bnot to be rude,? but\b", r"\b(?:i'?m )?just saying\b"),
    _rule("defensive", "Insisting you were the best choice, or did everything right, disputes their "
          "judgement.", "I felt the interview went well, so I'd value any detail on where I fell short.",
          r"\bi (?:answered|got) (?:every|all the|each) questions? (?:correctly|right)\b",
          r"\bi did (?:everything|all) (?:you asked|right|correctly|asked of me|that was asked)\b",
          r"\b(?:i'?m|i am|i was) (?:clearly|obviously|far|much|definitely|easily) (?:stronger|better|more "
          r"(?:qualified|experienced))\b" + _REST,
          r"\bwhat (?:more|else) (?:(?:could|did|do|would|can|should) )?(?:you|they|i) (?:could |should )?"
          r"(?:possibly )?(?:have )?(?:want|expect|need|ask|done|do)\w*\b" + _REST,
          r"\bi (?:remain|am) (?:confident|sure|certain) (?:that )?i (?:was|am) (?:the )?(?:strongest|best|"
          r"right)\b[^.!?,]*",
          r"\bi (?:was|am|would have been|'d have been) (?:clearly |obviously |absolutely |simply )?(?:the )?"
          r"(?:perfect|ideal|best|strongest|most qualified|more qualified|better qualified)(?: (?:fit|person|"
          r"candidate|applicant|choice))?(?: for (?:this|the) (?:job|role|position))?\b"),
    _rule("defensive", "Comparing yourself with whoever got the job, or with their panel, reads as "
          "resentful.", "Could you tell me which parts of the role my experience didn't cover?",
          r"\bmore experience than (?:anyone|anybody|everyone|any of)\b" + _REST,
          r"\bcounts? for less than\b" + _REST,
          r"\b(?:someone|somebody|a candidate|they|he|she|the other \w+) (?:with|has|had|having) "
          r"less\b" + _REST,
          r"\b(?:got|gets|given|offered) the (?:job|role|position) over me\b",
          r"\b(?:chose|picked|hired) (?:\w+ ){0,3}over me\b"),
    # --- demand: asking for what they don't owe (deadlines are found by _deadline_flags)
    _rule("demand", "Expecting or demanding something they don't owe you reads as entitled.", _FEEDBACK,
          r"\bi (?:demand|insist)\b[^.!?]{0,60}",
          r"\bi require (?:an? (?:explanation|answer|response|reply)|answers)\b[^.!?]{0,60}",
          r"\bi expect (?:a (?:full|proper|detailed|response|reply|written)|an (?:answer|explanation|apology|"
          r"update)|the (?:feedback|courtesy)|full|proper|detailed|feedback|answers?|nothing less|you to|"
          r"that you (?:will|would|should)|to (?:hear|receive|get|be told))\b[^.!?]{0,60}",
          r"\bi (?:want|need) (?:an? (?:explanation|answer|response|reply|reason|proper)|the (?:feedback|"
          r"reason|notes|scores?)|my (?:feedback|scores?|notes|results)|detailed|full|proper|to know|you to|"
          r"answers?|feedback)\b[^.!?]{0,60}",
          r"(?<!if )(?<!when )(?<!do )(?<!anything )\byou need to\b[^.!?]{0,40}",
          r"\bi deserved? (?:better|more|an explanation|an answer|feedback|to know|a proper)\b" + _REST,
          r"\byou owe me\b", r"\bthe (?:very )?least you (?:could|can) do\b" + _REST,
          r"\b(?:it'?s|it is|it would be|it'?d be) only (?:fair|right|reasonable|proper)\b" + _REST,
          r"\b(?:can|could) you (?:at least|even)\b" + _REST,
          r"\bat least (?:tell|give|let|explain|have the)\b" + _REST,
          r"\bhave the (?:decency|courtesy)\b" + _REST,
          r"\bwho (?:you|they) (?:hired|chose|picked|went with|gave (?:it|the job|the role) to)\b",
          r"\blook forward to (?:your|an|the|a full) (?:explanation|justification|apology)\b" + _REST,
          r"\bi(?: am|'?m) still waiting\b",
          r"\b(?:refund|reimburse|compensate) me\b",
          r"\bi'?d like you to (?:refund|reimburse|pay)\b[^.!?,]*"),
    _rule("demand", "This is phrased as an order rather than a request.", _UNDERSTAND,
          r"(?<!you )\btell me why\b" + _REST, r"\bconfirm (?:immediately|in writing)\b",
          r"(?<!you )(?<!you please )\b(?:please )?explain (?:to me )?why\b",
          r"\bi want (?:an|a full) explanation\b", r"\bi want to know why\b"),
    _rule("demand", "Going over their heads, or copying in someone senior, turns a reply into a complaint.",
          _CALMLY,
          r"\b(?:be )?reviewed by someone (?:more )?senior\b",
          r"\bescalat(?:e|ing) (?:this|it|the matter|my \w+)\b" + _REST,
          r"\b(?:speak|talk|write|go|complain|take this|raise this) (?:\w+ )?(?:to|with) (?:your|a|the) "
          r"(?:manager|supervisor|boss|director|chief executive|ceo|md|board|head of \w+|ombudsman|"
          r"regulator)\b",
          r"\bcop(?:y|ying|ied) in (?:your|the|my) (?:\w+ )?(?:director|manager|ceo|boss|head|chief "
          r"executive|lawyer|solicitor)\b" + _REST),
    # --- pleading: begging them to reverse the decision
    _rule("pleading", "Begging them to reverse the decision puts them in an awkward spot and undersells "
          "you.", "If a similar role comes up, I'd be very glad to be considered.",
          r"\bplease reconsider\b" + _REST, r"\breconsider (?:your|the|this) decision\b",
          r"\bi (?:really |desperately )?need this (?:job|role)\b", r"\b(?:i'?m )?begging\b",
          r"\bgive me (?:another|one more|a second) (?:chance|go)\b", r"\bi'?ll do anything\b",
          r"\b(?:just |please )+give me (?:a|one|another|the) (?:chance|shot|go|try)\b",
          r"\b(?:i'?m|i am) desperate\b", r"\bdesperately need\b", r"\bprove you wrong\b"),
    # --- passive-aggressive: a pointed hint instead of a plain request
    _rule("passive_aggressive", "This hints at a grievance instead of saying plainly what you'd like.",
          "Thank you for getting back to me.",
          r"\bper my (?:previous|last|earlier) (?:email|message)\b",
          r"\bas i (?:already|previously|have already|'ve already) (?:said|mentioned|explained|stated)\b",
          r"\bas i said before\b", _START + r"again\.(?=\s*$)", _START + r"(?:interesting|noted)\.(?=\s|$)",
          _START + r"(?:interesting|bold|brave|curious|strange|odd) (?:decision|choice|call|approach|move)\b"
          + _REST,
          r"\b(?:i'?m|i am) (?:not|hardly) (?:that |at all |remotely |really )?(?:surprised|shocked)\b"
          r"(?! (?:that )?i\b)",
          r"\bnot that (?:it matters|anyone|anybody|you|they|it'?ll)\b" + _REST,
          r"\b(?:one|two|three|single)[- ](?:line|sentence|word) (?:email|reply|response|message|"
          r"rejection)\b",
          r"\bfinally (?:replied|reply|responded|respond|got back|getting back|heard|hear back|hearing back|"
          r"hear from you)\b", r"\bnice to finally\b", r"\b(?:you|finally) got round to\b",
          r"(?:\.\.\.|…|,)\s*(?:eventually|at last|finally)[.!]*\s*$",
          r"\b(?:another )?(?:form|generic|automated|standard|template|copy-(?:and-)?paste[d]?) (?:rejection|"
          r"email|reply|response|letter|message)\b",
          r"\b(?:just )?(?:thought|think) you should know\b" + _REST,
          _START + r"still (?:nothing|no (?:reply|response|word|feedback|news))\b" + _REST,
          r"\bi'?m sure you know best\b",
          r"\b(?:give|offer|share|provide) (?:you )?(?:some |my )?feedback on your\b" + _REST,
          r"\b(?:masterclass|lesson|example|lessons|guide) in how not to\b" + _REST,
          r"\b(?:there'?s|there is) no point (?:me |in )?(?:saying|arguing|asking|trying|"
          r"explaining)\b" + _REST,
          r"\bi(?:'d| would) have thought (?:that|a|an|the|you|someone|they|it)\b" + _REST,
          r"\b(?:you|they|someone|somebody|anyone|it) (?:would|could|should|might)(?: have)? at "
          r"least\b" + _REST,
          r"\b(?:it )?would(?:'ve| have) been (?:nice|good|helpful|courteous|polite|decent|appreciated|"
          r"useful) (?:to|if)\b" + _REST),
    _rule("passive_aggressive", "Listing what the process cost you reads as making them feel guilty.",
          "Thank you for your time.",
          r"\bi (?:turned down|declined|gave up|passed on|walked away from|cancelled|rearranged) (?:a |an |"
          r"the |my |another |other |two |several )?(?:\w+ )?(?:offers?|jobs?|roles?|interviews?|holiday)\b"
          + _REST,
          r"\bi (?:took|booked|used|lost) (?:a |an |the |my |two |three )?(?:\w+ )?(?:days? off|time off|"
          r"(?:annual|unpaid) leave|holiday)\b(?: work)?,? (?:to (?:travel|attend|come|get|be)|for (?:this|"
          r"your|the interview|a \w+)|only to|just to)\b" + _REST,
          r"\bi (?:put in|spent|gave up|invested) [^.!?]{0,40}\band (?:got|received|all i got)\b" + _REST,
          r"\b(?:won'?t|will not) (?:waste (?:any )?(?:more of )?your|take up (?:any )?(?:more of )?your "
          r"precious) (?:precious )?time\b" + _REST,
          r"\b(?:i guess|i suppose|i'?ll (?:just|keep|leave|stop|take))\b[^.!?]{0,50}\bthen[.!]",
          r"\bafter all that\b[^.!?]*\?"),
    # --- bitter and absolute: resentment, all-or-nothing words aimed at them or the world
    _rule("bitter", "This sounds worn down and resentful, and the reader may take it personally.",
          "It's been a tough search, but I'm keen to keep going.",
          r"\b(?:sick|fed up|sick and tired|tired) (?:of|with)\b" + _REST,
          r"\b(?:i'?ve|i have) had enough\b" + _REST,
          r"\b(?:i'?m|i am|i'?ve (?:got|become)) (?:so |quite |pretty |well )?used to (?:being|getting|it|"
          r"this|that)\b" + _REST,
          r"\b(?:counts?|means?|matters?|worth) (?:for )?(?:nothing|very little|so little)\b" + _REST,
          r"\b(?:isn'?t|aren'?t|is not|are not|wasn'?t|weren'?t|not) (?:\w+ )?(?:valued|appreciated|"
          r"respected|rewarded|wanted)\b(?= (?:at|by|in|here|there|any ?more))" + _REST,
          r"\bnot what (?:anyone|anybody|employers|companies) (?:wants?|needs?)\b" + _REST,
          r"\b(?:isn'?t|is not|wasn'?t|was not|not|never) (?:good )?enough for (?:you|them|"
          r"your \w+)\b" + _REST,
          r"\bsomewhere (?:that |where )?(?:they'?re|i'?m|i am|it'?s|my \w+ (?:is|are)) (?:actually )?"
          r"(?:appreciated|valued|wanted|respected)\b" + _REST,
          r"\b(?:i'?m|i am|i was) (?:just |simply |probably )?too (?:old|young)\b" + _REST),
    _rule("absolute", "An all-or-nothing statement turns one decision into a judgement of them, and is "
          "rarely true.", "This has been a tough search so far.",
          r"\byou (?:always|never)\b(?! know\b| made me\b| make me\b)",
          r"\byou(?:'ll| will) never\b(?! know\b| believe\b)" + _REST,
          r"\b(?:nobody|no one|no-one|no company|no employer)(?: ever)? (?:hires|wants|gives|listens|reads|"
          r"replies|cares|takes)\b" + _REST,
          r"\bevery (?:single )?(?:company|employer|recruiter|one of you)\b" + _REST,
          r"\bevery single time\b" + _REST,
          r"\balways the same\b" + _REST,
          r"\banother (?:company|employer|recruiter|firm|organisation) (?:that|who)\b" + _REST,
          r"\bnever trust\b" + _REST,
          r"\ball (?:you )?(?:recruiters|companies|employers|hiring managers) (?:are|do)\b" + _REST,
          r"\bnever (?:\w+ ){0,3}(?:apply|work|deal|use|recommend|trust|bother|interview|buy|shop)\w* "
          r"(?:\w+ ){0,3}again\b",
          r"\b(?:you|they|recruiters|companies|employers|hr|nobody|no one) (?:\w+ )?never (?:give|reply|"
          r"respond|bother|read|listen|call|get back)\w*\b" + _REST, r"\bnever giving\b" + _REST,
          r"\beveryone (?:always|knows)\b"),
    # --- self-put-downs: running yourself down
    _rule("self_put_down", "Running yourself down makes the reader see you the way you describe "
          "yourself.", "I'm disappointed, and I'm keen to learn from it.",
          r"\bi'?m (?:so |such |just |a |an |totally |completely |utterly |really |obviously |clearly |"
          r"simply |probably )*(?:useless|stupid|an idiot|idiot|a failure|failure|hopeless|worthless|rubbish|"
          r"pathetic|a loser|not good enough|not cut out for|unemployable|unhireable|a lost cause|no good|a "
          r"disappointment|a joke|(?:terrible|awful|rubbish|hopeless|useless) at \w+)\b",
          r"\b(?:a )?(?:total|complete|utter) (?:idiot|failure|mess|disaster|fool)\b",
          r"\bi (?:totally |completely |really )?(?:blew|messed up|screwed up|ruined|bombed) (?:it|the "
          r"interview)\b",
          r"\b(?:sorry|apologies) for wasting your time\b",
          r"\byou won'?t want to (?:hire|see|hear from) me\b"),
    _rule("self_put_down", "Saying you always fail, or never will succeed, undersells you to someone "
          "who may hire you later.", "I'm keen to keep improving, and I'd welcome any advice.",
          r"\bi(?:'ll| will) never (?:get|find|be|make)\b[^.!?,]*",
          r"\bi knew i'?d (?:mess|blow|screw|fail|bomb|get)\b" + _REST,
          r"\bi always (?:mess|fail|blow|screw|ruin|choke|freeze|panic|get (?:it|things) wrong)\w*\b" + _REST,
          _START + r"i always do\.",
          r"\b(?:don'?t know|not sure|no idea|wonder) why i (?:even )?(?:bother|applied|try|"
          r"tried)\w*\b" + _REST),
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
_SIGN_OFF = _lazy(r"\b(?:thank|thanks|regards|wishes|sincerely|cheers|best|warmly|take care|all the best)\b",
                  re.IGNORECASE)

# Capitalised words that are not shouting: abbreviations and names of things.
NOT_SHOUTING: frozenset[str] = COMMON_ABBREVIATIONS | frozenset(
    {"SQL", "NHS", "API", "APIs", "AWS", "GCP", "UX", "UI", "QA", "IT", "PR", "HTML", "CSS",
     "KPI", "OKR", "CRM", "SEO", "PhD", "MSc", "BSc", "MBA", "STAR", "SAP", "GDPR", "ETL",
     "BI", "ML", "AI", "NLP", "ID", "URL", "PDF", "LLM", "DM", "RE", "FW", "FWD"}
)

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
    r"|sounded|have been|has been) (?:so |very |really |quite |just |completely |totally "
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
# A deadline: "by Friday", "within 48 hours", "no later than 5pm", "immediately".
_DEADLINE_RE = _lazy(
    r"\b(?:by|before|no later than|not later than) (?:the end of )?(?:this |next )?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|close of (?:business|play)|"
    r"(?:the )?end of (?:the |this )?(?:day|week|month)|eod|cob|noon|midday|\d{1,2}(?:[:.]\d\d)? ?[ap]m|"
    r"\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:" + MONTHS + r"))\b"
    r"|\bwithin (?:the next )?(?:\d+|one|two|three|five|seven|ten|a few) (?:working |business )?"
    r"(?:hours|days|weeks)\b|\bby return\b|\b(?:reply|respond|send|confirm|answer|explain|call|"
    r"get back to me|let me know)\w* (?:\w+ ){0,3}(?:immediately|right away|at once|without delay|asap)\b",
    re.IGNORECASE,
)
# A deadline with the writer's reason attached ("… by Friday, as I have an offer to answer")
# explains itself rather than giving an order.
_DEADLINE_REASON_RE = _lazy(r"\b(?:as|because|since) i(?: have|'ve got|'ve| need| must)\b", re.IGNORECASE)
# The writer's own side of a deadline: "I'll send it by Friday", "I'm free until 5pm".
_OWN_DEADLINE_RE = _lazy(
    r"\b(?:i'?ll|i will|i can|i could|i'?d be able|i need to|i have to|i must|we can|we could|we'?ll|"
    r"(?:i'?m|i am) (?:free|available|away|around|off|able|starting|moving|going|due))\b", re.IGNORECASE
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
        bad = [w for w in _negative_words(prev, -1.5) if w not in SAD_WORDS]
        if analyser.polarity_scores(sent)["compound"] >= 0.3 and bad:
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


def _deadline_flags(text: str) -> list[tuple[int, int, ToneFlag]]:
    """A deadline on *their* reply, however politely put: "I'd appreciate a reply by Friday".

    Asked as a question ("Would you be able to … by Friday?") it is a request, and "I'll
    send it by Friday" is the writer's own promise; neither is flagged.
    """
    out = []
    for start, sent in _sentences(text):
        m = _DEADLINE_RE.search(sent)
        if not m or sent.rstrip().endswith("?") or _OWN_DEADLINE_RE.search(sent, 0, m.start()) \
                or _DEADLINE_REASON_RE.search(sent):
            continue
        out.append((start, start + m.end(), ToneFlag(
            sent[:m.end()], "demand",
            "A deadline on a favour reads as a demand, however politely it is put.",
            "Whenever you have a moment, I'd be grateful for …",
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
        # ... and the complaint must be about them: "I interviewed badly" is not sarcasm.
        complaint = _COMPLAINT_RE.search(sent) or _YOU_RE.search(sent) and [
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
        + _deadline_flags(text)
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
