"""Clustering event mentions across articles into events."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from generator.extract.events import extract_events
from generator.model import Event, EventMention, Figure, Source


events_module = importlib.import_module("generator.resolve.events")
resolve_events = events_module.resolve_events
infer_source_dates = events_module.infer_source_dates


OUTLET_A = """Truce declared in Marrow

The government declared a ceasefire in Marrow Province on Monday after weeks of fighting.
"""
OUTLET_B = """Marrow truce begins

A three-day truce in Marrow Province began on Monday, the interior ministry said.
"""


def _mentions(doc_for, text, source_id, date):
    source, doc = doc_for(text, source_id, date)
    return source, extract_events(doc, source, [])


def test_two_outlets_one_ceasefire(doc_for):
    a, ma = _mentions(doc_for, OUTLET_A, "a", "2021-07-06")
    b, mb = _mentions(doc_for, OUTLET_B, "b", "2021-07-07")
    events = [e for e in resolve_events(ma + mb, [a, b]) if e.type == "ceasefire"]
    assert len(events) == 1
    assert events[0].date == "2021-07-05"
    assert {m.source for m in events[0].mentions} == {"a", "b"}
    assert events[0].id.startswith("2021-07-05-")
    assert "Marrow" in events[0].title


def test_two_strikes_a_week_apart_stay_apart(doc_for):
    first = "Strike\n\nJets bombed the port of Tolven on Monday, killing six people.\n"
    second = "Strike\n\nJets bombed the port of Tolven on Tuesday, killing six people.\n"
    a, ma = _mentions(doc_for, first, "a", "2021-07-06")
    b, mb = _mentions(doc_for, second, "b", "2021-07-14")
    attacks = [e for e in resolve_events(ma + mb, [a, b]) if e.type == "attack"]
    assert sorted(e.date for e in attacks) == ["2021-07-05", "2021-07-13"]


def _mention(source, date, trigger="pause", place="Tolven", start=0, kind="ceasefire", date_text=""):
    return EventMention(source=source, start=start, end=start + 10, text=f"A {trigger} in {place}.",
                        trigger=trigger, type=kind, date=date, date_text=date_text, place=place)


def test_undated_mention_joins_event_in_its_article_window():
    sources = [Source("a", "a.txt", "", date="2021-07-06"), Source("b", "b.txt", "", date="2021-07-06")]
    events = resolve_events([_mention("a", "2021-07-05"), _mention("b", None)], sources)
    assert len(events) == 1 and events[0].date == "2021-07-05"


def test_vague_date_outside_window_stays_apart():
    sources = [Source("a", "a.txt", "", date="2021-07-06")]
    events = resolve_events([_mention("a", "2021-07-05"), _mention("a", None, start=50, date_text="last month")],
                            sources)
    assert len(events) == 2


def test_ids_are_unique_sorted_and_deterministic():
    sources = [Source("a", "a.txt", "", date="2021-07-06")]
    mentions = [_mention("a", "2021-07-05", kind="attack", trigger="raid", place="Tolven", start=0),
                _mention("a", "2021-07-05", kind="protest", trigger="rally", place="Tolven", start=20),
                _mention("a", None, kind="attack", trigger="raid", place="Orvel", date_text="last month", start=40)]
    first = resolve_events(mentions, sources)
    again = resolve_events(list(reversed(mentions)), sources)
    assert [e.id for e in first] == [e.id for e in again]
    assert len({e.id for e in first}) == 3
    assert [e.date or "9999" for e in first] == sorted(e.date or "9999" for e in first)


def test_figures_and_shared_words_help_merge():
    sources = [Source("a", "a.txt", "", date=None), Source("b", "b.txt", "", date=None)]
    eight = Figure(text="eight-hour", value=8, unit="hour", kind="duration")
    one = _mention("a", None, trigger="humanitarian pause", place="Tolven")
    two = _mention("b", None, trigger="humanitarian pause", place="Tolven")
    one.figures, two.figures = [eight], [eight]
    assert len(resolve_events([one, two], sources)) == 1


def test_infer_source_dates_from_shared_events():
    sources = [Source("a", "a.txt", "", date="2021-07-06"), Source("b", "b.txt", "", date=None)]
    mentions = [_mention("a", "2021-07-05"), _mention("b", None)]
    events = resolve_events(mentions, sources)
    assert infer_source_dates(sources, events) == {}  # one shared event is too weak a link
    two = Event("e2", "Second", "meeting", date="2021-07-06", mentions=[
        EventMention("a", 50, 60, "x", "met", "meeting", "2021-07-06"), EventMention("b", 50, 60, "x", "met", "meeting")])
    assert infer_source_dates(sources, events + [two]) == {"b": "2021-07-06"}


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.skipif(not any(SEEDS.glob("000_*.txt")), reason="seed articles not present")
def test_seed_eight_hour_pause_is_one_event(doc_for):
    def seed(prefix, date):
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        text = "\n\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        return _mentions(doc_for, text, prefix, date)

    s0, m0 = seed("000", None)
    s3, m3 = seed("003", "2016-10-19")
    events = resolve_events(m0 + m3, [s0, s3])
    joint = [e for e in events if {m.source for m in e.mentions} == {"000", "003"}]
    assert sorted(e.type for e in joint) == ["ceasefire", "military"]  # the pause, and the weeks of bombing
    pause = next(e for e in joint if e.type == "ceasefire")
    assert pause.date == "2016-10-20"


def _pause(start: int, text: str, trigger: str) -> EventMention:
    return EventMention(source="x", start=start, end=start + len(text), text=text, trigger=trigger, type="ceasefire")


def test_one_article_naming_its_truce_twice_means_one_event() -> None:
    mentions = [
        _pause(0, "The army began a pause in the fighting in Kessa.", "pause"),
        _pause(60, "Rebels said the planned truce was a trick.", "planned truce"),
    ]
    assert len(resolve_events(mentions, [Source(id="x", path="x.txt", text="")])) == 1


def test_a_truce_from_last_month_stays_apart() -> None:
    mentions = [
        _pause(0, "The army began a pause in the fighting in Kessa.", "pause"),
        _pause(60, "A short truce collapsed last month after two days.", "truce"),
    ]
    assert len(resolve_events(mentions, [Source(id="x", path="x.txt", text="")])) == 2


def _told(source, date, trigger, kind, text, figures=(), words=()):
    return EventMention(source=source, start=0, end=len(text), text=text, trigger=trigger, type=kind,
                        date=date, figures=list(figures), trigger_words=list(words))


def test_kindred_words_for_one_happening_merge():
    sources = [Source("a", "a.txt", "", date="2021-07-06"), Source("b", "b.txt", "", date="2021-07-07")]
    first = _told("a", "2021-07-05", "truce", "ceasefire", "A truce was agreed on Monday.", words=["truce"])
    second = _told("b", "2021-07-05", "ceasefire", "ceasefire", "The ceasefire agreed on Monday.",
                   words=["ceasefire"])
    (event,) = resolve_events([first, second], sources)
    assert {m.source for m in event.mentions} == {"a", "b"}
    assert events_module.same_family(first, second)
    joined = next(m for m in event.mentions if m.linked_by)
    assert joined.linked_by[:2] == ["kindred words (“ceasefire” / “truce”)", "same day (2021-07-05)"] or \
        joined.linked_by[:2] == ["kindred words (“truce” / “ceasefire”)", "same day (2021-07-05)"]


def test_kindred_words_on_days_a_fortnight_apart_stay_apart():
    sources = [Source("a", "a.txt", "", date="2021-07-06"), Source("b", "b.txt", "", date="2021-07-20")]
    first = _told("a", "2021-07-05", "truce", "ceasefire", "A truce was agreed on Monday.", words=["truce"])
    second = _told("b", "2021-07-19", "pause", "ceasefire", "A pause began on Monday.", words=["pause"])
    assert len(resolve_events([first, second], sources)) == 2


def test_a_long_strike_reaches_back_to_its_start():
    sources = [Source("a", "a.txt", "", date="2021-05-03"), Source("b", "b.txt", "", date="2021-06-10")]
    began = _told("a", "2021-05-01", "strike", "protest", "The strike, which began on Saturday, goes on.",
                  words=["strike"])
    lasted = _told("b", None, "strike", "protest", "a strike that had lasted six weeks", words=["strike"],
                   figures=[Figure("six weeks", 1008.0, "hour", "duration")])
    (event,) = resolve_events([began, lasted], sources)
    assert event.date == "2021-05-01"


def test_a_weeks_long_campaign_is_not_one_days_raid():
    sources = [Source("a", "a.txt", "", date=None), Source("b", "b.txt", "", date="2021-07-06")]
    campaign = _told("a", None, "weeks-long bombardment", "attack", "a weeks-long bombardment on the city",
                     words=["bombardment"])
    raid = _told("b", "2021-07-05", "bombardment", "attack", "Jets bombed the city on Monday.",
                 words=["bombardment"])
    assert len(resolve_events([campaign, raid], sources)) == 2


def test_undated_articles_opening_on_a_bombing_are_not_one_story_for_that():
    """Two stories on one war weeks apart open on bombings too: the lead bonus needs dated articles."""
    sources = [Source("a", "a.txt", "", date="2021-07-06"), Source("b", "b.txt", "", date=None)]
    raid = _told("a", "2021-07-05", "bombed", "attack", "Jets bombed Tolven on Monday.", words=["bomb"])
    headline = _told("b", None, "Army-backed bombing", "attack", "Army-backed bombing has paused",
                     words=["bombing"])
    assert len(resolve_events([raid, headline], sources)) == 2
    sources[1] = Source("b", "b.txt", "", date="2021-07-07")
    (event,) = resolve_events([raid, headline], sources)
    assert "both articles open on it" in next(m for m in event.mentions if m.linked_by).linked_by


def test_a_ground_assault_and_air_strikes_in_one_article_stay_apart():
    """One article, one type (attack), but no kindred words: a rebel assault is not the air strikes."""
    source = Source("x", "x.txt", "")
    strikes = EventMention(source="x", start=0, end=40, text="The strikes had been killing civilians.",
                           trigger="strikes", type="attack", trigger_words=["strike"])
    assault = EventMention(source="x", start=60, end=100, text="Rebels launched a major assault Friday.",
                           trigger="major assault", type="attack", trigger_words=["assault"])
    assert len(resolve_events([strikes, assault], [source])) == 2
    again = EventMention(source="x", start=120, end=160, text="The bombing went on in the east.",
                         trigger="bombing", type="attack", trigger_words=["bombing"])
    assert len(resolve_events([strikes, assault, again], [source])) == 2  # strikes and bombing: one family


def test_a_halt_of_air_strikes_is_no_kin_of_a_truce():
    """Halt / moratorium (one side stops one thing) and truce / pause are two families of words."""
    halt = _told("a", None, "moratorium", "ceasefire", "extended a moratorium on air strikes", words=["moratorium"])
    truce = _told("a", None, "truce", "ceasefire", "The truce began in the north.", words=["truce"])
    pause = _told("b", None, "pause", "ceasefire", "A pause in the fighting began.", words=["pause"])
    assert not events_module.same_family(halt, truce)
    assert events_module.same_family(truce, pause)
    assert events_module.same_family(halt, _told("b", None, "halted", "ceasefire", "They halted air raids.",
                                                 words=["halt"]))


def test_a_state_since_a_day_is_not_an_hours_long_pause():
    sources = [Source("a", "a.txt", "", date=None), Source("b", "b.txt", "", date=None)]
    since = EventMention(source="a", start=0, end=60,
                         text="Since Oct. 18, the army says it has halted its raids in Kessa.", trigger="halted",
                         type="ceasefire", date_text="Oct. 18", place="Kessa", trigger_words=["halt"])
    pause = EventMention(source="b", start=0, end=50, text="The army announced an eight-hour halt in Kessa.",
                         trigger="halt", type="ceasefire", place="Kessa", trigger_words=["halt"],
                         figures=[Figure("eight-hour", 8.0, "hour", "duration")])
    assert len(resolve_events([since, pause], sources)) == 2
    pause.figures = []
    assert len(resolve_events([since, pause], sources)) == 1


def test_across_articles_a_type_and_a_place_alone_do_not_merge():
    """Undated articles: "Russia halted raids in Kessa" and "rebels rejected the truce in Kessa" share
    a type, a place and an actor, but no word for the happening and no day."""
    sources = [Source("a", "a.txt", "", date=None), Source("b", "b.txt", "", date=None)]
    first = EventMention(source="a", start=0, end=40, text="Russia halted its raids in Kessa.", trigger="halted",
                         type="ceasefire", place="Kessa", actors=["russia"], trigger_words=["halt"])
    second = EventMention(source="b", start=0, end=40, text="Rebels rejected the truce Russia offered in Kessa.",
                          trigger="truce", type="ceasefire", place="Kessa", actors=["russia"], trigger_words=["truce"])
    assert len(resolve_events([first, second], sources)) == 2
    first.date = second.date = "2021-07-05"
    assert len(resolve_events([first, second], sources)) == 1


def test_two_articles_statements_need_a_speaker_and_a_day_in_common():
    sources = [Source("a", "a.txt", "", date="2024-03-15"), Source("b", "b.txt", "", date="2024-03-15")]
    minister = EventMention(source="a", start=0, end=40, text="The minister denied the accusations on Friday.",
                            trigger="denied", type="statement", date="2024-03-15", actors=["minister"],
                            trigger_words=["deny"])
    union = EventMention(source="b", start=0, end=40, text="The union denied the accusations on Friday.",
                         trigger="denied", type="statement", date="2024-03-15", actors=["union"],
                         trigger_words=["deny"])
    assert len(resolve_events([minister, union], sources)) == 2
    union.actors = ["union", "minister"]
    (event,) = resolve_events([minister, union], sources)
    assert event.title == "Denial"
    minister.date = union.date = None  # one speaker, many statements: without a day in common, two
    assert len(resolve_events([minister, union], sources)) == 2


def test_talks_and_a_deal_on_one_day_in_two_articles_are_one_happening():
    sources = [Source("a", "a.txt", "", date="2024-06-07"), Source("b", "b.txt", "", date="2024-06-07")]
    deal = _told("a", "2024-06-06", "deal", "agreement", "The union reached a deal with the owner on Thursday.",
                 words=["deal", "reach"])
    talks = _told("b", "2024-06-06", "talks", "meeting", "The rival union was not part of the talks on Thursday.",
                  words=["talk", "talks"])
    (event,) = resolve_events([deal, talks], sources)
    assert len(event.mentions) == 2
    talks.source = "a"  # one article, two words: two happenings ("failed to agree"; "met civil society")
    assert len(resolve_events([deal, talks], sources)) == 2
    talks.source, talks.date = "b", "2024-06-05"
    assert len(resolve_events([deal, talks], sources)) == 2


def test_two_articles_visits_by_different_people_stay_apart():
    sources = [Source("a", "a.txt", "", date="2024-03-13"), Source("b", "b.txt", "", date="2024-03-13")]
    mayor = _told("a", None, "visited", "meeting", "The mayor visited the injured in hospital.", words=["visit"])
    president = _told("b", None, "visit", "meeting", "The president is expected to visit the city.",
                      words=["visit"])
    mayor.actors, president.actors = ["mayor"], ["president"]
    assert len(resolve_events([mayor, president], sources)) == 2
    president.actors = ["president", "mayor"]
    assert len(resolve_events([mayor, president], sources)) == 1




def test_an_undated_weekday_unlike_a_known_day_keeps_apart_unless_corroborated():
    """ "Announced on Wednesday" in an article without a date is not a truce known to be on a Monday,
    unless a place, actor or figure ties them (the weekday may be the announcement's)."""
    sources = [Source("a", "a.txt", "", date="2021-07-06"), Source("b", "b.txt", "")]
    known = _mention("a", "2021-07-05", trigger="ceasefire", place="Tolven")  # a Monday
    wednesday = _mention("b", None, trigger="ceasefire", place="", date_text="Wednesday")
    monday = _mention("b", None, trigger="ceasefire", place="", date_text="on Monday")
    placed = _mention("b", None, trigger="ceasefire", place="Tolven", date_text="Wednesday")
    assert len(resolve_events([known, wednesday], sources)) == 2
    assert len(resolve_events([known, monday], sources)) == 1
    assert len(resolve_events([known, placed], sources)) == 1


def _at(source, start, trigger, kind, text, place="Tolven", date_text="", figures=(), words=()):
    return EventMention(source=source, start=start, end=start + len(text), text=text, trigger=trigger, type=kind,
                        place=place, date_text=date_text, figures=list(figures), trigger_words=list(words))


def test_one_articles_campaign_and_anothers_strikes_on_one_city_join_after_each_story_forms():
    """Each article's mentions form their own story first; an undated link as strong as a merge then
    joins the two stories (the campaign on the city, the strikes in the city)."""
    sources = [Source("a", "a.txt", ""), Source("b", "b.txt", "")]
    mentions = [
        _at("a", 0, "ferocious campaign", "military", "its ferocious campaign on Tolven", words=["campaign"]),
        _at("a", 50, "onslaught", "military", "their onslaught on Tolven", words=["onslaught"]),
        _at("b", 0, "army-backed bombing", "attack", "Army-backed bombing has paused", place=None,
            words=["bombing"]),
        _at("b", 40, "strikes", "attack", "As the strikes in Tolven have continued", words=["strike"]),
    ]
    (event,) = resolve_events(mentions, sources)
    assert {m.source for m in event.mentions} == {"a", "b"}
    assert sum(1 for m in event.mentions if not m.linked_by) == 1  # every other account says why it joined


def test_stories_that_name_a_day_or_hours_are_not_joined_after_the_fact():
    """An eight-hour pause and another article's ceasefire "announced on Wednesday" stay apart: bounded
    happenings were compared on their days and hours in the first pass."""
    sources = [Source("a", "a.txt", ""), Source("b", "b.txt", "")]
    eight = Figure("eight-hour", 8.0, "hour", "duration")
    mentions = [
        _at("a", 0, "humanitarian pause", "ceasefire", "an eight-hour humanitarian pause in Tolven", figures=[eight],
            words=["pause"]),
        _at("b", 0, "ceasefire", "ceasefire", "The ceasefire was announced on Wednesday", place=None,
            date_text="Wednesday", words=["ceasefire"]),
        _at("b", 60, "ceasefire", "ceasefire", "The ceasefire in Tolven", words=["ceasefire"]),
    ]
    events = resolve_events(mentions, sources)
    assert sorted(len({m.source for m in e.mentions}) for e in events) == [1, 1]


ATTACK_A = """Raid on Tolven depot

Gunmen attacked the fuel depot in Tolven on Tuesday, police said. The raid lasted two hours.
"""
ATTACK_B = """Tolven depot attacked

An attack on a fuel depot in Tolven on Tuesday left the site ablaze, the mayor said.
"""


def test_type_groups_clustered_in_forked_processes_give_the_same_events(doc_for, monkeypatch) -> None:
    articles = [(OUTLET_A, "a", "2021-07-06"), (OUTLET_B, "b", "2021-07-07"),
                (ATTACK_A, "c", "2021-07-07"), (ATTACK_B, "d", "2021-07-08")]
    sources, mentions = [], []
    for text, source_id, date in articles:
        source, found = _mentions(doc_for, text, source_id, date)
        sources.append(source)
        mentions += found
    assert len({events_module._group(m) for m in mentions}) >= 2

    def snapshot(events: list[Event]) -> list:
        return [(e.id, e.type, [(m.source, m.start, m.end, m.linked_by) for m in e.mentions]) for e in events]

    alone = snapshot(resolve_events(mentions, sources))
    monkeypatch.setattr(events_module, "PARALLEL_MENTIONS", 0)
    for mention in mentions:
        mention.linked_by = ["left from the first run"]  # the workers' reasons must come back
    shared = snapshot(resolve_events(mentions, sources, jobs=2))
    assert shared == alone
    assert any(len(linked) > 1 for _, _, linked in alone)  # something was joined
