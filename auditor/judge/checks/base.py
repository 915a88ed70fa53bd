"""What every check shares: its verdict, what it reads, how it is registered, and the helpers of several.

Each check returns a :class:`Verdict`: an outcome, a message code and the values that
fill the rule's message for that code. The rule file (data) holds the wording, the law
and the parameters; a check holds only the logic. ``CHECKS`` is the registry rule files
are validated against: its ``codes`` say which message codes a check may produce and
which placeholders each fills, and a check that returns a code it did not declare is a
bug the engine reports as ``error``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, field_validator
from pydantic_core import core_schema

from auditor.identifiers import link_kind
from auditor.judge.extract import SiteFacts
from auditor.models import Evidence, Finding, Image, Link, Outcome, PageSnapshot, RegistryValues
from auditor.normalize import collapse_spaces, normalize

ENGINE_CODES = ("not_applicable", "page_unavailable", "page_incomplete", "error")
HOME = ("home",)
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    code: str
    values: dict[str, str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


def regex_list(patterns: list[str]) -> list[str]:
    """A rule file's regular expressions, refused with the pattern named when one does not compile."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {pattern!r} ({exc})") from exc
    return patterns


@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """The matching form, lower case. Cached: rules match the same words and sentences again and
    again (each item of a document against each sentence), and normalising is the costly part."""
    return normalize(text).lower()


class Words(tuple[str, ...]):
    """A word list of a rule file, as written, and matched as one list.

    Folded and joined into one pattern once, when the rule file is read: asking each word in turn
    (fold it, look for it) was an eighth of judging a page (issue 17), as the rules ask the same
    lists of every sentence of every document. Serialised as the list it was read from.
    """

    folded: tuple[str, ...]  # each word in matching form, the empty ones left out
    pattern: re.Pattern[str] | None  # any of them; None: there is none

    def __new__(cls, words: Iterable[str] = ()) -> Words:
        self = super().__new__(cls, words)
        self.folded = tuple(w for w in map(fold, self) if w)
        # The words are the rule file's, never the site's: an alternation of literals is linear in the text.
        self.pattern = re.compile("|".join(map(re.escape, sorted(set(self.folded))))) if self.folded else None
        return self

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls, handler(list[str]), serialization=core_schema.plain_serializer_function_ser_schema(list))


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentWords(Params):
    """How documents are read (pack.yaml `documents:`): the words of denials, methods and templates.

    Matched on the normalised, lower-case text (【】 reads as (), full-width as ASCII).
    """

    negations: list[str] = Field(default_factory=list)  # what denies the words right after it (不支持, 无法 …)
    negations_after: list[str] = Field(default_factory=list)  # … or right after the word ("注销：很抱歉，没有这项功能")
    conditions: Words = Field(default_factory=Words)  # a denial with these is a condition ("存在未完成订单时")
    method_words: Words = Field(default_factory=Words)  # how to do an item that needs a method ("可以", "申请")
    method_patterns: list[str] = Field(default_factory=list)  # … or where ("在“会员中心—资料”中")
    # A sentence with these and a method tells how to use every right the document names as a right
    # (a sentence with `right_words`: "您享有查阅、更正…等权利" … "您可以通过以下方式行使上述权利").
    general_methods: Words = Field(default_factory=Words)
    right_words: Words = Field(default_factory=Words)
    placeholders: list[str] = Field(default_factory=list)  # template text never filled in (【公司名称】, XXX …)
    # Conditions that make a right unusable (公证, 到店办理), fees, and the words that waive a fee.
    unreasonable_conditions: list[str] = Field(default_factory=list)
    fees: list[str] = Field(default_factory=list)
    free_words: Words = Field(default_factory=Words)
    # How each kind of document names itself in its title or main heading: a page a link promised
    # as one kind that calls itself only another ("交易规则" → 《隐私政策》) is not the promised document.
    titles: dict[str, Words] = Field(default_factory=dict)

    _check_regexes = field_validator("negations", "negations_after", "method_patterns", "placeholders",
                                     "unreasonable_conditions", "fees")(regex_list)


