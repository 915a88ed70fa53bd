"""Text normalisation for disclosure matching.

Real footers write the same number in many ways: full-width letters, HTML entities,
traditional characters, 〔〕 or 【】 brackets, ideographic or non-breaking spaces inside
the number ("浙 ICP 备 17005035 号 -1").  Every regular expression in the project runs
on :func:`normalize` output so that it only has to know one spelling.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from importlib import resources
from typing import Concatenate, ParamSpec, TypeVar

# Traditional → simplified, one character each: the words of disclosures (filing labels,
# province abbreviations, contact and policy wording) spelled out here, and every other
# character from OpenCC's character table (its TSCharacters dictionary), so that a
# traditional-script footer names the same company as a simplified licence page
# (深圳港灣優選貿易 = 深圳港湾优选贸易). OpenCC's phrase conversion is not used: it is slow in
# pure Python and can change a word's meaning, while matching needs one form per character.
# No value is also a key, so applying the table twice changes nothing (idempotence).
TRAD_TO_SIMP: dict[str, str] = {
    # filing numbers and licences
    "備": "备", "號": "号", "證": "证", "網": "网", "許": "许", "業": "业", "電": "电",
    "營": "营", "務": "务", "經": "经", "執": "执", "權": "权", "審": "审",
    "總": "总", "廣": "广", "視": "视", "聽": "听", "節": "节", "書": "书", "編": "编",
    "碼": "码", "統": "统", "會": "会", "識": "识", "標": "标", "資": "资", "訊": "讯",
    "監": "监", "體": "体", "稱": "称", "單": "单", "辦": "办", "場": "场", "廳": "厅",
    "發": "发", "開": "开", "註": "注", "冊": "册", "國": "国", "門": "门", "戶": "户",
    # province abbreviations with a traditional form
    "粵": "粤", "滬": "沪", "貴": "贵", "遼": "辽", "魯": "鲁", "閩": "闽", "贛": "赣",
    "陝": "陕", "隴": "陇", "雲": "云", "蘇": "苏", "寧": "宁", "瓊": "琼", "晉": "晋",
    # contact, complaint and policy wording
    "話": "话", "傳": "传", "舉": "举", "報": "报", "協": "协", "議": "议", "隱": "隐",
    "規": "规", "則": "则", "聯": "联", "繫": "系", "係": "系", "絡": "络", "熱": "热",
    "線": "线", "違": "违", "關": "关", "於": "于", "們": "们", "郵": "邮", "護": "护",
    "個": "个", "條": "条", "聲": "声", "責": "责", "負": "负", "問": "问", "題": "题",
    "幫": "帮", "時": "时", "間": "间", "區": "区", "東": "东", "創": "创", "夢": "梦",
    "與": "与", "為": "为", "應": "应", "點": "点", "擊": "击", "園": "园", "頁": "页",
    "簡": "简", "僅": "仅", "員": "员", "處": "处", "訴": "诉", "詢": "询", "諮": "咨",
    # personal-information wording of privacy policies (data items, retention, rights)
    "機": "机", "設": "设", "錄": "录", "瀏": "浏", "覽": "览", "訂": "订", "銀": "银", "貨": "货",
    "頭": "头", "別": "别", "齡": "龄", "歷": "历", "記": "记", "購": "购", "買": "买", "賬": "账",
    "暱": "昵", "閱": "阅", "製": "制", "複": "复", "刪": "删", "銷": "销", "儲": "储",
    "託": "托", "種": "种", "類": "类", "據": "据", "紀": "纪", "轉": "转", "補": "补",
}

# Opening/closing bracket forms seen in licence numbers (京网文〔2020〕…, 粤网文【2016】…,
# （京）-经营性-…).  Mapping them all to ASCII means the patterns only know "(" and ")".
_OPEN = "【〔［[（〖﹝"
_CLOSE = "】〕］]）〗﹞"
# Dash look-alikes: hyphen, non-breaking hyphen, figure dash, en/em dash, horizontal bar,
# full-width and small hyphen-minus, minus sign.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\uff0d\ufe63\u2212"
# Colon look-alikes that NFKC leaves alone (ratio sign, modifier colon, vertical colon).
_COLONS = "\u2236\ua789\ufe13\uff1a\ufe55"
# Invisible characters that are not \s but still split numbers in copied text.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"



def _opencc_characters() -> dict[str, str]:
    """OpenCC's traditional → simplified characters, first choice of each, chains resolved (薴→苧→苎)."""
    text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    first = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            first[source] = target
    resolved = {}
    for source, target in first.items():
        seen = {source}
        while target in first and target not in seen:
            seen.add(target)
            target = first[target]
        resolved[source] = target
    return {k: v for k, v in resolved.items() if v not in resolved}


