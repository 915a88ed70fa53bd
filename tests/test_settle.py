"""When a page is read (auditor/settle.py): after the scripts that write it, not before, and
never later than the limit, whatever the page does."""

from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.async_api import async_playwright

from auditor.browse.browser import launch
from auditor.browse.pertab import listener
from auditor.browse.settle import (
    NETWORK_IDLE_MAX_MS,
    install_tracker,
    scroll_to_end,
    settle,
    watch_document,
)
from auditor.options import Limits

pytestmark = pytest.mark.every_browser  # when a page is read rests on the browser's own events

PAGES = {
    # No footer text at load; a timer writes it after the homepage minimum (1.5 s) has passed.
    "/late-footer": "<body><main>首页</main><div id=ft></div><script>"
                    "setTimeout(() => setTimeout(() => { ft.textContent = '京ICP备2021076543号-1'; }, 1200), 1200);"
                    "</script></body>",
    # A clock that never stops: reading waits for the limit, then goes ahead.
    "/restless": "<body><div id=t></div><script>(function tick() { t.textContent = Date.now(); "
                 "setTimeout(tick, 50); })();</script></body>",
    "/plain": "<body><p>版权所有 © 2026</p></body>",
    # The text arrives from a request that takes 0.8 s, with no timer and no DOM change meanwhile.
    "/fetched-late": "<body><main id=m></main><script>"
                     "fetch('/slow-data').then((r) => r.text()).then((t) => { m.textContent = t; });</script></body>",
    # The footer is fetched by a script that starts 0.4 s after load (the browser's network is quiet
    # by then) and answers after 2 s: past the homepage minimum, with no timer due meanwhile.
    "/footer-fetched-late": "<body><main>首页</main><div id=ft></div><script>setTimeout(() => "
                            "fetch('/slow-footer').then((r) => r.text()).then((t) => { ft.innerHTML = t; }), 400);"
                            "</script></body>",
    # A request that never ends (long polling): reading waits for the network limit, then goes ahead.
    "/polls-forever": "<body><p>客服电话 010-12345678</p><script>fetch('/never-ends');</script></body>",
    # The footer is written by a script the page adds 0.4 s after load, which its server answers after
    # 2 s (JSONP): no fetch of the page's own, no timer due meanwhile; only the script's load.
    "/footer-by-late-script": "<body><main>首页</main><div id=ft></div><script>setTimeout(() => { "
                              "const s = document.createElement('script'); s.src = '/slow-footer.js'; "
                              "document.body.append(s); }, 400);</script></body>",
    # Scripts that never load, so never tell an end: written as HTML (which never runs), of a type
    # that is no script, for old browsers only. None holds the page.
    "/scripts-that-never-load": "<body><p>版权所有 © 2026</p><div id=d></div><script>"
                                "d.innerHTML = \"<script src='/slow-footer.js'></scr\" + \"ipt>\"; "
                                "for (const [k, v] of [['type', 'text/template'], ['nomodule', '']]) { "
                                "const s = document.createElement('script'); s.setAttribute(k, v); "
                                "s.src = '/slow-footer.js'; document.body.append(s); }</script></body>",
    # The footer's answer has its headers at once and its body 2 s later: read once it has come.
    "/footer-body-late": "<body><main>首页</main><div id=ft></div><script>"
                         "fetch('/late-body').then((r) => r.text()).then((t) => { ft.innerHTML = t; });"
                         "</script></body>",
    # Stylesheets that tell no end: one pointed at the address it has, one taken out while it loads.
    "/sheets-without-end": "<body><p>版权所有 © 2026</p><link id=a rel=stylesheet href='/slow.css'>"
                           "<script>setTimeout(() => { a.setAttribute('href', a.getAttribute('href')); "
                           "const b = document.createElement('link'); b.rel = 'stylesheet'; b.href = '/slow.css?b'; "
                           "document.head.append(b); setTimeout(() => b.remove(), 50); }, 0);</script></body>",
    # A picture that takes 1 s: the network is not quiet until it has arrived (the page's picture shows it).
    "/slow-picture": "<body><p>版权所有 © 2026</p><img src='/slow.png' alt=''></body>",
    # A picture the browser defers until it nears the view, far below: never loaded, never waited for.
    "/lazy-below": "<body><p style='height:20000px'>版权所有 © 2026</p>"
                   "<img loading=lazy src='/never.png' alt=''></body>",
    # A picture pointed elsewhere while it loads, then taken out of the page: its loads end all the same.
    "/picture-moved": "<body><p>版权所有 © 2026</p><img id=p src='/slow.png' alt=''><script>"
                      "p.src = '/slow.png?again'; setTimeout(() => p.remove(), 100);</script></body>",
    # Thirty pictures: what the browser's request events would have told the auditor of, one by one.
    "/thirty-pictures": "<body><p>版权所有 © 2026</p>" + "".join(f"<img src='/p{i}.png' alt=''>" for i in range(30))
                        + "</body>",
    # A short page with no script: as written, nothing can add to it.
    "/short-static": "<body><h1>联系我们</h1><p>客服电话 010-12345678</p></body>",
    # A short page whose script removes itself, then writes its text 1 s in by an interval (which the
    # tracker does not follow): it had a script, so it is given the minimum all the same.
    "/short-self-removing": "<body><h1>联系我们</h1><p id=t></p><script>document.currentScript.remove(); "
                            "const every = setInterval(() => { if (performance.now() < 1000) return; "
                            "t.textContent = '客服电话 010-87654321'; clearInterval(every); }, 100);</script></body>",
}
# What could write a page once loaded, one way each; the page without any of them is as written.
RUNS_SOMETHING = {
    "/with-script": "<body><p>关于我们</p><script>void 0;</script></body>",
    "/with-self-removing-script": "<body><p>关于我们</p><script>document.currentScript.remove();</script></body>",
    "/with-svg-script": "<body><p>关于我们</p><svg><script>void 0;</script></svg></body>",
    "/with-handler": "<body><p>关于我们</p><img src='/none.png' onerror='void 0'></body>",
    "/with-frame": "<body><p>关于我们</p><iframe srcdoc='<p>x</p>'></iframe></body>",
    "/with-object": "<body><p>关于我们</p><object data='/plain'></object></body>",
}
PAGES.update(RUNS_SOMETHING)

