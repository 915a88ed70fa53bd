"""Marketplaces hosting third-party sellers (6)."""
from __future__ import annotations

import html
import random

import fill
from common import MIIT, Site, add_common_assets, doc_page, icp_link, page, privacy_page, psb_link
from ids import make_psb, make_uscc
from org import Org
from sites_shop import banner

import docs

E = html.escape

MKT_CSS = '''
*{box-sizing:border-box}body{margin:0;font:14px/1.6 "Microsoft YaHei","PingFang SC",sans-serif;color:#333;background:%(bg)s}
a{color:inherit;text-decoration:none}.w{width:1200px;margin:0 auto}
.topbar{background:#f2f2f2;font-size:12px;color:#777}.topbar .w{display:flex;justify-content:space-between;height:32px;line-height:32px}.topbar a{margin-left:14px}
.hd .w{display:flex;align-items:center;height:96px}.logo{font:700 30px/1 "Microsoft YaHei";color:%(accent)s;width:260px}
.search{flex:1;display:flex}.search input{flex:1;height:40px;border:2px solid %(accent)s;padding:0 12px}.search button{width:100px;background:%(accent)s;color:#fff;border:0}
.cats{background:%(accent)s}.cats .w{display:flex;height:42px;line-height:42px}.cats a{color:#fff;margin-right:30px;font-size:15px}
.row{display:flex;gap:18px;margin:18px auto}.catlist{width:230px;background:#fff;padding:10px 18px}.catlist p{margin:9px 0}.hero{flex:1;height:380px;background:url(img/banner.png) center/cover}
.box{background:#fff;margin:20px auto;padding:18px 22px}.box h2{margin:0 0 14px;font-size:20px}
.items{display:grid;grid-template-columns:repeat(5,1fr);gap:16px;list-style:none;padding:0;margin:0}.items li{border:1px solid #f0f0f0;padding:10px}
.items .pic{height:160px;background:linear-gradient(135deg,%(c1)s,%(c2)s)}.items .nm{height:42px;overflow:hidden;margin:8px 0 4px}
.items .pr{color:%(accent)s;font-weight:700;font-size:17px}.items .shop{color:#999;font-size:12px}.tag{background:%(accent)s;color:#fff;font-size:12px;padding:0 4px;margin-right:4px}
.stores{display:flex;gap:16px}.stores div{flex:1;border:1px solid #eee;padding:14px;text-align:center}
'''


def mkt_css(**kw) -> str:
    d = dict(bg='#f5f5f5', accent='#e4393c', c1='#fdeaea', c2='#f7bcbc')
    d.update(kw)
    return MKT_CSS % d


def items(goods: list[tuple[str, str, str]], seed: int) -> str:
    out = []
    for name, price, shop in goods:
        tag = '<span class="tag">自营</span>' if shop == '自营' else ''
        shopline = '平台自营' if shop == '自营' else shop
        out.append(f'<li><a href="goods.html"><div class="pic"></div><p class="nm">{tag}{E(name)}</p><p class="pr">￥{price}</p><p class="shop">{E(shopline)}</p></a></li>')
    return '<ul class="items">' + ''.join(out) + '</ul>'


def mkt_body(o: Org, cats: list[str], goods: list[tuple[str, str, str]], stores: list[str], seed: int, *, login='<a href="login.html">请登录</a><a href="register.html">免费注册</a>',
             top_right='<a href="help.html">帮助中心</a><a href="join.html">商家入驻</a>') -> str:
    r = random.Random(seed)
    g2 = goods[:]
    r.shuffle(g2)
    return (f'<div class="topbar"><div class="w"><span>欢迎来到{E(o.brand)}！{login}</span><span>{top_right}</span></div></div>'
            f'<header class="hd"><div class="w"><span class="logo">{E(o.brand)}</span><form class="search"><input placeholder="搜索商品 / 店铺"><button type="button">搜索</button></form></div></header>'
            '<nav class="cats"><div class="w">' + ''.join(f'<a href="#">{E(c)}</a>' for c in cats[:8]) + '</div></nav>'
            '<div class="w row"><div class="catlist">' + ''.join(f'<p>{E(c)}</p>' for c in cats) + '</div><div class="hero"></div></div>'
            f'<div class="w box"><h2>今日推荐</h2>{items(goods, seed)}</div>'
            '<div class="w box"><h2>品牌好店</h2><div class="stores">' + ''.join(f'<div><b>{E(x)}</b><p>进店逛逛 ›</p></div>' for x in stores) + '</div></div>'
            f'<div class="w box"><h2>猜你喜欢</h2>{items(g2, seed + 1)}</div>')


