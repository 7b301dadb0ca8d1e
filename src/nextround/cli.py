"""The `nextround` command: a thin face over the Python API.

It starts fast (`nextround --help` imports no pandas, nbformat or papermill) and
reports a user's mistake in one line with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__
from .errors import NextroundError, ParameterError

EXIT_USER_ERROR = 1


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
    from .api import new

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
    return 0


# Each adds one subcommand; its `run` function imports what it needs when it runs.
_COMMANDS = [_add_new]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except NextroundError as exc:
        print(f"nextround: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
