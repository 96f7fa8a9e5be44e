"""Figures: numbers with units, hedges, normalisation and agreement."""
from __future__ import annotations

import pytest

from generator.extract.figures import figures_agree, find_figures


def only(text: str):
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def test_count_with_hedge_and_noun() -> None:
    figure = only("Officials said at least 91 people were killed.")
    assert (figure.value, figure.unit, figure.kind, figure.hedge) == (91, "person", "count", "at least")
    assert figure.text == "at least 91 people"


def test_offsets_index_the_article() -> None:
    text = "The ferry carried some 20 passengers."
    figure = find_figures(text[4:], "007", offset=4)[0]
    assert text[figure.start:figure.end] == figure.text == "some 20 passengers"
    assert figure.source == "007" and figure.hedge == "about"


@pytest.mark.parametrize("text, value, unit", [
    ("a so-called eight-hour pause", 8, "hour"),
    ("it will last for ten hours", 10, "hour"),
    ("a three-day visit", 72, "hour"),
    ("after 90 minutes of talks", 1.5, "hour"),
])
def test_durations_are_hours(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert figure.kind == "duration" and figure.unit == unit and figure.value == pytest.approx(value)


@pytest.mark.parametrize("text, span, hours", [
    ("a pause on May 4 from 9:00 am (0600 GMT) to 19:00, he said", "9:00 am (0600 GMT) to 19:00", 10),
    ("the polls stay open between 8am and 6pm", "8am and 6pm", 10),
    ("a curfew from 22:00 to 06:00", "22:00 to 06:00", 8),
    ("the crossing opens 10am-4pm", "10am-4pm", 6),
])
def test_a_span_of_clock_times_is_a_duration(text: str, span: str, hours: float) -> None:
    durations = [f for f in find_figures(text) if f.kind == "duration"]
    assert [(f.text, f.value, f.unit) for f in durations] == [(span, hours, "hour")]
    assert text[durations[0].start:durations[0].end] == span


@pytest.mark.parametrize("text", ["shots at 9 am and 5 pm", "at 9:00 and again at 11:00 GMT", "at 9:00, then 11:00"])
def test_two_separate_clock_times_make_no_duration(text: str) -> None:
    assert [f.kind for f in find_figures(text)] == ["time", "time"]


def test_distances_are_metres() -> None:
    assert only("a wall 1,312 feet long").value == pytest.approx(399.9, abs=0.1)
    assert only("some 2.5 km from the border").value == pytest.approx(2500)


def test_number_words_and_modifiers() -> None:
    assert (only("Twenty-five soldiers arrived").value, only("two special corridors").unit) == (25, "corridor")
    assert only("eight corridors were opened").value == 8


def test_times_percent_money() -> None:
    kinds = [(f.kind, f.value) for f in find_figures("from 9:00 am to 7pm; turnout was 27%; aid of $5 million")]
    assert kinds == [("time", 9.0), ("duration", 10.0), ("time", 19.0), ("percent", 27.0), ("money", 5_000_000.0)]


def test_vague_quantities() -> None:
    figure = only("Dozens of people gathered")
    assert (figure.unit, figure.hedge) == ("person", "dozens")


def test_dates_years_and_identifiers_are_not_figures() -> None:
    assert find_figures("On November 4, 2016, and on 24/09/2016, see ID 55361339; on the one hand") == []


def test_hedged_values_agree_when_the_hedge_admits_the_other() -> None:
    assert figures_agree(only("at least 8 people"), only("10 people"))
    assert not figures_agree(only("at most 8 people"), only("10 people"))


def test_units_are_normalised_before_agreement() -> None:
    assert figures_agree(only("about 400 metres"), only("1,300 feet"))
    assert figures_agree(only("three days"), only("72 hours"))


def test_different_values_disagree() -> None:
    assert not figures_agree(only("eight hours"), only("ten hours"))


def test_different_units_are_not_compared() -> None:
    assert not figures_agree(only("eight hours"), only("eight people"))
