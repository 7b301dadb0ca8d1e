"""The words of a name: a company's or a person's, found in text, folded to compare, told apart."""

from __future__ import annotations

import re
import unicodedata

import nextround.core.rejection_email._words as words

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


_VENDORS = set(words.ATS_VENDORS)


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
