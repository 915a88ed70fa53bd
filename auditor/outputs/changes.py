"""What changed since an earlier audit: each site and rule of this audit set against the baseline's.

A regulator audits, sends notices, audits again and wants to see who fixed what; a platform's
CI wants to fail only on what got worse. The comparison is a view of two sets of site
reports, like every other output a view of one, so it is here: pure, no browser, no store
(auditor/batch/baseline.py reads the baseline from a store or a report.json and keeps it in
the follow-up's store).

Sites are matched by input URL, else by final URL (the input changed, e.g. http → https, and
one of the addresses is where the other ended). Rules are matched by id across rule-pack
versions. The state machine of a rule on a site (README, "Follow-up audits"):

==================  ======  ==============  ===============  ====================  =============
before \\ now        pass    fail            needs_review     not_applicable        error / site
                                                                                    not assessed
==================  ======  ==============  ===============  ====================  =============
pass                unchngd new_failure     new_review       unchanged             not_assessed
fail                fixed   still_failing   new_review       no_longer_applicable  not_assessed
needs_review        resolv. new_failure     unchanged        no_longer_applicable  not_assessed
not_applicable      unchngd new_failure     new_review       unchanged             not_assessed
error / site not    first_assessed (any result now)                                not_assessed
assessed
==================  ======  ==============  ===============  ====================  =============

plus ``new_rule`` (not in the baseline's pack) and ``removed_rule`` (not in this audit's rules).
A site or check that gave no verdict is never counted as fixed or as newly failing: nothing is
known about it on that side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from auditor.layout import NOTICE_FILE, site_folder
from auditor.models import (
    BaselineInfo,
    BatchChanges,
    Facts,
    Model,
    Outcome,
    PreviousNotice,
    PreviousSite,
    RuleChange,
    RuleChangeCounts,
    RuleChangeKind,
    Severity,
    SiteChanges,
    SiteChangeState,
    SiteReport,
    SiteStateCounts,
    SiteStatus,
    Text,
    ValueChange,
)
from auditor.outputs.manifest import sha256_file
from auditor.outputs.notice import failures, needs_notice

K = RuleChangeKind
P, F, R, N = Outcome.PASS, Outcome.FAIL, Outcome.NEEDS_REVIEW, Outcome.NOT_APPLICABLE
# Both audits gave a verdict (or found the rule not applicable): before, now → change.
TRANSITIONS: dict[tuple[Outcome, Outcome], RuleChangeKind] = {
    (P, P): K.UNCHANGED, (P, F): K.NEW_FAILURE, (P, R): K.NEW_REVIEW, (P, N): K.UNCHANGED,
    (F, P): K.FIXED, (F, F): K.STILL_FAILING, (F, R): K.NEW_REVIEW, (F, N): K.NO_LONGER_APPLICABLE,
    (R, P): K.RESOLVED_REVIEW, (R, F): K.NEW_FAILURE, (R, R): K.UNCHANGED, (R, N): K.NO_LONGER_APPLICABLE,
    (N, P): K.UNCHANGED, (N, F): K.NEW_FAILURE, (N, R): K.NEW_REVIEW, (N, N): K.UNCHANGED,
}
# Most pressing first: the order of a site's rule changes, and its headline.
CHANGE_ORDER = [K.NEW_FAILURE, K.STILL_FAILING, K.NEW_REVIEW, K.NOT_ASSESSED, K.FIXED, K.RESOLVED_REVIEW,
                K.NO_LONGER_APPLICABLE, K.FIRST_ASSESSED, K.NEW_RULE, K.REMOVED_RULE, K.UNCHANGED]
SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}
VALUES_CHANGED = "values_changed"  # headline of a site whose rules are unchanged but whose disclosures are not
# The `facts` lists compared, and those that say who runs the site (a change may be a takeover or a copy).
FACT_KEYS = ("entity_names", "credit_codes", "icp_filing_numbers", "icp_licence_numbers", "telecom_licence_numbers",
             "psb_numbers", "culture_licence_numbers", "phones", "emails", "addresses")
IDENTITY_FACTS = frozenset({"entity_names", "credit_codes", "icp_filing_numbers", "icp_licence_numbers",
                            "telecom_licence_numbers", "psb_numbers", "phones"})


def classify(before: Outcome | None, now: Outcome | None) -> RuleChangeKind:
    """One rule on one site; None: no result on that side (the site was not assessed)."""
    if now is None or now == Outcome.ERROR:
        return K.NOT_ASSESSED
    if before is None or before == Outcome.ERROR:
        return K.FIRST_ASSESSED
    return TRANSITIONS[(before, now)]


# --- what is kept of the baseline ---------------------------------------------------------


class BaselineRule(Model):
    title: Text
    severity: Severity


class BaselineHead(Model):
    """The baseline audit itself: when, with what, and its rules (to tell a new rule from one that did not apply)."""

    info: BaselineInfo
    rules: dict[str, BaselineRule]  # every rule of its pack with a result on some site
    rule_ids: list[str]  # its pack's rules (from its store; else those with a result)


class Prior(Model):
    """What the comparison needs of one site of the baseline (small: 10 000 of them are held at once)."""

    site: PreviousSite
    outcomes: dict[str, Outcome]
    facts: Facts
    notice: PreviousNotice | None = None

    @property
    def audited(self) -> bool:
        return self.site.status == SiteStatus.AUDITED


def prior_of(site: SiteReport, folder: Path | None) -> Prior:
    """One baseline site; `folder`: the baseline's output folder, where its notice may be."""
    previous = PreviousSite(input_url=site.input_url, final_url=site.final_url, status=site.status,
                            started_at=site.started_at, report_path=site.report_path)
    return Prior(site=previous, outcomes={r.rule_id: r.outcome for r in site.results}, facts=site.facts,
                 notice=_notice_of(site, folder))


