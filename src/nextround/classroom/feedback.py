"""Feedback back to students: one page each, named so the LMS hands each to its student.

`write_feedback` writes, for every student who handed in, one offline HTML page
(markupsafe, escaped, no scripts) with:

- their progress through the five steps, and their next actions with dates, worked
  out from their collected answers by `core.progress`, as their workbook's summary
  does. Both only if they share their progress with their instructor (the page
  passes through the instructor's hands and the LMS); their check-ins count only if
  they share those too, so no page says how anyone felt, and a person they added
  themselves is named only if they share their contacts. No words of their own
  appear: only the steps' and actions' names, and dates.
- the class as a whole: the class report's own figures (`summary.publish`, so the
  rules of docs/class-privacy.md hold, and both show the same figures), seen as a
  student reads them, knowing their own answer. So a step in which every student
  who shares their progress is in the same state is withheld whole (each reader
  would learn the others' state), and a self-review average is shown only with its
  whole spread (with the spread withheld, an average and the reader's own score can
  pin the others' down). No other student is named, and no one's answer is quoted.

Files, in the output folder:

- `<student_id>.html` for each student.
- `moodle-feedback.zip`, for Moodle's "Upload multiple feedback files in a zip": a
  folder per student, `<Full name>_<participant id>_assignsubmission_file_/`, as
  Moodle's own download names it (its importer reads the participant id from the
  second `_` part; see `mod/assign/feedback/file/importziplib.php`). For students
  whose course record has `moodle_participant`.
- `canvas-feedback.zip`, for Canvas's "Re-Upload Submissions" (comments from files):
  `<sortable name>_<user id>_<attachment id>_<file>`, as Canvas's download names
  files (`lib/content_zipper.rb`). Canvas reads the first two all-digit parts as
  the user and the attachment, and attaches a file only to the submission that
  holds that attachment (`Assignment#infer_comment_context_from_filename`): so a
  student needs `canvas_id` in their course record and the id of a file they handed
  in, from their record (`canvas_attachment_id`) or from the Canvas download's file
  names (`canvas_download`, read for its names only).

Students with none of these get the plain page only, and the run says so.

The pages speak the course's language (`class generate --locale`), or the one asked
for; a student's next actions are in their own workbook's language.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from nextround.classroom.course import CourseDirectory, course_locale
from nextround.classroom.summary import MIN_CHANGE, MIN_GROUP, MIN_MEAN_GROUP, ClassSummary, publish
from nextround.core import i18n
from nextround.core.i18n import N_, _, ngettext
from nextround.core.labels import RUBRIC_SHORT, STATE_HEADINGS, STATE_WORDS
from nextround.core.progress import MARKS, STEPS, Action, pending, step_states, urgency
from nextround.core.sharing import choices
from nextround.errors import NextroundError
from nextround.render import palette
from nextround.render.html import Markup, join, muted, page, table
from nextround.storage import files
from nextround.storage.store import AnswersStore

MOODLE_ZIP = "moodle-feedback.zip"
CANVAS_ZIP = "canvas-feedback.zip"
MOODLE_PLUGIN = "assignsubmission_file"
MOST_ACTIONS = 10
WITHHELD = N_("withheld")
_SAFE_NAME = re.compile(r"^[^/\\\x00-\x1f]{1,200}$")
_MOODLE_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]+')  # what Moodle's clean_filename drops
_CANVAS_UNSAFE = re.compile(r"[^\w]+")  # Canvas keeps word characters only
_THEY_MET = N_("someone you met")


@dataclasses.dataclass
class Feedback:
    """What `write_feedback` wrote, and what it left out and why."""

    folder: Path
    pages: list[tuple[str, Path]] = dataclasses.field(default_factory=list)
    not_handed_in: int = 0
    skipped: list[str] = dataclasses.field(default_factory=list)  # one line each
    moodle: Path | None = None
    moodle_count: int = 0
    canvas: Path | None = None
    canvas_count: int = 0
    notes: list[str] = dataclasses.field(default_factory=list)  # what the LMS files leave out, one line each

    def lines(self) -> list[str]:
        """What happened, for a person: the problems first, then each file written."""
        out = [_("skipped: {problem}").format(problem=line) for line in self.skipped]
        out.append(f"{self.folder}: " + ngettext(
            "{count} page, <student_id>.html (one per student who handed in; {missing} not yet)",
            "{count} pages, <student_id>.html (one per student who handed in; {missing} not yet)",
            len(self.pages)).format(count=len(self.pages), missing=self.not_handed_in))
        if self.moodle:
            out.append(f"{self.moodle}: " + _("{count} for Moodle's \"Upload multiple feedback files in a zip\"")
                       .format(count=self.moodle_count))
        if self.canvas:
            out.append(f"{self.canvas}: " + _("{count} for Canvas's \"Re-Upload Submissions\"").format(
                count=self.canvas_count))
        out += self.notes
        return out


# --- the class picture, as a student reads it ------------------------------------------


@dataclasses.dataclass
class ClassPicture:
    """The class report's figures that stay safe when the reader is one of the students."""

    students: int
    handed_in: int
    progress_shared: int
    steps: dict[int, dict[str, int | None] | None]  # None: withheld whole
    rubric: dict[str, tuple[float, int]]  # dimension -> (average, students), spread shown whole only
    rubric_shared: int
    themes: list[tuple[str, int]]
    feedback_shared: int
    moods: dict[str, int | None]
    checkins_shared: int
    pending: int


