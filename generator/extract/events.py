"""Events: what happened, when, where, and who took part.

One event mention per happening a sentence reports: its triggers (verbs
or event nouns from a generic English lexicon) are grouped by the parse
("agreed to a ceasefire" is one happening; "the fighting, which began on
Oct. 18, killed 14 soldiers before the truce was agreed on Thursday" is
two). Each mention has its type, the date that hangs from its words
(resolved against the article date), the actors, place and figures in its
stretch of the sentence. Whole-day gaps count from a dated clause: "held
for five days before being freed on Sunday" began five days before that
Sunday; "on Saturday, two days after a ceasefire took effect" dates the
ceasefire two days earlier.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Optional, Sequence

if TYPE_CHECKING:  # spaCy is imported only where articles are parsed (generator.extract.nlp)
    from spacy.tokens import Doc, Span, Token

from generator.extract.dates import DateMatch, find_dates, parse_iso
from generator.extract.nlp import doc_text
from generator.model import Actor, EventMention, Figure, Quote, Source

# Trigger lemmas by event type. Generic English, not tied to one story.
NOUN_TRIGGERS = {
    "ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire", "pause": "ceasefire",
    "moratorium": "ceasefire", "armistice": "ceasefire", "cessation": "ceasefire", "respite": "ceasefire",
    "lull": "ceasefire",
    "attack": "attack", "bombing": "attack", "bombardment": "attack", "airstrike": "attack",
    "strike": "attack", "raid": "attack", "assault": "attack", "shelling": "attack", "explosion": "attack",
    "blast": "attack", "shooting": "attack", "ambush": "attack", "massacre": "attack", "bombings": "attack",
    "onslaught": "military",
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
    "walkout": "protest", "stoppage": "protest", "riot": "protest", "riots": "protest", "boycott": "protest",
    "resignation": "other", "release": "other", "kidnapping": "other", "abduction": "other",
    "interview": "interview", "statement": "statement", "press conference": "statement",
    "inquiry": "inquiry", "investigation": "inquiry", "probe": "inquiry", "enquiry": "inquiry",
    "audit": "inquiry",
    "funeral": "other", "memorial": "other", "vigil": "other", "commemoration": "other",
    "collapse": "accident", "outbreak": "accident", "inspection": "inquiry", "recount": "election",
    "lawsuit": "legal", "hearing": "legal", "indictment": "legal", "conviction": "legal",
    "recall": "other", "mourning": "other",
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
    "meet": "meeting", "negotiate": "meeting", "visit": "meeting", "convene": "meeting", "tour": "meeting",
    "agree": "agreement", "sign": "agreement", "ratify": "agreement", "approve": "agreement",
    "arrive": "meeting",
    "vote": "vote", "elect": "election", "re-elect": "election",
    "crash": "accident", "collide": "accident", "derail": "accident", "capsize": "accident",
    "sink": "accident", "flood": "accident",
    "arrest": "arrest", "detain": "arrest", "jail": "arrest", "imprison": "arrest",
    "evacuate": "evacuation", "flee": "evacuation",
    "protest": "protest", "demonstrate": "protest", "rally": "protest", "march": "protest",
    "riot": "protest", "boycott": "protest",
    "resign": "other", "release": "other", "free": "other", "kidnap": "other", "abduct": "other",
    "halt": "ceasefire", "suspend": "ceasefire",
    "investigate": "inquiry", "probe": "inquiry", "inspect": "inquiry",
    # "collapse" is a trigger only as a noun (NOUN_TRIGGERS): truces and talks collapse too.
    "recount": "election",
    "sue": "legal", "charge": "legal", "indict": "legal", "convict": "legal", "sentence": "legal",
    "acquit": "legal", "prosecute": "legal",
}
# When a sentence has triggers of several types, the first listed wins.
TYPE_PRIORITY = [
    "ceasefire", "agreement", "election", "vote", "arrest", "legal", "evacuation", "accident", "attack",
    "military", "protest", "inquiry", "meeting", "announcement", "interview", "statement", "other",
]
# Types that name the telling of an event more than the event: a real event word beside them wins.
WEAK_TYPES = {"announcement": 2, "statement": 3, "interview": 3, "other": 1, "meeting": 1}
TELLING_TYPES = {"announcement", "statement", "interview"}
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


def extract_events(doc: Doc, source: Source, actors: list[Actor], quotes: Sequence[Quote] = ()) -> list[EventMention]:
    """Event mentions of one source; ``actors`` holds local actor ids, ``quotes`` the source's quotes."""
    claims = [q for q in quotes if q.kind == "direct" and q.speaker]
    mentions = []
    for sent in doc.sents:
        if not sent.text.strip() or not _is_mined(source, sent.start_char):
            continue
        mentions.extend(_sentence_events(sent, source, actors, claims))
    return mentions


