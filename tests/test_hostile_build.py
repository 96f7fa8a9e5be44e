"""A hostile corpus builds: bad files are reported by name, good ones build, nothing injected runs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

INJECTION = """Officials meet after “injection” scare

<script>window.__pwned = 1;</script> <img src=x onerror="window.__pwned=2" id="pwned-img">
Click [here](javascript:window.__pwned=3) or <a href="javascript:window.__pwned=4" id="pwned-link">here</a>.
<div id="pwned-div" class="pwned">raw HTML block</div>
{{ 7*7 }} {% if true %}jinja{% endif %} [[wikilink]] <!-- hidden comment -->
!!! note "pwned admonition"
---
Mayor Anna Kowalczyk said the city council would meet on Monday. “We will not be intimidated,” Kowalczyk said.
"""

GOOD = """Port reopens after storm

The port of Velmora reopened on Tuesday after a storm closed it for three days, harbour master Idris Tamsin said.
“Ships are moving again,” Tamsin told reporters.
"""


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "good article.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good article copy.txt").write_text(GOOD, encoding="utf-8")
    (folder / "inject $(touch pwned);.txt").write_text(INJECTION, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin1.txt").write_bytes("Café owners protest\n\nJosé Núñez said the café would close.\n".encode("latin-1"))
    (folder / "cp1252.txt").write_bytes("Union vote\n\n\x93We will strike,\x94 said Ewa Lind.\n".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("Talks resume\n\nThe talks resumed, said Omar Haddad.\n".encode("utf-16"))
    (folder / "rtl.txt").write_text("Visit ends\n\nمحمد عبد الله and דוד כהן met in Geneva on Friday.\n", encoding="utf-8")
    (folder / "good article.yml").write_text("title: [unclosed\n", encoding="utf-8")
    (folder / "latin1.yml").write_text("date: [1, 2]\nauthors: 5\n", encoding="utf-8")
    (folder / "outside.txt").symlink_to(Path("/etc/hostname"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    base = tmp_path_factory.mktemp("hostile")
    seeds = base / "seeds"
    write_corpus(seeds)
    out = base / "out"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(out), "--jobs", "1"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return out, result


def test_the_good_articles_still_build(hostile) -> None:
    out, result = hostile
    assert result.returncode == 0, result.stderr
    graph = json.loads((out / "content" / "data" / "graph.json").read_text(encoding="utf-8"))
    ids = {s["id"] for s in graph["sources"]}
    assert {"good article", "latin1", "cp1252", "utf16", "rtl"} <= ids
    assert "empty" not in ids and "binary" not in ids and "outside" not in ids


def test_each_bad_file_gets_one_message_naming_it(hostile) -> None:
    _, result = hostile
    for name in ("empty.txt", "binary.txt", "outside.txt", "good article.yml", "latin1.yml"):
        lines = [line for line in result.stderr.splitlines() if name in line and "warning" in line.lower()]
        assert lines, f"no warning names {name}:\n{result.stderr}"


def test_decoded_text_is_right(hostile) -> None:
    out, _ = hostile
    graph = json.loads((out / "content" / "data" / "graph.json").read_text(encoding="utf-8"))
    sources = {s["id"]: s for s in graph["sources"]}
    page = (out / "content" / "sources" / "cp1252.md").read_text(encoding="utf-8")
    assert "We will strike" in page and "\x93" not in page
    assert "Núñez" in (out / "content" / "sources" / "latin1.md").read_text(encoding="utf-8")
    assert sources["utf16"]["title"]


def test_nothing_from_an_article_becomes_markup(hostile) -> None:
    out, _ = hostile
    for html_file in (out / "site").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, html_file
        assert 'onerror="window' not in html, html_file
        assert 'id="pwned' not in html, html_file
        assert 'href="javascript:' not in html, html_file
        assert "pwned admonition" not in html or 'class="admonition note"' not in html, html_file
    page = (out / "site" / "sources" / "inject $(touch pwned);.html")
    assert page.is_file()
    text = page.read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in text and "&lt;script&gt;" in text
    assert not (ROOT / "pwned").exists()


def test_no_injected_script_runs_in_the_browser(hostile) -> None:
    browser = pytest.importorskip("tests.browser")
    if not browser.chromium_available():
        pytest.skip("Chromium is not installed (make browser)")
    out, _ = hostile
    pages = sorted((out / "site").rglob("*.html"))
    report = browser.injected_markers(out / "site", pages)
    assert not any(report.values()), report
