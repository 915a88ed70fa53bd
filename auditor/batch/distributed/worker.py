"""``auditor worker``: render, judge and pack the sites a coordinator sends, one task per site.

A worker is a local run without a store: one Chromium shared by the sites in flight, the
egress guard in front of it, the same :class:`~auditor.browse.pool.BrowserPool` (crash and
hang recovery, recycling) and the batch's own limits, which travel in each task. Celery's
thread pool runs ``--concurrency`` tasks at once; each hands its site to the one event loop
that drives the browser, then judges it in its own thread, as a local run judges off its
loop. The site's folder is built in a temporary directory, packed (``protocol.pack_site``)
and returned; nothing stays behind (a worker killed mid-site leaves its folder, which the
next worker to start on the machine removes: :class:`Scratch`).

A worker refuses a task it could not do as the batch asks: another protocol, auditor
version or rule pack (digest), another address policy (its guard is per process), a batch
that reads pictures (OCR) on an install without the ``ocr`` extra, or files too large to
send and no ``--spool``. The coordinator counts that attempt and sends
the site again, perhaps to another worker. Its own failures are the browser's (``fault``):
it does not retry them itself, since the coordinator alone counts attempts.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import logging
import os
import shutil
import socket
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from playwright.async_api import Playwright, async_playwright

from auditor.batch.distributed.app import REGISTRY_KEY, TASK_NAME, make_app, queue_name, safe_url
from auditor.batch.distributed.protocol import (
    ProtocolError,
    SiteResult,
    SiteTask,
    TooLargeError,
    pack_site,
    read_task,
)
from auditor.batch.runner import HANG_MARGIN_S, judge_site
from auditor.batch.settings import rules_digest
from auditor.browse.browser import BrowserChoice
from auditor.browse.netguard import EgressProxy, start_guard
from auditor.browse.ocrpool import ocr_missing
from auditor.browse.pool import BrowserPool, RenderResult
from auditor.discover import Vocabulary
from auditor.judge.extract import PageCache
from auditor.judge.ruleset import Ruleset, load_pack
from auditor.judge.site import cited_by_rules
from auditor.models import Cited, RegistryValues, StoredSite
from auditor.options import DEFAULT_RECYCLE_AFTER, Limits
from auditor.resources import version

log = logging.getLogger(__name__)
DEFAULT_CONCURRENCY = 12  # sites at once: throughput stops growing at 12–16 on 2 cores (docs/performance.md)
START_TIMEOUT_S = 120.0
Fetch = Callable[[str], bytes | None]
T = TypeVar("T")


@dataclass(frozen=True)
class WorkerOptions:
    broker: str
    concurrency: int = DEFAULT_CONCURRENCY
    name: str | None = None  # Celery's node name, e.g. w1@host (default: auditor@<host>)
    rules_path: Path | None = None
    browser_path: str | None = None
    allow_private: bool = False
    loopback_only: bool = False  # tests: load 127.0.0.1 only
    spool: Path | None = None
    recycle_after: int = DEFAULT_RECYCLE_AFTER
    loglevel: str = "WARNING"

    @property
    def private(self) -> bool:
        return self.allow_private or self.loopback_only


class Engine:
    """The browser side of a worker: one event loop, in its own thread, with the guard and the pool."""

    def __init__(self, options: WorkerOptions) -> None:
        self.options = options
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="auditor-browser", daemon=True)
        self._pw: Playwright | None = None
        self._proxy: EgressProxy | None = None
        self._pool: BrowserPool | None = None

    def start(self) -> BrowserChoice:
        """Launch the browser (raises BrowserNotFoundError before any task is taken)."""
        self._thread.start()
        return self._call(self._open(), START_TIMEOUT_S)

    async def _open(self) -> BrowserChoice:
        self._proxy = await start_guard(self.options.private, self.options.loopback_only)
        self._pw = await async_playwright().start()
        self._pool = BrowserPool(self._pw, self.options.browser_path, self._proxy, self.options.recycle_after,
                                 hang_after_s=Limits().site_timeout_s + HANG_MARGIN_S)
        return await self._pool.start()

    def render(self, url: str, site_dir: Path, kinds: set[str], vocabulary: Vocabulary, limits: Limits,
               cited: Cited) -> RenderResult:
        pool = self._pool
        assert pool is not None, "Engine.start() first"
        # One pool serves every task, and a batch's sites share one limit: the pool waits for the
        # longest it was asked for before it calls the browser hung.
        pool.hang_after_s = max(pool.hang_after_s, limits.site_timeout_s + HANG_MARGIN_S)
        return self._call(pool.render(url, site_dir, kinds, vocabulary, limits, cited), None)

    def close(self) -> None:
        if not self._thread.is_alive():
            return
        try:
            self._call(self._close(), 60.0)
        except (TimeoutError, concurrent.futures.TimeoutError):
            log.warning("the browser did not close in time")
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)

    async def _close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
        if self._pw is not None:
            await self._pw.stop()
        if self._proxy is not None:
            await self._proxy.close()

    def _call(self, coroutine: Coroutine[Any, Any, T], timeout: float | None) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)


SCRATCH_PREFIX = "auditor-worker-"


class Scratch:
    """The worker's own temporary folder, in which each site's folder is built.

    A site's folder goes when its task ends and this one when the worker stops; a worker killed
    mid-site (SIGKILL, the OOM killer, a power cut) can do neither, and over a night of crashes
    the pictures and DOM copies left behind would fill the temporary disk. So a starting worker
    removes the folders of this machine's workers that are gone. The folder's name says whose it
    is: ``auditor-worker-<host>-<pid>-<random>``; a folder of another host (a shared /tmp) is
    never touched, nor one whose process is alive.
    """

    def __init__(self, base: Path | None = None) -> None:
        base = Path(base or tempfile.gettempdir())
        self.swept = sweep_scratch(base)
        self.path = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{_host()}-{os.getpid()}-", dir=base))

    def site(self) -> tempfile.TemporaryDirectory[str]:
        return tempfile.TemporaryDirectory(prefix="site-", dir=self.path)

    def close(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def sweep_scratch(base: Path) -> list[Path]:
    """Remove the scratch folders in `base` of this host's workers that are no longer running."""
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows, not ask after it
        return []
    gone = []
    for entry in base.glob(f"{SCRATCH_PREFIX}*"):
        owner, pid, _ = (*entry.name.rsplit("-", 2), "", "")[:3]  # auditor-worker-<host>, <pid>, <random>
        mine = owner == f"{SCRATCH_PREFIX}{_host()}" and entry.is_dir() and not entry.is_symlink()
        if mine and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)
            gone.append(entry)
    return gone


