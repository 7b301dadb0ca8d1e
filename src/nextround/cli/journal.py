"""Subcommands across all of a folder's workbooks: status, due, calendar, report, questions, export."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from nextround.cli.common import add_alarm, add_dir, add_locale, load_journal, on_date
from nextround.core.i18n import _, ngettext


def add_status(commands: Any) -> None:
    status = commands.add_parser(
        "status",
        help=_("one line per workbook with the five steps' progress"),
        description=_("One line per workbook: the five steps' marks (● done, ◐ started, · to do, in "
                      "the order feedback, reply, CV on file, self-review, staying in touch), then when you "
                      "heard, the company and role, and the workbook's file."),
    )
    add_locale(status)
    add_dir(status)
    status.set_defaults(run=_run_status)


def _run_status(args: argparse.Namespace) -> int:
    from nextround.journal.tables import status_legend, status_lines

    journal = load_journal(args)
    if journal.empty and not journal.problems:
        print(_("nextround: no workbooks in {dir} yet; make one with `nextround new`").format(dir=args.dir),
              file=sys.stderr)
    for line in status_lines(journal):
        print(line)
    if not journal.empty:  # for people, so on standard error: the lines stay easy to parse
        print(status_legend(), file=sys.stderr)
    return 0


def add_due(commands: Any) -> None:
    due = commands.add_parser(
        "due",
        help=_("what is overdue, due today and due in the next week"),
        description=_("List the next actions, across every workbook, that are overdue, due today "
                      "or due in the next seven days, each in its own workbook's language. --format json gives "
                      "them to scripts; --format ics writes the calendar's events to standard output, for a "
                      "calendar subscription."),
    )
    due.add_argument("--on", metavar="YYYY-MM-DD", help=_("as if today were this day (default: today)"))
    due.add_argument("--format", choices=("text", "json", "ics"), default="text",
                     help=_("text (default), json (a list of objects) or ics (iCalendar)"))
    add_alarm(due, _("with --format ics: "))
    add_locale(due)
    add_dir(due)
    due.set_defaults(run=_run_due)


def _run_due(args: argparse.Namespace) -> int:
    from nextround.journal.reminders import due_as, parse_alarm

    alarm = parse_alarm(args.alarm)
    out = due_as(load_journal(args, on_date(args.on)), args.format, alarm=alarm)
    if isinstance(out, bytes):  # a file for programs: UTF-8, whatever the terminal's encoding
        sys.stdout.flush()
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(out)
    return 0


def add_calendar(commands: Any) -> None:
    cal = commands.add_parser(
        "calendar",
        help=_("write the dated next actions as an iCalendar (.ics) file"),
        description=_("Write one all-day event per next action not yet done, to import into any "
                      "calendar, each with a reminder that rings on its morning, and each in its own workbook's "
                      "language. Importing a newer file again updates the events instead of duplicating them."),
    )
    cal.add_argument("-o", "--output", required=True, metavar="FILE.ics", help=_("the file to write"))
    add_alarm(cal)
    add_locale(cal)
    add_dir(cal)
    cal.set_defaults(run=_run_calendar)


def _run_calendar(args: argparse.Namespace) -> int:
    from pathlib import Path

    from nextround.journal.reminders import parse_alarm, write_calendar

    output = Path(args.output)
    alarm = parse_alarm(args.alarm)
    count = write_calendar(load_journal(args), output, alarm=alarm)
    print(output)
    print(ngettext("nextround: {count} reminder written", "nextround: {count} reminders written", count).format(
        count=count), file=sys.stderr)
    return 0


def add_report(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help=_("your journey across every workbook, as one HTML page"),
        description=_("Run the journey dashboard on the folder and save it as a single HTML page, "
                      "without code, that opens in any browser, offline."),
    )
    report.add_argument("-o", "--output", required=True, metavar="FILE.html", help=_("the page to write"))
    add_locale(report, _("the language of the page: en-GB, en-US or de (default: the system's)"))
    add_dir(report)
    report.set_defaults(run=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from nextround.journal.report import write_report

    print(write_report(args.dir, args.output))
    return 0


def add_questions(commands: Any) -> None:
    questions = commands.add_parser(
        "questions",
        help=_("your question bank: every interview question asked, by theme"),
        description=_("Every interview question noted in a self-review, across the folder's workbooks, grouped by "
                      "theme, each with where it was asked, your latest better answer and its STAR verdict. Prints "
                      "a plain list; with -o, writes it as an HTML page instead (it opens offline and runs no "
                      "scripts)."),
    )
    questions.add_argument("-o", "--output", metavar="FILE.html", help=_("write an HTML page instead of printing"))
    add_locale(questions)
    add_dir(questions)
    questions.set_defaults(run=_run_questions)


def _run_questions(args: argparse.Namespace) -> int:
    from nextround.journal.questions import bank_text, checked_output, question_bank, write_bank

    if args.output:
        checked_output(args.output)  # before the folder is read: a typo should cost nothing
    journal = load_journal(args)
    if args.output:
        print(write_bank(journal, args.output))
        return 0
    bank = question_bank(journal)
    if not bank:
        print(_("nextround: no interview questions noted in {dir} yet; note them in step 4 of a workbook").format(
            dir=args.dir), file=sys.stderr)
        return 0
    print(bank_text(bank))
    return 0


def add_export(commands: Any) -> None:
    export = commands.add_parser(
        "export",
        help=_("write the journal's tables as CSV files or an Excel workbook"),
        description=_("Write the tables (rejections, checkins, feedback, self_review, questions, contacts, "
                      "actions) into a folder: one CSV file each, or journal.xlsx with one sheet each. Their "
                      "columns and values are data, the same in every language."),
    )
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv", help=_("csv (default) or xlsx"))
    export.add_argument("-o", "--output", required=True, metavar="DIR", help=_("the folder to write into"))
    add_locale(export)
    add_dir(export)
    export.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from nextround.journal.export import export

    for path in export(load_journal(args), args.output, args.format):
        print(path)
    return 0
