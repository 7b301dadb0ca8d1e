"""nextround: turn a job rejection into a next step.

The public API is small and mirrors the command line:

- `new(company=..., role=..., ...)` makes one workbook and returns its path;
- `open_answers(workbook)` reads and edits a workbook's answers;
- the errors in `nextround.errors`.

Names are imported on first use, so `import nextround` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "new": "nextround.api",
    "open_answers": "nextround.api",
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
