"""Company, government, association, school and personal sites (6)."""
from __future__ import annotations

import html

import assets
import fill
from common import Site, add_common_assets, doc_page, icp_link, mps, page, privacy_page, psb_link
from ids import make_psb, make_uscc
from org import Org

E = html.escape

NOACC = dict(rights='noaccount', cancel='noaccount', withdraw='browser', child='site')


# ---------------------------------------------------------------------------------------------------
def qinglan() -> Site:
    o = Org(brand='青岚县人民政府', entity='青岚县人民政府办公室', code=make_uscc('11', '360826', '01451236'),
            addr='江西省吉安市青岚县政府大道1号', phone='0796-532 1120', email='qlxzfb@qinglan.gov.cn', pemail='qlxzfb@qinglan.gov.cn',
            domain='www.qinglan.gov.cn', icp='赣ICP备05006218号', psb=make_psb('赣', '36082602000117'), city='吉安', kind='gov')
    s = Site('gov-qinglan-county-portal', '青岚县人民政府门户网站（政府网站：主办/承办、网站标识码、政府网站找错）', ['site'],
             '''A county government portal in the national template: 主办 / 承办 lines, 网站标识码, the filing number (no site
suffix, as government filings often are) linked to MIIT, the police number linked, 政府网站找错 and 党政机关
badges, and a 隐私声明 for the 政民互动 channels (the only places personal information is collected).
Expected: compliant in every applicable rule (site profile only).''', org=o)
    accent = '#b5191f'
    news = ['青岚县召开2026年冬季森林防火工作部署会', '县政府常务会议研究部署冬春农田水利建设', '全县营商环境优化提升行动推进会召开',
            '青岚县2026年第三季度重大项目集中开工', '关于做好今冬明春重要农产品保供稳价工作的通知', '青岚县文化馆举办非遗展演活动',
            '县领导调研乡村振兴示范点建设', '青岚县入选省级全域旅游示范区创建名单']
    gk = ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开', '财政预决算', '重点领域信息公开', '政策解读']
    bs = ['社保医保', '户籍办理', '不动产登记', '企业开办', '教育入学', '婚姻登记', '公积金', '残疾人服务']
    footer = f'''<div class="ft"><div class="w">
<p class="nav"><a href="sitemap.html">网站地图</a> | <a href="contact.html">联系我们</a> | <a href="privacy.html">隐私声明</a> | <a href="statement.html">网站声明</a> | <a href="help.html">使用帮助</a></p>
<div class="badges"><img src="img/dzjg.png" width="55" height="64" alt="党政机关"><img src="img/jiucuo.png" width="110" height="55" alt="政府网站找错"></div>
<p>主办：{o.entity}　承办：青岚县融媒体中心　联系电话：{o.phone}　地址：{o.addr}</p>
<p>网站标识码：3608260001　{icp_link(o.icp)}　{psb_link(o.psb, badge='before')}</p>
<p>建议使用1366×768分辨率、IE10以上版本浏览器浏览本网站</p>
</div></div>'''
    css = ('body{margin:0;background:#f3f3f3;font:14px/1.7 "Microsoft YaHei",SimSun,sans-serif;color:#333}a{color:#333;text-decoration:none}.w{width:1200px;margin:0 auto}'
           '.hd{height:150px;background:linear-gradient(180deg,#c8161d,#9c0d12);color:#fff}.hd h1{margin:0;padding-top:40px;font:700 40px "STKaiti",serif;letter-spacing:6px}'
           '.nav1{background:#fff;border-bottom:3px solid #c8161d}.nav1 a{display:inline-block;padding:0 26px;line-height:48px;font-size:17px}'
           '.row{display:flex;gap:20px;margin:20px auto}.col{flex:1;background:#fff;padding:14px 20px}.col h2{font-size:18px;color:#c8161d;border-bottom:1px solid #eee;padding-bottom:6px}'
           '.alist{list-style:none;padding:0}.alist li{display:flex;justify-content:space-between;padding:6px 0;border-bottom:1px dashed #eee}.alist span{color:#999}'
           '.grid8{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}.grid8 a{display:block;background:#fdf1f1;text-align:center;padding:16px 0}'
           '.ft{background:#fff;border-top:3px solid #c8161d;margin-top:30px;padding:20px 0 28px;text-align:center;color:#666;font-size:13px}.ft p{margin:5px 0}.badges img{margin:0 12px}')
    body = (f'<div class="hd"><div class="w"><h1>青岚县人民政府</h1></div></div>'
            '<div class="nav1"><div class="w"><a href="index.html">首页</a><a href="#">政务公开</a><a href="#">政务服务</a><a href="#">互动交流</a><a href="#">走进青岚</a></div></div>'
            f'<div class="w row"><div class="col"><h2>青岚要闻</h2>{fill.article_list(news, seed=41)}</div><div class="col"><h2>通知公告</h2>{fill.article_list(news[::-1], seed=42)}</div></div>'
            f'<div class="w row"><div class="col"><h2>政府信息公开</h2>{fill.article_list(gk, seed=43)}</div><div class="col"><h2>办事服务</h2><div class="grid8">'
            + ''.join(f'<a href="#">{E(x)}</a>' for x in bs) + '</div></div></div>'
            '<div class="w row"><div class="col"><h2>互动交流</h2><p><a href="mail.html">县长信箱</a>　<a href="mail.html">咨询投诉</a>　<a href="#">网上调查</a>　<a href="#">意见征集</a></p></div></div>'
            + footer)
    s.add('index.html', page('青岚县人民政府', body, css=css))
    add_common_assets(s)
    s.add('img/dzjg.png', assets.icon((200, 20, 20), size=64))
    s.add('img/jiucuo.png', assets.banner(110, 55, (200, 30, 30), (150, 10, 10), shapes=1, seed=2))
    privacy_page(s, 'plain', title='隐私声明', accent=accent, funcs='gov', share=['gov'], retention='gov', cookie=False, **NOACC)
    for path, title, text in [('sitemap.html', '网站地图', '首页 · 政务公开 · 政务服务 · 互动交流 · 走进青岚'),
                              ('statement.html', '网站声明', '本网站由青岚县人民政府办公室主办，青岚县融媒体中心承办。'),
                              ('help.html', '使用帮助', '建议使用1366×768分辨率浏览本网站。'),
                              ('mail.html', '县长信箱', '请如实填写姓名、联系电话和留言内容，我们将在15个工作日内答复。')]:
        s.add(path, doc_page(s, title, f'<h1>{title}</h1><p>{E(text)}</p>', accent=accent))
    fill.contact_page(s, [('主办单位', o.entity), ('联系电话', o.phone), ('电子邮箱', o.email), ('地址', o.addr)], accent=accent)
    s.why['icp-number-displayed'] = '赣ICP备05006218号 is a sponsor-level filing number without a site suffix; the suffix is optional (rulebook §2.1)'
    s.why['privacy-policy-content'] = ('the site has no user accounts and the policy says so (不存在账号注销事项): there is no account to cancel, and '
                                      'the statement gives handler, contact, purposes, categories, retention, rights by mail and withdrawal (PIPL Art. 17; 条例 Art. 21)')
    return s


