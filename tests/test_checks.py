"""Every check on hand-built pages, one case per message code it can return (no browser).

In the manner of yamllint's rule tests: each case is a small snapshot written here, the
check's parameters (those of the bundled rule that uses it, where one does), and the
code the law and the rule's description say it must give. A meta-test holds the cases
against the registry: every code a check declares has a case, and no case returns a
code its check did not declare.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from auditor.judge.checks import CHECKS, Context, Verdict
from auditor.judge.extract import extract
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import pictures_to_read
from auditor.models import (
    BlockLink,
    Image,
    Link,
    OcrLine,
    OcrText,
    Outcome,
    PageSnapshot,
    Region,
    SiteSnapshot,
    SiteStatus,
    TextBlock,
)
from tests.conftest import TODAY

HOME = "https://shop.example.cn/"
MIIT = "https://beian.miit.gov.cn/"
PSB = "https://beian.mps.gov.cn/#/query/webSearch?code=11010802020134"
ICP = "京ICP备2024012345号-1"
PSB_NUMBER = "京公网安备11010802020134号"
USCC = "91330110MA2H7K3C6K"
NAME = "杭州青禾茶业有限公司"
POLICY = [
    f"个人信息处理者：{NAME}，联系邮箱：privacy@qinghe.cn。",
    "处理目的：为向您提供服务与保障账号安全。",
    "我们会收集您的手机号码、设备信息、位置信息和订单信息。",
    "保存期限为自您注销账号之日起三年。",
    "您可以查阅、复制、更正、删除您的个人信息，也可以撤回同意。",
    "您可以在“设置—账号与安全—注销账号”中申请注销账号。",
]


def block(text: str, region: Region = "footer", centered: bool = True, links: list[tuple[str, str]] | None = None,
          y: float = 1800) -> TextBlock:
    return TextBlock(text=text, bbox=(300, y, 700, 20), region=region, centered=centered,
                     links=[BlockLink(text=t, url=u) for t, u in (links or [])])


def link(text: str, url: str, region: Region = "footer") -> Link:
    return Link(text=text, url=url, bbox=(300, 1800, 80, 20), region=region)


def image(alt: str = "", src: str = "", href: str | None = None, context: str = "") -> Image:
    return Image(alt=alt, src=src, href=href, bbox=(300, 1800, 40, 40), region="footer", context=context)


def read_image(*lines: str, alt: str = "", src: str = "/img/a.png", href: str | None = None,
               confidence: float = 0.97, region: Region = "footer") -> Image:
    """A picture whose text the browser stage read (OCR): one line per argument."""
    ocr = OcrText(sha256="0" * 64, source="response", engine="test", file="image-000000000000.png", size=(600, 40),
                  lines=[OcrLine(text=t, confidence=confidence, box=(0, 30 * i, 600, 24)) for i, t in enumerate(lines)])
    return Image(alt=alt, src=src, href=href, bbox=(300, 1800, 300, 20), region=region, ocr=ocr)


def page(kind: str = "home", blocks: list[TextBlock] | None = None, links: list[Link] | None = None,
         images: list[Image] | None = None, url: str = HOME, **extra: Any) -> PageSnapshot:
    return PageSnapshot(kind=kind, url=url, final_url=url, http_status=extra.pop("http_status", 200),
                        blocks=blocks or [], links=links or [], images=images or [], **extra)


def doc(kind: str, sentences: list[str], **extra: Any) -> PageSnapshot:
    url = f"{HOME}{kind}.html"
    return page(kind, [block(s, region="main", y=200 + 30 * i) for i, s in enumerate(sentences)], url=url, **extra)


@dataclass(frozen=True)
class Case:
    check: str
    code: str
    pages: list[PageSnapshot]
    rule: str | None = None  # take the params of this bundled rule …
    params: dict[str, Any] = field(default_factory=dict)  # … updated with these
    registry: dict[str, str | list[str]] = field(default_factory=dict)
    outcome: Outcome | None = None  # when the code alone does not say it

    @property
    def id(self) -> str:
        return f"{self.check}-{self.code}-{self.rule or 'params'}"


def home(*blocks: TextBlock, links: list[Link] | None = None, images: list[Image] | None = None) -> PageSnapshot:
    return page("home", list(blocks), links, images)


ICP_LINKED = block(ICP, links=[(ICP, MIIT)])
PSB_LINKED = block(PSB_NUMBER, links=[(PSB_NUMBER, PSB)])
POLICE_BADGE = image(alt="公安备案图标", src="/img/beian.png", href=PSB, context=PSB_NUMBER)
AGREEMENT = "本协议是您与平台之间关于使用平台服务所订立的协议。" * 20

LICENCE_SCAN = read_image("营业执照", f"统一社会信用代码 {USCC}", f"名称 {NAME}", alt="营业执照", region="main")
MISREAD_SCAN = read_image("营业执照", "统一社会信用代码 91330110MA2H7K3C6X", alt="营业执照", region="main")
# Numbers read (OCR) from pictures, where no text shows them: for a reviewer, never a pass or a fail
# on their own (a pass only where the rule's params say pictures count).
IMAGE_CASES = [
    Case("identifier_displayed", "image_read", [home(images=[read_image(ICP, src="/icp.png", href=MIIT)])],
         "icp-number-displayed"),
    Case("identifier_displayed", "image_read", [home(images=[read_image(ICP, src="/icp.png", href=MIIT)])],
         "icp-number-displayed", params={"image_reads_count": True}, outcome=Outcome.PASS),
    Case("identifier_displayed", "image_misread", [home(images=[read_image("京ICP备12345678-1号", src="/icp.png")])],
         "icp-number-displayed"),
    Case("identifier_displayed", "image_read", [home(block("热门手游"), images=[
        read_image("京网文〔2024〕1234-056号", alt="网络文化经营许可证")])], "culture-licence-displayed"),
    Case("identifier_linked", "image_read", [home(images=[read_image(ICP, href=MIIT)])], "icp-number-linked"),
    Case("identifier_linked", "image_misread", [home(images=[read_image("哈ICP备12345678号", href=MIIT)])],
         "icp-number-linked"),
    Case("identifier_placement", "image_read", [home(images=[read_image(f"备案号：{ICP}", src="/miit-icp.png")])],
         "icp-number-placement"),
    Case("identifier_placement", "image_misread", [home(images=[read_image("萌ICP备12345678号", src="/icp.png")])],
         "icp-number-placement"),
    Case("operating_licence", "image_read", [home(block(ICP), images=[
        read_image("增值电信业务经营许可证：京B2-20190001", alt="增值电信业务经营许可证")])], "icp-licence-displayed"),
    Case("operating_licence", "image_misread", [home(block(ICP), images=[
        read_image("增值电信业务经营许可证：京B2-2021008", alt="增值电信业务经营许可证")])], "icp-licence-displayed"),
    Case("psb_filing", "image_read", [home(images=[read_image(PSB_NUMBER, href=PSB)])], "psb-filing-displayed"),
    Case("psb_filing", "image_misread", [home(images=[read_image("京公网安备31010802020134号", href=PSB)])],
         "psb-filing-displayed"),
    Case("business_licence", "image_read", [home(images=[LICENCE_SCAN])], "business-licence-disclosed"),
    Case("business_licence", "image_read", [home(links=[link("营业执照", HOME + "licence.jpg")]),
                                            page("licence", [], images=[LICENCE_SCAN], url=HOME + "licence.jpg")],
         "business-licence-disclosed"),
    Case("business_licence", "image_misread", [home(images=[MISREAD_SCAN])], "business-licence-disclosed"),
    # consistency: a picture confirms the code shown as text, or asks a reviewer when it differs
    Case("disclosures_consistent", "pass", [home(block(f"{NAME} 信用代码：{USCC}")),
                                            page("licence", [], images=[LICENCE_SCAN], url=HOME + "licence.html")],
         "disclosures-consistent"),
    Case("disclosures_consistent", "image_mismatch",
         [home(block("信用代码：91110108MA01XY7Q8F")),
          page("licence", [], images=[LICENCE_SCAN], url=HOME + "licence.html")], "disclosures-consistent"),
    Case("disclosures_consistent", "too_few", [home(images=[LICENCE_SCAN]),
                                               page("licence", [], images=[LICENCE_SCAN], url=HOME + "licence.html")],
         "disclosures-consistent"),
    # registry: a number only in a picture is held up to the registered one, for a reviewer
    Case("registry_icp", "image_match", [home(images=[read_image(ICP, href=MIIT)])], "registry-icp-match",
         registry={"registered_icp": "京ICP备2024012345号"}),
    Case("registry_icp", "image_differs", [home(images=[read_image(ICP, href=MIIT)])], "registry-icp-match",
         registry={"registered_icp": "京ICP备2024099999号"}),
    Case("registry_uscc", "image_match", [home(images=[LICENCE_SCAN])], "registry-uscc-match",
         registry={"registered_uscc": USCC}),
    Case("registry_uscc", "image_differs", [home(images=[LICENCE_SCAN])], "registry-uscc-match",
         registry={"registered_uscc": "91110108MA01XY7Q8F"}),
]

CASES = [
    # --- numbers shown ------------------------------------------------------------------------
    Case("identifier_displayed", "pass", [home(block(ICP))], "icp-number-displayed"),
    Case("identifier_displayed", "review", [home(block("京网文〔2020〕1234-567号"))], "culture-licence-displayed"),
    Case("identifier_displayed", "nonstandard", [home(block("京ICP备12345678-1号"))], "icp-number-displayed"),
    Case("identifier_displayed", "invalid", [home(block("哈ICP备12345678号"))], "icp-number-displayed"),
    Case("identifier_displayed", "image_only", [home(images=[image(src="/img/icp.png")])], "icp-number-displayed"),
    Case("identifier_displayed", "missing", [home(block(PSB_NUMBER), images=[POLICE_BADGE])], "icp-number-displayed"),
    # --- numbers linked -----------------------------------------------------------------------
    Case("identifier_linked", "pass", [home(ICP_LINKED)], "icp-number-linked"),
    Case("identifier_linked", "licence_only", [home(block("京ICP证030173号", links=[("京ICP证030173号", MIIT)]))],
         "icp-number-linked"),
    Case("identifier_linked", "pass", [home(block(f"备案号：{ICP}", links=[("", MIIT)]))], "icp-number-linked"),
    Case("identifier_linked", "obsolete", [home(block(ICP, links=[(ICP, "http://www.miibeian.gov.cn/")]))],
         "icp-number-linked"),
    Case("identifier_linked", "not_linked", [home(block(ICP, links=[(ICP, HOME)]))], "icp-number-linked"),
    Case("identifier_linked", "licence_only", [home(block("京ICP证030173号"))], "icp-number-linked"),
    Case("identifier_linked", "image_only", [home(images=[image(alt="ICP备案号", src="/a.png")])],
         "icp-number-linked"),
    Case("identifier_linked", "no_number", [home(block("版权所有"), images=[POLICE_BADGE])], "icp-number-linked"),
    # --- numbers placed -----------------------------------------------------------------------
    Case("identifier_placement", "pass", [home(block(ICP))], "icp-number-placement"),
    Case("identifier_placement", "not_centered", [home(block(ICP, centered=False))], "icp-number-placement"),
    Case("identifier_placement", "not_in_footer", [home(block(ICP, region="header", y=10))], "icp-number-placement"),
    Case("identifier_placement", "image_only", [home(images=[image(src="/miit-icp.png")])], "icp-number-placement"),
    Case("identifier_placement", "no_number", [home(block("版权所有"))], "icp-number-placement"),
    # --- operating licence --------------------------------------------------------------------
    Case("operating_licence", "pass", [home(block("增值电信业务经营许可证：京B2-20190001"))], "icp-licence-displayed"),
    Case("operating_licence", "other_category", [home(block("增值电信业务经营许可证：京B1-20190001"))],
         "icp-licence-displayed"),
    Case("operating_licence", "filing_only", [home(block(ICP))], "icp-licence-displayed"),
    Case("operating_licence", "image_only", [home(block(ICP), images=[image(alt="增值电信业务经营许可证")])],
         "icp-licence-displayed"),
    Case("operating_licence", "missing", [home(block("版权所有"), images=[POLICE_BADGE])], "icp-licence-displayed"),
    # --- police filing ------------------------------------------------------------------------
    Case("psb_filing", "pass", [home(PSB_LINKED)], "psb-filing-displayed"),
    Case("psb_filing", "legacy", [home(block("深公网安备4403101910665"))], "psb-filing-displayed"),
    Case("psb_filing", "invalid", [home(block("京公网安备31010802020134号"))], "psb-filing-displayed"),
    Case("psb_filing", "not_linked", [home(block(PSB_NUMBER))], "psb-filing-displayed"),
    Case("psb_filing", "code_mismatch",
         [home(block(PSB_NUMBER, links=[(PSB_NUMBER, PSB.replace("020134", "020999"))]))], "psb-filing-displayed"),
    Case("psb_filing", "image_only", [home(images=[image(src="/x.png", href=PSB)])], "psb-filing-displayed"),
    Case("psb_filing", "missing", [home(block(ICP), images=[image(src="/icp.png", href=MIIT)])],
         "psb-filing-displayed"),
    # --- business licence ---------------------------------------------------------------------
    Case("business_licence", "pass", [home(block(f"{NAME} 统一社会信用代码：{USCC}"))], "business-licence-disclosed"),
    Case("business_licence", "pass", [home(block(f"统一社会信用代码：{USCC}"))], "business-licence-disclosed"),
    Case("business_licence", "link", [home(links=[link("营业执照", HOME + "licence.html")])],
         "business-licence-disclosed"),
    Case("business_licence", "image_only", [home(links=[link("营业执照", HOME + "yyzz.jpg")])],
         "business-licence-disclosed"),
    Case("business_licence", "image_only", [home(images=[image(alt="营业执照")])], "business-licence-disclosed"),
    Case("business_licence", "checksum", [home(block("统一社会信用代码：91330110MA2H7K3C6X"))],
         "business-licence-disclosed"),
    Case("business_licence", "elsewhere", [home(block("版权所有")), doc("about", [f"统一社会信用代码：{USCC}"])],
         "business-licence-disclosed"),
    Case("business_licence", "missing", [home(block("版权所有"), images=[POLICE_BADGE])],
         "business-licence-disclosed"),
    # --- contacts -----------------------------------------------------------------------------
    Case("found_on_pages", "pass", [home(block("客服电话：0571-87654321"))], "contact-phone-disclosed"),
    Case("found_on_pages", "missing", [home(block("传真：0571-87654321 举报电话：12377"))], "contact-phone-disclosed"),
    Case("found_on_pages", "pass", [home(block("版权所有")), doc("contact", ["地址：浙江省杭州市西湖区龙井路18号"])],
         "contact-address-disclosed"),
    Case("complaint_channel", "pass", [home(block("投诉电话：0571-87654321"))], "complaint-channel-disclosed"),
    Case("complaint_channel", "pass", [home(links=[link("投诉与建议", HOME + "feedback")])],
         "complaint-channel-disclosed"),
    Case("complaint_channel", "entry_only", [home(links=[link("网络举报", "https://www.12377.cn/")])],
         "complaint-channel-disclosed"),
    Case("complaint_channel", "missing", [home(block("廉正举报邮箱：lianzheng@qinghe.cn"))],
         "complaint-channel-disclosed"),
    # --- linked documents ---------------------------------------------------------------------
    Case("document_linked", "pass", [home(links=[link("用户协议", HOME + "user_agreement.html")]),
                                     doc("user_agreement", [AGREEMENT])], "user-agreement-linked"),
    Case("document_linked", "missing", [home(block("版权所有"))], "user-agreement-linked"),
    Case("document_linked", "offsite", [home(links=[link("用户协议", "https://other.example.com/tos")])],
         "user-agreement-linked"),
    Case("document_linked", "not_open", [home(links=[link("用户协议", HOME + "user_agreement.html")]),
                                         doc("user_agreement", [], http_status=404)], "user-agreement-linked"),
    Case("document_linked", "not_open", [home(links=[link("用户协议", HOME + "user_agreement.html")]),
                                         doc("user_agreement", [], http_status=None, error="timeout")],
         "user-agreement-linked", outcome=Outcome.NEEDS_REVIEW),
    Case("document_linked", "login", [home(links=[link("用户协议", HOME + "user_agreement.html")]),
                                      doc("user_agreement", ["请登录后查看"], has_password_field=True)],
         "user-agreement-linked"),
    Case("document_linked", "stub", [home(links=[link("用户协议", HOME + "user_agreement.html")]),
                                     doc("user_agreement", ["协议内容更新中"])], "user-agreement-linked"),
    # the page a 交易规则 link opens calls itself the privacy policy: the rules are not linked
    Case("document_linked", "other_document",
         [home(links=[link("交易规则", HOME + "trading_rules.html")]),
          doc("trading_rules", ["隐私政策", AGREEMENT], title="隐私政策 - 好卡联盟")], "trading-rules-linked"),
    # --- what documents say ---------------------------------------------------------------------
    Case("document_items", "unreasonable",
         [doc("privacy_policy", [*POLICY, "注销账号须邮寄经公证的申请书并支付注销服务费50元。"])],
         "account-deletion-disclosed"),
    Case("keyword_groups", "pass", [doc("privacy_policy", ["我们的联系方式与保存期限"])],
         params={"pages": ["privacy_policy"], "groups": {"a": ["联系方式"], "b": ["保存期限"]}}),
    Case("keyword_groups", "partial", [doc("privacy_policy", ["我们的联系方式"])],
         params={"pages": ["privacy_policy"], "groups": {"a": ["联系方式"], "b": ["保存期限"]}}),
    Case("keyword_groups", "absent", [doc("privacy_policy", ["欢迎"])],
         params={"pages": ["privacy_policy"], "groups": {"a": ["联系方式"]}}),
    Case("keyword_groups", "no_document", [home(block("版权所有"))],
         params={"pages": ["privacy_policy"], "groups": {"a": ["联系方式"]}}),
    Case("document_items", "pass", [doc("privacy_policy", POLICY)], "privacy-policy-content"),
    Case("document_items", "pass", [doc("privacy_policy", POLICY)], "account-deletion-disclosed"),
    Case("document_items", "partial", [doc("privacy_policy", POLICY[1:3])], "privacy-policy-content"),
    Case("document_items", "absent", [doc("privacy_policy", ["欢迎使用本网站。"])], "privacy-policy-content"),
    Case("document_items", "refused", [doc("privacy_policy", [*POLICY[:5], "目前暂不支持注销账号。"])],
         "account-deletion-disclosed"),
    Case("document_items", "template", [doc("privacy_policy", [
        "个人信息处理者：【公司名称】。", "联系方式：XXX-XXXXXXX，邮箱 example@xxx.com。", *POLICY[1:5]])],
         "privacy-policy-content"),
    Case("document_items", "no_document", [home(block("版权所有"))], "privacy-policy-content"),
    # --- consistency ----------------------------------------------------------------------------
    Case("disclosures_consistent", "pass", [home(block(f"{NAME} 信用代码：{USCC}")),
                                            doc("licence", [f"{NAME} 统一社会信用代码：{USCC}"])],
         "disclosures-consistent"),
    Case("disclosures_consistent", "uscc_mismatch", [home(block(f"信用代码：{USCC}")),
                                                     doc("licence", ["统一社会信用代码：91110108MA01XY7Q8F"])],
         "disclosures-consistent"),
    Case("disclosures_consistent", "name_mismatch", [home(block(f"{NAME} 版权所有")),
                                                     doc("licence", ["名称：北京另一家科技有限公司"])],
         "disclosures-consistent"),
    Case("disclosures_consistent", "psb_mismatch",
         [home(block(PSB_NUMBER, links=[(PSB_NUMBER, PSB.replace("020134", "020999"))]))], "disclosures-consistent"),
    Case("disclosures_consistent", "too_few", [home(block("版权所有"))], "disclosures-consistent"),
    # --- registry -------------------------------------------------------------------------------
    Case("registry_icp", "pass", [home(block(ICP))], "registry-icp-match",
         registry={"registered_icp": "京ICP备2024012345号-1"}),
    Case("registry_icp", "mismatch", [home(block(ICP))], "registry-icp-match",
         registry={"registered_icp": "京ICP备2024099999号"}),
    Case("registry_icp", "not_disclosed", [home(block("版权所有"))], "registry-icp-match",
         registry={"registered_icp": "京ICP备2024012345号"}),
    Case("registry_icp", "no_registry", [home(block(ICP))], "registry-icp-match"),
    Case("registry_uscc", "pass", [home(block(f"信用代码：{USCC}"))], "registry-uscc-match",
         registry={"registered_uscc": USCC}),
    Case("registry_uscc", "mismatch", [home(block(f"信用代码：{USCC}"))], "registry-uscc-match",
         registry={"registered_uscc": "91110108MA01XY7Q8F"}),
    Case("registry_uscc", "not_disclosed", [home(block("版权所有"))], "registry-uscc-match",
         registry={"registered_uscc": USCC}),
    Case("registry_uscc", "no_registry", [home(block(f"信用代码：{USCC}"))], "registry-uscc-match"),
    Case("registry_phone", "pass", [home(block("客服电话：0571-87654321"))], "registry-phone-match",
         registry={"registered_phones": ["0571-87654321"]}),
    Case("registry_phone", "mismatch", [home(block("客服电话：0571-87650000"))], "registry-phone-match",
         registry={"registered_phones": ["0571-87654321"]}),
    Case("registry_phone", "not_disclosed", [home(block("传真：0571-87654321"))], "registry-phone-match",
         registry={"registered_phones": ["0571-87654321"]}),
    Case("registry_phone", "no_registry", [home(block("客服电话：0571-87654321"))], "registry-phone-match"),
    Case("registry_domain", "pass", [home(block(ICP))], "registry-domain-official",
         registry={"registered_domains": ["example.cn", "shop.example.cn"]}),
    Case("registry_domain", "imitation", [home(block(f"{NAME} {ICP}"))], "registry-domain-official",
         registry={"registered_domains": ["qinghe.cn"], "registered_name": NAME}),
    Case("registry_domain", "unregistered", [home(block("版权所有"))], "registry-domain-official",
         registry={"registered_domains": ["qinghe.cn"], "registered_name": NAME}),
    Case("registry_domain", "no_registry", [home(block(ICP))], "registry-domain-official"),
    # what an imitation copies: the registered credit code (written in lower case in the record) …
    Case("registry_domain", "imitation", [home(block(f"信用代码：{USCC}"))], "registry-domain-official",
         registry={"registered_domains": ["qinghe.cn"], "registered_uscc": USCC.lower()}),
    # … or the registered ICP number, whatever site number (-n) it carries
    Case("registry_domain", "imitation", [home(block("京ICP备2024012345号-7"))], "registry-domain-official",
         registry={"registered_domains": ["qinghe.cn"], "registered_icp": "京ICP备2024012345号-1"}),
    Case("registry_icp", "mismatch", [home(block("京ICP备2024012346号-1"))], "registry-icp-match",
         registry={"registered_icp": "京ICP备2024012345号-1"}),
    Case("registry_icp", "pass", [home(block(ICP))], "registry-icp-match",
         registry={"registered_icp": "京ICP备2024012345"}),
    # licence categories: several in one number, a joint-venture (合字) licence
    Case("operating_licence", "pass", [home(block("经营许可证：A2.B1.B2-20090003"))], "icp-licence-displayed"),
    Case("operating_licence", "pass", [home(block("增值电信业务经营许可证：合字B2-20090001"))],
         "icp-licence-displayed"),
    # pictures: a link to a picture of the licence; a picture whose words name another number
    Case("identifier_displayed", "image_only", [home(links=[link("ICP备案信息", HOME + "icp.jpg?v=2")])],
         "icp-number-displayed"),
    Case("identifier_displayed", "missing", [home(links=[link("营业执照", HOME + "yyzz.jpg")])],
         "icp-number-displayed"),
    Case("identifier_displayed", "missing", [home(images=[image(src="/a.png", context="ICP 京公网安备")])],
         "icp-number-displayed"),
    Case("identifier_displayed", "image_only",
         [home(images=[image(alt="网络文化经营许可证")])], "culture-licence-displayed"),
    Case("business_licence", "image_only", [home(links=[link("营业执照", HOME + "licence.html")]),
                                            page("licence", [block("营业执照", region="main")],
                                                 images=[image(alt="执照")], url=HOME + "licence.html")],
         "business-licence-disclosed"),
    Case("business_licence", "link", [home(links=[link("营业执照", HOME + "licence.html")]),
                                      doc("licence", [f"{NAME}，统一社会信用代码：{USCC}，住所：杭州市西湖区龙井路"])],
         "business-licence-disclosed"),
    # a culture licence only where culture is offered; an exempt individual's declaration; a broken licence link;
    # a malformed operating licence; a policy on another site
    Case("identifier_displayed", "not_offered", [home(block("每日新闻 时政 财经"))], "culture-licence-displayed"),
    Case("identifier_displayed", "missing", [home(block("热门手游 排行榜"))], "culture-licence-displayed"),
    Case("business_licence", "exempt",
         [home(block("经营者：张伟（个人） 个人从事零星小额交易活动，依法不需要办理市场主体登记"))],
         "business-licence-disclosed"),
    Case("business_licence", "broken_link", [home(links=[link("营业执照", HOME + "licence.html")]),
                                             page("licence", [], url=HOME + "licence.html", http_status=404)],
         "business-licence-disclosed"),
    Case("operating_licence", "invalid", [home(block(f"{ICP} 增值电信业务经营许可证：京B2-2021008"))],
         "icp-licence-displayed"),
    Case("document_items", "not_read", [home(links=[link("隐私政策", "https://privacy.other.cn/p.html")])],
         "privacy-policy-content"),
    # documents: a heading names an item, a sentence states it; two named data items are enough, one is not
    Case("document_items", "partial", [doc("privacy_policy", [*POLICY[:2], "我们会收集您的手机号码。",
                                                              *POLICY[3:]])], "privacy-policy-content"),
    Case("document_items", "pass", [doc("privacy_policy", [*POLICY[:2], "我们会收集您的姓名和手机号码。",
                                                           *POLICY[3:]])], "privacy-policy-content"),
    Case("document_items", "pass", [doc("privacy_policy", [*POLICY[:2], "我们会收集以下信息：", "姓名", "手机号码",
                                                           *POLICY[3:]])], "privacy-policy-content"),
    Case("document_items", "partial", [doc("privacy_policy", [*POLICY[:3], "保存期限", *POLICY[4:]])],
         "privacy-policy-content"),
    Case("document_items", "template", [doc("privacy_policy", [
        "个人信息处理者：本平台。", "联系电话：010-12345678。", *POLICY[1:5]])], "privacy-policy-content"),
    *IMAGE_CASES,
]

OUTCOME_OF = {"pass": Outcome.PASS, "link": Outcome.PASS, "review": Outcome.NEEDS_REVIEW,
              "image_only": Outcome.NEEDS_REVIEW, "other_category": Outcome.NEEDS_REVIEW,
              "filing_only": Outcome.NEEDS_REVIEW, "legacy": Outcome.NEEDS_REVIEW, "elsewhere": Outcome.NEEDS_REVIEW,
              "entry_only": Outcome.NEEDS_REVIEW, "offsite": Outcome.NEEDS_REVIEW, "partial": Outcome.NEEDS_REVIEW,
              "licence_only": Outcome.NOT_APPLICABLE, "not_disclosed": Outcome.NEEDS_REVIEW,
              "not_offered": Outcome.NOT_APPLICABLE, "exempt": Outcome.PASS, "not_read": Outcome.NEEDS_REVIEW,
              "too_few": Outcome.NOT_APPLICABLE, "no_registry": Outcome.NOT_APPLICABLE,
              "image_read": Outcome.NEEDS_REVIEW, "image_misread": Outcome.NEEDS_REVIEW,
              "image_mismatch": Outcome.NEEDS_REVIEW, "image_match": Outcome.NEEDS_REVIEW,
              "image_differs": Outcome.NEEDS_REVIEW}


def judge_case(case: Case, ruleset: Ruleset) -> Verdict:
    rules = {r.id: r for r in ruleset.rules}
    params = {**(rules[case.rule].params if case.rule else {}), **case.params}
    if case.rule:
        assert rules[case.rule].check == case.check, f"{case.rule} uses {rules[case.rule].check}"
    snapshot = SiteSnapshot(input_url=HOME, final_url=HOME, status=SiteStatus.AUDITED, pages=case.pages)
    facts = extract(snapshot, ruleset.vocabulary, TODAY)
    spec = CHECKS[case.check]
    context = Context(site=facts, registry=case.registry, documents=ruleset.pack.documents)
    return spec.func(context, spec.params.model_validate(params))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_check_gives_the_code_the_law_asks_for(case: Case, ruleset: Ruleset) -> None:
    verdict = judge_case(case, ruleset)
    assert verdict.code == case.code, verdict
    assert verdict.outcome == (case.outcome or OUTCOME_OF.get(case.code, Outcome.FAIL)), verdict
    assert verdict.code in CHECKS[case.check].codes  # a code the rule file has words for
    assert set(CHECKS[case.check].codes[verdict.code]) <= set(verdict.values)  # every word its message may use
    _evidence_is_complete(case, verdict)


# Checks whose evidence is a document or a sentence in it (no box: nothing to crop).
TEXT_EVIDENCE = {"document_linked", "keyword_groups", "document_items"}


def _evidence_is_complete(case: Case, verdict: Verdict) -> None:
    """Each evidence item names a page of the site, quotes something, says where, and has its box."""
    urls = {p.final_url for p in case.pages}
    for item in verdict.evidence:
        assert item.page_url in urls and item.text and item.region in ("header", "main", "footer"), item
        if case.check not in TEXT_EVIDENCE:
            assert item.bbox is not None, item
    if verdict.outcome in (Outcome.PASS, Outcome.NEEDS_REVIEW) and verdict.code not in ("offsite", "not_read"):
        assert verdict.evidence or case.check.startswith("registry") or case.check == "disclosures_consistent", (
            "a pass or a review names what it rests on")


def test_every_code_of_every_check_has_a_case() -> None:
    covered = {(c.check, c.code) for c in CASES}
    declared = {(name, code) for name, spec in CHECKS.items() for code in spec.codes}
    assert declared - covered == set()


def _first(case_filter: Callable[[Case], bool]) -> Case:
    return next(c for c in CASES if case_filter(c))


def test_evidence_cites_what_decided(ruleset: Ruleset) -> None:
    verdict = judge_case(_first(lambda c: c.check == "document_items" and c.code == "pass"), ruleset)
    quoted = [e.text for e in verdict.evidence]
    assert "我们会收集您的手机号码、设备信息、位置信息和订单信息。" in quoted  # categories named item by item
    assert "保存期限为自您注销账号之日起三年。" in quoted
    refused = judge_case(_first(lambda c: c.code == "refused"), ruleset)
    assert refused.values["quote"] == "目前暂不支持注销账号。"
    linked = judge_case(_first(lambda c: c.check == "psb_filing" and c.code == "pass"), ruleset)
    assert linked.values["url"] == PSB and linked.evidence[0].text == PSB_NUMBER


def test_a_denial_is_read_only_before_the_word_in_its_clause(ruleset: Ruleset) -> None:
    fine = [*POLICY[:5], "如您无法登录，可联系客服注销账号。", "注销后账号不可恢复。"]
    case = Case("document_items", "pass", [doc("privacy_policy", fine)], "account-deletion-disclosed")
    assert judge_case(case, ruleset).code == "pass"


def test_a_condition_is_not_a_refusal_and_a_method_outweighs_a_denial(ruleset: Ruleset) -> None:
    conditional = [*POLICY, "如您的账号存在未完成的订单，将无法注销。"]
    case = Case("document_items", "pass", [doc("privacy_policy", conditional)], "account-deletion-disclosed")
    assert judge_case(case, ruleset).code == "pass"
    only_condition = [*POLICY[:5], "如您的账号存在未完成的订单，将无法注销。"]
    case = Case("document_items", "partial", [doc("privacy_policy", only_condition)], "account-deletion-disclosed")
    assert judge_case(case, ruleset).code == "partial"  # no way to cancel is given: a person reviews it


def test_a_police_badge_is_not_an_icp_picture_but_an_icp_badge_is(ruleset: Ruleset) -> None:
    badge_only = Case("identifier_displayed", "missing", [home(images=[POLICE_BADGE])], "icp-number-displayed")
    assert judge_case(badge_only, ruleset).code == "missing"
    miit_badge = Case("identifier_displayed", "image_only", [home(images=[image(src="/1.png", href=MIIT)])],
                      "icp-number-displayed")
    assert judge_case(miit_badge, ruleset).code == "image_only"
    beside = Case("identifier_displayed", "image_only", [home(images=[image(src="/1.png", context="ICP备案号：")])],
                  "icp-number-displayed")
    assert judge_case(beside, ruleset).code == "image_only"


def test_linked_is_read_from_the_structure_not_from_boxes(ruleset: Ruleset) -> None:
    """The filing platform's snippet: the link's box holds the badge and is wider than the number's text."""
    number = TextBlock(text=PSB_NUMBER, bbox=(330, 1800, 170, 20), region="footer", centered=True,
                       links=[BlockLink(text=PSB_NUMBER, url=PSB)])
    wide = Link(text=PSB_NUMBER, url=PSB, bbox=(300, 1795, 210, 30), region="footer")
    structured = Case("psb_filing", "pass", [home(number, links=[wide])], "psb-filing-displayed")
    assert judge_case(structured, ruleset).code == "pass"
    by_boxes = number.model_copy(update={"links": None})  # a snapshot from before: links matched by their boxes
    legacy = Case("psb_filing", "not_linked", [home(by_boxes, links=[wide])], "psb-filing-displayed")
    assert judge_case(legacy, ruleset).code == "not_linked"


