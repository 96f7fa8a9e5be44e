"""Contradictions on hand-built graphs: each kind, and cases that must yield nothing."""
from __future__ import annotations

import pytest

from generator.compare import find_contradictions
from generator.model import Actor, Event, EventMention, Graph, Mention, Quote


@pytest.fixture
def build(source_from):
    """Graph from {source id: (date, text)}; events and quotes are marked by phrases."""

    def make(articles: dict, events: dict | None = None, quotes: list | None = None, actors: list | None = None):
        sources = [source_from(text, sid, date) for sid, (date, text) in sorted(articles.items())]
        by_id = {s.id: s for s in sources}
        graph_events = []
        for event_id, marks in sorted((events or {}).items()):
            mentions = []
            for sid, phrase, trigger, date, date_text in marks:
                text = by_id[sid].text
                start = text.index(phrase)
                mentions.append(EventMention(sid, start, start + len(phrase), phrase, trigger, "ceasefire",
                                             date, date_text))
            graph_events.append(Event(event_id, event_id.replace("-", " "), "ceasefire", mentions=mentions))
        graph_quotes = []
        for n, (sid, phrase, speaker) in enumerate(quotes or []):
            start = by_id[sid].text.index(phrase)
            graph_quotes.append(Quote(f"{sid}:q{n}", phrase, "indirect", speaker, sid, start, start + len(phrase)))
        names = [Actor(a, n, "person", aliases=al) for a, n, al in (actors or [])]
        return Graph(sources=sources, actors=names, quotes=graph_quotes, events=graph_events)

    return make


PAUSE_A = ("2020-03-05", "Truce talk\n\nThe army announced a six-hour pause in the fighting on Monday.")
PAUSE_B = ("2020-03-05", "Pause begins\n\nThe four-hour pause began in the valley on Monday.")


def claims_text(contradiction) -> list[str]:
    return [c.text for c in contradiction.claims]


def test_figures_of_one_event_that_disagree(build) -> None:
    graph = build({"a": PAUSE_A, "b": PAUSE_B}, events={"pause": [
        ("a", "The army announced a six-hour pause in the fighting on Monday.", "pause", None, ""),
        ("b", "The four-hour pause began in the valley on Monday.", "pause", None, ""),
    ]})
    [found] = find_contradictions(graph)
    assert (found.id, found.kind, found.event) == ("c1", "figures", "pause")
    assert claims_text(found) == ["The army announced a six-hour pause in the fighting on Monday.",
                                  "The four-hour pause began in the valley on Monday."]
    source = graph.source(found.claims[1].source)
    assert source.text[found.claims[1].start:found.claims[1].end] == found.claims[1].text


def test_figures_of_different_events_are_not_compared(build) -> None:
    graph = build({"a": PAUSE_A, "b": PAUSE_B}, events={
        "pause-1": [("a", "The army announced a six-hour pause in the fighting on Monday.", "pause", None, "")],
        "pause-2": [("b", "The four-hour pause began in the valley on Monday.", "pause", None, "")],
    })
    assert find_contradictions(graph) == []


def test_agreeing_hedged_figures_yield_nothing(build) -> None:
    articles = {"a": ("2020-03-05", "Blast\n\nAt least 8 people died in the blast at the mill."),
                "b": ("2020-03-05", "Mill blast\n\nThe blast at the mill killed 10 people, police said.")}
    graph = build(articles, events={"blast": [
        ("a", "At least 8 people died in the blast at the mill.", "blast", None, ""),
        ("b", "The blast at the mill killed 10 people, police said.", "blast", None, ""),
    ]})
    assert find_contradictions(graph) == []


def test_explicit_dates_that_disagree(build) -> None:
    articles = {"a": ("2020-03-09", "Vote\n\nThe vote was held on March 3 in the capital."),
                "b": ("2020-03-09", "Vote held\n\nThe vote took place on March 4 in the capital.")}
    graph = build(articles, events={"vote": [
        ("a", "The vote was held on March 3 in the capital.", "vote", "2020-03-03", "on March 3"),
        ("b", "The vote took place on March 4 in the capital.", "vote", "2020-03-04", "on March 4"),
    ]})
    [found] = find_contradictions(graph)
    assert found.kind == "figures" and "March 3" in found.summary


CHARACTER = {
    "a": ("2020-05-02", "Truce\n\nMinister Anna Berg said the truce was a sign of goodwill by the army."),
    "b": ("2020-05-02", "Critics\n\nThe truce began at dawn.\n\nOpposition leader Tom Hale said it was a cynical ruse."),
}


