"""A message, never a traceback: bad input files, folders that cannot be written, rule files that are not files.

Each ends with one line naming the file (and line) and exit 2, and leaves the batch store as
it was (issue 13: these once ended with a traceback and exit 1, which CI reads as "a rule failed").
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import auditor.layout
from auditor.inputs.sites import collect_sites
from auditor.resources import rules_dir
from cli import main
from tests import hostile_server
from tests.conftest import TESTS

ROOT = TESTS.parent


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _one_line_and_exit_2(result: Result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception  # a message, not an exception
    assert "Traceback" not in result.output
    return result.output


@contextlib.contextmanager
def mounted(where: Path, options: str) -> Iterator[Path]:
    """A tmpfs of our own (root only): a read-only folder or a tiny disk, for real errno values."""
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _integrity(out: Path) -> str:
    with contextlib.closing(sqlite3.connect(out / "audit.sqlite")) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


# --- input files ---------------------------------------------------------------------------


def test_a_csv_field_over_the_csv_limit_is_a_line_numbered_problem(tmp_path: Path) -> None:
    listing = tmp_path / "sites.csv"
    listing.write_text("url,name\nhttps://a.example.cn/,甲\nhttps://b.example.cn/," + "乙" * 200_000
                       + "\nhttps://c.example.cn/,丙\n", encoding="utf-8")
    sites, problems = collect_sites([], listing)
    assert [s.url for s in sites] == ["https://a.example.cn/", "https://c.example.cn/"]
    assert len(problems) == 1 and problems[0].startswith(f"{listing}:3: field larger than field limit")


def test_a_csv_of_only_bad_rows_says_so_in_a_line_and_exits_2(tmp_path: Path) -> None:
    listing = tmp_path / "sites.csv"
    listing.write_text("url,name\nhttps://b.example.cn/," + "乙" * 200_000 + "\n", encoding="utf-8")
    output = _one_line_and_exit_2(_cli("audit", "-i", str(listing), "-o", str(tmp_path / "out")))
    assert f"{listing}:2: field larger than field limit" in output and "nothing to audit" in output


# --- folders that cannot be written --------------------------------------------------------------


def test_a_read_only_output_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with mounted(tmp_path / "ro", "ro,size=1m") as folder:
        output = _one_line_and_exit_2(_cli("audit", "http://127.0.0.1:9/", "-o", str(folder / "out")))
    assert "Read-only file system" in output and len(output.strip().splitlines()) == 1


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    return filler


def test_a_full_disk_is_one_line_and_exit_2_and_the_store_stays_intact(tmp_path: Path) -> None:
    with mounted(tmp_path / "disk", "size=16m") as disk:
        out = disk / "out"
        assert _cli("audit", "--from-snapshots", str(TESTS / "snapshots"), "-o", str(out)).exit_code in (0, 1)
        before = (out / "report.json").read_bytes()
        filler = _fill(disk)
        output = _one_line_and_exit_2(_cli("report", str(out)))
        # SQLite may be first to hit the wall (its journal): "disk I/O error"; else a file: ENOSPC.
        assert "No space left on device" in output or "disk I/O error" in output
        assert len(output.strip().splitlines()) == 1
        assert (out / "report.json").read_bytes() == before  # nothing half-written
        filler.unlink()
        assert _integrity(out) == "ok"
        assert _cli("report", str(out)).exit_code == 0  # once there is room, all is as before


@pytest.mark.browser
def test_a_disk_that_fills_during_a_run_stops_it_in_one_line_and_resume_finishes(
        need_browser: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = auditor.layout.write_atomic

    def full(path: Path, data: str | bytes) -> Path:
        if path.name == "snapshot.json":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    out = tmp_path / "out"
    with hostile_server.serve() as (base, _):
        monkeypatch.setattr(auditor.layout, "write_atomic", full)
        output = _one_line_and_exit_2(_cli("audit", f"{base}/ok", "-o", str(out), "--allow-private",
                                           "--no-screenshots", "-q"))
        assert "No space left on device" in output and "--resume" in output
        assert _integrity(out) == "ok"
        with contextlib.closing(sqlite3.connect(out / "audit.sqlite")) as db:
            assert db.execute("SELECT state, attempts FROM sites").fetchall() == [("queued", 0)]  # not an error
        monkeypatch.setattr(auditor.layout, "write_atomic", real)
        resumed = _cli("audit", "--resume", "-o", str(out), "-q")
    assert resumed.exit_code in (0, 1), resumed.output
    with contextlib.closing(sqlite3.connect(out / "audit.sqlite")) as db:
        assert db.execute("SELECT state, status FROM sites").fetchall() == [("done", "audited")]


# --- rule files that are not files ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "huge"])
def test_a_rule_file_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    pack = tmp_path / "rules"
    shutil.copytree(rules_dir(), pack)
    target = pack / "icp-number-displayed.yaml"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)  # reading it would wait for a writer for ever
    elif kind == "device":
        target.symlink_to("/dev/zero")  # reading it would never end
    else:
        target.write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "rules", "check", str(pack)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2, done.stderr
    assert f"{target}: file: " in done.stderr and "Traceback" not in done.stderr
    assert ("not a regular file" if kind != "huge" else "larger than") in done.stderr
