"""Dates: resolve absolute and relative date expressions against an anchor.

``resolve_date("on Thursday", "2016-10-21")`` gives ``"2016-10-20"``. A
relative expression without an anchor resolves to ``None``: a date is
never invented. Month-only or vaguer expressions ("last month", "earlier
this week") give ``None`` too; ``date_window`` gives their day range.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

from generator.extract.nlp import doc_text

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
}
SAME_DAY = {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
            "later today", "this week-end", "now"}
DAY_OFFSETS = {
    "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "tomorrow": 1, "tomorrow morning": 1, "tomorrow evening": 1,
    "day before yesterday": -2, "the day before yesterday": -2, "day after tomorrow": 2,
    "the day after tomorrow": 2, "overnight": 0,
}
# Words around a date that do not change which day it is.
LEADING = re.compile(
    r"^(?:(?:on|since|from|by|until|till|til|through|as of|starting|beginning|effective|"
    r"before|after|in|at|for|of|the|early|late|earlier|later|last|this|next|coming)\s+)*",
    re.I,
)
DAY_PARTS = r"(?:morning|afternoon|evening|night|noon|midday|midnight|overnight|lunchtime|dawn)"
NOISE = re.compile(r"\((?:[^)]*)\)|\blocal time\b|\bgmt\b|\butc\b|[’']s\b", re.I)
FUTURE_WINDOW = 62  # days: "Nov. 4" written on Nov. 2 is this year's, not last year's

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?,?(?:\s+(\d{{4}}))?\b", re.I
)
MONTH_DAY = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{{4}}))?\b", re.I
)
WEEKDAY = re.compile(rf"\b(last|next|this|coming|past)?\s*\b({_WEEKDAY_RE})\b\.?", re.I)
AGO = re.compile(r"\b(\d+|[a-z]+)\s+(day|week)s?\s+(ago|earlier|before|later|from now|hence)\b", re.I)


@dataclass
class DateMatch:
    """A date expression found in a text, with its resolved value."""

    start: int
    end: int
    text: str
    value: Optional[str] = None  # ISO yyyy-mm-dd, or None when not a single known day
    until: bool = False  # "until Friday": the end of something


def days_apart(first: Optional[str], second: Optional[str]) -> Optional[int]:
    """Whole days between two ISO dates; None when either is missing or malformed."""
    a, b = parse_iso(first), parse_iso(second)
    return abs((a - b).days) if a and b else None


def parse_iso(value: Optional[str]) -> Optional[dt.date]:
    """The date of an ISO ``yyyy-mm-dd`` string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date(expression: str, anchor: Optional[str], future: bool = False) -> Optional[str]:
    """The ISO day ``expression`` names, read on the day ``anchor``.

    ``future`` says the sentence looks forward ("will begin on Thursday"),
    so a bare weekday or a yearless date lies on or after the anchor.
    """
    day = _resolve(expression or "", anchor or "", future)
    return day.isoformat() if day else None


@functools.lru_cache(maxsize=4096)
def _resolve(expression: str, anchor_text: str, future: bool) -> Optional[dt.date]:
    anchor = parse_iso(anchor_text)
    text = _clean(expression)
    if not text:
        return None
    for rule in (_absolute, _numeric, _named_day, _day_offset, _weekday):
        found = rule(text, anchor, future)
        if found is not False:
            return found
    return None


def _clean(expression: str) -> str:
    text = NOISE.sub(" ", expression.lower().replace("\u2019", "'"))
    text = re.sub(r"[,;:!?\"“”]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip(" .-")


def _absolute(text: str, anchor: Optional[dt.date], future: bool):
    match = ISO_DATE.search(text)
    if match:
        return _safe_date(*(int(g) for g in match.groups()))
    match = MONTH_DAY.search(text)
    if match:
        month, day, year = MONTHS[match.group(1).lower()], int(match.group(2)), match.group(3)
        return _with_year(day, month, year, anchor, future, text.startswith("since "))
    match = DAY_MONTH.search(text)
    if match:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], match.group(3)
        return _with_year(day, month, year, anchor, future, text.startswith("since "))
    return False


