"""Text alternatives for charts: what a chart shows, said in words from its figures.

A chart's alt text says what it shows, not what it is: "Mood rose from 3 on 18 June
to 6 on 25 June, over 2 check-ins", not "a chart of your mood". Each sentence here
is made from the figures the chart is drawn from, in the locale in force (dates and
decimals by Babel), so a screen reader hears what a sighted reader sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from numbers import Real
from typing import Any

from nextround.core.i18n import _, babel_locale, ngettext


def number(value: float) -> str:
    """A figure as a person writes it: 3, 3.5 (one decimal at most), in the locale in force."""
    from babel.numbers import format_decimal

    return str(format_decimal(round(float(value), 1), format="#,##0.#", locale=babel_locale()))


def day(when: date | datetime, *, year: bool = True) -> str:
    """A day as a person writes it, "18 June" (or "18 June 2026" with `year`), in the locale in force."""
    from babel.dates import format_skeleton

    day_only = when.date() if isinstance(when, datetime) else when
    return str(format_skeleton("yMMMMd" if year else "MMMMd", day_only, locale=babel_locale()))


def check_ins(n: int) -> str:
    """ "over 2 check-ins": how many points a mood trend rests on."""
    return ngettext("over {n} check-in", "over {n} check-ins", n).format(n=n)


def interviews(n: int) -> str:
    """ "over 3 interviews": how many points a self-review trend rests on."""
    return ngettext("over {n} interview", "over {n} interviews", n).format(n=n)


def trend(what: str, points: Sequence[tuple[date | datetime, float]],
          counted: Callable[[int], str] = check_ins) -> str:
    """How `what` went over `points` (when, value), oldest first: first and last, rising, falling or steady.

    >>> trend("Mood", [(date(2026, 6, 18), 3), (date(2026, 6, 25), 6)])
    'Mood rose from 3 on 18 June to 6 on 25 June, over 2 check-ins.'
    """
    points = sorted(points, key=lambda p: _moment(p[0]))
    if not points:
        return _("{what}: nothing recorded yet.").format(what=what)
    (first_day, first), (last_day, last) = points[0], points[-1]
    year = _as_datetime(first_day).year != _as_datetime(last_day).year
    values = {"what": what, "first": number(first), "last": number(last),
              "first_day": day(first_day, year=year), "last_day": day(last_day, year=year)}
    if len(points) == 1:
        said = _("{what} was {first} on {first_day}").format(**values)
    elif last > first:
        said = _("{what} rose from {first} on {first_day} to {last} on {last_day}").format(**values)
    elif last < first:
        said = _("{what} fell from {first} on {first_day} to {last} on {last_day}").format(**values)
    elif all(value == first for _when, value in points):
        said = _("{what} stayed at {first} from {first_day} to {last_day}").format(**values)
    else:
        said = _("{what} was {first} on {first_day}, and again on {last_day}").format(**values)
    if len(points) == 1:
        return said + "."
    said = f"{said}, {counted(len(points))}"
    low, high = min(value for _when, value in points), max(value for _when, value in points)
    if len(points) > 2 and (low < min(first, last) or high > max(first, last)):
        said += _(" (lowest {low}, highest {high})").format(low=number(low), high=number(high))
    return said + "."


def listing(title: str, items: Sequence[tuple[str, Any]]) -> str:
    """A bar chart's figures in a sentence: "Themes: Experience, 2; Skills, 1."."""
    if not items:
        return _("{title}: none yet.").format(title=title)
    shown = "; ".join(f"{label}, {number(float(value)) if isinstance(value, Real) else value}"
                      for label, value in items)
    return _("{title}: {items}.").format(title=title, items=shown)


def _as_datetime(when: date | datetime) -> datetime:
    return when if isinstance(when, datetime) else datetime(when.year, when.month, when.day)


def _moment(when: date | datetime) -> datetime:
    """`when` as a local time without a zone, to order points some of which carry one and some not.

    A check-in saved by a workbook carries its offset; one written by hand or by an
    older release may not, and is read as local time.
    """
    moment = _as_datetime(when)
    return datetime.fromtimestamp(moment.timestamp()) if moment.tzinfo is not None else moment
