"""Evidence images: crop each finding's box out of the page screenshot, highlighted.

A reader of the report sees the number as the visitor saw it, not only our reading of
it. Crops are small JPEGs beside the site's report; a page without a screenshot simply
has no crop. A value read from a picture (OCR) is cropped from that picture as it was
read (its copy beside the snapshot), around the line that holds it.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageDraw, UnidentifiedImageError

from auditor.layout import EVIDENCE_DIR, write_atomic
from auditor.models import BBox, Evidence, RuleResult, Screenshot, SiteSnapshot

log = logging.getLogger(__name__)
MARGIN_X, MARGIN_Y = 160, 40  # enough of the surroundings to show where on the page it is
MAX_CROP = (1200, 500)


class _Wanted(NamedTuple):
    evidence: int  # id() of the evidence item
    bbox: BBox
    picture_top: float  # where on the page the picture starts
    target: Path


def attach_crops(results: list[RuleResult], snapshot: SiteSnapshot, site_dir: Path) -> list[RuleResult]:
    """Give every evidence item with a box a cropped screenshot (relative to `site_dir`)."""
    shots = {p.final_url: p.screenshots for p in snapshot.pages if p.screenshots}
    wanted: dict[str, list[_Wanted]] = defaultdict(list)  # picture → the crops to cut from it
    for result in results:
        for ev in result.evidence:
            if ev.ocr is not None and ev.ocr.file and (site_dir / ev.ocr.file).is_file():
                key = hashlib.sha256(f"{ev.ocr.file}|{ev.ocr.box}".encode()).hexdigest()[:12]
                wanted[ev.ocr.file].append(_Wanted(id(ev), ev.ocr.box, 0.0, site_dir / EVIDENCE_DIR / f"{key}.jpg"))
                continue
            shot = _picture_of(ev, shots, site_dir)
            if shot is not None and ev.bbox is not None:
                key = hashlib.sha256(f"{ev.page_url}|{ev.bbox}".encode()).hexdigest()[:12]
                wanted[shot.file].append(_Wanted(id(ev), ev.bbox, shot.y, site_dir / EVIDENCE_DIR / f"{key}.jpg"))
    made: dict[int, str] = {}  # id(evidence item) → its crop
    for file, crops in wanted.items():
        made.update(_crop_all(site_dir / file, crops))
    return [result.model_copy(update={"evidence": [
        ev.model_copy(update={"screenshot": made[id(ev)]}) if id(ev) in made else ev for ev in result.evidence]})
        for result in results]


def _picture_of(ev: Evidence, shots: dict[str, list[Screenshot]], site_dir: Path) -> Screenshot | None:
    """The screenshot showing the evidence's box, if we took one (not: the middle of a very long page)."""
    box = ev.bbox
    if box is None:
        return None
    shot = next((s for s in shots.get(ev.page_url, []) if s.shows(box)), None)
    return shot if shot is not None and (site_dir / shot.file).is_file() else None


def _crop_all(picture: Path, crops: list[_Wanted]) -> dict[int, str]:
    """Cut every crop out of one picture, decoding it once: a full-page JPEG is the costly part."""
    made = {}
    try:
        with Image.open(picture) as image:
            image.load()
            for crop in crops:
                if crop.target.exists() or _crop(image, crop.picture_top, crop.bbox, crop.target):
                    made[crop.evidence] = f"{EVIDENCE_DIR}/{crop.target.name}"
    except (OSError, UnidentifiedImageError) as exc:
        log.info("no crops from %s: %s", picture, exc)
    return made


def _crop(image: Image.Image, top: float, bbox: tuple[float, float, float, float], target: Path) -> bool:
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
    encoded = io.BytesIO()
    crop.save(encoded, "JPEG", quality=80)
    write_atomic(target, encoded.getvalue())
    return True
