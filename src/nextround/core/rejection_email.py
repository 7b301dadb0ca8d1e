"""A rejection email, read for what a workbook is made from.

`read_rejection_email(data)` takes an `.eml` file's bytes or a pasted text and finds
the company, the role, the person to reply to (name and address), the day of the
rejection, the stage it came at and whether feedback was offered. Each thing found
says where it was found ("from the signature", "from the subject", "from the
forwarded header"), and what was not found is listed, so a person can check it.

How it reads (the word lists are in `_email_words`):

- The rejection is one letter of the email (`email_text`): a forwarded or attached
  message when the email forwards one, else the email itself; never a message quoted
  below a reply.
- The company is voted on: the sender's display name without its team words
  ("Fourth Coffee Careers"), the subject, phrases in the text ("your interest in …",
  "the role at …"; each mention once), labelled lines and table rows ("Employer"), the
  signature and the footer; a name that matches the sender's domain counts for more.
  Applicant-tracking systems (named after "via" or "sent with", in the sender's domain,
  or known), people ("a call with Pieter Bakker, our engineering manager"), job titles
  and an agency (its own name, when it speaks of "my client", or signs with an agency's
  name at its own domain and names another employer) are never the company. Of a short
  and a fuller name, the fuller one; a legal suffix ("Ltd") is dropped when the email
  also names the company without it.
- The role: "the … role/position/post", "a place on our …", a labelled line, a title
  line on its own, the subject; the fullest mention wins; a requisition number only when
  there is no title.
- The contact: a person's Reply-To, else the sender when a person's mailbox, else the
  person who signs, a first name alone included (a no-reply address, or one the letter
  says nobody reads, is never given; a shared mailbox is, with no name).
- The date: the letter's own Date (or Sent) line, in its own time zone.
- The stage: what the text says the person did ("thank you for attending the second
  interview"), or the step before one they were not invited to.
- Feedback: a sentence about feedback that offers it, and none that refuses it.

Promised: plain logic over text, no network; time in proportion to the input;
NextroundError (only) for input that is not an email; errors never quote the email.
Not promised: right answers on every email (see benchmarks/email_accuracy.py for how
often they are right on emails written by someone who never saw this code).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from nextround.core import _email_words as words
from nextround.core.email_text import Letter, read_letters
from nextround.core.i18n import N_, _
from nextround.core.parameters import is_email, parse_contact
from nextround.core.stages import STAGE_LABELS, STAGES

__all__ = ["FIELDS", "EmailFacts", "Found", "read_rejection_email"]

#: What is looked for, in the order it is reported, with how each is named to a person.
FIELDS: dict[str, str] = {
    "company": N_("company"),
    "role": N_("role"),
    "contact_name": N_("contact"),
    "contact_email": N_("address to reply to"),
    "rejected_on": N_("date of the rejection"),
    "stage": N_("stage"),
    "feedback_offered": N_("feedback offered"),
}


@dataclasses.dataclass(frozen=True)
class Found:
    """One thing found in the email, and where: `source` reads "from the signature"."""

    field: str
    value: Any
    source: str


@dataclasses.dataclass(frozen=True)
class EmailFacts:
    """What a rejection email says, each with its source, and what it does not say."""

    found: tuple[Found, ...]
    missing: tuple[str, ...]

    def get(self, field: str, default: Any = None) -> Any:
        """The value found for `field`, or `default`."""
        return next((f.value for f in self.found if f.field == field), default)

    def source(self, field: str) -> str:
        return next((f.source for f in self.found if f.field == field), "")

    def parameters(self) -> dict[str, Any]:
        """The workbook parameters it gives (only those found): for `Rejection.from_mapping`.

        The person to reply to is the first contact; a shared mailbox with no person is
        `reply_to` instead, since a contact needs a name.
        """
        values: dict[str, Any] = {}
        for field in ("company", "role", "stage"):
            if self.get(field):
                values[field] = self.get(field)
        if self.get("rejected_on"):
            values["rejected_on"] = self.get("rejected_on")
        name, address = self.get("contact_name", ""), self.get("contact_email", "")
        if address and not is_email(address):
            address = ""  # an address the workbook could not keep: left for the person to add
        if name:
            values["contacts"] = [{"name": name, "email": address}]
        elif address:
            values["reply_to"] = address
        if self.get("feedback_offered") is not None:
            values["feedback_offered"] = bool(self.get("feedback_offered"))
        return values

    def given(self, options: Mapping[str, Any], source: str = N_("from the command line")) -> EmailFacts:
        """These facts with the parameters in `options` (as `Rejection.from_mapping` takes them)
        put over what the email said, each marked with `source`."""
        over: dict[str, Any] = {}
        for name in ("company", "role", "stage", "rejected_on", "feedback_offered"):
            if options.get(name) not in (None, ""):
                over[name] = options[name]
        contacts = options.get("contacts")
        if contacts:
            first = contacts[0] if isinstance(contacts, (list, tuple)) else contacts
            try:
                contact = parse_contact(first)
            except ValueError:
                contact = None
            if contact is not None:
                over["contact_name"] = contact.name
                over["contact_email"] = contact.email
        if options.get("reply_to") and not over.get("contact_email"):
            over["contact_email"] = options["reply_to"]
        found = [f for f in self.found if f.field not in over]
        found += [Found(field, value, source) for field, value in over.items() if value != ""]
        found.sort(key=lambda f: list(FIELDS).index(f.field))
        fields = {f.field for f in found}
        return EmailFacts(tuple(found), tuple(f for f in FIELDS if f not in fields))

    def lines(self) -> list[str]:
        """What was taken and from where, then what was not found: a line each, for a person."""
        out = []
        name, address = (next((f for f in self.found if f.field == field), None)
                         for field in ("contact_name", "contact_email"))
        for f in self.found:
            if name and address and name.source == address.source and f.field in ("contact_name", "contact_email"):
                if f.field == "contact_name":  # one line for the person: "Callum Reid <c.reid@…>"
                    out.append(_("{field}: {value}, {source}").format(
                        field=_(FIELDS["contact_name"]), value=f"{name.value} <{address.value}>", source=_(f.source)))
                continue
            value = f.value
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            elif isinstance(value, date):
                value = value.isoformat()
            elif f.field == "stage" and value in STAGE_LABELS:
                value = _(STAGE_LABELS[value])
            out.append(_("{field}: {value}, {source}").format(field=_(FIELDS[f.field]), value=value,
                                                               source=_(f.source)))
        if self.missing:
            out.append(_("not found: {fields}").format(fields=", ".join(_(FIELDS[m]) for m in self.missing)))
        return out


def read_rejection_email(data: bytes | str, *, name: str | None = None) -> EmailFacts:
    """What a rejection email (an .eml file's bytes, or pasted text) says; NextroundError if unreadable."""
    letters = read_letters(data, name=name)
    return _Reader(letters).facts()


# Sources, as a person reads them after "company: Contoso, ".
FROM_SENDER_NAME = N_("from the sender's name")
FROM_SENDER = N_("from the sender")
FROM_REPLY_TO = N_("from the Reply-To header")
FROM_SUBJECT = N_("from the subject")
FROM_TEXT = N_("from the text")
FROM_SIGNATURE = N_("from the signature")
FROM_FOOTER = N_("from the footer")
FROM_DATE = N_("from the Date header")
FROM_FORWARDED = N_("from the forwarded header")
FROM_ATTACHED = N_("from the attached email")
FROM_PASTED = N_("from the pasted header")
_HEADER_SOURCES = {
    "the email's headers": FROM_DATE, "the forwarded header": FROM_FORWARDED, "the quoted header": FROM_FORWARDED,
    "the attached email": FROM_ATTACHED, "the pasted header": FROM_PASTED,
}
_SENDER_SOURCES = {
    "the email's headers": FROM_SENDER, "the forwarded header": FROM_FORWARDED, "the quoted header": FROM_FORWARDED,
    "the attached email": FROM_ATTACHED, "the pasted header": FROM_PASTED,
}


def _words_re(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE)


_NO_REPLY = re.compile(r"(?:" + "|".join(words.NO_REPLY_LOCAL) + r")", re.IGNORECASE)
_NO_REPLY_HOST = re.compile(r"(?:" + "|".join(words.NO_REPLY_LOCAL) + r")\.", re.IGNORECASE)
_DO_NOT_REPLY = _words_re(words.DO_NOT_REPLY)
_SHARED = re.compile(r"^(?:" + "|".join(words.SHARED_LOCAL) + r")(?:[-_.]?\w{0,12})?$", re.IGNORECASE)
_REJECTION = _words_re(words.REJECTION_PHRASES)
_AGENCY_HINT = re.compile("|".join(words.AGENCY_HINTS), re.IGNORECASE)
_AGENCY_HINT_WEAK = re.compile("|".join(words.AGENCY_HINTS_WEAK), re.IGNORECASE)
_SIGN_OFF_ONE = r"(?:" + "|".join(words.SIGN_OFFS) + r")"
_SIGN_OFF = re.compile(r"^\s*" + _SIGN_OFF_ONE + r"(?:\s*(?:/|and|&|,)\s*" + _SIGN_OFF_ONE + r")*[\s,.!:\-–]*$",
                       re.IGNORECASE)
# From the start of a run only, and bounded: no run of letters is tried from each of its letters.
_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
_LEGAL = re.compile(r"(?:,?\s+(?:" + "|".join(words.LEGAL_SUFFIXES) + r"))+\s*$")
_TOKEN = re.compile(r"[^\W_](?:[\w'’.\-]*[\w'’])?\.?|&|\+")
_ABBREVIATIONS = {"pvt.", "ltd.", "inc.", "co.", "corp.", "plc.", "st.", "b.v.", "n.v.", "s.a.", "e.v.", "jr.",
                  "s.r.o.", "a.s.", "s.l.", "s.p.a.", "k.k.",
                  "bros."}
_JOINERS = set(words.NAME_JOINERS)
_NOT_NAMES = set(words.NOT_NAMES)
_TEAM = set(words.TEAM_WORDS)
_TITLE = set(words.TITLE_WORDS)
_LONG_TITLES = tuple(t for t in _TITLE if len(t) >= 6)
_ORG = set(words.ORG_WORDS)
#: Words that end a team's name in a display name ("University Recruiting") and an
#: organisation's too ("Redwood State University"): kept when the email writes the name so.
_ORG_AND_TEAM = (_ORG & _TEAM) - set(words.RECRUITING_WORDS)
_STAGE_NAME = re.compile(r"(?:first|second|third|final|initial|phone|telephone|video|technical|panel|onsite|on-site|"
                         r"in-person|virtual)(?:[- ](?:round|stage))?")
#: After a person's name, what they are: "Pieter Bakker, our engineering manager".
_APPOSITION = re.compile(r",[ \t]+(?:who is |who's )?(?:our|their|the|my|your|a|an)\s+(?:[\w-]+\s+){0,3}?(?:"
                         + "|".join(sorted(words.TITLE_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_ROLE_NOUN = r"(?:" + "|".join(words.ROLE_NOUNS) + r")s?"
_ROLE_NOUN_ONLY = r"(?:" + "|".join(words.ROLE_NOUNS_ONLY) + r")s?"
_VENDORS = set(words.ATS_VENDORS)
_AGENCY_WORD = _words_re(words.AGENCY_WORDS)
_DECORATION = re.compile(r"^(?:" + "|".join(words.ROLE_DECORATION) + r")$", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|fwd?|fw|wg|vs|tr|rv)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{0,40}\]\s*)+",
                             re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[-–—|:/]\s+|\s*\|\s*|:\s+|\s+[–—]\s*|\s*[–—]\s+")
_FEEDBACK = _words_re(words.FEEDBACK_WORDS)
_FEEDBACK_REFUSED = _words_re(words.FEEDBACK_REFUSED)
_FEEDBACK_OFFERED = _words_re(words.FEEDBACK_OFFERED)
_GIVEN_FEEDBACK = re.compile(r"\b(?:felt|thought|found|noted|said) (?:that )?your (?:\w+ ){0,3}(?:answers?|responses?|"
                             r"presentation|examples?|experience|skills?|knowledge|approach|solution|code|design)",
                             re.IGNORECASE)
_STAGES = {stage: _words_re(patterns) for stage, patterns in words.STAGE_PATTERNS.items()}
_GENERIC_INTERVIEW = re.compile(r"\binterview(?:ed|s)?\b|\bmet with\b|\bmeeting (?:with )?(?:me|us|the team|the "
                                r"panel)|\bto meet (?:me|us|the team|the panel)|\bmeeting you\b|\bpanel\b|\bmet the\b|"
                                r"\bmeeting with \w+|\bpanel interview|\b(?:came|coming|come) in to (?:meet|see|talk)|"
                                r"\bto meet \w+ and (?:me|us|I)\b", re.IGNORECASE)
_NOT_REACHED_CUE = re.compile(r"\b(?:" + "|".join(words.NOT_REACHED) + r")\b|n't\b", re.IGNORECASE)
# "… to the second interview", "… be scheduling the final meeting": a step named as the next one.
_TO_THE = re.compile(r"(?:to|for|into|onto|schedul\w*|arrang\w*|book\w*|offer\w*|invit\w*|set(?:ting)? up)\s+"
                     r"(?:the\s+|a\s+|an\s+|our\s+|your\s+)?(?:next\s+)?$", re.IGNORECASE)
_THANKS = re.compile(r"\b(?:thank|thanks|following|after|for attending|for completing|for taking part)\b",
                     re.IGNORECASE)
_OFFERED_TO_OTHER = re.compile(
    r"offered (?:the|this|our) (?:[\w'’()&/-]+ ){0,6}?(?:post|position|role|job|vacancy|place)\b|"
    r"\boffer(?:ed|ing)?\b[^.\n]{0,80}?\bto (?:another|someone|a different|an? (?:internal|other|stronger)|the "
    r"other|one of the other)|(?:post|position|role|job) (?:has been|was|had been) offered|"
    r"appoint(?:ed)?|successful candidate|made an offer|extend an offer|close decision|"
    r"offer(?:ed)? (?:it )?to (?:another|someone)|"
    r"\b(?:go|gone|going|went|proceed|proceeding|move forward|moving forward) (?:ahead )?with (?:another|"
    r"a different|one other) (?:candidate|applicant|person)\b|\b(?:go|gone|going|went) with someone else",
    re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:future|other (?:roles|openings|opportunities|vacancies|positions)|keep your|on file|"
                     r"in touch|apply again|good luck|best of luck|wish you)\b", re.IGNORECASE)
_REQUISITION = re.compile(r"\b(?:REQ|JR|R|Req|JOB|Job)[-_ ]?\d{3,}\b|\brequisition (?:no\.? |number |id )?[#:]?\s*"
                          r"([A-Z0-9][\w-]{2,})", re.IGNORECASE)


def _is_title(word: str) -> bool:
    """Whether a lower-case word ends a job title: "analyst", and "microbiologist" as "biologist" does."""
    return word in _TITLE or word.endswith(_LONG_TITLES)


def _without_full_stop(name: str) -> str:
    """A name without the full stop of the sentence it ended, keeping an abbreviation's ("Co.", "B.V.")."""
    if name.endswith(".") and not re.search(r"(?:^|\s)(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS)
                                            + r"|[A-Z]\.)$", name, re.IGNORECASE):
        return name[:-1].rstrip()
    return name


def _squash(text: str) -> str:
    """Letters and digits only, folded to ASCII lower case: "Nørrebro Design" -> "norrebrodesign"."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]", "", anyascii(unicodedata.normalize("NFC", text)).lower())


def _key(name: str) -> str:
    """What two mentions of one company share: no legal suffix, no "the", case and punctuation folded."""
    name = _LEGAL.sub("", name.strip())
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return " ".join(re.sub(r"[^\w&\s]", "", name.lower().replace("&", " & ").replace("’", "")).split())


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for line in _prose_lines(paragraph):
            out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“(])", line) if s.strip())
    return out


def _prose_lines(paragraph: str) -> list[str]:
    """A paragraph's lines, with hard-wrapped prose joined back into one line."""
    out: list[list[str]] = []  # each line's pieces, joined once at the end
    last = ""
    for line in paragraph.split("\n"):
        stripped = line.strip()
        if out and len(last) >= 50 and stripped and last[-1:] not in (".", "!", "?", ":"):
            out[-1].append(stripped)
        elif stripped:
            out.append([stripped])
        last = stripped or last
    return [" ".join(pieces) for pieces in out]


def _prose(text: str) -> str:
    return "\n\n".join("\n".join(_prose_lines(p)) for p in re.split(r"\n\s*\n", text))


# --- names -------------------------------------------------------------------------------------


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isalpha() for c in token))


