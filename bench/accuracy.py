"""Judge accuracy on the field set: how often the auditor's verdicts match a compliance officer's.

Method
------
``bench/fieldset/`` holds small, realistic multi-page websites written independently of the
tool's own fixtures (``tests/sites``). Each folder has the site's files, a ``site.yaml``
(``name``, ``profiles``, optional ``charset``, ``redirects``, ``status``, ``registry``; see
``auditor/demo.py``) and an ``expect.yaml``:

    # what the site models
    status: blocked          # optional; default audited. Not audited: `expect:` stays empty
    expect:                  # EVERY rule id of the pack → the outcome the law and contract give
      icp-number-displayed: pass
      ...
    why:                     # optional: rule id → one line citing the reason
      icp-number-displayed: "…"

The expectations come from the law (``/work/shared/rulebook.md``) and the contract, never from
the tool's output. This script serves every site on 127.0.0.1, audits them all in one batch
through the tool's Python API with a fixed date (2026-11-25), and compares each verdict:

* a *verdict* is one (site, rule) pair of an audited site, or the status of a site expected
  not to be audited;
* accuracy = matching verdicts / expected verdicts;
* a *false pass* is an actual ``pass`` where ``fail`` or ``needs_review`` was expected (the
  dangerous error: a breach reported as compliant); a *false fail* is an actual ``fail``
  where anything else was expected; every other disagreement is listed as a mismatch.

Exit status: 0 when there is no false pass and accuracy reaches ``--min-accuracy``; 1
otherwise; 2 when a site folder or its expect.yaml is malformed (one line naming the file).
``--check`` validates the files only and needs no browser.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

# --- the tool's API: the only imports of `auditor` (its public API, auditor/__init__.py) -----------
from auditor import Limits, RunOptions, SiteReport, audit_sites, load_pack
from auditor.demo import serve
from auditor.models import PROFILES

# ---------------------------------------------------------------------------------------------------

FIELDSET = Path(__file__).resolve().parent / "fieldset"
TODAY = date(2026, 11, 25)  # licence-age checks must give the same answer every day
OUTCOMES = ("pass", "fail", "needs_review", "not_applicable", "error")
STATUSES = ("audited", "unreachable", "blocked", "error")
SITE_KEYS = {"name", "profiles", "charset", "redirects", "status", "registry"}
EXPECT_KEYS = {"status", "expect", "why"}
SHORT = {"pass": "P", "fail": "F", "needs_review": "R", "not_applicable": "N", "error": "E"}


class FieldSetError(Exception):
    """A malformed site folder: the message names the file and the problem."""


@dataclass(frozen=True)
class Case:
    """One site of the field set and what its expect.yaml says."""

    name: str
    folder: Path
    profiles: tuple[str, ...]
    status: str
    expect: dict[str, str]
    why: dict[str, str]


@dataclass(frozen=True)
class Miss:
    """One disagreement between the expected and the actual verdict."""

    site: str
    rule: str
    expected: str
    actual: str
    message: str
    why: str = ""


@dataclass
class Score:
    sites: int = 0
    verdicts: int = 0
    matching: int = 0
    applicable: int = 0           # verdicts whose expected outcome is not not_applicable
    applicable_matching: int = 0
    confusion: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    false_passes: list[Miss] = field(default_factory=list)
    false_fails: list[Miss] = field(default_factory=list)
    other: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.matching / self.verdicts if self.verdicts else 0.0

    @property
    def applicable_accuracy(self) -> float:
        """Accuracy over the verdicts a rule actually had to decide (expected other than not_applicable)."""
        return self.applicable_matching / self.applicable if self.applicable else 0.0


# --- reading the field set ---------------------------------------------------------------------


def _yaml(path: Path) -> Any:
    if not path.is_file():
        raise FieldSetError(f"{path}: missing")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise FieldSetError(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from exc


def _mapping(path: Path, where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FieldSetError(f"{path}: {where}: expected a mapping, got {type(value).__name__}")
    return value


def _site_config(folder: Path) -> tuple[str, ...]:
    """Validate site.yaml (and that index.html exists); return the site's profiles."""
    path = folder / "site.yaml"
    data = _mapping(path, "top level", _yaml(path))
    if unknown := sorted(set(data) - SITE_KEYS):
        raise FieldSetError(f"{path}: unknown key(s): {', '.join(unknown)}")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise FieldSetError(f"{path}: name: a non-empty string is required")
    profiles = data.get("profiles")
    if not isinstance(profiles, list) or not profiles or any(p not in PROFILES for p in profiles):
        raise FieldSetError(f"{path}: profiles: a list of {', '.join(PROFILES)} is required, got {profiles!r}")
    for key in ("charset", "redirects", "status", "registry"):
        if key in data:
            _mapping(path, key, data[key])
    if not (folder / "index.html").is_file():
        raise FieldSetError(f"{folder / 'index.html'}: missing")
    return tuple(profiles)


