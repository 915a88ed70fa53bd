"""卡盟 card-trading platforms and card shops (10)."""
from __future__ import annotations

import html

import assets
import fill
from common import MIIT, Site, add_common_assets, doc_page, icp_link, mps, page, privacy_page, psb_link
from ids import make_psb, make_uscc
from org import Org

import docs

E = html.escape


def goods_page(site: Site, accent: str) -> None:
    o = site.org
    body = (f'<h1>腾讯Q币 100元（卡密自动发货）</h1><p>会员价：<b style="color:{accent};font-size:22px">￥96.80</b>　库存：充足</p>'
            '<p>发货方式：付款后卡密即时显示在订单页面，并发送至您填写的手机号。</p>'
            '<p style="border:1px solid #f3c;padding:8px 12px;background:#fff6fb"><b>温馨提示：</b>本商品为在线交付的数字化商品，卡密一经发放，'
            '依照《消费者权益保护法》第二十五条不适用七日无理由退货。下单前请确认充值账号与面值。</p>'
            '<p><label><input type="checkbox"> 我已知晓本商品不支持七日无理由退货</label></p><p><button>确认购买</button></p>'
            f'<p>售后：卡密无效或未到账，请在订单页面申请售后，或拨打客服电话 {E(o.phone)}。</p>')
    site.add('goods.html', doc_page(site, '商品详情', body, accent=accent))


KM_CSS = '''
*{box-sizing:border-box}body{margin:0;font:14px/1.6 "Microsoft YaHei","PingFang SC",sans-serif;background:%(bg)s;color:#333}
a{color:inherit;text-decoration:none}.wrap{width:1180px;margin:0 auto}
.hd{background:%(hd)s;color:#fff}.hd .wrap{display:flex;align-items:center;height:64px}.hd .logo{font-size:24px;font-weight:700;margin-right:40px}
.hd nav a{margin-right:22px;opacity:.9}.hd .user{margin-left:auto}.hd .user a{margin-left:12px}
.bar{background:#fff;border-bottom:1px solid #e6e6e6}.bar .wrap{height:40px;line-height:40px;color:#666}
.main{display:flex;gap:18px;margin-top:18px}.side{width:220px;background:#fff;padding:12px 16px}.side h3{margin:6px 0 10px;font-size:15px}
.side li{list-style:none;padding:7px 0;border-bottom:1px dashed #eee}.side ul{padding:0;margin:0}
.content{flex:1}.goods{width:100%%;background:#fff;border-collapse:collapse}.goods caption{text-align:left;font-size:17px;font-weight:700;padding:10px 0}
.goods th,.goods td{padding:9px 12px;border-bottom:1px solid #f0f0f0;text-align:left}.goods th{background:#fafafa;color:#888;font-weight:400}
.pr{color:%(accent)s;font-weight:700}.buy{background:%(accent)s;color:#fff;padding:3px 12px;border-radius:3px}
.notice-box{background:#fff;padding:10px 16px;margin-top:18px}.notice-box h3{margin:4px 0 8px;font-size:15px}.notice-box ul{margin:0;padding:0}
.notice-box li{list-style:none;padding:5px 0;color:#555}.notice-box li span{color:#aaa;margin-right:12px}
.promo{display:flex;gap:18px;margin:22px 0}.promo div{flex:1;background:#fff;padding:22px;border-top:3px solid %(accent)s}.promo h4{margin:0 0 8px;font-size:17px}
'''


def km_css(**kw) -> str:
    d = dict(bg='#f2f4f7', hd='#1f3a68', accent='#e8412c')
    d.update(kw)
    return KM_CSS % d


def km_header(brand: str, nav: list[tuple[str, str]], user: str = '<a href="login.html">登录</a><a href="reg.html">免费注册</a>') -> str:
    n = ''.join(f'<a href="{h}">{E(t)}</a>' for t, h in nav)
    return f'<header class="hd"><div class="wrap"><span class="logo">{E(brand)}</span><nav>{n}</nav><span class="user">{user}</span></div></header>'


def km_main(seed: int, cats: list[str], notices: list[tuple[str, str]], promo: list[tuple[str, str]], n_goods: int = 26) -> str:
    side = '<aside class="side"><h3>商品分类</h3><ul>' + ''.join(f'<li><a href="#">{E(c)}</a></li>' for c in cats) + '</ul></aside>'
    pr = '<div class="promo">' + ''.join(f'<div><h4>{E(a)}</h4><p>{E(b)}</p></div>' for a, b in promo) + '</div>'
    return (f'<div class="wrap"><div class="main">{side}<div class="content">{fill.card_table(seed, n=n_goods)}'
            f'{fill.notices(notices)}</div></div>{pr}</div>')


def login_page(site: Site, accent: str, agreement_href: str = 'agreement.html', privacy_href: str = 'privacy.html') -> None:
    body = ('<h1>会员登录</h1><form><p>手机号：<input name="m"></p><p>密码：<input type="password" name="p"></p>'
            f'<p><label><input type="checkbox"> 我已阅读并同意<a href="{agreement_href}">《用户服务协议》</a>和<a href="{privacy_href}">《隐私政策》</a></label></p>'
            '<p><button type="button">登录</button></p></form>')
    site.add('login.html', doc_page(site, '登录', body, accent=accent))
    site.add('reg.html', doc_page(site, '注册', body.replace('会员登录', '免费注册').replace('>登录<', '>注册<'), accent=accent))


CATS = ['游戏点卡', '话费充值', '视频会员', '音乐会员', '网盘会员', '礼品卡', '直充专区', '分站专享']
NOTICE = [('11-20', '关于国庆期间部分商品调价的说明'), ('11-12', '严禁利用本站从事洗钱、诈骗等违法活动'),
          ('11-03', '新增网易云音乐黑胶VIP直充通道'), ('10-28', '分站站长结算周期调整为T+1'), ('10-15', '防诈骗提醒：官方客服不会索要您的登录密码')]