def _name_at(text: str, start: int, *, limit: int = 7) -> str:
    """The capitalised name that starts at `start` ("Coho Vineyard & Winery"), or ""."""
    tokens: list[str] = []
    pos = start
    end = start
    while len(tokens) < limit:
        gap = re.compile(r"[ \t]*").match(text, pos)
        assert gap is not None
        match = _TOKEN.match(text, gap.end())
        if not match:
            break
        token = match[0]
        lowered = token.lower()
        if not tokens and lowered == "the":
            pos = match.end()
            start = match.end()
            continue
        if _capitalised(token) or lowered in _ABBREVIATIONS:
            if not tokens and lowered.rstrip(".") in _NOT_NAMES and not re.fullmatch(r"[A-Z]\.", token):
                break
            if tokens and tokens[-1].endswith(".") and lowered.rstrip(".") in _NOT_NAMES:
                break  # "… Bank plc. Please do not reply": the next sentence
            tokens.append(token)
            end = match.end()
            pos = match.end()
            if len(token) > 2 and token[-1] in "'’" and token[-2] in "sS":
                end -= 1  # "Aurelia Pharmaceuticals' Speke site": the name ends at its possessive
                break
            if token.endswith(".") and lowered not in _ABBREVIATIONS and not re.fullmatch(r"[A-Z]\.", token):
                break  # the end of a sentence
            continue
        if tokens and lowered in _JOINERS:
            following = _TOKEN.match(text, re.compile(r"[ \t]*").match(text, match.end()).end())  # type: ignore[union-attr]
            if following and _capitalised(following[0]) and following[0].lower() not in _NOT_NAMES:
                tokens.append(token)
                pos = match.end()
                continue
        break
    name = text[start:end].strip()
    # "Contoso." at a sentence's end: the dot is the sentence's, unless it ends "Ltd." or "A.".
    if name.endswith(".") and not re.search(r"(?:^|[\s.])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS)
                                            + r")$", name.lower()):
        name = name[:-1]
    return name.strip(" -&")


