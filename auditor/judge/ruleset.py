"""Load and validate a rule pack: ``pack.yaml``, ``pages.yaml`` and one YAML file per rule.

Everything is checked before any browsing: unknown fields, unknown checks, bad check
parameters, messages missing for an outcome code a check can produce, and message
placeholders the check never fills. Each problem is one ``file: field: problem`` line.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from auditor.discover import Vocabulary, load_vocabulary
from auditor.errors import RuleFileError
from auditor.judge.checks import CHECKS, ENGINE_CODES, DocumentWords, Params
from auditor.layout import parse_yaml, read_regular
from auditor.models import PROFILES, Citation, Severity, Text
from auditor.resources import rules_dir

RESERVED = {"pack.yaml", "pages.yaml"}
RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(_Strict):
    id: str
    title: Text
    description: Text | None = None
    law: list[Citation] = Field(min_length=1)
    severity: Severity
    profiles: list[str] = Field(min_length=1)
    pages: list[str] = Field(default_factory=lambda: ["home"])
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    messages: dict[str, Text]
    remediation: Text
    tags: list[str] = Field(default_factory=list)

    @property
    def verified(self) -> bool:
        return all(c.verified for c in self.law)

    # What checked_params read, and from which check and parameters: a copy with other ones
    # (model_copy(update=…)) reads its own.
    _checked: tuple[str, dict[str, Any], Params] | None = PrivateAttr(default=None)

    @property
    def checked_params(self) -> Params:
        """The check's parameters as it reads them. Validated once, not at every run: a rule runs after
        every page of every site, and a document rule's items are hundreds of words to read (issue 17).
        A rule whose parameters do not validate raises here each time it is asked (the engine's error)."""
        # Read from the private attributes' own dict: `self._checked` goes through pydantic's
        # __getattr__, which asks its descriptor for `__get__` and fails: 3.3 µs a read, against 0.5 µs.
        private = self.__pydantic_private__
        kept = private.get("_checked") if private is not None else None
        if kept is None or kept[0] != self.check or kept[1] is not self.params:
            kept = self._checked = (self.check, self.params, CHECKS[self.check].params.model_validate(self.params))
        return kept[2]


class Pack(_Strict):
    pack: str
    version: str
    name: Text
    messages: dict[str, Text]
    problems: dict[str, Text] = Field(default_factory=dict)  # words for validator problem codes
    profiles: dict[str, Text] = Field(default_factory=dict)  # words for profile names
    documents: DocumentWords = Field(default_factory=DocumentWords)  # how every document rule reads denials, methods


@dataclass(frozen=True)
class Ruleset:
    pack: Pack
    vocabulary: Vocabulary
    rules: list[Rule]
    directory: Path

    def page_kinds(self, profiles: set[str]) -> set[str]:
        """Pages to render for a site: those its applicable rules read."""
        return {p for r in self.rules if profiles & set(r.profiles) for p in r.pages if p != "home"}

    def select(self, ids: list[str]) -> Ruleset:
        unknown = sorted(set(ids) - {r.id for r in self.rules})
        if unknown:
            raise RuleFileError([f"--rule: unknown rule id(s): {', '.join(unknown)}"])
        return Ruleset(self.pack, self.vocabulary, [r for r in self.rules if r.id in ids], self.directory)


MAX_RULE_FILE_BYTES = 1_000_000  # the largest rule file of the pack is 10 KB


def _load_yaml(path: Path) -> Any:
    try:
        return parse_yaml(read_regular(path, MAX_RULE_FILE_BYTES).decode("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "yaml"
        raise RuleFileError([f"{path}: {where}: {getattr(exc, 'problem', None) or exc}"]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError([f"{path}: file: {exc.strerror or exc}" if isinstance(exc, OSError)
                             else f"{path}: file: {exc}"]) from exc


def _pydantic_problems(path: Path, exc: ValidationError, prefix: str = "") -> list[str]:
    problems = []
    for err in exc.errors():
        field = ".".join(str(p) for p in (prefix, *err["loc"]) if p != "")
        problems.append(f"{path}: {field or 'root'}: {err['msg']}")
    return problems


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _rule_problems(path: Path, rule: Rule, vocabulary: Vocabulary, shared: dict[str, Text]) -> list[str]:
    problems = []
    if rule.id != path.stem:
        problems.append(f"{path}: id: '{rule.id}' must equal the file name '{path.stem}'")
    if not RULE_ID.match(rule.id):
        problems.append(f"{path}: id: use lower-case words joined by '-'")
    for profile in rule.profiles:
        if profile not in PROFILES:
            problems.append(f"{path}: profiles: unknown profile '{profile}' (known: {', '.join(PROFILES)})")
    for page in rule.pages:
        if page != "home" and page not in vocabulary.kinds:
            problems.append(f"{path}: pages: unknown page kind '{page}' (see pages.yaml)")
    spec = CHECKS.get(rule.check)
    if spec is None:
        return [*problems, f"{path}: check: unknown check '{rule.check}' (known: {', '.join(sorted(CHECKS))})"]
    try:
        rule.checked_params  # noqa: B018 (validated now, kept for every run)
    except ValidationError as exc:
        problems.extend(_pydantic_problems(path, exc, "params"))
    for code, fields in spec.codes.items():
        message = rule.messages.get(code) or shared.get(code)  # the pack's shared words serve every rule
        if message is None:
            problems.append(f"{path}: messages: missing message for outcome code '{code}'")
            continue
        for lang in ("zh", "en"):
            extra = placeholders(message.get(lang)) - set(fields)
            if extra:
                where = f"messages.{code}.{lang}" if code in rule.messages else f"pack.yaml messages.{code}.{lang}"
                problems.append(f"{path}: {where}: unknown placeholder(s) {sorted(extra)};"
                                f" this check fills {sorted(fields) or 'none'}")
    for code in set(rule.messages) - set(spec.codes) - set(ENGINE_CODES):
        problems.append(f"{path}: messages: check '{rule.check}' never produces code '{code}'")
    return problems


def load_rule(path: Path, vocabulary: Vocabulary, shared: dict[str, Text] | None = None
              ) -> tuple[Rule | None, list[str]]:
    try:
        data = _load_yaml(path)
    except RuleFileError as exc:
        return None, exc.problems
    if not isinstance(data, dict):
        return None, [f"{path}: root: expected a mapping of fields"]
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        return None, _pydantic_problems(path, exc)
    return rule, _rule_problems(path, rule, vocabulary, shared or {})


def load_ruleset(directory: Path) -> Ruleset:
    """Load every rule in `directory`; raise RuleFileError listing all problems at once."""
    if not directory.is_dir():
        raise RuleFileError([f"{directory}: directory: not found"])
    problems: list[str] = []
    pack_path = directory / "pack.yaml"
    pack: Pack | None = None
    if pack_path.is_file():
        try:
            pack = Pack.model_validate(_load_yaml(pack_path))
        except ValidationError as exc:
            problems.extend(_pydantic_problems(pack_path, exc))
        except RuleFileError as exc:
            problems.extend(exc.problems)
    else:
        problems.append(f"{pack_path}: file: missing (pack name, version and shared messages)")
    if pack is not None:
        for code in ENGINE_CODES:
            if code not in pack.messages:
                problems.append(f"{pack_path}: messages: missing shared message '{code}'")
    pages_path = directory / "pages.yaml"
    try:
        vocabulary = load_vocabulary(pages_path)
    except RuleFileError as exc:
        raise RuleFileError(problems + exc.problems) from exc
    rules: list[Rule] = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name in RESERVED:
            continue
        rule, rule_problems = load_rule(path, vocabulary, pack.messages if pack else {})
        problems.extend(rule_problems)
        if rule is not None:
            rules.append(rule)
    if not rules and not problems:
        problems.append(f"{directory}: rules: no rule files (*.yaml) found")
    if problems or pack is None:
        raise RuleFileError(problems)
    return Ruleset(pack=pack, vocabulary=vocabulary, rules=rules, directory=directory)


def load_pack(directory: Path | None = None, only: tuple[str, ...] | list[str] = ()) -> Ruleset:
    """The rule pack in `directory` (default: the bundled one), limited to the rule ids `only` if given."""
    ruleset = load_ruleset(directory or rules_dir())
    return ruleset.select(list(only)) if only else ruleset
