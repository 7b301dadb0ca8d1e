"""The journey dashboard: one function per figure or table of notebooks/journey.ipynb.

Each function takes a Journal and returns something a notebook displays (an object
with `_repr_html_`): a heading-free panel of HTML with any plot embedded as a PNG,
so the same output reads well in JupyterLab, Voilà and the HTML report. Each one
copes with an empty journal by saying, kindly, what will appear there later.
Everything a person wrote is escaped; text drawn into plots is kept literal. The
panels speak the language `read` was given (the reader's); each next action is in
its own workbook's language.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from nextround.core import i18n
from nextround.core.i18n import _, ngettext
from nextround.core.labels import RUBRIC_SHORT
from nextround.core.progress import STEPS, WEEK_AHEAD, urgency
from nextround.journal.reminders import describe, due, heading, nothing_due, short_date
from nextround.journal.tables import STEP_COLUMNS, Journal, is_missing, load, workbook_locales
from nextround.render import alt, palette
from nextround.render.charts import dates_axis, dates_span, integer_axis, literal, new_figure, picture, tidy_axes
from nextround.render.html import Markup, Panel, banner, join, muted, note_panel, panel
from nextround.render.html import table as html_table

#: The most rows a table shows before it says how many more there are.
ROWS_SHOWN = 12


def read(folder: str | Path = ".", today: str | date | None = "", locale: str | None = "") -> Journal:
    """The journal of `folder` as of `today` (a date, YYYY-MM-DD, or empty for today).

    The dashboard's cells after this one speak `locale` (empty: the system's).
    """
    from nextround.core.parameters import parse_date

    i18n.speak(locale)
    day = parse_date(today) if today else None
    return load(folder, today=day)


def _more(total: int) -> str:
    """"…and 3 more; nextround due lists them all." when a table shows only its first rows."""
    if total <= ROWS_SHOWN:
        return ""
    return _("…and {count} more; nextround due lists them all.").format(count=total - ROWS_SHOWN) + " "


def _when(day: Any, today: date) -> tuple[str, str]:
    """How far off a day is, in words, and the colour to show it in."""
    how_soon = urgency(day.date(), today)
    if how_soon == "overdue":
        return _("overdue since {date}").format(date=short_date(day)), palette.RED
    if how_soon == "today":
        return _("today"), palette.AMBER
    return short_date(day), ""


# --- the panels, in the dashboard's order --------------------------------------------


def overview(journal: Journal) -> Panel:
    """The counts at a glance, and any file that could not be read."""
    skipped = Markup()
    if journal.problems:
        # File names only: a report may be shared, and full paths say more than it needs to.
        n = len(journal.problems)
        items = join(Markup("<li>{}: {}</li>").format(Path(p.file or "").name, p.message) for p in journal.problems)
        skipped = banner(Markup("{}<ul style='margin:4px 0'>{}</ul>").format(
            ngettext("{count} file could not be read and was left out (nothing in it was changed):",
                     "{count} files could not be read and were left out (nothing in them was changed):",
                     n).format(count=n), items), "warn")
    if journal.empty:
        return panel(Markup("{}{}").format(Markup(_(
            "<b>No workbooks here yet.</b> When you make one — with <code>nextround new</code> or from "
            "your home notebook — and start filling it in, this page will show how you are getting on "
            "across all of them.")), skipped))
    table, feedback = journal.rejections, journal.feedback
    finished = int((table["steps_done"] == len(STEPS)).sum())
    received = int((feedback["received_on"].notna() | (feedback["text"].str.strip() != "")).sum())
    done = int(table["steps_done"].sum())
    counts = [  # (how many, what they are, a hint)
        (len(table), ngettext("rejection", "rejections", len(table)), _("each one a lesson")),
        (done, ngettext("step done", "steps done", done), _("of {count}").format(count=len(table) * len(STEPS))),
        (finished, ngettext("workbook finished", "workbooks finished", finished), _("all five steps done")),
        (len(journal.checkins), ngettext("check-in", "check-ins", len(journal.checkins)), _("of how you felt")),
        (received, ngettext("piece of feedback", "pieces of feedback", received), _("received")),
        (len(journal.contacts), ngettext("person met", "people met", len(journal.contacts)),
         _("to stay in touch with")),
    ]
    tiles = join(
        Markup('<div style="display:inline-block;min-width:120px;margin:0 12px 8px 0;padding:8px 12px;'
               'border:1px solid {};border-radius:8px;background:{}">'
               '<div style="font-size:1.6em;font-weight:600">{}</div><div>{}</div>'
               '<div style="color:{};font-size:0.9em">{}</div></div>').format(
            palette.BORDER, palette.CARD_BACKGROUND, n, what, palette.HINT_TEXT, hint)
        for n, what, hint in counts
    )
    return panel(tiles + skipped)


def funnel(journal: Journal) -> Panel:
    """How many workbooks have each of the five steps done or started."""
    if journal.empty:
        return note_panel(_("Your progress through the five steps will show here."))
    table = journal.rejections
    total = len(table)
    labels = [f"{n}. {_(title)}" for n, title in STEPS.items()]
    done = [int((table[c] == "done").sum()) for c in STEP_COLUMNS]
    started = [int((table[c] == "started").sum()) for c in STEP_COLUMNS]
    fig = new_figure(7.2, 2.9)
    ax = fig.subplots()
    rows = range(len(labels))
    ax.barh(rows, done, color=palette.GREEN, label=_("done"))
    ax.barh(rows, started, left=done, color=palette.AMBER_FILL, label=_("started"))
    ax.barh(rows, [total - d - s for d, s in zip(done, started)], left=[d + s for d, s in zip(done, started)],
            color=palette.PALE_FILL, label=_("not started"))
    for y, (d, s) in enumerate(zip(done, started)):
        words = (_("{done} done, {started} started").format(done=d, started=s) if s
                 else _("{done} done").format(done=d))
        ax.text(total * 1.01, y, words, va="center", fontsize=9)
    ax.set_yticks(list(rows), labels)
    ax.invert_yaxis()  # step 1 at the top, as in the workbook
    ax.set_xlim(0, total * 1.35)
    ax.set_xlabel(_("workbooks (of {count})").format(count=total))
    integer_axis(ax.xaxis)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=8)
    tidy_axes(ax)
    said = alt.listing(ngettext("Steps done across {n} workbook", "Steps done across {n} workbooks", total)
                       .format(n=total),
                       [(label, _("{done} done, {started} started").format(done=d, started=s))
                        for label, d, s in zip(labels, done, started)])
    figures = html_table([_("Step"), _("Done"), _("Started"), _("Not started")],
                         [[label, d, s, total - d - s] for label, d, s in zip(labels, done, started)])
    return picture(fig, said,
                   ngettext("Across {count} workbook.", "Across {count} workbooks.", total).format(count=total),
                   figures)


def mood(journal: Journal) -> Panel:
    """Every check-in's mood over time, with the weekly average once there are enough."""
    checkins = journal.checkins.dropna(subset=["at", "mood"]).sort_values("at")
    if checkins.empty:
        return note_panel(_("Your mood curve appears here after your first check-in in any workbook."))
    fig = new_figure(7.2, 2.6)
    ax = fig.subplots()
    ready = checkins["ready"].fillna(False).astype(bool)
    ax.scatter(checkins.loc[ready, "at"], checkins.loc[ready, "mood"], color=palette.BLUE, s=22, zorder=3,
               label=_("ready to act"))
    ax.scatter(checkins.loc[~ready, "at"], checkins.loc[~ready, "mood"], facecolors="white",
               edgecolors=palette.BLUE, s=22, zorder=3, label=_("not ready yet"))
    if len(checkins) >= 3:
        weekly = checkins.set_index("at")["mood"].astype(float).resample("7D").mean().dropna()
        ax.plot(weekly.index, weekly.values, color=palette.BLUE, alpha=0.45, linewidth=2,
                label=_("weekly average"))
    ax.set_ylim(0.5, 10.5)
    ax.set_yticks([1, 5, 10], [_("1 low"), "5", _("10 good")])
    dates_axis(ax)
    dates_span(ax, checkins["at"])
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=8)
    tidy_axes(ax)
    latest = checkins.iloc[-1]
    said = alt.trend(_("Your mood (1 low, 10 good)"), list(zip(checkins["at"], checkins["mood"])))
    figures = html_table([_("Check-in"), _("Mood"), _("Ready to act")],
                         [[short_date(at), int(m), _("yes") if r else _("not yet")]
                          for at, m, r in zip(checkins["at"], checkins["mood"], ready)])
    return picture(fig, said,
                   ngettext("{count} check-in; the latest, on {date}, was {mood} out of 10.",
                            "{count} check-ins; the latest, on {date}, was {mood} out of 10.",
                            len(checkins)).format(count=len(checkins), date=short_date(latest["at"]),
                                                  mood=int(latest["mood"])),
                   figures)


