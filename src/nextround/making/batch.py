"""Making workbooks for a whole spreadsheet of rejections: read, validate, name, make.

A CSV is read the way spreadsheets export it (a byte-order mark, comma, semicolon or
tab separators, newlines inside quoted cells). Every row is validated and named before
anything is written; a bad row is reported and the good ones still go through; an
existing workbook is never touched. Rows are numbered as a spreadsheet shows them:
the header is row 1, so the first workbook's row is row 2.

Workbooks are made without a kernel (they run when opened). `--execute` hands the
ones just made to `executor`, which runs them in warm kernels.

`generate_from_emails` does the same for a folder of saved emails or an mbox file:
each email is read (`core.rejection_email`) into a row of its own, reported by its
file name or its number in the mbox, and made, skipped or failed exactly as a row is.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from nextround.core.i18n import N_, _
from nextround.core.parameters import PARAMETER_NAMES, Rejection, did_you_mean
from nextround.errors import NextroundError, ParameterError, WorkbookExistsError
from nextround.storage.store import answers_path_for

__all__ = ["BatchResult", "RowResult", "Table", "generate", "generate_from_emails", "plan", "plan_emails", "read_rows",
           "read_table"]

PLANNED, MADE, SKIPPED, FAILED = "planned", "made", "skipped", "failed"
_DELIMITERS = (",", ";", "\t")
_REQUIRED = ("company", "role")
_NAMING = ("company", "role", "interview_date", "rejected_on")  # what a workbook's name is made from



@dataclasses.dataclass(frozen=True)
class Row:
    """One data row of the spreadsheet, by the number a spreadsheet shows for it."""

    number: int
    values: dict[str, str]
    problem: str | None = None  # found while reading (extra cells), reported with the rest


@dataclasses.dataclass
class RowResult:
    """What happened (or, in a dry run, would happen) to one row."""

    source: str
    row: int
    status: str
    path: Path | None = None
    problem: NextroundError | None = None
    rejection: Rejection | None = None
    made_before: bool = False  # skipped because a workbook in the folder was made from this row
    where: str = ""  # an email's name ("mails/003.eml", "inbox.mbox, message 3"), instead of a row

    def line(self) -> str:
        """One line for a person: `error: apps.csv, row 3 (…), column role: is required`."""
        where = self.where or _("{file}, row {row} (the header is row 1)").format(file=self.source, row=self.row)
        if self.status == FAILED and self.problem is not None:
            if self.problem.field and not self.where:
                where += _(", column {column}").format(column=self.problem.field)
            return _("error: {where}: {problem}").format(where=where, problem=self.problem.message)
        if self.status == SKIPPED and self.made_before:
            if self.where:
                return _("skipped: {where}: {path} was made from this email before and was left untouched").format(
                    where=where, path=self.path)
            return _("skipped: {where}: {path} was made from this row before and was left untouched").format(
                where=where, path=self.path)
        if self.status == SKIPPED:
            return _("skipped: {where}: {path} already exists and was left untouched").format(where=where,
                                                                                             path=self.path)
        status = {PLANNED: _("planned"), MADE: _("made")}.get(self.status, self.status)
        return f"{status}: {where}: {self.path}"


@dataclasses.dataclass
class BatchResult:
    """Every row's outcome, in spreadsheet order."""

    source: str
    folder: Path
    rows: list[RowResult]
    dry_run: bool = False
    executed: bool = False

    def _with(self, status: str) -> list[RowResult]:
        return [r for r in self.rows if r.status == status]

    @property
    def made(self) -> list[RowResult]:
        """Rows whose workbook was made (and run, with `execute`)."""
        return self._with(MADE)

    @property
    def planned(self) -> list[RowResult]:
        """Rows whose workbook would be made: a dry run's answer."""
        return self._with(PLANNED)

    @property
    def skipped(self) -> list[RowResult]:
        """Rows whose workbook already exists: left untouched."""
        return self._with(SKIPPED)

    @property
    def failed(self) -> list[RowResult]:
        """Rows that could not be made (or run), each with its problem."""
        return self._with(FAILED)

    @property
    def ok(self) -> bool:
        """True when no row failed (skipped rows are fine)."""
        return not self.failed

    def summary(self) -> str:
        """The line that ends a run: "12 made, 1 skipped (exists), 2 failed"."""
        tail = _("{skipped} skipped (exists), {failed} failed").format(skipped=len(self.skipped),
                                                                       failed=len(self.failed))
        if self.dry_run:
            return _("dry run, nothing written: {count} would be made, {rest}").format(count=len(self.planned),
                                                                                      rest=tail)
        if self.executed:
            return _("{count} made and run, {rest}").format(count=len(self.made), rest=tail)
        return _("{count} made, {rest}").format(count=len(self.made), rest=tail)


