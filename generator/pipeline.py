"""The whole pipeline, stage by stage: ingest → extract → resolve → compare → render → site."""
from __future__ import annotations

import contextlib
import gc
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from generator import compare, curation, export, ingest, render, resolve
from generator.extract.batch import extract_all, model_aside
from generator.model import Graph
from generator.resolve.events import infer_source_dates
from generator.settings import Settings

Progress = Callable[[str], None]


def stderr_progress(message: str) -> None:
    """Default progress reporter: one line on stderr."""
    print(message, file=sys.stderr, flush=True)


@dataclass
class Timings:
    """Wall time of each stage, in seconds, in the order they ran."""

    stages: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, step: Callable, *args, **kwargs):
        began = time.perf_counter()
        result = step(*args, **kwargs)
        if _in_build:
            gc.freeze()  # what a stage leaves lives to the end of the build: later collections skip it
        self.stages[name] = time.perf_counter() - began
        return result


@contextlib.contextmanager
def long_lived_objects() -> Iterator[None]:
    """Collect garbage less often during a build, whose objects mostly live to its end.

    Stages build millions of objects that stay (sources, extractions, the graph); Python's
    collector would walk them again and again. Each stage's survivors are frozen out of its
    reach (`Timings.run`), which also spares forked workers copying them; all are handed back after.
    """
    global _in_build
    if _in_build:
        yield
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *thresholds[1:])
    _in_build = True
    try:
        yield
    finally:
        _in_build = False
        gc.unfreeze()
        gc.set_threshold(*thresholds)


GC_THRESHOLD = 50_000  # allocations between young collections (Python's default: 700)
_in_build = False


def make_graph(settings: Settings, progress: Progress = stderr_progress, timings: Timings | None = None,
               meanwhile: Callable[[], None] | None = None) -> Graph:
    """Read the seeds folder and build the resolved, compared graph (``meanwhile`` runs while articles are parsed)."""
    with long_lived_objects():
        return _make_graph(settings, progress, timings or Timings(), meanwhile)


def _make_graph(settings: Settings, progress: Progress, timings: Timings, meanwhile: Callable[[], None] | None
                ) -> Graph:
    cache_file = settings.cache_dir / "ingest.pickle" if settings.cache else None
    with model_aside(settings) as aside:
        sources, problems = timings.run("ingest", ingest.read_corpus, settings.seeds, progress, cache_file)
        for problem in problems:
            progress(f"warning: {problem}")
        progress(f"ingest: {len(sources)} articles read from {settings.seeds}")
        rules = curation.load(settings.seeds / curation.FILENAME)
        curation.apply_sources(sources, rules, progress)
        extractions = timings.run("extract", extract_all, sources, settings, progress, aside, meanwhile)
    graph = timings.run("resolve", resolve.resolve, sources, extractions, settings.jobs)
    graph.problems = problems
    infer_dates(graph, progress)
    timings.run("curate", curation.apply, graph, rules, progress)
    graph.contradictions = timings.run("compare", compare.find_contradictions, graph, settings.jobs)
    progress(
        f"graph: {len(graph.actors)} actors, {len(graph.quotes)} quotes, "
        f"{len(graph.events)} events, {len(graph.contradictions)} contradictions"
    )
    return graph


def infer_dates(graph: Graph, progress: Progress) -> None:
    """Date undated articles from the dated events they share with others, marked "inferred"."""
    for source_id, date in infer_source_dates(graph.sources, graph.events).items():
        source = graph.source(source_id)
        source.date, source.date_origin = date, "inferred"
        progress(f"date: {source_id} has no date; inferred {date} from events shared with dated articles")


def extract_only(settings: Settings, json_path: Path, progress: Progress = stderr_progress) -> Graph:
    """The `extract` command: the graph export and nothing else."""
    graph = make_graph(settings, progress)
    export.write_graph_json(graph, json_path)
    progress(f"wrote {json_path}")
    return graph


def build(settings: Settings, progress: Progress = stderr_progress, timings: Timings | None = None) -> Graph:
    """The `build` command: pages, graph export, hosted site and offline bundle."""
    with long_lived_objects():
        return _build(settings, progress, timings or Timings())


def _build(settings: Settings, progress: Progress, timings: Timings) -> Graph:
    graph = make_graph(settings, progress, timings, meanwhile=lambda: warm_up(settings))
    content = settings.content_dir

    def exports() -> None:
        export.write_graph_json(graph, content / "data" / "graph.json")
        export.write_quotes_csv(graph, content / "data" / "quotes.csv")

    memo = settings.build_dir / "render.state.json" if settings.cache else None
    pages = timings.run("render", render.write_and_hash_pages, graph, content, settings.jobs, meanwhile=exports,
                        memo=memo)
    progress(f"render: {len(pages.paths)} pages in {content}")
    bundle = settings.dist_dir / "offline.zip"
    progress(f"site: building {settings.site_dir} and {bundle}")
    timings.run("site", publish, content, settings, bundle, pages.digests)
    progress(f"site: built {settings.site_dir}; bundle: wrote {bundle}")
    return graph


def warm_up(settings: Settings) -> None:
    """Ready what rendering and the site build load whatever the graph (templates, MkDocs and what
    mkdocs.yml names), while articles are parsed: a new command's rebuild waits on the model there."""
    from generator.site import config as site_config

    render.environment()
    site_config.warm_up(settings.content_dir, settings.site_dir, settings.project)


def publish(content: Path, settings: Settings, bundle: Path, known: dict[str, str] | None = None) -> None:
    """The hosted site and the offline bundle: one MkDocs build shared among ``--jobs`` processes
    (its folder serves the web and file:// alike), then zipped.

    With the cache on, a state file in build/ lets a rebuild redo only changed pages and
    recompress only changed files. The content files are hashed once (those in ``known``,
    the pages just written, not again).
    """
    from generator import site
    from generator.site.incremental import file_digests

    state = settings.build_dir / "site.state.json" if settings.cache else None
    digests = file_digests(content, known)
    site.build_offline_bundle(content, bundle, settings.project, settings.site_dir, state, digests, settings.jobs)
