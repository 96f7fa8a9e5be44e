"""Rendering hand-built graphs: pages, citations, escaping of hostile text, determinism, rewrites."""
from __future__ import annotations

import json
import re
from pathlib import Path

import markdown

from generator.model import (Actor, Claim, Contradiction, Event, EventMention, Figure, Graph, Mention, Paragraph,
                             Quote, Role, Source)
from generator.render import render_pages, write_pages
from generator.render.citations import sentence_bounds
from generator.render.corpus import quote_anchor
from generator.render.filters import md_escape

ROOT = Path(__file__).resolve().parent.parent

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences", "tables", "toc"]

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) {{ 7*7 }} {% raw %} "
    "<!-- hidden --> | a | b | {: onclick=alert(4) }"
)


def make_source(source_id: str, paragraphs: list[str], date: str | None = "2020-03-02") -> Source:
    text, spans = "", []
    for i, para in enumerate(paragraphs):
        if i:
            text += "\n\n"
        spans.append(Paragraph(i, len(text), len(text) + len(para), "title" if i == 0 else "body"))
        text += para
    return Source(id=source_id, path=f"{source_id}.txt", text=text, title=paragraphs[0], date=date,
                  outlet="Daily Example", paragraphs=spans)


def span(source: Source, words: str, after: int = 0) -> tuple[int, int]:
    start = source.text.index(words, after)
    return start, start + len(words)


def small_graph() -> Graph:
    a = make_source("001", [
        "Bridge reopens in Riverton",
        "The bridge reopened on Monday, Mayor Ann Lee said. Dr. Ray Cole was there.",
        "“Traffic is flowing again,” Lee told reporters. About 300 cars crossed in the first hour.",
    ])
    b = make_source("002", [
        "Riverton bridge opening delayed",
        "The Transport Agency said only 120 cars crossed. Lee disputed that.",
    ], date="2020-03-03")
    lee_1, lee_2 = span(a, "Ann Lee"), span(a, "Lee", a.text.index("again"))
    lee_3 = span(b, "Lee", b.text.index("crossed"))
    agency = span(b, "The Transport Agency")
    lee = Actor("ann-lee", "Ann Lee", "person", aliases=["Lee"], description="Mayor of Riverton",
                mentions=[Mention("001", *lee_1, "Ann Lee"), Mention("001", *lee_2, "Lee"), Mention("002", *lee_3, "Lee")],
                roles=[Role("mayor", None, "Riverton", "001", *lee_1)],
                merges=["“Lee” is the surname of “Ann Lee” in 001"])
    agency_actor = Actor("transport-agency", "Transport Agency", "organization",
                         mentions=[Mention("002", *agency, "The Transport Agency")])
    q_start, q_end = span(a, "Traffic is flowing again,")
    quote = Quote("001:q1", a.text[q_start:q_end], "direct", "ann-lee", "001", q_start, q_end, cue="told",
                  speaker_text="Lee")
    orphan_start, orphan_end = span(b, "only 120 cars crossed")
    orphan = Quote("002:q1", b.text[orphan_start:orphan_end], "indirect", None, "002", orphan_start, orphan_end,
                   cue="said", speaker_text="someone")
    s1, e1 = span(a, "The bridge reopened on Monday, Mayor Ann Lee said.")
    s2, e2 = span(b, "The Transport Agency said only 120 cars crossed.")
    fig_a = Figure("About 300 cars", 300, "car", "count", "about", "001", *span(a, "About 300 cars"))
    event = Event("bridge-reopening", "Bridge reopening", "announcement", "2020-03-02", "on Monday",
                  ["ann-lee", "transport-agency"], "Riverton", [
                      EventMention("001", s1, e1, a.text[s1:e1], "reopened", "announcement", "2020-03-02",
                                   "on Monday", actors=["ann-lee"], figures=[fig_a]),
                      EventMention("002", s2, e2, b.text[s2:e2], "crossed", "announcement", None, "",
                                   actors=["transport-agency"])])
    undated = Event("inspection", "Bridge inspection", "meeting", None, "on Thursday", [], None, [
        EventMention("002", s2, e2, b.text[s2:e2], "said", "meeting", None, "on Thursday")])
    c300, c120 = span(a, "About 300 cars crossed"), span(b, "only 120 cars crossed")
    contradiction = Contradiction("c1", "figures", "Cars crossing: about 300 vs 120", [
        Claim("001", *c300, a.text[c300[0]:c300[1]], None),
        Claim("002", *c120, b.text[c120[0]:c120[1]], "transport-agency")], "bridge-reopening",
        ["transport-agency"])
    return Graph([a, b], [lee, agency_actor], [quote, orphan], [event, undated], [contradiction])


