"""The words a rejection email is read by: data only, no logic.

Kept as Python, like the checks' word lists: a comment can say why a word is there,
and a reviewer reads the lists beside the rules that use them (`letters`, `company`,
`role`, `contact`, `stage`, `feedback` and the rest of this package). Patterns are
regular-expression fragments, matched case-insensitively unless a list says
otherwise; none nests a repeat inside a repeat, so each runs in time proportional to
the text.
"""

from __future__ import annotations

# --- who sent it -------------------------------------------------------------------------

#: The local part of an address nobody reads: a reply goes nowhere.
NO_REPLY_LOCAL = (
    r"no[-_.]?reply", r"do[-_.]?not[-_.]?reply", r"dont[-_.]?reply", r"notifications?", r"notify",
    r"mailer", r"bounces?", r"automated", r"system", r"alerts?", r"updates?", r"unmonitored",
)

#: What a letter says of its sender's address when nobody reads the replies.
DO_NOT_REPLY = (
    r"(?:please )?do not reply to this (?:e-?mail|message|address)", r"replies to this (?:e-?mail |message )?"
    r"(?:address|mailbox|inbox|e-?mail|message) (?:are|is|will) not (?:be )?(?:monitored|read|answered|seen)",
    r"(?:cannot|can't|does not|doesn't|will not|is unable to) (?:accept|receive|take) replies",
    r"(?:this|the) (?:e-?mail )?(?:address|mailbox|inbox) is (?:not monitored|unmonitored|not checked)",
    r"sent from an? (?:unmonitored|no-?reply|automated) (?:address|mailbox|account)",
)

#: Shared mailboxes that do take replies, with no one person behind them.
SHARED_LOCAL = (
    r"recruit\w*", r"careers?", r"jobs?", r"hr", r"people", r"talent\w*", r"hiring", r"graduates?",
    r"earlycareers", r"resourcing", r"vacanc\w*", r"applications?", r"staffing", r"team", r"info",
    r"hello", r"admin", r"office", r"enquiries", r"humanresources", r"personnel", r"campus",
)

#: Applicant-tracking systems and job boards that send on an employer's behalf. Their
#: names are never the employer. (Real ones, and the fictional ones of the samples;
#: names after "via" or "powered by" are learned from each email as well.)
ATS_VENDORS = (
    "workday", "greenhouse", "lever", "icims", "taleo", "smartrecruiters", "successfactors", "teamtailor",
    "workable", "bamboohr", "jazzhr", "recruitee", "ashby", "personio", "jobvite", "breezy", "pinpoint",
    "applied", "tribepad", "eploy", "oleeo", "hireroad", "cornerstone", "avature", "beamery", "indeed",
    "linkedin", "totaljobs", "reed", "hirenest", "candidex", "peopletrail", "talent hub", "talenthub",
)

#: Words that make a sender's display name a team, not a person or a company: they are
#: cut from the end of "Fourth Coffee Careers" to leave the company.
TEAM_WORDS = (
    "careers", "career", "recruiting", "recruitment", "recruiter", "recruiters", "talent", "acquisition",
    "team", "jobs", "job", "hiring", "hr", "people", "resourcing", "university", "campus", "graduate",
    "graduates", "early", "notifications", "notification", "noreply", "no-reply", "do-not-reply", "portal",
    "applications", "application", "updates", "update", "mailer", "human", "resources", "staffing",
    "opportunities", "vacancies", "department", "office", "and", "&", "the", "services", "partner",
    "partners", "operations", "system", "alerts", "candidate", "candidates", "experience", "programme",
    "programmes", "program", "internships", "emerging", "student", "students",
)

#: Team words that say recruiting, never the end of an employer's own name.
RECRUITING_WORDS = ("careers", "people", "recruitment", "resourcing", "staffing", "talent")

#: What an employment agency calls itself: its name is never the employer.
AGENCY_WORDS = (
    "recruitment", "recruiting", "staffing", "talent", "search", "resourcing", "personnel", "headhunters",
    "executive search", "selection", "consultants", "appointments", "placements", "careers", "associates",
)
#: How an agency recruiter speaks of the employer.
AGENCY_HINTS = (
    r"\bmy client\b", r"\bour client\b", r"\bthe client\b", r"\bclient'?s?\b", r"\bheard back from\b",
    r"\bcame back to me\b", r"\bthey'?ve\b", r"\bthey have decided\b", r"\btheir (?:decision|feedback)\b",
    r"\bfrom them\b",
)
#: Said by an agency, and by an employer's own recruiters too: an agency's letter only when
#: it names an employer besides.
AGENCY_HINTS_WEAK = (r"\bthe hiring manager\b", r"\bthe hiring team\b")

