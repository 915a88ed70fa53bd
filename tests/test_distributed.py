"""A batch across workers, end to end: Redis on a random loopback port, workers and coordinators as processes.

The faults are real and placed, not hoped for: a *held* site (its homepage is answered
only when the test says so) pins an attempt in a known worker's hands, so the test knows
that worker is mid-site when it kills it by its pid, that a batch is unfinished when its
coordinator is killed, and that an answer arrives while Redis is down. Nothing waits on a
timer to line up with another: each step waits for the state it needs (in the store, or
in Celery's own inspect replies) and fails only on a hang.

Every process a test starts is stopped by its pid (a killed worker's browser by the pids
of its descendants, tests/cluster.py). The sites are served on 127.0.0.1 and workers load
nothing else (--loopback-only). With CI=true a missing redis-server fails these tests;
elsewhere it skips them with the reason.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

import cli
from auditor.batch.audit import AuditRequest
from auditor.batch.audit import audit as run_audit
from auditor.batch.progress import make_reporter
from auditor.demo import serve
from auditor.inputs.sites import SiteInput
from auditor.options import Limits, RunOptions
from tests.cluster import ROOT, Processes, RedisServer, redis_server_path, wait_for, worker_command, worker_ready
from tests.conftest import FIXTURE_SITES, IN_CI

# The held site waits for the test, never for a timer: its page time limit is far beyond any hold.
PAGE_TIMEOUT_S, SITE_TIMEOUT_S = 300, 600
TRICKLE_S = 5.0  # a held page sends a byte this often: the egress guard drops a connection idle for 60 s
LIMIT_ARGS = ["--page-timeout", str(PAGE_TIMEOUT_S), "--site-timeout", str(SITE_TIMEOUT_S)]
VOLATILE = {"started_at", "finished_at", "fetched_at"}  # what two runs of the same sites always differ in
STEP_S = 240.0  # the longest any one step may take before the test calls it a hang

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def redis_path() -> str:
    path = redis_server_path()
    if path is None:
        problem = "redis-server not found (bash scripts/bootstrap --test installs it)"
        if IN_CI:
            pytest.fail(f"CI=true and {problem}")
        pytest.skip(problem)
    return path


# --- held sites ----------------------------------------------------------------------------------


class _Held(BaseHTTPRequestHandler):
    """The homepage's head at once, then a space every TRICKLE_S until the gate opens, then the rest."""

    gate: ClassVar[threading.Event]
    waiting: ClassVar[list[int]]
    head: ClassVar[bytes]
    body: ClassVar[bytes]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        if self.path != "/":
            self.send_error(404)
            return
        self.waiting[0] += 1
        try:
            with suppress(OSError):  # the browser that asked may be killed meanwhile
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()  # HTTP/1.0: the body ends when the connection does
                self.wfile.write(self.head)
                deadline = time.monotonic() + 900
                while not self.gate.wait(TRICKLE_S) and time.monotonic() < deadline:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                self.wfile.write(self.body)
        finally:
            self.waiting[0] -= 1


class HeldSite:
    """A small site on 127.0.0.1 whose homepage is answered only while its gate is open."""

    def __init__(self, name: str) -> None:
        head = f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{name}</title>'
        body = (f"</head><body><h1>{name}</h1><p>本站由测试持有。</p>"
                "<footer>京ICP备12345678号-1 · 客服电话：010-62345678</footer></body></html>")
        self.gate = threading.Event()
        self.waiting = [0]
        handler = type(f"Held_{name}", (_Held,), {"gate": self.gate, "waiting": self.waiting, "head": head.encode(),
                                                  "body": body.encode()})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.site = SiteInput(url=f"http://127.0.0.1:{self.server.server_address[1]}/", name=name)

    @property
    def url(self) -> str:
        return self.site.url

    def stop(self) -> None:
        self.gate.set()
        self.server.shutdown()
        self.server.server_close()


@dataclass(frozen=True)
class Corpus:
    held: HeldSite
    listing: Path
    urls: list[str]
    served: dict[str, SiteInput]  # fixture folder → site

    def ordinary(self, *names: str) -> list[SiteInput]:
        return [self.served[name] for name in names]


