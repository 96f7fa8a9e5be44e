"""Hostile input at the ingest level: bad bytes, odd names, links, huge files, markup as text."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.ingest import read_corpus, read_source


def only(problems: list[str], name: str) -> str:
    lines = [p for p in problems if name in p]
    assert len(lines) == 1, problems
    return lines[0]


def test_empty_and_whitespace_files_are_problems(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n  ")
    (tmp_path / "ok.txt").write_text("Title\nText.\n", encoding="utf-8")
    sources, problems = read_corpus(tmp_path)
    assert [s.id for s in sources] == ["ok"]
    assert "is empty" in only(problems, "empty.txt") and "is empty" in only(problems, "blank.txt")


def test_binary_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "noise.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02]) * 500)
    sources, problems = read_corpus(tmp_path)
    assert sources == []
    assert "looks binary" in only(problems, "binary.txt") and "looks binary" in only(problems, "noise.txt")
    with pytest.raises(ValueError, match="remove it or convert it to text"):
        read_source(tmp_path / "binary.txt", tmp_path)


@pytest.mark.parametrize("raw, expected", [
    ("Café owners protest\n\nJosé Núñez said the café would close.\n".encode("latin-1"), "José Núñez"),
    ("Union vote\n\n\x93We will strike,\x94 said Ewa Lind.\n".encode("latin-1"), "“We will strike,” said Ewa Lind."),
    ("Talks resume\n\nThe talks resumed, said Omar Haddad.\n".encode("utf-16"), "said Omar Haddad."),
    ("Talks resume\n\nThe talks resumed, said Ömer.\n".encode("utf-16-le"), "said Ömer."),
    ("\ufeffBOM title\nText after a byte-order mark.\n".encode("utf-8"), "BOM title"),
])
def test_encodings_are_decoded(tmp_path: Path, raw: bytes, expected: str) -> None:
    (tmp_path / "a.txt").write_bytes(raw)
    source = read_source(tmp_path / "a.txt", tmp_path)
    assert expected in source.text and "\ufeff" not in source.text and "\x00" not in source.text
    assert source.paragraphs[0].kind == "title" and source.title


def test_control_characters_and_newlines_are_normalised(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(b"Title\r\nOne\x07 two\x1b three\rFour\x0cFive\xc2\x85Six\n")
    source = read_source(tmp_path / "c.txt", tmp_path)
    assert source.text == "Title\nOne two three\nFour\nFive\nSix\n"
    assert len(source.paragraphs) == len(source.text.splitlines())


def test_a_50_mb_article_is_read(tmp_path: Path) -> None:
    line = "The committee met again on Tuesday and said talks would continue next week. " * 4 + "\n"
    body = "Long report on talks\n" + line * (50 * 2**20 // len(line))
    (tmp_path / "huge.txt").write_text(body, encoding="utf-8")
    source = read_source(tmp_path / "huge.txt", tmp_path)
    assert len(source.text) >= 50 * 2**20 - len(line)
    assert source.paragraphs[0].kind == "title" and source.paragraphs[-1].end == len(source.text) - 2
    assert len(source.paragraphs) == body.count("\n")


def test_a_50_mb_single_line_of_spaces_is_fast_and_empty(tmp_path: Path) -> None:
    (tmp_path / "spaces.txt").write_bytes(b" " * (50 * 2**20))
    with pytest.raises(ValueError, match="is empty"):
        read_source(tmp_path / "spaces.txt", tmp_path)


def test_over_the_size_limit_is_a_problem(tmp_path: Path, monkeypatch) -> None:
    import generator.ingest as ingest

    (tmp_path / "big.txt").write_text("Title\n" + "x" * 5000, encoding="utf-8")
    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    _, problems = read_corpus(tmp_path)
    assert "limit" in only(problems, "big.txt")


INJECTION = ("Officials meet\n<script>alert(1)</script> <img src=x onerror=\"alert(2)\">\n"
             "Click [here](javascript:alert(3)) {{ 7*7 }} {% if x %}y{% endif %}\n!!! note \"admonition\"\n---\n")


def test_markup_in_txt_is_kept_as_text(tmp_path: Path) -> None:
    (tmp_path / "inject.txt").write_text(INJECTION, encoding="utf-8")
    source = read_source(tmp_path / "inject.txt", tmp_path)
    assert source.text == INJECTION
    assert "<script>alert(1)</script>" in source.text and "{{ 7*7 }}" in source.text


def test_markup_in_markdown_is_kept_verbatim(tmp_path: Path) -> None:
    (tmp_path / "inject.md").write_text("# Officials meet\n\n" + INJECTION, encoding="utf-8")
    source = read_source(tmp_path / "inject.md", tmp_path)
    assert "{% if x %}y{% endif %}" in source.text and '!!! note "admonition"' in source.text


def test_html_scripts_are_dropped_and_escaped_text_stays_text(tmp_path: Path) -> None:
    (tmp_path / "x.html").write_text(
        '<html><head><script>alert("head")</script></head><body><p>Mayor spoke.<script>alert("body")</script></p>'
        '<p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">link</a> &lt;script&gt;hi&lt;/script&gt; {{ 7*7 }}</p>'
        '</body></html>', encoding="utf-8")
    source = read_source(tmp_path / "x.html", tmp_path)
    assert "alert(\"head\")" not in source.text and "alert(\"body\")" not in source.text
    assert "onerror" not in source.text and "javascript:" not in source.text
    assert "<script>hi</script>" in source.text and "{{ 7*7 }}" in source.text


def test_html_with_only_markup_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "bare.html").write_text("<html><script>x()</script><style>p{}</style></html>", encoding="utf-8")
    _, problems = read_corpus(tmp_path)
    assert "no article text" in only(problems, "bare.html")


def test_right_to_left_names_survive(tmp_path: Path) -> None:
    text = "Visit ends\n\nمحمد عبد الله and דוד כהן met in Geneva on Friday.\n"
    (tmp_path / "rtl.txt").write_text(text, encoding="utf-8")
    source = read_source(tmp_path / "rtl.txt", tmp_path)
    assert source.text == text and source.text[source.paragraphs[1].start:].startswith("محمد")


def test_identical_articles_are_both_kept_with_a_warning(tmp_path: Path) -> None:
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text("Port reopens\nThe port reopened.\n", encoding="utf-8")
    sources, problems = read_corpus(tmp_path)
    assert [s.id for s in sources] == ["first", "second"]
    assert "duplicate of first.txt" in only(problems, "second.txt")


def test_sidecar_problems_name_the_sidecar_and_the_article_still_builds(tmp_path: Path) -> None:
    for stem in ("bad", "types", "bomb", "big", "list"):
        (tmp_path / f"{stem}.txt").write_text("Title here\n  • 24/09/2016\nText.\n", encoding="utf-8")
    (tmp_path / "bad.yml").write_text("title: [unclosed\n", encoding="utf-8")
    (tmp_path / "types.yml").write_text("date: [1, 2]\nauthors: 5\nurl: javascript:alert(1)\noutlet: Daily\n", encoding="utf-8")
    (tmp_path / "bomb.yml").write_text('a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\ntitle: *c\n', encoding="utf-8")
    (tmp_path / "big.yml").write_text("title: " + "x" * 70_000 + "\n", encoding="utf-8")
    (tmp_path / "list.yml").write_text("- title\n- date\n", encoding="utf-8")
    sources, problems = read_corpus(tmp_path)
    assert len(sources) == 5
    assert "not valid YAML" in only(problems, "bad.yml")
    types = [p for p in problems if "types.yml" in p]
    assert any("'date'" in p for p in types) and any("'authors'" in p for p in types) and any("'url'" in p for p in types)
    assert "aliases" in only(problems, "bomb.yml") and "64 KB" in only(problems, "big.yml")
    assert "expected fields" in only(problems, "list.yml")
    by_id = {s.id: s for s in sources}
    assert (by_id["types"].outlet, by_id["types"].date, by_id["types"].url) == ("Daily", "2016-09-24", None)
    assert by_id["bomb"].title == "Title here"


def test_weird_file_names_work(tmp_path: Path) -> None:
    names = ["good article.txt", "inject $(touch pwned);.txt", "naïve – Ünïcode ✓.txt", "semi;colon&amp'quote\".txt"]
    for name in names:
        (tmp_path / name).write_text(f"Title\nText of {name}.\n", encoding="utf-8")
    sources, problems = read_corpus(tmp_path)
    assert problems == []
    assert sorted(s.path for s in sources) == sorted(names)
    assert {s.id for s in sources} == {Path(n).stem for n in names}
    assert not (tmp_path / "pwned").exists()


def test_symlinks_outside_the_folder_are_not_read(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\nDo not read.\n", encoding="utf-8")
    (seeds / "outside.txt").symlink_to(secret)
    (seeds / "real.txt").write_text("Inside\nText.\n", encoding="utf-8")
    (seeds / "inside.txt").symlink_to(seeds / "real.txt")
    (seeds / "linked-dir").symlink_to(tmp_path)
    (seeds / "real.yml").symlink_to(secret)
    sources, problems = read_corpus(seeds)
    assert [s.id for s in sources] == ["inside", "real"]
    assert "outside the seeds folder" in only(problems, "outside.txt")
    assert "not followed" in only(problems, "linked-dir")
    assert "outside the seeds folder" in only(problems, "real.yml")
    assert all("Do not read" not in s.text for s in sources)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Title\nText.\n", encoding="utf-8")
    path.chmod(0)
    _, problems = read_corpus(tmp_path)
    assert "cannot be read" in only(problems, "locked.txt")


def test_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    _, problems = read_corpus(tmp_path)
    assert "not a regular file" in only(problems, "pipe.txt")
