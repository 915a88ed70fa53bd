"""Marketplaces (site + platform): B2B, second-hand, farm produce, a traditional-script market, registry rows."""
from __future__ import annotations

import opencc
from common import police_badge, text_badge
from homes import base_css, cards, home_page, news
from ids import make_uscc
from privacy import privacy_page
from sitekit import Site

from docs import TAB_CSS, agreement_inner, doc, help_faq, help_tabs, licence_table, rules_inner

BADGE = police_badge()
MKT_FEAT = [("注册账号", "手机号码、密码、昵称", "创建账号"), ("商家入驻", "营业执照、法定代表人姓名、身份证号码、银行账户", "审核入驻资质、结算货款"),
            ("下单交易", "收货人姓名、地址、电话、订单信息", "完成交易和配送"), ("评价与售后", "评价内容、图片、售后凭证", "展示评价、处理纠纷"),
            ("安全风控", "设备信息、IP地址、登录日志", "识别欺诈和违规交易")]


def _psb(prov, num, code=None):
    return (f'<a href="https://beian.mps.gov.cn/#/query/webSearch?code={code or num}" target="_blank">'
            f'<img src="/img/ga.png" width="14" alt="">{prov}公网安备{num}号</a>')


def mkt_haoyun() -> Site:
    h, brand, theme = "浙江好运五金网络科技有限公司", "好运五金网", "#e8590c"
    code = make_uscc("91", "330782", "MA2JW7N4")
    addr = "浙江省金华市义乌市福田街道国际商贸城五区东入口B座902"
    psb = "33078202102288"
    badges = "".join(f'<img src="/img/b{i}.png" width="96" height="34" alt="{a}">' for i, a in
                     enumerate(["诚信网站", "可信网站验证", "网络交易安全", "绿色网站"]))
    footer = f"""<div class="ft">
<div class="sitemap">
<div><b>采购商服务</b><a href="/help.html">采购指南</a><a href="/help.html">支付方式</a><a href="/help.html">物流查询</a><a href="/help.html">售后维权</a></div>
<div><b>供应商服务</b><a href="#">免费开店</a><a href="#">诚信通会员</a><a href="#">商家学院</a><a href="#">保证金规则</a></div>
<div><b>规则与协议</b><a href="/agreement.html">用户注册协议</a><a href="/rules.html">规则中心</a><a href="/privacy.html">个人信息保护政策</a><a href="#">知识产权保护</a></div>
<div><b>关于好运</b><a href="/about.html">公司介绍</a><a href="/contact.html">联系方式</a><a href="/licence.html">证照信息</a><a href="#">加入我们</a></div>
</div>
<div class="legal">
<p>客服热线：400-655-3322　维权投诉：0579-8523 6610　ts@haoyunwujin.com　地址：{addr}</p>
<p>{h}　统一社会信用代码：{code}</p>
<p>增值电信业务经营许可证：浙B2-20190456　<a href="https://beian.miit.gov.cn/" target="_blank">浙ICP备2019031188号-1</a>　{_psb("浙", psb)}</p>
<p class="badges">{badges}</p>
</div></div>"""
    fcss = (".ft{background:#fff;border-top:4px solid #e8590c;margin-top:40px;font-size:13px;color:#666}.sitemap{width:1000px;margin:0 auto;"
            "display:flex;justify-content:space-between;padding:24px 0}.sitemap b{display:block;color:#333;margin-bottom:6px}"
            ".sitemap a{display:block;line-height:2;color:#777;text-decoration:none}.legal{text-align:center;background:#f8f9fa;"
            "padding:16px 0 28px;line-height:2.1}.legal p{margin:0}.legal a{color:#555;text-decoration:none}.badges img{margin:6px 6px 0}")
    goods = [("不锈钢合页 4寸", "起批100个 · 义乌", "￥1.20/个"), ("膨胀螺丝 M8", "起批1000个", "￥0.15/个"), ("家用工具箱套装", "起批20套", "￥38/套"),
             ("门锁 指纹", "起批10把", "￥299/把"), ("抽屉滑轨", "三节", "￥6.5/副"), ("PVC水管接头", "起批500", "￥0.3/个"),
             ("电钻 锂电", "起批5台", "￥159/台"), ("扳手套装", "起批50套", "￥22/套"), ("水龙头 厨房", "起批20个", "￥45/个"),
             ("挂钩 免打孔", "起批1000", "￥0.8/个"), ("卷尺 5m", "起批200", "￥3.2/把"), ("防盗门拉手", "起批50", "￥18/个")]
    ag = dict(brand=brand, handler=h, phone="400-655-3322", email="ts@haoyunwujin.com", goods="五金工具、建材配件等商品", agreement_title="用户注册协议")
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@haoyunwujin.com", phone="400-655-3322", features=MKT_FEAT,
               style="articles", variant=2, title="个人信息保护政策",
               shares=[("平台内商家", "收货人姓名、电话、地址", "发货和售后"), ("支付机构", "订单号、金额", "支付结算"),
                       ("物流服务商", "收货人姓名、电话、地址", "配送")])
    rules = ("<h1>规则中心</h1><p>本页汇总好运五金网现行有效的全部规则，点击标题跳转阅读。</p><ul><li><a href='#t'>交易规则</a></li>"
             "<li><a href='#t'>评价规则</a></li><li><a href='#t'>违规处理规则</a></li></ul><div id='t'>" + rules_inner(ag) + "</div>")
    files = {
        "index.html": home_page("好运五金网 - 义乌五金批发采购平台", brand, [("首页", "/"), ("找货源", "#"), ("找工厂", "#"), ("规则中心", "/rules.html")],
                                "好运五金网 · 源头工厂 一件起批", [("热门货源", cards(goods)), ("行业资讯", news([("2026五金展会日程", "2026-10-09"), ("铜价走势周报", "2026-11-21")]))],
                                footer, base_css("#f5f5f5", "#333", theme), fcss),
        "agreement.html": doc("用户注册协议", agreement_inner(ag), brand, theme),
        "rules.html": doc("规则中心", rules, brand, theme),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "contact.html": doc("联系方式", f"<h1>联系方式</h1><p>客服热线：400-655-3322</p><p>维权投诉：0579-8523 6610</p><p>地址：{addr}</p>", brand, theme),
        "about.html": doc("公司介绍", f"<h1>公司介绍</h1><p>{h}运营好运五金网，入驻工厂一万二千余家。</p>", brand, theme),
        "licence.html": doc("证照信息", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", addr), ("法定代表人", "楼建华")])
                            + licence_table([("编号", "浙B2-20190456"), ("业务种类", "在线数据处理与交易处理业务")], "增值电信业务经营许可证"), brand, theme),
        "img/ga.png": BADGE,
        **{f"img/b{i}.png": text_badge(96, 34, t, c) for i, (t, c) in enumerate([("诚信网站", (46, 125, 50)), ("可信网站", (25, 113, 194)),
                                                                                  ("网络交易安全", (230, 119, 0)), ("绿色网站", (102, 168, 15))])},
    }
    return Site("mkt-haoyun-b2b-sitemap-badges", "好运五金网（B2B批发平台：站点地图式页脚、一排认证徽章）", ["site", "platform"],
                "A B2B wholesale marketplace in Yiwu with a four-column sitemap footer, a centred legal block and a row\n"
                "of trust-seal images. The agreement is titled 用户注册协议, the rules live in a 规则中心 page that opens\n"
                "with an index, and the policy is called 个人信息保护政策. An ordinary compliant platform.",
                files)