@dataclass(frozen=True)
class Context:
    site: SiteFacts
    registry: RegistryValues = field(default_factory=dict)  # the site's registered_* values
    documents: DocumentWords = field(default_factory=DocumentWords)  # the pack's words for reading documents

    def page(self, kind: str) -> PageSnapshot | None:
        return self.site.snapshot.page(kind)

    def pages(self, kinds: tuple[str, ...] | list[str]) -> list[PageSnapshot]:
        """The pages of these kinds that were rendered (a kind appears once)."""
        return [page for kind in kinds if (page := self.page(kind)) is not None]


P = TypeVar("P", bound=Params)
CheckFunc = Callable[[Context, Any], Verdict]  # takes its own Params subclass: see `check`


@dataclass(frozen=True)
class CheckSpec:
    func: CheckFunc
    params: type[Params]
    codes: dict[str, tuple[str, ...]]


CHECKS: dict[str, CheckSpec] = {}


def check(params: type[P], codes: dict[str, tuple[str, ...]]
          ) -> Callable[[Callable[[Context, P], Verdict]], Callable[[Context, P], Verdict]]:
    """Register a check under its function's name, with the parameters it takes and the codes it may return."""
    def register(func: Callable[[Context, P], Verdict]) -> Callable[[Context, P], Verdict]:
        # Runs once, at import: mutation testing cannot reach it (a broken registry fails every test anyway).
        CHECKS[func.__name__] = CheckSpec(func, params, codes)  # pragma: no mutate
        return func
    return register


def evidence_of(findings: list[Finding], limit: int = 3) -> list[Evidence]:
    seen: list[Evidence] = []
    for f in findings:
        if f.evidence not in seen:
            seen.append(f.evidence)
    return seen[:limit]


def values_of(findings: list[Finding]) -> str:
    return "、".join(dict.fromkeys(f.value for f in findings))


def problems_of(findings: list[Finding]) -> str:
    return "、".join(dict.fromkeys(p for f in findings for p in f.problems))


def words_in(text: str, words: Words | Sequence[str]) -> bool:
    """Any of `words` in `text`, both in matching form (normalised, lower case)."""
    pattern = (words if isinstance(words, Words) else Words(words)).pattern
    return pattern is not None and pattern.search(fold(text)) is not None


def link_evidence(page: PageSnapshot, link: Link) -> Evidence:
    return Evidence(page_url=page.final_url, text=f"{collapse_spaces(link.text)} → {link.url}",
                    region=link.region, bbox=link.bbox)


# --- a number that may be shown only as a picture ------------------------------------


class ImageParams(Params):
    """Which pictures may carry the number when it is not shown as text.

    A picture counts only where it plausibly carries *this* number: it links to this
    number's filing system (`image_hosts`), or its alt text, file name, link or the words
    beside it name the number (`image_words`) and name no other (`image_exclude_words`:
    the police badge beside an ICP number is not the ICP number).
    """

    image_words: Words = Field(default_factory=Words)
    image_exclude_words: Words = Field(default_factory=Words)
    image_hosts: list[str] = Field(default_factory=list)  # link kinds from identifiers.link_kind
    # A valid number read (OCR) from such a picture counts as shown: `image_read` is then a pass,
    # not a review. For packs whose law accepts a picture; the China pack's rules leave it off,
    # since the law asks for the number as text.
    image_reads_count: bool = False


def plausible_images(page: PageSnapshot, params: ImageParams) -> list[int]:
    """The pictures of a page (indices into its images) that may carry the number."""
    return [index for index, image in enumerate(page.images)
            if _plausible(params, f"{image.alt} {image.src} {image.href or ''}", image.context, image.href)]


LICENCE_PICTURE_AREA = 100 * 60  # CSS px²: smaller pictures on a licence page are icons, not licences
LICENCE_PICTURES = 3


def main_images(page: PageSnapshot) -> list[int]:
    """The main pictures of a licence page: the largest in its main content (a scan of each licence)."""
    def area(image: Image) -> float:
        return image.bbox[2] * image.bbox[3]

    large = [i for i, image in enumerate(page.images) if image.region == "main" and area(image) >= LICENCE_PICTURE_AREA]
    return sorted(large, key=lambda i: -area(page.images[i]))[:LICENCE_PICTURES]


# The codes of a check of ImageParams that say no number is shown at all: none as text, and no
# picture that plausibly carries it. The pictures of the page's footer are then read as well.
NOTHING_SHOWN = frozenset({"missing", "no_number"})
FOOTER_PICTURES = 4
FOOTER_PICTURE_MIN = (40.0, 10.0)  # CSS px: narrower or lower, no number fits legibly
SQUARE = 1.25  # up to this ratio of width to height a picture is a QR code, an icon or a logo: no number line


