"""The pictures of the bands the rules cite (auditor/browse/pictures.py), in a browser: each shows its box,
on a page that fits the viewport (photographed as it stands) as on one that must be scrolled to it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image
from playwright.async_api import async_playwright

from auditor.browse.browser import VIEWPORT, launch
from auditor.browse.pictures import take_pictures
from auditor.browse.sitefiles import SiteFiles

pytestmark = [pytest.mark.browser, pytest.mark.every_browser]

GREEN = (0, 160, 0)
# A cited box drawn solid green at `top`; a sticky white bar at the viewport's top, as many sites have.
PAGE = ("<body style='margin:0;height:{height}px;background:#fff'>"
        "<div style='position:sticky;top:0;height:100px;background:#fff'></div>"
        "<div style='position:absolute;left:100px;top:{top}px;width:300px;height:40px;background:rgb(0,160,0)'>"
        "</div></body>")


def _band(tmp_path: Path, height: int, top: int, judged_later: bool = False) -> tuple[float, tuple[int, int, int]]:
    """Photograph the band holding the green box; where the picture starts on the page, and its pixel
    at the box's centre. `judged_later`: the box is still being worked out when the pictures begin."""
    box = (100.0, float(top), 300.0, 40.0)

    async def later() -> list[tuple[float, float, float, float]]:
        await asyncio.sleep(0.3)
        return [box]

    async def go() -> list[tuple[float, str]]:
        async with async_playwright() as pw:
            browser, _ = await launch(pw)
            page = await (await browser.new_context(viewport=VIEWPORT)).new_page()
            await page.set_content(PAGE.format(height=height, top=top))
            files = SiteFiles(tmp_path)
            cited = asyncio.ensure_future(later()) if judged_later else [box]
            shots = await take_pictures(page, "about", files, (VIEWPORT["width"], height), cited,
                                        whole=False, max_whole_height=10000)
            assert await files.written() == set()
            await browser.close()
            return [(shot.y, shot.file) for shot in shots]

    [(y, file)] = asyncio.run(go())
    with Image.open(tmp_path / file) as picture:
        pixel = picture.convert("RGB").getpixel((250, int(top + 20 - y)))
    return y, pixel


def _green(pixel: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 24 for a, b in zip(pixel, GREEN, strict=True))  # JPEG shifts colours a little


def test_a_box_on_a_page_that_fits_the_viewport_is_photographed_where_it_stands(need_browser: None,
                                                                                 tmp_path: Path) -> None:
    y, pixel = _band(tmp_path, height=VIEWPORT["height"] - 100, top=40)  # under the sticky bar's place
    assert _green(pixel), pixel
    assert y == 0  # the band is the top of the page, margin cut at the page's edge


def test_a_box_far_down_a_tall_page_is_scrolled_to_and_not_hidden_by_a_sticky_bar(need_browser: None,
                                                                                  tmp_path: Path) -> None:
    y, pixel = _band(tmp_path, height=6000, top=4000)
    assert _green(pixel), pixel
    assert y > 0


def test_a_box_still_being_judged_when_the_pictures_begin_is_photographed_once_it_is_known(
        need_browser: None, tmp_path: Path) -> None:
    y, pixel = _band(tmp_path, height=6000, top=4000, judged_later=True)
    assert _green(pixel), pixel
    assert y > 0
