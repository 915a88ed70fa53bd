"""Snapshot → findings and facts: what each page discloses, with where it says so.

Pure functions: the same snapshot always gives the same findings, without a browser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, TypeVar

from auditor.discover import Vocabulary, rank
from auditor.identifiers import link_kind, parse_phone, scan
from auditor.models import BBox, Evidence, Facts, Finding, PageSnapshot, SiteSnapshot, TextBlock
from auditor.normalize import collapse_spaces, normalize

# A legal entity name ends in one of these forms (公司法, 合伙企业法, 个体工商户条例 …).
ENTITY_SUFFIX = (r"(?:股份有限公司|有限责任公司|有限公司|分公司|集团公司|合伙企业|\(有限合伙\)"
                 r"|事务所|工作室|合作社|个体工商户)")
ENTITY_RE = re.compile(r"[\u4e00-\u9fff()·]{2,40}?" + ENTITY_SUFFIX)
# Words that precede a name in footers ("版权所有：XX有限公司") but are not part of it.
ENTITY_PREFIXES = ("版权所有", "所有权", "主办单位", "主办", "承办单位", "运营单位", "运营主体", "运营方", "运营商",
                   "运营",
                   "经营者名称", "经营者", "经营主体", "公司名称", "企业名称", "单位名称", "名称", "本网站由", "本站由",
                   "网站由", "由", "归", "属于", "版权归", "技术支持", "copyright", "所有")
# Phrases that join a sentence to the name that follows ("本平台由XX有限公司运营"). A name
# is cut after the last of them. Single characters such as 为 or 和 are not here: they
# occur inside real names (华为技术有限公司).
ENTITY_LEAD_INS = ("本协议由您与", "处理者为", "运营者为", "经营者为", "运营方为", "运营主体为", "您与", "由", "是指",
                   "是", "即", "系")
ADDRESS_RE = re.compile(
    r"(?:公司地址|联系地址|经营地址|办公地址|注册地址|通讯地址|经营场所|住所|地址|address)[:：]?"
    r"(?P<addr>.{4,80}?)(?=电话|热线|邮编|传真|邮箱|e-?mail|客服|备案|版权|copyright|©|\||。|;|；|\(邮编|$)",
    re.IGNORECASE)
ADDRESS_TOKENS = ("省", "市", "区", "县", "镇", "乡", "路", "街", "道", "号", "大厦", "园", "村", "楼", "室")

_T = TypeVar("_T")


@dataclass(frozen=True)
class SiteFacts:
    """Everything the rules read: the findings, the pages, and the contract facts."""

    snapshot: SiteSnapshot
    findings: list[Finding]
    facts: Facts

    def of(self, *kinds: str, pages: tuple[str, ...] | None = None) -> list[Finding]:
        return [f for f in self.findings if f.kind in kinds and (pages is None or f.page_kind in pages)]


def _inside(inner: BBox, outer: BBox, slack: float = 2.0) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox - slack and y >= oy - slack and x + w <= ox + ow + slack and y + h <= oy + oh + slack


def block_links(page: PageSnapshot, block: TextBlock) -> list[tuple[str, str]]:
    """(text, URL) of the links in a block: read from the page's structure when the snapshot has it.

    Snapshots from before the structure was read (``links`` None) fall back to the links whose
    box lies inside the block's box, as they were judged then.
    """
    if block.links is not None:
        return [(link.text, link.url) for link in block.links]
    return [(link.text, link.url) for link in page.links if link.via != "click" and _inside(link.bbox, block.bbox)]


def _href_for(raw: str, value: str, links: list[tuple[str, str]]) -> str | None:
    """The link whose own text carries this value, if the value is (inside) a link."""
    for words, url in links:
        text = normalize(words)
        if text and (raw in text or value in text or text in raw):
            return url
    return None


def block_findings(page: PageSnapshot, block: TextBlock, today: date) -> list[Finding]:
    links = block_links(page, block)
    # A label from the element before (a table's header cell) reads as if written in front of the text.
    text = f"{block.label}：{block.text}" if block.label else block.text
    evidence = Evidence(page_url=page.final_url, text=text[:400], region=block.region, bbox=block.bbox)
    out = []
    for match in scan(text, today=today):
        out.append(Finding(
            kind=match.kind, value=match.value, status=match.status, problems=list(match.problems),
            label=match.label, href=_href_for(match.raw, match.value, links),
            nearby_hrefs=[url for _, url in links], page_kind=page.kind,
            centered=block.centered, evidence=evidence))
    out.extend(_text_findings(page, text, block, evidence))
    return out


def _text_findings(page: PageSnapshot, raw: str, block: TextBlock, evidence: Evidence) -> list[Finding]:
    """Entity names and addresses: found by wording, not by an identifier format."""
    text = normalize(raw)
    found = []
    for match in ENTITY_RE.finditer(text):
        name = strip_entity_prefix(match.group(0))
        if len(name) >= 6:
            found.append(Finding(kind="entity_name", value=name, status="valid", page_kind=page.kind,
                                 centered=block.centered, evidence=evidence))
    for match in ADDRESS_RE.finditer(text):
        addr = match.group("addr").strip(":：,，;；.。( ")
        if sum(token in addr for token in ADDRESS_TOKENS) >= 2:
            found.append(Finding(kind="address", value=addr, status="valid", page_kind=page.kind,
                                 centered=block.centered, evidence=evidence))
    return found


def strip_entity_prefix(name: str) -> str:
    for lead_in in ENTITY_LEAD_INS:
        _, found, tail = name.rpartition(lead_in)
        if found and len(tail) >= 6:
            name = tail
    changed = True
    while changed:
        changed = False
        for prefix in ENTITY_PREFIXES:
            if name.lower().startswith(prefix) and len(name) > len(prefix) + 4:
                name = name[len(prefix):].lstrip(":：")
                changed = True
    return name


def link_findings(page: PageSnapshot) -> list[Finding]:
    """mailto: and tel: links disclose contacts even when their visible text does not."""
    out = []
    for link in page.links:
        url = link.url.strip()
        scheme, _, rest = url.partition(":")
        evidence = Evidence(page_url=page.final_url, text=link.text or url, region=link.region, bbox=link.bbox)
        if scheme.lower() == "mailto" and "@" in rest:
            email = rest.split("?")[0].strip().lower()
            out.append(Finding(kind="email", value=email, status="valid", label=collapse_spaces(link.text)[:20],
                               href=url, page_kind=page.kind, evidence=evidence))
        elif scheme.lower() == "tel":
            phone = parse_phone(rest)
            if phone:
                out.append(Finding(kind="phone", value=phone, status="valid", label=collapse_spaces(link.text)[:20],
                                   href=url, page_kind=page.kind, evidence=evidence))
    return out


def page_links(snapshot: SiteSnapshot, vocabulary: Vocabulary, cache: PageCache | None = None) -> dict[str, str]:
    """Page kind → URL: the page rendered for it, else the best link on the homepage (any site)."""
    links = {p.kind: p.url for p in snapshot.pages if p.kind != "home"}
    home = snapshot.page("home")
    if home is not None:
        best = (cache or PageCache()).remember(home, "links", partial(_best_links, home, vocabulary))
        for kind, url in best.items():
            links.setdefault(kind, url)
    return links


def _best_links(home: PageSnapshot, vocabulary: Vocabulary) -> dict[str, str]:
    candidates = [(link.text or link.title, link.url) for link in home.links]
    return {kind: ranked[0][2] for kind, spec in vocabulary.kinds.items() if (ranked := rank(spec, candidates))}


def page_findings(page: PageSnapshot, today: date) -> list[Finding]:
    findings = [f for block in page.blocks for f in block_findings(page, block, today)]
    return findings + link_findings(page)


class PageCache:
    """What was read off each page of one site visit, for judging the site again as its pages arrive.

    The renderer asks the rules after every page (judge.site.cited_by_rules); without this the
    homepage, often the longest page, would be scanned again each time. A page is known
    by its address, kind and fetch time, which its copy with pictures added keeps.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str, str, str], Any] = {}

    def remember(self, page: PageSnapshot, what: str, compute: Callable[[], _T]) -> _T:
        key = (page.final_url, page.kind, page.fetched_at, what)
        if key not in self._kept:
            self._kept[key] = compute()
        value: _T = self._kept[key]
        return value


