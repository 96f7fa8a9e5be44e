"""Denials: a claim and its denial ("…, an allegation Moscow denied"; "X denied the reports").

Three shapes: the claim and an inline denial in one sentence; a denial framing
with the claim inside it ("X rejected accusations that P", "X denied that P");
and a denial of the sentence before ("The army denied the allegations"). The
denier's own words that follow a framing ("It's not true…") join the denial side.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.compare.text import QUOTE_OPEN, Corpus, Sentence
from generator.model import Claim, Contradiction

_DENY = r"(?:denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|disputed|disputes|refuted|refutes)"
_CLAIM_NOUN = (r"(?:allegations?|accusations?|claims?|charges?|reports?|assertions?|suggestions?|figures?|"
               r"accounts?|versions?|descriptions?|characteri[sz]ations?|estimates?)")
# Who denies, in an inline denial: "the"/a possessive and a few words, or a name with at most two
# words of title before it ("union leader Tom Berg"); no punctuation.
_WHO = r"(?:(?:the|its|his|her|their)\s+|(?:[a-z]+\s+){0,2}[A-Z])[^,.;:!?“”\"()]{0,70}?"
# "…, an allegation Moscow denied": the claim and its denial in one sentence.
INLINE = re.compile(
    rf",\s+(?P<denial>(?:an?|the)\s+{_CLAIM_NOUN}\s+(?:that\s+|which\s+)?(?P<who>{_WHO})"
    rf"\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?{_DENY}"
    rf"(?:\s+as\s+(?:[“\"‘][^”\"’]{{1,60}}[”\"’]|[a-z]+))?)"
    rf"(?![\w”\"’])|,\s+(?P<denial2>which\s+(?P<who2>{_WHO})\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?{_DENY})\b"
)
# "X rejected accusations that P", "X denied that P", "X rejected descriptions of A as B": the claim is P.
FRAMED = re.compile(
    rf"\b(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?P<verb>{_DENY})\s+(?:(?:the|all|any|these|those|such)\s+)?"
    rf"(?:(?P<noun>(?:\w+\s+)?{_CLAIM_NOUN})\s+(?P<link>that|of)\s+|that\s+)(?P<claim>\S.*?)[.!?]?$",
    re.I,
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
# The denying verb as the summary gives it.
PRESENT = {"denied": "denies", "deny": "denies", "rejected": "rejects", "reject": "rejects", "dismissed": "dismisses",
           "disputed": "disputes", "refuted": "refutes"}
# A framed claim must say something: at least this many letters.
MIN_CLAIM = 15
# "refused to deny reports that…", "urged them to reject claims that…": no denial.
NOT_DENYING = re.compile(r"\b(?:not|never|n['’]t|refused|refuses|declined|declines|urged|urges|asked|would|could|may|"
                         r"might|will)\s+(?:to\s+)?(?:\w+\s+)?$", re.I)
# A piece of text every denial or rebuttal above needs: sentences without one are not tried.
DENIAL_WORD = re.compile(r"deni|deny|reject|dismiss|disput|refut|true|false|baseless|groundless|unfounded|"
                         r"fabricated|lie|no truth", re.I)
# At most this many sentences of the denier's own words join the denial side.
MAX_FOLLOWING = 2


def denial_contradictions(corpus: Corpus) -> list[Contradiction]:
    """Claims paired with their denials, in the same sentence or the one before."""
    results = []
    for sentence in corpus.all_sentences():
        if not DENIAL_WORD.search(sentence.text):
            continue
        inline = INLINE.search(sentence.text)
        if inline:
            results.append(_inline_denial(corpus, sentence, inline))
            continue
        framed = FRAMED.search(sentence.text)
        if framed and not _quoted_at(corpus, sentence, framed.start()) and not NOT_DENYING.search(
                sentence.text[:framed.start()]):
            found = _framed_denial(corpus, sentence, framed)
            if found:
                results.append(found)
                continue
        if ANAPHORIC.search(sentence.text) or REBUTTAL.search(sentence.text):
            found = _denial_of_previous(corpus, sentence)
            if found:
                results.append(found)
    return results


def _inline_denial(corpus: Corpus, sentence: Sentence, match: re.Match) -> Contradiction:
    group = "denial" if match["denial"] else "denial2"
    who_group = "who" if match["who"] else "who2"
    who = match[who_group]
    denier = corpus.actor_named(who) or corpus.actor_mentioned(
        sentence.source, sentence.start + match.start(who_group), sentence.start + match.end(who_group), last=True)
    claim_end = sentence.start + match.start()
    claimant = corpus.speaker(sentence, sentence.start) or corpus.actor_mentioned(
        sentence.source, sentence.start, claim_end)
    claims = [
        corpus.claim(sentence, claimant, sentence.start, claim_end),
        corpus.claim(sentence, denier, sentence.start + match.start(group), sentence.start + match.end(group)),
    ]
    claims += _denier_words(corpus, sentence, denier, claimant)
    summary = f"{corpus.name(denier) if denier else who} denies the claim: “{claims[0].text}”"
    event = corpus.event_for(sentence)
    actors = sorted({a for a in (claimant, denier) if a})
    return Contradiction("", "denial", summary, claims, event[1].id if event else None, actors)


def _framed_denial(corpus: Corpus, sentence: Sentence, match: re.Match) -> Optional[Contradiction]:
    """"X rejected accusations that P": the accusations (whoever makes them) against X's denial and X's
    words after it; for "X denied that P", P itself."""
    if len(re.sub(r"[^A-Za-z]", "", match["claim"])) < MIN_CLAIM:
        return None
    claim_start = sentence.start + match.start("noun" if match["noun"] else "claim")
    denier = corpus.speaker(sentence, sentence.start) or corpus.actor_mentioned(
        sentence.source, sentence.start, sentence.start + match.start(), last=True)
    claim = corpus.claim(sentence, None, claim_start, sentence.end)
    denial = corpus.claim(sentence, denier, sentence.start, claim_start)
    following = _denier_words(corpus, sentence, denier, None)
    if denier is None and following and following[0].actor:
        denier = following[0].actor  # "The minister rejected the accusations. 'It's not true,' Haddad said."
        denial = corpus.claim(sentence, denier, sentence.start, claim_start)
    if not match["noun"] and not following:
        return None  # "X denied that P" alone: nobody is shown to claim P, nor X to answer it
    claims = [claim, denial] + following
    who = corpus.name(denier) if denier else "A party the article does not name as an actor"
    verb = PRESENT.get(match["verb"].lower(), match["verb"].lower())
    framing = f"{verb} {match['noun'].lower()} {match['link'].lower()}" if match["noun"] else f"{verb} that"
    summary = f"{who} {framing} {_clause(match['claim'])}"
    event = corpus.event_for(sentence)
    return Contradiction("", "denial", summary, claims, event[1].id if event else None, [denier] if denier else [])


def _clause(text: str) -> str:
    return text.rstrip(" .").strip()


def _quoted_at(corpus: Corpus, sentence: Sentence, offset: int) -> bool:
    """Whether ``offset`` of the sentence lies inside a direct quote (someone else's words, not a framing)."""
    at = sentence.start + offset
    return any(q.kind == "direct" and q.start <= at < q.end for q in corpus.quotes.get(sentence.source, []))


def _denier_words(corpus: Corpus, sentence: Sentence, denier: Optional[str], claimant: Optional[str]) -> list[Claim]:
    """The direct quote that follows a reported denial: the denier's own words ("It's not true…")."""
    found, current = [], sentence
    for _ in range(MAX_FOLLOWING):
        following = corpus.next_sentence(current)
        if following is None or not _opens_with_quote(corpus, following, found):
            break
        speaker = corpus.speaker(following, following.start) or corpus.speaker(following)
        if speaker is not None and speaker == claimant and claimant != denier:
            break
        if denier is not None and speaker is not None and speaker != denier and not _speaks_for(corpus, denier):
            break
        found.append(corpus.claim(following, speaker or denier))
        current = following
    return found


def _speaks_for(corpus: Corpus, denier: str) -> bool:
    """Whether other people may voice the denier's words: a group, an organisation, a state."""
    actor = corpus.graph.actor(denier)
    return actor is not None and actor.kind != "person"


def _opens_with_quote(corpus: Corpus, sentence: Sentence, so_far: list[Claim]) -> bool:
    """A sentence of direct speech: it opens with a quote mark, or continues the quote already taken."""
    if QUOTE_OPEN.match(sentence.text):
        return True
    if not so_far:
        return False
    return any(q.kind == "direct" and q.start < sentence.start < q.end for q in corpus.quotes.get(sentence.source, []))


def _denial_of_previous(corpus: Corpus, sentence: Sentence) -> Optional[Contradiction]:
    previous = corpus.previous_sentence(sentence)
    if previous is None or not ASSERTING.search(previous.text) or REBUTTAL.search(previous.text):
        return None
    denier = corpus.speaker(sentence) or corpus.actor_mentioned(sentence.source, sentence.start, sentence.end)
    claimant = corpus.speaker(previous) or corpus.actor_mentioned(previous.source, previous.start, previous.end)
    if (denier is not None and denier == claimant) or DENYING.search(previous.text):
        return None  # one actor, or a denial of a denial
    following = [] if QUOTE_OPEN.match(sentence.text) else _denier_words(corpus, sentence, denier, claimant)
    if denier is None and following and following[0].actor and following[0].actor != claimant:
        denier = following[0].actor  # "The company rejected the claim. 'It's a lie,' its spokesman said."
    claims = [corpus.claim(previous, claimant), corpus.claim(sentence, denier)] + following
    summary = (f"{_who(corpus, denier)} denies what {_who(corpus, claimant)} asserts" if denier or claimant
               else "An accusation and its denial (the article names no actor on either side)")
    event = corpus.event_for(previous) or corpus.event_for(sentence)
    actors = sorted({a for a in (claimant, denier) if a})
    return Contradiction("", "denial", summary, claims, event[1].id if event else None, actors)


def _who(corpus: Corpus, actor: Optional[str]) -> str:
    """An actor's name, or words that say the text names no actor (not "the writer": someone said it)."""
    return corpus.name(actor) if actor else "a party the article does not name as an actor"
