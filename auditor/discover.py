"""Which links on the homepage lead to the pages the rules need.

Pure functions over a snapshot's links; the vocabulary is data (``rules/pages.yaml``)
so a compliance officer can add a wording without touching code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditor.errors import RuleFileError
from auditor.layout import parse_yaml, read_regular
from auditor.models import Text
from auditor.normalize import cached_for_short_texts, normalize
from auditor.urls import split_url


class PageKind(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Text
    link_text: list[str] = Field(min_length=1)
    url_hints: list[str] = Field(default_factory=list)


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    home_label: Text = Text(zh="首页", en="homepage")
    kinds: dict[str, PageKind]


MAX_VOCABULARY_BYTES = 1_000_000


def load_vocabulary(path: Path) -> Vocabulary:
    try:
        data = parse_yaml(read_regular(path, MAX_VOCABULARY_BYTES).decode("utf-8"))
        return Vocabulary.model_validate(data)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError([f"{path}: file: {exc}"]) from exc
    except yaml.YAMLError as exc:
        raise RuleFileError([f"{path}: yaml: {exc}"]) from exc
    except ValidationError as exc:
        raise RuleFileError(
            [f"{path}: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()]
        ) from exc


def score(kind: PageKind, text: str, url: str) -> int:
    """How strongly a link looks like a link to this page kind (0: not at all)."""
    return _score(_terms(tuple(kind.link_text)), tuple(kind.url_hints), text, url)


def _score(terms: tuple[str, ...], url_hints: tuple[str, ...], text: str, url: str) -> int:
    label = _label(text)
    best = 0
    for wanted in terms:
        if label == wanted:
            best = max(best, 100)
        elif wanted in label and len(label) <= 4 * len(wanted) + 8:
            best = max(best, 70 - min(len(label) - len(wanted), 20))
    parts = split_url(url) if url else None
    path = parts.path.lower() if parts else ""
    if any(hint in path for hint in url_hints):
        best = max(best, 30 if best == 0 else best + 5)
    return best


# A page has hundreds of links and the vocabulary a dozen kinds: each label and each term is
# normalised once, not once per (link, kind, term) — that was a tenth of a batch's Python time.
@lru_cache(maxsize=64)
def _terms(link_text: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(wanted for term in link_text if (wanted := normalize(term).lower()))


@cached_for_short_texts(maxsize=4096)
def _label(text: str) -> str:
    return normalize(text).lower()


def rank(kind: PageKind, candidates: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """Score (text, url) pairs for one kind, best first, dropping non-matches."""
    terms, hints = _terms(tuple(kind.link_text)), tuple(kind.url_hints)
    scored = [(_score(terms, hints, text, url), text, url) for text, url in candidates]
    return sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])