def mkt_pages(s: Site, accent: str, *, style: str, cancel='app_path', withdraw='settings_privacy', rights='path', retention='cn_server_until',
              help_cancel='app', agreement_title='平台服务协议', rules_title='平台交易规则', agreement=True, privacy_kw=None,
              agreement_toc=False, rules=True) -> None:
    o = s.org
    kw = dict(funcs='shop', platform_extra='market_extra', share=['pay', 'ship', 'cloud', 'sms'], retention=retention, rights=rights,
              cancel=cancel, withdraw=withdraw, child='general')
    kw.update(privacy_kw or {})
    privacy_page(s, style, accent=accent, **kw)
    if agreement:
        if agreement_toc:
            arts = docs.agreement_articles(o, kind='market')
            toc = ''.join(f'<li><a href="#a{i}">第{docs._cn(i)}条　{E(t)}</a></li>' for i, (t, _) in enumerate(arts, start=1))
            body = [f'<h1 id="top">{E(agreement_title)}</h1><p>版本：V5.2　发布日期：2026年4月20日　生效日期：2026年4月28日</p>'
                    f'<div class="toc"><b>目录</b><ol>{toc}</ol></div>']
            for i, (t, paras) in enumerate(arts, start=1):
                body.append(f'<h2 id="a{i}">第{docs._cn(i)}条　{E(t)}</h2>' + ''.join(f'<p>{i}.{j}　{E(p)}</p>' for j, p in enumerate(paras, start=1))
                            + '<p style="text-align:right"><a href="#top">↑ 回到目录</a></p>')
            s.add('agreement.html', doc_page(s, agreement_title, '\n'.join(body), accent=accent,
                                             extra_css='.toc{background:#f6f8fa;padding:10px 24px}.toc ol{columns:2}'))
        else:
            fill.agreement_page(s, kind='market', title=agreement_title, accent=accent)
    if rules:
        fill.rules_page(s, kind='market', title=rules_title, accent=accent)
    fill.help_page(s, docs.help_items(o, cancel=help_cancel) + [('如何申请退货？', '在「我的订单」中找到该订单，点击“申请售后”，选择退货原因并填写快递单号。'),
                                                              ('商家入驻需要什么资料？', '营业执照、法定代表人身份证件、品牌授权或进货凭证、对公账户。')], accent=accent)
    fill.about_page(s, [f'{o.brand}（{o.domain}）是{o.entity}运营的网络交易平台，成立于{o.founded[:4]}年。',
                        '平台为入驻商家提供开店、交易、物流和营销工具，为消费者提供安全放心的购物体验。'], accent=accent)
    fill.contact_page(s, [('公司名称', o.entity), ('客服电话', o.phone)] + ([('投诉电话', o.phone2)] if o.phone2 else []) +
                      [('客服邮箱', o.email), ('公司地址', o.addr)], accent=accent)
    fill.licence_page(s, telecom=True, accent=accent)
    s.add('join.html', doc_page(s, '商家入驻', '<h1>商家入驻</h1><p>入驻流程：提交资质 → 平台审核（3个工作日）→ 签署《平台服务协议》→ 缴纳保证金 → 开店。</p>'
                                          '<p>平台依照《电子商务法》第二十七条核验登记入驻商家的身份、地址、联系方式和行政许可等信息。</p>', accent=accent))
    s.add('goods.html', doc_page(s, '商品详情', '<h1>商品详情</h1><p>本商品由入驻商家销售，商家名称及营业执照信息见店铺首页。支持七日无理由退货。</p>', accent=accent))
    reg = ('<h1>免费注册</h1><form><p>手机号：<input></p><p>验证码：<input> <button type="button">获取验证码</button></p>'
           f'<p><label><input type="checkbox"> 我已阅读并同意<a href="agreement.html">《{E(o.brand)}用户服务协议》</a>和<a href="privacy.html">《隐私政策》</a></label></p>'
           '<p><button type="button">注册</button></p></form>')
    s.add('register.html', doc_page(s, '注册', reg, accent=accent))
    s.add('login.html', doc_page(s, '登录', reg.replace('免费注册', '登录').replace('>注册<', '>登录<'), accent=accent))


# ---------------------------------------------------------------------------------------------------
def hezi() -> Site:
    o = Org(brand='禾子全球购', entity='上海禾子跨境电子商务有限公司', code=make_uscc('91', '310115', 'MA1HR5T2'),
            addr='上海市浦东新区自由贸易试验区富特北路211号302部位368室', phone='400-920-1188', phone2='021-5089 6630',
            email='service@hezigo.com', pemail='dpo@hezigo.com', domain='www.hezigo.com', icp='沪ICP备2019024567号-1', b2='合字B2-20190031',
            psb=make_psb('沪', '31011502012345'), legal_rep='Kenji Tanaka（田中健二）', capital='2000万美元', founded='2018年12月10日',
            etype='有限责任公司（外国法人独资）', scope='在线数据处理与交易处理业务（经营类电子商务）；货物进出口；互联网销售',
            authority='中国（上海）自由贸易试验区市场监督管理局', city='上海', kind='market')
    s = Site('mkt-hezi-foreign-invested-edi-licence-toc-agreement', '禾子全球购（外资：合字B2在线数据处理与交易处理（EDI）许可证；协议带目录锚点）', ['site', 'platform'],
             '''A foreign-invested cross-border marketplace: its operating licence is the foreign-invested form
"合字B2-20190031" labelled as an EDI (在线数据处理与交易处理) licence, shown next to the filing number; a 亮照
badge links to the 电子营业执照 system; the platform agreement has a table of contents with anchors.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#0f8a5f'
    serial = o.code + '-SAIC_SHOW_10000091310115MA1HR5T2' + '1703'
    footer = f'''<footer class="ft"><div class="w">
<div class="guar"><span>正品保障</span><span>海关监管</span><span>保税仓直发</span><span>七日无理由退货</span></div>
<p class="nav"><a href="about.html">关于禾子</a><a href="agreement.html">平台服务协议</a><a href="rules.html">平台交易规则</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="join.html">商家入驻</a><a href="contact.html">联系我们</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}　<a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial={serial}&signData=MEUCIQDx" target="_blank"><img src="img/lz.png" width="18" height="18" alt="" style="vertical-align:-4px"> 电子营业执照</a></p>
<p>客服热线：{o.phone}　投诉电话：{o.phone2}　投诉邮箱：complaint@hezigo.com　地址：{o.addr}</p>
<p>{icp_link(o.icp)}　在线数据处理与交易处理业务（EDI）经营许可证：{o.b2}　{psb_link(o.psb)}</p>
</div></footer>'''
    import assets
    css = mkt_css(accent=accent, c1='#e2f4ec', c2='#a7dcc4') + '''
