"""Self-run card shops (site + operator): a hash-routed SPA, a QQ-only shop, a GBK shop, a refusal."""
from __future__ import annotations

import json

from common import page, police_badge
from homes import CARD_GOODS, base_css, cards, home_page, news
from ids import make_uscc
from privacy import privacy_page, render
from sitekit import Site

from docs import doc, help_faq

BADGE = police_badge()
SHOP_FEATURES = [("注册会员", "手机号码、登录密码", "创建会员账号"), ("购买卡密", "订单信息、支付信息、充值账号", "完成交易和发货"),
                 ("售后服务", "联系电话、问题截图、聊天记录", "处理售后和投诉"), ("账号安全", "IP地址、设备信息、登录日志", "防范盗号和欺诈")]


def card_kaxiong_spa() -> Site:
    h, brand = "武汉卡熊网络科技有限公司", "卡熊小铺"
    code = make_uscc("91", "420111", "MA49Y2KX")
    addr = "湖北省武汉市洪山区珞喻路1037号光谷广场写字楼B座2309室"
    psb = "42011102005566"
    pol = dict(brand=brand, handler=h, address=addr, email="service@kaxiong.shop", phone="027-8766 3321",
               features=SHOP_FEATURES, style="table", variant=0,
               table_retention=["会员注销后15个工作日内删除", "交易完成后3年", "售后完结后1年", "180天"])
    helpv = help_faq(dict(brand=brand))
    data = {
        "brand": brand,
        "goods": CARD_GOODS,
        "footer": {
            "links": [["隐私政策", "#/privacy"], ["帮助中心", "#/help"], ["联系我们", "#/contact"], ["关于我们", "#/about"]],
            "lines": [f"{h}　统一社会信用代码：{code}",
                      f"地址：{addr}　客服电话：027-8766 3321　投诉邮箱：tousu@kaxiong.shop"],
            "icp": "鄂ICP备2024015533号-1", "psb": psb,
        },
        "views": {
            "privacy": render(pol),
            "help": helpv,
            "contact": f"<h1>联系我们</h1><p>客服电话：027-8766 3321（9:00-22:00）</p><p>投诉邮箱：tousu@kaxiong.shop</p><p>地址：{addr}</p>",
            "about": f"<h1>关于卡熊小铺</h1><p>卡熊小铺是{h}自营的数字卡券商店，所有卡密均由本公司直接销售并提供售后。</p>",
        },
    }
    app = r"""(function(){
var app=document.getElementById('app');
function esc(s){return s}
function footer(d){var f=d.footer;var l=f.links.map(function(x){return '<a href="'+x[1]+'">'+x[0]+'</a>'}).join(' | ');
return '<footer class="ft"><p>'+l+'</p>'+f.lines.map(function(x){return '<p>'+x+'</p>'}).join('')+
'<p><a href="https://beian.miit.gov.cn/" target="_blank">'+f.icp+'</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code='+f.psb+'" target="_blank"><img src="/img/ga.png" width="14" alt="">鄂公网安备'+f.psb+'号</a></p></footer>'}
function home(d){var g=d.goods.map(function(x){return '<div class="card"><div class="pic"></div><h4>'+x[0]+'</h4><p>'+x[1]+'</p><b>'+x[2]+'</b></div>'}).join('');
return '<div class="hd"><span class="logo">'+d.brand+'</span><nav><a href="#/">首页</a><a href="#/help">帮助</a><a href="#/contact">联系</a></nav></div><div class="hero">卡熊小铺 · 卡密秒发</div><div class="wrap"><div class="sec"><h2>全部商品</h2><div class="cards">'+g+'</div></div><div class="sec"><h2>再来一遍</h2><div class="cards">'+g+'</div></div></div>'}
function view(d,name){return '<div class="hd"><span class="logo">'+d.brand+'</span><nav><a href="#/">返回首页</a></nav></div><div class="paper">'+d.views[name]+'</div>'}
function render(d){var r=(location.hash||'#/').replace('#/','');
app.innerHTML=(d.views[r]?view(d,r):home(d))+footer(d);window.scrollTo(0,0)}
fetch('/data/site.json').then(function(r){return r.json()}).then(function(d){
setTimeout(function(){render(d)},350);window.addEventListener('hashchange',function(){render(d)})});
})();"""
    css = base_css("#fff9f0", "#3d2b1f", "#b35c1e") + (
        ".ft{text-align:center;font-size:13px;color:#7a5a44;padding:22px 0 30px;margin-top:40px;background:#fff;line-height:2}"
        ".ft p{margin:0}.ft a{color:#b35c1e;text-decoration:none}.paper{max-width:900px;margin:24px auto;background:#fff;"
        "padding:30px 50px;line-height:1.9;font-size:14px}table.t{border-collapse:collapse;width:100%}table.t td,table.t th"
        "{border:1px solid #ddd;padding:6px}")
    index = page("卡熊小铺", '<div id="app"><p style="text-align:center;padding:80px;color:#999">加载中…</p></div>'
                 '<script src="/app.js"></script>', css)
    files = {"index.html": index, "app.js": app, "data/site.json": json.dumps(data, ensure_ascii=False),
             "img/ga.png": BADGE}
    return Site("card-kaxiong-spa-hash-routes", "卡熊小铺（单页应用：全部内容由脚本渲染，页面用#/路由）", ["site", "operator"],
                "A single-page card shop: index.html is an empty shell; app.js fetches /data/site.json and writes the\n"
                "homepage and footer 0.35 s later. The privacy policy, help centre, contact and about pages are hash\n"
                "routes (#/privacy, #/help …) rendered by the same script when the visitor clicks a footer link.\n"
                "What the visitor sees is complete and compliant.",
                files,
                why={"privacy-policy-linked": "the footer link #/privacy shows the full policy when clicked (a visitor reads it; PIPL Art. 7)",
                     "account-deletion-disclosed": "help view (#/help) explains query, correction, deletion and cancellation with paths"})


