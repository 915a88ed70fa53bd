"""A batch across workers, end to end: Redis on a random loopback port, workers and coordinators as processes.

The faults are real: a worker killed with SIGKILL while it renders, Redis restarted under
a running batch, the coordinator killed and resumed, and a site that kills its worker
each time it is rendered. Every process a test starts is stopped by its pid (a killed
worker's browser by the pids of its descendants). The fixture sites (tests/sites) are
served on 127.0.0.1 and workers load nothing else (--loopback-only). With CI=true a
missing redis-server fails these tests; elsewhere it skips them with the reason.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any, ClassVar

import pytest

import cli
from auditor.batch.runner import audit_sites
from auditor.demo import serve
from auditor.inputs.sites import SiteInput
from auditor.judge.ruleset import Ruleset
from auditor.models import SiteReport
from auditor.options import Limits, RunOptions
from tests.conftest import FIXTURE_SITES, IN_CI, TESTS

ROOT = TESTS.parent
LIMITS = Limits(page_timeout_s=15, site_timeout_s=60, allow_private=True, loopback_only=True)
LIMIT_ARGS = ["--page-timeout", "15", "--site-timeout", "60"]
# Fields that differ between two runs of the same sites whatever runs them: times, and file names
# (the folders, and the hashes of pictures taken twice).
VOLATILE = {"started_at", "finished_at", "fetched_at", "report_path", "dom", "screenshots", "screenshot"}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def redis_server() -> str:
    path = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    if path is None:
        problem = "redis-server not found (bash scripts/bootstrap --test installs it)"
        if IN_CI:
            pytest.fail(f"CI=true and {problem}")
        pytest.skip(problem)
    return path


# --- processes, each stopped by its pid ----------------------------------------------------


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


class Processes:
    """What a test starts: logged to files, and stopped by pid (with descendants: browsers) at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[subprocess.Popen[bytes]] = []
        self._logs: list[IO[bytes]] = []
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("ab")
        self._logs.append(log)
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=self.env)
        self.started.append(process)
        return process

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    @staticmethod
    def kill(process: subprocess.Popen[bytes]) -> None:
        """SIGKILL, no chance to clean up; then the browser and driver it leaves orphaned."""
        family = _descendants(process.pid)
        with suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        for pid in family:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                family = _descendants(process.pid)
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    os.kill(process.pid, signal.SIGKILL)
                    process.wait()
                for pid in family:
                    with suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
        for log in self._logs:
            log.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """Debian's redis-server on a random loopback port, with its data in the test's folder."""

    def __init__(self, path: str, processes: Processes) -> None:
        self.path, self.processes = path, processes
        self.port = _free_port()
        self.folder = processes.folder / "redis"
        self.folder.mkdir()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        # Saved on shutdown (as Debian's configuration does): a restart keeps the queue and the results.
        self.process = self.processes.start("redis", [
            self.path, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
            "--save", "60 1", "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no"])
        _wait(self._answers, 20, "redis-server to answer")

    def restart(self, down_s: float = 2.0) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)
        time.sleep(down_s)
        self.start()

    def _answers(self) -> bool:
        with suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
        return False


def _wait(condition: Callable[[], bool], timeout: float, what: str,
          alive: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if alive is not None and alive.poll() is not None:
            raise AssertionError(f"stopped (exit {alive.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def _worker(broker: str, name: str, concurrency: int) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), "worker", "--broker", broker, "--name", name,
            "--concurrency", str(concurrency), "--loopback-only"]


def _coordinator(broker: str, listing: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), "audit", "-i", str(listing), "-o", str(out), "--broker", broker,
            "--allow-private", *LIMIT_ARGS, *extra]


def _query(out: Path, sql: str) -> list[tuple[Any, ...]]:
    if not (out / "audit.sqlite").is_file():
        return []
    db = sqlite3.connect(f"file:{out / 'audit.sqlite'}?mode=ro", uri=True, timeout=10)
    try:
        return db.execute(sql).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        db.close()


def _done(out: Path) -> int:
    rows = _query(out, "SELECT COUNT(*) FROM sites WHERE state = 'done'")
    return int(rows[0][0]) if rows else 0