# --- the company -------------------------------------------------------------------------

#: A legal suffix, written after a company's name; dropped when the email also names
#: the company without it.
LEGAL_SUFFIXES = (
    r"Ltd\.?", r"Limited", r"plc\.?", r"PLC", r"LLP", r"LLC", r"GmbH", r"AG", r"AB", r"ApS", r"A/S", r"AS",
    r"ASA", r"Oy", r"BV", r"B\.V\.", r"NV", r"N\.V\.", r"SA", r"S\.A\.", r"SAS", r"SARL", r"S\.r\.l\.",
    r"Inc\.?", r"Incorporated", r"Corp\.?", r"Co\.?", r"Pvt\.? Ltd\.?", r"Private Limited", r"Pty\.? Ltd\.?",
    r"KG", r"e\.V\.", r"CIC", r"s\.r\.o\.", r"a\.s\.", r"Oyj", r"S\.L\.", r"S\.p\.A\.", r"SpA", r"K\.K\.",
)
#: "Corporation" ends a name that keeps it (A. Datum Corporation): not a suffix to drop.

#: Words that end an organisation's name, never a person's: "Hexbridge Consulting".
ORG_WORDS = (
    "bank", "consulting", "consultancy", "insurance", "software", "foods", "food", "energy", "council", "academy",
    "school", "college", "university", "group", "health", "healthcare", "design", "systems", "solutions", "labs",
    "lab", "services", "holdings", "logistics", "transit", "travel", "hotels", "hotel", "publishing", "payments",
    "medical", "society", "association", "trust", "foundation", "partners", "capital", "technologies",
    "technology", "tech", "digital", "media", "studio", "studios", "games", "toys", "foundry", "engineering",
    "pharma", "pharmaceuticals", "motors", "airlines", "airways", "retail", "stores", "markets", "finance",
    "financial", "bakery", "coffee", "winery", "vineyard", "brewery", "clinic", "hospital", "centre", "center",
    "agency", "ltd", "limited", "plc", "inc", "llp", "gmbh", "corporation", "company", "co", "industries",
    "enterprises", "ventures", "analytics", "data", "networks", "telecom", "communications", "works", "council",
    "housing", "homes", "estates", "properties", "construction", "builders", "manufacturing", "robotics", "bio",
    "biotech", "therapeutics", "diagnostics", "laboratories", "instruments", "electronics", "power", "water",
    "utilities", "rail", "railways", "transport", "shipping", "freight", "aviation", "aerospace", "defence",
    "security", "law", "legal", "chambers", "accountants", "audit", "charity", "museum", "gallery", "library",
    "theatre", "orchestra", "press", "books", "magazine", "news", "radio", "television", "tv", "films", "pictures",
    "entertainment", "sports", "fitness", "gym", "clothing", "fashion", "apparel", "cosmetics", "beauty",
    "furniture", "interiors", "architects", "architecture", "cloud", "ai", "robotics", "semiconductors", "mobility",
    "recruitment", "staffing", "talent", "resourcing", "search", "selection", "people", "careers",
    "café", "cafe", "restaurant", "bistro", "kitchen", "pub", "inn", "store", "shop", "boutique", "salon",
    "nursery", "pharmacy", "dental", "surgery", "practice", "farm", "farms", "garden", "gardens", "hub",
)

#: Lower-case words that may sit inside a company's or a role's name.
NAME_JOINERS = ("&", "and", "of", "de", "du", "la", "le", "van", "von", "der", "den", "for", "+", "the", "y")

