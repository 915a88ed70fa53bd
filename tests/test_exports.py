"""Exports: the CSV matrix and JUnit XML agree with report.json, and site text cannot attack either."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.models import BatchReport, Outcome, SiteReport, SiteStatus
from auditor.options import JudgeOptions
from auditor.outputs.exports import CSV_COLUMNS, CsvExport, JunitExport, csv_cell
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from tests.conftest import TESTS, TODAY


@pytest.fixture(scope="module")
def batch(ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> BatchReport:
    """The stored demo snapshots judged offline, plus a site that could not be reached."""
    out = tmp_path_factory.mktemp("exports")
    judged = judge_snapshots(TESTS / "snapshots", ruleset, out, JudgeOptions(today=TODAY))
    down = SiteReport(input_url="http://down.example/", final_url="http://down.example/", name="=HYPERLINK(\"x\")",
                      status=SiteStatus.UNREACHABLE, error="net::ERR_NAME_NOT_RESOLVED\x00\x07", profiles=["site"])
    return judged.model_copy(update={"sites": [*judged.sites, down]})


def _rule_ids(batch: BatchReport) -> list[str]:
    return list(dict.fromkeys(r.rule_id for s in batch.sites for r in s.results))


def test_csv_is_a_site_by_rule_matrix(batch: BatchReport, tmp_path: Path) -> None:
    export = CsvExport(tmp_path / "results.csv", _rule_ids(batch))
    for site in batch.sites:
        export.add(site)
    path = export.close()
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 (Chinese names) only with a BOM
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert list(rows[0])[: len(CSV_COLUMNS)] == list(CSV_COLUMNS)
    assert len(rows) == len(batch.sites)
    for row, site in zip(rows, batch.sites, strict=True):
        for result in site.results:
            assert row[result.rule_id] == result.outcome.value
        assert int(row["fails"]) == site.count(Outcome.FAIL)
    down = rows[-1]
    assert down["status"] == "unreachable" and down["verdict"] == "not_assessed"
    assert all(down[rid] == "" for rid in _rule_ids(batch))  # not assessed: no outcome, never "fail"
    assert down["name"].startswith("'=")  # a formula from site or input text stays text


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+86 10", "'+86 10"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("示例", "示例"),
    ("http://a.cn/", "http://a.cn/"),
])
def test_csv_cells_never_become_formulas(value: str, expected: str) -> None:
    assert csv_cell(value) == expected


def _junit(batch: BatchReport, path: Path, fail_on: str | None = None) -> ET.Element:
    export = JunitExport(path, "zh", fail_on)
    for site in batch.sites:
        export.add(site)
    return ET.parse(export.close()).getroot()


def test_junit_counts_agree_with_the_report(batch: BatchReport, tmp_path: Path) -> None:
    root = _junit(batch, tmp_path / "junit.xml")
    fails = sum(s.count(Outcome.FAIL) for s in batch.sites)
    assert int(root.get("failures", "")) == fails == len(root.findall(".//failure"))
    assert len(root.findall("testsuite")) == len(batch.sites)
    down = root.findall("testsuite")[-1]
    assert down.get("errors") == "1" and down.get("failures") == "0"  # could not assess: an error, never a failure
    error = down.find("testcase/error")
    assert error is not None and "ERR_NAME_NOT_RESOLVED" in (error.get("message") or "")
    assert "\x00" not in (error.get("message") or "")  # characters XML forbids are replaced, the file parses
    na = sum(s.count(Outcome.NOT_APPLICABLE) for s in batch.sites)
    assert int(root.get("tests", "")) == sum(len(s.results) for s in batch.sites) - na + 1


def test_junit_failures_follow_fail_on(batch: BatchReport, tmp_path: Path) -> None:
    root = _junit(batch, tmp_path / "junit.xml", fail_on="critical")
    critical = sum(1 for s in batch.sites for r in s.results
                   if r.outcome == Outcome.FAIL and r.severity.value == "critical")
    assert len(root.findall(".//failure")) == critical
    below = [s.get("message", "") for s in root.findall(".//skipped")]
    assert any("below --fail-on critical" in m for m in below)  # still listed, not lost


def test_junit_escapes_site_text(batch: BatchReport, tmp_path: Path) -> None:
    site = batch.sites[0]
    evil = '"/><testcase name="forged"><failure message="x"/></testcase><x a="'
    hostile = site.model_copy(update={"name": evil, "results": [
        r.model_copy(update={"messages": r.messages.model_copy(update={"zh": evil})}) for r in site.results]})
    root = _junit(batch.model_copy(update={"sites": [hostile]}), tmp_path / "junit.xml")
    assert root.find("testsuite").get("name") == evil  # type: ignore[union-attr]
    assert not [c for c in root.iter("testcase") if c.get("name") == "forged"]


def test_write_batch_writes_every_output(batch: BatchReport, tmp_path: Path) -> None:
    outputs = write_batch(batch, tmp_path, templates_dir(), "zh")
    data = json.loads(outputs.report_json.read_text(encoding="utf-8"))
    assert [s["input_url"] for s in data["sites"]] == [s.input_url for s in batch.sites]
    assert BatchReport.model_validate(data).sites == batch.sites  # the streamed JSON is the contract's
    assert outputs.csv.is_file() and outputs.junit.is_file() and outputs.index.is_file()
    assert outputs.overview.failing(None) == sum(1 for s in batch.sites if s.count(Outcome.FAIL))
    assert outputs.overview.not_assessed == 1
