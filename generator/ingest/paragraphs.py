"""Split text into paragraphs and tell headline, byline, caption and web chrome from body.

Rules are generic English/web-page conventions; when unsure a line stays "body"
(it is mined) rather than being hidden.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from generator.ingest.metadata import clean_field, find_date
from generator.model import Paragraph

META_WINDOW = 6  # dates, bylines and site headers are looked for in the first paragraphs
SHORT = 160  # characters: chrome, captions and meta lines are short

_NAV_LINE = re.compile(
    r"(?:select page|skip to (?:main )?content|menu|main menu|home|search|navigation|tweet|print|e-?mail|"
    r"comments?|share|share this|share (?:on|via) \w+|share this (?:article|story|page)|facebook|twitter|whatsapp|"
    r"linkedin|pinterest|telegram|reddit|source link|read more|read also|see also|more|load more|loading\.*|"
    r"advertisement|advertising|sponsored(?: content)?|back to top|next|previous|next article|previous article|"
    r"log ?in|sign ?in|sign up|register|listen to this article|print this (?:article|page)|caption|close|"
    r"toggle navigation|top stories|most read|most popular|trending|related|related (?:articles|stories|content|news))"
    r"\W*",
    re.IGNORECASE,
)
_CHROME_PREFIX = re.compile(
    r"(?:media id\b|image id\b|click here|subscribe\b|follow us\b|sign up (?:for|to)\b|share (?:this|on)\b|"
    r"read more\b|related\s*:|related (?:articles|stories|content|news)\s*:|see also\s*:|read also\s*:|also read\s*:|"
    r"copyright\b|©|all rights reserved|this (?:article|story) (?:was|has been) (?:updated|amended)|"
    r"we use cookies|accept (?:all )?cookies|download (?:our|the) app|get the latest|join our|newsletter\b|"
    r"you may also like|recommended for you|continue reading|more from\b|advertisement\b)",
    re.IGNORECASE,
)
_NO_WORDS = re.compile(r"[^\w]*")
_CAPTION = re.compile(
    r"(?:\((?:reuters|afp|ap|ap photo|getty images?|epa|efe|anadolu(?: agency)?|xinhua|file photo|file)\)|"
    r"\b(?:afp|ap|epa|reuters) photo\b.*|\breuters/\s*\w.*|\((?:photo|image|picture|credit)\s*:[^)]*\)|"
    r"\bphoto(?:graph)?(?:: | by | credit).*|\bcredit: .*|\bimage: .*|getty images)\s*\W*$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(r"(?:photo|image|picture|caption|credit|file photo)\s*:", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"\(?\s*source\s*:\s*(?P<outlet>[^()]{2,120}?)\s*\)?\s*\.?$", re.IGNORECASE)
_TRAILING_SOURCE = re.compile(r"\(\s*source\s*:\s*(?P<outlet>[^()]{2,120}?)\s*\)\s*\.?\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"(?:by|words by|written by|story by|text by)\s+(?P<names>[A-Z\u00C0-\u024F][^|]{1,150})$", re.IGNORECASE)
_NAME = r"[A-Z\u00C0-\u024F][\w.'’-]+"
_NAME_PIPE = re.compile(rf"(?P<names>{_NAME}(?: {_NAME}){{1,3}})\s*[|•]\s*(?P<outlet>[^|]{{2,80}})$")
_CREDITS = re.compile(
    r"(?:.{0,120}\bcontributed (?:reporting|to this (?:report|story|article))|(?:additional )?reporting by\b|"
    r"writing by\b|editing by\b|compiled by\b|edited by\b)",
    re.IGNORECASE,
)
_DATE_LABELS = re.compile(
    r"\b(?:published|updated|last updated|posted|first published|date|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|est|edt|"
    r"et|pt|pst|pdt|local time|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|"
    r"thurs|fri|sat|sun)\b|\d{1,2}[:.]\d{2}(?::\d{2})?|[^\w\s]+",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with over after before under".split())


@dataclass
class TextFacts:
    """Metadata read from the article's own lines (lowest precedence)."""

    title: str = ""
    date: Optional[str] = None
    outlet: Optional[str] = None
    authors: list[str] = field(default_factory=list)


