"""Which site runs next, and how many at once: politeness per host, and concurrency that follows the machine.

:class:`HostQueue` hands out sites so no host is hammered; :class:`Throttle` bounds the
sites in flight, and with ``--concurrency auto`` moves that bound with the CPU and memory
left (sampled from ``/proc``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import Counter, deque
from collections.abc import AsyncIterator
from pathlib import Path

from auditor.inputs.sites import SiteInput
from auditor.options import AUTO, AUTO_START, DEFAULT_MAX_MEMORY_MB, RunOptions
from auditor.urls import host_key

AUTO_STEP_S = 2.0
MIN_FREE_MEMORY = 1 << 30  # never add a site while less than this is available on the machine


class HostQueue:
    """Hands out sites so no host has more than `per_host` in flight, with `delay_s` between two of its sites.

    Hosts take turns (round robin in input order), so one host with many URLs neither
    gets hammered nor holds up the others.
    """

    def __init__(self, sites: list[SiteInput], per_host: int = 1, delay_s: float = 0.0) -> None:
        self.per_host = max(1, per_host)
        self.delay_s = max(0.0, delay_s)
        self._waiting: dict[str, deque[SiteInput]] = {}
        for site in sites:
            self._waiting.setdefault(host_key(site.url), deque()).append(site)
        self._queued = len(sites)
        self._ready: deque[str] = deque(self._waiting)
        self._in_ready: set[str] = set(self._waiting)
        self._busy: Counter[str] = Counter()
        self._changed = asyncio.Event()

    async def take(self) -> SiteInput | None:
        """The next site a worker may start, waiting for a host to be free; None when all are handed out."""
        while True:
            while self._ready:
                host = self._ready.popleft()
                self._in_ready.discard(host)
                queue = self._waiting[host]
                if not queue or self._busy[host] >= self.per_host:
                    continue
                site = queue.popleft()
                self._queued -= 1
                self._busy[host] += 1
                if queue and self._busy[host] < self.per_host and self.delay_s == 0:
                    self._make_ready(host)
                if self._queued == 0:
                    self._changed.set()  # let idle workers see that nothing is left
                return site
            if self._queued == 0:
                return None
            self._changed.clear()
            await self._changed.wait()

    def done(self, site: SiteInput) -> None:
        host = host_key(site.url)
        self._busy[host] -= 1
        if not self._waiting[host]:
            return
        if self.delay_s > 0:
            asyncio.get_running_loop().call_later(self.delay_s, self._make_ready, host)
        else:
            self._make_ready(host)

    def _make_ready(self, host: str) -> None:
        if host not in self._in_ready and self._waiting[host] and self._busy[host] < self.per_host:
            self._ready.append(host)
            self._in_ready.add(host)
            self._changed.set()


class Throttle:
    """How many sites may be in flight; with `adaptive`, follows the CPU and memory left on the machine.

    Every AUTO_STEP_S seconds: when every slot is in use and the CPU was idle more than
    15 % of the time (and memory is plentiful), one more slot (two when idle over 40 %);
    when it was idle less than 5 % of the time, or the run uses more memory than
    `max_memory` bytes, one fewer (the site in flight finishes first). The whole
    machine's CPU counts, so the run also makes room for other work on it.
    """

    def __init__(self, start: int, high: int, adaptive: bool, max_memory: int = DEFAULT_MAX_MEMORY_MB << 20) -> None:
        self.limit = max(1, start)
        self.low = min(2, self.limit)
        self.high = max(self.limit, high)
        self.adaptive = adaptive
        self.max_memory = max_memory
        self.active = 0
        self.peak = self.limit
        self._changed = asyncio.Condition()
        self._last = _cpu_times()

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: self.active < self.limit)
            self.active += 1
        try:
            yield
        finally:
            async with self._changed:
                self.active -= 1
                self._changed.notify_all()

    async def resize(self, limit: int) -> None:
        """Set the bound from outside, within 1..high (a distributed batch: twice its workers' capacity)."""
        self.limit = max(1, min(self.high, limit))
        self.peak = max(self.peak, self.limit)
        async with self._changed:
            self._changed.notify_all()

    async def control(self) -> None:
        """Adjust the limit until cancelled (at the end of the run)."""
        while self.adaptive:
            await asyncio.sleep(AUTO_STEP_S)
            idle = self._idle()
            if idle is None:
                return  # no /proc/stat: stay where we are
            used = _run_memory()
            saturated = self.active >= self.limit  # more slots only help when all are in use
            roomy = _free_memory() > MIN_FREE_MEMORY and used < 0.85 * self.max_memory
            if idle > 0.15 and saturated and roomy and self.limit < self.high:
                self.limit = min(self.high, self.limit + (2 if idle > 0.4 else 1))
            elif (idle < 0.05 or used > self.max_memory) and self.limit > self.low:
                self.limit -= 1
            self.peak = max(self.peak, self.limit)
            async with self._changed:
                self._changed.notify_all()

    def _idle(self) -> float | None:
        now = _cpu_times()
        if now is None or self._last is None:
            return None
        busy, idle = now[0] - self._last[0], now[1] - self._last[1]
        self._last = now
        return idle / (busy + idle) if busy + idle > 0 else None


def _cpu_times() -> tuple[int, int] | None:
    """(busy, idle) jiffies of the whole machine since boot, from /proc/stat."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields[:8]) - idle, idle


def _run_memory() -> int:
    """Proportional memory (PSS) of this process and its descendants (driver, browser, renderers)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    tree, frontier = {os.getpid()}, {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    total = 0
    for pid in tree:
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
    return total


def _free_memory() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return MIN_FREE_MEMORY + 1  # unknown: do not let it block


def make_throttle(options: RunOptions) -> Throttle:
    if options.concurrency == AUTO:
        return Throttle(min(AUTO_START, options.max_concurrency), options.max_concurrency, adaptive=True,
                        max_memory=options.max_memory_mb << 20)
    return Throttle(options.concurrency, options.concurrency, adaptive=False)
