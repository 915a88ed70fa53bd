"""A batch across many machines: one coordinator, any number of workers, Celery over Redis.

    auditor audit -i sites.csv -o out/ --broker redis://HOST:6379/0    # the coordinator
    auditor worker --broker redis://HOST:6379/0 --concurrency 12        # on each machine

The coordinator (``coordinator.py``) is a batch run like a local one: it alone owns the
SQLite store and the output folder, politeness per host, attempt counts, retries and
deadlines. It sends one task per site (``protocol.SiteTask``) into a bounded window, and
records each site from the first complete result that comes back. A worker
(``worker.py``) renders, judges and packs one site per task with the browser pool, egress
guard and limits of a local run. ``fleet.py`` follows the workers through Celery's events.

The broker is transport only: what Redis loses, the store's attempts and deadlines bring
back; what Redis delivers twice, the store records once. The measured behaviour of Celery
5.7 and Redis 7 this is built on is in docs/performance.md, "A batch across machines".

``protocol.py`` needs no Celery; the rest is imported only by ``audit --broker`` and
``worker`` (``pip install 'disclosure-auditor[distributed]'``).
"""
