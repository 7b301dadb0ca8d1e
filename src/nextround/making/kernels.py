"""Running many workbooks fast: warm kernels reused across workbooks, in worker processes.

Starting a kernel and importing the workbook's libraries costs far more than
running its cells, so each worker process keeps one kernel and, between workbooks,
resets it to what a fresh kernel would be for the next one: widgets let go, the
namespace emptied, the working folder and JPY_SESSION_NAME set to the workbook's.
A workbook run this way has the same content as one run by `execute.execute` in a
fresh kernel (tests/test_executor.py checks it).

A kernel that dies (or hangs past the timeout) is replaced, and only the workbook it
was running is reported as failed.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.util
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from nextround.core.i18n import _
from nextround.errors import NextroundError
from nextround.making.run import (
    DEFAULT_TIMEOUT_S,
    notebook_client,
    read,
    save,
    why_it_failed,
)

__all__ = ["WarmKernel", "execute_many"]

STARTUP_TIMEOUT_S = 60

# Sent, silently and outside the history, before each workbook, to make the kernel
# what a fresh one started for that workbook would be:
# - every widget is let go: dropped from ipywidgets' registry and the comm manager.
#   (Widget.close_all() would do the same but also send a comm_close per widget,
#   hundreds per workbook, to a front end that is not there: a quarter of the time.)
# - a module that keeps widgets in its globals (nextround's own keep none, but a
#   workbook may import one that does) is dropped from sys.modules, with every module of its package that took
#   something from it, so they are imported afresh: a widget made for an earlier
#   workbook would be missing from this one's saved widget state. The rest of the
#   package stays imported, caches (compiled templates, the schema) and all;
# - the namespace is emptied with %reset, minus the full garbage collection it
#   makes (the old widgets are collected anyway, in the background, as usual);
# - the working folder, JPY_SESSION_NAME and ipykernel's __session__ become this
#   workbook's, and cells count from 1 again.
_RESET = """\
def _nextround_reset(folder, path):
    import gc, os, sys, types
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        keep = {{"__main__", "builtins", "ipywidgets", "IPython", "ipykernel", "comm", "traitlets"}}
        def values(module):
            return list(getattr(module, "__dict__", {{}}).values())
        stale = {{
            name for name, module in list(sys.modules.items())
            if name.partition(".")[0] not in keep and any(isinstance(v, widgets.Widget) for v in values(module))
        }}
        def took_from_stale(name, v):
            if isinstance(v, types.ModuleType):
                return v.__name__ in stale and not v.__name__.startswith(name + ".")
            return isinstance(v, (type, types.FunctionType)) and v.__module__ in stale
        packages = {{name.partition(".")[0] for name in stale}}
        grew = True
        while grew:
            grew = False
            for name, module in list(sys.modules.items()):
                if name.partition(".")[0] in packages and name not in stale:
                    if any(took_from_stale(name, v) for v in values(module)):
                        stale.add(name)
                        grew = True
        manager = sys.modules["comm"].get_comm_manager()
        for widget in list(widgets.Widget.widgets.values()):
            if widget.comm is not None:
                widget.comm._closed = True  # so it sends nothing when collected, either
                manager.unregister_comm(widget.comm)
        widgets.Widget.widgets.clear()
        for name in stale:
            sys.modules.pop(name, None)
            parent, _, child = name.rpartition(".")
            if parent in sys.modules and isinstance(getattr(sys.modules[parent], child, None), types.ModuleType):
                delattr(sys.modules[parent], child)
    os.chdir(folder)
    os.environ["JPY_SESSION_NAME"] = path
    shell = get_ipython()
    collect, gc.collect = gc.collect, lambda generation=2: 0
    try:
        shell.run_line_magic("reset", "-f")
    finally:
        gc.collect = collect
    shell.user_ns["__session__"] = path
    shell.execution_count = 1
