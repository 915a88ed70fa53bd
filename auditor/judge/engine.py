"""Judge one site: run every rule's check over its findings and word the results.

A rule that does not share a profile with the site is ``not_applicable``; a check
that raises, or returns a message code it did not declare, is ``error`` for that rule
only; a ``fail`` that rests on a page which could not be loaded, or that arrived cut
(``PageSnapshot.incomplete``), becomes
``needs_review``, because what we could not see is not proven missing.
"""

from __future__ import annotations

import logging

from auditor.errors import reason
from auditor.judge.checks import CHECKS, Context, DocumentWords, Verdict
from auditor.judge.extract import SiteFacts
from auditor.judge.ruleset import Rule, Ruleset
from auditor.models import Lang, Outcome, RegistryValues, RuleResult, Text

log = logging.getLogger(__name__)


class _SafeDict(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "-"


# Message values that hold codes ("、"-joined) and the table that turns each code into words.
Glossary = dict[str, dict[str, Text]]


def glossary(ruleset: Ruleset) -> Glossary:
    pages = {kind: spec.label for kind, spec in ruleset.vocabulary.kinds.items()}
    pages["home"] = ruleset.vocabulary.home_label
    return {"problems": ruleset.pack.problems, "pages": pages, "page": pages, "profiles": ruleset.pack.profiles}


def _word(template: Text, values: dict[str, str], words: Glossary) -> Text:
    """Fill a message in both languages; codes (suffix_misplaced, privacy_policy …) become words."""
    def fill(lang: Lang) -> str:
        filled = dict(values)
        for key, table in words.items():
            if key in values:
                codes = [c for c in values[key].split("、") if c]
                filled[key] = ("、" if lang == "zh" else ", ").join(
                    table[c].get(lang) if c in table else c for c in codes)
        return template.get(lang).format_map(_SafeDict(filled))

    return Text(zh=fill("zh"), en=fill("en"))


def _unavailable_pages(rule: Rule, site: SiteFacts) -> list[str]:
    problems = []
    for kind in rule.pages:
        page = site.snapshot.page(kind)
        if page is not None and page.error is not None:
            problems.append(f"{kind}: {page.error}")
    return problems


def _incomplete_pages(rule: Rule, site: SiteFacts) -> list[str]:
    """The pages the rule reads that arrived cut: what is missing may be what it looks for (a footer)."""
    pages = (site.snapshot.page(kind) for kind in rule.pages)
    return [f"{page.kind}: {page.incomplete}" for page in pages if page is not None and page.incomplete]


def run_rule(rule: Rule, site: SiteFacts, profiles: set[str], registry: RegistryValues | None = None,
             documents: DocumentWords | None = None) -> Verdict:
    if not profiles & set(rule.profiles):
        return Verdict(Outcome.NOT_APPLICABLE, "not_applicable", {"profiles": "、".join(sorted(profiles))})
    spec = CHECKS[rule.check]
    try:
        context = Context(site=site, registry=registry or {}, documents=documents or DocumentWords())
        verdict = spec.func(context, rule.checked_params)
    except Exception as exc:
        log.exception("rule %s failed", rule.id)  # pragma: no mutate
        return Verdict(Outcome.ERROR, "error", {"detail": reason(f"{type(exc).__name__}: {exc}")})
    if verdict.code not in spec.codes:  # a check's bug: its rule file has no words for this code
        log.error("check %s returned the undeclared code %r", rule.check, verdict.code)  # pragma: no mutate
        detail = f"check {rule.check} returned undeclared code {verdict.code}"
        return Verdict(Outcome.ERROR, "error", {"detail": detail})
    if verdict.outcome != Outcome.FAIL:
        return verdict
    if unavailable := _unavailable_pages(rule, site):
        return Verdict(Outcome.NEEDS_REVIEW, "page_unavailable", {"detail": "; ".join(unavailable)})
    if incomplete := _incomplete_pages(rule, site):
        return Verdict(Outcome.NEEDS_REVIEW, "page_incomplete", {"detail": "; ".join(incomplete)})
    return verdict


def evaluate(ruleset: Ruleset, site: SiteFacts, profiles: set[str], lang: Lang,
             registry: RegistryValues | None = None) -> list[RuleResult]:
    results = []
    words = glossary(ruleset)
    for rule in ruleset.rules:
        verdict = run_rule(rule, site, profiles, registry, ruleset.pack.documents)
        template = rule.messages.get(verdict.code) or ruleset.pack.messages[verdict.code]
        messages = _word(template, verdict.values, words)
        results.append(RuleResult(
            rule_id=rule.id, outcome=verdict.outcome, severity=rule.severity,
            message=messages.get(lang), messages=messages, evidence=verdict.evidence,
            title=rule.title, citations=rule.law, remediation=rule.remediation))
    return results
