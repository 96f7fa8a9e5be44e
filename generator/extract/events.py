"""Events: what happened, when, where, and who took part.

One event mention per sentence at most: the sentence's strongest trigger
(a verb or an event noun from a generic English lexicon), its type, the
date the sentence gives (resolved against the article date), the actors
mentioned in it, a place, and the figures it quotes.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from generator.extract.dates import DateMatch, find_dates
from generator.extract.nlp import doc_text
from generator.model import Actor, EventMention, Figure, Source

# Trigger lemmas by event type. Generic English, not tied to one story.
NOUN_TRIGGERS = {
    "ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire", "pause": "ceasefire",
    "moratorium": "ceasefire", "armistice": "ceasefire", "cessation": "ceasefire", "respite": "ceasefire",
    "lull": "ceasefire",
    "attack": "attack", "bombing": "attack", "bombardment": "attack", "airstrike": "attack",
    "strike": "attack", "raid": "attack", "assault": "attack", "shelling": "attack", "explosion": "attack",
    "blast": "attack", "shooting": "attack", "ambush": "attack", "massacre": "attack", "bombings": "attack",
    "offensive": "military", "invasion": "military", "deployment": "military", "siege": "military",
    "clash": "military", "clashes": "military", "fighting": "military", "battle": "military",
    "incursion": "military", "withdrawal": "military", "operation": "military",
    "announcement": "announcement", "declaration": "announcement",
    "meeting": "meeting", "talks": "meeting", "summit": "meeting", "visit": "meeting",
    "conference": "meeting", "negotiations": "meeting", "negotiation": "meeting",
    "agreement": "agreement", "deal": "agreement", "accord": "agreement", "treaty": "agreement",
    "pact": "agreement",
    "vote": "vote", "referendum": "vote", "ballot": "vote",
    "election": "election", "elections": "election", "runoff": "election",
    "crash": "accident", "collision": "accident", "accident": "accident", "derailment": "accident",
    "flood": "accident", "flooding": "accident", "earthquake": "accident", "fire": "accident",
    "landslide": "accident", "spill": "accident", "leak": "accident",
    "arrest": "arrest", "arrests": "arrest", "detention": "arrest",
    "evacuation": "evacuation", "evacuations": "evacuation",
    "protest": "protest", "protests": "protest", "demonstration": "protest", "rally": "protest",
    "walkout": "protest", "riot": "protest", "riots": "protest", "boycott": "protest",
    "resignation": "other", "release": "other", "kidnapping": "other", "abduction": "other",
    "interview": "interview", "statement": "statement", "press conference": "statement",
}
VERB_TRIGGERS = {
    "bomb": "attack", "bombard": "attack", "attack": "attack", "shell": "attack", "strike": "attack",
    "kill": "attack", "shoot": "attack", "raid": "attack", "ambush": "attack", "explode": "attack",
    "wound": "attack", "injure": "attack", "massacre": "attack", "target": "attack",
    "invade": "military", "deploy": "military", "capture": "military", "seize": "military",
    "besiege": "military", "advance": "military", "withdraw": "military", "retreat": "military",
    "recapture": "military", "clash": "military", "storm": "military",
    "announce": "announcement", "declare": "announcement", "proclaim": "announcement",
    "unveil": "announcement",
    "meet": "meeting", "negotiate": "meeting", "visit": "meeting", "convene": "meeting",
    "agree": "agreement", "sign": "agreement", "ratify": "agreement",
    "vote": "vote", "elect": "election", "re-elect": "election",
    "crash": "accident", "collide": "accident", "derail": "accident", "capsize": "accident",
    "sink": "accident", "flood": "accident",
    "arrest": "arrest", "detain": "arrest", "jail": "arrest", "imprison": "arrest",
    "evacuate": "evacuation", "flee": "evacuation",
    "protest": "protest", "demonstrate": "protest", "rally": "protest", "march": "protest",
    "riot": "protest", "boycott": "protest",
    "resign": "other", "release": "other", "free": "other", "kidnap": "other", "abduct": "other",
    "halt": "ceasefire", "suspend": "ceasefire",
}
# When a sentence has triggers of several types, the first listed wins.
TYPE_PRIORITY = [
    "ceasefire", "agreement", "election", "vote", "arrest", "evacuation", "accident", "attack",
    "military", "protest", "meeting", "announcement", "interview", "statement", "other",
]
# Types that name the telling of an event more than the event: a real event word beside them wins.
WEAK_TYPES = {"announcement": 2, "statement": 3, "interview": 3, "other": 1, "meeting": 1}
# Nouns that stand for a state of affairs, not a happening, when bare ("the war", "a strike force").
LABOUR_WORDS = {"worker", "workers", "union", "unions", "miner", "miners", "staff", "employee",
                "employees", "pay", "wage", "wages", "teacher", "teachers", "driver", "drivers",
                "nurse", "nurses", "doctor", "doctors", "dockers", "pilots"}
WEAPON_WORDS = {"air", "missile", "drone", "rocket", "military", "artillery", "aerial", "naval"}
HEDGE_MODALS = {"would", "could", "should", "might", "may", "must", "can"}
QUOTE_CHARS = "\"“”«»"
PLACE_PREPS = {"in", "at", "near", "on", "outside", "inside", "across", "into", "over", "around",
               "against", "throughout", "within", "outside", "towards", "toward"}
NOUN_PHRASE_MODIFIERS = {"amod", "compound"}
SPEECH_VERBS = {"say", "tell", "add", "state", "claim", "insist", "warn", "stress", "note", "argue",
                "accuse", "deny", "describe", "call", "urge", "believe", "think", "point"}


def extract_events(doc: Doc, source: Source, actors: list[Actor]) -> list[EventMention]:
    """Event mentions of one source; ``actors`` holds local actor ids."""
    mentions = []
    for sent in doc.sents:
        if not sent.text.strip() or not _is_mined(source, sent.start_char):
            continue
        mention = _sentence_event(sent, source, actors)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _is_mined(source: Source, offset: int) -> bool:
    para = source.paragraph_at(offset)
    return para is None or para.mined


def _sentence_event(sent: Span, source: Source, actors: list[Actor]) -> Optional[EventMention]:
    trigger = _best_trigger(sent)
    if trigger is None:
        return None
    token, kind = trigger
    dates = find_dates(sent, source.date)
    start_date, end_date = _pick_dates(dates, token)
    actor_ids = _actors_in(sent, actors)
    place = _place(sent, token, actors)
    if kind in ("statement", "interview") and not (start_date or actor_ids):
        return None
    if not (start_date or actor_ids or place):
        return None  # nothing anchors it: too vague to be an event
    start, end = _trimmed(sent)
    return EventMention(
        source=source.id,
        start=start,
        end=end,
        text=doc_text(sent.doc)[start:end],
        trigger=_trigger_phrase(token),
        type=kind,
        date=start_date.value if start_date else None,
        date_text=start_date.text if start_date else "",
        date_end=end_date.value if end_date else None,
        actors=actor_ids,
        place=place,
        figures=_figures(sent, source),
    )


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    return sent.start_char + lead, sent.start_char + tail


# --- triggers --------------------------------------------------------------------------------------


def _best_trigger(sent: Span) -> Optional[tuple[Token, str]]:
    inside = _quoted_offsets(sent)
    candidates = []
    for token in sent:
        if token.idx in inside:
            continue
        kind = _trigger_type(token)
        if kind is None or _is_hedged(token):
            continue
        weight = _depth(token) + (WEAK_TYPES.get(kind, 0))
        candidates.append((weight, TYPE_PRIORITY.index(kind), token.i, token, kind))
    if not candidates:
        return _speech_event(sent, inside)
    best = min(candidates, key=lambda c: c[:3])
    return best[3], best[4]


def _trigger_type(token: Token) -> Optional[str]:
    lemma = token.lemma_.lower()
    word = token.text.lower()
    if token.pos_ == "NOUN" or token.tag_ in ("NN", "NNS"):
        kind = NOUN_TRIGGERS.get(word) or NOUN_TRIGGERS.get(lemma)
        if kind is None and "strike" in word:
            kind = "attack"  # airstrikes
        if kind == "attack" and lemma == "strike":
            return _strike_type(token)
        if kind == "statement" and not _is_own_statement(token):
            return None
        if kind == "military" and lemma == "operation" and not _is_military_operation(token):
            return None
        return kind
    if token.pos_ == "VERB":
        if token.dep_ in ("amod", "compound") or (token.dep_ == "acl" and lemma in ("target", "wound")):
            return None  # "bombed-out city", "targeted areas": a description, not a happening
        if lemma in ("release", "free") and not _frees_people(token):
            return None
        return VERB_TRIGGERS.get(lemma)
    return None


CAPTIVE_WORDS = {"hostage", "prisoner", "detainee", "captive", "journalist", "worker", "sailor", "crew",
                 "aid", "tourist", "soldier", "civilian", "activist"}


def _frees_people(token: Token) -> bool:
    """ "released the hostages": a release of people, not of a report or an interview."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and (
            child.lemma_.lower() in CAPTIVE_WORDS or child.ent_type_ == "PERSON"
        ):
            return True
    return False