def extract(snapshot: SiteSnapshot, vocabulary: Vocabulary, today: date, cache: PageCache | None = None
            ) -> SiteFacts:
    cache = cache or PageCache()
    findings: list[Finding] = []
    done: set[str] = set()
    for page in snapshot.pages:
        if not page.ok or (page.final_url in done and page.kind != "home"):
            continue
        done.add(page.final_url)
        findings.extend(cache.remember(page, "findings", partial(page_findings, page, today)))
    return SiteFacts(snapshot=snapshot, findings=findings, facts=_facts(findings, snapshot, vocabulary, cache))


def _values(findings: list[Finding], kind: str) -> list[str]:
    return list(dict.fromkeys(f.value for f in findings if f.kind == kind and f.status == "valid"))


def _facts(findings: list[Finding], snapshot: SiteSnapshot, vocabulary: Vocabulary, cache: PageCache) -> Facts:
    return Facts(
        icp_filing_numbers=_values(findings, "icp_filing"),
        icp_licence_numbers=_values(findings, "icp_licence"),
        telecom_licence_numbers=_values(findings, "telecom_licence"),
        psb_numbers=_values(findings, "psb"),
        culture_licence_numbers=_values(findings, "culture_licence"),
        credit_codes=_values(findings, "uscc"),
        entity_names=_values(findings, "entity_name"),
        phones=_values(findings, "phone"),
        emails=_values(findings, "email"),
        addresses=_values(findings, "address"),
        links=page_links(snapshot, vocabulary, cache),
    )


def linked_to(finding: Finding, *kinds: str) -> str | None:
    """The URL of the link that makes this finding 'linked' to one of the host kinds, if any.

    The number itself being the link counts; so does a link right beside it in the
    same block (the filing measures say the link goes "below" the number).
    """
    for url in ([finding.href] if finding.href else []) + finding.nearby_hrefs:
        if link_kind(url) in kinds:
            return url
    return None
