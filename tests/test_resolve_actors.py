"""Resolving actors across articles: merges that must happen and hard negatives that must not."""
from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors
from generator.model import Extraction
from generator.resolve.actors import resolve_actors, slugify


@pytest.fixture
def resolve_texts(doc_for):
    def run(*texts):
        sources, extractions = [], []
        for n, text in enumerate(texts):
            source, doc = doc_for(text, f"a{n}")
            sources.append(source)
            extractions.append(Extraction(source=source.id, actors=extract_actors(doc, source)))
        return resolve_actors(sources, extractions), extractions

    return run


def names(actors):
    return sorted(a.name for a in actors)


def test_spelling_variant_merged_with_same_role_and_explained(resolve_texts) -> None:
    (actors, ids), extractions = resolve_texts(
        "Port closed\n\nPietro Galvanetti, a commander in the Verde Union rebel group, said the port was closed.",
        "Port reopens\n\nPietro Galvanetty, a commander in the Verde Union rebel group, said the port would reopen.",
    )
    people = [a for a in actors if a.kind == "person"]
    assert len(people) == 1
    assert set(people[0].aliases) >= {"Pietro Galvanetti", "Pietro Galvanetty"} - {people[0].name}
    assert people[0].merges and "spelling variant" in people[0].merges[0]
    assert set(ids) == {a.id for e in extractions for a in e.actors}





def test_state_ministry_and_leader_stay_apart_and_variants_merge(resolve_texts) -> None:
    (actors, ids), _ = resolve_texts(
        "Drills\n\nThe Brazilian Ministry of Defence said drills began. Brazil denied any threat.",
        "Drills go on\n\nBrazil's Defense Ministry said drills would last a week. "
        "Brazilian President Luiz Lula said the drills were routine. Brasilia denied reports of troop moves.",
    )
    kinds = {a.name: a.kind for a in actors}
    assert kinds["Brazil"] == "state"
    assert kinds["Luiz Lula"] == "person"
    ministries = [a for a in actors if "Ministry" in a.name]
    assert len(ministries) == 1
    brazil = next(a for a in actors if a.name == "Brazil")
    assert "Brasilia" in brazil.aliases
    assert ids["a0:1"] != ids["a1:1"] or ministries[0].id == ids["a0:1"]


def test_surname_and_acronym_join_their_full_forms(resolve_texts) -> None:
    (actors, _), _ = resolve_texts(
        "Vote\n\nOpposition leader Anna Petrova said the vote was rigged. The Popular Liberation Front backed her.",
        "Recount\n\nPetrova said a recount was needed, and the PLF agreed.",
    )
    petrova = next(a for a in actors if a.name == "Anna Petrova")
    assert {m.source for m in petrova.mentions} == {"a0", "a1"}
    front = next(a for a in actors if a.name == "Popular Liberation Front")
    assert "PLF" in front.aliases



def test_ids_are_sorted_slugs_and_deterministic(resolve_texts) -> None:
    (first, ids1), _ = resolve_texts("A\n\nMaría Núñez, a spokeswoman, said it rained.")
    (second, ids2), _ = resolve_texts("A\n\nMaría Núñez, a spokeswoman, said it rained.")
    assert slugify("María Núñez") == "maria-nunez"
    assert [a.id for a in first] == [a.id for a in second] and ids1 == ids2
    assert "maria-nunez" in ids1.values()
    assert [a.name.casefold() for a in first] == sorted(a.name.casefold() for a in first)


def test_seed_commander_spellings_merge(nlp) -> None:
    from pathlib import Path

    from generator.extract.nlp import mined_text
    from generator.ingest import read_corpus

    sources, _ = read_corpus(Path(__file__).resolve().parent.parent / "seeds", lambda m: None)
    extractions = [Extraction(source=s.id, actors=extract_actors(nlp(mined_text(s)), s)) for s in sources]
    actors, ids = resolve_actors(sources, extractions)
    commander = next(a for a in actors if "Zakaria Molahfiji" in [a.name, *a.aliases])
    assert "Zakaria Malahifji" in [commander.name, *commander.aliases]
    assert any("spelling variant" in line for line in commander.merges)
    by_name = {a.name: a for a in actors}
    assert "HNC" in by_name["High Negotiations Committee"].aliases
    assert by_name["Vladimir Putin"].id == "vladimir-putin"
    assert by_name["Russia"].id != by_name["Vladimir Putin"].id
    assert len({ids[a.id] for e in extractions for a in e.actors}) == len(actors)


def test_a_first_name_spelled_two_ways_merges_when_the_role_agrees(resolve_texts) -> None:
    (actors, _), _ = resolve_texts(
        "Blast\n\nInterior Minister Mohammed Haddad said the port was closed.",
        "Blast toll\n\nInterior Minister Muhammad Haddad said the toll had risen.",
        "Mayor\n\nThe mayor, Leila Haddad, said the city would rebuild.",
    )
    people = names(a for a in actors if a.kind == "person")
    assert len(people) == 2 and "Leila Haddad" in people
    merged = next(a for a in actors if a.name != "Leila Haddad" and a.kind == "person")
    assert any("spelled alike" in line for line in merged.merges)


