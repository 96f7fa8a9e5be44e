"""Quotes: direct and indirect reported speech, each with its speaker.

Direct quotes are found from quotation marks over the text; their speaker
from the dependency parse around them (the subject of the nearest reporting
verb), a "Name:" headline prefix, or the previous quote when a paragraph
only continues it. Indirect speech is a reporting verb's clausal complement
("X said that …") or the clause beside "according to X". Short quoted terms
with no one saying them are scare quotes, and nobody's quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from generator.extract.actors import actor_at
from generator.extract.nlp import doc_text
from generator.model import Actor, Quote, Source

# Verbs whose subject says the quoted words.
REPORTING = frozenset("""
say tell add state claim announce deny confirm warn insist argue stress note explain report accuse allege
assert declare respond reply comment suggest reiterate emphasise emphasize write tweet threaten vow pledge
promise admit acknowledge ask answer continue conclude predict maintain urge recall agree told quote
""".split())
# Verbs that put a quoted word in someone's mouth: "called it a 'gimmick'".
CHARACTERISING = frozenset("call describe dub term label brand denounce characterise characterize refer".split())
# Reporting verbs whose clausal complement is indirect speech.
INDIRECT = frozenset("""
say tell add state claim announce deny confirm warn insist argue stress note explain allege assert declare
suggest reiterate emphasise emphasize admit acknowledge maintain predict promise vow report
""".split())
PRONOUNS = frozenset("he she".split())
SCARE_MAX_WORDS = 3

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"'}
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass
class _Marked:
    """A span of text between quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    closed: bool = True


def extract_quotes(doc: Doc, source: Source, actors: list[Actor]) -> list[Quote]:
    """Every quote of one source, in text order, ids ``<source>:q<n>``."""
    finder = _Finder(doc, source, actors)
    direct = finder.direct_quotes()
    indirect = finder.indirect_quotes(direct)
    quotes = sorted(direct + indirect, key=lambda q: (q.start, q.end))
    for n, quote in enumerate(quotes, 1):
        quote.id = f"{source.id}:q{n}"
    return quotes


# ---------------------------------------------------------------- marks


def quoted_spans(text: str, start: int, end: int) -> list[_Marked]:
    """Top-level double-quoted and single-quoted spans in ``text[start:end]``."""
    doubles = _double_quoted(text, start, end)
    singles = [s for s in _single_quoted(text, start, end) if not any(d.start <= s.start < d.end for d in doubles)]
    return sorted(doubles + singles, key=lambda m: m.start)


def _double_quoted(text: str, start: int, end: int) -> list[_Marked]:
    spans, i = [], start
    while i < end:
        ch = text[i]
        if ch in _OPEN_CLOSE and (ch != '"' or _opens(text, i, start)):
            close = text.find(_OPEN_CLOSE[ch], i + 1, end)
            if ch == "“" and close < 0:
                close = text.find('"', i + 1, end)
            if close < 0:
                spans.append(_Marked(i + 1, end, closed=False))
                break
            spans.append(_Marked(i + 1, close))
            i = close + 1
            continue
        i += 1
    return spans


def _opens(text: str, i: int, start: int) -> bool:
    """A straight quote opens when it follows a space or starts the paragraph."""
    return i == start or not (text[i - 1].isalnum() or text[i - 1] in ".,!?;")


def _single_quoted(text: str, start: int, end: int) -> list[_Marked]:
    spans = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[“\"—–-]))[‘'](?=\w)", text[start:end], re.M):
        open_at = start + m.start()
        close = _single_close(text, open_at + 1, end)
        if close is not None:
            spans.append(_Marked(open_at + 1, close))
    return spans


def _single_close(text: str, i: int, end: int) -> Optional[int]:
    """The closing single quote after ``i``: a ’ or ' not inside a word (apostrophes are)."""
    for j in range(i, end):
        if text[j] in "’'":
            after = text[j + 1] if j + 1 < end else " "
            if not after.isalnum():
                if text[j - 1] == "s" and after == " " and j - i > 60:
                    continue  # a plural possessive far from the opening mark
                return j
        elif text[j] in "‘“\"":
            return None
    return None


# ---------------------------------------------------------------- finder


