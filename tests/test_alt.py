"""Charts say what they show: alt text made from their figures, and the figures as a table.

A screen reader reads a chart's alt text; "a chart of your mood" tells its listener
nothing a sighted reader gets from the picture. So each chart's alt text states the
data (rising or falling, first and last with their dates, how many), and the figures
drawn follow under "The figures" as a table.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from pathlib import Path

import pytest

import known_folder as kf
from nextround.core.i18n import using
from nextround.journal import dashboard
from nextround.notebook import views
from nextround.render import alt

JUNE_18, JUNE_25 = date(2026, 6, 18), date(2026, 6, 25)


def test_a_rising_mood_says_from_what_to_what_on_which_days_over_how_many() -> None:
    assert alt.trend("Mood", [(JUNE_18, 3), (JUNE_25, 6)]) == (
        "Mood rose from 3 on 18 June to 6 on 25 June, over 2 check-ins.")


def test_a_falling_trend_names_its_low_and_high_when_they_lie_between() -> None:
    points = [(JUNE_18, 6), (date(2026, 6, 20), 2), (date(2026, 6, 22), 8), (JUNE_25, 4)]
    assert alt.trend("Mood", points) == (
        "Mood fell from 6 on 18 June to 4 on 25 June, over 4 check-ins (lowest 2, highest 8).")


def test_a_steady_trend_a_single_point_and_an_empty_one() -> None:
    assert alt.trend("Mood", [(JUNE_18, 5), (JUNE_25, 5)]) == "Mood stayed at 5 from 18 June to 25 June, over 2 check-ins."
    assert alt.trend("Mood", [(JUNE_18, 5), (date(2026, 6, 20), 9), (JUNE_25, 5)]) == (
        "Mood was 5 on 18 June, and again on 25 June, over 3 check-ins (lowest 5, highest 9).")
    assert alt.trend("Mood", [(datetime(2026, 6, 18, 20, 30), 4)]) == "Mood was 4 on 18 June."
    assert alt.trend("Mood", []) == "Mood: nothing recorded yet."


def test_points_are_taken_in_time_order_and_years_are_given_when_they_differ() -> None:
    points = [(date(2026, 1, 9), 7), (date(2025, 12, 30), 2)]
    assert alt.trend("Mood", points) == "Mood rose from 2 on 30 December 2025 to 7 on 9 January 2026, over 2 check-ins."
    assert alt.trend("Rapport", [(JUNE_18, 2.5), (JUNE_25, 4)], alt.interviews) == (
        "Rapport rose from 2.5 on 18 June to 4 on 25 June, over 2 interviews.")


def test_check_ins_with_and_without_a_time_zone_are_ordered_together() -> None:
    # An older or hand-written check-in has no offset; one saved today has one. Both are
    # a person's moments, and the second check-in must not break the curve's text.
    from datetime import timedelta, timezone

    older = datetime(2026, 6, 18, 20, 0)
    newer = datetime(2026, 6, 20, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    assert alt.trend("Mood", [(newer, 6), (older, 3)]) == "Mood rose from 3 on 18 June to 6 on 20 June, over 2 check-ins."


def test_dates_and_decimals_follow_the_locale_in_force() -> None:
    with using("en-US"):
        assert alt.trend("Mood", [(JUNE_18, 3.5), (JUNE_25, 6)]).startswith("Mood rose from 3.5 on June 18 to 6 on June 25")
    with using("de"):
        assert "3,5" in alt.trend("Stimmung", [(JUNE_18, 3.5), (JUNE_25, 6)])
        assert "18. Juni" in alt.trend("Stimmung", [(JUNE_18, 3.5), (JUNE_25, 6)])


def test_a_bar_charts_figures_in_one_sentence() -> None:
    assert alt.listing("Themes", [("Experience", 2), ("Skills", 1)]) == "Themes: Experience, 2; Skills, 1."
    assert alt.listing("Average score", [("Rapport", 3.25), ("Preparation", 4)]) == (
        "Average score: Rapport, 3.2; Preparation, 4.")
    assert alt.listing("Themes", []) == "Themes: none yet."


def _alt_and_figures(panel_html: str) -> tuple[str, list[list[str]]]:
    """A panel's image alt text, and the rows of its "The figures" table, as text."""
    [said] = re.findall(r'<img alt="([^"]*)"', panel_html)
    [figures] = re.findall(r"<details.*?<summary>The figures</summary>(.*?)</details>", panel_html, re.S)
    rows = [[html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", figures, re.S)]
    return html.unescape(said), rows


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> dashboard.Journal:
    return dashboard.read(kf.make(tmp_path_factory.mktemp("workbooks")), kf.TODAY)


def test_the_reports_mood_chart_states_the_trend_and_lists_every_check_in(journal: dashboard.Journal) -> None:
    said, rows = _alt_and_figures(dashboard.mood(journal).html)
    # Acme: 3 on 17 June, 6 on 19 June; Borealis: 5 on 28 June.
    assert said == ("Your mood (1 low, 10 good) rose from 3 on 17 June to 5 on 28 June, over 3 check-ins "
                    "(lowest 3, highest 6).")
    assert rows[0] == ["Check-in", "Mood", "Ready to act"]
    assert [row[1:] for row in rows[1:]] == [["3", "not yet"], ["6", "yes"], ["5", "yes"]]


def test_the_reports_bar_charts_state_their_figures(journal: dashboard.Journal) -> None:
    said, rows = _alt_and_figures(dashboard.weakest(journal).html)
    # Questions asked: 2 and 1; structured answers: 2 and 3; the rest scored once, by Acme.
    assert said.startswith("Your average self-review score (1 to 5), weakest first: Questions I asked, 1.5; "
                           "Structured (STAR) answers, 2.5;")
    assert rows[1] == ["Questions I asked", "1.5", "2"]
    said, rows = _alt_and_figures(dashboard.funnel(journal).html)
    assert said.startswith("Steps done across 3 workbooks: 1. Ask for honest feedback, 1 done, 0 started;")
    assert rows[0] == ["Step", "Done", "Started", "Not started"]
    said, rows = _alt_and_figures(dashboard.themes(journal).html)
    assert said == "Pieces of feedback that mention each theme, most first: Experience and background, 1."
    assert rows == [["Theme", "Pieces of feedback"], ["Experience and background", "1"]]


def test_the_workbooks_mood_curve_says_what_it_shows(tmp_path: Path) -> None:
    checkins = [{"at": "2026-06-18T20:00:00+01:00", "mood": 3}, {"at": "2026-06-25T09:00:00+01:00", "mood": 6}]
    said = html.unescape(re.findall(r'<img alt="([^"]*)"', views.checkin_history(checkins))[0])
    assert said == "Your mood (1 low, 10 good) rose from 3 on 18 June to 6 on 25 June, over 2 check-ins."
