"""The class report: one function per panel of notebooks/class_report.ipynb.

Built only from `summary.publish`, which reads nothing but what students chose to
share and shows no figure from which one student's answer can be worked out, from
one report or by comparing two: no group under three, no group that answered as
one, averages only over five or more and rounded to the nearest half, and figures
that update only once three or more students have handed in or changed what they
share (the rules are in `summary`'s docstring, argued in docs/class-privacy.md).
The report says so in its own text. No panel names a student or shows an id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nextround.classroom.course import course_locale, read_course
from nextround.classroom.summary import MIN_CHANGE, MIN_GROUP, MIN_MEAN_GROUP, ClassSummary, publish
from nextround.core import i18n
from nextround.core.i18n import N_, _
from nextround.core.labels import RUBRIC_SHORT, STATE_HEADINGS
from nextround.core.progress import STEPS
from nextround.render import alt, palette
from nextround.render.charts import new_figure, picture, tidy_axes
from nextround.render.html import Markup, Panel, note_panel, table

NOTEBOOK = "class_report"
TITLE = N_("Class report — nextround")
WITHHELD = N_("withheld")
_STATES = tuple((state, STATE_HEADINGS[state], palette.STEP_STATE_FILL[state]) for state in ("done", "started", "todo"))
_BOX = '<div style="max-width:760px">{}</div>'


def _why_withheld() -> str:
    return _("A group of fewer than {count} students is withheld, and so is one more figure wherever the total "
             "would give it away, and a spread in which every student gave the same answer.").format(count=MIN_GROUP)


def _held_text() -> str:
    return _("kept as last updated: fewer than three students changed it since, or they all gave the same answer, "
             "and the change would show what they answered")


def _boxed(body: Markup, before: Markup | None = None) -> Panel:
    return Panel((before or Markup()) + Markup(_BOX).format(body))


def read(course: str | Path = ".", locale: str | None = "") -> ClassSummary:
    """The class's figures as published (shared answers only; see the module doc).

    Keeps the published figures in the course folder, so the next report can tell
    whether they may change. The report's cells after this one speak `locale`
    (empty: the course's, else the system's).
    """
    i18n.speak(locale or course_locale(course))
    return publish(course)


def _count(value: int | None) -> str:
    return _(WITHHELD) if value is None else str(value)


def overview(summary: ClassSummary) -> Panel:
    """How many students, how many handed in, and what each figure rests on."""
    rows = [
        [_("Students on the roster"), str(summary.students)],
        [_("Workbooks handed in"), str(summary.handed_in)],
        [_("Shared their progress"), str(summary.progress_shared)],
        [_("Shared their self-review scores"), str(summary.rubric_shared)],
        [_("Shared their feedback"), str(summary.feedback_shared)],
        [_("Shared their check-ins"), str(summary.checkins_shared)],
    ]
    note = " ".join((
        _("Only what students chose to share is counted."), _why_withheld(),
        _("Averages need at least {count} students and are rounded to the nearest half.").format(
            count=MIN_MEAN_GROUP),
        _("So that no one's answers can be worked out by comparing two reports, these figures update only once at "
          "least {count} students have handed in or changed what they share: they will update after {pending} "
          "more.").format(count=MIN_CHANGE, pending=summary.pending)))
    return Panel(Markup('<div style="max-width:760px">{}<p style="color:{}">{}</p></div>').format(
        table(["", _("Students")], rows), palette.MUTED_TEXT, note))


def _held(summary: ClassSummary, prefix: str) -> Markup:
    """A line under a panel some of whose figures are kept as last updated."""
    if not any(key.startswith(prefix) for key in summary.held):
        return Markup()
    return Markup('<p style="color:{}">{}</p>').format(
        palette.MUTED_TEXT, _("Some figures here are {why}.").format(why=_held_text()))


def completion(summary: ClassSummary) -> Panel:
    """Each step: how many students are done, started, or not yet started."""
    if not summary.step_completion:
        return note_panel(_("Step completion appears once at least {count} students share their progress.").format(
            count=MIN_GROUP))
    fig = new_figure(7.5, 2.8)
    ax = fig.subplots()
    labels = [f"{n}. {_(title)}" for n, title in STEPS.items()]
    left = [0] * len(STEPS)
    for key, label, colour in _STATES:
        values = [summary.step_completion[n][key] or 0 for n in STEPS]
        ax.barh(labels, values, left=left, color=colour, label=_(label))
        left = [a + b for a, b in zip(left, values)]
    # What is withheld is drawn as one hatched remainder, never as a zero.
    rest = [summary.progress_shared - shown for shown in left]
    if any(rest):
        ax.barh(labels, rest, left=left, color="white", edgecolor=palette.GREY_FILL, hatch="///",
                label=_(WITHHELD).capitalize())
    ax.invert_yaxis()
    ax.set_xlabel(_("students"))
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=4, frameon=False, fontsize=8)
    tidy_axes(ax)
    rows = [[label, *(_count(summary.step_completion[n][key]) for key, _label, _colour in _STATES)]
            for n, label in zip(STEPS, labels)]
    said = alt.listing(_("Students, by how far they have got with each step"),
                       [(row[0], ", ".join(f"{_(label).lower()} {count}" for count, (_key, label, _colour)
                                           in zip(row[1:], _STATES))) for row in rows])
    chart = picture(fig, said)
    return _boxed(table([_("Step"), *(_(label) for _key, label, _colour in _STATES)], rows), chart.html)


def rubric(summary: ClassSummary) -> Panel:
    """The class's self-review: average score per dimension, and how the scores spread."""
    if not summary.rubric:
        return note_panel(_("Self-review scores appear once at least {count} students share them.").format(
            count=MIN_MEAN_GROUP))
    keys = list(summary.rubric)
    fig = new_figure(7.5, 0.8 + 0.35 * len(keys))
    ax = fig.subplots()
    ax.barh([_(RUBRIC_SHORT[k]) for k in keys], [summary.rubric[k]["mean"] for k in keys], color=palette.BLUE)
    ax.set_xlim(0, 5)
    ax.invert_yaxis()
    ax.set_xlabel(_("average score (1 weak – 5 strong)"))
    tidy_axes(ax)
    rows = [[_(RUBRIC_SHORT[k]), i18n.format_number(summary.rubric[k]["mean"]), str(summary.rubric[k]["n"]),
             *(_count(summary.rubric[k]["distribution"][v]) if summary.rubric[k]["distribution"] else _(WITHHELD)
               for v in range(1, 6))] for k in keys]
    chart = picture(fig, alt.listing(_("Average self-review score (1 weak to 5 strong, to the nearest half)"),
                                     [(_(RUBRIC_SHORT[k]), summary.rubric[k]["mean"]) for k in keys]))
    body = table([_("Dimension"), _("Average"), _("Students"), "1", "2", "3", "4", "5"], rows) + _held(
        summary, "rubric:")
    return _boxed(body, chart.html)