def test_opposed_characterisations_of_one_event(build) -> None:
    graph = build(CHARACTER, events={"truce": [
        ("a", "Minister Anna Berg said the truce was a sign of goodwill by the army.", "truce", None, ""),
        ("b", "The truce began at dawn.", "truce", None, ""),
    ]}, quotes=[("a", "the truce was a sign of goodwill by the army", "anna-berg"),
                ("b", "it was a cynical ruse", "tom-hale")],
        actors=[("anna-berg", "Anna Berg", []), ("tom-hale", "Tom Hale", [])])
    [found] = find_contradictions(graph)
    assert found.kind == "characterisation" and found.event == "truce"
    assert [c.actor for c in found.claims] == ["anna-berg", "tom-hale"]
    assert found.summary == "Anna Berg calls the truce “goodwill”; Tom Hale calls it “cynical”"


def test_same_polarity_yields_nothing(build) -> None:
    articles = dict(CHARACTER)
    articles["b"] = ("2020-05-02", "Critics\n\nThe truce began at dawn.\n\nTom Hale said it was a genuine offer.")
    graph = build(articles, events={"truce": [
        ("a", "Minister Anna Berg said the truce was a sign of goodwill by the army.", "truce", None, ""),
        ("b", "The truce began at dawn.", "truce", None, ""),
    ]}, quotes=[("a", "the truce was a sign of goodwill by the army", "anna-berg"),
                ("b", "it was a genuine offer", "tom-hale")])
    assert find_contradictions(graph) == []


def test_undermined_praise_is_scorn(build) -> None:
    articles = dict(CHARACTER)
    articles["b"] = ("2020-05-02", "Critics\n\nThe truce began at dawn.\n\nTom Hale said these were false gestures "
                                   "of goodwill.")
    graph = build(articles, events={"truce": [
        ("a", "Minister Anna Berg said the truce was a sign of goodwill by the army.", "truce", None, ""),
        ("b", "The truce began at dawn.", "truce", None, ""),
    ]}, quotes=[("a", "the truce was a sign of goodwill by the army", "anna-berg"),
                ("b", "these were false gestures of goodwill", "tom-hale")])
    [found] = find_contradictions(graph)
    assert found.kind == "characterisation" and "false gestures of goodwill" in found.summary


def test_existence_clash_on_the_same_noun(build) -> None:
    articles = {
        "a": ("2021-01-10", "Routes\n\nThe general said four shelters could be used by families."),
        "b": ("2021-01-11", "Denial\n\nA local official said that no such emergency shelters existed in the town."),
    }
    graph = build(articles, quotes=[("a", "four shelters could be used by families", "general"),
                                    ("b", "no such emergency shelters existed in the town", "official")])
    [found] = find_contradictions(graph)
    assert found.kind == "existence" and found.actors == ["general", "official"]
    assert claims_text(found)[1] == "A local official said that no such emergency shelters existed in the town."


def test_existence_needs_the_same_noun_and_time(build) -> None:
    articles = {
        "a": ("2021-01-10", "Routes\n\nThe general said four shelters could be used by families."),
        "b": ("2021-01-11", "Denial\n\nA local official said that no such bridges existed in the town."),
        "c": ("2021-06-30", "Later\n\nThere are no shelters in the town, a resident said."),
    }
    assert find_contradictions(build(articles)) == []


def test_uncertainty_is_no_assertion(build) -> None:
    articles = {
        "a": ("2021-01-10", "Routes\n\nIt is not clear whether any shelters have been opened."),
        "b": ("2021-01-11", "Denial\n\nThere are no shelters in the town, a resident said."),
    }
    assert find_contradictions(build(articles)) == []


def test_inline_denial(build) -> None:
    articles = {"a": ("2019-07-01", "Strikes\n\nRights groups said the raids had killed civilians, an allegation "
                                    "the Ministry denied.")}
    graph = build(articles, actors=[("ministry", "Ministry", [])])
    [found] = find_contradictions(graph)
    assert found.kind == "denial"
    assert claims_text(found) == ["Rights groups said the raids had killed civilians",
                                  "an allegation the Ministry denied"]
    assert found.claims[1].actor == "ministry"


def test_denial_of_the_previous_sentence(build) -> None:
    articles = {"a": ("2019-07-01", "Port\n\nActivists accused the navy of sinking the boat. The navy denied "
                                    "the accusations.")}
    [found] = find_contradictions(build(articles))
    assert found.kind == "denial"
    assert claims_text(found) == ["Activists accused the navy of sinking the boat.", "The navy denied the accusations."]


