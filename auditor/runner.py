"""Run an audit: render each site once, store its snapshot, judge it, record it in the store.

Live runs take their sites from the batch store (``auditor/store.py``) and hand them to a
few workers sharing one browser (``auditor/pool.py``). Each finished site is written
completely — snapshot, screenshots, evidence crops, its report page — and only then
committed to the store in one transaction, so a run killed at any moment resumes with
nothing finished lost and nothing audited twice. Offline runs (``--from-snapshots``)
judge stored snapshots with the same code after the browser stage.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import re
import shutil
import signal
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from playwright.async_api import async_playwright
from pydantic import BaseModel, ConfigDict, ValidationError

from auditor.engine import evaluate
from auditor.errors import SnapshotError
from auditor.evidence import attach_crops
from auditor.extract import PageCache, SiteFacts, extract
from auditor.inputs import Registry, SiteInput, with_shown_code
from auditor.models import (
    BatchReport,
    BBox,
    Lang,
    PageRef,
    PageSnapshot,
    RulePackInfo,
    RuleResult,
    SiteReport,
    SiteSnapshot,
    SiteStatus,
    ToolInfo,
)
from auditor.netguard import start_guard
from auditor.pool import BrowserPool
from auditor.render import Cited, Limits, now_iso
from auditor.report import TOOL_NAME, HtmlWriter
from auditor.resources import rules_dir, templates_dir, version
from auditor.ruleset import DEFAULT_PROFILES, Ruleset
from auditor.store import BatchSettings, Store

log = logging.getLogger(__name__)
SNAPSHOT_FILE = "snapshot.json"
# Sites in flight. A site spends most of its time waiting for its pages to settle, which
# other sites' rendering can use, but rendering and screenshots are CPU work: on a 2-core
# machine the best number depends on the sites (docs/performance.md). So by default it
# adapts (AUTO): more sites while the CPU has idle time left, fewer when it has none.
AUTO = 0
DEFAULT_CONCURRENCY = AUTO
AUTO_START, AUTO_MAX = 6, 16  # throughput stops growing at 12–16 on 2 cores; memory does not
AUTO_STEP_S = 2.0
MIN_FREE_MEMORY = 1 << 30  # never add a site while less than this is available on the machine
DEFAULT_MAX_MEMORY_MB = 1536  # the run's own memory (PSS of this process, its driver and browser)
DEFAULT_RETRIES = 2  # relaunch-and-retry after a browser crash or hang, then `error`
DEFAULT_RECYCLE_AFTER = 100  # sites per browser before a fresh one takes over (bounds memory)
# Beyond the site's own time limit: context set-up and teardown, then the browser is hung.
HANG_MARGIN_S = 30.0


class StoredSite(BaseModel):
    """What a run keeps per site so it can be judged again without a browser."""

    model_config = ConfigDict(extra="forbid")
    url: str
    name: str = ""
    profiles: list[str]
    registry: dict[str, str | list[str]] = {}
    snapshot: SiteSnapshot


@dataclass
class RunOptions:
    out_dir: Path
    lang: Lang = "zh"
    default_profiles: tuple[str, ...] = DEFAULT_PROFILES
    concurrency: int = DEFAULT_CONCURRENCY  # AUTO (0): adapt between AUTO_START.. and max_concurrency
    max_concurrency: int = AUTO_MAX
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB  # AUTO also sheds sites when the run uses more
    limits: Limits = field(default_factory=Limits)
    browser_path: str | None = None
    today: date = field(default_factory=date.today)
    retries: int = DEFAULT_RETRIES
    recycle_after: int = DEFAULT_RECYCLE_AFTER
    per_host: int = 1  # sites of one host (name and port) in flight at once: be polite
    host_delay_s: float = 0.0  # pause between two sites of the same host
    # Every record of the --registry file, by domain and credit code: a site in none of them by
    # its domain or input row is matched by a credit code it shows (an imitation's copied code).
    registry: Mapping[str, Registry] = field(default_factory=dict)


class BatchEvents(Protocol):
    """What a run reports while it works (see auditor/progress.py)."""

    def site_done(self, report: SiteReport) -> None: ...

    def site_retry(self, url: str, reason: str) -> None: ...


SiteDone = Callable[[SiteReport], None]


def site_slug(url: str) -> str:
    """A folder name that is readable and unique per URL: host, port and a short hash."""
    host = re.sub(r"[^a-z0-9.-]+", "-", url.split("://", 1)[-1].split("/", 1)[0].lower()).strip("-.")
    return f"{host[:60]}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def profiles_for(site: SiteInput, options: RunOptions) -> list[str]:
    return list(site.profiles or options.default_profiles)


def judge(stored: StoredSite, ruleset: Ruleset, site_dir: Path, options: RunOptions,
          cache: PageCache | None = None) -> SiteReport:
    """Snapshot → SiteReport. Pure but for writing evidence crops into `site_dir`.

    `cache`: what the early judging of the same visit (cited_by_rules) already read off its pages.
    """
    snap = stored.snapshot
    pages = [PageRef(kind=p.kind, url=p.final_url, status=p.http_status if p.error is None else "error",
                     dom=p.dom, screenshots=[s.file for s in p.screenshots])
             for p in snap.pages]
    base = {"input_url": stored.url, "final_url": snap.final_url, "name": stored.name, "status": snap.status,
            "error": snap.error, "profiles": stored.profiles, "pages": pages,
            "registry": stored.registry, "report_path": f"sites/{site_dir.name}/report.html",
            "started_at": snap.started_at, "finished_at": snap.finished_at}
    if snap.status != SiteStatus.AUDITED:
        return SiteReport(**base)  # not assessed: no rule results, so nothing can read as a failure
    facts, registry, results = _rule_results(snap, stored.profiles, stored.registry, ruleset, options, cache)
    results = attach_crops(results, snap, site_dir)
    return SiteReport(**{**base, "registry": registry}, facts=facts.facts, results=results)


def _rule_results(snap: SiteSnapshot, profiles: list[str], registry: dict[str, str | list[str]], ruleset: Ruleset,
                  options: RunOptions, cache: PageCache | None = None
                  ) -> tuple[SiteFacts, dict[str, str | list[str]], list[RuleResult]]:
    facts = extract(snap, ruleset.vocabulary, options.today, cache)
    registry = with_shown_code(registry, facts.facts.credit_codes, options.registry)
    return facts, registry, evaluate(ruleset, facts, set(profiles), options.today, options.lang, registry)


def cited_by_rules(site: SiteInput, ruleset: Ruleset, options: RunOptions, cache: PageCache) -> Cited:
    """What the renderer should photograph on a page: the boxes the rules cite there, judging the pages so far.

    Rules are pure and cheap next to a picture (a few ms a page), so judging early costs
    little and lets the pictures be only those the evidence needs. A box the final
    judgement cites but no early one did has no crop; its text and place still stand.
    """
    profiles = profiles_for(site, options)

    def cited(pages: list[PageSnapshot]) -> list[BBox]:
        snap = SiteSnapshot(input_url=site.url, final_url=pages[0].final_url, status=SiteStatus.AUDITED, pages=pages)
        try:
            _, _, results = _rule_results(snap, profiles, site.registry, ruleset, options, cache)
        except Exception:  # our bug on a half-read site costs its pictures, never the site
            log.exception("judging %s while rendering it failed", site.url)
            return []
        page = pages[-1].final_url
        return [ev.bbox for result in results for ev in result.evidence if ev.bbox and ev.page_url == page]
    return cited


def save_stored(stored: StoredSite, site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    tmp = site_dir / (SNAPSHOT_FILE + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(stored.model_dump_json(indent=1))
        handle.flush()
        os.fsync(handle.fileno())  # on disk before the store's row says the site is done
    tmp.replace(site_dir / SNAPSHOT_FILE)  # atomic: a killed run never leaves half a snapshot


def load_stored(path: Path) -> StoredSite:
    try:
        return StoredSite.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise SnapshotError(f"{path}: not a snapshot written by this tool: {str(exc).splitlines()[0]}") from exc


def batch_header(pack: str, pack_version: str, lang: Lang, started: str, finished: str) -> BatchReport:
    """The batch fields of report.json (no sites): a stream of site reports follows them."""
    return BatchReport(tool=ToolInfo(name=TOOL_NAME, version=version()),
                       rules=RulePackInfo(pack=pack, version=pack_version),
                       lang=lang, started_at=started, finished_at=finished, sites=[])


def batch_report(ruleset: Ruleset, sites: list[SiteReport], started: str, lang: Lang) -> BatchReport:
    header = batch_header(ruleset.pack.pack, ruleset.pack.version, lang, started, now_iso())
    return header.model_copy(update={"sites": sites})


# --- batch settings: what a resumed run must share with the run that started it --------


def rules_digest(ruleset: Ruleset, only: list[str]) -> str:
    """Changes when any file of the pack, or the rule selection, changes."""
    digest = hashlib.sha256()
    for path in sorted(ruleset.directory.rglob("*.yaml")):
        digest.update(path.relative_to(ruleset.directory).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(("\0".join(sorted(only))).encode())
    return digest.hexdigest()[:16]


def batch_settings(ruleset: Ruleset, options: RunOptions, only: list[str]) -> BatchSettings:
    bundled = ruleset.directory.resolve() == rules_dir().resolve()
    return BatchSettings(
        rules_dir=None if bundled else str(ruleset.directory.resolve()), only=sorted(only),
        rule_ids=[r.id for r in ruleset.rules], rules_digest=rules_digest(ruleset, only),
        pack=ruleset.pack.pack, pack_version=ruleset.pack.version, default_profiles=list(options.default_profiles),
        lang=options.lang, allow_private=options.limits.allow_private, screenshots=options.limits.screenshots,
        whole_pages=options.limits.whole_pages,
        tool_version=version())


# --- scheduling: politeness per host -----------------------------------------------------


def host_key(url: str) -> str:
    return urlsplit(url).netloc.lower()


class HostQueue:
    """Hands out sites so no host has more than `per_host` in flight, with `delay_s` between two of its sites.

    Hosts take turns (round robin in input order), so one host with many URLs neither
    gets hammered nor holds up the others.
    """

    def __init__(self, sites: list[SiteInput], per_host: int = 1, delay_s: float = 0.0) -> None:
        self.per_host = max(1, per_host)
        self.delay_s = max(0.0, delay_s)
        self._waiting: dict[str, deque[SiteInput]] = {}
        for site in sites:
            self._waiting.setdefault(host_key(site.url), deque()).append(site)
        self._queued = len(sites)
        self._ready: deque[str] = deque(self._waiting)
        self._in_ready: set[str] = set(self._waiting)
        self._busy: Counter[str] = Counter()
        self._changed = asyncio.Event()

    async def take(self) -> SiteInput | None:
        """The next site a worker may start, waiting for a host to be free; None when all are handed out."""
        while True:
            while self._ready:
                host = self._ready.popleft()
                self._in_ready.discard(host)
                queue = self._waiting[host]
                if not queue or self._busy[host] >= self.per_host:
                    continue
                site = queue.popleft()
                self._queued -= 1
                self._busy[host] += 1
                if queue and self._busy[host] < self.per_host and self.delay_s == 0:
                    self._make_ready(host)
                if self._queued == 0:
                    self._changed.set()  # let idle workers see that nothing is left
                return site
            if self._queued == 0:
                return None
            self._changed.clear()
            await self._changed.wait()

    def done(self, site: SiteInput) -> None:
        host = host_key(site.url)
        self._busy[host] -= 1
        if not self._waiting[host]:
            return
        if self.delay_s > 0:
            asyncio.get_running_loop().call_later(self.delay_s, self._make_ready, host)
        else:
            self._make_ready(host)

    def _make_ready(self, host: str) -> None:
        if host not in self._in_ready and self._waiting[host] and self._busy[host] < self.per_host:
            self._ready.append(host)
            self._in_ready.add(host)
            self._changed.set()


class Throttle:
    """How many sites may be in flight; with `adaptive`, follows the CPU and memory left on the machine.

    Every AUTO_STEP_S seconds: when every slot is in use and the CPU was idle more than
    15 % of the time (and memory is plentiful), one more slot (two when idle over 40 %);
    when it was idle less than 5 % of the time, or the run uses more memory than
    `max_memory` bytes, one fewer (the site in flight finishes first). The whole
    machine's CPU counts, so the run also makes room for other work on it.
    """

    def __init__(self, start: int, high: int, adaptive: bool, max_memory: int = DEFAULT_MAX_MEMORY_MB << 20) -> None:
        self.limit = max(1, start)
        self.low = min(2, self.limit)
        self.high = max(self.limit, high)
        self.adaptive = adaptive
        self.max_memory = max_memory
        self.active = 0
        self.peak = self.limit
        self._changed = asyncio.Condition()
        self._last = _cpu_times()

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: self.active < self.limit)
            self.active += 1
        try:
            yield
        finally:
            async with self._changed:
                self.active -= 1
                self._changed.notify_all()

    async def control(self) -> None:
        """Adjust the limit until cancelled (at the end of the run)."""
        while self.adaptive:
            await asyncio.sleep(AUTO_STEP_S)
            idle = self._idle()
            if idle is None:
                return  # no /proc/stat: stay where we are
            used = _run_memory()
            saturated = self.active >= self.limit  # more slots only help when all are in use
            roomy = _free_memory() > MIN_FREE_MEMORY and used < 0.85 * self.max_memory
            if idle > 0.15 and saturated and roomy and self.limit < self.high:
                self.limit = min(self.high, self.limit + (2 if idle > 0.4 else 1))
            elif (idle < 0.05 or used > self.max_memory) and self.limit > self.low:
                self.limit -= 1
            self.peak = max(self.peak, self.limit)
            async with self._changed:
                self._changed.notify_all()

    def _idle(self) -> float | None:
        now = _cpu_times()
        if now is None or self._last is None:
            return None
        busy, idle = now[0] - self._last[0], now[1] - self._last[1]
        self._last = now
        return idle / (busy + idle) if busy + idle > 0 else None


def _cpu_times() -> tuple[int, int] | None:
    """(busy, idle) jiffies of the whole machine since boot, from /proc/stat."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields[:8]) - idle, idle


