"""Browser stage: render a site as a visitor sees it and end in a :class:`SiteSnapshot`.

One fresh browser context per site. The homepage is rendered first; the links on it
(and script-driven "links" that only work when clicked) point to the other pages the
rules need, which are rendered in the same context. Everything after this module works
on the snapshot alone, without a browser.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, Frame, Page, Request, Response
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout
from pydantic import TypeAdapter, ValidationError

from auditor.browse import devtools, ocr
from auditor.browse.browser import VIEWPORT
from auditor.browse.netguard import EgressProxy, refused_message
from auditor.browse.ocrpool import OcrReader, SiteReads
from auditor.browse.pertab import listener
from auditor.browse.picturebytes import loaded_pictures
from auditor.browse.pictures import take_pictures
from auditor.browse.settle import DocumentWatch, install_tracker, scroll_to_end, settle, watch_document
from auditor.browse.sitefiles import SiteFiles, without_files
from auditor.discover import Vocabulary, rank
from auditor.errors import short_error
from auditor.layout import DOM_COPY_HEAD, write_atomic
from auditor.models import (
    Anchor,
    BBox,
    Cited,
    Image,
    ImagesWanted,
    Link,
    OcrLine,
    OcrText,
    PageSnapshot,
    SiteSnapshot,
    SiteStatus,
    TextBlock,
    now_iso,
)
from auditor.options import Limits
from auditor.urls import page_key, same_site, split_url

log = logging.getLogger(__name__)

SNAPSHOT_JS = (Path(__file__).parent / "snapshot.js").read_text(encoding="utf-8")
REVEAL_JS = (Path(__file__).parent / "reveal.js").read_text(encoding="utf-8")
DOM_COPY_JS = (Path(__file__).parent / "domcopy.js").read_text(encoding="utf-8")
# A frame's reading comes back as one JSON string: Playwright's Python side checks and converts a
# structured result value by value (a third of the auditor's own CPU per page, issue 17), where
# json.loads reads a string at C speed.
SNAPSHOT_AS_JSON = ("(limits) => { const r = (" + SNAPSHOT_JS + "\n)(limits);"
                    " return r === null ? null : JSON.stringify(r); }")
# The main frame is read in a world of its own (devtools.evaluate_isolated), in one call: its
# folded sections opened (a document page; an error leaves them closed and the page is read as
# it is), its reading as one JSON string, and the inert copy of its DOM. Two protocol calls a page
# (the world, then the reading) instead of three (each costs the auditor about half a millisecond
# of Python, issue 17), and nothing the page's scripts redefine is what the reading calls. A copy
# that fails is missing evidence, not a lost page: its error comes back in its place.
READ_PAGE_JS = ("({limits, reveal, domMax}) => {"
                " if (reveal) { try { (" + REVEAL_JS + "\n)(reveal); } catch (e) {} }"
                " const r = (" + SNAPSHOT_JS + "\n)(limits); if (r === null) return null;"
                " let dom; try { dom = (" + DOM_COPY_JS + "\n)(domMax); } catch (e) { dom = {error: String(e)}; }"
                " return {snapshot: JSON.stringify(r), dom}; }")
CLICK_REACTION_S = 0.8  # a clicked link's script starts navigating (or opens a window) within this
COMMIT_AFTER_ANSWER_S = 2.0  # the new document commits right after its answer; a download never does
BLOCKED_WORDS = ("验证码", "人机验证", "安全验证", "滑动验证", "captcha", "access denied", "请求被拦截",
                 "web应用防火墙")


# A page's items checked as one list each: pydantic's core walks it, not a Python call an item
# (a homepage has a few hundred blocks; half the cost, issue 17).
_BLOCKS, _LINKS, _IMAGES = TypeAdapter(list[TextBlock]), TypeAdapter(list[Link]), TypeAdapter(list[Image])


@dataclass
class _Deadline:
    seconds: float
    start: float = field(default_factory=time.monotonic)

    def left(self) -> float:
        return self.seconds - (time.monotonic() - self.start)


# What the headless shell does with an address that serves a file: it downloads it. Full
# Chromium shows a PDF in its viewer instead, which no rule can read (it would fail them all
# on an empty page): a PDF is reported as the shell reports it, whichever browser ran.
FILE_NOT_PAGE = "the address starts a file download instead of showing a page"
# A password prompt that ended the navigation instead of showing the site's 401 page: full
# Chromium without challenges.py, or a 407 when no egress guard (a real proxy) stands in
# between. Either way a login wall: blocked, as the 401/407 page itself is (blocked_reason).
AUTH_FAILURES = ("net::err_invalid_auth_credentials", "net::err_unexpected_proxy_auth")


def classify_failure(message: str) -> SiteStatus:
    """Network-level failures mean the site could not be reached; anything else is our error.

    A login wall is not an unreachable site: an authentication failure is `blocked`.
    """
    text = message.lower()
    if any(word in text for word in AUTH_FAILURES):
        return SiteStatus.BLOCKED
    network = ("net::err_", "timeout", "ns_error", "ssl", "cert", "connection", "not audited: ", "dns lookup")
    return SiteStatus.UNREACHABLE if any(word in text for word in network) else SiteStatus.ERROR


def declared_types(response: Response | None) -> list[str] | None:
    """The document's Content-Type values (a header sent twice arrives joined by a newline); None: not declared."""
    value = response.headers.get("content-type") if response else None
    if value is None:
        return None
    return [part.split(";")[0].strip().lower() for part in value.replace("\n", ",").split(",")]


