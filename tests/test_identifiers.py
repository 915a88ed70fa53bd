"""Identifier validators and the text scanner (rulebook §2, real footers in shared/realweb)."""

from __future__ import annotations

from datetime import date

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.identifiers import (
    PROV,
    PROV_CODE,
    USCC_ALPHABET,
    IdMatch,
    check_culture_licence,
    check_icp_filing,
    check_icp_licence,
    check_psb,
    check_telecom_licence,
    check_uscc,
    link_kind,
    parse_phone,
    psb_link_code,
    scan,
    uscc_check_char,
)

TODAY = date(2026, 11, 25)


def found(text: str, kind: str | None = None) -> list[IdMatch]:
    return [m for m in scan(text, today=TODAY) if kind is None or m.kind == kind]


def one(text: str, kind: str) -> IdMatch:
    matches = found(text, kind)
    assert len(matches) == 1, matches
    return matches[0]


# --- §2.0 provinces ------------------------------------------------------------------


def test_province_table_matches_rulebook() -> None:
    assert len(PROV) == 35 and set(PROV) == set(PROV_CODE)
    assert PROV_CODE["京"] == "11" and PROV_CODE["粤"] == "44" and PROV_CODE["新"] == "65"
    # Paired old/new abbreviations share a code.
    assert PROV_CODE["川"] == PROV_CODE["蜀"] == "51"
    assert PROV_CODE["贵"] == PROV_CODE["黔"] == "52"
    assert PROV_CODE["云"] == PROV_CODE["滇"] == "53"
    assert PROV_CODE["甘"] == PROV_CODE["陇"] == "62"
    assert "秦" not in PROV


@pytest.mark.parametrize("prov", list(PROV))
def test_every_province_makes_a_valid_filing(prov: str) -> None:
    assert check_icp_filing(f"{prov}ICP备12345678号-1") == ("valid", ())


# --- §2.1 ICP filing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["京ICP备12345678号-1", "京ICP备12345678号", "粤ICP备2023012345号-3A", "黔ICP备2025044274号-1X",
     "陇ICP备2021003158号-1", "京ICP备 05000001号", "京ＩＣＰ备12345678号－2"],
)
def test_icp_filing_valid(number: str) -> None:
    assert check_icp_filing(number) == ("valid", ())


@pytest.mark.parametrize(
    ("number", "verdict"),
    [
        pytest.param("京ICP备12345678-1号", ("nonstandard", ("suffix_misplaced",)), id="suffix-misplaced"),
        pytest.param("京ICP证12345678号", ("invalid", ("bad_format",)), id="licence-form"),
        pytest.param("秦ICP备12345678号", ("invalid", ("fake_province",)), id="qin-placeholder"),
        pytest.param("京ICP备12345678号-0", ("invalid", ("seq_zero",)), id="seq-zero"),
        pytest.param("京ICP备号", ("invalid", ("bad_format",)), id="no-number"),
        pytest.param("ICP备12345678号", ("invalid", ("bad_format",)), id="no-province"),
    ],
)
def test_icp_filing_invalid(number: str, verdict: tuple[str, tuple[str, ...]]) -> None:
    assert check_icp_filing(number) == verdict


def test_icp_filing_without_hao_is_nonstandard() -> None:
    assert check_icp_filing("京ICP备12345678") == ("nonstandard", ("bad_format",))


# --- §2.2 ICP licence ----------------------------------------------------------------


@pytest.mark.parametrize("number", ["京ICP证030173号", "京ICP证 030173号", "京ICP证：030173号"])
def test_icp_licence_valid(number: str) -> None:
    assert check_icp_licence(number) == ("valid", ())


@pytest.mark.parametrize(
    ("number", "problem"),
    [("京ICP证0301730号", "bad_format"), ("京ICP备030173号", "bad_format"), ("鄂ICP证:020001-5", "bad_format"),
     ("萌ICP证030173号", "fake_province")],
)
def test_icp_licence_invalid(number: str, problem: str) -> None:
    assert check_icp_licence(number) == ("invalid", (problem,))


