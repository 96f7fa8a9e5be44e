"""Denials: framed claims, inline denials by a titled person, the denier's own words that follow."""
from __future__ import annotations

from generator.compare import find_contradictions
from generator.model import Actor, Graph, Mention, Quote


def make_graph(source_from, text: str, quotes=(), actors=()) -> Graph:
    """One article; quotes are (phrase, kind, speaker); actors are (id, name, kind, [mention phrases])."""
    source = source_from(text, "a", "2022-04-02")
    graph_quotes = []
    for n, (phrase, kind, speaker) in enumerate(quotes):
        start = text.index(phrase)
        graph_quotes.append(Quote(f"a:q{n}", phrase, kind, speaker, "a", start, start + len(phrase)))
    graph_actors = []
    for actor_id, name, kind, phrases in actors:
        mentions = [Mention("a", text.index(p), text.index(p) + len(p), p) for p in phrases]
        graph_actors.append(Actor(actor_id, name, kind, mentions=mentions))
    return Graph(sources=[source], actors=graph_actors, quotes=graph_quotes, events=[])


def texts(contradiction) -> list[str]:
    return [c.text for c in contradiction.claims]


def test_framed_denial_takes_the_claim_and_the_deniers_words(source_from) -> None:
    text = ("Port\n\nThe transport minister on Monday rejected accusations that his ministry had ignored "
            "safety warnings at the harbour. \"It is not true. We never received a single report,\" "
            "Ana Lopes told reporters.\n\nThe harbour reopened on Tuesday.")
    graph = make_graph(source_from, text,
                       quotes=[("It is not true. We never received a single report", "direct", "ana-lopes")],
                       actors=[("ana-lopes", "Ana Lopes", "person", ["Ana Lopes"])])
    [found] = find_contradictions(graph)
    assert found.kind == "denial"
    assert texts(found)[0] == "accusations that his ministry had ignored safety warnings at the harbour."
    assert texts(found)[2:] == ["\"It is not true.", "We never received a single report,\" Ana Lopes told reporters."]
    assert found.summary == "Ana Lopes rejects accusations that his ministry had ignored safety warnings at the harbour"


def test_denied_that_with_an_organisation_and_its_words(source_from) -> None:
    text = ("Dam\n\nThe Water Board denied that the release of water from the dam had caused the flooding. "
            "\"The release was announced two days in advance,\" a spokeswoman said.")
    graph = make_graph(source_from, text, quotes=[("The release was announced two days in advance", "direct", None)],
                       actors=[("board", "Water Board", "organization", ["Water Board"])])
    [found] = find_contradictions(graph)
    assert found.kind == "denial" and found.actors == ["board"]
    assert texts(found) == ["the release of water from the dam had caused the flooding.",
                            "The Water Board denied that",
                            "\"The release was announced two days in advance,\" a spokeswoman said."]


def test_denied_that_alone_is_no_contradiction(source_from) -> None:
    text = "Dam\n\nThe Water Board denied that the release of water from the dam had caused the flooding."
    graph = make_graph(source_from, text, actors=[("board", "Water Board", "organization", ["Water Board"])])
    assert find_contradictions(graph) == []


def test_short_or_quoted_framings_are_no_denial(source_from) -> None:
    short = make_graph(source_from, "Talks\n\nThe mayor denied that it was so.")
    assert find_contradictions(short) == []
    text = "Talks\n\n\"We denied that the money was ever paid to the contractor,\" the mayor said."
    quoted = make_graph(source_from, text,
                        quotes=[("We denied that the money was ever paid to the contractor", "direct", None)])
    assert find_contradictions(quoted) == []


def test_inline_denial_by_a_titled_person(source_from) -> None:
    text = ("Mine\n\nThe company accused strikers of damaging a shaft, an allegation union leader Tom Berg "
            "denied. \"Our members protected that mine,\" he said.")
    graph = make_graph(source_from, text, quotes=[("Our members protected that mine", "direct", "tom-berg")],
                       actors=[("tom-berg", "Tom Berg", "person", ["Tom Berg"])])
    [found] = find_contradictions(graph)
    assert texts(found) == ["The company accused strikers of damaging a shaft",
                            "an allegation union leader Tom Berg denied",
                            "\"Our members protected that mine,\" he said."]
    assert found.claims[1].actor == "tom-berg"


def test_disputed_account_with_a_residents_quote(source_from) -> None:
    text = ("Flood\n\n\"The order went out on Saturday,\" the governor said at a briefing. Residents of the "
            "village disputed that account. \"Nobody told us anything on Saturday,\" said Eva Lund.")
    graph = make_graph(source_from, text, quotes=[("The order went out on Saturday", "direct", "governor"),
                                                  ("Nobody told us anything on Saturday", "direct", "eva-lund")])
    [found] = find_contradictions(graph)
    assert found.kind == "denial"
    assert texts(found)[1:] == ["Residents of the village disputed that account.",
                                "\"Nobody told us anything on Saturday,\" said Eva Lund."]


def test_the_claimants_reply_is_not_the_deniers_words(source_from) -> None:
    text = ("Mine\n\nThe company accused strikers of damaging a shaft, an allegation the union denied. "
            "\"They broke it,\" the manager said.")
    graph = make_graph(source_from, text, quotes=[("They broke it", "direct", "company")],
                       actors=[("company", "Company", "organization", ["company"]),
                               ("union", "Union", "organization", ["union"])])
    [found] = find_contradictions(graph)
    assert len(found.claims) == 2


def test_refusing_to_deny_is_no_denial(source_from) -> None:
    text = "Talks\n\nThe minister refused to deny reports that the army had shelled the village on Monday."
    assert find_contradictions(make_graph(source_from, text)) == []


def test_rejecting_descriptions_with_the_quote_that_follows(source_from) -> None:
    text = ("Mine\n\nUnion leader Tom Berg used a rally to reject descriptions of the two managers held in the "
            "office as hostages. \"No one was held hostage,\" he said.")
    graph = make_graph(source_from, text, quotes=[("No one was held hostage", "direct", "tom-berg")],
                       actors=[("tom-berg", "Tom Berg", "person", ["Tom Berg"])])
    [found] = find_contradictions(graph)
    assert found.actors == ["tom-berg"]
    assert [c.text for c in found.claims][2:] == ["\"No one was held hostage,\" he said."]


def test_the_spokesman_voices_an_unnamed_denier_and_datelines_are_dropped(source_from) -> None:
    text = ("Jobs\n\nMILLTOWN, Ruritania - Ana Berg accused the company of planning to cut jobs. The company "
            "rejected the claim. \"It's a lie,\" spokesman Joel Amar said.")
    graph = make_graph(source_from, text, quotes=[("It's a lie", "direct", "joel-amar")],
                       actors=[("ana-berg", "Ana Berg", "person", ["Ana Berg"]),
                               ("joel-amar", "Joel Amar", "person", ["Joel Amar"])])
    [found] = find_contradictions(graph)
    assert found.summary == "Joel Amar denies what Ana Berg asserts"
    assert texts(found)[0] == "Ana Berg accused the company of planning to cut jobs."