# ---------------------------------------------------------------------------------------------------
def fengyun() -> Site:
    o = Org(brand='风云卡盟', entity='杭州风云网络科技有限公司', code=make_uscc('91', '330106', 'MA2KC7R5'),
            addr='浙江省杭州市西湖区文三路478号华星时代广场A座1106室', phone='0571-8691 2345', email='kefu@fengyunka.com',
            pemail='privacy@fengyunka.com', domain='www.fengyunka.com', icp='浙ICP备2021026384号-1', b2='浙B2-20220153',
            psb=make_psb('浙', '33010602012547'), legal_rep='沈嘉豪', capital='500万元人民币', founded='2019年04月16日',
            scope='网络技术服务；第二类增值电信业务；数字内容制作服务（不含出版发行）', authority='杭州市西湖区市场监督管理局',
            city='杭州', kind='card')
    s = Site('km-fengyun-grid-order-footer', '风云卡盟（页脚用CSS grid的order把法定信息排到最下方）', ['site', 'platform'],
             '''A 卡盟 platform (分站 and suppliers) whose footer is a CSS grid: in the DOM the legal strip (ICP filing,
B2 licence, police number, name and credit code) comes FIRST, and `order: 3` moves it visually to the bottom,
centred, below the link columns and the service block. Everything the law asks for is there.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#e8412c'
    cols = [('新手入门', [('注册协议', 'agreement.html'), ('交易规则', 'rules.html'), ('购买流程', 'help.html')]),
            ('售后服务', [('售后申请', 'help.html#after'), ('投诉与建议', 'contact.html'), ('常见问题', 'help.html')]),
            ('商务合作', [('分站加盟', 'help.html'), ('供货商入驻', 'help.html'), ('API对接', 'help.html')]),
            ('关于风云', [('关于我们', 'about.html'), ('营业执照', 'licence.html'), ('隐私政策', 'privacy.html')])]
    colhtml = ''.join(f'<dl><dt>{E(t)}</dt>' + ''.join(f'<dd><a href="{h}">{E(x)}</a></dd>' for x, h in ls) + '</dl>' for t, ls in cols)
    footer = f'''<footer class="ft">
  <div class="legal">
    <p>Copyright © 2019-2026 {o.entity} 版权所有　统一社会信用代码：{o.code}</p>
    <p>{icp_link(o.icp)}<span class="sep">|</span>增值电信业务经营许可证：{o.b2}<span class="sep">|</span>{psb_link(o.psb)}</p>
  </div>
  <div class="cols">{colhtml}</div>
  <div class="svc"><p>客服热线：<b>{o.phone}</b>（每日 9:00-23:00）　投诉邮箱：tousu@fengyunka.com</p><p>公司地址：{o.addr}</p></div>
</footer>'''
    css = km_css(accent=accent) + '''
.ft{display:grid;grid-template-columns:1fr;background:#1b2433;color:#9aa4b5;margin-top:30px;font-size:13px}
.ft .legal{order:3;text-align:center;padding:14px 0 22px;border-top:1px solid #2d3748}.ft .legal p{margin:4px 0}.ft .sep{margin:0 10px;color:#4a5568}
.ft .cols{order:1;display:flex;justify-content:center;gap:90px;padding:28px 0 10px}.ft dl{margin:0}.ft dt{color:#fff;font-size:15px;margin-bottom:8px}.ft dd{margin:0 0 5px}
.ft .svc{order:2;text-align:center;padding:6px 0 14px}.ft a:hover{color:#fff}'''
    nav = [('首页', 'index.html'), ('商品分类', '#'), ('分站加盟', 'help.html'), ('供货商入驻', 'help.html'), ('帮助中心', 'help.html')]
    body = (km_header(o.brand, nav) + '<div class="bar"><div class="wrap">欢迎来到风云卡盟！全站卡密自动发货，7×14小时在线客服。</div></div>'
            + km_main(11, CATS, NOTICE, [('开通分站', '一键开通独立分站，自定义域名与售价，结算T+1。'), ('供货商入驻', '资质审核通过后即可上架，平台担保交易。'),
                                          ('API对接', '提供标准下单与查询接口，适合批量采购企业。')]) + footer)
    s.add('index.html', page('风云卡盟 - 游戏点卡 话费充值 视频会员 自动发货平台', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='app_path', withdraw='settings_privacy', style='summary',
                    summary=[('处理者', f'{o.entity}'), ('收集的信息', '手机号码、订单与充值账号、分站/供货商的身份与结算信息、设备与日志信息'),
                             ('保存期限', '账号注销后三年；交易记录不少于三年'), ('您的权利', '查阅复制、更正补充、删除、撤回同意、注销账号，见第6部分'),
                             ('联系我们', f'{o.pemail}；{o.phone}')])
    s.why['icp-number-placement'] = ('the legal strip comes first in the DOM but CSS grid order:3 draws it as the last, centred band of the footer; '
                                     'placement is where a visitor sees it (Filing Measures Art. 13 主页底部的中央位置)')
    s.why['complaint-channel-disclosed'] = 'a labelled 投诉邮箱 and a 客服热线 in the footer (E-Commerce Law Art. 59)'
    return s


def common_km_pages(s: Site, accent: str, *, cancel: str, withdraw: str, style: str, summary=None, rights: str = 'path',
                    retention: str = 'per_item', help_cancel: str = 'app', platform: bool = True, agreement_textarea=False,
                    rules_textarea=False, rules: bool = True, privacy_title: str = '隐私政策', licence: bool = True,
                    child: str = 'general', about_extra: str = '', contact_rows=None, lowercase=False, privacy_kw=None) -> None:
    o = s.org
    privacy_page(s, style, title=privacy_title, summary=summary, accent=accent, funcs='card',
                 platform_extra='card_platform_extra' if platform else '', share=['pay', 'cloud', 'sms'],
                 retention=retention, rights=rights, cancel=cancel, withdraw=withdraw, child=child, **(privacy_kw or {}))
    if platform:
        fill.agreement_page(s, kind='card', title='平台服务协议', accent=accent, textarea=agreement_textarea)
        if rules:
            fill.rules_page(s, kind='card', title='平台交易规则', accent=accent, textarea=rules_textarea)
    fill.help_page(s, docs.help_items(o, cancel=help_cancel) + [
        ('卡密无效怎么办？', '请在「我的订单」中点击“申请售后”，上传充值失败截图，客服核实后补发或退款。'),
        ('如何开通分站？' if platform else '本站商品从哪里来？',
         '注册会员后在「分站中心」提交实名信息并支付开通费，审核通过即可获得独立分站。' if platform else '本站商品均由正规渠道采购，卡密经系统校验后发放。')], accent=accent)
    about = [f'{o.brand}（{o.domain}）由{o.entity}运营，成立于{o.founded[:4]}年，专注于游戏点卡、话费和各类会员的在线销售。',
             '我们坚持正规渠道进货、卡密自动发放、售后有保障，累计服务用户超过百万人次。']
    fill.about_page(s, about, accent=accent, extra=about_extra)
    rows = contact_rows or [('公司名称', o.entity), ('客服电话', o.phone), ('客服邮箱', o.email), ('投诉邮箱', o.email),
                            ('公司地址', o.addr), ('服务时间', '每日 9:00-23:00')]
    fill.contact_page(s, rows, accent=accent)
    if licence:
        fill.licence_page(s, telecom=platform, accent=accent, lowercase=lowercase)
    goods_page(s, accent)
    login_page(s, accent)


# ---------------------------------------------------------------------------------------------------
def shuyun() -> Site:
    o = Org(brand='蜀云卡盟', entity='成都蜀云互娱科技有限公司', code=make_uscc('91', '510107', 'MA6B3WJ2'),
            addr='四川省成都市武侯区天府大道北段1700号环球中心W3区1502室', phone='028-8553 6120', email='service@shuyunka.cn',
            pemail='dpo@shuyunka.cn', domain='www.shuyunka.cn', icp='川ICP备2022005871号-1', b2='川B2-20230087',
            psb=make_psb('川', '51010702043315'), legal_rep='罗晓川', capital='300万元人民币', founded='2021年08月09日',
            scope='网络技术服务；第二类增值电信业务；互联网销售（除销售需要许可的商品）', authority='成都市武侯区市场监督管理局',
            city='成都', kind='card')
    s = Site('km-shuyun-svg-text-icp-sister-site-number', '蜀云卡盟（ICP备案号写在内联SVG的<text>里；显示的是同一主体另一网站的备案号）', ['site', 'platform'],
             '''A 卡盟 platform whose designer exported the footer's filing line as an inline <svg>: the number is an SVG
<text> element (real, selectable text, not a picture) inside an SVG <a href="https://beian.miit.gov.cn/">, centred
with text-anchor="middle" in a centred svg. The rest of the footer is ordinary HTML.
Registry rows (the MIIT record) hold the same name, code and phone, and this domain under website number
川ICP备2022005871号-3; the footer, copied from the company's first website, shows 川ICP备2022005871号-1.
Breach (cross-check): the filing number shown is not the one registered for this website.''', org=o)
    accent = '#7b3fe4'
    footer = f'''<footer class="ft">
  <nav class="links"><a href="about.html">关于我们</a><a href="agreement.html">平台服务协议</a><a href="rules.html">交易规则</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="contact.html">联系客服</a><a href="licence.html">营业执照</a></nav>
  <p>客服电话：{o.phone}　客服邮箱：{o.email}　地址：{o.addr}</p>
  <p>© 2021-2026 {o.entity}　增值电信业务经营许可证：{o.b2}</p>
  <svg class="beian" width="460" height="24" viewBox="0 0 460 24" xmlns="http://www.w3.org/2000/svg">
    <a href="{MIIT}" target="_blank"><text x="230" y="17" text-anchor="middle" font-size="13" fill="#8b93a7" font-family="Microsoft YaHei, sans-serif">{o.icp}</text></a>
  </svg>
  <p>{psb_link(o.psb, badge='before')}</p>
</footer>'''
    css = km_css(accent=accent, hd='#2a1f4f', bg='#f4f2fa') + '''
.ft{background:#15122a;color:#8b93a7;text-align:center;font-size:13px;padding:26px 0 30px;margin-top:30px}.ft p{margin:6px 0}
.ft .links a{margin:0 12px;color:#c9c3e6}.ft svg.beian{display:block;margin:4px auto}'''
    nav = [('首页', 'index.html'), ('点卡商城', '#'), ('分站系统', 'help.html'), ('供货中心', 'help.html'), ('帮助', 'help.html')]
    body = km_header(o.brand, nav) + '<div class="bar"><div class="wrap">蜀云卡盟 · 官方授权渠道 · 卡密秒发 · 分站一键开通</div></div>' + \
        km_main(23, CATS, NOTICE[::-1], [('分站加盟', '零库存创业，独立后台，自主定价。'), ('供货商入驻', '平台担保结算，账期清晰。'), ('企业采购', '支持对公转账与开票。')]) + footer
    s.add('index.html', page('蜀云卡盟 - 官方点卡充值平台', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='web_path', withdraw='settings_system', style='numbered', help_cancel='web')
    s.with_registry(registered_name=o.entity, registered_uscc=o.code, registered_icp='川ICP备2022005871号-3',
                    registered_phones=[o.phone], registered_domains=['{host}', o.domain])
    s.set('registry-icp-match', 'fail', 'the record files this domain as website no. 3, 川ICP备2022005871号-3; the footer shows -1, the number of the '
          'sponsor\'s other website. Each website has its own filing number (ICP Measures Art. 12: 标明其…备案编号), so the one shown is not this site\'s')
    s.why['icp-number-displayed'] = 'an SVG <text> element is rendered, selectable text (not a picture): the number is displayed on the homepage (ICP Measures Art. 12)'
    s.why['icp-number-linked'] = 'the SVG <text> sits inside an SVG <a href="https://beian.miit.gov.cn/"> (Filing Measures Art. 13)'
    s.why['icp-number-placement'] = 'text-anchor="middle" in a horizontally centred svg at the bottom of the footer'
    return s


# ---------------------------------------------------------------------------------------------------
def qiankun() -> Site:
    o = Org(brand='乾坤卡盟', entity='郑州乾坤网络科技有限公司', code=make_uscc('91', '410105', 'MA45NK8D'),
            addr='河南省郑州市金水区花园路139号正弘国际广场2208室', phone='0371-6593 2817', email='kf@qiankunka.com',
            pemail='kf@qiankunka.com', domain='www.qiankunka.com', icp='豫ICP备19034562号-1', b2='豫B2-20200456',
            psb=make_psb('豫', '41010502003781'), legal_rep='李建军', capital='200万元人民币', founded='2018年11月27日',
            scope='网络技术开发；第二类增值电信业务；电子产品销售', authority='郑州市金水区市场监督管理局', city='郑州', kind='card')
    s = Site('km-qiankun-textarea-agreement', '乾坤卡盟（老式表格布局，注册协议和交易规则放在只读textarea里）', ['site', 'platform'],
             '''An old-school 卡盟 platform (table layout, 2018 template): the 注册协议 and the 交易规则 are published the
way many such sites still do it, as the full text inside a read-only <textarea> that scrolls; the privacy
policy is plain text pasted into a <pre>. All the text is there and readable without login.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#d4380d'
    css = '''body{margin:0;background:#e9e9e9;font:12px/1.7 SimSun,"宋体",serif;color:#333}a{color:#0645ad}
.w{width:960px;margin:0 auto;background:#fff}.top td{padding:6px 10px}.logo{font:bold 28px "Microsoft YaHei";color:#d4380d}
.menu{background:#d4380d}.menu a{color:#fff;font:bold 14px "Microsoft YaHei";padding:0 16px;line-height:36px}
.goods{width:100%;border-collapse:collapse}.goods caption{font:bold 14px "Microsoft YaHei";text-align:left;padding:8px;background:#fff3ee}
.goods td,.goods th{border:1px solid #eee;padding:5px 8px}.pr{color:#d4380d;font-weight:bold}.buy{color:#fff;background:#f60;padding:1px 8px}
.foot td{text-align:center;color:#666;padding:3px}.foot{border-top:3px solid #d4380d;margin-top:10px}.box{border:1px solid #ddd;margin:8px 0}
.box h3{margin:0;background:#f5f5f5;padding:4px 8px;font-size:13px}.box ul{margin:6px 0;padding-left:22px}'''
    notes = ''.join(f'<li>[{d}] {E(t)}</li>' for d, t in NOTICE)
    body = f'''<div class="w">
<table class="top" width="100%"><tr><td class="logo">乾坤卡盟</td><td align="right">客服热线：<b style="color:#d4380d">{o.phone}</b>　<a href="login.html">登录</a> | <a href="reg.html">注册</a></td></tr></table>
<div class="menu"><a href="index.html">首页</a><a href="#">点卡中心</a><a href="#">话费充值</a><a href="help.html">分站加盟</a><a href="help.html">供货商入驻</a><a href="agreement.html">注册协议</a><a href="rules.html">交易规则</a></div>
<table width="100%" cellpadding="0" cellspacing="8"><tr><td width="230" valign="top">
<div class="box"><h3>网站公告</h3><ul>{notes}</ul></div>
<div class="box"><h3>客服中心</h3><ul><li>客服电话：{o.phone}</li><li>投诉邮箱：{o.email}</li><li>在线时间：8:30-23:30</li></ul></div>
<div class="box"><h3>分站加盟</h3><ul><li>开通费用：198元/年</li><li>独立后台，自主定价</li><li>结算周期：T+1</li></ul></div>
</td><td valign="top">{fill.card_table(37, n=28, buy="购买")}</td></tr></table>
<table class="foot" width="100%"><tr><td><a href="about.html">关于我们</a> | <a href="agreement.html">注册协议</a> | <a href="rules.html">交易规则</a> | <a href="privacy.html">隐私政策</a> | <a href="help.html">帮助中心</a> | <a href="contact.html">联系我们</a> | <a href="licence.html">营业执照</a></td></tr>
<tr><td>{o.entity}　版权所有　Copyright © 2018-2026　地址：{o.addr}</td></tr>
<tr><td>{icp_link(o.icp)}　增值电信业务经营许可证：{o.b2}　{psb_link(o.psb, spaced=True)}</td></tr>
<tr><td style="padding-bottom:14px">郑重声明：本站严禁销售任何违法商品，严禁利用本站从事洗钱、诈骗等违法犯罪活动，违者移交公安机关处理。</td></tr></table>
</div>'''
    s.add('index.html', page('乾坤卡盟-点卡充值批发平台', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='contact', withdraw='contact', style='pre', rights='contact', help_cancel='contact',
                    agreement_textarea=True, rules_textarea=True, retention='account_life', privacy_title='隐私声明')
    s.why['user-agreement-linked'] = ('the full agreement is the text of a read-only <textarea> on agreement.html, linked from the menu and the footer; '
                                      'it opens without login and can be read and copied in full (E-Commerce Law Art. 33 便利、完整地阅览和下载)')
    s.why['trading-rules-linked'] = 'same: the complete rules in a read-only <textarea> on rules.html'
    s.why['privacy-policy-content'] = 'a plain-text 隐私声明 in <pre> stating every PIPL Art. 17 / 条例 Art. 21 item'
    return s


# ---------------------------------------------------------------------------------------------------
def huoli() -> Site:
    o = Org(brand='火力点卡', entity='长沙火力网络科技有限公司', code=make_uscc('91', '430104', 'MA4T6Q1B'),
            addr='湖南省长沙市岳麓区麓谷大道658号麓谷信息港A座1203室', phone='0731-8276 5530', email='help@huolika.com',
            pemail='help@huolika.com', domain='www.huolika.com', icp='湘ICP备2023008812号-1', psb=make_psb('湘', '43010402001596'),
            legal_rep='彭宇', capital='100万元人民币', founded='2022年03月18日', scope='网络技术服务；互联网销售（除销售需要许可的商品）',
            authority='长沙市岳麓区市场监督管理局', city='长沙', kind='card')
    s = Site('km-huoli-icp-revealed-on-hover', '火力点卡（ICP备案号opacity:0，只在鼠标悬停时显示）', ['site', 'operator'],
             '''A self-run card shop. The footer shows the label "ICP备案" and, next to it, the filing number inside a link
whose opacity is 0; it fades in only while the mouse hovers over the label. On a normal visit (and on any phone)
the number is not visible. Everything else is compliant.
Breach: the ICP number is not displayed, so it is neither linked nor placed. Second defect: the privacy policy
says data is shared with "合作的支付机构、云服务商、短信服务商" without naming any of them (no recipient list).''', org=o)
    accent = '#ff6a00'
    footer = f'''<footer class="ft"><div class="wrap">
<p class="links"><a href="about.html">关于火力</a>·<a href="help.html">购买帮助</a>·<a href="privacy.html">隐私政策</a>·<a href="contact.html">联系我们</a>·<a href="licence.html">营业执照</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}　客服电话：{o.phone}　投诉邮箱：{o.email}</p>
<p>地址：{o.addr}</p>
<p><span class="beian">ICP备案 <a class="num" href="{MIIT}" target="_blank">{o.icp}</a></span>　{psb_link(o.psb)}</p>
</div></footer>'''
    css = km_css(accent=accent, hd='#2b2b2b', bg='#f7f5f2') + '''
.ft{background:#262626;color:#999;text-align:center;font-size:13px;padding:24px 0;margin-top:30px}.ft .links a{margin:0 10px;color:#ddd}
.beian{cursor:help;border-bottom:1px dotted #777}.beian .num{opacity:0;transition:opacity .25s}.beian:hover .num{opacity:1}'''
    nav = [('首页', 'index.html'), ('全部商品', '#'), ('订单查询', 'help.html'), ('购买帮助', 'help.html')]
    body = km_header(o.brand, nav, '<a href="login.html">登录</a>') + '<div class="bar"><div class="wrap">火力点卡 · 自营店铺 · 正规渠道 · 卡密秒发</div></div>' + \
        km_main(41, CATS[:6], NOTICE[1:], [('自营保障', '全部商品由本公司自营，正规授权渠道供货。'), ('秒发货', '付款后卡密即时显示。'), ('售后无忧', '卡密问题24小时内处理。')]) + footer
    s.add('index.html', page('火力点卡 - 自营游戏点卡商城', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='web_path', withdraw='contact', style='plain', platform=False, help_cancel='web',
                    privacy_kw=dict(share_list=False))
    s.set('privacy-policy-content', 'needs_review', 'the policy says personal data goes to "合作的支付机构、云服务商、短信服务商" but names none of '
          'them: 网络数据安全管理条例 Art. 21 asks for the recipients to be listed (以清单等形式予以列明; PIPL Art. 23 接收方的名称). Every other '
          'item is stated — one item absent → review')
    why = ('the number has opacity:0 until hovered; only what a visitor sees counts (contract), and an ICP number must be '
           'shown on the homepage (ICP Measures Art. 12), not revealed by a hover')
    s.set('icp-number-displayed', 'fail', why)
    s.set('icp-number-linked', 'fail', 'no displayed number, so nothing displayed is linked (Filing Measures Art. 13); the link wraps invisible text')
    s.set('icp-number-placement', 'fail', 'no visible number stands in the footer centre (Filing Measures Art. 13)')
    return s


# ---------------------------------------------------------------------------------------------------
CANVAS_JS = '''<script>
(function(){var c=document.getElementById('icp-cv');var x=c.getContext('2d');
x.font='13px "Microsoft YaHei","Noto Sans CJK SC",sans-serif';x.fillStyle='#a0a7b4';x.textAlign='center';x.textBaseline='middle';
x.fillText(c.getAttribute('data-t'),c.width/2,c.height/2);c.removeAttribute('data-t');})();
</script>'''


def kapai() -> Site:
    o = Org(brand='卡派', entity='厦门卡派信息技术有限公司', code=make_uscc('91', '350203', 'MA8RJ2UY'),
            addr='福建省厦门市思明区软件园二期观日路24号402室', phone='0592-518 ****（登录后可见完整号码）', email='cs@kapai.shop', pemail='cs@kapai.shop',
            domain='www.kapai.shop', icp='闽ICP备2022011640号-2', psb=make_psb('闽', '35020302035618'), legal_rep='陈启明',
            capital='50万元人民币', founded='2022年01月05日', scope='信息技术咨询服务；互联网销售（除销售需要许可的商品）',
            authority='厦门市思明区市场监督管理局', city='厦门', kind='card', extra={'skip_phone_check': True})
    s = Site('km-kapai-icp-on-canvas-phone-masked', '卡派（ICP备案号用<canvas>绘制；客服电话打码“登录后可见”）', ['site', 'operator'],
             '''A self-run card shop whose front-end developer is fond of anti-scraping tricks. The filing number is drawn
onto a <canvas> (custom font) inside a link to beian.miit.gov.cn: a visitor sees it as pixels, centred in the
footer; the DOM has it only as canvas fallback content, which is not rendered. The customer-service phone is
printed "0592-518 ****（登录后可见完整号码）" on every page; the complaint channel is the mailbox (投诉同邮箱).
Canvas number: like an image-only number, review. Breach: no phone number is published (the masked one is none).''', org=o)
    accent = '#0aa37f'
    footer = f'''<footer class="ft"><div class="wrap">
<p class="links"><a href="about.html">关于卡派</a><a href="help.html">常见问题</a><a href="contact.html">联系客服</a><a href="privacy.html">隐私政策</a></p>
<p>© 2022-2026 {o.entity}　统一社会信用代码 {o.code}</p>
<p>客服电话 {o.phone}　邮箱 {o.email}（投诉同邮箱）　地址 {o.addr}</p>
<p><a href="{MIIT}" target="_blank" class="icp"><canvas id="icp-cv" width="220" height="20" data-t="{o.icp}">{o.icp}</canvas></a></p>
<p>{psb_link(o.psb)}</p>
</div></footer>{CANVAS_JS}'''
    css = km_css(accent=accent, hd='#0b3d35', bg='#f1f6f4') + '''
.ft{background:#0d2622;color:#a0a7b4;text-align:center;font-size:13px;padding:26px 0 30px;margin-top:30px}.ft p{margin:6px 0}.ft .links a{margin:0 12px;color:#dfe}
.ft canvas{vertical-align:middle}'''
    nav = [('首页', 'index.html'), ('点卡', '#'), ('会员', '#'), ('话费', '#'), ('帮助', 'help.html')]
    body = km_header(o.brand, nav, '<a href="login.html">登录</a>') + '<div class="bar"><div class="wrap">卡派 · 数字商品自营店</div></div>' + \
        km_main(53, CATS[:7], NOTICE[:4], [('正品保障', '官方渠道采购。'), ('极速发货', '平均3秒出卡。'), ('售后', '工作日9:00-22:00。')]) + footer
    s.add('index.html', page('卡派 - 数字商品自营店', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='app_path', withdraw='settings_system', style='toc', platform=False,
                    privacy_kw=dict(contact_phone=False),
                    contact_rows=[('公司名称', o.entity), ('客服电话', o.phone), ('客服/投诉邮箱', o.email), ('公司地址', o.addr)])
    s.set('contact-phone-disclosed', 'fail', 'the only phone is masked ("0592-518 ****", full number after login); a number a visitor cannot dial is '
          'no 联系方式 by phone (Consumer Law Art. 28; the rule asks for a valid customer-service phone)')
    s.why['complaint-channel-disclosed'] = 'the mailbox is published and labelled 投诉同邮箱 (E-Commerce Law Art. 59: an e-mail address is a 投诉方式)'
    why = ('the number is only pixels drawn on a <canvas> (its fallback text is not rendered); like an image-only number it '
           'is visible but cannot be machine-verified (field-set decision: image-only numbers → needs_review)')
    s.set('icp-number-displayed', 'needs_review', why)
    s.set('icp-number-linked', 'needs_review', 'the canvas sits inside a beian.miit.gov.cn link, but the number itself is only drawn; review as for an image-only number')
    s.set('icp-number-placement', 'needs_review', 'a centred canvas in the footer; placement of a number that cannot be read needs review (image-only decision)')
    return s


# ---------------------------------------------------------------------------------------------------
def xunka() -> Site:
    o = Org(brand='迅卡网', entity='武汉迅卡互联科技有限公司', code=make_uscc('91', '420106', 'MA4K9C3F'),
            addr='湖北省武汉市武昌区中北路227号愿景广场3栋1808室', phone='027-8731 6655', email='service@xunka.net',
            pemail='privacy@xunka.net', domain='www.xunka.net', icp='鄂ICP备2021015590号-1', b2='鄂B2-20220078',
            psb=make_psb('鄂', '42010602004562'), legal_rep='黄志伟', capital='1000万元人民币', founded='2020年10月21日',
            scope='互联网信息服务；第二类增值电信业务；软件开发', authority='武汉市武昌区市场监督管理局', city='武汉', kind='card')
    s = Site('km-xunka-police-number-only-in-noscript-stale-licence-page', '迅卡网（页脚由JS渲染，公安备案号只写在<noscript>里；证照页还是更名前的主体）', ['site', 'platform'],
             '''A 卡盟 platform whose footer is rendered by a script (a front-end component) from a template that has the
ICP filing number, the B2 licence, name, credit code and links but NOT the police filing number. The police number
is only in the static <noscript> fallback footer, which browsers with JavaScript (every visitor) never show.
Its 证照信息 page was never updated after the company changed its name: it shows the former name and code.
Breaches: the public-security filing number is not displayed; the licence page disagrees with the footer.''', org=o)
    accent = '#1677ff'
    links = '<a href="about.html">关于我们</a><a href="agreement.html">平台服务协议</a><a href="rules.html">平台交易规则</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="contact.html">联系我们</a><a href="licence.html">证照信息</a>'
    js_footer = (f'<div class="links">{links}</div>'
                 f'<p>客服热线：{o.phone}　投诉邮箱：{o.email}　地址：{o.addr}</p>'
                 f'<p>© 2020-2026 {o.entity}　统一社会信用代码：{o.code}</p>'
                 f'<p><a href="{MIIT}" target="_blank">{o.icp}</a>　增值电信业务经营许可证：{o.b2}</p>')
    noscript = js_footer.replace('</p>', '', 0) + f'<p>{psb_link(o.psb)}</p>'
    script = ('<script>\n(function(){\n  var tpl = ' + repr(js_footer).replace('</', '<\\/') +
              ';\n  document.addEventListener("DOMContentLoaded", function(){ document.getElementById("site-footer").innerHTML = tpl; });\n})();\n</script>')
    css = km_css(accent=accent, hd='#0b1f44', bg='#f0f4fa') + '''
.ft{background:#0b1f44;color:#9fb0cc;text-align:center;font-size:13px;padding:24px 0 30px;margin-top:30px}.ft .links a{margin:0 11px;color:#dbe6ff}.ft p{margin:6px 0}'''
    nav = [('首页', 'index.html'), ('商品中心', '#'), ('分站系统', 'help.html'), ('供货平台', 'help.html'), ('API', 'help.html')]
    body = (km_header(o.brand, nav) + '<div class="bar"><div class="wrap">迅卡网 · 卡密自动发货 · 分站与供货商服务平台</div></div>'
            + km_main(67, CATS, NOTICE, [('分站开通', '三分钟开通，自主定价。'), ('供货商', '资质审核，平台担保。'), ('开放接口', '下单、查询、回调。')])
            + f'<footer class="ft"><div id="site-footer" class="wrap"></div><noscript><div class="wrap">{noscript}</div></noscript></footer>\n{script}')
    s.add('index.html', page('迅卡网 - 卡密自动发货平台', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='app_path', withdraw='settings_privacy', style='plain', help_cancel='app',
                    retention='cn_server_until')
    import copy
    old = copy.copy(o)
    old.entity, old.code, old.founded = '武汉迅卡网络科技有限公司', make_uscc('91', '420106', 'MA4DR27K'), '2018年05月16日'
    s.add('licence.html', doc_page(s, '证照信息', '<h1>证照信息</h1><p>以下为本平台经营者的营业执照及增值电信业务经营许可证信息（更新于2021年3月）。</p>'
                                            + docs.licence_table(old, telecom=True), accent=accent))
    s.set('disclosures-consistent', 'fail', f'the 证照信息 page still shows the former operator 武汉迅卡网络科技有限公司 / {old.code} while the footer shows '
          f'{o.entity} / {o.code}; E-Commerce Law Art. 15 ¶2 requires the published information to be updated when it changes')
    s.set('psb-filing-displayed', 'fail', 'the police number is only inside <noscript>, which is not rendered when scripts run; '
          'the script-rendered footer omits it, so no 公网安备 number is shown (MPS display instructions; contract: only visible text counts)')
    return s


# ---------------------------------------------------------------------------------------------------
def haoka() -> Site:
    o = Org(brand='好卡联盟', entity='深圳好卡网络科技有限公司', code=make_uscc('91', '440305', 'MA5G2X8N'),
            addr='广东省深圳市南山区粤海街道科技南十二路18号长虹科技大厦2306室', phone='400-886-5120', phone2='0755-8663 2290',
            email='kefu@haokalm.com', pemail='pi@haokalm.com', domain='www.haokalm.com', icp='粤ICP备2020093356号-1',
            b2='粤B2-20210512', psb=make_psb('粤', '44030502006918'), legal_rep='郑海涛', capital='1000万元人民币',
            founded='2020年06月30日', scope='网络技术服务；第二类增值电信业务；互联网销售', authority='深圳市市场监督管理局南山监管局',
            city='深圳', kind='card')
    s = Site('km-haoka-cancellation-fee-rules-link-to-privacy-registry', '好卡联盟（注销账号要公证书和50元手续费；“交易规则”链接指向隐私政策；登记信息全部一致）', ['site', 'platform'],
             '''A compliant-looking 卡盟 platform with registry rows that all match. Its privacy policy and help centre state
how to query, correct and delete information, but cancelling the account requires mailing a notarised
application and paying a ¥50 "注销服务费" first.
Its footer's "交易规则" link was copied from the 隐私政策 link and opens privacy.html; the rules page (rules.html)
exists but nothing on the homepage links to it.
Breaches: an unreasonable condition on account cancellation (E-Commerce Law Art. 24); the trading rules are not
linked from the homepage (Art. 33).''', org=o)
    accent = '#f5222d'
    footer = f'''<footer class="ft"><div class="wrap">
<div class="row"><a href="about.html">关于我们</a><a href="agreement.html">用户服务协议</a><a href="privacy.html">交易规则</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="contact.html">联系我们</a></div>
<div class="row">全国客服热线：{o.phone}　投诉电话：{o.phone2}　投诉邮箱：{o.email}</div>
<div class="row">{o.entity}　统一社会信用代码：{o.code}　<a href="licence.html">营业执照</a>　地址：{o.addr}</div>
<div class="row">{icp_link(o.icp)}　增值电信业务经营许可证：{o.b2}　{psb_link(o.psb, badge='before')}</div>
</div></footer>'''
    css = km_css(accent=accent, hd='#a8071a', bg='#f7f3f3') + '''
.ft{background:#fff;border-top:2px solid #f5222d;color:#777;text-align:center;font-size:13px;padding:22px 0 30px;margin-top:30px}.ft .row{margin:7px 0}.ft .row a{margin:0 10px}'''
    nav = [('首页', 'index.html'), ('点卡', '#'), ('话费', '#'), ('会员', '#'), ('分站加盟', 'help.html'), ('帮助', 'help.html')]
    body = km_header(o.brand, nav) + '<div class="bar"><div class="wrap">好卡联盟 · 深圳 · 正规平台 · 分站、供货商一站式服务</div></div>' + \
        km_main(71, CATS, NOTICE, [('分站加盟', '开通即享进货价。'), ('供货商入驻', '审核快速，结算准时。'), ('企业服务', '对公采购与发票。')]) + footer
    s.add('index.html', page('好卡联盟 - 点卡充值分站平台', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='fee', withdraw='settings_privacy', style='plain', help_cancel='fee', retention='account_life')
    s.with_registry(registered_name=o.entity, registered_uscc=o.code, registered_icp=o.icp,
                    registered_phones=[o.phone, o.phone2], registered_domains=['{host}', o.domain])
    s.set('trading-rules-linked', 'fail', 'the link labelled 交易规则 opens the privacy policy; no homepage link leads to the trading rules (rules.html is '
          'reachable from nowhere on the homepage). Art. 33 requires the rules or their link on the homepage — a label over the wrong document is neither')
    s.set('account-deletion-disclosed', 'fail', 'cancellation only after a notarised mailed application and a ¥50 fee: Art. 24 of the '
          'E-Commerce Law forbids 不合理条件 on 用户注销; the method is stated but made unreasonable')
    s.set('privacy-policy-content', 'pass', 'every PIPL Art. 17 / 条例 Art. 21 item is stated, including a (costly) cancellation method; '
          'the unreasonable condition is an Art. 24 matter judged by account-deletion-disclosed, not a missing item')
    return s


# ---------------------------------------------------------------------------------------------------
def lanshan() -> Site:
    o = Org(brand='蓝山数码', entity='武汉市洪山区蓝山数码经营部（个体工商户）', code=make_uscc('92', '420111', 'MA4F1LJ7'),
            addr='湖北省武汉市洪山区珞喻路1037号光谷广场东座B1层12号', phone='+86 136 2711 4085', email='lanshan_sm@163.com',
            pemail='lanshan_sm@163.com', domain='www.lanshansm.cn', icp='鄂ICP备2024012207号-1', psb=make_psb('鄂', '42011102005318'),
            legal_rep='陈志刚', capital='个人经营', founded='2023年07月12日', etype='个体工商户',
            scope='电子产品销售；互联网销售（除销售需要许可的商品）；数字内容服务', authority='武汉市洪山区市场监督管理局', city='武汉', kind='card')
    s = Site('km-lanshan-fenzhan-getihu-lowercase-code', '蓝山数码（个体工商户开的卡盟分站；证照页信用代码是小写字母）', ['site', 'operator'],
             '''A 分站 (reseller site on its own domain) of a card platform, run by a 个体工商户 whose name carries the
"（个体工商户）" suffix and whose credit code (92…) is typed in lower case on the licence page and upper case in the
footer; its only phone is a mobile written +86 136 2711 4085. Registry rows (name without the suffix) all match.
Expected: compliant in every applicable rule; the two spellings of the code are the same code.''', org=o)
    accent = '#2f54eb'
    footer = f'''<footer class="ft"><div class="wrap">
<p>本站为卡盟分站，商品由本经营部自主定价销售，售后由本站负责。</p>
<p>经营者：{o.entity}（经营者：{o.legal_rep}）　统一社会信用代码：{o.code}　<a href="licence.html">营业执照</a></p>
<p>客服/投诉电话：{o.phone}（微信同号）　邮箱：{o.email}　经营场所：{o.addr}</p>
<p><a href="about.html">关于本站</a> | <a href="help.html">购买帮助</a> | <a href="privacy.html">隐私政策</a> | <a href="contact.html">联系我们</a></p>
<p>{icp_link(o.icp)}　{psb_link(o.psb)}</p>
</div></footer>'''
    css = km_css(accent=accent, hd='#10239e', bg='#f0f3ff') + '''
.ft{background:#fff;color:#666;text-align:center;font-size:13px;padding:20px 0 30px;margin-top:30px;border-top:1px solid #dde}.ft p{margin:6px 0}'''
    nav = [('首页', 'index.html'), ('全部商品', '#'), ('订单查询', 'help.html'), ('帮助', 'help.html')]
    body = km_header('蓝山数码 · 卡盟分站', nav, '<a href="login.html">登录</a>') + '<div class="bar"><div class="wrap">蓝山数码 · 光谷实体店 · 线上卡密自动发货</div></div>' + \
        km_main(83, CATS[:6], NOTICE[2:], [('实体门店', '光谷广场东座B1层12号，欢迎到店。'), ('自动发货', '付款即发卡密。'), ('售后', '微信同号，随时联系。')], n_goods=22) + footer
    s.add('index.html', page('蓝山数码 - 卡盟分站', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='contact', withdraw='contact', style='numbered', rights='contact', help_cancel='contact',
                    platform=False, lowercase=True,
                    contact_rows=[('经营者', o.entity), ('客服/投诉电话', o.phone), ('邮箱', o.email), ('经营场所', o.addr)])
    s.with_registry(registered_name='武汉市洪山区蓝山数码经营部', registered_uscc=o.code, registered_icp=o.icp,
                    registered_phones=['13627114085'], registered_domains=['{host}', o.domain])
    s.why['disclosures-consistent'] = 'the licence page writes the code in lower case; GB 32100 codes are case-insensitive (rulebook §2.5 test vector), so it is the same code'
    s.why['registry-phone-match'] = '+86 136 2711 4085 is the registered 13627114085 in international form'
    return s


# ---------------------------------------------------------------------------------------------------
def jinka() -> Site:
    o = Org(brand='金卡汇', entity='广州金卡汇信息科技有限公司', code=make_uscc('91', '440106', 'MA9W3E5H'),
            addr='广东省广州市天河区天河北路233号中信广场45楼4506室', phone='020-3822 6619', email='support@jinkahui.com',
            pemail='privacy@jinkahui.com', domain='www.jinkahui.com', icp='粤ICP备2019158844号-3', b2='',
            psb=make_psb('粤', '44010602011536'), legal_rep='梁嘉欣', capital='800万元人民币', founded='2019年09月02日',
            scope='信息技术服务；第二类增值电信业务；互联网销售', authority='广州市天河区市场监督管理局', city='广州', kind='card')
    s = Site('km-jinka-police-number-without-province-licence-pending-rules-pdf', '金卡汇（公安备案号没有省份简称；增值电信许可证“申请中”；交易规则是PDF）', ['site', 'platform'],
             '''A 卡盟 platform with 分站 and suppliers. Its footer writes the police number as "公网安备 44010602008812号" —
the province character 粤 is missing — though the link carries the right code; where the operating licence
belongs it says "增值电信业务经营许可证：申请中". Its trading rules are published only as a PDF (rules.pdf, a real
text PDF that opens and downloads without login); the agreement is an HTML page.
Breaches: police number not in its required form; the platform says it has no operating licence yet. The PDF
rules are compliant (Art. 33 阅览和下载).''', org=o)
    accent = '#faad14'
    footer = f'''<footer class="ft"><div class="wrap">
<p class="links"><a href="about.html">关于金卡汇</a><a href="agreement.html">平台服务协议</a><a href="rules.pdf" target="_blank">交易规则（PDF）</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="contact.html">联系我们</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}　客服电话：{o.phone}　投诉邮箱：{o.email}</p>
<p>地址：{o.addr}</p>
<p>{icp_link(o.icp)}　增值电信业务经营许可证：申请中　<a href="{mps(o.psb_digits)}" target="_blank"><img src="img/ghs.png" alt="" width="16" height="16" style="vertical-align:-3px"> 公网安备 {o.psb_digits}号</a></p>
</div></footer>'''
    css = km_css(accent='#d48806', hd='#3d2a00', bg='#faf7ef') + '''
.ft{background:#2b2100;color:#bfb38f;text-align:center;font-size:13px;padding:24px 0 30px;margin-top:30px}.ft p{margin:6px 0}.ft .links a{margin:0 10px;color:#ffe7a3}'''
    nav = [('首页', 'index.html'), ('商品', '#'), ('分站', 'help.html'), ('供货', 'help.html'), ('帮助', 'help.html')]
    body = km_header(o.brand, nav) + '<div class="bar"><div class="wrap">金卡汇 · 点卡分站与供货平台</div></div>' + \
        km_main(97, CATS, NOTICE, [('分站', '低成本开站。'), ('供货', '资质审核后上架。'), ('接口', '标准API。')]) + footer
    s.add('index.html', page('金卡汇 - 点卡分站供货平台', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='web_path', withdraw='settings_privacy', style='toc', help_cancel='web', rules=False)
    rules = docs.rules_sections(o, kind='card')
    lines = []
    for i, (t, paras) in enumerate(rules, start=1):
        lines.append(f'第{docs._cn(i)}条　{t}')
        lines += [f'{i}.{j}　{p}' for j, p in enumerate(paras, start=1)]
        lines.append('')
    s.add('rules.pdf', assets.make_pdf(['金卡汇平台交易规则', ''] + lines, '金卡汇平台交易规则'))
    s.set('psb-filing-displayed', 'fail', '"公网安备 44010602008812号" lacks the province character; the required form is X公网安备 + 14 digits + 号 '
          '(rulebook §2.4; the MPS snippet prints 粤公网安备), so the displayed number is not well-formed')
    s.set('icp-licence-displayed', 'fail', 'a platform for third-party sellers (经营性) shows only a filing number and states its 增值电信业务经营许可证 is '
          '"申请中": no licence is shown, and the site says it has none (ICP Measures Art. 4, 7, 12). Not the uncertain filing-only case (review): the site itself settles it')
    s.why['trading-rules-linked'] = 'a homepage link to a text PDF of the full rules that opens without login satisfies Art. 33 (阅览和下载)'
    return s


# ---------------------------------------------------------------------------------------------------
def quehua() -> Site:
    o = Org(brand='鹊华卡盟', entity='济南鹊华数卡网络科技有限公司', code=make_uscc('91', '370102', 'MA3T8P6C'),
            addr='山东省济南市历下区经十路11111号华润中心55层5503室', phone='0531-8690 1288 转 801', phone2='400-617-5858',
            email='kf@qhkm.com.cn', pemail='dpo@qhkm.com.cn', domain='www.qhkm.com.cn', icp='鲁ICP备2020036671号-2', b2='鲁B2-20210145',
            psb=make_psb('鲁', '37010202001873'), legal_rep='孙立新', capital='600万元人民币', founded='2020年05月11日',
            scope='第二类增值电信业务；网络技术服务；数字内容制作服务', authority='济南市历下区市场监督管理局', city='济南', kind='card')
    s = Site('km-quehua-dense-footer-registry-sponsor-number', '鹊华卡盟（超长密集页脚；登记的是主体备案号而页面显示网站备案号-2）', ['site', 'platform'],
             '''A big 卡盟 platform with a long, dense footer: five rows of links (partners, 分站 cities, help, rules,
company), a licence row and a service row, all centred; a phone with an extension ("0531-8690 1288 转 801") and a
400 complaint line. Registry rows hold the sponsor-level filing number 鲁ICP备2020036671号 (the site shows the
site-level 鲁ICP备2020036671号-2) and the switchboard number without the extension.
Expected: compliant in every applicable rule, registry included.''', org=o)
    accent = '#13c2c2'
    rows = [
        ('热门分站', ['济南站', '青岛站', '烟台站', '潍坊站', '临沂站', '淄博站', '济宁站', '泰安站', '威海站', '日照站', '德州站', '聊城站']),
        ('游戏专区', ['腾讯游戏', '网易游戏', '米哈游', '完美世界', '盛趣游戏', '西山居', '巨人网络', '金山游戏']),
        ('帮助中心', ['新手指南', '支付方式', '发货说明', '售后申请', '常见问题', '防骗指南']),
    ]
    link_rows = ''.join(f'<p><b>{E(t)}：</b>' + ' | '.join(f'<a href="help.html">{E(x)}</a>' for x in xs) + '</p>' for t, xs in rows)
    footer = f'''<footer class="ft"><div class="wrap">
{link_rows}
<p><b>平台规则：</b><a href="agreement.html">平台服务协议</a> | <a href="rules.html">平台交易规则</a> | <a href="privacy.html">隐私政策</a> | <a href="help.html">分站管理规范</a> | <a href="help.html">供货商准入标准</a> | <a href="help.html">违规处理公示</a></p>
<p><b>关于我们：</b><a href="about.html">公司简介</a> | <a href="contact.html">联系我们</a> | <a href="licence.html">营业执照</a> | <a href="licence.html">增值电信业务经营许可证</a> | <a href="help.html">加入我们</a></p>
<p class="lic">{icp_link(o.icp)}　｜　增值电信业务经营许可证：{o.b2}　｜　{psb_link(o.psb)}　｜　统一社会信用代码：{o.code}</p>
<p class="lic">{o.entity}　地址：{o.addr}　客服电话：{o.phone}　投诉热线：{o.phone2}　投诉邮箱：{o.email}</p>
<p class="lic">Copyright © 2020-2026 qhkm.com.cn All Rights Reserved　本平台不提供虚拟货币交易服务，未成年人请在监护人同意后购买</p>
</div></footer>'''
    css = km_css(accent='#08979c', hd='#00474f', bg='#eefafa') + '''
.ft{background:#f7f7f7;color:#666;text-align:center;font-size:12px;padding:22px 0 26px;margin-top:30px;border-top:1px solid #ddd}.ft p{margin:5px 0}.ft b{color:#333}
.ft a{color:#555}.ft .lic{color:#888}'''
    nav = [('首页', 'index.html'), ('点卡商城', '#'), ('话费充值', '#'), ('视频会员', '#'), ('分站加盟', 'help.html'), ('供货商', 'help.html'), ('帮助中心', 'help.html')]
    body = km_header(o.brand, nav) + '<div class="bar"><div class="wrap">鹊华卡盟 · 山东本地卡盟平台 · 分站覆盖全省</div></div>' + \
        km_main(101, CATS, NOTICE, [('分站覆盖', '全省16市分站。'), ('供货商', '严格准入。'), ('企业客户', '批量采购。')], n_goods=30) + footer
    s.add('index.html', page('鹊华卡盟 - 山东卡盟分站平台', body, css=css))
    add_common_assets(s)
    common_km_pages(s, accent, cancel='app_path', withdraw='settings_system', style='toc', help_cancel='app', retention='cn_server_until')
    s.with_registry(registered_name=o.entity, registered_uscc=o.code, registered_icp='鲁ICP备2020036671号',
                    registered_phones=['0531-8690 1288'], registered_domains=['{host}', o.domain])
    s.why['registry-icp-match'] = ('鲁ICP备2020036671号-2 is website no. 2 under the registered sponsor number 鲁ICP备2020036671号; '
                                   'rulebook §2.1 accepts sponsor and site numbers alike')
    s.why['registry-phone-match'] = 'the footer shows the registered switchboard 0531-8690 1288 with an extension (转 801); the line is the registered one'
    return s


SITES = [fengyun, shuyun, qiankun, huoli, kapai, xunka, haoka, lanshan, jinka, quehua]
