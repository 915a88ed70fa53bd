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
from auditor.identifiers import MAX_MATCHES, PROV_NAME, IdMatch, link_kind, parse_phone, scan_normalized, usual_form
from auditor.models import (
    BBox,
    BlockLink,
    Evidence,
    Facts,
    Finding,
    Image,
    ImageRead,
    OcrLine,
    PageSnapshot,
    SiteSnapshot,
    TextBlock,
)
from auditor.normalize import cached_for_short_texts, collapse_spaces, normalize

# A legal entity name ends in one of these forms (公司法, 合伙企业法, 个体工商户条例 …; a 个体工商户's
# name ends in its organisational form: 商行, 经营部, 门市部 …).
# Public bodies run sites too (政府门户): 人民政府办公室, 管理委员会 …
ENTITY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "集团公司", "合伙企业", "(有限合伙)", "事务所",
                   "工作室", "合作社", "个体工商户", "商行", "经营部", "门市部", "服务部", "批发部",
                   "人民政府办公室", "人民政府", "管理委员会", "委员会")
ENTITY_SUFFIX = "(?:" + "|".join(re.escape(word) for word in ENTITY_SUFFIXES) + ")"
ENTITY_RE = re.compile(r"[\u4e00-\u9fff()·]{2,40}?" + ENTITY_SUFFIX)
# A natural person who runs the site (an exempt individual, a personal blog) is named by name: after
# an operator label ("经营者：张伟（个人）"), or defined as "we" ("李一舟（以下简称“我们”）").
PERSON_LABELS = ("经营者姓名", "经营者", "店主", "负责人", "处理者姓名", "个人信息处理者")
PERSON_RE = re.compile(
    "(?:" + "|".join(PERSON_LABELS) + r")[:：](?P<after>[\u4e00-\u9fff·]{2,4})"
    r"(?=\(个人\)|[,;:。\s(|]|$)"
    r"|(?:^|[。;,!?]|由)(?P<defined>[\u4e00-\u9fff·]{2,4})(?:\([^()]{1,12}\))?\(以下简称")
# An organisation of any form named after the label that says it runs the site or handles the data
# ("个人信息处理者：江苏省跨境电子商务协会；", "主办单位：大连市海韵职业技术学校"): a 社会团体's or a school's
# name ends in no company form, but the label says what it is.
NAME_LABELS = ("个人信息处理者", "处理者名称", "运营者名称", "运营主体", "运营单位", "主办单位")
LABELLED_NAME_RE = re.compile(
    "(?:" + "|".join(NAME_LABELS) + r")[:：](?P<name>[\u4e00-\u9fff()·]{4,40}?)"
    r"(?=[,;:。\s|]|$)")
NOT_A_PERSON = ("本", "我们", "平台", "网站", "公司", "站长", "个人", "用户", "您", "的")
# A person's name starts with a surname: the common single and compound ones (百家姓, those that
# cover nearly all of China's population), which keeps words like "信用等级" from passing as names.
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
               "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
               "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
               "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连"
               "芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
               "巩明佘池查麻苑迟邝")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "宇文",
                     "司徒")


def _a_person(name: str) -> bool:
    return (name[0] in SURNAMES or name.startswith(COMPOUND_SURNAMES)) and not any(w in name for w in NOT_A_PERSON)


# Template text standing where a name or an address belongs ("某某网络科技有限公司", "XX省XX市").
PLACEHOLDER_RE = re.compile(r"某某|[xX×]{2,}|\*{2,}|\((?:公司)?名称\)|\(地址\)")
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
ADDRESS_LABELS = ("公司地址", "联系地址", "经营地址", "办公地址", "注册地址", "通讯地址", "营业地址", "门店地址",
                  "总部地址", "公司总部", "总部", "办公地点", "经营场所", "住所", "地址", "address")
ADDRESS_ENDS = ("电话", "热线", "邮编", "传真", "邮箱", "e-mail", "email", "客服", "备案", "版权", "copyright",
                "©", "|", "。", ";", "；", "(邮编")
_ADDRESS_LABEL_RE = "(?:" + "|".join(re.escape(word) for word in ADDRESS_LABELS) + ")[:：]?"
_ADDRESS_END_RE = "(?:" + "|".join(re.escape(word) for word in ADDRESS_ENDS) + ")"
MAX_ADDRESS = 120  # characters: an address in English runs longer than one in Chinese
ADDRESS_RE = re.compile(_ADDRESS_LABEL_RE + f"(?P<addr>.{{4,{MAX_ADDRESS}}}?)(?=" + _ADDRESS_END_RE + "|$)",
                        re.IGNORECASE)
