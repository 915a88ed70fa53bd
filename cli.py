"""Command line: parse options, call one function of the auditor package, map its result to an exit code.

Exit codes (``audit``, ``demo``):

* 0 — no rule failed (with ``--fail-on S``: no rule of severity S or graver failed;
  with ``--fail-on new[:S]`` and ``--baseline``: no *new* failure, of severity S or graver);
* 1 — at least one rule failed (at or above ``--fail-on``; with ``new``, a failure new since
  the baseline); findings below the threshold, and old ones, are still in every report;
* 2 — usage, input-file, rule-file or store error, or no browser: nothing was audited;
* 3 — nothing failed, but some sites could not be assessed (unreachable, blocked, error);
* 130 — the run was interrupted (Ctrl-C, SIGTERM); finished sites are kept in the
  store and the reports show them; ``--resume`` continues.

``diff`` exits the same way for the newer audit, its gate being ``--fail-on new`` unless given.

The browser stack (Playwright) is imported only by the commands that browse (``audit``,
``demo``, ``notice --pdf``, ``browser``, ``worker``): ``verify``, ``report`` and ``rules`` run on a
case officer's machine where it is not installed. Celery (the ``distributed`` extra) is imported
only by ``worker`` and ``audit --broker``.
"""

from __future__ import annotations

import functools
import logging
import re
import shlex
import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click
from click.core import ParameterSource

from auditor.batch.progress import make_reporter
from auditor.batch.report import Diff, diff_reports, rebuild_reports
from auditor.errors import AuditorError, UsageError, output_problem, short_error
from auditor.judge.ruleset import load_pack
from auditor.layout import MANIFEST_FILE, REPORT_FILE
from auditor.models import DEFAULT_PROFILES, NEW_GATE, PROFILES, SEVERITY_ORDER, Lang, Severity
from auditor.options import (
    AUTO,
    AUTO_MAX,
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_RECYCLE_AFTER,
    DEFAULT_RETRIES,
    Limits,
    RunOptions,
)
from auditor.outputs.manifest import NotAnOutputFolderError, sha256_file, verify, verify_expected
from auditor.outputs.notice import issue_notices
from auditor.outputs.report_json import load_json
from auditor.outputs.write import Outputs
from auditor.resources import version

if TYPE_CHECKING:
    from auditor.batch.runner import StoreRunner

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_NOT_ASSESSED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
FAIL_ON = tuple(s.value for s in SEVERITY_ORDER if s != Severity.INFO)
FAIL_ON_METAVAR = "[" + "|".join(FAIL_ON) + "|new[:SEVERITY]]"
DEFAULTS = Limits()
# Options whose value a resumed batch keeps unless they are given again (auditor/batch/audit.py).
RESUME_SENSITIVE = ("rules_path", "only", "profiles", "lang", "screenshots", "whole_pages")

P = ParamSpec("P")
R = TypeVar("R")


def _usage_errors(command: Callable[P, R]) -> Callable[P, R]:
    """The auditor's own errors (bad input, rules, store, no browser) end the command with their message, exit 2;
    so does a folder that cannot be written (read-only, disk full): one line, never a traceback."""
    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except AuditorError as exc:
            click.echo(str(exc), err=True)
            raise SystemExit(EXIT_USAGE) from exc
        except (OSError, sqlite3.Error) as exc:
            problem = output_problem(exc)
            if problem is None and not isinstance(exc, OSError):
                raise
            click.echo(f"auditor: cannot go on: {problem or short_error(exc)}", err=True)
            raise SystemExit(EXIT_USAGE) from exc
    return run


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


