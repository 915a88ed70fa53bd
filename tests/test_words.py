"""A rule file's word list matched as one (checks/base.py Words) says what asking each word says."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import Field, ValidationError

from auditor.judge.checks.base import DocumentWords, Params, Words, fold, words_in
from auditor.judge.ruleset import load_pack

# Words and texts built of what rule words and pages hold, and of what a joined pattern could
# misread: regex syntax, case, full-width forms, entities, spaces, empty words.
PIECES = st.sampled_from(
    [
        "注销",
        "账号",
        "账户",
        "投诉",
        "举报",
        "QQ",
        "qq",
        "Ｑ",
        "电话",
        "|",
        ".",
        "*",
        "(",
        ")",
        "[",
        "\\",
        "?",
        "+",
        "^",
        "$",
        "{2}",
        "【",
        "】",
        "&amp;",
        "\u3000",
        " ",
        "",
        "a",
        "A",
        "ß",
        "İ",
    ]
)
WORD = st.lists(PIECES, max_size=4).map("".join)
TEXT = st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=20).map("".join))


def asked_one_by_one(text: str, words: list[str]) -> bool:
    """The definition: some word, in matching form and not empty, is in the text in matching form."""
    return any(fold(word) and fold(word) in fold(text) for word in words)


@settings(max_examples=500)
@given(TEXT, st.lists(WORD, max_size=8))
def test_a_list_matched_as_one_says_what_each_word_says(text: str, words: list[str]) -> None:
    assert words_in(text, Words(words)) is asked_one_by_one(text, words)
    assert words_in(text, words) is asked_one_by_one(text, words)  # a plain list, as a check may pass one


def test_regex_syntax_in_a_word_is_read_as_written() -> None:
    assert words_in("费用(元)", Words(["(元)"]))
    assert not words_in("费用元", Words(["(元)"]))
    assert not words_in("注销账号", Words(["注.账", "注|", "|"]))
    assert words_in("注|销", Words(["注|"]))


def test_no_words_or_only_empty_ones_match_nothing() -> None:
    assert not words_in("任何文字", Words())
    assert not words_in("任何文字", Words(["", "\u3000"]))
    assert Words(["", "\u3000"]).pattern is None


def test_a_rule_file_list_is_kept_as_written_and_written_back_as_a_list() -> None:
    class Some(Params):
        words: Words = Field(min_length=1)
        others: Words = Field(default_factory=Words)

    read = Some.model_validate({"words": ["投诉", "ＱＱ"]})
    assert (
        isinstance(read.words, Words) and tuple(read.words) == ("投诉", "ＱＱ") and read.words.folded == ("投诉", "qq")
    )
    assert json.loads(read.model_dump_json()) == {"words": ["投诉", "ＱＱ"], "others": []}
    assert read.model_dump()["words"] == ["投诉", "ＱＱ"]
    bad_files: list[dict[str, object]] = [{"words": []}, {"words": "投诉"}, {"words": [1]}]
    for bad in bad_files:
        with pytest.raises(ValidationError):
            Some.model_validate(bad)


def test_the_bundled_pack_reads_its_word_lists_as_words() -> None:
    documents = load_pack().pack.documents
    assert isinstance(documents, DocumentWords)
    assert documents.conditions and isinstance(documents.conditions, Words)
    assert documents.titles and all(isinstance(names, Words) for names in documents.titles.values())
