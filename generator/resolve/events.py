"""Cluster event mentions, within and across articles, into events.

Two mentions may join when their types are compatible, their dates do
not disagree (two known different days never merge; an unknown date must
fall in the other's article-date window, widened back by a duration it
gives), and they share enough: trigger words or kindred ones (truce /
ceasefire), place, actors, figures. Across articles, a type in common
counts only with a word or a known day in common; a state "since" a day
is not an hours-long pause; statements need a speaker and a day in
common, meetings and visits a person or a day. Each joined mention records why
(``linked_by``). Clustering is greedy and deterministic.
"""
from __future__ import annotations

import multiprocessing
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Optional

from generator.extract.dates import date_window, days_apart, named_weekday, parse_iso
from generator.model import Event, EventMention, Source

# Types that can name the same happening.
TYPE_GROUPS = [
    {"ceasefire"},
    {"attack", "military"},
    {"meeting", "agreement"},
    {"announcement", "statement", "interview"},
]
WINDOW_DAYS = 7  # an undated mention may belong to an event this close to its article date
MERGE_SCORE = 3.0
STOPWORDS = {"the", "a", "an", "of", "in", "on", "to", "and", "for", "by", "with", "at", "from", "that",
             "was", "were", "is", "are", "has", "have", "had", "be", "been", "it", "its", "as", "said",
             "this", "which", "who", "but", "not", "their", "they", "he", "she", "his", "her", "will"}
TRIGGER_NOUNS = {
    "bomb": "Bombing", "bombard": "Bombardment", "attack": "Attack", "strike": "Strike", "kill": "Killings",
    "shoot": "Shooting", "shell": "Shelling", "raid": "Raid", "meet": "Meeting", "agree": "Agreement",
    "sign": "Signing", "announce": "Announcement", "declare": "Declaration", "arrest": "Arrests",
    "detain": "Detentions", "evacuate": "Evacuation", "vote": "Vote", "protest": "Protest", "crash": "Crash",
    "resign": "Resignation", "deploy": "Deployment", "invade": "Invasion", "capture": "Capture",
    "seize": "Seizure", "withdraw": "Withdrawal", "halt": "Halt", "suspend": "Suspension",
    "release": "Release", "free": "Release", "elect": "Election", "negotiate": "Negotiations",
    "visit": "Visit", "flee": "Flight", "kidnap": "Kidnapping", "abduct": "Abduction", "march": "March",
    "demonstrate": "Demonstration", "collide": "Collision", "derail": "Derailment", "sink": "Sinking",
    "capsize": "Capsizing", "explode": "Explosion", "wound": "Attack", "injure": "Attack",
    "ambush": "Ambush", "jail": "Jailing", "imprison": "Imprisonment", "clash": "Clashes",
    "advance": "Advance", "retreat": "Retreat", "storm": "Storming", "rally": "Rally", "riot": "Riots",
    "boycott": "Boycott", "proclaim": "Proclamation", "unveil": "Announcement", "ratify": "Ratification",
    "convene": "Meeting", "recapture": "Recapture", "besiege": "Siege", "target": "Attack",
    "massacre": "Massacre", "investigate": "Investigation", "probe": "Investigation",
    "deny": "Denial", "reject": "Denial", "dismiss": "Denial", "refute": "Denial", "rebut": "Denial",
    "inspect": "Inspection", "recount": "Recount", "sue": "Lawsuit",
    "charge": "Charges", "indict": "Indictment", "convict": "Conviction", "sentence": "Sentencing",
    "acquit": "Acquittal", "prosecute": "Prosecution",
}
TYPE_TITLES = {
    "announcement": "Announcement", "ceasefire": "Ceasefire", "attack": "Attack", "meeting": "Meeting",
    "statement": "Statement", "interview": "Interview", "agreement": "Agreement", "vote": "Vote",
    "accident": "Accident", "arrest": "Arrest", "evacuation": "Evacuation", "military": "Military operation",
    "protest": "Protest", "election": "Election", "inquiry": "Inquiry", "legal": "Legal proceedings",
    "other": "Event",
}


