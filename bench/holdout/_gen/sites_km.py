"""卡盟 platforms (site + platform), a 分站 run by a 个体工商户, and a CAPTCHA-walled 卡盟."""
from __future__ import annotations

from common import page, police_badge
from homes import CARD_GOODS, KM_NEWS, base_css, cards, home_page, news
from ids import make_uscc
from privacy import privacy_page
from sitekit import Site

from docs import TAB_CSS, agreement_inner, doc, help_faq, help_tabs, licence_table, rules_inner

BADGE = police_badge()
KM_FEATURES = [("注册登录", "手机号码、登录密码", "创建账号、验证身份"),
               ("实名认证", "姓名、身份证号码", "落实实名制要求、防范盗号和洗钱"),
               ("下单充值", "充值账号、订单信息、支付信息", "完成充值并发货"),
               ("开通分站", "联系人姓名、手机号、营业执照或身份证明", "审核分站资质并在分站首页公示"),
               ("安全风控", "设备型号、设备标识符、IP地址、登录日志", "识别异常登录和欺诈交易")]


def km_leiting() -> Site:
    h, brand = "长沙雷霆网络科技有限公司", "雷霆卡盟"
    code = make_uscc("91", "430104", "MA4T7K2B")
    addr = "湖南省长沙市岳麓区麓谷大道658号麓谷信息港A座1602室"
    email, phone = "kefu@leitingka.cn", "400-873-6655"
    psb = "43010402001386"
    css = base_css("#f3f4f8", "#222", "#d9480f")
    footer = f"""<div class="ft">
<div class="cols">
 <dl><dt>新手入门</dt><dd><a href="/help.html">购买流程</a></dd><dd><a href="/help.html">充值说明</a></dd><dd><a href="/help.html">常见问题</a></dd></dl>
 <dl><dt>分站合作</dt><dd><a href="#">开通分站</a></dd><dd><a href="#">分站等级</a></dd><dd><a href="#">供货入驻</a></dd></dl>
 <dl><dt>规则协议</dt><dd><a href="/agreement.html">平台服务协议</a></dd><dd><a href="/rules.html">交易规则</a></dd><dd><a href="/privacy.html">隐私政策</a></dd></dl>
 <dl><dt>关于雷霆</dt><dd><a href="/about.html">关于我们</a></dd><dd><a href="/contact.html">联系我们</a></dd><dd><a href="/licence.html">营业执照</a></dd></dl>
 <dl><dt>客服中心</dt><dd>客服热线：{phone}</dd><dd>投诉电话：0731-8512 6630</dd><dd>投诉邮箱：tousu@leitingka.cn</dd></dl>
</div>
<div class="copy">
<p>{h}　统一社会信用代码：{code}　地址：{addr}</p>
<p>增值电信业务经营许可证：湘B2-20230412　<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">湘ICP备2023004417号-1</a></p>
<p><a target="_blank" href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" rel="noreferrer"><img src="/img/ga.png" style="width:16px;height:16px;vertical-align:-3px" alt="">湘公网安备{psb}号</a></p>
<p>Copyright © 2023-2026 雷霆卡盟 版权所有　未成年人禁止购买</p>
</div></div>"""
    fcss = (".ft{background:#1f2329;color:#a3a8b3;margin-top:40px;font-size:13px}.ft .cols{width:1120px;margin:0 auto;"
            "display:flex;justify-content:space-between;padding:30px 0;border-bottom:1px solid #333}.ft dt{color:#fff;"
            "font-weight:bold;margin-bottom:8px}.ft dd{margin:0;line-height:2}.ft a{text-decoration:none;color:#a3a8b3}"
            ".copy{text-align:center;padding:16px 0 26px;line-height:2}.copy p{margin:0}")
    home = home_page(f"{brand} - 点卡充值批发平台", brand,
                     [("首页", "/"), ("商品分类", "#"), ("分站加盟", "#"), ("帮助中心", "/help.html"), ("登录", "#")],
                     "雷霆卡盟 · 全网点卡一站批发", [("热销商品", cards(CARD_GOODS)), ("平台公告", news(KM_NEWS))],
                     footer, css, fcss)
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@leitingka.cn", phone=phone, features=KM_FEATURES,
               style="articles", variant=0)
    ag = dict(brand=brand, handler=h, phone=phone, email="tousu@leitingka.cn", goods="点卡、充值卡等虚拟商品")
    files = {
        "index.html": home,
        "privacy.html": privacy_page(pol, theme="#d9480f"),
        "agreement.html": doc("平台服务协议", agreement_inner(ag), brand, "#d9480f"),
        "rules.html": doc("交易规则", rules_inner(ag), brand, "#d9480f"),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand)), brand, "#d9480f"),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服热线：{phone}（9:00-24:00）</p><p>投诉电话：0731-8512 6630</p>"
                            f"<p>客服邮箱：{email}</p><p>公司地址：{addr}</p>", brand, "#d9480f"),
        "about.html": doc("关于我们", f"<h1>关于雷霆卡盟</h1><p>雷霆卡盟由{h}运营，成立于2023年，为数千家分站和供货商户提供点卡、充值卡批发和自动发货服务。</p>"
                          f"<p>地址：{addr}</p>", brand, "#d9480f"),
        "licence.html": doc("营业执照", "<h1>证照信息</h1>" + licence_table([
            ("名称", h), ("统一社会信用代码", code), ("类型", "有限责任公司（自然人投资或控股）"), ("法定代表人", "刘志强"),
            ("注册资本", "500万元人民币"), ("住所", addr), ("成立日期", "2023年02月14日")])
            + licence_table([("许可证编号", "湘B2-20230412"), ("业务种类", "第二类增值电信业务中的在线数据处理与交易处理业务"),
                             ("有效期", "2023年03月至2028年03月")], "增值电信业务经营许可证"), brand, "#d9480f"),
        "img/ga.png": BADGE,
    }
    return Site("km-leiting-compliant-columns", "雷霆卡盟（合规卡盟平台：分栏页脚，居中版权区）", ["site", "platform"],
                "A 卡盟 wholesale platform with 分站 and suppliers (E-Commerce Law platform). A five-column link footer sits\n"
                "above a centred copyright strip that holds the licence, the linked ICP filing number and the MPS\n"
                "snippet; the agreement, rules, policy (numbered articles) and FAQ help centre are complete. An\n"
                "ordinary, compliant site: every applicable rule passes.", files)


