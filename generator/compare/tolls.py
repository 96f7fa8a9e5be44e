"""Death tolls that disagree inside one article: two tellers, two numbers of dead.

"At least 27 people were killed, the union said" against "the official death
toll stood at 10": the same disaster, counted by two parties. Tolls are only
compared within one article (one story, one disaster) and between different
tellers; a toll that "rose" to a higher number is an update, not a clash.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from generator.compare.text import Corpus, Sentence
from generator.extract.figures import figures_agree, find_figures
from generator.model import Contradiction, Figure

# Counted nouns that are a number of dead when the sentence speaks of death.
DEAD_UNITS = ("person", "dead", "death", "victim", "fatality")
DEATH = re.compile(r"\b(?:killed|dead|died|deaths?|death toll|lost their lives|perished|fatalities)\b", re.I)
# A bare number after "the death toll rose to", "the toll stood at", "the number of dead reached".
TOLL_BEFORE = re.compile(
    r"\b(?:death toll|toll|number of (?:dead|deaths|victims))\b[^.;,\d]{0,60}?"
    r"\b(?:to|at|of|reached|hit|hits|passed|topped|is|was)\s+$",
    re.I,
)
# The death word must be this close to a counted figure ("27 people were killed", "killed 10 people").
NEAR = 40
# A higher toll that "rose" is the same count, later; so is a lower one given as "initially".
RISE = re.compile(r"\b(?:rose|risen|rises|rising|climbed|increased|jumped|grew|now|later|updated|revised)\b", re.I)
EARLIER = re.compile(r"\b(?:initial(?:ly)?|earlier|at first|first day|so far|had said)\b", re.I)
# A toll of another disaster ("the worst since 2015, when 40 died"), or a share of the dead.
OTHER = re.compile(r"\b(?:1[89]\d\d|20\d\d|last year|previous|another|since|among|including|of whom|of them)\b",
                   re.I)
# "63 dead in four villages alone": a part of the toll, so at least that many in all.
PART = re.compile(r"^[^.;]{0,60}?\balone\b", re.I)
# "in Gaza", "in the West Bank": where the dead were counted.
PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+)?((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)")
# Who the writer credits when no quote says it: "…, the dockworkers' union said"; "according to police".
CREDIT = re.compile(r"(?:^|,\s+)(?P<who>(?:the\s+)?[\w’'. -]{3,50}?)\s+(?:said|says|told|reported|added)\b"
                    r"|\baccording to (?P<who2>[\w’'. -]{3,50}?)(?=[,.;]|$)")


@dataclass(frozen=True)
class Toll:
    """One number of dead in one sentence, and who gives it."""

    sentence: Sentence
    figure: Figure
    teller: Optional[str]


def toll_contradictions(corpus: Corpus) -> list[Contradiction]:
    """One contradiction per article and pair of tellers whose tolls cannot both be true."""
    found = []
    for source in corpus.graph.sources:
        tolls = [t for s in corpus.sentences[source.id] for t in tolls_in(corpus, s)]
        seen = set()
        for i, first in enumerate(tolls):
            for second in tolls[i + 1:]:
                key = tuple(sorted((first.teller or "", second.teller or "")))
                if key in seen or not _clash(first, second):
                    continue
                seen.add(key)
                found.append(_contradiction(corpus, first, second))
    return found


def tolls_in(corpus: Corpus, sentence: Sentence) -> list[Toll]:
    """The numbers of dead a sentence gives, each with its teller."""
    if not DEATH.search(sentence.text) or OTHER.search(sentence.text):
        return []
    found = []
    for figure in find_figures(sentence.text, sentence.source, sentence.start):
        toll = _as_toll(sentence, figure)
        if toll is not None:
            found.append(Toll(sentence, toll, corpus.speaker(sentence, toll.start) or corpus.speaker(sentence)))
    return found


def _as_toll(sentence: Sentence, figure: Figure) -> Optional[Figure]:
    """The figure as a number of dead, or None when it counts something else."""
    if figure.kind != "count":
        return None
    local_start, local_end = figure.start - sentence.start, figure.end - sentence.start
    before, after = sentence.text[:local_start], sentence.text[local_end:]
    if figure.unit == "count" and TOLL_BEFORE.search(before):
        figure = replace(figure, unit="dead")
    elif figure.unit in DEAD_UNITS and _death_near(before, after, figure.unit):
        figure = replace(figure, unit="dead")
    else:
        return None
    if PART.match(after) and not figure.hedge:
        figure = replace(figure, hedge="at least")
    return figure


def _death_near(before: str, after: str, unit: str) -> bool:
    """"63 dead", "27 people were killed", "killed at least 41 people"."""
    if unit == "dead":
        return True
    return bool(DEATH.search(after[:NEAR]) or re.search(r"\b(?:killed|killing|kills)\s+$", before[-NEAR:]))


def _clash(first: Toll, second: Toll) -> bool:
    """Two tellers, tolls that cannot both hold, and neither an update of the other."""
    if first.teller == second.teller or figures_agree(first.figure, second.figure):
        return False
    if _elsewhere(first, second):
        return False
    low, high = sorted((first, second), key=lambda t: t.figure.value)
    return not RISE.search(high.sentence.text) and not EARLIER.search(low.sentence.text)


def _elsewhere(first: Toll, second: Toll) -> bool:
    """Tolls that may be of different places ("30 in the north… 5 in Arvo"): one sentence names a place the
    other does not, and neither toll is a part "alone"."""
    places = [set(PLACE.findall(t.sentence.text)) for t in (first, second)]
    parts = [PART.match(t.sentence.text[t.figure.end - t.sentence.start:]) for t in (first, second)]
    return places[0] != places[1] and not any(parts)


def _contradiction(corpus: Corpus, first: Toll, second: Toll) -> Contradiction:
    claims = [corpus.claim(t.sentence, t.teller) for t in (first, second)]
    summary = (f"Death toll: {_who(corpus, first)} says {first.figure.text.lower()}, "
               f"{_who(corpus, second)} says {second.figure.text.lower()}")
    event = corpus.event_for(first.sentence) or corpus.event_for(second.sentence)
    actors = sorted({t.teller for t in (first, second) if t.teller})
    return Contradiction("", "figures", summary, claims, event[1].id if event else None, actors)


def _who(corpus: Corpus, toll: Toll) -> str:
    """The teller's name, else the words the writer credits, else "the article"."""
    if toll.teller:
        return corpus.name(toll.teller)
    credit = CREDIT.search(toll.sentence.text)
    return (credit["who"] or credit["who2"]).strip() if credit else "the article"