def resolve_events(mentions: list[EventMention], sources: list[Source], jobs: int = 1) -> list[Event]:
    """Events from mentions: one event per cluster, sorted by (date or "9999", id).

    Mentions meet only mentions of their type group (`_keys`), so each group is clustered
    on its own: in ``jobs`` forked processes for a large corpus, with the same result.
    """
    dates = _Dates(sources)
    leads = _leads(mentions, dates.by_source)
    ordered = sorted(mentions, key=lambda m: (m.date is None, m.date or "", m.source, m.start, m.end))
    groups: dict[object, list[int]] = {}
    for position, mention in enumerate(ordered):
        groups.setdefault(_group(mention), []).append(position)
    parts = list(groups.values())
    if jobs >= 2 and len(parts) >= 2 and len(ordered) >= PARALLEL_MENTIONS:
        clustered = _in_processes(ordered, dates, leads, parts, jobs)
    else:
        clustered = [_cluster_group(ordered, dates, leads, part) for part in parts]
    ranked = sorted((rank, members) for part in clustered for rank, members in part)
    events = [_event([ordered[p] for p in members]) for _, members in ranked]
    _assign_ids(events)
    events.sort(key=lambda e: (e.date or "9999", e.id))
    return events


PARALLEL_MENTIONS = 5_000  # below this, forking costs more than clustering takes
_forked: list = []  # [ordered mentions, dates, leads] for forked workers


def _group(mention: EventMention) -> object:
    """The mention's type group: its index in TYPE_GROUPS, or its own type."""
    return next((i for i, g in enumerate(TYPE_GROUPS) if mention.type in g), mention.type)


def _cluster_group(ordered: list[EventMention], dates: "_Dates", leads: dict[tuple[str, int], str],
                   positions: list[int]) -> list[tuple[int, list[int]]]:
    """Cluster one type group's mentions (positions in ``ordered``, in order): each cluster as
    (the position of the mention that opened it, its members' positions). Sets ``linked_by``."""
    at_position = {id(ordered[p]): p for p in positions}
    clusters: list[list[EventMention]] = []
    index: dict[tuple, set[int]] = {}  # blocking keys → clusters that hold them
    hulls: list[Optional[tuple[int, int]]] = []  # first and last day any dated member of a cluster may be on
    for position in positions:
        mention = ordered[position]
        span = dates.span(mention)
        keys = _keys(mention)
        candidates = _agreeing(set().union(*(index.get(k, set()) for k in keys)), span, hulls)
        best = _best_cluster(mention, [clusters[i] for i in candidates], dates, leads)
        if best is None:
            at = len(clusters)
            mention.linked_by = []
            clusters.append([mention])
            hulls.append(None)
        else:
            at, partner = candidates[best[0]], best[1]
            mention.linked_by = link_reasons(mention, partner, leads)
            clusters[at].append(mention)
        hulls[at] = _widen(hulls[at], span)
        for key in keys:
            index.setdefault(key, set()).add(at)
    opened = [at_position[id(cluster[0])] for cluster in clusters]
    joined = _join_open_stories(clusters, dates, leads)
    return [(opened[at], [at_position[id(m)] for m in cluster]) for at, cluster in joined]


def _in_processes(ordered: list[EventMention], dates: "_Dates", leads: dict[tuple[str, int], str],
                  parts: list[list[int]], jobs: int) -> list[list[tuple[int, list[int]]]]:
    """`_cluster_group` for every group in forked workers, biggest first; their ``linked_by`` copied back."""
    _forked[:] = [ordered, dates, leads]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            biggest_first = sorted(range(len(parts)), key=lambda i: -len(parts[i]))
            pending = {i: pool.apply_async(_forked_group, (parts[i],)) for i in biggest_first}
            results = [pending[i].get() for i in range(len(parts))]
    finally:
        _forked.clear()
    for _, links in results:
        for position, linked_by in links.items():
            ordered[position].linked_by = linked_by
    return [clusters for clusters, _ in results]


def _forked_group(positions: list[int]) -> tuple[list[tuple[int, list[int]]], dict[int, list[str]]]:
    ordered, dates, leads = _forked
    clusters = _cluster_group(ordered, dates, leads, positions)
    return clusters, {p: ordered[p].linked_by for p in positions}