def _run_memory() -> int:
    """Proportional memory (PSS) of this process and its descendants (driver, browser, renderers)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    tree, frontier = {os.getpid()}, {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    total = 0
    for pid in tree:
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
    return total


def _free_memory() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return MIN_FREE_MEMORY + 1  # unknown: do not let it block


# --- the live batch ----------------------------------------------------------------------


class _Batch:
    """One run over the store's pending sites: workers, the browser pool, the store."""

    def __init__(self, store: Store, ruleset: Ruleset, options: RunOptions, pool: BrowserPool, run_id: int,
                 events: BatchEvents | None, header: BatchReport) -> None:
        self.store = store
        self.ruleset = ruleset
        self.options = options
        self.pool = pool
        self.run_id = run_id
        self.events = events
        self.header = header
        self.html = HtmlWriter(templates_dir(), options.lang)
        self.max_attempts = 1 + max(0, options.retries)

    async def worker(self, queue: HostQueue, throttle: Throttle) -> None:
        while True:
            async with throttle.slot():
                site = await queue.take()
                if site is None:
                    return
                try:
                    await self.audit(site)
                finally:
                    queue.done(site)

    async def audit(self, site: SiteInput) -> None:
        attempt = self.store.start_site(site.url, self.run_id)
        cache = PageCache()  # nothing read yet (a site given up on is not rendered)
        try:
            profiles = profiles_for(site, self.options)
            site_dir = self.options.out_dir / "sites" / (site.slug or site_slug(site.url))
            if attempt > self.max_attempts:  # earlier runs died while on this site, every time
                snapshot = _error_snapshot(site.url, f"not audited: the auditor stopped {attempt - 1} times "
                                                     "while rendering this site (killed or crashed)")
            else:
                snapshot, cache = await self.render(site, site_dir, self.ruleset.page_kinds(set(profiles)), attempt)
            stored = StoredSite(url=site.url, name=site.name, profiles=profiles, registry=site.registry,
                                snapshot=snapshot)
            # Judging and page writing are CPU work: off the event loop, which keeps feeding the browser.
            report = await asyncio.to_thread(self.finish_files, stored, site_dir, cache)
        except asyncio.CancelledError:
            self.store.release_site(site.url)  # a graceful stop: the site goes back to the queue
            raise
        except Exception as exc:  # our bug on one site is that site's error, not the end of the batch
            log.exception("auditing %s failed", site.url)
            report = SiteReport(input_url=site.url, final_url=site.url, name=site.name, status=SiteStatus.ERROR,
                                error=f"internal error: {type(exc).__name__}: {exc}"[:300],
                                profiles=profiles_for(site, self.options), registry=site.registry,
                                started_at=now_iso(), finished_at=now_iso())
        self.store.finish_site(report, self.run_id)  # the commit that makes the site done
        if self.events:
            self.events.site_done(report)

    async def render(self, site: SiteInput, site_dir: Path, kinds: set[str], attempt: int
                     ) -> tuple[SiteSnapshot, PageCache]:
        """Render, relaunching the browser and retrying when it (not the site) failed.

        With the snapshot comes what the judging during the render read off its pages, so
        the final judgement does not read them again (a retry starts a fresh one).
        """
        while True:
            cache = PageCache()
            result = await self.pool.render(site.url, site_dir, kinds, self.ruleset.vocabulary, self.options.limits,
                                            cited_by_rules(site, self.ruleset, self.options, cache))
            if result.snapshot is not None:
                return result.snapshot, cache
            reason = result.fault or "browser failure"
            log.warning("%s: attempt %d failed: %s", site.url, attempt, reason)
            if attempt >= self.max_attempts:
                failed = f"the browser failed {attempt} times on this site; last: {reason}"
                return _error_snapshot(site.url, failed), cache
            attempt = self.store.retry_site(site.url, reason)
            if self.events:
                self.events.site_retry(site.url, reason)

    def finish_files(self, stored: StoredSite, site_dir: Path, cache: PageCache) -> SiteReport:
        """Everything on disk for one site, before its row commits: snapshot, crops, report page."""
        save_stored(stored, site_dir)
        try:
            report = judge(stored, self.ruleset, site_dir, self.options, cache)
        except Exception as exc:  # a check's bug on one site: that site is an error, the batch goes on
            log.exception("judging %s failed", stored.url)
            broken = stored.snapshot.model_copy(update={
                "status": SiteStatus.ERROR, "error": f"judging failed: {type(exc).__name__}: {exc}"[:300]})
            report = judge(stored.model_copy(update={"snapshot": broken}), self.ruleset, site_dir, self.options)
        try:
            self.html.write_site(self.header, report, self.options.out_dir)
        except Exception:  # the result stands; `auditor report` can write the page again
            log.exception("writing the report page of %s failed", stored.url)
        return report


