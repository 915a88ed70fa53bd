"""The browser of a batch run: one Chromium shared by the workers, each site in its own context.

Measured on a 2-core machine, one browser with several contexts renders as fast as one
browser per worker and uses less memory (docs/performance.md). Over a night of sites a
browser can crash, hang or grow, so it lives in *generations*:

* **crash**: the browser disconnects (or a health probe after a failed site gets no
  answer) → the generation is killed and a new one launched; the sites that were on it are
  retried by their workers;
* **hang**: a site takes far longer than its own time limit, and the browser does not
  answer a probe → it is killed by pid (a hung browser may not answer a close either).
  When it does answer, the time went on that site (its pages, or our judging of them):
  that site alone ends as ``error``, the browser and the sites beside it go on;
* **recycle**: after `recycle_after` sites a generation stops taking new sites, a new one
  takes over at once, and the old one closes when its last site is done (no pause).

A renderer (tab) crash with a healthy browser is retried without a relaunch.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Browser, Playwright

from auditor.browse.browser import BrowserChoice, launch
from auditor.browse.netguard import EgressProxy
from auditor.browse.ocrpool import OcrReader, ocr_missing
from auditor.browse.render import SiteRenderer
from auditor.discover import Vocabulary
from auditor.errors import short_error
from auditor.models import Cited, ImagesWanted, SiteSnapshot, SiteStatus, now_iso
from auditor.options import Limits

log = logging.getLogger(__name__)

LAUNCH_TIMEOUT_S = 60.0
PROBE_TIMEOUT_S = 10.0
CLOSE_TIMEOUT_S = 10.0
# What Playwright reports when a page's renderer died or the browser went away under it.
CRASH_WORDS = ("target crashed", "page crashed", "browser has been closed", "browser closed",
               "target page, context or browser has been closed", "browser has disconnected")


@dataclass(eq=False)  # compared and hashed by identity: each launch is its own generation
class Generation:
    """One launched browser and the sites it is serving."""

    number: int
    browser: Browser
    pid: int | None
    users: int = 0
    sites: int = 0
    retired: bool = False
    closed: bool = False

    @property
    def alive(self) -> bool:
        return not self.closed and self.browser.is_connected()


@dataclass(frozen=True)
class RenderResult:
    snapshot: SiteSnapshot | None  # None when `fault` says the browser, not the site, failed
    fault: str | None = None


class BrowserPool:
    def __init__(self, pw: Playwright, browser_path: str | None, proxy: EgressProxy | None,
                 recycle_after: int, hang_after_s: float) -> None:
        self.pw = pw
        self.browser_path = browser_path
        self.proxy = proxy
        self.recycle_after = max(1, recycle_after)
        self.hang_after_s = hang_after_s
        self.choice: BrowserChoice | None = None
        self.launches = 0
        self._current: Generation | None = None
        self._lock = asyncio.Lock()
        self._old: set[Generation] = set()  # retired generations still finishing their sites
        # The run's OCR helper, started with the first site that may have pictures to read; it
        # outlives browser generations (its model stays warm) and closes with the pool.
        self._ocr: OcrReader | None = None

    async def start(self) -> BrowserChoice:
        """Launch the first browser (raises BrowserNotFoundError before any site is touched)."""
        await self._generation()
        assert self.choice is not None
        return self.choice

    async def close(self) -> None:
        for generation in [*self._old, *([self._current] if self._current else [])]:
            await self._close(generation, kill=False)
        self._old.clear()
        self._current = None
        if self._ocr is not None:
            self._ocr.close()
            self._ocr = None

    def _reader(self, limits: Limits) -> OcrReader | None:
        """The OCR helper, when pictures are to be read and can be (without the extra: said once, then None)."""
        if self._ocr is None and limits.ocr and ocr_missing() is None:
            self._ocr = OcrReader()
        return self._ocr if limits.ocr else None

    # --- rendering -----------------------------------------------------------------

    async def render(self, url: str, site_dir: Path, kinds: set[str], vocabulary: Vocabulary,
                     limits: Limits, cited: Cited | None = None, wanted: ImagesWanted | None = None) -> RenderResult:
        """Render one site; a `fault` result means: retry it, the browser failed (and was replaced)."""
        async with self._lease() as generation:
            renderer = SiteRenderer(generation.browser, vocabulary, limits, self.proxy, self._reader(limits))
            started = now_iso()
            try:
                async with asyncio.timeout(self.hang_after_s):
                    snapshot = await renderer.render_site(url, site_dir, kinds, cited, wanted)
            except TimeoutError:
                if await self._healthy(generation):
                    # The browser answers: the time went on this site (its pages, or our judging of
                    # them), so the site is charged with it, not the browser and the sites beside it.
                    log.warning("%s took more than %.0f s; the browser is well", url, self.hang_after_s)
                    return RenderResult(SiteSnapshot(
                        input_url=url, final_url=url, status=SiteStatus.ERROR, started_at=started,
                        finished_at=now_iso(), error=f"not audited: the site took more than {self.hang_after_s:.0f} s "
                                                     "(the browser was answering)"))
                await self._replace(generation, kill=True)
                return RenderResult(None, f"browser did not answer within {self.hang_after_s:.0f} s (hung); "
                                          "relaunched")
            except Exception as exc:  # whatever the browser raises, the batch goes on
                if not generation.alive:
                    await self._replace(generation, kill=True)
                    return RenderResult(None, f"browser crashed: {short_error(exc)}")
                log.exception("rendering %s failed", url)
                return RenderResult(SiteSnapshot(input_url=url, final_url=url, status=SiteStatus.ERROR,
                                                 error=f"{type(exc).__name__}: {short_error(exc)}",
                                                 started_at=started, finished_at=now_iso()))
            fault = await self._fault(generation, snapshot)
            if fault is None:
                generation.sites += 1
                return RenderResult(snapshot)
            return RenderResult(None, fault)

    async def _fault(self, generation: Generation, snapshot: SiteSnapshot) -> str | None:
        """Did the browser fail under this site? Then its result says nothing about the site."""
        if not generation.alive:
            await self._replace(generation, kill=True)
            return "browser crashed or was killed"
        errors = [snapshot.error or "", *(p.error or "" for p in snapshot.pages)]
        crashed = next((e for e in errors if any(w in e.lower() for w in CRASH_WORDS)), None)
        if snapshot.status == SiteStatus.AUDITED and crashed is None:
            return None
        # A site that could not be rendered may be the browser's fault: ask the browser.
        if not await self._healthy(generation):
            await self._replace(generation, kill=True)
            return f"browser stopped answering ({snapshot.error or 'no reason given'})"
        if crashed is not None:
            return f"page renderer crashed: {crashed[:200]}"
        return None

    async def _healthy(self, generation: Generation) -> bool:
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S):
                context = await generation.browser.new_context()
            async with asyncio.timeout(PROBE_TIMEOUT_S):
                await context.close()
        except Exception:  # noqa: BLE001 - any failure to answer means unhealthy
            return False
        return True

    # --- generations ---------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _lease(self) -> AsyncIterator[Generation]:
        generation = await self._generation()
        generation.users += 1
        try:
            yield generation
        finally:
            generation.users -= 1
            if generation.sites >= self.recycle_after and generation is self._current:
                log.info("recycling browser %d after %d sites", generation.number, generation.sites)
                self._retire(generation)
            if generation.retired and generation.users == 0:
                await self._close(generation, kill=False)

    async def _generation(self) -> Generation:
        async with self._lock:
            current = self._current
            if current is not None and not current.alive:  # died between sites: validate on borrow
                self._retire(current)
                if current.users == 0:
                    await self._close(current, kill=True)
            if self._current is None:
                self._current = await self._launch()
            return self._current

    def _retire(self, generation: Generation) -> None:
        generation.retired = True
        if generation is self._current:
            self._current = None
        self._old.add(generation)

    async def _replace(self, generation: Generation, kill: bool) -> None:
        """Take a failed browser out of service; the next lease launches a new one."""
        async with self._lock:
            if generation.closed:
                return
            log.warning("browser %d failed; relaunching", generation.number)
            self._retire(generation)
            await self._close(generation, kill=kill)

    async def _launch(self) -> Generation:
        before = _browser_pids()
        async with asyncio.timeout(LAUNCH_TIMEOUT_S):
            browser, choice = await launch(self.pw, self.browser_path, proxy=self.proxy.address if self.proxy else None)
        self.choice = choice
        self.launches += 1
        known = {g.pid for g in self._old} | ({self._current.pid} if self._current else set())
        new = sorted(_browser_pids() - before - known)
        pid = new[0] if len(new) == 1 else None  # unsure which: never kill a process we cannot name
        log.info("browser %d launched (pid %s): %s", self.launches, pid, choice.describe())
        return Generation(number=self.launches, browser=browser, pid=pid)

    async def _close(self, generation: Generation, kill: bool) -> None:
        if generation.closed:
            return
        generation.closed = True
        self._old.discard(generation)
        if not kill:
            try:
                async with asyncio.timeout(CLOSE_TIMEOUT_S):
                    await generation.browser.close()
                return
            except Exception:  # noqa: BLE001 - a browser that cannot close is killed below
                log.warning("browser %d did not close; killing it", generation.number)
        _kill(generation.pid)
        with contextlib.suppress(Exception):
            async with asyncio.timeout(CLOSE_TIMEOUT_S):
                await generation.browser.close()


def _kill(pid: int | None) -> None:
    # Killing the browser's main process ends its renderer and GPU children with it.
    if pid is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def _browser_pids() -> set[int]:
    """Pids of Chromium main processes started (via Playwright's driver) by this process.

    Playwright does not tell a browser's pid; a hung browser must be killed by it. The
    main process is the descendant started with ``--remote-debugging-pipe`` and without
    ``--type=`` (which its child processes carry).
    """
    proc = Path("/proc")
    if not proc.is_dir():
        return set()
    parents: dict[int, int] = {}
    commands: dict[int, str] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    mine = {os.getpid()}
    changed = True
    while changed:  # close the set of descendants
        grown = {pid for pid, parent in parents.items() if parent in mine} | mine
        changed = grown != mine
        mine = grown
    return {pid for pid in mine if "--remote-debugging-pipe" in commands.get(pid, "")
            and "--type=" not in commands.get(pid, "")}
