"""What ``auditor audit`` and ``auditor demo`` do, as one call each: start, resume or re-judge a batch.

The command line only parses and maps the result to an exit code (cli.py). Here are the
decisions a batch makes about itself: a new batch never silently replaces an unfinished
one; a resumed batch keeps the rules, profiles, language and pictures it started with;
judging stored snapshots again needs no browser; a follow-up (``--baseline``) keeps the
earlier audit it is compared with in its store. Usage problems are raised as
:class:`~auditor.errors.UsageError` with the sentence to show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from auditor.batch.baseline import Baseline, keep_baseline, read_baseline
from auditor.batch.report import write_from_store
from auditor.batch.runner import BatchEvents, StoreRunner, audit_store
from auditor.batch.settings import batch_settings, resume_problems
from auditor.batch.store import Store, Totals
from auditor.demo import Served, serve
from auditor.errors import UsageError
from auditor.inputs.registry import merge_registry_file
from auditor.inputs.sites import SiteInput, collect_sites
from auditor.judge.ruleset import Ruleset, load_pack
from auditor.judge.site import judge_snapshots
from auditor.models import BatchReport, Lang, RegistryValues, parse_fail_on
from auditor.options import Limits, RunOptions
from auditor.outputs.write import Outputs
from auditor.resources import demo_followup_dir, rules_dir, templates_dir

Say = Callable[[str], None]  # a line for the person at the terminal (stderr)
COMPLETED, INTERRUPTED = "completed", "interrupted"


class Progress(BatchEvents, Protocol):
    """What the batch tells while it runs (auditor/batch/progress.py), started once the totals are known."""

    def start(self, total: int, before: Totals | None = None) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class AuditRequest:
    """One ``auditor audit`` call, parsed."""

    options: RunOptions
    urls: Sequence[str] = ()
    input_file: Path | None = None
    registry_file: Path | None = None
    rules_path: Path | None = None
    only: tuple[str, ...] = ()
    resume: bool = False
    restart: bool = False
    snapshots: Path | None = None  # --from-snapshots: judge these again, no browser
    fail_on: str | None = None
    baseline: Path | None = None  # --baseline: an earlier output folder (or report.json) to compare with
    given: frozenset[str] = frozenset()  # options set on the command line (a resume must not change them)
    command: str = ""  # as typed, recorded with the run
    run_store: StoreRunner | None = None  # instead of the local run: a distributed batch's coordinator (--broker)


@dataclass(frozen=True)
class AuditResult:
    outputs: Outputs
    state: str  # COMPLETED or INTERRUPTED
    sites: int  # in the whole batch


def audit(request: AuditRequest, progress: Progress, say: Say) -> AuditResult:
    """Audit as asked: a new batch, the rest of an unfinished one, or stored snapshots judged again."""
    if request.resume and (request.restart or request.snapshots):
        raise UsageError("--resume cannot be combined with --restart or --from-snapshots")
    if request.snapshots and request.run_store:
        raise UsageError("--from-snapshots judges stored snapshots here: it needs no --broker")
    # A broken rule pack stops the run before anything is created or browsed (a resumed batch
    # loads the pack it was started with, below); the pack read here is the one the batch uses.
    pack = None if request.resume else load_pack(request.rules_path, request.only)
    baseline = _baseline(request, say)  # a bad baseline, too
    with Store.open(request.options.out_dir) as store:
        sites, records = _sites(request, say)
        options = replace(request.options, registry=records)
        if pack is None:
            ruleset, options = _resume(store, request, sites, options, say)
        elif request.snapshots is not None:
            return _judge_again(store, request, pack, request.snapshots, options, baseline)
        else:
            ruleset = pack
            _start(store, ruleset, options, sites, request)
            if baseline is not None:
                keep_baseline(store, baseline)
        if request.resume and parse_fail_on(request.fail_on)[0] and store.baseline_head() is None:
            raise UsageError(f"--fail-on {request.fail_on} needs a baseline; this audit was started without one")
        totals = store.totals()
        say(f"auditing {totals.pending} of {totals.sites} site(s) with {len(ruleset.rules)} rules → "
            f"{options.out_dir}")
        progress.start(totals.sites, totals)
        try:
            run = request.run_store or audit_store
            state = asyncio.run(run(store, ruleset, options, progress, request.command))
        except (KeyboardInterrupt, asyncio.CancelledError):
            state = INTERRUPTED
        finally:
            progress.close()
        outputs = write_from_store(store, options.out_dir, templates_dir(), fail_on=request.fail_on)
    return AuditResult(outputs, state, totals.sites)


def _baseline(request: AuditRequest, say: Say) -> Baseline | None:
    """--baseline read before anything is browsed; a resumed batch keeps the one it was started with."""
    if request.baseline is None:
        if parse_fail_on(request.fail_on)[0] and not request.resume:
            raise UsageError(f"--fail-on {request.fail_on} counts failures new since a baseline: "
                             "give --baseline PREV_OUT")
        return None
    if request.resume:
        raise UsageError("--baseline cannot be combined with --resume: a resumed audit keeps the baseline it "
                         "was started with (compare any two audits with auditor diff OLD NEW -o OUT)")
    source = request.baseline if request.baseline.is_dir() else request.baseline.parent
    if source.resolve() == request.options.out_dir.resolve():
        raise UsageError(f"--baseline {request.baseline}: the follow-up would overwrite it; write it elsewhere with -o")
    baseline = read_baseline(request.baseline)
    info = baseline.head.info
    say(f"baseline: {len(baseline.priors)} site(s) audited {info.started_at} with {info.rules.pack} "
        f"{info.rules.version} ({request.baseline})")
    if baseline.unfinished:
        say(f"baseline: {baseline.unfinished} of its sites were never finished; they count as new sites here")
    return baseline


def _sites(request: AuditRequest, say: Say) -> tuple[list[SiteInput], dict[str, RegistryValues]]:
    """The sites asked for, with the --registry file's records merged in (values in the input rows win)."""
    sites, problems = collect_sites(request.urls, request.input_file)
    for problem in problems:
        say(f"skipped: {problem}")
    if request.registry_file is None:
        return sites, {}
    merged = merge_registry_file(sites, request.registry_file)
    for problem in merged.problems:
        say(f"skipped: {problem}")
    say(f"registry: {len(merged.records)} key(s) in {request.registry_file}; {merged.matched} of {len(sites)} "
        "site(s) matched by domain or input row (others may match by the credit code they show)")
    return merged.sites, merged.records


