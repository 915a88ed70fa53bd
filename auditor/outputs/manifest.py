"""Manifests: every evidence file of an output folder with its SHA-256, so a regulator can file it.

``OUT/sites/<site>/manifest.json`` lists every file in the site's folder (screenshots,
rendered DOM copies, evidence crops, the snapshot, the report and the notice) with size
and SHA-256, and says how the pages were fetched: final URL, redirect chain, HTTP status,
UTC time, tool and rule-pack versions. ``OUT/manifest.json`` hashes ``report.json``,
``index.html``, the exports and each site manifest, so one hash (of the run manifest)
seals the run.

Manifests are written last, after every report and notice (``ManifestWriter`` for a
stream of site reports, ``write_manifests`` for a batch in memory); anything written into
a site folder afterwards shows up as an unexpected file. ``verify`` recomputes the
hashes and reports missing, altered and unexpected files.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditor.errors import AuditorError, SnapshotError
from auditor.layout import (
    LOCK_FILE,
    MANIFEST_FILE,
    REPORT_FILE,
    RUN_FILES,
    SITES_DIR,
    SNAPSHOT_FILE,
    STORE_FILE,
    load_stored,
    site_folder,
    write_atomic,
)
from auditor.models import BatchReport, RulePackInfo, SiteReport, SiteStatus, ToolInfo, now_iso

MANIFEST_VERSION = 1
_CHUNK = 1 << 20


class NotAnOutputFolderError(AuditorError):
    """The folder holds neither a manifest nor anything this tool writes."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FileEntry(_Model):
    path: str  # POSIX, relative to the folder the manifest is in
    size: int
    sha256: str
    mtime_ns: int | None = None  # lets a re-seal skip re-hashing untouched files; not evidence


class PageEvidence(_Model):
    """How one page was fetched, and the files that show it."""

    kind: str
    url: str
    final_url: str
    redirects: list[str] = Field(default_factory=list)  # the chain before final_url, first request first
    http_status: int | str | None = None
    error: str | None = None
    fetched_at: str = ""  # UTC, ISO 8601
    dom: str | None = None
    screenshots: list[str] = Field(default_factory=list)
    incomplete: str | None = None  # why the page arrived cut, if it did


class SiteInfo(_Model):
    input_url: str
    final_url: str
    name: str = ""
    status: SiteStatus
    error: str | None = None
    started_at: str = ""
    finished_at: str = ""


class SiteManifest(_Model):
    kind: Literal["site"] = "site"
    manifest_version: int = MANIFEST_VERSION
    created_at: str
    tool: ToolInfo
    rules: RulePackInfo
    site: SiteInfo
    pages: list[PageEvidence]
    files: list[FileEntry]


class RunSite(_Model):
    input_url: str
    status: SiteStatus
    folder: str


class RunManifest(_Model):
    kind: Literal["run"] = "run"
    manifest_version: int = MANIFEST_VERSION
    created_at: str
    tool: ToolInfo
    rules: RulePackInfo
    started_at: str
    finished_at: str
    sites: list[RunSite]
    files: list[FileEntry]  # report.json, index.html and every site manifest


@dataclass(frozen=True)
class Problem:
    kind: Literal["missing", "altered", "unexpected", "unreadable"]
    path: str  # relative to the folder that was verified
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.path}" + (f" ({self.detail})" if self.detail else "")


# --- writing ---------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_entry(path: Path, root: Path, known: dict[str, FileEntry] | None = None) -> FileEntry:
    """Size, hash and modification time of a file; the hash is reused from `known` when the file is untouched.

    Re-sealing a 10 000-site folder after re-rendering the reports must not re-read every
    screenshot: a file whose size and mtime are those of the last manifest keeps its hash.
    (``verify`` never takes that shortcut: it always reads every byte.)
    """
    relative = path.relative_to(root).as_posix()
    stat = path.stat()
    old = (known or {}).get(relative)
    if old is not None and old.size == stat.st_size and old.mtime_ns == stat.st_mtime_ns:
        return old
    return FileEntry(path=relative, size=stat.st_size, sha256=sha256_file(path), mtime_ns=stat.st_mtime_ns)


