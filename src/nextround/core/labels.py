"""What each key of the answers is called where a person reads it, written once.

The answers format stores keys (`"structured_answers"`, `"agreed"`); forms, views,
dashboards and reports show these words for them. They are written here in en-GB and
marked for the catalogs (`N_`): show one with `_()`, in the reader's language.
"""

from __future__ import annotations

from nextround.core.i18n import N_

#: The self-review rubric: key -> what a person scores themselves on (1-5).
RUBRIC: dict[str, str] = {
    "preparation": N_("Preparation and research into the company"),
    "structured_answers": N_("Structured (STAR) answers that ended in a result"),
    "skills_evidence": N_("Evidence of the skills the role asked for"),
    "questions_asked": N_("The questions I asked them"),
    "rapport": N_("Rapport and communication"),
    "composure": N_("Composure and logistics (time, place, tech)"),
}

#: The same dimensions, short enough for a chart's axis.
RUBRIC_SHORT: dict[str, str] = {
    "preparation": N_("Preparation"),
    "structured_answers": N_("Structured (STAR) answers"),
    "skills_evidence": N_("Evidence of skills"),
    "questions_asked": N_("Questions I asked"),
    "rapport": N_("Rapport"),
    "composure": N_("Composure and logistics"),
}

#: In a class workbook, what each sharing choice covers, as the student reads it.
SHARING: dict[str, str] = {
    "progress": N_("My progress through the five steps"),
    "rubric_scores": N_("My self-review scores (1-5)"),
    "checkins": N_("My check-ins (mood, feelings, notes)"),
    "feedback": N_("The feedback I received and what I took from it"),
    "reply": N_("My reply draft"),
    "cv_on_file": N_("My CV-on-file request and its answer"),
    "self_review_notes": N_("My self-review notes and interview answers"),
    "contacts": N_("My contacts and notes to them"),
    "company": N_("Following the company and my vacancy watch"),
}

#: A CV-on-file request's status -> how the form names it.
CV_STATUS: dict[str, str] = {
    "not_asked": N_("Not asked yet"),
    "asked": N_("Asked"),
    "agreed": N_("They agreed"),
    "declined": N_("They declined"),
}

#: A step's state, as words after its mark ("● done").
STATE_WORDS: dict[str, str] = {"todo": N_("to do"), "started": N_("started"), "done": N_("done")}
#: A step's state, as a heading or a chart's legend.
STATE_HEADINGS: dict[str, str] = {"done": N_("Done"), "started": N_("Started"), "todo": N_("Not started")}

#: The networks a person may follow a company on.
NETWORKS: dict[str, str] = {
    "linkedin": N_("LinkedIn company page"),
    "website": N_("Newsletter or website"),
    "blog": N_("Engineering or team blog"),
    "other": N_("Other network"),
}

#: The feelings a check-in offers, saved as these English words (the answers' data);
#: each shows in the reader's language.
EMOTIONS: tuple[str, ...] = (
    N_("disappointed"), N_("sad"), N_("angry"), N_("frustrated"), N_("embarrassed"), N_("anxious"),
    N_("numb"), N_("relieved"), N_("calm"), N_("hopeful"), N_("determined"),
)