# Footers written only once the visitor scrolls to them, each by another way a real site does it
# (a tall page: the placeholder is out of sight until the scroll). Each must be read.
TALL = "<body style='margin:0'><main style='height:3000px'>首页</main><div id=ft></div><script>"
LOAD_FOOTER = "fetch('/footer-part').then((r) => r.text()).then((t) => { ft.innerHTML = t; })"
WHEN_SEEN = ("new IntersectionObserver((es, o) => { if (!es.some((e) => e.isIntersecting)) return; "
             "o.disconnect(); %s; }).observe(ft);")
SCROLLED_TO = {
    # The observer fetches it at once.
    "/scroll-fetch": TALL + WHEN_SEEN % LOAD_FOOTER + "</script></body>",
    # The observer puts the fetch off by a debounce timer (lazy-loading libraries do).
    "/scroll-debounced": TALL + WHEN_SEEN % f"setTimeout(() => {LOAD_FOOTER}, 150)" + "</script></body>",
    # The observer waits for the next frame before it fetches (frameworks batch so).
    "/scroll-next-frame": TALL + WHEN_SEEN % f"requestAnimationFrame(() => {LOAD_FOOTER})" + "</script></body>",
    # A scroll handler keeps the page busy for 0.4 s (a slow machine, a heavy page): the browser draws
    # frames before it tells the observers, so two frames after the scroll nothing has begun yet.
    "/scroll-long-task": TALL + "addEventListener('scroll', () => { const t = performance.now(); "
                         "while (performance.now() - t < 400); }, {once: true});" + WHEN_SEEN % LOAD_FOOTER
                         + "</script></body>",
    # The copyright line is there from the start; the ICP number is written 150 ms after the scroll.
    "/scroll-copyright-first": TALL.replace("<div id=ft>", "<p>版权所有 © 2026 光年户外</p><div id=ft>")
                               + WHEN_SEEN % "setTimeout(() => { ft.textContent = '川ICP备2023017754号-1'; }, 150)"
                               + "</script></body>",
    # No observer: a scroll handler, debounced, writes it.
    "/scroll-handler": TALL + "let wait; addEventListener('scroll', () => { clearTimeout(wait); wait = setTimeout("
                       "() => { ft.textContent = '川ICP备2023017754号-1'; }, 200); });</script></body>",
}
PAGES.update(SCROLLED_TO)
SLOW = {"/slow-data": (0.8, "用户服务协议全文"), "/never-ends": (60.0, ""),
        "/footer-part": (0.3, "<a href='https://beian.miit.gov.cn/'>川ICP备2023017754号-1</a>"),
        "/slow-footer": (2.0, "<a href='https://beian.miit.gov.cn/'>川ICP备2023017754号-1</a>"),
        "/slow-footer.js": (2.0, "ft.innerHTML = \"<a href='https://beian.miit.gov.cn/'>川ICP备2023017754号-1</a>\";"),
        "/slow.css": (0.3, "p {}"), "/slow.css?b": (1.5, "p {}"),
        "/slow.png": (1.0, ""), "/slow.png?again": (1.0, ""), "/never.png": (60.0, "")}
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/late-body":  # the headers at once, the body 2 s later
            body = SLOW["/footer-part"][1].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            time.sleep(2.0)
            self.wfile.write(body)
            return
        delay, text = SLOW.get(self.path, (0.0, PAGES.get(self.path, "")))
        time.sleep(delay)
        picture = self.path.split("?")[0].endswith(".png")
        body = PNG if picture else text.encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "image/png" if picture else "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def served() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def in_browser(path: str, limits: Limits, footer: bool, script: str, scrolled: bool = False,
               document: bool = False) -> Any:
    """Open `path`, settle it (and, if `scrolled`, scroll it to its end and back), and return what
    `script` finds then."""

    async def go() -> Any:
        async with async_playwright() as pw:
            browser, _ = await launch(pw)
            context = await browser.new_context()
            await install_tracker(context)
            page = await context.new_page()
            with served() as base:
                await page.goto(base + path, wait_until="load")
                async with asyncio.timeout(30):
                    await settle(page, limits, footer=footer, document=document)
                    if scrolled:
                        await scroll_to_end(page, limits)
                result = await page.evaluate(script)
            await browser.close()
            return result

    return asyncio.run(go())


