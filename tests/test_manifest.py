"""Manifests: every evidence file with its SHA-256; `auditor verify` finds any edit, deletion or addition."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.layout import SNAPSHOT_FILE
from auditor.models import PageRef, PageSnapshot, SiteReport, SiteSnapshot, SiteStatus, StoredSite
from auditor.options import JudgeOptions
from auditor.outputs.manifest import (
    MANIFEST_FILE,
    NotAnOutputFolderError,
    Problem,
    page_evidence,
    sha256_file,
    verify,
    write_manifests,
)
from auditor.outputs.report_json import load_json
from auditor.outputs.write import write_batch
from auditor.resources import templates_dir
from tests.conftest import TESTS, TODAY


@pytest.fixture(scope="module")
def sealed(ruleset: Ruleset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stored demo snapshots judged and written out (write_all seals the folder last)."""
    out = tmp_path_factory.mktemp("sealed")
    write_batch(judge_snapshots(TESTS / "snapshots", ruleset, out, JudgeOptions(today=TODAY)), out,
              templates_dir(), "zh")
    return out


@pytest.fixture
def out(sealed: Path, tmp_path: Path) -> Path:
    """A fresh copy to tamper with."""
    target = tmp_path / "out"
    shutil.copytree(sealed, target)
    return target


def _flip_one_byte(path: Path, offset: int = 100) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_sealed_folder_verifies(sealed: Path) -> None:
    assert verify(sealed) == []


def test_site_manifest_lists_every_file_with_fetch_details(sealed: Path) -> None:
    folder = sealed / "sites" / "shop"
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST_FILE}
    assert set(listed) == on_disk
    assert {"snapshot.json", "home.jpg", "report.html", "notice.html"} <= on_disk
    assert any(p.startswith("evidence/") for p in on_disk)
    for path, entry in listed.items():
        assert entry["sha256"] == sha256_file(folder / path) and entry["size"] == (folder / path).stat().st_size
    home = next(p for p in manifest["pages"] if p["kind"] == "home")
    assert home["final_url"].startswith("http://127.0.0.1:") and home["http_status"] == 200
    assert home["fetched_at"].endswith("Z") and home["redirects"] == [] and home["screenshots"] == ["home.jpg"]
    assert manifest["tool"]["name"] == "disclosure-auditor" and manifest["rules"]["pack"] == "cn"
    assert manifest["site"]["started_at"] and manifest["site"]["status"] == "audited"


def test_run_manifest_hashes_reports_and_site_manifests(sealed: Path) -> None:
    run = json.loads((sealed / MANIFEST_FILE).read_text(encoding="utf-8"))
    paths = {f["path"]: f["sha256"] for f in run["files"]}
    assert {"report.json", "index.html", "sites/shop/manifest.json", "sites/marketplace/manifest.json",
            "sites/jsfooter/manifest.json"} <= set(paths)
    assert paths["report.json"] == sha256_file(sealed / "report.json")
    assert {s["folder"] for s in run["sites"]} == {"shop", "marketplace", "jsfooter"}


def test_one_changed_byte_is_reported_as_altered(out: Path) -> None:
    _flip_one_byte(out / "sites" / "shop" / "home.jpg")
    problems = verify(out)
    assert [(p.kind, p.path) for p in problems] == [("altered", "sites/shop/home.jpg")]


def test_changed_report_json_is_altered(out: Path) -> None:
    _flip_one_byte(out / "report.json", 40)
    assert [(p.kind, p.path) for p in verify(out)] == [("altered", "report.json")]


def test_deleted_file_is_missing(out: Path) -> None:
    crop = next((out / "sites" / "shop" / "evidence").glob("*.jpg"))
    crop.unlink()
    assert [(p.kind, p.path) for p in verify(out)] == [("missing", f"sites/shop/evidence/{crop.name}")]


def test_added_file_is_unexpected(out: Path) -> None:
    (out / "sites" / "marketplace" / "extra.jpg").write_bytes(b"\xff\xd8 not evidence")
    (out / "sites" / "stray").mkdir()
    assert [(p.kind, p.path) for p in verify(out)] == [("unexpected", "sites/marketplace/extra.jpg"),
                                                       ("unexpected", "sites/stray/")]


def test_forged_site_manifest_is_caught_by_the_run_manifest(out: Path) -> None:
    """Editing a file and its site manifest to match still breaks the run manifest's hash of that manifest."""
    folder = out / "sites" / "shop"
    _flip_one_byte(folder / "home.jpg")
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == "home.jpg":
            entry["sha256"] = sha256_file(folder / "home.jpg")
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    assert [(p.kind, p.path) for p in verify(out)] == [("altered", "sites/shop/manifest.json")]


def test_deleted_manifests(out: Path) -> None:
    (out / "sites" / "jsfooter" / MANIFEST_FILE).unlink()
    assert [(p.kind, p.path) for p in verify(out)] == [("missing", "sites/jsfooter/manifest.json")]
    (out / MANIFEST_FILE).unlink()
    assert verify(out) == [Problem("missing", MANIFEST_FILE)]  # report.json is there: it was sealed once


def test_manifest_paths_cannot_leave_the_folder(out: Path) -> None:
    folder = out / "sites" / "shop"
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    manifest["files"][0]["path"] = "../../../../etc/passwd"
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    problems = verify(folder)  # one site folder verifies on its own
    assert Problem("unreadable", "../../../../etc/passwd", "path outside the folder") in problems


def test_not_an_output_folder(tmp_path: Path) -> None:
    with pytest.raises(NotAnOutputFolderError):
        verify(tmp_path)


