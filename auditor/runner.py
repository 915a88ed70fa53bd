"""Run an audit: render each site once, store its snapshot, judge it, collect the reports.

Live runs use one browser with a bounded number of sites in flight; offline runs judge
stored snapshots with the same code path after the browser stage.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from playwright.async_api import async_playwright
from pydantic import BaseModel, ConfigDict, ValidationError

from auditor.browser import launch
from auditor.engine import evaluate
from auditor.errors import SnapshotError
from auditor.evidence import attach_crops
from auditor.extract import extract
from auditor.inputs import SiteInput
from auditor.models import BatchReport, Lang, PageRef, RulePackInfo, SiteReport, SiteSnapshot, SiteStatus, ToolInfo
from auditor.netguard import EgressProxy
from auditor.render import Limits, SiteRenderer, now_iso
from auditor.resources import version
from auditor.ruleset import DEFAULT_PROFILES, Ruleset

log = logging.getLogger(__name__)
SNAPSHOT_FILE = "snapshot.json"


class StoredSite(BaseModel):
    """What a run keeps per site so it can be judged again without a browser."""

    model_config = ConfigDict(extra="forbid")
    url: str
    name: str = ""
    profiles: list[str]
    registry: dict[str, str | list[str]] = {}
    snapshot: SiteSnapshot


@dataclass
class RunOptions:
    out_dir: Path
    lang: Lang = "zh"
    default_profiles: tuple[str, ...] = DEFAULT_PROFILES
    concurrency: int = 2
    limits: Limits = field(default_factory=Limits)
    browser_path: str | None = None
    today: date = field(default_factory=date.today)


SiteDone = Callable[[SiteReport], None]


def site_slug(url: str) -> str:
    """A folder name that is readable and unique per URL: host, port and a short hash."""
    host = re.sub(r"[^a-z0-9.-]+", "-", url.split("://", 1)[-1].split("/", 1)[0].lower()).strip("-.")
    return f"{host[:60]}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def profiles_for(site: SiteInput, options: RunOptions) -> list[str]:
    return list(site.profiles or options.default_profiles)


def judge(stored: StoredSite, ruleset: Ruleset, site_dir: Path, options: RunOptions) -> SiteReport:
    """Snapshot → SiteReport. Pure but for writing evidence crops into `site_dir`."""
    snap = stored.snapshot
    pages = [PageRef(kind=p.kind, url=p.final_url, status=p.http_status if p.error is None else "error")
             for p in snap.pages]
    base = {"input_url": stored.url, "final_url": snap.final_url, "name": stored.name, "status": snap.status,
            "error": snap.error, "profiles": stored.profiles, "pages": pages,
            "registry": stored.registry, "report_path": f"sites/{site_dir.name}/report.html",
            "started_at": snap.started_at, "finished_at": snap.finished_at}
    if snap.status != SiteStatus.AUDITED:
        return SiteReport(**base)  # not assessed: no rule results, so nothing can read as a failure
    facts = extract(snap, ruleset.vocabulary, options.today)
    results = evaluate(ruleset, facts, set(stored.profiles), options.today, options.lang, stored.registry)
    results = attach_crops(results, snap, site_dir)
    return SiteReport(**base, facts=facts.facts, results=results)


def save_stored(stored: StoredSite, site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    tmp = site_dir / (SNAPSHOT_FILE + ".tmp")
    tmp.write_text(stored.model_dump_json(indent=1), encoding="utf-8")
    tmp.replace(site_dir / SNAPSHOT_FILE)  # atomic: a killed run never leaves half a snapshot


def load_stored(path: Path) -> StoredSite:
    try:
        return StoredSite.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise SnapshotError(f"{path}: not a snapshot written by this tool: {str(exc).splitlines()[0]}") from exc


def batch_report(ruleset: Ruleset, sites: list[SiteReport], started: str, lang: Lang) -> BatchReport:
    return BatchReport(tool=ToolInfo(name="disclosure-auditor", version=version()),
                       rules=RulePackInfo(pack=ruleset.pack.pack, version=ruleset.pack.version),
                       lang=lang, started_at=started, finished_at=now_iso(), sites=sites)


async def _audit_one(renderer: SiteRenderer, site: SiteInput, ruleset: Ruleset, options: RunOptions) -> SiteReport:
    profiles = profiles_for(site, options)
    site_dir = options.out_dir / "sites" / (site.slug or site_slug(site.url))
    kinds = ruleset.page_kinds(set(profiles))
    try:
        snapshot = await renderer.render_site(site.url, site_dir, kinds)
    except Exception as exc:
        log.exception("rendering %s failed", site.url)
        snapshot = SiteSnapshot(input_url=site.url, final_url=site.url, status=SiteStatus.ERROR,
                                error=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300],
                                started_at=now_iso(), finished_at=now_iso())
    stored = StoredSite(url=site.url, name=site.name, profiles=profiles, registry=site.registry, snapshot=snapshot)
    save_stored(stored, site_dir)
    return judge(stored, ruleset, site_dir, options)


async def audit_sites(sites: list[SiteInput], ruleset: Ruleset, options: RunOptions,
                      on_done: SiteDone | None = None) -> BatchReport:
    started = now_iso()
    # Every connection of the browser goes through the egress guard unless private addresses are allowed.
    proxy = None if options.limits.allow_private else await EgressProxy().start()
    async with async_playwright() as pw:
        browser, choice = await launch(pw, options.browser_path, proxy=proxy.address if proxy else None)
        log.info("browser: %s (%s)", choice.path or "playwright", choice.source)
        renderer = SiteRenderer(browser, ruleset.vocabulary, options.limits, proxy)
        gate = asyncio.Semaphore(max(1, options.concurrency))

        async def run(site: SiteInput) -> SiteReport:
            async with gate:
                report = await _audit_one(renderer, site, ruleset, options)
            if on_done:
                on_done(report)
            return report

        try:
            reports = list(await asyncio.gather(*(run(site) for site in sites)))
        finally:
            await browser.close()
            if proxy is not None:
                await proxy.close()
    return batch_report(ruleset, reports, started, options.lang)


def audit_snapshots(snapshot_dir: Path, ruleset: Ruleset, options: RunOptions) -> BatchReport:
    """Judge stored snapshots again (e.g. after a rule change) without a browser."""
    started = now_iso()
    paths = sorted(snapshot_dir.glob(f"sites/*/{SNAPSHOT_FILE}")) or sorted(snapshot_dir.glob(f"*/{SNAPSHOT_FILE}"))
    if not paths:
        raise SnapshotError(f"{snapshot_dir}: no sites/*/{SNAPSHOT_FILE} found")
    reports = []
    for path in paths:
        stored = load_stored(path)
        site_dir = options.out_dir / "sites" / path.parent.name
        if site_dir.resolve() != path.parent.resolve():
            copy_site_files(path.parent, site_dir)
        reports.append(judge(stored, ruleset, site_dir, options))
    return batch_report(ruleset, reports, started, options.lang)


def copy_site_files(source: Path, target: Path) -> None:
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_file():
            shutil.copy2(item, target / item.name)