def themes(journal: Journal) -> Panel:
    """What the feedback keeps coming back to, and how often it was vague."""
    feedback = journal.feedback
    if feedback.empty:
        return note_panel(_("Once you record feedback in a workbook, its recurring themes will show here."))
    counts = Counter(theme.strip() for themes in feedback["themes"] for theme in themes if theme.strip())
    from nextround.checks import THEMES

    judged = feedback["vague"].dropna()  # feedback never checked says nothing either way
    vague = int(judged.astype(bool).sum())
    summary = (ngettext("{vague} of {count} piece of feedback was vague — a short, specific follow-up often "
                        "helps.",
                        "{vague} of {count} pieces of feedback were vague — a short, specific follow-up often "
                        "helps.", len(judged)).format(vague=vague, count=len(judged))
               if len(judged) else "")
    if not counts:
        return note_panel(f"{_('No themes noted in your feedback yet.')} {summary}".strip())
    top = counts.most_common(10)
    # A theme the checks know has its label; one typed by hand starts with a capital too.
    names = [_(THEMES[t]) if t in THEMES else t[:1].upper() + t[1:] for t, _n in top]
    fig = new_figure(7.2, 0.5 + 0.32 * len(top))
    ax = fig.subplots()
    ax.barh(range(len(top)), [n for _t, n in top], color=palette.BLUE)
    ax.set_yticks(range(len(top)), [literal(name) for name in names])
    ax.invert_yaxis()
    integer_axis(ax.xaxis)
    ax.set_xlabel(_("pieces of feedback that mention it"))
    tidy_axes(ax)
    said = alt.listing(_("Pieces of feedback that mention each theme, most first"),
                       [(name, n) for name, (_t, n) in zip(names, top)])
    figures = html_table([_("Theme"), _("Pieces of feedback")], [[name, n] for name, (_t, n) in zip(names, top)])
    return picture(fig, said, summary, figures)


