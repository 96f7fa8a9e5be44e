"""Quotes: direct and indirect speech with speakers. (stub, being written)"""
from __future__ import annotations

from spacy.tokens import Doc

from generator.model import Actor, Quote, Source


def extract_quotes(doc: Doc, source: Source, actors: list[Actor]) -> list[Quote]:
    """Quotes of one source; ``speaker`` is a local actor id from ``actors``."""
    return []