_CHARACTERS = {**_opencc_characters(), **TRAD_TO_SIMP}
_TABLE: dict[int, str | None] = {ord(k): v for k, v in _CHARACTERS.items()}
_TABLE.update({ord(c): "(" for c in _OPEN})
_TABLE.update({ord(c): ")" for c in _CLOSE})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({ord(c): ":" for c in _COLONS})
_TABLE.update({ord(c): None for c in _INVISIBLE})

# A set, not a regex character class: with four thousand characters in the class, re's search
# cost 0.5 µs a character and was most of a batch's normalising time; a set look-up costs 5 ns.
_IN_TABLE = frozenset(chr(c) for c in _TABLE)
_WS = re.compile(r"\s+")
# Explicit ASCII classes: re.IGNORECASE would also fold the dotless ı into "i".
_ICP = re.compile(r"[iI][cC][pP]")


def _clean(text: str, space: str) -> str:
    """One pass of the pipeline; whitespace runs become ``space`` ("" or " ")."""
    text = html.unescape(text)  # &#20140; → 京, &nbsp; → U+00A0 (removed below)
    text = unicodedata.normalize("NFKC", text)  # ＩＣＰ → ICP, （ → (, U+3000 → space
    if not _IN_TABLE.isdisjoint(text):  # translate() is a dict look-up a character: only when there is work
        text = text.translate(_TABLE)
    text = _ICP.sub("ICP", text)
    return _WS.sub(space, text)


_MAX_PASSES = 6  # real text settles in two or three; more means entities nested on purpose


# "icp" in any case but the canonical one: a pass over text holding it would change it.
_ICP_UNSETTLED = re.compile(r"(?!ICP)[iI][cC][pP]")


def settled(text: str) -> bool:
    """Would another pass leave this output of :func:`_clean` as it is? (Spares the pass that proves it.)

    Without "&" no entity is left to unescape; NFKC-normal text stays so; the table maps
    nothing to a key of its own; whitespace is already collapsed. Only "icp" joined
    across a removed space would still change.
    """
    return "&" not in text and unicodedata.is_normalized("NFKC", text) and not _ICP_UNSETTLED.search(text)


def _fixpoint(text: str, space: str) -> str:
    """Repeat :func:`_clean` until nothing changes.

    A single pass is not idempotent: "&amp;lt;" unescapes one level per pass, removing
    spaces can join "&am p;" into an entity, and NFKC can turn "¨" into a space plus a
    combining mark that composes once the space is gone.

    Every pass reads the whole text, so the passes are bounded (issue 13: "&amp;amp;amp;…"
    a hundred thousand levels deep would cost quadratic time). Text still changing after
    them loses its ampersands, after which no entity can form again: two or three more
    passes reach the fixpoint, so ``normalize`` stays idempotent.
    """
    for _ in range(_MAX_PASSES):
        nxt = _clean(text, space)
        if nxt == text or settled(nxt):
            return nxt
        text = nxt
    for _ in range(_MAX_PASSES):  # NFKC may make "&" of "＆": strip after each pass
        nxt = _clean(text, space).replace("&", "")
        if nxt == text:
            break
        text = nxt
    return text


def normalize(text: str) -> str:
    """The canonical matching form: no whitespace, ASCII brackets/dashes/colons, simplified.

    Idempotent and total: any ``str`` is accepted, and ``normalize(normalize(x)) ==
    normalize(x)``.
    """
    return _fixpoint(text, "")


def normalize_spaced(text: str) -> str:
    """Like :func:`normalize`, but whitespace runs are kept as one space (and stripped).

    Phones, e-mails and credit codes need word boundaries ("400-6622-891 0931-7701962"
    are two numbers); removing the spaces of this form gives :func:`normalize` output
    in all but pathological entity cases, which callers must check.
    """
    return _fixpoint(text, " ").strip(" ")


def collapse_spaces(text: str) -> str:
    """NFKC with whitespace runs as one space, stripped: for display text and word search."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate({ord(c): None for c in _INVISIBLE})
    return _WS.sub(" ", text).strip()


P = ParamSpec("P")
R = TypeVar("R")
MAX_CACHED_TEXT = 8_000  # characters: longer texts are computed each time


TextFunction = Callable[Concatenate[str, P], R]


def cached_for_short_texts(maxsize: int) -> Callable[[TextFunction[P, R]], TextFunction[P, R]]:
    """Cache a pure function of a text (and hashable extras) for texts up to MAX_CACHED_TEXT characters.

    A site's header and footer repeat on every page, and link labels on every kind asked about
    them: reading each text once is most of what caching saves. A cache holds its keys, so a
    hostile page's megabyte texts are computed every time instead of kept.
    """
    def wrap(func: TextFunction[P, R]) -> TextFunction[P, R]:
        cached = lru_cache(maxsize=maxsize)(func)

        @wraps(func)
        def call(text: str, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if len(text) <= MAX_CACHED_TEXT:
                return cached(text, *args, **kwargs)  # type: ignore[arg-type]
            return func(text, *args, **kwargs)
        return call
    return wrap