# --- §2.3 telecom licence ------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["京B2-20090059", "粤B2-20090191-18", "B2-20080224", "浙B2-20080101", "A2.B1.B2-20090003", "合字B2-20200001",
     "浙D3-20210002", "浙 B2-20181004", "沪\u00a0B2-20090008"],
)
def test_telecom_licence_valid(number: str) -> None:
    assert check_telecom_licence(number, TODAY) == ("valid", ())


@pytest.mark.parametrize(
    ("number", "problem"),
    [("京B2-2009005", "bad_format"), ("京B3-20090059X", "bad_format"), ("京E2-20090059", "bad_format"),
     ("京B2-19970001", "year_out_of_range"), ("京B2-20270001", "year_out_of_range"),
     ("萌B2-20090059", "fake_province")],
)
def test_telecom_licence_invalid(number: str, problem: str) -> None:
    assert check_telecom_licence(number, TODAY) == ("invalid", (problem,))


def test_telecom_licence_year_bound_follows_today() -> None:
    assert check_telecom_licence("京B2-20260001", TODAY) == ("valid", ())
    assert check_telecom_licence("京B2-20260001", date(2025, 1, 1))[0] == "invalid"


# --- §2.4 public-security filing -----------------------------------------------------


@pytest.mark.parametrize(
    "number", ["京公网安备 11010802020134号", "沪公网安备31011502009028号", "粤公网安备 44030502000017号",
               "滇公网安备53030202000521", "京公网安备：11010802020134号", "蜀公网安备51078202110037号"],
)
def test_psb_valid(number: str) -> None:
    assert check_psb(number) == ("valid", ())


@pytest.mark.parametrize(
    ("number", "verdict"),
    [
        pytest.param("京公网安备 1101080202013号", ("invalid", ("bad_format",)), id="13-digits-province"),
        pytest.param("京公安网备11010802020134号", ("invalid", ("bad_format",)), id="wrong-wording"),
        pytest.param("湘公安网备号43010402000231号", ("invalid", ("bad_format",)), id="wrong-wording-hao"),
        pytest.param("京公网安备 11010802020134-1号", ("invalid", ("bad_format",)), id="suffix"),
        pytest.param("黔公网安备 33010802007421号", ("invalid", ("province_mismatch",)), id="province-mismatch"),
        pytest.param("深公网安备：4403101910665", ("nonstandard", ("legacy_psb",)), id="legacy-city"),
        pytest.param("河南公网安备 33010002000120号", ("invalid", ("bad_format", "province_mismatch")), id="full-name"),
        pytest.param("萌公网安备11010802020134号", ("invalid", ("fake_province",)), id="fake-province"),
        pytest.param("公网安备11010802020134号", ("invalid", ("bad_format",)), id="no-province"),
    ],
)
def test_psb_not_valid(number: str, verdict: tuple[str, tuple[str, ...]]) -> None:
    assert check_psb(number) == verdict


# --- §2.5 USCC -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    ["91330106673959654P", "91110105MA003A481G", "91110000600037341L", "91110108MA01ABCD5T", "91310115MA1K00007Q",
     "92440305MA5F12342X", "12100000400000018N", "N21101085A00000118", "Y1440305MA5F0000XK", "31110000E00000010L",
     "91110108ma01abcd5t", "91 110108 MA01ABCD 5T"],
)
def test_uscc_valid(code: str) -> None:
    assert check_uscc(code) == ("valid", ())


@pytest.mark.parametrize(
    ("code", "problem"),
    [("91110108MA01ABCD5U", "checksum"), ("91110108MA01ABCE5T", "checksum"), ("91110108MA01ABCDIT", "bad_format"),
     ("9111010MA01ABCD5T", "bad_format"), ("N2110108MA01ABCD5T", "checksum")],
)
def test_uscc_invalid(code: str, problem: str) -> None:
    assert check_uscc(code) == ("invalid", (problem,))


