"""A rejection email, read for what a workbook is made from.

`read_rejection_email(data)` takes an `.eml` file's bytes or a pasted text and finds
the company, the role, the person to reply to (name and address), the day of the
rejection, the stage it came at and whether feedback was offered. Each thing found
says where it was found ("from the signature", "from the subject", "from the
forwarded header"), and what was not found is listed, so a person can check it.

How it reads (a module for each field, named for it; the word lists are in `_words`):

- The rejection is one letter of the email (`letters`, chosen in `reading`): a forwarded
  or attached message when the email forwards one, else the email itself; never a
  message quoted below a reply.
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

The modules: `letters` (the email read into its letters; `html_text` and `dates` beside
it), `reading` (the letter that rejects, and what every field reads from it), `names`,
`addresses`, `prose`, `subject`, `signature` and `votes` (the pieces the fields share),
a module for each field (`company`, `role`, `contact`, `stage`, `feedback`; the date is
the letter's own), and `facts` (what was found and where). None of them imports this one.
"""

from __future__ import annotations

from nextround.core.rejection_email.company import company
from nextround.core.rejection_email.contact import contact
from nextround.core.rejection_email.facts import (
    _HEADER_SOURCES,
    FIELDS,
    FROM_DATE,
    FROM_TEXT,
    EmailFacts,
    Found,
)
from nextround.core.rejection_email.feedback import feedback_offered
from nextround.core.rejection_email.letters import read_letters
from nextround.core.rejection_email.reading import Reading
from nextround.core.rejection_email.role import role
from nextround.core.rejection_email.stage import stage

__all__ = ["FIELDS", "EmailFacts", "Found", "read_rejection_email"]


def read_rejection_email(data: bytes | str, *, name: str | None = None) -> EmailFacts:
    """What a rejection email (an .eml file's bytes, or pasted text) says; NextroundError if unreadable."""
    letters = read_letters(data, name=name)
    return _facts(Reading(letters))


def _facts(reading: Reading) -> EmailFacts:
    """Each field read in turn: the role and the contact know the company, so it is read first."""
    found: list[Found] = []
    named = company(reading)
    if named:
        found.append(Found("company", *named))
    the_company = named[0] if named else ""
    titled = role(reading, the_company)
    if titled:
        found.append(Found("role", *titled))
    person = contact(reading, the_company)
    if person[0]:
        found.append(Found("contact_name", person[0], person[2]))
    if person[1]:
        found.append(Found("contact_email", person[1], person[3]))
    letter = reading.letter
    if letter.sent_on:
        found.append(Found("rejected_on", letter.sent_on, _HEADER_SOURCES.get(letter.headers, FROM_DATE)))
    step = stage(reading)
    if step:
        found.append(Found("stage", step, FROM_TEXT))
    found.append(Found("feedback_offered", feedback_offered(reading.prose), FROM_TEXT))
    fields = {f.field for f in found}
    return EmailFacts(tuple(found), tuple(f for f in FIELDS if f not in fields))