def test_plain_negation_is_no_denial(build) -> None:
    articles = {"a": ("2019-07-01", "Port\n\nThe navy said the boat sank. It did not give a reason.")}
    assert find_contradictions(build(articles)) == []


def test_ids_are_numbered_in_a_stable_order(build) -> None:
    articles = {"a": ("2019-07-01", "Strikes\n\nGroups said raids killed civilians, an allegation the army denied."),
                "b": ("2019-07-01", "Port\n\nActivists accused the navy of sinking a boat. The navy denied the "
                                    "claims.")}
    first = find_contradictions(build(articles))
    again = find_contradictions(build(articles))
    assert [c.id for c in first] == ["c1", "c2"] and first == again


def test_change_of_position_between_two_events(build) -> None:
    articles = {
        "a": ("2020-01-02", "First\n\nThe first truce held.\n\nTom Hale said it was a genuine effort."),
        "b": ("2020-02-20", "Second\n\nA second truce began.\n\nTom Hale said it was a sham."),
    }
    graph = build(articles, events={
        "truce-1": [("a", "The first truce held.", "truce", None, "")],
        "truce-2": [("b", "A second truce began.", "truce", None, "")],
    }, quotes=[("a", "it was a genuine effort", "tom-hale"), ("b", "it was a sham", "tom-hale")])
    [found] = find_contradictions(graph)
    assert found.kind == "position" and found.actors == ["tom-hale"] and found.event == "truce-2"


def test_weekday_dates_that_disagree(build) -> None:
    articles = {"a": ("2020-03-11", "Blast\n\nTuesday’s explosion at the mill killed four workers."),
                "b": ("2020-03-12", "Mill\n\nThe explosion that wrecked the mill late on Monday was an accident."),
                "c": ("2020-03-13", "Union\n\nA union on Friday denounced the explosion inquiry.")}
    graph = build(articles, events={"blast": [
        ("a", "Tuesday’s explosion at the mill killed four workers.", "explosion", "2020-03-10", "Tuesday"),
        ("b", "The explosion that wrecked the mill late on Monday was an accident.", "explosion", "2020-03-09",
         "Monday"),
        ("c", "A union on Friday denounced the explosion inquiry.", "explosion", "2020-03-13", "Friday"),
    ]})
    [found] = find_contradictions(graph)
    assert found.kind == "figures"
    assert found.summary == ("Sources disagree on the date of blast: a says Tuesday (2020-03-10), "
                             "b says Monday (2020-03-09)")


def test_datelines_and_days_of_speaking_do_not_date_the_event(build) -> None:
    articles = {"a": ("2020-03-11", "Blast\n\nMILLTOWN, March 11 - An explosion at the mill killed four workers."),
                "b": ("2020-03-12", "Mill\n\nThe explosion killed four workers, police said on Thursday.")}
    graph = build(articles, events={"blast": [
        ("a", "MILLTOWN, March 11 - An explosion at the mill killed four workers.", "explosion", "2020-03-11",
         "March 11"),
        ("b", "The explosion killed four workers, police said on Thursday.", "explosion", "2020-03-12", "Thursday"),
    ]})
    assert find_contradictions(graph) == []


def test_existence_sides_named_by_the_verb_of_saying(build) -> None:
    articles = {
        "a": ("2021-01-10", "Routes\n\nThe general said four shelters could be used by families."),
        "b": ("2021-01-11", "Denial\n\nThe Council has repeatedly said no such shelters exist."),
    }
    graph = build(articles, quotes=[("a", "four shelters could be used by families", "general")],
                  actors=[("council", "Council", [])])
    text = graph.source("b").text
    graph.actors[0].mentions.append(Mention("b", text.index("Council"), text.index("Council") + 7, "Council"))
    [found] = find_contradictions(graph)
    assert found.summary == "general says shelters exist; Council says there are no shelters"


def test_finders_in_forked_processes_find_the_same(build, monkeypatch) -> None:
    import generator.compare as compare

    denial = ("2020-03-06", "Pause denied\n\nRebels shelled the valley on Monday, an allegation the army denied.")
    graph = build({"a": PAUSE_A, "b": PAUSE_B, "c": denial}, events={"pause": [
        ("a", "The army announced a six-hour pause in the fighting on Monday.", "pause", None, ""),
        ("b", "The four-hour pause began in the valley on Monday.", "pause", None, ""),
    ]})
    alone = find_contradictions(graph)
    monkeypatch.setattr(compare, "PARALLEL_SOURCES", 0)
    shared = find_contradictions(graph, jobs=2)
    assert [c.kind for c in alone] == ["figures", "denial"]
    assert shared == alone