def mkt_linshe() -> Site:
    h, brand, theme = "上海邻舍网络科技有限公司", "邻舍二手", "#0ca678"
    code = make_uscc("91", "310112", "MA1H9U3F")
    addr = "上海市闵行区虹桥镇申长路988弄虹桥万科中心3号楼7层"
    psb = "31011202015540"
    footer = f"""<div class="ft">
<p><a href="/agreement.html">用户协议</a> · <a href="/rules.html">交易规则</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助与反馈</a> · <a href="/contact.html">联系我们</a> · <a href="/about.html">关于邻舍</a></p>
<p>客服电话：021-6090 1357　投诉举报：jubao@linshe2.com　地址：{addr}</p>
<p>{h}　统一社会信用代码：{code}</p>
<p>沪ICP证110234号　<a href="https://beian.miit.gov.cn/" target="_blank">沪ICP备2018036655号-3</a>　{_psb("沪", psb)}</p>
</div>"""
    fcss = ".ft{text-align:center;background:#e6fcf5;color:#087f5b;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#087f5b;text-decoration:none}"
    stub = doc("用户协议", "<h1>邻舍用户协议</h1><p>尊敬的用户，为了给您更好的阅读体验，完整的《邻舍用户协议》请下载邻舍APP，在“我的—设置—关于邻舍”中查看。</p>"
               "<p><a href='#'>下载APP</a></p>", brand, theme)
    goods = [("九成新 婴儿床", "闵行 · 自提", "￥280"), ("二手 山地车", "松江", "￥450"), ("闲置 咖啡机", "徐汇", "￥320"), ("书架 实木", "长宁", "￥150"),
             ("儿童绘本 30本", "浦东", "￥60"), ("吉他 民谣", "杨浦", "￥380"), ("空气炸锅", "九成新", "￥120"), ("登山包 40L", "全新", "￥199")]
    ag = dict(brand=brand, handler=h, phone="021-6090 1357", email="jubao@linshe2.com", goods="个人闲置物品及商家二手商品")
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@linshe2.com", phone="021-6090 1357", features=MKT_FEAT,
               style="faq", variant=0)
    files = {
        "index.html": home_page("邻舍二手 - 身边的闲置交易", brand, [("首页", "/"), ("同城", "#"), ("发布闲置", "#")], "邻舍二手 · 让闲置流动起来",
                                [("附近闲置", cards(goods)), ("社区公告", news([("关于打击虚假交易的公告", "2026-11-02")]))], footer,
                                base_css("#f8fffc", "#0b3d2e", theme), fcss),
        "agreement.html": stub,
        "rules.html": doc("交易规则", rules_inner(ag), brand, theme),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助与反馈", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服电话：021-6090 1357</p><p>地址：{addr}</p>", brand, theme),
        "about.html": doc("关于邻舍", f"<h1>关于邻舍</h1><p>{h}运营的邻舍二手是社区闲置交易平台。</p>", brand, theme),
        "img/ga.png": BADGE,
    }
    return Site("mkt-linshe-agreement-only-in-app", "邻舍二手（用户协议页只说“请下载APP查看完整协议”）", ["site", "platform"],
                "A second-hand marketplace with an ICP licence (沪ICP证110234号) and a linked filing number. Its 用户协议\n"
                "link opens a page that holds no agreement: 'the full agreement is in the app'. The trading rules are\n"
                "complete on the web.",
                files,
                expect={"user-agreement-linked": "fail"},
                why={"user-agreement-linked": "the agreement page only points to the app: E-Commerce Law Art. 33 requires the agreement to be readable and downloadable in full from the homepage's link",
                     "icp-licence-displayed": "沪ICP证110234号 is an ICP operating licence (rulebook §2.2)"})


