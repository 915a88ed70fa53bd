"""Command line: parse options, call the auditor package, write reports, set the exit code.

Exit codes (``audit``, ``demo``):

* 0 — no rule failed (with ``--fail-on S``: no rule of severity S or graver failed);
* 1 — at least one rule failed (at or above ``--fail-on``); findings below the
  threshold are still in every report;
* 2 — usage, input-file, rule-file or store error, or no browser: nothing was audited;
* 3 — nothing failed, but some sites could not be assessed (unreachable, blocked, error);
* 130 — the run was interrupted (Ctrl-C, SIGTERM); finished sites are kept in the
  store and the reports show them; ``--resume`` continues.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

import click
from click.core import ParameterSource

from auditor import demo as demo_sites
from auditor.errors import AuditorError, BrowserNotFoundError, InputFileError, RuleFileError, SnapshotError
from auditor.inputs import InputProblems, Registry, SiteInput, dedupe, normalise_url, read_sites
from auditor.models import BatchReport, Lang
from auditor.outputs import Outputs, write_batch, write_from_store
from auditor.progress import make_reporter
from auditor.render import Limits
from auditor.report import REPORT_FILE, load_json
from auditor.resources import rules_dir, templates_dir, version
from auditor.ruleset import PROFILES, Ruleset, load_ruleset
from auditor.runner import (
    AUTO,
    AUTO_MAX,
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_RECYCLE_AFTER,
    DEFAULT_RETRIES,
    RunOptions,
    audit_sites,
    audit_snapshots,
    audit_store,
    batch_settings,
    copy_site_files,
    record_batch,
    resume_problems,
)
from auditor.store import Store, StoreError

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_NOT_ASSESSED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
FAIL_ON = ("critical", "high", "medium", "low")


def _load_rules(directory: Path | None, only: tuple[str, ...] = ()) -> Ruleset:
    try:
        ruleset = load_ruleset(directory or rules_dir())
        return ruleset.select(list(only)) if only else ruleset
    except RuleFileError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        raise SystemExit(EXIT_USAGE) from exc


def _concurrency(ctx: click.Context, param: click.Parameter, value: str) -> int:
    """`auto` (AUTO) or a number of sites from 1 to 64."""
    if str(value).strip().lower() == "auto":
        return AUTO
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 64:
        raise click.BadParameter("a number from 1 to 64, or auto", ctx, param)
    return number


def _usage_error(message: str) -> SystemExit:
    click.echo(message, err=True)
    return SystemExit(EXIT_USAGE)


def exit_code(outputs: Outputs, fail_on: str | None = None) -> int:
    if outputs.overview.failing(fail_on):
        return EXIT_FAILURES
    if outputs.overview.not_assessed:
        return EXIT_NOT_ASSESSED
    return EXIT_OK


def _summary(outputs: Outputs) -> None:
    v = outputs.overview.verdicts
    click.echo(f"{outputs.overview.total} site(s): {v['fail']} with failures, {v['needs_review']} to review, "
               f"{v['pass']} passing, {v['not_assessed']} not assessed", err=True)
    click.echo(f"report: {outputs.report_json}\noverview: {outputs.index}\n"
               f"exports: {outputs.csv}, {outputs.junit}", err=True)


@click.group()
@click.version_option(version(), prog_name="auditor")
@click.option("-v", "--verbose", is_flag=True, help="Log what the browser stage does.")
def main(verbose: bool) -> None:
    """Audit websites for the public disclosures Chinese law requires (ICP, licences, contacts, policies)."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def _collect_sites(urls: tuple[str, ...], input_file: Path | None) -> list[SiteInput]:
    problems = InputProblems()
    sites: list[SiteInput] = []
    for position, url in enumerate(urls, start=1):
        try:
            sites.append(SiteInput(url=normalise_url(url), line=position))
        except ValueError as exc:
            problems.add("argument", position, str(exc))
    if input_file is not None:
        try:
            from_file, file_problems = read_sites(input_file)
        except InputFileError as exc:
            click.echo(str(exc), err=True)
            raise SystemExit(EXIT_USAGE) from exc
        sites.extend(from_file)
        problems.problems.extend(file_problems)
    sites, all_problems = dedupe(sites, problems, "input")
    for problem in all_problems:
        click.echo(f"skipped: {problem}", err=True)
    return sites


@main.command()
@click.argument("urls", nargs=-1)
@click.option("-i", "--input", "input_file", type=click.Path(path_type=Path, dir_okay=False),
              help="URL list (one per line, # comments) or CSV with a url column.")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("audit-out"),
              show_default=True, help="Output folder for report.json, HTML reports, snapshots and the batch store.")
