"""Data that crosses a stage boundary: snapshots (browser → disk), rule results and reports.

Pipeline (docs/architecture.md): ``browse`` produces a :class:`SiteSnapshot`; ``judge``
reads :class:`Finding` items and :class:`Facts` off it and turns the rules into
:class:`RuleResult` items; ``outputs`` writes a :class:`BatchReport` as ``report.json``
and HTML. Every model is strict (``extra="forbid"``) so a stored file that does not match
is an error, not a guess. What every stage agrees on about a result (the order of
outcomes and severities, a site's one-word verdict) is here too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from auditor.resources import TOOL_NAME, version

SCHEMA_VERSION = "1.0"
PROFILES = ("site", "operator", "platform", "content")
DEFAULT_PROFILES = ("site", "operator")
# An input row's registered_* values (registered_name, registered_uscc …), and the records
# of a --registry file by key (registrable domain or credit code).
RegistryValues = dict[str, str | list[str]]
RegistryRecords = Mapping[str, RegistryValues]
IMITATION_RULE = "registry-domain-official"  # its failure with evidence marks a possible imitation site


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"


class SiteStatus(StrEnum):
    AUDITED = "audited"
    UNREACHABLE = "unreachable"
    BLOCKED = "blocked"
    ERROR = "error"


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


Region = Literal["header", "main", "footer"]
Lang = Literal["zh", "en"]


class Text(Model):
    """A string in both report languages."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        return {"zh": self.zh, "en": self.en}[lang]


# --- snapshot: what a visitor sees -------------------------------------------------

BBox = tuple[float, float, float, float]  # x, y, width, height in CSS pixels of the full page


class BlockLink(Model):
    """Where a click on part of a block's text leads (or a text-less link beside it, such as a badge).

    Read from the page's structure: the text stands inside an element that navigates (an
    ``<a href>``, a ``data-href``, or a click handler that names its target).
    """

    text: str  # the block's text inside that element ("" for a badge without words)
    url: str
    via: Literal["href", "data-href", "script"] = "href"


class Piece(Model):
    """The text of one element of a block that carries a number, and whether its own box is centred."""

    text: str
    centered: bool


class TextBlock(Model):
    """Visible text of one block-level element (its inline descendants joined)."""

    text: str
    bbox: BBox
    region: Region
    centered: bool
    # The number-bearing elements of a block of several, each with its own centring: a number is placed
    # where its element is, not where its line is.
    pieces: list[Piece] = Field(default_factory=list)
    font_px: float = 0.0
    frame: str | None = None  # URL of the same-origin iframe the text came from
    links: list[BlockLink] | None = None  # None: a snapshot from before links were read from the structure
    label: str = ""  # the words labelling it from the element before (<th>地址</th><td>…</td>)
    # In a section of a document page the auditor opened as a visitor would with one click (a
    # closed <details>, a hidden tab panel: reveal.js). Never on a homepage.
    folded: bool = False


class Link(Model):
    """Something a visitor can click that leads somewhere.

    ``via`` says how: a real ``href``, a ``data-href`` attribute, a click handler that
    names its target (``script``), or one that was clicked at render time to learn where
    it goes (``click``).
    """

    text: str
    url: str
    bbox: BBox
    region: Region
    via: Literal["href", "data-href", "script", "click"] = "href"
    title: str = ""


class OcrLine(Model):
    """One line of text read from a picture, with how sure the reader is and where it stands."""

    text: str
    confidence: float  # 0..1, the recogniser's score for the line
    box: BBox  # x, y, width, height in pixels of the copy beside the snapshot (OcrText.file)


