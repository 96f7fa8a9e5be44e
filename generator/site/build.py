"""MkDocs + Material builds of the rendered content folder."""
from __future__ import annotations

import sys
from pathlib import Path

from generator.site import config as site_config
from generator.site import incremental

MAX_WARNINGS_SHOWN = 5
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"  # MkDocs' caution, answered by `incremental`


def build_site(content_dir: Path, site_dir: Path, project: Path, state: Path | None = None,
               digests: dict[str, str] | None = None) -> None:
    """Build content_dir into site_dir with project/mkdocs.yml (hosted site, directory URLs).

    With a state file, a rebuild redoes only the pages whose files changed (see `incremental`);
    ``digests`` are the content files' (`incremental.file_digests`) when the caller has them already.
    """
    run_build(content_dir, site_dir, project, offline=False, state=state, digests=digests)


def run_build(content_dir: Path, site_dir: Path, project: Path, offline: bool, state: Path | None = None,
              digests: dict[str, str] | None = None) -> None:
    """One quiet, reproducible MkDocs build; RuntimeError with what to do when it fails."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    site_config.check_content(content_dir)
    with site_config.quiet_mkdocs() as warnings, site_config.reproducible_dates():
        cfg = site_config.load(content_dir, site_dir, project, offline=offline)
        files = digests if digests is not None else incremental.file_digests(content_dir)
        stamp = incremental.fingerprint(project, cfg, offline)
        plan = incremental.prepare(cfg, incremental.read_state(state), stamp, files)
        if state is not None:
            Path(state).unlink(missing_ok=True)
        hooks = incremental.build_hooks_plugin(Path(state).with_suffix(".templates") if state is not None else None)
        cfg.plugins["generator/build-hooks"] = hooks
        try:
            build(cfg, dirty=plan.dirty)
            incremental.finish(cfg, plan, offline, hooks.files)
        except MkDocsException as error:
            raise RuntimeError(f"MkDocs could not build {content_dir}: {error}") from None
        except OSError as error:
            raise RuntimeError(f"MkDocs could not write {site_dir}: {error}") from None
    if state is not None:
        incremental.write_state(state, stamp, files)
    report_warnings(warnings.messages)


def report_warnings(messages: list[str]) -> None:
    """Print MkDocs' warnings in a short block (the first few, then a count)."""
    messages = [m for m in messages if not m.startswith(DIRTY_BUILD_WARNING)]
    if not messages:
        return
    for message in messages[:MAX_WARNINGS_SHOWN]:
        print(f"warning: mkdocs: {message.splitlines()[0]}", file=sys.stderr)
    if len(messages) > MAX_WARNINGS_SHOWN:
        print(f"warning: mkdocs: {len(messages) - MAX_WARNINGS_SHOWN} more warnings", file=sys.stderr)
