"""The person's language: locale tags, the locale in force, dates as each reader writes them."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.core import i18n
from nextround.errors import NextroundError


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("de_DE.UTF-8", "de"), ("de-AT", "de"), ("en_US.UTF-8", "en-US"), ("en-us", "en-US"),
     ("en_GB.UTF-8", "en-GB"), ("en", "en-GB"), ("en_IE", "en-GB"), ("C.UTF-8", None), ("fr_FR", None), ("", None)],
)
def test_tags_from_systems_and_people_map_to_a_locale_we_speak(tag: str, expected: str | None) -> None:
    assert i18n.normalise(tag) == expected


def test_an_unsupported_locale_is_refused_naming_the_ones_we_speak() -> None:
    with pytest.raises(NextroundError) as caught:
        i18n.parse_locale("fr")
    assert "en-GB, en-US, de" in str(caught.value)


@pytest.mark.parametrize(
    ("env", "expected"),
    [({"LANG": "de_DE.UTF-8"}, "de"), ({"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, "en-US"),
     ({"LANG": "fr_FR.UTF-8"}, "en-GB"), ({"LANG": "C.UTF-8", "LANGUAGE": "de:en"}, "de"), ({}, "en-GB")],
)
def test_the_system_locale_is_used_where_we_speak_it(monkeypatch: pytest.MonkeyPatch, env: dict[str, str],
                                                     expected: str) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    assert i18n.system_locale() == expected


def test_dates_follow_the_locale_in_force_and_it_comes_back_after_the_block() -> None:
    day = date(2026, 6, 10)
    with i18n.using("en-US"):
        assert i18n.format_date(day) == "June 10, 2026"
        with i18n.using("de"):
            assert i18n.format_date(day) == "10. Juni 2026"
        assert i18n.current() == "en-US"
    assert i18n.format_date(day) == "10 June 2026"


def test_a_one_line_error_names_the_row_in_the_locale_in_force() -> None:
    error = NextroundError("is required", file="apps.csv", row=3, field="role")
    assert str(error) == "apps.csv, row 3, role: is required"
    with i18n.using("de"):
        assert str(error) == "apps.csv, Zeile 3, role: is required"