# An address leads to a door: it names a road, a building or a number, not only the areas around
# it ("河南省郑州市金水区" is a district; Consumer Law Art. 28 asks for the business address).
ADDRESS_AREAS = ("省", "市", "区", "县", "镇", "乡")
ADDRESS_PLACES = ("路", "街", "道", "巷", "弄", "号", "大厦", "园", "村", "楼", "层", "室", "座", "栋", "广场")
ADDRESS_PLACES_EN = ("road", "street", "avenue", "lane", "building", "tower", "floor", "room", "no.")
# An address written without a label still has its shape: province or city, district, road, number.
UNLABELLED_ADDRESS_RE = re.compile(
    r"(?P<addr>(?:" + "|".join(PROV_NAME) + r")[\u4e00-\u9fff]{0,6}?(?:省|市|自治区)?"
    r"[\u4e00-\u9fff]{1,8}?(?:市|区|县|旗)[\u4e00-\u9fff\d-]{1,20}?(?:路|街|道|巷|大道|胡同)[\d-]{1,6}号(?:[\u4e00-\u9fff\d-]{0,20}(?:楼|层|室|座|栋))?)")

# ENTITY_RE and ADDRESS_RE say what is found; the two finders below find exactly that in
# linear time. The regexes themselves try up to 40 (MAX_ADDRESS) lengths at every character, each
# against a dozen words: 100 KB of Chinese without a suffix, or of "地址：" repeated, cost
# a second (issue 13). The finders look up where suffixes and terminators start once.
_NAME_RUN = re.compile(r"[\u4e00-\u9fff()·]+")


def _starting_at(words: tuple[str, ...], pattern: str) -> re.Pattern[str]:
    """Where `pattern` (one of `words`, and what follows) matches: a cheap look at the first character first."""
    firsts = "".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())}))
    return re.compile("(?=[" + re.escape(firsts) + "])(?=" + pattern + ")", re.IGNORECASE)


_SUFFIX = re.compile(ENTITY_SUFFIX)
_SUFFIX_AT = _starting_at(ENTITY_SUFFIXES, ENTITY_SUFFIX)
_ADDRESS_LABEL = re.compile(_ADDRESS_LABEL_RE, re.IGNORECASE)
_ADDRESS_LABEL_AT = _starting_at(ADDRESS_LABELS, _ADDRESS_LABEL_RE)
_ADDRESS_END_AT = _starting_at(ADDRESS_ENDS, _ADDRESS_END_RE)
_LONGEST_LABEL = max(len(word) for word in ADDRESS_LABELS) + 1