def _notice_of(site: SiteReport, folder: Path | None) -> PreviousNotice | None:
    """The notice the baseline wrote for a site that failed (its file and hash when the folder has it)."""
    if not needs_notice(site):
        return None
    notice = PreviousNotice(date=site.started_at, rules=[r.rule_id for r in failures(site)])
    where = site_folder(site, folder) if folder is not None else None
    if where is None or not (where / NOTICE_FILE).is_file() or site.report_path is None:
        return notice
    relative = f"{Path(site.report_path).parent.as_posix()}/{NOTICE_FILE}"
    return notice.model_copy(update={"file": relative, "sha256": sha256_file(where / NOTICE_FILE)})


def baseline_rules(sites: Iterable[SiteReport]) -> dict[str, BaselineRule]:
    rules: dict[str, BaselineRule] = {}
    for site in sites:
        for result in site.results:
            rules.setdefault(result.rule_id, BaselineRule(title=result.title, severity=result.severity))
    return rules


# --- one site -------------------------------------------------------------------------------


def site_state(prior: Prior | None, site: SiteReport) -> SiteChangeState:
    if prior is None:
        return SiteChangeState.NEW_SITE
    now = site.status == SiteStatus.AUDITED
    if prior.audited:
        return SiteChangeState.COMPARED if now else SiteChangeState.NEWLY_UNREACHABLE
    return SiteChangeState.REACHABLE_AGAIN if now else SiteChangeState.STILL_UNREACHABLE


def rule_changes(prior: Prior, site: SiteReport, head: BaselineHead, rule_ids: set[str]) -> list[RuleChange]:
    """Every rule with a result on either side, its change, most pressing first."""
    before = prior.outcomes if prior.audited else {}
    now = {r.rule_id: r for r in site.results}
    old_pack, new_pack = set(head.rule_ids), rule_ids
    changes = []
    for rule_id in dict.fromkeys([*now, *before]):
        result = now.get(rule_id)
        if old_pack and rule_id not in old_pack:
            kind = K.NEW_RULE
        elif new_pack and rule_id not in new_pack and result is None:
            kind = K.REMOVED_RULE
        else:
            kind = classify(before.get(rule_id), result.outcome if result else None)
        known = head.rules.get(rule_id)
        title = result.title if result else known.title if known else Text(zh=rule_id, en=rule_id)
        severity = result.severity if result else known.severity if known else Severity.INFO
        changes.append(RuleChange(rule_id=rule_id, change=kind, before=before.get(rule_id),
                                  now=result.outcome if result else None, severity=severity, title=title))
    return sorted(changes, key=lambda c: (CHANGE_ORDER.index(c.change), SEVERITY_RANK[c.severity], c.rule_id))