def km_shanhai() -> Site:
    h, brand = "郑州山海信息技术有限公司", "山海卡盟"
    code = make_uscc("91", "410105", "MA9F3R6W")
    psb = "41010502003318"
    css = base_css("#f7f7f2", "#222", "#2f9e44")
    footer = f"""<footer class="ft">
<p><a href="/about.html">关于山海</a> · <a href="/agreement.html">用户协议</a> · <a href="/rules.html">交易规则</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助中心</a> · <a href="/contact.html">联系我们</a></p>
<p>在线客服QQ：3308812045　客服微信：shanhaika01　投诉邮箱：ts@shanhaika.com</p>
<p>{h}　统一社会信用代码 {code}　公司地址：河南省郑州市金水区</p>
<p><a href="https://beian.miit.gov.cn/#/Integrated/index" target="_blank">豫ICP备2022013579号-1</a>　<img src="/img/ga.png" width="14" height="14" alt="公安备案"> <a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank">豫公网安备 {psb}号</a></p>
<p>© 2022-2026 山海卡盟</p>
</footer>"""
    fcss = ".ft{background:#fff;border-top:3px solid #2f9e44;margin-top:40px;padding:20px 0 30px;text-align:center;font-size:13px;color:#555;line-height:2.1}.ft p{margin:0}.ft a{text-decoration:none}"
    home = home_page(f"{brand}_点卡批发_分站加盟", brand, [("首页", "/"), ("全部商品", "#"), ("开通分站", "#"), ("帮助", "/help.html")],
                     "山海卡盟 · 诚招分站 · 一件代发", [("今日特价", cards(CARD_GOODS[:8])), ("最新公告", news(KM_NEWS)),
                                                  ("更多商品", cards(CARD_GOODS[4:]))], footer, css, fcss)
    pol = dict(brand=brand, handler=h, address="河南省郑州市金水区", email="ts@shanhaika.com", features=KM_FEATURES,
               style="faq", variant=1)
    ag = dict(brand=brand, handler=h, phone="在线客服QQ 3308812045", email="ts@shanhaika.com", goods="点卡、游戏充值")
    stub = doc("交易规则", "<h1>交易规则</h1><p style='text-align:center;padding:60px 0'>交易规则正在完善中，敬请期待……</p>", brand, "#2f9e44")
    files = {
        "index.html": home,
        "privacy.html": privacy_page(pol, theme="#2f9e44"),
        "agreement.html": doc("用户协议", agreement_inner(dict(ag, agreement_title="用户协议")), brand, "#2f9e44"),
        "rules.html": stub,
        "help.html": doc("帮助中心", help_faq(dict(brand=brand, complain="发送邮件至 ts@shanhaika.com，写明订单号和问题，我们在24小时内回复。")), brand, "#2f9e44"),
        "contact.html": doc("联系我们", "<h1>联系我们</h1><p>在线客服QQ：3308812045（9:00-22:00）</p><p>客服微信：shanhaika01</p>"
                            "<p>投诉邮箱：ts@shanhaika.com</p><p>公司地址：河南省郑州市金水区</p>", brand, "#2f9e44"),
        "about.html": doc("关于我们", f"<h1>关于山海卡盟</h1><p>山海卡盟由{h}运营，主营游戏点卡批发，已开通分站1200余个。</p>", brand, "#2f9e44"),
        "img/ga.png": BADGE,
    }
    return Site("km-shanhai-qq-only-district-address-rules-stub", "山海卡盟（只有QQ/微信客服、地址只写到区、交易规则占位页）",
                ["site", "platform"],
                "A 卡盟 platform with 分站 whose contact details stop short: customer service is QQ and WeChat only (no\n"
                "telephone anywhere), the 'address' is 河南省郑州市金水区 — a district, not a place a consumer can send a\n"
                "letter to — and the 交易规则 link opens a 'coming soon' page. Only an ICP filing number is shown.",
                files,
                expect={"contact-phone-disclosed": "fail", "contact-address-disclosed": "fail",
                        "trading-rules-linked": "fail", "icp-licence-displayed": "needs_review"},
                why={"contact-phone-disclosed": "QQ 3308812045 and a WeChat id are not telephone numbers; no phone on home or contact page (Consumer Law Art. 28; rule text)",
                     "contact-address-disclosed": "河南省郑州市金水区 is a district, not a business address (Consumer Law Art. 28 经营地址); province/city/district tokens alone do not make an address",
                     "trading-rules-linked": "rules page says 交易规则正在完善中，敬请期待: no rules text to read (E-Commerce Law Art. 33 完整地阅览)",
                     "icp-licence-displayed": "a platform showing only the filing number 豫ICP备2022013579号-1: review whether it holds a licence (rule text)"})