def hostile_graph() -> Graph:
    source = make_source("evil", [
        "Title " + HOSTILE,
        "Mayor <b>Bold</b> said " + HOSTILE,
        "!!! note \"pwned\"",
        "---",
        "    indented code? " + HOSTILE,
    ])
    start, end = span(source, "<script>alert(1)</script>", source.paragraphs[1].start)
    actor = Actor("evil-actor", "<script>alert(1)</script> {{ 7*7 }}", "person", aliases=["[x](javascript:alert(1))"],
                  description="!!! note \"desc\"", mentions=[Mention("evil", start, end, "x")],
                  merges=["<img src=x onerror=alert(1)>"])
    quote = Quote("evil:q1", source.text[start:end], "direct", "evil-actor", "evil", start, end,
                  cue="<!-- -->", speaker_text="| a | b |")
    event = Event("evil-event", "<img src=x onerror=alert(5)> {{ 7*7 }}", "statement", None, "{% raw %}",
                  ["evil-actor"], "[[wiki]]", [EventMention("evil", start, end, "x", "said", "statement")])
    contradiction = Contradiction("c1", "denial", "!!! note \"inner\" <script>x</script>", [
        Claim("evil", start, end, "x", "evil-actor"), Claim("evil", start, end, "y", None)], "evil-event")
    return Graph([source], [actor], [quote], [event], [contradiction])


def to_html(text: str) -> str:
    """Markdown → HTML as MkDocs does it: YAML front matter (ours, never the article's) comes off first."""
    from mkdocs.utils.meta import get_data

    body, _ = get_data(text)
    return markdown.markdown(body, extensions=EXTENSIONS)


def test_md_escape_makes_markup_inert() -> None:
    escaped = md_escape("a\n\n!!! note *b* <i>c</i> {{ 7*7 }} | [x](javascript:y)")
    html = to_html(f"Text {escaped}")
    assert "<i>" not in html and "<em>" not in html and "<table" not in html and "<a " not in html
    assert "\n" not in escaped
    assert "{{ 7*7 }}" in __import__("html").unescape(html)


def test_every_page_exists_and_cites_paragraphs() -> None:
    pages = render_pages(small_graph())
    expected = {"index.md", "timeline.md", "actors/index.md", "actors/ann-lee.md", "actors/transport-agency.md",
                "events/index.md", "events/bridge-reopening.md", "events/inspection.md", "quotes/index.md",
                "quotes/001.md", "quotes/002.md", "sources/index.md", "sources/001.md", "sources/002.md",
                "contradictions/index.md"}
    assert set(pages) == expected
    for path in ("actors/ann-lee.md", "events/bridge-reopening.md", "quotes/001.md"):
        assert re.search(r"\[001 ¶\d\]\(\.\./sources/001\.md#p\d\)", pages[path]), path


def test_actor_page_contents() -> None:
    page = render_pages(small_graph())["actors/ann-lee.md"]
    assert "# Ann Lee" in page
    assert "## Variants merged" in page and "surname" in page
    assert "(../quotes/001.md#quote-q1)" in page
    assert "(../events/bridge-reopening.md)" in page
    assert "[Transport Agency](../actors/transport-agency.md)" in page
    assert "<svg" in page and "currentColor" in page
    # the sentence around a mention, not only a link
    assert "Dr. Ray Cole" not in page.split("## Mentions")[1].split("\n- ")[1]
    assert "The bridge reopened on Monday, Mayor Ann Lee said." in __import__("html").unescape(page)


def test_event_page_accounts_and_callout() -> None:
    pages = render_pages(small_graph())
    html = to_html(pages["events/bridge-reopening.md"])
    assert "2020-03-02" in html
    assert 'class="admonition contradiction"' in html
    assert html.count("../sources/001.md#p1") >= 1 and "../sources/002.md#p1" in html
    undated = to_html(pages["events/inspection.md"])
    assert "on Thursday" in undated and "date unresolved" in undated


def test_quotes_page_per_article_with_an_anchor_per_quote() -> None:
    pages = render_pages(small_graph())
    page = pages["quotes/002.md"]
    assert "unknown speaker" in page
    assert "[002 ¶1](../sources/002.md#p1)" in page
    assert 'id="quote-q1"' in to_html(page)
    index = pages["quotes/index.md"]
    assert "[Ann Lee](../actors/ann-lee.md) | 1 |" in index and "| unknown speaker | 1 |" in index
    assert "(../quotes/002.md)" in index


