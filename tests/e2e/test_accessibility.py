"""WCAG 2.1 AA in a real browser: every page a person uses, checked with axe-core.

The static pages (the journey report, the question bank, the class report and a
student's feedback page) are made by the CLI into a temporary folder, as a person
makes them, and opened from there; the app and JupyterLab run as in the other
browser tests. Each page is checked as a person meets it: axe-core's WCAG 2.0/2.1
A and AA rules find nothing; a phone's width and 200% zoom need no sideways
scrolling; and in the app, the keyboard alone fills in and saves a form.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import known_folder as kf
from conftest import run_cli
from nextround.api import open_answers
from nextround.classroom import collect
from nextround.classroom import generate as classroom

from . import axe, flow, servers
from .workbook_page import WorkbookPage, expect

# A phone (an iPhone 12 to 15 is 390 CSS pixels wide), and a laptop at 200% zoom,
# which lays a page out as a window half as wide: 640 CSS pixels.
PHONE = {"width": 390, "height": 844}
ZOOMED = {"width": 640, "height": 450}
CLASS = [(f"s{n:03d}", f"Student {n}") for n in range(1, 9)]


# --- the static pages, made by the CLI ---------------------------------------------------


def _class_course(folder: Path) -> Path:
    """A class of eight, each handing in a workbook and sharing what the report counts."""
    roster = folder / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name"])
        writer.writerows(CLASS)
    course = folder / "course"
    assert not classroom.generate(roster, course, seed=5, assignment_id="after-the-no").failed
    for n, (sid, _) in enumerate(CLASS, 1):
        answers = open_answers(next((course / "release" / sid).glob("*.ipynb")))
        answers.add_checkin(3 + n % 6, ready=n % 2 == 0)
        answers.update("feedback", requested_on="2026-10-01", text="Another candidate had more experience.",
                       themes=["experience"] if n <= 5 else ["skills"])
        answers.update("reply", sent_on="2026-10-02")
        answers.score("preparation", 2 + n % 3)
        answers.score("rapport", 3 + n % 2)
        doc = answers.data
        answers.store.update(lambda d, s={**doc["sharing"], "feedback": True, "checkins": True}:
                             d.__setitem__("sharing", s))
    collect.collect([course / "release" / sid for sid, _ in CLASS], [sid for sid, _ in CLASS], "after-the-no", course)
    return course


def _made(result: Any) -> None:
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every static page a person reads, made by the CLI: {name: the HTML file}."""
    out = tmp_path_factory.mktemp("pages")
    folder = kf.make(out / "workbooks")
    made = {"report": out / "report.html", "questions": out / "questions.html",
            "class report": out / "class.html"}
    _made(run_cli("report", "--dir", str(folder), "-o", str(made["report"])))
    _made(run_cli("questions", "--dir", str(folder), "-o", str(made["questions"])))
    course = _class_course(out)
    _made(run_cli("class", "report", "--dir", str(course), "-o", str(made["class report"])))
    _made(run_cli("class", "feedback", "--dir", str(course), "-o", str(out / "feedback")))
    made["feedback page"] = out / "feedback" / f"{CLASS[0][0]}.html"
    return made


STATIC = ("report", "questions", "class report", "feedback page")


@pytest.fixture
def tab(context: Any) -> Iterator[Any]:
    page = context.new_page()
    yield page
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize("name", STATIC)
def test_each_static_page_passes_axe(tab: Any, pages: dict[str, Path], name: str) -> None:
    tab.goto(pages[name].as_uri())
    axe.assert_none(tab, name)


@pytest.mark.slow
@pytest.mark.parametrize("name", STATIC)
@pytest.mark.parametrize("viewport", [PHONE, ZOOMED], ids=["phone", "zoom-200"])
def test_each_static_page_fits_a_phone_and_200_percent_zoom(
    tab: Any, pages: dict[str, Path], name: str, viewport: dict[str, int]
) -> None:
    tab.set_viewport_size(viewport)
    tab.goto(pages[name].as_uri())
    assert_fits(tab, name)


# --- what fits the screen ---------------------------------------------------------------

