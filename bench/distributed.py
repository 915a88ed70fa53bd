"""Benchmark of the distributed batch (issue 15): what one coordinator can record, and 1 vs 2 workers.

    python bench/distributed.py ingest [--sites 600] [--from OUT] [--fake-workers 2] [--restart]
    python bench/distributed.py workers [--sites 120] [--concurrency 8]

``ingest`` measures the coordinator alone: fake workers (this file's ``fake-worker``, a
Celery worker that renders nothing) answer every task at once with a real site's result,
taken from an earlier audit's output folder (``--from``; by default the corpus is audited
locally first), so each result carries that site's real snapshot, pictures, DOM copies and
evidence crops, packed and checksummed as a worker packs them. The coordinator (the real
``auditor audit --broker``) sends, polls, checks, unpacks, writes the files and each site's
page, and commits; the rate between its first and last commit is its ingest capacity,
and its CPU seconds per site say what it would be with the machine to itself. ``--restart``
stops Redis for 3 s in the middle (the coordinator's outage handling under load).

``workers`` audits the synthetic corpus (bench/corpus.py) three ways: a local run, then a
coordinator with one worker, then with two workers on this same machine, each worker with
``--concurrency`` sites at once, and prints them side by side (and whether the three
report.json files give the same verdicts).

Everything runs on 127.0.0.1: Redis on a random port in a temporary folder, workers with
``--loopback-only``; every process started is stopped by its pid.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
from bench import corpus  # noqa: E402 - bench/bench.py (this folder is first on the path), the checkout next
from tests.cluster import (  # noqa: E402
    Processes,
    RedisServer,
    cpu_seconds,
    redis_server_path,
    wait_for,
    worker_command,
    worker_ready,
)

PAGE_TIMEOUT_S, SITE_TIMEOUT_S = 10, 60
LIMITS = ["--page-timeout", str(PAGE_TIMEOUT_S), "--site-timeout", str(SITE_TIMEOUT_S)]


def _cli(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), *args]


@contextlib.contextmanager
def _cluster(folder: Path, persist: bool = True) -> Iterator[tuple[Processes, RedisServer]]:
    path = redis_server_path()
    if path is None:
        raise SystemExit("redis-server not found: bash scripts/bootstrap --test installs it")
    processes = Processes(folder)
    try:
        redis = RedisServer(path, processes, persist)
        redis.start()
        yield processes, redis
    finally:
        processes.stop_all()


def _timed(processes: Processes, name: str, command: list[str], timeout: float = 7200) -> tuple[float, float, int]:
    """Run to its end: (seconds, CPU seconds of the process itself, exit code)."""
    start = time.monotonic()
    process = processes.start(name, command)
    cpu = 0.0
    while process.poll() is None:
        cpu = max(cpu, cpu_seconds(process.pid))
        if time.monotonic() - start > timeout:
            raise SystemExit(f"{name} did not finish in {timeout:.0f} s")
        time.sleep(0.2)
    return time.monotonic() - start, cpu, int(process.returncode)


def _verdicts(out: Path) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {s["input_url"]: (s["status"], sorted((r["rule_id"], r["outcome"]) for r in s["results"]))
            for s in report["sites"]}


# --- workers: local vs 1 vs 2 ------------------------------------------------------------------


def workers(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="auditor-dist-") as tmp, corpus(args.sites, Path(tmp)) as listing, \
            _cluster(Path(tmp)) as (processes, redis):
        print(f"corpus: {args.sites} synthetic sites on 127.0.0.1; {args.concurrency} sites at once per process")
        rows = []
        local = Path(tmp) / "local"
        seconds, _, code = _timed(processes, "local", _cli("audit", "-i", str(listing), "-o", str(local), "-q",
                                                           "--loopback-only", "--concurrency",
                                                           str(args.concurrency), *LIMITS))
        rows.append(("local run (auditor audit)", seconds, code, local))
        for count in (1, 2):
            names = [f"b{count}w{i}@bench" for i in range(count)]
            started = [processes.start(n, worker_command(redis.url, n, args.concurrency)) for n in names]
            for name, process in zip(names, started, strict=True):
                wait_for(lambda n=name: worker_ready(processes, n), 120, f"{name} to start", process)  # type: ignore[misc]
            out = Path(tmp) / f"workers-{count}"
            seconds, _, code = _timed(processes, f"coordinator-{count}", _cli(
                "audit", "-i", str(listing), "-o", str(out), "-q", "--allow-private", "--broker", redis.url, *LIMITS))
            rows.append((f"coordinator + {count} worker(s)", seconds, code, out))
            for process in started:
                processes.kill(process)
        reference = _verdicts(local)
        for label, seconds, code, out in rows:
            same = _verdicts(out) == reference
            print(f"{label:<30} {seconds:7.1f} s  {60 * args.sites / seconds:6.1f} sites/min  exit {code}  "
                  f"verdicts {'identical to the local run' if same else 'DIFFER from the local run'}")


# --- ingest: the coordinator alone ---------------------------------------------------------------


def _results(source: Path, spool: Path) -> list[dict[str, Any]]:
    """Every done site of an output folder as a worker's result (report and packed folder), for the fakes."""
    from auditor.batch.distributed.protocol import pack_site

    db = sqlite3.connect(f"file:{source / 'audit.sqlite'}?mode=ro", uri=True)
    rows = db.execute("SELECT report, folder FROM sites WHERE state = 'done' ORDER BY position").fetchall()
    db.close()
    results = []
    for report, folder in rows:
        site_dir = source / "sites" / folder
        kept = spool / folder
        kept.mkdir(parents=True)
        if (site_dir / "evidence").is_dir():
            shutil.copytree(site_dir / "evidence", kept / "evidence")
        for path in site_dir.iterdir():  # what a worker sends: not the pages the coordinator writes itself
            if path.is_file() and path.name not in ("report.html", "notice.html", "manifest.json"):
                shutil.copy2(path, kept)
        files, archive = pack_site(kept, "bench", 1 << 30, None)
        results.append({"report": report, "files": [f.model_dump() for f in files], "archive": archive.model_dump()})
    return results


