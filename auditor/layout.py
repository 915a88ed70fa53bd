"""The output folder: every file name, where each site's files go, and how every file is written.

    OUT/
      report.json  index.html  results.csv  junit.xml  manifest.json
      audit.sqlite  audit.lock                 the batch store (auditor/batch/store.py)
      sites/<site>/
        snapshot.json                          what the browser saw: judged again offline
        home.jpg  <kind>-part1.jpg …  <kind>.html   pictures and rendered DOM copies
        evidence/<hash>.jpg                    cropped evidence
        report.html  notice.html  notice.pdf  manifest.json

Every file the tool writes goes through :func:`write_atomic` or :class:`AtomicFile`: it
appears under its name complete and on disk (fsync), or not at all, so a run killed at
any moment never leaves half a file that a later reader would trust.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import ValidationError

from auditor.errors import SnapshotError
from auditor.models import SiteReport, StoredSite

REPORT_FILE = "report.json"
INDEX_FILE = "index.html"
CSV_FILE = "results.csv"
JUNIT_FILE = "junit.xml"
MANIFEST_FILE = "manifest.json"
STORE_FILE = "audit.sqlite"
LOCK_FILE = "audit.lock"
SITES_DIR = "sites"
SNAPSHOT_FILE = "snapshot.json"
SITE_REPORT_FILE = "report.html"
NOTICE_FILE = "notice.html"
NOTICE_PDF = "notice.pdf"
EVIDENCE_DIR = "evidence"
RUN_FILES = (REPORT_FILE, INDEX_FILE, CSV_FILE, JUNIT_FILE)  # the batch's outputs beside the site folders


# First in every DOM copy, before any byte of the site's: the parser puts it first in <head>,
# so it holds whatever follows. The copy has nothing to run or fetch (browse/domcopy.js); this
# is the second lock: no script, no request, no form, no <base>. It also tells an inert copy
# from the live ones that auditors before issue 13 saved.
DOM_COPY_HEAD = ('<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="'
                 "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
                 "base-uri 'none'\">")


def is_inert_dom_copy(path: Path) -> bool:
    """Was this DOM copy made inert (by this auditor), so a report may offer it to open?"""
    head = DOM_COPY_HEAD.encode()
    try:
        with path.open("rb") as handle:
            return handle.read(len(head)) == head
    except OSError:
        return False


# libyaml's safe loader where PyYAML was built with it (its wheels are): the rule pack loads 7×
# faster (0.10 → 0.014 s), which every run and every batch worker pays; same documents, same errors.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """A YAML document (rules, vocabularies, labels) as plain data: safe tags only."""
    return yaml.load(text, Loader=_YAML_LOADER)


# --- writing -------------------------------------------------------------------------------


class AtomicFile:
    """A file written bit by bit (a stream of site reports) that appears whole or not at all.

    Written to ``<name>.tmp``; :meth:`commit` flushes it to disk and renames it into place.
    """

    def __init__(self, path: Path, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._tmp = path.with_name(path.name + ".tmp")
        self.handle: IO[Any] = self._tmp.open(mode, encoding=None if "b" in mode else encoding, newline=newline)

    def commit(self) -> Path:
        self.handle.flush()
        os.fsync(self.handle.fileno())  # on disk before the name says the file is complete
        self.handle.close()
        self._tmp.replace(self.path)  # atomic on POSIX: readers see the old file or the new one
        return self.path

    def discard(self) -> None:
        self.handle.close()
        self._tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write a whole file or nothing (text as UTF-8)."""
    out = AtomicFile(path, "wb")
    try:
        out.handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    except BaseException:
        out.discard()
        raise
    return out.commit()


def read_regular(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, at most `max_bytes`: never a FIFO (it blocks), a device (endless) or a huge file.

    Opened without blocking and checked on the open handle, so a file swapped for a FIFO after
    a look at its name is still refused. Raises OSError with a one-line reason.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError("not a regular file (a FIFO, a device or a folder): not read")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise OSError(f"larger than {max_bytes:,} bytes: not read")
    return data


# --- site folders --------------------------------------------------------------------------


def _host_part(url: str) -> str:
    """The readable part of a folder name: host and port, only [a-z0-9.-]."""
    return re.sub(r"[^a-z0-9.-]+", "-", url.split("://", 1)[-1].split("/", 1)[0].lower()).strip("-.")[:60]


def site_slug(url: str) -> str:
    """The folder name of batches begun before issue 13: host, port and 32 bits of a hash.

    Not unique (about one collision in a 100 000-URL batch of one host); kept so that such a
    batch resumes into the folders it began (batch/store.py), never for a new site.
    """
    return f"{_host_part(url)}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def site_folder_name(url: str, position: int) -> str:
    """The folder of the site at `position` of its batch: host and port, "_", the position.

    Unique by construction: positions are unique in a batch, the host part holds no "_", and
    so no name of this form equals another, or one that site_slug made.
    """
    return f"{_host_part(url) or 'site'}_{position}"


def site_report_path(folder_name: str) -> str:
    """Where a site's HTML report is, relative to the output folder (report.json's `report_path`)."""
    return f"{SITES_DIR}/{folder_name}/{SITE_REPORT_FILE}"


def site_folder(site: SiteReport, out_dir: Path) -> Path | None:
    """The folder of a site's files: the one its report is in, and only if that is under OUT/sites/."""
    if not site.report_path:
        return None
    folder = (out_dir / site.report_path).parent
    sites = (out_dir / SITES_DIR).resolve()
    return folder if folder.resolve().parent == sites and folder.is_dir() else None


def save_stored(stored: StoredSite, site_dir: Path) -> None:
    """The site's snapshot, on disk before the store's row says the site is done."""
    write_atomic(site_dir / SNAPSHOT_FILE, stored.model_dump_json(indent=1))


def load_stored(path: Path) -> StoredSite:
    try:
        return StoredSite.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise SnapshotError(f"{path}: not a snapshot written by this tool: {str(exc).splitlines()[0]}") from exc


def stored_snapshots(folder: Path) -> list[Path]:
    """The snapshot files of an output folder (``sites/*/``), or of a folder of site folders."""
    return sorted(folder.glob(f"{SITES_DIR}/*/{SNAPSHOT_FILE}")) or sorted(folder.glob(f"*/{SNAPSHOT_FILE}"))


def copy_site_files(source: Path, target: Path) -> None:
    """A site folder's files (not its sub-folders) copied to another output folder."""
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_file():
            shutil.copy2(item, target / item.name)