@click.option("--profile", "profiles", multiple=True, type=click.Choice(PROFILES),
              help="Site profile(s) for sites whose input row gives none. Default: site + operator.")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path, file_okay=False), help="Rule pack folder.")
@click.option("--rule", "only", multiple=True, help="Run only this rule id (repeatable).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Report language.")
@click.option("--resume", is_flag=True,
              help="Continue the unfinished audit in OUT (after Ctrl-C, kill or a crash); finished sites are "
                   "kept. URLs given as well are added to it.")
@click.option("--restart", is_flag=True, help="Discard the unfinished audit in OUT and start this one.")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Exit 1 only when a rule of this severity or graver fails (default: any failure).")
@click.option("--concurrency", default="auto", show_default=True, callback=_concurrency,
              help="Sites rendered at once in the one browser: a number, or auto (adapts to the CPU and memory "
                   "left, up to --max-concurrency; measured best: docs/performance.md).")
@click.option("--max-concurrency", type=click.IntRange(1, 64), default=AUTO_MAX, show_default=True,
              help="Upper bound for --concurrency auto.")
@click.option("--max-memory", type=click.IntRange(256, 1 << 20), default=DEFAULT_MAX_MEMORY_MB, show_default=True,
              help="MB the run may use (browser included); --concurrency auto renders fewer sites at once beyond.")
@click.option("--host-delay", type=click.FloatRange(0, 3600), default=0.0, show_default=True,
              help="Seconds between two sites of the same host (one site per host is in flight at a time).")
@click.option("--retries", type=click.IntRange(0, 10), default=DEFAULT_RETRIES, show_default=True,
              help="Retries of a site when the browser crashes or hangs under it; then it is recorded as error.")
@click.option("--recycle-after", type=click.IntRange(1, 100000), default=DEFAULT_RECYCLE_AFTER, show_default=True,
              help="Sites per browser before a fresh one takes over (bounds memory on long runs).")
@click.option("--page-timeout", type=click.FloatRange(1, 300), default=20.0, show_default=True,
              help="Seconds per page.")
@click.option("--site-timeout", type=click.FloatRange(5, 3600), default=90.0, show_default=True,
              help="Seconds per site.")
@click.option("--max-pages", type=click.IntRange(0, 50), default=8, show_default=True,
              help="Pages per site besides the homepage.")
@click.option("--screenshots/--no-screenshots", default=True, show_default=True,
              help="Pictures for evidence: the homepage whole and, on every page, what the rules cite (cropped "
                   "beside each finding). Without: faster CI self-checks (docs/performance.md); findings keep "
                   "their text, page and place, without pictures.")
@click.option("--whole-pages", is_flag=True,
              help="Photograph every visited page whole, not only the homepage (slower: pictures are most of "
                   "an audit's CPU).")
@click.option("--browser", "browser_path",
              help="Chromium executable (else $AUDITOR_BROWSER, Playwright's, the system's).")
@click.option("--allow-private", is_flag=True,
              help="Also load private, loopback and link-local addresses (intranet audits, tests).")
