"""Meta-test: every rule file in rules/ is proven by fixture sites, both ways.

For each rule there must be at least one fixture site (tests/sites/*/expect.yaml) that
expects it to ``pass`` and one that expects it to ``fail``, neither marked as a known
bug, and the audit must really give those outcomes. A new rule file without such
fixtures makes this fail: add a site where the rule passes and one where it fails (one
site can prove several rules; see tests/test_sites.py for the expect.yaml format).
"""

from __future__ import annotations

import pytest

from auditor.judge.ruleset import RESERVED, Ruleset
from auditor.models import Outcome
from auditor.resources import rules_dir
from tests.test_sites import CASES, FixtureAudit, describe

RULE_IDS = sorted(p.stem for p in rules_dir().glob("*.yaml") if p.name not in RESERVED)
PROVEN = ("pass", "fail")


def _fixtures(rule_id: str, outcome: str) -> list[str]:
    """Fixture sites expecting `outcome` for the rule, leaving out known-bug expectations."""
    return [c.name for c in CASES if c.expect.get(rule_id) == outcome and rule_id not in c.xfail]


def test_rule_files_are_the_ruleset(ruleset: Ruleset) -> None:
    assert RULE_IDS, f"no rule files in {rules_dir()}"
    assert sorted(r.id for r in ruleset.rules) == RULE_IDS


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_has_passing_and_failing_fixture(rule_id: str) -> None:
    missing = [outcome for outcome in PROVEN if not _fixtures(rule_id, outcome)]
    assert not missing, (
        f"rule {rule_id}: no fixture site expects {' or '.join(missing)}. Add a site under tests/sites "
        f"(or a line to an existing expect.yaml) where it {' and where it '.join(f'{o}s' for o in missing)}.")


@pytest.mark.browser
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fixtures_give_their_outcomes(rule_id: str, fixture_audit: FixtureAudit) -> None:
    """The pass and fail fixtures of the rule really pass and fail when audited."""
    _, reports, _ = fixture_audit
    wrong = []
    for outcome in PROVEN:
        for name in _fixtures(rule_id, outcome):
            result = next((r for r in reports[name].results if r.rule_id == rule_id), None)
            if result is None:
                wrong.append(f"{name}: no result (status {reports[name].status.value})")
            elif result.outcome != Outcome(outcome):
                wrong.append(f"{name}: expected {outcome}\n  {describe(result)}")
    assert not wrong, f"rule {rule_id}:\n" + "\n".join(wrong)
