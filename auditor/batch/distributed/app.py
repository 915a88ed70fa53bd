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

JSON only, both ways: no pickle between machines.
"""

from __future__ import annotations

from celery import Celery
from kombu.utils.url import maybe_sanitize_url

TASK_NAME = "auditor.audit_site"
QUEUE_ALLOWANCE_S = 900.0  # a task not started this long after it was sent expires (keep clocks in step: NTP)
VISIBILITY_TIMEOUT_S = 3600  # Redis's default, stated: far longer than any attempt is allowed to run
RESULT_EXPIRES_S = 86400  # a result no coordinator collected (it was down for a day) is dropped by Redis
REGISTRY_KEY = "auditor:registry:"  # + the records' SHA-256: the --registry records, sent once per batch


def queue_name(pack_digest: str, tool: str, private: bool) -> str:
    """The queue of one rule pack, auditor version and address policy: a worker serves only its own.

    A worker with another pack or version (or one that may not load private addresses)
    never even receives a batch's tasks; the digest in each task is the second check.
    """
    return f"auditor.{tool}.{pack_digest}" + (".private" if private else "")


def safe_url(broker: str) -> str:
    """The broker's address with any password masked, for messages and the store."""
    return str(maybe_sanitize_url(broker))


def make_app(broker: str) -> Celery:
    app = Celery("auditor", broker=broker, backend=broker, set_as_current=False)
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
