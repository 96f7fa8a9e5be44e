"""One act dated differently by two articles."""
from __future__ import annotations

from generator.compare import find_contradictions
from generator.model import Graph


def make_graph(source_from, articles: dict) -> Graph:
    """Articles {id: (date, text)}, no actors, quotes or events."""
    sources = [source_from(text, sid, date) for sid, (date, text) in sorted(articles.items())]
    return Graph(sources=sources, actors=[], quotes=[], events=[])


def test_one_act_two_months(source_from) -> None:
    graph = make_graph(source_from, {
        "a": ("2024-06-05", "Strike\n\nThe union wants the company to restore a safety bonus scrapped last month."),
        "b": ("2024-06-08", "Vote\n\nThe safety bonus was worth 9% of pay before the company scrapped it in April."),
    })
    [found] = find_contradictions(graph)
    assert found.kind == "figures"
    assert found.summary == ("Sources disagree on when the safety bonus was scrapped: a says last month (2024-05), "
                             "b says in April (2024-04)")


def test_matching_days_other_acts_and_changes_are_no_clash(source_from) -> None:
    graph = make_graph(source_from, {
        "a": ("2024-06-05", "Strike\n\nThe safety bonus was scrapped in April. Consumer prices rose last month."),
        "b": ("2024-06-08", "Vote\n\nThe safety bonus was scrapped on April 12. Consumer prices rose in "
                            "April. The night shift was scrapped last month."),
        "c": ("2024-09-30", "Later\n\nThe safety bonus was scrapped in March."),
    })
    assert find_contradictions(graph) == []


def test_a_shared_phrase_away_from_the_act_is_not_enough(source_from) -> None:
    graph = make_graph(source_from, {
        "a": ("2024-06-05", "Vote\n\nThe budget was approved in March by the national assembly."),
        "b": ("2024-06-08", "Vote\n\nThe tax reform was approved last month by the national assembly."),
    })
    assert find_contradictions(graph) == []
