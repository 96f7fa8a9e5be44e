"""Actors: people, organisations and states named in a source.

spaCy's entities are the starting point; general English rules repair
their boundaries and kinds (a name followed by ", a spokesman" is a
person; one followed by "group" is an organisation), then the mentions of
one actor (full name, surname, acronym, "previously known as" name,
a capital standing for its state) are grouped into one local actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported only where articles are parsed (generator.extract.nlp)
    from spacy.tokens import Doc, Span, Token

from generator.extract.nlp import doc_text
from generator.extract.speech import PERSON_ROLES, dateline_end, role_key
from generator.extract.kinds import (
    BLOCS,
    BUILT_PLACES,
    LANDMARKS,
    NAME_PLACE_HEADS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_NOUNS,
    PARTICLES,
    SPEECH_VERBS,
    capital_of,
    country_named,
    country_of,
    demonym_forms,
    fold,
    is_title_word,
)
from generator.model import Actor, Mention, Role, Source

__all__ = ["extract_actors", "actor_at", "demonym_country", "person_key", "surname_key", "org_key", "initials", "is_acronym"]

_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "norp", "LOC": "place", "FAC": "place"}
# Things a person owns rather than is: "the Assad regime" stays a person.
_PERSONAL_HEADS = frozenset("regime government administration forces army cabinet camp family office team".split())
_ORG_PREFIX_NOUNS = frozenset("affiliate offshoot faction group militia organisation organization".split())
_KNOWN_AS = re.compile(r"^\s*,?\s*(?:(?:previously|formerly|also|now|once|better|widely|popularly)\s+)?"
                       r"(?:known|called)\s+as\s+", re.I)
_TRAILING_ADVERBS = frozenset("there here now today then".split())
_STOP = frozenset("of for and the in on at to".split())
_SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program", "centre": "center",
             "labour": "labor",
             # One body, two words: "Syria's military" is "the Syrian army"; "Western powers", "Western governments".
             "military": "army", "governments": "powers", "countries": "powers", "nations": "powers"}


# ----------------------------------------------------------------- keys


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    """A person's name folded for comparison: "Bashar Al-Assad" -> "bashar al-assad"."""
    key = fold(name)
    key = re.sub(r"['’]s$", "", key)
    key = re.sub(r"\b(al|el)[\s-]+", r"\1-", key)
    return " ".join(key.split())


@lru_cache(maxsize=1 << 16)
def surname_key(name: str) -> str:
    """The last name without its particle: "Bashar al-Assad" -> "assad"."""
    last = person_key(name).split(" ")[-1] if name.strip() else ""
    return re.sub(r"^(al|el)-", "", last)


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> tuple[str, ...]:
    """An organisation's content words, sorted, spelling and demonyms normalised.

    "Russian Ministry of Defence" and "Russia's Defense Ministry" share a key.
    """
    name = BLOCS.get(re.sub(r"^the\s+", "", fold(name).strip()), name)  # "the West" is "Western powers"
    words = re.findall(r"[\w.]+", re.sub(r"['’]s\b", "", fold(name)).replace("-", " "))
    out = set()
    for word in words:
        word = word.strip(".")
        if not word or word in _STOP or word in ("al", "el"):
            continue
        country = country_of(word)
        out.add(fold(country) if country else _SPELLING.get(word, word))
    return tuple(sorted(out))


def is_acronym(text: str) -> bool:
    """"HNC", "U.N." but not "Assad"."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 7 and bare.isalpha() and bare.isupper()


def initials(name: str) -> str:
    """Initials of a name's capitalised words: "Free Syrian Army" -> "FSA"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper() and w.lower() not in _STOP]
    return "".join(w[0] for w in words)


# ----------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A stretch of tokens that names an actor, with its kind."""

    start: int  # token indices
    end: int
    kind: str
    label: str = ""
    alias_of: int | None = None  # index of the candidate it renames ("previously known as")
    country: str | None = None  # for states: the country named
    metonym: bool = False  # a capital standing for its state


# Abbreviated forms of address that precede a name but are not part of it.
HONORIFICS = frozenset("mr mrs ms miss dr gen col lt sgt capt cpt maj prof sen rep gov pres adm cmdr insp supt".split())


def _clean(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and punctuation, trailing possessives and punctuation."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
                           or (end - start > 1 and doc[start].lower_.rstrip(".") in HONORIFICS)):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _namey(token: Token) -> bool:
    """Could this token be part of a proper name?"""
    text = token.text
    if not text[:1].isupper() or not any(c.isalpha() for c in text) or text.lower().rstrip(".") in HONORIFICS:
        return False
    return fold(text) not in NOT_NAMES and not is_title_word(text) and country_of(text) is None


def _extend_left(doc: Doc, start: int, end: int, bound: int, label: str) -> int:
    """Take in capitalised name tokens and particles the entity cut off on its left (a sentence's capitalised
    first word only into a person's name: "Neighbouring Tervia" names Tervia)."""
    original = start
    while start > bound:
        prev = doc[start - 1]
        if prev.ent_type_ and prev.ent_type_ != doc[start].ent_type_:
            break
        if "\n" in prev.whitespace_ or prev.is_sent_start and (label != "PERSON" or not _namey(prev)):
            break
        if prev.pos_ == "PROPN" and _namey(prev) or prev.lower_ in PARTICLES and start - 1 > bound and _namey(doc[start - 2]):
            start -= 1
            continue
        break
    # "Secretary of State John Kerry", "General Staff Valery Gerasimov": the end of a title is no part of a
    # full name; but "Mayor Teodor Vass" tagged "Vass": the word before a lone surname is its first name.
    if start < original and start > 0 and (doc[start - 1].lower_ in ("of", "for", "’s", "'s")
                                           or is_title_word(doc[start - 1].text) and end - original > 1):
        return original
    return start


def _org_head_after(doc: Doc, end: int, label: str) -> tuple[int, bool]:
    """(new end, is organisation) from the words after an entity: "Fastaqim Union", "Fastaqim rebel group"."""
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in ORG_HEADS and not doc[end].is_sent_start:
        return end + 1, True
    for j in range(end, min(end + 3, len(doc))):
        token = doc[j]
        if not token.is_lower or token.pos_ not in ("NOUN", "ADJ", "PROPN"):
            break
        if token.lower_ in ORG_HEADS and (j + 1 >= len(doc) or doc[j + 1].pos_ not in ("NOUN", "PROPN")):
            if label == "PERSON" and token.lower_ in _PERSONAL_HEADS:
                return end, False
            return end, True
    return end, False


def _followed_by_title(doc: Doc, end: int) -> bool:
    """", a UN spokesman" / ", spokeswoman for" after a name."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    for token in doc[end + 1: end + 6]:
        if token.is_punct:
            return False
        if is_title_word(token.text) and token.pos_ in ("NOUN", "PROPN"):
            return True
    return False


_INSTITUTIONS = ORG_HEADS | frozenset("hospital clinic".split())


def _named_institution(doc: Doc, start: int, end: int, label: str) -> bool:
    """"the Port Aldra District Court", "the Kessa Children's Hospital": a building's name that acts as a body."""
    head = doc[end - 1]
    return end - start > 1 and label in ("FAC", "LOC") and head.lower_ in _INSTITUTIONS and head.text[:1].isupper()