def _is_person(name: str, *, single: bool = False) -> bool:
    """Whether `name` reads as a person's name: two to four capitalised words, none a team's."""
    name = name.strip()
    if not name or len(name) > 60 or re.search(r"[\d@|&()/:;!?,]", name):
        return False
    tokens = name.split()
    if not (1 if single else 2) <= len(tokens) <= 4 or _LEGAL.search(name):
        return False
    for token in tokens:
        lowered = token.lower().strip(".")
        if lowered in _TEAM or lowered in _VENDORS or lowered in _ORG:
            return False
        if lowered in ("de", "van", "von", "der", "den", "da", "di", "le", "la", "bin", "al", "du", "dos", "del"):
            continue
        if not token[:1].isupper() or lowered in _NOT_NAMES or lowered in _TITLE:
            return False
    return True


def _person_name(name: str) -> str:
    """A display name as a person writes it: "Sutherland, Moira" -> "Moira Sutherland"."""
    name = " ".join(name.replace('"', " ").split()).strip(" '")
    match = re.fullmatch(r"([^\W\d_][\w'’-]*)\s*,\s*([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)", name)
    if match:
        return f"{match[2]} {match[1]}"
    return name


def _no_reply(address: str) -> bool:
    """Whether nobody reads what is sent to `address`: no-reply@…, or careers@notify.…"""
    local, _at, domain = address.partition("@")
    return bool(address) and (bool(_NO_REPLY.search(local)) or bool(_NO_REPLY_HOST.match(domain)))


def _shared(address: str) -> bool:
    return bool(_SHARED.match(address.split("@")[0]))


def _domain_labels(address: str) -> list[str]:
    domain = address.rpartition("@")[2].lower()
    labels = domain.split(".")[:-1]  # the top-level domain says nothing
    # "stmarys-nhs": its first part names the organisation as well.
    labels += [label.split("-")[0] for label in labels if "-" in label and len(label.split("-")[0]) >= 4]
    return [_squash(label) for label in labels if label not in ("mail", "email", "www", "jobs", "careers", "co",
                                                                "com", "org", "ac", "hr", "recruiting")]


def _matches_domain(name: str, labels: Sequence[str]) -> bool:
    """Whether a company's name is its address's domain: "Oakhurst Building Society", oakhurstbs."""
    words_of = [w for w in _key(name).split() if w != "&"]
    # "Van Aalst Engineering": vanaalst as well as aalstengineering.
    for kept in ([w for w in words_of if w not in _JOINERS], words_of):
        parts = [p for p in (_squash(w) for w in kept) if p]
        if not parts:
            continue
        whole = "".join(parts)
        initials = parts[0] + "".join(p[0] for p in parts[1:])
        leading = "".join(p[0] for p in parts[:-1]) + parts[-1]  # "Wide World Importers", wwimporters
        for label in labels:
            if len(label) < 3:
                continue
            if label in (whole, initials, leading) or label.replace("-", "") == whole:
                return True
            if len(parts[0]) >= 4 and label.startswith(parts[0]):
                return True
            if len(label) >= 5 and whole.startswith(label):
                return True
    return False


# --- the reader ----------------------------------------------------------------------------------


@dataclasses.dataclass
class _Vote:
    forms: list[str]
    score: float = 0.0
    sources: dict[str, float] = dataclasses.field(default_factory=dict)
    first: int = 0


