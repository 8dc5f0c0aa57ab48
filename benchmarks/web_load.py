"""Response times of the web app's search, filter, map and timeline pages over loopback.

    .venv/bin/python benchmarks/make_events.py --db /tmp/kirok-100k.db          # once, ~4 minutes
    .venv/bin/python benchmarks/web_load.py --db /tmp/kirok-100k.db [--requests 200] [--clients 4]

The script adds a viewer account to the database (``kirok user add``), starts ``kirok serve`` on a free
loopback port in a separate process, logs in through the login form like a browser, warms each page
once, then requests every page ``--requests`` times from ``--clients`` threads, each request a
different page of results or filter value where the page has one. It prints the 50th and 95th
percentile and the slowest time per page and writes the table to ``--out``. Every answer must be
200; any other status stops the run.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
KIROK = Path(sys.executable).parent / "kirok"
PROVINCES = ("North Hamgyong", "Ryanggang", "South Pyongan", "Chagang", "North Pyongan", "Kangwon")
TYPES = ("arrest", "sentence", "crackdown", "execution", "surveillance", "forced_repatriation")
WORDS = ("smuggling", "crackdown", "households", "border", "permits", "river", "executed", "farm")
LIMIT_MS = 300.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pages() -> dict[str, Callable[[int], str]]:
    """Page name -> the URL of its ``i``-th request."""
    return {
        "events": lambda i: f"/events?page={1 + i % 40}",
        "search events": lambda i: f"/events?q={WORDS[i % len(WORDS)]}&page={1 + i % 3}",
        "search reports": lambda i: f"/reports?q={WORDS[i % len(WORDS)]}&page={1 + i % 3}",
        "filter type+status": lambda i: f"/events?type={TYPES[i % len(TYPES)]}&status=suggested",
        "filter province": lambda i: f"/events?place={PROVINCES[i % len(PROVINCES)]}",
        "filter dates": lambda i: f"/events?from={2016 + i % 9}-01-01&to={2016 + i % 9}-06-30",
        "map": lambda i: "/map" if i % 2 else f"/map?type={TYPES[i % len(TYPES)]}",
        "timeline": lambda i: "/timeline" if i % 2 else f"/timeline?place={PROVINCES[i % len(PROVINCES)]}",
    }


def _login(client: httpx.Client, user: str, password: str) -> None:
    form = client.get("/login")
    form.raise_for_status()
    fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.text))
    answer = client.post("/login", data={**fields, "username": user, "password": password})
    if answer.status_code >= 400 or "/login" in str(answer.url):
        sys.exit(f"web_load: login failed with status {answer.status_code}")


def _wait_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if server.poll() is not None:
            sys.exit(f"web_load: the server stopped with status {server.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    sys.exit("web_load: the server did not answer /health within 20 s")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--key-file", type=Path, default=None, help="default: <db>.key, as make_events.py")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "web_load.md")
    args = ap.parse_args()
    if not args.db.is_file():
        sys.exit(f"web_load: no database at {args.db}; make one with benchmarks/make_events.py")
    key_file = args.key_file or args.db.with_suffix(".key")
    base_cmd = [str(KIROK), "--db", str(args.db), "--key-file", str(key_file)]
    user, password = f"load-{secrets.token_hex(3)}", secrets.token_urlsafe(18)
    subprocess.run(
        [*base_cmd, "user", "add", user, "--role", "viewer", "--password-stdin"],
        input=password.encode(),
        check=True,
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*base_cmd, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    results: dict[str, list[float]] = {}
    try:
        _wait_up(base, server)
        with httpx.Client(base_url=base, timeout=30, follow_redirects=True) as client:
            _login(client, user, password)
            cookies = client.cookies
        for name, url_of in _pages().items():
            with httpx.Client(base_url=base, timeout=30, cookies=cookies) as warm:
                warm.get(url_of(0)).raise_for_status()

            def timed(i: int, url_of: Callable[[int], str] = url_of) -> float:
                with httpx.Client(base_url=base, timeout=30, cookies=cookies) as c:
                    t = time.perf_counter()
                    answer = c.get(url_of(i))
                    took = (time.perf_counter() - t) * 1000
                if answer.status_code != 200:
                    raise SystemExit(f"web_load: {url_of(i)} answered {answer.status_code}")
                return took

            with ThreadPoolExecutor(args.clients) as pool:
                results[name] = list(pool.map(timed, range(args.requests)))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        subprocess.run([*base_cmd, "user", "remove", user], check=False, capture_output=True)

    rows = [
        "| page | requests | p50 ms | p95 ms | max ms | p95 under 300 ms |",
        "|---|---|---|---|---|---|",
    ]
    for name, times in results.items():
        p95 = _percentile(times, 0.95)
        rows.append(
            f"| {name} | {len(times)} | {statistics.median(times):.0f} | {p95:.0f} | {max(times):.0f} "
            f"| {'yes' if p95 < LIMIT_MS else 'NO'} |"
        )
    table = "\n".join(rows)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        f"Web load over loopback: `{args.db.name}`, {args.clients} clients, "
        f"{args.requests} requests per page (`benchmarks/web_load.py`).\n\n{table}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
