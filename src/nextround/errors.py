"""The errors nextround raises for a user's mistake.

Each carries the data a person needs to fix it (the file, the row, the field), and
renders as one line: in the CLI, and in a notebook, where IPython would otherwise
show a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _row_in_english(row: int) -> str:
    return f"row {row}"


#: How a one-line error names a spreadsheet's row. `nextround.core.i18n` (a layer above,
#: which this module may not import) sets it to say so in the locale in force.
row_words: Callable[[int], str] = _row_in_english


class NextroundError(Exception):
    """Base class: something the user can fix, told in one line."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.row = row
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(row_words(self.row))
        if self.field:
            where.append(self.field)
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback: a user's mistake
        # deserves one readable line, not a stack of our internals.
        return [f"{type(self).__name__}: {self}"]


class ParameterError(NextroundError):
    """A workbook parameter is missing, malformed or unknown."""


class AnswersError(NextroundError):
    """An answers file cannot be read, or what is to be saved is not valid."""


class WorkbookExistsError(NextroundError):
    """Making a workbook would overwrite one (or its answers) that already exists."""
