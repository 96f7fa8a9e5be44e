"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.model import Paragraph, Source  # noqa: E402
from generator.settings import DEFAULT_MODEL  # noqa: E402


@pytest.fixture(scope="session")
def nlp():
    from generator.extract.nlp import load_model

    return load_model(DEFAULT_MODEL)


def make_source(text: str, source_id: str = "test", date: str | None = None, title: str = "") -> Source:
    """A source whose paragraphs are its blank-line-separated blocks (first one is the title)."""
    import re

    paragraphs = []
    for i, m in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        paragraphs.append(Paragraph(index=i, start=m.start(), end=m.end(), kind="title" if i == 0 else "body"))
    return Source(id=source_id, path=f"{source_id}.txt", text=text, title=title, date=date, paragraphs=paragraphs)


@pytest.fixture
def source_from():
    return make_source


@pytest.fixture
def doc_for(nlp):
    """Parse a text the way the pipeline does: returns (source, doc)."""
    from generator.extract.nlp import mined_text

    def parse(text: str, source_id: str = "test", date: str | None = None):
        source = make_source(text, source_id, date)
        return source, nlp(mined_text(source))

    return parse