async def shows_a_pdf(page: Page, response: Response | None) -> bool:
    """The document is a PDF: a download to the headless shell, a viewer no rule can read to full Chromium.

    The header decides when there is one; without one Chromium sniffs the bytes, and only
    the document knows what it found (read then, and only then, from the page itself).
    """
    types = declared_types(response)
    if types is not None:
        return "application/pdf" in types
    try:
        return bool(await page.evaluate("() => document.contentType === 'application/pdf'"))
    except PlaywrightError:  # navigating on: the next document is read as usual
        return False


async def read_snapshot(target: Frame, limits: dict[str, int]) -> dict[str, Any] | None:
    """What snapshot.js reads off a frame (None: no document yet), with the size of its JSON under ``json_size``."""
    raw = await target.evaluate(SNAPSHOT_AS_JSON, limits)
    data = _parsed(raw)
    if data is None and raw is not None:  # the page replaced JSON.stringify: read it value by value instead
        value = await target.evaluate(SNAPSHOT_JS, limits)
        data = well_formed(value) if isinstance(value, dict) else None
    return data


def _well_shaped(reading: dict[str, Any]) -> bool:
    """A frame's reading has the shape snapshot.js writes: a frame is read in its scripts' own world
    (read_snapshot), where what they redefine may bend what comes back, and a bent frame must not
    cost the page (its blocks, links and pictures are checked again with the page's)."""
    try:
        for key, adapter in (("blocks", _BLOCKS), ("links", _LINKS), ("images", _IMAGES)):
            adapter.validate_python(reading[key])
    except (KeyError, ValidationError):
        return False
    return True


