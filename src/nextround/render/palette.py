"""The colours of every page and chart, named once.

Text colours are dark enough to read on white; the `*_FILL` tones are for chart
bars and lines, where a lighter shade reads better.
"""

from __future__ import annotations

GREEN = "#2f855a"
AMBER = "#b7791f"
AMBER_FILL = "#d69e2e"
RED = "#c53030"
BLUE = "#2b6cb0"
GREY = "#8a8f98"
GREY_FILL = "#a0aec0"
PALE_FILL = "#edf2f7"
MUTED_TEXT = "#4a5568"
HINT_TEXT = "#718096"
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