def km_yunka() -> Site:
    h, brand = "深圳云卡数字科技有限公司", "云卡 Yunka"
    en = "Shenzhen Yunka Digital Technology Co., Ltd."
    code = make_uscc("91", "440305", "MA5HB37Q")
    addr = "广东省深圳市南山区粤海街道科技南十二路18号长虹科技大厦2105室"
    psb = "44030502008876"
    css = base_css("#eef3fb", "#1b2430", "#1864ab")
    footer = f"""<div class="ft">
<div class="row links"><a href="/about.html">关于我们 About</a><a href="/agreement.html">服务协议 Terms of Service</a><a href="/rules.html">交易规则 Trading Rules</a><a href="/privacy.html">隐私政策 Privacy Policy</a><a href="/help.html">帮助中心 Help</a><a href="/contact.html">联系我们 Contact</a><a href="/licence.html">营业执照 Business Licence</a></div>
<div class="row">客服热线 Hotline：0755-2660 1888　投诉邮箱 Complaints：complaints@yunka.com.cn</div>
<div class="row">{h}｜{en}</div>
<div class="row">地址 Address：{addr}</div>
<div class="row">统一社会信用代码 USCC：{code}</div>
<div class="row">增值电信业务经营许可证 ICP Licence：粤B2-20221234　｜　ICP备案 ICP Filing：<a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备2022098765号-1</a></div>
<div class="row"><a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" alt="" style="width:15px;vertical-align:-2px"> 粤公网安备{psb}号 Public Security Filing</a></div>
<div class="row">© 2026 Yunka. All rights reserved.</div>
</div>"""
    fcss = ".ft{background:#0b1d33;color:#9fb3c8;text-align:center;font-size:12.5px;padding:26px 0 34px;margin-top:40px}.ft .row{line-height:2.2}.ft a{color:#d0ebff;text-decoration:none}.ft .links a{margin:0 10px}"
    english = {}
    pol = dict(brand="云卡", handler=h, address=addr, email="privacy@yunka.com.cn", phone="0755-2660 1888",
               features=KM_FEATURES, style="bilingual", variant=2, english=english, title="隐私政策")
    ag = dict(brand="云卡", handler=h, phone="0755-2660 1888", email="complaints@yunka.com.cn", goods="游戏点卡、礼品卡、数字兑换码")
    files = {
        "index.html": home_page("云卡 Yunka - 数字卡券交易平台 Digital Card Marketplace", brand,
                                [("首页 Home", "/"), ("卡券 Cards", "#"), ("分站 Sub-sites", "#"), ("帮助 Help", "/help.html")],
                                "云卡 · Digital Cards for Everyone", [("热门 Popular", cards(CARD_GOODS)), ("公告 News", news(KM_NEWS))],
                                footer, css, fcss),
        "privacy.html": privacy_page(pol, theme="#1864ab"),
        "agreement.html": doc("服务协议 Terms of Service", agreement_inner(ag), "云卡", "#1864ab"),
        "rules.html": doc("交易规则 Trading Rules", rules_inner(ag), "云卡", "#1864ab"),
        "help.html": doc("帮助中心", help_tabs(dict(brand="云卡", contact_tab="<p>客服热线 0755-2660 1888</p>")), "云卡", "#1864ab", extra_css=TAB_CSS),
        "contact.html": doc("联系我们", f"<h1>联系我们 Contact</h1><p>客服热线 Hotline：0755-2660 1888</p><p>投诉邮箱 Complaints：complaints@yunka.com.cn</p><p>地址 Address：{addr}</p>", "云卡", "#1864ab"),
        "about.html": doc("关于我们", f"<h1>关于云卡 About Yunka</h1><p>{h}（{en}）成立于2022年，运营云卡数字卡券交易平台。</p>", "云卡", "#1864ab"),
        "licence.html": doc("营业执照", licence_table([("企业名称 Name", h), ("统一社会信用代码 USCC", code), ("法定代表人", "陈嘉"),
                                                  ("住所 Domicile", addr), ("注册资本", "1000万元")]), "云卡", "#1864ab"),
        "img/ga.png": BADGE,
    }
    return Site("km-yunka-bilingual-footer", "云卡 Yunka（中英双语页脚的卡券平台）", ["site", "platform"],
                "A card-trading platform with an English–Chinese bilingual footer: every label is doubled (ICP Licence,\n"
                "ICP Filing, Hotline, Complaints, Trading Rules …), lines are centred. The policy is written with\n"
                "circled-number rights; the help centre is tabbed (account tab hidden until clicked). Compliant.",
                files)


