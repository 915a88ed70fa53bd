"""Read the sites to audit: URLs on the command line, a URL list, or a CSV with a header.

A bad row never stops the run: it becomes a line-numbered problem and is skipped.
Duplicates (same canonical URL) are audited once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from auditor.errors import InputFileError
from auditor.models import PROFILES, RegistryValues
from auditor.urls import canonical_url

REGISTRY_COLUMNS = ("registered_name", "registered_uscc", "registered_icp", "registered_phones", "registered_domains")
KNOWN_COLUMNS = ("url", "name", "profiles", *REGISTRY_COLUMNS)
LIST_COLUMNS = {"registered_phones", "registered_domains"}


@dataclass(frozen=True)
class SiteInput:
    url: str
    name: str = ""
    profiles: tuple[str, ...] = ()
    registry: RegistryValues = field(default_factory=dict)
    line: int = 0
    slug: str = ""  # folder name for the site's files; derived from the URL when empty


@dataclass
class InputProblems:
    problems: list[str] = field(default_factory=list)

    def add(self, source: str, line: int, message: str) -> None:
        self.problems.append(f"{source}:{line}: {message}")


def parse_profiles(raw: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(p.strip() for p in raw.replace(",", ";").split(";") if p.strip()))
    unknown = [p for p in names if p not in PROFILES]
    if unknown:
        raise ValueError(f"unknown profile(s) {', '.join(unknown)} (known: {', '.join(PROFILES)})")
    return names


def decode_file(data: bytes, source: str) -> str:
    # Chinese CSVs from Excel are often GBK; try UTF-8 (with BOM) first, then GB18030 (a superset of GBK).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputFileError(f"{source}: cannot decode the file as UTF-8 or GBK")


def read_sites(path: Path) -> tuple[list[SiteInput], list[str]]:
    """Sites from a URL list or CSV, and the problems of the rows that were skipped."""
    try:
        text = decode_file(path.read_bytes(), str(path))
    except OSError as exc:
        raise InputFileError(f"{path}: {exc.strerror or exc}") from exc
    first = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    is_csv = "url" in [c.strip().lower() for c in first.split(",")]
    return _read_csv(text, str(path)) if is_csv else _read_list(text, str(path))


def _read_list(text: str, source: str) -> tuple[list[SiteInput], list[str]]:
    problems = InputProblems()
    sites = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split(" #", 1)[0].strip()  # "#" inside a URL is a fragment, " #" starts a comment
        if not stripped or stripped.startswith("#"):
            continue
        try:
            sites.append(SiteInput(url=canonical_url(stripped), line=number))
        except ValueError as exc:
            problems.add(source, number, str(exc))
    return dedupe(sites, problems, source)


def csv_header(reader: csv.DictReader[str], source: str, line: int) -> list[str]:
    """The header of a CSV, lower case; one the csv module cannot read is the file's problem."""
    try:
        return [h.strip().lower() for h in reader.fieldnames or []]
    except csv.Error as exc:
        raise InputFileError(f"{source}:{line}: {exc}") from exc


def csv_records(reader: csv.DictReader[str], source: str, start: int, problems: InputProblems
                ) -> Iterator[tuple[int, dict[str, str | None]]]:
    """The rows of a CSV with their line numbers. A row the csv module cannot read (a field over its
    128 KiB limit, a NUL byte) is a line-numbered problem and is skipped; reading goes on after it."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.add(source, start + reader.line_num + 1, f"{exc}; row skipped")
            continue
        yield start + reader.line_num, row


def _read_csv(text: str, source: str) -> tuple[list[SiteInput], list[str]]:
    problems = InputProblems()
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#"))
    reader = csv.DictReader(io.StringIO("".join(lines[start:])))
    header = csv_header(reader, source, start + 1)
    reader.fieldnames = header
    unknown = [h for h in header if h not in KNOWN_COLUMNS]
    if unknown:
        problems.add(source, start + 1, f"unknown column(s) ignored: {', '.join(unknown)}")
    sites = []
    for number, row in csv_records(reader, source, start, problems):
        if None in row:
            problems.add(source, number, "more values than columns; row skipped")
            continue
        if not any((v or "").strip() for v in row.values()):
            continue
        try:
            sites.append(_csv_site(row, number))
        except ValueError as exc:
            problems.add(source, number, str(exc))
    return dedupe(sites, problems, source)


def _csv_site(row: dict[str, str | None], number: int) -> SiteInput:
    value = {k: (v or "").strip() for k, v in row.items()}
    if not value.get("url"):
        raise ValueError("missing url")
    registry: RegistryValues = {}
    for column in REGISTRY_COLUMNS:
        if value.get(column):
            cell = value[column]
            registry[column] = [x.strip() for x in cell.split(";") if x.strip()] if column in LIST_COLUMNS else cell
    return SiteInput(url=canonical_url(value["url"]), name=value.get("name", ""),
                     profiles=parse_profiles(value.get("profiles", "")), registry=registry, line=number)


def dedupe(sites: list[SiteInput], problems: InputProblems, source: str) -> tuple[list[SiteInput], list[str]]:
    seen: dict[str, int] = {}
    unique = []
    for site in sites:
        if site.url in seen:
            problems.add(source, site.line, f"duplicate of line {seen[site.url]}: {site.url} (audited once)")
            continue
        seen[site.url] = site.line
        unique.append(site)
    return unique, problems.problems




def collect_sites(urls: Sequence[str], input_file: Path | None) -> tuple[list[SiteInput], list[str]]:
    """The sites of the command line and of an input file, duplicates removed, and the problems of
    the entries that were skipped. Raises InputFileError when the file cannot be read at all."""
    problems = InputProblems()
    sites: list[SiteInput] = []
    for position, url in enumerate(urls, start=1):
        try:
            sites.append(SiteInput(url=canonical_url(url), line=position))
        except ValueError as exc:
            problems.add("argument", position, str(exc))
    if input_file is not None:
        from_file, file_problems = read_sites(input_file)
        sites.extend(from_file)
        problems.problems.extend(file_problems)
    return dedupe(sites, problems, "input")
