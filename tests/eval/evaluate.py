"""`make eval`: precision and recall of `extract` against hand annotations.

    python tests/eval/evaluate.py --seeds DIR --gold DIR [--graph FILE] [--dates FILE] [--details]

Runs ``python -m generator extract`` on the articles (or reads ``--graph``),
compares it with the gold files (format: tests/eval/README.md) and prints one
Markdown table. Spans match when they overlap by at least 0.3 of the longer
of the two (the "span overlap 0.3" of published quote extractors). A found
contradiction matches an annotated one when its claims quote two of the
annotated sides, or one of them with the same kind and no claim from another
article.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OVERLAP = 0.3


# ---------------------------------------------------------------- loading


def load_gold(folder: Path) -> tuple[dict[str, dict], list[dict], dict]:
    """Per-article gold, contradictions and identities."""
    articles = {}
    for path in sorted(folder.glob("*.yml")):
        if path.stem in ("contradictions", "identities"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        articles[str(data.get("source") or path.stem)] = data
    contradictions = _load_list(folder / "contradictions.yml")
    identities = yaml.safe_load((folder / "identities.yml").read_text(encoding="utf-8")) if (folder / "identities.yml").exists() else {}
    return articles, contradictions, identities or {}


def _load_list(path: Path) -> list:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []


def run_extract(seeds: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "graph.json"
        command = [sys.executable, "-m", "generator", "extract", "--seeds", str(seeds), "--json", str(target)]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"extract failed:\n{result.stderr}")
        return json.loads(target.read_text(encoding="utf-8"))


def article_texts(seeds: Path) -> dict[str, str]:
    """The decoded article texts, as ingest reads them (offsets index these)."""
    sys.path.insert(0, str(ROOT))
    from generator.ingest import read_corpus

    sources, _ = read_corpus(seeds)
    return {s.id: s.text for s in sources}


# ---------------------------------------------------------------- matching


def fold(name: str) -> str:
    """Compare names ignoring case, accents, quotes and "al-"/"Al " variants."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[’'`]s\b", "", text)
    text = re.sub(r"\b(al|el)[\s-]+", "al-", text)
    text = re.sub(r"^(the|mr|mrs|ms|dr|gen|col|prof)\.?\s+", "", text)
    return re.sub(r"[^a-z0-9-]+", " ", text).strip()


def locate(text: str, snippet: str) -> tuple[int, int] | None:
    at = text.find(snippet)
    return (at, at + len(snippet)) if at >= 0 and snippet else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared / max(a[1] - a[0], b[1] - b[0]) >= OVERLAP


