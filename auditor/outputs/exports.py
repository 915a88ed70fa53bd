"""Exports for other tools: a CSV matrix (site × rule outcomes) and JUnit XML for CI test tabs.

Both are written one site at a time (a 10 000-site batch is 180 000 rule outcomes) and
replace their file only when complete. Site text is untrusted here too: CSV cells that
a spreadsheet would run as a formula are neutralised, and XML gets escaped text with the
characters XML 1.0 forbids removed.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from auditor.layout import AtomicFile
from auditor.models import (
    Lang,
    Outcome,
    RuleResult,
    SiteReport,
    gated_failures,
    parse_fail_on,
    parse_iso,
    site_verdict,
    worst_failure,
)

CSV_COLUMNS = ("url", "name", "status", "verdict", "worst_severity", "fails", "needs_review", "error", "profiles",
               "report")
# A follow-up audit's columns, after the rules' (so a file without a baseline is as it always was):
# the site's change in one word (changes.headline), its rule changes, the disclosed values that changed.
CHANGE_COLUMNS = ("change", "rule_changes", "changed_values")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def csv_cell(value: str) -> str:
    """A text cell Excel or LibreOffice will show, not evaluate (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_START) else value


class CsvExport:
    """``results.csv``: one row per site, one column per rule holding its outcome (empty: not judged)."""

    def __init__(self, path: Path, rule_ids: list[str], changes: bool = False) -> None:
        self.path = path
        self.rule_ids = list(rule_ids)
        self.changes = changes
        # utf-8-sig: Excel on Chinese Windows only reads UTF-8 when the file starts with a BOM.
        self._out = AtomicFile(path, encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._out.handle)
        self._writer.writerow([*CSV_COLUMNS, *self.rule_ids, *(CHANGE_COLUMNS if changes else ())])

    def add(self, site: SiteReport) -> None:
        outcomes = {r.rule_id: r.outcome.value for r in site.results}
        counts = [sum(1 for r in site.results if r.outcome == o) for o in (Outcome.FAIL, Outcome.NEEDS_REVIEW)]
        self._writer.writerow([
            csv_cell(site.input_url), csv_cell(site.name), site.status.value, site_verdict(site),
            worst_failure(site), *counts, csv_cell(site.error or ""), ";".join(site.profiles),
            site.report_path or "", *(outcomes.get(rid, "") for rid in self.rule_ids),
            *(_change_cells(site) if self.changes else ())])

    def close(self) -> Path:
        return self._out.commit()


def _change_cells(site: SiteReport) -> list[str]:
    """change, rule_changes ("new_failure: a, b; fixed: c"), changed_values ("phones; entity_names")."""
    changes = site.changes
    if changes is None:
        return ["", "", ""]
    by_kind: dict[str, list[str]] = {}
    for change in changes.rules:
        by_kind.setdefault(change.change.value, []).append(change.rule_id)
    rules = "; ".join(f"{kind}: {', '.join(ids)}" for kind, ids in by_kind.items())
    return [changes.headline, rules, "; ".join(v.fact for v in changes.values)]


