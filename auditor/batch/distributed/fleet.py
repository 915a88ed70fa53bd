"""The coordinator's view of its workers, from Celery's own monitoring: events and remote inspection.

Workers send a heartbeat every 2 s and an event when they receive and start a task
(``worker_send_task_events``); a thread here listens, as Flower does, and notes who holds
which of our attempts and when each worker was last heard. A worker silent for longer than
the coordinator's ``--worker-timeout`` is gone: its machine died, or it was killed. Silence
is counted only while this listener is connected, so a broker outage (no events for anyone)
never makes every worker look dead. Every few seconds ``inspect`` asks the workers how many
sites each runs at once and which queue it serves, for the coordinator's window.

Times are this machine's clock at receipt: other machines' clocks never enter a deadline.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from celery import Celery

log = logging.getLogger(__name__)
INSPECT_TIMEOUT_S = 2.0
RECONNECT_S = 1.0


@dataclass(frozen=True)
class Holder:
    worker: str
    started_at: float | None  # None: received (reserved), not started yet


class Fleet:
    def __init__(self, app: Celery, queue: str) -> None:
        self.app = app
        self.queue = queue
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._seen: dict[str, float] = {}  # worker → when last heard
        self._holders: dict[str, Holder] = {}  # attempt id → the worker that took it
        self._watched: set[str] = set()  # our attempts: other batches' tasks are not remembered
        self._connected_since: float | None = None
        self._receiver: Any = None
        self._thread: threading.Thread | None = None
        self.capacity: dict[str, int] = {}  # workers on our queue → sites each runs at once
        self.elsewhere: dict[str, list[str]] = {}  # live workers serving only other queues → those queues

    # --- listening ---------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._listen, name="auditor-fleet", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._receiver is not None:
            self._receiver.should_stop = True
        if self._thread is not None:
            self._thread.join(5)

    def _listen(self) -> None:
        """Capture events until stopped, reconnecting after a broker outage."""
        while not self._stop.is_set():
            try:
                with self.app.connection_for_read() as connection:
                    self._receiver = self.app.events.Receiver(connection, handlers={"*": self._on_event})
                    with self._lock:
                        self._connected_since = time.time()
                    # wakeup: every worker answers with a heartbeat at once, so a reconnect finds them quickly.
                    self._receiver.capture(limit=None, timeout=None, wakeup=True)
            except Exception as exc:  # noqa: BLE001 - any broker failure: listen again once it is back
                log.info("events: %s; listening again", exc)
            with self._lock:
                self._connected_since = None
            self._stop.wait(RECONNECT_S)

    def _on_event(self, event: dict[str, Any]) -> None:
        kind, worker, now = event.get("type", ""), event.get("hostname"), time.time()
        if not worker:
            return
        with self._lock:
            self._seen[worker] = now
            attempt = event.get("uuid")
            if attempt in self._watched:
                if kind == "task-received":
                    self._holders[attempt] = Holder(worker, None)
                elif kind == "task-started":
                    self._holders[attempt] = Holder(worker, now)

    # --- what the coordinator asks --------------------------------------------------------

    def watch(self, attempt: str) -> None:
        with self._lock:
            self._watched.add(attempt)

    def unwatch(self, attempt: str) -> None:
        with self._lock:
            self._watched.discard(attempt)
            self._holders.pop(attempt, None)

    def holder(self, attempt: str) -> Holder | None:
        with self._lock:
            return self._holders.get(attempt)

    @property
    def connected(self) -> bool:
        with self._lock:
            return self._connected_since is not None

    def silent_for(self, worker: str) -> float | None:
        """Seconds since the worker was last heard, counted from our own (re)connection; None while we hear nothing."""
        with self._lock:
            if self._connected_since is None:
                return None
            return time.time() - max(self._seen.get(worker, 0.0), self._connected_since)

    def alive(self, timeout_s: float) -> list[str]:
        with self._lock:
            if self._connected_since is None:
                return sorted(self._seen)  # unknown: assume the last known are still there
            since = self._connected_since
            return sorted(w for w, seen in self._seen.items() if time.time() - max(seen, since) <= timeout_s)

    def locate(self, attempts: list[str]) -> None:
        """Ask the workers which of these attempts they hold (events about them were missed: a coordinator
        that was restarted, an outage). Blocking: call from a thread."""
        replies = self.app.control.inspect(timeout=INSPECT_TIMEOUT_S).query_task(*attempts) or {}
        now = time.time()
        with self._lock:
            for worker, held in replies.items():
                for attempt, (state, _info) in (held or {}).items():
                    if attempt in self._watched and attempt not in self._holders:
                        # Its start time is unknown: from now, it gets its whole allowance.
                        self._holders[attempt] = Holder(worker, now if state == "active" else None)

    def inspect(self) -> None:
        """How many sites each worker on our queue runs at once, and which live workers serve other queues.

        Blocking (a broadcast and its replies): call from a thread.
        """
        inspector = self.app.control.inspect(timeout=INSPECT_TIMEOUT_S)
        queues = inspector.active_queues() or {}
        stats = inspector.stats() or {}
        capacity: dict[str, int] = {}
        elsewhere: dict[str, list[str]] = {}
        for worker, served in queues.items():
            names = [str(q.get("name")) for q in served or ()]
            if self.queue in names:
                pool = (stats.get(worker) or {}).get("pool") or {}
                capacity[worker] = int(pool.get("max-concurrency") or 1)
            elif any(name.startswith("auditor.") for name in names):
                elsewhere[worker] = names
        self.capacity, self.elsewhere = capacity, elsewhere