def _numeric(text: str, anchor: Optional[dt.date], future: bool):
    match = NUMERIC_DATE.search(text)
    if not match:
        return False
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if year < 100:
        year += 2000
    if second > 12 >= first:  # month/day, American order
        return _safe_date(year, first, second)
    return _safe_date(year, second, first)  # day/month unless impossible


def _with_year(
    day: int, month: int, year: Optional[str], anchor: Optional[dt.date], future: bool, past: bool = False
):
    if year:
        return _safe_date(int(year), month, day)
    if anchor is None:
        return None
    found = _safe_date(anchor.year, month, day)
    if found is None:
        return None
    if past and found > anchor:  # "since Oct. 18": a day already gone
        return _safe_date(anchor.year - 1, month, day)
    if not future and (found - anchor).days > FUTURE_WINDOW:
        return _safe_date(anchor.year - 1, month, day)
    if future and (anchor - found).days > FUTURE_WINDOW:
        return _safe_date(anchor.year + 1, month, day)
    return found


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _named_day(text: str, anchor: Optional[dt.date], future: bool):
    bare = LEADING.sub("", text) if text not in DAY_OFFSETS else text
    key = text if text in SAME_DAY or text in DAY_OFFSETS else bare
    if key in SAME_DAY or re.fullmatch(rf"(?:earlier |later )?(?:today|tonight)(?: {DAY_PARTS})?", key):
        return anchor
    for words in (text, key, re.sub(rf"\s+{DAY_PARTS}$", "", key)):
        if words in DAY_OFFSETS:
            return anchor + dt.timedelta(days=DAY_OFFSETS[words]) if anchor else None
    return False


def _day_offset(text: str, anchor: Optional[dt.date], future: bool):
    match = AGO.search(text)
    if not match:
        return False
    count = _number(match.group(1))
    if count is None:
        return None
    days = count * (7 if match.group(2).lower() == "week" else 1)
    if match.group(3).lower() in ("ago", "earlier", "before"):
        days = -days
    if anchor is None or match.group(3).lower() in ("earlier", "before", "later"):
        return None  # "two days later": later than what? not the anchor
    return anchor + dt.timedelta(days=days)