# ---------------------------------------------------------------------------------------------------
def laofeng() -> Site:
    o = Org(brand='崂峰精密', entity='青岛崂峰精密机械有限公司', code=make_uscc('91', '370212', 'MA3C9DF1'),
            addr='山东省青岛市崂山区株洲路151号崂山智造产业园8号楼', phone='0532-8890 3316', email='sales@lfjm-qd.com', pemail='info@lfjm-qd.com',
            domain='www.lfjm-qd.com', icp='鲁ICP备2021029934号-1', psb=make_psb('鲁', '37021202000872'), city='青岛', kind='corp')
    s = Site('corp-laofeng-meta-refresh-to-zh-police-wording', '崂峰精密机械（根路径用meta refresh跳转到/zh/index.html；公安备案写成“公安网备”）', ['site'],
             '''A machine-tool manufacturer's brochure site. The root page is only a <meta http-equiv="refresh"
content="0;url=zh/index.html"> with a fallback link; the real homepage is zh/index.html (an English version is
announced but not built). There the footer has the filing number linked, the police number linked and the
links to the privacy policy (an enquiry form collects names and phones). The police number is written
"鲁公安网备37021202000872号" — 公安网备 for 公网安备 — though its link carries the right code.
Breach: the public-security filing number is not shown in its required form.''', org=o)
    accent = '#0b4f8a'
    s.add('index.html', '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=zh/index.html">'
                        '<title>崂峰精密机械</title></head><body><p>正在进入 <a href="zh/index.html">崂峰精密机械中文站</a> …</p></body></html>\n')
    prods = [('数控立式加工中心 VMC850', '三轴联动，定位精度±0.005mm'), ('卧式加工中心 HMC630', '双交换工作台'), ('数控车床 CK6150', '平床身，适合盘轴类零件'),
             ('五轴加工中心 DU650', 'AC摇篮式，适合叶轮加工'), ('龙门加工中心 GMC2518', '大型箱体零件'), ('精密磨床 MK7132', '平面磨削')]
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">公司概况</a><a href="#">产品中心</a><a href="#">新闻动态</a><a href="contact.html">联系我们</a><a href="privacy.html">隐私政策</a><a href="#">English</a></p>
<p>{o.entity}　电话：{o.phone}　邮箱：{o.email}　地址：{o.addr}</p>
<p>{icp_link(o.icp)}　<a href="{mps(o.psb_digits)}" target="_blank" rel="noreferrer"><img src="img/ghs.png" alt="" width="16" height="16" style="vertical-align:-3px;margin-right:3px">{o.psb.replace('公网安备', '公安网备')}</a>　© 2008-2026 版权所有</p>
</div></footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;font:15px/1.7 "Microsoft YaHei",sans-serif;color:#333}a{color:inherit;text-decoration:none}.w{width:1180px;margin:0 auto}'
           '.hd .w{display:flex;height:80px;align-items:center}.logo{font:700 26px sans-serif;color:#0b4f8a;margin-right:auto}.hd a{margin-left:30px}'
           '.kv{height:460px;background:url(img/banner.png) center/cover}.sec{margin:40px auto}.sec h2{text-align:center;font-size:28px}'
           '.prods{display:grid;grid-template-columns:repeat(3,1fr);gap:24px}.prods div{border:1px solid #e5e9ef;padding:0 0 14px}.prods .pic{height:200px;background:linear-gradient(135deg,#dfe8f2,#9fb6cf)}.prods h3,.prods p{margin:10px 16px 0}'
           '.num{display:flex;justify-content:space-around;background:#0b4f8a;color:#fff;padding:40px 0}.num b{display:block;font-size:36px}'
           '.form{background:#f4f7fa;padding:30px}.form input,.form textarea{width:100%;margin:6px 0;padding:8px}'
           '.ft{background:#0a2540;color:#8fa6bf;text-align:center;font-size:13px;padding:26px 0 32px;margin-top:40px}.ft .nav a{margin:0 12px;color:#fff}.ft p{margin:6px 0}')
    body = ('<header class="hd"><div class="w"><span class="logo">崂峰精密 LFJM</span><a href="index.html">首页</a><a href="about.html">关于我们</a><a href="#">产品中心</a><a href="contact.html">联系我们</a></div></header>'
            '<div class="kv"></div><div class="w sec"><h2>产品中心</h2><div class="prods">' + ''.join(f'<div><div class="pic"></div><h3>{E(a)}</h3><p>{E(b)}</p></div>' for a, b in prods) + '</div></div>'
            '<div class="num"><div><b>18年</b>专注数控机床</div><div><b>60000㎡</b>生产基地</div><div><b>3000+</b>客户</div><div><b>120项</b>专利</div></div>'
            '<div class="w sec form"><h2>在线询价</h2><p>姓名<input></p><p>电话<input></p><p>需求<textarea rows="3"></textarea></p>'
            '<p><label><input type="checkbox" style="width:auto"> 我已阅读并同意<a href="privacy.html">《隐私政策》</a></label></p><p><button type="button">提交</button></p></div>' + footer)
    s.add('zh/index.html', page('崂峰精密机械 - 数控机床制造商', body, css=css))
    s.add('zh/img/ghs.png', assets.police_badge())
    s.add('zh/img/banner.png', assets.banner(1600, 460, (20, 80, 140), (10, 30, 60), seed=31))
    s.add('zh/about.html', doc_page(s, '公司概况', f'<h1>公司概况</h1><p>{o.entity}成立于2008年，是一家专业从事数控机床研发、制造和销售的高新技术企业。</p>', accent=accent))
    s.add('zh/contact.html', doc_page(s, '联系我们', f'<h1>联系我们</h1><p>电话：{o.phone}</p><p>邮箱：{o.email}</p><p>地址：{o.addr}</p>', accent=accent))
    privacy_page(s, 'numbered', path='zh/privacy.html', accent=accent, funcs='corp', share=['cloud'], retention='corp', **NOACC)
    s.why['icp-number-displayed'] = 'the root page is a meta-refresh to zh/index.html; the homepage a visitor lands on shows the number'
    s.set('psb-filing-displayed', 'fail', '"鲁公安网备…" is not the 公网安备 form the filing platform issues (rulebook §2.4 lists 京公安网备… as invalid: '
          'wrong wording); the number is not shown well-formed, whatever the link carries')
    s.why['privacy-policy-content'] = ('the site has no user accounts and the policy says so (不存在账号注销事项): there is no account to cancel, and '
                                      'the statement gives handler, contact, purposes, categories, retention, rights by mail and withdrawal (PIPL Art. 17; 条例 Art. 21)')
    return s


