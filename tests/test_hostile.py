"""Hostile sites: nothing hangs the batch, nothing leaks into reports, nothing reaches inside."""

from __future__ import annotations

import asyncio
import ipaddress
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.async_api import async_playwright

from auditor.batch.runner import audit_sites
from auditor.browse import netguard
from auditor.browse.browser import launch
from auditor.inputs.sites import SiteInput
from auditor.judge.ruleset import Ruleset
from auditor.models import BatchReport, SiteReport, SiteStatus
from auditor.options import Limits, RunOptions
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from tests import hostile_server
from tests.conftest import TODAY

pytestmark = [pytest.mark.browser, pytest.mark.every_browser]
# Generous page limit: the 50 MB page must arrive whole even on a busy 2-core machine.
LIMITS = Limits(page_timeout_s=12, site_timeout_s=45, settle_max_ms=2000, allow_private=True, loopback_only=True)


def _audit(sites: list[SiteInput], ruleset: Ruleset, out: Path, limits: Limits = LIMITS) -> BatchReport:
    options = RunOptions(out_dir=out, today=TODAY, limits=limits, concurrency=3)
    return asyncio.run(audit_sites(sites, ruleset, options))


@pytest.fixture(scope="module")
def hostile(need_browser: None, ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[dict[str, SiteReport], Path]:
    out = tmp_path_factory.mktemp("hostile")
    with hostile_server.serve() as (base, _), hostile_server.serve(tls_dir=out) as (tls_base, _):
        sites = [SiteInput(url=f"{base}{path}", name=path, slug=path.strip("/")) for path in hostile_server.ROUTES]
        sites.append(SiteInput(url=f"{tls_base}/ok", name="tls", slug="tls"))
        batch = _audit(sites, ruleset, out)
    write_batch(batch, out, templates_dir(), "zh")
    return {s.name: s for s in batch.sites}, out


def test_every_site_is_accounted_for(hostile: tuple[dict[str, SiteReport], Path]) -> None:
    reports, _ = hostile
    assert set(reports) == {*hostile_server.ROUTES, "tls"}
    for name, report in reports.items():
        assert report.status in SiteStatus, name
        if report.status != SiteStatus.AUDITED:
            assert report.error, f"{name}: a site that was not audited must say why"
            assert report.results == [], f"{name}: not assessed must never read as non-compliant"


@pytest.mark.parametrize(("name", "status", "reason"), [
    ("/never-responds", SiteStatus.UNREACHABLE, "timeout"),
    ("/redirect-loop", SiteStatus.UNREACHABLE, "ERR_TOO_MANY_REDIRECTS"),
    ("/download", SiteStatus.ERROR, "file download"),
    ("/basic-auth", SiteStatus.BLOCKED, "HTTP 401"),
    ("tls", SiteStatus.UNREACHABLE, "ERR_CERT"),
])
def test_sites_that_cannot_be_audited_say_why(hostile: tuple[dict[str, SiteReport], Path], name: str,
                                              status: SiteStatus, reason: str) -> None:
    report = hostile[0][name]
    assert report.status == status, (report.status, report.error)
    assert reason in (report.error or ""), report.error


@pytest.mark.parametrize("name", ["/ok", "/never-finishes", "/dialogs", "/popups", "/mutates-forever",
                                  "/navigates-away", "/huge"])
def test_sites_that_misbehave_but_render_are_audited(hostile: tuple[dict[str, SiteReport], Path],
                                                     name: str) -> None:
    report = hostile[0][name]
    assert report.status == SiteStatus.AUDITED, report.error
    assert report.facts.icp_filing_numbers == ["京ICP备12345678号-1"], name


def test_navigation_away_is_recorded(hostile: tuple[dict[str, SiteReport], Path]) -> None:
    report = hostile[0]["/navigates-away"]
    assert report.final_url.endswith("/ok?from=navigates-away")


@pytest.mark.parametrize("name", ["/memory-eater", "/refresh-loop"])
def test_pages_that_crash_or_loop_end_with_a_reason(hostile: tuple[dict[str, SiteReport], Path], name: str) -> None:
    report = hostile[0][name]
    # Either outcome is honest: the page could be read between reloads, or it could not and we say so.
    if report.status != SiteStatus.AUDITED:
        assert report.error and report.results == []


def test_hostile_text_stays_text(hostile: tuple[dict[str, SiteReport], Path]) -> None:
    reports, out = hostile
    xss = reports["/xss"]
    assert xss.status == SiteStatus.AUDITED
    assert any("<script>window.__pwned=1</script>" in e.text for r in xss.results for e in r.evidence)
    html = (out / (xss.report_path or "")).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(attrs={"onerror": True})
    assert all(s.string == (templates_dir() / "report.js").read_text(encoding="utf-8") for s in soup("script"))
    assert not [a for a in soup.find_all(href=True) if str(a["href"]).lower().startswith(("javascript:", "data:"))]
    assert "<script>window.__pwned=1</script>" in soup.get_text()


def test_hostile_report_runs_no_script_in_chromium(hostile: tuple[dict[str, SiteReport], Path]) -> None:
    reports, out = hostile

    async def open_report() -> object:
        async with async_playwright() as pw:
            browser, _ = await launch(pw)
            page = await browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: dialogs.append(d.message))
            await page.goto((out / (reports["/xss"].report_path or "")).as_uri())
            for link in await page.query_selector_all("a"):
                href = await link.get_attribute("href") or ""
                assert not href.lower().startswith(("javascript:", "data:"))
            await page.wait_for_timeout(300)
            pwned = await page.evaluate("() => window.__pwned === undefined ? null : window.__pwned")
            await browser.close()
            return pwned, dialogs

    assert asyncio.run(open_report()) == (None, [])


def test_private_addresses_refused_as_site_redirect_and_subresource(
        need_browser: None, ruleset: Ruleset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 plays a public site; 127.0.0.2 plays the inside network (metadata service, LAN)."""
    real = netguard.is_public_ip
    monkeypatch.setattr(netguard, "is_public_ip",
                        lambda ip: ip == ipaddress.ip_address("127.0.0.1") or real(ip))
    with hostile_server.serve("127.0.0.2") as (inside, inside_hits):
        routes = {
            "/subresource": hostile_server._ok(f'<img src="{inside}/secret.png"><iframe src="{inside}/admin">'
                                               f'</iframe>' + hostile_server.FOOTER),
            "/redirect-inside": lambda h: h.send(302, b"", {"Location": f"{inside}/latest/meta-data/"}),
        }
        with hostile_server.serve(routes=routes) as (outside, _):
            sites = [SiteInput(url=f"{outside}/subresource", name="sub", slug="sub"),
                     SiteInput(url=f"{outside}/redirect-inside", name="redirect", slug="redirect"),
                     SiteInput(url=f"{inside}/", name="inside", slug="inside")]
            batch = _audit(sites, ruleset, tmp_path, Limits(page_timeout_s=5, site_timeout_s=20))
    reports = {s.name: s for s in batch.sites}
    assert inside_hits == [], "a request reached the inside address"
    assert reports["sub"].status == SiteStatus.AUDITED  # the page itself is fine; its inside requests were dropped
    for name in ("redirect", "inside"):
        assert reports[name].status == SiteStatus.UNREACHABLE
        assert "127.0.0.2" in (reports[name].error or "") and "--allow-private" in (reports[name].error or "")