def _strike_type(token: Token) -> str:
    """A "strike" is an attack from the air or a walkout by workers."""
    near = {t.lower_ for t in token.sent}
    modifiers = {c.lower_ for c in token.children}
    if modifiers & WEAPON_WORDS:
        return "attack"
    if token.head.lower_ == "on" or near & LABOUR_WORDS or "general" in modifiers:
        return "protest"
    return "attack"


def _is_own_statement(token: Token) -> bool:
    """ "said in a statement": the statement is the event; "a statement of intent" is not."""
    return token.head.lower_ in ("in", "issued", "released", "published") or token.head.lemma_ in (
        "issue", "release", "publish")


def _is_military_operation(token: Token) -> bool:
    modifiers = {c.lower_ for c in token.children}
    return bool(modifiers & {"military", "ground", "air", "army", "naval", "rescue", "security"})


def _is_hedged(token: Token) -> bool:
    """Negated, conditional or questioned: not something that happened or is set to happen."""
    if token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in HEDGE_MODALS):
                return True
    elif token.dep_ in ("dobj", "pobj"):
        head = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
        if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in head.children):
            return True  # "did not sign the deal", "would not agree to any ceasefire"
    sent_text = token.sent.text.rstrip()
    return sent_text.endswith("?")


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _quoted_offsets(sent: Span) -> set[int]:
    """Character offsets inside quotation marks (words of a speaker, not the writer's report)."""
    inside: set[int] = set()
    opened: Optional[int] = None
    text, base = sent.text, sent.start_char
    for i, char in enumerate(text):
        if char not in QUOTE_CHARS:
            continue
        if opened is None:
            opened = i
        else:
            if i - opened > 40 or len(text[opened:i].split()) >= 4:
                inside.update(range(base + opened, base + i))
            opened = None
    if opened is not None and opened < len(text) // 2:
        inside.update(range(base + opened, base + len(text)))
    return inside