def card_miaoka_qq() -> Site:
    h, brand = "福州喵卡网络科技有限公司", "喵卡"
    code = make_uscc("91", "350102", "MA8RX4H3")
    addr = "福建省福州市鼓楼区五四路158号环球广场21层2103"
    psb = "35010202001477"
    css = base_css("#fff0f6", "#3b1f2b", "#d6336c")
    footer = f"""<div class="ft">
<p><a href="/privacy.html">隐私政策</a> / <a href="/help.html">帮助</a> / <a href="/contact.html">联系我们</a> / <a href="/about.html">关于喵卡</a></p>
<p>客服QQ：2850012345　客服微信：miaoka_kf　投诉QQ：2850012399（工作日 9:30-18:30）</p>
<p>{h}　信用代码 {code}　地址：{addr}</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">闽ICP备<b>2023</b><b>006712</b>号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">闽公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{text-align:center;font-size:13px;color:#8c5a6c;padding:20px 0 30px;margin-top:40px;line-height:2;background:#fff}.ft p{margin:0}.ft a{color:#d6336c;text-decoration:none}"
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@miaoka.cn", features=SHOP_FEATURES, style="notes", variant=1)
    files = {
        "index.html": home_page(f"{brand} - 游戏卡密自动发货", brand, [("首页", "/"), ("商品", "#"), ("查订单", "#")],
                                "喵卡 · 喵一下就到账", [("商品", cards(CARD_GOODS)), ("公告", news([("春节不打烊", "2026-01-20"), ("新增米哈游专区", "2026-09-02")]))],
                                footer, css, fcss),
        "privacy.html": privacy_page(pol, theme="#d6336c"),
        "help.html": doc("帮助", help_faq(dict(brand=brand, complain="添加投诉QQ 2850012399，说明订单号和问题，我们在1个工作日内答复。")), brand, "#d6336c"),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服QQ：2850012345</p><p>客服微信：miaoka_kf</p><p>投诉QQ：2850012399</p><p>地址：{addr}</p>", brand, "#d6336c"),
        "about.html": doc("关于喵卡", f"<h1>关于喵卡</h1><p>喵卡由{h}经营，自营销售游戏卡密。</p>", brand, "#d6336c"),
        "img/ga.png": BADGE,
    }
    return Site("card-miaoka-qq-only-split-bold-icp", "喵卡（只有QQ/微信客服，投诉用QQ；备案号拆在两个<b>里）", ["site", "operator"],
                "A self-run card shop whose customer service and complaint line are QQ numbers and a WeChat id — no\n"
                "telephone anywhere. Its filing number is written 闽ICP备<b>2023</b><b>006712</b>号-1 (visible text is\n"
                "the whole number).",
                files,
                expect={"contact-phone-disclosed": "fail"},
                why={"contact-phone-disclosed": "QQ 2850012345 / 2850012399 and WeChat are not telephone numbers (rule text: QQ numbers do not count; Consumer Law Art. 28)",
                     "complaint-channel-disclosed": "'投诉QQ：2850012399' is a published complaint method: E-Commerce Law Art. 59 asks for 投诉、举报方式, not a particular medium"})


def card_xinghe_gbk() -> Site:
    h, brand = "南京星河数码科技有限公司", "星河点卡"
    code = make_uscc("91", "320102", "MA1W9P3E")
    addr = "江苏省南京市玄武区中山路18号德基广场二期写字楼35层3508室"
    psb = "32010202011245"
    css = base_css("#f8f9fa", "#212529", "#5f3dc4")
    footer = f"""<div class="ft">
