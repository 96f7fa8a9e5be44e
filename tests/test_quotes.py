"""Quotes: direct and indirect speech and who said it, on small invented wire reports."""
from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes, quoted_spans


@pytest.fixture
def quotes_of(doc_for):
    """Extract (quote text, kind, speaker name, partial) from an article."""

    def run(text: str):
        source, doc = doc_for(text.replace("\n", "\n\n"))
        actors = extract_actors(doc, source)
        names = {a.id: a.name for a in actors}
        found = extract_quotes(doc, source, actors)
        for quote in found:
            assert source.text[quote.start : quote.end] == quote.text
        return [(q.text, q.kind, names.get(q.speaker), q.partial) for q in found]

    return run


def speakers(found, kind="direct"):
    return {text: who for text, k, who, _ in found if k == kind}


def test_speaker_after_the_quote_and_pronoun_follow_up(quotes_of) -> None:
    found = quotes_of(
        "Floods hit Velmora\n"
        "“The water rose faster than anyone expected,” said Idris Tamsin, the harbour master.\n"
        "“We moved the boats inland overnight,” he added.\n"
    )
    assert speakers(found) == {
        "The water rose faster than anyone expected": "Idris Tamsin",
        "We moved the boats inland overnight": "Idris Tamsin",
    }


def test_speaker_before_the_quote_with_colon_and_curly_or_straight_marks(quotes_of) -> None:
    found = quotes_of(
        "Union votes to strike\n"
        'Union leader Marta Okonkwo said: "We will not return until the mine is safe."\n'
        "Mining minister Paul Brandt told reporters: “The mine passed every inspection this year.”\n"
    )
    assert speakers(found) == {
        "We will not return until the mine is safe.": "Marta Okonkwo",
        "The mine passed every inspection this year.": "Paul Brandt",
    }


def test_the_spokesman_is_the_named_spokesman(quotes_of) -> None:
    found = quotes_of(
        "Port closed after blast\n"
        "Lena Farrow, a spokeswoman for the Coastal Authority, confirmed the closure on Monday.\n"
        "“Nobody will be allowed near the docks until the fire is out,” the spokeswoman said.\n"
    )
    assert speakers(found)["Nobody will be allowed near the docks until the fire is out"] == "Lena Farrow"


def test_a_quoted_paragraph_continues_the_previous_speaker(quotes_of) -> None:
    found = quotes_of(
        "Talks stall\n"
        "Negotiator Samir Haddad said: “We came here in good faith and we are leaving with nothing.\n"
        "“The other side has not moved on a single point in three days of talks.”\n"
    )
    assert set(speakers(found).values()) == {"Samir Haddad"}
    assert len(found) == 2


def test_scare_quotes_are_nobodys_quote(quotes_of) -> None:
    found = quotes_of(
        "Government ‘reforms’ draw crowds\n"
        "Thousands marched against the so-called “reforms” in the capital on Sunday.\n"
        "The ministry's 'temporary' measures have now lasted two years, residents noted.\n"
    )
    assert not [q for q in found if q[1] == "direct"]


def test_a_characterising_word_is_a_partial_quote_of_its_speaker(quotes_of) -> None:
    found = quotes_of(
        "Opposition rejects offer\n"
        "Opposition leader Carla Mendes called the offer a “cynical gimmick” on Tuesday.\n"
    )
    assert ("cynical gimmick", "direct", "Carla Mendes", True) in found


def test_brackets_and_ellipses_stay_inside_the_quote(quotes_of) -> None:
    found = quotes_of(
        "Mayor speaks\n"
        "“We reject this [plan] completely ... it is not acceptable,” Mayor Jonas Keller said.\n"
    )
    assert speakers(found) == {"We reject this [plan] completely ... it is not acceptable": "Jonas Keller"}


def test_indirect_speech_said_that_and_according_to(quotes_of) -> None:
    found = quotes_of(
        "Bridge to reopen\n"
        "Transport minister Elena Varga said that the bridge would reopen within a week.\n"
        "According to engineer Tomas Horvat, the cracks were found in the eastern pillars.\n"
    )
    indirect = speakers(found, "indirect")
    assert indirect["the bridge would reopen within a week"] == "Elena Varga"
    assert indirect["the cracks were found in the eastern pillars"] == "Tomas Horvat"


def test_accusations_are_indirect_speech(quotes_of) -> None:
    found = quotes_of(
        "Row over border\n"
        "Prime Minister Anna Lindqvist accused the neighbouring government of moving troops to the border.\n"
    )
    indirect = speakers(found, "indirect")
    assert indirect == {"the neighbouring government of moving troops to the border": "Anna Lindqvist"}


def test_a_headline_quote_belongs_to_the_name_before_the_colon(quotes_of) -> None:
    found = quotes_of(
        "Okafor: ‘We will rebuild every school’\n"
        "Education minister Grace Okafor visited the flooded district on Friday.\n"
    )
    assert ("We will rebuild every school", "direct", "Grace Okafor", True) in found


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The rebels’ position hasn’t changed, and Russia’s offer isn’t new."
    assert quoted_spans(text, 0, len(text)) == []


def test_single_quotes_inside_a_quote_are_not_separate_quotes() -> None:
    text = "“They told us ‘leave now’ and then the shelling began,” she said."
    spans = quoted_spans(text, 0, len(text))
    assert [(text[s.start : s.end]) for s in spans] == ["They told us ‘leave now’ and then the shelling began,"]
