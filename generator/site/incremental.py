"""Incremental MkDocs builds: after a small change, rebuild only the pages whose files changed.

MkDocs' ``dirty`` mode builds only the files it is told are modified. This
module decides which, and makes the result equal a clean build:

* a state file records what the last successful build saw (a digest of every
  content file, and a fingerprint of the configuration, theme and tools); when
  the fingerprint differs, or there is no state, the build is a clean one;
* before the build, the output of every changed or removed file is deleted;
  the build hooks give each share (see `build`) its changed pages;
* after the build, the search index (which each share writes for the pages
  it built only) is completed from the previous index, in the order a clean
  build writes it, so the result is byte-identical to a clean build.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Iterator

from generator.site import config as site_config

INDEX = Path("search") / "search_index.json"
INDEX_SCRIPT = Path("search") / "search_index.js"  # the offline plugin's copy of the index, for file://


@dataclass
class Plan:
    """What a build will do: clean, or dirty with the pages whose entries must be redone."""

    dirty: bool
    changed_urls: set[str]
    previous_index: dict | None
    removed_outputs: list[Path] = field(default_factory=list)  # outputs of files no longer in the content


def file_digests(content_dir: Path, known: dict[str, str] | None = None) -> dict[str, str]:
    """sha256 of every file under content_dir, by posix relative path, sorted (links to folders not followed).

    ``known``: digests the caller is sure of (files it has just written): those files are not read.
    """
    known = known or {}
    digests = {}
    for relative, entry in sorted(walk_files(str(content_dir)), key=lambda item: item[0]):
        if not entry.is_file():
            continue
        if relative in known:
            digests[relative] = known[relative]
            continue
        with open(entry.path, "rb") as handle:
            digests[relative] = hashlib.sha256(handle.read()).hexdigest()
    return digests


def walk_files(root: str, prefix: str = "") -> Iterator[tuple[str, os.DirEntry]]:
    """(posix relative path, entry) of everything under root but folders; links to folders are not followed."""
    with os.scandir(root) as entries:
        for entry in entries:
            relative = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                yield from walk_files(entry.path, relative + "/")
            else:
                yield relative, entry


def fingerprint(project: Path, cfg) -> str:
    """Everything besides the content that shapes every page: config, overrides, tools, dates."""
    digest = hashlib.sha256()
    parts = [site_config.config_path(project).read_bytes(), str(cfg.use_directory_urls).encode(),
             str(site_config.source_date_epoch()).encode(), Path(cfg.docs_dir).as_posix().encode()]
    parts += [metadata.version(name).encode() for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")]
    overrides = Path(project) / "overrides"
    for digest_path, value in sorted(file_digests(overrides).items()) if overrides.is_dir() else []:
        parts += [digest_path.encode(), value.encode()]
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def read_state(state_path: Path | None) -> dict | None:
    """The last successful build's state, or None when absent or unreadable."""
    if state_path is None or not Path(state_path).is_file():
        return None
    try:
        state = json.loads(Path(state_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and isinstance(state.get("files"), dict) else None


def write_state(state_path: Path, stamp: str, files: dict[str, str]) -> None:
    """Record a successful build (written last, so an interrupted build leaves no state)."""
    Path(state_path).parent.mkdir(parents=True, exist_ok=True)
    Path(state_path).write_text(json.dumps({"fingerprint": stamp, "files": files}, sort_keys=True), encoding="utf-8")


def prepare(cfg, state: dict | None, stamp: str, files: dict[str, str]) -> Plan:
    """Decide clean or dirty; for dirty, delete the outputs of changed and removed files."""
    site_dir = Path(cfg.site_dir)
    index = site_dir / INDEX
    if not state or state.get("fingerprint") != stamp or not index.is_file():
        return Plan(dirty=False, changed_urls=set(), previous_index=None)
    previous = state["files"]
    stale = sorted(path for path in set(previous) | set(files) if previous.get(path) != files.get(path))
    changed_urls, removed = set(), []
    for relative in stale:
        output = output_file(cfg, relative)
        changed_urls.add(page_url(output))
        Path(output.abs_dest_path).unlink(missing_ok=True)
        if relative not in files:
            removed.append(Path(output.abs_dest_path))
    previous_index = json.loads(index.read_text(encoding="utf-8"))
    return Plan(dirty=True, changed_urls=changed_urls, previous_index=previous_index, removed_outputs=removed)


def output_file(cfg, relative: str):
    """MkDocs' File for a content path: where it lands in the site and its URL."""
    from mkdocs.structure.files import File

    return File(relative, cfg.docs_dir, cfg.site_dir, cfg.use_directory_urls)


def finish(site_dir: Path, plan: Plan, order: list[str], indexes: list[dict]) -> None:
    """After the shares' builds: one search index (and its script copy for file://) in the order a
    single clean build writes it, and no folders left empty by removed pages.

    ``order``: every page URL in build order; ``indexes``: each share's search index.
    """
    site_dir = Path(site_dir)
    previous = plan.previous_index["docs"] if plan.dirty else []
    fresh = [entry for index in indexes for entry in index["docs"]]
    docs = merged_entries(order, previous, fresh, plan.changed_urls)
    data = json.dumps({"config": indexes[0]["config"], "docs": docs}, separators=(",", ":"), default=str)
    (site_dir / INDEX).write_bytes(data.encode("utf-8"))
    (site_dir / INDEX_SCRIPT).write_text(f"var __index = {data}", encoding="utf-8")
    remove_empty_folders(site_dir, plan.removed_outputs)


def build_hooks_plugin(share, plan: Plan, templates_cache: Path | None = None):
    """A MkDocs plugin (add it last, to see the files after the other plugins) that

    * tells MkDocs' dirty mode which files this share builds: its round-robin part of the pages
      (only the changed ones when ``plan`` is a rebuild) and, for the first share only, the
      theme's and the content's other files, copied when changed;
    * records the page URLs in build order and the output paths of the pages it built;
    * with a folder, keeps the theme's compiled templates there for the next build (Jinja checks
      each template's source against its cached code).
    """
    from jinja2 import FileSystemBytecodeCache
    from mkdocs.plugins import BasePlugin

    class BuildHooks(BasePlugin):
        order: list[str] = []
        built: list[str] = []

        def on_files(self, files, config):
            self.order, self.built = [], []
            for number, file in enumerate(files.documentation_pages()):
                url = page_url(file)
                self.order.append(url)
                wanted = number % share.count == share.number and (not plan.dirty or url in plan.changed_urls)
                if wanted:
                    self.built.append(file.dest_uri)
                file.is_modified = (lambda answer=wanted: answer)
            if share.number:
                for file in files:
                    if not file.is_documentation_page():
                        file.is_modified = lambda: False
            return files

        def on_env(self, env, config, files):
            if templates_cache is not None:
                Path(templates_cache).mkdir(parents=True, exist_ok=True)
                env.bytecode_cache = FileSystemBytecodeCache(str(templates_cache))
            return env

    return BuildHooks()


def page_url(file) -> str:
    """The URL the search index uses for a file: MkDocs' Page.url ('' for the home page, not './')."""
    return "" if file.url in (".", "./") else file.url


def merged_entries(order: list[str], previous: list[dict], fresh: list[dict], changed: set[str]) -> list[dict]:
    """Entries of rebuilt pages from the fresh index, the rest from the previous one, in page order."""
    by_page: dict[str, list[dict]] = {}
    for entry in fresh:
        by_page.setdefault(page_of(entry), []).append(entry)
    redone = changed | set(by_page)
    for entry in previous:
        if page_of(entry) not in redone:
            by_page.setdefault(page_of(entry), []).append(entry)
    return [entry for url in order for entry in by_page.get(url, [])]


def page_of(entry: dict) -> str:
    """The page URL of a search index entry (its location without the anchor)."""
    return entry["location"].split("#", 1)[0]


def remove_empty_folders(root: Path, removed: list[Path]) -> None:
    """Delete folders emptied by removed pages (a clean build would not have them), from each one up."""
    root = Path(root)
    for output in removed:
        folder = output.parent
        while folder != root and root in folder.parents and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
