"""Batch store: one SQLite file per output folder with the batch's sites, their results and its runs.

A 10 000-site audit runs overnight; a process killed at any moment (Ctrl-C, ``kill -9``,
power cut) must lose at most the sites it was rendering. So:

* the journal is SQLite's WAL with ``synchronous=FULL``: a committed transaction survives
  the process and the machine;
* a site is finished in exactly one transaction that writes its whole ``SiteReport`` and
  its summary; the site's files (snapshot, screenshots, crops, report page) are written
  before that commit, so a committed row never points at a missing file;
* a site being rendered is marked ``running`` (and its attempt counted) in its own
  transaction first: after a kill the row says which sites were in flight, and a site that
  keeps killing the process is given up after a bounded number of attempts.

``report.json`` and the HTML overview are views rebuilt from here (``auditor report``).
An advisory lock on the folder stops two runs from auditing into the same store.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import IO

from auditor.batch.settings import BatchSettings
from auditor.errors import StoreError
from auditor.inputs.sites import SiteInput
from auditor.layout import LOCK_FILE, STORE_FILE, site_folder_name, site_slug
from auditor.models import RegistryRecords, RegistryValues, SiteReport, now_iso, site_verdict, worst_failure

SCHEMA_VERSION = 2  # 2: each site's folder is kept in its row (issue 13)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'interrupted', 'killed')),
    pid INTEGER,
    command TEXT NOT NULL DEFAULT '',
    browser TEXT NOT NULL DEFAULT '',
    concurrency INTEGER NOT NULL DEFAULT 0,
    sites_done INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sites (
    position INTEGER PRIMARY KEY,           -- input order: report.json lists sites in it
    url TEXT NOT NULL UNIQUE,
    input TEXT NOT NULL,                    -- the SiteInput row, JSON
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
    attempts INTEGER NOT NULL DEFAULT 0,    -- renders started, including those a kill interrupted
    last_error TEXT,                        -- why the last attempt was retried
    run_id INTEGER,
    status TEXT, verdict TEXT, worst TEXT, fails INTEGER, reviews INTEGER,
    report TEXT,                            -- the SiteReport (contract fields), JSON
    finished_at TEXT,
    folder TEXT                             -- its folder under sites/ (schema 2; unique)
);
CREATE INDEX IF NOT EXISTS sites_by_state ON sites (state, position);
-- A distributed batch's attempts (auditor/batch/distributed/): one row per task sent to a worker.
-- Its id is the task id; a result is recorded only when its id is here and its site not yet done.
-- Times are epoch seconds, so the deadlines of attempts still out survive a coordinator restart.
CREATE TABLE IF NOT EXISTS attempts (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    run_id INTEGER,
    sent_at REAL NOT NULL,
    worker TEXT,                            -- who took it, once known
    ended_at REAL,
    outcome TEXT,                           -- NULL while it may still answer (see ATTEMPT_OUTCOMES)
    reason TEXT
);
CREATE INDEX IF NOT EXISTS attempts_by_url ON attempts (url, outcome);
-- A follow-up audit's baseline (--baseline): the earlier audit's sites as the comparison needs them
-- (auditor/outputs/changes.py Prior, JSON), kept here so the follow-up is complete without that folder.
CREATE TABLE IF NOT EXISTS baseline (position INTEGER PRIMARY KEY, prior TEXT NOT NULL);
"""
# After the migration of a schema 1 store, whose sites table has no folder column yet.
FOLDER_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS sites_by_folder ON sites (folder)"


# How an attempt ended: recorded (done), answered after its site was recorded (duplicate), the
# browser failed under it (fault), the worker would not take it (refused), its worker went
# away or it overran (lost), the task raised (failed), it waited too long to start (expired),
# or it was still out when its site was recorded (superseded).
ATTEMPT_OUTCOMES = ("done", "duplicate", "fault", "refused", "lost", "failed", "expired", "superseded", "unanswered")
LATE_OUTCOMES = ("duplicate", "superseded")  # answers that came after the attempt's site was recorded


@dataclass(frozen=True)
class AttemptRecord:
    id: str
    url: str
    sent_at: float
    worker: str | None
    outcome: str | None


@dataclass(frozen=True)
class RunRecord:
    id: int
    started_at: str
    finished_at: str | None
    state: str
    command: str
    browser: str
    concurrency: int
    sites_done: int