def _followed_by_age(doc: Doc, end: int) -> bool:
    """", 64," after a name: a person's age."""
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].text.isdigit() \
        and doc[end + 2].text in (",", ")") and 0 < int(doc[end + 1].text) < 120


def _preceded_by_title(doc: Doc, start: int) -> bool:
    """"spokesman Jens Laerke", "President Putin"."""
    return start > 0 and is_title_word(doc[start - 1].text) and doc[start - 1].pos_ in ("NOUN", "PROPN")


def _speaks(doc: Doc, start: int, end: int) -> bool:
    """Is the span the subject of a reporting verb?"""
    for token in doc[start:end]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


def _acts(doc: Doc, start: int, end: int) -> bool:
    """Is the span the subject or agent of a verb ("Moscow denied", "announced by Moscow")?"""
    for token in doc[start:end]:
        head, dep = token.head, token.dep_
        if dep == "conj":
            head, dep = head.head, head.dep_
        if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and dep == "nsubj":
            return True
        if dep == "pobj" and head.dep_ == "agent":
            return True
        if dep == "pobj" and head.lower_ == "by" and _after_a_deed(doc, head.i):
            return True  # "airstrikes against Aleppo by Moscow and Damascus"
    return False


def _after_a_deed(doc: Doc, by: int) -> bool:
    """Whether "by" at ``by`` follows a deed noun, directly or after its prepositional phrase."""
    token = doc[by - 1] if by > 0 else None
    for _ in range(3):
        if token is None:
            return False
        if token.pos_ == "NOUN" and (token.lower_ in DEED_NOUNS or token.lemma_ in DEED_NOUNS):
            return True
        if token.dep_ not in ("pobj", "prep", "amod", "compound") or token.head.i >= token.i:
            return False
        token = token.head
    return False


# Nouns for what a state does: "Russia's announcement" makes Russia act; "Syria's north" does not.
DEED_NOUNS = frozenset("""
announcement decision offer proposal statement plan move call demand claim claims denial attack attacks offensive
strike strikes campaign intervention support refusal agreement response initiative efforts effort backing position
bombing bombardment airstrikes airstrike raids withdrawal deal threat warning accusation accusations veto policy
""".split())


# Ministers' portfolios: capitalised in titles, never an actor on their own.
PORTFOLIOS = frozenset("""
interior foreign defence defense labour labor justice finance health education energy trade transport
agriculture environment economy culture home
""".split())
PLACE_PREPOSITIONS = frozenset("in at near from to outside into across around toward towards off".split())


def _owns_a_deed(doc: Doc, end: int) -> bool:
    last = doc[end - 1]
    if last.dep_ == "case" and end >= 2:
        last = doc[end - 2]
    return last.dep_ == "poss" and last.head.lemma_.lower() in DEED_NOUNS


def _place_named(doc: Doc, group) -> bool:
    """A name the text treats as a place, not an actor (cities, rivers, villages, dams, piers).

    Cues: its own head noun ("Karst Dam", "Pier 4"), a place noun it modifies ("the Tessel river"),
    one it follows ("the town of Sarnik") or stands beside (", one of the worst-hit villages";
    "the capital, Aster"), or, for a one-word name, nothing but place prepositions before it.
    """
    if group.kind not in ("organization", "person") or group.country:
        return False
    if any(len(n.split()) > 3 or is_acronym(n) for n in group.names):
        return False
    if any(w.lower().strip(".,") in ORG_HEADS for n in group.names for w in n.split()):
        return False  # "Velmar Port Authority"
    if any(_place_like_name(n) for n in group.names):
        return True
    single = all(len(n.split()) == 1 for n in group.names)
    if any(_place_cue(doc, start, end, strong_only=not single) for start, end in group.spans):
        return True
    if group.kind == "person" and not single or any(len(n.split()) > 2 for n in group.names):
        return False  # a full name: place prepositions alone do not outweigh it
    preps = PLACE_PREPOSITIONS if group.kind == "organization" else PERSON_PLACE_PREPOSITIONS
    for start, end in group.spans:
        if start == 0 or doc[start - 1].lower_ not in preps or _acts(doc, start, end):
            return False
        if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
            return False  # "in Putin's view"
    return True


# Prepositions before a place that hardly ever come before a person's bare name.
PERSON_PLACE_PREPOSITIONS = frozenset("in near outside inside across around".split())


def _place_like_name(name: str) -> bool:
    """ "Karst Dam", "Tessel River", "Pier 4": a name whose own head is a place noun, or a number."""
    words = name.split()
    if len(words) < 2:
        return False
    return fold(words[-1]) in NAME_PLACE_HEADS or any(w.isdigit() for w in words)


def _place_cue(doc: Doc, start: int, end: int, strong_only: bool = False) -> bool:
    """A mention the sentence makes a place: "Tessel river", "town of Sarnik", "the capital, Aster".

    ``strong_only`` (for a full name) keeps the cues that name the place as such: "the city of …",
    "…, the capital of …".
    """
    places = PLACE_NOUNS | BUILT_PLACES | LANDMARKS
    last = doc[end - 1]
    if not strong_only and end < len(doc) and doc[end].lower_ in PLACE_NOUNS | LANDMARKS and doc[end].is_lower \
            and last.head.i == end:
        return True  # "the Tessel river", "Lorvane province", "the Rafah crossing"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in places:
        return True  # "the town of Sarnik", "the port of Velmar"
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in places \
            and last.dep_ == "appos" and last.head.i == start - 2:
        return True  # "in the provincial capital, Dunmore"
    return _place_apposition_after(doc, end)


def _place_apposition_after(doc: Doc, end: int) -> bool:
    """", one of the worst-hit villages," / ", a town near the border," after a name."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    i = end + 1
    if doc[i].lower_ == "one" and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        i += 2
    for token in doc[i: i + 6]:
        if token.lower_ in ("a", "an", "the") or token.pos_ in ("ADJ", "ADV") or token.text == "-" \
                or token.tag_ == "VBN" and token.dep_ == "amod":
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        headed = nxt is None or nxt.text not in ("'s", "’s", "-") and nxt.pos_ not in ("NOUN", "PROPN")
        return token.lower_ in PLACE_NOUNS | BUILT_PLACES and headed  # not "a state-owned firm", "a town councillor"
    return False


def _state_acts(doc: Doc, group) -> bool:
    """A country is an actor in an article only where it acts: subject, agent, owner of a deed or of a
    government that acts ("Kestria's government declared"); never in a dateline, a government always."""
    for start, end in group.spans:
        if doc[end - 1].lower_ in BODY_KINDS and BODY_KINDS[doc[end - 1].lower_] == "state":
            return True  # "the Syrian regime": a government is an actor
        if _in_dateline(doc, start):
            continue
        if _acts(doc, start, end) or _speaks(doc, start, end):
            return True
        if _owns_a_deed(doc, end) or _owns_an_acting_body(doc, end):
            return True
    return _officials_act(doc, group)


# People who act for their country: "Ostrelian officials accused …", "delegations from Dravonia agreed …".
OFFICIAL_NOUNS = frozenset("""
officials authorities diplomats delegation delegations negotiators envoys ministers leaders troops forces
""".split())


def _officials_act(doc: Doc, group) -> bool:
    """Whether the country's officials act: its demonym on them, or "from <country>" after them."""
    if not group.country:
        return False
    for token in doc:
        if token.lower_ not in OFFICIAL_NOUNS or _in_dateline(doc, token.i):
            continue
        owners = [c for c in token.children
                  if c.dep_ in ("amod", "compound") and demonym_country(doc, c) == group.country]
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
            owners += [c for c in prep.children if c.dep_ == "pobj" and c.text in group.names]
        if owners and (_acts(doc, token.i, token.i + 1) or _speaks(doc, token.i, token.i + 1)):
            return True
    return False


