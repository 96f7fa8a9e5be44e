"""Two builds of the same input are byte-identical; a rebuild rewrites only what changed."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def build(seeds: Path, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    build(seeds, tmp_path / "a")
    build(seeds, tmp_path / "b")
    for part in ("content", "site", "dist"):
        assert digests(tmp_path / "a" / part) == digests(tmp_path / "b" / part), part


def test_a_rebuild_rewrites_only_changed_pages(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "out"
    build(seeds, out)
    before = {p: p.stat().st_mtime_ns for p in (out / "content").rglob("*.md")}
    changed = sorted(seeds.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA closing line was added.\n", encoding="utf-8")
    build(seeds, out)
    after = {p: p.stat().st_mtime_ns for p in (out / "content").rglob("*.md")}
    rewritten = [p for p in before if p in after and after[p] != before[p]]
    assert out / "content" / "sources" / f"{changed.stem}.md" in rewritten
    assert len(rewritten) < len(before) / 2


def test_an_incremental_rebuild_equals_a_clean_build(tmp_path: Path, monkeypatch) -> None:
    """After an article changes, one is removed and one gains a sidecar, the cached rebuild writes the
    same bytes as a clean build of the new input: pages, graph.json, site and offline bundle."""
    from generator import pipeline
    from generator.settings import Settings
    from generator.site import bundle

    monkeypatch.setattr(bundle, "RACY_NS", 0)  # trust unchanged files however recent (this test is fast)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "out"
    pipeline.build(Settings(seeds=seeds, out=out, project=ROOT, cache=True), progress=lambda m: None)
    articles = sorted(seeds.glob("*.txt"))
    articles[0].write_text(articles[0].read_text(encoding="utf-8") + "\nA closing line was added.\n", encoding="utf-8")
    articles[1].unlink()
    articles[2].with_suffix(".yml").write_text("outlet: Harbour Gazette\n", encoding="utf-8")
    pipeline.build(Settings(seeds=seeds, out=out, project=ROOT, cache=True), progress=lambda m: None)
    clean = tmp_path / "clean"
    pipeline.build(Settings(seeds=seeds, out=clean, project=ROOT, cache=False), progress=lambda m: None)
    for part in ("content", "site", "dist"):
        assert digests(out / part) == digests(clean / part), part
    assert "Harbour Gazette" in (out / "content" / "data" / "graph.json").read_text(encoding="utf-8")
