"""Loading the spaCy model and preparing a source's text for it.

spaCy itself is imported by `load_model` only: a build that parses no article
(every extraction cached) never pays for importing it.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from generator.model import Source

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Longest stretch of an article that is mined; the rest stays on the source page.
MAX_MINED_CHARS = 900_000


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every line break: paragraphs never share a sentence."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load the spaCy pipeline called ``name`` (a package or a path).

    Raises ``RuntimeError`` with what to do when it is not installed.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=paragraph_breaks)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed: pip install it, or set "
            f"GENERATOR_MODEL / --model to an installed one ({err})"
        ) from err
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, MAX_MINED_CHARS + 1)
    return nlp


def mined_text(source: Source) -> str:
    """The source text with every unmined paragraph blanked out.

    Blanking keeps length and line breaks, so character offsets into the
    result are offsets into ``source.text``.
    """
    chars = list(source.text[:MAX_MINED_CHARS])
    for para in source.paragraphs:
        if para.mined or para.start >= len(chars):
            continue
        for i in range(para.start, min(para.end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document (spaCy rebuilds it on every access)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