#: Capitalised words that start a sentence or a greeting, never a company.
NOT_NAMES = (
    "dear", "hi", "hello", "hey", "morning", "afternoon", "evening", "good", "greetings", "thank", "thanks",
    "unfortunately", "sadly", "regrettably", "we", "i", "you", "your", "our", "they", "their", "it", "this",
    "that", "these", "after", "following", "please", "kind", "best", "regards", "sincerely", "warm", "warmly",
    "yours", "cheers", "with", "all", "many", "the", "a", "an", "as", "at", "in", "on", "for", "to", "from",
    "re", "fw", "fwd", "subject", "sent", "date", "to", "cc", "update", "application", "interview",
    "outcome", "status", "regarding", "your", "news", "feedback", "candidate", "role", "position", "job",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "team", "recruitment", "recruiting", "talent", "acquisition", "careers",
    "hr", "people", "human", "resources", "ref", "reference", "req", "requisition", "equal", "opportunity",
    "employer", "registered", "view", "request", "apply", "click", "here", "sent", "via", "powered",
    "confidential", "disclaimer", "note", "ps", "p.s", "linkedin", "email", "phone", "tel", "mobile", "fax",
    "tél", "web", "www", "office", "head", "senior", "manager", "director", "officer", "ok", "yes", "no",
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "fyi", "nb", "bummer", "gutted", "mum", "dad",
    "hope", "just", "quick", "so", "but", "and", "or", "if", "when", "while", "although", "however",
)

#: Before a company's name in running text: "at Contoso", "interest in Contoso".
COMPANY_BEFORE = (
    r"(?:role|position|post|job|vacancy|opening|opportunity|programme|program|scheme|team|internship|"
    r"placement|spot|office|site|interview|interviews|application|candidacy|career|time|interest|"
    r"process|day|visit|assessment|conversation|panel|meeting|call)\s+(?:here\s+)?(?:at|with|in|for)",
    r"(?:considering|consider|choosing|chose|about|everyone on the|all of us on the|all of us in the)",
    r"(?:the|a)\s+(?:career|role|job|position|future|place)\s+(?:at|with)",
    r"(?:work|working|career|careers|a future|future)\s+(?:at|for|with)",
    r"(?:interest|interested)\s+in(?:\s+(?:joining|working\s+(?:at|for|with)))?",
    r"(?:applying|applied|application|apply)\s+(?:to|at|with)(?:\s+join)?",
    r"(?:join|joining)",
    r"(?:greetings|news|feedback|decision|update|word)\s+from",
    r"(?:heard back from|back from|came back from|spoken to|spoke to|speaking to|spoke with|spoken with|"
    r"heard from|feedback from|news from|update from)",
    r"(?:on behalf of|behalf of)",
    r"(?:here at|everyone at|all of us at|us at|the team at|colleagues at|panel at)",
    r"(?:my client|our client|the client),?(?:\s+[^,.\n]{1,40},)?",
    r"(?:with|at|to)\s+(?=[A-Z])",  # a weaker hint; the votes of other sources decide
)
#: After a company's name in running text: "Contoso has decided", "Contoso's team".
COMPANY_AFTER = (
    r"\s+(?:has|have|had)\s+(?:now\s+)?(?:decided|chosen|made|completed|offered|come back|gone|opted|filled|"
    r"appointed|selected|been in touch|got back)",
    r"\s+made\s+(?:their|its|a)\s+decision",
    r"\s+(?:is|are)\s+an?\s+equal\s+opportunit",
    r"\s+(?:recruiting|recruitment|talent acquisition|careers|hiring|people|hr|early careers|graduate recruitment)"
    r"\s+team",
    r"\s+(?:ltd|limited|plc|llp|inc|gmbh|ab|as|aps)\b[.,]?\s+(?:is\s+)?(?:registered|company|a company)",
    r"['’]s\s+(?:team|recruitment|recruiting|hiring|talent|people|careers|interview|process|decision|panel|hr|"
    r"behalf|office|site)\b",
)
#: Weaker: after a company's name, or a person's ("Contoso came back", "Sarah said").
COMPANY_AFTER_WEAK = (
    r"\s+(?:came back|got back|decided|chose|went with|felt|liked|were impressed|was impressed|are going|"
    r"have gone|would like to thank|wishes you)\b",
)

# --- the role ------------------------------------------------------------------------------

