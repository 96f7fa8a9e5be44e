"""Figures that disagree: one event, one quantity, different values in different sources."""
from __future__ import annotations

import re
from typing import Optional

from generator.compare.text import Corpus
from generator.extract.figures import comparable, figures_agree, find_figures
from generator.model import Claim, Contradiction, EventMention, Figure

# Kinds whose values name the same quantity when the unit matches. Clock times are left
# out: one article's start time is another's end time.
COMPARED_KINDS = ("count", "duration", "distance", "percent", "money")
# A duration after these words is a delay or a deadline, not how long the event lasts.
NOT_LENGTH = re.compile(r"\b(?:in|within|after|before|since|every|per|ago|past|last|next|first|over the)\s+$", re.I)
# A weekday, and the words that may come with it: "late on Monday", "Tuesday's".
WEEKDAY_ONLY = re.compile(r"(?:(?:early|late)\s+)?(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:[’']s)?"
                          r"(?:\s+(?:morning|afternoon|evening|night))?", re.I)
# "VELMAR, March 12 - …": the date of the dateline is the day of writing.
DATELINE = re.compile(r"^\s*[-—–]")
# "…, officials said on Thursday": the day someone spoke.
SPOKEN = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|added|stated)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
                    re.I)
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
    summary = (f"Sources disagree on {what}: {corpus.label(a.source)} says {a.text}, "
               f"{corpus.label(b.source)} says {b.text}")
    actors = sorted({c.actor for c in claims if c.actor})
    return Contradiction("", "figures", summary, claims, event.id, actors)


def _date_disagreements(corpus: Corpus, event) -> list[Contradiction]:
    """Sources that date one event differently: one claim per source, each source with one date."""
    dated: dict[str, list[EventMention]] = {}
    for mention in sorted(event.mentions, key=lambda m: (m.source, m.start)):
        if _dates_the_event(corpus, mention):
            dated.setdefault(mention.source, []).append(mention)
    if any(len({m.date for m in mentions}) > 1 for mentions in dated.values()):
        return []  # one source with two dates: two events, or a wrong merge
    firsts = [mentions[0] for mentions in dated.values()]
    if len({m.date for m in firsts}) < 2:
        return []
    claims = []
    for mention in firsts:
        sentence = corpus.sentence_at(mention.source, mention.start)
        if sentence is not None:
            claims.append(corpus.claim(sentence, corpus.speaker(sentence)))
    if len({(c.source, c.start) for c in claims}) < 2:
        return []
    said = ", ".join(f"{corpus.label(m.source)} says {_date_words(m.date_text)} ({m.date})" for m in firsts)
    summary = f"Sources disagree on the date of {event.title or firsts[0].trigger}: {said}"
    return [Contradiction("", "figures", summary, claims, event.id, sorted({c.actor for c in claims if c.actor}))]


def _dates_the_event(corpus: Corpus, mention: EventMention) -> bool:
    """Whether the mention's date is the event's own: an explicit date, or a weekday ("late on Monday",
    "Tuesday's explosion") read from a known publication date; not a dateline, nor the day someone spoke."""
    if not mention.date or not mention.date_text:
        return False
    words = _date_words(mention.date_text)
    source = corpus.sources[mention.source]
    if words is None or (not EXPLICIT_DATE.search(words) and (not source.date or source.date_origin == "inferred")):
        return False
    sentence = corpus.sentence_at(mention.source, mention.start)
    if sentence is None:
        return False
    at = sentence.text.find(words)
    trigger = sentence.text.find(mention.trigger)
    if at < 0 or trigger < 0:
        return False
    before, after = sentence.text[:at], sentence.text[at + len(words):]
    if DATELINE.match(after) or SPOKEN.search(before):
        return False
    if at < trigger:  # "on Friday denounced the agreement": the date of another verb
        return not re.search(r"\b\w+ed\b|\b(?:said|told|says)\b", sentence.text[at + len(words):trigger])
    return True


def _date_words(date_text: str) -> Optional[str]:
    """The words of a date expression that name the day: "March 12", "late on Monday"; None for others."""
    explicit = EXPLICIT_DATE.search(date_text)
    if explicit:
        return explicit.group(0)
    weekday = WEEKDAY_ONLY.fullmatch(date_text.strip())
    return weekday.group(0) if weekday else None
