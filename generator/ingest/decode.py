"""Bytes to clean text: encoding detection, newline and control-character cleanup.

Offsets everywhere in the project are into the text this module returns, so
every transformation here happens once, before any offset is taken.
"""
from __future__ import annotations

import codecs
import re

MAX_BYTES = 64 * 1024 * 1024  # larger files are refused, not truncated

# Characters that str.splitlines() treats as line breaks become "\n", so a
# paragraph (a line) means the same thing to us and to any reader of the text.
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Other C0/C1 control characters (and DEL) are removed; \t and \n are kept.
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F, *range(0x80, 0xA0)) if chr(c) not in _LINE_BREAKS)
_BREAK_RE = re.compile("[" + re.escape(_LINE_BREAKS) + "]")
_CONTROL_RE = re.compile("[" + re.escape(_CONTROLS) + "]+")
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


class BinaryFile(ValueError):
    """The bytes are not text in any encoding we accept."""


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding name). Raises BinaryFile.

    Order: UTF-32/UTF-16/UTF-8 byte-order marks, UTF-16 without BOM (NULs at
    every other byte), strict UTF-8, UTF-8 with a few bad bytes replaced,
    cp1252 (the usual single-byte encoding of English text, a superset of
    Latin-1's printable characters), charset-normalizer's guess, Latin-1.
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return _checked(raw.decode(codec, errors="replace")), codec
    if b"\x00" in raw:
        codec = _utf16_without_bom(raw)
        if codec is None:
            raise BinaryFile("contains NUL bytes")
        return _checked(raw.decode(codec, errors="replace")), codec
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = raw.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    non_ascii = len(lenient) - len(lenient.encode("ascii", errors="ignore")) - bad
    if non_ascii >= 4 * bad:
        return lenient, "utf-8 (some bytes replaced)"
    try:
        return _checked(raw.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:
        pass
    guessed = _charset_guess(raw)
    if guessed is not None:
        return guessed
    return _checked(raw.decode("latin-1")), "latin-1"


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at every other byte of mostly-ASCII text."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    odd_nuls = raw[1::2].count(0)
    even_nuls = raw[0::2].count(0)
    half = len(raw) // 2
    if odd_nuls >= 0.7 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.7 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _charset_guess(raw: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a listed dependency
        return None
    best = from_bytes(raw[:1_000_000]).best()
    if best is None or not best.encoding:
        return None
    try:
        return _checked(raw.decode(best.encoding)), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters or replacement marks."""
    sample = text[:200_000]
    if sample and len(_JUNK.findall(sample)) > 0.1 * len(sample):
        raise BinaryFile("is mostly undecodable bytes")
    return text


def clean_text(text: str) -> str:
    """Normalise newlines to "\\n", drop a BOM and control characters (keeps \\t, \\n)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _BREAK_RE.search(text):
        text = _BREAK_RE.sub("\n", text)
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub("", text)
    return text
