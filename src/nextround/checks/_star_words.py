"""The STAR check's word lists and patterns, and the question themes: data only, no logic.

Kept as Python rather than JSON or YAML, like `_feedback_words`: a comment can say
why a phrase is there, and nothing is parsed at start-up (the logic module compiles
the patterns on first use).

Every pattern here is matched within one sentence at a time, and none has a
repetition inside a repetition, so a check costs time in proportion to the text.
"""

from __future__ import annotations

from nextround.checks._patterns import N_

# ---------------------------------------------------------------------------
# The parts of a STAR answer
# ---------------------------------------------------------------------------


#: Part key -> its name as a person reads it. `StarCheck.parts` has these keys.
PARTS: dict[str, str] = {
    "situation": N_("Situation"),
    "task": N_("Task"),
    "action": N_("Action"),
    "result": N_("Result"),
}

#: One suggestion per thing that keeps an answer from being complete. The keys are the
#: parts, and `concrete_result` for a result that is there but vague ("it went well").
SUGGESTIONS: dict[str, str] = {
    "situation": N_(
        "Set the scene in a sentence: where you were, when it was, and what was going on "
        "(“At the café where I worked weekends, food waste had doubled over the summer.”)."
    ),
    "task": N_(
        "Say what was yours to do: the goal or responsibility you had "
        "(“My manager asked me to…”, “It was my job to…”, “I needed to…”)."
    ),
    "action": N_(
        "Tell them what you did yourself, with “I”: the steps you took, who you spoke to, "
        "what you changed. “We” is fine for the team, but the panel wants to hear your part."
    ),
    "result": N_(
        "Finish with how it turned out: what changed because of what you did. A lesson is a "
        "good ending too, but only after the outcome."
    ),
    "concrete_result": N_(
        "Make the result concrete: a number, a before-and-after, or a clear outcome "
        "(“waits fell from 20 minutes to 6”, “the client renewed for two years”). "
        "“It went well” or “my manager was pleased” doesn't show the difference you made."
    ),
}

#: Labels people write before each part ("Situation: …", "Result - …"). A label on its
#: own proves nothing (an "Action:" may only describe the team), so the words after
#: it are read like any others; a label only splits the text into sentences.
LABEL = (r"(?:(?:situation|background|context|task|action|actions|result|results|outcome)(?:\s*:|\s+[–—-](?=\s))"
         # the letters alone, in notes: "S: Friday night, two chefs off sick"
         r"|[star]\s*:(?=\s))")

#: Where a sentence holds a new clause: a comma or semicolon, then a subject and its verb
#: ("…, i rang the supplier", "…, so we opened late", "…, the fridge was replaced that
#: week", "…, and all 160 households had water"). People practising often type one long
#: sentence with commas for full stops; each clause is read as a sentence. A list of
#: the person's steps (", split it by area and rang…") is not split. The look-ahead is
#: a few words long, so splitting stays linear.
CLAUSE_BREAK = (
    r"[,;:]\s+(?=(?:(?:so|then)\s+)?(?:i|we|he|she|they|it|there)\s+[a-z]|"
    r"(?:(?:and|so|then|but)\s+)?(?:the|my|our|his|her|their|its|this|that|these|those|all|every|each|no|both|most|"
    r"some)\s+(?:[\w’'-]+\s+){0,3}?(?:was|were|is|are|had|has|have|got|went|came|fell|rose|grew|[a-z]+ed)\b)"
)

#: Words a sentence cannot end on: an answer whose last words are one of these was cut
#: off mid-sentence ("…and it was finished by"), and its last sentence tells nothing yet.
TRAILING_WORDS = (
    r"a|an|the|and|or|but|so|to|of|in|on|at|by|for|with|from|into|about|as|than|that|which|who|because|when|"
    r"while|if|was|were|is|are|had|has|have|be|been|my|our|his|her|their|its|this|these|those|very|then|also|"
    r"we|i|they|he|she|it's|just|really|after|before|until|till|around|over|under|more|less|much"
)

# ---------------------------------------------------------------------------
# Sentences that report nothing that happened
# ---------------------------------------------------------------------------

# A hypothetical or general answer ("If a customer was angry, I would listen…",
# "I always stay calm") describes no particular event: no situation, task or action.
# Hypothetical: a sentence that starts with "If", or "I would", "I'd", "I will"
# (but not "I'd been", "I'd already…", which tell what happened).
# Past participles: after "I'd" or "she'd" they tell what had happened ("what I'd seen",
# "he'd made a full recovery"), not what would.
PARTICIPLES = (
    r"[a-z]+[^e\W]ed|[a-z]+ied|been|seen|done|made|gone|got|gotten|had|taken|given|written|known|spoken|sent|"
    r"told|said|thought|brought|bought|caught|taught|kept|lost|paid|won|heard|held|met|left|found|built|spent|"
    r"stood|understood|forgotten|chosen|driven|eaten|fallen|broken|begun|shown|grown|drawn|flown|worn|torn|"
    r"misread|misheard|misunderstood|sold|felt|slept|led|fed|dealt|meant|forgot|hidden|ridden|risen|fought|sought|"
    r"lent|sat|lit|shot|stuck|struck|swum|sung|rung|sunk|drunk|bitten|beaten|woken|frozen|stolen|proven|shaken|"
    r"agreed|guaranteed|refereed"
)
HYPOTHETICAL = (
    r"^\W*(?:if|whenever|say|imagine|in (?:a|that|this|such a) (?:situation|case))\b"
    # (not reported: "asked if I'd get up to speed", "told him I'd own it", "said I'd be…")
    r"|(?<![\w'’])(?<!if )(?<!whether )(?<!him )(?<!her )(?<!them )(?<!me )(?<!said )(?<!that )"
    r"i(?:\s+would|'d|’d|\s+will|'ll|’ll)(?![\w'’])"
    r"(?!\s+(?:(?:already|just|never|also|previously|only|since)\b|(?:(?:really|always|long|finally|even|first)\s+)?"
    r"(?:" + PARTICIPLES + r")\b))"
    # a goal or plan in the conditional: "My goal would be to cut the time by 20%"
    r"|^\W*(?:my|our|the) (?:\w+ )?(?:goal|aim|job|plan|approach|priority|target|objective|step|role|task) "
    r"(?:would|will)\b"
)
HABITUAL = (
    r"i (?:\w+ )?(?:always|usually|normally|generally|typically|often|tend to)", r"i (?:\w+ )?used to", r"every time i",
    r"i'm (?:good|great|calm|strong) (?:under|at|with)", r"i am (?:good|great|calm|strong) (?:under|at|with)",
)

# ---------------------------------------------------------------------------
# Situation: where or when, and what was going on
# ---------------------------------------------------------------------------

