"""The `class` subcommands, for careers instructors: generate, handout, exchange, collect,
assign, report, progress, grades and feedback.

They speak the course's language (`class generate --locale` records it), or the one
`--locale` names; a course not generated yet, the system's.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nextround.cli.common import EXIT_USER_ERROR, add_locale, number, warn
from nextround.core import i18n
from nextround.core.i18n import _
from nextround.core.printable import clean
from nextround.errors import ParameterError


def _in_course_language(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A class step that speaks `--locale`, else the course's language, else the system's."""

    @functools.wraps(run)
    def speaking(args: argparse.Namespace) -> int:
        from nextround.classroom.course import course_locale

        with i18n.using(args.locale or course_locale(args.dir) or i18n.system_locale()):
            return run(args)

    return speaking


def add_class(commands: Any) -> None:
    group = commands.add_parser(
        "class",
        help=_("a careers class: hand out workbooks, collect them, report on the class"),
        description=_("For instructors: one workbook per student from a roster, collected back from any mix of "
                      "folders and LMS downloads, and a class report that shows only what students shared."),
    )
    steps = group.add_subparsers(dest="step", metavar="STEP", required=True)
    course = _("the course folder")

    generate = steps.add_parser("generate", help=_("make one workbook per student in the roster"))
    generate.add_argument("roster", metavar="ROSTER.csv",
                          help=_("a plain roster (student_id, name, optionally email and a rejection's columns), "
                                 "a Canvas gradebook export or a Moodle grading worksheet"))
    generate.add_argument("--scenarios", metavar="FILE.csv", help=_("practice scenarios instead of the shipped ones"))
    generate.add_argument("--seed", type=int, default=0, help=_("which students get which scenario (default: 0)"))
    generate.add_argument("--assignment", metavar="ID",
                          help=_("the assignment's id (default: the course folder's name)"))
    generate.add_argument("--due", metavar="YYYY-MM-DD", help=_("the due date, kept in the course for collecting"))
    add_locale(generate, _("the language of the students' workbooks and of the class's pages, kept in the course: "
                           "en-GB, en-US or de (default: the course's, else the system's, {system})").format(
        system=i18n.system_locale()))
    generate.add_argument("--dir", required=True, metavar="COURSE", help=course)
    generate.set_defaults(run=_run_class_generate)

    gather = steps.add_parser("collect", help=_("collect submissions from folders, LMS zips, loose files or a hub"))
    gather.add_argument("sources", nargs="*", metavar="SOURCE",
                        help=_("a folder, a .zip, an .ipynb or an .answers.json"))
    gather.add_argument("--exchange", metavar="PATH", help=_("a JupyterHub's exchange folder: collect what students "
                                                             "handed in there with Submit (docs/hub.md)"))
    gather.add_argument("--dir", required=True, metavar="COURSE", help=course)
    _add_course_locale(gather)
    gather.set_defaults(run=_in_course_language(_run_class_collect))

    file_it = steps.add_parser("assign", help=_("file a hand-in as a student's by hand (one held for review, or any)"),
                               description=_("File a notebook or answers file as one student's hand-in: one that "
                                             "collect held for review (give its name under held/, as collect printed "
                                             "it), or any whose ids are gone. It is read as data, never run; answers "
                                             "collected before are kept under duplicates/."))
    file_it.add_argument("file", metavar="FILE", help=_("the file: its path, or held/<student>/<file>"))
    file_it.add_argument("student", metavar="STUDENT", help=_("the student's id, as on the roster"))
    file_it.add_argument("--dir", required=True, metavar="COURSE", help=course)
    _add_course_locale(file_it)
    file_it.set_defaults(run=_in_course_language(_run_class_assign))

    report = steps.add_parser("report", help=_("the class report, from shared answers only"))
    report.add_argument("--dir", required=True, metavar="COURSE", help=course)
    report.add_argument("-o", "--output", required=True, metavar="FILE.html", help=_("where to write it"))
    _add_course_locale(report)
    report.set_defaults(run=_in_course_language(_run_class_report))

    progress = steps.add_parser("progress", help=_("per-student step completion, for participation marks"))
    progress.add_argument("--dir", required=True, metavar="COURSE", help=course)
    progress.add_argument("-o", "--output", required=True, metavar="FILE.csv", help=_("where to write it"))
    _add_course_locale(progress)
    progress.set_defaults(run=_in_course_language(_run_class_progress))
    _add_class_handout(steps)
    _add_class_feedback(steps)

    _add_class_grades(steps)


def _add_course_locale(parser: argparse.ArgumentParser) -> None:
    add_locale(parser, _("the language to speak and write: en-GB, en-US or de (default: the course's)"))


