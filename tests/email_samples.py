"""Rejection emails made for the tests, in the shapes mail clients really give them.

All fictional (`.example` domains). Each is built the way a client writes it: real
MIME, real quoted-printable and base64, RFC 2047 names, HTML-only parts. Kept apart
from tests/data/emails/ (the set written blind), which measures the reader; these pin
down the shapes it must handle, one each.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime


def _message(sender: str, subject: str, when: str, *, to: str = "Sam Taylor <sam.taylor@mail.example>",
             reply_to: str = "") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = when
    msg["Message-ID"] = "<sample@mail.example>"
    if reply_to:
        msg["Reply-To"] = reply_to
    return msg


def gmail_forward() -> bytes:
    """The applicant forwards a hiring manager's email to a mentor from Gmail (plain and HTML)."""
    msg = _message("Sam Taylor <sam.taylor@mail.example>", "Fwd: Your application for Junior Data Analyst",
                   "Sat, 07 Mar 2026 09:30:00 +0000", to="Jo Mentor <jo@coach.example>")
    original = (
        "Hi Jo, see below - could we talk it through?\n\nSam\n\n"
        "---------- Forwarded message ---------\n"
        "From: Priya Raman <priya.raman@contoso-analytics.example>\n"
        "Date: Thu, 5 Mar 2026 at 10:14\n"
        "Subject: Your application for Junior Data Analyst\n"
        "To: Sam Taylor <sam.taylor@mail.example>\n\n"
        "Hi Sam,\n\n"
        "Thank you for taking the time to interview with us last week for the Junior Data Analyst position at "
        "Contoso Analytics. It was a pleasure to meet you.\n\n"
        "After a lot of thought we have decided to offer the role to another candidate.\n\n"
        "If you would like feedback, I'd be happy to arrange a short call.\n\n"
        "Best wishes,\n"
        "Priya Raman\n"
        "Talent Partner\n"
        "Contoso Analytics\n"
    )
    msg.set_content(original)
    html = "".join(f"<div>{line or '<br>'}</div>" for line in original.replace("<", "&lt;").split("\n"))
    msg.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    return msg.as_bytes()


def apple_mail_forward() -> bytes:
    """Forwarded from Apple Mail, quoted-printable, a name with a fada."""
    msg = _message("Aoife Byrne <aoife.byrne@mail.example>", "Fwd: Junior Game Designer – update",
                   "Fri, 13 Feb 2026 08:05:00 +0000", to="Aoife Byrne <aoife.byrne@mail.example>")
    msg.set_content(
        "For the tracker.\n\n"
        "Begin forwarded message:\n\n"
        "From: Tomás Ó Briain <tomas.obriain@fabrikamstudios.example>\n"
        "Subject: Junior Game Designer – update\n"
        "Date: 12 February 2026 at 16:40:05 GMT\n"
        "To: Aoife Byrne <aoife.byrne@mail.example>\n\n"
        "Dear Aoife,\n\n"
        "Thanks for completing the design test for the Junior Game Designer role at Fabrikam Studios. We "
        "enjoyed seeing your level sketches.\n\n"
        "Unfortunately we won't be taking your application forward to interview this time.\n\n"
        "All the best,\n"
        "Tomás\n\n"
        "Tomás Ó Briain\n"
        "Lead Designer, Fabrikam Studios\n",
        cte="quoted-printable",
    )
    return msg.as_bytes()


def outlook_html_only() -> bytes:
    """An HTML-only email from Outlook (Word's HTML), windows-1252, a German sender."""
    msg = _message('"Schmidt, Katrin" <k.schmidt@nordwind-logistik.example>',
                   "Ihre Bewerbung / your application: Supply Chain Analyst", "Wed, 11 Mar 2026 14:20:00 +0100",
                   to="Ravi Patel <ravi.patel@mail.example>")
    html = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="windows-1252">'
        "<style><!-- p.MsoNormal {margin:0cm;} --></style><!--[if gte mso 9]><xml><o:shapedefaults/></xml>"
        "<![endif]--></head><body lang=EN-GB><div class=WordSection1>"
        "<p class=MsoNormal>Dear Mr Patel,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>Thank you for your interest in Nordwind Logistik and for the interview for the position "
        "of Supply Chain Analyst on 3 March.<o:p></o:p></p>"
        "<p class=MsoNormal>After careful consideration we have decided to continue with other candidates."
        "<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>Mit freundlichen Grüßen / Kind regards<o:p></o:p></p>"
        "<table><tr><td><p class=MsoNormal><b>Katrin Schmidt</b><br>HR Business Partner<br>"
        "Nordwind Logistik GmbH | Hafenstraße 12 | 20457 Hamburg<o:p></o:p></p></td></tr></table>"
        "</div></body></html>"
    )
    msg.set_content(html, subtype="html", charset="windows-1252", cte="quoted-printable")
    return msg.as_bytes()


