"""Which parts of a page are photographed (auditor/pictures.py): the bands, and the rules saying what. No browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from auditor.browse.pictures import BAND_MARGIN, MAX_BANDS, bands
from auditor.inputs.sites import SiteInput
from auditor.judge import extract as extract_module
from auditor.judge import site as judge_site
from auditor.judge.checks.base import Verdict
from auditor.judge.engine import run_rule
from auditor.judge.extract import PageCache, extract
from auditor.judge.ruleset import Rule, Ruleset
from auditor.judge.site import _rule_results, cited_by_rules, images_to_read, pictures_to_read
from auditor.layout import load_stored
from auditor.models import Image, PageSnapshot, Screenshot, SiteSnapshot, SiteStatus, TextBlock
from auditor.options import JudgeOptions
from tests.conftest import TODAY

HOME = "http://127.0.0.1:8000/"


def test_each_box_gets_a_band_with_margin_and_near_boxes_share_one() -> None:
    got = bands([(10, 1000, 300, 20), (10, 1100, 300, 20), (10, 3000, 300, 40)], page_height=5000, max_height=900)
    assert got == [(1000 - BAND_MARGIN, 1120 + BAND_MARGIN), (3000 - BAND_MARGIN, 3040 + BAND_MARGIN)]


def test_bands_stay_on_the_page_and_within_a_viewport() -> None:
    assert bands([(0, 5, 100, 20)], page_height=60, max_height=900) == [(0.0, 60.0)]
    assert bands([(0, 100, 100, 850)], page_height=5000, max_height=900) == []  # too tall to crop readably
    assert bands([(0, 6000, 100, 20)], page_height=5000, max_height=900) == []  # off the page
    # Boxes close together but spanning more than a viewport: two bands, each short enough.
    chain = [(0, y, 100, 20) for y in range(0, 1400, 150)]
    got = bands(chain, page_height=5000, max_height=900)
    assert len(got) == 2 and all(bottom - top <= 900 for top, bottom in got)
    assert all(any(top <= y and y + 20 <= bottom for top, bottom in got) for _, y, _, _ in chain)


def test_bands_are_bounded_per_page() -> None:
    many = [(0, y, 100, 20) for y in range(0, 100_000, 2000)]
    assert len(bands(many, page_height=100_000, max_height=900)) == MAX_BANDS


def test_a_picture_shows_a_box_only_wholly_inside_it() -> None:
    shots = [Screenshot(file="home-top.jpg", y=0, height=900), Screenshot(file="home-bottom.jpg", y=9100, height=900)]

    def covered(box: tuple[float, float, float, float]) -> bool:
        return any(shot.shows(box) for shot in shots)

    assert covered((0, 880, 10, 20)) and covered((0, 9500, 10, 20))
    assert not covered((0, 890, 10, 20)) and not covered((0, 5000, 10, 20))


def _home(text: str) -> PageSnapshot:
    block = TextBlock(text=text, region="footer", bbox=(100, 1800, 400, 20), centered=True)
    return PageSnapshot(kind="home", url=HOME, final_url=HOME, page_size=(1366, 2000), blocks=[block])


def test_the_rules_say_what_to_photograph_as_pages_arrive(ruleset: Ruleset, tmp_path: Path) -> None:
    cited = cited_by_rules(SiteInput(url=HOME), ruleset, JudgeOptions(today=TODAY), PageCache())
    assert (100, 1800, 400, 20) in cited([_home("京ICP备2021076543号-1")])  # the ICP rule cites the footer line


def test_a_failing_early_judgement_costs_pictures_not_the_site(ruleset: Ruleset, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug in a check")

    monkeypatch.setattr(judge_site, "run_rule", broken)
    cited = cited_by_rules(SiteInput(url=HOME), ruleset, JudgeOptions(today=TODAY), PageCache())
    assert cited([_home("京ICP备2021076543号-1")]) == []


def test_the_final_judgement_reads_the_same_from_the_render_time_cache(ruleset: Ruleset, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PageCache()
    home = _home("京ICP备2021076543号-1 客服电话：010-12345678")
    cited_by_rules(SiteInput(url=HOME), ruleset, JudgeOptions(today=TODAY), cache)([home])
    with_pictures = home.model_copy(update={"screenshots": [Screenshot(file="home.jpg", height=2000)]})
    snap = SiteSnapshot(input_url=HOME, final_url=HOME, status=SiteStatus.AUDITED, pages=[with_pictures])
    fresh = extract(snap, ruleset.vocabulary, TODAY)

    def read_again(*args: object) -> None:
        raise AssertionError("the page was read again")

    monkeypatch.setattr(extract_module, "page_findings", read_again)
    cached = extract(snap, ruleset.vocabulary, TODAY, cache)  # the copy with pictures is the same page
    assert cached.findings and cached.findings == fresh.findings and cached.facts == fresh.facts


def test_a_page_is_judged_once_for_its_pictures_and_their_reading(ruleset: Ruleset,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The pictures to take and the pictures to read are answered by one judgement of the pages so far."""
    asked: list[str] = []

    def counted(rule: Rule, *args: Any) -> Verdict:
        asked.append(rule.id)
        return run_rule(rule, *args)

    monkeypatch.setattr(judge_site, "run_rule", counted)
    site, options, cache = SiteInput(url=HOME), JudgeOptions(today=TODAY), PageCache()
    home = _home("京ICP备2021076543号-1")
    cited_by_rules(site, ruleset, options, cache)([home])
    with_pictures = home.model_copy(update={"screenshots": [Screenshot(file="home.jpg", height=2000)]})
    images_to_read(site, ruleset, options, cache)([with_pictures])  # the same page, its pictures taken
    reading_home = [rule.id for rule in ruleset.rules if "home" in rule.pages]
    assert sorted(asked) == sorted(reading_home)  # once each, and only the rules that read the homepage
    contact = PageSnapshot(kind="contact", url=HOME + "contact", final_url=HOME + "contact", page_size=(1366, 900))
    images_to_read(site, ruleset, options, cache)([with_pictures, contact])  # a new page: judged anew
    assert len(asked) == len(reading_home) + len([rule for rule in ruleset.rules if "contact" in rule.pages])