.ft{background:#fff;margin-top:30px;padding:0 0 30px;text-align:center;color:#888;font-size:13px}.ft .guar{display:flex;justify-content:space-around;padding:20px 0;border-bottom:1px solid #eee;font-size:16px;color:#333}
.ft .nav a{margin:0 12px;color:#444}.ft p{margin:7px 0}'''
    goods = [('日本 花王 纸尿裤 L54', '109', '自营'), ('澳洲 a2 奶粉 三段 900g', '239', '禾子澳洲馆'), ('韩国 雪花秀 滋盈套盒', '699', '首尔美妆旗舰店'),
             ('德国 双立人 刀具套装', '899', '自营'), ('新西兰 麦卢卡蜂蜜 UMF10+', '329', '纽西兰蜂蜜馆'), ('美国 Swisse 钙维D 150粒', '139', '健康海外专营店'),
             ('日本 象印 保温杯 480ml', '199', '自营'), ('法国 依云 矿泉水 500ml×24', '129', '欧洲食品馆'), ('意大利 百洛油 200ml', '89', '自营'),
             ('泰国 乳胶枕 护颈', '239', '曼谷家居专营店')]
    body = mkt_body(o, ['母婴', '美妆个护', '营养保健', '食品酒水', '家居厨具', '数码', '服饰箱包', '运动户外'], goods,
                    ['禾子澳洲馆', '首尔美妆旗舰店', '纽西兰蜂蜜馆', '欧洲食品馆', '曼谷家居专营店'], 5) + footer
    s.add('index.html', page('禾子全球购 - 跨境进口正品平台', body, css=css))
    add_common_assets(s)
    s.add('img/lz.png', assets.icon((200, 40, 40)))
    banner(s, (30, 140, 100), (10, 70, 50), 21)
    mkt_pages(s, accent, style='numbered', agreement_toc=True, cancel='app_path', withdraw='settings_system', help_cancel='app')
    s.why['icp-licence-displayed'] = '合字B2-20190031 is the foreign-invested form of a B2 licence (rulebook §2.3), here for EDI (B21 在线数据处理与交易处理)'
    s.with_registry(registered_name=o.entity, registered_uscc=o.code, registered_icp=o.icp, registered_phones=['02150896630', '4009201188'],
                    registered_domains=['{host}', o.domain, 'hezigo.com'])
    s.why['registry-phone-match'] = 'the registry writes the lines without separators (02150896630, 4009201188); the footer shows the same numbers'
    s.why['business-licence-disclosed'] = 'name and credit code in the footer, and a 电子营业执照 (亮照) link whose serial starts with the same code'
    return s


# ---------------------------------------------------------------------------------------------------
def nongfu() -> Site:
    o = Org(brand='农夫集市', entity='合肥农夫集市电子商务有限公司', code=make_uscc('91', '340104', 'MA2UEB7W'),
            addr='安徽省合肥市蜀山区黄山路459号安徽出版大厦15楼1502室', phone='0551-6286 4410', email='kf@nongfujishi.com',
            pemail='privacy@nongfujishi.com', domain='www.nongfujishi.com', icp='皖ICP备2022013377号-1', b2='皖B2-20230019',
            psb=make_psb('皖', '34010402002381'), legal_rep='吴长青', capital='500万元人民币', founded='2021年11月02日',
            scope='互联网销售；农副产品销售；第二类增值电信业务', authority='合肥市蜀山区市场监督管理局', city='合肥', kind='market')
    s = Site('mkt-nongfu-agreement-behind-register-rules-link-to-taobao', '农夫集市（首页不链接平台服务协议；“平台规则”链接到淘宝规则中心）', ['site', 'platform'],
             '''A farm-produce marketplace for village co-operatives and family farms, built from a copied template. The
homepage links the privacy policy, help centre, licences and merchant page; its "平台规则" and "规则中心" links
point to https://rule.taobao.com/ (Taobao's rules, left in the template); there is no platform service agreement
link — the agreement exists (agreement.html, full text) but is linked only from the register page's checkbox.
Breaches: neither the platform's agreement nor its own trading rules are on the homepage (E-Commerce Law Art. 33).''', org=o)
    accent = '#7cb305'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于我们</a><a href="https://rule.taobao.com/" target="_blank">平台规则</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="join.html">合作社入驻</a><a href="licence.html">证照信息</a><a href="contact.html">联系我们</a></p>
<p>{o.entity}　统一社会信用代码 {o.code}　客服电话 {o.phone}　投诉邮箱 {o.email}</p>
<p>地址：{o.addr}</p>
<p>{icp_link(o.icp)}　增值电信业务经营许可证 {o.b2}　{psb_link(o.psb, badge='before')}</p>
</div></footer>'''
    css = mkt_css(accent=accent, c1='#f0f7e2', c2='#c9e39a', bg='#f7f9f2') + \
        '.ft{background:#2f3d14;color:#b8c79a;margin-top:30px;padding:26px 0 32px;text-align:center;font-size:13px}.ft .nav a{margin:0 12px;color:#fff}.ft p{margin:7px 0}'
    goods = [('砀山 酥梨 10斤', '39.9', '砀山果农合作社'), ('六安 瓜片 2026新茶 250g', '168', '自营'), ('巢湖 银鱼 干 500g', '59', '巢湖渔业合作社'),
             ('黄山 毛峰 特级 100g', '88', '黄山茶农家庭农场'), ('宣城 土鸡蛋 30枚', '45', '宣州区禽蛋合作社'), ('亳州 白芍 片 250g', '36', '亳州药材合作社'),
             ('长丰 草莓 红颜 3斤', '69', '长丰草莓合作社'), ('霍山 石斛 鲜条 100g', '128', '霍山石斛家庭农场'), ('安庆 胡玉美 蚕豆酱', '19.9', '自营'),
             ('怀远 石榴 6个', '49', '怀远石榴合作社')]
    body = mkt_body(o, ['时令水果', '茶叶', '粮油米面', '禽蛋肉类', '水产', '山货干货', '地方特产', '农资'], goods,
                    ['砀山果农合作社', '黄山茶农家庭农场', '巢湖渔业合作社', '长丰草莓合作社', '霍山石斛家庭农场'], 7,
                    top_right='<a href="help.html">帮助中心</a><a href="join.html">合作社入驻</a><a href="https://rule.taobao.com/" target="_blank">规则中心</a>') + footer
    s.add('index.html', page('农夫集市 - 安徽农产品网上交易平台', body, css=css))
    add_common_assets(s)
    banner(s, (120, 170, 40), (60, 100, 10), 22)
    mkt_pages(s, accent, style='plain', cancel='web_path', withdraw='settings_privacy', help_cancel='web', agreement_title='农夫集市用户服务协议',
              rules=False)
    s.set('trading-rules-linked', 'fail', 'the 平台规则 / 规则中心 links go to rule.taobao.com — another platform\'s rules centre, copied with the site template. '
          'The platform has published no trading rules of its own (E-Commerce Law Art. 33: 其…交易规则)')
    s.set('user-agreement-linked', 'fail', 'no homepage link to the platform service agreement; it is reachable only from the register page\'s checkbox. '
          'Art. 33 requires it (or its link) on the homepage, 显著位置, 持续')
    return s


# ---------------------------------------------------------------------------------------------------
def gongchang() -> Site:
    o = Org(brand='工厂直联网', entity='无锡工厂直联网络科技有限公司', code=make_uscc('91', '320214', 'MA20Y3K8'),
            addr='江苏省无锡市新吴区菱湖大道200号中国传感网国际创新园E2栋501室', phone='400-690-2288', phone2='0510-8522 7701',
            email='service@gczl.net', pemail='privacy@gczl.net', domain='www.gczl.net', icp='苏ICP备2020052261号-1',
            psb=make_psb('苏', '32021402001156'), legal_rep='钱国栋', capital='2000万元人民币', founded='2019年08月26日',
            scope='工业互联网数据服务；五金产品批发；互联网销售', authority='无锡市新吴区市场监督管理局', city='无锡', kind='market')
    s = Site('mkt-gongchang-b2b-registry-phone-changed', '工厂直联网（B2B平台；换了客服号码，登记的还是旧号码）', ['site', 'platform'],
             '''An industrial B2B marketplace (factories selling parts to buyers) with registry rows. Everything matches the
registry except the phones: the site now shows a 400 hotline and a local line 0510-8522 7701, while the registry
still holds only the old line 0510-8522 7700.
It shows a filing number and no operating licence (no ICP证, no B2) anywhere.
Breach (cross-check): no disclosed customer-service phone is among the registered ones. A trading platform with
a filing number only: whether it needs and holds an operating licence is for review.''', org=o)
    accent = '#1d39c4'
    footer = f'''<footer class="ft"><div class="w">
<div class="cols"><dl><dt>采购商服务</dt><dd><a href="help.html">发布询价</a></dd><dd><a href="help.html">验厂报告</a></dd><dd><a href="rules.html">交易保障</a></dd></dl>
<dl><dt>供应商服务</dt><dd><a href="join.html">工厂入驻</a></dd><dd><a href="rules.html">平台交易规则</a></dd><dd><a href="help.html">违规公示</a></dd></dl>
<dl><dt>平台协议</dt><dd><a href="agreement.html">平台服务协议</a></dd><dd><a href="privacy.html">隐私政策</a></dd><dd><a href="licence.html">营业执照</a></dd></dl>
<dl><dt>联系我们</dt><dd>客服热线 {o.phone}</dd><dd>投诉电话 {o.phone2}</dd><dd>{o.email}</dd></dl></div>
<p>{o.entity}　统一社会信用代码：{o.code}　地址：{o.addr}</p>
<p>{icp_link(o.icp)}　{psb_link(o.psb)}</p>
</div></footer>'''
    css = mkt_css(accent=accent, c1='#e6ebfa', c2='#b6c3ee', bg='#f2f4f8') + '''
.ft{background:#151b2e;color:#8c96b3;margin-top:30px;padding:26px 0 30px;text-align:center;font-size:13px}.ft .cols{display:flex;justify-content:space-around;text-align:left;margin-bottom:16px}
.ft dt{color:#fff;font-size:15px;margin-bottom:6px}.ft dd{margin:3px 0}.ft p{margin:6px 0}'''
    goods = [('M8 不锈钢 内六角螺栓 1000只', '186', '无锡锡东紧固件厂'), ('深沟球轴承 6204-2RS 100套', '420', '常州力达轴承有限公司'),
             ('伺服电机 750W 套装', '1380', '苏州汇川驱动专营'), ('气动 电磁阀 4V210', '68', '宁波亚德客经销'), ('工业 铝型材 4040 每米', '32', '无锡新吴铝材厂'),
             ('数控刀片 CNMG120408', '19', '株洲硬质合金旗舰店'), ('光电开关 漫反射', '45', '自营'), ('不锈钢 法兰 DN50', '86', '温州龙湾阀门厂'),
             ('同步带 HTD 5M', '58', '杭州传动件厂'), ('PLC 模块 16点', '990', '自营')]
    body = mkt_body(o, ['紧固件', '轴承', '电机', '气动元件', '型材', '刀具', '传感器', '阀门管件'], goods,
                    ['无锡锡东紧固件厂', '常州力达轴承有限公司', '无锡新吴铝材厂', '温州龙湾阀门厂', '株洲硬质合金旗舰店'], 9,
                    login='<a href="login.html">登录</a><a href="register.html">企业注册</a>') + footer
    s.add('index.html', page('工厂直联网 - 工业品B2B采购平台', body, css=css))
    add_common_assets(s)
    banner(s, (40, 70, 190), (15, 25, 80), 23)
    mkt_pages(s, accent, style='toc', cancel='app_path', withdraw='contact', help_cancel='app', retention='per_item')
    s.with_registry(registered_name=o.entity, registered_uscc=o.code, registered_icp=o.icp, registered_phones=['0510-8522 7700'],
                    registered_domains=['{host}', o.domain])
    s.set('icp-licence-displayed', 'needs_review', 'a platform for third-party sellers shows only its filing number and no 经营许可证 (ICP Measures '
          'Art. 4, 7, 12: 经营性 services need a licence). Whether a B2B matching service is 经营性 in this sense is not visible from the site: '
          'filing only → review (rulebook CN-ICP-LIC "If an ECP shows a filing number only: flag for review")')
    s.set('registry-phone-match', 'fail', 'the site shows 400-690-2288 and 0510-8522 7701; the registry holds only 0510-8522 7700 — no disclosed phone is a registered one')
    return s


# ---------------------------------------------------------------------------------------------------
def jiuwu() -> Site:
    o = Org(brand='旧物集', entity='北京旧物集信息技术有限公司', code=make_uscc('91', '110105', 'MA04DN9L'),
            addr='北京市朝阳区望京街道阜通东大街6号方恒国际中心C座1702室', phone='010-8459 3320', email='help@jiuwuji.com',
            pemail='privacy@jiuwuji.com', domain='www.jiuwuji.com', icp='京ICP备2022012345号-1', b2='京B2-20220876',
            psb=make_psb('京', '11010502051234'), legal_rep='周一鸣', capital='1000万元人民币', founded='2021年02月18日',
            scope='第二类增值电信业务；旧货销售；互联网销售', authority='北京市朝阳区市场监督管理局', city='北京', kind='market')
    s = Site('mkt-jiuwu-abbr-in-icp-number-freeze-instead-of-cancel', '旧物集（备案号中间的“ICP”是<abbr title>；同时显示备案号、ICP证和B2证；只能冻结不能注销账号）', ['site', 'platform'],
             '''A second-hand marketplace (individuals and shops sell used goods). The footer writes its filing number as
京<abbr title="Internet Content Provider">ICP</abbr>备2022012345号-1 (the letters ICP wrapped in an <abbr> with a
tooltip, the text reads normally), and shows the 京ICP证 licence number and the B2 licence as well. Its privacy
policy and help centre refuse account cancellation ("本平台不提供账号注销服务") and offer a reversible 冻结账号 instead.
Breach: no way to cancel the account (E-Commerce Law Art. 24; 网络数据安全管理条例 Art. 21(4)).''', org=o)
    accent = '#ffb400'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于旧物集</a><a href="agreement.html">用户服务协议</a><a href="rules.html">交易规则</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="contact.html">联系我们</a><a href="licence.html">证照信息</a></p>
<p>客服电话：{o.phone}（9:00-21:00）　投诉邮箱：{o.email}　{o.entity}　统一社会信用代码：{o.code}</p>
<p>地址：{o.addr}</p>
<p><a href="{MIIT}" target="_blank">京<abbr title="Internet Content Provider">ICP</abbr>备2022012345号-1</a>　京ICP证220345号　增值电信业务经营许可证：{o.b2}　{psb_link(o.psb)}</p>
</div></footer>'''
    css = mkt_css(accent='#d48806', c1='#fff4d6', c2='#ffd97a', bg='#fafafa') + \
        '.ft{background:#fff;margin-top:30px;padding:24px 0 30px;text-align:center;color:#888;font-size:13px;border-top:1px solid #eee}.ft .nav a{margin:0 12px;color:#333}.ft p{margin:7px 0}abbr{text-decoration:underline dotted}'
    goods = [('九成新 iPhone 14 128G 国行', '3299', '个人卖家 小林'), ('索尼 A7M3 单机身 快门1.2万', '6800', '望京数码回收店'),
             ('宜家 书架 白色 自提', '80', '个人卖家 阿晴'), ('Switch OLED 日版 带两游戏', '1650', '个人卖家 大伟'), ('实木 餐桌 1.4m', '450', '二手家具城'),
             ('考研 数学 教材 全套', '60', '个人卖家 同学A'), ('戴森 V10 吸尘器', '1200', '望京数码回收店'), ('儿童 自行车 16寸', '150', '个人卖家 王姐'),
             ('Kindle Paperwhite 5', '520', '自营'), ('空气净化器 小米 4', '399', '自营')]
    body = mkt_body(o, ['手机数码', '家具家居', '图书', '母婴玩具', '服饰', '运动户外', '家电', '乐器'], goods,
                    ['望京数码回收店', '二手家具城', '旧书铺子', '玩具回收站', '官方验机'], 11) + footer
    s.add('index.html', page('旧物集 - 二手交易平台', body, css=css))
    add_common_assets(s)
    banner(s, (250, 190, 40), (200, 120, 0), 24)
    mkt_pages(s, accent, style='summary', cancel='freeze', withdraw='settings_privacy', help_cancel='freeze', agreement_title='用户服务协议', rules_title='交易规则',
              privacy_kw={})
    s.set('account-deletion-disclosed', 'fail', 'the policy and the help centre say 本平台不提供账号注销服务 and offer only freezing (冻结, reversible); '
          'a frozen account is not a cancelled one. E-Commerce Law Art. 24 requires the method of 用户注销 to be stated — here it is refused')
    s.set('privacy-policy-content', 'fail', 'the policy refuses cancellation (不提供账号注销服务): 网络数据安全管理条例 Art. 21(4) requires the rules to state '
          'the method of 注销账号; a refusal is a definite breach, not a missing item (field-set and hold-out decision)')
    s.why['icp-number-displayed'] = 'the <abbr> only wraps the letters ICP; the visible text reads 京ICP备2022012345号-1 (ICP Measures Art. 12)'
    return s


# ---------------------------------------------------------------------------------------------------
def jiefang() -> Site:
    o = Org(brand='街坊优选', entity='西安街坊优选电子商务有限公司', code=make_uscc('91', '610113', 'MA6X0RC5'),
            addr='陕西省西安市雁塔区科技路48号创业广场B座1105室', phone='029-8832 665', email='kefu@jiefangyx.com',
            pemail='privacy@jiefangyx.com', domain='www.jiefangyx.com', icp='陕ICP备2023008834号-1', b2='陕B2-20240012',
            psb=make_psb('陕', '61011302001279'), legal_rep='杜文斌', capital='300万元人民币', founded='2022年08月19日',
            scope='互联网销售；第二类增值电信业务；食用农产品零售', authority='西安市雁塔区市场监督管理局', city='西安', kind='market',
            extra={'skip_phone_check': True})
    s = Site('mkt-jiefang-icp-only-in-top-marquee-phone-short', '街坊优选（ICP备案号和B2许可证只在页面顶部的<marquee>滚动公告里；客服电话少一位）', ['site', 'platform'],
             '''A community group-buying marketplace (小区团长 and local shops). The filing number (linked) and the B2
licence appear only in the scrolling <marquee> notice under the header; the footer has the police number, name,
code, phones, address and all the document links, but no ICP number.
Its only phone, on every page, is "029-8832 665": seven local digits, where Xi'an (029) numbers have eight.
Breaches: the ICP number is displayed and linked, but not in the footer centre (Filing Measures Art. 13); no
valid customer-service phone is published (Consumer Law Art. 28).''', org=o)
    accent = '#fa541c'
    ticker = (f'<div class="ticker"><div class="w"><b>公告</b><marquee scrollamount="4" onmouseover="this.stop()" onmouseout="this.start()">'
              '街坊优选今日特价：西安本地蔬菜次日达，团长自提点已覆盖全市1200个小区。　'
              f'本站ICP备案号：<a href="{MIIT}" target="_blank">{o.icp}</a>　增值电信业务经营许可证：{o.b2}　'
              '请认准官方团长，谨防诈骗。</marquee></div></div>')
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于街坊优选</a><a href="agreement.html">平台服务协议</a><a href="rules.html">平台交易规则</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="join.html">团长招募</a><a href="licence.html">营业执照</a></p>
<p>{o.entity}　统一社会信用代码：{o.code}</p>
<p>客服电话：{o.phone}　投诉邮箱：{o.email}　地址：{o.addr}</p>
<p>{psb_link(o.psb)}</p>
</div></footer>'''
    css = mkt_css(accent=accent, c1='#fff0e8', c2='#ffc4a8', bg='#fff8f5') + '''
.ticker{background:#fff7e6;border-bottom:1px solid #ffe0b3}.ticker .w{display:flex;align-items:center;height:36px}.ticker b{color:#fa541c;margin-right:10px}.ticker marquee{flex:1}
.ft{background:#fff;margin-top:30px;padding:24px 0 30px;text-align:center;color:#888;font-size:13px;border-top:2px solid #fa541c}.ft .nav a{margin:0 12px;color:#333}.ft p{margin:7px 0}'''
    goods = [('本地 黄心土豆 5斤', '9.9', '雁塔区 王阿姨团'), ('周至 猕猴桃 徐香 3斤', '19.9', '周至果业合作社'), ('临潼 石榴 5个', '25', '临潼果园'),
             ('现烙 肉夹馍 2个', '18', '科技路老樊家'), ('鲜牛奶 950ml', '12.8', '自营'), ('洛川 苹果 8个', '29.9', '洛川苹果合作社'),
             ('本地 土鸡蛋 20枚', '22', '长安区农家'), ('biangbiang面 手工 1kg', '16', '面食坊'), ('秦镇 米皮 4份', '20', '秦镇米皮店'), ('矿泉水 24瓶', '29', '自营')]
    hdr = mkt_body(o, ['蔬菜', '水果', '肉禽蛋', '乳品', '粮油', '面点熟食', '日用百货', '团长专区'], goods,
                   ['雁塔区 王阿姨团', '周至果业合作社', '洛川苹果合作社', '秦镇米皮店', '科技路老樊家'], 13)
    i = hdr.index('<nav class="cats">')
    body = hdr[:i] + ticker + hdr[i:] + footer
    s.add('index.html', page('街坊优选 - 西安社区团购平台', body, css=css))
    add_common_assets(s)
    banner(s, (250, 110, 60), (170, 50, 10), 25)
    mkt_pages(s, accent, style='plain', cancel='app_path', withdraw='settings_system', help_cancel='app')
    s.set('icp-number-placement', 'fail', 'the filing number appears only in a scrolling marquee under the header; Filing Measures Art. 13 puts it at '
          '主页底部的中央位置 — the footer has none')
    s.why['icp-number-displayed'] = 'the marquee shows the number as visible, scrolling text on the homepage (ICP Measures Art. 12 — displayed, though misplaced)'
    s.why['icp-licence-displayed'] = 'the B2 licence is shown in the same marquee on the homepage'
    s.set('contact-phone-disclosed', 'fail', '"029-8832 665" has 7 local digits; area codes 010 and 020–029 take 8 (rulebook §2.11: "021-1234567: '
          'Shanghai needs 8 local digits" is invalid), so the number cannot be dialled and no working phone is published (Consumer Law Art. 28)')
    s.why['complaint-channel-disclosed'] = 'the footer\'s labelled 投诉邮箱 is a published complaint method (E-Commerce Law Art. 59); the broken phone does not remove it'
    return s


# ---------------------------------------------------------------------------------------------------
SHIELD = ('<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3z"/></svg>')


def paotui() -> Site:
    o = Org(brand='跑腿侠', entity='重庆跑腿侠网络科技有限公司', code=make_uscc('91', '500103', 'MA61KW2T'),
            addr='重庆市渝中区民族路188号环球金融中心31楼3105室', phone='023-6388 1520', email='kefu@paotuixia.com',
            pemail='privacy@paotuixia.com', domain='m.paotuixia.com', icp='渝ICP备2022009916号-1', b2='渝B2-20230045',
            psb=make_psb('渝', '50010302003318'), legal_rep='冉小龙', capital='500万元人民币', founded='2021年06月07日',
            scope='第二类增值电信业务；跑腿服务；互联网销售', authority='重庆市渝中区市场监督管理局', city='重庆', kind='market')
    s = Site('mkt-paotui-mobile-tabbar-icon-privacy-link', '跑腿侠（移动优先页面，底部固定标签栏；隐私政策链接是带aria-label的盾牌图标）', ['site', 'platform'],
             '''A mobile-first local-errands marketplace (independent riders and shops take orders). The page is a 480 px column
centred in the window with a bottom tab bar fixed over it (首页 / 分类 / 订单 / 我的); the footer sits above the
tab bar (padding), centred. In the footer's link row the privacy policy is a shield icon with aria-label and
title "隐私政策" (no visible words), between 用户协议 and 平台规则.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#00b578'
    css = '''*{box-sizing:border-box}body{margin:0;background:#e9ecef;font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#333}
a{color:inherit;text-decoration:none}.app{max-width:480px;margin:0 auto;background:#f5f6f7;min-height:100vh;padding-bottom:64px}
.top{background:#00b578;color:#fff;padding:14px 16px}.top h1{margin:0;font-size:20px}.top p{margin:4px 0 0;opacity:.9}
.svc{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;background:#fff;margin:10px;padding:14px;border-radius:10px;text-align:center}.svc i{display:block;width:38px;height:38px;margin:0 auto 4px;border-radius:50%;background:#e6f7ef}
.card{background:#fff;margin:10px;padding:12px 14px;border-radius:10px}.card h3{margin:0 0 6px;font-size:16px}.card p{margin:2px 0;color:#666}.card .pr{color:#ff5b05;font-weight:700}
.ft{text-align:center;color:#999;font-size:12px;padding:16px 10px 20px}.ft .nav a{margin:0 7px;color:#555}.ft .ico{display:inline-block;vertical-align:-4px;color:#00b578}.ft p{margin:5px 0}
.tabbar{position:fixed;bottom:0;left:50%;transform:translateX(-50%);width:100%;max-width:480px;height:56px;background:#fff;border-top:1px solid #e5e5e5;display:flex}
.tabbar a{flex:1;text-align:center;padding-top:8px;font-size:12px;color:#666}.tabbar a.on{color:#00b578}'''
    svcs = ['帮我买', '帮我送', '帮我取', '帮我排队', '代办', '同城急送', '鲜花蛋糕', '药品代购']
    cards = [('解放碑 → 观音桥 文件急送', '约35分钟送达', '16.00'), ('帮买 小面两碗（花市豌杂面）', '商家：花市豌杂面 渝中店', '28.00'),
             ('医院代排队挂号（重医附一院）', '骑手：已认证 · 持健康证', '60.00'), ('同城蛋糕配送 6寸', '商家：山城蛋糕坊', '168.00'),
             ('帮取快递 菜鸟驿站', '30分钟内', '5.00'), ('鲜花 同城速递', '商家：花间花艺', '129.00'), ('火锅底料代购 3袋', '商家：桥头火锅底料店', '45.00'),
             ('宠物接送 洗护', '骑手：宠物服务认证', '50.00'), ('搬家小件 面包车', '按公里计费', '120.00'), ('代买药品（非处方）', '药店：渝中大药房', '35.00')]
    footer = f'''<footer class="ft">
<p class="nav"><a href="about.html">关于</a><a href="agreement.html">用户协议</a><a href="privacy.html" class="ico" aria-label="隐私政策" title="隐私政策">{SHIELD}</a><a href="rules.html">平台规则</a><a href="help.html">帮助</a><a href="contact.html">联系我们</a><a href="licence.html">证照</a></p>
<p>{o.entity}</p><p>统一社会信用代码 {o.code}</p>
<p>客服 {o.phone}　投诉 {o.email}</p><p>{o.addr}</p>
<p>{icp_link(o.icp)}</p><p>增值电信业务经营许可证 {o.b2}</p><p>{psb_link(o.psb)}</p>
</footer>'''
    body = ('<div class="app"><header class="top"><h1>跑腿侠 · 重庆</h1><p>同城跑腿，30分钟必达</p></header>'
            '<section class="svc">' + ''.join(f'<a href="#"><i></i>{E(x)}</a>' for x in svcs) + '</section>'
            + ''.join(f'<div class="card"><h3>{E(a)}</h3><p>{E(b)}</p><p class="pr">￥{c}</p></div>' for a, b, c in cards)
            + footer + '</div>'
            '<nav class="tabbar"><a class="on" href="index.html">首页</a><a href="#">分类</a><a href="login.html">订单</a><a href="login.html">我的</a></nav>')
    s.add('index.html', page('跑腿侠 - 重庆同城跑腿平台', body, css=css))
    add_common_assets(s)
    mkt_pages(s, accent, style='numbered', cancel='app_path', withdraw='settings_system', help_cancel='app', agreement_title='用户服务协议', rules_title='平台规则')
    s.why['privacy-policy-linked'] = ('the footer links the policy through a shield icon whose accessible name and tooltip are 隐私政策; '
                                      'the link is on the homepage and opens the full policy (PIPL Art. 7; contract: a homepage link that opens)')
    s.why['icp-number-placement'] = 'the footer is the bottom of a centred 480 px column and sits above the fixed tab bar; the number is centred in it'
    return s


SITES = [hezi, nongfu, gongchang, jiuwu, jiefang, paotui]