def _start(store: Store, ruleset: Ruleset, options: RunOptions, sites: list[SiteInput],
           request: AuditRequest) -> None:
    """A new batch in OUT; an unfinished one there is only replaced with --restart."""
    if not sites:
        raise UsageError("nothing to audit: give URLs, -i FILE, --resume or --from-snapshots DIR")
    totals = store.totals()
    if totals.pending and not request.restart:
        raise UsageError(f"{options.out_dir} holds an unfinished audit ({totals.done} of {totals.sites} sites "
                         "done): continue it with --resume, or discard it with --restart")
    store.reset(batch_settings(ruleset, options, list(request.only)), registry=options.registry)
    store.add_sites(sites)


def _resume(store: Store, request: AuditRequest, sites: list[SiteInput], options: RunOptions,
            say: Say) -> tuple[Ruleset, RunOptions]:
    """Continue the batch in OUT with the rules, profiles, language and pictures it was started with."""
    stored = store.settings()
    if stored is None:
        raise UsageError(f"{options.out_dir}: no audit to resume")
    ruleset = load_pack(Path(stored.rules_dir) if stored.rules_dir else None, tuple(stored.only))
    given = request.given
    requested: dict[str, object] = {}
    if "rules_path" in given and request.rules_path is not None:
        path = request.rules_path.resolve()
        requested["rules_dir"] = None if path == rules_dir().resolve() else str(path)
    if "only" in given:
        requested["only"] = sorted(request.only)
    if "profiles" in given:
        requested["default_profiles"] = list(options.default_profiles)
    if "lang" in given:
        requested["lang"] = options.lang
    problems = resume_problems(stored, ruleset, requested)
    if problems:
        raise UsageError("cannot resume:\n  " + "\n  ".join(problems))
    added = store.add_sites(sites)
    if added:
        say(f"added {added} new site(s) to the audit")
    limits = replace(options.limits, allow_private=options.limits.allow_private or stored.allow_private,
                     screenshots=options.limits.screenshots if "screenshots" in given else stored.screenshots,
                     whole_pages=options.limits.whole_pages if "whole_pages" in given else stored.whole_pages)
    return ruleset, replace(options, lang=stored.lang, default_profiles=tuple(stored.default_profiles), limits=limits,
                            registry={**store.registry(), **options.registry})


