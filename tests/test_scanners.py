"""Hostile text: every scanner of the judge does bounded work per block, whatever a page writes.

Work is counted in operations (pieces parsed, passes made, matches made), never timed:
bench/scanners.py prints the times.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import identifiers, normalize
from auditor.identifiers import scan
from auditor.judge import extract
from auditor.judge.extract import ADDRESS_RE, ENTITY_RE

TODAY = date(2026, 11, 25)
BOUND = 1000  # far above what the scanners now spend on a block, far below what they once did


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls = [0]
    real: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize("text", [
    "电话：" + "1 " * 400,  # issue 13: 800 characters cost 4 s, about cubically
    "客服热线：" + "0 " * 1000,
    "138 0013 8000 " * 150,
    "010 - 6487 " * 200,
])
def test_the_phone_scanner_parses_a_bounded_number_of_pieces(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    parsed = _counting(monkeypatch, identifiers, "_plain_phone")
    scan(text, today=TODAY)
    assert parsed[0] < BOUND


def test_phones_are_still_split_and_joined_at_spaces() -> None:
    values = [m.value for m in scan("热线：400-6622-891 0931-7701962 手机：+86 138 0013 8000", today=TODAY)]
    assert values == ["+864006622891", "+869317701962", "+8613800138000"]


@pytest.mark.parametrize("unit", ["京公网安备1", "京ICP备1号", "a@b.cn ", "91110108MA01ABCD2X "])
def test_a_block_of_thousands_of_numbers_yields_a_bounded_number(monkeypatch: pytest.MonkeyPatch,
                                                                 unit: str) -> None:
    made = _counting(monkeypatch, identifiers, "_match")
    found = scan(unit * 5000, today=TODAY)
    assert made[0] < BOUND and len(found) < BOUND


def test_nested_entities_are_unwrapped_in_a_bounded_number_of_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    passes = _counting(monkeypatch, normalize, "_clean")
    once = normalize.normalize("&amp;" * 20000 + "lt;")
    assert passes[0] < 20
    assert normalize.normalize(once) == once  # still idempotent
    assert normalize.normalize("&amp;amp;lt;京") == "<京"  # what real pages nest is still unwrapped


NAME_CHARS = list("北京有限公司股份分集团(·)a:：责任事务所合伙工作室个体商户")
ADDRESS_CHARS = [*"地址住所场经营办注册通讯电话热线邮编传真箱客服备案版权c©|。;；北京市海淀区路号a:：(",
                 "address", "Address", "E-Mail", "copyright"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAME_CHARS), max_size=120).map("".join))
def test_entity_names_are_found_as_the_regex_says(text: str) -> None:
    assert list(extract.entity_spans(text)) == [m.span() for m in ENTITY_RE.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ADDRESS_CHARS), max_size=120).map("".join))
def test_addresses_are_found_as_the_regex_says(text: str) -> None:
    expected = [(m.start(), m.end(), m.start("addr")) for m in ADDRESS_RE.finditer(text)]
    assert list(extract.address_spans(text)) == expected


@pytest.mark.parametrize("text", ["地址：" * 30000, "北京某某科技有限公司" * 10000, "北京某某科技服务中心" * 10000,
                                  "地址北京市海淀区" + "路" * 100000])
def test_names_and_addresses_of_a_huge_block_are_bounded(text: str) -> None:
    from auditor.models import PageSnapshot, TextBlock

    block = TextBlock(text=text, bbox=(0, 0, 10, 10), region="footer", centered=True)
    page = PageSnapshot(kind="home", url="http://x/", final_url="http://x/", blocks=[block])
    found = [f for f in extract.block_findings(page, block, TODAY) if f.kind in ("entity_name", "address")]
    assert len(found) <= 2 * identifiers.MAX_MATCHES


def test_a_block_that_overflows_the_match_bound_keeps_its_first_numbers() -> None:
    text = "京ICP备12345678号-1 " + "京公网安备1" * 1000
    assert scan(text, today=TODAY)[0].value == "京ICP备12345678号-1"


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["&", "amp;", "am", "p;", "lt;", "#20140;", " ", "\u3000", "\u00a8", "\u0308", "a",
                                 "i", "c", "p", "ICP", "京", "備", "（", "】", "\u200b", "-", "1", "\n"]),
                max_size=30).map("".join))
def test_the_scanner_reads_the_text_as_normalize_does(text: str) -> None:
    view = identifiers._View.of(text)
    assert view.norm == normalize.normalize(text)
    assert view.spaced.replace(" ", "") == view.norm
