"""Content services: video, game, literature, live streaming, forum, AI, comics, music (8)."""
from __future__ import annotations

import html
import random

import fill
from common import MIIT, Site, add_common_assets, doc_page, icp_link, mps, page, privacy_page, psb_link
from ids import make_psb, make_uscc
from org import Org

import docs

E = html.escape


def report_page(s: Site, accent: str, *, phone: str, email: str, extra: str = '') -> None:
    body = ('<h1>违法和不良信息举报</h1>'
            '<p>我们依照《网络信息内容生态治理规定》设立举报渠道，受理对本平台违法和不良信息的举报，并在受理后7个工作日内反馈处理结果。</p>'
            f'<table><tr><th>举报电话</th><td>{E(phone)}（工作日9:00-18:00）</td></tr><tr><th>举报邮箱</th><td>{E(email)}</td></tr>'
            '<tr><th>在线举报</th><td>填写下方表单</td></tr></table>'
            '<form><p>举报类型：<select><option>违法信息</option><option>色情低俗</option><option>网络暴力</option><option>侵犯未成年人权益</option><option>侵权</option><option>其他</option></select></p>'
            '<p>被举报内容链接：<input style="width:60%"></p><p>举报说明：<textarea rows="4" style="width:80%"></textarea></p><p>联系方式（选填）：<input></p>'
            '<p><button type="button">提交举报</button></p></form>'
            '<p>您也可以向<a href="https://www.12377.cn/" target="_blank">中央网信办违法和不良信息举报中心</a>（电话12377）举报。</p>' + extra)
    s.add('report.html', doc_page(s, '举报中心', body, accent=accent))


def content_pages(s: Site, accent: str, *, funcs: str, style: str, share: list[str], retention='content_log', rights='path',
                  cancel='app_path', withdraw='settings_system', child='general', agreement_title='用户服务协议',
                  about=None, contact_rows=None, report=True, help_items=None, licence=False, privacy_kw=None) -> None:
    o = s.org
    kw = dict(funcs=funcs, share=share, retention=retention, rights=rights, cancel=cancel, withdraw=withdraw, child=child)
    kw.update(privacy_kw or {})
    privacy_page(s, style, accent=accent, **kw)
    fill.agreement_page(s, kind='content', title=agreement_title, accent=accent)
    fill.about_page(s, about or [f'{o.brand}由{o.entity}运营。'], accent=accent)
    fill.contact_page(s, contact_rows or [('运营单位', o.entity), ('客服电话', o.phone), ('客服邮箱', o.email), ('地址', o.addr)], accent=accent)
    if report:
        report_page(s, accent, phone=o.extra.get('report_phone', o.phone), email=o.extra.get('report_email', o.email))
    if help_items is not None:
        fill.help_page(s, help_items, accent=accent)
    if licence:
        fill.licence_page(s, telecom=bool(o.b2), www=bool(o.www), accent=accent)
    s.add('login.html', doc_page(s, '登录', '<h1>登录</h1><form><p>手机号：<input></p><p>验证码：<input></p>'
                                          f'<p><label><input type="checkbox"> 同意<a href="agreement.html">《{E(agreement_title)}》</a>和<a href="privacy.html">《隐私政策》</a></label></p>'
                                          '<p><button type="button">登录</button></p></form>', accent=accent))


def tiles(titles: list[str], seed: int, meta: str = 'views', cls: str = 'tiles') -> str:
    r = random.Random(seed)
    out = []
    for t in titles:
        m = f'{r.randint(10, 990)}万次播放' if meta == 'views' else (f'{r.randint(1, 30)}.{r.randint(0, 9)}万人在看' if meta == 'live' else f'{r.randint(100, 9000)}万字')
        out.append(f'<li><a href="#"><div class="cv"></div><p class="t">{E(t)}</p><p class="m">{m}</p></a></li>')
    return f'<ul class="{cls}">' + ''.join(out) + '</ul>'


TILE_CSS = '''.tiles{display:grid;grid-template-columns:repeat(5,1fr);gap:18px;list-style:none;padding:0}.tiles .cv{height:150px;border-radius:6px;background:linear-gradient(135deg,%s,%s)}
.tiles .t{margin:8px 0 2px;height:42px;overflow:hidden}.tiles .m{margin:0;color:#999;font-size:12px}'''


# ---------------------------------------------------------------------------------------------------
def xingguang() -> Site:
    o = Org(brand='星光视频', entity='北京星光视界文化传媒有限公司', code=make_uscc('91', '110108', 'MA01XG5R'),
            addr='北京市海淀区中关村大街27号中关村大厦1106室', phone='010-6278 3300', email='service@xgvideo.cn', pemail='privacy@xgvideo.cn',
            domain='www.xgvideo.cn', icp='京ICP备2021018830号-1', b2='京B2-20220345', psb=make_psb('京', '11010802037721'),
            www='京网文〔2024〕1056-038号', city='北京', kind='video',
            extra={'report_phone': '010-6278 3355', 'report_email': 'jubao@xgvideo.cn'})
    s = Site('video-xingguang-licence-wall-toc-policy', '星光视频（长视频平台：备案号、B2、网文、视听许可证齐全；隐私政策带目录锚点）', ['site', 'content'],
             '''A long-video platform with the full licence wall in its footer: filing number (linked), B2 licence,
网络文化经营许可证 京网文〔2024〕1056-038号, 信息网络传播视听节目许可证, police number, and a 违法和不良信息举报
line with its own phone and mailbox plus a 举报中心 page and the 12377 link. The privacy policy has a table of
contents with anchors and states retention as "存储于中国境内的服务器，保存至您注销账号之日后满三年".
Expected: compliant in every applicable rule.''', org=o)
    accent = '#ff3d6e'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于星光</a><a href="agreement.html">用户服务协议</a><a href="privacy.html">隐私政策</a><a href="help.html">未成年人保护</a><a href="report.html">举报中心</a><a href="contact.html">联系我们</a></p>