def test_a_header_cell_labels_the_value_beside_it(ruleset: Ruleset) -> None:
    cell = TextBlock(text="tousu@qinghe.cn", bbox=(300, 400, 200, 20), region="main", centered=False,
                     links=[], label="投诉邮箱")
    case = Case("complaint_channel", "pass", [home(block("版权所有")), page("contact", [cell],
                                                                          url=HOME + "contact.html")],
                "complaint-channel-disclosed")
    assert judge_case(case, ruleset).code == "pass"
    unlabelled = cell.model_copy(update={"label": ""})
    case = Case("complaint_channel", "missing", [home(block("版权所有")), page("contact", [unlabelled],
                                                                             url=HOME + "contact.html")],
                "complaint-channel-disclosed")
    assert judge_case(case, ruleset).code == "missing"


# --- the reading of documents, piece by piece ---------------------------------------------------


def _items(sentences: list[str], rule: str, ruleset: Ruleset) -> Verdict:
    return judge_case(Case("document_items", "-", [doc("privacy_policy", sentences)], rule), ruleset)


def test_rights_named_as_rights_are_explained_by_one_sentence_on_how_to_use_them(ruleset: Ruleset) -> None:
    rights = "您享有查询、更正、删除个人信息以及注销账号等权利。"
    how = "您可以通过本政策第八条的联系方式行使上述权利，我们将在15日内答复。"
    assert _items([rights, how], "account-deletion-disclosed", ruleset).code == "pass"
    verdict = _items([rights], "account-deletion-disclosed", ruleset)  # named, never how: a person reviews it
    assert verdict.code == "absent" and "查询" in verdict.values["missing"]
    mention = ["您可以查询、更正、删除您的个人信息。", "您的订单信息保存至您注销账号之日起三年。", how]
    verdict = _items(mention, "account-deletion-disclosed", ruleset)  # cancellation only as a moment in time
    assert verdict.code == "partial" and verdict.values["missing"] == "账号注销 / account cancellation"
    assert rights in verdict.evidence[0].text or verdict.evidence[0].text.startswith("您可以查询")


