"""What the auditor's Python spent on each request a page makes, and what counting in the page saves.

    python bench/listeners.py [--pictures 150] [--pages 20] [--rounds 4] [--browser headless-shell]

A page of `--pictures` small pictures is served on 127.0.0.1 (a real homepage makes one to two
hundred requests; the benchmark corpus's pages make two or three). One tab loads it `--pages`
times and waits each time until nothing has been in flight for a moment, in two ways,
interleaved, `--rounds` times each: as the auditor did until the thirteenth pass of
docs/performance.md, by the browser's request events (a watch of `request`, `requestfinished`
and `requestfailed`, kept here as it was, its listeners carrying their signatures:
auditor/browse/pertab.py), and as it does now, by the page's own count (the tracker of
auditor/browse/settle.js, asked in the page). Prints this Python process's CPU a request for
each way, its ratio to the first, and the protocol messages Playwright's driver sends this
process a request (each of which the client decodes and dispatches).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from auditor.browse.browser import launch  # noqa: E402 - after the path is set
from auditor.browse.pertab import listener  # noqa: E402
from auditor.browse.settle import install_tracker  # noqa: E402
from bench import BROWSERS  # noqa: E402

# A 1×1 PNG: the requests are the point, not the bytes.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")
QUIET_S, MAX_S = 0.2, 10.0
COUNTED_LOADS = 3


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # every load asks for every picture again
        super().end_headers()


def serve(folder: str) -> None:
    """`--serve FOLDER`: the page and its pictures on 127.0.0.1, its port printed (run in a process of its own)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=folder))
    print(server.server_port, flush=True)
    server.serve_forever()


@contextmanager
def served(pictures: int) -> Iterator[str]:
    """The page and its pictures, served by a process of its own: its CPU is not this process's."""
    with tempfile.TemporaryDirectory(prefix="auditor-listeners-") as tmp:
        root = Path(tmp)
        for i in range(pictures):
            (root / f"p{i}.png").write_bytes(PNG)
        body = "".join(f'<img src="p{i}.png" alt="">' for i in range(pictures))
        (root / "index.html").write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
        server = subprocess.Popen([sys.executable, __file__, "--serve", tmp], stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline()) if server.stdout else 0
            yield f"http://127.0.0.1:{port}/index.html"
        finally:
            server.kill()
            server.wait()


class _BrowserEventsWatch:
    """The requests of a page in flight, from the browser's own events: the auditor's network
    watch until the thirteenth pass (auditor/browse/settle.py then)."""

    def __init__(self, page: Any) -> None:
        self.pending: set[Any] = set()
        self.last = time.monotonic()
        for event, heard in (("request", self._started), ("requestfinished", self._ended),
                             ("requestfailed", self._ended)):
            page.on(event, listener(heard))

    def _started(self, request: Any) -> None:
        self.pending.add(request)
        self.last = time.monotonic()

    def _ended(self, request: Any) -> None:
        self.pending.discard(request)
        self.last = time.monotonic()

    async def quiet(self, page: Any) -> None:
        deadline = time.monotonic() + MAX_S
        while (now := time.monotonic()) < deadline:
            if not self.pending and now - self.last >= QUIET_S:
                return
            wake = self.last + QUIET_S if not self.pending else now + 0.05
            await asyncio.sleep(max(0.01, min(wake, deadline) - now))


# The tracker's own answer, waited for in the page as settle.js's SETTLE_JS does.
PAGE_QUIET_JS = """(quiet) => new Promise((resolve) => {
  const tracker = window[Symbol.for("auditor.settle")];
  const check = () => tracker.networkQuiet(quiet) ? resolve(true) : tracker.setTimeout(check, 50);
  check();
})"""


class _PageCount:
    """The page's own count of what it loads (settle.js): nothing per request reaches this process."""

    def __init__(self, page: Any) -> None:
        self.page = page

    async def quiet(self, page: Any) -> None:
        await page.evaluate(PAGE_QUIET_JS, QUIET_S * 1000)


@contextmanager
def counted_messages() -> Iterator[collections.Counter[str]]:
    """Messages from Playwright's driver to this process, by method, while in the block (Playwright's
    own dispatch, counted; put back after)."""
    from playwright._impl.connection import Connection

    counts: collections.Counter[str] = collections.Counter()
    dispatch = Connection.dispatch

    def counted(self: Connection, msg: dict[str, Any]) -> None:
        counts[str(msg.get("method") or "reply")] += 1
        dispatch(self, msg)

    Connection.dispatch = counted  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        Connection.dispatch = dispatch  # type: ignore[method-assign]


WAYS: dict[str, Callable[[Any], Any]] = {
    "the browser's request events": _BrowserEventsWatch,
    "the page's own count": _PageCount,
}


async def _way(browser: Any, url: str, pages: int, make: Callable[[Any], Any]) -> float:
    """CPU seconds of this process for `pages` loads of the page in one tab."""
    context = await browser.new_context()
    await install_tracker(context)  # in both ways: the page's cost, not this process's
    page = await context.new_page()
    watch = make(page)
    await page.goto(url, wait_until="load")  # the page once first: the first load sets up the tab
    await watch.quiet(page)
    started = time.process_time()
    for _ in range(pages):
        if isinstance(watch, _BrowserEventsWatch):
            watch.pending.clear()
        await page.goto(url, wait_until="load")
        await watch.quiet(page)
    spent = time.process_time() - started
    await context.close()
    return spent


async def main(args: argparse.Namespace) -> None:
    from playwright.async_api import async_playwright

    cpu: dict[str, list[float]] = {name: [] for name in WAYS}
    messages: dict[str, collections.Counter[str]] = {}
    with served(args.pictures) as url:
        async with async_playwright() as pw:
            browser, _ = await launch(pw, BROWSERS.get(args.browser, args.browser))
            try:
                for _ in range(args.rounds):
                    for name, make in WAYS.items():
                        spent = await _way(browser, url, args.pages, make)
                        cpu[name].append(spent / (args.pages * (args.pictures + 1)))
                for name, make in WAYS.items():  # after the timing: counting is Python work of its own
                    with counted_messages() as messages[name]:
                        await _way(browser, url, COUNTED_LOADS, make)
            finally:
                await browser.close()
    requests = (COUNTED_LOADS + 1) * (args.pictures + 1)
    print(f"page of {args.pictures} pictures ({args.pictures + 1} requests), {args.pages} loads a way, "
          f"{args.rounds} interleaved round(s), browser {args.browser}")
    plain = statistics.median(cpu[next(iter(WAYS))])
    width = max(map(len, WAYS))
    for name, spent in cpu.items():
        figures = ", ".join(f"{1e6 * c:.0f}" for c in spent)
        counts = messages[name]
        shown = ", ".join(f"{method} {n / requests:.2f}" for method, n in counts.most_common(5))
        print(f"{name:<{width}}: {1e6 * statistics.median(spent):.0f} µs of Python CPU a request "
              f"(×{statistics.median(spent) / plain:.2f}; rounds {figures}); "
              f"{sum(counts.values()) / requests:.2f} messages a request ({shown})")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2])
        sys.exit()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pictures", type=int, default=150)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--browser", default="headless-shell")
    asyncio.run(main(parser.parse_args()))
