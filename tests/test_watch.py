"""The watch command: one long-lived process that rebuilds after every change."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.settings import Settings
from generator.watch import snapshot, watch

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Quarry blast in Norland\n\nMinister Ana Varga said on Monday that the quarry would close.\n"
ADDED = "Ana Varga resigned on Friday, the ministry said."


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_snapshot_notes_changes_and_skips_generated_folders(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "content" / "page.md", "# Generated\n")
    first = snapshot([tmp_path], skip=(tmp_path / "content",))
    assert list(first) == [os.fspath(tmp_path / "a.txt")]
    write(tmp_path / "content" / "page.md", "# Generated again\n")
    assert snapshot([tmp_path], skip=(tmp_path / "content",)) == first
    write(tmp_path / "a.txt", ARTICLE + ADDED)
    assert snapshot([tmp_path], skip=(tmp_path / "content",)) != first
    assert snapshot([tmp_path / "missing"]) == {}


def test_watch_rebuilds_after_each_change_and_survives_a_failed_build(tmp_path: Path) -> None:
    seeds, away = tmp_path / "seeds", tmp_path / "away"
    write(seeds / "a.txt", ARTICLE)
    settings = Settings(seeds=seeds, out=tmp_path / "out", project=ROOT, jobs=1)
    messages: list[str] = []

    def edits(_interval: float) -> None:
        """Each pause: the seeds folder goes away (the build fails), then comes back with a new sentence."""
        if seeds.exists():
            shutil.move(seeds, away)
        else:
            shutil.move(away, seeds)
            write(seeds / "a.txt", ARTICLE + "\n" + ADDED + "\n")

    failed = watch(settings, messages.append, interval=0, rebuilds=2, sleep=edits)
    page = (settings.content_dir / "sources" / "a.md").read_text(encoding="utf-8")
    assert failed == 1
    assert any(m.startswith("error: seeds folder") for m in messages)
    assert sum(m.startswith("watch: built in") for m in messages) == 2  # the first build and the last
    assert ADDED in page
