"""The HTML reports: one page per site and the overview (``index.html``), views of the site reports.

Site text is hostile: Jinja autoescaping is on for every template, links taken from
sites are only rendered as links when they are http(s), and each HTML file carries a
Content-Security-Policy that allows no script but the one inline script we ship
(pinned by its hash). The overview's table data travels as JSON inside a
``<script type="application/json">`` (never executed; ``tojson`` escapes ``<``, ``>`` and
``&``), and the pinned script builds the rows from it with ``textContent`` only.

Batches can hold 10 000 sites, so the overview is built from a *stream* of site reports
and keeps one small row per site, never the full reports.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from auditor.layout import is_inert_dom_copy, write_atomic
from auditor.models import (
    OUTCOME_ORDER,
    SEVERITY_ORDER,
    VERDICT_ORDER,
    BatchReport,
    Lang,
    Outcome,
    RuleResult,
    Severity,
    SiteReport,
    Text,
    at_or_above,
    site_verdict,
    worst_failure,
)
from auditor.urls import safe_href

# One letter per rule in the overview data: 18 rules × 10 000 sites stays small.
OUTCOME_CODE = {Outcome.PASS: "p", Outcome.FAIL: "f", Outcome.NEEDS_REVIEW: "r", Outcome.NOT_APPLICABLE: "n",
                Outcome.ERROR: "e"}
FIRST_PAGE_ROWS = 100  # rows rendered into the HTML itself, so the page reads (and prints) without script


def _sort_key(result: RuleResult) -> tuple[int, int, str]:
    return OUTCOME_ORDER.index(result.outcome), SEVERITY_ORDER.index(result.severity), result.rule_id


# --- the overview: one pass over the sites, small rows and totals --------------------


@dataclass
class RuleStat:
    rule_id: str
    title: Text
    severity: str
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def assessed(self) -> int:
        """Sites the rule applied to and was judged on (not_applicable and check errors excluded)."""
        return sum(self.counts[o] for o in ("fail", "needs_review", "pass"))

    @property
    def fail_rate(self) -> float:
        return self.counts["fail"] / self.assessed if self.assessed else 0.0

    @property
    def review_rate(self) -> float:
        return self.counts["needs_review"] / self.assessed if self.assessed else 0.0


@dataclass
class RunState:
    """How far the batch behind a report got (from the store); None for a plain report.json."""

    sites: int
    done: int
    runs: int
    killed: int
    interrupted: int

    @property
    def complete(self) -> bool:
        return self.done >= self.sites


class Overview:
    """Totals, per-rule rates and one compact row per site, built from a stream of site reports."""

    def __init__(self, rule_ids: Iterable[str] = ()) -> None:
        self.rule_ids: list[str] = list(rule_ids)
        self.rules: dict[str, RuleStat] = {}
        self.rows: list[dict[str, Any]] = []
        self.verdicts: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.worst: Counter[str] = Counter()
        self.profiles: Counter[str] = Counter()

    def add(self, site: SiteReport) -> None:
        verdict, worst = site_verdict(site), worst_failure(site)
        self.verdicts[verdict] += 1
        self.statuses[site.status.value] += 1
        if worst:
            self.worst[worst] += 1
        self.profiles.update(site.profiles)
        codes = self._codes(site)
        counts = Counter(r.outcome.value for r in site.results)
        self.rows.append({
            "i": len(self.rows), "n": site.name, "u": site.input_url, "h": safe_href(site.input_url) or "",
            "p": _report_link(site.report_path), "v": verdict, "s": site.status.value, "e": site.error or "",
            "w": worst, "f": counts["fail"], "r": counts["needs_review"], "a": counts["pass"], "o": codes,
            "pr": site.profiles, "x": 1 if site.imitation_finding() else 0})

    def _codes(self, site: SiteReport) -> str:
        by_rule = {r.rule_id: r for r in site.results}
        for result in site.results:
            if result.rule_id not in self.rules:
                self.rules[result.rule_id] = RuleStat(result.rule_id, result.title, result.severity.value)
                if result.rule_id not in self.rule_ids:
                    self.rule_ids.append(result.rule_id)
            self.rules[result.rule_id].counts[result.outcome.value] += 1
        return "".join(OUTCOME_CODE[by_rule[rid].outcome] if rid in by_rule else "-" for rid in self.rule_ids)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def imitations(self) -> list[dict[str, Any]]:
        """Rows of the possible imitation sites: the first thing a regulator acts on."""
        return [row for row in self.rows if row["x"]]

    @property
    def not_assessed(self) -> int:
        return self.verdicts["not_assessed"]

    def failing(self, threshold: str | None) -> int:
        """Sites with a failed rule at or above `threshold` (any failure when None)."""
        if threshold is None:
            return self.verdicts["fail"]  # a site with any failed rule has the verdict "fail"
        return sum(n for severity, n in self.worst.items() if at_or_above(severity, threshold))

    def rule_table(self) -> list[RuleStat]:
        stats = [self.rules[rid] for rid in self.rule_ids if rid in self.rules]
        return sorted(stats, key=lambda s: (-s.fail_rate, SEVERITY_ORDER.index(Severity(s.severity)), s.rule_id))

    def first_page(self) -> list[dict[str, Any]]:
        """The rows the page shows before (or without) its script: worst first, as the script sorts."""
        return sorted(self.rows, key=default_row_order)[:FIRST_PAGE_ROWS]

    def data(self) -> dict[str, Any]:
        return {"rules": self.rule_ids, "rows": self.rows, "page": FIRST_PAGE_ROWS}


def default_row_order(row: dict[str, Any]) -> tuple[int, int, int, int, int, int]:
    """Possible imitation sites first, then by verdict, worst severity and counts (report.js sorts alike)."""
    severity = [s.value for s in SEVERITY_ORDER]
    worst = severity.index(row["w"]) if row["w"] else len(severity)
    return -row["x"], VERDICT_ORDER.index(row["v"]), worst, -row["f"], -row["r"], row["i"]


def _report_link(path: str | None) -> str:
    # Our own relative path (sites/<folder>/report.html); anything else is not linked.
    if not path or "://" in path or path.startswith(("/", "\\")) or ":" in path.split("/", 1)[0]:
        return ""
    return path


# --- HTML ------------------------------------------------------------------------------


class Labels:
    """UI strings in both languages, from templates/labels.yaml."""

    def __init__(self, path: Path, lang: Lang) -> None:
        self.data: dict[str, dict[str, str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        entry = self.data.get(key)
        if entry is None:
            raise KeyError(f"labels.yaml has no label '{key}'")
        text: str = entry[self.lang]
        return text.format(**values) if values else text

    def table(self, prefix: str) -> dict[str, str]:
        """All labels under `prefix.` in this language, for the overview script."""
        return {k[len(prefix) + 1:]: v[self.lang] for k, v in self.data.items() if k.startswith(prefix + ".")}


class HtmlWriter:
    def __init__(self, templates: Path, lang: Lang) -> None:
        self.lang = lang
        self.labels = Labels(templates / "labels.yaml", lang)
        self.env = Environment(loader=FileSystemLoader(templates), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters["safe_href"] = safe_href
        self.env.globals.update(t=self.labels, lang=lang, OUTCOMES=[o.value for o in OUTCOME_ORDER],
                                VERDICTS=VERDICT_ORDER, SEVERITIES=[s.value for s in SEVERITY_ORDER])
        script = (templates / "report.js").read_text(encoding="utf-8")
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        self.env.globals["script"] = Markup(script)  # our own file, not site data
        self.env.globals["csp"] = (f"default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; "
                                   f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")

    def site(self, batch: BatchReport, site: SiteReport, inert: frozenset[str] = frozenset()) -> str:
        """The site's page; `inert`: its DOM copies safe to open (the others are named, not linked)."""
        results = sorted(site.results, key=_sort_key)
        counts = Counter(r.outcome.value for r in site.results)
        return self.env.get_template("site.html").render(
            batch=batch, site=site, results=results, counts=counts, root="../../",
            verdict=site_verdict(site), inert=inert)

    def index(self, batch: BatchReport, overview: Overview | None = None, run: RunState | None = None,
              downloads: list[str] | None = None) -> str:
        if overview is None:
            overview = Overview()
            for site in batch.sites:
                overview.add(site)
        ui = {"outcome": self.labels.table("outcome"), "status": self.labels.table("status"),
              "severity": self.labels.table("severity"), "profile": self.labels.table("profile"),
              "ui": self.labels.table("ui")}
        return self.env.get_template("index.html").render(
            batch=batch, ov=overview, run=run, rows=overview.first_page(), rules=overview.rule_table(),
            data={**overview.data(), "labels": ui}, downloads=downloads or [], root="")

    def write_site(self, batch: BatchReport, site: SiteReport, out_dir: Path) -> Path | None:
        if not site.report_path:
            return None
        path = out_dir / site.report_path
        # A folder audited before issue 13 holds live copies of the sites' pages: never one click away.
        inert = frozenset(p.dom for p in site.pages if p.dom and is_inert_dom_copy(path.parent / p.dom))
        write_atomic(path, self.site(batch, site, inert))
        return path
