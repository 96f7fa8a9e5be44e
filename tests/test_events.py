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


def _events(doc_for, sentence, date="2021-07-07", source_id="m1"):
    source, doc = doc_for(f"Title\n\n{sentence}\n", source_id, date)
    return source, extract_events(doc, source, [])


def test_two_happenings_in_one_sentence_are_two_mentions(doc_for):
    source, events = _events(doc_for, "The fighting, which began on July 1, killed 14 soldiers before the truce "
                                      "was agreed on Monday, officials said.")
    by_type = {e.type: e for e in events}
    assert by_type["ceasefire"].date == "2021-07-05"
    assert by_type["ceasefire"].trigger == "truce"
    fighting = by_type["military"]
    assert fighting.trigger == "fighting" and fighting.date == "2021-07-01"
    spans = sorted((e.start, e.end) for e in events)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # separate stretches of the sentence
    for event in events:
        assert source.text[event.start:event.end] == event.text


def test_light_verb_gives_way_to_the_event_noun(doc_for):
    _, events = _events(doc_for, "The two countries agreed on Monday to a ceasefire along their border.")
    assert [(e.type, e.trigger, e.date) for e in events] == [("ceasefire", "ceasefire", "2021-07-05")]


def test_a_date_said_of_something_else_is_not_the_events(doc_for):
    _, events = _events(doc_for, "The death toll from floods in the province rose to 41 on Monday, the governor said.")
    floods = [e for e in events if e.type == "accident"]
    assert floods and floods[0].date is None


def test_relative_clause_dates_its_noun(doc_for):
    _, events = _events(doc_for, "The governor said the ceasefire, which he said was signed late on Monday, "
                                 "was holding.")
    assert [(e.type, e.date) for e in events] == [("ceasefire", "2021-07-05")]


def test_deaths_in_a_flood_are_no_attack(doc_for):
    _, events = _events(doc_for, "At least 23 people were killed when the river burst its banks on Sunday.")
    assert [(e.type, e.date) for e in events] == [("accident", "2021-07-04")]


def test_toll_participle_joins_its_attack(doc_for):
    _, events = _events(doc_for, "Rebels attacked an army convoy near Tolven on Saturday, killing four soldiers.")
    assert [(e.type, e.trigger) for e in events] == [("attack", "attacked")]


def test_strike_in_a_labour_story_is_a_walkout(doc_for):
    text = ("Title\n\nMiners at the copper mine and their union want the bonus back, and the workers will not "
            "return until it is paid.\n\nThe strike, which began on July 1, would continue, the union said.\n")
    source, doc = doc_for(text, "m2", "2021-07-07")
    strikes = [e for e in extract_events(doc, source, []) if e.trigger == "strike"]
    assert strikes and strikes[0].type == "protest" and strikes[0].date == "2021-07-01"


def test_people_held_and_freed(doc_for):
    _, events = _events(doc_for, "Police on Wednesday released two managers they had held since Sunday.")
    assert sorted((e.type, e.date) for e in events) == [("arrest", "2021-07-04"), ("other", "2021-07-07")]
    _, events = _events(doc_for, "The union held talks with the owner in Tolven on Monday.")
    assert "arrest" not in {e.type for e in events}


def test_inquiry_and_when_clause_dates(doc_for):
    _, events = _events(doc_for, "The government on Friday ordered an inquiry into the collapse of the bridge.")
    assert [(e.type, e.date) for e in events] == [("inquiry", "2021-07-02")]
    _, events = _events(doc_for, "The truce collapsed after a week when an aid convoy was bombed on Monday.")
    truce = [e for e in events if e.type == "ceasefire"]
    assert truce and truce[0].date == "2021-07-05"


def test_arrivals_ceremonies_and_what_is_no_meeting(doc_for):
    _, events = _events(doc_for, "Monitors said they had reached Tolven on Sunday.")
    assert [(e.type, e.date) for e in events] == [("meeting", "2021-07-04")]
    _, events = _events(doc_for, "Families gathered in Tolven, where a memorial service was held on Thursday.")
    assert [(e.type, e.date) for e in events] == [("other", "2021-07-01")]
    _, events = _events(doc_for, "The governor in Tolven would not say whether it met the definition on Monday.")
    assert "meeting" not in {e.type for e in events}