def test_a_list_of_examples_may_run_over_several_short_lines(ruleset: Ruleset) -> None:
    listed = [*POLICY[:2], "我们会收集您的：", "手机号码", "设备信息", *POLICY[3:]]
    verdict = _items(listed, "privacy-policy-content", ruleset)
    assert verdict.code == "pass"
    assert "手机号码、设备信息" in [e.text for e in verdict.evidence]  # the lines that name them, quoted together
    explained = "这一段较长的说明文字解释了我们为何需要它以及将会如何使用它，并且不再列举任何其他的信息。"
    long_line = [*POLICY[:2], "我们会收集您的手机号码。", explained, "设备信息", *POLICY[3:]]
    assert _items(long_line, "privacy-policy-content", ruleset).code == "partial"  # a long line ends the list


@pytest.mark.parametrize(("sentence", "denied"), [
    ("暂不支持注销账号。", True),
    ("目前无法注销。", True),  # the denial starts the clause
    ("注销账号请联系客服。", False),
    ("注销后不可恢复，暂不支持注销的情形见下文。", False),  # a plain mention in its own clause
    ("注销后账号将被删除，目前无法注销。", False),  # the first mention is plain
    ("欢迎使用本平台。", False),  # no mention: nothing is denied
    ("账号一经注册，无法注销。", True),
    ("注销账号暂不支持。", True),  # the denial right after the word
    ("关于注销账户：很抱歉，本店系统暂时没有这项功能。", True),  # … or soon after, across the colon
    ("账号注销后不支持恢复。", False),  # what is not offered is restoring, not cancelling
    ("注销账号后，您将无法登录，也没有相关服务可用。", False),  # far after: another matter
    ("注销账号：为保障双方权益，本平台不提供账号注销服务。", True),  # the label before the answer is no mention
    ("注销账号：您可以在设置中申请注销。", False),
])
def test_a_denial_stands_next_to_the_word(sentence: str, denied: bool, ruleset: Ruleset) -> None:
    from auditor.judge.checks.documents import DocumentItemsParams, _denied
    from auditor.normalize import normalize

    rules = {r.id: r for r in ruleset.rules}
    params = DocumentItemsParams.model_validate(rules["account-deletion-disclosed"].params)
    assert _denied(params.items["cancel"], normalize(sentence).lower(), ruleset.pack.documents) is denied


