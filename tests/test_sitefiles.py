"""A site's evidence files, written while its pages go on (auditor/browse/sitefiles.py). No browser."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from auditor.browse import sitefiles
from auditor.browse.sitefiles import Contents, SiteFiles, without_files
from auditor.models import PageSnapshot, Screenshot, SiteSnapshot, SiteStatus


def _write_all(folder: Path, *writes: tuple[str, Contents]) -> set[str]:
    """Hand every file over at once, as the pages of a site do; what `written` then says failed."""

    async def go() -> set[str]:
        files = SiteFiles(folder)
        for name, contents in writes:
            files.write(name, contents)
        return await files.written()

    return asyncio.run(go())


def test_every_file_handed_over_is_on_disk_once_written_returns(tmp_path: Path) -> None:
    assert _write_all(tmp_path, ("home.jpg", b"picture"), ("home.html", lambda: b"<p>dom</p>")) == set()
    assert (tmp_path / "home.jpg").read_bytes() == b"picture"
    assert (tmp_path / "home.html").read_bytes() == b"<p>dom</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home.html", "home.jpg"]  # no temporary file left


def test_a_name_written_twice_ends_with_the_second_and_the_writes_never_overlap(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One temporary file a name: two writes of it at once would write into each other."""
    at_once, most = 0, 0
    lock = threading.Lock()
    real = sitefiles.write_atomic

    def counting(path: Path, data: bytes) -> Path:
        nonlocal at_once, most
        with lock:
            at_once += 1
            most = max(most, at_once)
        try:
            threading.Event().wait(0.05)
            return real(path, data)
        finally:
            with lock:
                at_once -= 1

    monkeypatch.setattr(sitefiles, "write_atomic", counting)

    assert _write_all(tmp_path, ("home.jpg", b"first"), ("home.jpg", b"second")) == set()
    assert (tmp_path / "home.jpg").read_bytes() == b"second" and most == 1


def test_a_file_that_cannot_be_written_is_named_and_the_others_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    real = sitefiles.write_atomic

    def full_for_pictures(path: Path, data: bytes) -> Path:
        if path.suffix == ".jpg":
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(sitefiles, "write_atomic", full_for_pictures)

    assert _write_all(tmp_path, ("home.jpg", b"picture"), ("home.html", b"<p>dom</p>")) == {"home.jpg"}
    assert (tmp_path / "home.html").is_file() and not (tmp_path / "home.jpg").exists()
    assert "home.jpg not written: [Errno 28] No space left on device" in caplog.text


def test_a_snapshot_names_no_file_that_was_not_written() -> None:
    page = PageSnapshot(kind="home", url="http://a.test/", final_url="http://a.test/", dom="home.html",
                        screenshots=[Screenshot(file="home.jpg", y=0, height=900),
                                     Screenshot(file="home-part1.jpg", y=2000, height=120)])
    other = PageSnapshot(kind="about", url="http://a.test/about", final_url="http://a.test/about", dom="about.html")
    snap = SiteSnapshot(input_url="http://a.test/", final_url="http://a.test/", status=SiteStatus.AUDITED,
                        pages=[page, other])
    kept = without_files(snap, {"home.jpg", "about.html"})
    assert [s.file for s in kept.pages[0].screenshots] == ["home-part1.jpg"]
    assert (kept.pages[0].dom, kept.pages[1].dom) == ("home.html", None)
    assert without_files(snap, set()) is snap
