"""The colours of every page and chart, named once.

Text colours meet WCAG 2.1 AA: a contrast of at least 4.5:1 on white and on every
background here (cards, notices, pale fills). The `*_FILL` tones are for chart bars
and lines, where a lighter shade reads better; they still stand out from white at
3:1 or more, as WCAG asks of the parts of a picture that carry meaning. Never use
a `*_FILL` for text. tests/test_palette.py holds them to this.
"""

from __future__ import annotations

GREEN = "#2f7a52"
AMBER = "#975a16"
AMBER_FILL = "#b7791f"
RED = "#c53030"
BLUE = "#2b6cb0"
GREY = "#636b77"
GREY_FILL = "#8a8f98"
PALE_FILL = "#edf2f7"
MUTED_TEXT = "#4a5568"
HINT_TEXT = "#616a78"
TEXT = "#1a202c"
BORDER = "#d9dde3"
LIGHT_BORDER = "#e2e8f0"
CARD_BACKGROUND = "#fafbfc"

#: A step's state (`core.progress.STATES`) -> the colour of its mark and words.
STEP_STATE = {"todo": GREY, "started": AMBER, "done": GREEN}
#: The same states as chart fills.
STEP_STATE_FILL = {"todo": GREY_FILL, "started": AMBER_FILL, "done": GREEN}
#: A notice's kind -> (background, edge).
BANNER = {
    "info": ("#ebf4ff", BLUE),
    "warn": ("#fffaf0", AMBER),
    "error": ("#fff5f5", RED),
    "ok": ("#f0fff4", GREEN),
}
#: A status line's kind -> its text colour.
STATUS = {"ok": GREEN, "warn": AMBER, "error": RED}
#: How soon something is due (`core.progress.urgency`) -> its colour ("" is the page's own).
URGENCY = {"overdue": RED, "today": AMBER, "this_week": MUTED_TEXT, "later": MUTED_TEXT, "waiting": MUTED_TEXT,
           "done": GREY}
