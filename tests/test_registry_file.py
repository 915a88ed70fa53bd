"""Registry files (--registry): CSV or JSON keyed by domain or credit code, merged into the sites to audit;
and the cross-checks they feed, an imitation site among them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

import cli
from auditor.demo import serve
from auditor.errors import InputFileError
from auditor.inputs.registry import merge_registry, read_registry
from auditor.inputs.sites import SiteInput
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.models import Outcome, SiteReport
from auditor.options import JudgeOptions
from auditor.outputs.manifest import verify
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from tests.conftest import FIXTURE_SITES, TESTS, TODAY

HEMU = "91110108MA01ABCD5T"
REGISTRY_RULES = {"registry-icp-match", "registry-uscc-match", "registry-phone-match", "registry-domain-official"}


# --- reading ---------------------------------------------------------------------------


def test_csv_keyed_by_domain_and_by_credit_code(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text(
        "# export of the filing system\n"
        "key,registered_name,registered_uscc,registered_icp,registered_phones,registered_domains\n"
        "www.hemu-demo.cn,北京禾木集市电子商务有限公司,,京ICP备2022034567号,400-810-8888;010-62345678,\n"
        f"{HEMU},北京禾木集市电子商务有限公司,,,,hemu-demo.cn;hemu.com.cn\n"
        "https://shop.example.com.cn/,示例商城,,,,\n", encoding="utf-8")
    records, problems = read_registry(path)
    assert problems == []
    # Domains are kept as registrable domains: an ICP filing covers every host of its domain.
    assert set(records) == {"hemu-demo.cn", HEMU, "example.com.cn"}
    assert records["hemu-demo.cn"] == {"registered_name": "北京禾木集市电子商务有限公司",
                                       "registered_icp": "京ICP备2022034567号",
                                       "registered_phones": ["400-810-8888", "010-62345678"],
                                       "registered_domains": ["www.hemu-demo.cn"]}  # keyed by it: it is theirs
    assert records[HEMU]["registered_uscc"] == HEMU and records[HEMU]["registered_domains"] == ["hemu-demo.cn",
                                                                                                 "hemu.com.cn"]


def test_csv_with_domain_and_uscc_columns_in_gbk(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_bytes(("domain,uscc,registered_name\n"
                      f"hemu-demo.cn;hemu.com.cn,{HEMU},北京禾木集市电子商务有限公司\n").encode("gbk"))
    records, problems = read_registry(path)
    assert problems == []
    assert set(records) == {"hemu-demo.cn", "hemu.com.cn", HEMU}
    assert records[HEMU]["registered_name"] == "北京禾木集市电子商务有限公司"


def test_csv_without_key_columns_is_keyed_by_its_own_registered_values(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text(f"registered_uscc,registered_domains\n{HEMU},hemu-demo.cn\n", encoding="utf-8")
    records, _ = read_registry(path)
    assert set(records) == {HEMU, "hemu-demo.cn"}


def test_bad_csv_rows_are_line_numbered_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text("key,registered_phones,registered_uscc,note\n"
                    "a.example.cn,010-62345678,,\n"
                    "91110108MA01ABCD5X,,,\n"           # 3: check character wrong
                    "b.example.cn,12,,\n"                 # 4: not a phone
                    ",010-62345678,,\n"                   # 5: no key at all
                    "www.a.example.cn,,,\n"               # 6: same registrable domain as line 2
                    "c.example.cn,,91110108MA01ABCD5X,\n"  # 7: registered value not a valid code
                    "d.example.cn,,,,extra\n"             # 8: too many values
                    "e example.cn,,,\n", encoding="utf-8")  # 9: not a domain
    records, problems = read_registry(path)
    assert set(records) == {"example.cn"}
    numbered = [p.split(": ", 1) for p in problems]
    assert [n for n, _ in numbered] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7, 8, 9)]
    text = dict(numbered)
    assert "unknown column(s) ignored: note" in text[f"{path}:1"]
    assert "not a valid credit code" in text[f"{path}:3"] and "not a phone number: 12" in text[f"{path}:4"]
    assert "no key" in text[f"{path}:5"] and "duplicate of line 2" in text[f"{path}:6"]
    assert "registered_uscc" in text[f"{path}:7"] and "more values than columns" in text[f"{path}:8"]
    assert "not a domain" in text[f"{path}:9"]


def test_json_keyed_by_domain_and_credit_code(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text(json.dumps({
        "hemu-demo.cn": {"registered_uscc": HEMU, "registered_phones": ["400-810-8888"]},
        HEMU: {"registered_name": "北京禾木集市电子商务有限公司", "registered_icp": "京ICP备2022034567号",
               "registered_domains": "hemu-demo.cn;hemu.com.cn"},
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    records, problems = read_registry(path)
    assert problems == []
    assert records["hemu-demo.cn"]["registered_domains"] == ["hemu-demo.cn"]
    assert records[HEMU]["registered_domains"] == ["hemu-demo.cn", "hemu.com.cn"]


def test_bad_json_records_are_line_numbered(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text('{\n "a-shop.cn": {"registered_phones": ["010-62345678"]},\n'
                    ' "b-shop.cn": ["not an object"],\n'
                    ' "c-shop.cn": {"registered_name": ["a", "b"]},\n'
                    ' "d-shop.cn": {"registered_email": "x@y.cn"},\n'
                    ' "www.a-shop.cn": {}\n}\n', encoding="utf-8")
    records, problems = read_registry(path)
    assert set(records) == {"a-shop.cn"}
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert "must be an object" in problems[0] and "must be a string" in problems[1]
    assert "unknown field 'registered_email'" in problems[2] and "duplicate of line 2" in problems[3]


def test_broken_json_is_an_input_file_error(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text('{\n "a.example.cn": {"registered_name": "x"}\n "b": {}\n}', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"registry.json:3: invalid JSON"):
        read_registry(path)


# --- merging ---------------------------------------------------------------------------


def test_merge_by_domain_then_credit_code_input_row_wins() -> None:
    records: dict[str, dict[str, Any]] = {
        "hemu-demo.cn": {"registered_uscc": HEMU, "registered_domains": ["hemu-demo.cn"]},
        HEMU: {"registered_name": "北京禾木集市电子商务有限公司", "registered_phones": ["400-810-8888"],
               "registered_uscc": HEMU},
    }
    sites = [SiteInput(url="https://www.hemu-demo.cn/"),  # by domain, then the domain record's code
             SiteInput(url="https://hemu-shop.top/", registry={"registered_uscc": HEMU}),  # by the code it claims
             SiteInput(url="https://hemu-demo.cn/x", registry={"registered_phones": ["010-62345678"]}),
             SiteInput(url="https://other.cn/")]
    merged = merge_registry(sites, records)
    assert merged[0].registry == {"registered_name": "北京禾木集市电子商务有限公司",
                                  "registered_phones": ["400-810-8888"], "registered_uscc": HEMU,
                                  "registered_domains": ["hemu-demo.cn"]}
    assert merged[1].registry["registered_phones"] == ["400-810-8888"]
    assert merged[2].registry["registered_phones"] == ["010-62345678"]  # the input row's value wins
    assert merged[3].registry == {}


def test_audit_with_unreadable_registry_stops_before_browsing(tmp_path: Path) -> None:
    registry = tmp_path / "registry.json"
    registry.write_text("{ not json", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["audit", "https://example.cn/", "--registry", str(registry),
                                           "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "invalid JSON" in result.output


# --- the cross-checks and the imitation banner, without a browser ------------------------


def _judge_with_registry(ruleset: Ruleset, tmp_path: Path, registry: dict[str, Any],
                         records: dict[str, Any] | None = None) -> tuple[SiteReport, Path]:
    """The stored marketplace snapshot judged with other registry values (and a --registry file's records)."""
    source = tmp_path / "snapshots" / "marketplace"
    shutil.copytree(TESTS / "snapshots" / "marketplace", source)
    stored = json.loads((source / "snapshot.json").read_text(encoding="utf-8"))
    stored["registry"] = registry
    (source / "snapshot.json").write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    batch = judge_snapshots(tmp_path / "snapshots", ruleset, out, JudgeOptions(today=TODAY,
                                                                           registry=records or {}))
    write_batch(batch, out, templates_dir(), "zh")
    return batch.sites[0], out


def test_imitation_banner_and_registry_table(ruleset: Ruleset, tmp_path: Path) -> None:
    # The real operator's records name another domain: this copy shows their name and code.
    site, out = _judge_with_registry(ruleset, tmp_path, {
        "registered_name": "北京星河卡券科技有限公司", "registered_uscc": HEMU,
        "registered_phones": ["400-810-8888"], "registered_domains": ["xinghe-demo.cn"]})
    outcomes = {r.rule_id: r.outcome for r in site.results}
    assert outcomes["registry-domain-official"] == Outcome.FAIL and outcomes["registry-uscc-match"] == Outcome.PASS
    assert site.imitation_finding() is not None
    soup = BeautifulSoup((out / "sites" / "marketplace" / "report.html").read_text(encoding="utf-8"), "html.parser")
    banner = soup.find(id="imitation")
    assert banner is not None and "疑似仿冒网站" in banner.get_text()
    page = str(soup)
    assert page.index('id="imitation"') < page.index('class="meta"')  # above everything else of the site
    cells = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup.select("table.reg tr")]
    rows = {row[0]: row[1:] for row in cells if row}
    assert rows["统一社会信用代码"][:2] == [HEMU, HEMU] and "合规" in rows["统一社会信用代码"][2]
    assert rows["经营者名称"][:2] == ["北京星河卡券科技有限公司", "北京星河卡券科技有限公司"]
    assert rows["域名"][0] == "xinghe-demo.cn" and rows["域名"][1].startswith("127.0.0.1:")
    assert "不合规" in rows["域名"][2]
    assert rows["电话"][0] == "400-810-8888" and "+864008108888" in rows["电话"][1]
    notice = (out / "sites" / "marketplace" / "notice.html").read_text(encoding="utf-8")
    assert "疑似仿冒网站" in notice and "该网站的实际运营者" in notice
    # The overview says it first, links the site, tags its row and lets the table show only such sites.
    overview = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    alert = overview.find(id="imitation")
    assert alert is not None and "发现 1 个疑似仿冒网站" in alert.get_text()
    assert [a["href"] for a in alert.find_all("a")] == ["sites/marketplace/report.html"]
    assert str(overview).index('id="imitation"') < str(overview).index('class="cards"')
    assert "疑似仿冒" in overview.select("#sites tbody tr")[0].get_text()
    assert overview.select_one('#f-outcome option[value="x:imitation"]') is not None
    data = json.loads(overview.find(id="site-data").get_text())
    assert [row["x"] for row in data["rows"]] == [1]


