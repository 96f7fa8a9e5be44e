"""Use of force, condemned and defended: one actor calls an attack a war crime, a party to it defends it.

A condemnation is a word of international law or atrocity ("war crimes",
"genocide", "massacre") said of an attack or military campaign, by the
speaker of the words or the subject of "accused … of". A defence must be a
party's own words: a quotation in the first person by an actor of the event
("We have to protect the people", "self-defence"). The event is the one the
sentence reports, or else the only attack or campaign its article reports.
One callout per defender of an event, against everyone who condemns it.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.compare.characterisation import NEGATORS, Verdict, distinct_sentences, preceded_by, subject_before, \
    verdict_claims
from generator.compare.text import Corpus, Sentence
from generator.model import Contradiction, Event, EventMention

FORCE_TYPES = {"attack", "military"}
CONDEMNING = (
    "war crime", "war crimes", "crime against humanity", "crimes against humanity", "genocide", "massacre",
    "atrocity", "atrocities", "ethnic cleansing", "barbarity", "collective punishment",
)
_CONDEMN = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in CONDEMNING) + r")\b", re.I)
_DEFEND = re.compile(
    r"\b(?:protect|defend|save|shield)\s+(?:the\s+|our\s+)?(?:\w+\s+)?(?:civilians|people|population|citizens)\b"
    r"|\bself[- ]defen[cs]e\b|\blegitimate (?:military )?targets?\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)
_ACCUSING = re.compile(r"\baccus(?:ed|es|ing|e)\b", re.I)


def force_verdicts(corpus: Corpus) -> list[Verdict]:
    """Every condemnation of an attack or campaign, and every defence of one by a party to it."""
    found = []
    for sentence in corpus.all_sentences():
        if sentence.text.rstrip().endswith("?"):
            continue  # "Is that how we can protect the people?": a question, not a stand
        reported = None
        for polarity, match in _force_words(sentence.text):
            reported = reported or _force_event(corpus, sentence)
            if reported is None:
                break
            mention, event = reported
            actor = _condemner(corpus, sentence, match) if polarity < 0 else _defender(corpus, sentence, match, event)
            if actor is not None:
                found.append(Verdict(sentence, actor, polarity, match.group(0), event.id, mention.trigger,
                                     corpus.sources[sentence.source].date, sentence.start + match.start()))
    return found


def force_contradictions(corpus: Corpus) -> list[Contradiction]:
    """A party's defence of an attack or campaign against every other actor's condemnation of it."""
    found = force_verdicts(corpus)
    results = []
    for event, defender in sorted({(v.event, v.actor) for v in found if v.polarity > 0}):
        defence = distinct_sentences([v for v in found if v.polarity > 0 and (v.event, v.actor) == (event, defender)])
        condemnation = distinct_sentences([v for v in found if v.polarity < 0 and v.event == event and v.actor != defender])
        if not condemnation:
            continue
        condemners = list(dict.fromkeys(v.actor for v in condemnation))
        words = list(dict.fromkeys(v.word.lower() for v in condemnation))
        summary = (f"{corpus.name(defender)} defends the {defence[0].trigger} (“{defence[0].word}”); "
                   f"{_names(corpus, condemners)} {'condemns' if len(condemners) == 1 else 'condemn'} it "
                   f"({', '.join(f'“{w}”' for w in words)})")
        claims = verdict_claims(corpus, defence, condemnation)
        results.append(Contradiction("", "characterisation", summary, claims, event, sorted({defender, *condemners})))
    return results


def _names(corpus: Corpus, actors: list[str]) -> str:
    names = [corpus.name(a) for a in actors]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _force_words(text: str) -> list[tuple[int, re.Match]]:
    words = [(-1, m) for m in _CONDEMN.finditer(text)] + [(1, m) for m in _DEFEND.finditer(text)]
    return sorted(((p, m) for p, m in words if not preceded_by(text, m.start(), NEGATORS)), key=lambda w: w[1].start())


def _force_event(corpus: Corpus, sentence: Sentence) -> Optional[tuple[EventMention, Event]]:
    """The attack or campaign the sentence reports, or else the only one its article reports."""
    reported = corpus.event_for(sentence)
    if reported is not None and reported[1].type in FORCE_TYPES:
        return reported
    events = {e.id: (m, e) for m, e in corpus.mentions.get(sentence.source, []) if e.type in FORCE_TYPES}
    return next(iter(events.values())) if len(events) == 1 else None


def _condemner(corpus: Corpus, sentence: Sentence, match: re.Match) -> Optional[str]:
    """Who calls it a crime: the speaker of the words, or who "accused" someone of it."""
    accusing = [a for a in _ACCUSING.finditer(sentence.text) if a.start() < match.start()]
    if accusing:
        return subject_before(corpus, sentence, accusing[-1].start())
    return corpus.sayer(sentence, sentence.start + match.start())


def _defender(corpus: Corpus, sentence: Sentence, match: re.Match, event: Event) -> Optional[str]:
    """A party to the event defending it in its own quoted words, in the first person."""
    speaker = corpus.speaker(sentence, sentence.start + match.start(), strict=True)
    if speaker is None or speaker not in event.actors or not _FIRST_PERSON.search(sentence.text):
        return None
    return speaker
