"""Chinese disclosure identifiers: find them in visible text and judge their form.

Specification: rulebook §2 (formats, check algorithms, test vectors).  Every check
works on :func:`auditor.normalize.normalize` output, so full-width letters, spaces
inside numbers, entities, traditional characters and 〔〕/【】 brackets are already gone.

Three statuses: ``valid`` (well-formed), ``nonstandard`` (the number is recognisable
but written in a deprecated or wrong way, e.g. the ``-1`` suffix before 号), and
``invalid`` (it cannot be the real identifier: fake province, bad checksum, …).
Problem codes are machine strings that the rules turn into messages.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal, NamedTuple
from urllib.parse import parse_qs, urlsplit

import phonenumbers
from phonenumbers import PhoneNumberType

from auditor.normalize import normalize, normalize_spaced, settled

# The numbers a rule can ask to see displayed, and everything the scanner finds.
NumberKind = Literal["icp_filing", "icp_licence", "telecom_licence", "psb", "uscc", "culture_licence"]
MatchKind = Literal[NumberKind, "phone", "email"]
Status = Literal["valid", "nonstandard", "invalid"]
FormCheck = tuple[Status, tuple[str, ...]]  # how one number is written: its status and problem codes

# --- §2.0 provinces ------------------------------------------------------------------

PROV = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕甘陇青宁新"
PROV_CODE: dict[str, str] = {
    "京": "11", "津": "12", "冀": "13", "晋": "14", "蒙": "15", "辽": "21", "吉": "22", "黑": "23",
    "沪": "31", "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36", "鲁": "37", "豫": "41",
    "鄂": "42", "湘": "43", "粤": "44", "桂": "45", "琼": "46", "渝": "50", "川": "51", "蜀": "51",
    "贵": "52", "黔": "52", "云": "53", "滇": "53", "藏": "54", "陕": "61", "甘": "62", "陇": "62",
    "青": "63", "宁": "64", "新": "65"}
# Full province names in place of the abbreviation ("河南公网安备 33010002000120号", a
# real footer): recognised so the problem is reported as wording, plus any mismatch.
PROV_NAME: dict[str, str] = {
    "北京": "京", "天津": "津", "河北": "冀", "山西": "晋", "内蒙古": "蒙", "辽宁": "辽", "吉林": "吉",
    "黑龙江": "黑", "上海": "沪", "江苏": "苏", "浙江": "浙", "安徽": "皖", "福建": "闽", "江西": "赣",
    "山东": "鲁", "河南": "豫", "湖北": "鄂", "湖南": "湘", "广东": "粤", "广西": "桂", "海南": "琼",
    "重庆": "渝", "四川": "川", "贵州": "贵", "云南": "云", "西藏": "藏", "陕西": "陕", "甘肃": "甘",
    "青海": "青", "宁夏": "宁", "新疆": "新"}

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_SPACE = re.compile(" ")
_IS_CJK = re.compile(f"[{_CJK}]")
# A pinyin gloss injected into a keyword to defeat matching: "粤公(gong)网安备…" (a real
# SEO-spam mirror).  Keywords tolerate it; the match is then at best nonstandard.
_GLOSS = r"(?:\([a-z]{1,8}\))?"
_GLOSS_RE = re.compile(r"\([a-z]{1,8}\)")


class Checked(NamedTuple):
    """A verdict plus the canonical value the scanner reports."""

    status: Status
    problems: tuple[str, ...]
    value: str


@dataclass(frozen=True)
class IdMatch:
    """One identifier found in a text block (offsets refer to ``normalize(text)``)."""

    kind: MatchKind
    value: str
    raw: str
    status: Status
    problems: tuple[str, ...] = ()
    label: str = ""
    start: int = 0
    end: int = 0


def _kw(word: str) -> str:
    """Regex for a Chinese keyword that tolerates pinyin glosses between its characters."""
    return _GLOSS.join(re.escape(c) for c in word)


def _cjk(ch: str) -> bool:
    return bool(ch) and bool(_IS_CJK.fullmatch(ch))


# --- §2.1 ICP filing -----------------------------------------------------------------

_ICP_FILING = re.compile(rf"^(?P<prov>[{PROV}])ICP备(?P<num>\d{{4,12}})号(?:-(?P<seq>[1-9]\d{{0,3}})(?P<kind>[AX]?))?$")
_ICP_MISPLACED = re.compile(rf"^(?P<prov>[{PROV}])ICP备(?P<num>\d{{4,12}})-(?P<seq>[1-9]\d{{0,3}})(?P<kind>[AX]?)号?$")
_ICP_NO_HAO = re.compile(rf"^(?P<prov>[{PROV}])ICP备(?P<num>\d{{4,12}})$")
_ICP_SEQ_ZERO = re.compile(r"号-0|-0+号")


def _unlabel(n: str, word: str) -> str:
    """Drop a colon written between the keyword and the digits ("京ICP证:030173号")."""
    return n.replace(word + ":", word)


def _icp_filing(s: str) -> Checked:
    n = _unlabel(normalize(s), "ICP备")
    if _cjk(n[:1]) and n[0] not in PROV:
        return Checked("invalid", ("fake_province",), n)
    if _ICP_FILING.match(n):
        return Checked("valid", (), n)
    if m := _ICP_MISPLACED.match(n):
        canon = f"{m['prov']}ICP备{m['num']}号-{m['seq']}{m['kind']}"
        return Checked("nonstandard", ("suffix_misplaced",), canon)
    if _ICP_NO_HAO.match(n):
        # The number is identifiable, only the closing 号 is missing.
        return Checked("nonstandard", ("bad_format",), n + "号")
    if _ICP_SEQ_ZERO.search(n):
        return Checked("invalid", ("seq_zero",), n)
    return Checked("invalid", ("bad_format",), n)


def check_icp_filing(s: str) -> FormCheck:
    """Judge one ICP filing number (京ICP备12345678号-1)."""
    return _icp_filing(s)[:2]


# --- §2.2 ICP operating licence ------------------------------------------------------

_ICP_LICENCE = re.compile(rf"^(?P<prov>[{PROV}])ICP证(?P<num>\d{{6}})号$")


def _icp_licence(s: str) -> Checked:
    n = _unlabel(normalize(s), "ICP证")
    if _cjk(n[:1]) and n[0] not in PROV:
        return Checked("invalid", ("fake_province",), n)
    if _ICP_LICENCE.match(n):
        return Checked("valid", (), n)
    # Includes the odd "鄂ICP证:020001-5" (a real footer): six digits plus a dash suffix
    # is no licence number format, so it is invalid rather than guessed at.
    return Checked("invalid", ("bad_format",), n)


def check_icp_licence(s: str) -> FormCheck:
    """Judge one ICP operating licence number (京ICP证030173号)."""
    return _icp_licence(s)[:2]


# --- §2.3 telecom-service licence ----------------------------------------------------

_TELECOM = re.compile(
    rf"^(?P<prov>[{PROV}]|合字)?(?P<cat>[A-D][1-9](?:\.[A-D][1-9])*)-"
    r"(?P<year>(?:19|20)\d{2})(?P<seq>\d{4})(?:-(?P<sub>\d{1,3}))?$")
_FIRST_LICENCE_YEAR = 1998  # the licensing regime starts with MII in 1998 (rulebook §2.3)


def _telecom(s: str, today: date) -> Checked:
    n = normalize(s)
    m = _TELECOM.match(n)
    if m is None:
        fake = _cjk(n[:1]) and not n.startswith("合字") and _TELECOM.match(n[1:])
        return Checked("invalid", ("fake_province" if fake else "bad_format",), n)
    if not _FIRST_LICENCE_YEAR <= int(m["year"]) <= today.year:
        return Checked("invalid", ("year_out_of_range",), n)
    return Checked("valid", (), n)


def check_telecom_licence(s: str, today: date | None = None) -> FormCheck:
    """Judge one value-added telecom licence number (京B2-20090059, A2.B1.B2-20090003)."""
    return _telecom(s, today or date.today())[:2]


# --- §2.4 public-security filing -----------------------------------------------------

_PSB = re.compile(r"^(?P<pre>.*?)(?P<kw>公网安备|公安网备)(?P<hao1>号?):?(?P<num>\d+)(?P<tail>(?:-\d+)*)(?P<hao>号?)$")


def _psb_prefix(pre: str) -> tuple[str | None, str]:
    """(province abbreviation or None, prefix as written) from the text before 公网安备."""
    for length in (3, 2):  # the names are two or three characters long, none the end of another
        abbr = PROV_NAME.get(pre[-length:])
        if abbr is not None:
            return abbr, pre[-length:]
    last = pre[-1:]
    if last and last in PROV:
        return last, last
    return None, last if _cjk(last) else ""


def _psb(s: str) -> Checked:
    n = _GLOSS_RE.sub("", normalize(s))
    m = _PSB.match(n)
    if m is None:
        return Checked("invalid", ("bad_format",), n)
    prov, written = _psb_prefix(m["pre"])
    value = n[len(m["pre"]) - len(written):].replace(":", "")
    num = m["num"]
    if len(num) == 13 and prov is None and written and num[:2] in PROV_CODE.values():
        # Pre-national local record with a city prefix (深公网安备：4403101910665).
        return Checked("nonstandard", ("legacy_psb",), value)
    problems: list[str] = []
    if m["kw"] != "公网安备" or m["hao1"] or m["tail"] or len(num) != 14 or written in PROV_NAME:
        problems.append("bad_format")
    if prov is None:
        problems.append("fake_province" if written else "bad_format")
    elif len(num) >= 2 and PROV_CODE[prov] != num[:2]:
        problems.append("province_mismatch")
    if problems:
        return Checked("invalid", tuple(dict.fromkeys(problems)), value)
    return Checked("valid", (), f"{prov}公网安备{num}号")


def check_psb(s: str) -> FormCheck:
    """Judge one public-security filing number (京公网安备11010802020134号)."""
    return _psb(s)[:2]


# --- §2.5 unified social credit code -------------------------------------------------

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# Own regex instead of stdnum.cn.uscc: python-stdnum requires the first 8 characters to
# be digits and so rejects valid codes of 农业 (N…) and 其他 (Y…) registrars.
_USCC = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def uscc_check_char(s17: str) -> str:
    """GB 32100 check character of the first 17 characters."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(s17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_check_char(s8: str) -> str:
    """GB 11714 check character of an 8-character organisation-code body."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(s8, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def _uscc(s: str) -> Checked:
    n = normalize(s).upper()
    if not _USCC.match(n):
        return Checked("invalid", ("bad_format",), n)
    if uscc_check_char(n[:17]) != n[17]:
        return Checked("invalid", ("checksum",), n)
    if org_check_char(n[8:16]) != n[16]:
        # Not every issuer is known to follow GB 11714 (rulebook §2.5): warn only.
        return Checked("valid", ("org_code_check",), n)
    return Checked("valid", (), n)


def check_uscc(s: str) -> FormCheck:
    """Judge one 统一社会信用代码 (GB 32100 check character, GB 11714 as a warning)."""
    return _uscc(s)[:2]


# --- §2.6 网络文化经营许可证 -----------------------------------------------------------

_CULTURE = re.compile(rf"^(?P<prov>[{PROV}])网文\((?P<year>(?:19|20)\d{{2}})\)(?P<seq>\d{{3,5}})-(?P<sub>\d{{1,4}})号$")
# Licences issued by the Ministry of Culture itself read 文网文〔YYYY〕NNN号 (no holder
# serial); they are historic but still printed on old footers.
_CULTURE_MOC = re.compile(r"^(?P<prov>文)网文\((?P<year>(?:19|20)\d{2})\)(?P<seq>\d{3,5})(?:-(?P<sub>\d{1,4}))?号$")
_CULTURE_YEARS_VALID = 3  # the licence is issued for three years (rulebook §2.6)


def _culture(s: str, today: date) -> Checked:
    n = normalize(s)
    m = _CULTURE.match(n) or _CULTURE_MOC.match(n)
    if m is None:
        fake = _cjk(n[:1]) and n[0] not in PROV + "文" and n[1:3] == "网文"
        return Checked("invalid", ("fake_province" if fake else "bad_format",), n)
    sub = f"-{m['sub']}" if m["sub"] else ""
    value = f"{m['prov']}网文〔{m['year']}〕{m['seq']}{sub}号"
    year = int(m["year"])
    if year > today.year:
        return Checked("invalid", ("year_out_of_range",), value)
    if year < today.year - _CULTURE_YEARS_VALID:
        return Checked("valid", ("maybe_expired",), value)
    return Checked("valid", (), value)


def check_culture_licence(s: str, today: date | None = None) -> FormCheck:
    """Judge one 网络文化经营许可证 number (京网文〔2020〕1234-567号)."""
    return _culture(s, today or date.today())[:2]


# --- a number read from a picture --------------------------------------------------------

# The grammar above accepts what real footers write (short early ICP numbers, 3–5 digit
# culture serials). A number read (OCR) from a picture that lost or doubled a digit may still
# fit it; a read must also have the length the numbers issued now have, or it may be misread.
_USUAL_ICP_DIGITS = (8, 10)  # 05012345 (two-digit year) or 2020031158 (four-digit year)
_USUAL_CULTURE = re.compile(r"〔\d{4}〕(?:\d{4}-\d{3,4}|\d{3})号$")  # 1234-567, or 文网文〔2010〕123号


def usual_form(kind: str, value: str) -> bool:
    """Has this (valid) number the length of the numbers issued now? Others' grammar is already exact."""
    if kind == "icp_filing":
        m = _ICP_FILING.match(value)
        return m is None or len(m["num"]) in _USUAL_ICP_DIGITS
    if kind == "culture_licence":
        return _USUAL_CULTURE.search(value) is not None
    return True


