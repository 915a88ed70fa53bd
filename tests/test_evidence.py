"""Evidence crops (auditor/evidence.py): one per finding on a picture we took, none otherwise."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from auditor.judge.evidence import attach_crops
from auditor.models import (
    Evidence,
    Outcome,
    PageSnapshot,
    RuleResult,
    Screenshot,
    Severity,
    SiteSnapshot,
    SiteStatus,
    Text,
)

HOME = "http://127.0.0.1:8000/"


def result(rule_id: str, *evidence: Evidence) -> RuleResult:
    text = Text(zh="x", en="x")
    return RuleResult(rule_id=rule_id, outcome=Outcome.FAIL, severity=Severity.HIGH, message="x", messages=text,
                      title=text, evidence=list(evidence))


def test_every_finding_on_a_picture_gets_its_own_crop_and_others_none(tmp_path: Path) -> None:
    picture = Image.new("RGB", (1366, 2000), "white")
    picture.paste((0, 0, 255), (100, 1800, 400, 1830))  # the "footer line" the first finding points at
    picture.save(tmp_path / "home.jpg", quality=90)
    snapshot = SiteSnapshot(input_url=HOME, final_url=HOME, status=SiteStatus.AUDITED, pages=[
        PageSnapshot(kind="home", url=HOME, final_url=HOME, screenshots=[Screenshot(file="home.jpg", height=2000)])])
    footer = Evidence(page_url=HOME, text="京ICP备12345678号", bbox=(100, 1800, 300, 30))
    header = Evidence(page_url=HOME, text="客服电话", bbox=(100, 20, 200, 20))
    below = Evidence(page_url=HOME, text="beyond the picture", bbox=(100, 2500, 200, 20))
    elsewhere = Evidence(page_url="http://127.0.0.1:8000/about", text="no picture", bbox=(0, 0, 10, 10))
    unplaced = Evidence(page_url=HOME, text="no box")
    results = attach_crops([result("a", footer, below), result("b", header, elsewhere, unplaced, footer)],
                           snapshot, tmp_path)
    shots = [[ev.screenshot for ev in r.evidence] for r in results]
    assert shots[0][1] is None and shots[1][1:4] == [None, None, shots[0][0]]
    assert shots[0][0] and shots[1][0] and shots[0][0] != shots[1][0]
    with Image.open(tmp_path / shots[0][0]) as crop:
        blue = crop.convert("RGB").getpixel((crop.width // 2, crop.height // 2))
        assert isinstance(blue, tuple) and blue[2] > 200 and blue[0] < 60  # the crop shows the footer line
    assert len(list((tmp_path / "evidence").glob("*.jpg"))) == 2


def test_a_broken_picture_gives_no_crop_and_no_error(tmp_path: Path) -> None:
    (tmp_path / "home.jpg").write_bytes(b"not a jpeg")
    snapshot = SiteSnapshot(input_url=HOME, final_url=HOME, status=SiteStatus.AUDITED, pages=[
        PageSnapshot(kind="home", url=HOME, final_url=HOME, screenshots=[Screenshot(file="home.jpg", height=900)])])
    [out] = attach_crops([result("a", Evidence(page_url=HOME, text="x", bbox=(0, 10, 50, 20)))], snapshot, tmp_path)
    assert out.evidence[0].screenshot is None
