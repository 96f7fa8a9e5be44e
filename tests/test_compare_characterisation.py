"""Opposed characterisations: framing verbs, shared sentences, labels, names that look like verdicts."""
from __future__ import annotations

from generator.compare import find_contradictions
from generator.compare.characterisation import evaluations
from generator.model import Actor, Event, EventMention, Graph, Mention, Quote


def make_graph(source_from, articles: dict, event_phrases: dict, quotes=(), actors=()) -> Graph:
    """Articles {id: text}; one event "deal" with a mention per article; actors (id, kind, [(article, phrase)])."""
    sources = [source_from(text, sid, "2023-05-04") for sid, text in sorted(articles.items())]
    texts = {s.id: s.text for s in sources}
    mentions = []
    for sid, phrase in sorted(event_phrases.items()):
        start = texts[sid].index(phrase)
        mentions.append(EventMention(sid, start, start + len(phrase), phrase, "deal", "agreement", None, ""))
    graph_quotes = []
    for n, (sid, phrase, speaker) in enumerate(quotes):
        start = texts[sid].index(phrase)
        graph_quotes.append(Quote(f"{sid}:q{n}", phrase, "direct", speaker, sid, start, start + len(phrase)))
    graph_actors = []
    for actor_id, kind, places in actors:
        found = [Mention(sid, texts[sid].index(p), texts[sid].index(p) + len(p), p) for sid, p in places]
        graph_actors.append(Actor(actor_id, places[0][1], kind, mentions=found))
    return Graph(sources=sources, actors=graph_actors, quotes=graph_quotes,
                 events=[Event("deal", "Deal", "agreement", mentions=mentions)])


def test_a_scorning_verb_makes_a_quoted_phrase_scorn(source_from) -> None:
    articles = {"a": "Deal\n\nPresident Ana Ruiz called the deal “a victory for common sense” on Monday.",
                "b": "Rebels\n\nTom Kerr, commander of the Free Army, dismissed the deal as “a paper promise”."}
    graph = make_graph(source_from, articles, {"a": "the deal", "b": "the deal"},
                       quotes=[("a", "a victory for common sense", "ana-ruiz")],
                       actors=[("ana-ruiz", "person", [("a", "Ana Ruiz")]),
                               ("tom-kerr", "person", [("b", "Tom Kerr")]),
                               ("free-army", "group", [("b", "Free Army")])])
    [found] = find_contradictions(graph)
    assert found.kind == "characterisation" and found.actors == ["ana-ruiz", "tom-kerr"]
    assert found.summary == ("Ana Ruiz calls the deal “a victory for common sense”; "
                             "Tom Kerr calls it “a paper promise”")


def test_praise_and_scorn_in_one_sentence_are_split(source_from) -> None:
    text = ("Truce\n\nThe army declared a “humanitarian truce” in the city, but this was rejected by the rebel "
            "council who denounced it as a cynical ruse.")
    graph = make_graph(source_from, {"a": text}, {"a": "declared"},
                       quotes=[("a", "humanitarian truce", "army")],
                       actors=[("army", "organization", [("a", "army")]),
                               ("council", "group", [("a", "rebel council")])])
    [found] = find_contradictions(graph)
    assert [c.text for c in found.claims] == [
        "The army declared a “humanitarian truce” in the city",
        "this was rejected by the rebel council who denounced it as a cynical ruse.",
    ]
    assert [c.actor for c in found.claims] == ["army", "council"]
    assert found.summary.endswith("Council calls it “a cynical ruse”") or "a cynical ruse" in found.summary


def test_labels_count_only_when_quoted_and_names_are_no_verdicts() -> None:
    assert evaluations("Aid workers brought humanitarian supplies.") == []
    assert evaluations("“Humanitarian operations cannot depend on politics,” he said.") == []
    assert [p for p, _, _ in evaluations("Russia announced a “humanitarian pause”.")] == [1]
    assert [p for p, _, _ in evaluations("Russia announced a so-called “humanitarian pause”.")] == [-1]
    assert evaluations("Jabhat Fateh al-Sham is not in the city.") == []
    assert [p for p, _, _ in evaluations("The rebels dismissed it as “theatre”.")] == [-1]
    assert evaluations("The rebels never dismissed it as “theatre”.") == []


def test_one_actor_turning_on_one_event_is_a_change_of_position(source_from) -> None:
    articles = {"a": "Deal\n\nAna Ruiz called the deal “a genuine effort”.",
                "b": "Deal off\n\nAna Ruiz now says the deal is “a sham”."}
    sources = {"a": "2023-05-01", "b": "2023-05-20"}
    graph = make_graph(source_from, articles, {"a": "the deal", "b": "the deal"},
                       quotes=[("a", "a genuine effort", "ana-ruiz"), ("b", "a sham", "ana-ruiz")],
                       actors=[("ana-ruiz", "person", [("a", "Ana Ruiz"), ("b", "Ana Ruiz")])])
    for source in graph.sources:
        source.date = sources[source.id]
    [found] = find_contradictions(graph)
    assert found.kind == "position" and found.actors == ["ana-ruiz"]
    assert found.summary == ("Ana Ruiz called the deal “a genuine effort” (2023-05-01) "
                             "and later “a sham” (2023-05-20)")
