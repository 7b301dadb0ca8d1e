"""Workbooks run in warm kernels: the same content as a fresh kernel, failures kept to their workbook."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import nextround
from conftest import ACME, code_cells, read_json, run_cli, widget_values
from nextround.making.kernels import execute_many
from nextround.making.run import execute

pytestmark = pytest.mark.slow


def content(path: Path) -> dict[str, Any]:
    """What a person sees in an executed workbook: cells, outputs and widgets.

    Widget model ids are random, so each reference to a model is replaced by the
    model's own state; execution counts and timing metadata are left out.
    """
    nb = read_json(path)
    state = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]

    def resolve(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("IPY_MODEL_"):
            return resolve(state[value.removeprefix("IPY_MODEL_")]["state"])
        if isinstance(value, dict):
            resolved = {k: resolve(v) for k, v in value.items() if k != "model_id"}
            if "model_id" in value:
                resolved["model"] = resolve("IPY_MODEL_" + value["model_id"])
            return resolved
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    cells = []
    for cell in nb["cells"]:
        metadata = {k: v for k, v in cell["metadata"].items() if k != "execution"}
        outputs = [resolve({k: v for k, v in o.items() if k != "execution_count"}) for o in cell.get("outputs", [])]
        cells.append({"source": cell["source"], "metadata": metadata, "outputs": outputs})
    metadata = {k: v for k, v in nb["metadata"].items() if k != "widgets"}
    return {"cells": cells, "metadata": metadata, "widget_models": len(state)}


def copy_workbook(workbook: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in (workbook, workbook.with_name(workbook.stem + ".answers.json")):
        shutil.copy2(path, folder / path.name)
    return folder / workbook.name


def add_cell(workbook: Path, source: str) -> None:
    nb = read_json(workbook)
    nb["cells"].append({"cell_type": "code", "execution_count": None, "id": f"extra-{len(nb['cells'])}",
                        "metadata": {}, "outputs": [], "source": source})
    workbook.write_text(json.dumps(nb), encoding="utf-8")


def test_a_workbook_run_in_a_warm_kernel_matches_one_run_in_a_fresh_kernel(tmp_path: Path) -> None:
    # An earlier workbook, in another folder and with answers of its own, runs first
    # in the same kernel: nothing of it may show in the next one.
    earlier = nextround.new(company="Borealis Energy", role="Data Engineer", interview_date="2026-05-02",
                            rejected_on="2026-05-09", contacts=["Sam Okafor <sam@example.org>"], dir=tmp_path / "a")
    before = nextround.open_answers(earlier)
    before.add_checkin(2, ready=False, emotions=["angry"], note="Earlier note.")
    before.update("reply", draft="Earlier draft.")
    target = nextround.new(dir=tmp_path / "b", **ACME)
    after = nextround.open_answers(target)
    after.update("reply", draft="My own reply draft.")
    after.score("preparation", 4)
    fresh = copy_workbook(target, tmp_path / "fresh")

    assert execute_many([earlier, target], jobs=1) == {earlier: None, target: None}
    execute(fresh)

    assert content(target) == content(fresh)
    shown = widget_values(read_json(target))
    assert "My own reply draft." in shown and "Earlier draft." not in shown
    assert not any("Sam Okafor" in str(v) for v in shown)


def test_each_workbook_runs_in_its_own_folder_with_its_own_session_name(tmp_path: Path) -> None:
    workbooks = [nextround.new(company=name, role="Analyst", interview_date="2026-06-10", rejected_on="2026-06-17",
                               dir=tmp_path / name) for name in ("first", "second")]
    for workbook in workbooks:
        add_cell(workbook, "import os\nprint(os.getcwd())\nprint(os.environ['JPY_SESSION_NAME'])\nprint(__session__)")
    assert execute_many(workbooks, jobs=1) == dict.fromkeys(workbooks)
    for workbook in workbooks:
        [output] = code_cells(read_json(workbook))[-1]["outputs"]
        assert output["text"].splitlines() == [str(workbook.parent.resolve()), str(workbook.resolve()),
                                               str(workbook.resolve())]


def test_a_kernel_that_dies_fails_only_its_workbook(tmp_path: Path) -> None:
    doomed = nextround.new(company="Doomed", role="Analyst", interview_date="2026-06-10", rejected_on="2026-06-17",
                           dir=tmp_path)
    add_cell(doomed, "import os\nos._exit(1)")
    fine = nextround.new(dir=tmp_path, **ACME)
    results = execute_many([doomed, fine], jobs=1)
    assert results[doomed] == "the kernel died; the next workbook gets a new kernel"
    assert results[fine] is None  # None: every cell ran
    assert any("Analyst at Acme" in str(v) or "Acme Analytics" in str(v) for v in widget_values(read_json(fine)))


def test_batch_execute_runs_the_new_workbooks_over_worker_processes(tmp_path: Path) -> None:
    rows = ["company,role,interview_date,rejected_on,contacts"]
    rows += [f"Company {n},Analyst,2026-06-10,2026-06-17,Ann Lee <ann{n}@example.org>" for n in range(3)]
    rows.insert(2, "Broken,Analyst,2026-06-10,2026-06-01,")
    (tmp_path / "apps.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_cli("batch", "apps.csv", "--dir", "out", "--execute", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "nextround: error: apps.csv, row 3 (the header is row 1), column rejected_on: "
        "2026-06-01 is before the interview on 2026-06-10",
        "nextround: 3 made and run, 0 skipped (exists), 1 failed",
    ]
    made = sorted(tmp_path / line for line in result.stdout.splitlines())
    assert [p.name for p in made] == [f"2026-06-17-company-{n}-analyst.ipynb" for n in range(3)]
    for n, workbook in enumerate(made):
        assert any(f"Company {n}" in str(v) for v in widget_values(read_json(workbook)))
