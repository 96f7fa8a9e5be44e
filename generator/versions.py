"""Digests of the generator's own code: a cache keyed by one follows every change to that code."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def code_digest(stage: str) -> str:
    """Hash of a stage's modules (``generator/<stage>/*.py``) and of the data model they produce."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.joinpath(stage).glob("*.py"), PACKAGE / "model.py"]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def package_digest() -> str:
    """Hash of every module and template of the generator, and of Jinja's version (which renders them)."""
    digest = hashlib.sha256(metadata.version("jinja2").encode())
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
