"""Actors of one article: kinds, names, aliases, descriptions, roles and mentions."""
from __future__ import annotations

import pytest

from generator.extract.actors import actor_at, extract_actors, initials, org_key, person_key


def actors_of(doc_for, text: str, source_id: str = "t1"):
    source, doc = doc_for(text, source_id)
    return source, extract_actors(doc, source)


def by_name(actors, name):
    return next(a for a in actors if a.name == name)


def test_appositive_person_with_surname_mentions(doc_for) -> None:
    text = ("Flood waters rise in the north\n\n"
            "Maria Lindqvist, a Red Cross spokeswoman, said the water was still rising on Monday.\n\n"
            "Lindqvist added that more volunteers were needed.")
    source, actors = actors_of(doc_for, text)
    maria = by_name(actors, "Maria Lindqvist")
    assert maria.kind == "person"
    assert maria.description == "Red Cross spokeswoman"
    assert "Lindqvist" in maria.aliases
    assert [m.text for m in maria.mentions] == ["Maria Lindqvist", "Lindqvist"]
    assert all(source.text[m.start:m.end] == m.text for a in actors for m in a.mentions)
    assert maria.id.startswith("t1:")


def test_parenthesised_acronym_is_an_alias(doc_for) -> None:
    text = ("Farmers protest\n\n"
            "The National Farmers Union (NFU) said the new tax would ruin small farms.\n\n"
            "The NFU warned that protests would continue.")
    _, actors = actors_of(doc_for, text)
    union = by_name(actors, "National Farmers Union")
    assert union.kind == "organization"
    assert "NFU" in union.aliases
    assert len(union.mentions) == 3
    assert not any(a.name == "NFU" for a in actors)


def test_title_before_name_gives_description_and_role(doc_for) -> None:
    text = ("Talks resume\n\n"
            "Kenya hosted the talks on Tuesday. Kenyan President William Ruto said the meeting was useful.\n\n"
            "Ruto later left for the airport.")
    _, actors = actors_of(doc_for, text)
    ruto = by_name(actors, "William Ruto")
    kenya = by_name(actors, "Kenya")
    assert ruto.description == "Kenyan President"
    assert [(r.title, r.org) for r in ruto.roles] == [("President", kenya.id)]
    assert kenya.kind == "state"
    assert not any(a.name == "Kenyan" for a in actors)  # a demonym is no actor


def test_capital_as_actor_only_when_it_acts(doc_for) -> None:
    text = ("Border dispute\n\n"
            "Ethiopia closed the border on Friday, officials said.\n\n"
            "Addis Ababa denied that troops had crossed it. Aid trucks waited in Mekelle and in Nairobi.")
    _, actors = actors_of(doc_for, text)
    ethiopia = by_name(actors, "Ethiopia")
    assert "Addis Ababa" in [m.text for m in ethiopia.mentions]
    names = {a.name for a in actors}
    assert "Mekelle" not in names and "Nairobi" not in names


def test_org_head_word_makes_an_organisation(doc_for) -> None:
    text = ("Clashes in the valley\n\n"
            "Omar Haddad, a commander in the Liwa Tahrir rebel group, said his fighters held the bridge.")
    _, actors = actors_of(doc_for, text)
    haddad = by_name(actors, "Omar Haddad")
    group = next(a for a in actors if a.name.startswith("Liwa Tahrir"))
    assert group.kind == "organization"
    assert haddad.kind == "person"
    assert [(r.title, r.org) for r in haddad.roles] == [("commander", group.id)]


def test_actor_at_finds_overlapping_mention(doc_for) -> None:
    text = "Strike ends\n\nThe union leader Ana Costa said the strike was over."
    source, actors = actors_of(doc_for, text)
    start = text.index("Costa")
    assert actor_at(actors, start, start + 5).name == "Ana Costa"
    assert actor_at(actors, 0, 5) is None


