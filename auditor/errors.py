"""Exceptions the auditor raises on purpose, and how an error is cut to one line.

    AuditorError
    ├── UsageError         the command cannot run as asked (exit 2, nothing changed)
    ├── RuleFileError      a rule or vocabulary file is invalid (exit 2, before browsing)
    ├── InputFileError     the URL list / CSV cannot be read at all
    ├── SnapshotError      a stored snapshot or report.json cannot be read
    ├── StoreError         the batch store cannot be used (locked, newer, not a store)
    ├── OutputError        the output folder cannot be written (read-only, full disk): the run stops
    └── BrowserNotFoundError    no Chromium to launch

Problems with one site, page or rule are not exceptions: they become results
(``SiteStatus.UNREACHABLE``, ``Outcome.ERROR``) so a batch always finishes.
"""

from __future__ import annotations

import errno

MAX_REASON_CHARS = 300  # an error message kept in a report: one line, this long at most


class AuditorError(Exception):
    """Base of the auditor's own errors."""


class UsageError(AuditorError):
    """The command cannot run as asked; the message says why and what to do instead."""


class RuleFileError(AuditorError):
    """Problems found in rule files, one ``file: field: problem`` line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class InputFileError(AuditorError):
    pass


class SnapshotError(AuditorError):
    pass


class StoreError(AuditorError):
    """The store cannot be used: locked by another run, from a newer tool, or not a store."""


class BrowserNotFoundError(AuditorError):
    pass


class OutputError(AuditorError):
    """The output folder cannot take what the run writes (read-only, disk full): no site's fault."""


# errno values that say "our disk", never "this site": read-only, full, over quota, not allowed.
OUT_OF_ROOM = {errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EFBIG}


def output_problem(exc: BaseException) -> str | None:
    """A one-line reason when `exc` says the output folder cannot be written, else None."""
    if isinstance(exc, OSError) and exc.errno in OUT_OF_ROOM:
        return f"{exc.filename or 'output folder'}: {exc.strerror}" if exc.strerror else str(exc)
    text = str(exc).lower()
    if type(exc).__name__ == "OperationalError" and ("disk" in text or "readonly" in text or "read-only" in text):
        return f"batch store: {exc}"  # sqlite3: database or disk is full, attempt to write a readonly database
    return None


def short_error(exc: BaseException) -> str:
    """The first line of an exception's message (its type when it has none), cut to a report's length."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return first[:MAX_REASON_CHARS]


def reason(text: str) -> str:
    """A reason kept in a report: cut to a report's length."""
    return text[:MAX_REASON_CHARS]
