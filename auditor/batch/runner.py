"""Run an audit: render each site once, store its snapshot, judge it, record it in the store.

Live runs take their sites from the batch store (``store.py``) and hand them to a few
workers sharing one browser (``auditor/browse/pool.py``). Each finished site is written
completely — snapshot, screenshots, evidence crops, its report page — and only then
committed to the store in one transaction, so a run killed at any moment resumes with
nothing finished lost and nothing audited twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sqlite3
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, Protocol

from playwright.async_api import async_playwright

from auditor.batch.baseline import stored_comparison
from auditor.batch.schedule import HostQueue, audit_each, make_throttle
from auditor.batch.settings import batch_settings
from auditor.batch.store import Store
from auditor.browse.netguard import start_guard
from auditor.browse.pool import BrowserPool
from auditor.errors import AuditorError, OutputError, output_problem, reason
from auditor.inputs.sites import SiteInput
from auditor.judge.extract import PageCache
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import cited_by_rules, images_to_read, judge, profiles_for
from auditor.layout import SITES_DIR, save_stored, site_slug
from auditor.models import (
    BatchChanges,
    BatchReport,
    SiteReport,
    SiteSnapshot,
    SiteStatus,
    StoredSite,
    batch_header,
    now_iso,
)
from auditor.options import JudgeOptions, RunOptions
from auditor.outputs.changes import Comparison
from auditor.outputs.html import HtmlWriter
from auditor.resources import templates_dir

log = logging.getLogger(__name__)
# Beyond the site's own time limit: context set-up and teardown, then the browser is hung.
HANG_MARGIN_S = 30.0


class BatchEvents(Protocol):
    """What a run reports while it works (see auditor/progress.py)."""

    def site_done(self, report: SiteReport) -> None: ...

    def site_retry(self, url: str, reason: str) -> None: ...


SiteDone = Callable[[SiteReport], None]
# A run over a store's pending sites that returns how it ended: audit_store, or a distributed batch's.
StoreRunner = Callable[[Store, Ruleset, RunOptions, BatchEvents | None, str], Coroutine[Any, Any, str]]


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
        self.html = HtmlWriter(templates_dir(), options.lang)
        self.comparison, self.header = follow_up(store, ruleset, header)
        self.judging = options.judging
        self.max_attempts = 1 + max(0, options.retries)

    async def audit(self, site: SiteInput) -> None:
        attempt = self.store.start_site(site.url, self.run_id)
        cache = PageCache()  # nothing read yet (a site given up on is not rendered)
        try:
            profiles = profiles_for(site, self.judging)
            # The store gives every site its own folder (Store.pending_sites); site_slug: a bare SiteInput.
            site_dir = self.options.out_dir / SITES_DIR / (site.slug or site_slug(site.url))
            if attempt > self.max_attempts:  # earlier runs died while on this site, every time
                snapshot = error_snapshot(site.url, f"not audited: the auditor stopped {attempt - 1} times "
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
            if (problem := output_problem(exc)) is not None:  # but our disk is no site's fault: stop
                self._give_back(site.url)
                raise stopped(problem) from exc
            log.exception("auditing %s failed", site.url)
            report = SiteReport(input_url=site.url, final_url=site.url, name=site.name, status=SiteStatus.ERROR,
                                error=reason(f"internal error: {type(exc).__name__}: {exc}"),
                                profiles=profiles_for(site, self.judging), registry=site.registry,
                                started_at=now_iso(), finished_at=now_iso())
        try:
            self.store.finish_site(report, self.run_id)  # the commit that makes the site done
        except sqlite3.Error as exc:
            if (problem := output_problem(exc)) is None:
                raise
            self._give_back(site.url)
            raise stopped(problem) from exc
        if self.events:
            self.events.site_done(report)

    def _give_back(self, url: str) -> None:
        """Queue a site again that we could not finish for our own sake (its attempt is not counted)."""
        with contextlib.suppress(sqlite3.Error):  # a full disk may refuse this too: the next run requeues it
            self.store.release_site(url)

    async def render(self, site: SiteInput, site_dir: Path, kinds: set[str], attempt: int
                     ) -> tuple[SiteSnapshot, PageCache]:
        """Render, relaunching the browser and retrying when it (not the site) failed.

        With the snapshot comes what the judging during the render read off its pages, so
        the final judgement does not read them again (a retry starts a fresh one).
        """
        while True:
            cache = PageCache()
            result = await self.pool.render(site.url, site_dir, kinds, self.ruleset.vocabulary, self.options.limits,
                                            cited_by_rules(site, self.ruleset, self.judging, cache),
                                            images_to_read(site, self.ruleset, self.judging, cache))
            if result.snapshot is not None:
                return result.snapshot, cache
            fault = result.fault or "browser failure"
            log.warning("%s: attempt %d failed: %s", site.url, attempt, fault)
            if attempt >= self.max_attempts:
                failed = f"the browser failed {attempt} times on this site; last: {fault}"
                return error_snapshot(site.url, failed), cache
            attempt = self.store.retry_site(site.url, fault)
            if self.events:
                self.events.site_retry(site.url, fault)

    def finish_files(self, stored: StoredSite, site_dir: Path, cache: PageCache) -> SiteReport:
        """Everything on disk for one site, before its row commits: snapshot, crops, report page."""
        report = judge_site(stored, site_dir, self.ruleset, self.judging, cache)
        write_site_page(self.html, self.header, report, self.options.out_dir, self.comparison)
        return report


def judge_site(stored: StoredSite, site_dir: Path, ruleset: Ruleset, judging: JudgeOptions,
               cache: PageCache | None = None) -> SiteReport:
    """The snapshot and the evidence crops on disk, and the site's report (also what a batch worker sends back)."""
    save_stored(stored, site_dir)
    try:
        return judge(stored, ruleset, site_dir, judging, cache)
    except Exception as exc:  # a check's bug on one site: that site is an error, the batch goes on
        log.exception("judging %s failed", stored.url)
        broken = stored.snapshot.model_copy(update={
            "status": SiteStatus.ERROR, "error": reason(f"judging failed: {type(exc).__name__}: {exc}")})
        return judge(stored.model_copy(update={"snapshot": broken}), ruleset, site_dir, judging)


