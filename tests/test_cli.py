"""The command line end to end: exit codes, unreachable sites, the demo, browser selection."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

import cli
from auditor.batch import audit as batch_audit
from auditor.browse import browser, ocr
from auditor.errors import BrowserNotFoundError
from tests.conftest import IN_CI, find_browser


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when we return: connections are refused


@pytest.mark.browser
def test_unreachable_site_is_never_non_compliant(need_browser: None, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/"
    result = CliRunner().invoke(cli.main, ["audit", url, "-o", str(tmp_path), "--allow-private"])
    assert result.exit_code == cli.EXIT_NOT_ASSESSED, result.output
    site = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["sites"][0]
    assert site["status"] == "unreachable" and "ERR_CONNECTION_REFUSED" in site["error"]
    assert site["results"] == []
    page = (tmp_path / site["report_path"]).read_text(encoding="utf-8")
    assert "无法评估" in page and "不代表网站不合规" in page


@pytest.mark.browser
def test_demo_command_writes_reports(need_browser: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.main, ["demo", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    _demo_follow_up(tmp_path)
    first = tmp_path / "first-audit"  # the first of the demo's two audits: the sites as bundled
    report = json.loads((first / "report.json").read_text(encoding="utf-8"))
    by_folder = {Path(s["report_path"]).parent.name: s for s in report["sites"]}
    assert set(by_folder) == {"marketplace", "shop", "jsfooter"}
    assert all(s["status"] == "audited" for s in report["sites"])
    market = {r["rule_id"]: r["outcome"] for r in by_folder["marketplace"]["results"]}
    assert set(market.values()) == {"pass", "not_applicable"}, market
    shop = {r["rule_id"]: r["outcome"] for r in by_folder["shop"]["results"]}
    assert shop["icp-number-displayed"] == "fail" and shop["psb-filing-displayed"] == "fail"
    js = {r["rule_id"]: r["outcome"] for r in by_folder["jsfooter"]["results"]}
    assert js["icp-number-displayed"] == "pass"  # only rendering the page finds this footer
    assert js["privacy-policy-linked"] == "pass"  # only clicking the script link finds the policy
    assert (first / "index.html").is_file()
    if ocr.missing() is None or IN_CI:  # issue 14: the shop's licence scan, read, in its site report with its crop
        licence = next(r for r in by_folder["shop"]["results"] if r["rule_id"] == "business-licence-disclosed")
        assert licence["outcome"] == "needs_review" and "91330106MA2KX8N549" in licence["message"], licence
        crop = licence["evidence"][0]["screenshot"]
        shop_page = (first / by_folder["shop"]["report_path"]).read_text(encoding="utf-8")
        assert crop and (first / Path(by_folder["shop"]["report_path"]).parent / crop).is_file()
        assert Path(crop).name in shop_page and "从图片中识别" in shop_page and "91330106MA2KX8N549" in shop_page
    for site in report["sites"]:
        assert (first / site["report_path"]).is_file()
        assert list((first / Path(site["report_path"]).parent / "evidence").glob("*.jpg"))


def _demo_follow_up(out: Path) -> None:
    """The demo's follow-up (issue 16): the shop was partly rectified; OUT is compared with OUT/first-audit."""
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    by_folder = {Path(s["report_path"]).parent.name: s for s in report["sites"]}
    shop = by_folder["shop"]["changes"]
    kinds = {c["rule_id"]: c["change"] for c in shop["rules"]}
    assert kinds["icp-number-displayed"] == "fixed" and kinds["psb-filing-displayed"] == "still_failing"
    assert kinds["business-licence-disclosed"] == "new_failure"  # its licence badge went in the redesign
    phones = next(v for v in shop["values"] if v["fact"] == "phones")
    assert phones["removed"] == ["+8657187654321", "+8657187654322"] and phones["added"] == ["+864008261234"]
    assert by_folder["marketplace"]["changes"]["headline"] == "unchanged"
    assert report["changes"]["baseline"]["source"].endswith("first-audit")
    notice = (out / Path(by_folder["shop"]["report_path"]).parent / "notice.html").read_text(encoding="utf-8")
    assert "整改复查通知" in notice
    assert 'id="since"' in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_audit_exit_code_1_when_a_rule_fails(need_browser: None, tmp_path: Path) -> None:
    from auditor.demo import serve

    with serve(only=["shop"]) as sites:
        result = CliRunner().invoke(cli.main, ["audit", sites["shop"].url, "-o", str(tmp_path),
                                               "--rule", "icp-number-displayed", "--allow-private"])
    assert result.exit_code == cli.EXIT_FAILURES, result.output
    with serve(only=["marketplace"]) as sites:
        result = CliRunner().invoke(cli.main, ["audit", sites["marketplace"].url, "-o", str(tmp_path / "ok"),
                                               "--rule", "icp-number-displayed", "--profile", "platform",
                                               "--allow-private"])
    assert result.exit_code == cli.EXIT_OK, result.output


def test_bad_input_rows_are_skipped_with_line_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listing = tmp_path / "sites.txt"
    listing.write_text("javascript:alert(1)\n\n", encoding="utf-8")
    monkeypatch.setattr(batch_audit, "audit_store", lambda *a, **k: pytest.fail("nothing valid to audit"))
    result = CliRunner().invoke(cli.main, ["audit", "-i", str(listing), "-o", str(tmp_path / "out")])
    assert result.exit_code == cli.EXIT_USAGE
    assert f"skipped: {listing}:1: only http and https URLs" in result.output
    assert "nothing to audit" in result.output


def test_missing_input_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.main, ["audit", "-i", str(tmp_path / "nope.csv")])
    assert result.exit_code == cli.EXIT_USAGE and "nope.csv" in result.output