def test_a_duration_before_a_dated_end_counts_back_to_the_start(doc_for):
    """ "Held for five days before being released on Sunday" began five days before that Sunday."""
    _, events = _events(doc_for, "The hostages were held for five days before being released on Sunday.",
                        date="2024-06-06")
    held = next(e for e in events if e.trigger == "held")
    assert (held.date, held.date_end) == ("2024-05-28", "2024-06-02")
    _, events = _events(doc_for, "The truce held for three days until fighting resumed on Friday.", date="2024-06-10")
    truce = next(e for e in events if e.type == "ceasefire")
    assert (truce.date, truce.date_end) == ("2024-06-04", "2024-06-07")
    fighting = next(e for e in events if e.trigger == "fighting")
    assert fighting.date == "2024-06-07"


def test_a_duration_of_hours_does_not_count_back_to_a_day(doc_for):
    _, events = _events(doc_for, "The talks went on for 10 hours before a deal was signed on Friday.",
                        date="2024-06-10")
    talks = next(e for e in events if e.trigger == "talks")
    assert (talks.date, talks.date_end) == (None, None)  # Friday, or Thursday night: not counted back


def test_a_toll_told_on_a_day_does_not_date_the_killing(doc_for):
    _, events = _events(doc_for, "The union said on Thursday that 27 people were killed in the explosion.",
                        date="2024-03-14")
    assert [e.date for e in events if e.trigger == "explosion"] == [None]
    _, events = _events(doc_for, "The minister said on Tuesday that an investigation had been opened.",
                        date="2024-03-14")
    assert [e.date for e in events if e.trigger == "investigation"] == ["2024-03-12"]


def test_a_role_named_after_a_happening_is_no_happening(doc_for):
    _, events = _events(doc_for, "Anton Brisk, the fire chief, said on Wednesday that the search was over.",
                        date="2024-03-14")
    assert not [e for e in events if e.trigger == "fire"]
    _, events = _events(doc_for, "A fire broke out in the warehouse on Monday.", date="2024-03-14")
    assert [e.trigger for e in events] == ["fire"]


def test_a_dated_denial_of_accusations_is_an_event_beside_what_it_is_about(doc_for):
    _, events = _events(doc_for, "The interior minister on Friday rejected accusations that his ministry ignored "
                                 "warnings about the port, where an explosion earlier this week killed 10 people.",
                        date="2024-03-15")
    assert [(e.type, e.trigger, e.date) for e in events][:1] == [("statement", "rejected", "2024-03-15")]
    assert any(e.trigger == "explosion" and e.date is None for e in events)
    _, events = _events(doc_for, "Rebels rejected the ceasefire proposal on Monday.", date="2024-03-15")
    assert [e.type for e in events] == ["ceasefire"]  # a position on a proposal, not a denial


def test_met_by_resistance_is_no_meeting(doc_for):
    _, events = _events(doc_for, "Government advances have been met this week by fierce resistance from rebels.")
    assert not [e for e in events if e.type == "meeting"]
    _, events = _events(doc_for, "The envoy was met by the foreign minister at the airport on Monday.")
    assert [e.type for e in events] == ["meeting"]


def test_days_after_a_happening_count_back_from_the_main_clause(doc_for):
    _, events = _events(doc_for, "Civilians trickled out of the town on Saturday, two days after a ceasefire "
                                 "between the two armies took effect.", date="2023-10-28")
    assert [(e.type, e.date) for e in events if e.type == "ceasefire"] == [("ceasefire", "2023-10-26")]
    _, events = _events(doc_for, "The minister said on Monday, four days after the two neighbours agreed to stop "
                                 "fighting.", date="2023-10-31")
    assert [e.date for e in events if e.trigger == "agreed"] == ["2023-10-26"]
    _, events = _events(doc_for, "The president resigned on Friday, two years after he was elected.",
                        date="2023-10-31")
    assert [e.date for e in events if e.type == "election"] == [None]  # years are no whole days


