"""One handout for the whole class: a notebook that becomes each student's own workbook.

An LMS posts one file to everyone, so `write_handout` makes one notebook from the
course: the shipped `notebooks/handout.ipynb` with the class's details injected as
data (papermill's conventions, as every workbook). Run the first time, its one
call, `ask`, asks the student who they are (or takes their hub user name from
`JUPYTERHUB_USER`), checks the id against the roster and saves their own workbook
beside the handout: the shipped template with their scenario and their ids, made by
`making.workbook.make` exactly as `class generate` makes it, under the same name.
Run before that, it only shows the question.

What the handout holds about the class, and what it does not:

- No student id and no name in clear. Each roster id is stretched with a salt made
  for this handout (`hashlib.pbkdf2_hmac`, `ITERATIONS` rounds) into a key; the
  handout keeps a tag from the key (to recognise the id when typed) and the id's
  exact spelling sealed with the rest of it (so "S1234" typed as "s1234" still makes
  the workbook the roster's "S1234" would). Only someone who already knows an id can
  find it, one slow guess at a time: ids are not secrets, and a determined guesser
  with a list of likely ids can check each of them, as they could on any sign-in page.
- Each student's scenario, as `class generate` dealt it by the course's seed and
  recorded in the course file, so a student gets the same scenario from the handout
  as from their own released workbook; and the scenarios' details (fictional).
- A student who brought their own rejection is recognised and told to ask for the
  workbook made for them: their rejection's details stay out of a file everyone gets.

The handout runs only the package's own code: its cells are one call each, and a
typed id is data, looked up, never run. Its small form lives here rather than in
`notebook` because making the workbook needs the course's dealing (`generate`), which
the notebook faces may not import; it uses ipywidgets and `render` only.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from nextround.classroom.course import CourseDirectory
from nextround.core import i18n
from nextround.core.i18n import _, current
from nextround.errors import NextroundError, WorkbookExistsError
from nextround.making.guidance import cell_comment, localise

NOTEBOOK = "handout"
HANDOUT_FORMAT = "nextround-handout"
HANDOUT_VERSION = 1
#: Rounds of PBKDF2-SHA256 per id: a few milliseconds to check the id a student types,
#: and as long again for every guess someone makes at an id they do not know.
ITERATIONS = 20_000
MOST_ITERATIONS = 1_000_000  # a damaged handout must not keep a student's kernel busy for hours
LONGEST_ID = 256  # characters: longer than any roster's ids, and not worth stretching
OWN = "own"  # the scenario of a student who brought their own rejection
COMMENT = cell_comment("The class's details, set when your instructor made this handout")
_TAG_BYTES = 16


# --- ids, kept out of sight ---------------------------------------------------------


def normalised(student_id: str) -> str:
    """An id as it is compared: surrounding spaces, letter case and look-alike forms set aside."""
    return unicodedata.normalize("NFKC", student_id).strip().casefold()


def _key(student_id: str, salt: str, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", normalised(student_id).encode("utf-8"), bytes.fromhex(salt), iterations)


def _stream(key: bytes, n: int) -> bytes:
    return hashlib.shake_256(key[_TAG_BYTES:]).digest(n)


def _seal(student_id: str, key: bytes) -> str:
    data = student_id.encode("utf-8")
    return bytes(a ^ b for a, b in zip(data, _stream(key, len(data)))).hex()


def _unseal(sealed: str, key: bytes) -> str:
    data = bytes.fromhex(sealed)
    return bytes(a ^ b for a, b in zip(data, _stream(key, len(data)))).decode("utf-8")


# --- the instructor's side: writing the handout ------------------------------------------


def handout_data(course: str | Path, *, scenario_file: str | Path | None = None,
                 salt: str | None = None, locale: str | None = None) -> dict[str, Any]:
    """What a handout carries about the course: tags and sealed ids, scenarios, the assignment, the language.

    `locale`: the language the handout and the workbooks it makes speak (default: the
    course's, as `class generate` recorded it).

    `scenario_file`: the scenarios `class generate` was given, if not the shipped
    ones (those written for `locale`). NextroundError when a student's recorded
    scenario is not among them, or when a released workbook shows they differ from
    those `generate` used.
    """
    from nextround.classroom.generate import scenarios

    layout = CourseDirectory(course)
    doc = layout.read()
    recorded = doc.get("locale")
    # An older course has none: en-GB.
    locale = (i18n.parse_locale(locale) if locale else None) or (
        i18n.normalise(recorded) if isinstance(recorded, str) else None) or i18n.DEFAULT
    pools: dict[str, dict[str, dict[str, str]]] = {}

    def pool_in(language: str) -> dict[str, dict[str, str]]:
        """The scenarios by id as written for `language` (an instructor's file is the same in every one)."""
        key = language if scenario_file is None else ""
        if key not in pools:
            pools[key] = {s["scenario_id"]: s for s in scenarios(scenario_file, language)}
        return pools[key]

    pool = pool_in(locale)
    salt = salt or secrets.token_hex(16)
    students: dict[str, list[str]] = {}
    used: dict[str, str] = {}  # scenario id -> one student who has it
    for student in doc["students"]:
        sid, scenario = student["student_id"], student.get("scenario") or ""
        if scenario != OWN and scenario not in pool:
            raise NextroundError(
                _("student {student} was dealt scenario {scenario}, which is not among the scenarios; "
                  "give `class handout` the same --scenarios file as `class generate`").format(
                    student=repr(sid), scenario=repr(scenario)), file=layout.course_file)
        key = _key(sid, salt, ITERATIONS)
        students[key[:_TAG_BYTES].hex()] = [_seal(sid, key), scenario]
        used.setdefault(scenario, sid)
    for scenario, sid in used.items():
        if scenario != OWN:
            _check_released(layout, sid, scenario, pool_in)
    return {
        "format": HANDOUT_FORMAT,
        "version": HANDOUT_VERSION,
        "assignment_id": doc["assignment_id"],
        "locale": locale,
        "salt": salt,
        "iterations": ITERATIONS,
        "students": students,
        "scenarios": {name: {k: v for k, v in pool[name].items() if k != "scenario_id"}
                      for name in sorted(used) if name != OWN},
    }


def _check_released(layout: CourseDirectory, student_id: str, scenario_id: str,
                    pool_in: Callable[[str], Mapping[str, Mapping[str, str]]]) -> None:
    """A released workbook and the scenario the handout would give its student must agree.

    They are compared in the released workbook's language: a handout made in another
    language than the course gives the same scenario, as written for its own.
    """
    from nextround.classroom.generate import scenario_rejection
    from nextround.making.workbook import recorded_parameters

    for path in sorted(layout.release(student_id).glob("*.ipynb")):
        try:
            released, _identity = recorded_parameters(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, NextroundError):
            continue  # a released workbook changed since: nothing to compare with
        scenario = pool_in(released.locale).get(scenario_id)
        mine = scenario_rejection(scenario, date.today()) if scenario is not None else None
        if mine is None or (released.company, released.role, released.stage, released.contacts,
                            released.scenario) != (mine.company, mine.role, mine.stage, mine.contacts, mine.scenario):
            raise NextroundError(
                _("gives {student} a different scenario from the one `class generate` released to them; "
                  "give `class handout` the same --scenarios file as `class generate`").format(
                    student=repr(student_id)), file=path)


def write_handout(course: str | Path, output: str | Path, *, scenario_file: str | Path | None = None,
                  locale: str | None = None) -> Path:
    """Write the class's handout notebook to `output`, speaking `locale` (default: the course's); its path.

    A file already at `output` is replaced only if it is a handout itself.
    """
    from nextround import __version__
    from nextround.making.workbook import METADATA_KEY, inject, notebook_text
    from nextround.resources import notebook
    from nextround.storage import files

    output = files.writable(output)  # before any slow work: a typo should cost nothing
    if output.exists() and not _is_handout(output):
        raise NextroundError(_("is already there and is not a handout, so it was left untouched; "
                               "choose another name"), file=output)
    data = handout_data(course, scenario_file=scenario_file, locale=locale)
    with open(notebook(NOTEBOOK), encoding="utf-8") as f:
        template = json.load(f)
    metadata = {METADATA_KEY: {
        "template": NOTEBOOK, "version": HANDOUT_VERSION, "assignment_id": data["assignment_id"],
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"), "nextround_version": __version__,
    }}
    with i18n.using(data["locale"]):
        nb = localise(inject(template, {"handout": data}, metadata=metadata, comment=COMMENT), current())
    files.replace(output, notebook_text(nb))
    return output


def _is_handout(path: Path) -> bool:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["nextround"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return isinstance(meta, dict) and meta.get("template") == NOTEBOOK


# --- the student's side: claiming a workbook ---------------------------------------------


class NotOnRoster(NextroundError):
    """The id given is not one of the class's."""


class OwnWorkbook(NextroundError):
    """The student brought their own rejection: their workbook comes from the instructor."""


def handout_locale(handout: Any) -> str:
    """The language a handout speaks (en-GB for one made before handouts had one, or a damaged one)."""
    recorded = handout.get("locale") if isinstance(handout, Mapping) else None
    return (i18n.normalise(recorded) if isinstance(recorded, str) else None) or i18n.DEFAULT


def check(handout: Any) -> dict[str, Any]:
    """The handout's data, checked; NextroundError saying what to do when it is not usable."""
    if not isinstance(handout, Mapping) or handout.get("format") != HANDOUT_FORMAT:
        raise NextroundError(_("This handout has no class details in it. Download it again from your course "
                               "page, or ask your instructor for a fresh copy."))
    if handout.get("version") != HANDOUT_VERSION:
        raise NextroundError(_("This handout was made by a different version of nextround. Update it "
                               "(pip install --upgrade nextround), then run the handout again."))
    rounds = handout.get("iterations")
    ok = (isinstance(handout.get("assignment_id"), str) and isinstance(handout.get("salt"), str)
          and isinstance(rounds, int) and 1 <= rounds <= MOST_ITERATIONS
          and isinstance(handout.get("students"), Mapping) and isinstance(handout.get("scenarios"), Mapping))
    if not ok:
        raise NextroundError(_("This handout's class details are damaged. Download it again from your course "
                               "page, or ask your instructor for a fresh copy."))
    return dict(handout)


def identify(handout: Mapping[str, Any], typed: str) -> tuple[str, str]:
    """The roster's spelling of the id `typed`, and its scenario; NotOnRoster if it is not there."""
    handout = check(handout)
    if not normalised(typed):
        raise NotOnRoster(_("Type your student id first."))
    if len(typed) > LONGEST_ID:
        raise NotOnRoster(_("That is longer than any id on this class's list. Check it against your course page "
                            "or student card and try again."))
    try:
        key = _key(typed, handout["salt"], handout["iterations"])
    except ValueError:
        raise NotOnRoster(_("This handout's class details are damaged; ask your instructor for a fresh copy.")
                          ) from None
    entry = handout["students"].get(key[:_TAG_BYTES].hex())
    if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
        raise NotOnRoster(_("“{id}” isn't on this class's list. Check it against your course page or student card "
                            "and try again; if it still doesn't work, ask your instructor.").format(id=typed.strip()))
    try:
        return _unseal(entry[0], key), entry[1]
    except (ValueError, UnicodeDecodeError):
        raise NotOnRoster(_("This handout's class details are damaged; ask your instructor for a fresh copy.")
                          ) from None


def claim(handout: Mapping[str, Any], typed: str, folder: str | Path, *, today: date | None = None) -> Path:
    """Make the workbook of the student whose id is `typed`, in `folder`; its path.

    The same workbook `class generate` makes them: the same scenario, their ids,
    the same file name. NotOnRoster for an id not on the roster; OwnWorkbook for a
    student who brought their own rejection; WorkbookExistsError (its `file` the
    workbook) when it is already there, left untouched.
    """
    from nextround.classroom.generate import scenario_rejection
    from nextround.making.workbook import make

    handout = check(handout)
    student_id, scenario_id = identify(handout, typed)
    if scenario_id == OWN:
        raise OwnWorkbook(_("Your instructor has made a workbook just for you, with the details of your own "
                            "rejection. Ask them for it; this handout is for the practice scenarios."))
    scenario = handout["scenarios"].get(scenario_id)
    if not isinstance(scenario, Mapping):
        raise NextroundError(_("This handout's class details are damaged; ask your instructor for a fresh copy."))
    rejection = scenario_rejection({k: v for k, v in scenario.items() if isinstance(v, str)}, today or date.today(),
                                   handout_locale(handout))
    assignment_id = handout["assignment_id"]
    return make(rejection, folder, name=f"{assignment_id}-{student_id}", student_id=student_id,
                assignment_id=assignment_id).path


# --- what the handout's cell shows -------------------------------------------------------


def notebook_folder() -> Path:
    """The running notebook's folder: Jupyter names the notebook in JPY_SESSION_NAME; else the kernel's."""
    session = os.environ.get("JPY_SESSION_NAME", "")
    return Path(session).parent if session.endswith(".ipynb") else Path.cwd()


def ask(handout: Any, *, folder: str | Path | None = None) -> Any:
    """The handout's one call: the question, or the student's workbook once it is made.

    On a hub (`JUPYTERHUB_USER`) whose user is on the roster, the workbook is made
    at once. Otherwise a small form asks for the id; a wrong one is told kindly and
    may be tried again. Nothing here raises: a problem is a notice in the output. It
    speaks the handout's language, as the workbook it makes will.
    """
    with i18n.using(handout_locale(handout)):
        return _ask(handout, folder)


def _ask(handout: Any, folder: str | Path | None) -> Any:
    import ipywidgets as w

    from nextround.render.html import banner

    where = Path(folder) if folder is not None else notebook_folder()
    if isinstance(handout, Mapping) and not handout:
        return w.HTML(banner(_("This is the template of a class handout. Your instructor makes the one to run with "
                               "`nextround class handout`."), "info"))
    try:
        check(handout)
    except NextroundError as exc:
        return w.HTML(banner(exc.message, "error"))
    hub_user = os.environ.get("JUPYTERHUB_USER", "").strip()
    note = ""
    if hub_user:
        message, settled = _claimed(handout, hub_user, where)
        if settled:
            return w.HTML(message)
        note = _("You're signed in as “{user}”, which isn't on this class's list. Type your student id "
                 "instead.").format(user=hub_user)
    return _form(handout, where, note)


def _claimed(handout: Mapping[str, Any], typed: str, folder: Path) -> tuple[str, bool]:
    """The notice to show for the id `typed` (HTML), and whether that settles it (False: try again)."""
    notice, settled = _outcome(handout, typed, folder)
    return str(notice), settled


def _outcome(handout: Mapping[str, Any], typed: str, folder: Path) -> tuple[str, bool]:
    from nextround.render.html import banner

    try:
        path = claim(handout, typed, folder)
    except WorkbookExistsError as exc:
        path = Path(exc.file or "")
        if path.suffix != ".ipynb":  # its answers file is there alone: leave it be, and say so
            return banner(_("Your answers file, {name}, is already here without its workbook, so nothing was made. "
                            "Ask your instructor for your workbook rather than start again.").format(name=path.name),
                          "warn"), True
        return _ready(path, again=True), True
    except OwnWorkbook as exc:
        return banner(exc.message, "info"), True
    except NotOnRoster as exc:
        return banner(exc.message, "warn"), False
    except NextroundError as exc:
        return banner(str(exc), "error"), False
    except OSError as exc:  # a read-only folder (an LMS preview, a shared drive): say where to go instead
        return banner(_("Your workbook could not be saved in this folder ({reason}). Save this handout in a folder "
                        "of your own, open it from there and run it again.").format(reason=exc.strerror or exc),
                      "error"), False
    return _ready(path, again=False), True


def _ready(path: Path, *, again: bool) -> str:
    from nextround.render.html import Markup, banner

    text = (_('Your workbook is already here: <a href="{name}"><b>open {name}</b></a>. Choose '
              "<i>Run › Run All Cells</i> there and take it one step at a time. You can close this handout now.")
            if again else
            _('Your workbook is ready: <a href="{name}"><b>open {name}</b></a>. Choose <i>Run › Run All Cells</i> '
              "there and take it one step at a time. You can close this handout now."))
    return banner(Markup(text).format(name=path.name), "ok")


def _form(handout: Mapping[str, Any], folder: Path, note: str) -> Any:
    import ipywidgets as w

    from nextround.render.html import Markup, banner

    locale = i18n.current()
    field = w.Text(description=_("Student id"), placeholder=_("as on your course page or student card"),
                   style={"description_width": "7em"}, layout=w.Layout(width="100%", max_width="480px"))
    button = w.Button(description=_("Make my workbook"), icon="plus", button_style="primary",
                      layout=w.Layout(width="auto"))
    result = w.HTML(banner(note, "warn") if note else "")

    def make(clicked: Any = None) -> None:
        with i18n.using(locale):  # a click arrives outside the cell that made the form
            result.value, settled = _claimed(handout, field.value, folder)
        if settled:  # made, or never to be made here: nothing more to type
            field.disabled = button.disabled = True

    button.on_click(make)
    question = w.HTML(Markup(_("<b>Who are you?</b> Type your student id, then press <i>Make my workbook</i>.")))
    form = w.VBox([question, field, button, result], layout=w.Layout(max_width="680px"))
    form.field, form.button, form.result = field, button, result  # for tests and the curious
    return form