# Months and days: "from January to June" is a span of time, not a before-and-after.
TIME_NAMES = (
    r"(?:jan|january|feb|february|mar|march|apr|april|may|june?|july?|aug|august|sept?|september|oct|october|nov|"
    r"november|dec|december|mon|monday|tues?|tuesday|wed|wednesday|thu|thurs|thursday|fri|friday|sat|saturday|sun|"
    r"sunday)\b"
)
# Places people work, study or volunteer. After "at/in/on/for (the/a/my…)", one of
# these sets the scene; "a role" alone ("My responsibility was…") does not.
PLACES = (
    r"shop|store|supermarket|café|cafe|restaurant|kitchen|bar|pub|hotel|cinema|pharmacy|bank|"
    r"office|firm|company|start-?up|business|agency|consultancy|chain|branch|site|warehouse|depot|"
    r"factory|plant|garden centre|centre|center|call centre|counter|department|ward|hospital|clinic|"
    r"surgery|practice|care home|home|school|college|university|uni|academy|nursery|class|course|"
    r"charity|food bank|trust|council|society|club|team|project|placement|internship|apprenticeship|"
    r"job|role|position|insurer|retailer|supplier|distributor|provider|bakery|salon|gym|library|"
    r"museum|theatre|festival|event|camp|ship|airport|station|lab|laboratory|studio|newspaper|"
    r"house|unit|desk|scheme|programme|degree|dissertation|module|shift|rota|season|garage|"
    r"workshop|florist|dental practice|nursing home|hospice|outlet|takeaway|contact centre|helpdesk|"
    r"service desk|newsroom|court|prison|police station|fire station|farm|vet|veterinary practice|"
    r"estate|canteen|market|stall|resort|chalet|cruise|gallery|venue|stadium|arena|church|mosque|"
    r"temple|youth club|playgroup|brewery|distillery|mill|mine|port|dock|yard|building site|"
    r"construction site|bistro|brasserie|diner|deli|nightclub|hostel|campsite|holiday park|theme park|zoo|"
    r"stables|kennels|dentist|opticians|chemist|control room|chambers|housing association|boutique|barbers|"
    r"spa|vineyard|kiosk|sixth form|pre-school|creche|leisure centre|sports centre|ambulance service|"
    r"fire service|police force|nhs|bottling line|production line|assembly line|packing line|army|navy|air force|"
    r"regiment|battalion|squadron|platoon|barracks|base|exercise|deployment|tour"
)
# The places themselves, without the roles and pieces of work in PLACES: "our shop
# had…" sets a scene, "my job was…" names a role.
PREMISES = (
    r"shop|store|supermarket|café|cafe|restaurant|kitchen|pub|hotel|cinema|pharmacy|bank|office|firm|"
    r"company|start-?up|business|agency|branch|site|warehouse|depot|factory|plant|centre|department|"
    r"ward|hospital|clinic|surgery|practice|care home|school|college|university|nursery|charity|"
    r"council|society|club|bakery|salon|gym|library|museum|theatre|garage|workshop|venue|farm"
)
SITUATION_PATTERNS: tuple[str, ...] = (
    # a label or frame that introduces the scene
    r"(?:the )?(?:situation|background|context) (?:was|is)",
    # when
    r"(?:in|during|by|from) (?:19|20)\d\d",
    r"(?<!the )last (?:year|month|summer|winter|spring|autumn|week|term|christmas|season)",
    r"(?:this|that|one|a) (?:year|summer|winter|spring|autumn|term|christmas|morning|evening|night|day|weekend)"
    r"(?: when| at| in)",
    # (but "in my role as…" is a standing role)
    r"(?:in|during) (?!the (?:last|past)\b)(?!my (?:\w+ )?(?:role|job) as\b)(?:my|our|the) "
    r"(?:first|second|third|final|last|previous|early|busiest|)\s?"
    r"(?:year|week|weeks|month|months|term|semester|summer|days|role|job|placement|shift|season)",
    # (but "when I was a corporal", and nothing more, is a role and a period, not an event)
    r"(?:when|while|whilst) (?:i|we|our|my|the|a|an|it|they|he|she)\b"
    r"(?! (?:was|were) (?:a|an|the) (?:[\w-]+ ){0,2}[\w-]+[.!?]*$)"
    # (told in the past: "when they come in" is a habit)
    r"(?=(?: [\w'’-]+){0,2}? (?:was|were|had|did|got|came|went|took|left|began|rang|ran|broke|fell|[a-z]+ed)\b)",
    r"(?:in|during|before|after|over) (?:the )?(?:" + r"january|february|march|april|may|june|july|august|"
    r"september|october|november|december|christmas|summer|black friday|easter|holidays|peak)",
    # the place as the subject of what was going on: "Our shop had lots of stock going missing"
    r"(?:our|my|the) (?:[\w&'’-]+ ){0,2}(?:" + PREMISES + r")s? (?:had|was|were|kept|needed|lost|faced|got)",
    r"(?:at|in|on|for|with) (?:the|a|an|my|our|one of the) (?:[\w&'’-]+ ){1,4}(?:where|that) (?:i|we) "
    r"(?:worked|was|were|volunteered|studied|trained|taught|managed|ran|led)",
    # what was going on: a problem, a trend or a deadline
    r"(?:our|the) (?:[\w-]+ ){0,3}(?:was|were) (?!\w+ing (?:to|for)\b)\w+ing",
    r"(?:was|were) (?:\w+ ){0,3}(?:behind|late|over budget|short-staffed|understaffed|overstretched)",
    r"(?:was|were) (?:regularly |often |always |constantly |really |)"
    r"(?:struggling|behind|late|failing|falling|missing|slow|losing|leaking|too|short|running out|"
    r"taking|timing out|arriving|quitting|complaining|unhappy|demoralised|down|over budget|at risk)",
    r"kept (?:\w+ing|going (?:down|up|wrong))", r"had (?:too many|too few|the lowest|the highest|a problem|"
    r"an? (?:issue|outage|problem|complaint|backlog|deadline|hard deadline))",
    r"(?:we|they|it|there) (?:had|was|were) (?:a|an) (?:outage|problem|issue|complaint|backlog|incident|"
    r"crisis|shortage)",
    r"pulled out", r"go(?:ing|ne)? missing", r"went missing",
    r"(?:got|received|had) (?:a |an )?(?:poor|bad|low|negative|failing)",
    # when, in other words: "during my internship", "two years ago", "one Saturday",
    # "Christmas Eve", "my second year teaching", a year on its own ("night team, 2021")
    r"during (?:the|my|our|a|an|that|this|one|last|peak|busy) (?!day\b|week\b|year\b)[\w-]+",
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+) (?:days?|weeks?|months?|years?|"
    r"terms?|summers?|winters?|springs?|autumns?|seasons?|christmases) ago",
    r"(?:one|on a|on the|last|that|this|a) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"weekend|bank holiday)",
    r"(?:on a|on the|that|last) (?:(?!every\b|each\b)[\w-]+ ){1,2}?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|weekend|bank holiday)",
    r"(?:christmas|new year's|new year’s) (?:eve|day)", r"boxing day",
    # a day and its part, in notes: "Friday night, two chefs off sick", "the night shift"
    r"(?<!every )(?<!each )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|sat|sun|fri) (?:night|nite|"
    r"morning|afternoon|"
    r"evening|lunch|lunchtime|shift|service|rush)", r"(?:off|called in|phoned in|rang in|went off) sick",
    r"(?<!every )(?<!each )(?:night|late|early|weekend|evening|morning|graveyard) shift\b",
    # a named day: "on budget day", "on results day", "on my first day"
    r"on (?!(?:the |that |this |a |one )?(?:same|next|following|previous|other|first|last|whole|entire|day|one)\b)"
    r"(?:[\w-]+ ){1,2}day\b", r"last (?:" + TIME_NAMES + r")",
    r"(?:crashed|flooded|caught fire|froze|overflowed|collapsed)\b",
    # someone leaving: "when our treasurer moved away", "the only setter went off sick"
    r"(?:moved away|resigned|retired|walked out|went off (?:sick|ill)|went on (?:maternity|paternity|sick|long-term "
    r"sick) leave|handed in (?:her|his|their) notice)\b", r"black friday", r"back-to-school",
    r"(?:my|our) (?:first|second|third|fourth|final|last|previous|early) (?:year|week|month|day|"
    r"term|semester|shift|placement|rotation|job|role|season|summer)",
    r"(?:first|second|third|fourth|final|last|early) (?:year|week|month|day|term|semester|weeks|months|days|"
    r"shift|season) (?:of|at|in|after) (?:my|our|the|a|an|his|her|their)",
    r"(?:in|during|over|that|last|this) (?:the )?(?:fall|autumn|spring|summer|winter)(?: (?:term|semester|season))?",
    r"(?<![£$€.,:])(?:19[5-9]\d|20[0-4]\d)(?![.,:]?\d|%)",
    # the place where it happened, told as a clause: "the church where I volunteer"
    r"where (?:i|we) (?:\w+ )?(?:work|worked|volunteer|volunteered|studied|study|trained|was working|"
    r"was placed|was based|did my)",
    # a problem under way, in the usual words for one: "a client threatened to leave", "the
    # stockroom was a mess", "nobody could find anything", "the combine broke down", "the
    # card machines lost connection"
    r"threatened to", r"(?:was|were|is|are) (?:\w+ )?(?:a )?(?:mess|shambles|disaster|nightmare|chaos|chaotic)",
    r"(?:nobody|no one|no-one) (?:could|knew|would|wanted|was able)",
    r"(?:broke|broken|breaking) down", r"(?:lost|losing) (?:connection|power|signal)", r"stopped working",
    r"stopped (?:speaking|talking|responding|replying|coming|turning up|showing up|answering|paying|eating|sleeping)",
    r"(?:was|were) (?:just )?about to",
    # when, by what was coming or what was announced: "with the regatta six weeks away", "one
    # winter morning", "when the society announced our branch would merge"
    r"(?:days?|weeks?|months?) (?:away|to go)\b", r"one (?:[\w-]+ )?(?:morning|evening|night|afternoon|day|weekend|"
    r"shift)\b", r"(?:when|after) (?:[\w'’-]+ ){1,5}?(?:announced|decided|merged|closed|opened|launched|introduced)\b",
    r"all over the place",
    # when, by what was coming: "two weeks before a tender deadline", "three days into the job"
    r"(?:after|during|over|through) (?:a|an|the) (?!next\b|following\b|coming\b|same\b)(?:[\w-]+ )?(?:spring|summer|"
    r"winter|autumn|year|quarter|"
    r"month|season|term|week|weekend|christmas|harvest|lambing|peak)\b",
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+) (?:hours?|days?|weeks?|months?) "
    r"(?:before|after) (?:(?:a|an|the|my|our|his|her|their) )?[a-z]+", r"(?:days?|weeks?|months?|years?) into\b",
    # a problem found or under way: "I found their warranty provision was still based on…", "where
    # there'd been months of complaints", "There was serious disorder at a derby match", "our
    # AWS bill had crept up", "conversion sat at 1.8%"
    r"i (?:found|noticed|realised|realized|spotted|discovered|saw) (?:that )?(?:[\w'’-]+ ){1,6}?(?:was|were|had|hadn't|"
    r"wasn't|weren't|kept)\b", r"where there(?:'d| had|’d)? (?:been|was|were)\b",
    r"there (?:was|were) (?:a |an |some |serious |major |a serious |a major |)(?:[\w-]+ )?(?:disorder|fire|flood|"
    r"outage|incident|problem|issue|complaint|backlog|crisis|shortage|leak|accident|error|mistake|fault|storm|"
    r"strike|row|dispute|argument)s?\b",
    r"(?:crept|creeping) (?:up|down)\b", r"(?:sat|stood|was sitting|was stuck|was running|were running) at "
    r"(?:about |around |just |only )?(?:\d|£|\$|€)",
    # when, told by what happened before: "halfway through the night", "last harvest", "after
    # traffic doubled" (not "after I rang them", a step)
    r"(?:halfway through|in the middle of|at the height of|at the start of|at the end of) (?:the|a|an|our|my) [\w-]+",
    r"^\W*last [a-z]+", r"after (?:the |a |an |our |my |their |his |her )?(?!i\b|we\b|that\b|this\b|which\b|it\b)"
    r"[a-z-]+ (?:had )?(?:[a-z]+ed|left|went|broke|fell|rose|grew|came)\b",
    # how things stood: "the lowest in the building", "bottom of the region"
    r"(?:was|were|had) (?:the )?(?:lowest|highest|worst|slowest|busiest|bottom|top) (?:\w+ ){0,3}(?:in|of)",
)
# Where it happened: "at the garden centre", "in a busy A&E department". Inside the
# person's task ("I was tasked with cutting waiting at our dock doors") a place is the
# object of the goal, not the scene, so these count only before a task in a sentence.
SITUATION_PLACE_PATTERNS: tuple[str, ...] = (
    # (not the role the person holds now: "In my current role I look after social media")
    r"(?:at|in|on|for|with) (?!(?:my|our) (?:current|present) )(?:(?:the|a|an|my|our|one of the|one of our) )?"
    r"(?:[\w&'’-]+ ){0,3}(?:" + PLACES + r")s?\b",
    # (not "As a peer mentor in the business school": a role, not an event)
)

