"""A real JupyterHub for the hub test and its benchmark, on 127.0.0.1 only.

What it takes, and where each piece comes from:

- JupyterHub and the single-user servers run from a virtual environment of their
  own, made once per machine in a cache folder (`NEXTROUND_HUB_CACHE`, by default
  `/var/tmp/nextround-test-cache`) with the same versions as the test run's own
  (`jupyterhub` and `nbgitpuller` as the test extra pins them). Each student's
  server runs as that student's account, so the interpreter must be one every
  account may run: the test run's own if it is, else the system's `python3`.
- configurable-http-proxy, from the npm registry, installed into the cache folder
  (`npm install --prefix`) when it is not there.
- nextround itself: a copy of this checkout's code, readable by every account, on
  the servers' PYTHONPATH, so the servers run the code under test.
- Users: real accounts (`useradd`, home folders in a temporary folder), made for
  the session and removed after it; the hub's `LocalProcessSpawner` runs each
  user's server as them. A shared password (SharedPasswordAuthenticator) signs them
  in. The benchmark, which needs no real accounts, uses `SimpleLocalProcessSpawner`.

Everything is stopped by its process id: the hub (which stops the proxy and the
servers), then anything it left behind.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

from . import servers

REPOSITORY = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("NEXTROUND_HUB_CACHE", "/var/tmp/nextround-test-cache"))
HOST = servers.HOST
USER_PASSWORD = "class-of-2026"  # every student's, with SharedPasswordAuthenticator
ADMIN_PASSWORD = "instructor-" + "x" * 24  # the instructor's: the authenticator wants 32 characters
MARK = "nextround hub test user"  # the comment on every account the tests make, and the only ones they remove
START_TIMEOUT_S = 300  # a user's server on two busy cores
HUB_PACKAGES = ("jupyterhub", "nbgitpuller")


class HubUnavailable(RuntimeError):
    """What the hub test needs cannot be had on this machine (the message says what)."""


# --- the software: a virtual environment every account can run, and the proxy ------------


def _reachable_by_all(path: Path) -> bool:
    """Whether any account may run `path`: every folder above it can be entered by others."""
    path = path.resolve()
    try:
        if not path.stat().st_mode & stat.S_IXOTH:
            return False
        return all(parent.stat().st_mode & stat.S_IXOTH for parent in path.parents)
    except OSError:
        return False


def base_python() -> Path:
    """An interpreter every account may run: NEXTROUND_HUB_PYTHON, this run's own, or the system's."""
    candidates = [os.environ.get("NEXTROUND_HUB_PYTHON", ""), os.path.realpath(sys.executable), "/usr/bin/python3"]
    for candidate in filter(None, candidates):
        if Path(candidate).is_file() and _reachable_by_all(Path(candidate)):
            return Path(candidate).resolve()
    raise HubUnavailable("no Python interpreter that every account may run (set NEXTROUND_HUB_PYTHON)")


def _pyproject() -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        raise HubUnavailable("the hub test reads pyproject.toml with tomllib (Python 3.11 and later)") from None
    with open(REPOSITORY / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _name_of(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].strip()


def requirements() -> list[str]:
    """nextround's dependencies and the hub's packages, at this run's versions where it has them."""
    project = _pyproject()["project"]
    test_extra = project["optional-dependencies"]["test"]
    wanted = list(project["dependencies"])
    wanted += [r for r in test_extra if _name_of(r) in HUB_PACKAGES]
    pinned = []
    for requirement in wanted:
        name = _name_of(requirement)
        try:
            pinned.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            pinned.append(requirement)
    return sorted(pinned)


@contextmanager
def _locked(name: str) -> Iterator[None]:
    from filelock import FileLock

    CACHE.mkdir(parents=True, exist_ok=True)
    os.chmod(CACHE, 0o755)
    with FileLock(str(CACHE / f"{name}.lock"), timeout=1800):
        yield