def demonym_country(doc: Doc, token: Token) -> str | None:
    """The country a demonym names, from the table or from a country the article names: "Ostrelian"."""
    if not token.text[:1].isupper():
        return None
    country = country_of(token.text)
    if country is not None and not country_named(token.text):
        return country
    for stem in (token.text[:-1], token.text[:-2], token.text[:-3], token.text[:-1] + "a", token.text[:-2] + "a"):
        if len(stem) > 3 and token.text in demonym_forms(stem) and _unlisted_country(doc, stem):
            return stem
    return None


def _owns_an_acting_body(doc: Doc, end: int) -> bool:
    """"Kestria's government declared", "Ostrelia's defence minister said"."""
    last = doc[end - 1]
    if last.dep_ != "poss":
        return False
    owned = last.head
    if owned.lower_ not in NATIONAL_HEADS and not is_title_word(owned.text):
        return False
    return _acts(doc, owned.i, owned.i + 1) or _speaks(doc, owned.i, owned.i + 1)


def _in_dateline(doc: Doc, start: int) -> bool:
    """Whether token ``start`` sits in a wire dateline ("BRASK, Velsia - ")."""
    text = doc_text(doc)
    char = doc[start].idx
    line = text.rfind("\n", 0, char) + 1
    return char < dateline_end(text, line, min(len(text), line + 80))


def _spaced_dash(token: Token) -> bool:
    """A dash with spaces around it separates phrases ("BREVIK, Marisca - Marisca's …"); "Chahine-Mankouche" joins."""
    return token.text in ("-", "—", "–") and bool(token.whitespace_) and token.i > 0 \
        and bool(token.doc[token.i - 1].whitespace_)


def _ent_pieces(doc: Doc) -> list[Span]:
    """spaCy's entities, each cut at a dash with spaces around it ("Marisca - Marisca's government") and at
    an "and" after an organisation's head word ("the Nusra Front and Islamic State")."""
    from spacy.tokens import Span

    pieces: list[Span] = []
    for ent in doc.ents:
        start = ent.start
        for token in ent:
            joins_two = token.lower_ == "and" and token.i > start and token.i + 1 < ent.end \
                and doc[token.i - 1].lower_ in ORG_HEADS and doc[token.i - 1].text[:1].isupper() \
                and doc[token.i + 1].text[:1].isupper()
            if _spaced_dash(token) or joins_two:
                if token.i > start:
                    pieces.append(Span(doc, start, token.i, label=ent.label_))
                start = token.i + 1
        if start < ent.end:
            pieces.append(Span(doc, start, ent.end, label=ent.label_))
    return pieces


def _ner_candidates(doc: Doc) -> list[_Cand]:
    """Entities of interesting labels, boundaries and kinds repaired."""
    out: list[_Cand] = []
    for ent in _ent_pieces(doc):
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "LANGUAGE"):
            continue
        start, end = _clean(doc, ent.start, ent.end)
        if start >= end or ent.label_ == "PERSON" and is_title_word(doc[end - 1].text):
            continue  # "Kovna Governor" (before "Mirela Dascu") is a title, not a person
        if end - start == 1 and doc[start].is_sent_start and doc[start].tag_ in ("NN", "NNS"):
            continue  # "Turnout was 61 percent": a common noun, capitalised as a sentence's first word
        sent_start = doc[start].sent.start
        label = ent.label_
        if label in ("PERSON", "ORG"):
            start = _extend_left(doc, start, end, sent_start, label)
        if label == "ORG" and start >= 2 and doc[start - 1].text in ("’s", "'s") and country_named(doc[start - 2].text):
            start, label = start - 2, "EXT"  # "Russia's Defense Ministry"
        end, org_head = _org_head_after(doc, end, ent.label_)
        if org_head and label == "NORP" and end == ent.end:
            org_head = False  # "the Syrian army" names no organisation
        kind = _LABELS.get(ent.label_, "other")
        if org_head or start > 0 and doc[start - 1].lower_ in _ORG_PREFIX_NOUNS or _named_institution(doc, start, end, ent.label_):
            kind = "organization"
        elif _followed_by_title(doc, end) or _followed_by_age(doc, end) \
                or _preceded_by_title(doc, start) and kind in ("organization", "other"):
            kind = "person"
        if any(t.lower_ in ORG_HEADS and t.text[:1].isupper() for t in doc[start + 1:end]) and kind == "person":
            kind = "organization"
        out.append(_Cand(start, end, kind, label))
    return out


