"""Denials: a claim and its denial ("…, an allegation Moscow denied"; "X denied the reports")."""
from __future__ import annotations

import re
from typing import Optional

from generator.compare.text import Corpus, Sentence
from generator.model import Contradiction

_DENY = r"(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes)"
_CLAIM_NOUN = r"(?:allegations?|accusations?|claims?|charges?|reports?|assertions?|suggestions?)"
# "…, an allegation Moscow denied": the claim and its denial in one sentence.
INLINE = re.compile(
    rf",\s+(?P<denial>(?:an?|the|a)\s+{_CLAIM_NOUN}\s+(?:that\s+|which\s+)?(?P<who>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|the\s+[a-z]+)"
    rf"\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?{_DENY})\b"
    rf"|,\s+(?P<denial2>which\s+(?P<who2>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|the\s+[a-z]+)\s+(?:has\s+|have\s+|had\s+)?"
    rf"(?:\w+ly\s+)?{_DENY})\b"
)
# "The army denied the allegations": the claim is the sentence before.
ANAPHORIC = re.compile(rf"\b{_DENY}\s+(?:the|these|those|such|this|that|all)\s+(?:\w+\s+)?{_CLAIM_NOUN}\b", re.I)
REBUTTAL = re.compile(
    r"\b(?:(?:is|was|are|were|'s|’s)\s+(?:simply\s+|completely\s+|absolutely\s+)?(?:not true|untrue|false|baseless|"
    r"groundless|unfounded|fabricated|a lie|lies)|no truth (?:in|to)|nothing but lies)\b",
    re.I,
)
DENYING = re.compile(r"\b(?:den(?:y|ies|ied|ial)|reject\w*|dismiss\w*|refut\w*)\b", re.I)
ASSERTING = re.compile(r"\b(?:accus\w+|alleg\w+|said|says|claim\w*|report\w*|blam\w+|charg\w+|told)\b", re.I)


def denial_contradictions(corpus: Corpus) -> list[Contradiction]:
    """Claims paired with their denials, in the same sentence or the one before."""
    results = []
    for sentence in corpus.all_sentences():
        inline = INLINE.search(sentence.text)
        if inline:
            results.append(_inline_denial(corpus, sentence, inline))
            continue
        if ANAPHORIC.search(sentence.text) or REBUTTAL.search(sentence.text):
            found = _denial_of_previous(corpus, sentence)
            if found:
                results.append(found)
    return results


def _inline_denial(corpus: Corpus, sentence: Sentence, match: re.Match) -> Contradiction:
    group = "denial" if match["denial"] else "denial2"
    who = match["who"] or match["who2"]
    denier = corpus.actor_named(who)
    claim_end = sentence.start + match.start()
    claimant = corpus.speaker(sentence, sentence.start) or corpus.actor_mentioned(
        sentence.source, sentence.start, claim_end)
    claims = [
        corpus.claim(sentence, claimant, sentence.start, claim_end),
        corpus.claim(sentence, denier, sentence.start + match.start(group), sentence.start + match.end(group)),
    ]
    summary = f"{who} denies the claim: “{claims[0].text}”"
    event = corpus.event_for(sentence)
    actors = sorted({a for a in (claimant, denier) if a})
    return Contradiction("", "denial", summary, claims, event[1].id if event else None, actors)


def _denial_of_previous(corpus: Corpus, sentence: Sentence) -> Optional[Contradiction]:
    previous = corpus.previous_sentence(sentence)
    if previous is None or not ASSERTING.search(previous.text) or REBUTTAL.search(previous.text):
        return None
    denier = corpus.speaker(sentence) or corpus.actor_mentioned(sentence.source, sentence.start, sentence.end)
    claimant = corpus.speaker(previous) or corpus.actor_mentioned(previous.source, previous.start, previous.end)
    if (denier is not None and denier == claimant) or DENYING.search(previous.text):
        return None  # one actor, or a denial of a denial
    claims = [corpus.claim(previous, claimant), corpus.claim(sentence, denier)]
    summary = (f"{_who(corpus, denier)} denies what {_who(corpus, claimant)} asserts" if denier or claimant
               else "An accusation and its denial (the article names no actor on either side)")
    event = corpus.event_for(previous) or corpus.event_for(sentence)
    actors = sorted({a for a in (claimant, denier) if a})
    return Contradiction("", "denial", summary, claims, event[1].id if event else None, actors)


def _who(corpus: Corpus, actor: Optional[str]) -> str:
    """An actor's name, or words that say the text names no actor (not "the writer": someone said it)."""
    return corpus.name(actor) if actor else "a party the article does not name as an actor"
