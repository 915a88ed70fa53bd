"""Judging stored snapshots: no browser, same results every time (golden report.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.models import Outcome
from auditor.options import JudgeOptions
from auditor.outputs.report_json import json_schema, write_json
from tests.conftest import TESTS, TODAY

SNAPSHOTS = TESTS / "snapshots"
GOLDEN = TESTS / "golden" / "report.json"
SCHEMA = TESTS.parent / "schema" / "report.schema.json"


def _stable(report: dict[str, Any]) -> dict[str, Any]:
    """Drop what changes run to run (times, tool version) before comparing."""
    report = dict(report, started_at="-", finished_at="-", tool={"name": report["tool"]["name"], "version": "-"})
    report["sites"] = sorted(report["sites"], key=lambda s: s["input_url"])
    return report


@pytest.fixture(scope="module")
def offline_report(ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("offline")
    batch = judge_snapshots(SNAPSHOTS, ruleset, out, JudgeOptions(today=TODAY))
    data: dict[str, Any] = json.loads(write_json(batch, out).read_text(encoding="utf-8"))
    return data


def test_golden_report(offline_report: dict[str, Any], request: pytest.FixtureRequest) -> None:
    actual = _stable(offline_report)
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert actual == expected, "report changed: review the diff, then run pytest --update-golden"


def test_report_matches_committed_schema(offline_report: dict[str, Any]) -> None:
    jsonschema.validate(offline_report, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_committed_schema_is_current() -> None:
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json_schema(), (
        "schema/report.schema.json is stale: python -c 'from auditor.outputs.report_json import dump_schema; "
        "from pathlib import Path; dump_schema(Path(\"schema/report.schema.json\"))'")


def test_contract_fields_present(offline_report: dict[str, Any]) -> None:
    for key in ("schema_version", "tool", "rules", "started_at", "finished_at", "sites"):
        assert key in offline_report
    site = offline_report["sites"][0]
    for key in ("input_url", "final_url", "status", "error", "profiles", "pages", "facts", "results"):
        assert key in site
    for key in ("icp_filing_numbers", "icp_licence_numbers", "telecom_licence_numbers", "psb_numbers",
                "credit_codes", "entity_names", "phones", "emails", "addresses", "links"):
        assert isinstance(site["facts"][key], (list, dict))
    for result in site["results"]:
        assert {"rule_id", "outcome", "severity", "message", "evidence"} <= set(result)


def test_stored_snapshots_give_expected_verdicts(offline_report: dict[str, Any]) -> None:
    by_name = {s["name"]: {r["rule_id"]: r["outcome"] for r in s["results"]} for s in offline_report["sites"]}
    market = next(v for k, v in by_name.items() if "星河" in k)
    shop = next(v for k, v in by_name.items() if "小满" in k)
    assert all(o in (Outcome.PASS, Outcome.NOT_APPLICABLE) for o in market.values()), market
    assert shop["icp-number-displayed"] == "fail"
    assert shop["business-licence-disclosed"] == "needs_review"
    assert shop["contact-phone-disclosed"] == "pass"


def test_rule_change_reruns_on_snapshots(ruleset: Ruleset, tmp_path: Path) -> None:
    """The point of snapshots: a different rule selection re-judges without a browser."""
    only = ruleset.select(["icp-number-linked"])
    batch = judge_snapshots(SNAPSHOTS, only, tmp_path, JudgeOptions(today=TODAY, lang="en"))
    assert {r.rule_id for s in batch.sites for r in s.results} == {"icp-number-linked"}
    assert all(r.message == r.messages.en for s in batch.sites for r in s.results)