# ---------------------------------------------------------------------------------------------------
def xinrui() -> Site:
    o = Org(brand='新锐设计', entity='深圳新锐品牌设计有限公司', code=make_uscc('91', '440304', 'MA5HXR8B'),
            addr='广东省深圳市福田区深南大道6011号NEO绿景纪元大厦A座2801', phone='0755-8326 6621', email='hello@xinruidesign.cn',
            domain='www.xinruidesign.cn', icp='粤ICP备2022145512号-1', psb=make_psb('粤', '44030402005521'), city='深圳', kind='corp')
    s = Site('corp-xinrui-js-redirect-no-privacy-policy', '新锐设计（根路径用JS跳转到cn/home.html；有留言表单却没有隐私政策）', ['site'],
             '''A branding studio. The root page only runs location.replace('cn/home.html'); the landing page has a
centred footer with the filing and police numbers (both linked) and a "免费获取方案" form collecting name, phone
and company, but the site has no privacy policy at all — no link, no page.
Breach: personal information is collected with no published processing rules (PIPL Art. 7, 17).''', org=o)
    s.add('index.html', '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>新锐设计</title>'
                        "<script>location.replace('cn/home.html');</script></head><body><noscript><a href=\"cn/home.html\">进入网站</a></noscript></body></html>\n")
    cases = [('山城火锅品牌焕新', '品牌策略 / 视觉识别'), ('深圳科技公司年报设计', '编辑设计'), ('茶饮连锁空间导视', '空间导视'), ('农产品包装设计', '包装'),
             ('博物馆文创系列', '文创产品'), ('跨境电商独立站', '网站设计')]
    footer = f'''<footer class="ft">
<p><a href="about.html">关于我们</a>　<a href="cases.html">案例</a>　<a href="contact.html">联系</a></p>
<p>{o.entity}　{o.phone}　{o.email}</p>
<p>{icp_link(o.icp)}　{psb_link(o.psb)}</p>
</footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#fff;font:15px/1.8 "PingFang SC","Microsoft YaHei",sans-serif;color:#111}a{color:inherit;text-decoration:none}.w{width:1180px;margin:0 auto}'
           '.hd .w{display:flex;height:90px;align-items:center}.logo{font:800 28px sans-serif;margin-right:auto}.hd a{margin-left:34px}'
           '.intro{padding:120px 0 80px}.intro h1{font-size:56px;margin:0;line-height:1.2}.cases{display:grid;grid-template-columns:repeat(3,1fr);gap:30px}'
           '.cases .pic{height:280px;background:linear-gradient(135deg,#ffde59,#ff914d)}.cases h3{margin:12px 0 0}.cases p{margin:0;color:#888}'
           '.lead{background:#111;color:#fff;padding:60px 0;margin-top:60px}.lead input{padding:10px;margin-right:10px;width:220px}.lead button{padding:10px 28px}'
           '.ft{text-align:center;color:#888;font-size:13px;padding:30px 0 40px}.ft p{margin:6px 0}.ft a{color:#555}')
    body = ('<header class="hd"><div class="w"><span class="logo">XINRUI 新锐</span><a href="home.html">首页</a><a href="cases.html">案例</a><a href="about.html">关于</a><a href="contact.html">联系</a></div></header>'
            '<div class="w intro"><h1>让品牌<br>被看见，被记住</h1><p>品牌策略 · 视觉识别 · 包装 · 空间 · 数字</p></div>'
            '<div class="w cases">' + ''.join(f'<div><div class="pic"></div><h3>{E(a)}</h3><p>{E(b)}</p></div>' for a, b in cases) + '</div>'
            '<div class="lead"><div class="w"><h2>免费获取品牌方案</h2><form><input placeholder="您的姓名"><input placeholder="手机号码"><input placeholder="公司名称"><button type="button">提交</button></form>'
            '<p>提交后，我们的顾问将在一个工作日内与您电话联系。</p></div></div>' + footer)
    s.add('cn/home.html', page('新锐设计 - 深圳品牌设计公司', body, css=css))
    s.add('cn/img/ghs.png', assets.police_badge())
    for path, title, text in [('cn/about.html', '关于我们', f'{o.entity}成立于2016年，服务客户逾三百家。'),
                              ('cn/cases.html', '案例', '山城火锅品牌焕新、茶饮连锁空间导视等。'),
                              ('cn/contact.html', '联系我们', f'电话 {o.phone}；邮箱 {o.email}；地址 {o.addr}')]:
        s.add(path, doc_page(s, title, f'<h1>{title}</h1><p>{E(text)}</p>', accent='#111', nav='<a href="home.html">首页</a><a href="about.html">关于</a><a href="contact.html">联系</a>'))
    s.set('privacy-policy-linked', 'fail', 'the site collects names and phone numbers through its lead form but publishes no privacy policy; '
          'PIPL Art. 7 requires the processing rules to be public (公开个人信息处理规则)')
    s.set('privacy-policy-content', 'fail', 'there is no policy, so none of the Art. 17 items is stated')
    s.why['icp-number-displayed'] = 'the root page redirects by script to cn/home.html; that landing page is the homepage a visitor sees'
    return s


# ---------------------------------------------------------------------------------------------------
def xiehui() -> Site:
    o = Org(brand='江苏省跨境电子商务协会', entity='江苏省跨境电子商务协会', code=make_uscc('51', '320000', 'MJ549612'),
            addr='江苏省南京市玄武区中山路228号地铁大厦14楼', phone='025-8471 3306', email='office@jscbec.org.cn', pemail='office@jscbec.org.cn',
            domain='www.jscbec.org.cn', icp='苏ICP备2019068843号-1', psb=make_psb('苏', '32010202010578'), city='南京', kind='assoc')
    s = Site('assoc-jscbec-legacy-police-link-mobile-duplicate', '江苏省跨境电子商务协会（社会团体；公安备案用旧版beian.gov.cn链接；另有隐藏的手机版重复页脚）', ['site'],
             '''An industry association (社会团体, credit code 51…). The desktop footer has the filing number linked and the
