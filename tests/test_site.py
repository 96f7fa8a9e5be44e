"""Site stage: MkDocs build, offline bundle, link check, determinism."""
from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from generator.site import build as site_build
from generator.site import worker
from generator.site import build_offline_bundle, build_site, check_links
from tests.browser import write_sample_content

ROOT = Path(__file__).resolve().parent.parent


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("site")
    content = write_sample_content(base / "content")
    build_site(content, base / "site", ROOT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_build, "PAGES_PER_SHARE", 1)  # share even this small site between two processes
        build_offline_bundle(content, base / "dist" / "offline.zip", ROOT, base / "work", jobs=2)
    return base


def test_site_has_html_pages_for_web_and_file_urls(built: Path) -> None:
    site = built / "site"
    for page in ("index.html", "actors/amara-okonkwo.html", "sources/001.html", "timeline.html", "actors/index.html"):
        assert (site / page).is_file(), page
    assert (site / "data" / "graph.json").is_file()
    assert (site / "search" / "search_index.json").is_file()


def test_extra_css_is_shipped_and_linked(built: Path) -> None:
    site = built / "site"
    css = read(site / "assets" / "stylesheets" / "extra.css")
    assert ".contradiction" in css and ".para-boilerplate" in css and ".timeline" in css
    assert 'href="../assets/stylesheets/extra.css"' in read(site / "actors" / "amara-okonkwo.html")


def test_markdown_features_render(built: Path) -> None:
    site = built / "site"
    contradictions = read(site / "contradictions" / "index.html")
    assert 'class="admonition contradiction"' in contradictions
    assert "How many workers joined the strike?" in contradictions
    source = read(site / "sources" / "001.html")
    assert '<p id="p1" class="para para-body"' in source
    assert 'class="para para-boilerplate"' in source
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in source
    assert "<script>window.__pwned" not in source
    assert 'class="headerlink"' in read(site / "actors" / "amara-okonkwo.html")


def test_no_request_to_another_host(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        html = read(page)
        assert "fonts.googleapis" not in html and "unpkg.com" not in html, page
        external = re.findall(r"""\s(?:src|href)=["']?(?:https?:)?//""", html)
        assert not external, (page, external)


def test_palette_toggle_and_pruned_nav(built: Path) -> None:
    html = read(built / "site" / "actors" / "amara-okonkwo.html")
    assert 'data-md-color-scheme="slate"' in html and "Switch to dark mode" in html
    assert "port-workers-union" not in html  # detail pages are not in every page's nav
    for section in ("Actors", "Events", "Quotes", "Sources", "Contradictions", "Timeline"):
        assert section in html


def test_links_of_a_built_site_resolve(built: Path) -> None:
    assert check_links(built / "site") == []
    assert check_links(built / "work") == []


def test_check_links_reports_broken_files_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">X</h2><a name="y"></a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#x">ok</a> <a href="a/index.html#y">ok</a> <a href="#top">ok</a>'
        '<span id="top"></span> <a href="https://example.org/none">ext</a> <a href="mailto:x@example.org">m</a>'
        '<a href="a/#nope">bad anchor</a> <a href="missing.html">bad file</a> <img src="img/none.png">'
        "<pre><code>&lt;a href=\"ignored.html\"&gt;</code></pre><!-- <a href=\"gone.html\"> -->"
        '<a href="../outside.html">escapes</a>',
        encoding="utf-8",
    )
    problems = check_links(tmp_path)
    assert problems == [
        "index.html: missing anchor a/#nope",
        "index.html: broken link missing.html",
        "index.html: broken link img/none.png",
        "index.html: broken link ../outside.html",
    ]


def test_same_page_anchors_are_checked_per_page(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<h2 id="only-a">A</h2><a href="#only-a">a</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<a href="#only-a">b</a><a href="a.html#only-a">a</a>', encoding="utf-8")
    assert check_links(tmp_path) == ["b.html: missing anchor #only-a"]


def test_offline_bundle_layout(built: Path) -> None:
    with zipfile.ZipFile(built / "dist" / "offline.zip") as bundle:
        names = bundle.namelist()
        index = bundle.read("index.html").decode("utf-8")
        search_js = bundle.read("search/search_index.js").decode("utf-8")
        infos = bundle.infolist()
    assert names == sorted(names)
    assert "sources/001.html" in names and "assets/javascripts/iframe-worker.js" in names
    assert not any(name.endswith(".map") for name in names)
    assert search_js.startswith("var __index = {") and "Okonkwo" in search_js
    assert '<script src="assets/javascripts/iframe-worker.js"></script>' in index
    assert "unpkg" not in index and "https://" not in re.sub(r'xmlns="[^"]*"', "", index.split("<body", 1)[0])
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}


