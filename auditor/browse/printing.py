"""Print HTML files of our own (rectification notices) to A4 PDFs with the run's Chromium.

Nothing is fetched while printing: the notice needs only its own folder. Each PDF is
written whole or not at all (auditor/layout.py), beside its HTML file.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import PdfMargins, Route, async_playwright

from auditor.browse.browser import launch
from auditor.layout import NOTICE_PDF, write_atomic

A4_MARGINS: PdfMargins = {"top": "20mm", "bottom": "20mm", "left": "20mm", "right": "18mm"}


def print_pdfs(pages: list[Path], footer: str, browser_path: str | None = None) -> list[Path]:
    """Print each HTML file to notice.pdf in its folder, `footer` (our own markup) at the foot of every page."""
    return asyncio.run(_print_all(pages, footer, browser_path)) if pages else []


async def _block_network(route: Route) -> None:
    await route.abort()


async def _print_all(pages: list[Path], footer: str, browser_path: str | None) -> list[Path]:
    async with async_playwright() as pw:
        browser, _ = await launch(pw, browser_path)
        try:
            tab = await browser.new_page()
            await tab.route(lambda url: not url.startswith("file:"), _block_network)
            pdfs = []
            for page in pages:
                await tab.goto(page.resolve().as_uri(), wait_until="load")
                data = await tab.pdf(format="A4", print_background=True, display_header_footer=True,
                                     header_template="<span></span>", footer_template=footer, margin=A4_MARGINS)
                pdfs.append(write_atomic(page.with_name(NOTICE_PDF), data))
            return pdfs
        finally:
            await browser.close()