def test_keys_normalise_spelling_and_particles() -> None:
    assert org_key("Russian Ministry of Defence") == org_key("Russia's Defense Ministry")
    assert org_key("Free Syrian Army") != org_key("Syrian Army")
    assert person_key("Bashar Al-Assad") == person_key("Bashar al-Assad")
    assert initials("High Negotiations Committee") == "HNC"


def test_seed_article_acronym_and_titles(nlp) -> None:
    from pathlib import Path

    from generator.extract.nlp import mined_text
    from generator.ingest import read_corpus

    sources, _ = read_corpus(Path(__file__).resolve().parent.parent / "seeds", lambda m: None)
    source = next(s for s in sources if s.id.startswith("002"))
    actors = extract_actors(nlp(mined_text(source)), source)
    names = {a.name: a for a in actors}
    assert "HNC" in names["High Negotiations Committee"].aliases
    assert names["Vladimir Putin"].description == "Russian President"
    assert names["Jens Laerke"].description == "UN spokesman"
    assert "UN" in names["United Nations"].aliases
    assert not any(a.name in ("Aleppo", "Syrian", "Russian") for a in actors)


def test_bodies_named_by_a_modifier_are_actors(doc_for) -> None:
    text = ("Clashes on the border\n\n"
            "The Veldorian army said the Morland regime had moved tanks to the border.")
    _, actors = actors_of(doc_for, text)
    kinds = {a.name: a.kind for a in actors}
    assert kinds.get("Veldorian army") == "organization"
    assert kinds.get("Morland regime") == "state"




def test_datelines_and_honorifics_are_no_part_of_names(doc_for) -> None:
    text = ("Storm hits coast\n\n"
            "PORTAVEN, Marland - Gen. Tomas Brann said the army would help.\n\n"
            "Ms. Clara Meyer, the mayor, thanked him.")
    _, actors = actors_of(doc_for, text)
    names = {a.name for a in actors}
    assert "Tomas Brann" in names and "Clara Meyer" in names
    assert not any("PORTAVEN" in n for n in names)


def test_two_people_sharing_a_surname_stay_apart_in_one_article(doc_for) -> None:
    text = ("Blast inquiry\n\n"
            "Interior Minister Mohammed Haddad visited the port. The mayor, Leila Haddad, is not related to him.")
    _, actors = actors_of(doc_for, text)
    assert {"Mohammed Haddad", "Leila Haddad"} <= {a.name for a in actors}






def test_a_spaced_dash_splits_an_entity(doc_for) -> None:
    text = ("Inquiry ordered\n\n"
            "BRESK, Valdoria - Valdoria's government on Friday ordered an inquiry, the Valdorian Red Cross said.")
    _, actors = actors_of(doc_for, text)
    names = {a.name for a in actors}
    assert not any(" - " in n for n in names)
    assert "Valdoria" in names


def test_a_country_missing_from_the_table_is_known_by_its_demonym(doc_for) -> None:
    text = ("Truce agreed\n\n"
            "SARVIK, Dravonia - Dravonia and Ostrelia agreed on Thursday to a ceasefire, the Dravonian Army said.\n\n"
            "The Dravonian government said the truce would hold.")
    _, actors = actors_of(doc_for, text)
    dravonia = by_name(actors, "Dravonia")
    assert dravonia.kind == "state"
    assert "Dravonian government" in dravonia.aliases
    assert by_name(actors, "Dravonian Army").kind == "organization"


def test_a_country_only_in_the_dateline_is_no_actor(doc_for) -> None:
    text = ("Talks planned\n\n"
            "BRASK, Velsia - The ceasefire between the two armies is holding, the Velsian foreign minister said.")
    _, actors = actors_of(doc_for, text)
    assert "Velsia" not in {a.name for a in actors}


def test_a_country_acts_through_its_government(doc_for) -> None:
    text = ("Mourning declared\n\n"
            "Kestria's government declared three days of national mourning on Tuesday.")
    _, actors = actors_of(doc_for, text)
    assert by_name(actors, "Kestria").kind == "state"