def test_quote_anchor_is_a_plain_id() -> None:
    assert quote_anchor("002:q3") == "quote-q3"
    assert quote_anchor("a b:<q 4>") == "quote-q-4"


def test_source_page_anchors_every_paragraph() -> None:
    page = render_pages(small_graph())["sources/001.md"]
    for index in range(3):
        assert f'<p id="p{index}" class="para para-' in page
    html = to_html(page)
    assert 'id="p2"' in html and "Traffic is flowing again" in html


def test_search_skips_page_chrome_and_a_headline_that_repeats_the_title() -> None:
    source = make_source("001", ["Bridge reopens", "The bridge reopened on Monday.", "Share this article"])
    source.paragraphs[2].kind = "boilerplate"
    page = render_pages(Graph(sources=[source]))["sources/001.md"]
    excluded = re.findall(r'<p id="p(\d)" class="[^"]*" data-search-exclude', page)
    assert excluded == ["0", "2"]
    source.title = "A title given by a sidecar"  # the headline is then the only place its words appear
    page = render_pages(Graph(sources=[source]))["sources/001.md"]
    assert re.findall(r'<p id="p(\d)" class="[^"]*" data-search-exclude', page) == ["2"]


def test_home_lists_the_first_sources_and_links_to_all() -> None:
    sources = [make_source(f"{n:03d}", [f"Report {n}", "Body."]) for n in range(25)]
    home = render_pages(Graph(sources=sources))["index.md"]
    assert "(sources/019.md)" in home and "(sources/020.md)" not in home
    assert "[All 25 sources](sources/index.md)" in home
    assert "All 5 sources" not in render_pages(Graph(sources=sources[:5]))["index.md"]


def test_contradictions_index_groups_and_cites() -> None:
    html = to_html(render_pages(small_graph())["contradictions/index.md"])
    assert 'class="admonition contradiction"' in html
    assert "About 300 cars crossed in the first hour." in html
    assert 'href="../sources/002.md#p1"' in html
    assert 'href="../actors/transport-agency.md"' in html


def test_timeline_orders_and_lists_undated_apart() -> None:
    page = render_pages(small_graph())["timeline.md"]
    assert page.index("Bridge reopening") < page.index("## Undated events") < page.index("Bridge inspection")
    assert "<script" not in page and "## Events by actor" in page and "## Events by source" in page


def timeline_entries(html: str) -> dict[str, tuple[str, str]]:
    """Event link text → (data-actors, data-sources) of each timeline entry in rendered HTML."""
    found = re.findall(r'<li data-actors="([^"]*)" data-sources="([^"]*)">.*?<a href="[^"]*">([^<]*)</a>', html)
    return {title: (actors, sources) for actors, sources, title in found}


def test_timeline_entries_carry_actor_and_source_tokens() -> None:
    html = to_html(render_pages(small_graph())["timeline.md"])
    entries = timeline_entries(html)
    assert entries == {"Bridge reopening": ("ann-lee transport-agency", "001 002"),
                       "Bridge inspection": ("", "002")}
    dated, undated = html.split('<h2 id="undated-events">')
    assert '<ol class="timeline" data-timeline="list">' in dated and "Bridge inspection" not in dated
    assert '<time datetime="2020-03-02">' in dated
    assert "Bridge inspection" in undated.split('<h2 data-search-exclude')[0]
    assert '<option value="ann-lee">Ann Lee (1)</option>' in html
    assert '<option value="002">002: Riverton bridge opening delayed (2)</option>' in html
    assert '<form class="timeline-filter" data-timeline="filter" hidden' in html  # shown by timeline.js only


def test_timeline_filter_data_stays_inert() -> None:
    graph = hostile_graph()
    graph.actors[0].id = "evil \" onclick=\"x <b>"
    graph.events[0].actors = [graph.actors[0].id]
    html = to_html(render_pages(graph)["timeline.md"])
    assert timeline_entries(html)["&lt;img src&#61;x onerror&#61;alert&#40;5&#41;&gt; &#123;&#123; 7&#42;7 &#125;&#125;"] \
        == ("evil%20%22%20onclick%3D%22x%20%3Cb%3E", "evil")
    assert '<option value="evil%20%22%20onclick%3D%22x%20%3Cb%3E">&lt;script&gt;' in html
    assert "<script" not in html and "<b>" not in html and "onclick=" not in html


