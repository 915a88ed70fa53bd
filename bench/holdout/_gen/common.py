"""Page scaffolding shared by the holdout sites (each site still writes its own homepage and footer)."""
from __future__ import annotations

import html
import struct
import zlib
from pathlib import Path


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def page(title: str, body: str, css: str = "", charset: str = "utf-8", lang: str = "zh-CN",
         head: str = "", meta_charset: str | None = None) -> str:
    """A complete HTML document. `meta_charset` overrides how the charset is declared."""
    decl = meta_charset if meta_charset is not None else f'<meta charset="{charset}">'
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n{decl}\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}</title>\n<style>{css}</style>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n")


def doc_page(title: str, inner: str, brand: str, theme: str = "#2b6cb0", back: str = "返回首页",
             charset: str = "utf-8", lang: str = "zh-CN", extra_css: str = "", meta_charset: str | None = None,
             nav: str = "") -> str:
    """A document page (policy, agreement, rules, help) with a small top bar."""
    css = (f"body{{margin:0;font-family:'PingFang SC','Hiragino Sans GB','Microsoft YaHei',sans-serif;color:#2d3748;"
           f"background:#f4f5f7}}.bar{{background:{theme};padding:12px 40px;color:#fff}}.bar a{{color:#fff;"
           f"text-decoration:none;margin-right:22px;font-size:14px}}.paper{{max-width:900px;margin:24px auto;"
           f"background:#fff;padding:30px 50px 50px;line-height:1.95;font-size:14px;border-radius:4px}}"
           f".paper h1{{font-size:23px;text-align:center;margin:6px 0 4px}}.paper h2{{font-size:16px;margin:24px 0 6px}}"
           f".paper h3{{font-size:15px;margin:16px 0 4px}}.stamp{{text-align:center;color:#718096;font-size:13px}}"
           f"table.t{{border-collapse:collapse;width:100%;font-size:13px;margin:10px 0}}table.t td,table.t th"
           f"{{border:1px solid #cbd5e0;padding:6px 8px;vertical-align:top}}table.t th{{background:#edf2f7}}"
           f".foot{{text-align:center;color:#a0aec0;font-size:12px;padding:10px 0 30px}}{extra_css}")
    body = (f'<div class="bar"><a href="/">{brand}</a><a href="/">{back}</a>{nav}</div>\n'
            f'<div class="paper">\n{inner}\n</div>\n<div class="foot">{brand}</div>')
    return page(title, body, css, charset=charset, lang=lang, meta_charset=meta_charset)


def _png(width: int, height: int, pixel) -> bytes:
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def police_badge() -> bytes:
    """A 20×20 round blue-and-gold badge, drawn here (no outside file)."""
    def px(x, y):
        d = ((x - 9.5) ** 2 + (y - 9.5) ** 2) ** 0.5
        if d > 9.6:
            return (0, 0, 0, 0)
        if d > 7.5:
            return (212, 170, 44, 255)
        if abs(x - 9.5) + abs(y - 9.5) < 4:
            return (240, 200, 60, 255)
        return (22, 64, 150, 255)
    return _png(20, 20, px)


def solid_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    return _png(width, height, lambda x, y: (*rgb, 255))


def write_tree(folder: Path, files: dict[str, str | bytes], encodings: dict[str, str] | None = None) -> None:
    encodings = encodings or {}
    for rel, content in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encodings.get(rel, "utf-8")))


def filler_news(items: list[tuple[str, str]], color: str = "#4a5568") -> str:
    lis = "".join(f'<li><span>{t}</span><em>{d}</em></li>' for t, d in items)
    return f'<ul class="news" style="color:{color}">{lis}</ul>'


def grid(cards: list[tuple[str, str, str]], cls: str = "card") -> str:
    """Cards of (title, line, price/tag)."""
    return "".join(f'<div class="{cls}"><div class="pic"></div><h4>{a}</h4><p>{b}</p><b>{c}</b></div>'
                   for a, b, c in cards)


def text_badge(width: int, height: int, text: str, bg: tuple[int, int, int], fg=(255, 255, 255), size: int = 13) -> bytes:
    """A badge image with Chinese text drawn on it (Noto Sans CJK from the system)."""
    import io

    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", size)
    img = Image.new("RGB", (width, height), bg)
    draw = ImageDraw.Draw(img)
    w = draw.textlength(text, font=font)
    draw.text(((width - w) / 2, (height - size) / 2 - 2), text, font=font, fill=fg)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
