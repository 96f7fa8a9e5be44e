"""Rebuild whenever the articles, the curation file or the theme change, in one long-lived process.

A rebuild here skips what a fresh command pays every time: starting Python,
importing the libraries, compiling the templates and loading the spaCy model
(loaded once, after the first build; the process that extracts a rebuild's
changed articles inherits it). Changes are found by polling file sizes and
times, so nothing beyond the standard library is needed.
"""
from __future__ import annotations

import gc
import os
import time
from pathlib import Path
from typing import Callable, Optional

from generator import pipeline
from generator.extract.nlp import load_model
from generator.ingest import IngestError
from generator.settings import Settings

Snapshot = dict[str, tuple[int, int]]  # file path → (size, modification time in ns)
THEME = ("mkdocs.yml", "overrides")  # in the project: what shapes every page besides the articles


def watched(settings: Settings) -> list[Path]:
    """The seeds folder (articles, sidecars, curation file), mkdocs.yml and overrides/."""
    return [Path(settings.seeds)] + [Path(settings.project) / name for name in THEME]


def generated(settings: Settings) -> list[Path]:
    """Folders the build writes: never watched, even inside a watched folder."""
    return [settings.content_dir, settings.site_dir, settings.build_dir, settings.dist_dir, settings.cache_dir]


def snapshot(roots: list[Path], skip: tuple[Path, ...] = ()) -> Snapshot:
    """Size and modification time of every file under the roots but not under ``skip``."""
    skipped = tuple(os.path.abspath(folder) + os.sep for folder in skip)
    found: Snapshot = {}
    for root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if os.path.abspath(path).startswith(skipped):
                continue
            try:
                info = path.stat()
            except OSError:  # removed while we looked: the next snapshot tells
                continue
            found[os.fspath(path)] = (info.st_size, info.st_mtime_ns)
    return found


def build_once(settings: Settings, progress: pipeline.Progress) -> bool:
    """One build; a failure is reported, not raised, so watching goes on. True when it succeeded."""
    began = time.perf_counter()
    try:
        pipeline.build(settings, progress)
    except (IngestError, RuntimeError) as err:
        progress(f"error: {err}")
        progress("watch: fix it and save again; still watching")
        return False
    progress(f"watch: built in {time.perf_counter() - began:.1f} s")
    return True


def keep_model_loaded(settings: Settings, progress: pipeline.Progress) -> None:
    """Load the spaCy model in this process, so every rebuild's extraction starts with it."""
    try:
        load_model(settings.model)
    except RuntimeError as err:
        progress(f"warning: {err}")


def between_builds() -> None:
    """Free the last build's graph now, while nothing waits, not in the middle of the next build
    (its objects were kept from the collector's reach while it ran)."""
    gc.collect()


def watch(settings: Settings, progress: pipeline.Progress = pipeline.stderr_progress, interval: float = 1.0,
          rebuilds: Optional[int] = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Build, then rebuild after every change to the watched files, until interrupted or after
    ``rebuilds`` rebuilds. Returns how many builds failed."""
    roots, skip = watched(settings), tuple(generated(settings))
    seen = snapshot(roots, skip)
    failed = 0 if build_once(settings, progress) else 1
    keep_model_loaded(settings, progress)
    between_builds()
    progress(f"watch: watching {', '.join(os.fspath(r) for r in roots)} (Ctrl-C stops)")
    done = 0
    while rebuilds is None or done < rebuilds:
        sleep(interval)
        now = snapshot(roots, skip)
        if now == seen:
            continue
        changed = [path for path in now.keys() | seen.keys() if now.get(path) != seen.get(path)]
        progress(f"watch: {len(changed)} file(s) changed; rebuilding")
        seen = now
        failed += 0 if build_once(settings, progress) else 1
        between_builds()
        done += 1
    return failed
