"""Resolve: merge per-article extractions into one corpus graph.

Actors are merged across articles (aliases), quote speakers and event
participants are mapped to the merged actors, and event mentions are
clustered into events.
"""
from __future__ import annotations

from dataclasses import replace

from generator.model import Extraction, Graph, Source
from generator.resolve.actors import resolve_actors
from generator.resolve.events import resolve_events

__all__ = ["resolve"]


def resolve(sources: list[Source], extractions: list[Extraction], jobs: int = 1) -> Graph:
    """One graph from many extractions: global actor ids everywhere (events clustered in ``jobs`` processes)."""
    actors, actor_ids = resolve_actors(sources, extractions)
    quotes = [
        replace(q, speaker=actor_ids.get(q.speaker) if q.speaker else None)
        for e in extractions
        for q in e.quotes
    ]
    mentions = [
        replace(m, actors=_unique(actor_ids[a] for a in m.actors if a in actor_ids))
        for e in extractions
        for m in e.events
    ]
    events = resolve_events(mentions, sources, jobs)
    quotes.sort(key=lambda q: (q.source, q.start, q.end, q.id))
    return Graph(sources=list(sources), actors=actors, quotes=quotes, events=events)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))
