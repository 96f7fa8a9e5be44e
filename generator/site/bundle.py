"""The offline bundle: a file:// browsable build, zipped reproducibly."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from generator.files import RACY_NS
from generator.site import config as site_config
from generator.site.build import build_site
from generator.site.incremental import walk_files

FILE_MODE = 0o644
LEFT_OUT = (".map",)  # source maps: only developer tools ask for them
COMPRESS_LEVEL = 6  # zlib's default: half the time of level 9 for 1 % more bytes (a 1,000-article bundle)
LOCAL_HEADER_SIZE = 30  # bytes of a zip local file header before its name and extra field


def build_offline_bundle(content_dir: Path, zip_path: Path, project: Path, work: Path, state: Path | None = None,
                         digests: dict[str, str] | None = None, jobs: int = 1) -> None:
    """Build the site into `work` (`build_site`: the hosted site is the same folder), then zip it
    with index.html at the root.

    With a state file, `work` and the previous zip are reused: only changed pages are rebuilt
    and only changed files recompressed. ``digests``: the content files' when the caller has them.
    """
    work = Path(work)
    refuse_unsafe_work_dir(work, Path(content_dir), Path(project))
    if state is None and work.exists():
        shutil.rmtree(work)
    began_ns = time.time_ns()
    build_site(content_dir, work, project, state, digests, jobs)
    zip_state = Path(state).with_suffix(".zip.json") if state is not None else None
    write_zip(work, Path(zip_path), reuse=state is not None, state=zip_state, began_ns=began_ns)


def refuse_unsafe_work_dir(work: Path, content_dir: Path, project: Path) -> None:
    """The work folder is wiped: it must not hold the content or the project."""
    work, content, project = work.resolve(), content_dir.resolve(), project.resolve()
    if work in (content, project) or work in content.parents or work in project.parents:
        raise RuntimeError(f"offline work folder {work} would wipe {content} or {project}: use a separate build folder")


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Entry date: SOURCE_DATE_EPOCH when set, else 1980-01-01 00:00 (UTC)."""
    return time.gmtime(site_config.source_date_epoch())[:6]


@dataclass(frozen=True)
class Member:
    """A file to zip: its entry name, path, size and modification time."""

    name: str
    path: str
    size: int
    mtime_ns: int


def write_zip(folder: Path, zip_path: Path, reuse: bool = False, state: Path | None = None,
              began_ns: int | None = None) -> None:
    """Zip every file under folder: sorted names, fixed dates and permissions (byte-identical reruns).

    With reuse, a file whose bytes match its entry in the previous zip keeps that entry's
    compressed data (checked by decompressing it), so a rebuild recompresses only what changed.
    With a state file too (what the previous zip holds: each file's size and time when zipped),
    a file unchanged since then and not written after ``began_ns`` (the build's start) keeps
    its entry without being read or checked, as long as the previous zip is the one recorded.
    """
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = zip_timestamp()
    partial = zip_path.with_name(zip_path.name + ".part")
    members = sorted_members(folder)
    recorded = read_zip_state(state, zip_path) if reuse and began_ns is not None else {}
    if state is not None:
        Path(state).unlink(missing_ok=True)
    trusted_before = (began_ns or 0) - RACY_NS
    with previous_entries(zip_path if reuse else None) as previous, \
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as bundle:
        for member in members:
            entry = new_entry(member.name, stamp)
            unchanged = recorded.get(member.name) == [member.size, member.mtime_ns] and member.mtime_ns < trusted_before
            if unchanged and previous.copy_entry(bundle, entry):
                continue
            with open(member.path, "rb") as handle:
                data = handle.read()
            raw = previous.compressed(entry.filename, data)
            if raw is None:
                bundle.writestr(entry, data)
            else:
                append_compressed(bundle, entry, data, raw)
    os.replace(partial, zip_path)
    if state is not None:
        write_zip_state(state, zip_path, members)


