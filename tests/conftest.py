"""Shared fixtures: the rule pack, fixture sites on 127.0.0.1, and one audit of them all.

Browser tests need Chromium. Outside CI a missing browser skips them with the reason;
with CI=true it fails them, so a broken install can never pass as green.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.async_api import async_playwright

from auditor.batch.runner import audit_sites
from auditor.browse.browser import choose_browser
from auditor.demo import serve
from auditor.errors import BrowserNotFoundError
from auditor.judge.ruleset import Ruleset, load_ruleset
from auditor.models import BatchReport, SiteReport
from auditor.options import Limits, RunOptions
from auditor.resources import rules_dir

TESTS = Path(__file__).parent
FIXTURE_SITES = TESTS / "sites"
REALWEB = TESTS.parent.parent / "shared" / "realweb"
TODAY = date(2026, 11, 25)  # fixed so licence-age checks give the same answer every day
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def browser_available() -> str | None:
    """None if a browser can be launched, else why not."""

    async def probe() -> None:
        async with async_playwright() as pw:
            choose_browser(pw, os.environ.get("AUDITOR_BROWSER"))

    try:
        asyncio.run(probe())
    except BrowserNotFoundError as exc:
        return str(exc)
    return None


@pytest.fixture(scope="session")
def need_browser() -> None:
    reason = browser_available()
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"CI=true and no browser: {reason}")
    pytest.skip(f"no browser on this machine: {reason}")


@pytest.fixture(scope="session")
def ruleset() -> Ruleset:
    return load_ruleset(rules_dir())


def run_audit(root: Path, ruleset: Ruleset, out: Path, only: list[str] | None = None,
              limits: Limits | None = None) -> tuple[BatchReport, dict[str, SiteReport]]:
    """Serve the site folders under `root`, audit them all in one run, return reports by folder."""
    with serve(root, only=only) as sites:
        # Fixture pages (and the real footers) reference outside hosts: loopback-only keeps
        # every request on this machine.
        default = Limits(page_timeout_s=15, site_timeout_s=60, allow_private=True, loopback_only=True)
        options = RunOptions(out_dir=out, today=TODAY, limits=limits or default)
        batch = asyncio.run(audit_sites(list(sites.values()), ruleset, options))
        by_url = {s.input_url: s for s in batch.sites}
        return batch, {name: by_url[site.url] for name, site in sites.items()}


@pytest.fixture(scope="session")
def fixture_audit(need_browser: None, ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[tuple[BatchReport, dict[str, SiteReport], Path]]:
    """One audit of every fixture site under tests/sites (rendering is the slow part: do it once)."""
    out = tmp_path_factory.mktemp("fixture-audit")
    batch, reports = run_audit(FIXTURE_SITES, ruleset, out)
    yield batch, reports, out


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current output instead of comparing.")