class _Finder:
    """Quote finding over one parsed source."""

    def __init__(self, doc: Doc, source: Source, actors: list[Actor]) -> None:
        self.doc, self.source, self.actors = doc, source, actors
        self.text = doc_text(doc)
        self.persons = sorted(
            (m.start, m.end, a) for a in actors if a.kind == "person" for m in a.mentions
        )
        self.marked: list[_Marked] = []

    # direct ------------------------------------------------------------

    def direct_quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        previous: Optional[Quote] = None
        for para in self.source.paragraphs:
            if not para.mined or para.start >= len(self.text):
                continue
            for marked in quoted_spans(self.text, para.start, min(para.end, len(self.text))):
                self.marked.append(marked)
                quote = self._direct(marked, para, previous)
                if quote:
                    quotes.append(quote)
                    previous = quote
        return quotes

    def _direct(self, marked: _Marked, para, previous: Optional[Quote]) -> Optional[Quote]:
        start, end = _trim(self.text, marked.start, marked.end)
        if end <= start:
            return None
        words = len(_WORD.findall(self.text[start:end]))
        quote = Quote(id="", text=self.text[start:end], kind="direct", speaker=None, source=self.source.id,
                      start=start, end=end)
        quote.partial = self._partial(marked)
        if self._attribute_by_verb(quote, marked, words):
            return quote
        if self._attribute_by_colon(quote, marked, para):
            return quote
        if words <= SCARE_MAX_WORDS:
            return None  # a quoted term with nobody saying it: scare quotes
        if previous and self._continues(marked, para, previous):
            quote.speaker, quote.speaker_text, quote.cue = previous.speaker, previous.speaker_text, "(continued)"
            return quote
        if para.kind == "title":
            return None
        return quote if words >= 6 and not quote.partial else None

    def _partial(self, marked: _Marked) -> bool:
        """A fragment worked into the writer's sentence rather than a whole utterance."""
        before = self.text[: marked.start - 1].rstrip()
        if not before or before[-1] in ":,.\n—–-(" or before.endswith(("said", "says", "added", "told")):
            return False
        sent = self._sentence_at(marked.start)
        return sent is not None and before[-1].isalnum() and sent.start_char < marked.start - 1

    def _attribute_by_verb(self, quote: Quote, marked: _Marked, words: int) -> bool:
        verb = self._reporting_verb(marked, short=words <= SCARE_MAX_WORDS)
        if verb is None:
            return False
        subject = _subject_of(verb, passive=words > SCARE_MAX_WORDS)
        quote.cue = verb.text
        if subject is not None:
            self._set_speaker(quote, subject)
        elif not self._speaker_near(quote, verb):
            return False
        if words <= SCARE_MAX_WORDS and quote.speaker is None:
            return False  # a quoted term without a known speaker stays a scare quote
        return True

    def _reporting_verb(self, marked: _Marked, short: bool) -> Optional[Token]:
        """The reporting verb nearest the quote, outside every quote, in the sentences it touches."""
        first, last = self._sentence_at(marked.start), self._sentence_at(max(marked.start, marked.end - 1))
        if first is None:
            return None
        tokens = list(first) if last is None or last == first else list(first) + list(last)
        lemmas = CHARACTERISING | REPORTING
        candidates = [
            t for t in tokens
            if t.lemma_.lower() in lemmas and t.pos_ in ("VERB", "AUX") and not self._inside_marks(t.idx)
        ]
        if short:
            candidates = [t for t in candidates if _governs(t, marked.start, self.doc)]
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.idx - marked.start), abs(t.idx - marked.end)))

    def _attribute_by_colon(self, quote: Quote, marked: _Marked, para) -> bool:
        """ "Name: '…'" (a headline) or "Name said: …" style prefix before the quote."""
        head = self.text[para.start: marked.start]
        if ":" not in head:
            return False
        name_end = para.start + head.index(":")
        name = self.text[para.start:name_end].strip()
        if not name or len(name.split()) > 4:
            return False
        actor = actor_at(self.actors, para.start, name_end)
        if actor is None:
            return False
        quote.speaker, quote.speaker_text, quote.cue = actor.id, name, ":"
        quote.partial = quote.partial or para.kind == "title"
        return True

    def _continues(self, marked: _Marked, para, previous: Quote) -> bool:
        """A quote that opens its paragraph (or sentence) with no cue continues the previous speaker."""
        opens_paragraph = not self.text[para.start: marked.start - 1].strip()
        prev_para = self.source.paragraph_at(previous.start)
        near = prev_para is not None and para.index - prev_para.index <= 1
        return near and (opens_paragraph or previous.end >= para.start) and previous.speaker is not None

    # indirect ----------------------------------------------------------

    def indirect_quotes(self, direct: list[Quote]) -> list[Quote]:
        quotes: list[Quote] = []
        taken = [(m.start - 1, m.end + 1) for m in self.marked]
        for sent in self.doc.sents:
            for quote in self._indirect_in(sent):
                if not any(s < quote.end and quote.start < e for s, e in taken):
                    quotes.append(quote)
                    taken.append((quote.start, quote.end))
        return quotes

    def _indirect_in(self, sent: Span) -> list[Quote]:
        quotes = []
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                quote = self._according_to(sent, token)
            elif token.lemma_.lower() in INDIRECT and token.pos_ == "VERB":
                quote = self._complement(token)
            elif token.lemma_.lower() == "accuse" and token.pos_ == "VERB":
                quote = self._accusation(token)
            else:
                continue
            if quote:
                quotes.append(quote)
        return quotes

    def _complement(self, verb: Token) -> Optional[Quote]:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return None
        start, end = _clause_bounds(clause, verb)
        if len(_WORD.findall(self.text[start:end])) < 3:
            return None
        quote = Quote(id="", text=self.text[start:end], kind="indirect", speaker=None, source=self.source.id,
                      start=start, end=end, cue=verb.text)
        subject = _subject_of(verb)
        if subject is not None:
            self._set_speaker(quote, subject)
        else:
            self._speaker_near(quote, verb)
        return quote if quote.speaker or quote.speaker_text else None

    def _accusation(self, verb: Token) -> Optional[Quote]:
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        of = next((c for c in [*verb.children, *(target.children if target is not None else [])]
                   if c.dep_ == "prep" and c.lower_ == "of"), None)
        subject = _subject_of(verb)
        if target is None or of is None or subject is None:
            return None
        tokens = list(target.subtree) + list(of.subtree)
        start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
        quote = Quote(id="", text=self.text[start:end], kind="indirect", speaker=None, source=self.source.id,
                      start=start, end=end, cue=verb.text)
        self._set_speaker(quote, subject)
        return quote if quote.speaker else None

    def _according_to(self, sent: Span, according: Token) -> Optional[Quote]:
        """ "According to X, <clause>." or "<clause>, according to X." """
        phrase_start = according.idx
        comma = self.text.find(",", phrase_start, sent.end_char)
        phrase_end = comma if comma > 0 else sent.end_char
        if phrase_start - sent.start_char > phrase_end - phrase_start and comma < 0:
            start, end = sent.start_char, phrase_start  # the clause comes first
        else:
            start, end = (phrase_end, sent.end_char) if comma > 0 else (sent.start_char, phrase_start)
        start, end = _trim_span(self.text, start, end)
        if len(_WORD.findall(self.text[start:end])) < 4:
            return None
        who_start, who_end = _trim_span(self.text, phrase_start + len("according to"), phrase_end)
        quote = Quote(id="", text=self.text[start:end], kind="indirect", speaker=None, source=self.source.id,
                      start=start, end=end, cue="according to", speaker_text=self.text[who_start:who_end])
        actor = actor_at(self.actors, who_start, who_end) if who_end > who_start else None
        quote.speaker = actor.id if actor else None
        return quote if quote.speaker or quote.speaker_text else None

    # speakers ----------------------------------------------------------

    def _set_speaker(self, quote: Quote, subject: Token) -> None:
        """Resolve the subject of a reporting verb to an actor (names, pronouns, roles)."""
        phrase = _noun_phrase(subject)
        quote.speaker_text = self.text[phrase[0]: phrase[1]]
        named = actor_at(self.actors, subject.idx, subject.idx + len(subject))
        apposed = self._apposed_actor(subject)
        if subject.lower_ in PRONOUNS:
            actor = self._recent_person(subject.idx)
        elif named is not None and _covers(named, subject):
            actor = named
        else:
            actor = apposed or self._by_role(subject) or self._actor_in(phrase)
            if actor is not None and actor.kind != "person" and subject.pos_ == "NOUN":
                quote.speaker_role = _strip_det(quote.speaker_text)
        quote.speaker = actor.id if actor else None

    def _speaker_near(self, quote: Quote, verb: Token) -> bool:
        """When the parse gives the verb no subject: the actor named last before it in its sentence."""
        sent = verb.sent
        named = [
            (m.start, m.end, a) for a in self.actors for m in a.mentions
            if sent.start_char <= m.start and m.end <= verb.idx and not self._inside_marks(m.start)
            and _heads_a_phrase(self.doc, m.end)
        ]
        if not named:
            return False
        start, end, actor = max(named, key=lambda n: (n[2].kind == "person", n[0]))
        quote.speaker, quote.speaker_text = actor.id, self.text[start:end]
        return True

    def _apposed_actor(self, subject: Token) -> Optional[Actor]:
        """ "the chief of the General Staff, Valery Gerasimov, said": the named apposition."""
        for child in subject.children:
            if child.dep_ == "appos":
                actor = actor_at(self.actors, child.idx, child.idx + len(child))
                if actor is not None and actor.kind == "person":
                    return actor
        return None

    def _actor_in(self, span: tuple[int, int]) -> Optional[Actor]:
        return actor_at(self.actors, *span)

    def _recent_person(self, offset: int) -> Optional[Actor]:
        """The person most recently named before ``offset``, outside quotes."""
        best = None
        for start, _, actor in self.persons:
            if start >= offset:
                break
            if not self._inside_marks(start):
                best = actor
        return best

    def _by_role(self, subject: Token) -> Optional[Actor]:
        """ "the spokesman said": the actor described by that role, mentioned most recently before."""
        role = subject.lemma_.lower()
        best, best_at = None, -1
        for actor in self.actors:
            titles = [actor.description, *(r.title for r in actor.roles)]
            if not any(role in t.lower().split() for t in titles if t):
                continue
            sentence_end = subject.sent.end_char
            before = [m.start for m in actor.mentions if m.start < sentence_end]
            if before and max(before) > best_at:
                best, best_at = actor, max(before)
        return best

    # helpers -----------------------------------------------------------

    def _sentence_at(self, offset: int) -> Optional[Span]:
        token = _token_at(self.doc, offset)
        return token.sent if token is not None else None

    def _inside_marks(self, offset: int) -> bool:
        return any(m.start <= offset < m.end for m in self.marked)