# ---------------------------------------------------------------------------
# Task: the person's own goal or responsibility
# ---------------------------------------------------------------------------

# Someone giving the person the job ("asked me to"; "say me to" in a learner's English).
_ASKING = (
    r"(?:asked|ask|asks|told|tell|tells|said|say|says|wanted|want|wants|needed|got|gave|give|gives|tasked|"
    r"assigned|trusted|chose|picked|put|made|requested|instructed|appointed|nominated|selected|challenged|"
    r"delegated|expected|needs|relied on)"
)
# What the person needs for themselves, not a task: "I need to improve my Excel skills",
# "I felt ill so had to go home".
_FOR_ONESELF = (r"(?! (?:to )?(?:improve|learn|work on|develop|practise|practice|get better|go home|leave|rest|sit|lie|"
                r"take (?:a|the) (?:day|time|break)|see a doctor)\b)")
# The person, alone or with others: "asked me to", "gave me and another operator the job of".
_ME = r"me(?: and (?:[\w'’-]+ ){0,2}?[\w'’-]+)?"
TASK_PATTERNS: tuple[str, ...] = (
    # asked or given it: "I was asked to", "my manager asked me to", "gave me the job of"
    r"i (?:was|got|had been|'d been|am|were) (?:\w+ )?(?:asked|told|given|tasked|assigned|put in charge|"
    r"made responsible|chosen|picked|brought in|trusted|expected|supposed|responsible|accountable|"
    r"in charge|in-charge|charged|hired to|employed to|recruited to|sent to|called in|drafted in|there to|"
    r"appointed|nominated|selected|elected|designated)",
    _ASKING + r" " + _ME + r" (?:to|with|the (?:job|task|responsibility|challenge|project)|"
    r"responsibility|charge)",
    # a goal handed over: "gave me a personal goal of 150", "set me a target"
    r"(?:gave|give|gives|set|sets|handed) " + _ME + r" (?:a|an|the|my|one|our) (?:[\w-]+ )?(?:goal|target|task|job|"
    r"responsibility|challenge|project|brief|deadline|case|assignment)",
    # asked, with the "I was" left out: "Asked to sort out the stockroom", "me: asked by
    # the shift manager to halve errors"
    r"^\W*(?:me\W+)?(?:asked|told|tasked|given|put in charge|made responsible|expected)\b(?: by (?:[\w'’-]+ ){1,4})?"
    r"(?: to| with| for| of)",
    r"(?:asked|told|tasked) by (?:[\w'’-]+ ){1,4}to",
    r"(?:fell|falls|fall|was down|came down|was left|was up|is down|is up|was (?:\w+ )?down) to me",
    r"left (?:it )?to me to",
    # mine to do: "my job was to", "it was my responsibility", "keeping X was my responsibility"
    r"my (?:\w+ )?(?:job|task|role|responsibility|brief|goal|aim|objective|remit|duty|mission|"
    r"target|quota|challenge|project|priority|part|assignment|ticket|instructions|orders|mandate|bit) (?:was|is|"
    r"has been|that \w+ was|became|had been|were|would be|"
    r"was going to be)",
    # the goal, stated: "the goal was to", "the aim was to get…"
    r"the (?:main |first |real |immediate |top |one |only )?(?:goal|aim|objective|target|brief|task|challenge|priority|"
    r"focus|mission|non-negotiable)(?: for me| i had)? "
    r"(?:was|were|is) (?:to|simple|clear|\w+ing)\b",
    r"i (?:had|was set|was given|got|set) (?:a|an|one|the|two|three|clear|tight) (?:[\w-]+ )?(?:goal|target|aim|"
    r"task|job|brief|deadline|challenge|objective|kpi|quota)s?\b",
    r"i (?:needed|need) (?:a|an|some|the) (?:\w+ )?(?:way|plan|fix|solution|workaround) to",
    r"(?:was|is|became|be) my (?:\w+ )?(?:job|task|responsibility|brief|goal|aim|objective|remit|duty|"
    r"project|priority|challenge)",
    r"(?:was|were|became) (?:responsible|accountable) for", r"(?:i|me) (?:\w+ )?in charge of",
    r"(?:the|a|their) (?:[\w-]+ ){0,3}?(?:in charge of|responsible for)",
    # needed to: "I needed to", "I had to find", "I set out to"
    r"i(?:'d|’d| had)? (?:(?:really|just|also|still|then|badly|desperately) )?(?:needed|had|wanted|set out|aimed|"
    r"was determined|was trying|was hoping|was expected|had been asked|"
    r"volunteered|offered|agreed|took it on myself|took it upon myself|was the one who had) to",
    r"i took (?:on )?(?:responsibility|ownership|charge) (?:for|of)", r"i took on (?:the|a) (?:job|task|role)",
    r"i set myself (?:a|the) (?:goal|target|aim|challenge)",
    r"my (?:own )?(?:goal|aim|target|objective)",
    # a "Task:" label before a goal in note form, with the "I" left out: "Task: cut close time"
    r"^\W*(?:task|goal|aim|objective)\s*(?::|[–—-])\s*(?!(?:the|a|an|our|their|his|her|its|this|that|we|they|he|she|"
    r"it|there|management|everyone|nobody|none|n/a)\b)[a-z]+",
    # leading a piece of work is a responsibility (though not, on its own, an action)
    r"i (?:led|headed|ran|coordinated|oversaw) (?:a|the|our) (?:[\w-]+ )?(?:project|initiative|campaign|"
    r"programme|review|migration|launch|redesign)",
    r"i must (?:to )?\w+",
    # more ways of being handed it: "my manager asked if I could", "she had me take over",
    # "they relied on me to", "it was on me to", "I got the job of", "made it my mission to"
    r"asked (?:me )?(?:if|whether) i(?: could| would| can| might|'d|’d)",
    r"had me (?:take|lead|run|sort|fix|look|cover|"
    r"handle|organise|organize|plan|find|train|manage|deal|help|check)",
    r"(?:relied|counted|depended|leaned|relying|counting|depending) on me (?:to|for)\b", r"looked to me to",
    r"(?:was|is|fell|it's|it’s|it is|that's|that’s) (?:all |squarely )?on me\b",
    # someone put in the person's care: "the watch manager paired him with me"
    r"(?:paired|partnered|buddied|teamed) (?:him|her|them|[a-z]+) (?:up )?with me\b",
    r"(?:said|say|says|explained) to me (?:that )?(?:i )?(?:to|should|must|had to|need to)",
    r"(?:ask|asks|asked|tell|tells|told|want|wants|wanted) me (?:for|that i|make|do|find|fix|organise|organize|handle|"
    r"sort|deal|check|solve|prepare|lead|manage|look (?:at|into|over)|take|help|call|clean|train|cover|finish)\b",
    # made it mine: "my manager made cutting idle time my first objective"
    r"made (?:it|this|that|[a-z]+ing(?: [\w'’-]+){0,4}?) my (?:\w+ )?(?:objective|priority|goal|job|task|target|aim|"
    r"responsibility|focus)\b(?! (?:much |a lot |far |so )?(?:easier|harder|simpler|better|worse|quicker))",
    r"(?:got|had|was given|landed|took on) (?:the|a) (?:job|task|responsibility|role) of",
    r"made it my (?:\w+ )?(?:goal|mission|job|priority|aim|task|business)",
    r"my (?:\w+ )?(?:job|task|role|responsibility|goal|aim|objective|part) (?:[\w-]+ ){1,5}?(?:was|were|is) to",
    r"i (?:was|were) (?:meant|required|due|scheduled|booked|rostered) to",
    r"(?:told|asked|said to|explained to) me (?:that )?i (?:should|must|had to|needed to|need to|have to|was to)",
    r"(?:given|assigned|handed|passed|delegated) (?:over )?to me", r"(?:take|took|taking) (?:on )?(?:the )?"
    r"(?:responsibility|ownership|charge|the lead) (?:for|of|on)", r"i stepped (?:up|in) to",
    r"i had (?:only |just )?(?:\w+ ){0,2}(?:days|weeks|hours|minutes|months) to",
    r"my (?:\w+ )?(?:kpi|kpis|deadline) (?:was|were)",
    r"i (?:was|were) (?:aiming|looking|working|hoping|trying|determined|keen) to",
    # the other usual shapes of a goal that was the person's: "it was up to me to", "what I
    # had to do was", "I planned to", "the deadline I was given", "I'm responsible for"
    r"up to me", r"what i (?:had|needed|was asked|was told|wanted|was expected) to do",
    r"(?:expected|needed|wanted|asked) of me",
    r"i (?:intended|planned|hoped|meant|promised|resolved) to",
    r"(?:the|my|a) (?:main |first |real |immediate |only )?(?:job|priority|plan|mission|remit|focus|brief) "
    r"(?:was|were) to",
    r"(?:goal|aim|target|task|job|brief|deadline|challenge)s? (?:that )?(?:i was given|i was set|i had been given|"
    r"i'd been given|given to me|set for me)",
    r"i(?:'m|’m) (?:\w+ )?(?:asked|told|responsible|accountable|in charge|expected|supposed)",
    # ownership in other words: "the file was mine to submit", "it landed on me to", "it
    # was my call whether", "part of my role", "on my desk", "what I'd taken on"
    r"mine to [a-z]+", r"(?:was|were|is|are) (?:all |both |very much )?mine\b",
    r"(?:was|is|it's|it’s|that's|that’s) (?:for|down to) me to\b", r"on my (?:list|to-do list|radar|watch)\b",
    r"(?:the reason|why) i(?:'d|’d| had)? (?:been|was|got) (?:hired|brought in|taken on|employed|recruited|there)",
    r"i(?:'d|’d) been (?:\w+ )?(?:asked|told|given|tasked|assigned|put in charge|made responsible|chosen|picked|"
    r"brought in|hired|trusted|expected|appointed)",
    r"i (?:was|were) (?:coordinating|leading|heading|organising|organizing) (?:the|a|an|our|this)\b",
    r"my (?:\w+ )?(?:job|task|role|responsibility|brief|remit|duty|part) (?:on|in|at|for|during|as) (?:[\w'’-]+ ){1,6}?"
    r"(?:was|were|is)\b",
    r"(?:wanted|needed|expected) (?:[\w'’-]+ ){1,3}?(?:down|fixed|sorted|cut|reduced|cleared|improved|back up)\b",
    r"i (?:wanted|needed) (?:[\w'’-]+ ){1,3}?(?:ready|done|finished|leaving|running|working|on time|in place)\b",
    r"my (?:\w+ )?(?:job|responsibility|task|duty|role) to [a-z]+",
    r"i (?:wanted|needed) (?:[\w'’-]+ ){1,4}?to (?:be|get|have|stop|start|feel|know|come|go|keep|hit|reach)\b",
    r"(?:needed|wanted|asked|told|relied on|trusted|expected) me, (?:[\w'’-]+ ){1,4}?(?:[\w'’-]+), to\b",
    # ownership handed over: "gave me ownership of the reporting, with the specific aim of…",
    # "getting a clean cutover sat squarely with me", "the goal I set myself was"
    r"(?:gave|handed|given) me (?:full |complete |sole )?(?:ownership|responsibility|charge|control) (?:of|for)\b",
    r"with the (?:\w+ )?(?:aim|goal|objective|task|brief) of\b",
    r"(?:sat|sits|rested|rests|lay|lies|fell|falls) (?:squarely |firmly |entirely )?with me\b",
    r"(?:goal|aim|target|challenge)s? (?:that )?i (?:set|gave) myself",
    r"(?:told|asked) me\s*[:–—-]\s*[\"“']?[a-z]+",
    r"i (?:look|looked) after\b",
    # the "I" left out after "and": "I was their account manager and had four months to…"
    r"(?:and|so|but) (?:really )?(?:wanted|needed) (?:[\w'’-]+ ){1,4}?to\b",
    r"(?:and|so|but) had (?:only |just )?(?:\w+ ){0,2}(?:days|weeks|hours|minutes|months) to\b",
    # more of the shapes a responsibility takes: "he was my patient", "our team's target, and
    # mine", "which meant keeping the food going out", "the priority for me", "left the
    # provisions section with me", "our procedure says the officer who made the error…", "that
    # was me", "told me I'd be processing…", "made me the owner", "landed with me", "gave me
    # the quarter to automate it", "those timed ones had to go out", "it had to be fixed"
    r"(?:was|were|is|are) my (?:own )?(?:patients?|clients?|cases?|residents?|customers?|accounts?|service users?)\b",
    r"(?:target|goal|aim|job|responsibility|task)s?,? and mine\b",
    r"(?:which|that) meant (?:i (?:had|needed) to|[a-z]+ing)\b",
    r"(?:was|were|is) the (?:\w+ )?(?:priority|goal|aim|job|task|focus) for me\b",
    r"left (?:[\w'’-]+ ){1,5}?with me\b",
    r"(?:procedure|policy|protocol|process|rules?|plan|code of conduct|guidance|rota)s? (?:says|said|requires|required|"
    r"named|names|meant|means|was that|is that)\b", r"\bthat (?:was|meant) me\b",
    r"told me (?:that )?i(?:'d|’d| would| was going to| was to) (?:be|need|have|take|run|cover|lead)\b",
    r"made me (?:the |its |their |our )?(?:[\w-]+ )?(?:owner|lead|responsible|in charge|coordinator|manager|contact)\b",
    r"(?:landed|ended up|came) (?:with|on) (?:me|my desk|my plate)\b",
    r"(?:gave|gives|give) me (?:a|an|the|one|two|three|four|six|\d+) (?:[\w-]+ )?(?:days?|weeks?|months?|quarter|year|"
    r"fortnight|deadline) to\b",
    r"(?:it|they|this|that|these|those(?: [\w-]+){0,2}|everything) (?:had|has|needed) to (?:be|go)\b"
    r"(?! (?:said|honest|fair|frank|admitted)\b)",
    r"(?:i was|i got|and) (?:handed|left with)\b",
    r"(?:told|promised|assured) (?:him|her|them|the [\w-]+) (?:that )?i(?:'d|’d| would) ",
    r"(?:and|,) (?:was )?(?:told|asked) to\b",
    # the "I" left out after "and": "i was on the bar n had 2 keep serving"
    r"(?:\bn|&|and|so|but) (?:then )?(?:had|needed) (?:to|2)\b" + _FOR_ONESELF,
    r"(?:landed|dropped|fell) (?:on|onto|to) (?:me|my desk|my plate)",
    r"(?:on|onto) my (?:desk|plate|shoulders)",
    r"(?:[a-z]+(?:'s|’s)|is|was|were|became|be|been|become) (?:all |very much |squarely |really )?my "
    r"(?:own |personal |main |first |top |biggest |real )?(?:target|goal|aim|objective|mission|call|decision|place|"
    r"remit|area|patch|problem|baby|thing|department|responsibility|responsibilities|duty|job|role|task|brief|project|"
    r"priority|shout|domain|lookout)\b",
    r"part of my (?:\w+ )?(?:role|job|remit|responsibilities|duties|brief|work)\b",
    r"(?:i|i'd|i’d|i had) (?:taken|took) on\b",
    # hired for it: "I'd been hired to translate it", "they brought me in to", "what they're
    # paying me for is to"
    r"(?:hired|brought in|employed|contracted|engaged|commissioned|recruited|drafted in|called in) to",
    r"(?:got|was|been|were) booked to",
    r"(?:hired|brought|employed|contracted|engaged|commissioned|recruited|drafted|called|booked|paid|paying) me "
    r"(?:in |on )?to\b", r"paying me for\b",
    r"(?:responsible|accountable) for\b",
    # needing it: "I needed board approval", "i needed it to stop", a learner's "I need
    # finish her rooms", "i had 2 rebook her", "needed a new one fast" with the "I" left out
    # (not what the person needs for themselves: "I need to improve my Excel skills", "had to go home")
    r"i (?:(?:really|just|also|still|then|badly|urgently|desperately) )?(?:needed|need|must|have to|had 2|have 2|"
    r"has to|gotta|had got to)\b" + _FOR_ONESELF,
    r"^\W*(?:needed|had) (?:to|a|an|the)\b",
    # a goal handed to the team, the person with it: "each of us had a target of", "we had
    # to push the new app"
    r"(?:we|each of us|all of us|everyone|every one of us) (?:\w+ )?(?:had|were given|got|was given) (?:a|an|our|"
    r"the) (?:[\w-]+ )?(?:target|quota|goal|deadline|brief)s?\b",
    # told what must happen: "told me waste had to come down"
    r"(?:told|warned|reminded|made clear to|made it clear to) me (?:that )?(?:[\w'’-]+ ){1,6}?(?:had to|needed to|"
    r"must|should|would have to|was to)\b",
)

