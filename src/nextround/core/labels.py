"""What each key of the answers is called where a person reads it, written once.

The answers format stores keys (`"structured_answers"`, `"agreed"`); forms, views,
dashboards and reports show these words for them.
"""

from __future__ import annotations

#: The self-review rubric: key -> what a person scores themselves on (1-5).
RUBRIC: dict[str, str] = {
    "preparation": "Preparation and research into the company",
    "structured_answers": "Structured (STAR) answers that ended in a result",
    "skills_evidence": "Evidence of the skills the role asked for",
    "questions_asked": "The questions I asked them",
    "rapport": "Rapport and communication",
    "composure": "Composure and logistics (time, place, tech)",
}

#: The same dimensions, short enough for a chart's axis.
RUBRIC_SHORT: dict[str, str] = {
    "preparation": "Preparation",
    "structured_answers": "Structured (STAR) answers",
    "skills_evidence": "Evidence of skills",
    "questions_asked": "Questions I asked",
    "rapport": "Rapport",
    "composure": "Composure and logistics",
}

#: In a class workbook, what each sharing choice covers, as the student reads it.
SHARING: dict[str, str] = {
    "progress": "My progress through the five steps",
    "rubric_scores": "My self-review scores (1-5)",
    "checkins": "My check-ins (mood, feelings, notes)",
    "feedback": "The feedback I received and what I took from it",
    "reply": "My reply draft",
    "cv_on_file": "My CV-on-file request and its answer",
    "self_review_notes": "My self-review notes and interview answers",
    "contacts": "My contacts and notes to them",
    "company": "Following the company and my vacancy watch",
}

#: A CV-on-file request's status -> how the form names it.
CV_STATUS: dict[str, str] = {
    "not_asked": "Not asked yet",
    "asked": "Asked",
    "agreed": "They agreed",
    "declined": "They declined",
}

#: A step's state, as words after its mark ("● done").
STATE_WORDS: dict[str, str] = {"todo": "to do", "started": "started", "done": "done"}
#: A step's state, as a heading or a chart's legend.
STATE_HEADINGS: dict[str, str] = {"done": "Done", "started": "Started", "todo": "Not started"}

#: The networks a person may follow a company on.
NETWORKS: dict[str, str] = {
    "linkedin": "LinkedIn company page",
    "website": "Newsletter or website",
    "blog": "Engineering or team blog",
    "other": "Other network",
}
