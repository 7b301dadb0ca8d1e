"""Making a workbook: the shipped notebook with one rejection's parameters injected.

We follow papermill's conventions, so papermill and its tooling work on our
workbooks (a `parameters` cell, an `injected-parameters` cell after it,
`metadata.papermill.parameters`), but we do the injection ourselves: it needs no
kernel and no nbformat import, values are validated first, and they are written as
readable Python literals (`'Société'`, not `"Soci\\xe9t\\xe9"`).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from nextround import __version__
from nextround.core import i18n
from nextround.core.answers import dumps as answers_text
from nextround.core.answers import new_document
from nextround.core.i18n import _, parse_locale
from nextround.core.names import STUDENT_ID
from nextround.core.parameters import Rejection
from nextround.errors import NextroundError, ParameterError, WorkbookExistsError
from nextround.making.guidance import cell_comment, locale_of, localise, translate
from nextround.storage import files
from nextround.storage.store import ANSWERS_SUFFIX, MAX_BYTES, answers_path_for

TEMPLATE = "rejection_workbook"
# The metadata namespace and its version (bumped, with an upgrade, when it changes).
METADATA_KEY = "nextround"
METADATA_VERSION = 1
#: The parameters a workbook carries beside its rejection's: who it is and where its answers are.
IDENTITY_PARAMETERS = ("workbook_id", "answers_file", "student_id", "assignment_id")
# Names made from ids: a student's folder (`core.names.student_folder`) may hold @ + ~.
_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+~-]{0,127}$")
INJECTED_COMMENT = cell_comment("The details of this rejection, set when the workbook was made")
#: The media type of the copy of the answers a workbook keeps in its own outputs.
ANSWERS_MIMETYPE = "application/vnd.nextround.answers+json"


@dataclasses.dataclass(frozen=True)
class MadeWorkbook:
    """A workbook on disk, and the answers file beside it."""

    path: Path
    workbook_id: str

    @property
    def answers_path(self) -> Path:
        return answers_path_for(self.path)


@cache
def _template(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    if nb.get("nbformat") != 4 or not isinstance(nb.get("cells"), list):
        raise NextroundError(_("is not a version 4 Jupyter notebook"), file=path)
    if parameters_cell_index(nb) is None:
        raise NextroundError(_("has no cell tagged 'parameters'"), file=path)
    return nb


def template_path(template: str | Path | None = None) -> Path:
    """The notebook workbooks are made from: the shipped one unless one is given."""
    if template is None:
        from nextround.resources import notebook

        return notebook(TEMPLATE)
    return Path(template)


def load_template(template: str | Path | None = None) -> dict[str, Any]:
    """The template notebook as JSON, read and checked once per process."""
    return _template(str(template_path(template).resolve()))


def parameters_cell_index(nb: Mapping[str, Any]) -> int | None:
    """The index of the cell tagged `parameters`, or None."""
    for i, cell in enumerate(nb["cells"]):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def python_literal(value: Any) -> str:
    """A value as readable Python source that evaluates back to the same value.

    `repr` of str, list, dict, bool and None round-trips exactly and keeps
    non-ASCII text readable; quotes, newlines and code stay inside the literal.
    """
    if isinstance(value, (str, bool, int, float, type(None))):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{python_literal(k)}: {python_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot inject a {type(value).__name__} as a notebook parameter")


def inject(
    nb: Mapping[str, Any],
    parameters: Mapping[str, Any],
    *,
    metadata: Mapping[str, Any],
    comment: str = "",
) -> dict[str, Any]:
    """A copy of `nb` with an `injected-parameters` cell after its parameters cell.

    `comment` is the cell's first line: what a person sees of it while it is hidden.
    """
    comment = comment or translate(INJECTED_COMMENT, i18n.current())
    # The template's own cells are shared, not copied: nothing here changes them.
    out = dict(nb)
    cells = [c for c in out["cells"] if not _is_injected(c)]
    index = parameters_cell_index({"cells": cells})
    assert index is not None  # checked when the template was loaded
    cells.insert(index + 1, _injected_cell(parameters, comment))
    out["cells"] = cells
    out["metadata"] = {**copy.deepcopy(out.get("metadata", {})), **copy.deepcopy(dict(metadata))}
    return out


def _is_injected(cell: Mapping[str, Any]) -> bool:
    return "injected-parameters" in cell.get("metadata", {}).get("tags", [])


def _injected_cell(parameters: Mapping[str, Any], comment: str) -> dict[str, Any]:
    lines = [f"# {comment}\n"]
    lines += [f"{name} = {python_literal(value)}\n" for name, value in parameters.items()]
    lines[-1] = lines[-1].rstrip("\n")
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": "injected-parameters",
        "metadata": {"tags": ["injected-parameters"], "jupyter": {"source_hidden": True}},
        "outputs": [],
        "source": lines,
    }


def notebook_text(nb: Mapping[str, Any]) -> str:
    """A notebook as nbformat writes it (one-space indents, sorted keys, readable text)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def _encoded_cells(path: str, locale: str) -> tuple[str, ...]:
    # Each template cell, in the workbook's language, as it appears inside a written
    # notebook (two levels deep), encoded once per run: JSON with indents is encoded in
    # pure Python, and the template's cells are most of every workbook.
    return tuple(_nested(notebook_text(cell).rstrip("\n"), 2) for cell in localise(_template(path), locale)["cells"]
                 if not _is_injected(cell))