# ---------------------------------------------------------------------------
# Action: something the person did themselves
# ---------------------------------------------------------------------------

# Little words that may sit between "I" and its verb ("I also called", "I then
# personally rang"). Two at most.
ADVERBS = (
    r"also|then|first|personally|quickly|immediately|just|finally|eventually|later|even|soon|"
    r"carefully|myself|again|now|actually|directly|initially|next|afterwards|straight away|"
    r"therefore|so|and|instead|still|really|successfully|proactively|calmly|gradually|"
    r"systematically|individually|manually|once|twice|every|each|only|regularly|slowly"
)

#: Verbs that follow "I" without describing an action: being there, feelings,
#: thoughts, wishes, modal verbs, and joining or working somewhere (the setting, not
#: a step taken). "I was part of the team", "I felt proud", "I think we did well".
NOT_ACTIONS: frozenset[str] = frozenset(
    """am 'm ’m is are was were be been being became become seem seemed stayed remained stay remain
    felt feel feels miss worried worry panicked struggled struggle suffered hate hated love loved like
    liked enjoy enjoyed appreciate appreciated care cared
    think thought believe believed know knew learned learnt learn realised realized realise realize
    understand understood remember remembered recall recalled guess suppose mean meant doubt wonder
    wondered imagine imagined expect expected assume assumed consider considered agree agreed
    admit admitted hear heard watched observed witnessed
    hope hoped wish wished want wanted need needed prefer preferred tend tended pride prided
    would will can could should might may must shall 'd ’d 'll ’ll
    have has do does don't didn't didnt couldn't wasn't won't can't cannot not
    always usually normally generally typically often sometimes never
    joined belong belonged lived live grew graduated qualified volunteer attended travelled
    waited received promoted thank thanked bring
    lead oversaw oversee headed supervised contributed contribute participated participate
    involved""".split()
)