def test_resealing_rehashes_only_what_changed(out: Path, ruleset: Ruleset) -> None:
    batch = load_json(out / "report.json")
    shot = out / "sites" / "shop" / "home.jpg"
    _flip_one_byte(shot)
    os.utime(shot, ns=(shot.stat().st_atime_ns, shot.stat().st_mtime_ns + 1_000_000_000))
    write_manifests(batch, out)  # a legitimate re-seal, e.g. after `auditor report`
    assert verify(out) == []
    entry = next(f for f in json.loads((shot.parent / MANIFEST_FILE).read_text())["files"] if f["path"] == "home.jpg")
    assert entry["sha256"] == sha256_file(shot)


def test_verify_command_exit_codes(out: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli.main, ["verify", str(out)])
    assert ok.exit_code == 0, ok.output
    assert sha256_file(out / MANIFEST_FILE) in ok.output
    assert runner.invoke(cli.main, ["verify", str(out / "sites" / "shop")]).exit_code == 0
    _flip_one_byte(out / "sites" / "shop" / "snapshot.json")
    (out / "sites" / "shop" / "privacy_policy.jpg").unlink()
    bad = runner.invoke(cli.main, ["verify", str(out)])
    assert bad.exit_code == 1
    assert "altered: sites/shop/snapshot.json" in bad.output and "missing: sites/shop/privacy_policy.jpg" in bad.output
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(cli.main, ["verify", str(empty)]).exit_code == 2
    assert runner.invoke(cli.main, ["verify", str(tmp_path / "nowhere")]).exit_code == 2


# --- what verify promises (issue 13) --------------------------------------------------------------


def _sealed_output(tmp_path: Path) -> Path:
    from auditor.judge.ruleset import load_ruleset
    from auditor.resources import rules_dir

    out = tmp_path / "out"
    batch = judge_snapshots(TESTS / "snapshots", load_ruleset(rules_dir()), out, JudgeOptions(today=TODAY))
    write_batch(batch, out, templates_dir(), "zh")
    return out


def test_a_file_added_at_the_top_of_the_output_folder_is_unexpected(tmp_path: Path) -> None:
    out = _sealed_output(tmp_path)
    assert verify(out) == []
    (out / "planted.html").write_text("<p>not from the run</p>", encoding="utf-8")
    (out / "extra").mkdir()
    kinds = {(p.kind, p.path) for p in verify(out)}
    assert kinds == {("unexpected", "planted.html"), ("unexpected", "extra/")}


def test_verify_expect_checks_the_manifest_against_the_hash_of_the_case_file(tmp_path: Path) -> None:
    out = _sealed_output(tmp_path)
    recorded = sha256_file(out / "manifest.json")
    ok = CliRunner().invoke(cli.main, ["verify", str(out), "--expect", recorded.upper()])
    assert ok.exit_code == 0, ok.output
    # A forger edits a file and re-hashes both manifests: verify alone passes, the case file's hash does not.
    report = out / "report.json"
    report.write_text(report.read_text(encoding="utf-8").replace("audited", "audited "), encoding="utf-8")
    run = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in run["files"]:
        if entry["path"] == "report.json":
            entry["sha256"], entry["size"] = sha256_file(report), report.stat().st_size
    (out / "manifest.json").write_text(json.dumps(run), encoding="utf-8")
    assert verify(out) == []
    forged = CliRunner().invoke(cli.main, ["verify", str(out), "--expect", recorded])
    assert forged.exit_code == 1 and "altered: manifest.json" in forged.output
    bad = CliRunner().invoke(cli.main, ["verify", str(out), "--expect", "xyz"])
    assert bad.exit_code == 2


def _site_with_pages(*pages: PageRef) -> SiteReport:
    return SiteReport(input_url="http://x.cn/", final_url="http://x.cn/", status=SiteStatus.AUDITED,
                      profiles=["site"], pages=list(pages))


def test_a_page_never_visited_is_sealed_from_the_report_without_the_snapshot(tmp_path: Path) -> None:
    """A homepage-only audit lists the pages it did not visit: no fetch time, and still no snapshot to read."""
    home = PageRef(kind="home", url="http://x.cn/", status=200, requested_url="http://x.cn/",
                   fetched_at="2026-12-03T10:00:00Z", screenshots=["home.jpg"])
    skipped = PageRef(kind="about", url="http://x.cn/about", status="error", requested_url="http://x.cn/about",
                      error="not visited: page or time limit of the site reached")
    (tmp_path / SNAPSHOT_FILE).write_text("not json", encoding="utf-8")  # read, it would lose the provenance
    pages = page_evidence(_site_with_pages(home, skipped), tmp_path)
    assert [(p.kind, p.fetched_at, p.error, p.screenshots) for p in pages] == [
        ("home", "2026-12-03T10:00:00Z", None, ["home.jpg"]),
        ("about", "", "not visited: page or time limit of the site reached", [])]


def test_a_report_from_before_page_provenance_takes_it_from_the_snapshot(tmp_path: Path) -> None:
    old = PageRef(kind="home", url="http://x.cn/", status=200)  # no requested_url: written before 3a55474
    fetched = PageSnapshot(kind="home", url="http://x.cn", final_url="http://x.cn/", http_status=200,
                           fetched_at="2026-11-20T08:00:00Z", redirects=["http://x.cn"])
    snapshot = SiteSnapshot(input_url="http://x.cn", final_url="http://x.cn/", status=SiteStatus.AUDITED,
                            pages=[fetched])
    stored = StoredSite(url="http://x.cn", profiles=["site"], snapshot=snapshot)
    (tmp_path / SNAPSHOT_FILE).write_text(stored.model_dump_json(), encoding="utf-8")
    pages = page_evidence(_site_with_pages(old), tmp_path)
    assert [(p.url, p.final_url, p.fetched_at, p.redirects) for p in pages] == [
        ("http://x.cn", "http://x.cn/", "2026-11-20T08:00:00Z", ["http://x.cn"])]
