"""One workbook as a form-only web app, served by Voilà on this machine.

A workbook is a file people send each other, and Voilà runs whatever code a
notebook holds. So the app never serves the file it is given: it reads that
file's parameters as data (validated, never executed), makes the workbook again
from the shipped notebook in a private temporary folder, and serves that. Its forms
read and save the answers file where it is, beside the given workbook, the same
file as in JupyterLab. Only what the cells show is shown — text, drafts and forms,
never code — and no file is served: not the workbook's neighbours, nor anything else.

Each page gets its own kernel, shut down when the page goes (the page asks; a page
that cannot ask is found idle and shut down later), and there are never more than
MAX_KERNELS at once. Voilà is optional: `pip install "nextround[app]"`.
"""

from __future__ import annotations

import asyncio
import copy
import importlib.util
import json
import os
import secrets
import shutil
import socket
import tempfile
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from nextround.core import i18n
from nextround.core.i18n import N_, _
from nextround.errors import NextroundError

HOST = "127.0.0.1"  # this machine only: the answers are private
DEFAULT_PORT = 8866  # Voilà's own default
MAX_PORT = 65535
#: Cells with this tag make sense only in JupyterLab; the app leaves them out.
LAB_ONLY_TAG = "nextround-lab-only"
#: Our Voilà template (notebook/share/voila/templates/nextround): Voilà's page, asking
#: before a reload or close loses unsaved edits.
TEMPLATE = "nextround"
INSTALL = N_("the app needs Voilà, which is not installed; install it with: pip install \"nextround[app]\"")

#: Kernels at once, one per open page (each holds about 80 MB).
MAX_KERNELS = 4
#: A kernel whose page went without a word (a crashed browser) is shut down once idle this long.
IDLE_TIMEOUT_S = 600
CULL_INTERVAL_S = 60
#: How long a new page's kernel waits for its page to connect before it counts as left behind.
CONNECT_GRACE_S = 15
NOT_OURS = N_("is not a nextround workbook, and the app serves only those")
TOO_MANY_PAGES = N_("This workbook is already open in {count} pages. Close one of them, then reload this page.")


class AppError(NextroundError):
    """The app cannot start: Voilà is missing, the workbook is wrong, the port is taken."""


def check(workbook: str | Path) -> Path:
    """The workbook's absolute path, once it is known to be servable; raises AppError."""
    path = Path(workbook).expanduser().resolve()
    if path.suffix != ".ipynb":
        raise AppError(_("is not a workbook (a .ipynb file)"), file=workbook)
    if not path.is_file():
        raise AppError(_("no such workbook"), file=workbook)
    if importlib.util.find_spec("voila") is None:
        raise AppError(_(INSTALL))
    return path


def served_notebook(workbook: str | Path) -> dict[str, Any]:
    """The notebook the app serves for `workbook`: the shipped one, with its parameters.

    Only the file's parameters are taken from it, as data; every cell is the
    shipped notebook's. The answers file is named by its absolute path, since the
    served copy lives elsewhere. Raises NextroundError when the file is not one of
    our workbooks.
    """
    from nextround.making.guidance import localise
    from nextround.making.workbook import inject, load_template, read_parameters
    from nextround.storage.store import answers_path_for

    path = Path(workbook)
    try:
        rejection, identity = read_parameters(json.loads(path.read_text(encoding="utf-8")), file=workbook)
    except (UnicodeDecodeError, ValueError):
        raise AppError(_("{problem} (it is not a notebook file)").format(problem=_(NOT_OURS)),
                       file=workbook) from None
    except NextroundError as exc:
        reason = f"{exc.field}: {exc.message}" if exc.field else exc.message
        raise AppError(f"{_(NOT_OURS)} ({reason})", file=workbook) from None
    answers_file = identity.get("answers_file") or answers_path_for(path).name
    parameters = {  # in the order a workbook is made with
        **rejection.to_parameters(),
        "workbook_id": identity.get("workbook_id", ""),
        "answers_file": str(path.parent.resolve() / answers_file),
        **{k: v for k, v in identity.items() if k in ("student_id", "assignment_id")},
    }
    with i18n.using(rejection.locale):  # the one line shown of its hidden cell, in the workbook's language
        return localise(inject(load_template(), parameters, metadata={}), rejection.locale)


