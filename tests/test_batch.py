"""Corpus extraction: the content-hash cache and the worker processes."""
from __future__ import annotations

from pathlib import Path

from conftest import make_source
from generator.extract import batch
from generator.settings import DEFAULT_MODEL, Settings

TEXT = "Quarry blast in Norland\n\nMinister Ana Varga said on Monday that the quarry would close. “We will rebuild,” she added.\n"


def corpus(n: int):
    return [make_source(TEXT.replace("Norland", f"Norland {i}"), f"a{i:02d}", "2021-03-03") for i in range(n)]


def settings(tmp_path: Path, jobs: int = 1) -> Settings:
    return Settings(seeds=tmp_path, out=tmp_path, model=DEFAULT_MODEL, jobs=jobs, project=tmp_path)


def test_unchanged_articles_come_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    sources = corpus(3)
    first = batch.extract_all(sources, settings(tmp_path))
    calls: list[int] = []
    real = batch.extract_batch
    monkeypatch.setattr(batch, "extract_batch", lambda b, m: calls.append(len(b)) or real(b, m))
    sources[1].text = sources[1].text.replace("Monday", "Tuesday")
    again = batch.extract_all(sources, settings(tmp_path))
    assert calls == [1]  # only the changed article is extracted again
    assert again[0] == first[0] and again[2] == first[2]


def test_a_damaged_cache_entry_is_extracted_again(tmp_path: Path) -> None:
    sources = corpus(2)
    first = batch.extract_all(sources, settings(tmp_path))
    entry = next((tmp_path / ".cache" / "extract").rglob(f"{batch.cache_key(sources[1], DEFAULT_MODEL)}.pickle"))
    entry.write_bytes(b"not a pickle")
    assert batch.extract_all(sources, settings(tmp_path)) == first
    assert batch.ExtractionCache(entry.parent.parent).get(batch.cache_key(sources[1], DEFAULT_MODEL)) == first[1]


def test_cache_key_depends_on_the_article_date(tmp_path: Path) -> None:
    a, b = corpus(1)[0], corpus(1)[0]
    b.date = "2021-03-04"
    assert batch.cache_key(a, DEFAULT_MODEL) != batch.cache_key(b, DEFAULT_MODEL)
    assert batch.cache_key(a, DEFAULT_MODEL) != batch.cache_key(a, "another_model")


def test_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    sources = corpus(batch.BATCH + 3)
    serial = batch.extract_all(sources, Settings(seeds=tmp_path, jobs=1, project=tmp_path, cache=False))
    parallel = batch.extract_all(sources, Settings(seeds=tmp_path, jobs=2, project=tmp_path, cache=False))
    assert serial == parallel
    assert [e.source for e in parallel] == [s.id for s in sources]


def test_a_few_changed_articles_are_extracted_in_the_process_set_aside(tmp_path: Path) -> None:
    import os

    sources = corpus(3)
    here = batch.extract_all(sources, Settings(seeds=tmp_path, jobs=1, project=tmp_path, cache=False))
    two = Settings(seeds=tmp_path, jobs=2, project=tmp_path, cache=False)
    with batch.model_aside(two) as aside:
        assert aside is not None
        assert aside.submit(os.getpid).result() != os.getpid()  # a process of its own
        assert batch.extract_all(sources, two, aside=aside) == here


def test_meanwhile_runs_once_the_changed_article_is_handed_aside(tmp_path: Path) -> None:
    sources = corpus(2)
    two = Settings(seeds=tmp_path, out=tmp_path, jobs=2, project=tmp_path)
    batch.extract_all(sources[:1], two)
    handed: list[list[str]] = []
    seen: list[list[list[str]]] = []
    with batch.model_aside(two) as aside:
        submit = aside.submit
        aside.submit = lambda work, articles, model: handed.append([s.id for s in articles]) or submit(work, articles, model)
        batch.extract_all(sources, two, aside=aside, meanwhile=lambda: seen.append(list(handed)))
    assert seen == [[["a01"]]]  # called once, when the uncached article was already on its way


def test_a_missing_model_set_aside_still_gives_the_clear_error(tmp_path: Path) -> None:
    import pytest

    broken = Settings(seeds=tmp_path, jobs=2, project=tmp_path, cache=False, model="no_such_model_package")
    with batch.model_aside(broken) as aside, pytest.raises(RuntimeError, match="not installed"):
        batch.extract_all(corpus(1), broken, aside=aside)


def test_spacy_is_imported_only_to_parse_articles() -> None:
    """Every stage but extraction loads without spaCy, so a build with every extraction cached skips it."""
    import subprocess
    import sys

    code = ("import sys, generator.cli, generator.pipeline, generator.resolve, generator.compare, "
            "generator.render, generator.site, generator.extract, generator.extract.batch; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent).stdout.strip()
    assert loaded == "[]"
