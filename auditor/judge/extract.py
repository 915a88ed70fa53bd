"""Snapshot → findings and facts: what each page discloses, with where it says so.

Pure functions: the same snapshot always gives the same findings, without a browser.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from auditor.discover import Vocabulary, rank
from auditor.identifiers import MAX_MATCHES, link_kind, parse_phone, scan
from auditor.models import BBox, Evidence, Facts, Finding, Link, PageSnapshot, SiteSnapshot, TextBlock
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

# ENTITY_RE and ADDRESS_RE say what is found; the two finders below find exactly that in
# linear time. The regexes themselves try up to 40 (80) lengths at every character, each
# against a dozen words: 100 KB of Chinese without a suffix, or of "地址：" repeated, cost
# a second (issue 13). The finders look up where suffixes and terminators start once.
_NAME_RUN = re.compile(r"[\u4e00-\u9fff()·]+")
_SUFFIX = re.compile(ENTITY_SUFFIX)
_SUFFIX_AT = re.compile(r"(?=[股有分集合(事工个])(?=" + ENTITY_SUFFIX + ")")
_ADDRESS_LABEL = re.compile(
    r"(?:公司地址|联系地址|经营地址|办公地址|注册地址|通讯地址|经营场所|住所|地址|address)[:：]?", re.IGNORECASE)
_ADDRESS_LABEL_AT = re.compile(r"(?=[公联经办注通住地Aa])(?=" + _ADDRESS_LABEL.pattern + ")", re.IGNORECASE)
_ADDRESS_END_AT = re.compile(
    r"(?=[电热邮传Ee客备版Cc©|。;；(])(?=电话|热线|邮编|传真|邮箱|e-?mail|客服|备案|版权|copyright|©|\||。|;|；|\(邮编)",
    re.IGNORECASE)


def entity_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans ENTITY_RE.finditer(text) gives, in time linear in the text."""
    suffixes = [m.start() for m in _SUFFIX_AT.finditer(text)]
    pos = 0
    for run in _NAME_RUN.finditer(text):
        start = max(pos, run.start())
        while True:
            # The first suffix far enough in decides: a name may start up to 40 before it.
            at = bisect_left(suffixes, start + 2)
            if at == len(suffixes) or suffixes[at] >= run.end():
                break
            suffix = suffixes[at]
            first = max(start, suffix - 40)
            end = suffix + len(_SUFFIX.match(text, suffix).group(0))  # type: ignore[union-attr]
            yield first, end
            start = pos = end


def address_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, start of the address) of each match ADDRESS_RE.finditer(text) gives, in linear time."""
    ends = [m.start() for m in _ADDRESS_END_AT.finditer(text)]
    labels = [m.start() for m in _ADDRESS_LABEL_AT.finditer(text)]
    at_label = 0
    while at_label < len(labels):
        start = labels[at_label]
        label = _ADDRESS_LABEL.match(text, start)
        assert label is not None
        found = None
        # `[:：]?` is greedy, then given back if the address cannot end after the colon.
        for addr in dict.fromkeys((label.end(), label.end() - (text[label.end() - 1:label.end()] in ":："))):
            at = bisect_left(ends, addr + 4)
            end = ends[at] if at < len(ends) else len(text)
            if addr + 4 <= end <= addr + 80:
                found = (start, end, addr)
                break
        if found is not None:
            yield found
            at_label = bisect_left(labels, found[1])
            continue
        # No end within reach: nor for any label whose address starts more than 80 before
        # that end (labels are at most 9 characters with the colon), so skip them all.
        at_label = max(at_label + 1, bisect_left(labels, end - 89))


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


def _links_in(block: TextBlock, links: list[Link]) -> list[Link]:
    return [link for link in links if link.via != "click" and _inside(link.bbox, block.bbox)]


def _href_for(raw: str, value: str, block_links: list[Link]) -> str | None:
    """The link whose own text carries this value, if the value is (inside) a link."""
    for link in block_links:
        text = normalize(link.text)
        if text and (raw in text or value in text or text in raw):
            return link.url
    return None


def block_findings(page: PageSnapshot, block: TextBlock, today: date) -> list[Finding]:
    links = _links_in(block, page.links)
    evidence = Evidence(page_url=page.final_url, text=block.text[:400], region=block.region, bbox=block.bbox)
    out = []
    for match in scan(block.text, today=today):
        out.append(Finding(
            kind=match.kind, value=match.value, status=match.status, problems=list(match.problems),
            label=match.label, href=_href_for(match.raw, match.value, links),
            nearby_hrefs=[link.url for link in links], page_kind=page.kind,
            centered=block.centered, evidence=evidence))
    out.extend(_text_findings(page, block, evidence))
    return out


def _text_findings(page: PageSnapshot, block: TextBlock, evidence: Evidence) -> list[Finding]:
    """Entity names and addresses: found by wording, not by an identifier format (at most MAX_MATCHES each)."""
    text = normalize(block.text)
    found = []
    for start, end in islice(entity_spans(text), MAX_MATCHES):
        name = strip_entity_prefix(text[start:end])
        if len(name) >= 6:
            found.append(Finding(kind="entity_name", value=name, status="valid", page_kind=page.kind,
                                 centered=block.centered, evidence=evidence))
    for _, end, addr_start in islice(address_spans(text), MAX_MATCHES):
        addr = text[addr_start:end].strip(":：,，;；.。( ")
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
