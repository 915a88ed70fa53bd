"""A site's evidence files (pictures, DOM copies), written while its pages go on.

Each file is written whole or not at all (layout.write_atomic: flushed to disk, then renamed),
which takes a worker thread. Awaited where it was made, every file held its page up by the
round trip to that thread, about 20 ms a file under load (docs/performance.md, fifth pass).
So a file is handed over and the page goes on; the site's snapshot is returned only once every
file is on disk, and names none that could not be written (a picture that could not be saved
costs that picture, as one that could not be taken does).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from auditor.errors import short_error
from auditor.layout import write_atomic
from auditor.models import PageSnapshot, SiteSnapshot

log = logging.getLogger(__name__)

Contents = bytes | Callable[[], bytes]  # a callable is called in the worker thread (decoding, say)


class SiteFiles:
    """The files of one site's folder, each written in a worker thread once handed over."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._writing: dict[str, asyncio.Task[None]] = {}  # file name → its last write

    def write(self, name: str, contents: Contents) -> str:
        """Start writing `name`; a second write of the same name waits for the first (one temporary file a name)."""
        self._writing[name] = asyncio.create_task(self._write(name, contents, self._writing.get(name)))
        return name

    async def _write(self, name: str, contents: Contents, before: asyncio.Task[None] | None) -> None:
        if before is not None:
            with contextlib.suppress(Exception):  # its failure is its own; this write replaces it
                await before
        path = self.folder / name
        await asyncio.to_thread(lambda: write_atomic(path, contents() if callable(contents) else contents))

    async def written(self) -> set[str]:
        """Wait until every file handed over is written; the names of those that could not be (each logged)."""
        failed: set[str] = set()
        writing, self._writing = self._writing, {}
        for name, task in writing.items():
            try:
                await task
            except Exception as exc:  # noqa: BLE001 - a lost file costs that evidence, never the site
                log.warning("%s not written: %s", self.folder / name, short_error(exc) or type(exc).__name__)
                failed.add(name)
        return failed

    def abandon(self) -> None:
        """The site is given up (cancelled): stop waiting for its files (a write under way still ends whole)."""
        for task in self._writing.values():
            task.cancel()
        self._writing.clear()


def without_files(snapshot: SiteSnapshot, missing: set[str]) -> SiteSnapshot:
    """The snapshot naming none of the `missing` files (pictures and DOM copies that could not be written)."""
    if not missing:
        return snapshot

    def page(p: PageSnapshot) -> PageSnapshot:
        return p.model_copy(update={"screenshots": [s for s in p.screenshots if s.file not in missing],
                                    "dom": None if p.dom in missing else p.dom})
    return snapshot.model_copy(update={"pages": [page(p) for p in snapshot.pages]})
