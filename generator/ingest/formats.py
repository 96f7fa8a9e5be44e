"""Per-format readers: plain text, Markdown with front matter, HTML main text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from generator.ingest.decode import clean_text
from generator.ingest.metadata import check_fields, clean_field, load_yaml, parse_date

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                 "iframe", "svg", "button", "select", "textarea", "object", "embed", "canvas", "dialog", "menu")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dt", "dd", "td")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class Parsed:
    """An article's text (what offsets point into) and what its format says about it."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # "front matter" | "html": where ``meta`` came from
    problems: list[str] = field(default_factory=list)
    blocks: Optional[list[tuple[str, str]]] = None  # HTML: (tag, text) per paragraph


def parse_markdown(text: str, name: str) -> Parsed:
    """Split off YAML front matter (--- ... ---); Source.text is the body after it."""
    if not text.startswith("---\n"):
        return Parsed(text=text)
    end = _FRONT_MATTER_END.search(text, 4)
    if end is None:
        return Parsed(text=text, problems=[f"{name}: front matter opened with '---' is never closed: add a '---' line after it"])
    data, problems = load_yaml(text[4:end.start()], f"{name} (front matter)")
    meta, field_problems = check_fields(data, f"{name} (front matter)")
    body = text[end.end() + 1:] if end.end() < len(text) else ""
    return Parsed(text=body, meta=meta, origin="front matter", problems=problems + field_problems)


def parse_html(markup: str, name: str) -> Parsed:
    """Main text of a web page: one paragraph per <p>/<h1-6>/<li>/<blockquote>, page chrome dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    meta = _html_meta(soup)
    for tag in soup.find_all(_DROPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(("br", "hr", "img")):
        tag.replace_with(" ")
    root = soup.find("article") or soup.find("main") or soup.find("body") or soup
    blocks = _html_blocks(root)
    text = "\n\n".join(block for _, block in blocks)
    return Parsed(text=text + "\n" if text else "", meta=meta, origin="html", blocks=blocks)


def _html_blocks(root) -> list[tuple[str, str]]:
    blocks = []
    for tag in root.find_all(_BLOCK_TAGS):
        if tag.find(_BLOCK_TAGS) is not None:
            continue  # its inner blocks are taken one by one
        block = _one_line(tag.get_text())
        if block:
            blocks.append((tag.name, block))
    if not blocks:
        lines = (_one_line(line) for line in root.get_text("\n").splitlines())
        blocks = [("p", line) for line in lines if line]
    return blocks


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def _html_meta(soup) -> dict[str, Any]:
    """title, date, outlet, url, authors from <meta>, <title>, <h1>, <time>, <link rel=canonical>."""
    meta: dict[str, Any] = {}
    title = _meta_content(soup, "og:title", "twitter:title") or _tag_text(soup.find("title")) or _tag_text(soup.find("h1"))
    if title:
        meta["title"] = title
    time_tag = soup.find("time", attrs={"datetime": True})
    for value in (_meta_content(soup, "article:published_time", "date", "pubdate", "publishdate", "dc.date",
                                "dcterms.date", "og:published_time", "sailthru.date"),
                  time_tag.get("datetime") if time_tag else None):
        date = parse_date(value) if value else None
        if date:
            meta["date"] = date
            break
    outlet = _meta_content(soup, "og:site_name", "application-name")
    if outlet:
        meta["outlet"] = outlet
    link = soup.find("link", rel="canonical")
    url = (link.get("href") if link else None) or _meta_content(soup, "og:url")
    checked, _ = check_fields({"url": url}, "") if url else ({}, [])
    meta.update(checked)
    author = _meta_content(soup, "author", "article:author", "byl")
    if author and not re.match(r"[a-z]+://", author):
        meta["authors"] = [clean_field(re.sub(r"^by\s+", "", author, flags=re.IGNORECASE))]
    return meta


def _meta_content(soup, *names: str) -> Optional[str]:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        content = tag.get("content") if tag else None
        if isinstance(content, str) and clean_field(content):
            return clean_field(content)
    return None


def _tag_text(tag) -> Optional[str]:
    if tag is None:
        return None
    return clean_field(tag.get_text(" ")) or None