def _speech_event(sent: Span, inside: set[int]) -> Optional[tuple[Token, str]]:
    """A speech act that is itself the event: "said in an interview", "told a news conference"."""
    for token in sent:
        if token.idx in inside:
            continue
        if token.lower_ == "interview" and token.head.lower_ in ("in", "during", "an"):
            return token, "interview"
        if token.lower_ in ("conference", "briefing") and token.head.lower_ in ("at", "to", "in", "during"):
            return token, "statement"
    return None


def _trigger_phrase(token: Token) -> str:
    """The trigger with its noun modifiers: "humanitarian pause", "air strikes"."""
    if token.pos_ != "NOUN":
        return token.text
    mods = [c for c in token.children if c.dep_ in NOUN_PHRASE_MODIFIERS and c.i < token.i
            and c.i >= token.i - 3 and c.is_alpha and c.ent_type_ not in ("DATE", "TIME", "CARDINAL",
                                                                          "QUANTITY", "GPE", "NORP")]
    if not mods:
        return token.text
    start = min(c.left_edge.i for c in mods)
    words = [t.text for t in token.doc[start:token.i + 1] if t.is_alpha or t.text == "-"]
    return " ".join(words).replace(" - ", "-").strip("- ")


# --- dates, actors, place, figures ------------------------------------------------------------------


def _pick_dates(dates: list[DateMatch], trigger: Token) -> tuple[Optional[DateMatch], Optional[DateMatch]]:
    """The sentence's start date (nearest the trigger) and end date ("until Friday")."""
    def distance(match: DateMatch) -> int:
        return abs(match.start - trigger.idx)

    starts = sorted((d for d in dates if not d.until), key=distance)
    ends = sorted((d for d in dates if d.until and d.value), key=distance)
    start = next((d for d in starts if d.value), starts[0] if starts else None)
    end = ends[0] if ends else None
    if start is None and end is not None:
        return None, end
    return start, end


def _actors_in(sent: Span, actors: list[Actor]) -> list[str]:
    """Ids of actors mentioned in the sentence, in order of first mention."""
    found = []
    for actor in actors:
        offsets = [m.start for m in actor.mentions if sent.start_char <= m.start < sent.end_char]
        if offsets:
            found.append((min(offsets), actor.id))
    return [actor_id for _, actor_id in sorted(found)]


def _place(sent: Span, trigger: Token, actors: list[Actor]) -> Optional[str]:
    """A GPE/LOC/FAC named in the sentence, preferring one after a place preposition."""
    actor_starts = {m.start for a in actors if a.kind in ("state", "organization", "person", "group")
                    for m in a.mentions}
    best = None
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC", "NORP"):
            continue
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        located = prev is not None and prev.lower_ in PLACE_PREPS
        if ent.label_ == "NORP" and not (located and prev.lower_ in ("in", "near", "at")):
            continue  # a small model may tag a city "NORP"; "in X" still names a place
        if ent.label_ == "GPE" and not located:
            continue  # "Russia said", "Russia's offer": a state acting, not a place
        if ent.start_char in actor_starts and not located:
            continue
        score = (0 if located else 1, 0 if ent.label_ != "GPE" else 1, abs(ent.start - trigger.i))
        if best is None or score < best[0]:
            best = (score, ent.text.strip())
    return _clean_place(best[1]) if best else None


def _clean_place(text: str) -> str:
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text[:-2].strip() if text.endswith(("’s", "'s")) else text


def _figures(sent: Span, source: Source) -> list[Figure]:
    try:
        from generator.extract.figures import find_figures
    except ImportError:
        return []
    try:
        return list(find_figures(sent.text, source.id, sent.start_char))
    except Exception:  # a figures bug must not lose the event
        return []
