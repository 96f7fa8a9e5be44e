"""Render every page of the microsite from a Graph with Jinja2 templates."""
from __future__ import annotations

import hashlib
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import jinja2

from generator.files import write_if_changed
from generator.model import Actor, Contradiction, Event, Graph, Quote, Source
from generator.render.corpus import FOLDERS, Corpus, Links, quote_anchor
from generator.render.filters import Safe, finalize, md_escape
from generator.render.memo import Closed, Memo, memo_entry, memo_key, read_memo, unchanged, write_memo
from generator.render.network import network_svg
from generator.render.timeline import chronological, dated_and_undated, event_date_label, timeline_context

TEMPLATES = Path(__file__).parent / "templates"
ROOT_PAGES = ("index.md", "timeline.md")
HOME_CONTRADICTIONS = 5
HOME_TIMELINE = 8
HOME_SOURCES = 20  # the home page stays small; sources/index.md lists them all


def join_safe(items: Iterable[object], separator: str = ", ") -> Safe:
    """Join values, escaping every one not already Safe."""
    return Safe(separator.join(md_escape(item) for item in items))


def format_number(value: float) -> str:
    """300.0 → "300", 2.5 → "2.5", 250000.0 → "250,000"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def make_environment() -> jinja2.Environment:
    """Markdown-target Jinja environment: autoescape off, every printed value escaped by finalize."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["join_safe"] = join_safe
    env.filters["raw"] = Safe  # only for macro output, whose own values were escaped already
    env.filters["number"] = format_number
    env.globals["event_date"] = event_date_label
    env.globals["quote_anchor"] = quote_anchor
    env.globals["source_date"] = source_date_label
    return env


@lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    """`make_environment` with every template compiled: made once per process (forked workers inherit it)."""
    env = make_environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
    return env


def source_date_label(source: Source) -> str:
    """The article's date; an inferred one is a lower bound (it reports events of that day)."""
    if not source.date:
        return "undated"
    return f"not before {source.date}" if source.date_origin == "inferred" else source.date


def source_paragraphs(source: Source) -> list[Safe]:
    """One anchored raw-HTML element per paragraph, the text escaped by the one filter.

    Page chrome and a headline that repeats the page's title stay out of the search index.
    """
    lines = []
    for para in source.paragraphs:
        kind = md_escape(para.kind, raw_html=True)
        raw = source.text[para.start:para.end]
        text = md_escape(raw, raw_html=True)
        unsearched = " data-search-exclude" if not searched(source, para.kind, raw) else ""
        lines.append(Safe(f'<p id="p{para.index}" class="para para-{kind}"{unsearched} markdown="0">{text}</p>'))
    return lines


def searched(source: Source, kind: str, text: str) -> bool:
    """Whether a paragraph belongs in the search index: not page chrome, not the title said again."""
    if kind == "boilerplate":
        return False
    return not (kind == "title" and source.title and text.strip().lstrip("#").strip() == source.title)


@dataclass(frozen=True)
class Reach:
    """The items a page may link to or quote, each with its page name: all its template can look up."""

    sources: tuple[Source, ...]
    actors: tuple[tuple[str, str], ...]  # (id, name)
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    names: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (folder, ((id, page name), …))

    def corpus(self) -> Corpus:
        """A corpus of these items alone, with the whole site's page names."""
        alone = Corpus(Graph(sources=list(self.sources), actors=[Actor(i, name, "") for i, name in self.actors],
                             events=list(self.events), quotes=list(self.quotes)))
        alone.names.update({folder: dict(pairs) for folder, pairs in self.names})
        alone.names["quotes"] = alone.names["sources"]
        return alone


def actor_context(data: tuple, alone: Corpus) -> dict:
    """An actor page's template context from `PageRenderer.actor_inputs`."""
    actor, quotes, events, found, sources, companions, mentions = data
    shown = [(alone.actors[i], n) for i, n in companions]
    return {"a": actor, "quotes": quotes, "events": events, "contradictions": found, "mentions": mentions,
            "sources": [alone.sources[i] for i in sources], "companions": shown,
            "network": network_svg(actor.name, [(a.name, n) for a, n in shown[:8]])}


def event_context(data: tuple, alone: Corpus) -> dict:
    """An event page's template context from `PageRenderer.event_inputs`."""
    event, found = data
    return {"e": event, "contradictions": found, "figures": [(m, f) for m in event.mentions for f in m.figures]}


