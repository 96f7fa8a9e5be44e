"""Ingest: formats, metadata precedence, paragraph kinds, dates, and the seed articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import IngestError, read_corpus, read_source
from generator.ingest.metadata import find_date, parse_date
from generator.ingest.paragraphs import looks_like_heading, split_blocks, split_lines

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def kinds(source) -> list[tuple[str, str]]:
    return [(p.kind, source.text[p.start:p.end]) for p in source.paragraphs]


def test_offsets_exclude_whitespace_and_every_nonblank_line_is_a_paragraph() -> None:
    text = "Headline here\n\n   First line.  \n\t\nSecond line.\n"
    paragraphs = split_lines(text)
    assert [text[p.start:p.end] for p in paragraphs] == ["Headline here", "First line.", "Second line."]
    assert [p.index for p in paragraphs] == [0, 1, 2]


def test_markdown_paragraphs_are_blank_line_separated_blocks() -> None:
    text = "# Title\n\nline one\nline two\n\n\nlast\n"
    assert [text[p.start:p.end] for p in split_blocks(text)] == ["# Title", "line one\nline two", "last"]


def test_txt_title_meta_caption_boilerplate_and_body(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", (
        "Harbour strike ends after talks\n\nSelect Page\n  • 03/10/2021\nBy Jane Doe and Tom Roe\n"
        "Dockers cheer at the gate on Monday (Reuters)\n"
        "The strike at the harbour ended on Monday, union leader Kim Ode said.\n"
        "Share this\n***\nRelated: Port traffic hits record\n(Source: Harbour Daily)\n"
    ))
    source = read_source(tmp_path / "story.txt", tmp_path)
    assert kinds(source) == [
        ("title", "Harbour strike ends after talks"),
        ("boilerplate", "Select Page"),
        ("meta", "• 03/10/2021"),
        ("meta", "By Jane Doe and Tom Roe"),
        ("caption", "Dockers cheer at the gate on Monday (Reuters)"),
        ("body", "The strike at the harbour ended on Monday, union leader Kim Ode said."),
        ("boilerplate", "Share this"),
        ("boilerplate", "***"),
        ("boilerplate", "Related: Port traffic hits record"),
        ("meta", "(Source: Harbour Daily)"),
    ]
    assert source.title == "Harbour strike ends after talks"
    assert (source.date, source.date_origin) == ("2021-10-03", "text")
    assert source.authors == ["Jane Doe", "Tom Roe"]
    assert source.outlet == "Harbour Daily"
    assert source.id == "story" and source.path == "story.txt"
    for para in source.paragraphs:
        assert source.text[para.start:para.end] == source.text[para.start:para.end].strip()


def test_headline_below_chrome_and_a_pipe_byline(tmp_path: Path) -> None:
    write(tmp_path, "w.txt", (
        "Skip to content\nFloods force thousands from homes\nAna Ruiz | Coastal Times\n"
        "Floods forced thousands from their homes on Sunday, officials said.\n"
        "Reporting by Ana Ruiz; Editing by Tom Fell\n"
    ))
    source = read_source(tmp_path / "w.txt", tmp_path)
    assert [p.kind for p in source.paragraphs] == ["boilerplate", "title", "meta", "body", "meta"]
    assert (source.title, source.authors, source.outlet) == ("Floods force thousands from homes", ["Ana Ruiz"], "Coastal Times")


def test_line_printed_twice_is_two_captions(tmp_path: Path) -> None:
    caption = "Workers repair a bridge near the river on Tuesday"
    write(tmp_path, "a.txt", f"Bridge reopens\n{caption}\n{caption}\nThe bridge reopened, officials said.\n")
    assert [k for k, _ in kinds(read_source(tmp_path / "a.txt", tmp_path))] == ["title", "caption", "caption", "body"]


def test_first_line_that_is_a_sentence_is_not_a_title(tmp_path: Path) -> None:
    write(tmp_path, "plain.txt", "The council met on Monday and voted to close the library.\nIt will reopen in May.\n")
    source = read_source(tmp_path / "plain.txt", tmp_path)
    assert [p.kind for p in source.paragraphs] == ["body", "body"]
    assert source.title == "plain"  # no headline: the id, never invented text


def test_heading_inside_body_is_conservative() -> None:
    assert looks_like_heading("Reaction From Abroad")
    assert looks_like_heading("What Happens Next for the Port")
    assert not looks_like_heading("The mayor said on Monday that talks would resume")
    assert not looks_like_heading("Talks resume.")
    assert not looks_like_heading("Reaction")


@pytest.mark.parametrize("text, iso", [
    ("  • 24/09/2016", "2016-09-24"),
    ("09/24/2016", "2016-09-24"),  # only month-first is valid
    ("03/04/2016", "2016-04-03"),  # ambiguous: day first
    ("2016-11-02T10:00:00Z", "2016-11-02"),
    ("November 2, 2016", "2016-11-02"),
    ("Nov. 2, 2016", "2016-11-02"),
    ("2 November 2016", "2016-11-02"),
    ("Wednesday 2nd November 2016 10:32 GMT", "2016-11-02"),
])
def test_dates_in_text(text: str, iso: str) -> None:
    assert find_date(text)[0] == iso


def test_no_date_is_never_guessed() -> None:
    assert find_date("on Monday, 31/02/2016 and November 2") is None
    assert parse_date("yesterday") is None
    assert parse_date([1, 2]) is None


def test_date_line_labels(tmp_path: Path) -> None:
    write(tmp_path, "d.txt", "Storm hits coast\nPublished: Nov. 2, 2016 10:32 GMT\nThe storm hit the coast on Monday.\n")
    source = read_source(tmp_path / "d.txt", tmp_path)
    assert source.paragraphs[1].kind == "meta" and source.date == "2016-11-02"


def test_date_in_a_body_sentence_is_not_the_article_date(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Vote delayed\nThe vote set for November 2, 2016 was delayed, the clerk said.\n")
    source = read_source(tmp_path / "b.txt", tmp_path)
    assert source.date is None and source.paragraphs[1].kind == "body"


def test_markdown_front_matter_and_headings(tmp_path: Path) -> None:
    write(tmp_path, "m.md", (
        "---\ntitle: Front title\ndate: 2020-05-06\noutlet: The Courier\nauthors: [A. Writer]\n"
        "url: https://example.org/story\n---\n# Heading one\n\nBody line one\nstill body.\n\n## Reaction\n\nMore text.\n"
    ))
    source = read_source(tmp_path / "m.md", tmp_path)
    assert source.text.startswith("# Heading one")  # offsets are into the body after the front matter
    assert kinds(source) == [("title", "# Heading one"), ("body", "Body line one\nstill body."),
                             ("heading", "## Reaction"), ("body", "More text.")]
    assert (source.title, source.date, source.date_origin) == ("Front title", "2020-05-06", "front matter")
    assert (source.outlet, source.authors, source.url) == ("The Courier", ["A. Writer"], "https://example.org/story")


def test_html_main_text_meta_and_headings(tmp_path: Path) -> None:
    write(tmp_path, "page.html", """<html><head><title>Page title | Site</title>
