"""Pictures of rendered pages: what a reader of the report sees beside each finding.

Pictures are most of an audit's CPU (docs/performance.md), so a page is photographed
where the pictures are used, not everywhere:

* the **homepage** whole (its top and its bottom when very long): the record of what a
  visitor saw, appended to rectification notices;
* on **every page**, the bands across it that hold a box the rules cite (an ICP number,
  a phone, a link…), so every finding gets its cropped picture (auditor/evidence.py);
* with ``whole_pages`` (``--whole-pages``), every page whole, as the homepage.

A page whose text no rule cites (a privacy policy judged on its wording) keeps its
rendered DOM copy and its text in the snapshot; a picture of it would show nothing more.
"""

from __future__ import annotations

import asyncio
import base64
import inspect
import logging
from collections.abc import Awaitable, Sequence
from typing import Any

from playwright.async_api import Page

from auditor.browse import devtools
from auditor.browse.browser import VIEWPORT
from auditor.browse.sitefiles import SiteFiles
from auditor.errors import short_error
from auditor.models import BBox, Screenshot

log = logging.getLogger(__name__)
SCREENSHOT_TIMEOUT_S = 10.0
JPEG = {"format": "jpeg", "quality": 75, "optimizeForSpeed": True}  # DevTools parameters of every picture
BAND_MARGIN = 60.0  # above and below a cited box: the crop shows 40 px of surroundings (evidence.MARGIN_Y)
BAND_JOIN = 200.0  # boxes closer than this share one band (one picture, not two)
MAX_BANDS = 8  # per page; the bands of a page that cites more are left without a picture


async def photograph(page: Page, files: SiteFiles, name: str, clip: tuple[float, float, float, float] | None = None,
                     beyond_viewport: bool = False) -> None:
    """A JPEG of the viewport, or of `clip` (x, y, width, height in page coordinates), handed to `files` as `name`.

    Straight through the DevTools protocol rather than page.screenshot(): that one also
    waits for fonts and hides the caret (done or moot once a page has settled) and cannot
    ask for fast encoding; this way pictures cost about a quarter less CPU.
    `beyond_viewport` lets the clip reach outside the viewport: Chromium then lays out and
    rasters the page at the clip's size, which is what a whole-page picture costs.
    """
    params: dict[str, Any] = dict(JPEG)
    if clip is not None:
        params["clip"] = {"x": clip[0], "y": clip[1], "width": clip[2], "height": clip[3], "scale": 1}
    if beyond_viewport:
        params["captureBeyondViewport"] = True
    async with asyncio.timeout(SCREENSHOT_TIMEOUT_S):
        shot = await devtools.send(page, "Page.captureScreenshot", params)
    data = shot["data"]
    files.write(name, lambda: base64.b64decode(data))  # decoded in the writer's thread, off the event loop


def bands(boxes: Sequence[BBox], page_height: float, max_height: float) -> list[tuple[float, float]]:
    """The horizontal bands (top, bottom) to photograph so that every box is in one, with a margin.

    A box taller than a band may be is left out: a crop of it would not be readable anyway.
    """
    spans = sorted((max(0.0, y - BAND_MARGIN), min(page_height, y + h + BAND_MARGIN))
                   for _, y, _, h in boxes if h + 2 * BAND_MARGIN <= max_height and y < page_height)
    joined: list[tuple[float, float]] = []
    for top, bottom in spans:
        if joined and top - joined[-1][1] <= BAND_JOIN and max(bottom, joined[-1][1]) - joined[-1][0] <= max_height:
            joined[-1] = (joined[-1][0], max(bottom, joined[-1][1]))
        else:
            joined.append((top, bottom))
    return joined[:MAX_BANDS]


async def take_pictures(page: Page, kind: str, files: SiteFiles, size: tuple[float, float],
                        cited: Sequence[BBox] | Awaitable[Sequence[BBox]], whole: bool, max_whole_height: float
                        ) -> list[Screenshot]:
    """Photograph the page as described in the module text; never raises for the page's sake.

    `cited` may still be being worked out (the rules judging the page): it is waited for once
    the page is photographed whole, so the judging and the whole picture go on at once.
    """
    viewport = page.viewport_size or VIEWPORT
    width, height = max(size[0], 1.0), max(size[1], 1.0)
    shots: list[Screenshot] = []
    try:
        if whole:
            shots = await _whole(page, kind, files, width, height, max_whole_height, viewport["height"])
        boxes = await cited if inspect.isawaitable(cited) else cited
        wanted = [box for box in boxes if not any(shot.shows(box) for shot in shots)]
        for number, (top, bottom) in enumerate(bands(wanted, height, viewport["height"]), start=1):
            # The band goes to the middle of the viewport: a sticky header or footer, drawn at
            # the viewport's edges, must not cover the evidence. A page no taller than the
            # viewport cannot scroll: it is photographed as it stands (a round trip less).
            if height > viewport["height"]:
                await _scroll(page, top - (viewport["height"] - (bottom - top)) / 2)
            name = f"{kind}-part{number}.jpg"
            await photograph(page, files, name, (0, top, min(width, viewport["width"]), bottom - top))
            shots.append(Screenshot(file=name, y=top, height=bottom - top))
    except Exception as exc:  # noqa: BLE001 - pictures are evidence extras: a failure costs them, never the site
        log.info("pictures of %s (%.0f×%.0f) stopped: %s", page.url, width, height, short_error(exc))
    return shots


async def _whole(page: Page, kind: str, files: SiteFiles, width: float, height: float, max_height: float,
                 viewport_height: int) -> list[Screenshot]:
    """All of the page when short; else its top and its bottom.

    Rastering a very tall page in one piece takes minutes (a 50 MB page is millions of
    pixels tall), and disclosures sit in headers and footers.
    """
    if height <= max_height:
        await photograph(page, files, f"{kind}.jpg", (0, 0, width, height), beyond_viewport=True)
        return [Screenshot(file=f"{kind}.jpg", y=0, height=height)]
    shots = []
    for part, target in (("top", 0.0), ("bottom", height)):
        scrolled = await _scroll(page, target)
        name = f"{kind}-{part}.jpg"
        await photograph(page, files, name)
        shots.append(Screenshot(file=name, y=scrolled, height=float(viewport_height)))
    return shots


async def _scroll(page: Page, y: float) -> float:
    """Scroll to `y` (the browser keeps it within the page); where the viewport's top now is."""
    return float(await page.evaluate("(y) => { window.scrollTo(0, y); return window.scrollY; }", y))


BOX_SCALE = 2.0  # a picture's box is photographed at twice its CSS size: small text stays legible


async def box_pixels(page: Page, box: BBox) -> bytes | None:
    """A PNG of one box of the page (a picture's pixels, as a visitor sees it); None when it cannot be taken."""
    x, y, w, h = box
    if w < 4 or h < 4:
        return None
    viewport = page.viewport_size or VIEWPORT
    try:
        top = await _scroll(page, y - max(0.0, (viewport["height"] - h) / 2))
        if y < top or y + h > top + viewport["height"]:
            return None  # taller than the viewport, or the page would not scroll there
        async with asyncio.timeout(SCREENSHOT_TIMEOUT_S):
            shot = await devtools.send(page, "Page.captureScreenshot", {
                "format": "png", "clip": {"x": x, "y": y, "width": w, "height": h, "scale": BOX_SCALE}})
    except Exception as exc:  # noqa: BLE001 - a picture's pixels are an extra: without them it stays unread
        log.info("no pixels of %s at %s: %s", page.url, box, short_error(exc))
        return None
    return base64.b64decode(shot["data"])
