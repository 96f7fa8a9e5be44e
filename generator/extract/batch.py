"""Extraction over a whole corpus: cached by content hash, spread over processes.

Each article's extraction is a pure function of the article and the
settings (``extract_doc``), so this map step could run anywhere.
"""
from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import pickle
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from generator.extract import extract_doc
from generator.extract.nlp import load_model, mined_text
from generator.model import Extraction, Source
from generator.settings import Settings
from generator.versions import code_digest

BATCH = 16
_worker_model: Optional[str] = None


def cache_key(source: Source, model: str) -> str:
    """What an extraction depends on: the source as read, the model and the code."""
    state = (source.id, source.text, source.date, source.title, [(p.start, p.end, p.kind) for p in source.paragraphs])
    digest = hashlib.sha256(pickle.dumps(state, protocol=4))
    digest.update(f"{model}|{code_digest('extract')}".encode())
    return digest.hexdigest()


class ExtractionCache:
    """Pickled extractions in a folder, one file per cache key."""

    def __init__(self, folder: Optional[Path]):
        self.folder = folder

    def holds(self, key: str) -> bool:
        path = self._path(key)
        return path is not None and path.exists()

    def get(self, key: str) -> Optional[Extraction]:
        path = self._path(key)
        if path is None:
            return None
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # a missing or damaged cache entry is simply recomputed
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        path = self._path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(extraction, protocol=4))
        tmp.replace(path)

    def _path(self, key: str) -> Optional[Path]:
        return self.folder / key[:2] / f"{key}.pickle" if self.folder else None


def extract_batch(sources: list[Source], model: str) -> list[Extraction]:
    """Parse a batch with ``nlp.pipe`` and extract from each document."""
    nlp = load_model(model)
    docs = nlp.pipe(mined_text(s) for s in sources)
    return [extract_doc(source, doc) for source, doc in zip(sources, docs)]


def _init_worker(model: str) -> None:
    global _worker_model
    _worker_model = model
    load_model(model)


def _work(batch: list[Source]) -> list[Extraction]:
    return extract_batch(batch, _worker_model)


def _batches(items: list[Source], size: int) -> Iterator[list[Source]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@contextlib.contextmanager
def model_aside(settings: Settings) -> Iterator[Optional[ProcessPoolExecutor]]:
    """With two jobs or more, one forked process that loads the model at once, while this one reads
    the articles: a rebuild's few changed articles are extracted there (see `extract_all`)."""
    if settings.jobs < 2:
        yield None
        return
    aside = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                initializer=load_model, initargs=(settings.model,))
    aside.submit(int)  # start the process now
    try:
        yield aside
    finally:
        aside.shutdown(wait=False, cancel_futures=True)


def _run(todo: list[Source], settings: Settings, aside: Optional[ProcessPoolExecutor] = None
         ) -> Iterable[list[Extraction]]:
    batches = list(_batches(todo, BATCH))
    if len(batches) == 1 and aside is not None:
        return _aside_or_here(aside.submit(extract_batch, batches[0], settings.model), batches[0], settings.model)
    if settings.jobs <= 1 or len(batches) <= 1:
        return (extract_batch(b, settings.model) for b in batches)
    load_model(settings.model)  # fail early, in this process, with a clear message
    pool = multiprocessing.get_context("fork").Pool(
        min(settings.jobs, len(batches)), initializer=_init_worker, initargs=(settings.model,)
    )
    return _closing(pool, pool.imap(_work, batches))


def _aside_or_here(pending: Future, batch: list[Source], model: str) -> Iterator[list[Extraction]]:
    """The batch extracted in the aside process; here, for the clear error, when that one could not load the model."""
    try:
        yield pending.result()
    except BrokenProcessPool:
        yield extract_batch(batch, model)


def _closing(pool, results: Iterable) -> Iterator:
    with pool:
        yield from results


def cache_folder(settings: Settings) -> Optional[Path]:
    if not settings.cache:
        return None
    return settings.cache_dir / "extract"


def extract_all(sources: list[Source], settings: Settings, progress: Callable[[str], None] = lambda m: None,
                aside: Optional[ProcessPoolExecutor] = None,
                meanwhile: Optional[Callable[[], None]] = None) -> list[Extraction]:
    """Extractions for every source, in the same order, reusing cached ones.

    The uncached articles are set going first (up to one batch in ``aside``, a process from
    `model_aside`); the cached extractions are loaded and ``meanwhile`` runs here while they work.
    """
    cache = ExtractionCache(cache_folder(settings))
    keys = [cache_key(s, settings.model) for s in sources]
    todo = [s for s, k in zip(sources, keys) if not cache.holds(k)]
    progress(f"extract: {len(sources) - len(todo)} cached, {len(todo)} to extract with {settings.jobs} job(s)")
    running = _run(todo, settings, aside)
    waiting = {s.id for s in todo}
    found = {k: cache.get(k) for s, k in zip(sources, keys) if s.id not in waiting}
    if meanwhile:
        meanwhile()
    by_source = _gather(running, len(todo), progress)
    damaged = [s for s, k in zip(sources, keys) if s.id not in waiting and found[k] is None]
    if damaged:  # a cache entry that could not be read is extracted again
        by_source.update(_gather(_run(damaged, settings), len(damaged), progress))
    for source, key in zip(sources, keys):
        if found.get(key) is None:
            found[key] = by_source[source.id]
            cache.put(key, found[key])
    return [found[k] for k in keys]


def _gather(running: Iterable[list[Extraction]], count: int, progress: Callable[[str], None]) -> dict[str, Extraction]:
    """Each source id's extraction, as the batches come in."""
    by_source: dict[str, Extraction] = {}
    for batch in running:
        by_source.update((extraction.source, extraction) for extraction in batch)
        progress(f"extract: {len(by_source)}/{count} articles")
    return by_source
