"""What tells pages apart: a fragment is a place in a page, unless it is a single-page app's route."""

from __future__ import annotations

import pytest

from auditor.urls import page_key


@pytest.mark.parametrize(("url", "key"), [
    ("https://shop.cn/privacy.html#section-3", "https://shop.cn/privacy.html"),  # a place in one page
    ("https://shop.cn/#top", "https://shop.cn/"),
    ("https://shop.cn/#", "https://shop.cn/"),
    ("https://shop.cn/#/privacy", "https://shop.cn/#/privacy"),  # an app's view: a page of its own
    ("https://shop.cn/#!/help", "https://shop.cn/#!/help"),
    ("https://shop.cn/app", "https://shop.cn/app"),
])
def test_a_route_fragment_names_a_page(url: str, key: str) -> None:
    assert page_key(url) == key