@pytest.mark.browser
def test_a_footer_written_by_chained_timers_after_the_minimum_is_waited_for(need_browser: None) -> None:
    text = in_browser("/late-footer", Limits(), footer=True, script="() => document.body.innerText")
    assert "京ICP备2021076543号-1" in text


@pytest.mark.browser
def test_a_footer_fetched_by_a_late_script_is_waited_for_until_it_arrives(need_browser: None) -> None:
    text = in_browser("/footer-fetched-late", Limits(), footer=True, script="() => document.body.innerText")
    assert "川ICP备2023017754号-1" in text  # the page's own request was in flight: not read at the minimum


@pytest.mark.browser
@pytest.mark.parametrize("path", sorted(SCROLLED_TO))
def test_a_footer_written_once_the_visitor_scrolls_to_it_is_read(need_browser: None, path: str) -> None:
    text = in_browser(path, Limits(), footer=True, scrolled=True,
                      script="() => [document.body.innerText, window.scrollY]")
    assert "川ICP备2023017754号-1" in text[0]
    assert text[1] == 0  # and the page is read from its top again, as a visitor arrives


@pytest.mark.browser
def test_a_page_that_never_stops_changing_is_read_at_the_limit(need_browser: None) -> None:
    limits = Limits(settle_max_ms=2000)
    elapsed = in_browser("/restless", limits, footer=True, script="() => performance.now()")
    assert elapsed >= limits.settle_max_ms  # it did wait; and it did return (no hang: the timeout above)


