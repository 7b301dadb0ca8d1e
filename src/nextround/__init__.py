"""nextround: turn a job rejection into a next step.

The public API is small and mirrors the command line:

- `new(company=..., role=..., ...)` makes one workbook and returns its path;
- `generate(csv_file, dir=...)` makes one workbook per row of a spreadsheet;
- `open_answers(workbook)` reads and edits a workbook's answers;
- `load(dir)` reads every workbook's answers in a folder into a Journal of DataFrames;
- `write_report(dir, "report.html")`, `write_calendar(journal, "reminders.ics")` and
  `init(dir)` mirror `report`, `calendar` and `init` (`nextround.export.export` mirrors
  `export`);
- the errors in `nextround.errors`.

Names are imported on first use, so `import nextround` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "new": "nextround.api",
    "generate": "nextround.batch",
    "open_answers": "nextround.api",
    "load": "nextround.journal",
    "Journal": "nextround.journal",
    "write_report": "nextround.report",
    "write_calendar": "nextround.reminders",
    "init": "nextround.home",
    "Rejection": "nextround.parameters",
    "Contact": "nextround.parameters",
    "AnswersStore": "nextround.store",
    "NextroundError": "nextround.errors",
    "ParameterError": "nextround.errors",
    "AnswersError": "nextround.errors",
    "WorkbookExistsError": "nextround.errors",
    "check_feedback": "nextround.checks",
    "check_tone": "nextround.checks",
}

__all__ = ["__version__", *_LAZY]


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
