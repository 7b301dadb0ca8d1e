"""What the subcommands share: one-line warnings, common options and readers of them.

Every word the command line says goes through `_()`, in the language `--locale`
names, else the system's. argparse's own words ("usage:", its one-line errors) are
looked up in nextround's catalogs too (`speak_argparse`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from nextround.core import i18n
from nextround.core.i18n import N_, _
from nextround.core.printable import clean
from nextround.errors import ParameterError

EXIT_USER_ERROR = 1

#: argparse's own words a person meets, marked here so the catalogs translate them
#: (argparse looks them up through its module's `_`; see `speak_argparse`).
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
    N_("expected one argument"), N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("%(prog)s: error: %(message)s\n"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("ignored explicit argument %r"),
)


def speak_argparse() -> None:
    """Let argparse's own words follow the language in force, through nextround's catalogs."""
    # argparse calls the module-level names `_` and `ngettext` for every word it prints.
    setattr(argparse, "_", i18n._)  # noqa: B010 - a module's global, set by name on purpose
    setattr(argparse, "ngettext", i18n.ngettext)  # noqa: B010


def given_locale(argv: Sequence[str]) -> str | None:
    """The value of `--locale` in `argv` (`--locale de` or `--locale=de`), before argparse reads it."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--locale" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--locale="):
            return arg.split("=", 1)[1]
    return None


def add_locale(parser: argparse.ArgumentParser, what: str = "", *, top: bool = False) -> None:
    """The `--locale` option: the language of what the command says (and writes, `what`).

    Given before the command (`nextround --locale de status`) or after it; `args.locale`
    is None when it is not given at all.
    """
    parser.add_argument(
        "--locale", metavar="LOCALE", type=_locale, default=None if top else argparse.SUPPRESS,
        help=what or _("the language to speak: en-GB, en-US or de (default: the system's, {system})").format(
            system=i18n.system_locale()))


def _locale(text: str) -> str:
    try:
        return i18n.parse_locale(text)
    except Exception as exc:  # argparse shows the reason in one line
        raise argparse.ArgumentTypeError(str(exc)) from None


def warn(line: str) -> None:
    """One line on the error output, whatever the file names and values in it hold."""
    print(clean(line), file=sys.stderr, flush=True)


def add_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", default=".", metavar="DIR", help=_("the folder of workbooks (default: here)"))


def option(field: str) -> str:
    """The command-line option for a parameter: `interview_date` -> `--interview-date`."""
    return "--contact" if field == "contacts" else "--" + field.replace("_", "-")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{value} is not a whole number").format(value=repr(text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return value


def load_journal(args: argparse.Namespace, today: Any = None) -> Any:
    """The folder's journal; each file it had to skip is reported on stderr, one line each."""
    from nextround.journal.tables import load

    journal = load(args.dir, today=today)
    for problem in journal.problems:
        warn(_("nextround: skipped {problem}").format(problem=problem))
    return journal


def on_date(text: str | None) -> Any:
    from nextround.core.parameters import parse_date

    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ParameterError(str(exc), field="--on") from None


def add_alarm(parser: Any, when: str = "") -> None:
    parser.add_argument("--alarm", metavar="HH:MM", default="09:00",
                        help=when + _("when each event's reminder rings on its day (default: 09:00), or none"))


def number(text: str) -> float:
    import math

    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(_("{value} is not a number").format(value=repr(text))) from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(_("{value} is not a number").format(value=repr(text)))
    return value
