"""The MkDocs + Material build of the rendered content folder, shared among worker processes.

One build serves both publications: page URLs end in ``.html`` and the search index is also
shipped as a script (Material's ``offline`` plugin), so the same folder works from any web
server and from ``file://``. The pages are dealt round-robin to ``jobs`` shares; each share is
a MkDocs build of its own pages (MkDocs' ``dirty`` mode told which files to redo), the first
one into the site folder with the theme's files, the others into scratch folders whose pages
are then moved in. The shares' search entries are merged in the order one build writes them.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.site import config as site_config
from generator.site import incremental, worker

MAX_WARNINGS_SHOWN = 5
PAGES_PER_SHARE = 200  # fewer pages than this to build: one process (a share costs a MkDocs start-up)
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"  # MkDocs' caution, answered by `incremental`


@dataclass(frozen=True)
class Share:
    """One worker's part of a build: which pages it takes and where it writes them."""

    number: int
    count: int
    site_dir: Path


@dataclass
class ShareResult:
    """What a share built: its pages (site-relative paths), its search entries, MkDocs' warnings."""

    pages: list[str]
    index: dict
    order: list[str]
    warnings: list[str]


def build_site(content_dir: Path, site_dir: Path, project: Path, state: Path | None = None,
               digests: dict[str, str] | None = None, jobs: int = 1) -> None:
    """Build content_dir into site_dir with project/mkdocs.yml, in ``jobs`` processes.

    With a state file, a rebuild redoes only the pages whose files changed (see `incremental`);
    ``digests`` are the content files' (`incremental.file_digests`) when the caller has them already.
    RuntimeError, saying what to do, when the build fails.
    """
    site_config.check_content(content_dir)
    site_dir = Path(site_dir)
    with site_config.quiet_mkdocs() as warnings, site_config.reproducible_dates():
        cfg = site_config.load(content_dir, site_dir, project)
        files = digests if digests is not None else incremental.file_digests(content_dir)
        stamp = incremental.fingerprint(project, cfg)
        plan = incremental.prepare(cfg, incremental.read_state(state), stamp, files)
        if state is not None:
            Path(state).unlink(missing_ok=True)
        if not plan.dirty:
            clean_folder(site_dir)
        templates = Path(state).with_suffix(".templates") if state is not None else None
        count = share_count(jobs, len(plan.changed_urls) if plan.dirty else sum(p.endswith(".md") for p in files))
        results = build_shares(content_dir, site_dir, project, plan, count, templates)
        incremental.finish(site_dir, plan, results[0].order, [r.index for r in results])
        worker.write_worker_sources(site_dir, worker.search_languages(cfg))
    if state is not None:
        incremental.write_state(state, stamp, files)
    report_warnings(list(dict.fromkeys(warnings.messages + [m for result in results for m in result.warnings])))


def share_count(jobs: int, pages: int) -> int:
    """How many processes to share the build among: at most ``jobs``, one per `PAGES_PER_SHARE` pages."""
    return max(1, min(jobs, pages // PAGES_PER_SHARE))


def clean_folder(folder: Path) -> None:
    """An empty folder (created, or emptied the way MkDocs' clean build empties it)."""
    from mkdocs.utils import clean_directory

    folder.mkdir(parents=True, exist_ok=True)
    clean_directory(str(folder))


def build_shares(content_dir: Path, site_dir: Path, project: Path, plan: incremental.Plan, count: int,
                 templates: Path | None) -> list[ShareResult]:
    """Run the shares (side by side when more than one) and gather their pages into site_dir."""
    if count == 1:
        return [build_share(content_dir, project, plan, Share(0, 1, site_dir), templates)]
    scratch = Path(tempfile.mkdtemp(prefix=".shares-", dir=site_dir.parent))
    try:
        shares = [Share(n, count, site_dir if n == 0 else scratch / str(n)) for n in range(count)]
        with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(build_share, content_dir, project, plan, share, templates) for share in shares]
            results = [future.result() for future in futures]
        for share, result in zip(shares[1:], results[1:]):
            move_pages(share.site_dir, site_dir, result.pages)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def build_share(content_dir: Path, project: Path, plan: incremental.Plan, share: Share,
                templates: Path | None) -> ShareResult:
    """One MkDocs build of the share's pages (and, for the first share, of everything else)."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    with site_config.quiet_mkdocs() as warnings, site_config.reproducible_dates():
        cfg = site_config.load(content_dir, share.site_dir, project)
        hooks = incremental.build_hooks_plugin(share, plan, templates)
        cfg.plugins["generator/build-hooks"] = hooks
        try:
            build(cfg, dirty=True)
        except MkDocsException as error:
            raise RuntimeError(f"MkDocs could not build {content_dir}: {error}") from None
        except OSError as error:
            raise RuntimeError(f"MkDocs could not write {share.site_dir}: {error}") from None
        index_path = share.site_dir / incremental.INDEX
        if not index_path.is_file():
            raise RuntimeError(f"the build in {share.site_dir} wrote no {incremental.INDEX}: is the search plugin enabled?")
        index = json.loads(index_path.read_text(encoding="utf-8"))
    return ShareResult(hooks.built, index, hooks.order, warnings.messages)


def move_pages(source: Path, target: Path, pages: list[str]) -> None:
    """Move a share's pages from its scratch folder into the site folder."""
    for page in pages:
        destination = target / page
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source / page, destination)


def report_warnings(messages: list[str]) -> None:
    """Print MkDocs' warnings in a short block (the first few, then a count)."""
    messages = [m for m in messages if not m.startswith(DIRTY_BUILD_WARNING)]
    if not messages:
        return
    for message in messages[:MAX_WARNINGS_SHOWN]:
        print(f"warning: mkdocs: {message.splitlines()[0]}", file=sys.stderr)
    if len(messages) > MAX_WARNINGS_SHOWN:
        print(f"warning: mkdocs: {len(messages) - MAX_WARNINGS_SHOWN} more warnings", file=sys.stderr)