def _fake_playwright(path: str | None) -> SimpleNamespace:
    return SimpleNamespace(chromium=SimpleNamespace(executable_path=path or "/nonexistent/chrome"))


def test_browser_search_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = tmp_path / "my-chrome"
    explicit.write_text("")
    env = tmp_path / "env-chrome"
    env.write_text("")
    monkeypatch.setenv("AUDITOR_BROWSER", str(env))
    pw = _fake_playwright(None)
    assert browser.choose_browser(pw, str(explicit)).source == "--browser"  # type: ignore[arg-type]
    assert browser.choose_browser(pw, None).path == str(env)  # type: ignore[arg-type]
    monkeypatch.delenv("AUDITOR_BROWSER")
    own = tmp_path / "playwright-chrome"
    own.write_text("")
    assert browser.choose_browser(_fake_playwright(str(own)), None).source == "playwright"  # type: ignore[arg-type]


def test_no_browser_message_names_what_was_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AUDITOR_BROWSER", raising=False)
    monkeypatch.setattr(browser, "SYSTEM_BROWSERS", ("/nonexistent/chromium",))
    with pytest.raises(BrowserNotFoundError) as info:
        browser.choose_browser(_fake_playwright(None), "/nonexistent/explicit")  # type: ignore[arg-type]
    message = str(info.value)
    assert "/nonexistent/explicit" in message and "/nonexistent/chromium" in message
    assert "apt-get install -y chromium-headless-shell" in message and "playwright install chromium" in message


@pytest.mark.browser
@pytest.mark.every_browser
def test_browser_command_starts_the_browser_a_run_would_use_and_names_its_kind(need_browser: None) -> None:
    chosen, _ = find_browser()
    assert chosen is not None
    result = CliRunner().invoke(cli.main, ["browser"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(chosen.path + " (")
    # What the browser says it is agrees with its file name: every headless shell is named so.
    assert (", headless shell)" in result.output) == ("headless" in Path(chosen.path).name), result.output


def test_browser_command_without_a_browser_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AUDITOR_BROWSER", raising=False)
    monkeypatch.setattr(browser, "SYSTEM_BROWSERS", ("/nonexistent/chromium",))
    monkeypatch.setattr(browser, "_playwright_download", lambda pw: None)
    result = CliRunner().invoke(cli.main, ["browser", "--browser", "/nonexistent/mine"])
    assert result.exit_code == cli.EXIT_USAGE
    assert "/nonexistent/mine" in result.output and "chromium-headless-shell" in result.output


@pytest.mark.browser
def test_private_addresses_are_refused_by_default(need_browser: None, tmp_path: Path) -> None:
    from auditor.demo import serve

    with serve(only=["shop"]) as sites:
        result = CliRunner().invoke(cli.main, ["audit", sites["shop"].url, "-o", str(tmp_path)])
    assert result.exit_code == cli.EXIT_NOT_ASSESSED, result.output
    site = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["sites"][0]
    assert site["status"] == "unreachable" and site["results"] == []
    assert "127.0.0.1" in site["error"] and "--allow-private" in site["error"]


@pytest.mark.browser
def test_no_screenshots_keeps_text_evidence_and_the_choice_survives_resume(need_browser: None,
                                                                          tmp_path: Path) -> None:
    from auditor.batch.store import Store
    from auditor.demo import serve

    with serve(only=["shop", "marketplace"]) as sites:
        result = CliRunner().invoke(cli.main, ["audit", sites["shop"].url, "-o", str(tmp_path), "--allow-private",
                                               "--no-screenshots", "--rule", "icp-number-displayed",
                                               "--rule", "contact-phone-disclosed"])
        assert result.exit_code == cli.EXIT_FAILURES, result.output
        with Store.open(tmp_path) as store:
            settings = store.settings()
        assert settings is not None and settings.screenshots is False
        resumed = CliRunner().invoke(cli.main, ["audit", "--resume", "-o", str(tmp_path),
                                                sites["marketplace"].url])  # a site added on resume
        assert resumed.exit_code == cli.EXIT_FAILURES, resumed.output
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert len(report["sites"]) == 2
    assert not list(tmp_path.glob("sites/*/*.jpg")) and not list(tmp_path.glob("sites/*/evidence"))
    shop = next(s for s in report["sites"] if s["input_url"] == sites["shop"].url)
    phone = next(r for r in shop["results"] if r["rule_id"] == "contact-phone-disclosed")
    assert phone["evidence"] and all(e["text"] and e["bbox"] and e["screenshot"] is None for e in phone["evidence"])
    assert all(p["screenshots"] == [] and p["dom"] for s in report["sites"] for p in s["pages"])


@pytest.mark.browser
def test_whole_pages_photographs_every_page_and_is_stored_for_resume(need_browser: None,
                                                                      tmp_path: Path) -> None:
    from auditor.batch.store import Store
    from auditor.demo import serve

    with serve(only=["shop"]) as sites:
        result = CliRunner().invoke(cli.main, ["audit", sites["shop"].url, "-o", str(tmp_path), "--allow-private",
                                               "--whole-pages", "--rule", "privacy-policy-linked"])
        assert result.exit_code in (cli.EXIT_OK, cli.EXIT_FAILURES), result.output
    with Store.open(tmp_path) as store:
        settings = store.settings()
    assert settings is not None and settings.whole_pages is True
    site = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["sites"][0]
    visited = [p for p in site["pages"] if p["status"] != "error"]
    assert len(visited) >= 2  # the homepage and the privacy policy, which no rule cites a box on
    assert all(p["screenshots"] and "-part" not in p["screenshots"][0] for p in visited)
