"""Reading the numbers sites show only as pictures (issue 14): the reader, its bounds, the network, an audit.

The reader needs the `ocr` extra (scripts/bootstrap installs it). Outside CI a missing extra
skips these tests with the reason; with CI=true it fails them. Timings are printed by
bench/ocr.py, never asserted here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image as PILImage

from auditor.browse import ocr, ocrpool
from auditor.browse.ocrpool import OcrReader, SiteReads
from auditor.judge.extract import image_findings, ocr_rows
from auditor.judge.ruleset import Ruleset
from auditor.judge.site import judge_snapshots
from auditor.models import Image, OcrLine, OcrText, PageSnapshot, SiteReport
from auditor.options import JudgeOptions, Limits
from auditor.resources import demo_dir
from tests.conftest import IN_CI, TODAY, run_audit
from tests.ocr_images import Sample, badge, business_licence, demo_licence, encode, samples, strip

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def need_ocr() -> None:
    problem = ocr.missing()
    if problem is None:
        return
    if IN_CI:
        pytest.fail(f"CI=true and OCR unavailable: {problem}")
    pytest.skip(f"OCR unavailable: {problem}")


@pytest.fixture(scope="module")
def reader(need_ocr: None) -> Iterator[OcrReader]:
    """One helper for the module, as an audit has one for its run."""
    loop = asyncio.new_event_loop()
    made = OcrReader()
    made.loop = loop  # type: ignore[attr-defined]
    yield made
    made.close()
    loop.close()


def run(reader: OcrReader, coroutine: object) -> object:
    return reader.loop.run_until_complete(coroutine)  # type: ignore[attr-defined, arg-type]


KEY_KINDS = {"icp_filing", "icp_licence", "telecom_licence", "psb", "uscc", "culture_licence"}


def numbers(read: ocr.Read) -> set[str]:
    """The valid key numbers (filing and licence numbers, credit codes) the judge finds in a read."""
    lines = [OcrLine(text=t, confidence=c, box=b) for t, c, b in read.lines]
    image = Image(alt="", src="t.png", href=None, bbox=(0, 0, 100, 20), region="footer",
                  ocr=OcrText(sha256=read.sha256, source="response", engine="test", lines=lines))
    page = PageSnapshot(kind="home", url="http://t/", final_url="http://t/", images=[image])
    return {f.value for f in image_findings(page, TODAY) if f.status == "valid" and f.kind in KEY_KINDS}


# --- the reader ------------------------------------------------------------------------------


def _some(category: str, count: int) -> list[Sample]:
    return [s for s in samples() if s.category == category][:count]


@pytest.mark.parametrize("sample", _some("strip", 4) + _some("badge", 3) + _some("licence", 3) + _some("none", 3),
                         ids=lambda s: s.name)
def test_the_reader_finds_exactly_the_numbers_a_picture_shows(reader: OcrReader, sample: Sample) -> None:
    read, _ = run(reader, reader.read(sample.data))  # type: ignore[misc]
    assert read is not None and read.problem is None
    assert numbers(read) == set(sample.numbers)  # every number right, none invented


def test_the_benchmark_set_is_large_and_varied() -> None:
    pictures = list(samples())
    assert len(pictures) >= 40
    assert {s.category for s in pictures} == {"strip", "badge", "licence", "none"}
    assert {12, 13, 14, 15, 16} <= {int(s.name.split("-")[1].removesuffix("px")) for s in pictures
                                    if s.category == "strip"}


def test_reads_are_cached_by_the_pictures_hash(reader: OcrReader) -> None:
    data = encode(strip("浙ICP备2021034567号-1", 14))
    first, fresh = run(reader, reader.read(data))  # type: ignore[misc]
    again, fresh_again = run(reader, reader.read(bytes(data)))  # type: ignore[misc]
    assert fresh and not fresh_again and again is first


def test_what_is_not_a_picture_is_a_problem_not_a_crash(reader: OcrReader) -> None:
    read, _ = run(reader, reader.read(b"<svg xmlns='http://www.w3.org/2000/svg'/>"))  # type: ignore[misc]
    assert read is not None and read.lines == () and "not a picture" in (read.problem or "")
    huge = encode(strip("x", 12).resize((9000, 9000)))
    read, _ = run(reader, reader.read(huge))  # type: ignore[misc]
    assert read is not None and "too large" in (read.problem or "")


def test_a_strip_is_read_as_one_line_and_a_scan_is_detected_first() -> None:
    assert ocr.is_strip(363, 24) and ocr.is_strip(294, 30)
    assert not ocr.is_strip(460, 100) and not ocr.is_strip(30, 24)


def test_a_read_that_lost_a_digit_is_possibly_misread_not_a_number() -> None:
    """The grammar accepts short numbers real footers write; a number read from a picture must have today's length."""
    image = Image(alt="", src="t.png", href=None, bbox=(0, 0, 100, 20), region="footer", ocr=OcrText(
        sha256="0", source="response", engine="test", lines=[
            OcrLine(text="许可证编号 沪网文〔2021〕093-953号", confidence=0.91, box=(0, 0, 300, 20)),
            OcrLine(text="京ICP备202003115号-1", confidence=0.95, box=(0, 40, 300, 20))]))
    page = PageSnapshot(kind="home", url="http://t/", final_url="http://t/", images=[image])
    found = {f.kind: f for f in image_findings(page, TODAY)}
    assert found["culture_licence"].status == "nonstandard" and "read_shape" in found["culture_licence"].problems
    assert found["icp_filing"].status == "nonstandard"