class _Reader:
    """Reads one email's letters for the facts (see the module's docstring)."""

    def __init__(self, letters: list[Letter]) -> None:
        self.letters = letters
        self.index = self._the_rejection()
        self.letter = letters[self.index]
        self.above = letters[: self.index]  # the forwarding notes over it
        self.quoted = [letter for letter in letters[self.index + 1:] if letter.kind == "quoted"][:3]
        self.text = self.letter.text
        self.prose = _prose(self.text)
        self.signature = _Signature(self.text)
        self.applicant = self._applicant_names()
        self.vendors = self._vendors()
        self.order = 0
        self._seen_alone: dict[str, bool] = {}
        known = (self.letter.sender_name, self.letter.sender_address, self.letter.reply_to_address)
        # Names the headers give to an organisation: never read as a person who signs.
        organisations = {_key(_without_team_words(d)) for d in (self.letter.sender_name, self.letter.reply_to_name)
                         if d and not _is_person(_person_name(d))}
        organisations |= {_key(p) for subject, _w in self._subjects() for p in _subject_pieces(subject)}
        self.signer = self.signature.person(self.applicant | organisations, known)
        self.organisations = self.signature.organisations(self.signer or _display_person(self.letter.sender_name))

    # -- which letter is the rejection ------------------------------------------------------

    def _the_rejection(self) -> int:
        letters = self.letters
        scores = [len(_REJECTION.findall(letter.text)) for letter in letters]
        first = letters[0]
        below = [i for i in range(1, len(letters)) if letters[i].kind in ("forwarded", "attached")]
        if below and (first.forward_note or re.match(r"^\s*(?:fwd?|fw|wg)\s*:", first.subject, re.IGNORECASE)
                      or scores[0] <= 1):
            # A forward: the first forwarded letter that rejects (a forward of a forward
            # is read through to the letter that says no).
            for i in below:
                if scores[i] > 0:
                    return i
            return below[0]
        if scores[0] > 0 or len(letters) == 1:
            return 0
        best = max(range(len(letters)), key=lambda i: (scores[i], -i))
        return best if scores[best] > 0 else 0

    def _applicant_names(self) -> set[str]:
        names: set[str] = set()
        for letter in self.letters[: self.index + 1]:  # a quoted letter was sent *to* the employer
            names.update(n for n in letter.to_names if n)
        for letter in self.above:
            if letter.sender_name:
                names.add(letter.sender_name)
        greeting = re.search(r"^\s*(?:dear|hi|hello|hey|morning|bonjour|hej|hallo|hola)\s+([^\W\d_][\w'’-]*)",
                             self.text, re.IGNORECASE | re.MULTILINE)
        if greeting:
            names.add(greeting[1])
        return {_key(n) for n in names if n} | {_key(n.split()[0]) for n in names if n and n.split()}

    def _vendors(self) -> set[str]:
        found = set(_VENDORS)
        for letter in self.letters:
            for display in (letter.sender_name, letter.reply_to_name):
                for match in re.finditer(r"\((?:via\s+)?([^()]{2,40})\)|\bvia\s+([^\W\d_][\w .&-]{1,40})", display):
                    found.add(_key(match[1] or match[2]))
        for match in re.finditer(r"\b(?:sent via|sent with|sent using|powered by|generated by|via)\s+([A-Z][\w&-]*"
                                 r"(?:\s+[A-Z][\w&-]*){0,2})|\bsent by\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\s+on "
                                 r"behalf of\b",
                                 self.text):
            found.add(_key(match[1] or match[2]))
            found.add(_squash(match[1] or match[2]))
        if _no_reply(self.letter.sender_address):
            # An automated sender's domain is its vendor's, unless the sender's name is that domain's.
            shown = _without_team_words(self.letter.sender_name)
            for label in _domain_labels(self.letter.sender_address):
                if not (shown and _matches_domain(shown, [label])):
                    found.add(re.sub(r"(?:mail|email|jobs|careers|portal|ats|hire|notify|notifications)$", "", label))
        return {v for v in found if v}

    def _is_vendor(self, name: str) -> bool:
        key, squashed = _key(name), _squash(name)
        return key in self.vendors or squashed in self.vendors or any(
            len(v) >= 4 and squashed.startswith(v.replace(" ", "")) for v in self.vendors if " " not in v)

    # -- the facts ------------------------------------------------------------------------------

    def facts(self) -> EmailFacts:
        found: list[Found] = []
        company = self.company()
        if company:
            found.append(Found("company", *company))
        role = self.role(company[0] if company else "")
        if role:
            found.append(Found("role", *role))
        contact = self.contact(company[0] if company else "")
        if contact[0]:
            found.append(Found("contact_name", contact[0], contact[2]))
        if contact[1]:
            found.append(Found("contact_email", contact[1], contact[3]))
        if self.letter.sent_on:
            found.append(Found("rejected_on", self.letter.sent_on,
                               _HEADER_SOURCES.get(self.letter.headers, FROM_DATE)))
        stage = self.stage()
        if stage:
            found.append(Found("stage", stage, FROM_TEXT))
        offered = self.feedback_offered()
        found.append(Found("feedback_offered", offered, FROM_TEXT))
        fields = {f.field for f in found}
        missing = tuple(f for f in FIELDS if f not in fields)
        return EmailFacts(tuple(found), missing)

    # -- company ----------------------------------------------------------------------------------

    def company(self) -> tuple[str, str] | None:
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
            entry = votes.setdefault(key, _Vote([], first=self._next()))
            entry.forms.append(name)
            entry.score += weight
            entry.sources[source] = entry.sources.get(source, 0) + weight

        letter = self.letter
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
        for line in self.text.split("\n"):
            match = _TEAM_LINE.match(line)
            if match:
                vote(_name_at(match["name"], 0), 2, FROM_TEXT)
        for match in _LABELLED_LINE.finditer(self.text):
            if match["label"].lower() in ("company", "employer", "organisation", "organization", "client"):
                vote(match["value"], 3, FROM_TEXT)
        for subject, weight in self._subjects():
            for piece in _subject_pieces(subject):
                for name in _subject_companies(piece):
                    vote(name, weight, FROM_SUBJECT)
        for name, weight in self._text_companies(self.prose):
            vote(name, weight, FROM_TEXT)
        for name in self.organisations:
            vote(name, 2, FROM_SIGNATURE)
        for name in _footer_companies(self.text):
            vote(name, 2, FROM_FOOTER)
        for note in self.above:
            for name, _weight in self._text_companies(_prose(note.text)):
                vote(name, 0.5, FROM_TEXT)
        for quoted in self.quoted:
            for name, _weight in self._text_companies(_prose(quoted.text)):
                vote(name, 1, FROM_TEXT)
        if not votes:
            return None
        labels = [] if agency else _domain_labels(letter.sender_address)
        labels += _domain_labels(letter.reply_to_address) if not _no_reply(letter.reply_to_address) else []
        labels += [lab for a in self.signature.addresses for lab in _domain_labels(a)] if not agency else []
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
        if not key or len(key) < 2 or len(name) > 60 or key in _NOT_NAMES or key in self.applicant:
            return None
        if _STAGE_NAME.fullmatch(key):
            return None  # "Final interview – …" in a subject: a stage, not a company
        tokens = key.split()
        if all(t in _TEAM or t in _NOT_NAMES or t in _JOINERS for t in tokens):
            return None
        if (_is_title(tokens[-1]) and tokens[-1] not in _ORG) or self._is_vendor(name):
            return None
        if not _capitalised(name) or (self.signer and key == _key(self.signer)):
            return None
        return name, bare != name

    def _sender_words(self) -> set[str]:
        """The words of the sender's name and domain, folded: "The Anchor Inn" <hello@theanchorinn…>."""
        found = {_key(w) for w in self.letter.sender_name.split()}
        found |= set(_domain_labels(self.letter.sender_address))
        return found

    def _next(self) -> int:
        self.order += 1
        return self.order

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
        if form not in self._seen_alone:
            if len(self._seen_alone) >= MAX_CANDIDATES:
                return False  # a bound on the searches of a hostile email
            pattern = r"(?<![\w&])" + re.escape(form) + r"(?![\w&]|[ \t]+(?:&[ \t]+)?[A-Z])"
            self._seen_alone[form] = bool(re.search(pattern, self.text))
        return self._seen_alone[form]

    def _subjects(self) -> list[tuple[str, float]]:
        out = [(self.letter.subject, 2.0)] if self.letter.subject else []
        out += [(note.subject, 1.0) for note in self.above if note.subject and note.subject != self.letter.subject]
        return out

    def _text_companies(self, prose: str) -> Iterator[tuple[str, float]]:
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

    def _agency(self) -> list[str]:
        """The agency's names, when the letter is an agency recruiter's about a client: it
        speaks of "my client" or signs with an agency's name, and names another employer."""
        labels = _domain_labels(self.letter.sender_address) if not _no_reply(self.letter.sender_address) else []
        agency_named = [name for name in self.organisations if _AGENCY_WORD.search(name)]
        hinted = bool(_AGENCY_HINT.search(self.prose))
        # Else "the hiring manager", or an agency's name that is the sender's own domain ("Parkside
        # Education Recruitment", zara@parksideeducation…), not a team's behind a no-reply address.
        if not hinted and not _AGENCY_HINT_WEAK.search(self.prose) and \
                not any(_matches_domain(name, labels) for name in agency_named):
            return []
        names = agency_named + [name for name in self.organisations if _matches_domain(name, labels)]
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
        found = [name for name, weight in self._text_companies(self.prose) if weight >= 2]
        found += [name for subject, _w in self._subjects() for piece in _subject_pieces(subject)
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

    # -- role -------------------------------------------------------------------------------------------

    def role(self, company: str) -> tuple[str, str] | None:
        votes: dict[str, _Vote] = {}
        company_key = _key(company)

        def vote(role: str, weight: float, source: str) -> None:
            role = _clean_role(role, company)
            key = _role_key(role)
            weight *= _title_weight(role)
            if not key or not weight or (company_key and key == _role_key(company)):
                return
            if key in self.applicant or _key(role) == company_key:
                return
            entry = votes.setdefault(key, _Vote([], first=self._next()))
            entry.forms.append(role)
            entry.score += weight
            entry.sources[source] = entry.sources.get(source, 0) + weight

        for match in _ROLE_THEN_NOUN.finditer(self.prose):
            vote(_last_phrase(match["role"]), 3, FROM_TEXT)
        for match in _PLACE_ON.finditer(self.prose):
            vote(match["role"], 2, FROM_TEXT)
        if company:
            # "the Harbourside Bank Technology Graduate Programme (September 2026 intake)"
            for form in {company, _LEGAL.sub("", company).strip()}:
                pattern = re.compile(r"\bthe\s+" + re.escape(form) + r"\s+(?P<role>[A-Z0-9]" + _ROLE_CHARS + r"{1,90}?)"
                                     r"(?=\s+(?:and|at|with|for|this|which|that|to|is|was|has)\b|[.,;!?\n]|$)")
                for match in pattern.finditer(self.prose):
                    vote(match["role"], 1, FROM_TEXT)
        for match in _NOUN_OF_ROLE.finditer(self.prose):
            vote(match["role"], 3, FROM_TEXT)
        for match in _APPLIED_FOR.finditer(self.prose):
            vote(match["role"], 2, FROM_TEXT)
        for match in _AS_A_ROLE.finditer(self.prose):
            vote(match["role"], 1, FROM_TEXT)
        for match in _FOR_THE_ROLE.finditer(self.prose):
            vote(match["role"], 1, FROM_TEXT)
        for match in _APPLIED_TO.finditer(self.prose):
            vote(match["role"], 1, FROM_TEXT)
        for line in self._title_lines():
            vote(line, 3, FROM_TEXT)
        for match in _LABELLED_LINE.finditer(self.text):
            if match["label"].lower() not in ("company", "employer", "organisation", "organization", "client"):
                vote(match["value"], 3, FROM_TEXT)
        for subject, weight in self._subjects():
            for named in _subject_roles(subject, company):
                vote(named, weight, FROM_SUBJECT)
        for quoted in self.quoted:
            for match in _ROLE_THEN_NOUN.finditer(_prose(quoted.text)):
                vote(match["role"], 1, FROM_TEXT)
        if votes:
            merged = _merge_fuller(votes, roles=True)
            best_key = max(merged, key=lambda k: (merged[k].score, len(merged[k].sources), len(k)))
            best = merged[best_key]
            if best.score >= 1:
                source = max(best.sources, key=lambda s: best.sources[s])
                return max(best.forms, key=len), source
        for source, text in ((FROM_SUBJECT, self.letter.subject), (FROM_TEXT, self.prose)):
            reference = _REQUISITION.search(text)
            if reference:
                return (reference[1] or reference[0]).strip(), source
        return None

    def _title_lines(self) -> Iterator[str]:
        """Short lines near the top that are only a title: "Quality Engineer – final interview"."""
        seen = 0
        for line in self.text.split("\n")[:40]:
            line = line.strip()
            if not line:
                continue
            seen += 1
            if seen > 4 or len(line) > 90 or re.search(r"[.!?;]$", line):
                break  # the letter's prose has begun
            if re.search(r",$", line) or re.match(r"^(?:dear|hi|hello|hey)\b", line, re.I):
                continue
            yield _strip_decoration(_subject_role(re.sub(r"^(?:re|subject|regarding)\s*:\s*", "", line, flags=re.I)))

    # -- contact -----------------------------------------------------------------------------------------

    def contact(self, company: str) -> tuple[str, str, str, str]:
        """(name, address, where the name was found, where the address was found)."""
        letter = self.letter
        where = _SENDER_SOURCES.get(letter.headers, FROM_SENDER)
        signer = self.signer if not (company and _key(self.signer) == _key(company)) else ""
        # "Replies to this address are not monitored": the sender's address is a no-reply one.
        unread = _no_reply(letter.sender_address) or (not letter.reply_to_address
                                                       and bool(_DO_NOT_REPLY.search(self.text)))
        if letter.reply_to_address and not _no_reply(letter.reply_to_address):
            name = _person_name(letter.reply_to_name)
            if _is_person(name):
                return name, letter.reply_to_address, FROM_REPLY_TO, FROM_REPLY_TO
            if unread or not letter.sender_address:
                # A shared mailbox that takes the replies: whoever signs, at that address.
                return signer, letter.reply_to_address, FROM_SIGNATURE if signer else "", FROM_REPLY_TO
        sender = _person_name(letter.sender_name)
        address = letter.sender_address if not unread else ""
        if address and _is_person(sender) and _key(sender) not in self.applicant and \
                not (company and _key(sender) == _key(company)):
            return sender, address, where, where
        if address and sender and _is_person(sender, single=True) and signer and \
                signer.split()[0].lower() == sender.split()[0].lower():
            return signer, address, FROM_SIGNATURE, where
        shown = _display_person(letter.sender_name)
        if address and not signer and len(shown.split()) == 1 and _is_person(shown, single=True) and \
                len(_squash(shown)) >= 2 and _squash(shown) in _squash(address.split("@")[0]) and not _shared(address):
            return shown, address, where, where  # "Amy from Fennel" <amy@fennel…>: Amy
        if address and not _shared(address) and not sender and signer:
            return signer, address, FROM_SIGNATURE, where
        if address:
            # A shared mailbox (recruitment@…), or a name that is not a person's.
            if signer:
                return signer, address, FROM_SIGNATURE, where
            first_name = self.signature.first_name(self.applicant | {_key(company)} | self._sender_words())
            return first_name, address, FROM_SIGNATURE if first_name else "", where
        # A no-reply sender, or a pasted text: whoever signs, with their address if given.
        shown = _display_person(letter.sender_name)
        if not signer and _is_person(shown) and _key(shown) not in self.applicant and \
                not (company and _key(shown) == _key(company)):
            signer = shown  # a person's name, not the company's ("Glenavon Distillers" <noreply@…>)
        signer = signer or self.signature.first_name(self.applicant | {_key(company)} | self._sender_words())
        if signer:
            own = self.signature.address_of(signer) or _address_for(signer, self.text)
            return signer, own, FROM_SIGNATURE, FROM_SIGNATURE if own else ""
        return "", "", "", ""

    # -- stage ----------------------------------------------------------------------------------------------

    def stage(self) -> str:
        # Above the signature: a phone number or "call me" below it is no step of the process.
        found = self._stage(_prose(self.signature.body), self._subjects())
        if found:
            return found
        # "A stage mentioned only in a quoted earlier message" still answers it.
        for letter in self.letters[self.index + 1:]:
            if letter.kind == "quoted":
                found = self._stage(_prose(letter.text), [(letter.subject, 1.0)] if letter.subject else [])
                if found:
                    return found
        return ""

    def _stage(self, prose: str, subjects: list[tuple[str, float]]) -> str:
        attained: dict[str, bool] = {}  # stage -> said in a thank-you sentence
        not_reached: list[str] = []
        sentences = [(sentence, False) for sentence in _sentences(prose)]
        sentences += [(_SUBJECT_PREFIX.sub("", subject), True) for subject, _weight in subjects]
        for sentence, is_subject in sentences:
            if _FEEDBACK.search(sentence) or _FUTURE.search(sentence):
                continue  # a call offered for feedback, a future role: not where they got to
            thanked = bool(_THANKS.search(sentence))
            for stage, start, _end, generic in _stage_mentions(sentence):
                if stage == "application" and is_subject:
                    continue  # "Your application – …" in a subject says nothing of how far it went
                before = sentence[max(0, start - 70):start]
                if _TO_THE.search(before) and _NOT_REACHED_CUE.search(before):
                    not_reached.append(stage)
                    continue
                stage = "interview" if generic else stage
                attained[stage] = attained.get(stage, False) or thanked
        order = ["application", "phone screen", "assessment", "interview", "first interview", "second interview",
                 "final interview"]
        reached = [s for s in order if s in attained and not (s == "application" and len(attained) > 1)]
        if reached:
            top = reached[-1]
            thanked_for = [s for s in order if attained.get(s)]
            if "assessment" in thanked_for and top in ("interview", "first interview") \
                    and "assessment" not in not_reached:
                return "assessment"
            if top == "interview":
                return "final interview" if _OFFERED_TO_OTHER.search(prose) else "first interview"
            return top
        if not_reached:
            lowest = min(not_reached, key=STAGES.index)
            step_before = {"second interview": "first interview", "final interview": "first interview",
                      "first interview": "application", "phone screen": "application",
                      "assessment": "application"}
            return step_before.get(lowest, "")
        return ""

    # -- feedback ---------------------------------------------------------------------------------------------

    def feedback_offered(self) -> bool:
        offered = refused = False
        for sentence in _sentences(self.prose):
            if _GIVEN_FEEDBACK.search(sentence):
                offered = True
            if not _FEEDBACK.search(sentence):
                continue
            if _FEEDBACK_REFUSED.search(sentence):
                refused = True
            elif _FEEDBACK_OFFERED.search(sentence) or re.fullmatch(r"\s*(?:request|get|view) (?:your )?feedback\s*",
                                                                   sentence, re.IGNORECASE):
                offered = True
        return offered and not (refused and not _GIVEN_FEEDBACK.search(self.prose))


# --- pieces of the reading ------------------------------------------------------------------------------------

_COMPANY_BEFORE = [(re.compile(r"\b" + p + r"\s+(?:the\s+)?(?=[^\W\d_])", re.IGNORECASE), 2.0)
                   for p in words.COMPANY_BEFORE[:-1]]
_COMPANY_BEFORE.append((re.compile(r"\b" + words.COMPANY_BEFORE[-1]), 1.0))
_NAME_THEN_AFTER = [(re.compile(r"(?<=[^\W\d_])(?:" + "|".join(patterns) + r")", re.IGNORECASE), weight)
                    for patterns, weight in ((words.COMPANY_AFTER, 2.0), (words.COMPANY_AFTER_WEAK, 1.0))]
# A role's characters: no sentence's end (but the full stop of "Sr."), and brackets only whole
# ("(12-month contract)"), so a role never ends inside them. (Each alternative starts with
# its own character: no backtracking.)
_TITLE_ABBREVIATION = r"(?:" + "|".join(rf"(?<=\b{a})" for a in ("Sr", "Jr", "Snr", "Jnr", "Asst", "Assoc", "Mgr",
                                                                 "Dept", "St", "No")) + r")\."
_ROLE_CHARS = r"(?:[^\n.!?;:\"“”()]|\([^()\n]{0,60}\)|" + _TITLE_ABBREVIATION + ")"
_ROLE_THEN_NOUN = re.compile(
    r"\b(?i:the|our|your|this|a|an|for)\s+(?:(?:open|advertised|recent|current|vacant|new)\s+)?"
    r"(?P<role>[A-Z0-9]" + _ROLE_CHARS + r"{1,90}?)\s+(?:" + _ROLE_NOUN
    + r"|application|interviews?|candidacy|candidature|recruitment|hiring process)\b")
_APPLIED_FOR = re.compile(
    r"\b(?:application|applying|applied|apply|interview|interviewing|candidacy|candidature|considered|"
    r"consideration|shortlisted) (?:for|as) (?:the |our |a |an )?(?:(?:position|role|post) (?:of|as) (?:an? )?)?"
    r"(?P<role>[A-Z]" + _ROLE_CHARS + r"{1,90}?)(?=\s+(?:at|with|on|in(?!\s+[A-Z])|and|role|position|post|vacancy|job|"
    r"opening|programme|which|that|has|was|is|here|last|this|to)\b|,\s+(?:and|but|which|we|I|it|as|so|on|at)\b|"
    r"[.;!?\n]|$)")
_AS_A_ROLE = re.compile(
    r"\b(?:as|be) (?:a|an|our|the)(?: new| next)? (?P<role>[A-Z][^\n.!?;:\"“”]{1,60}?)"
    r"(?=\s+(?:at|with|on|in|and|for|here)\b|[.,;!?\n]|$)")
_NOUN_OF_ROLE = re.compile(
    r"\b(?:position|role|post|vacancy|job) (?:of|as)\s+(?:an?\s+)?(?P<role>[A-Z]" + _ROLE_CHARS + r"{1,90}?)"
    r"(?=\s+(?:on|at|with|in(?!\s+[A-Z])|and|that|which|for|has|was|is|to)\b|,\s+(?:and|but|which|we|I|it|as|so|on|at|in|"
    r"for|with)\b|[.;!?\n]|$)")
#: "a place on our 2028 Training Contract", "a place on the Graduate Scheme".
_PLACE_ON = re.compile(
    r"\b(?:a place|a spot|a seat|places) (?:on|in) (?:the|our|this year's|this)\s+(?P<role>[A-Z0-9]" + _ROLE_CHARS
    + r"{1,90}?)(?=\s+(?:at|with|on|in|and|for|this|which|that)\b|[.,;!?\n]|$)")
#: In a role's phrase, where a later one starts: "Area Manager, Joanne, for the Store Manager".
_INNER_START = re.compile(r"\b(?:for|about|to|on|in|into|with|at|from)\s+(?:the|our|your|this|a|an)\s+(?=[A-Z0-9])")
_TEAM_LINE = re.compile(
    r"^[ \t]{0,8}(?:the[ \t]+)?(?P<name>[^\W\d_][^\n]{0,50}?)[ \t]{1,4}(?:careers|recruiting|recruitment|"
    r"talent acquisition|talent|hiring|hr|people|early careers|graduate recruitment|university recruiting|jobs|"
    r"resourcing)(?:\s+team)?[.!,]?\s*$",
    re.IGNORECASE)
#: "Position: Data Analyst", or a table's row read as text: the label on a line of its own,
#: the value on the next ("Employer" / "University of Castlebridge").
_LABELLED_LINE = re.compile(
    r"^[ \t*]*(?P<label>(?:position|role|job|vacancy|post) applied for|position|role|job|job title|vacancy|post|"
    r"job opening|opening|application for|applied for|"
    r"programme|program|company|employer|organisation|organization|client)[ \t*]*(?::[ \t*]*|\n(?:[ \t]*\n)?"
    r"[ \t*]*)(?P<value>[^\n]{2,100}?)[ \t*]*$",
    re.IGNORECASE | re.MULTILINE)
_FOR_THE_ROLE = re.compile(r"\bfor (?:the|our)\s+(?P<role>[A-Z0-9][^\n!?;\"“”]{1,90}?)(?=[.!?](?:\s|$)|\n|$)")
#: "Thank you for applying to the Graduate Trainee Scheme."
_APPLIED_TO = re.compile(r"\b(?:applying|applied|application|apply) to (?:the|our)\s+(?P<role>[A-Z0-9]" + _ROLE_CHARS
                         + r"{1,90}?)(?=\s+(?:at|with|and|for|this|which|that)\b|[.,;!?\n]|$)")


def _last_phrase(role: str) -> str:
    """The last noun phrase of a role's match: "Area Manager, Joanne, for the Store Manager" -> "Store Manager"."""
    starts = [m.end() for m in _INNER_START.finditer(role)]
    return role[starts[-1]:] if starts else role


def _address_for(person: str, text: str) -> str:
    """An address in the text that is this person's ("jane.smith@…" for Jane Smith)."""
    parts = [_squash(p) for p in person.split() if len(_squash(p)) >= 2]
    for address in _EMAIL.findall(text):
        local = _squash(address.split("@")[0])
        if parts and not _no_reply(address) and (parts[-1] in local or (len(parts[0]) >= 3 and parts[0] in local)):
            return address
    return ""


def _stage_mentions(sentence: str) -> list[tuple[str, int, int, bool]]:
    """Each stage a sentence names: (stage, start, end, only "interview" in general).

    A general word inside a more particular phrase ("interview" in "telephone
    interview", "application" in "application for the assessment") is the phrase's, not
    a mention of its own.
    """
    found: list[tuple[str, int, int, bool]] = []
    for stage, pattern in _STAGES.items():
        for match in pattern.finditer(sentence):
            generic = stage == "first interview" and bool(_GENERIC_INTERVIEW.fullmatch(match[0]))
            found.append((stage, match.start(), match.end(), generic))
    weak = ("application", "phone screen")
    strong = _Covers([(start, end) for stage, start, end, generic in found if not generic and stage not in weak])
    calls = _Covers([(start, end) for stage, start, end, generic in found if stage == "phone screen"])
    kept = []
    for stage, start, end, generic in found:
        if (generic or stage in weak) and strong.covers(start, end):
            continue
        if generic and calls.covers(start, end):
            continue
        kept.append((stage, start, end, generic))
    return kept


class _Covers:
    """Whether any of some spans covers a given one: sorted once, each question a binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [start for start, _end in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = -1
        for _start, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _name_ending_at(text: str, end: int) -> str:
    """The capitalised name that ends just before `end` ("… Fabrikam Payments has decided")."""
    window = text[max(0, end - 80):end].rpartition("\n")[2] + " "
    match = re.search(r"((?:[^\W\d_][\w'’.-]*[ \t]+(?:(?:&|and|of)[ \t]+)?){1,5})$", window)
    if not match:
        return ""
    tokens = match[1].split()
    # Keep the capitalised run at its end ("Unfortunately Coho has" -> "Coho").
    kept: list[str] = []
    for token in reversed(tokens):
        if _capitalised(token) and token.lower() not in _NOT_NAMES:
            kept.insert(0, token)
        elif kept and token.lower() in ("&", "and", "of"):
            kept.insert(0, token)
        else:
            break
    while kept and kept[0].lower() in ("&", "and", "of"):
        kept.pop(0)
    return " ".join(kept)


def _display_person(display: str) -> str:
    """The person a display name names, before any "via" ("Jane Smith via Greenhouse" -> "Jane Smith")."""
    base = re.split(r"\s+(?:via|through|from|on behalf of|at)\s+|\s*[(|@]|\s+[-–—]\s+", display,
                    flags=re.IGNORECASE)[0]
    return _person_name(base)


def _without_team_words(display: str) -> str:
    """A sender's display name without its team: "Fourth Coffee Careers" -> "Fourth Coffee"."""
    display = re.sub(r"\([^()]*\)|\[[^\]]*\]", " ", display)
    parts = [p for p in re.split(r"\s+(?:via|through|from|on behalf of)\s+|\s+[-–—|:,]\s+|\s+@\s+", display,
                                 flags=re.IGNORECASE) if p.strip()]
    if not parts:
        return ""
    display = parts[0]
    if len(parts) > 1 and (_squash(parts[0]) in _VENDORS or parts[0].lower() in _VENDORS):
        display = parts[1]  # "Greenhouse on behalf of Contoso"
    # "Careers at Contoso", "Jobs @ Contoso": the team first.
    display = re.sub(r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:" + "|".join(("team", "careers", "jobs", "recruitment",
                     "recruiting", "talent", "hiring", "hr", "people")) + r")\s+(?:at|@|for|with)\s+", "", display,
                     flags=re.IGNORECASE)
    tokens = display.split()
    while tokens and tokens[-1].lower().strip(".,") in _TEAM:
        tokens.pop()
    while tokens and tokens[0].lower() in ("the",):
        tokens.pop(0)
    return " ".join(tokens)