def _listing(sites: list[SiteInput], path: Path) -> Path:
    """The sites as an input CSV, registry values included."""
    rows = []
    for site in sites:
        row = {"url": site.url, "name": site.name, "profiles": ";".join(site.profiles)}
        row.update({k: ";".join(v) if isinstance(v, list) else v for k, v in site.registry.items()})
        rows.append(row)
    columns = sorted({k for row in rows for k in row}, key=lambda k: (k != "url", k))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _comparable(value: Any) -> Any:
    """A report without what two runs of the same site always differ in."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


# --- the fixture sites: served once, audited once locally -------------------------------------


@pytest.fixture(scope="module")
def served() -> Iterator[list[SiteInput]]:
    with serve(FIXTURE_SITES) as sites:
        yield list(sites.values())


@pytest.fixture(scope="module")
def local_reports(need_browser: None, ruleset: Ruleset, served: list[SiteInput],
                  tmp_path_factory: pytest.TempPathFactory) -> dict[str, SiteReport]:
    """The same sites audited by a local run, as the reference."""
    options = RunOptions(out_dir=tmp_path_factory.mktemp("local"), today=date.today(), limits=LIMITS)
    batch = asyncio.run(audit_sites(served, ruleset, options))
    return {s.input_url: s for s in batch.sites}


def test_two_workers_survive_a_killed_worker_a_redis_restart_and_a_killed_coordinator_and_report_as_a_local_run(
        need_browser: None, redis_server: str, served: list[SiteInput], local_reports: dict[str, SiteReport],
        tmp_path: Path) -> None:
    urls = [s.url for s in served]
    listing, out = _listing(served, tmp_path / "sites.csv"), tmp_path / "out"
    processes = Processes(tmp_path)
    try:
        redis = RedisServer(redis_server, processes)
        redis.start()
        w1 = processes.start("w1", _worker(redis.url, "w1@test", 3))
        processes.start("w2", _worker(redis.url, "w2@test", 2))
        # 15 s without a heartbeat is a worker gone: well above the ~6 s a worker takes to reconnect.
        coordinator = processes.start("coordinator", _coordinator(redis.url, listing, out, "--worker-timeout", "15"))
        _wait(lambda: _done(out) >= 3, 240, "3 sites done", coordinator)
        redis.restart()  # queued tasks survive it; results finished meanwhile are stored once it is back
        _wait(lambda: _done(out) >= 6, 240, "6 sites done", coordinator)
        processes.kill(w1)  # mid-site: it has three in hand, and the window keeps it busy
        _wait(lambda: bool(_query(out, "SELECT 1 FROM attempts WHERE outcome = 'lost'")), 120,
              "the coordinator to give up on the killed worker's sites", coordinator)
        processes.kill(coordinator)
        resumed = processes.start("resumed", _coordinator(redis.url, listing, out, "--worker-timeout", "15",
                                                          "--resume"))
        assert resumed.wait(300) == cli.EXIT_FAILURES, processes.log("resumed")[-3000:]
    finally:
        processes.stop_all()

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert Counter(s["input_url"] for s in report["sites"]) == Counter(urls)  # every site, once
    verified = subprocess.run([sys.executable, str(ROOT / "cli.py"), "verify", str(out)], capture_output=True,
                              text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout[-2000:]  # every file a report names is there, as sealed
    # Nothing recorded twice: one attempt per site made it 'done'; the killed worker's were lost and sent again.
    done = Counter(url for (url,) in _query(out, "SELECT url FROM attempts WHERE outcome = 'done'"))
    assert done == Counter(urls)
    lost = _query(out, "SELECT reason FROM attempts WHERE outcome = 'lost'")
    assert any("w1@test went away" in reason for (reason,) in lost), lost
    assert [state for (state,) in _query(out, "SELECT state FROM runs ORDER BY id")] == ["killed", "completed"]
    # Progress named the workers and their rates.
    progress = processes.log("coordinator") + processes.log("resumed")
    assert "workers: " in progress and "w2@test" in progress and "/min" in progress, progress[-2000:]
    # The same verdicts, facts and evidence as the local run of the same sites.
    for site in report["sites"]:
        local = json.loads(local_reports[site["input_url"]].model_dump_json())
        assert _comparable(site) == _comparable(local), site["input_url"]


# --- a site that kills its worker every time ------------------------------------------------


class _Killer(BaseHTTPRequestHandler):
    """A site whose homepage makes its worker die (as a renderer bug or the OOM killer would)."""

    on_hit: ClassVar[Callable[[], None]]
    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        if self.path == "/":
            self.on_hit()
        time.sleep(5)
        self.send_error(404)


class Supervisor:
    """Restarts the worker when it dies, under the same name (as systemd's Restart=always would)."""

    def __init__(self, processes: Processes, command: list[str]) -> None:
        self.processes, self.command = processes, command
        self.current = processes.start("worker", command)
        self.kills = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def kill_current(self) -> None:
        self.kills += 1
        self.processes.kill(self.current)

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            if self.current.poll() is not None:
                self.current = self.processes.start("worker", self.command)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


def test_a_site_that_kills_its_worker_every_time_ends_as_error_after_the_attempts(
        need_browser: None, redis_server: str, served: list[SiteInput], tmp_path: Path) -> None:
    ordinary = [s for s in served if s.slug in ("shop-compliant", "icp-hidden", "js-footer")]
    killer_server = ThreadingHTTPServer(("127.0.0.1", 0), _Killer)
    killer_server.daemon_threads = True
    threading.Thread(target=killer_server.serve_forever, daemon=True).start()
    killer = f"http://127.0.0.1:{killer_server.server_address[1]}/"
    listing, out = _listing([*ordinary, SiteInput(url=killer)], tmp_path / "sites.csv"), tmp_path / "out"
    processes = Processes(tmp_path)
    supervisor = None
    try:
        redis = RedisServer(redis_server, processes)
        redis.start()
        # One site at a time: the killer takes no other site down with it.
        supervisor = Supervisor(processes, _worker(redis.url, "w1@test", 1))
        _Killer.on_hit = supervisor.kill_current
        coordinator = processes.start("coordinator", _coordinator(redis.url, listing, out, "--retries", "1",
                                                                  "--worker-timeout", "8"))
        assert coordinator.wait(300) == cli.EXIT_FAILURES, processes.log("coordinator")[-3000:]
    finally:
        if supervisor is not None:
            supervisor.stop()
        processes.stop_all()
        killer_server.shutdown()
        killer_server.server_close()

    assert supervisor.kills == 2 == _Killer.hits["/"]  # 1 + --retries attempts, then no more
    report = {s["input_url"]: s for s in json.loads((out / "report.json").read_text(encoding="utf-8"))["sites"]}
    assert sorted(report) == sorted([*(s.url for s in ordinary), killer])
    assert report[killer]["status"] == "error"
    assert "2 attempts" in report[killer]["error"] and "w1@test went away" in report[killer]["error"]
    assert all(report[s.url]["status"] == "audited" for s in ordinary)
