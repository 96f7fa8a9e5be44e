"""The plain data model that passes between pipeline stages.

Every extracted item carries its source id and character offsets
(Python string indices, end exclusive) into ``Source.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# Paragraph kinds. Only MINED_KINDS are read by the extractors; the rest
# stay on the source page but are never mined.
MINED_KINDS = ("title", "heading", "body")


@dataclass(frozen=True)
class Span:
    """A stretch of one source's text."""

    source: str
    start: int
    end: int


@dataclass
class Paragraph:
    """A paragraph (a run of non-blank lines) of a source text."""

    index: int
    start: int
    end: int
    kind: str = "body"  # title | heading | body | meta | caption | boilerplate

    @property
    def anchor(self) -> str:
        return f"p{self.index}"

    @property
    def mined(self) -> bool:
        return self.kind in MINED_KINDS


@dataclass
class Source:
    """One article as read from the seeds folder."""

    id: str
    path: str
    text: str
    title: str = ""
    date: Optional[str] = None  # ISO yyyy-mm-dd
    date_origin: Optional[str] = None  # sidecar | front matter | text | inferred
    outlet: Optional[str] = None
    url: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    digest: str = ""  # sha256 of the raw bytes
    warnings: list[str] = field(default_factory=list)

    def paragraph_at(self, offset: int) -> Optional[Paragraph]:
        """The paragraph that contains character ``offset``."""
        for para in self.paragraphs:
            if para.start <= offset < para.end:
                return para
        return None


@dataclass
class Mention:
    """An actor or event mention: where it is and the words used."""

    source: str
    start: int
    end: int
    text: str = ""


@dataclass
class Role:
    """A role or affiliation: "spokesman" for the actor "United Nations"."""

    title: str
    org: Optional[str] = None  # actor id (local key before resolution)
    org_name: Optional[str] = None
    source: Optional[str] = None
    start: int = 0
    end: int = 0


@dataclass
class Actor:
    """A person, organisation, state or group.

    Before resolution ``id`` is a key local to one source
    (``<source>:<n>``); after resolution it is a corpus-wide slug.
    """

    id: str
    name: str
    kind: str  # person | organization | state | group
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)  # why variants were merged


@dataclass
class Quote:
    """Reported speech. ``start``/``end`` cover the quoted words only."""

    id: str
    text: str
    kind: str  # direct | indirect
    speaker: Optional[str]  # actor id, or None when unknown
    source: str
    start: int
    end: int
    cue: str = ""  # the reporting verb or phrase: said, added, according to
    speaker_text: str = ""  # the words naming the speaker here ("he", "a UN spokesman")
    speaker_role: str = ""  # "UN spokesman" for an unnamed speaker kept as its organisation
    partial: bool = False  # a fragment quoted inside the writer's own sentence


@dataclass
class Figure:
    """A number with its unit, normalised for comparison."""

    text: str
    value: float
    unit: str  # count | hour | metre | percent | person | ...
    kind: str  # count | duration | distance | time | percent | money
    hedge: str = ""  # at least | about | nearly | up to | ...
    source: str = ""
    start: int = 0
    end: int = 0


@dataclass
class EventMention:
    """One article's report of something that happened."""

    source: str
    start: int  # the sentence
    end: int
    text: str
    trigger: str  # the word that names the event: "pause", "bombed"
    type: str  # announcement | ceasefire | attack | meeting | statement | ...
    date: Optional[str] = None  # ISO, or None when unknown
    date_text: str = ""  # the words the article used
    date_end: Optional[str] = None
    actors: list[str] = field(default_factory=list)  # actor ids
    place: Optional[str] = None
    figures: list[Figure] = field(default_factory=list)
    trigger_words: list[str] = field(default_factory=list)  # lemmas of all the words naming it: "fighting", "kill"
    linked_by: list[str] = field(default_factory=list)  # why it was grouped with the event's other accounts
    claimed_in: str = ""  # a quote id: the happening is told in a speaker's words, not the writer's


@dataclass
class Event:
    """One real-world event, however many articles report it."""

    id: str
    title: str
    type: str
    date: Optional[str] = None
    date_text: str = ""
    actors: list[str] = field(default_factory=list)
    place: Optional[str] = None
    mentions: list[EventMention] = field(default_factory=list)


@dataclass
class Claim:
    """One side of a contradiction."""

    source: str
    start: int
    end: int
    text: str
    actor: Optional[str] = None  # who says it (actor id), None for the writer


@dataclass
class Contradiction:
    id: str
    kind: str  # figures | denial | characterisation | existence | position
    summary: str
    claims: list[Claim] = field(default_factory=list)
    event: Optional[str] = None  # event id
    actors: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    """What extraction found in one source: a pure function of it and the settings."""

    source: str
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)


@dataclass
class Graph:
    """The whole corpus after resolution and comparison."""

    sources: list[Source] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per bad input file

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def actor(self, actor_id: str) -> Optional[Actor]:
        return next((a for a in self.actors if a.id == actor_id), None)
