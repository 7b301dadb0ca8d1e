"""Executing a workbook in a kernel, so its outputs (forms, summary) are saved in it.

Workbooks normally run when a person opens them; executing is for handouts, HTML
exports and the demo. The kernel runs in the workbook's own folder, as JupyterLab
does, so the workbook finds its answers file. `execute` starts a fresh kernel for
one workbook; `executor` keeps warm ones for many, and shares the pieces here.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from nextround.errors import NextroundError
from nextround.making.workbook import notebook_text
from nextround.storage import files

DEFAULT_TIMEOUT_S = 120


def execute(path: str | Path, *, kernel_name: str = "python3", timeout: int = DEFAULT_TIMEOUT_S) -> Path:
    """Run every cell of the workbook at `path` and save it in place with its outputs.

    The person's cells and edits are kept (only outputs change), and the file is
    replaced atomically. Raises NextroundError naming the workbook if a cell fails.
    """
    path = Path(path)
    nb = read(path)
    # Jupyter tells a kernel its notebook's path this way; so do we.
    env = {**os.environ, "JPY_SESSION_NAME": str(path.resolve())}
    run(nb, path.parent, kernel_name=kernel_name, timeout=timeout, env=env, file=path)
    save(nb, path)
    return path


def run(nb: Any, folder: Path, *, timeout: int, file: Path, failure: str = "", kernel_name: str = "python3",
        env: dict[str, str] | None = None) -> None:
    """Run every cell of `nb` in a fresh kernel working in `folder`; the outputs go into `nb`.

    If a cell fails, raises NextroundError naming `file`, its message `failure`
    followed by the reason in a few words.
    """
    from nbclient.exceptions import (
        CellExecutionError,
        CellTimeoutError,
        DeadKernelError,
    )

    client = notebook_client(nb, folder, kernel_name=kernel_name, timeout=timeout)
    try:
        # The kernel's own start-up chatter is not for the person at the terminal;
        # anything a cell prints is in its outputs.
        client.execute(env=env if env is not None else dict(os.environ),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        raise NextroundError(failure + why_it_failed(exc, timeout), file=file) from None


def read(path: Path) -> Any:
    """The workbook as an nbformat notebook (checked against the notebook format)."""
    import nbformat

    return nbformat.read(path, as_version=4)


def notebook_client(nb: Any, folder: Path, *, kernel_name: str, timeout: int, km: Any = None) -> Any:
    """An nbclient NotebookClient for `nb`, its kernel working in `folder` (on `km` if given)."""
    from nbclient import NotebookClient

    return NotebookClient(
        nb,
        km=km,
        kernel_name=kernel_name,
        timeout=timeout,
        resources={"metadata": {"path": str(Path(folder).resolve())}},
    )


def why_it_failed(exc: BaseException, timeout: int) -> str:
    """A one-line reason for an nbclient failure, for a person rather than a log."""
    from nbclient.exceptions import (
        CellExecutionError,
        CellTimeoutError,
        DeadKernelError,
    )

    if isinstance(exc, CellExecutionError):
        return f"a cell failed while running: {exc.ename}: {exc.evalue}"
    if isinstance(exc, CellTimeoutError):
        return f"a cell took longer than {timeout} s"
    if isinstance(exc, DeadKernelError):
        return "the kernel died"
    return f"{type(exc).__name__}: {exc}"


def save(nb: Any, path: Path) -> None:
    """Write the executed notebook over `path` atomically, as our workbooks are written."""
    files.replace(path, notebook_text(nb))
