"""Hand corrections from ``seeds/curation.yml``, applied on every build.

A researcher corrects the machine without code::

    sources:                     # metadata, applied before extraction
      2016-11-04-report: {date: 2016-11-04, outlet: Example News}
    merge:                       # the first actor named keeps its page
      - actors: [Russia, Moscow]
        why: Moscow stands for the Russian government in these articles
    split:                       # surface forms that are someone else
      - actor: Zakaria Malahifji
        aliases: [Molahfiji]
        name: Zakaria Molahfiji
    rename: {Fastaqim: Fastaqim Union}
    actors:                      # set a kind or a description
      Fastaqim Union: {kind: organization, description: rebel group}
    drop:
      actors: [Source link]
      quotes: ["003_88299a29d2456880:q4"]
    speakers:                    # quote id → actor (name, alias or id), or null
      "002_c487baf947d44a4d:q3": Jens Laerke

Actors are named by id, name or any alias, ignoring case. A rule that
names nothing in the corpus is reported, not fatal: the corpus may change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

from generator.model import Actor, Graph, Source

FILENAME = "curation.yml"
KINDS = ("person", "organization", "state", "group")
SOURCE_FIELDS = ("title", "date", "outlet", "url", "authors")
SECTIONS = ("sources", "merge", "split", "rename", "actors", "drop", "speakers")


class CurationError(RuntimeError):
    """curation.yml cannot be used as written."""


@dataclass
class Rules:
    """The validated content of a curation file (empty when there is none)."""

    path: Optional[Path] = None
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    merge: list[dict[str, Any]] = field(default_factory=list)
    split: list[dict[str, Any]] = field(default_factory=list)
    rename: dict[str, str] = field(default_factory=dict)
    actors: dict[str, dict[str, str]] = field(default_factory=dict)
    drop_actors: list[str] = field(default_factory=list)
    drop_quotes: list[str] = field(default_factory=list)
    speakers: dict[str, Optional[str]] = field(default_factory=dict)


def load(path: Path) -> Rules:
    """Read and validate a curation file; a missing file means no rules."""
    if not path.is_file():
        return Rules()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise CurationError(f"{path}: not valid YAML ({err}); fix the file or remove it") from None
    return validate(data, path)


def validate(data: Any, path: Path) -> Rules:
    """Check the structure of a parsed curation file, with messages naming the place."""
    where = str(path)
    _expect(isinstance(data, dict), where, "the file must be a mapping of sections")
    unknown = sorted(set(data) - set(SECTIONS))
    _expect(not unknown, where, f"unknown section(s) {unknown}; known: {', '.join(SECTIONS)}")
    rules = Rules(path=path)
    rules.sources = {str(k): _source_fields(v, f"{where}: sources.{k}") for k, v in _mapping(data, "sources", where).items()}
    rules.merge = [_merge_rule(r, f"{where}: merge[{i}]") for i, r in enumerate(_list(data, "merge", where))]
    rules.split = [_split_rule(r, f"{where}: split[{i}]") for i, r in enumerate(_list(data, "split", where))]
    rules.rename = {str(k): _text(v, f"{where}: rename.{k}") for k, v in _mapping(data, "rename", where).items()}
    rules.actors = {str(k): _actor_fields(v, f"{where}: actors.{k}") for k, v in _mapping(data, "actors", where).items()}
    drop = _mapping(data, "drop", where)
    unknown = sorted(set(drop) - {"actors", "quotes"})
    _expect(not unknown, f"{where}: drop", f"unknown key(s) {unknown}; use actors and quotes")
    rules.drop_actors = [_text(x, f"{where}: drop.actors") for x in _list(drop, "actors", f"{where}: drop")]
    rules.drop_quotes = [_text(x, f"{where}: drop.quotes") for x in _list(drop, "quotes", f"{where}: drop")]
    rules.speakers = {
        str(k): (None if v is None else _text(v, f"{where}: speakers.{k}"))
        for k, v in _mapping(data, "speakers", where).items()
    }
    return rules


def _expect(ok: bool, where: str, message: str) -> None:
    if not ok:
        raise CurationError(f"{where}: {message} (see README, 'Curation')")


def _mapping(data: dict, key: str, where: str) -> dict:
    value = data.get(key) or {}
    _expect(isinstance(value, dict), f"{where}: {key}", "must be a mapping (name: value)")
    return value


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key) or []
    _expect(isinstance(value, list), f"{where}: {key}", "must be a list (lines starting with '- ')")
    return value


def _text(value: Any, where: str) -> str:
    _expect(isinstance(value, (str, int, float)) and str(value).strip() != "", where, "must be a non-empty text")
    return str(value).strip()


def _merge_rule(rule: Any, where: str) -> dict:
    _expect(isinstance(rule, dict) and isinstance(rule.get("actors"), list), where, "needs 'actors: [A, B, ...]'")
    names = [_text(x, where) for x in rule["actors"]]
    _expect(len(names) >= 2, where, "name at least two actors to merge")
    return {"actors": names, "why": str(rule.get("why") or "merged by hand")}


def _split_rule(rule: Any, where: str) -> dict:
    _expect(isinstance(rule, dict), where, "needs 'actor', 'aliases' and 'name'")
    aliases = rule.get("aliases")
    _expect(isinstance(aliases, list) and aliases, where, "'aliases' must list the surface forms to split off")
    return {"actor": _text(rule.get("actor"), f"{where}.actor"), "aliases": [_text(a, where) for a in aliases],
            "name": _text(rule.get("name"), f"{where}.name")}


def _actor_fields(value: Any, where: str) -> dict[str, str]:
    _expect(isinstance(value, dict), where, "must be a mapping with kind and/or description")
    unknown = sorted(set(value) - {"kind", "description"})
    _expect(not unknown, where, f"unknown field(s) {unknown}; use kind, description")
    fields = {k: _text(v, f"{where}.{k}") for k, v in value.items()}
    if "kind" in fields:
        _expect(fields["kind"] in KINDS, f"{where}.kind", f"must be one of {', '.join(KINDS)}")
    return fields


def _source_fields(value: Any, where: str) -> dict[str, Any]:
    _expect(isinstance(value, dict), where, f"must be a mapping with {', '.join(SOURCE_FIELDS)}")
    unknown = sorted(set(value) - set(SOURCE_FIELDS))
    _expect(not unknown, where, f"unknown field(s) {unknown}; use {', '.join(SOURCE_FIELDS)}")
    fields = dict(value)
    if "date" in fields:
        fields["date"] = _iso_date(fields["date"], f"{where}.date")
    if "authors" in fields:
        authors = fields["authors"]
        fields["authors"] = [_text(a, f"{where}.authors") for a in (authors if isinstance(authors, list) else [authors])]
    for key in ("title", "outlet", "url"):
        if key in fields:
            fields[key] = _text(fields[key], f"{where}.{key}")
    return fields


def _iso_date(value: Any, where: str) -> str:
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise CurationError(f"{where}: {value!r} is not a date; write it as YYYY-MM-DD") from None


# --- applying the rules --------------------------------------------------


def apply_sources(sources: list[Source], rules: Rules, progress: Callable[[str], None] = lambda m: None) -> None:
    """Set source metadata by hand (before extraction: dates anchor relative times)."""
    by_id = {s.id: s for s in sources}
    for source_id, fields in sorted(rules.sources.items()):
        source = by_id.get(source_id)
        if source is None:
            progress(f"curation: sources: no article with id {source_id!r}; ids are file names without extension")
            continue
        for key, value in fields.items():
            setattr(source, key, value)
        if "date" in fields:
            source.date_origin = "curation"


def apply(graph: Graph, rules: Rules, progress: Callable[[str], None] = lambda m: None) -> None:
    """Apply actor and quote corrections to a resolved graph, in a fixed order."""
    note = lambda message: progress(f"curation: {message}")  # noqa: E731
    for rule in rules.split:
        _split(graph, rule, note)
    for rule in rules.merge:
        _merge(graph, rule, note)
    for old, new in sorted(rules.rename.items()):
        _with_actor(graph, old, "rename", note, lambda a: _rename(a, new))
    for name, fields in sorted(rules.actors.items()):
        _with_actor(graph, name, "actors", note, lambda a: _set_fields(a, fields))
    for name in rules.drop_actors:
        _with_actor(graph, name, "drop.actors", note, lambda a: _drop_actor(graph, a))
    _drop_quotes(graph, rules.drop_quotes, note)
    _fix_speakers(graph, rules.speakers, note)


def find_actor(graph: Graph, ref: str) -> Optional[Actor]:
    """The actor named ``ref`` by id, name or alias (case-insensitive)."""
    wanted = ref.casefold()
    for test in (lambda a: a.id.casefold(), lambda a: a.name.casefold()):
        for actor in graph.actors:
            if test(actor) == wanted:
                return actor
    return next((a for a in graph.actors if wanted in (x.casefold() for x in a.aliases)), None)


def _with_actor(graph: Graph, ref: str, section: str, note, action) -> None:
    actor = find_actor(graph, ref)
    if actor is None:
        note(f"{section}: no actor named {ref!r}; nothing changed")
    else:
        action(actor)


def _rename(actor: Actor, name: str) -> None:
    actor.merges.append(f"Renamed by hand from “{actor.name}” to “{name}” (curation.yml).")
    if actor.name not in actor.aliases:
        actor.aliases.append(actor.name)
    actor.name = name


def _set_fields(actor: Actor, fields: dict[str, str]) -> None:
    for key, value in fields.items():
        setattr(actor, key, value)


def _merge(graph: Graph, rule: dict, note) -> None:
    actors = [find_actor(graph, ref) for ref in rule["actors"]]
    for ref, actor in zip(rule["actors"], actors):
        if actor is None:
            note(f"merge: no actor named {ref!r}; that merge skipped")
            return
    keep, others = actors[0], [a for a in actors[1:] if a is not actors[0]]
    for other in others:
        keep.aliases += [x for x in other.aliases if x not in keep.aliases]
        keep.mentions = sorted(keep.mentions + other.mentions, key=lambda m: (m.source, m.start, m.end))
        keep.roles += other.roles
        keep.merges.append(f"“{other.name}” merged by hand (curation.yml): {rule['why']}.")
        keep.merges += other.merges
        _replace_actor_id(graph, other.id, keep.id)
        graph.actors.remove(other)


def _split(graph: Graph, rule: dict, note) -> None:
    actor = find_actor(graph, rule["actor"])
    if actor is None:
        note(f"split: no actor named {rule['actor']!r}; that split skipped")
        return
    forms = {a.casefold() for a in rule["aliases"]}
    moved = [m for m in actor.mentions if m.text.casefold() in forms]
    new = Actor(
        id=_free_id(graph, rule["name"]), name=rule["name"], kind=actor.kind,
        aliases=[a for a in actor.aliases if a.casefold() in forms] or list(rule["aliases"]),
        mentions=moved, merges=[f"Split by hand from “{actor.name}” (curation.yml)."],
    )
    actor.mentions = [m for m in actor.mentions if m not in moved]
    actor.aliases = [a for a in actor.aliases if a.casefold() not in forms]
    for quote in graph.quotes:
        if quote.speaker == actor.id and quote.speaker_text.casefold() in forms:
            quote.speaker = new.id
    graph.actors.append(new)
    graph.actors.sort(key=lambda a: (a.name.casefold(), a.id))


def _free_id(graph: Graph, name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "actor"
    taken = {a.id for a in graph.actors}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _replace_actor_id(graph: Graph, old: str, new: str) -> None:
    for quote in graph.quotes:
        if quote.speaker == old:
            quote.speaker = new
    for event in graph.events:
        event.actors = list(dict.fromkeys(new if a == old else a for a in event.actors))
        for mention in event.mentions:
            mention.actors = list(dict.fromkeys(new if a == old else a for a in mention.actors))
    for actor in graph.actors:
        for role in actor.roles:
            if role.org == old:
                role.org = new


def _drop_actor(graph: Graph, actor: Actor) -> None:
    graph.actors.remove(actor)
    _replace_actor_id(graph, actor.id, None)
    for event in graph.events:
        event.actors = [a for a in event.actors if a]
        for mention in event.mentions:
            mention.actors = [a for a in mention.actors if a]


def _drop_quotes(graph: Graph, ids: list[str], note) -> None:
    known = {q.id for q in graph.quotes}
    for quote_id in ids:
        if quote_id not in known:
            note(f"drop.quotes: no quote {quote_id!r}; quote ids are shown on each quote page")
    dropped = set(ids)
    graph.quotes = [q for q in graph.quotes if q.id not in dropped]


def _fix_speakers(graph: Graph, speakers: dict[str, Optional[str]], note) -> None:
    quotes = {q.id: q for q in graph.quotes}
    for quote_id, ref in sorted(speakers.items()):
        quote = quotes.get(quote_id)
        if quote is None:
            note(f"speakers: no quote {quote_id!r}; quote ids are shown on each quote page")
            continue
        if ref is None:
            quote.speaker = None
            continue
        actor = find_actor(graph, ref)
        if actor is None:
            note(f"speakers: no actor named {ref!r} for quote {quote_id}; unchanged")
        else:
            quote.speaker = actor.id