class PageRenderer:
    """Builds the text of every page; pure function of the graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.corpus = Corpus(graph)
        self.env = environment()

    def render(self, template: str, root: str, **context) -> str:
        """A page that may look anything up in the whole graph (``graph``, ``corpus``, links ``L``)."""
        return self.render_alone(template, graph=self.graph, corpus=self.corpus, L=Links(self.corpus, root), **context)

    def render_alone(self, template: str, **context) -> str:
        """A page that sees ``context`` and nothing else."""
        return self.env.get_template(template).render(**context).rstrip("\n") + "\n"

    def pages(self) -> dict[str, str]:
        """Relative path (posix) → Markdown text, for every page."""
        return {path: make() for path, make in self.tasks()}

    def tasks(self) -> list[tuple[str, Callable[[], str]]]:
        """Every page as (relative path, a call that renders it), in a fixed order."""
        names = self.corpus.names
        tasks: list[tuple[str, Callable[[], str]]] = [
            ("index.md", self.home),
            ("timeline.md", self.timeline),
            ("actors/index.md", partial(self.render, "actors_index.md.j2", "../", kinds=self.actors_by_kind(),
                                        ranked=self.actors_ranked())),
            ("events/index.md", partial(self.render, "events_index.md.j2", "../",
                                        dated=dated_and_undated(self.graph.events))),
            ("quotes/index.md", partial(self.render, "quotes_index.md.j2", "../", speakers=self.speakers_ranked())),
            ("sources/index.md", partial(self.render, "sources_index.md.j2", "../")),
            ("contradictions/index.md", self.contradictions),
        ]
        tasks += [(f"actors/{names['actors'][a.id]}.md", self.actor_page(a)) for a in self.graph.actors]
        tasks += [(f"events/{names['events'][e.id]}.md", self.event_page(e)) for e in self.graph.events]
        tasks += [(f"quotes/{names['quotes'][source_id]}.md", self.quotes_page(self.corpus.sources[source_id], quotes))
                  for source_id, quotes in self.corpus.quotes_by_source.items() if source_id in self.corpus.sources]
        tasks += [(f"sources/{names['sources'][s.id]}.md", self.source_page(s)) for s in self.graph.sources]
        return tasks

    def source_page(self, source: Source) -> Closed:
        """An article's page, made of the article alone."""
        return Closed(lambda s: self.render_alone("source.md.j2", s=s, paragraphs=source_paragraphs(s)),
                      lambda: source)

    def closed_page(self, template: str, inputs: Callable[[], tuple], context: Callable[[Any, Corpus], dict]
                    ) -> Closed:
        """A page made of ``inputs()`` alone: (the data, the `Reach` of its links). The template sees the
        context made of that data, and a corpus of the items in reach only."""

        def make(made_of: tuple) -> str:
            data, reach = made_of
            alone = reach.corpus()
            return self.render_alone(template, corpus=alone, L=Links(alone, "../"), **context(data, alone))

        return Closed(make, inputs)

    def reach(self, sources: Iterable[str] = (), actors: Iterable[str] = (), events: Iterable[str] = (),
              quotes: Iterable[str] = ()) -> Reach:
        """The known items of these ids, with their page names."""
        c = self.corpus
        picked = {"sources": sorted(i for i in set(sources) if i in c.sources),
                  "actors": sorted(i for i in set(actors) if i in c.actors),
                  "events": sorted(i for i in set(events) if i in c.events)}
        return Reach(sources=tuple(c.sources[i] for i in picked["sources"]),
                     actors=tuple((i, c.actors[i].name) for i in picked["actors"]),
                     events=tuple(c.events[i] for i in picked["events"]),
                     quotes=tuple(c.quotes[i] for i in sorted(set(quotes)) if i in c.quotes),
                     names=tuple((folder, tuple((i, c.names[folder][i]) for i in ids)) for folder, ids in picked.items()))

    def contradictions_reach(self, found: list[Contradiction]) -> dict[str, list[str]]:
        """What contradiction callouts link to: their claims' sources and claimants, their events and actors."""
        return {"sources": [claim.source for c in found for claim in c.claims],
                "actors": [a for c in found for a in c.actors] + [cl.actor for c in found for cl in c.claims if cl.actor],
                "events": [c.event for c in found if c.event]}

    def quotes_page(self, source: Source, quotes: list[Quote]) -> Closed:
        """An article's quotes: the article, its quotes and its speakers."""

        def inputs() -> tuple:
            speakers = [q.speaker for q in quotes if q.speaker]
            return (source, quotes), self.reach(sources=[source.id], actors=speakers, quotes=[q.id for q in quotes])

        return self.closed_page("quotes_source.md.j2", inputs, lambda data, _: {"s": data[0], "quotes": data[1]})

    def actor_page(self, actor: Actor) -> Closed:
        """An actor's page: the actor, its quotes, events, contradictions, articles and companions."""
        return self.closed_page("actor.md.j2", partial(self.actor_inputs, actor), actor_context)

    def actor_inputs(self, actor: Actor) -> tuple:
        c = self.corpus
        quotes = c.quotes_by_speaker.get(actor.id, [])
        events = chronological(c.events_by_actor.get(actor.id, []))
        found = c.contradictions_by_actor.get(actor.id, [])
        sources = [s.id for s in c.actor_sources(actor)]
        companions = [(other.id, n) for other, n in c.companions(actor.id)]
        callouts = self.contradictions_reach(found)
        reach = self.reach(
            sources=sources + [r.source for r in actor.roles if r.source] + callouts["sources"],
            actors=[actor.id] + [i for i, _ in companions] + [r.org for r in actor.roles if r.org] + callouts["actors"],
            events=[e.id for e in events] + callouts["events"])
        data = (actor, quotes, events, found, sources, companions, self.distinct_sentences(actor.mentions))
        return data, reach

    def event_page(self, event: Event) -> Closed:
        """An event's page: the event, its accounts and figures, its contradictions."""
        return self.closed_page("event.md.j2", partial(self.event_inputs, event), event_context)

    def event_inputs(self, event: Event) -> tuple:
        c = self.corpus
        found = c.contradictions_by_event.get(event.id, [])
        claimed = [m.claimed_in for m in event.mentions if m.claimed_in]
        speakers = [c.quotes[q].speaker for q in claimed if q in c.quotes and c.quotes[q].speaker]
        callouts = self.contradictions_reach(found)
        reach = self.reach(
            sources=[m.source for m in event.mentions] + [f.source for m in event.mentions for f in m.figures
                                                          if f.source] + [c.quotes[q].source for q in claimed
                                                                          if q in c.quotes] + callouts["sources"],
            actors=list(event.actors) + speakers + callouts["actors"],
            events=[event.id] + callouts["events"], quotes=claimed)
        return (event, found), reach

    def home(self) -> str:
        dated, undated = dated_and_undated(self.graph.events)
        return self.render("home.md.j2", "", main_contradictions=self.graph.contradictions[:HOME_CONTRADICTIONS],
                           preview=dated[:HOME_TIMELINE], undated_count=len(undated),
                           home_sources=HOME_SOURCES)

    def timeline(self) -> str:
        return self.render("timeline.md.j2", "", **timeline_context(self.graph, self.actors_sorted()))

    def contradictions(self) -> str:
        by_event: list[tuple[Optional[Event], list]] = [
            (event, self.corpus.contradictions_by_event[event.id]) for event in self.graph.events
            if self.corpus.contradictions_by_event.get(event.id)]
        loose = [c for c in self.graph.contradictions if c.event not in self.corpus.events]
        if loose:
            by_event.append((None, loose))
        by_actor = [(a, self.corpus.contradictions_by_actor[a.id]) for a in self.actors_sorted()
                    if self.corpus.contradictions_by_actor.get(a.id)]
        return self.render("contradictions_index.md.j2", "../", by_event=by_event, by_actor=by_actor)

    def distinct_sentences(self, mentions: list) -> list:
        """One mention per sentence (the first), in source then offset order."""
        order = self.corpus.source_order
        seen, kept = set(), []
        for mention in sorted(mentions, key=lambda m: (order.get(m.source, len(order)), m.start, m.end)):
            source = self.corpus.sources.get(mention.source)
            span = self.corpus.sentence_span(source, mention.start, mention.end) if source else mention.start
            key = (mention.source, span)
            if key not in seen:
                seen.add(key)
                kept.append(mention)
        return kept

    def actors_sorted(self) -> list:
        return sorted(self.graph.actors, key=lambda a: (a.name.lower(), a.id))

    def actors_ranked(self) -> list:
        c = self.corpus
        return sorted(self.graph.actors, key=lambda a: (-c.quote_count(a), -c.mention_count(a), a.name.lower(), a.id))

    def speakers_ranked(self) -> list[tuple[Optional[Actor], int]]:
        """Quoted actors, most quoted first, then the count of quotes with no known speaker (actor None)."""
        ranked = [(a, self.corpus.quote_count(a)) for a in self.actors_ranked() if self.corpus.quote_count(a)]
        unknown = sum(1 for q in self.graph.quotes if q.speaker not in self.corpus.actors)
        return ranked + ([(None, unknown)] if unknown else [])

    def actors_by_kind(self) -> list[tuple[str, list]]:
        kinds = sorted({a.kind for a in self.graph.actors})
        return [(k, [a for a in self.actors_sorted() if a.kind == k]) for k in kinds]