def footer_images(page: PageSnapshot, params: ImageParams) -> list[int]:
    """The pictures of the page's footer that may carry a number no label names (an unlabelled strip).

    Not those that name another number (`image_exclude_words`: the police badge is not the ICP
    number), nor those too small or too square to hold a line of text (QR codes, icons); the
    widest first (number strips are wide), at most FOOTER_PICTURES.
    """
    min_w, min_h = FOOTER_PICTURE_MIN
    fits = [i for i, image in enumerate(page.images)
            if image.region == "footer" and image.bbox[2] >= min_w and image.bbox[3] >= min_h
            and image.bbox[2] > SQUARE * image.bbox[3]
            and not words_in(f"{image.alt} {image.src} {image.href or ''} {image.context}", params.image_exclude_words)]
    return sorted(fits, key=lambda i: -page.images[i].bbox[2])[:FOOTER_PICTURES]


def image_hints(ctx: Context, params: ImageParams, pages: tuple[str, ...] | list[str] = HOME) -> list[Evidence]:
    """Pictures (or links to pictures) that may show the number: a reviewer reads them."""
    hits = []
    for page in ctx.pages(pages):
        for index in plausible_images(page, params):
            image = page.images[index]
            hits.append(Evidence(page_url=page.final_url, text=image.alt or image.context or image.src,
                                 region=image.region, bbox=image.bbox))
        for link in page.links:
            to_picture = link.url.lower().split("?")[0].endswith(IMAGE_EXTENSIONS)
            if to_picture and _plausible(params, link.text, "", None):
                hits.append(Evidence(page_url=page.final_url, text=link.text, region=link.region, bbox=link.bbox))
    return hits


def _plausible(params: ImageParams, own: str, context: str, href: str | None) -> bool:
    if href and link_kind(href) in params.image_hosts:
        return True
    if words_in(own, params.image_exclude_words):
        return False
    if words_in(own, params.image_words):
        return True
    return words_in(context, params.image_words) and not words_in(context, params.image_exclude_words)


def percent(confidence: float) -> str:
    return f"{confidence * 100:.0f}%"


# The codes of a check whose number may be read from a picture (image_verdict), and what each fills.
IMAGE_CODES: dict[str, tuple[str, ...]] = {"image_read": ("value", "confidence"),
                                           "image_misread": ("value", "problems")}


def image_verdict(ctx: Context, params: ImageParams, kinds: Sequence[str],
                  pages: tuple[str, ...] | list[str] = HOME, names: bool = False) -> Verdict | None:
    """A number of `kinds` read (OCR) from a picture on `pages`; None when none was read.

    The law asks for text, so a number read from a picture is for a reviewer (`image_read`,
    with the value and how sure the reader was), or a pass where the rule's parameters say
    pictures count. One that fails validation may be misread (`image_misread`): never a fail.
    `names`: put the entity name read beside it in front (a business licence).
    """
    found = ctx.site.read_from_images(*kinds, pages=tuple(pages))
    valid = [f for f in found if f.status == "valid"]
    if valid:
        sure = min(f.confidence or 0.0 for f in valid)
        value = values_of(valid)
        shown_names = ctx.site.read_from_images("entity_name", pages=tuple(pages)) if names else []
        if shown_names:
            value = f"{shown_names[0].value} {value}"
        outcome = Outcome.PASS if params.image_reads_count else Outcome.NEEDS_REVIEW
        return Verdict(outcome, "image_read", {"value": value, "confidence": percent(sure)},
                       read_evidence(valid + shown_names[:1]))
    if found:
        return Verdict(Outcome.NEEDS_REVIEW, "image_misread", {"value": values_of(found),
                                                                "problems": problems_of(found)}, read_evidence(found))
    return None


def read_evidence(findings: list[Finding], limit: int = 3) -> list[Evidence]:
    """One evidence item per line of a picture: a picture shown on two pages (a licence thumbnail on
    the homepage that opens the licence) is cited where it was first seen."""
    seen: dict[tuple[str | None, object], Evidence] = {}
    for f in findings:
        read = f.evidence.ocr
        seen.setdefault((read.file, read.box) if read else (f.evidence.page_url, f.evidence.bbox), f.evidence)
    return list(seen.values())[:limit]
