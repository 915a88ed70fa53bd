"""Hostile sites: nothing hangs the batch, nothing leaks into reports, nothing reaches inside."""

from __future__ import annotations

import asyncio
import contextlib
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
from auditor.layout import load_stored
from auditor.models import BatchReport, Outcome, SiteReport, SiteStatus
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
    assert report.facts.icp_filing_numbers == ["京ICP备12345678号-1"], (name, [p.incomplete for p in report.pages])


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


# --- DOM copies: opened from disk, they run nothing and fetch nothing (issue 13) -----------

# What a browser made of the copy: anything left that could run, load or navigate.
LIVE_PARTS_JS = """() => {
  const all = Array.from(document.querySelectorAll('*'));
  const templates = Array.from(document.querySelectorAll('template'))
    .flatMap(t => Array.from(t.content.querySelectorAll('*')));
  const found = [];
  for (const el of all.concat(templates)) {
    const tag = el.localName.toLowerCase();
    if (['script', 'base', 'link', 'object', 'embed', 'set', 'animate'].includes(tag)) found.push(tag);
    if (tag === 'meta' && el.hasAttribute('http-equiv') && el !== document.head.children[1]) {
      found.push('meta http-equiv');
    }
    for (const a of Array.from(el.attributes)) {
      const value = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (a.name.toLowerCase().startsWith('on')) found.push(tag + ' ' + a.name);
      if (a.name === 'srcdoc') found.push(tag + ' srcdoc');
      if (/^(javascript|vbscript):/.test(value)) found.push(tag + ' ' + a.name + '=' + value.slice(0, 20));
      const fetches = ['src', 'srcset', 'poster', 'data', 'background'].includes(a.name)
        || (['href', 'xlink:href'].includes(a.name) && !['a', 'area'].includes(tag));
      if (fetches) found.push(tag + ' ' + a.name);
    }
  }
  const head = document.head.children;
  const csp = head[1] && head[1].getAttribute('http-equiv') === 'Content-Security-Policy' ? head[1].content : null;
  return {found, csp, first: head[0] ? head[0].outerHTML : null};
}"""


@pytest.mark.parametrize("name", sorted(hostile_server.DOM_SHAPES))
def test_a_saved_dom_copy_runs_nothing_and_fetches_nothing(hostile: tuple[dict[str, SiteReport], Path],
                                                           name: str) -> None:
    reports, out = hostile
    report = reports[name]
    assert report.status == SiteStatus.AUDITED, report.error
    folder = (out / (report.report_path or "")).parent
    copy = folder / (report.pages[0].dom or "missing")
    assert copy.is_file(), "the page's DOM copy was not saved"
    assert copy.read_bytes().startswith(b'<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="Content-Security')

    async def open_copy() -> tuple[dict[str, object], list[str], list[str], object, str]:
        async with async_playwright() as pw:
            browser, _ = await launch(pw)
            page = await browser.new_page()
            requests: list[str] = []
            dialogs: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), asyncio.ensure_future(d.dismiss())))
            await page.goto(copy.as_uri())
            await page.wait_for_timeout(1500)
            live = await page.evaluate(LIVE_PARTS_JS)
            pwned = await page.evaluate("() => window.__pwned === undefined ? null : window.__pwned")
            url = page.url
            await browser.close()
            return live, requests, dialogs, pwned, url

    live, requests, dialogs, pwned, url = asyncio.run(open_copy())
    assert live["found"] == [], live["found"]
    assert live["first"] == '<meta charset="utf-8">' and "default-src 'none'" in str(live["csp"])
    assert [r for r in requests if r != copy.as_uri()] == []
    assert (dialogs, pwned, url) == ([], None, copy.as_uri())


def test_the_dom_copy_keeps_what_the_page_showed(hostile: tuple[dict[str, SiteReport], Path]) -> None:
    reports, out = hostile
    report = reports["/dom-body-shapes"]
    text = ((out / (report.report_path or "")).parent / (report.pages[0].dom or "")).read_text(encoding="utf-8")
    assert "京ICP备12345678号-1" in text and "body shapes" in text and 'data-auditor-src="/beacon/img"' in text


