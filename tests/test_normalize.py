"""normalize(): one spelling for every way footers write the same number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.identifiers import scan
from auditor.normalize import TRAD_TO_SIMP, collapse_spaces, normalize, normalize_spaced


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("&#20140;ICP&#22791;12345678&#21495;", "京ICP备12345678号", id="decimal-entities"),
        pytest.param("&#x4eac;ICP备1号", "京ICP备1号", id="hex-entity"),
        pytest.param("沪&nbsp;B2-20090008", "沪B2-20090008", id="nbsp-entity"),
        pytest.param("a&amp;b", "a&b", id="named-entity"),
        pytest.param("&amp;lt;", "<", id="double-escaped-entity"),
        pytest.param("京ＩＣＰ备１２３４５６７８号－２", "京ICP备12345678号-2", id="full-width"),
        pytest.param("浙 ICP 备 17005035 号 -1", "浙ICP备17005035号-1", id="spaced-tokens"),
        pytest.param("\u3000京ICP备\u00a012345678号\n", "京ICP备12345678号", id="ideographic-and-nbsp"),
        pytest.param("京ICP\u200b备1234\ufeff5678号", "京ICP备12345678号", id="zero-width"),
        pytest.param("粵ICP備11018438號", "粤ICP备11018438号", id="traditional-icp"),
        pytest.param("滬公網安備31010402002252號", "沪公网安备31010402002252号", id="traditional-psb"),
        pytest.param("舉報電話", "举报电话", id="traditional-complaint"),
        pytest.param("聯繫我們 隱私 用戶協議", "联系我们隐私用户协议", id="traditional-policy"),
        pytest.param("京网文〔2020〕1", "京网文(2020)1", id="tortoise-brackets"),
        pytest.param("粤网文【2016】1", "粤网文(2016)1", id="lenticular-brackets"),
        pytest.param("京网文[2014]1", "京网文(2014)1", id="square-brackets"),
        pytest.param("［2014］（京）", "(2014)(京)", id="full-width-brackets"),
        pytest.param("a\u2013b\u2014c\u2212d\uff0de\ufe63f\u2010g", "a-b-c-d-e-f-g", id="dashes"),
        pytest.param("备案号：x\u2236y", "备案号:x:y", id="colons"),
        pytest.param("京icp备1号 Icp iCp", "京ICP备1号ICPICP", id="icp-case"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_traditional_table_is_one_char_each_and_idempotent() -> None:
    assert all(len(k) == 1 and len(v) == 1 for k, v in TRAD_TO_SIMP.items())
    assert not set(TRAD_TO_SIMP) & set(TRAD_TO_SIMP.values())


def test_normalize_spaced_keeps_one_space() -> None:
    assert normalize_spaced("热线：400-6622-891\u3000\u3000 0931-7701962 ") == "热线:400-6622-891 0931-7701962"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("  联系\u3000\u3000我们 \n", "联系 我们", id="ideographic"),
        pytest.param("Copyright\u00a0©\u00a02019", "Copyright © 2019", id="nbsp"),
        pytest.param("ＩＣＰ\u200b备", "ICP备", id="full-width-zero-width"),
        pytest.param("人 民 网", "人 民 网", id="letter-spaced-kept"),
    ],
)
def test_collapse_spaces(raw: str, expected: str) -> None:
    assert collapse_spaces(raw) == expected


@given(st.text())
def test_normalize_total_and_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert not any(ch.isspace() for ch in once)


# Fragments that reach the deeper branches of the scanner (entities, brackets, labels).
_FRAGMENTS = st.sampled_from([
    "京", "粵", "萌", "河南", "ICP", "icp", "备", "備", "证", "公网安备", "公安网备", "网文", "号", "號", "-", "－",
    "(", "【", "〕", ":", "：", " ", "\u3000", "&", "&amp;", "#", ";", "&#20140;", "0", "1", "4", "8", "9", "12345678",
    "11010802020134", "400", "+86", "转", "QQ", "电话", "举报", "@", "a.cn", "X", "A", "B2", "91330106673959654P",
    "(gong)", "¨", "*"])


@settings(max_examples=300)
@given(st.lists(_FRAGMENTS | st.text(max_size=3), max_size=25).map("".join))
def test_normalize_idempotent_on_identifier_like_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300)
@given(st.one_of(st.text(), st.lists(_FRAGMENTS | st.text(max_size=3), max_size=25).map("".join)))
def test_scan_total_and_offsets_consistent(text: str) -> None:
    norm = normalize(text)
    for match in scan(text):
        assert norm[match.start:match.end] == match.raw
        assert match.status in ("valid", "nonstandard", "invalid")
