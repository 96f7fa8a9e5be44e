"""Existence clashes: one side says some X exist or were opened, the other that there are no X."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from generator.compare.text import Corpus, Sentence
from generator.extract.dates import days_apart
from generator.extract.figures import singular
from generator.model import Contradiction

MAX_DAYS_APART = 14
_NOUN = r"[a-z][a-z-]+"
_BE = r"(?:exist|exists|existed|is|are|was|were|has been|have been|had been)"
_MADE = r"(?:opened|set up|established|created|built|deployed|installed|used)"
NEGATIVE = (
    re.compile(rf"\bno such (?:{_NOUN} ){{0,2}}(?P<noun>{_NOUN}) {_BE}\b", re.I),
    re.compile(rf"\bthere (?:is|are|was|were|have been|has been|had been|would be) no "
               rf"(?:{_NOUN} ){{0,2}}?(?P<noun>{_NOUN}s)\b", re.I),
    re.compile(rf"\b(?P<noun>{_NOUN}s) (?:do not|don't|don’t|did not|didn't|didn’t) exist\b", re.I),
    re.compile(rf"\bno (?:{_NOUN} ){{0,2}}?(?P<noun>{_NOUN}s) (?:have|had|has) been {_MADE}\b", re.I),
    re.compile(rf"\bno (?:{_NOUN} ){{0,2}}?(?P<noun>{_NOUN}s) (?:were|was|are) {_MADE}\b", re.I),
)
AFFIRMATIVE = (
    re.compile(rf"\b(?P<noun>{_NOUN}s)\b[^.;]{{0,60}}?\b(?:could|can|will|would|may) be used\b", re.I),
    re.compile(rf"\b(?P<noun>{_NOUN}s) (?:were|are|have been|had been|has been) {_MADE}\b", re.I),
    re.compile(rf"\b(?:opened|set up|established|created) (?:\w+ ){{0,2}}?(?P<noun>{_NOUN}s)\b", re.I),
    re.compile(rf"\b(?P<noun>{_NOUN}s) (?:exist|existed)\b", re.I),
)
# A literal every pattern above needs: sentences without one are not tried (most are not).
KEYWORD = re.compile(r"\b(?:no|exists?|existed|used|opened|set up|established|created|built|deployed|installed)\b", re.I)
# Sentences that only wonder or deny cannot assert that something exists.
UNCERTAIN = re.compile(r"\b(?:not|no|never|unclear|whether|if|any|doubt\w*|n't|n’t|nor|den(?:y|ies|ied|ial)|reject\w*|dismiss\w*)\b", re.I)


@dataclass(frozen=True)
class Existence:
    sentence: Sentence
    noun: str
    exists: bool
    actor: Optional[str]
    start: int


def existence_statements(corpus: Corpus) -> list[Existence]:
    """Every sentence saying that some kind of thing does or does not exist."""
    found = []
    for sentence in corpus.all_sentences():
        if not KEYWORD.search(sentence.text):
            continue
        for exists, patterns in ((False, NEGATIVE), (True, AFFIRMATIVE)):
            match = _first_match(sentence.text, patterns)
            if match is None or (exists and UNCERTAIN.search(sentence.text[:match.end()])):
                continue
            noun = singular(match["noun"].lower())
            offset = sentence.start + match.start()
            found.append(Existence(sentence, noun, exists, corpus.sayer(sentence, offset), offset))
            break
    return found


def _first_match(text: str, patterns) -> Optional[re.Match]:
    matches = [m for p in patterns for m in p.finditer(text)]
    return min(matches, key=lambda m: m.start()) if matches else None


def existence_contradictions(corpus: Corpus) -> list[Contradiction]:
    """Pairs of statements, in different sources and close in time, that X exists and that no X exists."""
    statements = sorted(existence_statements(corpus), key=lambda e: (e.sentence.source, e.start))
    results = []
    for denial in (s for s in statements if not s.exists):
        partner = _closest_affirmation(corpus, denial, statements)
        if partner is None:
            continue
        summary = (f"{corpus.name(partner.actor)} says {partner.noun}s exist; "
                   f"{corpus.name(denial.actor)} says there are no {partner.noun}s")
        claims = [corpus.claim(partner.sentence, partner.actor), corpus.claim(denial.sentence, denial.actor)]
        event = corpus.event_for(denial.sentence) or corpus.event_for(partner.sentence)
        actors = sorted({a for a in (partner.actor, denial.actor) if a})
        results.append(Contradiction("", "existence", summary, claims, event[1].id if event else None, actors))
    return results


def _closest_affirmation(corpus: Corpus, denial: Existence, statements: list[Existence]) -> Optional[Existence]:
    candidates = []
    for other in statements:
        if not other.exists or other.noun != denial.noun or other.sentence.source == denial.sentence.source:
            continue
        gap = days_apart(corpus.sources[denial.sentence.source].date, corpus.sources[other.sentence.source].date)
        if gap is not None and gap > MAX_DAYS_APART:
            continue
        candidates.append((gap if gap is not None else MAX_DAYS_APART + 1, other.sentence.source, other.start, other))
    return min(candidates, key=lambda c: c[:3])[3] if candidates else None
