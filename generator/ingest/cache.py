"""The ingest cache: parsed Sources of the last run, keyed by a digest of the files' bytes.

One pickle file holds every entry; entries no longer used are dropped when it is saved.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Optional

from generator.model import Source


class SourceCache:
    """Pickled Sources by key, read from and saved to one file (no file: nothing is cached)."""

    def __init__(self, path: Optional[Path]) -> None:
        self.path = Path(path) if path is not None else None
        self.stored = self._load()
        self.used: dict[str, bytes] = {}

    def _load(self) -> dict[str, bytes]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            stored = pickle.loads(self.path.read_bytes())
        except Exception:  # a damaged cache is simply rebuilt
            return {}
        return stored if isinstance(stored, dict) else {}

    def get(self, key: str) -> Optional[Source]:
        """A fresh copy of the Source stored under ``key``, or None."""
        data = self.stored.get(key)
        if data is None:
            return None
        try:
            source = pickle.loads(data)
        except Exception:  # a damaged entry is simply parsed again
            return None
        if not isinstance(source, Source):
            return None
        self.used[key] = data
        return source

    def put(self, key: str, source: Source) -> None:
        """Remember ``source`` as parsed (call before anything changes it)."""
        if self.path is not None:
            self.used[key] = pickle.dumps(source, protocol=4)

    def save(self) -> None:
        """Write the entries used in this run, when they differ from the file's."""
        if self.path is None or self.used.keys() == self.stored.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_bytes(pickle.dumps(self.used, protocol=4))
        partial.replace(self.path)
