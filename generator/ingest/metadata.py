"""Article metadata: dates in text, YAML sidecars and front matter, field checks."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

import yaml

FIELDS = ("title", "date", "outlet", "url", "authors")
MAX_YAML_BYTES = 64 * 1024
MAX_FIELD_CHARS = 500

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"(?<!\d)(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
DATE_PATTERNS = (_ISO, _NUMERIC, _MONTH_FIRST, _DAY_FIRST)


def find_date(text: str) -> Optional[tuple[str, int, int]]:
    """The first valid calendar date written in ``text``: (ISO date, start, end).

    Numeric dates are read day first (24/09/2016, 02.11.2016) unless only a
    month-first reading is valid (09/24/2016); an ambiguous 03/04/2016 is
    taken as 3 April. Nothing is guessed: no year, no date.
    """
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso_from_match(pattern, match)
            if iso:
                found.append((match.start(), iso, match.end()))
                break
    if not found:
        return None
    start, iso, end = min(found)
    return iso, start, end


def _iso_from_match(pattern: re.Pattern, m: re.Match) -> Optional[str]:
    if pattern is _ISO:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if pattern is _NUMERIC:
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        return _iso(year, second, first) or _iso(year, first, second)
    if pattern is _MONTH_FIRST:
        return _iso(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    return _iso(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))


def _iso(year: int, month: int, day: int) -> Optional[str]:
    if not 1800 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: Any) -> Optional[str]:
    """ISO yyyy-mm-dd from a date, datetime or a string holding one date; else None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        found = find_date(value)
        return found[0] if found else None
    return None


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors/aliases (no 'billion laughs')."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def load_yaml(text: str, where: str) -> tuple[Any, list[str]]:
    """Parse small YAML safely: (data or None, problems naming ``where``)."""
    if len(text.encode("utf-8", errors="replace")) > MAX_YAML_BYTES:
        return None, [f"{where}: larger than 64 KB, ignored: metadata needs only a few lines (title, date, outlet, url, authors)"]
    try:
        return yaml.load(text, Loader=_NoAliasLoader), []  # noqa: S506 - safe loader subclass
    except yaml.YAMLError as err:
        reason = " ".join(str(err).split())[:200]
        return None, [f"{where}: not valid YAML ({reason}), ignored: fix it or delete it"]


def check_fields(data: Any, where: str) -> tuple[dict[str, Any], list[str]]:
    """Keep the valid metadata fields; one problem line per invalid or unknown one."""
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"{where}: expected fields like 'title: ...' and 'date: 2016-11-02', found {type(data).__name__}, ignored"]
    fields: dict[str, Any] = {}
    problems = []
    for key in sorted(data, key=str):
        value = data[key]
        name = str(key)
        if name not in FIELDS:
            problems.append(f"{where}: unknown field {name!r} ignored (known: {', '.join(FIELDS)})")
            continue
        checked = _CHECKS[name](value)
        if checked is None:
            problems.append(f"{where}: field {name!r} {_EXPECTED[name]}, found {_show(value)}; ignored")
        else:
            fields[name] = checked
    return fields, problems


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def clean_field(value: str) -> str:
    """One line of plain text: whitespace and control characters collapsed."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in value).split())[:MAX_FIELD_CHARS]


def _text(value: Any) -> Optional[str]:
    if isinstance(value, str) and clean_field(value):
        return clean_field(value)
    return None


def _url(value: Any) -> Optional[str]:
    text = _text(value)
    if text and re.match(r"https?://[^\s<>\"']+$", text, re.IGNORECASE):
        return text
    return None


def _authors(value: Any) -> Optional[list[str]]:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and value and all(_text(v) for v in value):
        return [_text(v) for v in value]  # type: ignore[misc]
    return None


_CHECKS = {"title": _text, "date": parse_date, "outlet": _text, "url": _url, "authors": _authors}
_EXPECTED = {
    "title": "must be text",
    "date": "must be a date such as 2016-11-02 or 2 November 2016",
    "outlet": "must be text",
    "url": "must be an http(s):// address",
    "authors": "must be a name or a list of names",
}
