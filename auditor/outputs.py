"""Every file a batch produces, written in one pass over its site reports.

``report.json``, ``results.csv``, ``junit.xml``, the per-site pages and ``index.html`` all
come from the same stream of :class:`SiteReport` — read one at a time from the store (a
10 000-site batch never sits in memory) or taken from a :class:`BatchReport`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.exports import CSV_FILE, JUNIT_FILE, CsvExport, JunitExport
from auditor.manifest import ManifestWriter
from auditor.models import BatchReport, Lang, RulePackInfo, SiteReport, ToolInfo
from auditor.report import (
    INDEX_FILE,
    REPORT_FILE,
    TOOL_NAME,
    HtmlWriter,
    JsonStream,
    Overview,
    RunState,
    write_atomic,
)
from auditor.store import Store, StoreError


@dataclass(frozen=True)
class Outputs:
    report_json: Path
    index: Path
    csv: Path
    junit: Path
    overview: Overview


def write_outputs(header: BatchReport, sites: Iterable[SiteReport], out_dir: Path, templates: Path, lang: Lang,
                  rule_ids: list[str], run: RunState | None = None, site_pages: bool = True,
                  fail_on: str | None = None, json_out: bool = True) -> Outputs:
    """Write all outputs; `header` gives the batch fields (its `sites` are not used).

    `site_pages=False` skips the per-site pages when they were written as each site
    finished (live runs), which is most of the work for a large batch. `json_out=False`
    leaves an existing report.json as it is (re-rendering the HTML of a report.json).
    """
    writer = HtmlWriter(templates, lang)
    stream = JsonStream(header, out_dir) if json_out else None
    csv_out = CsvExport(out_dir / CSV_FILE, rule_ids)
    junit = JunitExport(out_dir / JUNIT_FILE, lang, fail_on, suite_name=f"{header.tool.name} {header.rules.pack}")
    overview = Overview(rule_ids)
    manifests = ManifestWriter(header, out_dir)
    for site in sites:
        if stream is not None:
            stream.add(site)
        csv_out.add(site)
        junit.add(site)
        overview.add(site)
        if site_pages:
            writer.write_site(header, site, out_dir)
        manifests.add(site)  # after the site's page: its notice, then the hashes of its folder
    report_json = stream.close() if stream is not None else out_dir / REPORT_FILE
    csv_path, junit_path = csv_out.close(), junit.close()
    index = out_dir / INDEX_FILE
    write_atomic(index, writer.index(header, overview, run, downloads=[REPORT_FILE, CSV_FILE, JUNIT_FILE]))
    manifests.close()  # last: seals report.json, the overview and the exports with the site manifests
    return Outputs(report_json=report_json, index=index, csv=csv_path, junit=junit_path, overview=overview)


def write_batch(batch: BatchReport, out_dir: Path, templates: Path, lang: Lang,
                fail_on: str | None = None, json_out: bool = True) -> Outputs:
    """All outputs of an in-memory batch (a report.json without a store)."""
    rule_ids = list(dict.fromkeys(r.rule_id for s in batch.sites for r in s.results))
    return write_outputs(batch, batch.sites, out_dir, templates, lang, rule_ids, fail_on=fail_on, json_out=json_out)


def run_state(store: Store) -> RunState:
    totals = store.totals()
    runs = store.runs()
    return RunState(sites=totals.sites, done=totals.done, runs=len(runs),
                    killed=sum(1 for r in runs if r.state == "killed"),
                    interrupted=sum(1 for r in runs if r.state == "interrupted"))


def write_from_store(store: Store, out_dir: Path, templates: Path, lang: Lang | None = None,
                     site_pages: bool = False, fail_on: str | None = None) -> Outputs:
    """Rebuild report.json and every other output from the store: the store is the truth.

    An unfinished batch gives the sites done so far; the overview says that it is unfinished.
    """
    settings = store.settings()
    if settings is None:
        raise StoreError(f"{store.path}: holds no audit")
    header = BatchReport(tool=ToolInfo(name=TOOL_NAME, version=settings.tool_version),
                         rules=RulePackInfo(pack=settings.pack, version=settings.pack_version),
                         lang=settings.lang, started_at=store.started_at(), finished_at=store.finished_at(), sites=[])
    return write_outputs(header, store.reports(), out_dir, templates, lang or settings.lang, settings.rule_ids,
                         run=run_state(store), site_pages=site_pages, fail_on=fail_on)