def mkt_haixia_trad() -> Site:
    cc = opencc.OpenCC("s2tw")

    def tw(s: str) -> str:
        return cc.convert(s).replace("賬號", "帳號").replace("賬戶", "帳戶")

    h_s, brand_s, theme = "厦门海峡优品电子商务有限公司", "海峡特产市集", "#1864ab"
    code = make_uscc("91", "350206", "MA33FW8B")
    addr_s = "福建省厦门市湖里区金尚路899号海峡国际社区1号楼1203室"
    psb = "35020602001388"
    h, addr = tw(h_s), tw(addr_s)
    footer = f"""<div class="ft">
<ul class="lk"><li><a href="/agreement.html">用戶服務條款</a></li><li><a href="/rules.html">交易規則</a></li><li><a href="/privacy.html">隱私權政策</a></li><li><a href="/help.html">常見問題</a></li><li><a href="/contact.html">聯絡我們</a></li><li><a href="/about.html">關於我們</a></li><li><a href="/licence.html">營業執照</a></li></ul>
<p>客服專線：0592-5788 6600　申訴信箱：service@haixiamart.com</p>
<p>{h}　統一社會信用代碼：{code}</p>
<p>地址：{addr}</p>
<p>增值電信業務經營許可證：閩B2-20200321　<a href="https://beian.miit.gov.cn/" target="_blank">閩ICP備2020012345號-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">閩公網安備{psb}號</a></p>
</div>"""
    fcss = (".ft{text-align:center;background:#e7f5ff;color:#1864ab;font-size:13px;line-height:2.1;padding:20px 0 32px;margin-top:40px}"
            ".ft p{margin:0}.ft a{color:#1864ab;text-decoration:none}.lk{list-style:none;padding:0;margin:0 0 6px}.lk li{display:inline;margin:0 10px}")
    goods = [("金門貢糖", "花生酥", "￥45"), ("鳳梨酥 禮盒", "12入", "￥88"), ("高山烏龍茶", "150g", "￥168"), ("鼓浪嶼餡餅", "綠豆", "￥35"),
             ("沙茶醬", "古早味", "￥29"), ("牛軋糖", "蔓越莓", "￥39"), ("太陽餅", "台中", "￥42"), ("花生湯罐頭", "6罐", "￥36")]
    ag = dict(brand=brand_s, handler=h_s, phone="0592-5788 6600", email="service@haixiamart.com", goods="两岸特产食品", agreement_title="用户服务条款")
    pol = dict(brand=brand_s, handler=h_s, address=addr_s, email="privacy@haixiamart.com", phone="0592-5788 6600", features=MKT_FEAT,
               style="articles", variant=1, title="隐私权政策")
    files = {
        "index.html": home_page("海峽特產市集 - 兩岸好物", tw(brand_s), [("首頁", "/"), ("台灣特產", "#"), ("閩南特產", "#"), ("常見問題", "/help.html")],
                                "海峽特產市集 · 兩岸好味道", [("熱銷", cards(goods)), ("最新消息", news([("中秋禮盒預購開跑", "2026-08-15")]))],
                                footer, base_css("#f8fbff", "#0b2545", theme, "'PingFang TC','Microsoft JhengHei',sans-serif"), fcss, lang="zh-Hant"),
        "agreement.html": tw(doc("用户服务条款", agreement_inner(ag), brand_s, theme)),
        "rules.html": tw(doc("交易规则", rules_inner(ag), brand_s, theme)),
        "privacy.html": tw(privacy_page(pol, theme=theme)),
        "help.html": tw(doc("常见问题", help_faq(dict(kind="shop", brand=brand_s)), brand_s, theme)),
        "contact.html": tw(doc("联络我们", f"<h1>联络我们</h1><p>客服专线：0592-5788 6600</p><p>地址：{addr_s}</p>", brand_s, theme)),
        "about.html": tw(doc("关于我们", f"<h1>关于我们</h1><p>{h_s}经营海峡特产市集，入驻两岸商家三百余家。</p>", brand_s, theme)),
        "licence.html": tw(doc("营业执照", licence_table([("名称", h_s), ("统一社会信用代码", code), ("住所", addr_s), ("法定代表人", "林志明")]), brand_s, theme)),
        "img/ga.png": BADGE,
    }
    return Site("mkt-haixia-taiwan-script-zhanghao", "海峽特產市集（台湾繁体用语：用戶服務條款、隱私權政策、註銷帳號、申訴信箱）",
                ["site", "platform"],
                "A cross-strait specialty-food marketplace in Xiamen written in Taiwan-style traditional characters:\n"
                "用戶服務條款, 交易規則, 隱私權政策, 聯絡我們, 客服專線, 申訴信箱 (complaint mailbox), and 帳號/帳戶 (not 賬號)\n"
                "throughout the policy and help centre ('如何註銷帳號'). Written to be compliant in another script and\n"
                "idiom; after the first run it turned out that its 客服專線 0592-5788 6600 has one digit too many for a\n"
                "Xiamen number (see why: contact-phone-disclosed).",
                files,
                expect={"contact-phone-disclosed": "fail"},
                why={"complaint-channel-disclosed": "申訴信箱 service@haixiamart.com is the Taiwanese wording of 投诉邮箱",
                     "contact-phone-disclosed": "expectation corrected after the first run (was pass): 0592-5788 6600 has 8 local digits, Xiamen (0592) numbers have 7 — the number cannot be dialled, so no working phone is published (Consumer Law Art. 28); the fixture error was mine",
                     "account-deletion-disclosed": "help centre: '怎樣註銷帳號？ 進入“帳號設置—安全中心—註銷帳號”…' (帳號 = 账号)"})