def test_each_worker_script_ships_its_source_for_file_pages(built: Path) -> None:
    workers = built / "site" / "assets" / "javascripts" / "workers"
    scripts = [p for p in workers.glob("*.js") if not p.name.endswith(".source.js")]
    assert scripts
    for script in scripts:
        shipped = read(script.with_name(script.name + ".source.js"))
        name, code = re.fullmatch(r'\(window\.__workerSources = window\.__workerSources \|\| \{\}\)\[(".*?")\] = (".*");\n',
                                  shipped, re.S).groups()
        assert json.loads(name) == script.name and json.loads(code) == read(script)


def test_no_worker_source_where_search_imports_stemmers(tmp_path: Path) -> None:
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.min.js").write_text("importScripts('x')", encoding="utf-8")
    assert worker.write_worker_sources(tmp_path, ["en", "de"]) == []
    assert worker.write_worker_sources(tmp_path, ["en"]) == [workers / "search.min.js.source.js"]
    assert worker.write_worker_sources(tmp_path, ["en"]) == [workers / "search.min.js.source.js"]  # not doubled


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_shared_among_processes_equal_one_build_and_the_bundle_holds_the_site(built: Path) -> None:
    one_process, two = files_of(built / "site"), files_of(built / "work")
    assert one_process == two
    assert not any(name.startswith(".shares-") for name in os.listdir(built))  # scratch folders removed
    with zipfile.ZipFile(built / "dist" / "offline.zip") as bundle:
        zipped = {name: bundle.read(name) for name in bundle.namelist()}
    assert zipped == {name: data for name, data in one_process.items() if not name.endswith(".map")}


def test_small_builds_and_rebuilds_stay_in_one_process() -> None:
    assert site_build.share_count(jobs=4, pages=150) == 1
    assert site_build.share_count(jobs=4, pages=450) == 2
    assert site_build.share_count(jobs=2, pages=12_000) == 2
    assert site_build.share_count(jobs=0, pages=12_000) == 1


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(site_build, "PAGES_PER_SHARE", 1)
    content = write_sample_content(tmp_path / "content")
    build_site(content, tmp_path / "site", ROOT, jobs=2)
    build_offline_bundle(content, tmp_path / "offline.zip", ROOT, tmp_path / "work")
    assert (tmp_path / "offline.zip").read_bytes() == (built / "dist" / "offline.zip").read_bytes()
    first = sorted(p.relative_to(built / "site") for p in (built / "site").rglob("*") if p.is_file())
    second = sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert first == second
    for name in first:
        assert (built / "site" / name).read_bytes() == (tmp_path / "site" / name).read_bytes(), name


def test_source_date_epoch_sets_zip_dates(tmp_path: Path, monkeypatch) -> None:
    from generator.site.bundle import write_zip

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    write_zip(tmp_path / "in", tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as bundle:
        assert bundle.infolist()[0].date_time == (2023, 11, 14, 22, 13, 20)


def test_clear_errors(tmp_path: Path) -> None:
    content = write_sample_content(tmp_path / "content")
    with pytest.raises(RuntimeError, match="mkdocs.yml"):
        build_site(content, tmp_path / "site", tmp_path)
    with pytest.raises(RuntimeError, match="work folder"):
        build_offline_bundle(content, tmp_path / "o.zip", ROOT, tmp_path)
    assert (content / "index.md").is_file()
    (tmp_path / "empty").mkdir()
    with pytest.raises(RuntimeError, match="index.md"):
        build_site(tmp_path / "empty", tmp_path / "site", ROOT)


def test_a_configuration_without_search_says_so(tmp_path: Path) -> None:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(ROOT / "overrides", project / "overrides")
    config = read(ROOT / "mkdocs.yml")
    assert "  - search:\n      lang: en\n" in config
    (project / "mkdocs.yml").write_text(config.replace("  - search:\n      lang: en\n", ""), encoding="utf-8")
    content = write_sample_content(tmp_path / "content")
    with pytest.raises(RuntimeError, match="is the search plugin enabled"):
        build_site(content, tmp_path / "site", project)
