"""Exporting the journal's tables: one CSV file per table, or one Excel workbook.

Values are written as a spreadsheet reads them best: dates as YYYY-MM-DD, lists
(emotions, themes) as "a; b", nothing at all for a missing value. A person's note is
never run as a formula: in Excel, text that starts with "=" stays text; in CSV,
text that starts with =, +, - or @ gets a leading apostrophe, which spreadsheets
read as "this is text" (OWASP's advice against CSV injection).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import files
from .errors import NextroundError
from .journal import COLUMNS, TABLES, Journal

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "xlsx")
XLSX_NAME = "journal.xlsx"


def export(journal: Journal, folder: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table into `folder` (made if needed); return the files written.

    csv: `<table>.csv` for each table. xlsx: `journal.xlsx` with a sheet per table
    (needs openpyxl: `pip install "nextround[xlsx]"`).
    """
    if fmt not in FORMATS:
        raise NextroundError(f"unknown format {fmt!r}; use csv or xlsx", field="--format")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NextroundError("is a file, not a folder to export into", file=folder)
    if fmt == "xlsx":
        try:
            import openpyxl  # noqa: F401  (checked before anything is written)
        except ImportError:
            raise NextroundError(
                'writing .xlsx needs openpyxl: pip install "nextround[xlsx]" (or use --format csv)'
            ) from None
    folder.mkdir(parents=True, exist_ok=True)
    tables = {name: plain(journal.tables[name], name) for name in TABLES}
    if fmt == "csv":
        written = []
        for name, table in tables.items():
            path = folder / f"{name}.csv"
            safe = _defused(table, name)
            files.replace_with(path, lambda tmp, t=safe: t.to_csv(tmp, index=False, encoding="utf-8"))
            written.append(path)
        return written
    path = folder / XLSX_NAME
    files.replace_with(path, lambda tmp: _write_xlsx(tables, tmp))
    return [path]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defused(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """A copy whose text cannot start a formula when a spreadsheet opens the CSV."""
    out = table.copy()
    for column, kind in COLUMNS[name].items():
        if kind in ("str", "list"):
            out[column] = out[column].map(
                lambda v: f"'{v}" if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    return out


def plain(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """A copy of a table with values a spreadsheet understands (see the module doc)."""
    import pandas as pd

    out = pd.DataFrame(index=table.index)
    for column, kind in COLUMNS[name].items():
        values = table[column]
        if kind == "date":
            out[column] = values.dt.strftime("%Y-%m-%d").astype(object).where(values.notna(), None)
        elif kind == "datetime":
            out[column] = values.dt.strftime("%Y-%m-%d %H:%M:%S").astype(object).where(values.notna(), None)
        elif kind == "list":
            out[column] = values.map(lambda items: "; ".join(items))
        else:
            out[column] = values.astype(object).where(values.notna(), None)
    return out


def _write_xlsx(tables: dict[str, pd.DataFrame], path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for name, table in tables.items():
        sheet = book.create_sheet(name)
        sheet.append(list(table.columns))
        dates = {i for i, kind in enumerate(COLUMNS[name].values()) if kind in ("date", "datetime")}
        for values in table.itertuples(index=False):
            sheet.append([_cell(v, i in dates) for i, v in enumerate(values)])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"  # text that looks like a formula stays text
        sheet.freeze_panes = "A2"
        for i, column in enumerate(table.columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(column) + 4))
    book.save(path)


def _cell(value: Any, is_date: bool) -> Any:
    if value is None:
        return None
    if is_date:
        # Real dates, so Excel can sort and filter them.
        return datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
    return value
