"""The report templates' compiled form kept between processes: read back, never stale, never in the way."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment

from auditor.outputs import templating
from auditor.outputs.html import HtmlWriter
from auditor.outputs.notice import NoticeWriter
from auditor.outputs.templating import template_environment
from auditor.resources import templates_dir

PAGE = "{% for x in items %}\n  <li>{{ x }}</li>\n{% endfor %}\n"


def _templates(folder: Path, text: str = PAGE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.html").write_text(text, encoding="utf-8")
    return folder


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a template was compiled again")
    monkeypatch.setattr(Environment, "compile", refuse)


def test_a_second_process_reads_the_compiled_reports_instead_of_compiling_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "CACHE_DIR", tmp_path)
    writers = [HtmlWriter(templates_dir(), "zh").env, NoticeWriter().env]
    for env, name in zip(writers * 2, ("site.html", "notice.html", "index.html"), strict=False):
        env.get_template(name)
    assert len(list(tmp_path.iterdir())) == 3
    _no_compiling(monkeypatch)
    again = [HtmlWriter(templates_dir(), "en").env, NoticeWriter().env]  # what a new process has
    for env, name in zip(again * 2, ("site.html", "notice.html", "index.html"), strict=False):
        env.get_template(name)


def test_a_changed_template_is_compiled_again_not_read_stale(tmp_path: Path) -> None:
    cache, templates = tmp_path / "compiled", _templates(tmp_path / "templates")
    cache.mkdir()
    assert "<li>a</li>" in template_environment(templates, cache).get_template("page.html").render(items=["a"])
    _templates(templates, PAGE.replace("<li>", "<li class=changed>"))
    assert "<li class=changed>a</li>" in template_environment(templates, cache).get_template("page.html").render(
        items=["a"])


def test_the_options_are_the_environments_own_and_autoescape_holds_when_read_back(tmp_path: Path) -> None:
    cache, templates = tmp_path / "compiled", _templates(tmp_path / "templates")
    cache.mkdir()
    for _ in range(2):  # compiled, then read back
        shown = template_environment(templates, cache).get_template("page.html").render(items=["<script>"])
        assert shown == "  <li>&lt;script&gt;</li>\n"  # trim_blocks, lstrip_blocks, autoescape


@pytest.mark.parametrize("kind", ["a file", "gone"])
def test_a_cache_folder_that_cannot_be_used_only_costs_the_compiling(tmp_path: Path, kind: str) -> None:
    templates = _templates(tmp_path / "templates")
    cache = tmp_path / "compiled"
    if kind == "a file":
        cache.write_text("not a folder", encoding="utf-8")
    else:
        cache.mkdir()
    env = template_environment(templates, cache)
    if kind == "gone":
        shutil.rmtree(cache)
    for _ in range(2):
        assert "<li>a</li>" in env.get_template("page.html").render(items=["a"])
        assert "<li>a</li>" in template_environment(templates, cache).get_template("page.html").render(items=["a"])
