"""The search worker's code as a script, so file:// pages can run search off the main thread.

Browsers refuse ``new Worker(url)`` for a page opened from the file system, and
a page there cannot read a file's text either; but it can load a script, and
start a worker from a ``blob:`` URL. For each of Material's worker scripts the
site gets a ``<name>.source.js`` beside it that hands the worker's code, as a
string, to the local shim (overrides/assets/javascripts/iframe-worker.js). Where
that file is missing the shim runs the worker in a hidden iframe, on the page's
own thread.
"""
from __future__ import annotations

import json
from pathlib import Path

from generator.files import write_if_changed

WORKERS = Path("assets") / "javascripts" / "workers"
SOURCE_SUFFIX = ".source.js"
REGISTRY = "__workerSources"  # the shim's window property: worker file name → code


def source_script(name: str, code: str) -> bytes:
    """A script that registers ``code`` as the worker ``name``'s source."""
    return (f"(window.{REGISTRY} = window.{REGISTRY} || {{}})[{json.dumps(name)}] = "
            f"{json.dumps(code, ensure_ascii=True)};\n").encode("ascii")


def write_worker_sources(site_dir: Path, search_languages: list[str]) -> list[Path]:
    """Write ``<worker>.source.js`` beside each worker script; the paths written (or already right).

    Only for an English-only search: other languages make Material's worker import
    stemmer scripts by relative URL, which a ``blob:`` worker cannot resolve.
    """
    folder = Path(site_dir) / WORKERS
    if list(search_languages) != ["en"] or not folder.is_dir():
        return []
    written = []
    for script in sorted(folder.glob("*.js")):
        if script.name.endswith(SOURCE_SUFFIX):
            continue
        target = script.with_name(script.name + SOURCE_SUFFIX)
        write_if_changed(target, source_script(script.name, script.read_text(encoding="utf-8")))
        written.append(target)
    return written


def search_languages(cfg) -> list[str]:
    """The languages of Material's search plugin in a loaded MkDocs config ([] without it)."""
    plugin = cfg.plugins.get("material/search")
    return list(plugin.config.lang or []) if plugin is not None else []
