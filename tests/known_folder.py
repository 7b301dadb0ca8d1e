"""A folder of three workbooks' answers whose every table, due date and event is known.

All fictional. Read as of TODAY (Wednesday 1 July 2026):

- Acme Analytics (rejected 17 June): nearly finished — feedback received, reply sent,
  CV kept on file until 22 December, every rubric dimension scored, two interview
  questions noted (one with a complete STAR better answer, one with none yet); Priya
  thanked and connected with, Tom Reid not yet thanked (so two overdue actions).
- Borealis Bank (rejected 28 June): just begun — one check-in, two scores and a note,
  the teamwork question asked again (a vague better answer), the company followed and
  its vacancies watched.
- minimal: a file holding only the three required fields.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 7, 1)
ACME = "2026-06-17-acme-analytics-data-analyst"
BOREALIS = "2026-06-28-borealis-bank-product-designer"
MINIMAL = "minimal"


ACME_BETTER_ANSWER = (
    "At the café where I worked, food waste was high. My manager asked me to cut it. I started a daily "
    "stock count, and waste fell from three bags a night to one."
)


def acme() -> dict[str, Any]:
    return {
        "format": "nextround-answers",
        "version": 1,
        "workbook_id": "wb-acme",
        "saved_at": "2026-06-25T10:00:00+01:00",
        "rejection": {
            "company": "Acme Analytics", "role": "Data Analyst", "interview_date": "2026-06-10",
            "rejected_on": "2026-06-17", "stage": "final interview", "your_name": "Alex Example",
            "careers_page": "",
            "contacts": [{"name": "Priya Shah", "email": "priya@example.org"}, {"name": "Tom Reid", "email": ""}],
        },
        "checkins": [
            {"id": "c1", "at": "2026-06-17T20:00:00+01:00", "mood": 3, "emotions": ["disappointed", "angry"],
             "note": "Gutted.", "ready": False},
            {"id": "c2", "at": "2026-06-19T09:30:00+01:00", "mood": 6, "emotions": ["calm"], "note": "",
             "ready": True},
        ],
        "feedback": {
            "requested_on": "2026-06-18", "requested_via": "email", "received_on": "2026-06-25",
            "given_by": "Priya Shah", "via": "email", "text": "Another candidate had more experience.",
            "takeaways": "Ask which experience they meant.", "vague": True, "themes": ["experience"],
        },
        "reply": {"draft": "Thank you for letting me know.", "sent_on": "2026-06-19"},
        "cv_on_file": {"status": "agreed", "asked_on": "2026-06-20", "answered_on": "2026-06-22",
                       "keep_months": 6, "keep_until": "2026-12-22"},
        "self_review": {
            "scores": {"preparation": 4, "structured_answers": 2, "skills_evidence": 3, "questions_asked": 2,
                       "rapport": 5, "composure": 4},
            "notes": {"structured_answers": "Forgot the result part."},
            "questions": [
                {"question": "Tell me about a time you worked as part of a team.", "my_answer": "Rambled.",
                 "better_answer": ACME_BETTER_ANSWER},
                {"question": "Why do you want to work here?", "my_answer": "", "better_answer": ""},
            ],
        },
        "contacts": [
            {"name": "Priya Shah", "email": "priya@example.org", "thank_you_sent_on": "2026-06-18",
             "linkedin_request_sent_on": "2026-06-20", "cadence_weeks": 8, "next_contact_on": "2026-08-15",
             "log": []},
            {"name": "Tom Reid", "email": ""},
        ],
    }


def borealis() -> dict[str, Any]:
    return {
        "format": "nextround-answers",
        "version": 1,
        "workbook_id": "wb-borealis",
        "rejection": {"company": "Borealis Bank", "role": "Product Designer", "interview_date": None,
                      "rejected_on": "2026-06-28", "stage": "phone screen", "contacts": []},
        "checkins": [{"id": "c3", "at": "2026-06-28T18:00:00+01:00", "mood": 5, "emotions": [], "ready": True}],
        "self_review": {"scores": {"structured_answers": 3, "questions_asked": 1},
                        "notes": {"rapport": "Felt rushed."},
                        "questions": [{"question": "Tell me about a time you worked as part of a team!",
                                       "better_answer": "We all pulled together and it went well."}]},
        "company": {
            "followed": {"linkedin": "2026-06-29"},
            "engagement": [],
            "vacancy_watch": {"careers_page": "https://careers.example.org", "keywords": ["designer"],
                              "last_checked_on": None, "check_every_days": 14},
        },
    }


def minimal() -> dict[str, Any]:
    return {"format": "nextround-answers", "version": 1, "workbook_id": "wb-minimal"}


def write(folder: Path, stem: str, doc: Any) -> Path:
    """Write one answers file (anything JSON, or raw text for a broken file)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.answers.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, indent=2), encoding="utf-8")
    return path


def make(folder: Path) -> Path:
    """Write the three workbooks' answers into `folder` and return it."""
    write(folder, ACME, acme())
    write(folder, BOREALIS, borealis())
    write(folder, MINIMAL, minimal())
    return folder
