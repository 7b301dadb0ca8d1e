"""Subcommands about one workbook or many: new, batch, check, init and app."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from nextround.cli.common import EXIT_USER_ERROR, add_dir, add_locale, option, positive_int, warn
from nextround.core import i18n
from nextround.core.i18n import _
from nextround.errors import ParameterError


def add_new(commands: Any) -> None:
    new = commands.add_parser(
        "new",
        help=_("make a workbook for one rejection and print its path"),
        description=_("Make a workbook for one rejection and print its path. "
                      "Nothing existing is ever overwritten. With --from-email, the company, role, contact, date, "
                      "stage and any offer of feedback are read from the rejection email; options given here win "
                      "over it."),
    )
    new.add_argument("--from-email", metavar="FILE", help=_("the rejection email: a saved .eml file, a text file "
                                                            "of the pasted email, or - to read it from standard input"))
    new.add_argument("--company", help=_("who turned you down (required, unless the email says)"))
    new.add_argument("--role", help=_("the role you applied for (required, unless the email says)"))
    new.add_argument("--interview-date", metavar="YYYY-MM-DD", help=_("when you were interviewed"))
    new.add_argument("--rejected-on", metavar="YYYY-MM-DD",
                     help=_("when you heard (default: the email's date, or today)"))
    new.add_argument("--stage", help=_('how far you got, e.g. "final interview"'))
    new.add_argument(
        "--contact",
        action="append",
        default=[],
        metavar='"NAME <EMAIL>"',
        help=_("someone you met; repeat for each person (the email is optional)"),
    )
    new.add_argument("--feedback-offered", action=argparse.BooleanOptionalAction, default=None,
                     help=_("they offered feedback: the workbook suggests asking within the week"))
    new.add_argument("--reply-to", metavar="EMAIL", help=_("where replies go when no person is named "
                                                            "(a shared recruitment mailbox)"))
    new.add_argument("--your-name", help=_("how to sign the drafted messages"))
    new.add_argument("--careers-page", metavar="URL", help=_("the company's careers page"))
    add_locale(new, _("the language the workbook speaks, and keeps: en-GB, en-US or de (default: the "
                      "system's, {system})").format(system=i18n.system_locale()))
    add_dir(new)
    new.set_defaults(run=_run_new, parser=new)


def _run_new(args: argparse.Namespace) -> int:
    from nextround.api import new

    options = {
        "company": args.company, "role": args.role, "interview_date": args.interview_date,
        "rejected_on": args.rejected_on, "stage": args.stage, "contacts": args.contact,
        "feedback_offered": args.feedback_offered, "reply_to": args.reply_to, "your_name": args.your_name,
        "careers_page": args.careers_page, "locale": args.locale or i18n.current(),
    }
    try:
        if args.from_email is not None:
            path = _new_from_email(args, options)
        else:
            missing = [option(name) for name in ("company", "role") if options[name] is None]
            if missing:
                args.parser.error(_("the following arguments are required: {options} (or --from-email FILE)").format(
                    options=", ".join(missing)))
            path = new(**{k: v for k, v in options.items() if v is not None}, dir=args.dir)
    except ParameterError as exc:
        raise ParameterError(exc.message, field=option(exc.field or "")) from None
    print(path)
    if sys.stderr.isatty():
        print(_("Open it in JupyterLab:  jupyter lab {path}").format(path=path), file=sys.stderr)
    from nextround.notebook.home import has_home

    if not has_home(args.dir):
        print(_("Tip: `nextround init --dir {dir}` adds home.ipynb there, to start and follow your workbooks "
                "from JupyterLab.").format(dir=args.dir), file=sys.stderr)
    return 0


def _new_from_email(args: argparse.Namespace, options: dict[str, Any]) -> Any:
    """The workbook made from the email; says what was taken from it and from where, and what was not found."""
    from nextround.api import email_values, new_from_email, read_email
    from nextround.errors import NextroundError

    facts = read_email(args.from_email)
    values = email_values(facts, options)
    for name in ("company", "role"):
        if not str(values.get(name) or "").strip():
            # One line, and nothing written: the workbook cannot be named without it.
            raise NextroundError(_("the email does not say the {name}; add {option} …").format(
                name=_(name), option=option(name)))
    warn(_("nextround: read from the email (check these in the workbook):"))
    for line in facts.given(options).lines():
        warn(f"  {line}")
    return new_from_email(facts, dir=args.dir, **options)


def add_batch(commands: Any) -> None:
    from nextround.core.parameters import (
        PARAMETER_NAMES,  # light; the columns are whatever `new` takes
    )

    batch = commands.add_parser(
        "batch",
        help=_("make a workbook for every row of a CSV file"),
        description=_("Make a workbook for every row of a CSV file (comma or semicolon separated, "
                      "as spreadsheets export it). Columns: {columns}; company and role "
                      'are required, dates are YYYY-MM-DD (a blank date stays blank), contacts "Name <email>; '
                      'Name <email>", locale en-GB, en-US or de (blank: --locale). Every row is checked first; bad '
                      "rows are reported (the header is row 1) and the good ones still made; existing workbooks "
                      "are skipped, never overwritten. Prints the path of each new workbook. With --from-emails, a "
                      "workbook for every rejection email in a folder (.eml files, or .txt files of pasted emails) "
                      "or an mbox file instead, each checked the same way.").format(
            columns=", ".join(PARAMETER_NAMES)),
    )
    batch.add_argument("file", nargs="?", metavar="FILE.csv", help=_("the spreadsheet, saved as CSV"))
    batch.add_argument("--from-emails", metavar="DIR_OR_MBOX",
                       help=_("a folder of saved rejection emails, or an mbox file, instead of a spreadsheet"))
    batch.add_argument(
        "--execute",
        action="store_true",
        help=_("also run each new workbook, so its outputs are saved in it (for handouts and HTML)"),
    )
    batch.add_argument(
        "--jobs",
        type=positive_int,
        metavar="N",
        help=_("with --execute: worker processes, each with its own kernel (default: CPUs, at most 4)"),
    )
    batch.add_argument("--dry-run", action="store_true",
                       help=_("check every row and list what would be made; write nothing"))
    add_locale(batch, _("the language of the workbooks whose row gives none: en-GB, en-US or de (default: the "
                        "system's, {system})").format(system=i18n.system_locale()))
    add_dir(batch)
    batch.set_defaults(run=_run_batch, parser=batch)


def _run_batch(args: argparse.Namespace) -> int:
    from nextround.making.batch import FAILED, SKIPPED, RowResult, generate, generate_from_emails

    if (args.file is None) == (args.from_emails is None):
        args.parser.error(_("give either FILE.csv or --from-emails DIR_OR_MBOX"))

    def show(row: RowResult) -> None:
        # New workbooks' paths on stdout, for scripts; problems on stderr, one line each.
        if row.status in (FAILED, SKIPPED):
            warn(f"nextround: {row.line()}")
        else:
            print(row.path, flush=True)

    try:
        make = generate if args.file is not None else generate_from_emails
        result = make(
            args.file if args.file is not None else args.from_emails, args.dir, execute=args.execute, jobs=args.jobs,
            dry_run=args.dry_run, on_row=show, locale=args.locale or i18n.current(),
        )
    except KeyboardInterrupt:
        print(_("nextround: interrupted; the workbooks already made are kept, and run when opened"), file=sys.stderr)
        return 130
    print(f"nextround: {result.summary()}", file=sys.stderr)
    return EXIT_USER_ERROR if result.failed else 0


def add_check(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help=_("check feedback for vagueness, a draft for tone, or an answer for STAR"),
        description=_("Is this feedback specific enough to act on? Does this draft read as bitter? Is this "
                      "interview answer a complete STAR answer? Reads TEXT, or standard input when TEXT is absent. "
                      "The checks read English only for now."),
    )
    kinds = check.add_subparsers(dest="kind", metavar="WHAT", required=True)
    for kind, what_help, text_help in (
            ("feedback", _("check the feedback you received"), _("the feedback you received (default: standard "
                                                                  "input)")),
            ("tone", _("check your draft reply or note"), _("your draft reply or note (default: standard input)")),
            ("answer", _("check your better answer to an interview question"),
             _("your better answer to an interview question (default: standard input)"))):
        sub = kinds.add_parser(kind, help=what_help)
        sub.add_argument("text", nargs="?", metavar="TEXT", help=text_help)
        sub.add_argument("--json", action="store_true", help=_("print the result as JSON, for scripts"))
        add_locale(sub)
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
    if not args.json and i18n.current().split("-")[0] not in checks.LANGUAGES:
        # Said once, on the side: the checks judge the text as English.
        warn(_("nextround: the feedback, tone and STAR checks read English only for now"))
    print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if args.json else report(result))
    return 0


def _feedback_report(result: Any) -> str:
    from nextround.checks import THEMES

    score = i18n.format_number(result.score, "0.00")
    lines = [_("Vague: hard to act on as it stands (specificity {score})").format(score=score) if result.vague
             else _("Specific enough to act on (specificity {score})").format(score=score)]
    lines += [_("Why:"), *(f"  - {i18n.translated(reason)}" for reason in result.reasons)] if result.reasons else []
    if result.themes:
        lines.append(_("Themes: {themes}").format(themes=", ".join(_(THEMES[t]) for t in result.themes)))
    if result.follow_up_questions:
        lines.append(_("Questions you could ask:"))
        lines += [f"  {n}. {i18n.translated(q)}" for n, q in enumerate(result.follow_up_questions, 1)]
    return "\n".join(lines)


def _tone_report(result: Any) -> str:
    score = i18n.format_number(result.score, "0.00")
    if result.ok:
        return _("Fine to send: it reads calmly and professionally (calm {score})").format(score=score)
    count = len(result.flags)
    lines = [i18n.ngettext("Wait before sending: {count} phrase may read badly (calm {score})",
                           "Wait before sending: {count} phrases may read badly (calm {score})", count).format(
        count=count, score=score)]
    for flag in result.flags:
        lines.append(f"  “{flag.phrase}” ({flag.kind}): {i18n.translated(flag.why)}")
        lines.append("      " + _("Perhaps: “{words}”").format(words=i18n.translated(flag.alternative)))
    return "\n".join(lines)


def _answer_report(result: Any) -> str:
    from nextround.checks import PARTS

    marks = "  ".join(f"{'✓' if result.parts[k] else '✗'} {_(name)}" for k, name in PARTS.items())
    lines = [f"{i18n.translated(result.verdict)}.", marks]
    if result.parts["result"]:
        lines[-1] += "  " + (_("(concrete result)") if result.concrete_result else _("(vague result)"))
    if result.suggestions:
        lines.append(_("To make it stronger:"))
        lines += [f"  - {i18n.translated(suggestion)}" for suggestion in result.suggestions]
    return "\n".join(lines)


def add_init(commands: Any) -> None:
    init = commands.add_parser(
        "init",
        help=_("add home.ipynb, a page to start and follow your workbooks from JupyterLab"),
        description=_("Write home.ipynb into the folder: a form to start a new workbook, your "
                      "workbooks with their progress, and what is due. Updates it later only if you have "
                      "not changed it."),
    )
    add_locale(init, _("the language the home page speaks, and the workbooks it makes: en-GB, en-US or de "
                       "(default: the system's, {system})").format(system=i18n.system_locale()))
    add_dir(init)
    init.set_defaults(run=_run_init)


def _run_init(args: argparse.Namespace) -> int:
    from nextround.notebook.home import UNCHANGED, UPDATED, init

    path, what = init(args.dir, args.locale or i18n.current())
    print(path)
    if what == UNCHANGED:
        print(_("nextround: it was already up to date"), file=sys.stderr)
    elif what == UPDATED:
        print(_("nextround: updated to this version of nextround"), file=sys.stderr)
    else:
        print(_("Open it in JupyterLab:  jupyter lab {path}").format(path=path), file=sys.stderr)
    return 0


def add_app(commands: Any) -> None:
    app = commands.add_parser(
        "app",
        help=_("open a workbook as a form-only web app (Voilà)"),
        description=_("Serve one workbook as a web app on this machine (127.0.0.1): its text, drafts "
                      "and forms, without code, in the workbook's own language. Answers save to the same file as "
                      'in JupyterLab. Prints the address to open; Ctrl-C stops it. Needs Voilà: pip install '
                      '"nextround[app]".'),
    )
    app.add_argument("workbook", metavar="WORKBOOK", help=_("the workbook (.ipynb) to serve"))
    app.add_argument("--port", type=positive_int, metavar="N",
                     help=_("the port (default: the first free from 8866)"))
    add_locale(app)
    app.set_defaults(run=_run_app)


def _run_app(args: argparse.Namespace) -> int:
    from nextround.notebook.app import serve

    return serve(args.workbook, port=args.port, announce=lambda line: print(line, flush=True))