<p>违法和不良信息举报电话：{o.extra['report_phone']}　举报邮箱：{o.extra['report_email']}　<a href="https://www.12377.cn/" target="_blank">网上有害信息举报专区</a></p>
<p>{icp_link(o.icp)}　增值电信业务经营许可证：{o.b2}　网络文化经营许可证：{o.www}</p>
<p>信息网络传播视听节目许可证：0110532　广播电视节目制作经营许可证：（京）字第10823号　{psb_link(o.psb)}</p>
<p>Copyright © 2021-2026 {o.entity} 版权所有</p>
</div></footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#121212;color:#ddd;font:14px/1.6 "PingFang SC","Microsoft YaHei",sans-serif}a{color:inherit;text-decoration:none}'
           '.w{width:1240px;margin:0 auto}.hd{background:#000}.hd .w{display:flex;align-items:center;height:64px}.logo{font:700 24px "Microsoft YaHei";color:#ff3d6e;margin-right:40px}'
           '.hd nav a{margin-right:24px}.hd .r{margin-left:auto}.hero{height:420px;background:linear-gradient(120deg,#3a0d1c,#111 60%);display:flex;align-items:flex-end}.hero h1{font-size:38px;margin:0 0 40px}'
           '.sec h2{font-size:20px;margin:30px 0 10px}' + TILE_CSS % ('#2b2b3a', '#5a2a40') +
           '.ft{background:#0a0a0a;color:#777;text-align:center;font-size:12px;padding:26px 0 30px;margin-top:40px}.ft .nav a{margin:0 12px;color:#bbb;font-size:13px}.ft p{margin:6px 0}')
    secs = [('热播电视剧', ['长河落日 第1季', '山海之间', '北平往事', '我的邻居是侦探', '青春进行时', '雪落长安', '深蓝档案', '小城大事', '逐光者', '风起陇西 纪实篇']),
            ('综艺', ['一起去露营 第3季', '声临其境·新声', '乐队的秋天', '厨神来了', '奇妙博物馆']),
            ('纪录片', ['中国古建筑之美', '长江之源', '舌尖上的小吃', '大国工匠', '候鸟迁徙'])]
    main = ''.join(f'<div class="w sec"><h2>{E(t)}</h2>{tiles(ts, i)}</div>' for i, (t, ts) in enumerate(secs))
    body = ('<header class="hd"><div class="w"><span class="logo">星光视频</span><nav><a href="index.html">首页</a><a href="#">电视剧</a><a href="#">电影</a><a href="#">综艺</a><a href="#">纪录片</a><a href="#">少儿</a></nav>'
            '<span class="r"><a href="login.html">登录</a></span></div></header><div class="hero"><div class="w"><h1>长河落日 · 独家首播</h1></div></div>' + main + footer)
    s.add('index.html', page('星光视频 - 高清正版影视在线观看', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='video', style='toc', share=['cloud', 'sms'], retention='cn_server_until', withdraw='settings_system',
                  help_items=[('未成年人模式', '在「我的—设置—未成年人模式」开启后，每日使用时长不超过40分钟，22:00至次日6:00不可使用。'),
                              ('如何注销账号？', '在「我的—设置—账号与安全—注销账号」提交申请，十五个工作日内完成。')],
                  about=[f'{o.brand}是{o.entity}旗下的正版长视频平台。', '平台持有信息网络传播视听节目许可证和网络文化经营许可证。'])
    s.why['culture-licence-displayed'] = '京网文〔2024〕1056-038号 on the homepage, well-formed and issued within three years (互联网文化管理暂行规定 Art. 12)'
    s.why['illegal-content-report-entry'] = 'a 举报中心 link and a footer line with its own 举报电话 and 举报邮箱, plus 12377 (网络信息内容生态治理规定 Art. 16)'
    return s


# ---------------------------------------------------------------------------------------------------
def chiyan() -> Site:
    o = Org(brand='赤焰传说', entity='上海赤焰网络科技有限公司', code=make_uscc('91', '310104', 'MA1FC3Y9'),
            addr='上海市徐汇区漕溪北路88号圣爱大厦22楼2203室', phone='021-6428 7710', email='kefu@chiyangame.com', pemail='privacy@chiyangame.com',
            domain='cy.chiyangame.com', icp='沪ICP备2020031177号-1', b2='沪B2-20210388', psb=make_psb('沪', '31010402009987'),
            www='沪网文〔2025〕0456-032号', city='上海', kind='game')
    s = Site('game-chiyan-no-report-entry', '赤焰传说（游戏官网：版号、网文、B2齐全，但全站没有任何举报入口）', ['site', 'content'],
             '''The official site of an MMO with a player community (玩家论坛 with user posts) and the usual footer:
game approval number, ISBN, publisher, operator, 健康游戏忠告, filing number, B2, 网络文化经营许可证 (2025), police
number, 用户协议 / 隐私政策 / 家长监护 / 客服中心. The 客服中心 page handles accounts and payments only. There is no
举报 entrance, no reporting phone or mailbox, not even a 12377 link, anywhere.
Breach: no complaint/report entrance (网络信息内容生态治理规定 Art. 16).''', org=o)
    accent = '#e0301e'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="agreement.html">用户协议</a><a href="privacy.html">隐私政策</a><a href="guardian.html">家长监护工程</a><a href="service.html">客服中心</a><a href="about.html">关于我们</a></p>
<p class="adv">抵制不良游戏，拒绝盗版游戏。注意自我保护，谨防受骗上当。适度游戏益脑，沉迷游戏伤身。合理安排时间，享受健康生活。</p>
<p>审批文号：国新出审〔2025〕1128号　出版物号：ISBN 978-7-498-13207-5　出版单位：上海东方数字出版有限公司　运营单位：{o.entity}</p>
<p>{icp_link(o.icp)}　增值电信业务经营许可证：{o.b2}　网络文化经营许可证：{o.www}　{psb_link(o.psb)}</p>
<p>本游戏适合16岁以上的玩家进入　© 2026 {o.entity}</p>
</div></footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#1a0c08;color:#e8d9c8;font:14px/1.6 "Microsoft YaHei",sans-serif}a{color:inherit;text-decoration:none}'
           '.w{width:1200px;margin:0 auto}.hd{position:absolute;top:0;left:0;right:0}.hd .w{display:flex;height:70px;align-items:center}.hd .logo{font:700 26px "STKaiti",serif;color:#ffcc66;margin-right:50px}.hd a{margin-right:26px}'
           '.kv{height:620px;background:radial-gradient(circle at 70% 40%,#a3261a,#2a0d06 70%);display:flex;align-items:center}.kv h1{font:700 64px "STKaiti",serif;color:#ffd27a;margin:0}.kv .dl a{display:inline-block;margin:20px 14px 0 0;background:#e0301e;padding:12px 34px;border-radius:4px;font-size:18px}'
           '.news{display:flex;gap:30px;margin:40px auto}.news .alist{flex:1;list-style:none;padding:0}.news li{display:flex;justify-content:space-between;border-bottom:1px dashed #4a2a1f;padding:9px 0}.news li span{color:#a08070}'
           '.feat{display:grid;grid-template-columns:repeat(4,1fr);gap:20px;margin:30px auto}.feat div{height:220px;background:linear-gradient(160deg,#3d1a10,#1a0c08);padding:18px;border:1px solid #5a2a1a}'
           '.ft{background:#0d0604;color:#8a7566;text-align:center;font-size:12px;padding:26px 0 30px;margin-top:40px}.ft .nav a{margin:0 12px;color:#e8d9c8;font-size:13px}.ft p{margin:6px 0}.ft .adv{color:#b59a85}')
    news = ['【公告】11月28日停服维护公告', '【活动】冬至限时活动“焰火庆典”开启', '【新闻】新职业“焚天”技能前瞻', '【公告】关于打击外挂的处罚公示（第十二期）',
            '【活动】玩家论坛征文大赛获奖名单', '【新闻】跨服战场第五赛季规则调整', '【公告】防沉迷系统升级说明', '【攻略】新手七日成长路线']
    body = (f'<header class="hd"><div class="w"><span class="logo">赤焰传说</span><a href="index.html">首页</a><a href="#">新闻中心</a><a href="#">游戏资料</a><a href="bbs.html">玩家论坛</a><a href="service.html">客服中心</a></div></header>'
            '<div class="kv"><div class="w"><h1>焰起·天下</h1><p>国风魔幻MMO · 全平台公测中</p><p class="dl"><a href="#">下载游戏</a><a href="#">充值中心</a></p></div></div>'
            f'<div class="w news">{fill.article_list(news, seed=5)}{fill.article_list(news[::-1], seed=6)}</div>'
            '<div class="w feat">' + ''.join(f'<div><h3>{E(t)}</h3><p>{E(d)}</p></div>' for t, d in [('六大职业', '剑客、术士、焚天、灵医、弓手、机关师'), ('跨服战场', '百人同屏实时对战'), ('家园系统', '自由建造，邀请好友'), ('剧情副本', '三十章主线剧情')]) + '</div>'
            + footer)
    s.add('index.html', page('赤焰传说官方网站', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='game', style='plain', share=['realname', 'pay', 'cloud'], child='special', report=False,
                  about=[f'{o.entity}成立于2019年，是一家专注国风游戏研发与运营的公司。'],
                  contact_rows=[('运营单位', o.entity), ('客服电话', o.phone), ('客服邮箱', o.email), ('地址', o.addr)])
    s.add('service.html', doc_page(s, '客服中心', f'<h1>客服中心</h1><h3>账号找回</h3><p>请准备注册手机号，拨打客服电话{E(o.phone)}。</p>'
                                              '<h3>充值未到账</h3><p>请提供订单号，我们将在24小时内为您补单。</p><h3>防沉迷</h3><p>未成年人每周五、六、日和法定节假日20:00至21:00可以游戏。</p>', accent=accent))
    s.add('guardian.html', doc_page(s, '家长监护工程', '<h1>家长监护工程</h1><p>家长可以申请限制未成年子女的游戏时间和消费额度。申请电话：' + E(o.phone) + '。</p>', accent=accent))
    s.add('bbs.html', doc_page(s, '玩家论坛', '<h1>玩家论坛</h1><ul><li>【攻略】焚天加点推荐</li><li>【晒图】我的家园</li><li>【组队】跨服战场固定队招人</li><li>【吐槽】这次维护太久了</li></ul>', accent=accent))
    s.set('illegal-content-report-entry', 'fail', 'a UGC community (玩家论坛) with no 举报 entrance and no reporting method anywhere, not even 12377; '
          'Art. 16 requires 便捷的投诉举报入口 in a 显著位置 and a published method')
    return s


# ---------------------------------------------------------------------------------------------------
def shuhai() -> Site:
    o = Org(brand='书海文学', entity='南京书海文化传播有限公司', code=make_uscc('91', '320104', 'MA1WKH8Q'),
            addr='江苏省南京市秦淮区中山南路1号南京中心48楼4802室', phone='025-8453 2210', email='kefu@shuhaiwx.com', pemail='privacy@shuhaiwx.com',
            domain='www.shuhaiwx.com', icp='苏ICP备2021011822号-1', b2='苏B2-20220134', psb=make_psb('苏', '32010402001934'),
            www='苏网文〔2024〕2187-101号', legal_rep='孔令文', capital='1000万元人民币', founded='2020年09月14日',
            scope='网络文化经营；第二类增值电信业务；出版物零售；互联网销售', authority='南京市秦淮区市场监督管理局', city='南京', kind='novel',
            extra={'report_phone': '025-8453 2219', 'report_email': 'jubao@shuhaiwx.com'})
    s = Site('novel-shuhai-vip-rights-by-unusual-phrasing', '书海文学（网络文学，卖VIP会员；隐私政策用“您可以通过…行使”等多种说法说明权利）', ['site', 'content', 'operator'],
             '''A web-literature site that sells VIP memberships and paid chapters (content + operator). Footer: name, credit
code, 营业执照 link, phones, complaint and report lines, filing number, B2, 网文 licence, 网络出版服务许可证, police
number. Its privacy policy explains each right in its own construction: "对于查阅、复制权，您可以通过「…」行使",
"个人信息的更正、补充，您可以通过…自助行使", "删除权，您可以通过客服邮箱…向我们提出", "注销账号，您可以通过「设置—账号与
安全—注销账号」行使", withdrawal "通过「设置—隐私—系统权限」关闭…权限". A separate children's section exists.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#b8860b'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于书海</a><a href="agreement.html">用户服务协议</a><a href="vip.html">VIP会员服务协议</a><a href="privacy.html">隐私政策</a><a href="help.html">帮助中心</a><a href="report.html">举报中心</a><a href="contact.html">联系我们</a><a href="licence.html">营业执照</a></p>
<p>客服电话：{o.phone}　客服邮箱：{o.email}　违法和不良信息举报电话：{o.extra['report_phone']}　举报邮箱：{o.extra['report_email']}</p>
<p>{o.entity}　统一社会信用代码：{o.code}　地址：{o.addr}</p>
<p>{icp_link(o.icp)}　增值电信业务经营许可证：{o.b2}　网络文化经营许可证：{o.www}　网络出版服务许可证：（署）网出证（苏）字第046号　{psb_link(o.psb)}</p>
<p>本站所有作品均为作者原创或已获授权，未成年人请在监护人指导下阅读</p>
</div></footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#f7f3ea;color:#3b3226;font:14px/1.7 "Songti SC","SimSun",serif}a{color:inherit;text-decoration:none}'
           '.w{width:1200px;margin:0 auto}.hd{background:#fff;border-bottom:1px solid #e8dfcc}.hd .w{display:flex;height:70px;align-items:center}.logo{font:700 28px "STKaiti",serif;color:#b8860b;margin-right:50px}.hd a{margin-right:24px;font-family:"Microsoft YaHei"}'
           '.cols{display:flex;gap:24px;margin:24px auto}.rank{width:300px;background:#fff;padding:14px 18px}.rank ol{padding-left:22px}.rank li{padding:5px 0}.main{flex:1}'
           '.vip{background:linear-gradient(90deg,#3b2a10,#7a5a22);color:#ffe9b0;padding:22px 28px;margin-bottom:20px}.vip a{background:#ffd36a;color:#3b2a10;padding:6px 18px;margin-left:20px}'
           + TILE_CSS % ('#e9dcc0', '#c9a86a') +
           '.ft{background:#3b3226;color:#b5a78f;text-align:center;font-size:12px;padding:26px 0 30px;margin-top:40px;font-family:"Microsoft YaHei"}.ft .nav a{margin:0 10px;color:#f0e6d2;font-size:13px}.ft p{margin:6px 0}')
    ranks = ['剑出昆仑', '长安夜雨', '星河尽头的灯塔', '我在大宋开书院', '重生之金融时代', '山海诡事录', '末日方舟', '她的光', '天工开物志', '无尽航路']
    books = ['剑出昆仑', '长安夜雨', '星河尽头的灯塔', '我在大宋开书院', '重生之金融时代', '山海诡事录', '末日方舟', '她的光', '天工开物志', '无尽航路', '江湖夜话', '北境之王', '青梅煮酒', '深空信号', '匠心']
    body = ('<header class="hd"><div class="w"><span class="logo">书海文学</span><a href="index.html">首页</a><a href="#">分类</a><a href="#">排行</a><a href="#">完本</a><a href="vip.html">VIP会员</a><a href="#">作者专区</a><a href="login.html" style="margin-left:auto">登录</a></div></header>'
            '<div class="w cols"><aside class="rank"><h3>月票榜</h3><ol>' + ''.join(f'<li>{E(b)}</li>' for b in ranks) + '</ol></aside>'
            f'<div class="main"><div class="vip">VIP会员 · 18元/月 · 全站付费章节畅读<a href="vip.html">立即开通</a></div>{tiles(books, 3, meta="words")}</div></div>' + footer)
    s.add('index.html', page('书海文学 - 原创网络文学阅读平台', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='novel', style='plain', share=['pay', 'cloud', 'sms'], rights='tongguo', cancel='tongguo', withdraw='settings_system',
                  child='special', licence=True, retention='account_life',
                  help_items=docs.help_items(o, cancel='app') + [('VIP会员如何退订？', '在「我的—VIP会员—自动续费管理」中关闭自动续费；已购买的会员期内不退款，法律另有规定的除外。')],
                  about=[f'{o.brand}（{o.domain}）由{o.entity}运营，是一家原创网络文学平台。', '平台签约作者逾两万人。'],
                  contact_rows=[('公司名称', o.entity), ('客服电话', o.phone), ('客服邮箱', o.email), ('投诉邮箱', o.email), ('地址', o.addr)])
    s.add('vip.html', doc_page(s, 'VIP会员服务协议', '<h1>VIP会员服务协议</h1><p>VIP会员价格：18元/月，连续包月15元/月。开通自动续费前我们会以显著方式提示，续费前5日短信提醒，您可随时在「我的—VIP会员」中取消。</p>', accent=accent))
    s.why['privacy-policy-content'] = ('each right is explained in a different construction (…可以通过…行使, 经由客服邮箱提出, 设置—隐私—系统权限); each names a way '
                                       'to exercise it (PIPL Art. 17(3), 条例 Art. 21(4))')
    s.why['account-deletion-disclosed'] = 'query/copy via 「我的—设置—个人信息查询」, correction via 「编辑资料」, deletion via the mailbox, cancellation via 「设置—账号与安全—注销账号」'
    return s


# ---------------------------------------------------------------------------------------------------
def yinghuo() -> Site:
    o = Org(brand='萤火直播', entity='杭州萤火互动科技有限公司', code=make_uscc('91', '330108', 'MA2CYH3E'),
            addr='浙江省杭州市滨江区网商路699号2号楼8层', phone='0571-8773 6600', email='service@yinghuo.live', pemail='privacy@yinghuo.live',
            domain='www.yinghuo.live', icp='浙ICP备2022014475号-1', b2='浙B2-20230207', psb=make_psb('浙', '33010802013356'),
            www='浙网文〔2024〕1187号', city='杭州', kind='live', extra={'report_phone': '0571-8773 6610', 'report_email': 'jubao@yinghuo.live'})
    s = Site('live-yinghuo-culture-licence-missing-serial', '萤火直播（网络文化经营许可证写成“浙网文〔2024〕1187号”，缺少-序号）', ['site', 'content'],
             '''A live-streaming platform (网络表演) with a complete footer — filing number, B2, police number, a report line
with phone and mailbox, 12377 — except that its 网络文化经营许可证 is written "浙网文〔2024〕1187号": the holder
serial after the hyphen is missing, so it is not a well-formed licence number.
Breach: no valid 网络文化经营许可证 number is shown.''', org=o)
    accent = '#ff7a00'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于萤火</a><a href="agreement.html">用户服务协议</a><a href="convention.html">主播公约</a><a href="privacy.html">隐私政策</a><a href="report.html">举报中心</a><a href="contact.html">联系我们</a></p>
<p>违法和不良信息举报：{o.extra['report_phone']}　{o.extra['report_email']}　<a href="https://www.12377.cn/" target="_blank">12377</a>　未成年人保护专线：{o.phone}</p>
<p>{icp_link(o.icp)}　增值电信业务经营许可证：{o.b2}　网络文化经营许可证：{o.www}　{psb_link(o.psb)}</p>
<p>© 2022-2026 {o.entity}</p>
</div></footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#f4f4f6;color:#333;font:14px/1.6 "PingFang SC","Microsoft YaHei",sans-serif}a{color:inherit;text-decoration:none}'
           '.w{width:1240px;margin:0 auto}.hd{background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.06)}.hd .w{display:flex;height:60px;align-items:center}.logo{font:700 24px "Microsoft YaHei";color:#ff7a00;margin-right:40px}.hd a{margin-right:22px}'
           '.big{display:flex;gap:18px;margin:20px auto}.player{flex:1;height:460px;background:linear-gradient(135deg,#301a00,#000);border-radius:8px}.side{width:320px;background:#fff;border-radius:8px;padding:14px}'
           + TILE_CSS % ('#ffe2c4', '#ff9f43') +
           '.ft{background:#fff;color:#999;text-align:center;font-size:12px;padding:24px 0 30px;margin-top:40px}.ft .nav a{margin:0 12px;color:#444;font-size:13px}.ft p{margin:6px 0}')
    rooms = ['户外｜徒步川西小环线', '才艺｜古筝弹唱', '游戏｜王者巅峰赛', '美食｜杭帮菜家常做法', '知识｜考研英语每日一练', '音乐｜吉他弹唱夜', '户外｜钓鱼千岛湖',
             '游戏｜我的世界建筑', '才艺｜街舞教学', '生活｜宠物日常']
    body = ('<header class="hd"><div class="w"><span class="logo">萤火直播</span><a href="index.html">首页</a><a href="#">分类</a><a href="#">关注</a><a href="#">开播</a><a href="login.html" style="margin-left:auto">登录</a></div></header>'
            '<div class="w big"><div class="player"></div><div class="side"><h3>热门直播间</h3>' + fill.article_list(rooms[:6], seed=9, meta='reply') + '</div></div>'
            f'<div class="w"><h2>正在直播</h2>{tiles(rooms, 8, meta="live")}</div>' + footer)
    s.add('index.html', page('萤火直播 - 有趣的直播平台', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='live', style='numbered', share=['pay', 'cloud', 'sms'], retention='content_log', child='general')
    s.add('convention.html', doc_page(s, '主播公约', '<h1>主播公约</h1><p>主播应当遵守《网络主播行为规范》，不得传播违法和不良信息，不得诱导未成年人打赏。</p>', accent=accent))
    s.set('culture-licence-displayed', 'fail', '"浙网文〔2024〕1187号" lacks the holder serial (-NNN); the licence number has the form X网文〔YYYY〕NNNN-NNN号 '
          '(contract; rulebook §2.6 lists 京网文〔2020〕1234号 as invalid), so no valid licence number is shown (网络表演经营活动管理办法)')
    return s


# ---------------------------------------------------------------------------------------------------
def ludao() -> Site:
    o = Org(brand='鹭岛社区', entity='厦门鹭岛网络科技有限公司', code=make_uscc('91', '350203', 'MA2XLD6P'),
            addr='福建省厦门市思明区嘉禾路23号新景中心B栋1605室', phone='0592-516 3320', email='admin@ludaobbs.com', pemail='admin@ludaobbs.com',
            domain='bbs.ludaobbs.com', icp='闽ICP备19012366号-1', psb=make_psb('闽', '35020302001188'), city='厦门', kind='forum',
            extra={'report_phone': '0592-516 3320', 'report_email': 'jubao@ludaobbs.com'})
    s = Site('forum-ludao-discuz-footer-icp-floated-right', '鹭岛社区（Discuz!论坛默认页脚：备案号在右浮动块里）', ['site', 'content'], '''A local forum (厦门) on Discuz! X3.5 with the stock footer: a 960 px footer whose right-floated block
(#flk class="y") holds the links, "( 闽ICP备19012366号-1 )" linked to MIIT and the police number, while the left
block says "Powered by Discuz!". The filing number therefore sits at the right edge, not in the centre.
Report entrance (举报 on every post, 举报中心 page with phone and mailbox) is complete. The privacy policy states
handler, contact, purposes, categories, retention, the rights and cancellation, but says nothing about
withdrawing consent.
Breaches: the ICP number is not horizontally centred in the footer (Filing Measures Art. 13); the policy lacks
the consent-withdrawal method (网络数据安全管理条例 Art. 21(4)).''', org=o, culture=False)
    accent = '#336699'
    boards = [('厦门生活', ['本地资讯', '美食探店', '租房买房', '亲子教育']), ('兴趣交流', ['摄影', '骑行', '钓鱼', '数码']), ('社区服务', ['站务公告', '新手报到', '意见建议', '举报中心'])]
    rows = ''
    r = random.Random(4)
    for g, bs in boards:
        rows += f'<div class="bm"><div class="bm_h"><h2>{E(g)}</h2></div><table class="fl_tb">' + ''.join(
            f'<tr><td class="fl_icn"></td><td><h2><a href="#">{E(b)}</a></h2><p>{E(b)}相关讨论</p></td><td class="fl_i">{r.randint(200, 9000)} / {r.randint(3000, 90000)}</td>'
            f'<td class="fl_by">最后发表 2026-11-2{r.randint(0, 4)}</td></tr>' for b in bs) + '</table></div>'
    hot = ['厦门地铁6号线最新进展（附图）', '曾厝垵还值得去吗？本地人说两句', '中山路老字号沙茶面排行', '环岛路骑行路线分享', '岛内二手房价格走势讨论',
           '鼓浪屿船票攻略2026版', '思明区哪里的幼儿园口碑好', '周末植物园拍花']
    footer = f'''<div id="ft" class="wp cl">
<div id="flk" class="y">
<p><a href="archiver.html">Archiver</a><span class="pipe">|</span><a href="#">手机版</a><span class="pipe">|</span><a href="#">小黑屋</a><span class="pipe">|</span><a href="report.html">举报中心</a><span class="pipe">|</span><a href="privacy.html">隐私政策</a><span class="pipe">|</span><a href="agreement.html">用户协议</a><span class="pipe">|</span><a href="contact.html">联系我们</a><span class="pipe">|</span><strong><a href="index.html">鹭岛社区</a></strong>
( <a href="{MIIT}" target="_blank">{o.icp}</a> )<span class="pipe">|</span>{psb_link(o.psb, spaced=True)}</p>
<p class="xs0">GMT+8, 2026-11-25 10:18<span id="debuginfo">, Processed in 0.061 second(s), 19 queries .</span></p>
</div>
<div id="frt"><p>Powered by <strong><a href="https://www.discuz.vip/" target="_blank">Discuz!</a></strong> <em>X3.5</em></p><p class="xs0">&copy; 2001-2026 <a href="https://code.dismall.com/" target="_blank">Discuz! Team</a>.</p></div>
</div>'''
    css = ('body{margin:0;background:#fff;font:12px/1.5 Tahoma,"Microsoft Yahei",SimSun;color:#444}a{color:#333;text-decoration:none}.wp{width:960px;margin:0 auto}'
           '.y{float:right}.cl:after{content:".";display:block;height:0;clear:both;visibility:hidden}#hd{border-bottom:2px solid #336699}#hd .wp{height:80px;display:flex;align-items:center}'
           '.logo{font:700 28px "Microsoft YaHei";color:#336699}#nv{background:#2b7acd}#nv a{color:#fff;display:inline-block;padding:0 16px;line-height:33px;font-size:14px}'
           '.bm{border:1px solid #cdcdcd;margin:10px 0}.bm_h{background:#f2f2f2;padding:0 10px;border-bottom:1px solid #cdcdcd}.bm_h h2{font-size:13px;margin:0;line-height:31px}'
           '.fl_tb{width:100%;border-collapse:collapse}.fl_tb td{padding:10px;border-top:1px dashed #cdcdcd}.fl_tb h2{font-size:14px;margin:0}.fl_tb p{margin:2px 0;color:#999}.fl_icn{width:40px;background:#e5edf2}'
           '.fl_i{width:140px;color:#999}.fl_by{width:200px;color:#999}.hot{border:1px solid #cdcdcd;padding:8px 12px}.hot li{padding:3px 0}.hot .alist span{float:right;color:#999}'
           '#ft{padding:10px 0 50px;border-top:1px solid #cdcdcd;margin-top:20px;color:#666;line-height:1.8}#flk{text-align:right}#flk img{vertical-align:middle}.pipe{margin:0 5px;color:#ccc}.xs0{font-size:0.83em}')
    body = (f'<div id="hd"><div class="wp"><span class="logo">鹭岛社区</span><span style="margin-left:auto"><a href="login.html">登录</a> | <a href="login.html">立即注册</a></span></div></div>'
            '<div id="nv"><div class="wp"><a href="index.html">论坛</a><a href="#">导读</a><a href="#">排行榜</a><a href="#">活动</a><a href="report.html">举报</a></div></div>'
            f'<div class="wp"><div class="hot"><b>今日热帖</b>{fill.article_list(hot, seed=2, meta="reply")}</div>{rows}</div>' + footer)
    s.add('index.html', page('鹭岛社区 - 厦门本地生活论坛 - Powered by Discuz!', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='forum', style='plain', share=['cloud'], retention='content_log', rights='contact', cancel='contact', withdraw='',
                  privacy_kw=dict(cookie=False),
                  agreement_title='用户协议', about=['鹭岛社区创办于2019年，是厦门本地生活交流论坛，由厦门鹭岛网络科技有限公司运营。'],
                  contact_rows=[('运营单位', o.entity), ('站务电话', o.phone), ('站务邮箱', o.email), ('地址', o.addr)])
    s.add('archiver.html', doc_page(s, 'Archiver', '<h1>鹭岛社区 Archiver</h1><ul><li>厦门生活</li><li>兴趣交流</li><li>社区服务</li></ul>', accent=accent))
    s.set('privacy-policy-content', 'needs_review', 'no sentence says how to withdraw consent (撤回同意的方法和途径, 网络数据安全管理条例 Art. 21(4); '
          'PIPL Art. 15); every other item is stated — one item absent → review (field-set decision)')
    s.set('icp-number-placement', 'fail', 'the number is in the right-floated block (Discuz #flk class="y", text-align:right) at the right edge of the footer; '
          'Filing Measures Art. 13 asks for 主页底部的中央位置')
    return s


# ---------------------------------------------------------------------------------------------------
def miaobi() -> Site:
    o = Org(brand='妙笔AI', entity='北京妙笔智能科技有限公司', code=make_uscc('91', '110108', 'MA02MB7K'),
            addr='北京市海淀区海淀大街34号创业大厦7层0712室', phone='010-8262 5510', email='support@miaobi.cn', pemail='privacy@miaobi.cn',
            domain='www.miaobi.cn', icp='京ICP备2023031455号-1', psb=make_psb('京', '11010802042266'), city='北京', kind='ai',
            extra={'report_phone': '010-8262 5519', 'report_email': 'jubao@miaobi.cn'})
    s = Site('ai-miaobi-writing-assistant-model-filing', '妙笔AI（生成式AI写作助手：大模型备案号、网信算备号、举报入口）', ['site', 'content'],
             '''A generative-AI writing assistant (free, web). The footer shows the model filing ("妙笔写作大模型
Beijing-MiaoBiXieZuo-20240612"), the algorithm filing 网信算备 number linked to beian.cac.gov.cn, the ICP filing,
the police number and a 投诉举报 line (phone, mailbox, in-app report button, 12377); a report page gives the
process and time limits. Not a 互联网文化单位, so no culture licence is needed.
Expected: compliant in every applicable rule.''', org=o, culture=False)
    accent = '#5b5bd6'
    footer = f'''<footer class="ft">
<p class="nav"><a href="about.html">关于妙笔</a><a href="agreement.html">用户协议</a><a href="privacy.html">隐私政策</a><a href="rules.html">内容规范</a><a href="report.html">投诉举报</a><a href="contact.html">联系我们</a></p>
<p>生成式人工智能服务备案：妙笔写作大模型 Beijing-MiaoBiXieZuo-20240612　算法备案：<a href="https://beian.cac.gov.cn/" target="_blank">网信算备110108012345601240015号</a></p>
<p>投诉举报：{o.extra['report_phone']}　{o.extra['report_email']}　<a href="https://www.12377.cn/" target="_blank">12377</a>　本服务内容由人工智能生成，请注意甄别</p>
<p>© 2023-2026 {o.entity}　{icp_link(o.icp)}　{psb_link(o.psb)}</p>
</footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#fafafe;color:#222;font:15px/1.7 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}a{color:inherit;text-decoration:none}'
           '.w{width:1080px;margin:0 auto}.hd .w{display:flex;height:64px;align-items:center}.logo{font:700 22px sans-serif;color:#5b5bd6;margin-right:auto}.hd a{margin-left:24px}'
           '.hero{text-align:center;padding:90px 0 50px}.hero h1{font-size:44px;margin:0}.hero p{color:#666;font-size:18px}.box{width:760px;margin:20px auto;background:#fff;border:1px solid #e2e2f0;border-radius:14px;padding:16px}'
           '.box textarea{width:100%;border:0;font-size:16px;height:90px}.box .bar{display:flex;justify-content:space-between;color:#999}.box button{background:#5b5bd6;color:#fff;border:0;border-radius:8px;padding:8px 22px}'
           '.feats{display:grid;grid-template-columns:repeat(3,1fr);gap:22px;margin:60px auto}.feats div{background:#fff;border-radius:12px;padding:22px;border:1px solid #eee;height:190px}'
           '.ft{text-align:center;color:#999;font-size:12px;padding:30px 0 36px;margin-top:60px;border-top:1px solid #eee}.ft .nav a{margin:0 12px;color:#444;font-size:13px}.ft p{margin:6px 0}')
    feats = [('公文写作', '通知、总结、汇报材料，一键生成初稿。'), ('营销文案', '商品标题、种草笔记、短视频脚本。'), ('学术润色', '中英文润色与改写，保留原意。'),
             ('会议纪要', '上传录音转写稿，自动提炼要点。'), ('小说续写', '设定人物与世界观，AI陪你写故事。'), ('翻译', '二十种语言互译。'),
             ('邮件助手', '商务邮件得体表达。'), ('合同审阅', '提示常见风险条款（仅供参考）。'), ('简历优化', '按岗位要求重写经历。')]
    body = ('<header class="hd"><div class="w"><span class="logo">妙笔AI</span><a href="#">产品</a><a href="#">价格</a><a href="#">帮助</a><a href="login.html">登录</a></div></header>'
            '<div class="hero"><h1>写作，交给妙笔</h1><p>基于已备案的妙笔写作大模型</p></div>'
            '<div class="box"><textarea placeholder="输入你想写的内容，例如：帮我写一份年终总结"></textarea><div class="bar"><span>内容由AI生成 · <a href="report.html">举报</a></span><button type="button">生成</button></div></div>'
            '<div class="w feats">' + ''.join(f'<div><h3>{E(a)}</h3><p>{E(b)}</p></div>' for a, b in feats) + '</div>' + footer)
    s.add('index.html', page('妙笔AI - 智能写作助手', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='ai', style='summary', share=['cloud', 'sms'], retention='content_log', withdraw='settings_privacy', cancel='web_path',
                  about=[f'{o.brand}由{o.entity}开发和运营。', '妙笔写作大模型已完成生成式人工智能服务备案。'],
                  privacy_kw=dict())
    s.add('rules.html', doc_page(s, '内容规范', '<h1>内容规范</h1><p>用户不得利用本服务生成法律法规禁止的信息；我们对输入和输出内容进行安全过滤，并对生成内容添加标识。</p>', accent=accent))
    report_extra = '<h2>处理流程与时限</h2><p>受理后1个工作日内初步处置，7个工作日内反馈处理结果；对生成式人工智能服务的投诉，同样适用本流程。</p>'
    report_page(s, accent, phone=o.extra['report_phone'], email=o.extra['report_email'], extra=report_extra)
    return s


# ---------------------------------------------------------------------------------------------------
IF = '<i class="if">{}</i>'


def manyouji() -> Site:
    o = Org(brand='漫游记漫画', entity='广州漫游记动漫科技有限公司', code=make_uscc('91', '440104', 'MA9UMY2D'),
            addr='广东省广州市越秀区环市东路362号好世界广场25楼2506室', phone='020-8330 2210', email='kefu@manyouji.com', pemail='privacy@manyouji.com',
            domain='www.manyouji.com', icp='粤ICP备2021088771号-1', psb=make_psb('粤', '44010402003390'), www='粤网文〔2025〕3312-215号',
            city='广州', kind='comic', extra={'report_phone': '020-8330 2217', 'report_email': 'jubao@manyouji.com'})
    s = Site('comic-manyouji-iconfont-glyphs-glued-to-numbers', '漫游记漫画（iconfont私用区字符紧贴在备案号、电话前面）', ['site', 'content'],
             '''An online comics site whose footer uses an icon font: each item starts with an <i class="if"> holding a
Private Use Area character (U+E6A1, U+E60C …) rendered as an icon — including inside the ICP and police links, so
the link text reads "\\ue6a1粤ICP备2021088771号-1". No icon-font file is shipped (the glyphs fall back to boxes);
the numbers themselves are plain, visible text. 网文 licence, report line and report page are present.
Expected: compliant in every applicable rule.''', org=o)
    accent = '#ff4f81'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">{IF.format('&#xe6f2;')}关于我们</a><a href="agreement.html">{IF.format('&#xe6f3;')}用户协议</a><a href="privacy.html">{IF.format('&#xe6f4;')}隐私政策</a><a href="report.html">{IF.format('&#xe6f5;')}举报中心</a><a href="contact.html">{IF.format('&#xe6f6;')}联系我们</a></p>
<p>{IF.format('&#xe60c;')}客服 {o.phone}　{IF.format('&#xe60d;')}{o.email}　{IF.format('&#xe61a;')}违法和不良信息举报 {o.extra['report_phone']} / {o.extra['report_email']}</p>
<p><a href="{MIIT}" target="_blank">{IF.format('&#xe6a1;')}{o.icp}</a>　{IF.format('&#xe6a2;')}网络文化经营许可证：{o.www}　<a href="{mps(o.psb_digits)}" target="_blank">{IF.format('&#xe6a3;')}{o.psb}</a></p>
<p>{o.entity} © 2021-2026</p>
</div></footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#fff7fa;color:#333;font:14px/1.6 "PingFang SC","Microsoft YaHei",sans-serif}a{color:inherit;text-decoration:none}'
           '.w{width:1200px;margin:0 auto}.hd{background:#fff;border-bottom:2px solid #ff4f81}.hd .w{display:flex;height:64px;align-items:center}.logo{font:700 24px "Microsoft YaHei";color:#ff4f81;margin-right:40px}.hd a{margin-right:22px}'
           '.if{font-family:"mfont";font-style:normal;margin-right:4px;color:#ff4f81}.sec h2{margin:28px 0 10px}'
           + TILE_CSS % ('#ffd6e3', '#ff8fb1') +
           '.ft{background:#2a1a20;color:#b9a3ab;text-align:center;font-size:12px;padding:26px 0 30px;margin-top:40px}.ft .nav a{margin:0 12px;color:#fff;font-size:13px}.ft p{margin:6px 0}')
    secs = [('人气连载', ['星际快递员', '猫咪侦探社', '长安少年行', '重启人生', '魔法学院的日常', '山海异闻录', '赛博茶馆', '冰与火之舞', '便利店的夜晚', '勇者辞职了']),
            ('本周新作', ['月下剑客', '你好，机器人', '古董店奇谭', '校园生存指南', '深海来信'])]
    main = ''.join(f'<div class="w sec"><h2>{E(t)}</h2>{tiles(ts, 20 + i)}</div>' for i, (t, ts) in enumerate(secs))
    body = ('<header class="hd"><div class="w"><span class="logo">漫游记</span><a href="index.html">首页</a><a href="#">分类</a><a href="#">排行</a><a href="#">更新</a><a href="login.html" style="margin-left:auto">登录</a></div></header>'
            + main + footer)
    s.add('index.html', page('漫游记漫画 - 正版国漫在线看', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='comic', style='numbered', share=['pay', 'cloud'], retention='account_life', child='special', cancel='app_path')
    s.why['icp-number-displayed'] = 'the icon glyph (a Private Use Area character) precedes the number inside the link; the number itself is visible text'
    return s


# ---------------------------------------------------------------------------------------------------
def shenglang() -> Site:
    o = Org(brand='声浪音乐', entity='成都声浪数字音乐有限公司', code=make_uscc('91', '510104', 'MA62YC4N'),
            addr='四川省成都市锦江区红星路三段1号国际金融中心2号办公楼3001室', phone='028-8665 4410', email='help@shenglang.fm', pemail='privacy@shenglang.fm',
            domain='www.shenglang.fm', icp='蜀ICP备2022013378号-1', psb=make_psb('川', '51010402001877'), www='川网文〔2024〕2093-115号',
            city='成都', kind='music', extra={'report_phone': '028-8665 4419', 'report_email': 'jubao@shenglang.fm'})
    s = Site('music-shenglang-culture-licence-on-about-privacy-link-to-agreement', '声浪音乐（网文许可证只在“关于我们”页；“隐私政策”链接指向用户协议的一条）', ['site', 'content'],
             '''An online music platform (网络音乐 — a culture product). Its homepage footer has the filing number (蜀ICP备,
the 蜀 variant), the police number (川公网安备), a report line and page. Its 网络文化经营许可证 川网文〔2024〕2093-115号
is written only on the about page. Its "隐私政策" link opens agreement.html#privacy — the user agreement's short
个人信息保护 article, which refers to a 《隐私政策》 that the site never published.
Breaches: no culture licence on the homepage (互联网文化管理暂行规定 Art. 12); no privacy policy (PIPL Art. 7, 17).''', org=o)
    accent = '#12b886'
    footer = f'''<footer class="ft"><div class="w">
<p class="nav"><a href="about.html">关于声浪</a><a href="agreement.html">用户服务协议</a><a href="agreement.html#privacy">隐私政策</a><a href="report.html">侵权与举报</a><a href="contact.html">联系我们</a></p>
<p>违法和不良信息举报电话：{o.extra['report_phone']}　举报邮箱：{o.extra['report_email']}</p>
<p>{icp_link(o.icp)}　{psb_link(o.psb)}　© 2022-2026 {o.entity}</p>
</div></footer>'''
    css = ('*{box-sizing:border-box}body{margin:0;background:#0f1714;color:#d8e6e0;font:14px/1.6 "PingFang SC","Microsoft YaHei",sans-serif}a{color:inherit;text-decoration:none}'
           '.w{width:1200px;margin:0 auto}.hd .w{display:flex;height:66px;align-items:center}.logo{font:700 24px sans-serif;color:#12b886;margin-right:40px}.hd a{margin-right:22px}'
           '.charts{display:flex;gap:20px;margin:24px auto}.chart{flex:1;background:#17231e;border-radius:10px;padding:14px 18px}.chart ol{padding-left:20px}.chart li{padding:4px 0}'
           + TILE_CSS % ('#1e3a2f', '#12b886') +
           '.ft{background:#0a100d;color:#6f8a7f;text-align:center;font-size:12px;padding:26px 0 30px;margin-top:40px}.ft .nav a{margin:0 12px;color:#d8e6e0;font-size:13px}.ft p{margin:6px 0}')
    charts = [('飙升榜', ['晚风吹过锦江', '夏夜的信', '山城', '一个人的旅行', '回声', '云端', '灯火', '少年游']),
              ('新歌榜', ['春日来信', '路过人间', '月光码头', '远方', '慢慢', '风停了', '星河', '归途']),
              ('原创榜', ['玉林路的尽头', '成都的雨', '火锅与你', '宽窄', '九眼桥', '锦里夜', '熊猫', '芙蓉'])]
    body = ('<header class="hd"><div class="w"><span class="logo">声浪</span><a href="index.html">发现音乐</a><a href="#">排行榜</a><a href="#">歌单</a><a href="#">歌手</a><a href="login.html" style="margin-left:auto">登录</a></div></header>'
            '<div class="w charts">' + ''.join(f'<div class="chart"><h3>{E(t)}</h3><ol>' + ''.join(f'<li>{E(x)}</li>' for x in xs) + '</ol></div>' for t, xs in charts) + '</div>'
            f'<div class="w"><h2>推荐歌单</h2>{tiles(["通勤路上的轻音乐", "川渝说唱合集", "深夜自习室", "周末咖啡馆", "民谣与酒", "健身节奏", "古风雅韵", "经典老歌", "独立乐队", "睡前白噪音"], 31)}</div>' + footer)
    s.add('index.html', page('声浪音乐 - 发现好音乐', body, css=css))
    add_common_assets(s)
    content_pages(s, accent, funcs='music', style='toc', share=['pay', 'cloud'], retention='content_log', cancel='app_path', withdraw='settings_system',
                  about=[f'{o.brand}由{o.entity}运营，提供正版数字音乐服务，曲库逾三千万首。', f'网络文化经营许可证：{o.www}'])
    del s.files['privacy.html']
    import re as _re
    s.files['agreement.html'] = _re.sub(r'<h2>(第[一二三四五六七八九十]+条　个人信息保护)</h2>', r'<h2 id="privacy">\1</h2>', s.files['agreement.html'])
    assert 'id="privacy"' in s.files['agreement.html']
    s.files['login.html'] = s.files['login.html'].replace('href="privacy.html"', 'href="agreement.html#privacy"')
    s.set('privacy-policy-linked', 'fail', 'the footer\'s 隐私政策 link opens the user agreement at its one-paragraph 个人信息保护 article, which only '
          'refers to a 《隐私政策》 that does not exist; no personal-information processing rules are published (PIPL Art. 7, 17)')
    s.set('privacy-policy-content', 'fail', 'no policy exists; the agreement paragraph states none of the Art. 17 items (handler contact, categories, retention, rights)')
    s.set('culture-licence-displayed', 'fail', 'the 网络文化经营许可证 number is only on the about page; the duty is to mark it on 网站主页的显著位置 '
          '(互联网文化管理暂行规定 Art. 12; rulebook §3: link-only not acceptable)')
    s.why['icp-number-displayed'] = '蜀ICP备 is the accepted variant of 川 (rulebook §2.0)'
    return s


SITES = [xingguang, chiyan, shuhai, yinghuo, ludao, miaobi, manyouji, shenglang]