@pytest.mark.browser
def test_a_short_page_without_scripts_is_read_without_waiting_for_the_minimum(need_browser: None) -> None:
    limits = Limits(settle_min_ms=5000, settle_max_ms=10000)
    elapsed = in_browser("/short-static", limits, footer=False, document=True, script="() => performance.now()")
    assert elapsed < limits.settle_min_ms  # 57 characters, fewer than settle_min_text, and nothing to wait for


@pytest.mark.browser
def test_a_short_page_whose_script_removed_itself_is_still_given_the_minimum(need_browser: None) -> None:
    text = in_browser("/short-self-removing", Limits(), footer=False, document=True,
                      script="() => document.body.innerText")
    assert "010-87654321" in text


@pytest.mark.browser
def test_the_tracker_tells_a_page_as_written_from_one_that_can_still_run_something(need_browser: None) -> None:
    async def go() -> dict[str, bool]:
        async with async_playwright() as pw:
            browser, _ = await launch(pw)
            context = await browser.new_context()
            await install_tracker(context)
            page = await context.new_page()
            seen = {}
            with served() as base:
                for path in ["/short-static", *sorted(RUNS_SOMETHING)]:
                    await page.goto(base + path, wait_until="load")
                    seen[path] = await page.evaluate("() => window[Symbol.for('auditor.settle')].scriptless()")
            await browser.close()
            return seen

    assert asyncio.run(go()) == {"/short-static": True, **{path: False for path in RUNS_SOMETHING}}


@pytest.mark.browser
def test_the_tracker_keeps_timers_working_and_knows_which_are_due(need_browser: None) -> None:
    state = in_browser("/plain", Limits(), footer=False, script="""async () => {
      const tracker = window[Symbol.for("auditor.settle")];
      const fired = [];
      const soon = setTimeout((a, b) => fired.push(a + b), 50, 1, 2);  // extra arguments still reach it
      const dueAfterSet = tracker.dueBefore(performance.now() + 1000);
      const cancelled = setTimeout(() => fired.push("cancelled"), 100);
      clearTimeout(cancelled);
      setTimeout("window.fromString = true", 10);  // string callbacks still run, untracked
      await new Promise((resolve) => tracker.setTimeout(resolve, 300));
      return {fired, dueAfterSet, dueAfterFire: tracker.dueBefore(performance.now() + 1000),
              distinctIds: soon !== cancelled, fromString: window.fromString === true,
              kept: (() => {  // a page cannot swap the tracker for one that says "settled"
                try { window[Symbol.for("auditor.settle")] = {}; } catch (e) { /* strict mode */ }
                return window[Symbol.for("auditor.settle")] === tracker;
              })()};
    }""")
    assert state == {"fired": [3], "dueAfterSet": True, "dueAfterFire": False, "distinctIds": True,
                     "fromString": True, "kept": True}