async def read_page(page: Page, limits: dict[str, int], reveal: dict[str, int] | None, dom_max: int
                    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The main frame's reading (as read_snapshot's; None: no document yet) and its inert DOM copy
    (domcopy.js's value; an ``error`` in it when it failed), in one call (READ_PAGE_JS);
    with `reveal`, its folded sections opened first (reveal.js)."""
    value = await devtools.evaluate_isolated(page, READ_PAGE_JS, {"limits": limits, "reveal": reveal,
                                                                   "domMax": int(dom_max)})
    if not isinstance(value, dict):
        return None, None
    copy = value.get("dom")
    return _parsed(value.get("snapshot")), copy if isinstance(copy, dict) else None


def _parsed(raw: Any) -> dict[str, Any] | None:
    """A reading from its JSON string, its lone surrogates mended; None if it is not one."""
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    if _ESCAPED_SURROGATE.search(raw):
        data = well_formed(data)
    data["json_size"] = len(raw)
    return data


# JSON.stringify escapes a lone surrogate (\udxxx) and writes a whole pair as its character
# (ES2019), so the page's text needs mending only when an escape is there; walking every string
# of every page for it cost more than reading the page.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _nothing(pages: list[PageSnapshot]) -> list[BBox]:
    return []  # nobody asked what the rules cite: only the homepage is photographed, whole


@dataclass
class _Reading:
    """The pictures to read on the page in hand: which the rules would call "only in an image"."""

    wanted: Callable[[PageSnapshot], list[int]]
    reads: SiteReads
    position: int  # the page's place in the site's list of pages


class SiteRenderer:
    """Renders sites with one shared browser; create one per run."""

    def __init__(self, browser: Browser, vocabulary: Vocabulary, limits: Limits,
                 proxy: EgressProxy | None = None, reader: OcrReader | None = None) -> None:
        self.browser = browser
        self.vocabulary = vocabulary
        self.limits = limits
        self.proxy = proxy  # the egress guard the browser goes through, if any
        self.reader = reader if limits.ocr else None  # the run's OCR helper (browse/ocrpool.py), if any

    async def render_site(self, url: str, site_dir: Path, kinds: set[str], cited: Cited | None = None,
                          wanted: ImagesWanted | None = None) -> SiteSnapshot:
        """Render the homepage and the pages of `kinds`; never raises for site problems.

        `cited` tells which boxes of a page the rules cite, so they are photographed
        (auditor/pictures.py); without it only the homepage is, whole. `wanted` tells which
        pictures the rules would call "only in an image", so they are read (with a reader).
        """
        started = now_iso()
        deadline = _Deadline(self.limits.site_timeout_s)
        site_dir.mkdir(parents=True, exist_ok=True)
        context = await self.browser.new_context(
            viewport=VIEWPORT, locale="zh-CN", accept_downloads=False, service_workers="block")
        context.set_default_timeout(self.limits.page_timeout_s * 1000)
        files = SiteFiles(site_dir)  # the pictures and DOM copies, written while the pages go on
        reads = SiteReads(self.reader, self.limits) if self.reader is not None and wanted is not None else None
        try:
            async with asyncio.timeout(self.limits.site_timeout_s + 5):
                snapshot = await self._render(context, url, files, kinds, deadline, started, cited or _nothing,
                                              wanted, reads)
        except TimeoutError:
            snapshot = SiteSnapshot(input_url=url, final_url=url, status=SiteStatus.UNREACHABLE,
                                    error=f"site time limit of {self.limits.site_timeout_s:.0f} s reached",
                                    started_at=started, finished_at=now_iso())
        except BaseException:
            if reads is not None:  # cancelled, or our own error: the site's reads are dropped with it
                reads.cancel()
            files.abandon()
            raise
        finally:
            try:
                async with asyncio.timeout(10):
                    await context.close()
            except Exception:  # noqa: BLE001 - a dead context must not stop the batch
                log.warning("could not close browser context for %s", url)
        snapshot = without_files(snapshot, await files.written())
        if reads is None:
            return snapshot
        # The pictures' bytes are in hand: the reads finish with the site's tab already closed.
        if snapshot.status != SiteStatus.AUDITED:
            reads.cancel()
            return snapshot
        pages = await self._with_reads(snapshot.pages, reads, site_dir, deadline)
        return snapshot.model_copy(update={"pages": pages, "finished_at": now_iso()})

    async def _render(self, context: BrowserContext, url: str, files: SiteFiles, kinds: set[str],
                      deadline: _Deadline, started: str, cited: Cited, wanted: ImagesWanted | None,
                      reads: SiteReads | None) -> SiteSnapshot:
        """The homepage, then each page the rules need, in one tab as a visitor would (closed with the context)."""
        await install_tracker(context)
        page = await context.new_page()
        popups = track_popups(page)

        def reading(before: list[PageSnapshot]) -> _Reading | None:
            if reads is None or wanted is None:
                return None
            return _Reading(lambda this: wanted([*before, this]), reads, len(before))

        home = await self._visit(page, "home", url, files, deadline, lambda home: cited([home]), reading([]))
        if home.error is not None:
            error = self._refusal(home) or home.error
            return SiteSnapshot(input_url=url, final_url=home.final_url, status=classify_failure(error),
                                error=error, pages=[home], started_at=started, finished_at=now_iso())
        refused = self._refusal(home) if home.http_status == 403 else None  # the guard answers 403
        if refused:
            return SiteSnapshot(input_url=url, final_url=home.final_url, status=SiteStatus.UNREACHABLE,
                                error=refused, pages=[home], started_at=started, finished_at=now_iso())
        blocked = blocked_reason(home)
        if blocked:
            return SiteSnapshot(input_url=url, final_url=home.final_url, status=SiteStatus.BLOCKED,
                                error=blocked, pages=[home], started_at=started, finished_at=now_iso())
        if home.http_status is not None and home.http_status >= 400:  # an error page is not the site's homepage
            return SiteSnapshot(input_url=url, final_url=home.final_url, status=SiteStatus.UNREACHABLE,
                                error=f"HTTP {home.http_status}", pages=[home], started_at=started,
                                finished_at=now_iso())
        targets = await self._find_pages(page, home, kinds, popups)
        pages = [home]
        seen = {page_key(home.final_url), page_key(url)}
        for kind, target in targets.items():
            key = page_key(target)
            reused = next((p for p in pages if key in (page_key(p.url), page_key(p.final_url))), None)
            if reused is not None:  # one document serving two kinds (e.g. agreement + rules)
                pages.append(reused.model_copy(update={"kind": kind}))
                continue
            if len(seen) > self.limits.max_pages or deadline.left() < 2:
                pages.append(PageSnapshot(kind=kind, url=target, final_url=target,
                                          error="not visited: page or time limit of the site reached"))
                continue
            seen.add(key)
            if page.is_closed():
                page = await context.new_page()
                track_popups(page)
            # The same tab, as a visitor following a link: the site's renderer is reused, which
            # spares a process start per page (docs/performance.md).
            visited = await self._visit(page, kind, target, files, deadline, lambda this: cited([*pages, this]),
                                        reading(list(pages)))
            pages.append(visited)
            if visited.error is not None:  # a failed page (crash, download, hang) may leave the tab unusable
                with contextlib.suppress(PlaywrightError):
                    await page.close()
        return SiteSnapshot(input_url=url, final_url=home.final_url, status=SiteStatus.AUDITED,
                            pages=pages, started_at=started, finished_at=now_iso())

    async def _with_reads(self, pages: list[PageSnapshot], reads: SiteReads, site_dir: Path,
                          deadline: _Deadline) -> list[PageSnapshot]:
        """The pages with what was read in their pictures (and each picture as read, beside the snapshot)."""
        done = await reads.finish(deadline.left())
        pages = list(pages)
        for (position, index), (read, source) in sorted(done.items()):
            name = f"image-{read.sha256[:12]}.{read.copy_ext}"
            await asyncio.to_thread(write_atomic, site_dir / name, read.copy)
            text = OcrText(sha256=read.sha256, source=source, engine=ocr.engine_name(), file=name, size=read.size,
                           lines=[OcrLine(text=t, confidence=c, box=b) for t, c, b in read.lines])
            # The same document may serve two page kinds (agreement and rules): each copy gets the read.
            for at, page in enumerate(pages):
                if page.final_url == pages[position].final_url and index < len(page.images):
                    images = list(page.images)
                    images[index] = images[index].model_copy(update={"ocr": text})
                    pages[at] = page.model_copy(update={"images": images})
        if done or reads.skipped:
            log.info("%s: %d picture(s) read (%.2f s CPU), %d from the cache, %d left unread by the site's bounds",
                     pages[0].url, reads.read, reads.spent_s, len(done) - reads.read, reads.skipped)
        return pages

    def _refusal(self, home: PageSnapshot) -> str | None:
        """Why the egress guard did not let the homepage (or a redirect on the way) load, if it did not."""
        if self.proxy is None:
            return None
        for address in (*home.redirects, home.url, home.final_url):
            problem = self.proxy.refusal_for(address)
            if problem:
                return refused_message(problem) if "private" in problem else problem
        return None

    async def _visit(self, page: Page, kind: str, url: str, files: SiteFiles, deadline: _Deadline,
                     cited: Callable[[PageSnapshot], list[BBox]], reading: _Reading | None = None) -> PageSnapshot:
        snapshot = await self._load_and_read(page, kind, url, files, deadline, cited, watch_document(page))
        if reading is not None and snapshot.error is None and snapshot.images:
            await self._queue_reads(page, snapshot, reading)
        return snapshot

    async def _queue_reads(self, page: Page, snapshot: PageSnapshot, reading: _Reading) -> None:
        """Hand the pictures the rules would call "only in an image" to the reader, with the bytes the page has."""
        try:
            # Judging is CPU work of ours: off the event loop, as for the pictures.
            picks = await asyncio.to_thread(reading.wanted, snapshot)
            if not picks:
                return
            async with loaded_pictures(page) as pictures:
                for index in picks[: self.limits.ocr_max_images]:
                    got = await pictures.bytes_of(snapshot.images[index], self.limits.ocr_max_bytes)
                    if got is not None:
                        reading.reads.add((reading.position, index), got[0], got[1])
        except PlaywrightError as exc:  # the page went away: its pictures stay unread, the site goes on
            log.info("pictures of %s not read: %s", snapshot.final_url, short_error(exc))

    async def _load_and_read(self, page: Page, kind: str, url: str, files: SiteFiles, deadline: _Deadline,
                             cited: Callable[[PageSnapshot], list[BBox]], watch: DocumentWatch) -> PageSnapshot:
        timeout_ms = max(1000.0, min(self.limits.page_timeout_s, deadline.left()) * 1000)
        fetched = now_iso()
        response: Response | None = None
        try:
            response = await page.goto(url, wait_until="load", timeout=timeout_ms)
        except PlaywrightTimeout:
            # Read what arrived; whether the document itself is whole is asked below (_incomplete).
            # Slow sub-resources should not lose a page whose document did arrive.
            if page.url in ("about:blank", ""):
                return PageSnapshot(kind=kind, url=url, final_url=url, fetched_at=fetched,
                                    error=f"timeout: no response within {timeout_ms / 1000:.0f} s")
        except PlaywrightError as exc:
            message = short_error(exc)
            if "download is starting" in message.lower():
                message = FILE_NOT_PAGE
            return PageSnapshot(kind=kind, url=url, final_url=page.url if page.url != "about:blank" else url,
                                fetched_at=fetched, error=message)
        if await shows_a_pdf(page, response):
            return PageSnapshot(kind=kind, url=url, final_url=page.url, fetched_at=fetched, error=FILE_NOT_PAGE)
        # Every page a rule reads settles by the same evidence: the homepage its footer, the others their text.
        await settle(page, self.limits, footer=kind == "home", document=kind != "home")
        if kind == "home":  # what a visitor sees who scrolls to the footer (one written when scrolled to)
            await scroll_to_end(page, self.limits)
        try:
            # A document's folded sections are its text; the homepage's duty is to display.
            reveal = self.limits.reveal_limits() if kind != "home" else None
            data, copy = await self._extract_settled(page, reveal)
            dom = self._keep_dom(page, copy, kind, files) if data is not None else None
        except PlaywrightError as exc:
            return PageSnapshot(kind=kind, url=url, final_url=page.url, fetched_at=fetched,
                                error=f"could not read page: {short_error(exc)}")
        if data is None:  # the answer's headers came, its page never did
            return PageSnapshot(kind=kind, url=url, final_url=page.url, fetched_at=fetched,
                                error=f"timeout: no page arrived within {timeout_ms / 1000:.0f} s")
        snapshot = PageSnapshot(
            kind=kind, url=url, final_url=page.url, fetched_at=fetched,
            http_status=response.status if response else None,
            redirects=await redirect_chain(response),
            title=str(data["title"])[:500], page_size=tuple(data["page_size"]),
            blocks=_BLOCKS.validate_python(data["blocks"]), links=_LINKS.validate_python(data["links"]),
            images=_IMAGES.validate_python(data["images"]),
            frames=data["frames"], has_password_field=bool(data["has_password_field"]),
            anchor=Anchor.model_validate(data["anchor"]) if data.get("anchor") else None,
            truncated=bool(data.get("truncated")), dom=dom,
            incomplete=_incomplete(data, watch, page.url, timeout_ms / 1000))
        snapshot = bounded(snapshot, self.limits.max_snapshot_bytes, data.get("json_size"))
        if not self.limits.screenshots:
            return snapshot
        # Judging is CPU work of ours: off the event loop, which keeps watching the browser (a
        # judgement may be long: tests/test_batch.py, heavy judging). What the rules cite is
        # worked out while the page is photographed whole (a homepage).
        boxes = asyncio.ensure_future(asyncio.to_thread(cited, snapshot))
        shots = await take_pictures(page, kind, files, snapshot.page_size, boxes,
                                    whole=kind == "home" or self.limits.whole_pages,
                                    max_whole_height=self.limits.max_screenshot_height)
        await boxes  # done by now, unless the pictures stopped early: the next page's judging comes after it
        return snapshot.model_copy(update={"screenshots": shots})

    async def _extract_settled(self, page: Page, reveal: dict[str, int] | None
                               ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """Extract, waiting out a page that navigates again (meta refresh, script redirect) a few times."""
        for attempt in range(3):
            try:
                return await self._extract(page, reveal)
            except PlaywrightError as exc:
                navigating = "context was destroyed" in str(exc) or "navigat" in str(exc).lower()
                if not navigating or attempt == 2:
                    if navigating:
                        raise PlaywrightError("the page keeps navigating (refresh or redirect loop)") from exc
                    raise
                await settle(page, self.limits)
        raise AssertionError("unreachable")

    async def _extract(self, page: Page, reveal: dict[str, int] | None
                       ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """The page's reading, its same-origin frames merged in, and its DOM copy (read_page's)."""
        data, copy = await read_page(page, self.limits.js_limits(), reveal, self.limits.max_dom_bytes)
        if data is None:  # no document yet (snapshot.js)
            return None, None
        data["frames"] = []
        origin = _origin(page.url)
        for frame in page.frames[1:]:
            if _frame_origin(frame) != origin:
                if frame.url and frame.url != "about:blank":
                    data["frames"].append(frame.url)
                continue
            await self._merge_frame(frame, data)
        return data, copy

    async def _merge_frame(self, frame: Frame, data: dict[str, Any]) -> None:
        """Add a same-origin iframe's content, moved to where the iframe sits on the page."""
        element = await frame.frame_element()
        box = await element.bounding_box()
        if box is None or not await element.is_visible():
            return
        inner = await read_snapshot(frame, self.limits.js_limits())
        if inner is None or not _well_shaped(inner):
            if inner is not None:
                log.info("frame %s of %s left out: its reading is not snapshot.js's", frame.url, frame.page.url)
            return
        dx, dy = box["x"], box["y"]
        if data.get("json_size") is not None:  # the page's size is now the frame's too (unknown if the frame's is)
            data["json_size"] = data["json_size"] + inner["json_size"] if "json_size" in inner else None
        for key in ("blocks", "links", "images"):
            for item in inner[key]:
                x, y, w, h = item["bbox"]
                item["bbox"] = [x + dx, y + dy, w, h]
                if key == "blocks":
                    item["frame"] = frame.url
                data[key].append(item)

    def _keep_dom(self, page: Page, copy: dict[str, Any] | None, kind: str, files: SiteFiles) -> str | None:
        """The rendered DOM (what scripts made of the page) as inert HTML, kept as evidence beside the snapshot."""
        if copy is None or "error" in copy or not isinstance(copy.get("html"), str):
            log.info("no DOM copy of %s: %s", page.url, (copy or {}).get("error", "no copy came back"))
            return None
        removed = copy.get("removed") or {}
        note = (f"<!-- The rendered DOM, made inert by the auditor: {removed.get('elements', 0)} elements that run, "
                f"load or navigate, {removed.get('handlers', 0)} event handlers and {removed.get('urls', 0)} "
                "script or data URLs left out; fetching attributes renamed data-auditor-*"
                f"{'; cut at the size limit' if copy.get('cut') else ''}. -->")
        data = (DOM_COPY_HEAD + note + copy["html"]).encode("utf-8", "replace")
        # Cut on a character boundary: a cut inside a tag ends the file, it cannot start one.
        data = data[: self.limits.max_dom_bytes].decode("utf-8", "ignore").encode("utf-8")
        return files.write(f"{kind}.html", data)

    async def _find_pages(self, page: Page, home: PageSnapshot, kinds: set[str], popups: Popups
                          ) -> dict[str, str]:
        """Pick one URL per needed page kind: the best-scoring same-site link, else a clicked one."""
        candidates = [(link.text or link.title, link.url) for link in home.links]
        found: dict[str, str] = {}
        for kind in sorted(kinds):
            spec = self.vocabulary.kinds.get(kind)
            if spec is None:
                continue
            for _, _, url in rank(spec, candidates):
                if same_site(url, home.final_url):
                    found[kind] = url
                    break
        missing = [k for k in sorted(kinds) if k not in found and k in self.vocabulary.kinds]
        if missing:
            found.update(await self._click_for(page, home, missing, popups))
        return found

    async def _click_for(self, page: Page, home: PageSnapshot, kinds: list[str], popups: Popups
                         ) -> dict[str, str]:
        """Follow script-driven links (href="#" with onclick) by clicking them, as a visitor would."""
        found: dict[str, str] = {}
        for kind in kinds:
            try:  # read the marks each time: a click and "back" may have rebuilt the page
                clickables: list[dict[str, str]] = await page.evaluate(
                    "() => Array.from(document.querySelectorAll('[data-auditor-click]'))"
                    ".map(e => ({id: e.getAttribute('data-auditor-click'), text: (e.innerText || '').trim()}))")
            except PlaywrightError:
                return found
            ranked = rank(self.vocabulary.kinds[kind], [(c["text"], "") for c in clickables])
            if not ranked:
                continue
            click_id = next(c["id"] for c in clickables if c["text"] == ranked[0][1])
            url = await self._click_target(page, home.final_url, click_id, popups)
            if url and same_site(url, home.final_url):
                found[kind] = url
        return found

    async def _click_target(self, page: Page, home_url: str, click_id: str, popups: Popups) -> str | None:
        """Click one script-driven link; return where it went (same tab or popup), then come back."""
        before = popups.opened
        leaving = Leaving(page)
        with contextlib.suppress(PlaywrightError):
            await page.click(f'[data-auditor-click="{click_id}"]', timeout=3000, no_wait_after=True)
            await leaving.followed(home_url, self.limits.page_timeout_s)
        leaving.stop()
        if page_key(page.url) != page_key(home_url):
            url = page.url
            with contextlib.suppress(PlaywrightError):  # back home; mark its clickables again for the next kind
                await page.go_back(timeout=5000)
                await settle(page, self.limits)
                await page.evaluate(SNAPSHOT_JS, self.limits.js_limits())
            return url
        await popups.settled()
        return next((u for u in popups.urls[before:] if u and u != "about:blank"), None)