def test_a_government_named_by_its_demonym_is_its_state(doc_for) -> None:
    text = ("Talks stall\n\n"
            "The Syrian regime said it would not withdraw. Damascus denied the report.")
    _, actors = actors_of(doc_for, text)
    states = [a for a in actors if a.kind == "state"]
    assert len(states) == 1 and {"Syrian regime", "Damascus"} <= {states[0].name, *states[0].aliases}


def test_the_people_of_a_country_acting_stand_for_it(doc_for) -> None:
    text = ("Onslaught\n\n"
            "Russia announced a pause. Kilo said the Russians are using much more destructive weapons.")
    _, actors = actors_of(doc_for, text)
    assert "Russians" in by_name(actors, "Russia").aliases


def test_a_possessed_military_is_an_organisation(doc_for) -> None:
    text = ("Bombardment\n\n"
            "The city was bombarded for weeks by Syria’s military, backed by Russia.")
    _, actors = actors_of(doc_for, text)
    assert by_name(actors, "Syria’s military").kind == "organization"


def test_capitals_named_as_authors_of_strikes_are_their_states(doc_for) -> None:
    text = ("Moratorium\n\n"
            "The announcement extended a moratorium on joint airstrikes against Aleppo by Moscow and Damascus.")
    _, actors = actors_of(doc_for, text)
    states = {a.name for a in actors if a.kind == "state"}
    assert {"Moscow", "Damascus"} <= states


def test_definite_descriptions_name_the_one_actor_they_fit(doc_for) -> None:
    text = ("Mayor: we will rebuild\n\n"
            "Interior Minister Mohammed Haddad visited the port. Mayor Leila Haddad is not related to the minister.\n\n"
            "The dockworkers' union said on Monday that the Velmar Port Workers' Federation would strike.\n\n"
            "The defence minister did not comment.")
    _, actors = actors_of(doc_for, text)
    assert "the minister" in by_name(actors, "Mohammed Haddad").aliases
    assert "Mayor" in by_name(actors, "Leila Haddad").aliases
    assert "The dockworkers' union" in by_name(actors, "Velmar Port Workers' Federation").aliases
    assert not any("The defence minister" in a.aliases for a in actors)


def test_a_description_fitting_two_actors_names_neither(doc_for) -> None:
    text = ("Talks\n\n"
            "Foreign Minister Ana Petrov met Defence Minister Ivo Stan. The minister said talks would go on.")
    _, actors = actors_of(doc_for, text)
    assert not any("The minister" in a.aliases for a in actors)






def test_the_army_is_not_the_one_rebel_army_named(doc_for) -> None:
    text = ("Shelling\n\n"
            "The Free Syrian Army said it held the road. The army shelled rebel positions overnight.")
    _, actors = actors_of(doc_for, text)
    fsa = by_name(actors, "Free Syrian Army")
    assert not any(a.lower().startswith("the army") for a in fsa.aliases)


def test_people_qualified_by_a_clause_are_not_their_state(doc_for) -> None:
    text = ("Refugees\n\n"
            "Syria announced an amnesty. The Syrians who fled the war are returning slowly.")
    _, actors = actors_of(doc_for, text)
    assert not any("Syrians" in a.aliases for a in actors)




def test_a_name_inside_a_long_name_is_that_person(doc_for) -> None:
    text = ("Floods\n\n"
            "President Luiz Inacio Lula da Silva flew over the region on Thursday. Lula promised federal funds.")
    _, actors = actors_of(doc_for, text)
    assert "Lula" in by_name(actors, "Luiz Inacio Lula da Silva").aliases




def test_a_description_fits_the_head_written_after_a_name(doc_for) -> None:
    text = ("Strike ends\n\n"
            "The United Auto Workers union reached a deal with Ford Motor Co. on Monday. "
            "The union's members must still ratify it, and the company said costs would rise.")
    _, actors = actors_of(doc_for, text)
    assert "The union" in by_name(actors, "United Auto Workers").aliases
    assert "the company" in by_name(actors, "Ford Motor Co.").aliases


