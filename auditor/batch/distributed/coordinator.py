"""``auditor audit --broker``: the coordinator of a batch whose sites are rendered by workers elsewhere.

It is a batch run like a local one (``runner.py``): the same store, host politeness
(``HostQueue``), retries and report pages; only the render-and-judge step is a Celery
task. Every site in the window holds a *slot* from the moment its first task is sent to
the moment its result is committed, so no host has two sites in flight across all
workers, and at most the window's sites are out at once (twice the workers' capacity, as
``inspect`` reports it: each worker has its next site waiting in Redis while it records
one).

The store is the truth, the broker only transport:

* an attempt is written to the store *before* its task is sent, and its id is the task
  id; a result is recorded only if its attempt is this site's and the site is not yet
  done, in one transaction (``Store.finish_attempt``): the first complete result wins,
  later ones (a worker given up on that was only slow, a task restored after a restart)
  are dropped and their results deleted from Redis;
* an attempt fails when its worker goes silent (``fleet.py``), when it overruns its site's
  time limit by far, when the worker refuses it or its browser failed, or when its result
  cannot be used (checksums). Each failure of an attempt that had started counts against
  the site: after ``1 + --retries`` the site is ``error`` with the reason, as in a local
  run. One that never started (it expired in the queue, or was lost with the broker) is
  sent again without counting;
* a coordinator killed and resumed finds the attempts it had out in the store and waits
  for their results (Redis keeps them for a day) before sending any site again.

Deadlines stop while the broker is unreachable: results held by workers during an outage
arrive when it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from celery import Celery
from pydantic import ValidationError

from auditor.batch.distributed.app import (
    BROKER_ERRORS,
    QUEUE_ALLOWANCE_S,
    REGISTRY_KEY,
    TASK_NAME,
    Lane,
    make_app,
    queue_name,
    safe_url,
)
from auditor.batch.distributed.fleet import Fleet
from auditor.batch.distributed.protocol import (
    DEFAULT_INLINE_MAX,
    ProtocolError,
    SiteResult,
    SiteTask,
    TaskSite,
    discard_spool,
    limits_message,
    read_result,
    unpack_site,
    write_files,
)
from auditor.batch.progress import WorkerStatus
from auditor.batch.runner import (
    HANG_MARGIN_S,
    BatchEvents,
    StoreRunner,
    error_snapshot,
    first_auditor_error,
    follow_up,
    judge_site,
    stop_on_signals,
    stopped,
    write_site_page,
)
from auditor.batch.schedule import HostQueue, Throttle, audit_each
from auditor.batch.settings import rules_digest
from auditor.batch.store import Store
from auditor.errors import output_problem
from auditor.inputs.sites import SiteInput
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import profiles_for
from auditor.layout import SITES_DIR, site_report_path
from auditor.models import SiteReport, StoredSite, batch_header, now_iso
from auditor.options import RunOptions
from auditor.outputs.html import HtmlWriter
from auditor.resources import templates_dir, version

log = logging.getLogger(__name__)
DEFAULT_WORKER_TIMEOUT_S = 30.0  # heartbeats come every 2 s: 15 missed is a worker gone
POLL_S = 0.2
FLEET_EVERY_S = 5.0
RESULT_MARGIN_S = 60.0  # beyond the site's hang limit: judging, packing and sending its result
WINDOW_MIN, WINDOW_MAX = 8, 512
LISTEN_WAIT_S = 15.0  # at the start, for the events listener
UNPLACED_AFTER_S = 10.0  # an attempt no event placed on a worker this long after sending: ask the workers
SEND_AGAIN_S = 1.0  # a send the broker refused is tried again this much later, for as long as it takes
# kombu's own retries within one send (a reconnect or two): past them, the slot waits and sends again
SEND_RETRY = {"max_retries": 3, "interval_start": 0.2, "interval_step": 0.4, "interval_max": 1.0}


@dataclass(frozen=True)
class Cluster:
    """How the coordinator reaches its workers (``audit --broker``)."""

    broker: str
    spool: Path | None = None
    worker_timeout_s: float = DEFAULT_WORKER_TIMEOUT_S
    inline_max: int = DEFAULT_INLINE_MAX


@runtime_checkable
class FleetEvents(BatchEvents, Protocol):
    """Progress that also shows the workers (auditor/batch/progress.py)."""

    def workers(self, statuses: list[WorkerStatus], note: str = "") -> None: ...


def store_runner(cluster: Cluster) -> StoreRunner:
    """What ``audit`` calls instead of the local run (runner.audit_store) when a broker is given."""
    async def run(store: Store, ruleset: Ruleset, options: RunOptions, events: BatchEvents | None,
                  command: str) -> str:
        return await audit_store_distributed(cluster, store, ruleset, options, events, command)
    return run


async def audit_store_distributed(cluster: Cluster, store: Store, ruleset: Ruleset, options: RunOptions,
                                  events: BatchEvents | None = None, command: str = "") -> str:
    """Audit every pending site of the store on the workers; return completed or interrupted."""
    run_id = store.begin_run(command, f"workers via {safe_url(cluster.broker)}", 0)
    state = "interrupted"
    try:
        await _Coordinator(cluster, store, ruleset, options, events, run_id).run()
        state = "completed" if store.totals().pending == 0 else "interrupted"
    finally:
        with contextlib.suppress(Exception):  # a full disk: the next run records this one 'killed'
            store.end_run(run_id, state)
    return state


# --- the broker's side, blocking: each call runs in a thread ---------------------------------


class Broker:
    """Tasks out (one lane), workers asked (another), results read (redis-py, thread-safe, in any thread)."""

    def __init__(self, app: Celery, queue: str) -> None:
        self.app = app
        self.queue = queue
        self.sending = Lane(app, "auditor-send")
        self.asking = Lane(app, "auditor-ask")  # inspect replies take seconds: never in front of a send

    def close(self) -> None:
        self.sending.close()
        self.asking.close()

    def send(self, connection: Any, task: SiteTask) -> None:
        expires = datetime.fromtimestamp(time.time() + QUEUE_ALLOWANCE_S, UTC)
        self.app.send_task(TASK_NAME, args=[task.model_dump(mode="json")], task_id=task.attempt, queue=self.queue,
                           expires=expires, connection=connection, retry=True, retry_policy=SEND_RETRY)

    def poll(self, ids: list[str]) -> dict[str, tuple[str, Any]]:
        """The attempts among `ids` that have ended: id → (Celery state, result), read in one MGET."""
        ready = self.app.backend.get_many(ids, timeout=None, interval=0, max_iterations=1)
        return {str(task_id): (str(meta.get("status")), meta.get("result")) for task_id, meta in ready}

    def forget(self, ids: Iterable[str]) -> None:
        for task_id in ids:
            self.app.backend.forget(task_id)

    def revoke(self, connection: Any, ids: list[str]) -> None:
        """Tell every worker to skip these (still queued) tasks: their site is recorded."""
        if ids:
            self.app.control.revoke(ids, connection=connection)

    def ensure_blob(self, key: str, blob: bytes) -> None:
        client = self.app.backend.client
        if not client.exists(key):
            client.set(key, blob)


# --- what the coordinator tracks per attempt and per site ------------------------------------


@dataclass
class Attempt:
    id: str
    sent_at: float
    extension: float = 0.0  # broker outages while it was out: its deadlines move by as much
    alive: bool = True  # may still be the one that finishes the site (a late answer is still taken)
    overdue: bool = False  # given up on by a deadline (the answer saying so is on its way to the slot)
    nowhere: int = 0  # checks that found it neither held by a worker nor queued


@dataclass(frozen=True)
class Outcome:
    attempt: str
    kind: str  # done, fault, refused, failed, lost, expired (ATTEMPT_OUTCOMES)
    result: SiteResult | None = None
    reason: str | None = None
    worker: str | None = None
    counted: bool = True  # did it start: then it counts against the site


@dataclass
class Watch:
    """One site in the window: its attempts out, and what they answered."""

    site: SiteInput
    attempts: dict[str, Attempt] = field(default_factory=dict)
    answers: asyncio.Queue[Outcome] = field(default_factory=asyncio.Queue)
    last_kind: str | None = None
    unseen: int = 0  # attempts lost where no one saw them go (_nowhere)

    @property
    def alive(self) -> bool:
        return any(a.alive for a in self.attempts.values())


@dataclass
class Rates:
    """Sites recorded per worker in this run, for progress."""

    started: float = field(default_factory=time.monotonic)
    sites: Counter[str] = field(default_factory=Counter)
    first: dict[str, float] = field(default_factory=dict)

    def add(self, worker: str) -> None:
        self.first.setdefault(worker, time.monotonic())
        self.sites[worker] += 1

    def per_minute(self, worker: str) -> float:
        # From the first site it sent back (a worker that joined late is not made to look slow).
        since = min(self.first.get(worker, time.monotonic()), time.monotonic() - 1.0)
        return 60.0 * self.sites[worker] / max(1.0, time.monotonic() - since)


class _Coordinator:
    def __init__(self, cluster: Cluster, store: Store, ruleset: Ruleset, options: RunOptions,
                 events: BatchEvents | None, run_id: int) -> None:
        self.cluster, self.store, self.ruleset, self.options = cluster, store, ruleset, options
        self.events, self.run_id = events, run_id
        self.judging = options.judging
        self.max_attempts = 1 + max(0, options.retries)
        self.run_allowance = options.limits.site_timeout_s + HANG_MARGIN_S + RESULT_MARGIN_S
        settings = store.settings()
        assert settings is not None, "a batch is started before it is run"
        self.settings = settings
        self.queue = queue_name(rules_digest(ruleset, []), version(), options.limits.allow_private)
        self.app = make_app(cluster.broker)
        self.broker = Broker(self.app, self.queue)
        self.fleet = Fleet(self.app, self.queue)
        self.html = HtmlWriter(templates_dir(), options.lang)
        self.comparison, self.header = follow_up(store, ruleset, batch_header(
            settings.pack, settings.pack_version, options.lang, store.started_at(), now_iso()))
        self.registry_key, self.registry_blob = _registry_blob(options)
        self.watches: dict[str, Watch] = {}  # attempt id → the site it is for
        self.orphans: dict[str, float] = {}  # attempts out for a site already recorded → listen until
        self.rates = Rates()
        self.duplicates = 0
        self.down_since: float | None = None  # the broker is unreachable since
        self.note = ""

    # --- the run ---------------------------------------------------------------------------

    async def run(self) -> None:
        sites = self.store.pending_sites()
        pending = {s.url for s in sites}
        for record in self.store.open_attempts():  # a killed coordinator's attempts for sites now recorded
            if record.url not in pending:
                self._orphan(record.id, record.sent_at)
        if not sites:
            return
        log.info("coordinator: %d site(s) for the workers on %s, queue %s", len(sites),
                 safe_url(self.cluster.broker), self.queue)
        self.fleet.start()
        try:
            await self._fleet_listening()
            queue = HostQueue(sites, self.options.per_host, self.options.host_delay_s)
            window = Throttle(WINDOW_MIN, WINDOW_MAX, adaptive=False)
            with stop_on_signals(queue), first_auditor_error():
                async with asyncio.TaskGroup() as group:
                    background = [group.create_task(self._poll()), group.create_task(self._follow_fleet(window))]
                    slots = [group.create_task(audit_each(queue, window, self._audit)) for _ in range(WINDOW_MAX)]
                    await asyncio.gather(*slots)
                    for task in background:
                        task.cancel()
        finally:
            self.fleet.stop()
            self.broker.close()
            self._report_workers()
            if self.duplicates:
                log.info("%d late duplicate result(s) dropped", self.duplicates)

    async def _fleet_listening(self) -> None:
        """Send nothing before the workers' events are heard: a task taken unseen is placed only by asking."""
        deadline = time.monotonic() + LISTEN_WAIT_S
        while not self.fleet.connected and time.monotonic() < deadline:
            await asyncio.sleep(POLL_S)  # the broker is down: sends wait for it anyway

    async def _audit(self, site: SiteInput) -> None:
        watch = Watch(site)
        for record in self.store.open_attempts(site.url):  # sent by a coordinator before this one
            self._track(watch, record.id, record.sent_at)
        finished = False
        try:
            report = await self._until_recorded(watch)
            finished = True
        finally:
            self._release(watch, finished)
        if self.events:
            self.events.site_done(report)

    async def _until_recorded(self, watch: Watch) -> SiteReport:
        url = watch.site.url
        while True:
            if not watch.alive:
                if self.store.attempts(url) >= self.max_attempts:
                    return await self._give_up(watch)
                await self._send(watch)
            answer = await watch.answers.get()
            if answer.kind == "done":
                report = await self._record(watch, answer)
                if report is not None:
                    return report
                continue
            self._failed(watch, answer)

    # --- sending and recording -------------------------------------------------------------

    async def _send(self, watch: Watch) -> None:
        attempt = uuid.uuid4().hex
        sent_at = time.time()
        self.store.send_attempt(watch.site.url, attempt, self.run_id, sent_at)  # first the store, then the wire
        self._track(watch, attempt, sent_at)
        task = self._task(watch.site, attempt)
        while True:  # until the broker takes it: the slot waits meanwhile, cancellable (Ctrl-C)
            try:
                await self.broker.sending.run(self.broker.send, task)
                return
            except BROKER_ERRORS as exc:
                log.debug("sending %s: %s; again in %.0f s", attempt[:8], exc, SEND_AGAIN_S)
                await asyncio.sleep(SEND_AGAIN_S)

    def _task(self, site: SiteInput, attempt: str) -> SiteTask:
        return SiteTask(
            attempt=attempt, tool=version(), rules_digest=rules_digest(self.ruleset, list(self.settings.only)),
            only=list(self.settings.only),
            site=TaskSite(url=site.url, name=site.name, profiles=profiles_for(site, self.judging),
                          registry=site.registry, folder=site.slug),
            limits=limits_message(self.options.limits), today=self.options.today, lang=self.options.lang,
            default_profiles=list(self.options.default_profiles), registry_key=self.registry_key,
            inline_max=self.cluster.inline_max)

    async def _record(self, watch: Watch, answer: Outcome) -> SiteReport | None:
        """The site from a complete result: files checked and written, page written, then the one commit."""
        result = answer.result
        assert result is not None
        try:
            report = await asyncio.to_thread(self._write_result, watch.site, result)
        except ProtocolError as exc:
            self._failed(watch, Outcome(answer.attempt, "failed", reason=f"its result could not be used: {exc}",
                                        worker=result.worker))
            await asyncio.to_thread(self._cleanup, [answer.attempt], result)
            return None
        except Exception as exc:
            if (problem := output_problem(exc)) is not None:
                raise stopped(problem) from exc
            raise
        try:
            recorded = self.store.finish_attempt(report, self.run_id, answer.attempt, result.worker)
        except Exception as exc:
            if (problem := output_problem(exc)) is not None:
                raise stopped(problem) from exc
            raise
        await asyncio.to_thread(self._cleanup, [answer.attempt], result)
        if not recorded:  # cannot happen while this slot alone records its site; kept as the store says
            self.duplicates += 1
            return None
        self.rates.add(result.worker)
        return report

    def _write_result(self, site: SiteInput, result: SiteResult) -> SiteReport:
        """In a thread: check everything, then write the site's files and its report page."""
        try:
            report = SiteReport.model_validate_json(result.report or "")
        except ValidationError as exc:
            raise ProtocolError(f"not a site report: {str(exc).splitlines()[0]}") from exc
        if report.input_url != site.url or report.report_path != site_report_path(site.slug):
            raise ProtocolError(f"a report of another site ({report.input_url}, {report.report_path})")
        files = unpack_site(result, self.cluster.spool)
        write_files(files, self.options.out_dir / SITES_DIR / site.slug)
        write_site_page(self.html, self.header, report, self.options.out_dir, self.comparison)
        return report

    def _cleanup(self, attempts: list[str], result: SiteResult | None) -> None:
        """Results taken are deleted from Redis (and the spool): a day of them would fill its memory."""
        with contextlib.suppress(*BROKER_ERRORS):
            self.broker.forget(attempts)
        with contextlib.suppress(OSError):
            discard_spool(result.archive if result else None, self.cluster.spool)

    async def _give_up(self, watch: Watch) -> SiteReport:
        """The site's attempts are spent: it is `error` with the last reason, as a local run records it."""
        url = watch.site.url
        attempts = self.store.attempts(url)
        last = self.store.last_error(url) or "no reason recorded"
        why = (f"the browser failed {attempts} times on this site; last: {last}" if watch.last_kind == "fault"
               else f"not audited: {attempts} attempts on workers failed; last: {last}")
        stored = StoredSite(url=url, name=watch.site.name, profiles=profiles_for(watch.site, self.judging),
                            registry=watch.site.registry, snapshot=error_snapshot(url, why))
        site_dir = self.options.out_dir / SITES_DIR / watch.site.slug
        report = await asyncio.to_thread(self._write_locally, stored, site_dir)
        self.store.finish_site(report, self.run_id)
        return report

    def _write_locally(self, stored: StoredSite, site_dir: Path) -> SiteReport:
        report = judge_site(stored, site_dir, self.ruleset, self.judging)
        write_site_page(self.html, self.header, report, self.options.out_dir, self.comparison)
        return report

    def _failed(self, watch: Watch, answer: Outcome) -> None:
        """An attempt that will not finish the site: noted (and counted if it started)."""
        attempt = watch.attempts.get(answer.attempt)
        self.store.end_attempt(answer.attempt, answer.kind, answer.reason, answer.worker, answer.counted)
        if attempt is not None and not attempt.alive:
            return  # a late word from an attempt already given up on (and counted): nothing changes
        if attempt is not None:
            attempt.alive = False
        if answer.counted:
            watch.last_kind = answer.kind
        log.warning("%s: attempt %s %s: %s", watch.site.url, answer.attempt[:8], answer.kind, answer.reason)
        will_retry = not watch.alive and self.store.attempts(watch.site.url) < self.max_attempts
        if will_retry and answer.counted and self.events:
            self.events.site_retry(watch.site.url, answer.reason or answer.kind)

    # --- attempts out: who hears what ------------------------------------------------------

    def _track(self, watch: Watch, attempt: str, sent_at: float) -> None:
        watch.attempts[attempt] = Attempt(attempt, sent_at)
        self.watches[attempt] = watch
        self.fleet.watch(attempt)

    def _release(self, watch: Watch, finished: bool) -> None:
        """The site is recorded: attempts still out are revoked, and their answers dropped when they come.

        When the run stops instead (Ctrl-C), they stay open in the store for the next run to wait for.
        """
        out = [a for a in watch.attempts.values() if a.id in self.watches]
        for attempt in out:
            self.watches.pop(attempt.id, None)
            if finished:
                self._orphan(attempt.id, attempt.sent_at)
            else:
                self.fleet.unwatch(attempt.id)
        if finished and out:
            ids = [a.id for a in out]
            self.broker.asking.submit(self.broker.revoke, ids)

    def _orphan(self, attempt: str, sent_at: float) -> None:
        self.orphans[attempt] = sent_at + QUEUE_ALLOWANCE_S + 2 * self.run_allowance

    async def _poll(self) -> None:
        """Read the answers of every attempt out, and notice those that will never answer."""
        while True:
            ids = [*self.watches, *self.orphans]
            if ids:
                try:
                    answers = await asyncio.to_thread(self.broker.poll, ids)
                except BROKER_ERRORS as exc:
                    self._broker_down(exc)
                else:
                    self._broker_up()
                    await self._route(answers)
            self._check_deadlines()
            await asyncio.sleep(POLL_S)

    async def _route(self, answers: dict[str, tuple[str, Any]]) -> None:
        done_with: list[str] = []
        for attempt, (state, value) in answers.items():
            watch = self.watches.get(attempt)
            if watch is None:
                self._orphan_answered(attempt, state, value)
                done_with.append(attempt)
                continue
            answer = _answer(attempt, state, value, watch.attempts[attempt].sent_at)
            if answer.kind != "done":
                done_with.append(attempt)  # a result being recorded is deleted once it is committed
            self._stop_listening(attempt)
            watch.answers.put_nowait(answer)
        if done_with:
            await asyncio.to_thread(self._cleanup, done_with, None)

    def _orphan_answered(self, attempt: str, state: str, value: Any) -> None:
        """An answer for a site already recorded: the first result won, this one is dropped."""
        self.orphans.pop(attempt, None)
        self.fleet.unwatch(attempt)
        result = _readable(value) if state == "SUCCESS" else None
        if result is not None and result.outcome == "done":
            self.duplicates += 1
            self.store.end_attempt(attempt, "duplicate", "answered after its site was recorded", result.worker)
            with contextlib.suppress(OSError):
                discard_spool(result.archive, self.cluster.spool)
        else:
            what = f"{result.outcome} ({result.reason})" if result is not None else state
            self.store.end_attempt(attempt, "superseded", f"answered {what} after its site was recorded")

    def _stop_listening(self, attempt: str) -> None:
        self.watches.pop(attempt, None)
        self.fleet.unwatch(attempt)

    def _check_deadlines(self) -> None:
        if self.down_since is not None:
            return  # nothing can answer while the broker is away: deadlines wait
        now = time.time()
        for attempt_id, watch in list(self.watches.items()):
            attempt = watch.attempts[attempt_id]
            if attempt.alive and not attempt.overdue and (answer := self._overdue(attempt, now)) is not None:
                attempt.overdue = True  # still heard: a late result may yet finish the site
                watch.answers.put_nowait(answer)
        for attempt_id, until in list(self.orphans.items()):
            if now > until:
                self.orphans.pop(attempt_id)
                self.fleet.unwatch(attempt_id)
                self.store.end_attempt(attempt_id, "unanswered", "no answer; its site was recorded")

    def _overdue(self, attempt: Attempt, now: float) -> Outcome | None:
        """Why an attempt will not answer (its worker went away, or it far overran), if so."""
        holder = self.fleet.holder(attempt.id)
        if holder is not None:
            silent = self.fleet.silent_for(holder)
            if silent is not None and silent > self.cluster.worker_timeout_s:
                started = holder.started_at is not None
                what = "while rendering this site" if started else "before starting this site"
                return Outcome(attempt.id, "lost", reason=f"worker {holder.worker} went away (no heartbeat for "
                               f"{silent:.0f} s) {what}", worker=holder.worker, counted=started)
            if holder.started_at is not None and now > holder.started_at + self.run_allowance + attempt.extension:
                return Outcome(attempt.id, "lost", reason=f"no result from {holder.worker} within "
                               f"{self.run_allowance:.0f} s of starting this site", worker=holder.worker)
            return None
        if now > attempt.sent_at + QUEUE_ALLOWANCE_S + self.run_allowance + attempt.extension:
            # No worker was seen taking it: lost with the broker, or never reached by a worker.
            return Outcome(attempt.id, "lost", reason=f"no worker answered within "
                           f"{QUEUE_ALLOWANCE_S + self.run_allowance:.0f} s of sending", counted=False)
        return None

    def _broker_down(self, exc: BaseException) -> None:
        if self.down_since is None:
            self.down_since = time.time()
            self.note = f"broker unreachable since {now_iso()} ({type(exc).__name__}); waiting for it"
            log.warning("broker unreachable: %s", exc)
            self._report_workers()

    def _broker_up(self) -> None:
        if self.down_since is None:
            return
        outage = time.time() - self.down_since
        self.down_since = None
        for watch in self.watches.values():
            for attempt in watch.attempts.values():
                attempt.extension += outage
        self.note = f"broker back after {outage:.0f} s"
        log.warning("broker reachable again after %.0f s", outage)
        self._report_workers()

    # --- the workers -----------------------------------------------------------------------

    async def _follow_fleet(self, window: Throttle) -> None:
        """Every few seconds: the workers' capacity sizes the window; progress shows each worker."""
        while True:
            try:
                await self.broker.asking.run(self.fleet.inspect)
                unplaced = self._unplaced()
                if unplaced:
                    found = await self.broker.asking.run(self.fleet.locate, unplaced)
                    queued = await self.broker.asking.run(self.fleet.queued)
                    self._nowhere(unplaced, found, queued)
                if self.registry_key is not None:
                    await asyncio.to_thread(self.broker.ensure_blob, REGISTRY_KEY + self.registry_key,
                                            self.registry_blob)
            except BROKER_ERRORS as exc:
                log.info("inspecting the workers: %s", exc)
            capacity = sum(self.fleet.capacity.values())
            await window.resize(max(WINDOW_MIN, min(WINDOW_MAX, 2 * capacity)))
            self._report_workers()
            await asyncio.sleep(FLEET_EVERY_S)

    def _unplaced(self) -> list[str]:
        """Attempts out for a while that no event placed on a worker (sent by the coordinator before this one)."""
        now = time.time()
        return [attempt_id for attempt_id, watch in self.watches.items()
                if watch.attempts[attempt_id].alive and now - watch.attempts[attempt_id].sent_at > UNPLACED_AFTER_S
                and self.fleet.holder(attempt_id) is None]

    def _nowhere(self, unplaced: list[str], found: set[str], queued: int) -> None:
        """Attempts no worker holds, with nothing left in the queue, twice running: lost unseen.

        The cases events cannot cover: a worker that died while no coordinator was listening
        (this one was restarted), or whose events were lost in a broker outage; and a Redis
        restarted without its data, whose queue is gone. A dead worker's tasks sit
        in Redis's unacknowledged set until the visibility timeout, an hour; they are sent
        again now, and a late answer is still taken. Whether it had started is not known, so
        the first such loss of a site is not counted; the next ones are (a site that kills
        its worker ends as `error` even when no one sees it happen).
        """
        for attempt_id in found:  # held after all (its events were missed): the count starts again
            if (watch := self.watches.get(attempt_id)) is not None:
                watch.attempts[attempt_id].nowhere = 0
        if queued or not self.fleet.capacity:
            return  # ours may be among those queued, or no worker answered: nothing can be told
        for attempt_id in unplaced:
            watch = self.watches.get(attempt_id)
            attempt = watch.attempts[attempt_id] if watch else None
            if watch is None or attempt is None or attempt_id in found or not attempt.alive or attempt.overdue:
                continue
            attempt.nowhere += 1
            if attempt.nowhere >= 2:
                attempt.overdue = True
                watch.unseen += 1
                watch.answers.put_nowait(Outcome(attempt_id, "lost", counted=watch.unseen > 1, reason=(
                    "no worker holds it and none is queued: lost unseen (a worker gone while no coordinator "
                    "listened, or a broker restarted without its data)")))

    def _report_workers(self) -> None:
        if not isinstance(self.events, FleetEvents):
            return
        alive = set(self.fleet.alive(self.cluster.worker_timeout_s))
        names = sorted(set(self.fleet.capacity) | set(self.rates.sites))
        statuses = [WorkerStatus(name, self.rates.sites[name], self.rates.per_minute(name), name in alive)
                    for name in names]
        note = self.note
        if not self.fleet.capacity and not alive and self.down_since is None:
            note = f"no worker on queue {self.queue} yet: start one with auditor worker --broker URL"
        if self.fleet.elsewhere:
            note += "; serving other queues (another rule pack, version or address policy): " + ", ".join(
                sorted(self.fleet.elsewhere))
        if self.duplicates:
            note += f"; {self.duplicates} late duplicate(s) dropped"
        self.events.workers(statuses, note.strip("; "))