class OcrText(Model):
    """What OCR read in a picture (auditor/browse/ocr.py): browser-stage data, judged offline like text.

    `sha256` is of the bytes read, which are the bytes the page loaded (`source`: the image
    response as the browser received it, a data: URL, or the pixels of its box on the page).
    """

    sha256: str
    source: Literal["response", "data_url", "screenshot"]
    engine: str  # reader, models and runtime, with versions
    file: str | None = None  # the picture as read, beside the snapshot (its lines' boxes refer to it)
    size: tuple[int, int] = (0, 0)  # width, height of that copy
    lines: list[OcrLine] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Image(Model):
    alt: str
    src: str
    href: str | None  # where a click on it leads
    bbox: BBox
    region: Region
    context: str = ""  # the visible words of the block it stands in ("ICP备案号：<img>")
    ocr: OcrText | None = None  # read only where a rule would otherwise say "only in an image"


class Screenshot(Model):
    """A picture of part of the page: the file beside the snapshot and where on the page it starts."""

    file: str
    y: float = 0.0
    height: float = 0.0

    def shows(self, box: BBox) -> bool:
        """The box lies wholly within this picture's stretch of the page (so it can be cropped from it)."""
        return self.y <= box[1] and box[1] + box[3] <= self.y + self.height


class Anchor(Model):
    """The section of a page its URL's #fragment opens: its heading and where it runs on the page."""

    heading: str
    top: float
    bottom: float


class PageSnapshot(Model):
    kind: str  # "home" or a page kind from rules/pages.yaml
    url: str
    final_url: str
    http_status: int | None = None
    error: str | None = None
    title: str = ""
    redirects: list[str] = Field(default_factory=list)
    page_size: tuple[float, float] = (0.0, 0.0)  # width, height of the rendered document
    blocks: list[TextBlock] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    frames: list[str] = Field(default_factory=list)  # cross-origin iframes, not read
    has_password_field: bool = False
    anchor: Anchor | None = None  # the section the URL's #fragment names, if it names one on the page
    truncated: bool = False  # the page was larger than the snapshot limit; main-content text was dropped
    # Why the page is known to lack its end (its transfer stalled or broke off): the rules that
    # read it cannot fail on what did not arrive (judge/engine.py). None: it arrived whole.
    incomplete: str | None = None
    dom: str | None = None  # file beside the snapshot: the rendered DOM as HTML
    screenshots: list[Screenshot] = Field(default_factory=list)  # the top of the page, and its bottom if long
    fetched_at: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and (self.http_status is None or self.http_status < 400)

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


class SiteSnapshot(Model):
    input_url: str
    final_url: str
    status: SiteStatus
    error: str | None = None
    pages: list[PageSnapshot] = Field(default_factory=list)
    started_at: str = ""
    finished_at: str = ""

    def page(self, kind: str) -> PageSnapshot | None:
        return next((p for p in self.pages if p.kind == kind), None)


# --- facts: what the pages disclose ------------------------------------------------


class ImageRead(Model):
    """Evidence that was read from a picture, not from text: which picture, where in it, how sure."""

    src: str  # the picture's address on the page
    file: str | None = None  # its copy beside the snapshot (OcrText.file)
    box: BBox  # the line that holds the value, in that copy's pixels
    confidence: float
    engine: str = ""