def test_uscc_org_code_failure_is_only_a_warning() -> None:
    assert check_uscc("91110108MA01ABCD6X") == ("valid", ("org_code_check",))


_USCC_BODY = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=2, max_size=2).flatmap(
    lambda head: st.text(alphabet="0123456789", min_size=6, max_size=6).flatmap(
        lambda area: st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9).map(lambda tail: head + area + tail)))


@given(_USCC_BODY, st.integers(min_value=1, max_value=30))
def test_uscc_check_char_detects_any_single_substitution(body: str, shift: int) -> None:
    good = body + uscc_check_char(body)
    assert check_uscc(good)[0] == "valid"
    wrong = USCC_ALPHABET[(USCC_ALPHABET.index(good[-1]) + shift) % 31]
    assert check_uscc(body + wrong) == ("invalid", ("checksum",))


# --- §2.6 culture licence ------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "problems"),
    [("京网文〔2020〕1234-567号", ("maybe_expired",)), ("京网文[2014]0765-165号", ("maybe_expired",)),
     ("京网文(2014)0765-165号", ("maybe_expired",)), ("粤网文【2024】6871-1632号", ()),
     ("京网文〔2023〕1234-567号", ()), ("文网文〔2010〕040号", ("maybe_expired",))],
)
def test_culture_licence_valid(number: str, problems: tuple[str, ...]) -> None:
    assert check_culture_licence(number, TODAY) == ("valid", problems)


@pytest.mark.parametrize(
    ("number", "problem"),
    [("京网文2014-0765-165号", "bad_format"), ("京网文〔2020〕1234号", "bad_format"),
     ("浙网文[2013]***-027号", "bad_format"), ("京网文〔2027〕1234-567号", "year_out_of_range"),
     ("萌网文〔2020〕1234-567号", "fake_province")],
)
def test_culture_licence_invalid(number: str, problem: str) -> None:
    assert check_culture_licence(number, TODAY) == ("invalid", (problem,))


# --- §2.11 phones --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "e164"),
    [("13800138000", "+8613800138000"), ("+86 138 0013 8000", "+8613800138000"), ("010-62345678", "+861062345678"),
     ("0755-86013388", "+8675586013388"), ("0571-87654321", "+8657187654321"), ("0931-8765432", "+869318765432"),
     ("(021)23456789", "+862123456789"), ("400-810-8888", "+864008108888"), ("4008108888", "+864008108888"),
     ("800-820-8820", "+868008208820"), ("12315", "+8612315"), ("12377", "+8612377"), ("95188", "+8695188"),
     ("10086", "+8610086"), ("（０２１）２３４５６７８９", "+862123456789"), ("0086 13800138000", "+8613800138000"),
     ("4006561155-3", "+864006561155"), ("010-62345678转123", "+861062345678")],
)
def test_phone_valid(number: str, e164: str) -> None:
    assert parse_phone(number) == e164


@pytest.mark.parametrize(
    "number", ["12800138000", "1380013800", "010-0234567", "021-1234567", "400-81-8888", "2182816187", "", "电话"])
def test_phone_invalid(number: str) -> None:
    assert parse_phone(number) is None


def test_phonenumbers_accepts_400_numbers() -> None:
    """The module relies on phonenumbers for 400/800 numbers; fail loudly if metadata changes."""
    assert phonenumbers.is_valid_number(phonenumbers.parse("4008108888", "CN"))


