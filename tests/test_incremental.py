"""Incremental site builds: a rebuild redoes only changed pages and equals a clean build byte for byte."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from generator.site import build as site_build
from generator.site import build_offline_bundle, build_site
from generator.site.incremental import merged_entries
from tests.browser import write_sample_content

ROOT = Path(__file__).resolve().parent.parent


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def share_small_builds(monkeypatch) -> None:
    """Share even these few pages between two processes, as a large site's are."""
    monkeypatch.setattr(site_build, "PAGES_PER_SHARE", 1)


def build_both(content: Path, out: Path, incremental: bool) -> None:
    """As the pipeline does: the site, in two processes, then its zip."""
    state = out / "site.state.json" if incremental else None
    build_offline_bundle(content, out / "offline.zip", ROOT, out / "site", state, jobs=2)


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
    untouched = tmp_path / "inc" / "site" / "sources" / "001.html"
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
    page = tmp_path / "inc" / "site" / "sources" / "001.html"
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


def test_zip_reuses_unchanged_files_unread_and_equals_a_fresh_zip(tmp_path: Path, monkeypatch) -> None:
    import os
    import time

    from generator.site import bundle

    folder, state = tmp_path / "in", tmp_path / "zip.json"
    (folder / "a").mkdir(parents=True)
    for name in ("index.html", "a/one.html", "a/two.html"):
        (folder / name).write_text(f"<p>{name} " + "text " * 50 + "</p>", encoding="utf-8")
    old = time.time_ns() - 60 * 10**9
    for path in folder.rglob("*.html"):
        os.utime(path, ns=(old, old))  # written by an earlier build
    bundle.write_zip(folder, tmp_path / "inc.zip", reuse=True, state=state, began_ns=time.time_ns())
    (folder / "a" / "two.html").write_text("<p>changed</p>", encoding="utf-8")
    (folder / "a" / "three.html").write_text("<p>new</p>", encoding="utf-8")
    checked: list[str] = []
    real = bundle.PreviousZip.compressed
    monkeypatch.setattr(bundle.PreviousZip, "compressed",
                        lambda self, name, data: checked.append(name) or real(self, name, data))
    bundle.write_zip(folder, tmp_path / "inc.zip", reuse=True, state=state, began_ns=time.time_ns())
    assert checked == ["a/three.html", "a/two.html"]  # the unchanged files were neither read nor checked
    bundle.write_zip(folder, tmp_path / "fresh.zip")
    assert (tmp_path / "inc.zip").read_bytes() == (tmp_path / "fresh.zip").read_bytes()


def test_zip_state_is_ignored_when_the_zip_is_not_the_one_recorded(tmp_path: Path) -> None:
    import time

    from generator.site import bundle

    folder, state = tmp_path / "in", tmp_path / "zip.json"
    folder.mkdir()
    (folder / "index.html").write_text("<p>home</p>", encoding="utf-8")
    bundle.write_zip(folder, tmp_path / "b.zip", reuse=True, state=state, began_ns=time.time_ns())
    recorded = {"index.html": [11, (folder / "index.html").stat().st_mtime_ns]}
    assert bundle.read_zip_state(state, tmp_path / "b.zip") == recorded
    (tmp_path / "b.zip").write_bytes((tmp_path / "b.zip").read_bytes() + b"\0")
    assert bundle.read_zip_state(state, tmp_path / "b.zip") == {}
