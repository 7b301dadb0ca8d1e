"""Reading a rejection email: what it finds and where, on every shape of email, hostile ones included.

The accuracy floor is measured on tests/data/emails/ (written blind, half held out);
failures there name counts, never an email's text. benchmarks/email_accuracy.py prints
the table.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from email_samples import SAMPLES, late_evening
from nextround.core.rejection_email import EmailFacts, read_rejection_email
from nextround.core.rejection_email.dates import parse_day
from nextround.core.rejection_email.html_text import html_to_text
from nextround.core.rejection_email.letters import MAX_BYTES, MAX_CONTAINERS, read_letters
from nextround.errors import NextroundError

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile" / "emails"


def _value(facts: EmailFacts, field: str) -> object:
    value = facts.get(field)
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("name", list(SAMPLES))
def test_each_shape_of_email_gives_its_facts(name: str) -> None:
    data, expected = SAMPLES[name]
    facts = read_rejection_email(data)
    wrong = {field: (want, _value(facts, field)) for field, want in expected.items()
             if _value(facts, field) != want and not (want is None and _value(facts, field) in ("", None))}
    assert not wrong, f"{name}: {wrong}"


def test_each_fact_says_where_it_was_found_and_what_was_not() -> None:
    facts = read_rejection_email(SAMPLES["gmail forward"][0])
    assert facts.source("company") == "from the text"
    assert facts.source("contact_name") == "from the forwarded header"  # the original sender, not the forwarder
    assert facts.source("rejected_on") == "from the forwarded header"
    assert facts.lines()[:3] == [
        "company: Contoso Analytics, from the text",
        "role: Junior Data Analyst, from the text",
        "contact: Priya Raman <priya.raman@contoso-analytics.example>, from the forwarded header",
    ]
    lonely = read_rejection_email(SAMPLES["one line"][0])
    assert lonely.missing == ("company", "role", "contact_name", "contact_email", "rejected_on")
    assert lonely.lines()[-1] == "not found: company, role, contact, address to reply to, date of the rejection"


def test_the_workbook_parameters_are_the_facts_found() -> None:
    offered = read_rejection_email(SAMPLES["gmail forward"][0]).parameters()
    assert offered == {"company": "Contoso Analytics", "role": "Junior Data Analyst", "stage": "final interview",
                       "rejected_on": date(2026, 3, 5), "feedback_offered": True,
                       "contacts": [{"name": "Priya Raman", "email": "priya.raman@contoso-analytics.example"}]}
    # A shared mailbox and no person: the address is where replies go, not a contact.
    shared = read_rejection_email(SAMPLES["shared mailbox"][0]).parameters()
    assert "contacts" not in shared and shared["reply_to"] == "careers@harbourlightsbank.example"


def test_options_given_over_the_email_are_marked_as_given() -> None:
    facts = read_rejection_email(SAMPLES["gmail forward"][0]).given(
        {"company": "Contoso", "contacts": ["Ann Bell <ann@contoso.example>"], "stage": None})
    assert facts.lines()[0] == "company: Contoso, from the command line"
    assert "contact: Ann Bell <ann@contoso.example>, from the command line" in facts.lines()
    assert "stage: final interview, from the text" in facts.lines()


def test_the_date_is_the_day_in_the_senders_own_time_zone() -> None:
    # 23:47 in California is already the next day in UTC; 00:05 in Sydney is still the day before.
    assert read_rejection_email(late_evening(8)).get("rejected_on") == date(2026, 3, 3)
    assert read_rejection_email(SAMPLES["shared mailbox"][0]).get("rejected_on") == date(2026, 3, 2)


@pytest.mark.parametrize(("text", "day"), [
    ("Tue, 3 Mar 2026 23:47:12 -0800", date(2026, 3, 3)),
    ("Thu, Mar 5, 2026 at 10:14 AM", date(2026, 3, 5)),  # Gmail's forwarded header
    ("5 March 2026 at 10:14:22 GMT", date(2026, 3, 5)),  # Apple Mail's
    ("Friday, January 9, 2026 4:55 PM", date(2026, 1, 9)),  # Outlook's, in the US
    ("02 December 2025 09:47", date(2025, 12, 2)),  # Outlook's, in the UK
    ("2026-02-05 14:22 (GMT+01:00)", date(2026, 2, 5)),  # Thunderbird's
    ("Donnerstag, 5. März 2026 um 10:14", date(2026, 3, 5)),
    ("05/03/2026 10:00", date(2026, 3, 5)),  # day first
    ("3/25/2026", date(2026, 3, 25)),  # unless it cannot be
    ("Thursday the 32nd of Smarch", None),
])
def test_dates_as_mail_clients_write_them(text: str, day: date | None) -> None:
    assert parse_day(text) == day


def test_html_becomes_the_text_a_person_reads() -> None:
    text = html_to_text(
        "<html><head><title>Logo</title><style>p {color: red}</style></head><body>"
        "<div style='display:none'>preheader</div><p>Dear Sam,</p><p>Thanks<br>Jo&nbsp;Bloggs</p>"
        "<!-- a comment --><table><tr><td>Contoso &amp; Co</td></tr></table><script>alert(1)</script>")
    assert text == "Dear Sam,\n\nThanks\nJo Bloggs\n\nContoso & Co"


def test_a_forward_is_read_through_to_the_original_and_a_quoted_reply_is_not() -> None:
    letters = read_letters(SAMPLES["gmail forward"][0])
    assert [(letter.kind, letter.sender_name) for letter in letters] == [
        ("email", "Sam Taylor"), ("forwarded", "Priya Raman")]
    quoted = read_letters(SAMPLES["reply quoting the applicant"][0])
    assert [(letter.kind, letter.sender_name) for letter in quoted] == [
        ("email", "Hannah Lee"), ("quoted", "Sam Taylor")]
    facts = read_rejection_email(SAMPLES["reply quoting the applicant"][0])
    assert facts.get("contact_name") == "Hannah Lee"  # not the applicant, whose email is quoted below


# --- where emails name things: the shapes the second batch of blind emails showed --------


def _email(sender: str, subject: str, body: str, *, html: bool = False, reply_to: str = "") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Sam Taylor <sam.taylor@mail.example>"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    if reply_to:
        msg["Reply-To"] = reply_to
    if html:
        msg.set_content(body, subtype="html")
    else:
        msg.set_content(body)
    return msg.as_bytes()


def test_a_table_of_labels_and_values_in_an_html_email_gives_the_company_and_the_role() -> None:
    # An ATS's layout: each label and value in cells of their own, read as lines of their own.
    body = ("<p>Dear Sam,</p><p>Thank you for your application. We are sorry to tell you that you have not been "
            "shortlisted.</p><table><tr><td>Employer</td><td>Westbrook College</td></tr>"
            "<tr><td>Post</td><td>Lecturer in Chemistry</td></tr><tr><td>Reference</td><td>WC-0042</td></tr></table>"
            "<p>HR Team</p>")
    facts = read_rejection_email(_email("HR <no-reply@jobs.vacancyboard.example>", "Outcome of your application – "
                                        "WC-0042", body, html=True))
    assert (facts.get("company"), facts.get("role")) == ("Westbrook College", "Lecturer in Chemistry")


def test_an_agency_that_signs_with_its_own_name_is_not_the_employer() -> None:
    # No "my client": the agency's name in the signature is its address's domain, and the text names the employer.
    body = ("Hi Sam,\n\nQuick update on the Claims Handler role at Halden Mutual Insurance.\n\nThey had the initial "
            "screening call with you on Monday, and unfortunately have decided not to take you through to interview."
            "\n\nCheers,\nMark Obi\n\nMark Obi\nSenior Consultant\nBrightpath Resourcing\n0161 496 0000\n")
    facts = read_rejection_email(_email("Mark Obi <mark.obi@brightpath.example>", "Halden – Claims Handler", body))
    assert facts.get("company") == "Halden Mutual Insurance"
    # An employer's own team that signs "… Recruitment" behind a no-reply address is the employer.
    own = ("Dear Sam,\n\nThank you for your interview for the Store Manager vacancy at Tillbury's.\n\nWe won't be "
           "inviting you to the second interview.\n\nBest wishes,\n\nTillbury's Recruitment\n")
    assert read_rejection_email(_email("Careers <careers@notify.jobcloud.example>", "Store Manager", own)).get(
        "company") == "Tillbury's"


def test_a_person_named_in_the_text_is_not_the_company() -> None:
    body = ("Dear Sam,\n\nThank you for the final interview for the Design Engineer position.\n\nWe have decided "
            "to offer the position to another candidate. If you wish, I will arrange a short call with Pieter Bakker, "
            "our engineering manager, to go through the feedback.\n\nKind regards,\n\nSanne de Vries\nHR Advisor\n"
            "Van Aalst Engineering B.V.\nRotterdam\n")
    facts = read_rejection_email(_email("Sanne de Vries <s.devries@vanaalst.example>", "Final interview", body))
    assert facts.get("company") == "Van Aalst Engineering B.V."


@pytest.mark.parametrize(("sender", "body", "company"), [
    # "University" is a team's word in "… University Recruiting", and a university's name's own.
    ("Redwood State University Human Resources <hr-noreply@redwoodstate.example>",
     "Dear Sam,\n\nThank you for your interest in employment with Redwood State University. We regret to inform you "
     "that you were not selected for interview.\n\nSincerely,\nHuman Resources\nRedwood State University\n",
     "Redwood State University"),
    ("Imogen Fairley <imogen.fairley@callowaypartners.example>",
     "Dear Sam,\n\nI'm sorry to tell you that we won't be inviting you to the second-round interviews.\n\n"
     "Kind regards,\n\nImogen Fairley\nEarly Careers Lead\nCalloway Partners\n", "Calloway Partners"),
    # The full stop of "Co." and "plc." is not the sentence's: the legal suffix goes, the name stays.
    ("Jennifer Alvarado <jalvarado@keystonemfg.example>",
     "Marco,\n\nWe have decided to move forward with another candidate. Keep an eye on openings at Keystone "
     "Manufacturing.\n\nThank you,\n\nJennifer Alvarado\nHR Generalist\nKeystone Manufacturing Co.\n",
     "Keystone Manufacturing"),
    ("Harbourside Bank Early Careers <no-reply@mail.recrutia.example>",
     "Dear Sam,\n\nThank you for applying to the Harbourside Bank Technology Graduate Programme. We will not be "
     "taking your application forward.\n\nHarbourside Bank Early Careers Team\n\n--\nThis email was sent by Recrutia "
     "on behalf of Harbourside Bank plc. Please do not reply to this email.\n", "Harbourside Bank"),
    # "… Trust." ends a sentence: "St." is an abbreviation, "Trust." is not.
    ("Hamza Qureshi <hamza.qureshi@northgatetr.example>",
     "Hi Sam,\n\nQuick update on the Infrastructure Lead role at Calder Valley NHS Foundation Trust.\n\nTheir Head of "
     "IT had the screening call with you, and the Trust has decided not to take you through.\n\nCheers,\nHamza\n\n"
     "Hamza Qureshi\nPrincipal Consultant\nNorthgate Technical Resourcing\n", "Calder Valley NHS Foundation Trust"),
    ("Nina Okonjo <aurelia.recruitment@cadencerpo.example>",
     "Dear Sam,\n\nThank you for attending the first interview for the QC Microbiologist position at Aurelia "
     "Pharmaceuticals' Speke site. The hiring team has decided not to invite you to a second interview.\n\n"
     "Kind regards,\n\nNina Okonjo\nCadence Talent Solutions Ltd\n", "Aurelia Pharmaceuticals"),
    ("Skylark Careers <no-reply@careers.corrantelecom.example>",
     "Hi Sam,\n\nThank you for your interest in the Field Engineer role with Skylark Broadband. We won't be "
     "progressing your application.\n\nSkylark Recruitment Team\n\nSkylark Broadband is a trading name of Corran "
     "Telecom Group Ltd, registered in England and Wales No. 00000004.\n", "Skylark Broadband"),
    ("Wide World Importers <careers@wwimporters.example>",  # three words, a shared mailbox, its domain
     "Dear Sam,\n\nThank you for applying. Unfortunately we will not progress.\n\nKind regards,\nTalent "
     "Acquisition Team\n", "Wide World Importers"),
    ("Recruitment <recruitment@lindqvistmarine.example>",
     "Dear Sam,\n\nWe have decided to offer the position to another candidate. If you would like feedback, we will "
     "arrange a call with the hiring manager.\n\nKind regards,\n\nRecruitment Team\n\nLindqvist Marine AB · "
     "Exempelgatan 12 · 400 00 Göteborg · Sweden\n", "Lindqvist Marine AB"),
], ids=["university", "partners", "co.", "plc.", "trust.", "possessive", "trading name", "sender like a person",
        "legal suffix in a footer"])
def test_the_company_is_the_name_the_email_writes(sender: str, body: str, company: str) -> None:
    assert read_rejection_email(_email(sender, "Your application", body)).get("company") == company


@pytest.mark.parametrize(("sentence", "role"), [
    ("Thank you for attending the first interview for the QC Microbiologist (12-month contract) position.",
     "QC Microbiologist (12-month contract)"),
    ("So I won't be taking things further for the Part-time Bookkeeper (2 days/week) role.",
     "Part-time Bookkeeper (2 days/week)"),
    ("Thank you for attending your first interview with our Area Manager, Joanne, for the Store Manager – Leeds "
     "Kirkgate vacancy.", "Store Manager – Leeds Kirkgate"),
    ("I've just come off the phone with the HR team at Draycott Sloane LLP about the Associate, Commercial Real "
     "Estate (2–4 PQE) role.", "Associate, Commercial Real Estate (2–4 PQE)"),
    ("I'm sorry to let you know that we have offered the post of Teacher of Mathematics (MPS/UPS) to another "
     "candidate.", "Teacher of Mathematics (MPS/UPS)"),
    ("I am sorry to let you know that we are unable to offer you a place on our 2028 Training Contract.",
     "2028 Training Contract"),
    ("Thank you for your application for the post of Lecturer in Economics (0.5 FTE).", "Lecturer in Economics (0.5 FTE)"),
    ("We will not be progressing your application for Senior Associate – Tax (Manchester).",
     "Senior Associate – Tax (Manchester)"),
    ("Thank you for applying for the 2026 Summer Analyst Internship.", "2026 Summer Analyst Internship"),
    ("Thank you for applying to the Graduate Trainee Scheme.", "Graduate Trainee Scheme"),
    ("The Events & Partnerships Officer role has now been filled.", "Events & Partnerships Officer"),
    ("Thank you for interviewing with us for the Sr. Product Manager role.", "Sr. Product Manager"),
    ("Thank you for your interest in our open Product Analyst role.", "Product Analyst"),
    ("Thanks for applying for our Customer Success Associate, SMB opening in Dublin.",
     "Customer Success Associate, SMB"),
    ("I've heard back from Contoso about the Teacher of English role - unfortunately it's a no.", "Teacher of English"),
    ("Re: Application for Senior Designer (Ref: 1234)\n\nThank you for applying.", "Senior Designer"),
    ("Position applied for: Customer Support Specialist (German speaking)\n\nThank you for applying.",
     "Customer Support Specialist (German speaking)"),
], ids=["brackets", "lower-case qualifier", "after a person", "after a company", "post of", "place on",
        "in a subject", "dash and brackets", "number first", "applying to the", "sentence start", "abbreviation",
        "open role", "opening in", "title of", "re line", "applied for"])
def test_the_role_is_the_title_as_the_email_writes_it(sentence: str, role: str) -> None:
    body = f"Dear Sam,\n\n{sentence}\n\nKind regards,\n\nJo Bell\nContoso\n"
    assert read_rejection_email(_email("Jo Bell <jo.bell@contoso.example>", "Your application", body)).get(
        "role") == role


@pytest.mark.parametrize(("subject", "role"), [
    ("Store Manager – Leeds Kirkgate: update", "Store Manager – Leeds Kirkgate"),
    ("Summer Internship – Structural Engineering (2026): interview outcome",
     "Summer Internship – Structural Engineering (2026)"),
    ("Your application for Clinical Specialist (Remote – US)", "Clinical Specialist (Remote – US)"),
    ("Halvorsen - Validation Engineer update", "Validation Engineer"),
    ("Your HireVue interview for Graduate Analyst - Norbrook Bank", "Graduate Analyst"),
], ids=["dash-joined", "capitalised internship", "dash in brackets", "lower-case decoration", "vendor's interview"])
def test_the_role_in_a_subject_is_the_title_without_its_decoration(subject: str, role: str) -> None:
    body = "Dear Sam,\n\nThank you for applying. Unfortunately we will not be moving forward.\n\nJo Bell\nNorbrook Bank\n"
    assert read_rejection_email(_email("Jo Bell <jo.bell@norbrookbank.example>", subject, body)).get("role") == role


@pytest.mark.parametrize(("subject", "company", "role"), [
    ("Your application to Zephyr Tiles Ltd for Junior Buyer", "Zephyr Tiles Ltd", "Junior Buyer"),
    ("Application to Zephyr Tiles as Junior Buyer", "Zephyr Tiles", "Junior Buyer"),
    ("Your application to the Centre for Ageing Better", "Centre for Ageing Better", ""),
], ids=["to X for Y", "to X as Y", "for inside the name"])
def test_a_subject_naming_the_company_then_the_role_gives_both(subject: str, company: str, role: str) -> None:
    # A no-reply sender, a body naming neither: the subject is all there is.
    body = "Dear Sam,\n\nUnfortunately we will not be progressing your application.\n"
    facts = read_rejection_email(_email("Talent <no-reply@ats.example>", subject, body))
    assert (facts.get("company"), facts.get("role") or "") == (company, role)


def test_a_role_that_follows_the_company_s_name_is_read_without_it() -> None:
    body = ("Dear Sam,\n\nThank you for applying to the Harbourside Bank Technology Graduate Programme (September "
            "2026 intake).\n\nWe will not be taking your application forward.\n\nHarbourside Bank Early Careers Team\n")
    facts = read_rejection_email(_email("Harbourside Bank Early Careers <no-reply@mail.recrutia.example>",
                                        "Your application – Technology Graduate Programme", body))
    assert (facts.get("company"), facts.get("role")) == (
        "Harbourside Bank", "Technology Graduate Programme (September 2026 intake)")


@pytest.mark.parametrize(("sender", "body", "contact"), [
    # The letter says its sender's address takes no replies.
    ("Solent Marine Insurance <jobs@trellisrecruit.example>",
     "Dear Sam,\n\nWe won't be taking your application to the final stage.\n\nBest wishes,\nPriyanka Shah\n"
     "Talent Partner, Solent Marine Insurance\n\nReplies to this address are not monitored. Sent with Trellis "
     "Recruit.\n", ("Priyanka Shah", None)),
    ("Saxby Careers <careers@notify.jobcloud.example>",  # a notification host
     "Dear Sam,\n\nWe won't be inviting you to the second interview.\n\nBest wishes,\n\nSaxby Recruitment\n",
     (None, None)),
    # A first name alone under the sign-off is the person to reply to, at the shared mailbox.
    ("The Anchor Inn <hello@theanchorinn.example>",
     "Hi Sam, sorry – we've gone with someone else. Thanks for your interest though!\n\nCheers,\nNat\n",
     ("Nat", "hello@theanchorinn.example")),
    ("Amy from Fennel <amy@fennel.example>",
     "Hi Sam,\n\nWe've decided to go with someone with more fintech experience.\n\nAll the best,\nAmy\n",
     ("Amy", "amy@fennel.example")),
    # The company's name as a sender's name is no person's.
    ("Glenavon Distillers <noreply@hirebridge.example>",
     "Dear Sam,\n\nThank you for completing the online test for the Graduate Marketing Executive programme at "
     "Glenavon Distillers. We won't be inviting you to the video interview stage.\n\nSlàinte,\nGlenavon Distillers "
     "Early Careers Team\n", (None, None)),
], ids=["not monitored", "notification host", "first name", "name from company", "company as sender"])
def test_the_contact_is_someone_who_reads_replies(sender: str, body: str, contact: tuple[str | None, ...]) -> None:
    facts = read_rejection_email(_email(sender, "Your application", body))
    assert (facts.get("contact_name"), facts.get("contact_email")) == contact


@pytest.mark.parametrize(("sentence", "stage"), [
    ("The shortlisting panel has now reviewed all applications and you have not been shortlisted.", "application"),
    ("Thank you for answering the screening questions. We will not be progressing your application.", "application"),
    ("Thank you for your second interview with our plant manager. We won't be scheduling the final meeting with our "
     "VP of Operations.", "second interview"),
    ("Thanks so much for taking the time to chat with our recruiter last week. We won't be moving you forward to "
     "interviews.", "phone screen"),
    ("Thank you for completing the HireVue. We won't be progressing you to the assessment centre.", "assessment"),
    ("Thank you for attending the trial shift on Saturday. We will not be offering you the position.", "assessment"),
    ("Thank you for attending the interview. We have decided to go with another candidate.", "final interview"),
    ("Thank you for attending the panel interview on Monday. The panel has decided to appoint another candidate.",
     "final interview"),
    ("Thank you for meeting with Sarah and me on Thursday. We have offered the role to someone else.",
     "final interview"),
    ("Thanks for taking the time to talk with me last week. We won't be moving forward.", "phone screen"),
    ("I enjoyed our conversation on Friday. Unfortunately we won't be inviting you to the next stage.",
     "phone screen"),
    ("Thanks again for coming in to meet Dave and me. I'm sorry to say we've offered the role to another candidate.",
     "final interview"),
], ids=["shortlisting panel", "screening questions", "not scheduled", "recruiter chat", "hirevue", "trial shift",
        "one interview", "one panel", "meeting with", "talk with me", "our conversation", "came in to meet"])
def test_the_stage_is_the_last_step_reached(sentence: str, stage: str) -> None:
    body = f"Dear Sam,\n\n{sentence}\n\nKind regards,\n\nJo Bell\nContoso\n"
    assert read_rejection_email(_email("Jo Bell <jo.bell@contoso.example>", "Your application", body)).get(
        "stage") == stage


@pytest.mark.parametrize("sentence", [
    "The panel has put together some notes on your interview, and I'd be happy to share them.",
    "A copy of your test results, with the marks for each task, is available on request.",
    "Your interviewers have left some written feedback for you in your candidate portal.",
    "Because you put so much work into it, here are the main points from Ondřej's review.",
], ids=["notes", "results", "left in a portal", "points"])
def test_feedback_offered_in_other_words(sentence: str) -> None:
    body = f"Dear Sam,\n\nUnfortunately we will not be progressing your application.\n\n{sentence}\n\nJo Bell\n"
    assert read_rejection_email(_email("Jo Bell <jo.bell@contoso.example>", "Your application", body)).get(
        "feedback_offered") is True


# --- accuracy on the emails written blind ------------------------------------------


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("email_accuracy", ROOT / "benchmarks" / "email_accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["email_accuracy"] = module
    spec.loader.exec_module(module)
    return module


# The floors are what the reader reached (rounded down), measured on the held-out half
# after tuning on the tune half only, the last of two measurements in the round that added
# emails 101-180 (see docs/from-email.md and the benchmark's docstring): a drop is a regression.
FLOORS = {
    "tune": {"company": 1.0, "role": 1.0, "contact": 1.0, "date": 1.0, "stage": 1.0},
    "heldout": {"company": 0.90, "role": 0.90, "contact": 1.0, "date": 1.0, "stage": 0.91},
}


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_per_field_accuracy_holds_its_floor(split: str) -> None:
    accuracy = _accuracy_module()
    rows = accuracy.load((split,))
    scores, _misses = accuracy.score(rows)
    low = {field: f"{scores[field]:.1%} < {floor:.0%}" for field, floor in FLOORS[split].items()
           if scores[field] < floor}
    assert not low, f"{split} ({len(rows)} emails): {low}"  # counts only: held-out emails are not for reading


# --- hostile input -------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(HOSTILE.iterdir()), ids=lambda p: p.name)
def test_hostile_files_give_facts_or_one_line_and_never_quote_the_email(path: Path) -> None:
    data = path.read_bytes()
    try:
        facts = read_rejection_email(data, name=path.name)
    except NextroundError as exc:
        message = str(exc)
        assert message.startswith(f"{path.name}: ") and "\n" not in message
        return
    for found in facts.found:
        if isinstance(found.value, str):
            found.value.encode("utf-8")  # no half of a UTF-16 pair: a workbook can hold it


def _nested_multiparts(levels: int) -> bytes:
    head = b"From: a@b.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(levels))
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(levels)))
    return head + opening + b"Content-Type: text/plain\r\n\r\nUnfortunately no.\r\n" + closing


def test_ten_thousand_nested_multiparts_are_refused_in_one_line() -> None:
    # The standard library's parser recurses once per level: this would exhaust the stack.
    with pytest.raises(NextroundError, match=f"more than {MAX_CONTAINERS} nested parts"):
        read_rejection_email(_nested_multiparts(10_000), name="nested.eml")
    nested_messages = b"MIME-Version: 1.0\r\n" + b"Content-Type: message/rfc822\r\n\r\n" * 10_000 + b"Subject: x\r\n\r\nno"
    with pytest.raises(NextroundError, match="nested parts"):
        read_rejection_email(nested_messages)
    assert read_rejection_email(_nested_multiparts(10)).get("stage") is None  # a few levels read as usual


def test_header_bombs_are_read_or_refused_in_one_line() -> None:
    base = b"MIME-Version: 1.0\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n"
    many = base + b"".join(b"X-H%d: v\r\n" % i for i in range(100_000)) + b"From: Ann Lee <ann@contoso.example>\r\n\r\nx"
    assert read_rejection_email(many).get("contact_name") == "Ann Lee"
    comments = base + b"From: " + b"(" * 5_000 + b"ann@contoso.example\r\n\r\nUnfortunately no."
    read_rejection_email(comments)  # nested comments would make the header parser recurse past the stack
    parameters = base + b"Content-Type: text/plain; " + b"a=b; " * 20_000 + b"\r\n\r\nbody"
    with pytest.raises(NextroundError, match="Content header longer than any real email"):
        read_rejection_email(parameters)


def test_more_than_five_megabytes_is_refused_in_one_line() -> None:
    with pytest.raises(NextroundError) as caught:
        read_rejection_email(b"Unfortunately no. " * (MAX_BYTES // 18 + 1), name="big.eml")
    assert str(caught.value) == "big.eml: is too big to be an email (5 MB; at most 5 MB)"


_HEADER_NAMES = st.sampled_from(["From", "To", "Reply-To", "Subject", "Date", "Content-Type",
                                 "Content-Transfer-Encoding", "Content-Disposition", "X-Junk", "MIME-Version"])
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
_CTYPES = st.sampled_from(["text/plain", "text/html", "message/rfc822", "multipart/mixed", "multipart/alternative",
                           "application/octet-stream", "text/plain; charset=x-unknown", "text/html; charset=idna",
                           "text/plain; charset=utf-16", "multipart/mixed; boundary=", "text/plain; charset=base64"])
_ENCODINGS = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "binary", "bogus"])


@st.composite
def mime_messages(draw: st.DrawFn, depth: int = 0) -> bytes:
    """Messages of random structure: headers of any kind, parts inside parts, bodies that lie."""
    headers = [(draw(_HEADER_NAMES), draw(_TEXT)) for _ in range(draw(st.integers(0, 6)))]
    ctype = draw(_CTYPES)
    lines = [f"{name}: {value}".encode("utf-8", "surrogateescape") for name, value in headers]
    lines.append(f"Content-Type: {ctype}".encode())
    lines.append(f"Content-Transfer-Encoding: {draw(_ENCODINGS)}".encode())
    body = draw(st.binary(max_size=200))
    if ctype.startswith("multipart") and depth < 3:
        boundary = draw(st.sampled_from(["b", "x--y", "", "b b"]))
        lines[-2] = f'Content-Type: {ctype.split(";")[0]}; boundary="{boundary}"'.encode()
        parts = [draw(mime_messages(depth + 1)) for _ in range(draw(st.integers(0, 3)))]
        closing = draw(st.booleans())
        body = b"".join(b"--" + boundary.encode() + b"\r\n" + part + b"\r\n" for part in parts)
        body += (b"--" + boundary.encode() + b"--\r\n") if closing else b""
    elif ctype == "message/rfc822" and depth < 3:
        body = draw(mime_messages(depth + 1))
    return b"\r\n".join(lines) + draw(st.sampled_from([b"\r\n\r\n", b"\n\n", b"\r\n"])) + body


def _never_more_than_one_line(data: bytes) -> None:
    try:
        facts = read_rejection_email(data, name="random.eml")
    except NextroundError as exc:
        assert "\n" not in str(exc)
        return
    for found in facts.found:
        if isinstance(found.value, str):
            found.value.encode("utf-8")
    "\n".join(facts.lines()).encode("utf-8")


# Budget: 200 random byte strings, 200 random MIME structures (a few seconds each).
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
@example(b"MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n")
@example(b"From: \xff\xfe\r\n\r\n\x00")
# Found while writing the reader: comments nested past the stack, a charset no codec knows.
@example(b"MIME-Version: 1.0\r\nFrom: " + b"(" * 3000 + b"a@b.example\r\n\r\nUnfortunately no.")
@example(b"MIME-Version: 1.0\r\nFrom: =?x-unknown?q?Caf=E9_Careers?= <a@b.example>\r\n\r\nUnfortunately no.")
def test_random_bytes_never_raise_anything_but_a_one_line_error(data: bytes) -> None:
    _never_more_than_one_line(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mime_messages())
def test_random_mime_structures_never_raise_anything_but_a_one_line_error(data: bytes) -> None:
    _never_more_than_one_line(b"MIME-Version: 1.0\r\n" + data)


# --- work in proportion to the text ----------------------------------------------------

_HEAD = ("From: Jane Doe <jane@contoso.example>\nTo: Sam <sam@mail.example>\nSubject: Your application\n"
         "Date: Mon, 2 Mar 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/{}; charset=utf-8\n\n")
_BODY = (ROOT / "tests" / "data" / "emails" / "007.eml").read_text(encoding="utf-8").split("\n\n", 1)[1]
GROWTH = {
    "a real body, again and again": lambda n: _HEAD.format("plain") + (_BODY * (n // len(_BODY) + 1))[:n],
    "company names": lambda n: _HEAD.format("plain") + ("at Contoso Analytics Ltd with Fabrikam Payments. " * n)[:n],
    "roles": lambda n: _HEAD.format("plain") + ("for the Senior Data Analyst (Contract) role at Contoso. " * n)[:n],
    "stages": lambda n: _HEAD.format("plain") + ("Thank you for the final interview and the telephone interview. "
                                                 * n)[:n],
    "hard-wrapped prose": lambda n: _HEAD.format("plain") + ("a long hard-wrapped line of prose that never ends "
                                                             "its sentence\n" * n)[:n],
    "quoting": lambda n: _HEAD.format("plain") + ("> > > quoted line\n" * n)[:n],
    "forward headers": lambda n: _HEAD.format("plain") + ("-----Original Message-----\nFrom: A B <a@b.example>\n"
                                                          "Sent: 2 March 2026\nSubject: x\n\nhello\n" * n)[:n],
    "signatures": lambda n: _HEAD.format("plain") + ("Kind regards,\nJane Doe\nManager | Contoso\n" * n)[:n],
    "html tables": lambda n: _HEAD.format("html") + ("<table><tr><td><p>Dear Sam <b>Contoso</b></p></td></tr>"
                                                     "</table>" * n)[:n],
    "unclosed html": lambda n: _HEAD.format("html") + ("<!-- </ <? <![CDATA[ " * n)[:n],
    "labels in table cells": lambda n: _HEAD.format("html") + ("<tr><td>Employer</td><td>Contoso University</td>"
                                                               "</tr><tr><td>Role</td><td>Analyst</td></tr>" * n)[:n],
    "people met": lambda n: _HEAD.format("plain") + ("a call with Pieter Bakker, our engineering manager, at Contoso "
                                                     "Partners. " * n)[:n],
    "pasted text": lambda n: ("From: Jane <j@x.example>\nSent: 2 March 2026\nTo: me\nSubject: hi\n\n"
                              + "Unfortunately no. " * n)[:n],
}


def _lines_run(data: str) -> int:
    count = 0

    def tracer(frame, event, arg):  # noqa: ANN001, ANN202
        nonlocal count
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        try:
            read_rejection_email(data)
        except NextroundError:
            pass
    finally:
        sys.settrace(None)
    return count


@pytest.mark.skipif(sys.gettrace() is not None, reason="another tracer (coverage, a debugger) is running")
@pytest.mark.parametrize("shape", list(GROWTH))
def test_python_work_grows_like_the_email(shape: str) -> None:
    # Four times the text: about four times the lines run when the work is linear, about
    # sixteen when it is quadratic. (A count, not a time: benchmarks/bench_email.py times it.)
    make = GROWTH[shape]
    read_rejection_email(_HEAD.format("plain") + "Warm-up.")
    small, large = _lines_run(make(10_000)), _lines_run(make(40_000))
    assert large / small < 5.5, f"{large / small:.1f} times the work for 4 times the email"


def test_an_email_message_object_of_the_standard_library_reads_the_same_as_its_bytes() -> None:
    msg = EmailMessage()
    msg["From"] = "Ann Lee <ann.lee@contoso.example>"
    msg["Subject"] = "Data Analyst"
    msg["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    msg.set_content("Dear Sam,\n\nUnfortunately we will not be progressing your application for the Data Analyst "
                    "role at Contoso.\n\nKind regards,\nAnn Lee\n")
    assert read_rejection_email(msg.as_bytes()).parameters() == read_rejection_email(msg.as_string()).parameters()