def test_rows_join_a_label_and_its_value_read_apart() -> None:
    lines = [OcrLine(text="91330110MA2H7K3C6K", confidence=0.95, box=(300, 102, 300, 24)),
             OcrLine(text="统一社会信用代码", confidence=0.99, box=(40, 100, 200, 26)),
             OcrLine(text="名称 杭州青禾茶业有限公司", confidence=0.98, box=(40, 140, 400, 26))]
    rows = ocr_rows(lines)
    assert [r[0] for r in rows] == ["统一社会信用代码 91330110MA2H7K3C6K", "名称 杭州青禾茶业有限公司"]
    assert rows[0][1] == 0.95 and rows[0][2] == (40, 100, 560, 26)


# --- no network, ever ----------------------------------------------------------------------


def test_the_helper_refuses_the_network(reader: OcrReader) -> None:
    """The helper process runs with every socket refused: a model download could never start."""
    with pytest.raises(ocr.NetworkRefusedError):
        run(reader, reader.call(ocr.probe_network))


def test_reading_never_tries_the_network(need_ocr: None, tmp_path: Path) -> None:
    """A fresh helper, started and reading with the network refused from its first line: any attempt fails the read."""
    script = tmp_path / "read.py"
    script.write_text(
        "import socket, sys\n"
        "attempts = []\n"
        # Reaching out: a connection, a name look-up, a datagram, a URL request (urllib3 binds a
        # socket to ::1 at import to learn whether IPv6 exists: that leaves nothing).
        f"REACH = {sorted(ocr.NETWORK_EVENTS | {'socket.gethostbyaddr', 'socket.getnameinfo'})!r}\n"
        "def hook(event, args):\n"
        "    if event in REACH:\n"
        "        attempts.append(event)\n"
        "        raise OSError('network blocked by the test: ' + event)\n"
        "sys.addaudithook(hook)\n"
        "from auditor.browse import ocr\n"
        "ocr.start_helper()\n"
        f"read = ocr.read_picture(open({str(tmp_path / 'licence.jpg')!r}, 'rb').read())\n"
        "print(attempts, [l[0] for l in read.lines])\n"
        "assert not attempts, attempts\n", encoding="utf-8")
    (tmp_path / "licence.jpg").write_bytes(demo_licence())
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "91330106MA2KX8N549" in done.stdout


