"""The one palette: every text colour readable on every background, every chart fill visible on white.

WCAG 2.1 AA: text needs a contrast of 4.5:1 with what is behind it (1.4.3), and the
parts of a picture that carry meaning 3:1 (1.4.11). The ratio is WCAG's own formula.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import known_folder as kf
from nextround.core.answers import with_defaults
from nextround.journal import dashboard
from nextround.notebook import views
from nextround.notebook.home import Home
from nextround.render import palette

WHITE = "#ffffff"
BACKGROUNDS = {"white": WHITE, "card": palette.CARD_BACKGROUND, "pale fill": palette.PALE_FILL,
               **{f"{kind} notice": background for kind, (background, _) in palette.BANNER.items()}}
TEXT = {
    **{name: getattr(palette, name) for name in ("TEXT", "MUTED_TEXT", "HINT_TEXT", "GREEN", "AMBER", "RED", "BLUE",
                                                 "GREY")},
    **{f"STATUS[{k}]": v for k, v in palette.STATUS.items()},
    **{f"STEP_STATE[{k}]": v for k, v in palette.STEP_STATE.items()},
    **{f"URGENCY[{k}]": v for k, v in palette.URGENCY.items()},
}
FILLS = {"AMBER_FILL": palette.AMBER_FILL, "GREY_FILL": palette.GREY_FILL,
         **{f"STEP_STATE_FILL[{k}]": v for k, v in palette.STEP_STATE_FILL.items()}}


def luminance(colour: str) -> float:
    """WCAG's relative luminance of a #rrggbb colour."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_gives_wcags_own_figures() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#777777", WHITE) == pytest.approx(4.48, abs=0.01)  # the grey that just fails AA
    assert contrast(WHITE, WHITE) == 1


@pytest.mark.parametrize("name", sorted(TEXT))
def test_every_text_colour_reads_at_4_5_to_1_on_every_background(name: str) -> None:
    low = {where: round(contrast(TEXT[name], behind), 2) for where, behind in BACKGROUNDS.items()
           if contrast(TEXT[name], behind) < 4.5}
    assert not low, f"{name} {TEXT[name]} is below 4.5:1 on {low}"


@pytest.mark.parametrize("name", sorted(FILLS))
def test_every_chart_fill_stands_out_from_white_at_3_to_1(name: str) -> None:
    assert contrast(FILLS[name], WHITE) >= 3, f"{name} {FILLS[name]}: {contrast(FILLS[name], WHITE):.2f}:1"


def test_every_colour_the_pages_write_text_in_reads_at_4_5_to_1(tmp_path: Path) -> None:
    folder = kf.make(tmp_path / "workbooks")
    shown = []
    # As of the known day, and once Acme's CV has lapsed (22 December) and every date is past.
    for today in (kf.TODAY, date(2027, 1, 10)):
        journal = dashboard.read(folder, today)
        shown += [panel.html for panel in (dashboard.overview(journal), dashboard.cvs_on_file(journal),
                                           dashboard.contacts_due(journal), dashboard.coming_up(journal),
                                           dashboard.practice(journal))]
    doc = with_defaults(json.loads((folder / f"{kf.ACME}.answers.json").read_text(encoding="utf-8")))
    shown += [views.summary(doc), views.checkin_history(doc["checkins"]), Home(folder).workbooks_html()]
    # `color:` itself, not `background-color` or `border-color`.
    colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", "".join(str(html) for html in shown)))
    assert palette.MUTED_TEXT in colours and palette.HINT_TEXT in colours  # the test sees the pages' colours
    low = {colour: round(contrast(colour, WHITE), 2) for colour in colours if contrast(colour, WHITE) < 4.5}
    assert not low, f"text below 4.5:1 on white: {low}"
