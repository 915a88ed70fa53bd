"""The Jinja environment every report and notice is written with, and where its compiled templates are kept.

Compiling the report templates costs a quarter of a second a process (site.html, index.html,
notice.html), which every audit, every `auditor demo` and every test writing a report paid
again; jinja's bytecode cache keeps them compiled in a folder of the user's own (mode 0700,
checked by jinja), keyed by each template's source. The cache only ever saves time: a folder
that cannot be made, read or written leaves the templates compiled in memory as before.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

log = logging.getLogger(__name__)

# What the compiled code depends on besides a template's source (which jinja's checksum covers):
# the options it is compiled with (template_environment's) and jinja's own version (its runtime
# calls). A change of either is another file name, never a stale template.
_COMPILED_WITH = f"jinja {jinja2.__version__}, autoescape, trim_blocks, lstrip_blocks"
_KEY = hashlib.sha256(_COMPILED_WITH.encode()).hexdigest()[:12]
CACHE_DIR: Path | None = None  # None: this user's jinja folder in the temporary folder (the tests set their own)


class _CompiledTemplates(FileSystemBytecodeCache):
    """jinja's file cache, which a full disk or a folder taken away only makes slower."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError as exc:  # jinja lets only a missing file pass; an unreadable one is the same to us
            log.debug("compiled template not read: %s", exc)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as exc:
            log.debug("compiled template not kept: %s", exc)


def compiled_templates(directory: Path | None = None) -> FileSystemBytecodeCache | None:
    """The cache in `directory` (None: CACHE_DIR), or None if it cannot be had."""
    directory = directory or CACHE_DIR
    try:
        return _CompiledTemplates(str(directory) if directory else None, pattern=f"auditor-{_KEY}-%s.cache")
    except (OSError, RuntimeError) as exc:  # RuntimeError: jinja found the folder not safely ours
        log.debug("templates compiled in memory only: %s", exc)
        return None


def template_environment(templates: Path, cache_dir: Path | None = None) -> Environment:
    """An environment reading `templates`: autoescaped (site text is hostile), strict about missing values,
    its compiled templates kept in `cache_dir` (compiled_templates)."""
    return Environment(loader=FileSystemLoader(templates), undefined=StrictUndefined, autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, bytecode_cache=compiled_templates(cache_dir))