class _Dates:
    """Article dates, and the days each mention may be about (worked out once per mention)."""

    def __init__(self, sources: list[Source]) -> None:
        self.by_source = {s.id: s.date for s in sources}
        self._windows: dict[int, Optional[tuple[str, str]]] = {}
        self._spans: dict[int, Optional[tuple[int, int]]] = {}

    def window(self, mention: EventMention) -> Optional[tuple[str, str]]:
        key = id(mention)
        if key not in self._windows:
            self._windows[key] = _window(mention, self.by_source.get(mention.source))
        return self._windows[key]

    def span(self, mention: EventMention) -> Optional[tuple[int, int]]:
        """The window as day numbers."""
        key = id(mention)
        if key not in self._spans:
            window = self.window(mention)
            days = window and (parse_iso(window[0]), parse_iso(window[1]))
            self._spans[key] = (days[0].toordinal(), days[1].toordinal()) if days and all(days) else None
        return self._spans[key]


def _agreeing(clusters: set[int], span: Optional[tuple[int, int]], hulls: list) -> list[int]:
    """The clusters (sorted) whose dated members may agree with the mention's days (``_dates_agree``): a quick no.

    A cluster is out when its hull (first and last day of its dated members) is more than
    DISPUTED_DAYS away from the span; one with no dated member, or a mention with no days, stays in.
    """
    if span is None:
        return sorted(clusters)
    low, high = span[0] - DISPUTED_DAYS, span[1] + DISPUTED_DAYS
    return sorted(i for i in clusters if (hull := hulls[i]) is None or (low <= hull[1] and hull[0] <= high))


