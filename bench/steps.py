"""What each step of reading a page costs Chromium and the auditor's Python, step by step.

    python bench/steps.py [--sites 40] [--browser headless-shell]

Serves the benchmark corpus (bench/corpus.py) on 127.0.0.1 and, one site at a time in one tab
(so each step's CPU is its own), loads the homepage and two documents the way the auditor does
(auditor/browse/render.py): goto, settle, scroll to the end (homepage), then one call that opens
folded sections (documents), reads the page and makes its inert DOM copy, and the pictures (the homepage
whole, a band round a document's last block). For comparison it also times `page.content()`,
which the (a′) loop of `bench.py run` keeps instead of the auditor's reading. CPU is read from
/proc for the process tree around each step: Chromium's processes, and this Python process.
Prints milliseconds per site for each step. Pictures go to a temporary folder, removed at the end.

``--picture-ways`` also takes the homepage's whole picture the other ways it could be taken (a
lower JPEG quality, WebP, the viewport alone, the page in viewport-sized tiles) and times each:
what a whole-page picture costs is rastering its pixels, whichever way (docs/performance.md).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import sys
import tempfile
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from auditor.browse.pictures import JPEG  # noqa: E402 - after the path is set
from bench import BROWSERS, _cpu, _is_node, _tree, corpus  # noqa: E402

T = TypeVar("T")
DOCUMENTS = ("privacy.html", "contact.html")


def _cpu_now() -> tuple[float, float]:
    """(Chromium, this Python process) CPU seconds so far."""
    chromium = python = 0.0
    for pid in _tree(os.getpid()):
        name, seconds = _cpu(pid)
        if pid == os.getpid():
            python += seconds
        elif name and not _is_node(name) and not name.startswith("python"):
            chromium += seconds
    return chromium, python


class Steps:
    def __init__(self) -> None:
        self.chromium: dict[str, float] = {}
        self.python: dict[str, float] = {}

    async def time(self, name: str, step: Awaitable[T]) -> T:
        before = _cpu_now()
        result = await step
        after = _cpu_now()
        self.chromium[name] = self.chromium.get(name, 0.0) + after[0] - before[0]
        self.python[name] = self.python.get(name, 0.0) + after[1] - before[1]
        return result


async def _pictures(page: Any, kind: str, folder: Path, size: tuple[float, float], cited: list[Any], whole: bool,
                    max_whole_height: float) -> None:
    """The pictures of a page, taken and written (auditor/browse/sitefiles.py): the step's whole cost."""
    from auditor.browse.pictures import take_pictures
    from auditor.browse.sitefiles import SiteFiles

    files = SiteFiles(folder)
    await take_pictures(page, kind, files, size, cited, whole=whole, max_whole_height=max_whole_height)
    await files.written()


# Ways to photograph a whole homepage (auditor/browse/pictures.py takes the first), as DevTools parameters.
PICTURE_WAYS: dict[str, dict[str, Any]] = {
    "whole: JPEG 75 (the auditor's)": {**JPEG, "captureBeyondViewport": True},
    "whole: JPEG 50": {**JPEG, "quality": 50, "captureBeyondViewport": True},
    "whole: WebP 75": {"format": "webp", "quality": 75, "captureBeyondViewport": True},
}


async def _picture_ways(page: Any, steps: Steps, size: tuple[float, float], max_height: float) -> None:
    """Each of PICTURE_WAYS of the page up to `max_height`, then the viewport alone, then viewport tiles."""
    from auditor.browse import devtools
    from auditor.browse.browser import VIEWPORT

    clip = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], max_height), "scale": 1}
    for name, params in PICTURE_WAYS.items():
        await steps.time(name, devtools.send(page, "Page.captureScreenshot", {**params, "clip": clip}))
    await steps.time("the viewport alone", devtools.send(page, "Page.captureScreenshot", JPEG))

    async def tiles() -> None:
        for top in range(0, int(clip["height"]), VIEWPORT["height"]):
            await page.evaluate("(y) => window.scrollTo(0, y)", top)
            await devtools.send(page, "Page.captureScreenshot", JPEG)
    await steps.time("whole: viewport tiles", tiles())


async def probe(urls: list[str], browser_path: str, pictures: Path, picture_ways: bool = False
                ) -> tuple[Steps, int]:
    from playwright.async_api import Error, async_playwright

    from auditor.browse import render
    from auditor.browse.browser import VIEWPORT, launch
    from auditor.browse.settle import install_tracker, scroll_to_end, settle
    from auditor.options import Limits

    limits, steps, done = Limits(), Steps(), 0
    async with async_playwright() as pw:
        browser, _ = await launch(pw, browser_path)
        for url in urls:
            context = await browser.new_context(viewport=VIEWPORT, locale="zh-CN", service_workers="block")
            await install_tracker(context)
            page = await context.new_page()
            try:
                for path in ("", *DOCUMENTS):
                    home = path == ""
                    await steps.time("goto", page.goto(url + path, wait_until="load", timeout=10_000))
                    await steps.time("settle", settle(page, limits, footer=home, document=not home))
                    if home:
                        await steps.time("scroll to the end", scroll_to_end(page, limits))
                    reveal = None if home else limits.reveal_limits()
                    data, _ = await steps.time("read the page + DOM copy (1 call)", render.read_page(
                        page, limits.js_limits(), reveal, limits.max_dom_bytes))
                    if data is None:
                        continue
                    await steps.time("page.content() (a' only)", page.content())
                    size = (float(data["page_size"][0]), float(data["page_size"][1]))
                    cited = [] if home or not data["blocks"] else [tuple(data["blocks"][-1]["bbox"])]
                    await steps.time("homepage picture" if home else "band round a cited box",
                                     _pictures(page, "home" if home else "doc", pictures, size, cited, whole=home,
                                               max_whole_height=limits.max_screenshot_height))
                    if home and picture_ways:
                        await _picture_ways(page, steps, size, limits.max_screenshot_height)
                done += 1
            except Error as exc:  # a slow or broken corpus site: left out of the figures' count
                print(f"left out {url}: {str(exc).splitlines()[0]}", file=sys.stderr)
            await context.close()
        await browser.close()
    return steps, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=40)
    parser.add_argument("--browser", default="headless-shell", help="headless-shell, chromium or a path")
    parser.add_argument("--picture-ways", action="store_true", help="also time other ways of a whole-page picture")
    args = parser.parse_args()
    path = BROWSERS.get(args.browser, args.browser)
    with tempfile.TemporaryDirectory(prefix="auditor-steps-") as tmp, corpus(args.sites, Path(tmp)) as listing:
        with listing.open(encoding="utf-8") as rows:
            urls = [row["url"] for row in csv.DictReader(rows)]
        steps, done = asyncio.run(probe(urls, path, Path(tmp), args.picture_ways))
    print(f"{done} sites (homepage + {len(DOCUMENTS)} documents each), one tab at a time, {path}")
    print(f"{'step':<30} {'Chromium ms/site':>17} {'Python ms/site':>15}")
    for name in steps.chromium:
        print(f"{name:<30} {1000 * steps.chromium[name] / max(done, 1):17.1f} "
              f"{1000 * steps.python[name] / max(done, 1):15.1f}")


if __name__ == "__main__":
    main()
