"""``report.json``: the truth every other output is a view of; written whole, or one site at a time.

A batch of 10 000 sites is streamed (:class:`JsonStream`), one site per line, in the
contract's shape; the file appears under its name only when complete. The `changes` blocks
(a follow-up audit's comparison with its baseline, auditor/outputs/changes.py) are left out
entirely, not written as null, when there is no baseline: such a report is byte for byte what
it was before follow-up audits existed. The batch's `changes` block follows `sites`, since its
counts are known only once every site has been written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditor.errors import SnapshotError
from auditor.layout import REPORT_FILE, AtomicFile, write_atomic
from auditor.models import BatchChanges, BatchReport, SiteReport


def write_json(batch: BatchReport, out_dir: Path) -> Path:
    without: dict[str, Any] = {"sites": {i: {"changes"} for i, s in enumerate(batch.sites) if s.changes is None}}
    if batch.changes is None:
        without["changes"] = True
    return write_atomic(out_dir / REPORT_FILE, batch.model_dump_json(indent=2, exclude=without))


def site_json(site: SiteReport) -> str:
    """One site as report.json (and the store) holds it: no `changes` key unless it has changes."""
    return site.model_dump_json(exclude=None if site.changes is not None else {"changes"})


class JsonStream:
    """``report.json`` written one site at a time, in the contract's shape (one site per line)."""

    def __init__(self, header: BatchReport, out_dir: Path) -> None:
        self._out = AtomicFile(out_dir / REPORT_FILE)
        head = header.model_dump(mode="json", exclude={"sites", "changes"})
        fields = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items())
        self._out.handle.write("{\n" + fields + ',\n "sites": [')
        self._first = True

    def add(self, site: SiteReport) -> None:
        self._out.handle.write(("\n" if self._first else ",\n") + site_json(site))
        self._first = False

    def close(self, changes: BatchChanges | None = None) -> Path:
        trailer = "" if changes is None else ',\n "changes": ' + changes.model_dump_json()
        self._out.handle.write("\n ]" + trailer + "\n}\n")
        return self._out.commit()


def load_json(path: Path) -> BatchReport:
    try:
        return BatchReport.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise SnapshotError(f"{path}: not a report.json of this tool: {str(exc).splitlines()[0]}") from exc


def json_schema() -> dict[str, Any]:
    schema = BatchReport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Disclosure Auditor report.json"
    return schema


def dump_schema(path: Path) -> None:
    write_atomic(path, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
