"""When a rendered page is ready to be read: scripts have finished writing it.

Pages are not done at ``load``: footers are often written afterwards by timers, late
requests or frameworks. A fixed wait would be slow on every page and still too short on
some, so each frame carries a small tracker from its first moment (settle.js) that notes
when the DOM last changed and which timers are still due. A page is settled when

* no request of the page has been in flight for ``network_quiet_ms`` (bounded, since
  long-polling pages never go quiet), and then
* its DOM has not changed, nor has one of its own requests started or ended, for
  ``settle_ms``, and
* it shows what it is read for — a homepage footer-like text (ICP, 版权, ©), any other
  page ``settle_min_text`` characters of text (a single-page app writes its agreement
  after a fetch) — or no timer is due any more, none of the page's own requests (fetch,
  XMLHttpRequest, counted in the page: the browser's events can arrive after the page's
  answer) is in flight, and ``settle_min_ms`` have passed since navigation (at once on a
  page that never had a script, nor a frame, plug-in or handler attribute: nothing can
  write it later, and a short static "联系我们" page was a second and a half of waiting),

or when ``settle_max_ms`` have passed since navigation, whatever the page does.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path

from playwright.async_api import BrowserContext, Page, Request
from playwright.async_api import Error as PlaywrightError

from auditor.browse.pertab import PerTab, listener
from auditor.options import Limits

TRACKER_JS = (Path(__file__).parent / "settle.js").read_text(encoding="utf-8")
NETWORK_IDLE_MAX_MS = 3000

# Without the tracker (a frame it could not reach) quiet is counted from this call on.
SETTLE_JS = """({quiet, max, min, footer, minText}) => new Promise((resolve) => {
  const tracker = window[Symbol.for("auditor.settle")];
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
    if (now >= max || (now - lastActivity() >= quiet && footerDone(now))) {
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


class NetworkWatch:
    """The requests of one page still in flight, from the browser's own events.

    Playwright's ``networkidle`` waits a fixed 500 ms after the last request; that wait
    was a third of the time the auditor spent on a page, and most pages had long
    stopped changing (docs/performance.md). Watching the same requests, the page can be
    read ``network_quiet_ms`` after the last one ends instead.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.pending: set[Request] = set()  # the requests themselves: an end without a start is harmless
        self.last = time.monotonic()
        # Why the transfer of the page itself broke off, by the address it had (a cut page, issue 13).
        self.document_failures: dict[str, str] = {}
        self._started_heard, self._ended_heard, self._failed_heard = (
            listener(self._started), listener(self._ended), listener(self._failed))
        page.on("request", self._started_heard)
        page.on("requestfinished", self._ended_heard)
        page.on("requestfailed", self._failed_heard)

    def stop(self) -> None:
        self.page.remove_listener("request", self._started_heard)
        self.page.remove_listener("requestfinished", self._ended_heard)
        self.page.remove_listener("requestfailed", self._failed_heard)

    def reset(self) -> NetworkWatch:
        """Start watching the tab's next page: what the last one had in flight is not its business."""
        self.pending.clear()
        self.document_failures.clear()
        self.last = time.monotonic()
        return self

    def _started(self, request: Request) -> None:
        self.pending.add(request)
        self.last = time.monotonic()

    def _ended(self, request: Request) -> None:
        self.pending.discard(request)
        self.last = time.monotonic()

    def _failed(self, request: Request) -> None:
        self._ended(request)
        failure = request.failure or ""
        # ERR_ABORTED: a newer navigation replaced this one, which is no cut.
        if request.is_navigation_request() and request.frame == self.page.main_frame and "ERR_ABORTED" not in failure:
            self.document_failures[request.url] = failure or "failed"

    async def quiet(self, quiet_s: float, max_s: float) -> None:
        """Return once nothing has been in flight for `quiet_s`, or after `max_s` whatever happens."""
        deadline = time.monotonic() + max_s
        while (now := time.monotonic()) < deadline:
            if not self.pending and now - self.last >= quiet_s:
                return
            wake = self.last + quiet_s if not self.pending else now + 0.05
            await asyncio.sleep(max(0.01, min(wake, deadline) - now))


# The tab's network watch, ready for the page about to load: one watch a tab (pertab.py).
watch_network = PerTab(NetworkWatch)


async def settle(page: Page, limits: Limits, footer: bool = False, network: NetworkWatch | None = None,
                 document: bool = False) -> None:
    """Wait until the page is settled (see the module text); never raises for the page's sake.

    `footer`: a homepage, read for its footer; `document`: another page a rule reads, read for its text.

    Without a `network` watch (one made before the page was loaded), Playwright's own
    ``networkidle`` stands in for it.
    """
    # Network first: a late response may still write the page. The DOM's quiet is then
    # counted from its last change, so a page that stopped changing during the network
    # wait is read at once.
    network_max_ms = min(NETWORK_IDLE_MAX_MS, limits.settle_max_ms)
    if network is not None:
        await network.quiet(limits.network_quiet_ms / 1000, network_max_ms / 1000)
    else:
        with contextlib.suppress(PlaywrightError):
            await page.wait_for_load_state("networkidle", timeout=network_max_ms)
    with contextlib.suppress(PlaywrightError):
        await page.evaluate(SETTLE_JS, {"quiet": limits.settle_ms, "max": limits.settle_max_ms,
                                        "min": limits.settle_min_ms, "footer": footer,
                                        "minText": limits.settle_min_text if document and not footer else 0})


# A footer may be written only once the visitor scrolls to it: an IntersectionObserver, or a scroll
# handler, fetches it, often after a short debounce timer. So the homepage is read as seen after
# scrolling to its end. Once the page's intersection observers have been told of the scroll (an
# observer of our own is told in the same delivery; a page that draws no frame, so tells no
# observer, is waited for FRAMES_MAX_MS), and two frames later (what an observer put off to the
# next frame has begun by then), the page is settled again by what the scroll began
# (SINCE_JS): every timer set and every request started since the scroll and due within
# SCROLL_MAX_MS is waited for, and then the DOM's and the requests' quiet. A page on which the
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
    const active = tracker.lastActivity();
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
    (SINCE)({since, max: since + bound, quiet}).then((tracked) => resolve({since, tracked}));
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
SCROLL_BACK_JS = "() => window.scrollTo({top: 0, behavior: 'instant'})"


async def scroll_to_end(page: Page, limits: Limits, network: NetworkWatch | None = None) -> None:
    """Scroll to the end of the page as a visitor would, wait for what that begins, and scroll back.

    Back at the top, the page is read as before (fixed bars where they stand on arrival); what the
    scroll added stays. Never raises for the page's sake.
    """
    bound_ms = min(SCROLL_MAX_MS, limits.settle_max_ms)
    with contextlib.suppress(PlaywrightError):
        asked = time.monotonic()
        moved = await page.evaluate(SCROLL_JS, {"bound": bound_ms, "framesMax": min(FRAMES_MAX_MS, bound_ms),
                                                "quiet": limits.settle_ms})
        if moved is None:
            return
        # Requests the page's own count does not see (a script or picture it added): the browser's.
        requested = network is not None and (bool(network.pending) or network.last >= asked)
        if requested or not moved["tracked"]:
            left_s = max(0.0, bound_ms / 1000 - (time.monotonic() - asked))
            if network is not None:
                await network.quiet(limits.network_quiet_ms / 1000, left_s)
            if moved["tracked"]:
                await page.evaluate(SINCE_JS, {"since": moved["since"], "max": moved["since"] + bound_ms,
                                               "quiet": limits.settle_ms})
            else:
                await page.evaluate(SETTLE_JS, {"quiet": limits.settle_ms, "max": moved["since"] + bound_ms,
                                                "min": 0, "footer": True, "minText": 0})
        await page.evaluate(SCROLL_BACK_JS)
