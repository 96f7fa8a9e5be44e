"""Sentences of a paragraph: the one rule-based splitter the claims and the citations share.

A sentence ends at ".", "!", "?" or "…" (with any closing quotes or
brackets) followed by space and a capital letter or a digit (an opening
quote or bracket may come first), but not after an abbreviation ("Dr.",
"Gen.", "Jan."), an initial ("J.") or an initialism ("U.S.").
"""
from __future__ import annotations

import re
from functools import lru_cache

# Generic English abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt maj cmdr adm gov sen rep pres jr sr "
    "no vs etc inc ltd co corp dept est fig jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)$")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets into ``text`` of each sentence of ``text[start:end]``, without outer space."""
    end = len(text) if end is None else end
    return tuple((start + a, start + b) for a, b in _spans(text[start:end]))


@lru_cache(maxsize=4096)
def _spans(chunk: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in SENTENCE_END.finditer(chunk):
        if _after_abbreviation(chunk, match.start()) and match.group(0).startswith("."):
            continue
        _add_trimmed(spans, chunk, begin, match.end())
        begin = match.end()
    _add_trimmed(spans, chunk, begin, len(chunk))
    return tuple(spans)


def _after_abbreviation(text: str, at: int) -> bool:
    word = _LAST_WORD.search(text, 0, at)
    token = word.group(1).lower() if word else ""
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token


def _add_trimmed(spans: list[tuple[int, int]], chunk: str, begin: int, end: int) -> None:
    piece = chunk[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((begin + lead, begin + lead + len(stripped)))
