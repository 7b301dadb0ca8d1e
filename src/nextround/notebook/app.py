"""One workbook as a form-only web app, served by Voilà on this machine.

Voilà runs the workbook in a kernel started in the workbook's own folder, so its
forms read and save the same answers file as in JupyterLab, and it shows only what
the cells show — text, drafts and forms, never code. Voilà is optional:
`pip install "nextround[app]"`.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import socket
from collections.abc import Callable
from pathlib import Path

from nextround.errors import NextroundError

HOST = "127.0.0.1"  # this machine only: the answers are private
DEFAULT_PORT = 8866  # Voilà's own default
#: Cells with this tag make sense only in JupyterLab; the app leaves them out.
LAB_ONLY_TAG = "nextround-lab-only"
INSTALL = "the app needs Voilà, which is not installed; install it with: pip install \"nextround[app]\""


class AppError(NextroundError):
    """The app cannot start: Voilà is missing, the workbook is wrong, the port is taken."""


def check(workbook: str | Path) -> Path:
    """The workbook's absolute path, once it is known to be servable; raises AppError."""
    path = Path(workbook).expanduser().resolve()
    if path.suffix != ".ipynb":
        raise AppError("is not a workbook (a .ipynb file)", file=workbook)
    if not path.is_file():
        raise AppError("no such workbook", file=workbook)
    if importlib.util.find_spec("voila") is None:
        raise AppError(INSTALL)
    return path


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
    raise AppError(f"no free port between {preferred} and {preferred + tries - 1}; choose one with --port")


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
    this returns. Raises AppError when the app cannot start.
    """
    path = check(workbook)
    if port and not is_free(port):
        raise AppError(f"port {port} is in use; choose another with --port, or leave it out")
    port = port or free_port()
    token = secrets.token_urlsafe(24)
    argv = [
        str(path),
        f"--Voila.ip={HOST}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",  # the URL we print must be the one served
        f"--Voila.root_dir={path.parent}",
        f"--Voila.token={token}",
        "--Voila.open_browser=False",
        "--VoilaConfiguration.show_tracebacks=False",
        # Text meant for JupyterLab only ("choose Run › Run All Cells") is left out.
        f"--TagRemovePreprocessor.remove_cell_tags={LAB_ONLY_TAG}",
        "--Voila.log_level=ERROR",  # our own lines say all a person needs
    ]
    # A kernel finds its answers file from its own folder; a notebook path inherited
    # from a Jupyter session that started this command would point elsewhere.
    os.environ.pop("JPY_SESSION_NAME", None)

    from voila.app import Voila

    announce(f"Serving {path.name} at http://{HOST}:{port}/?token={token}")
    announce("Open that address in your browser. Press Ctrl-C to stop.")
    try:
        Voila.launch_instance(argv=argv)
    except SystemExit as exc:  # Voilà exits this way when it cannot listen
        if exc.code not in (0, None):
            raise AppError(f"could not serve on port {port}; is it in use? Choose another with --port") from None
    finally:
        Voila.clear_instance()
    announce("Stopped.")
    return 0
