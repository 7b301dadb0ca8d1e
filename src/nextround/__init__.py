"""nextround: turn a job rejection into a next step.

The public API is small and mirrors the command line:

- `new(company=..., role=..., ...)` makes one workbook and returns its path;
- `read_email(path)` reads a rejection email for the company, role, contact, date,
  stage and any feedback offer, and `new_from_email(path, dir=...)` makes its workbook;
- `generate(csv_file, dir=...)` makes one workbook per row of a spreadsheet, and
  `generate_from_emails(folder_or_mbox, dir=...)` one per rejection email;
- `open_answers(workbook)` reads and edits a workbook's answers;
- `load(dir)` reads every workbook's answers in a folder into a `Journal` of DataFrames;
- `write_report(dir, "report.html")`, `write_calendar(journal, "reminders.ics")` and
  `init(dir)` mirror `report`, `calendar` and `init`;
- `check_feedback(text)`, `check_tone(text)` and `check_answer(text)` are the
  workbook's text checks (is the feedback vague, does a draft read as bitter, is a
  better answer a complete STAR answer);
- `Rejection`, `Contact` and `AnswersStore` are the parameters and the answers file;
- the errors: `NextroundError` and its subclasses.

Names are imported on first use, so `import nextround` stays cheap; the block under
`TYPE_CHECKING` shows editors and type checkers the same names.

The package is laid out in layers (each folder's `__init__` says what it may import):
`core` and `checks` (the domain) < `storage` and `render` < `making` < `journal` <
`notebook` and `classroom` < `api` and `cli` (the faces for programs and people).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The public name -> the module it lives in.
_LAZY = {
    "new": "nextround.api",
    "new_from_email": "nextround.api",
    "read_email": "nextround.api",
    "open_answers": "nextround.api",
    "generate": "nextround.making.batch",
    "generate_from_emails": "nextround.making.batch",
    "load": "nextround.journal.tables",
    "Journal": "nextround.journal.tables",
    "write_report": "nextround.journal.report",
    "write_calendar": "nextround.journal.reminders",
    "init": "nextround.notebook.home",
    "Rejection": "nextround.core.parameters",
    "Contact": "nextround.core.parameters",
    "AnswersStore": "nextround.storage.store",
    "NextroundError": "nextround.errors",
    "ParameterError": "nextround.errors",
    "AnswersError": "nextround.errors",
    "WorkbookExistsError": "nextround.errors",
    "check_feedback": "nextround.checks",
    "check_tone": "nextround.checks",
    "check_answer": "nextround.checks",
}

if TYPE_CHECKING:
    from nextround.api import new, new_from_email, open_answers, read_email
    from nextround.checks import check_answer, check_feedback, check_tone
    from nextround.core.parameters import Contact, Rejection
    from nextround.errors import (
        AnswersError,
        NextroundError,
        ParameterError,
        WorkbookExistsError,
    )
    from nextround.journal.reminders import write_calendar
    from nextround.journal.report import write_report
    from nextround.journal.tables import Journal, load
    from nextround.making.batch import generate, generate_from_emails
    from nextround.notebook.home import init
    from nextround.storage.store import AnswersStore

__all__ = [
    "__version__",
    "new",
    "new_from_email",
    "read_email",
    "open_answers",
    "generate",
    "generate_from_emails",
    "load",
    "Journal",
    "write_report",
    "write_calendar",
    "init",
    "Rejection",
    "Contact",
    "AnswersStore",
    "NextroundError",
    "ParameterError",
    "AnswersError",
    "WorkbookExistsError",
    "check_feedback",
    "check_tone",
    "check_answer",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nextround' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
