"""Compare: find contradictions between (and within) sources.

Kinds: figures, denial, characterisation, existence, position. Precision
first: each finder needs the same event or the same topic noun close in
time, and genuinely opposed content. Figures come from three finders: values
and dates of one event (figures.py), death tolls of two tellers in one article
(tolls.py), and one act dated differently by two articles (actions.py).
"""
from __future__ import annotations

from generator.compare.actions import act_date_contradictions
from generator.compare.characterisation import characterisation_contradictions, position_contradictions, verdicts
from generator.compare.denials import denial_contradictions
from generator.compare.existence import existence_contradictions
from generator.compare.figures import figure_contradictions
from generator.compare.force import force_contradictions
from generator.compare.text import Corpus
from generator.compare.tolls import toll_contradictions
from generator.model import Contradiction, Graph

__all__ = ["find_contradictions"]

KIND_ORDER = ("figures", "denial", "characterisation", "existence", "position")


def find_contradictions(graph: Graph) -> list[Contradiction]:
    """All contradictions of a graph, numbered "c1", "c2"… in a stable order."""
    corpus = Corpus(graph)
    found_verdicts = verdicts(corpus)
    found = (
        figure_contradictions(corpus)
        + toll_contradictions(corpus)
        + act_date_contradictions(corpus)
        + denial_contradictions(corpus)
        + characterisation_contradictions(corpus, found_verdicts)
        + force_contradictions(corpus)
        + existence_contradictions(corpus)
        + position_contradictions(corpus, found_verdicts)
    )
    unique = _without_repeats(found)
    unique.sort(key=_order)
    for number, contradiction in enumerate(unique, start=1):
        contradiction.id = f"c{number}"
    return unique


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
