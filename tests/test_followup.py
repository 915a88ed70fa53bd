"""Follow-up audits (issue 16): two audits of the fixture sites compared, without a browser.

The first audit is the stored snapshots of the demo sites (tests/snapshots). The second is
made by editing copies of them as the sites would have changed between two audits:

* the shop corrected its ICP number (浙ICP备20201234-1号 → 浙ICP备20201234号-1) but still
  links it nowhere and has no public-security filing;
* the marketplace dropped its public-security number from the footer and changed its
  customer-service phone (400-810-8888 → 400-820-9999);
* the content site (jsfooter) went offline;
* a branch shop that was unreachable at the first audit answers at the second;
* a shop that closed is only in the first audit, a new shop only in the second.

What each comparison must say comes from the issue: a fixed rule is `fixed`, a rule that
passed and fails now is a `new failure`, a site that could not be assessed is never counted
as fixed or as newly failing, a rule new in the pack is a `new rule`, changed values are
shown old → new.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner

import cli
from auditor.batch.baseline import read_baseline
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.models import (
    BatchReport,
    Outcome,
    RuleChangeKind,
    SiteChangeState,
    SiteReport,
    ValueChange,
    new_failures,
)
from auditor.options import JudgeOptions
from auditor.outputs.changes import TRANSITIONS, Comparison, classify
from auditor.outputs.manifest import verify
from auditor.outputs.notice import cn_date
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from tests.conftest import TESTS, TODAY

SNAPSHOTS = TESTS / "snapshots"
SHOP, MARKET, CONTENT = "http://127.0.0.1:43673/", "http://127.0.0.1:41383/", "http://127.0.0.1:45033/"
BRANCH, CLOSED, NEW = "http://127.0.0.1:40001/", "http://127.0.0.1:40002/", "http://127.0.0.1:40003/"
K = RuleChangeKind
Edit = Callable[[dict[str, Any]], None]


# --- building the two audits ------------------------------------------------------------------


def _copy_site(root: Path, name: str, source: str = "", port_from: str = "", port_to: str = "") -> Path:
    """A site folder of snapshot files under `root`, optionally moved to another address."""
    folder = root / name
    shutil.copytree(SNAPSHOTS / (source or name), folder)
    if port_from:
        path = folder / "snapshot.json"
        path.write_text(path.read_text(encoding="utf-8").replace(port_from, port_to), encoding="utf-8")
    return folder


def _edit(folder: Path, change: Edit) -> None:
    path = folder / "snapshot.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["snapshot"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _replace_text(old: str, new: str) -> Edit:
    def change(snap: dict[str, Any]) -> None:
        for page in snap["pages"]:
            for block in page["blocks"]:
                block["text"] = block["text"].replace(old, new)
    return change


def _offline(snap: dict[str, Any]) -> None:
    snap.update(status="unreachable", error="net::ERR_CONNECTION_REFUSED", pages=[])


def first_round(root: Path) -> Path:
    _copy_site(root, "shop")
    _copy_site(root, "marketplace")
    _copy_site(root, "jsfooter")
    _edit(_copy_site(root, "branch", "shop", "43673", "40001"), _offline)
    _copy_site(root, "closed", "marketplace", "41383", "40002")
    return root


def second_round(root: Path) -> Path:
    _edit(_copy_site(root, "shop"), _replace_text("浙ICP备20201234-1号", "浙ICP备20201234号-1"))
    market = _copy_site(root, "marketplace")
    _edit(market, _replace_text(" 京公网安备11010802020134号", ""))
    _edit(market, _replace_text("400-810-8888", "400-820-9999"))
    _edit(_copy_site(root, "jsfooter"), _offline)
    _copy_site(root, "branch", "shop", "43673", "40001")
    _copy_site(root, "newshop", "shop", "43673", "40003")
    return root


def judge_into(snapshots: Path, out: Path, ruleset: Ruleset, baseline: Path | None = None) -> BatchReport:
    """Judge stored snapshots into `out` and write every output, compared with `baseline` if given."""
    batch = judge_snapshots(snapshots, ruleset, out, JudgeOptions(today=TODAY))
    comparison = None
    if baseline is not None:
        rule_ids = [r.id for r in ruleset.rules]
        comparison = read_baseline(baseline).comparison([s.input_url for s in batch.sites], rule_ids)
    write_batch(batch, out, templates_dir(), "zh", comparison=comparison)
    return batch


@pytest.fixture(scope="module")
def audits(ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("followup")
    first = judge_into(first_round(base / "snap1"), base / "out1", ruleset)
    assert {s.input_url for s in first.sites} == {SHOP, MARKET, CONTENT, BRANCH, CLOSED}
    judge_into(second_round(base / "snap2"), base / "out2", ruleset, baseline=base / "out1")
    return {"snap1": base / "snap1", "snap2": base / "snap2", "out1": base / "out1", "out2": base / "out2"}


@pytest.fixture(scope="module")
def report(audits: dict[str, Path]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((audits["out2"] / "report.json").read_text(encoding="utf-8"))
    return data


def _site(report: dict[str, Any], url: str) -> dict[str, Any]:
    site: dict[str, Any] = next(s for s in report["sites"] if s["input_url"] == url)
    return site


def _text(node: Tag, name: str | None = None, id: str | None = None, class_: str | None = None) -> str:  # noqa: A002
    """The text of the element found, which must be there."""
    found = node.find(name) if name else node.find(id=id) if id else node.find(class_=class_ or "")
    assert isinstance(found, Tag), (name, id, class_)
    return found.get_text()


def _rules(site: dict[str, Any]) -> dict[str, str]:
    return {c["rule_id"]: c["change"] for c in site["changes"]["rules"]}


# --- the state machine ------------------------------------------------------------------------


@pytest.mark.parametrize(("before", "now", "expected"), [
    (Outcome.FAIL, Outcome.PASS, K.FIXED),
    (Outcome.FAIL, Outcome.FAIL, K.STILL_FAILING),
    (Outcome.PASS, Outcome.FAIL, K.NEW_FAILURE),
    (Outcome.NEEDS_REVIEW, Outcome.FAIL, K.NEW_FAILURE),  # a failure the last audit had not established
    (Outcome.NOT_APPLICABLE, Outcome.FAIL, K.NEW_FAILURE),  # a duty the site did not have, unmet
    (Outcome.PASS, Outcome.NEEDS_REVIEW, K.NEW_REVIEW),
    (Outcome.FAIL, Outcome.NEEDS_REVIEW, K.NEW_REVIEW),  # undecided now: not fixed
    (Outcome.NEEDS_REVIEW, Outcome.PASS, K.RESOLVED_REVIEW),
    (Outcome.FAIL, Outcome.NOT_APPLICABLE, K.NO_LONGER_APPLICABLE),  # the duty went away: not fixed
    (Outcome.PASS, Outcome.PASS, K.UNCHANGED),
    (Outcome.NEEDS_REVIEW, Outcome.NEEDS_REVIEW, K.UNCHANGED),
    (Outcome.FAIL, Outcome.ERROR, K.NOT_ASSESSED),  # the check broke: nothing known now, never fixed
    (Outcome.FAIL, None, K.NOT_ASSESSED),  # the site could not be assessed now
    (Outcome.ERROR, Outcome.FAIL, K.FIRST_ASSESSED),  # nothing was known then: not a new failure
    (None, Outcome.FAIL, K.FIRST_ASSESSED),  # the site could not be assessed then
])
def test_rule_state_machine(before: Outcome | None, now: Outcome | None, expected: RuleChangeKind) -> None:
    assert classify(before, now) == expected


def test_state_machine_covers_every_pair_of_verdicts() -> None:
    verdicts = [Outcome.PASS, Outcome.FAIL, Outcome.NEEDS_REVIEW, Outcome.NOT_APPLICABLE]
    assert set(TRANSITIONS) == {(b, n) for b in verdicts for n in verdicts}
    # Only a failure that now passes is fixed; only a rule failing now (and not before) is a new failure.
    assert [pair for pair, kind in TRANSITIONS.items() if kind == K.FIXED] == [(Outcome.FAIL, Outcome.PASS)]
    assert all(n == Outcome.FAIL and b != Outcome.FAIL for (b, n), k in TRANSITIONS.items() if k == K.NEW_FAILURE)


# --- per site ---------------------------------------------------------------------------------


def test_corrected_icp_number_is_fixed_the_rest_still_failing(report: dict[str, Any]) -> None:
    shop = _site(report, SHOP)
    assert shop["changes"]["state"] == "compared" and shop["changes"]["matched_by"] == "input_url"
    rules = _rules(shop)
    assert rules["icp-number-displayed"] == "fixed"
    assert rules["icp-number-linked"] == "still_failing"  # the corrected number still links nowhere
    assert rules["psb-filing-displayed"] == "still_failing"
    assert "new_failure" not in rules.values()
    values = {v["fact"]: v for v in shop["changes"]["values"]}
    icp = values["icp_filing_numbers"]
    assert icp["before"] == [] and icp["now"] == ["浙ICP备20201234号-1"]
    assert not icp["identity"]  # shown for the first time: rectifying, not a takeover


def test_dropped_filing_is_a_new_failure_and_the_phone_shows_old_to_new(report: dict[str, Any]) -> None:
    market = _site(report, MARKET)
    assert _rules(market)["psb-filing-displayed"] == "new_failure"
    assert market["changes"]["headline"] == "new_failure"
    phones = next(v for v in market["changes"]["values"] if v["fact"] == "phones")
    assert "+864008108888" in phones["before"] and "+864008209999" in phones["now"]
    assert phones["removed"] == ["+864008108888"] and phones["added"] == ["+864008209999"]
    assert phones["identity"]  # one customer-service number replaced by another: the imitation pattern
    psb = next(v for v in market["changes"]["values"] if v["fact"] == "psb_numbers")
    assert psb["before"] == ["京公网安备11010802020134号"] and psb["now"] == []


def test_site_gone_offline_is_newly_unreachable_and_nothing_is_fixed(report: dict[str, Any]) -> None:
    content = _site(report, CONTENT)
    assert content["status"] == "unreachable" and content["changes"]["state"] == "newly_unreachable"
    kinds = set(_rules(content).values())
    assert kinds == {"not_assessed"}, kinds
    assert content["changes"]["counts"]["fixed"] == 0 and content["changes"]["counts"]["new_failure"] == 0
    assert content["changes"]["values"] == []  # nothing was read this time: no value "disappeared"


def test_site_reachable_again_is_first_assessed_not_newly_failing(report: dict[str, Any]) -> None:
    branch = _site(report, BRANCH)
    assert branch["changes"]["state"] == "reachable_again"
    assert any(r["outcome"] == "fail" for r in branch["results"])
    assert set(_rules(branch).values()) == {"first_assessed"}
    assert new_failures(SiteReport.model_validate(branch)) == []


def test_new_site_is_new_and_its_failures_are_new(report: dict[str, Any]) -> None:
    new = SiteReport.model_validate(_site(report, NEW))
    assert new.changes is not None and new.changes.state == SiteChangeState.NEW_SITE
    assert new.changes.previous is None and new.changes.rules == []
    assert new_failures(new) == [r for r in new.results if r.outcome == Outcome.FAIL] != []


def test_batch_changes_count_sites_and_list_the_absent(report: dict[str, Any]) -> None:
    changes = report["changes"]
    assert list(report)[-1] == "changes"  # after the sites: counted once they are all written
    assert changes["baseline"]["sites"] == 5
    assert changes["sites"] == {"compared": 2, "new_site": 1, "newly_unreachable": 1, "reachable_again": 1,
                                "still_unreachable": 0}
    assert changes["sites_with"]["new_failure"] == 1 and changes["sites_with"]["fixed"] == 1
    assert [s["input_url"] for s in changes["absent_sites"]] == [CLOSED]


def test_matched_by_final_url_when_the_input_changed(ruleset: Ruleset, audits: dict[str, Path]) -> None:
    """The regulator's list now names https://… where the site ended last time: the same site."""
    baseline = read_baseline(audits["out1"])
    moved = baseline.priors[0].site
    batch = judge_snapshots(audits["snap2"], ruleset, audits["snap2"].parent / "moved", JudgeOptions(today=TODAY))
    site = next(s for s in batch.sites if s.input_url == moved.input_url)
    renamed = site.model_copy(update={"input_url": "https://shop.example.cn/", "final_url": moved.final_url})
    comparison = baseline.comparison(["https://shop.example.cn/"], [r.id for r in ruleset.rules])
    changes = comparison.attach(renamed).changes
    assert changes is not None and changes.matched_by == "final_url"
    assert changes.previous is not None and changes.previous.input_url == moved.input_url


