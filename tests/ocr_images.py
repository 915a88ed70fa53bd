"""Pictures of the numbers sites show only as images, drawn with Pillow and the installed CJK fonts.

The OCR benchmark (bench/ocr.py) and its tests (tests/test_ocr.py) read these; the demo's
licence scan (auditor/demo_sites/shop/licence.jpg) is :func:`licence_scan` of the demo shop.
Each :class:`Sample` says which key numbers it shows (the values the scanner gives for
them, auditor/identifiers.py): a read is exact when it finds every one of them, and any
other key number found is an invented one.

    footer strips   12–16 px text, grey on light grey, dark on white, light on dark
    badges          a 20 px strip with an emblem (police, MIIT, telecom, culture)
    licence scans   business licence (name + credit code), value-added telecom, 网文 and
                    ICP licences, rotated, blurred, JPEG-noisy, with a red seal
    no number       logos, slogans, a phone line, a product photo, noise
"""

from __future__ import annotations

import io
import random
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from auditor.identifiers import uscc_check_char


@dataclass(frozen=True)
class Sample:
    name: str
    category: str  # strip, badge, licence, none
    data: bytes  # the picture as a site would serve it (PNG or JPEG)
    numbers: frozenset[str]  # the key numbers it shows, as the scanner writes them


@cache
def cjk_font(style: str = "Sans", bold: bool = False) -> tuple[str, int]:
    """File and face index of a Simplified-Chinese Noto face, as fontconfig finds it (fc-list :lang=zh)."""
    pattern = f"Noto {style} CJK SC" + (":bold" if bold else "")
    out = subprocess.run(["fc-match", "-f", "%{file}|%{index}", pattern], capture_output=True, text=True,
                         check=True).stdout
    path, _, index = out.partition("|")
    if "CJK" not in path:
        raise RuntimeError(f"no CJK font for {pattern!r} (fc-list :lang=zh is empty: install fonts-noto-cjk)")
    return path, int(index or 0)


def font(px: int, style: str = "Sans", bold: bool = False) -> ImageFont.FreeTypeFont:
    path, index = cjk_font(style, bold)
    return ImageFont.truetype(path, px, index=index)


def encode(picture: Image.Image, fmt: str = "PNG", quality: int = 85) -> bytes:
    out = io.BytesIO()
    picture.convert("RGB").save(out, fmt, quality=quality) if fmt == "JPEG" else picture.save(out, fmt)
    return out.getvalue()


# --- numbers ------------------------------------------------------------------------------

PROVINCES = [("京", "11"), ("沪", "31"), ("浙", "33"), ("粤", "44"), ("苏", "32"), ("川", "51")]