def _scored(journal: Journal) -> Any:
    return journal.self_review.dropna(subset=["score"])


def weakest(journal: Journal) -> Panel:
    """The rubric dimensions you score yourself lowest on, on average, weakest first."""
    scored = _scored(journal)
    if scored.empty:
        return note_panel(_("Score your interview in step 4 of a workbook and your weakest areas will show here."))
    means = scored.groupby("dimension", observed=True)["score"].agg(["mean", "count"]).sort_values("mean")
    fig = new_figure(7.2, 0.5 + 0.36 * len(means))
    ax = fig.subplots()
    colours = [palette.RED if i < 2 and m < 4 else palette.GREY_FILL for i, m in enumerate(means["mean"])]
    ax.barh(range(len(means)), means["mean"], color=colours)
    ax.set_yticks(range(len(means)), [_short(d) for d in means.index])
    ax.invert_yaxis()  # the weakest at the top
    ax.set_xlim(0, 5)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(_("average self-review score (1–5)"))
    for y, (m, n) in enumerate(zip(means["mean"], means["count"])):
        reviews = ngettext("{count} review", "{count} reviews", int(n)).format(count=int(n))
        ax.text(m + 0.05, y, f"{i18n.format_number(m)}  ({reviews})", va="center", fontsize=8)
    tidy_axes(ax)
    first = means.index[0]
    areas = [_short(str(d)) for d in means.index]
    said = alt.listing(_("Your average self-review score (1 to 5), weakest first"), list(zip(areas, means["mean"])))
    figures = html_table([_("Area"), _("Average score"), _("Reviews")],
                         [[area, alt.number(m), int(n)] for area, m, n in zip(areas, means["mean"], means["count"])])
    return picture(fig, said,
                   _("Weakest so far: “{area}” — a good place to focus your practice.").format(area=_short(first)),
                   figures)