def _number(word: str) -> Optional[int]:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _weekday(text: str, anchor: Optional[dt.date], future: bool):
    if re.search(r"\b(week|month|year)s?\b", text):
        return None  # "earlier this week", "Monday last week": not one known day
    match = WEEKDAY.search(text)
    if not match:
        return False
    if anchor is None:
        return None
    target = WEEKDAYS[match.group(2).lower()]
    modifier = (match.group(1) or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if modifier in ("last", "past"):
        return anchor - dt.timedelta(days=back or 7)
    if modifier == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if future or modifier == "coming":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def named_weekday(expression: str) -> Optional[int]:
    """The weekday (0 = Monday) a date expression names ("on Wednesday", "Friday evening"), or None."""
    if re.search(r"\b(week|month|year)s?\b", expression) or _is_weekday_abbrev_noise(expression.strip()):
        return None
    match = WEEKDAY.search(expression)
    return WEEKDAYS[match.group(2).lower()] if match else None


# --- windows: what range of days a vaguer expression allows --------------------------------------


def date_window(expression: str, anchor: Optional[str], future: bool = False) -> Optional[tuple[str, str]]:
    """The first and last ISO day ``expression`` may mean, or None when unknown.

    A single day gives (day, day); "last month" read on 2016-10-19 gives
    ("2016-09-01", "2016-09-30"); "earlier this week" the week up to the anchor.
    """
    day = resolve_date(expression, anchor, future)
    if day:
        return day, day
    base = parse_iso(anchor)
    text = _clean(expression or "")
    month = _month_window(text, base)
    if month:
        return month[0].isoformat(), month[1].isoformat()
    if base is None:
        return None
    week = _week_window(text, base)
    return (week[0].isoformat(), week[1].isoformat()) if week else None


def _month_window(text: str, base: Optional[dt.date]) -> Optional[tuple[dt.date, dt.date]]:
    match = re.search(rf"\b({_MONTH_RE})\.?(?:\s+(\d{{4}}))?\b", text)
    if match and not re.search(r"\d{1,2}", text.replace(match.group(2) or "@@", "")):
        month = MONTHS[match.group(1)]
        if match.group(2):
            year = int(match.group(2))
        elif base:
            year = base.year - (1 if month > base.month + 2 else 0)
        else:
            return None
        return _month_bounds(year, month)
    if base and re.search(r"\blast month\b", text):
        prev = base.replace(day=1) - dt.timedelta(days=1)
        return _month_bounds(prev.year, prev.month)
    if base and re.search(r"\b(?:earlier |later )?this month\b", text):
        return _month_bounds(base.year, base.month)
    return None


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _week_window(text: str, base: dt.date) -> Optional[tuple[dt.date, dt.date]]:
    monday = base - dt.timedelta(days=base.weekday())
    if re.search(r"\blast week\b", text):
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if re.search(r"\b(?:earlier )?this week\b", text):
        return monday, base
    if re.search(r"\bnext week\b", text):
        return monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
    if re.search(r"\brecent days\b|\bpast (?:few )?days\b", text):
        return base - dt.timedelta(days=7), base
    return None


# --- finding dates in text -----------------------------------------------------------------------

FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|to be held|is due|are due|due to|scheduled|planned|plans? to|set to|"
    r"promised for|expected to|going to|would begin|would start|upcoming|next)\b",
    re.I,
)
UNTIL_CUE = re.compile(r"\b(?:until|till|til|through|to|ending)\s*$", re.I)
SINCE_CUE = re.compile(r"\b(?:since)\s*$", re.I)
_FALLBACK = re.compile(
    rf"(?:{ISO_DATE.pattern}|{NUMERIC_DATE.pattern}|{MONTH_DAY.pattern}|{DAY_MONTH.pattern}"
    rf"|\b(?:last |next |this )?(?:{_WEEKDAY_RE})\b(?:\s+{DAY_PARTS})?"
    rf"|\b(?:today|tonight|yesterday|tomorrow|last night)\b"
    r"|\b(?:earlier |later )?(?:last|this|next) (?:week|month)\b|\b(?:in )?recent days\b"
    r"|\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?) ago\b)",
    re.I,
)
_WEEKDAY_FULL = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)


def looks_future(sentence: str) -> bool:
    """Whether a sentence speaks of what is to come ("will begin", "is due to")."""
    return bool(FUTURE_CUES.search(sentence))


def find_dates(span, anchor: Optional[str] = None, future: Optional[bool] = None) -> list[DateMatch]:
    """Date expressions in a spaCy ``Doc`` or ``Span``, resolved against ``anchor``.

    Uses the model's DATE entities and, for what it misses, plain rules.
    Offsets are character offsets into the whole doc. ``future=None`` reads
    each date's tense from the words that govern it ("will begin", "promised for").
    """
    doc = span.doc if hasattr(span, "doc") else span
    lo, hi = (span.start_char, span.end_char) if hasattr(span, "start_char") else (0, len(doc_text(doc)))
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "DATE" and lo <= ent.start_char and ent.end_char <= hi:
            spans.append((ent.start_char, ent.end_char))
    for match in _FALLBACK.finditer(doc_text(doc), lo, hi):
        if _is_weekday_abbrev_noise(match.group(0)):
            continue
        if not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append((match.start(), match.end()))
    found = []
    for start, end in sorted(spans):
        ahead = future if future is not None else _governed_by_future(doc, start, end)
        match = _date_match(doc_text(doc), start, end, anchor, ahead)
        if match is not None:
            found.append(match)
    return found


FUTURE_LEMMAS = {"promise", "plan", "schedule", "due", "expect", "set", "upcoming", "propose", "intend"}