#: Words that follow a job title in running text: "the Data Analyst role".
ROLE_NOUNS = (
    "role", "position", "post", "vacancy", "opening", "job", "opportunity", "spot", "internship", "placement",
    "programme", "program", "req", "requisition", "contract", "assignment", "apprenticeship", "traineeship",
    "fellowship", "secondment", "scheme",
)
#: Of those, the ones never part of a title, however written ("Data Analyst Position").
ROLE_NOUNS_ONLY = ("role", "position", "post", "vacancy", "opening", "job", "opportunity", "spot", "req", "requisition")
#: Words that make a phrase read as a job title (the last word of most titles).
TITLE_WORDS = (
    "engineer", "developer", "analyst", "manager", "designer", "scientist", "officer", "coordinator",
    "co-ordinator", "administrator", "assistant", "associate", "consultant", "adviser", "advisor", "specialist",
    "director", "lead", "leader", "head", "executive", "representative", "technician", "supervisor", "researcher",
    "architect", "accountant", "auditor", "lawyer", "solicitor", "paralegal", "nurse", "teacher",
    "lecturer", "editor", "writer", "producer", "planner", "buyer", "controller", "clerk", "receptionist",
    "operative", "worker", "agent", "intern", "trainee", "apprentice", "graduate", "partner", "strategist",
    "owner", "programmer", "tester", "marketer", "recruiter", "chef", "cook", "driver", "operator",
    "inspector", "surveyor", "pharmacist", "therapist", "practitioner", "psychologist", "economist",
    "statistician", "actuary", "underwriter", "broker", "trader", "cashier", "barista", "host", "steward",
    "curator", "librarian", "archivist", "journalist", "reporter", "photographer", "illustrator", "animator",
    "artist", "fellow", "scheme", "programme", "program", "mechanic", "electrician", "fitter", "welder",
    "chemist", "biologist", "physicist", "mathematician", "secretary", "bookkeeper", "counsel", "attorney",
    "associate", "president", "vp", "cto", "cfo", "ceo", "coo", "sre", "dba", "pm", "ux", "ui", "qa", "ops",
    "advocate", "coach", "trainer", "tutor", "instructor", "carer", "aide", "porter", "cleaner", "caretaker",
    "ambassador", "champion", "generalist", "partner", "estimator", "modeller", "modeler", "navigator",
    "translator", "interpreter", "copywriter", "proofreader", "bookseller", "creator", "merchandiser", "handler",
    "picker", "packer", "attendant", "guard", "warden", "assessor", "caseworker", "volunteer", "organiser",
    "organizer", "investigator", "hygienist", "midwife", "paramedic", "radiographer", "optometrist", "vet",
    "veterinarian", "surgeon", "doctor", "physician", "dentist", "registrar", "fundraiser", "campaigner",
    "ranger", "gardener", "housekeeper", "concierge", "sommelier", "waiter", "server", "bartender", "baker",
    "butcher", "florist", "stylist", "hairdresser", "lifeguard", "residency", "scholar", "postdoc", "manager",
    "nanny", "childminder", "cleaner", "collector", "dispatcher", "controller",
    "negotiator", "valuer", "letting", "lettings", "facilitator", "mentor", "storyteller", "presenter",
    "scheduler", "estimator", "buyer", "merchandiser", "sourcer", "moderator", "labourer", "craftsperson",
    "carpenter", "plumber", "joiner", "intern", "internship", "apprenticeship", "crew", "staff",
)
#: Where a role's name ends in a subject line or a title line: decoration after a dash.
ROLE_DECORATION = (
    r"ref(?:erence)?\.?\s*(?:no\.?|number)?\s*[:#]?\s*[A-Z0-9][\w/.-]*", r"job\s*(?:id|ref|no\.?|number)\s*[:#]?\s*\S+",
    r"req(?:uisition)?\s*(?:id|no\.?|number)?\s*[:#-]?\s*\d[\w-]*", r"REQ-\d+", r"#\s*\d+",
    r"(?:application|interview|assessment|recruitment)\s+(?:update|outcome|status|result|results|decision|"
    r"feedback)", r"update", r"outcome", r"next steps", r"your application", r"application", r"decision",
    r"(?:first|second|third|final|telephone|phone|video|technical|panel|initial|first-stage|"
    r"second-stage|final-stage)\s+(?:round\s+)?(?:interview|round|stage|call|screen)s?",
    r"interview", r"thank you", r"feedback",
)