def _error_snapshot(url: str, reason: str) -> SiteSnapshot:
    return SiteSnapshot(input_url=url, final_url=url, status=SiteStatus.ERROR, error=reason[:300],
                        started_at=now_iso(), finished_at=now_iso())


async def audit_store(store: Store, ruleset: Ruleset, options: RunOptions, events: BatchEvents | None = None,
                      command: str = "") -> str:
    """Audit every pending site of the store; return how the run ended: completed or interrupted.

    Raises BrowserNotFoundError before any site is touched when no browser can be launched.
    """
    run_id = store.begin_run(command, options.browser_path or "", options.concurrency)
    state = "interrupted"
    try:
        await _run_pending(store, ruleset, options, events, run_id)
        state = "completed" if store.totals().pending == 0 else "interrupted"
    finally:
        store.end_run(run_id, state)
    return state


async def _run_pending(store: Store, ruleset: Ruleset, options: RunOptions, events: BatchEvents | None,
                       run_id: int) -> None:
    sites = store.pending_sites()
    if not sites:
        return
    header = batch_header(ruleset.pack.pack, ruleset.pack.version, options.lang, store.started_at(), now_iso())
    # Every connection of the browser goes through the egress guard unless private addresses are allowed.
    proxy = await start_guard(options.limits.allow_private, options.limits.loopback_only)
    try:
        async with async_playwright() as pw:
            pool = BrowserPool(pw, options.browser_path, proxy, options.recycle_after,
                               hang_after_s=options.limits.site_timeout_s + HANG_MARGIN_S)
            choice = await pool.start()
            log.info("browser: %s (%s); %d site(s) to audit", choice.path or "playwright", choice.source, len(sites))
            batch = _Batch(store, ruleset, options, pool, run_id, events, header)
            queue = HostQueue(sites, options.per_host, options.host_delay_s)
            throttle = _throttle(options)
            try:
                # A TaskGroup: should a worker ever fail (the disk is full), the others stop too.
                with _stop_on_sigterm():
                    async with asyncio.TaskGroup() as workers:
                        control = workers.create_task(throttle.control())
                        tasks = [workers.create_task(batch.worker(queue, throttle)) for _ in range(throttle.high)]
                        await asyncio.gather(*tasks)
                        control.cancel()
                log.info("sites in flight: up to %d", throttle.peak)
            finally:
                await pool.close()
    finally:
        if proxy is not None:
            await proxy.close()