def test_registry_icp_numbers_name_their_sponsor(ruleset: Ruleset) -> None:
    from auditor.judge.checks.registry import _icp_entity

    assert {_icp_entity(v) for v in ("京ICP备2024012345号-3", "京ICP备2024012345号", "京ICP备2024012345-1",
                                     "京ICP备2024012345", "京 ICP 备 2024012345 号 -2")} == {"京ICP备2024012345"}
    assert _icp_entity("京ICP备2024012345-1-2") == "京ICP备2024012345"


@pytest.mark.parametrize(("shown", "registered", "code"), [
    ("京ICP备2024012345号-1", "京ICP备2024012345号-3", "mismatch"),  # the sponsor's other website
    ("京ICP备2024012345号-2", "京ICP备2024012345号", "pass"),  # a sponsor-level record covers its sites
    ("京ICP备2024012345号", "京ICP备2024012345-2", "pass"),
    ("京ICP备2024012345号-3", "京ICP备2024012345号-3", "pass"),
    ("京ICP备2024012399号-3", "京ICP备2024012345号-3", "mismatch"),
])
def test_registry_icp_numbers_name_the_website_too(shown: str, registered: str, code: str, ruleset: Ruleset) -> None:
    case = Case("registry_icp", code, [home(block(shown))], "registry-icp-match",
                registry={"registered_icp": registered})
    assert judge_case(case, ruleset).code == code


