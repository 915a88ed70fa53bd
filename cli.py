"""Command line: parse options, call the auditor package, write reports, set the exit code.

Exit codes: 0 no rule failed; 1 at least one rule failed; 2 usage, input or rule-file
error (nothing was browsed); 3 no rule failed but some sites could not be assessed.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import date
from pathlib import Path

import click

from auditor import demo as demo_sites
from auditor.errors import AuditorError, BrowserNotFoundError, InputFileError, RuleFileError, SnapshotError
from auditor.inputs import InputProblems, SiteInput, dedupe, normalise_url, read_sites
from auditor.models import BatchReport, Lang, Outcome
from auditor.render import Limits
from auditor.report import REPORT_FILE, load_json, summary_counts, write_all, write_html
from auditor.resources import rules_dir, templates_dir, version
from auditor.ruleset import PROFILES, Ruleset, load_ruleset
from auditor.runner import RunOptions, audit_sites, audit_snapshots

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_NOT_ASSESSED = 0, 1, 2, 3


def _load_rules(directory: Path | None, only: tuple[str, ...] = ()) -> Ruleset:
    try:
        ruleset = load_ruleset(directory or rules_dir())
        return ruleset.select(list(only)) if only else ruleset
    except RuleFileError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        raise SystemExit(EXIT_USAGE) from exc


def exit_code(batch: BatchReport) -> int:
    if any(r.outcome == Outcome.FAIL for s in batch.sites for r in s.results):
        return EXIT_FAILURES
    if any(s.status.value != "audited" for s in batch.sites):
        return EXIT_NOT_ASSESSED
    return EXIT_OK


def _finish(batch: BatchReport, out: Path, lang: Lang, demo: bool = False) -> None:
    paths = write_all(batch, out, templates_dir(), lang)
    counts = summary_counts(batch)
    click.echo(f"{len(batch.sites)} site(s): {counts['fail']} with failures, {counts['needs_review']} to review, "
               f"{counts['pass']} passing, {counts['not_assessed']} not assessed", err=True)
    click.echo(f"report: {paths[0]}\noverview: {paths[1]}", err=True)
    code = exit_code(batch)
    if demo and code == EXIT_FAILURES:
        code = EXIT_OK  # the demo shop has gaps on purpose: finding them is the demo working
    raise SystemExit(code)


def _progress(report: object) -> None:
    from auditor.models import SiteReport

    assert isinstance(report, SiteReport)
    fails = report.count(Outcome.FAIL)
    state = report.status.value if report.status.value != "audited" else f"{fails} failed"
    click.echo(f"  {report.input_url}: {state}", err=True)


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
              show_default=True, help="Output folder for report.json, HTML reports and snapshots.")
@click.option("--profile", "profiles", multiple=True, type=click.Choice(PROFILES),
              help="Site profile(s) for sites whose input row gives none. Default: site + operator.")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path, file_okay=False), help="Rule pack folder.")
@click.option("--rule", "only", multiple=True, help="Run only this rule id (repeatable).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Report language.")
@click.option("--concurrency", type=click.IntRange(1, 16), default=2, show_default=True,
              help="Sites rendered at once (2 is fastest on a 2-core machine: rendering is CPU-bound).")
@click.option("--page-timeout", type=click.FloatRange(1, 300), default=20.0, show_default=True,
              help="Seconds per page.")
@click.option("--site-timeout", type=click.FloatRange(5, 3600), default=90.0, show_default=True,
              help="Seconds per site.")
@click.option("--max-pages", type=click.IntRange(0, 50), default=8, show_default=True,
              help="Pages per site besides the homepage.")
@click.option("--browser", "browser_path",
              help="Chromium executable (else $AUDITOR_BROWSER, Playwright's, the system's).")
@click.option("--allow-private", is_flag=True,
              help="Also load private, loopback and link-local addresses (intranet audits, tests).")
@click.option("--from-snapshots", "snapshots", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Judge the snapshots stored in an earlier output folder again, without a browser.")
def audit(urls: tuple[str, ...], input_file: Path | None, out: Path, profiles: tuple[str, ...],
          rules_path: Path | None, only: tuple[str, ...], lang: Lang, concurrency: int, page_timeout: float,
          site_timeout: float, max_pages: int, browser_path: str | None, allow_private: bool,
          snapshots: Path | None) -> None:
    """Audit sites and write OUT/report.json and the HTML reports."""
    ruleset = _load_rules(rules_path, only)
    options = RunOptions(out_dir=out, lang=lang, default_profiles=profiles or ("site", "operator"),
                         concurrency=concurrency, browser_path=browser_path, today=date.today(),
                         limits=Limits(page_timeout_s=page_timeout, site_timeout_s=site_timeout, max_pages=max_pages,
                                       allow_private=allow_private))
    if snapshots is not None:
        try:
            batch = audit_snapshots(snapshots, ruleset, options)
        except SnapshotError as exc:
            click.echo(str(exc), err=True)
            raise SystemExit(EXIT_USAGE) from exc
        _finish(batch, out, lang)
    sites = _collect_sites(urls, input_file)
    if not sites:
        click.echo("nothing to audit: give URLs, -i FILE or --from-snapshots DIR", err=True)
        raise SystemExit(EXIT_USAGE)
    click.echo(f"auditing {len(sites)} site(s) with {len(ruleset.rules)} rules → {out}", err=True)
    try:
        batch = asyncio.run(audit_sites(sites, ruleset, options, on_done=_progress))
    except BrowserNotFoundError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(EXIT_USAGE) from exc
    _finish(batch, out, lang)


@main.command()
@click.argument("report_json", type=click.Path(path_type=Path, dir_okay=True, exists=True))
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("-o", "--out", "out", type=click.Path(path_type=Path, file_okay=False),
              help="Where to write the HTML (default: beside report.json).")
def report(report_json: Path, lang: Lang, out: Path | None) -> None:
    """Render the HTML reports again from a report.json (no browser)."""
    path = report_json / REPORT_FILE if report_json.is_dir() else report_json
    try:
        batch = load_json(path)
    except SnapshotError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(EXIT_USAGE) from exc
    target = out or path.parent
    if out is not None and out.resolve() != path.parent.resolve():
        from auditor.runner import copy_site_files

        for site in batch.sites:
            if site.report_path:
                source = path.parent / Path(site.report_path).parent
                if source.is_dir():
                    copy_site_files(source, target / Path(site.report_path).parent)
                    if (source / "evidence").is_dir():
                        copy_site_files(source / "evidence", target / Path(site.report_path).parent / "evidence")
    written = write_html(batch, target, templates_dir(), lang)
    click.echo(f"wrote {len(written)} HTML file(s); overview: {written[0]}", err=True)


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
    # The demo sites are served on 127.0.0.1, so private addresses must be allowed here.
    options = RunOptions(out_dir=out, lang=lang, browser_path=browser_path, today=date.today(),
                         limits=Limits(allow_private=True))
    with demo_sites.serve() as sites:
        click.echo(f"serving {len(sites)} demo site(s) on 127.0.0.1; auditing → {out}", err=True)
        try:
            batch = asyncio.run(audit_sites(list(sites.values()), ruleset, options, on_done=_progress))
        except BrowserNotFoundError as exc:
            click.echo(str(exc), err=True)
            raise SystemExit(EXIT_USAGE) from exc
    _finish(batch, out, lang, demo=True)


def run() -> None:
    try:
        main(standalone_mode=True)
    except AuditorError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    run()
