"""Real servers for the browser tests: JupyterLab and `nextround app`, on 127.0.0.1 only.

Each server gets its own settings, workspaces, runtime and config folders in a
temporary directory, so a test never reads or writes the machine's own Jupyter
set-up, and two test runs at the same time never share a port or a file.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

HOST = "127.0.0.1"
START_TIMEOUT_S = 180  # two cores shared with other test runs: be patient
STOP_TIMEOUT_S = 30

# User settings that keep JupyterLab quiet and offline: no news or update toasts over
# the page, and no autosave (a save racing the test would raise a "file changed" dialog).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}
LAB_CONFIG = {
    "LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
        "expose_app_in_browser": True,  # window.jupyterapp: kernel state and cell counts
    },
}


@dataclass
class Server:
    """A running server: its process, its URL and where its log goes."""

    process: subprocess.Popen
    url: str
    log: Path

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's log, for a failing test's message."""
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def free_port() -> int:
    """A port nobody listens on right now (the server is told not to try others)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def jupyter_env(home: Path) -> dict[str, str]:
    """An environment whose Jupyter and IPython folders are all under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    for name, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                      ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    env["JUPYTER_PLATFORM_DIRS"] = "1"  # silences a deprecation warning in the log
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start_lab(root: Path, home: Path) -> Server:
    """JupyterLab serving `root`, with an empty token, bound to 127.0.0.1."""
    env = jupyter_env(home)
    (home / "config" / "jupyter_server_config.json").write_text(json.dumps(LAB_CONFIG))
    settings = home / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values))

    def command(port: int) -> list[str]:
        return [
            sys.executable, "-m", "jupyterlab", "--allow-root", "--no-browser",
            f"--ServerApp.ip={HOST}", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            "--IdentityProvider.token=", "--ServerApp.password=",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={home / 'workspaces'}",
        ]

    return _start(command, env, home / "lab.log", cwd=root, url="http://{host}:{port}", ready_path="/api/status")


def start_app(workbook: Path, home: Path) -> Server:
    """`nextround app WORKBOOK`, as a person runs it; ready once its printed URL answers."""
    env = jupyter_env(home)

    def command(port: int) -> list[str]:
        return [sys.executable, "-m", "nextround", "app", str(workbook), "--port", str(port)]

    return _start(command, env, home / "app.log", cwd=home)


class ServerExited(RuntimeError):
    """The server stopped before it was ready (most often: its port was taken meanwhile)."""


def _start(command: Callable[[int], list[str]], env: dict[str, str], log: Path, *, cwd: Path,
           url: str = "", ready_path: str = "") -> Server:
    """Start a server on a free port; ready when `url` (or the URL it prints) answers.

    Another program may take the free port before the server binds it: then the
    server exits at once, and it is started again on another port.
    """
    for attempt in range(3):
        port = free_port()
        try:
            return _start_on(command(port), env, log, cwd=cwd, url=url.format(host=HOST, port=port),
                             ready_path=ready_path)
        except ServerExited:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _start_on(command: list[str], env: dict[str, str], log: Path, *, cwd: Path, url: str, ready_path: str) -> Server:
    out = open(log, "wb")  # noqa: SIM115 - the server writes here until it stops
    # A new session: the server's own process group, so a signal to it reaches only it
    # and its children, as Ctrl-C in a terminal would.
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                               start_new_session=True)
    out.close()
    server = Server(process, url, log)
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise ServerExited(f"server exited with {process.returncode}:\n{server.log_tail()}")
        server.url = server.url or printed_url(server.log_tail(100_000)) or ""
        # Without its query (a token): asking for the app's page itself would start a kernel.
        if server.url and _answers(server.url.split("?")[0].rstrip("/") + ready_path):
            return server
        if time.monotonic() > deadline:
            stop(server)
            raise RuntimeError(f"server not ready after {START_TIMEOUT_S} s:\n{server.log_tail()}")
        time.sleep(0.5)  # polling interval, not a correctness wait


def _answers(url: str) -> bool:
    """Whether a web server answers at `url` (any HTTP status counts)."""
    try:
        with urllib.request.urlopen(url, timeout=10):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


def kernels_of(server: Server) -> list[psutil.Process]:
    """The server's descendant processes (its kernels), as they are now."""
    try:
        return psutil.Process(server.process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def stop(server: Server, sig: int = signal.SIGTERM) -> int:
    """Stop the server by its process id, then any kernel it left behind; returns its exit code.

    Kernels run in their own sessions and outlive a killed server, so they are
    collected first and killed if the server did not shut them down itself.
    """
    children = kernels_of(server)
    if server.process.poll() is None:
        server.process.send_signal(sig)
        try:
            server.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(STOP_TIMEOUT_S)
    _, alive = psutil.wait_procs(children, timeout=STOP_TIMEOUT_S)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=STOP_TIMEOUT_S)
    return server.process.returncode


def interrupt(server: Server) -> int:
    """Press Ctrl-C: SIGINT to the server's whole process group, as a terminal sends it.

    Returns the exit code once the server has stopped by itself.
    """
    os.killpg(server.process.pid, signal.SIGINT)
    return server.process.wait(STOP_TIMEOUT_S)


def still_running(processes: list[psutil.Process]) -> list[psutil.Process]:
    """Those of `processes` that have not exited within the stop timeout."""
    _, alive = psutil.wait_procs(processes, timeout=STOP_TIMEOUT_S)
    return alive


def printed_url(text: str) -> str | None:
    """The first http://127.0.0.1 URL in a command's output."""
    match = re.search(r"http://127\.0\.0\.1:\d+/\S*", text)
    return match.group(0) if match else None
