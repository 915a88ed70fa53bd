"""A distributed batch's formats and bookkeeping, without a broker: results packed and checked, attempts recorded once.

The end-to-end runs (Redis, workers, faults) are in tests/test_distributed.py.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import subprocess
import sys
import tarfile
from datetime import date
from pathlib import Path

import pytest

from auditor.batch.distributed.protocol import (
    Archive,
    FileEntry,
    ProtocolError,
    SiteResult,
    SiteTask,
    TaskSite,
    TooLargeError,
    discard_spool,
    limits_message,
    pack_site,
    read_result,
    read_task,
    unpack_site,
)
from auditor.batch.settings import BatchSettings
from auditor.batch.store import Store
from auditor.errors import StoreError
from auditor.inputs.sites import SiteInput
from auditor.models import SiteReport, SiteStatus
from auditor.options import Limits
from tests.conftest import TESTS


def _site_dir(tmp_path: Path) -> Path:
    site_dir = tmp_path / "worker" / "shop_1"
    (site_dir / "evidence").mkdir(parents=True)
    (site_dir / "snapshot.json").write_text('{"url": "http://shop/"}', encoding="utf-8")
    (site_dir / "home.jpg").write_bytes(bytes(range(256)) * 400)
    (site_dir / "evidence" / "ab12.jpg").write_bytes(b"\xff\xd8crop")
    (site_dir / "home.html.tmp").write_bytes(b"a write a kill interrupted")  # never sent
    return site_dir


def _result(files: list[FileEntry], archive: Archive) -> SiteResult:
    return SiteResult(attempt="a1", worker="w1@x", outcome="done", report="{}", files=files, archive=archive)


def test_a_site_folder_travels_whole_and_checked(tmp_path: Path) -> None:
    site_dir = _site_dir(tmp_path)
    files, archive = pack_site(site_dir, "a1", 1 << 20, None)
    assert archive.data is not None and archive.spool is None
    assert sorted(f.path for f in files) == ["evidence/ab12.jpg", "home.jpg", "snapshot.json"]
    # Through JSON, as Celery carries it.
    result = read_result(_result(files, archive).model_dump(mode="json"))
    unpacked = unpack_site(result, None)
    assert unpacked == {f.path: (site_dir / f.path).read_bytes() for f in files}


def test_past_the_inline_limit_the_result_goes_through_the_shared_folder(tmp_path: Path) -> None:
    site_dir, spool = _site_dir(tmp_path), tmp_path / "spool"
    with pytest.raises(TooLargeError, match="no --spool"):
        pack_site(site_dir, "a1", 100, None)
    files, archive = pack_site(site_dir, "a1", 100, spool)
    assert archive.data is None and archive.spool == "a1.tar.gz" and (spool / "a1.tar.gz").is_file()
    with pytest.raises(ProtocolError, match="no --spool"):
        unpack_site(_result(files, archive), None)
    assert set(unpack_site(_result(files, archive), spool)) == {f.path for f in files}
    discard_spool(archive, spool)
    assert not (spool / "a1.tar.gz").exists()


def test_a_damaged_archive_or_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    files, archive = pack_site(_site_dir(tmp_path), "a1", 1 << 20, None)
    assert archive.data is not None
    blob = bytearray(base64.b64decode(archive.data))
    blob[len(blob) // 2] ^= 0xFF
    flipped = archive.model_copy(update={"data": base64.b64encode(bytes(blob)).decode()})
    with pytest.raises(ProtocolError, match="checksum"):
        unpack_site(_result(files, flipped), None)
    wrong = [f.model_copy(update={"sha256": "0" * 64}) if f.path == "home.jpg" else f for f in files]
    with pytest.raises(ProtocolError, match=r"home\.jpg does not match"):
        unpack_site(_result(wrong, archive), None)
    with pytest.raises(ProtocolError, match="missing"):
        unpack_site(_result([*files, FileEntry(path="extra.jpg", size=1, sha256="0" * 64)], archive), None)


@pytest.mark.parametrize("name", ["../escape.jpg", "/etc/passwd", "a/b/c.jpg", ".hidden", "evidence/../x"])
def test_only_the_files_of_a_site_folder_are_accepted(name: str) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo(name)
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    blob = buffer.getvalue()
    archive = Archive(sha256=hashlib.sha256(blob).hexdigest(), size=len(blob), data=base64.b64encode(blob).decode())
    entry = FileEntry(path=name, size=1, sha256=hashlib.sha256(b"x").hexdigest())
    with pytest.raises(ProtocolError):
        unpack_site(_result([entry], archive), None)


def test_a_task_carries_the_batch_and_is_refused_when_malformed() -> None:
    task = SiteTask(attempt="a1", tool="0.1.0", rules_digest="d", site=TaskSite(url="http://x/", profiles=["site"],
                    folder="x_1"), limits=limits_message(Limits(site_timeout_s=42)), today=date(2026, 11, 25),
                    lang="zh", default_profiles=["site"])
    again = read_task(task.model_dump(mode="json"))
    assert again == task
    assert again.run_limits(allow_private=True, loopback_only=True) == Limits(site_timeout_s=42, allow_private=True,
                                                                              loopback_only=True)
    assert again.site_input().slug == "x_1"
    with pytest.raises(ProtocolError):
        read_task({**task.model_dump(mode="json"), "protocol": 99})
    with pytest.raises(ProtocolError):
        read_task({**task.model_dump(mode="json"), "site": {**task.site.model_dump(), "folder": "../x"}})


# --- the store: attempts, and each site recorded once ------------------------------------------


def _store(tmp_path: Path, urls: list[str]) -> Store:
    store = Store.open(tmp_path / "out")
    store.reset(BatchSettings(rules_dir=None, rule_ids=[], rules_digest="d", pack="cn", pack_version="1",
                              default_profiles=["site"], lang="zh", tool_version="0.1.0"))
    store.add_sites([SiteInput(url=u) for u in urls])
    return store


def _report(url: str) -> SiteReport:
    return SiteReport(input_url=url, final_url=url, status=SiteStatus.UNREACHABLE, error="e", profiles=["site"])


def test_the_first_complete_result_wins_and_late_duplicates_are_dropped(tmp_path: Path) -> None:
    with _store(tmp_path, ["http://a/", "http://b/"]) as store:
        run = store.begin_run("test", "", 0)
        assert store.send_attempt("http://a/", "a1", run, 1.0) == 1
        assert store.send_attempt("http://a/", "a2", run, 2.0) == 2  # a1's worker given up on, a2 sent
        assert store.finish_attempt(_report("http://a/"), run, "a2", "w2")
        assert not store.finish_attempt(_report("http://a/"), run, "a1", "w1")  # a1 was only slow
        with pytest.raises(StoreError):
            store.finish_attempt(_report("http://b/"), run, "a1")  # not one of b's attempts
        with pytest.raises(StoreError):
            store.finish_attempt(_report("http://b/"), run, "never-sent")
        outcomes = dict(store.db.execute("SELECT id, outcome FROM attempts").fetchall())
        assert outcomes == {"a1": "duplicate", "a2": "done"}
        assert [r.input_url for r in store.reports()] == ["http://a/"]


def test_an_attempt_that_never_started_gives_its_count_back(tmp_path: Path) -> None:
    with _store(tmp_path, ["http://a/"]) as store:
        run = store.begin_run("test", "", 0)
        store.send_attempt("http://a/", "a1", run, 1.0)
        store.end_attempt("a1", "expired", "not started", counted=False)
        assert store.attempts("http://a/") == 0
        store.send_attempt("http://a/", "a2", run, 2.0)
        store.end_attempt("a2", "lost", "worker w1 went away", "w1")
        store.end_attempt("a2", "failed", "a later word changes nothing")
        assert store.attempts("http://a/") == 1 and store.last_error("http://a/") == "worker w1 went away"
        assert [a.id for a in store.open_attempts("http://a/")] == []
        store.send_attempt("http://a/", "a3", run, 3.0)
        assert [a.id for a in store.open_attempts()] == ["a3"]


def test_verify_and_report_need_no_celery(tmp_path: Path) -> None:
    """The plain install has no Celery: the commands that do not distribute must not load it."""
    code = ("import sys; sys.modules['celery'] = None; sys.modules['kombu'] = None; import cli; "
            "cli.main(['report', '--help'], standalone_mode=False); cli.main(['verify', '--help'], "
            "standalone_mode=False); cli.main(['audit', '--help'], standalone_mode=False)")
    done = subprocess.run([sys.executable, "-c", code], cwd=TESTS.parent, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    code = ("import sys; sys.modules['celery'] = None; import cli; "
            "cli.main(['worker', '--broker', 'redis://127.0.0.1:1/0'])")
    done = subprocess.run([sys.executable, "-c", code], cwd=TESTS.parent, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "disclosure-auditor[distributed]" in done.stderr, done.stderr


def test_a_worker_refuses_a_task_of_another_rule_pack_version_or_address_policy(monkeypatch: pytest.MonkeyPatch,
                                                                                tmp_path: Path) -> None:
    """Refused before anything is rendered: the coordinator counts the attempt and sends the site elsewhere."""
    from auditor.batch.distributed import worker as worker_module
    from auditor.batch.distributed.worker import Scratch, SiteWorker, WorkerOptions
    from auditor.batch.settings import rules_digest
    from auditor.judge.ruleset import load_pack
    from auditor.resources import version

    worker = SiteWorker(WorkerOptions(broker="redis://127.0.0.1:1/0"), engine=None,  # type: ignore[arg-type]
                        fetch=lambda _: None, scratch=Scratch(tmp_path))
    task = SiteTask(attempt="a1", tool=version(), rules_digest=rules_digest(load_pack(None), []),
                    site=TaskSite(url="http://x/", profiles=["site"], folder="x_1"), limits=limits_message(Limits()),
                    today=date(2026, 11, 25), lang="zh", default_profiles=["site"]).model_dump(mode="json")
    for change, why in (({"rules_digest": "0" * 16}, "rule pack"), ({"tool": "0.0.1"}, "auditor 0.0.1"),
                        ({"limits": {**task["limits"], "allow_private": True}}, "private addresses"),
                        ({"protocol": 99}, "protocol")):
        answer = read_result(worker.handle({**task, **change}, "w1@x"))
        assert answer.outcome == "refused" and why in (answer.reason or ""), (change, answer.reason)
        assert answer.attempt == "a1" and answer.worker == "w1@x"
    # A batch that reads pictures, on a worker installed without the ocr extra: its verdicts would differ.
    monkeypatch.setattr(worker_module, "ocr_missing", lambda: "rapidocr is not installed")
    answer = read_result(worker.handle(task, "w1@x"))
    assert answer.outcome == "refused" and "pictures" in (answer.reason or "") and "--no-ocr" in (answer.reason or "")


# --- the worker's scratch folder ------------------------------------------------------------------------


def _gone_pid() -> int:
    """The pid of a process that has ended (and been reaped): nobody runs under it now."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


