"""The engine around the checks (no browser): profiles, errors as results, and what could not be seen."""

from __future__ import annotations

import logging

import pytest

from auditor.judge import engine
from auditor.judge.checks import CHECKS, CheckSpec, Verdict
from auditor.judge.extract import extract
from auditor.judge.ruleset import Ruleset
from auditor.models import Outcome, PageSnapshot, SiteSnapshot, SiteStatus, TextBlock
from tests.conftest import TODAY

HOME = "https://shop.example.cn/"


def _site(*pages: PageSnapshot) -> SiteSnapshot:
    return SiteSnapshot(input_url=HOME, final_url=HOME, status=SiteStatus.AUDITED, pages=list(pages))


def _home(text: str = "版权所有") -> PageSnapshot:
    block = TextBlock(text=text, bbox=(300, 1800, 400, 20), region="footer", centered=True, links=[])
    return PageSnapshot(kind="home", url=HOME, final_url=HOME, http_status=200, blocks=[block])


def _results(ruleset: Ruleset, snapshot: SiteSnapshot, profiles: set[str]) -> dict[str, tuple[Outcome, str]]:
    facts = extract(snapshot, ruleset.vocabulary, TODAY)
    return {r.rule_id: (r.outcome, r.message) for r in engine.evaluate(ruleset, facts, profiles, "zh")}


def _rule(ruleset: Ruleset, rule_id: str) -> Ruleset:
    return ruleset.select([rule_id])


def test_a_rule_outside_the_sites_profiles_is_not_applicable(ruleset: Ruleset) -> None:
    results = _results(ruleset, _site(_home()), {"site"})
    assert results["user-agreement-linked"][0] == Outcome.NOT_APPLICABLE
    assert results["icp-number-displayed"][0] == Outcome.FAIL  # a site rule still runs
    assert "网站" in results["user-agreement-linked"][1]  # the profile is named in words


def test_a_fail_that_rests_on_a_page_that_did_not_load_is_needs_review(ruleset: Ruleset) -> None:
    broken = PageSnapshot(kind="privacy_policy", url=HOME + "privacy.html", final_url=HOME + "privacy.html",
                          error="timeout: no response within 20 s")
    results = _results(_rule(ruleset, "privacy-policy-content"), _site(_home(), broken), {"site"})
    outcome, message = results["privacy-policy-content"]
    assert outcome == Outcome.NEEDS_REVIEW
    assert "timeout" in message and "不视为缺失" in message


def test_a_page_that_loaded_leaves_a_fail_standing(ruleset: Ruleset) -> None:
    empty = PageSnapshot(kind="privacy_policy", url=HOME + "privacy.html", final_url=HOME + "privacy.html",
                         http_status=200)
    results = _results(_rule(ruleset, "privacy-policy-content"), _site(_home(), empty), {"site"})
    assert results["privacy-policy-content"][0] == Outcome.FAIL


def test_only_a_fail_is_softened_by_a_page_that_did_not_load(ruleset: Ruleset) -> None:
    broken = PageSnapshot(kind="about", url=HOME + "about.html", final_url=HOME + "about.html", error="crashed")
    shown = _home("杭州青禾茶业有限公司 版权所有")
    results = _results(_rule(ruleset, "entity-name-disclosed"), _site(shown, broken), {"site", "operator"})
    assert results["entity-name-disclosed"][0] == Outcome.PASS  # what was seen stands