def mkt_nongjia() -> Site:
    h, brand, theme = "寿光农家集市电子商务有限公司", "农家集市", "#5c940d"
    code = make_uscc("91", "370783", "MA3Q6XE1")
    addr = "山东省潍坊市寿光市文圣街2566号蔬菜高科技示范园电商大厦506"
    psb = "37078302000318"
    wrong = "37078302000381"
    footer = f"""<div class="ft">
<p><a href="/agreement.html">平台服务协议</a>　<a href="/privacy.html">隐私政策</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a>　<a href="/about.html">关于我们</a></p>
<p>{h}　统一社会信用代码：{code}</p>
<p>客服热线：0536-5216 888　投诉电话：0536-5216 889　地址：{addr}</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">鲁ICP备2021038842号-1</a>　{_psb("鲁", psb, wrong)}</p>
</div>"""
    fcss = ".ft{text-align:center;background:#f4fce3;color:#5c940d;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#5c940d;text-decoration:none}"
    goods = [("寿光西红柿 5斤", "合作社直供", "￥19.9"), ("黄瓜 5斤", "水果黄瓜", "￥15.9"), ("彩椒 3斤", "红黄双色", "￥18.8"),
             ("茄子 5斤", "长茄", "￥12.9"), ("韭菜 2斤", "头刀", "￥9.9"), ("西葫芦 5斤", "嫩", "￥11.9"), ("圣女果 3斤", "千禧", "￥22.8"),
             ("蒜薹 2斤", "新鲜", "￥13.9")]
    ag = dict(brand=brand, handler=h, phone="0536-5216 888", email="ts@nongjiajishi.cn", goods="蔬菜水果等农产品")
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@nongjiajishi.cn", phone="0536-5216 888", features=MKT_FEAT,
               style="notes", variant=2)
    files = {
        "index.html": home_page("农家集市 - 寿光蔬菜产地直供平台", brand, [("首页", "/"), ("蔬菜", "#"), ("合作社", "#")], "农家集市 · 菜园到餐桌",
                                [("今日鲜蔬", cards(goods)), ("平台动态", news([("新入驻合作社公示", "2026-11-01")]))], footer,
                                base_css("#fbfff5", "#2b3a1a", theme), fcss),
        "agreement.html": doc("平台服务协议", agreement_inner(ag), brand, theme),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服热线：0536-5216 888</p><p>地址：{addr}</p>", brand, theme),
        "about.html": doc("关于我们", f"<h1>关于我们</h1><p>{h}运营农家集市，三百余家合作社入驻销售。</p>", brand, theme),
        "img/ga.png": BADGE,
    }
    return Site("mkt-nongjia-no-rules-psb-code-swapped", "农家集市（没有交易规则；公安备案链接里的编号末两位颠倒）", ["site", "platform"],
                f"A farm-produce marketplace where cooperatives sell (platform). There is no trading-rules link or page at\n"
                f"all. The police number shown is {psb} but its link carries {wrong} (last two digits swapped). Only an\n"
                "ICP filing number is shown.",
                files,
                expect={"trading-rules-linked": "fail", "psb-filing-displayed": "fail", "disclosures-consistent": "fail",
                        "icp-licence-displayed": "needs_review"},
                why={"trading-rules-linked": "no 交易规则 link on the homepage (E-Commerce Law Art. 33)",
                     "psb-filing-displayed": f"shows {psb}, the link carries {wrong}: the link does not lead to this site's record",
                     "disclosures-consistent": "the police link code differs from the number shown (rule text)",
                     "icp-licence-displayed": "platform with a filing number only: review (rule text)"})


