"""Extract: actors, quotes and events from one source.

``extract_source`` is a pure function of the source and the model, so the
map step can run anywhere (processes, a cluster) unchanged.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.actors import extract_actors
from generator.extract.events import extract_events
from generator.extract.nlp import load_model, mined_text
from generator.extract.quotes import extract_quotes
from generator.model import Extraction, Source

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["extract_source", "extract_doc", "load_model", "mined_text"]


def extract_doc(source: Source, doc: Doc) -> Extraction:
    """Extract from a source whose mined text ``nlp`` has already parsed."""
    actors = extract_actors(doc, source)
    quotes = extract_quotes(doc, source, actors)
    events = extract_events(doc, source, actors, quotes)
    return Extraction(source=source.id, actors=actors, quotes=quotes, events=events)


def extract_source(source: Source, nlp: Language) -> Extraction:
    """Run the model over one source and extract from it."""
    return extract_doc(source, nlp(mined_text(source)))