#: Past participles that start a sentence as a state or a passive, not as the person's own
#: step with the "I" left out: "Based in Leeds, …", "Asked to sort out the stockroom".
NOT_ELIDED_ACTIONS: frozenset[str] = frozenset(
    """based located placed asked told tasked given expected supposed required assigned hired employed
    tired frustrated scared excited stressed overwhelmed confused disappointed surprised interested
    concerned determined motivated shocked embarrassed annoyed bored pleased delighted relieved satisfied
    compared united indeed hundred let set faced confronted presented armed inspired surrounded stuck
    caught""".split()
)
#: "I was …ing" tells what the person was doing (a learner's "I was calling the customer
#: back" for "I called") unless it is being somewhere or in a role: these.
SETTING_ING: frozenset[str] = frozenset(
    """working running doing studying living staying managing leading organising organizing volunteering
    covering helping sitting standing waiting training taking making going coming getting having trying
    hoping feeling thinking struggling starting finishing serving looking planning preparing supporting
    dealing handling responsible employed based placed""".split()
)

#: After these verbs, a following word turns being somewhere into doing something:
#: "I worked out…", "I started preparing…", "I managed to fix…", "I helped Sam rewrite…".
_STARTED = (r"(?!at\b|in\b|as\b|there\b|here\b|out\b|off\b|work\b|my (?:job|role|placement|shift|"
            r"course|degree|apprenticeship|training|career|first)\b|(?:a|the|my) (?:new )?(?:job|role|position|"
            r"placement)\b|university\b|uni\b|school\b|college\b|working\b|feeling\b|to (?:feel|panic|worry|"
            r"get|think|realise|realize|notice|see|understand|enjoy|struggle)\b)[\w£$€]+")
ACTION_AFTER: dict[str, str] = {
    "worked": r"out|through|with|on|late|overtime|closely",
    # "I work on a dairy farm" is where the person is now, not a step
    "work": r"out|through",
    # starting something is a step; starting somewhere, or a job, is the setting
    "started": _STARTED,
    "start": _STARTED,
    "began": _STARTED,
    "begin": _STARTED,
    "managed": r"to",
    "manage": r"to",
    "helped": r"(?!out\b)(?!with\b)\w+ (?:to )?\w+",
    "help": r"(?!out\b)(?!with\b)\w+ (?:to )?\w+",
    "moved": r"(?!to\b)(?!from\b)(?!into\b)(?!house\b)\w+",
    "got": r"(?!promoted\b)(?!the job\b)(?!a (?:\w+ )?job\b)(?!a place\b)(?!a role\b)"
           r"(?!a first\b)(?!on\b)(?!nervous\b)(?!upset\b)(?!stressed\b)"
           r"(?!worried\b)(?!ill\b)(?!sick\b)(?!married\b)(?!there\b)(?!back\b)(?!home\b)(?!into\b)(?!to\b)\w+",
    "noticed": r"that|the|a|an|how",
    # "I found it challenging": a feeling, not a find
    "found": r"(?!(?:it|this|that|them|the (?:\w+ )?work|the (?:\w+ )?job) (?:(?:really|very|quite|so|a bit|pretty|"
             r"incredibly|extremely|more|less|too) )?(?:\w+(?:ing|ful|ult|ard|ive|ble|ous|ic|ssful)|hard|tough|easy|"
             r"fun|odd|strange|scary)\b)\w+",
    "saw": r"that|how",
    "see": r"that|how",
    "studied": r"the|how|every|all|each",
    "support": r"(?!the\b)\w+",
    "supported": r"(?!the team\b)(?!them\b)\w+ (?:to|with|by|through)",
    # "I had Priya check the logs" (delegation); "I had already called them"
    "had": r"(?:(?!to\b)[A-Z][a-z]+|(?:my|the|our|each|every|two|three|a) [\w-]+) (?:\w+ )?(?:check|redo|review|call|"
           r"look|help|cover|do|run|test|take|send|sign|fix|update|write|count|go|come|shadow|pair|re-\w+)\b|"
           r"(?:already |just )?(?!been\b)(?!to\b)(?!a\b)(?!an\b)(?!the\b)(?!no\b)(?!never\b)(?!my\b)(?!some\b)"
           r"(?!lots\b)(?!more\b)(?!less\b)"
           r"(?!too\b)(?!only\b)(?!two\b)\w+ed\b",
    "have": r"(?:already |just |also )?(?!been\b)(?!to\b)(?!a\b)(?!an\b)(?!the\b)(?!no\b)\w+(?:ed|made|sent|"
            r"written|built|done|taken|spoken|given)\b",
    "'ve": r"(?:already |just |also )?(?!been\b)(?!got\b)(?!always\b)(?!never\b)\w+(?:ed|made|sent|written|built|"
           r"done|taken|spoken|given)\b",
    "led": r"(?:a|the) (?:[\w-]+ )?(?:session|meeting|training|workshop|review|call|briefing|discussion|"
           r"workshops|sessions|meetings|trainings|briefings|calls)",
    "took": r"(?!part\b)\w+",
    "volunteered": r"to",
    # effort or endurance alone is not a step: "I tried my best", "I kept going"
    "tried": r"to|\w+ing|a|an|the|out|calling|phoning",
    "did": r"(?!my best\b)(?!not\b)(?!well\b)(?!ok\b)(?!okay\b)(?!everything\b)(?!what\b)\w+",
    "kept": r"(?!going\b)(?!calm\b)(?!positive\b)(?!smiling\b)(?!at it\b)(?!my head\b)(?!busy\b)"
            r"(?!quiet\b)\w+",
}

#: Irregular past tenses that can follow "I" ("I made", "I sent"). A verb after "I" that
#: is neither one of these nor ends in "-ed" is in the present: "I call the supplier"
#: tells a story only in an answer that is told in the past somewhere (a non-native
#: speaker's "Last year I am working… I sit with her"); in an answer with no past in
#: it at all ("I listen, then I apologise") it describes a habit, not an action.
IRREGULAR_PAST: frozenset[str] = frozenset(
    """made sent took gave wrote rang ran built brought bought caught chose drew drove fed fought
    found got went held hid hit kept knew laid led left lent let lost met paid put quit read rode
    rose said sat saw sold set shook shut spoke spent split spread stood stuck swept taught told
    thought threw understood woke won wore did dealt dug cut began broke""".split()
)
#: Words that show an answer is told in the past, so present-tense verbs after "I" in
#: it are the story's actions.
PAST_MARKERS = (
    r"was", r"were", r"had", r"did", r"went", r"came", r"last (?:year|month|week|summer|winter|spring|autumn)",
    r"ago", r"in (?:19|20)\d\d", r"yesterday",
    # "the agency nurse didn't turn up"
    r"(?:did|was|were|had|could)n(?:'|’)t",
)

# "What I did was rewrite…", "The key part I did myself was writing…".
WHAT_I_DID = (
    r"(?:what|the (?:\w+ )?(?:part|thing|step)s?(?: that)?) i did(?: myself| first| then)? (?:was|were) (?:to )?\w+"
)

# ---------------------------------------------------------------------------
# Result: how things turned out
# ---------------------------------------------------------------------------