def test_a_regime_named_after_its_leader_joins_his_country(resolve_texts) -> None:
    (actors, _), _ = resolve_texts(
        "Offensive\n\nThe Morland regime said its forces had advanced. Moscow denied sending troops.",
        "Talks\n\nSyrian President Bashar al-Assad said the war would go on. The Syrian regime said it had won.",
        "Siege\n\nThe Assad regime said it had taken the road.",
    )
    syria = next(a for a in actors if "Syrian regime" in {a.name, *a.aliases})
    assert "Assad regime" in {syria.name, *syria.aliases}
    assert any("government of Syria" in m for m in syria.merges)
    assert "Morland regime" not in {syria.name, *syria.aliases}


def test_the_west_and_western_powers_are_one_bloc(resolve_texts) -> None:
    (actors, _), _ = resolve_texts(
        "Crimes\n\nWestern powers have accused the army of war crimes.",
        "Sanctions\n\nThe West has accused Moscow of war crimes. Western governments said sanctions would follow.",
    )
    bloc = next(a for a in actors if "West" in {a.name, *a.aliases})
    assert {"West", "Western governments", "Western powers"} <= {bloc.name, *bloc.aliases}


def test_a_title_word_shared_merges_first_name_variants(resolve_texts) -> None:
    (actors, _), _ = resolve_texts(
        "Floods\n\nLorvane Governor Yusuf Demir said rescue crews were working.",
        "Inquiry\n\nProvincial governor Yousef Demir welcomed the inquiry. Opposition lawmaker Selin Demir did not.",
    )
    people = names(a for a in actors if a.kind == "person")
    assert "Selin Demir" in people
    assert len([p for p in people if p.endswith("Demir")]) == 2



def test_forms_joined_inside_an_article_are_explained(resolve_texts) -> None:
    (actors, _), _ = resolve_texts(
        "Talks\n\nThe Syrian regime said it would not withdraw. Damascus denied the report.\n\n"
        "Interior Minister Ana Petrov visited the port. The minister said the port would reopen.",
    )
    syria = next(a for a in actors if a.kind == "state")
    assert any("'Damascus'" in m and "capital" in m for m in syria.merges)
    petrov = next(a for a in actors if a.name == "Ana Petrov")
    assert any("'The minister'" in m and "the one minister" in m for m in petrov.merges)


STAY_APART = [
    pytest.param(
        "Talks\n\nUS Secretary of State John Kerry said the talks would go on.",
        "Briefing\n\nWhite House chief of staff John Kelly said the president was busy.",
        ("John Kerry", "John Kelly"),
        id="Kerry and Kelly"),
    pytest.param(
        "Old regime\n\nHafez al-Assad, the former president, ruled for decades, historians said.",
        "New regime\n\nBashar al-Assad, the president, said the army would win.",
        ("Hafez al-Assad", "Bashar al-Assad"),
        id="different first names"),
    pytest.param(
        "Fighting\n\nThe Free Syrian Army said it held the road.",
        "Advance\n\nThe Syrian Army said it had taken the road.",
        ("Free Syrian Army", "Syrian Army"),
        id="one added word makes another organisation"),
    pytest.param(
        "Speech\n\nObama said the war would end.",
        "Video\n\nOsama said the war would go on.",
        ("Obama", "Osama"),
        id="Obama and Osama"),
    pytest.param(
        "Budget\n\nFinance Minister Ana Petrov presented the budget. The minister said taxes would fall.",
        "Strike\n\nLabour Minister Ivo Stan met the unions. The minister said talks would go on.",
        ("Ana Petrov", "Ivo Stan"),
        id="descriptions never merge actors across articles"),
]


@pytest.mark.parametrize("first, second, apart", STAY_APART)
def test_hard_negatives_stay_apart(resolve_texts, first: str, second: str, apart: tuple[str, str]) -> None:
    (actors, _), _ = resolve_texts(first, second)
    assert set(apart) <= set(names(actors))


def test_variant_pairs_are_the_pairs_a_plain_pairwise_check_finds(monkeypatch) -> None:
    """The C screen over distinct surnames, block by block, loses no pair and adds none."""
    import random

    from generator.resolve import actors as resolve_module

    rng = random.Random(7)
    stems = ["".join(rng.choice("aeioubdklmnrst") for _ in range(rng.randint(0, 9))) for _ in range(150)]
    surnames = stems + [rng.choice(stems) for _ in range(60)]  # repeated and empty surnames too
    surnames += [s[:i] + "y" + s[i + 1:] for s in rng.sample(stems, 60) if s for i in [rng.randrange(len(s))]]
    plain = [(x, y) for x in range(len(surnames)) for y in range(x + 1, len(surnames))
             if resolve_module._could_be_variants(surnames[x], surnames[y])]
    monkeypatch.setattr(resolve_module, "SCREEN_CELLS", 1000)  # many blocks of rows
    assert resolve_module._variant_pairs(surnames) == plain
    assert len(plain) > 60