def _with_quotes(doc_for, text: str, source_id: str, date):
    """Mentions of an article whose quotes are extracted first, as the pipeline does."""
    from generator.extract.actors import extract_actors
    from generator.extract.quotes import extract_quotes

    source, doc = doc_for(text, source_id, date)
    actors = extract_actors(doc, source)
    quotes = extract_quotes(doc, source, actors)
    return source, quotes, extract_events(doc, source, actors, quotes)


def test_a_dated_happening_announced_in_a_quotation_is_claimed_by_its_speaker(doc_for):
    text = ("Army offers a pause\n\n“A decision was made to introduce a humanitarian pause in Tolven on May 4 "
            "from 9:00 am to 19:00,” the army chief Ivan Petrov said in a statement.\n")
    source, quotes, events = _with_quotes(doc_for, text, "c1", "2021-05-02")
    (pause,) = events
    quote = next(q for q in quotes if q.id == pause.claimed_in)
    assert pause.type == "ceasefire" and pause.date == "2021-05-04" and pause.place == "Tolven"
    assert "humanitarian pause" in quote.text and quote.speaker is not None
    assert [(f.kind, f.value) for f in pause.figures if f.kind == "duration"] == [("duration", 10.0)]


def test_an_undated_or_rhetorical_quotation_claims_no_event(doc_for):
    text = ("Talks\n\n“We need to attack the problem at its roots,” the minister Ivan Petrov said in a statement "
            "on Monday.\n\n“There will be no ceasefire,” Petrov said.\n")
    _, _, events = _with_quotes(doc_for, text, "c2", "2021-05-05")
    assert not any(e.claimed_in for e in events)


def test_the_writers_own_report_is_not_claimed(doc_for):
    text = "Title\n\nThe army declared a ceasefire in Tolven on Monday, Ivan Petrov said.\n"
    _, _, events = _with_quotes(doc_for, text, "c3", "2021-05-05")
    assert [(e.type, e.claimed_in) for e in events] == [("ceasefire", "")]


def test_a_place_named_elsewhere_in_the_article_is_a_place_after_any_preposition(doc_for):
    text = ("Title\n\nResidents fled from the fighting in Tolven on Monday.\n\n"
            "The army's ferocious military campaign on Tolven continued.\n")
    source, doc = doc_for(text, "p1", "2021-05-05")
    campaign = next(e for e in extract_events(doc, source, []) if "campaign" in e.trigger)
    assert campaign.place == "Tolven"


def test_hit_by_violence_is_an_attack_and_hit_by_prices_is_not(doc_for):
    text = ("Title\n\nThe war goes on.\n\nMosul has been hit by some of the worst shelling of the war.\n\n"
            "Farmers have been hit by rising prices.\n")
    source, doc = doc_for(text, "h1", "2021-05-05")
    events = extract_events(doc, source, [])
    assert [(e.trigger, e.type) for e in events] == [("hit", "attack")]
    assert events[0].place == "Mosul"


def test_a_happening_nobody_did_is_no_event(doc_for):
    text = ("Title\n\nNobody was shooting at the crossing in Tolven on Monday.\n\n"
            "No shots were fired in Tolven on Tuesday.\n\nSoldiers shot at the crossing in Tolven on Sunday.\n")
    source, doc = doc_for(text, "n1", "2021-05-05")
    assert [e.date_text for e in extract_events(doc, source, [])] == ["Sunday"]


def test_courts_recalls_and_collapses_are_events(doc_for):
    text = ("Syrup maker charged\n\n"
            "Prosecutors charged two executives of the drug maker on Monday.\n\n"
            "Families filed a lawsuit against the company on Tuesday.\n\n"
            "The regulator ordered the recall of every batch on Wednesday.\n\n"
            "Rescuers searched the river after the collapse of the dam on Thursday.\n\n"
            "The truce effectively collapsed after a week.")
    source, doc = doc_for(text, "t1", "2024-09-06")
    events = extract_events(doc, source, [])
    types = sorted((e.date, e.type) for e in events)
    assert ("2024-09-02", "legal") in types and ("2024-09-03", "legal") in types
    assert ("2024-09-04", "other") in types and ("2024-09-05", "accident") in types
    assert not any(e.type == "accident" and "truce" in e.text for e in events)  # a truce's collapse is no accident
