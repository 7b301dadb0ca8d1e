"""The question bank: every interview question noted in a self-review, by theme.

`question_bank(journal)` gathers the journal's `questions` table across workbooks:
the same question asked twice (the same words, whatever the capitals and
punctuation) is one entry, with where and when it was asked, the latest better
answer written for it and that answer's STAR check. Entries are grouped by theme
(`checks.QUESTION_THEMES`). `bank_text` lays the bank out as plain text for the
terminal, `bank_page` as an HTML page (escaped, offline, no scripts), and
`write_bank` writes that page. The dashboard's practice panel counts from it. The
STAR check reads English only: a better answer from a workbook in another language
is shown without a verdict, and does not count as practised.
"""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from nextround.checks import (
    LANGUAGES,
    PARTS,
    QUESTION_THEMES,
    StarCheck,
    check_answer,
    question_key,
    question_theme,
)
from nextround.core import i18n
from nextround.core.i18n import N_, _, ngettext
from nextround.errors import NextroundError
from nextround.journal.tables import Journal, is_missing, workbook_locales
from nextround.render import palette
from nextround.render.html import Markup, banner, card, join, muted, page
from nextround.storage import files

#: How a question with nothing written in its question box is shown.
NO_QUESTION = N_("(no question noted)")


@dataclasses.dataclass(frozen=True)
class Asked:
    """One time a question was asked: in which workbook, and when."""

    company: str
    role: str
    when: date | None

    def where(self) -> str:
        """"Company — Role" (or whichever of them is known), and the date."""
        title = " — ".join(part for part in (self.company, self.role) if part) or _("(no company or role)")
        return f"{title} ({i18n.date_text(self.when)})" if self.when else title


@dataclasses.dataclass(frozen=True)
class BankQuestion:
    """One interview question across every workbook that noted it.

    `question` is its latest wording; `asked` every time it was asked, oldest first;
    `better_answer` the latest better answer written for it ("" if none yet), from
    `answered`; `check` that answer's STAR check (None without one); `practised`
    whether any better answer to it is a complete STAR answer.
    """

    question: str
    theme: str
    asked: tuple[Asked, ...]
    better_answer: str
    answered: Asked | None
    check: StarCheck | None
    practised: bool


def question_bank(journal: Journal) -> dict[str, list[BankQuestion]]:
    """Theme -> its questions (most asked first), for the themes that have any, in theme order."""
    table = journal.questions
    if table.empty:
        return {}
    # Oldest first, so the last of each question is the latest; undated rows count as oldest.
    rows = table.assign(order=range(len(table))).sort_values(["when", "order"], na_position="first")
    gathered: dict[str, list[Any]] = {}
    for row in rows.itertuples():
        key = question_key(row.question) or f"\0{row.order}"  # unnamed questions stay apart
        gathered.setdefault(key, []).append(row)
    locales = workbook_locales(journal)
    unread = {wid for wid, locale in locales.items() if locale.split("-")[0] not in LANGUAGES}
    bank: dict[str, list[BankQuestion]] = {}
    for same in gathered.values():
        entry = _entry(same, unread)
        bank.setdefault(entry.theme, []).append(entry)
    for entries in bank.values():
        entries.sort(key=lambda e: (-len(e.asked), -_day_number(e.asked[-1].when), e.question.lower()))
    return {theme: bank[theme] for theme in QUESTION_THEMES if theme in bank}


def _day_number(day: date | None) -> int:
    return day.toordinal() if day else 0


def _entry(rows: list[Any], unread: set[str]) -> BankQuestion:
    """One question from its rows; `unread`: the workbooks in a language the STAR check does not read."""
    asked = tuple(Asked(r.company, r.role, None if is_missing(r.when) else r.when.date()) for r in rows)
    question = rows[-1].question.strip() or NO_QUESTION
    answered = [(r, a) for r, a in zip(rows, asked) if r.better_answer.strip()]
    checks: list[StarCheck | None] = [check_answer(r.better_answer) for r, _a in answered
                                      if r.workbook_id not in unread]
    latest = answered[-1] if answered else None
    if latest is not None and latest[0].workbook_id in unread:
        checks.append(None)  # the latest answer is not judged: no verdict for it
    return BankQuestion(
        question=question,
        theme=question_theme(question) if question != NO_QUESTION else "other",
        asked=asked,
        better_answer=latest[0].better_answer.strip() if latest else "",
        answered=latest[1] if latest else None,
        check=checks[-1] if checks else None,
        practised=any(c.complete for c in checks if c is not None),
    )


def counts(bank: dict[str, list[BankQuestion]]) -> tuple[int, int]:
    """(questions in the bank, questions practised: with a complete STAR better answer)."""
    entries = [e for entries in bank.values() for e in entries]
    return len(entries), sum(e.practised for e in entries)


def recurring_themes(bank: dict[str, list[BankQuestion]]) -> list[tuple[str, int, int]]:
    """(theme, times its questions were asked, how many practised), most asked first.

    Only themes asked more than once: the ones that keep coming back.
    """
    rows = [(theme, sum(len(e.asked) for e in entries), sum(e.practised for e in entries))
            for theme, entries in bank.items()]
    return sorted((r for r in rows if r[1] > 1), key=lambda r: -r[1])