# --- §2.12 links ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://beian.miit.gov.cn/", "miit"),
        ("http://beian.miit.gov.cn/#/Integrated/index", "miit"),
        ("http://www.beian.miit.gov.cn", "miit"),
        ("//beian.miit.gov.cn/", "miit"),
        ("beian.miit.gov.cn/#/Integrated/index", "miit"),
        ("HTTPS://BEIAN.MIIT.GOV.CN:443/", "miit"),
        (" https://beian.miit.gov.cn/ ", "miit"),
        ("http://www.miibeian.gov.cn/", "miit_obsolete"),
        ("http://miibeian.gov.cn", "miit_obsolete"),
        ("http://www.miitbeian.gov.cn/publish/query/indexFirst.action", "miit_obsolete"),
        ("http://miitbeian.gov.cn", "miit_obsolete"),
        ("https://beian.mps.gov.cn/#/query/webSearch?code=11010502059429", "psb"),
        ("http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11000002000088", "psb"),
        ("http://www.12377.cn/node_548446.htm", "report_12377"),
        ("http://jubao.12377.cn:13225/reportform.do", "report_12377"),
        ("https://www.12321.cn/", "report_12321"),
        ("http://www.cyberpolice.cn", "cyberpolice"),
        ("https://cyberpolice.mps.gov.cn/wfjb/", "cyberpolice"),
        ("https://www.12315.cn/", "12315"),
        ("https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=91", "licence_check"),
        ("https://beian.cac.gov.cn/", "cac_algo"),
    ],
)
def test_link_kind(url: str, kind: str) -> None:
    assert link_kind(url) == kind


@pytest.mark.parametrize(
    "url",
    ["http://evil-beian.miit.gov.cn.attacker.com/", "https://beian.miit.gov.cn.attacker.com/",
     "https://notbeian.miit.gov.cn/", "https://beian.miit.gov.cn@evil.com/", "https://evil.com/beian.miit.gov.cn",
     "https://evil.com/?u=https://beian.miit.gov.cn", "javascript:window.open('https://beian.miit.gov.cn/')",
     "mailto:a@beian.miit.gov.cn", "ftp://beian.miit.gov.cn/", "http://www.miit.gov.cn/", "https://icp.gov.moe/?keyword=1",
     "https://www.sznet110.gov.cn/webrecord/innernet/Welcome.jsp?bano=4403101901226", "", "#", "http://[::1"],
)
def test_link_kind_rejects_lookalikes(url: str) -> None:
    assert link_kind(url) is None


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://beian.mps.gov.cn/#/query/webSearch?code=11010502059429", "11010502059429"),
        ("http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=14010502050691", "14010502050691"),
        ("https://beian.mps.gov.cn/#/query/webSearch", None),
        ("https://beian.mps.gov.cn/#/query/webSearch?code=abc", None),
        ("https://evil.com/#/query/webSearch?code=11010502059429", None),
        ("http://www.sznet110.gov.cn/webrecord/innernet/Welcome.jsp?bano=4403101901226", None),
    ],
)
def test_psb_link_code(url: str, code: str | None) -> None:
    assert psb_link_code(url) == code


# --- scanner on real footer text (shared/realweb) ------------------------------------


def test_scan_spaced_filing_and_licence() -> None:  # 004 readhub
    text = "浙 ICP 备 17005035 号 -1 增值电信业务许可证 浙 B2-20181004"
    assert one(text, "icp_filing").value == "浙ICP备17005035号-1"
    assert one(text, "telecom_licence").value == "浙B2-20181004"


def test_scan_misplaced_suffix() -> None:
    match = one("备案号：京ICP备12345678-1号", "icp_filing")
    assert (match.value, match.status, match.problems) == ("京ICP备12345678号-1", "nonstandard", ("suffix_misplaced",))
    assert match.raw == "京ICP备12345678-1号"


def test_scan_fake_provinces_never_valid() -> None:  # 042, 043 novelty filings
    matches = found("萌ICP备20220417号 茶ICP备2025080099号 苏ICP备2021044611号-1", "icp_filing")
    assert [(m.value, m.status, m.problems) for m in matches] == [
        ("萌ICP备20220417号", "invalid", ("fake_province",)),
        ("茶ICP备2025080099号", "invalid", ("fake_province",)),
        ("苏ICP备2021044611号-1", "valid", ()),
    ]