@dataclass
class Totals:
    """Counts over the whole batch, for progress on resume, the overview banner and exit codes."""

    sites: int = 0
    done: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_verdict: Counter[str] = field(default_factory=Counter)
    by_worst: Counter[str] = field(default_factory=Counter)

    @property
    def pending(self) -> int:
        return self.sites - self.done


def site_to_json(site: SiteInput) -> str:
    return json.dumps(asdict(site), ensure_ascii=False)


def site_from_json(text: str) -> SiteInput:
    data = json.loads(text)
    return SiteInput(url=data["url"], name=data.get("name", ""), profiles=tuple(data.get("profiles", ())),
                     registry=data.get("registry", {}), line=int(data.get("line", 0)), slug=data.get("slug", ""))


class Store:
    """The batch store of one output folder. Use from one thread (the event loop's)."""

    def __init__(self, out_dir: Path, lock: IO[str] | None, read_only: bool = False) -> None:
        self.path = out_dir / STORE_FILE
        self._lock = lock
        if read_only:
            self.db = _connect_read_only(self.path)
            return
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per step.
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # a commit is on disk before we go on
        self.db.executescript(SCHEMA)
        version = self._meta("schema")
        if version is not None and int(version) > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer auditor (store schema {version})")
        if version != str(SCHEMA_VERSION):  # new, or begun by an older auditor (a store opened to read writes nothing)
            with self._transaction():
                self._add_folders()
                self.db.execute(FOLDER_INDEX)
                self._set_meta("schema", str(SCHEMA_VERSION))

    def _add_folders(self) -> None:
        """Schema 1 → 2: give every site of a batch begun by an older auditor the folder it used.

        A finished site: the one its report is in. Any other: the one the older auditor would
        have chosen (site_slug), so a resumed batch finds the files of its sites in flight;
        unless another site took that name (the collision issue 13 is about): then a new one.
        """
        columns = [row[1] for row in self.db.execute("PRAGMA table_info(sites)")]
        if "folder" not in columns:
            self.db.execute("ALTER TABLE sites ADD COLUMN folder TEXT")
        rows = self.db.execute("SELECT position, url, input, report FROM sites WHERE folder IS NULL "
                               "ORDER BY state != 'done', position").fetchall()
        taken = {row[0] for row in self.db.execute("SELECT folder FROM sites WHERE folder IS NOT NULL")}
        for position, url, raw_input, raw_report in rows:
            report_path = json.loads(raw_report).get("report_path") if raw_report else None
            folder = PurePosixPath(report_path).parent.name if report_path else (
                site_from_json(raw_input).slug or site_slug(url))
            if folder in taken:
                folder = site_folder_name(url, position)
            taken.add(folder)
            self.db.execute("UPDATE sites SET folder = ? WHERE position = ?", (folder, position))

    # --- opening and closing -------------------------------------------------------

    @classmethod
    def open(cls, out_dir: Path, exclusive: bool = True) -> Store:
        """Open (or create) the store of `out_dir`; `exclusive` takes the folder's run lock."""
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            lock = _take_lock(out_dir / LOCK_FILE) if exclusive else None
        except OSError as exc:  # read-only, full, not ours: say so in one line
            raise StoreError(f"{out_dir}: cannot write the output folder ({exc.strerror or exc})") from exc
        try:
            return cls(out_dir, lock)
        except sqlite3.DatabaseError as exc:
            if lock is not None:
                lock.close()
            problem = "cannot write it" if "readonly" in str(exc) or "disk" in str(exc) else "not a usable audit store"
            raise StoreError(f"{out_dir / STORE_FILE}: {problem} ({exc})") from exc

    @classmethod
    def open_read_only(cls, out_dir: Path) -> Store:
        """Read another audit's store (a follow-up's baseline) without changing a byte of its folder."""
        try:
            store = cls(out_dir, None, read_only=True)
            store.settings()  # a file that is not a store fails here, not halfway through
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{out_dir / STORE_FILE}: not a readable audit store ({exc})") from exc
        return store

    @staticmethod
    def exists(out_dir: Path) -> bool:
        return (out_dir / STORE_FILE).is_file()

    def close(self) -> None:
        self.db.close()
        if self._lock is not None:
            self._lock.close()  # releases the flock
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- the batch -----------------------------------------------------------------

    def settings(self) -> BatchSettings | None:
        raw = self._meta("settings")
        return BatchSettings.model_validate_json(raw) if raw else None

    def started_at(self) -> str:
        return self._meta("started_at") or now_iso()

    def registry(self) -> dict[str, RegistryValues]:
        """The --registry file's records this batch was started with (a resumed run judges with them)."""
        raw = self._meta("registry")
        return dict(json.loads(raw)) if raw else {}

    def reset(self, settings: BatchSettings, started_at: str | None = None,
              registry: RegistryRecords | None = None) -> None:
        """Start a new batch in this folder: forget the previous one's sites and runs."""
        with self._transaction() as db:
            db.execute("DELETE FROM sites")
            db.execute("DELETE FROM runs")
            db.execute("DELETE FROM attempts")
            db.execute("DELETE FROM baseline")
            db.execute("DELETE FROM meta WHERE key = 'baseline'")
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('registry', ?)",
                       (json.dumps(registry or {}, ensure_ascii=False),))
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('settings', ?)",
                       (settings.model_dump_json(),))
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('started_at', ?)",
                       (started_at or now_iso(),))

    def add_sites(self, sites: list[SiteInput]) -> int:
        """Queue sites not already in the batch (same URL: audited once); return how many were new."""
        with self._transaction() as db:
            last = db.execute("SELECT COALESCE(MAX(position), 0) FROM sites").fetchone()[0]
            added = 0
            for site in sites:
                position = last + added + 1
                if db.execute("SELECT 1 FROM sites WHERE url = ?", (site.url,)).fetchone():
                    continue
                db.execute("INSERT INTO sites (position, url, input, folder) VALUES (?, ?, ?, ?)",
                           (position, site.url, site_to_json(site), self._free_folder(site, position)))
                added += 1
        return added

    def _free_folder(self, site: SiteInput, position: int) -> str:
        """The site's folder: the name its input asks for (tests, the demo) if free, else host_position."""
        for name in (site.slug, site_folder_name(site.url, position), f"{site.slug}_{position}"):
            if name and not self.db.execute("SELECT 1 FROM sites WHERE folder = ?", (name,)).fetchone():
                return name
        raise StoreError(f"{self.path}: no free folder name for {site.url}")  # cannot be: positions are unique

    def site_urls(self) -> list[str]:
        """Every site of the batch, done or not, by input URL."""
        return [row[0] for row in self.db.execute("SELECT url FROM sites ORDER BY position")]

    # --- a follow-up's baseline ----------------------------------------------------

    def set_baseline(self, head: str, priors: Iterable[str]) -> None:
        """Keep the baseline of this (follow-up) batch: its head and one record per site, JSON (batch/baseline.py)."""
        with self._transaction() as db:
            db.execute("DELETE FROM baseline")
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('baseline', ?)", (head,))
            db.executemany("INSERT INTO baseline (prior) VALUES (?)", ((prior,) for prior in priors))

    def baseline_head(self) -> str | None:
        return self._meta("baseline")

    def baseline_priors(self) -> Iterator[str]:
        for (raw,) in self.db.execute("SELECT prior FROM baseline ORDER BY position"):
            yield str(raw)

    def pending_sites(self) -> list[SiteInput]:
        """Sites still to audit, each with the folder of its files as `slug`."""
        rows = self.db.execute("SELECT input, folder FROM sites WHERE state != 'done' ORDER BY position").fetchall()
        return [replace(site_from_json(raw), slug=folder) for raw, folder in rows]

    def totals(self) -> Totals:
        totals = Totals()
        rows = self.db.execute("SELECT state, status, verdict, worst, COUNT(*) FROM sites "
                               "GROUP BY state, status, verdict, worst").fetchall()
        for state, status, verdict, worst, count in rows:
            totals.sites += count
            if state != "done":
                continue
            totals.done += count
            totals.by_status[status] += count
            totals.by_verdict[verdict] += count
            if worst:
                totals.by_worst[worst] += count
        return totals

    def reports(self) -> Iterator[SiteReport]:
        """Finished sites in input order, one at a time (a 10 000-site batch never sits in memory)."""
        cursor = self.db.execute("SELECT report FROM sites WHERE state = 'done' ORDER BY position")
        for (raw,) in cursor:
            yield SiteReport.model_validate_json(raw)

    def finished_at(self) -> str:
        row = self.db.execute("SELECT MAX(finished_at) FROM sites WHERE state = 'done'").fetchone()
        return str(row[0]) if row and row[0] else self.started_at()

    def attempts(self, url: str) -> int:
        row = self.db.execute("SELECT attempts FROM sites WHERE url = ?", (url,)).fetchone()
        return int(row[0]) if row else 0

    # --- runs ----------------------------------------------------------------------

    def begin_run(self, command: str, browser: str, concurrency: int) -> int:
        """Record this process's run; runs left 'running' by a killed process become 'killed'."""
        with self._transaction() as db:
            db.execute("UPDATE runs SET state = 'killed' WHERE state = 'running'")
            # Sites a killed run was rendering go back to the queue; their attempt stays counted.
            db.execute("UPDATE sites SET state = 'queued' WHERE state = 'running'")
            cursor = db.execute("INSERT INTO runs (started_at, state, pid, command, browser, concurrency) "
                                "VALUES (?, 'running', ?, ?, ?, ?)",
                                (now_iso(), os.getpid(), command, browser, concurrency))
        return int(cursor.lastrowid or 0)

    def end_run(self, run_id: int, state: str) -> None:
        with self._transaction() as db:
            done = db.execute("SELECT COUNT(*) FROM sites WHERE run_id = ? AND state = 'done'", (run_id,)).fetchone()[0]
            db.execute("UPDATE runs SET state = ?, finished_at = ?, sites_done = ? WHERE id = ?",
                       (state, now_iso(), done, run_id))

    def runs(self) -> list[RunRecord]:
        # Sites done are counted live: a killed run never wrote its own count.
        rows = self.db.execute("SELECT r.id, r.started_at, r.finished_at, r.state, r.command, r.browser, "
                               "r.concurrency, (SELECT COUNT(*) FROM sites s WHERE s.run_id = r.id "
                               "AND s.state = 'done') FROM runs r ORDER BY r.id").fetchall()
        return [RunRecord(*row) for row in rows]

    # --- one site ------------------------------------------------------------------

    def start_site(self, url: str, run_id: int) -> int:
        """Mark a site in flight and count the attempt; return the attempt number."""
        with self._transaction() as db:
            db.execute("UPDATE sites SET state = 'running', attempts = attempts + 1, run_id = ? WHERE url = ?",
                       (run_id, url))
        return self.attempts(url)

    def retry_site(self, url: str, reason: str) -> int:
        """Count one more attempt of a site in flight (the browser failed under it)."""
        with self._transaction() as db:
            db.execute("UPDATE sites SET attempts = attempts + 1, last_error = ? WHERE url = ?", (reason, url))
        return self.attempts(url)

    def release_site(self, url: str) -> None:
        """A graceful stop (Ctrl-C) interrupted this site: queue it again without counting the attempt."""
        with self._transaction() as db:
            db.execute("UPDATE sites SET state = 'queued', attempts = MAX(attempts - 1, 0) "
                       "WHERE url = ? AND state = 'running'", (url,))

    def finish_site(self, report: SiteReport, run_id: int) -> None:
        """The one commit that makes a site done: its report and its summary, together."""
        with self._transaction() as db:
            _record(db, report, run_id)

    # --- a distributed batch's attempts ---------------------------------------------

    def send_attempt(self, url: str, attempt_id: str, run_id: int, sent_at: float) -> int:
        """Note an attempt before its task is sent (so a kill never leaves a task we know nothing of);
        the site is in flight and the attempt counted. Return the site's attempt count."""
        with self._transaction() as db:
            db.execute("INSERT INTO attempts (id, url, run_id, sent_at) VALUES (?, ?, ?, ?)",
                       (attempt_id, url, run_id, sent_at))
            db.execute("UPDATE sites SET state = 'running', attempts = attempts + 1, run_id = ? WHERE url = ?",
                       (run_id, url))
        return self.attempts(url)

    def end_attempt(self, attempt_id: str, outcome: str, reason: str | None = None, worker: str | None = None,
                    counted: bool = True) -> None:
        """How an attempt ended, once. One that never started (`counted` False: it expired in the queue)
        gives its attempt back to the site. An attempt given up on as lost may still answer after its
        site was recorded: it becomes what that answer was (LATE_OUTCOMES), the reason it was lost kept."""
        with self._transaction() as db:
            row = db.execute("SELECT url, outcome, reason FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
            if row is None:
                return
            if row[1] is not None:
                if row[1] == "lost" and outcome in LATE_OUTCOMES:
                    db.execute("UPDATE attempts SET outcome = ?, reason = ?, worker = COALESCE(?, worker) WHERE id = ?",
                               (outcome, f"{row[2]}; then {reason}", worker, attempt_id))
                return
            db.execute("UPDATE attempts SET outcome = ?, reason = ?, worker = COALESCE(?, worker), ended_at = ? "
                       "WHERE id = ?", (outcome, reason, worker, time.time(), attempt_id))
            if not counted and outcome != "duplicate":
                db.execute("UPDATE sites SET attempts = MAX(attempts - 1, 0) WHERE url = ? AND state != 'done'",
                           (row[0],))
            elif reason:
                db.execute("UPDATE sites SET last_error = ? WHERE url = ? AND state != 'done'", (reason, row[0]))

    def open_attempts(self, url: str | None = None) -> list[AttemptRecord]:
        """Attempts that may still answer: of one site, or (url None) of every site."""
        query = "SELECT id, url, sent_at, worker, outcome FROM attempts WHERE outcome IS NULL"
        rows = (self.db.execute(query + " AND url = ? ORDER BY sent_at", (url,)) if url is not None
                else self.db.execute(query + " ORDER BY sent_at"))
        return [AttemptRecord(*row) for row in rows]

    def last_error(self, url: str) -> str | None:
        row = self.db.execute("SELECT last_error FROM sites WHERE url = ?", (url,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def is_done(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM sites WHERE url = ? AND state = 'done'", (url,)).fetchone() is not None

    def finish_attempt(self, report: SiteReport, run_id: int, attempt_id: str, worker: str | None = None) -> bool:
        """Record a site from one attempt's result, exactly once: False (and the attempt a duplicate)
        when its site was already recorded; the attempt must be one this batch sent for this site.

        Why here and not in the broker: Redis counts no deliveries and a task may run twice (a
        worker given up on that was only slow, a message restored after a restart). The store
        is the truth, so the check and the record are one transaction in it.
        """
        with self._transaction() as db:
            row = db.execute("SELECT url FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
            if row is None or row[0] != report.input_url:
                raise StoreError(f"{self.path}: attempt {attempt_id} is not one of {report.input_url}")
            recorded = _record(db, report, run_id)
            db.execute("UPDATE attempts SET outcome = ?, worker = COALESCE(?, worker), ended_at = ? WHERE id = ?",
                       ("done" if recorded else "duplicate", worker, time.time(), attempt_id))
        return recorded


def _record(db: sqlite3.Connection, report: SiteReport, run_id: int) -> bool:
    """Make a site done with its report and summary, unless it is done already; True when recorded."""
    cursor = db.execute(
        "UPDATE sites SET state = 'done', run_id = ?, status = ?, verdict = ?, worst = ?, fails = ?, "
        "reviews = ?, report = ?, finished_at = ? WHERE url = ? AND state != 'done'",
        (run_id, report.status.value, site_verdict(report), worst_failure(report) or None,
         sum(1 for r in report.results if r.outcome.value == "fail"),
         sum(1 for r in report.results if r.outcome.value == "needs_review"),
         # A follow-up's changes are a view over the baseline kept beside (baseline table): not stored.
         report.model_dump_json(exclude={"changes"}), report.finished_at or now_iso(), report.input_url))
    return cursor.rowcount == 1


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing beside the file. A store closed cleanly has no WAL left, so it is
    read as immutable (SQLite then creates no -wal/-shm files); one whose run was killed still has its WAL,
    which holds committed sites, so it is read through it."""
    if not path.is_file():
        raise sqlite3.DatabaseError("no such file")
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, isolation_level=None)


def _take_lock(path: Path) -> IO[str]:
    """An advisory lock the OS drops when the process dies, however it dies."""
    handle = path.open("a+", encoding="utf-8")
    try:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # not POSIX: no lock, as before the store existed
        return handle
    except OSError as exc:
        handle.close()
        raise StoreError(f"{path.parent}: another auditor run is using this folder (lock {path.name}); "
                         "wait for it to finish or use another --out") from exc
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle
