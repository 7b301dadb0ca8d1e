"""The course folder: where each step of a class exercise keeps its files.

One object owns the layout, as nbgrader's `CourseDirectory` does, so no other module
spells a path out:

    COURSE/course.json                  the assignment, the roster and who got which scenario
    COURSE/release/<folder>/            the workbook handed out
    COURSE/submitted/<folder>/          what `collect` found for them (newest copy): their
                                        answers, and their workbook rebuilt from our template
    COURSE/originals/<folder>/          the files behind it, exactly as they were handed in
    COURSE/duplicates/<folder>/         older copies, set aside, never deleted
    COURSE/held/<folder>/               files held for review, each with a note of why
                                        (`<name>.held.json`); kept after they are settled
    COURSE/published.json               the class report's figures as last published

`<folder>` is the student's id when that is a safe folder name (numbers, usernames,
email addresses), else a slug of it (`core.names.student_folder`); every method here
takes the student's id and finds the folder itself.

While `collect` runs, what it found waits in a hidden `COURSE/.collecting-*/`
folder, removed when it ends.

The course file (`course.json`; docs/class-grades.md lists every field):

    format, version, assignment_id, seed
    locale          the language of the class's workbooks and pages (`class generate
                    --locale`): en-GB, en-US or de; absent in a course made before (en-GB)
    due             the due date, YYYY-MM-DD (`class generate --due`), if one was given
    roster          what the roster was: kind ("plain", "canvas" or "moodle"), file, and
                    for an LMS export what its grades file needs back (Canvas's
                    assignment columns and points possible, Moodle's columns and
                    maximum grade)
    students        one record each, sorted by id:
        student_id, name, email, folder, scenario, workbook   written by `class generate`
        lms         the LMS's own ids and names for them (see `roster`), for matching
                    uploads and for the grades file
        late            true when their hand-in was late           } written by `class collect`;
        submitted_at    when it was handed in (ISO 8601 instant)   } read by `class progress`
        held_for_review files held for the instructor to settle    } and `class grades`
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from nextround.core import i18n
from nextround.core.i18n import _
from nextround.core.names import student_folder
from nextround.errors import NextroundError
from nextround.storage import files
from nextround.storage.store import ANSWERS_SUFFIX

COURSE_FILE = "course.json"
COURSE_FORMAT = "nextround-course"
PUBLISHED_FILE = "published.json"
STAGING_PREFIX = ".collecting-"
HELD = "held"
HELD_NOTE_SUFFIX = ".held.json"

# Fields of a student's record that `collect` writes and the exports read.
LATE = "late"  # true or false
SUBMITTED_AT = "submitted_at"  # an ISO 8601 instant, with its offset
HELD_FOR_REVIEW = "held_for_review"  # a list, one entry per file held (its source)


class CourseDirectory:
    """A course folder's layout, and its course file."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    @property
    def course_file(self) -> Path:
        """The course file: assignment, seed and roster."""
        return self.root / COURSE_FILE

    def exists(self) -> bool:
        """Whether a course has been generated here."""
        return self.course_file.exists()

    def release(self, student: str) -> Path:
        """The folder of the workbook handed out to `student`."""
        return self.root / "release" / student_folder(student)

    def submitted(self, student: str) -> Path:
        """The folder of what was collected from `student`."""
        return self.root / "submitted" / student_folder(student)

    def submitted_answers(self, student: str) -> Path:
        """A student's collected answers: `submitted/<folder>/<folder>.answers.json`."""
        return self.submitted(student) / f"{student_folder(student)}{ANSWERS_SUFFIX}"

    def submitted_notebook(self, student: str) -> Path:
        """A student's collected notebook: `submitted/<folder>/<folder>.ipynb`."""
        return self.submitted(student) / f"{student_folder(student)}.ipynb"

    def originals(self, student: str) -> Path:
        """The folder of the files behind a student's collected copy, as handed in."""
        return self.root / "originals" / student_folder(student)

    def original_notebook(self, student: str) -> Path:
        """The notebook a student handed in, untouched: `originals/<folder>/<folder>.ipynb`."""
        return self.originals(student) / f"{student_folder(student)}.ipynb"

    def original_answers(self, student: str) -> Path:
        """The answers file a student handed in, untouched: `originals/<folder>/<folder>.answers.json`."""
        return self.originals(student) / f"{student_folder(student)}{ANSWERS_SUFFIX}"

    @contextlib.contextmanager
    def staging(self) -> Iterator[Path]:
        """A hidden folder for one collection run's findings, removed when it ends."""
        self.root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=STAGING_PREFIX, dir=self.root) as folder:
            yield Path(folder)

    @property
    def published(self) -> Path:
        """The class report's figures as last published (see `summary.publish`)."""
        return self.root / PUBLISHED_FILE

    def duplicates(self, student: str) -> Path:
        """The folder of a student's older copies, set aside."""
        return self.root / "duplicates" / student_folder(student)

    def held_folder(self, student: str) -> Path:
        """The folder of the files held for review on `student`'s list."""
        return self.root / HELD / student_folder(student)

    def held(self, name: str) -> Path:
        """A file held for review, by its name under `held/` (`<student_id>/<file>`)."""
        return self.root / HELD / name

    def held_note(self, name: str) -> Path:
        """The note beside a held file: why it is held, and whether it is settled."""
        held = self.held(name)
        stem = held.name.removesuffix(ANSWERS_SUFFIX).removesuffix(held.suffix)
        return held.with_name(f"{stem}{HELD_NOTE_SUFFIX}")

    def held_name(self, path: Path) -> str | None:
        """The name under `held/` of a path inside it, if it is inside it."""
        try:
            return path.resolve().relative_to((self.root / HELD).resolve()).as_posix()
        except ValueError:
            return None

    def is_collected(self, student: str) -> bool:
        """Whether anything has been collected for `student`: answers, or a notebook handed in."""
        return self.submitted_answers(student).exists() or self.original_notebook(student).exists()

    def read(self) -> dict[str, Any]:
        """The course file; NextroundError if it is missing or broken."""
        path = self.course_file
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NextroundError(_("no course here; run `nextround class generate` first"), file=path) from None
        except (OSError, json.JSONDecodeError) as exc:
            raise NextroundError(_("cannot be read ({reason})").format(reason=exc), file=path) from None
        if not isinstance(doc, dict) or doc.get("format") != COURSE_FORMAT:
            raise NextroundError(_("is not a nextround course file"), file=path)
        return doc

    def write(self, doc: dict[str, Any]) -> None:
        """Write the course file (the folder is made if needed)."""
        self.root.mkdir(parents=True, exist_ok=True)
        files.replace(self.course_file, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


    def update_students(self, fields: Mapping[str, Mapping[str, Any]]) -> None:
        """Set some fields of some students' records in the course file (read afresh, written whole)."""
        if not fields:
            return
        doc = self.read()
        for record in doc.get("students", []):
            if isinstance(record, dict) and record.get("student_id") in fields:
                record.update(fields[record["student_id"]])
        self.write(doc)


def late(student: dict[str, Any]) -> bool:
    """Whether `collect` recorded a student's hand-in as late (anything but `true` is not late)."""
    return student.get(LATE) is True


def submitted_at(student: dict[str, Any]) -> str:
    """When `collect` recorded a student's hand-in ("" when it did not)."""
    value = student.get(SUBMITTED_AT)
    return value if isinstance(value, str) else ""


def held_for_review(student: dict[str, Any]) -> int:
    """How many of a student's files `collect` held for the instructor to settle."""
    value = student.get(HELD_FOR_REVIEW)
    if isinstance(value, (list, tuple)):
        return len(value)
    return value if type(value) is int and value > 0 else 0


def read_course(course: str | Path) -> dict[str, Any]:
    """The course file of the course folder `course`."""
    return CourseDirectory(course).read()


def course_locale(course: str | Path) -> str | None:
    """The language the course's workbooks and pages speak, as `class generate` recorded it.

    en-GB for a course made before courses had one; None where there is no readable
    course yet (the caller decides: the system's language, say).
    """
    try:
        doc = CourseDirectory(course).read()
    except NextroundError:
        return None
    recorded = doc.get("locale")
    return (i18n.normalise(recorded) if isinstance(recorded, str) else None) or i18n.DEFAULT
