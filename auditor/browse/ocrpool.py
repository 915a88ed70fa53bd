"""The OCR helper of a run: one process with a warm model, beside the event loop that drives the browser.

Reading a licence scan is a second or more of CPU; done on the event loop it would stall
every site in flight, and done in a thread it would hold the interpreter's lock and 400 MB
in the auditor's own process. So a run has one helper process (``concurrent.futures``
with a spawned worker: the auditor's process has threads, which a fork would copy
half-way), started when the first picture is to be read and kept warm until the run ends.

* **Cache.** Reads are kept by the SHA-256 of the bytes, for the run: the same badge on a
  thousand sites is read once, and a picture shown on two pages of a site costs nothing
  the second time (a read in progress is waited for, not started again).
* **Bounds.** Per site (:class:`SiteReads`): at most ``Limits.ocr_max_images`` pictures
  read and ``Limits.ocr_cpu_s`` CPU seconds, kept by each picture's expected cost before it
  is started (scaled by what the site's reads so far cost against their expected cost). A
  read that takes longer than ``READ_TIMEOUT_S`` ends the helper (killed by
  its pid) and the next read starts a new one.
* **Absent.** Without the `ocr` extra (or with other versions than the pinned ones) the
  auditor says so once, in one line, and pictures stay "only in an image".
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import logging
import multiprocessing
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Literal

from PIL import Image, UnidentifiedImageError

from auditor.browse import ocr
from auditor.options import Limits

log = logging.getLogger(__name__)
Source = Literal["response", "data_url", "screenshot"]  # where a picture's bytes came from (OcrText.source)
READ_TIMEOUT_S = 30.0  # one picture; far beyond the slowest read measured (docs/performance.md)
START_TIMEOUT_S = 120.0  # the helper's start: a fresh interpreter importing onnxruntime and the models
CACHE_SIZE = 512
_told_missing = False


def ocr_missing() -> str | None:
    """Why pictures cannot be read on this install, said once per process (None: they can)."""
    global _told_missing
    problem = ocr.missing()
    if problem is not None and not _told_missing:
        _told_missing = True
        log.warning("numbers shown only as pictures are not read: %s; they stay \"only in an image\"", problem)
    return problem


class OcrReader:
    """The run's helper process and its cache: ``await reader.read(data)``."""

    def __init__(self, read_timeout_s: float = READ_TIMEOUT_S) -> None:
        self.read_timeout_s = read_timeout_s
        self._executor: ProcessPoolExecutor | None = None
        self._started: asyncio.Future[None] | None = None
        self._cache: OrderedDict[str, asyncio.Task[ocr.Read | None]] = OrderedDict()
        self.reads = 0  # pictures actually read by the helper (not from the cache)

    async def read(self, data: bytes) -> tuple[ocr.Read | None, bool]:
        """The picture's read (None if it could not be read), and whether the helper spent time on it now."""
        key = hashlib.sha256(data).hexdigest()
        task = self._cache.get(key)
        fresh = task is None
        if task is None:
            task = asyncio.get_running_loop().create_task(self._read(data))
            self._cache[key] = task
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return await asyncio.shield(task), fresh

    async def _read(self, data: bytes) -> ocr.Read | None:
        loop = asyncio.get_running_loop()
        try:
            executor = await self._helper()
            async with asyncio.timeout(self.read_timeout_s):
                read = await loop.run_in_executor(executor, ocr.read_picture, data)
        except TimeoutError:
            log.warning("reading a picture took more than %.0f s: the OCR helper is restarted", self.read_timeout_s)
            self._stop(kill=True)
            return None
        except BrokenProcessPool:
            log.warning("the OCR helper died; the next picture starts a new one")
            self._stop(kill=True)
            return None
        except Exception:  # the helper's exception (NetworkRefusedError among them): that picture is unread
            log.exception("reading a picture failed")
            return None
        self.reads += 1
        return read

    async def _helper(self) -> ProcessPoolExecutor:
        """The running helper; the first caller starts it (loading the models), the others wait for that."""
        if self._started is None:
            self._started = asyncio.get_running_loop().create_task(self._start())
        async with asyncio.timeout(START_TIMEOUT_S):
            await asyncio.shield(self._started)
        assert self._executor is not None
        return self._executor

    async def _start(self) -> None:
        # spawn, not fork: the auditor's process runs threads (Playwright's, asyncio's), which a
        # forked child would inherit stopped mid-way.
        context = multiprocessing.get_context("spawn")
        self._executor = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=ocr.start_helper)
        # The first call waits for the initialiser: the models are loaded before any site's read is timed.
        await asyncio.get_running_loop().run_in_executor(self._executor, ocr.peak_mb)

    async def call(self, function: object, *args: object) -> object:
        """Run another function of auditor.browse.ocr in the helper (tests: the network refusal)."""
        executor = await self._helper()
        return await asyncio.get_running_loop().run_in_executor(executor, function, *args)  # type: ignore[arg-type]

    def _stop(self, kill: bool) -> None:
        executor, self._executor, self._started = self._executor, None, None
        if executor is None:
            return
        if kill:
            # concurrent.futures has no public way (before Python 3.14) to end a worker that is stuck
            # in a call: its processes are ours, started by this executor, and ended by their pids.
            for process in list(getattr(executor, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    process.kill()
        executor.shutdown(wait=not kill, cancel_futures=True)

    def close(self) -> None:
        self._stop(kill=False)


def picture_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the picture's header (nothing decoded); None when Pillow cannot tell."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            return picture.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None


class SiteReads:
    """One site's pictures, read one after another within its bounds; results by key (page, picture)."""

    def __init__(self, reader: OcrReader, limits: Limits) -> None:
        self.reader = reader
        self.max_images = limits.ocr_max_images
        self.budget_s = limits.ocr_cpu_s
        self.spent_s = 0.0
        self.read = 0
        self.skipped = 0
        self.refused = 0  # pictures that cannot hold text by their header (too small, too large, unreadable)
        self._expected_s = 0.0  # what the pictures read so far were expected to cost
        self.results: dict[tuple[int, int], tuple[ocr.Read, Source]] = {}
        self._tasks: list[asyncio.Task[None]] = []

    def add(self, key: tuple[int, int], data: bytes, source: Source) -> None:
        """Queue a picture; it is read after the site's pictures before it, if the bounds allow."""
        before = self._tasks[-1] if self._tasks else None
        self._tasks.append(asyncio.get_running_loop().create_task(self._read(key, data, source, before)))

    async def _read(self, key: tuple[int, int], data: bytes, source: Source,
                    before: asyncio.Task[None] | None) -> None:
        if before is not None:
            await asyncio.wait([before])  # in order: the budget left is known before this one starts
        size = picture_size(data)
        # What the helper would refuse on sight (a spacer pixel, a "picture" of a billion pixels, bytes
        # Pillow cannot read) is refused here: a run whose only such pictures are these never starts
        # the helper, whose models cost seconds of CPU to load (issue 17).
        if size is None or ocr.size_problem(*size) is not None:
            self.refused += 1
            return
        expected = ocr.expected_cpu_s(*size)
        # What the site's reads have cost against what they were expected to: a machine slower than
        # the one measured (docs/performance.md), or busy, makes every later picture dearer.
        cost = expected * max(1.0, self.spent_s / self._expected_s if self._expected_s else 1.0)
        if self.read >= self.max_images or self.spent_s + cost > self.budget_s:
            self.skipped += 1
            return
        result, fresh = await self.reader.read(data)
        if fresh:
            self.read += 1
            self.spent_s += result.cpu_s if result is not None else cost
            self._expected_s += expected
        if result is not None and result.problem is None:
            self.results[key] = (result, source)

    def cancel(self) -> None:
        """Drop the site's reads (it could not be assessed); a read the helper has begun still fills the cache."""
        for task in self._tasks:
            task.cancel()

    async def finish(self, timeout_s: float) -> dict[tuple[int, int], tuple[ocr.Read, Source]]:
        """Every read that ends within `timeout_s`; the others are dropped (their pictures stay unread)."""
        if self._tasks:
            _, late = await asyncio.wait(self._tasks, timeout=max(0.1, timeout_s))
            for task in late:  # the helper finishes a read it started (for the cache); this site does not wait
                task.cancel()
            if late:
                log.info("OCR of a site's pictures did not finish in time: %d read, %d not", len(self.results),
                         len(late))
        return dict(self.results)