def test_an_organisation_owning_an_army_stays_an_organisation(doc_for) -> None:
    text = ("Truce\n\n"
            "Hamas said in a statement that it would release ten hostages. Hamas's military wing said it had "
            "stopped firing.")
    _, actors = actors_of(doc_for, text)
    assert by_name(actors, "Hamas").kind == "organization"


def test_known_as_names_the_same_person_and_places_by_apposition(doc_for) -> None:
    text = ("Fighting\n\n"
            "The group's leader, Mohamed Hamdan Dagalo, known as Hemedti, said the RSF had taken Wad Madani, "
            "the capital of Gezira state. Hemedti told reporters the army had chosen war.")
    _, actors = actors_of(doc_for, text)
    names = {a.name for a in actors}
    assert "Hemedti" in by_name(actors, "Mohamed Hamdan Dagalo").aliases
    assert not names & {"Wad Madani", "Gezira", "Hemedti"}


def test_organisations_named_like_places_stay(doc_for) -> None:
    text = ("Attack\n\n"
            "The Islamic State claimed the attack. Jordan Smith, a town councillor, said roads were closed.")
    _, actors = actors_of(doc_for, text)
    assert {"Islamic State", "Jordan Smith"} <= {a.name for a in actors}


def test_a_name_joined_to_an_organisation_is_one(doc_for) -> None:
    text = ("Talks\n\n"
            "The two discussed joint military operations against the Nusra Front and Islamic State.")
    _, actors = actors_of(doc_for, text)
    assert by_name(actors, "Islamic State").kind == "organization"


def test_a_role_with_an_unmatched_complement_names_nobody(doc_for) -> None:
    text = ("Summit\n\n"
            "Prime Minister Ana Petrov arrived on Monday. The head of state will meet her on Tuesday, "
            "said spokesman Ivo Stan. Later the head of the delegation spoke.")
    _, actors = actors_of(doc_for, text)
    assert not any(a.lower().startswith("the head") for x in actors for a in x.aliases)


def test_a_person_taken_for_a_place_does_not_become_a_state(doc_for) -> None:
    text = ("Fighting\n\n"
            "Hemedti, the RSF leader, said the army had chosen war.")
    _, actors = actors_of(doc_for, text)
    assert not any(a.kind == "state" for a in actors)

WHO_IS_AN_ACTOR = [
    pytest.param(
        "Talks end\n\n"
        "The foreign minister Ana Petrov arrived in Portugal on Monday. France announced new sanctions.",
        {"France"}, {"Portugal"},
        id="a country that only hosts something is no actor"),
    pytest.param(
        "Border talks\n\n"
        "Interior Minister Ana Petrov said refugees arrived in Tessel and near Oskil overnight.",
        {"Ana Petrov"}, {"Interior", "Oskil", "Tessel"},
        id="places and portfolios are no actors"),
    pytest.param(
        "Floods spread\n\n"
        "The Brenna river burst its banks near the town of Halvik on Sunday, officials said.\n\n"
        "Governor Ana Petrov spoke in the provincial capital, Dorrin, after water was released from Kessel Dam.\n\n"
        "Residents of Morvik, one of the worst-hit villages, said Pier 7 was under water.",
        {"Ana Petrov"}, {"Brenna", "Dorrin", "Halvik", "Kessel Dam", "Morvik", "Pier 7"},
        id="places named by their surroundings are no actors"),
    pytest.param(
        "Shelling\n\n"
        "A ceasefire between Dravonia and Ostrelia took effect on Thursday.\n\n"
        "Ostrelian officials accused the Dravonian Army of shelling their positions.",
        {"Ostrelia"}, {"Dravonia"},
        id="a country acts through its officials"),
    pytest.param(
        "Bombs\n\n"
        "The Syrian Coalition condemned the use of bunker-buster bombs. (Source: Syrian Coalition + Asharq Al-Awsat)\n\n"
        "(Reporting by Tom Perry; Editing by Ann Lee)",
        {"Syrian Coalition"}, {"Ann Lee", "Asharq Al-Awsat", "Tom Perry"},
        id="names only in a credit line are no actors"),
    pytest.param(
        "Aid\n\n"
        "Aid trucks entered through the Rafah crossing, and workers returned to the Kentucky Truck Plant, "
        "Egypt said.",
        {"Egypt"}, {"Kentucky Truck Plant", "Rafah"},
        id="landmarks and plants are no actors"),
    pytest.param(
        "Talks\n\n"
        "Russian Foreign Minister Sergey Lavrov said Moscow was ready for talks with Kyiv.\n\n"
        "Labour Minister Sofia Renn met the unions.",
        {"Sofia Renn"}, {"Kyiv"},
        id="a capital taken for a person is a place"),
]