def class_picture(summary: ClassSummary) -> ClassPicture:
    """`summary` (already by the report's rules) with what a student could still read into it withheld."""
    steps: dict[int, dict[str, int | None] | None] = {}
    for n, counts in summary.step_completion.items():
        everyone_alike = any(v == summary.progress_shared for v in counts.values() if v is not None)
        steps[n] = None if everyone_alike or all(v is None for v in counts.values()) else dict(counts)
    rubric = {key: (figure["mean"], figure["n"]) for key, figure in summary.rubric.items()
              if figure["distribution"] is not None}
    return ClassPicture(
        students=summary.students, handed_in=summary.handed_in, progress_shared=summary.progress_shared,
        steps=steps, rubric=rubric, rubric_shared=summary.rubric_shared, themes=list(summary.themes),
        feedback_shared=summary.feedback_shared, moods=dict(summary.moods),
        checkins_shared=summary.checkins_shared, pending=summary.pending,
    )


# --- one student's page ------------------------------------------------------------------

_H2 = '<h2 style="font-size:1.2em;margin:24px 0 6px">{}</h2>'


def student_page(student: Mapping[str, Any], doc: Mapping[str, Any], picture: ClassPicture, *,
                 assignment_id: str, today: date) -> str:
    """One student's feedback page, from their collected answers and the class's picture."""
    shares = choices(doc)
    name = str(student.get("name") or student["student_id"])
    rejection = doc.get("rejection") or {}
    role, company = rejection.get("role"), rejection.get("company")
    scenario = (_("{role} at {company}").format(role=role, company=company) if role and company
                else str(role or company or ""))
    head = Markup('<h1 style="font-size:1.5em;margin-bottom:4px">{}</h1>'
                  '<div style="color:{}">{}{}</div>').format(
        _("Your next round: feedback"), palette.MUTED_TEXT,
        _("For {name} · {assignment} · {date}").format(name=name, assignment=assignment_id,
                                                       date=i18n.date_text(today)),
        Markup(" · {}").format(scenario) if scenario else "")
    if shares["progress"]:
        states = step_states(doc, today=today)
        mine = _progress(states) + Markup(_H2).format(_("What to do next")) + _next_actions(doc, shares, today)
    else:
        states = {}
        mine = Markup(_H2).format(_("Your progress")) + muted(_(
            "You chose not to share your progress with your instructor, so this page leaves it out, and your "
            "next actions with it. Your workbook's summary shows both."))
    body = join([head, mine, _the_class(picture, states), Markup('<p style="color:{};margin-top:28px">{}</p>').format(
        palette.HINT_TEXT, _("Made from the workbook you handed in. It shows your own progress and next steps, and "
                             "the class's figures added up: no one else's answers, and none of your own words."))])
    return page(_("Your next round: feedback for {name}").format(name=name), body)