<p><a href="/privacy.html">隐私政策</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a>　<a href="/about.html">关于我们</a>　<a href="/licence.html">营业执照</a></p>
<p>客服热线：025-8471 6690　投诉电话：025-8471 6691</p>
<p>{h}　统一社会信用代码：{code}</p>
<p><a href="http://beian.miit.gov.cn/" target="_blank">苏ICP备2021044557号-3</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">苏公网安备 {psb}号</a></p>
<p>版权所有 2021-2026 星河点卡</p>
</div>"""
    fcss = ".ft{text-align:center;font-size:13px;color:#666;padding:20px 0 30px;margin-top:40px;border-top:2px solid #5f3dc4;line-height:2}.ft p{margin:0}.ft a{color:#5f3dc4;text-decoration:none}"
    mc = '<meta charset="gbk">'
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@xinghedk.com", phone="025-8471 6690",
               features=SHOP_FEATURES, style="articles", variant=2)
    files = {
        "index.html": home_page(f"{brand}-正规点卡自营店", brand, [("首页", "/"), ("卡密", "#"), ("帮助", "/help.html")],
                                "星河点卡 · 正规渠道", [("商品", cards(CARD_GOODS)), ("公告", news([("关于防范诈骗的提醒", "2026-10-11"), ("新增Steam钱包卡", "2026-08-20")]))],
                                footer, css, fcss, meta_charset=mc),
        "privacy.html": privacy_page(pol, theme="#5f3dc4", meta_charset=mc),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand)), brand, "#5f3dc4", meta_charset=mc),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>客服热线：025-8471 6690</p><p>地址：{addr}</p>", brand, "#5f3dc4", meta_charset=mc),
        "about.html": doc("关于我们", f"<h1>关于星河</h1><p>{h}自营星河点卡商城，地址：{addr}。</p>", brand, "#5f3dc4", meta_charset=mc),
        "licence.html": doc("营业执照", f"<h1>营业执照</h1><p>名称：{h}</p><p>统一社会信用代码：{code}</p><p>住所：{addr}</p><p>法定代表人：孙立</p>", brand, "#5f3dc4", meta_charset=mc),
        "img/ga.png": BADGE,
    }
    enc = {k: "gbk" for k in files if k.endswith(".html")}
    return Site("card-xinghe-gbk-compliant", "星河点卡（GBK编码的合规自营卡密店）", ["site", "operator"],
                "A self-run card shop served in GBK (<meta charset=\"gbk\">, every file encoded in GBK), with an http://\n"
                "MIIT link and a numbered-article policy. An ordinary compliant site in a legacy encoding.",
                files, encodings=enc)


def card_duoduo_refusal() -> Site:
    h, brand = "济南多多信息技术有限公司", "多多卡券"
    code = make_uscc("91", "370102", "MA3NQ7T8")
    addr = "山东省济南市历下区泺源大街150号中信广场11层1106"
    psb = "37010202001890"
    css = base_css("#f4fce3", "#2b3a1a", "#5c940d")
    refusal = "很抱歉，本店系统暂时没有这项功能。如您不再使用本店服务，不再登录即可，帐户资料会一直保留。"
    footer = f"""<div class="ft">