police number linked the legacy way (http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=…), which the
contract accepts. A second, mobile-only footer repeating the numbers without links is hidden on desktop widths
(display:none in a media query). Member applications collect personal data; the privacy policy is complete.
Expected: compliant in every applicable rule (site profile only).''', org=o)
    accent = '#00509e'
    footer = f'''<footer class="ft pc"><div class="w">
<p class="nav"><a href="about.html">协会简介</a> | <a href="join.html">入会申请</a> | <a href="privacy.html">隐私政策</a> | <a href="contact.html">联系我们</a></p>
<p>主办单位：{o.entity}　统一社会信用代码：{o.code}　地址：{o.addr}　电话：{o.phone}</p>
<p>{icp_link(o.icp)}　{psb_link(o.psb, legacy=True, badge='before')}</p>
</div></footer>
<div class="ft mob"><p>{o.entity}</p><p>{o.icp}</p><p>{o.psb}</p></div>'''
    css = ('body{margin:0;font:14px/1.8 "Microsoft YaHei",sans-serif;color:#333;background:#f5f7fa}a{color:inherit;text-decoration:none}.w{width:1180px;margin:0 auto}'
           '.hd{background:#00509e;color:#fff}.hd .w{display:flex;height:90px;align-items:center}.hd h1{margin:0;font-size:28px}.nav1 a{margin-right:24px}.nav1{background:#003f7d;color:#fff;line-height:44px}'
           '.row{display:flex;gap:20px;margin:20px auto}.col{flex:1;background:#fff;padding:14px 20px}.col h2{font-size:18px;color:#00509e}'
           '.alist{list-style:none;padding:0}.alist li{display:flex;justify-content:space-between;padding:6px 0;border-bottom:1px dashed #e5e5e5}.alist span{color:#999}'
           '.ft{background:#fff;border-top:3px solid #00509e;text-align:center;color:#666;font-size:13px;padding:22px 0 30px;margin-top:30px}.ft p{margin:5px 0}.mob{display:none}'
           '@media (max-width:640px){.pc{display:none}.mob{display:block}}')
    news = ['关于举办2026年跨境电商合规培训班的通知', '协会组团参加第七届进博会', '江苏跨境电商出口额前三季度同比增长18%', '会员单位海外仓建设经验交流会召开',
            '关于征集跨境电商优秀案例的通知', '协会第三届理事会第五次会议召开', '跨境电商知识产权保护指引（2026版）发布', '苏州片区跨境电商产业园调研活动']
    body = (f'<div class="hd"><div class="w"><h1>{E(o.entity)}</h1></div></div><div class="nav1"><div class="w"><a href="index.html">首页</a><a href="about.html">协会概况</a><a href="#">新闻动态</a><a href="#">政策法规</a><a href="join.html">会员服务</a><a href="contact.html">联系我们</a></div></div>'
            f'<div class="w row"><div class="col"><h2>协会动态</h2>{fill.article_list(news, seed=51)}</div><div class="col"><h2>通知公告</h2>{fill.article_list(news[::-1], seed=52)}</div></div>'
            f'<div class="w row"><div class="col"><h2>政策法规</h2>{fill.article_list(["跨境电子商务零售进口商品清单（2026年版）", "关于跨境电商出口退税有关问题的公告", "跨境电子商务综合试验区建设方案", "海关跨境电商监管指南"], seed=53)}</div>'
            '<div class="col"><h2>会员服务</h2><p><a href="join.html">入会申请</a>　会员名录　培训报名　法律咨询</p></div></div>' + footer)
    s.add('index.html', page(o.entity, body, css=css))
    add_common_assets(s)
    privacy_page(s, 'toc', accent=accent, funcs='assoc', share=['cloud'], retention='corp', **NOACC)
    fill.about_page(s, [f'{o.entity}是经江苏省民政厅登记的省级社会团体，由省内跨境电商企业自愿组成。'], accent=accent, title='协会简介')
    fill.contact_page(s, [('协会', o.entity), ('电话', o.phone), ('邮箱', o.email), ('地址', o.addr)], accent=accent)
    s.add('join.html', doc_page(s, '入会申请', '<h1>入会申请</h1><form><p>单位名称<input></p><p>联系人<input></p><p>手机号码<input></p>'
                                          '<p><label><input type="checkbox"> 同意<a href="privacy.html">《隐私政策》</a></label></p><p><button type="button">提交</button></p></form>', accent=accent))
    s.why['psb-filing-displayed'] = 'the legacy http://www.beian.gov.cn/portal/registerSystemInfo?recordcode= link with the same code is accepted (contract)'
    s.why['privacy-policy-content'] = ('the site has no user accounts and the policy says so (不存在账号注销事项): there is no account to cancel, and '
                                      'the statement gives handler, contact, purposes, categories, retention, rights by mail and withdrawal (PIPL Art. 17; 条例 Art. 21)')
    return s


# ---------------------------------------------------------------------------------------------------
def laozhou() -> Site:
    o = Org(brand='老周的技术笔记', entity='周晓峰', addr='', phone='', email='zhou@laozhou.dev', pemail='zhou@laozhou.dev',
            domain='laozhou.dev', icp='浙ICP备2020041877号-1', city='杭州', kind='blog')
    s = Site('blog-laozhou-no-police-filing', '老周的技术笔记（个人博客：有备案号和隐私声明，没有公安备案号）', ['site'],
             '''A personal technical blog (static site generator, comments). The footer: "© 2020-2026 周晓峰 · 浙ICP备… ·
