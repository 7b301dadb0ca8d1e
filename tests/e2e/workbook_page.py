"""The workbook as a person meets it in the browser, in JupyterLab or in `nextround app`.

Tests find the forms by the stable CSS classes the forms give their widgets
(`.nextround-feedback-text` is `FeedbackForm.text`), and wait for what a person
would wait for: the kernel to be idle, every cell to have run, a form to say
"Saved". No fixed sleeps: every wait is for a condition, with a generous timeout,
because other test runs share the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The notebook panel JupyterLab shows, through the app it exposes for tests.
_PANEL = "window.jupyterapp && window.jupyterapp.shell.currentWidget"
_KERNEL = f"({_PANEL} && {_PANEL}.sessionContext && {_PANEL}.sessionContext.session && " \
          f"{_PANEL}.sessionContext.session.kernel)"
_KERNEL_IDLE = f"() => {{ const k = {_KERNEL}; return !!k && k.status === 'idle'; }}"
# Every code cell has an execution count (hidden cells show no prompt, so ask the
# model), no cell is queued, and the kernel is idle again.
_ALL_RAN = f"""() => {{
    const panel = {_PANEL};
    if (!panel || !panel.content || !panel.content.model) return false;
    const cells = panel.content.model.cells;
    for (let i = 0; i < cells.length; i++) {{
        const cell = cells.get(i);
        if (cell.type === 'code' && !cell.executionCount) return false;
    }}
    const k = {_KERNEL};
    return !!k && k.status === 'idle';
}}"""
# Outputs a person should never see: tracebacks and anything written to stderr.
_PROBLEM_OUTPUTS = f"""() => {{
    const cells = {_PANEL}.content.model.cells;
    const found = [];
    for (let i = 0; i < cells.length; i++) {{
        const cell = cells.get(i);
        if (cell.type !== 'code') continue;
        for (const out of cell.outputs.toJSON()) {{
            if (out.output_type === 'error') found.push(out.ename);
            if (out.output_type === 'stream' && out.name === 'stderr') found.push('stderr');
        }}
    }}
    return found;
}}"""


def expect(locator: Any) -> Any:
    """Playwright's retrying assertions (imported here, so a machine without
    Playwright can still collect these tests and skip them)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


# Every form's Save button: when they are all on the page, the workbook has rendered.
FORMS = ("checkin", "feedback", "reply", "cv", "review", "company")