# What does not fit: an element that sticks out past the window's right edge, a box
# that scrolls sideways, or an element cut off by a box that hides what overflows it.
# Text a screen reader alone reads (a label given no width) is left out: it shows nothing.
# A data table may scroll sideways in a box of its own (WCAG 1.4.10 allows it), if the
# keyboard can reach that box to scroll it and a screen reader can name it.
_OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).filter(c => !c.startsWith('lm-')).slice(0, 3).join('.') : '');
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
        && !el.closest('.nextround-label-hidden > .widget-label');
    const tableBox = el => el.matches('.nextround-table') && el.tabIndex === 0 && el.getAttribute('role') === 'region'
        && !!el.getAttribute('aria-label');
    const found = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (!shown(el) || tableBox(el) || (el.parentElement && el.parentElement.closest('.nextround-table'))) continue;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
            found.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
        if (!box.width) continue;
        if (box.right > width + 1) {
            found.push(`${name(el)} sticks out (right edge ${Math.round(box.right)} > ${width})`);
            continue;
        }
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX === 'visible') continue;
            const edge = p.getBoundingClientRect().right;
            if (box.right > edge + 1) found.push(`${name(el)} cut off by ${name(p)} (${Math.round(box.right)} > ${Math.round(edge)})`);
            break;
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, found};
}"""


def assert_fits(page: Any, where: str) -> None:
    """The page does not scroll sideways, and nothing sticks out of the window or is cut off."""
    seen = page.evaluate(_OVERFLOWING)
    assert seen["scrollWidth"] <= seen["clientWidth"] and not seen["found"], (
        f"{where} does not fit a {seen['clientWidth']}-pixel window (the page scrolls to {seen['scrollWidth']}); "
        f"{len(seen['found'])} elements: " + "; ".join(seen["found"][:8]))


# --- the app: the workbook as a form-only page ------------------------------------------


@pytest.fixture
def app(workbook: Path, tmp_path: Path) -> Iterator[servers.Server]:
    """`nextround app` serving the workbook; stopped, kernels and all, afterwards."""
    server = servers.start_app(workbook, tmp_path / "app-home")
    yield server
    servers.stop(server)


def use_some_forms(tab: WorkbookPage) -> None:
    """Leave the forms in the states a person sees most: flagged, unsaved, saved."""
    tab.fill("reply-draft", flow.BITTER_REPLY)
    tab.part("reply-tone").get_by_text("may read badly").wait_for()
    tab.part("reply-status").get_by_text("Unsaved changes").wait_for()
    tab.fill("feedback-text", flow.VAGUE_FEEDBACK)
    tab.part("feedback-verdict").get_by_text("This feedback is vague").wait_for()
    tab.choose("checkin-ready", "Not yet")
    tab.save("checkin")
    tab.part("checkin-history").get_by_text("mood 5/10").wait_for()


@pytest.mark.slow
def test_the_app_passes_axe_as_it_opens_and_once_it_is_used(context: Any, app: servers.Server) -> None:
    tab = WorkbookPage.in_app(context, app.url)
    axe.assert_none(tab.page, "the app, as it opens")
    use_some_forms(tab)
    axe.assert_none(tab.page, "the app, with a draft flagged, a form unsaved and a check-in saved")


@pytest.mark.slow
def test_every_field_in_the_app_says_what_it_is_and_saves_are_announced(context: Any, app: servers.Server) -> None:
    tab = WorkbookPage.in_app(context, app.url)
    page = tab.page
    expect(page.get_by_role("slider", name="Mood, 1 low to 10 good")).to_have_count(1)
    expect(page.get_by_role("textbox", name="What they said", exact=True)).to_have_count(1)
    # Toggle buttons come in named groups, and each says whether it is pressed.
    ready = page.get_by_role("group", name="Ready to act?")
    expect(ready.get_by_role("button", name="Not yet", pressed=False)).to_have_count(1)
    feelings = page.get_by_role("group", name="How do you feel?")
    expect(feelings.get_by_role("button", pressed=False)).to_have_count(11)
    expect(page.get_by_role("group", name="Preparation")).to_have_count(1)
    expect(page.get_by_role("group", name="Where it stands")).to_have_count(1)
    # Fields whose label is a column heading on screen still have a name of their own.
    expect(page.get_by_role("textbox", name="Note: Preparation and research into the company")).to_have_count(1)
    expect(page.get_by_role("textbox", name="LinkedIn company page: followed since")).to_have_count(1)

    # The status line is a live region, there before the save, so a screen reader reads
    # what lands in it: why a save could not be made, then "Saved at".
    status = tab.part("checkin").get_by_role("status")
    expect(status).to_have_count(1)
    tab.part("checkin-save-button").click()
    expect(status).to_contain_text("Choose whether you feel ready to act")
    ready.get_by_role("button", name="Not yet").click()
    expect(ready.get_by_role("button", name="Not yet", pressed=True)).to_have_count(1)
    tab.part("checkin-save-button").click()
    expect(status).to_contain_text("Saved at")


# The elements a person can reach with Tab (in the page's order), each numbered by it.
_REACHABLE = """() => {
    const selector = 'input, textarea, select, button, a[href], [tabindex], [contenteditable="true"]';
    const reachable = [...document.querySelectorAll(selector)].filter(el =>
        el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[inert], [aria-hidden="true"]'));
    reachable.forEach((el, i) => { el.dataset.keyboardOrder = String(i); });
    return reachable.length;
}"""
# Where the focus is, and whether a person can see it there.
_FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {order: null, visible: false, what: 'body'};
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const what = el.tagName.toLowerCase() + (el.type ? `[type=${el.type}]` : '')
        + (el.className && typeof el.className === 'string'
           ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '')
        + ` in .${el.parentElement.className.trim().split(/\\s+/).pop()}`;
    return {order: el.dataset.keyboardOrder === undefined ? null : Number(el.dataset.keyboardOrder),
            visible: outline || shadow, what};
}"""


def tab_until(page: Any, selector: str, *, back: bool = False, most: int = 400) -> None:
    """Press Tab (Shift+Tab with `back`) until the focus is on `selector`."""
    for _ in range(most):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.slow
def test_the_keyboard_alone_reaches_everything_in_order_and_saves_feedback(
    context: Any, app: servers.Server, workbook: Path
) -> None:
    tab = WorkbookPage.in_app(context, app.url)
    page = tab.page
    reachable = page.evaluate(_REACHABLE)
    assert reachable > 60  # every field and button of every form

    # Tab from the top: every field and button in turn, in reading order, each showing
    # where the focus is; past the last one the focus leaves the page (nothing traps it).
    page.locator("body").focus()
    seen, unseen_focus = [], []
    for _ in range(4 * reachable):  # a date takes three presses: day, month, year
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused["order"] is None:
            continue
        if seen and focused["order"] == seen[-1]:
            continue  # within one field: a date's day, month, year and calendar button, the browser's own
        if not focused["visible"]:
            unseen_focus.append(focused["what"])
        if seen and focused["order"] < seen[-1]:
            break  # round again: the walk is over
        seen.append(focused["order"])
    assert seen == list(range(reachable)), f"Tab skipped or reordered: {sorted(set(range(reachable)) - set(seen))[:10]}"
    assert not unseen_focus, f"focus not visible on: {sorted(set(unseen_focus))}"

    # Check in: the mood down two with the arrow keys, "Not yet" with Space, saved with Space.
    page.locator("body").focus()
    tab_until(page, ".nextround-checkin-mood .noUi-handle")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    tab_until(page, ".nextround-checkin-ready button[data-value='Not%20yet']")
    page.keyboard.press("Space")
    tab_until(page, ".nextround-checkin-save-button")
    page.keyboard.press("Space")
    tab.part("checkin-status").get_by_text("Saved at").wait_for()

    # The feedback, typed, then Shift+Tab back over nothing lost, and saved with Enter.
    tab_until(page, ".nextround-feedback-text textarea")
    page.keyboard.type(flow.VAGUE_FEEDBACK)
    tab_until(page, ".nextround-feedback-save-button")
    tab_until(page, ".nextround-feedback-text textarea", back=True)
    tab_until(page, ".nextround-feedback-save-button")
    page.keyboard.press("Enter")
    tab.part("feedback-status").get_by_text("Saved at").wait_for()

    doc = flow.read_answers(workbook)
    assert doc["feedback"]["text"] == flow.VAGUE_FEEDBACK
    assert [(c["mood"], c["ready"]) for c in doc["checkins"]] == [(3, False)]


@pytest.mark.slow
@pytest.mark.parametrize("viewport", [PHONE, ZOOMED], ids=["phone", "zoom-200"])
def test_the_app_fits_a_phone_and_200_percent_zoom(context: Any, app: servers.Server, viewport: dict[str, int]) -> None:
    tab = WorkbookPage.in_app(context, app.url)
    tab.page.set_viewport_size(viewport)
    use_some_forms(tab)
    for name in ("Priya Shah", "Tom Reid"):
        tab.person(name)  # each person's panel shown in turn
        assert_fits(tab.page, f"the app ({name}'s tab)")


# --- JupyterLab: what our cells show, not Lab's own chrome ------------------------------

OUTPUTS = ".jp-OutputArea-output"


@pytest.mark.slow
def test_the_workbooks_outputs_in_jupyterlab_pass_axe_and_say_what_they_are(
    context: Any, lab: servers.Server, workbook: Path
) -> None:
    tab = WorkbookPage.in_lab(context, lab.url, workbook)
    tab.run_all()
    axe.assert_none(tab.page, "the workbook's outputs in JupyterLab", OUTPUTS)
    expect(tab.page.get_by_role("slider", name="Mood, 1 low to 10 good")).to_have_count(1)
    expect(tab.page.get_by_role("group", name="Ready to act?")).to_have_count(1)
    use_some_forms(tab)
    axe.assert_none(tab.page, "the workbook's outputs in JupyterLab, once used", OUTPUTS)
    expect(tab.part("checkin").get_by_role("status")).to_contain_text("Saved at")


@pytest.mark.slow
def test_the_home_notebook_in_jupyterlab_passes_axe(context: Any, workbook: Path, tmp_path: Path) -> None:
    folder = workbook.parent
    _made(run_cli("init", "--dir", str(folder)))
    server = servers.start_lab(folder, tmp_path / "lab-home")
    try:
        tab = WorkbookPage(context.new_page())
        tab.page.goto(f"{server.url}/lab/tree/home.ipynb")
        tab.run_all(forms=False)
        tab.page.locator(".nextround-home-new").first.wait_for()
        axe.assert_none(tab.page, "the home notebook's outputs in JupyterLab", OUTPUTS)
        expect(tab.page.get_by_role("textbox", name="Company")).to_have_count(1)
    finally:
        servers.stop(server)
