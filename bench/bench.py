"""Benchmark: the full auditor against a bare Playwright loop over the very same pages.

    python bench/bench.py run  [--sites 240] [--concurrency 16] [--browser PATH ...] [--rounds 1]
    python bench/bench.py sweep [--sites 120] [--levels 1,2,3,4,6,8]
    python bench/bench.py kill [--sites 1000] [--kills 3]
    python bench/bench.py hostile [--sites 200] [--share 0.2]
    python bench/bench.py overview [--sites 10000]
    python bench/bench.py peers [--sites 120] [--concurrency 16] [--timeout 20] [--rounds 2]

``run`` serves a synthetic corpus on 127.0.0.1 (bench/corpus.py, its own process), then
for each browser measures

  (b) ``auditor audit`` of the corpus (the real CLI, its own process: render, discover
      and click, settle, screenshots, judge, evidence crops, store, report pages), and
      (b-) the same with ``--no-screenshots`` (what a CI self-check needs), and
  (a) a bare Playwright loop, in its own process, loading exactly the pages (b)
      visited (read from b's snapshots): one browser, the same executable, flags,
      viewport and concurrency, a fresh context and one tab per site (as the auditor),
      ``goto`` until ``load``, nothing else;
  (a+) the same until the first frame after ``load`` is painted: a tab closed at its
      load event has often not been laid out or painted yet, which any reading of a
      page, and any picture of it, needs;
  (a') the same loop with the auditor's own waits (auditor/browse/settle.py, called as the
      auditor calls it: homepages read for a footer and scrolled to their end, other pages for
      their text) and homepage pictures,

and prints sites/min, pages/s, peak memory and the throughput ratios b/a and b/a+. Memory is
summed over each process tree (Python, Playwright's driver, every Chromium process),
sampled every 0.5 s: RSS (counts shared pages once per process, so it overstates) and
PSS (shares them out: the honest total).

``sweep`` runs (b) at several concurrencies to find the fastest default. ``kill`` is the
kill -9 check: a batch killed with SIGKILL at random moments and resumed must end with
every site in report.json exactly once. ``hostile`` audits a batch in which a share of
the sites fight back (tests/hostile_server.py) and checks that every site is accounted
for, printing peak memory. ``overview`` times opening, filtering and
sorting index.html with 10 000 sites. ``peers`` runs, side by side on one corpus with the
same browser, page timeout and concurrency, the homepage-only audit (``--max-pages 0``)
and each peer tool that is installed (pa11y-ci: one page a site, as it works); a peer that
is not installed is skipped with a line saying so, and nothing is installed at run time.

Every command leaves nothing behind: its corpus, output folders and pictures live in one
temporary folder that is removed at the end, however the command ends.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BROWSERS = {"headless-shell": "/usr/lib/chromium/chromium-headless-shell", "chromium": "/usr/bin/chromium"}
PAGE_TIMEOUT_S, SITE_TIMEOUT_S = 10, 60
LOOPS = ("bare", "painted", "capture")  # (a), (a+), (a'): see bare_loop


# --- measuring a process tree ----------------------------------------------------------------


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    return sorted(tree)


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of one process; (0, 0) when it is gone."""
    rss = pss = 0
    with contextlib.suppress(OSError, ValueError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    return rss, pss


@dataclass
class Measured:
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # user + system of the whole process tree (sampled per process)
    cpu_by: dict[str, float] = field(default_factory=dict)
    peak_rss: int = 0
    peak_pss: int = 0
    returncode: int | None = None
    stderr: str = ""


def _cpu(pid: int) -> tuple[str, float]:
    """(command name, CPU seconds so far) of one process."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        name = stat[stat.index("(") + 1: stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        return name, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return "", 0.0


@dataclass
class Sampler:
    pid: int
    peak_rss: int = 0
    peak_pss: int = 0
    cpu: dict[int, tuple[str, float]] = field(default_factory=dict)  # pid → (name, CPU seconds), last seen
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self._stop.wait(0.5):  # often enough for peaks, rarely enough to cost little CPU
            pids = _tree(self.pid)
            totals = [_memory(p) for p in pids]
            self.peak_rss = max(self.peak_rss, sum(t[0] for t in totals))
            self.peak_pss = max(self.peak_pss, sum(t[1] for t in totals))
            for pid in pids:
                name, seconds = _cpu(pid)
                if name:
                    self.cpu[pid] = (name, seconds)

    def by_process(self) -> dict[str, float]:
        """CPU seconds per kind of process: python (the measured command itself), python helpers (its
        Python children: the OCR reader), node (Playwright's driver), chromium."""
        out: dict[str, float] = {}
        for pid, (name, seconds) in self.cpu.items():
            if name.startswith("python"):
                kind = "python" if pid == self.pid else "python helpers"
            else:
                kind = "node" if _is_node(name) else "chromium"
            out[kind] = out.get(kind, 0.0) + seconds
        return out

    def stop(self) -> None:
        self._stop.set()


def _is_node(name: str) -> bool:
    """Playwright's driver: Node names its main thread, so the process shows as ``node-MainThread``
    (counted as Chromium until this was seen: every earlier Chromium figure held the driver's CPU)."""
    return name == "node" or name.startswith("node-")


def compiled_ahead(tmp: Path) -> str:
    """Have every measured Python run from bytecode compiled ahead, as an installed package runs.

    With PYTHONDONTWRITEBYTECODE set (this project's machines set it) each run would compile the
    auditor's modules again: 0.2 s of CPU a run that no user's audit spends. The bytecode goes to a
    folder of the benchmark's own (PYTHONPYCACHEPREFIX), so the checkout is left as it was; with a
    prefix set Python looks for every module's bytecode there, so the libraries are compiled into
    it too (about 13 s on 2 cores, before any timing). Both sides of every ratio run so. Returns
    what to print.
    """
    prefix = tmp / "pycache"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    libraries = sysconfig.get_paths()["purelib"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", str(ROOT / "auditor"), str(ROOT / "bench"),
                    str(ROOT / "cli.py"), libraries], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return f"python: bytecode compiled ahead into {prefix}, as an installed package runs"


def measure(command: list[str], timeout: float = 7200) -> Measured:
    start = time.monotonic()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(child.pid)
    thread = threading.Thread(target=sampler.run, daemon=True)
    thread.start()
    _, stderr = child.communicate(timeout=timeout)
    elapsed = time.monotonic() - start
    sampler.stop()
    thread.join()
    by = sampler.by_process()
    return Measured(elapsed, sum(by.values()), by, sampler.peak_rss, sampler.peak_pss, child.returncode,
                    stderr[-4000:])


# --- the corpus server ---------------------------------------------------------------------


@contextlib.contextmanager
def corpus(sites: int, folder: Path, seed: int = 20261125) -> Iterator[Path]:
    listing = folder / "corpus.csv"
    server = subprocess.Popen([sys.executable, str(BENCH / "corpus.py"), "serve", "--sites", str(sites),
                               "--csv", str(listing), "--seed", str(seed)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        if not line.startswith("ready"):
            raise SystemExit(f"corpus server did not start: {line!r}")
        yield listing
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def audit_command(listing: Path, out: Path, browser: str, concurrency: int | str, verbose: bool = False,
                  page_timeout_s: float = PAGE_TIMEOUT_S) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), *(["-v"] if verbose else []), "audit", "-i", str(listing),
            "-o", str(out), "--allow-private",
            "-q", "--browser", browser, "--concurrency", str(concurrency), "--page-timeout", f"{page_timeout_s:g}",
            "--site-timeout", str(SITE_TIMEOUT_S)]


def visited_pages(out: Path) -> list[list[str]]:
    """Per site, the URLs the auditor loaded (from its snapshots), in the order it loaded them; the sites
    in the order of the input, as the auditor takes them (its site folders end in their place there).

    The order matters on a small corpus: its last site is slow, and a loop that met it early (in the
    folders' alphabetical order) did not end, as the auditor does, with that site alone in flight.
    """
    sites = []
    for path in sorted((out / "sites").glob("*/snapshot.json"), key=_input_position):
        snapshot = json.loads(path.read_text(encoding="utf-8"))["snapshot"]
        urls: list[str] = []
        for page in snapshot["pages"]:
            if (page.get("error") or "").startswith("not visited"):
                continue
            if page["url"] not in urls:
                urls.append(page["url"])
        if not urls:  # failed before any page: it still tried the homepage
            urls = [snapshot["input_url"]]
        sites.append(urls)
    return sites


def _input_position(snapshot: Path) -> tuple[int, str]:
    """A site folder's place in the input (layout.site_folder_name: `<host>_<position>`)."""
    _, _, position = snapshot.parent.name.rpartition("_")
    return (int(position), "") if position.isdigit() else (sys.maxsize, snapshot.parent.name)


# --- (a): the bare loop, run as `python bench/bench.py bare PAGES.json BROWSER CONCURRENCY` -----------


# Two animation frames after load: by then the page has been laid out and painted once.
FIRST_FRAME_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


async def bare_loop(sites: list[list[str]], browser_path: str, concurrency: int, mode: str = "bare") -> None:
    """(a) `bare`: goto until load, nothing else; (a+) `painted`: and until the first frame is
    painted; (a') `capture`: and the auditor's waits and pictures."""
    from playwright.async_api import Error, async_playwright

    sys.path.insert(0, str(ROOT))
    from auditor.browse.browser import VIEWPORT, launch
    from auditor.browse.settle import install_tracker
    from auditor.browse.sitefiles import SiteFiles

    async with async_playwright() as pw:
        browser, _ = await launch(pw, browser_path)  # the auditor's own launch: same browser, same flags
        queue = list(reversed(sites))
        pictures = tempfile.TemporaryDirectory(prefix="auditor-bare-")  # removed below, however the loop ends
        shots = Path(pictures.name)

        async def worker() -> None:
            while queue:
                urls = queue.pop()
                context = await browser.new_context(viewport=VIEWPORT, locale="zh-CN", service_workers="block")
                if mode == "capture":
                    await install_tracker(context)
                page = await context.new_page()  # one tab per site, as the auditor (auditor/render.py)
                files = SiteFiles(shots)  # the site's pictures: written while its pages go on, as the auditor's
                for number, url in enumerate(urls):
                    with contextlib.suppress(Error):
                        await page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_S * 1000)
                        if mode == "painted":
                            await page.evaluate(FIRST_FRAME_JS)
                        elif mode == "capture":
                            await _capture(page, files, f"{id(page)}-{number}", number == 0)
                    if page.is_closed():
                        page = await context.new_page()
                await context.close()
                await files.written()

        try:
            await asyncio.gather(*(worker() for _ in range(concurrency)))
        finally:
            await browser.close()
            pictures.cleanup()


async def _capture(page: Any, files: Any, name: str, home: bool) -> None:
    """What any evidence-grade capture does after load, as the auditor does it (auditor/render.py):
    the auditor's own waits, with the same arguments (homepages read for a footer and scrolled
    to their end, other pages for their text),
    photograph the homepage (whole when short, else top and bottom; written by the site's
    `files`, as the auditor's: auditor/browse/sitefiles.py), keep the rendered DOM. No
    text extraction, no page discovery or clicking, no judging (so none of the pictures of what
    the rules cite on other pages), storing or reports: that is (b)'s own work."""
    from auditor.browse.pictures import take_pictures
    from auditor.browse.settle import scroll_to_end, settle
    from auditor.options import Limits

    limits = Limits()
    await settle(page, limits, footer=home, document=not home)
    if home:
        await scroll_to_end(page, limits)
    size = await page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    await page.content()
    if home:
        await take_pictures(page, name, files, tuple(size), [], whole=True,
                            max_whole_height=limits.max_screenshot_height)


# --- commands -----------------------------------------------------------------------------------


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as tmp, corpus(args.sites, Path(tmp)) as listing:
        print(f"corpus: {args.sites} synthetic sites on 127.0.0.1 ({listing})")
        print(compiled_ahead(Path(tmp)))
        print(f"machine: {os.cpu_count()} cores; concurrency {args.concurrency}; page timeout {PAGE_TIMEOUT_S} s; "
              f"{args.rounds} interleaved round(s)")
        results = {}
        for name in args.browser:
            path = BROWSERS.get(name, name)
            runs, out, pages = _rounds(listing, Path(tmp), path, args.concurrency, args.rounds)
            results[name] = runs[AUDIT]
            _print_result(name, runs, len(pages), sum(len(p) for p in pages), out)
        if len(results) == 2:
            (first, a1), (second, a2) = results.items()
            ratio = _median([b.seconds / a.seconds for a, b in zip(a1, a2, strict=False)])
            print(f"\n{first} vs {second}: the full audit takes {ratio:.2f}× as long with {second}")


BARE, PAINTED, CAPTURE = "(a)  bare loop: goto until load", "(a+) bare loop, first frame painted", \
    "(a') loop + the auditor's waits, pictures"
AUDIT, LIGHT = "(b)  auditor audit", "(b-) audit --no-screenshots"
ORDER = (AUDIT, LIGHT, BARE, PAINTED, CAPTURE)  # (b) first in round 1: the loops load the pages it visited
LOOP_MODES = dict(zip((BARE, PAINTED, CAPTURE), LOOPS, strict=True))
TARGETS = {"b/a  ": 0.6, "b/a' ": 0.95}  # issue 17's goals; the other ratios are shown for comparison


def _rounds(listing: Path, tmp: Path, path: str, concurrency: int | str, rounds: int
            ) -> tuple[dict[str, list[Measured]], Path, list[list[str]]]:
    """Every run `rounds` times, interleaved (odd rounds in reverse order): on a shared machine the
    speed of a CPU second drifts between runs minutes apart (docs/performance.md), and a ratio of two
    runs is only as good as the two ran under the same conditions."""
    runs: dict[str, list[Measured]] = {label: [] for label in ORDER}
    kept = tmp / f"out-{Path(path).name}"  # round 1's full audit: its snapshots say which pages to load
    pages_file = tmp / f"pages-{Path(path).name}.json"
    pages: list[list[str]] = []
    for round_ in range(rounds):
        for label in ORDER if round_ % 2 == 0 else reversed(ORDER):
            out = kept if not runs[AUDIT] else tmp / f"run-{round_}-{ORDER.index(label)}"
            if label in (AUDIT, LIGHT):
                light = ["--no-screenshots"] if label == LIGHT else []
                command = [*audit_command(listing, out, path, concurrency), *light]
            else:
                command = [sys.executable, str(BENCH / "bench.py"), LOOP_MODES[label], str(pages_file), path,
                           str(concurrency)]
            measured = measure(command)
            if label in (AUDIT, LIGHT) and measured.returncode not in (0, 1, 3):
                raise SystemExit(f"auditor failed ({measured.returncode}):\n{measured.stderr}")
            if label not in (AUDIT, LIGHT) and measured.returncode != 0:
                raise SystemExit(f"{label} failed:\n{measured.stderr}")
            runs[label].append(measured)
            if out == kept and not pages:
                pages = visited_pages(kept)
                pages_file.write_text(json.dumps(pages), encoding="utf-8")
            elif out != kept:
                shutil.rmtree(out, ignore_errors=True)
    return runs, kept, pages


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _spread(values: list[float], form: str = ".2f") -> str:
    return "" if len(values) < 2 else " (rounds: " + ", ".join(format(v, form) for v in values) + ")"


def _print_result(name: str, runs: dict[str, list[Measured]], sites: int, pages: int, out: Path) -> None:
    statuses = Counter(s["status"] for s in json.loads((out / "report.json").read_text(encoding="utf-8"))["sites"])
    print(f"\n== {name} ==")
    print(f"sites {sites}, pages {pages}; statuses {dict(statuses)}")
    for label in (BARE, PAINTED, CAPTURE, AUDIT, LIGHT):
        seconds = _median([m.seconds for m in runs[label]])
        cpu = _median([m.cpu_seconds for m in runs[label]])
        print(f"{label:<42} {seconds:7.1f} s  {60 * sites / seconds:6.1f} sites/min  {pages / seconds:5.2f} pages/s"
              f"  CPU {cpu / pages:.3f} s/page  peak RSS {_mb(max(m.peak_rss for m in runs[label]))}"
              f" (PSS {_mb(max(m.peak_pss for m in runs[label]))}){_spread([m.seconds for m in runs[label]], '.1f')}")
    for label in (BARE, PAINTED, CAPTURE, AUDIT, LIGHT):
        for number, m in enumerate(runs[label], start=1):
            print(f"{label[:4]} round {number} CPU seconds by process: "
                  + ", ".join(f"{k} {v:.1f}" for k, v in sorted(m.cpu_by.items())))
    for label, base, run_ in (("b/a  ", BARE, AUDIT), ("b/a+ ", PAINTED, AUDIT), ("b/a' ", CAPTURE, AUDIT),
                              ("b-/a ", BARE, LIGHT), ("b-/a+", PAINTED, LIGHT)):
        ratios = [b.seconds / r.seconds for b, r in zip(runs[base], runs[run_], strict=True)]
        ratio, target = _median(ratios), TARGETS.get(label)
        goal = f"  ({'meets' if ratio >= target else 'misses'} the target {target})" if target else ""
        print(f"ratio {label} (throughput) = {ratio:.2f}{_spread(ratios)}{goal}")
    own = [(b.cpu_by.get("python", 0.0) - a.cpu_by.get("python", 0.0)) / pages
           for a, b in zip(runs[CAPTURE], runs[AUDIT], strict=True)]
    python = _median([m.cpu_by.get("python", 0.0) for m in runs[AUDIT]]) / pages
    loop = _median([m.cpu_by.get("python", 0.0) for m in runs[CAPTURE]]) / pages
    print(f"auditor Python CPU per page on top of (a'): {1000 * _median(own):.1f} ms"
          f"{_spread([1000 * o for o in own], '.1f')} ({1000 * python:.1f} ms in (b), {1000 * loop:.1f} ms in (a'); "
          f"target ≤ 10 ms: {'met' if _median(own) <= 0.010 else 'missed'})")
    # (a) does the same work every round: how far its CPU a page moves is how far the machine's speed moved.
    yardstick = [m.cpu_seconds / pages for m in runs[BARE]]
    if len(yardstick) > 1:
        print(f"machine drift: (a)'s CPU a page, the same work each round, ranged "
              f"{1000 * min(yardstick):.0f}–{1000 * max(yardstick):.0f} ms (×{max(yardstick) / min(yardstick):.2f})")
    peak_pss, peak_rss = max(m.peak_pss for m in runs[AUDIT]), max(m.peak_rss for m in runs[AUDIT])
    print(f"peak memory of (b): RSS summed over processes {_mb(peak_rss)}, PSS {_mb(peak_pss)} "
          f"(target < 1.5 GB: {'met' if peak_pss < 1.5 * 2**30 else 'missed'} by PSS, "
          f"{'met' if peak_rss < 1.5 * 2**30 else 'missed'} by summed RSS)")


def sweep(args: argparse.Namespace) -> None:
    levels = [x.strip() for x in args.levels.split(",")]
    path = BROWSERS.get(args.browser[0], args.browser[0])
    with tempfile.TemporaryDirectory(prefix="auditor-sweep-") as tmp, corpus(args.sites, Path(tmp)) as listing:
        print(f"concurrency sweep: {args.sites} sites, {path}")
        for level in levels:
            out = Path(tmp) / f"out-{level}"
            audited = measure(audit_command(listing, out, path, level, verbose=True))
            pages = sum(len(p) for p in visited_pages(out))
            peak = [line for line in audited.stderr.splitlines() if "sites in flight" in line]
            print(f"concurrency {level:>4}: {audited.seconds:6.1f} s"
                  f"  {60 * args.sites / audited.seconds:6.1f} sites/min"
                  f"  {pages / audited.seconds:5.2f} pages/s  CPU {audited.cpu_seconds / pages:.3f} s/page"
                  f"  peak RSS {_mb(audited.peak_rss)}"
                  f" (PSS {_mb(audited.peak_pss)})" + (f"  [{peak[-1].split(': ', 1)[-1]}]" if peak else ""),
                  flush=True)


def _done_count(out: Path) -> int:
    with contextlib.suppress(sqlite3.Error):
        db = sqlite3.connect(f"file:{out / 'audit.sqlite'}?mode=ro", uri=True, timeout=10)
        try:
            return int(db.execute("SELECT COUNT(*) FROM sites WHERE state = 'done'").fetchone()[0])
        finally:
            db.close()
    return 0


def kill(args: argparse.Namespace) -> None:
    """Kill -9 a batch at random moments, resume it each time, then check report.json."""
    rng = random.Random(args.seed)
    path = BROWSERS.get(args.browser[0], args.browser[0])
    with tempfile.TemporaryDirectory(prefix="auditor-kill-") as tmp, corpus(args.sites, Path(tmp)) as listing:
        out = Path(tmp) / "out"
        urls = [line.split(",", 1)[0] for line in listing.read_text(encoding="utf-8").splitlines()[1:]]
        start = time.monotonic()
        command = audit_command(listing, out, path, args.concurrency)
        for round_ in range(args.kills):
            child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            target = _done_count(out) + rng.randint(20, max(21, args.sites // (args.kills + 1)))
            while _done_count(out) < target and child.poll() is None:
                time.sleep(rng.uniform(0.05, 0.5))
            family = _tree(child.pid)
            before = _done_count(out)
            with contextlib.suppress(ProcessLookupError):  # it may have finished before the kill
                os.kill(child.pid, signal.SIGKILL)
            child.wait()
            for pid in family:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            print(f"kill -9 #{round_ + 1}: {before} of {len(urls)} sites were done", flush=True)
            command = [*command[:3], "--resume", "-o", str(out), "-q"]  # `cli.py audit --resume -o OUT -q`
        finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        counts = Counter(s["input_url"] for s in report["sites"])
        db = sqlite3.connect(out / "audit.sqlite")
        runs = db.execute("SELECT r.state, (SELECT COUNT(*) FROM sites s WHERE s.run_id = r.id "
                          "AND s.state = 'done') FROM runs r ORDER BY r.id").fetchall()
        attempts = Counter(row[0] for row in db.execute("SELECT attempts FROM sites"))
        db.close()
        print(f"resumed to the end (exit {finished.returncode}) in {time.monotonic() - start:.0f} s in all; "
              f"runs: {runs}")
        print(f"attempts per site: {dict(sorted(attempts.items()))}")
        missing = [u for u in urls if counts[u] == 0]
        twice = [u for u, n in counts.items() if n > 1]
        ok = not missing and not twice and set(counts) == set(urls) and len(set(urls)) == len(urls)
        print(f"report.json: {len(report['sites'])} sites, {len(missing)} missing, {len(twice)} more than once "
              f"→ {'PASS' if ok else 'FAIL'}")
        if not ok:
            raise SystemExit(1)


def hostile(args: argparse.Namespace) -> None:
    """Issue 6's batch: ordinary sites with a share of hostile ones (tests/hostile_server.py, each
    on its own port, so each is its own site). Every site must end in report.json exactly once
    with a status, and the run's peak memory is printed."""
    sys.path.insert(0, str(ROOT))
    from tests.hostile_server import ROUTES
    from tests.hostile_server import serve as serve_hostile

    count = round(args.sites * args.share)
    kinds = [*sorted(ROUTES), "tls"]
    path = BROWSERS.get(args.browser[0], args.browser[0])
    with (tempfile.TemporaryDirectory(prefix="auditor-hostile-") as tmp, contextlib.ExitStack() as servers,
          corpus(args.sites - count, Path(tmp)) as listing):
        rows = listing.read_text(encoding="utf-8").splitlines()
        kind_of = {line.split(",", 1)[0]: "ordinary" for line in rows[1:]}
        for i in range(count):
            kind = kinds[i % len(kinds)]
            tls = Path(tmp) / f"tls-{i}" if kind == "tls" else None
            if tls is not None:
                tls.mkdir()
            base, _ = servers.enter_context(serve_hostile(tls_dir=tls))
            url = f"{base}{'/ok' if tls is not None else kind}"
            kind_of[url] = kind
            rows.append(f"{url},hostile {kind} {i},site")
        listing.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"{args.sites} sites on 127.0.0.1: {args.sites - count} ordinary, {count} hostile "
              f"({', '.join(kinds)}); {path}, concurrency {args.concurrency}", flush=True)
        out = Path(tmp) / "out"
        audited = measure(audit_command(listing, out, path, args.concurrency))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        seen = Counter(s["input_url"] for s in report["sites"])
        by_kind: dict[str, Counter[str]] = {}
        for site in report["sites"]:
            by_kind.setdefault(kind_of.get(site["input_url"], "?"), Counter())[site["status"]] += 1
        for kind, statuses in sorted(by_kind.items()):
            print(f"  {kind:<16} {dict(statuses)}")
        missing = [u for u in kind_of if seen[u] == 0]
        twice = [u for u, n in seen.items() if n > 1]
        ok = audited.returncode in (0, 1) and not missing and not twice and set(seen) == set(kind_of)
        print(f"exit {audited.returncode}; {audited.seconds:.0f} s; report.json: {len(report['sites'])} sites, "
              f"{len(missing)} missing, {len(twice)} more than once → {'PASS' if ok else 'FAIL'}")
        print(f"peak memory: RSS summed over processes {_mb(audited.peak_rss)}, PSS {_mb(audited.peak_pss)}")
        if not ok:
            raise SystemExit(f"FAIL: missing {missing[:5]}, twice {twice[:5]}\n{audited.stderr}")


def overview(args: argparse.Namespace) -> None:
    """How fast index.html opens with many sites: written from a synthetic batch, opened in Chromium."""
    sys.path.insert(0, str(ROOT))
    from playwright.async_api import async_playwright

    from auditor.browse.browser import launch
    from auditor.judge.ruleset import load_ruleset
    from auditor.judge.site import judge_snapshots
    from auditor.options import JudgeOptions
    from auditor.outputs.html import HtmlWriter, Overview
    from auditor.resources import rules_dir, templates_dir

    ruleset = load_ruleset(rules_dir())
    with tempfile.TemporaryDirectory(prefix="auditor-overview-") as tmp:
        seed = judge_snapshots(ROOT / "tests" / "snapshots", ruleset, Path(tmp), JudgeOptions())
        started = time.monotonic()
        board = Overview([r.id for r in ruleset.rules])
        for i in range(args.sites):
            site = seed.sites[i % len(seed.sites)]
            url = f"https://site{i:05d}.example.cn/"
            board.add(site.model_copy(update={"input_url": url, "name": f"网站{i:05d}",
                                              "report_path": f"sites/s{i}/report.html"}))
        index = Path(tmp) / "index.html"
        index.write_text(HtmlWriter(templates_dir(), "zh").index(seed, board), encoding="utf-8")
        print(f"{args.sites} sites: index.html {index.stat().st_size / 2**20:.1f} MB, written in "
              f"{time.monotonic() - started:.1f} s")

        async def open_it() -> None:
            async with async_playwright() as pw:
                browser, _ = await launch(pw, BROWSERS.get(args.browser[0], args.browser[0]))
                page = await browser.new_page(viewport={"width": 1366, "height": 900})
                for attempt in range(3):
                    start = time.monotonic()
                    await page.goto(index.as_uri(), wait_until="load")
                    await page.wait_for_function("document.getElementById('p-info').textContent.includes('/')")
                    opened = time.monotonic() - start
                    start = time.monotonic()
                    await page.select_option("#f-outcome", "v:fail")
                    filtered = time.monotonic() - start
                    start = time.monotonic()
                    await page.click("#sites th[data-key='site']")
                    sorted_ = time.monotonic() - start
                    print(f"open #{attempt + 1}: table ready {opened:.2f} s; filter {filtered:.2f} s; "
                          f"sort {sorted_:.2f} s")
                await browser.close()

        asyncio.run(open_it())


# --- peers: the homepage-only audit beside peer tools on the same corpus -------------------------


@dataclass(frozen=True)
class Peer:
    name: str
    executable: str  # looked up on PATH; a peer that is not there is skipped, never installed
    command: Any  # (listing, folder, browser, concurrency, timeout_s) → argv


def _pa11y_ci(listing: Path, folder: Path, browser: str, concurrency: int, timeout_s: float) -> list[str]:
    """pa11y-ci over every homepage: one page a site, the same browser binary, timeout and concurrency."""
    with listing.open(encoding="utf-8") as rows:
        urls = [row["url"] for row in csv.DictReader(rows)]
    launch = {"executablePath": browser, "args": ["--no-sandbox"] if os.geteuid() == 0 else []}
    config = folder / "pa11y-ci.json"
    defaults = {"timeout": int(timeout_s * 1000), "concurrency": concurrency, "chromeLaunchConfig": launch}
    config.write_text(json.dumps({"defaults": defaults, "urls": urls}), encoding="utf-8")  # pa11y-ci reads defaults
    return ["pa11y-ci", "--config", str(config)]


PEERS = (Peer("pa11y-ci (homepage only)", "pa11y-ci", _pa11y_ci),)
HOMEPAGE_ONLY = "auditor --max-pages 0"
HOMEPAGE_ONLY_LIGHT = "auditor --max-pages 0 --no-screenshots"


def peers(args: argparse.Namespace) -> None:
    path = BROWSERS.get(args.browser[0], args.browser[0])
    present = [peer for peer in PEERS if shutil.which(peer.executable)]
    for peer in PEERS:
        if peer not in present:
            print(f"skipped {peer.name}: `{peer.executable}` is not installed (this benchmark installs nothing)")
    with tempfile.TemporaryDirectory(prefix="auditor-peers-") as tmp, corpus(args.sites, Path(tmp)) as listing:
        print(compiled_ahead(Path(tmp)))
        print(f"peers: {args.sites} sites, {path}, page timeout {args.timeout:g} s, concurrency {args.concurrency},"
              f" {args.rounds} interleaved rounds")
        ours = {HOMEPAGE_ONLY: ["--max-pages", "0"], HOMEPAGE_ONLY_LIGHT: ["--max-pages", "0", "--no-screenshots"]}
        runs = [*ours, *(peer.name for peer in present)]
        times: dict[str, list[float]] = {name: [] for name in runs}
        for round_ in range(args.rounds):
            for name in runs if round_ % 2 == 0 else reversed(runs):  # alternate who goes first
                folder = Path(tmp) / f"round{round_}-{len(times[name])}-{runs.index(name)}"
                folder.mkdir()
                if name in ours:
                    command = [*audit_command(listing, folder / "out", path, args.concurrency,
                                              page_timeout_s=args.timeout), *ours[name]]
                else:
                    peer = next(p for p in present if p.name == name)
                    command = peer.command(listing, folder, path, args.concurrency, args.timeout)
                measured = measure(command)
                times[name].append(measured.seconds)
                print(f"round {round_ + 1} {name:<34} {measured.seconds:6.1f} s  "
                      f"{60 * args.sites / measured.seconds:6.1f} sites/min  exit {measured.returncode}  CPU "
                      + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(measured.cpu_by.items()))
                      + f"  PSS {_mb(measured.peak_pss)}", flush=True)
                shutil.rmtree(folder, ignore_errors=True)
        mean = {name: sum(seconds) / len(seconds) for name, seconds in times.items()}
        for name in ours:
            for peer in present:
                ratio = mean[peer.name] / mean[name]
                rounds = [theirs / mine for theirs, mine in zip(times[peer.name], times[name], strict=True)]
                print(f"{name} {60 * args.sites / mean[name]:.1f} sites/min vs {peer.name} "
                      f"{60 * args.sites / mean[peer.name]:.1f} sites/min: ratio {ratio:.2f}{_spread(rounds)} "
                      f"({'the auditor is ahead' if ratio > 1 else 'the peer is ahead'}{_agreement(rounds)})")


def _agreement(ratios: list[float]) -> str:
    """Whether the rounds agree on who is ahead: on a shared machine one round can tip a small difference."""
    if len(ratios) < 2:
        return ""
    ahead = sum(r > 1 for r in ratios)
    if ahead in (0, len(ratios)):
        return "; in every round"
    return f"; the rounds disagree: the auditor ahead in {ahead} of {len(ratios)}"


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1, not {text!r}")
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, sites in (("run", 240), ("sweep", 120), ("kill", 1000), ("hostile", 200), ("overview", 10000),
                        ("peers", 120)):
        cmd = sub.add_parser(name)
        cmd.add_argument("--sites", type=int, default=sites)
        # 16: the fastest fixed number on 2 cores (sweep); `auto` reaches about the same.
        cmd.add_argument("--concurrency", default="16")
        cmd.add_argument("--browser", action="append", help="headless-shell, chromium or a path (repeatable)")
    sub.choices["sweep"].add_argument("--levels", default="2,4,8,12,16,24,auto")
    sub.choices["kill"].add_argument("--kills", type=int, default=3)
    sub.choices["kill"].add_argument("--seed", type=int, default=int(time.time()))
    sub.choices["hostile"].add_argument("--share", type=float, default=0.2, help="share of hostile sites")
    sub.choices["peers"].add_argument("--timeout", type=float, default=20.0, help="page timeout (s) for every tool")
    sub.choices["peers"].add_argument("--rounds", type=_at_least_one, default=2, help="interleaved rounds per tool")
    sub.choices["run"].add_argument("--rounds", type=_at_least_one, default=1, help="interleaved rounds of every run")
    for mode in LOOPS:
        loop = sub.add_parser(mode)
        loop.add_argument("pages", type=Path)
        loop.add_argument("browser_path")
        loop.add_argument("concurrency", type=int)
    args = parser.parse_args()
    if args.command in LOOPS:
        asyncio.run(bare_loop(json.loads(args.pages.read_text(encoding="utf-8")), args.browser_path, args.concurrency,
                              args.command))
        return
    args.browser = args.browser or (["headless-shell", "chromium"] if args.command == "run" else ["headless-shell"])
    commands = {"run": run, "sweep": sweep, "kill": kill, "hostile": hostile, "overview": overview, "peers": peers}
    commands[args.command](args)


if __name__ == "__main__":
    main()