def _listing(sites: list[SiteInput], path: Path) -> Path:
    """The sites as an input CSV, registry values included, in this order (their folders follow it)."""
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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The fixture sites and a held one first (it is sent out at once), served for the module."""
    held = HeldSite("持有站点")
    try:
        with serve(FIXTURE_SITES) as served:
            sites = [held.site, *served.values()]
            listing = _listing(sites, tmp_path_factory.mktemp("corpus") / "sites.csv")
            yield Corpus(held, listing, [s.url for s in sites], dict(served))
    finally:
        held.stop()


@pytest.fixture(scope="module")
def local_report(need_browser: None, corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """report.json of a local run of the same listing (`auditor audit`'s own path, loading 127.0.0.1 only)."""
    corpus.held.gate.set()
    out = tmp_path_factory.mktemp("local") / "out"
    options = RunOptions(out_dir=out, today=date.today(), limits=Limits(
        page_timeout_s=PAGE_TIMEOUT_S, site_timeout_s=SITE_TIMEOUT_S, allow_private=True, loopback_only=True))
    run_audit(AuditRequest(options=options, input_file=corpus.listing), make_reporter("quiet"), lambda _: None)
    corpus.held.gate.clear()
    report: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return report


# --- reading the batch: its store, and Celery's view of the workers --------------------------------


def _query(out: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    if not (out / "audit.sqlite").is_file():
        return []
    db = sqlite3.connect(f"file:{out / 'audit.sqlite'}?mode=ro", uri=True, timeout=10)
    try:
        return db.execute(sql, args).fetchall()
    except sqlite3.OperationalError:  # not created yet
        return []
    finally:
        db.close()


def _outcome(out: Path, attempt: str) -> str | None:
    rows = _query(out, "SELECT outcome FROM attempts WHERE id = ?", attempt)
    return str(rows[0][0]) if rows and rows[0][0] else None


def _done(out: Path, url: str) -> bool:
    return bool(_query(out, "SELECT 1 FROM sites WHERE url = ? AND state = 'done'", url))


class Workers:
    """Which worker holds which site, as the workers themselves tell Celery's inspect."""

    def __init__(self, broker: str) -> None:
        from auditor.batch.distributed.app import make_app  # Celery: the distributed extra

        self.app = make_app(broker)

    def holding(self, url: str, besides: set[str]) -> tuple[str, str] | None:
        """(worker, attempt) of a task for `url` a worker has started, other than `besides`."""
        try:
            active = self.app.control.inspect(timeout=1.0).active() or {}
        except OSError:
            return None
        for worker, tasks in active.items():
            for task in tasks or ():
                if url in str(task.get("args")) and task.get("id") not in besides:
                    return str(worker), str(task["id"])
        return None

    def wait_holding(self, url: str, besides: set[str], alive: subprocess.Popen[bytes]) -> tuple[str, str]:
        found: tuple[str, str] | None = None

        def started() -> bool:
            nonlocal found
            found = self.holding(url, besides)
            return found is not None

        wait_for(started, STEP_S, f"a worker to start on {url}", alive)
        assert found is not None
        return found


def _coordinator(broker: str, listing: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), "audit", "-i", str(listing), "-o", str(out), "--broker", broker,
            "--allow-private", *LIMIT_ARGS, *extra]


def _comparable(value: Any) -> Any:
    """A report without what two runs of the same sites always differ in: their times."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _start_workers(processes: Processes, broker: str, spec: dict[str, int]) -> dict[str, subprocess.Popen[bytes]]:
    started = {name: processes.start(name.split("@")[0], worker_command(broker, name, n)) for name, n in spec.items()}
    for name, process in started.items():
        wait_for(lambda n=name: worker_ready(processes, n.split("@")[0]), STEP_S, f"{name} to start",  # type: ignore[misc]
                 process)
    return started


# --- the batch under every fault at once, and its report against a local run's --------------------


def test_two_workers_a_killed_worker_a_killed_coordinator_and_a_redis_restart_report_as_a_local_run(
        need_browser: None, redis_path: str, corpus: Corpus, local_report: dict[str, Any], tmp_path: Path) -> None:
    held, out = corpus.held, tmp_path / "out"
    processes = Processes(tmp_path)
    try:
        redis = RedisServer(redis_path, processes)  # saved on shutdown, as Debian's redis-server is set up
        redis.start()
        spec = {"w1@test": 3, "w2@test": 2}
        workers = _start_workers(processes, redis.url, spec)
        # 15 s without a heartbeat is a worker gone: well above the ~6 s a worker takes to reconnect.
        coordinator = processes.start("coordinator", _coordinator(redis.url, corpus.listing, out,
                                                                  "--worker-timeout", "15"))
        fleet = Workers(redis.url)

        # A worker mid-site: the held site is in its hands and its browser waits for the homepage.
        killed, first = fleet.wait_holding(held.url, set(), coordinator)
        wait_for(lambda: held.waiting[0] >= 1, STEP_S, "the browser to ask for the held homepage", coordinator)
        processes.kill(workers[killed])  # SIGKILL by its pid, then its browser's
        # Restarted under the same name, as systemd's Restart=always would: another process, not the dead one.
        workers[killed] = processes.start(killed.split("@")[0] + "-restarted",
                                          worker_command(redis.url, killed, spec[killed]))
        wait_for(lambda: _outcome(out, first) == "lost", STEP_S, "the coordinator to give the attempt up", coordinator)
        _, second = fleet.wait_holding(held.url, {first}, coordinator)  # sent again, and started elsewhere

        # The coordinator killed while the held site is out (so the batch cannot have finished).
        processes.kill(coordinator)
        assert not _done(out, held.url)
        resumed = processes.start("resumed", _coordinator(redis.url, corpus.listing, out, "--worker-timeout", "15",
                                                          "--resume"))
        # Its first word on the workers: it follows them, and reads the answers of the attempts out.
        wait_for(lambda: "workers: " in processes.log("resumed"), STEP_S, "the resumed run to start", resumed)

        # Redis restarted under the resumed batch, the held site answered while it is down.
        redis.stop()
        held.gate.set()
        wait_for(lambda: "broker unreachable" in processes.log("resumed"), STEP_S, "the outage noticed", resumed)
        redis.start()
        assert resumed.wait(STEP_S * 2) == cli.EXIT_FAILURES, processes.log("resumed")[-3000:]
    finally:
        processes.stop_all()
        held.gate.clear()

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert Counter(s["input_url"] for s in report["sites"]) == Counter(corpus.urls)  # every site, once
    verified = subprocess.run([sys.executable, str(ROOT / "cli.py"), "verify", str(out)], capture_output=True,
                              text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout[-2000:]  # every file a report names is there, as sealed
    # Nothing recorded twice: one attempt per site is 'done'.
    assert Counter(u for (u,) in _query(out, "SELECT url FROM attempts WHERE outcome = 'done'")) == Counter(corpus.urls)
    reason = _query(out, "SELECT reason FROM attempts WHERE id = ?", first)[0][0]
    assert f"worker {killed} went away" in reason and "while rendering" in reason, reason
    assert _outcome(out, second) == "done"  # the answer given during the outage was kept, and recorded
    assert [state for (state,) in _query(out, "SELECT state FROM runs ORDER BY id")] == ["killed", "completed"]
    # Progress named the workers and their rates.
    progress = processes.log("coordinator") + processes.log("resumed")
    assert "workers: " in progress and "/min" in progress and "w2@test" in progress, progress[-2000:]
    # The same report as the local run of the same listing: verdicts, facts, evidence, files, order.
    assert _comparable(report) == _comparable(local_report)


# --- a worker's machine gone (frozen: no heartbeat, its connections left open), then back ---------------


def test_a_vanished_worker_is_replaced_and_its_late_result_dropped(
        need_browser: None, redis_path: str, corpus: Corpus, tmp_path: Path) -> None:
    held, keeper = corpus.held, HeldSite("守门站点")  # the keeper holds the batch open until the test is done
    others = corpus.ordinary("shop-compliant", "js-footer")
    ordinary = [s.url for s in others]
    listing = _listing([held.site, keeper.site, *others], tmp_path / "sites.csv")
    out = tmp_path / "out"
    processes = Processes(tmp_path)
    frozen: set[int] = set()
    try:
        redis = RedisServer(redis_path, processes)
        redis.start()
        workers = _start_workers(processes, redis.url, {"w1@test": 2, "w2@test": 2})
        coordinator = processes.start("coordinator", _coordinator(redis.url, listing, out, "--worker-timeout", "6"))
        fleet = Workers(redis.url)
        gone, first = fleet.wait_holding(held.url, set(), coordinator)
        wait_for(lambda: held.waiting[0] >= 1, STEP_S, "the browser to ask for the held homepage", coordinator)
        frozen = processes.freeze(workers[gone])
        held.gate.set()  # its answer waits in the frozen machine's sockets; the next attempt gets it at once
        wait_for(lambda: _outcome(out, first) == "lost", STEP_S, "the coordinator to give the attempt up", coordinator)
        reason = _query(out, "SELECT reason FROM attempts WHERE id = ?", first)[0][0]
        assert f"worker {gone} went away" in reason, reason
        wait_for(lambda: _done(out, held.url), STEP_S, "the held site recorded from the other worker", coordinator)
        second = _query(out, "SELECT id FROM attempts WHERE url = ? AND outcome = 'done'", held.url)[0][0]
        assert _query(out, "SELECT worker FROM attempts WHERE id = ?", second)[0][0] != gone
        processes.thaw(frozen)  # back: it finishes the site it had, too late
        frozen = set()
        # Its late answer is heard and dropped: a duplicate result, or (a browser that did not survive the
        # freeze) a failure; either way the site stays as the other worker's result recorded it.
        wait_for(lambda: _outcome(out, first) in ("duplicate", "superseded"), STEP_S, "the late answer", coordinator)
        keeper.gate.set()
        assert coordinator.wait(STEP_S) == cli.EXIT_FAILURES, processes.log("coordinator")[-3000:]
    finally:
        processes.thaw(frozen)
        processes.stop_all()
        held.gate.clear()
        keeper.stop()

    assert _outcome(out, second) == "done"  # the first complete result won
    assert f"worker {gone} went away" in _query(out, "SELECT reason FROM attempts WHERE id = ?", first)[0][0]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert Counter(s["input_url"] for s in report["sites"]) == Counter([held.url, keeper.url, *ordinary])
    assert Counter(u for (u,) in _query(out, "SELECT url FROM attempts WHERE outcome = 'done'")) == Counter(
        [held.url, keeper.url, *ordinary])


# --- Redis restarted without its data ------------------------------------------------------------------


def test_tasks_lost_with_a_redis_that_kept_nothing_are_sent_again(
        need_browser: None, redis_path: str, corpus: Corpus, tmp_path: Path) -> None:
    held, others = corpus.held, corpus.ordinary("shop-compliant", "js-footer")
    listing = _listing([held.site, *others], tmp_path / "sites.csv")
    out = tmp_path / "out"
    processes = Processes(tmp_path)
    try:
        redis = RedisServer(redis_path, processes, persist=False)
        redis.start()
        _start_workers(processes, redis.url, {"w1@test": 1})  # one site at a time: the others wait in the queue
        coordinator = processes.start("coordinator", _coordinator(redis.url, listing, out, "--worker-timeout", "15"))
        Workers(redis.url).wait_holding(held.url, set(), coordinator)
        wait_for(lambda: held.waiting[0] >= 1, STEP_S, "the browser to ask for the held homepage", coordinator)
        assert not any(_done(out, s.url) for s in others)  # sent after the held site: still queued
        redis.stop()  # the queue with the two other sites' tasks is gone with it
        redis.start()
        held.gate.set()  # the worker finishes the held site and stores its result in the new, empty Redis
        assert coordinator.wait(STEP_S) == cli.EXIT_FAILURES, processes.log("coordinator")[-3000:]
    finally:
        processes.stop_all()
        held.gate.clear()

    urls = [held.url, *(s.url for s in others)]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert Counter(s["input_url"] for s in report["sites"]) == Counter(urls)
    assert Counter(u for (u,) in _query(out, "SELECT url FROM attempts WHERE outcome = 'done'")) == Counter(urls)
    # The others' first attempts were given up as lost (a revoke may have answered for them since).
    lost = _query(out, "SELECT url, outcome FROM attempts WHERE reason LIKE 'no worker holds it%lost unseen%'")
    assert sorted(u for u, _ in lost) == sorted(s.url for s in others), lost  # the held site's result was kept
    assert {outcome for _, outcome in lost} <= {"lost", "superseded"}, lost
    # Not counted against the sites: they had never started.
    assert {u: n for u, n in _query(out, "SELECT url, attempts FROM sites")} == dict.fromkeys(urls, 1)


# --- a site that kills its worker every time ------------------------------------------------------------


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
        with suppress(OSError):  # the browser that asked is dead
            self.send_error(404)


class Supervisor:
    """Restarts the worker when it dies, under the same name (as systemd's Restart=always would)."""

    def __init__(self, processes: Processes, command: list[str]) -> None:
        self.processes, self.command = processes, command
        self.current = processes.start("worker", command)
        self.kills = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def kill_current(self) -> None:
        with self._lock:
            self.kills += 1
            self.processes.kill(self.current)

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            with self._lock:
                if self.current.poll() is not None:
                    self.current = self.processes.start("worker", self.command)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


def test_a_site_that_kills_its_worker_every_time_ends_as_error_and_results_come_through_the_spool(
        need_browser: None, redis_path: str, corpus: Corpus, tmp_path: Path) -> None:
    ordinary = [s.url for s in corpus.ordinary("shop-compliant", "icp-hidden", "js-footer")]
    killer_server = ThreadingHTTPServer(("127.0.0.1", 0), _Killer)
    killer_server.daemon_threads = True
    threading.Thread(target=killer_server.serve_forever, daemon=True).start()
    killer = f"http://127.0.0.1:{killer_server.server_address[1]}/"
    listing = _listing([*corpus.ordinary("shop-compliant", "icp-hidden", "js-footer"), SiteInput(url=killer)],
                       tmp_path / "sites.csv")
    out = tmp_path / "out"
    processes = Processes(tmp_path)
    processes.env["TMPDIR"] = str(tmp_path)  # where the workers build the sites' folders
    supervisor = None
    try:
        redis = RedisServer(redis_path, processes)
        redis.start()
        # One site at a time: the killer takes no other site down with it. Every result comes back through
        # the shared folder (--inline-max 0), as results too large for Redis do.
        spool = tmp_path / "spool"
        supervisor = Supervisor(processes, worker_command(redis.url, "w1@test", 1, "--spool", str(spool)))
        _Killer.on_hit = supervisor.kill_current
        coordinator = processes.start("coordinator", _coordinator(
            redis.url, listing, out, "--retries", "1", "--worker-timeout", "8", "--spool", str(spool),
            "--inline-max", "0"))
        assert coordinator.wait(STEP_S * 2) == cli.EXIT_FAILURES, processes.log("coordinator")[-3000:]
    finally:
        if supervisor is not None:
            supervisor.stop()
        processes.stop_all()
        killer_server.shutdown()
        killer_server.server_close()

    assert supervisor.kills == 2 == _Killer.hits["/"]  # 1 + --retries attempts, then no more
    # The worker killed first left the killer's folder behind; the one started after it removed it.
    assert "removed 1 folder(s) left by killed workers of this machine" in processes.log("worker")
    report = {s["input_url"]: s for s in json.loads((out / "report.json").read_text(encoding="utf-8"))["sites"]}
    assert sorted(report) == sorted([*ordinary, killer])
    assert report[killer]["status"] == "error"  # not audited: never "non-compliant"
    assert "2 attempts" in report[killer]["error"] and "w1@test went away" in report[killer]["error"]
    assert all(report[u]["status"] == "audited" for u in ordinary)
    assert list(spool.iterdir()) == []  # each archive deleted once its site was recorded
    verified = subprocess.run([sys.executable, str(ROOT / "cli.py"), "verify", str(out)], capture_output=True,
                              text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout[-2000:]
