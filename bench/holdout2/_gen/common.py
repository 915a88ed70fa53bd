"""Site objects, page skeletons, footer snippets and the writer of site folders."""
from __future__ import annotations

import html
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import assets
import privacy as pv
import yaml
from ids import phone_ok, uscc_status
from org import Org

E = html.escape
ROOT = Path(__file__).resolve().parent.parent

RULES = ['icp-number-displayed', 'icp-number-linked', 'icp-number-placement', 'icp-licence-displayed',
         'psb-filing-displayed', 'business-licence-disclosed', 'entity-name-disclosed', 'contact-phone-disclosed',
         'contact-address-disclosed', 'complaint-channel-disclosed', 'user-agreement-linked', 'trading-rules-linked',
         'privacy-policy-linked', 'privacy-policy-content', 'account-deletion-disclosed', 'illegal-content-report-entry',
         'culture-licence-displayed', 'disclosures-consistent', 'registry-icp-match', 'registry-uscc-match',
         'registry-phone-match', 'registry-domain-official']
SITE_RULES = ['icp-number-displayed', 'icp-number-linked', 'icp-number-placement', 'psb-filing-displayed',
              'privacy-policy-linked', 'privacy-policy-content']
OPS_RULES = ['business-licence-disclosed', 'entity-name-disclosed', 'contact-phone-disclosed', 'contact-address-disclosed',
             'complaint-channel-disclosed', 'account-deletion-disclosed', 'disclosures-consistent']
PLATFORM_RULES = ['icp-licence-displayed', 'user-agreement-linked', 'trading-rules-linked']
CONTENT_RULES = ['illegal-content-report-entry', 'culture-licence-displayed']
REGISTRY_RULES = ['registry-icp-match', 'registry-uscc-match', 'registry-phone-match', 'registry-domain-official']

MIIT = 'https://beian.miit.gov.cn/'


def mps(digits: str) -> str:
    return f'https://beian.mps.gov.cn/#/query/webSearch?code={digits}'


@dataclass
class Site:
    name: str
    title: str
    profiles: list[str]
    about: str                                   # the comment block of expect.yaml
    org: Org | None = None
    files: dict[str, bytes | str] = field(default_factory=dict)
    expect: dict[str, str] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)
    registry: dict | None = None
    redirects: dict | None = None
    culture: bool = True                         # False: content site that is no 互联网文化单位

    def __post_init__(self):
        p = set(self.profiles)
        ops = bool(p & {'operator', 'platform'})
        for r in RULES:
            if r in SITE_RULES:
                v = 'pass'
            elif r in OPS_RULES:
                v = 'pass' if ops else 'not_applicable'
            elif r in PLATFORM_RULES:
                v = 'pass' if 'platform' in p else 'not_applicable'
            elif r == 'illegal-content-report-entry':
                v = 'pass' if 'content' in p else 'not_applicable'
            elif r == 'culture-licence-displayed':
                v = 'pass' if 'content' in p and self.culture else 'not_applicable'
            else:
                v = 'not_applicable'
            self.expect[r] = v
        if 'content' in p and not self.culture:
            self.why['culture-licence-displayed'] = ('no music, games, performances, art or animation is offered, so the site is no '
                                                     '互联网文化单位 (互联网文化管理暂行规定 Art. 2); the licence duty does not apply')

    def set(self, rule: str, outcome: str, why: str = '') -> None:
        assert rule in RULES, rule
        self.expect[rule] = outcome
        if why:
            self.why[rule] = why

    def add(self, path: str, content: bytes | str) -> None:
        self.files[path] = content

    def with_registry(self, **kw) -> None:
        self.registry = kw
        for r in REGISTRY_RULES:
            self.expect[r] = 'pass'


def page(title: str, body: str, *, css: str = '', head: str = '', lang: str = 'zh-CN', body_attrs: str = '') -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{E(title)}</title>\n'
            + (f'<style>\n{css}\n</style>\n' if css else '') + head + '</head>\n'
            f'<body{(" " + body_attrs) if body_attrs else ""}>\n{body}\n</body>\n</html>\n')


