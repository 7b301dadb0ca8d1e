"""The tone check's rules and word lists: data only, no logic.

Kept as Python rather than JSON or YAML: each rule family sits beside a comment that
says which move a reader takes personally, the patterns are built from named pieces
(`_REST`, `_YOU`) that a data file would have to repeat, and nothing is parsed at
start-up (patterns compile on first use).
"""

from __future__ import annotations

import dataclasses
import re

from nextround.checks._feedback_words import COMMON_ABBREVIATIONS, MONTHS
from nextround.checks._patterns import N_, Coded, InOneSentence, alternation, lazy

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
    patterns: tuple[str | Coded, ...]
    why: str
    alternative: str


def _rule(kind: str, why: str, alternative: str, *patterns: str | Coded) -> _ToneRule:
    return _ToneRule(kind, patterns, why, alternative)


# Building blocks for the rules. Patterns are case-insensitive. Most end in _REST so
# that the flagged phrase runs to the end of the offending clause, which is what a
# person needs to see to rewrite it.
_REST = r"[^.!?]*"
_START = r"(?:^|(?<=[.!?]\s))"  # the start of a sentence
# "<head> … <word> … " later in the same sentence is written InOneSentence(head, word,
# tail=…), which stands for head + _REST + word + … but is matched in linear time: as a
# regular expression, each head would scan on to the end of its sentence.
# "you", "they" or someone on their side ("your interviewer", "the panel").
_YOU = (
    r"(?:you|they|(?:your|the) (?:interviewer|recruiter|panel|team|manager|hiring manager|hr team|"
    r"company|process|colleague)s?)"
)
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|a few|several|many)"
_LEAVE_IT = N_("(leave it out)")
_THANKS = N_("Thank you for letting me know.")
_FEEDBACK = N_("If you're able to share any feedback, I'd be grateful.")
_WELL = N_("I wish you and the team well.")
_UNDERSTAND = N_("Could you help me understand what made the difference?")
_CALMLY = N_("(leave it out; if something was genuinely wrong, raise it separately and calmly)")

