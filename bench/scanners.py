"""Benchmark: every text scanner of the judge on adversarial text, per 100 KB.

    python bench/scanners.py [--kb 100] [--block 2000] [--only NAME ...] [--cap 20]

A hostile page can write any text a scanner reads: long runs of digits with spaces
(the phone scanner), labels repeated thousands of times (phone labels, addresses),
one huge line, thousands of entity-like names, nested HTML entities (normalize).
Each case is made `--kb` KB long and read two ways: as one block (a stored snapshot
or a frame with one enormous text node) and cut into blocks of `--block` characters
(what snapshot.js hands over); the text goes through everything the judge runs on a
block (identifiers.scan, the entity and address finders of judge/extract.py, normalize).

Prints, per case, the CPU milliseconds per 100 KB, and the worst case; the target is under
50 ms per 100 KB. A case slower than `--cap` seconds is stopped at the first size that
exceeds it and its cost extrapolated from smaller sizes (the old phone scanner was cubic).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from datetime import date
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.identifiers import MAX_MATCHES, scan
from auditor.judge.extract import address_spans, entity_spans
from auditor.normalize import normalize

TODAY = date(2026, 11, 25)
FOOTER = ("版权所有©2024 北京某某科技有限公司 京ICP备12345678号-1 京公网安备11010802020134号 "
          "客服电话：400-123-4567 地址：北京市海淀区中关村大街1号 邮箱：kefu@example.cn ")

# name → one repeat unit of adversarial text
CASES: dict[str, str] = {
    "digits-with-spaces": "1 ",
    "phone-groups": "138 0013 8000 ",
    "dashed-digits": "1-",
    "spaced-dashes": "010 - 6487 ",
    "phone-labels": "电话：",
    "labelled-digits": "客服电话：1 2 ",
    "address-labels": "地址：",
    "address-no-end": "地址北京市海淀区中关村大街路号楼室",
    "entity-like": "北京某某科技有限公司",
    "cjk-no-suffix": "北京某某科技服务中心",
    "icp-labels": "京ICP备",
    "psb-labels": "京公网安备1",
    "uscc-like": "91110108MA01ABCD2X ",
    "alnum-run": "a1",
    "emails": "a.b@c.d",
    "at-signs": "a@",
    "nested-entities": "&amp;",
    "entities": "&#20140;",
    "real-footer": FOOTER,
}


def judge_text(text: str) -> int:
    """What the judge runs on one block of text; returns how many things it found."""
    found = len(scan(text, today=TODAY))
    norm = normalize(text)
    found += sum(1 for _ in islice(entity_spans(norm), MAX_MATCHES))  # as judge/extract.py reads them
    found += sum(1 for _ in islice(address_spans(norm), MAX_MATCHES))
    return found


def text_of(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def timed(run: Callable[[], object]) -> float:
    """CPU seconds of this process: what the judge costs, whatever else the machine runs."""
    start = time.process_time()
    run()
    return time.process_time() - start


def cost(unit: str, chars: int, block: int | None, cap_s: float) -> tuple[float, str]:
    """Seconds for `chars` characters of `unit` (cut into `block`-char blocks if given), and how it was had."""
    size = 1000
    last: tuple[int, float] | None = None
    while True:
        n = min(size, chars)
        text = text_of(unit, n)
        blocks = [text[i:i + block] for i in range(0, n, block)] if block else [text]
        seconds = timed(lambda blocks=blocks: [judge_text(b) for b in blocks])
        if n == chars:
            return seconds, "measured"
        if seconds > cap_s / 8 and last is not None:
            # Too slow to go on: extrapolate with the growth seen between the last two sizes.
            n0, s0 = last
            power = max(1.0, math.log(max(seconds, 1e-9) / max(s0, 1e-9)) / math.log(n / n0))
            if block and n0 >= block:
                power = 1.0  # more blocks of the same size: linear
            return seconds * (chars / n) ** power, f"extrapolated from {n // 1000} KB, growth n^{power:.1f}"
        last = (n, seconds)
        size *= 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=int, default=100)
    parser.add_argument("--block", type=int, default=2000, help="characters per block, as snapshot.js cuts them")
    parser.add_argument("--only", action="append", help="case name (repeatable)")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds a case may take before extrapolating")
    args = parser.parse_args()
    chars = args.kb * 1000
    worst = (0.0, "")
    print(f"{'case':<22} {'one block':>14} {'blocks of ' + str(args.block):>16}   (ms per 100 KB)")
    for name, unit in CASES.items():
        if args.only and name not in args.only:
            continue
        row = []
        for block in (None, args.block):
            seconds, how = cost(unit, chars, block, args.cap)
            per_100kb = seconds * 1000 * 100_000 / chars
            row.append(f"{per_100kb:>12.1f}{'*' if how != 'measured' else ' '}")
            if per_100kb > worst[0]:
                worst = (per_100kb, f"{name} ({'one block' if block is None else 'blocks'})")
        print(f"{name:<22} {row[0]:>14} {row[1]:>16}", flush=True)
    verdict = "OK" if worst[0] < 50 else "OVER the 50 ms target"
    print(f"worst case: {worst[0]:.1f} ms per 100 KB: {worst[1]} → {verdict}   (* extrapolated)")


if __name__ == "__main__":
    main()