def _is_mined(source: Source, offset: int) -> bool:
    para = source.paragraph_at(offset)
    return para is None or para.mined


def _sentence_events(sent: Span, source: Source, actors: list[Actor], claims: list[Quote]) -> list[EventMention]:
    """What the sentence reports happened; where it only tells of a statement, what the quoted
    speaker says happened, or will (see ``_claimed_events``)."""
    mentions = _reported_events(sent, source, actors, _candidates(sent))
    if all(m.type in TELLING_TYPES for m in mentions):
        return _claimed_events(sent, source, actors, claims) or mentions
    return mentions


def _claimed_events(sent: Span, source: Source, actors: list[Actor], claims: list[Quote]) -> list[EventMention]:
    """Dated happenings a speaker announces in a quotation: "“A pause will run on May 4 from 9:00 to
    19:00,” the general said". They are told on the speaker's word, not the writer's: each mention
    names the quote (``claimed_in``), and needs a date in the speaker's own words."""
    quote = next((q for q in claims if q.start < sent.end_char and sent.start_char < q.end), None)
    if quote is None:
        return []
    inside = [(t, _trigger_type(t)) for t in sent if quote.start <= t.idx < quote.end]
    candidates = [(t, kind) for t, kind in inside if kind and kind not in TELLING_TYPES and not _is_hedged(t)]
    if not candidates:
        return []
    mentions = _reported_events(sent, source, actors, candidates)
    return [replace(m, claimed_in=quote.id) for m in mentions if m.date_text and m.date_text in quote.text]


def _reported_events(sent: Span, source: Source, actors: list[Actor],
                     candidates: list[tuple[Token, str]]) -> list[EventMention]:
    """One mention per separate happening the sentence reports.

    Triggers are grouped (see ``_groups``); each group owns the words that
    hang from it, and takes its date, actors, place and figures from them.
    A sentence with one group gives one mention spanning the sentence.
    """
    groups = _groups(sent, candidates)
    if not groups:
        return []
    owner = _owners(sent, groups)
    dates = find_dates(sent, source.date)
    anchored = bool(dates or _actors_in(sent, actors) or _place(sent, sent.root, actors))
    mentions: list[EventMention] = []
    for at, group in enumerate(groups):
        owned = {i for i, g in owner.items() if g == at}
        mention = _group_event(sent, source, actors, group, owned, dates, len(groups) == 1, anchored)
        if mention is not None and (at == 0 or mention.type not in TELLING_TYPES):
            mentions.append(mention)  # a second happening must be more than the telling of one
    return mentions


def _group_event(sent: Span, source: Source, actors: list[Actor], group: list[tuple[Token, str]],
                 owned: set[int], dates: list[DateMatch], whole: bool, anchored: bool) -> Optional[EventMention]:
    """The mention of one group; ``anchored``: the sentence names a date, an actor or a place."""
    token, kind = _representative(group)
    kind = _group_type(group, token, kind)
    start_date, end_date = _pick_dates(_own_dates(dates, group, owned), token)
    lo, hi = _trimmed(sent) if whole else _run(sent, owned, token)
    figures = _figures(sent, source, lo, hi)
    counted = _counted_back(sent, owned, dates, figures)
    if counted is not None:
        start_date, end_date = counted
    elif start_date is None:
        start_date = _days_from_main(token, dates, figures) or start_date
    actor_ids = _actors_in(sent, actors, owned if not whole else None)
    place = _place(sent, token, actors, owned if not whole else None)
    if kind in ("statement", "interview") and not (start_date or actor_ids):
        return None
    if not anchored:
        return None  # nothing anchors it: too vague to be an event
    return EventMention(
        source=source.id,
        start=lo,
        end=hi,
        text=doc_text(sent.doc)[lo:hi],
        trigger=_trigger_phrase(token),
        type=kind,
        date=start_date.value if start_date else None,
        date_text=start_date.text if start_date else "",
        date_end=end_date.value if end_date else None,
        actors=actor_ids,
        place=place,
        figures=figures,
        trigger_words=sorted({t.lemma_.lower() for t, _ in group}),
    )


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    return sent.start_char + lead, sent.start_char + tail


# --- triggers --------------------------------------------------------------------------------------


