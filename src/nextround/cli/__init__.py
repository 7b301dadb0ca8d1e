"""The `nextround` command: a thin face over the Python API.

It starts fast (`nextround --help` imports no pandas, nbformat, papermill or
Babel: gettext is the standard library's) and reports a user's mistake in one line
with a non-zero exit, never a traceback. It speaks the language `--locale` names,
else the system's (`core.i18n`). Each
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
from nextround.cli.common import EXIT_USER_ERROR, add_locale, given_locale, speak_argparse, warn
from nextround.cli.journal import add_calendar, add_due, add_export, add_questions, add_report, add_status
from nextround.cli.workbooks import add_app, add_batch, add_check, add_init, add_new
from nextround.core import i18n
from nextround.core.i18n import _
from nextround.errors import NextroundError

# Each adds one subcommand; its `run` function imports what it needs when it runs.
_COMMANDS = [
    add_new, add_batch, add_check, add_status, add_due, add_calendar, add_report, add_questions,
    add_export, add_init, add_class, add_app,
]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nextround",
        description=_("Turn a job rejection into a next step: one guided workbook per rejection."),
    )
    parser.add_argument("--version", action="version", version=f"nextround {__version__}")
    add_locale(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add_command in _COMMANDS:
        add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line, in the language `--locale` names (else the system's); returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # Known before argparse reads the line, so that its help and its errors speak it too;
    # a locale we do not speak is left for argparse to refuse, in the system's language.
    locale = i18n.normalise(given_locale(argv)) or i18n.system_locale()
    speak_argparse()
    with i18n.using(locale):
        args = _parser().parse_args(argv)
        try:
            return int(args.run(args))
        except NextroundError as exc:
            warn(_("nextround: error: {problem}").format(problem=exc))
            return EXIT_USER_ERROR
        except OSError as exc:
            # A path that is a file not a folder, a folder that is missing or read-only:
            # the person's to fix, so one line naming it, not a traceback.
            where = f"{exc.filename}: " if exc.filename else ""
            warn(_("nextround: error: {problem}").format(problem=f"{where}{exc.strerror or exc}"))
            return EXIT_USER_ERROR
        except KeyboardInterrupt:
            return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
