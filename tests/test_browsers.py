"""One product on every supported Chromium: Playwright's download, Debian's headless shell, Debian's full Chromium.

The builds share Blink but not what surrounds it: full Chromium in headless mode waits for a
password prompt it never draws, and shows a PDF in a viewer where the headless shell
downloads it. These sites make each difference show; each must end with the status the
headless shell gives. .ci/run runs this module (marker `every_browser`) on the headless
shell and again with AUDITOR_BROWSER=/usr/bin/chromium.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from auditor.batch.runner import audit_sites
from auditor.browse import browser
from auditor.browse.render import FILE_NOT_PAGE, classify_failure, declared_types
from auditor.inputs.sites import SiteInput
from auditor.judge.ruleset import Ruleset
from auditor.models import Outcome, SiteReport, SiteStatus
from auditor.options import Limits, RunOptions
from tests import hostile_server
from tests.conftest import TODAY

LIMITS = Limits(page_timeout_s=10, site_timeout_s=30, allow_private=True, loopback_only=True)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
LOGIN = hostile_server.page("需要登录")


def _pdf(content_type: str | None) -> Callable[[hostile_server.Handler], None]:
    def send(h: hostile_server.Handler) -> None:
        h.send_response(200)
        if content_type:
            h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(PDF)))
        h.end_headers()
        h.wfile.write(PDF)
    return send


ROUTES = {
    "/basic": lambda h: h.send(401, LOGIN, {"WWW-Authenticate": 'Basic realm="admin"'}),
    "/digest": lambda h: h.send(401, LOGIN, {"WWW-Authenticate": 'Digest realm="admin", nonce="abc", qop="auth"'}),
    "/proxy-auth": lambda h: h.send(407, LOGIN, {"Proxy-Authenticate": 'Basic realm="proxy"'}),
    "/to-login": lambda h: h.send(302, b"", {"Location": "/basic"}),
    # Its picture, frame and data are behind a password; the footer is written when the data
    # request ends (refused): on full Chromium, unanswered, that never happened.
    "/parts-behind-password": hostile_server._ok(
        '<img src="/basic"><iframe src="/basic"></iframe><footer id="ft" style="text-align:center"></footer>'
        "<script>fetch('/basic').then((r) => { ft.textContent = '京ICP备12345678号-1 (' + r.status + ')'; });"
        "</script>"),
    "/pdf": _pdf("application/pdf"),
    "/sniffed-pdf": _pdf(None),  # no Content-Type: Chromium recognises the bytes
    "/with-pdf-policy": hostile_server._ok('<h1>网店</h1><a href="/policy.pdf">隐私政策</a>' + hostile_server.FOOTER),
    "/policy.pdf": _pdf("application/pdf"),
    # The policy is reached only by a script's click, and its server takes longer than a
    # script takes to react: the answer must be waited for, however slow (a busy machine, or
    # full Chromium passing each request through challenges.py, delays it the same way).
    "/clicked-slow-policy": hostile_server._ok(
        '<h1>网店</h1><a href="#" onclick="location.href=\'/slow-policy\'; return false;">隐私政策</a>'
        + hostile_server.FOOTER),
    "/slow-policy": lambda h: (time.sleep(1.5), h.send(200, hostile_server.page("<h1>隐私政策</h1>")))[1],
}


@pytest.fixture(scope="module")
def reports(need_browser: None, ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, SiteReport]:
    out = tmp_path_factory.mktemp("browsers")
    pages = [path for path in ROUTES if path not in ("/policy.pdf", "/slow-policy")]
    with hostile_server.serve(routes=ROUTES) as (base, _):
        sites = [SiteInput(url=f"{base}{path}", name=path, slug=path.strip("/")) for path in pages]
        options = RunOptions(out_dir=out, today=TODAY, limits=LIMITS, concurrency=3)
        batch = asyncio.run(audit_sites(sites, ruleset, options))
    return {s.name or "": s for s in batch.sites}


@pytest.mark.browser
@pytest.mark.every_browser
@pytest.mark.parametrize(("name", "reason"), [
    ("/basic", "HTTP 401"), ("/digest", "HTTP 401"), ("/to-login", "HTTP 401"),
    # A 407 reaches the browser through the egress guard, so it asks as a proxy would.
    ("/proxy-auth", "HTTP 407"),
])
def test_a_password_wall_is_blocked_not_unreachable(reports: dict[str, SiteReport], name: str, reason: str) -> None:
    report = reports[name]
    assert (report.status, report.error) == (SiteStatus.BLOCKED, reason)
    assert report.results == []


@pytest.mark.browser
@pytest.mark.every_browser
def test_parts_behind_a_password_neither_hold_up_nor_hide_the_page(reports: dict[str, SiteReport]) -> None:
    report = reports["/parts-behind-password"]
    assert report.status == SiteStatus.AUDITED, report.error
    assert report.pages[0].status == 200  # the load event came: no wait for the page time limit
    assert report.facts.icp_filing_numbers == ["京ICP备12345678号-1"]  # written once the refused fetch() ended


@pytest.mark.browser
@pytest.mark.every_browser
@pytest.mark.parametrize("name", ["/pdf", "/sniffed-pdf"])
def test_a_pdf_is_a_file_not_a_page(reports: dict[str, SiteReport], name: str) -> None:
    report = reports[name]
    assert (report.status, report.error) == (SiteStatus.ERROR, FILE_NOT_PAGE)
    assert report.results == []


@pytest.mark.browser
@pytest.mark.every_browser
def test_a_pdf_policy_is_unread_never_failed(reports: dict[str, SiteReport]) -> None:
    report = reports["/with-pdf-policy"]
    assert report.status == SiteStatus.AUDITED, report.error
    policy = next(p for p in report.pages if p.kind == "privacy_policy")
    assert policy.error == FILE_NOT_PAGE
    content = next(r for r in report.results if r.rule_id == "privacy-policy-content")
    assert content.outcome == Outcome.NEEDS_REVIEW, content.message


@pytest.mark.browser
@pytest.mark.every_browser
def test_a_slow_answer_to_a_clicked_link_is_waited_for(reports: dict[str, SiteReport]) -> None:
    report = reports["/clicked-slow-policy"]
    assert report.status == SiteStatus.AUDITED, report.error
    assert (report.facts.links.get("privacy_policy") or "").endswith("/slow-policy"), report.facts.links


# --- the same decisions without a browser ------------------------------------------------------


@pytest.mark.parametrize(("message", "status"), [
    ("Page.goto: net::ERR_INVALID_AUTH_CREDENTIALS at http://127.0.0.1:1/basic", SiteStatus.BLOCKED),
    ("Page.goto: net::ERR_UNEXPECTED_PROXY_AUTH at http://127.0.0.1:1/proxy-auth", SiteStatus.BLOCKED),
    ("Page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://127.0.0.1:1/", SiteStatus.UNREACHABLE),
    ("Page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/", SiteStatus.UNREACHABLE),
    (FILE_NOT_PAGE, SiteStatus.ERROR),
])
def test_failures_map_to_the_same_status_whoever_reported_them(message: str, status: SiteStatus) -> None:
    assert classify_failure(message) == status


@pytest.mark.parametrize(("content_type", "types"), [
    ("application/pdf", ["application/pdf"]), ("Application/PDF; charset=binary", ["application/pdf"]),
    ("text/html; charset=utf-8\napplication/pdf", ["text/html", "application/pdf"]),  # the header sent twice
    ("text/html; charset=utf-8", ["text/html"]), (None, None),
])
def test_the_declared_type_is_read_from_every_content_type_header(content_type: str | None,
                                                                   types: list[str] | None) -> None:
    headers = {} if content_type is None else {"content-type": content_type}
    assert declared_types(SimpleNamespace(headers=headers)) == types  # type: ignore[arg-type]


def test_playwright_download_is_its_headless_shell_when_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    """Playwright names its full browser but launches headless runs with the shell beside it."""
    monkeypatch.delenv("AUDITOR_BROWSER", raising=False)
    full = tmp_path / "chromium-1255" / "chrome-linux64" / "chrome"
    shell = tmp_path / "chromium_headless_shell-1255" / "chrome-headless-shell-linux64" / "chrome-headless-shell"
    stale = tmp_path / "chromium_headless_shell-1200" / "chrome-headless-shell-linux64" / "chrome-headless-shell"
    for path in (full, shell, stale):
        path.parent.mkdir(parents=True)
        path.write_text("")
    pw = SimpleNamespace(chromium=SimpleNamespace(executable_path=str(full)))
    assert browser.choose_browser(pw, None) == browser.BrowserChoice(str(shell), "playwright")  # type: ignore[arg-type]
    shell.unlink()  # `playwright install --no-shell`: the full browser, in headless mode
    assert browser.choose_browser(pw, None).path == str(full)  # type: ignore[arg-type]
    full.unlink()  # only another version's shell: not this Playwright's browser
    assert browser._playwright_download(pw) is None  # type: ignore[arg-type]


def test_the_choice_says_which_kind_of_browser_it_is() -> None:
    shell = browser.BrowserChoice("/usr/lib/chromium/chromium-headless-shell", "system", "HeadlessChrome/156.0.1")
    full = browser.BrowserChoice("/usr/bin/chromium", "AUDITOR_BROWSER", "Chrome/156.0.1", ("--browser=/nope",))
    assert shell.describe().endswith("(system: HeadlessChrome/156.0.1, headless shell)")
    assert full.describe() == (
        "/usr/bin/chromium (AUDITOR_BROWSER: Chrome/156.0.1, full Chromium); not found: --browser=/nope")