def _distributed_options(command: Callable[P, R]) -> Callable[P, R]:
    """`audit`'s options for a batch across machines (auditor/batch/distributed/)."""
    options = [
        click.option("--broker", metavar="URL",
                     help="Coordinate workers through this Redis (redis://HOST:6379/0) instead of rendering here: "
                          "start `auditor worker --broker URL` on each machine (README: Many machines)."),
        click.option("--spool", type=click.Path(path_type=Path, file_okay=False),
                     help="With --broker: a folder shared with the workers, for results over --inline-max."),
        click.option("--inline-max", type=click.IntRange(0, 256), default=32, show_default=True,
                     help="With --broker: MB of a site's compressed files that travel back through Redis "
                          "(0: every site's through --spool)."),
        click.option("--worker-timeout", type=click.FloatRange(5, 3600), default=30.0, show_default=True,
                     help="With --broker: seconds without a heartbeat before a worker counts as gone and its "
                          "sites are sent again."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _fail_on(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A severity (critical, high, medium, low), or new / new:SEVERITY: only failures new since the baseline."""
    if value is None:
        return None
    text = value.strip().lower()
    head, colon, severity = text.partition(":")
    if text in FAIL_ON or (head == NEW_GATE and (not colon or severity in FAIL_ON)):
        return text
    raise click.BadParameter(f"one of {', '.join(FAIL_ON)}, or new, or new:SEVERITY (e.g. new:high)", ctx, param)


def exit_code(outputs: Outputs, fail_on: str | None = None) -> int:
    if outputs.overview.failing(fail_on):
        return EXIT_FAILURES
    if outputs.overview.not_assessed:
        return EXIT_NOT_ASSESSED
    return EXIT_OK


def _say(text: str) -> None:
    click.echo(text, err=True)


def _summary(outputs: Outputs) -> None:
    v = outputs.overview.verdicts
    _say(f"{outputs.overview.total} site(s): {v['fail']} with failures, {v['needs_review']} to review, "
         f"{v['pass']} passing, {v['not_assessed']} not assessed")
    _say(f"report: {outputs.report_json}\noverview: {outputs.index}\nexports: {outputs.csv}, {outputs.junit}")


@click.group()
@click.version_option(version(), prog_name="auditor")
@click.option("-v", "--verbose", is_flag=True, help="Log what the browser stage does.")
def main(verbose: bool) -> None:
    """Audit websites for the public disclosures Chinese law requires (ICP, licences, contacts, policies)."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


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
@click.option("--fail-on", callback=_fail_on, metavar=FAIL_ON_METAVAR,
              help="Exit 1 only when a rule of this severity or graver fails (default: any failure); "
                   "new or new:SEVERITY (with --baseline): only failures new since the baseline count.")
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
@click.option("--page-timeout", type=click.FloatRange(1, 300), default=DEFAULTS.page_timeout_s, show_default=True,
              help="Seconds per page.")
@click.option("--site-timeout", type=click.FloatRange(5, 3600), default=DEFAULTS.site_timeout_s, show_default=True,
              help="Seconds per site.")
@click.option("--max-pages", type=click.IntRange(0, 50), default=DEFAULTS.max_pages, show_default=True,
              help="Pages per site besides the homepage.")
@click.option("--screenshots/--no-screenshots", default=True, show_default=True,
              help="Pictures for evidence: the homepage whole and, on every page, what the rules cite (cropped "
                   "beside each finding). Without: faster CI self-checks (docs/performance.md); findings keep "
                   "their text, page and place, without pictures.")
@click.option("--ocr/--no-ocr", default=True, show_default=True,
              help="Read the numbers sites show only as pictures, where a rule would otherwise say \"only in an "
                   "image\" (needs the `ocr` extra, which scripts/bootstrap installs; without it, said once).")
@click.option("--whole-pages", is_flag=True,
              help="Photograph every visited page whole, not only the homepage (slower: pictures are most of "
                   "an audit's CPU).")
@click.option("--browser", "browser_path",
              help="Chromium executable (else $AUDITOR_BROWSER, Playwright's, the system's).")
@click.option("--allow-private", is_flag=True,
              help="Also load private, loopback and link-local addresses (intranet audits, tests).")
@click.option("--loopback-only", is_flag=True, hidden=True, help="Tests and benchmarks: load 127.0.0.1 only.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output (the final summary is still printed).")
@click.option("--from-snapshots", "snapshots", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Judge the snapshots stored in an earlier output folder again, without a browser.")
@click.option("--registry", "registry_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Registry records (CSV or JSON keyed by domain or credit code) for the registry cross-checks; "
                   "values in the input file's rows win.")
@click.option("--baseline", type=click.Path(path_type=Path, exists=True),
              help="A follow-up audit: compare with this earlier output folder (its store or report.json); the "
                   "reports show what changed since, and --fail-on new gates on new failures only.")
@_distributed_options
@_usage_errors
def audit(urls: tuple[str, ...], input_file: Path | None, out: Path, profiles: tuple[str, ...],
          rules_path: Path | None, only: tuple[str, ...], lang: Lang, resume: bool, restart: bool,
          fail_on: str | None, concurrency: int, max_concurrency: int, max_memory: int, host_delay: float,
          retries: int, recycle_after: int, page_timeout: float, site_timeout: float, max_pages: int,
          screenshots: bool, ocr: bool, whole_pages: bool, browser_path: str | None, allow_private: bool,
          quiet: bool, snapshots: Path | None, registry_file: Path | None = None,
          baseline: Path | None = None, broker: str | None = None, spool: Path | None = None, inline_max: int = 32,
          worker_timeout: float = 30.0, loopback_only: bool = False) -> None:
    """Audit sites and write OUT/report.json, the HTML reports, results.csv and junit.xml.

    With --broker, this process coordinates: workers (`auditor worker`) on any number of
    machines render and judge the sites; the store, the outputs, politeness, retries and
    deadlines stay here.
    """
    from auditor.batch.audit import INTERRUPTED, AuditRequest
    from auditor.batch.audit import audit as run_audit  # the browser stack: only for the commands that browse

    options = RunOptions(out_dir=out, lang=lang, default_profiles=profiles or DEFAULT_PROFILES,
                         concurrency=concurrency, max_concurrency=max_concurrency, max_memory_mb=max_memory,
                         browser_path=browser_path, today=date.today(), retries=retries,
                         recycle_after=recycle_after, host_delay_s=host_delay,
                         limits=Limits(page_timeout_s=page_timeout, site_timeout_s=site_timeout, max_pages=max_pages,
                                       allow_private=allow_private or loopback_only, loopback_only=loopback_only,
                                       screenshots=screenshots, whole_pages=whole_pages, ocr=ocr))
    context = click.get_current_context()
    given = frozenset(name for name in RESUME_SENSITIVE
                      if context.get_parameter_source(name) == ParameterSource.COMMANDLINE)
    request = AuditRequest(options=options, urls=urls, input_file=input_file, registry_file=registry_file,
                           rules_path=rules_path, only=only, resume=resume, restart=restart, snapshots=snapshots,
                           fail_on=fail_on, baseline=baseline, given=given,
                           command=shlex.join(["auditor", *sys.argv[1:]]),
                           run_store=_coordinator(broker, spool, inline_max, worker_timeout))
    result = run_audit(request, make_reporter("quiet" if quiet else "auto"), _say)
    _summary(result.outputs)
    if result.state == INTERRUPTED:
        _say(f"interrupted: {result.outputs.overview.total} of {result.sites} site(s) done and kept; continue with: "
             f"auditor audit --resume -o {shlex.quote(str(out))}")
        raise SystemExit(EXIT_INTERRUPTED)
    raise SystemExit(exit_code(result.outputs, fail_on))


def _coordinator(broker: str | None, spool: Path | None, inline_max: int, worker_timeout: float) -> StoreRunner | None:
    """The distributed batch's run (--broker), or None for a local one; Celery is loaded only then."""
    if broker is None:
        if spool is not None:
            raise UsageError("--spool is the folder shared with the workers: it needs --broker")
        return None
    if inline_max == 0 and spool is None:
        raise UsageError("--inline-max 0 sends every site's files through the shared folder: give --spool")
    try:
        from auditor.batch.distributed.coordinator import Cluster, store_runner  # celery: only with --broker
    except ImportError as exc:
        raise UsageError(f"--broker needs Celery ({exc.name} is missing): "
                         "pip install 'disclosure-auditor[distributed]'") from exc
    return store_runner(Cluster(broker=broker, spool=spool, worker_timeout_s=worker_timeout,
                                inline_max=inline_max << 20))


@main.command("worker")
@click.option("--broker", required=True, metavar="URL", help="The coordinator's Redis: redis://HOST:6379/0.")
@click.option("--concurrency", type=click.IntRange(1, 64), default=12, show_default=True,
              help="Sites rendered at once in this worker's one browser (12–16 measured best on 2 cores).")
@click.option("--name", help="This worker's name, unique among the batch's workers (default auditor@HOSTNAME).")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path, file_okay=False),
              help="Rule pack folder: the coordinator's (the worker takes only its batches' tasks).")
@click.option("--browser", "browser_path", help="Chromium executable (else $AUDITOR_BROWSER, Playwright's, …).")
@click.option("--allow-private", is_flag=True,
              help="Serve batches audited with --allow-private (loads private, loopback and link-local addresses).")
@click.option("--loopback-only", is_flag=True, hidden=True, help="Tests: load 127.0.0.1 only.")
@click.option("--spool", type=click.Path(path_type=Path, file_okay=False),
              help="A folder shared with the coordinator, for results over its --inline-max.")
@click.option("--recycle-after", type=click.IntRange(1, 100000), default=DEFAULT_RECYCLE_AFTER, show_default=True,
              help="Sites per browser before a fresh one takes over.")
@_usage_errors
def worker_command(broker: str, concurrency: int, name: str | None, rules_path: Path | None,
                   browser_path: str | None, allow_private: bool, loopback_only: bool, spool: Path | None,
                   recycle_after: int) -> None:
    """Render and judge sites for a coordinator (`auditor audit --broker`), until stopped.

    The same browser pool, egress guard and limits as a local run; results and evidence go
    back to the coordinator, which records them. SIGTERM or Ctrl-C: the sites in hand are
    finished first (twice: at once; the coordinator sends them again).
    """
    try:
        from auditor.batch.distributed.worker import WorkerOptions, run_worker  # celery: only for this command
    except ImportError as exc:
        raise UsageError(f"auditor worker needs Celery ({exc.name} is missing): "
                         "pip install 'disclosure-auditor[distributed]'") from exc
    if spool is not None:
        spool.mkdir(parents=True, exist_ok=True)
    verbose = logging.getLogger().getEffectiveLevel() <= logging.INFO
    options = WorkerOptions(broker=broker, concurrency=concurrency, name=name, rules_path=rules_path,
                            browser_path=browser_path, allow_private=allow_private, loopback_only=loopback_only,
                            spool=spool, recycle_after=recycle_after, loglevel="INFO" if verbose else "WARNING")
    raise SystemExit(run_worker(options, _say))


@main.command()
@click.argument("report_json", type=click.Path(path_type=Path, dir_okay=True, exists=True))
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language of the HTML (default: the audit's).")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path, file_okay=False),
              help="Where to write the reports (default: beside report.json).")
@click.option("--fail-on", callback=_fail_on, metavar=FAIL_ON_METAVAR,
              help="Threshold for junit.xml failures, as in audit.")
@_usage_errors
def report(report_json: Path, lang: Lang | None, out: Path | None, fail_on: str | None) -> None:
    """Write the reports again, without a browser: from the folder's batch store when it has one
    (report.json is rebuilt from it, even for an unfinished audit), else from report.json."""
    outputs = rebuild_reports(report_json, out, lang, fail_on)
    _say(f"wrote the reports of {outputs.overview.total} site(s); overview: {outputs.index}")


@main.command("diff")
@click.argument("old", type=click.Path(path_type=Path, exists=True))
@click.argument("new", type=click.Path(path_type=Path, exists=True))
@click.option("-o", "--out", "out", type=click.Path(path_type=Path, file_okay=False),
              help="Write the follow-up's reports here (report.json with changes, overview, site pages, notices, "
                   "exports); without it only the summary is printed.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language of the HTML (default: NEW's).")
@click.option("--fail-on", callback=_fail_on, default=NEW_GATE, show_default=True, metavar=FAIL_ON_METAVAR,
              help="What makes the exit code 1, as in audit.")
@_usage_errors
def diff_command(old: Path, new: Path, out: Path | None, lang: Lang | None, fail_on: str) -> None:
    """What changed from the audit in OLD to the one in NEW (output folders or report.json files), no browser.

    Sites are matched by input URL (else by final URL), rules by id. Exit 1 when NEW has a failure
    that --fail-on counts (default: a failure new since OLD), 3 when it has none but NEW could not
    assess some sites, else 0; 2 on usage errors.
    """
    result = diff_reports(old, new, out, lang, fail_on)
    _diff_summary(result)
    if result.outputs is not None:
        _say(f"overview: {result.outputs.index}")
    raise SystemExit(EXIT_FAILURES if result.gated else EXIT_NOT_ASSESSED if result.not_assessed else EXIT_OK)


def _diff_summary(result: Diff) -> None:
    """Counts, then one line per changed site: what a CI log or a terminal needs."""
    changes = result.changes
    base = changes.baseline
    click.echo(f"since {base.started_at} ({base.rules.pack} {base.rules.version}, {base.sites} site(s)):")
    counts = {**changes.sites.model_dump(), **changes.sites_with.model_dump()}
    click.echo("  " + " · ".join(f"{key} {n}" for key, n in counts.items() if n and key != "unchanged"))
    if changes.absent_sites:
        click.echo(f"  not audited again: {len(changes.absent_sites)} site(s)")
    for url, name, site in result.changed:
        rules = ", ".join(f"{c.change.value} {c.rule_id}" for c in site.rules)
        values = ", ".join(f"{v.fact} {'/'.join(v.before) or '-'} → {'/'.join(v.now) or '-'}" for v in site.values)
        detail = "; ".join(part for part in (rules, values) if part)
        line = f"{site.headline:<18} {name or url}" + (f" ({url})" if name else "") + (f": {detail}" if detail else "")
        click.echo(_printable(line))


def _printable(text: str) -> str:
    # Disclosed values are site text: no terminal escape sequence reaches the terminal.
    return "".join(c if c.isprintable() else "?" for c in text)


@main.group()
def rules() -> None:
    """List or validate rule packs."""


@rules.command("list")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path, file_okay=False))
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@_usage_errors
def rules_list(rules_path: Path | None, lang: Lang) -> None:
    """Show each rule: id, severity, profiles, citation."""
    ruleset = load_pack(rules_path)
    pack = ruleset.pack
    click.echo(f"{pack.name.get(lang)} ({pack.pack} {pack.version}), {len(ruleset.rules)} rules")
    for rule in ruleset.rules:
        cites = "; ".join(f"{c.source.get(lang)} {c.article.get(lang)}" + ("" if c.verified else " [unverified]")
                          for c in rule.law)
        click.echo(f"{rule.id:<30} {rule.severity.value:<9} {','.join(rule.profiles):<18} {cites}")
        click.echo(f"{'':<30} {rule.title.get(lang)}")