def touches(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


@dataclass
class Score:
    """Counts behind one row of the table."""

    name: str
    found: int = 0  # gold items found
    gold: int = 0
    right: int = 0  # predicted items that are right
    predicted: int = 0
    note: str = ""
    misses: list[str] = field(default_factory=list)  # "missed: …" and "wrong: …" lines for --details

    def row(self) -> str:
        recall = _ratio(self.found, self.gold)
        precision = _ratio(self.right, self.predicted)
        f1 = "–"
        if recall != "–" and precision != "–" and float(recall) + float(precision) > 0:
            f1 = f"{2 * float(recall) * float(precision) / (float(recall) + float(precision)):.2f}"
        return f"| {self.name} | {precision} ({self.right}/{self.predicted}) | {recall} ({self.found}/{self.gold}) | {f1} | {self.note} |"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


# ---------------------------------------------------------------- actors


def actor_forms(graph: dict, texts: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """source → actor id → folded surface forms used in that source."""
    forms: dict[str, dict[str, set[str]]] = {}
    for actor in graph["actors"]:
        for m in actor["mentions"]:
            seen = forms.setdefault(m["source"], {}).setdefault(actor["id"], {fold(actor["name"])})
            seen.add(fold(texts[m["source"]][m["start"]: m["end"]]))
    return forms


def gold_forms(actor: dict) -> set[str]:
    return {fold(actor["name"]), *(fold(a) for a in actor.get("aliases") or [])}


def score_actors(gold: dict[str, dict], forms: dict[str, dict[str, set[str]]]) -> Score:
    score = Score("actors")
    for source, article in gold.items():
        predicted = forms.get(source, {})
        golds = [gold_forms(a) for a in article.get("actors") or []]
        score.gold += len(golds)
        score.found += sum(1 for g in golds if any(g & p for p in predicted.values()))
        score.predicted += len(predicted)
        score.right += sum(1 for p in predicted.values() if any(g & p for g in golds))
        score.misses += [f"missed: {source}: {a['name']}" for a, g in zip(article.get("actors") or [], golds)
                         if not any(g & p for p in predicted.values())]
        score.misses += [f"wrong: {source}: {i} {sorted(p)}" for i, p in sorted(predicted.items())
                         if not any(g & p for g in golds)]
    return score


def score_identities(identities: dict, graph: dict, texts: dict[str, str]) -> Score:
    """Pairs of surface forms of one actor that land in one predicted actor; wrong merges of 'apart' pairs."""
    owners: dict[str, set[str]] = {}
    for actor in graph["actors"]:
        for form in [actor["name"], *actor["aliases"]] + [texts[m["source"]][m["start"]: m["end"]] for m in actor["mentions"]]:
            owners.setdefault(fold(form), set()).add(actor["id"])
    score = Score("alias merging")
    for group in identities.get("same") or []:
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if fold(a) == fold(b):
                    continue  # spellings that differ only in case or quote marks say nothing about merging
                score.gold += 1
                together = bool(owners.get(fold(a), set()) & owners.get(fold(b), set()))
                score.found += together
                if not together:
                    score.misses.append(f"missed: {a} = {b}")
    apart = identities.get("apart") or []
    merged = [(a, b) for a, b in apart if owners.get(fold(a), set()) & owners.get(fold(b), set())]
    score.misses += [f"wrong: {a} merged with {b}" for a, b in merged]
    wrong = len(merged)
    score.note = f"wrong merges: {wrong} of {len(apart)} keep-apart pairs"
    return score


# ---------------------------------------------------------------- quotes


def names_of(graph: dict) -> dict[str, set[str]]:
    return {a["id"]: {fold(a["name"]), *(fold(x) for x in a["aliases"])} for a in graph["actors"]}


def score_quotes(gold: dict[str, dict], graph: dict, texts: dict[str, str], kind: str) -> tuple[Score, Score]:
    """Quote detection and, over the quotes found, speaker accuracy."""
    score, speakers = Score(f"{kind} quotes"), Score(f"{kind} quotes: right speaker")
    actor_names = names_of(graph)
    for source, article in gold.items():
        gold_actors = {a["name"]: gold_forms(a) for a in article.get("actors") or []}
        golds = [(q, locate(texts[source], q["text"])) for q in article.get("quotes") or [] if q.get("kind") == kind]
        preds = [q for q in graph["quotes"] if q["source"] == source and q["kind"] == kind]
        score.gold += len(golds)
        score.predicted += len(preds)
        for p in preds:
            right = any(span and overlaps(span, (p["start"], p["end"])) for _, span in golds)
            score.right += right
            if not right:
                score.misses.append(f"wrong: {source}: {texts[source][p['start']:p['end']]!r}")
        for g, span in golds:
            match = next((p for p in preds if span and overlaps(span, (p["start"], p["end"]))), None)
            if match is None:
                score.misses.append(f"missed: {source}: {g['text']!r}")
                continue
            score.found += 1
            speakers.gold += 1
            same = _same_speaker(g.get("speaker"), match["speaker"], gold_actors, actor_names)
            speakers.found += same
            if not same:
                speakers.misses.append(f"wrong: {source}: {g['text'][:60]!r}: {match['speaker']} for {g.get('speaker')}")
    speakers.note = "share of the quotes found"
    return score, speakers


def _same_speaker(gold: str | None, predicted: str | None, gold_actors: dict, actor_names: dict) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return bool(gold_actors.get(gold, {fold(gold)}) & actor_names.get(predicted, set()))


def score_scare_quotes(gold: dict[str, dict], graph: dict, texts: dict[str, str]) -> Score:
    score = Score("scare quotes reported as quotes")
    reported = 0
    for source, article in gold.items():
        for term in article.get("scare_quotes") or []:
            span = locate(texts[source], term)
            score.gold += 1
            if span and any(q["source"] == source and touches(span, (q["start"], q["end"])) and q["kind"] == "direct"
                            for q in graph["quotes"]):
                reported += 1
                score.misses.append(f"wrong: {source}: {term!r} reported as a quote")
    score.note = f"{reported} of {score.gold} scare-quoted terms reported as quotes (want 0)"
    score.gold = 0
    return score


# ---------------------------------------------------------------- events


def score_events(gold: dict[str, dict], graph: dict, texts: dict[str, str]) -> list[Score]:
    """Events found; their dates; merging of one event's mentions across articles (recall and precision)."""
    found = Score("events")
    hits: list[tuple[str, dict, dict | None]] = []  # (source, gold mention, predicted event or None)
    for source, article in gold.items():
        events = article.get("events") or []
        for event, hit in zip(events, match_event_mentions(events, graph, source, texts[source])):
            hits.append((source, event, hit))
            found.gold += 1
            if hit is None:
                found.misses.append(f"missed: {source}: {event['key']}: {event['evidence']!r}")
            else:
                found.found += 1
    found.note = f"{len(graph['events'])} predicted events; one predicted mention stands for one gold mention"
    return [found, score_event_dates(gold, hits), score_event_merges(hits)]


def match_event_mentions(events: list[dict], graph: dict, source: str, text: str) -> list[dict | None]:
    """The predicted event of each gold mention of one article, or None.

    A predicted mention that touches the gold evidence matches it, and stands for one gold mention only:
    where it touches several (one sentence, two gold events), it goes to the gold mention whose evidence
    holds its trigger word, then to the one it overlaps most; the others are missed (the extractor saw one
    happening where the gold sees two).
    """
    spans = [locate(text, e["evidence"]) for e in events]
    mentions = [(e, m) for e in graph["events"] for m in e["mentions"] if m["source"] == source]
    pairs = []
    for i, span in enumerate(spans):
        for j, (_, m) in enumerate(mentions):
            if span and touches(span, (m["start"], m["end"])):
                shared = min(span[1], m["end"]) - max(span[0], m["start"])
                pairs.append((-_holds_trigger(text, span, m), -shared, i, j))
    result: list[dict | None] = [None] * len(events)
    taken: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if result[i] is None and j not in taken:
            result[i] = mentions[j][0]
            taken.add(j)
    return result


def _holds_trigger(text: str, span: tuple[int, int], mention: dict) -> bool:
    """Whether the predicted mention's trigger word lies inside the gold evidence."""
    trigger = str(mention.get("trigger") or "").casefold()
    if not trigger:
        return False
    inside = text[max(span[0], mention["start"]): min(span[1], mention["end"])].casefold()
    return re.search(rf"\b{re.escape(trigger)}\b", inside) is not None


def gold_event_dates(gold: dict[str, dict]) -> dict[str, set[str]]:
    """Gold key → the dates its articles give (an empty set when no article dates it)."""
    dates: dict[str, set[str]] = {}
    for article in gold.values():
        for event in article.get("events") or []:
            dates.setdefault(event["key"], set()).update({str(event["date"])} if event.get("date") else set())
    return dates


def expected_event_date(event: dict, event_dates: set[str]) -> str | None:
    """The date a predicted event holding this gold mention must have; "?" when the gold cannot say.

    The mention's own gold date when its article gives one. Otherwise the date the gold gives the event
    in the other articles, when they agree on one; no date when no article dates the event; "?" when
    articles disagree (the gold then defines no single date for an account that gives none).
    """
    if event.get("date"):
        return str(event["date"])
    if len(event_dates) > 1:
        return "?"
    return next(iter(event_dates), None)


def score_event_dates(gold: dict[str, dict], hits: list[tuple[str, dict, dict | None]]) -> Score:
    """Over the gold mentions found: the predicted event's date against the gold date of the event."""
    dated = Score("events: right date")
    event_dates = gold_event_dates(gold)
    undecided = 0
    for source, event, hit in hits:
        if hit is None:
            continue
        expected = expected_event_date(event, event_dates[event["key"]])
        if expected == "?":
            undecided += 1
            continue
        dated.gold += 1
        right = expected == (str(hit["date"]) if hit.get("date") else None)
        dated.found += right
        if not right:
            own = "" if event.get("date") else " (from the other articles)"
            dated.misses.append(f"wrong: {source}: {event['key']}: {hit.get('date')} for {expected}{own}")
    dated.note = "share of the events found; a mention its article leaves undated takes the event's gold date"
    if undecided:
        dated.note += f"; {undecided} left out (undated here, articles disagree)"
    return dated


def score_event_merges(hits: list[tuple[str, dict, dict | None]]) -> Score:
    """Pairs of one gold event's mentions in one predicted event (recall); pairs of gold mentions
    in one predicted event that are one gold event (precision: the rest are wrong merges)."""
    merged = Score("events: cross-article merge")
    wrong_within = 0
    for i, (source_a, a, hit_a) in enumerate(hits):
        for source_b, b, hit_b in hits[i + 1:]:
            together = hit_a is not None and hit_b is not None and hit_a["id"] == hit_b["id"]
            if a["key"] == b["key"]:
                merged.gold += 1
                merged.found += together
                merged.predicted += together
                merged.right += together
                if not together:
                    merged.misses.append(f"missed: {a['key']}: {source_a} / {source_b}")
            elif together:
                merged.predicted += 1
                wrong_within += source_a == source_b
                merged.misses.append(f"wrong: {hit_a['id']}: {source_a}: {a['key']} with {source_b}: {b['key']}")
    wrong = merged.predicted - merged.right
    pairs = "pair" if wrong == 1 else "pairs"
    merged.note = (f"pairs of one event's mentions in one predicted event; wrong merges: {wrong} {pairs} of "
                   f"different gold events in one predicted event ({wrong_within} within one article)")
    return merged


# ---------------------------------------------------------------- contradictions


def score_contradictions(gold: list[dict], graph: dict, texts: dict[str, str]) -> Score:
    score = Score("contradictions", gold=len(gold), predicted=len(graph["contradictions"]))
    sides = [[(s["source"], locate(texts.get(s["source"], ""), s["text"])) for s in c["sides"]] for c in gold]
    hits = [[i for i, c in enumerate(sides) if _same_dispute(pred, gold[i], c)] for pred in graph["contradictions"]]
    score.right = sum(1 for h in hits if h)
    score.found = len({i for h in hits for i in h})
    score.misses += [f"missed: {c.get('summary', '')}" for i, c in enumerate(gold) if not any(i in h for h in hits)]
    score.misses += [f"wrong: {p.get('kind')}: {_claim_texts(p, texts)}" for p, h in zip(graph["contradictions"], hits) if not h]
    return score


def _claim_texts(predicted: dict, texts: dict[str, str]) -> str:
    return " / ".join(f"{c['source']}: {texts.get(c['source'], '')[c['start']:c['end']][:60]!r}" for c in predicted["claims"])


def _same_dispute(predicted: dict, gold: dict, sides: list) -> bool:
    """Two gold sides quoted; or one, with the same kind and every claim in the gold sides' articles."""
    touched = _matches(predicted, sides)
    same_sources = {c["source"] for c in predicted["claims"]} <= {s for s, _ in sides}
    return touched >= 2 or (touched == 1 and predicted.get("kind") == gold.get("kind") and same_sources)


def _matches(predicted: dict, gold_sides: list) -> int:
    return sum(
        1 for source, span in gold_sides
        if span and any(c["source"] == source and touches(span, (c["start"], c["end"])) for c in predicted["claims"])
    )


# ---------------------------------------------------------------- dates


def score_dates(path: Path) -> Score | None:
    if not path.exists():
        return None
    sys.path.insert(0, str(ROOT))
    from generator.extract.dates import resolve_date

    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    score = Score("relative and absolute dates", gold=len(rows), predicted=len(rows))
    for row in rows:
        value = resolve_date(row["text"], row.get("anchor"), future=bool(row.get("future")))
        score.found += value == row.get("expected")
        if value != row.get("expected"):
            score.misses.append(f"wrong: {row['text']!r} at {row.get('anchor')}: {value} for {row.get('expected')}")
    score.right = score.found
    return score


# ---------------------------------------------------------------- report


def evaluate(seeds: Path, gold_dir: Path, graph: dict, dates: Path | None) -> list[Score]:
    texts = article_texts(seeds)
    gold, contradictions, identities = load_gold(gold_dir)
    missing = [s for s in gold if s not in texts]
    if missing:
        raise SystemExit(f"gold names articles not in {seeds}: {', '.join(missing)}")
    scores = [score_actors(gold, actor_forms(graph, texts)), score_identities(identities, graph, texts)]
    for kind in ("direct", "indirect"):
        scores += score_quotes(gold, graph, texts, kind)
    scores.append(score_scare_quotes(gold, graph, texts))
    scores += score_events(gold, graph, texts)
    scores.append(score_contradictions(contradictions, graph, texts))
    if dates is not None and (extra := score_dates(dates)) is not None:
        scores.append(extra)
    return scores


def table(title: str, scores: list[Score]) -> str:
    lines = [f"### {title}", "", "| measure | precision | recall | F1 | note |", "|---|---|---|---|---|"]
    return "\n".join(lines + [s.row() for s in scores])


def details(scores: list[Score]) -> str:
    """The items behind the numbers: what was missed and what was wrong, per measure."""
    parts = []
    for score in scores:
        if score.misses:
            parts += ["", f"#### {score.name}", "", *(f"- {line}" for line in score.misses)]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--graph", type=Path, help="a graph.json to score instead of running extract")
    parser.add_argument("--dates", type=Path, help="a date-expression test set (tests/eval/dates.yml)")
    parser.add_argument("--details", action="store_true", help="also list the missed and the wrong items")
    args = parser.parse_args(argv)
    graph = json.loads(args.graph.read_text(encoding="utf-8")) if args.graph else run_extract(args.seeds)
    scores = evaluate(args.seeds, args.gold, graph, args.dates)
    print(table(f"{args.gold} ({len(graph['sources'])} articles)", scores))
    if args.details:
        print(details(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