def _judge_again(store: Store, request: AuditRequest, ruleset: Ruleset, snapshots: Path, options: RunOptions,
                 baseline: Baseline | None) -> AuditResult:
    """--from-snapshots: judge an earlier output folder's snapshots with these rules; the batch of OUT."""
    totals = store.totals()
    if totals.pending and not request.restart:
        raise UsageError(f"{options.out_dir} holds an unfinished audit ({totals.done} of {totals.sites} sites "
                         "done): continue it with --resume, or write elsewhere with -o")
    batch = judge_snapshots(snapshots, ruleset, options.out_dir, options.judging)
    record_batch(store, ruleset, options, list(request.only), batch)
    if baseline is not None:
        keep_baseline(store, baseline)
    outputs = write_from_store(store, options.out_dir, templates_dir(), site_pages=True, fail_on=request.fail_on)
    return AuditResult(outputs, COMPLETED, len(batch.sites))


def record_batch(store: Store, ruleset: Ruleset, options: RunOptions, only: list[str], batch: BatchReport) -> None:
    """Make a batch judged offline the store's batch, so `auditor report` rebuilds this one."""
    store.reset(batch_settings(ruleset, options, only), batch.started_at)
    store.add_sites([SiteInput(url=s.input_url, name=s.name, profiles=tuple(s.profiles), registry=s.registry,
                               slug=Path(s.report_path).parent.name if s.report_path else "")
                     for s in batch.sites])
    run_id = store.begin_run("from-snapshots", "", 0)
    for site in batch.sites:
        store.finish_site(site, run_id)
    store.end_run(run_id, COMPLETED)


FIRST_AUDIT_DIR = "first-audit"  # the demo's first audit, inside its output folder; the follow-up is the folder


@dataclass(frozen=True)
class DemoRequest:
    out_dir: Path
    lang: Lang = "zh"
    browser_path: str | None = None
    sites_root: Path | None = None  # default: the bundled demo sites
    only: list[str] | None = field(default=None)
    # The sites as they are at a follow-up audit (default with the bundled sites: the shop partly rectified);
    # None or no folder of a served site's name: one audit only.
    followup_root: Path | None = field(default_factory=demo_followup_dir)


def run_demo(request: DemoRequest, progress: Progress, say: Say) -> Outputs:
    """Serve the demo sites on 127.0.0.1 and audit them (loading nothing beyond this machine); then, when
    the demo has a later version of some of them, serve that at the same addresses and audit again with
    the first audit as baseline: OUT/first-audit/ is the first audit, OUT/ the follow-up."""
    ruleset = load_pack()
    with serve(request.sites_root, request.only) as sites:
        later = _later_versions(request.followup_root, sites)
        if not later:
            say(f"serving {len(sites)} demo site(s) on 127.0.0.1; auditing → {request.out_dir}")
            return _demo_audit(sites, ruleset, request, request.out_dir, progress, None)
        first = request.out_dir / FIRST_AUDIT_DIR
        say(f"serving {len(sites)} demo site(s) on 127.0.0.1; first audit → {first}")
        _demo_audit(sites, ruleset, request, first, progress, None)
        for name, folder in later.items():
            sites.switch(name, folder)
        say(f"{', '.join(later)}: changed since (partly rectified); follow-up audit with --baseline {first} → "
            f"{request.out_dir}")
        return _demo_audit(sites, ruleset, request, request.out_dir, progress, read_baseline(first))


def _later_versions(root: Path | None, sites: Served) -> dict[str, Path]:
    if root is None or not root.is_dir():
        return {}
    return {folder.name: folder for folder in sorted(root.iterdir()) if folder.is_dir() and folder.name in sites}


def _demo_audit(sites: Served, ruleset: Ruleset, request: DemoRequest, out: Path, progress: Progress,
                baseline: Baseline | None) -> Outputs:
    """One audit of the served sites into `out` (a fresh batch), compared with `baseline` if given."""
    options = RunOptions(out_dir=out, lang=request.lang, browser_path=request.browser_path,
                         limits=Limits(allow_private=True, loopback_only=True))
    with Store.open(out) as store:
        store.reset(batch_settings(ruleset, options, []))
        store.add_sites(list(sites.values()))
        if baseline is not None:
            keep_baseline(store, baseline)
        progress.start(len(sites))
        try:
            asyncio.run(audit_store(store, ruleset, options, progress, command="auditor demo"))
        finally:
            progress.close()
        return write_from_store(store, out, templates_dir())