def _progress(states: Mapping[int, str]) -> Markup:
    done = sum(1 for s in states.values() if s == "done")
    rows = join(
        Markup('<tr><td style="color:{0};font-size:1.2em;padding-right:8px">{1}</td>'
               '<td style="padding-right:16px">{2}. {3}</td><td style="color:{0}">{4}</td></tr>').format(
            palette.STEP_STATE[states[n]], MARKS[states[n]], n, _(title), _(STATE_WORDS[states[n]]))
        for n, title in STEPS.items())
    return Markup(_H2 + "<div>{}</div><table>{}</table>").format(
        _("Your progress"), _("{done} of {total} steps done").format(done=done, total=len(STEPS)), rows)


def _next_actions(doc: Mapping[str, Any], shares: Mapping[str, bool], today: date) -> Markup:
    """The pending actions, with dates: check-ins only if shared, a person only if known or shared."""
    seen = dict(doc)
    if not shares["checkins"]:
        seen["checkins"] = []  # dates count from the rejection, as if they had not checked in
    known = {c.get("name") for c in (doc.get("rejection") or {}).get("contacts") or [] if isinstance(c, Mapping)}
    todo = pending(seen, today=today)
    if not todo:
        return Markup("<div>{}</div>").format(_("Nothing is waiting on you. Well done."))
    # Each action in the student's own workbook's language, as their workbook shows it.
    recorded = (doc.get("rejection") or {}).get("locale")
    theirs = (i18n.normalise(recorded) if isinstance(recorded, str) else None) or i18n.DEFAULT
    rows = join(_action_row(a, today, a.contact if shares["contacts"] or a.contact in known else _(_THEY_MET),
                            theirs)
                for a in todo[:MOST_ACTIONS])
    more = (Markup("<div>{}</div>").format(_("…and {count} more in your workbook.").format(
        count=len(todo) - MOST_ACTIONS)) if len(todo) > MOST_ACTIONS else Markup())
    note = Markup() if shares["checkins"] else muted(_(
        "Dates count from your rejection. If you have checked in since, your workbook may have moved them to "
        "when you felt ready: it is the one to go by."))
    return Markup("<table>{}</table>{}{}").format(rows, more, note)


def _action_row(action: Action, today: date, who: str, locale: str) -> Markup:
    how_soon = urgency(action.due, today, waiting=action.waiting)
    when = {"waiting": _("when you feel ready"),
            "overdue": _("overdue since {date}").format(date=i18n.date_text(action.due)),
            "today": _("today")}.get(how_soon, i18n.date_text(action.due))
    with i18n.using(locale):
        what = _(action.what)
    return Markup('<tr><td style="padding-right:16px;color:{};white-space:nowrap">{}</td><td>{}{}</td></tr>').format(
        palette.URGENCY[how_soon], when, what, f" ({who})" if action.contact else "")


def _count(value: int | None) -> str:
    return _(WITHHELD) if value is None else str(value)


def _the_class(picture: ClassPicture, mine: Mapping[int, str]) -> Markup:
    parts = [Markup(_H2).format(_("The class as a whole")),
             Markup("<p>{}</p>").format(_(
                 "{handed_in} of the {students} students on the class list have handed in. Here is how the class is "
                 "getting on, from what students chose to share, added up.").format(
                     handed_in=picture.handed_in, students=picture.students))]
    if picture.steps:
        heads = [_("Step"), *(_(STATE_HEADINGS[s]) for s in ("done", "started", "todo")),
                 *([_("You")] if mine else [])]
        rows = []
        for n, title in STEPS.items():
            counts = picture.steps.get(n)
            cells = [_count(counts[s]) if counts else _(WITHHELD) for s in ("done", "started", "todo")]
            rows.append([f"{n}. {_(title)}", *cells, *([_(STATE_WORDS[mine[n]])] if mine else [])])
        parts.append(Markup("<p>{}</p>{}").format(
            _("Of the {count} students who share their progress:").format(count=picture.progress_shared),
            table(heads, rows)))
    else:
        parts.append(muted(_("Step completion appears once at least {count} students share their progress.").format(
            count=MIN_GROUP)))
    if picture.themes:
        from nextround.checks import THEMES

        parts.append(Markup("<p>{}</p>{}").format(
            _("The feedback themes heard most, of the {count} students who share their feedback:").format(
                count=picture.feedback_shared),
            table([_("Theme"), _("Students")],
                  [[_(THEMES[t]) if t in THEMES else t, str(n)] for t, n in picture.themes])))
    if picture.rubric:
        rows = [[_(RUBRIC_SHORT[k]) if k in RUBRIC_SHORT else k, i18n.format_number(mean), str(n)]
                for k, (mean, n) in picture.rubric.items()]
        parts.append(Markup("<p>{}</p>{}").format(
            _("The class's self-review, on average (1 weak – 5 strong, to the nearest half):"),
            table([_("Dimension"), _("Average"), _("Students")], rows)))
    if picture.moods and any(picture.moods.values()):
        rows = [[_(band), _count(n)] for band, n in picture.moods.items()]
        parts.append(Markup("<p>{}</p>{}").format(
            _("How students felt at their latest check-in, of the {count} who share their check-ins. However you "
              "feel, you're in good company.").format(count=picture.checkins_shared),
            table([_("Mood"), _("Students")], rows)))
    parts.append(muted(_(
        "No figure here is about fewer than {group} students, or about a group who all answered alike; averages "
        "need at least {mean} students and their whole spread, and the figures change only once {change} or more "
        "students have handed in or changed what they share.").format(
            group=MIN_GROUP, mean=MIN_MEAN_GROUP, change=MIN_CHANGE)))
    return join(parts)


