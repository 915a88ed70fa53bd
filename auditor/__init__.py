"""Disclosure Auditor: audit websites for the public disclosures Chinese law requires.

The Python API a user can script (the same calls the command line makes)::

    import asyncio
    from pathlib import Path
    from auditor import RunOptions, SiteInput, audit_sites, judge_snapshots, load_pack, write_reports

    rules = load_pack()                                          # the bundled China pack
    batch = asyncio.run(audit_sites([SiteInput("https://shop.example.cn/")], rules,
                                    RunOptions(out_dir=Path("out"))))
    write_reports(batch, Path("out"))                            # report.json, HTML, CSV, JUnit, manifests
    again = judge_snapshots(Path("out"), rules, Path("out2"), RunOptions(out_dir=Path("out2")).judging)
    diff = diff_reports(Path("round1"), Path("round2"), Path("diff"))  # a follow-up: what changed (no browser)

Names are loaded when first used, so ``import auditor`` (or ``auditor verify``) does not
load the browser stack; only ``audit_sites`` needs Playwright.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.batch.baseline import read_baseline
    from auditor.batch.report import diff_reports
    from auditor.batch.runner import audit_sites
    from auditor.inputs.sites import SiteInput, read_sites
    from auditor.judge.ruleset import Ruleset, load_pack
    from auditor.judge.site import judge, judge_snapshots
    from auditor.models import BatchReport, Outcome, RuleResult, Severity, SiteReport, SiteStatus
    from auditor.options import JudgeOptions, Limits, RunOptions
    from auditor.outputs.manifest import verify
    from auditor.outputs.report_json import load_json
    from auditor.outputs.write import Outputs, write_reports

_HOME = {
    "read_baseline": "auditor.batch.baseline",
    "diff_reports": "auditor.batch.report",
    "audit_sites": "auditor.batch.runner",
    "SiteInput": "auditor.inputs.sites",
    "read_sites": "auditor.inputs.sites",
    "Ruleset": "auditor.judge.ruleset",
    "load_pack": "auditor.judge.ruleset",
    "judge": "auditor.judge.site",
    "judge_snapshots": "auditor.judge.site",
    "BatchReport": "auditor.models",
    "Outcome": "auditor.models",
    "RuleResult": "auditor.models",
    "Severity": "auditor.models",
    "SiteReport": "auditor.models",
    "SiteStatus": "auditor.models",
    "JudgeOptions": "auditor.options",
    "Limits": "auditor.options",
    "RunOptions": "auditor.options",
    "verify": "auditor.outputs.manifest",
    "load_json": "auditor.outputs.report_json",
    "Outputs": "auditor.outputs.write",
    "write_reports": "auditor.outputs.write",
}
__all__ = [
    "BatchReport",
    "JudgeOptions",
    "Limits",
    "Outcome",
    "Outputs",
    "RuleResult",
    "Ruleset",
    "RunOptions",
    "Severity",
    "SiteInput",
    "SiteReport",
    "SiteStatus",
    "audit_sites",
    "diff_reports",
    "judge",
    "judge_snapshots",
    "load_json",
    "load_pack",
    "read_baseline",
    "read_sites",
    "verify",
    "write_reports",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'auditor' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
