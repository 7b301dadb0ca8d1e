"""Helpers the checks share: regular expressions compiled on first use, and the
sentiment lexicon loaded on first use, so `import nextround.checks` stays cheap;
alternations some of whose alternatives are matched by code, so that every pattern
takes time in proportion to the text; and the messages the checks give a person to
read, which keep how they were made so that a face can show them in its language."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

# ---------------------------------------------------------------------------
# Messages for a person to read
# ---------------------------------------------------------------------------
# The checks write their reasons, questions, verdicts and suggestions in en-GB, the
# source language, and may not import the translations (nextround.core is on their
# own layer). So each message is its en-GB text, as a str that compares, prints and
# saves exactly as before, and also keeps its template and the values it was made
# with. A face translates the template in the locale it speaks, then formats it with
# the values, each translated the same way (`nextround.core.i18n.translated`); the
# person's own words among the values are never translated.


class Message(str):
    """A message of the checks: its en-GB text, with the `template` and `values` it was made from.

    Made with `N_(template)`, which also marks the template for the catalogs, and,
    for one with placeholders, `.format(name=value, ...)`. A value is a `Message`, a
    `Listing`, or the person's own words (a plain str, kept as they are).
    """

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, values: dict[str, str] | None = None) -> Message:
        values = dict(values or {})
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template, self.values = template, values
        return self

    def format(self, *args: object, **values: str) -> Message:  # type: ignore[override]
        """This message with its placeholders filled: still a `Message`, so it can be translated."""
        if args:
            raise TypeError("a message of the checks is formatted by name only")
        return Message(self.template, values)

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message in the language `gettext` translates into."""
        text = gettext(self.template)
        if not self.values:
            return text
        return text.format(**{name: translated(value, gettext) for name, value in self.values.items()})

    # A message never changes once made: a copy is the message itself (dataclasses.asdict
    # copies what it returns), and pickling makes it again from its parts.
    def __copy__(self) -> Message:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Message:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return Message, (self.template, self.values)


class Listing(str):
    """Messages, or the person's words, one after another: "a; b; c", each translated on its own."""

    separator: str
    items: tuple[str, ...]

    def __new__(cls, separator: str, items: Iterable[str]) -> Listing:
        items = tuple(items)
        self = super().__new__(cls, separator.join(items))
        self.separator, self.items = separator, items
        return self

    def translated(self, gettext: Callable[[str], str]) -> str:
        return self.separator.join(translated(item, gettext) for item in self.items)

    def __copy__(self) -> Listing:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Listing:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return Listing, (self.separator, self.items)


def N_(template: str) -> Message:
    """Mark `template` for the catalogs (`make catalogs` extracts N_) and keep it as a `Message`.

    The text is unchanged: the faces translate it where they show it.
    """
    return Message(template)


def translated(text: str, gettext: Callable[[str], str]) -> str:
    """`text` in the language `gettext` translates into if it is a message of the checks, else as it is."""
    return text.translated(gettext) if isinstance(text, (Message, Listing)) else text


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
        # Only reached for re.Pattern's own methods (finditer, search, ...).
        return getattr(self._pattern(), name)

    def _pattern(self) -> re.Pattern[str]:
        # Two threads compiling at once both get an equal pattern, so no lock is needed.
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


def words_of(patterns: Iterable[str]) -> LazyPattern:
    """One case-insensitive regular expression matching any of `patterns` as whole words."""
    return lazy(r"(?<![\w'])(?:" + "|".join(patterns) + r")(?![\w'])", re.IGNORECASE)


def any_of(patterns: Iterable[str | Coded]) -> LazyPattern | Alternation:
    """One case-insensitive pattern matching any of `patterns` as whole words."""
    return alternation(patterns, re.IGNORECASE, before=r"(?<![\w'])", after=r"(?![\w'])")


# ---------------------------------------------------------------------------
# Alternatives matched by code, for linear time
# ---------------------------------------------------------------------------
# A few patterns say "a head, then somewhere later in the same sentence (or line),
# something else". As a regular expression, each head scans on to the end of its
# sentence, and a head that fails is followed by the next head scanning the same
# stretch again: a long sentence with many heads costs heads x length, or worse when
# two such searches are nested. The classes below stand for exactly such a regular
# expression (`.pattern`), and find the same matches by keeping, per text, where the
# next sentence end, line end and "something else" are, so each is looked for once.


class _Next:
    """The leftmost match of `rx` starting at or after a position, for rising positions.

    A match found for position x is still the answer for any later position up to its
    start, so a text is searched once from left to right however many times it is asked.
    """

    __slots__ = ("_rx", "_text", "_x", "_m")

    def __init__(self, rx: re.Pattern[str], text: str) -> None:
        self._rx, self._text = rx, text
        self._x = -1
        self._m: re.Match[str] | None = None

    def at_or_after(self, x: int) -> re.Match[str] | None:
        if not (0 <= self._x <= x and (self._m is None or self._m.start() >= x)):
            self._x, self._m = x, self._rx.search(self._text, x)
        return self._m


