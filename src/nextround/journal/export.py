"""Exporting the journal's tables: one CSV file per table, or one Excel workbook.

Values are written as a spreadsheet reads them best: dates as YYYY-MM-DD, lists
(emotions, themes) as "a; b", nothing at all for a missing value. Text loses the
control characters a spreadsheet cannot hold (a vertical tab pasted from Word
becomes a line break; see `core.printable`). A person's note is never run as a
formula: in Excel, text that starts with "=" stays text; in CSV, text that starts
with =, +, - or @ gets a leading apostrophe, which spreadsheets read as "this is
text" (OWASP's advice against CSV injection).
"""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.core.i18n import _
from nextround.core.printable import clean, spreadsheet_cell
from nextround.errors import NextroundError
from nextround.journal.tables import COLUMNS, TABLES, Journal
from nextround.storage import files

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "xlsx")
XLSX_NAME = "journal.xlsx"


def _write_csv(table: Any, tmp: str) -> None:
    table.to_csv(tmp, index=False, encoding="utf-8")


def export(journal: Journal, folder: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table into `folder` (made if needed); return the files written.

    csv: `<table>.csv` for each table. xlsx: `journal.xlsx` with a sheet per table
    (needs openpyxl: `pip install "nextround[xlsx]"`).
    """
    if fmt not in FORMATS:
        raise NextroundError(_("unknown format {format}; use csv or xlsx").format(format=repr(fmt)), field="--format")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NextroundError(_("is a file, not a folder to export into"), file=folder)
    if fmt == "xlsx":
        try:
            import openpyxl  # noqa: F401  (checked before anything is written)
        except ImportError:
            raise NextroundError(
                _('writing .xlsx needs openpyxl: pip install "nextround[xlsx]" (or use --format csv)')
            ) from None
    folder.mkdir(parents=True, exist_ok=True)
    # CSV holds text only; in Excel, dates stay dates so they sort and filter.
    tables = {name: plain(journal.tables[name], name, dates_as_text=fmt == "csv") for name in TABLES}
    if fmt == "csv":
        written = []
        for name, table in tables.items():
            path = folder / f"{name}.csv"
            _defuse(table, name)
            files.replace_with(path, functools.partial(_write_csv, table))
            written.append(path)
        return written
    path = folder / XLSX_NAME
    files.replace_with(path, lambda tmp: _write_xlsx(tables, tmp))
    return [path]


def _defuse(table: pd.DataFrame, name: str) -> None:
    """Make sure no text in `table` can start a formula when a spreadsheet opens the CSV."""
    for column, kind in COLUMNS[name].items():
        if kind in ("str", "list"):
            table[column] = table[column].map(spreadsheet_cell)


def plain(table: pd.DataFrame, name: str, *, dates_as_text: bool = True) -> pd.DataFrame:
    """A copy of a table with values a spreadsheet understands (see the module doc).

    Dates are YYYY-MM-DD text, or with `dates_as_text=False` Python dates and
    date-times (for a spreadsheet file that has a date type).
    """
    import pandas as pd

    out = pd.DataFrame(index=table.index)
    for column, kind in COLUMNS[name].items():
        values = table[column]
        if kind in ("date", "datetime") and not dates_as_text:
            moments = pd.Series(values.dt.to_pydatetime(), index=values.index, dtype=object)
            out[column] = (moments.map(datetime.date) if kind == "date" else moments).where(values.notna(), None)
        elif kind == "date":
            out[column] = values.dt.strftime("%Y-%m-%d").astype(object).where(values.notna(), None)
        elif kind == "datetime":
            out[column] = values.dt.strftime("%Y-%m-%d %H:%M:%S").astype(object).where(values.notna(), None)
        elif kind == "list":
            out[column] = values.map(lambda items: clean("; ".join(items), lines=True))
        elif kind == "str":
            out[column] = values.astype(object).where(values.notna(), None).map(_cleaned)
        else:
            out[column] = values.astype(object).where(values.notna(), None)
    return out


def _cleaned(value: Any) -> Any:
    return clean(value, lines=True) if isinstance(value, str) else value


def _write_xlsx(tables: dict[str, pd.DataFrame], path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for name, table in tables.items():
        sheet = book.create_sheet(name)
        sheet.append(list(table.columns))
        for row, values in enumerate(table.itertuples(index=False), 2):
            try:
                sheet.append(list(values))
            except ValueError:
                # openpyxl's message repeats the value, a person's own words: name the place only.
                raise NextroundError(_("sheet {sheet}, row {row}: a value could not be written to Excel").format(
                    sheet=name, row=row)) from None
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"  # text that looks like a formula stays text
        sheet.freeze_panes = "A2"
        for i, column in enumerate(table.columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(column) + 4))
    book.save(path)