def site_files(folder: Path) -> list[Path]:
    """Every file in a site folder, sorted, except its own manifest (which cannot hash itself)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p != folder / MANIFEST_FILE)


def page_evidence(site: SiteReport, folder: Path) -> list[PageEvidence]:
    """Per page: how it was fetched, and its files, as the site report records it.

    Reports written before the page records carried their provenance (no `requested_url`)
    take it from the site's stored snapshot, so re-sealing an old folder loses nothing. A
    page never visited (the site's page limit reached) has no fetch time, and needs none.
    """
    if all(p.requested_url for p in site.pages):
        return [PageEvidence(kind=p.kind, url=p.requested_url, final_url=p.url, redirects=p.redirects,
                             http_status=p.status, error=p.error, fetched_at=p.fetched_at, dom=p.dom,
                             screenshots=p.screenshots, incomplete=p.incomplete) for p in site.pages]
    try:
        snapshot = load_stored(folder / SNAPSHOT_FILE).snapshot
    except SnapshotError:
        return [PageEvidence(kind=p.kind, url=p.url, final_url=p.url, http_status=p.status, dom=p.dom,
                             screenshots=p.screenshots) for p in site.pages]
    return [PageEvidence(kind=p.kind, url=p.url, final_url=p.final_url, redirects=p.redirects,
                         http_status=p.http_status, error=p.error, fetched_at=p.fetched_at, dom=p.dom,
                         screenshots=[s.file for s in p.screenshots]) for p in snapshot.pages]


def _known_entries(path: Path) -> dict[str, FileEntry]:
    old = _load(path) if path.is_file() else None
    return {e.path: e for e in old.files} if isinstance(old, SiteManifest) else {}


def write_site_manifest(header: BatchReport, site: SiteReport, folder: Path,
                        pages: list[PageEvidence] | None = None) -> Path:
    path = folder / MANIFEST_FILE
    known = _known_entries(path)
    info = SiteInfo(input_url=site.input_url, final_url=site.final_url, name=site.name, status=site.status,
                    error=site.error, started_at=site.started_at, finished_at=site.finished_at)
    manifest = SiteManifest(created_at=now_iso(), tool=header.tool, rules=header.rules, site=info,
                            pages=page_evidence(site, folder) if pages is None else pages,
                            files=[file_entry(p, folder, known) for p in site_files(folder)])
    write_atomic(path, manifest.model_dump_json(indent=1))
    return path


class ManifestWriter:
    """Seal an output folder while a batch's site reports stream past, like the other outputs.

    ``add(site)`` once every file of the site's folder is written (its page, its notice):
    its manifest. ``close()`` after report.json, index.html and the exports: the run manifest.
    """

    def __init__(self, header: BatchReport, out_dir: Path) -> None:
        self.header, self.out_dir = header, out_dir
        self.entries: list[FileEntry] = []
        self.sites: list[RunSite] = []

    def add(self, site: SiteReport, pages: list[PageEvidence] | None = None) -> Path | None:
        folder = site_folder(site, self.out_dir)
        if folder is None:
            return None
        path = write_site_manifest(self.header, site, folder, pages)
        self.entries.append(file_entry(path, self.out_dir))
        self.sites.append(RunSite(input_url=site.input_url, status=site.status, folder=folder.name))
        return path

    def close(self) -> Path:
        top = [file_entry(self.out_dir / name, self.out_dir) for name in RUN_FILES if (self.out_dir / name).is_file()]
        run = RunManifest(created_at=now_iso(), tool=self.header.tool, rules=self.header.rules,
                          started_at=self.header.started_at, finished_at=self.header.finished_at,
                          sites=self.sites, files=top + self.entries)
        path = self.out_dir / MANIFEST_FILE
        write_atomic(path, run.model_dump_json(indent=1))
        return path


def write_manifests(batch: BatchReport, out_dir: Path) -> Path:
    """Seal an in-memory batch's output folder: the manifest of every site, then the run's.

    Call it after every write into the folder (the manifests hash what is there at that
    moment). Returns ``OUT/manifest.json``.
    """
    writer = ManifestWriter(batch, out_dir)
    for site in batch.sites:
        writer.add(site)
    return writer.close()


# --- verifying -------------------------------------------------------------------------


def verify(directory: Path) -> list[Problem]:
    """Recompute every hash under `directory` (an output folder or one site folder); [] when all is intact.

    Raises NotAnOutputFolderError when there is nothing of ours to verify. A folder that has a
    report or snapshot but lost its manifest is a problem, not "not an output folder".
    """
    path = directory / MANIFEST_FILE
    if not path.is_file():
        if (directory / REPORT_FILE).is_file() or (directory / SNAPSHOT_FILE).is_file():
            return [Problem("missing", MANIFEST_FILE)]
        raise NotAnOutputFolderError(f"{directory}: no {MANIFEST_FILE} or {REPORT_FILE}: "
                                     "not an output folder of this tool")
    manifest = _load(path)
    if isinstance(manifest, Problem):
        return [manifest]
    if isinstance(manifest, SiteManifest):
        return _verify_site(directory, manifest, "")
    return _verify_run(directory, manifest)


def _load(path: Path, shown: str = MANIFEST_FILE) -> RunManifest | SiteManifest | Problem:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind == "run":
            return RunManifest.model_validate(data)
        if kind == "site":
            return SiteManifest.model_validate(data)
        return Problem("unreadable", shown, "not a manifest of this tool")
    except (OSError, ValueError, ValidationError) as exc:
        return Problem("unreadable", shown, str(exc).splitlines()[0][:200])


def _safe_relative(path: str) -> bool:
    # A manifest is data from disk: an entry must not point outside the folder it describes.
    pure = PurePosixPath(path)
    return bool(path) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in path


def _check_files(root: Path, entries: list[FileEntry], prefix: str) -> list[Problem]:
    problems = []
    for entry in entries:
        shown = prefix + entry.path
        if not _safe_relative(entry.path):
            problems.append(Problem("unreadable", shown, "path outside the folder"))
            continue
        target = root / entry.path
        if not target.is_file():
            problems.append(Problem("missing", shown))
            continue
        size, digest = target.stat().st_size, sha256_file(target)
        if digest != entry.sha256 or size != entry.size:
            problems.append(Problem("altered", shown, f"sha256 {entry.sha256[:16]}… expected, {digest[:16]}… found"))
    return problems


def _verify_site(folder: Path, manifest: SiteManifest, prefix: str) -> list[Problem]:
    problems = _check_files(folder, manifest.files, prefix)
    listed = {entry.path for entry in manifest.files}
    for path in site_files(folder):
        relative = path.relative_to(folder).as_posix()
        if relative not in listed:
            problems.append(Problem("unexpected", prefix + relative, "not in the manifest"))
    return problems


# What may stand beside the sealed files at the top of an output folder: the batch store (it
# changes with every run, so it is not sealed), its journal, the run lock, the site folders.
UNSEALED_TOP = {STORE_FILE, f"{STORE_FILE}-wal", f"{STORE_FILE}-shm", f"{STORE_FILE}-journal", LOCK_FILE, SITES_DIR,
                MANIFEST_FILE}


def _unexpected_at_top(out_dir: Path) -> list[Problem]:
    """Files and folders at the top of the output folder that are neither sealed nor the tool's own."""
    sealed = set(RUN_FILES)
    return [Problem("unexpected", entry.name + ("/" if entry.is_dir() else ""), "not in the run manifest")
            for entry in sorted(out_dir.iterdir()) if entry.name not in sealed | UNSEALED_TOP]


def verify_expected(directory: Path, expected: str) -> list[Problem]:
    """The manifest's own hash against the one recorded elsewhere (a case file): what seals the seal."""
    path = directory / MANIFEST_FILE
    if not path.is_file():
        return [Problem("missing", MANIFEST_FILE)]
    found = sha256_file(path)
    if found != expected.lower():
        return [Problem("altered", MANIFEST_FILE, f"sha256 {expected.lower()[:16]}… expected (--expect), "
                                                  f"{found[:16]}… found")]
    return []


def _verify_run(out_dir: Path, manifest: RunManifest) -> list[Problem]:
    problems = _check_files(out_dir, manifest.files, "")
    folders = set()
    for entry in manifest.files:
        parts = PurePosixPath(entry.path).parts
        if len(parts) != 3 or parts[0] != SITES_DIR or parts[2] != MANIFEST_FILE or not _safe_relative(entry.path):
            continue
        folders.add(parts[1])
        site_manifest = out_dir / entry.path
        if not site_manifest.is_file():
            continue  # already reported missing
        loaded = _load(site_manifest, entry.path)
        if isinstance(loaded, SiteManifest):
            problems += _verify_site(site_manifest.parent, loaded, f"{SITES_DIR}/{parts[1]}/")
        else:
            problems.append(loaded if isinstance(loaded, Problem) else
                            Problem("unreadable", entry.path, "not a site manifest"))
    problems += _unexpected_at_top(out_dir)
    sites = out_dir / SITES_DIR
    for folder in sorted(sites.iterdir()) if sites.is_dir() else []:
        if folder.name not in folders:
            problems.append(Problem("unexpected", f"{SITES_DIR}/{folder.name}" + ("/" if folder.is_dir() else ""),
                                    "not in the run manifest"))
    return problems