def entity_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans ENTITY_RE.finditer(text) gives, in time linear in the text."""
    suffixes = [m.start() for m in _SUFFIX_AT.finditer(text)]
    if not suffixes:
        return  # no name ends here (most text): its runs of characters need not be walked
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
    labels = [m.start() for m in _ADDRESS_LABEL_AT.finditer(text)]
    if not labels:
        return
    ends = [m.start() for m in _ADDRESS_END_AT.finditer(text)]
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
            if addr + 4 <= end <= addr + MAX_ADDRESS:
                found = (start, end, addr)
                break
        if found is not None:
            yield found
            at_label = bisect_left(labels, found[1])
            continue
        # No end within reach: nor for any label whose address starts more than MAX_ADDRESS before
        # that end (a label is at most _LONGEST_LABEL characters with its colon), so skip them all.
        at_label = max(at_label + 1, bisect_left(labels, end - MAX_ADDRESS - _LONGEST_LABEL))


_T = TypeVar("_T")


@dataclass(frozen=True)
class SiteFacts:
    """Everything the rules read: the findings, the pages, and the contract facts."""

    snapshot: SiteSnapshot
    findings: list[Finding]  # read off the pages' visible text: what is displayed
    facts: Facts
    # Read (OCR) off pictures: never "displayed", and not in the facts; a check takes them only
    # where it says so (checks/base.py image_verdict, the consistency and registry checks).
    read: tuple[Finding, ...] = ()

    def of(self, *kinds: str, pages: tuple[str, ...] | None = None) -> list[Finding]:
        return [f for f in self.findings if f.kind in kinds and (pages is None or f.page_kind in pages)]

    def read_from_images(self, *kinds: str, pages: tuple[str, ...] | None = None) -> list[Finding]:
        return [f for f in self.read if f.kind in kinds and (pages is None or f.page_kind in pages)]


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
    # A label from the element before (a table's header cell) reads as if written in front of the text.
    text = f"{block.label}：{block.text}" if block.label else block.text
    matches, names, addresses = _read(text, today)
    if not (matches or names or addresses):
        return []  # most blocks of a page (its body text) state nothing we look for
    links = block_links(page, block)
    evidence = Evidence(page_url=page.final_url, text=text[:400], region=block.region, bbox=block.bbox)
    out = [Finding(kind=match.kind, value=match.value, status=match.status, problems=list(match.problems),
                   label=match.label, href=_href_for(match.raw, match.value, links),
                   nearby_hrefs=[url for _, url in links], page_kind=page.kind,
                   centered=_centred(block, match.value), evidence=evidence) for match in matches]
    # Entity names and addresses: found by wording, not by an identifier format; template text is neither.
    out += [Finding(kind=kind, value=value, status="valid", page_kind=page.kind, centered=block.centered,
                    evidence=evidence) for kind, values in (("entity_name", names), ("address", addresses))
            for value in values]
    return out


MIN_PIECE_DIGITS = 3


def _centred(block: TextBlock, value: str) -> bool:
    """Whether the number is centred: its own element's box if the block has several, else the block's.

    The element is the number-bearing piece whose digits are most of the number's (a number split
    over spans, 京ICP备<b>1234</b>5678号, is placed where most of it is).
    """
    wanted = "".join(c for c in normalize(value) if c.isdigit())
    best, most = None, 0
    for piece in block.pieces:
        have = "".join(c for c in normalize(piece.text) if c.isdigit())
        if len(have) >= MIN_PIECE_DIGITS and have in wanted and len(have) > most:
            best, most = piece, len(have)
    return block.centered if best is None else best.centered


# What a block of text says is read once per text (scan and wording are pure), not once per page
# the site's header and footer repeat on.
@cached_for_short_texts(maxsize=4096)
def _read(text: str, today: date) -> tuple[tuple[IdMatch, ...], tuple[str, ...], tuple[str, ...]]:
    """What a block of text states: its identifiers, entity names and addresses (one normalisation for both)."""
    matches, normal = scan_normalized(text, today=today)
    return (tuple(matches), *_wording(normal))


# What a name or an address cannot be found without: a company form, a label, "(以下简称", or the
# house number of an unlabelled address ("15号"). Most blocks of a page are body text holding none
# of them, and reading each for names and addresses anyway was a third of reading a block (issue
# 17). A necessary condition of the finders below, never more: a test reads every text of the
# field set and the real footers both ways (test_reading_hints.py).
_WORDING_WORDS = (*ENTITY_SUFFIXES, *NAME_LABELS, *PERSON_LABELS, "(以下简称", *ADDRESS_LABELS)
_WORDING_HINT = _starting_at((*_WORDING_WORDS, *"0123456789-"),  # a house number: a digit or a dash, then 号
                             "|".join(re.escape(word) for word in _WORDING_WORDS) + r"|[\d-]号")


def _wording(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The entity names and addresses a block states, from its normal form (at most MAX_MATCHES of each:
    a hostile block repeats a name without end)."""
    if _WORDING_HINT.search(text) is None:
        return (), ()
    return _all_wording(text)


