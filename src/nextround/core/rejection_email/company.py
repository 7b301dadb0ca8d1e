"""The company: names voted on from the sender, subject, text, signature and footer; agencies and systems left out."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

import nextround.core.rejection_email._words as words
from nextround.core.rejection_email.addresses import _domain_labels, _matches_domain, _no_reply, _shared
from nextround.core.rejection_email.facts import FROM_FOOTER, FROM_SENDER_NAME, FROM_SIGNATURE, FROM_SUBJECT, FROM_TEXT
from nextround.core.rejection_email.names import (
    _JOINERS,
    _LEGAL,
    _NOT_NAMES,
    _ORG,
    _ORG_AND_TEAM,
    _TEAM,
    _capitalised,
    _display_person,
    _is_person,
    _is_title,
    _key,
    _name_at,
    _name_ending_at,
    _person_name,
    _squash,
    _without_full_stop,
    _without_team_words,
)
from nextround.core.rejection_email.prose import _LABELLED_LINE, _prose, _words_re
from nextround.core.rejection_email.reading import Reading
from nextround.core.rejection_email.subject import _DECORATION, _subject_pieces
from nextround.core.rejection_email.votes import MAX_CANDIDATES, _merge_fuller, _Vote

_STAGE_NAME = re.compile(r"(?:first|second|third|final|initial|phone|telephone|video|technical|panel|onsite|on-site|"
                         r"in-person|virtual)(?:[- ](?:round|stage))?")
#: After a person's name, what they are: "Pieter Bakker, our engineering manager".
_APPOSITION = re.compile(r",[ \t]+(?:who is |who's )?(?:our|their|the|my|your|a|an)\s+(?:[\w-]+\s+){0,3}?(?:"
                         + "|".join(sorted(words.TITLE_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_AGENCY_HINT = re.compile("|".join(words.AGENCY_HINTS), re.IGNORECASE)
_AGENCY_HINT_WEAK = re.compile("|".join(words.AGENCY_HINTS_WEAK), re.IGNORECASE)
_AGENCY_WORD = _words_re(words.AGENCY_WORDS)


_COMPANY_BEFORE = [(re.compile(r"\b" + p + r"\s+(?:the\s+)?(?=[^\W\d_])", re.IGNORECASE), 2.0)
                   for p in words.COMPANY_BEFORE[:-1]]
_COMPANY_BEFORE.append((re.compile(r"\b" + words.COMPANY_BEFORE[-1]), 1.0))
_NAME_THEN_AFTER = [(re.compile(r"(?<=[^\W\d_])(?:" + "|".join(patterns) + r")", re.IGNORECASE), weight)
                    for patterns, weight in ((words.COMPANY_AFTER, 2.0), (words.COMPANY_AFTER_WEAK, 1.0))]
_TEAM_LINE = re.compile(
    r"^[ \t]{0,8}(?:the[ \t]+)?(?P<name>[^\W\d_][^\n]{0,50}?)[ \t]{1,4}(?:careers|recruiting|recruitment|"
    r"talent acquisition|talent|hiring|hr|people|early careers|graduate recruitment|university recruiting|jobs|"
    r"resourcing)(?:\s+team)?[.!,]?\s*$",
    re.IGNORECASE)


def company(reading: Reading) -> tuple[str, str] | None:
    """The company a rejection is from, and where it was found ("from the signature"); None if not found."""
    return _Company(reading).read()


class _Company:
    """One email's company, voted on (see the package's docstring)."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.order = itertools.count(1)  # the order names are first voted for: the earlier wins a tie
        self.seen_alone: dict[str, bool] = {}

    def read(self) -> tuple[str, str] | None:
        """The company's name as the email writes it, and where it was found; None when nothing is."""
        votes: dict[str, _Vote] = {}
        agency = self._agency()
        agency_keys = {_key(a) for a in agency} | {_key(_without_team_words(a)) for a in agency}

        def vote(name: str, weight: float, source: str) -> None:
            named = self._company_name(name, source)
            if not named or _key(named[0]) in agency_keys:
                return
            name, key = named[0], _key(named[0])
            if named[1] and source == FROM_SIGNATURE:
                weight = max(weight, 3.0)  # "Contoso Careers" signs: the company's own team
            entry = votes.setdefault(key, _Vote([], first=next(self.order)))
            entry.forms.append(name)
            entry.score += weight
            entry.sources[source] = entry.sources.get(source, 0) + weight

        letter = self.reading.letter
        for display, address in ((letter.sender_name, letter.sender_address),
                                 (letter.reply_to_name, letter.reply_to_address)):
            if display and len(display.split()) == 1 and len(_squash(display)) >= 2 and \
                    _squash(display) in _squash(address.split("@")[0]) and not _shared(address):
                continue  # "Tom" <tom@…>: a first name, not a company
            shown = _display_person(display)
            # "Amy from Fennel" names a person; "Wide World Importers" <careers@wwimporters…> does not.
            person = _is_person(shown) or (shown != _person_name(display) and _is_person(shown, single=True))
            if person and (_shared(address) or _no_reply(address)) and \
                    _matches_domain(display, _domain_labels(address)):
                person = False
            if display and not person:
                vote(_without_team_words(display), 3, FROM_SENDER_NAME)
            elif display and shown != _person_name(display):
                # "Jane Smith | Contoso", "Jane Smith at Contoso": the rest names the company.
                rest = re.split(r"\s+(?:at|from)\s+|\s*[|@]\s*|\s+[-–—]\s+", display, maxsplit=1,
                                flags=re.IGNORECASE)
                if len(rest) == 2:
                    vote(_without_team_words(rest[1]), 2, FROM_SENDER_NAME)
        for line in self.reading.text.split("\n"):
            match = _TEAM_LINE.match(line)
            if match:
                vote(_name_at(match["name"], 0), 2, FROM_TEXT)
        for match in _LABELLED_LINE.finditer(self.reading.text):
            if match["label"].lower() in ("company", "employer", "organisation", "organization", "client"):
                vote(match["value"], 3, FROM_TEXT)
        for subject, weight in self.reading.subjects():
            for piece in _subject_pieces(subject):
                for name in _subject_companies(piece):
                    vote(name, weight, FROM_SUBJECT)
        for name, weight in _text_companies(self.reading.prose):
            vote(name, weight, FROM_TEXT)
        for name in self.reading.organisations:
            vote(name, 2, FROM_SIGNATURE)
        for name in _footer_companies(self.reading.text):
            vote(name, 2, FROM_FOOTER)
        for note in self.reading.above:
            for name, _weight in _text_companies(_prose(note.text)):
                vote(name, 0.5, FROM_TEXT)
        for quoted in self.reading.quoted:
            for name, _weight in _text_companies(_prose(quoted.text)):
                vote(name, 1, FROM_TEXT)
        if not votes:
            return None
        labels = [] if agency else _domain_labels(letter.sender_address)
        labels += _domain_labels(letter.reply_to_address) if not _no_reply(letter.reply_to_address) else []
        labels += [lab for a in self.reading.signature.addresses for lab in _domain_labels(a)] if not agency else []
        for entry in votes.values():
            if _matches_domain(entry.forms[0], labels):
                entry.score += 3 if _squash(entry.forms[0]) in labels else 2
        merged = _merge_fuller(votes)
        best_key = max(merged, key=lambda k: (merged[k].score, len(merged[k].sources), -merged[k].first))
        best = merged[best_key]
        source = max(best.sources, key=lambda s: best.sources[s])
        return _company_form(best.forms), source

    def _company_name(self, name: str, source: str) -> tuple[str, bool] | None:
        """`name` as a company's name, and whether a team's words were cut from it; None
        when it is no company's (a person who signs, a stage, an applicant-tracking system, …)."""
        name = _without_full_stop(name.strip(" ,-–—:|'\""))
        name = re.sub(r"^(?:the|our|my)\s+", "", name, flags=re.IGNORECASE)
        lowered = name.lower().split()
        if source in (FROM_TEXT, FROM_SUBJECT) and lowered and (
                (_is_title(lowered[-1]) and lowered[-1] not in _ORG)
                or any(_is_title(a) and a not in _ORG and b in ("of", "in") for a, b in zip(lowered, lowered[1:]))):
            return None  # "the … Technology Graduate Programme", "the Teacher of English": a role, not a company
        bare = _without_team_words(name)
        if bare != name:
            name = self._with_org_words(name, bare, whole=source == FROM_TEXT) or bare
        key = _key(name)
        if not key or len(key) < 2 or len(name) > 60 or key in _NOT_NAMES or key in self.reading.applicant:
            return None
        if _STAGE_NAME.fullmatch(key):
            return None  # "Final interview – …" in a subject: a stage, not a company
        tokens = key.split()
        if all(t in _TEAM or t in _NOT_NAMES or t in _JOINERS for t in tokens):
            return None
        if (_is_title(tokens[-1]) and tokens[-1] not in _ORG) or self.reading.is_vendor(name):
            return None
        if not _capitalised(name) or (self.reading.signer and key == _key(self.reading.signer)):
            return None
        return name, bare != name

    def _with_org_words(self, name: str, bare: str, *, whole: bool) -> str:
        """The name with the words that end an organisation's name as well as a team's, when
        the email writes it so on its own: "Redwood State University Human Resources" ->
        "Redwood State University" (written so in its text), "Calloway Partners" (in its
        signature). "" when there is no such name."""
        tokens, kept = name.split(), len(bare.split())
        if not name.startswith(bare):
            return ""
        for length in range(len(tokens), kept, -1):
            if tokens[length - 1].lower() not in _ORG_AND_TEAM:
                continue
            form = " ".join(tokens[:length])
            if (whole and length == len(tokens)) or self._standalone(form):
                return form
        return ""

    def _standalone(self, form: str) -> bool:
        """Whether the letter writes `form` as a whole name: not followed by another capitalised word."""
        if form not in self.seen_alone:
            if len(self.seen_alone) >= MAX_CANDIDATES:
                return False  # a bound on the searches of a hostile email
            pattern = r"(?<![\w&])" + re.escape(form) + r"(?![\w&]|[ \t]+(?:&[ \t]+)?[A-Z])"
            self.seen_alone[form] = bool(re.search(pattern, self.reading.text))
        return self.seen_alone[form]

    def _agency(self) -> list[str]:
        """The agency's names, when the letter is an agency recruiter's about a client: it
        speaks of "my client" or signs with an agency's name, and names another employer."""
        sender = self.reading.letter.sender_address
        labels = _domain_labels(sender) if not _no_reply(sender) else []
        agency_named = [name for name in self.reading.organisations if _AGENCY_WORD.search(name)]
        hinted = bool(_AGENCY_HINT.search(self.reading.prose))
        # Else "the hiring manager", or an agency's name that is the sender's own domain ("Parkside
        # Education Recruitment", zara@parksideeducation…), not a team's behind a no-reply address.
        if not hinted and not _AGENCY_HINT_WEAK.search(self.reading.prose) and \
                not any(_matches_domain(name, labels) for name in agency_named):
            return []
        names = agency_named + [name for name in self.reading.organisations if _matches_domain(name, labels)]
        if not names and labels:
            # No agency named in the signature: its domain is enough to keep it out.
            names = [label for label in labels if _AGENCY_WORD.search(label)]
        if not names or not (hinted or self._names_another(names, labels)):
            return []  # the employer's own recruitment team
        return names

    def _names_another(self, names: Sequence[str], labels: Sequence[str]) -> bool:
        """Whether the text or subject names an employer that is none of `names` (an agency's)."""
        own = {_key(n) for n in names} | {_key(_without_team_words(n)) for n in names}
        own.discard("")
        found = [name for name, weight in _text_companies(self.reading.prose) if weight >= 2]
        found += [name for subject, _w in self.reading.subjects() for piece in _subject_pieces(subject)
                  for name in _subject_companies(piece)]
        for name in found:
            named = self._company_name(name, FROM_TEXT)
            if not named:
                continue
            key = _key(named[0])
            if any(key.startswith(k) or k.startswith(key) for k in own) or _matches_domain(name, labels):
                continue
            return True
        return False


