"""Machine-readable exports of the graph: graph.json and quotes.csv."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson

from generator.files import write_if_changed
from generator.model import Graph, Source

QUOTE_COLUMNS = ("id", "source", "start", "end", "kind", "speaker id", "speaker name", "cue", "text")
_SCALARS = (str, int, float, bool, type(None))


def _plain(value):
    """Dataclasses as dicts, lists and tuples as lists, recursively (``asdict`` without its deep copies)."""
    if isinstance(value, _SCALARS):  # most values: answered first
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _source(source: Source) -> dict:
    """Source metadata and paragraphs; the text itself stays in the seeds."""
    return _plain(_source_fields(source))


def graph_to_dict(graph: Graph) -> dict:
    """The whole graph as JSON-ready data (contract fields plus the other dataclass fields)."""
    return {
        "sources": [_source(s) for s in graph.sources],
        "actors": _plain(graph.actors),
        "quotes": _plain(graph.quotes),
        "events": _plain(graph.events),
        "contradictions": _plain(graph.contradictions),
        "problems": list(graph.problems),
    }


def write_graph_json(graph: Graph, path: Path) -> None:
    """UTF-8 JSON, one item of each list per line (diffable), trailing newline; an item's fields in
    their dataclass order (id first), the keys of plain mappings sorted.

    ``graph_to_dict`` written so, by orjson, which encodes the dataclasses themselves: no plain
    copy of the graph is made first.
    """
    data = {
        "sources": [_source_fields(s) for s in graph.sources],
        "actors": graph.actors,
        "quotes": graph.quotes,
        "events": graph.events,
        "contradictions": graph.contradictions,
        "problems": list(graph.problems),
    }
    write_if_changed(path, _one_item_per_line(data))


def _source_fields(source: Source) -> dict:
    """A source's fields but its text (dataclass values as they are)."""
    data = {name: getattr(source, name) for name in source.__dataclass_fields__}
    data.pop("text")
    return data


def _one_item_per_line(data: dict[str, list]) -> bytes:
    lists = []
    for key in sorted(data):
        items = b",\n".join(orjson.dumps(item, option=orjson.OPT_SORT_KEYS) for item in data[key])
        name = orjson.dumps(key)
        lists.append(name + b": [\n" + items + b"\n]" if items else name + b": []")
    return b"{\n" + b",\n".join(lists) + b"\n}\n"


def _csv_safe(value: str) -> str:
    """Guard against spreadsheet formula injection from article text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_quotes_csv(graph: Graph, path: Path) -> None:
    """One row per quote: id, source, start, end, kind, speaker id, speaker name, cue, text."""
    names = {a.id: a.name for a in graph.actors}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(QUOTE_COLUMNS)
    for q in graph.quotes:
        speaker = q.speaker or ""
        writer.writerow([q.id, q.source, q.start, q.end, q.kind, speaker, _csv_safe(names.get(speaker, "")),
                         _csv_safe(q.cue), _csv_safe(q.text)])
    write_if_changed(path, buffer.getvalue().encode("utf-8"))
