"""A follow-up audit's baseline: an earlier output folder read, kept in the follow-up's store, compared with.

``auditor audit … --baseline PREV`` and ``auditor diff OLD NEW`` read the earlier audit from
its store (``audit.sqlite``, opened read-only: the earlier folder is evidence and keeps every
byte) or, without one, from its ``report.json``. What the comparison needs of each site (a
small :class:`~auditor.outputs.changes.Prior`) is copied into the follow-up's store, so the
follow-up's reports can be rebuilt (``auditor report``, ``--resume``) when the earlier folder
has moved. The comparison itself is the outputs stage's (auditor/outputs/changes.py): this
module only reads and keeps, which needs the store, so it is the batch's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.batch.store import Store
from auditor.errors import UsageError
from auditor.layout import REPORT_FILE
from auditor.models import BaselineInfo, RulePackInfo, SiteReport, ToolInfo
from auditor.outputs.changes import BaselineHead, BaselineRule, Comparison, Prior, baseline_rules, prior_of
from auditor.outputs.report_json import load_json
from auditor.resources import TOOL_NAME


@dataclass(frozen=True)
class Baseline:
    head: BaselineHead
    priors: list[Prior]
    unfinished: int = 0  # sites of the earlier audit not done (an interrupted batch): absent from the baseline

    def comparison(self, current_urls: Iterable[str], rule_ids: Iterable[str]) -> Comparison:
        return Comparison(self.head, self.priors, current_urls, rule_ids)


def read_baseline(source: Path) -> Baseline:
    """The earlier audit in `source` (an output folder, or a report.json): its store when it has one."""
    folder = source if source.is_dir() else source.parent
    if source.is_dir() and Store.exists(folder):
        return _from_store(folder, str(source))
    report = source / REPORT_FILE if source.is_dir() else source
    if not report.is_file():
        raise UsageError(f"{source}: not an output folder of this tool (no audit.sqlite or {REPORT_FILE})")
    batch = load_json(report)
    priors, rules = _collect(batch.sites, folder)
    info = BaselineInfo(source=str(source), started_at=batch.started_at, finished_at=batch.finished_at,
                        tool=batch.tool, rules=batch.rules, sites=len(priors))
    return Baseline(BaselineHead(info=info, rules=rules, rule_ids=list(rules)), priors)


def _from_store(folder: Path, source: str) -> Baseline:
    with Store.open_read_only(folder) as store:
        settings = store.settings()
        if settings is None:
            raise UsageError(f"{folder}: its store holds no audit")
        priors, rules = _collect(store.reports(), folder)
        info = BaselineInfo(source=source, started_at=store.started_at(), finished_at=store.finished_at(),
                            tool=ToolInfo(name=TOOL_NAME, version=settings.tool_version),
                            rules=RulePackInfo(pack=settings.pack, version=settings.pack_version), sites=len(priors))
        head = BaselineHead(info=info, rules=rules, rule_ids=list(settings.rule_ids))
        return Baseline(head, priors, unfinished=store.totals().pending)


def _collect(sites: Iterable[SiteReport], folder: Path) -> tuple[list[Prior], dict[str, BaselineRule]]:
    """One pass over the earlier sites (a store streams them): their records, and the rules' titles."""
    kept: list[SiteReport] = []
    priors = []
    for site in sites:
        priors.append(prior_of(site, folder))
        if site.results and not kept:
            kept.append(site)  # every audited site has a result for every rule of the pack
    return priors, baseline_rules(kept)


def keep_baseline(store: Store, baseline: Baseline) -> None:
    store.set_baseline(baseline.head.model_dump_json(), (p.model_dump_json() for p in baseline.priors))


def stored_baseline(store: Store) -> Baseline | None:
    """The baseline this batch was started with, if any."""
    head = store.baseline_head()
    if head is None:
        return None
    return Baseline(BaselineHead.model_validate_json(head),
                    [Prior.model_validate_json(raw) for raw in store.baseline_priors()])


def stored_comparison(store: Store, rule_ids: Iterable[str]) -> Comparison | None:
    baseline = stored_baseline(store)
    return None if baseline is None else baseline.comparison(store.site_urls(), rule_ids)