def _name_runs(doc: Doc, taken: set[int]) -> list[_Cand]:
    """Person names spaCy missed: capitalised runs followed by ", <title>" or subject of "said"."""
    out: list[_Cand] = []
    i = 0
    while i < len(doc):
        if i in taken or not (_namey(doc[i]) and doc[i].pos_ == "PROPN"):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in taken:
            token = doc[j]
            glued = token.text == "-" and not doc[j - 1].whitespace_ and not token.whitespace_
            if _namey(token) and token.pos_ == "PROPN" or glued or token.lower_ in PARTICLES:
                j += 1
            else:
                break
        while j > i and (doc[j - 1].text == "-" or doc[j - 1].lower_ in PARTICLES):
            j -= 1
        words = [t for t in doc[i:j] if t.text != "-"]
        placed = all(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG") for t in doc[i:j])
        if len(words) >= 2 and (_followed_by_title(doc, j) or _speaks(doc, i, j) and not placed):
            out.append(_Cand(i, j, "person", "RULE"))
        i = max(j, i + 1)
    return out


def _org_runs(doc: Doc, taken: set[int]) -> list[_Cand]:
    """Organisations spaCy missed: capitalised words ending in "Army", "Front", "Committee"..."""
    out: list[_Cand] = []
    for token in doc:
        if token.i in taken or not token.text[:1].isupper() or token.lower_ not in ORG_HEADS:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and doc[token.i + 1].is_alpha:
            continue  # the run goes on: take it at its last word
        start = token.i
        while start > 0 and start - 1 not in taken and "\n" not in doc[start - 1].whitespace_:
            prev = doc[start - 1]
            if prev.text[:1].isupper() and prev.is_alpha and fold(prev.text) not in NOT_NAMES:
                start -= 1
            elif prev.lower_ in ("of", "for", "and") and start - 2 >= 0 and doc[start - 2].text[:1].isupper() \
                    and fold(doc[start - 2].text) not in NOT_NAMES:
                start -= 1
            else:
                break
        if token.i - start >= 1:
            out.append(_Cand(start, token.i + 1, "organization", "RULE"))
    return out


# Lowercase heads that make a modified noun phrase an actor: "the Syrian army", "the Assad regime".
BODY_KINDS = {
    "regime": "state", "government": "state", "administration": "state", "authorities": "state",
    "army": "organization", "military": "organization", "forces": "organization", "navy": "organization",
    "police": "organization", "force": "organization",
    "opposition": "group", "rebels": "group", "coalition": "group", "powers": "group", "governments": "group",
    "militia": "group", "militias": "group", "insurgents": "group",
}


def _body_phrases(doc: Doc) -> list[_Cand]:
    """Bodies named by a capitalised modifier and a common noun: "Syrian army", "Assad regime", "Western powers"."""
    out: list[_Cand] = []
    for token in doc:
        kind = BODY_KINDS.get(token.lower_)
        if kind is None or not token.text.islower() or token.pos_ not in ("NOUN", "PROPN"):
            continue
        start = token.i
        if start >= 2 and doc[start - 1].lower_ in ("'s", "’s") and doc[start - 2].dep_ == "poss" \
                and doc[start - 2].head.i == token.i and doc[start - 2].text[:1].isupper():
            start -= 2  # "Syria's military"
        while start > 0 and doc[start - 1].head.i in range(start, token.i + 1) \
                and doc[start - 1].dep_ in ("compound", "amod", "poss", "case", "npadvmod", "punct") \
                and (doc[start - 1].text[:1].isupper() or doc[start - 1].dep_ in ("case", "punct")
                     or (doc[start - 1].lower_ == "air" and token.lower_ == "force")) \
                and "\n" not in doc[start - 1].whitespace_ and not _spaced_dash(doc[start - 1]):
            start -= 1
        while start < token.i and not doc[start].text[:1].isupper():
            start += 1
        if start < token.i and fold(doc[start].text) not in NOT_NAMES:
            out.append(_Cand(start, token.i + 1, kind, "BODY"))
    return out


def _conjoined_bodies(doc: Doc, cands: list[_Cand], taken: set[int]) -> list[_Cand]:
    """"Nusra Front and Islamic State": a capitalised name spaCy missed, joined by "and" to an organisation."""
    out: list[_Cand] = []
    orgs = {c.end - 1 for c in cands if c.kind == "organization" and c.label == "ORG"}
    for token in doc:
        if token.dep_ != "conj" or token.head.i not in orgs or token.i in taken or token.pos_ != "PROPN":
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
            start -= 1
        words = doc[start: token.i + 1]
        if len(words) >= 2 and all(_namey(t) or t.text[:1].isupper() and t.lower_ in ORG_HEADS for t in words):
            out.append(_Cand(start, token.i + 1, "organization", "RULE"))
            taken.update(range(start, token.i + 1))
    return out


def _lone_speakers(doc: Doc, taken: set[int]) -> list[_Cand]:
    """"Petrova said": a lone proper noun, in no entity, that is the subject of a reporting verb."""
    out: list[_Cand] = []
    for token in doc:
        if token.i in taken or token.ent_type_ or token.pos_ != "PROPN" or not _namey(token):
            continue
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_VERBS and not capital_of(token.text) \
                and not (token.i > 0 and doc[token.i - 1].pos_ in ("PROPN", "DET")) \
                and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
            out.append(_Cand(token.i, token.i + 1, "person", "RULE"))
    return out


def _acronym_candidates(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """"High Negotiations Committee (HNC)": the expansion before a parenthesised acronym."""
    out: list[_Cand] = []
    for token in doc[2:-1]:
        i = token.i
        if not (is_acronym(token.text) and doc[i - 1].text == "(" and doc[i + 1].text == ")"):
            continue
        letters = token.text.replace(".", "")
        start, count = i - 1, 0
        while start > 0 and count < len(letters):
            prev = doc[start - 1]
            if prev.text[:1].isupper() and prev.is_alpha:
                count += 1
            elif prev.lower_ not in _STOP:
                break
            start -= 1
        if count != len(letters) or initials(doc[start:i - 1].text) != letters:
            continue
        kind = "organization"
        expansion = _Cand(start, i - 1, kind, "ACRONYM")
        out.append(expansion)
        out.append(_Cand(i, i + 1, kind, "ACRONYM", alias_of=-1))
    return out


def _candidates(doc: Doc) -> list[_Cand]:
    """Every candidate actor mention, left to right, without overlaps."""
    cands = _ner_candidates(doc)
    cands += _acronym_candidates(doc, cands)
    cands += _body_phrases(doc)
    taken = {i for c in cands if c.kind in ("person", "organization") for i in range(c.start, c.end)}
    cands += _name_runs(doc, taken)
    taken |= {i for c in cands for i in range(c.start, c.end)}
    cands += _org_runs(doc, taken)
    cands += _conjoined_bodies(doc, cands, taken)
    cands += _lone_speakers(doc, taken)
    # Longer, rule-made spans win over the entity they contain.
    rank = {"RULE": 0, "ACRONYM": 0, "EXT": 0, "BODY": 0}
    cands.sort(key=lambda c: (c.start, rank.get(c.label, 1), -(c.end - c.start)))
    kept: list[_Cand] = []
    for cand in cands:
        if kept and cand.start < kept[-1].end:
            if cand.label in rank and kept[-1].label not in rank:
                kept[-1] = cand
            continue
        kept.append(cand)
    kept = [c for c in kept if not _dateline(doc, c)]
    _link_acronyms(kept)
    _link_known_as(doc, kept)
    _split_titled_people(doc, kept)
    return kept


def _dateline(doc: Doc, cand: _Cand) -> bool:
    """"VELMAR, Kestria - …": the place a wire report opens with, in capitals, and the country after it
    are where, not who."""
    follows = doc[cand.end].text if cand.end < len(doc) else ""
    if cand.start >= 2 and doc[cand.start - 1].text == "," and follows in _DATELINE_ENDS:
        return _opens_in_capitals(doc, cand.start - 1)
    return follows in _DATELINE_ENDS + (",",) and _opens_in_capitals(doc, cand.end) \
        and doc[cand.start:cand.end].text.isupper()


_DATELINE_ENDS = ("-", "—", "–", "(")


def _opens_in_capitals(doc: Doc, end: int) -> bool:
    """Whether a line opens with capitals (four letters or more) that end at ``end``: "PORT ALDRA"."""
    first = end
    while first > 0 and doc[first - 1].text.isupper() and "\n" not in doc[first - 1].whitespace_:
        first -= 1
    opens = first == 0 or "\n" in doc[first - 1].text + doc[first - 1].whitespace_
    return opens and first < end and len(doc[first:end].text) > 3


def _split_titled_people(doc: Doc, cands: list[_Cand]) -> None:
    """"Syria Staffan de Mistura" tagged ORG: cut it to the person named elsewhere."""
    people = {doc[c.start:c.end].text for c in cands if c.kind == "person" and c.end - c.start > 1}
    for cand in cands:
        if cand.kind == "person":
            continue
        if cand.end - cand.start >= 3 and country_named(doc[cand.start].text) and cand.start >= 2 \
                and doc[cand.start - 1].lower_ in ("of", "for") and is_title_word(doc[cand.start - 2].text) \
                and all(_namey(t) or t.lower_ in PARTICLES for t in doc[cand.start + 1:cand.end]):
            cand.start, cand.kind = cand.start + 1, "person"  # "Envoy for [Syria] Staffan de Mistura"
            continue
        for k in range(cand.start + 1, cand.end - 1):
            if doc[k:cand.end].text in people:
                cand.start, cand.kind = k, "person"
                break


def _link_acronyms(cands: list[_Cand]) -> None:
    for i, cand in enumerate(cands):
        if cand.alias_of == -1:
            cand.alias_of = i - 1 if i > 0 and cands[i - 1].label == "ACRONYM" else None


def _link_known_as(doc: Doc, cands: list[_Cand]) -> None:
    """"X, previously known as Y": Y is another name of X, and they share a kind."""
    for i, cand in enumerate(cands[:-1]):
        nxt = cands[i + 1]
        between = doc[cand.end:nxt.start].text if nxt.start >= cand.end else ""
        if nxt.alias_of is None and _KNOWN_AS.match(between + " ") and _KNOWN_AS.match(between + " ").end() >= len(between):
            nxt.alias_of = i
            if "organization" in (cand.kind, nxt.kind):
                cand.kind = nxt.kind = "organization"


# ----------------------------------------------------------------- grouping


@dataclass
class _Group:
    kind: str
    names: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # token spans
    country: str | None = None
    title_only: bool = True
    described: list[tuple[int, int]] = field(default_factory=list)  # "the minister": spans of descriptions
    reasons: list[str] = field(default_factory=list)  # why a form that is not a plain variant joined

    def add(self, name: str, span: tuple[int, int], in_title: bool) -> None:
        if name not in self.names:
            self.names.append(name)
        if span not in self.spans:
            self.spans.append(span)
        self.title_only = self.title_only and in_title

    @property
    def full_name(self) -> str:
        """The fullest form: most words, then not an acronym, then longest, then first seen."""
        return max(self.names, key=lambda n: (not is_acronym(n) and self.kind != "state" or country_named(n) is not None
                                              or n == self.country,
                                              len(n.split()), not is_acronym(n), len(n), -self.names.index(n)))


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def _resolve_kind(doc: Doc, cand: _Cand) -> str | None:
    """The final kind of a candidate on its own, or None when it is no actor."""
    text = _text(doc, cand.start, cand.end)
    if cand.label == "BODY":
        if cand.kind == "state":
            cand.country = _body_country(doc, cand)
        return cand.kind
    lower_org = cand.kind == "organization" and any(w in ORG_HEADS for w in text.split())
    if not re.search(r"[A-Z]", text) and not lower_org or len(re.findall(r"[^\W\d_]", text)) < 2:
        return None
    if _people_acting_as_state(doc, cand, text):
        cand.country = country_of(text)
        return "state"  # "the Russians are using much more destructive weapons"
    if country_of(text) and not country_named(text):
        return None  # a demonym ("Russian") is never an actor by itself
    if cand.end - cand.start == 1 and cand.start >= 2 and doc[cand.start - 1].lower_ in ("of", "for") \
            and is_title_word(doc[cand.start - 2].text):
        return None  # "Secretary of State"
    if cand.kind == "place" and fold(text) in BLOCS and cand.start > 0 and doc[cand.start - 1].lower_ == "the" \
            and _acts(doc, cand.start, cand.end):
        return "group"  # "the West has accused Moscow"
    if cand.kind == "norp" or cand.kind == "place":
        return None
    if cand.kind == "organization" and cand.label != "RULE" and _unlisted_country(doc, text):
        cand.country = text  # "Marisca" tagged ORG beside "the Mariscan Water Authority"
        return "state"
    country = country_named(text)
    if country and cand.kind in ("state", "organization", "other", "person"):
        if cand.end - cand.start <= 4:
            cand.country = country
            return "state"
    if cand.kind in ("person", "organization") and capital_of(text) and cand.label != "RULE" \
            and not _part_of_a_full_name(doc, text):
        cand.kind = "state"  # "talks with Kyiv" tagged PERSON: a capital, an actor only where it acts
    if cand.kind == "state":
        if capital_of(text) and _acts(doc, cand.start, cand.end):
            cand.metonym, cand.country = True, capital_of(text)
            return "state"
        if _unlisted_country(doc, text, place=True):
            cand.country = text
            return "state"
        return None  # a city or region: places are not actors here
    if text.lower() in PORTFOLIOS:
        return None  # "Interior" cut from "Interior Minister"
    if cand.kind == "other":
        return None
    return cand.kind


# Heads that only a country owns: "Kestria's government", "Ostrelia's defence minister".
NATIONAL_HEADS = frozenset("government president minister ministry parliament cabinet army military navy".split())


def _unlisted_country(doc: Doc, name: str, place: bool = False) -> bool:
    """A place the article treats as a country although the country table lacks it.

    It has a demonym ("Dravonia" and "the Dravonian Army"), or, when spaCy already took it for a place
    (``place``), owns a national body ("Kestria's government") or speaks.
    """
    if len(name.split()) != 1 or not name[:1].isupper() or name.isupper() or not name.isalpha():
        return False
    words = doc.user_data.get("capitalised")
    if words is None:  # capitalised words outside people's names ("Ahmadi" is no demonym of "Ahmad")
        words = doc.user_data["capitalised"] = frozenset(t.text for t in doc
                                                         if t.text[:1].isupper() and t.ent_type_ != "PERSON")
    if demonym_forms(name) & words:
        return True
    if not place:
        return False  # an organisation may own a government or an army ("Hamas's military wing")
    tokens = [doc[i] for i in _positions(doc).get(name, [])]
    if any(_followed_by_title(doc, t.i + 1) for t in tokens):
        return False  # "Hemedti, the RSF leader": a person spaCy took for a place
    if any(t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_VERBS for t in tokens):
        return True  # "Velsia, which mediated the agreement, said …": a place that speaks is a state
    for token in tokens:
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("'s", "’s"):
            heads = [t.lower_ for t in doc[token.i + 2: token.i + 5] if t.pos_ in ("NOUN", "PROPN")]
            if heads and heads[0] in NATIONAL_HEADS or heads[1:2] and heads[1] in NATIONAL_HEADS:
                return True
    return False


def _positions(doc: Doc) -> dict[str, list[int]]:
    """Token indices of each token text (computed once per document)."""
    positions = doc.user_data.get("positions")
    if positions is None:
        positions = doc.user_data["positions"] = {}
        for token in doc:
            positions.setdefault(token.text, []).append(token.i)
    return positions


def _body_country(doc: Doc, cand: _Cand) -> str | None:
    """The country a government is named after: "Syrian regime", "Russia's government", "Dravonian government"."""
    countries = set()
    government = doc[cand.end - 1].lower_ == "government"
    for token in doc[cand.start: cand.end - 1]:
        if token.lower_ in ("'s", "’s"):
            continue
        owns_government = government and token.i + 1 < cand.end - 1 and doc[token.i + 1].lower_ in ("'s", "’s") \
            and token.ent_type_ != "ORG"  # "Belmora's government"
        unlisted = _unlisted_country(doc, token.text, place=owns_government or token.ent_type_ in ("GPE", "LOC"))
        country = country_of(token.text) or (token.text if unlisted else None) \
            or demonym_country(doc, token)
        if country is None:
            return None
        countries.add(country)
    return countries.pop() if len(countries) == 1 else None


def _part_of_a_full_name(doc: Doc, word: str) -> bool:
    """Whether a longer person's name in the article holds ``word`` ("Sofia" of "Sofia Renn")."""
    return any(e.label_ == "PERSON" and len(e) > 1 and word in e.text.split() for e in doc.ents)


def _people_acting_as_state(doc: Doc, cand: _Cand, text: str) -> bool:
    """ "The Russians" as the subject of a verb: the country's side, as war reports use it."""
    plural = text.endswith("s") and country_of(text) is not None and country_of(text[:-1]) is not None
    token = doc[cand.start]
    qualified = any(c.dep_ in ("relcl", "acl", "prep") for c in token.children)  # "the Syrians who fled"
    return plural and cand.end - cand.start == 1 and cand.start > 0 and doc[cand.start - 1].lower_ == "the" \
        and not qualified and _acts(doc, cand.start, cand.end)


def _label_votes(doc: Doc) -> dict[str, str]:
    """The most frequent entity label of each one-word text ("Aleppo" -> GPE)."""
    counts: dict[str, dict[str, int]] = {}
    for ent in doc.ents:
        key = re.sub(r"['’]s$", "", ent.text)
        counts.setdefault(key, {}).setdefault(ent.label_, 0)
        counts[key][ent.label_] += 1
    return {k: max(sorted(v), key=lambda label: v[label]) for k, v in counts.items()}


def _group_candidates(doc: Doc, source: Source, cands: list[_Cand]) -> list[_Group]:
    """Put the mentions of one actor together."""
    title_spans = [(p.start, p.end) for p in source.paragraphs if p.kind == "title"]
    votes = _label_votes(doc)
    kinds = [_resolve_kind(doc, c) for c in cands]
    groups: list[_Group] = []
    owner: dict[int, _Group] = {}

    def in_title(c: _Cand) -> bool:
        char = doc[c.start].idx
        return any(s <= char < e for s, e in title_spans)

    # Pass 1: full names, orgs, states; pass 2: surnames and single words that need pass 1.
    order = sorted(range(len(cands)), key=lambda i: (_is_partial(doc, cands[i], kinds[i]), i))
    for i in order:
        cand, kind = cands[i], kinds[i]
        if kind is None:
            continue
        name = _text(doc, cand.start, cand.end)
        if cand.end - cand.start == 1 and kind == "person" and votes.get(name) in ("GPE", "NORP", "LOC", "LANGUAGE"):
            continue
        if kind == "person" and cand.end - cand.start == 1 and doc[cand.start].pos_ != "PROPN":
            continue
        group = owner.get(cand.alias_of) if cand.alias_of is not None else None
        found = _find_group(groups, name, kind, cand)
        if group is not None and found is not None and found is not group:
            _merge_into(group, found, groups, owner)
        group = group or found
        if group is None:
            if not re.search(r"[A-Z]", name):
                continue  # "the defense ministry" only as a short form of a named one
            group = _Group(kind=kind, country=cand.country)
            groups.append(group)
        elif group.kind == "person" and kind == "organization" and cand.alias_of is None and len(name.split()) > 1:
            group.kind = "organization"
        group.add(name, (cand.start, cand.end), in_title(cand))
        reason = _join_reason(doc, cand, name)
        if reason and reason not in group.reasons:
            group.reasons.append(f"{name!r} ({source.id}): {reason}")
        owner_name = doc[cand.start].text
        if cand.label == "BODY" and cand.country and owner_name == cand.country and owner_name not in group.names:
            group.names.append(owner_name)  # "Kestria's government": Kestria is a name of the state
        owner[i] = group
    return [g for g in groups if not g.title_only]


def _join_reason(doc: Doc, cand: _Cand, name: str) -> str:
    """Why a form names its state although it is not the country's name ("" for plain names)."""
    if not cand.country or name == cand.country or country_named(name):
        return ""
    if cand.metonym:
        return f"the capital, acting for {cand.country}"
    if cand.label == "BODY":
        return f"the government of {cand.country}"
    if country_of(name):
        return f"its people acting as the side of {cand.country}"
    return ""


def _merge_into(target: _Group, other: _Group, groups: list[_Group], owner: dict[int, _Group]) -> None:
    """Fold ``other`` into ``target`` ("X, previously known as Y" where Y was seen first)."""
    for name in other.names:
        if name not in target.names:
            target.names.append(name)
    target.spans.extend(s for s in other.spans if s not in target.spans)
    target.title_only = target.title_only and other.title_only
    target.reasons.extend(r for r in other.reasons if r not in target.reasons)
    groups.remove(other)
    for key, value in list(owner.items()):
        if value is other:
            owner[key] = target


def _is_partial(doc: Doc, cand: _Cand, kind: str | None) -> bool:
    """A one-word person/org mention that may be a surname or short form of a fuller one."""
    return cand.end - cand.start == 1 or cand.metonym or cand.alias_of is not None


def _find_group(groups: list[_Group], name: str, kind: str, cand: _Cand) -> _Group | None:
    """The group this name belongs to, by the within-article rules."""
    if kind == "state" or cand.country:
        for group in groups:
            if group.country and group.country == cand.country and group.kind == "state":
                return group
        return None
    pkey = person_key(name)
    okey = org_key(name)
    words = name.split()
    for group in groups:  # same name
        if any(person_key(n) == pkey for n in group.names):
            return group
    if kind == "organization":
        for group in groups:
            if group.kind != "person" and okey and any(org_key(n) == okey for n in group.names):
                return group
    if is_acronym(name):
        bare = name.replace(".", "")
        hits = [g for g in groups if g.kind != "person" and any(initials(n) == bare and len(n.split()) > 1 for n in g.names)]
        hits += [g for g in groups if g.kind != "person" and any(n.replace(".", "") == bare for n in g.names)]
        if hits:
            return hits[0]
    if len(words) == 1 or kind == "person" and len(words) == 2 and is_title_word(words[0]):
        surname = surname_key(name)
        people = [g for g in groups if g.kind == "person"
                  and any(len(n.split()) > 1 and surname_key(n) == surname for n in g.names)]
        if len(people) == 1 and (len(words) == 1 or pkey.endswith(" " + person_key(people[0].full_name).split(" ")[-1])):
            return people[0]
    if kind == "person" and len(words) == 1 and name.lower() not in PARTICLES:
        # "Lula" for "Luiz Inacio Lula da Silva": a name inside the one long name that holds it.
        people = [g for g in groups if g.kind == "person"
                  and any(len(n.split()) > 2 and fold(name) in fold(n).split()[1:-1] for n in g.names)]
        if len(people) == 1:
            return people[0]
    if kind == "organization" and len(words) >= 1:
        # "Fastaqim" for "Fastaqim Union"; "the defense ministry" for "Russia's Defense Ministry".
        hits = [g for g in groups if g.kind == "organization" and any(_short_form_of(name, n) for n in g.names)]
        if len(hits) == 1:
            return hits[0]
    return None


def _short_form_of(short: str, full: str) -> bool:
    """"Fastaqim" of "Fastaqim Union"; "defense ministry" of "Russian Ministry of Defence"."""
    from generator.extract.kinds import GENERIC_ORG_SUFFIXES

    short_words, full_words = fold(short).split(), fold(full).split()
    if len(full_words) > len(short_words) and full_words[: len(short_words)] == short_words:
        return all(w in GENERIC_ORG_SUFFIXES for w in full_words[len(short_words):])
    skey, fkey = set(org_key(short)), set(org_key(full))
    extra = fkey - skey
    return bool(skey) and skey < fkey and all(country_of(w) for w in extra) and len(skey) > 1


# ----------------------------------------------------------------- mentions, descriptions, roles


def _sweep(doc: Doc, source: Source, groups: list[_Group]) -> None:
    """Add every other mined occurrence of a group's names (not metonyms) as a mention."""
    text = doc_text(doc)
    taken = [s for g in groups for s in g.spans]
    covered = {i for s, e in taken for i in range(s, e)}
    for group in groups:
        forms = set()
        for name in group.names:
            if capital_of(name):
                continue
            forms.add(name)
            if group.kind == "person" and len(name.split()) > 1:
                forms.add(name.split()[-1])
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None or any(i in covered for i in range(span.start, span.end)):
                    continue
                if len(form.split()) == 1 and group.kind == "person" and _other_person_has(groups, group, form):
                    continue
                group.spans.append((span.start, span.end))
                covered.update(range(span.start, span.end))
                if form not in group.names and group.kind != "person":
                    group.names.append(form)


def _other_person_has(groups: list[_Group], group: _Group, surname: str) -> bool:
    key = surname_key(surname)
    return any(g is not group and g.kind == "person" and any(surname_key(n) == key for n in g.names) for g in groups)


def _mention(doc: Doc, source: Source, start: int, end: int) -> Mention:
    span = doc[start:end]
    return Mention(source=source.id, start=span.start_char, end=span.end_char, text=source.text[span.start_char:span.end_char])


def _appositive(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token span of ", a UN spokesman," after a name."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    start = end + 1
    if start < len(doc) and doc[start].lower_ in ("a", "an", "the"):
        start += 1
    stop = start
    while stop < len(doc) and stop - start < 14:
        token = doc[stop]
        if token.is_punct and token.text not in ("-", "’s", "'s") or token.pos_ in ("VERB", "AUX") or token.lower_ in ("who", "which", "that"):
            break
        stop += 1
    while stop > start and doc[stop - 1].lower_ in _TRAILING_ADVERBS:
        stop -= 1
    words = doc[start:stop]
    if not words:
        return None
    head_ok = any(is_title_word(t.text) for t in words[:4]) or words[0].lower_ == "from"
    return (start, stop) if head_ok else None


def _prefix_title(doc: Doc, start: int) -> tuple[int, int] | None:
    """Token span of "Russian President" before "Vladimir Putin"."""
    i = start
    while i > 0:
        token = doc[i - 1]
        if token.is_sent_start and not (is_title_word(token.text) or token.text[:1].isupper()):
            break
        if "\n" in token.whitespace_:
            break
        ok = (token.text[:1].isupper() and (token.is_alpha or is_acronym(token.text)) or is_title_word(token.text)
              or token.lower_ in ("of", "for", "’s", "'s") or token.pos_ == "ADJ" and token.is_lower and i < start)
        if not ok or token.lower_ in NOT_NAMES and token.lower_ not in ("of", "for"):
            break
        i -= 1
    while i < start and doc[i].lower_ in ("of", "for", "’s", "'s") or i < start and not doc[i].text[:1].isupper() and not is_title_word(doc[i].text) and doc[i].pos_ != "ADJ":
        i += 1
    for k in range(start - 1, i - 1, -1):  # "spokeswoman for UN Syria envoy": keep "UN Syria envoy"
        if doc[k].lower_ in ("of", "for") and any(is_title_word(t.text) and t.is_lower for t in doc[k + 1:start]):
            i = k + 1
            break
    if i < start and any(is_title_word(t.text) for t in doc[i:start]):
        return (i, start)
    return None


def _describe(doc: Doc, source: Source, groups: list[_Group], group: _Group, index: dict[int, int],
              ids: list[str]) -> tuple[str, list[Role]]:
    """Description and roles of a person from appositives and preceding titles."""
    description, roles = "", []
    for start, end in sorted(group.spans):
        for span in (_appositive(doc, end), _prefix_title(doc, start)):
            if span is None:
                continue
            phrase = doc[span[0]:span[1]]
            text = phrase.text
            if not description:
                description = text
            roles.append(_role(doc, source, phrase, index, ids, groups))
    return description, [r for r in roles if r.title or r.org]


def _role(doc: Doc, source: Source, phrase: Span, index: dict[int, int], ids: list[str], groups: list[_Group]) -> Role:
    """Title and organisation named in a descriptive phrase."""
    org_ids = [index[t.i] for t in phrase if t.i in index and groups[index[t.i]].kind != "person"]
    org = org_ids[0] if org_ids else None
    org_tokens = {t.i for t in phrase if t.i in index}
    title_tokens = [t for t in phrase if t.i not in org_tokens]
    # The title: from the first title word back over capitalised modifiers and forward over "of State".
    pos = next((k for k, t in enumerate(title_tokens) if is_title_word(t.text)), None)
    title = ""
    if pos is not None and phrase[0].lower_ != "from":
        lo = pos
        while lo > 0 and title_tokens[lo - 1].text[:1].isupper() and title_tokens[lo - 1].i == title_tokens[lo].i - 1 \
                and country_of(title_tokens[lo - 1].text) is None:
            lo -= 1
        hi = pos + 1
        if hi + 1 < len(title_tokens) + 1 and hi < len(title_tokens) and title_tokens[hi].lower_ == "of" \
                and hi + 1 < len(title_tokens) and title_tokens[hi + 1].text[:1].isupper() and title_tokens[hi + 1].i not in index:
            hi += 2
        title = " ".join(t.text for t in title_tokens[lo:hi])
    if org is None:
        for token in phrase:
            country = country_of(token.text)
            if country:
                org = next((k for k, g in enumerate(groups) if g.country == country), None)
                if org is not None:
                    break
    return Role(title=title, org=ids[org] if org is not None else None,
                org_name=groups[org].full_name if org is not None else None,
                source=source.id, start=phrase.start_char, end=phrase.end_char)


def _org_description(doc: Doc, group: _Group) -> str:
    """An organisation's appositive (", a rebel group,")."""
    for start, end in sorted(group.spans):
        span = _appositive(doc, end)
        if span:
            return doc[span[0]:span[1]].text
    return ""


# ----------------------------------------------------------------- descriptions

# Roles a definite description ("the minister") can stand for; "the official" names nobody in particular.
DESCRIBED_ROLES = PERSON_ROLES - frozenset("official officer representative spokespeople executive founder".split())
# Institutions a description ("the ministry") can stand for; not armies or governments ("the army" is
# seldom the one army named: "the Free Syrian Army" is not the army).
DESCRIBED_BODIES = frozenset("""
union federation confederation ministry department company corporation firm agency authority commission
committee party association organisation organization observatory foundation institute
""".split())
# Organisation heads that name the same kind of body: "the union" for "the Port Workers' Federation".
_HEAD_CLASSES = (frozenset("union federation confederation".split()), frozenset("ministry department".split()),
                 frozenset("company corporation corp co inc ltd plc firm".split()))


def _link_descriptions(doc: Doc, source: Source, groups: list[_Group]) -> None:
    """Definite descriptions standing for one named actor: "the minister" for the one minister named before,
    "the dockworkers' union" for the one union or federation, a headline's "Mayor:" for the one mayor."""
    covered = {i for g in groups for s, e in g.spans for i in range(s, e)}
    titles = {id(g): _title_phrases(doc, g) for g in groups if g.kind == "person"}
    heads = {"title", "heading"}
    for token in doc:
        if token.i in covered or token.pos_ not in ("NOUN", "PROPN"):
            continue
        span = _description_span(doc, token, source, heads)
        if span is None:
            continue
        start, end = span
        modifiers = [t.lower_ for t in doc[start:token.i] if t.is_alpha and t.lower_ != "the"]
        if role_key(token.lower_) in _DESCRIBED_KEYS:
            holders = [g for g in groups if g.kind == "person"
                       and _holds(titles[id(g)], doc[token.i:end].text, token.lower_, modifiers)]
            in_title = _paragraph_kind(source, token.idx) in heads
            apposed = start >= 2 and doc[start - 1].text == "," and (start - 2) in covered
            if len(holders) == 1 and (in_title or holders[0].spans[0][0] < token.i) and not apposed:
                holders[0].described.append(span)
                holders[0].reasons.append(f"{doc[start:end].text!r} ({source.id}): the one {token.lower_} "
                                          f"named in the article")
                covered.update(range(start, end))
        elif token.lower_ in DESCRIBED_BODIES and token.is_lower:
            bodies = [g for g in groups
                      if g.kind in ("organization", "group") and _names_body(doc, g, token.lower_, modifiers)]
            if len(bodies) == 1:
                bodies[0].described.append(span)
                bodies[0].reasons.append(f"{doc[start:end].text!r} ({source.id}): the one {token.lower_} "
                                         f"(or body of that kind) named in the article")
                covered.update(range(start, end))


_DESCRIBED_KEYS = frozenset(role_key(w) for w in DESCRIBED_ROLES)


def _description_span(doc: Doc, token: Token, source: Source, heads: set[str]) -> tuple[int, int] | None:
    """Token span of "the [lowercase modifiers] NOUN [of …]", or a headline's "Mayor:"."""
    if token.text[:1].isupper():
        para_start = token.i == 0 or "\n" in doc[token.i - 1].text + doc[token.i - 1].whitespace_
        colon = token.i + 1 < len(doc) and doc[token.i + 1].text == ":"
        ok = para_start and colon and _paragraph_kind(source, token.idx) in heads and token.lower_ in DESCRIBED_ROLES
        return (token.i, token.i + 1) if ok else None
    if token.dep_ == "compound" or token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN") \
            and doc[token.i + 1].is_lower:
        return None  # "the union leaders": the description is of someone else
    start = token.i
    while start > 0 and _describes(doc, start - 1):
        start -= 1
    if start == 0 or doc[start - 1].lower_ != "the":
        return None
    end = token.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper() or \
            end + 2 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ == "the":
        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            end = max(t.i for t in pobj.subtree) + 1  # "the chief of Russia's General Staff"
    if end < len(doc) and doc[end].lower_ == "of":
        return None  # "the head of state": a complement we cannot match
    return start - 1, end


def _describes(doc: Doc, i: int) -> bool:
    """A lowercase modifier inside a description: "interior" (minister), "dockworkers" and "'" (union)."""
    token = doc[i]
    if token.text in ("'", "’"):
        return i >= 1 and doc[i - 1].is_lower
    return token.is_lower and token.pos_ in ("ADJ", "NOUN") and token.lower_ != "the"


def _title_phrases(doc: Doc, group: _Group) -> list[str]:
    """Folded appositives and titles beside a person's mentions ("interior minister", "chief of russia's …")."""
    out = []
    for start, end in group.spans:
        for span in (_appositive(doc, end), _prefix_title(doc, start)):
            if span is not None:
                out.append(fold(doc[span[0]:span[1]].text))
    return out


def _holds(phrases: list[str], text: str, role: str, modifiers: list[str]) -> bool:
    """Whether a person's titles hold a described role: its noun, every modifier, and any "of …" part."""
    words = {role_key(w) for p in phrases for w in re.findall(r"\w+", p)}
    if role_key(role) not in words or any(m not in words for m in modifiers):
        return False
    return " of " not in fold(text) or any(fold(text) in p for p in phrases)


def _names_body(doc: Doc, group: _Group, head: str, modifiers: list[str]) -> bool:
    """Whether a body's name ends in the description's head (or a kindred one), or is followed by it
    ("the United Auto Workers union"), and agrees with the description's modifiers."""
    kin = next((c for c in _HEAD_CLASSES if head in c), frozenset({head}))
    after = {doc[e].lower_ for _, e in group.spans if e < len(doc) and doc[e].is_lower}
    for name in group.names:
        words = [w.strip(".,'’") for w in fold(name).replace("-", " ").split()]
        if not words or words[-1] not in kin and not kin & after:
            continue
        if all(any(w == m or m.endswith(w) and len(w) > 3 for w in words) for m in modifiers):
            return True  # "the port authority", "the dockworkers' union" for "… Port Workers' Federation"
    return False


def _paragraph_kind(source: Source, offset: int) -> str:
    para = next((p for p in source.paragraphs if p.start <= offset < p.end), None)
    return para.kind if para is not None else ""


# ----------------------------------------------------------------- public


def extract_actors(doc: Doc, source: Source) -> list[Actor]:
    """Local actors of one source, ids ``<source>:<n>``, each with every mention."""
    cands = _candidates(doc)
    groups = _group_candidates(doc, source, cands)
    _sweep(doc, source, groups)
    mined = [(p.start, p.end) for p in source.paragraphs if p.mined]
    for group in groups:
        group.spans = sorted(s for s in set(group.spans) if _in_mined(doc, s, mined))
    groups = [g for g in groups if g.spans and (not g.country or _state_acts(doc, g)) and not _place_named(doc, g)
              and not all(_in_credit(doc, start) for start, _ in g.spans)]
    groups.sort(key=lambda g: g.spans[0])
    _link_descriptions(doc, source, groups)
    ids = [f"{source.id}:{n}" for n in range(1, len(groups) + 1)]
    index = {i: k for k, g in enumerate(groups) for s, e in g.spans + g.described for i in range(s, e)}
    actors = []
    for k, group in enumerate(groups):
        mentions = [_mention(doc, source, s, e) for s, e in sorted(group.spans + group.described)]
        if group.kind == "person":
            description, roles = _describe(doc, source, groups, group, index, ids)
        else:
            description, roles = _org_description(doc, group), []
        name = group.full_name
        aliases = sorted({m.text for m in mentions} | set(group.names) - {name}, key=lambda a: (a.casefold(), a))
        aliases = [a for a in aliases if a != name]
        actors.append(Actor(id=ids[k], name=name, kind=group.kind, aliases=aliases, description=description,
                            mentions=mentions, roles=roles, merges=sorted(set(group.reasons)) if aliases else []))
    return actors


_CREDIT = re.compile(r"\(\s*(?:sources?|photo|photos|credit|image|via|(?:additional\s+)?reporting\s+by|editing\s+by"
                     r"|writing\s+by|compiled\s+by)\b[^()]*$", re.I)


def _in_credit(doc: Doc, start: int) -> bool:
    """Whether token ``start`` sits in a credit line: "(Source: Syrian Coalition + …)", "(Reporting by …)"."""
    text = doc_text(doc)
    char = doc[start].idx
    line = text.rfind("\n", 0, char) + 1
    return bool(_CREDIT.search(text[line:char]))


def _in_mined(doc: Doc, span: tuple[int, int], mined: list[tuple[int, int]]) -> bool:
    start = doc[span[0]].idx
    return any(s <= start < e for s, e in mined)


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor with a mention covering (else overlapping most) the span ``start:end``."""
    best, best_overlap = None, 0
    for actor in actors:
        for m in actor.mentions:
            if m.start <= start and end <= m.end:
                return actor
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best
