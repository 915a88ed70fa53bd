"""Judge one site: snapshot → findings → rule results → a :class:`SiteReport` with evidence crops.

Pure but for the crops it writes into the site's folder: the same snapshot and rules give
the same report, with or without a browser (``--from-snapshots``, the golden tests).
"""

from __future__ import annotations

import logging
from pathlib import Path

from auditor.errors import SnapshotError
from auditor.inputs.registry import with_shown_code
from auditor.inputs.sites import SiteInput
from auditor.judge.engine import evaluate
from auditor.judge.evidence import attach_crops
from auditor.judge.extract import PageCache, SiteFacts, extract
from auditor.judge.ruleset import Ruleset
from auditor.layout import copy_site_files, load_stored, site_report_path, stored_snapshots
from auditor.models import (
    BatchReport,
    BBox,
    Cited,
    PageRef,
    PageSnapshot,
    RegistryValues,
    RuleResult,
    SiteReport,
    SiteSnapshot,
    SiteStatus,
    StoredSite,
    batch_header,
    now_iso,
)
from auditor.options import JudgeOptions

log = logging.getLogger(__name__)


def page_refs(snap: SiteSnapshot) -> list[PageRef]:
    """Each page as report.json lists it: where it ended, how it answered, its evidence files."""
    return [PageRef(kind=p.kind, url=p.final_url, status=p.http_status if p.error is None else "error",
                    dom=p.dom, screenshots=[s.file for s in p.screenshots], requested_url=p.url,
                    redirects=p.redirects, error=p.error, fetched_at=p.fetched_at, incomplete=p.incomplete)
            for p in snap.pages]


def judge(stored: StoredSite, ruleset: Ruleset, site_dir: Path, options: JudgeOptions,
          cache: PageCache | None = None) -> SiteReport:
    """Snapshot → SiteReport. Pure but for writing evidence crops into `site_dir`.

    `cache`: what the early judging of the same visit (cited_by_rules) already read off its pages.
    """
    snap = stored.snapshot
    base = {"input_url": stored.url, "final_url": snap.final_url, "name": stored.name, "status": snap.status,
            "error": snap.error, "profiles": stored.profiles, "pages": page_refs(snap),
            "registry": stored.registry, "report_path": site_report_path(site_dir.name),
            "started_at": snap.started_at, "finished_at": snap.finished_at}
    if snap.status != SiteStatus.AUDITED:
        return SiteReport(**base)  # not assessed: no rule results, so nothing can read as a failure
    facts, registry, results = _rule_results(snap, stored.profiles, stored.registry, ruleset, options, cache)
    results = attach_crops(results, snap, site_dir)
    return SiteReport(**{**base, "registry": registry}, facts=facts.facts, results=results)


def _rule_results(snap: SiteSnapshot, profiles: list[str], registry: RegistryValues, ruleset: Ruleset,
                  options: JudgeOptions, cache: PageCache | None = None
                  ) -> tuple[SiteFacts, RegistryValues, list[RuleResult]]:
    facts = extract(snap, ruleset.vocabulary, options.today, cache)
    registry = with_shown_code(registry, facts.facts.credit_codes, options.registry)
    return facts, registry, evaluate(ruleset, facts, set(profiles), options.lang, registry)


def profiles_for(site: SiteInput, options: JudgeOptions) -> list[str]:
    return list(site.profiles or options.default_profiles)


def cited_by_rules(site: SiteInput, ruleset: Ruleset, options: JudgeOptions, cache: PageCache) -> Cited:
    """What the renderer should photograph on a page: the boxes the rules cite there, judging the pages so far.

    Rules are pure and cheap next to a picture (a few ms a page), so judging early costs
    little and lets the pictures be only those the evidence needs. Only the rules that read
    the page just rendered are asked (the others cannot cite a box on it), so each rule is
    judged about once a page it reads, not once for every page of the site. A box the final
    judgement cites but no early one did has no crop; its text and place still stand.
    """
    url, profiles, registry = site.url, profiles_for(site, options), site.registry
    reading: dict[str, Ruleset] = {}  # page kind → the rules that read it: only they can cite its boxes

    def cited(pages: list[PageSnapshot]) -> list[BBox]:
        snap = SiteSnapshot(input_url=url, final_url=pages[0].final_url, status=SiteStatus.AUDITED, pages=pages)
        kind = pages[-1].kind
        if kind not in reading:
            reading[kind] = ruleset.select([rule.id for rule in ruleset.rules if kind in rule.pages])
        try:
            _, _, results = _rule_results(snap, profiles, registry, reading[kind], options, cache)
        except Exception:  # our bug on a half-read site costs its pictures, never the site
            log.exception("judging %s while rendering it failed", url)
            return []
        page = pages[-1].final_url
        return [ev.bbox for result in results for ev in result.evidence if ev.bbox and ev.page_url == page]
    return cited


def judge_snapshots(snapshot_dir: Path, ruleset: Ruleset, out_dir: Path, options: JudgeOptions) -> BatchReport:
    """Judge the snapshots stored in an output folder again (e.g. after a rule change), without a browser.

    The site files (pictures, DOM copies) are copied to `out_dir` when it is another folder.
    """
    started = now_iso()
    paths = stored_snapshots(snapshot_dir)
    if not paths:
        raise SnapshotError(f"{snapshot_dir}: no sites/*/snapshot.json found")
    reports = []
    for path in paths:
        stored = load_stored(path)
        site_dir = out_dir / "sites" / path.parent.name
        if site_dir.resolve() != path.parent.resolve():
            copy_site_files(path.parent, site_dir)
        reports.append(judge(stored, ruleset, site_dir, options))
    header = batch_header(ruleset.pack.pack, ruleset.pack.version, options.lang, started, now_iso())
    return header.model_copy(update={"sites": reports})