# --- the stage -----------------------------------------------------------------------------

#: The stages a rejection can come at, in the order a process runs through them.
#: (The vocabulary itself is `nextround.core.stages.STAGES`.)
STAGE_PATTERNS: dict[str, tuple[str, ...]] = {
    "final interview": (
        r"final[- ](?:stage\s+|round\s+)?interviews?", r"final[- ]round", r"final[- ]stage", r"final panel",
        r"\bonsite\b", r"\bon-site\b", r"interview loop", r"final (?:two|three|2|3) candidates",
        r"last (?:two|three|2|3) (?:candidates|applicants|people)\b", r"final meeting", r"final conversation",
        r"final step", r"final part (?:of|in) (?:the|our) process", r"final presentation", r"final assessment",
        r"third[- ](?:round|stage|interview)", r"3rd[- ](?:round|interview)", r"round three",
        r"final (?:two|three|2|3)\b", r"final (?:\w+ )?panel", r"(?:last|final) stage of (?:the|our) process",
    ),
    "second interview": (
        r"second[- ](?:stage\s+|round\s+)?interviews?", r"second[- ]round", r"second[- ]stage",
        r"2nd[- ](?:stage\s+|round\s+)?(?:interview|round|stage)", r"round two", r"round 2",
        r"follow[- ]up interview", r"stage two", r"stage 2", r"second meeting",
    ),
    "first interview": (
        r"first[- ](?:stage\s+|round\s+)?interviews?", r"first[- ]round", r"first[- ]stage",
        r"1st[- ](?:stage\s+|round\s+)?(?:interview|round|stage)", r"initial interview", r"round one",
        r"stage one", r"stage 1", r"first meeting", r"video interview", r"virtual interview",
        r"in-person interview", r"face[- ]to[- ]face interview", r"interview(?:ed|s)?", r"met with",
        r"meeting with (?:[A-Z]\w+|me|us|our|the)\b", r"(?:came|coming|come) in to (?:meet|see|talk)",
        r"to meet \w+ and (?:me|us|I)\b",
        r"meeting (?:with )?(?:me|us|the team|the panel)", r"to meet (?:me|us|the team|the panel)",
        r"meeting you", r"panel interview", r"(?<!shortlisting )(?<!selection )(?<!sifting )\bpanel\b",
        r"competency[- ]based interview",
        r"technical interview",
    ),
    "assessment": (
        r"assessments?", r"assessment cent(?:re|er)", r"online tests?", r"(?:numerical|verbal|logical|"
        r"situational judg(?:e)?ment|psychometric|aptitude|reasoning|cognitive|ability|skills?|coding|"
        r"technical|written|typing|personality|game-based|situational)\s+(?:reasoning\s+)?(?:tests?|"
        r"assessments?|exercises?|challenges?|tasks?)", r"\bsjt\b", r"coding (?:challenge|test|exercise)",
        r"take[- ]home", r"case study", r"edit test", r"test task", r"work sample", r"hackerrank",
        r"codility", r"your (?:test )?results", r"(?:the|your) tests?\b", r"(?:the|your) exercise",
        r"(?:the|your) challenge", r"practical task", r"written task", r"presentation task", r"threshold",
        r"video assessment", r"recorded (?:video|interview)", r"one-way video", r"hirevue", r"sonru",
        r"trial (?:shift|day|session)", r"work trial",
        r"(?:design|writing|editing|translation|portfolio|data|sql|excel|trial) (?:test|task|exercise|challenge)s?",
    ),
    "phone screen": (
        r"phone (?:screen|call|interview|conversation|chat)", r"telephone (?:screen|call|interview|"
        r"conversation|chat)", r"screening (?:call|interview)", r"(?:initial|intro|introductory|quick|short|"
        r"brief) (?:call|chat|conversation)", r"on the (?:tele)?phone", r"call with", r"your call\b",
        r"our call\b", r"spoke (?:with|to) you", r"speaking with you", r"speak(?:ing)? with (?:me|us)",
        r"talking with you", r"recruiter (?:call|screen)", r"(?:video|zoom|teams) call",
        r"screening\b(?! questions?| questionnaire| criteria)",
        r"(?:initial|introductory|exploratory) conversation", r"phone-screen", r"phonescreen",
        r"(?:chat|call|conversation|talk|speak|spoke)(?:ing)? (?:with|to) (?:our|a|the|one of our) "
        r"(?:\w+ )?(?:recruiter|recruitment|talent|resourcing)", r"chat(?:ting)? with (?:me|us)\b",
        r"talk(?:ing)? (?:with|to) (?:me|us)\b", r"our (?:conversation|chat)\b",
    ),
    "application": (
        r"review(?:ed|ing)? (?:your|all|the|each) (?:application|cv|résumé|resume|profile|submission)s?",
        r"(?:your|the) application", r"applications?", r"applying", r"applied", r"your cv", r"your résumé",
        r"your resume", r"your profile", r"shortlist(?:ed|ing)?", r"submitted", r"submission",
        r"sent your (?:cv|details|profile)", r"put you forward", r"your portfolio",
    ),
}