# --- LMS names -----------------------------------------------------------------------------


def feedback_file(assignment_id: str) -> str:
    """The name a student sees on their feedback file in the LMS."""
    return f"{assignment_id}-feedback.html"


def _digits(value: Any) -> str:
    """An LMS number from a course record (12, "12", "Participant 12"); "" if there is none."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value) if value >= 0 else ""
    found = re.search(r"(\d+)\s*$", value) if isinstance(value, str) else None
    return found.group(1).lstrip("0") or "0" if found else ""


def moodle_member(student: Mapping[str, Any], assignment_id: str) -> str | None:
    """The file's path in Moodle's feedback zip, or None without a participant id."""
    participant = _digits(student.get("moodle_participant"))
    if not participant:
        return None
    # As Moodle's download names the folder: underscores in the name become spaces,
    # so the participant id is always the second part.
    name = " ".join(_MOODLE_UNSAFE.sub("", str(student.get("name") or "").replace("_", " ")).split()) or "Participant"
    return f"{name}_{participant}_{MOODLE_PLUGIN}_/{feedback_file(assignment_id)}"


def canvas_sortable(name: str) -> str:
    """A name as Canvas's download spells it: lower case, word characters only, no all-digit part."""
    name = re.sub(r"_(\d+)_", r"\1", name.lower())
    parts = [p for p in _CANVAS_UNSAFE.sub("", name).split("_") if p and not p.isdigit()]
    return "_".join(parts) or "student"


def canvas_member(student: Mapping[str, Any], attachments: Mapping[str, tuple[str, str]],
                  assignment_id: str) -> str | None:
    """The file's name in Canvas's re-upload zip, or None without a Canvas user and attachment id."""
    user = _digits(student.get("canvas_id"))
    if not user:
        return None
    sortable, attachment = attachments.get(user, ("", ""))
    attachment = _digits(student.get("canvas_attachment_id")) or attachment
    if not attachment:
        return None
    sortable = sortable or canvas_sortable(str(student.get("sortable_name") or student.get("name") or ""))
    return f"{sortable}_{user}_{attachment}_{feedback_file(assignment_id)}"


def canvas_attachments(download: str | Path) -> dict[str, tuple[str, str]]:
    """From a Canvas submissions download (its zip or the folder it unzips to), by file name only:
    Canvas user id -> (sortable name, one attachment id). Anonymous (`anon_`) files are left out."""
    path = Path(download)
    if path.is_dir():
        names: Iterable[str] = (p.name for p in path.rglob("*") if p.is_file())
    else:
        try:
            with zipfile.ZipFile(path) as archive:
                names = [PurePosixPath(n).name for n in archive.namelist() if not n.endswith("/")]
        except FileNotFoundError:
            raise NextroundError(_("is not there"), file=path) from None
        except (OSError, zipfile.BadZipFile) as exc:
            raise NextroundError(_("cannot be read as a zip ({reason})").format(reason=exc), file=path) from None
    found: dict[str, tuple[str, str]] = {}
    for name in names:
        parts = name.split("_")
        at = [i for i, part in enumerate(parts) if part.isdigit()][:2]
        if len(at) < 2 or at[1] != at[0] + 1 or name.startswith(".") or "anon" in parts[:at[0]]:
            continue
        before = parts[:at[0]]
        if before and before[-1] == "LATE":
            before = before[:-1]
        found.setdefault(parts[at[0]], (canvas_sortable("_".join(before)), parts[at[1]]))
    return found


