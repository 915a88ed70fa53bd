"""What judging costs a page, as a batch judges: after every page while it renders, and once at the end.

    python bench/judging.py OUTPUT_FOLDER [--repeat 5]

Reads the snapshots an audit stored (`OUTPUT_FOLDER/sites/*/snapshot.json`; e.g. of the benchmark
corpus, `python bench/corpus.py serve` then `auditor audit`) and judges each audited site two
ways, without a browser: as a batch does (auditor/batch/runner.py: after each page the rules that
read it are asked what to photograph and which pictures to read, with the pages so far, then the
final judgement with the same page cache), and the final judgement alone. Crops are not cut (they
are evidence of the final judgement, the same either way). Prints the best of `--repeat` runs of
each, in CPU ms a page: their difference is what judging during the render adds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the auditor of this tree

from auditor.inputs.sites import SiteInput
from auditor.judge.extract import PageCache
from auditor.judge.ruleset import Ruleset, load_pack
from auditor.judge.site import _rule_results, cited_by_rules, images_to_read
from auditor.layout import load_stored, stored_snapshots
from auditor.models import SiteStatus, StoredSite
from auditor.options import JudgeOptions


def judge_all(sites: list[StoredSite], ruleset: Ruleset, during_render: bool) -> float:
    """CPU seconds to judge `sites` (see the module text)."""
    options = JudgeOptions()
    started = time.process_time()
    for stored in sites:
        cache = PageCache()
        if during_render:
            site = SiteInput(url=stored.url, name=stored.name, profiles=tuple(stored.profiles),
                             registry=stored.registry)
            cited = cited_by_rules(site, ruleset, options, cache)
            wanted = images_to_read(site, ruleset, options, cache)
            pages = stored.snapshot.pages
            for seen in range(1, len(pages) + 1):
                if pages[seen - 1].error is None:  # the renderer asks after each page it read
                    cited(pages[:seen])
                    wanted(pages[:seen])
        _rule_results(stored.snapshot, stored.profiles, stored.registry, ruleset, options, cache)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    stored = (load_stored(path) for path in stored_snapshots(args.folder))
    sites = [s for s in stored if s.snapshot.status == SiteStatus.AUDITED]
    if not sites:
        sys.exit(f"{args.folder}: no audited sites in sites/*/snapshot.json")
    pages = sum(len(s.snapshot.pages) for s in sites)
    print(f"{len(sites)} audited sites, {pages} pages; best of {args.repeat}")
    ruleset = load_pack()
    spent: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.repeat):  # interleaved: a machine that slows down slows both
        for during_render in (True, False):
            spent[during_render].append(judge_all(sites, ruleset, during_render))
    best = {way: min(times) for way, times in spent.items()}
    for during_render, label in ((True, "during the render and at the end"), (False, "at the end only             ")):
        print(f"judged {label}: {1000 * best[during_render] / pages:.2f} ms of CPU a page")
    print(f"judging during the render adds {1000 * (best[True] - best[False]) / pages:.2f} ms a page")


if __name__ == "__main__":
    main()