def _host() -> str:
    return socket.gethostname().replace(os.sep, "_") or "localhost"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: running
        return True
    return True


class SiteWorker:
    """What one task does: check it, render, judge, pack. Thread-safe: Celery runs several at once."""

    def __init__(self, options: WorkerOptions, engine: Engine, fetch: Fetch, scratch: Scratch) -> None:
        self.options = options
        self.engine = engine
        self.fetch = fetch
        self.scratch = scratch
        self._lock = threading.Lock()
        self._packs: dict[tuple[str, ...], Ruleset] = {}
        self._registries: dict[str, dict[str, RegistryValues]] = {}

    def handle(self, message: object, worker: str) -> dict[str, Any]:
        started = time.monotonic()
        attempt = str(message.get("attempt", "")) if isinstance(message, dict) else ""
        try:
            task = read_task(message)
            result = self._audit(task, worker)
        except ProtocolError as exc:
            log.warning("refused %s: %s", attempt, exc)
            result = SiteResult(attempt=attempt, worker=worker, outcome="refused", reason=f"{worker} refused it: {exc}")
        return result.model_copy(update={"seconds": round(time.monotonic() - started, 3)}).model_dump(mode="json")

    def _audit(self, task: SiteTask, worker: str) -> SiteResult:
        ruleset = self._check(task)
        judging = task.judging(self._registry(task.registry_key))
        limits = task.run_limits(self.options.private, self.options.loopback_only)
        site = task.site_input()
        with self.scratch.site() as tmp:
            site_dir = Path(tmp) / task.site.folder  # its name is in the report's paths: the coordinator's folder
            cache = PageCache()
            rendered = self.engine.render(site.url, site_dir, ruleset.page_kinds(set(task.site.profiles)),
                                          ruleset.vocabulary, limits, cited_by_rules(site, ruleset, judging, cache))
            if rendered.snapshot is None:
                return SiteResult(attempt=task.attempt, worker=worker, outcome="fault",
                                  reason=rendered.fault or "browser failure")
            stored = StoredSite(url=site.url, name=site.name, profiles=list(task.site.profiles),
                                registry=site.registry, snapshot=rendered.snapshot)
            report = judge_site(stored, site_dir, ruleset, judging, cache)
            try:
                files, archive = pack_site(site_dir, task.attempt, task.inline_max, self.options.spool)
            except TooLargeError as exc:
                raise ProtocolError(str(exc)) from exc
        return SiteResult(attempt=task.attempt, worker=worker, outcome="done", report=report.model_dump_json(),
                          files=files, archive=archive)

    def _check(self, task: SiteTask) -> Ruleset:
        """The rule pack the task was judged to need, or why this worker cannot take it."""
        if task.tool != version():
            raise ProtocolError(f"the batch is audited with auditor {task.tool}, this worker is {version()}")
        if bool(task.limits.get("allow_private")) != self.options.private:
            wanted = "loads" if task.limits.get("allow_private") else "refuses"
            raise ProtocolError(f"the batch {wanted} private addresses and this worker does not "
                                "(its egress guard is set when it starts: --allow-private)")
        if task.limits.get("ocr") and (missing := ocr_missing()) is not None:
            # Pictures left unread would judge otherwise than the batch's other workers, or a local run.
            raise ProtocolError(f"the batch reads numbers shown only as pictures and this worker cannot ({missing}; "
                                "or audit with --no-ocr)")
        ruleset = self._ruleset(tuple(sorted(task.only)))
        if rules_digest(ruleset, list(task.only)) != task.rules_digest:
            raise ProtocolError(f"its rule pack ({ruleset.directory}) differs from the batch's "
                                f"(digest {rules_digest(ruleset, list(task.only))}, not {task.rules_digest})")
        return ruleset

    def _ruleset(self, only: tuple[str, ...]) -> Ruleset:
        with self._lock:
            if only not in self._packs:
                self._packs[only] = load_pack(self.options.rules_path, only)
            return self._packs[only]

    def _registry(self, key: str | None) -> dict[str, RegistryValues]:
        """The batch's --registry records, fetched once from Redis and checked against their digest."""
        if key is None:
            return {}
        with self._lock:
            if key in self._registries:
                return self._registries[key]
        blob = self.fetch(REGISTRY_KEY + key)
        if blob is None:
            raise ProtocolError("the batch's registry records are not in the broker (yet)")
        raw = zlib.decompress(blob)
        if hashlib.sha256(raw).hexdigest() != key:
            raise ProtocolError("the batch's registry records in the broker are damaged")
        records: dict[str, RegistryValues] = json.loads(raw)
        with self._lock:
            self._registries = {key: records}  # one batch at a time, usually: keep the last
        return records


