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

from nextround.classroom.course import read_course
from nextround.classroom.summary import MIN_CHANGE, MIN_GROUP, MIN_MEAN_GROUP, ClassSummary, publish
from nextround.core.i18n import _
from nextround.core.labels import RUBRIC_SHORT, STATE_HEADINGS
from nextround.core.progress import STEPS
from nextround.render import alt, palette
from nextround.render.charts import new_figure, picture, tidy_axes
from nextround.render.html import Markup, Panel, note_panel, table

NOTEBOOK = "class_report"
TITLE = "Class report — nextround"
WITHHELD = "withheld"
_WHY_WITHHELD = (f"A group of fewer than {MIN_GROUP} students is withheld, and so is one more figure "
                 "wherever the total would give it away, and a spread in which every student gave the same answer.")
_HELD = ("kept as last updated: fewer than three students changed it since, or they all gave the same answer, "
         "and the change would show what they answered")
_STATES = tuple((state, STATE_HEADINGS[state], palette.STEP_STATE_FILL[state]) for state in ("done", "started", "todo"))
_BOX = '<div style="max-width:760px">{}</div>'


def _boxed(body: Markup, before: Markup | None = None) -> Panel:
    return Panel((before or Markup()) + Markup(_BOX).format(body))


def read(course: str | Path = ".") -> ClassSummary:
    """The class's figures as published (shared answers only; see the module doc).

    Keeps the published figures in the course folder, so the next report can tell
    whether they may change.
    """
    return publish(course)


def _count(value: int | None) -> str:
    return WITHHELD if value is None else str(value)


def overview(summary: ClassSummary) -> Panel:
    """How many students, how many handed in, and what each figure rests on."""
    rows = [
        ["Students on the roster", str(summary.students)],
        ["Workbooks handed in", str(summary.handed_in)],
        ["Shared their progress", str(summary.progress_shared)],
        ["Shared their self-review scores", str(summary.rubric_shared)],
        ["Shared their feedback", str(summary.feedback_shared)],
        ["Shared their check-ins", str(summary.checkins_shared)],
    ]
    note = (f"Only what students chose to share is counted. {_WHY_WITHHELD} Averages need at least "
            f"{MIN_MEAN_GROUP} students and are rounded to the nearest half. So that no one's answers can be "
            "worked out by comparing two reports, these figures update only once at least "
            f"{MIN_CHANGE} students have handed in or changed what they share: "
            f"they will update after {summary.pending} more.")
    return Panel(Markup('<div style="max-width:760px">{}<p style="color:{}">{}</p></div>').format(
        table(["", "Students"], rows), palette.MUTED_TEXT, note))


def _held(summary: ClassSummary, prefix: str) -> Markup:
    """A line under a panel some of whose figures are kept as last updated."""
    if not any(key.startswith(prefix) for key in summary.held):
        return Markup()
    return Markup('<p style="color:{}">Some figures here are {}.</p>').format(palette.MUTED_TEXT, _HELD)


def completion(summary: ClassSummary) -> Panel:
    """Each step: how many students are done, started, or not yet started."""
    if not summary.step_completion:
        return note_panel(f"Step completion appears once at least {MIN_GROUP} students share their progress.")
    fig = new_figure(7.5, 2.8)
    ax = fig.subplots()
    labels = [f"{n}. {title}" for n, title in STEPS.items()]
    left = [0] * len(STEPS)
    for key, label, colour in _STATES:
        values = [summary.step_completion[n][key] or 0 for n in STEPS]
        ax.barh(labels, values, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, values)]
    # What is withheld is drawn as one hatched remainder, never as a zero.
    rest = [summary.progress_shared - shown for shown in left]
    if any(rest):
        ax.barh(labels, rest, left=left, color="white", edgecolor=palette.GREY_FILL, hatch="///",
                label=WITHHELD.capitalize())
    ax.invert_yaxis()
    ax.set_xlabel("students")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=4, frameon=False, fontsize=8)
    tidy_axes(ax)
    rows = [[label, *(_count(summary.step_completion[n][key]) for key, _, _ in _STATES)]
            for n, label in zip(STEPS, labels)]
    said = alt.listing(_("Students, by how far they have got with each step"),
                       [(row[0], ", ".join(f"{label.lower()} {count}" for count, (_key, label, _colour)
                                           in zip(row[1:], _STATES))) for row in rows])
    chart = picture(fig, said)
    return _boxed(table(["Step", *(label for _, label, _ in _STATES)], rows), chart.html)