_SENTENCE_END = lazy(r"[.!?]")
_LINE_END = lazy(r"\n")
_REST_OF_SENTENCE = r"[^.!?]*"
_TAILS = {"rest": _REST_OF_SENTENCE, "last": "", ".": _REST_OF_SENTENCE + r"(?=\.)",
          "?": _REST_OF_SENTENCE + r"\?"}


class InOneSentence:
    """Stands for `head [^.!?]* then[0] [^.!?]* then[1] ... tail`, one sentence's worth.

    `tail` is "rest" (`[^.!?]*`: on to the end of the sentence), "last" (nothing: the
    match ends after the last `then[0]` in the sentence; one `then` only), "." (`[^.!?]*
    (?=\\.)`: the sentence ends with a full stop) or "?" (`[^.!?]*\\?`: it ends with a
    question mark, which is matched). Exactly the regular expression's matches, given
    what holds of every use: the head matches one way only, no `then` matches ".", "!"
    or "?", and a `then` before the last ends soonest where it starts soonest.
    """

    def __init__(self, head: str, *then: str, tail: str) -> None:
        if tail not in _TAILS or tail == "last" and len(then) != 1:
            raise ValueError(f"tail {tail!r}: one of {sorted(_TAILS)}, and \"last\" takes one `then`")
        self.head, self.then, self.tail = head, then, tail

    @property
    def pattern(self) -> str:
        return self.head + "".join(_REST_OF_SENTENCE + t for t in self.then) + _TAILS[self.tail]

    def finder(self, text: str, flags: int, before: str, after: str) -> Callable[[int], tuple[int, int] | None]:
        if before or after:
            raise ValueError("InOneSentence takes no surrounding pattern")
        head = _compiled(self.head, flags)
        then = [_Next(_compiled(t, flags), text) for t in self.then]
        ends = _Next(_SENTENCE_END._pattern(), text)
        last_in: dict[int, tuple[int, int]] = {}  # sentence end -> span of its last `then[0]`
        n, tail = len(text), self.tail

        def last_then(x: int, end: int) -> tuple[int, int]:
            # The rightmost start of then[0] before `end`, from its leftmost (at x) on.
            if end not in last_in:
                rx = then[0]._rx
                m = rx.search(text, x)
                assert m is not None
                while True:  # non-overlapping, as finditer does ...
                    following = rx.search(text, m.end()) if m.end() > m.start() else None
                    if following is None or following.start() >= end:
                        break
                    m = following
                best = m  # ... then any start inside the last one
                for q in range(m.start() + 1, m.end()):
                    inner = rx.match(text, q)
                    if inner is not None:
                        best = inner
                last_in[end] = best.span()
            return last_in[end]

        def complete(start: int, x: int) -> tuple[int, int] | None:
            stop = ends.at_or_after(x)
            end = stop.start() if stop is not None else n
            if tail in ".?" and (end == n or text[end] != tail):
                return None
            head_end = x
            for nxt in then:
                m = nxt.at_or_after(x)
                if m is None or m.start() >= end:
                    return None
                x = m.end()
            if tail == "last":
                return start, last_then(head_end, end)[1]
            return start, end + 1 if tail == "?" else end

        def search(pos: int) -> tuple[int, int] | None:
            while (m := head.search(text, pos)) is not None:
                found = complete(m.start(), m.end())
                if found is not None:
                    return found
                pos = m.start() + 1
            return None

        return search


class OnOneLine:
    """Stands for `first .{3,}? second`: `second` later on the same line, the nearest.

    With the surrounding pattern of `any_of`, which is part of both ends. Exactly the
    regular expression's matches, given that `first` matches one way only.
    """

    def __init__(self, first: str, second: str) -> None:
        self.first, self.second = first, second

    @property
    def pattern(self) -> str:
        return self.first + r".{3,}?" + self.second

    def finder(self, text: str, flags: int, before: str, after: str) -> Callable[[int], tuple[int, int] | None]:
        first = _compiled(before + "(?:" + self.first + ")", flags)
        second = _Next(_compiled("(?:" + self.second + ")" + after, flags), text)
        lines = _Next(_LINE_END._pattern(), text)
        n = len(text)

        def search(pos: int) -> tuple[int, int] | None:
            while (m := first.search(text, pos)) is not None:
                end = second.at_or_after(m.end() + 3)
                newline = lines.at_or_after(m.end())
                if end is not None and (newline.start() if newline is not None else n) >= end.start():
                    return m.start(), end.end()
                pos = m.start() + 1
            return None

        return search


