"""How a holdout site is declared, and the defaults every expectation starts from."""
from __future__ import annotations

from dataclasses import dataclass, field

RULES = {  # rule id → profiles (rules/*.yaml); registry rules need registry values
    "icp-number-displayed": {"site"}, "icp-number-linked": {"site"}, "icp-number-placement": {"site"},
    "icp-licence-displayed": {"platform"}, "psb-filing-displayed": {"site"},
    "business-licence-disclosed": {"operator", "platform"}, "entity-name-disclosed": {"operator", "platform"},
    "contact-phone-disclosed": {"operator", "platform"}, "contact-address-disclosed": {"operator", "platform"},
    "complaint-channel-disclosed": {"operator", "platform"}, "user-agreement-linked": {"platform"},
    "trading-rules-linked": {"platform"}, "privacy-policy-linked": {"site"}, "privacy-policy-content": {"site"},
    "account-deletion-disclosed": {"operator", "platform"}, "illegal-content-report-entry": {"content"},
    "culture-licence-displayed": {"content"}, "disclosures-consistent": {"operator", "platform"},
    "registry-icp-match": None, "registry-uscc-match": None, "registry-phone-match": None,
    "registry-domain-official": None,
}


@dataclass
class Site:
    slug: str
    name: str
    profiles: list[str]
    comment: str
    files: dict
    expect: dict = field(default_factory=dict)   # overrides of the default (pass where applicable)
    why: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)     # charset, redirects, status, registry for site.yaml
    encodings: dict = field(default_factory=dict)  # file → encoding when not utf-8
    status: str | None = None                     # expected site status when not audited
    bad_codes: tuple = ()                         # credit codes that are wrong on purpose

    def full_expect(self) -> dict:
        if self.status:
            return {}
        out = {}
        has_registry = bool(self.extra.get("registry"))
        for rule, profs in RULES.items():
            if profs is None:
                default = "pass" if has_registry else "not_applicable"
            else:
                default = "pass" if profs & set(self.profiles) else "not_applicable"
            out[rule] = self.expect.get(rule, default)
        unknown = set(self.expect) - set(RULES)
        assert not unknown, (self.slug, unknown)
        return out
