"""Processes for the distributed batch's tests and benchmark: Redis on a random loopback port, workers, coordinators.

Everything started here is stopped by its pid, with its descendants (a worker's browser
and Playwright driver), never by name. Redis keeps its data in the caller's folder and
listens on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent


def redis_server_path() -> str | None:
    """Debian's redis-server (scripts/bootstrap --test installs it), or None."""
    return shutil.which("redis-server") or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if Path(p).exists()), None)


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (read from /proc: children of children too)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process has used so far (0 when it is gone)."""
    with suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


def wait_for(condition: Callable[[], bool], timeout: float, what: str,
             alive: subprocess.Popen[bytes] | None = None) -> None:
    """Poll until `condition` holds; fail when `alive` stops first or `timeout` passes (a hang, not a race)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if alive is not None and alive.poll() is not None:
            raise AssertionError(f"stopped (exit {alive.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


class Processes:
    """What a test starts: each logged to its own file, stopped by pid (with descendants) at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[subprocess.Popen[bytes]] = []
        self._logs: list[IO[bytes]] = []
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("ab")
        self._logs.append(log)
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=self.env)
        self.started.append(process)
        return process

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    @staticmethod
    def kill(process: subprocess.Popen[bytes]) -> None:
        """SIGKILL, no chance to clean up (a worker killed mid-site); then the browser and driver it orphans."""
        family = descendants(process.pid)
        with suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        for pid in family:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    @staticmethod
    def freeze(process: subprocess.Popen[bytes]) -> set[int]:
        """SIGSTOP the process and its descendants: a machine gone, its connections left open. Returns them."""
        family = {process.pid, *descendants(process.pid)}
        for pid in family:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)
        return family

    @staticmethod
    def thaw(family: set[int]) -> None:
        for pid in family:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                family = descendants(process.pid)
                self.thaw({process.pid, *family})  # a frozen one cannot handle SIGTERM
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    os.kill(process.pid, signal.SIGKILL)
                    process.wait()
                for pid in family:
                    with suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
        for log in self._logs:
            log.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """redis-server on a random loopback port, its files in the caller's folder.

    `persist`: saved on shutdown, as Debian's configuration does (a restart keeps the queue and
    the results); without it a restart loses everything (``--save ''``).
    """

    def __init__(self, path: str, processes: Processes, persist: bool = True) -> None:
        self.path, self.processes, self.persist = path, processes, persist
        self.port = free_port()
        self.folder = processes.folder / f"redis-{self.port}"
        self.folder.mkdir()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = self.processes.start("redis", [
            self.path, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
            "--save", "3600 1" if self.persist else "", "--appendonly", "no", "--protected-mode", "yes",
            "--daemonize", "no"])
        wait_for(self.answers, 20, "redis-server to answer", self.process)

    def stop(self) -> None:
        """SIGTERM: Redis saves (when it persists) and exits; its clients see the connection drop."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)

    def answers(self) -> bool:
        with suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
        return False


def worker_command(broker: str, name: str, concurrency: int, *extra: str) -> list[str]:
    """`auditor worker` that loads 127.0.0.1 only."""
    return [sys.executable, str(ROOT / "cli.py"), "worker", "--broker", broker, "--name", name,
            "--concurrency", str(concurrency), "--loopback-only", *extra]


def worker_ready(processes: Processes, name: str) -> bool:
    """The worker's browser is up and it serves its queue (its first line says so)."""
    return "site(s) at once" in processes.log(name)
