"""Hand corrections: validation messages and their effect on a graph."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import curation
from generator.model import Actor, Event, EventMention, Graph, Mention, Quote, Source


def graph() -> Graph:
    text = "Moscow denied it. Russia said no. Jan Novak spoke. Novack added more."
    source = Source(id="s1", path="s1.txt", text=text)
    actors = [
        Actor("russia", "Russia", "state", ["Russia"], mentions=[Mention("s1", 18, 24, "Russia")]),
        Actor("moscow", "Moscow", "state", ["Moscow"], mentions=[Mention("s1", 0, 6, "Moscow")]),
        Actor("jan-novak", "Jan Novak", "person", ["Jan Novak", "Novack"],
              mentions=[Mention("s1", 34, 43, "Jan Novak"), Mention("s1", 51, 57, "Novack")]),
    ]
    quotes = [
        Quote("s1:q0", "it", "indirect", "moscow", "s1", 14, 16, speaker_text="Moscow"),
        Quote("s1:q1", "more", "indirect", "jan-novak", "s1", 64, 68, speaker_text="Novack"),
    ]
    mention = EventMention("s1", 0, 17, "Moscow denied it.", "denied", "denial", actors=["moscow"])
    events = [Event("e1", "Denial", "denial", actors=["moscow"], mentions=[mention])]
    return Graph(sources=[source], actors=actors, quotes=quotes, events=events)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "curation.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_means_no_rules(tmp_path: Path) -> None:
    assert curation.load(tmp_path / "curation.yml") == curation.Rules()


def test_merge_keeps_the_first_actor_and_moves_everything(tmp_path: Path) -> None:
    rules = curation.load(write(tmp_path, "merge:\n  - actors: [Russia, moscow]\n    why: same government\n"))
    g = graph()
    curation.apply(g, rules)
    assert [a.id for a in g.actors] == ["russia", "jan-novak"]
    russia = g.actors[0]
    assert russia.aliases == ["Russia", "Moscow"]
    assert [m.start for m in russia.mentions] == [0, 18]
    assert g.quotes[0].speaker == "russia"
    assert g.events[0].actors == ["russia"]
    assert "same government" in russia.merges[0]


def test_split_moves_a_surface_form_to_a_new_actor(tmp_path: Path) -> None:
    rules = curation.load(write(tmp_path, "split:\n  - {actor: Jan Novak, aliases: [Novack], name: Petr Novack}\n"))
    g = graph()
    curation.apply(g, rules)
    novack = curation.find_actor(g, "Petr Novack")
    assert novack is not None and novack.id == "petr-novack"
    assert [m.text for m in novack.mentions] == ["Novack"]
    assert g.quotes[1].speaker == "petr-novack"
    assert [m.text for m in curation.find_actor(g, "Jan Novak").mentions] == ["Jan Novak"]


def test_rename_set_drop_and_speaker_fix(tmp_path: Path) -> None:
    text = (
        "rename: {Jan Novak: Jan Nowak}\n"
        "actors:\n  Jan Nowak: {description: mayor of a town, kind: person}\n"
        "drop:\n  actors: [Moscow]\n  quotes: ['s1:q1']\n"
        "speakers: {'s1:q0': Russia}\n"
    )
    g = graph()
    curation.apply(g, curation.load(write(tmp_path, text)))
    nowak = curation.find_actor(g, "jan nowak")
    assert nowak.description == "mayor of a town" and "Jan Novak" in nowak.aliases
    assert curation.find_actor(g, "Moscow") is None
    assert [q.id for q in g.quotes] == ["s1:q0"] and g.quotes[0].speaker == "russia"
    assert g.events[0].actors == []


def test_rules_naming_nothing_are_reported_not_fatal(tmp_path: Path) -> None:
    notes: list[str] = []
    g = graph()
    curation.apply(g, curation.load(write(tmp_path, "rename: {Nobody: Somebody}\nspeakers: {'zz:q9': Russia}\n")), notes.append)
    assert any("Nobody" in n for n in notes) and any("zz:q9" in n for n in notes)


def test_source_metadata_is_set_before_extraction(tmp_path: Path) -> None:
    rules = curation.load(write(tmp_path, "sources:\n  s1: {date: 2016-11-04, outlet: Example News}\n"))
    source = Source(id="s1", path="s1.txt", text="x")
    curation.apply_sources([source], rules)
    assert (source.date, source.date_origin, source.outlet) == ("2016-11-04", "curation", "Example News")


@pytest.mark.parametrize(
    "text, message",
    [
        ("merge: [1, 2", "not valid YAML"),
        ("- a\n- b\n", "must be a mapping"),
        ("colours: {}\n", "unknown section"),
        ("merge:\n  - actors: [Russia]\n", "at least two"),
        ("actors:\n  Russia: {kind: planet}\n", "must be one of"),
        ("sources:\n  s1: {date: next week}\n", "YYYY-MM-DD"),
        ("drop:\n  people: [x]\n", "unknown key"),
        ("rename: [a, b]\n", "must be a mapping"),
    ],
)
def test_invalid_files_get_a_message_naming_the_place(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(curation.CurationError) as err:
        curation.load(write(tmp_path, text))
    assert message in str(err.value) and "curation.yml" in str(err.value)