def test_scan_licence_is_not_filing() -> None:  # 003 baijiahao
    text = "©2023 Baidu 京ICP证030173号 京公网安备11000002000001号"
    assert one(text, "icp_licence").value == "京ICP证030173号"
    assert found(text, "icp_filing") == []
    assert one(text, "psb").value == "京公网安备11000002000001号"


def test_scan_odd_licence_form_is_invalid_licence() -> None:  # 013 cjn
    text = "鄂ICP证:020001-5 增值电信业务经营许可证&nbsp;鄂 B2-20120083"
    match = one(text, "icp_licence")
    assert (match.status, match.problems) == ("invalid", ("bad_format",))
    assert one(text, "telecom_licence").value == "鄂B2-20120083"


def test_scan_icp_licence_label_with_b2_number() -> None:  # 015 thepaper
    text = "沪ICP证：沪B2-20170116 沪ICP备14003370号"
    assert one(text, "telecom_licence").value == "沪B2-20170116"
    assert found(text, "icp_licence") == []
    assert one(text, "icp_filing").value == "沪ICP备14003370号"


@pytest.mark.parametrize(
    ("text", "value"),
    [("A2.B1.B2-20090003", "A2.B1.B2-20090003"), ("合字B2-20200001", "合字B2-20200001"),
     ("粤B2-20090191-2", "粤B2-20090191-2"), ("ICP号：沪&nbsp;B2-20090008", "沪B2-20090008")],
)
def test_scan_telecom_forms(text: str, value: str) -> None:
    assert one(text, "telecom_licence").value == value


@pytest.mark.parametrize("text", ["型号XB2-20090059", "SKU-B2-20090059", "B2-20090059X1", "A1-2345 型号"])
def test_scan_telecom_not_inside_longer_tokens(text: str) -> None:
    assert found(text, "telecom_licence") == []


def test_scan_glued_filing_and_licence() -> None:  # 035
    text = "京ICP备15054294号 京B2-20221664"
    assert [m.kind for m in found(text)] == ["icp_filing", "telecom_licence"]


def test_scan_site_code_is_not_a_phone() -> None:  # 008 gov site code glued to the police label
    matches = found("网站标识码：3300000020浙公网安备 33010602009328号")
    assert [(m.kind, m.value) for m in matches] == [("psb", "浙公网安备33010602009328号")]


def test_scan_psb_wrong_wording() -> None:  # 017
    match = one("湘公安网备号43010402000231号", "psb")
    assert (match.status, match.problems) == ("invalid", ("bad_format",))


def test_scan_psb_legacy_and_full_name() -> None:  # 029, rulebook §2.4 legacy
    legacy = one("深公网安备：4403101910665", "psb")
    assert (legacy.status, legacy.problems) == ("nonstandard", ("legacy_psb",))
    full = one("河南公网安备 33010002000120号", "psb")
    assert (full.status, full.problems) == ("invalid", ("bad_format", "province_mismatch"))
    assert full.raw == "河南公网安备33010002000120号"


def test_scan_psb_without_hao() -> None:  # 052
    assert one("京ICP证050081号 京公网安备11010502021221 人才中介服务许可证RC0712292", "psb").status == "valid"


def test_scan_traditional_footer() -> None:  # 050 jianshu clone
    text = ("©2012-2018 上海佰集信息科技有限公司 / 簡書 / 滬ICP備11018329號-5 / 滬公網安備31010402002252號/ "
            "舉報電話：021-34770013")
    matches = found(text)
    assert [(m.kind, m.value) for m in matches] == [
        ("icp_filing", "沪ICP备11018329号-5"), ("psb", "沪公网安备31010402002252号"), ("phone", "+862134770013")]
    assert matches[2].label == "举报电话"


def test_scan_entity_encoded_and_glossed() -> None:  # 032 hijacked mirror
    text = "&#31925;ICP&#20633;08116350&#34399; &#31925;公(gong)&#32178;安&#20633;44030702001648&#34399;"
    assert one(text, "icp_filing").value == "粤ICP备08116350号"
    psb = one(text, "psb")
    assert (psb.value, psb.status, psb.problems) == ("粤公网安备44030702001648号", "nonstandard", ("bad_format",))


