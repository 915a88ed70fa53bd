"""When a rendered page is ready to be read: scripts have finished writing it.

Pages are not done at ``load``: footers are often written afterwards by timers, late
requests or frameworks. A fixed wait would be slow on every page and still too short on
some, so each frame carries a small tracker from its first moment (settle.js) that notes
when the DOM last changed and which timers are still due. A page is settled when

* nothing the page loads has been in flight for ``network_quiet_ms`` (bounded, since
  long-polling pages never go quiet): its own requests and its elements' loads (scripts,
  stylesheets, pictures), as its tracker counts them (settle.js; the browser's request events
  cost the auditor five protocol messages a request, issue 17), and then
* its DOM has not changed, nor has one of its own requests or scripts started or ended, for
  ``settle_ms``, and
* it shows what it is read for — a homepage footer-like text (ICP, 版权, ©), any other
  page ``settle_min_text`` characters of text (a single-page app writes its agreement
  after a fetch) — or no timer is due any more, none of the page's own requests (fetch,
  XMLHttpRequest) nor a script it added is in flight, and ``settle_min_ms`` have passed since navigation (at once on a
  page that never had a script, nor a frame, plug-in or handler attribute: nothing can
  write it later, and a short static "联系我们" page was a second and a half of waiting),

or when ``settle_max_ms`` have passed since navigation, whatever the page does.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from playwright.async_api import BrowserContext, Page, Request
from playwright.async_api import Error as PlaywrightError

from auditor.browse.pertab import PerTab, listener
from auditor.options import Limits

TRACKER_JS = (Path(__file__).parent / "settle.js").read_text(encoding="utf-8")
NETWORK_IDLE_MAX_MS = 3000

# Without the tracker (a frame it could not reach) quiet is counted from this call on.
SETTLE_JS = """({netQuiet, netMax, quiet, max, min, footer, minText}) => new Promise((resolve) => {
  const tracker = window[Symbol.for("auditor.settle")];
  // Network first: a late response may still write the page. The DOM's quiet is then counted
  // from its last change, so a page that stopped changing during the network wait is read at once.
  const netEnd = performance.now() + netMax;  // from this call, however late the page loaded
  let netDone = !tracker;  // a frame the tracker could not reach: its DOM's quiet alone
  const later = tracker ? tracker.setTimeout : setTimeout.bind(window);
  let changed = performance.now();
  const lastChange = tracker ? tracker.lastChange : () => changed;
  const lastActivity = tracker ? tracker.lastActivity : lastChange;  // a request ending: its answer is written next
  const observer = tracker ? null : new MutationObserver(() => { changed = performance.now(); });
  if (observer) observer.observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  const marker = /ICP|公网安备|版权|©|copyright/i;
  let shown = !footer && !minText;  // what the page is read for is showing
  let readAt = null;  // the page as of this change was read (innerText is costly on huge pages)
  let asWritten = false;  // and had no script, nor anything else that runs: nothing will write it later
  const footerDone = (now) => {
    if (!shown && readAt !== lastChange()) {
      readAt = lastChange();
      const text = document.body && document.body.innerText || "";
      shown = footer ? marker.test(text.slice(-8000)) : text.replace(/\\s+/g, "").length >= minText;
      asWritten = !shown && now < min && !!tracker && tracker.scriptless();
    }
    return shown || ((now >= min || asWritten) && !(tracker && (tracker.dueBefore(max) || tracker.inFlight())));
  };
  const check = () => {
    const now = performance.now();
    netDone = netDone || now >= netEnd || tracker.networkQuiet(netQuiet);
    if (netDone && (now >= max || (now - lastActivity() >= quiet && footerDone(now)))) {
      if (observer) observer.disconnect();
      resolve(true);
    } else {
      later(check, 50);
    }
  };
  check();
})"""


async def install_tracker(context: BrowserContext) -> None:
    """Give every page of the context the tracker, before any of the site's scripts run."""
    await context.add_init_script(script=TRACKER_JS)