<div class="c3">
<div><h5>购物保障</h5><p>正品保证 · 极速发货 · 售后无忧</p></div>
<div><h5>联系我们</h5><p>投诉与建议：0531-8899 6612</p><p>邮箱：kefu@duoduoka.com</p></div>
<div><h5>相关</h5><p><a href="/privacy.html">隐私政策</a>　<a href="/help.html">帮助中心</a>　<a href="/contact.html">联系我们</a>　<a href="/about.html">关于我们</a></p></div>
</div>
<p class="c">{h}　统一社会信用代码：{code}　地址：{addr}</p>
<p class="c"><a href="https://beian.miit.gov.cn/" target="_blank">鲁ICP备2022031902号-1</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code={psb}" target="_blank"><img src="/img/ga.png" width="14" alt="">鲁公网安备{psb}号</a></p>
</div>"""
    fcss = ".ft{background:#fff;margin-top:40px;padding:10px 0 30px;font-size:13px;color:#555}.c3{width:1120px;margin:0 auto;display:flex;justify-content:space-around}.c3 h5{font-size:14px;margin:10px 0}.c3 p{margin:2px 0}.c{text-align:center;margin:4px 0}.ft a{color:#5c940d;text-decoration:none}"
    pol = dict(brand=brand, handler=h, address=addr, email="kefu@duoduoka.com", phone="0531-8899 6612",
               features=SHOP_FEATURES, style="faq", variant=2, acct="帐户",
               cancel="refuse:关于注销帐户：" + refusal,
               retention="保存期限：订单信息自交易完成之日起保存三年；安全日志保存180天；会员资料在帐户存续期间保存。")
    files = {
        "index.html": home_page(f"{brand}-卡券自营", brand, [("首页", "/"), ("全部", "#")], "多多卡券 · 多买多省",
                                [("商品", cards(CARD_GOODS)), ("更多", cards(CARD_GOODS[:4]))], footer, css, fcss),
        "privacy.html": privacy_page(pol, theme="#5c940d"),
        "help.html": doc("帮助中心", help_faq(dict(brand=brand, acct="帐户", cancel=refusal)), brand, "#5c940d"),
        "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>投诉与建议：0531-8899 6612</p><p>地址：{addr}</p>", brand, "#5c940d"),
        "about.html": doc("关于我们", f"<h1>关于多多</h1><p>{h}经营的多多卡券商城。</p>", brand, "#5c940d"),
        "img/ga.png": BADGE,
    }
    return Site("card-duoduo-refusal-after-item", "多多卡券（“怎样注销帐户？——很抱歉，系统暂时没有这项功能”）", ["site", "operator"],
                "A self-run card shop whose help centre answers 'Q：怎样注销帐户？' with 'A：很抱歉，本店系统暂时没有这项\n"
                "功能' — the refusal comes after the item and without a denial word in front of it, and the policy says\n"
                "the same ('关于注销帐户：很抱歉…'). It also writes 帐户 rather than 账户.",
                files,
                expect={"account-deletion-disclosed": "fail", "privacy-policy-content": "fail"},
                why={"account-deletion-disclosed": "cancellation is refused ('很抱歉，本店系统暂时没有这项功能'): E-Commerce Law Art. 24 requires the way to cancel",
                     "privacy-policy-content": "the policy refuses cancellation in the same words: 网络数据安全管理条例 Art. 21(4) requires the cancellation method (a refusal is a definite breach)",
                     "complaint-channel-disclosed": "'投诉与建议：0531-8899 6612' on the homepage"})


SITES = [card_kaxiong_spa, card_miaoka_qq, card_xinghe_gbk, card_duoduo_refusal]
