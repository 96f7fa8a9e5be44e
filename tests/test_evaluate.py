"""The evaluation's scoring on a tiny hand-made corpus, graph and gold."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "eval"))

import evaluate  # noqa: E402

TEXT = "Mayor Ana Varga said: “We will rebuild the bridge.” Critics called the plan a ‘fantasy’."


def graph(speaker: str | None, quote_end: int) -> dict:
    start = TEXT.index("We will")
    return {
        "sources": [{"id": "a"}],
        "actors": [{"id": "ana-varga", "name": "Ana Varga", "aliases": ["Varga"], "kind": "person",
                    "mentions": [{"source": "a", "start": 6, "end": 15}]}],
        "quotes": [{"id": "a:q1", "source": "a", "start": start, "end": quote_end, "kind": "direct",
                    "speaker": speaker, "text": TEXT[start:quote_end]}],
        "events": [],
        "contradictions": [],
    }


GOLD = {"a": {"actors": [{"name": "Ana Varga", "kind": "person", "aliases": ["Varga"]}],
              "quotes": [{"text": "We will rebuild the bridge.", "kind": "direct", "speaker": "Ana Varga"}],
              "scare_quotes": ["fantasy"]}}


def test_a_quote_with_the_right_speaker_scores_full_marks() -> None:
    found, speakers = evaluate.score_quotes(GOLD, graph("ana-varga", TEXT.index("” Critics")), {"a": TEXT}, "direct")
    assert (found.found, found.gold, found.right, found.predicted) == (1, 1, 1, 1)
    assert (speakers.found, speakers.gold) == (1, 1)


def test_a_wrong_speaker_and_a_short_span_lose_points() -> None:
    _, speakers = evaluate.score_quotes(GOLD, graph(None, TEXT.index("” Critics")), {"a": TEXT}, "direct")
    assert speakers.found == 0
    found, _ = evaluate.score_quotes(GOLD, graph("ana-varga", TEXT.index("We will") + 3), {"a": TEXT}, "direct")
    assert found.found == 0 and found.right == 0


def test_actor_forms_match_across_case_and_particles() -> None:
    assert evaluate.fold("Bashar Al-Assad") == evaluate.fold("bashar al Assad")
    forms = evaluate.actor_forms(graph("ana-varga", 40), {"a": TEXT})
    score = evaluate.score_actors(GOLD, forms)
    assert (score.found, score.gold, score.right, score.predicted) == (1, 1, 1, 1)


def test_scare_quotes_reported_as_quotes_are_counted() -> None:
    g = graph("ana-varga", 40)
    at = TEXT.index("fantasy")
    g["quotes"].append({"id": "a:q2", "source": "a", "start": at, "end": at + 7, "kind": "direct", "speaker": None})
    assert evaluate.score_scare_quotes(GOLD, g, {"a": TEXT}).note.startswith("1 of 1")


def test_every_gold_snippet_is_in_its_article() -> None:
    root = Path(__file__).parent / "eval"
    for folder, articles in ((root / "seeds", Path(__file__).parent.parent / "seeds"), (root / "wire", root / "wire" / "articles")):
        if not folder.is_dir():
            continue
        gold, contradictions, _ = evaluate.load_gold(folder)
        texts = {p.stem: p.read_text(encoding="utf-8") for p in articles.glob("*.txt")}
        for source, article in gold.items():
            for item in (article.get("quotes") or []) + [{"text": t} for t in article.get("scare_quotes") or []]:
                assert item["text"] in texts[source], (source, item["text"])
            for event in article.get("events") or []:
                assert event["evidence"] in texts[source], (source, event["evidence"])
        for contradiction in contradictions:
            for side in contradiction["sides"]:
                assert side["text"] in texts[side["source"]], side


def test_a_contradiction_matches_on_two_sides_or_one_side_of_the_same_kind() -> None:
    text = "Officials said 10 died. The union said 27 died. The ministry denied it."
    gold = {"kind": "figures", "sides": [{"source": "a", "text": "10 died"}, {"source": "a", "text": "27 died"}]}
    sides = [("a", evaluate.locate(text, s["text"])) for s in gold["sides"]]

    def claim(snippet: str) -> dict:
        start = text.index(snippet)
        return {"source": "a", "start": start, "end": start + len(snippet)}

    both = {"kind": "denial", "claims": [claim("10 died"), claim("27 died")]}
    one_same_kind = {"kind": "figures", "claims": [claim("10 died"), claim("The ministry")]}
    one_other_kind = {"kind": "denial", "claims": [claim("10 died"), claim("The ministry")]}
    assert evaluate._same_dispute(both, gold, sides)
    assert evaluate._same_dispute(one_same_kind, gold, sides)
    assert not evaluate._same_dispute(one_other_kind, gold, sides)


def test_gold_actors_speakers_and_identities_are_consistent() -> None:
    """Aliases occur in their article, speakers are listed actors, identity forms occur in the corpus."""
    root = Path(__file__).parent / "eval"
    for folder, articles in ((root / "seeds", Path(__file__).parent.parent / "seeds"), (root / "wire", root / "wire" / "articles")):
        if not folder.is_dir():
            continue
        gold, _, identities = evaluate.load_gold(folder)
        texts = {p.stem: p.read_text(encoding="utf-8") for p in articles.glob("*.txt")}
        for source, article in gold.items():
            actors = article.get("actors") or []
            for actor in actors:
                for alias in actor.get("aliases") or []:
                    assert alias in texts[source], (source, alias)
            names = {actor["name"] for actor in actors}
            for quote in article.get("quotes") or []:
                assert quote.get("speaker") is None or quote["speaker"] in names, (source, quote["speaker"])
        corpus = "\n".join(texts.values())
        for group in (identities.get("same") or []) + (identities.get("apart") or []):
            for form in group:
                assert form in corpus, (folder.name, form)


def test_identities_count_merged_pairs_and_wrong_merges() -> None:
    text = "Yusuf Demir spoke. Yousef Demir left. Selin Demir stayed."
    g = graph("ana-varga", 40)
    g["actors"] = [
        {"id": "demir", "name": "Yusuf Demir", "aliases": ["Yousef Demir"], "mentions": []},
        {"id": "selin", "name": "Selin Demir", "aliases": ["Yusuf demir"], "mentions": []},
    ]
    identities = {"same": [["Yusuf Demir", "Yousef Demir", "YUSUF DEMIR"]], "apart": [["Yusuf Demir", "Selin Demir"]]}
    score = evaluate.score_identities(identities, g, {"a": text})
    assert (score.found, score.gold) == (2, 2)  # the upper-case spelling adds no pair of its own
    assert score.note.startswith("wrong merges: 1 of 1")
    assert "wrong: Yusuf Demir merged with Selin Demir" in evaluate.details([score])


def test_details_list_missed_and_wrong_quotes() -> None:
    found, _ = evaluate.score_quotes(GOLD, graph("ana-varga", TEXT.index("We will") + 3), {"a": TEXT}, "direct")
    lines = evaluate.details([found]).splitlines()
    assert "- missed: a: 'We will rebuild the bridge.'" in lines
    assert "- wrong: a: 'We '" in lines


EVENT_TEXTS = {
    "a": "A storm hit Velo on Monday. The mayor said on Tuesday the storm killed four people.",
    "b": "The storm that struck Velo killed four. Rescuers found two more bodies on Wednesday.",
}


def _mention(source: str, snippet: str, trigger: str, date: str | None = None) -> dict:
    start = EVENT_TEXTS[source.replace("c", "a")].index(snippet)
    return {"source": source, "start": start, "end": start + len(snippet), "trigger": trigger, "date": date}


def _event_gold(storm_b_date: str | None = None) -> dict:
    return {
        "a": {"events": [{"key": "storm", "date": "2024-05-06", "evidence": "A storm hit Velo on Monday"},
                         {"key": "toll-claim", "date": "2024-05-07", "evidence": "The mayor said on Tuesday"}]},
        "b": {"events": [{"key": "storm", "date": storm_b_date, "evidence": "The storm that struck Velo"},
                         {"key": "bodies-found", "date": "2024-05-08", "evidence": "Rescuers found two more bodies"}]},
    }


def _event_graph(*events: tuple[str, str | None, list[dict]]) -> dict:
    return {"events": [{"id": i, "date": d, "mentions": ms} for i, d, ms in events]}


def test_event_merging_counts_wrong_merges_as_lost_precision() -> None:
    everything = _event_graph(("storm", "2024-05-06", [
        _mention("a", "A storm hit Velo on Monday", "storm"),
        _mention("a", "The mayor said on Tuesday", "said"),
        _mention("b", "The storm that struck Velo", "storm"),
        _mention("b", "Rescuers found two more bodies", "found")]))
    _, _, merged = evaluate.score_events(_event_gold(), everything, EVENT_TEXTS)
    assert (merged.found, merged.gold) == (1, 1)  # the storm's two accounts are together...
    assert (merged.right, merged.predicted) == (1, 6)  # ...but so are five pairs of different events
    assert "wrong merges: 5 pairs" in merged.note and "(2 within one article)" in merged.note


def test_a_predicted_mention_stands_for_one_gold_mention_the_one_holding_its_trigger() -> None:
    graph = _event_graph(("storm", "2024-05-06", []))
    graph["events"][0]["mentions"] = [_mention("a", "A storm hit Velo on Monday. The mayor said", "storm")]
    found, _, merged = evaluate.score_events({"a": _event_gold()["a"]}, graph, EVENT_TEXTS)
    assert (found.found, found.gold) == (1, 2) and merged.predicted == 0  # the storm only: no wrong merge
    assert "missed: a: toll-claim: 'The mayor said on Tuesday'" in found.misses


def test_an_account_without_its_own_date_takes_the_gold_date_of_the_event() -> None:
    def dated(date: str | None) -> int:
        graph = _event_graph(("storm", date, [_mention("a", "A storm hit Velo on Monday", "storm"),
                                              _mention("b", "The storm that struck Velo", "storm")]))
        _, score, _ = evaluate.score_events(_event_gold(None), graph, EVENT_TEXTS)
        assert score.gold == 2
        return score.found

    assert dated("2024-05-06") == 2  # article b gives no date, the gold event is dated by article a
    assert dated("2024-05-07") == 0  # a wrong date is wrong for both accounts
    assert dated(None) == 0


def test_event_dates_in_conflict_leave_an_undated_account_out() -> None:
    gold = _event_gold(None)
    gold["c"] = {"events": [{"key": "storm", "date": "2024-05-05", "evidence": "A storm hit Velo on Monday"}]}
    texts = {**EVENT_TEXTS, "c": EVENT_TEXTS["a"]}
    graph = _event_graph(("storm", "2024-05-06", [_mention("a", "A storm hit Velo on Monday", "storm"),
                                                  _mention("b", "The storm that struck Velo", "storm"),
                                                  _mention("c", "A storm hit Velo on Monday", "storm")]))
    _, score, _ = evaluate.score_events(gold, graph, texts)
    assert (score.found, score.gold) == (1, 2)  # a right, c wrong (its own date differs), b left out
    assert "1 left out" in score.note
