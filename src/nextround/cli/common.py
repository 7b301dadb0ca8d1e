"""What the subcommands share: one-line warnings, common options and readers of them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from nextround.core.printable import clean
from nextround.errors import ParameterError

EXIT_USER_ERROR = 1


def warn(line: str) -> None:
    """One line on the error output, whatever the file names and values in it hold."""
    print(clean(line), file=sys.stderr, flush=True)


def add_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", default=".", metavar="DIR", help="the folder of workbooks (default: here)")


def option(field: str) -> str:
    """The command-line option for a parameter: `interview_date` -> `--interview-date`."""
    return "--contact" if field == "contacts" else "--" + field.replace("_", "-")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def load_journal(args: argparse.Namespace, today: Any = None) -> Any:
    """The folder's journal; each file it had to skip is reported on stderr, one line each."""
    from nextround.journal.tables import load

    journal = load(args.dir, today=today)
    for problem in journal.problems:
        warn(f"nextround: skipped {problem}")
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
                        help=f"{when}when each event's reminder rings on its day (default: 09:00), or none")


def number(text: str) -> float:
    import math

    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value