def _widen(hull: Optional[tuple[int, int]], span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    if span is None:
        return hull
    return span if hull is None else (min(hull[0], span[0]), max(hull[1], span[1]))


def _keys(mention: EventMention) -> set[tuple]:
    """Blocking keys: a mention is only compared with clusters sharing its type group and one of these."""
    group = _group(mention)
    keys = {(group, "trigger", stem) for stem in _stems(mention.trigger)}
    keys.add((group, "source", mention.source))
    if mention.place:
        keys.add((group, "place", _norm(mention.place)))
    if mention.date:
        keys.add((group, "date", mention.date))
    return keys


def _leads(mentions: list[EventMention], dates: dict) -> dict[tuple[str, int], str]:
    """The first two event mentions of each dated article (what its story is about), with the article's date."""
    by_source: dict[str, list[int]] = {}
    for m in mentions:
        by_source.setdefault(m.source, []).append(m.start)
    return {(source, start): dates[source] for source, starts in by_source.items() if dates.get(source)
            for start in sorted(starts)[:LEAD_MENTIONS]}


LEAD_MENTIONS = 2
LEAD_BONUS = 2.0


def _best_cluster(mention: EventMention, clusters: list[list[EventMention]], dates: _Dates,
                  leads: dict[tuple[str, int], str] | None = None) -> Optional[tuple[int, EventMention]]:
    """The compatible cluster most like the mention, with its member most like it; None below MERGE_SCORE."""
    best, best_score = None, 0.0
    for at, cluster in enumerate(clusters):
        if _other_day(mention, cluster) or not all(_compatible(mention, other, dates) for other in cluster):
            continue
        partner_score, partner = max(((_likeness(mention, other, leads), other) for other in cluster),
                                     key=lambda scored: scored[0])
        if partner_score >= MERGE_SCORE and partner_score > best_score:
            best, best_score = (at, partner), partner_score
    return best


def _join_open_stories(clusters: list[list[EventMention]], dates: _Dates,
                       leads: dict[tuple[str, int], str]) -> list[tuple[int, list[EventMention]]]:
    """Join two clusters that an account in one links to an account in the other.

    The greedy pass puts each mention in its best cluster: an article's "campaign on the city" joins
    its own story before it can meet another article's "strikes in the city". Here any such link as
    strong as a merge (``MERGE_SCORE``), within one article or between accounts of one place, joins the
    two clusters when every pair across them is compatible.
    Only open-ended clusters: no member names a day or a duration under a week. A dated or timed happening is
    bounded, and the first pass had its days and hours to go on.
    """
    open_ended = [at for at, cluster in enumerate(clusters) if not any(_bounded(m) for m in cluster)]
    open_index: dict[tuple, set[int]] = {}
    for at in open_ended:
        for key in set().union(*(_join_keys(m) for m in clusters[at])):
            open_index.setdefault(key, set()).add(at)
    root = {at: at for at in open_ended}

    def find(at: int) -> int:
        while root[at] != at:
            root[at] = root[root[at]]
            at = root[at]
        return at

    members = {at: list(cluster) for at, cluster in enumerate(clusters)}
    for at in open_ended:
        for mention in clusters[at]:
            for other in sorted(set().union(*(open_index.get(k, set()) for k in _join_keys(mention)))):
                mine, theirs = find(at), find(other)
                if mine == theirs:
                    continue
                partner = _strongest_link(mention, members[theirs], leads)
                if partner is not None and all(_compatible(a, b, dates) for a in members[mine] for b in members[theirs]):
                    founder = next(m for m in members[theirs] if not m.linked_by)
                    founder.linked_by = link_reasons(partner, mention, leads)
                    root[theirs] = mine
                    members[mine] += members.pop(theirs)
    return [(at, members[at]) for at in sorted(members)]  # each by the index of the cluster it grew from


def _join_keys(mention: EventMention) -> set[tuple]:
    """Where a late join may look: the mention's own article, and accounts of its place."""
    return {k for k in _keys(mention) if k[1] in ("source", "place")}


def _bounded(mention: EventMention) -> bool:
    """Whether the mention names a day or a short exact duration (hours or days, not "a five-year war")."""
    return bool(mention.date or mention.date_text) or any(
        f.kind == "duration" and not f.hedge and f.value < ONGOING_HOURS for f in mention.figures)


def _strongest_link(mention: EventMention, cluster: list[EventMention],
                    leads: dict[tuple[str, int], str]) -> Optional[EventMention]:
    """The member of ``cluster`` in the mention's article or place most like it, if as like as a merge asks."""
    near = [m for m in cluster if m.source == mention.source or _same_place(m, mention)]
    score, best = max(((_likeness(mention, other, leads), other) for other in near),
                      key=lambda scored: scored[0], default=(0.0, None))
    return best if best is not None and score >= MERGE_SCORE else None


def _likeness(a: EventMention, b: EventMention, leads: dict[tuple[str, int], str] | None) -> float:
    """How alike two accounts are: their similarity, and the bonus of two articles opening on them."""
    return _similarity(a, b) + _lead_bonus(a, b, leads)


def _other_day(mention: EventMention, cluster: list[EventMention]) -> bool:
    """A quick no: the mention and the cluster's first dated mention name two different single days."""
    if not mention.date or mention.date_end:
        return False
    dated = next((m for m in cluster if m.date), None)
    return dated is not None and not dated.date_end and _days_apart(dated.date, mention.date) > DISPUTED_DAYS


# --- compatibility and similarity ------------------------------------------------------------------


def compatible_types(a: str, b: str) -> bool:
    """Same type, or types that can name the same happening (pause / truce / ceasefire)."""
    return a == b or any(a in group and b in group for group in TYPE_GROUPS)


def _compatible(a: EventMention, b: EventMention, dates: _Dates) -> bool:
    if not compatible_types(a.type, b.type) or _durations_differ(a, b):
        return False
    if _campaign_and_day(a, b) or _campaign_and_day(b, a):
        return False
    if _since_and_hours(a, b) or _since_and_hours(b, a):
        return False
    if a.type in SPEAKER_TYPES and a.source != b.source and not _same_saying(a, b):
        return False
    return _dates_agree(a, b, dates)


SPEAKER_TYPES = {"statement", "interview"}


def _same_people_or_day(a: EventMention, b: EventMention) -> bool:
    """Two articles' visits or meetings are one only with someone or a known day in common: the mayor's
    visit to the wounded is not the president's visit expected later in the week."""
    return bool(set(a.actors) & set(b.actors)) or (bool(a.date) and a.date == b.date)


def _same_saying(a: EventMention, b: EventMention) -> bool:
    """Two articles' statements are one only with a speaker and a known day in common: one speaker
    makes many statements ("said in a statement"), and two speakers' denials are two."""
    return bool(set(a.actors) & set(b.actors)) and bool(a.date) and a.date == b.date


def _since_and_hours(a: EventMention, b: EventMention) -> bool:
    """ "They have halted air attacks since Oct. 18" is a state of days, not an eight-hour pause
    (unless both fall on one known day)."""
    since = bool(a.date_text) and _says_since(a.text, a.date_text)
    hours = [f.value for f in b.figures if f.kind == "duration" and not f.hedge]
    same_day = bool(a.date) and a.date == b.date
    return since and bool(hours) and max(hours) < 24 and not same_day


@lru_cache(maxsize=65536)
def _says_since(text: str, date_text: str) -> bool:
    return re.search(rf"\bsince\s+{re.escape(date_text)}", text, re.I) is not None


_ONGOING = re.compile(r"\b(?:weeks|months|years)[- ]long\b|\bongoing\b|\bcampaign\b", re.I)
_STARTED = re.compile(r"\b(?:began|begun|begins|started|starts|since|launched|erupted|broke out|first)\b", re.I)
ONGOING_HOURS = 7 * 24  # a week: "a six-week strike", not "two days after"


def _campaign_and_day(a: EventMention, b: EventMention) -> bool:
    """An undated weeks-long campaign is not one day's attack, unless that day is when it began."""
    if a.date or not b.date or b.date_end:
        return False
    ongoing = _matches(_ONGOING, a.text) or _longest_duration(a) >= ONGOING_HOURS
    return ongoing and not _matches(_STARTED, b.text)


@lru_cache(maxsize=65536)
def _matches(pattern: re.Pattern, text: str) -> bool:
    return pattern.search(text) is not None


def _dates_agree(a: EventMention, b: EventMention, dates: _Dates) -> bool:
    """Known days agree when equal, or (in different articles) close enough for one to have it wrong.

    Articles disagree about when things happened; that disagreement is a
    contradiction to report, not a second event. Mentions in one article,
    or days further apart than ``DISPUTED_DAYS``, stay apart.
    """
    if a.date and b.date:
        if a.date == b.date or _in_range(a.date, b) or _in_range(b.date, a):
            return True
        return a.source != b.source and _days_apart(a.date, b.date) <= DISPUTED_DAYS
    if (_weekday_clash(a, b) or _weekday_clash(b, a)) and not _corroborated(a, b):
        return False
    wa, wb = dates.window(a), dates.window(b)
    if wa is None or wb is None:
        return True  # nothing known on one side: let the words decide
    return wa[0] <= wb[1] and wb[0] <= wa[1]


DISPUTED_DAYS = 2


def _weekday_clash(a: EventMention, b: EventMention) -> bool:
    """An undated "on Wednesday" names another weekday than ``b``'s known day. Weak evidence (the
    weekday may be when it was announced), so a place, actor or figure in common overrules it."""
    if a.date or not a.date_text or not b.date or b.date_end:
        return False
    weekday, day = named_weekday(a.date_text), parse_iso(b.date)
    return weekday is not None and day is not None and day.weekday() != weekday


def _corroborated(a: EventMention, b: EventMention) -> bool:
    """Something besides words in common: a place, an actor or a figure."""
    return _same_place(a, b) or bool(set(a.actors) & set(b.actors)) or _shared_figures(a, b) > 0


def _same_place(a: EventMention, b: EventMention) -> bool:
    return bool(a.place and b.place and _norm(a.place) == _norm(b.place))


def _days_apart(a: str, b: str) -> int:
    """Days between two ISO dates; unknown counts as infinitely far."""
    days = days_apart(a, b)
    return 10**6 if days is None else days


def _in_range(day: str, mention: EventMention) -> bool:
    return bool(mention.date and mention.date_end and mention.date <= day <= mention.date_end)


def _window(mention: EventMention, anchor: Optional[str]) -> Optional[tuple[str, str]]:
    """The days a mention may be about: its date, its vaguer words, or its article's date ± a week."""
    if mention.date:
        return mention.date, mention.date_end or mention.date
    if mention.date_text:
        window = date_window(mention.date_text, anchor)
        if window:
            return window
    day = parse_iso(anchor)
    if day is None:
        return None
    from datetime import timedelta

    span = timedelta(days=WINDOW_DAYS)
    lasted = timedelta(hours=_longest_duration(mention))  # "a strike that had lasted five weeks" began long ago
    return (day - span - lasted).isoformat(), (day + span).isoformat()


def _longest_duration(mention: EventMention) -> float:
    """Hours of the longest duration the mention gives ("a six-week strike"), or 0."""
    return max((f.value for f in mention.figures if f.kind == "duration"), default=0.0)


def _similarity(a: EventMention, b: EventMention) -> float:
    if "meeting" in (a.type, b.type) and a.source != b.source and not _same_people_or_day(a, b):
        return 0.0
    score = 0.0
    trig_a, trig_b = _stems(a.trigger), _stems(b.trigger)
    kindred = True
    if trig_a & trig_b:
        score += 3.0 if trig_a == trig_b else 2.0
    elif set(a.trigger_words) & set(b.trigger_words):
        score += 2.0
    elif same_family(a, b) or _talks_ending_in_deal(a, b):
        score += FAMILY_SCORE
    elif a.type == b.type:
        if a.source != b.source and not (a.date and a.date == b.date):
            return 0.0  # across articles, a type in common is too little without words or a day in common
        score += 1.0
        kindred = False
    if _same_place(a, b):
        score += 2.0
    shared_actors = set(a.actors) & set(b.actors)
    score += min(len(shared_actors), 2) * 0.75
    if a.date and a.date == b.date:
        score += 1.5
    elif a.date and b.date:
        score -= 1.5  # days in dispute: only strong likeness joins them
    score += min(_shared_figures(a, b), 2) * 0.75
    score += _word_overlap(a.text, b.text) * 3.0
    if _same_story(a, b):
        score += SAME_STORY_BONUS if kindred else SAME_STORY_BONUS / 2  # a type alone is a weak likeness
    return score


SAME_STORY_BONUS = 2.0
FAMILY_SCORE = 1.5  # "truce" and "ceasefire": less than one word, more than one type
# Words that name one kind of happening: different outlets pick different ones for the same event.
TRIGGER_FAMILIES = [
    {"ceasefire", "cease-fire", "truce", "pause", "armistice", "cessation", "lull", "respite"},
    {"halt", "moratorium", "suspension", "freeze"},  # one side stops one thing: not a truce
    {"fighting", "fight", "clash", "clashes", "battle", "combat", "hostility", "hostilities", "skirmish"},
    {"attack", "strike", "airstrike", "raid", "bombing", "bomb", "bombard", "bombardment", "shelling",
     "shell"},
    {"attack", "assault", "offensive", "raid", "incursion"},  # on the ground: not the same as a bombing
    # A city's weeks of bombing, told as a whole ("its campaign on the city") or by its blows ("the strikes").
    {"campaign", "onslaught", "bombardment", "bombing", "bomb", "bombard", "shelling", "shell", "airstrike",
     "strike", "hit", "pound", "offensive"},
    {"explosion", "blast", "explode", "detonation"},
    {"strike", "walkout", "stoppage"},
    {"flood", "floods", "flooding", "inundation"},
    {"deal", "agreement", "accord", "pact", "treaty", "settlement", "agree"},
    {"talks", "negotiation", "negotiations", "negotiate", "meeting", "meet", "summit"},
    {"arrest", "detention", "detain", "jail", "imprison", "hold"},
    {"release", "free"},
    {"protest", "demonstration", "rally", "march", "demonstrate"},
    {"evacuation", "evacuate"},
    {"vote", "ballot", "referendum"},
    {"inquiry", "investigation", "probe", "investigate", "enquiry"},
    {"lawsuit", "sue"},
    {"charge", "indictment", "indict", "prosecute"},
    {"kidnapping", "abduction", "kidnap", "abduct"},
]


TRIGGER_FAMILIES_BY_NAME = {"talks": next(f for f in TRIGGER_FAMILIES if "talks" in f),
                            "deal": next(f for f in TRIGGER_FAMILIES if "deal" in f)}


def same_family(a: EventMention, b: EventMention) -> bool:
    """Whether the two mentions name their happening with words of one family ("truce", "ceasefire")."""
    words_a, words_b = _trigger_lemmas(a), _trigger_lemmas(b)
    return any(words_a & family and words_b & family for family in TRIGGER_FAMILIES)


def _talks_ending_in_deal(a: EventMention, b: EventMention) -> bool:
    """ "Talks in Dunmore on Thursday" and "reached a deal on Thursday": on one known day, two articles'
    talks and deal are one happening told two ways (one article would use one word for one happening)."""
    if a.source == b.source or not a.date or a.date != b.date or a.date_end or b.date_end:
        return False
    talks, deal = TRIGGER_FAMILIES_BY_NAME["talks"], TRIGGER_FAMILIES_BY_NAME["deal"]
    words_a, words_b = _trigger_lemmas(a), _trigger_lemmas(b)
    return bool((words_a & talks and words_b & deal) or (words_a & deal and words_b & talks))


def _trigger_lemmas(mention: EventMention) -> set[str]:
    words = set(mention.trigger_words)
    head = mention.trigger.lower().split()[-1:] if mention.trigger else []
    return words | {w for w in head} | {_verb_lemma(w) for w in head}
_ELSEWHEN = re.compile(r"\b(?:last|previous|earlier|former|prior|past|next|another)\b", re.I)


def link_reasons(a: EventMention, b: EventMention, leads: dict[tuple[str, int], str] | None = None) -> list[str]:
    """Why ``a`` was grouped with ``b``, in words for the event page."""
    reasons = []
    if _stems(a.trigger) & _stems(b.trigger) or set(a.trigger_words) & set(b.trigger_words):
        reasons.append(f"same words as {_source_word(a, b)} (“{b.trigger}”)")
    elif same_family(a, b):
        reasons.append(f"kindred words (“{a.trigger}” / “{b.trigger}”)")
    if a.date and a.date == b.date:
        reasons.append(f"same day ({a.date})")
    elif a.date and b.date and a.date != b.date:
        reasons.append(f"days in dispute ({a.date} / {b.date})")
    if _same_place(a, b):
        reasons.append(f"same place ({b.place})")
    shared = len(set(a.actors) & set(b.actors))
    if shared:
        reasons.append(f"{shared} actor{'s' if shared > 1 else ''} in common")
    if _shared_figures(a, b):
        reasons.append("same figures")
    if _same_story(a, b):
        reasons.append("same article, same kind of event")
    elif _lead_bonus(a, b, leads):
        reasons.append("both articles open on it")
    return reasons


def _source_word(a: EventMention, b: EventMention) -> str:
    return "another sentence of the article" if a.source == b.source else "another article"


def _lead_bonus(a: EventMention, b: EventMention, leads: dict[tuple[str, int], str] | None) -> float:
    """Two articles of the same week that open on the same kind of event are most likely telling one story.

    Undated articles get no bonus: two stories on one war, weeks apart, open on the same kind of event too.
    """
    day_a, day_b = (leads or {}).get((a.source, a.start)), (leads or {}).get((b.source, b.start))
    if not day_a or not day_b or a.source == b.source or a.type != b.type:
        return 0.0
    return LEAD_BONUS if _days_apart(day_a, day_b) <= WINDOW_DAYS else 0.0


def _same_story(a: EventMention, b: EventMention) -> bool:
    """One article naming one kind of event again usually means the same one (one sense per discourse)."""
    if a.source != b.source or a.type != b.type or a.type in ("statement", "interview", "other"):
        return False
    if a.date_text and b.date_text and _norm(a.date_text) != _norm(b.date_text):
        return False
    return not (_ELSEWHEN.search(a.text) or _ELSEWHEN.search(b.text))


def _durations_differ(a: EventMention, b: EventMention) -> bool:
    """An eight-hour pause and a ten-hour pause are two pauses (exact durations; hedged ones may agree)."""
    hours_a = {f.value for f in a.figures if f.kind == "duration" and not f.hedge}
    hours_b = {f.value for f in b.figures if f.kind == "duration" and not f.hedge}
    return bool(hours_a and hours_b and not hours_a & hours_b)


def _shared_figures(a: EventMention, b: EventMention) -> int:
    values_a = {(f.unit, f.value) for f in a.figures}
    return sum(1 for f in b.figures if (f.unit, f.value) in values_a)


def _word_overlap(a: str, b: str) -> float:
    words_a, words_b = _stems(a), _stems(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


@lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", _norm(text))
    return frozenset(_stem(w) for w in words if w not in STOPWORDS and len(w) > 2)


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return text.lower().strip()


# --- events -----------------------------------------------------------------------------------------


def _event(cluster: list[EventMention]) -> Event:
    cluster.sort(key=lambda m: (m.source, m.start, m.end))
    kind = _most_common([m.type for m in cluster])
    date = _most_common([m.date for m in cluster if m.date]) or None
    date_text = next((m.date_text for m in cluster if m.date == date and m.date_text), "") if date else ""
    place = _most_common([m.place for m in cluster if m.place]) or None
    actors: list[str] = []
    for mention in cluster:
        actors.extend(a for a in mention.actors if a not in actors)
    return Event(id="", title=_title(cluster, kind, place), type=kind, date=date, date_text=date_text,
                 actors=actors, place=place, mentions=list(cluster))


def _most_common(values: list) -> Optional[str]:
    """The most frequent value; ties go to the one seen first."""
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def _title(cluster: list[EventMention], kind: str, place: Optional[str]) -> str:
    """A short readable title: "Humanitarian pause in Aleppo"."""
    phrases = [_trigger_name(m) for m in cluster if m.type == kind]
    name = _most_common([p for p in phrases if p]) or TYPE_TITLES.get(kind, "Event")
    name = name[0].upper() + name[1:]
    return f"{name} in {place}" if place else name


def _trigger_name(mention: EventMention) -> str:
    words = mention.trigger.strip().split()
    if not words:
        return ""
    if len(words) == 1:
        lemma = _verb_lemma(words[0].lower())
        if lemma in TRIGGER_NOUNS:
            return TRIGGER_NOUNS[lemma]
    return " ".join(words).lower()


def _verb_lemma(word: str) -> str:
    irregular = {"met": "meet", "struck": "strike", "shot": "shoot", "fled": "flee", "sank": "sink",
                 "sunk": "sink", "freed": "free", "signed": "sign", "agreed": "agree", "killed": "kill"}
    if word in irregular:
        return irregular[word]
    for suffix, repl in (("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix):
            base = word[: -len(suffix)] + repl
            for candidate in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else base):
                if candidate in TRIGGER_NOUNS:
                    return candidate
    return word


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _norm(text)).strip("-")[:60].strip("-") or "event"


def _assign_ids(events: list[Event]) -> None:
    """Stable slugs from date and title; repeats get -2, -3 in (date, first mention) order."""
    order = sorted(events, key=lambda e: (e.date or "9999", _slug(e.title), _first(e)))
    seen: Counter = Counter()
    for event in order:
        base = f"{event.date}-{_slug(event.title)}" if event.date else _slug(event.title)
        seen[base] += 1
        event.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


def _first(event: Event) -> tuple:
    first = event.mentions[0]
    return first.source, first.start, first.end


def infer_source_dates(sources: list[Source], events: list[Event]) -> dict[str, str]:
    """Article dates inferred from dated events they share with dated articles.

    An undated article that shares at least ``MIN_SHARED_EVENTS`` events with
    dated articles, all dated within ``WINDOW_DAYS`` of each other, was written
    no earlier than the latest of them: that date is offered, marked
    "inferred" by the caller. One shared event is too weak a link (event
    coreference errs), so nothing is returned then.
    """
    undated = {s.id for s in sources if not s.date}
    shared: dict[str, dict[str, str]] = {}
    for event in events:
        if not event.date or len({m.source for m in event.mentions}) < 2:
            continue
        for mention in event.mentions:
            if mention.source in undated:
                shared.setdefault(mention.source, {})[event.id] = event.date
    inferred = {}
    for source_id, dated in shared.items():
        days = sorted(dated.values())
        if len(dated) >= MIN_SHARED_EVENTS and _days_apart(days[0], days[-1]) <= WINDOW_DAYS:
            inferred[source_id] = days[-1]
    return dict(sorted(inferred.items()))


MIN_SHARED_EVENTS = 2
