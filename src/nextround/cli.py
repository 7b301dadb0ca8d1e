"""The `nextround` command: a thin face over the Python API.

It starts fast (`nextround --help` imports no pandas, nbformat or papermill) and
reports a user's mistake in one line with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from nextround import __version__
from nextround.core.printable import clean
from nextround.errors import NextroundError, ParameterError

EXIT_USER_ERROR = 1


def _warn(line: str) -> None:
    """One line on the error output, whatever the file names and values in it hold."""
    print(clean(line), file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nextround",
        description="Turn a job rejection into a next step: one guided workbook per rejection.",
    )
    parser.add_argument("--version", action="version", version=f"nextround {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add_command in _COMMANDS:
        add_command(commands)
    return parser


def _add_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", default=".", metavar="DIR", help="the folder of workbooks (default: here)")


# --- nextround new ------------------------------------------------------------------------


def _add_new(commands: Any) -> None:
    new = commands.add_parser(
        "new",
        help="make a workbook for one rejection and print its path",
        description="Make a workbook for one rejection and print its path. "
        "Nothing existing is ever overwritten.",
    )
    new.add_argument("--company", required=True, help="who turned you down")
    new.add_argument("--role", required=True, help="the role you applied for")
    new.add_argument("--interview-date", metavar="YYYY-MM-DD", help="when you were interviewed")
    new.add_argument("--rejected-on", metavar="YYYY-MM-DD", help="when you heard (default: today)")
    new.add_argument("--stage", default="", help='how far you got, e.g. "final interview"')
    new.add_argument(
        "--contact",
        action="append",
        default=[],
        metavar='"NAME <EMAIL>"',
        help="someone you met; repeat for each person (the email is optional)",
    )
    new.add_argument("--your-name", default="", help="how to sign the drafted messages")
    new.add_argument("--careers-page", default="", metavar="URL", help="the company's careers page")
    _add_dir(new)
    new.set_defaults(run=_run_new)


def _option(field: str) -> str:
    """The command-line option for a parameter: `interview_date` -> `--interview-date`."""
    return "--contact" if field == "contacts" else "--" + field.replace("_", "-")


def _run_new(args: argparse.Namespace) -> int:
    from nextround.api import new

    try:
        path = new(
            company=args.company,
            role=args.role,
            interview_date=args.interview_date,
            rejected_on=args.rejected_on,
            stage=args.stage,
            contacts=args.contact,
            your_name=args.your_name,
            careers_page=args.careers_page,
            dir=args.dir,
        )
    except ParameterError as exc:
        raise ParameterError(exc.message, field=_option(exc.field or "")) from None
    print(path)
    if sys.stderr.isatty():
        print(f"Open it in JupyterLab:  jupyter lab {path}", file=sys.stderr)
    from nextround.notebook.home import has_home

    if not has_home(args.dir):
        print(f"Tip: `nextround init --dir {args.dir}` adds home.ipynb there, to start and follow "
              "your workbooks from JupyterLab.", file=sys.stderr)
    return 0


# --- nextround batch ----------------------------------------------------------------------


def _add_batch(commands: Any) -> None:
    from nextround.core.parameters import (
        PARAMETER_NAMES,  # light; the columns are whatever `new` takes
    )

    batch = commands.add_parser(
        "batch",
        help="make a workbook for every row of a CSV file",
        description="Make a workbook for every row of a CSV file (comma or semicolon separated, "
        f"as spreadsheets export it). Columns: {', '.join(PARAMETER_NAMES)}; company and role "
        'are required, dates are YYYY-MM-DD (a blank date stays blank), contacts "Name <email>; '
        'Name <email>". Every row is checked first; bad rows are reported (the header is row 1) '
        "and the good ones still made; existing workbooks are skipped, never overwritten. "
        "Prints the path of each new workbook.",
    )
    batch.add_argument("file", metavar="FILE.csv", help="the spreadsheet, saved as CSV")
    batch.add_argument(
        "--execute",
        action="store_true",
        help="also run each new workbook, so its outputs are saved in it (for handouts and HTML)",
    )
    batch.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="with --execute: worker processes, each with its own kernel (default: CPUs, at most 4)",
    )
    batch.add_argument("--dry-run", action="store_true",
                       help="check every row and list what would be made; write nothing")
    _add_dir(batch)
    batch.set_defaults(run=_run_batch)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _run_batch(args: argparse.Namespace) -> int:
    from nextround.making.batch import FAILED, SKIPPED, RowResult, generate

    def show(row: RowResult) -> None:
        # New workbooks' paths on stdout, for scripts; problems on stderr, one line each.
        if row.status in (FAILED, SKIPPED):
            _warn(f"nextround: {row.line()}")
        else:
            print(row.path, flush=True)

    try:
        result = generate(
            args.file, args.dir, execute=args.execute, jobs=args.jobs, dry_run=args.dry_run, on_row=show
        )
    except KeyboardInterrupt:
        print("nextround: interrupted; the workbooks already made are kept, and run when opened", file=sys.stderr)
        return 130
    print(f"nextround: {result.summary()}", file=sys.stderr)
    return EXIT_USER_ERROR if result.failed else 0


# --- nextround check -----------------------------------------------------------------------


def _add_check(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="check feedback for vagueness, a draft for tone, or an answer for STAR",
        description="Is this feedback specific enough to act on? Does this draft read as bitter? "
        "Is this interview answer a complete STAR answer? Reads TEXT, or standard input when TEXT is absent.",
    )
    kinds = check.add_subparsers(dest="kind", metavar="WHAT", required=True)
    for kind, text_help in (("feedback", "the feedback you received"), ("tone", "your draft reply or note"),
                            ("answer", "your better answer to an interview question")):
        sub = kinds.add_parser(kind, help=f"check {text_help}")
        sub.add_argument("text", nargs="?", metavar="TEXT", help=f"{text_help} (default: standard input)")
        sub.add_argument("--json", action="store_true", help="print the result as JSON, for scripts")
        sub.set_defaults(run=_run_check)


def _run_check(args: argparse.Namespace) -> int:
    import json

    from nextround import checks

    text = args.text if args.text is not None else sys.stdin.read()
    check: Any
    report: Any
    check, report = {
        "feedback": (checks.check_feedback, _feedback_report),
        "tone": (checks.check_tone, _tone_report),
        "answer": (checks.check_answer, _answer_report),
    }[args.kind]
    result = check(text)
    print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if args.json else report(result))
    return 0


def _feedback_report(result: Any) -> str:
    from nextround.checks import THEMES

    verdict = "Vague: hard to act on as it stands" if result.vague else "Specific enough to act on"
    lines = [f"{verdict} (specificity {result.score:.2f})"]
    lines += ["Why:", *(f"  - {reason}" for reason in result.reasons)] if result.reasons else []
    if result.themes:
        lines.append("Themes: " + ", ".join(THEMES[t] for t in result.themes))
    if result.follow_up_questions:
        lines.append("Questions you could ask:")
        lines += [f"  {n}. {q}" for n, q in enumerate(result.follow_up_questions, 1)]
    return "\n".join(lines)


def _tone_report(result: Any) -> str:
    if result.ok:
        return f"Fine to send: it reads calmly and professionally (calm {result.score:.2f})"
    count = len(result.flags)
    lines = [f"Wait before sending: {count} phrase{'s' if count != 1 else ''} may read badly (calm {result.score:.2f})"]
    for flag in result.flags:
        lines.append(f"  “{flag.phrase}” ({flag.kind}): {flag.why}")
        lines.append(f"      Perhaps: “{flag.alternative}”")
    return "\n".join(lines)


def _answer_report(result: Any) -> str:
    from nextround.checks import PARTS

    marks = "  ".join(f"{'✓' if result.parts[k] else '✗'} {name}" for k, name in PARTS.items())
    lines = [f"{result.verdict}.", marks]
    if result.parts["result"]:
        lines[-1] += f"  ({'concrete' if result.concrete_result else 'vague'} result)"
    if result.suggestions:
        lines.append("To make it stronger:")
        lines += [f"  - {suggestion}" for suggestion in result.suggestions]
    return "\n".join(lines)


# --- nextround status / due / calendar ----------------------------------------------------


def _load_journal(args: argparse.Namespace, today: Any = None) -> Any:
    """The folder's journal; each file it had to skip is reported on stderr, one line each."""
    from nextround.journal.tables import load

    journal = load(args.dir, today=today)
    for problem in journal.problems:
        _warn(f"nextround: skipped {problem}")
    return journal


