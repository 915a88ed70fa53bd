"""Which site runs next, and how many at once: politeness per host, and concurrency that follows the machine.

:class:`HostQueue` hands out sites so no host is hammered; :class:`Throttle` bounds the
sites in flight, and with ``--concurrency auto`` moves that bound with the CPU and memory
left (sampled from ``/proc``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from auditor.inputs.sites import SiteInput
from auditor.options import AUTO, AUTO_START, DEFAULT_MAX_MEMORY_MB, RunOptions
from auditor.urls import host_key

log = logging.getLogger(__name__)

AUTO_STEP_S = 2.0
IDLE_CORES = 0.3  # idle CPU (in cores) that says the machine has room for another site
MIN_SITES = 6  # sites finished at a level before its throughput is compared with another's
CEILING_STEPS = 15  # steps a level found worse stays out of reach (30 s): then it is tried again
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
        self.closed = False

    def close(self) -> None:
        """Hand out no more sites (the run is stopping): every `take`, waiting or to come, gets None."""
        self.closed = True
        self._changed.set()

    async def take(self) -> SiteInput | None:
        """The next site a worker may start, waiting for a host to be free; None when all are handed out
        or the queue is closed."""
        while not self.closed:
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
        return None

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


@dataclass(frozen=True)
class Usage:
    """What the run did and used over one control step: its own figures, and the machine's idle CPU."""

    seconds: float
    finished: int  # sites finished in the step
    saturated: bool  # every slot was in use (more slots can only help then)
    own_cores: float  # CPU of the run's process tree (Python, driver, browser), in cores
    idle_cores: float  # CPU left idle on the machine, in cores
    memory: int  # PSS of the run's process tree, bytes
    free_memory: int = 1 << 40  # memory the machine has available, bytes


class Controller:
    """How many sites in flight, from the run's own throughput (hill climbing), CPU and memory.

    A site spends most of its time waiting for its pages, so more sites in flight raise the
    throughput until the CPU is used up; past that they only add latency and memory. So:

    * while the machine has idle CPU (IDLE_CORES or more), every slot is busy and memory is
      plentiful: one more slot a step (two when a good part of the machine is idle);
    * when it has none (used by this run or by anything else): compare the sites per second
      finished at this level with the level before, once enough sites finished at each to
      tell (MIN_SITES): a level worse by 5 % is left for the one before, and becomes a ceiling
      for CEILING_STEPS steps; one better by 5 % is climbed from; a plateau is held;
    * memory over `max_memory` (the run's own PSS): one fewer, and that level a ceiling; and
      never one more while the machine has less than MIN_FREE_MEMORY available.

    Nothing here reads another process's use as a reason to shrink: on a shared machine the
    run keeps the level its own throughput says is best (issue 17: the old rule, "fewer when
    the machine has no idle CPU", left a shared machine's run at 2–6 sites and 25–40 % slower).
    """

    def __init__(self, start: int, high: int, max_memory: int, cores: int) -> None:
        self.limit = max(1, start)
        self.low = min(2, self.limit)
        self.high = max(self.limit, high)
        self.max_memory = max_memory
        self.cores = max(1, cores)
        self.rates: dict[int, float] = {}  # sites per second measured at each level (its last stay)
        self._came_from: int | None = None
        self._ceiling, self._ceiling_steps = self.high, 0  # the highest level in reach, for some steps
        self._stay_sites, self._stay_seconds = 0, 0.0

    def step(self, usage: Usage) -> int:
        """The limit after one step's measurements."""
        if self._ceiling_steps:
            self._ceiling_steps -= 1
            if not self._ceiling_steps:
                self._ceiling = self.high  # time to look above the old ceiling again: sites change
        if usage.memory > self.max_memory and self.limit > self.low:
            return self._move(self.limit - 1, ceiling=self.limit - 1)
        if not usage.saturated:
            return self.limit  # a level not filled says nothing about itself
        self._stay_sites += usage.finished
        self._stay_seconds += usage.seconds
        measured = self._stay_sites >= max(MIN_SITES, self.limit)
        if measured:
            self.rates[self.limit] = self._stay_sites / self._stay_seconds
        roomy = usage.memory < 0.85 * self.max_memory and usage.free_memory > MIN_FREE_MEMORY
        if usage.idle_cores >= IDLE_CORES and roomy and self.limit < self._ceiling:
            step = 2 if usage.idle_cores >= 0.4 * self.cores else 1
            return self._move(min(self._ceiling, self.limit + step))
        if not measured:
            return self.limit
        before = self.rates.get(self._came_from) if self._came_from is not None else None
        rate = self.rates[self.limit]
        if before is not None and self._came_from is not None and rate < 0.95 * before:
            return self._move(self._came_from, ceiling=self.limit - 1)
        if (before is None or rate > 1.05 * before) and roomy and self.limit < self._ceiling:
            return self._move(self.limit + 1)  # better than below (or nothing to compare): look one up
        return self.limit

    def _move(self, limit: int, ceiling: int | None = None) -> int:
        if ceiling is not None:
            self._ceiling, self._ceiling_steps = ceiling, CEILING_STEPS
        self._came_from, self.limit = self.limit, max(self.low, min(self.high, limit))
        self._stay_sites, self._stay_seconds = 0, 0.0
        return self.limit