def hub_venv() -> Path:
    """The cached virtual environment for the hub and its servers (made if missing); its folder."""
    python = base_python()
    version = subprocess.run([str(python), "-c", "import sys; print(sys.version)"], capture_output=True,
                             text=True, check=True).stdout.strip()
    pins = requirements()
    key = hashlib.sha256(json.dumps([str(python), version, pins]).encode()).hexdigest()[:12]
    venv = CACHE / f"hub-venv-{key}"
    if (venv / ".complete").exists():
        return venv
    with _locked("hub-venv"):
        if (venv / ".complete").exists():
            return venv
        # Made where it stays (a moved venv keeps its old paths in its scripts); marked complete last.
        shutil.rmtree(venv, ignore_errors=True)
        old = os.umask(0o022)  # every account reads it
        try:
            subprocess.run([str(python), "-m", "venv", str(venv)], check=True, capture_output=True)
            done = subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "--quiet", *pins],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                raise HubUnavailable(f"installing the hub's packages failed:\n{done.stderr[-3000:]}")
            (venv / ".complete").write_text("\n".join(pins) + "\n")
        finally:
            os.umask(old)
    return venv


def proxy_command() -> Path:
    """configurable-http-proxy, from the npm registry into the cache folder when it is not there."""
    prefix = CACHE / "configurable-http-proxy"
    binary = prefix / "node_modules" / ".bin" / "configurable-http-proxy"
    if binary.exists():
        return binary
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise HubUnavailable("configurable-http-proxy needs Node.js and npm")
    with _locked("proxy"):
        if not binary.exists():
            done = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                                   "configurable-http-proxy@5"], capture_output=True, text=True)
            if done.returncode != 0:
                raise HubUnavailable(f"npm install configurable-http-proxy failed:\n{done.stderr[-3000:]}")
    return binary


def code_copy(base: Path) -> Path:
    """This checkout's nextround, laid out as in a wheel, where every account can read it; the folder for PYTHONPATH."""
    folder = base / "code"
    package = folder / "nextround"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPOSITORY / "src" / "nextround", package, ignore=ignore)
    for shipped in ("notebooks", "templates"):
        shutil.copytree(REPOSITORY / shipped, package / shipped, ignore=ignore)
    readable(folder)
    return folder


def readable(folder: Path) -> None:
    """Let every account read `folder` and what is in it (and enter its folders)."""
    for path in [folder, *folder.rglob("*")]:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue
        os.chmod(path, stat.S_IMODE(mode) | (0o755 if stat.S_ISDIR(mode) else 0o644))


# --- accounts --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Account:
    name: str
    uid: int
    gid: int
    home: Path


def _ours(name: str) -> bool | None:
    """Whether an account of that name was made by these tests (None: there is no such account)."""
    try:
        return pwd.getpwnam(name).pw_gecos == MARK
    except KeyError:
        return None


def make_accounts(names: Sequence[str], homes: Path) -> list[Account]:
    """Real accounts, each with its own group and a home under `homes`; NextroundError-free: raises
    HubUnavailable when they cannot be made (not root, no useradd, a name taken by someone else's account)."""
    if os.geteuid() != 0:
        raise HubUnavailable("making the hub's users needs root")
    if shutil.which("useradd") is None:
        raise HubUnavailable("useradd is not installed")
    made = []
    for name in names:
        ours = _ours(name)
        if ours is False:
            raise HubUnavailable(f"an account named {name} exists and was not made by these tests")
        if ours:  # left by a run that was killed: start afresh
            _remove(name)
        home = homes / name
        subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--user-group", "--shell", "/bin/bash",
                        "--comment", MARK, name], check=True, capture_output=True)
        entry = pwd.getpwnam(name)
        os.chmod(home, 0o700)
        made.append(Account(name, entry.pw_uid, entry.pw_gid, home))
    return made


def _remove(name: str) -> None:
    for process in psutil.process_iter(["username"]):
        if process.info["username"] == name:  # started for this account by these tests: stopped by id
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass
    subprocess.run(["userdel", "--force", name], capture_output=True)
    subprocess.run(["groupdel", name], capture_output=True)  # when userdel left the group behind


def remove_accounts(accounts: Sequence[Account]) -> None:
    for account in accounts:
        if _ours(account.name):
            _remove(account.name)