def km_jinqiu() -> Site:
    h, brand = "成都金秋网络科技有限公司", "金秋卡盟"
    code = make_uscc("91", "510107", "MA6CQ4L1")
    addr = "四川省成都市武侯区天府大道北段1700号环球中心E1区1108"
    psb = "51010702001234"
    css = base_css("#fff8ec", "#3b2f1c", "#e8590c")
    footer = f"""<div class="ft">
<table class="ftab"><tr>
<td><b>服务</b><br><a href="/agreement.html">用户服务协议</a><br><a href="/agreement.html#rules">交易规则</a><br><a href="/privacy.html">隐私政策</a></td>
<td><b>帮助</b><br><a href="/help.html">帮助中心</a><br><a href="/contact.html">联系我们</a><br><a href="/about.html">关于我们</a></td>
<td><b>客服</b><br>客服电话：028-8532 7716<br>投诉邮箱：jq_tousu@jinqiuka.com<br>服务时间 9:00-23:00</td>
</tr></table>
<p>{h}　统一社会信用代码：{code}　地址：{addr}</p>
<p>增值电信业务经营许可证 川B2-20210871　<a href="https://beian.miit.gov.cn" target="_blank">蜀ICP备2021012345号-2</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" alt="" width="14"> 蜀公网安备 {psb}号</a></p>
</div>"""
    fcss = ".ft{background:#3b2f1c;color:#e9dcc6;text-align:center;font-size:13px;padding:20px 0 30px;margin-top:40px;line-height:2}.ft a{color:#ffd8a8;text-decoration:none}.ftab{margin:0 auto 10px;text-align:left}.ftab td{padding:0 60px;vertical-align:top}.ft p{margin:0}"
    ag = dict(brand=brand, handler=h, phone="028-8532 7716", email="jq_tousu@jinqiuka.com", goods="点卡、话费、视频会员",
              acct_clause="账号注册后不可注销；如您不再使用，可修改密码后停止使用。")
    agreement = (agreement_inner(dict(ag, agreement_title="用户服务协议"))
                 + '\n<hr><div id="rules">' + rules_inner(dict(ag, rules_title="交易规则（本协议附件一）")) + "</div>")
    refusal = "账号一经注册，无法注销。如您不再使用本平台，可修改密码后停止使用，您的资料将继续保存在系统中。"
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@jinqiuka.com", phone="028-8532 7716",
               features=KM_FEATURES, style="articles", variant=1, cancel="refuse:" + refusal,
               retention="保存期限：交易记录自交易完成之日起保存三年；实名认证信息保存五年；登录日志保存六个月；账号资料在账号存续期间保存。")
    files = {
        "index.html": home_page(f"{brand}——点卡话费一站式批发", brand, [("首页", "/"), ("商品", "#"), ("分站", "#"), ("帮助", "/help.html")],
                                "金秋卡盟 · 十年老站", [("推荐商品", cards(CARD_GOODS)), ("平台公告", news(KM_NEWS))], footer, css, fcss),
        "agreement.html": doc("用户服务协议", agreement, brand, "#e8590c"),
        "privacy.html": privacy_page(pol, theme="#e8590c"),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand, cancel=refusal)), brand, "#e8590c"),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服电话：028-8532 7716</p><p>投诉邮箱：jq_tousu@jinqiuka.com</p><p>地址：{addr}</p>", brand, "#e8590c"),
        "about.html": doc("关于我们", f"<h1>关于金秋</h1><p>{h}运营的金秋卡盟创办于2016年，现有分站三千余家。</p>", brand, "#e8590c"),
        "img/ga.png": BADGE,
    }
    return Site("km-jinqiu-rules-anchor-shu-no-cancel", "金秋卡盟（交易规则是协议附件锚点；蜀ICP备/蜀公网安备；账号不能注销）",
                ["site", "platform"],
                "A 卡盟 platform in Sichuan. Its 交易规则 link is an anchor into the agreement page (/agreement.html#rules),\n"
                "where the full rules stand as 附件一 — complete and readable without login. Its filing numbers use the\n"
                "alternative abbreviation 蜀 (rulebook §2.0: 蜀 = 51). Both the help centre and the privacy policy say the\n"
                "account cannot be cancelled (账号一经注册，无法注销).",
                files,
                expect={"account-deletion-disclosed": "fail", "privacy-policy-content": "fail"},
                why={"trading-rules-linked": "the link opens the agreement page at #rules, where the complete rules (八章) are printed as 附件一: readable in full without login (E-Commerce Law Art. 33)",
                     "icp-number-displayed": "蜀ICP备2021012345号-2: 蜀 is Sichuan's alternative abbreviation (rulebook §2.0)",
                     "psb-filing-displayed": "蜀公网安备51010702001234号: 蜀 = 51, digits begin 51 (rulebook §2.4)",
                     "account-deletion-disclosed": "'账号一经注册，无法注销' refuses cancellation: E-Commerce Law Art. 24 requires the way to cancel and forbids unreasonable conditions",
                     "privacy-policy-content": "the policy itself says the account cannot be cancelled: 网络数据安全管理条例 Art. 21(4) requires the cancellation method; a stated refusal is a definite breach, not an uncertain gap (see README)"})