def _expectations(path: Path, rule_ids: list[str], status: str,
                  data: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    expect = _mapping(path, "expect", data.get("expect") or {})
    why = _mapping(path, "why", data.get("why") or {})
    if status != "audited":
        if expect:
            raise FieldSetError(f"{path}: expect: must be empty for a site expected to be {status}")
        return {}, {}
    if missing := [r for r in rule_ids if r not in expect]:
        raise FieldSetError(f"{path}: expect: missing rule id(s): {', '.join(missing)}")
    if unknown := sorted(set(expect) - set(rule_ids)):
        raise FieldSetError(f"{path}: expect: unknown rule id(s): {', '.join(unknown)}")
    if bad := {r: o for r, o in expect.items() if o not in OUTCOMES}:
        raise FieldSetError(f"{path}: expect: invalid outcome(s) {bad}; use one of {', '.join(OUTCOMES)}")
    if unknown := sorted(set(why) - set(rule_ids)):
        raise FieldSetError(f"{path}: why: unknown rule id(s): {', '.join(unknown)}")
    if bad_why := [r for r, w in why.items() if not isinstance(w, str) or not w.strip()]:
        raise FieldSetError(f"{path}: why: {', '.join(bad_why)}: a one-line reason is required")
    return {r: str(o) for r, o in expect.items()}, {r: str(w) for r, w in why.items()}


def load_case(folder: Path, rule_ids: list[str]) -> Case:
    profiles = _site_config(folder)
    path = folder / "expect.yaml"
    data = _mapping(path, "top level", _yaml(path))
    if unknown := sorted(set(data) - EXPECT_KEYS):
        raise FieldSetError(f"{path}: unknown key(s): {', '.join(unknown)}")
    status = data.get("status", "audited")
    if status not in STATUSES:
        raise FieldSetError(f"{path}: status: {status!r} is not one of {', '.join(STATUSES)}")
    expect, why = _expectations(path, rule_ids, status, data)
    return Case(folder.name, folder, profiles, status, expect, why)


def load_cases(root: Path, rule_ids: list[str], only: list[str] | None = None) -> list[Case]:
    if not root.is_dir():
        raise FieldSetError(f"{root}: no such folder")
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    if only:
        if unknown := sorted(set(only) - {p.name for p in folders}):
            raise FieldSetError(f"{root}: no site folder named {', '.join(unknown)}")
        folders = [p for p in folders if p.name in only]
    return [load_case(folder, rule_ids) for folder in folders]


# --- auditing ------------------------------------------------------------------------------------


def audit(root: Path, names: list[str]) -> dict[str, SiteReport]:
    """Serve the named site folders on 127.0.0.1 and audit them in one batch; reports by folder."""
    ruleset = load_pack()
    out = Path(tempfile.mkdtemp(prefix="fieldset-audit-"))
    try:
        with serve(root, only=names) as sites:
            limits = Limits(page_timeout_s=15, site_timeout_s=60, allow_private=True, loopback_only=True)
            options = RunOptions(out_dir=out, today=TODAY, limits=limits)
            batch = asyncio.run(audit_sites(list(sites.values()), ruleset, options))
            by_url = {report.input_url: report for report in batch.sites}
            return {name: by_url[site.url] for name, site in sites.items() if site.url in by_url}
    finally:
        shutil.rmtree(out, ignore_errors=True)


# --- scoring -------------------------------------------------------------------------------------


def _record(score: Score, case: Case, rule: str, expected: str, actual: str, message: str) -> None:
    score.verdicts += 1
    score.applicable += expected != "not_applicable"
    score.confusion.setdefault(rule, Counter())[(expected, actual)] += 1
    if expected == actual:
        score.matching += 1
        score.applicable_matching += expected != "not_applicable"
        return
    miss = Miss(case.name, rule, expected, actual, message, case.why.get(rule, ""))
    if actual == "pass" and expected in ("fail", "needs_review"):
        score.false_passes.append(miss)
    elif actual == "fail":
        score.false_fails.append(miss)
    else:
        score.other.append(miss)


def score_cases(cases: list[Case], reports: dict[str, SiteReport]) -> Score:
    score = Score(sites=len(cases))
    for case in cases:
        report = reports.get(case.name)
        status = str(report.status) if report else "missing"
        if case.status != "audited":
            _record(score, case, "(site status)", case.status, status, (report.error or "") if report else "")
            continue
        results = {r.rule_id: r for r in report.results} if report and status == "audited" else {}
        for rule, expected in case.expect.items():
            result = results.get(rule)
            if result is not None:
                _record(score, case, rule, expected, str(result.outcome), result.message)
            else:
                actual = f"<{status}>" if status != "audited" else "<no result>"
                _record(score, case, rule, expected, actual, (report.error or "") if report else "not audited")
    return score


# --- output --------------------------------------------------------------------------------------


def coverage(cases: list[Case]) -> dict[str, Counter[str]]:
    """Expected outcomes per rule: how many pass, fail, needs_review … cases the set holds."""
    out: dict[str, Counter[str]] = {}
    for case in cases:
        for rule, outcome in case.expect.items():
            out.setdefault(rule, Counter())[outcome] += 1
    return out


def print_coverage(cases: list[Case]) -> None:
    print(f"{'rule':32} {'pass':>5} {'fail':>5} {'review':>6} {'n/a':>5} {'error':>5}")
    for rule, counts in coverage(cases).items():
        print(f"{rule:32} {counts['pass']:5} {counts['fail']:5} {counts['needs_review']:6} "
              f"{counts['not_applicable']:5} {counts['error']:5}")
    blocked = [c.name for c in cases if c.status != "audited"]
    print(f"{len(cases)} sites ({len(cases) - len(blocked)} audited, {len(blocked)} expected not audited: "
          f"{', '.join(blocked) or '-'}), {sum(len(c.expect) for c in cases) + len(blocked)} expected verdicts")


def _abbr(outcome: str) -> str:
    return SHORT.get(outcome, "-")


def print_confusion(score: Score) -> None:
    pairs = sorted({pair for counts in score.confusion.values() for pair in counts},
                   key=lambda p: (p[0] != p[1], p[0], p[1]))
    heads = [f"{_abbr(e)}>{_abbr(a)}" for e, a in pairs]
    print("Confusion (expected>actual; P pass, F fail, R needs_review, N not_applicable, E error, - none):")
    print(f"{'rule':32} {'ok':>6} " + " ".join(f"{h:>4}" for h in heads))
    for rule in sorted(score.confusion):
        counts = score.confusion[rule]
        total = sum(counts.values())
        ok = sum(n for (e, a), n in counts.items() if e == a)
        cells = " ".join(f"{counts.get(p, 0) or '.':>4}" for p in pairs)
        print(f"{rule:32} {ok:>3}/{total:<2} {cells}")


def print_misses(title: str, misses: list[Miss]) -> None:
    print(f"\n{title}: {len(misses)}")
    for m in sorted(misses, key=lambda m: (m.rule, m.site)):
        print(f"  {m.site} | {m.rule} | expected {m.expected} | actual {m.actual} | {m.message}")
        if m.why:
            print(f"      expected because: {m.why}")


def print_score(score: Score) -> None:
    print_confusion(score)
    print_misses("False passes (actual pass, expected fail or needs_review)", score.false_passes)
    print_misses("False fails (actual fail, expected something else)", score.false_fails)
    print_misses("Other mismatches", score.other)
    print(f"\nSites: {score.sites}  Verdicts: {score.verdicts}  Matching: {score.matching}  "
          f"Accuracy: {score.accuracy:.1%}  False passes: {len(score.false_passes)}  "
          f"False fails: {len(score.false_fails)}  Other mismatches: {len(score.other)}")
    print(f"Excluding expected not_applicable: {score.applicable_matching}/{score.applicable} = "
          f"{score.applicable_accuracy:.1%}")


def write_json(path: Path, score: Score, cases: list[Case]) -> None:
    data = {
        "today": TODAY.isoformat(), "sites": score.sites, "verdicts": score.verdicts, "matching": score.matching,
        "accuracy": round(score.accuracy, 4), "applicable_verdicts": score.applicable,
        "applicable_matching": score.applicable_matching, "applicable_accuracy": round(score.applicable_accuracy, 4),
        "false_passes": [asdict(m) for m in score.false_passes],
        "false_fails": [asdict(m) for m in score.false_fails],
        "other_mismatches": [asdict(m) for m in score.other],
        "confusion": {rule: {f"{e}>{a}": n for (e, a), n in sorted(c.items())} for rule, c in score.confusion.items()},
        "coverage": {rule: dict(c) for rule, c in coverage(cases).items()},
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --- command line --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Score the auditor's verdicts against the field set.")
    parser.add_argument("--site", action="append", metavar="NAME", help="audit only this site folder (repeatable)")
    parser.add_argument("--min-accuracy", type=float, default=0.98, help="exit 1 below this accuracy (default 0.98)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--check", action="store_true", help="only validate the field set's files (no browser)")
    parser.add_argument("--root", type=Path, default=FIELDSET, help="the folder of sites (default bench/fieldset)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rule_ids = [rule.id for rule in load_pack().rules]
    try:
        cases = load_cases(args.root, rule_ids, args.site)
    except FieldSetError as exc:
        print(f"fieldset: {exc}", file=sys.stderr)
        return 2
    if args.check:
        print_coverage(cases)
        print("fieldset: files OK")
        return 0
    reports = audit(args.root, [c.name for c in cases])
    score = score_cases(cases, reports)
    print_score(score)
    if args.json:
        write_json(args.json, score, cases)
    return 1 if score.false_passes or score.accuracy < args.min_accuracy else 0


if __name__ == "__main__":
    sys.exit(main())
