"""The `nextround` command: a thin face over the Python API.

It starts fast (`nextround --help` imports no pandas, nbformat or papermill) and
reports a user's mistake in one line with a non-zero exit, never a traceback. Each
subcommand is an `add_*` function (its options) and a `_run_*` function (which
imports what it needs when it runs), grouped by what they act on: `workbooks`,
`journal` (a folder of workbooks) and `classroom`; `common` holds what they share.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nextround import __version__
from nextround.cli.classroom import add_class
from nextround.cli.common import EXIT_USER_ERROR, warn
from nextround.cli.journal import add_calendar, add_due, add_export, add_questions, add_report, add_status
from nextround.cli.workbooks import add_app, add_batch, add_check, add_init, add_new
from nextround.errors import NextroundError

# Each adds one subcommand; its `run` function imports what it needs when it runs.
_COMMANDS = [
    add_new, add_batch, add_check, add_status, add_due, add_calendar, add_report, add_questions,
    add_export, add_init, add_class, add_app,
]


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except NextroundError as exc:
        warn(f"nextround: error: {exc}")
        return EXIT_USER_ERROR
    except OSError as exc:
        # A path that is a file not a folder, a folder that is missing or read-only:
        # the person's to fix, so one line naming it, not a traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        warn(f"nextround: error: {where}{exc.strerror or exc}")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
