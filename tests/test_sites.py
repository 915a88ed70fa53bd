"""Fixture sites: small static sites under tests/sites, rendered in Chromium and judged.

Each folder is one site (pages + ``site.yaml``) plus ``expect.yaml``, which says what
the fixture proves::

    # what this fixture proves
    status: audited            # optional, default audited
    expect:                    # partial: only the listed rules are asserted
      icp-number-displayed: pass
    messages:                  # optional: text the rule's message must contain (zh or en)
      icp-number-displayed: 号-1
    facts:                     # optional: values that must be in the report facts (subset)
      icp_filing_numbers: [京ICP备12345678号-1]
      links: {privacy_policy: /privacy.html}   # page kind → URL path
    absent_facts:              # optional: values that must NOT be in the facts
      icp_filing_numbers: [京ICP备99999999号]
      links: [user_agreement]                  # page kinds that must not be found
    source_lacks:              # optional: strings a raw file must not contain
      index.html: [京ICP备12345678号-1]         # (proves only rendering can find them)
    xfail:                     # optional: a known product bug, per rule id or
      icp-number-linked: "bug: …"               # "facts" / "absent_facts"; strict

All sites are rendered once per session (``fixture_audit``); the tests here only read
the reports. Tests that need no browser (the fixture files themselves) run anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from auditor.demo import site_config
from auditor.judge.ruleset import PROFILES, Ruleset
from auditor.models import BatchReport, Facts, Outcome, RuleResult, SiteReport, SiteStatus
from tests.conftest import FIXTURE_SITES

FixtureAudit = tuple[BatchReport, dict[str, SiteReport], Path]

OUTCOMES = {o.value for o in Outcome}
STATUSES = {s.value for s in SiteStatus}
FACT_LISTS = {name for name in Facts.model_fields if name != "links"}
KEYS = {"status", "expect", "messages", "facts", "absent_facts", "source_lacks", "xfail"}
XFAIL_PARTS = {"facts", "absent_facts"}


@dataclass(frozen=True)
class Case:
    """One fixture site and what its expect.yaml asserts."""

    name: str
    folder: Path
    profiles: tuple[str, ...]
    status: str = "audited"
    expect: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    absent_facts: dict[str, Any] = field(default_factory=dict)
    source_lacks: dict[str, list[str]] = field(default_factory=dict)
    xfail: dict[str, str] = field(default_factory=dict)


def _strings(path: Path, where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{path}: {where}: expected a list of strings (quote phones: \"+86…\"), got {value!r}")
    return value


def _mapping(path: Path, where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{path}: {where}: expected a mapping, got {value!r}")
    return value


def load_case(path: Path) -> Case:
    """Read and check one expect.yaml; a malformed file is an error naming the file and field."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    _mapping(path, "root", data)
    unknown = set(data) - KEYS
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)} (known: {sorted(KEYS)})")
    status = data.get("status", "audited")
    if status not in STATUSES:
        raise ValueError(f"{path}: status: {status!r} is not one of {sorted(STATUSES)}")
    expect = {str(k): v for k, v in _mapping(path, "expect", data.get("expect") or {}).items()}
    for rule_id, outcome in expect.items():
        if outcome not in OUTCOMES:
            raise ValueError(f"{path}: expect.{rule_id}: {outcome!r} is not one of {sorted(OUTCOMES)}")
    messages = {str(k): str(v) for k, v in _mapping(path, "messages", data.get("messages") or {}).items()}
    if set(messages) - set(expect):
        raise ValueError(f"{path}: messages: {sorted(set(messages) - set(expect))} have no expected outcome")
    facts = _mapping(path, "facts", data.get("facts") or {})
    absent = _mapping(path, "absent_facts", data.get("absent_facts") or {})
    for where, part in (("facts", facts), ("absent_facts", absent)):
        for name, values in part.items():
            if name == "links":
                if where == "facts":
                    links = _mapping(path, "facts.links", values)
                    _strings(path, "facts.links", list(links.values()))
                else:
                    _strings(path, "absent_facts.links", values)
            elif name in FACT_LISTS:
                _strings(path, f"{where}.{name}", values)
            else:
                raise ValueError(f"{path}: {where}.{name}: no such fact (known: {sorted(FACT_LISTS | {'links'})})")
    lacks = _mapping(path, "source_lacks", data.get("source_lacks") or {})
    for file_name, values in lacks.items():
        _strings(path, f"source_lacks.{file_name}", values)
    xfail = {str(k): str(v) for k, v in _mapping(path, "xfail", data.get("xfail") or {}).items()}
    for key, reason in xfail.items():
        if key not in expect and key not in XFAIL_PARTS:
            raise ValueError(f"{path}: xfail.{key}: not an expected rule nor one of {sorted(XFAIL_PARTS)}")
        if not reason.startswith("bug:"):
            raise ValueError(f"{path}: xfail.{key}: the reason must start with 'bug:' and say what is wrong")
    config = site_config(path.parent)
    profiles = tuple(config.get("profiles") or ())
    return Case(name=path.parent.name, folder=path.parent, profiles=profiles, status=status, expect=expect,
                messages=messages, facts=facts, absent_facts=absent, source_lacks=lacks, xfail=xfail)


