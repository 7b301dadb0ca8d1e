"""Charts as embedded pictures: matplotlib figures saved as PNG inside an <img>.

A page with its pictures inside needs no other file, so a report opens offline and
a notebook's outputs stand alone. Nothing here needs a display.
"""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from nextround.core.i18n import _
from nextround.render.html import PANEL, Panel, muted

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def literal(text: str) -> str:
    """Text drawn into a chart as it was written (matplotlib reads `$...$` as maths)."""
    return str(text).replace("$", r"\$")


def new_figure(width: float, height: float) -> Figure:
    """A matplotlib figure sized in inches, for embedding (no display needed)."""
    import matplotlib

    matplotlib.use("Agg")  # pictures are embedded, so no display is needed
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    fig.set_layout_engine("constrained")
    return fig


def tidy_axes(ax: Any) -> None:
    """Axes without the top and right frame: less ink, easier to read."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def integer_axis(axis: Any) -> None:
    """Whole numbers only along `axis` (counts of things), spaced as matplotlib would."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))


def dates_axis(ax: Any) -> None:
    """Dates along the x axis, a few at most, as the reader writes them ("21 Nov", "Nov 21", "21. Nov.").

    Day and month while the dates span less than a year; month and year beyond that.
    Babel writes them in the language in force (matplotlib's own names are English).
    """
    import matplotlib.dates as mdates
    from babel.dates import format_skeleton
    from matplotlib.ticker import FuncFormatter

    from nextround.core.i18n import babel_locale

    locale = babel_locale()
    locator = mdates.AutoDateLocator(maxticks=8)

    def label(value: float, position: int | None = None) -> str:
        low, high = ax.get_xlim()
        skeleton = "MMMd" if abs(high - low) < 330 else "yMMM"  # axis limits are in days
        return str(format_skeleton(skeleton, mdates.num2date(value), locale=locale))

    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(label))


def dates_span(ax: Any, days: Any) -> None:
    """Keep a few days either side when the dates span less than a week: one check-in
    would otherwise sit on an axis matplotlib stretches over years."""
    from datetime import timedelta

    days = list(days)
    if days and max(days) - min(days) < timedelta(days=7):
        ax.set_xlim(min(days) - timedelta(days=3), max(days) + timedelta(days=3))


def png_img(fig: Figure, alt: str) -> Markup:
    """A figure as an <img> with the PNG inside it, so the page needs no other file."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return Markup('<img alt="{}" src="data:image/png;base64,{}" style="max-width:100%">').format(alt, data)


def picture(fig: Figure, alt: str, caption: str = "", figures: Markup | None = None) -> Panel:
    """A figure as a panel: an embedded PNG with its alt text and an optional caption.

    `alt` says what the chart shows, from its figures (see `render.alt`), not what it
    is. `figures`, a table of the numbers drawn, follows under "The figures" (a
    <details> a person opens), for anyone who would rather read them than the picture.
    """
    below = muted(caption) if caption else ""
    table = Markup('<details style="margin:4px 0"><summary>{}</summary>{}</details>').format(
        _("The figures"), figures) if figures else ""
    return Panel(Markup('<div style="{}">{}{}{}</div>').format(PANEL, png_img(fig, alt), below, table))