# --- reading ------------------------------------------------------------------------


@dataclasses.dataclass
class Table:
    """A CSV's cells as a spreadsheet shows them: the header (row 1) and numbered records."""

    source: str
    header: list[str]
    records: list[tuple[int, list[str]]]  # (row number, cells), blank rows included
    unclosed: int | None = None  # the row whose quote never closes: it and all below were left out


def read_table(source: str | Path, *, example: str = "company,role") -> Table:
    """The header and records of a CSV, read the way spreadsheets export it.

    `example` is the header to suggest for an empty file.

    Raises NextroundError for problems with the whole file: unreadable, not UTF-8,
    not CSV, empty, or a header whose quote never closes.
    """
    name = str(source)
    try:
        # utf-8-sig drops the byte-order mark that Excel puts at the start.
        with open(source, encoding="utf-8-sig", newline="") as f:
            text = f.read()
    except FileNotFoundError:
        raise NextroundError(_("no such file"), file=name) from None
    except IsADirectoryError:
        raise NextroundError(_("is a folder, not a CSV file"), file=name) from None
    except UnicodeDecodeError as exc:
        line = _line_of(exc.object, exc.start)
        raise NextroundError(
            _('is not UTF-8 text (line {line}); in your spreadsheet, export it as "CSV UTF-8"').format(line=line),
            file=name,
        ) from None
    except OSError as exc:
        raise NextroundError(_("cannot be read ({reason})").format(reason=exc.strerror), file=name) from None

    delimiter = _delimiter(text)
    # A quote never closed swallows every row below it into one cell, which would then
    # be reported as whatever that cell broke ("column role: is required"). Say what
    # is really wrong, at the row where the quote opens, and read the rows above it.
    unclosed = _unclosed_quote(text, delimiter)
    if unclosed is not None:
        row, start = unclosed
        if row == 1:
            raise NextroundError(_("the header (row 1) {problem}").format(problem=_(_UNCLOSED)), file=name)
        text = text[:start]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise NextroundError(_("is not a readable CSV file (line {line}: {reason})").format(
            line=reader.line_num, reason=exc), file=name) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise NextroundError(_("is empty; its first row should name the columns, e.g. {example}").format(
            example=example), file=name)
    # A spreadsheet numbers records, not lines: a cell with newlines is still one row.
    return Table(name, records[0], list(enumerate(records[1:], start=2)),
                 unclosed[0] if unclosed is not None else None)


def unclosed_problem(table: Table) -> Row | None:
    """The row to report when a quote never closes (None when every quote does)."""
    if table.unclosed is None:
        return None
    return Row(table.unclosed, {}, _("{problem}, so it and every row below it were left out; close the quote, or "
                                     "remove it").format(problem=_(_UNCLOSED)))


