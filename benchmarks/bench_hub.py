"""A class on JupyterHub: the hub's own memory with 2 and with 10 students signed in.

For each class size this starts a fresh JupyterHub on 127.0.0.1 (with
configurable-http-proxy, as `tests/e2e/test_hub.py` does), then for each simulated
student, one after another: signs in through the hub's login form (a real POST to
`/hub/login`, checked by the authenticator), starts their server with the REST API
and starts a kernel in it through the proxy (the single-user server's
`/api/kernels`). With every student's server and kernel running, it reads the
resident memory (RSS, psutil) of the hub and of the proxy, and of the students'
servers and kernels. Then it stops the hub, which stops everything it started.

It prints both class sizes and the ratio of the hub's and proxy's memory at 10
students to that at 2: what a class adds to the hub itself, apart from each
student's own server. Each student's server and kernel is the figure to size a
machine by (docs/hub.md).

Bounded: at most `BIG` students, each step with a time limit; the run stops
itself, and traffic goes only to 127.0.0.1. Servers run as this account
(`SimpleLocalProcessSpawner`): which account a server runs as does not change what
the hub and the proxy hold.

Run with `make bench`, or `python benchmarks/bench_hub.py [SMALL] [BIG]`.
"""

from __future__ import annotations

import http.cookiejar
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from e2e import hub as hubs  # noqa: E402  the hub the browser test runs

SMALL, BIG = 2, 10
MIB = 1024 * 1024


def sign_in(url: str, user: str) -> float:
    """The hub's login form, as a browser posts it (its _xsrf cookie and field); seconds taken."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    started = time.perf_counter()
    with opener.open(f"{url}/hub/login", timeout=60):
        pass
    xsrf = next((c.value for c in jar if c.name == "_xsrf"), "")
    form = urllib.parse.urlencode({"username": user, "password": hubs.USER_PASSWORD, "_xsrf": xsrf}).encode()
    # Signed in, the hub redirects to the user's server, which is not started yet: stop at the redirect.
    request = urllib.request.Request(f"{url}/hub/login?next=/hub/home", data=form, method="POST")
    with opener.open(request, timeout=60) as response:
        if "/hub/login" in response.url:
            raise RuntimeError(f"{user} could not sign in")
    return time.perf_counter() - started


def rss(processes: list[psutil.Process]) -> float:
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / MIB


def measure(students: int) -> dict[str, float]:
    base = Path(tempfile.mkdtemp(prefix="nextround-bench-hub-"))
    names = [f"student{n:02d}" for n in range(1, students + 1)]
    for name in names:
        (base / "home" / name).mkdir(parents=True)
    hub = hubs.start_hub(base / "hub", admin="instructor", users=names, real_users=False)
    try:
        own = hub.processes()
        idle = rss(list(own.values()))
        logins, starts = [], []
        for name in names:
            logins.append(sign_in(hub.url, name))
            started = time.perf_counter()
            hub.api("POST", f"/users/{name}/server")
            hubs.wait_for_server(hub, name)
            hub.user_api(name, "POST", "/kernels", {"name": "python3"})
            starts.append(time.perf_counter() - started)
        time.sleep(2)  # let the kernels finish starting before memory is read
        own = hub.processes()
        servers = [p for p in psutil.Process(hub.process.pid).children(recursive=True) if p.pid != own["proxy"].pid]
        return {
            "idle": idle, "hub": rss([own["hub"]]), "proxy": rss([own["proxy"]]),
            "per_student": rss(servers) / students, "login": sorted(logins)[len(logins) // 2],
            "start": sorted(starts)[len(starts) // 2],
        }
    finally:
        hubs.stop_hub(hub)
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    small, big = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (SMALL, BIG)
    print(f"On 127.0.0.1: {hubs.versions()}")
    print(f"{'students':>9} {'at start':>9} {'hub':>7} {'proxy':>7} {'hub+proxy':>10} "
          f"{'each student (server+kernel)':>29} {'sign-in':>8} {'server+kernel start':>20}")
    figures = {}
    for students in (small, big):
        f = measure(students)
        figures[students] = f
        both = f["hub"] + f["proxy"]
        print(f"{students:>9} {f['idle']:>7.0f} M {f['hub']:>5.0f} M {f['proxy']:>5.0f} M {both:>8.0f} M "
              f"{f['per_student']:>27.0f} M {f['login']:>6.2f} s {f['start']:>18.1f} s")
    ratio = (figures[big]["hub"] + figures[big]["proxy"]) / (figures[small]["hub"] + figures[small]["proxy"])
    print(f"hub+proxy with {big} students / with {small}: {ratio:.2f}x "
          f"(medians for sign-in and start; memory is resident set size)")


if __name__ == "__main__":
    main()