def _throttle(options: RunOptions) -> Throttle:
    if options.concurrency == AUTO:
        return Throttle(min(AUTO_START, options.max_concurrency), options.max_concurrency, adaptive=True,
                        max_memory=options.max_memory_mb << 20)
    return Throttle(options.concurrency, options.concurrency, adaptive=False)


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (systemd, CI cancel, plain `kill`) stops the run like Ctrl-C: in-flight sites are requeued."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    installed = False
    if task is not None and hasattr(signal, "SIGTERM"):
        try:
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
            installed = True
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or not POSIX
            pass
    try:
        yield
    finally:
        if installed:
            loop.remove_signal_handler(signal.SIGTERM)


class _Callback:
    def __init__(self, on_done: SiteDone | None) -> None:
        self.on_done = on_done

    def site_done(self, report: SiteReport) -> None:
        if self.on_done:
            self.on_done(report)

    def site_retry(self, url: str, reason: str) -> None:
        log.warning("retrying %s: %s", url, reason)


async def audit_sites(sites: list[SiteInput], ruleset: Ruleset, options: RunOptions,
                      on_done: SiteDone | None = None, events: BatchEvents | None = None) -> BatchReport:
    """Audit `sites` as a fresh batch in ``options.out_dir`` and return it (a library call and the demo's)."""
    with Store.open(options.out_dir) as store:
        settings = batch_settings(ruleset, options, [])
        store.reset(settings, registry=options.registry)
        store.add_sites(sites)
        await audit_store(store, ruleset, options, events or _Callback(on_done), command="audit_sites")
        header = batch_header(settings.pack, settings.pack_version, options.lang, store.started_at(), now_iso())
        return header.model_copy(update={"sites": list(store.reports())})


