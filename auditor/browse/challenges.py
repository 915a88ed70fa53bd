"""HTTP authentication challenges answered as the headless shell answers them, on every Chromium.

A site that asks for a password (HTTP 401, or 407 as if it were a proxy) meets a visitor
who has none. The headless shell (Debian's ``chromium-headless-shell``, and what
Playwright's own download runs headless) cancels the challenge by itself and shows the
server's 401 page, which the renderer reports as ``blocked`` (a login wall). Full Chromium
in headless mode waits for a login prompt that is never drawn: a homepage behind a password
fails with ``net::ERR_INVALID_AUTH_CREDENTIALS`` (it would read as ``unreachable``), and an
image, frame or ``fetch()`` behind one holds up the page's load event until the page time
limit (a footer such a script writes never comes).

So on a browser that is not a headless shell the auditor cancels every challenge itself,
through DevTools' Fetch domain on the browser target: one session covers every context,
tab, frame and pop-up. Chromium raises the challenge only for requests paused for
interception, so each request is paused and let go at once, unchanged; that costs a round
trip per request, which is why the headless shell, which needs none of it, is left alone.
"""

from __future__ import annotations

import logging
from typing import Any

from playwright.async_api import Browser, CDPSession
from playwright.async_api import Error as PlaywrightError

log = logging.getLogger(__name__)

HEADLESS_SHELL = "HeadlessChrome/"  # how a headless shell names itself (full Chromium says Chrome/…)


async def behave_as_headless_shell(browser: Browser) -> str:
    """Make `browser` cancel authentication challenges as a headless shell does; return its product name."""
    session = await browser.new_browser_cdp_session()
    product = str((await session.send("Browser.getVersion"))["product"])
    if product.startswith(HEADLESS_SHELL):
        await session.detach()
    else:
        await cancel_challenges(session)
    return product


async def cancel_challenges(session: CDPSession) -> None:
    """From now on every request goes on unchanged and every challenge is cancelled (the 401 page shows)."""

    async def let_go(event: dict[str, Any]) -> None:
        await _send(session, "Fetch.continueRequest", {"requestId": event["requestId"]})

    async def cancel(event: dict[str, Any]) -> None:
        await _send(session, "Fetch.continueWithAuth",
                    {"requestId": event["requestId"], "authChallengeResponse": {"response": "CancelAuth"}})

    session.on("Fetch.requestPaused", let_go)
    session.on("Fetch.authRequired", cancel)
    await session.send("Fetch.enable", {"handleAuthRequests": True, "patterns": [{"urlPattern": "*"}]})


async def _send(session: CDPSession, method: str, params: dict[str, Any]) -> None:
    try:
        await session.send(method, params)
    except PlaywrightError as exc:  # the request is gone (tab closed, browser closing): nothing to let go
        log.debug("%s: %s", method, exc)
