"""Ordinary online shops (10)."""
from __future__ import annotations

import html

import assets
import fill
from common import MIIT, Site, add_common_assets, doc_page, icp_link, mps, page, privacy_page, psb_link
from ids import make_psb, make_uscc
from org import Org

import docs

E = html.escape

SHOP_CSS = '''
*{box-sizing:border-box}body{margin:0;font:14px/1.65 "PingFang SC","Microsoft YaHei",sans-serif;color:#333;background:%(bg)s}
a{color:inherit;text-decoration:none}.w{width:1200px;margin:0 auto}
.hd{background:#fff;border-bottom:1px solid #eee}.hd .w{display:flex;align-items:center;height:72px}.logo{font:700 26px/1 %(logofont)s;color:%(accent)s;margin-right:48px}
.hd nav a{margin-right:26px;font-size:15px}.hd .tools{margin-left:auto;color:#888}.hd .tools a{margin-left:14px}
.banner{height:360px;background:url(img/banner.png) center/cover;display:flex;align-items:center}.banner .w h1{font-size:40px;color:#fff;margin:0;text-shadow:0 2px 8px rgba(0,0,0,.3)}
.banner .w p{color:#fff;font-size:18px}.sec{margin:34px auto}.sec h2{font-size:22px;border-left:4px solid %(accent)s;padding-left:12px}
.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:20px;padding:0;list-style:none}.grid li{background:#fff;padding:14px;border-radius:6px}
.grid .pic{height:200px;border-radius:4px;background:linear-gradient(135deg,%(c1)s,%(c2)s)}.grid .nm{margin:10px 0 4px;height:44px;overflow:hidden}
.grid .pr{color:%(accent)s;font-size:18px;font-weight:700;margin:0}.grid .sold{float:right;color:#aaa;font-size:12px;font-weight:400;margin-top:6px}
.svc{display:flex;justify-content:space-between;background:#fff;padding:24px 40px;margin:34px auto}.svc div{text-align:center}.svc b{display:block;font-size:16px}
'''


def shop_css(**kw) -> str:
    d = dict(bg='#f7f7f7', accent='#c0392b', c1='#f6e7d8', c2='#e9c9a8', logofont='"STKaiti","KaiTi",serif')
    d.update(kw)
    return SHOP_CSS % d


def shop_header(brand: str, nav: list[str], tools: str = '<a href="login.html">登录</a><a href="login.html">注册</a><a href="#">购物车(0)</a>') -> str:
    return (f'<header class="hd"><div class="w"><span class="logo">{E(brand)}</span><nav>'
            + ''.join(f'<a href="{h}">{E(t)}</a>' for t, h in nav) + f'</nav><span class="tools">{tools}</span></div></header>')


def shop_body(banner_h1: str, banner_p: str, sections: list[tuple[str, list[tuple[str, str]]]], seed: int,
              svc: list[tuple[str, str]]) -> str:
    out = [f'<div class="banner"><div class="w"><h1>{E(banner_h1)}</h1><p>{E(banner_p)}</p></div></div>']
    for i, (t, prods) in enumerate(sections):
        out.append(f'<div class="w sec"><h2>{E(t)}</h2>{fill.product_grid(prods, seed=seed + i)}</div>')
    out.append('<div class="w svc">' + ''.join(f'<div><b>{E(a)}</b>{E(b)}</div>' for a, b in svc) + '</div>')
    return '\n'.join(out)


def shop_pages(s: Site, accent: str, *, style: str, cancel='web_path', withdraw='settings_privacy', rights='path',
               retention='per_item', help_cancel='web', child='general', licence=True, privacy_kw=None, help_extra=None,
               complaint_help=True, about=None, contact_rows=None, contact_extra='', privacy_path='privacy.html',
               privacy_title='隐私政策', funcs='shop') -> None:
    o = s.org
    kw = dict(funcs=funcs, share=['pay', 'ship', 'cloud'], retention=retention, rights=rights, cancel=cancel,
              withdraw=withdraw, child=child)
    kw.update(privacy_kw or {})
    privacy_page(s, style, title=privacy_title, path=privacy_path, accent=accent, **kw)
    fill.help_page(s, docs.help_items(o, cancel=help_cancel, complaint=complaint_help) + (help_extra or [
        ('多久发货？', '现货商品在付款后48小时内发货，预售商品以页面标注时间为准。'),
        ('支持七天无理由退货吗？', '除定制商品及已拆封的贴身用品外，签收之日起七日内可无理由退货，请保持商品完好。')]), accent=accent)
    fill.about_page(s, about or [f'{o.brand}是{o.entity}旗下的线上店铺，成立于{o.founded[:4]}年。', '我们希望用诚实的价格，提供经得起时间检验的好商品。'], accent=accent)
    fill.contact_page(s, contact_rows or [('公司名称', o.entity), ('客服电话', o.phone), ('客服邮箱', o.email), ('公司地址', o.addr), ('服务时间', '周一至周日 9:00-21:00')],
                      accent=accent, extra=contact_extra)
    if licence:
        fill.licence_page(s, accent=accent)
    s.add('goods.html', doc_page(s, '商品详情', f'<h1>商品详情</h1><p>价格以页面显示为准。付款后48小时内发货，签收之日起七日内可无理由退货（定制商品除外）。</p>'
                                             f'<p>售后电话：{E(o.phone)}</p>', accent=accent))
    s.add('login.html', doc_page(s, '登录', '<h1>登录 / 注册</h1><form><p>手机号：<input></p><p>验证码：<input> <button type="button">获取</button></p>'
                                          f'<p><label><input type="checkbox"> 我已阅读并同意<a href="{privacy_path}">《{privacy_title}》</a></label></p><p><button type="button">登录</button></p></form>', accent=accent))


def banner(s: Site, c1, c2, seed):
    s.add('img/banner.png', assets.banner(1600, 360, c1, c2, seed=seed))


def legal_line(o: Org, *, psb_badge='in') -> str:
    return f'{icp_link(o.icp)}　{psb_link(o.psb, badge=psb_badge)}'