def _xinyuan(slug: str, name: str, comment: str, registry: dict, expect: dict, why: dict) -> Site:
    h, brand, theme = "义乌鑫源电子商务有限公司", "鑫源批发网", "#c92a2a"
    code = make_uscc("91", "330782", "MA2M5C3T")
    addr = "浙江省金华市义乌市稠城街道工人北路1121号鑫源大厦12楼"
    psb = "33078202103345"
    footer = f"""<div class="ft">
<p><a href="/agreement.html">平台服务协议</a> | <a href="/rules.html">交易规则</a> | <a href="/privacy.html">隐私政策</a> | <a href="/help.html">帮助中心</a> | <a href="/contact.html">联系我们</a> | <a href="/licence.html">营业执照</a></p>
<p>客服热线：400-877-5599　投诉邮箱：ts@xinyuanpf.com　地址：{addr}</p>
<p>{h}　统一社会信用代码：{code}</p>
<p>增值电信业务经营许可证：浙B2-20200233　<a href="https://beian.miit.gov.cn/" target="_blank">浙ICP备2020011223号-1</a>　{_psb("浙", psb)}</p>
</div>"""
    fcss = ".ft{text-align:center;background:#fff5f5;color:#a61e4d;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#a61e4d;text-decoration:none}"
    goods = [("发饰套装", "起批50", "￥1.5/套"), ("保温杯", "起批20", "￥12/个"), ("节日气球", "起批100包", "￥2.2/包"), ("手机壳", "起批50", "￥3/个"),
             ("收纳盒", "起批30", "￥5.5/个"), ("圣诞装饰", "起批20", "￥8/套"), ("文具套装", "起批100", "￥4/套"), ("毛绒玩具", "起批20", "￥9/个")]
    ag = dict(brand=brand, handler=h, phone="400-877-5599", email="ts@xinyuanpf.com", goods="小商品")
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@xinyuanpf.com", phone="400-877-5599", features=MKT_FEAT,
               style="table", variant=0, table_retention=["注销后15个工作日内删除", "商家退出后3年", "交易完成后3年", "交易完成后3年", "6个月"])
    files = {
        "index.html": home_page("鑫源批发网 - 义乌小商品批发", brand, [("首页", "/"), ("货源", "#"), ("工厂", "#")], "鑫源批发网 · 义乌好货",
                                [("热门", cards(goods)), ("资讯", news([("2026秋季采购节", "2026-09-18")]))], footer,
                                base_css("#fffafa", "#3b0d0d", theme), fcss),
        "agreement.html": doc("平台服务协议", agreement_inner(ag), brand, theme),
        "rules.html": doc("交易规则", rules_inner(ag), brand, theme),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服热线：400-877-5599</p><p>地址：{addr}</p>", brand, theme),
        "licence.html": doc("营业执照", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", addr), ("法定代表人", "吴晓东")]), brand, theme),
        "img/ga.png": BADGE,
    }
    reg = {"registered_name": h, "registered_uscc": code, "registered_icp": "浙ICP备2020011223号",
           "registered_phones": ["400-877-5599", "0579-8551 2200"], **registry}
    return Site(slug, name, ["site", "platform"], comment, files, expect=expect, why=why, extra={"registry": reg})


def mkt_xinyuan_ok() -> Site:
    return _xinyuan("mkt-xinyuan-registry-all-match", "鑫源批发网（登记信息全部一致）",
                    "A Yiwu small-commodities marketplace with a registry row: its name, credit code, ICP number and\n"
                    "hotline are the registered ones and it is served on a registered domain. Compliant.",
                    {"registered_domains": ["{host}", "www.xinyuanpf.com"]}, {}, {})


def mkt_xinyuan_clone() -> Site:
    return _xinyuan("mkt-xinyuan-clone-everything-copied", "鑫源批发网（整站克隆：连客服电话都照搬，只有域名不对）",
                    "A byte-for-byte clone of the 鑫源批发网 marketplace served on a domain the operator never\n"
                    "registered (registered: www.xinyuanpf.com, xinyuanpf.com). Unlike a typical imitation it keeps the\n"
                    "real hotline, so every identifier matches the registry: only the domain gives it away.",
                    {"registered_domains": ["www.xinyuanpf.com", "xinyuanpf.com"]},
                    {"registry-domain-official": "fail"},
                    {"registry-domain-official": "served outside the registered domains while showing the registered name, code and numbers: possible imitation site",
                     "registry-phone-match": "the copied hotline 400-877-5599 is registered"})


def mkt_jiangnan() -> Site:
    h, brand, theme = "苏州江南织造网络科技有限公司", "江南布市", "#364fc7"
    code = make_uscc("91", "320508", "MA20YW6K")
    addr = "江苏省苏州市姑苏区人民路3118号国发平江大厦11楼"
    psb = "32050802011762"
    ag = dict(brand=brand, handler=h, phone="0512-6525 7788", email="ts@jiangnanbushi.com", goods="面料、辅料和纺织品")
    modal = (f'<div id="uam" style="display:none;position:fixed;inset:40px 15%;background:#fff;border:1px solid #999;overflow:auto;'
             f'padding:20px 30px;z-index:20;font-size:14px;line-height:1.9"><p style="text-align:right"><a href="javascript:;" '
             f'onclick="document.getElementById(\'uam\').style.display=\'none\'">关闭 ×</a></p>{agreement_inner(ag)}</div>')
    footer = f"""<div class="ft">
<p><a href="javascript:;" onclick="document.getElementById('uam').style.display='block'">用户协议</a> · <a href="/rules.html">交易规则</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助中心</a> · <a href="/contact.html">联系我们</a> · <a href="/licence.html">营业执照</a></p>
<p>客服热线：0512-6525 7788　投诉邮箱：ts@jiangnanbushi.com　地址：{addr}</p>
<p>{h}　统一社会信用代码：{code}</p>
<p>增值电信业务经营许可证：<em>苏B2-20200117</em>　<a href="https://beian.miit.gov.cn/" target="_blank">苏ICP备2019023456号-2</a>　{_psb("苏", psb)}</p>
</div>{modal}"""
    fcss = ".ft{text-align:center;background:#edf2ff;color:#364fc7;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#364fc7;text-decoration:none}.ft em{font-style:normal}"
    goods = [("真丝双绉 16姆米", "起订3米", "￥68/米"), ("宋锦面料", "起订5米", "￥120/米"), ("棉麻布", "起订10米", "￥18/米"), ("香云纱", "起订3米", "￥260/米"),
             ("提花缎", "起订5米", "￥45/米"), ("刺绣花边", "起订20码", "￥6/码"), ("纽扣 贝壳", "起订500粒", "￥0.4/粒"), ("拉链 YKK", "起订100条", "￥2.5/条")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@jiangnanbushi.com", phone="0512-6525 7788", features=MKT_FEAT,
               style="accordion", variant=2)
    reg = {"registered_name": h, "registered_uscc": code, "registered_icp": "苏ICP备2021034567号",
           "registered_phones": ["0512-6525 7788"], "registered_domains": ["{host}", "jiangnanbushi.com"]}
    files = {
        "index.html": home_page("江南布市 - 苏州面料交易平台", brand, [("首页", "/"), ("丝绸", "#"), ("棉麻", "#")], "江南布市 · 一匹好布",
                                [("面料", cards(goods)), ("公告", news([("面料商家入驻审核调整", "2026-10-25")]))], footer,
                                base_css("#f8f9ff", "#1b1f3b", theme), fcss),
        "rules.html": doc("交易规则", rules_inner(ag), brand, theme),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_tabs(dict(brand=brand, contact_tab="<p>客服热线 0512-6525 7788</p>")), brand, theme, extra_css=TAB_CSS),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服热线：0512-6525 7788</p><p>地址：{addr}</p>", brand, theme),
        "licence.html": doc("营业执照", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", addr)]), brand, theme),
        "img/ga.png": BADGE,
    }
    return Site("mkt-jiangnan-agreement-modal-stale-icp", "江南布市（用户协议在首页弹窗里；显示的备案号不是登记的备案号）", ["site", "platform"],
                "A fabric marketplace whose 用户协议 link is a javascript: link that opens a modal on the homepage holding\n"
                "the full agreement (hidden until clicked). Its registry row says 苏ICP备2021034567号, but the footer still\n"
                "shows the older filing 苏ICP备2019023456号-2.",
                files, extra={"registry": reg},
                expect={"registry-icp-match": "fail"},
                why={"user-agreement-linked": "clicking 用户协议 opens the complete agreement (ten chapters) over the homepage, no login: E-Commerce Law Art. 33 (链接标识, 完整地阅览)",
                     "registry-icp-match": "shows 苏ICP备2019023456号, registered 苏ICP备2021034567号"})


SITES = [mkt_haoyun, mkt_linshe, mkt_haixia_trad, mkt_nongjia, mkt_xinyuan_ok, mkt_xinyuan_clone, mkt_jiangnan]
