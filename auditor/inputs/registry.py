"""The registry file (``--registry``): records keyed by domain or credit code, merged into the sites.

An export of the ICP filing system or the enterprise registry is keyed by the domain it
covers or by the entity's credit code. Domain keys are kept as registrable domains
(www.shop.cn → shop.cn), because an ICP filing covers a domain name with all its hosts.
A bad row is a line-numbered problem and is skipped; the rest is used.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from auditor.errors import InputFileError
from auditor.identifiers import check_uscc, parse_phone
from auditor.inputs.sites import (
    LIST_COLUMNS,
    REGISTRY_COLUMNS,
    InputProblems,
    SiteInput,
    csv_header,
    csv_records,
    decode_file,
)
from auditor.models import RegistryRecords, RegistryValues
from auditor.urls import canonical_url, site_key

REGISTRY_KEY_COLUMNS = ("key", "domain", "uscc")
_USCC_SHAPE = re.compile(r"^[0-9A-Z]{18}$")


def read_registry(path: Path) -> tuple[dict[str, RegistryValues], list[str]]:
    """Registry records (CSV or JSON) by key (registrable domain or credit code), and the skipped rows' problems."""
    try:
        text = decode_file(path.read_bytes(), str(path))
    except OSError as exc:
        raise InputFileError(f"{path}: {exc.strerror or exc}") from exc
    problems = InputProblems()
    rows = _json_rows(text, str(path)) if text.lstrip().startswith("{") else _csv_rows(text, str(path), problems)
    records: dict[str, RegistryValues] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        try:
            if row.problem:
                raise ValueError(row.problem)
            record = _registry_record(row.keys, row.values)
        except ValueError as exc:
            problems.add(str(path), row.line, str(exc))
            continue
        taken = [first_line[k] for k in record if k in first_line]
        if taken:
            problems.add(str(path), row.line, f"duplicate of line {taken[0]}: {', '.join(record)} (row skipped)")
            continue
        for key, value in record.items():
            records[key], first_line[key] = value, row.line
    return records, problems.problems


@dataclass(frozen=True)
class RawRow:
    line: int
    keys: dict[str, str]  # key / domain / uscc columns
    values: dict[str, object]  # registered_* fields as read
    problem: str = ""  # set when the row is unusable as read


def _csv_rows(text: str, source: str, problems: InputProblems) -> Iterator[RawRow]:
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), 0)
    reader = csv.DictReader(io.StringIO("".join(lines[start:])))
    header = csv_header(reader, source, start + 1)
    reader.fieldnames = header
    unknown = [h for h in header if h not in (*REGISTRY_KEY_COLUMNS, *REGISTRY_COLUMNS)]
    if unknown:
        problems.add(source, start + 1, f"unknown column(s) ignored: {', '.join(unknown)}")
    for number, row in csv_records(reader, source, start, problems):
        if None in row:
            problems.add(source, number, "more values than columns; row skipped")
            continue
        cells = {k: (v or "").strip() for k, v in row.items() if k in (*REGISTRY_KEY_COLUMNS, *REGISTRY_COLUMNS)}
        if any(cells.values()):
            yield RawRow(number, {k: v for k, v in cells.items() if k in REGISTRY_KEY_COLUMNS and v},
                         {k: v for k, v in cells.items() if k in REGISTRY_COLUMNS and v})


