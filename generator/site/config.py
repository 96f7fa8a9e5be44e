"""Loading the project's mkdocs.yml with per-build overrides."""
from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any, Iterator

CONFIG_NAME = "mkdocs.yml"
FIXED_EPOCH = "315532800"  # 1980-01-01T00:00:00Z, the earliest date a zip entry can carry
WORKER_SHIM = "assets/javascripts/iframe-worker.js"


def config_path(project: Path) -> Path:
    """The project's base mkdocs.yml, or a RuntimeError saying what to do."""
    path = Path(project) / CONFIG_NAME
    if not path.is_file():
        raise RuntimeError(
            f"no {CONFIG_NAME} in {Path(project).resolve()}: run the generator from the project root "
            f"or pass the project folder that holds {CONFIG_NAME} and overrides/"
        )
    return path


def check_content(content_dir: Path) -> None:
    """Fail early, and clearly, when there is nothing to build."""
    if not (Path(content_dir) / "index.md").is_file():
        raise RuntimeError(
            f"{content_dir} has no index.md: render the pages first (python -m generator build)"
        )


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else 1980-01-01."""
    value = os.environ.get("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    try:
        return max(int(value), int(FIXED_EPOCH))
    except ValueError:
        raise RuntimeError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}") from None


@contextlib.contextmanager
def reproducible_dates() -> Iterator[None]:
    """Pin the build date MkDocs writes into sitemap.xml(.gz) for the duration of a build."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def raw_config(project: Path) -> dict[str, Any]:
    """The base mkdocs.yml as plain data (for merging keys the overrides replace whole)."""
    from mkdocs.utils import yaml_load

    with open(config_path(project), encoding="utf-8") as handle:
        return yaml_load(handle) or {}


def load(content_dir: Path, site_dir: Path, project: Path):
    """A validated MkDocsConfig for building content_dir into site_dir, ready for file:// (see `offline_overrides`)."""
    from mkdocs import config as mkdocs_config
    from mkdocs.exceptions import ConfigurationError

    overrides: dict[str, Any] = {
        "docs_dir": str(Path(content_dir).resolve()),
        "site_dir": str(Path(site_dir).resolve()),
    }
    overrides.update(offline_overrides(raw_config(project)))
    try:
        return mkdocs_config.load_config(config_file=str(config_path(project)), **overrides)
    except ConfigurationError as error:
        raise RuntimeError(f"invalid {config_path(project)}: {error}") from None


def warm_up(content_dir: Path, site_dir: Path, project: Path) -> None:
    """Import MkDocs and what mkdocs.yml names (theme, plugins, Markdown extensions) ahead of the
    build, whose workers then inherit them. A config that does not load is left for the build to report."""
    import mkdocs.commands.build  # noqa: F401

    if Path(content_dir).is_dir():
        with contextlib.suppress(RuntimeError), quiet_mkdocs():
            load(content_dir, site_dir, project)


def offline_overrides(raw: dict[str, Any]) -> dict[str, Any]:
    """Material's built-in offline plugin and the local Worker shim (no CDN request), whatever mkdocs.yml says."""
    plugins = list(raw.get("plugins") or ["search"])
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    if "offline" not in names and "material/offline" not in names:
        plugins.append("offline")
    extra = dict(raw.get("extra") or {})
    polyfills = [p for p in extra.get("polyfills", []) if "://" not in str(p)]
    if WORKER_SHIM not in polyfills:
        polyfills.append(WORKER_SHIM)  # its name holds "iframe-worker": the plugin then adds no unpkg URL
    extra["polyfills"] = polyfills
    return {"plugins": plugins, "extra": extra, "use_directory_urls": False}


class WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so the build can report them in one short block."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def quiet_mkdocs() -> Iterator[WarningCollector]:
    """Silence MkDocs' per-file logging; collect its warnings instead."""
    logger = logging.getLogger("mkdocs")
    collector = WarningCollector()
    before = (logger.level, logger.propagate)
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.setLevel(before[0])
        logger.propagate = before[1]