def read_rows(
    source: str | Path,
    *,
    columns: Sequence[str] = PARAMETER_NAMES,
    required: Sequence[str] = _REQUIRED,
) -> list[Row]:
    """The data rows of a CSV, each as {column: text}; blank rows are left out.

    `columns` are the ones allowed (by default the parameters of a workbook) and
    `required` the ones the header must have.

    Raises NextroundError for problems with the whole file: unreadable, not UTF-8,
    an unknown, duplicated or missing column. Problems within a row are left to
    validation, which reports them one row at a time.
    """
    table = read_table(source, example=",".join(required) or "company,role")
    names = _columns(table.header, [cells for _row, cells in table.records], table.source, columns, required)
    rows = []
    for number, cells in table.records:
        if not any(cell.strip() for cell in cells):
            continue
        values = {column: cell.strip() for column, cell in zip(names, cells) if column}
        extra = [cell for cell in cells[len(names):] if cell.strip()]
        problem = None
        if extra:
            problem = _(
                "has {cells} cells but the header has {columns} columns; a value that contains the separator must "
                "be in double quotes").format(cells=len(names) + len(extra), columns=len(names))
        rows.append(Row(number, values, problem))
    unclosed = unclosed_problem(table)
    if unclosed is not None:
        rows.append(unclosed)
    return rows


_UNCLOSED = N_('has a quote (") that is never closed')


def _unclosed_quote(text: str, delimiter: str) -> tuple[int, int] | None:
    """(row, offset where that row starts) of a quoted cell still open at the end, or None.

    Follows the csv module's reading: a quote opens a cell only at the cell's start,
    and `""` inside it is a quote, not its end.
    """
    row, row_start, cell_start, quoted = 1, 0, True, False
    opened: tuple[int, int] | None = None
    i, end = 0, len(text)
    while i < end:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < end and text[i + 1] == '"':
                    i += 1  # an escaped quote
                else:
                    quoted, cell_start = False, False
        elif ch == '"' and cell_start:
            quoted, opened = True, (row, row_start)
        elif ch == delimiter:
            cell_start = True
        elif ch == "\n" or (ch == "\r" and text[i + 1:i + 2] != "\n"):
            row, row_start, cell_start = row + 1, i + 1, True
        elif ch != "\r":
            cell_start = False
        i += 1
    return opened if quoted else None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _delimiter(text: str) -> str:
    # Column names never contain a separator, so the one that splits the header
    # into the most cells is the file's. (csv.Sniffer guesses from data rows too,
    # and is easily fooled by commas inside a "Name <email>; Name" cell.)
    header = text.split("\n", 1)[0]
    counts = {d: len(next(csv.reader([header], delimiter=d), [])) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])  # ties go to the comma, listed first


def column_name(header: str) -> str:
    """A header cell as a parameter name: "Interview date" -> "interview_date"."""
    return "_".join(header.strip().lower().replace("-", " ").split())


def _columns(
    header: list[str], records: list[list[str]], source: str, known: Sequence[str], required: Sequence[str]
) -> list[str]:
    columns: list[str] = []
    for index, cell in enumerate(header):
        name = column_name(cell)
        if not name:
            # Spreadsheets often export a trailing separator: an empty column is fine.
            if any(index < len(r) and r[index].strip() for r in records):
                raise NextroundError(_("column {number} has values but no name in the header (row 1)").format(
                    number=index + 1), file=source)
        elif name not in known:
            raise ParameterError(
                _("unknown column in the header (row 1)") + did_you_mean(name, known),
                file=source,
                field=cell.strip(),
            )
        elif name in columns:
            raise ParameterError(_("appears twice in the header (row 1)"), file=source, field=cell.strip())
        columns.append(name)
    for name in required:
        if name not in columns:
            raise ParameterError(
                _("the header (row 1) has no {column} column; it needs at least {columns}").format(
                    column=repr(name), columns=_(" and ").join(required)),
                file=source,
                field=None,
            )
    return columns


# --- planning: validate and name every row before anything is written ---------------


