"""Digests of the generator's own code: a cache keyed by one follows every change to that code."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def code_digest(stage: str) -> str:
    """Hash of a stage's modules (``generator/<stage>/*.py``) and of the data model they produce."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.joinpath(stage).glob("*.py"), PACKAGE / "model.py"]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]
