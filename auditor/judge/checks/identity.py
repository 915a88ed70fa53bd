"""Checks of who runs the site and how to reach them: business licence, name, phone, address, complaints."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from auditor.identifiers import link_kind
from auditor.judge.checks.base import (
    HOME,
    IMAGE_CODES,
    IMAGE_EXTENSIONS,
    Context,
    ImageParams,
    Params,
    Verdict,
    Words,
    check,
    evidence_of,
    fold,
    image_hints,
    image_verdict,
    link_evidence,
    regex_list,
    values_of,
    words_in,
)
from auditor.models import Evidence, Link, Outcome, TextBlock
from auditor.normalize import normalize
from auditor.urls import split_url


class BusinessLicenceParams(ImageParams):
    link_words: Words = Field(min_length=1)
    link_hosts: list[str] = Field(default_factory=lambda: ["licence_check"])
    # An individual exempt from registration (E-Commerce Law Art. 10) declares it in these words instead.
    exempt_declarations: Words = Field(default_factory=Words)


def _labelled_links(ctx: Context, params: BusinessLicenceParams) -> list[Link]:
    """Homepage links to the licence: to the electronic-licence system, or labelled 营业执照 / 证照信息 …"""
    page = ctx.page("home")
    if page is None:
        return []
    return [link for link in page.links
            if link_kind(link.url) in params.link_hosts or words_in(link.text or link.title, params.link_words)]


def _broken(ctx: Context, url: str) -> bool:
    """The link was followed and answered with an error (HTTP 404): nothing is published behind it."""
    target = next((p for p in ctx.site.snapshot.pages if url in (p.url, p.final_url)), None)
    return target is not None and target.error is None and target.http_status is not None and target.http_status >= 400


def _declaration(ctx: Context, params: BusinessLicenceParams) -> Evidence | None:
    """An exempt individual's self-declaration on the homepage, quoted as evidence."""
    home = ctx.page("home")
    block = next((b for b in home.blocks if words_in(b.text, params.exempt_declarations)), None) if home else None
    if home is None or block is None:
        return None
    return Evidence(page_url=home.final_url, text=block.text[:400], region=block.region, bbox=block.bbox)


def _only_an_image(ctx: Context, url: str) -> bool:
    """The link leads to a picture (of a licence): nothing there can be read as text."""
    parts = split_url(url)
    if parts is not None and parts.path.lower().endswith(IMAGE_EXTENSIONS):
        return True
    target = next((p for p in ctx.site.snapshot.pages if url in (p.url, p.final_url)), None)
    return target is not None and target.ok and len(normalize(target.text)) < 20 and bool(target.images)


# The licence as a picture: on the homepage, or on the licence page its labelled link opens.
LICENCE_PICTURE_PAGES = ("home", "licence")


@check(BusinessLicenceParams, {"pass": ("value",), "link": ("detail",), "exempt": ("detail",),
                               "broken_link": ("detail", "url"), "checksum": ("value",),
                               "elsewhere": ("value", "page"), "image_only": ("detail",), "missing": (),
                               **IMAGE_CODES})
def business_licence(ctx: Context, params: BusinessLicenceParams) -> Verdict:
    """Business-licence data (name + valid credit code) or a clearly labelled link to it, on the homepage."""
    codes = ctx.site.of("uscc", pages=HOME)
    valid = [f for f in codes if f.status == "valid"]
    names = ctx.site.of("entity_name", pages=HOME)
    if valid and names:
        return Verdict(Outcome.PASS, "pass", {"value": f"{names[0].value} {valid[0].value}"},
                       evidence_of(valid + names))
    declaration = _declaration(ctx, params)
    if declaration is not None:
        return Verdict(Outcome.PASS, "exempt", {"detail": declaration.text}, [declaration])
    home = ctx.page("home")
    links = [link for link in _labelled_links(ctx, params) if not _broken(ctx, link.url)]
    broken = [link for link in _labelled_links(ctx, params) if _broken(ctx, link.url)]
    readable = [link for link in links if not _only_an_image(ctx, link.url)]
    if home is not None and readable:
        return Verdict(Outcome.PASS, "link", {"detail": readable[0].text or readable[0].url},
                       [link_evidence(home, link) for link in readable[:2]])
    read = image_verdict(ctx, params, ["uscc"], LICENCE_PICTURE_PAGES, names=True)
    if home is not None and links:
        return read or Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": links[0].text or links[0].url},
                               [link_evidence(home, link) for link in links[:2]])
    if home is not None and broken and not valid:
        return Verdict(Outcome.FAIL, "broken_link", {"detail": broken[0].text or broken[0].url, "url": broken[0].url},
                       [link_evidence(home, link) for link in broken[:2]])
    bad = [f for f in codes if f.status == "invalid"]
    if bad:
        return Verdict(Outcome.FAIL, "checksum", {"value": values_of(bad)}, evidence_of(bad))
    if valid:  # a code without a name still identifies the business; the name rule covers the rest
        return Verdict(Outcome.PASS, "pass", {"value": valid[0].value}, evidence_of(valid))
    if read is not None:
        return read
    images = image_hints(ctx, params)
    if images:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": images[0].text}, images[:3])
    deeper = [f for f in ctx.site.of("uscc") if f.status == "valid"]
    if deeper:  # shown, but not on the homepage or behind a labelled link: a reviewer decides
        return Verdict(Outcome.NEEDS_REVIEW, "elsewhere", {"value": deeper[0].value, "page": deeper[0].page_kind},
                       evidence_of(deeper))
    return Verdict(Outcome.FAIL, "missing")


