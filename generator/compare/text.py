"""Helpers shared by the contradiction finders: sentences, speakers, events, names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from generator.ingest.sentences import sentence_spans
from generator.model import Claim, Graph, Source

# "VELMAR, Kestria, March 12 - ": the place (and day) of writing before the first sentence.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*){0,2}\s+[-—–]\s+")
# Verbs of saying, and how far before one its subject may be named.
SAYING = re.compile(r"\b(?:said|says|told|insisted|insists|stated|states|claimed|claims|maintained|maintains)\b")
SAYER_REACH = 60
# A sentence of direct speech opens with a quotation mark.
QUOTE_OPEN = re.compile(r"^[\"“‘'«]")
STOPWORDS = set(
    "a an the and or but of in on at to for from by with as that this these those which who whom whose is are was "
    "were be been being has have had do does did will would could should may might can not no it its it's they them "
    "their he she his her we our us you your i my me said says say told there here than then also into over about "
    "after before while since only just very more most some any all such so if when what how".split()
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of one source."""

    source: str
    start: int
    end: int
    text: str
    paragraph: int


def sentences(source: Source) -> list[Sentence]:
    """The sentences of a source's mined paragraphs, in order."""
    found = []
    for para in source.paragraphs:
        if not para.mined:
            continue
        for start, end in sentence_spans(source.text, para.start, para.end):
            found.append(Sentence(source.id, start, end, source.text[start:end], para.index))
    return found