def follow_up(store: Store, ruleset: Ruleset, header: BatchReport) -> tuple[Comparison | None, BatchReport]:
    """A follow-up's comparison with its baseline, and the header its site pages show (None: no baseline).

    The site pages show what changed since the baseline, and the report.json view agrees: both
    come from the baseline kept in the store.
    """
    comparison = stored_comparison(store, [r.id for r in ruleset.rules])
    if comparison is None:
        return None, header
    return comparison, header.model_copy(update={"changes": BatchChanges(baseline=comparison.head.info)})


def write_site_page(html: HtmlWriter, header: BatchReport, report: SiteReport, out_dir: Path,
                    comparison: Comparison | None = None) -> None:
    """The site's report page (a follow-up's with its changes); a failure other than the disk's leaves
    the result standing."""
    try:
        html.write_site(header, comparison.attach(report) if comparison is not None else report, out_dir)
    except Exception as exc:  # the result stands; `auditor report` can write the page again
        if output_problem(exc) is not None:
            raise
        log.exception("writing the report page of %s failed", report.input_url)


def stopped(problem: str) -> OutputError:
    return OutputError(f"cannot write the output folder: {problem}. The audit stopped; finished sites are "
                       "kept in the store: continue with --resume once the folder can be written")


def error_snapshot(url: str, why: str) -> SiteSnapshot:
    return SiteSnapshot(input_url=url, final_url=url, status=SiteStatus.ERROR, error=reason(why),
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
        try:
            store.end_run(run_id, state)
        except sqlite3.Error:  # a full disk: the run stays 'running', and the next one records it 'killed'
            log.warning("could not record the end of run %d", run_id)
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
            log.info("browser: %s; %d site(s) to audit", choice.describe(), len(sites))
            batch = _Batch(store, ruleset, options, pool, run_id, events, header)
            queue = HostQueue(sites, options.per_host, options.host_delay_s)
            throttle = make_throttle(options)
            try:
                # A TaskGroup: should a worker ever fail (the disk is full), the others stop too.
                with stop_on_signals(queue), first_auditor_error():
                    async with asyncio.TaskGroup() as workers:
                        control = workers.create_task(throttle.control())
                        tasks = [workers.create_task(audit_each(queue, throttle, batch.audit))
                                 for _ in range(throttle.high)]
                        await asyncio.gather(*tasks)
                        control.cancel()
                log.info("sites in flight: up to %d", throttle.peak)
            finally:
                await pool.close()
    finally:
        if proxy is not None:
            await proxy.close()


@contextlib.contextmanager
def first_auditor_error() -> Iterator[None]:
    """A worker that stops the run (the disk is full) stops its TaskGroup: raise its reason, not the group."""
    try:
        yield
    except ExceptionGroup as group:
        ours = next((exc for exc in group.exceptions if isinstance(exc, AuditorError)), None)
        if ours is None:
            raise
        raise ours from group


@contextlib.contextmanager
def stop_on_signals(queue: HostQueue) -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM (systemd, CI cancel, plain `kill`) stop the run: no site is taken after
    it, the sites in flight are cancelled (and requeued by the store); a second one stops at once.

    The queue is closed first, not only the run's task cancelled: a cancellation can be lost on its way
    down (one that came as an awaited step ended was dropped so by asyncio.wait_for on Python 3.11), and
    the batch then ran to its end. With the queue closed, a worker that missed it finishes its site and
    takes no other.
    """
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()

    def stop() -> None:
        if queue.closed:
            raise KeyboardInterrupt  # the second: out of the event loop, as Ctrl-C twice always did
        queue.close()
        if task is not None:
            task.cancel()

    before = {}  # what handled each signal before: asyncio.run's Ctrl-C handler, for the run's last steps
    for signum in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if signum is None:
            continue
        try:
            handler = signal.getsignal(signum)
            loop.add_signal_handler(signum, stop)
            before[signum] = handler
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or not POSIX
            pass
    try:
        yield
    finally:
        for signum, handler in before.items():
            loop.remove_signal_handler(signum)
            if handler is not None:
                signal.signal(signum, handler)


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
        header = batch_header(settings.pack, settings.pack_version, options.lang, store.started_at(), now_iso(),
                              settings.tool_version)
        return header.model_copy(update={"sites": list(store.reports())})
