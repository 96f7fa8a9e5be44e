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


def test_a_quote_mark_run_over_paragraphs_takes_the_speaker_named_after_it(quotes_of) -> None:
    found = quotes_of(
        "Town vows to rebuild\n"
        "The mayor spoke outside the town hall. “Every family will have a roof before winter.\n"
        "“I am asking the government to help us with money,” Mayor Rosa Lind said.\n"
    )
    assert set(speakers(found).values()) == {"Rosa Lind"}
    assert len(speakers(found)) == 2


def test_a_role_named_beside_a_person_finds_that_person(quotes_of) -> None:
    found = quotes_of(
        "Factory fire\n"
        "A spokeswoman for the Northfield Chemical Company, Dana Whitlock, declined to comment on the cause.\n"
        "“Our thoughts are with the injured workers and their families,” the spokeswoman said.\n"
    )
    assert speakers(found) == {"Our thoughts are with the injured workers and their families": "Dana Whitlock"}


def test_the_minister_with_no_named_role_is_the_last_person_quoted(quotes_of) -> None:
    found = quotes_of(
        "Minister rejects claims\n"
        "“Not one letter reached this office,” Gregor Almasi told reporters on Friday.\n"
        "“The union is entitled to grieve, not to invent numbers,” the minister said.\n"
    )
    assert speakers(found)["The union is entitled to grieve, not to invent numbers"] == "Gregor Almasi"


def test_a_wire_dateline_is_not_the_speaker_and_not_part_of_the_clause(quotes_of) -> None:
    found = quotes_of(
        "Strike ends\n"
        "TORVIK, Nordland — Dock workers voted to end their strike on Sunday, the Nordland Dockers Union said.\n"
    )
    indirect = [(text, who) for text, kind, who, _ in found if kind == "indirect"]
    assert indirect == [("Dock workers voted to end their strike on Sunday", "Nordland Dockers Union")]


def test_requests_accusations_and_trailing_according_to(quotes_of) -> None:
    found = quotes_of(
        "Envoy appeals for calm\n"
        "UN envoy Marek Halloran urged both sides to return to the negotiating table.\n"
        "The river flooded more than 300 homes overnight, according to the fire chief, Olga Brenner.\n"
    )
    indirect = speakers(found, "indirect")
    assert indirect["both sides to return to the negotiating table"] == "Marek Halloran"
    assert indirect["The river flooded more than 300 homes overnight"] == "Olga Brenner"


def test_speech_through_an_interpreter_belongs_to_the_speaker(quotes_of) -> None:
    found = quotes_of(
        "General denies report\n"
        "“There are no troops in the valley and there never were,” General Ivo Sandor said through an interpreter.\n"
    )
    assert speakers(found) == {"There are no troops in the valley and there never were": "Ivo Sandor"}


def test_a_question_is_not_reported_speech_and_a_clause_keeps_its_quoted_words(quotes_of) -> None:
    found = quotes_of(
        "Talks planned\n"
        "Foreign Minister Hanna Berg declined to say whether the talks would take place in the capital.\n"
        "Interior Minister Lukas Brandt said the port would stay closed \"until further notice\".\n"
    )
    indirect = speakers(found, "indirect")
    assert indirect == {'the port would stay closed "until further notice"': "Lukas Brandt"}


def test_a_heading_that_is_only_a_quotation_is_speech_of_nobody_known(source_from, nlp) -> None:
    source = source_from("Aid convoy waits\n\n‘Six hours is not enough’\n\nThe convoy stayed at the border on Monday.\n")
    source.paragraphs[1].kind = "heading"
    found = extract_quotes(nlp(source.text), source, [])
    assert [(q.text, q.speaker) for q in found] == [("Six hours is not enough", None)]


def test_seed_quotes_have_speakers_and_scare_quotes_are_not_quotes(nlp) -> None:
    from pathlib import Path

    from generator.extract.nlp import mined_text
    from generator.ingest import read_corpus

    sources, _ = read_corpus(Path(__file__).resolve().parent.parent / "seeds")
    for source in sources:
        doc = nlp(mined_text(source))
        found = extract_quotes(doc, source, extract_actors(doc, source))
        direct = [q for q in found if q.kind == "direct"]
        assert direct, source.id
        assert all(len(q.text.split()) > 3 or q.speaker for q in direct)  # short quoted terms need a speaker
        assert sum(1 for q in direct if q.speaker) >= 0.8 * len(direct), source.id
        assert [q.id for q in found] == [f"{source.id}:q{n}" for n in range(1, len(found) + 1)]


