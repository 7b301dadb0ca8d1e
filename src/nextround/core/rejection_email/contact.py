"""The person to reply to: a person's Reply-To, the sender, or whoever signs; never a no-reply address."""

from __future__ import annotations

import nextround.core.rejection_email._words as words
from nextround.core.rejection_email.addresses import _EMAIL, _domain_labels, _no_reply, _shared
from nextround.core.rejection_email.facts import _SENDER_SOURCES, FROM_REPLY_TO, FROM_SENDER, FROM_SIGNATURE
from nextround.core.rejection_email.letters import Letter
from nextround.core.rejection_email.names import _display_person, _is_person, _key, _person_name, _squash
from nextround.core.rejection_email.prose import _words_re
from nextround.core.rejection_email.reading import Reading

_DO_NOT_REPLY = _words_re(words.DO_NOT_REPLY)


def contact(reading: Reading, company: str) -> tuple[str, str, str, str]:
    """(name, address, where the name was found, where the address was found)."""
    letter = reading.letter
    where = _SENDER_SOURCES.get(letter.headers, FROM_SENDER)
    signer = reading.signer if not (company and _key(reading.signer) == _key(company)) else ""
    # "Replies to this address are not monitored": the sender's address is a no-reply one.
    unread = _no_reply(letter.sender_address) or (not letter.reply_to_address
                                                   and bool(_DO_NOT_REPLY.search(reading.text)))
    if letter.reply_to_address and not _no_reply(letter.reply_to_address):
        name = _person_name(letter.reply_to_name)
        if _is_person(name):
            return name, letter.reply_to_address, FROM_REPLY_TO, FROM_REPLY_TO
        if unread or not letter.sender_address:
            # A shared mailbox that takes the replies: whoever signs, at that address.
            return signer, letter.reply_to_address, FROM_SIGNATURE if signer else "", FROM_REPLY_TO
    sender = _person_name(letter.sender_name)
    address = letter.sender_address if not unread else ""
    if address and _is_person(sender) and _key(sender) not in reading.applicant and \
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
        first_name = reading.signature.first_name(reading.applicant | {_key(company)} | _sender_words(letter))
        return first_name, address, FROM_SIGNATURE if first_name else "", where
    # A no-reply sender, or a pasted text: whoever signs, with their address if given.
    shown = _display_person(letter.sender_name)
    if not signer and _is_person(shown) and _key(shown) not in reading.applicant and \
            not (company and _key(shown) == _key(company)):
        signer = shown  # a person's name, not the company's ("Glenavon Distillers" <noreply@…>)
    signer = signer or reading.signature.first_name(reading.applicant | {_key(company)} | _sender_words(letter))
    if signer:
        own = reading.signature.address_of(signer) or _address_for(signer, reading.text)
        return signer, own, FROM_SIGNATURE, FROM_SIGNATURE if own else ""
    return "", "", "", ""


def _sender_words(letter: Letter) -> set[str]:
    """The words of the sender's name and domain, folded: "The Anchor Inn" <hello@theanchorinn…>."""
    found = {_key(w) for w in letter.sender_name.split()}
    found |= set(_domain_labels(letter.sender_address))
    return found


def _address_for(person: str, text: str) -> str:
    """An address in the text that is this person's ("jane.smith@…" for Jane Smith)."""
    parts = [_squash(p) for p in person.split() if len(_squash(p)) >= 2]
    for address in _EMAIL.findall(text):
        local = _squash(address.split("@")[0])
        if parts and not _no_reply(address) and (parts[-1] in local or (len(parts[0]) >= 3 and parts[0] in local)):
            return address
    return ""
