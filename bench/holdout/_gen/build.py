"""Write every holdout site folder from the declarations in sites_*.py.

    python3 bench/holdout/_gen/build.py          # (re)writes bench/holdout/<slug>/
    python3 bench/holdout/_gen/build.py --table  # also prints the expectation table

Site folders are regenerated whole; a folder holding an expect.yaml that no declaration
produces any more is removed. Nothing outside bench/holdout is touched.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import sites_card
import sites_content
import sites_corp
import sites_km
import sites_mkt
import sites_shop
from ids import RE_USCC, uscc_status
from sitekit import RULES

MODULES = [sites_km, sites_card, sites_shop, sites_mkt, sites_content, sites_corp]


def _yaml_scalar(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_site(site) -> None:
    folder = ROOT / site.slug
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for rel, content in site.files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(site.encodings.get(rel, "utf-8")))
    conf = {"name": site.name, "profiles": site.profiles, **site.extra}
    (folder / "site.yaml").write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False, default_flow_style=None),
                                      encoding="utf-8")
    lines = ["# " + line if line else "#" for line in site.comment.splitlines()]
    if site.status:
        lines.append(f"status: {site.status}")
        lines.append("expect: {}")
    else:
        lines.append("expect:")
        for rule, outcome in site.full_expect().items():
            lines.append(f"  {rule}: {outcome}")
        if site.why:
            lines.append("why:")
            for rule, text in site.why.items():
                lines.append(f"  {rule}: {_yaml_scalar(text)}")
    (folder / "expect.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def sanity(site) -> list[str]:
    """Identifiers in the pages must be what the site declares (valid unless a trick says otherwise)."""
    problems = []
    applicable = {r for r, p in RULES.items() if p and p & set(site.profiles)}
    for rule, outcome in site.expect.items():
        if RULES[rule] is not None and rule not in applicable and outcome != "not_applicable":
            problems.append(f"{site.slug}: {rule} is not applicable to {site.profiles} but expected {outcome}")
        if RULES[rule] is None and not site.extra.get("registry") and outcome != "not_applicable":
            problems.append(f"{site.slug}: {rule} has no registry values but expected {outcome}")
    for rule in site.why:
        if rule not in RULES:
            problems.append(f"{site.slug}: why names unknown rule {rule}")
    for rel, content in site.files.items():
        if isinstance(content, bytes) or not rel.endswith((".html", ".json", ".js")):
            continue
        text = re.sub(r"<[^>]+>", "", content)
        for m in re.finditer(r"(?<![0-9A-Z])[0-9][0-9A-Z]{17}(?![0-9A-Z])", text):
            code = m.group(0)
            if RE_USCC.match(code) and uscc_status(code) != "OK" and code not in site.bad_codes:
                problems.append(f"{site.slug}/{rel}: credit code {code} is {uscc_status(code)}")
        for m in re.finditer(r"([^\W\d_])公[網网]安[備备]\s*(\d+)", text):
            prov, num = m.groups()
            if len(num) != 14:
                problems.append(f"{site.slug}/{rel}: police number {prov}{num} has {len(num)} digits")
    return problems


def main() -> int:
    sites = [fn() for mod in MODULES for fn in mod.SITES]
    slugs = [s.slug for s in sites]
    assert len(slugs) == len(set(slugs)), "duplicate slug"
    problems = [p for s in sites for p in sanity(s)]
    for p in problems:
        print("warning:", p)
    keep = set(slugs)
    for old in ROOT.iterdir():
        if old.is_dir() and (old / "expect.yaml").is_file() and old.name not in keep:
            shutil.rmtree(old)
    for s in sites:
        write_site(s)
    print(f"{len(sites)} sites written")
    if "--table" in sys.argv:
        short = {"pass": "P", "fail": "F", "needs_review": "R", "not_applicable": ".", "error": "E"}
        rules = list(RULES)
        print(" " * 48 + " ".join(f"{i:>2}" for i in range(len(rules))))
        for s in sites:
            e = s.full_expect()
            print(f"{s.slug[:47]:47} " + ("  blocked" if s.status else " ".join(f"{short[e[r]]:>2}" for r in rules)))
        for i, r in enumerate(rules):
            print(i, r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
