"""The bytes of a picture a page shows, as the page already has them: never fetched a second time.

In order of preference:

1. **The response the browser received** for the picture (or for the page, when the page
   *is* a picture: a licence link that opens ``licence.jpg``). These are the site's own
   bytes: full resolution (a licence thumbnail shown at 120×40 is read at its 240×80), and
   their hash names the same file on every site that serves it (the run's cache). Taken
   from the browser's memory over the DevTools protocol while the page is still open.
2. **A data: URL** in the page: decoded.
3. **The pixels of its box** on the page, photographed at twice the scale, when neither
   is there (a picture served from the memory cache raises no response event, an SVG
   Pillow cannot decode): what the visitor sees, at the size they see it.

docs/performance.md has the measured cost of each.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from urllib.parse import unquote_to_bytes

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request, Response

from auditor.browse.ocrpool import Source, picture_size
from auditor.browse.pertab import PerTab, listener
from auditor.browse.pictures import box_pixels
from auditor.errors import short_error
from auditor.models import Image

log = logging.getLogger(__name__)
MAX_KEPT = 600  # responses remembered per page (a page of 10 000 thumbnails keeps the first)
BODY_TIMEOUT_S = 5.0


class PictureResponses:
    """The picture responses of one page, by URL, from the browser's own events (bodies not read yet).

    Known by their finished requests, which the tab's network watch has the browser report
    anyway (settle.py): a listener of its own for every response was one more protocol message
    a request, for the few pictures a page has read (issue 17). A response is asked for when
    its bytes are.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self._by_url: dict[str, Request] = {}
        page.on("requestfinished", listener(self._seen))

    def _seen(self, request: Request) -> None:
        if request.resource_type in ("image", "document") and len(self._by_url) < MAX_KEPT:
            self._by_url[request.url] = request

    def reset(self) -> PictureResponses:
        """Start on the tab's next page: the last page's responses are not its pictures."""
        self._by_url.clear()
        return self

    async def bytes_of(self, image: Image, max_bytes: int) -> tuple[bytes, Source] | None:
        """The picture's bytes (see the module text), or None when it has none within `max_bytes`."""
        if image.src.startswith("data:"):
            data = data_url_bytes(image.src, max_bytes)
            if data is not None and picture_size(data) is not None:
                return data, "data_url"
        else:
            data = await self._body(image.src, max_bytes)
            if data is not None and picture_size(data) is not None:
                return data, "response"
        pixels = await box_pixels(self.page, image.bbox)
        return (pixels, "screenshot") if pixels else None

    async def _body(self, url: str, max_bytes: int) -> bytes | None:
        request = self._by_url.get(url)
        if request is None:
            return None
        try:
            async with asyncio.timeout(BODY_TIMEOUT_S):
                response = await request.response()
                if response is None or response.status >= 400:
                    return None
                if request.resource_type == "document" and not _declares_picture(response):
                    return None
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes:
                    return None
                body = await response.body()
        except (PlaywrightError, TimeoutError) as exc:  # evicted from the browser's buffer, or the page went
            log.info("no bytes for %s: %s", url, short_error(exc))
            return None
        return body if len(body) <= max_bytes else None


# The tab's picture responses, ready for the page about to load: one listener a tab (pertab.py).
picture_responses = PerTab(PictureResponses)


def _declares_picture(response: Response) -> bool:
    return response.headers.get("content-type", "").lower().startswith("image/")


def data_url_bytes(url: str, max_bytes: int) -> bytes | None:
    """The payload of a data: URL (base64 or percent-encoded), if within `max_bytes`."""
    head, comma, payload = url.partition(",")
    if not comma or len(payload) > max_bytes * 4 // 3 + 4:
        return None
    try:
        return base64.b64decode(payload, validate=False) if head.endswith(";base64") else unquote_to_bytes(payload)
    except ValueError:
        return None