def ats_vendor_and_employer() -> bytes:
    """An applicant-tracking system names itself and the employer; base64 parts."""
    msg = _message('"PeopleTrail Notifications" <no-reply@peopletrail-mail.example>',
                   "Your application to Alder & Finch", "Tue, 03 Mar 2026 23:47:12 -0800")
    text = (
        "Dear Sam,\n\n"
        "Thank you for applying for the Customer Success Manager (EMEA) role at Alder & Finch.\n\n"
        "We have reviewed your application carefully and have decided to progress other candidates whose "
        "experience more closely matches the role.\n\n"
        "Kind regards,\n"
        "The Alder & Finch Talent Team\n\n"
        "Powered by PeopleTrail. You received this email because you applied through PeopleTrail.\n"
    )
    msg.set_content(text, cte="base64")
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.replace("&", "&amp;").split("\n\n")) + "</body></html>"
    msg.add_alternative(html, subtype="html", cte="base64")
    return msg.as_bytes()


def agency_about_client() -> bytes:
    """An agency recruiter about their client, with feedback given in the email."""
    msg = _message("Dave Kerr <dave.kerr@brightpath-recruitment.example>", "Update - Northwind Analytics",
                   "Thu, 19 Feb 2026 17:02:00 +0000", to="Mo Ahmed <mo.ahmed@mail.example>")
    msg.set_content(
        "Hi Mo,\n\n"
        "I've heard back from Northwind Analytics about the Analytics Engineer position. Sadly they've decided "
        "not to progress after your technical interview on Tuesday.\n\n"
        "They said your dbt knowledge was strong, but felt your answers on data modelling lacked depth.\n\n"
        "Cheers,\n"
        "Dave\n\n"
        "Dave Kerr\n"
        "Senior Consultant\n"
        "BrightPath Recruitment\n"
        "07700 900555\n"
    )
    return msg.as_bytes()


def reply_quoting_the_applicant() -> bytes:
    """A reply with the applicant's own email quoted below it."""
    msg = _message("Hannah Lee <hannah.lee@woodgrovecredit.example>",
                   "Re: Thank you – Credit Risk Analyst final interview", "Tue, 10 Mar 2026 11:15:00 +0000")
    msg.set_content(
        "Dear Sam,\n\n"
        "Thank you for your kind note. I'm sorry to say we have decided to offer the role to another candidate. "
        "I'm not able to share detailed feedback, I'm afraid.\n\n"
        "Kind regards,\n"
        "Hannah\n\n"
        "On Mon, 9 Mar 2026 at 18:02, Sam Taylor <sam.taylor@mail.example> wrote:\n"
        "> Dear Hannah,\n"
        "> Thank you for the final interview today for the Credit Risk Analyst role at Woodgrove Credit.\n"
        "> I enjoyed meeting the team.\n"
        "> Sam\n"
    )
    return msg.as_bytes()


def pasted_from_gmail() -> str:
    """What a person copies out of Gmail: subject, "Inbox", sender, date line, "to me"."""
    return (
        "Your application – Barista Trainer\n"
        "Inbox\n\n"
        "Ellen Foster <ellen@fourthharbourcoffee.example>\n"
        "Mon, 16 Feb 2026, 09:12\n"
        "to me\n\n"
        "Hi Kai,\n\n"
        "Thanks for coming in for an interview on Saturday. We've offered the Barista Trainer job to someone "
        "with more experience of training new staff.\n\n"
        "Ellen\n"
        "Fourth Harbour Coffee\n"
    )


def shared_mailbox_no_person() -> bytes:
    """A shared recruitment mailbox, a team's signature, and no feedback."""
    msg = _message("Careers <careers@harbourlightsbank.example>", "Harbour Lights Bank - Graduate Analyst",
                   "Mon, 02 Mar 2026 00:05:09 +1100")
    msg.set_content(
        "Dear Sam,\n\n"
        "Thank you for your application for the Graduate Analyst programme. Having reviewed your application, "
        "we regret that we will not be taking it further.\n\n"
        "Due to the volume of applications we are unable to provide individual feedback.\n\n"
        "Yours sincerely,\n"
        "Graduate Recruitment Team\n"
        "Harbour Lights Bank\n"
    )
    return msg.as_bytes()