def test_unregistered_domain_without_claims_is_no_imitation(ruleset: Ruleset, tmp_path: Path) -> None:
    site, out = _judge_with_registry(ruleset, tmp_path, {"registered_domains": ["xinghe-demo.cn"]})
    result = next(r for r in site.results if r.rule_id == "registry-domain-official")
    assert result.outcome == Outcome.FAIL and site.imitation_finding() is None
    assert 'id="imitation"' not in (out / "sites" / "marketplace" / "report.html").read_text(encoding="utf-8")
    assert 'id="imitation"' not in (out / "index.html").read_text(encoding="utf-8")


def test_a_copy_in_no_record_is_matched_by_the_credit_code_it_shows(ruleset: Ruleset, tmp_path: Path) -> None:
    # No input row names the site and its domain is in no record; the credit code the page
    # shows is the real operator's, whose record names other domains: a possible imitation.
    operator = {"registered_name": "北京星河卡券科技有限公司", "registered_uscc": HEMU,
                "registered_domains": ["xinghe-demo.cn"]}
    site, out = _judge_with_registry(ruleset, tmp_path, {}, records={HEMU: operator, "other.cn": {}})
    outcomes = {r.rule_id: r.outcome for r in site.results}
    assert outcomes["registry-domain-official"] == Outcome.FAIL and site.imitation_finding() is not None
    assert site.registry == operator  # the report shows which record it was compared with
    assert 'id="imitation"' in (out / "index.html").read_text(encoding="utf-8")


