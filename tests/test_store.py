"""The batch store: one transaction per finished site, resumable after any kill, one run per folder."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.batch.store import Store
from auditor.errors import StoreError
from auditor.inputs.sites import SiteInput
from auditor.models import SiteReport, SiteStatus
from tests.conftest import TESTS

SETTINGS = {"rules_dir": None, "only": [], "rule_ids": ["icp-number-displayed"], "rules_digest": "x",
            "pack": "cn", "pack_version": "1", "default_profiles": ["site", "operator"], "lang": "zh",
            "tool_version": "test"}


def _settings():  # type: ignore[no-untyped-def]
    from auditor.batch.settings import BatchSettings

    return BatchSettings.model_validate(SETTINGS)


def _report(url: str, status: SiteStatus = SiteStatus.UNREACHABLE) -> SiteReport:
    return SiteReport(input_url=url, final_url=url, status=status, error="net::ERR_CONNECTION_REFUSED",
                      profiles=["site"], report_path=f"sites/{url[-1]}/report.html")


def _sites(n: int) -> list[SiteInput]:
    return [SiteInput(url=f"http://127.0.0.1:{9000 + i}/", name=f"站点{i}", line=i + 1) for i in range(n)]


def test_sites_are_queued_once_in_input_order(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.reset(_settings())
        assert store.add_sites(_sites(3)) == 3
        assert store.add_sites(_sites(4)) == 1  # the three known URLs are not queued again
        assert [s.url for s in store.pending_sites()] == [s.url for s in _sites(4)]
        assert store.pending_sites()[1].name == "站点1"


def test_a_finished_site_is_one_commit_and_reports_keep_input_order(tmp_path: Path) -> None:
    sites = _sites(3)
    with Store.open(tmp_path) as store:
        store.reset(_settings())
        store.add_sites(sites)
        run = store.begin_run("test", "", 2)
        for site in reversed(sites):  # finished out of order, as concurrent workers do
            store.start_site(site.url, run)
            store.finish_site(_report(site.url), run)
        store.end_run(run, "completed")
        assert [r.input_url for r in store.reports()] == [s.url for s in sites]
        totals = store.totals()
        assert (totals.sites, totals.done, totals.pending) == (3, 3, 0)
        assert totals.by_verdict["not_assessed"] == 3 and totals.by_status["unreachable"] == 3
        assert store.runs()[0].state == "completed" and store.runs()[0].sites_done == 3


def test_a_killed_run_requeues_its_sites_and_counts_the_attempt(tmp_path: Path) -> None:
    sites = _sites(2)
    store = Store.open(tmp_path)
    store.reset(_settings())
    store.add_sites(sites)
    run = store.begin_run("first", "", 2)
    store.start_site(sites[0].url, run)
    store.start_site(sites[1].url, run)
    store.finish_site(_report(sites[1].url), run)
    store.db.close()  # as if killed: no end_run, no release; the lock goes with the process
    store.close()
    with Store.open(tmp_path) as store:
        store.begin_run("resume", "", 2)
        assert [s.url for s in store.pending_sites()] == [sites[0].url]
        assert store.attempts(sites[0].url) == 1  # the interrupted render counts towards the limit
        assert [r.state for r in store.runs()] == ["killed", "running"]


def test_a_graceful_stop_does_not_count_the_attempt(tmp_path: Path) -> None:
    site = _sites(1)[0]
    with Store.open(tmp_path) as store:
        store.reset(_settings())
        store.add_sites([site])
        run = store.begin_run("run", "", 1)
        assert store.start_site(site.url, run) == 1
        store.release_site(site.url)
        assert store.attempts(site.url) == 0 and len(store.pending_sites()) == 1


def test_one_run_per_folder(tmp_path: Path) -> None:
    with Store.open(tmp_path):
        with pytest.raises(StoreError, match="another auditor run"):
            Store.open(tmp_path)
        with Store.open(tmp_path, exclusive=False) as reader:  # `auditor report` may read meanwhile
            assert reader.totals().sites == 0
    with Store.open(tmp_path):  # released with the first
        pass


def test_reset_starts_a_new_batch(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.reset(_settings())
        store.add_sites(_sites(2))
        store.reset(_settings().model_copy(update={"lang": "en"}))
        assert store.totals().sites == 0 and store.settings().lang == "en"  # type: ignore[union-attr]


def test_not_a_store_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "audit.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable audit store"):
        Store.open(tmp_path)


# A writer that finishes sites as fast as it can, the way the runner does: snapshot file
# written atomically, then the one commit. The test kills it with SIGKILL at random moments.
WRITER = """
import sys, json, os
sys.path.insert(0, {root!r})
from pathlib import Path
from auditor.batch.settings import BatchSettings
from auditor.batch.store import Store
from auditor.inputs.sites import SiteInput
from auditor.models import SiteReport
out = Path(sys.argv[1])
store = Store.open(out)
if store.settings() is None:
    store.reset(BatchSettings.model_validate(json.loads(sys.argv[2])))
    store.add_sites([SiteInput(url=f"http://127.0.0.1:{{9000 + i}}/") for i in range(int(sys.argv[3]))])
run = store.begin_run("writer", "", 1)
print("ready", flush=True)
for site in store.pending_sites():
    store.start_site(site.url, run)
    folder = out / "sites" / str(site.url.split(":")[2].strip("/"))
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "snapshot.json.tmp"
    tmp.write_text(json.dumps({{"url": site.url, "pad": "x" * 20000}}))
    tmp.replace(folder / "snapshot.json")
    store.finish_site(SiteReport(input_url=site.url, final_url=site.url, status="unreachable", error="e",
                                 profiles=["site"], report_path=f"sites/{{folder.name}}/report.html"), run)
store.end_run(run, "completed")
"""


def test_kill_9_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    """SIGKILL between any two statements: every committed site has its files; resuming finishes the rest."""
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(TESTS.parent)), encoding="utf-8")
    out, total = tmp_path / "out", 2000
    args = [sys.executable, str(script), str(out), json.dumps(SETTINGS), str(total)]
    for delay in (0.05, 0.13, 0.21, 0.08, 0.34):  # fixed "random" moments: the test repeats exactly
        child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        _check_consistent(out)
    subprocess.run(args, check=True, capture_output=True)
    with Store.open(out) as store:
        urls = [r.input_url for r in store.reports()]
        assert len(urls) == total == len(set(urls))
        assert store.totals().pending == 0


def _check_consistent(out: Path) -> None:
    db = sqlite3.connect(out / "audit.sqlite")
    rows = db.execute("SELECT url, report FROM sites WHERE state = 'done'").fetchall()
    db.close()
    for url, report in rows:
        site = SiteReport.model_validate_json(report)
        snapshot = out / Path(site.report_path or "").parent / "snapshot.json"
        assert json.loads(snapshot.read_text())["url"] == url  # files before the commit, whole


def test_the_registry_records_are_kept_for_a_resumed_run(tmp_path: Path) -> None:
    records = {"91110108MA01ABCD5T": {"registered_name": "北京禾木集市电子商务有限公司",
                                      "registered_domains": ["hemu-demo.cn"]}}
    with Store.open(tmp_path) as store:
        store.reset(_settings(), registry=records)
    with Store.open(tmp_path) as store:  # as `audit --resume` opens it, after the first run died
        assert store.registry() == records
        store.reset(_settings())  # a new batch forgets the old records
        assert store.registry() == {}
