"""Writing generated files: a file that already holds the bytes is left alone (its time shows the last change)."""
from __future__ import annotations

from pathlib import Path

# A file whose time is this close to a build's start may hide a second write (coarse file clocks):
# it is read, not trusted by its size and time.
RACY_NS = 2_000_000_000


def write_if_changed(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (making its folder) unless the file holds it already."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            if handle.read(len(data) + 1) == data:
                return
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
