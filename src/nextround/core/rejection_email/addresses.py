"""What an email address says: nobody reads it, a shared mailbox reads it, the names in its domain."""

from __future__ import annotations

import re
from collections.abc import Sequence

import nextround.core.rejection_email._words as words
from nextround.core.rejection_email.names import _JOINERS, _key, _squash

# From the start of a run only, and bounded: no run of letters is tried from each of its letters.
_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
_NO_REPLY = re.compile(r"(?:" + "|".join(words.NO_REPLY_LOCAL) + r")", re.IGNORECASE)
_NO_REPLY_HOST = re.compile(r"(?:" + "|".join(words.NO_REPLY_LOCAL) + r")\.", re.IGNORECASE)
_SHARED = re.compile(r"^(?:" + "|".join(words.SHARED_LOCAL) + r")(?:[-_.]?\w{0,12})?$", re.IGNORECASE)


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