# --- writing them all ----------------------------------------------------------------------


def write_feedback(course: str | Path, out: str | Path, *, canvas_download: str | Path | None = None,
                   today: date | None = None, locale: str | None = None) -> Feedback:
    """Write every handed-in student's page into `out`, and the LMS's bulk-upload zips.

    The pages speak `locale`; by default the course's, else the system's. One
    student's page that cannot be made is named in one line and skipped; the rest are
    written exactly as if it were not there.
    """
    with i18n.using(locale or course_locale(course) or i18n.system_locale()):
        return _write_feedback(course, out, canvas_download=canvas_download, today=today)


def _write_feedback(course: str | Path, out: str | Path, *, canvas_download: str | Path | None,
                    today: date | None) -> Feedback:
    layout = CourseDirectory(course)
    doc = layout.read()
    today = today or date.today()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NextroundError(_("is a file, not a folder"), file=out)
    attachments = canvas_attachments(canvas_download) if canvas_download is not None else {}
    out.mkdir(parents=True, exist_ok=True)
    assignment_id = doc["assignment_id"]
    picture = class_picture(publish(course))
    result = Feedback(out)
    written: list[tuple[Mapping[str, Any], Path]] = []
    for student in doc["students"]:
        sid = str(student["student_id"])
        try:
            answers = AnswersStore(layout.submitted_answers(sid)).read()
        except NextroundError:
            result.skipped.append(_("{student}: their collected answers cannot be read (see `class collect`)").format(
                student=sid))
            continue
        if answers is None:
            result.not_handed_in += 1
            continue
        if not _SAFE_NAME.match(sid) or sid.startswith("."):
            result.skipped.append(_("{student}: not usable as a file name").format(student=repr(sid)))
            continue
        path = files.replace(out / f"{sid}.html", student_page(student, answers, picture, assignment_id=assignment_id,
                                                                today=today))
        result.pages.append((sid, path))
        written.append((student, path))
    _lms_zips(result, written, attachments, assignment_id, canvas_download is not None)
    return result


def _lms_zips(result: Feedback, written: list[tuple[Mapping[str, Any], Path]],
              attachments: Mapping[str, tuple[str, str]], assignment_id: str, had_download: bool) -> None:
    """The Moodle and Canvas zips, from the pages just written (read back one at a time)."""
    moodle = [(m, path) for student, path in written if (m := moodle_member(student, assignment_id))]
    canvas = [(m, path) for student, path in written if (m := canvas_member(student, attachments, assignment_id))]
    if moodle:
        result.moodle = _zip(result.folder / MOODLE_ZIP, moodle)
        result.moodle_count = len(moodle)
    if canvas:
        result.canvas = _zip(result.folder / CANVAS_ZIP, canvas)
        result.canvas_count = len(canvas)
    on_canvas = sum(1 for student, _page in written if _digits(student.get("canvas_id")))
    if not moodle and not on_canvas:
        result.notes.append(_("No Moodle participant numbers or Canvas ids in course.json, so plain pages only: "
                              "upload each to its student, or generate the course from the LMS's export"))
        return
    if written and moodle and len(moodle) < len(written):
        result.notes.append("moodle: " + _("{count} handed-in students have no Moodle participant number in "
                                           "course.json, so they are not in {zip}").format(
            count=len(written) - len(moodle), zip=MOODLE_ZIP))
    if on_canvas > len(canvas):
        hint = (_("the Canvas download has no file of theirs") if had_download
                else _("give --canvas-download the Canvas submissions download, whose file names carry them"))
        result.notes.append("canvas: " + _("{count} handed-in students on Canvas are not in {zip}: Canvas matches a "
                                           "returned file by the id of a file they handed in, and {hint}").format(
            count=on_canvas - len(canvas), zip=CANVAS_ZIP, hint=hint))


def _zip(path: Path, members: list[tuple[str, Path]]) -> Path:
    def write(tmp: str) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, page_path in members:
                archive.write(page_path, name)

    return files.replace_with(path, write)
