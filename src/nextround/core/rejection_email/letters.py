"""An email read into its letters: the message itself and any forwarded, attached or quoted in it.

Takes what a person has: the bytes of an `.eml` file as a mail client saves it, or
text pasted out of a mail client (with or without a header block), and gives a list
of `Letter`s, outermost first. Each letter has its own sender, reply-to address,
date, subject and text: the email's own headers for the first, the header block
written above a forwarded or quoted message for the others ("From: … Sent: …"), or
the headers of a message attached whole (`message/rfc822`).

Parsing is the standard library's `email` package (`policy.default`); HTML parts
become text through `html_text`, dates are read by `dates`. Nothing is fetched and nothing is run.

Promised: it never raises anything but NextroundError, whatever the bytes; its work
grows in proportion to the input; input over MAX_BYTES is refused in one line; and
no message names anything the email says, only what is wrong with it as a file.
Not promised: that every mail client's way of forwarding is recognised (a letter
not recognised stays part of the text above it).
"""

from __future__ import annotations

import codecs
import dataclasses
import email
import email.policy
import email.utils
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.message import Message

from nextround.core.rejection_email._words import FORWARD_MARKERS, HEADER_NAMES
from nextround.core.rejection_email.dates import parse_day
from nextround.core.rejection_email.html_text import html_to_text
from nextround.errors import NextroundError

__all__ = ["MAX_BYTES", "MAX_CONTAINERS", "Letter", "read_letters"]

#: The most an email may weigh: more than any rejection with its logos.
MAX_BYTES = 5 * 1024 * 1024
#: The most MIME containers one email may have. Real ones have a handful; the standard
#: library's parser recurses once per level and slows down with each.
MAX_CONTAINERS = 64
#: The most parts read, and the most letters found, in one email.
MAX_PARTS = 400
MAX_LETTERS = 40
#: Headers longer than this are cut before they are parsed (a header bomb).
MAX_HEADER = 2000

_POLICY = email.policy.default


@dataclasses.dataclass(frozen=True)
class Letter:
    """One message within an email, with where its headers were found.

    `kind` is "email" (the email itself, or a pasted text), "forwarded" (below a
    forwarding line), "attached" (a whole message attached) or "quoted" (an earlier
    message a reply quotes). `headers` says where its sender, date and subject were
    read: "the email's headers", "the forwarded header", "the pasted header", "the
    attached email" or "the quoted header" (empty when it has none).
    """

    kind: str
    headers: str
    sender_name: str = ""
    sender_address: str = ""
    reply_to_name: str = ""
    reply_to_address: str = ""
    to_names: tuple[str, ...] = ()
    sent_on: date | None = None
    subject: str = ""
    text: str = ""
    forward_note: bool = False  # its text only introduces a forwarded message below it


# --- reading the bytes ---------------------------------------------------------------------