@_in_course_language
def _run_class_generate(args: argparse.Namespace) -> int:
    from nextround.classroom.generate import generate
    from nextround.core.parameters import parse_date

    try:
        due = parse_date(args.due) if args.due else None
    except ValueError as exc:
        raise ParameterError(str(exc), field="--due") from None
    result = generate(args.roster, args.dir, scenario_file=args.scenarios, seed=args.seed,
                      assignment_id=args.assignment, due=due, locale=args.locale)
    if result.roster is not None:
        print(clean(result.roster.described()))
        for note in result.roster.notes:
            warn(_("note: {note}").format(note=note))
    for error in result.failed:
        warn(_("error: {problem}").format(problem=error))
    for student, path in result.skipped:
        print(_("skipped: {student}: {path} already exists and was left untouched").format(student=student,
                                                                                          path=path))
    print(result.summary())
    return EXIT_USER_ERROR if result.failed else 0


def _run_class_collect(args: argparse.Namespace) -> int:

    from nextround.classroom.collect import collect, report_lines
    from nextround.classroom.course import read_course

    if not args.sources and not args.exchange:
        raise ParameterError(_("give at least one SOURCE, or --exchange PATH"), field="SOURCE")
    course = read_course(args.dir)
    roster = [s["student_id"] for s in course["students"]]
    result = collect(args.sources, roster, course["assignment_id"], Path(args.dir), exchange=args.exchange)
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

    print(write_class_report(args.dir, args.output, locale=i18n.current()))
    return 0


def _run_class_progress(args: argparse.Namespace) -> int:
    from nextround.classroom.summary import write_progress

    count = write_progress(args.dir, args.output)
    print(f"{args.output}: " + i18n.ngettext("{count} student", "{count} students", count).format(count=count))
    return 0


def _add_class_handout(steps: Any) -> None:
    handout = steps.add_parser(
        "handout", help=_("one notebook for the whole class, to post on the LMS"),
        description=_("Write one notebook to post on the LMS for every student. Run the first time, it asks the "
                      "student for their id (or takes their hub user name), checks it against the roster and makes "
                      "their own workbook beside it, with the scenario `generate` dealt them. The roster's ids are "
                      "in it only as salted hashes, never in clear."))
    handout.add_argument("--dir", required=True, metavar="COURSE", help=_("the course folder"))
    handout.add_argument("-o", "--output", required=True, metavar="FILE.ipynb", help=_("the handout to write"))
    handout.add_argument("--scenarios", metavar="FILE.csv",
                         help=_("the practice scenarios given to `generate`, if not the shipped ones"))
    _add_course_locale(handout)
    handout.set_defaults(run=_in_course_language(_run_class_handout))


def _run_class_handout(args: argparse.Namespace) -> int:
    from nextround.classroom.course import read_course
    from nextround.classroom.handout import OWN, write_handout

    path = write_handout(args.dir, args.output, scenario_file=args.scenarios, locale=i18n.current())
    students = read_course(args.dir)["students"]
    own = sum(1 for s in students if s.get("scenario") == OWN)
    print(path)
    print(i18n.ngettext("nextround: a handout for {count} student; post it on your course page",
                        "nextround: a handout for {count} students; post it on your course page",
                        len(students)).format(count=len(students)), file=sys.stderr)
    if own:
        print(_("nextround: {count} of them brought their own rejection: the handout asks them to get theirs from "
                "you (release/<student_id>/)").format(count=own), file=sys.stderr)
    return 0


def _add_class_feedback(steps: Any) -> None:
    feedback = steps.add_parser(
        "feedback", help=_("a feedback page for each student who handed in, named for the LMS"),
        description=_("Write one HTML page per student who handed in: their progress, their next actions with "
                      "dates and the class's figures (shared and added up, as in the class report). Plain "
                      "<student_id>.html files, and zips for Moodle's and Canvas's bulk upload where course.json "
                      "has the LMS's ids."))
    feedback.add_argument("--dir", required=True, metavar="COURSE", help=_("the course folder"))
    feedback.add_argument("-o", "--output", required=True, metavar="DIR", help=_("the folder to write into"))
    feedback.add_argument("--canvas-download", metavar="ZIP",
                          help=_("the Canvas submissions download (its file names give the ids Canvas matches by)"))
    feedback.add_argument("--exchange", metavar="PATH",
                          help=_("also hand each page back through a JupyterHub's exchange, into a folder only its "
                                 "student can read (docs/hub.md)"))
    _add_course_locale(feedback)
    feedback.set_defaults(run=_in_course_language(_run_class_feedback))

    exchange = steps.add_parser(
        "exchange", help=_("set up a JupyterHub's exchange for this course's assignment"),
        description=_("Make the assignment's inbound and feedback folders in a JupyterHub's exchange folder, owned "
                      "by you and your group: every student can hand in, none can see another's work, and only "
                      "you (and your group) can collect. docs/hub.md says how to set up the hub."))
    exchange.add_argument("path", metavar="PATH", help=_("the exchange folder (made once by the hub's administrator)"))
    exchange.add_argument("--dir", required=True, metavar="COURSE", help=_("the course folder"))
    exchange.add_argument("--group", metavar="GROUP", help=_("the group that may collect (default: your own)"))
    exchange.set_defaults(run=_run_class_exchange)