def rubric(summary: ClassSummary) -> Panel:
    """The class's self-review: average score per dimension, and how the scores spread."""
    if not summary.rubric:
        return note_panel(f"Self-review scores appear once at least {MIN_MEAN_GROUP} students share them.")
    keys = list(summary.rubric)
    fig = new_figure(7.5, 0.8 + 0.35 * len(keys))
    ax = fig.subplots()
    ax.barh([RUBRIC_SHORT[k] for k in keys], [summary.rubric[k]["mean"] for k in keys], color=palette.BLUE)
    ax.set_xlim(0, 5)
    ax.invert_yaxis()
    ax.set_xlabel("average score (1 weak – 5 strong)")
    tidy_axes(ax)
    rows = [[RUBRIC_SHORT[k], f"{summary.rubric[k]['mean']:.1f}", str(summary.rubric[k]["n"]),
             *(_count(summary.rubric[k]["distribution"][v]) if summary.rubric[k]["distribution"] else WITHHELD
               for v in range(1, 6))] for k in keys]
    chart = picture(fig, alt.listing(_("Average self-review score (1 weak to 5 strong, to the nearest half)"),
                                     [(RUBRIC_SHORT[k], summary.rubric[k]["mean"]) for k in keys]))
    body = table(["Dimension", "Average", "Students", "1", "2", "3", "4", "5"], rows) + _held(summary, "rubric:")
    return _boxed(body, chart.html)


def themes(summary: ClassSummary) -> Panel:
    """The feedback themes most students heard."""
    if not summary.themes:
        return note_panel(
            f"A feedback theme appears once at least {MIN_GROUP} of the students who share their feedback "
            f"heard it, and at least {MIN_GROUP} did not."
        )
    from nextround.checks import THEMES

    rows = [[THEMES.get(theme, theme), str(n)] for theme, n in summary.themes]
    return _boxed(table(["Theme", "Students"], rows) + _held(summary, "theme:"))


def moods(summary: ClassSummary) -> Panel:
    """How students felt at their latest check-in, in three bands."""
    if not summary.moods:
        return note_panel(f"The mood distribution appears once at least {MIN_GROUP} students share their check-ins.")
    shown = {band: n for band, n in summary.moods.items() if n is not None}
    if not any(shown.values()):
        return note_panel(f"Moods are withheld for now: no band has {MIN_GROUP} or more students yet.")
    fig = new_figure(7.5, 1.8)
    ax = fig.subplots()
    bands = list(summary.moods)
    ax.barh(bands, [summary.moods[b] or 0 for b in bands], color=palette.BLUE)
    ax.invert_yaxis()
    ax.set_xlabel("students, by mood at their latest check-in (1 very low – 10 very good)")
    tidy_axes(ax)
    withheld = [band for band, n in summary.moods.items() if n is None]
    caption = f"Withheld: {', '.join(withheld)}. {_WHY_WITHHELD}" if withheld else ""
    if "moods" in summary.held:
        caption = f"{caption} These figures are {_HELD}.".strip()
    said = alt.listing(_("Students, by their mood at their latest check-in"),
                       [(band, _count(summary.moods[band])) for band in bands])
    return picture(fig, said, caption, table([_("Mood"), _("Students")],
                                             [[band, _count(summary.moods[band])] for band in bands]))


def class_notebook(course: str = ".") -> dict[str, Any]:
    """The shipped class report notebook with its course folder set (not yet run)."""
    from nextround.journal.report import parameterised

    return parameterised(NOTEBOOK, {"course": course})


def write_class_report(course: str | Path, output: str | Path) -> Path:
    """Run the class report on a course folder and write it as self-contained HTML."""
    from nextround.journal.report import write_notebook_html

    read_course(course)  # a clear error first if this is not a course
    return write_notebook_html(class_notebook("."), course, output, title=TITLE)
