"""Pages made of their own data alone, and the memo that spares rendering them again.

A source page is made of its article; a quotes, actor or event page of its item
and the items in its reach (`generator.render.pages.Reach`). `PageRenderer`
renders those pages from that data only (the template sees nothing else), so a
digest of the data, with the generator's code and Jinja's version, says what the
page holds. The memo, a state
file, records each such page's key and the digest of its bytes; a rebuild leaves a
page unrendered when its key is the recorded one and its file still holds those bytes.
"""
from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from generator.versions import package_digest


@dataclass(frozen=True)
class Closed:
    """A page rendered by ``make(data)`` from ``data()`` alone."""

    make: Callable[[Any], str]
    data: Callable[[], Any]

    def __call__(self) -> str:
        return self.make(self.data())


def memo_key(data: Any) -> str:
    """What a page made of ``data`` alone holds: a digest of the data and the generator's code."""
    digest = hashlib.sha256(package_digest().encode())
    digest.update(pickle.dumps(data, protocol=5))
    return digest.hexdigest()


Memo = dict[str, list[str]]  # page path → [key, sha256 of its bytes]


def read_memo(path: Path) -> Memo:
    """The recorded keys and digests; {} without a file or with one that is not a memo."""
    try:
        recorded = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(recorded, dict):
        return {}
    return {page: entry for page, entry in recorded.items()
            if isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)}


def write_memo(path: Path, memo: Memo) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(memo, sort_keys=True), encoding="utf-8")


def unchanged(memo: Memo, page: str, key: str, file: Path) -> Optional[str]:
    """The page's digest when the memo holds ``key`` for it and the file still has those bytes; else None."""
    recorded = memo.get(page)
    if recorded is None or recorded[0] != key:
        return None
    try:
        with open(file, "rb") as handle:
            held = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    return held if held == recorded[1] else None
