"""Actors: people, organisations and states named in a source. (stub, being written)"""
from __future__ import annotations

from spacy.tokens import Doc

from generator.model import Actor, Source


def extract_actors(doc: Doc, source: Source) -> list[Actor]:
    """Local actors of one source, ids ``<source>:<n>``, each with every mention."""
    return []