class JunitExport:
    """``junit.xml``: a test suite per site, a test case per applicable rule.

    fail → ``<failure>`` (type = severity); with ``--fail-on`` a failure below the
    threshold is ``<skipped>`` so the file's failure count agrees with the exit code;
    needs_review → ``<skipped>``; a check error → ``<error>``; a site that could not be
    assessed → one ``<error>`` case: JUnit's "could not run", never a failure. With
    ``--fail-on new[:S]`` only new failures (since the baseline) are failures; the others are skipped.
    not_applicable rules are left out.
    """

    def __init__(self, path: Path, lang: Lang, fail_on: str | None = None, suite_name: str = "") -> None:
        self.path = path
        self.lang = lang
        self.fail_on = fail_on
        self.suite_name = suite_name or "disclosure-auditor"
        self.totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        self._body_path = path.with_name(path.name + ".body.tmp")
        self._body: IO[str] = self._body_path.open("w", encoding="utf-8")

    def add(self, site: SiteReport) -> None:
        cases: list[str] = []
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if site.status.value != "audited":
            reason = site.error or site.status.value
            cases.append(_case(site.input_url, "site-assessed",
                               f'<error type={_attr(site.status.value)} message={_attr(reason)}>'
                               f'{_text(reason)}</error>'))
            counts.update(tests=1, errors=1)
        gated = {r.rule_id for r in gated_failures(site, self.fail_on)}
        for result in site.results:
            if result.outcome == Outcome.NOT_APPLICABLE:
                continue
            body, kind = self._outcome(result, result.rule_id in gated)
            cases.append(_case(site.input_url, f"{result.rule_id}: {result.title.get(self.lang)}", body))
            counts["tests"] += 1
            if kind:
                counts[kind] += 1
        for key, value in counts.items():
            self.totals[key] += value
        self._body.write(
            f'  <testsuite name={_attr(site.name or site.input_url)} tests="{counts["tests"]}" '
            f'failures="{counts["failures"]}" errors="{counts["errors"]}" skipped="{counts["skipped"]}" '
            f'timestamp={_attr(site.started_at)} time="{_seconds(site.started_at, site.finished_at):.1f}">\n'
            f'    <properties><property name="url" value={_attr(site.input_url)}/>'
            f'<property name="status" value={_attr(site.status.value)}/>'
            f'<property name="report" value={_attr(site.report_path or "")}/></properties>\n'
            + "".join(cases) + "  </testsuite>\n")

    def _outcome(self, result: RuleResult, gated: bool) -> tuple[str, str]:
        outcome, severity, message = result.outcome, result.severity.value, result.messages.get(self.lang)
        detail = _text("\n".join([message, *[e.text for e in result.evidence][:5]]))
        if outcome == Outcome.FAIL and gated:
            return f"<failure type={_attr(severity)} message={_attr(message)}>{detail}</failure>", "failures"
        if outcome == Outcome.FAIL:
            new_only, _ = parse_fail_on(self.fail_on)
            why = "not new since the baseline or below" if new_only else "below"
            note = f"fail ({severity}), {why} --fail-on {self.fail_on}: {message}"
            return f"<skipped message={_attr(note)}/>", "skipped"
        if outcome == Outcome.NEEDS_REVIEW:
            return f"<skipped message={_attr('needs review: ' + message)}/>", "skipped"
        if outcome == Outcome.ERROR:
            return f"<error type=\"check-error\" message={_attr(message)}>{detail}</error>", "errors"
        return "", ""

    def close(self) -> Path:
        self._body.close()
        # The totals head the file but are known only now: the cases wait in a scratch file.
        out = AtomicFile(self.path)
        with self._body_path.open(encoding="utf-8") as body:
            t = self.totals
            out.handle.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                             f'<testsuites name={_attr(self.suite_name)} tests="{t["tests"]}" '
                             f'failures="{t["failures"]}" errors="{t["errors"]}" skipped="{t["skipped"]}">\n')
            while chunk := body.read(1 << 20):
                out.handle.write(chunk)
            out.handle.write("</testsuites>\n")
        out.commit()
        self._body_path.unlink(missing_ok=True)
        return self.path


def _case(classname: str, name: str, body: str) -> str:
    inner = f">{body}</testcase>" if body else "/>"
    return f"    <testcase classname={_attr(classname)} name={_attr(name)}{inner}\n"


def _clean(text: str) -> str:
    return XML_FORBIDDEN.sub("\ufffd", text)


def _attr(text: str) -> str:
    return quoteattr(_clean(text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _text(text: str) -> str:
    return escape(_clean(text))


def _seconds(start: str, end: str) -> float:
    began, ended = parse_iso(start), parse_iso(end)
    return max(0.0, (ended - began).total_seconds()) if began and ended else 0.0

