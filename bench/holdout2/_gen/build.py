"""Build every holdout2 site folder (site.yaml, expect.yaml, pages) and print the expectation table.

    /work/main/.venv/bin/python bench/holdout2/_gen/build.py [--table]
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ids
import sites_content
import sites_corp
import sites_km
import sites_mkt
import sites_shop
from common import RULES, write_site

ALL = sites_km.SITES + sites_shop.SITES + sites_mkt.SITES + sites_content.SITES + sites_corp.SITES


def main() -> None:
    ids._selftest()
    built = [f() for f in ALL]
    names = [s.name for s in built]
    assert len(names) == len(set(names)), 'duplicate site names'
    import shutil
    root = Path(__file__).resolve().parent.parent
    for d in root.iterdir():
        if d.is_dir() and not d.name.startswith(('_', '.')) and d.name not in names:
            shutil.rmtree(d)
    for s in built:
        write_site(s)
    print(f'{len(built)} sites written')
    if '--table' in sys.argv:
        cov = {r: Counter() for r in RULES}
        for s in built:
            for r in RULES:
                cov[r][s.expect[r]] += 1
        print(f"{'rule':34} pass fail review n/a")
        for r in RULES:
            c = cov[r]
            print(f"{r:34} {c['pass']:4} {c['fail']:4} {c['needs_review']:6} {c['not_applicable']:3}")
        for s in built:
            bad = {r: v for r, v in s.expect.items() if v not in ('pass', 'not_applicable')}
            print(f'  {s.name}: {bad or "compliant"}')


if __name__ == '__main__':
    main()