<meta property="og:title" content="Dam opens">
<meta property="article:published_time" content="2019-03-04T08:00:00Z">
<meta property="og:site_name" content="Valley News"><style>p {color: red}</style>
<script>var secret = "tracking";</script></head><body>
<nav><a href="/">Home</a></nav><header>Site header</header>
<article><h1>Dam opens to traffic</h1><p>The dam  opened<br>on <b>Monday</b>, engineers said.</p><h2>Local Reaction</h2><ul><li>Residents welcomed it.</li></ul>
<blockquote><p>“It is a good day,” the mayor said.</p></blockquote></article>
<aside>Most read</aside><footer>Copyright</footer></body></html>""")
    source = read_source(tmp_path / "page.html", tmp_path)
    assert kinds(source) == [("title", "Dam opens to traffic"), ("body", "The dam opened on Monday, engineers said."),
                             ("heading", "Local Reaction"), ("body", "Residents welcomed it."),
                             ("body", "“It is a good day,” the mayor said.")]
    assert (source.title, source.date, source.date_origin, source.outlet) == ("Dam opens", "2019-03-04", "html", "Valley News")
    assert "secret" not in source.text and "Site header" not in source.text and "Most read" not in source.text


def test_html_time_tag_date(tmp_path: Path) -> None:
    write(tmp_path, "t.htm", '<main><p>Rain fell.</p><time datetime="2018-07-01">1 July</time></main>')
    assert read_source(tmp_path / "t.htm", tmp_path).date == "2018-07-01"


def test_sidecar_wins_over_front_matter_and_text(tmp_path: Path) -> None:
    write(tmp_path, "s.md", "---\ndate: 2020-01-01\ntitle: FM\n---\nBody text here.\n")
    write(tmp_path, "s.yml", "title: Sidecar title\ndate: 3 March 2021\nauthors: Ann Lee\n")
    source = read_source(tmp_path / "s.md", tmp_path)
    assert (source.title, source.date, source.date_origin, source.authors) == ("Sidecar title", "2021-03-03", "sidecar", ["Ann Lee"])
    write(tmp_path, "t.txt", "Fire at mill\n  • 24/09/2016\nA fire broke out.\n")
    write(tmp_path, "t.yaml", "date: 2016-09-25\n")
    assert read_source(tmp_path / "t.txt", tmp_path).date == "2016-09-25"


def test_corpus_is_sorted_skips_hidden_and_sidecars_and_reports_others(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt"):
        write(tmp_path, name, "Some headline\n\nSome text.\n" if name != "c.html" else "<p>Some html.</p>")
    write(tmp_path, "a.yml", "title: A\n")
    write(tmp_path, "curation.yml", "merge: []\n")
    write(tmp_path, "orphan.yml", "title: X\n")
    write(tmp_path, "notes.pdf", "%PDF")
    sources, problems = read_corpus(tmp_path)
    assert [s.id for s in sources] == ["a", "b", "c"]
    assert any("orphan.yml" in p for p in problems) and any("notes.pdf" in p for p in problems)
    assert not any("curation.yml" in p for p in problems)


def test_same_stem_gets_a_unique_id_and_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "One\nText one.\n")
    write(tmp_path, "a.md", "Two\n\nText two.\n")
    sources, problems = read_corpus(tmp_path)
    assert [(s.id, s.path) for s in sources] == [("a", "a.md"), ("a-txt", "a.txt")]
    assert any("a.txt" in p and "a-txt" in p for p in problems)


def test_progress_for_big_corpora(tmp_path: Path) -> None:
    for n in range(250):
        write(tmp_path, f"{n:04d}.txt", f"Headline {n}\nText number {n}.\n")
    messages: list[str] = []
    sources, problems = read_corpus(tmp_path, messages.append)
    assert len(sources) == 250 and not problems
    assert messages == ["ingest: 100/250", "ingest: 200/250"]


def test_missing_or_wrong_seeds_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="does not exist"):
        read_corpus(tmp_path / "nope")
    write(tmp_path, "file.txt", "x")
    with pytest.raises(IngestError, match="not a folder"):
        read_corpus(tmp_path / "file.txt")


def test_digest_is_sha256_of_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    data = "Title\r\nBody line.\r\n".encode("utf-8")
    (tmp_path / "crlf.txt").write_bytes(data)
    source = read_source(tmp_path / "crlf.txt", tmp_path)
    assert source.digest == hashlib.sha256(data).hexdigest()
    assert source.text == "Title\nBody line.\n"


# --- the seed articles -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    sources, problems = read_corpus(SEEDS)
    return {s.id[:3]: s for s in sources}, problems


def test_seeds_read_without_problems(seeds) -> None:
    by_prefix, problems = seeds
    assert sorted(by_prefix) == ["000", "001", "002", "003", "004"] and problems == []


def test_seed_paragraphs_are_the_nonblank_lines(seeds) -> None:
    for source in seeds[0].values():
        lines = [line.strip() for line in (SEEDS / source.path).read_text(encoding="utf-8").splitlines() if line.strip()]
        assert [source.text[p.start:p.end] for p in source.paragraphs] == lines


def test_seed_titles_dates_and_kinds(seeds) -> None:
    s = seeds[0]
    assert s["001"].title == "Russia doesn't want truce, say Syrian rebels"
    assert (s["001"].date, s["001"].date_origin) == ("2016-09-24", "text")
    assert [p.kind for p in s["001"].paragraphs[:5]] == ["title", "meta", "caption", "caption", "body"]
    assert s["002"].title == "Syrian ‘opposition’ rejects Aleppo ceasefire"
    assert s["003"].paragraphs[-1].kind == "boilerplate"  # "Source link"
    assert s["003"].paragraphs[-2].kind == "meta"  # contributors line
    assert s["004"].title.startswith("Russia Offers New Aleppo Pause")
    assert [p.kind for p in s["004"].paragraphs[:5]] == ["boilerplate", "title", "boilerplate", "boilerplate", "boilerplate"]
    assert s["004"].paragraphs[5].kind == "caption"
    assert all(p.kind == "body" for p in s["000"].paragraphs[1:])
    for source in s.values():
        assert source.date is None or source.id.startswith("001")  # no date is guessed


def test_cached_ingest_parses_only_changed_articles_and_gives_the_same_sources(tmp_path: Path, monkeypatch) -> None:
    import generator.ingest as ingest

    seeds, cache = tmp_path / "seeds", tmp_path / "ingest.pickle"
    seeds.mkdir()
    for name in ("a.txt", "b.txt", "c.md"):
        write(seeds, name, "Port strike ends\n\nDockers went back to work on Monday, the union said.\n")
    parsed: list[str] = []
    real_parse = ingest.parse_article
    monkeypatch.setattr(ingest, "parse_article", lambda article: parsed.append(article.name) or real_parse(article))
    read_corpus(seeds, cache_file=cache)
    assert parsed == ["a.txt", "b.txt", "c.md"]
    parsed.clear()
    first, _ = read_corpus(seeds, cache_file=cache)
    first[0].title = "changed by a later stage"  # cached Sources are fresh copies
    write(seeds, "b.txt", "Port strike ends\n\nDockers went back to work on Tuesday, the union said.\n")
    write(seeds, "c.yml", "outlet: Harbour Gazette\n")  # a new sidecar changes its article's Source
    again, problems = read_corpus(seeds, cache_file=cache)
    assert parsed == ["b.txt", "c.md"]
    uncached, uncached_problems = read_corpus(seeds)
    assert again == uncached and problems == uncached_problems
    assert again[0].title == "Port strike ends" and again[2].outlet == "Harbour Gazette"


def test_a_damaged_ingest_cache_is_ignored(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Port strike ends\n\nDockers went back to work on Monday.\n")
    cache = tmp_path / "cache" / "ingest.pickle"
    cache.parent.mkdir()
    cache.write_bytes(b"not a pickle")
    sources, _ = read_corpus(tmp_path, cache_file=cache)
    assert sources == read_corpus(tmp_path)[0]
