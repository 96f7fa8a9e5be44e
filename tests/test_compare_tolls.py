"""Death tolls that disagree inside one article."""
from __future__ import annotations

from generator.compare import find_contradictions
from generator.model import Graph, Quote


def make_graph(source_from, text: str, quotes=()) -> Graph:
    source = source_from(text, "a", "2022-04-02")
    graph_quotes = []
    for n, (phrase, speaker) in enumerate(quotes):
        start = text.index(phrase)
        graph_quotes.append(Quote(f"a:q{n}", phrase, "indirect", speaker, "a", start, start + len(phrase)))
    return Graph(sources=[source], actors=[], quotes=graph_quotes, events=[])


def test_two_tellers_two_tolls(source_from) -> None:
    text = ("Blast\n\nAt least 30 people were killed in the blast at the mill, the workers' union said.\n\n"
            "The ministry said that the official death toll stood at 12.")
    graph = make_graph(source_from, text, quotes=[("the official death toll stood at 12", "ministry")])
    [found] = find_contradictions(graph)
    assert found.kind == "figures"
    assert found.summary == "Death toll: the workers' union says at least 30 people, ministry says 12"
    assert [c.actor for c in found.claims] == [None, "ministry"]


def test_a_part_of_the_toll_is_a_lower_bound(source_from) -> None:
    text = ("Floods\n\nThe death toll rose to 41, the governor said.\n\n"
            "The Red Cross said its volunteers had counted 63 dead in four villages alone.\n\n"
            "Aid workers said they had counted 20 dead in the capital alone.")
    graph = make_graph(source_from, text, quotes=[("The death toll rose to 41", "governor"),
                                                  ("its volunteers had counted 63 dead in four villages alone",
                                                   "red-cross"),
                                                  ("they had counted 20 dead in the capital alone", "aid")])
    found = find_contradictions(graph)
    assert [sorted(c.actors) for c in found] == [["governor", "red-cross"]]


def test_rising_tolls_hedges_and_other_disasters_are_no_clash(source_from) -> None:
    text = ("Quake\n\nAt least 8 people died in the quake, police said.\n\n"
            "Hospital officials said 10 people were killed.\n\n"
            "The death toll later rose to 15, the mayor said.\n\n"
            "It was the deadliest quake since 2011, when 200 people died, the mayor said.\n\n"
            "Two firefighters were among the dead, a union said.")
    graph = make_graph(source_from, text, quotes=[("10 people were killed", "hospital"),
                                                  ("The death toll later rose to 15", "mayor")])
    assert find_contradictions(graph) == []


def test_one_teller_is_no_clash(source_from) -> None:
    text = ("Blast\n\nThe ministry said 12 people were killed.\n\nThe ministry said 14 people were killed.")
    graph = make_graph(source_from, text, quotes=[("12 people were killed", "ministry"),
                                                  ("14 people were killed", "ministry")])
    assert find_contradictions(graph) == []


def test_tolls_of_different_places_are_no_clash(source_from) -> None:
    text = ("Raids\n\nIn Arvo, 30 people were killed, the health ministry said.\n\n"
            "Five people were killed in Belgrove, the army said.\n\n"
            "Twelve people were killed in the raids, a monitor said.")
    graph = make_graph(source_from, text, quotes=[("30 people were killed", "ministry"),
                                                  ("Five people were killed in Belgrove", "army"),
                                                  ("Twelve people were killed in the raids", "monitor")])
    assert find_contradictions(graph) == []