def plan(source: str | Path, folder: str | Path = ".", *, today: date | None = None,
         locale: str | None = None) -> BatchResult:
    """Validate every row and choose its workbook's name; writes nothing.

    A row's `locale` column says which language its workbook speaks; a row without
    one speaks `locale` (default: the system's).

    Each row becomes PLANNED (would be made), SKIPPED (its workbook already exists)
    or FAILED (with the problem). Two rows that would share a name get distinct
    ones: the second gets "-2", the third "-3", in spreadsheet order, so a re-run of
    the same file finds the same names and skips them.

    A blank `rejected_on` stays blank: a spreadsheet row without the date is often
    an older rejection, and stamping today's date would record a date that is not
    true. Its reminders count from the day the workbook is made, and its file name
    uses the interview date, or today when that is blank too. So that the same file
    run again on a later day does not make it twice, a row with neither date is
    recognised by its content: a workbook in the folder made with exactly the same
    parameters is that row's, and the row is skipped.
    """
    from nextround.core.i18n import system_locale

    folder = Path(folder)
    name = str(source)
    today = today or date.today()
    places = _Places(folder, today)
    locale = locale or system_locale()
    results: list[RowResult] = []
    for row in read_rows(source):
        try:
            if row.problem:
                raise ParameterError(row.problem, file=name, row=row.number)
            rejection = Rejection.from_mapping({**row.values, "locale": row.values.get("locale") or locale},
                                               file=name, row=row.number)
        except ParameterError as exc:
            results.append(RowResult(name, row.number, FAILED, problem=exc))
            _reserve_name(row, today, places.taken)
            continue
        results.append(places.place(RowResult(name, row.number, PLANNED, rejection=rejection)))
    return BatchResult(name, folder, results)


def plan_emails(source: str | Path, folder: str | Path = ".", *, today: date | None = None,
                locale: str | None = None) -> BatchResult:
    """As `plan`, for a folder of saved emails (`.eml`, `.txt`) or an mbox file: a row per email.

    An email that cannot be read, or that does not say the company or the role, is
    FAILED with a line saying so (never quoting the email); the others are planned as
    if it were not there. A blank date stays blank, as in a spreadsheet.
    """
    from nextround.core.i18n import system_locale
    from nextround.core.rejection_email import read_rejection_email
    from nextround.storage.mail import emails_in

    folder = Path(folder)
    name = str(source)
    places = _Places(folder, today or date.today())
    locale = locale or system_locale()
    results: list[RowResult] = []
    for email in emails_in(source):
        row = RowResult(name, email.number, FAILED, where=email.name)
        try:
            if email.problem is not None:
                raise email.problem
            values = read_rejection_email(email.data, name=email.name).parameters()
            for field in _REQUIRED:
                if not values.get(field):
                    raise ParameterError(_("the email does not say the {field}; make its workbook on its own with "
                                           "`nextround new --from-email FILE --{option} …`").format(
                                               field=_(field), option=field.replace("_", "-")), field=field)
            row.rejection = Rejection.from_mapping({**values, "locale": locale}, file=email.name)
        except NextroundError as exc:
            # The reader's own errors name the email already: keep the line to what is wrong.
            row.problem = NextroundError(exc.message, field=exc.field)
            results.append(row)
            continue
        row.status = PLANNED
        results.append(places.place(row))
    return BatchResult(name, folder, results)


class _Places:
    """Where each planned workbook goes: unique names, and what already exists."""

    def __init__(self, folder: Path, today: date) -> None:
        self.folder = folder
        self.today = today
        self.taken: set[str] = set()
        self.made_before: dict[str, list[Path]] | None = None  # read only when an undated row needs it

    def place(self, row: RowResult) -> RowResult:
        rejection = row.rejection
        assert rejection is not None
        stem = _unique(rejection.slug(self.today), self.taken)
        path = self.folder / f"{stem}.ipynb"
        if not (rejection.rejected_on or rejection.interview_date):
            if self.made_before is None:
                self.made_before = _undated_workbooks(self.folder)
            same = self.made_before.get(_content_key(rejection.to_parameters()))
            if same:  # each earlier workbook answers for one row: a repeated row is a second rejection
                row.status, row.path, row.made_before = SKIPPED, same.pop(0), True
                return row
        exists = path.exists() or answers_path_for(path).exists()
        row.status, row.path = (SKIPPED if exists else PLANNED), path
        return row


