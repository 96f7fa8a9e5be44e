"""Citations and the sentence around an offset, found from the paragraph text."""
from __future__ import annotations

import re

from generator.model import Source

# Generic English abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt maj cmdr adm gov sen rep pres jr sr "
    "no vs etc inc ltd co corp dept est fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.g i.e a.m p.m".split()
)
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")


def _ends_sentence(text: str, match: re.Match) -> bool:
    """False for full stops after abbreviations and initials."""
    if not match.group(0).startswith("."):
        return True
    word = re.search(r"([\w.]+)$", text[: match.start()])
    token = (word.group(1) if word else "").lower()
    if not token:
        return True
    if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    if "." in token:  # "U.S." style initialisms
        return False
    following = text[match.end():].lstrip()[:1]
    return not following or not following.islower()


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end (exclusive) of the sentence of ``text`` containing ``offset``."""
    start, end = 0, len(text)
    for match in _END.finditer(text):
        if not _ends_sentence(text, match):
            continue
        if match.end() <= offset:
            start = match.end()
        else:
            end = match.end()
            break
    while start < end and text[start].isspace():
        start += 1
    return start, max(end, start)


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
