"""Checks that hold disclosures together: across the site's pages, and against the registry.

The registry cross-checks hold what the site shows against what the enterprise registry
and the ICP filing record say (input columns registered_*). No registry value for a
site: not applicable.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from auditor.identifiers import parse_phone, psb_link_code
from auditor.judge.checks.base import (
    HOME,
    Context,
    Params,
    Verdict,
    Words,
    check,
    evidence_of,
    percent,
    values_of,
    words_in,
)
from auditor.judge.checks.numbers import digits
from auditor.judge.extract import linked_to
from auditor.models import Finding, Outcome
from auditor.normalize import normalize
from auditor.urls import site_key

USCC_LENGTH = 18


class ConsistencyParams(Params):
    pages: list[str] = Field(min_length=1)


@check(ConsistencyParams, {"pass": ("detail",), "uscc_mismatch": ("values",), "name_mismatch": ("values",),
                           "psb_mismatch": ("value", "code"), "too_few": (), "image_mismatch": ("values",)})
def disclosures_consistent(ctx: Context, params: ConsistencyParams) -> Verdict:
    """Credit codes agree across pages, and police links carry the shown number.

    Codes read from pictures (a licence scan) take part: one that agrees with the text
    confirms it; one that differs may be misread, so it asks a reviewer (`image_mismatch`)
    and never fails; one that fails its check character is left out (possibly misread).
    """
    # A code with a wrong check character, or a letter O for a zero, is still the code the page
    # shows: it must agree with the others. (An invalid one is found only beside its label.)
    shown = [f for f in ctx.site.of("uscc", pages=tuple(params.pages))
             if f.status == "valid" or len(normalize(f.value)) == USCC_LENGTH]
    codes = [f for f in shown if f.status == "valid"]
    if len({f.value for f in shown}) > 1:
        return Verdict(Outcome.FAIL, "uscc_mismatch", {"values": values_of(shown)}, evidence_of(shown, 4))
    # The licence page names whose licence it is; the homepage names the operator. Other pages
    # (about, privacy) may name partners and group companies, so only these two are held together.
    home_names = ctx.site.of("entity_name", pages=HOME)
    licence_names = ctx.site.of("entity_name", pages=("licence",))
    if home_names and licence_names and not {f.value for f in home_names} & {f.value for f in licence_names}:
        both = home_names[:2] + licence_names[:2]
        return Verdict(Outcome.FAIL, "name_mismatch", {"values": values_of(both)}, evidence_of(both, 4))
    for f in ctx.site.of("psb", pages=HOME):
        url = linked_to(f, "psb")
        code = psb_link_code(url) if url else None
        if code and code != digits(f.value):
            return Verdict(Outcome.FAIL, "psb_mismatch", {"value": f.value, "code": code}, [f.evidence])
    read = [f for f in ctx.site.read_from_images("uscc", pages=tuple(params.pages)) if f.status == "valid"]
    if len({f.value for f in shown + read}) > 1:
        return Verdict(Outcome.NEEDS_REVIEW, "image_mismatch", {"values": values_of(shown + read)},
                       evidence_of(shown[:2] + read[:2], 4))
    if codes:  # a picture confirms a code shown as text; pictures alone hold nothing together
        codes = codes + read
    pages_with_code = {f.page_kind for f in codes}
    psb_linked = [f for f in ctx.site.of("psb", pages=HOME) if linked_to(f, "psb")]
    if len(pages_with_code) < 2 and not psb_linked:
        return Verdict(Outcome.NOT_APPLICABLE, "too_few")
    detail = "、".join(sorted({f.value for f in codes} | {f.value for f in psb_linked}))
    return Verdict(Outcome.PASS, "pass", {"detail": detail}, evidence_of(codes + psb_linked))


# --- registry cross-checks ----------------------------------------------------------


def _registered(ctx: Context, column: str) -> list[str]:
    value = ctx.registry.get(column)
    if value is None:
        return []
    return [v for v in ([value] if isinstance(value, str) else value) if v.strip()]


def _icp_entity(value: str) -> str:
    """京ICP备12345678号-3 → 京ICP备12345678: the record is per entity; -n numbers its sites, and a
    registry export may leave out the 号."""
    return normalize(value).split("号", 1)[0].split("-", 1)[0]


def _icp_site(value: str) -> str | None:
    """京ICP备12345678号-3 → "3": which website of the sponsor the number names (None: the sponsor's own number)."""
    tail = normalize(value).split("号", 1)[-1] if "号" in normalize(value) else normalize(value)
    _, dash, seq = tail.partition("-")
    seq = seq.split("-", 1)[0]
    return seq if dash and seq.isdigit() else None


def _same_filing(shown: str, registered: str) -> bool:
    """The same sponsor, and the same website when both name one: -1 and -3 are two sites' filings,
    while a sponsor-level record (no -n) covers each of its sites' numbers."""
    if _icp_entity(shown) != _icp_entity(registered):
        return False
    site, record = _icp_site(shown), _icp_site(registered)
    return site is None or record is None or site == record


class RegistryParams(Params):
    pass


# A number shown only in a picture, compared with the registry: it is held up to the
# registered one, but a read cannot decide alone (the law asks for text, and a misread digit
# would look like another entity's number), so both answers are for a reviewer.
IMAGE_REGISTRY_CODES: dict[str, tuple[str, ...]] = {"image_match": ("registered", "disclosed", "confidence"),
                                                    "image_differs": ("registered", "disclosed", "confidence")}


def _read_against(registered: list[str], read: list[Finding], same: Callable[[Finding], bool]) -> Verdict:
    """A registry comparison that rests on numbers read from pictures: image_match or image_differs."""
    matching = [f for f in read if same(f)]
    shown = matching or read
    values = {"registered": "、".join(registered), "disclosed": values_of(shown),
              "confidence": percent(min(f.confidence or 0.0 for f in shown))}
    return Verdict(Outcome.NEEDS_REVIEW, "image_match" if matching else "image_differs", values, evidence_of(shown))


@check(RegistryParams, {"pass": ("registered", "disclosed"), "mismatch": ("registered", "disclosed"),
                        "not_disclosed": ("registered",), "no_registry": (), **IMAGE_REGISTRY_CODES})
def registry_icp(ctx: Context, params: RegistryParams) -> Verdict:
    """The ICP filing number shown is the registered one: the same sponsor, and the same website
    (-n) where both the record and the site name one."""
    registered = _registered(ctx, "registered_icp")
    if not registered:
        return Verdict(Outcome.NOT_APPLICABLE, "no_registry")
    shown = [f for f in ctx.site.of("icp_filing", "icp_licence", pages=HOME) if f.status != "invalid"]
    values = {"registered": "、".join(registered), "disclosed": values_of(shown)}
    if not shown:
        read = [f for f in ctx.site.read_from_images("icp_filing", "icp_licence", pages=HOME) if f.status == "valid"]
        if read:
            return _read_against(registered, read, lambda f: any(_same_filing(f.value, r) for r in registered))
        return Verdict(Outcome.NEEDS_REVIEW, "not_disclosed", values)
    same = [f for f in shown if any(_same_filing(f.value, r) for r in registered)]
    if same:
        return Verdict(Outcome.PASS, "pass", values, evidence_of(same))
    return Verdict(Outcome.FAIL, "mismatch", values, evidence_of(shown))


@check(RegistryParams, {"pass": ("registered", "disclosed"), "mismatch": ("registered", "disclosed"),
                        "not_disclosed": ("registered",), "no_registry": (), **IMAGE_REGISTRY_CODES})
def registry_uscc(ctx: Context, params: RegistryParams) -> Verdict:
    """The credit code shown equals the registered one."""
    registered = [normalize(r).upper() for r in _registered(ctx, "registered_uscc")]
    if not registered:
        return Verdict(Outcome.NOT_APPLICABLE, "no_registry")
    shown = [f for f in ctx.site.of("uscc") if f.status == "valid"]
    values = {"registered": "、".join(registered), "disclosed": values_of(shown)}
    if not shown:
        read = [f for f in ctx.site.read_from_images("uscc") if f.status == "valid"]
        if read:
            return _read_against(registered, read, lambda f: f.value.upper() in registered)
        return Verdict(Outcome.NEEDS_REVIEW, "not_disclosed", values)
    other = [f for f in shown if f.value.upper() not in registered]
    if other:
        return Verdict(Outcome.FAIL, "mismatch", values, evidence_of(other))
    return Verdict(Outcome.PASS, "pass", values, evidence_of(shown))


class RegistryPhoneParams(Params):
    exclude_labels: Words = Field(default_factory=Words)
    exclude_values: list[str] = Field(default_factory=list)


@check(RegistryPhoneParams, {"pass": ("registered", "disclosed"), "mismatch": ("registered", "disclosed"),
                             "not_disclosed": ("registered",), "no_registry": ()})
def registry_phone(ctx: Context, params: RegistryPhoneParams) -> Verdict:
    """A customer-service phone the site shows is among the registered ones.

    Imitation sites copy everything but the phone: a site whose phones are all unknown to
    the registry fails, even if it also shows the real name and numbers.
    """
    registered = {p for r in _registered(ctx, "registered_phones") if (p := parse_phone(r))}
    if not registered:
        return Verdict(Outcome.NOT_APPLICABLE, "no_registry")
    shown = [f for f in ctx.site.of("phone") if f.status == "valid" and f.value not in params.exclude_values
             and not words_in(f.label, params.exclude_labels)]
    values = {"registered": "、".join(sorted(registered)), "disclosed": values_of(shown)}
    if not shown:
        return Verdict(Outcome.NEEDS_REVIEW, "not_disclosed", values)
    if any(f.value in registered for f in shown):
        return Verdict(Outcome.PASS, "pass", values, evidence_of([f for f in shown if f.value in registered]))
    return Verdict(Outcome.FAIL, "mismatch", values, evidence_of(shown))


@check(RegistryParams, {"pass": ("domain", "registered"), "imitation": ("domain", "registered", "claims"),
                        "unregistered": ("domain", "registered"), "no_registry": ()})
def registry_domain(ctx: Context, params: RegistryParams) -> Verdict:
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
        return Verdict(Outcome.FAIL, "imitation", values | {"claims": values_of(claims)}, evidence_of(claims))
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