def _add_status(commands: Any) -> None:
    status = commands.add_parser(
        "status",
        help="one line per workbook with the five steps' progress",
        description="One line per workbook: the five steps' marks (● done, ◐ started, · to do, in "
        "the order feedback, reply, CV on file, self-review, staying in touch), then when you "
        "heard, the company and role, and the workbook's file.",
    )
    _add_dir(status)
    status.set_defaults(run=_run_status)


def _run_status(args: argparse.Namespace) -> int:
    from nextround.journal.tables import status_legend, status_lines

    journal = _load_journal(args)
    if journal.empty and not journal.problems:
        print(f"nextround: no workbooks in {args.dir} yet; make one with `nextround new`", file=sys.stderr)
    for line in status_lines(journal):
        print(line)
    if not journal.empty:  # for people, so on standard error: the lines stay easy to parse
        print(status_legend(), file=sys.stderr)
    return 0


def _on_date(text: str | None) -> Any:
    from nextround.core.parameters import parse_date

    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ParameterError(str(exc), field="--on") from None


def _add_alarm(parser: Any, when: str = "") -> None:
    parser.add_argument("--alarm", metavar="HH:MM", default="09:00",
                        help=f"{when}when each event's reminder rings on its day (default: 09:00), or none")


def _add_due(commands: Any) -> None:
    due = commands.add_parser(
        "due",
        help="what is overdue, due today and due in the next week",
        description="List the next actions, across every workbook, that are overdue, due today "
        "or due in the next seven days. --format json gives them to scripts; --format ics "
        "writes the calendar's events to standard output, for a calendar subscription.",
    )
    due.add_argument("--on", metavar="YYYY-MM-DD", help="as if today were this day (default: today)")
    due.add_argument("--format", choices=("text", "json", "ics"), default="text",
                     help="text (default), json (a list of objects) or ics (iCalendar)")
    _add_alarm(due, "with --format ics: ")
    _add_dir(due)
    due.set_defaults(run=_run_due)


