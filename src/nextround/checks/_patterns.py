"""Helpers the checks share: regular expressions compiled on first use, and the
sentiment lexicon loaded on first use, so `import nextround.checks` stays cheap."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any


class LazyPattern:
    """A regular expression compiled on first use.

    The rules below add up to several hundred alternatives; compiling them all at import
    would cost tens of milliseconds for every `import nextround.checks`, even in a
    notebook that never runs a check.
    """

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # Only reached for re.Pattern's own methods (finditer, search, ...). Two
        # threads compiling at once both get an equal pattern, so no lock is needed.
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


def any_of(patterns: Iterable[str]) -> LazyPattern:
    """One case-insensitive pattern matching any of `patterns` as whole words."""
    return lazy(r"(?<![\w'])(?:" + "|".join(patterns) + r")(?![\w'])", re.IGNORECASE)


_ANALYSER: Any = None
_ANALYSER_LOCK = threading.Lock()


def sentiment() -> Any:
    """The shared VADER analyser, made on first use: VADER's scores in linear time.

    Importing vaderSentiment and reading its lexicon costs tens of milliseconds, so it
    is deferred until a check actually runs; `import nextround.checks` stays cheap.
    """
    global _ANALYSER
    if _ANALYSER is None:
        with _ANALYSER_LOCK:
            if _ANALYSER is None:
                from nextround.checks._vader import LinearAnalyser

                _ANALYSER = LinearAnalyser()
    return _ANALYSER

