"""Opposed characterisations: one actor praises an event, another condemns it.

Also "position": one actor whose verdict on a kind of event flips between
two different events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from generator.compare.text import Corpus, Sentence
from generator.model import Contradiction

# A small, generic lexicon of evaluative words.
POSITIVE = (
    "goodwill", "good will", "good faith", "genuine", "sincere", "honest", "generous", "constructive",
    "positive step", "step forward", "breakthrough", "humanitarian gesture", "gesture of goodwill",
    "act of kindness", "responsible", "serious effort",
)
NEGATIVE = (
    "gimmick", "deception", "deceptive", "deceit", "ruse", "sham", "propaganda", "lie", "lies", "farce", "stunt",
    "trick", "hoax", "fraud", "charade", "ploy", "smokescreen", "smoke screen", "cynical", "disingenuous",
    "hypocritical", "hypocrisy", "whitewash", "empty gesture", "meaningless", "pretext", "manipulation",
)
# Words that turn praise into scorn ("false gestures of goodwill") or cancel scorn ("not a ruse").
UNDERMINERS = ("false", "fake", "so-called", "sham", "alleged", "supposed", "feigned", "pretended")
NEGATORS = ("not", "no", "never", "n't", "hardly", "nor")

_POS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in POSITIVE) + r")\b", re.I)
_NEG = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in NEGATIVE) + r")\b", re.I)


@dataclass(frozen=True)
class Verdict:
    """One actor's evaluative word about one event, in one sentence."""

    sentence: Sentence
    actor: str
    polarity: int  # +1 praise, -1 scorn
    word: str
    event: str
    trigger: str
    date: Optional[str]


def verdicts(corpus: Corpus) -> list[Verdict]:
    """Every sentence that evaluates an event, with its speaker and polarity."""
    found = []
    for sentence in corpus.all_sentences():
        polarity, word, offset = polarity_of(sentence.text)
        if not polarity:
            continue
        actor = corpus.speaker(sentence, sentence.start + offset, strict=True)
        reported = corpus.event_for(sentence)
        if actor is None or reported is None:
            continue
        mention, event = reported
        date = corpus.sources[sentence.source].date
        found.append(Verdict(sentence, actor, polarity, word, event.id, mention.trigger, date))
    return found


def polarity_of(text: str) -> tuple[int, str, int]:
    """(+1 | -1 | 0, the evaluative word, its offset) for one sentence; 0 when mixed or none."""
    scores = []
    for match in _NEG.finditer(text):
        if not _preceded_by(text, match.start(), NEGATORS):
            scores.append((-1, match.group(0), match.start()))
    for match in _POS.finditer(text):
        if _preceded_by(text, match.start(), UNDERMINERS + NEGATORS):
            scores.append((-1, text[_window_start(text, match.start()):match.end()].strip(), match.start()))
        else:
            scores.append((1, match.group(0), match.start()))
    polarities = {score for score, _, _ in scores}
    if len(polarities) != 1:
        return 0, "", 0
    return min(scores, key=lambda s: s[2])


def _window_start(text: str, start: int) -> int:
    words = list(re.finditer(r"\S+", text[:start]))
    return words[-3].start() if len(words) >= 3 else 0


def _preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` is among the three words before ``start``."""
    for word in re.findall(r"[a-z'’-]+", text[_window_start(text, start):start].lower()):
        if word in words or ("n't" in words and word.endswith(("n't", "n’t"))):
            return True
    return False


def characterisation_contradictions(corpus: Corpus, found: list[Verdict]) -> list[Contradiction]:
    """Praise and scorn of the same event by different actors: one per pair of actors, quoting every such sentence."""
    by_side: dict[tuple[str, str, int], list[Verdict]] = {}
    for verdict in sorted(found, key=_order):
        by_side.setdefault((verdict.event, verdict.actor, verdict.polarity), []).append(verdict)
    results = []
    for (event, praiser, polarity), praise in sorted(by_side.items()):
        if polarity < 0:
            continue
        for (other_event, scorner, other_polarity), scorn in sorted(by_side.items()):
            if other_event != event or other_polarity > 0 or scorner == praiser:
                continue
            summary = (f"{corpus.name(praiser)} calls the {praise[0].trigger} “{praise[0].word}”; "
                       f"{corpus.name(scorner)} calls it “{scorn[0].word}”")
            claims = [corpus.claim(v.sentence, v.actor) for v in _distinct(praise) + _distinct(scorn)]
            results.append(Contradiction("", "characterisation", summary, claims, event, sorted({praiser, scorner})))
    return results


def _distinct(verdicts: list[Verdict]) -> list[Verdict]:
    """One verdict per sentence."""
    seen, out = set(), []
    for verdict in verdicts:
        key = (verdict.sentence.source, verdict.sentence.start)
        if key not in seen:
            seen.add(key)
            out.append(verdict)
    return out


def position_contradictions(corpus: Corpus, found: list[Verdict]) -> list[Contradiction]:
    """One actor praising one event and scorning another of the same trigger word, on other days."""
    results, seen = [], set()
    ordered = sorted(found, key=_order)
    for first in ordered:
        for later in ordered:
            if (first.actor != later.actor or first.polarity == later.polarity or first.event == later.event
                    or first.trigger.lower() != later.trigger.lower() or not first.date or not later.date
                    or first.date >= later.date):
                continue
            key = (first.actor, first.event, later.event)
            if key in seen:
                continue
            seen.add(key)
            name = corpus.name(first.actor)
            summary = (f"{name} called one {first.trigger} “{first.word}” ({first.date}) "
                       f"and another “{later.word}” ({later.date})")
            claims = [corpus.claim(first.sentence, first.actor), corpus.claim(later.sentence, later.actor)]
            results.append(Contradiction("", "position", summary, claims, later.event, [first.actor]))
    return results


def _order(verdict: Verdict) -> tuple:
    return verdict.sentence.source, verdict.sentence.start