class FoundOnPagesParams(Params):
    kind: Literal["entity_name", "address", "phone", "email"]
    pages: list[str] = Field(min_length=1)
    exclude_labels: Words = Field(default_factory=Words)  # e.g. 传真: a fax is not a phone line
    exclude_values: list[str] = Field(default_factory=list)  # national hotlines (12377, 12315) are not the site's


@check(FoundOnPagesParams, {"pass": ("value", "page"), "missing": ("pages",)})
def found_on_pages(ctx: Context, params: FoundOnPagesParams) -> Verdict:
    """A disclosure of one kind (name, address, phone …) is shown on one of the given pages."""
    found = [f for f in ctx.site.of(params.kind, pages=tuple(params.pages))
             if f.status == "valid" and not words_in(f.label, params.exclude_labels)
             and f.value not in params.exclude_values]
    if found:
        return Verdict(Outcome.PASS, "pass", {"value": values_of(found[:3]), "page": found[0].page_kind},
                       evidence_of(found))
    return Verdict(Outcome.FAIL, "missing", {"pages": "、".join(params.pages)})


class ComplaintParams(Params):
    words: Words = Field(min_length=1)  # 投诉, 举报 …
    exclude_words: Words = Field(default_factory=Words)  # 廉正举报: an internal anti-bribery line
    pages: list[str] = Field(default_factory=lambda: ["home"])
    report_hosts: list[str] = Field(default_factory=list)  # link kinds of national reporting sites (12377 …)
    exclude_numbers: list[str] = Field(default_factory=list)  # national hotlines: the state's channel, not the site's
    # Regexes on the normalised, lower-case text: a complaint account on a messenger ("投诉QQ：2850012399"),
    # and a complaint label that points at the contact just before it ("联系电话：138… 售后投诉：同上").
    accounts: list[str] = Field(default_factory=list)
    same_as_above: list[str] = Field(default_factory=list)

    _check_regexes = field_validator("accounts", "same_as_above")(regex_list)


def _said_channel(ctx: Context, params: ComplaintParams) -> Verdict | None:
    """A complaint channel written out in words rather than as a phone or e-mail finding, if one is."""
    contacts = [f for f in ctx.site.of("phone", "email", pages=tuple(params.pages)) if f.status == "valid"]
    for page in ctx.pages(params.pages):
        before: TextBlock | None = None
        for block in page.blocks:
            folded = fold(block.text)
            evidence = Evidence(page_url=page.final_url, text=block.text[:240], region=block.region, bbox=block.bbox)
            if said := next((m for p in params.accounts if (m := re.search(p, folded))), None):
                return Verdict(Outcome.PASS, "pass", {"detail": said.group(0)}, [evidence])
            if any(re.search(p, folded) for p in params.same_as_above):
                near = {(b.bbox, page.final_url) for b in (before, block) if b is not None}
                shown = [f for f in contacts if (f.evidence.bbox, f.evidence.page_url) in near]
                if shown:
                    return Verdict(Outcome.PASS, "pass", {"detail": f"{shown[-1].label} {shown[-1].value}"},
                                   [evidence])
            before = block
    return None


@check(ComplaintParams, {"pass": ("detail",), "entry_only": ("detail",), "missing": ()})
def complaint_channel(ctx: Context, params: ComplaintParams) -> Verdict:
    """A complaint or report channel: a labelled phone or e-mail, a form, or a national reporting site."""

    def relevant(label: str) -> bool:
        return words_in(label, params.words) and not words_in(label, params.exclude_words)

    contacts = [f for f in ctx.site.of("phone", "email", pages=tuple(params.pages))
                if f.status == "valid" and relevant(f.label) and f.value not in params.exclude_numbers]
    # The most specific label first: a 投诉 line is the complaint channel before a 客服 line is.
    contacts.sort(key=lambda f: next(i for i, word in enumerate(params.words) if words_in(f.label, [word])))
    if contacts:
        return Verdict(Outcome.PASS, "pass", {"detail": f"{contacts[0].label} {contacts[0].value}"},
                       evidence_of(contacts))
    national: list[Evidence] = []
    own: list[Evidence] = []
    for page in ctx.pages(params.pages):
        for link in page.links:
            parts = split_url(link.url)
            if link_kind(link.url) in params.report_hosts:
                national.append(link_evidence(page, link))
            elif relevant(link.text) and parts is not None and parts.scheme in ("http", "https", "mailto"):
                own.append(link_evidence(page, link))
    if own:  # the site's own form or page
        return Verdict(Outcome.PASS, "pass", {"detail": own[0].text}, own[:3])
    if said := _said_channel(ctx, params):
        return said
    if national:
        return Verdict(Outcome.NEEDS_REVIEW, "entry_only", {"detail": national[0].text}, national[:3])
    return Verdict(Outcome.FAIL, "missing")
