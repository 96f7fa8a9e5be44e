"""Internal link check of a built site: every href/src resolves, every #anchor exists."""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

TAG = re.compile(r"<(a|link|script|img|iframe|source|area)\b[^>]*>", re.IGNORECASE)
LINK_ATTR = re.compile(r"""\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
ANCHOR_ATTR = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")  # MkDocs writes lower case
SKIPPED = re.compile(r"<(script|style|code|pre|textarea)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "ftp:")


def check_links(site_dir: Path) -> list[str]:
    """One line per broken internal link or anchor in the site's HTML pages (empty when all resolve)."""
    site = os.path.realpath(site_dir)
    anchors = AnchorIndex()
    targets: dict[tuple[str, str], str | None] = {}
    problems: list[str] = []
    for relative in html_pages(site):
        page = os.path.join(site, relative)
        with open(page, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        anchors.remember(page, text)
        for url in page_links(text):
            problem = check_one(site, page, url, anchors, targets)
            if problem:
                problems.append(f"{relative}: {problem}")
    return problems


def html_pages(site: str) -> list[str]:
    """Relative posix paths of every .html file under site, sorted."""
    found = []
    for folder, _, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                found.append(os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/"))
    return sorted(found)


def page_links(text: str) -> list[str]:
    """The href/src values of link-bearing tags, outside comments and <pre>/<code> blocks."""
    text = SKIPPED.sub(lambda m: m.group(0)[: m.group(0).find(">") + 1], COMMENT.sub("", text))
    urls = []
    for tag in TAG.finditer(text):
        for attr in LINK_ATTR.finditer(tag.group(0)):
            value = attr.group(2) or attr.group(3) or attr.group(4) or ""
            urls.append(html.unescape(value) if "&" in value else value)
    return urls


def check_one(site: str, page: str, url: str, anchors: "AnchorIndex", targets: dict) -> str | None:
    """Why this link is broken, or None."""
    url = url.strip()
    if not url or url.lower().startswith(EXTERNAL_SCHEMES) or url.startswith("//"):
        return None
    parts = urlsplit(url)
    if parts.scheme:
        return None
    if not parts.path:
        target: str | None = page
    else:
        key = (os.path.dirname(page), parts.path)
        if key not in targets:
            targets[key] = resolve_target(site, page, unquote(parts.path))
        target = targets[key]
    if target is None:
        return f"broken link {url}"
    if parts.fragment and target.endswith(".html") and not anchors.has(target, unquote(parts.fragment)):
        return f"missing anchor {url}"
    return None


def resolve_target(site: str, page: str, path: str) -> str | None:
    """The file a link path points at (directory links mean index.html), or None."""
    base = site if path.startswith("/") else os.path.dirname(page)
    target = os.path.normpath(os.path.join(base, path.lstrip("/")))
    if target != site and not target.startswith(site + os.sep):
        return None
    if os.path.isdir(target):
        target = os.path.join(target, "index.html")
    return target if os.path.isfile(target) else None


class AnchorIndex:
    """The id/name values of each page, read at most once."""

    def __init__(self) -> None:
        self.pages: dict[str, frozenset[str]] = {}

    def remember(self, page: str, text: str) -> None:
        if page not in self.pages:
            self.pages[page] = page_anchors(text)

    def has(self, page: str, anchor: str) -> bool:
        if page not in self.pages:
            with open(page, encoding="utf-8", errors="replace") as handle:
                self.remember(page, handle.read())
        return anchor in self.pages[page]


def page_anchors(text: str) -> frozenset[str]:
    """Every id= and name= value in a page (HTML entities decoded)."""
    values = (m.group(1) or m.group(2) or m.group(3) or "" for m in ANCHOR_ATTR.finditer(COMMENT.sub("", text)))
    return frozenset(html.unescape(value) if "&" in value else value for value in values)
