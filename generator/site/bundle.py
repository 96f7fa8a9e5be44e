"""The offline bundle: a file:// browsable build, zipped reproducibly."""
from __future__ import annotations

import os
import shutil
import time
import zipfile
from pathlib import Path

from generator.site import config as site_config
from generator.site.build import run_build

FILE_MODE = 0o644
LEFT_OUT = (".map",)  # source maps: only developer tools ask for them


def build_offline_bundle(content_dir: Path, zip_path: Path, project: Path, work: Path) -> None:
    """Build with Material's offline plugin into `work`, then zip it with index.html at the root."""
    work = Path(work)
    refuse_unsafe_work_dir(work, Path(content_dir), Path(project))
    if work.exists():
        shutil.rmtree(work)
    run_build(content_dir, work, project, offline=True)
    if not (work / "search" / "search_index.js").is_file():
        raise RuntimeError(f"offline build in {work} has no search/search_index.js: is the search plugin enabled?")
    write_zip(work, Path(zip_path))


def refuse_unsafe_work_dir(work: Path, content_dir: Path, project: Path) -> None:
    """The work folder is wiped: it must not hold the content or the project."""
    work, content, project = work.resolve(), content_dir.resolve(), project.resolve()
    if work in (content, project) or work in content.parents or work in project.parents:
        raise RuntimeError(f"offline work folder {work} would wipe {content} or {project}: use a separate build folder")


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Entry date: SOURCE_DATE_EPOCH when set, else 1980-01-01 00:00 (UTC)."""
    return time.gmtime(site_config.source_date_epoch())[:6]


def write_zip(folder: Path, zip_path: Path) -> None:
    """Zip every file under folder: sorted names, fixed dates and permissions (byte-identical reruns)."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = zip_timestamp()
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted_files(folder):
            entry = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            entry.external_attr = (0o100000 | FILE_MODE) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            bundle.writestr(entry, path.read_bytes())
    os.replace(partial, zip_path)


def sorted_files(folder: Path) -> list[Path]:
    """Regular files under folder (no source maps), sorted by their posix relative path."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and not p.name.endswith(LEFT_OUT)]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())