隐私声明 · RSS", centred; the filing number is linked. There is no public-security filing number anywhere. The
privacy statement names the blogger by name, gives his mailbox and covers comments and statistics.
Breach: no 公网安备 number (MPS Measures Art. 12 filing; display per the platform's instructions).''', org=o)
    posts = [('用 Rust 重写一个日志切割工具', '2026-11-18'), ('PostgreSQL 分区表踩坑记录', '2026-10-30'), ('家用 NAS 的第三次折腾', '2026-10-12'),
             ('读《数据密集型应用系统设计》笔记（三）', '2026-09-21'), ('一次 TCP TIME_WAIT 排查', '2026-09-02'), ('给博客加上全文搜索', '2026-08-15'),
             ('树莓派上跑 Home Assistant', '2026-07-28'), ('Go 泛型一年后的使用体会', '2026-07-03'), ('我的 Vim 配置 2026 版', '2026-06-11'), ('写给新人的 Git 工作流', '2026-05-20')]
    css = ('body{margin:0;background:#fdfdfc;color:#222;font:16px/1.8 Georgia,"Songti SC","SimSun",serif}a{color:#1a5fb4;text-decoration:none}.w{max-width:760px;margin:0 auto;padding:0 20px}'
           '.hd{padding:50px 0 20px}.hd h1{margin:0;font-size:30px}.hd p{color:#777;margin:4px 0}.hd nav a{margin-right:18px}'
           'article{border-bottom:1px solid #eee;padding:22px 0}article h2{margin:0;font-size:22px}article time{color:#999;font-size:14px}'
           '.ft{text-align:center;color:#999;font-size:13px;padding:40px 0 50px}.ft a{color:#999}')
    arts = ''.join(f'<article><h2><a href="#">{E(t)}</a></h2><time>{d}</time><p>{E(t)}。这篇文章记录了我在实际项目中遇到的问题、排查过程和最后的解决办法，代码放在文末。</p></article>' for t, d in posts)
    body = (f'<div class="w"><header class="hd"><h1>老周的技术笔记</h1><p>写代码，也写生活</p><nav><a href="index.html">文章</a><a href="about.html">关于</a><a href="#">归档</a><a href="#">RSS</a></nav></header>'
            f'{arts}<footer class="ft">© 2020-2026 周晓峰 · {icp_link(o.icp)} · <a href="privacy.html">隐私声明</a> · <a href="#">RSS</a></footer></div>')
    s.add('index.html', page('老周的技术笔记', body, css=css))
    privacy_page(s, 'plain', title='隐私声明', accent='#1a5fb4', funcs='blog', share=[], retention='blog', address_in_contact=False, **NOACC)
    s.add('about.html', doc_page(s, '关于', '<h1>关于</h1><p>我是周晓峰，杭州的一名后端工程师。这个博客记录我的技术笔记。联系：zhou@laozhou.dev</p>', accent='#1a5fb4'))
    s.set('psb-filing-displayed', 'fail', 'no 公网安备 number at all; every mainland-hosted site must file with the police within 30 days (MPS Measures Art. 12) '
          'and show the number in the footer per the filing platform\'s instructions (contract rule, site profile)')
    s.why['privacy-policy-content'] = ('a natural person is the handler; PIPL Art. 17(1) asks for 名称或者姓名 — 周晓峰 and his mailbox are given; '
                                      'comments need no account, and the statement says there is none to cancel')
    return s


