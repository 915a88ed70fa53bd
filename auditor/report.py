"""Write reports: ``report.json`` is the truth, HTML is a view rendered from it.

Site text is hostile: Jinja autoescaping is on for every template, links taken from
sites are only rendered as links when they are http(s), and each HTML file carries a
Content-Security-Policy that allows no script but the one inline script we ship
(pinned by its hash). The overview's table data travels as JSON inside a
``<script type="application/json">`` (never executed; ``tojson`` escapes ``<``, ``>`` and
``&``), and the pinned script builds the rows from it with ``textContent`` only.

Batches can hold 10 000 sites, so everything here also works on a *stream* of site
reports: ``report.json`` is written one site at a time and the overview keeps one small
row per site, never the full reports.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pydantic import ValidationError

from auditor.discover import split_url
from auditor.errors import SnapshotError
from auditor.models import BatchReport, Lang, Outcome, RuleResult, Severity, SiteReport, SiteStatus, Text

REPORT_FILE = "report.json"
TOOL_NAME = "disclosure-auditor"
INDEX_FILE = "index.html"
OUTCOME_ORDER = [Outcome.FAIL, Outcome.NEEDS_REVIEW, Outcome.ERROR, Outcome.PASS, Outcome.NOT_APPLICABLE]
SEVERITY_ORDER = [Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO]
VERDICT_ORDER = ["fail", "needs_review", "error", "pass", "not_assessed"]
# One letter per rule in the overview data: 18 rules × 10 000 sites stays small.
OUTCOME_CODE = {Outcome.PASS: "p", Outcome.FAIL: "f", Outcome.NEEDS_REVIEW: "r", Outcome.NOT_APPLICABLE: "n",
                Outcome.ERROR: "e"}
FIRST_PAGE_ROWS = 100  # rows rendered into the HTML itself, so the page reads (and prints) without script


def write_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: a killed run never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_json(batch: BatchReport, out_dir: Path) -> Path:
    path = out_dir / REPORT_FILE
    write_atomic(path, batch.model_dump_json(indent=2))
    return path


class JsonStream:
    """``report.json`` written one site at a time, in the contract's shape (one site per line)."""

    def __init__(self, header: BatchReport, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / REPORT_FILE
        self._tmp = self.path.with_name(REPORT_FILE + ".tmp")
        self._file: IO[str] = self._tmp.open("w", encoding="utf-8")
        head = header.model_dump(mode="json", exclude={"sites"})
        fields = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items())
        self._file.write("{\n" + fields + ',\n "sites": [')
        self._first = True

    def add(self, site: SiteReport) -> None:
        self._file.write(("\n" if self._first else ",\n") + site.model_dump_json())
        self._first = False

    def close(self) -> Path:
        self._file.write("\n ]\n}\n")
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self._tmp.replace(self.path)
        return self.path


def load_json(path: Path) -> BatchReport:
    try:
        return BatchReport.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise SnapshotError(f"{path}: not a report.json of this tool: {str(exc).splitlines()[0]}") from exc


def json_schema() -> dict[str, Any]:
    schema = BatchReport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Disclosure Auditor report.json"
    return schema


def safe_href(url: str | None) -> str | None:
    """A site-supplied URL we may render as a link: http(s) only, never javascript: or data:."""
    if not url:
        return None
    parts = split_url(url.strip())
    return url.strip() if parts is not None and parts.scheme in ("http", "https") and parts.netloc else None


def _sort_key(result: RuleResult) -> tuple[int, int, str]:
    return OUTCOME_ORDER.index(result.outcome), SEVERITY_ORDER.index(result.severity), result.rule_id


def site_verdict(site: SiteReport) -> str:
    """One word per site for the overview: not_assessed, fail, needs_review, error or pass."""
    if site.status != SiteStatus.AUDITED:
        return "not_assessed"
    outcomes = {r.outcome for r in site.results}
    for outcome in (Outcome.FAIL, Outcome.NEEDS_REVIEW, Outcome.ERROR):
        if outcome in outcomes:
            return outcome.value
    return "pass"


def worst_failure(site: SiteReport) -> str:
    fails = [r.severity for r in site.results if r.outcome == Outcome.FAIL]
    return min(fails, key=SEVERITY_ORDER.index).value if fails else ""


def at_or_above(severity: str, threshold: str) -> bool:
    """Is `severity` at least as grave as `threshold` (critical > high > medium > low > info)?"""
    order = [s.value for s in SEVERITY_ORDER]
    return bool(severity) and order.index(severity) <= order.index(threshold)


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

    def site(self, batch: BatchReport, site: SiteReport) -> str:
        results = sorted(site.results, key=_sort_key)
        counts = Counter(r.outcome.value for r in site.results)
        return self.env.get_template("site.html").render(
            batch=batch, site=site, results=results, counts=counts, root="../../",
            verdict=site_verdict(site))

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
        write_atomic(path, self.site(batch, site))
        return path


def write_html(batch: BatchReport, out_dir: Path, templates: Path, lang: Lang) -> list[Path]:
    writer = HtmlWriter(templates, lang)
    written = [path for site in batch.sites if (path := writer.write_site(batch, site, out_dir))]
    index = out_dir / INDEX_FILE
    write_atomic(index, writer.index(batch))
    return [index, *written]


def write_all(batch: BatchReport, out_dir: Path, templates: Path, lang: Lang) -> list[Path]:
    paths = [write_json(batch, out_dir), *write_html(batch, out_dir, templates, lang)]
    from auditor.manifest import write_manifests  # here, not at the top: auditor.manifest imports this module

    write_manifests(batch, out_dir)  # last: the notices, then the manifests hash every file written above
    return paths


def summary_counts(batch: BatchReport) -> dict[str, int]:
    counts = Counter(site_verdict(s) for s in batch.sites)
    return {k: counts.get(k, 0) for k in ("pass", "fail", "needs_review", "error", "not_assessed")}


def dump_schema(path: Path) -> None:
    path.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
