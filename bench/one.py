"""Build one synthetic corpus end to end; print its figures as one JSON line."""
from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402
from generator import pipeline  # noqa: E402
from generator.extract.nlp import load_model, mined_text  # noqa: E402
from generator.ingest import read_corpus  # noqa: E402
from generator.settings import Settings  # noqa: E402
from generator.watch import between_builds  # noqa: E402


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def bare_spacy_seconds(seeds: Path, settings: Settings) -> float:
    """Bare ``nlp.pipe`` over the same mined text, same number of processes."""
    sources, _ = read_corpus(seeds)
    nlp = load_model(settings.model)
    began = time.perf_counter()
    for _ in nlp.pipe((mined_text(s) for s in sources), n_process=settings.jobs, batch_size=16):
        pass
    return time.perf_counter() - began


def offline_search_seconds(bundle: Path, work: Path, word: str) -> tuple[float | None, float | None]:
    """(page clock: load event → first result shown, harness clock: typing → results seen)."""
    try:
        from tests.browser import open_offline_search
    except ImportError:
        return None, None
    timing = open_offline_search(bundle, work, word)
    return timing.after_load, timing.harness


def change_one_article(seeds: Path) -> None:
    """The first article gains a sentence."""
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nA correction was appended to this report.\n", encoding="utf-8")


def rebuild_after_one_change(seeds: Path, settings: Settings) -> float:
    """Seconds to rebuild after one article changes, in this process with the model loaded, as `watch` does."""
    load_model(settings.model)
    between_builds()
    change_one_article(seeds)
    began = time.perf_counter()
    pipeline.build(settings, progress=lambda m: None)
    return time.perf_counter() - began


def command_rebuild_after_one_change(seeds: Path, settings: Settings) -> float:
    """Seconds to rebuild after one article changes with a new ``python -m generator build``, start-up included."""
    change_one_article(seeds)
    command = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(settings.out),
               "--model", settings.model, "--jobs", str(settings.jobs)]
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - began


SEARCHED = {"pool": "Varga", "many": "Oldbridge"}  # a word each corpus holds: a surname, a city
REBUILDS = 3  # each rebuild is timed this many times (one more change each); the median is reported


def timed_rebuilds(rebuild, seeds: Path, settings: Settings) -> list[float]:
    return [rebuild(seeds, settings) for _ in range(REBUILDS)]


def main(size: int, out: Path, names: str = "pool") -> None:
    shutil.rmtree(out, ignore_errors=True)
    seeds = out / "seeds"
    write_corpus(seeds, size, names=names)
    settings = Settings(seeds=seeds, out=out, project=ROOT, cache=True)  # the out folder starts empty
    timings = pipeline.Timings()
    began = time.perf_counter()
    pipeline.build(settings, progress=lambda m: print(m, file=sys.stderr, flush=True), timings=timings)
    total = time.perf_counter() - began
    pages = sum(1 for _ in settings.content_dir.rglob("*.md"))
    site_bytes = folder_bytes(settings.site_dir)
    index = settings.site_dir / "search" / "search_index.json"
    figures = {
        "articles": size, "names": names, "pages": pages, "seconds_total": total, "seconds_per_page": total / max(pages, 1),
        "site_bytes": site_bytes, "bytes_per_page": site_bytes // max(pages, 1),
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "stages": timings.stages,
        "extract_vs_bare_spacy": timings.stages["extract"] / bare_spacy_seconds(seeds, settings),
    }
    figures["offline_search_seconds"], figures["offline_search_harness_seconds"] = offline_search_seconds(
        settings.dist_dir / "offline.zip", out / "unpacked", SEARCHED[names])
    for name, rebuild in (("rebuild", rebuild_after_one_change), ("rebuild_command", command_rebuild_after_one_change)):
        figures[f"{name}_runs"] = timed_rebuilds(rebuild, seeds, settings)
        figures[f"{name}_seconds"] = statistics.median(figures[f"{name}_runs"])
        figures[f"{name}_share"] = figures[f"{name}_seconds"] / total
    print(json.dumps(figures))


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:4])
