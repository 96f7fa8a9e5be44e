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
