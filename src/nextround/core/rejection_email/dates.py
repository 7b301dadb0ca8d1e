"""The day in a date as mail clients write it (RFC 5322, ISO, "19 March 2026", 05/03/2026)."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate([
        ("january", "jan", "januar", "janvier", "enero", "januari", "tammikuu"),
        ("february", "feb", "februar", "février", "febrero", "februari"),
        ("march", "mar", "märz", "mars", "marzo", "maart", "marts"),
        ("april", "apr", "avril", "abril"),
        ("may", "mai", "mayo", "maj", "mei"),
        ("june", "jun", "juni", "juin", "junio"),
        ("july", "jul", "juli", "juillet", "julio"),
        ("august", "aug", "août", "agosto", "augusti", "augustus"),
        ("september", "sep", "sept", "septembre", "septiembre"),
        ("october", "oct", "oktober", "octobre", "octubre", "okt"),
        ("november", "nov", "novembre", "noviembre"),
        ("december", "dec", "dezember", "décembre", "diciembre", "dez", "desember", "dic"),
    ], start=1)
    for name in names
}
_MONTH = r"(?P<month>[a-zA-Zäéû]{3,9})\.?"
_DAY_FIRST = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b")
_MONTH_FIRST = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})\b")


def parse_day(text: str) -> date | None:
    """The day in a header's date as a mail client writes it, or None.

    RFC 5322 (`Tue, 3 Mar 2026 23:47:12 -0800`, the day in its own time zone), ISO
    (`2026-02-05 14:22`), `19 March 2026 11:05`, `Friday, January 9, 2026 4:55 PM`,
    `5 Mar 2026 at 10:14`, and 05/03/2026 (day first, unless that cannot be).
    """
    text = text[:200]
    try:
        when = email.utils.parsedate_to_datetime(text)
        if isinstance(when, datetime):
            return when.date()
    except (ValueError, TypeError, IndexError, OverflowError):
        pass
    for pattern in (_ISO, _DAY_FIRST, _MONTH_FIRST):
        match = pattern.search(text)
        if match:
            month = match["month"]
            number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
            if number:
                day = _safe_date(int(match["year"]), number, int(match["day"]))
                if day:
                    return day
    match = _NUMERIC.search(text)
    if match:
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        # Day first, as in the UK and most of Europe, unless the numbers say otherwise.
        return _safe_date(year, a, b) if b > 12 else _safe_date(year, b, a)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