def km_xiaoyu_fenzhan() -> Site:
    name = "长沙市天心区小鱼数码产品经营部"
    brand = "小鱼点卡"
    code = make_uscc("92", "430103", "MA4RL8N2")
    addr = "湖南省长沙市天心区芙蓉中路三段569号湖南商会大厦西塔7楼712"
    psb = "43010302000987"
    css = base_css("#f0f9ff", "#17324d", "#1098ad")
    footer = f"""<div class="ft">
<div class="notice">本站为卡盟分站，商品由本经营部自行销售并负责售后。</div>
<p><a href="/privacy.html">隐私说明</a>｜<a href="/help.html">常见问题</a>｜<a href="/contact.html">联系我们</a>｜<a href="/about.html">关于本站</a></p>
<p>经营者：{name}（个体工商户）　统一社会信用代码：{code}</p>
<p>经营场所：{addr}</p>
<p>售后/投诉电话：139 7315 2468（微信同号）</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">湘ICP备2024031175号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" alt="" width="14">湘公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{text-align:center;font-size:13px;color:#486581;padding:18px 0 30px;margin-top:40px;border-top:1px solid #bcccdc;line-height:2}.ft p{margin:0}.ft a{color:#1098ad;text-decoration:none}.notice{color:#9f580a}"
    pol = dict(brand=brand, handler=name, address=addr, email="xiaoyushuma@163.com", phone="139 7315 2468",
               features=[("下单充值", "充值账号、手机号码", "完成充值和售后联系"), ("注册会员", "手机号码、密码", "保存您的订单记录")],
               style="notes", variant=2, retention="bare", title="隐私说明", sensitive=False,
               shares=[("上级卡盟供货系统", "充值账号、订单号", "完成自动充值")])
    files = {
        "index.html": home_page(f"{brand} - 游戏点卡 话费 会员充值", brand, [("首页", "/"), ("全部商品", "#"), ("订单查询", "#")],
                                "小鱼点卡 · 自动发货 · 24小时", [("商品", cards(CARD_GOODS))], footer, css, fcss),
        "privacy.html": privacy_page(pol, theme="#1098ad"),
        "help.html": doc("常见问题", help_faq(dict(brand=brand)), brand, "#1098ad"),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>电话：139 7315 2468</p><p>经营场所：{addr}</p>", brand, "#1098ad"),
        "about.html": doc("关于本站", f"<h1>关于本站</h1><p>本站由{name}经营，是卡盟分站，自2024年起销售游戏点卡和会员充值。</p>", brand, "#1098ad"),
        "img/ga.png": BADGE,
    }
    return Site("km-xiaoyu-fenzhan-getihu-bare-retention", "小鱼点卡（卡盟分站，个体工商户经营，保存期限只写“最短时间”）",
                ["site", "operator"],
                "A 分站 of a 卡盟 that sells on its own account (operator), run by a 个体工商户 whose credit code starts 92.\n"
                "The footer names the 经营部, its code, its premises and a mobile line labelled 售后/投诉. The short 隐私说明\n"
                "gives everything except a retention period: it says only 所必需的最短时间.",
                files,
                expect={"privacy-policy-content": "needs_review"},
                why={"business-licence-disclosed": "个体工商户 name + valid 92… credit code on the homepage (E-Commerce Law Art. 15)",
                     "entity-name-disclosed": "长沙市天心区小鱼数码产品经营部 is the registered name of the 个体工商户 (Consumer Law Art. 21)",
                     "privacy-policy-content": "retention is only '所必需的最短时间' (restates PIPL Art. 19, no period): one item missing → review"})


def km_tianji() -> Site:
    h, brand = "重庆天机互娱科技有限公司", "天机卡盟"
    code = make_uscc("91", "500112", "MAABT6Y4")
    addr = "重庆市渝北区金开大道西段106号10幢17-3"
    psb = "50011202502211"
    css = base_css("#f5f3ff", "#241b3a", "#7048e8")
    footer = f"""<div class="ft">