def test_the_auditors_own_process_never_loads_the_models(need_ocr: None) -> None:
    code = ("import sys; from auditor.browse import render, pool, ocrpool; "
            "assert not {'rapidocr', 'onnxruntime', 'numpy'} & set(sys.modules), sorted(sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_the_helper_ends_when_the_auditor_is_killed(need_ocr: None, tmp_path: Path) -> None:
    """kill -9 of a run leaves no helper behind (a process pool's workers outlive their parent)."""
    script = tmp_path / "run.py"
    script.write_text(
        "import asyncio, time\n"
        "from auditor.browse import ocr\n"
        "from auditor.browse.ocrpool import OcrReader\n"
        "async def main():\n"
        "    reader = OcrReader()\n"
        "    await reader.call(ocr.peak_mb)  # started, models loaded\n"
        "    print([p.pid for p in reader._executor._processes.values()][0], flush=True)\n"
        "    time.sleep(120)\n"
        "if __name__ == '__main__':\n"
        "    asyncio.run(main())\n", encoding="utf-8")
    run_ = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert run_.stdout is not None
        helper = int(run_.stdout.readline())
    finally:
        run_.kill()  # SIGKILL: no clean-up of its own runs
        run_.wait()
    for _ in range(100):
        if not Path(f"/proc/{helper}").exists() or "zombie" in Path(f"/proc/{helper}/status").read_text().lower():
            break
        time.sleep(0.1)
    else:
        os.kill(helper, signal.SIGKILL)  # ours: started by the run above
        pytest.fail("the OCR helper outlived the killed run")


# --- a site's bounds ---------------------------------------------------------------------------


class _Counting:
    """A stand-in reader: every picture costs `cost` CPU seconds."""

    def __init__(self, cost: float) -> None:
        self.cost = cost
        self.calls = 0

    async def read(self, data: bytes) -> tuple[ocr.Read, bool]:
        self.calls += 1
        return ocr.Read(sha256=str(self.calls), lines=(("x", 1.0, (0, 0, 1, 1)),), cpu_s=self.cost), True


def _bounded(limits: Limits, cost: float, pictures: int) -> tuple[SiteReads, _Counting]:
    fake = _Counting(cost)
    reads = SiteReads(fake, limits)  # type: ignore[arg-type]
    data = encode(badge("京公网安备11010802020134号", "警"))

    async def go() -> None:
        for index in range(pictures):
            reads.add((0, index), data, "response")
        await reads.finish(10)
    asyncio.run(go())
    return reads, fake


def test_a_site_reads_at_most_its_count_of_pictures() -> None:
    reads, fake = _bounded(Limits(ocr_max_images=3), cost=0.01, pictures=10)
    assert fake.calls == 3 and len(reads.results) == 3 and reads.skipped == 7


def test_a_site_reads_within_its_cpu_budget() -> None:
    reads, fake = _bounded(Limits(ocr_cpu_s=1.0, ocr_max_images=100), cost=0.4, pictures=10)
    assert reads.spent_s <= 1.0 + ocr.expected_cpu_s(300, 30)
    assert fake.calls < 10 and reads.skipped == 10 - fake.calls


def test_reads_that_cost_what_was_expected_fill_the_budget() -> None:
    expected = ocr.expected_cpu_s(323, 32)  # the badge's size: a strip
    reads, fake = _bounded(Limits(ocr_cpu_s=1.0, ocr_max_images=100), cost=expected, pictures=10)
    assert fake.calls == int(1.0 // expected) and reads.spent_s <= 1.0


def test_what_cannot_hold_text_is_refused_by_its_header_without_the_helper() -> None:
    """A spacer pixel, a sliver, bytes that are no picture and a bomb are never handed to the reader
    (whose first read starts the helper and loads its models); a picture that can hold text is."""
    fake = _Counting(0.01)
    reads = SiteReads(fake, Limits(ocr_max_images=10))  # type: ignore[arg-type]
    unfit = [encode(PILImage.new("RGB", (1, 1))), encode(PILImage.new("RGB", (400, ocr.MIN_SIDE - 1))),
             b"<svg xmlns='http://www.w3.org/2000/svg'/>", encode(PILImage.new("1", (8000, 6000)))]
    fit = [encode(PILImage.new("RGB", (ocr.MIN_SIDE, ocr.MIN_SIDE))), encode(badge("京公网安备11010802020134号", "警"))]

    async def go() -> None:
        for index, data in enumerate([*unfit, *fit]):
            reads.add((0, index), data, "response")
        await reads.finish(10)
    asyncio.run(go())
    assert fake.calls == len(fit) and reads.refused == len(unfit) and reads.skipped == 0
    assert sorted(reads.results) == [(0, len(unfit)), (0, len(unfit) + 1)]


def test_the_header_check_refuses_what_the_helper_refuses() -> None:
    for size, refused in (((1, 1), "too small"), ((ocr.MIN_SIDE - 1, 500), "too small"),
                          ((ocr.MIN_SIDE, ocr.MIN_SIDE), None), ((8000, 6000), "too large"), ((6000, 6000), None)):
        problem = ocr.size_problem(*size)
        assert (problem is None) == (refused is None) and (refused is None or refused in (problem or ""))
        data = encode(PILImage.new("1", size))
        if refused is None:
            assert ocr.decode(data).size == (min(size[0], ocr.MAX_SIDE), min(size[1], ocr.MAX_SIDE))
        else:
            with pytest.raises(ValueError, match=refused):
                ocr.decode(data)


def test_without_the_extra_it_says_so_once(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(ocr, "missing", lambda: "rapidocr is not installed (pip install 'disclosure-auditor[ocr]')")
    monkeypatch.setattr(ocrpool, "_told_missing", False)
    with caplog.at_level(logging.WARNING):
        assert all(ocrpool.ocr_missing() for _ in range(5))
    said = [r.getMessage() for r in caplog.records if "not read" in r.getMessage()]
    assert len(said) == 1 and "disclosure-auditor[ocr]" in said[0] and "\n" not in said[0]


# --- an audit ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def picture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A shop whose filing numbers are a footer picture and whose licence page shows only a scan."""
    root = tmp_path_factory.mktemp("picture-sites")
    site = root / "pictures"
    site.mkdir()
    (site / "site.yaml").write_text("name: 图片公示的网店\nprofiles: [site, operator]\n"
                                    "registry: {registered_uscc: 91330110MA2H7K3C6K}\n", encoding="utf-8")
    (site / "footer.png").write_bytes(encode(strip("浙ICP备2021034567号-1  浙公网安备33010602011234号", 13)))
    import random
    (site / "yyzz.jpg").write_bytes(encode(business_licence("杭州青禾茶业有限公司", "91330110MA2H7K3C6K",
                                                            random.Random(1)), "JPEG", 80))
    (site / "index.html").write_text(
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>青禾茶叶</title></head><body>"
        "<main style='min-height:600px'><h1>青禾茶叶</h1><p>明前龙井，产地直发。</p></main>"
        "<footer style='text-align:center'><div>客服电话：0571-87654321</div>"
        "<div><a href='https://beian.miit.gov.cn/'><img src='/footer.png' alt='备案信息'></a></div>"
        "<div><a href='/licence.html'>营业执照</a></div></footer></body></html>", encoding="utf-8")
    (site / "licence.html").write_text(
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>证照</title></head><body>"
        "<main><h1>证照</h1><img src='/yyzz.jpg' alt='' style='width:700px'></main></body></html>",
        encoding="utf-8")
    # Its numbers only in a footer picture that nothing names (no alt, no link, no label beside it),
    # next to a QR code: no rule can call it "only in an image" before it is read.
    plain = root / "unlabelled"
    plain.mkdir()
    (plain / "site.yaml").write_text("name: 无标注图片页脚\nprofiles: [site, operator]\n", encoding="utf-8")
    (plain / "f1.png").write_bytes(encode(strip("苏ICP备2022045678号  苏公网安备32010602011234号", 14,
                                                fg="#333333", bg="#ffffff")))
    qr = PILImage.new("RGB", (90, 90), "#ffffff")
    for x in range(0, 90, 10):
        for y in range(0, 90, 10):
            if (x * 7 + y * 3) % 20 < 10:
                qr.paste((0, 0, 0), (x, y, x + 10, y + 10))
    (plain / "qr.png").write_bytes(encode(qr))
    (plain / "index.html").write_text(
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>南京小店</title></head><body>"
        "<main style='min-height:600px'><h1>南京小店</h1><p>手工糕点，当日现做。</p></main>"
        "<footer style='text-align:center'><div>客服电话：025-84561234</div>"
        "<div><img src='/f1.png'></div><div><img src='/qr.png' width='90' height='90'></div></footer>"
        "</body></html>", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def picture_reports(need_browser: None, need_ocr: None, ruleset: Ruleset, picture_site: Path,
                    tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, SiteReport], Path]:
    out = tmp_path_factory.mktemp("picture-audit")
    _, reports = run_audit(picture_site, ruleset, out)
    return reports, out


@pytest.fixture(scope="module")
def picture_audit(picture_reports: tuple[dict[str, SiteReport], Path]) -> tuple[dict[str, object], Path]:
    reports, out = picture_reports
    return reports["pictures"].model_dump(mode="json"), out


@pytest.mark.browser
def test_an_audit_reads_the_pictures_the_rules_would_call_image_only(picture_audit: tuple[dict[str, object], Path]
                                                                      ) -> None:
    site, out = picture_audit
    results = {r["rule_id"]: r for r in site["results"]}  # type: ignore[attr-defined]
    for rule in ("icp-number-displayed", "icp-number-linked", "psb-filing-displayed", "business-licence-disclosed"):
        assert results[rule]["outcome"] == "needs_review", results[rule]
        assert results[rule]["evidence"][0]["ocr"]["confidence"] > 0.8, results[rule]
    assert "浙ICP备2021034567号-1" in results["icp-number-displayed"]["message"]
    assert "91330110MA2H7K3C6K" in results["business-licence-disclosed"]["message"]
    assert results["registry-uscc-match"]["outcome"] == "needs_review"
    assert "一致" in results["registry-uscc-match"]["message"]
    facts = site["facts"]  # type: ignore[index]
    assert facts["icp_filing_numbers"] == [] and facts["credit_codes"] == []  # a picture is not displayed text
    folder = out / Path(site["report_path"]).parent  # type: ignore[arg-type]
    snapshot = json.loads((folder / "snapshot.json").read_text(encoding="utf-8"))["snapshot"]
    reads = [i["ocr"] for p in snapshot["pages"] for i in p["images"] if i["ocr"]]
    assert {r["source"] for r in reads} == {"response"}  # the bytes the page loaded, never fetched again
    assert all((folder / r["file"]).is_file() for r in reads)
    crop = results["business-licence-disclosed"]["evidence"][0]["screenshot"]
    assert crop and (folder / crop).is_file()
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "从图片中识别" in page and "识别置信度" in page


@pytest.mark.browser
def test_a_number_only_in_an_unlabelled_footer_picture_is_read(picture_reports: tuple[dict[str, SiteReport], Path]
                                                               ) -> None:
    """Without OCR nothing names that picture (the numbers are missing); read, they are for a reviewer."""
    reports, out = picture_reports
    site = reports["unlabelled"].model_dump(mode="json")
    results = {r["rule_id"]: r for r in site["results"]}
    for rule, number in (("icp-number-displayed", "苏ICP备2022045678号"), ("psb-filing-displayed",
                                                                          "苏公网安备32010602011234号")):
        assert results[rule]["outcome"] == "needs_review" and number in results[rule]["message"], results[rule]
        assert results[rule]["evidence"][0]["ocr"] is not None
    assert results["business-licence-disclosed"]["outcome"] == "fail"  # no licence in the picture: still missing
    snapshot = json.loads((out / Path(site["report_path"]).parent / "snapshot.json").read_text(encoding="utf-8"))
    images = snapshot["snapshot"]["pages"][0]["images"]
    assert [Path(i["src"]).name for i in images if i["ocr"]] == ["f1.png"]  # the QR code is not read


@pytest.mark.browser
def test_stored_reads_are_judged_again_without_ocr(picture_audit: tuple[dict[str, object], Path], ruleset: Ruleset,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, out = picture_audit
    monkeypatch.setattr(ocr, "read_picture", lambda data: pytest.fail("re-judging must not read pictures"))
    again = next(s for s in judge_snapshots(out, ruleset, tmp_path, JudgeOptions(today=TODAY)).sites
                 if s.input_url == site["input_url"])
    assert [(r.rule_id, r.outcome, r.message) for r in again.results] == [
        (r["rule_id"], r["outcome"], r["message"]) for r in site["results"]]  # type: ignore[attr-defined]


@pytest.mark.browser
def test_with_ocr_off_the_pictures_stay_image_only(need_browser: None, ruleset: Ruleset, picture_site: Path,
                                                   tmp_path: Path) -> None:
    limits = Limits(page_timeout_s=15, site_timeout_s=60, allow_private=True, loopback_only=True, ocr=False)
    _, reports = run_audit(picture_site, ruleset, tmp_path, limits=limits)
    results = {r.rule_id: r for r in reports["pictures"].results}
    assert results["icp-number-displayed"].outcome == "needs_review"
    assert all(ev.ocr is None for r in results.values() for ev in r.evidence)
    assert not list((tmp_path / "sites" / "pictures").glob("image-*"))
    unlabelled = {r.rule_id: r for r in reports["unlabelled"].results}  # nothing names its footer picture
    assert unlabelled["icp-number-displayed"].outcome == "fail"
    assert unlabelled["icp-number-displayed"].messages.zh == "首页可见内容中未找到ICP备案号或经营许可证编号。"


@pytest.mark.browser
def test_the_demo_shop_shows_its_credit_code_read_from_the_licence(need_browser: None, need_ocr: None,
                                                                   ruleset: Ruleset, tmp_path: Path) -> None:
    _, reports = run_audit(demo_dir(), ruleset, tmp_path, only=["shop"])
    licence = next(r for r in reports["shop"].results if r.rule_id == "business-licence-disclosed")
    assert licence.outcome == "needs_review" and "91330106MA2KX8N549" in licence.message
    assert licence.evidence[0].ocr is not None and licence.evidence[0].screenshot
