"""Find and launch the one Chromium a run uses.

Search order (first that exists wins): ``--browser PATH``, ``$AUDITOR_BROWSER``,
Playwright's own download, then the system's Chromium. Users with internet get
Playwright's browser; machines without it (CI here) use Debian's package, the headless
shell first (``scripts/bootstrap`` installs it): the same audit takes several times as
long on full Chromium, with more memory (docs/performance.md).

Every supported build gives the same statuses: where full Chromium would behave
differently from the headless shell (HTTP authentication), ``challenges.py`` makes it
behave like the shell; see ``render.py`` for the outcomes mapped after loading.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from playwright.async_api import Browser, Playwright, ViewportSize, async_playwright
from playwright.async_api import Error as PlaywrightError

from auditor.browse.challenges import HEADLESS_SHELL, behave_as_headless_shell
from auditor.errors import BrowserNotFoundError, short_error

SYSTEM_BROWSERS = (
    "/usr/lib/chromium/chromium-headless-shell",  # Debian's headless shell: starts contexts fastest
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
)

VIEWPORT: ViewportSize = {"width": 1366, "height": 900}  # every context: a common desktop window

# Chromium phones home at start; on closed networks that only costs time and log noise.
QUIET_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--dns-prefetch-disable",  # no look-ups for hosts a page merely links to
    # Headless Chromium would composite through a GPU process emulated on the CPU
    # (SwiftShader): without it, screenshots cost a quarter less CPU and page loads half,
    # pixel-identical (docs/performance.md). Only WebGL goes, which no disclosure depends on.
    "--disable-gpu",
    "--disable-gpu-compositing",
    # A page that allocates without end crashes its own tab at this heap size instead of
    # eating the machine's memory (the batch goes on; the page is reported as crashed).
    # Heavy real shop homepages use 100–200 MB of JS heap; several such tabs run at once.
    "--js-flags=--max-old-space-size=512",
)

# Channels that would leave the browser beside the egress proxy (netguard.py carries HTTP
# only, issue 13): WebRTC's STUN/TURN datagrams and host candidates, QUIC and WebTransport
# (HTTP/3 is UDP), DNS over HTTPS and the browser's own resolver. With these, UDP leaves
# only as what the proxy carries: nothing.
NO_BYPASS_ARGS = (
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--enforce-webrtc-ip-permission-check",
    "--disable-quic",
    "--disable-features=DnsOverHttps,AsyncDns,WebRtcHideLocalIpsWithMdns,WebTransport,DirectSockets",
    "--disable-blink-features=WebTransport,DirectSockets",
)

INSTALL_HINT = (
    "Install one of: `bash scripts/bootstrap` or `apt-get install -y chromium-headless-shell` (Debian), "
    "`playwright install chromium` (needs internet), or pass --browser PATH / set AUDITOR_BROWSER."
)


@dataclass(frozen=True)
class BrowserChoice:
    path: str
    source: str  # --browser, AUDITOR_BROWSER, playwright or system
    product: str = ""  # what the launched browser calls itself: HeadlessChrome/… is a headless shell
    passed_over: tuple[str, ...] = ()  # asked for first but not found (a mistyped --browser must show)

    def describe(self) -> str:
        kind = "" if not self.product else (
            ", headless shell" if self.product.startswith(HEADLESS_SHELL) else ", full Chromium")
        missing = f"; not found: {', '.join(self.passed_over)}" if self.passed_over else ""
        return f"{self.path} ({self.source}{': ' + self.product if self.product else ''}{kind}){missing}"


def _playwright_download(pw: Playwright) -> str | None:
    """Playwright's own Chromium: its headless shell, else its full browser, if downloaded.

    `executable_path` names the full browser, but Playwright launches headless runs with
    the headless shell it keeps beside it (chromium_headless_shell-<revision>), which
    `playwright install --only-shell` installs alone.
    """
    try:
        full = Path(pw.chromium.executable_path)
    except Exception:  # noqa: BLE001 - Playwright raises plain Exception when not installed
        return None
    revision = full.parent.parent.name.rpartition("-")[2]  # <root>/chromium-<revision>/chrome-linux64/chrome
    shells = sorted(full.parent.parent.parent.glob(
        f"chromium_headless_shell-{revision}/chrome-headless-shell-*/chrome-headless-shell"))
    own = shells[0] if shells else full
    return str(own) if own.is_file() else None


def choose_browser(pw: Playwright, explicit: str | None = None) -> BrowserChoice:
    """Pick the browser to launch, or raise BrowserNotFoundError listing what was tried."""
    tried: list[str] = []
    for source, candidate in (("--browser", explicit), ("AUDITOR_BROWSER", os.environ.get("AUDITOR_BROWSER"))):
        if candidate:
            resolved = shutil.which(candidate) or candidate
            if Path(resolved).is_file():
                return BrowserChoice(resolved, source)
            tried.append(f"{source}={candidate}")
    asked = tuple(tried)
    own = _playwright_download(pw)
    if own:
        return BrowserChoice(own, "playwright", passed_over=asked)
    tried.append("Playwright's downloaded Chromium (not installed)")
    for candidate in SYSTEM_BROWSERS:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return BrowserChoice(candidate, "system", passed_over=asked)
        tried.append(candidate)
    raise BrowserNotFoundError("No browser found. Tried: " + "; ".join(tried) + ". " + INSTALL_HINT)


async def launch(pw: Playwright, explicit: str | None = None, proxy: str | None = None
                 ) -> tuple[Browser, BrowserChoice]:
    """Launch headless Chromium; with `proxy`, every connection (loopback included) goes through it."""
    choice = choose_browser(pw, explicit)
    args = [*QUIET_ARGS, *NO_BYPASS_ARGS]
    if proxy:
        # "<-loopback>" removes Chromium's built-in bypass for localhost, so loopback is guarded too.
        args += [f"--proxy-server={proxy}", "--proxy-bypass-list=<-loopback>"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox
    browser = await pw.chromium.launch(executable_path=choice.path, args=args, headless=True)
    product = await behave_as_headless_shell(browser)
    return browser, replace(choice, product=product)


def probe(explicit: str | None = None) -> BrowserChoice:
    """Start the browser a run would use, once, and say which it is (`auditor browser`, scripts/bootstrap)."""

    async def start() -> BrowserChoice:
        async with async_playwright() as pw:
            try:
                browser, choice = await launch(pw, explicit)
            except PlaywrightError as exc:  # found but broken (missing libraries, wrong architecture)
                raise BrowserNotFoundError(f"The browser did not start: {short_error(exc)}. {INSTALL_HINT}") from exc
            await browser.close()
            return choice

    return asyncio.run(start())