# A projection or hope is not a result: "this should save 200 hours a year".
PROJECTION = (
    r"should", r"would", r"will", r"could", r"might", r"going to", r"is set to", r"are set to",
    # "may" the verb, not May the month ("By May the wait had dropped…")
    r"may (?:be|have|well|help|save|reduce|increase|improve|lead|mean|make|cut|also|not|eventually|take)",
    r"expected to", r"expect", r"expecting", r"about to", r"anticipate", r"anticipating", r"hope", r"hoping",
    r"plan to", r"planning", r"aim to", r"once it's",
    r"once it is", r"when it's", r"'ll", r"’ll", r"if", r"likely", r"on track to", r"estimate", r"estimated",
    r"forecast", r"projected", r"predicted", r"set to", r"aims to", r"the plan is", r"in future",
    # someone else's promise: "he said he'd take it to the budget meeting", "they agreed to look at it"
    r"(?:he|she|they|it|we)(?:'d|’d) (?!already\b)(?!just\b)(?!never\b)(?!always\b)(?!(?:" + PARTICIPLES + r")\b)"
    r"[a-z]+",
    r"agreed to (?:look|consider|think|review|discuss|try|take it)",
)
# A lesson on its own is not a result: "I learned to check first", "it taught me".
LESSON = (
    r"i (?:have |'ve )?(?:learned|learnt|realised|realized|now know|know now)",
    r"(?:taught|showed) me", r"what i(?:'ve|’ve| have)? (?:taken|took) (?:away )?from (?:it|this|that)",
    r"(?:the|my) (?:main |biggest |big |key )?(?:lesson|thing i learned|takeaway)",
    # (but "I think it went really well" tells how it turned out)
    r"i (?:still )?think(?! (?:it|that|this|things|everything|we|they|my [\w-]+|the [\w-]+) (?:\w+ )?(?:went|"
    r"turned out|worked|did|was|were|got|came))", r"looking back", r"in hindsight", r"i'd do", r"i would do",
    # what it did for the person: "it made me a better nurse", "it gave me confidence"
    r"(?:made|helped) me (?:\w+ ){0,2}(?:better|stronger|more|less|grow|learn|become|understand|realise|"
    r"realize|appreciate|see)", r"gave me (?:a |the |more |much more |real )?(?:confidence|insight|perspective|"
    r"appreciation|understanding)", r"i (?:now )?(?:understand|appreciate|value) (?:how|why|the importance|that)",
    r"i (?:became|grew|developed) (?:more|a lot|as)",
)
NUMBER = (
    r"(?:\d[\d,.]*\s?(?:%|per ?cent|percent|k\b|m\b|kg\b)?|£\s?\d[\d,.]*\s?(?:k|m|bn)?|\$\s?\d[\d,.]*|"
    r"€\s?\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|half|a third|a quarter|double|twice|triple|zero|none|nothing|all)"
)

