"""Ingest: read the seeds folder into Sources with paragraphs and metadata.

Every article file becomes one ``Source``; a bad file becomes one problem line
(naming it and saying what to do) and never stops the others.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from generator.ingest.cache import SourceCache
from generator.ingest.decode import MAX_BYTES, BinaryFile, clean_text, decode_bytes
from generator.ingest.formats import HTML_SUFFIXES, MARKDOWN_SUFFIXES, Parsed, parse_html, parse_markdown
from generator.ingest.metadata import MAX_YAML_BYTES, check_fields, load_yaml
from generator.ingest.paragraphs import classify, split_blocks, split_lines
from generator.model import Paragraph, Source
from generator.versions import code_digest

ARTICLE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
SIDECAR_SUFFIXES = (".yml", ".yaml")
CURATION_FILE = "curation.yml"
PROGRESS_EVERY = 100

Progress = Callable[[str], None]

__all__ = ["ARTICLE_SUFFIXES", "IngestError", "read_corpus", "read_source"]


class IngestError(RuntimeError):
    """The seeds folder itself is missing, unreadable or not a folder."""


def read_corpus(folder: Path, progress: Optional[Progress] = None,
                cache_file: Optional[Path] = None) -> tuple[list[Source], list[str]]:
    """Read every article under ``folder``, sorted by path: (sources, problems).

    With ``cache_file``, an article whose bytes (and sidecar's) are those of the last
    run is not decoded and parsed again: its Source comes from the cache.
    """
    folder = Path(folder)
    articles, problems = _list_folder(folder)
    cache = SourceCache(cache_file)
    sources: list[Source] = []
    ids: set[str] = set()
    digests: dict[str, str] = {}
    for count, path in enumerate(articles, start=1):
        if progress and len(articles) >= 2 * PROGRESS_EVERY and count % PROGRESS_EVERY == 0:
            progress(f"ingest: {count}/{len(articles)}")
        source = _read_or_report(path, folder, problems, cache)
        if source is None:
            continue
        _make_id_unique(source, path, ids)
        _note_duplicate(source, digests)
        problems.extend(source.warnings)
        sources.append(source)
    cache.save()
    return sources, problems


def _read_or_report(path: Path, folder: Path, problems: list[str], cache: SourceCache) -> Optional[Source]:
    try:
        article = read_article(path, folder)
        key = article.key()
        source = cache.get(key)
        if source is None:
            source = parse_article(article)
            cache.put(key, source)
        return source
    except ValueError as err:
        problems.append(str(err))
    except Exception as err:  # noqa: BLE001 - one bad file never stops the others
        problems.append(f"{_relative(path, folder)} could not be read ({type(err).__name__}: {err}): "
                        "check the file, or remove it and report the problem")
    return None


def _make_id_unique(source: Source, path: Path, ids: set[str]) -> None:
    if source.id in ids:
        base = f"{source.id}-{path.suffix.lstrip('.').lower() or 'file'}"
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        source.warnings.append(f"{source.path}: another article already has the id {source.id!r}; "
                               f"this one is {candidate!r}: rename one of the files to keep ids stable")
        source.id = candidate
    ids.add(source.id)


def _note_duplicate(source: Source, digests: dict[str, str]) -> None:
    first = digests.setdefault(source.digest, source.path)
    if first != source.path:
        source.warnings.append(f"{source.path} is a duplicate of {first} (same bytes): both are kept; "
                               "remove one if it was added twice")


def _list_folder(folder: Path) -> tuple[list[Path], list[str]]:
    """Article files (sorted by relative path) and problems with the others."""
    if not folder.exists():
        raise IngestError(f"seeds folder {folder} does not exist: create it and put articles "
                          f"({', '.join(ARTICLE_SUFFIXES)}) in it, or pass --seeds FOLDER")
    if not folder.is_dir():
        raise IngestError(f"seeds folder {folder} is not a folder: pass --seeds with the folder holding the articles")
    try:
        os.listdir(folder)
    except OSError as err:
        raise IngestError(f"seeds folder {folder} cannot be read ({err.strerror or err}): check its permissions") from err
    articles: list[Path] = []
    sidecars: list[Path] = []
    problems: list[str] = []
    for path in _walk(folder, problems):
        suffix = path.suffix.lower()
        if suffix in ARTICLE_SUFFIXES:
            articles.append(path)
        elif suffix in SIDECAR_SUFFIXES:
            sidecars.append(path)
        else:
            problems.append(f"{_relative(path, folder)} is not an article ({', '.join(ARTICLE_SUFFIXES)}): "
                            "ignored; convert it to text or move it out of the folder")
    problems.extend(_orphan_sidecars(sidecars, articles, folder))
    return sorted(articles, key=lambda p: _relative(p, folder)), problems


def _walk(folder: Path, problems: list[str]) -> list[Path]:
    """Files under ``folder`` (not hidden); linked folders are reported, not followed."""
    files = []
    for here, dirs, names in os.walk(folder, followlinks=False):
        base = Path(here)
        for name in sorted(dirs):
            if not name.startswith(".") and (base / name).is_symlink():
                problems.append(f"{_relative(base / name, folder)} is a link to a folder: not followed; "
                                "copy the articles into the seeds folder instead")
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        files.extend(base / name for name in sorted(names) if not name.startswith("."))
    return files


def _orphan_sidecars(sidecars: list[Path], articles: list[Path], folder: Path) -> list[str]:
    stems = {(p.parent, p.stem) for p in articles}
    problems = []
    for sidecar in sorted(sidecars, key=lambda p: _relative(p, folder)):
        if sidecar.parent == folder and sidecar.name == CURATION_FILE:
            continue
        if (sidecar.parent, sidecar.stem) not in stems:
            problems.append(f"{_relative(sidecar, folder)} has no article named {sidecar.stem}.txt/.md/.html "
                            "beside it: ignored; rename it to match its article")
    return problems


@dataclass(frozen=True)
class RawArticle:
    """An article file's bytes and its sidecar's, as read: everything ``parse_article`` depends on."""

    name: str  # posix path relative to the seeds folder
    stem: str
    suffix: str  # lower case
    raw: bytes
    sidecar_name: Optional[str] = None
    sidecar_raw: Optional[bytes] = None
    sidecar_error: Optional[str] = None  # why the sidecar could not be read

    def key(self) -> str:
        """A digest of every field and of the ingest code: equal keys give equal Sources."""
        digest = hashlib.sha256(code_digest("ingest").encode())
        for part in (self.name, self.stem, self.suffix, self.raw, self.sidecar_name, self.sidecar_raw,
                     self.sidecar_error):
            data = part if isinstance(part, bytes) else ("\0" if part is None else f"s{part}").encode("utf-8")
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()


def read_source(path: Path, root: Path) -> Source:
    """Read one article. Raises ValueError (what is wrong + what to do) for a bad file.

    For Markdown, ``Source.text`` is the body after the YAML front matter, and
    every offset is into that body. For HTML it is the page's main text, one
    paragraph per line, blank lines between.
    """
    return parse_article(read_article(path, root))


def read_article(path: Path, root: Path) -> RawArticle:
    """The bytes of an article and of its sidecar (the only file I/O of ``read_source``)."""
    path, root = Path(path), Path(root)
    name = _relative(path, root)
    article = RawArticle(name=name, stem=path.stem, suffix=path.suffix.lower(), raw=_read_bytes(path, root, name))
    sidecar = sidecar_path(path)
    if sidecar is None:
        return article
    sidecar_name = _relative(sidecar, root)
    try:
        raw = _read_bytes(sidecar, root, sidecar_name, limit=MAX_YAML_BYTES)
    except ValueError as err:
        return replace(article, sidecar_name=sidecar_name, sidecar_error=str(err))
    return replace(article, sidecar_name=sidecar_name, sidecar_raw=raw)


def parse_article(article: RawArticle) -> Source:
    """The Source of an article's bytes: a pure function of ``article``. ValueError for a bad file."""
    name = article.name
    try:
        text, _encoding = decode_bytes(article.raw)
    except BinaryFile as err:
        raise ValueError(f"{name} looks binary, not an article ({err}): remove it or convert it to text") from err
    text = clean_text(text)
    if not text.strip():
        raise ValueError(f"{name} is empty: add the article text or remove the file")
    parsed, paragraphs, facts = _parse(text, article.suffix, name)
    if not paragraphs:
        raise ValueError(f"{name} has no article text (only markup or metadata): add the text or remove the file")
    source = Source(id=article.stem, path=name, text=parsed.text, paragraphs=paragraphs,
                    digest=hashlib.sha256(article.raw).hexdigest(), warnings=list(parsed.problems))
    sidecar, sidecar_problems = parse_sidecar(article)
    source.warnings.extend(sidecar_problems)
    _apply_metadata(source, sidecar, parsed, facts)
    return source


def _parse(text: str, suffix: str, name: str):
    """(parsed, paragraphs with kinds, facts read from the lines) for one format."""
    if suffix in HTML_SUFFIXES:
        parsed = parse_html(text, name)
        paragraphs = split_lines(parsed.text)
        tags = [tag for tag, _ in parsed.blocks or []]
        headings = frozenset(i for i, tag in enumerate(tags) if tag[0] == "h" and tag != "h1")
        title = next((i for i, tag in enumerate(tags[:3]) if tag == "h1"), None)
        facts = classify(parsed.text, paragraphs, headings, title, guess_title=False)
        return parsed, paragraphs, facts
    if suffix in MARKDOWN_SUFFIXES:
        parsed = parse_markdown(text, name)
        paragraphs = split_blocks(parsed.text)
        return parsed, paragraphs, classify(parsed.text, paragraphs, markdown=True)
    parsed = Parsed(text=text)
    paragraphs = split_lines(text)
    return parsed, paragraphs, classify(text, paragraphs)


def _apply_metadata(source: Source, sidecar: dict, parsed: Parsed, facts) -> None:
    """Precedence: sidecar > front matter / HTML meta > the article's own lines."""
    layers = ((sidecar, "sidecar"), (parsed.meta, parsed.origin),
              ({"title": facts.title, "date": facts.date, "outlet": facts.outlet, "authors": facts.authors}, "text"))
    for key in ("title", "date", "outlet", "url", "authors"):
        for values, origin in layers:
            if values.get(key):
                setattr(source, key, values[key])
                if key == "date":
                    source.date_origin = origin
                break
    source.title = source.title or source.id


def sidecar_path(path: Path) -> Optional[Path]:
    """``<stem>.yml`` or else ``<stem>.yaml`` beside ``path`` when there is one."""
    stem = os.path.join(os.path.dirname(path), path.stem)
    for suffix in SIDECAR_SUFFIXES:
        if os.path.lexists(stem + suffix):  # a broken link too: reading it says what is wrong
            return path.with_name(path.stem + suffix)
    return None


def parse_sidecar(article: RawArticle) -> tuple[dict, list[str]]:
    """The valid fields of the article's sidecar and the problems with it ({} and [] when it has none)."""
    name = article.sidecar_name
    if name is None:
        return {}, []
    if article.sidecar_error is not None:
        return {}, [article.sidecar_error]
    try:
        text = clean_text(decode_bytes(article.sidecar_raw)[0])
    except BinaryFile as err:
        return {}, [f"{err}" if name in str(err) else f"{name}: {err}"]
    data, problems = load_yaml(text, name)
    fields, field_problems = check_fields(data, name)
    return fields, problems + field_problems


def _read_bytes(path: Path, root: Path, name: str, limit: Optional[int] = None) -> bytes:
    """The file's bytes, refusing links out of ``root``, non-files and files over ``limit``."""
    limit = limit or MAX_BYTES
    real = os.path.realpath(path)
    if not _inside(real, _real_root(str(root), os.getcwd())):
        raise ValueError(f"{name} is a link to a file outside the seeds folder: not read; copy the article in instead")
    try:
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"{name} is not a regular file: not read; replace it with a text file")
        if info.st_size > limit:
            raise ValueError(f"{name} is larger than the {_size(limit)} limit: split it into smaller files")
        with open(real, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as err:
        raise ValueError(f"{name} cannot be read ({err.strerror or err}): check its permissions") from err
    if len(raw) > limit:
        raise ValueError(f"{name} is larger than the {_size(limit)} limit: split it into smaller files")
    return raw


@lru_cache(maxsize=8)
def _real_root(root: str, cwd: str) -> str:
    """The real path of the seeds folder (worked out once per folder, not once per file)."""
    return os.path.realpath(os.path.join(cwd, root))


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _size(limit: int) -> str:
    return f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit / 2**10:g} KB"


def _relative(path: Path, root: Path) -> str:
    text, base = str(path), str(root).rstrip(os.sep) + os.sep
    if text.startswith(base) and ".." not in text[len(base):].split(os.sep):
        return text[len(base):].replace(os.sep, "/")  # the usual case, a path listed under root
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:
        return path.name


def paragraph_texts(source: Source) -> list[tuple[Paragraph, str]]:
    """Each paragraph with its text (a convenience for callers and tests)."""
    return [(p, source.text[p.start:p.end]) for p in source.paragraphs]
