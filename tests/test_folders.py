"""Every site of a batch has a folder of its own, by construction; old batches keep theirs (issue 13).

Folders were host + 32 bits of a hash: two URLs of one host whose hashes agree shared one
folder, and the second site's files overwrote the first's. Now the store names each folder
when the site is queued (host and position, unique) and keeps the name in the site's row.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
from itertools import count
from pathlib import Path

from auditor.batch.runner import _Batch
from auditor.batch.settings import batch_settings
from auditor.batch.store import Store
from auditor.browse.pool import RenderResult
from auditor.inputs.sites import SiteInput
from auditor.judge.ruleset import Ruleset
from auditor.layout import SNAPSHOT_FILE, load_stored, site_slug
from auditor.models import PageSnapshot, SiteSnapshot, SiteStatus, TextBlock, batch_header, now_iso
from auditor.options import Limits, RunOptions
from tests.conftest import TODAY


def colliding_urls() -> tuple[str, str]:
    """Two URLs of one host whose folder names under the old scheme are the same."""
    seen: dict[str, str] = {}
    for i in count():
        url = f"https://shop.example.cn/item/{i}"
        key = hashlib.sha256(url.encode()).hexdigest()[:8]
        if key in seen:
            return seen[key], url
        seen[key] = url
    raise AssertionError("unreachable")


class _Pool:
    """A browser stand-in: every site renders as one page showing its own URL."""

    async def render(self, url: str, site_dir: Path, *args: object) -> RenderResult:
        block = TextBlock(text=f"本页：{url}", bbox=(0, 0, 100, 20), region="main", centered=False)
        page = PageSnapshot(kind="home", url=url, final_url=url, blocks=[block], fetched_at=now_iso())
        return RenderResult(SiteSnapshot(input_url=url, final_url=url, status=SiteStatus.AUDITED, pages=[page]))


def test_two_sites_whose_old_folder_names_collide_keep_their_own_files(ruleset: Ruleset, tmp_path: Path) -> None:
    first, second = colliding_urls()
    assert site_slug(first) == site_slug(second)
    options = RunOptions(out_dir=tmp_path, today=TODAY, limits=Limits(screenshots=False))
    with Store.open(tmp_path) as store:
        store.reset(batch_settings(ruleset, options, []))
        store.add_sites([SiteInput(url=first), SiteInput(url=second)])
        run = store.begin_run("test", "", 1)
        batch = _Batch(store, ruleset, options, _Pool(), run, None,  # type: ignore[arg-type]
                       batch_header("cn", "1", "zh", now_iso(), now_iso()))
        for site in store.pending_sites():
            asyncio.run(batch.audit(site))
        reports = list(store.reports())
    folders = [(tmp_path / (r.report_path or "")).parent for r in reports]
    assert folders[0] != folders[1]
    for report, folder in zip(reports, folders, strict=True):
        assert load_stored(folder / SNAPSHOT_FILE).url == report.input_url
        assert folder.name.startswith("shop.example.cn_")  # still readable: the host first


# The store as the auditor before issue 13 created it (schema 1): no folder column.
SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,
    state TEXT NOT NULL, pid INTEGER, command TEXT NOT NULL DEFAULT '', browser TEXT NOT NULL DEFAULT '',
    concurrency INTEGER NOT NULL DEFAULT 0, sites_done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sites (position INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, input TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued', attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, run_id INTEGER,
    status TEXT, verdict TEXT, worst TEXT, fails INTEGER, reviews INTEGER, report TEXT, finished_at TEXT);
INSERT INTO meta VALUES ('schema', '1');
"""


def test_a_batch_begun_by_the_old_auditor_resumes_into_its_own_folders(tmp_path: Path) -> None:
    done, running, queued = (f"http://127.0.0.1:{9000 + i}/" for i in range(3))
    first, second = colliding_urls()  # queued, both: the old names collide, one keeps it
    db = sqlite3.connect(tmp_path / "audit.sqlite")
    db.executescript(SCHEMA_1)
    report = {"input_url": done, "final_url": done, "status": "unreachable", "profiles": ["site"],
              "report_path": f"sites/{site_slug(done)}/report.html"}
    rows = [(1, done, "done", json.dumps(report)), (2, running, "running", None), (3, queued, "queued", None),
            (4, first, "queued", None), (5, second, "queued", None)]
    for position, url, state, raw in rows:
        db.execute("INSERT INTO sites (position, url, input, state, report) VALUES (?, ?, ?, ?, ?)",
                   (position, url, json.dumps({"url": url}), state, raw))
    db.commit()
    db.close()
    with Store.open(tmp_path) as store:  # opened by this auditor: schema 2
        pending = {site.url: site.slug for site in store.pending_sites()}
        assert [r.report_path for r in store.reports()] == [report["report_path"]]
    assert pending[running] == site_slug(running)  # where the killed run left its files
    assert pending[queued] == site_slug(queued)
    assert pending[first] == site_slug(first) and pending[second] != pending[first]
    with sqlite3.connect(tmp_path / "audit.sqlite") as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("2",)
    with Store.open(tmp_path) as store:  # and again: nothing changes
        assert {site.url: site.slug for site in store.pending_sites()} == pending
