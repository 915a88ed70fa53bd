"""Rectification notices: for each site that failed a rule, a printable notice in Chinese.

The notice is what a regulator sends to the site's operator: the site, when it was
checked, each failed requirement with its legal basis, what was found and the evidence
(text and cropped screenshot), the remediation, a deadline and a signature block left
blank for the sender. It is an A4 HTML file beside the site's report
(``sites/<site>/notice.html``) and, printed by Chromium (auditor/browse/printing.py), a PDF
(``notice.pdf``).

Site text is hostile here as in the reports: autoescaping on, only http(s) links, and a
Content-Security-Policy that lets nothing run (the notice has no script at all). Only
``fail`` results are listed: ``needs_review`` items are not findings and are only counted.

A follow-up audit (``--baseline``) of a site that the baseline sent a notice and that still
fails some of the same rules gets a follow-up notice instead (整改复查通知): it names the
earlier notice's date (the inspection it reported), lists the rules still failing first and
then those found since, and counts the rules fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path

from auditor.layout import MANIFEST_FILE, NOTICE_FILE, NOTICE_PDF, site_folder, write_atomic
from auditor.models import (
    SEVERITY_ORDER,
    BatchReport,
    Outcome,
    PreviousNotice,
    RuleChangeKind,
    RuleResult,
    SiteChanges,
    SiteReport,
    SiteStatus,
    parse_iso,
)
from auditor.outputs.manifest import PageEvidence, page_evidence, write_manifests
from auditor.outputs.templating import template_environment
from auditor.resources import templates_dir
from auditor.urls import safe_href

TEMPLATE = "notice.html"
TITLE = "网站信息公示问题整改通知"
FOLLOWUP_TITLE = "网站信息公示问题整改复查通知"
BEIJING = timezone(timedelta(hours=8), "北京时间")  # the addressee reads dates in China's time
CSP = "default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_DIGITS = "零一二三四五六七八九"
# Printed at the foot of every PDF page: our own markup, no site text (page numbers for a formal document).
PDF_FOOTER = ('<div style="width:100%;font-size:9px;color:#444;text-align:center;'
              'font-family:\'Noto Serif CJK SC\',serif;">{title} · 第 <span class="pageNumber">'
              '</span> 页／共 <span class="totalPages"></span> 页</div>')
# Prints notice.html files to notice.pdf beside them (auditor.browse.printing.print_pdfs).
Printer = Callable[[list[Path], str], list[Path]]


def needs_notice(site: SiteReport) -> bool:
    """Only an audited site with a failed rule gets a notice; not assessed is never non-compliant."""
    return site.status == SiteStatus.AUDITED and any(r.outcome == Outcome.FAIL for r in site.results)


def failures(site: SiteReport) -> list[RuleResult]:
    """Failed rules, gravest first; an imitation finding leads whatever its place in the pack."""
    imitation = site.imitation_finding()
    fails = [r for r in site.results if r.outcome == Outcome.FAIL]
    return sorted(fails, key=lambda r: (r is not imitation, SEVERITY_ORDER.index(r.severity), r.rule_id))


def previous_notice(site: SiteReport) -> PreviousNotice | None:
    """The baseline's notice to a site that still fails some of the rules it named: a follow-up is due."""
    changes = site.changes
    if changes is None or changes.previous_notice is None:
        return None
    named = set(changes.previous_notice.rules)
    still = any(c.change == RuleChangeKind.STILL_FAILING and c.rule_id in named for c in changes.rules)
    return changes.previous_notice if still else None


def _followup(changes: SiteChanges, fails: list[RuleResult], previous: PreviousNotice) -> dict[str, object]:
    """A follow-up notice's parts: the earlier notice's rules still failing, the failures found since, fixes."""
    kinds = {c.rule_id: c.change for c in changes.rules}
    named = set(previous.rules)
    still = [r for r in fails if r.rule_id in named and kinds.get(r.rule_id) == RuleChangeKind.STILL_FAILING]
    fixed = sum(1 for rule_id in named if kinds.get(rule_id) == RuleChangeKind.FIXED)
    return {"still": still, "others": [r for r in fails if r not in still], "fixed": fixed}


