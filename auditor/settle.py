"""When a rendered page is ready to be read: scripts have finished writing it.

Pages are not done at ``load``: footers are often written afterwards by timers, late
requests or frameworks. A fixed wait would be slow on every page and still too short on
some, so each frame carries a small tracker from its first moment (settle.js) that notes
when the DOM last changed and which timers are still due. A page is settled when

* the network has been idle for 500 ms (Playwright's ``networkidle``; bounded, since
  long-polling pages never go idle), and then
* its DOM has not changed for ``settle_ms`` (counted from its last change), and
* on a homepage: footer-like text (ICP, 版权, ©) is showing, or no timer is due any more
  and ``settle_min_ms`` have passed since navigation,

or when ``settle_max_ms`` have passed since navigation, whatever the page does.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.async_api import BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

if TYPE_CHECKING:
    from auditor.render import Limits

TRACKER_JS = (Path(__file__).parent / "settle.js").read_text(encoding="utf-8")
NETWORK_IDLE_MAX_MS = 3000

# Without the tracker (a frame it could not reach) quiet is counted from this call on.
SETTLE_JS = """({quiet, max, min, footer}) => new Promise((resolve) => {
  const tracker = window[Symbol.for("auditor.settle")];
  const later = tracker ? tracker.setTimeout : setTimeout.bind(window);
  let changed = performance.now();
  const lastChange = tracker ? tracker.lastChange : () => changed;
  const observer = tracker ? null : new MutationObserver(() => { changed = performance.now(); });
  if (observer) observer.observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  const marker = /ICP|公网安备|版权|©|copyright/i;
  let footerSeen = !footer;
  let readAt = null;  // the page as of this change was read for a footer (innerText is costly on huge pages)
  const footerDone = (now) => {
    if (!footerSeen && readAt !== lastChange()) {
      readAt = lastChange();
      footerSeen = marker.test((document.body && document.body.innerText || "").slice(-8000));
    }
    return footerSeen || (now >= min && !(tracker && tracker.dueBefore(max)));
  };
  const check = () => {
    const now = performance.now();
    if (now >= max || (now - lastChange() >= quiet && footerDone(now))) {
      if (observer) observer.disconnect();
      resolve(true);
    } else {
      later(check, 100);
    }
  };
  check();
})"""


async def install_tracker(context: BrowserContext) -> None:
    """Give every page of the context the tracker, before any of the site's scripts run."""
    await context.add_init_script(script=TRACKER_JS)


async def settle(page: Page, limits: Limits, footer: bool = False) -> None:
    """Wait until the page is settled (see the module text); never raises for the page's sake."""
    # Network first: a late response may still write the page. The DOM's quiet is then
    # counted from its last change, so a page that stopped changing during the network
    # wait is read at once.
    with contextlib.suppress(PlaywrightError):
        await page.wait_for_load_state("networkidle", timeout=min(NETWORK_IDLE_MAX_MS, limits.settle_max_ms))
    with contextlib.suppress(PlaywrightError):
        await page.evaluate(SETTLE_JS, {"quiet": limits.settle_ms, "max": limits.settle_max_ms,
                                        "min": limits.settle_min_ms, "footer": footer})