_nextround_reset({folder!r}, {path!r})
"""

# Once per kernel: the workbook's libraries are imported, so no workbook pays for
# them, and frozen out of the garbage collector's sight, so its collections while
# a workbook runs only walk what workbooks made.
_WARM_UP = "import gc, ipywidgets, nextround.notebook.workbook\ngc.freeze()"

# As nbclient does for the kernels it starts: cell sources (a person's company,
# contacts, notes) stay out of the IPython history file on disk.
_KERNEL_ARGUMENTS = ["--HistoryManager.hist_file=:memory:"]


class WarmKernel:
    """One kernel kept running across workbooks; use as a context manager or call close()."""

    def __init__(self, *, kernel_name: str = "python3", timeout: int = DEFAULT_TIMEOUT_S) -> None:
        self.kernel_name = kernel_name
        self.timeout = timeout
        self.km: Any = None
        self.kc: Any = None
        self._sockets: str | None = None
        # nbclient and the kernel client are asyncio-based; one loop serves every workbook.
        self._loop = asyncio.new_event_loop()

    def __enter__(self) -> WarmKernel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, path: str | Path) -> Path:
        """Execute the workbook at `path` and save it with its outputs.

        Raises NextroundError with a one-line reason if it fails; a kernel that died
        or hung is replaced first, so the next workbook gets a working one.
        """
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        path = Path(path).resolve()
        try:
            self._loop.run_until_complete(self._ensure_kernel(path.parent))
            nb = read(path)
            self._loop.run_until_complete(self._run(nb, path))
        except (DeadKernelError, CellTimeoutError) as exc:
            reason = why_it_failed(exc, self.timeout)
            self._loop.run_until_complete(self._stop())
            raise NextroundError(_("{reason}; the next workbook gets a new kernel").format(reason=reason),
                                 file=path) from None
        except Exception as exc:  # noqa: BLE001 - any failure is this workbook's, reported in one line
            raise NextroundError(why_it_failed(exc, self.timeout), file=path) from None
        save(nb, path)
        return path

    def close(self) -> None:
        """Shut the kernel down."""
        if not self._loop.is_closed():
            self._loop.run_until_complete(self._stop())
            self._loop.close()
        if self._sockets:
            shutil.rmtree(self._sockets, ignore_errors=True)

    async def _ensure_kernel(self, folder: Path) -> None:
        if self.kc is None or not await self.km.is_alive():
            await self._stop()
            await self._start(folder)

    async def _run(self, nb: Any, path: Path) -> None:
        await self._execute_quietly(_RESET.format(folder=str(path.parent), path=str(path)))
        client = notebook_client(nb, path.parent, kernel_name=self.kernel_name, timeout=self.timeout, km=self.km)
        client.kc = self.kc  # with a kernel client given, nbclient neither starts nor stops one
        await client.async_execute()

    async def _start(self, folder: Path) -> None:
        from jupyter_client.manager import AsyncKernelManager

        if os.name == "posix":
            # Answers are personal: talk to the kernel over sockets in a folder only
            # this user can open, rather than over TCP ports on localhost.
            self._sockets = self._sockets or tempfile.mkdtemp(prefix="nextround-kernel-")
            self.km = AsyncKernelManager(
                kernel_name=self.kernel_name, transport="ipc", ip=os.path.join(self._sockets, "kernel")
            )
        else:
            self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        await self.km.start_kernel(cwd=str(folder), extra_arguments=_KERNEL_ARGUMENTS)
        # While the kernel process boots, this one imports what running a workbook needs.
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401

        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT_S)
        self.kc.allow_stdin = False
        await self._execute_quietly(_WARM_UP)

    async def _execute_quietly(self, code: str) -> None:
        reply = await self.kc.execute(code, silent=True, store_history=False, reply=True, timeout=self.timeout)
        content = reply["content"]
        if content["status"] != "ok":
            raise RuntimeError(f"preparing the kernel failed: {content.get('ename')}: {content.get('evalue')}")

    async def _stop(self) -> None:
        kc, km, self.kc, self.km = self.kc, self.km, None, None
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            try:
                await km.shutdown_kernel(now=True)  # also removes its connection file
            except RuntimeError:
                pass  # already gone: what we wanted


# --- worker processes ----------------------------------------------------------------

_worker_kernel: WarmKernel | None = None


def _run_in_worker(path: str, kernel_name: str, timeout: int) -> str | None:
    """Run one workbook in this worker's warm kernel; the problem in one line, or None."""
    global _worker_kernel
    if _worker_kernel is None:
        _worker_kernel = WarmKernel(kernel_name=kernel_name, timeout=timeout)
        # Runs when the worker exits, so no kernel outlives its worker.
        multiprocessing.util.Finalize(None, _worker_kernel.close, exitpriority=10)
    try:
        _worker_kernel.run(path)
    except NextroundError as exc:
        return exc.message
    return None


def execute_many(
    paths: Sequence[str | Path],
    *,
    jobs: int = 1,
    kernel_name: str = "python3",
    timeout: int = DEFAULT_TIMEOUT_S,
    on_done: Callable[[Path, str | None], Any] | None = None,
) -> dict[Path, str | None]:
    """Execute workbooks over `jobs` worker processes, each with its own warm kernel.

    Returns {path: None if it ran, else the reason in one line}, and calls
    `on_done(path, problem)` as each finishes. One workbook's failure never stops
    the others.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    results: dict[Path, str | None] = {}
    if not paths:
        return results
    # "spawn": a worker starts clean, without copies of this process's threads,
    # event loops or sockets, which a fork would share with the kernel's channels.
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(jobs, len(paths))),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
    )
    try:
        futures = {pool.submit(_run_in_worker, str(p), kernel_name, timeout): Path(p) for p in paths}
        for future in as_completed(futures):
            path = futures[future]
            try:
                problem = future.result()
            except BrokenProcessPool:
                problem = "its worker process stopped unexpectedly"
            except Exception as exc:  # noqa: BLE001 - reported per workbook, the others go on
                problem = f"{type(exc).__name__}: {exc}"
            results[path] = problem
            if on_done is not None:
                on_done(path, problem)
    except BaseException:
        # Ctrl-C: start nothing new; the workbooks being run finish and are saved whole.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results


def _start_worker() -> None:
    """Set up a worker process, before its first workbook."""
    # Ctrl-C reaches every process of the terminal's group. The parent decides what
    # stops; a worker interrupted mid-workbook would print a traceback and could
    # leave its kernel running. A session of its own keeps the worker out of the
    # group, as jupyter_client does for kernels; nbclient's own signal handling
    # would undo a mere SIG_IGN after the first workbook.
    if hasattr(os, "setsid"):
        os.setsid()
    else:  # pragma: no cover - Windows
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # nbclient imports nbformat, which imports jsonschema, which at import compiles
    # some 35 Lark grammars of rfc3987_syntax (when installed) for its "iri" format
    # check: about a second per worker here. Nothing in this process checks that
    # format (nbformat's schema has none), so the worker goes without it. Kernels
    # are untouched: they keep the user's environment as it is.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
