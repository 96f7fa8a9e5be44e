"""The one escaping filter: article text becomes inert Markdown/HTML text.

Article text is untrusted. ``md_escape`` entity-encodes every character that
HTML or Markdown (and its extensions: attr_list, admonition, tables, details)
could read as syntax, the line-start ones ("-", "#", "!!!", "1.") when they
lead, collapses whitespace so that text never starts a line, and replaces
control characters (python-markdown uses STX/ETX as placeholders). With
``raw_html`` (text inside a ``markdown="0"`` block) only HTML is escaped.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

# Characters that Markdown, HTML or the enabled extensions may read as syntax anywhere in a line.
_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "{": "&#123;", "}": "&#125;",
    "[": "&#91;", "]": "&#93;", "(": "&#40;", ")": "&#41;", "|": "&#124;", "~": "&#126;",
    "=": "&#61;", "^": "&#94;", "+": "&#43;",
}
# Characters that are syntax only at the start of a line ("- item", "# h", "!!! note", "1. item").
_LINE_START = {"-": "&#45;", "#": "&#35;", "!": "&#33;", ":": "&#58;", ".": "&#46;"}
_LEADING_NUMBER = re.compile(r"^(\d+)([.])(?=\s|$)")
# In a raw HTML block (``markdown="0"``) only HTML is active: Markdown characters stay literal.
_HTML_ONLY = frozenset("&<>\"'")
_ENTITY_TABLE = str.maketrans(_ENTITIES)
_HTML_TABLE = str.maketrans({c: _ENTITIES[c] for c in _HTML_ONLY})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_SPACE = re.compile(r"\s+")


class Safe(str):
    """Text that is already escaped Markdown/HTML (produced by this package only)."""

    __slots__ = ()


def md_escape(value: object, raw_html: bool = False) -> Safe:
    """Inert, single-line text for a Markdown page (or a raw HTML block with ``raw_html``)."""
    if isinstance(value, Safe):
        return value
    return _escaped("" if value is None else str(value), raw_html)


@lru_cache(maxsize=1 << 16)
def _escaped(text: str, raw_html: bool) -> Safe:
    """md_escape for plain text (names, ids and cues repeat across thousands of pages: cached)."""
    text = _CONTROL.sub("\ufffd", text)
    text = _SPACE.sub(" ", text).strip()
    if raw_html:
        return Safe(text.translate(_HTML_TABLE))
    escaped = text.translate(_ENTITY_TABLE)
    number = _LEADING_NUMBER.match(escaped)
    if number:
        escaped = number.group(1) + _LINE_START["."] + escaped[number.end():]
    elif escaped[:1] in _LINE_START:
        escaped = _LINE_START[escaped[0]] + escaped[1:]
    return Safe(escaped)


def finalize(value: object) -> Safe:
    """Jinja ``finalize``: every printed value not marked Safe is escaped."""
    if value is None:
        return Safe("")
    if isinstance(value, Safe):  # md_escape's own first test, here to spare a call per printed value
        return value
    return _escaped(str(value), False)


def url_part(name: str) -> Safe:
    """A page name as a percent-encoded relative URL segment."""
    return Safe(quote(name, safe=""))


def file_name(identifier: str) -> str:
    """A file-name safe page name for an id ("002:q3" → "002-q3")."""
    name = _CONTROL.sub("", identifier).replace(":", "-").replace("/", "-").replace("\\", "-")
    name = name.strip().lstrip(".")
    return name or "_"


def truncate(text: str, limit: int = 140) -> str:
    """Text cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