def test_the_sites_own_record_wins_over_the_code_it_shows(ruleset: Ruleset, tmp_path: Path) -> None:
    own = {"registered_domains": ["127.0.0.1"], "registered_uscc": HEMU}
    elsewhere = {"registered_uscc": HEMU, "registered_domains": ["xinghe-demo.cn"]}
    site, _ = _judge_with_registry(ruleset, tmp_path, own, records={HEMU: elsewhere})
    assert site.registry == own


def test_a_shown_code_in_no_record_leaves_the_registry_rules_out(ruleset: Ruleset, tmp_path: Path) -> None:
    site, _ = _judge_with_registry(ruleset, tmp_path, {}, records={"91350100M000100Y43": {"registered_name": "x"}})
    assert site.registry == {}
    assert {r.outcome for r in site.results if r.rule_id.startswith("registry-")} == {Outcome.NOT_APPLICABLE}


def test_no_registry_no_table(ruleset: Ruleset, tmp_path: Path) -> None:
    _, out = _judge_with_registry(ruleset, tmp_path, {})
    page = (out / "sites" / "marketplace" / "report.html").read_text(encoding="utf-8")
    assert 'class="reg"' not in page and 'id="imitation"' not in page


# --- live: an audit from a CSV and a registry file, an imitation site among the sites ----


