"""MkDocs + Material builds of the rendered content folder."""
from __future__ import annotations

import sys
from pathlib import Path

from generator.site import config as site_config

MAX_WARNINGS_SHOWN = 5


def build_site(content_dir: Path, site_dir: Path, project: Path) -> None:
    """Build content_dir into site_dir with project/mkdocs.yml (hosted site, directory URLs)."""
    run_build(content_dir, site_dir, project, offline=False)


def run_build(content_dir: Path, site_dir: Path, project: Path, offline: bool) -> None:
    """One quiet, reproducible MkDocs build; RuntimeError with what to do when it fails."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    site_config.check_content(content_dir)
    with site_config.quiet_mkdocs() as warnings, site_config.reproducible_dates():
        cfg = site_config.load(content_dir, site_dir, project, offline=offline)
        try:
            build(cfg, dirty=False)
        except MkDocsException as error:
            raise RuntimeError(f"MkDocs could not build {content_dir}: {error}") from None
        except OSError as error:
            raise RuntimeError(f"MkDocs could not write {site_dir}: {error}") from None
    report_warnings(warnings.messages)


def report_warnings(messages: list[str]) -> None:
    """Print MkDocs' warnings in a short block (the first few, then a count)."""
    if not messages:
        return
    for message in messages[:MAX_WARNINGS_SHOWN]:
        print(f"warning: mkdocs: {message.splitlines()[0]}", file=sys.stderr)
    if len(messages) > MAX_WARNINGS_SHOWN:
        print(f"warning: mkdocs: {len(messages) - MAX_WARNINGS_SHOWN} more warnings", file=sys.stderr)