#: A stage named as one the person did *not* reach: "we won't invite you to the second
#: interview". Said within the few words before "to/for the <stage>", one of these
#: makes the stage reached the one before it.
NOT_REACHED = (
    r"not", r"unable", r"invit\w*", r"progress\w*", r"shortlist\w*", r"advanc\w*", r"proceed\w*", r"through",
    r"forward", r"onward", r"further",
)

#: Sentences that say a rejection happened: the letter with most of them is the one.
REJECTION_PHRASES = (
    r"unfortunately", r"regret", r"sorry to", r"afraid", r"not (?:been )?successful", r"unsuccessful",
    r"not (?:to )?(?:be )?(?:moving|move|taking|take|progress|progressing|proceed|proceeding|inviting|invite|"
    r"offer|offering|extend|considered|shortlisted|selected|going|able to offer)",
    r"won't be", r"will not be", r"decided (?:not|to (?:move|go|proceed|pursue|progress|continue|offer))",
    r"(?:other|another|different) (?:candidate|applicant|direction)", r"gone with", r"go with (?:someone|another|"
    r"other|a candidate)", r"offered the (?:post|position|role|job)", r"post has been offered",
    r"position has been (?:filled|offered)", r"not met the", r"did not meet", r"not cleared", r"not clear",
    r"not (?:been )?shortlisted", r"no longer", r"won't be", r"not the news", r"other applicants",
    r"more closely match", r"closer to what", r"not to extend", r"not right now", r"candidacy",
    r"not be able to offer", r"not be taking", r"not be progressing", r"not progressed",
)

# --- feedback --------------------------------------------------------------------------------

#: Where feedback is offered (a sentence with "feedback" or a results report).
FEEDBACK_WORDS = (
    r"feedback", r"debrief", r"results report", r"summary report", r"report of your", r"talk (?:it )?through",
    r"go through (?:it|the|their|your|what)", r"pointers", r"discuss (?:the|your) (?:outcome|interview|"
    r"application|performance|result)", r"areas (?:to|for) (?:improve|development)", r"where you could improve",
    r"(?:notes|comments|thoughts|observations) (?:on|about|from) (?:your|the)", r"(?:main|key) points from",
    r"(?:copy|breakdown) of your (?:\w+ )?(?:results|scores|marks)",
)
#: What makes such a sentence a refusal, not an offer.
FEEDBACK_REFUSED = (
    r"unable to", r"not able to", r"cannot", r"can't", r"can not", r"won't be able", r"will not be able",
    r"not in a position", r"do not (?:provide|give|offer|share)", r"don't (?:provide|give|offer|share)",
    r"does not (?:provide|give|offer)", r"not possible", r"no feedback", r"not (?:provide|give|offer|share)",
    r"policy (?:is )?not to", r"policy (?:prevents|does not allow)", r"not (?:be )?(?:providing|giving|offering)",
)
#: What makes such a sentence an offer.
FEEDBACK_OFFERED = (
    r"happy to", r"glad to", r"pleased to", r"delighted to", r"willing to", r"would like", r"'d like",
    r"if you (?:would|'d)? ?(?:like|find|want|wish)", r"let me know", r"just reply", r"reply to",
    r"request(?:ing)?", r"available", r"can (?:share|give|offer|provide|send|arrange|set)", r"could (?:share|"
    r"give|offer|provide|send)", r"i'll (?:send|pass|share)", r"will (?:send|pass|share)", r"i've got",
    r"i have (?:their|some|the)", r"get in touch", r"drop me", r"give me a (?:call|ring)", r"feel free",
    r"welcome to", r"do ask", r"ask (?:me|us) for", r"offer", r"set up", r"arrange", r"button",
    r"should you (?:wish|like|want)", r"if you wish", r"please (?:contact|email|get in touch|reply|call|ring)",
    r"you (?:may|can) (?:request|ask)", r"on request", r"upon request", r"here is", r"here's", r"below",
    r"(?:the )?(?:panel|interviewers?|hiring manager|team) (?:felt|noted|said|thought|commented)",
    r"feedback (?:was|is|were|from the (?:panel|team|interviewers?|hiring manager)(?: was| is)?)\b", r"feedback:",
    r"here are", r"(?:left|written|prepared|put together) (?:you )?(?:some )?(?:\w+ )?(?:feedback|notes)",
    r"feedback for you", r"view (?:your )?feedback", r"share them", r"send them",
)

