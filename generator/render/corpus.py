"""Look-ups over a Graph for the templates: page names, links, citations, indexes."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Optional

from generator.model import Actor, Claim, Event, EventMention, Graph, Quote, Source
from generator.render import citations
from generator.render.filters import Safe, file_name, finalize, md_escape, truncate, url_part

FOLDERS = ("actors", "events", "quotes", "sources", "contradictions")
RESERVED = frozenset({"index"})
UNKNOWN_SPEAKER = "unknown speaker"


def allocate_names(ids: list[str]) -> dict[str, str]:
    """A unique file name per id (in the given order), never "index"."""
    names: dict[str, str] = {}
    taken: set[str] = set(RESERVED)
    for identifier in ids:
        base = file_name(identifier)
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.lower())
        names[identifier] = name
    return names


def quote_anchor(quote_id: str) -> str:
    """The quote's anchor on its article's quotes page: "quote-" and the id's local part ("002:q3" → "quote-q3")."""
    local = re.sub(r"[^A-Za-z0-9_-]+", "-", quote_id.rsplit(":", 1)[-1]).strip("-")
    return f"quote-{local or 'x'}"


class Corpus:
    """The graph with the indexes that the pages need, built once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.sources = {s.id: s for s in graph.sources}
        self.actors = {a.id: a for a in graph.actors}
        self.events = {e.id: e for e in graph.events}
        self.names = {
            "sources": allocate_names([s.id for s in graph.sources]),
            "actors": allocate_names([a.id for a in graph.actors]),
            "events": allocate_names([e.id for e in graph.events]),
        }
        self.names["quotes"] = self.names["sources"]  # one quotes page per article, named like its source page
        self.quotes = {q.id: q for q in graph.quotes}
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        self.quotes_by_source: dict[str, list[Quote]] = defaultdict(list)
        for quote in graph.quotes:
            if quote.speaker:
                self.quotes_by_speaker[quote.speaker].append(quote)
            self.quotes_by_source[quote.source].append(quote)
        self.source_order = {s.id: i for i, s in enumerate(graph.sources)}
        self.events_by_actor = self._events_by_actor()
        self.contradictions_by_actor = self._contradictions_by_actor()
        self.contradictions_by_event: dict[str, list] = defaultdict(list)
        for contradiction in graph.contradictions:
            self.contradictions_by_event[contradiction.event].append(contradiction)
        self._numbers: dict[tuple[str, int], Optional[int]] = {}  # memos: pages cite the same spans often
        self._sentences: dict[tuple[str, int, Optional[int]], tuple[int, int]] = {}
        self._paths: dict[tuple[str, str], str] = {}
        self.cites: dict[tuple[str, str, int], Safe] = {}  # filled by Links.cite
        self.cooccurrence = self._cooccurrence()

    def _events_by_actor(self) -> dict[str, list[Event]]:
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self.graph.events:
            ids = set(event.actors) | {a for m in event.mentions for a in m.actors}
            for actor_id in sorted(ids):
                found[actor_id].append(event)
        return found

    def _contradictions_by_actor(self) -> dict[str, list]:
        found: dict[str, list] = defaultdict(list)
        for contradiction in self.graph.contradictions:
            ids = set(contradiction.actors) | {c.actor for c in contradiction.claims if c.actor}
            for actor_id in sorted(ids):
                found[actor_id].append(contradiction)
        return found

    def _cooccurrence(self) -> dict[str, Counter]:
        """For each actor, how many paragraphs it shares with each other actor."""
        by_paragraph: dict[tuple[str, int], set[str]] = defaultdict(set)
        for actor in self.graph.actors:
            for mention in actor.mentions:
                number = self.paragraph_number(mention.source, mention.start)
                if number is not None:
                    by_paragraph[(mention.source, number)].add(actor.id)
        counts: dict[str, Counter] = defaultdict(Counter)
        for key in sorted(by_paragraph):
            present = sorted(by_paragraph[key])
            for actor_id in present:
                for other in present:
                    if other != actor_id:
                        counts[actor_id][other] += 1
        return counts

    def paragraph_number(self, source_id: str, start: int) -> Optional[int]:
        key = (source_id, start)
        if key not in self._numbers:
            source = self.sources.get(source_id)
            self._numbers[key] = citations.paragraph_number(source, start) if source else None
        return self._numbers[key]

    def sentence_span(self, source: Source, start: int, end: Optional[int] = None) -> tuple[int, int]:
        """``citations.sentence_at`` for a source of this corpus, worked out once per span."""
        key = (source.id, start, end)
        if key not in self._sentences:
            self._sentences[key] = citations.sentence_at(source, start, end)
        return self._sentences[key]

    def page_path(self, folder: str, identifier: str) -> str:
        """``<folder>/<file name>.md``, the file name percent-encoded (as a link from content/)."""
        key = (folder, identifier)
        if key not in self._paths:
            self._paths[key] = f"{folder}/{url_part(self.names[folder][identifier])}.md"
        return self._paths[key]

    def companions(self, actor_id: str, limit: int = 10) -> list[tuple[Actor, int]]:
        """The actors most often in the same paragraphs, heaviest first."""
        counts = self.cooccurrence.get(actor_id, Counter())
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.actors[item[0]].name, item[0]))
        return [(self.actors[i], n) for i, n in ranked[:limit]]

    def actor_sources(self, actor: Actor) -> list[Source]:
        ids = {m.source for m in actor.mentions} | {q.source for q in self.quotes_by_speaker.get(actor.id, [])}
        known = (i for i in ids if i in self.sources)
        return [self.sources[i] for i in sorted(known, key=self.source_order.__getitem__)]

    def mention_count(self, actor: Actor) -> int:
        return len(actor.mentions)

    def quote_count(self, actor: Actor) -> int:
        return len(self.quotes_by_speaker.get(actor.id, []))


class Links:
    """Markdown links and citations as seen from a page ``root`` levels below content/."""

    def __init__(self, corpus: Corpus, root: str) -> None:
        self.corpus = corpus
        self.root = root

    def _page(self, folder: str, identifier: str) -> str:
        return self.root + self.corpus.page_path(folder, identifier)

    def page(self, folder: str, identifier: str) -> str:
        return self._page(folder, identifier)

    def actor(self, actor_id: Optional[str], fallback: str = UNKNOWN_SPEAKER) -> Safe:
        """Link to an actor page, or the escaped fallback when unknown."""
        actor = self.corpus.actors.get(actor_id) if actor_id else None
        if actor is None:
            return md_escape(actor_id or fallback)
        return Safe(f"[{md_escape(actor.name)}]({self._page('actors', actor.id)})")

    def speaker(self, quote: Quote) -> Safe:
        if quote.speaker and quote.speaker in self.corpus.actors:
            return self.actor(quote.speaker)
        described = quote.speaker_role or quote.speaker_text
        return md_escape(f"{UNKNOWN_SPEAKER} ({described})" if described else UNKNOWN_SPEAKER)

    def claimant(self, claim: Claim) -> Safe:
        return self.actor(claim.actor) if claim.actor else md_escape("the writer")

    def claimed_by(self, mention: EventMention) -> Safe:
        """ "Claimed by [speaker] (quote)": the account is a speaker's words, not the writer's; empty when not."""
        quote = self.corpus.quotes.get(mention.claimed_in) if mention.claimed_in else None
        if quote is None:
            return Safe("")
        return Safe(f"claimed by {self.speaker(quote)} ([in a quotation]({self._page('quotes', quote.source)}"
                    f"#{quote_anchor(quote.id)}))")

    def event(self, event_id: Optional[str]) -> Safe:
        event = self.corpus.events.get(event_id) if event_id else None
        if event is None:
            return md_escape(event_id or "")
        return Safe(f"[{md_escape(event.title or event.id)}]({self._page('events', event.id)})")

    def quote(self, quote: Quote, limit: int = 120) -> Safe:
        """Link to the quote's section on its article's quotes page."""
        target = f"{self._page('quotes', quote.source)}#{quote_anchor(quote.id)}"
        return Safe(f"[{md_escape(truncate(quote.text, limit))}]({target})")

    def source(self, source_id: str, label: Optional[str] = None) -> Safe:
        source = self.corpus.sources.get(source_id)
        if source is None:
            return md_escape(source_id)
        return Safe(f"[{md_escape(label or source.title or source.id)}]({self._page('sources', source.id)})")

    def cite(self, source_id: str, start: int) -> Safe:
        """``[<id> ¶N](…/sources/<id>.md#pN)`` (made once per page depth and span)."""
        key = (self.root, source_id, start)
        cited = self.corpus.cites.get(key)
        if cited is None:
            cited = self.corpus.cites[key] = self._cite(source_id, start)
        return cited

    def _cite(self, source_id: str, start: int) -> Safe:
        source = self.corpus.sources.get(source_id)
        if source is None:
            return md_escape(source_id)
        number = self.corpus.paragraph_number(source_id, start)
        target = self._page("sources", source.id)
        if number is None:
            return Safe(f"[{md_escape(source.id)}]({target})")
        return Safe(f"[{md_escape(source.id)} ¶{number}]({target}#p{number})")

    def account(self, mention) -> Safe:
        """“The sentence around a mention” — its citation (a mention's line on an actor's page)."""
        told = self.sentence(mention.source, mention.start, mention.end) or mention.text
        return Safe(f"“{finalize(told)}” — {self.cite(mention.source, mention.start)}")

    def sentence(self, source_id: str, start: int, end: Optional[int] = None) -> str:
        """The sentence around a span (plain text, escaped when printed)."""
        source = self.corpus.sources.get(source_id)
        if source is None:
            return ""
        first, last = self.corpus.sentence_span(source, start, end)
        return source.text[first:last]

    def timeline(self) -> str:
        return f"{self.root}timeline.md"
