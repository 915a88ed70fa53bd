"""Real footers of Chinese sites (../shared/realweb): render, extract, compare with hand labels.

Every sample is served as it is, read-only, as the homepage of its own site on 127.0.0.1
(one audit run for all), and the facts are compared with tests/data/realweb_expected.yaml:
what a visitor of that page really sees, checked by hand against the HTML and the
manifest.  The samples are read where they are; nothing of them is copied into the project.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor.judge.ruleset import Ruleset
from auditor.models import SiteReport, SiteStatus
from tests.conftest import IN_CI, REALWEB, run_audit

EXPECTED_FILE = Path(__file__).parent / "data" / "realweb_expected.yaml"
KINDS = ("icp_filing_numbers", "icp_licence_numbers", "telecom_licence_numbers", "psb_numbers", "phones")
# The four kinds of the requirement; licences are the ICP licence and the B2 telecom licence.
GROUPS = {"ICP filing": ("icp_filing_numbers",), "licence": ("icp_licence_numbers", "telecom_licence_numbers"),
          "public security": ("psb_numbers",), "phone": ("phones",)}
NO_EXTRAS = ("icp_filing_numbers", "icp_licence_numbers", "telecom_licence_numbers", "psb_numbers")
MIN_RECALL = 0.95

_PROV = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕甘陇青宁新"
# Canonical forms of the contract, written independently of auditor.identifiers so that a
# typo in the expectations cannot hide behind the code under test.
CANONICAL = {
    "icp_filing_numbers": re.compile(rf"^[{_PROV}]ICP备\d{{4,12}}号(?:-[1-9]\d{{0,3}})?$"),
    "icp_licence_numbers": re.compile(rf"^[{_PROV}]ICP证\d{{6}}号$"),
    "telecom_licence_numbers": re.compile(rf"^[{_PROV}]?[A-D][1-9](?:\.[A-D][1-9])*-(?:19|20)\d{{6}}(?:-\d{{1,3}})?$"),
    "psb_numbers": re.compile(rf"^[{_PROV}]公网安备\d{{14}}号$"),
    "phones": re.compile(r"^\+86\d{5,12}$"),
}


# --- expectations (no browser needed) ------------------------------------------------


@pytest.fixture(scope="module")
def realweb() -> Path:
    """The shared folder itself; in CI it must be there, elsewhere its absence skips."""
    if not (REALWEB / "manifest.tsv").is_file():
        message = f"real-web samples not found at {REALWEB} (AUDITOR_REALWEB=DIR names another folder)"
        if IN_CI:
            pytest.fail(f"CI=true and {message}")
        pytest.skip(message)
    return REALWEB


@pytest.fixture(scope="module")
def manifest_files(realweb: Path) -> list[str]:
    with (realweb / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        return [row["file"] for row in csv.DictReader(fh, delimiter="\t")]


@pytest.fixture(scope="module")
def expected() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))
    files: dict[str, dict[str, Any]] = data["files"]
    return files


def test_expectations_cover_every_sample(manifest_files: list[str], expected: dict[str, dict[str, Any]],
                                         realweb: Path) -> None:
    assert len(manifest_files) == 53
    assert sorted(expected) == sorted(manifest_files)
    assert all((realweb / name).is_file() for name in manifest_files)


def test_expectations_are_canonical_and_consistent(expected: dict[str, dict[str, Any]]) -> None:
    problems = []
    for name, entry in expected.items():
        if not entry.get("render"):
            problems.append(f"{name}: no render note")
        displayed = entry["displayed"]
        if sorted(displayed) != sorted(KINDS):
            problems.append(f"{name}: displayed must list exactly {KINDS}")
            continue
        for kind in KINDS:
            problems += [f"{name}: {kind} {v!r} not canonical" for v in displayed[kind]
                         if not CANONICAL[kind].match(v)]
        for item in entry.get("must_not", []):
            if set(item) - {"kind", "value", "digits", "why"} or not item.get("why") or \
                    ("value" in item) == ("digits" in item) or ("digits" in item and item["kind"] != "phones"):
                problems.append(f"{name}: bad must_not entry {item}")
            elif _forbidden(item, displayed.get(item["kind"], [])):
                problems.append(f"{name}: must_not {item} contradicts displayed")
        for item in entry.get("label_corrections", []):
            if not all(item.get(k) for k in ("field", "manifest", "actual", "type", "reason")):
                problems.append(f"{name}: incomplete label correction {item}")
    assert problems == []


def _forbidden(item: dict[str, str], values: list[str]) -> list[str]:
    """The values among `values` that a must_not entry rules out."""
    if "digits" in item:
        return [v for v in values if item["digits"] in re.sub(r"\D", "", v)]
    return [v for v in values if v == item["value"]]


# --- one audit of all samples --------------------------------------------------------


@pytest.fixture(scope="module")
def realweb_reports(need_browser: None, ruleset: Ruleset, realweb: Path, manifest_files: list[str],
                    tmp_path_factory: pytest.TempPathFactory) -> dict[str, SiteReport]:
    """Audit every sample as its own site, each file its homepage: one run for all 53.

    A temporary root holds one site folder per sample whose index.html is a symlink to the
    shared file (a copy where symlinks are not available). The real sites declared their
    charset and the fragments lost it; Chromium never guesses UTF-8, so the server says it.
    """
    root = tmp_path_factory.mktemp("realweb-sites")
    for name in manifest_files:
        site = root / Path(name).stem
        site.mkdir()
        try:
            (site / "index.html").symlink_to(realweb / name)
        except OSError:
            (site / "index.html").write_bytes((realweb / name).read_bytes())
        (site / "site.yaml").write_text(
            yaml.safe_dump({"name": f"realweb {name}", "charset": {"/": "utf-8", "/index.html": "utf-8"}}),
            encoding="utf-8")
    _, reports = run_audit(root, ruleset, tmp_path_factory.mktemp("realweb-out"))
    return {f"{folder}.html": report for folder, report in reports.items()}


@dataclass
class Comparison:
    """Expected vs. found values per kind, summed over all samples."""

    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    missed: list[str] = field(default_factory=list)
    extra: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    extra_tolerated: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)

    def recall(self, kinds: tuple[str, ...] = KINDS) -> float:
        total = sum(self.expected[k] for k in kinds)
        return sum(self.hits[k] for k in kinds) / total if total else 1.0


@pytest.fixture(scope="module")
def comparison(realweb_reports: dict[str, SiteReport], expected: dict[str, dict[str, Any]]) -> Comparison:
    result = Comparison()
    for name, entry in sorted(expected.items()):
        report = realweb_reports[name]
        facts = report.facts.model_dump() if report.facts is not None else {}
        for kind in KINDS:
            want, got = entry["displayed"][kind], facts.get(kind, [])
            result.expected[kind] += len(want)
            result.hits[kind] += sum(v in got for v in want)
            result.missed += [f"{name} {kind}: {v}" for v in want if v not in got]
            for value in (v for v in got if v not in want):
                if entry.get("network_dependent"):
                    result.extra_tolerated.append(f"{name} {kind}: {value} (third-party content)")
                else:
                    result.extra[kind].append(f"{name}: {value}")
        for item in entry.get("must_not", []):
            result.forbidden += [f"{name} {item['kind']}: {v} ({item['why']})"
                                 for v in _forbidden(item, facts.get(item["kind"], []))]
    return result


@pytest.mark.browser
def test_every_sample_is_audited(realweb_reports: dict[str, SiteReport]) -> None:
    # A sample that was not rendered would count as "nothing displayed": never let it pass silently.
    failed = {name: f"{r.status}: {r.error}" for name, r in realweb_reports.items() if r.status != SiteStatus.AUDITED}
    assert failed == {}


@pytest.mark.browser
def test_recall(comparison: Comparison) -> None:
    print("\nrealweb recall (values displayed and found / values displayed)")
    rows = [(kind, (kind,)) for kind in KINDS] + list(GROUPS.items()) + [("overall", KINDS)]
    for label, kinds in rows:
        hits, total = sum(comparison.hits[k] for k in kinds), sum(comparison.expected[k] for k in kinds)
        print(f"  {label:<25} {hits:>3}/{total:<3} {comparison.recall(kinds):.3f}")
    for line in comparison.missed:
        print(f"  missed {line}")
    assert comparison.recall() >= MIN_RECALL, comparison.missed


@pytest.mark.browser
def test_no_forbidden_value_accepted(comparison: Comparison) -> None:
    # Fake provinces, malformed numbers and values that are never rendered (comments,
    # scripts, templates, attributes, images, URLs) must never become facts.
    assert comparison.forbidden == []


@pytest.mark.browser
def test_precision(comparison: Comparison) -> None:
    print("\nrealweb precision (valid values found that are not displayed)")
    for kind in KINDS:
        found = comparison.hits[kind] + len(comparison.extra[kind])
        precision = comparison.hits[kind] / found if found else 1.0
        print(f"  {kind:<25} extra {len(comparison.extra[kind]):>2}  precision {precision:.3f}")
        for line in comparison.extra[kind]:
            print(f"    extra {line}")
    for line in comparison.extra_tolerated:
        print(f"  tolerated extra {line}")
    assert {k: extra for k in NO_EXTRAS if (extra := comparison.extra[k])} == {}
