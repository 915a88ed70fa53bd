"""Checks of the documents the homepage links to: that they open, and what they say.

A document is read as a person reads it, sentence by sentence: an item counts when a
sentence states it (its words), names it by example (a data item, a time span, a
contact), and is neither a template never filled in (【公司名称】, XXX-XXXXXXX) nor a
denial ("暂不支持注销账号"). Every item found cites the sentence that satisfied it, so a
reviewer checks it at a glance. The vocabularies are the rule file's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import Field, field_validator

from auditor.judge.checks.base import (
    Context,
    DocumentWords,
    Params,
    Verdict,
    Words,
    check,
    fold,
    regex_list,
    words_in,
)
from auditor.models import Evidence, Finding, Outcome, PageSnapshot
from auditor.normalize import normalize

SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
CLAUSE = re.compile(r"[，,、:：]")
MAX_QUOTE = 240  # characters of a sentence quoted as evidence
SECTION_CHARS = 400  # a section a #fragment opens is a document of its own from this much text
HEADING_BLOCKS = 8  # the first lines of a document's main text, where its own heading stands
HEADING_CHARS = 20  # a line this short without a sentence's end is a heading: it names an item, a sentence states it
LIST_LINES, LIST_LINE_CHARS = 8, 40  # the short lines after a sentence that may list its examples, one per line
NEGATION_WINDOW = 16  # characters before an item's word where a denial of it is looked for
ANSWER_WINDOW = 40  # … and after it ("注销账户：很抱歉，本店系统暂时没有这项功能")


class DocumentParams(Params):
    kind: str
    min_chars: int = Field(default=400, ge=0)
    # A document that lands on a URL with these words, or shows a password field with little
    # else, is behind a login wall.
    login_url_words: list[str] = Field(default_factory=lambda: ["login", "passport", "signin", "sign-in", "logon"])


@check(DocumentParams, {"pass": ("url", "chars"), "missing": (), "offsite": ("url",), "not_open": ("url", "detail"),
                        "login": ("url",), "stub": ("url", "chars"), "other_document": ("url", "title")})
def document_linked(ctx: Context, params: DocumentParams) -> Verdict:
    """The homepage links to the document; it opens without login and holds real text."""
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
    if (named := _names_another(page, params.kind, ctx.documents.titles)) is not None:
        return Verdict(Outcome.FAIL, "other_document", {"url": page.final_url, "title": named},
                       [Evidence(page_url=page.final_url, text=named, region="main")])
    return Verdict(Outcome.PASS, "pass", {"url": page.final_url, "chars": str(chars)}, ev)


def _main_heading(page: PageSnapshot) -> str:
    """The document's own heading: the largest type among the first lines of its main text, if short."""
    first = [b for b in page.blocks if b.region == "main"][:HEADING_BLOCKS]
    if not first:
        return ""
    top = max(first, key=lambda b: b.font_px)  # the first of the largest (max keeps the first on ties)
    return top.text if len(top.text) <= HEADING_CHARS * 2 else ""


def _section_is(page: PageSnapshot, names: Words) -> bool:
    """The link's #fragment opens a whole section of the page that is this document: its heading
    names it and it holds a document's text (agreement.html#rules, 附件一《交易规则》, eight chapters),
    not one article of another document (agreement.html#privacy, 第八条 个人信息保护)."""
    anchor = page.anchor
    if anchor is None or not words_in(anchor.heading, names):
        return False
    inside = [b.text for b in page.blocks if anchor.top - 1 <= b.bbox[1] < anchor.bottom]
    return len(normalize("".join(inside))) >= SECTION_CHARS


def _names_another(page: PageSnapshot, kind: str, titles: dict[str, Words]) -> str | None:
    """The title or heading by which the page calls itself another kind of document and not this one.

    The link's label promised `kind`; what the page says it is decides what it is ("交易规则"
    opening a page headed 《隐私政策》 is the privacy policy). A title naming no kind (the site's
    name) or naming this kind too ("用户协议及隐私政策") says nothing against the link.
    """
    if _section_is(page, titles.get(kind, Words())):
        return None
    names = [n for n in (page.title, _main_heading(page)) if n]
    if any(words_in(n, titles.get(kind, Words())) for n in names):
        return None
    others = [words for other, words in titles.items() if other != kind]
    return next((n for n in names if any(words_in(n, words) for words in others)), None)


class KeywordGroupsParams(Params):
    pages: list[str] = Field(min_length=1)
    groups: dict[str, list[str]] = Field(min_length=1)  # item → any of these words shows it
    labels: dict[str, str] = Field(default_factory=dict)  # item → human name in messages
    min_groups_for_review: int = Field(default=1, ge=0)


