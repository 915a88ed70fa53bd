"""Write reports: ``report.json`` is the truth, HTML is a view rendered from it.

Site text is hostile: Jinja autoescaping is on for every template, links taken from
sites are only rendered as links when they are http(s), and each HTML file carries a
Content-Security-Policy that allows no script but the one inline script we ship
(pinned by its hash).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pydantic import ValidationError

from auditor.errors import SnapshotError
from auditor.models import BatchReport, Lang, Outcome, RuleResult, Severity, SiteReport, SiteStatus

REPORT_FILE = "report.json"
OUTCOME_ORDER = [Outcome.FAIL, Outcome.NEEDS_REVIEW, Outcome.ERROR, Outcome.PASS, Outcome.NOT_APPLICABLE]
SEVERITY_ORDER = [Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO]


def write_json(batch: BatchReport, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / REPORT_FILE
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(batch.model_dump_json(indent=2), encoding="utf-8")
    tmp.replace(path)
    return path


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
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _sort_key(result: RuleResult) -> tuple[int, int, str]:
    return OUTCOME_ORDER.index(result.outcome), SEVERITY_ORDER.index(result.severity), result.rule_id


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


class HtmlWriter:
    def __init__(self, templates: Path, lang: Lang) -> None:
        self.lang = lang
        self.labels = Labels(templates / "labels.yaml", lang)
        self.env = Environment(loader=FileSystemLoader(templates), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters["safe_href"] = safe_href
        self.env.globals.update(t=self.labels, lang=lang, OUTCOMES=[o.value for o in OUTCOME_ORDER])
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

    def index(self, batch: BatchReport) -> str:
        rows = [{"site": s, "counts": Counter(r.outcome.value for r in s.results), "verdict": site_verdict(s),
                 "worst": worst_failure(s)} for s in batch.sites]
        totals = Counter(site_verdict(s) for s in batch.sites)
        rule_ids = sorted({r.rule_id for s in batch.sites for r in s.results})
        failures = {rid: sum(1 for s in batch.sites for r in s.results
                             if r.rule_id == rid and r.outcome == Outcome.FAIL) for rid in rule_ids}
        assessed = {rid: sum(1 for s in batch.sites for r in s.results
                             if r.rule_id == rid and r.outcome not in (Outcome.NOT_APPLICABLE,)) for rid in rule_ids}
        titles = {r.rule_id: r.title for s in batch.sites for r in s.results}
        return self.env.get_template("index.html").render(
            batch=batch, rows=rows, totals=totals, rule_ids=rule_ids, failures=failures, assessed=assessed,
            titles=titles, root="")


def site_verdict(site: SiteReport) -> str:
    """One word per site for the overview: not_assessed, fail, needs_review or pass."""
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


def write_html(batch: BatchReport, out_dir: Path, templates: Path, lang: Lang) -> list[Path]:
    writer = HtmlWriter(templates, lang)
    written = []
    for site in batch.sites:
        if not site.report_path:
            continue
        path = out_dir / site.report_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(writer.site(batch, site), encoding="utf-8")
        written.append(path)
    index = out_dir / "index.html"
    index.write_text(writer.index(batch), encoding="utf-8")
    return [index, *written]


def write_all(batch: BatchReport, out_dir: Path, templates: Path, lang: Lang) -> list[Path]:
    return [write_json(batch, out_dir), *write_html(batch, out_dir, templates, lang)]


def summary_counts(batch: BatchReport) -> dict[str, int]:
    counts = Counter(site_verdict(s) for s in batch.sites)
    return {k: counts.get(k, 0) for k in ("pass", "fail", "needs_review", "error", "not_assessed")}


def dump_schema(path: Path) -> None:
    path.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