def test_a_starting_worker_removes_the_folders_killed_workers_of_its_host_left_and_nothing_else(
        tmp_path: Path) -> None:
    from auditor.batch.distributed.worker import SCRATCH_PREFIX, Scratch, _host

    host = _host()
    killed = tmp_path / f"{SCRATCH_PREFIX}{host}-{_gone_pid()}-ab_12"  # a worker killed mid-site
    (killed / "site-x" / "evidence").mkdir(parents=True)
    (killed / "site-x" / "home.jpg").write_bytes(b"picture")
    running = tmp_path / f"{SCRATCH_PREFIX}{host}-{os.getpid()}-cd34"  # a worker still at work (this process)
    other_host = tmp_path / f"{SCRATCH_PREFIX}{host}x-{_gone_pid()}-ef56"  # a shared /tmp: not ours to judge
    odd = tmp_path / f"{SCRATCH_PREFIX}{host}-notapid-gh78"
    unrelated = tmp_path / "auditor-site-ij90"  # not a worker's scratch folder
    for folder in (running, other_host, odd, unrelated):
        folder.mkdir()
    # /tmp is everyone's: a link with a dead worker's name leads nowhere we remove
    link = tmp_path / f"{SCRATCH_PREFIX}{host}-{_gone_pid()}-kl12"
    link.symlink_to(unrelated)

    scratch = Scratch(tmp_path)

    assert scratch.swept == [killed] and not killed.exists()
    assert all(folder.is_dir() for folder in (running, other_host, odd, unrelated)) and link.is_symlink()
    assert scratch.path.parent == tmp_path and scratch.path.name.startswith(f"{SCRATCH_PREFIX}{host}-{os.getpid()}-")
    with scratch.site() as site:
        assert Path(site).parent == scratch.path
        (Path(site) / "home.jpg").write_bytes(b"picture")
    assert list(scratch.path.iterdir()) == []  # a site's folder goes when its task ends
    scratch.close()
    assert not scratch.path.exists()
    assert Scratch(tmp_path).swept == []  # its own folder, closed, is not swept again; the running one stays
    assert running.is_dir()