def test_a_term_in_someone_elses_announcement_is_the_announcers(quotes_of) -> None:
    found = quotes_of("Pause\nKilo said that Russia’s announcement of a so-called “humanitarian pause” in the city "
                      "on Monday is a gimmick.")
    assert speakers(found)["humanitarian pause"] == "Russia"


def test_words_quoted_inside_reported_speech_are_the_reporters(quotes_of) -> None:
    found = quotes_of("Pause\nInterior Minister Rasa Vell announced the inquiry on Monday. She said it would report "
                      "within 60 days and would examine “who knew what, and when.”")
    assert speakers(found)["who knew what, and when."] == "Rasa Vell"


def test_a_role_noun_names_the_person_holding_it(quotes_of) -> None:
    found = quotes_of("Blast\nInterior Minister Muhammad Haddad visited the port on Monday.\n"
                      "“We will follow the evidence wherever it leads,” the minister said.")
    assert speakers(found)["We will follow the evidence wherever it leads"] == "Muhammad Haddad"


def test_a_quote_inside_a_quote_is_emitted_for_its_own_speaker(quotes_of) -> None:
    found = quotes_of("Blast\nCarro accused Interior Minister Muhammad Haddad of hiding the scale of the disaster. "
                      "\"When we asked him about the warehouse, he told us, 'The inspectors have signed it off. "
                      "There is nothing to worry about.' And then he walked out,\" she said.")
    who = speakers(found)
    assert who["The inspectors have signed it off. There is nothing to worry about."] == "Muhammad Haddad"
    assert any(text.startswith("When we asked him") and name == "Carro" for text, _, name, _ in found)


def test_they_in_a_quote_is_the_body_named_before_unless_a_plural_subject_intervenes(quotes_of) -> None:
    found = quotes_of("Strike\nFenn accused Karrow Mining Corp. of planning to cut jobs. "
                      "“They told our people, ‘Sign or you will not be needed after summer,’ ” she said.\n"
                      "The company said on Monday that strikers had blocked the doors. "
                      "\"They said to us, 'You will leave when the bonus comes back,'\" Vos said.")
    who = speakers(found)
    assert who["Sign or you will not be needed after summer"] == "Karrow Mining Corp."
    assert who["You will leave when the bonus comes back"] is None


def test_a_quote_quoted_at_the_end_of_a_quote_closes_there(quotes_of) -> None:
    found = quotes_of("Talks\n“I remember Secretary of State John Kerry’s words. He said: ‘Whoever wants to be part "
                      "of the process must sever links to terrorists’,” Sergei Lavrov said through a translator.")
    who = speakers(found)
    assert who["Whoever wants to be part of the process must sever links to terrorists"] == "John Kerry"


def test_officials_named_by_a_demonym_speak_for_their_state(quotes_of) -> None:
    found = quotes_of("Shelling\nA ceasefire between Dravonia and Ostrelia took effect on Thursday.\n"
                      "Ostrelian officials said the Dravonian Army had shelled their positions near the border.")
    assert speakers(found, "indirect")["the Dravonian Army had shelled their positions near the border"] == "Ostrelia"


def test_the_spokesman_takes_up_an_unnamed_spokesman_not_the_last_speaker(quotes_of) -> None:
    found = quotes_of("Famine\n“We are running out of time,” UN humanitarian chief Martin Griffiths told reporters.\n"
                      "A spokesman for the Rapid Support Forces denied targeting civilians. The spokesman said the "
                      "group was ready for talks in Jeddah.")
    assert speakers(found, "indirect")["the group was ready for talks in Jeddah"] == "Rapid Support Forces"


def test_a_possessor_of_the_subject_is_not_its_speaker(quotes_of) -> None:
    found = quotes_of("Fighting\nGeneral Abdel Fattah al-Burhan spoke on Monday. Burhan's rival, RSF commander "
                      "Mohamed Hamdan Dagalo, said the army had bombed markets in Khartoum.")
    assert speakers(found, "indirect")["the army had bombed markets in Khartoum"] == "Mohamed Hamdan Dagalo"
