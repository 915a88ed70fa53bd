"""Progress of a batch run: a live bar on a terminal, plain lines in CI logs, nothing with --quiet.

All three count the same things — sites done, failing, unreachable, blocked, in error —
and estimate the rate and the time left from this run's own sites (sites finished by
an earlier, resumed run do not make it look faster than it is).
"""

from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass
from typing import IO, Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from auditor.batch.store import Totals
from auditor.models import SiteReport, site_verdict, worst_failure

Mode = Literal["auto", "bar", "plain", "quiet"]
SUMMARY_EVERY_S = 60.0  # plain mode: a summary line at least this often, for long CI logs


@dataclass(frozen=True)
class WorkerStatus:
    """One worker of a distributed batch (auditor/batch/distributed/), as its coordinator sees it."""

    name: str
    sites: int  # recorded from it in this run
    per_minute: float
    alive: bool


def describe_workers(statuses: list[WorkerStatus], note: str = "") -> str:
    """`workers: w1@a 11.8/min (40), w2@b gone (12)`, then what the coordinator notes (waiting, broker down)."""
    parts = [f"{w.name} {f'{w.per_minute:.1f}/min' if w.alive else 'gone'} ({w.sites})" for w in statuses]
    text = "workers: " + (", ".join(parts) if parts else "none")
    return text + (f" · {note}" if note else "")


class Tally:
    """Counts for a run, including the sites earlier runs of the batch finished."""

    def __init__(self, total: int, before: Totals | None = None) -> None:
        self.total = total
        self.before = before.done if before else 0
        self.this_run = 0
        self.verdicts: Counter[str] = Counter(before.by_verdict if before else {})
        self.statuses: Counter[str] = Counter(before.by_status if before else {})
        self.retries = 0
        self.started = time.monotonic()
        self.fleet = ""  # a distributed batch: its workers (describe_workers)

    def add(self, report: SiteReport) -> None:
        self.this_run += 1
        self.verdicts[site_verdict(report)] += 1
        self.statuses[report.status.value] += 1

    @property
    def done(self) -> int:
        return self.before + self.this_run

    @property
    def rate(self) -> float:
        """Sites per second in this run."""
        elapsed = time.monotonic() - self.started
        return self.this_run / elapsed if elapsed > 0 else 0.0

    def eta(self) -> str:
        left = self.total - self.done
        if left <= 0:
            return "0s"
        if self.this_run == 0 or self.rate == 0:
            return "?"
        return _duration(left / self.rate)

    def stats(self) -> str:
        return (f"{self.verdicts['fail']} failing · {self.statuses['unreachable']} unreachable · "
                f"{self.statuses['blocked']} blocked · {self.statuses['error']} error")

    def line(self) -> str:
        percent = 100 * self.done / self.total if self.total else 100.0
        return (f"progress: {self.done}/{self.total} ({percent:.1f}%) · {self.stats()} · "
                f"{self.rate * 60:.1f} sites/min · ETA {self.eta()}" + (f" · {self.fleet}" if self.fleet else ""))


class Reporter:
    """Quiet: counts, prints nothing."""

    def __init__(self) -> None:
        self.tally = Tally(0)

    def start(self, total: int, before: Totals | None = None) -> None:
        self.tally = Tally(total, before)

    def site_done(self, report: SiteReport) -> None:
        self.tally.add(report)

    def site_retry(self, url: str, reason: str) -> None:
        self.tally.retries += 1

    def workers(self, statuses: list[WorkerStatus], note: str = "") -> None:
        self.tally.fleet = describe_workers(statuses, note)

    def close(self) -> None:
        pass