def _groups(sent: Span, candidates: list[tuple[Token, str]]) -> list[list[tuple[Token, str]]]:
    """The sentence's triggers, grouped by happening; the main happening first.

    A trigger joins the nearest trigger above it in the parse ("agreed to a
    ceasefire", "the truce was agreed") unless a clause lies between them;
    across a relative or "when" clause it joins only a trigger of a kindred
    type ("clashes that have killed 14", "killed when an explosion tore").
    """
    if not candidates:
        speech = _speech_event(sent, _quoted_offsets(sent))
        return [[speech]] if speech else []
    members = {token.i: kind for token, kind in candidates}
    group_of: dict[int, int] = {}
    groups: list[list[tuple[Token, str]]] = []
    for token, kind in sorted(candidates, key=lambda c: (_is_toll_clause(c[0]), _depth(c[0]), c[0].i)):
        parent = _joined_parent(token, kind, members)
        if parent is None and _is_toll_clause(token):
            parent = _kindred_before(token, kind, {i: members[i] for i in group_of})
        at = group_of[parent] if parent is not None else len(groups)
        if at == len(groups):
            groups.append([])
        groups[at].append((token, kind))
        group_of[token.i] = at
    main = group_of[min(candidates, key=_rank)[0].i]
    rest = sorted((g for i, g in enumerate(groups) if i != main), key=lambda g: min(t.i for t, _ in g))
    return [groups[main]] + rest


def _candidates(sent: Span) -> list[tuple[Token, str]]:
    inside = _quoted_offsets(sent)
    found = []
    for token in sent:
        if token.idx in inside:
            continue
        kind = _trigger_type(token)
        if kind is not None and not _is_hedged(token):
            found.append((token, kind))
    return found


def _rank(candidate: tuple[Token, str]) -> tuple[int, int, int]:
    """Shallow real event words first: "bombed" over a "statement" it was reported in."""
    token, kind = candidate
    return _depth(token) + WEAK_TYPES.get(kind, 0), TYPE_PRIORITY.index(kind), token.i


def _is_toll_clause(token: Token) -> bool:
    """ ", killing 20 people": a participle that counts the dead of the happening just told."""
    return token.lemma_.lower() in CASUALTY_VERBS and token.tag_ == "VBG" and token.dep_ in ("advcl", "conj")


def _kindred_before(token: Token, kind: str, members: dict[int, str]) -> Optional[int]:
    """The nearest trigger before ``token`` of a kindred type."""
    before = [i for i, k in members.items() if i < token.i and _kindred(kind, k)]
    return max(before) if before else None


def _kindred(a: str, b: str) -> bool:
    return a == b or any({a, b} <= group for group in KINDRED_TYPES)


CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "conj", "parataxis", "csubj", "pcomp"}
TIME_SHIFT_MARKS = {"after", "before", "since", "until", "till", "once", "following", "ahead"}
KINDRED_TYPES = [{"attack", "military"}, {"accident", "attack"}]


def _joined_parent(token: Token, kind: str, members: dict[int, str]) -> Optional[int]:
    """The trigger above ``token`` whose happening it names too, if any."""
    crossed, node = [], token
    for _ in range(50):
        if node.head.i == node.i:
            return None
        crossed.append(node)
        node = node.head
        if node.i in members:
            break
    else:
        return None
    clauses = [n for n in crossed if n.dep_ in CLAUSE_DEPS]
    if not clauses:
        return node.i
    kindred = _kindred(kind, members[node.i]) or (
        token.pos_ == "VERB" and kind in ("agreement", "announcement"))  # "a truce, signed on ..."
    return node.i if kindred and all(_describes(n) for n in clauses) else None


def _describes(clause: Token) -> bool:
    """A clause that tells more of its head's happening: relative clauses ("which began on Oct. 18"),
    "when ..." clauses, what someone said of it ("which he said was signed"), "killed and injured"."""
    if clause.dep_ in ("relcl", "acl", "conj"):
        return True
    if clause.dep_ == "ccomp":
        return clause.head.lemma_.lower() in SPEECH_VERBS
    if clause.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod", "prep")}
    return not marks & TIME_SHIFT_MARKS  # "killing four", "when a bomb exploded"; not "a day after ..."


CASUALTY_VERBS = {"kill", "injure", "wound"}
DISASTER_WORDS = {"flood", "floods", "flooding", "river", "storm", "hurricane", "typhoon", "cyclone",
                  "earthquake", "quake", "landslide", "mudslide", "avalanche", "tsunami", "fire", "wildfire",
                  "blaze", "crash", "collision", "derailment", "heatwave", "rains",
                  "rainfall", "eruption", "drought", "burst", "capsized", "sank"}