@pytest.fixture(scope="module")
def registry_audit(need_browser: None, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[dict[str, dict[str, Any]], Path, int]:
    """`auditor audit -i sites.csv --registry registry.json` on three fixture sites, as a regulator runs it."""
    tmp = tmp_path_factory.mktemp("registry-audit")
    with serve(FIXTURE_SITES, only=["marketplace-compliant", "imitation-site", "psb-code-mismatch"]) as sites:
        market, fake, psb = (sites[n].url for n in ("marketplace-compliant", "imitation-site", "psb-code-mismatch"))
        host = {name: site.url.split("//")[1].rstrip("/") for name, site in sites.items()}
        (tmp / "sites.csv").write_text(
            "url,name,profiles,registered_uscc,registered_icp\n"
            f"{market},禾木集市,site;platform,,\n"                     # everything from the registry file
            f"{fake},禾木集市（仿冒）,site;platform,{HEMU},\n"           # claims the operator's code
            f"{psb},云杉家具,site;operator,91310115MA1K00007Q,京ICP备2019011111号\n", encoding="utf-8")
        (tmp / "registry.json").write_text(json.dumps({
            HEMU: {"registered_name": "北京禾木集市电子商务有限公司", "registered_icp": "京ICP备2022034567号",
                   "registered_phones": ["400-810-8888", "010-62345678"],
                   "registered_domains": [host["marketplace-compliant"], "hemu-demo.cn"]},
            host["marketplace-compliant"]: {"registered_uscc": HEMU},
            # The row's own credit code must win over this one (which is what the site shows).
            host["psb-code-mismatch"]: {"registered_uscc": HEMU, "registered_phones": ["010-65431234"]},
        }, ensure_ascii=False, indent=1), encoding="utf-8")
        out = tmp / "out"
        result = CliRunner().invoke(cli.main, ["audit", "-i", str(tmp / "sites.csv"), "--registry",
                                               str(tmp / "registry.json"), "-o", str(out), "--allow-private", "-q"])
        names = {market: "market", fake: "fake", psb: "psb"}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {names[s["input_url"]]: s for s in report["sites"]}, out, result.exit_code


def _outcomes(site: dict[str, Any]) -> dict[str, str]:
    return {r["rule_id"]: r["outcome"] for r in site["results"]}


@pytest.mark.browser
def test_every_site_gets_the_registry_rules_and_the_consistency_rule(
        registry_audit: tuple[dict[str, dict[str, Any]], Path, int]) -> None:
    sites, _, exit_code = registry_audit
    assert exit_code == 1  # the imitation and the mismatching site fail
    for site in sites.values():
        assert site["status"] == "audited"
        assert REGISTRY_RULES | {"disclosures-consistent"} <= set(_outcomes(site))


@pytest.mark.browser
def test_cross_check_outcomes(registry_audit: tuple[dict[str, dict[str, Any]], Path, int]) -> None:
    sites, _, _ = registry_audit
    assert {k: v for k, v in _outcomes(sites["market"]).items() if k in REGISTRY_RULES} == dict.fromkeys(
        REGISTRY_RULES, "pass")
    fake = _outcomes(sites["fake"])
    assert (fake["registry-icp-match"], fake["registry-uscc-match"]) == ("pass", "pass")  # copied numbers
    assert (fake["registry-phone-match"], fake["registry-domain-official"]) == ("fail", "fail")
    psb = _outcomes(sites["psb"])
    assert psb["registry-uscc-match"] == "fail"  # the row's code, not the file's, was compared
    assert psb["registry-icp-match"] == "fail" and psb["registry-phone-match"] == "pass"  # phone from the file
    assert psb["registry-domain-official"] == "pass"


@pytest.mark.browser
def test_imitation_site_flagged_at_the_top_of_its_report(
        registry_audit: tuple[dict[str, dict[str, Any]], Path, int]) -> None:
    sites, out, _ = registry_audit
    assert SiteReport.model_validate(sites["fake"]).imitation_finding() is not None
    assert SiteReport.model_validate(sites["market"]).imitation_finding() is None
    page = (out / sites["fake"]["report_path"]).read_text(encoding="utf-8")
    assert page.index('id="imitation"') < page.index("<table")
    assert "北京禾木集市电子商务有限公司" in page and 'class="reg"' in page


@pytest.mark.browser
def test_audit_output_is_sealed(registry_audit: tuple[dict[str, dict[str, Any]], Path, int]) -> None:
    sites, out, _ = registry_audit
    result = CliRunner().invoke(cli.main, ["verify", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("fake", "psb"):  # the sites that failed a rule got their notice when the reports were written
        assert (out / sites[name]["report_path"]).with_name("notice.html").is_file()
    assert not (out / sites["market"]["report_path"]).with_name("notice.html").exists()


@pytest.mark.browser
def test_notices_then_verify_then_tamper(registry_audit: tuple[dict[str, dict[str, Any]], Path, int],
                                         tmp_path: Path) -> None:
    _, sealed, _ = registry_audit
    out = tmp_path / "out"
    shutil.copytree(sealed, out)
    runner = CliRunner()
    notices = runner.invoke(cli.main, ["notice", str(out)])
    assert notices.exit_code == 0, notices.output
    assert len(list(out.glob("sites/*/notice.html"))) == 2  # the imitation and the mismatching site
    assert verify(out) == []
    ok = runner.invoke(cli.main, ["verify", str(out)])
    assert ok.exit_code == 0, ok.output
    dom = next(out.glob("sites/*/home.html"))  # the rendered DOM copy is evidence too
    dom.write_bytes(dom.read_bytes() + b" ")
    bad = runner.invoke(cli.main, ["verify", str(out)])
    assert bad.exit_code == 1 and f"altered: sites/{dom.parent.name}/home.html" in bad.output


def test_from_snapshots_with_a_registry_file_finds_the_copy_by_its_code(tmp_path: Path) -> None:
    registry = tmp_path / "registry.json"
    registry.write_text(json.dumps({HEMU: {"registered_name": "北京禾木集市电子商务有限公司",
                                           "registered_domains": ["hemu-demo.cn"]}}, ensure_ascii=False),
                        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.main, ["audit", "--from-snapshots", str(TESTS / "snapshots"), "-o", str(out),
                                           "--registry", str(registry)])
    assert result.exit_code == cli.EXIT_FAILURES, result.output
    sites = {Path(s["report_path"]).parent.name: s for s in json.loads((out / "report.json").read_text())["sites"]}
    market = {r["rule_id"]: r["outcome"] for r in sites["marketplace"]["results"]}
    assert market["registry-domain-official"] == "fail" and sites["marketplace"]["registry"]["registered_uscc"] == HEMU
    assert SiteReport.model_validate(sites["marketplace"]).imitation_finding() is not None
    assert sites["shop"]["registry"] == {}  # shows another code (or none): no record, no registry rules
