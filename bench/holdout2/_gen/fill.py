"""Homepage bodies (the part above the footer) and the standard inner pages."""
from __future__ import annotations

import html
import random

from common import Site, doc_page

import docs

E = html.escape

CARDS = [('腾讯Q币', [10, 30, 50, 100]), ('网易一卡通', [15, 30, 50, 100]), ('骏网一卡通', [10, 30, 50, 100]),
         ('盛趣一卡通', [15, 30, 45]), ('完美一卡通', [15, 30, 50]), ('中国移动话费', [30, 50, 100, 200]),
         ('中国联通话费', [30, 50, 100]), ('中国电信话费', [30, 50, 100]), ('爱奇艺黄金VIP', ['月卡', '季卡', '年卡']),
         ('腾讯视频VIP', ['月卡', '季卡', '年卡']), ('优酷VIP会员', ['月卡', '季卡']), ('哔哩哔哩大会员', ['月卡', '年卡']),
         ('QQ音乐绿钻', ['月卡', '年卡']), ('网易云音乐黑胶VIP', ['月卡', '季卡', '年卡']), ('百度网盘超级会员', ['月卡', '年卡']),
         ('WPS超级会员', ['月卡', '年卡']), ('喜马拉雅VIP', ['月卡', '年卡']), ('迅雷白金会员', ['月卡', '年卡']),
         ('京东E卡', [50, 100, 200]), ('携程任我行礼品卡', [100, 200]), ('Steam钱包充值码（国区）', [50, 100]),
         ('王者荣耀点券（Q币直充）', [60, 300]), ('和平精英UC（直充）', [60, 300]), ('原神创世结晶（官服直充）', [60, 300])]
PRICES = {'月卡': 30, '季卡': 88, '年卡': 248}


def card_rows(seed: int, n: int = 24, discount=(0.955, 0.99)) -> list[tuple[str, str, str, str]]:
    r = random.Random(seed)
    out = []
    pool = [(name, v) for name, vs in CARDS for v in vs]
    r.shuffle(pool)
    for name, v in pool[:n]:
        face = PRICES.get(v, v) if isinstance(v, str) else v
        price = round(face * r.uniform(*discount), 2)
        label = f'{name} {v}' + ('' if isinstance(v, str) else '元')
        out.append((label, f'{face}', f'{price:.2f}', str(r.randint(12, 980))))
    return out


def card_table(seed: int, *, n: int = 24, cls: str = 'goods', buy: str = '立即购买', caption: str = '热销商品') -> str:
    rows = card_rows(seed, n)
    body = ''.join(f'<tr><td>{E(a)}</td><td>{b}</td><td class="pr">￥{c}</td><td>{d}</td><td><a class="buy" href="goods.html">{buy}</a></td></tr>'
                   for a, b, c, d in rows)
    return (f'<table class="{cls}"><caption>{E(caption)}</caption><thead><tr><th>商品名称</th><th>面值</th><th>会员价</th><th>库存</th><th></th></tr></thead>'
            f'<tbody>{body}</tbody></table>')


def notices(items: list[tuple[str, str]], title: str = '网站公告') -> str:
    return (f'<div class="notice-box"><h3>{E(title)}</h3><ul>' + ''.join(f'<li><span>{d}</span>{E(t)}</li>' for d, t in items)
            + '</ul></div>')


def product_grid(products: list[tuple[str, str]], *, cls: str = 'grid', seed: int = 1, img: str = '', sold: bool = True) -> str:
    r = random.Random(seed)
    cells = []
    for name, price in products:
        s = f'<span class="sold">已售{r.randint(30, 4000)}</span>' if sold else ''
        pic = f'<img src="{img}" alt="" loading="lazy">' if img else '<div class="pic"></div>'
        cells.append(f'<li><a href="goods.html">{pic}<p class="nm">{E(name)}</p><p class="pr">￥{price}{s}</p></a></li>')
    return f'<ul class="{cls}">' + ''.join(cells) + '</ul>'


def article_list(titles: list[str], *, seed: int = 3, cls: str = 'alist', meta: str = 'date') -> str:
    r = random.Random(seed)
    out = []
    for t in titles:
        if meta == 'date':
            m = f'2026-{r.randint(9, 11):02d}-{r.randint(1, 24):02d}'
        elif meta == 'views':
            m = f'{r.randint(2, 980)}万次播放'
        else:
            m = f'{r.randint(3, 400)}回复'
        out.append(f'<li><a href="#">{E(t)}</a><span>{m}</span></li>')
    return f'<ul class="{cls}">' + ''.join(out) + '</ul>'


# --- standard inner pages -----------------------------------------------------------------------------

def about_page(site: Site, text: list[str], *, accent='#c00', extra: str = '', title: str = '关于我们') -> None:
    body = f'<h1>{E(title)}</h1>' + ''.join(f'<p>{E(t)}</p>' for t in text) + extra
    site.add('about.html', doc_page(site, title, body, accent=accent))


def contact_page(site: Site, rows: list[tuple[str, str]], *, accent='#c00', intro: str = '', extra: str = '') -> None:
    t = ''.join(f'<tr><th>{E(a)}</th><td>{E(b)}</td></tr>' for a, b in rows)
    body = '<h1>联系我们</h1>' + (f'<p>{E(intro)}</p>' if intro else '') + f'<table>{t}</table>' + extra
    site.add('contact.html', doc_page(site, '联系我们', body, accent=accent))


def help_page(site: Site, items: list[tuple[str, str]], *, accent='#c00', title: str = '帮助中心', path: str = 'help.html') -> None:
    body = f'<h1>{E(title)}</h1>' + ''.join(f'<h3>{E(q)}</h3><p>{E(a)}</p>' for q, a in items)
    site.add(path, doc_page(site, title, body, accent=accent))


def licence_page(site: Site, *, telecom=False, lowercase=False, www=False, accent='#c00', note: str = '') -> None:
    body = '<h1>证照信息</h1>' + (f'<p>{E(note)}</p>' if note else '') + docs.licence_table(site.org, telecom=telecom, lowercase=lowercase, www=www)
    site.add('licence.html', doc_page(site, '证照信息', body, accent=accent))


def agreement_page(site: Site, *, kind: str, title: str = '平台服务协议', path: str = 'agreement.html', accent='#c00',
                   textarea: bool = False) -> None:
    arts = docs.agreement_articles(site.org, kind=kind)
    if textarea:
        body = (f'<h1>{E(title)}</h1><p>请仔细阅读以下协议（可滚动查看全文）：</p>'
                f'<textarea readonly rows="28" style="width:100%;font:14px/1.8 SimSun,serif">{E(docs.plain_text(arts, title))}</textarea>')
    else:
        body = f'<h1>{E(title)}</h1><p class="upd">更新日期：2026年5月20日　生效日期：2026年5月28日</p>' + docs.numbered_articles(arts)
    site.add(path, doc_page(site, title, body, accent=accent))


def rules_page(site: Site, *, kind: str, title: str = '交易规则', path: str = 'rules.html', accent='#c00', textarea=False) -> None:
    secs = docs.rules_sections(site.org, kind=kind)
    if textarea:
        body = (f'<h1>{E(title)}</h1>'
                f'<textarea readonly rows="26" style="width:100%;font:14px/1.8 SimSun,serif">{E(docs.plain_text(secs, title))}</textarea>')
    else:
        body = f'<h1>{E(title)}</h1>' + docs.numbered_articles(secs)
    site.add(path, doc_page(site, title, body, accent=accent))