def test_a_check_that_raises_is_an_error_for_its_rule_only(ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    def broken(*args: object) -> Verdict:
        raise ValueError("a bug in a check")

    spec = CHECKS["identifier_linked"]
    monkeypatch.setitem(CHECKS, "identifier_linked", CheckSpec(broken, spec.params, spec.codes))
    with caplog.at_level(logging.ERROR, logger="auditor.judge.engine"):
        results = _results(ruleset, _site(_home("京ICP备2024012345号-1")), {"site"})
    outcome, message = results["icp-number-linked"]
    assert outcome == Outcome.ERROR and "ValueError: a bug in a check" in message
    assert results["icp-number-displayed"][0] == Outcome.PASS  # the other rules are judged
    assert any("icp-number-linked" in r.getMessage() for r in caplog.records)


def test_a_check_returning_a_code_it_did_not_declare_is_an_error(ruleset: Ruleset,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    spec = CHECKS["identifier_displayed"]

    def sloppy(*args: object) -> Verdict:
        return Verdict(Outcome.FAIL, "no_such_code")

    monkeypatch.setitem(CHECKS, "identifier_displayed", CheckSpec(sloppy, spec.params, spec.codes))
    results = _results(_rule(ruleset, "icp-number-displayed"), _site(_home()), {"site"})
    outcome, message = results["icp-number-displayed"]
    assert outcome == Outcome.ERROR and "no_such_code" in message


def test_codes_are_worded_in_both_languages(ruleset: Ruleset) -> None:
    facts = extract(_site(_home("京ICP备12345678-1号")), ruleset.vocabulary, TODAY)
    result = next(r for r in engine.evaluate(_rule(ruleset, "icp-number-displayed"), facts, {"site"}, "en"))
    assert result.outcome == Outcome.FAIL
    assert "号-1" in result.messages.zh and "should be …号-1" in result.messages.en  # the problem code in words
    assert result.message == result.messages.en


def test_codes_become_words_and_unknown_codes_and_missing_values_stay_readable(
        ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = CHECKS["identifier_displayed"]

    def odd(*args: object) -> Verdict:
        return Verdict(Outcome.FAIL, "nonstandard", {"value": "京ICP备1号", "problems": "suffix_misplaced、mystery"})

    monkeypatch.setitem(CHECKS, "identifier_displayed", CheckSpec(odd, spec.params, spec.codes))
    facts = extract(_site(_home()), ruleset.vocabulary, TODAY)
    result = engine.evaluate(_rule(ruleset, "icp-number-displayed"), facts, {"site"}, "zh")[0]
    assert "网站序号写在" in result.messages.zh and "mystery" in result.messages.zh  # a code without words stays
    assert "site number placed before 号" in result.messages.en and ", mystery" in result.messages.en

    def bare(*args: object) -> Verdict:
        return Verdict(Outcome.FAIL, "nonstandard", {"value": "京ICP备1号"})  # its message also asks for {problems}

    monkeypatch.setitem(CHECKS, "identifier_displayed", CheckSpec(bare, spec.params, spec.codes))
    result = engine.evaluate(_rule(ruleset, "icp-number-displayed"), facts, {"site"}, "zh")[0]
    assert "（-）" in result.messages.zh  # a value the check left out reads as a dash


def test_page_kinds_in_messages_are_worded(ruleset: Ruleset) -> None:
    about = PageSnapshot(kind="about", url=HOME + "about.html", final_url=HOME + "about.html", http_status=200,
                         blocks=[TextBlock(text="统一社会信用代码：91330110MA2H7K3C6K", bbox=(0, 0, 1, 1),
                                           region="main", centered=False, links=[])])
    results = _results(_rule(ruleset, "business-licence-disclosed"), _site(_home(), about), {"site", "operator"})
    outcome, message = results["business-licence-disclosed"]
    assert outcome == Outcome.NEEDS_REVIEW and "关于我们" in message


def test_registry_values_reach_the_registry_rules(ruleset: Ruleset) -> None:
    facts = extract(_site(_home("京ICP备2024012345号-1")), ruleset.vocabulary, TODAY)
    results = engine.evaluate(_rule(ruleset, "registry-icp-match"), facts, {"site"}, "zh",
                              {"registered_icp": "京ICP备2024012345号"})
    assert results[0].outcome == Outcome.PASS


def test_every_page_that_did_not_load_is_named(ruleset: Ruleset) -> None:
    broken = [PageSnapshot(kind=kind, url=f"{HOME}{kind}.html", final_url=f"{HOME}{kind}.html", error=f"{kind} down")
              for kind in ("privacy_policy", "help")]
    results = _results(_rule(ruleset, "account-deletion-disclosed"), _site(_home(), *broken), {"site", "operator"})
    outcome, message = results["account-deletion-disclosed"]
    assert outcome == Outcome.NEEDS_REVIEW and "privacy_policy: privacy_policy down; help: help down" in message


def _verdict(ruleset: Ruleset, rule_id: str, *pages: PageSnapshot, profiles: frozenset[str] = frozenset({"site"})
             ) -> Verdict:
    rule = next(r for r in ruleset.rules if r.id == rule_id)
    facts = extract(_site(*pages), ruleset.vocabulary, TODAY)
    return engine.run_rule(rule, facts, set(profiles), {}, ruleset.pack.documents)


CUT = "the transfer of the page broke off (net::ERR_CONNECTION_RESET): only its first part arrived"


def test_a_fail_on_a_page_that_arrived_cut_is_a_review_that_names_it(ruleset: Ruleset) -> None:
    cut = _home().model_copy(update={"incomplete": CUT})  # the footer may be in the part that never came
    verdict = _verdict(ruleset, "icp-number-displayed", cut)
    assert verdict == Verdict(Outcome.NEEDS_REVIEW, "page_incomplete", {"detail": f"home: {CUT}"})


def test_what_a_cut_page_does_show_stands(ruleset: Ruleset) -> None:
    cut = _home("京ICP备12345678号-1").model_copy(update={"incomplete": CUT})
    verdict = _verdict(ruleset, "icp-number-displayed", cut)
    assert (verdict.outcome, verdict.code) == (Outcome.PASS, "pass")


def test_a_cut_page_the_rule_does_not_read_leaves_its_fail(ruleset: Ruleset) -> None:
    about = PageSnapshot(kind="about", url=HOME + "about.html", final_url=HOME + "about.html", http_status=200,
                         incomplete=CUT)
    verdict = _verdict(ruleset, "icp-number-displayed", _home(), about)
    assert (verdict.outcome, verdict.code) == (Outcome.FAIL, "missing")


def test_a_page_that_did_not_load_is_named_before_one_that_arrived_cut(ruleset: Ruleset) -> None:
    cut = _home().model_copy(update={"incomplete": CUT})
    broken = PageSnapshot(kind="privacy_policy", url=HOME + "privacy.html", final_url=HOME + "privacy.html",
                          error="crashed")
    verdict = _verdict(ruleset, "account-deletion-disclosed", cut, broken, profiles=frozenset({"site", "operator"}))
    assert verdict == Verdict(Outcome.NEEDS_REVIEW, "page_unavailable", {"detail": "privacy_policy: crashed"})


def test_not_applicable_names_the_sites_profiles(ruleset: Ruleset) -> None:
    verdict = _verdict(ruleset, "user-agreement-linked", _home(), profiles=frozenset({"site", "operator"}))
    assert verdict == Verdict(Outcome.NOT_APPLICABLE, "not_applicable", {"profiles": "operator、site"})


def test_a_rule_reads_the_parameters_it_has_now(ruleset: Ruleset) -> None:
    """Parameters are validated once and kept, but a copy with other ones (or another check) reads its own."""
    rule = _rule(ruleset, "contact-phone-disclosed").rules[0]
    facts = extract(_site(_home("客服热线：0571-87654321")), ruleset.vocabulary, TODAY)
    assert engine.run_rule(rule, facts, {"site", "operator"}).outcome == Outcome.PASS
    excluded = rule.model_copy(update={"params": {**rule.params, "exclude_labels": ["客服热线"]}})
    assert engine.run_rule(excluded, facts, {"site", "operator"}).outcome == Outcome.FAIL
    assert engine.run_rule(rule, facts, {"site", "operator"}).outcome == Outcome.PASS
    broken = rule.model_copy(update={"params": {**rule.params, "no_such_parameter": 1}})
    for _ in range(2):  # not validated once and then taken for valid
        verdict = engine.run_rule(broken, facts, {"site", "operator"})
        assert (verdict.outcome, verdict.code) == (Outcome.ERROR, "error")
        assert "no_such_parameter" in verdict.values["detail"]