@check(KeywordGroupsParams, {"pass": ("found",), "partial": ("found", "missing"), "absent": ("missing",),
                             "no_document": ()})
def keyword_groups(ctx: Context, params: KeywordGroupsParams) -> Verdict:
    """A document holds a word of every group somewhere (a plain word list; `document_items` reads sentences)."""
    pages = [p for p in ctx.pages(params.pages) if p.ok]
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


# --- document items, sentence by sentence ---------------------------------------------


class Item(Params):
    """One thing the document must state, and how a sentence shows it."""

    label: str  # its name in messages ("保存期限 / retention")
    words: Words = Field(default_factory=Words)  # a sentence with any of these words states it
    patterns: list[str] = Field(default_factory=list)  # … or matching one of these (a time span: "保存6个月")
    named: Words = Field(default_factory=Words)  # … or naming at least `min_named` of these ("手机号码、设备信息")
    min_named: int = Field(default=2, ge=1)
    kinds: list[Literal["entity_name", "phone", "email", "address"]] = Field(default_factory=list)  # … or giving one
    # A sentence with these says the item does not arise, which states it ("本网站不提供用户注册功能，
    # 不存在账号注销事项": a site without accounts has no cancellation to explain).
    moot: Words = Field(default_factory=Words)
    # Asked for only where a sentence matches one of these and says none of `required_unless`
    # (a list of recipients where the policy says it provides data to others: "我们会向…提供您的个人信息",
    # not "我们不会向第三方出售…"). Empty: always asked for.
    required_if: list[str] = Field(default_factory=list)
    required_unless: Words = Field(default_factory=Words)
    # A finding of `kinds` counts only in a sentence that names its role (the one who runs the site:
    # "由…有限公司（以下简称“我们”）运营") and not another's (a recipient of shared data:
    # "与第三方共享", a row of the sharing table): the policy's handler is not any company it names.
    roles: Words = Field(default_factory=Words)
    not_roles: Words = Field(default_factory=Words)
    mentions: Words = Field(default_factory=Words)  # words of a sentence about it that may still be a template
    # Stated only where the document says how (a right or a procedure: "您可以在设置中注销账号"), not
    # where it is merely named ("您享有查阅、更正等权利").
    needs_method: bool = False
    refusable: bool = False  # a sentence that denies it ("暂不支持注销账号") is a refusal, not a statement
    # A sentence on it that sets a condition the law forbids (a notarised letter, a fee: the pack's
    # `unreasonable_conditions` and `fees`) fails it, however clearly it says how.
    no_unreasonable_conditions: bool = False

    _check_patterns = field_validator("patterns", "required_if")(regex_list)


class DocumentItemsParams(Params):
    pages: list[str] = Field(min_length=1)
    items: dict[str, Item] = Field(min_length=1)
    min_items_for_review: int = Field(default=1, ge=0)
    words: DocumentWords | None = None  # how to read denials, methods and templates; default: the pack's


@dataclass(frozen=True)
class Sentence:
    page: PageSnapshot
    text: str  # as shown (white space collapsed)
    folded: str  # matching form: normalised, lower case

    @property
    def heading(self) -> bool:
        """A short line without a sentence's end (or the colon before a list): it names a section, it states nothing."""
        ends = ("。", "！", "？", "!", "?", "；", ";", "：", ":")
        return len(self.text) <= HEADING_CHARS and not self.text.endswith(ends)


@dataclass
class Reading:
    """What the document says about one item: the words stating it, or that it is denied or a template,
    and whether it hangs on an unreasonable condition."""

    stated: Evidence | None = None
    denied: Evidence | None = None
    template: Evidence | None = None
    burdened: Evidence | None = None


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _sentences(pages: list[PageSnapshot]) -> list[Sentence]:
    out = []
    for page in pages:
        for block in page.blocks:
            for part in SENTENCE_END.split(block.text):
                text = " ".join(part.split())
                if text:
                    out.append(Sentence(page, text, fold(text)))
    return out


def _named(item: Item, folded: str) -> int:
    """How many of the item's examples a text names, each once ("手机号码" is not also "手机号")."""
    hits = [w for w in item.named.folded if w in folded]
    return sum(1 for w in hits if not any(w != other and w in other for other in hits))


def _statement(item: Item, sentences: list[Sentence], index: int) -> str | None:
    """The words by which sentence `index` states the item, if it does.

    Examples may be a list, one per line ("手机号码" / "设备信息"): they are counted over the
    sentence and the short lines right after it on the same page. A heading states nothing by
    its words ("三、保存期限"), but a list line names its example.
    """
    sentence = sentences[index]
    folded = sentence.folded
    said = words_in(folded, item.words) or any(_compiled(p).search(folded) for p in item.patterns)
    if said and not sentence.heading:
        return sentence.text
    if not item.named or not _named(item, folded):
        return None
    lines = [sentence]
    for nxt in sentences[index + 1:index + 1 + LIST_LINES]:
        if nxt.page is not sentence.page or len(nxt.text) > LIST_LINE_CHARS:
            break
        lines.append(nxt)
    for end in range(1, len(lines) + 1):
        if _named(item, "".join(line.folded for line in lines[:end])) >= item.min_named:
            return "、".join(line.text for line in lines[:end])
    return None