# ---------------------------------------------------------------------------------------------------
def haiyun() -> Site:
    o = Org(brand='大连市海韵职业技术学校', entity='大连市海韵职业技术学校', code=make_uscc('12', '210204', 'MB1C4927'),
            addr='辽宁省大连市沙河口区中山路588号', phone='0411-8466 2219', email='zsb@dlhaiyun.edu.cn', pemail='xxzx@dlhaiyun.edu.cn',
            domain='www.dlhaiyun.edu.cn', icp='辽ICP备05012273号-1', psb=make_psb('辽', '21020402000318'), city='大连', kind='school')
    s = Site('edu-haiyun-school-old-miit-portal-path', '海韵职业技术学校（事业单位；ICP链接指向beian.miit.gov.cn的旧门户路径）', ['site'],
             '''A public vocational school (事业单位, credit code 12…). Its ICP filing number links to
http://beian.miit.gov.cn/state/outPortal/loginPortal.action — an old path, but on the MIIT filing host, which the
rule accepts with any path. Police number linked, 招生报名 form collects students' data, complete privacy policy.
Expected: compliant in every applicable rule (site profile only).''', org=o)
    accent = '#1f6f8b'
    old = 'http://beian.miit.gov.cn/state/outPortal/loginPortal.action'
    footer = f'''<footer class="ft"><div class="w">
<p><a href="about.html">学校概况</a> | <a href="zs.html">招生信息</a> | <a href="privacy.html">隐私政策</a> | <a href="contact.html">联系我们</a></p>
<p>{o.entity}　地址：{o.addr}　招生咨询电话：{o.phone}　邮箱：{o.email}</p>
<p><a href="{old}" target="_blank">{o.icp}</a>　{psb_link(o.psb)}　统一社会信用代码：{o.code}</p>
</div></footer>'''
    css = ('body{margin:0;font:14px/1.8 "Microsoft YaHei",sans-serif;color:#333;background:#f2f6f8}a{color:inherit;text-decoration:none}.w{width:1180px;margin:0 auto}'
           '.hd{background:#1f6f8b;color:#fff}.hd .w{display:flex;height:100px;align-items:center}.hd h1{margin:0;font-size:30px}.nav1{background:#17566c;color:#fff;line-height:44px}.nav1 a{margin-right:30px}'
           '.kv{height:360px;background:url(img/banner.png) center/cover}.row{display:flex;gap:20px;margin:20px auto}.col{flex:1;background:#fff;padding:14px 20px}.col h2{font-size:18px;color:#1f6f8b}'
           '.alist{list-style:none;padding:0}.alist li{display:flex;justify-content:space-between;padding:6px 0;border-bottom:1px dashed #e5e5e5}.alist span{color:#999}'
           '.ft{background:#17566c;color:#cde;text-align:center;font-size:13px;padding:22px 0 30px;margin-top:30px}.ft p{margin:5px 0}.ft a{color:#fff}')
    news = ['我校学子在全省职业院校技能大赛中获一等奖', '2027年招生简章发布', '校企合作：与大连港集团共建实训基地', '开展冬季校园安全大检查',
            '船舶驾驶专业获评省级示范专业', '第十届校园文化艺术节闭幕', '关于2026年寒假放假安排的通知', '教师信息化教学能力培训举行']
    body = (f'<div class="hd"><div class="w"><h1>{E(o.entity)}</h1></div></div><div class="nav1"><div class="w"><a href="index.html">首页</a><a href="about.html">学校概况</a><a href="#">专业设置</a><a href="zs.html">招生就业</a><a href="#">校园文化</a><a href="contact.html">联系我们</a></div></div>'
            f'<div class="kv"></div><div class="w row"><div class="col"><h2>学校新闻</h2>{fill.article_list(news, seed=61)}</div><div class="col"><h2>通知公告</h2>{fill.article_list(news[::-1], seed=62)}</div></div>'
            f'<div class="w row"><div class="col"><h2>招生专栏</h2><p>2027年面向全市招收初中毕业生，开设船舶驾驶、轮机工程、港口物流、航空服务等专业。<a href="zs.html">在线报名 ›</a></p></div></div>' + footer)
    s.add('index.html', page(o.entity, body, css=css))
    add_common_assets(s)
    s.add('img/banner.png', assets.banner(1600, 360, (30, 110, 140), (10, 50, 70), seed=41))
    privacy_page(s, 'summary', accent=accent, funcs='school', share=['cloud'], retention='corp',
                 summary=[('处理者', o.entity), ('收集的信息', '报名学生及监护人的姓名、联系电话等'), ('保存期限', '见第5部分'), ('您的权利', '查阅、复制、更正、删除、撤回同意'), ('联系我们', o.pemail)],
                 **NOACC)
    fill.about_page(s, [f'{o.entity}是大连市沙河口区教育局主管的公办中等职业学校，创办于1985年。'], accent=accent, title='学校概况')
    fill.contact_page(s, [('学校', o.entity), ('招生咨询', o.phone), ('邮箱', o.email), ('地址', o.addr)], accent=accent)
    s.add('zs.html', doc_page(s, '招生信息', '<h1>在线报名</h1><form><p>学生姓名<input></p><p>毕业学校<input></p><p>监护人电话<input></p>'
                                         '<p><label><input type="checkbox"> 已阅读<a href="privacy.html">《隐私政策》</a></label></p><p><button type="button">提交</button></p></form>', accent=accent))
    s.why['icp-number-linked'] = 'the link goes to the MIIT filing host beian.miit.gov.cn (an old path); rulebook §2.12 accepts any path on that host'
    s.why['privacy-policy-content'] = ('the site has no user accounts and the policy says so (不存在账号注销事项): there is no account to cancel, and '
                                      'the statement gives handler, contact, purposes, categories, retention, rights by mail and withdrawal (PIPL Art. 17; 条例 Art. 21)')
    return s


SITES = [qinglan, laofeng, xinrui, xiehui, laozhou, haiyun]