def _run_due(args: argparse.Namespace) -> int:
    from nextround.journal.reminders import due_as, parse_alarm

    alarm = parse_alarm(args.alarm)
    out = due_as(_load_journal(args, _on_date(args.on)), args.format, alarm=alarm)
    if isinstance(out, bytes):  # a file for programs: UTF-8, whatever the terminal's encoding
        sys.stdout.flush()
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(out)
    return 0


def _add_calendar(commands: Any) -> None:
    cal = commands.add_parser(
        "calendar",
        help="write the dated next actions as an iCalendar (.ics) file",
        description="Write one all-day event per next action not yet done, to import into any "
        "calendar, each with a reminder that rings on its morning. Importing a newer file again "
        "updates the events instead of duplicating them.",
    )
    cal.add_argument("-o", "--output", required=True, metavar="FILE.ics", help="the file to write")
    _add_alarm(cal)
    _add_dir(cal)
    cal.set_defaults(run=_run_calendar)


def _run_calendar(args: argparse.Namespace) -> int:
    from pathlib import Path

    from nextround.journal.reminders import parse_alarm, write_calendar

    output = Path(args.output)
    alarm = parse_alarm(args.alarm)
    count = write_calendar(_load_journal(args), output, alarm=alarm)
    print(output)
    print(f"nextround: {count} reminder{'s' if count != 1 else ''} written", file=sys.stderr)
    return 0


# --- nextround report / export ------------------------------------------------------------