def _mentions(clause: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the clause names the item, one span a mention ("注销账号" is not also "注销")."""
    spans = {(at, at + len(word)) for word in words if (at := clause.find(word)) >= 0}
    return [(a, b) for a, b in spans if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)]


def _denied(item: Item, folded: str, words: DocumentWords) -> bool:
    """Every mention of the item in the sentence is denied: by a word before it in its own clause
    ("暂不支持注销"), or by one soon after it ("注销：很抱歉，没有这项功能")."""
    mentions = 0
    offset = 0
    for clause in CLAUSE.split(folded):
        if _label(clause, folded, offset, item):  # "注销账号：本平台不提供账号注销服务" names, then answers
            offset += len(clause) + 1
            continue
        for at, end in _mentions(clause, item.words.folded):
            mentions += 1
            before = clause[max(0, at - NEGATION_WINDOW):at]
            after = folded[offset + end:offset + end + ANSWER_WINDOW]
            if not (any(_compiled(n).search(before) for n in words.negations)
                    or any(_compiled(n).search(after) for n in words.negations_after)):
                return False
        offset += len(clause) + 1  # and the separator CLAUSE split at
    return mentions > 0


def _unreasonable(folded: str, words: DocumentWords) -> bool:
    """The sentence asks for a condition no one may set (公证, 到店办理), or a fee it does not waive."""
    if any(_compiled(p).search(folded) for p in words.unreasonable_conditions):
        return True
    return any(_compiled(p).search(folded) for p in words.fees) and not words_in(folded, words.free_words)


def _burdened(item: Item, sentences: list[Sentence], words: DocumentWords) -> Evidence | None:
    """The first sentence about the item that makes it hang on an unreasonable condition.

    Every sentence naming the item counts, not only the one that says how: "您可以申请注销账号"
    followed by "注销须支付50元服务费" sets the fee on the same cancellation.
    """
    if not item.no_unreasonable_conditions:
        return None
    return next((_quote(s, s.text) for s in sentences
                 if words_in(s.folded, item.words) and _unreasonable(s.folded, words)), None)


def _required(item: Item, sentences: list[Sentence]) -> bool:
    """The document says what makes the item due (it provides data to others), or the item is always due."""
    if not item.required_if:
        return True
    return any(any(_compiled(p).search(s.folded) for p in item.required_if)
               and not words_in(s.folded, item.required_unless) for s in sentences)


def _in_role(item: Item, finding: Finding) -> bool:
    """The sentence that gives the finding names it in the item's role (no `roles`: any sentence)."""
    if not item.roles:
        return True
    value = fold(finding.value)
    parts = [fold(part) for part in SENTENCE_END.split(finding.evidence.text)]
    said = next((part for part in parts if value in part), fold(finding.evidence.text))
    return words_in(said, item.roles) and not words_in(said, item.not_roles)


def _label(clause: str, folded: str, offset: int, item: Item) -> bool:
    """The clause is only the item's name before a colon: a label for what follows, neither said nor denied."""
    return folded[offset + len(clause):offset + len(clause) + 1] == ":" and clause.strip() in item.words.folded


def _placeholder(text: str, placeholders: list[str]) -> bool:
    return any(_compiled(p).search(text) for p in placeholders)


def _quote(sentence: Sentence, text: str) -> Evidence:
    return Evidence(page_url=sentence.page.final_url, text=text[:MAX_QUOTE], region="main")


def _general_method(sentences: list[Sentence], words: DocumentWords) -> Sentence | None:
    """The sentence that tells how to use all the rights the document names, if one does."""
    return next((s for s in sentences if words_in(s.folded, words.general_methods) and _method(s.folded, words)),
                None)


def _method(folded: str, words: DocumentWords) -> bool:
    """The text says how or where to do something ("您可以…申请", "在“设置—账号”中")."""
    return words_in(folded, words.method_words) or any(_compiled(p).search(folded) for p in words.method_patterns)


def _read(item: Item, sentences: list[Sentence], findings: list[Finding], words: DocumentWords) -> Reading:
    """The first sentence that states the item, else why none does.

    An item that needs a method counts only in a sentence that says how ("您可以在设置中申请注销
    账号"), or where it is named and another sentence tells how to use the rights named. For a
    refusable item a denial outweighs a mere naming elsewhere ("暂不支持注销账号" against
    "自您注销账号之日起三年"); a sentence that says how outweighs a denial.
    """
    reading = Reading()
    named: Sentence | None = None  # a sentence that names the item as a right, without saying how
    for index, sentence in enumerate(sentences):
        if words_in(sentence.folded, item.moot):
            return Reading(stated=_quote(sentence, sentence.text))
        quote = _statement(item, sentences, index)
        about = quote is not None or words_in(sentence.folded, item.mentions)
        if about and _placeholder(sentence.folded, words.placeholders):
            reading.template = reading.template or _quote(sentence, sentence.text)
        elif quote is None:
            continue
        elif (item.refusable or item.needs_method) and _denied(item, sentence.folded, words):
            # "目前无法注销账户，您可以…" tells no way to do it; "存在未完成订单时无法注销" is a condition
            if item.refusable and not words_in(sentence.folded, words.conditions):
                reading.denied = reading.denied or _quote(sentence, quote)
        elif not item.needs_method or _method(sentence.folded, words):
            return Reading(stated=_quote(sentence, quote))
        elif words_in(sentence.folded, words.right_words):  # named as a right ("自您注销账号之日起" is not)
            named = named or sentence
    if reading.denied:
        return reading
    general = _general_method(sentences, words) if named is not None else None
    if named is not None and general is not None:
        return Reading(stated=_quote(named, f"{named.text} … {general.text}"))
    for finding in findings:
        if finding.kind in item.kinds and _in_role(item, finding):
            if _placeholder(normalize(f"{finding.value} {finding.evidence.text}").lower(), words.placeholders):
                reading.template = reading.template or finding.evidence
            else:
                return Reading(stated=finding.evidence.model_copy(update={"text": finding.evidence.text[:MAX_QUOTE]}))
    return reading


@check(DocumentItemsParams, {"pass": ("found",), "partial": ("found", "missing"), "absent": ("missing",),
                             "refused": ("items", "quote"), "template": ("items", "quote"), "not_read": ("url",),
                             "unreasonable": ("items", "quote"),
                             "no_document": ()})
def document_items(ctx: Context, params: DocumentItemsParams) -> Verdict:
    """A document states every required item, sentence by sentence; a denial or an unfilled template fails."""
    words = params.words or ctx.documents
    rendered = ctx.pages(params.pages)
    # A page that calls itself another document (the 隐私政策 link opened the user agreement) is not
    # this one: what that document says is not what this one was required to say.
    titles = ctx.documents.titles
    pages = [p for p in rendered if p.ok and not (p.kind in titles and _names_another(p, p.kind, titles))]
    if not rendered:
        linked = next((url for kind in params.pages if (url := ctx.site.facts.links.get(kind))), None)
        if linked is not None:  # linked but not read (on another site): what was not seen is not missing
            return Verdict(Outcome.NEEDS_REVIEW, "not_read", {"url": linked})
    if not pages:  # (one that did not load is the engine's to soften)
        return Verdict(Outcome.FAIL, "no_document")
    sentences = _sentences(pages)
    # The document names its handler in its text, not in the site's footer around it (© 2026 …有限公司).
    findings = [f for f in ctx.site.of("entity_name", "phone", "email", "address", pages=tuple(params.pages))
                if f.status == "valid" and (f.kind != "entity_name" or f.evidence.region != "footer")]
    due = {name: item for name, item in params.items.items() if _required(item, sentences)}
    readings = {name: _read(item, sentences, findings, words) for name, item in due.items()}
    for name, item in due.items():
        readings[name].burdened = _burdened(item, sentences, words)
    label = {name: item.label for name, item in due.items()}
    stated = [n for n, r in readings.items() if r.stated]
    missing = [n for n in readings if n not in stated]
    values = {"found": "、".join(label[n] for n in stated) or "-", "missing": "、".join(label[n] for n in missing)}
    cited = list(dict.fromkeys(r.stated for r in readings.values() if r.stated))
    for code, quoted in (("refused", [n for n in missing if readings[n].denied]),
                         ("template", [n for n in missing if readings[n].template]),
                         ("unreasonable", [n for n in readings if readings[n].burdened])):
        if quoted:
            quotes = [readings[n].denied or readings[n].template or readings[n].burdened for n in quoted]
            shown = [q for q in quotes if q is not None]
            return Verdict(Outcome.FAIL, code, {"items": "、".join(label[n] for n in quoted),
                                                "quote": shown[0].text}, shown[:3] + cited[:3])
    if not missing:
        return Verdict(Outcome.PASS, "pass", values, cited)
    if len(stated) >= params.min_items_for_review:
        return Verdict(Outcome.NEEDS_REVIEW, "partial", values, cited)
    return Verdict(Outcome.FAIL, "absent", values, cited)
