"""Where the bundled rules, templates and demo sites live.

In a checkout they are the top-level ``rules/`` and ``templates/`` folders; in an
installed wheel they are copied into ``auditor/_bundled/`` (see pyproject.toml), so the
``auditor`` command works from any directory.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TOOL_NAME = "disclosure-auditor"  # report.json `tool.name`, and the distribution's name


def _bundled(name: str) -> Path:
    checkout = PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    return PACKAGE_DIR / "_bundled" / name


def rules_dir() -> Path:
    return _bundled("rules")


def templates_dir() -> Path:
    return _bundled("templates")


def demo_dir() -> Path:
    return PACKAGE_DIR / "demo_sites"


def demo_followup_dir() -> Path:
    """The demo sites as they are at the follow-up audit (the shop, partly rectified)."""
    return PACKAGE_DIR / "demo_followup"


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(TOOL_NAME)
    except PackageNotFoundError:
        return "0.0.0+checkout"
