"""graph.json and quotes.csv exports of a hand-built graph."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from generator.export import graph_to_dict, write_graph_json, write_quotes_csv
from tests.test_render import small_graph


def test_graph_dict_has_the_contract_fields() -> None:
    data = graph_to_dict(small_graph())
    assert set(data) >= {"sources", "actors", "quotes", "events", "contradictions"}
    assert set(data["sources"][0]) >= {"id", "path", "title", "date", "outlet", "url"}
    assert set(data["actors"][0]) >= {"id", "name", "kind", "aliases", "description", "mentions"}
    assert set(data["actors"][0]["mentions"][0]) >= {"source", "start", "end"}
    assert set(data["quotes"][0]) >= {"id", "text", "kind", "speaker", "source", "start", "end"}
    assert set(data["events"][0]) >= {"id", "title", "date", "actors", "mentions"}
    assert set(data["contradictions"][0]) >= {"id", "summary", "claims"}
    assert set(data["contradictions"][0]["claims"][0]) >= {"source", "start", "end", "text", "actor"}


def test_quote_offsets_match_the_source_text() -> None:
    graph = small_graph()
    data = graph_to_dict(graph)
    texts = {s.id: s.text for s in graph.sources}
    for quote in data["quotes"]:
        assert texts[quote["source"]][quote["start"]:quote["end"]] == quote["text"]


def test_graph_json_is_stable_utf8_with_trailing_newline(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "data" / "graph.json"
    write_graph_json(small_graph(), target)
    first = target.read_bytes()
    assert first.endswith(b"}\n")
    assert "“Lee”".encode("utf-8") in first  # ensure_ascii off
    assert json.loads(first)["actors"][0]["id"] == "ann-lee"
    write_graph_json(small_graph(), target)
    assert target.read_bytes() == first
    assert first.index(b'"actors"') < first.index(b'"contradictions"') < first.index(b'"events"')


def test_quotes_csv_rows(tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    write_quotes_csv(small_graph(), target)
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["id", "source", "start", "end", "kind", "speaker id", "speaker name", "cue", "text"]
    assert rows[1][0] == "001:q1" and rows[1][5] == "ann-lee" and rows[1][6] == "Ann Lee"
    assert rows[1][8] == "Traffic is flowing again,"
    assert rows[2][5] == "" and rows[2][6] == ""


def test_graph_json_has_one_item_per_line(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    graph = small_graph()
    write_graph_json(graph, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    actor_lines = [line for line in lines if line.startswith('{"id":')]
    assert actor_lines[0].startswith('{"id":"ann-lee","name":"Ann Lee",')  # fields in their dataclass order
    actor_lines = [line for line in actor_lines if '"aliases"' in line]
    assert len(actor_lines) == len(graph.actors)
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(json.dumps(graph_to_dict(graph)))
