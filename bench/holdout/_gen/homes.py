"""Homepage bodies: header, banner and main content differ by kind; every footer is written per site."""
from __future__ import annotations

from common import page


def base_css(bg: str, fg: str, accent: str, font: str = "'Microsoft YaHei','PingFang SC',sans-serif") -> str:
    return (f"body{{margin:0;font-family:{font};background:{bg};color:{fg}}}a{{color:inherit}}"
            f".hd{{display:flex;align-items:center;justify-content:space-between;padding:14px 60px;background:#fff;"
            f"box-shadow:0 1px 4px rgba(0,0,0,.08)}}.hd .logo{{font-size:24px;font-weight:bold;color:{accent}}}"
            f".hd nav a{{margin-left:20px;text-decoration:none;font-size:14px;color:#444}}"
            f".hero{{height:280px;background:linear-gradient(110deg,{accent},#222);color:#fff;display:flex;"
            f"align-items:center;justify-content:center;font-size:34px;letter-spacing:2px}}"
            f".wrap{{width:1120px;margin:0 auto}}.sec h2{{font-size:20px;margin:30px 0 14px;border-left:4px solid {accent};"
            f"padding-left:10px}}.cards{{display:grid;grid-template-columns:repeat(4,1fr);gap:16px}}"
            f".card{{background:#fff;border-radius:6px;padding:12px;box-shadow:0 1px 3px rgba(0,0,0,.06)}}"
            f".card .pic{{height:120px;background:#e9ecef;border-radius:4px}}.card h4{{margin:10px 0 4px;font-size:15px}}"
            f".card p{{margin:0;font-size:12px;color:#888}}.card b{{display:block;margin-top:6px;color:{accent}}}"
            f"ul.news{{list-style:none;padding:0;margin:0}}ul.news li{{display:flex;justify-content:space-between;"
            f"border-bottom:1px dashed #ddd;padding:9px 0;font-size:14px}}ul.news em{{font-style:normal;color:#999}}")


def home_page(title: str, brand: str, nav: list[tuple[str, str]], hero: str, sections: list[tuple[str, str]],
              footer: str, css: str, extra_css: str = "", charset: str = "utf-8", meta_charset: str | None = None,
              lang: str = "zh-CN", top: str = "", end: str = "", head: str = "") -> str:
    nav_html = "".join(f'<a href="{h}">{t}</a>' for t, h in nav)
    secs = "".join(f'<div class="sec"><h2>{h}</h2>{b}</div>' for h, b in sections)
    body = (f"{top}<div class=\"hd\"><span class=\"logo\">{brand}</span><nav>{nav_html}</nav></div>\n"
            f"<div class=\"hero\">{hero}</div>\n<div class=\"wrap\">{secs}</div>\n{footer}\n{end}")
    return page(title, body, css + extra_css, charset=charset, meta_charset=meta_charset, lang=lang, head=head)


def cards(items: list[tuple[str, str, str]]) -> str:
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="pic"></div><h4>{a}</h4><p>{b}</p><b>{c}</b></div>' for a, b, c in items) + "</div>"


def news(items: list[tuple[str, str]]) -> str:
    return '<ul class="news">' + "".join(f"<li><span>{t}</span><em>{d}</em></li>" for t, d in items) + "</ul>"


CARD_GOODS = [("腾讯Q币 100元", "自动发货 · 官方直充", "￥96.80"), ("网易一卡通 50元", "卡密秒发", "￥48.50"),
              ("王者荣耀 点券648", "区服直充", "￥612.00"), ("原神 创世结晶6480", "UID直充", "￥618.00"),
              ("爱奇艺黄金VIP 月卡", "账号直充", "￥19.80"), ("京东E卡 200元", "电子卡", "￥198.00"),
              ("Steam 钱包 100元", "卡密", "￥101.50"), ("和平精英 点券", "区服直充", "￥29.40"),
              ("话费快充 100元", "全国移动联通电信", "￥98.90"), ("优酷VIP 季卡", "账号直充", "￥52.00"),
              ("盛大一卡通 30元", "卡密秒发", "￥28.80"), ("完美一卡通 50元", "卡密", "￥47.90")]

KM_NEWS = [("关于国庆期间供货渠道调整的公告", "2026-09-28"), ("平台支付通道维护通知（11月26日凌晨）", "2026-11-20"),
           ("新版《交易规则》征求意见稿（征求意见期七日）", "2026-11-12"), ("警惕冒充客服的诈骗电话", "2026-10-30"),
           ("分站系统3.2版本更新说明", "2026-10-18"), ("违规商户处理公示（第43期）", "2026-11-05")]