class Corpus:
    """Indexes of a graph that the finders share: sentences, quotes and event mentions per source."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.sources = {s.id: s for s in graph.sources}
        self.sentences = {s.id: sentences(s) for s in graph.sources}
        self.quotes = {}
        for quote in graph.quotes:
            self.quotes.setdefault(quote.source, []).append(quote)
        self.mentions = {}
        for event in graph.events:
            for mention in event.mentions:
                self.mentions.setdefault(mention.source, []).append((mention, event))
        for items in self.mentions.values():
            items.sort(key=lambda pair: (pair[0].start, pair[0].end, pair[1].id))
        self._names: Optional[dict[str, set[str]]] = None  # normalised name or alias → actor ids
        self.actor_mentions: dict[str, list[tuple[int, int, str]]] = {}
        for actor in graph.actors:
            for mention in actor.mentions:
                self.actor_mentions.setdefault(mention.source, []).append((mention.start, mention.end, actor.id))
        for found in self.actor_mentions.values():
            found.sort()

    def all_sentences(self) -> Iterator[Sentence]:
        for source in self.graph.sources:
            yield from self.sentences[source.id]

    def sentence_at(self, source_id: str, offset: int) -> Optional[Sentence]:
        for sentence in self.sentences.get(source_id, []):
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def previous_sentence(self, sentence: Sentence) -> Optional[Sentence]:
        """The sentence before, in the same or the previous paragraph."""
        return self._adjacent(sentence, -1)

    def next_sentence(self, sentence: Sentence) -> Optional[Sentence]:
        """The sentence after, in the same or the next paragraph."""
        return self._adjacent(sentence, 1)

    def _adjacent(self, sentence: Sentence, step: int) -> Optional[Sentence]:
        items = self.sentences.get(sentence.source, [])
        for at, current in enumerate(items):
            if current == sentence:
                near = at + step
                if 0 <= near < len(items) and abs(items[near].paragraph - sentence.paragraph) <= 1:
                    return items[near]
                return None
        return None

    def speaker(self, sentence: Sentence, offset: Optional[int] = None, strict: bool = False) -> Optional[str]:
        """The speaker of the quote holding ``offset`` (or else, unless ``strict``, overlapping the sentence)."""
        overlapping = [q for q in self.quotes.get(sentence.source, [])
                       if q.speaker and q.start < sentence.end and sentence.start < q.end]
        if offset is not None:
            holding = [q for q in overlapping if q.start <= offset < q.end]
            if holding:
                return holding[0].speaker
            if strict:
                return None
        speakers = sorted({q.speaker for q in overlapping})
        return speakers[0] if len(speakers) == 1 else None

    def sayer(self, sentence: Sentence, offset: int) -> Optional[str]:
        """Who the sentence says said the words at ``offset``: the quote's speaker, or the actor named
        just before the last verb of saying before them ("Ostrelia has repeatedly said no …")."""
        speaker = self.speaker(sentence, offset, strict=True)
        if speaker is not None:
            return speaker
        verbs = list(SAYING.finditer(sentence.text[:offset - sentence.start]))
        if not verbs:
            return None
        verb_at = sentence.start + verbs[-1].start()
        return self.actor_mentioned(sentence.source, max(sentence.start, verb_at - SAYER_REACH), verb_at, last=True)

    def event_for(self, sentence: Sentence):
        """(mention, event) the sentence reports, or the nearest one before it in the paragraph or the one before."""
        best = None
        for mention, event in self.mentions.get(sentence.source, []):
            if mention.start < sentence.end and sentence.start < mention.end:
                return mention, event
            source = self.sources[sentence.source]
            para = source.paragraph_at(mention.start)
            if mention.end <= sentence.start and para is not None and sentence.paragraph - para.index <= 1:
                best = (mention, event)
        return best

    def claim(self, sentence: Sentence, actor: Optional[str], start: Optional[int] = None,
              end: Optional[int] = None) -> Claim:
        """A claim for the whole sentence, or for the stretch ``start``–``end`` of it."""
        start = sentence.start if start is None else start
        end = sentence.end if end is None else end
        if start == sentence.start:
            dateline = DATELINE.match(sentence.text)
            start += dateline.end() if dateline and dateline.end() < end - start else 0
        text = self.sources[sentence.source].text
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        return Claim(sentence.source, start, end, self.sources[sentence.source].text[start:end], actor)

    def label(self, source_id: str) -> str:
        """How a summary names a source: its outlet ("Meridian Wire"), else its id."""
        source = self.sources.get(source_id)
        return source.outlet if source is not None and source.outlet else source_id

    def name(self, actor_id: Optional[str]) -> str:
        """The actor's name, or "the writer" for None."""
        if actor_id is None:
            return "the writer"
        actor = self.graph.actor(actor_id)
        return actor.name if actor else actor_id

    def actor_named(self, words: str) -> Optional[str]:
        """The id of the actor called ``words`` (name or alias), if exactly one."""
        if self._names is None:
            self._names = {}
            for actor in self.graph.actors:
                for form in {_norm(actor.name)} | {_norm(x) for x in actor.aliases}:
                    self._names.setdefault(form, set()).add(actor.id)
        wanted = _norm(words)
        hits = sorted(self._names.get(wanted, ())) if wanted else []
        return hits[0] if len(hits) == 1 else None

    def actor_mentioned(self, source_id: str, start: int, end: int, last: bool = False) -> Optional[str]:
        """The actor with the first (or ``last``) mention inside ``start``–``end`` of a source."""
        found = [(m_start, actor) for m_start, _, actor in self.actor_mentions.get(source_id, [])
                 if start <= m_start < end]
        if not found:
            return None
        return max(found)[1] if last else min(found)[1]

    def mentions_in(self, source_id: str, start: int, end: int) -> list[tuple[int, str]]:
        """(end offset, actor id) of every actor mention wholly inside ``start``–``end``, by end."""
        return sorted((m_end, actor) for m_start, m_end, actor in self.actor_mentions.get(source_id, [])
                      if start <= m_start and m_end <= end)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"^the\s+", "", text.strip(), flags=re.I).lower().split())


def content_words(text: str) -> set[str]:
    """Lower-case words worth matching on: no stop words, no short words."""
    return {w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in STOPWORDS and len(w) > 3}