def test_rule_new_in_the_pack_is_new_rule_not_new_failure(ruleset: Ruleset, tmp_path: Path) -> None:
    older = ruleset.select([r.id for r in ruleset.rules if r.id != "psb-filing-displayed"])
    judge_into(SNAPSHOTS, tmp_path / "old", older)
    newer = ruleset.select([r.id for r in ruleset.rules if r.id != "privacy-policy-content"])
    batch = judge_into(SNAPSHOTS, tmp_path / "new", newer, baseline=tmp_path / "old")
    report = json.loads((tmp_path / "new" / "report.json").read_text(encoding="utf-8"))
    shop = _site(report, SHOP)
    assert _rules(shop)["psb-filing-displayed"] == "new_rule"  # fails, but the old pack had no such rule
    assert _rules(shop)["privacy-policy-content"] == "removed_rule"
    assert new_failures(SiteReport.model_validate(shop)) == []
    assert len(batch.sites) == 3


# --- the outputs ------------------------------------------------------------------------------


def test_report_without_baseline_has_no_changes_keys(audits: dict[str, Path]) -> None:
    text = (audits["out1"] / "report.json").read_text(encoding="utf-8")
    assert '"changes"' not in text


def test_report_with_changes_matches_the_committed_schema(report: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads((TESTS.parent / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)


def test_csv_gains_change_columns(audits: dict[str, Path]) -> None:
    with (audits["out1"] / "results.csv").open(encoding="utf-8-sig") as handle:
        assert "change" not in next(csv.reader(handle))
    with (audits["out2"] / "results.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    market = next(r for r in rows if r["url"] == MARKET)
    assert market["change"] == "new_failure"
    assert "new_failure: psb-filing-displayed" in market["rule_changes"]
    assert "phones" in market["changed_values"].split("; ")
    assert next(r for r in rows if r["url"] == CONTENT)["change"] == "newly_unreachable"


def test_overview_has_the_since_section_and_a_change_filter(audits: dict[str, Path]) -> None:
    soup = BeautifulSoup((audits["out2"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    since = soup.find(id="since")
    assert since is not None
    cards = {a["href"]: _text(a, class_="n") for a in since.select("a.card")}
    assert cards["#ch=new_failure"] == "1" and cards["#ch=newly_unreachable"] == "1"
    assert cards["#ch=identity_changed"] == "1"
    assert "+864008108888" in since.get_text() and "+864008209999" in since.get_text()
    options = [o["value"] for o in soup.select("#f-change option")]
    assert {"new_failure", "fixed", "still_failing", "newly_unreachable", "reachable_again"} <= set(options)
    data = json.loads(_text(soup, id="site-data"))
    market = next(r for r in data["rows"] if r["u"] == MARKET)
    assert market["c"] == "new_failure" and "identity_changed" in market["ch"]
    old = BeautifulSoup((audits["out1"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert old.find(id="since") is None and old.find(id="f-change") is None


def test_site_report_change_box(audits: dict[str, Path], report: dict[str, Any]) -> None:
    page = audits["out2"] / _site(report, MARKET)["report_path"]
    box = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(id="changes")
    assert box is not None
    text = box.get_text(" ", strip=True)
    assert "新增不合规" in text and "+864008108888" in text and "+864008209999" in text
    assert "易主或被仿冒" in text  # the replaced phone is called out
    offline = audits["out2"] / _site(report, CONTENT)["report_path"]
    box = BeautifulSoup(offline.read_text(encoding="utf-8"), "html.parser").find(id="changes")
    assert box is not None and "不视为已整改" in box.get_text()
    assert "已整改" not in " ".join(b.get_text() for b in box.select(".badge"))


def test_change_box_escapes_site_text(audits: dict[str, Path], report: dict[str, Any], tmp_path: Path) -> None:
    from auditor.outputs.html import HtmlWriter

    site = SiteReport.model_validate(_site(report, MARKET))
    assert site.changes is not None
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    values = [ValueChange(fact="entity_names", before=["甲公司"], now=[hostile], added=[hostile],
                          removed=["甲公司"], identity=True)]
    site = site.model_copy(update={"changes": site.changes.model_copy(update={"values": values})})
    batch = BatchReport.model_validate_json((audits["out2"] / "report.json").read_text(encoding="utf-8"))
    html = HtmlWriter(templates_dir(), "zh").site(batch, site)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("img", src="x") and hostile in _text(soup, id="changes")
    assert all(not s.get_text().startswith("alert") for s in soup.find_all("script"))


def test_follow_up_notice_names_the_earlier_notice_and_the_rules_still_failing(audits: dict[str, Path],
                                                                               report: dict[str, Any]) -> None:
    shop = _site(report, SHOP)
    earlier = audits["out1"] / Path(shop["report_path"]).parent / "notice.html"
    previous = shop["changes"]["previous_notice"]
    assert previous["file"] == f"{Path(shop['report_path']).parent.as_posix()}/notice.html"
    assert previous["sha256"] == hashlib.sha256(earlier.read_bytes()).hexdigest()
    notice = (audits["out2"] / Path(shop["report_path"]).parent / "notice.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(notice, "html.parser")
    assert _text(soup, "h1") == "网站信息公示问题整改复查通知"
    assert cn_date(previous["date"]) in soup.get_text()
    still = [c["title"]["zh"] for c in shop["changes"]["rules"] if c["change"] == "still_failing"]
    headings = [h.get_text() for h in soup.find_all("h3")]
    assert len(headings) == len(still) and all(any(t in h for h in headings) for t in still)
    assert "已整改一项" in soup.get_text()  # the ICP number
    first = BeautifulSoup(earlier.read_text(encoding="utf-8"), "html.parser")
    assert _text(first, "h1") == "网站信息公示问题整改通知"  # the first notice was an ordinary one


def test_site_without_earlier_notice_gets_an_ordinary_notice(audits: dict[str, Path], report: dict[str, Any]) -> None:
    for url in (MARKET, BRANCH, NEW):  # passed everything / not assessed / not audited at the first audit
        folder = audits["out2"] / Path(_site(report, url)["report_path"]).parent
        soup = BeautifulSoup((folder / "notice.html").read_text(encoding="utf-8"), "html.parser")
        assert _text(soup, "h1") == "网站信息公示问题整改通知", url


def test_follow_up_folder_verifies(audits: dict[str, Path]) -> None:
    assert verify(audits["out2"]) == []


# --- the command line (no browser) --------------------------------------------------------------


def _audit_again(args: list[str]) -> Any:
    return CliRunner().invoke(cli.main, ["audit", *args])


@pytest.fixture(scope="module")
def cli_rounds(ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A CLI baseline (--from-snapshots into a store) and a second set in which only the marketplace
    dropped its (medium-severity) public-security number; the shop still fails as before."""
    base = tmp_path_factory.mktemp("cli-followup")
    first = base / "first"
    result = _audit_again(["--from-snapshots", str(SNAPSHOTS), "-o", str(first)])
    assert result.exit_code == cli.EXIT_FAILURES, result.output
    snap2 = base / "snap2"
    for name in ("shop", "marketplace", "jsfooter"):
        _copy_site(snap2, name)
    _edit(snap2 / "marketplace", _replace_text(" 京公网安备11010802020134号", ""))
    return {"first": first, "snap2": snap2, "base": base}


def test_audit_with_baseline_from_snapshots(cli_rounds: dict[str, Path]) -> None:
    first = cli_rounds["first"]
    before = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    out = cli_rounds["base"] / "second"
    result = _audit_again(["--from-snapshots", str(cli_rounds["snap2"]), "-o", str(out), "--baseline", str(first)])
    assert result.exit_code == cli.EXIT_FAILURES, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert _rules(_site(report, MARKET)) == {"psb-filing-displayed": "new_failure"}
    after = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    assert after == before  # the baseline is evidence: not a byte of its folder changes
    assert verify(first) == []


@pytest.mark.parametrize(("fail_on", "expected"), [
    ("new", cli.EXIT_FAILURES),  # the marketplace's dropped filing is new
    ("new:medium", cli.EXIT_FAILURES),  # … and of medium severity
    ("new:high", cli.EXIT_OK),  # nothing new at high or above: the shop's high failures are old
    ("high", cli.EXIT_FAILURES),  # without `new`, old failures count as before
])
def test_fail_on_new_gates_only_on_new_failures(cli_rounds: dict[str, Path], fail_on: str, expected: int) -> None:
    out = cli_rounds["base"] / f"gate-{fail_on.replace(':', '-')}"
    result = _audit_again(["--from-snapshots", str(cli_rounds["snap2"]), "-o", str(out),
                           "--baseline", str(cli_rounds["first"]), "--fail-on", fail_on])
    assert result.exit_code == expected, result.output
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    failures = int(junit.split('failures="', 1)[1].split('"', 1)[0])
    assert (failures > 0) == (expected == cli.EXIT_FAILURES)  # junit.xml agrees with the exit code


def test_fail_on_new_needs_a_baseline(tmp_path: Path) -> None:
    result = _audit_again(["--from-snapshots", str(SNAPSHOTS), "-o", str(tmp_path), "--fail-on", "new"])
    assert result.exit_code == cli.EXIT_USAGE and "baseline" in result.output
    assert not (tmp_path / "report.json").exists()
    bad = _audit_again(["--from-snapshots", str(SNAPSHOTS), "-o", str(tmp_path), "--fail-on", "newish"])
    assert bad.exit_code == cli.EXIT_USAGE


def test_baseline_is_kept_in_the_store(cli_rounds: dict[str, Path]) -> None:
    """`auditor report` rebuilds a follow-up with its changes even after the baseline folder is gone."""
    base = cli_rounds["base"]
    copy = base / "first-copy"
    shutil.copytree(cli_rounds["first"], copy)
    out = base / "kept"
    assert _audit_again(["--from-snapshots", str(cli_rounds["snap2"]), "-o", str(out),
                         "--baseline", str(copy)]).exit_code == cli.EXIT_FAILURES
    shutil.rmtree(copy)
    result = CliRunner().invoke(cli.main, ["report", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert _rules(_site(report, MARKET)) == {"psb-filing-displayed": "new_failure"}
    assert "Since the last audit" in (out / "index.html").read_text(encoding="utf-8")


def test_baseline_cannot_be_the_output_folder(cli_rounds: dict[str, Path]) -> None:
    first = cli_rounds["first"]
    result = _audit_again(["--from-snapshots", str(cli_rounds["snap2"]), "-o", str(first), "--baseline", str(first)])
    assert result.exit_code == cli.EXIT_USAGE and "overwrite" in result.output


def test_diff_command(audits: dict[str, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.main, ["diff", str(audits["out1"]), str(audits["out2"])])
    assert result.exit_code == cli.EXIT_FAILURES, result.output  # the marketplace's and the new shop's failures
    market = next(line for line in result.output.splitlines() if MARKET in line)
    assert market.startswith("new_failure") and "phones +864008108888" in market and "→ +864008209999" in market
    assert any(line.startswith("newly_unreachable") and CONTENT in line for line in result.output.splitlines())
    assert not (tmp_path / "diff").exists()
    out = tmp_path / "diff"
    result = CliRunner().invoke(cli.main, ["diff", str(audits["out1"]), str(audits["out2"] / "report.json"),
                                           "-o", str(out)])
    assert result.exit_code == cli.EXIT_FAILURES, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert _rules(_site(report, SHOP))["icp-number-displayed"] == "fixed"
    assert verify(out) == []
    same = CliRunner().invoke(cli.main, ["diff", str(audits["out1"]), str(audits["out1"])])
    # Nothing is new in an audit compared with itself; one of its sites could not be assessed (exit 3).
    assert same.exit_code == cli.EXIT_NOT_ASSESSED, same.output
    assert "new_failure" not in same.output and "fixed" not in same.output


def test_a_baseline_site_is_matched_once(audits: dict[str, Path]) -> None:
    """Two sites of this audit that end where one baseline site ended: only the first is compared with it."""
    baseline = read_baseline(audits["out1"])
    comparison = Comparison(baseline.head, baseline.priors, [], [])
    shop = next(p for p in baseline.priors if p.site.input_url == SHOP)
    probe = SiteReport(input_url="https://elsewhere.example/", final_url=shop.site.final_url,
                       status=shop.site.status, profiles=["site"])
    assert comparison.match(probe) is not None and comparison.match(probe) is None


def test_a_new_audit_in_the_folder_forgets_the_old_baseline(cli_rounds: dict[str, Path]) -> None:
    out = cli_rounds["base"] / "reused"
    assert _audit_again(["--from-snapshots", str(cli_rounds["snap2"]), "-o", str(out),
                         "--baseline", str(cli_rounds["first"])]).exit_code == cli.EXIT_FAILURES
    assert '"changes"' in (out / "report.json").read_text(encoding="utf-8")
    assert _audit_again(["--from-snapshots", str(cli_rounds["snap2"]), "-o", str(out)]).exit_code == cli.EXIT_FAILURES
    assert '"changes"' not in (out / "report.json").read_text(encoding="utf-8")  # not a follow-up any more
    assert BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser").find(id="since") is None