CLAIMLESS = [
    # the record names no name, code or number: an unregistered domain is only unregistered
    Case("registry_domain", "unregistered", [home(block(f"{NAME} 信用代码：{USCC} {ICP}"))], "registry-domain-official",
         registry={"registered_domains": ["qinghe.cn"]}),
    # a code or number other than the registered one is no claim to be that entity
    Case("registry_domain", "unregistered", [home(block(f"信用代码：{USCC} 京ICP备2024099999号"))],
         "registry-domain-official",
         registry={"registered_domains": ["qinghe.cn"], "registered_uscc": "91110108MA01XY7Q8F",
                   "registered_icp": ICP, "registered_name": "北京另一家科技有限公司"}),
]


@pytest.mark.parametrize("case", CLAIMLESS, ids=[c.id + str(i) for i, c in enumerate(CLAIMLESS)])
def test_an_unregistered_domain_is_an_imitation_only_when_it_claims_the_entity(case: Case, ruleset: Ruleset) -> None:
    assert judge_case(case, ruleset).code == case.code


def test_status_400_is_a_broken_link_and_20_characters_are_text(ruleset: Ruleset) -> None:
    broken = Case("business_licence", "broken_link", [home(links=[link("营业执照", HOME + "licence.html")]),
                                                      page("licence", [], url=HOME + "licence.html", http_status=400)],
                  "business-licence-disclosed")
    assert judge_case(broken, ruleset).code == "broken_link"
    twenty = "营业执照信息：名称与信用代码见下" + "图"  # 17 characters of text, a picture: only an image
    pictured = Case("business_licence", "image_only",
                    [home(links=[link("营业执照", HOME + "licence.html")]),
                     page("licence", [block(twenty, region="main")], images=[image(alt="执照")],
                          url=HOME + "licence.html")], "business-licence-disclosed")
    assert judge_case(pictured, ruleset).code == "image_only"
    worded = Case("business_licence", "link",
                  [home(links=[link("营业执照", HOME + "licence.html")]),
                   page("licence", [block("名称：杭州青禾茶业有限公司，统一社会信用代码见下图", region="main")],
                        images=[image(alt="执照")], url=HOME + "licence.html")], "business-licence-disclosed")
    assert judge_case(worded, ruleset).code == "link"  # twenty characters or more: the page says it in words


