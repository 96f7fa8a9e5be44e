"""Incremental site builds: a rebuild redoes only changed pages and equals a clean build byte for byte."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from generator.site import build_offline_bundle, build_site
from generator.site.incremental import merged_entries
from tests.browser import write_sample_content

ROOT = Path(__file__).resolve().parent.parent


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build_both(content: Path, out: Path, incremental: bool) -> None:
    state = (lambda name: out / f"{name}.state.json") if incremental else (lambda name: None)
    build_site(content, out / "site", ROOT, state("site"))
    build_offline_bundle(content, out / "offline.zip", ROOT, out / "work", state("offline"))


def edit(content: Path) -> None:
    """One page changed, one removed, one added; the indexes that list them updated."""
    page = content / "sources" / "002.md"
    page.write_text(page.read_text(encoding="utf-8").replace("some 1,200", "about 1,300"), encoding="utf-8")
    (content / "actors" / "amara-okonkwo.md").unlink()
    (content / "actors" / "port-workers-union.md").write_text("# Port Workers Union\n\nA trade union.\n", encoding="utf-8")
    index = content / "actors" / "index.md"
    index.write_text("# Actors\n\n- [Port Workers Union](port-workers-union.md)\n", encoding="utf-8")
    for name in ("index.md", "quotes/index.md", "events/harbour-strike.md"):
        path = content / name
        path.write_text(path.read_text(encoding="utf-8").replace("actors/amara-okonkwo.md", "actors/index.md")
                        .replace("amara-okonkwo.md", "index.md"), encoding="utf-8")


def test_merged_index_keeps_clean_build_order() -> None:
    previous = [{"location": "", "text": "old home"}, {"location": "a/", "text": "a"}, {"location": "a/#x", "text": "ax"},
                {"location": "gone/", "text": "gone"}]
    fresh = [{"location": "", "text": "new home"}, {"location": "b/", "text": "b"}]
    merged = merged_entries(["", "a/", "b/"], previous, fresh, changed={"", "b/", "gone/"})
    assert [e["text"] for e in merged] == ["new home", "a", "ax", "b"]


def test_rebuild_equals_clean_build_and_skips_unchanged_pages(tmp_path: Path) -> None:
    content = write_sample_content(tmp_path / "content")
    build_both(content, tmp_path / "inc", incremental=True)
    untouched = tmp_path / "inc" / "site" / "sources" / "001" / "index.html"
    before = untouched.stat().st_mtime_ns
    edit(content)
    build_both(content, tmp_path / "inc", incremental=True)
    build_both(content, tmp_path / "clean", incremental=False)
    assert untouched.stat().st_mtime_ns == before  # not rebuilt
    assert not (tmp_path / "inc" / "site" / "actors" / "amara-okonkwo").exists()
    assert digests(tmp_path / "inc" / "site") == digests(tmp_path / "clean" / "site")
    assert (tmp_path / "inc" / "offline.zip").read_bytes() == (tmp_path / "clean" / "offline.zip").read_bytes()
    index = json.loads((tmp_path / "inc" / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("about 1,300" in entry["text"] for entry in index["docs"])


def test_changed_configuration_forces_a_clean_build(tmp_path: Path) -> None:
    content = write_sample_content(tmp_path / "content")
    build_both(content, tmp_path / "inc", incremental=True)
    page = tmp_path / "inc" / "site" / "sources" / "001" / "index.html"
    state = tmp_path / "inc" / "site.state.json"
    recorded = json.loads(state.read_text(encoding="utf-8"))
    state.write_text(json.dumps({**recorded, "fingerprint": "another theme"}), encoding="utf-8")
    page.write_text("stale", encoding="utf-8")
    build_site(content, tmp_path / "inc" / "site", ROOT, state)
    assert "stale" not in page.read_text(encoding="utf-8")


def test_a_damaged_previous_bundle_is_recompressed(tmp_path: Path) -> None:
    content = write_sample_content(tmp_path / "content")
    build_both(content, tmp_path / "clean", incremental=False)
    build_both(content, tmp_path / "inc", incremental=True)
    bundle = tmp_path / "inc" / "offline.zip"
    data = bytearray(bundle.read_bytes())
    middle = len(data) // 3
    data[middle:middle + 64] = bytes(64)  # corrupt some entry's compressed bytes
    bundle.write_bytes(bytes(data))
    shutil.rmtree(tmp_path / "inc" / "site")
    build_both(content, tmp_path / "inc", incremental=True)
    assert bundle.read_bytes() == (tmp_path / "clean" / "offline.zip").read_bytes()