def run_worker(options: WorkerOptions, say: Callable[[str], None]) -> int:
    """Serve the queue of this worker's rule pack until stopped (SIGTERM/Ctrl-C: the sites in hand finish)."""
    ruleset = load_pack(options.rules_path)  # a broken pack stops the worker before it takes anything
    queue = queue_name(rules_digest(ruleset, []), version(), options.private)
    name = options.name or f"auditor@{socket.gethostname()}"
    app = make_app(options.broker)
    scratch = Scratch()
    if scratch.swept:
        say(f"worker {name}: removed {len(scratch.swept)} folder(s) left by killed workers of this machine")
    engine = Engine(options)
    try:
        choice = engine.start()
        handler = SiteWorker(options, engine, lambda key: app.backend.client.get(key), scratch)

        @app.task(name=TASK_NAME, bind=True, acks_late=True)  # type: ignore[untyped-decorator]
        def audit_site(task: Any, message: object) -> dict[str, Any]:
            return handler.handle(message, str(task.request.hostname or name))

        say(f"worker {name}: {options.concurrency} site(s) at once on {choice.describe()}; "
            f"broker {safe_url(options.broker)}, queue {queue}")
        worker = app.Worker(pool="threads", concurrency=options.concurrency, hostname=name, queues=[queue],
                            loglevel=options.loglevel, task_events=True, without_mingle=True,
                            without_gossip=True, quiet=True)
        worker.start()
        return int(worker.exitcode or 0)
    finally:
        engine.close()
        scratch.close()
