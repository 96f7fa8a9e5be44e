"""Quotes: direct and indirect reported speech, each with its speaker.

Direct quotes are found from quotation marks over the text; their speaker
from the dependency parse around them (the subject of the nearest reporting
verb), a "Name:" headline prefix, or the quote before when a paragraph only
continues it. Indirect speech is a reporting verb's clausal complement
("X said that …"), a request ("urged X to …"), an accusation ("accused X of
…") or the clause beside "according to X". Short quoted terms with no one
saying them are scare quotes, and nobody's quote.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # spaCy is imported only where articles are parsed (generator.extract.nlp)
    from spacy.tokens import Doc, Span, Token

from generator.extract.actors import DEED_NOUNS, OFFICIAL_NOUNS, actor_at, demonym_country
from generator.extract.nlp import doc_text
from generator.extract.speech import (
    CHARACTERISING, FEMININE, INDIRECT, MASCULINE, PERSON_ROLES, PRONOUNS, REPORTING, REQUESTING, antecedent,
    dateline_end, governs, is_definite, is_subject, noun_phrase, phrase_tokens, role_key, strip_det, subject_of,
    token_at, trim, trim_span,
)
from generator.model import Actor, Paragraph, Quote, Source

SCARE_MAX_WORDS = 3
# An unattributed quote this long is still speech (a speaker we could not find), not a term.
ORPHAN_MIN_WORDS = 6
HEADING_MAX_WORDS = 10

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"'}
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass
class _Marked:
    """A span of text between quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    closed: bool = True


@dataclass
class _Pending:
    """A direct quote that no cue in its own sentence attributes."""

    quote: Quote
    marked: _Marked
    para: Paragraph
    words: int