def _readable(value: Any) -> SiteResult | None:
    try:
        return read_result(value)
    except ProtocolError:
        return None


def _answer(attempt: str, state: str, value: Any, sent_at: float) -> Outcome:
    """What an ended task says about its attempt."""
    if state == "SUCCESS":
        try:
            result = read_result(value)
        except ProtocolError as exc:
            return Outcome(attempt, "failed", reason=f"its result could not be used: {exc}")
        if result.outcome == "done":
            return Outcome(attempt, "done", result=result, worker=result.worker)
        return Outcome(attempt, result.outcome, reason=result.reason, worker=result.worker)
    if state == "REVOKED":
        # Expired before a worker started it (QUEUE_ALLOWANCE_S), so it says nothing about the site. One
        # discarded well before that says the worker's clock is ahead: count it, or it would loop.
        early = time.time() < sent_at + 0.9 * QUEUE_ALLOWANCE_S
        why = "discarded as expired by a worker whose clock is ahead (keep clocks in step: NTP)" if early \
            else f"not started within {QUEUE_ALLOWANCE_S:.0f} s of sending"
        return Outcome(attempt, "expired", reason=why, counted=early)
    detail = value if isinstance(value, dict) else {}
    kind = detail.get("exc_type") or state
    message = detail.get("exc_message") or ""
    text = " ".join(str(m) for m in message) if isinstance(message, (list, tuple)) else str(message)
    return Outcome(attempt, "failed", reason=f"the task failed on the worker: {kind}: {text}"[:500])


def _registry_blob(options: RunOptions) -> tuple[str | None, bytes]:
    """The --registry records, compressed, and the digest that names them in Redis (None: no records)."""
    if not options.registry:
        return None, b""
    raw = json.dumps(dict(options.registry), ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(raw).hexdigest(), zlib.compress(raw, 6)