def test_a_page_that_redefines_what_reading_calls_is_read_as_shown(hostile: tuple[dict[str, SiteReport], Path]
                                                                   ) -> None:
    """/dom-made-shapes redefines String.prototype.replace, JSON.stringify, getBoundingClientRect and
    innerText in its own world: the page is read in another (devtools.evaluate_isolated), as shown."""
    reports, out = hostile
    report = reports["/dom-made-shapes"]
    assert report.status == SiteStatus.AUDITED, report.error
    assert report.facts.icp_filing_numbers == ["京ICP备12345678号-1"]
    page = load_stored((out / (report.report_path or "")).parent / "snapshot.json").snapshot.pages[0]
    footer = next(block for block in page.blocks if "京ICP备12345678号-1" in block.text)
    assert footer.region == "footer" and footer.bbox[2] > 0 and footer.bbox[3] > 0
    assert not any("__pwned=29" in block.text or "99999999" in block.text for block in page.blocks)


# --- pages that could be assessed are assessed (issue 13) --------------------------------------


@pytest.mark.parametrize("name", sorted(hostile_server.ASSESSABLE))
def test_a_page_that_could_be_assessed_is_not_an_error(hostile: tuple[dict[str, SiteReport], Path],
                                                        name: str) -> None:
    report = hostile[0][name]
    if name == "/headers-then-stall":  # no page ever came: the site could not be reached, and says so
        assert (report.status, report.results) == (SiteStatus.UNREACHABLE, [])
        assert "no page arrived" in (report.error or "")
        return
    assert report.status == SiteStatus.AUDITED, report.error
    assert report.facts.icp_filing_numbers == ["京ICP备12345678号-1"]


def test_lone_surrogates_become_replacement_characters(hostile: tuple[dict[str, SiteReport], Path]) -> None:
    reports, out = hostile
    snapshot = load_stored((out / (reports["/lone-surrogate-title"].report_path or "")).parent / "snapshot.json")
    assert snapshot.snapshot.pages[0].title == "站点\ufffd标题"
    cut = load_stored((out / (reports["/surrogate-cut"].report_path or "")).parent / "snapshot.json")
    assert any(block.text.endswith("字") and len(block.text) == 1999 for block in cut.snapshot.pages[0].blocks)


