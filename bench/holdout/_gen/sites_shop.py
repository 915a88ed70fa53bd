"""Ordinary online shops (site + operator): food, clothing, electronics, flowers, furniture …"""
from __future__ import annotations

import opencc
from common import police_badge
from homes import base_css, cards, home_page, news
from ids import make_uscc
from privacy import privacy_page
from sitekit import Site

from docs import TAB_CSS, doc, help_faq, help_tabs, licence_table

BADGE = police_badge()
FEAT = [("注册登录", "手机号码、短信验证码", "创建会员账号、登录"), ("购买商品", "收货人姓名、收货地址、联系电话、订单信息", "配送商品和开具发票"),
        ("支付", "支付方式、支付流水号", "确认付款"), ("客服与售后", "聊天记录、通话录音、售后凭证照片", "处理咨询、退换货和投诉"),
        ("运营与安全", "设备型号、操作系统、IP地址、浏览记录", "保障账号安全、改进服务")]


def psb_link(prov: str, num: str, badge: bool = True) -> str:
    img = '<img src="/img/ga.png" width="14" alt="">' if badge else ""
    return f'<a href="https://beian.mps.gov.cn/#/query/webSearch?code={num}" target="_blank">{img}{prov}公网安备{num}号</a>'


def icp_link(text: str, href: str = "https://beian.miit.gov.cn/") -> str:
    return f'<a href="{href}" target="_blank">{text}</a>'


def simple_pages(brand, theme, h, addr, phone, about_extra="", contact_extra=""):
    return {
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服电话：{phone}</p><p>地址：{addr}</p>{contact_extra}", brand, theme),
        "about.html": doc("关于我们", f"<h1>关于{brand}</h1><p>{brand}是{h}开设的官方网店。</p>{about_extra}", brand, theme),
    }


def centred_footer(lines: list[str], bg="#fff", fg="#666", link="#333") -> tuple[str, str]:
    html = '<div class="ft">' + "".join(f"<p>{x}</p>" for x in lines) + "</div>"
    css = (f".ft{{text-align:center;background:{bg};color:{fg};font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}}"
           f".ft p{{margin:0}}.ft a{{color:{link};text-decoration:none;margin:0 4px}}")
    return html, css