def _run_class_exchange(args: argparse.Namespace) -> int:
    from nextround.classroom.course import read_course
    from nextround.classroom.exchange import prepare
    from nextround.storage.exchange import EXCHANGE_VARIABLE

    assignment_id = read_course(args.dir)["assignment_id"]
    for line in prepare(args.path, assignment_id, group=args.group):
        print(clean(line))
    print(_("In the hub's configuration: c.Spawner.environment = {{{name!r}: {path!r}}}").format(
        name=EXCHANGE_VARIABLE, path=str(Path(args.path).resolve())))
    return 0


def _run_class_feedback(args: argparse.Namespace) -> int:
    from nextround.classroom.feedback import write_feedback

    result = write_feedback(args.dir, args.output, canvas_download=args.canvas_download, locale=i18n.current())
    # Each result lists its problems first, one line each.
    problems, done = _split(result.lines(), len(result.skipped))
    if args.exchange:
        from nextround.classroom.exchange import release

        handed_back = release(args.dir, args.exchange, result.pages)
        more_problems, more_done = _split(handed_back.lines(), len(handed_back.skipped))
        problems, done = problems + more_problems, done + more_done
    for line in problems:
        warn(f"nextround: {line}")
    for line in done:
        print(clean(line))
    return EXIT_USER_ERROR if problems else 0


def _split(lines: list[str], problems: int) -> tuple[list[str], list[str]]:
    return lines[:problems], lines[problems:]


def _add_class_grades(steps: Any) -> None:
    grades = steps.add_parser(
        "grades",
        help=_("scores to import into the LMS's gradebook (Canvas, Moodle or a plain CSV)"),
        description=_("Write one completion score per student: by default one point per step done of the five "
                      "(from the progress each student shares), scaled to the points possible; a student who keeps "
                      "their progress private scores full marks for handing in; late work loses --late-penalty per "
                      "cent of the points; nothing handed in is left blank, so the LMS keeps its own grade. "
                      "docs/class-grades.md has the rule in full."),
    )
    grades.add_argument("--dir", required=True, metavar="COURSE", help=_("the course folder"))
    grades.add_argument("--format", choices=("canvas", "moodle", "csv"),
                        help=_("canvas (a gradebook import), moodle (a grading worksheet) or csv "
                               "(default: the LMS the roster came from, else csv)"))
    grades.add_argument("-o", "--output", required=True, metavar="FILE.csv", help=_("where to write it"))
    grades.add_argument("--points", type=number, metavar="N",
                        help=_("the points possible (default: the LMS's for the assignment, else 5, one per step)"))
    grades.add_argument("--late-penalty", type=number, default=0.0, metavar="PERCENT",
                        help=_("per cent of the points possible taken off late work (default: 0)"))
    grades.add_argument("--started", type=number, default=0.0, metavar="FRACTION",
                        help=_("what a started step earns, as a fraction of a done one (default: 0)"))
    grades.add_argument("--not-shared", default="full", metavar="full|blank|N",
                        help=_("a student who keeps their progress private: full marks (default), blank "
                               "(to grade by hand) or N steps' worth"))
    grades.add_argument("--column", metavar='"TITLE (ID)"',
                        help=_("Canvas: the assignment's column in the gradebook (default: the export's only "
                               "assignment, else one named like this course's assignment)"))
    _add_course_locale(grades)
    grades.set_defaults(run=_in_course_language(_run_class_grades))


def _run_class_grades(args: argparse.Namespace) -> int:
    from nextround.classroom.grades import ScoreRule, write_grades

    not_shared: str | int = args.not_shared
    if args.not_shared not in ("full", "blank"):
        if not args.not_shared.isdigit():
            raise ParameterError(_("must be full, blank or a number of steps from 0 to 5"), field="--not-shared")
        not_shared = int(args.not_shared)
    rule = ScoreRule(points=args.points, late_penalty=args.late_penalty, started=args.started, not_shared=not_shared)
    written = write_grades(args.dir, args.output, args.format, rule, column=args.column)
    for note in written.notes:
        warn(_("note: {note}").format(note=note))
    print(written.summary())
    return 0
