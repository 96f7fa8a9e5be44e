"""The timeline's actor/source filter in headless Chromium, from file:// in the offline bundle."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model import Actor, Event, EventMention, Graph, Mention, Paragraph, Source
from tests import browser

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "timeline.js"

pytestmark = pytest.mark.skipif(
    not browser.chromium_available(), reason="needs /usr/bin/chromium and playwright (make browser)"
)

# An actor id with a space and a quote, a name with markup: tokens and labels must stay inert.
UNION_ID = "dock union's \"branch\""
UNION_NAME = "Dock <b>Workers</b> & Co"


def make_source(source_id: str, title: str, body: str) -> Source:
    text = f"{title}\n\n{body}"
    paragraphs = [Paragraph(0, 0, len(title), "title"), Paragraph(1, len(title) + 2, len(text), "body")]
    return Source(id=source_id, path=f"{source_id}.txt", text=text, title=title, date="2021-05-04",
                  outlet="Example Post", paragraphs=paragraphs)


def account(source: Source, trigger: str, actors: list[str], date: str | None = None) -> EventMention:
    para = source.paragraphs[1]
    return EventMention(source.id, para.start, para.end, source.text[para.start:para.end], trigger, "statement",
                        date=date, actors=actors)


def timeline_graph() -> Graph:
    """Three sources, three actors, three dated events and one undated one."""
    a = make_source("001", "Ferry service resumes", "The port authority said ferries sailed again on Monday.")
    b = make_source("002", "Dockers walk out", "The dock union called a strike on Tuesday.")
    c = make_source("003", "Talks planned", "The port authority and the union will meet, the mayor said.")
    actors = [Actor("port-authority", "Port Authority", "organization", mentions=[Mention("001", 0, 4)]),
              Actor(UNION_ID, UNION_NAME, "organization", mentions=[Mention("002", 0, 4)]),
              Actor("mayor", "Mayor Jo Park", "person", mentions=[Mention("003", 0, 4)])]
    events = [
        Event("ferries", "Ferries resume", "announcement", "2021-05-03", "on Monday", ["port-authority"], None,
              [account(a, "sailed", ["port-authority"], "2021-05-03")]),
        Event("strike", "Dock strike", "strike", "2021-05-04", "on Tuesday", [UNION_ID], None,
              [account(b, "strike", [UNION_ID], "2021-05-04")]),
        Event("statement", "Authority answers strike", "statement", "2021-05-05", "", ["port-authority"], None,
              [account(b, "said", ["port-authority"]), account(c, "said", ["port-authority", UNION_ID])]),
        Event("talks", "Port talks", "meeting", None, "soon", ["mayor", UNION_ID], None,
              [account(c, "meet", ["mayor", UNION_ID])]),
    ]
    return Graph([a, b, c], actors, [], events, [])


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    from generator.render import write_pages
    from generator.site import build_offline_bundle

    base = tmp_path_factory.mktemp("timeline")
    write_pages(timeline_graph(), base / "content")
    build_offline_bundle(base / "content", base / "offline.zip", ROOT, base / "work")
    return browser.unpack(base / "offline.zip", base / "unpacked")


def shown_titles(page) -> list[str]:
    """Titles of the timeline entries currently displayed, in page order."""
    return page.eval_on_selector_all(
        '[data-timeline="list"] > li', "items => items.filter(li => !li.hidden && li.offsetParent !== null)"
        ".map(li => li.querySelector('a').textContent)")


def count_text(page) -> str:
    return page.inner_text('[data-timeline="count"]').strip()


def choose(page, control: str, label: str) -> None:
    """Pick the option of the actor or source select whose label starts with `label`."""
    value = page.eval_on_selector(
        f"#timeline-{control}", "(s, label) => [...s.options].find(o => o.text.startsWith(label)).value", label)
    page.select_option(f"#timeline-{control}", value)


def test_actor_and_source_filters_narrow_the_list(unpacked: Path) -> None:
    with browser.OfflineBrowser() as chromium:
        page = chromium.page
        page.goto((unpacked / "timeline.html").as_uri(), wait_until="load")
        page.wait_for_selector('form[data-timeline="filter"]:not([hidden])', timeout=5000)
        every = ["Ferries resume", "Dock strike", "Authority answers strike", "Port talks"]
        assert shown_titles(page) == every
        assert count_text(page) == "All 4 events shown"

        choose(page, "actor", "Port Authority")
        assert shown_titles(page) == ["Ferries resume", "Authority answers strike"]
        assert count_text(page) == "2 of 4 events shown"
        assert page.is_visible("text=No undated event matches.")

        choose(page, "source", "002")
        assert shown_titles(page) == ["Authority answers strike"]
        assert count_text(page) == "1 of 4 events shown"

        page.click('[data-timeline="reset"]')
        assert shown_titles(page) == every and count_text(page) == "All 4 events shown"
        assert not page.is_visible("text=No undated event matches.")

        choose(page, "actor", "Dock <b>Workers</b> & Co")  # markup in the name shows as text
        assert shown_titles(page) == ["Dock strike", "Authority answers strike", "Port talks"]
        assert count_text(page) == "3 of 4 events shown"

        page.click("text=Port talks")
        page.wait_for_load_state("load")
        assert page.url.endswith("/events/talks.html")
        assert chromium.blocked == [] and chromium.errors == []


def test_address_preselects_an_actor(unpacked: Path) -> None:
    with browser.OfflineBrowser() as chromium:
        page = chromium.page
        query = "?actors=dock%20union%27s%20%22branch%22&sources=unknown"
        page.goto((unpacked / "timeline.html").as_uri() + query, wait_until="load")
        page.wait_for_selector('form[data-timeline="filter"]:not([hidden])', timeout=5000)
        assert shown_titles(page) == ["Dock strike", "Authority answers strike", "Port talks"]
        assert page.eval_on_selector("#timeline-source", "s => s.value") == ""
        assert chromium.blocked == [] and chromium.errors == []


def test_without_javascript_every_entry_and_group_shows(unpacked: Path) -> None:
    with browser.OfflineBrowser(javascript=False) as chromium:
        page = chromium.page
        page.goto((unpacked / "timeline.html").as_uri(), wait_until="load")
        assert not page.is_visible('form[data-timeline="filter"]')
        assert len(shown_titles(page)) == 4
        assert page.is_visible("h2#undated-events") and page.is_visible("h2#events-by-actor")
        assert page.is_visible("summary:has-text('Port Authority (2)')")
        assert chromium.blocked == []


def test_script_works_without_material(tmp_path: Path, unpacked: Path) -> None:
    """The DOMContentLoaded path: the same markup, no Material bundle (no `document$`)."""
    html = (unpacked / "timeline.html").read_text(encoding="utf-8")
    article = html[html.index("<form class=\"timeline-filter\""):html.index('<h2 data-search-exclude')]
    page_file = tmp_path / "bare.html"
    page_file.write_text(f'<!doctype html><meta charset="utf-8"><body>{article}'
                         f'<script src="{SCRIPT.as_uri()}"></script></body>', encoding="utf-8")
    with browser.OfflineBrowser() as chromium:
        page = chromium.page
        page.goto(page_file.as_uri(), wait_until="load")
        assert page.evaluate("typeof window.document$") == "undefined"
        choose(page, "source", "003")
        assert shown_titles(page) == ["Authority answers strike", "Port talks"]
        assert count_text(page) == "2 of 4 events shown"
        assert chromium.blocked == [] and chromium.errors == []


def test_timeline_page_requests_nothing_outside_the_bundle(unpacked: Path) -> None:
    html = (unpacked / "timeline.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/timeline.js"></script>' in html
    assert not re.findall(r"""\s(?:src|href)=["']?(?:https?:)?//""", html)
    assert (unpacked / "assets" / "javascripts" / "timeline.js").is_file()
    script = (unpacked / "assets" / "javascripts" / "timeline.js").read_text(encoding="utf-8")
    for network in ("fetch(", "XMLHttpRequest", "import(", "innerHTML", "://"):
        assert network not in script, network
