"""What decides a batch's results, kept in its store; what a resumed run must share with the run that began it.

A batch of 10 000 sites may take several runs (Ctrl-C, kill -9, a reboot). Its rules, its
selection of rules, its default profiles and language, and whether pictures are taken
are fixed when it starts: a resumed run that changed them would mix two audits in one report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from auditor.judge.ruleset import Ruleset
from auditor.models import Lang
from auditor.options import RunOptions
from auditor.resources import rules_dir, version


class BatchSettings(BaseModel):
    """What decides a batch's results; a resumed run must use the same, or reports would mix rule versions."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    rules_dir: str | None  # None: the bundled pack
    only: list[str] = []
    rule_ids: list[str]
    rules_digest: str
    pack: str
    pack_version: str
    default_profiles: list[str]
    lang: Lang
    allow_private: bool = False
    screenshots: bool = True
    whole_pages: bool = False
    tool_version: str


def rules_digest(ruleset: Ruleset, only: list[str]) -> str:
    """Changes when any file of the pack, or the rule selection, changes."""
    digest = hashlib.sha256()
    for path in sorted(ruleset.directory.rglob("*.yaml")):
        digest.update(path.relative_to(ruleset.directory).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(("\0".join(sorted(only))).encode())
    return digest.hexdigest()[:16]


def batch_settings(ruleset: Ruleset, options: RunOptions, only: list[str]) -> BatchSettings:
    bundled = ruleset.directory.resolve() == rules_dir().resolve()
    return BatchSettings(
        rules_dir=None if bundled else str(ruleset.directory.resolve()), only=sorted(only),
        rule_ids=[r.id for r in ruleset.rules], rules_digest=rules_digest(ruleset, only),
        pack=ruleset.pack.pack, pack_version=ruleset.pack.version, default_profiles=list(options.default_profiles),
        lang=options.lang, allow_private=options.limits.allow_private, screenshots=options.limits.screenshots,
        whole_pages=options.limits.whole_pages,
        tool_version=version())


def resume_problems(stored: BatchSettings, ruleset: Ruleset, requested: Mapping[str, object]) -> list[str]:
    """Why this batch cannot be resumed as asked: options that decide results must not change midway."""
    problems = [f"--{name.replace('_', '-')}: this audit was started with {getattr(stored, name)!r}, not {value!r}"
                for name, value in requested.items() if value != getattr(stored, name)]
    if rules_digest(ruleset, stored.only) != stored.rules_digest:
        problems.append("the rule files changed since this audit started; finish it with the same rules, "
                        "or judge its snapshots with the new ones: auditor audit --from-snapshots OUT -o NEW")
    return problems