def extract_quotes(doc: Doc, source: Source, actors: list[Actor]) -> list[Quote]:
    """Every quote of one source, in text order, ids ``<source>:q<n>``."""
    finder = _Finder(doc, source, actors)
    direct, pending = finder.direct_quotes()
    indirect = finder.indirect_quotes(direct)
    quotes = sorted(direct + indirect, key=lambda q: (q.start, q.end))
    quotes = finder.settle(quotes, pending)
    quotes = sorted(quotes + finder.inner_quotes(quotes), key=lambda q: (q.start, q.end))
    finder.nest(quotes)
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
            after = text[j + 1] if j + 1 < end else ""  # the end of the stretch closes the quote
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
        self.mentions = sorted((m.start, m.end, a) for a in actors for m in a.mentions)
        self.marked: list[_Marked] = []
        self.datelines = {p.index: dateline_end(self.text, p.start, min(p.end, len(self.text)))
                          for p in source.paragraphs if p.mined and p.start < len(self.text)}
        self.gender = self._known_genders()
        self.spoken: list[tuple[int, Actor]] = []  # (offset, speaker) of attributed quotes
        self._starts = [p.start for p in source.paragraphs]
        self._sentences: dict[int, Optional[Span]] = {}
        self._title_cache: dict[str, frozenset[str]] = {}
        self._near_cache: dict[int, frozenset[str]] = {}

    # direct ------------------------------------------------------------

    def direct_quotes(self) -> tuple[list[Quote], list[_Pending]]:
        """Attributed direct quotes, and the quotes still waiting for a speaker."""
        quotes: list[Quote] = []
        pending: list[_Pending] = []
        for para in self.source.paragraphs:
            if not para.mined or para.start >= len(self.text):
                continue
            for marked in quoted_spans(self.text, para.start, min(para.end, len(self.text))):
                self.marked.append(marked)
                quote, words = self._direct(marked, para)
                if quote is None:
                    continue
                if quote.cue:
                    quotes.append(quote)
                else:
                    pending.append(_Pending(quote, marked, para, words))
        return quotes, pending

    def _direct(self, marked: _Marked, para: Paragraph) -> tuple[Optional[Quote], int]:
        start, end = trim(self.text, marked.start, marked.end)
        if end <= start:
            return None, 0
        words = len(_WORD.findall(self.text[start:end]))
        quote = Quote(id="", text=self.text[start:end], kind="direct", speaker=None, source=self.source.id,
                      start=start, end=end)
        quote.partial = self._partial(marked)
        if self._attribute_by_verb(quote, marked, words) or self._attribute_by_colon(quote, marked, para):
            self._remember(quote)
            return quote, words
        quote.cue = ""
        return quote, words

    def _partial(self, marked: _Marked) -> bool:
        """A fragment worked into the writer's sentence rather than a whole utterance."""
        before = self.text[: marked.start - 1].rstrip()
        if not before or before[-1] in ":,.\n—–-(" or before.endswith(("said", "says", "added", "told")):
            return False
        sent = self._sentence_at(marked.start)
        return sent is not None and before[-1].isalnum() and sent.start_char < marked.start - 1

    def _attribute_by_verb(self, quote: Quote, marked: _Marked, words: int) -> bool:
        short = words <= SCARE_MAX_WORDS
        for verb in self._reporting_verbs(marked, short)[:3 if short else 1]:
            quote.cue = verb.text
            subject = subject_of(verb, passive=not short)
            if subject is not None:
                self._set_speaker(quote, subject)
            elif not self._speaker_near(quote, verb):
                continue
            if quote.speaker is not None or not short:
                return True
        quote.speaker, quote.speaker_text, quote.speaker_role = None, "", ""
        return False  # a quoted term without a known speaker stays a scare quote

    def _reporting_verbs(self, marked: _Marked, short: bool) -> list[Token]:
        """Reporting verbs outside every quote in the sentences the quote touches, nearest first."""
        first, last = self._sentence_at(marked.start), self._sentence_at(max(marked.start, marked.end - 1))
        if first is None:
            return []
        tokens = list(first) if last is None or last == first else list(first) + list(last)
        lemmas = CHARACTERISING | REPORTING
        candidates = [
            t for t in tokens
            if t.lemma_.lower() in lemmas and t.pos_ in ("VERB", "AUX") and not self._inside_marks(t.idx)
        ]
        if short:
            candidates = [t for t in candidates if governs(t, marked.start, self.doc)]
        return sorted(candidates, key=lambda t: min(abs(t.idx - marked.start), abs(t.idx - marked.end)))

    def _attribute_by_colon(self, quote: Quote, marked: _Marked, para: Paragraph) -> bool:
        """ "Name: '…'" (a headline) or "Mayor: '…'" prefix before the quote."""
        head = self.text[para.start: marked.start]
        if ":" not in head:
            return False
        name_end = para.start + head.index(":")
        name = self.text[para.start:name_end].strip()
        if not name or len(name.split()) > 4:
            return False
        actor = actor_at(self.actors, para.start, name_end) or self._by_role_words(name, marked.start)
        if actor is None:
            return False
        quote.speaker, quote.speaker_text, quote.cue = actor.id, name, ":"
        quote.partial = quote.partial or para.kind == "title"
        return True

    # pending -----------------------------------------------------------

    def settle(self, quotes: list[Quote], pending: list[_Pending]) -> list[Quote]:
        """Give each unattributed quote the speaker it continues, or drop it when it is a term."""
        ordered = sorted(quotes, key=lambda q: q.start)
        for item in pending:
            if self._settle_one(item, ordered):
                ordered.append(item.quote)
                ordered.sort(key=lambda q: (q.start, q.end))
        return ordered

    def _settle_one(self, item: _Pending, quotes: list[Quote]) -> bool:
        quote, para = item.quote, item.para
        if self._whole_paragraph(item):
            return True  # a heading that is only a quotation: speech, speaker unknown
        if item.words <= SCARE_MAX_WORDS:
            return False
        before = [q for q in quotes if q.end <= quote.start and q.speaker is not None]
        previous = before[-1] if before else None
        if previous is not None and self._continues(item, previous):
            quote.speaker, quote.speaker_text, quote.cue = previous.speaker, previous.speaker_text, "(continued)"
            return True
        following = self._next_in_run(item, quotes)
        if following is not None:
            quote.speaker, quote.speaker_text, quote.cue = following.speaker, following.speaker_text, "(continued)"
            return True
        return para.kind != "title" and item.words >= ORPHAN_MIN_WORDS and not quote.partial

    def _continues(self, item: _Pending, previous: Quote) -> bool:
        """Same paragraph, or a paragraph that opens with the quote right after the previous one."""
        para = item.para
        prev_para = self._paragraph_at(previous.start)
        if prev_para is None:
            return False
        if prev_para.index == para.index:
            return para.kind != "title"
        opens = not self.text[para.start: item.marked.start - 1].strip()
        return opens and para.index - prev_para.index == 1 and para.kind == "body" and prev_para.kind == "body"

    def _next_in_run(self, item: _Pending, quotes: list[Quote]) -> Optional[Quote]:
        """An unclosed quote runs into the next paragraph: the speaker named there is its speaker."""
        if item.marked.closed:
            return None
        after = [q for q in quotes if q.kind == "direct" and q.start > item.quote.end and q.speaker is not None]
        if not after:
            return None
        nxt = self._paragraph_at(after[0].start)
        if nxt is None or nxt.index != item.para.index + 1:
            return None
        opens = not self.text[nxt.start: after[0].start - 1].strip()
        return after[0] if opens else None

    def _whole_paragraph(self, item: _Pending) -> bool:
        """A heading that is only a quotation (no sentence end, as headings are written)."""
        outside = self.text[item.para.start: item.marked.start] + self.text[item.marked.end: item.para.end]
        if re.sub(r"[\W_]", "", outside) or item.words < 3 or item.para.kind == "title":
            return False
        return item.para.kind == "heading" or (
            item.words <= HEADING_MAX_WORDS and not item.quote.text.rstrip("’”\"' ").endswith((".", "!", "?")))

    # nested ------------------------------------------------------------

    def inner_quotes(self, quotes: list[Quote]) -> list[Quote]:
        """Words a quoted speaker quotes in turn ("he told us, 'There is nothing to worry about.'"), each
        with the speaker of that inner reporting verb."""
        out = []
        for outer in (q for q in quotes if q.kind == "direct"):
            for inner in _single_quoted(self.text, outer.start, outer.end):
                verb = self._inner_frame(outer, inner)
                if verb is None:
                    continue
                start, end = trim(self.text, inner.start, inner.end)
                if len(_WORD.findall(self.text[start:end])) < 3:
                    continue
                quote = Quote(id="", text=self.text[start:end], kind="direct", speaker=None, source=self.source.id,
                              start=start, end=end, cue=verb.text)
                subject = subject_of(verb, passive=False)
                if subject is not None:
                    quote.speaker_text = self.text[slice(*noun_phrase(subject))]
                    actor = self._inner_speaker(subject, outer)
                    quote.speaker = actor.id if actor is not None else None
                out.append(quote)
        return out

    def _inner_frame(self, outer: Quote, inner: _Marked) -> Optional[Token]:
        """The reporting verb that introduces a quote inside a quote: "he told us, '", "He said: '"."""
        span = self.doc.char_span(outer.start, inner.start - 1, alignment_mode="expand")
        if span is None:
            return None
        verbs = [t for t in span if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING and t.idx < inner.start - 1]
        if not verbs:
            return None
        verb = verbs[-1]
        between = self.text[verb.idx + len(verb): inner.start - 1].strip()
        return verb if between[-1:] in (",", ":") and len(_WORD.findall(between)) <= 4 else None

    def _inner_speaker(self, subject: Token, outer: Quote) -> Optional[Actor]:
        """He/she: the person last named inside the outer quote, else as usual; they: the organisation
        named last in the sentence before; a name: that actor."""
        if subject.lower_ in PRONOUNS:
            inside = [a for s, _, a in self.mentions if outer.start <= s < subject.idx and a.kind == "person"]
            return inside[-1] if inside else self._pronoun(subject)
        if subject.lower_ == "they":
            return self._they(outer)
        named = actor_at(self.actors, subject.idx, subject.idx + len(subject))
        return named if named is not None and _covers(named, subject) else None

    def nest(self, quotes: list[Quote]) -> None:
        """Give a quoted fragment inside reported speech its real speaker.

        "Russia's announcement of a 'humanitarian pause'": the term is the announcer's. "X said the ministry
        was extending the pause 'to avoid senseless victims'": words quoted inside X's reported clause, and
        not governed by a reporting verb of their own (or by one whose subject is no actor), are X's.
        """
        indirect = [q for q in quotes if q.kind == "indirect" and q.speaker is not None]
        for quote in quotes:
            if quote.kind != "direct" or not quote.partial:
                continue
            owner = self._deed_owner(quote)
            if owner is not None:
                quote.speaker, quote.speaker_text, quote.speaker_role = owner
                continue
            outer = next((q for q in indirect if q.start <= quote.start and quote.end <= q.end), None)
            if outer is not None and outer.speaker != quote.speaker \
                    and (quote.speaker is None or not self._cue_governs(quote)):
                quote.speaker, quote.speaker_text, quote.speaker_role = outer.speaker, outer.speaker_text, ""
                quote.cue = outer.cue

    def _they(self, outer: Quote) -> Optional[Actor]:
        """"They" in a quote: the body named last before it in its paragraph, unless a plural subject
        ("strikers had blocked the doors") comes between."""
        para = self._paragraph_at(outer.start)
        if para is None:
            return None
        bodies = [(e, a) for s, e, a in self.mentions if para.start <= s < outer.start - 1
                  and a.kind in ("organization", "group") and not self._inside_marks(s)]
        if not bodies:
            return None
        end, body = bodies[-1]
        between = self.doc.char_span(end, outer.start - 1, alignment_mode="contract")
        if between is not None and any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") for t in between):
            return None
        return body

    def _deed_owner(self, quote: Quote) -> Optional[tuple[str, str, str]]:
        """(speaker, text, role) of the owner of the deed a quoted term names: "Russia's announcement of a '…'"."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.head.lemma_.lower() not in DEED_NOUNS:
            return None
        owner = next((c for c in token.head.head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        actor = actor_at(self.actors, owner.idx, owner.idx + len(owner))
        if actor is None or not _covers(actor, owner):
            return None
        return actor.id, owner.text, ""

    def _cue_governs(self, quote: Quote) -> bool:
        """Whether the quote's own reporting verb (in its sentence) governs its words."""
        sent = self._sentence_at(quote.start)
        verbs = [t for t in sent if t.text == quote.cue] if sent is not None else []
        return any(governs(v, quote.start, self.doc) for v in verbs)

    # indirect ----------------------------------------------------------

    def indirect_quotes(self, direct: list[Quote]) -> list[Quote]:
        quotes: list[Quote] = []
        for sent in self.doc.sents:
            para = self._paragraph_at(sent.start_char)
            if para is None or para.kind == "title":
                continue  # headlines summarise; their speech is in the body
            for quote in self._indirect_in(sent):
                if self._clashes(quote, quotes):
                    continue
                quotes.append(quote)
                if quote.speaker is not None:
                    self._remember(quote)
        return quotes

    def _clashes(self, quote: Quote, taken: list[Quote]) -> bool:
        """Overlaps an earlier indirect quote, or cuts across quotation marks (a quote it does not contain)."""
        if any(q.start < quote.end and quote.start < q.end for q in taken):
            return True
        inside = [m for m in self.marked if m.start - 1 < quote.end and quote.start < m.end + 1]
        if any(not (quote.start <= m.start - 1 and m.end <= quote.end) or m.start - 1 == quote.start for m in inside):
            return True  # cuts across a quote, or is one: "warned that “…”"
        quoted = sum(len(_WORD.findall(self.text[m.start:m.end])) for m in inside)
        return len(_WORD.findall(quote.text)) - quoted <= 1  # 'it "welcomes the plan"': the direct quote

    def _indirect_in(self, sent: Span) -> list[Quote]:
        quotes = []
        for token in sent:
            lemma = token.lemma_.lower()
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                quote = self._according_to(sent, token)
            elif token.pos_ != "VERB":
                continue
            elif lemma in INDIRECT:
                quote = self._complement(token)
            elif lemma == "accuse":
                quote = self._accusation(token)
            elif lemma in REQUESTING or lemma == "call":
                quote = self._request(token)
            else:
                continue
            if quote:
                quotes.append(quote)
        return quotes

    def _complement(self, verb: Token) -> Optional[Quote]:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) or _statement_clause(verb)
        if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return None
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
            return None  # "declined to say whether …": a question, not a statement
        start, end = self._clause_bounds(clause, verb)
        return self._indirect(verb, start, end, min_words=3)

    def _accusation(self, verb: Token) -> Optional[Quote]:
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        heads = [target, *target.conjuncts] if target is not None else []
        near = [*verb.children, *(c for h in heads for c in h.children)]
        of = next((c for c in near if c.dep_ == "prep" and c.lower_ == "of"), None)
        if target is None or of is None:
            return None
        tokens = list(target.subtree) + list(of.subtree)
        return self._indirect(verb, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens), min_words=3)

    def _request(self, verb: Token) -> Optional[Quote]:
        """ "urged X to …", "called on X to …": the addressee and what they were asked to do."""
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if verb.lemma_.lower() == "call":
            on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
            target = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        action = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if action is None and target is not None:
            action = next((c for c in target.children if c.dep_ in ("xcomp", "acl", "relcl")), None)
        if target is None or action is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in action.children):
            return None
        tokens = list(target.subtree) + list(action.subtree)
        return self._indirect(verb, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens), min_words=4)

    def _indirect(self, verb: Token, start: int, end: int, min_words: int) -> Optional[Quote]:
        start, end = trim_span(self.text, start, end)
        end = self._close_mark(start, end)
        if len(_WORD.findall(self.text[start:end])) < min_words:
            return None
        quote = Quote(id="", text=self.text[start:end], kind="indirect", speaker=None, source=self.source.id,
                      start=start, end=end, cue=verb.text)
        subject = subject_of(verb)
        if subject is not None:
            self._set_speaker(quote, subject)
        else:
            self._speaker_near(quote, verb)
        return quote if quote.speaker or quote.speaker_text else None

    def _according_to(self, sent: Span, according: Token) -> Optional[Quote]:
        """ "According to X, <clause>." or "<clause>, according to X." """
        phrase_start = according.idx
        begin = max(sent.start_char, self._dateline_at(sent.start_char))
        if len(_WORD.findall(self.text[begin:phrase_start])) >= 3:  # "<clause>, according to X."
            start, end, phrase_end = begin, phrase_start, sent.end_char
        else:  # "According to X, <clause>."
            phrase_end = self.text.find(",", phrase_start, sent.end_char)
            if phrase_end < 0:
                return None
            start, end = phrase_end, sent.end_char
        start, end = trim_span(self.text, start, end)
        if len(_WORD.findall(self.text[start:end])) < 4 or self._reports_speech(start, end):
            return None
        who_start, who_end = trim_span(self.text, phrase_start + len("according to"), phrase_end)
        quote = Quote(id="", text=self.text[start:end], kind="indirect", speaker=None, source=self.source.id,
                      start=start, end=end, cue="according to", speaker_text=self.text[who_start:who_end])
        actor = self._according_actor(who_start, who_end)
        quote.speaker = actor.id if actor else None
        return quote if quote.speaker or quote.speaker_text else None

    def _close_mark(self, start: int, end: int) -> int:
        """Take in the rest of a quotation the clause ends in: 'were "irresponsible speculation [that] …"'."""
        for m in self.marked:
            if start < m.start <= end <= m.end and m.closed and m.end < len(self.text):
                return m.end + 1
        return end

    def _reports_speech(self, start: int, end: int) -> bool:
        """Whether a stretch has its own reporting verb ("X warned that …, according to a transcript")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        marks = any(start <= m.start <= end for m in self.marked)
        return any(t.lemma_.lower() in REPORTING and t.pos_ == "VERB" and not self._inside_marks(t.idx)
                   and (marks or any(c.dep_ == "ccomp" for c in t.children)) for t in span)

    def _according_actor(self, start: int, end: int) -> Optional[Actor]:
        if end <= start:
            return None
        persons = [a for s, e, a in self.mentions if start <= s and e <= end and a.kind == "person"]
        actor = persons[0] if persons else actor_at(self.actors, start, end)
        if actor is not None:
            return actor
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return self._org_by_head(list(span), start) if span is not None else None

    def _clause_bounds(self, clause: Token, verb: Token) -> tuple[int, int]:
        cut = [c for c in clause.rights if c.dep_ == "advcl" and c.tag_ == "VBG"
               and c.i > 0 and self.doc[c.i - 1].text == ","]  # ", indicating that …" is the writer's
        dropped = {t.i for c in cut for t in c.subtree}
        tokens = [t for t in clause.subtree if t.i not in dropped
                  and not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == clause.i)]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        if start < verb.idx < end:  # "…, he said, …" inside the clause: keep the part before
            end = verb.idx
        return max(start, self._dateline_at(start)), end

    # speakers ----------------------------------------------------------

    def _set_speaker(self, quote: Quote, subject: Token) -> None:
        """Resolve the subject of a reporting verb to an actor (names, pronouns, roles)."""
        if self._in_dateline(subject.idx):
            subject = self._after_dateline(subject)
            if subject is None:
                quote.speaker, quote.speaker_text = None, ""
                return
        subject = antecedent(subject)
        start, end = noun_phrase(subject)
        quote.speaker_text = self.text[start:end]
        actor, role = self._speaker_for(subject, start, end)
        quote.speaker = actor.id if actor else None
        quote.speaker_role = role

    def _speaker_for(self, subject: Token, start: int, end: int) -> tuple[Optional[Actor], str]:
        if subject.lower_ in PRONOUNS:
            return self._pronoun(subject), ""
        if subject.lower_ == "it":
            return self._recent_speaker(subject.idx, persons=False, within=2), ""
        named = actor_at(self.actors, subject.idx, subject.idx + len(subject))
        if named is not None and _covers(named, subject):
            return named, ""
        tokens = phrase_tokens(subject)
        if subject.pos_ == "NOUN":  # "Burhan's rival, RSF commander Dagalo": not Burhan
            owned = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
            person = self._actor_among([t for t in tokens if t.i not in owned], persons=True)
        else:
            person = self._actor_among(tokens, persons=True)
        if person is not None:
            return person, ""
        state = self._state_of_officials(subject)
        if state is not None:
            return state, strip_det(self.text[start:end])
        common = subject.pos_ == "NOUN" or (subject.text.islower() and role_key(subject.lemma_) in _ROLE_KEYS)
        if not common:
            return actor_at(self.actors, start, end), ""
        org = self._actor_among(tokens, persons=False) or self._org_by_head(
            [t for t in tokens if t.i != subject.i], subject.idx)
        if role_key(subject.lemma_) in _ROLE_KEYS:
            return self._role_speaker(subject, org, start, end)
        return org or self._org_by_head([subject], subject.idx), ""

    def _state_of_officials(self, subject: Token) -> Optional[Actor]:
        """ "Ostrelian officials said": the state whose demonym they bear, when the article names it."""
        if subject.lower_ not in OFFICIAL_NOUNS:
            return None
        for child in subject.children:
            country = demonym_country(self.doc, child) if child.dep_ in ("amod", "compound") else None
            if country is None:
                continue
            states = [a for a in self.actors if a.kind == "state" and country in (a.name, *a.aliases)]
            if len(states) == 1:
                return states[0]
        return None

    def _role_speaker(self, subject: Token, org: Optional[Actor], start: int, end: int
                      ) -> tuple[Optional[Actor], str]:
        """ "the spokesman", "a Kremlin spokesman", "the interior minister"."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)
        if not indefinite:
            person = self._by_role(role_key(subject.lemma_), subject.idx, org)
            if person is not None:
                return person, ""
        if org is not None:
            return org, strip_det(self.text[start:end])
        if is_definite(subject):
            earlier = self._unnamed_before(subject)
            if earlier is not None:
                return earlier  # "A spokesman for the RSF … The spokesman said": the RSF, not the last speaker
            return self._recent_speaker(subject.idx, persons=True), ""
        return None, ""

    def _unnamed_before(self, subject: Token) -> Optional[tuple[Optional[Actor], str]]:
        """(organisation or None, role) of an unnamed "a spokesman for X" that "the spokesman" takes up,
        within the two paragraphs before."""
        here = self._paragraph_at(subject.idx)
        role = role_key(subject.lemma_)
        for token in reversed(self.doc[: subject.i]):
            there = self._paragraph_at(token.idx)
            if here is None or there is None or here.index - there.index > 2:
                return None
            if role_key(token.lemma_) != role or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                           for c in token.children):
                continue
            tokens = [t for t in phrase_tokens(token) if t.i != token.i]
            org = self._actor_among(tokens, persons=False) or self._org_by_head(tokens, token.idx)
            start, end = noun_phrase(token)
            if self._actor_among(phrase_tokens(token), persons=True) is not None:
                return None  # "a spokesman, Ivo Stan": a named one
            return org, strip_det(self.text[start:end])
        return None

    def _speaker_near(self, quote: Quote, verb: Token) -> bool:
        """When the parse gives the verb no subject: the actor named last before it in its sentence."""
        sent = verb.sent
        floor = max(sent.start_char, self._dateline_at(sent.start_char))
        named = [
            (start, end, actor) for start, end, actor in self.mentions
            if floor <= start and end <= verb.idx and not self._inside_marks(start) and _heads_a_phrase(self.doc, end)
        ]
        if not named:
            return False
        start, end, actor = max(named, key=lambda n: (n[2].kind == "person", n[0]))
        quote.speaker, quote.speaker_text = actor.id, self.text[start:end]
        return True

    def _actor_among(self, tokens: list[Token], persons: bool) -> Optional[Actor]:
        """A person (or else an organisation) named inside the subject phrase ("a spokesman for X, Y")."""
        if not tokens:
            return None
        starts = {t.idx for t in tokens}
        end = tokens[-1].idx + len(tokens[-1])
        found = [a for s, e, a in self.mentions if s in starts and e <= end and (a.kind == "person") == persons]
        return found[0] if found else None

    def _org_by_head(self, tokens: list[Token], offset: int) -> Optional[Actor]:
        """ "the ministry", "a union spokesman": the organisation last named whose name ends in that noun."""
        heads = {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"}
        best = None
        for start, _, actor in self.mentions:
            if start >= offset and best is not None:
                break
            words = actor.name.lower().replace("’", "'").split()
            if actor.kind != "person" and words and words[-1].strip(".,") in heads:
                best = actor
        return best

    def _by_role(self, role: str, offset: int, org: Optional[Actor]) -> Optional[Actor]:
        """The person given that role (by description, role or the words beside a mention), named last."""
        best, best_at, first_after = None, -1, None
        for start, end, actor in self.mentions:
            if actor.kind != "person" or not self._holds_role(actor, role, start, end, org, offset):
                continue
            if start < offset and start > best_at:
                best, best_at = actor, start
            elif start >= offset and first_after is None:
                first_after = actor
        if best is None and self._paragraph_kind(offset) in ("title", "heading"):
            return first_after
        return best

    def _by_role_words(self, words: str, offset: int) -> Optional[Actor]:
        """A headline's "Mayor:" names the person holding that role in the article."""
        for word in reversed(words.split()):
            if role_key(word) in _ROLE_KEYS:
                return self._by_role(role_key(word), offset, None)
        return None

    def _holds_role(self, actor: Actor, role: str, start: int, end: int, org: Optional[Actor], offset: int
                    ) -> bool:
        if role not in self._titles(actor):
            sent = self._sentence_at(start)
            if sent is None or sent.start_char <= offset < sent.end_char:
                return False
            if role not in self._roles_near(start, end, sent):
                return False
        if org is None:
            return True
        orgs = " ".join([actor.description, *(r.org_name or "" for r in actor.roles)]).lower()
        return any(r.org == org.id for r in actor.roles) or org.name.lower() in orgs

    def _titles(self, actor: Actor) -> frozenset[str]:
        """Role words of an actor's description and roles (cached)."""
        if actor.id not in self._title_cache:
            titles = [actor.description, *(r.title for r in actor.roles)]
            self._title_cache[actor.id] = frozenset(role_key(w) for t in titles if t for w in re.findall(r"\w+", t))
        return self._title_cache[actor.id]

    def _roles_near(self, start: int, end: int, sent: Span) -> frozenset[str]:
        """Role words within a few words of a mention, in its sentence ("a spokeswoman for X, Y")."""
        if start not in self._near_cache:
            near = self.text[max(sent.start_char, start - 50): min(sent.end_char, end + 50)]
            self._near_cache[start] = frozenset(role_key(w) for w in re.findall(r"\w+", near))
        return self._near_cache[start]

    def _pronoun(self, pronoun: Token) -> Optional[Actor]:
        """He/she: the person last named as a subject (or last speaker) whose gender does not clash."""
        gender = PRONOUNS[pronoun.lower_]
        fallback = None
        for start, end, actor in reversed(self.mentions):
            if start >= pronoun.idx or actor.kind != "person" or self._inside_marks(start):
                continue
            if self.gender.get(actor.id, gender) != gender:
                continue
            fallback = fallback or actor
            token = token_at(self.doc, end - 1)
            if token is not None and is_subject(token) or self._spoke_at(actor, start):
                self.gender[actor.id] = gender
                return actor
        if fallback is not None:
            self.gender[fallback.id] = gender
        return fallback

    def _spoke_at(self, actor: Actor, offset: int) -> bool:
        return any(a.id == actor.id and abs(at - offset) < 400 for at, a in self.spoken)

    def _recent_speaker(self, offset: int, persons: bool, within: int = 0) -> Optional[Actor]:
        """The last speaker quoted before ``offset`` (a person when ``persons``), ``within`` paragraphs if set."""
        before = [(at, a) for at, a in self.spoken if at < offset and (a.kind == "person") == persons]
        if not before:
            return None
        at, actor = max(before, key=lambda x: x[0])
        if within:
            here, there = self._paragraph_at(offset), self._paragraph_at(at)
            if here is None or there is None or here.index - there.index > within:
                return None
        return actor

    def _after_dateline(self, subject: Token) -> Optional[Token]:
        """The parse took the dateline for the subject: the first noun phrase after it is."""
        para = self._paragraph_at(subject.idx)
        begin = self.datelines.get(para.index, 0) if para is not None else 0
        for chunk in subject.sent.noun_chunks:
            root = chunk.root
            if root.idx >= begin:
                return root if root.dep_ in ("nsubj", "nsubjpass", "appos", "ROOT") else None
        return None

    def _remember(self, quote: Quote) -> None:
        actor = next((a for a in self.actors if a.id == quote.speaker), None)
        if actor is not None:
            self.spoken.append((quote.start, actor))

    def _known_genders(self) -> dict[str, str]:
        """Genders the text states: "Ms. Meyer", "spokeswoman Irina Volk"."""
        genders: dict[str, str] = {}
        for start, _, actor in self.mentions:
            if actor.kind != "person":
                continue
            words = re.findall(r"\w+", " ".join([actor.description, *(r.title for r in actor.roles)]).lower())
            words += re.findall(r"\w+", self.text[max(0, start - 25): start].lower())[-2:]
            if any(w in FEMININE for w in words):
                genders.setdefault(actor.id, "f")
            elif any(w in MASCULINE for w in words):
                genders.setdefault(actor.id, "m")
        return genders

    # helpers -----------------------------------------------------------

    def _sentence_at(self, offset: int) -> Optional[Span]:
        if offset not in self._sentences:
            token = token_at(self.doc, offset)
            self._sentences[offset] = token.sent if token is not None else None
        return self._sentences[offset]

    def _paragraph_at(self, offset: int) -> Optional[Paragraph]:
        """``Source.paragraph_at`` by bisection (paragraphs are in text order)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.source.paragraphs[i].start <= offset < self.source.paragraphs[i].end:
            return self.source.paragraphs[i]
        return None

    def _inside_marks(self, offset: int) -> bool:
        return any(m.start <= offset < m.end for m in self.marked)

    def _dateline_at(self, offset: int) -> int:
        para = self._paragraph_at(offset)
        return self.datelines.get(para.index, 0) if para is not None else 0

    def _in_dateline(self, offset: int) -> bool:
        para = self._paragraph_at(offset)
        return para is not None and offset < self.datelines.get(para.index, para.start)

    def _paragraph_kind(self, offset: int) -> str:
        para = self._paragraph_at(offset)
        return para.kind if para is not None else ""


_ROLE_KEYS = frozenset(role_key(w) for w in PERSON_ROLES)


def _statement_clause(verb: Token) -> Optional[Token]:
    """ "said in a statement that …": the that-clause the parser hung on the noun."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in noun.children:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    return clause
    return None


def _heads_a_phrase(doc: Doc, end: int) -> bool:
    """A name that is not a modifier inside another noun phrase ("the Assad regime")."""
    token = token_at(doc, end - 1)
    return token is not None and token.dep_ not in ("compound", "poss", "amod", "nmod", "pobj")


def _covers(actor: Actor, token: Token) -> bool:
    return any(m.start <= token.idx and token.idx + len(token) <= m.end for m in actor.mentions)