_MIME_HEADER = re.compile(
    rb"^(?:content-type|mime-version|message-id|received|return-path|dkim-signature|x-[\w-]+|"
    rb"delivered-to|arc-[\w-]+|authentication-results|content-transfer-encoding)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
# What makes the standard library's parser go one level deeper: a multipart's boundary,
# a message inside a message.
_CONTAINER = re.compile(rb"boundary\s*=|message/", re.IGNORECASE)


def read_letters(data: bytes | str, *, name: str | None = None) -> list[Letter]:
    """The letters of an email or a pasted text, outermost first; NextroundError if unreadable.

    `name` is the file (or "standard input") named in an error.
    """
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_BYTES:
        raise NextroundError(f"is too big to be an email ({len(raw) // (1024 * 1024)} MB; "
                             f"at most {MAX_BYTES // (1024 * 1024)} MB)", file=name)
    if not raw.strip():
        raise NextroundError("is empty: there is no email in it", file=name)
    if b"\x00" in raw[:4096] and not _looks_like_mime(raw):
        raise NextroundError("is not an email or text (it holds binary data)", file=name)
    if _looks_like_mime(raw):
        if _has_long_content_header(raw):
            raise NextroundError("has a Content header longer than any real email's; save the message again "
                                 "from your mail client", file=name)
        if len(_CONTAINER.findall(raw)) > MAX_CONTAINERS:
            raise NextroundError(f"has more than {MAX_CONTAINERS} nested parts, more than an email a person "
                                 "receives; save the message again from your mail client", file=name)
        message = email.message_from_bytes(raw, policy=_POLICY)
        letters = list(_letters_of_message(message, "email", "the email's headers", depth=0))
    else:
        letters = _letters_of_text(_decode(raw, None), pasted=True)
    letters = [_whole(letter) for letter in letters[:MAX_LETTERS]]
    if not any(letter.text.strip() or letter.subject for letter in letters):
        raise NextroundError("has no text that could be read as an email", file=name)
    return letters


_HALVES = {c: "\ufffd" for c in range(0xD800, 0xE000)}


def _whole(letter: Letter) -> Letter:
    """The letter with every half of a UTF-16 pair (bytes no charset could read) shown as "\ufffd"."""
    changes: dict[str, object] = {}
    for field in dataclasses.fields(letter):
        value = getattr(letter, field.name)
        if isinstance(value, str):
            changes[field.name] = value.translate(_HALVES)
        elif isinstance(value, tuple):
            changes[field.name] = tuple(v.translate(_HALVES) for v in value)
    return dataclasses.replace(letter, **changes)  # type: ignore[arg-type]


_CONTENT_HEADER = re.compile(rb"content-[\w-]*[ \t]*:", re.IGNORECASE)


def _has_long_content_header(raw: bytes) -> bool:
    """Whether a Content-* header (with its folded lines) is over MAX_HEADER bytes: the standard
    library parses those while it reads the message, in time that grows faster than their length."""
    length = -1  # -1: not in a Content-* header
    for line in raw.split(b"\n"):
        if length >= 0 and line[:1] in (b" ", b"\t"):
            length += len(line)
        elif _CONTENT_HEADER.match(line):
            length = len(line)
        else:
            length = -1
        if length > MAX_HEADER:
            return True
    return False


def _looks_like_mime(raw: bytes) -> bool:
    """An email a mail client saved, rather than text pasted out of one: MIME headers on top."""
    head = raw[:65536].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    return bool(_MIME_HEADER.search(head)) and head.lstrip()[:1] not in (b"", b"<")


def _letters_of_message(message: Message, kind: str, where: str, *, depth: int) -> Iterator[Letter]:
    """A message's own letter, then the letters forwarded or quoted in its text, then attached ones."""
    parts = _Parts()
    parts.collect(message)
    sender = _address(message, "from")
    reply_to = _address(message, "reply-to")
    to_names = tuple(n for n, _ in _addresses(message, "to") if n)
    subject = _header(message, "subject")
    sent_on = _message_day(message)
    text = parts.text()
    inner = _letters_of_text(text, pasted=False, subject=subject)
    first = inner[0]
    # The text's own first letter carries these headers (a pasted header block inside a
    # saved email is rare; the email's headers win where both say something).
    yield dataclasses.replace(
        first, kind=kind, headers=where,
        sender_name=sender[0] or first.sender_name, sender_address=sender[1] or first.sender_address,
        reply_to_name=reply_to[0], reply_to_address=reply_to[1], to_names=to_names or first.to_names,
        sent_on=sent_on or first.sent_on, subject=subject or first.subject,
        forward_note=first.forward_note or (bool(parts.attached) and _is_forward(subject)),
    )
    yield from inner[1:]
    if depth < 4:
        for attached in parts.attached:
            yield from _letters_of_message(attached, "attached", "the attached email", depth=depth + 1)


class _Parts:
    """The readable text of a message's parts, and the messages attached to it."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attached: list[Message] = []
        self.seen = 0

    def collect(self, message: Message) -> None:
        # A walk of our own, by a stack: the standard library's `walk` recurses, and a
        # part's own kind is trusted only as far as it is one we read.
        stack = [message]
        while stack and self.seen < MAX_PARTS:
            part = stack.pop()
            self.seen += 1
            ctype = part.get_content_type()
            if part.is_multipart():
                payload = part.get_payload()
                if ctype == "message/rfc822" and isinstance(payload, list) and payload:
                    if isinstance(payload[0], Message):
                        self.attached.append(payload[0])
                    continue
                if isinstance(payload, list):
                    stack.extend(p for p in reversed(payload) if isinstance(p, Message))
                continue
            disposition = (part.get("content-disposition") or "").split(";")[0].strip().lower()
            if disposition == "attachment" and ctype not in ("message/rfc822",):
                continue
            if ctype == "text/plain":
                self.plain.append(_part_text(part))
            elif ctype == "text/html":
                self.html.append(html_to_text(_part_text(part)))

    def text(self) -> str:
        plain = "\n\n".join(t for t in self.plain if t.strip())
        html = "\n\n".join(t for t in self.html if t.strip())
        # A plain part that is only "view this email in a browser" gives way to the HTML.
        if len(plain.strip()) < 80 and len(html.strip()) > 2 * len(plain.strip()):
            return html
        return plain or html


def _part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError, AssertionError):
        payload = None
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    return _decode(payload, part.get_content_charset())


def _decode(raw: bytes, charset: str | None) -> str:
    """Bytes as text: their own charset when it is a real text encoding and fits them, else UTF-8,
    else Windows-1252 (what a body labelled wrongly is most often written in)."""
    if charset:
        try:
            info = codecs.lookup(charset)
            if getattr(info, "_is_text_encoding", True) and info.name not in ("idna", "punycode", "utf-7"):
                return raw.decode(info.name)
        except (LookupError, ValueError, UnicodeError, TypeError):
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# --- headers ---------------------------------------------------------------------------------


def _raw_header(message: Message, name: str) -> str:
    for key, value in message.raw_items():
        if key.lower() == name:
            return value if isinstance(value, str) else str(value)
    return ""


def _parsed(name: str, raw: str) -> object:
    """A header parsed the way `policy.default` parses one, from at most MAX_HEADER characters.

    Comments nested deeper than any mail client writes them are taken out first: the
    parser follows each level by recursion.
    """
    return _POLICY.header_fetch_parse(name, _shallow(raw[:MAX_HEADER]))


def _shallow(value: str, deepest: int = 4) -> str:
    depth = peak = 0
    for ch in value:
        if ch == "(":
            depth += 1
            peak = max(peak, depth)
        elif ch == ")":
            depth = max(0, depth - 1)
    return value.replace("(", " ").replace(")", " ") if peak > deepest else value


def _header(message: Message, name: str) -> str:
    raw = _raw_header(message, name)
    if not raw:
        return ""
    try:
        return _one_line(str(_parsed(name, raw)))
    except (ValueError, TypeError, LookupError, IndexError, AttributeError):
        return _one_line(raw[:MAX_HEADER])


def _addresses(message: Message, name: str) -> list[tuple[str, str]]:
    raw = _raw_header(message, name)
    if not raw:
        return []
    try:
        header = _parsed(name, raw)
        found = [(_one_line(a.display_name), a.addr_spec if "@" in a.addr_spec else "")
                 for a in getattr(header, "addresses", ())]
    except (ValueError, TypeError, LookupError, IndexError, AttributeError):
        found = [(_one_line(n), a) for n, a in email.utils.getaddresses([_shallow(raw[:MAX_HEADER])])]
    return [(n, a) for n, a in found if n or a]


def _address(message: Message, name: str) -> tuple[str, str]:
    found = _addresses(message, name)
    return found[0] if found else ("", "")


def _message_day(message: Message) -> date | None:
    raw = _raw_header(message, "date")[:200]
    if not raw:
        return None
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (ValueError, TypeError, IndexError, OverflowError):
        return parse_day(raw)
    return when.date() if isinstance(when, datetime) else None


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- letters within the text -----------------------------------------------------------------

_MARKER = re.compile(r"(?:" + "|".join(FORWARD_MARKERS) + r")$", re.IGNORECASE)


def _is_marker(line: str) -> bool:
    """Whether a line says a forwarded or original message starts below it."""
    return len(line) < 200 and bool(_MARKER.match(line.strip(" \t>*")))
_FORWARDED = re.compile(r"forward|weitergeleitet|videresendt|vidarebefordrat", re.IGNORECASE)
_HEADER_LINE = re.compile(
    r"^[ \t>]*\*{0,2}(" + "|".join(re.escape(k) for k in sorted(HEADER_NAMES, key=len, reverse=True))
    + r")\*{0,2}\s*:\*{0,2}[ \t]*(.*)$", re.IGNORECASE)
_WROTE = re.compile(r"\b(?:wrote|schrieb|skrev|a écrit|escribió)\s*:\s*$", re.IGNORECASE)
_ON = re.compile(r"^\s*(?:on|am|den|le|el|op|på)\s+\S", re.IGNORECASE)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]{0,40}\]\s*)?(?:fwd?|fw|wg|vs|vb|tr|rv|enc)\s*:", re.IGNORECASE)


def _is_forward(subject: str) -> bool:
    return bool(_FORWARD_SUBJECT.match(subject))


def _header_block(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The header lines from `start` ({"from": …, "date": …}) and the line after them.

    A value may continue on the next line (a long To: wrapped by the client); the
    block ends at an empty line or at a line that is no header after a full block.
    """
    found: dict[str, str] = {}
    i, n = start, len(lines)
    last = ""
    while i < n and i - start < 24:
        line = lines[i]
        match = _HEADER_LINE.match(line)
        if match:
            key = HEADER_NAMES[match[1].lower()]
            last = key
            if key not in found:
                found[key] = match[2][:MAX_HEADER].strip().strip("*").strip()
            i += 1
            continue
        if not line.strip():
            if found and ("subject" in found or i + 1 >= n or not _HEADER_LINE.match(lines[i + 1])):
                break
            i += 1
            continue
        # A wrapped value (a long To: or Subject:) continues on the next line.
        if last in ("to", "cc", "subject") and found and len(line) < 200 and i + 1 < n \
                and _HEADER_LINE.match(lines[i + 1]):
            found[last] = f"{found[last]} {line.strip()}"
            i += 1
            continue
        break
    return found, i


def _is_block_start(lines: list[str], i: int) -> bool:
    """Whether line `i` starts a header block: a From: with a date or subject line close under it."""
    match = _HEADER_LINE.match(lines[i])
    if not match or HEADER_NAMES[match[1].lower()] != "from":
        return False
    block, _ = _header_block(lines, i)
    return "from" in block and ("date" in block or "subject" in block)


def _letters_of_text(text: str, *, pasted: bool, subject: str = "") -> list[Letter]:
    """A text's letters: its own, then each forwarded or quoted below it, in order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pieces: list[tuple[str, str, dict[str, str], int, int]] = []  # (kind, headers, block, start, end)
    block: dict[str, str] = {}
    kind, where, start = "email", "", 0
    i, n = 0, len(lines)
    if pasted:
        block, i = _pasted_header(lines)
        where = "the pasted header" if block else ""
        start = i
    while i < n:
        line = lines[i]
        if len(pieces) >= MAX_LETTERS:
            break
        boundary = None
        if _is_marker(line) and (not re.match(r"^[-_]+$", line.strip()) or _next_is_block(lines, i + 1)):
            j = _skip_blank(lines, i + 1)
            new_block, after = _header_block(lines, j) if j < n else ({}, j)
            if "from" in new_block and ("date" in new_block or "subject" in new_block):
                boundary = ("forwarded" if _FORWARDED.search(line) else "unsure", new_block, after)
            elif _FORWARDED.search(line):
                boundary = ("forwarded", {}, i + 1)
        elif _is_block_start(lines, i) and (i == 0 or not lines[i - 1].strip() or _is_marker(lines[i - 1])
                                            or len(_header_block(lines, i)[0]) >= 3):
            new_block, after = _header_block(lines, i)
            boundary = ("unsure", new_block, after)
        elif _ON.match(line) and (_WROTE.search(line) or (i + 1 < n and _WROTE.search(lines[i + 1])
                                                        and len(line) < 160)):
            header_line = line if _WROTE.search(line) else f"{line} {lines[i + 1]}"
            after = i + 1 if _WROTE.search(line) else i + 2
            boundary = ("quoted", _wrote_header(header_line), after)
        if boundary is None:
            i += 1
            continue
        pieces.append((kind, where, block, start, i))
        kind, block, after = boundary
        where = "the quoted header" if kind == "quoted" else "the forwarded header"
        start, i = after, after
    pieces.append((kind, where, block, start, n))

    letters = []
    for index, (kind, where, block, start, end) in enumerate(pieces):
        body = lines[start:end]
        if kind == "quoted" or all(not ln.strip() or ln.lstrip().startswith(">") for ln in body):
            body = [re.sub(r"^\s*(?:>\s?)+", "", ln) for ln in body]
        else:
            body = _without_quoted(body)
        following = pieces[index + 1][0] if index + 1 < len(pieces) else ""
        letters.append(_letter(kind, where, block, "\n".join(body).strip("\n"),
                               forward_note=following == "forwarded"))
    # "Unsure" letters (an Outlook "Original Message", a bare header block) are forwards
    # when the letter above only introduces them, quoted when it answers them.
    out: list[Letter] = []
    for letter in letters:
        if letter.kind == "unsure":
            above = out[-1] if out else None
            above_subject = (above.subject or (subject if len(out) == 1 else "")) if above else ""
            forwarded = above is not None and (_is_forward(above_subject) or above.forward_note)
            letter = dataclasses.replace(letter, kind="forwarded" if forwarded else "quoted",
                                         headers="the forwarded header" if forwarded else "the quoted header")
        out.append(letter)
    return out


def _next_is_block(lines: list[str], i: int) -> bool:
    j = _skip_blank(lines, i)
    if j >= len(lines):
        return False
    block, _ = _header_block(lines, j)
    return "from" in block and ("date" in block or "subject" in block)


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip() and i < len(lines):
        i += 1
    return i


def _without_quoted(lines: list[str]) -> list[str]:
    """A letter's own lines: those quoted with ">" belong to an earlier letter."""
    return [ln for ln in lines if not ln.lstrip().startswith(">")]


def _pasted_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """A header block at the top of a pasted text: Outlook's, Apple Mail's, bare lines, or Gmail's.

    Gmail's copy has no names: a subject line, the sender (`Name <address>`), a date
    line and "to me". Returns the block and the line the letter's text starts at.
    """
    i = _skip_blank(lines, 0)
    if i < len(lines) and _HEADER_LINE.match(lines[i]):
        top_block, after = _header_block(lines, i)
        if len(top_block) >= 2 or "from" in top_block:
            return top_block, after
    # Gmail: within the first lines, "Name <address>" and a line that is only a date.
    block: dict[str, str] = {}
    top = min(len(lines), i + 10)
    for j in range(i, top):
        line = lines[j].strip()
        if not line:
            continue
        if "from" not in block and re.match(r"^[^<>@]{1,80}<[^<>\s@]+@[^<>\s]+>\s*$", line):
            block["from"] = line
            continue
        if "from" in block and "date" not in block and _dateline(line):
            block["date"] = line
            continue
        if "from" in block and re.match(r"^to\s", line, re.IGNORECASE) and len(line) < 120:
            # "to me", "to me, Jane": the end of Gmail's header.
            subject = " ".join(ln.strip() for ln in lines[i:j] if ln.strip() and ln.strip() != block["from"]
                               and ln.strip() != block.get("date"))
            if subject and len(subject) < 200 and "inbox" not in subject.lower():
                block["subject"] = subject
            elif subject:
                block["subject"] = re.sub(r"\s*\binbox\b.*$", "", subject, flags=re.IGNORECASE)
            return block, j + 1
    if "from" in block and "date" in block:
        end = max(k for k in range(i, top) if lines[k].strip() in (block["from"], block["date"])) + 1
        return block, end
    return {}, 0


def _dateline(line: str) -> bool:
    return len(line) < 80 and parse_day(line) is not None and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}",
                                                                             line.lower().replace("ago", ""))