def value_changes(before: Facts, now: Facts) -> list[ValueChange]:
    changes = []
    for key in FACT_KEYS:
        old, new = list(getattr(before, key)), list(getattr(now, key))
        if set(old) != set(new):
            added, removed = [v for v in new if v not in old], [v for v in old if v not in new]
            # Replaced, not first shown or dropped: a site that now shows the name it lacked is rectifying;
            # one that shows another name, number or phone than before may have changed hands or be a copy.
            replaced = key in IDENTITY_FACTS and bool(added) and bool(removed)
            changes.append(ValueChange(fact=key, before=old, now=new, added=added, removed=removed, identity=replaced))
    return changes


def site_changes(prior: Prior | None, matched_by: str | None, site: SiteReport, head: BaselineHead,
                 rule_ids: set[str]) -> SiteChanges:
    state = site_state(prior, site)
    if prior is None:
        return SiteChanges(state=state, headline=state.value)
    rules = rule_changes(prior, site, head, rule_ids)
    values = value_changes(prior.facts, site.facts) if state == SiteChangeState.COMPARED else []
    counts = Counter(c.change.value for c in rules)
    return SiteChanges(state=state, headline=_headline(state, rules, values),
                       matched_by="final_url" if matched_by == "final_url" else "input_url", previous=prior.site,
                       counts=RuleChangeCounts(**counts), rules=[c for c in rules if c.change != K.UNCHANGED],
                       values=values, previous_notice=prior.notice)


def _headline(state: SiteChangeState, rules: list[RuleChange], values: list[ValueChange]) -> str:
    if state != SiteChangeState.COMPARED:
        return state.value
    first = rules[0].change if rules else K.UNCHANGED  # sorted most pressing first
    if first == K.UNCHANGED and values:
        return VALUES_CHANGED
    return first.value


# --- a batch --------------------------------------------------------------------------------


class Comparison:
    """This audit's sites, one at a time, against a baseline held in memory (its small :class:`Prior` records)."""

    def __init__(self, head: BaselineHead, priors: Iterable[Prior], current_urls: Iterable[str],
                 rule_ids: Iterable[str]) -> None:
        self.head = head
        self.priors = list(priors)
        self.rule_ids = set(rule_ids)
        self.current = set(current_urls)  # a baseline site with one of these inputs waits for its own match
        self.by_input = {p.site.input_url: i for i, p in enumerate(self.priors)}
        self.by_final: dict[str, list[int]] = {}
        for i, prior in enumerate(self.priors):
            self.by_final.setdefault(prior.site.final_url, []).append(i)
        self.matched: set[int] = set()

    def match(self, site: SiteReport) -> tuple[Prior, str] | None:
        """The baseline's record of `site`: same input URL, else one whose final or input URL is where this one
        starts or ends (and whose own input URL is not audited this time)."""
        index = self.by_input.get(site.input_url)
        if index is not None:
            self.matched.add(index)
            return self.priors[index], "input_url"
        candidates = [*self.by_final.get(site.final_url, ()), *self.by_final.get(site.input_url, ())]
        if site.final_url in self.by_input:
            candidates.append(self.by_input[site.final_url])
        for index in candidates:
            if index not in self.matched and self.priors[index].site.input_url not in self.current:
                self.matched.add(index)
                return self.priors[index], "final_url"
        return None

    def attach(self, site: SiteReport) -> SiteReport:
        found = self.match(site)
        prior, how = found if found else (None, None)
        changes = site_changes(prior, how, site, self.head, self.rule_ids)
        return site.model_copy(update={"changes": changes})

    def absent(self) -> list[PreviousSite]:
        """Baseline sites no site of this audit matched (not audited again)."""
        return [p.site for i, p in enumerate(self.priors) if i not in self.matched]


class ChangeTally:
    """The batch's `changes` block, counted from its sites' changes as they stream past."""

    def __init__(self) -> None:
        self.sites: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.sites_with: Counter[str] = Counter()

    def add(self, site: SiteReport) -> None:
        if site.changes is None:
            return
        self.sites[site.changes.state.value] += 1
        counts = site.changes.counts.model_dump()
        self.rules.update(counts)
        self.sites_with.update(k for k, n in counts.items() if n)

    def result(self, info: BaselineInfo, absent: list[PreviousSite]) -> BatchChanges:
        return BatchChanges(baseline=info, sites=SiteStateCounts(**self.sites), rules=RuleChangeCounts(**self.rules),
                            sites_with=RuleChangeCounts(**self.sites_with), absent_sites=absent)
