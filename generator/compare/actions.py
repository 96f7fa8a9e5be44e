"""One act, dated differently: "a bonus scrapped last month" against "scrapped it in April".

Event merging joins mentions of the main events; smaller acts told in passing
are not events. Two sentences of different articles name the same act when
they use the same past-tense verb of a one-off act and share a two-word
phrase ("hazard bonus"); their dates clash when the days they allow do not
overlap. Verbs of saying and of change ("rose", "fell") are left out: prices
rise every month, and the day someone speaks is not the day of the act.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.compare.text import STOPWORDS, Corpus, Sentence
from generator.extract.dates import date_window, days_apart
from generator.model import Contradiction

MAX_DAYS_APART = 14
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
# A past-tense verb, at most one pronoun, then the date: "scrapped last month", "scrapped it in April",
# "was closed on March 3".
DATED_ACT = re.compile(
    rf"\b(?P<verb>[a-z]{{3,}}ed)\s+(?:(?P<pronoun>it|them|him|her)\s+)?"
    rf"(?P<date>last month|this month|in {_MONTH}(?:\s+\d{{4}})?|on {_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\b"
)
# Verbs whose acts recur or are no act: saying, changing amounts, being.
LEFT_OUT = set(
    "said stated added reported announced noted claimed told asked warned explained insisted confirmed denied "
    "rose fell increased decreased grew dropped declined climbed jumped slipped gained lost surged slumped eased "
    "rebounded recovered doubled halved tripled peaked averaged totalled totaled reached hit based used needed "
    "expected planned scheduled aimed hoped wanted seemed appeared remained stayed continued".split()
)
WORD = r"[a-z][a-z'’-]*[a-z]"
WORDS_BEFORE = 6  # words before the verb that may name what was acted on
WORDS_OPENING = 8  # opening words of a sentence whose verb takes a pronoun
MONTH_WORDS = set("january february march april may june july august september october november december "
                  "month".split())


@dataclass(frozen=True)
class DatedAct:
    """One past-tense act with the date a sentence gives it."""

    sentence: Sentence
    verb: str
    date: str
    window: tuple[str, str]
    phrases: frozenset


def act_date_contradictions(corpus: Corpus) -> list[Contradiction]:
    """Pairs of articles that date one act differently."""
    by_verb: dict[str, list[DatedAct]] = {}
    for sentence in corpus.all_sentences():
        for act in dated_acts(corpus, sentence):
            by_verb.setdefault(act.verb, []).append(act)
    found, seen = [], set()
    for acts in by_verb.values():
        found.extend(_clashes(corpus, acts, seen))
    return found


def _clashes(corpus: Corpus, acts: list[DatedAct], seen: set) -> list[Contradiction]:
    """Clashing pairs among the acts of one verb."""
    found = []
    for i, first in enumerate(acts):
        for second in acts[i + 1:]:
            key = (first.sentence.source, second.sentence.source, first.verb, frozenset(first.phrases & second.phrases))
            if key in seen or not _same_act(corpus, first, second) or _overlap(first.window, second.window):
                continue
            seen.add(key)
            found.append(_contradiction(corpus, first, second))
    return found


def dated_acts(corpus: Corpus, sentence: Sentence) -> list[DatedAct]:
    """The dated one-off acts of a sentence, read against its article's known date."""
    source = corpus.sources[sentence.source]
    if not source.date or source.date_origin == "inferred":
        return []
    found = []
    for match in DATED_ACT.finditer(sentence.text):
        verb = match["verb"]
        window = date_window(match["date"], source.date)
        if verb in LEFT_OUT or window is None:
            continue
        found.append(DatedAct(sentence, verb, match["date"], window, _what(sentence.text, match)))
    return found


def _what(text: str, match: re.Match) -> frozenset:
    """The phrases that say what was acted on: the words just before the verb ("a hazard bonus
    scrapped"), and the sentence's opening words when the verb takes a pronoun ("… scrapped it")."""
    before = re.findall(WORD, text[:match.start("verb")].lower())
    phrases = _phrases(before[-WORDS_BEFORE:])
    if match["pronoun"]:
        phrases |= _phrases(re.findall(WORD, text.lower())[:WORDS_OPENING])
    return phrases


def _phrases(words: list[str]) -> frozenset:
    """Pairs of neighbouring content words ("hazard bonus"), month words left out."""
    pairs = set()
    for a, b in zip(words, words[1:]):
        if all(len(w) > 2 and w not in STOPWORDS and w not in MONTH_WORDS for w in (a, b)):
            pairs.add((a, b))
    return frozenset(pairs)


def _same_act(corpus: Corpus, first: DatedAct, second: DatedAct) -> bool:
    """Two articles, close in time, the same verb and a shared two-word phrase."""
    if first.sentence.source == second.sentence.source or first.verb != second.verb:
        return False
    gap = days_apart(corpus.sources[first.sentence.source].date, corpus.sources[second.sentence.source].date)
    return gap is not None and gap <= MAX_DAYS_APART and bool(first.phrases & second.phrases)


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _contradiction(corpus: Corpus, first: DatedAct, second: DatedAct) -> Contradiction:
    claims = [corpus.claim(a.sentence, corpus.speaker(a.sentence)) for a in (first, second)]
    what = " ".join(sorted(first.phrases & second.phrases)[0])
    summary = (f"Sources disagree on when the {what} was {first.verb}: {corpus.label(first.sentence.source)} says "
               f"{_month_of(first)}, {corpus.label(second.sentence.source)} says {_month_of(second)}")
    event = corpus.event_for(first.sentence) or corpus.event_for(second.sentence)
    return Contradiction("", "figures", summary, claims, event[1].id if event else None,
                         sorted({c.actor for c in claims if c.actor}))


def _month_of(act: DatedAct) -> str:
    """"last month (2024-05)", "in April (2024-04)": the words and the month they mean."""
    start, end = act.window
    return f"{act.date} ({start[:7]})" if start[:7] == end[:7] else f"{act.date} ({start} to {end})"
