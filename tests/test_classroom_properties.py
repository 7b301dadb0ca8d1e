"""Property-based tests of `class collect`: whatever is handed in beside good work.

Hypothesis makes notebooks and answers files — valid, subtly invalid, with a wrong
type anywhere in their JSON, with odd metadata, cut short, nested deep — and puts
them into zips, zips in zips and folders beside five students' good hand-ins. For
every mix:

- nothing raises, and no reason is the last-resort "unexpected" one;
- every entry is named in at most one line, and one that is not named was collected;
- every good student is collected exactly as if their files were alone (the course
  file too, but for the spoiled student's own record of what was collected);
- no file outside the course folder changes, and no staging folder is left.

Budget: `max_examples=150` per property, no deadline (about twenty seconds each).
What Hypothesis found is kept as regular tests in tests/test_classroom_edges.py (a
cell type that is a list; a file named as unreadable and again as a duplicate).
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import read_json
from nextround.api import open_answers
from nextround.classroom import collect
from nextround.classroom import generate as classroom

ASSIGNMENT = "after-the-no"
GOOD = [f"g7xq{n}" for n in range(1, 6)]  # ids nothing generated could spell by chance
ODD = "odd01"  # the student whose files Hypothesis spoils
PRIVATE = "PRIVATE-WORDS-91b4"
BUDGET = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- the class, made once --------------------------------------------------------------


@dataclass(repr=False)
class Class:
    course: Path  # the course as handed out; each example collects into a copy
    good: dict[str, bytes]  # file name -> content: the good students' hand-ins
    notebook: dict[str, Any]  # ODD's notebook, as saved in JupyterLab (answers inside)
    answers: dict[str, Any]  # ODD's answers file
    alone: dict[str, bytes]  # the course folder after collecting the good hand-ins alone

    def __repr__(self) -> str:
        return "Class(...)"


def _saved_in_lab(workbook: Path) -> dict[str, Any]:
    nb = read_json(workbook)
    carrier = {"output_type": "display_data", "metadata": {},
               "data": {"application/vnd.nextround.answers+json": read_json(_answers_of(workbook)), "text/plain": ""}}
    setup = next(c for c in nb["cells"] if "".join(c["source"]).startswith("# Opening your workbook"))
    setup["outputs"] = [carrier]
    return nb


def _answers_of(workbook: Path) -> Path:
    return workbook.with_name(workbook.stem + ".answers.json")


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _without_odd(tree: dict[str, bytes]) -> dict[str, Any]:
    """A course folder's files but ODD's; the course file without ODD's record (it holds their state)."""
    kept: dict[str, Any] = {k: v for k, v in tree.items() if ODD not in k}
    course = json.loads(kept.pop("course.json"))
    course["students"] = [s for s in course["students"] if s["student_id"] != ODD]
    return {**kept, "course.json": course}


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> Class:
    import csv

    root = tmp_path_factory.mktemp("class")
    with open(root / "roster.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "name"])
        writer.writerows([sid, f"Student {sid}"] for sid in [*GOOD, ODD])
    course = root / "course"
    assert not classroom.generate(root / "roster.csv", course, assignment_id=ASSIGNMENT, seed=1,
                                  today=date(2026, 10, 5)).failed
    good: dict[str, bytes] = {}
    for n, sid in enumerate([*GOOD, ODD]):
        workbook = next((course / "release" / sid).glob("*.ipynb"))
        answers = open_answers(workbook)
        answers.add_checkin(2 + n, ready=True, note=PRIVATE)
        answers.update("reply", draft=PRIVATE)
        answers.score("preparation", 1 + n % 5)
        if sid in GOOD:
            good[f"{sid}.ipynb"] = json.dumps(_saved_in_lab(workbook)).encode()
            if n % 2:
                good[f"{sid}.answers.json"] = _answers_of(workbook).read_bytes()
    odd = next((course / "release" / ODD).glob("*.ipynb"))
    alone = root / "alone"
    shutil.copytree(course, alone)
    (root / "good").mkdir()
    for name, data in good.items():
        (root / "good" / name).write_bytes(data)
    result = collect.collect([root / "good"], [*GOOD, ODD], ASSIGNMENT, alone)
    assert sorted(result.chosen) == GOOD and not list(collect.iter_problems(result))[:-1]
    return Class(course, good, _saved_in_lab(odd), read_json(_answers_of(odd)), _tree(alone))


# --- strategies --------------------------------------------------------------------------

_LEAVES = (st.none() | st.booleans() | st.integers() | st.integers(min_value=10**40, max_value=10**60)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12))
JSON = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                             max_size=3), max_leaves=6)


def paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON tree (its root too)."""
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from paths(value, (*prefix, i))


def replaced(doc: Any, path: tuple[Any, ...], value: Any, delete: bool = False) -> Any:
    if not path:
        return value
    out = copy.deepcopy(doc)
    parent = out
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return out


@st.composite
def spoiled(draw: st.DrawFn, base: dict[str, Any]) -> bytes:
    """A file made from a valid one: changed somewhere in its tree, cut short, nested, or not JSON at all."""
    how = draw(st.sampled_from(["replace", "replace", "replace", "delete", "metadata", "cut", "nest", "bytes",
                                "utf-16"]))
    if how in ("replace", "delete"):
        # Favour the places collect reads: metadata, cells, outputs, the answers inside.
        places = list(paths(base))
        path = draw(st.sampled_from(places))
        if how == "delete" and path:
            return json.dumps(replaced(base, path, None, delete=True)).encode()
        return json.dumps(replaced(base, path, draw(JSON))).encode()
    if how == "metadata":
        key = draw(st.sampled_from(["nextround", "papermill", "student_id", "assignment_id", "parameters"]))
        doc = copy.deepcopy(base)
        target = doc.setdefault("metadata", {})
        if key in ("student_id", "assignment_id") and isinstance(target.get("nextround"), dict):
            target = target["nextround"]
        elif key == "parameters" and isinstance(target.get("papermill"), dict):
            target = target["papermill"]
        target[key] = draw(JSON)
        return json.dumps(doc).encode()
    text = json.dumps(base).encode()
    if how == "cut":
        return text[: draw(st.integers(0, len(text) - 1))]
    if how == "nest":
        depth = draw(st.sampled_from([100, 990, 5_000, 200_000]))
        return b"[" * depth + text + b"]" * depth
    if how == "utf-16":
        return json.dumps(base).encode("utf-16")
    return draw(st.binary(max_size=200))


PLACES = st.sampled_from(["folder", "zip", "inner zip"])


@dataclass
class Entry:
    name: str
    data: bytes
    place: str

    def __repr__(self) -> str:
        return f"Entry({self.name!r}, {self.data[:60]!r}... {len(self.data)} bytes, {self.place!r})"


def lay_out(root: Path, entries: list[Entry]) -> dict[str, str]:
    """Put entries into a folder, a zip and a zip inside it; each entry's label, by name."""
    folder, archive = root / "hand-ins", root / "download.zip"
    folder.mkdir()
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        for entry in entries:
            if entry.place == "inner zip":
                z.writestr(f"late/{entry.name}", entry.data)
    labels = {}
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for entry in entries:
            if entry.place == "zip":
                z.writestr(f"Assignment/{entry.name}", entry.data)
                labels[entry.name] = f"{archive} › Assignment/{entry.name}"
            elif entry.place == "inner zip":
                labels[entry.name] = f"{archive} › Assignment/late.zip › late/{entry.name}"
            else:
                (folder / entry.name).write_bytes(entry.data)
                labels[entry.name] = str(folder / entry.name)
        z.writestr("Assignment/late.zip", inner.getvalue())
    return labels


def check_collects_as_if_alone(klass: Class, bad: list[Entry], good_places: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        course = Path(shutil.copytree(klass.course, root / "course"))
        entries = [Entry(name, data, place) for (name, data), place in zip(klass.good.items(), good_places, strict=True)]
        labels = lay_out(root, entries + bad)
        outside = {k: v for k, v in _tree(root).items() if not k.startswith("course/")}

        result = collect.collect([root / "download.zip", root / "hand-ins"], [*GOOD, ODD], ASSIGNMENT, course)
        lines = list(collect.iter_problems(result))

        assert all(PRIVATE not in line for line in lines)
        assert not any("unexpected" in line for line in lines), lines
        chosen = {item.source: item.digest for kinds in result.chosen.values() for item in kinds.values()}
        kept = set(chosen.values()) | {item.digest for item in result.set_aside}
        for entry in entries + bad:
            label = labels[entry.name]
            named = [line for line in lines if line.split(": ", 1)[1].startswith(f"{label}: ")]
            assert len(named) <= 1, named
            if entry in entries:
                assert not named and label in chosen
            elif not named:  # a change that did no harm: collected, or an identical copy of what was kept
                assert label in chosen or hashlib.sha256(entry.data).hexdigest() in kept, (label, lines)
        assert _without_odd(_tree(course)) == _without_odd(klass.alone)
        assert not list(course.glob(".collecting-*"))
        assert {k: v for k, v in _tree(root).items() if not k.startswith("course/")} == outside


# --- the properties ----------------------------------------------------------------------


@BUDGET
@given(data=st.data())
def test_spoiled_notebooks_beside_good_work(klass: Class, data: st.DataObject) -> None:
    bad = [Entry(f"odd-{i}.ipynb", data.draw(spoiled(klass.notebook)), data.draw(PLACES))
           for i in range(data.draw(st.integers(1, 4)))]
    check_collects_as_if_alone(klass, bad, data.draw(st.lists(PLACES, min_size=len(klass.good), max_size=len(klass.good))))


@BUDGET
@given(data=st.data())
def test_spoiled_answers_files_beside_good_work(klass: Class, data: st.DataObject) -> None:
    bad = [Entry(f"odd-{i}.answers.json", data.draw(spoiled(klass.answers)), data.draw(PLACES))
           for i in range(data.draw(st.integers(1, 4)))]
    check_collects_as_if_alone(klass, bad, data.draw(st.lists(PLACES, min_size=len(klass.good), max_size=len(klass.good))))


@BUDGET
@given(junk=st.binary(max_size=400), at=st.integers(0, 10_000))
def test_a_spoiled_zip_beside_good_work_in_a_folder(klass: Class, junk: bytes, at: int) -> None:
    """A download damaged anywhere: whatever is in it, the folder's good work is collected as if alone."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        course = Path(shutil.copytree(klass.course, root / "course"))
        (root / "good").mkdir()
        for name, data in klass.good.items():
            (root / "good" / name).write_bytes(data)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("odd.ipynb", json.dumps(klass.notebook))
            z.writestr("odd.answers.json", json.dumps(klass.answers))
        raw = buffer.getvalue()
        at = at % (len(raw) + 1)
        (root / "damaged.zip").write_bytes(raw[:at] + junk + raw[at + len(junk):])
        result = collect.collect([root / "damaged.zip", root / "good"], [*GOOD, ODD], ASSIGNMENT, course)
        lines = list(collect.iter_problems(result))
        assert not any("unexpected" in line for line in lines), lines
        assert _without_odd(_tree(course)) == _without_odd(klass.alone)
