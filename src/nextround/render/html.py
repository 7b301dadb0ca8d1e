"""The HTML pieces of every page: notices, cards, tables and panels.

Built with markupsafe: `Markup(...).format(...)` and `Markup.join` escape whatever
is not already Markup, so a person's words can never become HTML by accident.
Everything here returns Markup, which the other pieces accept as is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup, escape

from nextround.core.i18n import _, current
from nextround.core.printable import clean
from nextround.render import palette

__all__ = ["Markup", "escape", "Panel", "banner", "card", "table", "note", "muted", "join", "page", "PANEL", "CARD"]

#: The style of a card: a bordered box around one part of a workbook.
CARD = (
    f"border:1px solid {palette.BORDER};border-radius:8px;padding:12px 16px;margin:4px 0;"
    f"background:{palette.CARD_BACKGROUND};line-height:1.5;max-width:760px"
)
#: The style of a dashboard panel.
PANEL = "max-width:760px;line-height:1.5;margin:4px 0 8px"


def join(parts: Iterable[Any], separator: str = "") -> Markup:
    """The parts one after another; any that is not Markup is escaped."""
    return Markup(separator).join(parts)


def banner(content: str | Markup, kind: str = "info") -> Markup:
    """A one-paragraph notice (kinds: info, warn, error, ok); plain text is escaped."""
    background, edge = palette.BANNER[kind]
    return Markup(
        '<div style="background:{};border-left:4px solid {};padding:8px 12px;margin:6px 0;'
        'max-width:760px;line-height:1.45">{}</div>'
    ).format(background, edge, content)


def card(body: str | Markup, title: str | Markup = "") -> Markup:
    """A bordered box with an optional bold title."""
    head = Markup('<div style="font-weight:600">{}</div>').format(title) if title else Markup()
    return Markup('<div style="{}">{}{}</div>').format(CARD, head, body)


def muted(text: str | Markup) -> Markup:
    """A line in the quieter text colour."""
    return Markup('<div style="color:{}">{}</div>').format(palette.MUTED_TEXT, text)


def note(text: str | Markup) -> Markup:
    """A short italic note where something will appear later."""
    return Markup('<div style="{};color:{}"><i>{}</i></div>').format(PANEL, palette.MUTED_TEXT, text)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], colours: Sequence[str] | None = None, *,
          label: str = "") -> Markup:
    """A plain table; every cell is escaped (unless it is Markup).

    It sits in a box of its own that scrolls sideways when a screen is narrower than
    the table (WCAG 2.1 lets a data table do that; the page itself never scrolls
    sideways). The box can be reached with the keyboard, to scroll it, and is named
    for a screen reader by `label` (by default, after its columns).
    """
    cell = 'style="text-align:left;padding:2px 14px 2px 0"'
    head = join(Markup(f"<th {cell}>{{}}</th>").format(h) for h in headers)
    body = join(
        Markup("<tr{}>{}</tr>").format(
            Markup(' style="color:{}"').format(colours[i]) if colours and colours[i] else "",
            join(Markup(f"<td {cell}>{{}}</td>").format(c) for c in row),
        )
        for i, row in enumerate(rows)
    )
    name = label or _("Table: {columns}").format(columns=", ".join(str(h) for h in headers if str(h).strip()))
    return Markup(
        '<div class="nextround-table" role="region" aria-label="{}" tabindex="0" '
        'style="overflow-x:auto;max-width:100%"><table><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>'
    ).format(name, head, body)


class Panel:
    """HTML that a notebook shows as is (and the report keeps as is).

    Its text is cleaned as it leaves (`core.printable`): a control character or half
    of a UTF-16 pair from someone's answers would otherwise stop the kernel sending
    the panel at all, and with it the whole report.
    """

    def __init__(self, html: str | Markup) -> None:
        text = clean(str(html), lines=True)  # removes characters only: Markup stays Markup
        self.html = Markup(text) if isinstance(html, Markup) else escape(text)

    def _repr_html_(self) -> str:
        return str(self.html)

    def __repr__(self) -> str:
        return "Panel (shown as HTML in a notebook)"


def panel(body: str | Markup) -> Panel:
    """A dashboard panel around `body`."""
    return Panel(Markup('<div style="{}">{}</div>').format(PANEL, body))


def note_panel(text: str) -> Panel:
    """A short note in place of a panel (nothing to show yet)."""
    return Panel(note(text))


def page(title: str, body: str | Markup) -> str:
    """A whole HTML page around `body`: one file that opens offline, with no scripts.

    Its `lang` is the locale in force, so a screen reader reads it in that language.
    """

    return str(Markup(
        '<!DOCTYPE html>\n<html lang="{}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title></head>'
        '<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:{};margin:24px auto;'
        'max-width:800px;padding:0 16px">{}</body></html>\n'
    ).format(current(), title, palette.TEXT, body))