@pytest.mark.parametrize(
    ("text", "value", "problems"),
    [("网络文化经营许可证京网文[2020]6112-1201号", "京网文〔2020〕6112-1201号", ("maybe_expired",)),
     ("网络文化经营许可证：粤网文【2016】6871-1632号", "粤网文〔2016〕6871-1632号", ("maybe_expired",)),
     ("粤网文〔2024〕6871-1632号 新广出审[2015]186号", "粤网文〔2024〕6871-1632号", ())],
)
def test_scan_culture_licence(text: str, value: str, problems: tuple[str, ...]) -> None:
    match = one(text, "culture_licence")
    assert (match.value, match.status, match.problems) == (value, "valid", problems)


def test_scan_masked_numbers_are_invalid() -> None:  # 051 template with *** masks
    text = "网络文化经营许可证：浙网文[2013]***-027号 增值电信业务经营许可证：浙B2-200***24-1"
    assert one(text, "culture_licence").status == "invalid"
    assert one(text, "telecom_licence").status == "invalid"


def test_scan_uscc_labelled_and_unlabelled() -> None:
    assert one("统一社会信用代码 91350104MA347QHDXN", "uscc").status == "valid"  # 033
    assert one("营业执照：91330106673959654P", "uscc").value == "91330106673959654P"
    assert one("信用代码：91110108ma01abcd5t", "uscc").value == "91110108MA01ABCD5T"
    bad = one("统一社会信用代码：91110108MA01ABCD5U", "uscc")
    assert (bad.status, bad.problems) == ("invalid", ("checksum",))
    assert one("社会信用代码:9111010MA01ABCD5T", "uscc").problems == ("bad_format",)
    assert one("阿里云 91330106673959654P", "uscc").status == "valid"


def test_scan_unlabelled_random_tokens_are_not_uscc() -> None:
    # Right length and alphabet but failing checks: not reported without a label.
    assert found("订单 91110108MA01ABCD5U 追踪 110108199003077777 hash 5f4dcc3b5aa765d61d", "uscc") == []


def test_scan_letter_first_uscc() -> None:
    assert one("统一社会信用代码：N21101085A00000118", "uscc").status == "valid"


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        pytest.param("违法和不良信息举报电话：4006561155", [("+864006561155", "违法和不良信息举报电话", ())],
                     id="jd-report"),
        pytest.param("举报电话：4006561155-3", [("+864006561155", "举报电话", ("extension",))], id="extension"),
        pytest.param("服务热线：400-6622-891 0931-7701962",
                     [("+864006622891", "服务热线", ()), ("+869317701962", "服务热线", ())],
                     id="two-numbers-one-label"),
        pytest.param("官方客服 1010 9666", [("+8610109666", "官方客服", ())], id="lianjia-service"),
        pytest.param("联系客服 400-6533-789 工作时间 09:00-19:00", [("+864006533789", "联系客服", ())], id="hours"),
        pytest.param("电话：010-64870663 传真：010-64870663",
                     [("+861064870663", "电话", ()), ("+861064870663", "传真", ())], id="fax"),
        pytest.param("24小时急救电话：0731-88866120", [("+8673188866120", "小时急救电话", ())],
                     id="label-after-digits"),
        pytest.param("Tel: +86 138 0013 8000", [("+8613800138000", "Tel", ())], id="international"),
        pytest.param("中国互联网举报中心 12377", [("+8612377", "中国互联网举报中心", ())], id="labelled-short"),
        pytest.param("客服电话：010-62345678转123", [("+861062345678", "客服电话", ("extension",))], id="zhuan"),
        pytest.param("联系电话：010 - 6487 0663", [("+861064870663", "联系电话", ())], id="spaced-dash"),
        pytest.param("电话：021-34770013/021-34770014", [("+862134770013", "电话", ()), ("+862134770014", "电话", ())],
                     id="slash-list"),
        # Five digits in one piece, which begin as a short code does: tried, not passed over as too short.
        pytest.param("客服热线95588", [("+8695588", "客服热线", ())], id="short-code-glued"),
        pytest.param("移动客服:100-86", [("+8610086", "移动客服", ())], id="short-code-dashed"),
    ],
)
def test_scan_phones(text: str, phones: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert [(m.value, m.label, m.problems) for m in found(text, "phone")] == phones


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("QQ群：425035487 QQ：2355269058", id="qq"),
        pytest.param("客服QQ 13800138000", id="qq-mobile-shape"),
        pytest.param("Copyright © 2001-2012 版权所有 1998 - 2019", id="years"),
        pytest.param("工作时间 09:00-19:00 8:30-22:00", id="hours"),
        pytest.param("出版物号：ISBN 978-7-89390-007-5", id="isbn"),
        pytest.param("订单号 13800138000", id="order-id"),
        pytest.param("邮编：100101", id="postcode"),
        pytest.param("12315 95188", id="unlabelled-short"),
        pytest.param("值班邮箱：1736993283@qq.com", id="qq-mail"),
        pytest.param("http://www.12377.cn/node_548446.htm", id="url-digits"),
        pytest.param("见 www.example.cn/news/13800138000 页面", id="url-path-digits"),
        pytest.param("信息网络传播视听节目许可证：1704064 互联网新闻信息服务许可证：31220170001", id="licence-numbers"),
        pytest.param("京公网安备 11010802020134号 京ICP备12345678号", id="filing-digits"),
        pytest.param("欢迎选购。商品编号62-100。" * 40 + "电话：23-4567", id="product-codes-and-six-digits"),
    ],
)
def test_scan_not_phones(text: str) -> None:
    assert found(text, "phone") == []


