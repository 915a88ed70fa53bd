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
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any

from markupsafe import Markup

from auditor.layout import INDEX_FILE, is_inert_dom_copy, parse_yaml, write_atomic
from auditor.models import (
    NEW_GATE,
    OUTCOME_ORDER,
    SEVERITY_ORDER,
    VERDICT_ORDER,
    BatchReport,
    Lang,
    Outcome,
    RuleChange,
    RuleResult,
    Severity,
    SiteChanges,
    SiteReport,
    Text,
    at_or_above,
    gated_failures,
    parse_fail_on,
    parse_iso,
    site_verdict,
    worst_failure,
)
from auditor.outputs.changes import CHANGE_ORDER, VALUES_CHANGED
from auditor.outputs.templating import template_environment
from auditor.urls import safe_href

# One letter per rule in the overview data: 18 rules × 10 000 sites stays small.
OUTCOME_CODE = {Outcome.PASS: "p", Outcome.FAIL: "f", Outcome.NEEDS_REVIEW: "r", Outcome.NOT_APPLICABLE: "n",
                Outcome.ERROR: "e"}
FIRST_PAGE_ROWS = 100  # rows rendered into the HTML itself, so the page reads (and prints) without script
CHANGED_LISTED = 200  # sites listed in the overview's "since the last audit" section; the site list has all
IDENTITY_CHANGED = "identity_changed"  # tag of a site whose name, codes, numbers or phones changed
# The order of the overview's change list by headline: what a regulator acts on first (a site that
# went offline right after a new failure: its failures are unknown now; changed disclosures before fixes).
HEADLINE_ORDER = ["new_failure", "newly_unreachable", "still_failing", "new_review", VALUES_CHANGED, "not_assessed",
                  "fixed", "resolved_review", "reachable_again", "no_longer_applicable", "first_assessed", "new_site",
                  "new_rule", "removed_rule", "still_unreachable", "unchanged"]


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

    def __init__(self, rule_ids: Iterable[str] = (), fail_on: str | None = None) -> None:
        self.rule_ids: list[str] = list(rule_ids)
        self.rules: dict[str, RuleStat] = {}
        self.rows: list[dict[str, Any]] = []
        self.verdicts: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.worst: Counter[str] = Counter()
        self.profiles: Counter[str] = Counter()
        self.fail_on = fail_on
        self.gated = 0  # sites with a failure that --fail-on counts
        self.new_failing = 0  # follow-up: sites with a new failure since the baseline
        self.changed: list[dict[str, Any]] = []  # follow-up: the sites whose results or disclosures changed
        self.change_tags: Counter[str] = Counter()

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
            "pr": site.profiles, "x": 1 if site.imitation_finding() else 0, **self._change_fields(site)})
        self.gated += 1 if gated_failures(site, self.fail_on) else 0
        self.new_failing += 1 if site.changes is not None and gated_failures(site, NEW_GATE) else 0

    def _change_fields(self, site: SiteReport) -> dict[str, Any]:
        """A follow-up's row fields: its headline `c` and the tags `ch` the change filter matches."""
        if site.changes is None:
            return {}
        tags = change_tags(site.changes)
        self.change_tags.update(tags)
        if site.changes.headline != "unchanged":
            self.changed.append(_changed_entry(len(self.rows), site, site.changes))
        return {"c": site.changes.headline, "ch": tags}

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
        """Sites with a failure that `--fail-on threshold` counts (any failure when None)."""
        if threshold is None:
            return self.verdicts["fail"]  # a site with any failed rule has the verdict "fail"
        if threshold == self.fail_on:
            return self.gated
        new_only, severity = parse_fail_on(threshold)
        if new_only:
            raise ValueError(f"the overview was counted for --fail-on {self.fail_on}, not {threshold}")
        return sum(n for worst, n in self.worst.items() if severity and at_or_above(worst, severity))

    def changed_first(self) -> list[dict[str, Any]]:
        """The changed sites the overview lists, most pressing first."""
        return sorted(self.changed, key=lambda e: (e["rank"], e["i"]))[:CHANGED_LISTED]

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


def change_tags(changes: SiteChanges) -> list[str]:
    """What the overview's change filter matches a site by: its state (unless compared), each kind of rule
    change it has (unchanged left out), and whether disclosed values (identity values) changed."""
    tags = [] if changes.state.value == "compared" else [changes.state.value]
    tags += [kind.value for kind in CHANGE_ORDER if kind.value != "unchanged" and getattr(changes.counts, kind.value)]
    if changes.values:
        tags.append(VALUES_CHANGED)
    if any(v.identity for v in changes.values):
        tags.append(IDENTITY_CHANGED)
    return tags


def _changed_entry(index: int, site: SiteReport, changes: SiteChanges) -> dict[str, Any]:
    """One site of the overview's change list: what a regulator reads before opening its report."""
    known = changes.headline in HEADLINE_ORDER
    rank = HEADLINE_ORDER.index(changes.headline) if known else len(HEADLINE_ORDER)
    return {"i": index, "rank": rank, "n": site.name, "u": site.input_url, "p": _report_link(site.report_path),
            "headline": changes.headline, "state": changes.state.value, "counts": change_counts(changes),
            "groups": _grouped(changes), "values": changes.values, "changes": changes}


def change_counts(changes: SiteChanges) -> list[tuple[str, int]]:
    """How many rules changed in each way, most pressing first (unchanged left out)."""
    counts = changes.counts.model_dump()
    return [(kind.value, counts[kind.value]) for kind in CHANGE_ORDER
            if kind.value != "unchanged" and counts[kind.value]]


