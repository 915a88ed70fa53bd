"""Company sites (site only): a factory brochure, a law firm, an English-language tech company."""
from __future__ import annotations

from common import doc_page, police_badge
from homes import base_css, cards, home_page, news
from ids import make_uscc
from privacy import privacy_page
from sitekit import Site

from docs import doc

BADGE = police_badge()


def corp_hengtai() -> Site:
    h, brand, theme = "东莞恒泰精密机械有限公司", "恒泰精密", "#1864ab"
    addr = "广东省东莞市松山湖高新技术产业开发区工业北路6号"
    psb = "44190002003456"
    footer = f"""<div class="ft">
<div class="cols"><div><b>产品中心</b><br>数控车床 · 加工中心 · 精密夹具</div><div><b>联系我们</b><br>销售热线：0769-2289 5566<br>邮箱：sales@hengtai-jm.com</div><div><b>地址</b><br>{addr}</div></div>
<p class="c"><a href="/about.html">公司简介</a>　<a href="/contact.html">联系方式</a>　<a href="/privacy.html">隐私声明</a>　<a href="#">招贤纳士</a></p>
<p class="c">版权所有 © {h}　<a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备2017093311号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">粤公网安备{psb}号</a></p>
</div>"""
    fcss = (".ft{background:#0b2545;color:#a5b4c8;font-size:13px;margin-top:40px;padding:0 0 26px}.cols{width:1000px;margin:0 auto;display:flex;"
            "justify-content:space-between;padding:24px 0;line-height:2}.cols b{color:#fff}.c{text-align:center;margin:0;line-height:2.2}.c a{color:#d0ebff;text-decoration:none}")
    prods = [("HT-CK6150 数控车床", "最大回转直径500mm", "询价"), ("HT-VMC850 立式加工中心", "三轴联动", "询价"), ("液压夹具", "非标定制", "询价"),
             ("精密主轴", "20000rpm", "询价"), ("自动送料机", "棒料", "询价"), ("机床防护罩", "不锈钢", "询价"), ("刀塔", "伺服", "询价"),
             ("售后服务", "全国48小时上门", "")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@hengtai-jm.com", phone="0769-2289 5566",
               features=[("在线询价", "姓名、单位名称、电话、电子邮箱、需求描述", "联系您报价"),
                         ("售后服务平台账号", "手机号码、设备序列号、报修记录", "受理报修、查询服务进度"), ("招聘投递", "简历信息", "招聘评估")],
               style="notes", variant=1, title="隐私声明", sensitive=False, kids=False,
               shares=[("无", "—", "我们不向第三方提供您的信息")])
    pol["retention"] = "询价信息保存两年；售后服务平台账号信息保存至您注销账号后15个工作日；未录用的简历保存六个月后删除。"
    pol["cancel"] = "method"
    files = {"index.html": home_page("东莞恒泰精密机械有限公司 - 数控机床制造", brand, [("首页", "/"), ("产品中心", "#"), ("案例", "#"), ("联系我们", "/contact.html")],
                                     "恒泰精密 · 专注数控机床二十年", [("产品", cards(prods)), ("新闻动态", news([("恒泰亮相2026深圳机床展", "2026-04-10"), ("通过ISO9001复审", "2026-06-22")]))],
                                     footer, base_css("#f8f9fa", "#212529", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme),
             "about.html": doc("公司简介", f"<h1>公司简介</h1><p>{h}成立于2006年，专业生产数控车床和加工中心。</p>", brand, theme),
             "contact.html": doc("联系方式", f"<h1>联系方式</h1><p>销售热线：0769-2289 5566</p><p>地址：{addr}</p>", brand, theme),
             "img/ga.png": BADGE}
    return Site("corp-hengtai-brochure-compliant", "恒泰精密（工厂企业官网：分栏页脚，备案号居中）", ["site"],
                "A machine-tool manufacturer's brochure site with an enquiry form (it collects names and phones). Dark\n"
                "three-column footer; the copyright line with the linked ICP and police numbers is centred beneath.\n"
                "A short 隐私声明 that still gives every item. An ordinary compliant company site.",
                files)


def corp_jinshi() -> Site:
    h, brand, theme = "北京金石律师事务所", "金石律师事务所", "#5c3d2e"
    code = make_uscc("31", "110000", "E0007731")
    addr = "北京市东城区东长安街1号东方广场W2座8层"
    psb = "11010102006677"
    footer = f"""<div class="ft">
<p><a href="/about.html">律所简介</a> | <a href="/contact.html">联系我们</a> | <a href="#">律师团队</a> | <a href="#">在线咨询</a></p>
<p>{h}　统一社会信用代码：{code}　地址：{addr}　电话：010-8518 6600</p>
<p><a href="https://icp.chinaz.com/jinshilaw.cn" target="_blank">京ICP备2016055887号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">京公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{text-align:center;background:#f8f1ea;color:#5c3d2e;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#5c3d2e;text-decoration:none}"
    form = ("<form class='cf'><p>在线咨询：请留下您的联系方式，律师将在一个工作日内回电。</p><p>姓名 <input name='n'>　手机号 <input name='m'>"
            "</p><p>案情简述 <textarea name='d' rows='3' cols='60'></textarea></p><button>提交咨询</button></form>")
    areas = [("公司并购", "交易结构设计", ""), ("知识产权", "商标专利诉讼", ""), ("劳动争议", "用人单位合规", ""), ("刑事辩护", "经济犯罪", ""),
             ("婚姻家事", "财产分割", ""), ("建设工程", "工程款纠纷", ""), ("涉外业务", "跨境投资", ""), ("常年法律顾问", "企业合规", "")]
    files = {"index.html": home_page("北京金石律师事务所", brand, [("首页", "/"), ("业务领域", "#"), ("律师团队", "#"), ("在线咨询", "#cf")],
                                     "金石律师 · 专业 诚信 高效", [("业务领域", cards(areas)), ("在线咨询", form),
                                                               ("律所动态", news([("金石律所荣获年度优秀律所", "2026-03-18"), ("新公司法实务讲座", "2026-07-06")]))],
                                     footer, base_css("#fffdfb", "#2b1d14", theme), fcss),
             "about.html": doc("律所简介", f"<h1>律所简介</h1><p>{h}成立于2008年，现有执业律师六十余名。</p>", brand, theme),
             "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>电话：010-8518 6600</p><p>地址：{addr}</p>", brand, theme),
             "img/ga.png": BADGE}
    return Site("corp-jinshi-lawfirm-no-policy-chinaz-link", "金石律师事务所（在线咨询表单收集手机号，却没有隐私政策；备案号链接到第三方查询站）",
                ["site"],
                "A law firm's site with an online consultation form (name, mobile, case description) but no privacy\n"
                "policy anywhere. Its ICP number is a link, but to a third-party lookup site (icp.chinaz.com), not to\n"
                "the MIIT filing system.",
                files,
                expect={"icp-number-linked": "fail", "privacy-policy-linked": "fail", "privacy-policy-content": "fail"},
                why={"icp-number-linked": "the link goes to icp.chinaz.com, not beian.miit.gov.cn (Filing Measures Art. 13: 链接信息产业部备案管理系统网址)",
                     "privacy-policy-linked": "the consultation form collects names and mobiles, and no privacy policy is linked (PIPL Art. 7, 17)",
                     "privacy-policy-content": "no policy exists, so none of the PIPL Art. 17 items is told"})


def corp_boya() -> Site:
    h_en, h, brand, theme = "Shanghai Boya Information Technology Co., Ltd.", "上海博雅信息技术有限公司", "BoyaTech", "#0b7285"
    addr = "Floor 15, No. 1000 Zhangheng Road, Pudong New Area, Shanghai 201203, China"
    psb = "31011502019876"
    footer = f"""<div class="ft">
<p><a href="/about.html">About</a> · <a href="/privacy.html">Privacy Policy</a> · <a href="/contact.html">Contact</a> · <a href="#">Careers</a></p>
<p>© 2026 {h_en} ({h})</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">沪ICP备2020031234号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">沪公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{text-align:center;background:#0b3d44;color:#99e9f2;font-size:13px;line-height:2.1;padding:22px 0 32px;margin-top:40px}.ft p{margin:0}.ft a{color:#e3fafc;text-decoration:none}"
    prods = [("BoyaDB", "Distributed time-series database", "Learn more"), ("BoyaFlow", "Data pipeline platform", "Learn more"),
             ("BoyaGuard", "Data masking and audit", "Learn more"), ("Consulting", "Architecture reviews", "Contact"),
             ("Support", "24×7 enterprise support", "Contact"), ("Training", "Certified courses", "Enroll"), ("Cloud", "Managed service", "Try"),
             ("Open source", "Community edition", "GitHub")]
    pp = f"""<h1>Privacy Policy</h1><p class="stamp">Last updated: 1 June 2026 · Effective: 8 June 2026</p>
<h2>1. Who we are</h2><p>This website is operated by {h_en} ({h}), the personal information handler for the processing described here. Registered address: {addr}.</p>
<h2>2. What we collect and why</h2><p>When you request a demo or contact sales, we collect your name, company name, business e-mail address and mobile phone number, and use them to answer your request and arrange the demo. When you register for a training course, we collect your name, e-mail address, phone number and payment records, to enrol you and issue invoices. When you browse the site, we collect your IP address, browser type and pages visited, to keep the site secure and measure traffic.</p>
<h2>3. Sharing</h2><p>We do not sell personal information. We share your name and e-mail address with our training partner Shanghai Zhixue Education Co., Ltd. only to run the course you booked; a list of recipients is available on request.</p>
<h2>4. How long we keep it</h2><p>Demo and sales enquiries are kept for 2 years after our last contact; training records for 3 years after the course; web logs for 6 months. After these periods we delete or anonymise the data.</p>
<h2>5. Your rights and how to exercise them</h2><p>You may access, copy, correct, supplement or delete your personal information, ask us to restrict processing, or ask us to transfer it to another handler. Send your request to privacy@boyatech.cn or call +86 21 5080 6600; we verify your identity and answer within 15 working days. If you have a customer portal account, you can also view and edit your profile under “Account › Profile”.</p>
<h2>6. Closing your account</h2><p>To cancel your customer portal account, go to “Account › Security › Close account” and confirm by SMS, or e-mail privacy@boyatech.cn. We close the account within 15 working days and delete or anonymise its data, except where the law requires us to keep it.</p>
<h2>7. Withdrawing consent</h2><p>Where we rely on your consent (for example for marketing e-mails), you can withdraw it at any time by clicking “unsubscribe” in any e-mail, switching off the option under “Account › Preferences”, or writing to privacy@boyatech.cn. Withdrawal does not affect processing carried out before it.</p>
<h2>8. Minors</h2><p>Our services are for businesses and are not directed at children under 14.</p>
<h2>9. Contact</h2><p>Personal information protection contact: privacy@boyatech.cn, +86 21 5080 6600, {addr}.</p>"""
    files = {"index.html": home_page("BoyaTech — Data Infrastructure", brand, [("Home", "/"), ("Products", "#"), ("Customers", "#"), ("Contact", "/contact.html")],
                                     "BoyaTech · Data infrastructure you can trust", [("Products", cards(prods)), ("News", news([("BoyaDB 5.0 released", "2026-10-12"), ("Boya at DTCC 2026", "2026-08-20")]))],
                                     footer, base_css("#f8fbfc", "#0b3d44", theme, "'Helvetica Neue',Arial,sans-serif"), fcss, lang="en"),
             "privacy.html": doc_page("Privacy Policy - BoyaTech", pp, brand, theme=theme, back="Home", lang="en"),
             "about.html": doc_page("About - BoyaTech", f"<h1>About us</h1><p>{h_en} ({h}) was founded in 2015 in Zhangjiang, Shanghai.</p>", brand, theme=theme, back="Home", lang="en"),
             "contact.html": doc_page("Contact - BoyaTech", f"<h1>Contact</h1><p>Sales: +86 21 5080 6600</p><p>{addr}</p>", brand, theme=theme, back="Home", lang="en"),
             "img/ga.png": BADGE}
    return Site("corp-boya-english-site-english-policy", "BoyaTech（英文企业站，英文隐私政策）", ["site"],
                "A Shanghai software company's English-language site (its customers are international). The footer\n"
                "shows the filing and police numbers in Chinese form, linked and centred; the privacy policy is in\n"
                "English and states every item — handler, contact, purposes, categories, retention periods, how to\n"
                "exercise rights, how to close the account and how to withdraw consent.",
                files,
                why={"privacy-policy-content": "every PIPL Art. 17 / 条例 Art. 21(4) item is stated, in English: the law asks for clear language, an English policy on an English site is clear to its readers"})


SITES = [corp_hengtai, corp_jinshi, corp_boya]


def blog_shanjian() -> Site:
    import io

    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 13)
    img = Image.new("RGB", (190, 20), (250, 250, 248))
    ImageDraw.Draw(img).text((4, 1), "浙ICP备2023019876号-1", font=font, fill=(90, 90, 90))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    person, brand, theme = "林山", "山间摄影", "#495057"
    psb = "33010602014477"
    footer = f"""<div class="ft">
<p><a href="/about.html">关于我</a> · <a href="/privacy.html">隐私说明</a> · <a href="/contact.html">联系我</a></p>
<p>© 2019-2026 山间摄影 · 林山的个人摄影博客</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank"><img src="/img/icp.png" width="190" height="20" alt="备案号" style="vertical-align:middle"></a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">浙公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{text-align:center;color:#868e96;font-size:13px;line-height:2.2;padding:24px 0 34px;margin-top:40px;border-top:1px solid #dee2e6}.ft p{margin:0}.ft a{color:#495057;text-decoration:none}"
    posts = [("富春江的晨雾", "2026-11-02"), ("龙井村秋色", "2026-10-20"), ("用老镜头拍西湖", "2026-09-14"), ("夜拍宝石山", "2026-08-30"),
             ("云栖竹径的光", "2026-08-11"), ("胶片冲洗笔记", "2026-07-22"), ("千岛湖延时摄影", "2026-07-01"), ("梅雨季的古镇", "2026-06-18"),
             ("器材：我的三只定焦", "2026-05-30"), ("西溪湿地观鸟", "2026-05-12")]
    pol = dict(brand=brand, handler=f"{person}（本站站长）", address="浙江省杭州市西湖区（通信地址：杭州市西湖区文二西路邮局123号信箱）",
               email="linshan.photo@qq.com",
               features=[("注册读者", "昵称、电子邮箱、密码", "登录后评论和收藏"), ("发表评论", "昵称、电子邮箱、评论内容、IP地址", "展示评论、回复您")],
               style="notes", variant=0, title="隐私说明", sensitive=False, kids=False,
               shares=[("评论系统服务商（畅言）", "昵称、评论内容", "托管评论")])
    pol["retention"] = "读者账号信息保存至您注销账号后15个工作日；评论保存至您删除评论或注销账号时止。"
    files = {"index.html": home_page("山间摄影 - 林山的摄影博客", brand, [("首页", "/"), ("作品", "#"), ("文章", "#"), ("关于", "/about.html")],
                                     "山间摄影 · 光影与山水", [("最新文章", news(posts)), ("作品集", cards([("富春山居", "组图12张", ""), ("西湖四季", "组图24张", ""),
                                                                                                 ("古镇人家", "组图9张", ""), ("云海", "组图16张", "")]))],
                                     footer, base_css("#fcfcfa", "#343a40", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme),
             "about.html": doc("关于我", f"<h1>关于我</h1><p>我是{person}，业余摄影爱好者，住在杭州。</p>", brand, theme),
             "contact.html": doc("联系我", "<h1>联系我</h1><p>邮箱：linshan.photo@qq.com</p>", brand, theme),
             "img/icp.png": buf.getvalue(), "img/ga.png": BADGE}
    return Site("blog-shanjian-icp-number-as-image", "山间摄影（个人博客：备案号只以图片显示，图片链接到工信部）", ["site"],
                "A personal photography blog (individual filing). Its ICP number is drawn in a 190×20 PNG (alt '备案号')\n"
                "that links to beian.miit.gov.cn; the police number is text. The number cannot be read as text, so\n"
                "display, link and placement need a person to look at the image (field-set convention). The blog has\n"
                "reader accounts; its short 隐私说明 names the blogger and gives every item.",
                files,
                expect={"icp-number-displayed": "needs_review", "icp-number-linked": "needs_review", "icp-number-placement": "needs_review"},
                why={"icp-number-displayed": "the number exists only inside an image: a person reads it (rule text: image-only → review)",
                     "icp-number-linked": "the image is linked to beian.miit.gov.cn, but whether it shows a filing number needs a person",
                     "icp-number-placement": "the image sits centred in the footer, but what it shows needs a person",
                     "privacy-policy-content": "handler 林山 (a natural person: PIPL Art. 17(1) 姓名), contact e-mail, purposes, categories, retention, rights, cancellation and withdrawal all stated"})


SITES.append(blog_shanjian)