def summary_line(bank: dict[str, list[BankQuestion]]) -> str:
    """One sentence: how many questions, and how many are practised."""
    total, practised = counts(bank)
    return ngettext("{count} interview question noted; {practised} practised (a complete STAR better answer).",
                    "{count} interview questions noted; {practised} practised (a complete STAR better answer).",
                    total).format(count=total, practised=practised)


def _question(entry: BankQuestion) -> str:
    return _(NO_QUESTION) if entry.question == NO_QUESTION else entry.question


def _verdict(entry: BankQuestion) -> str:
    if entry.check:
        return i18n.translated(entry.check.verdict)
    if entry.answered is not None:
        return _("Not checked: the STAR check reads English only for now")
    return _("No better answer yet")


def _asked(entry: BankQuestion) -> str:
    """"Asked once: …", "Asked 3 times: …"."""
    where = "; ".join(a.where() for a in entry.asked)
    times = len(entry.asked)
    if times == 1:
        return _("Asked once: {where}").format(where=where)
    return ngettext("Asked {count} time: {where}", "Asked {count} times: {where}", times).format(
        count=times, where=where)


# --- plain text -------------------------------------------------------------------


def bank_text(bank: dict[str, list[BankQuestion]], width: int = 88) -> str:
    """The bank as plain text: a heading per theme, then each question with its answer."""
    lines = [_("Your question bank: {summary}").format(summary=summary_line(bank))]
    for theme, entries in bank.items():
        lines += ["", _(QUESTION_THEMES[theme])]
        for entry in entries:
            lines.append(f"  * {_question(entry)}")
            lines.append(f"    {_asked(entry)}")
            if entry.answered is None:
                lines.append(f"    {_verdict(entry)}.")
                continue
            lines.append("    " + _("Latest better answer, for {where}: {verdict}.").format(
                where=entry.answered.where(), verdict=_verdict(entry)))
            lines += textwrap.wrap(entry.better_answer, width, initial_indent="      ", subsequent_indent="      ")
    return "\n".join(lines)


# --- HTML -------------------------------------------------------------------------


def _marks(check: StarCheck) -> Markup:
    return join(
        Markup('<span style="margin-right:12px;color:{}">{} {}</span>').format(
            palette.STATUS["ok"] if check.parts[key] else palette.MUTED_TEXT, "✓" if check.parts[key] else "✗",
            _(name))
        for key, name in PARTS.items()
    )


def question_card(entry: BankQuestion) -> Markup:
    """One question: where it was asked, the latest better answer and its STAR verdict."""
    asked = muted(_asked(entry))
    if entry.answered is None:
        body = muted(Markup("<i>{}</i>").format(_("No better answer yet. Write one in step 4 of the workbook.")))
    else:
        if entry.check is None:
            verdict = muted(_verdict(entry))
        else:
            kind = "ok" if entry.check.complete else "info"
            verdict = banner(Markup("<b>{}.</b> {}").format(_verdict(entry), _marks(entry.check)), kind)
        body = Markup(
            '<div style="margin-top:6px">{}</div>'
            '<blockquote style="margin:4px 0 4px 8px;white-space:pre-wrap">{}</blockquote>{}'
        ).format(_("Latest better answer, for {where}:").format(where=entry.answered.where()), entry.better_answer,
                 verdict)
    return card(Markup("{}{}").format(asked, body), _question(entry))


def bank_html(bank: dict[str, list[BankQuestion]]) -> Markup:
    """The bank's themes and questions, as HTML to put in a page or a panel."""
    sections = join(
        Markup('<h2 style="font-size:1.15em;margin:18px 0 6px">{} ({})</h2>{}').format(
            _(QUESTION_THEMES[theme]), len(entries), join(question_card(e) for e in entries))
        for theme, entries in bank.items()
    )
    return Markup("<p>{}</p>{}").format(summary_line(bank), sections)


def bank_page(bank: dict[str, list[BankQuestion]], problems: Iterable[Any] = ()) -> str:
    """The bank as one HTML page; files that could not be read are named at the top."""
    skipped = join(Markup("<li>{}: {}</li>").format(Path(p.file or "").name, p.message) for p in problems)
    notice = banner(Markup("{}<ul>{}</ul>").format(_("Some files could not be read and were left out:"), skipped),
                    "warn") if skipped else Markup()
    body = bank_html(bank) if bank else Markup("<p><i>{}</i></p>").format(_(
        "No interview questions noted yet. Note the questions you were asked in step 4 of a "
        "workbook, with a better answer to each, and they will gather here by theme."))
    title = _("Your question bank")
    return page(title, Markup("<h1>{}</h1>{}{}").format(title, notice, body))


def checked_output(output: str | Path) -> Path:
    """`output` as a Path, if it is an .html file in a folder that exists; else NextroundError."""
    output = files.writable(output)
    if output.suffix.lower() not in (".html", ".htm"):
        raise NextroundError(_("should end in .html"), file=output)
    return output


def write_bank(journal: Journal, output: str | Path) -> Path:
    """Write the journal's question bank to `output` as an HTML page; return the path."""
    output = checked_output(output)
    return files.replace(output, bank_page(question_bank(journal), journal.problems))