def load_cases() -> list[Case]:
    return [load_case(path) for path in sorted(FIXTURE_SITES.glob("*/expect.yaml"))]


CASES = load_cases()
AUDITED = [c for c in CASES if c.status == SiteStatus.AUDITED]


def _xfail(case: Case, key: str) -> list[pytest.MarkDecorator]:
    reason = case.xfail.get(key)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def _case_params(cases: list[Case], xfail_key: str | None = None) -> list[Any]:
    return [pytest.param(c, id=c.name, marks=_xfail(c, xfail_key) if xfail_key else []) for c in cases]


def _outcome_params() -> list[Any]:
    return [pytest.param(c, rule_id, want, id=f"{c.name}:{rule_id}", marks=_xfail(c, rule_id))
            for c in CASES for rule_id, want in sorted(c.expect.items())]


def _report(fixture_audit: FixtureAudit, case: Case) -> SiteReport:
    _, reports, _ = fixture_audit
    assert case.name in reports, f"{case.name}: not audited (is it a folder under {FIXTURE_SITES}?)"
    return reports[case.name]


def _result(report: SiteReport, rule_id: str) -> RuleResult | None:
    return next((r for r in report.results if r.rule_id == rule_id), None)


def describe(result: RuleResult) -> str:
    """A rule result as a reader of a failing test wants it: outcome, both messages, evidence."""
    lines = [f"outcome: {result.outcome.value}", f"message: {result.messages.zh}", f"         {result.messages.en}"]
    lines += [f"evidence: [{e.region or '-'}] {e.text[:160]} ({e.page_url})" for e in result.evidence]
    return "\n  ".join(lines)


# --- the fixture files themselves (no browser) -------------------------------------------


def test_every_site_folder_has_expectations() -> None:
    """A folder without expect.yaml would be rendered on every run and assert nothing."""
    folders = sorted(p.name for p in FIXTURE_SITES.iterdir() if p.is_dir())
    assert folders, f"no fixture sites under {FIXTURE_SITES}"
    missing = [name for name in folders if not (FIXTURE_SITES / name / "expect.yaml").is_file()]
    assert not missing, f"fixture folders without expect.yaml: {missing}"


@pytest.mark.parametrize("case", _case_params(CASES))
def test_site_yaml(case: Case) -> None:
    config = site_config(case.folder)
    assert config.get("name"), f"{case.folder}/site.yaml: give the site a name"
    assert case.profiles, f"{case.folder}/site.yaml: list the site's profiles"
    unknown = set(case.profiles) - set(PROFILES)
    assert not unknown, f"{case.folder}/site.yaml: unknown profiles {sorted(unknown)}"
    assert (case.folder / "index.html").is_file(), f"{case.folder}: no index.html"


def test_expectations_name_rules_of_the_pack(ruleset: Ruleset) -> None:
    ids = {r.id for r in ruleset.rules}
    unknown = [f"{c.name}: {rule_id}" for c in CASES for rule_id in c.expect if rule_id not in ids]
    assert not unknown, f"expect.yaml names rules that do not exist: {unknown}"


def test_expectations_respect_profiles(ruleset: Ruleset) -> None:
    """An expect.yaml cannot ask an inapplicable rule for anything but not_applicable."""
    profiles = {r.id: set(r.profiles) for r in ruleset.rules}
    wrong = [f"{c.name}: {rule_id}: {want} (site {list(c.profiles)}, rule {sorted(profiles[rule_id])})"
             for c in CASES for rule_id, want in c.expect.items()
             if rule_id in profiles and not profiles[rule_id] & set(c.profiles) and want != "not_applicable"]
    assert not wrong, "expectations for rules that do not apply to the site:\n" + "\n".join(wrong)


