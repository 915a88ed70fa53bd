"""Reading the sites to audit: bad rows are reported with their line and skipped, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.inputs.sites import read_sites
from auditor.urls import canonical_url


def test_url_list_with_comments_blanks_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "sites.txt"
    path.write_text("# sites to audit\nhttps://a.example.cn/\n\nb.example.cn  # a bare host\n"
                    "javascript:alert(1)\nfile:///etc/passwd\nhttp://\nhttps://a.example.cn/\n"
                    "https://c.example.cn/#frag\n", encoding="utf-8")
    sites, problems = read_sites(path)
    assert [s.url for s in sites] == ["https://a.example.cn/", "https://b.example.cn/", "https://c.example.cn/"]
    assert [p.split(": ")[0] for p in problems] == [f"{path}:5", f"{path}:6", f"{path}:7", f"{path}:8"]
    assert "javascript" in problems[0] and "file" in problems[1] and "duplicate of line 2" in problems[3]


def test_csv_with_profiles_and_registry(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("url,name,profiles,registered_uscc,registered_phones\n"
                    "https://shop.example.cn,小店,operator;site,91110108MA01ABCD5T,4008108888;01062345678\n"
                    "https://bad.example.cn,,bank,,\n"
                    ",no url,,,\n"
                    "https://ok.example.cn,,,,\n", encoding="utf-8")
    sites, problems = read_sites(path)
    assert [s.url for s in sites] == ["https://shop.example.cn/", "https://ok.example.cn/"]
    assert sites[0].profiles == ("operator", "site")
    assert sites[0].registry == {"registered_uscc": "91110108MA01ABCD5T",
                                 "registered_phones": ["4008108888", "01062345678"]}
    assert sites[1].profiles == ()  # the run's default applies
    assert problems == [f"{path}:3: unknown profile(s) bank (known: site, operator, platform, content)",
                        f"{path}:4: missing url"]


def test_gbk_csv_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_bytes("url,name\nhttps://a.example.cn,北京示例商城\n".encode("gbk"))
    sites, problems = read_sites(path)
    assert sites[0].name == "北京示例商城" and not problems


def test_csv_row_with_too_many_values(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("url,name\nhttps://a.example.cn,A,extra\nhttps://b.example.cn,B\n", encoding="utf-8")
    sites, problems = read_sites(path)
    assert [s.url for s in sites] == ["https://b.example.cn/"]
    assert problems == [f"{path}:2: more values than columns; row skipped"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("HTTPS://Shop.Example.CN", "https://shop.example.cn/"),
    ("shop.example.cn/path?q=1", "https://shop.example.cn/path?q=1"),
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
])
def test_normalise_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


@pytest.mark.parametrize("raw", ["", "data:text/html,hi", "mailto:a@b.cn", "http://exa mple.cn/", "http://h:99999/"])
def test_normalise_url_rejects(raw: str) -> None:
    with pytest.raises(ValueError):
        canonical_url(raw)