@pytest.mark.parametrize("text, present, absent", WHO_IS_AN_ACTOR)
def test_who_is_an_actor(doc_for, text: str, present: set[str], absent: set[str]) -> None:
    _, actors = actors_of(doc_for, text)
    names = {a.name for a in actors}
    assert present <= names
    assert not names & absent


def test_titles_before_names_are_not_people_and_do_not_cut_names(doc_for) -> None:
    text = ("Storm hits the coast\n\n"
            "DARVEL, Ostrelia - Ostrelia’s coast was hit by a storm on Friday.\n\n"
            "Kovna Governor Mirela Dascu said warning messages had been sent at 11 p.m. on Saturday.\n\n"
            "Ressk Mayor Teodor Vass said many of the missing were elderly people who lived in the old town.\n\n"
            "“There was no siren,” said Vera Kolan, 64, whose flat was destroyed.")
    _, actors = actors_of(doc_for, text)
    names = {a.name: a.kind for a in actors}
    assert names.get("Mirela Dascu") == "person" and names.get("Teodor Vass") == "person"
    assert names.get("Vera Kolan") == "person"
    assert not any("Governor" in name or "Mayor" in name for name in names), names
    assert "Vass" not in names and "Ostrelia" not in names, names  # a dateline's country is where, not who


def test_a_sentence_opening_word_stays_out_of_a_name(doc_for) -> None:
    text = ("Aid arrives\n\n"
            "Prime Minister Jurek Almos declared a state of emergency in Kovna province on Sunday and announced "
            "three days of national mourning. Neighbouring Tervia had sent two helicopters and a team of divers, "
            "Almos said.")
    _, actors = actors_of(doc_for, text)
    names = {a.name for a in actors}
    assert not any(name.startswith("Neighbouring") for name in names), names


def test_named_courts_and_hospitals_are_organisations(doc_for) -> None:
    text = ("Executives charged\n\n"
            "Both will appear before the Port Aldra District Court on Sept. 30, prosecutors said.\n\n"
            "Doctors at the Port Aldra Children's Hospital first noticed the cluster in July, the hospital said.")
    _, actors = actors_of(doc_for, text)
    kinds = {a.name: a.kind for a in actors}
    assert kinds.get("Port Aldra District Court") == "organization", kinds
    assert kinds.get("Port Aldra Children's Hospital") == "organization", kinds


def test_a_countrys_government_is_the_state_even_unlisted(doc_for) -> None:
    text = ("Inquiry ordered\n\n"
            "SORVIN, Belmora - Belmora's government ordered an independent inquiry on Thursday into the collapse.")
    _, actors = actors_of(doc_for, text)
    state = next(a for a in actors if a.kind == "state")
    assert state.name == "Belmora"


def test_a_company_is_also_named_without_its_corporate_word(doc_for) -> None:
    text = ("Drug recall widens\n\n"
            "The syrup was made by Merivell Pharmaceuticals, the regulator said on Monday. "
            "Merivell blamed a supplier, Kastor Chemicals.")
    _, actors = actors_of(doc_for, text)
    company = by_name(actors, "Merivell Pharmaceuticals")
    assert company.kind == "organization"
    assert [m.text for m in company.mentions] == ["Merivell Pharmaceuticals", "Merivell"]