PARALLEL_PAGES = 2000  # below this, starting processes costs more than it saves
_forked_tasks: list[tuple[str, Callable[[], str]]] = []  # what forked workers inherit


def render_pages(graph: Graph, jobs: int = 1) -> dict[str, str]:
    """Every page's text by relative path under content/; large sites render in ``jobs`` forked processes."""
    tasks = PageRenderer(graph).tasks()
    rendered = dict(pair for share in _in_shares(tasks, jobs, _render_tasks) for pair in share)
    return {path: rendered[path] for path, _ in tasks}


def _render_tasks(tasks: list[tuple[str, Callable[[], str]]]) -> list[tuple[str, str]]:
    return [(path, make()) for path, make in tasks]


def _in_shares(tasks: list[tuple[str, Callable[[], str]]], jobs: int, work: Callable, *args,
               meanwhile: Optional[Callable[[], None]] = None) -> list:
    """``work(some_tasks, *args)`` for every share of the tasks: one share here for a small site, else
    ``jobs`` interleaved shares (so shares weigh alike) in forked processes; ``meanwhile`` runs here
    while they work."""
    if jobs < 2 or len(tasks) < PARALLEL_PAGES:
        if meanwhile:
            meanwhile()
        return [work(tasks, *args)]
    _forked_tasks[:] = tasks
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            shares = pool.map(_work_share, range(jobs), [jobs] * jobs, [work] * jobs, [args] * jobs)
            if meanwhile:
                meanwhile()
            return list(shares)
    finally:
        _forked_tasks.clear()