DOC_CSS = '''
body{margin:0;font:15px/1.8 "PingFang SC","Microsoft YaHei",sans-serif;color:#333;background:#f6f6f6}
.top{background:#fff;border-bottom:1px solid #e5e5e5}.top .in{max-width:980px;margin:0 auto;padding:14px 20px;display:flex;justify-content:space-between;align-items:center}
.top a{color:#333;text-decoration:none;margin-left:18px}.logo{font-size:20px;font-weight:700}
.doc{max-width:980px;margin:24px auto;background:#fff;padding:30px 48px;box-sizing:border-box}
.doc h1{font-size:24px;text-align:center}.doc h2{font-size:18px;margin-top:28px}.doc table{border-collapse:collapse;width:100%;margin:10px 0}
.doc th,.doc td{border:1px solid #ddd;padding:6px 10px;text-align:left;vertical-align:top}.doc th{background:#fafafa;width:24%}
.mini{text-align:center;color:#888;font-size:13px;padding:24px 0 36px}.mini a{color:#888}
'''


def doc_page(site: Site, title: str, body: str, *, accent: str = '#c00', nav: str = '', footer: str | None = None,
             extra_css: str = '', head: str = '') -> str:
    o = site.org
    brand = o.brand if o else site.title
    nav = nav or '<a href="index.html">首页</a><a href="about.html">关于我们</a><a href="contact.html">联系我们</a>'
    if footer is None:
        who = (o.entity or o.brand) if o else site.title
        footer = f'<footer class="mini">© {o.year if o else 2026} {E(who)}　<a href="index.html">返回首页</a></footer>'
    css = DOC_CSS + f'.logo{{color:{accent}}}' + extra_css
    return page(f'{title} - {brand}', f'<header class="top"><div class="in"><span class="logo">{E(brand)}</span><nav>{nav}</nav></div></header>\n'
                f'<main class="doc">\n{body}\n</main>\n{footer}', css=css, head=head)


# --- footer snippets ------------------------------------------------------------------------------

def icp_link(icp: str, cls: str = '', label: str = '') -> str:
    c = f' class="{cls}"' if cls else ''
    return f'{E(label)}<a{c} href="{MIIT}" target="_blank" rel="noopener">{E(icp)}</a>'


def psb_link(psb: str, *, badge: str = 'in', img: str = 'img/ghs.png', spaced: bool = False, legacy: bool = False) -> str:
    digits = ''.join(c for c in psb if c.isdigit())
    text = psb.replace('公网安备', '公网安备 ') if spaced else psb
    href = (f'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={digits}' if legacy else mps(digits))
    im = f'<img src="{img}" alt="" width="16" height="16" style="vertical-align:-3px;margin-right:3px">'
    if badge == 'in':
        return f'<a href="{href}" target="_blank" rel="noreferrer">{im}{E(text)}</a>'
    if badge == 'before':
        return f'{im}<a href="{href}" target="_blank" rel="noreferrer">{E(text)}</a>'
    return f'<a href="{href}" target="_blank" rel="noreferrer">{E(text)}</a>'


# --- privacy policy files -------------------------------------------------------------------------

