"""A page's snapshot kept under its size limit (render.bounded), on hand-built pages: no browser."""

from __future__ import annotations

from auditor.browse.render import SURELY_UNDER, bounded
from auditor.models import PageSnapshot, TextBlock


def _page(main_blocks: int, text: str = "正文段落" * 20) -> PageSnapshot:
    blocks = [TextBlock(text="京ICP备12345678号 示例科技有限公司", bbox=(0, 5000, 800, 20), region="footer",
                        centered=True),
              TextBlock(text="首页 关于我们", bbox=(0, 0, 800, 20), region="header", centered=False)]
    blocks += [TextBlock(text=f"{n} {text}", bbox=(0, 100 + 20 * n, 800, 20), region="main", centered=False)
               for n in range(main_blocks)]
    return PageSnapshot(kind="home", url="http://a.test/", final_url="http://a.test/", blocks=blocks)


def test_a_page_under_the_limit_is_kept_whole() -> None:
    page = _page(10)
    assert bounded(page, len(page.model_dump_json()) + 1) is page


def test_a_page_over_the_limit_loses_main_text_first_and_keeps_header_and_footer() -> None:
    page = _page(400)
    limit = len(page.model_dump_json()) // 4
    kept = bounded(page, limit)
    assert kept.truncated
    assert len(kept.model_dump_json()) <= limit
    regions = [b.region for b in kept.blocks]
    assert regions.count("footer") == 1 and regions.count("header") == 1
    assert 0 < regions.count("main") < 400
    # What is kept of the main text is its beginning, and the blocks stay in reading order.
    numbers = [int(b.text.split()[0]) for b in kept.blocks if b.region == "main"]
    assert numbers == list(range(len(numbers)))
    assert [b.bbox[1] for b in kept.blocks] == sorted(b.bbox[1] for b in kept.blocks)


def test_the_size_the_page_was_read_as_spares_measuring_only_far_under_the_limit() -> None:
    page = _page(400)
    size = len(page.model_dump_json())
    limit = size // 4
    # Read as small (far under the limit): trusted, kept as it is.
    assert bounded(page, limit, read_size=int(limit * SURELY_UNDER)) is page
    # Read as anything nearer the limit: measured, and cut as without it.
    assert bounded(page, limit, read_size=int(limit * SURELY_UNDER) + 1) == bounded(page, limit)
    assert bounded(page, limit, read_size=size).truncated


def test_the_model_is_never_four_times_the_size_the_page_was_read_as() -> None:
    """SURELY_UNDER rests on this: a block's fields of ours, at their defaults, against the page's own JSON."""
    import json

    block = {"text": "a", "bbox": [0, 0, 1, 1], "region": "main", "centered": False, "pieces": [], "font_px": 12,
             "label": "", "links": []}
    read = json.dumps({"blocks": [block] * 100}, ensure_ascii=False, separators=(",", ":"))
    model = PageSnapshot(kind="home", url="u", final_url="u", blocks=[TextBlock.model_validate(block)] * 100)
    assert len(model.model_dump_json()) < len(read) / SURELY_UNDER
