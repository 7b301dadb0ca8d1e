"""Executing a workbook in a kernel, so its outputs (forms, summary) are saved in it.

Workbooks normally run when a person opens them; executing is for handouts, HTML
exports and the demo. The kernel runs in the workbook's own folder, as JupyterLab
does, so the workbook finds its answers file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .errors import NextroundError

DEFAULT_TIMEOUT_S = 120


def execute(path: str | Path, *, kernel_name: str = "python3", timeout: int = DEFAULT_TIMEOUT_S) -> Path:
    """Run every cell of the workbook at `path` and save it in place with its outputs.

    The person's cells and edits are kept (only outputs change), and the file is
    replaced atomically. Raises NextroundError naming the workbook if a cell fails.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    # Jupyter tells a kernel its notebook's path this way; so do we.
    env = {**os.environ, "JPY_SESSION_NAME": str(path.resolve())}
    try:
        client.execute(env=env)
    except CellExecutionError as exc:
        raise NextroundError(f"a cell failed while running: {exc.ename}: {exc.evalue}", file=path) from None
    _replace(path, json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return path


def _replace(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