# The verbs of a measurable change ("dropped", "went up", "cut"): with an amount after
# them ("by 30%", "to about 6 minutes"), they measure an outcome.
CHANGE_VERBS = (
    r"(?:dropped|drop|drops|fell|fall|falls|rose|rise|rises|increased|increase|increases|decreased|"
    r"decrease|decreases|reduced|reduce|reduces|cut|cuts|grew|grow|grows|doubled|halved|tripled|"
    r"improved|improve|improves|climbed|climb|jumped|jump|shrank|shrunk|shortened|went (?:up|down)|"
    r"go (?:up|down)|goes (?:up|down)|gone (?:up|down)|come down|came down|came up|brought (?:\w+ )?down|"
    r"lowered|boosted|sped up|slashed|trimmed|shaved|gain back|gained back|gained|gain|lost|recovered|"
    r"saved|saving|saves)"
)
# Verbs that win or bring in a sum: "made a £1,200 profit", "raised £18,000".
MONEY_VERBS = (
    r"(?:made|make|makes|raised|raise|raises|saved|saving|saves|save|generated|brought in|took|took in|"
    r"taken|turned over|won|secured|"
    r"earned|collected|sold|cut|reduced|recovered|recouped|returned)"
)
# Verbs that finish some of a whole: "kept 9 of the 11", "closed 40 of the 45 tickets".
SHARE_VERBS = (
    r"(?:kept|keep|retained|won|passed|closed|resolved|completed|hit|met|converted|placed|hired|fixed|"
    r"sold|finished|signed|recovered|cleared|answered|reached|achieved|got|scored|returned)"
)
_ABOUT = (
    r"(?:(?:about|around|just|only|nearly|almost|over|under|more than|less than|roughly|another|an extra|a) )?"
)
# … and the shapes a number takes when it measures an outcome.
CONCRETE_RESULT_PATTERNS: tuple[str, ...] = (
    # a before-and-after: "from 38% to 24%", "from three bags a night to one", "from bottom to third"
    # (not a span of time: "from January to June 2021")
    # (not a move from one thing to another of that name: "from PLC ladder logic to ROS 2")
    r"from (?!" + TIME_NAMES + r")(?:\S+ ){0,5}?to (?!" + TIME_NAMES + r")(?:(?-i:[a-z£$€]\S*) )?" + _ABOUT
    + r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|half|a third|a quarter|zero|none|nothing|first|"
    r"second|third|fourth|fifth|top|bottom)",
    r"(?:up|down) from " + _ABOUT + NUMBER, r"down to " + _ABOUT + NUMBER,
    r"compared (?:to|with) " + _ABOUT + NUMBER,
    # a change by an amount: "cut returns by 30%", "dropped to about 6 minutes"
    CHANGE_VERBS + r" (?:\S+ ){0,6}?(?:by|to) " + _ABOUT + NUMBER,
    CHANGE_VERBS + r" (?:\S+ ){0,3}?" + _ABOUT + r"\d[\d,.]*\s?(?:%|per ?cent|percent|kg|points)",
    # a sum or share gained: "made a £1,200 profit", "raised £18,000", "saving about £11,000"
    MONEY_VERBS + r" (?:\S+ ){0,4}?" + _ABOUT + r"(?:£|\$|€)\s?\d[\d,.]*",
    SHARE_VERBS + r" (?:\S+ ){0,2}?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|all) (?:\S+ )?"
    r"(?:out )?of (?:the |our |all |my |their )?(?:last |first |next )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    # a difference measured: "20% fewer complaints", "twice as many sign-ups", "now takes 2 days"
    r"\d[\d,.]*\s?(?:%|per ?cent|percent) (?:fewer|more|less|faster|quicker|higher|lower|cheaper|better|"
    r"smaller|bigger|larger|shorter|longer|slower|"
    r"of (?:the )?(?:letters|orders|calls|cases|customers|tickets|patients|students|staff|complaints|errors))",
    r"(?:twice|three times|four times|double|half) as (?:many|much|fast|quick|quickly|often|long)",
    r"now (?:takes|take|costs|cost|runs|run|averages|average|gets|get|has|have|handles|handle) " + _ABOUT + NUMBER,
    # never since: "hasn't failed once since", "no complaints since", "stopped appearing"
    r"(?:has|have|had)(?:n't| not| never) (?:\w+ ){0,3}(?:since|once|again)",
    # (not what has not happened yet: "I haven't really had an angry patient yet")
    # (in the past perfect, the problem: "her prescription hadn't been sent over")
    r"(?:hasn't|haven't|has not|have not|never) (?:\w+ )?(?:failed|happened|had|been|missed|"
    r"come back|returned|recurred|gone down)(?![^.,;]{0,40}\byet\b)",
    r"(?:no|zero) (?:more |further |new )?(?:complaints|errors|incidents|failures|mistakes|issues|"
    r"problems|accidents|returns|falls|delays)",
    r"(?:started|start|starts|began) to (?:eat|sleep|talk|come|"
    r"attend|engage|use|improve|recover|walk|speak)", r"(?:eat|eating|ate|came|come|coming) (?:\w+ )?again",
    # a clearly stated outcome
    r"renewed", r"re-signed", r"signed (?:the|a|up)", r"(?:won|secured|landed) (?:the|a|an|our|"
    r"two|three|another|funding|first|top|best)",
    # "got" alone is any step ("got a call", "got the team to…"); only a mark is an outcome
    r"(?:got|received|achieved|scored) (?:a |an )?\d", r"went (?:live|ahead)", r"gone live",
    r"passed (?:the|an|a|my|its|their|first)",
    r"(?:i|we|she|he|they) passed\b(?! (?:it|them|this|that|the \w+) (?:on|to|over|round)\b)",
    r"(?:was|were|got|been|be) (?:\w+ )?(?:paid|done|finished|ready|promoted|approved|accepted|adopted|rolled out|"
    r"launched|published|submitted|completed|delivered|resolved|fixed|restored|reinstated|discharged|hired|"
    r"funded|awarded|shortlisted|recognised|rehired|kept on|made permanent|extended)",
    r"(?:finished|completed|delivered|handed (?:it )?over|submitted|launched|opened|shipped|"
    r"closed|cleared|went live) (?:\S+ ){0,6}?(?:(?:before|ahead of) (?:the|its|our|their|my) [\w-]+|"
    r"on (?:time|schedule|budget|the (?:planned|original|agreed|same|due) (?:date|day)))",
    r"(?:on|ahead of|under) (?:time|schedule|budget)", r"(?:as|like) (?:planned|scheduled|promised|agreed)",
    # a year's figure: "I closed the year at £1.62 million, 116% of target"
    r"(?:closed|finished|ended) (?:the |my |our )?(?:year|quarter|month|season|campaign) (?:at|on|"
    r"with) " + _ABOUT + NUMBER,
    r"\d[\d.]*\s?(?:%|per ?cent) of (?:the |my |our |their )?(?:target|goal|quota|budget)",
    r"(?:before|ahead of|within|inside) the (?:deadline|cut[- ]?off|due date|time limit)",
    # going again: "queue moving again", "the line was running again by noon"
    r"(?:moving|working|running|flowing|trading|open|online) again",
    # all of a count done: "we did all 160 covers", "All 40 in by 11.30", "only had 2 complaints"
    r"(?:did|served|sold|cleared|finish|finished|completed|delivered|processed|packed|picked|answered|handled|got) "
    r"(?:all|every one of the|the full|the whole) (?:\d[\d,]*|[\w-]+ of)",
    r"(?:all|every one of the|each of the|both) (?:the |\d+ )(?:[\w-]+ ){0,2}?(?:was |were )?(?:in|back|out|through|"
    r"home|paid|done) (?:by|before|on time|within|ahead)\b",
    r"only (?:had|got|received|lost|missed|dropped) (?:\d+|one|two|three|four|five) (?:[\w-]+ )?(?:complaints?|"
    r"errors?|mistakes?|returns?|incidents?|failures?|cancellations?|no-shows?|refunds?)",
    # every one of them ready: "All 28 rooms ready at 3pm", "every order was out by noon"
    r"every (?:single )?[\w-]+ (?:was|got) (?:ready|done|finished|served|delivered|collected|cleared|covered|booked|"
    r"answered|seen|fed|back)\b",
    r"(?:all|every one of the|each of the|both) (?:the |\d+ )(?:[\w-]+ ){0,2}?(?:was |were )?(?:ready|done|finished|"
    r"cleaned|sorted|served|delivered|collected|cleared|covered|booked)\b",
    # a state reached in a set time: "everyone was through in about 5 minutes"
    r"(?:was|were|all|everyone|everybody|it|they) (?:\w+ ){0,2}?(?:through|done|finished|sorted|served|fixed|"
    r"cleared|ready|back|booked|restocked) (?:in|within) (?:about |around |under |less than |just |only )?\d",
    r"in time for (?:the|her|his|their)",
    r"matched (?:\S+ ){0,6}?(?:to the penny|exactly)", r"(?:adopted|rolled out|kept|used|taken up) "
    r"(?:it |this |the \w+ )?(?:across|for|by|in) (?:all|every|the whole|the rest)",
    r"(?:keep|kept|keeps|still use|still uses|now use|now uses|adopted) (?:this|the|my|our) "
    r"(?:\w+ ){0,2}(?:for|across|in) (?:all|every|the whole)",
    r"offered (?:me|us|to)", r"(?:got|received|gave|earned|awarded) (?:a |an |the )?(?:first|distinction|"
    r"top rating|top mark|award|prize|bonus|promotion|contract|offer)",
    r"back (?:up and running|online|to normal|on track|in stock|on schedule)", r"up and running",
    r"(?:was|were|is|are|came|got it) back (?:on|up|within|in under|by)",
    r"(?:stayed|remained|kept it|kept them|held) (?:under|below|above|over|at|within) " + _ABOUT + NUMBER,
    NUMBER + r" (?:\S+ ){0,2}instead of (?:the |a |an |our |about |around )?(?:usual |previous |old )?\S+",
    # a share that moved: "18 of the 24 went up at least one grade"
    r"\d+ (?:of|out of) (?:the |our |my )?\d+ (?:[\w-]+ ){0,2}?(?:went up|improved|passed|moved up|got|achieved|"
    r"returned|came back|stayed|found|were placed|got jobs)",
    # all but a few: "all but one hamper was collected"
    r"all but (?:one|two|three|four|five|a few|a handful|\d+)",
    # how it ended, in so many words: "he ended up being refunded", "she ended up renewing"
    # a target met, in so many words: "we hit our target", "I beat the deadline", "we broke even"
    r"(?:hit|met|beat|exceeded|reached|achieved|smashed|surpassed|passed) (?:our|the|my|its|their|a|every|each|all) "
    r"(?:[\w-]+ ){0,2}(?:target|goal|deadline|budget|kpi|quota|sla|objective)s?",
    r"(?:broke|break|breaking) even", r"sold out (?:of|by|in|within|before|on)",
    r"ended up (?!feeling\b)(?!being (?:happy|pleased|glad|grateful|satisfied|calm)\b)(?:being )?[a-z]+(?:ed|ing)\b",
)
# After the person's action, these are outcomes; in the scene, the same words may be the
# problem ("the order was cancelled by mistake", "we had 2 fewer staff than usual").
OUTCOMES_AFTER_ACTION: tuple[str, ...] = (
    # "the calls stopped coming": after the person's step (in the scene, "he stopped eating"
    # is the problem; "I stopped timing it" is a step)
    r"stopped (?:\w+ing|completely|altogether)",
    # "£1,400 less that year", "10 minutes faster", "came in £3,200 lower": a difference with its amount
    r"(?:£|\$|€)?\d[\d,.]*\s?(?:%|k|m|per ?cent|percent)?\s?(?:[a-z]+ ){0,3}?(?:fewer|less|faster|quicker|sooner|"
    r"cheaper|lower|higher|shorter)",
    # a state reached, in the passive: "the accounts were signed off", "every hamper was
    # collected" (steps in the passive, "a meeting was called", are not among these)
    r"(?:was|were|got|been|be|is|are) (?:\w+ )?(?:signed off|signed|cleared|collected|filled|covered|sorted|"
    r"refunded|reopened|repaired|processed|shipped|received|settled|closed|withdrawn|cancelled|reversed|"
    r"credited|corrected|recovered|reduced|avoided|prevented|saved|met|answered|sold|renewed|won|"
    r"passed|accepted|dropped|lifted|upheld|overturned|rehoused|rehomed|readmitted)",
    # a ranking reached: "the takings were the highest of the month", "best in the region"
    r"(?:were|was|is|are|became|now|finished|came) (?:the )?(?:best|highest|lowest|fastest|top|biggest|most|first) "
    r"(?:[\w-]+ ){0,3}(?:in|of|for|across) (?:the|that|its|our|their|all|any) [\w-]+",
)
# After the person's action, the absence of the problem is the outcome ("with no lost
# transactions", "No inbound deliveries were turned away", "nobody was injured"); in
# the scene, the same words are the problem ("we had no pallets").
ABSENCE_PATTERNS: tuple[str, ...] = (
    r"(?:no|zero) (?:more |further |new |other )?(?:[a-z-]+ )?[a-z-]+s\b",
    r"with (?:no|zero) (?:more |further |new |other )?[a-z-]+", r"no more [a-z-]+",
    r"(?:didn't|didn’t|did not|never) (?:\w+ )?run (?:out|short|over)\b",
    r"(?:not|wasn't|weren't|wasn’t|weren’t|isn't|isn’t|hasn't been|hasn’t been|haven't been|haven’t been) "
    r"(?:a single|one) (?:[\w-]+ ){0,2}[a-z-]+",
    r"(?:nobody|no one|no-one|none of (?:them|the \w+)) (?:was|were|had|got|needed|went|came|complained|"
    r"left|missed)",
)
# Words that frame a sentence as the outcome: a vague result ("it went well") counts
# after the person's action, or anywhere with one of these ("In the end it worked out").
OUTCOME_FRAMES = (
    r"in the end", r"as a result", r"afterwards", r"after (?:that|this)", r"by the end", r"eventually",
    r"since then", r"finally", r"overall", r"the result was", r"result(?:\s*:|\s+[–—-](?=\s))",
    r"outcome(?:\s*:|\s+[–—-](?=\s))", r"the outcome was", r"which meant", r"so (?:that )?(?:now|in the end)",
)
# The last sentence of an answer often says how it ended in words no list foresees
# ("Every guest had a room on the night"). When nothing else is a result, it counts
# as one if it is not the person's own step, a lesson, a hope or the scene — and as a
# concrete one unless it is only praise or a feeling. A sentence that starts with one
# of these is the person's own step, not the outcome. One that starts with "we" may be
# either, and how a team's work ended is a result ("We sold all 180 tickets"), so "we"
# is not among them.
OWN_STEP_START = (
    r"\W*(?:(?:and|so|then|after that|afterwards|also|finally)\W+)?"
    # a time or place before it: "At handover I briefed…", "The next morning I came in early"
    r"(?:(?:(?:at|on|in|by|after|before|during|the next|the following|that|next|later that|first thing) "
    r"(?:[\w'’-]+ ){0,3}?)i(?![\w'’])|(?:i|i'm|i've|i'd|i’m|i’ve|i’d)\b)"
)
# Someone's opinion, reported: praise, however it is worded.
REPORTED_OPINION = (
    # what someone said is their opinion, unless it reports what had happened ("he said it had
    # gone back into his account"), an event told in the past perfect
    r"(?:said|says|told (?:me|us)|mentioned|commented)"
    r"(?! (?:that )?(?:[\w'’-]+ ){1,3}?had (?!been\b)[a-z]+(?:ed|en|ne)\b)",
    r"thought", r"felt", r"described",
    # thanks, in any form: "wrote to the airline to say thank you", "a thank-you card"
    r"thank you", r"thank-you", r"thanks", r"(?:sent|wrote|left|gave) (?:me |us )?(?:a |an )?(?:lovely |nice |kind )?"
    r"(?:card|note|review|letter of thanks)",
    r"called it", r"made a (?:\w+ )?difference", r"(?:really|very|so|quite|more) (?:\w+ )?(?:happy|pleased|"
    r"grateful|relieved|glad|impressed|proud)",
)
# Praise, feelings and vague outcomes: a result, but not a concrete one.
VAGUE_RESULT_PATTERNS: tuple[str, ...] = (
    r"(?:went|go|goes|going|gone|worked|turned) (?:out )?(?:really |very |quite |so |extremely |pretty )?"
    r"(?:well|smoothly|fine|great|brilliantly|successfully|okay|ok|alright|all right|not bad)",
    r"worked out(?! (?:at|how|what|that|why|the|a|an|which|who|where|when|whether)\b)",
    r"(?:was|were|it's|it was) (?:a |an )?(?:\w+ )?(?:big |great |real |huge |)(?:success|"
    r"improvement|positive)", r"(?:was|were) (?:really |very |so |quite )?(?:positive|happy|pleased|delighted|"
    r"grateful|impressed|satisfied|thrilled|glad|interesting|useful|successful|appreciated|well received)",
    r"(?:thanked|praised|congratulated|complimented|recognised) (?:me|us|the team|our)",
    r"(?:said|told me|mentioned|commented) (?:that )?(?:it|this|the|we|i) (?:\w+ ){0,4}(?:best|great|"
    r"good|better|excellent|brilliant|amazing|fantastic|happy|pleased|improved|helpful)",
    r"(?:learned|learnt) a lot from (?:the|this|that|it)", r"good feedback", r"positive feedback",
    r"(?:things|it|everything|the situation|the project) (?:\w+ )?(?:improved|got better|calmed down|"
    r"settled)", r"in the end", r"eventually (?:it|we|they|things)", r"much (?:better|happier|calmer|smoother|"
    r"quicker|faster)",
    r"(?:seemed|looked|felt) (?:\w+ ){0,2}?(?:settled|confident|comfortable|at home|at ease)",
    r"(?:did|done|doing) (?:really |very |pretty |quite |so |fairly |reasonably )?well\b",
    r"(?:left|went away|ended up|seemed|felt|looked|was|were) (?:\w+ ){0,2}?(?:happy|happier|pleased|satisfied|"
    r"calmer|reassured|relieved)",
    r"(?:loved|liked|appreciated|welcomed|enjoyed|hated|disliked|resented) (?:it|the|my|this|that|our|them|him|her)",
    r"(?:great|good|positive|lovely|nice|excellent|glowing) (?:feedback|comments|reviews?|response)",
    # others' feelings, in other words: "she was over the moon", "he calmed down"
    r"over the moon", r"(?:we|i) got there\b", r"cleared the air", r"broke the ice",
    r"(?:calmed|settled|cheered) (?:down|up)",
    r"(?:settled|fitted|fit|got on|coped|adjusted|adapted) (?:in )?(?:really |very |quite |so )?(?:well|fine|nicely|"
    r"great|brilliantly)", r"made (?:her|his|their|my|our) (?:day|week)",
    r"(?:happy|satisfied|pleased) (?:again|in the end|with (?:the|it|that|this|my|our))",
    # all right now, in so many words: "its fine now", "everything's sorted again"
    r"(?:is|are|was|were|it's|its|it’s|that's|that’s|everything's|everything’s|all) (?:\w+ )?(?:fine|ok|okay|"
    r"alright|all right|all good|sorted|good) (?:now|again|since|after that|from then on|these days)",
    # the mood, not an outcome: "the atmosphere was better", "people seemed to enjoy it more"
    r"(?:mood|atmosphere|morale|vibe|spirits|feeling|energy) (?:\w+ ){0,4}?(?:was|were|is|are|got|became|felt|"
    r"seemed|lifted|improved)", r"seemed to (?:be )?(?:enjoy|enjoying|like|settle|settling|cope|improve|get)",
    # a failure told plainly is how it ended, but no outcome to build on: "we were rejected"
    r"(?:was|were|got|been) (?:\w+ )?(?:rejected|turned down|unsuccessful|knocked out|eliminated)",
    r"(?:didn't|did not|didn’t) (?:get|win|make) (?:it|the|a|an|through)\b",
)
# A change without an amount ("sales went up", "complaints dropped"): a vague result
# after the person's action, but in the scene before it, the problem ("sales had fallen").
VAGUE_CHANGE_PATTERNS: tuple[str, ...] = (
    r"(?:went|go|goes|gone|came|come|coming|going) (?:down|up)", r"(?:dropped|fell|rose|increased|decreased|"
    r"reduced|improved|shortened|got shorter|got better|picked up|went down|went up|risen|fallen|"
    r"got worse|worsened)",
    # better, without an amount: "the queue moved faster", "customers were less frustrated"
    r"(?:moved|ran|went|got|became|become|was|were|is|are|felt|seemed) (?:a lot |much |far |a bit |slightly |even |"
    r"noticeably |visibly |)(?:faster|quicker|smoother|easier|calmer|shorter|better|tidier|clearer|safer|"
    r"less (?:\w+)|more (?!than\b)[a-z]+)",
)