def _subject_pieces(subject: str) -> list[str]:
    return [piece for piece, _separator in _subject_parts(subject)]


def _subject_parts(subject: str) -> list[tuple[str, str]]:
    """A subject's pieces between its separators, each with the separator before it; a
    separator inside brackets is the piece's own ("Clinical Specialist (Remote – US)")."""
    subject = _SUBJECT_PREFIX.sub("", subject).strip()
    depth, inside = 0, []
    for char in subject:
        depth = max(0, depth + (char == "(") - (char == ")"))
        inside.append(depth > 0)
    out: list[tuple[str, str]] = []
    start, separator = 0, ""
    for match in _SEPARATORS.finditer(subject):
        if inside[match.start()]:
            continue
        piece = subject[start:match.start()].strip(" !.?")
        if piece:
            out.append((piece, separator))
        start, separator = match.end(), match[0]
    piece = subject[start:].strip(" !.?")
    if piece:
        out.append((piece, separator))
    return out


_SUBJECT_COMPANY = [
    re.compile(p, re.IGNORECASE) for p in (
        r"^(?:an? )?update on your (?P<name>.+?) application$", r"^your (?P<name>.+?) (?:application|interview)s?$",
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


def _subject_roles(subject: str, company: str) -> list[str]:
    """The roles a subject may name: each piece, and the pieces a dash joins that are neither
    decoration nor the company ("Store Manager – Leeds Kirkgate: update")."""
    out: list[str] = []
    run: list[str] = []
    company_key = _key(company)

    def close() -> None:
        if len(run) > 1:
            out.append("".join(run))
        run.clear()

    for piece, separator in _subject_parts(subject):
        role = _subject_role(piece)
        if role:
            out.append(role)
        key = _key(role)
        own = bool(key) and not (company_key and (company_key.startswith(key) or key.startswith(company_key)))
        if own and run and separator.strip() in ("-", "–", "—"):
            run.append(separator + role)
        else:
            close()
            if own and _title_weight(role) == 1:  # a run starts with a title: "Store Manager", not "Halvorsen"
                run.append(role)
    close()
    return out


def _subject_role(piece: str) -> str:
    # "Your application for …", "Your HireVue interview for …"
    piece = re.sub(r"^(?:your |an? |the )?(?:[\w-]+ ){0,2}?(?:application|candidature|candidacy|interview)s? "
                   r"(?:for|as|to)(?: the)?\s+", "", piece, flags=re.IGNORECASE)
    piece = re.sub(r"^(?:your |an? )?(?:application|candidature|candidacy|interview)s?(?: for| as| to)?(?: the)?\s+",
                   "", piece, flags=re.IGNORECASE)
    piece = re.sub(r"^(?:regarding|re|about|update on|outcome of|thank you for applying for) (?:your )?"
                   r"(?:application |candidature |candidacy )?(?:for |to )?(?:the )?", "", piece, flags=re.IGNORECASE)
    piece = _without_role_noun(piece)
    # "Validation Engineer update", "Non-Executive Director appointment": a title's words are capitalised.
    piece = re.sub(r"(?:\s+[a-z]+)+$", "", piece) if _capitalised(piece) else piece
    return "" if _DECORATION.match(piece) else piece


def _without_role_noun(role: str) -> str:
    """A role without the noun after it: "Data Analyst role", "Data Analyst Position"; a
    capitalised "Programme", "Scheme" or "Contract" is the title's own ("2028 Training Contract")."""
    role = re.sub(r"\s+" + _ROLE_NOUN_ONLY + r"$", "", role, flags=re.IGNORECASE)
    return re.sub(r"\s+" + _ROLE_NOUN + r"$", "", role)


def _strip_decoration(line: str) -> str:
    """A title line without what follows it after a dash: "Housing Officer – Ref OHA/0412" -> "Housing Officer"."""
    pieces = re.split(r"(\s+[-–—|]\s+)", line)
    kept = pieces[0]
    for sep, piece in zip(pieces[1::2], pieces[2::2]):
        if _DECORATION.match(piece.strip()) or re.search(r"\bref\b|\bjob id\b|\breq\b", piece, re.IGNORECASE):
            break
        kept += sep + piece
    return kept


def _clean_role(role: str, company: str) -> str:
    role = " ".join(role.split()).strip(" ,-–—:")
    role = re.sub(r"^(?:the|our|your|a|an|for the|for our)\s+", "", role, flags=re.IGNORECASE)
    if company:
        for form in {company, _LEGAL.sub("", company).strip()}:
            if form and role.lower().startswith(form.lower() + " "):
                role = role[len(form):].strip()
    role = re.sub(r"\s+(?:at|with|in|for)\s+.*$", "", role) if re.search(r"\s(?:at|with)\s+[A-Z]", role) else role
    role = _strip_decoration(role)
    role = re.sub(r"\s*[-–—]?\s*(?:\(|\[)?(?:ref|req|job id)\b.*$", "", role, flags=re.IGNORECASE).strip()
    # "… position", "… final interview" (a capitalised "Programme" is part of the title).
    role = re.sub(r"\s+(?:role|position|post|vacancy|opening|job|opportunity)\s+(?:in|at|with|based|within)\b.*$", "",
                  role)  # "… SMB opening in Dublin"
    role = _without_role_noun(role)
    role = re.sub(r"\s+(?:assessment|interview|open|information|insight)\s+(?:days?|cent(?:re|er)s?|evenings?)$", "",
                  role, flags=re.IGNORECASE)
    role = re.sub(r"\s+(?:(?:first|second|third|final|telephone|phone|video|technical|panel|initial)(?:[- ](?:round|"
                  r"stage))?\s+)?(?:interviews?|applications?)$", "", role, flags=re.IGNORECASE)
    return role.strip(" ,-–—:")


def _role_key(role: str) -> str:
    return " ".join(re.sub(r"[^\w()/&+,-]", " ", role.lower().replace("–", "-").replace("—", "-")).split())


def _title_weight(role: str) -> float:
    """How much a phrase reads as a job title: 1 with a title's word ("Analyst"), ½ for other
    capitalised words ("Bookseller"), 0 for what is not a title (a sentence, a name's run of lower case)."""
    if not role or len(role) > 100 or not _capitalised(role):
        return 0.0
    tokens = re.findall(r"[^\W\d_][\w'’-]*", role)
    if not tokens or len(tokens) > 12:
        return 0.0
    lowered = [t.lower() for t in tokens]
    if lowered[0] in _NOT_NAMES - _TITLE - {"senior", "head", "director", "manager", "officer"}:
        return 0.0
    # Lower-case words in brackets are the title's qualifiers: "(2 days/week)".
    outside = re.findall(r"[^\W\d_][\w'’-]*", re.sub(r"\([^()]*\)", " ", role))
    small = [t for t in outside if not _capitalised(t) and t.lower() not in _JOINERS | {"with", "in", "to", "a"}]
    if len(small) > max(1, len(tokens) // 4):
        return 0.0
    base = re.sub(r"\s*[(\[].*$", "", role)
    base = re.split(r"\s+[-–—,]\s+|,\s+", base)[0]
    base_tokens = [t.lower() for t in re.findall(r"[^\W\d_][\w'’-]*", base)]
    if any(_is_title(t) or t.rstrip("s") in _TITLE for t in base_tokens) or (
            len(base_tokens) <= 4 and any(t in _TITLE for t in lowered)):
        return 1.0
    if len(base_tokens) > 5 or all(t in _ORG or t in _TEAM for t in base_tokens):
        return 0.0
    return 0.5


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


#: The most candidates weighed against each other (the best by their own votes): enough
#: for any email, and the merging below takes time in proportion to their square.
MAX_CANDIDATES = 60


def _merge_fuller(votes: dict[str, _Vote], *, roles: bool = False) -> dict[str, _Vote]:
    """Votes for a short name counted for the fuller one that starts with it ("Pinecrest" -> "Pinecrest Labs")."""
    if len(votes) > MAX_CANDIDATES:
        best = sorted(votes, key=lambda k: (-votes[k].score, votes[k].first))[:MAX_CANDIDATES]
        votes = {k: votes[k] for k in best}
    keys = sorted(votes, key=len)
    merged = {k: dataclasses.replace(v, forms=list(v.forms), sources=dict(v.sources)) for k, v in votes.items()}
    for short in keys:
        fuller = [k for k in keys if len(k) > len(short) and (k.startswith(short + " ") or k.startswith(short + "(")
                                                              or (roles and f" {short}" in f" {k}"))]
        if not fuller:
            continue
        target = max(fuller, key=lambda k: (votes[k].score, len(k)))
        entry = merged[target]
        entry.score += votes[short].score
        for source, weight in votes[short].sources.items():
            entry.sources[source] = entry.sources.get(source, 0) + weight
        entry.first = min(entry.first, votes[short].first)
        merged[short].score = -1
    return {k: v for k, v in merged.items() if v.score >= 0}


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


# --- the signature ------------------------------------------------------------------------------------------------


class _Signature:
    """The lines after the sign-off ("Kind regards,"): who signs, their title, company and address."""

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        start = None
        for i in range(len(lines) - 1, -1, -1):
            if len(lines[i].strip()) < 60 and _SIGN_OFF.match(lines[i]):  # short first: the pattern repeats
                start = i + 1
                break
        self.signed = start is not None  # after a sign-off, not only the last short lines
        #: The text above the sign-off (all of it when there is none): the letter's own words.
        self.body = "\n".join(lines[: start - 1]) if start is not None else text
        if start is None:
            # No sign-off: the last block of short lines, if the text ends with one.
            start = len(lines)
            while start > 0 and (not lines[start - 1].strip() or len(lines[start - 1]) < 70):
                start -= 1
        self.lines: list[str] = []
        for line in lines[start:]:
            line = line.strip()
            if not line:
                continue
            if len(line) > 100 or re.match(r"^(?:sent from|sent via|this (?:e-?mail|message)|©|\(c\)|please do not|"
                                           r"-{3,}|_{3,})", line, re.IGNORECASE):
                break
            self.lines.append(line)
            if len(self.lines) >= 10:
                break
        self.addresses = [a for line in self.lines for a in _EMAIL.findall(line)]

    def items(self) -> Iterator[str]:
        for line in self.lines:
            for item in re.split(r"\s*[|·•]\s*|\s{3,}", line):
                item = item.strip(" ,")
                if item:
                    yield item

    def person(self, applicant: set[str], known: Sequence[str] = ()) -> str:
        """Who signs: a full name among the signature's items, preferring one that an address
        or the sender's name confirms (`known`: the sender's name and the email's addresses)."""
        confirmed = [_squash(k.split("@")[0]) for k in (*known, *self.addresses) if k]
        candidates = []
        for item in self.items():
            name = _person_name(item)
            if _key(name) in applicant or not _is_person(name):
                continue
            candidates.append(name)
        for name in candidates:
            parts = [_squash(p) for p in name.split()]
            if any(len(p) >= 3 and p in c for c in confirmed for p in parts):
                return name
        return candidates[0] if candidates else ""

    def first_name(self, others: set[str]) -> str:
        """A first name alone signed under the sign-off ("Cheers,\nNat"), none of `others`; or ""."""
        if not self.lines or not self.signed:
            return ""
        name = self.lines[0].strip(" ,.")
        if not re.fullmatch(r"[^\W\d_][^\W\d_'’-]{1,20}", name) or not name[1:].islower():
            return ""
        if _key(name) in others or not _is_person(name, single=True):
            return ""
        return name

    def address_of(self, person: str) -> str:
        parts = [_squash(p) for p in person.split()]
        for address in self.addresses:
            local = _squash(address.split("@")[0])
            if parts and (parts[0] in local or parts[-1] in local):
                return address
        return self.addresses[0] if len(self.addresses) == 1 and not _no_reply(self.addresses[0]) else ""

    def organisations(self, signer: str) -> list[str]:
        """The items that name an organisation: not the signer, a title, a phone or an address."""
        out = []
        for item in self.items():
            for piece in re.split(r",\s+", item):
                piece = piece.strip()
                if not piece or _EMAIL.search(piece) or re.search(r"\d{3}|www\.|https?:", piece):
                    continue
                name = _person_name(piece)
                if signer.split() and (_key(name) == _key(signer) or _key(name) == _key(signer.split()[0])):
                    continue
                if signer and len(name.split()) == 1 and name.lower() == signer.split()[0].lower():
                    continue  # the first name signed above the full name
                tokens = [t.lower() for t in re.findall(r"[^\W\d_][\w'’-]*", piece)]
                if tokens and all(t in _TEAM or t in _JOINERS for t in tokens):
                    continue
                at = re.split(r"\s+(?:at|@)\s+", piece)
                if len(at) == 2 and any(t in _TITLE for t in re.findall(r"[a-z]+", at[0].lower())):
                    piece = at[1]  # "Recruitment Manager at Contoso"
                    tokens = [t.lower() for t in re.findall(r"[^\W\d_][\w'’-]*", piece)]
                elif not tokens or (any(t in _TITLE for t in tokens) and not _LEGAL.search(piece)
                                    and tokens[-1] not in _ORG):
                    continue
                named = _name_at(piece, 0)
                if named and len(named) >= len(piece) - 2:
                    out.append(named)
        return out
