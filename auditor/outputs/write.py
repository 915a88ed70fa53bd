"""Every file a batch produces, written in one pass over its site reports.

``report.json``, ``results.csv``, ``junit.xml``, the per-site pages and notices,
``index.html`` and the manifests all come from the same stream of :class:`SiteReport`,
read one at a time from the store (a 10 000-site batch never sits in memory, see
auditor/batch/report.py) or taken from a :class:`BatchReport`. A follow-up audit's
:class:`~auditor.outputs.changes.Comparison` gives each site its `changes` on the way in,
before any file sees it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.layout import CSV_FILE, INDEX_FILE, JUNIT_FILE, REPORT_FILE, site_folder, write_atomic
from auditor.models import BatchChanges, BatchReport, Lang, SiteReport
from auditor.outputs.changes import ChangeTally, Comparison
from auditor.outputs.exports import CsvExport, JunitExport
from auditor.outputs.html import HtmlWriter, Overview, RunState
from auditor.outputs.manifest import ManifestWriter, page_evidence
from auditor.outputs.notice import NoticeWriter
from auditor.outputs.report_json import JsonStream
from auditor.resources import templates_dir


@dataclass(frozen=True)
class Outputs:
    report_json: Path
    index: Path
    csv: Path
    junit: Path
    overview: Overview
    changes: BatchChanges | None = None  # a follow-up's batch `changes` block


def write_outputs(header: BatchReport, sites: Iterable[SiteReport], out_dir: Path, templates: Path, lang: Lang,
                  rule_ids: list[str], run: RunState | None = None, site_pages: bool = True,
                  fail_on: str | None = None, json_out: bool = True,
                  comparison: Comparison | None = None) -> Outputs:
    """Write all outputs; `header` gives the batch fields (its `sites` are not used).

    `site_pages=False` skips the per-site pages when they were written as each site
    finished (live runs), which is most of the work for a large batch. `json_out=False`
    leaves an existing report.json as it is (re-rendering the HTML of a report.json).
    `comparison`: a follow-up audit's baseline; without one, changes the sites (and
    `header.changes`) already carry are kept, as when re-rendering a follow-up's report.json.
    """
    writer = HtmlWriter(templates, lang)
    stream = JsonStream(header, out_dir) if json_out else None
    baseline = comparison.head.info if comparison is not None else header.changes.baseline if header.changes else None
    followup = baseline is not None
    # Site pages and notices name the baseline (its date, pack) before the batch's counts are known.
    pages_header = header.model_copy(update={"changes": BatchChanges(baseline=baseline)}) if baseline else header
    csv_out = CsvExport(out_dir / CSV_FILE, rule_ids, changes=followup)
    junit = JunitExport(out_dir / JUNIT_FILE, lang, fail_on, suite_name=f"{header.tool.name} {header.rules.pack}")
    overview = Overview(rule_ids, fail_on)
    notices = NoticeWriter()
    manifests = ManifestWriter(header, out_dir)
    tally = ChangeTally()
    for site in sites:
        if comparison is not None:
            site = comparison.attach(site)
        tally.add(site)
        if stream is not None:
            stream.add(site)
        csv_out.add(site)
        junit.add(site)
        overview.add(site)
        if site_pages:
            writer.write_site(pages_header, site, out_dir)
        folder = site_folder(site, out_dir)
        if folder is not None:  # last for the site: its notice, then the hashes of its folder
            pages = page_evidence(site, folder)
            notices.write(pages_header, site, folder, pages)
            manifests.add(site, pages)
    changes = _batch_changes(header, tally, comparison)
    report_json = stream.close(changes) if stream is not None else out_dir / REPORT_FILE
    csv_path, junit_path = csv_out.close(), junit.close()
    index = out_dir / INDEX_FILE
    write_atomic(index, writer.index(header.model_copy(update={"changes": changes}), overview, run,
                                     downloads=[REPORT_FILE, CSV_FILE, JUNIT_FILE], out_dir=out_dir))
    manifests.close()  # last: seals report.json, the overview and the exports with the site manifests
    return Outputs(report_json=report_json, index=index, csv=csv_path, junit=junit_path, overview=overview,
                   changes=changes)


def _batch_changes(header: BatchReport, tally: ChangeTally, comparison: Comparison | None) -> BatchChanges | None:
    if comparison is not None:
        return tally.result(comparison.head.info, comparison.absent())
    if header.changes is not None:  # re-rendering a follow-up: its counts again, from its sites
        return tally.result(header.changes.baseline, header.changes.absent_sites)
    return None


def write_batch(batch: BatchReport, out_dir: Path, templates: Path, lang: Lang,
                fail_on: str | None = None, json_out: bool = True, comparison: Comparison | None = None) -> Outputs:
    """All outputs of an in-memory batch (a report.json without a store)."""
    rule_ids = list(dict.fromkeys(r.rule_id for s in batch.sites for r in s.results))
    return write_outputs(batch, batch.sites, out_dir, templates, lang, rule_ids, fail_on=fail_on, json_out=json_out,
                         comparison=comparison)


def write_reports(batch: BatchReport, out_dir: Path, lang: Lang | None = None, fail_on: str | None = None) -> Outputs:
    """Every output of a batch into `out_dir` with the bundled templates (the public call)."""
    return write_batch(batch, out_dir, templates_dir(), lang or batch.lang, fail_on)