def _nested(text: str, depth: int) -> str:
    return text.replace("\n", "\n" + " " * depth)


def _workbook_text(template: Path, parameters: Mapping[str, Any], metadata: Mapping[str, Any],
                   locale: str | None = None) -> str:
    """`notebook_text(localise(inject(...), locale))` for a template, but encoding only what changes.

    `locale` defaults to the one the parameters name (en-GB when none).
    """
    locale = parse_locale(locale) if locale else locale_of(parameters)
    key = str(template.resolve())
    nb = _template(key)
    cells = list(_encoded_cells(key, locale))
    index = parameters_cell_index({"cells": [c for c in nb["cells"] if not _is_injected(c)]})
    assert index is not None
    comment = translate(INJECTED_COMMENT, locale)
    cells.insert(index + 1, _nested(notebook_text(_injected_cell(parameters, comment)).rstrip("\n"), 2))
    rest = {k: v for k, v in nb.items() if k != "cells"}
    rest["metadata"] = {**nb.get("metadata", {}), **metadata}
    tail = notebook_text(rest).rstrip("\n")[1:]  # its keys all sort after "cells"
    return '{\n "cells": [\n  ' + ",\n  ".join(cells) + "\n ]," + tail + "\n"


def make(
    rejection: Rejection,
    folder: str | Path,
    *,
    name: str | None = None,
    template: str | Path | None = None,
    today: date | None = None,
    extra_metadata: Mapping[str, Any] | None = None,
    student_id: str = "",
    assignment_id: str = "",
    locale: str | None = None,
) -> MadeWorkbook:
    """Write a new workbook (and its first answers file) for one rejection.

    A class workbook also carries the student's and the assignment's ids, in its
    parameters, its metadata and its answers. Its guidance is in `locale`, by
    default the one its parameters name (en-GB when none). Never overwrites: raises
    WorkbookExistsError if the workbook or its answers file is already there.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NextroundError(_("is a file, not a folder"), file=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NextroundError(_("cannot be made ({reason})").format(reason=exc.strerror),
                             file=exc.filename or folder) from None
    path = folder / f"{name or rejection.slug(today)}.ipynb"
    answers_path = answers_path_for(path)
    for existing in (path, answers_path):
        if existing.exists():
            raise WorkbookExistsError(
                _("already exists and was left untouched; choose another --dir or remove it first"),
                file=existing,
            )
    workbook_id = uuid.uuid4().hex
    identity = {"student_id": student_id, "assignment_id": assignment_id} if student_id else {}
    doc = {**new_document(workbook_id, rejection.to_answers()), **identity}
    answers_data = answers_text(doc).encode("utf-8")
    if len(answers_data) > MAX_BYTES:
        raise NextroundError(_("would be larger than {size} MB, the most an answers file may hold, so nothing was "
                               "written; shorten the longest values").format(size=MAX_BYTES // (1024 * 1024)),
                             file=answers_path)
    # The template is read and checked (once per run) before anything is written.
    text = workbook_text(rejection, workbook_id=workbook_id, answers_file=answers_path.name, identity=identity,
                         template=template, output_path=path.name, extra_metadata=extra_metadata, locale=locale)
    _write_new(path, text)
    try:
        _write_new(answers_path, answers_data)
    except WorkbookExistsError:
        path.unlink()  # someone made the answers file this instant: leave theirs be
        raise
    return MadeWorkbook(path=path, workbook_id=workbook_id)


def workbook_text(
    rejection: Rejection,
    *,
    workbook_id: str,
    answers_file: str,
    identity: Mapping[str, str] | None = None,
    template: str | Path | None = None,
    output_path: str = "",
    created_at: str | None = None,
    extra_metadata: Mapping[str, Any] | None = None,
    locale: str | None = None,
) -> str:
    """The text of a workbook for `rejection`: the template with its parameters injected.

    `identity`: a class workbook's student and assignment ids, carried in its
    parameters and its metadata. `created_at` defaults to now. `locale`: the
    language of its guidance, by default the one its parameters name (en-GB when none).
    """
    identity = dict(identity or {})
    parameters = {**rejection.to_parameters(), "workbook_id": workbook_id, "answers_file": answers_file, **identity}
    nb_path = template_path(template)
    # Workbooks are shared (with a mentor, a class): their metadata records nothing of
    # this machine, so file names only, never the folders (a home folder names its owner).
    metadata = {
        "papermill": {
            "parameters": parameters,
            "default_parameters": {},
            "input_path": nb_path.name,
            "output_path": Path(output_path).name if output_path else "",
            "environment_variables": {},
            "version": None,
        },
        METADATA_KEY: {
            "version": METADATA_VERSION,
            "workbook_id": workbook_id,
            "template": nb_path.stem,
            "created_at": created_at or datetime.now().astimezone().isoformat(timespec="seconds"),
            "nextround_version": __version__,
            **identity,
            **(extra_metadata or {}),
        },
    }
    return _workbook_text(nb_path, parameters, metadata, locale)


def recorded_parameters(nb: Mapping[str, Any]) -> tuple[Rejection, dict[str, str]]:
    """A made workbook's parameters, as its metadata records them, validated.

    Read from `metadata.papermill.parameters`, never by running its injected cell:
    a notebook from someone else is data. Returns the rejection and the identity
    parameters (`IDENTITY_PARAMETERS`, "" when absent); ParameterError names the
    first field that is wrong.
    """
    meta = nb.get("metadata")
    papermill = meta.get("papermill") if isinstance(meta, Mapping) else None
    values = papermill.get("parameters") if isinstance(papermill, Mapping) else None
    if not isinstance(values, Mapping):
        raise ParameterError(_("records no parameters"), field="metadata.papermill.parameters")
    rejection = Rejection.from_mapping({k: v for k, v in values.items() if k not in IDENTITY_PARAMETERS})
    identity = {}
    for name in IDENTITY_PARAMETERS:
        value = values.get(name, "")
        if not isinstance(value, str):
            raise ParameterError(_("must be text, not {kind}").format(kind=type(value).__name__), field=name)
        if name == "student_id" and value and not STUDENT_ID.match(value):  # never quoted: it is someone's file
            raise ParameterError(_("is not a usable student id (a number, username or email address)"), field=name)
        if name != "student_id" and value and not _IDENTIFIER.match(
                value if name != "answers_file" else value.removesuffix(ANSWERS_SUFFIX)):
            raise ParameterError(_("is not a usable name (letters, digits, dot, dash or underscore)"), field=name)
        identity[name] = value
    if not identity["workbook_id"]:
        raise ParameterError(_("is required"), field="workbook_id")
    return rejection, identity


def make_from(values: Mapping[str, Any], folder: str | Path) -> Path:
    """Validate `values` (the options of `nextround new`) and make the workbook; its path.

    With no rejection date, the rejection is today's; with no locale, the workbook
    speaks the system's (`i18n.system_locale`). ParameterError names a wrong field;
    WorkbookExistsError means nothing was overwritten.
    """
    from nextround.core.i18n import system_locale

    values = dict(values)
    if values.get("rejected_on") is None:
        values["rejected_on"] = date.today()
    if not values.get("locale"):
        values["locale"] = system_locale()
    return make(Rejection.from_mapping(values), folder).path


#: The parameters a workbook carries besides the rejection's: who and where it is.
IDENTITY = ("workbook_id", "answers_file", "student_id", "assignment_id")


def read_parameters(nb: Any, *, file: str | Path | None = None) -> tuple[Rejection, dict[str, str]]:
    """The rejection and the identity (workbook and answers file) a workbook was made with.

    Read from `metadata.papermill.parameters` as data, never by running a cell, and
    validated as when the workbook was made. Raises NextroundError when the notebook
    is not a workbook of ours: no nextround metadata, or parameters that do not
    validate (ParameterError, naming the field). The answers file, when named, is a
    file name: it lies beside the workbook.
    """
    metadata = nb.get("metadata") if isinstance(nb, Mapping) else None
    ours = isinstance(metadata, Mapping) and isinstance(metadata.get(METADATA_KEY), Mapping)
    papermill = metadata.get("papermill") if ours else None  # type: ignore[union-attr]
    values = papermill.get("parameters") if isinstance(papermill, Mapping) else None
    if not isinstance(values, Mapping):
        raise NextroundError(_("has no nextround parameters"), file=file)
    identity = {k: v for k, v in values.items() if k in IDENTITY}
    for name, value in identity.items():
        if not isinstance(value, str):
            raise ParameterError(_("must be text, not {kind}").format(kind=type(value).__name__), file=file,
                                 field=name)
    answers_file = identity.get("answers_file", "")
    if answers_file and (Path(answers_file).name != answers_file or answers_file.startswith(".")
                         or not answers_file.endswith(ANSWERS_SUFFIX)):
        raise ParameterError(_("must be a file name ending in {suffix}").format(suffix=ANSWERS_SUFFIX), file=file,
                             field="answers_file")
    given = {k: v for k, v in values.items() if k not in IDENTITY}
    rejection = Rejection.from_mapping(given, file=None if file is None else str(file))
    return rejection, identity


def embedded_answers(nb: Mapping[str, Any]) -> dict[str, Any] | None:
    """The copy of the answers a notebook carries in its outputs (the last one), if any.

    Reading it never executes anything: a notebook is data here.
    """
    found = None
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data", {}) if isinstance(output, Mapping) else {}
            if isinstance(data.get(ANSWERS_MIMETYPE), dict):
                found = data[ANSWERS_MIMETYPE]
    return found


def _write_new(path: Path, text: str | bytes) -> None:
    try:
        files.create(path, text)
    except FileExistsError:
        raise WorkbookExistsError(_("already exists and was left untouched"), file=path) from None