class Throttle:
    """How many sites may be in flight: fixed, or (`adaptive`) moved by a :class:`Controller`."""

    def __init__(self, start: int, high: int, adaptive: bool, max_memory: int = DEFAULT_MAX_MEMORY_MB << 20) -> None:
        self.controller = Controller(start, high, max_memory, _cores())
        self.limit = self.controller.limit
        self.high = self.controller.high
        self.adaptive = adaptive
        self.active = 0
        self.finished = 0
        self.peak = self.limit
        self._changed = asyncio.Condition()

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
                self.finished += 1
                self._changed.notify_all()

    async def resize(self, limit: int) -> None:
        """Set the bound from outside, within 1..high (a distributed batch: twice its workers' capacity)."""
        self.limit = max(1, min(self.high, limit))
        self.peak = max(self.peak, self.limit)
        async with self._changed:
            self._changed.notify_all()

    async def control(self) -> None:
        """Adjust the limit until cancelled (at the end of the run)."""
        if not self.adaptive:
            return
        sampler = TreeSampler(os.getpid())
        if await asyncio.to_thread(sampler.sample) is None:
            return  # no /proc: stay where we are
        finished = self.finished
        while True:
            await asyncio.sleep(AUTO_STEP_S)
            saturated = self.active >= self.limit  # read before the sample: it is what the step saw
            sample = await asyncio.to_thread(sampler.sample)  # /proc reading is off the event loop
            if sample is None:
                return
            usage = Usage(seconds=sample.seconds, finished=self.finished - finished, saturated=saturated,
                          own_cores=sample.own_cores, idle_cores=sample.idle_cores, memory=sample.memory,
                          free_memory=_free_memory())
            finished = self.finished
            self.limit = self.controller.step(usage)
            self.peak = max(self.peak, self.limit)
            log.debug("sites in flight %d (%d running); own CPU %.2f cores, idle %.2f, PSS %d MB, %d finished",
                      self.limit, self.active, usage.own_cores, usage.idle_cores, usage.memory >> 20,
                      usage.finished)
            async with self._changed:
                self._changed.notify_all()


@dataclass(frozen=True)
class Sample:
    seconds: float  # since the previous sample
    own_cores: float
    idle_cores: float
    memory: int


class TreeSampler:
    """CPU and memory of one process and its descendants, and the machine's idle CPU, from /proc.

    CPU counts the time of every process of the tree and of the children it has reaped
    (Chromium's renderers end with their sites), so it only grows.
    """

    def __init__(self, root: int) -> None:
        self.root = root
        self._last: tuple[float, float, float] | None = None  # (wall, tree CPU s, machine idle s)

    def sample(self) -> Sample | None:
        idle = _machine_idle_seconds()
        if idle is None:
            return None
        tree = _tree(self.root)
        cpu = sum(_cpu_seconds(pid) for pid in tree)
        now = time.monotonic()
        last, self._last = self._last, (now, cpu, idle)
        if last is None:
            return Sample(0.0, 0.0, 0.0, 0)
        seconds = max(1e-6, now - last[0])
        return Sample(seconds=seconds, own_cores=max(0.0, cpu - last[1]) / seconds,
                      idle_cores=max(0.0, idle - last[2]) / seconds, memory=sum(_pss(pid) for pid in tree))


def _free_memory() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return MIN_FREE_MEMORY + 1  # unknown: do not let it block


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _machine_idle_seconds() -> float | None:
    """Idle (and iowait) CPU seconds of the whole machine since boot, from /proc/stat."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return (fields[3] + (fields[4] if len(fields) > 4 else 0)) / TICKS


def _stat_fields(pid: int) -> list[str]:
    """/proc/PID/stat after the command name (which may hold spaces and parentheses)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _tree(root: int) -> list[int]:
    """The process and its descendants (the driver, the browser and its renderers)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int(_stat_fields(int(entry.name))[1])
    tree, frontier = {root}, {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    return sorted(tree)


def _cpu_seconds(pid: int) -> float:
    """utime + stime of the process and of its reaped children."""
    try:
        fields = _stat_fields(pid)
        return sum(int(x) for x in fields[11:15]) / TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def _pss(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


async def audit_each(queue: HostQueue, throttle: Throttle, audit: Callable[[SiteInput], Awaitable[None]]) -> None:
    """One of a batch's workers: take the next site as the throttle and the site's host allow, audit it,
    until no site is left (a local run's workers and a coordinator's sending slots alike)."""
    while True:
        async with throttle.slot():
            site = await queue.take()
            if site is None:
                return
            try:
                await audit(site)
            finally:
                queue.done(site)


def make_throttle(options: RunOptions) -> Throttle:
    if options.concurrency == AUTO:
        return Throttle(min(AUTO_START, options.max_concurrency), options.max_concurrency, adaptive=True,
                        max_memory=options.max_memory_mb << 20)
    return Throttle(options.concurrency, options.concurrency, adaptive=False)
