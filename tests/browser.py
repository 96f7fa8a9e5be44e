"""Headless Chromium helpers shared by the browser tests and the benchmark.

Pages are opened from file:// with every other request aborted and recorded.
Also: a small generic content folder (`write_sample_content`) for site tests.
"""
from __future__ import annotations

import json
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SEARCH_TIMEOUT_MS = 30_000


def chromium_available() -> bool:
    """True when /usr/bin/chromium and the playwright package are both present."""
    if not CHROMIUM.is_file():
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def unpack(bundle: Path, work: Path) -> Path:
    """Unzip the offline bundle into a fresh work folder; returns the folder."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(work)
    return work


class OfflineBrowser:
    """A Chromium page that may load only file:// URLs (and ``allowed`` URL prefixes); other requests
    are aborted and listed; ``requested`` lists every URL let through."""

    def __init__(self, javascript: bool = True, allowed: tuple[str, ...] = ()) -> None:
        from playwright.sync_api import sync_playwright

        self.allowed = ("file://",) + tuple(allowed)
        self.blocked: list[str] = []
        self.requested: list[str] = []
        self.errors: list[str] = []
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        self._context = self._browser.new_context(service_workers="block", java_script_enabled=javascript)
        self._context.route("**/*", self._route)
        self.page = self._context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.allowed):
            self.requested.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def close(self) -> None:
        self._context.close()
        self._browser.close()
        self._playwright.stop()

    def __enter__(self) -> "OfflineBrowser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def search(page, word: str) -> float:
    """Type `word` into Material's search box; seconds until results show (RuntimeError if none)."""
    began = time.perf_counter()
    try:
        opener = page.locator("label.md-header__button[for='__search']").first
        if opener.is_visible():
            opener.click()  # narrow screens: the search box sits behind this button
        box = page.locator("input.md-search__input")
        box.click(timeout=SEARCH_TIMEOUT_MS)
        box.press_sequentially(word, delay=20)
        page.wait_for_selector(".md-search-result__list li", timeout=SEARCH_TIMEOUT_MS)
    except Exception as error:  # playwright TimeoutError
        meta = page.inner_text(".md-search-result__meta") if page.query_selector(".md-search-result__meta") else ""
        raise RuntimeError(f"no search results for {word!r} ({meta.strip() or error})") from None
    return time.perf_counter() - began


@dataclass(frozen=True)
class SearchTiming:
    """How long a search on a freshly opened page took to show results, in seconds."""

    after_load: float  # by the page's own clock: from its load event until the first result is shown
    harness: float     # by this process's clock, from typing to seeing results (Playwright's round trips add to it)


WATCH_RESULTS = """() => { window.__resultsShown = null; new MutationObserver(() => {
    if (window.__resultsShown === null && document.querySelector('.md-search-result__list li'))
        window.__resultsShown = performance.now(); }).observe(document.body, {childList: true, subtree: true}); }"""
SECONDS_AFTER_LOAD = "(window.__resultsShown - performance.getEntriesByType('navigation')[0].loadEventEnd) / 1000"


def open_offline_search(bundle: Path, work: Path, word: str) -> SearchTiming:
    """Unpack the bundle, open index.html from file:// offline, search `word`; time from load to results."""
    folder = unpack(Path(bundle), Path(work))
    with OfflineBrowser() as browser:
        browser.page.goto((folder / "index.html").resolve().as_uri(), wait_until="load")
        browser.page.evaluate(WATCH_RESULTS)
        harness = search(browser.page, word)
        return SearchTiming(browser.page.evaluate(SECONDS_AFTER_LOAD), harness)


INJECTION_PROBE = """() => Boolean(window.__pwned) ||
    document.querySelector('[id^="pwned"], [class^="pwned"], [class*=" pwned"]') !== null"""


def injected_markers(site_or_dir: Path, pages: list[Path]) -> dict[str, bool]:
    """For each page (a path, or relative to site_or_dir): did injected code run or injected markup appear?"""
    root = Path(site_or_dir)
    report: dict[str, bool] = {}
    with OfflineBrowser() as browser:
        for page in pages:
            path = page if Path(page).is_absolute() else root / page
            browser.page.goto(Path(path).resolve().as_uri(), wait_until="load")
            report[Path(path).as_posix()] = bool(browser.page.evaluate(INJECTION_PROBE))
    return report


# --- a small, generic content folder for the site tests -------------------------------------

HOSTILE_TEXT = "&lt;script&gt;window.__pwned=1&lt;/script&gt; &lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;"

PAGES = {
    "index.md": """# Research microsite

A test corpus about a harbour dispute. See [the actors](actors/index.md),
[the first source](sources/001.md#p1) and [contradictions](contradictions/index.md).
""",
    "actors/index.md": """# Actors

- [Amara Okonkwo](amara-okonkwo.md) — harbour authority spokeswoman
- [Port Workers Union](port-workers-union.md)
""",
    "actors/amara-okonkwo.md": """# Amara Okonkwo

Spokeswoman of the harbour authority.

## Quotes {#quotes}

> “The cranes will run again by Friday,” Okonkwo said. [001 ¶1](../sources/001.md#p1)
""",
    "actors/port-workers-union.md": """# Port Workers Union

Called the strike. [002 ¶1](../sources/002.md#p1)
""",
    "events/index.md": """# Events

- [Harbour strike](harbour-strike.md)
""",
    "events/harbour-strike.md": """# Harbour strike

Dock workers stopped work on 3 May. [001 ¶1](../sources/001.md#p1)
""",
    "quotes/index.md": """# Quotes

| Speaker | Quote | Source |
|---|---|---|
| [Amara Okonkwo](../actors/amara-okonkwo.md) | “The cranes will run again by Friday” | [001 ¶1](../sources/001.md#p1) |
""",
    "sources/index.md": """# Sources

- [001 — Harbour strike enters second day](001.md)
- [002 — Union rejects offer](002.md)
""",
    "sources/001.md": """# Harbour strike enters second day

<p id="p0" class="para para-title" markdown="0">Harbour strike enters second day</p>
<p id="p1" class="para para-body" markdown="0">“The cranes will run again by Friday,” harbour spokeswoman Amara Okonkwo said. About 400 workers joined the strike.</p>
<p id="p2" class="para para-boilerplate" markdown="0">Subscribe to our newsletter. """ + HOSTILE_TEXT + """</p>
""",
    "sources/002.md": """# Union rejects offer

<p id="p0" class="para para-title" markdown="0">Union rejects offer</p>
<p id="p1" class="para para-body" markdown="0">The Port Workers Union said some 1,200 workers joined the strike.</p>
<p id="p2" class="para para-caption" markdown="0">Photo: cranes idle at the container terminal.</p>
""",
    "contradictions/index.md": """# Contradictions

!!! contradiction "How many workers joined the strike?"
    [001 ¶1](../sources/001.md#p1) says about 400; [002 ¶1](../sources/002.md#p1) says some 1,200.
""",
    "timeline.md": """# Timeline

<ul class="timeline" markdown="1">
<li markdown="1"><span class="date">3 May</span> [Harbour strike](events/harbour-strike.md)</li>
</ul>
""",
}


def write_sample_content(folder: Path) -> Path:
    """Write the sample content pages plus data/graph.json into folder; returns folder."""
    for name, text in PAGES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    graph = {"sources": [{"id": "001"}, {"id": "002"}], "actors": [{"id": "amara-okonkwo"}], "quotes": [],
             "events": [], "contradictions": []}
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data" / "graph.json").write_text(json.dumps(graph, indent=1, sort_keys=True), encoding="utf-8")
    return folder