def test_timeline_without_events_has_no_filter() -> None:
    graph = small_graph()
    graph.events = []
    page = render_pages(graph)["timeline.md"]
    assert "data-timeline" not in page and "0 dated events" in page


def test_sentence_bounds_skip_abbreviations() -> None:
    text = "He met Dr. Cole in the U.S. capital. Then he left."
    start, end = sentence_bounds(text, text.index("capital"))
    assert text[start:end] == "He met Dr. Cole in the U.S. capital."
    start, end = sentence_bounds(text, text.index("left"))
    assert text[start:end] == "Then he left."




def test_hostile_text_is_inert() -> None:
    pages = render_pages(hostile_graph())
    assert pages
    for path, text in pages.items():
        html = to_html(text)
        assert "<script" not in html, path
        assert "<img" not in html, path
        assert not re.search(r"href=\"\s*javascript:", html, re.I), path
        assert "<b>" not in html, path
        assert not re.search(r"<[^>]*\son(click|error)\s*=", html), path
        assert 'class="admonition note"' not in html, path
        assert "<hr" not in html, path
        assert "<!--" not in html, path
    source_html = to_html(pages["sources/evil.md"])
    assert "{{ 7*7 }}" in source_html and "{% raw %}" in source_html
    assert "&lt;script&gt;" in source_html
    actor_html = to_html(pages["actors/evil-actor.md"])
    assert "{{ 7*7 }}" in __import__("html").unescape(actor_html)


def test_render_is_deterministic() -> None:
    assert render_pages(small_graph()) == render_pages(small_graph())


def test_write_pages_rewrites_only_changes_and_removes_stale(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True)
    (content / "data" / "keep.md").write_text("data", encoding="utf-8")
    (content / "actors").mkdir()
    (content / "actors" / "gone.md").write_text("old", encoding="utf-8")
    written = write_pages(small_graph(), content)
    assert content / "actors" / "ann-lee.md" in written
    assert not (content / "actors" / "gone.md").exists()
    assert (content / "data" / "keep.md").exists()
    first = {p: p.read_bytes() for p in written}
    stamps = {p: p.stat().st_mtime_ns for p in written}
    for path in written:
        import os
        os.utime(path, ns=(1, 1))
    graph = small_graph()
    added = graph.sources[1]
    added.text += "\n\nA closing line was added."
    added.paragraphs.append(Paragraph(len(added.paragraphs), len(added.text) - 26, len(added.text), "body"))
    again = write_pages(graph, content)
    assert sorted(again) == sorted(written)
    changed = [p for p in again if p.stat().st_mtime_ns != 1]
    assert content / "sources" / "002.md" in changed
    assert content / "actors" / "transport-agency.md" not in changed
    assert len(changed) < len(again) / 2
    assert first[content / "actors" / "ann-lee.md"] == (content / "actors" / "ann-lee.md").read_bytes()
    assert stamps


def test_colliding_ids_get_distinct_file_names() -> None:
    graph = small_graph()
    graph.actors.append(Actor("index", "Index Person", "person"))
    pages = render_pages(graph)
    assert "actors/index-2.md" in pages
    assert "[Index Person](../actors/index-2.md)" in pages["actors/index.md"]


def test_mentions_in_one_sentence_are_listed_once() -> None:
    graph = small_graph()
    lee = graph.actors[0]
    start = graph.sources[0].text.index("Mayor Ann Lee")
    lee.mentions.append(Mention("001", start, start + 5, "Mayor"))
    page = render_pages(graph)["actors/ann-lee.md"]
    assert "## Mentions (4 in 3 sentences)" in page


def test_an_inferred_article_date_says_so() -> None:
    graph = small_graph()
    source = graph.sources[0]
    source.date, source.date_origin = "2020-03-01", "inferred"
    pages = render_pages(graph)
    assert "not before 2020-03-01 (inferred, not in the article" in pages[f"sources/{source.id}.md"]
    assert "not before 2020-03-01" in pages["sources/index.md"]


def test_timeline_context_counts_known_actors_and_sources_only() -> None:
    from generator.render.timeline import timeline_context

    graph = small_graph()
    graph.events[0].actors.append("nobody-known")
    context = timeline_context(graph, sorted(graph.actors, key=lambda a: a.name))
    assert [t.actors for t in context["dated"]] == [("ann-lee", "transport-agency")]
    assert [(o.value, o.count) for o in context["source_options"]] == [("001", 1), ("002", 2)]
    assert [a.id for a, _ in context["by_actor"]] == ["ann-lee", "transport-agency"]


