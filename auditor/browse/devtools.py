"""One DevTools session per tab, for what Playwright's API does not offer (fast JPEG pictures,
a world of our own to run a script in).

A session per call costs two protocol round trips (open, detach) on top of the call: with
several pictures and a DOM copy per page that was a tenth of the auditor's own CPU per page
(issue 17). A tab keeps its session for its life; one that was closed under us (the tab
crashed, the browser was recycled) is opened again once.
"""

from __future__ import annotations

import json
import weakref
from typing import Any

from playwright.async_api import CDPSession, Page
from playwright.async_api import Error as PlaywrightError

_SESSIONS: weakref.WeakKeyDictionary[Page, CDPSession] = weakref.WeakKeyDictionary()
GONE = ("closed", "detached", "not attached", "no session")  # words of an error that says the session is dead


async def _session(page: Page) -> CDPSession:
    session = _SESSIONS.get(page)
    if session is None:
        session = await page.context.new_cdp_session(page)
        _SESSIONS[page] = session
    return session


async def send(page: Page, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Send one DevTools command on the tab's session."""
    try:
        result: dict[str, Any] = await (await _session(page)).send(method, params)
    except PlaywrightError as exc:
        if not any(word in str(exc).lower() for word in GONE) or page.is_closed():
            raise
        _SESSIONS.pop(page, None)
        result = await (await _session(page)).send(method, params)
    return result


# A tab's main frame keeps its DevTools id across navigations: asked once a tab, not once a page.
_MAIN_FRAMES: weakref.WeakKeyDictionary[Page, str] = weakref.WeakKeyDictionary()


async def main_frame_id(page: Page, fresh: bool = False) -> str:
    """The DevTools id of the tab's main frame (`fresh`: asked again, not remembered)."""
    frame = None if fresh else _MAIN_FRAMES.get(page)
    if frame is None:
        tree = await send(page, "Page.getFrameTree")
        frame = _MAIN_FRAMES[page] = str(tree["frameTree"]["frame"]["id"])
    return frame


# What the protocol says of a world whose document has gone (the page navigated under the call):
# said as Playwright says it, so that the reader's callers wait out the navigation as for its calls.
_NAVIGATED = ("cannot find context", "context was destroyed", "no frame for given id", "frame with the given id")


async def evaluate_isolated(page: Page, function: str, argument: Any) -> Any:
    """`function(argument)` run in a fresh world of its own in the tab's main frame, its value returned.

    The page's scripts share that world's DOM but not its JavaScript: what they redefine
    (JSON.stringify, String.prototype.replace, Element getters …) is not what the function calls.
    An exception in the function is a PlaywrightError with its message.
    """
    try:
        try:
            world = await send(page, "Page.createIsolatedWorld", {
                "frameId": await main_frame_id(page), "worldName": "auditor"})
        except PlaywrightError:  # the remembered frame is gone (should a navigation ever replace it): ask again
            world = await send(page, "Page.createIsolatedWorld", {
                "frameId": await main_frame_id(page, fresh=True), "worldName": "auditor"})
        result = await send(page, "Runtime.evaluate", {
            "expression": f"({function})({json.dumps(argument)})", "contextId": world["executionContextId"],
            "returnByValue": True})
    except PlaywrightError as exc:
        if any(words in str(exc).lower() for words in _NAVIGATED):
            raise PlaywrightError(f"Execution context was destroyed, most likely because of a navigation ({exc})"
                                  ) from exc
        raise
    if "exceptionDetails" in result:
        details = result["exceptionDetails"]
        raise PlaywrightError(str((details.get("exception") or {}).get("description") or details.get("text")))
    return result["result"].get("value")