class DocumentWatch:
    """Why the transfer of a tab's page itself broke off (a cut page, issue 13), by the address it had.

    Heard from the browser's failed requests alone: the only per-request event the auditor asks
    for, and a rare one (what a page loads is counted in the page, settle.js).
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.failures: dict[str, str] = {}
        self._failed_heard = listener(self._failed)
        page.on("requestfailed", self._failed_heard)

    def stop(self) -> None:
        self.page.remove_listener("requestfailed", self._failed_heard)

    def reset(self) -> DocumentWatch:
        """Start watching the tab's next page: the last one's failures are not its business."""
        self.failures.clear()
        return self

    def _failed(self, request: Request) -> None:
        failure = request.failure or ""
        # ERR_ABORTED: a newer navigation replaced this one, which is no cut.
        if request.is_navigation_request() and request.frame == self.page.main_frame and "ERR_ABORTED" not in failure:
            self.failures[request.url] = failure or "failed"


# The tab's document watch, ready for the page about to load: one watch a tab (pertab.py).
watch_document = PerTab(DocumentWatch)


async def settle(page: Page, limits: Limits, footer: bool = False, document: bool = False) -> None:
    """Wait until the page is settled (see the module text); never raises for the page's sake.

    `footer`: a homepage, read for its footer; `document`: another page a rule reads, read for its text.
    """
    with contextlib.suppress(PlaywrightError):
        await page.evaluate(SETTLE_JS, {
            "netQuiet": limits.network_quiet_ms, "netMax": min(NETWORK_IDLE_MAX_MS, limits.settle_max_ms),
            "quiet": limits.settle_ms, "max": limits.settle_max_ms, "min": limits.settle_min_ms, "footer": footer,
            "minText": limits.settle_min_text if document and not footer else 0})


# A footer may be written only once the visitor scrolls to it: an IntersectionObserver, or a scroll
# handler, fetches it, often after a short debounce timer. So the homepage is read as seen after
# scrolling to its end. Once the page's intersection observers have been told of the scroll (an
# observer of our own is told in the same delivery; a page that draws no frame, so tells no
# observer, is waited for FRAMES_MAX_MS), and two frames later (what an observer put off to the
# next frame has begun by then), the page is settled again by what the scroll began
# (SINCE_JS): every timer set and every load started since the scroll and due within
# SCROLL_MAX_MS is waited for, and then the DOM's and the network's quiet. A page on which the
# scroll began nothing (the usual case) is read at once; one whose footer was there before is
# waited for all the same (its ICP number may be the part written late). Counting two frames
# instead was not enough: after a long task the browser draws frames before it delivers the
# observers' news.
SCROLL_MAX_MS = 2000
FRAMES_MAX_MS = 1000
SINCE_JS = """({since, max, quiet}) => new Promise((resolve) => {
  const tracker = window[Symbol.for("auditor.settle")];
  if (!tracker) { resolve(false); return; }  // a frame the tracker could not reach: settled by settle()
  const check = () => {
    const now = performance.now();
    const active = Math.max(tracker.lastActivity(), tracker.lastLoad());  // a picture come into view loaded
    if (now >= max || !(tracker.busySince(since, max) || (active >= since && now - active < quiet))) resolve(true);
    else tracker.setTimeout(check, 50);
  };
  check();
})"""
SCROLL_JS = """({bound, framesMax, quiet}) => new Promise((resolve) => {
  const root = document.scrollingElement || document.documentElement;
  if (!root || root.scrollHeight <= window.innerHeight + 1) { resolve(null); return; }  // no end below
  const since = performance.now();
  window.scrollTo({top: root.scrollHeight, behavior: "instant"});
  const tracker = window[Symbol.for("auditor.settle")];
  const later = tracker ? tracker.setTimeout : setTimeout.bind(window);
  let settling = false;
  const settleFromScroll = () => {
    if (settling) return;
    settling = true;
    try { if (tracker) tracker.watchInView(); } catch (error) { /* counted as ended only */ }
    (SINCE)({since, max: since + bound, quiet}).then((tracked) => {
      // Back, as SCROLL_BACK_JS does (a call less); a page's broken scrollTo must not hold the answer.
      try { if (tracked) window.scrollTo({top: 0, behavior: "instant"}); } catch (error) { /* as it is */ }
      resolve({since, tracked});
    });
  };
  // Told: then two frames for what the observers put off to a frame, and a task of its own.
  const told = () => requestAnimationFrame(() => requestAnimationFrame(() => later(settleFromScroll, 0)));
  try {
    const observer = new (tracker ? tracker.IntersectionObserver : IntersectionObserver)(() => {
      observer.disconnect();
      told();
    });
    observer.observe(document.documentElement);  // a first observation is always delivered
  } catch (error) { told(); }
  later(settleFromScroll, framesMax);
})""".replace("(SINCE)", f"({SINCE_JS})")
SCROLL_BACK_JS = "() => window.scrollTo({top: 0, behavior: 'instant'})"  # untracked pages


async def scroll_to_end(page: Page, limits: Limits) -> None:
    """Scroll to the end of the page as a visitor would, wait for what that begins, and scroll back.

    Back at the top, the page is read as before (fixed bars where they stand on arrival); what the
    scroll added stays. Never raises for the page's sake.
    """
    bound_ms = min(SCROLL_MAX_MS, limits.settle_max_ms)
    with contextlib.suppress(PlaywrightError):
        moved = await page.evaluate(SCROLL_JS, {"bound": bound_ms, "framesMax": min(FRAMES_MAX_MS, bound_ms),
                                                "quiet": limits.settle_ms})
        if moved is None or moved["tracked"]:
            return  # no end below, or settled from the scroll and scrolled back in the page
        await page.evaluate(SETTLE_JS, {"netQuiet": 0, "netMax": 0, "quiet": limits.settle_ms,
                                        "max": moved["since"] + bound_ms, "min": 0, "footer": True, "minText": 0})
        await page.evaluate(SCROLL_BACK_JS)
