"""Event mentions from one article: trigger, type, date, place, actors."""
from __future__ import annotations

from generator.extract.events import extract_events
from generator.model import Actor, Mention

ARTICLE = """Ceasefire agreed in the north

The government announced a 72-hour ceasefire in Marrow Province on Monday, officials said.

Rebels attacked an army convoy near Tolven on Saturday, killing four soldiers.

"We will never accept a ceasefire imposed by force," a rebel commander said.

The weather was cold and grey.
"""


def test_event_types_dates_and_places(doc_for):
    source, doc = doc_for(ARTICLE, "t1", "2021-07-07")
    events = extract_events(doc, source, [])
    by_type = {e.type: e for e in events}
    assert by_type["ceasefire"].date == "2021-07-05"
    assert by_type["ceasefire"].date_text == "Monday"
    assert by_type["ceasefire"].place == "Marrow Province"
    assert by_type["attack"].date == "2021-07-03"
    assert by_type["attack"].place == "Tolven"
    for event in events:
        assert source.text[event.start:event.end] == event.text


def test_quoted_speech_and_plain_sentences_are_not_events(doc_for):
    source, doc = doc_for(ARTICLE, "t1", "2021-07-07")
    texts = [e.text for e in extract_events(doc, source, [])]
    assert not any("never accept" in t for t in texts)
    assert not any("weather" in t for t in texts)


def test_unknown_date_stays_unknown(doc_for):
    source, doc = doc_for("Title\n\nPolice arrested two protesters in Tolven on Friday.\n", "t2", None)
    (event,) = extract_events(doc, source, [])
    assert event.type == "arrest"
    assert event.date is None and event.date_text == "Friday"


def test_actor_ids_from_mentions(doc_for):
    text = "Title\n\nThe Interior Ministry deployed troops to Tolven on Tuesday.\n"
    source, doc = doc_for(text, "t3", "2021-07-07")
    start = text.index("Interior Ministry")
    actor = Actor(id="t3:1", name="Interior Ministry", kind="organization",
                  mentions=[Mention("t3", start, start + 17, "Interior Ministry")])
    (event,) = extract_events(doc, source, [actor])
    assert event.actors == ["t3:1"]
    assert event.type == "military"
    assert event.date == "2021-07-06"


def test_negated_event_is_skipped(doc_for):
    source, doc = doc_for("Title\n\nThe two sides did not sign the agreement in Tolven on Monday.\n", "t4", "2021-07-07")
    assert [e.type for e in extract_events(doc, source, [])] != ["agreement"]