def _content_key(parameters: Mapping[str, Any]) -> str:
    # A parameter added since a workbook was made reads as its default there. The
    # language is left out: the same row is the same rejection, whichever language
    # its workbook was made in (and one made before workbooks had one).
    return json.dumps({k: parameters.get(k, _DEFAULTS[k]) for k in PARAMETER_NAMES if k != "locale"},
                      sort_keys=True, ensure_ascii=False)


_DEFAULTS = Rejection("", "").to_parameters()


def _made_order(path: Path) -> tuple[str, int]:
    # "name", "name-2", "name-10": the order `_unique` gave them, not the alphabet's.
    base, _dash, n = path.stem.rpartition("-")
    return (base, int(n)) if n.isdigit() and len(n) < 4 else (path.stem, 1)


def _undated_workbooks(folder: Path) -> dict[str, list[Path]]:
    """The folder's workbooks made without a date, by their parameters, oldest name first.

    Only read as data; a file that is not one of ours is passed over.
    """
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.ipynb"), key=_made_order) if folder.is_dir() else ():
        try:
            with open(path, encoding="utf-8") as f:
                parameters = json.load(f)["metadata"]["papermill"]["parameters"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(parameters, dict) and not (parameters.get("rejected_on") or parameters.get("interview_date")):
            found.setdefault(_content_key(parameters), []).append(path)
    return found


def _reserve_name(row: Row, today: date, taken: set[str]) -> None:
    # A bad row keeps its place in the naming when its name can be known (the mistake
    # is elsewhere, say in an email): fixed and re-run, it gets the name it would
    # have had, instead of taking one that a later duplicate row already holds.
    try:
        naming = Rejection.from_mapping({k: row.values.get(k) for k in _NAMING})
    except ParameterError:
        return
    _unique(naming.slug(today), taken)


def _unique(stem: str, taken: set[str]) -> str:
    candidate, n = stem, 1
    # Case-insensitive, as on macOS and Windows disks, where "A" and "a" are one file.
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.casefold())
    return candidate


# --- the run ------------------------------------------------------------------------


def generate(
    source: str | Path,
    dir: str | Path = ".",
    *,
    execute: bool = False,
    jobs: int | None = None,
    dry_run: bool = False,
    progress: bool | None = None,
    template: str | Path | None = None,
    on_row: Callable[[RowResult], Any] | None = None,
    today: date | None = None,
    locale: str | None = None,
) -> BatchResult:
    """Make one workbook per row of the CSV `source`, in the folder `dir`.

    Every row is validated first; a bad row is reported (in the result, and to
    `on_row` as soon as it is known) and every good row is still made. An existing
    workbook is never overwritten: its row is skipped. `dry_run` writes nothing and
    says what would be made. `execute` runs the new workbooks in warm kernels over
    `jobs` worker processes (default: one per CPU, at most 4), so their outputs are
    saved in them. `progress` shows a bar on stderr; None means "when it is a
    terminal". `template` is the notebook to make them from (the shipped one by
    default). `today` is the day names are made from for rows with no date (default:
    today). `locale` is the language of the rows with no `locale` of their own
    (default: the system's). Raises NextroundError only for a problem with the whole file.
    """
    result = plan(source, dir, today=today, locale=locale)
    return _carry_out(result, execute=execute, jobs=jobs, dry_run=dry_run, progress=progress, template=template,
                      on_row=on_row)


