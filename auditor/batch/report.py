"""The batch's outputs are views of its store: rebuilt from it at the end of a run and by ``auditor report``.

No browser here: a case officer rebuilds or re-languages reports on a machine with
none (``auditor report`` runs where Playwright is not installed).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from auditor.batch.store import Store
from auditor.errors import StoreError
from auditor.layout import EVIDENCE_DIR, REPORT_FILE, copy_site_files
from auditor.models import Lang, batch_header
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
                     site_pages: bool = False, fail_on: str | None = None) -> Outputs:
    """Rebuild report.json and every other output from the store: the store is the truth.

    An unfinished batch gives the sites done so far; the overview says that it is unfinished.
    """
    settings = store.settings()
    if settings is None:
        raise StoreError(f"{store.path}: holds no audit")
    header = batch_header(settings.pack, settings.pack_version, settings.lang, store.started_at(),
                          store.finished_at(), settings.tool_version)
    return write_outputs(header, store.reports(), out_dir, templates, lang or settings.lang, settings.rule_ids,
                         run=run_state(store), site_pages=site_pages, fail_on=fail_on)


def rebuild_reports(source: Path, out: Path | None = None, lang: Lang | None = None,
                    fail_on: str | None = None) -> Outputs:
    """``auditor report``: every output again, from the folder's store when it has one (report.json is
    rebuilt from it, even for an unfinished audit), else from its report.json; into `out` if given.

    `source` is an output folder or a report.json file.
    """
    folder = source if source.is_dir() else source.parent
    target = out or folder
    if Store.exists(folder):
        with Store.open(folder, exclusive=False) as store:  # readable while a run is going on
            if target.resolve() != folder.resolve():
                copy_sites(folder, target, (s.report_path for s in store.reports()))
            return write_from_store(store, target, templates_dir(), lang, site_pages=True, fail_on=fail_on)
    batch = load_json(source / REPORT_FILE if source.is_dir() else source)
    same = target.resolve() == folder.resolve()
    if not same:
        copy_sites(folder, target, (s.report_path for s in batch.sites))
    return write_batch(batch, target, templates_dir(), lang or batch.lang, fail_on, json_out=not same)


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
