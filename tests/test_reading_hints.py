"""The hints that let a block's reading skip a finder change nothing it finds (issue 17).

identifiers._HINTS and extract._WORDING_HINT are necessary conditions of the finders they
skip: each text below is read with them and with every finder asked, and the two readings
must be the same. The texts are those a person would put on a site: every line of the field
set's pages (bench/fieldset, written from the law), of the real footers (../shared/realweb)
and of the stored test snapshots, and generated text built of the very words and characters
the hints look for, in the spellings normalisation folds (full-width, traditional, glossed).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import identifiers as ids
from auditor.judge import extract
from auditor.layout import load_stored
from auditor.normalize import normalize
from tests.conftest import IN_CI, REALWEB, TESTS, TODAY

FIELDSET = TESTS.parent / "bench" / "fieldset"


def _both_ways(text: str) -> None:
    view = ids._View.of(text)
    assert ids._scan_view(view, TODAY) == ids._scan_view(view, TODAY, hints=False), text
    for form in {view.norm, normalize(text)}:
        assert extract._wording(form) == extract._all_wording(form), text


def _lines(page: Path) -> Iterator[str]:
    """The page's text as a visitor reads it, line by line, and each element's text whole."""
    soup = BeautifulSoup(page.read_bytes(), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    yield from (line for line in soup.get_text("\n").splitlines() if line.strip())
    yield from (tag.get_text(" ") for tag in soup.find_all(["p", "div", "footer", "li", "td", "span"]))


def _read_all(pages: list[Path]) -> int:
    count = 0
    for page in pages:
        for text in _lines(page):
            _both_ways(text)
            count += 1
    return count


def test_the_field_sets_pages_read_the_same_with_and_without_hints() -> None:
    pages = sorted(FIELDSET.glob("*/*.html"))
    assert len(pages) > 100, "the field set is part of the repository"
    assert _read_all(pages) > 5000


def test_the_real_footers_read_the_same_with_and_without_hints() -> None:
    pages = sorted(REALWEB.glob("*.html"))
    if not pages:
        message = f"real-web samples not found at {REALWEB}"
        if IN_CI:
            pytest.fail(f"CI=true and {message}")
        pytest.skip(message)
    assert _read_all(pages) > 1000


def test_the_stored_snapshots_read_the_same_with_and_without_hints() -> None:
    snapshots = sorted((TESTS / "snapshots").glob("*/snapshot.json"))
    assert snapshots
    for path in snapshots:
        for page in load_stored(path).snapshot.pages:
            for block in page.blocks:
                _both_ways(f"{block.label}：{block.text}" if block.label else block.text)


# The words and characters the hints look for, and what they stand beside in real footers.
HINTED = [*extract._WORDING_WORDS, "网", "網", "文", "(wen)", "ICP", "icp", "ＩＣＰ", "Icp", "公", "公(gong)", "网安备",
          "安网备", "-", "—", "－", "B2", "Ｂ２", "@", "＠", "#", "(at)", "[AT]", "（at）", "号", "號", "：", ":", " ",
          "\u3000", "&#20140;", "&amp;", "9133", "0110", "MA2H", "7K3C", "6K", "91350100M000100Y43",
          "京", "粤", "北京市", "海淀区", "中关村大街", "路", "15", "1", "0", "400", "+86", "010-", "8888", "6666",
          "service", "example.cn", "以下简称", "（以下简称“我们”）", "张伟", "李一舟", "（个人）", "有限公司", "Room 5",
          "电话", "邮箱", "版权所有", "©", "|", "。", "１２３", "٤٥٦", "²", "፩", "①", "95588", "10086"]
TEXTS = st.lists(st.sampled_from(HINTED) | st.text(max_size=3), max_size=24).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_generated_text_reads_the_same_with_and_without_hints(text: str) -> None:
    _both_ways(text)


@pytest.mark.parametrize("text", [
    "京网文〔2020〕1234-567号", "京网(wang)文(2020)1234-567号", "沪ICP证：沪B2-20090059", "浙icp备17005035号-1",
    "京公网安备 11010802020134号", "京公(gong)网安备11010802020134号", "京B2-20090059",
    "统一社会信用代码：9133 0110 MA2H 7K3C 6K", "91350100M000100Y43", "信用代码：ABCDEFGHIJKLMNOP",
    "投诉邮箱：tousu#shop.cn（请将#替换为@）", "邮箱：kf[at]shop.cn", "Email: kf(AT)shop.cn", "service＠example.cn",
    "经营者：张伟（个人）", "李一舟（以下简称“我们”）", "主办单位：大连市海韵职业技术学校",
    "地址：北京市海淀区中关村大街15号", "北京市海淀区中关村大街15号",
    "Address: Room 5, 88 Century Avenue", "示例科技有限公司 版权所有",
    "客服热线：10086", "客服电话 95588", "电话：０１０－８８８８ ６６６６", "+86 138 0013 8000",
])
def test_what_each_hint_guards_is_still_found(text: str) -> None:
    """Each finder behind a hint still finds its own: the hints are not stricter than their finders."""
    _both_ways(text)
    view = ids._View.of(text)
    read = ids._scan_view(view, TODAY), extract._wording(view.norm)
    assert read[0] or any(read[1]), text