class Leaving:
    """The tab's next document request, as a click's script starts it.

    A script reacts to a click at once (CLICK_REACTION_S); the server answers when it
    can. So the wait for the answer is bounded by the page time limit, not by a fixed pause
    that a slow server, a busy machine or a browser that lets each request through the
    DevTools protocol (challenges.py) would miss.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.request: asyncio.Future[Request] = asyncio.get_running_loop().create_future()
        self._heard = listener(self._on_request)
        page.on("request", self._heard)

    def _on_request(self, request: Request) -> None:
        if not self.request.done() and request.is_navigation_request() and request.frame == self.page.main_frame:
            self.request.set_result(request)

    async def followed(self, home_url: str, answer_s: float) -> None:
        """Wait for a navigation to start, then for its answer and, unless it was a download, the new document."""
        try:
            async with asyncio.timeout(CLICK_REACTION_S):
                request = await asyncio.shield(self.request)
            async with asyncio.timeout(answer_s):
                await request.response()
            home = home_url.split("#")[0]
            await self.page.wait_for_url(lambda url: url.split("#")[0] != home, wait_until="commit",
                                         timeout=COMMIT_AFTER_ANSWER_S * 1000)
        except (TimeoutError, PlaywrightTimeout):
            return  # no navigation (a pop-up, a script, nothing), or no document came of it

    def stop(self) -> None:
        self.page.remove_listener("request", self._heard)
        self.request.cancel()


@dataclass
class Popups:
    """Windows a page opened: counted when they open, URL recorded once they commit."""

    opened: int = 0
    urls: list[str] = field(default_factory=list)

    async def settled(self, timeout_s: float = 3.5) -> None:
        waited = 0.0
        while len(self.urls) < self.opened and waited < timeout_s:
            await asyncio.sleep(0.1)
            waited += 0.1


def track_popups(page: Page) -> Popups:
    """Close every window a page opens (pop-up floods cost memory); remember where each went."""
    popups = Popups()

    async def on_popup(popup: Page) -> None:
        popups.opened += 1
        with contextlib.suppress(PlaywrightError):
            await popup.wait_for_load_state("domcontentloaded", timeout=3000)
        popups.urls.append(popup.url)
        with contextlib.suppress(PlaywrightError):
            await popup.close()

    page.on("popup", on_popup)
    return popups


# The page's own JSON (snapshot.js) holds what the snapshot holds but the fields of ours each item
# gets (1.1–1.8× as long on the bench corpus and the demo sites): far under the limit, the
# snapshot need not be written out to be measured.
SURELY_UNDER = 0.25


def bounded(snapshot: PageSnapshot, max_bytes: int, read_size: int | None = None) -> PageSnapshot:
    """Keep a page's snapshot under `max_bytes`: drop main-content text first, never footer or header.

    Disclosures live in headers and footers; a 50 MB page of body text must not make
    a snapshot nobody can load again. `read_size`: the length of the JSON the page was read as.
    """
    if read_size is not None and read_size <= max_bytes * SURELY_UNDER:
        return snapshot
    size = len(snapshot.model_dump_json())
    if size <= max_bytes:
        return snapshot
    keep = [b for b in snapshot.blocks if b.region != "main"]
    main = [b for b in snapshot.blocks if b.region == "main"]
    budget = max_bytes - len(snapshot.model_copy(update={"blocks": keep}).model_dump_json())
    kept_main: list[TextBlock] = []
    for block in main:
        cost = len(block.model_dump_json()) + 1
        if cost > budget:
            break
        kept_main.append(block)
        budget -= cost
    blocks = sorted(keep + kept_main, key=lambda b: (b.bbox[1], b.bbox[0]))
    links = snapshot.links[: max(100, len(snapshot.links) * max_bytes // size)]
    return snapshot.model_copy(update={"blocks": blocks, "links": links, "truncated": True})


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def well_formed(value: Any) -> Any:
    """The page's data with every lone UTF-16 surrogate replaced by U+FFFD.

    JavaScript strings may hold half a surrogate pair (a title set by script, text cut by the
    page); JSON and UTF-8 cannot, and a snapshot that cannot be written is a site lost (issue 13).
    """
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value) if _LONE_SURROGATE.search(value) else value
    if isinstance(value, list):
        return [well_formed(item) for item in value]
    if isinstance(value, dict):
        return {key: well_formed(item) for key, item in value.items()}
    return value


def _incomplete(data: dict[str, Any], watch: DocumentWatch, url: str, waited_s: float) -> str | None:
    """Why the page is known to lack its end, if it is: its transfer broke off, or was still going."""
    failure = watch.failures.get(url)
    if failure:
        return f"the transfer of the page broke off ({failure}): only its first part arrived"
    if data.get("ready") == "loading":
        return f"the page was still arriving after {waited_s:.0f} s: only its first part was read"
    return None


def _frame_origin(frame: Frame) -> str:
    """A frame's origin; an <iframe srcdoc> (about:srcdoc) is its parent's: the parent wrote it."""
    while frame.url == "about:srcdoc" and frame.parent_frame is not None:
        frame = frame.parent_frame
    return _origin(frame.url)


def _origin(url: str) -> str:
    parts = split_url(url)
    return f"{parts.scheme}://{parts.netloc}" if parts is not None else ""


async def redirect_chain(response: Response | None) -> list[str]:
    chain: list[str] = []
    request = response.request if response else None
    while request is not None and request.redirected_from is not None:
        request = request.redirected_from
        chain.insert(0, request.url)
    return chain


def blocked_reason(home: PageSnapshot) -> str | None:
    """A homepage that is a CAPTCHA, WAF or login wall cannot be assessed: blocked, not failed."""
    if home.http_status in (401, 403, 407, 429):
        return f"HTTP {home.http_status}"
    text = (home.title + " " + home.text[:2000]).lower()
    short = len(home.text) < 600
    if short and any(word in text for word in BLOCKED_WORDS):
        return "CAPTCHA or firewall page"
    if home.has_password_field and short and any(w in home.final_url.lower() for w in ("login", "passport", "signin")):
        return "login wall"
    return None
