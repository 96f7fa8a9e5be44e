"""Chronological ordering and date labels of events, and the timeline page's filter data.

Each timeline entry carries the actors it involves and the sources that report it
as ``data-actors`` / ``data-sources`` tokens (percent-encoded ids, so a token never
holds a space, quote or markup); ``assets/javascripts/timeline.js`` narrows the list
with them. Without JavaScript the page shows every entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from generator.model import Actor, Event, Graph, Source
from generator.render.filters import Safe, url_part


def dated_and_undated(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """Dated events in date order (then title, id), and the undated ones by title."""
    dated = sorted((e for e in events if e.date), key=lambda e: (e.date, e.title, e.id))
    undated = sorted((e for e in events if not e.date), key=lambda e: (e.title, e.id))
    return dated, undated


def event_date_label(event) -> str:
    """The ISO date, the article's own words when unresolved, or "date unknown"."""
    if getattr(event, "date", None):
        end = getattr(event, "date_end", None)
        return f"{event.date} – {end}" if end and end != event.date else event.date
    words = getattr(event, "date_text", "")
    if words:
        return f"“{words}” (date unresolved)"
    return "date unknown"


def chronological(events: list[Event]) -> list[Event]:
    """Dated events in date order, then the undated ones."""
    dated, undated = dated_and_undated(events)
    return dated + undated


def filter_token(identifier: str) -> Safe:
    """An id as one inert attribute token: percent-encoded, so no space, quote or markup survives."""
    return url_part(identifier)


def tokens(identifiers: Iterable[str]) -> Safe:
    """Space-separated filter tokens for a ``data-*`` attribute."""
    return Safe(" ".join(filter_token(i) for i in identifiers))


@dataclass(frozen=True)
class TimelineEntry:
    """One event on the timeline with the actor and source ids it is filtered by."""

    event: Event
    actors: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def actor_tokens(self) -> Safe:
        return tokens(self.actors)

    @property
    def source_tokens(self) -> Safe:
        return tokens(self.sources)


@dataclass(frozen=True)
class FilterOption:
    """One choice of a filter control: its token, its label (escaped when printed) and its entry count."""

    value: Safe
    label: str
    count: int


def timeline_entry(event: Event, actor_order: dict[str, int], source_order: dict[str, int]) -> TimelineEntry:
    """The entry for an event: its known actors (event's and accounts') and the sources of its accounts."""
    actor_ids = set(event.actors) | {a for m in event.mentions for a in m.actors}
    source_ids = {m.source for m in event.mentions}
    actors = tuple(sorted((a for a in actor_ids if a in actor_order), key=actor_order.__getitem__))
    sources = tuple(sorted((s for s in source_ids if s in source_order), key=source_order.__getitem__))
    return TimelineEntry(event, actors, sources)


def actor_options(actors: list[Actor], groups: dict[str, list[Event]]) -> list[FilterOption]:
    """One option per actor (in the given order) that at least one entry involves."""
    return [FilterOption(filter_token(a.id), a.name, len(groups[a.id])) for a in actors if a.id in groups]


def source_options(sources: list[Source], groups: dict[str, list[Event]]) -> list[FilterOption]:
    """One option per source (in the given order) that reports at least one entry."""
    return [FilterOption(filter_token(s.id), f"{s.id}: {s.title or 'untitled'}", len(groups[s.id]))
            for s in sources if s.id in groups]


def group_events(entries: list[TimelineEntry], key: str) -> dict[str, list[Event]]:
    """Events per actor id (key "actors") or source id (key "sources"), in timeline order."""
    groups: dict[str, list[Event]] = {}
    for entry in entries:
        for identifier in getattr(entry, key):
            groups.setdefault(identifier, []).append(entry.event)
    return groups


def timeline_context(graph: Graph, actors_sorted: list[Actor]) -> dict[str, object]:
    """What timeline.md.j2 needs: dated and undated entries, filter options, per-actor/per-source groups."""
    actor_order = {a.id: i for i, a in enumerate(actors_sorted)}
    source_order = {s.id: i for i, s in enumerate(graph.sources)}
    dated, undated = dated_and_undated(graph.events)
    dated_entries = [timeline_entry(e, actor_order, source_order) for e in dated]
    undated_entries = [timeline_entry(e, actor_order, source_order) for e in undated]
    by_actor = group_events(dated_entries + undated_entries, "actors")
    by_source = group_events(dated_entries + undated_entries, "sources")
    return {
        "dated": dated_entries,
        "undated": undated_entries,
        "actor_options": actor_options(actors_sorted, by_actor),
        "source_options": source_options(graph.sources, by_source),
        "by_actor": [(a, by_actor[a.id]) for a in actors_sorted if a.id in by_actor],
        "by_source": [(s, by_source[s.id]) for s in graph.sources if s.id in by_source],
    }
