"""What travels between coordinator and workers: one site's task, and its result with the site's files.

A result carries the site's report and every file of its folder (snapshot, pictures, DOM
copies, evidence crops) as one gzip'd tar with a SHA-256 over the archive and one per
file. Up to the task's ``inline_max`` bytes the archive travels inside the result (base64
in Celery's JSON: no pickle between machines); past it, through a folder both sides mount
(``--spool``: NFS, or an object store mounted with rclone or s3fs, README). Nothing is
written at the coordinator until the whole archive has been checked.

No Celery here: the formats are tested, and benchmarked, on their own.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import os
import re
import tarfile
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from auditor.inputs.sites import SiteInput
from auditor.layout import write_atomic
from auditor.models import Lang, RegistryValues
from auditor.options import JudgeOptions, Limits

PROTOCOL = 1
DEFAULT_INLINE_MAX = 32 << 20  # compressed bytes in Redis per result; a site's folder is usually 0.2–3 MB
MAX_UNPACKED = 1 << 30  # a site's files together: more is not a site folder but an attack or a bug
SPOOL_SUFFIX = ".tar.gz"
# What a site folder holds: snapshot.json, home.jpg, <kind>-part1.jpg, <kind>.html, evidence/<hash>.jpg.
_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}")
_SPOOL_NAME = re.compile(r"[A-Za-z0-9-]{1,64}" + re.escape(SPOOL_SUFFIX))


class ProtocolError(Exception):
    """A task or result that cannot be used: damaged, from another version, or not a site folder."""


class TaskSite(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    url: str
    name: str = ""
    profiles: list[str]  # as the coordinator resolved them (the batch's default when the row names none)
    registry: RegistryValues = {}
    folder: str  # its folder under sites/: the report's paths name it


class SiteTask(BaseModel):
    """One site for one worker: everything that decides its result, and the attempt it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    protocol: int = PROTOCOL
    attempt: str  # the Celery task id, and the attempts row in the coordinator's store
    tool: str  # the auditor's version: another version may judge otherwise
    rules_digest: str  # settings.rules_digest: the pack's files and the rule selection
    only: list[str] = []
    site: TaskSite
    limits: dict[str, Any]
    today: date
    lang: Lang
    default_profiles: list[str]
    registry_key: str | None = None  # the --registry records, kept once in Redis under this key
    inline_max: int = DEFAULT_INLINE_MAX

    def site_input(self) -> SiteInput:
        return SiteInput(url=self.site.url, name=self.site.name, profiles=tuple(self.site.profiles),
                         registry=dict(self.site.registry), slug=self.site.folder)

    def run_limits(self, allow_private: bool, loopback_only: bool) -> Limits:
        """The batch's limits, with the worker's own address policy (its egress guard is per process)."""
        known = {f.name for f in fields(Limits)}
        unknown = set(self.limits) - known
        if unknown:
            raise ProtocolError(f"limits this worker does not know: {sorted(unknown)}")
        values = {**self.limits, "allow_private": allow_private, "loopback_only": loopback_only}
        return Limits(**values)

    def judging(self, registry: dict[str, RegistryValues]) -> JudgeOptions:
        return JudgeOptions(today=self.today, lang=self.lang, default_profiles=tuple(self.default_profiles),
                            registry=registry)


def limits_message(limits: Limits) -> dict[str, Any]:
    return asdict(limits)


def read_task(message: object) -> SiteTask:
    if not isinstance(message, dict) or message.get("protocol") != PROTOCOL:
        raise ProtocolError(f"not a task of protocol {PROTOCOL}")
    try:
        task = SiteTask.model_validate(message)
    except ValidationError as exc:
        raise ProtocolError(f"malformed task: {str(exc).splitlines()[0]}") from exc
    if _PART.fullmatch(task.site.folder) is None:
        raise ProtocolError(f"malformed task: folder {task.site.folder!r}")
    return task


class FileEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    path: str  # relative to the site folder, "/"-separated
    size: int
    sha256: str


class Archive(BaseModel):
    """The site's files as one gzip'd tar: inline (base64) or a file in the shared spool folder."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    sha256: str
    size: int
    data: str | None = None
    spool: str | None = None


Outcome = Literal["done", "fault", "refused"]


class SiteResult(BaseModel):
    """A worker's answer: the site done (report and files), the browser failed under it, or refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    protocol: int = PROTOCOL
    attempt: str
    worker: str
    outcome: Outcome
    reason: str | None = None
    report: str | None = None  # the SiteReport, JSON
    files: list[FileEntry] = []
    archive: Archive | None = None
    seconds: float = 0.0  # render, judge and pack, on the worker


def read_result(value: object) -> SiteResult:
    if not isinstance(value, dict) or value.get("protocol") != PROTOCOL:
        raise ProtocolError(f"not a result of protocol {PROTOCOL}")
    try:
        return SiteResult.model_validate(value)
    except ValidationError as exc:
        raise ProtocolError(f"malformed result: {str(exc).splitlines()[0]}") from exc


