"""What ``auditor audit`` and ``auditor demo`` do, as one call each: start, resume or re-judge a batch.

The command line only parses and maps the result to an exit code (cli.py). Here are the
decisions a batch makes about itself: a new batch never silently replaces an unfinished
one; a resumed batch keeps the rules, profiles, language and pictures it started with;
judging stored snapshots again needs no browser. Usage problems are raised as
:class:`~auditor.errors.UsageError` with the sentence to show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from auditor.batch.report import write_from_store
from auditor.batch.runner import BatchEvents, StoreRunner, audit_sites, audit_store
from auditor.batch.settings import batch_settings, resume_problems
from auditor.batch.store import Store, Totals
from auditor.demo import serve
from auditor.errors import UsageError
from auditor.inputs.registry import merge_registry_file
from auditor.inputs.sites import SiteInput, collect_sites
from auditor.judge.ruleset import Ruleset, load_pack
from auditor.judge.site import judge_snapshots
from auditor.models import BatchReport, Lang, RegistryValues
from auditor.options import Limits, RunOptions
from auditor.outputs.write import Outputs, write_batch
from auditor.resources import rules_dir, templates_dir

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
    if not request.resume:  # a broken rule pack stops the run before anything is created or browsed
        load_pack(request.rules_path, request.only)
    with Store.open(request.options.out_dir) as store:
        sites, records = _sites(request, say)
        options = replace(request.options, registry=records)
        if request.snapshots is not None:
            return _judge_again(store, request, request.snapshots, options)
        if request.resume:
            ruleset, options = _resume(store, request, sites, options, say)
        else:
            ruleset = load_pack(request.rules_path, request.only)
            _start(store, ruleset, options, sites, request)
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


def _judge_again(store: Store, request: AuditRequest, snapshots: Path, options: RunOptions) -> AuditResult:
    """--from-snapshots: judge an earlier output folder's snapshots with these rules; the batch of OUT."""
    totals = store.totals()
    if totals.pending and not request.restart:
        raise UsageError(f"{options.out_dir} holds an unfinished audit ({totals.done} of {totals.sites} sites "
                         "done): continue it with --resume, or write elsewhere with -o")
    ruleset = load_pack(request.rules_path, request.only)
    batch = judge_snapshots(snapshots, ruleset, options.out_dir, options.judging)
    record_batch(store, ruleset, options, list(request.only), batch)
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


@dataclass(frozen=True)
class DemoRequest:
    out_dir: Path
    lang: Lang = "zh"
    browser_path: str | None = None
    sites_root: Path | None = None  # default: the bundled demo sites
    only: list[str] | None = field(default=None)


def run_demo(request: DemoRequest, progress: Progress, say: Say) -> Outputs:
    """Serve the demo sites on 127.0.0.1, audit them (loading nothing beyond this machine), write every output."""
    ruleset = load_pack()
    options = RunOptions(out_dir=request.out_dir, lang=request.lang, browser_path=request.browser_path,
                         limits=Limits(allow_private=True, loopback_only=True))
    with serve(request.sites_root, request.only) as sites:
        say(f"serving {len(sites)} demo site(s) on 127.0.0.1; auditing → {request.out_dir}")
        progress.start(len(sites))
        try:
            batch = asyncio.run(audit_sites(list(sites.values()), ruleset, options, events=progress))
        finally:
            progress.close()
    return write_batch(batch, request.out_dir, templates_dir(), request.lang)