def test_the_pictures_read_are_those_the_final_judgement_would_call_only_in_an_image(ruleset: Ruleset) -> None:
    """A footer whose filing number is only a picture: the render-time answer is the one pictures_to_read gives."""
    picture = Image(alt="ICP备案号", src="/img/icp.png", href="https://beian.miit.gov.cn/", context="",
                    bbox=(300, 1800, 160, 20), region="footer")
    home = _home("版权所有 示例科技有限公司").model_copy(update={"images": [picture]})
    options = JudgeOptions(today=TODAY)
    wanted = images_to_read(SiteInput(url=HOME), ruleset, options, PageCache())([home])
    snap = SiteSnapshot(input_url=HOME, final_url=HOME, status=SiteStatus.AUDITED, pages=[home])
    facts = extract(snap, ruleset.vocabulary, TODAY)
    assert wanted == pictures_to_read(ruleset, facts, set(options.default_profiles), {}) and 0 in wanted


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).parent / "snapshots").iterdir() if p.is_dir()))
def test_what_is_photographed_is_what_the_judgement_cites_there(ruleset: Ruleset, name: str) -> None:
    """As each page of a stored site arrives, the boxes asked for are those the full judgement of the pages
    so far cites on it, by the rules that read its kind: nothing it cites goes without a picture."""
    stored = load_stored(Path(__file__).parent / "snapshots" / name / "snapshot.json")
    options = JudgeOptions(today=TODAY)
    site = SiteInput(url=stored.url, profiles=tuple(stored.profiles), registry=stored.registry)
    cited = cited_by_rules(site, ruleset, options, PageCache())
    pages = stored.snapshot.pages
    asked = 0
    for end in range(1, len(pages) + 1):
        page = pages[end - 1]
        snap = SiteSnapshot(input_url=stored.url, final_url=pages[0].final_url, status=SiteStatus.AUDITED,
                            pages=pages[:end])
        _, _, results = _rule_results(snap, stored.profiles, stored.registry, ruleset, options)
        reading = {rule.id for rule in ruleset.rules if page.kind in rule.pages}
        wanted = [ev.bbox for result in results if result.rule_id in reading
                  for ev in result.evidence if ev.bbox and ev.page_url == page.final_url]
        assert cited(pages[:end]) == wanted
        asked += len(wanted)
    assert asked > 0
