"""Binary assets: a text PDF (Adobe-GB1 CID font, not embedded), PNG badges, a map and a licence photo."""
from __future__ import annotations

import io
import re
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_B = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'


def _wrap(line: str, width: float = 40.0) -> list[str]:
    """Wrap at `width` full-width cells without breaking an ASCII run (numbers, e-mail addresses)."""
    toks = re.findall(r'[\x21-\x7e]+|.', line)
    out, cur, w = [], '', 0.0
    for t in toks:
        tw = sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in t)
        if w + tw > width and cur:
            out.append(cur)
            cur, w = '', 0.0
        cur += t
        w += tw
    out.append(cur)
    return out


def make_pdf(lines: list[str], title: str) -> bytes:
    """A real text PDF: STSong-Light with UniGB-UCS2-H, so any reader can extract the text."""
    wrapped: list[str] = []
    for ln in lines:
        ln = unicodedata.normalize('NFC', ln)
        wrapped += _wrap(ln) if ln else ['']
    per_page = 44
    pages = [wrapped[i:i + per_page] for i in range(0, len(wrapped), per_page)]

    def hexs(s: str) -> str:
        return '<' + ''.join(f'{ord(c):04X}' for c in s if ord(c) <= 0xFFFF) + '>'

    objs: list[bytes] = []
    objs.append(b'<< /Type /Catalog /Pages 2 0 R >>')
    n_fixed = 5
    kids = ' '.join(f'{n_fixed + 1 + 2 * i} 0 R' for i in range(len(pages)))
    objs.append(f'<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>'.encode())
    objs.append(b'<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>')
    objs.append(b'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light '
                b'/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R '
                b'/DW 1000 /W [1 95 500] >>')
    objs.append(b'<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] '
                b'/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>')
    for i, pg in enumerate(pages):
        ops = ['BT', '/F1 11 Tf', '17 TL', '56 790 Td']
        for j, ln in enumerate(pg):
            if i == 0 and j == 0:
                ops += ['/F1 16 Tf', f'{hexs(ln)} Tj', '/F1 11 Tf', 'T*']
            else:
                ops += [f'{hexs(ln)} Tj', 'T*']
        ops += ['ET', 'BT /F1 9 Tf 280 40 Td ' + hexs(f'第 {i + 1} 页 / 共 {len(pages)} 页') + ' Tj ET']
        stream = '\n'.join(ops).encode('ascii')
        page_no = n_fixed + 1 + 2 * i
        objs.append(f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> '
                    f'/Contents {page_no + 1} 0 R >>'.encode())
        objs.append(f'<< /Length {len(stream)} >>\nstream\n'.encode() + stream + b'\nendstream')
    info_no = len(objs) + 1
    objs.append(('<< /Title ' + '<FEFF' + ''.join(f'{ord(c):04X}' for c in title) + '> /Producer (holdout2) >>').encode())
    buf = io.BytesIO()
    buf.write(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for k, body in enumerate(objs, start=1):
        offs.append(buf.tell())
        buf.write(f'{k} 0 obj\n'.encode() + body + b'\nendobj\n')
    xref = buf.tell()
    buf.write(f'xref\n0 {len(objs) + 1}\n0000000000 65535 f \n'.encode())
    for off in offs:
        buf.write(f'{off:010d} 00000 n \n'.encode())
    buf.write(f'trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {info_no} 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode())
    return buf.getvalue()


def png(img: Image.Image) -> bytes:
    b = io.BytesIO()
    img.save(b, 'PNG', optimize=True)
    return b.getvalue()


def police_badge() -> bytes:
    im = Image.new('RGBA', (20, 20), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse((1, 1, 18, 18), fill=(28, 63, 148, 255), outline=(212, 175, 55, 255), width=2)
    d.polygon([(10, 4), (12, 9), (17, 9), (13, 12), (14, 17), (10, 14), (6, 17), (7, 12), (3, 9), (8, 9)], fill=(230, 190, 60, 255))
    return png(im)


def icon(color=(220, 60, 50), letter_box=True, size=24) -> bytes:
    im = Image.new('RGBA', (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle((1, 1, size - 2, size - 2), radius=5, fill=color + (255,))
    d.rectangle((7, 7, size - 8, size - 8), outline=(255, 255, 255, 255), width=2)
    return png(im)


def banner(w: int, h: int, c1, c2, shapes: int = 6, seed: int = 1) -> bytes:
    import random
    r = random.Random(seed)
    im = Image.new('RGB', (w, h), c1)
    d = ImageDraw.Draw(im)
    for y in range(h):
        t = y / h
        d.line([(0, y), (w, y)], fill=tuple(int(c1[k] * (1 - t) + c2[k] * t) for k in range(3)))
    for _ in range(shapes):
        x, y, s = r.randint(0, w), r.randint(0, h), r.randint(30, 160)
        d.ellipse((x - s, y - s, x + s, y + s), outline=(255, 255, 255), width=2)
    return png(im)


def map_image(seed: int = 7) -> bytes:
    """A street map without any lettering, with a red pin."""
    import random
    r = random.Random(seed)
    w, h = 640, 400
    im = Image.new('RGB', (w, h), (238, 236, 228))
    d = ImageDraw.Draw(im)
    for _ in range(40):
        x, y = r.randint(0, w), r.randint(0, h)
        d.rectangle((x, y, x + r.randint(30, 90), y + r.randint(20, 70)), fill=(224, 220, 210))
    d.rectangle((0, 250, w, 300), fill=(170, 205, 235))
    for x in (80, 240, 420, 560):
        d.line([(x, 0), (x + 30, h)], fill=(255, 255, 255), width=12)
    for y in (60, 170, 340):
        d.line([(0, y), (w, y - 20)], fill=(255, 230, 150), width=14)
    d.rectangle((300, 120, 360, 230), fill=(190, 222, 170))
    px, py = 268, 150
    d.ellipse((px - 14, py - 40, px + 14, py - 12), fill=(220, 40, 40))
    d.polygon([(px - 10, py - 20), (px + 10, py - 20), (px, py)], fill=(220, 40, 40))
    d.ellipse((px - 5, py - 31, px + 5, py - 21), fill=(255, 255, 255))
    return png(im)


def licence_photo(rows: list[tuple[str, str]], title: str = '营业执照') -> bytes:
    w, h = 1000, 700
    im = Image.new('RGB', (w, h), (250, 246, 236))
    d = ImageDraw.Draw(im)
    d.rectangle((20, 20, w - 20, h - 20), outline=(190, 40, 40), width=8)
    ft = ImageFont.truetype(FONT_B, 56, index=2)
    f = ImageFont.truetype(FONT, 24, index=2)
    d.text((w // 2, 90), title, font=ft, fill=(170, 30, 30), anchor='mm')
    y = 170
    for k, v in rows:
        d.text((80, y), k, font=f, fill=(40, 40, 40))
        lines = [v[i:i + 28] for i in range(0, len(v), 28)] or ['']
        for ln in lines:
            d.text((280, y), ln, font=f, fill=(40, 40, 40))
            y += 36
        y += 6
    d.ellipse((720, 470, 900, 650), outline=(210, 40, 40), width=6)
    d.text((810, 560), '登记机关', font=f, fill=(210, 40, 40), anchor='mm')
    return png(im)