def fake_worker(args: argparse.Namespace) -> None:
    """A Celery worker on the batch's queue that answers each task at once with a canned real result."""
    from auditor.batch.distributed.app import TASK_NAME, make_app, queue_name
    from auditor.batch.distributed.protocol import SiteResult, read_task
    from auditor.batch.settings import rules_digest
    from auditor.judge.ruleset import load_pack
    from auditor.layout import site_report_path
    from auditor.resources import version

    canned = json.loads(Path(args.results).read_text(encoding="utf-8"))
    app = make_app(args.broker)
    queue = queue_name(rules_digest(load_pack(None), []), version(), False)

    @app.task(name=TASK_NAME, bind=True, acks_late=True)  # type: ignore[untyped-decorator]
    def audit_site(task: Any, message: object) -> dict[str, Any]:
        site = read_task(message)
        chosen = canned[hash(site.site.url) % len(canned)]
        report = json.loads(chosen["report"])
        report.update(input_url=site.site.url, final_url=site.site.url, report_path=site_report_path(site.site.folder))
        return SiteResult(attempt=site.attempt, worker=str(task.request.hostname), outcome="done",
                          report=json.dumps(report, ensure_ascii=False), files=chosen["files"],
                          archive=chosen["archive"]).model_dump(mode="json")

    print(f"fake worker {args.name}: ready", flush=True)
    app.Worker(pool="threads", concurrency=args.concurrency, hostname=args.name, queues=[queue], loglevel="WARNING",
               task_events=True, without_mingle=True, without_gossip=True, quiet=True).start()


def _ended(out: Path) -> list[float]:
    db = sqlite3.connect(f"file:{out / 'audit.sqlite'}?mode=ro", uri=True)
    rows = db.execute("SELECT ended_at FROM attempts WHERE outcome = 'done' ORDER BY ended_at").fetchall()
    db.close()
    return [float(r[0]) for r in rows]


