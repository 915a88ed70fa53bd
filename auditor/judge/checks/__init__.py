"""The checks rule files name, by family; importing this package registers them all in ``CHECKS``.

    base.py       Verdict, Context, the registry and the helpers the families share
    numbers.py    ICP filing and licence numbers, police filing: shown, linked, placed
    identity.py   business licence, entity name, phone, address, complaint channel
    documents.py  linked documents: they open; what they state, sentence by sentence
    registry.py   consistency across pages, and the registry cross-checks
"""

from __future__ import annotations

from auditor.judge.checks import documents, identity, numbers, registry
from auditor.judge.checks.base import CHECKS, ENGINE_CODES, CheckSpec, Context, DocumentWords, Params, Verdict

FAMILIES = (numbers, identity, documents, registry)
__all__ = ["CHECKS", "ENGINE_CODES", "FAMILIES", "CheckSpec", "Context", "DocumentWords", "Params", "Verdict"]