def as_user(account: Account, command: Sequence[str], *, env: dict[str, str] | None = None,
            cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run `command` as `account` (runuser), in its home unless `cwd` is given."""
    environment = {"HOME": str(account.home), "USER": account.name, "LOGNAME": account.name,
                   "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", **(env or {})}
    result = subprocess.run(["runuser", "-u", account.name, "--", "env", "-i",
                             *(f"{k}={v}" for k, v in environment.items()), *command],
                            cwd=cwd or account.home, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} as {account.name} failed ({result.returncode}):\n"
                             f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return result


def quiet_lab(home: Path, owner: Account | None = None) -> None:
    """JupyterLab's settings and config in a home folder: no news, no update checks, no autosave,
    `window.jupyterapp` for the tests (as `servers.start_lab` sets them)."""
    jupyter = home / ".jupyter"
    for name, values in servers.LAB_SETTINGS.items():
        path = jupyter / "lab" / "user-settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    (jupyter / "jupyter_server_config.json").write_text(json.dumps(servers.LAB_CONFIG))
    if owner is not None:
        for path in [jupyter, *jupyter.rglob("*")]:
            os.chown(path, owner.uid, owner.gid)


# --- the hub ------------------------------------------------------------------------------------


@dataclasses.dataclass
class Hub:
    """A running JupyterHub: its process, where it listens, its log and an admin token."""

    process: subprocess.Popen
    url: str
    log: Path
    token: str

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def api(self, method: str, path: str, body: Any = None, *, timeout: float = 60) -> Any:
        """The hub's REST API (`/hub/api/...`) with the admin token; the JSON it answers, or None."""
        return request(method, f"{self.url}/hub/api{path}", self.token, body, timeout=timeout)

    def user_api(self, user: str, method: str, path: str, body: Any = None, *, timeout: float = 120) -> Any:
        """A user's single-user server's API (`/user/<name>/api/...`), through the proxy, with the admin token."""
        return request(method, f"{self.url}/user/{user}/api{path}", self.token, body, timeout=timeout)

    def processes(self) -> dict[str, psutil.Process]:
        """The hub itself and its proxy (the proxy is the hub's child `node` process)."""
        hub = psutil.Process(self.process.pid)
        found = {"hub": hub}
        for child in hub.children(recursive=False):
            try:
                if "configurable-http-proxy" in " ".join(child.cmdline()):
                    found["proxy"] = child
            except psutil.NoSuchProcess:
                continue
        return found


def request(method: str, url: str, token: str, body: Any = None, *, timeout: float = 60) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as response:
        text = response.read()
    return json.loads(text) if text.strip() else None


def _config(*, port: int, hub_port: int, proxy_api_port: int, folder: Path, venv: Path, proxy: Path,
            code: Path | None, token: str, admin: str, users: Sequence[str], environment: dict[str, str],
            real_users: bool) -> str:
    env = {"PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", **environment}
    if code is not None:
        env["PYTHONPATH"] = str(code)
    lines = [
        f"c.JupyterHub.bind_url = 'http://{HOST}:{port}'",
        f"c.JupyterHub.hub_ip = '{HOST}'",
        f"c.JupyterHub.hub_port = {hub_port}",
        f"c.ConfigurableHTTPProxy.api_url = 'http://{HOST}:{proxy_api_port}'",
        f"c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]",
        f"c.ConfigurableHTTPProxy.pid_file = {str(folder / 'proxy.pid')!r}",
        f"c.JupyterHub.db_url = 'sqlite:///{folder / 'jupyterhub.sqlite'}'",
        f"c.JupyterHub.cookie_secret_file = {str(folder / 'cookie_secret')!r}",
        f"c.JupyterHub.pid_file = {str(folder / 'jupyterhub.pid')!r}",
        "c.JupyterHub.cleanup_servers = True",
        "c.JupyterHub.cleanup_proxy = True",
        "c.JupyterHub.authenticator_class = 'shared-password'",
        f"c.SharedPasswordAuthenticator.user_password = {USER_PASSWORD!r}",
        f"c.SharedPasswordAuthenticator.admin_password = {ADMIN_PASSWORD!r}",
        f"c.Authenticator.admin_users = {{{admin!r}}}",
        f"c.Authenticator.allowed_users = {set(users)!r}",
        f"c.JupyterHub.spawner_class = {'localprocess' if real_users else 'simple'!r}",
        f"c.Spawner.cmd = [{str(venv / 'bin' / 'jupyterhub-singleuser')!r}]",
        "c.Spawner.default_url = '/lab'",
        f"c.Spawner.environment = {env!r}",
        f"c.Spawner.start_timeout = {START_TIMEOUT_S}",
        f"c.Spawner.http_timeout = {START_TIMEOUT_S}",
        # The tests' own service: an API token with the instructor's powers (users, servers, access).
        f"c.JupyterHub.services = [{{'name': 'nextround-tests', 'api_token': {token!r}}}]",
        "c.JupyterHub.load_roles = [{'name': 'nextround-tests', 'services': ['nextround-tests'], 'scopes': "
        "['admin:users', 'admin:servers', 'access:servers', 'list:users', 'read:users']}]",
    ]
    if not real_users:
        lines += [f"c.SimpleLocalProcessSpawner.home_dir_template = {str(folder.parent / 'home' / '{username}')!r}",
                  "c.Spawner.args = ['--allow-root']"]
    return "\n".join(lines) + "\n"


def start_hub(folder: Path, *, admin: str, users: Sequence[str], environment: dict[str, str] | None = None,
              code: Path | None = None, real_users: bool = True) -> Hub:
    """JupyterHub on a free port of 127.0.0.1, ready when its API answers; its state in `folder`."""
    venv = hub_venv()
    proxy = proxy_command()
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(32)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "PYTHON", "CONFIGPROXY"))}
    env["PATH"] = f"{venv / 'bin'}:{env.get('PATH', '/usr/bin:/bin')}"
    env["PYTHONUNBUFFERED"] = "1"
    last = ""
    for _attempt in range(3):  # a free port may be taken before the hub binds it: then another
        port, hub_port, api_port = servers.free_port(), servers.free_port(), servers.free_port()
        config = folder / "jupyterhub_config.py"
        config.write_text(_config(port=port, hub_port=hub_port, proxy_api_port=api_port, folder=folder, venv=venv,
                                  proxy=proxy, code=code, token=token, admin=admin, users=users,
                                  environment=environment or {}, real_users=real_users))
        log = folder / "jupyterhub.log"
        with open(log, "ab") as out:
            process = subprocess.Popen([str(venv / "bin" / "jupyterhub"), "-f", str(config)], cwd=folder, env=env,
                                       stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        hub = Hub(process, f"http://{HOST}:{port}", log, token)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and process.poll() is None:
            try:
                hub.api("GET", "/", timeout=5)
                return hub
            except (urllib.error.URLError, OSError, ValueError):
                time.sleep(0.5)  # polling interval, not a correctness wait
        last = hub.log_tail()
        stop_hub(hub)
    raise RuntimeError(f"JupyterHub did not start:\n{last}")


def stop_hub(hub: Hub) -> None:
    """Stop the hub by its id (it stops its proxy and every server), then whatever it left behind."""
    try:
        left = psutil.Process(hub.process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        left = []
    if hub.process.poll() is None:
        hub.process.send_signal(signal.SIGTERM)
        try:
            hub.process.wait(60)
        except subprocess.TimeoutExpired:
            hub.process.kill()
            hub.process.wait(30)
    _, alive = psutil.wait_procs(left, timeout=30)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=30)


def wait_for_server(hub: Hub, user: str, timeout: float = START_TIMEOUT_S) -> None:
    """Wait until `user`'s server is ready (the hub's API says so)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        model = hub.api("GET", f"/users/{user}")
        server = (model.get("servers") or {}).get("", {})
        if server.get("ready"):
            return
        if not model.get("pending") and not server:
            raise RuntimeError(f"{user}'s server stopped while starting:\n{hub.log_tail()}")
        time.sleep(0.5)  # polling interval
    raise RuntimeError(f"{user}'s server not ready after {timeout} s:\n{hub.log_tail()}")


def versions() -> str:
    """What the hub runs: JupyterHub's, nbgitpuller's and configurable-http-proxy's versions."""
    code = "from importlib.metadata import version as v; print(f\"jupyterhub {v('jupyterhub')}, nbgitpuller {v('nbgitpuller')}\")"
    python = subprocess.run([str(hub_venv() / "bin" / "python"), "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    proxy = subprocess.run([str(proxy_command()), "--version"], capture_output=True, text=True).stdout.strip()
    return f"{python}, configurable-http-proxy {proxy}"


def memory_of(account: str) -> float:
    """The resident memory of everything running as `account` (their server and kernels), in MiB."""
    total = 0
    for process in psutil.process_iter(["username"]):
        if process.info["username"] == account:
            try:
                total += process.memory_info().rss
            except psutil.NoSuchProcess:
                pass
    return total / (1024 * 1024)
