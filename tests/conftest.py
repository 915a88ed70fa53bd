"""Shared fixtures: the rule pack, fixture sites on 127.0.0.1, and one audit of them all.

Browser tests need Chromium. Outside CI a missing browser skips them with the reason;
with CI=true it fails them, so a broken install can never pass as green. $AUDITOR_BROWSER
picks the browser (.ci/run runs the `every_browser` tests once more on full Chromium); one
that is set but missing is the same failure, since the search would quietly test another.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from playwright.async_api import async_playwright

from auditor.batch.runner import audit_sites
from auditor.browse.browser import BrowserChoice, choose_browser
from auditor.demo import serve
from auditor.errors import BrowserNotFoundError
from auditor.judge.ruleset import Ruleset, load_ruleset
from auditor.models import BatchReport, SiteReport
from auditor.options import Limits, RunOptions
from auditor.resources import rules_dir

TESTS = Path(__file__).parent
FIXTURE_SITES = TESTS / "sites"
# The real footers live beside the checkout, not in it; a clone elsewhere names them.
REALWEB = Path(os.environ.get("AUDITOR_REALWEB") or TESTS.parent.parent / "shared" / "realweb")
TODAY = date(2026, 11, 25)  # fixed so licence-age checks give the same answer every day
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Hypothesis's default deadline (200 ms an example) fails on a cold machine: the first
# examples pay for imports, compiled patterns and phone metadata loaded on first use, and two
# busy cores stretch any of them. Examples take under 15 ms; the deadline stays, to catch a
# check gone pathologically slow, at a size no cold start reaches.
settings.register_profile("auditor", deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "auditor"))


def find_browser() -> tuple[BrowserChoice | None, str | None]:
    """The browser the tests will use, or why there is none (the search of a run, without launching)."""

    async def search() -> BrowserChoice:
        async with async_playwright() as pw:
            return choose_browser(pw, os.environ.get("AUDITOR_BROWSER"))

    try:
        choice = asyncio.run(search())
    except BrowserNotFoundError as exc:
        return None, str(exc)
    if choice.passed_over:
        return choice, f"AUDITOR_BROWSER={os.environ.get('AUDITOR_BROWSER')} not found (would test {choice.path})"
    return choice, None


def browser_available() -> str | None:
    """None if a browser can be launched, else why not."""
    return find_browser()[1]


def pytest_report_header(config: pytest.Config) -> str:
    choice, problem = find_browser()
    return f"browser: {problem or (choice.path + ' (' + choice.source + ')' if choice else '')}"


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Whatever reads the one audit of the fixture sites reads what a browser rendered: `every_browser`."""
    for item in items:
        if "fixture_audit" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.every_browser)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current output instead of comparing.")