def generate_from_emails(
    source: str | Path,
    dir: str | Path = ".",
    *,
    execute: bool = False,
    jobs: int | None = None,
    dry_run: bool = False,
    progress: bool | None = None,
    template: str | Path | None = None,
    on_row: Callable[[RowResult], Any] | None = None,
    today: date | None = None,
    locale: str | None = None,
) -> BatchResult:
    """Make one workbook per rejection email in `source` (a folder of `.eml`/`.txt`, or an mbox file).

    As `generate` does for a spreadsheet's rows: every email is read and checked
    first; one that cannot be read or does not name the company or role is reported
    and skipped, and the rest are made; nothing existing is overwritten. `locale` is
    the language of the workbooks (default: the system's). Raises NextroundError
    only for a problem with the source as a whole.
    """
    result = plan_emails(source, dir, today=today, locale=locale)
    return _carry_out(result, execute=execute, jobs=jobs, dry_run=dry_run, progress=progress, template=template,
                      on_row=on_row)


def _carry_out(
    result: BatchResult,
    *,
    execute: bool,
    jobs: int | None,
    dry_run: bool,
    progress: bool | None,
    template: str | Path | None,
    on_row: Callable[[RowResult], Any] | None,
) -> BatchResult:
    """Make (and with `execute`, run) the workbooks a plan holds, reporting each row."""
    from nextround.making.workbook import load_template

    report = on_row or (lambda result: None)
    result.dry_run = dry_run
    for row in result.rows:
        if row.status in (FAILED, SKIPPED):
            report(row)
    if dry_run:
        for row in result.planned:
            report(row)
        return result

    todo = result.planned
    if todo:
        load_template(template)  # read and checked once, before the first workbook
    with _Bar(len(todo), _("Making workbooks"), progress) as bar:
        for row in todo:
            _make_one(row, result.folder, template)
            if not execute or row.status != MADE:
                bar.write_line(report, row)
            bar.update()
    if execute:
        result.executed = True
        _execute_made(result, jobs, progress, report)
    return result


def _make_one(row: RowResult, folder: Path, template: str | Path | None) -> None:
    from nextround.making.workbook import make

    assert row.rejection is not None and row.path is not None
    try:
        made = make(row.rejection, folder, name=row.path.stem, template=template)
    except WorkbookExistsError:
        row.status = SKIPPED  # made by someone else since we looked: still theirs
        return
    except NextroundError as exc:
        row.status, row.problem = FAILED, exc
        return
    except OSError as exc:
        row.status = FAILED
        row.problem = NextroundError(_("could not be written ({reason})").format(reason=exc.strerror), file=row.path)
        return
    row.status, row.path = MADE, made.path


def _execute_made(result: BatchResult, jobs: int | None, progress: bool | None, report: Callable) -> None:
    from nextround.making.kernels import execute_many

    made = {row.path: row for row in result.made if row.path is not None}
    with _Bar(len(made), _("Running workbooks"), progress) as bar:

        def done(path: Path, problem: str | None) -> None:
            row = made[path]
            if problem:
                row.status = FAILED
                row.problem = NextroundError(
                    _("{path} was made but running it failed ({problem}); it will run when opened").format(
                        path=path, problem=problem)
                )
            bar.write_line(report, row)
            bar.update()

        execute_many(list(made), jobs=jobs or default_jobs(), on_done=done)


def default_jobs() -> int:
    """Worker processes for --execute: one per CPU, at most 4 (each holds a kernel)."""
    return max(1, min(4, os.cpu_count() or 1))


class _Bar:
    """A tqdm bar on stderr, shown on a terminal only, that lines can be printed above."""

    def __init__(self, total: int, desc: str, progress: bool | None) -> None:
        # Piped output stays clean for scripts (and tqdm is not even imported).
        show = sys.stderr.isatty() if progress is None else progress
        self._tqdm: Any = None
        if show and total:
            from tqdm import tqdm

            self._tqdm = tqdm(total=total, desc=desc, unit=_("workbook"), file=sys.stderr, leave=False)

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._tqdm is not None:
            self._tqdm.close()

    def update(self) -> None:
        if self._tqdm is not None:
            self._tqdm.update()

    def write_line(self, report: Callable[[RowResult], Any], row: RowResult) -> None:
        # Printing above the bar, not through it, keeps the terminal tidy.
        if self._tqdm is None:
            report(row)
        else:
            with self._tqdm.external_write_mode():
                report(row)
