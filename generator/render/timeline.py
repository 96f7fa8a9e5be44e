"""Chronological ordering and date labels of events."""
from __future__ import annotations

from generator.model import Event


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