def _group_type(group: list[tuple[Token, str]], token: Token, kind: str) -> str:
    """ "killed" is an attack's only when nothing else caused the deaths: a flood, a crash, a fire."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in CASUALTY_VERBS:
        return kind
    others = [k for t, k in group if t.lemma_.lower() not in CASUALTY_VERBS]
    if others:
        return min(others, key=TYPE_PRIORITY.index)
    if any(t.lower_ in DISASTER_WORDS for t in token.sent):
        return "accident"
    return kind


LIGHT_KINDS = {"agreement", "announcement", "statement", "meeting", "other"}


def _representative(group: list[tuple[Token, str]]) -> tuple[Token, str]:
    """The word that names the group's happening: the event noun a light verb governs
    ("agreed to a ceasefire", "signed a truce"), else the best-ranked trigger that is no mere
    count of the dead ("bombed" over "killing")."""
    has_noun = any(t.pos_ != "VERB" for t, _ in group)

    def key(candidate: tuple[Token, str]) -> tuple:
        token, kind = candidate
        light = has_noun and token.pos_ == "VERB" and kind in LIGHT_KINDS
        return (light, token.lemma_.lower() in CASUALTY_VERBS) + _rank(candidate)

    return min(group, key=key)


def _owners(sent: Span, groups: list[list[tuple[Token, str]]]) -> dict[int, int]:
    """Token index → the group whose trigger it hangs from (the main group when none)."""
    group_of = {token.i: at for at, group in enumerate(groups) for token, _ in group}
    for at, group in enumerate(groups):
        for token, _ in group:
            verb = _governing_verb(token)
            if verb is not None and verb.i not in group_of:
                group_of[verb.i] = at  # "an explosion tore through ... on Tuesday": the clause is the blast's
    owner = {}
    for token in sent:
        node = token
        for _ in range(50):
            if node.i in group_of or node.head.i == node.i:
                break
            node = node.head
        owner[token.i] = group_of.get(node.i, 0)
    return owner


def _run(sent: Span, owned: set[int], token: Token) -> tuple[int, int]:
    """Character span of the unbroken stretch of owned words around the trigger."""
    lo = hi = token.i
    while lo - 1 >= sent.start and lo - 1 in owned:
        lo -= 1
    while hi + 1 < sent.end and hi + 1 in owned:
        hi += 1
    doc = sent.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text not in QUOTE_CHARS + ")":
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _own_dates(dates: list[DateMatch], group: list[tuple[Token, str]], owned: set[int]) -> list[DateMatch]:
    """Dates that hang from the group's triggers: "Tuesday's explosion", "the truce took effect on Monday".

    A noun trigger also takes the dates of the verb it is subject or object of.
    A date said of something else ("the toll rose on Wednesday") is not the event's.
    """
    near: set[int] = set()
    for token, _ in group:
        near.update(t.i for t in token.subtree)
        verb = _governing_verb(token)
        if verb is not None:
            near.update(t.i for c in verb.children if c.dep_ in DATE_DEPS for t in c.subtree)
        near.update(_span_start_dates(token))
    doc = group[0][0].doc
    found = [d for d in dates if _token_index(doc, d.start) in near & owned]
    if found:
        return found
    at_once = set().union(*(_when_clause(token) for token, _ in group))
    found = [d for d in dates if _token_index(doc, d.start) in at_once]
    if found:
        return found
    told = set().union(*(_told_on(token) for token, _ in group))
    return [d for d in dates if _token_index(doc, d.start) in told & owned]


END_MARKS = {"before", "until", "till"}
WHOLE_DAY_UNITS = re.compile(r"\b(?:days?|weeks?|hours?|fortnight)\b", re.I)


def _counted_back(sent: Span, owned: set[int], dates: list[DateMatch],
                  figures: list[Figure]) -> Optional[tuple[DateMatch, DateMatch]]:
    """ "Held for 72 hours before being freed on Wednesday": it began that long before that day.

    An owned verb has a duration in whole days and a "before"/"until" clause dated to one day; the
    happening ran from that day less the duration to that day. The clause's day is not the happening's
    start ("held for five days before being released on Sunday" did not begin on Sunday).
    """
    doc = sent.doc
    for mark in sent:
        if mark.lower_ not in END_MARKS or mark.dep_ not in ("prep", "mark"):
            continue
        clause = {t.i for t in (mark.subtree if mark.dep_ == "prep" else mark.head.subtree)}
        verb = mark.head if mark.dep_ == "prep" else mark.head.head
        if verb.i not in owned or verb.i in clause:
            continue
        end = next((d for d in dates if d.value and _token_index(doc, d.start) in clause), None)
        span = {t.i for t in verb.subtree} - clause
        lasted = [f for f in figures if f.kind == "duration" and not f.hedge and f.value >= 24 and f.value % 24 == 0
                  and WHOLE_DAY_UNITS.search(f.text) and _token_index(doc, f.start) in span]
        day = parse_iso(end.value) if end else None
        if day is None or len(lasted) != 1:
            continue
        began = (day - dt.timedelta(days=int(lasted[0].value // 24))).isoformat()
        text = f"{lasted[0].text} {mark.text} {end.text}"
        return (DateMatch(start=lasted[0].start, end=end.end, text=text, value=began),
                DateMatch(start=end.start, end=end.end, text=end.text, value=end.value, until=True))
    return None


def _days_from_main(token: Token, dates: list[DateMatch], figures: list[Figure]) -> Optional[DateMatch]:
    """ "Civilians left on Saturday, two days after a ceasefire took effect": the ceasefire took effect
    two days before Saturday ("before": after it). Whole days only; the main clause gives the day."""
    doc = token.doc
    verb = token if token.pos_ in ("VERB", "AUX") else _governing_verb(token)
    if verb is None or verb.dep_ != "advcl":
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None:
        return None
    gap = next((c for c in [*verb.children, *mark.children] if c.dep_ == "npadvmod"), None)
    if gap is None:
        return None
    gap_span = {t.i for t in gap.subtree}
    lasted = [f for f in figures if f.kind == "duration" and not f.hedge and f.value % 24 == 0
              and WHOLE_DAY_UNITS.search(f.text) and _token_index(doc, f.start) in gap_span]
    main = verb.head
    clause = {t.i for t in verb.subtree}
    near = {t.i for c in main.children if c.dep_ in DATE_DEPS and c.i not in clause for t in c.subtree}
    anchor = next((d for d in dates if d.value and _token_index(doc, d.start) in near - clause), None)
    day = parse_iso(anchor.value) if anchor else None
    if day is None or len(lasted) != 1:
        return None
    shift = dt.timedelta(days=int(lasted[0].value // 24))
    value = (day - shift if mark.lower_ == "after" else day + shift).isoformat()
    said = f"{lasted[0].text} {mark.text} {anchor.text.split(',')[0]}"
    return DateMatch(start=lasted[0].start, end=anchor.end, text=said, value=value)


def _when_clause(token: Token) -> set[int]:
    """ "The truce collapsed when a convoy was bombed on Monday": what happened at once shares its day."""
    node = _governing_verb(token) or token
    found: set[int] = set()
    for word in node.subtree:
        if word.lower_ == "when" and word.dep_ in ("advmod", "mark") and word.head.pos_ in ("VERB", "AUX"):
            found.update(t.i for t in word.head.subtree)
    return found


def _told_on(token: Token) -> set[int]:
    """ "The minister said on Tuesday that an investigation had been opened": with no date of its own,
    a happening reported by a verb of saying is dated no later than the saying; its date stands in.
    Not for a toll ("the union said on Thursday that 27 people were killed in the explosion"): tolls are
    told days after the killing."""
    node = _governing_verb(token) or token
    if node.pos_ not in ("VERB", "AUX") or node.dep_ != "ccomp" or node.head.lemma_.lower() not in SPEECH_VERBS:
        return set()
    if node.lemma_.lower() in CASUALTY_VERBS:
        return set()
    return {t.i for c in node.head.children if c.dep_ in DATE_DEPS for t in c.subtree}


ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr"}
SPAN_PREPS = {"since", "until", "till"}


def _span_start_dates(token: Token) -> set[int]:
    """ "Since Oct. 18, Russia says it has halted air attacks": a "since"/"until" date on the verb of
    saying above the trigger bounds the reported happening, not the saying."""
    found: set[int] = set()
    node = token
    for _ in range(3):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "nsubj", "dobj"):
            break
        node = node.head
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in SPAN_PREPS:
                found.update(t.i for t in child.subtree)
    return found


def _governing_verb(token: Token) -> Optional[Token]:
    """The verb an event noun is subject or object of ("the truce took effect", "the evacuation order went out"),
    or that an event verb completes ("failed on Thursday to agree")."""
    if token.pos_ == "VERB":
        return token.head if token.dep_ == "xcomp" and token.head.pos_ in ("VERB", "AUX") else None
    noun = token.head if token.dep_ == "compound" else token
    if noun.dep_ in ARGUMENT_DEPS and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None
DATE_DEPS = {"prep", "npadvmod", "advmod", "tmod", "nmod"}


def _token_index(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _trigger_type(token: Token) -> Optional[str]:
    lemma = token.lemma_.lower()
    word = token.text.lower()
    if token.pos_ == "NOUN" or token.tag_ in ("NN", "NNS"):
        if token.dep_ == "compound" and token.head.lemma_.lower() in ROLE_HEADS:
            return None  # "the fire chief", "strike leaders": someone's role, not a happening
        kind = NOUN_TRIGGERS.get(word) or NOUN_TRIGGERS.get(lemma)
        if kind is None and word.endswith(("strike", "strikes")):
            kind = "attack"  # airstrikes
        if kind == "attack" and lemma == "strike":
            return _strike_type(token)
        if kind == "statement" and not _is_own_statement(token):
            return None
        if kind == "military" and lemma == "operation" and not _is_military_operation(token):
            return None
        if kind is None and lemma == "campaign" and _is_military_campaign(token):
            return "military"
        if kind is None and lemma == "service" and any(c.lower_ in CEREMONY_WORDS for c in token.children):
            return "other"  # "a memorial service was held on Thursday"
        return kind
    if token.pos_ == "VERB":
        if token.dep_ in ("amod", "compound") or (token.dep_ == "acl" and lemma in ("target", "wound")):
            return None  # "bombed-out city", "targeted areas": a description, not a happening
        if lemma in ("release", "free") and not _frees_people(token):
            return None
        if lemma == "strike" and token.tag_ == "VBG" and _labour_story(token.doc):
            return "protest"  # "striking miners"
        if lemma == "hold":
            return "arrest" if _holds_people(token) else None
        if lemma in DENIAL_VERBS:
            return "statement" if _denies_charges(token) else None
        if lemma == "meet" and any(c.dep_ == "dobj" and c.lemma_.lower() in MET_NOT_PEOPLE for c in token.children):
            return None  # "met the definition", "met their demands"
        if lemma == "meet" and any(c.dep_ == "agent" and any(o.lemma_.lower() in MET_NOT_PEOPLE for o in c.children)
                                   for c in token.children):
            return None  # "the advances have been met by fierce resistance"
        if lemma == "reach" and any(c.dep_ == "dobj" and _is_place_name(c) for c in token.children):
            return "meeting"  # "monitors reached Sarnik on Sunday": an arrival
        if lemma in STRUCK_VERBS:
            return "attack" if _struck_by_violence(token) else None
        if lemma == "pull" and any(c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "out") for c in token.children):
            return "military"  # "troops pulled back 2 kilometres"
        return VERB_TRIGGERS.get(lemma)
    return None


# Verbs that make an attack only when violence or weapons do it: "hit by shelling", not "hit by inflation".
STRUCK_VERBS = {"hit", "rock", "pound", "pummel", "batter"}
VIOLENCE_WORDS = {"violence", "fighting", "shelling", "bombing", "bombings", "bombardment", "strikes",
                  "airstrikes", "attacks", "missile", "missiles", "rocket", "rockets", "bomb", "bombs", "shell",
                  "shells", "explosion", "explosions", "blast", "blasts", "drone", "drones", "artillery",
                  "gunfire", "mortar", "mortars", "clashes", "airstrike", "strike", "attack", "onslaught"}


def _struck_by_violence(token: Token) -> bool:
    """ "The city has been hit by the worst violence in years", "rockets pounded the port"."""
    doers = [c for c in token.children if c.dep_ in ("nsubj",)]
    doers += [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    doers += [o for d in doers for p in d.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # "some of the worst violence"
    return any(d.lower_ in VIOLENCE_WORDS for d in doers)


DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "rebut"}
CHARGE_WORDS = {"accusation", "allegation", "claim", "charge", "report", "suggestion", "criticism", "assertion"}


def _denies_charges(token: Token) -> bool:
    """ "The minister on Friday rejected accusations that …": a denial, an act of its own (not "rejected the
    proposal", a position on something else)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CHARGE_WORDS for c in token.children)


ROLE_HEADS = {"chief", "brigade", "department", "service", "officer", "official", "station", "spokesman",
              "spokeswoman", "spokesperson", "commander", "leader", "crew", "engine", "truck", "fighter",
              "minister", "ministry", "agency", "committee", "expert", "survivor"}
CEREMONY_WORDS = {"memorial", "funeral", "remembrance", "prayer", "church", "thanksgiving", "burial"}
MET_NOT_PEOPLE = {"definition", "criterion", "criteria", "target", "demand", "requirement", "deadline",
                  "standard", "expectation", "goal", "need", "condition", "threshold", "obligation", "cost",
                  "end", "fate", "death", "approval", "resistance", "opposition", "criticism", "protest",
                  "anger", "silence", "scepticism", "skepticism", "condemnation", "fire", "force"}
CAPTIVE_WORDS = {"hostage", "prisoner", "detainee", "captive", "journalist", "worker", "sailor", "crew",
                 "aid", "tourist", "soldier", "civilian", "activist", "manager", "official", "employee",
                 "executive", "staff", "student", "child", "passenger", "priest", "nurse", "doctor",
                 "engineer", "volunteer", "fisherman", "reporter", "opposition", "protester", "suspect"}


def _frees_people(token: Token) -> bool:
    """ "released the hostages", "the managers, who were freed on Wednesday": people set free,
    not a report or an interview released."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and _is_people(child):
            return True
    if any(c.dep_ == "auxpass" for c in token.children):
        node = token
        for _ in range(4):  # "two managers, who were held ... before being freed"
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("NOUN", "PROPN"):
                return _is_people(node)
    return False


def _is_place_name(token: Token) -> bool:
    """A named place; a small model leaves many town names untyped, so any name not a person's or a body's."""
    return token.ent_type_ in ("GPE", "LOC", "FAC") or (
        token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "ORG", "NORP"))


def _holds_people(token: Token) -> bool:
    """ "held two managers", "the hostages held since Sunday": people kept, not talks or a vote held."""
    if any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in token.children):
        return False  # "held the company responsible"
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if objects:
        return any(_is_people(o) for o in objects)
    return token.dep_ in ("relcl", "acl") and _is_people(token.head)


def _is_people(token: Token) -> bool:
    return token.lemma_.lower() in CAPTIVE_WORDS or token.ent_type_ == "PERSON"


def _strike_type(token: Token) -> str:
    """A "strike" is an attack from the air or a walkout by workers."""
    near = {t.lower_ for t in token.sent}
    modifiers = {c.lower_ for c in token.children}
    if modifiers & WEAPON_WORDS:
        return "attack"
    if token.head.lower_ == "on" or near & LABOUR_WORDS or "general" in modifiers:
        return "protest"
    if not near & (WEAPON_WORDS | ATTACK_CUES) and _labour_story(token.doc):
        return "protest"  # "the strike, which began on April 29" in a story about miners and unions
    return "attack"


ATTACK_CUES = {"killed", "wounded", "injured", "targeted", "launched", "bombs", "jets", "warplanes", "troops",
               "militants", "rebels", "army", "forces", "retaliatory", "pre-emptive", "deadly"}


def _labour_story(doc: Doc) -> bool:
    """Whether the article is about workers: labour words (not inside names) at least three times."""
    return sum(1 for t in doc if t.lower_ in LABOUR_WORDS and not t.ent_type_) >= 3


def _is_own_statement(token: Token) -> bool:
    """ "said in a statement": the statement is the event; "a statement of intent" is not."""
    return token.head.lower_ in ("in", "issued", "released", "published") or token.head.lemma_ in (
        "issue", "release", "publish")


def _is_military_campaign(token: Token) -> bool:
    """ "a bombing campaign", "its campaign on Aleppo": not an election or advertising campaign."""
    if any(c.lower_ in CAMPAIGN_WORDS for c in token.children if c.dep_ in ("amod", "compound")):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and
               any(o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for o in c.children)
               for c in token.children)


CAMPAIGN_WORDS = {"bombing", "air", "aerial", "military", "ground", "bombardment", "artillery", "drone",
                  "missile", "counter-insurgency", "counterinsurgency"}


def _is_military_operation(token: Token) -> bool:
    modifiers = {c.lower_ for c in token.children}
    return bool(modifiers & {"military", "ground", "air", "army", "naval", "rescue", "security"})


def _is_hedged(token: Token) -> bool:
    """Negated, conditional or questioned: not something that happened or is set to happen."""
    if token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in HEDGE_MODALS):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and _nobody(child):
                return True  # "nobody is shooting", "no shots were fired"
    elif token.dep_ in ("dobj", "pobj"):
        head = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
        if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in head.children):
            return True  # "did not sign the deal", "would not agree to any ceasefire"
    sent_text = token.sent.text.rstrip()
    return sent_text.endswith("?")


def _nobody(subject: Token) -> bool:
    return subject.lower_ in ("nobody", "none", "nothing", "noone") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


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


def _actors_in(sent: Span, actors: list[Actor], owned: Optional[set[int]] = None) -> list[str]:
    """Ids of actors mentioned in the sentence (in the owned words only, if given), in order of first mention."""
    found = []
    for actor in actors:
        offsets = [m.start for m in actor.mentions if sent.start_char <= m.start < sent.end_char
                   and (owned is None or _token_index(sent.doc, m.start) in owned)]
        if offsets:
            found.append((min(offsets), actor.id))
    return [actor_id for _, actor_id in sorted(found)]


def _place(sent: Span, trigger: Token, actors: list[Actor], owned: Optional[set[int]] = None) -> Optional[str]:
    """A GPE/LOC/FAC named in the sentence (in the owned words, if given), preferring one after a place preposition.

    A name the article places elsewhere ("in Aleppo") is a place here too, whatever the model tags it
    ("a campaign on Aleppo"): a small model labels one city differently from sentence to sentence.
    """
    actor_starts = {m.start for a in actors if a.kind in ("state", "organization", "person", "group")
                    for m in a.mentions}
    known = _known_places(sent.doc)
    struck = _struck_place(trigger, known)
    if struck:
        return struck
    best = None
    for ent in sent.ents:
        if owned is not None and ent.start not in owned:
            continue
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        located = prev is not None and prev.lower_ in PLACE_PREPS
        if not (located and ent.text in known) and not _placed(ent, located, prev):
            continue
        if ent.start_char in actor_starts and not located:
            continue
        score = (0 if located else 1, 0 if ent.label_ != "GPE" else 1, abs(ent.start - trigger.i))
        if best is None or score < best[0]:
            best = (score, ent.text.strip())
    if best is None:
        return _known_place_after_preposition(sent, known, owned)
    return _clean_place(best[1])


def _struck_place(trigger: Token, known: frozenset[str]) -> Optional[str]:
    """The place an attack verb's passive subject names: "Kharkiv was hit by missiles"."""
    if trigger.pos_ != "VERB" or VERB_TRIGGERS.get(trigger.lemma_.lower(), "attack") != "attack":
        return None
    for child in trigger.children:
        if child.dep_ == "nsubjpass" and child.ent_type_:
            name = next((e.text for e in trigger.doc.ents if e.start <= child.i < e.end), child.text)
            if name in known or child.ent_type_ in ("GPE", "LOC", "FAC"):
                return _clean_place(name)
    return None


def _known_place_after_preposition(sent: Span, known: frozenset[str], owned: Optional[set[int]]) -> Optional[str]:
    """A place the article names elsewhere, here after "in", "at"… though the model tagged nothing."""
    if not known:
        return None
    reach, names = max(len(k) for k in known) + 8, sorted(known)
    for token in sent[:-1]:
        if token.lower_ not in PLACE_PREPS or (owned is not None and token.i + 1 not in owned):
            continue
        begin = token.idx + len(token.text)
        after = sent.doc.text[begin:begin + reach].lstrip()
        name = next((k for k in names if after.startswith(k) and not after[len(k):len(k) + 1].isalnum()), None)
        if name:
            return _clean_place(name)
    return None


LOCATING_PREPS = {"in", "near", "at"}  # the prepositions that put anything they name in a place


def _placed(ent: Span, located: bool, prev: Optional[Token]) -> bool:
    """Whether the entity names a place where it stands."""
    if ent.label_ not in ("GPE", "LOC", "FAC", "NORP"):
        return False
    if ent.label_ == "NORP":
        return located and prev.lower_ in LOCATING_PREPS  # a small model may tag a city "NORP"
    return ent.label_ != "GPE" or located  # "Russia said", "Russia's offer": a state acting, not a place


def _known_places(doc: Doc) -> frozenset[str]:
    """Names the article puts after "in", "near" or "at" somewhere: places, whatever their tag there."""
    known = doc.user_data.get("known_places")
    if known is None:
        known = frozenset(ent.text for ent in doc.ents if ent.start > 0
                          and doc[ent.start - 1].lower_ in LOCATING_PREPS and _placed(ent, True, doc[ent.start - 1]))
        doc.user_data["known_places"] = known
    return known


def _clean_place(text: str) -> str:
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text[:-2].strip() if text.endswith(("’s", "'s")) else text


def _figures(sent: Span, source: Source, lo: int, hi: int) -> list[Figure]:
    """Figures quoted in the mention's stretch of the sentence."""
    try:
        from generator.extract.figures import find_figures
    except ImportError:
        return []
    try:
        found = find_figures(sent.text, source.id, sent.start_char)
        return [f for f in found if lo <= f.start < hi]
    except Exception:  # a figures bug must not lose the event
        return []
