"""Every validator takes arbitrary text (hostile pages, broken encodings) without raising."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import identifiers as ids
from auditor.normalize import collapse_spaces, normalize
from auditor.urls import site_key

# Text shaped like what footers hold, so the generator reaches the interesting branches.
PIECES = st.sampled_from(["京", "粤", "萌", "ICP", "备", "证", "号", "-", "1", "0", "公网安备", "网文", "〔", "〕", "(",
                          "B2", ".", "电话", "：", "+86", "400", "@", "http://", "beian.miit.gov.cn", "#/", "?code=",
                          "\u3000", "&#20140;", "１", "號", "\x00", "\ud7ff"])
TEXTS = st.one_of(st.text(), st.lists(PIECES | st.text(max_size=2), max_size=30).map("".join))
VALIDATORS = [ids.check_icp_filing, ids.check_icp_licence, ids.check_psb, ids.check_uscc]
STATUSES = {"valid", "nonstandard", "invalid"}


@settings(max_examples=300)
@given(TEXTS)
def test_validators_are_total(text: str) -> None:
    for validator in VALIDATORS:
        status, problems = validator(text)
        assert status in STATUSES and all(isinstance(p, str) for p in problems)
    for dated in (ids.check_telecom_licence, ids.check_culture_licence):
        status, _ = dated(text, date(2026, 11, 25))
        assert status in STATUSES
    phone = ids.parse_phone(text)
    assert phone is None or phone.startswith("+86")


@settings(max_examples=300)
@given(TEXTS)
def test_link_helpers_are_total(text: str) -> None:
    kind = ids.link_kind(text)
    assert kind is None or isinstance(kind, str)
    code = ids.psb_link_code(text)
    assert code is None or code.isdigit()
    assert isinstance(site_key("http://" + text), str)


@settings(max_examples=300)
@given(TEXTS)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    spaced = collapse_spaces(text)
    assert collapse_spaces(spaced) == spaced