class TooLargeError(ProtocolError):
    pass


# --- packing (worker) ----------------------------------------------------------------------


def site_files(site_dir: Path) -> list[tuple[str, Path]]:
    """The files of a site folder and its sub-folders (evidence/), by relative path."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and not path.is_symlink() and not relative.endswith(".tmp"):
            found.append((relative, path))
    return found


def pack_site(site_dir: Path, attempt: str, inline_max: int, spool: Path | None
              ) -> tuple[list[FileEntry], Archive]:
    """Every file of the folder, checksummed, in one archive: inline up to `inline_max`, else in `spool`."""
    entries: list[FileEntry] = []
    buffer = io.BytesIO()
    # mtime 0 and no owner: the archive depends on the files only.
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as tar:
        for relative, path in site_files(site_dir):
            data = path.read_bytes()
            entries.append(FileEntry(path=relative, size=len(data), sha256=hashlib.sha256(data).hexdigest()))
            info = tarfile.TarInfo(relative)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    blob = buffer.getvalue()
    digest = hashlib.sha256(blob).hexdigest()
    if len(blob) <= inline_max:
        return entries, Archive(sha256=digest, size=len(blob), data=base64.b64encode(blob).decode("ascii"))
    if spool is None:
        raise TooLargeError(f"its files are {len(blob) / 2**20:.1f} MB compressed, over the coordinator's inline "
                            f"limit of {inline_max / 2**20:.1f} MB, and this worker has no --spool folder")
    name = attempt + SPOOL_SUFFIX
    write_atomic(spool / name, blob)
    return entries, Archive(sha256=digest, size=len(blob), spool=name)


# --- unpacking (coordinator) ---------------------------------------------------------------


def archive_bytes(archive: Archive, spool: Path | None) -> bytes:
    """The archive's bytes, checked against its SHA-256 and size."""
    if archive.data is not None:
        try:
            blob = base64.b64decode(archive.data, validate=True)
        except ValueError as exc:
            raise ProtocolError("damaged in transit: not base64") from exc
    elif archive.spool is not None:
        if _SPOOL_NAME.fullmatch(archive.spool) is None:
            raise ProtocolError(f"not a spool file name: {archive.spool!r}")
        if spool is None:
            raise ProtocolError("the worker left the result in its --spool folder, and this coordinator has "
                                "no --spool: give both the same shared folder")
        try:
            blob = (spool / archive.spool).read_bytes()
        except OSError as exc:
            raise ProtocolError(f"the spool file {archive.spool} cannot be read: {exc.strerror or exc}") from exc
    else:
        raise ProtocolError("a result without its files")
    if len(blob) != archive.size or hashlib.sha256(blob).hexdigest() != archive.sha256:
        raise ProtocolError("damaged in transit: the archive's checksum does not match")
    return blob


def _safe_path(path: str) -> str:
    parts = PurePosixPath(path).parts
    if not 1 <= len(parts) <= 2 or any(_PART.fullmatch(p) is None for p in parts):
        raise ProtocolError(f"not a file of a site folder: {path!r}")
    return path


def unpack_site(result: SiteResult, spool: Path | None) -> dict[str, bytes]:
    """The result's files by relative path, each checked against its entry; nothing is written here."""
    if result.archive is None:
        raise ProtocolError("a result without its files")
    expected = {_safe_path(e.path): e for e in result.files}
    if len(expected) != len(result.files) or sum(e.size for e in result.files) > MAX_UNPACKED:
        raise ProtocolError("the file list repeats a file or is too large")
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(archive_bytes(result.archive, spool)), mode="r:gz") as tar:
            for member in tar:
                entry = expected.get(member.name)
                if entry is None or not member.isreg() or member.size != entry.size or member.name in files:
                    raise ProtocolError(f"the archive holds what its file list does not: {member.name!r}")
                handle = tar.extractfile(member)
                data = handle.read() if handle is not None else b""
                if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
                    raise ProtocolError(f"damaged in transit: {member.name} does not match its checksum")
                files[member.name] = data
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise ProtocolError(f"damaged in transit: {exc}") from exc
    if set(files) != set(expected):
        raise ProtocolError(f"files missing from the archive: {sorted(set(expected) - set(files))[:5]}")
    return files


def write_files(files: dict[str, bytes], site_dir: Path) -> None:
    """Into the site's folder, each file whole or not at all (layout.write_atomic)."""
    for relative, data in files.items():
        write_atomic(site_dir / relative, data)


def discard_spool(archive: Archive | None, spool: Path | None) -> None:
    """A spooled archive once its site is recorded (or dropped as a duplicate)."""
    if archive is not None and archive.spool and spool is not None and _SPOOL_NAME.fullmatch(archive.spool):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(spool / archive.spool)