class PlainReporter(Reporter):
    """One line per site and a summary line every minute: greppable CI logs."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self.stream = stream
        self.last_summary = time.monotonic()
        self.shown: tuple[tuple[str, ...], str] = ((), "")

    def start(self, total: int, before: Totals | None = None) -> None:
        super().start(total, before)
        if before and before.done:
            self._print(f"resuming: {before.done} of {total} site(s) already done")

    def site_done(self, report: SiteReport) -> None:
        super().site_done(report)
        width = len(str(self.tally.total))
        self._print(f"[{self.tally.done:>{width}}/{self.tally.total}] {_describe(report)}  {report.input_url}")
        if time.monotonic() - self.last_summary >= SUMMARY_EVERY_S:
            self.last_summary = time.monotonic()
            self._print(self.tally.line())

    def site_retry(self, url: str, reason: str) -> None:
        super().site_retry(url, reason)
        self._print(f"retrying {url}: {reason}")

    def workers(self, statuses: list[WorkerStatus], note: str = "") -> None:
        """A line when a worker joins or goes, or the coordinator's note changes; rates with each summary."""
        before = self.shown
        super().workers(statuses, note)
        self.shown = (tuple(sorted(w.name for w in statuses if w.alive)), note)
        if self.shown != before:
            self._print(self.tally.fleet)

    def close(self) -> None:
        if self.tally.this_run:
            self._print(self.tally.line())

    def _print(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()


class BarReporter(Reporter):
    """A rich progress bar on the terminal; retries and log messages print above it."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self.console = Console(file=stream)
        self.progress = Progress(
            BarColumn(bar_width=24), MofNCompleteColumn(), TextColumn("{task.fields[stats]}"),
            TextColumn("{task.fields[rate]} · ETA {task.fields[eta]}"), TextColumn("{task.fields[fleet]}"),
            console=self.console,
            redirect_stderr=True, redirect_stdout=False, refresh_per_second=4)
        self.task: TaskID | None = None
        self._handlers: list[tuple[logging.StreamHandler[IO[str]], IO[str]]] = []

    def start(self, total: int, before: Totals | None = None) -> None:
        super().start(total, before)
        self.progress.start()
        stats, rate, eta = self._fields()
        self.task = self.progress.add_task("audit", total=total, completed=self.tally.done, stats=stats, rate=rate,
                                           eta=eta, fleet="")
        # Log records would tear the bar: send them through the console, above it.
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler) and handler.stream in (sys.stderr, sys.__stderr__):
                self._handlers.append((handler, handler.stream))
                handler.setStream(self.console.file)

    def site_done(self, report: SiteReport) -> None:
        super().site_done(report)
        if self.task is not None:
            stats, rate, eta = self._fields()
            self.progress.update(self.task, completed=self.tally.done, stats=stats, rate=rate, eta=eta)

    def site_retry(self, url: str, reason: str) -> None:
        super().site_retry(url, reason)
        self.console.print(f"[yellow]retrying[/] {url}: {reason}", markup=True, highlight=False)

    def workers(self, statuses: list[WorkerStatus], note: str = "") -> None:
        super().workers(statuses, note)
        if self.task is not None:  # the count and total rate on the bar's line, each worker above it
            live = [w for w in statuses if w.alive]
            self.progress.update(self.task, fleet=f"· {len(live)} worker(s) {sum(w.per_minute for w in live):.0f}/min")

    def close(self) -> None:
        self.progress.stop()
        for handler, stream in self._handlers:
            handler.setStream(stream)
        self._handlers.clear()

    def _fields(self) -> tuple[str, str, str]:
        # Short enough for an 80-column terminal next to the bar.
        t = self.tally
        stats = (f"[red]fail {t.verdicts['fail']}[/] · unreach {t.statuses['unreachable']} · "
                 f"blocked {t.statuses['blocked']} · err {t.statuses['error']}")
        return stats, f"{t.rate * 60:.0f}/min", t.eta()


def make_reporter(mode: Mode = "auto", stream: IO[str] | None = None) -> Reporter:
    """`auto`: a bar on a terminal, plain lines otherwise (CI logs, redirected output)."""
    out = stream or sys.stderr
    if mode == "quiet":
        return Reporter()
    if mode == "bar" or (mode == "auto" and out.isatty()):
        return BarReporter(out)
    return PlainReporter(out)


def _describe(report: SiteReport) -> str:
    if report.status.value != "audited":
        return f"{report.status.value}: {report.error or ''}"[:120]
    verdict = site_verdict(report)
    fails = sum(1 for r in report.results if r.outcome.value == "fail")
    reviews = sum(1 for r in report.results if r.outcome.value == "needs_review")
    worst = worst_failure(report)
    head = f"fail ({worst})" if worst else verdict
    return f"{head}: {fails} failed, {reviews} to review"


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"
