"""Reading findings off hand-built pages (no browser): what a person reads as a name, an address, a link."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.identifiers import scan, uscc_check_char
from auditor.judge.extract import block_findings
from auditor.models import BlockLink, Finding, Link, PageSnapshot, TextBlock
from auditor.normalize import normalize

TODAY = date(2026, 11, 25)
HOME = "https://shop.example.cn/"


def _read(text: str, label: str = "", links: list[BlockLink] | None = None,
          page_links: list[Link] | None = None) -> list[Finding]:
    block = TextBlock(text=text, bbox=(300, 1800, 200, 20), region="footer", centered=True, links=links, label=label)
    page = PageSnapshot(kind="home", url=HOME, final_url=HOME, blocks=[block], links=page_links or [])
    return block_findings(page, block, TODAY)


def _values(findings: list[Finding], kind: str) -> list[str]:
    return [f.value for f in findings if f.kind == kind]


@pytest.mark.parametrize(("text", "name"), [
    ("经营者：张伟（个人） 个人从事零星小额交易活动，依法不需要办理市场主体登记", "张伟"),
    ("李一舟（以下简称“我们”）是本站的运营者", "李一舟"),
    ("临江市滨湖区人民政府办公室（以下简称“我们”）", "临江市滨湖区人民政府办公室"),
    ("版权所有：杭州青禾茶业有限公司", "杭州青禾茶业有限公司"),
])
def test_names_a_person_reads_as_the_operators(text: str, name: str) -> None:
    assert _values(_read(text), "entity_name") == [name]


@pytest.mark.parametrize("text", [
    "某某网络科技有限公司 版权所有",  # template text
    "个人信息保护负责人联系邮箱：privacy@x.cn",  # a label, not a name
    "经营者信用等级：五星",
    "本平台（以下简称“我们”）",
    "遵守平台规则的义务（以下简称“义务”）",
])
def test_template_text_and_labels_are_not_names(text: str) -> None:
    assert _values(_read(text), "entity_name") == []


@pytest.mark.parametrize(("text", "address"), [
    ("总部：福建省厦门市思明区湖滨南路388号国贸大厦12层", "福建省厦门市思明区湖滨南路388号国贸大厦12层"),
    ("门店位于北京市海淀区中关村大街27号，欢迎光临", "北京市海淀区中关村大街27号"),
    ("广西壮族自治区南宁市青秀区民族大道100号", "广西壮族自治区南宁市青秀区民族大道100号"),
])
def test_addresses_are_read_by_their_shape_as_well_as_their_label(text: str, address: str) -> None:
    assert _values(_read(text), "address") == [address]


def test_a_placeholder_address_is_no_address() -> None:
    assert _values(_read("地址：XX省XX市XX区XX路XX号"), "address") == []
    assert _values(_read("公司总部位于杭州，欢迎合作"), "address") == []


def test_a_header_cell_labels_the_cell_beside_it() -> None:
    assert _values(_read("浙江省杭州市西湖区龙井路18号", label="地址"), "address") == ["浙江省杭州市西湖区龙井路18号"]
    complaint = [f for f in _read("tousu@qinghe.cn", label="投诉邮箱") if f.kind == "email"]
    assert complaint and complaint[0].label == "投诉邮箱"


def test_a_number_is_linked_by_the_element_it_stands_in_not_by_boxes() -> None:
    police = "https://beian.mps.gov.cn/#/query/webSearch?code=11010802020134"
    wide = Link(text="京公网安备11010802020134号", url=police, bbox=(270, 1795, 240, 30), region="footer")
    linked = _read("京公网安备11010802020134号", links=[BlockLink(text="京公网安备 11010802020134号", url=police)],
                   page_links=[wide])
    assert [f.href for f in linked if f.kind == "psb"] == [police]
    by_boxes = _read("京公网安备11010802020134号", links=None, page_links=[wide])  # an old snapshot: boxes decide
    assert [f.href for f in by_boxes if f.kind == "psb"] == [None]
    badge = _read("京公网安备11010802020134号", links=[BlockLink(text="", url=police)])  # a badge link beside it
    assert [f.nearby_hrefs for f in badge if f.kind == "psb"] == [[police]]


def test_a_credit_code_written_in_groups_is_one_code() -> None:
    body = "91330110MA2H7K3C6"
    code = body + uscc_check_char(body)
    grouped = " ".join([code[:4], code[4:8], code[8:12], code[12:16], code[16:]])
    assert [(m.value, m.status) for m in scan(f"统一社会信用代码：{grouped} 电话 010 6487 0663")
            if m.kind == "uscc"] == [(code, "valid")]
    wrong = grouped[:-1] + ("X" if grouped[-1] != "X" else "Y")
    assert [(m.kind, m.status, m.problems) for m in scan(f"信用代码 {wrong}")] == [("uscc", "invalid", ("checksum",))]
    assert scan("订单 ABCD EFGH IJKL MNOP QR") == []  # unlabelled and no valid code: not one


@pytest.mark.parametrize(("text", "email"), [
    ("投诉邮箱：tousu#xitangpuzi.cn（请将#替换为@）", "tousu@xitangpuzi.cn"),
    ("客服邮箱：kf(at)shop.cn", "kf@shop.cn"),
])
def test_an_email_written_around_robots_is_read(text: str, email: str) -> None:
    assert [m.value for m in scan(text) if m.kind == "email"] == [email]


def test_a_hash_alone_is_no_email() -> None:
    assert [m for m in scan("话题 #shop.cn 讨论") if m.kind == "email"] == []


@pytest.mark.parametrize(("text", "phones"), [
    ("电话/微信：138 0013 8000", ["+8613800138000"]),
    ("客服QQ：13800138000", []),
    ("互联网新闻信息服务许可证：31220170001", []),
])
def test_the_word_nearest_the_number_says_what_it_is(text: str, phones: list[str]) -> None:
    assert [m.value for m in scan(text) if m.kind == "phone" and m.status == "valid"] == phones


def test_traditional_script_reads_as_simplified() -> None:
    assert normalize("深圳港灣優選貿易有限公司") == normalize("深圳港湾优选贸易有限公司")
    assert normalize("您可以在“我的—設置”中註銷賬號") == normalize("您可以在“我的—设置”中注销账号")


def test_a_number_is_centred_where_its_own_element_is() -> None:
    from auditor.models import Piece

    line = "Archiver | 手机版 | 联系我们 | 海风社区 ( 闽ICP备19012366号-1 ) | 闽公网安备 35020302001188号"
    pieces = [Piece(text="闽ICP备19012366号-1", centered=False),
              Piece(text="闽公网安备 35020302001188号", centered=True)]
    block = TextBlock(text=line, bbox=(377, 1800, 786, 18), region="footer", centered=True, pieces=pieces)
    page = PageSnapshot(kind="home", url="https://x.cn/", final_url="https://x.cn/", blocks=[block])
    found = {f.kind: f.centered for f in block_findings(page, block, date(2026, 1, 1))}
    assert found == {"icp_filing": False, "psb": True}  # the line's middle is not the number's
    alone = block.model_copy(update={"pieces": []})  # one element: the block's box is the number's
    assert all(f.centered for f in block_findings(page, alone, date(2026, 1, 1)) if f.kind == "icp_filing")


def test_a_label_names_an_organisation_of_any_form() -> None:
    found = _values(_read("个人信息处理者：江苏省跨境电子商务协会；注册地址：南京市玄武区中山路8号"), "entity_name")
    assert "江苏省跨境电子商务协会" in found
