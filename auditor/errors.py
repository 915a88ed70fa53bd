"""Exceptions the auditor raises on purpose.

    AuditorError
    ├── RuleFileError      a rule or vocabulary file is invalid (exit 2, before browsing)
    ├── InputFileError     the URL list / CSV cannot be read at all
    ├── SnapshotError      a stored snapshot cannot be read
    └── BrowserNotFoundError    no Chromium to launch

Problems with one site, page or rule are not exceptions: they become results
(``SiteStatus.UNREACHABLE``, ``Outcome.ERROR``) so a batch always finishes.
"""

from __future__ import annotations


class AuditorError(Exception):
    """Base of the auditor's own errors."""


class RuleFileError(AuditorError):
    """Problems found in rule files, one ``file: field: problem`` line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class InputFileError(AuditorError):
    pass


class SnapshotError(AuditorError):
    pass


class BrowserNotFoundError(AuditorError):
    pass