def test_pages_rendered_in_worker_processes_are_the_same(monkeypatch) -> None:
    from generator.render import pages as pages_module

    graph = small_graph()
    serial = render_pages(graph)
    monkeypatch.setattr(pages_module, "PARALLEL_PAGES", 1)
    parallel = render_pages(graph, jobs=2)
    assert parallel == serial
    assert list(parallel) == list(serial)


def test_an_event_told_only_in_a_quotation_names_who_claims_it() -> None:
    graph = small_graph()
    quote = graph.quotes[0]  # Lee: "Traffic is flowing again,"
    source = graph.sources[0]
    start = source.paragraphs[2].start
    claimed = EventMention("001", start, quote.end + 1, source.text[start:quote.end + 1], "flowing", "other",
                           claimed_in=quote.id)
    graph.events.append(Event("traffic", "Traffic flows", "other", None, "", [], None, [claimed]))
    html = to_html(render_pages(graph)["events/traffic.md"])
    assert "only in quotations" in html and "No article reports it in its own words" in html
    assert 'claimed by <a href="../actors/ann-lee.md">Ann Lee</a>' in html
    assert f'href="../quotes/001.md#{quote_anchor(quote.id)}"' in html
    reported = to_html(render_pages(small_graph())["events/bridge-reopening.md"])
    assert "claimed by" not in reported and "only in quotations" not in reported


def test_the_timeline_marks_an_event_told_only_in_quotations() -> None:
    graph = small_graph()
    quote = graph.quotes[0]
    claimed = EventMention("001", quote.start, quote.end, quote.text, "flowing", "other", "2020-03-02",
                           claimed_in=quote.id)
    graph.events.append(Event("traffic", "Traffic flows", "other", "2020-03-02", "", [], None, [claimed]))
    timeline = render_pages(graph)["timeline.md"]
    entries = [line for line in timeline.splitlines() if line.startswith("<li")]
    assert [("claimed in quotations only" in line) for line in entries if "events/traffic.md" in line] == [True]
    assert not any("claimed in quotations only" in line for line in entries if "events/traffic.md" not in line)


def test_pages_written_by_worker_processes_match_their_digests(tmp_path: Path, monkeypatch) -> None:
    import hashlib

    from generator.render import pages as pages_module
    from generator.render import write_and_hash_pages

    monkeypatch.setattr(pages_module, "PARALLEL_PAGES", 1)
    ran: list[str] = []
    written = write_and_hash_pages(small_graph(), tmp_path / "content", jobs=2, meanwhile=lambda: ran.append("export"))
    assert ran == ["export"]
    expected = render_pages(small_graph())
    assert sorted(written.digests) == sorted(expected)
    for relative, text in expected.items():
        data = (tmp_path / "content" / relative).read_bytes()
        assert data == text.encode("utf-8")
        assert written.digests[relative] == hashlib.sha256(data).hexdigest()
    memo = tmp_path / "render.state.json"
    for _ in range(2):  # the memo written by forked workers, then read by them
        with_memo = write_and_hash_pages(small_graph(), tmp_path / "content", jobs=2, memo=memo)
        assert with_memo.digests == written.digests
    graph = small_graph()  # every source, quotes, actor and event page is made from its own data
    assert len(json.loads(memo.read_text(encoding="utf-8"))) == 4 + len(graph.actors) + len(graph.events)


def test_memo_spares_unchanged_article_pages_and_never_serves_a_stale_one(tmp_path: Path, monkeypatch) -> None:
    from generator.render import pages as pages_module
    from generator.render import write_and_hash_pages

    content, memo = tmp_path / "content", tmp_path / "build" / "render.state.json"
    write_and_hash_pages(small_graph(), content, memo=memo)
    rendered: list[str] = []
    render_alone = pages_module.PageRenderer.render_alone

    def counting(self, template, **context):
        rendered.append(template)
        return render_alone(self, template, **context)

    monkeypatch.setattr(pages_module.PageRenderer, "render_alone", counting)

    def rebuild(graph: Graph) -> list[str]:
        """The article templates rendered again; the pages must equal a render without memo."""
        rendered.clear()
        written = write_and_hash_pages(graph, content, memo=memo)
        again = [t for t in rendered if t in ("source.md.j2", "quotes_source.md.j2")]
        expected = render_pages(graph)
        assert {p: (content / p).read_text(encoding="utf-8") for p in written.digests} == expected
        return again

    assert rebuild(small_graph()) == []  # nothing changed: no article page rendered again

    graph = small_graph()
    graph.sources[1].outlet = "Evening Example"
    assert sorted(rebuild(graph)) == ["quotes_source.md.j2", "source.md.j2"]  # that article's two pages only

    graph.actors[0].name = "Ann B. Lee"  # a speaker renamed: the quotes page naming her is made again
    assert rebuild(graph) == ["quotes_source.md.j2"]
    assert "Ann B. Lee" in (content / "quotes" / "001.md").read_text(encoding="utf-8")

    (content / "sources" / "001.md").write_text("edited by hand", encoding="utf-8")
    assert "source.md.j2" in rebuild(small_graph())  # a page whose file changed is made again
    assert "edited by hand" not in (content / "sources" / "001.md").read_text(encoding="utf-8")