def privacy_page(site: Site, style: str, *, title: str = '隐私政策', path: str = 'privacy.html', summary=None,
                 accent: str = '#c00', pages: int = 3, **kw) -> None:
    o = site.org
    secs = pv.sections(o, title=title, **kw)
    if style == 'toc':
        body = pv.render_toc(secs, title)
        site.add(path, doc_page(site, title, '<a id="top"></a>' + body, accent=accent,
                                extra_css='.toc{background:#f7f9fc;padding:8px 24px;margin:18px 0}.toc li{margin:2px 0}.back{text-align:right;font-size:13px}'))
    elif style == 'summary':
        body = pv.render_summary(secs, title, o, summary or [])
        site.add(path, doc_page(site, title, body, accent=accent, extra_css='.digest{border:2px solid #f0c36d;background:#fffbea;padding:6px 20px;margin-bottom:24px}'))
    elif style == 'numbered':
        site.add(path, doc_page(site, title, pv.render_numbered(secs, title), accent=accent, extra_css='.doc p b{color:#999;margin-right:4px}'))
    elif style == 'plain':
        site.add(path, doc_page(site, title, pv.render_plain(secs, title), accent=accent))
    elif style == 'pre':
        site.add(path, doc_page(site, title, pv.render_pre(secs, title), accent=accent,
                                extra_css='pre.policy{white-space:pre-wrap;font:14px/1.9 "SimSun","Songti SC",serif}'))
    elif style == 'pdf':
        site.add(path, assets.make_pdf(pv.text_lines(secs, title), title))
    elif style == 'paged':
        groups = pv.split_pages(secs, pages)
        base = path.rsplit('.', 1)[0]
        n = len(groups)
        start = 0
        for i, g in enumerate(groups, start=1):
            fn = path if i == 1 else f'{base}-{i}.html'
            nav = []
            if i > 1:
                nav.append(f'<a href="{path if i == 2 else f"{base}-{i - 1}.html"}">« 上一页</a>')
            nav += [f'<b>{k}</b>' if k == i else f'<a href="{path if k == 1 else f"{base}-{k}.html"}">{k}</a>' for k in range(1, n + 1)]
            if i < n:
                nav.append(f'<a href="{base}-{i + 1}.html">下一页 »</a>')
            pager = f'<div class="pager">第 {i} 页，共 {n} 页　' + '　'.join(nav) + '</div>'
            out = [f'<h1>{E(title)}</h1>' if i == 1 else f'<h1>{E(title)}（续）</h1>']
            for j, (t, blocks) in enumerate(g, start=start):
                out.append(f'<h2>{pv.CN_NUM[j]}、{E(t)}</h2>' + ''.join(pv._block_html(b) for b in blocks))
            start += len(g)
            site.add(fn, doc_page(site, title, '\n'.join(out) + pager, accent=accent,
                                  extra_css='.pager{margin-top:30px;padding-top:12px;border-top:1px solid #eee;text-align:center}.pager a,.pager b{margin:0 6px}'))
    else:
        raise ValueError(style)


# --- writing --------------------------------------------------------------------------------------

def check_site(site: Site) -> None:
    o = site.org
    if o is None:
        return
    for p in (o.phone, o.phone2):
        if p and not o.extra.get('skip_phone_check'):
            assert phone_ok(p), (site.name, p)
    if o.code:
        assert uscc_status(o.code) == 'OK', (site.name, o.code, uscc_status(o.code))
    for s in site.files.values():
        if isinstance(s, str):
            for bad in ('src="http', "src='http", 'url(http', 'href="//', '@import'):
                assert bad not in s, (site.name, bad)


def write_site(site: Site) -> None:
    check_site(site)
    d = ROOT / site.name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    assert 'index.html' in site.files, site.name
    for path, content in site.files.items():
        f = d / path
        f.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            f.write_text(content, encoding='utf-8')
        else:
            f.write_bytes(content)
    sy: dict = {'name': site.title, 'profiles': site.profiles}
    if site.registry:
        sy['registry'] = site.registry
    if site.redirects:
        sy['redirects'] = site.redirects
    (d / 'site.yaml').write_text(yaml.safe_dump(sy, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200), encoding='utf-8')
    head = ''.join(f'# {ln}\n' if ln else '#\n' for ln in site.about.strip().splitlines())
    body = yaml.safe_dump({'expect': {r: site.expect[r] for r in RULES}}, allow_unicode=True, sort_keys=False, width=1000)
    if site.why:
        body += yaml.safe_dump({'why': {r: site.why[r] for r in RULES if r in site.why}}, allow_unicode=True, sort_keys=False, width=1000)
    (d / 'expect.yaml').write_text(head + body, encoding='utf-8')


COMMON_IMG = {'img/ghs.png': assets.police_badge}


def add_common_assets(site: Site) -> None:
    site.add('img/ghs.png', assets.police_badge())
