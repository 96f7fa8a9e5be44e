"""Opposed characterisations: one actor praises an event, another condemns it.

A verdict is an evaluative phrase ("a sham", "goodwill"), a favourable label
quoted as one's own (a “humanitarian pause”), or any phrase a judging verb puts
on the event ("dismissed the deal as “…”"); its actor is the speaker of the
quote that holds it, or the subject (or "by" agent) of the framing verb.

Also "position": one actor whose verdict flips on a later day, about the same
event or another of the same trigger word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from generator.compare.text import Corpus, Sentence
from generator.model import Claim, Contradiction

# A small, generic lexicon of evaluative words.
POSITIVE = (
    "goodwill", "good will", "good faith", "genuine", "sincere", "honest", "generous", "constructive",
    "positive step", "step forward", "breakthrough", "humanitarian gesture", "gesture of goodwill",
    "act of kindness", "responsible", "serious effort", "fair to both sides", "major step", "milestone",
    "victory for common sense", "victory for peace", "victory for democracy", "victory for dialogue",
    "victory for diplomacy", "victory for justice",
)
NEGATIVE = (
    "gimmick", "deception", "deceptive", "deceit", "ruse", "sham", "propaganda", "lie", "lies", "farce", "stunt",
    "trick", "hoax", "fraud", "charade", "ploy", "smokescreen", "smoke screen", "cynical", "disingenuous",
    "hypocritical", "hypocrisy", "whitewash", "empty gesture", "meaningless", "pretext", "manipulation",
    "on paper only", "only on paper", "delay tactic", "delaying tactic", "fairy tale", "betrayal", "insult",
)
# Words that are one party's favourable label only when quoted as such: a “humanitarian pause”.
LABELS = ("humanitarian",)
MAX_LABEL = 40  # characters: a label or a short quoted verdict, not a quoted statement
# Words that turn praise into scorn ("false gestures of goodwill") or cancel scorn ("not a ruse").
UNDERMINERS = ("false", "fake", "so-called", "sham", "alleged", "supposed", "feigned", "pretended")
NEGATORS = ("not", "no", "never", "n't", "hardly", "nor")
# Verbs that frame a characterisation: "dismissed the deal as …", "hailed it as …", "described as … by X".
SCORNING = ("dismissed", "dismissing", "denounced", "denouncing", "condemned", "derided", "decried", "slammed",
            "branded", "branding")
PRAISING = ("hailed", "hailing", "praised", "praising", "lauded", "welcomed", "welcoming")
NEUTRAL = ("called", "calling", "described", "describing", "labelled", "labeled", "presented", "portrayed",
           "termed")

_POS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in POSITIVE) + r")\b", re.I)
_NEG = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in NEGATIVE) + r")\b", re.I)
_LABEL = re.compile(r"[“\"‘'](?:" + "|".join(LABELS) + r")\b", re.I)
# "dismissed the deal as “…”", "called it “…”": judging verbs need "as"; calling verbs may go without.
_FRAME = re.compile(
    r"\b(?P<verb>" + "|".join(SCORNING + PRAISING + NEUTRAL) + r")\s+"
    r"(?:(?:it|this|that|them|the\s+(?!as\b)[\w-]+(?:\s+(?!as\b)[\w-]+)?)\s+)?(?P<as>as\s+)?"
    r"(?P<what>[“\"‘'][^”\"’]{2,80}[”\"’]|an?\s+[\w-]+(?:\s+[\w-]+){0,3})",
    re.I,
)
# Between a name and its framing verb: "(HNC)", "who", "has", "confirmed this view by".
_GAP = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,?\s*who\s+)?(?:(?:has|have|had|also|then)\s+)*(?:\w+ly\s+)?"
                  r"(?:\w+\s+(?:\w+\s+){0,2}by\s+)?$")
_APPOSITIVE = re.compile(r",[^,]{3,80},\s*$")


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
    offset: int = 0  # where the word is, in the source


def verdicts(corpus: Corpus) -> list[Verdict]:
    """Every evaluation of an event in a sentence, with its speaker and polarity.

    An actor whose words in one sentence both praise and scorn gives no verdict there.
    """
    found = []
    for sentence in corpus.all_sentences():
        reported = corpus.event_for(sentence)
        if reported is None:
            continue
        mention, event = reported
        by_actor: dict[str, list[tuple[int, str, int]]] = {}
        for polarity, word, offset in evaluations(sentence.text):
            actor = corpus.speaker(sentence, sentence.start + offset, strict=True) or _framer(corpus, sentence, offset)
            if actor is not None:
                by_actor.setdefault(actor, []).append((polarity, word, offset))
        date = corpus.sources[sentence.source].date
        for actor, scores in sorted(by_actor.items()):
            if len({score for score, _, _ in scores}) != 1:
                continue
            polarity, word, offset = min(scores, key=lambda s: (_undermining(s[1]), s[2]))
            found.append(Verdict(sentence, actor, polarity, word, event.id, mention.trigger, date,
                                 sentence.start + offset))
    return found


def _undermining(words: str) -> bool:
    """Whether the shown words are praise turned to scorn ("false gestures of goodwill"): shown last."""
    return any(w in UNDERMINERS for w in words.lower().split())


def evaluations(text: str) -> list[tuple[int, str, int]]:
    """Every evaluative phrase of a sentence: (+1 | -1, the words, their offset)."""
    scores = []
    for match in _NEG.finditer(text):
        if not preceded_by(text, match.start(), NEGATORS) and not _in_name(text, match.start()):
            scores.append((-1, _shown(text, match.start(), match.end()), match.start()))
    for match in _POS.finditer(text):
        if _in_name(text, match.start()):
            continue
        if preceded_by(text, match.start(), UNDERMINERS + NEGATORS):
            scores.append((-1, _undermined(text, match.start(), match.end()), match.start()))
        else:
            scores.append((1, _shown(text, match.start(), match.end()), match.start()))
    for match in _LABEL.finditer(text):
        label = _quoted_label(text, match.start())
        if label is None:
            continue
        if preceded_by(text, match.start(), UNDERMINERS):
            scores.append((-1, _undermined(text, match.start() + 1, match.start() + 1 + len(label)), match.start()))
        elif not preceded_by(text, match.start(), NEGATORS):
            scores.append((1, label, match.start() + 1))
    scores = [(polarity, _frame_words(text, offset) or word, offset) for polarity, word, offset in scores]
    scores += _framed(text, {offset for _, _, offset in scores})
    return sorted(scores, key=lambda s: s[2])


def _frame_words(text: str, offset: int) -> Optional[str]:
    """All the words a framing verb puts on the event ("a disingenuous ruse"), when they hold ``offset``."""
    for match in _FRAME.finditer(text):
        if match.start("what") <= offset < match.end("what") and (match["as"] or match["verb"].lower() in NEUTRAL):
            return match["what"].strip(" “\"‘'”’.,")
    return None


def _quoted_label(text: str, start: int) -> Optional[str]:
    """The few quoted words that open at ``start`` (“humanitarian pause”); None for a longer quotation."""
    end = re.search(r"[”\"’']", text[start + 1:])
    return text[start + 1:start + 1 + end.start()] if end and end.start() <= MAX_LABEL else None


def _in_name(text: str, start: int) -> bool:
    """A capitalised word inside a sentence and outside quote marks is part of a name ("al-Sham")."""
    return text[start].isupper() and start > 0 and text[start - 1] not in "“\"‘'" and bool(
        re.search(r"\w[\s-]$", text[:start]))


def _shown(text: str, start: int, end: int) -> str:
    """The evaluative words as a reader should see them: the whole short quote that holds them."""
    opening = max(text.rfind(mark, 0, start) for mark in "“\"‘")
    if opening >= 0 and start - opening <= MAX_LABEL:
        closing = re.search(r"[”\"’]", text[end:])
        if closing and closing.start() <= MAX_LABEL and not re.search(r"[”\"’]", text[opening + 1:start]):
            return text[opening + 1:end + closing.start()].strip(" .,")
    return text[start:end]


def _undermined(text: str, start: int, end: int) -> str:
    """Praise with the words that undermine it: "false gestures of goodwill", "so-called humanitarian pause"."""
    return re.sub(r"[“”\"‘’]", "", text[_window_start(text, start):end]).strip()


def _framed(text: str, taken: set[int]) -> list[tuple[int, str, int]]:
    """Quoted phrases framed by a praising or scorning verb: "dismissed the deal as “a paper truce”"."""
    found = []
    for match in _FRAME.finditer(text):
        verb = match["verb"].lower()
        if verb in NEUTRAL or not match["as"] or preceded_by(text, match.start(), NEGATORS):
            continue
        start, end = match.span("what")
        if any(start <= offset < end for offset in taken):
            continue  # the lexicon has judged these words already
        words = match["what"].strip(" “\"‘'”’")
        found.append((-1 if verb in SCORNING else 1, words, start))
    return found


def _framer(corpus: Corpus, sentence: Sentence, offset: int) -> Optional[str]:
    """The actor who frames the words at ``offset``: "X dismissed it as …", "… described as … by X"."""
    frame = None
    for match in _FRAME.finditer(sentence.text):
        if match.start("what") <= offset < match.end("what") and (match["as"] or match["verb"].lower() in NEUTRAL):
            frame = match
    if frame is None:
        return None
    after = sentence.text[frame.end():]
    agent = re.match(r"^[”\"’]?\s*by\s+", after)
    if agent:
        begin = sentence.start + frame.end() + agent.end()
        return corpus.actor_mentioned(sentence.source, begin, begin + 3)
    return subject_before(corpus, sentence, frame.start())


def subject_before(corpus: Corpus, sentence: Sentence, verb_start: int) -> Optional[str]:
    """The actor named just before a verb, skipping "(HNC)", "who", an appositive ", leader of X,"."""
    before = sentence.text[:verb_start]
    appositive = _APPOSITIVE.search(before)
    for text in (before, before[:appositive.start()] if appositive else None):
        if text is None:
            continue
        mentions = corpus.mentions_in(sentence.source, sentence.start, sentence.start + len(text))
        if mentions:
            end, actor = mentions[-1]
            if _GAP.match(text[end - sentence.start:]):
                return actor
    return None


def _window_start(text: str, start: int) -> int:
    words = list(re.finditer(r"\S+", text[:start]))
    return words[-3].start() if len(words) >= 3 else 0


def preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
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
            claims = verdict_claims(corpus, distinct_sentences(praise), distinct_sentences(scorn))
            results.append(Contradiction("", "characterisation", summary, claims, event, sorted({praiser, scorner})))
    return results


def verdict_claims(corpus: Corpus, praise: list[Verdict], scorn: list[Verdict]) -> list[Claim]:
    """A claim per verdict: its sentence, or its clause when praise and scorn share the sentence."""
    claims = []
    for verdict in praise + scorn:
        others = [v for v in (scorn if verdict in praise else praise) if v.sentence == verdict.sentence]
        start, end = verdict.sentence.start, verdict.sentence.end
        for other in others:
            cut = _clause_break(corpus, verdict.sentence, min(verdict.offset, other.offset),
                                max(verdict.offset, other.offset))
            if cut is None:
                continue
            if other.offset > verdict.offset:
                end = min(end, cut[0])
            else:
                start = max(start, cut[1])
        claims.append(corpus.claim(verdict.sentence, verdict.actor, start, end))
    return claims


def _clause_break(corpus: Corpus, sentence: Sentence, first: int, second: int) -> Optional[tuple[int, int]]:
    """Where one clause ends and the next begins between two offsets: the last ", but", ";", " — " or ","."""
    text = corpus.sources[sentence.source].text
    between = text[first:second]
    for pattern in (r",?\s+but\s+", r";\s+", r"\s+—\s+", r",\s+"):
        breaks = list(re.finditer(pattern, between))
        if breaks:
            return first + breaks[-1].start(), first + breaks[-1].end()
    return None


def distinct_sentences(verdicts: list[Verdict]) -> list[Verdict]:
    """One verdict per sentence."""
    seen, out = set(), []
    for verdict in verdicts:
        key = (verdict.sentence.source, verdict.sentence.start)
        if key not in seen:
            seen.add(key)
            out.append(verdict)
    return out


def position_contradictions(corpus: Corpus, found: list[Verdict]) -> list[Contradiction]:
    """One actor whose verdict flips on a later day: on the same event, or on another of the same trigger word."""
    by_actor: dict[str, list[Verdict]] = {}
    for verdict in sorted(found, key=_order):
        by_actor.setdefault(verdict.actor, []).append(verdict)
    results, seen = [], set()
    for verdicts_of_one in by_actor.values():
        for first in verdicts_of_one:
            for later in verdicts_of_one:
                key = (first.actor, first.event, later.event)
                if key in seen or not _changed_position(first, later):
                    continue
                seen.add(key)
                results.append(_position(corpus, first, later))
    return results


def _changed_position(first: Verdict, later: Verdict) -> bool:
    """Opposite verdicts, the later on a later day, about one event or two events of one trigger word."""
    if first.polarity == later.polarity or not first.date or not later.date or first.date >= later.date:
        return False
    return first.event == later.event or first.trigger.lower() == later.trigger.lower()


def _position(corpus: Corpus, first: Verdict, later: Verdict) -> Contradiction:
    name = corpus.name(first.actor)
    if first.event == later.event:
        summary = (f"{name} called the {first.trigger} “{first.word}” ({first.date}) "
                   f"and later “{later.word}” ({later.date})")
    else:
        summary = (f"{name} called one {first.trigger} “{first.word}” ({first.date}) "
                   f"and another “{later.word}” ({later.date})")
    claims = [corpus.claim(first.sentence, first.actor), corpus.claim(later.sentence, later.actor)]
    return Contradiction("", "position", summary, claims, later.event, [first.actor])


def _order(verdict: Verdict) -> tuple:
    return verdict.sentence.source, verdict.sentence.start
