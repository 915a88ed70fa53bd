"""Evidence images: crop each finding's box out of the page screenshot, highlighted.

A reader of the report sees the number as the visitor saw it, not only our reading of
it. Crops are small JPEGs beside the site's report; a page without a screenshot simply
has no crop.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PIL import Image, ImageDraw, UnidentifiedImageError

from auditor.models import Evidence, RuleResult, Screenshot, SiteSnapshot

log = logging.getLogger(__name__)
MARGIN_X, MARGIN_Y = 160, 40  # enough of the surroundings to show where on the page it is
MAX_CROP = (1200, 500)


def _crop(screenshot: Path, top: float, bbox: tuple[float, float, float, float], target: Path) -> bool:
    try:
        with Image.open(screenshot) as image:
            x, y, w, h = bbox
            y -= top  # page coordinates → this picture's coordinates
            if y >= image.height or x >= image.width:
                return False  # below the part of the page we photographed
            box = (max(0, int(x - MARGIN_X)), max(0, int(y - MARGIN_Y)),
                   min(image.width, int(x + w + MARGIN_X)), min(image.height, int(y + h + MARGIN_Y)))
            crop = image.crop(box).convert("RGB")
            draw = ImageDraw.Draw(crop)
            left, top = x - box[0], y - box[1]
            draw.rectangle((left - 3, top - 3, left + w + 3, top + h + 3), outline=(220, 38, 38), width=3)
            crop.thumbnail(MAX_CROP)
            crop.save(target, "JPEG", quality=80)
            return True
    except (OSError, UnidentifiedImageError) as exc:
        log.info("no crop from %s: %s", screenshot, exc)
        return False


def attach_crops(results: list[RuleResult], snapshot: SiteSnapshot, site_dir: Path) -> list[RuleResult]:
    """Give every evidence item with a box a cropped screenshot (relative to `site_dir`)."""
    shots = {p.final_url: p.screenshots for p in snapshot.pages if p.screenshots}
    out = []
    for result in results:
        items = []
        for ev in result.evidence:
            items.append(_with_crop(ev, shots, site_dir))
        out.append(result.model_copy(update={"evidence": items}))
    return out


def _with_crop(ev: Evidence, shots: dict[str, list[Screenshot]], site_dir: Path) -> Evidence:
    if ev.bbox is None:
        return ev
    y, height = ev.bbox[1], ev.bbox[3]
    shot = next((s for s in shots.get(ev.page_url, []) if s.y <= y and y + height <= s.y + s.height), None)
    if shot is None or not (site_dir / shot.file).is_file():
        return ev  # not on any picture we took (e.g. the middle of a very long page)
    key = hashlib.sha256(f"{ev.page_url}|{ev.bbox}".encode()).hexdigest()[:12]
    target = site_dir / "evidence" / f"{key}.jpg"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        if not _crop(site_dir / shot.file, shot.y, ev.bbox, target):
            return ev
    return ev.model_copy(update={"screenshot": f"evidence/{target.name}"})
