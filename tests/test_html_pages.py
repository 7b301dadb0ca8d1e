"""The HTML pieces every page is made of, as a screen reader and a keyboard meet them."""

from __future__ import annotations

import re

from nextround.core.i18n import using
from nextround.render.html import page, table


def test_a_page_says_which_language_it_is_in() -> None:
    assert '<html lang="en-GB">' in page("Your question bank", "")
    with using("de"):
        assert '<html lang="de">' in page("Ihre Fragen", "")  # read out in German, not with English sounds


def test_a_table_sits_in_a_box_the_keyboard_can_reach_and_a_screen_reader_names() -> None:
    shown = table(["Theme", "Students"], [["Experience and background", 5]])
    [box] = re.findall(r"<div [^>]*>", shown)
    # On a phone a wide table scrolls inside this box, so the keyboard must be able to reach it.
    assert 'role="region"' in box and 'tabindex="0"' in box and "overflow-x:auto" in box
    assert 'aria-label="Table: Theme, Students"' in box
    assert 'aria-label="CVs on file"' in table(["Company"], [], label="CVs on file")


def test_the_report_page_says_its_language_too() -> None:
    import nbformat

    from nextround.journal.report import to_html

    with using("de"):
        assert '<html lang="de">' in to_html(nbformat.v4.new_notebook())  # nbconvert takes the language alone
