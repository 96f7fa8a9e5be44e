"""The whole pipeline on the seed articles: command line, pages, citations, callouts, links."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project_content_before() -> dict[str, int]:
    return snapshot(ROOT / "content")


@pytest.fixture(scope="module")
def built(tmp_path_factory, project_content_before) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run_cli("build", "--seeds", str(SEEDS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "extract:" in result.stderr  # progress is reported
    return out


def test_site_has_a_page_for_every_kind_of_thing(built: Path) -> None:
    content = built / "content"
    for seed in SEED_IDS:
        assert (content / "sources" / f"{seed}.md").is_file()
    for folder in ("actors", "quotes", "events"):
        pages = [p for p in (content / folder).glob("*.md") if p.name != "index.md"]
        assert pages, f"no {folder} pages"
    assert (built / "site" / "index.html").is_file()
    assert (built / "dist" / "offline.zip").is_file()


def test_every_actor_quote_and_event_cites_a_paragraph(built: Path) -> None:
    content = built / "content"
    for folder in ("actors", "quotes", "events"):
        for page in (content / folder).glob("*.md"):
            if page.name == "index.md":
                continue
            text = page.read_text(encoding="utf-8")
            assert re.search(r"\.\./sources/[^)#\s]+\.md#p\d+", text), f"{page} cites no paragraph"


def test_source_pages_anchor_every_paragraph(built: Path) -> None:
    graph = json.loads((built / "content" / "data" / "graph.json").read_text(encoding="utf-8"))
    for source in graph["sources"]:
        html = (built / "site" / "sources" / f"{source['id']}.html").read_text(encoding="utf-8")
        text = (SEEDS / Path(source["path"]).name).read_text(encoding="utf-8")
        paragraphs = [line for line in text.splitlines() if line.strip()]
        for index in range(len(paragraphs)):
            assert f'id="p{index}"' in html


def test_each_article_is_one_search_entry_with_its_text_and_not_its_record(built: Path) -> None:
    graph = json.loads((built / "content" / "data" / "graph.json").read_text(encoding="utf-8"))
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("sources/")]
    assert sorted(d["location"] for d in entries) == sorted(f"sources/{s['id']}.html" for s in graph["sources"])
    for source in graph["sources"]:
        [entry] = [d for d in entries if d["location"] == f"sources/{source['id']}.html"]
        text = (SEEDS / Path(source["path"]).name).read_text(encoding="utf-8")
        body = max(source["paragraphs"], key=lambda p: p["end"] - p["start"])
        words = text[body["start"]:body["end"]].split()[:6]
        assert " ".join(words) in html.unescape(entry["text"])
        assert source["digest"] not in entry["text"] and "the record of this file" not in entry["text"]


def test_contradiction_callouts_are_rendered(built: Path) -> None:
    html = (built / "site" / "contradictions" / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition contradiction"' in html


def test_graph_export_follows_the_contract(built: Path) -> None:
    graph = json.loads((built / "content" / "data" / "graph.json").read_text(encoding="utf-8"))
    texts = {s["id"]: (SEEDS / f"{s['id']}.txt").read_text(encoding="utf-8") for s in graph["sources"]}
    assert sorted(texts) == SEED_IDS
    for quote in graph["quotes"]:
        assert texts[quote["source"]][quote["start"] : quote["end"]] == quote["text"]
        assert quote["kind"] in ("direct", "indirect")
    actor_ids = {a["id"] for a in graph["actors"]}
    for actor in graph["actors"]:
        for mention in actor["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(texts[mention["source"]])
    for quote in graph["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in actor_ids
    for contradiction in graph["contradictions"]:
        assert len(contradiction["claims"]) >= 2
    assert (built / "site" / "data" / "graph.json").is_file()
    assert (built / "site" / "data" / "quotes.csv").is_file()


def test_internal_links_and_anchors_resolve(built: Path) -> None:
    from generator.site import check_links

    assert check_links(built / "site") == []


def test_offline_bundle_unpacks_to_a_browsable_site(built: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(built / "dist" / "offline.zip") as bundle:
        bundle.extractall(tmp_path)
    assert (tmp_path / "index.html").is_file()


def test_out_leaves_the_project_content_untouched(built: Path, project_content_before) -> None:
    assert snapshot(ROOT / "content") == project_content_before
    assert (built / "content" / "index.md").is_file()


def test_extract_writes_the_graph(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    result = run_cli("extract", "--seeds", str(SEEDS), "--json", str(target))
    assert result.returncode == 0, result.stderr
    graph = json.loads(target.read_text(encoding="utf-8"))
    assert set(graph) >= {"sources", "actors", "quotes", "events", "contradictions"}


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("extract", "--seeds", str(tmp_path / "nope"), "--json", str(tmp_path / "g.json"))
    assert result.returncode != 0
    assert "nope" in result.stderr and "error" in result.stderr.lower()


def test_bad_usage_exits_non_zero() -> None:
    result = run_cli("frobnicate")
    assert result.returncode != 0
    assert "usage" in result.stderr.lower()


def test_offline_bundle_finds_a_speaker_by_surname_from_file_urls(built: Path, tmp_path: Path) -> None:
    browser = pytest.importorskip("tests.browser")
    if not browser.chromium_available():
        pytest.skip("Chromium is not installed (make browser)")
    graph = json.loads((built / "content" / "data" / "graph.json").read_text(encoding="utf-8"))
    speakers = {q["speaker"] for q in graph["quotes"] if q["speaker"]}
    person = next(a for a in graph["actors"] if a["id"] in speakers and a["kind"] == "person")
    timing = browser.open_offline_search(built / "dist" / "offline.zip", tmp_path, person["name"].split()[-1])
    assert timing.after_load > 0