@click.option("-q", "--quiet", is_flag=True, help="No progress output (the final summary is still printed).")
@click.option("--from-snapshots", "snapshots", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Judge the snapshots stored in an earlier output folder again, without a browser.")
@click.option("--registry", "registry_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Registry records (CSV or JSON keyed by domain or credit code) for the registry cross-checks; "
                   "values in the input file's rows win.")
def audit(urls: tuple[str, ...], input_file: Path | None, out: Path, profiles: tuple[str, ...],
          rules_path: Path | None, only: tuple[str, ...], lang: Lang, resume: bool, restart: bool,
          fail_on: str | None, concurrency: int, max_concurrency: int, max_memory: int, host_delay: float,
          retries: int, recycle_after: int, page_timeout: float, site_timeout: float, max_pages: int,
          screenshots: bool, whole_pages: bool, browser_path: str | None, allow_private: bool,
          quiet: bool, snapshots: Path | None, registry_file: Path | None = None) -> None:
    """Audit sites and write OUT/report.json, the HTML reports, results.csv and junit.xml."""
    if resume and (restart or snapshots):
        raise _usage_error("--resume cannot be combined with --restart or --from-snapshots")
    options = RunOptions(out_dir=out, lang=lang, default_profiles=profiles or ("site", "operator"),
                         concurrency=concurrency, max_concurrency=max_concurrency, max_memory_mb=max_memory,
                         browser_path=browser_path,
                         today=date.today(), retries=retries,
                         recycle_after=recycle_after, host_delay_s=host_delay,
                         limits=Limits(page_timeout_s=page_timeout, site_timeout_s=site_timeout, max_pages=max_pages,
                                       allow_private=allow_private, screenshots=screenshots,
                                       whole_pages=whole_pages))
    if not resume:  # a broken rule pack stops the run before anything is created or browsed
        _load_rules(rules_path, only)
    store = _open_store(out)
    with store:
        sites, records = _with_registry(_collect_sites(urls, input_file), registry_file)
        options = replace(options, registry=records)
        if snapshots is not None:
            _judge_snapshots(store, snapshots, _load_rules(rules_path, only), options, only, restart, fail_on)
        if resume:
            ruleset, options = _resume(store, options, sites, rules_path, only)
        else:
            ruleset = _load_rules(rules_path, only)
            _start(store, ruleset, options, sites, only, restart)
        totals = store.totals()
        click.echo(f"auditing {totals.pending} of {totals.sites} site(s) with {len(ruleset.rules)} rules → {out}",
                   err=True)
        reporter = make_reporter("quiet" if quiet else "auto")
        reporter.start(totals.sites, totals)
        command = shlex.join(["auditor", *sys.argv[1:]])
        try:
            state = asyncio.run(audit_store(store, ruleset, options, reporter, command))
        except BrowserNotFoundError as exc:
            raise _usage_error(str(exc)) from exc
        except (KeyboardInterrupt, asyncio.CancelledError):
            state = "interrupted"
        finally:
            reporter.close()
        outputs = write_from_store(store, out, templates_dir(), fail_on=fail_on)
    _summary(outputs)
    if state != "completed":
        done = outputs.overview.total
        click.echo(f"interrupted: {done} of {totals.sites} site(s) done and kept; continue with: "
                   f"auditor audit --resume -o {shlex.quote(str(out))}", err=True)
        raise SystemExit(EXIT_INTERRUPTED)
    raise SystemExit(exit_code(outputs, fail_on))


def _open_store(out: Path) -> Store:
    try:
        return Store.open(out)
    except StoreError as exc:
        raise _usage_error(str(exc)) from exc


def _start(store: Store, ruleset: Ruleset, options: RunOptions, sites: list[SiteInput], only: tuple[str, ...],
           restart: bool) -> None:
    """A new batch in OUT; an unfinished one there is only replaced with --restart."""
    if not sites:
        raise _usage_error("nothing to audit: give URLs, -i FILE, --resume or --from-snapshots DIR")
    totals = store.totals()
    if totals.pending and not restart:
        raise _usage_error(f"{options.out_dir} holds an unfinished audit ({totals.done} of {totals.sites} sites "
                           "done): continue it with --resume, or discard it with --restart")
    store.reset(batch_settings(ruleset, options, list(only)), registry=options.registry)
    store.add_sites(sites)


def _resume(store: Store, options: RunOptions, sites: list[SiteInput], rules_path: Path | None,
            only: tuple[str, ...]) -> tuple[Ruleset, RunOptions]:
    """Continue the batch in OUT with the rules, profiles and language it was started with."""
    stored = store.settings()
    if stored is None:
        raise _usage_error(f"{options.out_dir}: no audit to resume")
    ruleset = _load_rules(Path(stored.rules_dir) if stored.rules_dir else None, tuple(stored.only))
    context = click.get_current_context()

    def given(param: str) -> bool:
        return context.get_parameter_source(param) == ParameterSource.COMMANDLINE

    requested: dict[str, object] = {}
    if given("rules_path") and rules_path is not None:
        path = rules_path.resolve()
        requested["rules_dir"] = None if path == rules_dir().resolve() else str(path)
    if given("only"):
        requested["only"] = sorted(only)
    if given("profiles"):
        requested["default_profiles"] = list(options.default_profiles)
    if given("lang"):
        requested["lang"] = options.lang
    problems = resume_problems(stored, ruleset, requested)
    if problems:
        raise _usage_error("cannot resume:\n  " + "\n  ".join(problems))
    added = store.add_sites(sites)
    if added:
        click.echo(f"added {added} new site(s) to the audit", err=True)
    limits = replace(options.limits, allow_private=options.limits.allow_private or stored.allow_private,
                     screenshots=options.limits.screenshots if given("screenshots") else stored.screenshots,
                     whole_pages=options.limits.whole_pages if given("whole_pages") else stored.whole_pages)
    return ruleset, replace(options, lang=stored.lang, default_profiles=tuple(stored.default_profiles), limits=limits,
                            registry={**store.registry(), **options.registry})


def _judge_snapshots(store: Store, snapshots: Path, ruleset: Ruleset, options: RunOptions, only: tuple[str, ...],
                     restart: bool, fail_on: str | None) -> None:
    totals = store.totals()
    if totals.pending and not restart:
        raise _usage_error(f"{options.out_dir} holds an unfinished audit ({totals.done} of {totals.sites} sites "
                           "done): continue it with --resume, or write elsewhere with -o")
    try:
        batch = audit_snapshots(snapshots, ruleset, options)
    except SnapshotError as exc:
        raise _usage_error(str(exc)) from exc
    record_batch(store, batch_settings(ruleset, options, list(only)), batch)
    outputs = write_from_store(store, options.out_dir, templates_dir(), site_pages=True, fail_on=fail_on)
    store.close()
    _summary(outputs)
    raise SystemExit(exit_code(outputs, fail_on))


@main.command()
@click.argument("report_json", type=click.Path(path_type=Path, dir_okay=True, exists=True))
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language of the HTML (default: the audit's).")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path, file_okay=False),
              help="Where to write the reports (default: beside report.json).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Threshold for junit.xml failures, as in audit.")
def report(report_json: Path, lang: Lang | None, out: Path | None, fail_on: str | None) -> None:
    """Write the reports again, without a browser: from the folder's batch store when it has one
    (report.json is rebuilt from it, even for an unfinished audit), else from report.json."""
    folder = report_json if report_json.is_dir() else report_json.parent
    target = out or folder
    if Store.exists(folder):
        with Store.open(folder, exclusive=False) as store:  # readable while a run is going on
            if target.resolve() != folder.resolve():
                _copy_sites(folder, target, (s.report_path for s in store.reports()))
            outputs = write_from_store(store, target, templates_dir(), lang, site_pages=True, fail_on=fail_on)
    else:
        try:
            batch = load_json(report_json / REPORT_FILE if report_json.is_dir() else report_json)
        except SnapshotError as exc:
            raise _usage_error(str(exc)) from exc
        same = target.resolve() == folder.resolve()
        if not same:
            _copy_sites(folder, target, (s.report_path for s in batch.sites))
        outputs = write_batch(batch, target, templates_dir(), lang or batch.lang, fail_on, json_out=not same)
    click.echo(f"wrote the reports of {outputs.overview.total} site(s); overview: {outputs.index}", err=True)


def _copy_sites(source: Path, target: Path, report_paths: Iterable[str | None]) -> None:
    """Bring each site's screenshots and evidence crops along when writing the reports elsewhere."""
    for report_path in report_paths:
        if not report_path:
            continue
        folder = Path(report_path).parent
        if (source / folder).is_dir():
            copy_site_files(source / folder, target / folder)
            if (source / folder / "evidence").is_dir():
                copy_site_files(source / folder / "evidence", target / folder / "evidence")


@main.group()
def rules() -> None:
    """List or validate rule packs."""


@rules.command("list")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path, file_okay=False))
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_list(rules_path: Path | None, lang: Lang) -> None:
    """Show each rule: id, severity, profiles, citation."""
    ruleset = _load_rules(rules_path)
    pack = ruleset.pack
    click.echo(f"{pack.name.get(lang)} ({pack.pack} {pack.version}), {len(ruleset.rules)} rules")
    for rule in ruleset.rules:
        cites = "; ".join(f"{c.source.get(lang)} {c.article.get(lang)}" + ("" if c.verified else " [unverified]")
                          for c in rule.law)
        click.echo(f"{rule.id:<30} {rule.severity.value:<9} {','.join(rule.profiles):<18} {cites}")
        click.echo(f"{'':<30} {rule.title.get(lang)}")