def _text_companies(prose: str) -> Iterator[tuple[str, float]]:
    """The names the text's phrases point to, each mention once, with its strongest phrase's weight."""
    mentions: dict[tuple[int, str], float] = {}  # (where, name) -> weight
    for pattern, weight in _COMPANY_BEFORE:
        for match in pattern.finditer(prose):
            name = _name_at(prose, match.end())
            if name and not _APPOSITION.match(prose, prose.find(name, match.end()) + len(name)):
                at = (prose.find(name, match.end()), name)
                mentions[at] = max(mentions.get(at, 0), weight)
    for pattern, weight in _NAME_THEN_AFTER:
        for match in pattern.finditer(prose):
            name = _name_ending_at(prose, match.start())
            if name:
                at = (match.start() - len(name), name)
                mentions[at] = max(mentions.get(at, 0), weight)
    for (_at, name), weight in mentions.items():
        yield name, weight


_SUBJECT_COMPANY = [
    re.compile(p, re.IGNORECASE) for p in (
        r"^(?:an? )?update on your (?P<name>.+?) application$", r"^your (?P<name>.+?) (?:application|interview)s?$",
        # "Your application to Zephyr Tiles Ltd for Junior Buyer": the company, then the role.
        r"^(?:your )?(?:interview|application|applying|time) (?:with|at|to) (?P<name>(?-i:[A-Z]).+?)"
        r"(?<!" + r")(?<!".join(rf"\b{w}" for w in words.ORG_FOR) + r") (?:for|as) (?:the |a |an )?(?-i:[A-Z]).*$",
        r"^(?:your )?(?:interview|application|applying|time) (?:with|at|to) (?P<name>.+)$",
        r"^(?:thank you|thanks) for (?:applying|your interest) (?:to|in|at) (?P<name>.+)$",
        r"^(?:news|an update|update) from (?P<name>.+)$", r"^(?P<name>.+?) (?:careers|recruitment|jobs)$",
        r"^.*?\b(?:at|with|to|from|join|joining)\s+(?P<name>[A-Z].*)$",
        r"^(?P<name>.+?) (?:interview|application)s?(?: (?:update|outcome|feedback|result))?$",
    )
]