# --- §2.11 phones --------------------------------------------------------------------

# phonenumbers (9.x metadata) validates CN mobiles, landlines and also 400/800 numbers
# (SHARED_COST / TOLL_FREE), so those need no regex of our own; tests pin this.  It
# does not know service short codes (12315, 95188), which take the rulebook regex.
_PHONE_TYPES = {PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE,
                PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST}
# Rulebook shape for landlines, applied together with phonenumbers: a local part must
# not start with 0 or 1, whatever the metadata says.
_LANDLINE = re.compile(r"^(?:0(?:10|2\d)[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7})$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_SERVICE = re.compile(r"^[48]00\d{7}$")
_SHORT = re.compile(r"^(?:1(?:0\d{3,6}|2\d{3})|95\d{3,6}|96\d{3,6})$")
_EXTENSION = re.compile(r"^(?P<base>.+)(?:转|ext\.?|分机|-)(?P<ext>\d{1,6})$", re.IGNORECASE)
PhoneCategory = Literal["mobile", "landline", "service", "short", "foreign"]


_NATIONAL_SHAPES: tuple[tuple[re.Pattern[str], PhoneCategory], ...] = ((_MOBILE, "mobile"), (_SERVICE, "service"))


class _Phone(NamedTuple):
    e164: str
    category: PhoneCategory
    extension: bool


@lru_cache(maxsize=4096)  # a page repeats its numbers (header, footer, contact page); parsing is the costly part
def _lib_valid(number: str, region: str | None = "CN") -> str | None:
    """E.164 if phonenumbers accepts the number as a callable line type, else None."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in _PHONE_TYPES:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return None


def _national(d: str) -> tuple[str, PhoneCategory] | None:
    """A number written without country code, digits only."""
    if d.startswith("0"):
        e164 = _lib_valid(d) if _LANDLINE.match(d) else None
        return (e164, "landline") if e164 else None
    for rx, category in _NATIONAL_SHAPES:
        if rx.match(d):
            e164 = _lib_valid(d)
            return (e164, category) if e164 else None
    if _SHORT.match(d):
        # Short codes are not E.164 numbers; "+86" + code keeps one format for all values.
        return "+86" + d, "short"
    return None


def _plain_phone(s: str) -> tuple[str, PhoneCategory] | None:
    d = re.sub(r"[-()]", "", s)
    if not re.fullmatch(r"\+?\d{3,20}", d):
        return None
    if d.startswith(("+86", "0086")) or re.fullmatch(r"861[3-9]\d{9}", d):
        rest = d.removeprefix("+").removeprefix("00").removeprefix("86")
        e164 = _lib_valid("+86" + rest.removeprefix("0"), None)
        return (e164, "mobile" if _MOBILE.match(rest) else "landline") if e164 else None
    if d.startswith(("+", "00")):
        e164 = _lib_valid("+" + d.lstrip("+").removeprefix("00"), None)
        return (e164, "foreign") if e164 else None
    return _national(d)


def _parse_phone(s: str) -> _Phone | None:
    return _parse_normalized(normalize(s))


def _parse_normalized(n: str) -> _Phone | None:
    """:func:`_parse_phone` of text already normalised (the scanner's pieces)."""
    found = _plain_phone(n)
    if found:
        return _Phone(found[0], found[1], False)
    m = _EXTENSION.match(n)
    found = _plain_phone(m["base"]) if m else None
    return _Phone(found[0], found[1], True) if found else None


def parse_phone(s: str) -> str | None:
    """E.164 form of one phone number (extension dropped), or None if it is not one."""
    phone = _parse_phone(s)
    return phone.e164 if phone else None


# --- §2.12 link targets --------------------------------------------------------------

_LINK_HOSTS: tuple[tuple[str, str], ...] = (
    ("beian.miit.gov.cn", "miit"),
    ("miibeian.gov.cn", "miit_obsolete"),
    ("miitbeian.gov.cn", "miit_obsolete"),
    ("beian.mps.gov.cn", "psb"),
    ("beian.gov.cn", "psb"),  # legacy www.beian.gov.cn record pages
    ("12377.cn", "report_12377"),
    ("12321.cn", "report_12321"),
    ("cyberpolice.mps.gov.cn", "cyberpolice"),
    ("cyberpolice.cn", "cyberpolice"),
    ("12315.cn", "12315"),
    ("zzlz.gsxt.gov.cn", "licence_check"),
    ("beian.cac.gov.cn", "cac_algo"),
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def _split(url: str) -> tuple[str, str, str] | None:
    """(host, query, fragment) of an http(s), protocol-relative or scheme-less URL."""
    url = url.strip().replace("\\", "/")
    scheme = _SCHEME.match(url)
    if not url.startswith("//") and not (scheme and url[scheme.end():].startswith("//")):
        if scheme and "." not in scheme.group(0):
            return None  # javascript:, mailto:, tel:
        url = "//" + url  # "beian.miit.gov.cn/…" typed without a scheme
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:  # e.g. an invalid IPv6 literal or port
        return None
    if parts.scheme not in ("", "http", "https") or not host:
        return None
    return host, parts.query, parts.fragment


def _host_is(host: str, base: str) -> bool:
    """Exact host or a real subdomain; "evil-beian.miit.gov.cn.attacker.com" is neither."""
    return host == base or host.endswith("." + base)


def link_kind(url: str) -> str | None:
    """Which government or reporting service a link target belongs to, if any."""
    split = _split(url)
    if split is None:
        return None
    for base, kind in _LINK_HOSTS:
        if _host_is(split[0], base):
            return kind
    return None


def _param(query: str, name: str) -> str | None:
    for key, values in parse_qs(query).items():
        if key.lower() == name and values and values[0].strip().isdigit():
            return values[0].strip()
    return None


def psb_link_code(url: str) -> str | None:
    """Record code in a public-security link, to compare with the displayed number."""
    split = _split(url)
    if split is None:
        return None
    host, query, fragment = split
    if _host_is(host, "beian.mps.gov.cn"):  # https://beian.mps.gov.cn/#/query/webSearch?code=N
        return _param(fragment.partition("?")[2], "code") or _param(query, "code")
    if _host_is(host, "beian.gov.cn"):  # …/portal/registerSystemInfo?recordcode=N
        return _param(query, "recordcode")
    return None


# --- scanner -------------------------------------------------------------------------


@dataclass(frozen=True)
class _View:
    """The two normalised forms of one text block and the offset map between them.

    ``norm`` has no whitespace (what every filing pattern wants); ``spaced`` keeps word
    boundaries (phones, e-mails, credit codes). ``spaces`` holds where ``spaced`` has its
    spaces: the ``norm`` index of ``spaced[i]`` is ``i`` less the spaces before it (a list
    of the spaces, not a table of every character: building that cost a Python step a
    character, issue 13).
    """

    norm: str
    spaced: str
    spaces: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _View:
        spaced = normalize_spaced(text)
        joined = spaced.replace(" ", "")
        # A pass of normalize() does what a pass of normalize_spaced() does and drops the spaces,
        # so the two agree unless something forms across a removed space (an entity, a combining
        # mark, "icp"): then `joined` is not settled, and normalize() is run (a property test).
        norm = joined if settled(joined) else normalize(text)
        if joined != norm:  # entity split by a space: lose boundaries
            spaced = norm
        return cls(norm, spaced, tuple(m.start() for m in _SPACE.finditer(spaced)))

    def _norm_index(self, i: int) -> int:
        return i - bisect_left(self.spaces, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """``norm`` span of a ``spaced`` span that neither starts nor ends with a space."""
        return self._norm_index(start), self._norm_index(end - 1) + 1


class _Found:
    """The matches of one block so far, in text order: overlaps and "the match just before" in log time.

    A list searched for every new match made a block holding thousands of numbers cost
    quadratic time (issue 13). Matches never overlap, so ordered by start they are
    ordered by end as well, and only the two neighbours of a span can overlap it.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._matches: list[IdMatch] = []

    def __iter__(self) -> Iterator[IdMatch]:
        return iter(self._matches)

    def __len__(self) -> int:
        return len(self._matches)

    def add(self, match: IdMatch) -> None:
        at = bisect_right(self._starts, match.start)
        self._starts.insert(at, match.start)
        self._matches.insert(at, match)

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect_right(self._starts, start)
        return (at > 0 and self._matches[at - 1].end > start) or (at < len(self._starts) and self._starts[at] < end)

    def covers(self, start: int, end: int) -> bool:
        """One match spans all of start…end."""
        at = bisect_right(self._starts, start) - 1
        return at >= 0 and self._matches[at].end >= end

    def before(self, start: int) -> IdMatch | None:
        """The match that ends last at or before `start`, if any."""
        at = bisect_right(self._starts, start) - 1
        if at >= 0 and self._matches[at].end > start:  # it covers `start`: the one before it ends earlier
            at -= 1
        return self._matches[at] if at >= 0 else None


Finder = Callable[[_View, date, _Found], Iterator[IdMatch]]


def _match(kind: MatchKind, checked: Checked, view: _View, start: int, end: int, label: str = "") -> IdMatch:
    raw = view.norm[start:end]
    status, problems = checked.status, checked.problems
    if _GLOSS_RE.search(raw):  # obfuscated keyword: the number is there, the wording is not
        status = "nonstandard" if status == "valid" else status
        problems = tuple(dict.fromkeys((*problems, "bad_format")))
    return IdMatch(kind, checked.value, raw, status, problems, label, start, end)


def _with_prefix(view: _View, start: int) -> int:
    """Extend a keyword match left over the one CJK character that should be a province."""
    return start - 1 if start > 0 and _cjk(view.norm[start - 1]) else start


_FIND_ICP_FILING = re.compile(
    "ICP" + _GLOSS + "备" + _GLOSS + r":?\d+"
    r"(?:号(?:-\d{1,4}(?!\d)(?:[AX](?![A-Za-z]))?)?|-\d{1,4}(?!\d)(?:[AX](?![A-Za-z]))?号?)?")
_FIND_ICP_LICENCE = re.compile("ICP" + _GLOSS + "证" + _GLOSS + r":?\d(?:[\d-]*\d)?号?")
_FIND_CULTURE = re.compile(_kw("网文") + r":?\(?\d{4}\)?-?[\d*]{1,6}(?:-[\d*]{1,6})?号?")
_FIND_PSB = re.compile(f"(?:{_kw('公网安备')}|{_kw('公安网备')})" + r"号?:?\d+(?:-\d+)*号?")


def _find_icp_filing(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    for m in _FIND_ICP_FILING.finditer(view.norm):
        start = _with_prefix(view, m.start())
        yield _match("icp_filing", _icp_filing(_GLOSS_RE.sub("", view.norm[start:m.end()])), view, start, m.end())


def _find_icp_licence(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    for m in _FIND_ICP_LICENCE.finditer(view.norm):
        start = _with_prefix(view, m.start())
        yield _match("icp_licence", _icp_licence(_GLOSS_RE.sub("", view.norm[start:m.end()])), view, start, m.end())


def _find_culture(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    for m in _FIND_CULTURE.finditer(view.norm):
        start = _with_prefix(view, m.start())
        checked = _culture(_GLOSS_RE.sub("", view.norm[start:m.end()]), today)
        yield _match("culture_licence", checked, view, start, m.end())


def _find_psb(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    for m in _FIND_PSB.finditer(view.norm):
        written = _psb_prefix(view.norm[max(0, m.start() - 3):m.start()])[1]
        start = m.start() - len(written)
        yield _match("psb", _psb(view.norm[start:m.end()]), view, start, m.end())


# Loose on purpose: masked ("浙B2-200***24-1") or mis-categorised numbers are reported as
# invalid when they carry a province prefix or a licence label; others must be valid.
_FIND_TELECOM = re.compile(
    rf"(?<![0-9A-Za-z._\-])(?:(?P<prov>[{PROV}]|合字) ?)?"
    r"[A-Z][0-9](?:\.[A-Z][0-9])*-[\d*]{4,12}(?:-\d{1,3})?(?![0-9A-Za-z*])")
_TELECOM_LABELS = ("许可证", "ICP证", "ICP号", "经营许可", "电信")


def _before(view: _View, start: int, width: int = 14) -> str:
    return view.norm[max(0, start - width):start].lower()


def _find_telecom(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    for m in _FIND_TELECOM.finditer(view.spaced):
        start, end = view.span(m.start(), m.end())
        checked = _telecom(view.norm[start:end], today)
        labelled = any(word.lower() in _before(view, start) for word in _TELECOM_LABELS)
        if checked.status == "valid" or m["prov"] or labelled:
            yield _match("telecom_licence", checked, view, start, end)


_FIND_USCC = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{16,20}(?![0-9A-Za-z])")
_USCC_LABELS = ("信用代码", "纳税人识别号", "税号", "营业执照", "uscc", "creditcode")
_USCC_DEPARTMENTS = "123456789ANY"  # GB 32100 annex: registering departments


def _plausible_uscc(checked: Checked) -> bool:
    """Unlabelled 18-character tokens are many (order ids, hashes): demand a full pass."""
    v = checked.value
    area_ok = v[2:4] in PROV_CODE.values() or v[2:4] == "10"
    return checked.status == "valid" and not checked.problems and v[0] in _USCC_DEPARTMENTS and area_ok


# Written in groups for legibility ("9133 0110 MA2H 7K3C 6K"): 18 characters once joined.
_FIND_USCC_GROUPED = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{2,6}(?: [0-9A-Za-z]{2,6}){2,8}(?![0-9A-Za-z])")


def _find_uscc(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    for m in _FIND_USCC.finditer(view.spaced):
        start, end = view.span(m.start(), m.end())
        checked = _uscc(m.group(0))
        labelled = any(word in _before(view, start) for word in _USCC_LABELS)
        if labelled or (len(m.group(0)) == 18 and _plausible_uscc(checked)):
            yield _match("uscc", checked, view, start, end)
    for m in _FIND_USCC_GROUPED.finditer(view.spaced):
        for lo, hi in _groups_of_18(m.group(0)):
            start, end = view.span(m.start() + lo, m.start() + hi)
            checked = _uscc(m.group(0)[lo:hi])
            labelled = any(word in _before(view, start) for word in _USCC_LABELS)
            # Labelled, a code of the right shape counts even with a wrong check character (reported invalid).
            if (labelled and checked.problems in ((), ("org_code_check",), ("checksum",))) or _plausible_uscc(checked):
                yield _match("uscc", checked, view, start, end)
                break


def _groups_of_18(run: str) -> Iterator[tuple[int, int]]:
    """Spans of consecutive space-separated groups of `run` that join to 18 characters (a run holds ≤ 9)."""
    starts = [0] + [i + 1 for i, c in enumerate(run) if c == " "]
    for first, lo in enumerate(starts):
        length = 0
        for hi_index in range(first, len(starts)):
            end = starts[hi_index + 1] - 1 if hi_index + 1 < len(starts) else len(run)
            length += end - starts[hi_index]
            if length >= 18:
                if length == 18 and hi_index - first >= 2:
                    yield lo, end
                break


_FIND_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9-])")


def _find_email(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    for m in _FIND_EMAIL.finditer(view.spaced):
        start, end = view.span(m.start(), m.end())
        raw = view.norm[start:end]
        label = re.sub(r"(?i)mailto$", "", _label(view, start, found))  # visible "mailto:" is no label
        yield IdMatch("email", raw.lower(), raw, "valid", (), label, start, end)
    yield from _find_email_written_around(view, found)


# An address written so that robots do not read it: "tousu#shop.cn（请将#替换为@）", "kf(at)shop.cn".
_FIND_EMAIL_AROUND = re.compile(
    r"(?<![A-Za-z0-9._%+-])(?P<user>[A-Za-z0-9][A-Za-z0-9._%+-]*)(?:#|\(at\)|\[at\])"
    r"(?P<domain>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24})"
    r"(?![A-Za-z0-9-])", re.IGNORECASE)
_EMAIL_LABELS = ("邮箱", "邮件", "email", "e-mail", "mail")
_AT_HINT = re.compile(r"(?:替换|换成|改为|改成|代替)[^@]{0,3}@|@[^#]{0,3}(?:替换|代替)")


def _find_email_written_around(view: _View, found: _Found) -> Iterator[IdMatch]:
    hinted = bool(_AT_HINT.search(view.norm))
    for m in _FIND_EMAIL_AROUND.finditer(view.norm):
        label = _label(view, m.start(), found)
        if hinted or any(word in label.lower() for word in _EMAIL_LABELS):
            value = f"{m['user']}@{m['domain']}".lower()
            yield IdMatch("email", value, m.group(0), "valid", (), label, m.start(), m.end())


# Characters that end a label when reading backwards from a number.
_LABEL_STOP = set("|/\\,;.。，；、!！?？()<>《》\"'“”‘’·•:©")
_LABEL_MAX = 12
# Separators between two numbers that share one label ("热线:400-… 0931-…", "…/…").
_SHARED_LABEL_GAP = re.compile(r"^[/、,，;；|或及和]*$")


def _label(view: _View, start: int, found: _Found) -> str:
    """The words right before a number, back to punctuation, a digit or another match."""
    prev = found.before(start)
    floor = prev.end if prev is not None else 0
    if prev is not None and prev.kind == "phone" and _SHARED_LABEL_GAP.match(view.norm[prev.end:start]):
        return prev.label
    i = start
    while i > floor and view.norm[i - 1] in ":-=":
        i -= 1
    j = i
    while j > max(floor, i - _LABEL_MAX) and not view.norm[j - 1].isdigit() and (
            view.norm[j - 1] not in _LABEL_STOP or _joins_words(view.norm, j - 1, floor)):
        j -= 1
    return view.norm[j:i]


def _joins_words(text: str, at: int, floor: int) -> bool:
    """A slash between two words of one label ("电话/微信"), not between two numbers."""
    return text[at] == "/" and at - 1 >= floor and at + 1 < len(text) and _cjk(text[at - 1]) and _cjk(text[at + 1])


# Digit runs that follow these words are not phones (QQ numbers, order ids, site codes…).
_NOT_PHONE = ("qq", "q群", "群号", "微信", "wechat", "订单", "单号", "isbn", "issn", "标识码", "编号", "邮编",
              "邮政编码", "许可证", "备案", "证号", "代码", "账号", "帐号", "uin", "icp", "书号", "注册号", "身份证")
# Words that make a number a phone even when its shape alone would not (short codes).
_IS_PHONE = ("电话", "热线", "客服", "举报", "投诉", "传真", "手机", "咨询", "服务", "致电", "拨打", "联系方式",
             "tel", "fax", "phone", "hotline", "mobile")
# Not inside a word, URL or e-mail; but "021-34770013/021-34770014" is two numbers, so a
# slash after a digit may start one. Digits may be grouped by a space or a dash with or
# without spaces around it ("010 - 6487 0663").
_FIND_PHONE = re.compile(
    r"(?<![0-9A-Za-z_@.=&?#%+\-])(?<![^0-9]/)"
    r"(?:(?:\+|00)86[ -]?|\(\+?86\)[ -]?)?(?:\(0\d{2,3}\)[ -]?)?\d(?:(?: ?- ?| )?\d)*"
    r"(?:(?:转|ext\.?|分机)[ -]?\d{1,6})?(?![0-9A-Za-z@])",
    re.IGNORECASE)
_MIN_REPORTED_DIGITS = 7  # a labelled digit run this long that fails is reported invalid
_MIN_PHONE_DIGITS = 5  # the shortest that parses: short codes (10086, 95588); _MIN_REPORTED_DIGITS is more
_ENOUGH_DIGITS = re.compile(rf"(?:\D*+\d){{{_MIN_PHONE_DIGITS}}}")  # possessive: linear, no backtracking
_MAX_PHONE_DIGITS = 26  # 20 of a number (country code included) and 6 of an extension: no more can parse


# How a number's digits can begin (a + or a bracket aside): landline or international 0,
# short codes 10…/12…/95…/96…, mobiles 13…–19…, service 400/800, 86 as country code.
_PHONE_START = re.compile(r"0|1[02-9]|40|8[06]|9[56]")
# Digit runs and pieces of them tried per block: a real block holds a few numbers, each
# found at its first try; a page writing thousands of digit groups gets no more (issue 13).
_PHONE_TRIES = 160


def _may_start_phone(text: str) -> bool:
    """Whether a number can begin where ``text`` begins: a + or a bracket, or its first two digits."""
    return text[:1] in ("+", "(") or _PHONE_START.match("".join(filter(str.isdigit, text))[:2]) is not None


def _one_piece(text: str, tries: list[int]) -> _Phone | None:
    """What _phone_pieces' loop does with a candidate of one group: one try, and one parse if a number may start.

    Its caller (_find_phone) has a try left when it asks.
    """
    tries[0] -= 1
    if not _may_start_phone(text):
        return None
    tries[0] -= 1
    return _parse_normalized(text)


def _phone_pieces(text: str, tries: list[int]) -> Iterator[tuple[int, int, _Phone | None]]:
    """Split a candidate at spaces into the longest valid numbers, left to right.

    "400-6622-891 0931-7701962" is two numbers; "+86 138 0013 8000" is one.
    Yields (start, end, phone) offsets within ``text``; phone None for the whole
    candidate when no part of it is a number. ``text`` is normalised (spaces kept).

    Linear, not cubic as once (issue 13): a piece is tried only from a space where a
    number can begin, only up to _MAX_PHONE_DIGITS digits (no longer one can parse), and
    ``tries`` (what the block has left) bounds the groups looked at and the pieces parsed;
    the groups beyond them are never split off.
    """
    if " " not in text:  # one piece (most candidates, "62-100" on every line of a shop): no cuts to make
        yield 0, len(text), _one_piece(text, tries)
        return
    groups = text.split(" ", tries[0] + _MAX_PHONE_DIGITS)
    cuts, ends, digits_at_end = [], [], []
    pos = digits = 0
    for group in groups:
        cuts.append(pos)
        pos += len(group)
        ends.append(pos)
        pos += 1
        digits += sum(map(str.isdigit, group))
        digits_at_end.append(digits)
    i, any_found = 0, False
    while i < len(cuts) and tries[0] > 0:
        tries[0] -= 1
        first = digits_at_end[i - 1] if i else 0
        if _may_start_phone("".join(groups[i:i + 3])):
            last = bisect_right(digits_at_end, first + _MAX_PHONE_DIGITS) - 1
            for j in range(min(last, len(cuts) - 1), i - 1, -1):
                tries[0] -= 1
                phone = _parse_normalized(text[cuts[i]:ends[j]].replace(" ", ""))
                if phone:
                    yield cuts[i], ends[j], phone
                    any_found, i = True, j
                    break
                if tries[0] <= 0:
                    break
        i += 1
    if not any_found:
        yield 0, len(text), None


def _find_phone(view: _View, today: date, found: _Found) -> Iterator[IdMatch]:
    tries = [_PHONE_TRIES]
    for m in _FIND_PHONE.finditer(view.spaced):
        tries[0] -= 1
        if tries[0] <= 0:
            return
        text = m.group(0)
        digits = sum(map(str.isdigit, text)) if len(text) >= _MIN_PHONE_DIGITS else 0
        if digits < _MIN_PHONE_DIGITS:
            continue  # no number is this short ("©2024", "1号"), and too short to report as invalid
        if found.covers(*view.span(m.start(), m.end())):
            continue  # digits of a number found before (a licence, a filing number)
        for lo, hi, phone in _phone_pieces(text, tries):
            if phone is None and digits < _MIN_REPORTED_DIGITS:
                continue  # no number, and too short to be reported as a wrong one whatever its label
            start, end = view.span(m.start() + lo, m.start() + hi)
            if found.overlaps(start, end):
                continue
            label = _label(view, start, found)
            match = _phone_match(view, start, end, label, phone)
            if match:
                yield match


def _last_end(text: str, words: tuple[str, ...]) -> int:
    return max((text.rfind(w) + len(w) for w in words if w in text), default=-1)


def _label_says(label: str) -> bool | None:
    """Whether a label calls the number a phone (True), something else (False), or says nothing (None).

    The word nearest the number decides ("客服QQ" is a QQ number); each of the words a slash joins
    labels it ("电话/微信": a phone, which is also a WeChat id).
    """
    said = None
    for part in label.lower().split("/"):
        phone, other = _last_end(part, _IS_PHONE), _last_end(part, _NOT_PHONE)
        if phone > other:
            return True
        if other > phone:
            said = False
    return said


def _phone_match(view: _View, start: int, end: int, label: str, phone: _Phone | None) -> IdMatch | None:
    says = _label_says(label)
    if says is False:
        return None
    labelled = bool(says)
    raw = view.norm[start:end]
    if phone is None:
        digits = re.sub(r"\D", "", raw)
        if labelled and len(digits) >= _MIN_REPORTED_DIGITS:
            return IdMatch("phone", digits, raw, "invalid", ("bad_format",), label, start, end)
        return None
    if phone.category == "short" and not labelled:
        return None
    problems = ("extension",) if phone.extension else ()
    return IdMatch("phone", phone.e164, raw, "valid", problems, label, start, end)


# Order matters: a later finder skips spans an earlier one took (licence digits are not
# phones; the B2 number inside "沪ICP证：沪B2-…" is a telecom licence, not an ICP licence).
_FINDERS: tuple[Finder, ...] = (
    _find_culture, _find_icp_licence, _find_icp_filing, _find_psb, _find_telecom, _find_uscc,
    _find_email, _find_phone)

_ALNUM_16 = re.compile(r"[0-9A-Za-z]{16}")


def _could_be_email(norm: str) -> bool:
    # "@", or written around it: "#", "(at)" ("[at]" is "(at)" once normalised)
    return "@" in norm or "#" in norm or "(at)" in norm.lower()


# What a finder's pattern cannot match without, on the block's normal form: most blocks of a
# page are body text holding none of it, and asking each finder anyway was a third of reading
# a block (issue 17). A hint is a necessary condition of its finder's pattern, never more: a
# test reads every text of the field set and the real footers both ways (test_reading_hints.py).
_HINTS: dict[Finder, Callable[[str], bool]] = {
    _find_culture: lambda norm: "网" in norm,  # 网文, a pinyin gloss allowed after 网
    _find_icp_licence: lambda norm: "ICP" in norm,  # normalize() writes icp, Icp … as ICP
    _find_icp_filing: lambda norm: "ICP" in norm,
    _find_psb: lambda norm: "公" in norm,  # 公网安备 or 公安网备
    _find_telecom: lambda norm: "-" in norm,  # B2-20090059
    _find_uscc: lambda norm: _ALNUM_16.search(norm) is not None,  # 16–20 characters, grouped or not
    _find_email: _could_be_email,
    # A candidate's digits are _FIND_PHONE's \d; fewer than a number's in the whole block (most body
    # text: a date, a price) and none could be one. A match, not a count: it stops at the fifth.
    _find_phone: lambda norm: _ENOUGH_DIGITS.match(norm) is not None,
}


# A block of visible text (a paragraph, a footer line) shows a handful of numbers; one that
# shows more than this is made to cost us time (issue 13), and the rest of it is not read.
MAX_MATCHES = 64


def scan(text: str, today: date | None = None) -> list[IdMatch]:
    """Find every identifier in one block of visible text (any raw text; normalises it itself)."""
    return scan_normalized(text, today)[0]


def scan_normalized(text: str, today: date | None = None) -> tuple[list[IdMatch], str]:
    """scan(), and the text's normal form (``normalize(text)``), which the scan has made anyway:
    a reader of the same text's wording need not normalise it a second time."""
    view = _View.of(text)
    return _scan_view(view, today or date.today()), view.norm


def _scan_view(view: _View, day: date, hints: bool = True) -> list[IdMatch]:
    """Every finder's matches in order (`hints` False: each finder asked, whatever its hint says)."""
    found = _Found()
    for finder in _FINDERS:
        hint = _HINTS.get(finder)
        if hints and hint is not None and not hint(view.norm):
            continue
        # Finders are generators: each match is added before the next is produced, so
        # phone labels can see the phone just before them.
        for match in finder(view, day, found):
            if not found.overlaps(match.start, match.end):
                found.add(match)
            if len(found) >= MAX_MATCHES:
                return list(found)
    return list(found)