def _add_report(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="your journey across every workbook, as one HTML page",
        description="Run the journey dashboard on the folder and save it as a single HTML page, "
        "without code, that opens in any browser, offline.",
    )
    report.add_argument("-o", "--output", required=True, metavar="FILE.html", help="the page to write")
    _add_dir(report)
    report.set_defaults(run=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from nextround.journal.report import write_report

    print(write_report(args.dir, args.output))
    return 0


def _add_questions(commands: Any) -> None:
    questions = commands.add_parser(
        "questions",
        help="your question bank: every interview question asked, by theme",
        description="Every interview question noted in a self-review, across the folder's workbooks, grouped by "
        "theme, each with where it was asked, your latest better answer and its STAR verdict. Prints a plain "
        "list; with -o, writes it as an HTML page instead (it opens offline and runs no scripts).",
    )
    questions.add_argument("-o", "--output", metavar="FILE.html", help="write an HTML page instead of printing")
    _add_dir(questions)
    questions.set_defaults(run=_run_questions)


def _run_questions(args: argparse.Namespace) -> int:
    from nextround.journal.questions import bank_text, checked_output, question_bank, write_bank

    if args.output:
        checked_output(args.output)  # before the folder is read: a typo should cost nothing
    journal = _load_journal(args)
    if args.output:
        print(write_bank(journal, args.output))
        return 0
    bank = question_bank(journal)
    if not bank:
        print(f"nextround: no interview questions noted in {args.dir} yet; note them in step 4 of a workbook",
              file=sys.stderr)
        return 0
    print(bank_text(bank))
    return 0


def _add_export(commands: Any) -> None:
    export = commands.add_parser(
        "export",
        help="write the journal's tables as CSV files or an Excel workbook",
        description="Write the tables (rejections, checkins, feedback, self_review, questions, contacts, "
        "actions) into a folder: one CSV file each, or journal.xlsx with one sheet each.",
    )
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="csv (default) or xlsx")
    export.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write into")
    _add_dir(export)
    export.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from nextround.journal.export import export

    for path in export(_load_journal(args), args.output, args.format):
        print(path)
    return 0


# --- nextround init ----------------------------------------------------------------------


def _add_init(commands: Any) -> None:
    init = commands.add_parser(
        "init",
        help="add home.ipynb, a page to start and follow your workbooks from JupyterLab",
        description="Write home.ipynb into the folder: a form to start a new workbook, your "
        "workbooks with their progress, and what is due. Updates it later only if you have "
        "not changed it.",
    )
    _add_dir(init)
    init.set_defaults(run=_run_init)


def _run_init(args: argparse.Namespace) -> int:
    from nextround.notebook.home import UNCHANGED, UPDATED, init

    path, what = init(args.dir)
    print(path)
    if what == UNCHANGED:
        print("nextround: it was already up to date", file=sys.stderr)
    elif what == UPDATED:
        print("nextround: updated to this version of nextround", file=sys.stderr)
    else:
        print(f"Open it in JupyterLab:  jupyter lab {path}", file=sys.stderr)
    return 0


# --- nextround class ... ----------------------------------------------------------------


def _add_class(commands: Any) -> None:
    group = commands.add_parser(
        "class",
        help="a careers class: hand out workbooks, collect them, report on the class",
        description="For instructors: one workbook per student from a roster, collected back from "
        "any mix of folders and LMS downloads, and a class report that shows only what students shared.",
    )
    steps = group.add_subparsers(dest="step", metavar="STEP", required=True)

    generate = steps.add_parser("generate", help="make one workbook per student in the roster")
    generate.add_argument("roster", metavar="ROSTER.csv",
                          help="a plain roster (student_id, name, optionally email and a rejection's columns), "
                          "a Canvas gradebook export or a Moodle grading worksheet")
    generate.add_argument("--scenarios", metavar="FILE.csv", help="practice scenarios instead of the shipped ones")
    generate.add_argument("--seed", type=int, default=0, help="which students get which scenario (default: 0)")
    generate.add_argument("--assignment", metavar="ID", help="the assignment's id (default: the course folder's name)")
    generate.add_argument("--due", metavar="YYYY-MM-DD", help="the due date, kept in the course for collecting")
    generate.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    generate.set_defaults(run=_run_class_generate)

    gather = steps.add_parser("collect", help="collect submissions from folders, LMS zips and loose files")
    gather.add_argument("sources", nargs="+", metavar="SOURCE", help="a folder, a .zip, an .ipynb or an .answers.json")
    gather.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    gather.set_defaults(run=_run_class_collect)

    file_it = steps.add_parser("assign", help="file a hand-in as a student's by hand (one held for review, or any)",
                               description="File a notebook or answers file as one student's hand-in: one that "
                               "collect held for review (give its name under held/, as collect printed it), or any "
                               "whose ids are gone. It is read as data, never run; answers collected before are "
                               "kept under duplicates/.")
    file_it.add_argument("file", metavar="FILE", help="the file: its path, or held/<student>/<file>")
    file_it.add_argument("student", metavar="STUDENT", help="the student's id, as on the roster")
    file_it.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    file_it.set_defaults(run=_run_class_assign)

    report = steps.add_parser("report", help="the class report, from shared answers only")
    report.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    report.add_argument("-o", "--output", required=True, metavar="FILE.html", help="where to write it")
    report.set_defaults(run=_run_class_report)

    progress = steps.add_parser("progress", help="per-student step completion, for participation marks")
    progress.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    progress.add_argument("-o", "--output", required=True, metavar="FILE.csv", help="where to write it")
    progress.set_defaults(run=_run_class_progress)
    _add_class_handout(steps)
    _add_class_feedback(steps)

    _add_class_grades(steps)


