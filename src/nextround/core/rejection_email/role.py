"""The role: the fullest title named in the text, a labelled line, a title line or the subject."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import nextround.core.rejection_email._words as words
from nextround.core.rejection_email.facts import FROM_SUBJECT, FROM_TEXT
from nextround.core.rejection_email.names import (
    _JOINERS,
    _LEGAL,
    _NOT_NAMES,
    _ORG,
    _TEAM,
    _TITLE,
    _capitalised,
    _is_title,
    _key,
)
from nextround.core.rejection_email.prose import _LABELLED_LINE, _prose
from nextround.core.rejection_email.reading import Reading
from nextround.core.rejection_email.subject import _DECORATION, _subject_parts
from nextround.core.rejection_email.votes import _merge_fuller, _Vote

_ROLE_NOUN = r"(?:" + "|".join(words.ROLE_NOUNS) + r")s?"
_ROLE_NOUN_ONLY = r"(?:" + "|".join(words.ROLE_NOUNS_ONLY) + r")s?"
_REQUISITION = re.compile(r"\b(?:REQ|JR|R|Req|JOB|Job)[-_ ]?\d{3,}\b|\brequisition (?:no\.? |number |id )?[#:]?\s*"
                          r"([A-Z0-9][\w-]{2,})", re.IGNORECASE)


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


_FOR_THE_ROLE = re.compile(r"\bfor (?:the|our)\s+(?P<role>[A-Z0-9][^\n!?;\"“”]{1,90}?)(?=[.!?](?:\s|$)|\n|$)")


#: "Thank you for applying to the Graduate Trainee Scheme."
_APPLIED_TO = re.compile(r"\b(?:applying|applied|application|apply) to (?:the|our)\s+(?P<role>[A-Z0-9]" + _ROLE_CHARS
                         + r"{1,90}?)(?=\s+(?:at|with|and|for|this|which|that)\b|[.,;!?\n]|$)")


def role(reading: Reading, company: str) -> tuple[str, str] | None:
    """The role the rejection is for, and where it was found; None if not found. `company` is left out of it."""
    votes: dict[str, _Vote] = {}
    order = itertools.count(1)
    company_key = _key(company)

    def vote(role: str, weight: float, source: str) -> None:
        role = _clean_role(role, company)
        key = _role_key(role)
        weight *= _title_weight(role)
        if not key or not weight or (company_key and key == _role_key(company)):
            return
        if key in reading.applicant or _key(role) == company_key:
            return
        entry = votes.setdefault(key, _Vote([], first=next(order)))
        entry.forms.append(role)
        entry.score += weight
        entry.sources[source] = entry.sources.get(source, 0) + weight

    for match in _ROLE_THEN_NOUN.finditer(reading.prose):
        vote(_last_phrase(match["role"]), 3, FROM_TEXT)
    for match in _PLACE_ON.finditer(reading.prose):
        vote(match["role"], 2, FROM_TEXT)
    if company:
        # "the Harbourside Bank Technology Graduate Programme (September 2026 intake)"
        for form in {company, _LEGAL.sub("", company).strip()}:
            pattern = re.compile(r"\bthe\s+" + re.escape(form) + r"\s+(?P<role>[A-Z0-9]" + _ROLE_CHARS + r"{1,90}?)"
                                 r"(?=\s+(?:and|at|with|for|this|which|that|to|is|was|has)\b|[.,;!?\n]|$)")
            for match in pattern.finditer(reading.prose):
                vote(match["role"], 1, FROM_TEXT)
    for match in _NOUN_OF_ROLE.finditer(reading.prose):
        vote(match["role"], 3, FROM_TEXT)
    for match in _APPLIED_FOR.finditer(reading.prose):
        vote(match["role"], 2, FROM_TEXT)
    for match in _AS_A_ROLE.finditer(reading.prose):
        vote(match["role"], 1, FROM_TEXT)
    for match in _FOR_THE_ROLE.finditer(reading.prose):
        vote(match["role"], 1, FROM_TEXT)
    for match in _APPLIED_TO.finditer(reading.prose):
        vote(match["role"], 1, FROM_TEXT)
    for line in _title_lines(reading.text):
        vote(line, 3, FROM_TEXT)
    for match in _LABELLED_LINE.finditer(reading.text):
        if match["label"].lower() not in ("company", "employer", "organisation", "organization", "client"):
            vote(match["value"], 3, FROM_TEXT)
    for subject, weight in reading.subjects():
        for named in _subject_roles(subject, company):
            vote(named, weight, FROM_SUBJECT)
    for quoted in reading.quoted:
        for match in _ROLE_THEN_NOUN.finditer(_prose(quoted.text)):
            vote(match["role"], 1, FROM_TEXT)
    if votes:
        merged = _merge_fuller(votes, roles=True)
        best_key = max(merged, key=lambda k: (merged[k].score, len(merged[k].sources), len(k)))
        best = merged[best_key]
        if best.score >= 1:
            source = max(best.sources, key=lambda s: best.sources[s])
            return max(best.forms, key=len), source
    for source, text in ((FROM_SUBJECT, reading.letter.subject), (FROM_TEXT, reading.prose)):
        reference = _REQUISITION.search(text)
        if reference:
            return (reference[1] or reference[0]).strip(), source
    return None


def _title_lines(text: str) -> Iterator[str]:
    """Short lines near the top that are only a title: "Quality Engineer – final interview"."""
    seen = 0
    for line in text.split("\n")[:40]:
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > 4 or len(line) > 90 or re.search(r"[.!?;]$", line):
            break  # the letter's prose has begun
        if re.search(r",$", line) or re.match(r"^(?:dear|hi|hello|hey)\b", line, re.I):
            continue
        yield _strip_decoration(_subject_role(re.sub(r"^(?:re|subject|regarding)\s*:\s*", "", line, flags=re.I)))


# "Your application to Zephyr Tiles for Junior Buyer": the company first, the role after
# "for" (unless "for" is the company's own: "the Centre for Ageing Better").
_AFTER_COMPANY = re.compile(
    r"^(?:your )?(?:application|interview)s? (?:to|with|at) (?-i:[A-Z]).+?"
    r"(?<!" + r")(?<!".join(rf"\b{w}" for w in words.ORG_FOR) + r") (?:for|as)(?: the| a| an)?\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE)


def _last_phrase(role: str) -> str:
    """The last noun phrase of a role's match: "Area Manager, Joanne, for the Store Manager" -> "Store Manager"."""
    starts = [m.end() for m in _INNER_START.finditer(role)]
    return role[starts[-1]:] if starts else role


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
    # "Your application to Zephyr Tiles for …": the company comes first, the role after "for".
    piece = _AFTER_COMPANY.sub("", piece)
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
