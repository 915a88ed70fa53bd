"""Checks of the filing and licence numbers on the homepage: shown, linked, placed, of the right kind."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from auditor.identifiers import PROV, NumberKind, psb_link_code
from auditor.judge.checks.base import (
    HOME,
    IMAGE_CODES,
    Context,
    ImageParams,
    Verdict,
    Words,
    check,
    evidence_of,
    image_hints,
    image_verdict,
    problems_of,
    values_of,
    words_in,
)
from auditor.judge.extract import linked_to
from auditor.models import Finding, Outcome


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _not_shown(ctx: Context, params: ImageParams, kinds: Sequence[str],
               pages: tuple[str, ...] | list[str] = HOME, missing: str = "missing") -> Verdict:
    """No number as text: one read from a picture, or a picture that may carry it, is for a reviewer;
    nothing at all fails."""
    read = image_verdict(ctx, params, kinds, pages)
    if read is not None:
        return read
    images = image_hints(ctx, params, pages)
    if images:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": images[0].text}, images[:3])
    return Verdict(Outcome.FAIL, missing)


class DisplayedParams(ImageParams):
    kinds: list[NumberKind] = Field(min_length=1)
    pages: list[str] = Field(default_factory=lambda: ["home"])
    review_problems: list[str] = Field(default_factory=list)  # e.g. maybe_expired: valid, but a person checks
    # Only a site that offers this (music, games …) needs the number: with none of these words on
    # its pages and no number shown, the rule does not apply to it (a news site, a text forum).
    offered_words: Words = Field(default_factory=Words)


@check(DisplayedParams, {"pass": ("value",), "review": ("value", "problems"), "nonstandard": ("value", "problems"),
                         "invalid": ("value", "problems"), "image_only": ("detail",), "missing": (),
                         "not_offered": (), **IMAGE_CODES})
def identifier_displayed(ctx: Context, params: DisplayedParams) -> Verdict:
    """A number of the given kinds is visible as text: valid → pass, malformed → fail with why."""
    found = ctx.site.of(*params.kinds, pages=tuple(params.pages))
    if not found and params.offered_words and not image_hints(ctx, params, params.pages) and not any(
            words_in(page.title + " " + page.text, params.offered_words) for page in ctx.pages(params.pages)):
        return Verdict(Outcome.NOT_APPLICABLE, "not_offered")
    valid = [f for f in found if f.status == "valid"]
    clean = [f for f in valid if not set(f.problems) & set(params.review_problems)]
    if clean:
        return Verdict(Outcome.PASS, "pass", {"value": values_of(clean)}, evidence_of(clean))
    if valid:
        return Verdict(Outcome.NEEDS_REVIEW, "review", {"value": values_of(valid), "problems": problems_of(valid)},
                       evidence_of(valid))
    for status in ("nonstandard", "invalid"):
        bad = [f for f in found if f.status == status]
        if bad:
            return Verdict(Outcome.FAIL, status, {"value": values_of(bad), "problems": problems_of(bad)},
                           evidence_of(bad))
    return _not_shown(ctx, params, params.kinds, params.pages)


class LinkedParams(ImageParams):
    kinds: list[NumberKind] = Field(min_length=1)
    hosts: list[str] = Field(min_length=1)  # link kinds from identifiers.link_kind
    obsolete_hosts: list[str] = Field(default_factory=list)
    # Numbers the link duty does not name (an ICP licence shown instead of a filing number): a site
    # showing only these is not held to the duty.
    other_kinds: list[NumberKind] = Field(default_factory=list)


@check(LinkedParams, {"pass": ("value", "url"), "obsolete": ("value", "url"), "not_linked": ("value",),
                      "licence_only": ("value",), "image_only": ("detail",), "no_number": (), **IMAGE_CODES})
def identifier_linked(ctx: Context, params: LinkedParams) -> Verdict:
    """The shown number is (or sits beside) a link to the official lookup system."""
    found = [f for f in ctx.site.of(*params.kinds, pages=HOME) if f.status != "invalid"]
    if not found:
        others = [f for f in ctx.site.of(*params.other_kinds, pages=HOME) if f.status != "invalid"]
        if others:  # the duty names filing numbers: a site that shows only its licence is not held to it
            return Verdict(Outcome.NOT_APPLICABLE, "licence_only", {"value": values_of(others)}, evidence_of(others))
        return _not_shown(ctx, params, params.kinds, missing="no_number")
    for f in found:
        url = linked_to(f, *params.hosts)
        if url:
            return Verdict(Outcome.PASS, "pass", {"value": f.value, "url": url}, [f.evidence])
    for f in found:
        url = linked_to(f, *params.obsolete_hosts)
        if url:
            return Verdict(Outcome.FAIL, "obsolete", {"value": f.value, "url": url}, [f.evidence])
    return Verdict(Outcome.FAIL, "not_linked", {"value": values_of(found)}, evidence_of(found))


class PlacementParams(ImageParams):
    kinds: list[NumberKind] = Field(min_length=1)


@check(PlacementParams, {"pass": ("value",), "not_centered": ("value",), "not_in_footer": ("value", "region"),
                         "image_only": ("detail",), "no_number": (), **IMAGE_CODES})
def identifier_placement(ctx: Context, params: PlacementParams) -> Verdict:
    """The number stands in the footer of the homepage, horizontally centred."""
    found = [f for f in ctx.site.of(*params.kinds, pages=HOME) if f.status != "invalid"]
    if not found:
        return _not_shown(ctx, params, params.kinds, missing="no_number")
    best = [f for f in found if f.evidence.region == "footer" and f.centered]
    if best:
        return Verdict(Outcome.PASS, "pass", {"value": best[0].value}, [best[0].evidence])
    footer = [f for f in found if f.evidence.region == "footer"]
    if footer:
        return Verdict(Outcome.FAIL, "not_centered", {"value": footer[0].value}, [footer[0].evidence])
    region = found[0].evidence.region or "main"
    return Verdict(Outcome.FAIL, "not_in_footer", {"value": found[0].value, "region": region}, [found[0].evidence])


class LicenceParams(ImageParams):
    licence_kinds: list[NumberKind] = Field(min_length=1)
    categories: list[str] = Field(min_length=1)  # telecom licence categories that cover platforms, e.g. B2
    filing_kinds: list[NumberKind] = Field(default_factory=lambda: list[NumberKind](["icp_filing"]))


@check(LicenceParams, {"pass": ("value",), "other_category": ("value",), "invalid": ("value", "problems"),
                       "filing_only": ("value",), "image_only": ("detail",), "missing": (), **IMAGE_CODES})
def operating_licence(ctx: Context, params: LicenceParams) -> Verdict:
    """An operating platform shows its ICP licence / value-added telecom licence of the right category."""
    shown = ctx.site.of(*params.licence_kinds, pages=HOME)
    found = [f for f in shown if f.status == "valid"]
    covering = [f for f in found if f.kind == "icp_licence" or _category_in(f, params.categories)]
    if covering:
        return Verdict(Outcome.PASS, "pass", {"value": values_of(covering)}, evidence_of(covering))
    if found:
        return Verdict(Outcome.NEEDS_REVIEW, "other_category", {"value": values_of(found)}, evidence_of(found))
    invalid = [f for f in shown if f.status == "invalid"]
    if invalid:  # a licence number no licence can have (京B2-2021008): none is shown
        return Verdict(Outcome.FAIL, "invalid", {"value": values_of(invalid), "problems": problems_of(invalid)},
                       evidence_of(invalid))
    read = image_verdict(ctx, params, params.licence_kinds)
    if read is not None:
        return read
    images = image_hints(ctx, params)
    if images:
        return Verdict(Outcome.NEEDS_REVIEW, "image_only", {"detail": images[0].text}, images[:3])
    filings = [f for f in ctx.site.of(*params.filing_kinds, pages=HOME) if f.status != "invalid"]
    if filings:
        return Verdict(Outcome.NEEDS_REVIEW, "filing_only", {"value": values_of(filings)}, evidence_of(filings))
    return Verdict(Outcome.FAIL, "missing")


def _category_in(finding: Finding, categories: list[str]) -> bool:
    """京B2-20090059 → B2; A2.B1.B2-… → A2, B1, B2: does the licence carry one of `categories`?"""
    held = finding.value.split("-")[0].lstrip(PROV + "合字").split(".")
    return any(cat in held for cat in categories)


class PsbParams(ImageParams):
    pass


@check(PsbParams, {"pass": ("value", "url"), "legacy": ("value",), "invalid": ("value", "problems"),
                   "not_linked": ("value",), "code_mismatch": ("value", "code"), "image_only": ("detail",),
                   "missing": (), **IMAGE_CODES})
def psb_filing(ctx: Context, params: PsbParams) -> Verdict:
    """公网安备 number shown, well-formed, linked to the filing record with the same code."""
    found = ctx.site.of("psb", pages=HOME)
    valid = [f for f in found if f.status == "valid"]
    for f in valid:
        url = linked_to(f, "psb")
        if url and psb_link_code(url) == digits(f.value):
            return Verdict(Outcome.PASS, "pass", {"value": f.value, "url": url}, [f.evidence])
    for f in valid:
        url = linked_to(f, "psb")
        if url:
            return Verdict(Outcome.FAIL, "code_mismatch", {"value": f.value, "code": psb_link_code(url) or "-"},
                           [f.evidence])
    if valid:
        return Verdict(Outcome.FAIL, "not_linked", {"value": values_of(valid)}, evidence_of(valid))
    legacy = [f for f in found if f.status == "nonstandard"]
    if legacy:
        return Verdict(Outcome.NEEDS_REVIEW, "legacy", {"value": values_of(legacy)}, evidence_of(legacy))
    invalid = [f for f in found if f.status == "invalid"]
    if invalid:
        return Verdict(Outcome.FAIL, "invalid", {"value": values_of(invalid), "problems": problems_of(invalid)},
                       evidence_of(invalid))
    return _not_shown(ctx, params, ["psb"])