# One rule per *move* a reader takes personally, grouped by kind. Each family lists the
# shapes the move takes; adding a phrasing usually means adding one alternative.
TONE_RULES: tuple[_ToneRule, ...] = (
    # --- dismissive: brushing them off, closing the door
    _rule("dismissive", N_("This brushes them off, and reads as contempt or irritation."), _THANKS,
          _START + r"whatever(?: you say)?\b", r"\bwhatever (?:they|that|those|it|this) "
          r"(?:were|was|means|is|are|meant)\b", r"^(?:(?:ok|okay),? )?(?:fine|ok|okay|right)\.(?=\s|$)",
          r"\bit'?s fine\.(?=\s|$)", r"\bi'?m done\b", r"\b(?:i )?couldn't care less\b",
          r"\bgood riddance\b", r"\bdon'?t bother\b", r"\b(?:lol|lmao|smh|rofl)\b", _START + r"forget it\b",
          r"\bi don'?t care(?:\.| any ?more| what)", _START + r"moving on\."),
    _rule("dismissive", N_("This closes a door you may want open later, and reads as a parting shot."),
          N_("I'd be glad to be considered for future roles."),
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
    _rule("sarcasm", N_("This is a stock sarcastic phrase: the words are polite, the meaning isn't."), _THANKS,
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
    _rule("sarcasm", N_("A one-word reaction with a full stop reads as flat sarcasm or disbelief."), _LEAVE_IT,
          _START + r"(?:wonderful|great|brilliant|fantastic|perfect|lovely|marvellous|super|awesome|"
          r"terrific|charming|splendid|figures|ha|hah|lol|go figure|as expected|of course not|unreal|nice|"
          r"cool|amazing|incredible|priceless|classy|right|sure|not)\.(?=\s|$)",
          _START + r"(?:wow|typical|classic|unbelievable|incredible|seriously|really)[.!?]+(?=\s|$)",
          r"\bjust wow\b", _START + r"typical\b" + _REST),
    _rule("sarcasm", N_("Thanking or praising them for what it cost you is sarcasm."),
          N_("Thank you for the opportunity to interview."),
          r"\bthanks? (?:you )?(?:so much |very much |a lot )?for wasting\b",
          r"\b(?:wonderful|great|fantastic|brilliant|lovely|excellent|marvellous|super|perfect|productive|"
          r"good|fun) (?:use|way to spend|way of spending) (?:of )?my\b" + _REST,
          r"\b(?:lovely|nice|great|wonderful|fantastic|brilliant|charming|delightful|good) to (?:be|get|"
          r"have been) (?:\w+ )?(?:rejected|ignored|ghosted|turned down|dismissed|kept waiting|strung "
          r"along|messed around|fobbed off)\b" + _REST,
          r"\bafter " + _NUM + r" (?:days|weeks|months) of (?:silence|nothing|waiting)\b"),
    _rule("sarcasm", N_("A good wish with a sting in it reads as a jibe."), _WELL,
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
    _rule("sarcasm", N_("This tells them what you think they really value, which reads as a sarcastic "
             "accusation."), _LEAVE_IT,
          r"\b(?:claims?|claimed|supposedly|pretends?|likes? to think) (?:to )?(?:value|care|be|champion|"
          r"support|believe)\b" + _REST, r"\bfunny way of showing\b" + _REST,
          r"\bmeans? nothing (?:to you|to your \w+|to them|these days|any ?more)\b",
          r"\b(?:doesn'?t|don'?t|didn'?t) (?:matter|count|mean anything)(?: to you| any ?more| for "
          r"anything)\b",
          r"\b(?:perhaps|maybe) (?:you|they) (?:were|are|just|wanted|didn'?t|only|never)\b" + _REST,
          r"\byes-m[ae]n\b"),
    # Scare quotes: a lower-case word or two in quote marks. Quoted titles ('Data
    # Analyst') start with a capital and are left alone.
    _rule("sarcasm", N_("Putting their word in quote marks (scare quotes) says you don't believe it."),
          N_("Thank you for the feedback."),
          r"(?<=\s)(?:the|your|this|that|so-called|is|was|being|as|a|an|my|me|called) (['‘\"“])(?-i:[a-z])"
          r"[\w -]{1,24}['’\"”]"),
    # ("I clearly didn't explain myself well" is self-reflection, not a jab.)
    _rule("sarcasm", N_("“Clearly”/“obviously” presents your guess about them as fact, and reads as "
             "a jab."),
          N_("I may have misunderstood, so I'd welcome more detail."),
          r"(?<!i )(?<!i was )(?<!i'm )(?<!i am )\b(?:clearly|obviously)\s+(?:just|not|never|no|hadn'?t|"
          r"didn'?t|wasn'?t|weren'?t|don'?t|doesn'?t|had no|isn'?t|couldn'?t)\b"),
    # --- hostile: insults, threats, parting shots (insults by word are in INSULT_WORDS)
    _rule("hostile", N_("A threat, even a hinted one, ends the relationship and can follow you."), _CALMLY,
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
    _rule("hostile", N_("Telling them it's their loss, or that you're better off, burns the bridge."),
          N_("I'd be glad to stay in touch for future roles."),
          r"\byour loss\b", r"\byou(?:'ve| have)? (?:really |just )?missed out\b" + _REST,
          r"\byou(?:'ve| have) lost (?:a|an|out|someone)\b" + _REST,
          InOneSentence(r"\byou'?ll (?:realise|realize|see|find out)\b", r"\b(?:soon enough|one day|eventually)\b",
                        tail="last"),
          r"\b(?:dodged a bullet|(?:had )?a lucky escape|better off without)\b" + _REST,
          r"\b(?:it'?s|that'?s|it is|that is|really|honestly) (?:really |honestly )?no (?:great |real |big )?"
          r"loss\b" + _REST,
          r"\b(?:had|got|received) (?:two|three|several|other|\d+) (?:other )?offers "
          r"(?:since|already)\b" + _REST),
    _rule("hostile", N_("This attacks them, or the person they chose, and will be remembered."), _LEAVE_IT,
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
    _rule("hostile", N_("Telling them you're angry or insulted puts them on the defensive; "
             "“disappointed” says it without heat."), N_("I'm disappointed by the decision."),
          r"\b(?:been|felt|feel|was|am|i'?m) (?:so |very |really |deeply |quite )?(?:insulted|disrespected|"
          r"humiliated|offended|mistreated)\b" + _REST,
          r"\b(?:i'?m|i am|i was|i feel|i felt)(?: \w+)? (?:furious|livid|fuming|outraged|appalled|disgusted|"
          r"insulted|angry|infuriated|offended|incensed)\b",
          r"\bi (?:don'?t|do not) appreciate\b" + _REST,
          r"\b(?:baffled|stunned|shocked|astonished|flabbergasted|gobsmacked|appalled|amazed) (?:(?:that )?"
          r"(?:you|your|a company|an organisation|an? \w+ of your)|by you|by your|at your|at the way|by the "
          r"way|(?:at )?how (?:you|your|badly|poorly|this|it))\b" + _REST),
    _rule("hostile", N_("Swearing, or an angry emoji, reads as anger in a professional message."), _LEAVE_IT,
          r"\b(?:wtf|ffs|f\*+k?|bloody|damn(?:ed)?|crap|bullshit|bs|piss(?:ed)? off|sucks)\b",
          r"[🙄😒😤😡🤬🖕]"),
    # --- blame: the fault put on them
    _rule("blame", N_("This tells them what they did wrong, which makes them defend the decision rather "
             "than help you."), N_("I'd appreciate understanding how the decision was reached."),
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
          InOneSentence(r"\bwhoever\b", r"\b(?:never|no idea|clearly|obviously|doesn'?t|didn'?t|hasn'?t)\b",
                        tail="rest"),
          r"\b(?:your|the) (?:interviewer|recruiter|panel|manager)\b[^.!?]{0,20}\bjust didn'?t\b",
          r"\bhow am i (?:supposed|meant|expected) to\b" + _REST),
    _rule("blame", N_("Saying they didn't try, or treated you badly, is an accusation, however true it feels."),
          N_("I'd have appreciated a little more detail, if you're able to share it."),
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
    _rule("blame", N_("Pointing out how long they took reads as a reprimand."),
          N_("Thank you for getting back to me."),
          r"\btook (?:you|them|your \w+|the (?:panel|team|company|recruiter)|(?!me\b)\w+ only) (?:over |"
          r"nearly |almost |about |more than )?" + _NUM + r" ?(?:days?|weeks?|months?)\b",
          r"\bonly took (?!me\b)" + _NUM + r" ?(?:days?|weeks?|months?)\b",
          r"\bonly (?:\w+ ){0,3}(?:days|weeks|months) (?:late|after|later)\b"),
    _rule("blame", N_("A “why did you…” or rhetorical question reads as an accusation, not a question."),
          N_("Could you tell me how my application was assessed?"),
          r"\bwhy (?:on earth |exactly |the hell |else )?(?:did|didn'?t|would|wouldn'?t|do|don'?t|does|"
          r"doesn'?t|have|haven'?t|has|hasn'?t)(?: it take)? (?:you|your \w+|they|the \w+|nobody|no one|"
          r"anyone)\b" + _REST,
          r"\bhow could you\b" + _REST,
          r"\b(?:did|does|do|has|had) (?:anyone|anybody|someone|you|they) (?:even |actually |ever )+(?:read|"
          r"look(?:ed)? at|listen(?:ed)? to|open(?:ed)?)\b" + _REST),
    _rule("blame", N_("Telling them their decision was a mistake, or passing judgement on them, argues "
             "with it."), N_("I was disappointed by the decision, but I respect it."),
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
    _rule("blame", N_("Suggesting the outcome was fixed accuses them of bad faith."),
          N_("Could you tell me what made the difference in the end?"),
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
    _rule("blame", N_("Telling them how to do their job reads as a lecture."), _LEAVE_IT,
          r"\b(?:next time|in future|in the future),? (?:maybe |perhaps |try to |please )?(?:(?:someone|"
          r"somebody|you|they|your \w+|the \w+)(?: could| should| might| may want to| will|'ll| need to)? )?"
          r"(?:try|read|check|look|consider|actually|bother|reply|respond|make|take|give|treat|learn|do|"
          r"tell|update|train|be)\b" + _REST,
          _START + r"(?:maybe|perhaps)(?: next time| in future)?,? (?:read|check|look|try|reply|respond|"
          r"treat|learn|actually|bother|update|train)\b" + _REST,
          InOneSentence(r"\b(?:maybe|perhaps) (?:your \w+|the \w+|someone|somebody) (?:could|should|might|"
                        r"needs? to|ought to)\b", tail="."),
          r"\byou (?:might|may) (?:want|wish) to (?:update|review|check|reconsider|rethink|train|"
          r"fix)\b" + _REST),
    _rule("blame", N_("Doubting that they read or considered your application accuses them of not trying."),
          N_("Could you tell me how my application was assessed?"),
          r"\b(?:was|were|been) (?:even|actually|ever) (?:read|looked at|opened|considered)\b" + _REST,
          r"\b(?:you|they|anyone|anybody|someone|somebody)\b[^.!?]{0,30}\bactually (?:read|look(?:ed)? at|"
          r"listen(?:ed)? to|open(?:ed)?|consider(?:ed)?)\b" + _REST,
          r"\bi find it (?:hard|difficult) to believe\b" + _REST),
    # A rhetorical question aimed at them: "Is anyone actually reading my emails?" A real
    # question doesn't need "actually" or "even".
    _rule("blame", N_("A question with “actually” or “even” in it is a complaint, not a question."),
          N_("Could you let me know …?"),
          InOneSentence(_START + r"(?:do|does|did|is|are|was|were|has|have|will|would)\b",
                        r"\b(?:you|your|anyone|anybody|they|the \w+)\b", r"\b(?:actually|even)\b", tail="?")),
    # Contempt for how easy it should have been: "it's not rocket science".
    _rule("hostile", N_("Saying it should have been easy for them reads as contempt."), _LEAVE_IT,
          r"\bnot rocket science\b" + _REST, r"\bhow hard (?:can|is|could) it\b" + _REST,
          r"\bit(?:'s| is|'s not| isn'?t| is not) (?:not )?(?:that |exactly )?(?:hard|"
          r"difficult) to (?:send|reply|give|write|let|respond|tell)\b" + _REST),
    # --- defensive: arguing with the decision
    _rule("defensive", N_("This argues with a decision already made, which rarely changes it."),
          N_("I saw it a little differently, so I'd value the chance to understand your view."),
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
    _rule("defensive", N_("Insisting you were the best choice, or did everything right, disputes their "
             "judgement."), N_("I felt the interview went well, so I'd value any detail on where I fell short."),
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
    _rule("defensive", N_("Comparing yourself with whoever got the job, or with their panel, reads as "
             "resentful."), N_("Could you tell me which parts of the role my experience didn't cover?"),
          r"\bmore experience than (?:anyone|anybody|everyone|any of)\b" + _REST,
          r"\bcounts? for less than\b" + _REST,
          r"\b(?:someone|somebody|a candidate|they|he|she|the other \w+) (?:with|has|had|having) "
          r"less\b" + _REST,
          r"\b(?:got|gets|given|offered) the (?:job|role|position) over me\b",
          r"\b(?:chose|picked|hired) (?:\w+ ){0,3}over me\b"),
    # --- demand: asking for what they don't owe (deadlines are found by _deadline_flags)
    _rule("demand", N_("Expecting or demanding something they don't owe you reads as entitled."), _FEEDBACK,
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
    _rule("demand", N_("This is phrased as an order rather than a request."), _UNDERSTAND,
          r"(?<!you )\btell me why\b" + _REST, r"\bconfirm (?:immediately|in writing)\b",
          r"(?<!you )(?<!you please )\b(?:please )?explain (?:to me )?why\b",
          r"\bi want (?:an|a full) explanation\b", r"\bi want to know why\b"),
    _rule("demand", N_("Going over their heads, or copying in someone senior, turns a reply into a complaint."),
          _CALMLY,
          r"\b(?:be )?reviewed by someone (?:more )?senior\b",
          r"\bescalat(?:e|ing) (?:this|it|the matter|my \w+)\b" + _REST,
          r"\b(?:speak|talk|write|go|complain|take this|raise this) (?:\w+ )?(?:to|with) (?:your|a|the) "
          r"(?:manager|supervisor|boss|director|chief executive|ceo|md|board|head of \w+|ombudsman|"
          r"regulator)\b",
          r"\bcop(?:y|ying|ied) in (?:your|the|my) (?:\w+ )?(?:director|manager|ceo|boss|head|chief "
          r"executive|lawyer|solicitor)\b" + _REST),
    # --- pleading: begging them to reverse the decision
    _rule("pleading", N_("Begging them to reverse the decision puts them in an awkward spot and undersells "
             "you."), N_("If a similar role comes up, I'd be very glad to be considered."),
          r"\bplease reconsider\b" + _REST, r"\breconsider (?:your|the|this) decision\b",
          r"\bi (?:really |desperately )?need this (?:job|role)\b", r"\b(?:i'?m )?begging\b",
          r"\bgive me (?:another|one more|a second) (?:chance|go)\b", r"\bi'?ll do anything\b",
          r"\b(?:just |please )+give me (?:a|one|another|the) (?:chance|shot|go|try)\b",
          r"\b(?:i'?m|i am) desperate\b", r"\bdesperately need\b", r"\bprove you wrong\b"),
    # --- passive-aggressive: a pointed hint instead of a plain request
    _rule("passive_aggressive", N_("This hints at a grievance instead of saying plainly what you'd like."),
          N_("Thank you for getting back to me."),
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
    _rule("passive_aggressive", N_("Listing what the process cost you reads as making them feel guilty."),
          N_("Thank you for your time."),
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
          InOneSentence(r"\bafter all that\b", tail="?")),
    # --- bitter and absolute: resentment, all-or-nothing words aimed at them or the world
    _rule("bitter", N_("This sounds worn down and resentful, and the reader may take it personally."),
          N_("It's been a tough search, but I'm keen to keep going."),
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
    _rule("absolute", N_("An all-or-nothing statement turns one decision into a judgement of them, and is "
             "rarely true."), N_("This has been a tough search so far."),
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
    _rule("self_put_down", N_("Running yourself down makes the reader see you the way you describe "
             "yourself."), N_("I'm disappointed, and I'm keen to learn from it."),
          r"\bi'?m (?:so |such |just |a |an |totally |completely |utterly |really |obviously |clearly |"
          r"simply |probably )*(?:useless|stupid|an idiot|idiot|a failure|failure|hopeless|worthless|rubbish|"
          r"pathetic|a loser|not good enough|not cut out for|unemployable|unhireable|a lost cause|no good|a "
          r"disappointment|a joke|(?:terrible|awful|rubbish|hopeless|useless) at \w+)\b",
          r"\b(?:a )?(?:total|complete|utter) (?:idiot|failure|mess|disaster|fool)\b",
          r"\bi (?:totally |completely |really )?(?:blew|messed up|screwed up|ruined|bombed) (?:it|the "
          r"interview)\b",
          r"\b(?:sorry|apologies) for wasting your time\b",
          r"\byou won'?t want to (?:hire|see|hear from) me\b"),
    _rule("self_put_down", N_("Saying you always fail, or never will succeed, undersells you to someone "
             "who may hire you later."), N_("I'm keen to keep improving, and I'd welcome any advice."),
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

FIRST_PERSON = {"i", "i'm", "im", "my", "me", "myself", "i've", "i'd", "i'll", "mine"}
SECOND_THIRD = {"you", "your", "you're", "yours", "you've", "they", "their", "them", "they're",
                 "he", "she", "his", "her", "this", "that", "process", "company",
                 "interview", "interviewer", "recruiter", "panel", "decision", "team", "email"}

# VADER-assisted rule: thanks for something the lexicon scores as negative ("thank you
# for the rejection") is almost always sarcastic. Words that are negative in VADER but
# normal in a gracious reply are exempt.
THANKS_FOR = lazy(
    r"\b(?:thanks?|thank you)(?: you)?(?: (?:so|very) much| a lot| again)? for (?P<obj>[^.,;:!?]{1,60})",
    re.IGNORECASE,
)
GRACIOUS_NEGATIVES: frozenset[str] = frozenset(
    {"honest", "honesty", "feedback", "news", "sorry", "difficult", "hard", "bad", "tough",
     "no", "not", "patience", "concern", "concerns", "delay", "problem", "problems"}
)

# Closing lines that may legitimately follow sad news ("Thanks anyway.", "Best wishes").
SIGN_OFF = lazy(r"\b(?:thank|thanks|regards|wishes|sincerely|cheers|best|warmly|take care|all the best)\b",
                  re.IGNORECASE)

# Capitalised words that are not shouting: abbreviations and names of things.
NOT_SHOUTING: frozenset[str] = COMMON_ABBREVIATIONS | frozenset(
    {"SQL", "NHS", "API", "APIs", "AWS", "GCP", "UX", "UI", "QA", "IT", "PR", "HTML", "CSS",
     "KPI", "OKR", "CRM", "SEO", "PhD", "MSc", "BSc", "MBA", "STAR", "SAP", "GDPR", "ETL",
     "BI", "ML", "AI", "NLP", "ID", "URL", "PDF", "LLM", "DM", "RE", "FW", "FWD"}
)

# Something they did wrong, for the praise-plus-complaint sarcasm check.
COMPLAINT_RE = lazy(
    r"\byou (?:didn'?t|did not|never|forgot|ignored|kept me (?:waiting|hanging|in the dark)"
    r"|couldn'?t be bothered|failed|lost)\b|"
    r"\b(?:weeks?|months?) of (?:silence|waiting|nothing)\b|\bwast(?:e|ed|ing)\b",
    re.IGNORECASE,
)
# A complaint that is really about yourself, or an apology, is not sarcasm.
SINCERE_RE = lazy(
    r"\b(?:sorry|apologies|apologise|my fault|i didn'?t|i wasn'?t|even though)\b", re.IGNORECASE
)

# "your <word>" or "<them> is/was <word>": the shapes in which a word judges the reader.
JUDGED_RE = lazy(
    r"\b(?:your (?:\w+ )?|(?:you|they|you're|they're|your \w+|the (?:process|company|interview|interviewer|"
    r"recruiter|panel|decision|feedback|email|team|manager)) (?:is|are|was|were|seem|seemed|felt|looked"
    r"|sounded|have been|has been) (?:so |very |really |quite |just |completely |totally "
    r"|utterly )?)(?P<word>[a-z]+)\b",
    re.IGNORECASE,
)

# VADER compound at or below which a sentence aimed at them counts as negative.
SENTENCE_NEGATIVE = -0.3
YOU_RE = lazy(r"\b(?:you|your|you're|you've|yours|they|their|they're)\b", re.IGNORECASE)
THANKS_AFTER_RE = lazy(
    r"\b(?:really|truly|so) appreciate (?:it|that)\b|\bmuch appreciated\b|\bthanks a lot\b|"
    r"\bcheers for that\b|\bgreat job\b|\bwell done\b",
    re.IGNORECASE,
)
INSULT_RE = lazy(r"\b(?:" + "|".join(INSULT_WORDS) + r")\b", re.IGNORECASE)
CLAUSE_BREAK_RE = lazy(r"[.!?;:,—–]|\bbut\b|\band\b", re.IGNORECASE)
TONE_RES = tuple((rule, alternation(rule.patterns, re.IGNORECASE)) for rule in TONE_RULES)
CAPS_RE = lazy(r"\b[A-Z][A-Z']{1,}[A-Z]\b|\b[A-Z]{2}\b")
# "!!!", "?!", "??": but a plain "!!" of excitement ("Thank you!!") is let through.
# A "?" then a "!" later in the run, or a "!" then a "?", matches to the end of the run
# of "!" and "?"; written as the first "?" (or "!") and the first "!" (or "?") after it,
# rather than as [!?]*\?[!?]*!+[!?]*, which tries every split of a long run.
REPEATED_PUNCT_RE = lazy(r"!{3,}|!*\?+![!?]*|\?*!+\?[!?]*|\?{2,}|!\s+!\s+!|\?\s+\?")
SENTENCE_RE = lazy(r"[^.!?]+[.!?]*")
# A deadline: "by Friday", "within 48 hours", "no later than 5pm", "immediately".
DEADLINE_RE = lazy(
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
DEADLINE_REASON_RE = lazy(r"\b(?:as|because|since) i(?: have|'ve got|'ve| need| must)\b", re.IGNORECASE)
# The writer's own side of a deadline: "I'll send it by Friday", "I'm free until 5pm".
OWN_DEADLINE_RE = lazy(
    r"\b(?:i'?ll|i will|i can|i could|i'?d be able|i need to|i have to|i must|we can|we could|we'?ll|"
    r"(?:i'?m|i am) (?:free|available|away|around|off|able|starting|moving|going|due))\b", re.IGNORECASE
)