@pytest.mark.parametrize(("title", "heading", "code"), [
    ("用户服务协议 - 声浪音乐", "用户服务协议", "other_document"),  # 隐私政策 → the agreement
    ("声浪音乐", "第八条 用户服务协议", "other_document"),  # the heading alone says it
    ("用户协议及隐私政策", "用户协议及隐私政策", "pass"),  # names both: it is both
    ("声浪音乐", "欢迎访问", "pass"),  # names none: the link's word stands
    ("个人信息处理规则", "个人信息处理规则", "pass"),  # 规则 here is the policy's own name
])
def test_the_opened_page_is_the_document_the_link_promised(title: str, heading: str, code: str,
                                                           ruleset: Ruleset) -> None:
    case = Case("document_linked", code, [home(links=[link("隐私政策", HOME + "privacy_policy.html")]),
                                          doc("privacy_policy", [heading, AGREEMENT], title=title)],
                "privacy-policy-linked")
    assert judge_case(case, ruleset).code == code
    content = Case("document_items", code, case.pages, "privacy-policy-content")
    # the agreement's words are not the policy's: no policy was read
    assert (judge_case(content, ruleset).code == "no_document") is (code == "other_document")


def test_a_fragment_opens_the_section_it_names(ruleset: Ruleset) -> None:
    from auditor.models import Anchor

    rules = "规则正文。" * 100
    agreement = doc("trading_rules", ["用户服务协议", AGREEMENT, "交易规则（本协议附件一）", rules],
                    title="用户服务协议 - 金秋卡盟",
                    anchor=Anchor(heading="交易规则（本协议附件一）", top=260, bottom=9e9))
    pages = [home(links=[link("交易规则", HOME + "trading_rules.html#rules")]), agreement]
    assert judge_case(Case("document_linked", "pass", pages, "trading-rules-linked"), ruleset).code == "pass"
    article = agreement.model_copy(update={"anchor": Anchor(heading="第八条 交易规则", top=260, bottom=261)})
    pages[1] = article  # one short article of the agreement: the page is the agreement
    assert judge_case(Case("document_linked", "-", pages, "trading-rules-linked"), ruleset).code == "other_document"