def ingest(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="auditor-ingest-") as tmp:
        folder = Path(tmp)
        source = args.source
        if source is None:
            source = folder / "source"
            with corpus(args.corpus, folder) as listing:
                subprocess.run(_cli("audit", "-i", str(listing), "-o", str(source), "-q", "--loopback-only",
                                    *LIMITS), cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
        results = _results(source, folder / "packed")
        canned = folder / "results.json"
        canned.write_text(json.dumps(results), encoding="utf-8")
        sizes = [r["archive"]["size"] for r in results]
        listing = folder / "fake.csv"
        with listing.open("w", encoding="utf-8", newline="") as handle:  # never fetched: the fakes render nothing
            writer = csv.writer(handle)
            writer.writerow(["url"])
            writer.writerows([f"http://site{i:06d}.bench.example.cn/"] for i in range(args.sites))
        with _cluster(folder) as (processes, redis):
            fakes = [processes.start(f"fake{i}", [sys.executable, str(BENCH / "distributed.py"), "fake-worker",
                                                  redis.url, str(canned), f"fake{i}@bench", str(args.concurrency)])
                     for i in range(args.fake_workers)]
            for i, fake in enumerate(fakes):
                wait_for(lambda i=i: "ready" in processes.log(f"fake{i}"), 60, f"fake{i}", fake)  # type: ignore[misc]
            out = folder / "out"
            command = _cli("audit", "-i", str(listing), "-o", str(out), "-q", "--broker", redis.url, *LIMITS)
            start = time.monotonic()
            coordinator = processes.start("coordinator", command)
            steady = _follow(coordinator, out, args.sites, redis if args.restart else None)
            seconds, code = time.monotonic() - start, coordinator.returncode
        ended = _ended(out)
        print(f"results: {len(results)} real site folders from {source}; packed "
              f"{statistics.median(sizes) / 1024:.0f} KB median, {max(sizes) / 1024:.0f} KB largest")
        print(f"{args.fake_workers} fake worker(s) × {args.concurrency} threads; coordinator exit {code}, "
              f"{len(ended)} of {args.sites} sites recorded in {seconds:.1f} s (start-up and final reports included)")
        rate = (len(ended) - 1) / (ended[-1] - ended[0])
        print(f"ingest: {rate:.1f} sites/s between the first and the last commit "
              f"({rate * statistics.mean(sizes) / 2**20:.1f} MB/s of packed results)")
        sites, cpu = steady
        print(f"coordinator CPU between them: {1000 * cpu / sites:.1f} ms a site "
              f"(→ {sites / cpu:.0f} sites/s with a core to itself)")


def _follow(coordinator: subprocess.Popen[bytes], out: Path, total: int, restart: RedisServer | None
            ) -> tuple[int, float]:
    """Wait for the coordinator's end; return (sites, its CPU seconds) between its first and last commit."""
    first: tuple[int, float] | None = None
    last = (0, 0.0)
    restarted = restart is None
    while coordinator.poll() is None:
        done, cpu = len(_ended_quietly(out)), cpu_seconds(coordinator.pid)
        if done and first is None:
            first = (done, cpu)
        if done > last[0]:
            last = (done, cpu)
        if not restarted and done >= total // 3:
            restart.stop()  # type: ignore[union-attr]
            time.sleep(3)
            restart.start()  # type: ignore[union-attr]
            restarted = True
        time.sleep(0.1)
    assert first is not None, "nothing recorded"
    return last[0] - first[0], last[1] - first[1]


def _ended_quietly(out: Path) -> list[float]:
    with contextlib.suppress(sqlite3.Error):
        return _ended(out)
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("ingest")
    cmd.add_argument("--sites", type=int, default=600)
    cmd.add_argument("--from", dest="source", type=Path, help="an output folder of an earlier audit")
    cmd.add_argument("--corpus", type=int, default=40, help="without --from: sites of the corpus audited first")
    cmd.add_argument("--fake-workers", type=int, default=2)
    cmd.add_argument("--concurrency", type=int, default=16)
    cmd.add_argument("--restart", action="store_true", help="stop Redis for 3 s once a third is recorded")
    cmd = sub.add_parser("workers")
    cmd.add_argument("--sites", type=int, default=120)
    cmd.add_argument("--concurrency", type=int, default=8)
    cmd = sub.add_parser("fake-worker")
    cmd.add_argument("broker")
    cmd.add_argument("results")
    cmd.add_argument("name")
    cmd.add_argument("concurrency", type=int)
    args = parser.parse_args()
    {"ingest": ingest, "workers": workers, "fake-worker": fake_worker}[args.command](args)


if __name__ == "__main__":
    main()