def notice_title(site: SiteReport) -> str:
    return FOLLOWUP_TITLE if previous_notice(site) is not None else TITLE


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三: the numbering of items in a Chinese official letter."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def cn_date(iso: str) -> str:
    """UTC ISO time → 2026年11月26日 (the date in Beijing); blanks to fill in when unknown."""
    moment = parse_iso(iso)
    if moment is None:
        return "＿＿＿＿年＿＿月＿＿日"
    local = moment.astimezone(BEIJING)
    return f"{local.year}年{local.month}月{local.day}日"


def cn_time(iso: str) -> str:
    moment = parse_iso(iso)
    if moment is None:
        return iso or "—"
    return f"{moment.astimezone(BEIJING):%Y-%m-%d %H:%M:%S}（北京时间）"


def _sources(fails: list[RuleResult]) -> list[str]:
    """The laws the failed rules rest on, once each, in order of first use: they head the notice."""
    return list(dict.fromkeys(c.source.zh for r in fails for c in r.citations))


def _addressee(site: SiteReport, imitation: bool) -> str:
    # An imitation site shows someone else's name: the notice goes to whoever actually runs it.
    if imitation:
        return "该网站的实际运营者"
    name = site.registry.get("registered_name")
    if isinstance(name, str) and name:
        return name
    return site.facts.entity_names[0] if site.facts.entity_names else "网站主办者（运营者）"


class NoticeWriter:
    def __init__(self, templates: Path | None = None) -> None:
        self.env = template_environment(templates or templates_dir())
        self.env.filters.update(safe_href=safe_href, cn_number=cn_number, cn_date=cn_date, cn_time=cn_time)

    def render(self, batch: BatchReport, site: SiteReport, pages: list[PageEvidence]) -> str:
        fails = failures(site)
        imitation = site.imitation_finding()
        home = next((p for p in pages if p.kind == "home"), None)
        previous = previous_notice(site)
        followup = _followup(site.changes, fails, previous) if previous is not None and site.changes else {}
        return self.env.get_template(TEMPLATE).render(
            batch=batch, site=site, fails=fails, imitation=imitation, csp=CSP, sources=_sources(fails),
            addressee=_addressee(site, imitation is not None), home=home, manifest=MANIFEST_FILE,
            reviews=site.count(Outcome.NEEDS_REVIEW), title=notice_title(site), previous=previous, **followup)

    def write(self, batch: BatchReport, site: SiteReport, folder: Path,
              pages: list[PageEvidence] | None = None) -> Path | None:
        """Write the site's notice.html if it failed a rule, else remove an old one; the path when written."""
        html, pdf = folder / NOTICE_FILE, folder / NOTICE_PDF
        if not needs_notice(site):
            html.unlink(missing_ok=True)  # a re-judged site that now passes must not keep an old notice
            pdf.unlink(missing_ok=True)
            return None
        text = self.render(batch, site, page_evidence(site, folder) if pages is None else pages)
        if not html.is_file() or html.read_text(encoding="utf-8") != text:
            pdf.unlink(missing_ok=True)  # printed from an older notice: print it again rather than mislead
            write_atomic(html, text)  # an unchanged notice keeps its file (and its PDF)
        return html


def write_notices(batch: BatchReport, out_dir: Path, templates: Path | None = None) -> list[Path]:
    """Write sites/<site>/notice.html for every site with a failure; remove notices that no longer apply."""
    return [path for paths in _write_by_title(batch, out_dir, templates).values() for path in paths]


def _write_by_title(batch: BatchReport, out_dir: Path, templates: Path | None = None) -> dict[str, list[Path]]:
    """The notices written, by title (a follow-up notice is titled as one: its PDF footer says so)."""
    writer = NoticeWriter(templates)
    written: dict[str, list[Path]] = {}
    for site in batch.sites:
        folder = site_folder(site, out_dir)
        if folder is not None and (path := writer.write(batch, site, folder)):
            written.setdefault(notice_title(site), []).append(path)
    return written


def issue_notices(batch: BatchReport, out_dir: Path, printer: Printer | None = None) -> list[Path]:
    """Write every notice, print them to PDF with `printer` if given, then re-seal the folder's manifests.

    Returns the notices written (their PDFs when printed).
    """
    written = []
    for title, notices in _write_by_title(batch, out_dir).items():  # each PDF's footer names its kind of notice
        footer = PDF_FOOTER.format(title=title)
        written += printer(notices, footer) if printer is not None else notices
    write_manifests(batch, out_dir)  # the notices (and PDFs) join the manifests
    return written
