"""The bytes of a picture a page shows, as the page already has them: never fetched a second time.

In order of preference:

1. **The response the browser received** for the picture (or for the page, when the page
   *is* a picture: a licence link that opens ``licence.jpg``). These are the site's own
   bytes: full resolution (a licence thumbnail shown at 120×40 is read at its 240×80), and
   their hash names the same file on every site that serves it (the run's cache). Taken
   from the browser's memory over the DevTools protocol (``Page.getResourceContent``, which
   reads the page's resources as loaded and never asks the network) while the page is still open.
2. **A data: URL** in the page: decoded.
3. **The pixels of its box** on the page, photographed at twice the scale, when neither
   is there (a picture a frame of the page loaded, one the browser no longer holds, an SVG
   Pillow cannot decode): what the visitor sees, at the size they see it.

docs/performance.md has the measured cost of each.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
from collections.abc import AsyncIterator
from urllib.parse import unquote_to_bytes

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.browse import devtools
from auditor.browse.ocrpool import Source, picture_size
from auditor.browse.pictures import box_pixels
from auditor.errors import short_error
from auditor.models import Image

log = logging.getLogger(__name__)
BODY_TIMEOUT_S = 5.0


class PictureBytes:
    """The pictures of one loaded page, read from what the browser holds of it.

    Its resources are asked for by address, in the page's frame, once a picture is wanted: no
    listener hears every response of every page for the few pictures a page has read (each of the
    browser's request events cost the auditor protocol messages to decode, issue 17).
    """

    def __init__(self, page: Page) -> None:
        self.page = page

    async def bytes_of(self, image: Image, max_bytes: int) -> tuple[bytes, Source] | None:
        """The picture's bytes (see the module text), or None when it has none within `max_bytes`."""
        if image.src.startswith("data:"):
            data = data_url_bytes(image.src, max_bytes)
            if data is not None and picture_size(data) is not None:
                return data, "data_url"
        else:
            data = await self._loaded(image.src, max_bytes)
            if data is not None and picture_size(data) is not None:
                return data, "response"
        pixels = await box_pixels(self.page, image.bbox)
        return (pixels, "screenshot") if pixels else None

    async def _loaded(self, url: str, max_bytes: int) -> bytes | None:
        try:
            async with asyncio.timeout(BODY_TIMEOUT_S):
                answer = await devtools.send(self.page, "Page.getResourceContent",
                                             {"frameId": await devtools.main_frame_id(self.page), "url": url})
        except (PlaywrightError, TimeoutError) as exc:  # not loaded by the page (a frame's, evicted), or it went
            log.info("no bytes for %s: %s", url, short_error(exc))
            return None
        content = str(answer.get("content", ""))
        if not answer.get("base64Encoded"):
            return None  # text (an HTML error page in the picture's place): no picture
        if len(content) > max_bytes * 4 // 3 + 4:
            return None
        try:
            data = base64.b64decode(content)
        except ValueError:
            return None
        return data if len(data) <= max_bytes else None


@contextlib.asynccontextmanager
async def loaded_pictures(page: Page) -> AsyncIterator[PictureBytes]:
    """The page's pictures readable while in the block: the DevTools page domain, which holds what
    the page loaded, is on in the tab's session for that time only (on, it reports every frame's
    every step to the auditor)."""
    await devtools.send(page, "Page.enable")
    try:
        yield PictureBytes(page)
    finally:
        with contextlib.suppress(PlaywrightError):
            await devtools.send(page, "Page.disable")


def data_url_bytes(url: str, max_bytes: int) -> bytes | None:
    """The payload of a data: URL (base64 or percent-encoded), if within `max_bytes`."""
    head, comma, payload = url.partition(",")
    if not comma or len(payload) > max_bytes * 4 // 3 + 4:
        return None
    try:
        return base64.b64decode(payload, validate=False) if head.endswith(";base64") else unquote_to_bytes(payload)
    except ValueError:
        return None