def test_scan_labelled_broken_phone_is_invalid() -> None:
    match = one("客服电话：400-81-8888", "phone")
    assert (match.status, match.value) == ("invalid", "400818888")
    # Seven digits that no number begins like are still long enough to be a wrong one.
    match = one("客服电话：234-5678", "phone")
    assert (match.status, match.value) == ("invalid", "2345678")


def test_scan_phone_after_a_product_list() -> None:
    # A shop's page lists product codes by the dozen in one block; the phone after them is found.
    text = "".join(f"商品编号62-{100 + i}。" for i in range(60)) + "客服电话：400-810-8888"
    assert [m.value for m in found(text, "phone")] == ["+864008108888"]


def test_scan_emails() -> None:
    matches = found("联系我们 mailto : zyyfy2016@163.com 举报邮箱：Mazhai+Serv@NoCode.com.")
    assert [(m.value, m.label) for m in matches] == [
        ("zyyfy2016@163.com", "联系我们"), ("mazhai+serv@nocode.com", "举报邮箱")]


def test_scan_offsets_point_into_normalized_text() -> None:
    text = "备案号：\u3000粤ICP备 16057936号-4 ｜ 客服电话 400-810-8888"
    norm = "备案号:粤ICP备16057936号-4|客服电话400-810-8888"
    for match in found(text):
        assert norm[match.start:match.end] == match.raw
    assert [m.raw for m in found(text)] == ["粤ICP备16057936号-4", "400-810-8888"]


def test_scan_each_kind_once_in_a_full_footer() -> None:
    text = ("京ICP备12345678号-1 京ICP证030173号 京B2-20090059 京公网安备 11010802020134号 "
            "统一社会信用代码：91110108MA01ABCD5T 京网文〔2025〕1234-567号 客服电话：400-810-8888 "
            "邮箱：service@example.com")
    kinds = [m.kind for m in found(text)]
    assert kinds == ["icp_filing", "icp_licence", "telecom_licence", "psb", "uscc", "culture_licence", "phone", "email"]
    assert all(m.status == "valid" for m in found(text))


def test_scan_default_today_is_used() -> None:
    assert scan("京B2-20090059")[0].status == "valid"