def _json_rows(text: str, source: str) -> Iterator[RawRow]:
    """Walk the top-level object by hand: json.loads would forget each key's line and drop duplicate keys."""
    decoder = json.JSONDecoder()

    def skip(pos: int) -> int:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        return pos

    def line_of(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def expect(pos: int, chars: str, what: str) -> int:
        if pos >= len(text) or text[pos] not in chars:
            raise InputFileError(f"{source}:{line_of(pos)}: invalid JSON: expected {what}")
        return pos

    try:
        pos = skip(expect(skip(0), "{", "an object keyed by domain or credit code") + 1)
        while pos < len(text) and text[pos] != "}":
            key_at = expect(pos, '"', "a key in double quotes")
            key, pos = decoder.raw_decode(text, key_at)
            pos = skip(expect(skip(pos), ":", "':'") + 1)
            value, pos = decoder.raw_decode(text, pos)
            yield RawRow(line_of(key_at), {"key": str(key)}, value if isinstance(value, dict) else {},
                         "" if isinstance(value, dict) else "the value must be an object of registered_* fields")
            pos = skip(pos)
            if pos < len(text) and text[pos] == ",":
                pos = skip(pos + 1)
                continue
            expect(pos, "}", "',' or '}'")
    except json.JSONDecodeError as exc:
        raise InputFileError(f"{source}:{exc.lineno}: invalid JSON: {exc.msg}") from exc


def _registry_record(keys: dict[str, str], raw: dict[str, object]) -> dict[str, RegistryValues]:
    """One row → {key: values} for each of its keys; ValueError says why the row is skipped."""
    values = _registry_values(raw)
    domains, codes = _row_keys(keys, values)
    if not domains and not codes:
        raise ValueError("no key: give key, domain or uscc (or registered_domains / registered_uscc)")
    # A record keyed by a domain says that domain is the entity's; one keyed by a code, that it is its code.
    if domains and "registered_domains" not in values:
        values["registered_domains"] = sorted(set(domains))
    if codes and "registered_uscc" not in values:
        values["registered_uscc"] = codes[0]
    return {key: values for key in dict.fromkeys([*(site_key_of(d) for d in domains), *codes])}


def _registry_values(raw: dict[str, object]) -> RegistryValues:
    values: RegistryValues = {}
    for column, value in raw.items():
        if column not in REGISTRY_COLUMNS:
            raise ValueError(f"unknown field '{column}' (known: {', '.join(REGISTRY_COLUMNS)})")
        items = _strings(column, value)
        if items:
            values[column] = items if column in LIST_COLUMNS else "; ".join(items)
    _validate_values(values)
    return values


def _strings(column: str, value: object) -> list[str]:
    if isinstance(value, str):
        parts = value.split(";") if column in LIST_COLUMNS else [value]
    elif isinstance(value, list) and column in LIST_COLUMNS and all(isinstance(v, str) for v in value):
        parts = [str(v) for v in value]
    else:
        kind = "a string or a list of strings" if column in LIST_COLUMNS else "a string"
        raise ValueError(f"{column}: must be {kind}")
    return [p.strip() for p in parts if p.strip()]


def _validate_values(values: RegistryValues) -> None:
    # A registry value is the yardstick the site is measured against: a typo in it would
    # turn into a false "mismatch" finding, so a row with one is skipped, not used.
    uscc = values.get("registered_uscc")
    if isinstance(uscc, str) and check_uscc(uscc)[0] == "invalid":
        raise ValueError(f"registered_uscc: not a valid credit code: {uscc}")
    for phone in values.get("registered_phones", []):
        if parse_phone(phone) is None:
            raise ValueError(f"registered_phones: not a phone number: {phone}")
    for domain in values.get("registered_domains", []):
        site_key_of(domain)


def _row_keys(keys: dict[str, str], values: RegistryValues) -> tuple[list[str], list[str]]:
    """The row's domain keys and credit-code keys; without key columns, its own registered values."""
    domains = [d.strip() for d in keys.get("domain", "").split(";") if d.strip()]
    codes = [keys["uscc"]] if keys.get("uscc") else []
    if keys.get("key"):
        (codes if _USCC_SHAPE.match(keys["key"].strip().upper()) else domains).append(keys["key"].strip())
    if not domains and not codes:
        listed = values.get("registered_domains", [])
        domains = list(listed) if isinstance(listed, list) else [listed]
        code = values.get("registered_uscc")
        codes = [code] if isinstance(code, str) else []
    checked = []
    for code in codes:
        if check_uscc(code)[0] == "invalid":
            raise ValueError(f"not a valid credit code: {code}")
        checked.append(code.strip().upper())
    return domains, checked


def site_key_of(domain: str) -> str:
    """`www.shop.cn`, `https://www.shop.cn/` or `127.0.0.1:8080` → the registrable domain (host:port for IPs)."""
    try:
        url = canonical_url(domain if "://" in domain else f"http://{domain.strip()}")
    except ValueError as exc:
        raise ValueError(f"not a domain: {domain!r}") from exc
    if urlsplit(url).path not in ("", "/"):
        raise ValueError(f"not a domain (has a path): {domain!r}")
    return site_key(url)


def merge_registry(sites: list[SiteInput], records: dict[str, RegistryValues]) -> list[SiteInput]:
    """Give each site the registry record of its domain and that of the credit code its row (or domain) names.

    The input row's own values win over the file's: the person who wrote that row knew the site.
    """
    merged = []
    for site in sites:
        by_domain = records.get(site_key(site.url), {})
        # The credit code the row names, else the one the domain's record names, leads to the entity's record.
        code = {**by_domain, **site.registry}.get("registered_uscc")
        by_code = records.get(code.strip().upper(), {}) if isinstance(code, str) else {}
        if by_domain or by_code:
            site = replace(site, registry={**by_code, **by_domain, **site.registry})
        merged.append(site)
    return merged


def with_shown_code(registry: RegistryValues, shown_codes: Iterable[str], records: RegistryRecords) -> RegistryValues:
    """The site's registry values; when none names its entity, the record of a credit code it shows.

    A copy on a domain of its own is in no registry under that domain, but the credit code
    it copied from the real operator's pages leads to the real operator's record, whose
    registered domains it is not on: the official-domain check can then call it a
    possible imitation. The site's own values (input row, domain record) still win.
    """
    if registry.get("registered_uscc") or registry.get("registered_domains"):
        return registry
    for code in shown_codes:
        record = records.get(code.strip().upper())
        if record:
            return {**record, **registry}
    return registry


@dataclass(frozen=True)
class RegistryMerge:
    """The sites with their records merged in, every record (for sites only a shown credit code
    will match), and what to tell the user."""

    sites: list[SiteInput]
    records: dict[str, RegistryValues]
    problems: list[str]
    matched: int


def merge_registry_file(sites: list[SiteInput], path: Path) -> RegistryMerge:
    """Read a --registry file and merge its records into the sites (values in the input rows win)."""
    records, problems = read_registry(path)
    merged = merge_registry(sites, records)
    matched = sum(1 for old, new in zip(sites, merged, strict=True) if old.registry != new.registry)
    return RegistryMerge(merged, records, problems, matched)
