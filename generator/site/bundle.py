"""The offline bundle: a file:// browsable build, zipped reproducibly."""
from __future__ import annotations

import contextlib
import os
import shutil
import struct
import time
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

from generator.site import config as site_config
from generator.site.build import run_build

FILE_MODE = 0o644
LEFT_OUT = (".map",)  # source maps: only developer tools ask for them
COMPRESS_LEVEL = 9
LOCAL_HEADER_SIZE = 30  # bytes of a zip local file header before its name and extra field


def build_offline_bundle(content_dir: Path, zip_path: Path, project: Path, work: Path, state: Path | None = None) -> None:
    """Build with Material's offline plugin into `work`, then zip it with index.html at the root.

    With a state file, `work` and the previous zip are reused: only changed pages are rebuilt
    and only changed files recompressed.
    """
    work = Path(work)
    refuse_unsafe_work_dir(work, Path(content_dir), Path(project))
    if state is None and work.exists():
        shutil.rmtree(work)
    run_build(content_dir, work, project, offline=True, state=state)
    if not (work / "search" / "search_index.js").is_file():
        raise RuntimeError(f"offline build in {work} has no search/search_index.js: is the search plugin enabled?")
    write_zip(work, Path(zip_path), reuse=state is not None)


def refuse_unsafe_work_dir(work: Path, content_dir: Path, project: Path) -> None:
    """The work folder is wiped: it must not hold the content or the project."""
    work, content, project = work.resolve(), content_dir.resolve(), project.resolve()
    if work in (content, project) or work in content.parents or work in project.parents:
        raise RuntimeError(f"offline work folder {work} would wipe {content} or {project}: use a separate build folder")


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Entry date: SOURCE_DATE_EPOCH when set, else 1980-01-01 00:00 (UTC)."""
    return time.gmtime(site_config.source_date_epoch())[:6]


def write_zip(folder: Path, zip_path: Path, reuse: bool = False) -> None:
    """Zip every file under folder: sorted names, fixed dates and permissions (byte-identical reruns).

    With reuse, a file whose bytes match its entry in the previous zip keeps that entry's
    compressed data (checked by decompressing it), so a rebuild recompresses only what changed.
    """
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = zip_timestamp()
    partial = zip_path.with_name(zip_path.name + ".part")
    with previous_entries(zip_path if reuse else None) as previous, \
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as bundle:
        for path in sorted_files(folder):
            entry = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            entry.external_attr = (0o100000 | FILE_MODE) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            data = path.read_bytes()
            raw = previous.compressed(entry.filename, data)
            if raw is None:
                bundle.writestr(entry, data)
            else:
                append_compressed(bundle, entry, data, raw)
    os.replace(partial, zip_path)


class PreviousZip:
    """The entries of the last bundle, for reusing their compressed bytes."""

    def __init__(self, zip_path: Path | None) -> None:
        self.handle = None
        self.entries: dict[str, zipfile.ZipInfo] = {}
        if zip_path is None or not Path(zip_path).is_file():
            return
        try:
            self.handle = open(zip_path, "rb")
            self.entries = {info.filename: info for info in zipfile.ZipFile(self.handle).infolist()}
        except (OSError, zipfile.BadZipFile):
            self.close()

    def compressed(self, name: str, data: bytes) -> bytes | None:
        """The stored deflate stream of `name` when it holds exactly `data`, else None."""
        info = self.entries.get(name)
        if info is None or info.compress_type != zipfile.ZIP_DEFLATED or info.file_size != len(data):
            return None
        if info.CRC != zlib.crc32(data):
            return None
        self.handle.seek(info.header_offset)
        header = self.handle.read(LOCAL_HEADER_SIZE)
        if len(header) != LOCAL_HEADER_SIZE or header[:4] != b"PK\x03\x04":
            return None
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        self.handle.seek(info.header_offset + LOCAL_HEADER_SIZE + name_length + extra_length)
        raw = self.handle.read(info.compress_size)
        try:
            return raw if zlib.decompress(raw, -15) == data else None
        except zlib.error:
            return None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.handle, self.entries = None, {}


@contextlib.contextmanager
def previous_entries(zip_path: Path | None) -> Iterator[PreviousZip]:
    previous = PreviousZip(zip_path)
    try:
        yield previous
    finally:
        previous.close()


def append_compressed(bundle: zipfile.ZipFile, entry: zipfile.ZipInfo, data: bytes, raw: bytes) -> None:
    """Write an entry whose deflate stream is already known (zipfile has no public call for this)."""
    entry.CRC, entry.file_size, entry.compress_size = zlib.crc32(data), len(data), len(raw)
    bundle.fp.seek(bundle.start_dir)
    entry.header_offset = bundle.fp.tell()
    bundle.fp.write(entry.FileHeader(zip64=entry.file_size * 1.05 > zipfile.ZIP64_LIMIT))
    bundle.fp.write(raw)
    bundle.filelist.append(entry)
    bundle.NameToInfo[entry.filename] = entry
    bundle.start_dir = bundle.fp.tell()


def sorted_files(folder: Path) -> list[Path]:
    """Regular files under folder (no source maps), sorted by their posix relative path."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and not p.name.endswith(LEFT_OUT)]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())