def _governed_by_future(doc, start: int, end: int) -> bool:
    """Whether the verb a date hangs from looks forward: "will meet on Monday", "pause planned for Thursday"."""
    tokens = [t for t in doc if start <= t.idx < end]
    if not tokens:
        return False
    until = bool(UNTIL_CUE.search(doc_text(doc)[max(0, start - 12):start]))
    node = tokens[0]
    for _ in range(5):
        if node.lemma_.lower() in FUTURE_LEMMAS and node.tag_ in ("VBN", "JJ", "VBD", "VB", "VBG", "VBZ"):
            return True
        if any(c.dep_ == "amod" and c.lemma_.lower() in FUTURE_LEMMAS for c in node.children):
            return True  # "Thursday's planned pause"
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "aux":
            if until and node.tag_ in ("VBG", "VBZ", "VBP", "VB"):
                return True  # "is extending ... until Friday"
            if node.tag_ in ("VBD", "VBN"):
                return False
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _is_weekday_abbrev_noise(words: str) -> bool:
    """Short forms like "sat" or "sun" match ordinary words; keep full weekday names only."""
    stripped = re.sub(r"^(?:last|next|this)\s+", "", words.strip(), flags=re.I)
    if stripped.lower() in WEEKDAYS and not _WEEKDAY_FULL.match(stripped):
        return True
    return False


def _date_match(text: str, start: int, end: int, anchor: Optional[str], future: bool) -> Optional[DateMatch]:
    words = text[start:end]
    if not re.search(r"\d|[a-z]", words, re.I):
        return None
    before = text[max(0, start - 12):start]
    until = bool(UNTIL_CUE.search(before)) or words.lower().startswith(("until", "till"))
    value = resolve_date(words, anchor, future)
    if value is None and not _is_date_words(words):
        return None
    return DateMatch(start=start, end=end, text=words, value=value, until=until)


def _is_date_words(words: str) -> bool:
    """Whether an unresolved DATE entity still names a time ("last month"), not an age or a span."""
    lowered = words.lower()
    if re.search(r"\b(?:years?|months?|weeks?|days?|hours?)[- ]old\b|\bage\b", lowered):
        return False
    if re.fullmatch(r"(?:the )?(?:\w+[- ])?(?:hours?|days?|weeks?|months?|years?)(?:-long)?", lowered):
        return False  # a duration ("eight-hour", "five-year"), not a date
    return bool(re.search(
        rf"\b(?:{_MONTH_RE}|{_WEEKDAY_RE}|today|tonight|yesterday|tomorrow|last|this|next|earlier|"
        r"ago|recent|\d{4})\b", lowered))


# --- clock ranges ------------------------------------------------------------------------------

CLOCK = r"(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?"
TIME_RANGE = re.compile(
    rf"\b(?:from|between)\s+{CLOCK}(?:\s*\([^)]*\))?\s*(?:to|until|till|and|-|–)\s+{CLOCK}", re.I
)
MILITARY_RANGE = re.compile(r"\b(?:from|between)\s+(\d{2})(\d{2})\s*(?:to|until|and|-|–)\s+(\d{2})(\d{2})\b")


def find_time_range(text: str) -> Optional[tuple[str, str, float]]:
    """A clock range in ``text``: ("09:00", "19:00", 10.0) for "from 9:00 am to 19:00"."""
    match = TIME_RANGE.search(text)
    if match:
        start = _clock(match.group(1), match.group(2), match.group(3))
        end = _clock(match.group(4), match.group(5), match.group(6))
    else:
        match = MILITARY_RANGE.search(text)
        if not match:
            return None
        start = _clock(match.group(1), match.group(2), None)
        end = _clock(match.group(3), match.group(4), None)
    if start is None or end is None:
        return None
    hours = ((end - start) % (24 * 60)) / 60
    return _hhmm(start), _hhmm(end), hours


def _clock(hour: str, minute: Optional[str], meridiem: Optional[str]) -> Optional[int]:
    h, m = int(hour), int(minute or 0)
    if meridiem:
        if h > 12:
            return None
        h = h % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if h > 24 or m > 59 or (minute is None and not meridiem):
        return None  # a bare number is no clock time
    return (h % 24) * 60 + m


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