class Evidence(Model):
    page_url: str
    text: str
    region: Region | None = None
    bbox: BBox | None = None
    screenshot: str | None = None  # cropped image, relative to the site's report folder
    ocr: ImageRead | None = None  # set when the text was read from a picture

    @model_serializer(mode="wrap")
    def _without_unread(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        # Text evidence is written as before image reading existed: report.json and the
        # golden reports do not change for sites without pictures read.
        data: dict[str, object] = handler(self)
        if self.ocr is None:
            data.pop("ocr", None)
        return data


class Finding(Model):
    """One identifier or contact item found on a page, with where it was."""

    kind: str
    value: str
    status: Literal["valid", "nonstandard", "invalid"]
    problems: list[str] = Field(default_factory=list)
    label: str = ""
    href: str | None = None  # where the text links to, if it is (inside) a link
    nearby_hrefs: list[str] = Field(default_factory=list)  # links in the same block
    page_kind: str
    centered: bool = False
    evidence: Evidence
    # Where it was read: visible text, or a picture (OCR). A value read from a picture is
    # never "displayed as text"; the checks that accept it say so (auditor/judge/checks/base.py).
    provenance: Literal["text", "image"] = "text"
    confidence: float | None = None  # of a read from a picture


class Facts(Model):
    """Contract ``facts``: normalised values (valid ones only), each list possibly empty."""

    icp_filing_numbers: list[str] = Field(default_factory=list)
    icp_licence_numbers: list[str] = Field(default_factory=list)
    telecom_licence_numbers: list[str] = Field(default_factory=list)
    psb_numbers: list[str] = Field(default_factory=list)
    culture_licence_numbers: list[str] = Field(default_factory=list)
    credit_codes: list[str] = Field(default_factory=list)
    entity_names: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    addresses: list[str] = Field(default_factory=list)
    links: dict[str, str] = Field(default_factory=dict)


# --- results and reports -----------------------------------------------------------


class Citation(Model):
    source: Text
    article: Text
    url: str | None = None
    verified: bool = True


class RuleResult(Model):
    rule_id: str
    outcome: Outcome
    severity: Severity
    message: str
    messages: Text
    evidence: list[Evidence] = Field(default_factory=list)
    title: Text
    citations: list[Citation] = Field(default_factory=list)
    remediation: Text | None = None


class PageRef(Model):
    """One page of a site as the reports record it: where it ended, how it was fetched, its evidence files."""

    kind: str
    url: str  # where the page ended (after redirects)
    status: int | str | None  # its HTTP status, or "error" when it could not be read
    # Evidence files of this page in the site's folder (relative to it): the rendered DOM and the screenshots.
    dom: str | None = None
    screenshots: list[str] = Field(default_factory=list)
    # How it was fetched (the manifests' provenance): the address asked for, the redirects before
    # `url` (first request first), why it could not be read, and when (UTC).
    requested_url: str = ""
    redirects: list[str] = Field(default_factory=list)
    error: str | None = None
    fetched_at: str = ""
    incomplete: str | None = None  # the page was cut (its transfer stalled or broke off): why


# --- changes since an earlier audit (decided by auditor/outputs/changes.py) ---------------


class RuleChangeKind(StrEnum):
    """How one rule's result on one site changed since the baseline audit (README: follow-up audits)."""

    NEW_FAILURE = "new_failure"  # fails now; passed, needed review or did not apply then
    STILL_FAILING = "still_failing"  # failed then, fails now
    FIXED = "fixed"  # failed then, passes now
    NEW_REVIEW = "new_review"  # needs review now, did not then (a failure now under review is not fixed)
    RESOLVED_REVIEW = "resolved_review"  # needed review then, passes now
    UNCHANGED = "unchanged"  # same outcome, or pass ↔ not_applicable (no problem either time)
    NO_LONGER_APPLICABLE = "no_longer_applicable"  # failed or needed review then, does not apply now
    NOT_ASSESSED = "not_assessed"  # no verdict now: the site could not be assessed, or the check broke
    FIRST_ASSESSED = "first_assessed"  # a result now, no verdict then (site not assessed, or the check broke)
    NEW_RULE = "new_rule"  # not in the baseline's rule pack
    REMOVED_RULE = "removed_rule"  # in the baseline's rules, not in this audit's


class SiteChangeState(StrEnum):
    COMPARED = "compared"  # audited both times: its rule changes say what changed
    NEW_SITE = "new_site"  # not in the baseline
    NEWLY_UNREACHABLE = "newly_unreachable"  # audited then, not assessed now (unreachable, blocked, error)
    REACHABLE_AGAIN = "reachable_again"  # not assessed then, audited now
    STILL_UNREACHABLE = "still_unreachable"  # not assessed either time


class RuleChange(Model):
    rule_id: str
    change: RuleChangeKind
    before: Outcome | None  # None: no result then (site not assessed, or a rule new in this pack)
    now: Outcome | None  # None: no result now
    severity: Severity  # as this audit's pack grades it (the baseline's for a removed rule)
    title: Text


class ValueChange(Model):
    """One kind of disclosed value (a `facts` list) that differs: a new phone, another ICP number, entity name…"""

    fact: str  # a key of `facts`
    before: list[str]
    now: list[str]
    added: list[str]
    removed: list[str]
    # A value of who runs the site (name, credit code, ICP/PSB numbers, phones) replaced by another: the
    # pattern of a takeover or an imitation (a value shown for the first time, or no longer shown, is not).
    identity: bool


class RuleChangeCounts(Model):
    new_failure: int = 0
    still_failing: int = 0
    fixed: int = 0
    new_review: int = 0
    resolved_review: int = 0
    unchanged: int = 0
    no_longer_applicable: int = 0
    not_assessed: int = 0
    first_assessed: int = 0
    new_rule: int = 0
    removed_rule: int = 0


class PreviousSite(Model):
    """The site as the baseline audit recorded it."""

    input_url: str
    final_url: str
    status: SiteStatus
    started_at: str = ""
    report_path: str | None = None  # relative to the baseline's folder


class PreviousNotice(Model):
    """The rectification notice the baseline audit wrote for the site (it failed a rule then)."""

    date: str  # the baseline's inspection of the site (UTC): the date the notice states
    rules: list[str]  # the rules it named
    file: str | None = None  # the notice, relative to the baseline's folder, when it is there
    sha256: str | None = None


class SiteChanges(Model):
    state: SiteChangeState
    headline: str  # one word for filters: `state` unless compared, else the most pressing rule change
    matched_by: Literal["input_url", "final_url"] | None = None
    previous: PreviousSite | None = None
    counts: RuleChangeCounts = Field(default_factory=RuleChangeCounts)
    rules: list[RuleChange] = Field(default_factory=list)  # every rule but the unchanged, most pressing first
    values: list[ValueChange] = Field(default_factory=list)  # only when audited both times
    previous_notice: PreviousNotice | None = None


class SiteReport(Model):
    input_url: str
    final_url: str
    name: str = ""
    status: SiteStatus
    error: str | None = None
    profiles: list[str]
    pages: list[PageRef] = Field(default_factory=list)
    facts: Facts = Field(default_factory=Facts)
    results: list[RuleResult] = Field(default_factory=list)
    registry: RegistryValues = Field(default_factory=dict)  # the input's registered_* values
    report_path: str | None = None  # the site's HTML report, relative to report.json
    started_at: str = ""
    finished_at: str = ""
    changes: SiteChanges | None = None  # since the baseline audit; absent from report.json without one

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    def imitation_finding(self) -> RuleResult | None:
        """The failed official-domain check when it found a possible imitation site, else None.

        ``registry-domain-official`` fails in two ways: the domain is merely unregistered
        (no evidence), or the site also shows the registered entity's name or numbers, which
        are its evidence: that second failure is the imitation finding.
        """
        return next((r for r in self.results if r.rule_id == IMITATION_RULE and r.outcome == Outcome.FAIL
                     and r.evidence), None)


class ToolInfo(Model):
    name: str
    version: str


class RulePackInfo(Model):
    pack: str
    version: str


class BaselineInfo(Model):
    """The earlier audit a follow-up is compared with."""

    source: str  # the folder (or report.json) given as --baseline / to diff
    started_at: str
    finished_at: str
    tool: ToolInfo
    rules: RulePackInfo
    sites: int


class SiteStateCounts(Model):
    compared: int = 0
    new_site: int = 0
    newly_unreachable: int = 0
    reachable_again: int = 0
    still_unreachable: int = 0


class BatchChanges(Model):
    baseline: BaselineInfo
    sites: SiteStateCounts = Field(default_factory=SiteStateCounts)
    rules: RuleChangeCounts = Field(default_factory=RuleChangeCounts)  # (site, rule) pairs
    sites_with: RuleChangeCounts = Field(default_factory=RuleChangeCounts)  # sites with at least one
    absent_sites: list[PreviousSite] = Field(default_factory=list)  # in the baseline, not in this audit


class BatchReport(Model):
    schema_version: str = SCHEMA_VERSION
    tool: ToolInfo
    rules: RulePackInfo
    lang: Lang = "zh"
    started_at: str
    finished_at: str
    sites: list[SiteReport]
    changes: BatchChanges | None = None  # since the baseline audit; absent from report.json without one


def batch_header(pack: str, pack_version: str, lang: Lang, started: str, finished: str,
                 tool_version: str | None = None) -> BatchReport:
    """The batch fields of report.json (no sites): the one place a report's header is made.

    `tool_version`: the version that audited the batch (a store keeps it); default: this one.
    """
    return BatchReport(tool=ToolInfo(name=TOOL_NAME, version=tool_version or version()),
                       rules=RulePackInfo(pack=pack, version=pack_version),
                       lang=lang, started_at=started, finished_at=finished, sites=[])


# --- the order of things, and a site's verdict --------------------------------------------

OUTCOME_ORDER = [Outcome.FAIL, Outcome.NEEDS_REVIEW, Outcome.ERROR, Outcome.PASS, Outcome.NOT_APPLICABLE]
SEVERITY_ORDER = [Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO]
VERDICT_ORDER = ["fail", "needs_review", "error", "pass", "not_assessed"]


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


NEW_GATE = "new"  # --fail-on new[:SEVERITY]: only failures that are new since the baseline count


def parse_fail_on(fail_on: str | None) -> tuple[bool, str | None]:
    """--fail-on's value as (only new failures count, severity threshold or None for any)."""
    if fail_on is None:
        return False, None
    head, _, severity = fail_on.partition(":")
    if head == NEW_GATE:
        return True, severity or None
    return False, fail_on


def new_failures(site: SiteReport) -> list[RuleResult]:
    """The failures `--fail-on new` counts: a rule that fails now and did not before on a site assessed both
    times, and every failure of a site the baseline did not have. Still failing, first assessed (the site or
    check gave no verdict then) and new rules are not new failures."""
    if site.changes is None:
        return []
    fails = [r for r in site.results if r.outcome == Outcome.FAIL]
    if site.changes.state == SiteChangeState.NEW_SITE:
        return fails
    new = {c.rule_id for c in site.changes.rules if c.change == RuleChangeKind.NEW_FAILURE}
    return [r for r in fails if r.rule_id in new]


def gated_failures(site: SiteReport, fail_on: str | None) -> list[RuleResult]:
    """The failures that make `audit --fail-on` exit 1 (and junit.xml count as failures)."""
    new_only, threshold = parse_fail_on(fail_on)
    fails = new_failures(site) if new_only else [r for r in site.results if r.outcome == Outcome.FAIL]
    return [r for r in fails if threshold is None or at_or_above(r.severity.value, threshold)]


# --- what a run keeps per site -------------------------------------------------------------


class StoredSite(BaseModel):
    """What a run keeps per site (``snapshot.json``) so it can be judged again without a browser."""

    model_config = ConfigDict(extra="forbid")
    url: str
    name: str = ""
    profiles: list[str]
    registry: RegistryValues = {}
    snapshot: SiteSnapshot


# Given the pages of a site read so far, the last one being the page in hand: the boxes on
# that page which the rules cite, to be photographed (the judge answers, the browser asks).
Cited = Callable[[list[PageSnapshot]], list[BBox]]
# Given the same pages: which pictures of the page in hand (indices into its `images`) the rules
# would otherwise call "only in an image", so the browser stage reads them (OCR).
ImagesWanted = Callable[[list[PageSnapshot]], list[int]]


# --- time ----------------------------------------------------------------------------------


def now_iso() -> str:
    """Now, in UTC, as the reports write it: 2026-11-26T08:00:00Z."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime | None:
    """A time written by :func:`now_iso` (or any ISO 8601 form), timezone-aware; None if unreadable."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