def _run_class_generate(args: argparse.Namespace) -> int:
    from nextround.classroom.generate import generate
    from nextround.core.parameters import parse_date

    try:
        due = parse_date(args.due) if args.due else None
    except ValueError as exc:
        raise ParameterError(str(exc), field="--due") from None
    result = generate(args.roster, args.dir, scenario_file=args.scenarios, seed=args.seed,
                      assignment_id=args.assignment, due=due)
    if result.roster is not None:
        print(clean(result.roster.described()))
        for note in result.roster.notes:
            _warn(f"note: {note}")
    for error in result.failed:
        _warn(f"error: {error}")
    for student, path in result.skipped:
        print(f"skipped: {student}: {path} already exists and was left untouched")
    print(result.summary())
    return EXIT_USER_ERROR if result.failed else 0


def _run_class_collect(args: argparse.Namespace) -> int:
    from pathlib import Path

    from nextround.classroom.collect import collect, report_lines
    from nextround.classroom.course import read_course

    course = read_course(args.dir)
    roster = [s["student_id"] for s in course["students"]]
    result = collect(args.sources, roster, course["assignment_id"], Path(args.dir))
    for line in report_lines(result, args.dir):
        print(line)
    return EXIT_USER_ERROR if result.needs_attention() else 0


def _run_class_assign(args: argparse.Namespace) -> int:
    from nextround.classroom.assign import assign

    for line in assign(args.dir, args.file, args.student).lines():
        print(line)
    return 0


def _run_class_report(args: argparse.Namespace) -> int:
    from nextround.classroom.report import write_class_report

    print(write_class_report(args.dir, args.output))
    return 0


def _run_class_progress(args: argparse.Namespace) -> int:
    from nextround.classroom.summary import write_progress

    count = write_progress(args.dir, args.output)
    print(f"{args.output}: {count} students")
    return 0


def _add_class_handout(steps: Any) -> None:
    handout = steps.add_parser(
        "handout", help="one notebook for the whole class, to post on the LMS",
        description="Write one notebook to post on the LMS for every student. Run the first time, it asks the "
        "student for their id (or takes their hub user name), checks it against the roster and makes their own "
        "workbook beside it, with the scenario `generate` dealt them. The roster's ids are in it only as salted "
        "hashes, never in clear.")
    handout.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    handout.add_argument("-o", "--output", required=True, metavar="FILE.ipynb", help="the handout to write")
    handout.add_argument("--scenarios", metavar="FILE.csv", help="the practice scenarios given to `generate`, if not "
                         "the shipped ones")
    handout.set_defaults(run=_run_class_handout)


def _run_class_handout(args: argparse.Namespace) -> int:
    from nextround.classroom.course import read_course
    from nextround.classroom.handout import OWN, write_handout

    path = write_handout(args.dir, args.output, scenario_file=args.scenarios)
    students = read_course(args.dir)["students"]
    own = sum(1 for s in students if s.get("scenario") == OWN)
    print(path)
    print(f"nextround: a handout for {len(students)} students; post it on your course page", file=sys.stderr)
    if own:
        print(f"nextround: {own} of them brought their own rejection: the handout asks them to get theirs from you "
              "(release/<student_id>/)", file=sys.stderr)
    return 0


def _add_class_feedback(steps: Any) -> None:
    feedback = steps.add_parser(
        "feedback", help="a feedback page for each student who handed in, named for the LMS",
        description="Write one HTML page per student who handed in: their progress, their next actions with "
        "dates and the class's figures (shared and added up, as in the class report). Plain <student_id>.html "
        "files, and zips for Moodle's and Canvas's bulk upload where course.json has the LMS's ids.")
    feedback.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    feedback.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write into")
    feedback.add_argument("--canvas-download", metavar="ZIP",
                          help="the Canvas submissions download (its file names give the ids Canvas matches by)")
    feedback.set_defaults(run=_run_class_feedback)