@pytest.mark.browser
def test_the_tracker_counts_the_pages_own_requests_and_leaves_them_working(need_browser: None) -> None:
    """fetch and XMLHttpRequest still answer as before; while one begun since a moment is in flight,
    the page is busy since then (and not since a later moment); a failed one ends as well."""
    state = in_browser("/plain", Limits(), footer=False, script="""async () => {
      const tracker = window[Symbol.for("auditor.settle")];
      const since = performance.now();
      const idleBefore = !tracker.busySince(since, since + 5000);
      const answer = fetch("/footer-part");
      const busyDuring = tracker.busySince(since, since + 5000);
      const laterMoment = performance.now() + 1;
      const notBusyForLater = !tracker.busySince(laterMoment, laterMoment + 5000);
      const text = await (await answer).text();
      const failed = await fetch("http://127.0.0.1:1/").then(() => "answered", () => "failed");
      const xhrText = await new Promise((resolve) => {
        const request = new XMLHttpRequest();
        request.open("GET", "/footer-part");
        request.onload = () => resolve(request.responseText);
        request.send();
      });
      await new Promise((resolve) => tracker.setTimeout(resolve, 0));  // the request's loadend has been told
      const endedAt = tracker.lastActivity();
      return {idleBefore, busyDuring, notBusyForLater, text, failed, xhrText,
              idleAfter: !tracker.busySince(since, since + 5000), activityNoted: endedAt >= since};
    }""")
    part = SLOW["/footer-part"][1]
    assert state == {"idleBefore": True, "busyDuring": True, "notBusyForLater": True, "text": part,
                     "failed": "failed", "xhrText": part, "idleAfter": True, "activityNoted": True}


@pytest.mark.browser
def test_text_written_when_a_slow_request_returns_is_waited_for(need_browser: None) -> None:
    text = in_browser("/fetched-late", Limits(), footer=False, script="() => document.body.innerText")
    assert "用户服务协议全文" in text  # DOM quiet alone (no change for 300 ms) would have read it empty


@pytest.mark.browser
def test_a_request_that_never_ends_is_waited_for_only_up_to_the_network_limit(need_browser: None) -> None:
    elapsed = in_browser("/polls-forever", Limits(), footer=False, script="() => performance.now()")
    assert elapsed >= NETWORK_IDLE_MAX_MS  # it did wait for the request; and it did return (the timeout above)


# Whether nothing the page loads is in flight once settled, and how long settling took.
QUIET_NOW_JS = """() => {
  const tracker = window[Symbol.for("auditor.settle")];
  return {quiet: tracker.networkQuiet(0), elapsed: performance.now()};
}"""


@pytest.mark.browser
def test_a_footer_written_by_a_script_the_page_adds_late_is_waited_for(need_browser: None) -> None:
    text = in_browser("/footer-by-late-script", Limits(), footer=True, script="() => document.body.innerText")
    assert "川ICP备2023017754号-1" in text  # the script's load was in flight: not read at the minimum


@pytest.mark.browser
def test_scripts_that_never_load_hold_nothing(need_browser: None) -> None:
    state = in_browser("/scripts-that-never-load", Limits(), footer=True, script="""() => {
      const tracker = window[Symbol.for("auditor.settle")];
      return {quiet: tracker.networkQuiet(0), inFlight: tracker.inFlight(), elapsed: performance.now(),
              made: document.createElement.name, madeIsScript: document.createElement("script").localName};
    }""")
    assert state["quiet"] is True and state["inFlight"] is False and state["elapsed"] < NETWORK_IDLE_MAX_MS
    assert (state["made"], state["madeIsScript"]) == ("createElement", "script")  # and the page's calls still work


@pytest.mark.browser
def test_an_answer_whose_body_comes_late_is_waited_for(need_browser: None) -> None:
    text = in_browser("/footer-body-late", Limits(), footer=True, script="() => document.body.innerText")
    assert "川ICP备2023017754号-1" in text  # its headers came at once: the body being read was in flight


@pytest.mark.browser
def test_stylesheets_that_tell_no_end_hold_nothing(need_browser: None) -> None:
    state = in_browser("/sheets-without-end", Limits(), footer=True, script=QUIET_NOW_JS)
    assert state["quiet"] is True and state["elapsed"] < NETWORK_IDLE_MAX_MS


@pytest.mark.browser
def test_a_picture_still_loading_is_waited_for(need_browser: None) -> None:
    loaded = in_browser("/slow-picture", Limits(), footer=True, script="() => document.images[0].complete")
    assert loaded is True  # the page is photographed as a visitor sees it, picture and all