def test_a_place_in_the_menus_tells_how(ruleset: Ruleset) -> None:
    where = "撤回同意——在“会员中心—隐私—授权管理”中关闭授权，或来信privacy@shop.cn撤回您的同意。"
    rest = [s.replace("，也可以撤回同意", "") for s in POLICY]
    assert _items([*rest, where], "privacy-policy-content", ruleset).code == "pass"
    said = "您有权撤回同意。"  # a right named, nowhere how: not stated
    verdict = _items([*rest, said], "privacy-policy-content", ruleset)
    assert verdict.code == "partial" and verdict.values["missing"] == "撤回同意 / withdrawing consent"


def test_a_refusal_of_cancellation_fails_the_privacy_policy(ruleset: Ruleset) -> None:
    rest = [s for s in POLICY if "注销" not in s]
    verdict = _items([*rest, "账号一经注册，无法注销。"], "privacy-policy-content", ruleset)
    assert verdict.code == "refused" and verdict.values["quote"] == "账号一经注册，无法注销。"
    answer = _items([*rest, "问：能否注销帐户？", "答：关于注销帐户：很抱歉，本店系统暂时没有这项功能。"],
                    "privacy-policy-content", ruleset)
    assert answer.code == "refused"


@pytest.mark.parametrize(("sentence", "code"), [
    ("注销账号须邮寄经公证的《账号注销申请书》原件，并预先支付注销服务费人民币50元；", "unreasonable"),
    ("您可以申请注销账号，但须本人携带身份证到公司办理。", "unreasonable"),
    ("注销账号需支付手续费20元。", "unreasonable"),
    ("您可以在“设置—账号与安全”中申请注销账号，注销不收取任何费用。", "pass"),  # a fee waived
    ("您可以在“设置”中申请注销账号，我们会通过短信验证码核验您的身份。", "pass"),  # proving who one is
])
def test_cancellation_under_an_unreasonable_condition_fails(sentence: str, code: str, ruleset: Ruleset) -> None:
    rights = "您可以在“会员中心—资料”中查询、更正、删除您的个人信息。"
    assert _items([rights, "您可以在“设置”中申请注销账号。", sentence], "account-deletion-disclosed",
                  ruleset).code == code
    assert _items([*POLICY[:5], sentence], "privacy-policy-content", ruleset).code in ("pass", "partial")


def test_the_handler_is_who_runs_the_site_not_a_company_it_shares_with(ruleset: Ruleset) -> None:
    brand = ["青柚小铺（以下简称“我们”）非常重视您的个人信息。", "联系邮箱：privacy@qinghe.cn。", *POLICY[1:]]
    shared = [*brand, "我们会与以下第三方共享您的订单信息：", "支付宝（中国）网络技术有限公司", "支付宝支付",
              "我们会将订单信息提供给顺丰速运有限公司用于配送。"]
    verdict = _items(shared, "privacy-policy-content", ruleset)
    assert verdict.code == "partial" and verdict.values["missing"] == "处理者名称 / handler"
    run = ["青柚小铺由昆明青柚商贸有限公司（以下简称“我们”）运营。", *shared[1:]]
    assert _items(run, "privacy-policy-content", ruleset).code == "pass"


@pytest.mark.parametrize(("sentences", "code"), [
    (["我们会向合作的支付机构、云服务商、短信服务商提供实现上述功能所必需的个人信息。"], "partial"),  # names no one
    (["我们会向以下第三方提供必要的信息（第三方共享清单）：", "支付机构（支付宝、微信支付）：订单号和金额。"], "pass"),
    (["我们会将收货信息提供给顺丰速运有限公司用于配送。"], "pass"),  # the recipient by its legal name
    (["我们不会向任何第三方出售或共享您的个人信息。"], "pass"),  # no one to list
    ([], "pass"),  # silent on sharing: nothing asks for a list
])
def test_recipients_are_listed_where_data_is_provided_to_others(sentences: list[str], code: str,
                                                                ruleset: Ruleset) -> None:
    verdict = _items([*POLICY, *sentences], "privacy-policy-content", ruleset)
    assert verdict.code == code, verdict
    if code == "partial":
        assert verdict.values["missing"] == "接收方清单 / recipients"


def test_a_site_without_accounts_has_no_cancellation_to_explain(ruleset: Ruleset) -> None:
    rest = POLICY[:5]  # all but how to cancel
    none = "本网站不提供用户注册功能，不存在账号注销事项；您提交的留言可以随时要求我们删除。"
    assert _items([*rest, none], "privacy-policy-content", ruleset).code == "pass"
    assert _items(rest, "privacy-policy-content", ruleset).code == "partial"  # silent: a person looks


def test_a_blank_line_where_the_handler_belongs_is_a_template(ruleset: Ruleset) -> None:
    blanks = ["本政策由＿＿＿＿＿＿（以下简称“我们”）制定。", *POLICY[1:]]
    verdict = _items(blanks, "privacy-policy-content", ruleset)
    assert verdict.code == "template" and "处理者名称" in verdict.values["items"]


def test_a_person_who_runs_the_site_is_its_handler(ruleset: Ruleset) -> None:
    for who in ("老周果园由周建国（以下简称“我们”）负责运营。",
                "山间摄影由林山（本站站长）（以下简称“我们”）负责运营。"):  # a note in brackets between
        verdict = _items([who, "联系邮箱：privacy@qinghe.cn。", *POLICY[1:]], "privacy-policy-content", ruleset)
        assert verdict.code == "pass", (who, verdict)


ENGLISH_POLICY = [
    "This website is operated by Shanghai Boya Information Technology Co., Ltd. (上海博雅信息技术有限公司).",
    "Contact: privacy@boyatech.cn, +86 21 5080 6600.",
    "When you request a demo, we collect your name, business e-mail address and mobile phone number, "
    "and use them to answer your request.",
    "Demo enquiries are kept for 2 years after our last contact.",
    "You may access, copy, correct or delete your personal information: send your request to privacy@boyatech.cn.",
    "To cancel your customer portal account, go to “Account › Security › Close account”.",
    "You can withdraw your consent at any time by clicking “unsubscribe” in any e-mail.",
]


def test_a_policy_in_english_is_read_in_english(ruleset: Ruleset) -> None:
    assert _items(ENGLISH_POLICY, "privacy-policy-content", ruleset).code == "pass"
    unsaid = [s for s in ENGLISH_POLICY if "kept for" not in s]
    verdict = _items(unsaid, "privacy-policy-content", ruleset)
    assert verdict.code == "partial" and verdict.values["missing"] == "保存期限 / retention"


@pytest.mark.parametrize(("lines", "detail", "cited"), [
    # A messenger account labelled for complaints is a way to complain; the account is quoted.
    (["客服QQ：2850012345 投诉QQ：2850012399"], "投诉qq:2850012399", 0),
    (["A：添加投诉QQ 2850012399，说明订单号和问题。"], "投诉qq2850012399", 0),
    (["申訴信箱：service@haixiamart.com"], "申诉信箱 service@haixiamart.com", 0),  # Taiwanese word, a mailbox
    # "The same": the phone just before, in its block or in the block right above.
    (["联系电话：0571-87654321　售后投诉：同上"], "联系电话 +8657187654321", 0),
    (["联系电话：0571-87654321", "售后投诉：同上"], "联系电话 +8657187654321", 1),
    # Not a channel: service on a messenger; "the same" as nothing, or as a line two blocks up.
    (["客服QQ：2850012345"], None, None),
    (["售后投诉：同上"], None, None),
    (["联系电话：0571-87654321", "工作时间：9:00-18:00", "售后投诉：同上"], None, None),
])
def test_complaint_channels_in_words(lines: list[str], detail: str | None, cited: int | None,
                                     ruleset: Ruleset) -> None:
    blocks = [block(text, y=600 + 30 * number) for number, text in enumerate(lines)]
    verdict = judge_case(Case("complaint_channel", "", [home(*blocks)], "complaint-channel-disclosed"), ruleset)
    if detail is None:
        assert (verdict.outcome, verdict.code, verdict.values, verdict.evidence) == (Outcome.FAIL, "missing", {}, [])
        return
    assert (verdict.outcome, verdict.code, verdict.values) == (Outcome.PASS, "pass", {"detail": detail})
    assert cited is not None and [(e.text, e.bbox, e.page_url) for e in verdict.evidence] == [
        (lines[cited], blocks[cited].bbox, HOME)]


