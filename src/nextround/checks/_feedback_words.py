"""The feedback check's word lists and patterns: data only, no logic.

Kept as Python rather than JSON or YAML: a comment can say why a phrase is there,
a reviewer reads the lists beside the rules that use them, and the module is read
once, with nothing to parse at start-up.
"""

from __future__ import annotations

from nextround.checks._patterns import N_, Coded, MaybeAfterWord, OnOneLine

# ---------------------------------------------------------------------------
# Themes
# ---------------------------------------------------------------------------


#: The themes feedback can touch: key -> human label. Keys are what
#: `FeedbackCheck.themes` holds (and what an answers file stores).
THEMES: dict[str, str] = {
    "experience": N_("Experience and background"),
    "technical_skills": N_("Technical skills and knowledge"),
    "communication": N_("Communication and presentation"),
    "culture_fit": N_("Team and culture fit"),
    "preparation": N_("Preparation and research"),
    "competition": N_("Other candidates"),
    "logistics": N_("Practicalities (location, dates, availability)"),
    "salary": N_("Salary and budget"),
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
    "stage": N_("a stage or round of the process"),
    "question": N_("a question you were asked"),
    "named_skill": N_("a skill, tool, subject or requirement"),
    "example": N_("something you said or did"),
    "number": N_("a number, date or limit about your application"),
    "artefact": N_("a piece of your work (take-home, portfolio, presentation, test)"),
    "what_good_looks_like": N_("what a stronger answer or application would have included"),
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
    questions self best own interpersonal people soft technical overall general awareness
    acumen mindset drive maturity resilience curiosity empathy professionalism warmth
    judgement instincts""".split()
)
# Little words that end a noun phrase ("your take-home | was …").
PHRASE_END: frozenset[str] = frozenset(
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
# Irregular past participles: "you haven't led", "someone who has run" name one thing
# done. (Regular verbs are recognised by "-ed".)
_IRREGULAR_PARTICIPLE = (
    r"done|run|led|built|held|taught|written|sold|driven|grown|taken|given|won|brought|spent|"
    r"kept|made|overseen|undertaken|dealt|drawn|sat|stood|fought|begun|chosen|set|put|cut|read|met|"
    r"found|paid|sent"
)
# What someone has done, after "has", "haven't", "has only" ...: a participle that is not
# only a judgement ("you haven't demonstrated", "someone who has impressed").
_DONE = r"(?!(?:" + _JUDGING_VERBS + r")\b)(?:[a-z]+ed|" + _IRREGULAR_PARTICIPLE + r")\b"
_HAVE_NOT = r"(?:haven['’]t|have not|hadn['’]t|had not|have never|had never|['’]ve not|['’]ve never)"
_ONLY = r"(?: yet| ever| previously| personally| directly| actually| so far| only)?"
# After "is in", "has been at" ...: a place that is no place ("in a different sector",
# "at a more junior level", "in line with", "with us", "at times", "in touch"). Closed, like
# GENERIC_NOUNS: any other place ("in retail", "on general wards", "at Band 5") counts.
_NOWHERE = (
    r"(?! (?:a |an |the )?(?:different|other|another|similar|related|same|more|junior|lower|"
    r"slightly|wrong|right|good|line|par|track|top|mix|running|level|us|our|this|that|times|"
    r"touch|contact|mind|short|long|side|whole|balance|reflection|paper|places|points?|occasions?|"
    r"your|their|his|her|its)\b)"
)
NUMBER_WORD = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred)"
)
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)

# Patterns for each anchor kind. A match is evidence that the feedback points at
# something concrete the candidate can look at again. Structural shapes come first
# (who did what, to which thing); short word lists only where no shape will do.
ANCHOR_PATTERNS: dict[str, tuple[str | Coded, ...]] = {
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
        # the candidate's record, set against the role: "you haven't managed anyone",
        # "you've only taught in one school", "your experience so far is in retail",
        # "your largest budget has been about £300k", "you'd be learning it from scratch"
        r"you " + _HAVE_NOT + _ONLY + r" " + _DONE,
        r"you(?: have|['’]ve) (?:not |never )?(?:yet |ever |so far )?only(?: ever| so far)? " + _DONE,
        r"you(?: have|['’]ve) (?:not )?yet to (?!(?:show|demonstrate|prove|reach|gain|get|develop|have|be|"
        r"find|meet|match)\b)[a-z]+",
        r"you " + _HAVE_NOT + r" (?:yet )?had (?!(?:the|a|an|enough|much|time|as|that|this|quite)\b)\w+",
        r"you(?: have|['’]ve)(?: \w+ly| mostly| mainly| so far)? (?:been (?:an? [\w-]+ (?:for|since|at|in)|"
        r"(?:in|on|at|with|for)\b" + _NOWHERE + r")|" + _DONE + r")",
        r"your (?:[\w'’-]+ ){1,4}(?:is|was|are|were|has been|have been|had been)(?: so far| \w+ly| all)? "
        r"(?:(?:in|on|at|as|with|for|within|from|around|about|under|below|up to|limited to|confined to|"
        r"restricted to)\b" + _NOWHERE + r"|(?:almost |nearly )?(?:only|mostly|mainly|largely|entirely|"
        r"exclusively|solely|purely|primarily|predominantly)\b)",
        r"(?:learn|learning|pick up|picking up|start|starting) (?:[\w'’-]+ ){0,3}from scratch",
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
        # (MaybeAfterWord(w, b) stands for (?:w+ )?b, matched in linear time.)
        MaybeAfterWord(r"[\w-]", r"(?:day |project |business |marketing |sales |lesson |care )plan"),
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
        # the need or the lack, which a named skill or a number then fills: "we need
        # someone with SQL", "not enough Python", "you lacked experience of Kubernetes"
        r"(?:need|needs|needed|require|requires|required|want|wanted|looking for|hoping for|"
        r"(?:we|they)(?:['’]re| are| were) after) (?:someone|somebody|an? (?!(?:bit|little|lot|few|couple|"
        r"slightly|different|closer|better|stronger|more)\b)[\w-]+)\b",
        r"(?:not enough|too little|insufficient) (?!(?:time|detail|depth|evidence|experience)\b)[\w-]+",
        r"(?:not enough|too little|insufficient|no|limited|little) (?:direct |hands-on |practical |commercial |"
        r"formal |recent |relevant |real )?(?:experience|exposure|background|knowledge|training) (?:of|with|in)\b",
        r"(?:you|your [\w'’-]+(?: [\w'’-]+)?) (?:lacked|lack|were lacking|was lacking|(?:were|was)n['’]t at the "
        r"level of)\b",
        r"the (?:role|job|position|post|brief) (?:requires|required|needs|needed|asked|"
        r"involves|calls for|said|was for|is for)", r"the (?:vacancy|opening) (?:is|was) for",
        r"we asked for", r"(?:was|were) needed",
        # what the role holds, and what the person appointed has done: "this role owns",
        # "the post reports to the board", "this is a Band 7 role", "at least three
        # years", "someone who has run a kitchen", "the successful candidate had led"
        r"(?:the|this) (?:role|job|position|post) (?:also |mainly |will |would )?(?:involves?|involved|"
        r"includes?|covers?|oversees?|owns?|manages?|leads?|runs?|reports? to|carries|carry|demands?|"
        r"entails?|spans?|is responsible for|is accountable for|be responsible for|means?)\b",
        r"(?:this|it)(?: is|['’]s| was) an? (?!(?:very |really |quite )?(?:great|good|lovely|demanding|"
        r"challenging|difficult|tough|hard|competitive|popular|exciting|busy|big|new|different|"
        r"important|key|fantastic|unique|complex|varied|interesting|rewarding)\b)"
        r"(?:[\w'’-]+ ){1,3}?(?:role|post|position|job)\b",
        r"(?:(?:at least|a minimum of|minimum of|no fewer than|no less than)|(?:someone|somebody|an? [\w-]+) "
        r"with(?: at least| over| more than| around| about| upwards of)?) " + NUMBER_WORD
        + r"\b(?! (?:candidates|applicants|people|finalists|rounds|stages|interviews|others?)\b)",
        r"(?:wanted|needed|required|expected|looking for|hoped for|asked for) (?:clear )?evidence (?:of|that)"
        r"(?! (?:your |more |strong |stronger |good )?(?:" + "|".join(GENERIC_NOUNS) + r")\b)",
        r"(?:who(?: has|['’]s| had| have)|(?:candidate|applicant|someone|somebody|appointee) (?:has|had))"
        r"(?: already| previously| personally| directly| actually| recently| successfully| also)? " + _DONE
        + r"(?! (?:it|this|that|so|something|before|the same|similar|a similar|in a similar)\b)",
        r"instead of", r"rather than", r"whereas", r"without \w+ing", r"such as", r"the limit is",
        r"the correct",
        r"the right answer", r"would help", r"one thing to work on", r"next time,? (?:try|focus|"
        r"bring|include|prepare|practise|practice)",
        r"(?:against|above|below|over|under|beyond|exceeded|exceeding|missed) (?:the|a|an|our) (?:\S+ )?"
        r"(?:limit|budget|brief|maximum|minimum|range|cap|target|deadline|word count|time limit)",
        # an enumeration of points: "(1) … (2) …", "three things:", "first, … second, …"
        # (OnOneLine(a, b) stands for a + r".{3,}?" + b, matched in linear time.)
        OnOneLine(r"\(?(?:1|i|a)\)\s", r"\(?(?:2|ii|b)\)"), OnOneLine(r"first(?:ly)?,", r"second(?:ly)?,"),
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
    r"[£$€]\s?\d[\d,.]*\s?(?:k|m|bn|million|billion)?",             # a figure of money
    r"o\(n(?:\^?2|²| log n)?\)",                                     # O(n²)
    r"\d{1,2}(?:st|nd|rd|th)? (?:" + MONTHS + r")",                 # a date
    r"(?:by|from|until|before|mid-|early|late) (?:" + MONTHS + r")", r"\((?:" + MONTHS + r")\)",
    r"(?:page|question|slide|step|part|task|section|line|exercise|day|week|month) \d+",
)
