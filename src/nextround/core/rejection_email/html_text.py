"""HTML to text: what a person reads in an HTML email, a line per block, nothing hidden."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "hr", "pre", "address", "center", "dt", "dd", "title", "td", "th",
}
_SKIPPED = {"style", "script", "head", "template", "noscript", "svg"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0|mso-hide\s*:\s*all", re.I)


class _HTMLText(HTMLParser):
    """Text of an HTML email: blocks become lines; styles, scripts and hidden preheaders go."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip: list[str] = []  # the open elements whose text is not shown

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.out.append("\n")
        if tag in _VOID:
            return
        style = next((v or "" for k, v in attrs if k == "style"), "")
        if tag in _SKIPPED or (self.skip and tag not in _VOID) or _HIDDEN.search(style):
            self.skip.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            # Close back to the element named (HTML in email is often not well formed).
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


_MARKUP_ENDS = (("<!--", "-->"), ("<![", "]]>"), ("<?", ">"), ("<!", ">"))


def _tags_only(html: str) -> str:
    """HTML without comments, CDATA, declarations and processing instructions, and with a
    "<" that opens nothing escaped: what `html.parser` reads in time proportional to the text.

    (The parser looks for the end of each unclosed comment or tag again from every "<"
    after it, which grows with the square of the length on hostile input.)
    """
    out: list[str] = []
    i, n = 0, len(html)
    j = k = -2  # the next "<!" and "<?" (-1: none left), each looked for again only once passed
    while i < n:
        if -1 < j < i or j == -2:
            j = html.find("<!", i)
        if -1 < k < i or k == -2:
            k = html.find("<?", i)
        start = min(x for x in (j, k, n) if x >= 0)
        out.append(html[i:start])
        if start >= n:
            break
        closer = next(end for opener, end in _MARKUP_ENDS if html.startswith(opener, start))
        stop = html.find(closer, start + 2)
        if stop < 0:
            break  # never closed: the rest is not shown, as a browser would not show it
        i = stop + len(closer)
    text = "".join(out)
    last = text.rfind(">")
    # A "<" after the last ">" can open nothing: text, not a tag.
    return text[: last + 1] + text[last + 1:].replace("<", "&lt;")


def html_to_text(html: str) -> str:
    """The text a person reads in an HTML email, a line per block."""
    parser = _HTMLText()
    try:
        parser.feed(_tags_only(html))
        parser.close()
    except (AssertionError, ValueError):  # very broken markup: keep what was read
        pass
    text = "".join(parser.out).replace("\u00a0", " ").replace("\u200c", "").replace("\u200b", "")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    # Runs of empty lines (from nested tables) become one.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