def _short(dimension: str) -> str:
    """A rubric dimension's short name, in the language in force."""
    return _(RUBRIC_SHORT[dimension]) if dimension in RUBRIC_SHORT else dimension


def review_over_time(journal: Journal) -> Panel:
    """How each dimension's score changes from one interview to the next."""
    scored = _scored(journal).dropna(subset=["when"])
    if scored["workbook_id"].nunique() < 2:
        return note_panel(
            _("With self-reviews from two or more interviews, you'll see here how each area changes."))

    means = scored.groupby("dimension", observed=True)["score"].mean().sort_values()
    highlight = list(means.index[:2])
    # Many interviews make a tangle of lines; a monthly average reads at a glance.
    monthly = scored["when"].nunique() > 6
    if monthly:
        scored = scored.assign(when=scored["when"].dt.to_period("M").dt.to_timestamp())
    fig = new_figure(7.2, 2.8)
    ax = fig.subplots()
    # The two weakest in colour and told apart by their marks and lines too, never by colour alone.
    highlights = [(palette.RED, "o", "-"), (palette.AMBER_FILL, "s", "--")]
    lines = {}
    for dimension, rows in scored.groupby("dimension", observed=True):
        rows = rows.groupby("when")["score"].mean().sort_index()
        lines[dimension] = rows
        if dimension in highlight:
            (colour, mark, style), width = highlights[highlight.index(dimension)], 2.2
            label = _short(str(dimension))
        else:
            colour, mark, style, width, label = palette.GREY_FILL, "o", "-", 1.0, None
        ax.plot(rows.index, rows.values, marker=mark, linestyle=style, markersize=4, color=colour, linewidth=width,
                label=label)
    ax.set_ylim(0.7, 5.3)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(_("score"))
    dates_axis(ax)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False, fontsize=8)
    tidy_axes(ax)
    said = " ".join(alt.trend(_short(str(d)), list(lines[d].items()), alt.interviews)
                    for d in highlight if d in lines)
    figures = html_table([_("Interview"), _("Area"), _("Score")],
                         [[short_date(when), _short(str(d)), alt.number(score)]
                          for d, rows in lines.items() for when, score in rows.items()])
    return picture(fig, said,
                   (_("Monthly averages.") + " " if monthly else "")
                   + _("Your two weakest areas are in colour; the others in grey."), figures)


def cvs_on_file(journal: Journal) -> Panel:
    """The companies keeping (or asked to keep) your CV, and when each lapses."""
    table = journal.rejections
    kept = table[table["cv_status"].isin(["asked", "agreed"])].sort_values("cv_keep_until", na_position="last")
    if kept.empty:
        return note_panel(_("No CVs on file yet. Asking a company to keep yours (step 3) keeps a door open."))
    today = journal.today
    rows, colours = [], []
    for row in kept.itertuples():
        if row.cv_status == "asked":
            rows.append([row.company, row.role, _("asked, no answer yet"), ""])
            colours.append("")
            continue
        if is_missing(row.cv_keep_until):
            rows.append([row.company, row.role, _("kept"), _("no end date noted")])
            colours.append("")
            continue
        left = (row.cv_keep_until.date() - today).days
        if left < 0:
            status, colour = _("lapsed on {date}").format(date=short_date(row.cv_keep_until)), palette.GREY
        elif left <= 14:
            status = ngettext("lapses in {count} day — re-send it now", "lapses in {count} days — re-send it now",
                              left).format(count=left)
            colour = palette.RED
        else:
            status, colour = _("kept until {date}").format(date=short_date(row.cv_keep_until)), ""
        rows.append([row.company, row.role, _("kept"), status])
        colours.append(colour)
    return panel(html_table([_("Company"), _("Role"), _("CV"), _("Until")], rows, colours))