@rules.command("check")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), required=False)
@_usage_errors
def rules_check(directory: Path | None) -> None:
    """Validate a rule pack folder (default: the bundled pack). Exit 2 on any problem."""
    ruleset = load_pack(directory)
    click.echo(f"{ruleset.directory}: {len(ruleset.rules)} rules OK")


@main.command()
@click.option("-o", "--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("demo-out"),
              show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--browser", "browser_path", help="Chromium executable.")
@_usage_errors
def demo(out: Path, lang: Lang, browser_path: str | None) -> None:
    """Serve the bundled demo sites on 127.0.0.1 and audit them.

    Exits 0 when every demo site was audited (their findings are the point of the demo),
    3 when a site could not be assessed, 2 when no browser was found.
    """
    from auditor.batch.audit import DemoRequest, run_demo  # the browser stack: only for the commands that browse

    outputs = run_demo(DemoRequest(out_dir=out, lang=lang, browser_path=browser_path), make_reporter("plain"), _say)
    _summary(outputs)
    code = exit_code(outputs)
    raise SystemExit(EXIT_OK if code == EXIT_FAILURES else code)  # the demo shop has gaps on purpose


@main.command("browser")
@click.option("--browser", "browser_path", help="Chromium executable to try first.")
@_usage_errors
def browser_command(browser_path: str | None) -> None:
    """Start the Chromium a run would use, once, and print which it is.

    The search (first found wins): --browser, $AUDITOR_BROWSER, Playwright's own download,
    then the system's (Debian's headless shell, then full Chromium, then Google Chrome).
    Exit 2 when none is found or it does not start.
    """
    from auditor.browse.browser import probe  # the browser stack: only for the commands that browse

    click.echo(probe(browser_path).describe())


def _sha256(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[0-9a-fA-F]{64}", value.strip()):
        raise click.BadParameter("a SHA-256: 64 hexadecimal digits, as `verify` printed it", ctx, param)
    return value.strip().lower() if value else None


@main.command("verify")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--expect", callback=_sha256, metavar="SHA256",
              help="The manifest's hash as recorded elsewhere (a case file): without it an edited and re-hashed "
                   "manifest cannot be told from the original.")
def verify_command(directory: Path, expect: str | None) -> None:
    """Check every evidence file of an output folder (or of one site folder) against its manifest.

    Exit 0 when every file is as sealed, 1 when files are missing, altered or unexpected
    (each is listed) or the manifest's hash is not the one given with --expect, 2 when DIR
    is not an output folder of this tool. What this proves and what it cannot: README,
    "Manifests".
    """
    if not directory.is_dir():
        _say(f"{directory}: no such folder")
        raise SystemExit(EXIT_USAGE)
    try:
        problems = verify(directory)
    except NotAnOutputFolderError as exc:
        _say(str(exc))
        raise SystemExit(EXIT_USAGE) from exc
    if expect is not None:
        problems = [*verify_expected(directory, expect), *problems]
    for problem in problems:
        click.echo(str(problem))
    if problems:
        _say(f"{len(problems)} problem(s): {directory} is not as its manifests recorded it")
        raise SystemExit(EXIT_FAILURES)
    # The run manifest's own hash seals everything: worth writing into the case file.
    sealed = "as recorded (--expect)" if expect else "note it in the case file; check it with --expect"
    click.echo(f"ok: every file matches; {MANIFEST_FILE} sha256 {sha256_file(directory / MANIFEST_FILE)} ({sealed})")


@main.command("notice")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--pdf", is_flag=True, help="Also print each notice to an A4 PDF with Chromium (notice.pdf).")
@click.option("--browser", "browser_path", help="Chromium executable (for --pdf).")
@_usage_errors
def notice_command(directory: Path, pdf: bool, browser_path: str | None) -> None:
    """Write a rectification notice (Chinese, A4) for every site that failed a rule.

    Writes sites/<site>/notice.html (and notice.pdf with --pdf) from DIR/report.json, then
    re-seals the folder's manifests. Exit 2 when DIR has no report.json or no browser is found.
    """
    batch = load_json(directory / REPORT_FILE)
    printer = None
    if pdf:
        from auditor.browse.printing import print_pdfs  # the browser stack: only for the commands that browse

        def printer(pages: list[Path], footer: str) -> list[Path]:
            return print_pdfs(pages, footer, browser_path)
    written = issue_notices(batch, directory, printer)
    kind = "PDF notice(s)" if pdf else "notice(s)"
    _say(f"{len(written)} {kind} for {len(batch.sites)} site(s) in {directory}")
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