def _subject_companies(piece: str) -> list[str]:
    for pattern in _SUBJECT_COMPANY:
        match = pattern.match(piece)
        if match:
            return [match["name"]]
    if _DECORATION.match(piece) or not _capitalised(piece):
        return []
    name = _name_at(piece, 0)
    return [name] if name == piece.strip() else []


def _footer_companies(text: str) -> Iterator[str]:
    for match in re.finditer(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[^\W\d_][^\n·|•,]{1,60})", text,
                             re.IGNORECASE):
        yield _name_at(match["name"], 0)
    for match in re.finditer(r"^(?P<name>[^\W\d_][^\n]{1,60}?)[ \t]{1,4}(?:is an? equal|is an? (?:disability|living)|"
                             r"is (?:a )?(?:trading name|brand|part|division|subsidiary|member) of|"
                             r"(?:ltd|limited|plc|llp|inc)\.?,?\s+(?:is\s+)?registered|[-–—]\s+jobs\b|[-–—]\s+careers\b)",
                             text, re.IGNORECASE | re.MULTILINE):
        name = match["name"].strip()
        # A name, not a sentence that ends with one ("… a trading name of Corran Telecom Group Ltd, registered").
        yield name if _name_at(name, 0) == name else _name_ending_at(name + " ", len(name) + 1)


def _company_form(forms: list[str]) -> str:
    """The name to write: without its legal suffix when the email also writes it so; as most often written."""
    bare = [f for f in forms if not _LEGAL.search(f)]
    pool = bare or forms
    counts: dict[str, int] = {}
    for form in pool:
        counts[form] = counts.get(form, 0) + 1
    longest = max(len(_key(f)) for f in pool)
    full = [f for f in pool if len(_key(f)) == longest]
    return max(full, key=lambda f: (counts[f], sum(c.isupper() for c in f) <= len(f) // 2))