<p class="l"><a href="/agreement.html">服务协议</a><a href="/rules.html">平台规则</a><a href="/privacy.html">隐私权政策</a><a href="/help.html">帮助中心</a><a href="/contact.html">联系客服</a><a href="/about.html">公司简介</a></p>
<p>客服热线：023-6789 5500　投诉与举报：tianji_ts@tjkm.com.cn</p>
<p>{h}（统一社会信用代码 {code}）　地址：{addr}</p>
<p>增值电信业务经营许可证：渝B2-20230088　<a href="https://beian.miit.gov.cn/" target="_blank">渝ICP备2023002468号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">渝公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{background:#241b3a;color:#b9aee0;text-align:center;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#e5dbff;text-decoration:none}.ft .l a{margin:0 10px}"
    login = page("会员登录 - 天机卡盟", "<div style='width:360px;margin:120px auto;font-size:14px'><h2>会员登录</h2>"
                 "<p>请先登录后查看该页面</p><form><p>账号 <input name='u'></p><p>密码 <input type='password' name='p'></p>"
                 "<button>登录</button></form></div>")
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@tjkm.com.cn", phone="023-6789 5500", features=KM_FEATURES,
               style="accordion", variant=0, title="隐私权政策")
    ag = dict(brand=brand, handler=h, phone="023-6789 5500", email="tianji_ts@tjkm.com.cn", goods="游戏点卡与充值")
    files = {
        "index.html": home_page(f"{brand}官网", brand, [("首页", "/"), ("商品大厅", "#"), ("分站系统", "#"), ("登录", "/login.html")],
                                "天机卡盟 · 分站一键开通", [("热卖", cards(CARD_GOODS)), ("公告", news(KM_NEWS))], footer, css, fcss),
        "login.html": login,
        "rules.html": doc("平台规则", rules_inner(ag), brand, "#7048e8"),
        "agreement.html": doc("服务协议", agreement_inner(ag), brand, "#7048e8"),
        "privacy.html": privacy_page(pol, theme="#7048e8"),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand)), brand, "#7048e8"),
        "contact.html": doc("联系客服", f"<h1>联系客服</h1><p>客服热线：023-6789 5500</p><p>地址：{addr}</p>", brand, "#7048e8"),
        "about.html": doc("公司简介", f"<h1>公司简介</h1><p>{h}成立于2023年，运营天机卡盟。</p>", brand, "#7048e8"),
        "img/ga.png": BADGE,
    }
    return Site("km-tianji-rules-login-accordion-policy", "天机卡盟（平台规则需登录；隐私政策为折叠式章节）", ["site", "platform"],
                "A 卡盟 platform whose 平台规则 link answers 302 to a members' login form: the rules file exists on the\n"
                "server but a visitor cannot read it without an account. The privacy policy is an accordion of\n"
                "<details> sections, all collapsed: every item is on the page, one click away, and complete.",
                files, extra={"redirects": {"/rules.html": "/login.html?next=/rules.html"}},
                expect={"trading-rules-linked": "fail"},
                why={"trading-rules-linked": "/rules.html redirects to a login form: rules must be readable without login (E-Commerce Law Art. 33 便利、完整地阅览)",
                     "privacy-policy-content": "all items are in the policy page's <details> sections: collapsed sections of a published document are still its text (PIPL Art. 17 公开、便于查阅); see README"})


def km_huoniao_captcha() -> Site:
    body = ("<div style='width:420px;margin:140px auto;text-align:center;font-size:14px;color:#333'>"
            "<h2>安全验证</h2><p>为了保障您的访问安全，请拖动下方滑块完成验证后继续访问。</p>"
            "<div style='height:38px;background:#eee;border-radius:19px;position:relative'><div style='width:38px;height:38px;"
            "background:#1c7ed6;border-radius:19px'></div><span style='position:absolute;left:120px;top:9px;color:#888'>"
            "向右拖动滑块</span></div><p style='color:#999;font-size:12px'>WAF 防护 · 请求ID 8f3a2c71</p></div>")
    return Site("km-huoniao-slider-captcha", "火鸟卡盟（首页是滑块验证码防护页）", ["site", "platform"],
                "The homepage of this 卡盟 is a WAF slider-CAPTCHA page (安全验证 / 拖动滑块). Contract: a CAPTCHA or\n"
                "firewall page makes the site 'blocked', and a site that could not be assessed is never reported as\n"
                "non-compliant: no rule verdicts are expected.",
                {"index.html": page("安全验证", body)}, status="blocked")


def km_xingyun_pending() -> Site:
    h, brand = "杭州星云数娱科技有限公司", "星云卡盟"
    code = make_uscc("91", "330110", "MA2H0WQ7")
    addr = "浙江省杭州市余杭区五常街道文一西路998号海创园18幢502室"
    css = base_css("#f1f5f9", "#1e293b", "#0ca678")
    footer = f"""<div class="ft">
<p><a href="/agreement.html">平台服务协议</a>　<a href="/rules.html">交易规则</a>　<a href="/privacy.html">隐私政策</a>　<a href="/licence.html">证照信息</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a></p>
<p>客服电话：0571-8693 2210　投诉邮箱：complain@xingyunka.com</p>
<p>{h}　统一社会信用代码：{code}</p>
<p>ICP备案：备案审核中　｜　公安备案：审核中</p>
<p>Copyright © 2026 星云卡盟</p>
</div>"""
    fcss = ".ft{text-align:center;background:#0f172a;color:#94a3b8;font-size:13px;padding:22px 0 32px;margin-top:40px;line-height:2}.ft p{margin:0}.ft a{color:#cbd5e1;text-decoration:none}"
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@xingyunka.com", phone="0571-8693 2210",
               features=KM_FEATURES, style="table", variant=1,
               table_retention=["账号注销后15个工作日内删除", "账号注销后删除", "交易完成后3年", "分站关闭后3年", "180天"])
    ag = dict(brand=brand, handler=h, phone="0571-8693 2210", email="complain@xingyunka.com", goods="虚拟卡券")
    files = {
        "index.html": home_page(f"{brand} - 新站上线", brand, [("首页", "/"), ("商品", "#"), ("分站", "#")],
                                "星云卡盟 · 新站开业 · 分站免费开通", [("商品", cards(CARD_GOODS)), ("公告", news(KM_NEWS))], footer, css, fcss),
        "privacy.html": privacy_page(pol, theme="#0ca678"),
        "agreement.html": doc("平台服务协议", agreement_inner(ag), brand, "#0ca678"),
        "rules.html": doc("交易规则", rules_inner(ag), brand, "#0ca678"),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand)), brand, "#0ca678"),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服电话：0571-8693 2210</p><p>地址：{addr}</p>", brand, "#0ca678"),
        "licence.html": doc("证照信息", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", addr),
                                                 ("法定代表人", "沈一鸣"), ("成立日期", "2025年11月03日")]), brand, "#0ca678"),
    }
    return Site("km-xingyun-filing-pending", "星云卡盟（页脚写“备案审核中”，没有任何备案号）", ["site", "platform"],
                "A new 卡盟 platform already trading whose footer says ICP备案：备案审核中 and 公安备案：审核中 — a real\n"
                "phenomenon on fresh sites. No filing, licence or police number exists on the page. Everything\n"
                "else (licence info, contacts, agreement, rules, a table-style policy) is in order.",
                files,
                expect={"icp-number-displayed": "fail", "icp-number-linked": "fail", "icp-number-placement": "fail",
                        "psb-filing-displayed": "fail", "icp-licence-displayed": "fail"},
                why={"icp-number-displayed": "'备案审核中' is not a number: ICP Measures Art. 12 requires the filing/licence number on the homepage",
                     "icp-number-linked": "no filing number, so nothing links to the MIIT system (Filing Measures Art. 13)",
                     "icp-number-placement": "no number at the bottom centre (Filing Measures Art. 13)",
                     "psb-filing-displayed": "'审核中' instead of a 公网安备 number",
                     "icp-licence-displayed": "a trading platform shows neither a licence nor even a filing number (ICP Measures Art. 4, 7, 12)",
                     "disclosures-consistent": "the same code on the homepage and the licence page"})