@rules.command("check")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), required=False)
def rules_check(directory: Path | None) -> None:
    """Validate a rule pack folder (default: the bundled pack). Exit 2 on any problem."""
    ruleset = _load_rules(directory)
    click.echo(f"{ruleset.directory}: {len(ruleset.rules)} rules OK")


@main.command()
@click.option("-o", "--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("demo-out"),
              show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--browser", "browser_path", help="Chromium executable.")
def demo(out: Path, lang: Lang, browser_path: str | None) -> None:
    """Serve the bundled demo sites on 127.0.0.1 and audit them.

    Exits 0 when every demo site was audited (their findings are the point of the demo),
    3 when a site could not be assessed, 2 when no browser was found.
    """
    ruleset = _load_rules(None)
    # The demo sites are served on 127.0.0.1: load them, and nothing beyond this machine.
    options = RunOptions(out_dir=out, lang=lang, browser_path=browser_path, today=date.today(),
                         limits=Limits(allow_private=True, loopback_only=True))
    with demo_sites.serve() as sites:
        click.echo(f"serving {len(sites)} demo site(s) on 127.0.0.1; auditing → {out}", err=True)
        reporter = make_reporter("plain")
        reporter.start(len(sites))
        try:
            batch = asyncio.run(audit_sites(list(sites.values()), ruleset, options, events=reporter))
        except (BrowserNotFoundError, StoreError) as exc:
            raise _usage_error(str(exc)) from exc
        finally:
            reporter.close()
    _finish_demo(batch, out, lang)


def _finish_demo(batch: BatchReport, out: Path, lang: Lang) -> None:
    outputs = write_batch(batch, out, templates_dir(), lang)
    _summary(outputs)
    code = exit_code(outputs)
    raise SystemExit(EXIT_OK if code == EXIT_FAILURES else code)  # the demo shop has gaps on purpose


# --- evidence: registry file, manifests, rectification notices ----------------------------


def _with_registry(sites: list[SiteInput], registry_file: Path | None
                   ) -> tuple[list[SiteInput], dict[str, Registry]]:
    """Merge the records of a --registry file into the sites (values in the input rows win); all records too,
    for the sites that only the credit code they show will match."""
    if registry_file is None:
        return sites, {}
    from auditor.inputs import merge_registry, read_registry

    try:
        records, problems = read_registry(registry_file)
    except InputFileError as exc:
        raise _usage_error(str(exc)) from exc
    for problem in problems:
        click.echo(f"skipped: {problem}", err=True)
    merged = merge_registry(sites, records)
    matched = sum(1 for old, new in zip(sites, merged, strict=True) if old.registry != new.registry)
    click.echo(f"registry: {len(records)} key(s) in {registry_file}; {matched} of {len(sites)} site(s) matched "
               "by domain or input row (others may match by the credit code they show)", err=True)
    return merged, records


@main.command("verify")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
def verify_command(directory: Path) -> None:
    """Check every evidence file of an output folder (or of one site folder) against its manifest.

    Exit 0 when every file is as sealed, 1 when files are missing, altered or unexpected
    (each is listed), 2 when DIR is not an output folder of this tool.
    """
    from auditor.manifest import MANIFEST_FILE, NotAnOutputFolderError, sha256_file, verify

    if not directory.is_dir():
        raise _usage_error(f"{directory}: no such folder")
    try:
        problems = verify(directory)
    except NotAnOutputFolderError as exc:
        raise _usage_error(str(exc)) from exc
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s): {directory} is not as its manifests recorded it", err=True)
        raise SystemExit(EXIT_FAILURES)
    # The run manifest's own hash seals everything: worth writing into the case file.
    click.echo(f"ok: every file matches; {MANIFEST_FILE} sha256 {sha256_file(directory / MANIFEST_FILE)}")