def is_free(port: int) -> bool:
    """Whether nobody on 127.0.0.1 is listening on `port` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def free_port(preferred: int = DEFAULT_PORT, tries: int = 50) -> int:
    """The first free port from `preferred` on."""
    for port in range(preferred, preferred + tries):
        if is_free(port):
            return port
    raise AppError(_("no free port between {first} and {last}; choose one with --port").format(
        first=preferred, last=preferred + tries - 1))


def serve(
    workbook: str | Path,
    *,
    port: int | None = None,
    announce: Callable[[str], None] = print,
) -> int:
    """Serve `workbook` until Ctrl-C (or SIGTERM); returns 0 once stopped.

    `announce` is called with each line to show the person (the address, how to stop).

    The URL carries a fresh token, so other people's programs on a shared machine
    cannot open someone's answers. On Ctrl-C, Voilà shuts its kernels down before
    this returns, and the private folder is removed. Raises AppError when the app
    cannot start.
    """
    path = check(workbook)
    if port is not None and not 1 <= port <= MAX_PORT:
        raise AppError(_("{port} is not a port number; choose one from 1024 to {last} with --port").format(
            port=port, last=MAX_PORT))
    if port and not is_free(port):
        raise AppError(_("port {port} is in use; choose another with --port, or leave it out").format(port=port))
    nb = served_notebook(path)
    port = port or free_port()
    token = secrets.token_urlsafe(24)
    # mkdtemp makes the folder readable by its owner only.
    private = Path(tempfile.mkdtemp(prefix="nextround-app-"))
    try:
        served = private / path.name
        from nextround.making.workbook import notebook_text

        served.write_text(notebook_text(nb), encoding="utf-8")
        _run_voila(served, nb, port, token, announce)
    finally:
        shutil.rmtree(private, ignore_errors=True)
    announce(_("Stopped."))
    return 0


def _run_voila(served: Path, nb: Mapping[str, Any], port: int, token: str,
               announce: Callable[[str], None]) -> None:
    argv = [
        str(served),
        f"--Voila.ip={HOST}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",  # the URL we print must be the one served
        f"--Voila.root_dir={served.parent}",  # the private folder: nothing else is reachable
        f"--Voila.token={token}",
        "--Voila.open_browser=False",
        "--VoilaConfiguration.show_tracebacks=False",
        # Text meant for JupyterLab only ("choose Run › Run All Cells") is left out.
        f"--TagRemovePreprocessor.remove_cell_tags={LAB_ONLY_TAG}",
        "--Voila.log_level=ERROR",  # our own lines say all a person needs
        # Voilà's page, plus a question before leaving it with edits not yet saved.
        f"--VoilaConfiguration.template={TEMPLATE}",
    ]
    # A kernel finds its answers file from its parameters; a notebook path inherited
    # from a Jupyter session that started this command would point elsewhere.
    os.environ.pop("JPY_SESSION_NAME", None)
    # Voilà looks for templates on the Jupyter data path: ours travels in the package.
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(Path(__file__).parent / "share"), os.environ.get("JUPYTER_PATH", "")) if p)

    from voila.app import Voila

    announce(_("Serving {name} at {address}").format(name=served.name,
                                                     address=f"http://{HOST}:{port}/?token={token}"))
    announce(_("Open that address in your browser. Press Ctrl-C to stop."))
    try:
        Voila.launch_instance(argv=argv, config=_config(nb))
    except SystemExit as exc:  # Voilà exits this way when it cannot listen
        if exc.code not in (0, None):
            raise AppError(_("could not serve on port {port}; is it in use? Choose another with --port").format(
                port=port)) from None
    finally:
        Voila.clear_instance()


def _config(nb: Mapping[str, Any]) -> Any:
    from traitlets.config import Config

    config = Config()
    # Voilà serves images from the notebook's folder at /voila/files/, without the
    # token; our notebook shows none, so it serves nothing at all.
    config.VoilaConfiguration.file_allowlist = []
    config.VoilaConfiguration.file_denylist = [".*"]
    config.VoilaConfiguration.prelaunch_hook = _PageStart(nb)
    config.VoilaConfiguration.multi_kernel_manager_class = _kernel_manager_class()
    # A kernel with no page connected and idle this long is shut down: its page went
    # without asking (a crashed browser, a laptop closed for the night).
    config.MappingKernelManager.cull_idle_timeout = IDLE_TIMEOUT_S
    config.MappingKernelManager.cull_interval = CULL_INTERVAL_S
    config.MappingKernelManager.cull_connected = False
    return config


class _PageStart:
    """Voilà's hook as each page starts: the notebook to run, and the page's xsrf cookie.

    The page runs our notebook as built at start-up, whatever has become of the file
    on disk. And when the page goes, it asks for its kernel to be shut down with the
    `_xsrf` cookie's value, a request refused without it; Voilà streams the page
    before any code of its own sets that cookie, so it is set here, before the first
    byte is sent.
    """

    def __init__(self, nb: Mapping[str, Any]) -> None:
        import nbformat

        self.notebook = nbformat.reads(json.dumps(nb), as_version=4)

    def __call__(self, handler: Any, notebook: Any = None, cwd: str = "") -> Any:
        handler.xsrf_token  # noqa: B018 - reading it sets the cookie
        return copy.deepcopy(self.notebook)  # Voilà runs it in place


def _kernel_manager_class() -> type:
    """Voilà's kernel manager, holding at most MAX_KERNELS kernels."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from tornado import web

    class PageKernels(AsyncMappingKernelManager):
        """One kernel per page, at most MAX_KERNELS: kernels whose page has gone make room."""

        _starting: asyncio.Lock | None = None

        async def start_kernel(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
            # One start at a time, so two pages loading together cannot both take the last place.
            self._starting = self._starting or asyncio.Lock()
            async with self._starting:
                await self._make_room()
                return await super().start_kernel(*args, **kwargs)

        async def _make_room(self) -> None:
            kernels = list(self.list_kernel_ids())
            if len(kernels) < MAX_KERNELS:
                return
            gone = sorted((k for k in kernels if self._page_gone(k)), key=self._last_activity)
            for kernel_id in gone[: len(kernels) - MAX_KERNELS + 1]:
                await self.shutdown_kernel(kernel_id)
            if len(self.list_kernel_ids()) >= MAX_KERNELS:
                # Voilà shows the reason on its error page.
                raise web.HTTPError(503, reason=_(TOO_MANY_PAGES).format(count=MAX_KERNELS))

        def _last_activity(self, kernel_id: str) -> datetime:
            when = getattr(self._kernels[kernel_id], "last_activity", None)
            return when or datetime.now(timezone.utc)

        def _page_gone(self, kernel_id: str) -> bool:
            # No page connected, nothing running, and past the time a new page takes to connect.
            kernel = self._kernels[kernel_id]
            quiet = datetime.now(timezone.utc) - self._last_activity(kernel_id)
            return (not self._kernel_connections.get(kernel_id) and getattr(kernel, "execution_state", "") != "busy"
                    and quiet > timedelta(seconds=CONNECT_GRACE_S))

    return PageKernels
