"""OCR benchmark: how well the auditor reads the numbers sites show only as pictures.

    python bench/ocr.py                          # print the figures (docs/performance.md)
    python bench/ocr.py --min-exact 0.95 --max-false 0   # exit 1 below these (CI)

Method
------
The pictures are drawn by ``tests/ocr_images.py`` (at least 40, the same every run): footer
strips at 12–16 px, filing badges, licence scans (business licence, value-added telecom, 网文)
rotated, blurred, JPEG-noisy and stamped with a seal, and pictures with no number. Each is
read exactly as an audit reads it: the run's OCR helper process (auditor/browse/ocrpool.py,
one thread, warm model), then the judge's own reading of what came back
(auditor/judge/extract.py ``image_findings``: rows of lines, the identifier scanner, and the
lengths a read must have).

* **exact**: a key number the picture shows (ICP filing or licence, police filing, credit
  code, telecom or culture licence) is found with every character right;
* **false number**: a *valid* key number found that the picture does not show (an invented
  number: what would reach a report as "read from an image" with a wrong value); a read that
  fails validation is counted apart as *flagged* (the report says "possibly misread");
* **ms per image**: the helper's CPU time per picture (and wall time, queue included);
* **peak MB**: the helper's peak resident memory (ru_maxrss), models loaded;
* **CPU s per site**: a site that shows a footer strip, two badges and three licence scans,
  from the per-category means and maxima (the per-site bound, Limits.ocr_cpu_s, caps it).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests/ocr_images.py draws the pictures

from auditor.browse.ocr import Read, missing  # noqa: E402
from auditor.browse.ocrpool import OcrReader  # noqa: E402
from auditor.judge.extract import image_findings  # noqa: E402
from auditor.models import Image, OcrLine, OcrText, PageSnapshot  # noqa: E402
from tests.ocr_images import Sample, samples  # noqa: E402

KEY_KINDS = {"icp_filing", "icp_licence", "telecom_licence", "psb", "uscc", "culture_licence"}
SITE = {"strip": 1, "badge": 2, "licence": 3}  # what a picture-heavy site shows


@dataclass
class Score:
    sample: Sample
    found: set[str]
    flagged: set[str]
    cpu_ms: float
    wall_ms: float
    peak_mb: float

    @property
    def exact(self) -> int:
        return len(self.sample.numbers & self.found)

    @property
    def false(self) -> set[str]:
        return self.found - self.sample.numbers


def numbers_in(read: Read) -> tuple[set[str], set[str]]:
    """The key numbers the judge finds in a read, as an audit reads it: (valid ones, possibly misread ones)."""
    lines = [OcrLine(text=text, confidence=conf, box=box) for text, conf, box in read.lines]
    image = Image(alt="", src="bench.png", href=None, bbox=(0, 0, 100, 20), region="footer",
                  ocr=OcrText(sha256=read.sha256, source="response", engine="bench", lines=lines))
    page = PageSnapshot(kind="home", url="http://bench/", final_url="http://bench/", images=[image])
    found: set[str] = set()
    flagged: set[str] = set()
    for finding in image_findings(page, date(2026, 11, 25)):
        if finding.kind in KEY_KINDS:
            (found if finding.status == "valid" else flagged).add(finding.value)
    return found, flagged


async def run(pictures: list[Sample]) -> list[Score]:
    reader = OcrReader()
    try:
        await reader.read(pictures[-1].data)  # start the helper (models loaded) outside the figures
        reader._cache.clear()  # the benchmark reads every picture afresh
        scores = []
        for sample in pictures:
            started = time.perf_counter()
            read, _ = await reader.read(sample.data)
            wall = (time.perf_counter() - started) * 1000
            if read is None:
                raise SystemExit(f"{sample.name}: the helper could not read it")
            found, flagged = numbers_in(read)
            scores.append(Score(sample, found, flagged, read.cpu_s * 1000, wall, read.peak_mb))
        return scores
    finally:
        reader.close()


def report(scores: list[Score]) -> tuple[float, int]:
    print(f"{'category':<10}{'images':>7}{'numbers':>9}{'exact':>7}{'false':>7}{'flagged':>9}"
          f"{'cpu ms mean':>13}{'max':>7}{'wall ms':>9}")
    per_category: dict[str, list[Score]] = {}
    for score in scores:
        per_category.setdefault(score.sample.category, []).append(score)
    for category, group in per_category.items():
        cpu = [s.cpu_ms for s in group]
        print(f"{category:<10}{len(group):>7}{sum(len(s.sample.numbers) for s in group):>9}"
              f"{sum(s.exact for s in group):>7}{sum(len(s.false) for s in group):>7}"
              f"{sum(len(s.flagged) for s in group):>9}{statistics.mean(cpu):>13.0f}{max(cpu):>7.0f}"
              f"{statistics.mean(s.wall_ms for s in group):>9.0f}")
    numbers = sum(len(s.sample.numbers) for s in scores)
    exact = sum(s.exact for s in scores)
    false = sum(len(s.false) for s in scores)
    rate = exact / numbers if numbers else 1.0
    print(f"\n{len(scores)} images, {numbers} key numbers: {exact} exact ({rate:.1%}), {false} false, "
          f"{sum(len(s.flagged) for s in scores)} flagged as possibly misread")
    print(f"CPU per image: mean {statistics.mean(s.cpu_ms for s in scores):.0f} ms; "
          f"helper peak memory {max(s.peak_mb for s in scores):.0f} MB")
    mean_site = sum(n * statistics.mean(s.cpu_ms for s in per_category[c]) for c, n in SITE.items()) / 1000
    worst_site = sum(n * max(s.cpu_ms for s in per_category[c]) for c, n in SITE.items()) / 1000
    print(f"CPU per site (a footer strip, two badges, three licence scans): {mean_site:.2f} s on average, "
          f"{worst_site:.2f} s at worst")
    for score in scores:
        if score.exact < len(score.sample.numbers) or score.false:
            print(f"  {score.sample.name}: shows {sorted(score.sample.numbers)}, read {sorted(score.found)}"
                  f"{', flagged ' + str(sorted(score.flagged)) if score.flagged else ''}")
    return rate, false


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-exact", type=float, default=0.0, help="exit 1 below this share of exact numbers")
    parser.add_argument("--max-false", type=int, default=-1, help="exit 1 above this many false numbers")
    args = parser.parse_args()
    problem = missing()
    if problem:
        print(f"OCR unavailable: {problem}", file=sys.stderr)
        return 2
    rate, false = report(asyncio.run(run(list(samples()))))
    if rate < args.min_exact or (args.max_false >= 0 and false > args.max_false):
        print(f"below target: exact {rate:.1%} (min {args.min_exact:.0%}), false {false} (max {args.max_false})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