def contacts_due(journal: Journal) -> Panel:
    """The people it is time to get back in touch with (now or in the coming week)."""
    contacts = journal.contacts
    if contacts.empty:
        return note_panel(_("The people you meet in interviews will show here, with when to get back in touch."))
    horizon = journal.today + timedelta(days=WEEK_AHEAD)
    due_rows = contacts[contacts["next_contact_on"] <= horizon.isoformat()]
    due_rows = due_rows.sort_values(["next_contact_on", "name"])
    undated = int(contacts["next_contact_on"].isna().sum())
    later = (" " + ngettext("{count} person has no keep-in-touch date yet: log a first contact (a thank-you "
                            "counts) to start the clock.",
                            "{count} people have no keep-in-touch date yet: log a first contact (a thank-you "
                            "counts) to start the clock.", undated).format(count=undated)) if undated else ""
    if due_rows.empty:
        return note_panel(_("Nobody to get back in touch with this week.") + later)
    rows, colours = [], []
    for row in due_rows.head(ROWS_SHOWN).itertuples():
        when, colour = _when(row.next_contact_on, journal.today)
        last = "—" if is_missing(row.last_contact_on) else short_date(row.last_contact_on)
        rows.append([row.name, f"{row.company} ({row.role})", last, when])
        colours.append(colour)
    shown = html_table([_("Who"), _("Met at"), _("Last in touch"), _("Get in touch")], rows, colours)
    more = _more(len(due_rows))
    return panel(shown + (muted((more + later).strip()) if more or later else Markup()))


def coming_up(journal: Journal) -> Panel:
    """What is overdue, due today and due in the next week, across every workbook."""
    reminders = due(journal)
    if reminders.empty:
        return note_panel(nothing_due())
    locales = workbook_locales(journal)
    parts = []
    for group, rows in reminders.groups().items():
        if rows.empty:
            continue
        colour = palette.RED if group == "overdue" else ""
        items = [["" if group == "waiting" else short_date(r.due), describe(r, locales)]
                 for r in rows.head(ROWS_SHOWN).itertuples()]
        more = _more(len(rows))
        parts.append(Markup('<div style="font-weight:600;margin-top:6px">{} ({})</div>').format(
            heading(group), len(rows))
                     + html_table([_("When"), _("What")], items, [colour] * len(items))
                     + (muted(more) if more else Markup()))
    return panel(join(parts))


def practice(journal: Journal) -> Panel:
    """How many interview questions are practised, and which themes keep coming back."""
    from nextround.checks import QUESTION_THEMES
    from nextround.journal.questions import counts, question_bank, recurring_themes

    bank = question_bank(journal)
    if not bank:
        return note_panel(_("The interview questions you note in step 4 of a workbook will gather here, by theme, "
                            "with how many you have practised."))
    total, practised = counts(bank)
    head = Markup("<div>{}</div>").format(Markup(ngettext(
        "<b>{practised} of {count} question practised</b>: it has a complete STAR better answer.",
        "<b>{practised} of {count} questions practised</b>: they have a complete STAR better answer.",
        total)).format(practised=practised, count=total))
    recurring = recurring_themes(bank)
    if recurring:
        again = Markup("<div style='margin-top:6px'>{}</div>").format(
            _("Keep coming back: {themes}. Worth a polished answer each.").format(themes=", ".join(
                ngettext("{theme} ({count} time)", "{theme} ({count} times)", asked).format(
                    theme=_(QUESTION_THEMES[theme]).lower(), count=asked)
                for theme, asked, _n in recurring)))
    else:
        again = muted(_("No theme has come up twice yet."))
    rows = sorted(((theme, sum(len(e.asked) for e in entries), len(entries), sum(e.practised for e in entries))
                   for theme, entries in bank.items()), key=lambda r: -r[1])
    shown = html_table([_("Theme"), _("Times asked"), _("Questions"), _("Practised")],
                       [[_(QUESTION_THEMES[t]), asked, n, done] for t, asked, n, done in rows])
    return panel(head + again + shown
                 + muted(_("nextround questions lists every question, with your better answers.")))