def _work_share(share: int, shares: int, work: Callable, args: tuple) -> list:
    """In a forked worker: ``work`` over every ``shares``-th task from ``share``."""
    return work(_forked_tasks[share::shares], *args)


@dataclass
class Written:
    """What ``write_pages`` left in content/: every page's path and the sha256 of its bytes."""

    paths: list[Path]
    digests: dict[str, str]  # relative posix path → sha256


def write_pages(graph: Graph, content_dir: Path, jobs: int = 1,
                meanwhile: Optional[Callable[[], None]] = None) -> list[Path]:
    """Write every page (only those whose bytes changed), delete stale generated pages.

    Large sites render and write in ``jobs`` forked processes; ``meanwhile`` runs in this one
    while they work.
    """
    return write_and_hash_pages(graph, content_dir, jobs, meanwhile).paths


def write_and_hash_pages(graph: Graph, content_dir: Path, jobs: int = 1,
                         meanwhile: Optional[Callable[[], None]] = None, memo: Optional[Path] = None) -> Written:
    """``write_pages``, also giving the digest of every page (what the site build compares).

    With a ``memo`` file (see `generator.render.memo`), a page made of its own data alone (an
    article, quotes, actor or event page) is not rendered again while that data, the code and
    the page's file are as they were.
    """
    content_dir = Path(content_dir)
    began_ns = time.time_ns()
    tasks = PageRenderer(graph).tasks()
    recorded = read_memo(memo) if memo is not None else None
    if memo is not None:
        Path(memo).unlink(missing_ok=True)  # an interrupted build leaves none
    shares = _in_shares(tasks, jobs, _write_tasks, content_dir, recorded, began_ns, meanwhile=meanwhile)
    entries = [entry for share in shares for entry in share]
    digests = {relative: digest for relative, digest, _ in entries}
    remove_stale(content_dir, set(digests))
    if memo is not None:
        write_memo(memo, {relative: entry for relative, _, entry in entries if entry})
    ordered = dict(sorted(digests.items()))
    return Written(paths=[content_dir / relative for relative in ordered], digests=ordered)


def _write_tasks(tasks: list[tuple[str, Callable[[], str]]], content_dir: Path, recorded: Optional[Memo],
                 began_ns: int) -> list[tuple[str, str, Optional[list]]]:
    """Render and write each page (unless the memo vouches for it): (path, digest, memo entry or None).

    A memo key needs the page's data; the page, when it is rendered, is made from that same data."""
    written = []
    for relative, page in tasks:
        path = content_dir / relative
        if recorded is None or not isinstance(page, Closed):
            written.append((relative, _write(path, page()), None))
            continue
        data = page.data()
        key = memo_key(data)
        entry = unchanged(recorded, relative, key, path, began_ns)
        if entry is None:
            entry = memo_entry(key, _write(path, page.make(data)), path)
        written.append((relative, entry[1], entry))
    return written


def _write(path: Path, text: str) -> str:
    """Write a page's text (unless the file holds it already); the sha256 of its bytes."""
    encoded = text.encode("utf-8")
    write_if_changed(path, encoded)
    return hashlib.sha256(encoded).hexdigest()


def remove_stale(content_dir: Path, keep: set[str]) -> list[Path]:
    """Delete *.md files under the generated folders that were not produced this time."""
    removed = []
    for folder in FOLDERS:
        base = content_dir / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.md")):
            if path.relative_to(content_dir).as_posix() not in keep:
                path.unlink()
                removed.append(path)
    return removed
