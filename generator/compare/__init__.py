"""Compare: find contradictions between (and within) sources.

Kinds: figures, denial, characterisation, existence, position. Precision
first: each finder needs the same event or the same topic noun close in
time, and genuinely opposed content. Figures come from three finders: values
and dates of one event (figures.py), death tolls of two tellers in one article
(tolls.py), and one act dated differently by two articles (actions.py).
"""
from __future__ import annotations

import multiprocessing
from typing import Callable

from generator.compare.actions import act_date_contradictions
from generator.compare.characterisation import (Verdict, characterisation_contradictions, position_contradictions,
                                                verdicts)
from generator.compare.denials import denial_contradictions
from generator.compare.existence import existence_contradictions
from generator.compare.figures import figure_contradictions
from generator.compare.force import force_contradictions
from generator.compare.text import Corpus
from generator.compare.tolls import toll_contradictions
from generator.model import Contradiction, Graph

__all__ = ["find_contradictions"]

KIND_ORDER = ("figures", "denial", "characterisation", "existence", "position")
PARALLEL_SOURCES = 500  # below this, starting processes costs more than the finders take

# Each finder, and whether it also takes the verdicts (found once, for both that use them).
Finder = tuple[Callable[..., list[Contradiction]], bool]
FINDERS: tuple[Finder, ...] = (
    (figure_contradictions, False),
    (toll_contradictions, False),
    (act_date_contradictions, False),
    (denial_contradictions, False),
    (characterisation_contradictions, True),
    (force_contradictions, False),
    (existence_contradictions, False),
    (position_contradictions, True),
)
_forked: list = []  # [corpus] for forked workers


def find_contradictions(graph: Graph, jobs: int = 1) -> list[Contradiction]:
    """All contradictions of a graph, numbered "c1", "c2"… in a stable order.

    The finders are independent: a large corpus runs them in ``jobs`` forked processes.
    """
    corpus = Corpus(graph)
    if jobs < 2 or len(graph.sources) < PARALLEL_SOURCES:
        found_verdicts = verdicts(corpus)
        found = [c for finder in FINDERS for c in _run_finder(finder, corpus, found_verdicts)]
    else:
        found = [c for part in _in_processes(corpus, jobs) for c in part]
    unique = _without_repeats(found)
    unique.sort(key=_order)
    for number, contradiction in enumerate(unique, start=1):
        contradiction.id = f"c{number}"
    return unique


def _in_processes(corpus: Corpus, jobs: int) -> list[list[Contradiction]]:
    """Each finder's contradictions, in FINDERS order: the verdicts and the finders that need none
    in ``jobs`` forked workers, the finders that take the verdicts here once those are found."""
    _forked[:] = [corpus]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pending_verdicts = pool.apply_async(_forked_verdicts)
            pending = {finder: pool.apply_async(_run_forked_finder, (finder,)) for finder in FINDERS if not finder[1]}
            found_verdicts = pending_verdicts.get()
            here = {finder: _run_finder(finder, corpus, found_verdicts) for finder in FINDERS if finder[1]}
            return [here[finder] if finder in here else pending[finder].get() for finder in FINDERS]
    finally:
        _forked.clear()


def _forked_verdicts() -> list[Verdict]:
    return verdicts(_forked[0])


def _run_forked_finder(finder: Finder) -> list[Contradiction]:
    return _run_finder(finder, _forked[0], [])


def _run_finder(finder: Finder, corpus: Corpus, found_verdicts: list[Verdict]) -> list[Contradiction]:
    function, takes_verdicts = finder
    return function(corpus, found_verdicts) if takes_verdicts else function(corpus)


def _claim_spans(contradiction: Contradiction) -> frozenset:
    return frozenset((c.source, c.start, c.end) for c in contradiction.claims)


def _without_repeats(found: list[Contradiction]) -> list[Contradiction]:
    """Drop contradictions with fewer than two claims and any whose claims another already covers."""
    kept, seen = [], set()
    for contradiction in sorted(found, key=_order):
        spans = _claim_spans(contradiction)
        if len(spans) < 2 or spans in seen:
            continue
        seen.add(spans)
        kept.append(contradiction)
    return kept


def _order(contradiction: Contradiction) -> tuple:
    first = min((c.source, c.start, c.end) for c in contradiction.claims) if contradiction.claims else ("", 0, 0)
    return KIND_ORDER.index(contradiction.kind) if contradiction.kind in KIND_ORDER else 99, first, contradiction.summary