@main.command("notice")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--pdf", is_flag=True, help="Also print each notice to an A4 PDF with Chromium (notice.pdf).")
@click.option("--browser", "browser_path", help="Chromium executable (for --pdf).")
def notice_command(directory: Path, pdf: bool, browser_path: str | None) -> None:
    """Write a rectification notice (Chinese, A4) for every site that failed a rule.

    Writes sites/<site>/notice.html (and notice.pdf with --pdf) from DIR/report.json, then
    re-seals the folder's manifests. Exit 2 when DIR has no report.json or no browser is found.
    """
    from auditor.manifest import write_manifests
    from auditor.notice import write_notice_pdfs, write_notices

    try:
        batch = load_json(directory / REPORT_FILE)
    except SnapshotError as exc:
        raise _usage_error(str(exc)) from exc
    if pdf:
        try:
            written = write_notice_pdfs(batch, directory, browser_path)
        except BrowserNotFoundError as exc:
            raise _usage_error(str(exc)) from exc
    else:
        written = write_notices(batch, directory)
        write_manifests(batch, directory, notices=False)
    kind = "PDF notice(s)" if pdf else "notice(s)"
    click.echo(f"{len(written)} {kind} for {len(batch.sites)} site(s) in {directory}", err=True)
    for path in written:
        click.echo(str(path))


def run() -> None:
    try:
        main(standalone_mode=True)
    except AuditorError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    run()
