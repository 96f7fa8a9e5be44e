"""The offline bundle in headless Chromium from file://, with every other request blocked."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from tests import browser

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not browser.chromium_available(), reason="needs /usr/bin/chromium and playwright (make browser)"
)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    from generator.site import build_offline_bundle

    base = tmp_path_factory.mktemp("bundle")
    content = browser.write_sample_content(base / "content")
    build_offline_bundle(content, base / "offline.zip", ROOT, base / "work")
    return base / "offline.zip"


@pytest.fixture(scope="module")
def unpacked(bundle: Path, tmp_path_factory) -> Path:
    return browser.unpack(bundle, tmp_path_factory.mktemp("unpacked"))


def test_search_works_offline_from_file_urls(bundle: Path, tmp_path: Path) -> None:
    timing = browser.open_offline_search(bundle, tmp_path / "site", "Okonkwo")
    assert 0 < timing.after_load < 30 and 0 < timing.harness < 30


def test_no_request_leaves_the_file_system(unpacked: Path) -> None:
    with browser.OfflineBrowser() as chromium:
        chromium.page.goto((unpacked / "index.html").as_uri(), wait_until="load")
        browser.search(chromium.page, "strike")
        results = chromium.page.inner_text(".md-search-result__list")
        chromium.page.goto((unpacked / "contradictions" / "index.html").as_uri(), wait_until="load")
        assert chromium.blocked == []
        assert chromium.errors == []
    assert "Harbour strike" in results


def test_file_pages_search_in_a_worker_made_from_the_shipped_source(unpacked: Path) -> None:
    with browser.OfflineBrowser() as chromium:
        chromium.page.goto((unpacked / "index.html").as_uri(), wait_until="load")
        browser.search(chromium.page, "strike")
        frames = chromium.page.evaluate("document.querySelectorAll('iframe').length")
        assert chromium.errors == [] and chromium.blocked == []
    assert frames == 0  # the shim's fallback would have added a hidden iframe


COUNT_SETUPS = """(() => { window.__setups = 0; const send = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (data) { if (data && data.type === 0) window.__setups += 1;
        return send.apply(this, arguments); }; })();"""


def test_file_pages_send_the_search_index_once_as_they_load(unpacked: Path) -> None:
    """As over http, the worker gets the index before search is opened; Material's own copy is dropped."""
    with browser.OfflineBrowser() as chromium:
        chromium.page.add_init_script(COUNT_SETUPS)
        chromium.page.goto((unpacked / "index.html").as_uri(), wait_until="load")
        chromium.page.wait_for_function("window.__setups === 1", timeout=browser.SEARCH_TIMEOUT_MS)
        opened = chromium.page.evaluate("document.getElementById('__search').checked")
        browser.search(chromium.page, "strike")
        results = chromium.page.inner_text(".md-search-result__list")
        setups = chromium.page.evaluate("window.__setups")
        assert chromium.errors == [] and chromium.blocked == []
    assert opened is False and setups == 1 and "Harbour strike" in results


def test_search_falls_back_to_an_iframe_without_the_worker_source(unpacked: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(unpacked, site)
    sources = list(site.glob("assets/javascripts/workers/*.source.js"))
    assert sources
    for path in sources:
        path.unlink()
    with browser.OfflineBrowser() as chromium:
        chromium.page.goto((site / "index.html").as_uri(), wait_until="load")
        browser.search(chromium.page, "strike")
        results = chromium.page.inner_text(".md-search-result__list")
        frames = chromium.page.evaluate("document.querySelectorAll('iframe').length")
        assert chromium.errors == [] and chromium.blocked == []
    assert frames == 1 and "Harbour strike" in results


def test_hosted_site_searches_in_a_native_worker(unpacked: Path) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(unpacked))
    handler.log_message = lambda *args: None
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with browser.OfflineBrowser(allowed=(base,)) as chromium:
                chromium.page.goto(base + "index.html", wait_until="load")
                browser.search(chromium.page, "strike")
                frames = chromium.page.evaluate("document.querySelectorAll('iframe').length")
                assert chromium.errors == [] and chromium.blocked == []
                requested = chromium.requested
        finally:
            server.shutdown()
    assert frames == 0 and base + "search/search_index.json" in requested
    assert not any(url.endswith(".source.js") for url in requested)  # the file:// shim stays out of the way


def test_escaped_hostile_text_does_not_run(unpacked: Path) -> None:
    pages = sorted(unpacked.rglob("*.html"))
    report = browser.injected_markers(unpacked, pages)
    assert len(report) == len(pages) and not any(report.values()), report


def test_injection_probe_does_detect_injected_code(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<p>x</p><script>window.__pwned = 1;</script>", encoding="utf-8")
    (tmp_path / "markup.html").write_text('<div id="pwned-div">x</div>', encoding="utf-8")
    (tmp_path / "clean.html").write_text("<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>", encoding="utf-8")
    report = browser.injected_markers(tmp_path, [Path("bad.html"), Path("markup.html"), Path("clean.html")])
    assert list(report.values()) == [True, True, False]


def test_palette_toggle_switches_to_dark(unpacked: Path) -> None:
    with browser.OfflineBrowser() as chromium:
        page = chromium.page
        page.goto((unpacked / "index.html").as_uri(), wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'", timeout=5000)
