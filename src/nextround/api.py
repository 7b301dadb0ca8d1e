"""The Python API, mirroring the command line: make workbooks, read and fill answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.core import answers
from nextround.core.labels import RUBRIC
from nextround.storage.store import AnswersStore, answers_path_for

if TYPE_CHECKING:
    from nextround.core.rejection_email import EmailFacts


def new(
    company: str,
    role: str,
    *,
    dir: str | Path = ".",
    interview_date: str | date | None = None,
    rejected_on: str | date | None = None,
    stage: str = "",
    contacts: Iterable[str] | str = (),
    **more: Any,
) -> Path:
    """Make one workbook in `dir` and return its path.

    Parameters are validated first (ParameterError names the field); an existing
    workbook or answers file is never overwritten (WorkbookExistsError).
    """
    from nextround.making.workbook import make_from

    values = {
        "company": company,
        "role": role,
        "interview_date": interview_date,
        "rejected_on": rejected_on,
        "stage": stage,
        "contacts": contacts,
        **more,
    }
    return make_from(values, dir)


def read_email(email: str | Path | bytes) -> EmailFacts:
    """What a rejection email says: its company, role, contact, date, stage and any feedback offer.

    `email` is a saved email (`.eml`) or a text file of pasted email, its path, or `-`
    for standard input; or its bytes. Each thing found carries where it was found
    (`facts.lines()` says it for a person); `facts.missing` lists what was not.
    Raises NextroundError when it is not an email (empty, binary, over 5 MB).
    """
    from nextround.core.rejection_email import read_rejection_email
    from nextround.storage.mail import read_email as read_file

    if isinstance(email, (bytes, bytearray)):
        return read_rejection_email(bytes(email))
    data, name = read_file(email)
    return read_rejection_email(data, name=name)


def new_from_email(email: str | Path | bytes | EmailFacts, *, dir: str | Path = ".", **options: Any) -> Path:
    """Make one workbook from a rejection email (as `read_email` takes it) and return its path.

    `options` are `new`'s parameters; those given (not None) win over what the email
    says. Raises ParameterError naming `company` or `role` when neither the email nor
    the options give it, before anything is written.
    """
    from nextround.core.rejection_email import EmailFacts
    from nextround.errors import ParameterError
    from nextround.making.workbook import make_from

    facts = email if isinstance(email, EmailFacts) else read_email(email)
    values = email_values(facts, options)
    for field in ("company", "role"):
        if not str(values.get(field) or "").strip():
            raise ParameterError("the email does not say it; give it yourself", field=field)
    return make_from(values, dir)


def email_values(facts: EmailFacts, options: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters a workbook is made with: what the email says, and the options given over it."""
    given = {name: value for name, value in options.items() if value is not None and value != []}
    return {**facts.parameters(), **given}


class Answers:
    """A workbook's answers, read and edited from Python (each edit is one save)."""

    def __init__(self, workbook_or_answers: str | Path) -> None:
        path = Path(workbook_or_answers)
        if path.suffix == ".ipynb":
            path = answers_path_for(path)
        self.store = AnswersStore(path)

    @property
    def data(self) -> dict[str, Any]:
        """The whole document, every default filled in."""
        return self.store.load() or {}

    def add_checkin(
        self,
        mood: int,
        *,
        ready: bool,
        emotions: Iterable[str] = (),
        note: str = "",
        at: datetime | str | None = None,
    ) -> dict[str, Any]:
        """Record a mood check-in (1-10)."""
        entry: dict[str, Any] = {"mood": mood, "ready": ready, "emotions": list(emotions), "note": note}
        if at is not None:
            entry["at"] = at.isoformat(timespec="seconds") if isinstance(at, datetime) else at
        return self.store.update(lambda doc: answers.add_checkin(doc, entry))

    def update(self, section: str, **fields: Any) -> dict[str, Any]:
        """Set fields of one section: `update("feedback", received_on=..., text=...)`.

        `feedback.follow_ups` only grows: the entries given (`{"sent_on": ...}`) are added.
        """
        if section not in answers.SECTIONS or section in ("checkins", "contacts"):
            raise ValueError(
                f"update() takes one of feedback, reply, cv_on_file, self_review, company; not {section!r}"
            )
        _known_fields(fields, answers.empty_sections()[section], section)
        values = _plain(fields)
        if section == "feedback" and "text" in values and "vague" not in values and "themes" not in values:
            from nextround.checks import judged_feedback

            values.update(judged_feedback(values["text"]))

        follow_ups = values.pop("follow_ups", None) if section == "feedback" else None

        def edit(doc: dict[str, Any]) -> None:
            answers.set_fields(doc, section, values)
            if follow_ups:
                answers.add_follow_ups(doc, follow_ups)
            # As in the workbook: the one reply, once sent, did each of its parts.
            if section == "plan" and values.get("combined_sent_on"):
                answers.record_combined_reply(doc, values["combined_sent_on"])

        return self.store.update(edit)

    def score(self, dimension: str, score: int, note: str = "") -> dict[str, Any]:
        """Score one self-review dimension (1-5), with an optional note."""
        if dimension not in RUBRIC:
            raise ValueError(f"unknown dimension {dimension!r}; one of {', '.join(RUBRIC)}")

        def edit(doc: dict[str, Any]) -> None:
            review = doc.setdefault("self_review", {})
            review.setdefault("scores", {})[dimension] = score
            if note:
                review.setdefault("notes", {})[dimension] = note

        return self.store.update(edit)

    def update_contact(self, contact: str, **fields: Any) -> dict[str, Any]:
        """Set fields of one contact, given by its `id` or its name; `log` entries are appended.

        A name nobody has yet adds a new contact; a name two contacts share raises
        AnswersError, which lists their ids: give the id of the one you mean.
        """
        _known_fields(fields, answers.empty_contact(contact), "contacts[]")
        values = _plain(fields)
        values["log"] = [{"id": answers.new_id(), **entry} for entry in values.get("log", [])]

        def edit(doc: dict[str, Any]) -> None:
            # Resolved under the lock, against the file as it is now.
            found = answers.find_contact(doc, contact, file=str(self.store.path))
            key = {"id": found["id"], "name": found["name"]} if found else {"name": contact}
            answers.upsert_contact(doc, {**values, **key})

        return self.store.update(edit)


def _known_fields(fields: Mapping[str, Any], known: Mapping[str, Any], where: str) -> None:
    """A misspelt field would be saved and then never read: refuse it, suggesting the right one."""
    from nextround.core.parameters import did_you_mean

    for name in fields:
        if name not in known:
            raise ValueError(f"{where} has no field {name!r}{did_you_mean(name, known)}")


def open_answers(workbook: str | Path) -> Answers:
    """The answers of a workbook (give the .ipynb or the .answers.json)."""
    return Answers(workbook)


def _plain(values: Mapping[str, Any]) -> dict[str, Any]:
    """Dates become ISO strings, so the answers stay plain JSON."""

    def convert(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Mapping):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [convert(v) for v in value]
        return value

    return {k: convert(v) for k, v in values.items()}