class WorkbookPage:
    """One browser tab showing a workbook."""

    TIMEOUT_MS = 180_000  # two shared cores: starting a kernel can take a while
    STEP_TIMEOUT_MS = 60_000  # a click's effect, a form's reply: slow machines, never this slow

    def __init__(self, page: Any) -> None:
        self.page = page
        # Reloading a notebook with unsaved outputs asks "leave this page?": yes.
        page.on("dialog", lambda dialog: dialog.accept())

    # --- opening ---------------------------------------------------------------------

    @classmethod
    def in_lab(cls, context: Any, lab_url: str, workbook: Path) -> WorkbookPage:
        """Open the workbook in JupyterLab, in a new tab, and wait for its kernel."""
        tab = cls(context.new_page())
        tab.page.goto(f"{lab_url}/lab/tree/{workbook.name}")
        tab.wait_for_kernel()
        return tab

    @classmethod
    def in_app(cls, context: Any, url: str) -> WorkbookPage:
        """Open the workbook served by `nextround app`, and wait for every form."""
        tab = cls(context.new_page())
        tab.page.goto(url)
        tab.wait_for_forms()
        return tab

    def wait_for_kernel(self) -> None:
        """Wait until JupyterLab shows the notebook and its kernel is idle."""
        self.page.wait_for_function(_KERNEL_IDLE, timeout=self.TIMEOUT_MS)

    def run_all(self, *, forms: bool = True) -> None:
        """Run › Run All Cells, then wait until every cell has run (and the forms are there)."""
        self.wait_for_kernel()
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        self.wait_until_all_ran(forms=forms)

    def wait_for_document(self, name: str) -> None:
        """Wait until JupyterLab shows the notebook called `name` in front (its kernel may still be starting)."""
        self.page.wait_for_function(
            f"name => {{ const p = {_PANEL}; return !!p && !!p.context && p.context.path.split('/').pop() === name; }}",
            arg=name, timeout=self.TIMEOUT_MS)

    def run_handout(self) -> None:
        """Run the class handout (Run › Run All Cells) and wait until every cell has run."""
        self.wait_for_kernel()
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        self.page.wait_for_function(_ALL_RAN, timeout=self.TIMEOUT_MS)

    def restart_and_run_all(self) -> None:
        """Kernel › Restart Kernel and Run All Cells, confirming the dialog as a person would."""
        self.wait_for_kernel()
        # Not awaited in the page: the command waits for the dialog this method answers.
        self.page.evaluate("() => { window.jupyterapp.commands.execute('notebook:restart-run-all'); }")
        self.page.locator(".jp-Dialog .jp-mod-accept").click()
        self.wait_until_all_ran()

    def reload(self) -> None:
        """Reload the page (in Lab: the notebook as saved, its kernel still running)."""
        self.page.reload()

    def wait_until_all_ran(self, *, forms: bool = True) -> None:
        """Wait for every code cell to have run (and, for a workbook, every form to be on the page)."""
        self.page.wait_for_function(_ALL_RAN, timeout=self.TIMEOUT_MS)
        if forms:
            self.wait_for_forms()

    def wait_for_forms(self) -> None:
        """Wait until every form's Save button and the summary are visible."""
        for form in FORMS:
            self.part(f"{form}-save-button").wait_for(state="visible", timeout=self.TIMEOUT_MS)
        # The summary comes last; found by its hook, so this waits in any language.
        self.part("summary").get_by_text("5").first.wait_for(state="visible", timeout=self.TIMEOUT_MS)

    def problem_outputs(self) -> list[str]:
        """In JupyterLab: the errors and stderr output the cells produced (none, we hope)."""
        return self.page.evaluate(_PROBLEM_OUTPUTS)

    def scroll_to_top(self) -> None:
        """Select the first cell and show the top of the workbook, as when it was opened."""
        self.page.evaluate("() => { window.jupyterapp.shell.currentWidget.content.activeCellIndex = 0; }")
        self.page.locator("h1").first.evaluate("element => element.scrollIntoView({block: 'start'})")

    def hide_side_panels(self) -> None:
        """Close JupyterLab's file browser, so a screenshot shows the workbook."""
        self.page.evaluate("() => { window.jupyterapp.shell.collapseLeft(); window.jupyterapp.shell.collapseRight(); }")

    # --- finding and filling ---------------------------------------------------------

    def part(self, name: str, within: Any = None) -> Any:
        """The widget with the class `nextround-<name>` (inside `within` if given)."""
        return (within or self.page).locator(f".nextround-{name}").first

    def person(self, name: str) -> Any:
        """Show a person's tab in "Stay in touch" and return their panel."""
        self.page.locator(".nextround-contacts-tabs .lm-TabBar-tab", has_text=name).click()
        panel = self.part("person-" + "-".join(name.lower().split()))
        panel.wait_for(state="visible")
        return panel

    def fill(self, name: str, text: str, within: Any = None) -> None:
        """Type into a text box or text area (replacing what is there)."""
        self.part(name, within).locator("input, textarea").first.fill(text)

    def fill_number(self, name: str, number: int, within: Any = None) -> None:
        """Type a number and press Enter, as number boxes only send their value then."""
        box = self.part(name, within).locator("input").first
        box.fill(str(number))
        box.press("Enter")

    def pick_date(self, name: str, iso_date: str, within: Any = None) -> None:
        """Choose a date in a date picker."""
        self.part(name, within).locator("input[type=date]").fill(iso_date)

    def select(self, name: str, label: str, within: Any = None) -> None:
        """Choose an option of a drop-down by its label."""
        self.part(name, within).locator("select").select_option(label=label)

    def choose(self, name: str, label: str, within: Any = None) -> None:
        """Click the option labelled `label` of a row of toggle buttons."""
        self.part(name, within).get_by_role("button", name=label, exact=True).click()

    def press_toggle(self, name: str, within: Any = None) -> None:
        """Press a single toggle button (a named feeling, say)."""
        self.part(name, within).click()

    def set_slider(self, name: str, value: int, within: Any = None) -> None:
        """Set a slider by typing into its number, as a person can."""
        readout = self.part(name, within).locator(".widget-readout")
        readout.click()
        readout.press("ControlOrMeta+a")
        readout.press_sequentially(str(value))
        readout.press("Enter")

    def save(self, form: str, within: Any = None, *, button: str = "save-button") -> None:
        """Click the form's Save (or another of its buttons that saves) and wait until it says so.

        The form says "Saved at HH:MM"; two saves in one minute read the same, so a
        form is saved once per tab here, and a second save would not be waited for.
        """
        status = self.part(f"{form}-status", within)
        assert "Saved at" not in status.inner_text(), "this helper waits for a form's first save"
        self.part(f"{form}-{button}", within).click()
        status.get_by_text("Saved at").wait_for(state="visible")

    # --- reading back ---------------------------------------------------------------
    # Widgets fill themselves in just after they appear, so every check waits (with
    # Playwright's retrying `expect`) until the page shows the value, or times out.

    def shows_value(self, name: str, value: str, within: Any = None) -> None:
        """A text box, text area, number box, drop-down or date picker shows `value`."""
        expect(self.part(name, within).locator("input, textarea, select").first).to_have_value(value)

    def shows_chosen(self, name: str, label: str | None, within: Any = None) -> None:
        """A row of toggle buttons has `label` pressed (None: nothing pressed)."""
        pressed = self.part(name, within).locator("button.mod-active")
        if label is None:
            expect(pressed).to_have_count(0)
        else:
            expect(pressed).to_have_text(label)

    def shows_checked(self, name: str, checked: bool, within: Any = None) -> None:
        """A checkbox is ticked, or not."""
        box = self.part(name, within).locator("input[type=checkbox]")
        if checked:
            expect(box).to_be_checked()
        else:
            expect(box).not_to_be_checked()

    def shows_text(self, name: str, *texts: str, within: Any = None) -> None:
        """A read-only part (a history, a verdict, a banner) shows every one of `texts`."""
        for text in texts:
            expect(self.part(name, within)).to_contain_text(text)

    # --- pictures --------------------------------------------------------------------

    def screenshot(self, path: Path, top: Any, bottom: Any | None = None, *, margin: int = 12) -> Path:
        """A picture from `top` to `bottom` (two locators), as it looks on the screen now."""
        # To the top of the view, then back a little so nothing above (a toolbar) is cut in.
        # Returns where the scrolling area ends on screen: below it is a status bar.
        area_bottom = top.evaluate("""(element, gap) => {
            element.scrollIntoView({block: 'start'});
            let area = element.parentElement;
            while (area && area.scrollHeight <= area.clientHeight) area = area.parentElement;
            if (!area || area === document.documentElement) return window.innerHeight;
            area.scrollTop -= gap;
            return area.getBoundingClientRect().bottom;
        }""", 3 * margin)
        first = top.bounding_box()
        last = (bottom or top).bounding_box()
        viewport = self.page.viewport_size
        y = max(0, first["y"] - margin)
        x = max(0, min(first["x"], last["x"]) - 4)  # close on the left: no prompt numbers
        right = min(viewport["width"], max(first["x"] + first["width"], last["x"] + last["width"]) + margin)
        height = min(area_bottom - y, last["y"] + last["height"] + margin - y)
        self.page.screenshot(path=str(path), clip={"x": x, "y": y, "width": right - x, "height": height})
        return path