def themes(summary: ClassSummary) -> Panel:
    """The feedback themes most students heard."""
    if not summary.themes:
        return note_panel(
            _("A feedback theme appears once at least {count} of the students who share their feedback heard it, "
              "and at least {count} did not.").format(count=MIN_GROUP)
        )
    from nextround.checks import THEMES

    rows = [[_(THEMES[theme]) if theme in THEMES else theme, str(n)] for theme, n in summary.themes]
    return _boxed(table([_("Theme"), _("Students")], rows) + _held(summary, "theme:"))


def moods(summary: ClassSummary) -> Panel:
    """How students felt at their latest check-in, in three bands."""
    if not summary.moods:
        return note_panel(_("The mood distribution appears once at least {count} students share their "
                            "check-ins.").format(count=MIN_GROUP))
    shown = {band: n for band, n in summary.moods.items() if n is not None}
    if not any(shown.values()):
        return note_panel(_("Moods are withheld for now: no band has {count} or more students yet.").format(
            count=MIN_GROUP))
    fig = new_figure(7.5, 1.8)
    ax = fig.subplots()
    bands = list(summary.moods)
    ax.barh([_(b) for b in bands], [summary.moods[b] or 0 for b in bands], color=palette.BLUE)
    ax.invert_yaxis()
    ax.set_xlabel(_("students, by mood at their latest check-in (1 very low – 10 very good)"))
    tidy_axes(ax)
    withheld = [_(band) for band, n in summary.moods.items() if n is None]
    caption = _("Withheld: {bands}.").format(bands=", ".join(withheld)) + " " + _why_withheld() if withheld else ""
    if "moods" in summary.held:
        caption = f"{caption} {_('These figures are {why}.').format(why=_held_text())}".strip()
    said = alt.listing(_("Students, by their mood at their latest check-in"),
                       [(_(band), _count(summary.moods[band])) for band in bands])
    return picture(fig, said, caption, table([_("Mood"), _("Students")],
                                             [[_(band), _count(summary.moods[band])] for band in bands]))


def class_notebook(course: str = ".", locale: str | None = None) -> dict[str, Any]:
    """The shipped class report notebook with its course folder and language set (not yet run)."""
    from nextround.journal.report import parameterised

    return parameterised(NOTEBOOK, {"course": course, "locale": locale or ""})


def write_class_report(course: str | Path, output: str | Path, *, locale: str | None = None) -> Path:
    """Run the class report on a course folder and write it as self-contained HTML.

    It speaks `locale`; by default the course's (as `class generate` recorded it), else the system's.
    """
    from nextround.journal.report import write_notebook_html

    read_course(course)  # a clear error first if this is not a course
    locale = locale or course_locale(course) or i18n.system_locale()
    with i18n.using(locale):
        return write_notebook_html(class_notebook(".", locale), course, output, title=_(TITLE))
