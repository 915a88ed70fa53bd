"""Reports: hostile site text stays text, links are safe, the CSP allows only our script."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from playwright.async_api import async_playwright

import cli
from auditor.browse.browser import launch
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.models import BatchReport, Evidence
from auditor.options import JudgeOptions
from auditor.outputs.report_json import load_json
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from auditor.urls import safe_href
from tests.conftest import TESTS, TODAY

HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">'


def hostile_batch(ruleset: Ruleset, out: Path) -> BatchReport:
    """The stored demo snapshots, with attacker-controlled text and links put into the evidence."""
    batch = judge_snapshots(TESTS / "snapshots", ruleset, out, JudgeOptions(today=TODAY))
    sites = []
    for site in batch.sites:
        results = []
        for result in site.results:
            evil = Evidence(page_url="javascript:window.__pwned=3", text=HOSTILE, region="footer")
            results.append(result.model_copy(update={"evidence": [*result.evidence, evil], "message": HOSTILE}))
        facts = site.facts.model_copy(update={"links": {"privacy_policy": "javascript:window.__pwned=4",
                                                        "about": "data:text/html,<script>1</script>"}})
        sites.append(site.model_copy(update={"results": results, "facts": facts, "name": HOSTILE}))
    return batch.model_copy(update={"sites": sites})


@pytest.fixture(scope="module")
def hostile_out(ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    write_batch(hostile_batch(ruleset, out), out, templates_dir(), "zh")
    return out


def _html_files(out: Path) -> list[Path]:
    return [out / "index.html", *sorted(out.glob("sites/*/report.html"))]


def _data_scripts(soup: BeautifulSoup) -> list[object]:
    return [s for s in soup.find_all("script") if s.get("type") == "application/json"]


def test_site_text_never_becomes_markup(hostile_out: Path) -> None:
    script = (templates_dir() / "report.js").read_text(encoding="utf-8")
    for path in _html_files(hostile_out):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        scripts = [s for s in soup.find_all("script") if s not in _data_scripts(soup)]
        assert all(s.string == script for s in scripts), path  # the one script we ship, and data
        assert not soup.find_all(attrs={"onerror": True}), path
        assert HOSTILE in soup.get_text(), path  # shown, as text


def test_overview_data_is_inert_json(hostile_out: Path) -> None:
    """The table data travels as JSON in a non-executed script element; site text cannot close it."""
    raw = (hostile_out / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "html.parser")
    data_scripts = _data_scripts(soup)
    assert len(data_scripts) == 1
    text = data_scripts[0].string  # type: ignore[attr-defined]
    assert "<" not in text and ">" not in text  # so neither </script> nor <!-- can end or bend it
    data = json.loads(text)
    names = {row["n"] for row in data["rows"]}
    assert names == {HOSTILE}  # the hostile name is in the data, as data
    for row in data["rows"]:
        assert row["p"] == "" or (row["p"].startswith("sites/") and row["p"].endswith("/report.html"))
        assert row["h"] == "" or row["h"].startswith(("http://", "https://"))
    assert "\\u003c/script\\u003e" in text  # HOSTILE's </script>, escaped


def test_overview_renders_a_first_page_without_script(hostile_out: Path) -> None:
    soup = BeautifulSoup((hostile_out / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("#sites tbody tr")
    assert len(rows) == 3 and all(HOSTILE in row.get_text() for row in rows)
    assert soup.find("svg") is not None  # the charts are inline SVG: no script, no network


def test_no_javascript_or_data_links(hostile_out: Path) -> None:
    for path in _html_files(hostile_out):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(href=True):
            assert not str(tag["href"]).strip().lower().startswith(("javascript:", "data:")), (path, tag)


def test_csp_pins_our_script(hostile_out: Path) -> None:
    for path in _html_files(hostile_out):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, path
        policy = str(meta["content"])
        assert "default-src 'none'" in policy and "script-src 'sha256-" in policy
        assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://beian.miit.gov.cn/", "https://beian.miit.gov.cn/"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,x", None),
    ("//evil.example/x", None), ("vbscript:x", None), ("", None), (None, None),
])
def test_safe_href(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected


async def _open(path: Path) -> dict[str, object]:
    async with async_playwright() as pw:
        browser, _ = await launch(pw)
        page = await browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text))
        await page.goto(path.as_uri())
        await page.wait_for_timeout(300)
        state = await page.evaluate("""() => ({
            pwned: window.__pwned === undefined ? null : window.__pwned,
            evidence: Array.from(document.querySelectorAll('.ev q')).map(q => q.innerText),
            crops: Array.from(document.querySelectorAll('.ev img')).map(i => i.complete && i.naturalWidth > 0),
            ruleCards: document.querySelectorAll('section.rule').length,
        })""")
        await browser.close()
        return dict(state, console=errors)


@pytest.mark.browser
@pytest.mark.every_browser
def test_report_opened_in_chromium_shows_evidence_and_runs_no_site_script(
        need_browser: None, ruleset: Ruleset, tmp_path: Path) -> None:
    out = tmp_path / "out"
    # A real audit output (with screenshots and crops) re-rendered with hostile text added.
    source = TESTS / "snapshots"
    batch = judge_snapshots(source, ruleset, out, JudgeOptions(today=TODAY))
    write_batch(hostile_batch(ruleset, out), out, templates_dir(), "zh")
    site_report = next(out.glob("sites/marketplace/report.html"))
    state = asyncio.run(_open(site_report))
    assert state["pwned"] is None
    assert state["ruleCards"] == len(batch.sites[0].results)
    assert HOSTILE in state["evidence"]
    assert any("京ICP备12345678号-1" in text for text in state["evidence"])  # type: ignore[attr-defined]
    index = asyncio.run(_open(out / "index.html"))
    assert index["pwned"] is None
    assert not [m for m in index["console"] if "Content Security Policy" in str(m)]  # type: ignore[attr-defined]


def test_report_command_rerenders_in_english(ruleset: Ruleset, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch = judge_snapshots(TESTS / "snapshots", ruleset, out, JudgeOptions(today=TODAY))
    write_batch(batch, out, templates_dir(), "zh")
    result = CliRunner().invoke(cli.main, ["report", str(out / "report.json"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Website disclosure audit" in index and 'lang="en"' in index
    site = (out / "sites" / "shop" / "report.html").read_text(encoding="utf-8")
    assert "Legal basis" in site and "Remediation" in site
    assert load_json(out / "report.json").sites == batch.sites  # the JSON is untouched


def test_report_json_is_valid_utf8_json(ruleset: Ruleset, tmp_path: Path) -> None:
    batch = judge_snapshots(TESTS / "snapshots", ruleset, tmp_path, JudgeOptions(today=TODAY, lang="en"))
    outputs = write_batch(batch, tmp_path, templates_dir(), "en")
    data = json.loads(outputs.report_json.read_text(encoding="utf-8"))
    assert data["lang"] == "en" and len(data["sites"]) == 3