# ---------------------------------------------------------------------------------------------------
def chalu() -> Site:
    o = Org(brand='茶路', entity='福州茶路电子商务有限公司', code=make_uscc('91', '350102', 'MA8U4NQ1'),
            addr='福建省福州市鼓楼区五四路158号环球广场18层1806室', phone='0591-8762 3318', email='service@chalu.com.cn',
            pemail='privacy@chalu.com.cn', domain='www.chalu.com.cn', icp='闽ICP备2023004417号-1', psb=make_psb('闽', '35010202001442'),
            legal_rep='林清源', capital='200万元人民币', founded='2021年03月22日', scope='茶叶及制品销售；食品销售；互联网销售',
            authority='福州市鼓楼区市场监督管理局', city='福州', kind='shop')
    s = Site('shop-chalu-footer-in-iframe-srcdoc-agency-filing', '茶路（整个页脚是<iframe srcdoc>内联文档；ICP备案由建站公司代为办理）', ['site', 'operator'],
             '''A tea shop whose whole footer is an inline document: <iframe srcdoc="…"> at the bottom of the homepage
(full width, 240 px). Inside it: the centred legal lines (ICP filing linked, police number linked), name, credit
code, phone, complaint mailbox, address, and the links to the policy, help and licence pages (target="_top";
relative links resolve against the homepage's URL). The srcdoc frame is same-origin and visible; a credit line
"技术支持：榕建建站" names the web agency. Registry rows (the MIIT record for this domain and number) show that the
agency filed the site in its own name: the record holds the agency's name, credit code and phone.
Expected: compliant on the site itself. Breach (cross-check): the disclosed credit code and phones are not the
registered ones — the filing is not in the operator's name.''', org=o)
    accent = '#5b7f3a'
    inner = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{{margin:0;font:13px/1.9 "PingFang SC","Microsoft YaHei",sans-serif;color:#7a8068;background:#f3f1e8;text-align:center}}
a{{color:#5b6648;text-decoration:none;margin:0 8px}}p{{margin:3px 0}}.nav{{padding-top:16px}}.nav a{{font-size:14px;color:#3f4a2c}}
</style></head><body>
<p class="nav"><a href="about.html" target="_top">关于茶路</a><a href="help.html" target="_top">购物指南</a><a href="help.html#after" target="_top">售后服务</a><a href="privacy.html" target="_top">隐私政策</a><a href="contact.html" target="_top">联系我们</a><a href="licence.html" target="_top">营业执照</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}</p>
<p>客服电话：{o.phone}　投诉邮箱：tousu@chalu.com.cn　地址：{o.addr}</p>
<p>食品经营许可证：JY13501020086311</p>
<p><a href="{MIIT}" target="_blank">{o.icp}</a>　<a href="{mps(o.psb_digits)}" target="_blank"><img src="img/ghs.png" width="16" height="16" alt="" style="vertical-align:-3px"> {o.psb}</a></p>
<p style="font-size:12px;color:#a0a590">技术支持：榕建建站</p>
</body></html>'''
    css = shop_css(accent=accent, c1='#e9ecd9', c2='#b9c79a', bg='#faf9f4') + '.ftframe{display:block;width:100%;height:240px;border:0;margin-top:40px}'
    teas = [('武夷岩茶 大红袍 特级 250g', '268'), ('政和白茶 白牡丹 2021年 饼装357g', '198'), ('正山小种 红茶 礼盒 200g', '168'), ('福鼎白毫银针 100g', '428'),
            ('茉莉花茶 福州窨制 七窨 150g', '96'), ('安溪铁观音 清香型 252g', '138'), ('水仙 老枞 岩茶 125g', '236'), ('金骏眉 一级 100g', '318')]
    ware = [('建盏 兔毫 束口盏', '380'), ('德化白瓷 盖碗 110ml', '88'), ('紫砂 西施壶 200ml', '560'), ('竹制 茶盘 小号', '158'),
            ('锡罐 茶叶罐 一斤装', '238'), ('公道杯 玻璃 耐热', '46'), ('茶道六君子 黑檀', '128'), ('旅行茶具 一壶三杯', '189')]
    body = shop_header('茶路', [('首页', 'index.html'), ('岩茶', '#'), ('白茶', '#'), ('红茶', '#'), ('茶器', '#'), ('关于茶路', 'about.html')]) + \
        shop_body('一杯好茶，一路山水', '原产地直采 · 顺丰包邮 · 七日无理由退货', [('当季好茶', teas), ('茶器雅物', ware)], 5,
                  [('原产地直采', '武夷、政和、福鼎'), ('顺丰包邮', '满99元'), ('七日无理由', '未拆封商品'), ('客服', o.phone)]) + \
        f'\n<iframe class="ftframe" title="网站页脚" srcdoc="{E(inner, quote=True)}"></iframe>'
    s.add('index.html', page('茶路 - 福州茶叶茶具网上商城', body, css=css))
    add_common_assets(s)
    banner(s, (120, 140, 90), (60, 80, 50), 3)
    shop_pages(s, accent, style='plain', cancel='web_path', withdraw='settings_privacy', retention='cn_server_until')
    agency = make_uscc('91', '350104', 'MA8RJ3W6')
    s.with_registry(registered_name='福州榕建网络科技有限公司', registered_uscc=agency, registered_icp=o.icp,
                    registered_phones=['0591-8338 2716'], registered_domains=['{host}', o.domain])
    s.set('registry-uscc-match', 'fail', f'the record holds the web agency\'s code {agency} (福州榕建网络科技有限公司 filed the site in its own name); '
          f'the site discloses the shop\'s own {o.code}, so no disclosed code is the registered one (contract: registry-uscc-match)')
    s.set('registry-phone-match', 'fail', 'the record\'s phone is the agency\'s 0591-8338 2716; the site shows only its own 0591-8762 3318')
    s.why['registry-icp-match'] = 'the number shown is the number of the record (the record is simply in someone else\'s name)'
    s.why['icp-number-displayed'] = 'the footer is a visible, same-origin <iframe srcdoc> document at the bottom of the homepage: its text is displayed there'
    s.why['entity-name-disclosed'] = ('the operator\'s legal name is in the footer; "技术支持：榕建建站" is a credit line for the web agency, not a second '
                                      'operator name')
    return s


# ---------------------------------------------------------------------------------------------------
def mianfang() -> Site:
    o = Org(brand='棉坊家纺', entity='苏州棉坊家纺有限公司', code=make_uscc('91', '320506', 'MA1Y7D3K'),
            addr='江苏省苏州市吴中区东吴北路299号吴中大厦12楼1206室', phone='0512-6652 8890', email='kefu@mianfang.com',
            pemail='privacy@mianfang.com', domain='www.mianfang.com', icp='苏ICP备2022049913号-1', psb=make_psb('苏', '32050602013376'),
            legal_rep='顾文娟', capital='300万元人民币', founded='2020年07月15日', scope='家用纺织制成品销售；互联网销售（除销售需要许可的商品）',
            authority='苏州市吴中区市场监督管理局', city='苏州', kind='shop')
    s = Site('shop-mianfang-cookie-banner-over-footer-new-domain', '棉坊家纺（Cookie同意条盖住页脚最后几行直到点击；新域名未加入备案）', ['site', 'operator'],
             '''A bedding shop with a cookie-consent bar fixed to the bottom of the window (110 px, dark, two buttons). Until a
visitor clicks "接受" or "仅必要", the bar covers the last lines of the footer when scrolled to the bottom — the
line with the ICP and police numbers. One click removes it; the footer itself is complete and centred.
A notice under the header announces the move to a new domain; registry rows (the MIIT record) match the name,
code, filing number and phone, but list only the old domains www.mianfangjf.com / mianfangjf.com.
Expected: compliant on the site (a dismissible consent notice does not un-publish the footer). Breach
(cross-check): the domain the site is served from is not among the registered domains.''', org=o)
    accent = '#3a6ea5'
    footer = f'''<footer class="ft"><div class="w">
<div class="cols"><div><h4>购物指南</h4><a href="help.html">下单流程</a><a href="help.html">支付方式</a><a href="help.html">配送说明</a></div>
<div><h4>售后服务</h4><a href="help.html">退换货政策</a><a href="help.html">售后申请</a><a href="contact.html">投诉建议</a></div>
<div><h4>关于棉坊</h4><a href="about.html">品牌故事</a><a href="licence.html">营业执照</a><a href="privacy.html">隐私政策</a></div>
<div><h4>联系我们</h4><p>客服热线 {o.phone}</p><p>投诉邮箱 tousu@mianfang.com</p><p>{o.addr}</p></div></div>
<p class="co">© 2020-2026 {o.entity} 版权所有　统一社会信用代码 {o.code}</p>
<p class="co">{legal_line(o)}</p>
</div></footer>
<div id="cookie" class="cookie"><div class="w"><p>我们使用Cookie来保障网站正常运行并分析访问情况。点击“接受”即表示您同意我们按照<a href="privacy.html">《隐私政策》</a>使用Cookie；您也可以选择仅启用必要Cookie。</p>
<button onclick="ck(1)">接受</button><button class="ghost" onclick="ck(0)">仅必要</button></div></div>
<script>function ck(v){{try{{localStorage.setItem('mf_ck',v)}}catch(e){{}}document.getElementById('cookie').style.display='none'}}
try{{if(localStorage.getItem('mf_ck')!==null)document.getElementById('cookie').style.display='none'}}catch(e){{}}</script>'''
    css = shop_css(accent=accent, c1='#e3ecf6', c2='#a9c2de', bg='#f6f8fb', logofont='"Microsoft YaHei",sans-serif') + '''
.ft{background:#fff;margin-top:40px;padding:30px 0 18px;border-top:1px solid #e4e8ee;color:#777;font-size:13px}.ft .cols{display:flex;justify-content:space-around}
.ft h4{color:#333;margin:0 0 10px}.ft .cols a{display:block;margin:4px 0}.ft .cols p{margin:4px 0}.ft .co{text-align:center;margin:8px 0}
.cookie{position:fixed;left:0;right:0;bottom:0;height:110px;background:rgba(28,34,44,.96);color:#dde;z-index:99}.cookie .w{display:flex;align-items:center;gap:20px;height:110px}
.cookie p{flex:1;margin:0}.cookie a{color:#9cf;text-decoration:underline}.cookie button{background:#3a6ea5;color:#fff;border:0;padding:9px 22px;border-radius:4px;font-size:14px}
.cookie .ghost{background:transparent;border:1px solid #889}'''
    prods = [('新疆长绒棉 四件套 1.8m床', '599'), ('60支贡缎 纯棉四件套', '459'), ('蚕丝被 100%桑蚕丝 200×230', '1280'), ('大豆纤维 春秋被', '299'),
             ('乳胶枕 泰国进口 一对', '268'), ('水洗棉 夏凉被', '189'), ('纯棉 毛巾 三条装', '59'), ('法兰绒 毛毯 午睡', '129'),
             ('儿童 A类 纯棉床品三件套', '329'), ('羽绒被 白鹅绒 95%', '1599'), ('亚麻 床单 单件', '219'), ('防螨 床笠 1.5m', '139')]
    body = shop_header('棉坊家纺', [('首页', 'index.html'), ('床品套件', '#'), ('被芯', '#'), ('枕芯', '#'), ('毛巾浴巾', '#'), ('品牌故事', 'about.html')]) + \
        shop_body('睡个好觉，从一套好床品开始', '苏州工厂直发 · 七日无理由退货 · 运费险', [('本周热卖', prods[:8]), ('新品上市', prods[4:])], 9,
                  [('工厂直发', '苏州吴中'), ('运费险', '退货无忧'), ('七日无理由', '未使用商品'), ('客服', o.phone)]) + footer
    notice = ('<div style="background:#fff8e1;color:#7a5a00;text-align:center;font-size:13px;padding:7px 0">棉坊家纺官方商城已启用新域名，'
              '原域名 www.mianfangjf.com 将继续访问至2027年3月31日，请更新您的收藏夹。</div>')
    body = body.replace('</header>', '</header>' + notice, 1)
    s.add('index.html', page('棉坊家纺官方商城', body, css=css))
    add_common_assets(s)
    banner(s, (80, 120, 170), (40, 60, 100), 4)
    shop_pages(s, accent, style='toc', cancel='web_path', withdraw='contact', retention='per_item')
    s.why['icp-number-displayed'] = 'the footer line is in the page; the cookie bar covers it only until one click and is a consent notice, not a removal (ICP Measures Art. 12)'
    s.why['icp-number-placement'] = 'the number stands centred at the bottom of the footer; the dismissible bar fixed over the window does not move it'
    s.with_registry(registered_name=o.entity, registered_uscc=o.code, registered_icp=o.icp, registered_phones=[o.phone],
                    registered_domains=['www.mianfangjf.com', 'mianfangjf.com'])
    s.set('registry-domain-official', 'fail', 'the record lists only www.mianfangjf.com and mianfangjf.com; the audited domain is not a registered '
          'domain of the entity (contract: registry-domain-official). The homepage itself says the shop moved to a new domain — the filing was '
          'not updated to include it, so the site is indistinguishable from an imitation on an unfiled domain')
    return s


# ---------------------------------------------------------------------------------------------------
LAZY_JS = '''<script>
(function(){
  var ft = document.getElementById('ft');
  var io = new IntersectionObserver(function(es){
    es.forEach(function(e){
      if(!e.isIntersecting) return;
      io.disconnect();
      fetch(ft.getAttribute('data-src')).then(function(r){return r.text()}).then(function(h){ft.innerHTML = h;});
    });
  }, {rootMargin: '150px 0px'});
  io.observe(ft);
})();
</script>'''


def guangnian() -> Site:
    o = Org(brand='光年照明', entity='东莞光年照明科技有限公司', code=make_uscc('91', '441900', 'MA4WJ6B9'),
            addr='广东省东莞市南城街道鸿福路106号南峰中心2座1503室', phone='0769-2223 8810', email='cs@guangnianlight.com',
            pemail='privacy@guangnianlight.com', domain='www.guangnianlight.com', icp='粤ICP备2021127733-1',
            psb=make_psb('粤', '44190002004512'), legal_rep='叶伟明', capital='500万元人民币', founded='2019年12月03日',
            scope='照明器具制造；照明器具销售；互联网销售', authority='东莞市市场监督管理局', city='东莞', kind='shop')
    s = Site('shop-guangnian-footer-loaded-on-scroll-icp-without-hao', '光年照明（页脚由IntersectionObserver在滚动到底部时fetch加载；备案号缺“号”字）', ['site', 'operator'],
             '''A lighting shop whose footer is lazy-loaded: the homepage has an empty <footer data-src="partials/footer.html">
with a grey placeholder; when the footer comes within 150 px of the viewport an IntersectionObserver fetches the
partial and writes it in. Every visitor who scrolls to the bottom sees the full footer (ICP, police number, name,
code, phones, address, policy links) at once; nothing in it needs a click. The filing number in it is written
"粤ICP备2021127733-1", without the 号 that the number's form requires (粤ICP备2021127733号-1); it is linked and centred.
Breach: the ICP number is not shown in valid form.''', org=o)
    accent = '#e0a100'
    partial = f'''<div class="w">
<p class="nav"><a href="about.html">关于光年</a><a href="help.html">购物帮助</a><a href="help.html">安装与保修</a><a href="privacy.html">隐私政策</a><a href="contact.html">联系我们</a><a href="licence.html">营业执照</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}</p>
<p>客服热线：{o.phone}　投诉邮箱：complain@guangnianlight.com　地址：{o.addr}</p>
<p>{legal_line(o)}</p>
<p>Copyright © 2019-2026 guangnianlight.com</p>
</div>'''
    css = shop_css(accent=accent, c1='#2b2b2b', c2='#545454', bg='#111', logofont='"Microsoft YaHei",sans-serif') + '''
body{color:#ddd}.hd{background:#111;border-color:#222}.grid li{background:#1b1b1b}.svc{background:#1b1b1b}
.ft{min-height:200px;background:#0b0b0b;color:#888;text-align:center;font-size:13px;padding:26px 0;margin-top:40px}.ft .nav a{margin:0 10px;color:#ccc}.ft p{margin:6px 0}
.ph{height:150px;margin:0 auto;width:600px;background:repeating-linear-gradient(90deg,#161616 0 40px,#1c1c1c 40px 80px)}'''
    prods = [('极简 吸顶灯 客厅 120W 三色调光', '899'), ('北欧 餐厅吊灯 三头', '659'), ('护眼 台灯 AA级 国标', '299'), ('落地灯 阅读 钓鱼灯', '459'),
             ('无主灯 射灯 COB 7W 十只装', '268'), ('磁吸轨道灯 套装', '1299'), ('LED 灯带 5米 可剪', '89'), ('智能 筒灯 米家接入', '79'),
             ('庭院 草坪灯 太阳能', '139'), ('浴室 镜前灯 防雾', '219'), ('儿童房 星空 吸顶灯', '599'), ('玄关 感应 夜灯', '49')]
    body = shop_header('光年照明', [('首页', 'index.html'), ('客厅', '#'), ('卧室', '#'), ('餐厅', '#'), ('智能照明', '#'), ('关于', 'about.html')]) + \
        shop_body('让光，成为家的一部分', '东莞源头工厂 · 3C认证 · 三年质保', [('人气单品', prods[:8]), ('智能与户外', prods[4:])], 13,
                  [('源头工厂', '东莞'), ('三年质保', '非人为损坏'), ('七日无理由', '未安装商品'), ('客服', o.phone)]) + \
        f'\n<footer id="ft" class="ft" data-src="partials/footer.html"><div class="ph"></div></footer>\n{LAZY_JS}'
    s.add('index.html', page('光年照明官方商城 - 灯具 照明 智能灯', body, css=css))
    s.add('partials/footer.html', partial)
    add_common_assets(s)
    banner(s, (40, 40, 40), (120, 90, 10), 6)
    shop_pages(s, accent, style='summary', cancel='app_path', withdraw='settings_system', retention='account_life',
               privacy_kw=dict(), help_cancel='app')
    s.set('icp-number-displayed', 'fail', '"粤ICP备2021127733-1" lacks 号: the filing number\'s form is <省>ICP备<number>号[-n] (rulebook §2.1; the '
          'field set graded a misplaced 号 the same way), and the contract asks for a number in valid form. The lazily written footer itself is '
          'displayed: written when the visitor scrolls to it, without a click')
    s.why['icp-number-linked'] = 'the (nonstandard) number is itself the link to beian.miit.gov.cn (Filing Measures Art. 13)'
    s.why['icp-number-placement'] = 'centred in the footer at the bottom of the homepage'
    s.why['privacy-policy-linked'] = 'the policy link is in the lazily written footer, visible at the bottom of the homepage without user action other than scrolling'
    return s


# ---------------------------------------------------------------------------------------------------
def qingyou() -> Site:
    o = Org(brand='青柚小铺', entity='', code='', addr='云南省昆明市五华区青年路389号志远大厦11楼1108室', phone='0871-6531 2270',
            email='qingyou@qingyouxp.com', pemail='qingyou@qingyouxp.com', domain='www.qingyouxp.com', icp='滇ICP备2023007712号-1',
            psb=make_psb('滇', '53010202001167'), founded='2019', city='昆明', kind='shop')
    s = Site('shop-qingyou-copyright-year-only', '青柚小铺（页脚只有“© 2019-2026”和备案号，全站没有主体名称）', ['site', 'operator'],
             '''A Yunnan snack-and-fruit shop whose footer reads only "© 2019-2026" plus its filing numbers; the about page
tells the founder's story, the contact page gives a phone and an address, and the privacy policy calls the
operator "青柚小铺（以下简称“我们”）". Nowhere is there a legal entity name, a credit code or a licence link.
Breaches: no business-licence information, no real name; the policy does not name the handler.''', org=o)
    accent = '#6aa84f'
    footer = f'''<footer class="ft">
<p><a href="about.html">关于小铺</a> · <a href="help.html">购物须知</a> · <a href="contact.html">联系我们</a> · <a href="privacy.html">隐私政策</a></p>
<p>© 2019-2026</p>
<p>{icp_link(o.icp)}　{psb_link(o.psb)}</p>
</footer>'''
    css = shop_css(accent=accent, c1='#eaf5dd', c2='#bfe0a0', bg='#fbfdf7') + '.ft{text-align:center;color:#999;font-size:13px;padding:30px 0 40px;margin-top:40px;background:#fff}.ft p{margin:5px 0}'
    prods = [('云南 褚橙 5斤装', '89'), ('蒙自 石榴 软籽 8个', '69'), ('鲜花饼 玫瑰 20枚', '39.9'), ('普洱 熟茶 小沱 250g', '58'),
             ('野生菌 干巴菌 罐装', '128'), ('宣威 火腿 切片 500g', '99'), ('小粒咖啡 保山 豆 454g', '76'), ('玫瑰酱 300g', '29.9'),
             ('丽江 雪桃 礼盒', '168'), ('芒市 芒果 5斤', '59'), ('云南 松茸 冻干 50g', '198'), ('乳扇 大理 10片', '32')]
    body = shop_header('青柚小铺', [('首页', 'index.html'), ('鲜果', '#'), ('零食', '#'), ('茶咖', '#'), ('山货', '#')], '<a href="#">购物车</a>') + \
        shop_body('来自彩云之南的好味道', '产地直发 · 坏果包赔', [('当季鲜果', prods[:8]), ('山货零食', prods[4:])], 17,
                  [('产地直发', '昆明仓'), ('坏果包赔', '拍照即赔'), ('客服', o.phone), ('微信', 'qingyou_km')]) + footer
    s.add('index.html', page('青柚小铺 - 云南特产 鲜果零食', body, css=css))
    add_common_assets(s)
    banner(s, (110, 170, 90), (60, 110, 50), 8)
    shop_pages(s, accent, style='plain', cancel='contact', withdraw='contact', rights='contact', retention='per_item', help_cancel='contact',
               licence=False, privacy_kw=dict(handler='brand_only'), privacy_title='隐私声明',
               about=['青柚小铺是小柚和阿青在2019年开起来的小店。', '我们常年往返于云南各地的果园和山村，把当季最好吃的东西带给你。'],
               contact_rows=[('客服电话', o.phone), ('客服邮箱', o.email), ('微信', 'qingyou_km'), ('发货地址', o.addr)])
    s.set('business-licence-disclosed', 'fail', 'no name with credit code and no 营业执照/证照 link anywhere on the homepage (E-Commerce Law Art. 15 ¶1)')
    s.set('entity-name-disclosed', 'fail', 'only the brand 青柚小铺 and a bare copyright year; the real name must be marked (Consumer Law Art. 21)')
    s.set('privacy-policy-content', 'needs_review', 'the handler is named only as the brand (PIPL Art. 17(1) 名称); the other items are stated — an item absent → review')
    s.set('disclosures-consistent', 'pass', 'nothing disagrees: no code or name to compare, and the police link carries the displayed number')
    return s


# ---------------------------------------------------------------------------------------------------
def beiji() -> Site:
    o = Org(brand='北极户外', entity='哈尔滨北极户外用品有限公司', code=make_uscc('91', '230103', 'MA1CPK42'),
            addr='黑龙江省哈尔滨市南岗区西大直街118号融创中心B座2层', phone='0451-8265 7732', email='service@beijihw.com',
            pemail='privacy@beijihw.com', domain='www.beijihw.com', icp='黑ICP备2022003518号-1', psb=make_psb('黑', '23010302000871'),
            legal_rep='王立国', founded='2018年10月09日', city='哈尔滨', kind='shop')
    s = Site('shop-beiji-address-only-in-map-alt', '北极户外（联系页地址只写在地图图片的alt里，图上没有文字）', ['site', 'operator'],
             '''An outdoor-gear shop. Its footer has the name, credit code, phone and complaint mailbox but no address; the
contact page says "门店位置见下图" above a map picture — a street drawing with a red pin and no lettering — whose
alt attribute holds the full address. alt text is not displayed; no page shows the address as text. The footer's
filing number links to https://www.miit.gov.cn/ — the ministry's homepage, not the filing system.
Breaches: no business address is published (Consumer Law Art. 28); the ICP number is not linked to the MIIT
filing system (Filing Measures Art. 13).''', org=o)
    accent = '#1d6fa5'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于北极</a><a href="help.html">帮助中心</a><a href="contact.html">联系我们</a><a href="privacy.html">隐私政策</a></p>
<p>{o.entity}　统一社会信用代码 {o.code}</p>
<p>客服电话 {o.phone}　投诉邮箱 {o.email}</p>
<p><a href="https://www.miit.gov.cn/" target="_blank">{o.icp}</a>　{psb_link(o.psb)}</p></div></footer>'''
    css = shop_css(accent=accent, c1='#e3eef7', c2='#9dbad3', bg='#f3f6f9', logofont='"Microsoft YaHei",sans-serif') + \
        '.ft{background:#1d2b38;color:#9fb2c4;text-align:center;font-size:13px;padding:26px 0 34px;margin-top:40px}.ft .nav a{margin:0 12px;color:#e0ecf7}.ft p{margin:6px 0}'
    prods = [('-30℃ 极寒 羽绒服 800蓬', '1699'), ('冲锋衣 三合一 防水', '899'), ('雪地靴 加绒 防滑', '459'), ('滑雪手套 防水', '189'),
             ('羊毛 速干 保暖内衣套装', '399'), ('登山杖 碳纤维 一对', '259'), ('帐篷 双人 四季', '1299'), ('睡袋 -20℃ 鹅绒', '1499'),
             ('头灯 USB充电', '99'), ('护目镜 滑雪 双层', '239'), ('保温杯 钛 600ml', '329'), ('防寒 面罩', '59')]
    body = shop_header('北极户外', [('首页', 'index.html'), ('冬季专区', '#'), ('徒步', '#'), ('露营', '#'), ('滑雪', '#')]) + \
        shop_body('零下三十度，也能出发', '哈尔滨本地仓 · 冬季户外装备', [('冬季必备', prods[:8]), ('露营徒步', prods[4:])], 19,
                  [('本地仓', '哈尔滨'), ('七日无理由', '吊牌完好'), ('客服', o.phone), ('邮箱', o.email)]) + footer
    s.add('index.html', page('北极户外 - 冬季户外装备商城', body, css=css))
    add_common_assets(s)
    banner(s, (90, 140, 190), (20, 40, 70), 10)
    s.add('img/map.png', assets.map_image(7))
    shop_pages(s, accent, style='numbered', cancel='web_path', withdraw='settings_privacy', licence=False,
               privacy_kw=dict(address_in_contact=False), about=['北极户外创立于2018年，是一家专注冬季户外装备的线上店铺。', '我们的团队都是冰雪运动爱好者。'],
               contact_rows=[('公司名称', o.entity), ('客服电话', o.phone), ('投诉邮箱', o.email), ('服务时间', '9:00-20:00')],
               contact_extra=f'<h2>门店位置</h2><p>门店位置见下图，欢迎到店试穿：</p><p><img src="img/map.png" width="640" height="400" alt="地址：{o.addr}"></p>')
    s.set('icp-number-linked', 'fail', 'the number links to www.miit.gov.cn, the ministry\'s portal; Filing Measures Art. 13 asks for a link to '
          'the 备案管理系统 (beian.miit.gov.cn, rulebook §2.12), where the public can check the number — the portal is not that system')
    s.set('contact-address-disclosed', 'fail', 'the address exists only in the map image\'s alt attribute, which is not displayed, and the map itself carries no '
          'lettering; no page publishes the 经营地址 (Consumer Law Art. 28; contract: only visible text counts)')
    return s


# ---------------------------------------------------------------------------------------------------
def xiangyun() -> Site:
    o = Org(brand='祥云母婴', entity='石家庄祥云母婴用品有限公司', code=make_uscc('91', '130104', 'MA0FX8R3'),
            addr='河北省石家庄市桥西区中山西路83号万达广场写字楼C座1609室', phone='0311-8566 3012', email='order@xiangyunmy.com',
            pemail='privacy@xiangyunmy.com', domain='www.xiangyunmy.com', icp='冀ICP备2023012846号-1', psb=make_psb('冀', '13010402002233'),
            legal_rep='赵丽娜', capital='100万元人民币', founded='2021年05月08日', scope='母婴用品销售；日用百货销售；互联网销售',
            authority='石家庄市桥西区市场监督管理局', city='石家庄', kind='shop')
    s = Site('shop-xiangyun-12315-only-licence-photo', '祥云母婴（投诉只指向12315；营业执照是一张照片）', ['site', 'operator'],
             '''A baby-goods shop. Its only phone is labelled 订购热线 (orders), its mailbox is for orders, and the only
complaint pointer anywhere is "消费投诉请拨打全国12315热线" — the regulator's line, not the shop's own. The
营业执照 link in the footer opens a photograph of the licence (PNG), not text.
Breaches: no own complaint channel (E-Commerce Law Art. 59); licence only as an image (review).''', org=o)
    accent = '#f0728c'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于祥云</a><a href="help.html">购物指南</a><a href="contact.html">联系我们</a><a href="privacy.html">隐私政策</a><a href="img/yyzz.png" target="_blank">营业执照</a></p>
<p>订购热线：{o.phone}（8:30-20:30）　订单邮箱：{o.email}</p>
<p>地址：{o.addr}</p>
<p>消费投诉请拨打全国12315热线，或登录 <a href="https://www.12315.cn/" target="_blank">全国12315平台</a></p>
<p>© 2021-2026 {o.entity}　{legal_line(o)}</p></div></footer>'''
    css = shop_css(accent=accent, c1='#fde7ec', c2='#f8c3cf', bg='#fff9fa', logofont='"Microsoft YaHei",sans-serif') + \
        '.ft{background:#fff;color:#999;text-align:center;font-size:13px;padding:26px 0 34px;margin-top:40px;border-top:1px solid #f3dfe3}.ft .nav a{margin:0 12px;color:#555}.ft p{margin:6px 0}'
    prods = [('婴儿 纸尿裤 NB码 84片', '129'), ('有机 米粉 高铁 250g', '69'), ('婴儿 湿巾 80抽×10包', '59'), ('宝宝 爬行垫 XPE 加厚', '199'),
             ('玻璃 奶瓶 宽口径 240ml', '89'), ('婴儿 推车 轻便 可坐躺', '899'), ('儿童 安全座椅 0-4岁', '1299'), ('纯棉 连体衣 三件装', '139'),
             ('婴儿 洗发沐浴 二合一', '69'), ('吸奶器 电动 双边', '599'), ('儿童 牙刷 软毛 4支', '29.9'), ('婴儿 指甲剪 套装', '39')]
    body = shop_header('祥云母婴', [('首页', 'index.html'), ('纸尿裤', '#'), ('喂养', '#'), ('出行', '#'), ('服饰', '#')]) + \
        shop_body('给宝宝更安心的选择', '正品保障 · 满199元包邮', [('妈妈们都在买', prods[:8]), ('出行与服饰', prods[4:])], 23,
                  [('正品保障', '品牌授权'), ('满199包邮', '京津冀次日达'), ('订购热线', o.phone), ('12315', '消费投诉')]) + footer
    s.add('index.html', page('祥云母婴 - 母婴用品网上商城', body, css=css))
    add_common_assets(s)
    banner(s, (240, 150, 170), (200, 90, 120), 12)
    s.add('img/yyzz.png', assets.licence_photo([('统一社会信用代码', o.code), ('名称', o.entity), ('类型', o.etype), ('法定代表人', o.legal_rep),
                                                ('经营范围', o.scope), ('注册资本', o.capital), ('成立日期', o.founded), ('住所', o.addr)]))
    shop_pages(s, accent, style='plain', cancel='web_path', withdraw='settings_privacy', licence=False, complaint_help=False,
               privacy_kw=dict(contact_phone=False, email_label='订单邮箱', contact_intro='如您对本政策或您的个人信息有任何疑问、意见或建议，或者需要行使上述权利，可以通过以下方式与我们联系：'),
               contact_rows=[('公司名称', o.entity), ('订购热线', o.phone), ('订单邮箱', o.email), ('公司地址', o.addr), ('消费投诉', '全国12315热线')])
    s.set('complaint-channel-disclosed', 'fail', 'the shop publishes no complaint channel of its own: 订购热线 and an order mailbox are not labelled for '
          'complaints, and 12315 is the regulator\'s line. Art. 59 makes the operator set up and publish ITS OWN 投诉、举报 mechanism and handle '
          'complaints itself; a pointer to 12315 cannot be that (the field set graded a national line alone as review; the law says otherwise)')
    s.set('business-licence-disclosed', 'needs_review', 'the labelled 营业执照 link opens a photograph only; whether it shows a valid licence needs a human look '
          '(field-set decision: a link to an image only → review)')
    return s


# ---------------------------------------------------------------------------------------------------
def nuomi() -> Site:
    o = Org(brand='糯米宠物', entity='天津糯米宠物用品有限公司', code=make_uscc('91', '120116', 'MA07Q2L8'),
            addr='天津市滨海新区中新生态城中天大道2018号生态城科技园办公楼16号楼301室', phone='022-6631 2758', email='kf@nuomipet.cn',
            pemail='privacy@nuomipet.cn', domain='www.nuomipet.cn', icp='津ICP备2022001987号-1', psb=make_psb('津', '12011602000934'),
            legal_rep='刘洋', capital='200万元人民币', founded='2021年09月17日', scope='宠物食品及用品批发；宠物食品及用品零售；互联网销售',
            authority='天津市滨海新区市场监督管理局', city='天津', kind='shop')
    s = Site('shop-nuomi-privacy-policy-pdf-only', '糯米宠物（隐私政策只提供PDF，账号注销等也只写在PDF里）', ['site', 'operator'],
             '''A pet-supplies shop that publishes its privacy policy only as a PDF: the footer link "隐私政策（PDF）" opens
privacy.pdf, a four-page text PDF (not a scan) with every item — handler, contact, purposes, categories, retention,
rights and how to use them, cancellation, withdrawal, third-party list, children. The help centre covers shipping
and returns only, so the PDF is also where query/correction/deletion/cancellation are explained.
Expected: compliant in every applicable rule (a PDF is 便于查阅和保存, PIPL Art. 17 ¶3).''', org=o)
    accent = '#ff8c42'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于糯米</a><a href="help.html">购物帮助</a><a href="contact.html">联系我们</a><a href="licence.html">证照信息</a><a href="privacy.pdf" target="_blank">隐私政策（PDF）</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}　客服电话：{o.phone}　客服邮箱：{o.email}</p>
<p>地址：{o.addr}</p>
<p>{legal_line(o)}</p></div></footer>'''
    css = shop_css(accent=accent, c1='#fff0e3', c2='#ffd2ad', bg='#fffaf5', logofont='"Microsoft YaHei",sans-serif') + \
        '.ft{background:#4a3526;color:#d9c4b1;text-align:center;font-size:13px;padding:26px 0 34px;margin-top:40px}.ft .nav a{margin:0 12px;color:#fff}.ft p{margin:6px 0}'
    prods = [('天然 猫粮 无谷 5.4kg', '289'), ('冻干 鸡肉粒 猫狗通用 500g', '99'), ('豆腐猫砂 原味 6L×4', '119'), ('狗狗 牵引绳 反光', '59'),
             ('自动 喂食器 wifi', '399'), ('猫抓板 瓦楞纸 大号', '49'), ('宠物 烘干箱', '1599'), ('驱虫药 体内外 猫用', '168'),
             ('狗窝 四季通用 L', '159'), ('猫爬架 实木', '699'), ('宠物 饮水机 静音', '139'), ('狗粮 成犬 10kg', '329')]
    body = shop_header('糯米宠物', [('首页', 'index.html'), ('猫咪', '#'), ('狗狗', '#'), ('小宠', '#'), ('医疗保健', '#')]) + \
        shop_body('毛孩子的日常，我们都准备好了', '正品保障 · 满99包邮', [('猫咪专区', prods[:8]), ('狗狗专区', prods[4:])], 29,
                  [('正品保障', '品牌直供'), ('满99包邮', '天津仓发货'), ('七日无理由', '未开封商品'), ('客服', o.phone)]) + footer
    s.add('index.html', page('糯米宠物 - 宠物用品商城', body, css=css))
    add_common_assets(s)
    banner(s, (255, 160, 90), (200, 100, 40), 14)
    shop_pages(s, accent, style='pdf', cancel='web_path', withdraw='settings_privacy', retention='per_item', privacy_path='privacy.pdf',
               help_extra=[('多久发货？', '付款后24小时内从天津仓发货。'), ('支持七天无理由退货吗？', '未开封商品签收后七日内可无理由退货。'),
                           ('宠物食品可以退吗？', '已开封的食品、药品不支持无理由退货，质量问题除外。')])
    # the help centre of this site covers shipping only: replace the generic help page
    fill.help_page(s, [('多久发货？', '付款后24小时内从天津仓发货，偏远地区除外。'), ('支持七天无理由退货吗？', '未开封商品签收后七日内可无理由退货，请在订单页申请。'),
                       ('宠物食品可以退吗？', '已开封的食品、药品不支持无理由退货，质量问题除外。'),
                       ('如何投诉？', f'请拨打客服电话{o.phone}或发送邮件至{o.email}，我们24小时内响应。'),
                       ('账号与个人信息问题', '请查阅《隐私政策》（PDF）第六部分。')], accent=accent)
    s.why['privacy-policy-linked'] = 'the homepage links a PDF of the full policy that opens without login; a PDF is published rules 便于查阅和保存 (PIPL Art. 17 ¶3)'
    s.why['privacy-policy-content'] = 'the PDF (real text) states every Art. 17 / 条例 Art. 21 item'
    s.why['account-deletion-disclosed'] = 'the policy (PDF) states how to query, correct, delete and cancel (E-Commerce Law Art. 24: 明示…方式、程序)'
    return s


# ---------------------------------------------------------------------------------------------------
def yunjin() -> Site:
    o = Org(brand='云锦服饰', entity='杭州云锦服饰合伙企业（有限合伙）', code=make_uscc('91', '330110', 'MA7B2QN6'),
            addr='浙江省杭州市余杭区五常街道文一西路998号海创园18幢605室', phone='+86 139 5818 2736', email='hi@yunjinfs.com',
            pemail='hi@yunjinfs.com', domain='www.yunjinfs.com', icp='浙ICP备2023019921号-1', psb=make_psb('浙', '33011002017765'),
            legal_rep='杭州锦程投资管理有限公司（委派代表：许静）', capital='300万元人民币', founded='2022年11月30日', etype='有限合伙企业',
            scope='服装服饰零售；服装制造；互联网销售', authority='杭州市余杭区市场监督管理局', city='杭州', kind='shop')
    s = Site('shop-yunjin-partnership-police-number-in-title', '云锦服饰（有限合伙企业；公安备案号只在链接的title提示里）', ['site', 'operator'],
             '''A fashion label run by a limited partnership ("杭州云锦服饰合伙企业（有限合伙）", executive partner a company),
phone a mobile written +86 139 5818 2736. Its footer shows the ICP number normally, but the police filing appears
only as the word "公安备案" with a badge; the number itself is in the link's title attribute (a hover tooltip).
The link's code is right. Breach: the police filing number is not displayed.''', org=o)
    accent = '#222'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">ABOUT 关于</a><a href="help.html">HELP 帮助</a><a href="contact.html">CONTACT 联系</a><a href="privacy.html">PRIVACY 隐私政策</a><a href="licence.html">营业执照</a></p>
<p>{o.entity}　统一社会信用代码 {o.code}</p>
<p>客服/投诉 {o.phone}　{o.email}　{o.addr}</p>
<p>{icp_link(o.icp)}　<a href="{mps(o.psb_digits)}" target="_blank" title="{o.psb}"><img src="img/ghs.png" alt="公安备案" width="16" height="16" style="vertical-align:-3px"> 公安备案</a></p>
</div></footer>'''
    css = shop_css(accent=accent, c1='#eee', c2='#cfcfcf', bg='#fff', logofont='"Didot","Times New Roman",serif') + \
        '.ft{background:#000;color:#888;text-align:center;font-size:12px;letter-spacing:.5px;padding:30px 0 36px;margin-top:40px}.ft .nav a{margin:0 14px;color:#eee}.ft p{margin:7px 0}'
    prods = [('真丝 衬衫 宽松 米白', '899'), ('羊毛 大衣 双面呢 驼色', '2680'), ('香云纱 半身裙', '1280'), ('针织 开衫 羊绒混纺', '699'),
             ('阔腿裤 垂感 黑色', '459'), ('棉麻 连衣裙 夏', '599'), ('云锦 刺绣 手包', '1580'), ('丝巾 桑蚕丝 90cm', '399')]
    body = shop_header('YUNJIN 云锦', [('新品', '#'), ('女装', '#'), ('配饰', '#'), ('系列', '#'), ('关于', 'about.html')]) + \
        shop_body('东方织物，当代剪裁', 'AW 2026 系列', [('本季新品', prods), ('经典系列', prods[::-1])], 31,
                  [('顺丰包邮', '全国'), ('七日无理由', '吊牌完好'), ('客服', o.phone), ('邮箱', o.email)]) + footer
    s.add('index.html', page('YUNJIN 云锦服饰 官方网站', body, css=css))
    add_common_assets(s)
    banner(s, (60, 60, 60), (10, 10, 10), 16)
    shop_pages(s, accent, style='numbered', cancel='web_path', withdraw='settings_privacy', rights='contact', retention='account_life')
    s.set('psb-filing-displayed', 'fail', 'the visible text is only "公安备案"; the 14-digit number sits in a title tooltip, which is not displayed '
          '(MPS instructions: show the 网站公安机关备案号 in the footer; contract: only visible text counts)')
    s.why['entity-name-disclosed'] = 'a 合伙企业（有限合伙） is a registered market entity; its full registered name is shown (Consumer Law Art. 21)'
    s.why['contact-phone-disclosed'] = '+86 139 5818 2736 is a valid mobile number in international form'
    return s


# ---------------------------------------------------------------------------------------------------
def huamu() -> Site:
    o = Org(brand='花木园艺', entity='上海花木园艺有限公司苏州分公司', code=make_uscc('91', '320505', 'MA27N4H5'),
            addr='江苏省苏州市虎丘区狮山路35号金河国际中心9楼903室', phone='400-820-5566 转 2', phone2='0512-6878 3325',
            email='suzhou@huamuyy.com', pemail='privacy@huamuyy.com', domain='sz.huamuyy.com', icp='苏ICP备2021037720号-1',
            psb=make_psb('苏', '32050502011985'), legal_rep='蒋晓燕', founded='2020年04月13日', etype='有限责任公司分公司（自然人投资或控股）',
            scope='花卉种植；园艺产品销售；礼品花卉销售；互联网销售', authority='苏州高新区（虎丘区）市场监督管理局', city='苏州', kind='shop')
    s = Site('shop-huamu-branch-400-extension', '花木园艺（分公司经营；400电话带“转 2”分机）', ['site', 'operator'],
             '''A flower and garden shop run by the Suzhou branch of a Shanghai company ("上海花木园艺有限公司苏州分公司", its
own 91… code, 负责人 instead of a legal representative). Hotline "400-820-5566 转 2" (an extension for the Suzhou
desk) and a local line 0512-6878 3325; a complaint mailbox; the policy names the branch as handler.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#c2185b'
    footer = f'''<footer class="ft"><div class="w">
<div class="row"><span>客服热线 <b>{o.phone}</b></span><span>门店电话 {o.phone2}</span><span>投诉建议 complaint@huamuyy.com</span></div>
<p class="nav"><a href="about.html">关于花木</a><a href="help.html">配送与售后</a><a href="contact.html">门店地址</a><a href="privacy.html">隐私政策</a><a href="licence.html">营业执照</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}　地址：{o.addr}</p>
<p>{legal_line(o)}</p></div></footer>'''
    css = shop_css(accent=accent, c1='#fde4ec', c2='#f4a7c0', bg='#fff8fa') + \
        '.ft{background:#fff;color:#888;text-align:center;font-size:13px;padding:24px 0 32px;margin-top:40px;border-top:3px solid #c2185b}.ft .row span{margin:0 18px}.ft .row b{color:#c2185b;font-size:16px}.ft .nav a{margin:0 12px;color:#444}.ft p{margin:6px 0}'
    prods = [('红玫瑰 19枝 花束', '239'), ('向日葵 混搭 花束', '199'), ('绿萝 大盆 客厅', '89'), ('蝴蝶兰 三株 年宵', '368'),
             ('多肉 组合 盆栽', '69'), ('开业 花篮 双层', '599'), ('琴叶榕 1.5m', '299'), ('园艺 工具 五件套', '79'),
             ('有机 营养土 20L', '39'), ('月季 苗 大花', '49'), ('绣球 盆栽 无尽夏', '129'), ('永生花 礼盒', '259')]
    body = shop_header('花木园艺', [('首页', 'index.html'), ('鲜花速递', '#'), ('绿植盆栽', '#'), ('园艺用品', '#'), ('企业花艺', '#')]) + \
        shop_body('苏州城区 3 小时送达', '鲜花 · 绿植 · 园艺', [('鲜花速递', prods[:8]), ('绿植与园艺', prods[4:])], 37,
                  [('3小时达', '苏州城区'), ('不满意重做', '鲜花类'), ('客服', '400-820-5566 转 2'), ('门店', o.phone2)]) + footer
    s.add('index.html', page('花木园艺 苏州站 - 鲜花速递 绿植', body, css=css))
    add_common_assets(s)
    banner(s, (230, 120, 160), (150, 30, 80), 18)
    shop_pages(s, accent, style='toc', cancel='app_path', withdraw='settings_system', retention='cn_server_until', help_cancel='app')
    s.why['contact-phone-disclosed'] = '400-820-5566 is a valid 400 number; "转 2" is an extension, not part of the number (rulebook §2.11); a local line is shown too'
    s.why['entity-name-disclosed'] = 'a 分公司 holds its own business licence; its registered name (with the head-office name) is the real name'
    return s


# ---------------------------------------------------------------------------------------------------
CHAT_JS = '''<div id="kf" class="kf"><button onclick="document.getElementById('kfbox').style.display='block'">在线客服</button>
<div id="kfbox" class="kfbox"><p><b>厨艺家在线客服</b>　<a href="#" onclick="this.parentNode.parentNode.style.display='none';return false">关闭</a></p>
<p>您好！咨询、售后和投诉请直接在此留言，客服在线时间 9:00-21:00，我们将在24小时内答复。</p>
<textarea rows="3" style="width:100%"></textarea><p><button>发送</button></p></div></div>'''


def chuyi() -> Site:
    o = Org(brand='厨艺家', entity='宁波厨艺家厨具有限公司', code=make_uscc('91', '330212', 'MA2J8TF7'),
            addr='浙江省宁波市鄞州区天童南路588号宁波商会国贸中心A座2603室', phone='0574-8789 6612', email='sales@chuyijia.com',
            pemail='privacy@chuyijia.com', domain='www.chuyijia.com', icp='浙ICP备2022040188号-1', psb=make_psb('浙', '33021202001678'),
            legal_rep='何建平', capital='500万元人民币', founded='2018年06月21日', scope='厨具卫具及日用杂品批发；金属制日用品制造；互联网销售',
            authority='宁波市鄞州区市场监督管理局', city='宁波', kind='shop')
    s = Site('shop-chuyi-chat-only-complaints-policy-in-3-pages', '厨艺家（投诉只通过“在线客服”窗口；隐私政策分三页）', ['site', 'operator'],
             '''A kitchenware shop. Its phone is labelled 订购热线 and its mailbox is for sales; complaints go through the
在线客服 chat widget fixed at the bottom right of every page, which the help centre and the contact page name as
the complaint channel ("售后与投诉：请点击页面右下角“在线客服”…24小时内答复"). The privacy policy is one document
split over three pages (privacy.html, privacy-2.html, privacy-3.html) with 上一页/下一页; retention and the rights
are on pages 2 and 3.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#d35400'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于厨艺家</a><a href="help.html">帮助中心</a><a href="contact.html">联系我们</a><a href="privacy.html">隐私政策</a><a href="licence.html">营业执照</a></p>
<p>订购热线：{o.phone}　商务合作：{o.email}　售后与投诉：请点击右下角“在线客服”</p>
<p>{o.entity}　统一社会信用代码：{o.code}　地址：{o.addr}</p>
<p>{legal_line(o)}</p></div></footer>{CHAT_JS}'''
    css = shop_css(accent=accent, c1='#f5e6da', c2='#e0b08a', bg='#faf6f2', logofont='"Microsoft YaHei",sans-serif') + '''
.ft{background:#2d2520;color:#bba;text-align:center;font-size:13px;padding:26px 0 34px;margin-top:40px}.ft .nav a{margin:0 12px;color:#fff}.ft p{margin:6px 0}
.kf{position:fixed;right:24px;bottom:24px;z-index:50}.kf>button{background:#d35400;color:#fff;border:0;border-radius:22px;padding:11px 20px;font-size:15px;box-shadow:0 3px 10px rgba(0,0,0,.25)}
.kfbox{display:none;position:absolute;right:0;bottom:54px;width:300px;background:#fff;color:#333;padding:10px 14px;border-radius:6px;box-shadow:0 4px 18px rgba(0,0,0,.2)}'''
    prods = [('不粘锅 炒锅 32cm 少油烟', '299'), ('304不锈钢 汤锅 24cm', '259'), ('铸铁 珐琅锅 22cm', '599'), ('刀具 七件套 德国钢', '499'),
             ('砧板 乌檀木 整木', '189'), ('电压力锅 5L 双胆', '399'), ('烤箱 家用 40L', '459'), ('硅胶 厨具 铲勺套装', '89'),
             ('保鲜盒 玻璃 十件套', '129'), ('厨房 置物架 壁挂', '99'), ('空气炸锅 可视', '359'), ('咖啡 手冲壶 细嘴', '169')]
    body = shop_header('厨艺家', [('首页', 'index.html'), ('锅具', '#'), ('刀具', '#'), ('小家电', '#'), ('收纳', '#')]) + \
        shop_body('好厨具，做好饭', '宁波工厂直营 · 一年只换不修', [('热卖锅具', prods[:8]), ('刀具与小家电', prods[4:])], 41,
                  [('工厂直营', '宁波鄞州'), ('一年换新', '质量问题'), ('订购', o.phone), ('在线客服', '9:00-21:00')]) + footer
    s.add('index.html', page('厨艺家 - 厨具锅具网上商城', body, css=css))
    add_common_assets(s)
    banner(s, (210, 120, 60), (120, 50, 10), 20)
    shop_pages(s, accent, style='paged', cancel='web_path', withdraw='settings_system', retention='per_item', complaint_help=False,
               privacy_kw=dict(contact_phone=False, email_label='商务合作邮箱'),
               help_extra=[('售后与投诉', '商品质量、配送或服务方面的投诉，请点击页面右下角“在线客服”提交，客服在线时间9:00-21:00，我们将在24小时内答复，7个工作日内给出处理结果。'),
                           ('多久发货？', '付款后48小时内发货。')],
               contact_rows=[('公司名称', o.entity), ('订购热线', o.phone), ('商务合作', o.email), ('售后与投诉', '页面右下角“在线客服”（9:00-21:00，24小时内答复）'), ('公司地址', o.addr)])
    s.why['complaint-channel-disclosed'] = ('the shop publishes its complaint method: the 在线客服 chat on every page, named in the footer, help and contact pages as '
                                            'the place for 售后与投诉 with a reply time (E-Commerce Law Art. 59 asks for 投诉方式, not a particular medium)')
    s.why['privacy-policy-content'] = 'one policy paginated over three linked pages; all items are stated across the pages (条例 Art. 21: 集中公开展示 — one document)'
    return s


SITES = [chalu, mianfang, guangnian, qingyou, beiji, xiangyun, nuomi, yunjin, huamu, chuyi]