class MaybeAfterWord:
    """Stands for `(?:<word>+ )?then`: `then`, with the word before it if there is one.

    `word` is a character class. As a regular expression, every place inside a long run
    of those characters (a line of "-----") may start the word, and each scans on to the
    end of the run; here each run is read once. With the surrounding pattern of
    `any_of`, the start of the match is checked against it, and the end after `then`.
    """

    def __init__(self, word: str, then: str) -> None:
        self.word, self.then = word, then

    @property
    def pattern(self) -> str:
        return "(?:" + self.word + "+ )?" + self.then

    def finder(self, text: str, flags: int, before: str, after: str) -> Callable[[int], tuple[int, int] | None]:
        alone = _Next(_compiled(before + "(?:" + self.then + ")" + after, flags), text)
        runs = _Next(_compiled(self.word + "+", flags), text)
        then = _compiled("(?:" + self.then + ")" + after, flags)
        starts_here = _compiled(before, flags)

        def with_word(pos: int) -> tuple[int, int] | None:
            # The leftmost start at or after pos of a run (or the rest of one) that a
            # space and `then` follow, and where the surrounding pattern lets it start.
            while (run := runs.at_or_after(pos)) is not None:
                end = run.end()
                rest = then.match(text, end + 1) if text.startswith(" ", end) else None
                if rest is not None:
                    for p in range(run.start(), end):
                        if starts_here.match(text, p):
                            return p, rest.end()
                pos = end + 1
            return None

        known: list[Any] = [-1, None]  # with_word(x) for the last x asked: right up to its start

        def search(pos: int) -> tuple[int, int] | None:
            x, one = known
            if not (0 <= x <= pos and (one is None or one[0] >= pos)):
                one = with_word(pos)
                known[:] = [pos, one]
            other = alone.at_or_after(pos)
            if other is not None and (one is None or other.start() < one[0]):
                return other.span()
            return one

        return search


Coded = InOneSentence | OnOneLine | MaybeAfterWord


class _Span:
    """What the checks read of a match: group(0), start(), end(), span()."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("only the whole match is kept")
        return self._text[self._start:self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


class Alternation:
    """`before(?:alt|alt|...)after`, where some alternatives are matched by code.

    `finditer` gives what `re.finditer` would for the whole alternation: scanning from
    the left, the leftmost match of any part, and of two starting together the one
    listed first (as an alternation tries its alternatives in order), then on from its
    end. Runs of plain alternatives are one regular expression each. No alternative may
    match the empty string.
    """

    def __init__(self, alternatives: Iterable[str | Coded], flags: int, before: str, after: str) -> None:
        self.flags, self._before, self._after = flags, before, after
        self._parts: list[list[str] | Coded] = []
        for alt in alternatives:
            if isinstance(alt, str):
                if self._parts and isinstance(self._parts[-1], list):
                    self._parts[-1].append(alt)
                else:
                    self._parts.append([alt])
            else:
                self._parts.append(alt)
        self._regexes: dict[int, LazyPattern] = {
            i: lazy(before + "(?:" + "|".join(part) + ")" + after, flags)
            for i, part in enumerate(self._parts) if isinstance(part, list)
        }

    @property
    def pattern(self) -> str:
        """The regular expression this stands for."""
        alts = [a for part in self._parts for a in (part if isinstance(part, list) else [part.pattern])]
        return self._before + "(?:" + "|".join(alts) + ")" + self._after

    def finditer(self, text: str) -> Iterator[re.Match[str] | _Span]:
        searches: list[Callable[[int], Any]] = []
        for i, part in enumerate(self._parts):
            if isinstance(part, list):
                searches.append(functools.partial(self._regexes[i]._pattern().search, text))
            else:
                searches.append(part.finder(text, self.flags, self._before, self._after))
        found: list[Any] = [None] * len(searches)  # each part's next match, or False for none
        pos = 0
        while pos <= len(text):
            best = -1
            best_start = 0
            for i, search in enumerate(searches):
                m = found[i]
                if m is None or m is not False and _start(m) < pos:
                    m = found[i] = search(pos) or False
                if m is not False and (best < 0 or _start(m) < best_start):
                    best, best_start = i, _start(m)
            if best < 0:
                return
            m = found[best]
            yield m if isinstance(m, re.Match) else _Span(text, *m)
            end = m.end() if isinstance(m, re.Match) else m[1]
            if end <= best_start:
                raise ValueError("an alternative matched the empty string")
            pos = end


def _start(m: re.Match[str] | tuple[int, int]) -> int:
    return m.start() if isinstance(m, re.Match) else m[0]


def alternation(
    alternatives: Iterable[str | Coded], flags: int = 0, before: str = "", after: str = ""
) -> LazyPattern | Alternation:
    """`before(?:a|b|...)after` as one lazily compiled pattern, or as an `Alternation`
    when some alternatives are matched by code."""
    alternatives = list(alternatives)
    if all(isinstance(a, str) for a in alternatives):
        return lazy(before + "(?:" + "|".join(alternatives) + ")" + after, flags)  # type: ignore[arg-type]
    return Alternation(alternatives, flags, before, after)


@functools.cache
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


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