def _token_at(doc: Doc, offset: int) -> Optional[Token]:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]


def _heads_a_phrase(doc: Doc, end: int) -> bool:
    """A name that is not a modifier inside another noun phrase ("the Assad regime")."""
    token = _token_at(doc, end - 1)
    return token is not None and token.dep_ not in ("compound", "poss", "amod", "nmod", "pobj")


def _covers(actor: Actor, token: Token) -> bool:
    return any(m.start <= token.idx and token.idx + len(token) <= m.end for m in actor.mentions)


def _subject_of(verb: Token, passive: bool = True) -> Optional[Token]:
    """The speaker: the verb's subject, or that of the verb it hangs from ("…, adding that …", "by describing")."""
    for _ in range(5):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                return child
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


_CLIMB = ("advcl", "conj", "xcomp", "pcomp", "prep", "acl")


def _governs(verb: Token, offset: int, doc: Doc) -> bool:
    """Whether the quoted text at ``offset`` sits in the verb's own phrase."""
    token = _token_at(doc, offset)
    while token is not None and token.i != token.head.i:
        if token.head.i == verb.i:
            return True
        token = token.head
    return False


def _noun_phrase(token: Token) -> tuple[int, int]:
    """Character bounds of the name phrase around a subject (compounds, determiners, no clauses)."""
    left = [t for t in token.lefts if t.dep_ in ("compound", "det", "amod", "poss", "nmod", "case")]
    parts = [token, *left, *(t for l in left for t in l.subtree)]
    parts += [t for t in token.rights if t.dep_ in ("compound", "flat")]
    return min(t.idx for t in parts), max(t.idx + len(t) for t in parts)


def _clause_bounds(clause: Token, verb: Token) -> tuple[int, int]:
    tokens = [t for t in clause.subtree]
    mark = [t for t in clause.children if t.dep_ == "mark" and t.lower_ == "that"]
    tokens = [t for t in tokens if t not in mark]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    if verb.idx > start and verb.idx < end:  # "…, he said, …" inside the clause: keep the part before
        end = verb.idx
    return _trim_span(doc_text(clause.doc), start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and a trailing comma from a quoted span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-"):
        end -= 1
    return start, end


def _strip_det(phrase: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.I)
