"""Use of force condemned and defended: a party's own defence against others' charges of atrocity."""
from __future__ import annotations

from generator.compare import find_contradictions
from generator.model import Actor, Event, EventMention, Graph, Mention, Quote

DEFENCE = ("Shelling\n\nGeneral Ivo Petrov spoke about the shelling of Tolven. "
           "“We have to protect the people, and we will finish the job,” Petrov said.")
CHARGE = ("Tolven\n\nThe shelling of Tolven amounts to war crimes, said Ana Ruiz, a rights lawyer.")


def force_graph(source_from, articles: dict, quotes=(), event_actors=("ivo-petrov",)) -> Graph:
    """One attack, "the shelling", with a mention per article; Petrov and Ruiz as actors."""
    sources = [source_from(text, sid, "2023-05-04") for sid, text in sorted(articles.items())]
    mentions = []
    for source in sources:
        start = source.text.index("shelling of Tolven")
        mentions.append(EventMention(source.id, start, start + 18, "shelling of Tolven", "shelling", "attack"))
    graph_quotes = []
    for n, (sid, phrase, speaker) in enumerate(quotes):
        text = next(s.text for s in sources if s.id == sid)
        start = text.index(phrase)
        graph_quotes.append(Quote(f"{sid}:q{n}", phrase, "direct", speaker, sid, start, start + len(phrase)))
    actors = []
    for actor_id, name in (("ivo-petrov", "Ivo Petrov"), ("ana-ruiz", "Ana Ruiz")):
        found = [Mention(s.id, s.text.index(name), s.text.index(name) + len(name), name)
                 for s in sources if name in s.text]
        actors.append(Actor(actor_id, name, "person", mentions=found))
    event = Event("shelling", "Shelling of Tolven", "attack", actors=list(event_actors), mentions=mentions)
    return Graph(sources=sources, actors=actors, quotes=graph_quotes, events=[event])


def test_a_partys_defence_against_a_charge_of_war_crimes(source_from) -> None:
    graph = force_graph(source_from, {"a": DEFENCE, "b": CHARGE},
                        quotes=[("a", "We have to protect the people, and we will finish the job,", "ivo-petrov"),
                                ("b", "The shelling of Tolven amounts to war crimes", "ana-ruiz")])
    [found] = find_contradictions(graph)
    assert found.kind == "characterisation" and found.actors == ["ana-ruiz", "ivo-petrov"]
    assert found.summary == ("Ivo Petrov defends the shelling (“protect the people”); "
                             "Ana Ruiz condemns it (“war crimes”)")
    assert [c.actor for c in found.claims] == ["ivo-petrov", "ana-ruiz"]


def test_a_call_to_protect_civilians_by_an_outsider_is_no_defence(source_from) -> None:
    """The UN urging everyone to protect civilians defends no one's shelling: only a party, in the first person."""
    call = "Call\n\nAfter the shelling of Tolven, the envoy Ivo Petrov said: “All sides must protect civilians.”"
    graph = force_graph(source_from, {"a": call, "b": CHARGE},
                        quotes=[("a", "All sides must protect civilians.", "ivo-petrov"),
                                ("b", "The shelling of Tolven amounts to war crimes", "ana-ruiz")])
    assert find_contradictions(graph) == []
    outsider = force_graph(source_from, {"a": DEFENCE, "b": CHARGE}, event_actors=(),
                           quotes=[("a", "We have to protect the people, and we will finish the job,", "ivo-petrov"),
                                   ("b", "The shelling of Tolven amounts to war crimes", "ana-ruiz")])
    assert find_contradictions(outsider) == []


def test_a_denied_atrocity_or_a_question_is_no_charge(source_from) -> None:
    denied = ("Tolven\n\nThe shelling of Tolven was not genocide, said Ana Ruiz, a rights lawyer.",
              "The shelling of Tolven was not genocide")
    asked = ("Tolven\n\nIs the shelling of Tolven a war crime, asked Ana Ruiz, a rights lawyer?",
             "Is the shelling of Tolven a war crime")
    for text, words in (denied, asked):
        graph = force_graph(source_from, {"a": DEFENCE, "b": text},
                            quotes=[("a", "We have to protect the people, and we will finish the job,", "ivo-petrov"),
                                    ("b", words, "ana-ruiz")])
        assert find_contradictions(graph) == []
    charged = force_graph(source_from, {"a": DEFENCE, "b": CHARGE},
                          quotes=[("a", "We have to protect the people, and we will finish the job,", "ivo-petrov"),
                                  ("b", "The shelling of Tolven amounts to war crimes", "ana-ruiz")])
    assert len(find_contradictions(charged)) == 1  # the same shape, asserted: a charge
