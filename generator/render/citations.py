"""Citations and the sentence around an offset, found from the paragraph text."""
from __future__ import annotations

from generator.ingest.sentences import sentence_spans
from generator.model import Source


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end (exclusive) of the sentence of ``text`` containing ``offset`` (or the next one)."""
    spans = sentence_spans(text)
    if not spans:
        return len(text), len(text)
    return next(((a, b) for a, b in spans if offset < b), spans[-1])


def sentence_at(source: Source, start: int, end: int | None = None) -> tuple[int, int]:
    """Source offsets of the sentence(s) around ``start``..``end`` within its paragraph."""
    para = source.paragraph_at(start)
    if para is None:
        return start, end if end is not None else start
    text = source.text[para.start:para.end]
    first, _ = sentence_bounds(text, start - para.start)
    last_offset = max(start, (end if end is not None else start) - 1) - para.start
    _, last = sentence_bounds(text, min(last_offset, len(text) - 1) if text else 0)
    return para.start + first, para.start + max(last, first)


def sentence_text(source: Source, start: int, end: int | None = None) -> str:
    """The sentence around a span, as plain text."""
    first, last = sentence_at(source, start, end)
    return source.text[first:last]


def paragraph_number(source: Source, start: int) -> int | None:
    """Index of the paragraph containing ``start`` (None when outside every paragraph)."""
    para = source.paragraph_at(start)
    return para.index if para else None
