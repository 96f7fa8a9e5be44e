"""Resolve actors: merge each article's local actors into corpus actors.

Merges, in order of confidence: the same name; a state's capital used for
it; an acronym and its expansion; an organisation's short form; a bare
surname and the one full name with it; and spelling variants of a
person's name, only when kinds agree, first names agree and the context
(role or organisation) agrees. Every merge is explained in ``merges``.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from generator.extract.actors import initials, is_acronym, org_key, person_key, surname_key
from generator.extract.kinds import (
    GENERIC_ORG_SUFFIXES, ORG_HEADS, capital_of, country_named, country_of, fold, is_title_word,
)
from generator.model import Actor, Extraction, Mention, Role, Source

__all__ = ["resolve_actors", "slugify"]

PERSON_SURNAME_RATIO = 75.0  # rapidfuzz ratio for spelling variants with the same first name
PERSON_BARE_RATIO = 88.0
FIRST_NAME_RATIO = 60.0  # Tariq / Tarek, Mohammed / Muhammad: one name spelled two ways  # ... when neither has a first name
ORG_RATIO = 92.0


def slugify(name: str) -> str:
    """ASCII slug: "Bashar al-Assad" -> "bashar-al-assad"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "").replace("’", "")).strip("-")
    return slug or "actor"


class _Union:
    """Union-find over local actors, remembering why each pair was joined."""

    def __init__(self, actors: list[Actor]) -> None:
        self.parent = list(range(len(actors)))
        self.reasons: list[tuple[int, int, str]] = []
        self._by_first: tuple[int, dict[int, list[tuple[int, str]]]] | None = None

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[max(ra, rb)] = min(ra, rb)
        self.reasons.append((a, b, reason))

    def reasons_by_first(self) -> dict[int, list[tuple[int, str]]]:
        """The joins by their first actor: (second actor, reason), worked out once all joins are made."""
        if self._by_first is None or self._by_first[0] != len(self.reasons):
            by_first: dict[int, list[tuple[int, str]]] = {}
            for a, b, reason in self.reasons:
                by_first.setdefault(a, []).append((b, reason))
            self._by_first = (len(self.reasons), by_first)
        return self._by_first[1]

    def clusters(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out


def _names(actor: Actor) -> list[str]:
    """An actor's names, without the descriptions that stand for it in one article ("the minister")."""
    return [actor.name] + [a for a in actor.aliases if a != actor.name and not is_description(a)]


@lru_cache(maxsize=1 << 16)
def is_description(alias: str) -> bool:
    """ "the minister", "The dockworkers' union", a headline's "Mayor": words for an actor, not its name."""
    return bool(re.match(r"(?i:the)\s+[a-z]", alias)) or is_title_word(alias)


def _full_names(actor: Actor) -> list[str]:
    return [n for n in _names(actor) if len(n.split()) > 1 and not is_acronym(n)]


GOVERNMENT_HEADS = frozenset("regime government administration authorities".split())


def _country(actor: Actor) -> str | None:
    if actor.kind != "state":
        return None
    for name in _names(actor):
        country = country_named(name) or capital_of(name) or government_country(name)
        if country:
            return country
    return None


def government_country(name: str) -> str | None:
    """The country a government is named after: "Syrian regime", "Russia's government" -> its country."""
    words = re.sub(r"['’]s\b", "", name).split()
    if len(words) < 2 or words[-1].lower() not in GOVERNMENT_HEADS:
        return None
    countries = {country_of(w) for w in words[:-1]}
    return countries.pop() if len(countries) == 1 else None


def _first_name(name: str) -> str:
    words = person_key(name).split(" ")
    return words[0] if len(words) > 1 else ""


# ----------------------------------------------------------------- merge rules


def _same_names(actors: list[Actor], union: _Union) -> None:
    """Same full name (folded), same organisation key, or the same country."""
    seen: dict[tuple[str, object], int] = {}
    for i, actor in enumerate(actors):
        keys: list[tuple[str, object]] = []
        if actor.kind == "person":
            keys += [("person", person_key(n)) for n in _full_names(actor)]
            if not _full_names(actor):
                keys.append(("bare", person_key(actor.name)))
        elif actor.kind == "state" and _country(actor):
            keys.append(("country", _country(actor)))
        else:
            keys += [("org", org_key(n)) for n in _names(actor) if not is_acronym(n) and org_key(n)]
            keys += [("person", person_key(n)) for n in _names(actor) if _looks_like_a_person(n)]
            keys += [("acronym", n.replace(".", "")) for n in _names(actor) if is_acronym(n)]
        for key in keys:
            if key in seen:
                union.join(seen[key], i, _same_name_reason(key))
            else:
                seen[key] = i


def _same_name_reason(key: tuple[str, object]) -> str:
    """Why two names matched on a key: "same country", or the normalised words they share."""
    kind, value = key
    if kind == "country":
        return f"same country ({value})"
    if kind == "org":
        return f"same name once spelling, word order, demonyms and synonyms are normalised ({' '.join(value)})"
    if kind == "acronym":
        return f"same acronym ({value})"
    return "same name"


def _regimes(actors: list[Actor], union: _Union) -> None:
    """"The Assad regime" and the state its namesake leads, when every person of that surname with a
    known country holds a role of the same one."""
    by_country: dict[str, int] = {}
    people: dict[str, list[Actor]] = {}
    for i, actor in enumerate(actors):
        country = _country(actor)
        if country and country not in by_country:
            by_country[country] = i
        if actor.kind == "person" and _full_names(actor):
            people.setdefault(surname_key(_full_names(actor)[0]), []).append(actor)
    for i, actor in enumerate(actors):
        words = actor.name.split()
        if actor.kind != "state" or _country(actor) or len(words) != 2 or words[1].lower() not in GOVERNMENT_HEADS:
            continue
        leaders = people.get(surname_key(words[0]), [])
        countries = {_role_country(a) for a in leaders} - {None}
        if len(countries) != 1:
            continue  # no known namesake, or namesakes of two countries
        country = countries.pop()
        if country in by_country:
            leader = next(a for a in leaders if _role_country(a) == country)
            union.join(by_country[country], i, f"{actor.name!r} names the government of {country}, "
                                               f"led by {leader.name!r} ({_role_text(leader)})")


def _role_country(person: Actor) -> str | None:
    """The one country a person's description and role titles name ("Syrian President" -> Syria)."""
    words = re.findall(r"[\w'’.-]+", " ".join([person.description, *(r.title for r in person.roles)]))
    countries = {country_of(w) for w in words} - {None}
    countries |= {country_named(r.org_name) for r in person.roles if r.org_name and country_named(r.org_name)}
    return countries.pop() if len(countries) == 1 else None


def _role_text(person: Actor) -> str:
    return person.description or next((r.title for r in person.roles if r.title), "leader")


def _looks_like_a_person(name: str) -> bool:
    """An "organisation" named like a person ("Anton Brisk"): two or three capitalised words, no org word."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
        and not any(w.lower() in ORG_HEADS for w in words)


def _acronyms(actors: list[Actor], union: _Union) -> None:
    """"FSA" and "Free Syrian Army": an acronym matching one expansion's initials."""
    expansions: dict[str, set[int]] = {}
    for j, other in enumerate(actors):
        if other.kind != "person":
            for n in _names(other):
                if len(n.split()) > 1:
                    expansions.setdefault(initials(n), set()).add(j)
    for i, actor in enumerate(actors):
        if actor.kind == "person" or not is_acronym(actor.name):
            continue
        candidates = expansions.get(actor.name.replace(".", ""), set()) - {i}
        hits = sorted({union.find(j) for j in candidates})
        if len(hits) == 1:
            j = min(j for j in candidates if union.find(j) == hits[0])
            union.join(j, i, f"acronym of {actors[j].name!r}")


def _org_short_forms(actors: list[Actor], union: _Union) -> None:
    """"Fastaqim" and "Fastaqim Union": one adds only a generic word at the end."""
    longer: dict[tuple[str, ...], set[int]] = {}
    for j, other in enumerate(actors):
        if other.kind != "organization":
            continue
        for name in _names(other):
            full = fold(name).split()
            for cut in range(len(full) - 1, 0, -1):
                if full[cut] not in GENERIC_ORG_SUFFIXES:
                    break
                longer.setdefault(tuple(full[:cut]), set()).add(j)
    for i, actor in enumerate(actors):
        if actor.kind != "organization":
            continue
        candidates = longer.get(tuple(fold(actor.name).split()), set()) - {i}
        hits = {union.find(j) for j in candidates}
        if len(hits) == 1:
            j = min(j for j in candidates if union.find(j) in hits)
            union.join(j, i, f"short form of {actors[j].name!r}")


def _surnames(actors: list[Actor], union: _Union) -> None:
    """A bare surname and the only full name with that surname."""
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for j, other in enumerate(actors):
        if other.kind == "person":
            for n in _full_names(other):
                by_surname.setdefault(surname_key(n), []).append((j, n))
    for i, actor in enumerate(actors):
        if actor.kind != "person" or _full_names(actor):
            continue
        holders = by_surname.get(surname_key(actor.name), [])
        hits = {union.find(j) for j, _ in holders}
        full = {person_key(n) for _, n in holders}
        if len(hits) == 1 and len({_first_name(n) for n in full}) == 1:
            j = min(j for j, _ in holders)
            union.join(j, i, f"same surname as {actors[j].name!r}, the only full name with it")


def _context(actors: list[Actor], union: _Union, members: list[int], local_to_index: dict[str, int]) -> tuple[set, set]:
    """(role titles, organisation clusters) of a cluster's members."""
    titles, orgs = set(), set()
    for i in members:
        for title in [actors[i].description, *(r.title for r in actors[i].roles)]:
            if title:
                titles.add(fold(title))
                titles.update(w for w in fold(title).split() if is_title_word(w) and w not in GENERIC_TITLES)
        for role in actors[i].roles:
            if role.org and role.org in local_to_index:
                orgs.add(union.find(local_to_index[role.org]))
    return titles, orgs


# Title words too common to tell one person from another ("Lorvane Governor" and "provincial governor" share
# "governor"; two "officials" share nothing).
GENERIC_TITLES = frozenset("""
official officials member resident witness survivor fighter militant rebel soldier worker volunteer student
teacher activist expert analyst officer journalist reporter correspondent head chief leader deputy aide adviser
advisor representative delegate observer monitor
""".split())


def _spelling_variants(actors: list[Actor], union: _Union) -> None:
    """Persons whose names differ by a few letters, when first names and context agree."""
    local_to_index = {a.id: i for i, a in enumerate(actors)}
    clusters = union.clusters()
    people = sorted(root for root, members in clusters.items() if actors[root].kind == "person")
    best = {root: _best_person_name(actors, clusters[root]) for root in people}
    for x, y in _variant_pairs([surname_key(best[root]) for root in people]):
        ra, rb = people[x], people[y]
        if union.find(ra) == union.find(rb):
            continue
        reason = _variant_reason(actors, union, (clusters[ra], best[ra]), (clusters[rb], best[rb]), local_to_index)
        if reason:
            union.join(ra, rb, reason)


def _variant_pairs(surnames: list[str]) -> list[tuple[int, int]]:
    """Every pair (x < y, in order) of positions whose surnames `_could_be_variants`.

    The distinct surnames are screened against each other by rapidfuzz in C, a block of rows
    at a time (a corpus can name tens of thousands of people); the pairs that pass get the exact check.
    """
    from rapidfuzz import process

    distinct = sorted(set(surnames))
    holders: dict[str, list[int]] = {}
    for position, surname in enumerate(surnames):
        holders.setdefault(surname, []).append(position)
    rows = max(1, SCREEN_CELLS // max(1, len(distinct)))
    pairs = []
    for top in range(0, len(distinct), rows):
        scores = process.cdist(distinct[top:top + rows], distinct, scorer=fuzz.ratio,
                               score_cutoff=PERSON_SURNAME_RATIO - 1)
        for row, column in zip(*scores.nonzero()):
            a, b = distinct[top + int(row)], distinct[int(column)]
            if a <= b and _could_be_variants(a, b):
                pairs += [(min(x, y), max(x, y)) for x in holders[a] for y in holders[b] if x != y]
    return sorted(set(pairs))


SCREEN_CELLS = 4_000_000  # scores per block of the surname screen (16 MB)


def _could_be_variants(a: str, b: str) -> bool:
    """A cheap filter before the full check: surnames of similar length and letters."""
    return abs(len(a) - len(b)) <= max(2, len(a) // 3) and fuzz.ratio(a, b) >= PERSON_SURNAME_RATIO


def _best_person_name(actors: list[Actor], members: list[int]) -> str:
    names = [n for i in members for n in (_full_names(actors[i]) or [actors[i].name])]
    return max(names, key=lambda n: (len(n.split()), len(n), n))


def _variant_reason(actors: list[Actor], union: _Union, named_a: tuple[list[int], str],
                    named_b: tuple[list[int], str], local_to_index: dict[str, int]) -> str:
    """Why two clusters of persons (members, best name) are one person spelled two ways; "" if they are not."""
    (a, name_a), (b, name_b) = named_a, named_b
    sur_a, sur_b = surname_key(name_a), surname_key(name_b)
    if min(len(sur_a), len(sur_b)) < 4:
        return ""
    first_a, first_b = _first_name(name_a), _first_name(name_b)
    if first_a and first_b and first_a != first_b and fuzz.ratio(first_a, first_b) < FIRST_NAME_RATIO:
        return ""  # Bashar and Hafez: two people
    if sur_a == sur_b and (not first_a or not first_b or first_a == first_b):
        return ""  # the same name: merged already, or deliberately kept apart
    ratio = fuzz.ratio(sur_a, sur_b)
    if ratio < (PERSON_SURNAME_RATIO if first_a and first_b else PERSON_BARE_RATIO):
        return ""
    titles_a, orgs_a = _context(actors, union, a, local_to_index)
    titles_b, orgs_b = _context(actors, union, b, local_to_index)
    shared_orgs = orgs_a & orgs_b
    shared_titles = titles_a & titles_b
    if not shared_orgs and not shared_titles:
        return ""
    why = (f"organisation {actors[min(shared_orgs)].name!r}" if shared_orgs
           else f"role {sorted(shared_titles)[0]!r}")
    first = ("one lacks a first name" if not (first_a and first_b) else f"same first name {first_a!r}"
             if first_a == first_b else f"first names {first_a!r} and {first_b!r} spelled alike")
    return f"spelling variant of {name_a!r} (surname similarity {ratio:.0f}%), both persons, {first}, same {why}"


# ----------------------------------------------------------------- building


def _choose_name(members: list[Actor], kind: str) -> str:
    counts = Counter(m.text for a in members for m in a.mentions)
    names = sorted({n for a in members for n in _names(a)})

    def score(name: str):
        acronym = is_acronym(name)
        country = kind == "state" and country_named(name) is not None
        governed = kind == "state" and name.split()[-1].lower() in GOVERNMENT_HEADS  # "Kestria" over "Kestria's government"
        return (country, not governed, not acronym, len(name.split()), counts[name], len(name),
                [-ord(c) for c in name])

    return max(names, key=score)


def _choose_kind(members: list[Actor]) -> str:
    counts = Counter(a.kind for a in members)
    order = ["person", "organization", "state", "group"]
    return max(counts, key=lambda k: (counts[k], -order.index(k) if k in order else -9))


def _choose_description(members: list[Actor]) -> str:
    counts = Counter(a.description for a in members if a.description)
    if not counts:
        return ""
    return sorted(counts, key=lambda d: (-counts[d], -len(d), d))[0]


def _merge_lines(actors: list[Actor], union: _Union, members: set[int]) -> list[str]:
    lines = []
    for a in members:
        for b, reason in union.reasons_by_first().get(a, ()):
            if actors[a].name != actors[b].name:
                lines.append(f"{actors[b].name!r} ({actors[b].id}) merged with "
                             f"{actors[a].name!r} ({actors[a].id}): {reason}")
    return sorted(set(lines))


def resolve_actors(sources: list[Source], extractions: list[Extraction]) -> tuple[list[Actor], dict[str, str]]:
    """Corpus actors (sorted by name) and the map local id -> global id."""
    actors = [a for e in sorted(extractions, key=lambda e: e.source) for a in e.actors]
    union = _Union(actors)
    _same_names(actors, union)
    _acronyms(actors, union)
    _org_short_forms(actors, union)
    _surnames(actors, union)
    _spelling_variants(actors, union)
    _regimes(actors, union)
    clusters = sorted(union.clusters().values(), key=lambda m: m[0])
    drafts = []
    for members in clusters:
        group = [actors[i] for i in members]
        kind = _choose_kind(group)
        name = _choose_name(group, kind)
        drafts.append((slugify(name), name, members, kind))
    ids: dict[int, str] = {}
    used: Counter = Counter()
    for slug, name, members, _ in sorted(drafts, key=lambda d: (d[0], d[1].casefold(), actors[d[2][0]].id)):
        used[slug] += 1
        ids[members[0]] = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
    mapping = {actors[i].id: ids[members[0]] for _, _, members, _ in drafts for i in members}
    result = [_build(actors, union, members, kind, name, ids[members[0]], mapping)
              for _, name, members, kind in drafts]
    result.sort(key=lambda a: (a.name.casefold(), a.id))
    return result, mapping


def _build(actors: list[Actor], union: _Union, members: list[int], kind: str, name: str, actor_id: str,
           mapping: dict[str, str]) -> Actor:
    group = [actors[i] for i in members]
    aliases = {n for a in group for n in _names(a)} | {m.text for a in group for m in a.mentions}
    aliases.discard(name)
    mentions = sorted({(m.source, m.start, m.end, m.text) for a in group for m in a.mentions})
    roles = {(r.title, mapping.get(r.org) if r.org else None, r.org_name, r.source, r.start, r.end)
             for a in group for r in a.roles}
    return Actor(
        id=actor_id,
        name=name,
        kind=kind,
        aliases=sorted(aliases, key=lambda s: (s.casefold(), s)),
        description=_choose_description(group),
        mentions=[Mention(source=s, start=b, end=e, text=t) for s, b, e, t in mentions],
        roles=[Role(title=t, org=o, org_name=n, source=s, start=b, end=e)
               for t, o, n, s, b, e in sorted(roles, key=lambda r: (r[3] or "", r[4], r[5], r[0], r[1] or ""))],
        merges=sorted(set(_merge_lines(actors, union, set(members))) | {m for a in group for m in a.merges}),
    )