def split_lines(text: str) -> list[Paragraph]:
    """One paragraph per non-blank line; start/end exclude surrounding whitespace."""
    paragraphs: list[Paragraph] = []
    pos = 0
    size = len(text)
    while pos < size:
        end = text.find("\n", pos)
        if end < 0:
            end = size
        span = _trimmed(text, pos, end)
        if span:
            paragraphs.append(Paragraph(index=len(paragraphs), start=span[0], end=span[1]))
        pos = end + 1
    return paragraphs


def split_blocks(text: str) -> list[Paragraph]:
    """One paragraph per blank-line-separated block (Markdown)."""
    paragraphs: list[Paragraph] = []
    block: Optional[tuple[int, int]] = None
    for line in split_lines(text):
        if block and text.count("\n", block[1], line.start) == 1:
            block = (block[0], line.end)
            continue
        if block:
            paragraphs.append(Paragraph(index=len(paragraphs), start=block[0], end=block[1]))
        block = (line.start, line.end)
    if block:
        paragraphs.append(Paragraph(index=len(paragraphs), start=block[0], end=block[1]))
    return paragraphs


def _trimmed(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    line = text[start:end]
    stripped = line.strip()
    if not stripped:
        return None
    left = start + (len(line) - len(line.lstrip()))
    return left, left + len(stripped)


def classify(text: str, paragraphs: list[Paragraph], headings: frozenset[int] = frozenset(),
             title_index: Optional[int] = None, markdown: bool = False, guess_title: bool = True) -> TextFacts:
    """Set each paragraph's kind in place; return the metadata the lines give.

    ``headings`` are paragraph indices known to be headings (HTML <h2>, Markdown
    "## x"); ``title_index`` one known to be the headline (HTML <h1>); with
    ``guess_title`` False no other paragraph is taken for the headline.
    """
    facts = TextFacts()
    texts = [text[p.start:p.end] for p in paragraphs]
    if not texts:
        return facts
    if title_index is None and guess_title:
        if markdown:
            title_index = 0 if texts[0].startswith("# ") else None
        else:
            title_index = _mark_site_header(texts, paragraphs, facts)
    for para, line in zip(paragraphs, texts):
        para.kind = _kind(para.index, line, texts, headings, title_index, facts, markdown)
    if title_index is not None and paragraphs[title_index].kind == "title" and not facts.title:
        facts.title = clean_field(texts[title_index].lstrip("#").split(" | ")[0])
    trailing = _TRAILING_SOURCE.search(texts[-1][-200:])
    if trailing and not facts.outlet:
        facts.outlet = clean_field(trailing.group("outlet"))
    return facts


def _mark_site_header(texts: list[str], paragraphs: list[Paragraph], facts: TextFacts) -> Optional[int]:
    """Pick the headline among the first lines; "Tagline | Site" lines above it are chrome.

    Web pages often start with "Site tagline | Site" and "Headline | Site": when
    two such piped lines share their site name, the last one is the headline.
    """
    piped = [i for i, line in enumerate(texts[:3]) if " | " in line and len(line) < SHORT]
    if len(piped) >= 2:
        site = texts[piped[0]].rsplit(" | ", 1)[1].strip()
        if site and all(site.lower() in texts[i].lower() for i in piped[1:]):
            for i in piped[:-1]:
                paragraphs[i].kind = "boilerplate"
            facts.outlet = clean_field(site)
            return piped[-1] if looks_like_headline(texts[piped[-1]]) else None
    for i, line in enumerate(texts[:3]):
        if paragraphs[i].kind == "boilerplate" or _is_chrome(line) or _is_date_line(line.strip("•·-–—*>|# \t")) \
                or _BYLINE.fullmatch(line):
            continue  # chrome, a date or a byline above the headline
        return i if looks_like_headline(line) else None
    return None


def _kind(index: int, line: str, texts: list[str], headings: frozenset[int], title_index: Optional[int],
          facts: TextFacts, markdown: bool) -> str:
    if index == title_index:
        return "title"
    kind = _line_kind(index, line, texts, headings, facts, markdown)
    if title_index is not None and index < title_index and kind in ("body", "heading"):
        return "boilerplate"  # above the headline: page chrome
    return kind


def _line_kind(index: int, line: str, texts: list[str], headings: frozenset[int], facts: TextFacts,
               markdown: bool) -> str:
    short = len(line) <= SHORT
    if short and _is_chrome(line):
        return "boilerplate"
    if _is_repeated(index, line, texts) or _is_caption(index, line, texts):
        return "caption"
    if short and _read_meta(index, line, facts):
        return "meta"
    if index in headings or (markdown and re.match(r"#{1,6} ", line)):
        return "heading"
    if index > 0 and not markdown and looks_like_heading(line) and index + 1 < len(texts):
        return "heading"
    return "body"


def _is_chrome(line: str) -> bool:
    return bool(_NAV_LINE.fullmatch(line) or _NO_WORDS.fullmatch(line) or _CHROME_PREFIX.match(line.lstrip("•·-–—*>|# ")))


def _is_repeated(index: int, line: str, texts: list[str]) -> bool:
    """A line printed twice in a row: a photo caption shown above and beside the image."""
    if len(line) > 400 or not 4 <= len(line.split()) <= 40:
        return False
    return (index > 0 and texts[index - 1] == line) or (index + 1 < len(texts) and texts[index + 1] == line)


def _is_caption(index: int, line: str, texts: list[str]) -> bool:
    if len(line) > 600 or len(line.split()) > 60:
        return False
    if index > 0 and texts[index - 1].strip().lower() in ("caption:", "caption", "photo:", "image:"):
        return True
    return bool(_CAPTION.search(line[-120:]) or _CAPTION_START.match(line))


def _read_meta(index: int, line: str, facts: TextFacts) -> bool:
    """A date line, byline, source line or credits line; note what it says in ``facts``."""
    bare = line.strip("•·-–—*>|# \t")
    source = _SOURCE_LINE.fullmatch(bare)
    if source:
        facts.outlet = facts.outlet or clean_field(source.group("outlet"))
        return True
    if _CREDITS.match(bare):
        return True
    if index >= META_WINDOW:
        return False
    if _is_date_line(bare):
        found = find_date(bare)
        facts.date = facts.date or (found[0] if found else None)
        return True
    byline = _BYLINE.fullmatch(bare)
    if byline and len(bare.split()) <= 16:
        _read_byline(byline.group("names"), facts)
        return True
    piped = _NAME_PIPE.fullmatch(bare)
    if piped and index > 0:
        facts.authors = facts.authors or [clean_field(piped.group("names"))]
        facts.outlet = facts.outlet or clean_field(piped.group("outlet"))
        return True
    return False


def _is_date_line(line: str) -> bool:
    """A line that is a date and little else ("Published: Nov. 2, 2016 10:32 GMT")."""
    found = find_date(line)
    if not found or len(line.split()) > 14:
        return False
    rest = line[:found[1]] + " " + line[found[2]:]
    return len(_DATE_LABELS.sub(" ", rest).split()) <= 2


def _read_byline(names: str, facts: TextFacts) -> None:
    date = find_date(names)
    if date:
        facts.date = facts.date or date[0]
        names = names[:date[1]]
    head, _, rest = names.partition(",")
    people = [clean_field(n) for n in re.split(r"\s+and\s+|\s*&\s*", head) if clean_field(n)]
    facts.authors = facts.authors or people
    outlet = clean_field(rest)
    if outlet and len(outlet.split()) <= 4 and not facts.outlet:
        facts.outlet = outlet


def looks_like_headline(line: str) -> bool:
    """Short, and not ending like a sentence (a final period) or a label (colon)."""
    if len(line) > 250:
        return False
    return 1 <= len(line.split()) <= 30 and not line.rstrip().endswith((".", ":", ";", ","))


def looks_like_heading(line: str) -> bool:
    """A short Title Case line with no final punctuation (conservative)."""
    if len(line) > 120:
        return False
    words = line.split()
    if not 2 <= len(words) <= 10 or line[-1] in ".:;,!?\"”’)»":
        return False
    content = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and words[0][0].isupper()