def _wrote_header(line: str) -> dict[str, str]:
    """`On Mon, 2 Mar 2026 at 10:14, Jane Doe <jane@x.example> wrote:` as a header block."""
    text = _WROTE.sub("", line).strip()
    text = re.sub(r"^\s*\w+\s+", "", text, count=1)  # "On"
    block: dict[str, str] = {}
    match = re.search(r"([^,<>]{1,80}?)\s*<([^<>\s@]+@[^<>\s]+)>\s*$", text)
    if match:
        block["from"] = f"{match[1].strip()} <{match[2]}>"
        text = text[:match.start()]
    else:
        parts = text.rsplit(",", 1)
        if len(parts) == 2 and not re.search(r"\d", parts[1]):
            block["from"] = parts[1].strip()
            text = parts[0]
    block["date"] = text.strip(" ,")
    return block


def _letter(kind: str, where: str, block: dict[str, str], text: str, *, forward_note: bool) -> Letter:
    name, address = _split_address(block.get("from", ""))
    reply_name, reply_address = _split_address(block.get("reply-to", ""))
    to_names = tuple(n for n, _ in (_split_address(p) for p in re.split(r";|,(?![^<]*>)", block.get("to", "")))
                     if n)
    return Letter(
        kind=kind, headers=where if block else "", sender_name=name, sender_address=address,
        reply_to_name=reply_name, reply_to_address=reply_address, to_names=to_names,
        sent_on=parse_day(block["date"]) if block.get("date") else None, subject=block.get("subject", ""),
        text=text, forward_note=forward_note,
    )


def _split_address(value: str) -> tuple[str, str]:
    """("Jane Doe", "jane@x.example") from `Jane Doe <jane@x.example>`, `"Doe, Jane" [mailto:…]` or `jane@x`."""
    value = value[:500].strip().strip("*").strip()
    if not value:
        return "", ""
    value = re.sub(r"\[mailto:([^\]\s]+)\]", r"<\1>", value, flags=re.IGNORECASE)
    match = re.search(r"<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+?)\s*>", value)
    if match:
        address = match[1]
        name = value[:match.start()] + value[match.end():]
    else:
        bare = re.search(r"[^\s<>()\"',;:]+@[^\s<>()\"',;:]+\.[A-Za-z]{2,}", value)
        address = bare[0] if bare else ""
        name = value.replace(address, "") if address else value
    name = " ".join(name.replace('"', " ").replace("*", " ").strip(" '()").split())
    if "@" in name:
        name = ""
    return name, address
