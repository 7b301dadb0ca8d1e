"""The lines after a letter's sign-off: who signs, their address and the organisations named."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import nextround.core.rejection_email._words as words
from nextround.core.rejection_email.addresses import _EMAIL, _no_reply
from nextround.core.rejection_email.names import (
    _JOINERS,
    _LEGAL,
    _ORG,
    _TEAM,
    _TITLE,
    _is_person,
    _key,
    _name_at,
    _person_name,
    _squash,
)

_SIGN_OFF_ONE = r"(?:" + "|".join(words.SIGN_OFFS) + r")"
_SIGN_OFF = re.compile(r"^\s*" + _SIGN_OFF_ONE + r"(?:\s*(?:/|and|&|,)\s*" + _SIGN_OFF_ONE + r")*[\s,.!:\-–]*$",
                       re.IGNORECASE)


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
