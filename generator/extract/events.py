"""Events: what happened, when, and who took part. (stub, being written)"""
from __future__ import annotations

from spacy.tokens import Doc

from generator.model import Actor, EventMention, Source


def extract_events(doc: Doc, source: Source, actors: list[Actor]) -> list[EventMention]:
    """Event mentions of one source; ``actors`` holds local actor ids."""
    return []