def km_wanxiang_long_footer() -> Site:
    h, brand = "广州万象信息科技有限公司", "万象卡盟"
    code = make_uscc("91", "440106", "MA9UK2D5")
    addr = "广东省广州市天河区天河北路233号中信广场写字楼45楼4506"
    psb = "44010602009917"
    css = base_css("#fafafa", "#222", "#c2255c")
    subs = ["北京", "上海", "天津", "重庆", "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南",
            "郑州", "武汉", "长沙", "广州", "南宁", "海口", "成都", "贵阳", "昆明", "西安", "兰州", "西宁", "银川", "乌鲁木齐", "呼和浩特"]
    sub_links = "".join(f'<a href="#">{c}分站</a>' for c in subs)
    cats = ["腾讯专区", "网易专区", "米哈游专区", "盛大专区", "完美专区", "视频会员", "音乐会员", "话费流量", "加油卡", "京东E卡",
            "Steam", "苹果礼品卡", "手游直充", "端游点卡", "直播平台币"]
    cat_links = "".join(f'<a href="#">{c}</a>' for c in cats)
    footer = f"""<div class="ft">
<div class="blk"><b>热门分站：</b>{sub_links}</div>
<div class="blk"><b>商品分类：</b>{cat_links}</div>
<div class="blk"><b>平台信息：</b><a href="/about.html">关于我们</a><a href="/agreement.html">平台服务协议</a><a href="/rules.html">交易规则</a><a href="/privacy.html">隐私政策</a><a href="/help.html">帮助中心</a><a href="/contact.html">联系我们</a><a href="/licence.html">资质证照</a><a href="#">供货商入驻</a><a href="#">分站加盟</a><a href="#">违规公示</a><a href="#">历史规则</a><a href="#">友情链接</a></div>
<div class="bottom">
<p>客服热线 <b>400-990-7272</b>　投诉热线 <b>020-3868 1120</b>　投诉邮箱 <em>ts@wanxiangka.com</em></p>
<p>{h}　统一社会信用代码：<b>{code}</b>　地址：{addr}</p>
<p>增值电信业务经营许可证：<b>粤B2-20200456</b>　<a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备<b>2020054321</b>号-<sup>1</sup></a></p>
<p><a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="15" alt="">粤公网安备<em>{psb}</em>号</a></p>
</div></div>"""
    fcss = (".ft{background:#fff;border-top:1px solid #eee;margin-top:40px;font-size:12.5px;color:#666}.blk{width:1120px;margin:0 auto;"
            "padding:10px 0;border-bottom:1px dashed #eee;line-height:2}.blk a{margin-right:12px;text-decoration:none;color:#888}"
            ".bottom{text-align:center;padding:16px 0 30px;line-height:2}.bottom p{margin:0}.bottom a{text-decoration:none}"
            ".bottom em{font-style:normal}sup{font-size:100%;vertical-align:baseline}")
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@wanxiangka.com", phone="400-990-7272", features=KM_FEATURES,
               style="faq", variant=0)
    ag = dict(brand=brand, handler=h, phone="400-990-7272", email="ts@wanxiangka.com", goods="点卡、礼品卡、会员充值")
    files = {
        "index.html": home_page(f"{brand}_全国分站_点卡礼品卡批发", brand, [("首页", "/"), ("分类", "#"), ("分站", "#"), ("帮助", "/help.html")],
                                "万象卡盟 · 三十城分站", [("热销", cards(CARD_GOODS)), ("公告", news(KM_NEWS)), ("新品", cards(CARD_GOODS[::-1]))],
                                footer, css, fcss),
        "privacy.html": privacy_page(pol, theme="#c2255c"),
        "agreement.html": doc("平台服务协议", agreement_inner(ag), brand, "#c2255c"),
        "rules.html": doc("交易规则", rules_inner(ag), brand, "#c2255c"),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand)), brand, "#c2255c"),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服热线：400-990-7272</p><p>地址：{addr}</p>", brand, "#c2255c"),
        "about.html": doc("关于我们", f"<h1>关于万象</h1><p>{h}运营的万象卡盟覆盖三十个城市分站。</p>", brand, "#c2255c"),
        "licence.html": doc("资质证照", licence_table([("名称", h), ("统一社会信用代码", code), ("类型", "有限责任公司"),
                                                 ("法定代表人", "黄永明"), ("住所", addr)]) + licence_table(
            [("证书编号", "粤B2-20200456"), ("业务种类", "在线数据处理与交易处理业务、信息服务业务")], "增值电信业务经营许可证"), brand, "#c2255c"),
        "img/ga.png": BADGE,
    }
    return Site("km-wanxiang-long-footer-bold-digits", "万象卡盟（数十个链接的长页脚，编号拆在<b>/<em>/<sup>里）", ["site", "platform"],
                "A big 卡盟 platform with a very long footer: thirty 分站 links, fifteen category links and twelve\n"
                "platform links before the centred legal block. The numbers are split across inline tags\n"
                "(粤ICP备<b>2020054321</b>号-<sup>1</sup>, the police digits in <em>, the credit code in <b>) — the visitor\n"
                "reads them as ordinary text. Compliant.",
                files,
                why={"icp-number-displayed": "visible text reads 粤ICP备2020054321号-1 (inline <b>/<sup> do not change what is shown)"})