# ---------------------------------------------------------------------------
# Interview-question themes (the question bank)
# ---------------------------------------------------------------------------

#: Theme key -> label, in the order a question is sorted into them: the first theme
#: whose words it uses wins, and a question with none of them is "other".
QUESTION_THEMES: dict[str, str] = {
    "strengths_weaknesses": N_("Strengths and weaknesses"),
    "failure": N_("Failure and mistakes"),
    "conflict": N_("Conflict and difficult people"),
    "leadership": N_("Leadership"),
    "teamwork": N_("Teamwork"),
    "motivation": N_("Motivation"),
    "technical": N_("Technical"),
    "other": N_("Other"),
}
QUESTION_THEME_PATTERNS: dict[str, tuple[str, ...]] = {
    "strengths_weaknesses": (
        r"strengths?", r"weakness(?:es)?", r"weakest", r"area(?:s)? (?:for|of|to) (?:improvement|develop)",
        r"improve on", r"what would (?:your|a) (?:manager|colleague|friend)s? say",
        r"describe yourself", r"three words", r"best at", r"good at",
    ),
    "failure": (
        r"fail(?:ed|ure|ing)?", r"mistake", r"went wrong", r"go wrong", r"didn't go", r"did not go",
        r"setback", r"regret", r"error", r"missed (?:a )?deadline", r"learn(?:ed|t)? from",
    ),
    "conflict": (
        r"conflict", r"disagree(?:d|ment)?", r"difficult (?:person|colleague|customer|client|manager|people|"
        r"stakeholder|conversation)", r"angry", r"upset", r"complain(?:t|ed)?", r"challenging (?:person|"
        r"colleague|customer|client|manager|stakeholder)", r"argu(?:e|ed|ment)", r"pushed back", r"push back",
        r"persuade[d]?", r"convinc(?:e|ed)", r"criticism", r"unhappy", r"s[ck]eptical",
        r"w[io]n (?:\w+ ){0,3}(?:over|round)",
    ),
    "leadership": (
        r"le(?:a)?d(?:ing|er|ers|ership)?", r"manag(?:e|ed|ing) (?:a|the|people|others|a team)",
        r"took charge", r"take charge", r"took (?:the )?initiative", r"initiative", r"ownership",
        r"delegat(?:e|ed|ion)", r"mentor(?:ed)?", r"motivate[d]? (?:a|the|others|your team|people)",
        r"decision", r"responsibility",
    ),
    "teamwork": (
        r"team(?:s|work|mate|mates)?", r"colleagues?", r"collaborat(?:e|ed|ion)", r"group", r"together",
        r"work(?:ed)? with others", r"part of",
    ),
    "motivation": (
        r"why (?:do you want|this|us|our|are you|did you|have you)", r"motivat(?:e|es|ed|ion)",
        r"interest(?:s|ed)? (?:you|in)", r"where do you see", r"five years", r"career", r"passion(?:ate)?",
        r"tell (?:me|us) about yourself", r"what do you know about", r"proud", r"achievement",
        r"values", r"enjoy",
    ),
    "technical": (
        r"technical", r"code", r"coding", r"program(?:me|ming)?", r"debug", r"sql", r"python", r"excel",
        r"data", r"analys[ie]s", r"system", r"design(?:ed)? (?:a|an|the)", r"architect", r"algorithm",
        r"test(?:ing)?", r"tool", r"software", r"incident", r"outage", r"production", r"build", r"built",
        r"spreadsheet", r"model", r"calculate", r"estimate", r"budget",
        r"clinical", r"safeguarding", r"lesson plan", r"how would you",
    ),
}
