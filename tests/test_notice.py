"""Rectification notices: one per failing site, Chinese, inert HTML, printed to a clean A4 PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from PIL import Image

import cli
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.models import BatchReport, Evidence, Outcome
from auditor.options import JudgeOptions
from auditor.outputs.manifest import verify
from auditor.outputs.notice import NOTICE_FILE, NOTICE_PDF, cn_date, cn_number, failures, write_notices
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from tests.conftest import TESTS, TODAY

HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">'


@pytest.fixture(scope="module")
def judged(ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> tuple[BatchReport, Path]:
    out = tmp_path_factory.mktemp("notices")
    batch = judge_snapshots(TESTS / "snapshots", ruleset, out, JudgeOptions(today=TODAY))
    write_batch(batch, out, templates_dir(), "zh")  # writes the notices, then seals the folder
    return batch, out


def _shop(batch: BatchReport) -> int:
    return next(i for i, s in enumerate(batch.sites) if s.report_path == "sites/shop/report.html")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_notice_only_for_sites_that_failed(judged: tuple[BatchReport, Path]) -> None:
    _, out = judged
    assert sorted(p.parent.name for p in out.glob(f"sites/*/{NOTICE_FILE}")) == ["shop"]


def test_notice_lists_each_failure_with_article_evidence_and_remediation(judged: tuple[BatchReport, Path]) -> None:
    batch, out = judged
    shop = batch.sites[_shop(batch)]
    soup = BeautifulSoup((out / "sites" / "shop" / NOTICE_FILE).read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text() == "网站信息公示问题整改通知"  # type: ignore[union-attr]
    items = soup.select(".item")
    fails = failures(shop)
    assert len(items) == len(fails) == shop.count(Outcome.FAIL)
    for number, (item, result) in enumerate(zip(items, fails, strict=True), start=1):
        text = item.get_text()
        assert item.find("h3").get_text() == f"{cn_number(number)}、{result.title.zh}"  # type: ignore[union-attr]
        assert all(c.article.zh in text and c.source.zh in text for c in result.citations)
        assert result.messages.zh in text and result.remediation is not None and result.remediation.zh in text
        for image in item.find_all("img"):
            assert (out / "sites" / "shop" / str(image["src"])).is_file()
    page = soup.get_text()
    assert shop.input_url in page and "整改" in page and "（检查单位名称及印章）" in page
    assert "需人工复核" in page  # the shop has needs_review items: counted, not listed as findings


def test_notice_is_inert_and_escapes_site_text(judged: tuple[BatchReport, Path], tmp_path: Path) -> None:
    batch, sealed = judged
    out = tmp_path / "out"
    shutil.copytree(sealed, out)
    index = _shop(batch)
    site = batch.sites[index]
    evil = Evidence(page_url="javascript:window.__pwned=3", text=HOSTILE, region="footer")
    results = [r.model_copy(update={"evidence": [*r.evidence, evil]}) for r in site.results]
    hostile = site.model_copy(update={"name": HOSTILE, "results": results})
    write_notices(batch.model_copy(update={"sites": [hostile]}), out)
    soup = BeautifulSoup((out / "sites" / "shop" / NOTICE_FILE).read_text(encoding="utf-8"), "html.parser")
    assert not soup.find_all("script") and not soup.find_all(True, attrs={"onerror": True})
    assert HOSTILE in soup.get_text()
    assert all(not str(a.get("href", "")).lower().startswith(("javascript:", "data:")) for a in soup.find_all("a"))
    policy = str(soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"])  # type: ignore[index]
    assert "default-src 'none'" in policy and "script-src" not in policy  # no script may run at all


def test_notice_removed_when_the_site_no_longer_fails(judged: tuple[BatchReport, Path], tmp_path: Path) -> None:
    batch, sealed = judged
    out = tmp_path / "out"
    shutil.copytree(sealed, out)
    folder = out / "sites" / "shop"
    (folder / NOTICE_PDF).write_bytes(b"%PDF- printed earlier")
    write_notices(batch, out)
    assert (folder / NOTICE_PDF).is_file()  # the notice did not change: its PDF still stands
    index = _shop(batch)
    fixed = batch.sites[index].model_copy(update={"results": [
        r.model_copy(update={"outcome": Outcome.PASS}) for r in batch.sites[index].results]})
    write_notices(batch.model_copy(update={"sites": [fixed]}), out)
    assert not (folder / NOTICE_FILE).exists() and not (folder / NOTICE_PDF).exists()


def test_changed_notice_drops_its_old_pdf(judged: tuple[BatchReport, Path], tmp_path: Path) -> None:
    batch, sealed = judged
    out = tmp_path / "out"
    shutil.copytree(sealed, out)
    (out / "sites" / "shop" / NOTICE_PDF).write_bytes(b"%PDF- printed earlier")
    index = _shop(batch)
    renamed = batch.sites[index].model_copy(update={"name": "另一个名称"})
    write_notices(batch.model_copy(update={"sites": [renamed]}), out)
    assert not (out / "sites" / "shop" / NOTICE_PDF).exists()


@pytest.mark.parametrize(("n", "words"), [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (23, "二十三")])
def test_cn_number(n: int, words: str) -> None:
    assert cn_number(n) == words


def test_cn_date_is_the_date_in_beijing() -> None:
    assert cn_date("2026-11-25T22:32:44Z") == "2026年11月26日"
    assert cn_date("2026-11-25T10:00:00+00:00") == "2026年11月25日"
    assert "＿" in cn_date("")


@pytest.mark.browser
@pytest.mark.every_browser  # printing is the browser's, not Blink's
def test_notice_pdf_is_a4_and_holds_every_failed_title(need_browser: None, judged: tuple[BatchReport, Path],
                                                       tmp_path: Path) -> None:
    batch, sealed = judged
    out = tmp_path / "out"
    shutil.copytree(sealed, out)
    result = CliRunner().invoke(cli.main, ["notice", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = out / "sites" / "shop" / NOTICE_PDF
    text = _squash(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                                  text=True).stdout)
    shop = batch.sites[_shop(batch)]
    titles = [r.title.zh for r in shop.results if r.outcome == Outcome.FAIL]
    assert titles and all(_squash(title) in text for title in titles), text[:500]
    assert "网站信息公示问题整改通知" in text and "整改要求" in text
    # At 72 dpi one pixel is one point: an A4 page is 595 × 842 pt.
    subprocess.run(["pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    with Image.open(next(tmp_path.glob("page*.png"))) as page:
        assert abs(page.width - 595) <= 1 and abs(page.height - 842) <= 1, page.size
    assert verify(out) == []  # the PDFs were sealed into the manifests
