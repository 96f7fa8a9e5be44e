"""Figures that disagree: one event, one quantity, different values in different sources."""
from __future__ import annotations

import re

from generator.compare.text import Corpus
from generator.extract.figures import comparable, figures_agree, find_figures
from generator.model import Claim, Contradiction, EventMention, Figure

# Kinds whose values name the same quantity when the unit matches. Clock times are left
# out: one article's start time is another's end time.
COMPARED_KINDS = ("count", "duration", "distance", "percent", "money")
# A duration after these words is a delay or a deadline, not how long the event lasts.
NOT_LENGTH = re.compile(r"\b(?:in|within|after|before|since|every|per|ago|past|last|next|first|over the)\s+$", re.I)
EXPLICIT_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b", re.I
)


def figure_contradictions(corpus: Corpus) -> list[Contradiction]:
    """Value and date disagreements between sources reporting the same event."""
    found = []
    for event in corpus.graph.events:
        found.extend(_value_disagreements(corpus, event))
        found.extend(_date_disagreements(corpus, event))
    return found


def _mention_figures(corpus: Corpus, mention: EventMention) -> list[Figure]:
    figures = mention.figures or find_figures(mention.text, mention.source, mention.start)
    text = corpus.sources[mention.source].text
    kept = []
    for figure in figures:
        if figure.kind not in COMPARED_KINDS or (figure.kind == "count" and figure.unit == "count"):
            continue
        if figure.kind == "duration" and NOT_LENGTH.search(text[max(0, figure.start - 12):figure.start]):
            continue
        kept.append(figure)
    return kept


def _value_disagreements(corpus: Corpus, event) -> list[Contradiction]:
    found, seen = [], set()
    mentions = sorted(event.mentions, key=lambda m: (m.source, m.start))
    for i, first in enumerate(mentions):
        for second in mentions[i + 1:]:
            if first.source == second.source:
                continue
            for a in _mention_figures(corpus, first):
                for b in _mention_figures(corpus, second):
                    key = (first.source, second.source, a.unit)
                    if key in seen or not comparable(a, b) or figures_agree(a, b):
                        continue
                    if _any_agreeing(corpus, first, second, a):
                        continue
                    seen.add(key)
                    found.append(_figure_contradiction(corpus, event, first, second, a, b))
    return found


def _any_agreeing(corpus: Corpus, first: EventMention, second: EventMention, a: Figure) -> bool:
    """True when the two sources also give agreeing values of this quantity: then it is no clash."""
    for x in _mention_figures(corpus, first):
        for y in _mention_figures(corpus, second):
            if comparable(x, a) and comparable(x, y) and figures_agree(x, y):
                return True
    return False


def _figure_contradiction(corpus: Corpus, event, first, second, a: Figure, b: Figure) -> Contradiction:
    claims = []
    for figure in (a, b):
        sentence = corpus.sentence_at(figure.source, figure.start)
        if sentence is None:
            mention = first if figure is a else second
            text = corpus.sources[mention.source].text
            claims.append(Claim(mention.source, mention.start, mention.end, text[mention.start:mention.end]))
            continue
        claims.append(corpus.claim(sentence, corpus.speaker(sentence, figure.start)))
    what = event.title or first.trigger
    summary = f"Sources disagree on {what}: {a.source} says {a.text}, {b.source} says {b.text}"
    actors = sorted({c.actor for c in claims if c.actor})
    return Contradiction("", "figures", summary, claims, event.id, actors)


def _date_disagreements(corpus: Corpus, event) -> list[Contradiction]:
    dated = [m for m in sorted(event.mentions, key=lambda m: (m.source, m.start))
             if m.date and m.date_text and EXPLICIT_DATE.search(m.date_text)]
    for i, first in enumerate(dated):
        for second in dated[i + 1:]:
            if first.source != second.source and first.date != second.date:
                claims = []
                for mention in (first, second):
                    sentence = corpus.sentence_at(mention.source, mention.start)
                    if sentence is not None:
                        claims.append(corpus.claim(sentence, corpus.speaker(sentence)))
                if len(claims) < 2:
                    continue
                summary = (f"Sources disagree on the date of {event.title or first.trigger}: "
                           f"{first.source} says {first.date_text}, {second.source} says {second.date_text}")
                return [Contradiction("", "figures", summary, claims, event.id,
                                      sorted({c.actor for c in claims if c.actor}))]
    return []
