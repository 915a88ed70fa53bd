"""The checks rule files name: pure functions over a site's findings.

Each check returns a :class:`Verdict`: an outcome, a message code and the values that
fill the rule's message for that code. The rule file (data) holds the wording, the law
and the parameters; a check holds only the logic. ``CHECKS`` is the registry rule files
are validated against: its ``codes`` say which message codes a check may produce and
which placeholders each fills.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from auditor.identifiers import NumberKind, link_kind, parse_phone, psb_link_code
from auditor.judge.extract import SiteFacts, linked_to
from auditor.models import Evidence, Finding, Link, Outcome, PageSnapshot, RegistryValues
from auditor.normalize import collapse_spaces, normalize
from auditor.urls import site_key, split_url

ENGINE_CODES = ("not_applicable", "page_unavailable", "page_incomplete", "error")
HOME = ("home",)


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    code: str
    values: dict[str, str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    site: SiteFacts
    today: date
    registry: RegistryValues = field(default_factory=dict)  # the site's registered_* values

    def page(self, kind: str) -> PageSnapshot | None:
        return self.site.snapshot.page(kind)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class CheckSpec:
    func: Callable[[Context, BaseModel], Verdict]
    params: type[BaseModel]
    codes: dict[str, tuple[str, ...]]


CHECKS: dict[str, CheckSpec] = {}


def check(params: type[BaseModel], codes: dict[str, tuple[str, ...]]) -> Callable[
        [Callable[[Context, BaseModel], Verdict]], Callable[[Context, BaseModel], Verdict]]:
    def register(func: Callable[[Context, BaseModel], Verdict]) -> Callable[[Context, BaseModel], Verdict]:
        CHECKS[func.__name__] = CheckSpec(func, params, codes)
        return func
    return register


def _ev(findings: list[Finding], limit: int = 3) -> list[Evidence]:
    seen: list[Evidence] = []
    for f in findings:
        if f.evidence not in seen:
            seen.append(f.evidence)
    return seen[:limit]


def _values(findings: list[Finding]) -> str:
    return "、".join(dict.fromkeys(f.value for f in findings))


def _image_hints(ctx: Context, words: list[str], pages: tuple[str, ...] = HOME) -> list[Evidence]:
    """Images (or links to images) whose alt, file name or link text suggests the item is only in a picture."""
    hits = []
    for kind in pages:
        page = ctx.page(kind)
        if page is None:
            continue
        for image in page.images:
            text = normalize(f"{image.alt} {image.src} {image.href or ''}").lower()
            if any(normalize(w).lower() in text for w in words):
                hits.append(Evidence(page_url=page.final_url, text=image.alt or image.src, region=image.region,
                                     bbox=image.bbox))
        for link in page.links:
            label = normalize(link.text).lower()
            if any(normalize(w).lower() in label for w in words) and link.url.lower().split("?")[0].endswith(
                    (".png", ".jpg", ".jpeg", ".gif", ".webp")):
                hits.append(Evidence(page_url=page.final_url, text=link.text, region=link.region, bbox=link.bbox))
    return hits


# --- identifiers on the homepage --------------------------------------------------------


class DisplayedParams(Params):
    kinds: list[NumberKind] = Field(min_length=1)
    pages: list[str] = Field(default_factory=lambda: ["home"])
    image_words: list[str] = Field(default_factory=list)
    review_problems: list[str] = Field(default_factory=list)  # e.g. maybe_expired: valid, but a person checks


@check(DisplayedParams, {"pass": ("value",), "review": ("value", "problems"), "nonstandard": ("value", "problems"),
                         "invalid": ("value", "problems"), "image_only": ("detail",), "missing": ()})
def identifier_displayed(ctx: Context, params: BaseModel) -> Verdict:
    """A number of the given kinds is visible as text: valid → pass, malformed → fail with why."""
    assert isinstance(params, DisplayedParams)
    found = ctx.site.of(*params.kinds, pages=tuple(params.pages))
    valid = [f for f in found if f.status == "valid"]
    clean = [f for f in valid if not set(f.problems) & set(params.review_problems)]
    if clean:
        return Verdict(Outcome.PASS, "pass", {"value": _values(clean)}, _ev(clean))
    if valid:
        problems = "、".join(dict.fromkeys(p for f in valid for p in f.problems))
        return Verdict(Outcome.NEEDS_REVIEW, "review", {"value": _values(valid), "problems": problems}, _ev(valid))
    for status in ("nonstandard", "invalid"):
        bad = [f for f in found if f.status == status]
        if bad:
            problems = "、".join(dict.fromkeys(p for f in bad for p in f.problems))
            return Verdict(Outcome.FAIL, status, {"value": _values(bad), "problems": problems}, _ev(bad))
    images = _image_hints(ctx, params.image_words, tuple(params.pages))
    if images:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": images[0].text}, images[:3])
    return Verdict(Outcome.FAIL, "missing")


class LinkedParams(Params):
    kinds: list[NumberKind] = Field(min_length=1)
    hosts: list[str] = Field(min_length=1)  # link kinds from identifiers.link_kind
    obsolete_hosts: list[str] = Field(default_factory=list)


@check(LinkedParams, {"pass": ("value", "url"), "obsolete": ("value", "url"), "not_linked": ("value",),
                      "no_number": ()})
def identifier_linked(ctx: Context, params: BaseModel) -> Verdict:
    """The shown number is (or sits beside) a link to the official lookup system."""
    assert isinstance(params, LinkedParams)
    found = [f for f in ctx.site.of(*params.kinds, pages=HOME) if f.status != "invalid"]
    if not found:
        return Verdict(Outcome.FAIL, "no_number")
    for f in found:
        url = linked_to(f, *params.hosts)
        if url:
            return Verdict(Outcome.PASS, "pass", {"value": f.value, "url": url}, [f.evidence])
    for f in found:
        url = linked_to(f, *params.obsolete_hosts)
        if url:
            return Verdict(Outcome.FAIL, "obsolete", {"value": f.value, "url": url}, [f.evidence])
    return Verdict(Outcome.FAIL, "not_linked", {"value": _values(found)}, _ev(found))


class PlacementParams(Params):
    kinds: list[NumberKind] = Field(min_length=1)


@check(PlacementParams, {"pass": ("value",), "not_centered": ("value",), "not_in_footer": ("value", "region"),
                         "no_number": ()})
def identifier_placement(ctx: Context, params: BaseModel) -> Verdict:
    """The number stands in the footer of the homepage, horizontally centred."""
    assert isinstance(params, PlacementParams)
    found = [f for f in ctx.site.of(*params.kinds, pages=HOME) if f.status != "invalid"]
    if not found:
        return Verdict(Outcome.FAIL, "no_number")
    best = [f for f in found if f.evidence.region == "footer" and f.centered]
    if best:
        return Verdict(Outcome.PASS, "pass", {"value": best[0].value}, [best[0].evidence])
    footer = [f for f in found if f.evidence.region == "footer"]
    if footer:
        return Verdict(Outcome.FAIL, "not_centered", {"value": footer[0].value}, [footer[0].evidence])
    region = found[0].evidence.region or "main"
    return Verdict(Outcome.FAIL, "not_in_footer", {"value": found[0].value, "region": region}, [found[0].evidence])


class LicenceParams(Params):
    licence_kinds: list[NumberKind] = Field(min_length=1)
    categories: list[str] = Field(min_length=1)  # telecom licence categories that cover platforms, e.g. B2
    filing_kinds: list[NumberKind] = Field(default_factory=lambda: list[NumberKind](["icp_filing"]))
    image_words: list[str] = Field(default_factory=list)


@check(LicenceParams, {"pass": ("value",), "other_category": ("value",), "filing_only": ("value",),
                       "image_only": ("detail",), "missing": ()})
def operating_licence(ctx: Context, params: BaseModel) -> Verdict:
    """An operating platform shows its ICP licence / value-added telecom licence of the right category."""
    assert isinstance(params, LicenceParams)
    found = [f for f in ctx.site.of(*params.licence_kinds, pages=HOME) if f.status == "valid"]
    covering = [f for f in found if f.kind == "icp_licence"
                or any(cat in f.value.split("-")[0] for cat in params.categories)]
    if covering:
        return Verdict(Outcome.PASS, "pass", {"value": _values(covering)}, _ev(covering))
    if found:
        return Verdict(Outcome.NEEDS_REVIEW, "other_category", {"value": _values(found)}, _ev(found))
    filings = [f for f in ctx.site.of(*params.filing_kinds, pages=HOME) if f.status == "valid"]
    images = _image_hints(ctx, params.image_words)
    if images:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": images[0].text}, images[:3])
    if filings:
        return Verdict(Outcome.NEEDS_REVIEW, "filing_only", {"value": _values(filings)}, _ev(filings))
    return Verdict(Outcome.FAIL, "missing")


class PsbParams(Params):
    image_words: list[str] = Field(default_factory=list)


@check(PsbParams, {"pass": ("value", "url"), "legacy": ("value",), "invalid": ("value", "problems"),
                   "not_linked": ("value",), "code_mismatch": ("value", "code"), "image_only": ("detail",),
                   "missing": ()})
def psb_filing(ctx: Context, params: BaseModel) -> Verdict:
    """公网安备 number shown, well-formed, linked to the filing record with the same code."""
    assert isinstance(params, PsbParams)
    found = ctx.site.of("psb", pages=HOME)
    valid = [f for f in found if f.status == "valid"]
    for f in valid:
        url = linked_to(f, "psb")
        if url and psb_link_code(url) == _digits(f.value):
            return Verdict(Outcome.PASS, "pass", {"value": f.value, "url": url}, [f.evidence])
    for f in valid:
        url = linked_to(f, "psb")
        if url:
            return Verdict(Outcome.FAIL, "code_mismatch", {"value": f.value, "code": psb_link_code(url) or "-"},
                           [f.evidence])
    if valid:
        return Verdict(Outcome.FAIL, "not_linked", {"value": _values(valid)}, _ev(valid))
    legacy = [f for f in found if f.status == "nonstandard"]
    if legacy:
        return Verdict(Outcome.NEEDS_REVIEW, "legacy", {"value": _values(legacy)}, _ev(legacy))
    invalid = [f for f in found if f.status == "invalid"]
    if invalid:
        problems = "、".join(dict.fromkeys(p for f in invalid for p in f.problems))
        return Verdict(Outcome.FAIL, "invalid", {"value": _values(invalid), "problems": problems}, _ev(invalid))
    images = _image_hints(ctx, params.image_words)
    if images:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": images[0].text}, images[:3])
    return Verdict(Outcome.FAIL, "missing")


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


# --- identity and contact ---------------------------------------------------------------


class BusinessLicenceParams(Params):
    link_words: list[str] = Field(min_length=1)
    link_hosts: list[str] = Field(default_factory=lambda: ["licence_check"])
    image_words: list[str] = Field(default_factory=list)


_NO_URL = urlsplit("")
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")


def _home_links(ctx: Context, words: list[str]) -> list[Link]:
    page = ctx.page("home")
    if page is None:
        return []
    wanted = [normalize(w).lower() for w in words]
    return [link for link in page.links
            if (label := normalize(link.text or link.title).lower()) and any(w in label for w in wanted)]


def _link_evidence(ctx: Context, link: Link) -> Evidence:
    page = ctx.page("home")
    return Evidence(page_url=page.final_url if page else "", text=f"{collapse_spaces(link.text)} → {link.url}",
                    region=link.region, bbox=link.bbox)


def _only_an_image(ctx: Context, url: str) -> bool:
    """The link leads to a picture (of a licence): nothing there can be read as text."""
    parts = split_url(url)
    if parts is not None and parts.path.lower().endswith(IMAGE_EXTENSIONS):
        return True
    target = next((p for p in ctx.site.snapshot.pages if url in (p.url, p.final_url)), None)
    return target is not None and target.ok and len(normalize(target.text)) < 20 and bool(target.images)


@check(BusinessLicenceParams, {"pass": ("value",), "link": ("detail",), "checksum": ("value",),
                               "elsewhere": ("value", "page"), "image_only": ("detail",), "missing": ()})
def business_licence(ctx: Context, params: BaseModel) -> Verdict:
    """Business-licence data (name + valid credit code) or a clearly labelled link to it, on the homepage."""
    assert isinstance(params, BusinessLicenceParams)
    codes = ctx.site.of("uscc", pages=HOME)
    valid = [f for f in codes if f.status == "valid"]
    names = ctx.site.of("entity_name", pages=HOME)
    if valid and names:
        return Verdict(Outcome.PASS, "pass", {"value": f"{names[0].value} {valid[0].value}"}, _ev(valid + names))
    page = ctx.page("home")
    links = [link for link in (page.links if page else []) if link_kind(link.url) in params.link_hosts]
    links += _home_links(ctx, params.link_words)
    readable = [link for link in links if not _only_an_image(ctx, link.url)]
    if readable:
        return Verdict(Outcome.PASS, "link", {"detail": readable[0].text or readable[0].url},
                       [_link_evidence(ctx, link) for link in readable[:2]])
    if links:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": links[0].text or links[0].url},
                       [_link_evidence(ctx, link) for link in links[:2]])
    bad = [f for f in codes if f.status == "invalid"]
    if bad:
        return Verdict(Outcome.FAIL, "checksum", {"value": _values(bad)}, _ev(bad))
    if valid:  # a code without a name still identifies the business; the name rule covers the rest
        return Verdict(Outcome.PASS, "pass", {"value": valid[0].value}, _ev(valid))
    images = _image_hints(ctx, params.image_words)
    if images:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": images[0].text}, images[:3])
    deeper = [f for f in ctx.site.of("uscc") if f.status == "valid"]
    if deeper:  # shown, but not on the homepage or behind a labelled link: a reviewer decides
        return Verdict(Outcome.NEEDS_REVIEW, "elsewhere", {"value": deeper[0].value, "page": deeper[0].page_kind},
                       _ev(deeper))
    return Verdict(Outcome.FAIL, "missing")


class FoundOnPagesParams(Params):
    kind: Literal["entity_name", "address", "phone", "email"]
    pages: list[str] = Field(min_length=1)
    exclude_labels: list[str] = Field(default_factory=list)  # e.g. 传真: a fax is not a phone line
    exclude_values: list[str] = Field(default_factory=list)  # national hotlines (12377, 12315) are not the site's


@check(FoundOnPagesParams, {"pass": ("value", "page"), "missing": ("pages",)})
def found_on_pages(ctx: Context, params: BaseModel) -> Verdict:
    """A disclosure of one kind (name, address, phone …) is shown on one of the given pages."""
    assert isinstance(params, FoundOnPagesParams)
    excluded = [normalize(w).lower() for w in params.exclude_labels]
    found = [f for f in ctx.site.of(params.kind, pages=tuple(params.pages))
             if f.status == "valid" and not any(w in f.label.lower() for w in excluded)
             and f.value not in params.exclude_values]
    if found:
        return Verdict(Outcome.PASS, "pass", {"value": _values(found[:3]), "page": found[0].page_kind}, _ev(found))
    return Verdict(Outcome.FAIL, "missing", {"pages": "、".join(params.pages)})


class ComplaintParams(Params):
    words: list[str] = Field(min_length=1)  # 投诉, 举报 …
    exclude_words: list[str] = Field(default_factory=list)  # 廉正举报: an internal anti-bribery line
    pages: list[str] = Field(default_factory=lambda: ["home"])
    report_hosts: list[str] = Field(default_factory=list)  # link kinds of national reporting sites (12377 …)
    exclude_numbers: list[str] = Field(default_factory=list)  # national hotlines: the state's channel, not the site's


@check(ComplaintParams, {"pass": ("detail",), "entry_only": ("detail",), "missing": ()})
def complaint_channel(ctx: Context, params: BaseModel) -> Verdict:
    """A complaint or report channel: a labelled phone or e-mail, a form, or a national reporting site."""
    assert isinstance(params, ComplaintParams)
    words = [normalize(w).lower() for w in params.words]
    excluded = [normalize(w).lower() for w in params.exclude_words]

    def relevant(label: str) -> bool:
        label = normalize(label).lower()
        return any(w in label for w in words) and not any(x in label for x in excluded)

    contacts = [f for f in ctx.site.of("phone", "email", pages=tuple(params.pages))
                if f.status == "valid" and relevant(f.label) and f.value not in params.exclude_numbers]
    if contacts:
        return Verdict(Outcome.PASS, "pass", {"detail": f"{contacts[0].label} {contacts[0].value}"}, _ev(contacts))
    national: list[Evidence] = []
    own: list[Evidence] = []
    for kind in params.pages:
        page = ctx.page(kind)
        for link in page.links if page else []:
            if link_kind(link.url) in params.report_hosts:
                national.append(Evidence(page_url=page.final_url if page else "",
                                         text=f"{collapse_spaces(link.text)} → {link.url}", region=link.region,
                                         bbox=link.bbox))
            elif relevant(link.text) and (split_url(link.url) or _NO_URL).scheme in ("http", "https", "mailto"):
                own.append(Evidence(page_url=page.final_url if page else "",
                                    text=f"{collapse_spaces(link.text)} → {link.url}", region=link.region,
                                    bbox=link.bbox))
    if own:  # the site's own form or page
        return Verdict(Outcome.PASS, "pass", {"detail": own[0].text}, own[:3])
    if national:
        return Verdict(Outcome.NEEDS_REVIEW, "entry_only", {"detail": national[0].text}, national[:3])
    return Verdict(Outcome.FAIL, "missing")


# --- linked documents -------------------------------------------------------------------


class DocumentParams(Params):
    kind: str
    min_chars: int = Field(default=400, ge=0)
    # A document that lands on a URL with these words, or shows a password field with little
    # else, is behind a login wall.
    login_url_words: list[str] = Field(default_factory=lambda: ["login", "passport", "signin", "sign-in", "logon"])


@check(DocumentParams, {"pass": ("url", "chars"), "missing": (), "offsite": ("url",), "not_open": ("url", "detail"),
                        "login": ("url",), "stub": ("url", "chars")})
def document_linked(ctx: Context, params: BaseModel) -> Verdict:
    """The homepage links to the document; it opens without login and holds real text."""
    assert isinstance(params, DocumentParams)
    url = ctx.site.facts.links.get(params.kind)
    if url is None:
        return Verdict(Outcome.FAIL, "missing")
    page = ctx.page(params.kind)
    if page is None:
        return Verdict(Outcome.NEEDS_REVIEW, "offsite", {"url": url})
    ev = [Evidence(page_url=page.final_url, text=page.title or page.final_url, region="main")]
    if page.error is not None:
        return Verdict(Outcome.NEEDS_REVIEW, "not_open", {"url": url, "detail": page.error}, ev)
    if page.http_status is not None and page.http_status >= 400:
        return Verdict(Outcome.FAIL, "not_open", {"url": url, "detail": f"HTTP {page.http_status}"}, ev)
    chars = len(normalize(page.text))
    login = page.has_password_field or any(w in page.final_url.lower() for w in params.login_url_words)
    if login and chars < params.min_chars * 2:
        return Verdict(Outcome.FAIL, "login", {"url": page.final_url}, ev)
    if chars < params.min_chars:
        return Verdict(Outcome.FAIL, "stub", {"url": page.final_url, "chars": str(chars)}, ev)
    return Verdict(Outcome.PASS, "pass", {"url": page.final_url, "chars": str(chars)}, ev)


class KeywordGroupsParams(Params):
    pages: list[str] = Field(min_length=1)
    groups: dict[str, list[str]] = Field(min_length=1)  # item → any of these words shows it
    labels: dict[str, str] = Field(default_factory=dict)  # item → human name in messages
    min_groups_for_review: int = Field(default=1, ge=0)


@check(KeywordGroupsParams, {"pass": ("found",), "partial": ("found", "missing"), "absent": ("missing",),
                             "no_document": ()})
def keyword_groups(ctx: Context, params: BaseModel) -> Verdict:
    """A document covers every required item (each a group of alternative wordings)."""
    assert isinstance(params, KeywordGroupsParams)
    pages = [p for k in params.pages if (p := ctx.page(k)) is not None and p.ok]
    if not pages:
        return Verdict(Outcome.FAIL, "no_document")
    text = normalize("\n".join(p.text for p in pages)).lower()
    found = [g for g, words in params.groups.items() if any(normalize(w).lower() in text for w in words)]
    missing = [g for g in params.groups if g not in found]
    name = params.labels.get
    values = {"found": "、".join(name(g, g) for g in found) or "-", "missing": "、".join(name(g, g) for g in missing)}
    ev = [Evidence(page_url=p.final_url, text=p.title or p.final_url, region="main") for p in pages]
    if not missing:
        return Verdict(Outcome.PASS, "pass", values, ev)
    if len(found) >= params.min_groups_for_review:
        return Verdict(Outcome.NEEDS_REVIEW, "partial", values, ev)
    return Verdict(Outcome.FAIL, "absent", values, ev)


# --- consistency ------------------------------------------------------------------------


class ConsistencyParams(Params):
    pages: list[str] = Field(min_length=1)


@check(ConsistencyParams, {"pass": ("detail",), "uscc_mismatch": ("values",), "name_mismatch": ("values",),
                           "psb_mismatch": ("value", "code"), "too_few": ()})
def disclosures_consistent(ctx: Context, params: BaseModel) -> Verdict:
    """Credit codes agree across pages, and police links carry the shown number."""
    assert isinstance(params, ConsistencyParams)
    codes = [f for f in ctx.site.of("uscc", pages=tuple(params.pages)) if f.status == "valid"]
    if len({f.value for f in codes}) > 1:
        return Verdict(Outcome.FAIL, "uscc_mismatch", {"values": _values(codes)}, _ev(codes, 4))
    # The licence page names whose licence it is; the homepage names the operator. Other pages
    # (about, privacy) may name partners and group companies, so only these two are held together.
    home_names = ctx.site.of("entity_name", pages=HOME)
    licence_names = ctx.site.of("entity_name", pages=("licence",))
    if home_names and licence_names and not {f.value for f in home_names} & {f.value for f in licence_names}:
        both = home_names[:2] + licence_names[:2]
        return Verdict(Outcome.FAIL, "name_mismatch", {"values": _values(both)}, _ev(both, 4))
    for f in ctx.site.of("psb", pages=HOME):
        url = linked_to(f, "psb")
        code = psb_link_code(url) if url else None
        if code and code != _digits(f.value):
            return Verdict(Outcome.FAIL, "psb_mismatch", {"value": f.value, "code": code}, [f.evidence])
    pages_with_code = {f.page_kind for f in codes}
    psb_linked = [f for f in ctx.site.of("psb", pages=HOME) if linked_to(f, "psb")]
    if len(pages_with_code) < 2 and not psb_linked:
        return Verdict(Outcome.NOT_APPLICABLE, "too_few")
    detail = "、".join(sorted({f.value for f in codes} | {f.value for f in psb_linked}))
    return Verdict(Outcome.PASS, "pass", {"detail": detail}, _ev(codes + psb_linked))


# --- registry cross-checks ----------------------------------------------------------
# What the site shows held against what the enterprise registry and the ICP filing record
# say (input columns registered_*). No registry value for a site: not applicable.


def _registered(ctx: Context, column: str) -> list[str]:
    value = ctx.registry.get(column)
    if value is None:
        return []
    return [v for v in ([value] if isinstance(value, str) else value) if v.strip()]


def _icp_entity(value: str) -> str:
    """京ICP备12345678号-3 → 京ICP备12345678号: the record is per entity; -n numbers its sites."""
    return normalize(value).split("号", 1)[0] + "号" if "号" in value else normalize(value)


class RegistryParams(Params):
    pass


@check(RegistryParams, {"pass": ("registered", "disclosed"), "mismatch": ("registered", "disclosed"),
                        "not_disclosed": ("registered",), "no_registry": ()})
def registry_icp(ctx: Context, params: BaseModel) -> Verdict:
    """The ICP filing number shown equals the registered one (compared per entity, -n ignored)."""
    registered = _registered(ctx, "registered_icp")
    if not registered:
        return Verdict(Outcome.NOT_APPLICABLE, "no_registry")
    shown = [f for f in ctx.site.of("icp_filing", "icp_licence", pages=HOME) if f.status != "invalid"]
    values = {"registered": "、".join(registered), "disclosed": _values(shown)}
    if not shown:
        return Verdict(Outcome.NEEDS_REVIEW, "not_disclosed", values)
    wanted = {_icp_entity(r) for r in registered}
    same = [f for f in shown if _icp_entity(f.value) in wanted]
    if same:
        return Verdict(Outcome.PASS, "pass", values, _ev(same))
    return Verdict(Outcome.FAIL, "mismatch", values, _ev(shown))


@check(RegistryParams, {"pass": ("registered", "disclosed"), "mismatch": ("registered", "disclosed"),
                        "not_disclosed": ("registered",), "no_registry": ()})
def registry_uscc(ctx: Context, params: BaseModel) -> Verdict:
    """The credit code shown equals the registered one."""
    registered = [normalize(r).upper() for r in _registered(ctx, "registered_uscc")]
    if not registered:
        return Verdict(Outcome.NOT_APPLICABLE, "no_registry")
    shown = [f for f in ctx.site.of("uscc") if f.status == "valid"]
    values = {"registered": "、".join(registered), "disclosed": _values(shown)}
    if not shown:
        return Verdict(Outcome.NEEDS_REVIEW, "not_disclosed", values)
    other = [f for f in shown if f.value.upper() not in registered]
    if other:
        return Verdict(Outcome.FAIL, "mismatch", values, _ev(other))
    return Verdict(Outcome.PASS, "pass", values, _ev(shown))


class RegistryPhoneParams(Params):
    exclude_labels: list[str] = Field(default_factory=list)
    exclude_values: list[str] = Field(default_factory=list)


@check(RegistryPhoneParams, {"pass": ("registered", "disclosed"), "mismatch": ("registered", "disclosed"),
                             "not_disclosed": ("registered",), "no_registry": ()})
def registry_phone(ctx: Context, params: BaseModel) -> Verdict:
    """A customer-service phone the site shows is among the registered ones.

    Imitation sites copy everything but the phone: a site whose phones are all unknown to
    the registry fails, even if it also shows the real name and numbers.
    """
    assert isinstance(params, RegistryPhoneParams)
    registered = {p for r in _registered(ctx, "registered_phones") if (p := parse_phone(r))}
    if not registered:
        return Verdict(Outcome.NOT_APPLICABLE, "no_registry")
    excluded = [normalize(w).lower() for w in params.exclude_labels]
    shown = [f for f in ctx.site.of("phone") if f.status == "valid" and f.value not in params.exclude_values
             and not any(w in f.label.lower() for w in excluded)]
    values = {"registered": "、".join(sorted(registered)), "disclosed": _values(shown)}
    if not shown:
        return Verdict(Outcome.NEEDS_REVIEW, "not_disclosed", values)
    if any(f.value in registered for f in shown):
        return Verdict(Outcome.PASS, "pass", values, _ev([f for f in shown if f.value in registered]))
    return Verdict(Outcome.FAIL, "mismatch", values, _ev(shown))


@check(RegistryParams, {"pass": ("domain", "registered"), "imitation": ("domain", "registered", "claims"),
                        "unregistered": ("domain", "registered"), "no_registry": ()})
def registry_domain(ctx: Context, params: BaseModel) -> Verdict:
    """The audited domain is one of the entity's registered domains; if not while the site
    shows the entity's name or numbers, it is a possible imitation site."""
    registered = _registered(ctx, "registered_domains")
    if not registered:
        return Verdict(Outcome.NOT_APPLICABLE, "no_registry")
    snap = ctx.site.snapshot
    domains = {site_key(u) for u in (snap.input_url, snap.final_url) if u}
    allowed = {site_key(r if "://" in r else f"http://{r.strip()}") for r in registered}
    values = {"domain": "、".join(sorted(domains)), "registered": "、".join(registered)}
    if domains <= allowed:
        return Verdict(Outcome.PASS, "pass", values)
    claims = _claims(ctx)
    if claims:
        return Verdict(Outcome.FAIL, "imitation", values | {"claims": _values(claims)}, _ev(claims))
    return Verdict(Outcome.FAIL, "unregistered", values)


def _claims(ctx: Context) -> list[Finding]:
    """What the site shows that belongs to the registered entity: its name, credit code or ICP number."""
    name = str(ctx.registry.get("registered_name") or "")
    uscc = {normalize(v).upper() for v in _registered(ctx, "registered_uscc")}
    icp = {_icp_entity(v) for v in _registered(ctx, "registered_icp")}
    out = []
    for f in ctx.site.findings:
        if (f.kind == "entity_name" and name and normalize(name) in f.value) \
                or (f.kind == "uscc" and f.value.upper() in uscc) \
                or (f.kind in ("icp_filing", "icp_licence") and _icp_entity(f.value) in icp):
            out.append(f)
    return out