def uscc(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + rng.choice(["110108", "310115", "330106", "440300", "320505"]) + "".join(
        rng.choice(alphabet) for _ in range(9))
    return body + uscc_check_char(body)


def icp(rng: random.Random) -> str:
    prov = rng.choice(PROVINCES)[0]
    return f"{prov}ICP备{rng.randint(2015, 2025)}{rng.randint(0, 999999):06d}号-{rng.randint(1, 9)}"


def psb(rng: random.Random) -> str:
    prov, code = rng.choice(PROVINCES)
    return f"{prov}公网安备{code}{rng.randint(0, 999999999999):012d}号"


def telecom(rng: random.Random) -> str:
    return f"{rng.choice(PROVINCES)[0]}B2-{rng.randint(2015, 2025)}{rng.randint(0, 9999):04d}"


def culture(rng: random.Random) -> str:
    year, number, serial = rng.randint(2019, 2025), rng.randint(1000, 9999), rng.randint(100, 999)
    return f"{rng.choice(PROVINCES)[0]}网文〔{year}〕{number}-{serial}号"


def icp_licence(rng: random.Random) -> str:
    return f"{rng.choice(PROVINCES)[0]}ICP证{rng.randint(10000, 999999):06d}号"


# --- pictures -----------------------------------------------------------------------------


def strip(text: str, px: int, fg: str = "#666666", bg: str = "#eeeeee", pad: int = 6) -> Image.Image:
    """One line of footer text as a picture, as sites draw their filing numbers."""
    face = font(px)
    left, top, right, bottom = face.getbbox(text)
    picture = Image.new("RGB", (right - left + 2 * pad, max(px + 4, bottom - top) + 2 * pad // 2 + 2), bg)
    ImageDraw.Draw(picture).text((pad - left, (picture.height - (bottom - top)) // 2 - top), text, font=face, fill=fg)
    return picture


def badge(text: str, emblem: str, px: int = 20) -> Image.Image:
    """A filing badge: an emblem (a coloured disc with a character) before the number."""
    line = strip(text, px, fg="#333333", bg="#ffffff")
    size = line.height
    picture = Image.new("RGB", (line.width + size + 4, size), "#ffffff")
    draw = ImageDraw.Draw(picture)
    colour = {"警": "#1d4ed8", "工": "#b91c1c", "电": "#047857", "文": "#7c3aed"}[emblem]
    draw.ellipse((2, 2, size - 2, size - 2), fill=colour)
    face = font(int(size * 0.5), bold=True)
    draw.text((size / 2, size / 2), emblem, font=face, fill="#ffffff", anchor="mm")
    picture.paste(line, (size + 4, 0))
    return picture


def seal(picture: Image.Image, centre: tuple[int, int], radius: int, words: str) -> None:
    """A red company seal, half transparent, as stamped over a licence."""
    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    x, y = centre
    red = (210, 30, 30, 150)
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=red, width=max(3, radius // 14))
    draw.regular_polygon((x, y, radius // 4), 5, fill=red)
    face = font(max(10, radius // 5), bold=True)
    draw.text((x, y + radius // 2), words, font=face, fill=red, anchor="mm")
    picture.paste(layer, (0, 0), layer)


def licence_scan(title: str, rows: list[tuple[str, str]], width: int = 900, px: int = 24,
                 seal_words: str | None = None, seal_over: int = 0, seal_x: float = 0.72) -> Image.Image:
    """A licence as photographed or scanned: a bordered sheet, its title, labelled rows, a seal.

    `seal_over`: the row the seal is stamped across (its value still legible through the red),
    `seal_x` where along it (a fraction of the width).
    """
    line = int(px * 1.9)
    height = 170 + line * len(rows) + 120
    picture = Image.new("RGB", (width, height), "#f7f3e8")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((12, 12, width - 12, height - 12), outline="#b45309", width=6)
    draw.rectangle((24, 24, width - 24, height - 24), outline="#b45309", width=2)
    draw.text((width / 2, 90), title, font=font(px * 2, "Serif", bold=True), fill="#111111", anchor="mm")
    face = font(px, "Serif")
    for i, (label, value) in enumerate(rows):
        y = 170 + i * line
        draw.text((70, y), label, font=face, fill="#222222")
        draw.text((70 + px * 9, y), value, font=face, fill="#111111")
    if seal_words:
        y = 170 + seal_over * line + px // 2
        seal(picture, (int(width * seal_x), y), int(px * 3.2), seal_words)
    return picture


def degrade(picture: Image.Image, rng: random.Random, rotate: float = 0.0, blur: float = 0.0,
            quality: int = 85) -> bytes:
    """As it reaches a site: turned a little on the scanner, soft, and saved as JPEG."""
    if rotate:
        picture = picture.rotate(rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="#ffffff")
    if blur:
        picture = picture.filter(ImageFilter.GaussianBlur(blur))
    noisy = picture.copy()
    pixels = noisy.load()
    assert pixels is not None
    for _ in range(noisy.width * noisy.height // 60):  # scanner dust
        x, y = rng.randrange(noisy.width), rng.randrange(noisy.height)
        pixels[x, y] = (rng.randint(120, 200),) * 3
    return encode(noisy, "JPEG", quality)


def business_licence(name: str, code: str, rng: random.Random, seal_x: float = 0.72) -> Image.Image:
    return licence_scan("营业执照", [
        ("统一社会信用代码", code), ("名称", name), ("类型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", rng.choice(["张伟", "王芳", "李娜", "刘洋"])), ("注册资本", "壹佰万元整"),
        ("成立日期", f"{rng.randint(2010, 2024)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
        ("住所", "浙江省杭州市西湖区文三路90号")], seal_words=name[:6], seal_over=1, seal_x=seal_x)


def demo_licence() -> bytes:
    """The demo shop's licence scan (auditor/demo_sites/shop/licence.jpg)."""
    rng = random.Random(2026)
    picture = business_licence("杭州小满数码科技有限公司", "91330106MA2KX8N549", rng)
    return degrade(picture, rng, rotate=0.8, blur=0.4, quality=80)


# --- the benchmark set ---------------------------------------------------------------------


def samples(seed: int = 14) -> Iterator[Sample]:
    """The benchmark's pictures (at least 40), the same every time for a seed."""
    rng = random.Random(seed)
    yield from _strips(rng)
    yield from _badges(rng)
    yield from _licences(rng)
    yield from _without_numbers(rng)


def _strips(rng: random.Random) -> Iterator[Sample]:
    # grey on light grey (the usual footer), dark on white, light on dark, pale on white (low contrast)
    colours = [("#666666", "#eeeeee"), ("#333333", "#ffffff"), ("#dddddd", "#333333"), ("#aaaaaa", "#f4f4f4")]
    for i, px in enumerate([12, 12, 13, 14, 14, 15, 16, 16, 12, 14, 16, 13]):
        fg, bg = colours[i % len(colours)]
        fmt = "JPEG" if i % 4 == 1 else "PNG"  # some sites serve their footer picture as a JPEG
        first, second = icp(rng), psb(rng)
        if i % 3 == 0:
            numbers, text = {first, second}, f"备案号：{first}  {second}"
        elif i % 3 == 1:
            numbers, text = {first}, f"Copyright © 2026 版权所有 {first}"
        else:
            numbers, text = {second}, second
        yield Sample(f"strip-{px}px-{i}", "strip", encode(strip(text, px, fg, bg), fmt, 60), frozenset(numbers))


def _badges(rng: random.Random) -> Iterator[Sample]:
    makers = [("警", psb, ""), ("工", icp, ""), ("电", telecom, "增值电信业务经营许可证："), ("文", culture, ""),
              ("工", icp_licence, "")]
    for i in range(10):
        emblem, make, lead = makers[i % len(makers)]
        number = make(rng)
        yield Sample(f"badge-{emblem}-{i}", "badge", encode(badge(lead + number, emblem, px=rng.choice([18, 20, 22]))),
                     frozenset({number}))


def _licences(rng: random.Random) -> Iterator[Sample]:
    names = ["杭州青禾茶业有限公司", "上海星河网络科技有限公司", "深圳市云帆电子商务有限公司",
             "北京乐游互动娱乐有限公司", "苏州禾木文化传媒有限公司", "成都蜀道信息技术有限公司"]
    for i in range(14):
        name = names[i % len(names)]
        kind = i % 4
        seal_x = [0.72, 0.6, 0.5][i % 3]  # beside the number, on its end, across its middle
        if kind == 0 or kind == 3:
            number = uscc(rng)
            picture = business_licence(name, number, rng, seal_x)
        elif kind == 1:
            number = telecom(rng)
            picture = licence_scan("增值电信业务经营许可证", [
                ("公司名称", name), ("经营许可证编号", number), ("业务种类", "第二类增值电信业务"),
                ("业务覆盖范围", "全国"), ("有效期至", "2029年12月31日")], seal_words="工业和信息化部", seal_over=1,
                seal_x=seal_x)
        else:
            number = culture(rng)
            picture = licence_scan("网络文化经营许可证", [
                ("单位名称", name), ("许可证编号", number), ("经营范围", "利用信息网络经营游戏产品"),
                ("有效期", "2025年1月至2028年1月")], seal_words="文化和旅游厅", seal_over=1,
                seal_x=seal_x)
        rotate = [0.0, 1.5, -2.5, 4.0, -1.0, 0.5, -5.0][i % 7]
        blur = [0.0, 0.6, 1.2, 0.3][i % 4]
        quality = [85, 60, 40, 30][(i // 2) % 4]
        width = rng.choice([640, 800, 1200, 1600, 2400])  # a thumbnail-sized scan has 15 px text
        scaled = picture.resize((width, round(picture.height * width / picture.width)))
        yield Sample(f"licence-{kind}-{i}-r{rotate}-b{blur}-q{quality}", "licence",
                     degrade(scaled, rng, rotate, blur, quality), frozenset({number}))


def _without_numbers(rng: random.Random) -> Iterator[Sample]:
    texts = ["小满数码 · 品质好物", "全场满99包邮 下单后48小时内发货", "客服热线：400-820-8820", "扫码关注公众号",
             "新品上市 限时八折", "Copyright © 2026 Example Inc. All rights reserved."]
    for i, text in enumerate(texts):
        picture = strip(text, rng.choice([14, 18, 28]), fg="#1f2937", bg=rng.choice(["#ffffff", "#fde68a"]))
        yield Sample(f"none-text-{i}", "none", encode(picture), frozenset())
    photo = Image.effect_mandelbrot((480, 320), (-2.0, -1.2, 1.0, 1.2), 60).convert("RGB")
    yield Sample("none-photo", "none", encode(photo, "JPEG", 70), frozenset())
    noise = Image.effect_noise((320, 320), 64).convert("RGB")
    yield Sample("none-noise", "none", encode(noise), frozenset())
    logo = Image.new("RGB", (300, 120), "#065f46")
    ImageDraw.Draw(logo).text((150, 60), "小满", font=font(64, bold=True), fill="#ffffff", anchor="mm")
    yield Sample("none-logo", "none", encode(logo), frozenset())