def test_the_same_as_a_phone_on_another_page_is_no_channel(ruleset: Ruleset) -> None:
    """"同上" points at the line above it on the page a visitor reads, not at a number elsewhere."""
    contact = doc("contact", ["联系电话：0571-87654321"])
    verdict = judge_case(Case("complaint_channel", "", [home(block("售后投诉：同上")), contact],
                              "complaint-channel-disclosed", params={"pages": ["home", "contact"]}), ruleset)
    assert (verdict.outcome, verdict.code) == (Outcome.FAIL, "missing")


@pytest.mark.parametrize(("address", "code"), [
    ("地址：河南省郑州市金水区", "missing"),  # areas only: a district is not a door
    ("地址：郑州市金水区花园路18号", "pass"),
    ("地址 Address：Room 1203, Tower B, Keyuan Building, No. 88 Keyuan Road, Nanshan District, Shenzhen, China",
     "pass"),  # in English, longer than a Chinese address
    ("Address: Shenzhen, China", "missing"),
])
def test_an_address_names_a_place_to_go(address: str, code: str, ruleset: Ruleset) -> None:
    case = Case("found_on_pages", code, [home(block("版权所有")), doc("contact", [address])],
                "contact-address-disclosed")
    assert judge_case(case, ruleset).code == code


def test_a_code_with_a_letter_o_must_still_agree(ruleset: Ruleset) -> None:
    wrong = USCC[:10] + "O" + USCC[11:] if USCC[10] == "0" else USCC[:-1] + "O"
    case = Case("disclosures_consistent", "uscc_mismatch", [home(block(f"统一社会信用代码：{wrong}")),
                                                           doc("licence", [f"统一社会信用代码：{USCC}"])],
                "disclosures-consistent")
    assert judge_case(case, ruleset).code == "uscc_mismatch"


def _to_read(home_page: PageSnapshot, ruleset: Ruleset) -> list[int]:
    snapshot = SiteSnapshot(input_url=HOME, final_url=HOME, status=SiteStatus.AUDITED, pages=[home_page])
    facts = extract(snapshot, ruleset.vocabulary, TODAY)
    return pictures_to_read(ruleset, facts, {"site", "operator"}, {})


def _footer_picture(width: float, height: float, **fields: Any) -> Image:
    return Image(**{"alt": "", "src": "/img/f.png", "href": None, "context": "", **fields},
                 bbox=(300, 1800, width, height), region="footer")


def test_with_no_number_anywhere_the_footers_pictures_are_read(ruleset: Ruleset) -> None:
    """Issue 14: a number shown only as an unlabelled footer picture is read; QR codes, icons and the
    police badge (when only the ICP number is missing) are not; labelled pictures come first."""
    strip, qr, icon = _footer_picture(360, 18), _footer_picture(90, 90), _footer_picture(24, 12)
    wide_logo, main = _footer_picture(500, 60), Image(alt="", src="/b.png", href=None, bbox=(0, 300, 400, 30),
                                                       region="main")
    nothing = home(block("关于我们"), images=[qr, strip, icon, wide_logo, main])
    assert _to_read(nothing, ruleset) == [3, 1]  # the widest first; no main-content picture
    badge = image(alt="ICP备案号", src="/a.png")  # labelled: image_only, read before the footer's
    assert _to_read(home(block("关于我们"), images=[strip, badge]), ruleset) == [1, 0]
    # Every number shown as text: nothing is read.
    shown = block(f"{NAME} 统一社会信用代码：{USCC}", y=1830)
    assert _to_read(home(ICP_LINKED, PSB_LINKED, shown, images=[strip]), ruleset) == []
    # The business licence missing: the footer's pictures are read for it.
    assert _to_read(home(ICP_LINKED, PSB_LINKED, images=[strip]), ruleset) == [0]
    # Only the police number missing: the footer's pictures are read for it, except one that names the ICP number.
    icp_strip = _footer_picture(360, 18, alt="ICP备案")
    police = _to_read(home(ICP_LINKED, shown, images=[icp_strip, strip]), ruleset)
    assert police == [1]


def _scan(lines: list[tuple[str, float]], file: str = "image-licence.png", region: Region = "main") -> Image:
    """A licence picture whose lines were read with these confidences."""
    ocr = OcrText(sha256="1" * 64, source="response", engine="test", file=file, size=(800, 600),
                  lines=[OcrLine(text=t, confidence=c, box=(0, 40 * i, 800, 30)) for i, (t, c) in enumerate(lines)])
    return Image(alt="营业执照", src="/licence.jpg", href=None, bbox=(300, 600, 400, 300), region=region, ocr=ocr)


def test_a_licence_read_from_a_picture_names_its_holder_and_how_sure_the_reader_was(ruleset: Ruleset) -> None:
    scan = _scan([("营业执照", 0.99), (f"统一社会信用代码 {USCC}", 0.91), (f"名称 {NAME}", 0.95)])
    verdict = judge_case(Case("business_licence", "", [home(images=[scan])], "business-licence-disclosed"), ruleset)
    assert (verdict.outcome, verdict.code) == (Outcome.NEEDS_REVIEW, "image_read")
    assert verdict.values == {"value": f"{NAME} {USCC}", "confidence": "91%"}  # the least sure line it rests on
    assert [(e.ocr.file, e.ocr.box) for e in verdict.evidence if e.ocr] == [
        ("image-licence.png", (0, 40, 800, 30)), ("image-licence.png", (0, 80, 800, 30))]  # the code, then the name


def test_a_number_read_twice_from_one_picture_is_cited_once_and_the_least_sure_read_counts(ruleset: Ruleset) -> None:
    same = read_image(ICP, src="/icp.png", href=MIIT, confidence=0.8)
    sure = read_image(ICP, src="/icp2.png", href=MIIT, confidence=0.97)
    sure = sure.model_copy(update={"bbox": (300, 1900, 300, 20)})
    verdict = judge_case(Case("identifier_displayed", "", [home(images=[same, same, sure])], "icp-number-displayed"),
                         ruleset)
    assert (verdict.outcome, verdict.code, verdict.values) == (
        Outcome.NEEDS_REVIEW, "image_read", {"value": ICP, "confidence": "80%"})
    assert len(verdict.evidence) == 1  # all three lines are one line of one copy (same file, same box)


def test_a_number_read_on_a_page_the_rule_does_not_read_does_not_count(ruleset: Ruleset) -> None:
    about = page("about", images=[read_image(ICP, src="/icp.png")], url=HOME + "about.html")
    verdict = judge_case(Case("identifier_displayed", "", [home(block("版权所有")), about], "icp-number-displayed"),
                         ruleset)
    assert (verdict.outcome, verdict.code) == (Outcome.FAIL, "missing")