def test_every_rule_has_an_inapplicable_fixture(ruleset: Ruleset) -> None:
    """So that the not_applicable check below really runs for every rule."""
    # Rules for every profile (the registry cross-checks) are never inapplicable by profile:
    # they are not applicable when a site has no registry values, which expect.yaml covers.
    lonely = [r.id for r in ruleset.rules if set(r.profiles) != set(PROFILES)
              and not any(not set(r.profiles) & set(c.profiles) for c in AUDITED)]
    assert not lonely, f"no audited fixture site lies outside the profiles of: {lonely}"


_OWN_RESOURCE_TAGS = {"script": "src", "img": "src", "link": "href", "iframe": "src", "source": "src",
                      "video": "src", "audio": "src", "embed": "src", "object": "data", "input": "src"}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def _page_text(case: Case, page: Path) -> str:
    """A fixture page decoded the way its server declares it (site.yaml charset, else meta, else UTF-8)."""
    charset = site_config(case.folder).get("charset", {}).get("/" + page.relative_to(case.folder).as_posix())
    if charset:
        return page.read_bytes().decode(charset)
    return str(BeautifulSoup(page.read_bytes(), "html.parser"))


@pytest.mark.parametrize("case", _case_params(CASES))
def test_pages_load_only_their_own_resources(case: Case) -> None:
    """Fixture pages may link anywhere, but must load scripts, styles and images from their own server."""
    offending = []
    for page in sorted(case.folder.rglob("*.html")):
        soup = BeautifulSoup(_page_text(case, page), "html.parser")
        for tag, attr in _OWN_RESOURCE_TAGS.items():
            for element in soup.find_all(tag):
                value = element.get(attr)
                if isinstance(value, str) and _EXTERNAL.match(value):
                    offending.append(f"{page.name}: <{tag} {attr}={value}>")
        for style in [s.get_text() for s in soup.find_all("style")] + [str(t.get("style")) for t in soup.find_all(
                style=True)]:
            if _CSS_URL.search(style):
                offending.append(f"{page.name}: CSS url() to another host")
    for css in sorted(case.folder.rglob("*.css")):
        if _CSS_URL.search(css.read_text(encoding="utf-8")):
            offending.append(f"{css.name}: CSS url() to another host")
    assert not offending, f"{case.name} loads resources from other hosts: {offending}"


@pytest.mark.parametrize("case", _case_params([c for c in CASES if c.source_lacks]))
def test_source_lacks(case: Case) -> None:
    """What the fixture says only rendering can find is really absent from the raw files."""
    for file_name, values in case.source_lacks.items():
        raw = _page_text(case, case.folder / file_name)
        present = [v for v in values if v in raw]
        assert not present, f"{case.name}/{file_name} contains {present} in its source: rendering proves nothing"


# --- the audit of all fixture sites (Chromium) -----------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("case", _case_params(CASES))
def test_site_status(case: Case, fixture_audit: FixtureAudit) -> None:
    report = _report(fixture_audit, case)
    assert report.status.value == case.status, (
        f"{case.name}: status {report.status.value}, expected {case.status} (error: {report.error})")


@pytest.mark.browser
@pytest.mark.parametrize("case", _case_params([c for c in CASES if c.status != SiteStatus.AUDITED]))
def test_unassessed_site_has_no_results(case: Case, fixture_audit: FixtureAudit) -> None:
    """A site that could not be assessed is never reported as non-compliant."""
    report = _report(fixture_audit, case)
    assert report.error, f"{case.name}: {report.status.value} without saying why"
    assert not report.results, f"{case.name}: {report.status.value} but has results: " + ", ".join(
        f"{r.rule_id}={r.outcome.value}" for r in report.results)


@pytest.mark.browser
@pytest.mark.parametrize(("case", "rule_id", "want"), _outcome_params())
def test_rule_outcome(case: Case, rule_id: str, want: str, fixture_audit: FixtureAudit) -> None:
    report = _report(fixture_audit, case)
    result = _result(report, rule_id)
    assert result is not None, f"{case.name}: no result for {rule_id} (status {report.status.value}: {report.error})"
    assert result.outcome.value == want, (
        f"{case.name}: {rule_id} is {result.outcome.value}, expected {want}\n  {describe(result)}")
    wanted_text = case.messages.get(rule_id)
    if wanted_text is not None:
        assert wanted_text in result.messages.zh or wanted_text in result.messages.en, (
            f"{case.name}: {rule_id} message lacks {wanted_text!r}\n  {describe(result)}")


