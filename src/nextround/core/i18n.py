"""The person's language: which locales nextround speaks, its catalogs, and dates.

A workbook is made in one locale and keeps it (it is stored with the workbook's
parameters), so one folder may hold workbooks in several languages. The locale in
force is therefore a context, not a process-wide setting: `using("de")` sets it for a
block, and `_()` translates through it. The source language of every message is
en-GB; en-US and de have gettext catalogs, managed with Babel, in
`nextround/locales/<id>/LC_MESSAGES/`.

Promised: `normalise` accepts any tag a system or a person is likely to give (`de_DE.UTF-8`,
`en-us`, `de-AT`) and returns one of `LOCALES` or None; `parse_locale` does the same or
raises a one-line error naming the supported locales; `system_locale` never raises.
Not promised: translations for a locale outside `LOCALES`.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from nextround import errors
from nextround.errors import NextroundError

LOCALES: tuple[str, ...] = ("en-GB", "en-US", "de")
DEFAULT = "en-GB"
# Babel's and gettext's names for them (folder names under locales/).
_BABEL = {"en-GB": "en_GB", "en-US": "en_US", "de": "de"}
CATALOGS = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "nextround"

_current: ContextVar[str] = ContextVar("nextround_locale", default=DEFAULT)


def normalise(tag: str | None) -> str | None:
    """One of LOCALES for a tag like `de_DE.UTF-8`, `en-us` or `en`; None when we do not speak it."""
    if not tag:
        return None
    base = tag.split(".")[0].split("@")[0].replace("_", "-").strip().lower()
    if base in ("c", "posix", ""):
        return None
    language, _dash, region = base.partition("-")
    if language == "de":
        return "de"
    if language == "en":
        # Only the US writes month first and says "résumé"; every other English is en-GB's.
        return "en-US" if region == "us" else "en-GB"
    return None


def parse_locale(tag: str) -> str:
    """The locale for `tag`, or a one-line error naming the ones we support."""
    found = normalise(tag)
    if found is None:
        raise NextroundError(
            _("nextround does not speak {tag} yet; choose one of {locales}").format(
                tag=repr(tag), locales=", ".join(LOCALES)), field="locale"
        )
    return found


def system_locale() -> str:
    """The system's locale where we support it (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else en-GB."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return normalise(value) or _from_language_list() or DEFAULT
    return _from_language_list() or DEFAULT


def _from_language_list() -> str | None:
    for tag in os.environ.get("LANGUAGE", "").split(":"):
        found = normalise(tag)
        if found:
            return found
    return None


def current() -> str:
    """The locale in force in this context."""
    return _current.get()


@contextmanager
def using(locale: str | None) -> Iterator[str]:
    """Speak `locale` (en-GB when None) inside the block; the old locale comes back after it."""
    chosen = parse_locale(locale) if locale else DEFAULT
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def speak(locale: str | None) -> str:
    """Speak `locale` (the system's when None or empty) from here on in this context.

    For a notebook's kernel, whose cells share one context: its parameters cell names
    the locale, and every cell after it follows. Elsewhere, prefer `using`.
    """
    chosen = parse_locale(locale) if locale else system_locale()
    _current.set(chosen)
    return chosen


def babel_locale(locale: str | None = None) -> str:
    """Babel's identifier (`en_GB`, `en_US`, `de`) for `locale`, or for the one in force."""
    return _BABEL[locale or current()]


@cache
def translations(locale: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The compiled catalog of `domain` for `locale`; the source text itself for en-GB."""
    if locale == DEFAULT:
        return gettext.NullTranslations()
    path = CATALOGS / _BABEL[locale] / "LC_MESSAGES" / f"{domain}.mo"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _(message: str) -> str:
    """`message` in the locale in force."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for `n`, in the locale in force."""
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the locale in force, told apart from the same English in another context."""
    return translations(current()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it yet (for tables of labels)."""
    return message


def translated(text: str) -> str:
    """`text` in the locale in force, if it says how it was made; else `text` as it is.

    For what the text checks return: they may not import this module, so each of
    their messages keeps its en-GB template and values, and can translate itself
    given `_` (`translated(gettext)`: the template translated, then formatted with
    its values, each translated the same way). Anything else — the person's own
    words, a calmer wording made from them — is shown as it was written.
    """
    how = getattr(text, "translated", None)
    return str(how(_)) if callable(how) else text


def _row_words(row: int) -> str:
    return _("row {row}").format(row=row)


# One-line errors name a spreadsheet's row in the locale in force, wherever they are shown.
errors.row_words = _row_words


def format_date(day: date, length: str = "long") -> str:
    """`day` as a person in the locale in force writes it: "10 June 2026", "June 10, 2026", "10. Juni 2026".

    `length` is Babel's: "short", "medium", "long" or "full" (with the weekday).
    """
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, format=length, locale=babel_locale()))


# A short date with its weekday, as each reader writes it: "Fri 19 Jun 2026",
# "Fri, Jun 19, 2026", "Fr., 19. Juni 2026" (Babel's patterns; the UK one without
# CLDR's comma, as nextround has always written it).
_WEEKDAY_DATE = {"en-GB": "EEE d MMM y", "en-US": "EEE, MMM d, y", "de": "EE, d. MMM y"}


def _as_day(value: Any) -> date | None:
    """A date from a date, a datetime or pandas Timestamp, or ISO text; None for nothing (NaT too)."""
    if value is None or value == "" or value != value:  # NaT and NaN are not equal to themselves
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_text(value: Any, length: str = "long") -> str:
    """`format_date` for whatever a date arrives as (a date, ISO text, a Timestamp); "" for none."""
    day = _as_day(value)
    return format_date(day, length) if day else ""


def weekday_date(value: Any) -> str:
    """A short date with its weekday, unambiguous wherever the reader lives ("Fri 19 Jun 2026")."""
    day = _as_day(value)
    if not day:
        return ""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, format=_WEEKDAY_DATE[current()], locale=babel_locale()))


def format_number(value: float, pattern: str = "0.0") -> str:
    """A number as the locale in force writes it ("3.5", "3,5")."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=pattern, locale=babel_locale()))
