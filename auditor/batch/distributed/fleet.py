"""The coordinator's view of its workers, from Celery's own monitoring: events and remote inspection.

Workers send a heartbeat every 2 s and an event when they receive and start a task
(``worker_send_task_events``); a thread here listens, as Flower does, and notes who holds
which of our attempts and when each worker was last heard. A worker silent for longer than
the coordinator's ``--worker-timeout`` is gone: its machine died, or it was killed. Silence
is counted only while this listener is connected, so a broker outage (no events for anyone)
never makes every worker look dead. Every few seconds ``inspect`` asks the workers how many
sites each runs at once and which queue it serves, for the coordinator's window.

Times are this machine's clock at receipt: other machines' clocks never enter a deadline.
A worker is known by its name *and* process id: one restarted under the same name (systemd
on the same host) is a new worker, and the attempts the dead one held are lost.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from celery import Celery
from kombu.exceptions import ChannelError

log = logging.getLogger(__name__)
INSPECT_TIMEOUT_S = 2.0
RECONNECT_S = 1.0


@dataclass(frozen=True)
class Holder:
    worker: str
    pid: int | None  # the worker's process: a worker restarted under its name is another one
    started_at: float | None  # None: received (reserved), not started yet


class Fleet:
    def __init__(self, app: Celery, queue: str) -> None:
        self.app = app
        self.queue = queue
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._seen: dict[str, float] = {}  # worker name → when last heard
        self._seen_process: dict[tuple[str, int | None], float] = {}  # (name, pid) → when last heard
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
                    self._receiver.on_consume_ready = self._ready_hook(self._receiver.on_consume_ready)
                    # wakeup: every worker answers with a heartbeat at once, so a reconnect finds them quickly.
                    self._receiver.capture(limit=None, timeout=None, wakeup=True)
            except Exception as exc:  # noqa: BLE001 - any broker failure: listen again once it is back
                log.info("events: %s; listening again", exc)
            with self._lock:
                self._connected_since = None
            self._stop.wait(RECONNECT_S)

    def _ready_hook(self, on_ready: Callable[..., None]) -> Callable[..., None]:
        """Connected counts from when the events queue is bound: an event sent before that is never heard."""
        def ready(*args: Any, **kwargs: Any) -> None:
            with self._lock:
                self._connected_since = time.time()
            on_ready(*args, **kwargs)
        return ready

    def _on_event(self, event: dict[str, Any]) -> None:
        kind, worker, now = event.get("type", ""), event.get("hostname"), time.time()
        if not worker:
            return
        pid = event.get("pid") if isinstance(event.get("pid"), int) else None
        with self._lock:
            self._seen[worker] = now
            self._seen_process[(worker, pid)] = now
            attempt = event.get("uuid")
            if attempt in self._watched:
                if kind == "task-received":
                    self._holders[attempt] = Holder(worker, pid, None)
                elif kind == "task-started":
                    self._holders[attempt] = Holder(worker, pid, now)

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

    def silent_for(self, holder: Holder) -> float | None:
        """Seconds since the holder's process was last heard, counted from our own (re)connection;
        None while we hear nothing."""
        with self._lock:
            if self._connected_since is None:
                return None
            seen = self._seen_process.get((holder.worker, holder.pid), 0.0)
            return time.time() - max(seen, self._connected_since)

    def alive(self, timeout_s: float) -> list[str]:
        with self._lock:
            if self._connected_since is None:
                return sorted(self._seen)  # unknown: assume the last known are still there
            since = self._connected_since
            return sorted(w for w, seen in self._seen.items() if time.time() - max(seen, since) <= timeout_s)

    def locate(self, connection: Any, attempts: list[str]) -> set[str]:
        """Ask the workers which of these attempts they hold (events about them were missed: a coordinator
        that was restarted); return those found. Blocking: call from the lane that owns `connection`."""
        replies = self._inspector(connection).query_task(*attempts) or {}
        now, found = time.time(), set()
        with self._lock:
            for worker, held in replies.items():
                for attempt, (state, _info) in (held or {}).items():
                    found.add(attempt)
                    if attempt in self._watched and attempt not in self._holders:
                        # Its start time is unknown: from now, it gets its whole allowance. The reply
                        # does not say which process holds it: the latest heard under that name.
                        pid = max((p for (w, p) in self._seen_process if w == worker),
                                  key=lambda p: self._seen_process[(worker, p)], default=None)
                        self._holders[attempt] = Holder(worker, pid, now if state == "active" else None)
        return found

    def queued(self, connection: Any) -> int:
        """Tasks waiting in our queue (kombu's queue_declare; Redis keeps no empty list: NOT_FOUND is 0)."""
        try:
            return int(connection.default_channel.queue_declare(queue=self.queue, passive=True).message_count)
        except ChannelError as exc:
            if str(getattr(exc, "reply_code", "")) == "404":
                return 0
            raise

    def _inspector(self, connection: Any) -> Any:
        # Replies stop being waited for once every worker heard from has answered.
        known = len(self.alive(INSPECT_TIMEOUT_S * 10))
        return self.app.control.inspect(timeout=INSPECT_TIMEOUT_S, limit=known or None, connection=connection)

    def inspect(self, connection: Any) -> None:
        """How many sites each worker on our queue runs at once, and which live workers serve other queues.

        Blocking (a broadcast and its replies): call from the lane that owns `connection`.
        """
        inspector = self._inspector(connection)
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