def new_entry(name: str, stamp: tuple) -> zipfile.ZipInfo:
    """A zip entry with the fixed date, permissions and system of every bundle entry."""
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.external_attr = (0o100000 | FILE_MODE) << 16
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 3
    return entry


def zip_format() -> list:
    """What, besides the files, decides an entry's compressed bytes."""
    return [COMPRESS_LEVEL, zlib.ZLIB_RUNTIME_VERSION]


def read_zip_state(state: Path | None, zip_path: Path) -> dict[str, list[int]]:
    """[size, mtime_ns] of each file when zipped into zip_path; {} unless zip_path is the zip recorded."""
    try:
        recorded = json.loads(Path(state).read_text(encoding="utf-8"))
        info = Path(zip_path).stat()
    except (OSError, ValueError, TypeError):
        return {}
    if not isinstance(recorded, dict) or recorded.get("format") != zip_format():
        return {}
    if recorded.get("zip") != [info.st_size, info.st_mtime_ns] or not isinstance(recorded.get("files"), dict):
        return {}
    return recorded["files"]


def write_zip_state(state: Path, zip_path: Path, members: list[Member]) -> None:
    """Record what the zip just written holds (written last: an interrupted build leaves no state)."""
    info = Path(zip_path).stat()
    data = {"format": zip_format(), "zip": [info.st_size, info.st_mtime_ns],
            "files": {m.name: [m.size, m.mtime_ns] for m in members}}
    Path(state).parent.mkdir(parents=True, exist_ok=True)
    Path(state).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")


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
        raw = self.raw(info)
        try:
            return raw if raw is not None and zlib.decompress(raw, -15) == data else None
        except zlib.error:
            return None

    def copy_entry(self, bundle: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
        """Write `entry` with the previous entry's compressed data, unread and unchecked; False if it has none."""
        info = self.entries.get(entry.filename)
        if info is None or info.compress_type != zipfile.ZIP_DEFLATED:
            return False
        raw = self.raw(info)
        if raw is None:
            return False
        write_entry(bundle, entry, raw, info.CRC, info.file_size)
        return True

    def raw(self, info: zipfile.ZipInfo) -> bytes | None:
        """The stored deflate stream of an entry, or None when its local header is not where it should be."""
        self.handle.seek(info.header_offset)
        header = self.handle.read(LOCAL_HEADER_SIZE)
        if len(header) != LOCAL_HEADER_SIZE or header[:4] != b"PK\x03\x04":
            return None
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        self.handle.seek(info.header_offset + LOCAL_HEADER_SIZE + name_length + extra_length)
        raw = self.handle.read(info.compress_size)
        return raw if len(raw) == info.compress_size else None

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
    write_entry(bundle, entry, raw, zlib.crc32(data), len(data))


def write_entry(bundle: zipfile.ZipFile, entry: zipfile.ZipInfo, raw: bytes, crc: int, size: int) -> None:
    """Append an entry from its deflate stream, the CRC and size of its data."""
    entry.CRC, entry.file_size, entry.compress_size = crc, size, len(raw)
    bundle.fp.seek(bundle.start_dir)
    entry.header_offset = bundle.fp.tell()
    bundle.fp.write(entry.FileHeader(zip64=entry.file_size * 1.05 > zipfile.ZIP64_LIMIT))
    bundle.fp.write(raw)
    bundle.filelist.append(entry)
    bundle.NameToInfo[entry.filename] = entry
    bundle.start_dir = bundle.fp.tell()


def sorted_members(folder: Path) -> list[Member]:
    """Regular files under folder (no links, no source maps), sorted by their posix relative path."""
    members = []
    for name, entry in walk_files(str(folder)):
        if entry.is_file(follow_symlinks=False) and not entry.name.endswith(LEFT_OUT):
            info = entry.stat(follow_symlinks=False)
            members.append(Member(name, entry.path, info.st_size, info.st_mtime_ns))
    return sorted(members, key=lambda member: member.name)
