"""Pages made of their own data alone, and the memo that spares rendering them again.

A source page is made of its article; a quotes, actor or event page of its item
and the items in its reach (`generator.render.pages.Reach`). `PageRenderer`
renders those pages from that data only (the template sees nothing else), so a
digest of the data, with the generator's code and Jinja's version, says what the
page holds. The memo, a state
file, records each such page's key, the digest of its bytes and its file's size and time;
a rebuild leaves a page unrendered when its key is the recorded one and its file still
holds those bytes: known by its size and time, or for a file written just before the
build began (a coarse clock could hide a second write), by reading it.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from generator.files import RACY_NS
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


Memo = dict[str, list]  # page path → [key, sha256 of its bytes, file size, file mtime_ns]


def read_memo(path: Path) -> Memo:
    """The recorded entries; {} without a file or with one that is not a memo."""
    try:
        recorded = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(recorded, dict):
        return {}
    return {page: entry for page, entry in recorded.items() if _is_entry(entry)}


def _is_entry(entry: Any) -> bool:
    return (isinstance(entry, list) and len(entry) == 4 and all(isinstance(x, str) for x in entry[:2])
            and all(type(x) is int for x in entry[2:]))


def write_memo(path: Path, memo: Memo) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(memo, sort_keys=True), encoding="utf-8")


def memo_entry(key: str, digest: str, file: Path) -> list:
    """What the memo records of a page just made: its key, digest and file's size and time."""
    held = os.stat(file)
    return [key, digest, held.st_size, held.st_mtime_ns]


def unchanged(memo: Memo, page: str, key: str, file: Path, began_ns: int) -> Optional[list]:
    """The page's memo entry, up to date, when the memo holds ``key`` for it and the file still has
    those bytes; else None.

    A file of the recorded size and time, older than ``began_ns`` (the build's start) by `RACY_NS`,
    is trusted unread; any other is read and hashed.
    """
    recorded = memo.get(page)
    if recorded is None or recorded[0] != key:
        return None
    try:
        held = os.stat(file)
        if [held.st_size, held.st_mtime_ns] == recorded[2:] and held.st_mtime_ns < began_ns - RACY_NS:
            return recorded
        with open(file, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    return [key, digest, held.st_size, held.st_mtime_ns] if digest == recorded[1] else None