def shop_chayun() -> Site:
    h, brand, theme = "杭州茶韵坊茶业有限公司", "茶韵坊", "#5c7c3a"
    code = make_uscc("91", "330106", "MA27T5C9")
    addr = "浙江省杭州市西湖区龙井路1号茶韵坊茶楼二层"
    psb = "33010602013358"
    phone = "0571-8796 5523"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于茶韵坊</a>|<a href="/privacy.html">隐私政策</a>|<a href="/help.html">帮助中心</a>|<a href="/contact.html">联系我们</a>|<a href="/licence.html">证照公示</a>',
        f"客服热线：{phone}　投诉热线：0571-8796 5520　门店地址：{addr}",
        f"{h} 版权所有",
        icp_link("浙ICP备2020039921号-1") + "　" + psb_link("浙", psb)], "#f6f1e7", "#6b5a3e", "#5c7c3a")
    goods = [("明前西湖龙井 250g", "一级 · 罐装", "￥398"), ("安吉白茶 100g", "头采", "￥168"), ("九曲红梅 150g", "红茶", "￥128"),
             ("径山茶 礼盒", "两罐装", "￥258"), ("紫砂壶 西施", "宜兴原矿", "￥880"), ("青瓷盖碗", "龙泉窑", "￥198"),
             ("茶盘 乌金石", "整石雕刻", "￥460"), ("桂花龙井 袋泡", "20袋", "￥39"), ("莫干黄芽 100g", "黄茶", "￥148"),
             ("千岛玉叶 100g", "绿茶", "￥118"), ("茶则茶针套装", "黑檀", "￥88"), ("便携旅行茶具", "一壶三杯", "￥136")]
    pol = dict(brand=brand, handler=h, address=addr, email="kefu@chayunfang.com", phone=phone, features=FEAT, style="table", variant=0,
               table_retention=["注销后15个工作日内删除", "交易完成后3年", "交易完成后3年", "1年", "6个月"])
    lic = ("<h1>证照公示</h1>" + licence_table([("名称", h), ("统一社会信用代码", code), ("类型", "有限责任公司（自然人独资）"),
                                              ("法定代表人", "俞晓峰"), ("注册资本", "200万元"), ("住所", addr),
                                              ("经营范围", "茶叶销售；食品销售；日用百货销售")], "营业执照")
           + licence_table([("许可证编号", "JY13301060123456"), ("经营者名称", h), ("经营项目", "预包装食品（含冷藏冷冻食品）销售"),
                            ("有效期至", "2029年05月11日")], "食品经营许可证"))
    files = {
        "index.html": home_page("茶韵坊官方网店 - 西湖龙井 杭州好茶", brand, [("首页", "/"), ("绿茶", "#"), ("红茶", "#"), ("茶器", "#")],
                                "茶韵坊 · 一杯西湖春", [("当季新茶", cards(goods)), ("茶事资讯", news([("2026春茶预售开启", "2026-03-01"), ("龙井的冲泡方法", "2026-04-12")]))],
                                footer, base_css("#fbf8f2", "#3e3423", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "licence.html": doc("证照公示", lic, brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
    }
    return Site("shop-chayun-licence-table-link", "茶韵坊（证照公示链接：营业执照和食品经营许可证两张表）", ["site", "operator"],
                "A tea shop whose homepage names the company but shows no code; a footer link labelled 证照公示 opens a\n"
                "page with two tables: the business licence (name, credit code, type, legal representative, capital,\n"
                "domicile, scope) and the 食品经营许可证. The policy is an inventory table with a retention column.",
                files,
                why={"business-licence-disclosed": "a labelled 证照公示 link on the homepage to the licence details (E-Commerce Law Art. 15: 或者上述信息的链接标识)",
                     "disclosures-consistent": "the police link carries the number shown; the code appears on the licence page only"})


def shop_mianmian() -> Site:
    h, brand, theme = "苏州棉棉服饰有限公司", "棉棉童装", "#e64980"
    code = make_uscc("91", "320505", "MA27QW8L")
    spaced = " ".join(code[i:i + 4] for i in range(0, 18, 4))
    addr = "江苏省苏州市虎丘区狮山路199号新地中心18楼1806"
    psb = "32050502010871"
    phone = "0512-6808 3390"
    footer = f"""<div class="ft"><div class="g">
<div><h5>购物指南</h5><a href="/help.html">帮助中心</a><a href="/help.html">尺码对照</a><a href="/help.html">配送说明</a></div>
<div><h5>售后服务</h5><a href="/help.html">退换货政策</a><a href="/contact.html">联系客服</a><span>客服热线 {phone}</span></div>
<div><h5>关于棉棉</h5><a href="/about.html">品牌故事</a><a href="/privacy.html">隐私政策</a><a href="/licence.html">营业执照</a></div>
<div><h5>关注我们</h5><span>微信公众号：棉棉童装</span><span>微博：@棉棉童装</span></div>
</div>
<div class="b"><p>{h}　统一社会信用代码：{spaced}</p><p>地址：{addr}　投诉邮箱：ts@mianmian.com.cn</p>
<p>{icp_link("苏ICP备2019058812号-2")}　{psb_link("苏", psb)}</p></div></div>"""
    fcss = (".ft{background:#fff0f6;margin-top:40px;font-size:13px;color:#7a4b5e}.g{width:1000px;margin:0 auto;display:flex;"
            "justify-content:space-between;padding:24px 0}.g h5{font-size:14px;margin:0 0 8px;color:#c2255c}.g a,.g span{display:block;"
            "line-height:2;color:#7a4b5e;text-decoration:none}.b{text-align:center;border-top:1px solid #fcc2d7;padding:14px 0 28px;"
            "line-height:2}.b p{margin:0}.b a{color:#7a4b5e;text-decoration:none}")
    goods = [("纯棉短袖T恤", "90-140cm", "￥59"), ("婴儿连体衣", "A类 新生儿", "￥89"), ("女童碎花裙", "夏季", "￥99"),
             ("男童工装裤", "防蚊", "￥79"), ("针织开衫", "春秋", "￥109"), ("儿童防晒衣", "UPF50+", "￥89"),
             ("睡衣套装", "莫代尔", "￥119"), ("袜子5双装", "精梳棉", "￥39")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@mianmian.com.cn", phone=phone, features=FEAT,
               style="notes", variant=0, rights="listed", cancel=None,
               retention="收货信息和订单信息在订单完成后保存3年，以便处理售后和满足法律要求；客服通话录音保存6个月；会员资料在您注销会员后15个工作日内删除。")
    files = {
        "index.html": home_page("棉棉童装官方商城", brand, [("首页", "/"), ("婴儿", "#"), ("童装", "#"), ("帮助", "/help.html")],
                                "棉棉童装 · 亲肤纯棉", [("新品上市", cards(goods)), ("热卖", cards(goods[::-1]))],
                                footer, base_css("#fff", "#4a2c3a", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("服务中心", help_tabs(dict(brand=brand, contact_tab=f"<p>客服热线 {phone}</p>")), brand, theme, extra_css=TAB_CSS),
        "licence.html": doc("营业执照", licence_table([("名称", h), ("统一社会信用代码", code), ("法定代表人", "顾敏"), ("住所", addr)]), brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
    }
    return Site("shop-mianmian-tabbed-help-spaced-code", "棉棉童装（帮助中心分页签，注销说明在第三个页签；信用代码每四位一空格）",
                ["site", "operator"],
                "A children's-clothing shop with a four-column footer above a centred legal strip. The credit code is\n"
                "printed in groups of four (9132 0505 …). The help centre is tabbed: the account tab (query, correct,\n"
                "delete, cancel — each with its path) is hidden until the visitor clicks 账户与隐私. The privacy policy\n"
                "itself only lists the rights and says nothing of cancellation.",
                files,
                expect={"privacy-policy-content": "needs_review"},
                why={"privacy-policy-content": "the policy names the rights (知情权、查阅权…) without saying how to exercise them and has no cancellation method (PIPL Art. 17(3); 条例 Art. 21(4)): partial → review",
                     "account-deletion-disclosed": "the help centre's 账户与隐私 tab states the path for query, correction, deletion and cancellation; a tab of a published page is readable with one click (E-Commerce Law Art. 24 明示)",
                     "business-licence-disclosed": "name + credit code (spaces between groups are typography) on the homepage"})


def shop_shuma() -> Site:
    h, brand, theme = "深圳市数码港电子科技有限公司", "数码港", "#1c7ed6"
    code = make_uscc("91", "440304", "MA5FRX21")
    addr = "广东省深圳市福田区华强北路1002号赛格广场32楼3206"
    psb = "44030402005233"
    phone = "0755-8327 7788"
    footer = f"""<div class="ft"><div class="col">
<div class="c1"><h5>数码港</h5><p>{h}</p><p>统一社会信用代码：{code}</p><p>地址：{addr}</p></div>
<div class="c2"><h5>服务</h5><p><a href="/help.html">帮助中心</a></p><p><a href="/privacy.html">隐私政策</a></p><p><a href="/contact.html">联系我们</a></p><p><a href="/about.html">关于我们</a></p><p><a href="/licence.html">营业执照</a></p></div>
<div class="c3"><h5>客服与备案</h5><p>客服热线：{phone}</p><p>投诉电话：0755-8327 7700</p><p>{icp_link("粤ICP备2021132456号-1")}</p><p>{psb_link("粤", psb)}</p></div>
</div><div class="cp">© 2021-2026 数码港 华强北正品数码</div></div>"""
    fcss = (".ft{background:#212529;color:#adb5bd;margin-top:40px;font-size:13px}.col{width:1120px;margin:0 auto;display:flex;"
            "justify-content:space-between;padding:26px 0}.col h5{color:#fff;font-size:14px;margin:0 0 8px}.col p{margin:0;line-height:2}"
            ".col a{color:#adb5bd;text-decoration:none}.c1{width:460px}.c3{width:300px}.cp{text-align:center;padding:10px 0 20px;"
            "border-top:1px solid #343a40}")
    goods = [("无线降噪耳机", "蓝牙5.3", "￥599"), ("65W氮化镓充电器", "三口", "￥129"), ("机械键盘", "热插拔", "￥359"),
             ("27英寸显示器", "2K 165Hz", "￥1299"), ("移动固态硬盘 1TB", "USB-C", "￥549"), ("智能手表", "血氧监测", "￥899"),
             ("平板保护壳", "磁吸", "￥69"), ("USB-C扩展坞", "八合一", "￥199")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@shumagang.com", phone=phone, features=FEAT, style="articles", variant=1)
    files = {
        "index.html": home_page("数码港 - 华强北数码正品商城", brand, [("首页", "/"), ("耳机", "#"), ("电脑外设", "#"), ("帮助", "/help.html")],
                                "数码港 · 正品行货 全国联保", [("热卖", cards(goods)), ("新品", cards(goods[3:] + goods[:3]))],
                                footer, base_css("#f1f3f5", "#212529", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "licence.html": doc("营业执照", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", addr), ("法定代表人", "何伟")]), brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
    }
    return Site("shop-shuma-icp-in-right-column", "数码港（备案号在三栏页脚的右栏，不居中）", ["site", "operator"],
                "An electronics shop with a three-column dark footer. The filing and police numbers are the last lines\n"
                "of the right-hand column (客服与备案), left-aligned inside it, about 850 px from the left edge of a\n"
                "1366 px window — in the footer, but not at its centre.",
                files,
                expect={"icp-number-placement": "fail"},
                why={"icp-number-placement": "the number is in the footer's right column, not horizontally centred (Filing Measures Art. 13: 主页底部的中央位置)"})


def shop_guoyuan() -> Site:
    person, brand, theme = "周建国", "老周果园", "#e67700"
    addr = "陕西省咸阳市礼泉县烟霞镇袁家村三组28号"
    psb = "61042502000123"
    phone = "181 9102 6633"
    footer, fcss = centred_footer([
        '<a href="/privacy.html">隐私说明</a> · <a href="/help.html">常见问题</a> · <a href="/contact.html">联系我们</a> · <a href="/about.html">果园故事</a>',
        f"经营者：{person}　个人销售自产农副产品，依法不需要办理市场主体登记",
        f"发货地址：{addr}　售后投诉电话：{phone}",
        icp_link("陕ICP备2024009812号-1") + "　" + psb_link("陕", psb)], "#fff4e6", "#8a5a00", "#e67700")
    goods = [("礼泉红富士苹果 10斤", "脆甜 80#以上", "￥59.9"), ("酥梨 5斤", "现摘现发", "￥29.9"), ("桃子 5斤", "水蜜桃", "￥39.9"),
             ("核桃 2斤", "薄皮", "￥35"), ("柿饼 1斤", "吊柿饼", "￥28"), ("苹果干 半斤", "无添加", "￥19.9")]
    pol = dict(brand=brand, handler=person, address=addr, email="laozhouguoyuan@163.com", phone=phone,
               features=[("下单购买", "收货人姓名、收货地址、手机号码", "发货和售后联系"), ("注册会员", "手机号码", "查询订单")],
               style="notes", variant=0, title="隐私说明", sensitive=False, kids=False,
               shares=[("快递公司（顺丰、邮政）", "收货人姓名、电话、地址", "配送水果")])
    pol["retention"] = "订单和收货信息保存三年，用于售后和对账；会员资料在您注销后15个工作日内删除。"
    files = {
        "index.html": home_page("老周果园 - 礼泉苹果产地直发", brand, [("首页", "/"), ("苹果", "#"), ("梨", "#")],
                                "老周果园 · 自家果园 产地直发", [("当季水果", cards(goods)), ("果园日记", news([("今年的苹果开始摘了", "2026-10-08"), ("冷库出货说明", "2026-11-02")]))],
                                footer, base_css("#fffaf0", "#5c3d00", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("常见问题", help_faq(dict(kind="shop", brand=brand, complain=f"直接打电话 {phone} 给老周，坏果包赔。")), brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>经营者：{person}</p><p>电话：{phone}</p><p>地址：{addr}</p>", brand, theme),
        "about.html": doc("果园故事", f"<h1>果园故事</h1><p>我叫{person}，在袁家村种了二十年苹果。这个小店卖的都是自家果园的果子。</p>", brand, theme),
        "img/ga.png": BADGE,
    }
    return Site("shop-guoyuan-farmer-exempt-declaration", "老周果园（农户个人销售自产农副产品，公示免登记声明）", ["site", "operator"],
                "A farmer selling his own fruit online. He has no business licence: the footer displays the SAMR\n"
                "declaration for exempt individuals '个人销售自产农副产品，依法不需要办理市场主体登记' with his name, his\n"
                "address and a phone (E-Commerce Law Art. 10 and 15 ¶1). The policy names him, a natural person, as\n"
                "the handler (PIPL Art. 17(1): 名称或者姓名).",
                files,
                why={"business-licence-disclosed": "exempt declaration for 自产农副产品 with name, address and phone: E-Commerce Law Art. 15 ¶1 (属于依照本法第十条规定的不需要办理市场主体登记情形等信息)",
                     "entity-name-disclosed": "经营者：周建国 — an unregistered individual's real name is his name (Consumer Law Art. 21)",
                     "privacy-policy-content": "the handler is 周建国: PIPL Art. 17(1) names 名称或者姓名, a person's name is the handler's name",
                     "disclosures-consistent": "no credit code exists; the police link carries the number shown"})


def shop_baihe() -> Site:
    h, brand, theme = "深圳百禾跨境电子商务有限公司", "百禾海淘 Baihe Global", "#0b7285"
    code = make_uscc("91", "440305", "MA5GKL83")
    en_addr = "Room 1203, Tower B, Keyuan Building, No. 88 Keyuan Road, Nanshan District, Shenzhen, Guangdong, China"
    psb = "44030502009126"
    phone = "0755-8660 2231"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于我们 About</a> | <a href="/privacy.html">隐私政策 Privacy</a> | <a href="/help.html">帮助 Help</a> | <a href="/contact.html">联系我们 Contact</a> | <a href="/licence.html">营业执照 Licence</a>',
        f"客服 Customer Service：{phone}　support@baiheglobal.cn",
        f"{h}　统一社会信用代码：{code}",
        icp_link("粤ICP备2023087766号-1") + "　" + psb_link("粤", psb)], "#e3fafc", "#0b7285", "#0b7285")
    goods = [("澳洲羊奶粉 800g", "保税仓直发", "￥268"), ("日本防晒霜 50ml", "跨境直邮", "￥119"), ("韩国面膜 10片", "保税", "￥89"),
             ("新西兰蜂蜜 500g", "UMF10+", "￥239"), ("德国保温杯", "500ml", "￥199"), ("法国香水 30ml", "专柜同款", "￥429"),
             ("美国鱼油 180粒", "保税", "￥159"), ("意大利咖啡豆 1kg", "中烘", "￥139")]
    pol = dict(brand="百禾海淘", handler=h, address=en_addr, email="privacy@baiheglobal.cn", phone=phone, features=FEAT,
               style="bilingual", variant=0,
               shares=[("海关跨境电商通关服务平台", "订购人姓名、身份证号码、订单信息", "办理跨境进口申报（法定义务）"),
                       ("国际物流服务商", "收货人姓名、电话、地址", "跨境配送")])
    files = {
        "index.html": home_page("百禾海淘 Baihe Global - 跨境进口好物", brand, [("首页 Home", "/"), ("母婴 Baby", "#"), ("美妆 Beauty", "#")],
                                "百禾海淘 · Global Goods, Local Care", [("跨境热卖 Best Sellers", cards(goods))], footer,
                                base_css("#f8fbfc", "#0b3d44", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand="百禾海淘")), "百禾海淘", theme),
        "contact.html": doc("联系我们", f"<h1>联系我们 Contact Us</h1><p>客服电话 Hotline：{phone}</p><p>邮箱 E-mail：support@baiheglobal.cn</p>"
                            f"<p>地址 Address：{en_addr}</p><p>工作时间 Hours：Mon–Sat 9:00–18:00</p>", "百禾海淘", theme),
        "about.html": doc("关于我们", f"<h1>关于我们 About</h1><p>{h}经营百禾海淘，从事跨境电商零售进口。</p>", "百禾海淘", theme),
        "licence.html": doc("营业执照", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", "深圳市南山区粤海街道科园路88号科园大厦B座1203")]), "百禾海淘", theme),
        "img/ga.png": BADGE,
    }
    return Site("shop-baihe-english-only-address", "百禾海淘（跨境店，联系页的地址只用英文写）", ["site", "operator"],
                "A cross-border import shop with a bilingual footer. The only address on the homepage, contact and about\n"
                "pages is written in English on the contact page (Room 1203, Tower B, … No. 88 Keyuan Road, Nanshan\n"
                "District, Shenzhen, Guangdong, China) — a complete, deliverable business address.",
                files,
                why={"contact-address-disclosed": "the contact page gives a full street address in English; Consumer Law Art. 28 asks for the business address, not a language"})


def shop_qiaoke() -> Site:
    h, brand, theme = "上海可可思食品有限公司", "可可思巧克力", "#862e9c"
    code = make_uscc("91", "310104", "MA1FL62U")
    psb = "31010402010055"
    phone = "021-6418 2375"
    footer, fcss = centred_footer([
        '<a href="/about.html">品牌故事</a>　<a href="/privacy.html">隐私政策</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a>',
        f"{h}　统一社会信用代码：{code}",
        f"客服电话：{phone}　地址：上海",
        icp_link("沪ICP备2022011874号-1") + "　" + psb_link("沪", psb)], "#2b1a33", "#d0bfff", "#e5dbff")
    goods = [("72%黑巧克力", "厄瓜多尔可可", "￥48"), ("生巧礼盒", "16粒", "￥128"), ("榛子牛奶巧克力", "意大利榛子", "￥52"),
             ("可可粉 250g", "无糖", "￥39"), ("巧克力酱", "涂抹", "￥45"), ("热可可", "冬季限定", "￥36"), ("酒心巧克力", "12粒", "￥88"),
             ("婚礼喜糖盒", "定制", "￥12/盒")]
    pol = dict(brand=brand, handler=h, address="上海", email="hello@cocoschoc.cn", phone=phone, features=FEAT, style="faq", variant=2)
    files = {
        "index.html": home_page("可可思巧克力 - 手工巧克力", brand, [("首页", "/"), ("礼盒", "#"), ("定制", "#")],
                                "可可思 · 手作巧克力", [("人气", cards(goods))], footer, base_css("#faf5ff", "#2b1a33", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服电话：{phone}</p><p>门店：上海（具体地址请咨询客服）</p>", brand, theme),
        "about.html": doc("品牌故事", f"<h1>品牌故事</h1><p>可可思由{h}于2022年在上海创立。</p>", brand, theme),
        "img/ga.png": BADGE,
    }
    return Site("shop-qiaoke-city-only-address", "可可思巧克力（地址只写“上海”）", ["site", "operator"],
                "A chocolate shop whose footer reads '地址：上海' and whose contact page says '门店：上海（具体地址请咨询\n"
                "客服）'. A city is not a business address.",
                files,
                expect={"contact-address-disclosed": "fail"},
                why={"contact-address-disclosed": "'地址：上海' names a city of 24 million people: Consumer Law Art. 28 requires the 经营地址"})


def shop_xiaomao() -> Site:
    h, brand, theme = "广州小猫宠物用品有限公司", "小猫宠物", "#f08c00"
    code = make_uscc("91", "440106", "MA9Y0K2R")
    i = code.index("0", 8)  # the letter O replaces the first 0 of the organisation body
    bad = code[:i] + "O" + code[i + 1:]
    addr = "广东省广州市天河区天河路385号太古汇一座26楼2603"
    psb = "44010602011024"
    phone = "020-3739 5566"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于我们</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助中心</a> · <a href="/contact.html">联系我们</a>',
        f"{h}　统一社会信用代码：{bad}",
        f"客服电话：{phone}　投诉邮箱：ts@xiaomaopet.com　地址：{addr}",
        icp_link("粤ICP备2022120034号-1") + "　" + psb_link("粤", psb)], "#fff9db", "#8a6100", "#e67700")
    goods = [("全价猫粮 2kg", "鸡肉三文鱼", "￥139"), ("豆腐猫砂 6L", "可冲厕所", "￥39"), ("猫抓板", "瓦楞纸", "￥29"),
             ("自动喂食器", "定时定量", "￥299"), ("冻干零食", "鸡胸肉", "￥59"), ("猫爬架", "四层", "￥359"), ("宠物航空箱", "中号", "￥149"),
             ("驱虫滴剂", "体外", "￥89")]
    pol = dict(brand=brand, handler=f"{h}（统一社会信用代码：{code}）", address=addr, email="privacy@xiaomaopet.com", phone=phone,
               features=FEAT, style="articles", variant=0)
    files = {
        "index.html": home_page("小猫宠物用品商城", brand, [("首页", "/"), ("猫粮", "#"), ("猫砂", "#")], "小猫宠物 · 爱它就给它最好的",
                                [("热卖", cards(goods)), ("养宠知识", news([("幼猫第一次驱虫", "2026-09-12"), ("冬季猫咪饮水", "2026-11-03")]))],
                                footer, base_css("#fffdf5", "#5c4400", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
    }
    s = Site("shop-xiaomao-code-with-letter-o", "小猫宠物（首页信用代码里把数字0写成字母O）", ["site", "operator"],
             f"A pet-supplies shop whose homepage credit code {bad} has the letter O where the registered code\n"
             f"{code} has a zero (O is not in the GB 32100 alphabet). The privacy policy states the correct code.\n"
             "No licence link exists, so the homepage's licence information is wrong, and the two pages disagree.",
             files,
             expect={"business-licence-disclosed": "fail", "disclosures-consistent": "fail"},
             why={"business-licence-disclosed": f"the only code on the homepage, {bad}, is not a valid credit code (letter O, GB 32100 alphabet excludes it): the licence information shown is wrong (E-Commerce Law Art. 15)",
                  "disclosures-consistent": f"homepage {bad} vs privacy policy {code}: the disclosures disagree (E-Commerce Law Art. 15 ¶2)"})
    s.bad_codes = (bad,)
    return s


def shop_lingyun() -> Site:
    h, brand, theme = "厦门凌云体育用品有限公司", "凌云运动", "#2f9e44"
    code = make_uscc("91", "350203", "MA8TGU64")
    addr = "福建省厦门市思明区湖滨北路101号商业银行大厦19层1905"
    psb = "35020302001562"
    # (this shop publishes no phone: the footer lists none)
    icp = '<a href="https://beian.miit.gov.cn/" target="_blank">闽ICP备2022&#8203;015566号<sup>-2</sup></a>'
    pl = f'<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">闽公网安备<em>{psb}</em>号</a>'
    footer, fcss = centred_footer([
        '<a href="/about.html">关于凌云</a>｜<a href="/privacy.html">隐私政策</a>｜<a href="/help.html">帮助中心</a>｜<a href="/contact.html">联系我们</a>',
        f"{h}　统一社会信用代码：{code}　地址：{addr}",
        "客服热线：0592-5138800　投诉：ts@lingyunsport.cn",
        f"{icp}　{pl}"], "#ebfbee", "#2b8a3e", "#2b8a3e")
    fcss += "sup{font-size:10px}"
    goods = [("碳板跑鞋", "竞速", "￥899"), ("瑜伽垫 8mm", "TPE", "￥99"), ("羽毛球拍", "全碳素", "￥299"), ("速干T恤", "男女款", "￥79"),
             ("登山杖", "碳纤维", "￥159"), ("篮球 7号", "PU", "￥129"), ("护膝", "专业", "￥69"), ("运动水壶", "1L", "￥49")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@lingyunsport.cn", phone="0592-5138800", features=FEAT,
               style="articles", variant=2)
    files = {
        "index.html": home_page("凌云运动官方商城", brand, [("首页", "/"), ("跑步", "#"), ("球类", "#")], "凌云运动 · 跑出你的风",
                                [("热卖", cards(goods)), ("活动", news([("双十一跑鞋专场", "2026-11-01"), ("会员日", "2026-11-18")]))],
                                footer, base_css("#f8fff9", "#1b3d22", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        **simple_pages(brand, theme, h, addr, "0592-5138800"),
        "img/ga.png": BADGE,
    }
    return Site("shop-lingyun-zero-width-and-sup-icp", "凌云运动（备案号中间夹零宽空格，-2写在<sup>里）", ["site", "operator"],
                "A sports shop whose filing number is 闽ICP备2022&#8203;015566号<sup>-2</sup>: a zero-width space inside the\n"
                "digits (an anti-scraping habit) and the site suffix in a superscript. The visitor reads\n"
                "闽ICP备2022015566号-2, linked and centred. The police digits are in <em>.",
                files,
                why={"icp-number-displayed": "the visible number is 闽ICP备2022015566号-2; a zero-width space shows nothing and <sup> only raises the suffix"})


def shop_huacai() -> Site:
    h, brand, theme = "昆明花彩鲜花有限公司", "花彩鲜花", "#c2255c"
    code = make_uscc("91", "530102", "MA6NRF47")
    addr = "云南省昆明市五华区东风西路11号顺城购物中心写字楼22层2206"
    psb = "53010202000654"
    phone = "0871-6363 7799"
    bar = (f'<div class="fixbar">{icp_link("滇ICP备2023001234号-1")}　{psb_link("滇", psb)}</div>')
    footer = f"""<div class="ft">
<p><a href="/about.html">关于花彩</a>　<a href="/privacy.html">隐私政策</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a>　<a href="/licence.html">营业执照</a></p>
<p>{h}　统一社会信用代码：{code}</p><p>地址：{addr}　客服电话：{phone}　投诉邮箱：kefu@huacaiflower.com</p>
</div>{bar}"""
    fcss = (".ft{text-align:center;font-size:13px;color:#862e5c;line-height:2;padding:20px 0 70px;margin-top:40px;background:#fff0f6}"
            ".ft p{margin:0}.ft a,.fixbar a{color:#c2255c;text-decoration:none}.fixbar{position:fixed;left:0;right:0;bottom:0;height:34px;"
            "line-height:34px;text-align:center;font-size:12.5px;background:rgba(255,255,255,.96);border-top:1px solid #fcc2d7;z-index:9}")
    goods = [("红玫瑰 33枝", "斗南直发", "￥199"), ("向日葵花束", "11枝", "￥129"), ("永生花礼盒", "玫瑰", "￥269"), ("多肉拼盘", "6株", "￥59"),
             ("满天星 干花", "一大把", "￥39"), ("康乃馨 母亲节", "19枝", "￥159"), ("郁金香 10枝", "荷兰种球", "￥149"), ("绿植 琴叶榕", "中号", "￥189"),
             ("开业花篮", "双层", "￥399"), ("婚礼手捧花", "定制", "￥299"), ("鲜切花 周花", "包月", "￥299"), ("花瓶 玻璃", "北欧", "￥49")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@huacaiflower.com", phone=phone, features=FEAT, style="faq", variant=0)
    files = {
        "index.html": home_page("花彩鲜花 - 昆明斗南鲜花速递", brand, [("首页", "/"), ("花束", "#"), ("绿植", "#")], "花彩鲜花 · 斗南直送",
                                [("人气花束", cards(goods)), ("养花小贴士", news([("玫瑰醒花方法", "2026-10-02"), ("冬季绿植防冻", "2026-11-10")]))],
                                footer, base_css("#fff", "#4a1530", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "licence.html": doc("营业执照", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", addr), ("法定代表人", "杨丽华")]), brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
    }
    return Site("shop-huacai-fixed-bottom-bar", "花彩鲜花（备案号在固定于窗口底部的居中横条里）", ["site", "operator"],
                "A flower shop whose ICP and police numbers stand in a bar fixed to the bottom of the window\n"
                "(position:fixed; bottom:0; centred). Wherever the visitor scrolls, the numbers are at the bottom\n"
                "centre of the page view; at the end of the page they sit just below the ordinary footer.",
                files,
                why={"icp-number-placement": "a bar fixed to the bottom edge, text centred: the number is always at the bottom centre of what the visitor sees (Filing Measures Art. 13)"})


def shop_jiayi() -> Site:
    h, brand, theme = "佛山市佳艺家居有限公司", "佳艺家居", "#845ef7"
    code = make_uscc("91", "440606", "MA4X2BH8")
    addr = "广东省佛山市顺德区乐从镇325国道乐从段国际家具城B区3楼"
    psb = "44060602003317"
    footer, fcss = centred_footer([
        '<a href="/about.html">品牌介绍</a> | <a href="/privacy.html">隐私政策</a> | <a href="/help.html">购物指南</a> | <a href="/contact.html">联系我们</a>',
        "订购热线：0757-2266 8899　商务合作：bd@jiayihome.cn",
        f"{h}　统一社会信用代码：{code}　展厅地址：{addr}",
        icp_link("粤ICP备2020077451号-1") + "　" + psb_link("粤", psb)], "#f3f0ff", "#5f3dc4", "#5f3dc4")
    goods = [("实木餐桌", "北美黑胡桃", "￥3999"), ("布艺沙发 三人位", "科技布", "￥2899"), ("岩板茶几", "意式极简", "￥1599"),
             ("乳胶床垫 1.8m", "天然乳胶", "￥2399"), ("电视柜", "可伸缩", "￥1299"), ("书架", "五层", "￥699"), ("餐椅 两把", "皮质", "￥899"),
             ("衣柜 定制", "按平米", "￥899/㎡")]
    help_html = help_faq(dict(kind="shop", brand=brand, complain=None, extra_qa=[("大件家具怎么配送？", "物流送货上门并安装，偏远地区另计费用。")]))
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@jiayihome.cn", phone="0757-2266 8899", features=FEAT,
               style="articles", variant=0)
    pol["features"] = FEAT[:3] + [("安装预约", "联系人姓名、电话、安装地址", "预约上门安装"), FEAT[4]]
    pol["contact_para"] = "如您对本政策或您的个人信息处理有疑问，可以发送邮件至privacy@jiayihome.cn，或写信至" + addr + "，我们将在15个工作日内答复。"
    files = {
        "index.html": home_page("佳艺家居官方商城 - 顺德乐从家具", brand, [("首页", "/"), ("客厅", "#"), ("卧室", "#")], "佳艺家居 · 工厂直供",
                                [("热卖家具", cards(goods)), ("新品", cards(goods[4:] + goods[:4]))], footer,
                                base_css("#faf8ff", "#2d1f57", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("购物指南", help_html, brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>订购热线：0757-2266 8899</p><p>商务合作：bd@jiayihome.cn</p><p>展厅地址：{addr}</p>", brand, theme),
        "about.html": doc("品牌介绍", f"<h1>品牌介绍</h1><p>{h}成立于2018年，在乐从拥有2000平方米展厅。</p>", brand, theme),
        "img/ga.png": BADGE,
    }
    return Site("shop-jiayi-order-line-no-complaint-channel", "佳艺家居（只有“订购热线”和“商务合作”，没有投诉渠道）", ["site", "operator"],
                "A furniture shop that publishes an ordering hotline (订购热线) and a business-cooperation mailbox\n"
                "(商务合作) and nothing else: no 客服, 投诉, 售后 or 举报 channel on the homepage, contact page or help\n"
                "centre. The policy's contact section is about personal-information questions only.",
                files,
                expect={"complaint-channel-disclosed": "fail"},
                why={"complaint-channel-disclosed": "an order line and a business mailbox are not a published complaint mechanism (E-Commerce Law Art. 59 公开投诉、举报方式); no 客服/投诉 channel anywhere",
                     "contact-phone-disclosed": "订购热线 0757-2266 8899 is the operator's own phone line (Consumer Law Art. 28 联系方式)"})


def shop_rongjin() -> Site:
    home_name, lic_name, brand, theme = "成都蓉锦商贸有限公司", "成都蓉锦电子商务有限公司", "蓉锦食品", "#d9480f"
    code = make_uscc("91", "510104", "MA68HJ3W")
    addr = "四川省成都市锦江区红星路三段1号国际金融中心二号办公楼28层"
    psb = "51010402001893"
    phone = "028-8666 4215"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于蓉锦</a>　<a href="/licence.html">营业执照</a>　<a href="/privacy.html">隐私政策</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a>',
        f"{home_name}　统一社会信用代码：{code}",
        f"地址：{addr}　客服电话：{phone}",
        icp_link("蜀ICP备2020018876号-1") + "　" + psb_link("川", psb)], "#fff4e6", "#a13a00", "#d9480f")
    goods = [("郫县豆瓣 500g", "三年陈酿", "￥19.9"), ("灯影牛肉", "麻辣", "￥39"), ("冷吃兔", "自贡", "￥45"), ("火锅底料", "牛油", "￥29"),
             ("钵钵鸡调料", "家庭装", "￥15"), ("张飞牛肉", "礼盒", "￥88"), ("麻辣香肠 1kg", "手工", "￥68"), ("蜀绣香囊", "伴手礼", "￥35")]
    pol = dict(brand=brand, handler=home_name, address=addr, email="privacy@rongjinfood.com", phone=phone, features=FEAT,
               style="notes", variant=1)
    lic = licence_table([("名称", lic_name), ("统一社会信用代码", code), ("类型", "有限责任公司"), ("法定代表人", "罗斌"),
                         ("住所", addr), ("核准日期", "2026年07月15日（名称变更）")])
    files = {
        "index.html": home_page("蓉锦食品 - 四川特产", brand, [("首页", "/"), ("调料", "#"), ("零食", "#")], "蓉锦食品 · 巴适的四川味",
                                [("热卖", cards(goods)), ("公告", news([("中秋礼盒预订", "2026-08-20"), ("高温天气发货提醒", "2026-07-10")]))],
                                footer, base_css("#fffaf5", "#4a1f00", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "licence.html": doc("营业执照", "<h1>营业执照</h1>" + lic, brand, theme),
        **simple_pages(brand, theme, home_name, addr, phone),
        "img/ga.png": BADGE,
    }
    return Site("shop-rongjin-renamed-name-mismatch", "蓉锦食品（首页与执照页公司名称不一致：改名后首页未更新）", ["site", "operator"],
                f"A Sichuan food shop. The homepage footer names {home_name}; the 营业执照 page, with the same credit code,\n"
                f"shows {lic_name} and 核准日期 2026-07-15（名称变更）: the company was renamed and the homepage was never\n"
                "updated. The police number uses 川, the filing number 蜀.",
                files,
                expect={"disclosures-consistent": "fail"},
                why={"disclosures-consistent": f"same code, two names ({home_name} on the homepage, {lic_name} on the licence page): E-Commerce Law Art. 15 ¶2 requires updating the disclosure"})


def shop_ruyi_trad() -> Site:
    cc = opencc.OpenCC("s2hk")
    h_s, brand_s, theme = "广州如意茶具有限公司", "如意茶庄", "#7b4f2c"
    h, brand = cc.convert(h_s), "如意茶莊"
    code = make_uscc("91", "440103", "MA9W5E2N")
    addr_s = "广东省广州市荔湾区芳村大道中芳村茶叶市场南区3栋218号"
    addr = cc.convert(addr_s)
    psb = "44010302001234"
    phone = "020-8181 2277"
    footer = f"""<div class="ft">
<p><a href="/about.html">關於我們</a>｜<a href="/privacy.html">隱私政策</a>｜<a href="/help.html">幫助中心</a>｜<a href="/contact.html">聯繫我們</a>｜<a href="/licence.html">營業執照</a></p>
<p>{h}　統一社會信用代碼：{code}</p>
<p>地址：{addr}　客服熱線：{phone}　投訴郵箱：ts@ruyitea.cn</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">粵ICP備2021045678號-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">粵公網安備 {psb}號</a></p>
</div>"""
    fcss = ".ft{text-align:center;background:#3b2414;color:#e6c9a8;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#f5deb3;text-decoration:none}"
    goods = [("鳳凰單叢 蜜蘭香", "潮州 250g", "￥168"), ("陳年普洱 熟餅", "357g", "￥298"), ("英德紅茶", "英紅九號", "￥128"),
             ("潮州手拉壺", "朱泥", "￥680"), ("白瓷蓋碗", "德化", "￥98"), ("竹製茶盤", "雙層", "￥239"), ("公道杯", "玻璃", "￥39"),
             ("新會小青柑", "500g", "￥139")]
    pol_s = dict(brand=brand_s, handler=h_s, address=addr_s, email="privacy@ruyitea.cn", phone=phone, features=FEAT,
                 style="faq", variant=1)
    priv = cc.convert(privacy_page(pol_s, theme=theme))
    helpp = cc.convert(doc("帮助中心", help_faq(dict(kind="shop", brand=brand_s)), brand_s, theme))
    css = base_css("#fdf8f2", "#3b2414", theme, "'PingFang HK','Microsoft JhengHei',sans-serif")
    files = {
        "index.html": home_page("如意茶莊 - 潮州茶具 廣州芳村", brand, [("首頁", "/"), ("茶葉", "#"), ("茶具", "#"), ("幫助", "/help.html")],
                                "如意茶莊 · 一壺好茶", [("熱賣商品", cards(goods)), ("茶莊動態", news([("秋茶上新", "2026-10-16"), ("雙十一優惠", "2026-11-01")]))],
                                footer, css, fcss, lang="zh-Hant"),
        "privacy.html": priv,
        "help.html": helpp,
        "licence.html": cc.convert(doc("营业执照", licence_table([("名称", h_s), ("统一社会信用代码", code), ("住所", addr_s),
                                                              ("法定代表人", "陈国华")]), brand_s, theme)),
        "contact.html": cc.convert(doc("联系我们", f"<h1>联系我们</h1><p>客服热线：{phone}</p><p>地址：{addr_s}</p>", brand_s, theme)),
        "about.html": cc.convert(doc("关于我们", f"<h1>关于如意茶庄</h1><p>{h_s}在芳村经营茶具二十余年。</p>", brand_s, theme)),
        "img/ga.png": BADGE,
    }
    return Site("shop-ruyi-traditional-script", "如意茶莊（全站繁体字：粵ICP備…號、粵公網安備、營業執照、隱私政策）", ["site", "operator"],
                "A tea-ware shop in Guangzhou's 芳村 market whose whole site is in traditional characters (Hong Kong\n"
                "forms): 粵ICP備2021045678號-1, 粵公網安備…號, 統一社會信用代碼, 隱私政策, 聯繫我們, 註銷賬號. The same\n"
                "disclosures in another script; compliant.",
                files,
                why={"icp-number-displayed": "粵ICP備2021045678號-1 is 粤ICP备2021045678号-1 in traditional characters"})


def shop_tongxin_gb2312() -> Site:
    h, brand, theme = "天津同心电器有限公司", "同心电器", "#1971c2"
    code = make_uscc("91", "120101", "MA07UL5B")
    addr = "天津市和平区南京路189号津汇广场2座2108室"
    psb = "12010102000911"
    phone = "022-2330 5566"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于我们</a> | <a href="/privacy.html">隐私政策</a> | <a href="/help.html">帮助中心</a> | <a href="/contact.html">联系我们</a> | <a href="/licence.html">营业执照</a>',
        f"{h}　统一社会信用代码：{code}　地址：{addr}",
        f"客服电话：{phone}　售后投诉：022-2330 5500",
        icp_link("津ICP备2019007755号-1") + "　" + psb_link("津", psb)], "#e7f5ff", "#1864ab", "#1864ab")
    goods = [("变频空调 1.5匹", "一级能效", "2999元"), ("滚筒洗衣机 10kg", "洗烘一体", "3299元"), ("电冰箱 500L", "对开门", "3899元"),
             ("燃气热水器 16L", "恒温", "1599元"), ("油烟机", "侧吸", "1899元"), ("电饭煲", "IH", "599元"), ("空气净化器", "除甲醛", "1299元"),
             ("扫地机器人", "激光导航", "1999元")]
    mc = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    pol = dict(brand=brand, handler=h, address=addr, email="kefu@tongxindq.com", phone=phone, features=FEAT, style="articles",
               variant=1, retention="none")
    files = {
        "index.html": home_page("同心电器商城-天津家电", brand, [("首页", "/"), ("空调", "#"), ("冰洗", "#")], "同心电器 送装一体",
                                [("热卖", cards(goods)), ("公告", news([("以旧换新补贴", "2026-06-01"), ("空调清洗预约", "2026-05-10")]))],
                                footer, base_css("#f8fbff", "#102a43", theme), fcss, meta_charset=mc),
        "privacy.html": privacy_page(pol, theme=theme, meta_charset=mc),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme, meta_charset=mc),
        "licence.html": doc("营业执照", f"<h1>营业执照</h1><p>名称：{h}</p><p>统一社会信用代码：{code}</p><p>住所：{addr}</p>", brand, theme, meta_charset=mc),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服电话：{phone}</p><p>地址：{addr}</p>", brand, theme, meta_charset=mc),
        "about.html": doc("关于我们", f"<h1>关于同心</h1><p>{h}成立于2009年。</p>", brand, theme, meta_charset=mc),
        "img/ga.png": BADGE,
    }
    enc = {k: "gbk" for k in files if k.endswith(".html")}  # browsers read the gb2312 label as GBK (WHATWG)
    return Site("shop-tongxin-gb2312-no-retention", "同心电器（GB2312编码；隐私政策没有保存期限）", ["site", "operator"],
                "An appliance shop served as GB2312 (declared by <meta http-equiv=\"Content-Type\" … charset=gb2312>). Its\n"
                "policy says where data is stored but never for how long — no retention period at all.",
                files, encodings=enc,
                expect={"privacy-policy-content": "needs_review"},
                why={"privacy-policy-content": "no retention period anywhere (PIPL Art. 17(2) 保存期限): one item missing → review (rule's partial case)"})


def shop_mumu() -> Site:
    h, brand, theme = "青岛木木文化用品有限公司", "木木文具", "#495057"
    code = make_uscc("91", "370202", "MA3TMW90")
    addr = "山东省青岛市市南区香港中路61号远洋大厦A座1605"
    psb = "37020202000765"
    phone = "0532-8580 1166"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于木木</a> | <a href="/licence.html">营业执照</a> | <a href="/privacy.html">隐私政策</a> | <a href="/help.html">帮助中心</a> | <a href="/contact.html">联系我们</a>',
        f"{h}　统一社会信用代码：{code}　客服：{phone}　地址：{addr}",
        icp_link("鲁ICP备2021046633号-1", "http://beian.miit.gov.cn/") + f'　<span class="ga"><img src="/img/ga.png" width="14" alt="">鲁公网安备 {psb}号</span>'],
        "#f8f9fa", "#495057", "#212529")
    goods = [("中性笔 12支", "0.5mm", "￥15.9"), ("活页本 A5", "方格", "￥12.8"), ("手账胶带", "10卷", "￥19.9"), ("钢笔 学生款", "EF尖", "￥39"),
             ("彩铅 48色", "水溶", "￥45"), ("文件收纳盒", "三层", "￥29"), ("马克笔 60色", "双头", "￥59"), ("台历 2027", "原创插画", "￥25")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@mumustationery.cn", phone=phone, features=FEAT, style="table",
               variant=2, table_retention=["注销后删除", "3年", "3年", "1年", "6个月"])
    files = {
        "index.html": home_page("木木文具 - 手账文具", brand, [("首页", "/"), ("书写", "#"), ("手账", "#")], "木木文具 · 写字的快乐",
                                [("新品", cards(goods)), ("热卖", cards(goods[::-1]))], footer, base_css("#fff", "#212529", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "licence.html": doc("营业执照", licence_table([("名称", h), ("统一社会信用代码", code), ("住所", addr)]), brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
    }
    return Site("shop-mumu-psb-not-linked", "木木文具（公安备案号只是文字，没有链接）", ["site", "operator"],
                "A stationery shop whose police number 鲁公网安备 37020202000765号 stands with its badge in a <span>, not\n"
                "linked to the filing record. The ICP link uses http://beian.miit.gov.cn/.",
                files,
                expect={"psb-filing-displayed": "fail"},
                why={"psb-filing-displayed": "the number is not linked to beian.mps.gov.cn (filing platform display instructions; rule text)",
                     "disclosures-consistent": "the same credit code on the homepage and the licence page"})


def shop_chenguang() -> Site:
    h, brand, theme = "南昌晨光眼镜有限公司", "晨光眼镜", "#0c8599"
    code = make_uscc("91", "360102", "MA39KD6C")
    addr = "江西省南昌市东湖区中山路318号百盛购物中心写字楼12楼"
    psb = "36010202000547"
    phone = "0791-8677 1234"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于晨光</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助中心</a> · <a href="/contact.html">联系我们</a>',
        f"{h}　统一社会信用代码：{code}",
        f"客服热线：{phone}　地址：{addr}",
        icp_link("赣ICP备2022006638号-1") + "　" + psb_link("赣", psb)], "#e3fafc", "#0b7285", "#0b7285")
    goods = [("防蓝光镜片", "1.60折射率", "￥298"), ("钛合金镜框", "超轻", "￥399"), ("儿童近视管理镜片", "离焦", "￥1280"),
             ("太阳镜", "偏光", "￥259"), ("隐形眼镜 月抛", "6片", "￥99"), ("护理液 360ml", "多功能", "￥39"), ("眼镜布", "5条", "￥9.9"),
             ("老花镜", "折叠", "￥69")]
    pol = dict(brand=brand, handler=h, address=addr, email="＿＿＿＿＿＿", features=FEAT, style="articles", variant=0, handler_mode="blank")
    files = {
        "index.html": home_page("晨光眼镜网上商城", brand, [("首页", "/"), ("镜片", "#"), ("镜框", "#")], "晨光眼镜 · 看得清 更舒适",
                                [("热卖", cards(goods)), ("配镜知识", news([("如何选择镜片折射率", "2026-09-05")]))], footer,
                                base_css("#f8ffff", "#0b3d44", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
    }
    return Site("shop-chenguang-policy-blanks", "晨光眼镜（隐私政策的处理者和联系方式是空白横线）", ["site", "operator"],
                "An optician's shop whose privacy policy was copied from a template and never filled in: '本政策由\n"
                "＿＿＿＿＿＿（以下简称“我们”）制定', '注册地址为：＿＿＿＿', '联系电话：＿＿＿＿；电子邮箱：＿＿＿＿'. The\n"
                "other items (purposes, categories, retention, rights, cancellation, withdrawal) are written out.",
                files,
                expect={"privacy-policy-content": "fail"},
                why={"privacy-policy-content": "the handler and its contact are blank underscores: PIPL Art. 17(1) items are not told, the policy is an unfilled template"})


def shop_qinghe() -> Site:
    h, brand, theme = "合肥清禾母婴用品有限公司", "清禾母婴", "#37b24d"
    code = make_uscc("91", "340104", "MA8PB4Q2")
    addr = "安徽省合肥市蜀山区长江西路189号之心城写字楼1703"
    psb = "34010402002476"
    phone = "0551-6512 3388"
    serial = f"{code}-SAIC_SHOW_10000091{code[2:8]}1622345678901"
    badge = (f'<a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial={serial}&signData=MEUCIQD2" target="_blank">'
             f'<img src="/img/lz.png" width="100" height="36" alt="电子营业执照亮照" title="电子营业执照亮照"></a>')
    footer = f"""<div class="ft">
<p><a href="/about.html">关于清禾</a>　<a href="/privacy.html">隐私政策</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a></p>
<p>{h}　客服热线：{phone}　售后投诉：ts@qinghebaby.com</p>
<p>地址：{addr}</p>
<p>{icp_link("皖ICP备2023012987号-1")}　{psb_link("皖", psb)}</p>
<p>{badge}</p>
</div>"""
    fcss = ".ft{text-align:center;background:#ebfbee;color:#2b8a3e;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#2b8a3e;text-decoration:none}"
    goods = [("婴儿纸尿裤 L码", "84片", "￥129"), ("有机米粉", "6月+", "￥59"), ("婴儿湿巾", "80抽×6", "￥39"), ("奶瓶 PPSU", "240ml", "￥99"),
             ("安抚奶嘴", "0-6月", "￥35"), ("婴儿推车", "可躺", "￥899"), ("儿童餐椅", "可折叠", "￥299"), ("洗护套装", "无泪配方", "￥79")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@qinghebaby.com", phone=phone, features=FEAT, style="faq", variant=1)
    from common import text_badge
    files = {
        "index.html": home_page("清禾母婴商城", brand, [("首页", "/"), ("纸尿裤", "#"), ("喂养", "#")], "清禾母婴 · 安心之选",
                                [("热卖", cards(goods)), ("育儿知识", news([("新生儿黄疸护理", "2026-10-20")]))], footer,
                                base_css("#f8fff9", "#1b3d22", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        **simple_pages(brand, theme, h, addr, phone),
        "img/ga.png": BADGE,
        "img/lz.png": text_badge(100, 36, "电子营业执照", (200, 30, 30)),
    }
    return Site("shop-qinghe-liangzhao-badge-only", "清禾母婴（只用电子营业执照亮照标识，首页无信用代码）", ["site", "operator"],
                "A baby-goods shop (Anhui) whose business licence is disclosed only through the SAMR electronic-licence\n"
                "亮照 badge: an image (alt 电子营业执照亮照) linking to zzlz.gsxt.gov.cn with the credit code in the serial.\n"
                "The homepage names the company; no code is printed.",
                files,
                expect={"disclosures-consistent": "pass"},
                why={"business-licence-disclosed": "the 电子营业执照亮照 badge is the 链接标识 E-Commerce Law Art. 15 ¶1 names; SAMR Order 37 Art. 12 encourages exactly this link",
                     "disclosures-consistent": "the police link carries the number shown"})


SITES = [shop_chayun, shop_mianmian, shop_shuma, shop_guoyuan, shop_baihe, shop_qiaoke, shop_xiaomao, shop_lingyun,
         shop_huacai, shop_jiayi, shop_rongjin, shop_ruyi_trad, shop_tongxin_gb2312, shop_mumu, shop_chenguang, shop_qinghe]


def shop_dongfang_branch() -> Site:
    hq, branch, brand, theme = "杭州东方优品商贸有限公司", "杭州东方优品商贸有限公司滨江分公司", "东方优品", "#0b7285"
    hq_code = make_uscc("91", "330100", "MA27XQ41")
    br_code = make_uscc("91", "330108", "MA2KC7F3")
    addr = "浙江省杭州市滨江区西兴街道江陵路2028号星耀城一期3幢1502室"
    psb = "33010802012290"
    phone = "0571-8777 3300"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于我们</a> · <a href="/licence.html">营业执照</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助中心</a> · <a href="/contact.html">联系我们</a>',
        f"{branch}　统一社会信用代码：{br_code}",
        f"客服热线：{phone}　投诉邮箱：ts@dongfangyp.com　地址：{addr}",
        icp_link("浙ICP备2020056712号-1") + "　" + psb_link("浙", psb)], "#e3fafc", "#0b7285", "#0b7285")
    goods = [("东北大米 10kg", "五常稻花香", "￥89"), ("橄榄油 1L", "特级初榨", "￥79"), ("坚果礼盒", "每日坚果", "￥128"), ("挂面 5kg", "手工", "￥39"),
             ("酱油 1.8L", "零添加", "￥32"), ("红枣 1kg", "新疆", "￥45"), ("蜂蜜 500g", "椴树", "￥59"), ("茶油 2L", "压榨", "￥168")]
    pol = dict(brand=brand, handler=branch, address=addr, email="privacy@dongfangyp.com", phone=phone, features=FEAT, style="faq", variant=2)
    lic = licence_table([("名称", branch), ("统一社会信用代码", br_code), ("类型", "有限责任公司分公司"), ("负责人", "钱伟"), ("营业场所", addr),
                         ("隶属企业", hq)])
    files = {
        "index.html": home_page("东方优品 - 粮油食品网购", brand, [("首页", "/"), ("粮油", "#"), ("干货", "#")], "东方优品 · 厨房好物",
                                [("热卖", cards(goods))], footer, base_css("#f8ffff", "#0b3d44", theme), fcss),
        "privacy.html": privacy_page(pol, theme=theme),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "licence.html": doc("营业执照", "<h1>营业执照</h1>" + lic, brand, theme),
        **simple_pages(brand, theme, branch, addr, phone),
        "img/ga.png": BADGE,
    }
    reg = {"registered_name": hq, "registered_uscc": hq_code, "registered_icp": "浙ICP备2020056712号",
           "registered_phones": ["400-120-5588"], "registered_domains": ["{host}", "dongfangyp.com"]}
    return Site("shop-dongfang-branch-code-registry", "东方优品（网站由分公司经营：信用代码和客服电话都不是登记的总公司信息）",
                ["site", "operator"],
                f"A grocery shop on the registered domain, whose registry row holds the head office ({hq}, {hq_code},\n"
                f"hotline 400-120-5588). The site is run by the 滨江分公司 and shows the branch's own (valid) code {br_code}\n"
                f"and a local line {phone}. Its disclosures are complete and consistent; the registry comparison fails.",
                files, extra={"registry": reg},
                expect={"registry-uscc-match": "fail", "registry-phone-match": "fail"},
                why={"registry-uscc-match": f"shows the branch code {br_code}, registered {hq_code}",
                     "registry-phone-match": f"the only phone shown, {phone}, is not among the registered (400-120-5588)",
                     "business-licence-disclosed": "a 分公司 is a registered market entity with its own licence and code; name + valid code shown"})


SITES.append(shop_dongfang_branch)


def shop_tangguo_template() -> Site:
    brand, theme = "糖果屋", "#f783ac"
    addr = "广东省汕头市澄海区莲下镇槐东工业区玩具城8号"
    phone = "138 2655 7410"
    footer, fcss = centred_footer([
        '<a href="/about.html">关于我们</a> | <a href="/privacy.html">隐私政策</a> | <a href="/help.html">帮助中心</a> | <a href="/contact.html">联系我们</a>',
        f"联系电话：{phone}　售后投诉：同上　地址：{addr}",
        "ICP备案号：粤ICP备XXXXXXXX号　粤公网安备 XXXXXXXXXXXXXX号",
        "Copyright © 2026 糖果屋 All Rights Reserved. Powered by ShopTemplate"], "#fff0f6", "#a61e4d", "#a61e4d")
    goods = [("彩虹棒棒糖 20支", "水果味", "￥19.9"), ("跳跳糖 30包", "童年回忆", "￥9.9"), ("QQ软糖 500g", "混合口味", "￥15.9"),
             ("巧克力豆 桶装", "彩色", "￥22"), ("棉花糖 一大袋", "烧烤可用", "￥12.8"), ("酸条 10根", "酸甜", "￥6.9"), ("喜糖礼盒 50盒", "婚庆", "￥99"),
             ("手工牛轧糖", "花生", "￥26")]
    files = {
        "index.html": home_page("糖果屋 - 零食糖果批发零售", brand, [("首页", "/"), ("软糖", "#"), ("喜糖", "#")], "糖果屋 · 甜蜜每一天",
                                [("热卖", cards(goods)), ("新品", cards(goods[::-1]))], footer, base_css("#fffafc", "#4a1024", theme), fcss),
        "help.html": doc("帮助中心", help_faq(dict(kind="shop", brand=brand)), brand, theme),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>电话：{phone}</p><p>地址：{addr}</p>", brand, theme),
        "about.html": doc("关于我们", "<h1>关于我们</h1><p>糖果屋是一家专注零食糖果的网店，欢迎选购。</p>", brand, theme),
    }
    return Site("shop-tangguo-template-footer-brand-only", "糖果屋（商城模板页脚没改：备案号是XXXXXXXX，只有品牌名，隐私政策404）",
                ["site", "operator"],
                "A sweets shop built from a shop template whose footer was never filled in: 粤ICP备XXXXXXXX号 and\n"
                "粤公网安备 XXXXXXXXXXXXXX号, 'Copyright © 2026 糖果屋' (a brand, no company name anywhere) and no\n"
                "licence information. The 隐私政策 link answers 404. Phone, address and help centre are real.",
                files, extra={"status": {"/privacy.html": 404}},
                expect={"icp-number-displayed": "fail", "icp-number-linked": "fail", "icp-number-placement": "fail",
                        "psb-filing-displayed": "fail", "business-licence-disclosed": "fail", "entity-name-disclosed": "fail",
                        "privacy-policy-linked": "fail", "privacy-policy-content": "fail", "disclosures-consistent": "not_applicable"},
                why={"icp-number-displayed": "粤ICP备XXXXXXXX号 is a template placeholder, not a number (ICP Measures Art. 12)",
                     "icp-number-linked": "no filing number, nothing linked",
                     "icp-number-placement": "no number to stand at the bottom centre",
                     "psb-filing-displayed": "粤公网安备 XXXXXXXXXXXXXX号 is a placeholder",
                     "business-licence-disclosed": "no licence details, no link, no exemption declaration (E-Commerce Law Art. 15)",
                     "entity-name-disclosed": "only the brand 糖果屋 (Consumer Law Art. 21: 真实名称)",
                     "privacy-policy-linked": "the policy link answers HTTP 404 (PIPL Art. 7)",
                     "privacy-policy-content": "no readable policy, so none of the Art. 17 items is published",
                     "disclosures-consistent": "no credit code and no police link: nothing to compare (rule's too_few case)"})


SITES.append(shop_tangguo_template)
