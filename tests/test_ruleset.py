"""The rule pack as data: the bundled pack is complete, and broken rule files are refused clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from auditor.batch import audit as batch_audit
from auditor.errors import RuleFileError
from auditor.judge.ruleset import Ruleset, load_ruleset
from auditor.resources import rules_dir

CONTRACT_RULES = {
    "icp-number-displayed", "icp-number-linked", "icp-number-placement", "icp-licence-displayed",
    "psb-filing-displayed", "business-licence-disclosed", "entity-name-disclosed", "contact-phone-disclosed",
    "contact-address-disclosed", "complaint-channel-disclosed", "user-agreement-linked", "trading-rules-linked",
    "privacy-policy-linked", "privacy-policy-content", "account-deletion-disclosed", "illegal-content-report-entry",
    "culture-licence-displayed", "disclosures-consistent",
    "registry-icp-match", "registry-uscc-match", "registry-phone-match", "registry-domain-official",
}
CONTRACT_PROFILES = {
    "icp-number-displayed": {"site"}, "icp-licence-displayed": {"platform"}, "user-agreement-linked": {"platform"},
    "business-licence-disclosed": {"operator", "platform"}, "illegal-content-report-entry": {"content"},
    "privacy-policy-linked": {"site"}, "culture-licence-displayed": {"content"},
}


def test_pack_has_every_contract_rule(ruleset: Ruleset) -> None:
    assert {r.id for r in ruleset.rules} == CONTRACT_RULES


@pytest.mark.parametrize("rule_id", sorted(CONTRACT_PROFILES))
def test_profiles_follow_the_contract(ruleset: Ruleset, rule_id: str) -> None:
    rule = next(r for r in ruleset.rules if r.id == rule_id)
    assert set(rule.profiles) == CONTRACT_PROFILES[rule_id]


def test_every_rule_is_cited_and_bilingual(ruleset: Ruleset) -> None:
    for rule in ruleset.rules:
        assert rule.title.zh and rule.title.en and rule.remediation.zh and rule.remediation.en
        assert all(c.source.zh and c.article.zh and c.article.en for c in rule.law), rule.id


def test_unverified_citations_are_marked(ruleset: Ruleset) -> None:
    # The rulebook marks SAMR Order 37 Art. 12 and the culture rules' Art. 12 as [M]: from memory.
    unverified = {r.id for r in ruleset.rules if not r.verified}
    assert {"culture-licence-displayed", "business-licence-disclosed"} <= unverified


def _pack_with(tmp_path: Path, name: str, text: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(rules_dir(), pack)
    (pack / name).write_text(text, encoding="utf-8")
    return pack


GOOD = (rules_dir() / "icp-number-linked.yaml").read_text(encoding="utf-8")
BROKEN = {
    "bad yaml": ("icp-number-linked.yaml", GOOD.replace("severity: high", "severity: [high"), "line "),
    "unknown field": ("icp-number-linked.yaml", GOOD + "colour: red\n", "colour: Extra inputs are not permitted"),
    "unknown check": ("icp-number-linked.yaml", GOOD.replace("check: identifier_linked", "check: magic"),
                      "check: unknown check 'magic'"),
    "bad params": ("icp-number-linked.yaml", GOOD.replace("hosts: [miit]", "hosts: []"), "params.hosts"),
    "bad enum": ("icp-number-linked.yaml", GOOD.replace("severity: high", "severity: huge"), "severity:"),
    "missing message": ("icp-number-linked.yaml",
                        "\n".join(line for line in GOOD.splitlines() if not line.startswith("  obsolete:")),
                        "missing message for outcome code 'obsolete'"),
    "bad placeholder": ("icp-number-linked.yaml", GOOD.replace("链接至 {url}", "链接至 {link}"),
                        "unknown placeholder(s) ['link']"),
    "id differs from file": ("renamed.yaml", GOOD, "id: 'icp-number-linked' must equal the file name 'renamed'"),
    "unknown profile": ("icp-number-linked.yaml", GOOD.replace("profiles: [site]", "profiles: [bank]"),
                        "unknown profile 'bank'"),
    "unknown page": ("icp-number-linked.yaml", GOOD.replace("check: identifier_linked",
                                                            "pages: [faq]\ncheck: identifier_linked"),
                     "unknown page kind 'faq'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_rule_file_names_file_field_problem(tmp_path: Path, case: str) -> None:
    name, text, expected = BROKEN[case]
    pack = _pack_with(tmp_path, name, text)
    with pytest.raises(RuleFileError) as info:
        load_ruleset(pack)
    assert any(str(pack / name) in p and expected in p for p in info.value.problems), info.value.problems


def test_rules_check_command_exits_2_with_message(tmp_path: Path) -> None:
    pack = _pack_with(tmp_path, "icp-number-linked.yaml", GOOD.replace("check: identifier_linked", "check: magic"))
    result = CliRunner().invoke(cli.main, ["rules", "check", str(pack)])
    assert result.exit_code == 2
    assert "icp-number-linked.yaml: check: unknown check 'magic'" in result.output


def test_audit_with_broken_rules_browses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = _pack_with(tmp_path, "icp-number-linked.yaml", GOOD + "colour: red\n")

    def no_browsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the audit must stop before any browsing")

    monkeypatch.setattr(batch_audit, "audit_store", no_browsing)
    result = CliRunner().invoke(cli.main, ["audit", "https://example.cn/", "--rules", str(pack),
                                           "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "colour: Extra inputs are not permitted" in result.output
    assert not (tmp_path / "out").exists()


def test_rules_list_shows_all_rules() -> None:
    result = CliRunner().invoke(cli.main, ["rules", "list", "--lang", "en"])
    assert result.exit_code == 0
    for rule_id in CONTRACT_RULES:
        assert rule_id in result.output
    assert "[unverified]" in result.output and "Art. 12" in result.output


def test_vocabulary_is_data(ruleset: Ruleset) -> None:
    kinds = ruleset.vocabulary.kinds
    assert {"user_agreement", "trading_rules", "privacy_policy", "contact", "about", "licence"} <= set(kinds)
    assert "隐私政策" in kinds["privacy_policy"].link_text


def test_worked_example_in_docs_is_a_valid_rule(tmp_path: Path) -> None:
    """docs/rules.md promises its example passes `auditor rules check`; keep it honest."""
    doc = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    block = doc.split("# my-rules/platform-psb-linked.yaml\n", 1)[1].split("```", 1)[0]
    pack = _pack_with(tmp_path, "platform-psb-linked.yaml", block)
    loaded = load_ruleset(pack)
    assert "platform-psb-linked" in {r.id for r in loaded.rules}
    broken = "\n".join(line for line in block.splitlines() if not line.startswith("  legacy:"))
    (pack / "platform-psb-linked.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(RuleFileError, match="missing message for outcome code 'legacy'"):
        load_ruleset(pack)
