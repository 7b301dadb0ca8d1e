"""What a screen reader and a keyboard need from our widgets, in JupyterLab and Voilà alike.

ipywidgets 8 ties a text box's, drop-down's or date picker's `description` to it
with a `<label for>`, so those are named by their label. It leaves out the rest: a
slider's handle has no name, a row of toggle buttons is not a group and does not
say which is pressed, and a status line changes without a word to a screen reader.

So a widget asks for what it needs with a CSS class (`group`, `slider`, `live`), and
`aria.js`, shown once on the page by `enable()` (a script in a cell's output, run by
JupyterLab and Voilà alike), adds the ARIA attributes in the browser as the widgets
are drawn, with a visible focus ring and a narrow-screen layout. A field whose label
on screen is a column heading gets a label of its own that only a screen reader
reads (`hidden_label`): ipywidgets' own, given no width, so no script is needed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

W = TypeVar("W")

SCRIPT = Path(__file__).with_name("aria.js")


def group(widget: W) -> W:
    """Announce `widget` (toggle buttons, or a box of them) as a group named by its label.

    The label is the widget's own `description`, or the label of the `labelled_row` it is in.
    """
    widget.add_class("nextround-aria-group")  # type: ignore[attr-defined]
    return widget


def slider(widget: W) -> W:
    """Name a slider's handle, and the number typed beside it, by the slider's `description`."""
    widget.add_class("nextround-aria-slider")  # type: ignore[attr-defined]
    return widget


def live(widget: W) -> W:
    """Make an HTML widget a polite live region: what appears in it is read out."""
    widget.add_class("nextround-aria-live")  # type: ignore[attr-defined]
    return widget


def hidden_label(widget: W, text: str) -> W:
    """Give `widget` a label a screen reader reads but the page does not show.

    For a field whose label on screen is elsewhere (a column heading, the checkbox
    beside it): ipywidgets' own `<label for>`, given no width.
    """
    widget.description = text  # type: ignore[attr-defined]
    widget.style.description_width = "0px"  # type: ignore[attr-defined]
    widget.add_class("nextround-label-hidden")  # type: ignore[attr-defined]
    return widget


@cache
def script() -> str:
    """aria.js, as the page runs it."""
    return SCRIPT.read_text(encoding="utf-8")


def enable() -> None:
    """Put aria.js on the page, from the output of the cell running this (in a kernel only).

    Outside a kernel (a script, a test) there is no page, and nothing is shown.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipywidgets needs IPython
        return
    shell: Any = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    from IPython.display import HTML, display

    display(HTML(f"<script>{script()}</script>"))