def listed_changes(changes: SiteChanges) -> tuple[list[RuleChange], int]:
    """The rule changes a reader is shown, and how many others there are.

    A rule with no verdict on one side (the site or check gave none) is worth a line only when the other
    side is a problem: a failure (or review item) of last time that cannot be checked now, or one found
    at the first assessment. That it passed or did not apply on the other side is only counted.
    """
    problem = {Outcome.FAIL, Outcome.NEEDS_REVIEW}
    listed = [c for c in changes.rules
              if not (c.change.value == "not_assessed" and c.before not in problem)
              and not (c.change.value == "first_assessed" and c.now not in problem)]
    return listed, len(changes.rules) - len(listed)


def _grouped(changes: SiteChanges) -> list[tuple[str, list[Text]]]:
    """The listed rule changes by kind, most pressing kind first (as changes.rules is sorted): titles per kind."""
    groups: dict[str, list[Text]] = {}
    for change in listed_changes(changes)[0]:
        groups.setdefault(change.change.value, []).append(change.title)
    return list(groups.items())


def _report_link(path: str | None) -> str:
    # Our own relative path (sites/<folder>/report.html); anything else is not linked.
    if not path or "://" in path or path.startswith(("/", "\\")) or ":" in path.split("/", 1)[0]:
        return ""
    return path


# --- HTML ------------------------------------------------------------------------------


class Labels:
    """UI strings in both languages, from templates/labels.yaml."""

    def __init__(self, path: Path, lang: Lang) -> None:
        self.data: dict[str, dict[str, str]] = parse_yaml(path.read_text(encoding="utf-8"))
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
        self.env = template_environment(templates)
        self.env.filters["safe_href"] = safe_href
        self.env.filters["utc"] = utc_minute
        self.env.filters["fact_label"] = lambda key: self.labels(f"fact.{key}")
        self.env.globals.update(t=self.labels, lang=lang, OUTCOMES=[o.value for o in OUTCOME_ORDER],
                                CHANGE_KINDS=[k.value for k in CHANGE_ORDER if k.value != "unchanged"],
                                listed_changes=listed_changes,
                                VERDICTS=VERDICT_ORDER, SEVERITIES=[s.value for s in SEVERITY_ORDER])
        script = (templates / "report.js").read_text(encoding="utf-8")
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        self.env.globals["script"] = Markup(script)  # our own file, not site data
        self.env.globals["csp"] = (f"default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; "
                                   f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")

    def site(self, batch: BatchReport, site: SiteReport, inert: frozenset[str] = frozenset(),
             previous_report: str = "") -> str:
        """The site's page; `inert`: its DOM copies safe to open (the others are named, not linked)."""
        results = sorted(site.results, key=_sort_key)
        counts = Counter(r.outcome.value for r in site.results)
        return self.env.get_template("site.html").render(
            batch=batch, site=site, results=results, counts=counts, root="../../",
            verdict=site_verdict(site), inert=inert, previous_report=previous_report)

    def index(self, batch: BatchReport, overview: Overview | None = None, run: RunState | None = None,
              downloads: list[str] | None = None, out_dir: Path | None = None) -> str:
        if overview is None:
            overview = Overview()
            for site in batch.sites:
                overview.add(site)
        ui = {"outcome": self.labels.table("outcome"), "status": self.labels.table("status"),
              "severity": self.labels.table("severity"), "profile": self.labels.table("profile"),
              "ui": self.labels.table("ui"), "change": self.labels.table("change")}
        data = {**overview.data(), "labels": ui}
        if batch.changes is not None:  # a follow-up: the site list gets a change column and filter
            data.update(followup=True, changeOrder=HEADLINE_ORDER)
        return self.env.get_template("index.html").render(
            batch=batch, ov=overview, run=run, rows=overview.first_page(), rules=overview.rule_table(),
            data=data, downloads=downloads or [], root="",
            previous_index=_previous_file(batch, INDEX_FILE, out_dir) if out_dir is not None else "")

    def write_site(self, batch: BatchReport, site: SiteReport, out_dir: Path) -> Path | None:
        if not site.report_path:
            return None
        path = out_dir / site.report_path
        # A folder audited before issue 13 holds live copies of the sites' pages: never one click away.
        inert = frozenset(p.dom for p in site.pages if p.dom and is_inert_dom_copy(path.parent / p.dom))
        write_atomic(path, self.site(batch, site, inert, _previous_report(batch, site, path.parent)))
        return path


def utc_minute(iso: str) -> str:
    """2026-12-01T10:34:13Z → 2026-12-01 10:34 UTC: a time a reader takes in at a glance."""
    moment = parse_iso(iso)
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC" if moment else iso


def _previous_file(batch: BatchReport, relative: str, here: Path) -> str:
    """A link from `here` to a file of the baseline's folder, when that file is there (else none)."""
    if batch.changes is None or not relative:
        return ""
    source = Path(batch.changes.baseline.source)
    folder = source if source.is_dir() else source.parent
    target = folder / relative
    return Path(os.path.relpath(target.resolve(), here.resolve())).as_posix() if target.is_file() else ""


def _previous_report(batch: BatchReport, site: SiteReport, here: Path) -> str:
    previous = site.changes.previous if site.changes else None
    return _previous_file(batch, previous.report_path or "", here) if previous else ""
