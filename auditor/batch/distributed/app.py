"""The Celery application both sides use: one configuration, each setting chosen from a measured fact.

Measured with Celery 5.7 and Redis 7.0 (docs/performance.md, "A batch across machines"):

* with ``acks_late``, a task whose pool process was killed is redelivered; one that kills
  its process every time comes back without end, since Redis counts no deliveries. So a
  lost process is never redelivered here (``reject_on_worker_lost`` off): the coordinator
  counts attempts in its store and sends a new one, or gives the site up;
* a worker killed as a whole gets its tasks back only after ``visibility_timeout`` (an
  hour), and a timeout shorter than a task duplicates it while it runs. It stays an hour;
  every task ``expires`` long before (QUEUE_ALLOWANCE_S), so one that comes back that late
  is discarded by the worker, and the coordinator has long sent another;
* after a Redis restart workers reconnect in about 6 s and queued tasks survive, but
  results finished during the outage were stored as failures: ``result_backend_always_retry``
  makes the worker hold such a result until Redis is back.

The coordinator runs its broker calls in threads (asyncio's loop must not block), so two
more choices are about threads. Celery's shared producer pool handed out a producer with a
closed channel after a Redis restart (an AttributeError deep in kombu ended a batch), so
each kind of call has a :class:`Lane`: one thread that alone uses one connection, passed
explicitly. And results are polled (one MGET for every attempt out), so the backend never
subscribes to them (:class:`PolledRedisBackend`): Celery's per-task pub/sub shares one
connection between threads and resets the backend's whole pool when it reconnects.

JSON only, both ways: no pickle between machines.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from celery import Celery
from celery.backends.redis import RedisBackend
from kombu.exceptions import OperationalError
from kombu.utils.url import maybe_sanitize_url
from redis.exceptions import RedisError

TASK_NAME = "auditor.audit_site"
QUEUE_ALLOWANCE_S = 900.0  # a task not started this long after it was sent expires (keep clocks in step: NTP)
VISIBILITY_TIMEOUT_S = 3600  # Redis's default, stated: far longer than any attempt is allowed to run
RESULT_EXPIRES_S = 86400  # a result no coordinator collected (it was down for a day) is dropped by Redis
REGISTRY_KEY = "auditor:registry:"  # + the records' SHA-256: the --registry records, sent once per batch
BROKER_ERRORS = (OSError, RedisError, OperationalError)  # the broker is unreachable (or went away mid-call)
T = TypeVar("T")


class PolledRedisBackend(RedisBackend):  # type: ignore[misc]  # celery has no type hints
    """Redis results, read by polling: sending a task subscribes to nothing."""

    def on_task_call(self, producer: Any, task_id: str) -> None:
        pass


class Lane:
    """One thread, and the one broker connection that thread alone uses (kombu's are not thread-safe).

    ``run(call, *args)`` calls ``call(connection, *args)`` on the lane's thread. A connection a
    broker error went through is dropped; the next call opens a fresh one.
    """

    def __init__(self, app: Celery, name: str) -> None:
        self.app = app
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._connection: Any = None

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._call, call, args)

    def submit(self, call: Callable[..., object], *args: Any) -> None:
        """Call it in the background; broker errors are dropped (what is submitted is worth one try)."""
        self._executor.submit(self._quietly, call, args)

    def close(self) -> None:
        self._executor.submit(self._drop)
        self._executor.shutdown(wait=False, cancel_futures=False)

    def _call(self, call: Callable[..., T], args: tuple[Any, ...]) -> T:
        if self._connection is None:
            self._connection = self.app.connection_for_write()
        try:
            return call(self._connection, *args)
        except BROKER_ERRORS:
            self._drop()
            raise

    def _quietly(self, call: Callable[..., object], args: tuple[Any, ...]) -> None:
        with contextlib.suppress(*BROKER_ERRORS):
            self._call(call, args)

    def _drop(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):  # closing what already failed: whatever it raises
                self._connection.release()
            self._connection = None


def queue_name(pack_digest: str, tool: str, private: bool) -> str:
    """The queue of one rule pack, auditor version and address policy: a worker serves only its own.

    A worker with another pack or version (or one that may not load private addresses)
    never even receives a batch's tasks; the digest in each task is the second check.
    """
    return f"auditor.{tool}.{pack_digest}" + (".private" if private else "")


def safe_url(broker: str) -> str:
    """The broker's address with any password masked, for messages and the store."""
    return str(maybe_sanitize_url(broker))


def _backend_url(broker: str) -> str:
    """The results' address: the broker's, read by PolledRedisBackend (Celery's `module:Class+URL` form)."""
    scheme, _, _ = broker.partition("://")
    url = broker.split("+", 1)[1] if "+" in scheme else broker  # redis+socket:// → socket://, as Celery reads it
    return f"{__name__}:PolledRedisBackend+{url}"


def make_app(broker: str) -> Celery:
    app = Celery("auditor", broker=broker, backend=_backend_url(broker), set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"], result_accept_content=["json"],
        task_acks_late=True,  # a task a worker has not finished goes back to the queue when it stops
        task_reject_on_worker_lost=False,  # ... but never on its own when a process died: see the module doc
        task_acks_on_failure_or_timeout=True,
        worker_prefetch_multiplier=1,  # a worker holds only the sites it renders: the rest wait for any worker
        worker_deduplicate_successful_tasks=True,  # a redelivered task whose result is stored is not run again
        broker_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT_S},
        result_backend_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT_S},
        result_backend_always_retry=True,  # a result finished while Redis is down waits for it
        result_backend_max_retries=float("inf"),
        result_expires=RESULT_EXPIRES_S,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # a worker waits for the broker for as long as it takes
        worker_cancel_long_running_tasks_on_connection_loss=False,  # a site in hand is finished across an outage
        worker_send_task_events=True,  # who took which attempt, and when it started (fleet.py)
        task_track_started=False,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        task_create_missing_queues=True,
    )
    return app