def test_a_failure_in_the_pictures_costs_the_pictures_not_the_site(
        need_browser: None, ruleset: Ruleset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.browse import pictures

    async def broken(*args: object, **kwargs: object) -> None:
        raise OSError()  # no message at all

    monkeypatch.setattr(pictures, "photograph", broken)
    with hostile_server.serve() as (base, _):
        batch = _audit([SiteInput(url=f"{base}/ok", name="ok", slug="ok")], ruleset, tmp_path)
    report = batch.sites[0]
    assert report.status == SiteStatus.AUDITED, report.error
    assert report.pages[0].screenshots == [] and report.facts.icp_filing_numbers == ["京ICP备12345678号-1"]


def test_a_picture_that_cannot_be_saved_costs_that_picture_not_the_site(
        need_browser: None, ruleset: Ruleset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pictures are written while the pages go on (auditor/browse/sitefiles.py); one that fails to be
    written is not named by the snapshot, whose other files are all there."""
    from auditor.browse import sitefiles

    real = sitefiles.write_atomic

    def no_pictures(path: Path, data: bytes) -> Path:
        if path.suffix == ".jpg":
            raise OSError("disk refused the picture")
        return real(path, data)

    monkeypatch.setattr(sitefiles, "write_atomic", no_pictures)
    with hostile_server.serve() as (base, _):
        batch = _audit([SiteInput(url=f"{base}/ok", name="ok", slug="ok")], ruleset, tmp_path)
    report = batch.sites[0]
    assert report.status == SiteStatus.AUDITED, report.error
    assert report.pages[0].screenshots == [] and report.pages[0].dom == "home.html"
    assert (tmp_path / (report.report_path or "")).parent.joinpath("home.html").is_file()
    assert report.facts.icp_filing_numbers == ["京ICP备12345678号-1"]


# --- a page cut on the way is judged as cut, never as whole (issue 13) ---------------------------


@pytest.mark.parametrize("name", sorted(hostile_server.CUT))
def test_a_cut_page_makes_its_rules_need_review_not_fail(hostile: tuple[dict[str, SiteReport], Path],
                                                          name: str) -> None:
    reports, out = hostile
    report = reports[name]
    assert report.status == SiteStatus.AUDITED, report.error
    results = {r.rule_id: r for r in report.results}
    for rule_id in ("icp-number-displayed", "icp-number-linked", "psb-filing-displayed"):
        assert results[rule_id].outcome == Outcome.NEEDS_REVIEW, (rule_id, results[rule_id].message)
    assert "未完整收到" in results["icp-number-displayed"].message
    assert not [r for r in report.results if r.outcome == Outcome.FAIL and "home" in r.rule_id]
    assert report.pages[0].incomplete
    html = (out / (report.report_path or "")).read_text(encoding="utf-8")
    assert "页面被截断" in html


def test_a_whole_page_that_was_still_loading_keeps_what_it_showed(hostile: tuple[dict[str, SiteReport], Path]) -> None:
    report = hostile[0]["/never-finishes"]
    outcome = {r.rule_id: r.outcome for r in report.results}
    assert outcome["icp-number-displayed"] == Outcome.PASS and report.pages[0].incomplete


# --- one page that stalls the old scanner, twenty ordinary sites: the twenty are audited (issue 13) ----


def test_one_stalling_page_in_a_batch_of_twenty_marks_only_itself(
        need_browser: None, ruleset: Ruleset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.batch.runner

    monkeypatch.setattr(auditor.batch.runner, "HANG_MARGIN_S", 10.0)  # the hang detector close behind
    retries: list[str] = []

    class Events:
        def site_done(self, report: SiteReport) -> None:
            pass

        def site_retry(self, url: str, reason: str) -> None:
            retries.append(f"{url}: {reason}")

    ordinary = {f"/site{i}": hostile_server._ok(f"<h1>普通网站{i}</h1>" + hostile_server.FOOTER) for i in range(20)}
    with contextlib.ExitStack() as servers:
        sites = []
        for path, route in ordinary.items():  # each on its own port: its own host, all in flight together
            base, _ = servers.enter_context(hostile_server.serve(routes={path: route}))
            sites.append(SiteInput(url=f"{base}{path}", name=path, slug=path.strip("/")))
        bad_base, _ = servers.enter_context(hostile_server.serve(routes={"/bomb": hostile_server.SCANNER_BOMB}))
        sites.insert(7, SiteInput(url=f"{bad_base}/bomb", name="bomb", slug="bomb"))
        limits = Limits(page_timeout_s=8, site_timeout_s=30, settle_max_ms=2000, allow_private=True,
                        loopback_only=True)
        options = RunOptions(out_dir=tmp_path, today=TODAY, limits=limits, concurrency=6)
        batch = asyncio.run(audit_sites(sites, ruleset, options, events=Events()))
    reports = {s.name: s for s in batch.sites}
    assert retries == [], retries  # no site was retried: the browser was never blamed
    for path in ordinary:
        assert reports[path].status == SiteStatus.AUDITED, (path, reports[path].error)
        assert reports[path].facts.icp_filing_numbers == ["京ICP备12345678号-1"], path
    bomb = reports["bomb"]
    # Marked, whichever way: its page was cut, so nothing on it can fail.
    assert bomb.status != SiteStatus.AUDITED or (bomb.pages[0].incomplete and not [
        r for r in bomb.results if r.outcome == Outcome.FAIL and r.rule_id.startswith(("icp", "psb"))])


def test_a_live_dom_copy_of_an_older_run_is_named_but_never_linked(tmp_path: Path) -> None:
    from auditor.layout import DOM_COPY_HEAD
    from auditor.models import PageRef, batch_header, now_iso
    from auditor.outputs.html import HtmlWriter

    folder = tmp_path / "sites" / "old"
    folder.mkdir(parents=True)
    (folder / "home.html").write_text("<html><head><script>alert(1)</script></head></html>", encoding="utf-8")
    (folder / "contact.html").write_text(DOM_COPY_HEAD + "<html></html>", encoding="utf-8")
    site = SiteReport(input_url="http://x.cn/", final_url="http://x.cn/", status=SiteStatus.AUDITED, profiles=["site"],
                      report_path="sites/old/report.html",
                      pages=[PageRef(kind="home", url="http://x.cn/", status=200, dom="home.html"),
                             PageRef(kind="contact", url="http://x.cn/c", status=200, dom="contact.html")])
    header = batch_header("cn", "1", "zh", now_iso(), now_iso())
    written = HtmlWriter(templates_dir(), "zh").write_site(header, site, tmp_path)
    page = (written or tmp_path).read_text(encoding="utf-8")
    links = [a["href"] for a in BeautifulSoup(page, "html.parser").find_all("a", href=True)]
    assert "contact.html" in links and "home.html" not in links and "home.html" in page
