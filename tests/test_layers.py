"""The house: stage packages without import circles, a judge that stands alone, a public API, and the
commands a case officer runs (verify, report) working where Playwright is not installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import auditor
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.options import JudgeOptions
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from tests.conftest import TESTS, TODAY

ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "scripts"))
import check_layers  # noqa: E402 - a script, not a package

# Runs a command of cli.py in a fresh interpreter in which `import playwright` fails, as on a machine without it.
WITHOUT_PLAYWRIGHT = """
import sys
class NoPlaywright:
    def find_spec(self, name, path=None, target=None):
        if name == "playwright" or name.startswith("playwright."):
            raise ImportError("playwright is not installed here")
sys.meta_path.insert(0, NoPlaywright())
sys.argv = ["auditor", *sys.argv[1:]]
import cli
cli.run()
"""


def test_the_checkout_has_no_import_circle_and_no_stage_imports_above_itself() -> None:
    problems, modules, arrows = check_layers.problems_in(ROOT)
    assert problems == []
    assert modules > 30 and arrows > modules


def test_the_layer_check_finds_a_circle_an_upward_import_and_a_hidden_import(tmp_path: Path) -> None:
    for folder in ("auditor", "auditor/judge", "auditor/batch"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "auditor/models.py").write_text("", encoding="utf-8")
    (tmp_path / "auditor/judge/site.py").write_text("from auditor.batch.runner import x\n", encoding="utf-8")
    (tmp_path / "auditor/batch/runner.py").write_text(
        "from auditor.judge.site import y\n\ndef f():\n    from auditor.models import z\n", encoding="utf-8")
    problems, _, _ = check_layers.problems_in(tmp_path)
    assert "auditor/judge/site.py:1: judge imports auditor.batch.runner (batch): not below it" in problems
    assert "import circle: auditor.batch.runner → auditor.judge.site" in problems
    assert any("auditor/batch/runner.py:4: imports auditor.models inside a function" in p for p in problems)


def test_the_public_api_names_resolve_without_loading_the_browser_stack() -> None:
    code = ("import sys, auditor; names = [getattr(auditor, n) for n in auditor.__all__ if n != 'audit_sites'];"
            "print('playwright' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"
    assert set(auditor.__all__) >= {"audit_sites", "judge_snapshots", "write_reports", "load_pack", "RunOptions"}
    for name in auditor.__all__:
        assert getattr(auditor, name) is not None
    with pytest.raises(AttributeError):
        _ = auditor.no_such_name


def test_verify_and_report_run_where_playwright_is_not_installed(ruleset: Ruleset, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_batch(judge_snapshots(TESTS / "snapshots", ruleset, out, JudgeOptions(today=TODAY)), out,
                templates_dir(), "zh")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", WITHOUT_PLAYWRIGHT, *args], cwd=ROOT, capture_output=True,
                              text=True)

    verified = run("verify", str(out))
    assert verified.returncode == 0, verified.stderr
    assert "ok: every file matches" in verified.stdout
    rebuilt = run("report", str(out), "--lang", "en", "-o", str(tmp_path / "again"))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert (tmp_path / "again" / "index.html").is_file()
    listed = run("rules", "list")
    assert listed.returncode == 0 and "icp-number-displayed" in listed.stdout
    refused = run("demo", "-o", str(tmp_path / "demo"))  # the one that browses says why it cannot
    assert refused.returncode != 0 and "playwright" in refused.stderr.lower()
