"""The batch's outputs are views of its store: rebuilt from it at the end of a run and by ``auditor report``.

No browser here: a case officer rebuilds or re-languages reports on a machine with
none (``auditor report`` runs where Playwright is not installed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from auditor.batch.baseline import Baseline, read_baseline, stored_comparison
from auditor.batch.store import Store
from auditor.errors import StoreError, UsageError
from auditor.layout import EVIDENCE_DIR, REPORT_FILE, copy_site_files
from auditor.models import (
    NEW_GATE,
    BatchChanges,
    BatchReport,
    Lang,
    SiteChanges,
    SiteReport,
    SiteStatus,
    batch_header,
    gated_failures,
)
from auditor.outputs.changes import ChangeTally, Comparison
from auditor.outputs.html import RunState
from auditor.outputs.report_json import load_json
from auditor.outputs.write import Outputs, write_batch, write_outputs
from auditor.resources import templates_dir


def run_state(store: Store) -> RunState:
    totals = store.totals()
    runs = store.runs()
    return RunState(sites=totals.sites, done=totals.done, runs=len(runs),
                    killed=sum(1 for r in runs if r.state == "killed"),
                    interrupted=sum(1 for r in runs if r.state == "interrupted"))


def write_from_store(store: Store, out_dir: Path, templates: Path, lang: Lang | None = None,
                     site_pages: bool = False, fail_on: str | None = None,
                     baseline: Baseline | None = None) -> Outputs:
    """Rebuild report.json and every other output from the store: the store is the truth.

    An unfinished batch gives the sites done so far; the overview says that it is unfinished.
    A follow-up batch is compared with the baseline it keeps (or with `baseline`, for ``diff``).
    """
    settings = store.settings()
    if settings is None:
        raise StoreError(f"{store.path}: holds no audit")
    header = batch_header(settings.pack, settings.pack_version, settings.lang, store.started_at(),
                          store.finished_at(), settings.tool_version)
    comparison = (baseline.comparison(store.site_urls(), settings.rule_ids) if baseline is not None
                  else stored_comparison(store, settings.rule_ids))
    return write_outputs(header, store.reports(), out_dir, templates, lang or settings.lang, settings.rule_ids,
                         run=run_state(store), site_pages=site_pages, fail_on=fail_on, comparison=comparison)


def rebuild_reports(source: Path, out: Path | None = None, lang: Lang | None = None,
                    fail_on: str | None = None, baseline: Baseline | None = None) -> Outputs:
    """``auditor report``: every output again, from the folder's store when it has one (report.json is
    rebuilt from it, even for an unfinished audit), else from its report.json; into `out` if given.

    `source` is an output folder or a report.json file. `baseline` (``auditor diff``): compare with it.
    """
    folder = source if source.is_dir() else source.parent
    target = out or folder
    if Store.exists(folder):
        with Store.open(folder, exclusive=False) as store:  # readable while a run is going on
            if target.resolve() != folder.resolve():
                copy_sites(folder, target, (s.report_path for s in store.reports()))
            return write_from_store(store, target, templates_dir(), lang, site_pages=True, fail_on=fail_on,
                                    baseline=baseline)
    batch = load_json(source / REPORT_FILE if source.is_dir() else source)
    same = target.resolve() == folder.resolve()
    if not same:
        copy_sites(folder, target, (s.report_path for s in batch.sites))
    comparison = None if baseline is None else _batch_comparison(baseline, batch)
    return write_batch(batch, target, templates_dir(), lang or batch.lang, fail_on, json_out=not same,
                       comparison=comparison)


def _batch_comparison(baseline: Baseline, batch: BatchReport) -> Comparison:
    rule_ids = dict.fromkeys(r.rule_id for s in batch.sites for r in s.results)
    return baseline.comparison((s.input_url for s in batch.sites), rule_ids)


# --- auditor diff -------------------------------------------------------------------------


@dataclass
class Diff:
    """What ``auditor diff`` found: the batch's changes, the sites that changed, the gate's count."""

    changes: BatchChanges
    changed: list[tuple[str, str, SiteChanges]] = field(default_factory=list)  # input URL, name, changes
    gated: int = 0  # sites with a failure --fail-on counts
    not_assessed: int = 0  # sites NEW could not assess
    outputs: Outputs | None = None


def diff_reports(old: Path, new: Path, out: Path | None, lang: Lang | None = None,
                 fail_on: str | None = NEW_GATE) -> Diff:
    """``auditor diff OLD NEW [-o OUT]``: NEW's sites compared with OLD's, no browser; with `out`, every
    output written there too (report.json with `changes`, overview, site pages, notices, exports)."""
    for folder in (old, new):
        if out is not None and out.resolve() == (folder if folder.is_dir() else folder.parent).resolve():
            raise UsageError(f"-o {out}: write the comparison to a folder of its own, not into {folder}")
    baseline = read_baseline(old)
    if out is None:
        return _compare_only(baseline, new, fail_on)
    outputs = rebuild_reports(new, out, lang, fail_on, baseline)
    assert outputs.changes is not None  # written with a baseline
    overview = outputs.overview  # the summary from the pass that wrote the outputs: NEW is read once
    changed = [(e["u"], e["n"], e["changes"]) for e in sorted(overview.changed, key=lambda e: e["i"])]
    return Diff(changes=outputs.changes, changed=changed, gated=overview.failing(fail_on),
                not_assessed=overview.not_assessed, outputs=outputs)


def _compare_only(baseline: Baseline, new: Path, fail_on: str | None) -> Diff:
    """The comparison alone (what the summary prints and the exit code needs), without writing anything."""
    folder = new if new.is_dir() else new.parent
    if new.is_dir() and Store.exists(folder):
        with Store.open_read_only(folder) as store:
            settings = store.settings()
            comparison = baseline.comparison(store.site_urls(), settings.rule_ids if settings else [])
            return _tally(comparison, store.reports(), fail_on)
    batch = load_json(new / REPORT_FILE if new.is_dir() else new)
    return _tally(_batch_comparison(baseline, batch), batch.sites, fail_on)


def _tally(comparison: Comparison, sites: Iterable[SiteReport], fail_on: str | None) -> Diff:
    tally = ChangeTally()
    result = Diff(changes=tally.result(comparison.head.info, []))
    for site in sites:
        compared = comparison.attach(site)
        tally.add(compared)
        result.gated += 1 if gated_failures(compared, fail_on) else 0
        result.not_assessed += 0 if site.status == SiteStatus.AUDITED else 1
        if compared.changes is not None and compared.changes.headline != "unchanged":
            result.changed.append((site.input_url, site.name, compared.changes))
    result.changes = tally.result(comparison.head.info, comparison.absent())
    return result


def copy_sites(source: Path, target: Path, report_paths: Iterable[str | None]) -> None:
    """Bring each site's screenshots and evidence crops along when writing the reports elsewhere."""
    for report_path in report_paths:
        if not report_path:
            continue
        folder = Path(report_path).parent
        if (source / folder).is_dir():
            copy_site_files(source / folder, target / folder)
            if (source / folder / EVIDENCE_DIR).is_dir():
                copy_site_files(source / folder / EVIDENCE_DIR, target / folder / EVIDENCE_DIR)