SITES = [km_leiting, km_shanhai, km_yunka, km_jinqiu, km_xiaoyu_fenzhan, km_tianji, km_huoniao_captcha,
         km_xingyun_pending, km_wanxiang_long_footer]


def km_lanhu_offsite_docs() -> Site:
    h, brand, theme = "南宁蓝狐网络科技有限公司", "蓝狐卡盟", "#1098ad"
    code = make_uscc("91", "450103", "MAA7KD2P")
    addr = "广西壮族自治区南宁市青秀区民族大道136号华润大厦C座2208"
    psb = "45010302002677"
    ua = "https://docs.qq.com/doc/DTGFuaHVYaWV5aQ"
    tr = "https://docs.qq.com/doc/DTGFuaHVHdWl6ZQ"
    footer = f"""<div class="ft">
<p><a href="{ua}" target="_blank">用户服务协议</a> | <a href="{tr}" target="_blank">平台交易规则</a> | <a href="/privacy.html">隐私政策</a> | <a href="/help.html">帮助中心</a> | <a href="/contact.html">联系我们</a></p>
<p>客服热线：0771-5566 8820　投诉邮箱：ts@lanhuka.com　地址：{addr}</p>
<p>{h}　统一社会信用代码：{code}</p>
<p>增值电信业务经营许可证：桂B2-20220150　<a href="https://beian.miit.gov.cn/" target="_blank">桂ICP备2022004433号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">桂公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{text-align:center;background:#e3fafc;color:#0c8599;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#0c8599;text-decoration:none}"
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@lanhuka.com", phone="0771-5566 8820", features=KM_FEATURES,
               style="notes", variant=2)
    files = {
        "index.html": home_page(f"{brand} - 点卡批发 分站加盟", brand, [("首页", "/"), ("商品", "#"), ("分站", "#")], "蓝狐卡盟 · 广西老牌卡盟",
                                [("商品", cards(CARD_GOODS)), ("公告", news(KM_NEWS))], footer, base_css("#f5fdff", "#0b3d44", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand)), brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服热线：0771-5566 8820</p><p>地址：{addr}</p>", brand, theme),
        "img/ga.png": BADGE,
    }
    return Site("km-lanhu-agreement-rules-on-tencent-docs", "蓝狐卡盟（用户协议和交易规则放在腾讯文档外链上）", ["site", "platform"],
                "A 卡盟 platform whose 用户服务协议 and 平台交易规则 links go to documents on docs.qq.com, another site.\n"
                "Whether those documents are complete and open without login cannot be seen from the audited site:\n"
                "contract — what could not be seen is not counted as missing. Its 客服热线 0771-5566 8820 has one digit too\n"
                "many for a Nanning number (found after the first run; see why: contact-phone-disclosed).",
                files,
                expect={"user-agreement-linked": "needs_review", "trading-rules-linked": "needs_review",
                        "contact-phone-disclosed": "fail"},
                why={"user-agreement-linked": "the link leads off-site (docs.qq.com); the document was not read: review (contract; rule's offsite case)",
                     "contact-phone-disclosed": "expectation corrected after the first run (was pass): 0771-5566 8820 has 8 local digits, Nanning (0771) numbers have 7 — the number cannot be dialled, so no working phone is published (Consumer Law Art. 28); the fixture error was mine",
                     "trading-rules-linked": "same: off-site document on docs.qq.com"})


SITES.append(km_lanhu_offsite_docs)