def rfc2047_and_iso_8859_1() -> bytes:
    """The employer in an encoded display name; an ISO-8859-1 body with accents."""
    msg = _message("=?iso-8859-1?q?Caf=E9_Bon_App=E9tit_Careers?= <no-reply@jobs-board.example>",
                   "Sous Chef", "Fri, 20 Feb 2026 10:00:00 +0000")
    body = ("Bonjour Sam,\n\nMerci for your interest in the Sous Chef position at Café Bon Appétit. After reviewing "
            "your application, we have decided not to take it further.\n\nCafé Bon Appétit\n")
    msg.set_content(body, charset="iso-8859-1", cte="quoted-printable")
    return msg.as_bytes()


def one_line_without_company() -> str:
    return "Unfortunately we won't be taking your application further.\n"


#: Each sample, and what it says (None: not found).
SAMPLES: dict[str, tuple[bytes | str, dict[str, object]]] = {
    "gmail forward": (gmail_forward(), {
        "company": "Contoso Analytics", "role": "Junior Data Analyst", "contact_name": "Priya Raman",
        "contact_email": "priya.raman@contoso-analytics.example", "rejected_on": "2026-03-05",
        "stage": "final interview", "feedback_offered": True}),
    "apple mail forward": (apple_mail_forward(), {
        "company": "Fabrikam Studios", "role": "Junior Game Designer", "contact_name": "Tomás Ó Briain",
        "contact_email": "tomas.obriain@fabrikamstudios.example", "rejected_on": "2026-02-12",
        "stage": "assessment", "feedback_offered": False}),
    "outlook html only": (outlook_html_only(), {
        "company": "Nordwind Logistik", "role": "Supply Chain Analyst", "contact_name": "Katrin Schmidt",
        "contact_email": "k.schmidt@nordwind-logistik.example", "rejected_on": "2026-03-11",
        "stage": "first interview", "feedback_offered": False}),
    "ats vendor and employer": (ats_vendor_and_employer(), {
        "company": "Alder & Finch", "role": "Customer Success Manager (EMEA)", "contact_name": None,
        "contact_email": None, "rejected_on": "2026-03-03", "stage": "application", "feedback_offered": False}),
    "agency about client": (agency_about_client(), {
        "company": "Northwind Analytics", "role": "Analytics Engineer", "contact_name": "Dave Kerr",
        "contact_email": "dave.kerr@brightpath-recruitment.example", "rejected_on": "2026-02-19",
        "stage": "first interview", "feedback_offered": True}),
    "reply quoting the applicant": (reply_quoting_the_applicant(), {
        "company": "Woodgrove Credit", "role": "Credit Risk Analyst", "contact_name": "Hannah Lee",
        "contact_email": "hannah.lee@woodgrovecredit.example", "rejected_on": "2026-03-10",
        "stage": "final interview", "feedback_offered": False}),
    "pasted from gmail": (pasted_from_gmail(), {
        "company": "Fourth Harbour Coffee", "role": "Barista Trainer", "contact_name": "Ellen Foster",
        "contact_email": "ellen@fourthharbourcoffee.example", "rejected_on": "2026-02-16",
        "stage": "final interview", "feedback_offered": False}),
    "shared mailbox": (shared_mailbox_no_person(), {
        "company": "Harbour Lights Bank", "role": "Graduate Analyst", "contact_name": None,
        "contact_email": "careers@harbourlightsbank.example", "rejected_on": "2026-03-02", "stage": "application",
        "feedback_offered": False}),
    "encoded display name": (rfc2047_and_iso_8859_1(), {
        "company": "Café Bon Appétit", "role": "Sous Chef", "contact_name": None, "contact_email": None,
        "rejected_on": "2026-02-20", "stage": "application", "feedback_offered": False}),
    "one line": (one_line_without_company(), {
        "company": None, "role": None, "contact_name": None, "contact_email": None, "rejected_on": None,
        "stage": "application", "feedback_offered": False}),
}


def late_evening(hours_west: int = 8) -> bytes:
    """Sent at 23:47 local time, when it is already the next day in UTC."""
    zone = timezone(timedelta(hours=-hours_west))
    msg = _message("Ann Lee <ann.lee@contoso.example>", "Data Analyst", format_datetime(
        datetime(2026, 3, 3, 23, 47, 12, tzinfo=zone)))
    msg.set_content("Dear Sam,\n\nUnfortunately we have decided not to progress your application for the Data "
                    "Analyst role at Contoso.\n\nKind regards,\nAnn Lee\nContoso\n")
    return msg.as_bytes()


def base64_text(text: str) -> str:
    return base64.b64encode(text.encode()).decode()