@pytest.mark.browser
def test_a_deferred_picture_never_in_view_holds_nothing(need_browser: None) -> None:
    elapsed = in_browser("/lazy-below", Limits(), footer=True, script="() => performance.now()")
    assert elapsed < NETWORK_IDLE_MAX_MS  # its load never starts, so it never ends: not in flight


@pytest.mark.browser
def test_a_picture_pointed_elsewhere_and_taken_out_ends_its_loads(need_browser: None) -> None:
    """Its first load is over when it is pointed elsewhere, its second when it ends out of the page:
    nothing is left in flight to hold the page until the network limit."""
    state = in_browser("/picture-moved", Limits(), footer=True, script=QUIET_NOW_JS)
    assert state["quiet"] is True and state["elapsed"] < NETWORK_IDLE_MAX_MS


@pytest.mark.browser
def test_a_page_of_many_pictures_sends_the_auditor_no_message_a_picture(need_browser: None) -> None:
    """The page counts what it loads: the browser's request events, five protocol messages a request
    for Playwright's client to decode (issue 17), are not asked for. Only the document's own request
    reaches the auditor, as Playwright tells every navigation."""
    from playwright._impl.connection import Connection

    created: list[str] = []
    dispatch = Connection.dispatch

    def counted(self: Connection, msg: dict[str, Any]) -> None:
        if msg.get("method") == "__create__":
            created.append(str(msg["params"]["type"]))
        dispatch(self, msg)

    async def go() -> tuple[bool, int]:
        async with async_playwright() as pw:
            browser, _ = await launch(pw)
            context = await browser.new_context()
            await install_tracker(context)
            page = await context.new_page()
            watch_document(page)
            with served() as base:
                Connection.dispatch = counted  # type: ignore[method-assign]
                try:
                    await page.goto(base + "/thirty-pictures", wait_until="load")
                    await settle(page, Limits(), footer=True)
                finally:
                    Connection.dispatch = dispatch  # type: ignore[method-assign]
                loaded = await page.evaluate("() => [...document.images].filter((i) => i.complete).length")
            await browser.close()
            return loaded, created.count("Request")

    loaded, requests = asyncio.run(go())
    assert loaded == 30 and requests == 1


@pytest.mark.browser
def test_a_tab_keeps_one_document_watch_for_its_pages_and_none_once_closed(need_browser: None) -> None:
    """One document watch a tab, reset per page (its listener is added once); closing the tab drops it,
    so a long batch does not keep every tab it ever opened alive."""

    async def go() -> tuple[bool, int, int, dict[str, str]]:
        async with async_playwright() as pw:
            browser, _ = await launch(pw)
            page = await (await browser.new_context()).new_page()
            before = len(watch_document)  # tabs of other tests still open in this process
            first = watch_document(page)
            first.failures["http://127.0.0.1:1/"] = "net::ERR_CONNECTION_RESET"  # as the last page's
            again = watch_document(page)  # the next page: the same watch, with no failure of the last one
            same, kept, failures = again is first, len(watch_document) - before, dict(again.failures)
            await page.close()
            left = len(watch_document) - before
            await browser.close()
            return same, kept, left, failures

    assert asyncio.run(go()) == (True, 1, 0, {})


def test_a_listener_hears_the_event_alone_and_carries_its_signature() -> None:
    """Playwright passes a listener no more arguments than its signature takes, worked out at every
    event unless the listener carries it (pertab.listener)."""
    from playwright._impl._impl_to_api_mapping import ImplToApiMapping

    heard: list[object] = []
    heed = listener(heard.append)
    ImplToApiMapping().wrap_handler(heed)("the request", "more")
    assert heard == ["the request"]
    assert "__signature__" in vars(heed) and len(inspect.signature(heed).parameters) == 1