def _run_class_feedback(args: argparse.Namespace) -> int:
    from nextround.classroom.feedback import write_feedback

    result = write_feedback(args.dir, args.output, canvas_download=args.canvas_download)
    for line in result.lines():
        if line.startswith("skipped: "):
            _warn(f"nextround: {line}")
        else:
            print(clean(line))
    return EXIT_USER_ERROR if result.skipped else 0


def _add_class_grades(steps: Any) -> None:
    grades = steps.add_parser(
        "grades",
        help="scores to import into the LMS's gradebook (Canvas, Moodle or a plain CSV)",
        description="Write one completion score per student: by default one point per step done of the five "
        "(from the progress each student shares), scaled to the points possible; a student who keeps their "
        "progress private scores full marks for handing in; late work loses --late-penalty per cent of the "
        "points; nothing handed in is left blank, so the LMS keeps its own grade. docs/class-grades.md has "
        "the rule in full.",
    )
    grades.add_argument("--dir", required=True, metavar="COURSE", help="the course folder")
    grades.add_argument("--format", choices=("canvas", "moodle", "csv"),
                        help="canvas (a gradebook import), moodle (a grading worksheet) or csv "
                        "(default: the LMS the roster came from, else csv)")
    grades.add_argument("-o", "--output", required=True, metavar="FILE.csv", help="where to write it")
    grades.add_argument("--points", type=_number, metavar="N",
                        help="the points possible (default: the LMS's for the assignment, else 5, one per step)")
    grades.add_argument("--late-penalty", type=_number, default=0.0, metavar="PERCENT",
                        help="per cent of the points possible taken off late work (default: 0)")
    grades.add_argument("--started", type=_number, default=0.0, metavar="FRACTION",
                        help="what a started step earns, as a fraction of a done one (default: 0)")
    grades.add_argument("--not-shared", default="full", metavar="full|blank|N",
                        help="a student who keeps their progress private: full marks (default), blank "
                        "(to grade by hand) or N steps' worth")
    grades.add_argument("--column", metavar='"TITLE (ID)"',
                        help="Canvas: the assignment's column in the gradebook (default: the export's only "
                        "assignment, else one named like this course's assignment)")
    grades.set_defaults(run=_run_class_grades)


def _number(text: str) -> float:
    import math

    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def _run_class_grades(args: argparse.Namespace) -> int:
    from nextround.classroom.grades import ScoreRule, write_grades

    not_shared: str | int = args.not_shared
    if args.not_shared not in ("full", "blank"):
        if not args.not_shared.isdigit():
            raise ParameterError("must be full, blank or a number of steps from 0 to 5", field="--not-shared")
        not_shared = int(args.not_shared)
    rule = ScoreRule(points=args.points, late_penalty=args.late_penalty, started=args.started, not_shared=not_shared)
    written = write_grades(args.dir, args.output, args.format, rule, column=args.column)
    for note in written.notes:
        _warn(f"note: {note}")
    print(written.summary())
    return 0


# --- nextround app --------------------------------------------------------------------------


def _add_app(commands: Any) -> None:
    app = commands.add_parser(
        "app",
        help="open a workbook as a form-only web app (Voilà)",
        description="Serve one workbook as a web app on this machine (127.0.0.1): its text, drafts "
        "and forms, without code. Answers save to the same file as in JupyterLab. Prints the "
        'address to open; Ctrl-C stops it. Needs Voilà: pip install "nextround[app]".',
    )
    app.add_argument("workbook", metavar="WORKBOOK", help="the workbook (.ipynb) to serve")
    app.add_argument("--port", type=_positive_int, metavar="N", help="the port (default: the first free from 8866)")
    app.set_defaults(run=_run_app)


def _run_app(args: argparse.Namespace) -> int:
    from nextround.notebook.app import serve

    return serve(args.workbook, port=args.port, announce=lambda line: print(line, flush=True))


# Each adds one subcommand; its `run` function imports what it needs when it runs.
_COMMANDS = [
    _add_new, _add_batch, _add_check, _add_status, _add_due, _add_calendar, _add_report, _add_questions,
    _add_export, _add_init, _add_class, _add_app,
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except NextroundError as exc:
        _warn(f"nextround: error: {exc}")
        return EXIT_USER_ERROR
    except OSError as exc:
        # A path that is a file not a folder, a folder that is missing or read-only:
        # the person's to fix, so one line naming it, not a traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        _warn(f"nextround: error: {where}{exc.strerror or exc}")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