def test_memo_trusts_an_old_file_by_size_and_time_and_reads_a_recent_one(tmp_path: Path, monkeypatch) -> None:
    import os

    from generator.render import memo as memo_module
    from generator.render import write_and_hash_pages

    content, memo = tmp_path / "content", tmp_path / "render.state.json"
    page = content / "sources" / "001.md"
    first = write_and_hash_pages(small_graph(), content, memo=memo)
    held = page.read_bytes()
    forged = held.replace(b"#", b"%", 1)  # same size, other bytes, same time: a second write a coarse clock hid
    page.write_bytes(forged)
    recorded = json.loads(memo.read_text(encoding="utf-8"))["sources/001.md"]
    os.utime(page, ns=(recorded[3], recorded[3]))
    assert write_and_hash_pages(small_graph(), content, memo=memo).digests == first.digests
    assert page.read_bytes() == held  # written just now: read, found changed, made again

    an_hour_ago = recorded[3] - 3600 * 10**9
    for path in content.rglob("*.md"):
        os.utime(path, ns=(an_hour_ago, an_hour_ago))
    write_and_hash_pages(small_graph(), content, memo=memo)  # the memo learns the new times
    opened: list[str] = []
    monkeypatch.setattr(memo_module, "open", lambda path, *a: opened.append(str(path)) or open(path, *a),
                        raising=False)
    assert write_and_hash_pages(small_graph(), content, memo=memo).digests == first.digests
    assert opened == []  # old files of the recorded size and time: trusted unread


def made_from_reach_and_from_the_whole_graph(graph: Graph) -> list[tuple[str, str]]:
    """Each actor and event page as the build makes it (from the items in its reach alone), beside the
    same page made with the whole graph in sight."""
    from generator.render.pages import PageRenderer, actor_context, event_context

    renderer = PageRenderer(graph)
    pairs = []
    for actor in graph.actors:
        data, _ = renderer.actor_inputs(actor)
        pairs.append((renderer.actor_page(actor)(),
                      renderer.render("actor.md.j2", "../", **actor_context(data, renderer.corpus))))
    for event in graph.events:
        data, _ = renderer.event_inputs(event)
        pairs.append((renderer.event_page(event)(),
                      renderer.render("event.md.j2", "../", **event_context(data, renderer.corpus))))
    return pairs


def test_actor_and_event_pages_made_from_their_reach_miss_nothing() -> None:
    pairs = made_from_reach_and_from_the_whole_graph(small_graph())
    assert len(pairs) == 4 and all(alone == whole for alone, whole in pairs)
    assert any("!!! contradiction" in alone for alone, _ in pairs)


def test_actor_and_event_pages_made_from_their_reach_miss_nothing_in_real_corpora(tmp_path: Path) -> None:
    """The seed articles and a synthetic wire corpus, extracted and resolved by the pipeline."""
    from bench.corpus import write_corpus
    from generator.pipeline import make_graph
    from generator.settings import Settings

    write_corpus(tmp_path / "wire", 24)
    for seeds in (ROOT / "seeds", tmp_path / "wire"):
        graph = make_graph(Settings(seeds=seeds, out=tmp_path / "out", project=ROOT, jobs=1, cache=False),
                           progress=lambda message: None)
        pairs = made_from_reach_and_from_the_whole_graph(graph)
        assert len(pairs) == len(graph.actors) + len(graph.events) > 10
        assert [whole for _, whole in pairs] == [alone for alone, _ in pairs]
        assert any("!!! contradiction" in alone for alone, _ in pairs)