def _link_matches(expected: str, actual: str | None) -> bool:
    if actual is None:
        return False
    if expected.startswith("/"):
        parts = urlsplit(actual)
        return parts.path + (f"?{parts.query}" if parts.query else "") == expected
    return actual == expected


@pytest.mark.browser
@pytest.mark.parametrize("case", _case_params([c for c in CASES if c.facts], "facts"))
def test_facts(case: Case, fixture_audit: FixtureAudit) -> None:
    facts = _report(fixture_audit, case).facts
    problems = []
    for name, expected in case.facts.items():
        if name == "links":
            problems += [f"links.{kind}: {facts.links.get(kind)} is not {url}"
                         for kind, url in expected.items() if not _link_matches(url, facts.links.get(kind))]
        else:
            actual = getattr(facts, name)
            missing = [v for v in expected if v not in actual]
            if missing:
                problems.append(f"{name}: missing {missing}; found {actual}")
    assert not problems, f"{case.name} facts:\n  " + "\n  ".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("case", _case_params([c for c in CASES if c.absent_facts], "absent_facts"))
def test_absent_facts(case: Case, fixture_audit: FixtureAudit) -> None:
    facts = _report(fixture_audit, case).facts
    problems = []
    for name, unwanted in case.absent_facts.items():
        if name == "links":
            problems += [f"links.{kind}: found {facts.links[kind]}" for kind in unwanted if kind in facts.links]
        else:
            actual = getattr(facts, name)
            present = [v for v in unwanted if v in actual]
            if present:
                problems.append(f"{name}: must not hold {present}; found {actual}")
    assert not problems, f"{case.name} facts hold what a visitor does not see or what is not one:\n  " + (
        "\n  ".join(problems))


@pytest.mark.browser
@pytest.mark.parametrize("case", _case_params(AUDITED))
def test_inapplicable_rules_are_not_applicable(case: Case, ruleset: Ruleset, fixture_audit: FixtureAudit) -> None:
    """Every rule of the pack has a result; rules for other kinds of site say not_applicable."""
    report = _report(fixture_audit, case)
    assert report.status == SiteStatus.AUDITED, f"{case.name}: {report.status.value}: {report.error}"
    assert set(report.profiles) == set(case.profiles), f"{case.name}: audited as {report.profiles}"
    problems = []
    for rule in ruleset.rules:
        result = _result(report, rule.id)
        if result is None:
            problems.append(f"{rule.id}: no result")
        elif not set(rule.profiles) & set(report.profiles) and result.outcome != Outcome.NOT_APPLICABLE:
            problems.append(f"{rule.id} (for {rule.profiles}): {result.outcome.value}: {result.messages.en}")
    assert not problems, f"{case.name} ({list(report.profiles)}):\n  " + "\n  ".join(problems)


@pytest.mark.browser
def test_every_cited_box_has_its_crop_and_only_cited_pages_are_photographed(fixture_audit: FixtureAudit) -> None:
    """Pictures follow the evidence (auditor/pictures.py): the homepage whole, elsewhere what the rules cite."""
    _, reports, out = fixture_audit
    missing, needless, cited_pages = [], [], 0
    for name, report in reports.items():
        site_dir = out / Path(report.report_path).parent
        cited = {ev.page_url for r in report.results for ev in r.evidence if ev.bbox is not None}
        for result in report.results:
            for ev in result.evidence:
                if ev.bbox is not None and ev.bbox[3] < 600 and not ev.screenshot:
                    missing.append(f"{name}: {result.rule_id}: {ev.text[:40]!r} at {ev.bbox} on {ev.page_url}")
                if ev.screenshot:
                    assert (site_dir / ev.screenshot).is_file()
        for page in report.pages:
            if page.kind == "home":  # the record of what a visitor saw, blocked sites included
                assert report.status != SiteStatus.AUDITED or page.screenshots[0] in ("home.jpg", "home-top.jpg")
            elif page.screenshots and page.url not in cited:
                needless.append(f"{name}: {page.kind} photographed, nothing cited there")
            cited_pages += page.kind != "home" and page.url in cited
    assert not missing, "cited boxes without a crop:\n  " + "\n  ".join(missing)
    assert not needless, "\n  ".join(needless)
    assert cited_pages >= 5  # the fixtures do cite boxes beyond the homepage (contact, about pages)
    part = next((report, shot) for report in reports.values() for page in report.pages for shot in page.screenshots
                if "-part" in shot)
    html = (out / part[0].report_path).read_text(encoding="utf-8")
    assert f'<a href="{part[1]}">局部截图' in html  # not called a full-page screenshot
