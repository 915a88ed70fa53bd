"""Which parts of a page are photographed (auditor/pictures.py): pure geometry, no browser."""

from __future__ import annotations

from auditor.models import Screenshot
from auditor.pictures import BAND_MARGIN, MAX_BANDS, bands, covered


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


def test_covered_means_wholly_inside_one_picture() -> None:
    shots = [Screenshot(file="home-top.jpg", y=0, height=900), Screenshot(file="home-bottom.jpg", y=9100, height=900)]
    assert covered((0, 880, 10, 20), shots) and covered((0, 9500, 10, 20), shots)
    assert not covered((0, 890, 10, 20), shots) and not covered((0, 5000, 10, 20), shots)