def _all_wording(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """_wording(), every finder asked."""
    names = [name for start, end in islice(entity_spans(text), MAX_MATCHES)
             if len(name := strip_entity_prefix(text[start:end])) >= 6]
    names += [m.group("name") for m in islice(LABELLED_NAME_RE.finditer(text), MAX_MATCHES)]
    names += [n for m in islice(PERSON_RE.finditer(text), MAX_MATCHES)
              if (n := m.group("after") or m.group("defined")) and _a_person(n)]
    addresses = [text[addr:end].strip(":：,，;；.。( ") for _, end, addr in islice(address_spans(text), MAX_MATCHES)]
    addresses = [a for a in addresses if _an_address(a)]
    if not addresses:
        addresses = [m.group("addr") for m in islice(UNLABELLED_ADDRESS_RE.finditer(text), MAX_MATCHES)]
    return (tuple(n for n in dict.fromkeys(names) if not PLACEHOLDER_RE.search(n)),
            tuple(a for a in dict.fromkeys(addresses) if not PLACEHOLDER_RE.search(a)))


def _an_address(text: str) -> bool:
    """It names a place one can go to: a road or a building, in Chinese beside an area, in English with a number."""
    if any(word in text.lower() for word in ADDRESS_PLACES_EN) and any(c.isdigit() for c in text):
        return True
    places = sum(token in text for token in ADDRESS_PLACES)
    return places >= 1 and places + sum(token in text for token in ADDRESS_AREAS) >= 2


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


def image_findings(page: PageSnapshot, today: date) -> list[Finding]:
    """What OCR read in the page's pictures, read as text is (numbers, names), marked as read from a picture.

    Not cached with the page: the same page is judged before its pictures are read (while
    rendering) and after.
    """
    out: list[Finding] = []
    for image in page.images:
        if image.ocr is None:
            continue
        for text, confidence, box in ocr_rows(image.ocr.lines):
            block = TextBlock(text=text, bbox=image.bbox, region=image.region, centered=False,
                              links=[BlockLink(text=text, url=image.href)] if image.href else [])
            read = ImageRead(src=image.src, file=image.ocr.file, box=box, confidence=confidence,
                             engine=image.ocr.engine)
            out.extend(_as_read(f, read, image) for f in block_findings(page, block, today))
    return out


def _as_read(finding: Finding, read: ImageRead, image: Image) -> Finding:
    evidence = finding.evidence.model_copy(update={"ocr": read})
    update: dict[str, object] = {"provenance": "image", "confidence": read.confidence, "evidence": evidence,
                                 "label": finding.label or image.alt[:20]}
    if finding.status == "valid" and not usual_form(finding.kind, finding.value):  # a digit lost or doubled?
        update |= {"status": "nonstandard", "problems": [*finding.problems, "read_shape"]}
    return finding.model_copy(update=update)


def ocr_rows(lines: list[OcrLine]) -> list[tuple[str, float, BBox]]:
    """The lines read in a picture joined into rows, top to bottom, each left to right.

    A detector often splits a label from its value ("统一社会信用代码" | "9133…"): joined, the
    row reads as the line did. A row is as sure as its least sure line, and its box is theirs together.
    """
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: ln.box[1] + ln.box[3] / 2):
        middle = line.box[1] + line.box[3] / 2
        row = rows[-1] if rows else None
        if row is not None and row[0].box[1] <= middle <= row[0].box[1] + row[0].box[3]:
            row.append(line)
        else:
            rows.append([line])
    out = []
    for row in rows:
        row.sort(key=lambda ln: ln.box[0])
        left, top = min(ln.box[0] for ln in row), min(ln.box[1] for ln in row)
        right = max(ln.box[0] + ln.box[2] for ln in row)
        bottom = max(ln.box[1] + ln.box[3] for ln in row)
        out.append((" ".join(ln.text for ln in row), min(ln.confidence for ln in row),
                    (left, top, right - left, bottom - top)))
    return out


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
        self._kept: dict[tuple[Any, str], Any] = {}

    def remember(self, page: PageSnapshot, what: str, compute: Callable[[], _T]) -> _T:
        return self._remember((page.final_url, page.kind, page.fetched_at), what, compute)

    def remember_pages(self, pages: list[PageSnapshot], what: str, compute: Callable[[], _T]) -> _T:
        """What was judged of the pages so far (the pictures to take and those to read ask the same)."""
        return self._remember(tuple((p.final_url, p.kind, p.fetched_at) for p in pages), what, compute)

    def _remember(self, key: Any, what: str, compute: Callable[[], _T]) -> _T:
        if (key, what) not in self._kept:
            self._kept[key, what] = compute()
        value: _T = self._kept[key, what]
        return value


def extract(snapshot: SiteSnapshot, vocabulary: Vocabulary, today: date, cache: PageCache | None = None
            ) -> SiteFacts:
    cache = cache or PageCache()
    findings: list[Finding] = []
    read: list[Finding] = []
    done: set[str] = set()
    for page in snapshot.pages:
        if not page.ok or (page.final_url in done and page.kind != "home"):
            continue
        done.add(page.final_url)
        findings.extend(cache.remember(page, "findings", partial(page_findings, page, today)))
        read.extend(image_findings(page, today))
    return SiteFacts(snapshot=snapshot, findings=findings, facts=_facts(findings, snapshot, vocabulary, cache),
                     read=tuple(read))


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