def record_batch(store: Store, settings: BatchSettings, batch: BatchReport) -> None:
    """Make a batch judged offline the store's batch, so `auditor report` rebuilds this one."""
    store.reset(settings, batch.started_at)
    store.add_sites([SiteInput(url=s.input_url, name=s.name, profiles=tuple(s.profiles), registry=s.registry)
                     for s in batch.sites])
    run_id = store.begin_run("from-snapshots", "", 0)
    for site in batch.sites:
        store.finish_site(site, run_id)
    store.end_run(run_id, "completed")


def resume_problems(stored: BatchSettings, ruleset: Ruleset, requested: Mapping[str, object]) -> list[str]:
    """Why this batch cannot be resumed as asked: options that decide results must not change midway."""
    problems = [f"--{name.replace('_', '-')}: this audit was started with {getattr(stored, name)!r}, not {value!r}"
                for name, value in requested.items() if value != getattr(stored, name)]
    if rules_digest(ruleset, stored.only) != stored.rules_digest:
        problems.append("the rule files changed since this audit started; finish it with the same rules, "
                        "or judge its snapshots with the new ones: auditor audit --from-snapshots OUT -o NEW")
    return problems


# --- offline ----------------------------------------------------------------------------


def audit_snapshots(snapshot_dir: Path, ruleset: Ruleset, options: RunOptions) -> BatchReport:
    """Judge stored snapshots again (e.g. after a rule change) without a browser."""
    started = now_iso()
    paths = sorted(snapshot_dir.glob(f"sites/*/{SNAPSHOT_FILE}")) or sorted(snapshot_dir.glob(f"*/{SNAPSHOT_FILE}"))
    if not paths:
        raise SnapshotError(f"{snapshot_dir}: no sites/*/{SNAPSHOT_FILE} found")
    reports = []
    for path in paths:
        stored = load_stored(path)
        site_dir = options.out_dir / "sites" / path.parent.name
        if site_dir.resolve() != path.parent.resolve():
            copy_site_files(path.parent, site_dir)
        reports.append(judge(stored, ruleset, site_dir, options))
    return batch_report(ruleset, reports, started, options.lang)


def copy_site_files(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_file():
            shutil.copy2(item, target / item.name)