# --- the letter's shape ------------------------------------------------------------------------

#: A line that ends the letter's text and starts its signature.
SIGN_OFFS = (
    r"(?:kind(?:est)?|best|warm(?:est)?|many|with (?:best|kind|warm)|all the best|warm|sincere)\s*"
    r"(?:regards|wishes|thanks)?", r"regards", r"best", r"thanks", r"thank you", r"many thanks", r"cheers",
    r"sincerely", r"yours sincerely", r"yours faithfully", r"yours truly", r"truly", r"warmly",
    r"respectfully", r"speak soon", r"take care", r"all the best", r"best of luck", r"good luck",
    r"with (?:warm|best|kind)? ?(?:wishes|regards)", r"thanks (?:&|and) regards", r"thanks again",
    r"thanks again and best of luck", r"best wishes", r"talk soon", r"with thanks", r"yours",
    r"med vennlig hilsen", r"vennlig hilsen", r"venlig hilsen", r"med venlig hilsen", r"mvh",
    r"med vänliga hälsningar", r"vänliga hälsningar", r"mvh", r"mit freundlichen grüßen",
    r"freundliche grüße", r"viele grüße", r"beste grüße", r"cordialement", r"bien à vous", r"saludos",
    r"un saludo", r"atentamente", r"groeten", r"met vriendelijke groet", r"cordiali saluti",
    r"ystävällisin terveisin", r"regards,? and good luck", r"best,? and good luck",
)

#: A line that says a forwarded message starts below it.
FORWARD_MARKERS = (
    r"-{2,}\s*forwarded message\s*-{2,}", r"begin forwarded message:?", r"-{2,}\s*original message\s*-{2,}",
    r"-{2,}\s*weitergeleitete nachricht\s*-{2,}", r"-{2,}\s*ursprüngliche nachricht\s*-{2,}",
    r"-{2,}\s*videresendt (?:melding|meddelelse|besked)\s*-{2,}", r"-{2,}\s*vidarebefordrat meddelande\s*-{2,}",
    r"_{8,}", r"-{8,}", r"forwarded message:?", r"original message:?",
)
#: The names of a forwarded header's lines, in the languages of the mail clients met.
HEADER_NAMES: dict[str, str] = {
    "from": "from", "von": "from", "fra": "from", "från": "from", "de": "from", "van": "from",
    "sent": "date", "date": "date", "gesendet": "date", "datum": "date", "sendt": "date", "skickat": "date",
    "dato": "date", "envoyé": "date",
    "to": "to", "an": "to", "til": "to", "till": "to", "à": "to", "aan": "to",
    "cc": "cc", "kopie": "cc",
    "subject": "subject", "betreff": "subject", "emne": "subject", "ämne": "subject", "objet": "subject",
    "onderwerp": "subject",
    "reply-to": "reply-to", "antwort an": "reply-to",
}

#: Nouns that name an organisation "for" something ("Centre for Ageing Better", "Department
#: for Education"): after one, "for" belongs to the name, not to the role that follows it.
ORG_FOR = ("centre", "center", "institute", "foundation", "society", "department", "office", "commission",
           "alliance", "council", "partnership", "campaign", "trust", "fund", "association", "coalition",
           "network", "agency", "school", "college", "museum", "league", "union", "ministry")
