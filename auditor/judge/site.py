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
from auditor.judge.checks.base import (
    NOTHING_SHOWN,
    ImageParams,
    Verdict,
    footer_images,
    main_images,
    plausible_images,
)
from auditor.judge.engine import evaluate, run_rule
from auditor.judge.evidence import attach_crops
from auditor.judge.extract import PageCache, SiteFacts, extract
from auditor.judge.ruleset import Rule, Ruleset
from auditor.layout import copy_site_files, load_stored, site_report_path, stored_snapshots
from auditor.models import (
    BatchReport,
    BBox,
    Cited,
    ImagesWanted,
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


def _so_far(site: SiteInput, ruleset: Ruleset, options: JudgeOptions, cache: PageCache,
            pages: list[PageSnapshot]) -> tuple[SiteFacts, list[tuple[Rule, Verdict]]]:
    """The site as far as it is rendered, and the verdicts of the rules that read its last page.

    Judged once a page: the pictures to take (cited_by_rules) and those to read (images_to_read)
    ask the same verdicts of the same pages, as the final judgement words them (the registry
    record with the code the site shows). Only the rules that read the last page are asked:
    the others cannot cite a box on it nor want its pictures read.
    """
    def judged() -> tuple[SiteFacts, list[tuple[Rule, Verdict]]]:
        snap = SiteSnapshot(input_url=site.url, final_url=pages[0].final_url, status=SiteStatus.AUDITED, pages=pages)
        facts = extract(snap, ruleset.vocabulary, options.today, cache)
        shown = with_shown_code(site.registry, facts.facts.credit_codes, options.registry)
        profiles = set(profiles_for(site, options))
        return facts, _last_page_verdicts(ruleset, facts, profiles, shown)
    return cache.remember_pages(pages, "verdicts", judged)


def _last_page_verdicts(ruleset: Ruleset, facts: SiteFacts, profiles: set[str], registry: RegistryValues
                        ) -> list[tuple[Rule, Verdict]]:
    """The verdicts of the rules that read the site's last page."""
    kind = facts.snapshot.pages[-1].kind
    return [(rule, run_rule(rule, facts, profiles, registry, ruleset.pack.documents))
            for rule in ruleset.rules if kind in rule.pages]


def cited_by_rules(site: SiteInput, ruleset: Ruleset, options: JudgeOptions, cache: PageCache) -> Cited:
    """What the renderer should photograph on a page: the boxes the rules cite there, judging the pages so far.

    Rules are pure and cheap next to a picture (a few ms a page), so judging early costs
    little and lets the pictures be only those the evidence needs (see _so_far: each rule is
    judged about once a page it reads, not once for every page of the site). A box the final
    judgement cites but no early one did has no crop; its text and place still stand.
    """
    def cited(pages: list[PageSnapshot]) -> list[BBox]:
        try:
            _, verdicts = _so_far(site, ruleset, options, cache, pages)
        except Exception:  # our bug on a half-read site costs its pictures, never the site
            log.exception("judging %s while rendering it failed", site.url)
            return []
        page = pages[-1].final_url
        # The verdicts' evidence is all a picture needs: they are not worded into results here.
        return [ev.bbox for _, verdict in verdicts for ev in verdict.evidence if ev.bbox and ev.page_url == page]
    return cited


def images_to_read(site: SiteInput, ruleset: Ruleset, options: JudgeOptions, cache: PageCache) -> ImagesWanted:
    """Which pictures of a page the browser stage should read (OCR): those the rules would call "only in an image".

    Asked after every page, as `cited_by_rules` is, with the pages read so far, and answered
    from the same verdicts.
    """
    def wanted(pages: list[PageSnapshot]) -> list[int]:
        try:
            facts, verdicts = _so_far(site, ruleset, options, cache, pages)
            return _pictures_wanted(facts.snapshot.pages[-1], verdicts)
        except Exception:  # our bug on a half-read site costs its pictures' reading, never the site
            log.exception("choosing the pictures of %s to read failed", site.url)
            return []
    return wanted


def pictures_to_read(ruleset: Ruleset, facts: SiteFacts, profiles: set[str], registry: RegistryValues) -> list[int]:
    """The pictures of the last page (indices into its images) that a rule would call "only in an image".

    Each rule that reads this page and says `image_only` names them with its own notion of a
    plausible carrier (checks/base.py plausible_images: linked to the filing system, named
    by alt text, file name or the words beside it); on a licence page, its main pictures
    (a scan of each licence). A rule that finds its number nowhere (`missing`, `no_number`)
    has the pictures of the page's footer read (footer_images: an unlabelled strip). These
    come after the others, which the site's bounds then keep first. Nothing is read for a
    rule whose number is shown as text.
    """
    return _pictures_wanted(facts.snapshot.pages[-1], _last_page_verdicts(ruleset, facts, profiles, registry))


def _pictures_wanted(page: PageSnapshot, verdicts: list[tuple[Rule, Verdict]]) -> list[int]:
    picks: set[int] = set()
    footer: list[int] = []
    for rule, verdict in verdicts:
        params = rule.checked_params
        if verdict.code == "image_only":
            if isinstance(params, ImageParams):
                picks.update(plausible_images(page, params))
            if page.kind == "licence":
                picks.update(main_images(page))
        elif verdict.code in NOTHING_SHOWN and isinstance(params, ImageParams):
            footer.extend(i for i in footer_images(page, params) if i not in footer)
    return sorted(picks) + [i for i in footer if i not in picks]


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
