"""Reported speech cues: reporting verbs, role nouns, datelines and parse helpers.

Generic English only: the verbs that report speech, the nouns that name a
speaker by role, and small helpers over spaCy tokens used by ``quotes``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # spaCy is imported only where articles are parsed (generator.extract.nlp)
    from spacy.tokens import Doc, Token

# Verbs whose subject says the quoted words.
REPORTING = frozenset("""
say tell add state claim announce deny confirm warn insist argue stress note explain report accuse allege
assert declare respond reply comment suggest reiterate emphasise emphasize write tweet threaten vow pledge
promise admit acknowledge ask answer conclude predict maintain urge recall told quote
dismiss reject describe call concede complain charge contend counter retort testify estimate
""".split())
# Verbs that put a quoted word in someone's mouth: "called it a 'gimmick'".
CHARACTERISING = frozenset("""
call describe dub term label brand denounce characterise characterize refer dismiss condemn hail praise slam
""".split())
# Reporting verbs whose clausal complement is indirect speech.
INDIRECT = frozenset("""
say tell add state claim announce deny confirm warn insist argue stress note explain allege assert declare
suggest reiterate emphasise emphasize admit acknowledge maintain predict promise vow report concede complain
contend counter estimate believe reply respond write tweet
""".split())
# Verbs that report a request: "urged X to …" — the object and its infinitive are the speech.
REQUESTING = frozenset("urge ask appeal implore beg".split())
PRONOUNS = {"he": "m", "she": "f"}
RELATIVE = frozenset("who which that".split())
# Nouns that name a person by role ("the spokesman said"); spokesman/woman/person are one role.
PERSON_ROLES = frozenset("""
spokesman spokeswoman spokesperson minister president commander chief director leader official secretary mayor
governor general envoy ambassador mediator chairman chairwoman chair head premier chancellor negotiator
prosecutor judge lawyer attorney spokespeople representative senator officer captain colonel manager
executive founder king queen prince monarch
""".split())
FEMININE = frozenset("she her ms mrs miss madam spokeswoman chairwoman businesswoman queen".split())
MASCULINE = frozenset("he his mr sir spokesman chairman businessman king".split())

_DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*(?:, [A-Z][\w'’.\-]*(?: [\w'’.\-]+){0,3}){0,2}"
                       r"\s*[—–-]{1,2}\s+")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the words after a wire dateline ("VELMAR, Kestria — ") begin, else ``start``."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() - start <= 60 else start


def role_key(word: str) -> str:
    """Fold variants of one role together ("spokeswoman" → "spokes")."""
    word = word.lower()
    return "spokes" if word.startswith("spokes") else word


def token_at(doc: Doc, offset: int) -> Optional[Token]:
    """The token covering character ``offset`` (or the next one)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]


def subject_of(verb: Token, passive: bool = True) -> Optional[Token]:
    """The speaker: the verb's subject, or that of the verb it hangs from ("…, adding that …")."""
    for _ in range(8):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                return antecedent(child)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None) if passive else None
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if verb.dep_ in _CLIMB and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


_CLIMB = ("advcl", "conj", "xcomp", "pcomp", "prep", "acl", "dobj", "pobj")


def antecedent(subject: Token) -> Token:
    """ "The group, which says …": a relative pronoun stands for the noun its clause hangs on."""
    if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def governs(verb: Token, offset: int, doc: Doc) -> bool:
    """Whether the text at ``offset`` sits in the verb's own phrase."""
    token = token_at(doc, offset)
    while token is not None and token.i != token.head.i:
        if token.head.i == verb.i:
            return True
        token = token.head
    return False


def noun_phrase(token: Token) -> tuple[int, int]:
    """Character bounds of the name phrase around a subject (compounds, determiners, no clauses)."""
    left = [t for t in token.lefts if t.dep_ in ("compound", "det", "amod", "poss", "nmod", "case")]
    parts = [token, *left, *(t for lt in left for t in lt.subtree)]
    parts += [t for t in token.rights if t.dep_ in ("compound", "flat")]
    return min(t.idx for t in parts), max(t.idx + len(t) for t in parts)


def phrase_tokens(token: Token) -> list[Token]:
    """The subject's subtree without relative or clausal modifiers."""
    out = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct", "cc"):
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def is_subject(token: Token) -> bool:
    """Whether a name token heads (or is part of) a clause subject."""
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
            token = token.head
        else:
            return False
    return False


def is_definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "his", "her", "their") for c in token.children)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and a trailing comma from a quoted span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, dashes and clause punctuation from both ends."""
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-"):
        end -= 1
    return start, end


def strip_det(phrase: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.I)
