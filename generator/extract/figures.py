"""Figures: numbers with their units, normalised so sources can be compared.

``find_figures("at least 91 people died", "001")`` gives one count figure
(value 91, unit "person", hedge "at least"). Durations are normalised to
hours, distances to metres, clock times to hours of the day, money to the
currency's units. ``figures_agree`` says whether two figures can both be true.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from generator.model import Figure

__all__ = ["find_figures", "figures_agree", "comparable", "figure_range"]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague plurals: the value is the least the word can mean; the hedge bounds it.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000}
VAGUE_RANGE = {"dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
               "thousands": (2_000, 9_999), "millions": (2_000_000, 9_999_999)}

# Hedge phrases before a number, longest first; each maps to its canonical form.
HEDGES = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
    "at most": "up to", "up to": "up to", "as many as": "up to", "no more than": "up to",
    "fewer than": "less than", "less than": "less than", "under": "less than", "just under": "nearly",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "just over": "more than", "an approximate": "about", "more or less": "about",
}
# How far each hedge lets the value stretch (low, high factors).
HEDGE_BOUNDS = {
    "at least": (1.0, math.inf), "more than": (1.0, math.inf), "up to": (0.0, 1.0),
    "less than": (0.0, 1.0), "nearly": (0.85, 1.0), "about": (0.9, 1.1),
}

DURATION_HOURS = {
    "second": 1 / 3600, "minute": 1 / 60, "min": 1 / 60, "hour": 1.0, "hr": 1.0, "day": 24.0,
    "week": 168.0, "month": 730.0, "year": 8760.0,
}
DISTANCE_METRES = {
    "metre": 1.0, "meter": 1.0, "m": 1.0, "kilometre": 1000.0, "kilometer": 1000.0, "km": 1000.0,
    "centimetre": 0.01, "centimeter": 0.01, "cm": 0.01, "foot": 0.3048, "feet": 0.3048, "ft": 0.3048,
    "yard": 0.9144, "yd": 0.9144, "mile": 1609.344, "mi": 1609.344,
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "yuan": "CNY", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF",
}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "RUB", "CNY", "INR", "CHF")
MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
# Words after a number that are not what is counted.
NOT_COUNTED = set(
    "a an the of in on at to for from by with and or but as than that this these those which who is are was "
    "were be been has have had will would could should may might can per times time percent am pm gmt utc "
    "local o'clock th st nd rd s no".split()
)

_WORD_NUMBER = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALE = "|".join(SCALES)
_HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_CURRENCY_SIGN = r"US\$|\$|€|£|¥"
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|(?:{_WORD_NUMBER})(?:[- ](?:{_WORD_NUMBER}))?\b|a\b|an\b)"
    rf"(?:\s+(?:{_SCALE}))*"
)
CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?m\b\.?)"
    r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b(?:\s*(?P<ap2>[ap]\.?m\b\.?))?"
    r"|\b(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)\s*(?P<tz>GMT|UTC|local time|hours|hrs)\b",
    re.I,
)
QUANTITY = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?"
    rf"(?:(?P<sign>{_CURRENCY_SIGN})\s?)?"
    rf"(?P<number>(?<![\w.,/-]){NUMBER}|\b(?:{'|'.join(VAGUE)})\b|\ba\s+dozen\b)"
    rf"(?=(?P<after>[^\n]{{0,40}}))",
    re.I,
)
UNIT_AFTER = re.compile(
    r"^(?:(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)"
    r"|(?P<hyphen>-)(?P<hunit>[a-z]+)\b(?:-long\b)?"
    r"|\s+(?:of\s+)?(?P<code>(?:US\s)?[A-Z]{3})\b"
    r"|\s+(?P<word>[a-zA-Z][\w'’-]*))",
)


def find_figures(text: str, source_id: str = "", offset: int = 0) -> list[Figure]:
    """Numbers with units in ``text``; offsets are shifted by ``offset``."""
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    clocks = _clock_times(text, source_id, offset)
    for figure in clocks:
        figures.append(figure)
        taken.append((figure.start - offset, figure.end - offset))
    figures += _clock_spans(clocks, text, offset)
    for match in QUANTITY.finditer(text):
        if any(s < match.end("number") and match.start("number") < e for s, e in taken):
            continue
        figure = _quantity(match, text, source_id, offset)
        if figure is not None:
            figures.append(figure)
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def _clock_times(text: str, source_id: str, offset: int) -> list[Figure]:
    """Clock times: "9:00 am", "7pm", "19:00", "1900 local time"."""
    found = []
    for match in CLOCK.finditer(text):
        hour = int(match["h"] or match["h2"] or match["h4"])
        minute = int(match["m"] or match["m2"] or match["m4"] or 0)
        meridiem = (match["ap"] or match["ap2"] or "").lower()
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        if match["ap"] and int(match["h"]) > 12:
            continue
        zone = (match["tz"] or "").upper()
        unit = "clock-utc" if zone in ("GMT", "UTC") else "clock"
        if _follows_date_word(text, match.start()):
            continue
        found.append(Figure(
            text=match.group(0).strip(), value=hour + minute / 60, unit=unit, kind="time",
            source=source_id, start=offset + match.start(), end=offset + match.start() + len(match.group(0).strip()),
        ))
    return found


# Between the two ends of a span of clock times: "from 9:00 to 19:00", "between 8am and 6pm", "10am-4pm".
_SPAN_JOIN = re.compile(r"^\s*(?:to|until|till|through|-|–|—)\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_ASIDE = re.compile(r"\s*\([^()]*\)")


def _clock_spans(clocks: list[Figure], text: str, offset: int) -> list[Figure]:
    """Durations that spans of clock times make: "from 9:00 am (0600 GMT) to 19:00" is ten hours.

    The span's ends are two times of one kind (local or GMT) in a row, with only "to", "until", "-"…
    (or "between … and …") and asides in brackets between them.
    """
    spans = []
    for at, first in enumerate(clocks):
        second = next((c for c in clocks[at + 1:] if c.unit == first.unit), None)
        if second is None:
            continue
        gap = _ASIDE.sub("", text[first.end - offset:second.start - offset])
        hours = (second.value - first.value) % 24
        joined = _SPAN_JOIN.match(gap) or (gap.strip().lower() == "and" and _BETWEEN.search(
            text[:first.start - offset]))
        if joined and hours > 0:
            spans.append(Figure(text=text[first.start - offset:second.end - offset], value=hours, unit="hour",
                                kind="duration", source=first.source, start=first.start, end=second.end))
    return spans


def _follows_date_word(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].lower().split()
    return bool(before) and before[-1].rstrip(".,") in MONTH_WORDS


def _quantity(match: re.Match, text: str, source_id: str, offset: int) -> Optional[Figure]:
    """One figure from a QUANTITY match, or None when it is no quantity (a year, a date, "a")."""
    number_text = match["number"]
    value = parse_number(number_text)
    if value is None or _is_date_part(match, text):
        return None
    hedge = HEDGES.get((match["hedge"] or "").lower(), "")
    vague = number_text.lower() if number_text.lower() in VAGUE else ""
    if vague:
        hedge = vague
    unit, kind, unit_end = _unit(match, value)
    if unit is None:
        return None
    if match["sign"]:
        unit, kind, unit_end = CURRENCY_SIGNS[match["sign"]], "money", match.end("number")
    if vague and unit == "count":
        unit, unit_end = _vague_noun(match, unit_end)
    if kind == "count" and number_text.lower() in ("a", "an", "one"):
        return None  # "a man", "one of them": not a figure worth comparing
    if kind == "count" and unit == "count" and not _plain_number_ok(number_text, match, hedge):
        return None
    value *= _unit_factor(unit, kind, match)
    start = match.start("hedge") if match["hedge"] else (match.start("sign") if match["sign"] else match.start("number"))
    figure_unit = {"duration": "hour", "distance": "metre"}.get(kind, unit)
    return Figure(
        text=text[start:unit_end], value=value, unit=figure_unit, kind=kind, hedge=hedge,
        source=source_id, start=offset + start, end=offset + unit_end,
    )


def _vague_noun(match: re.Match, unit_end: int) -> tuple[str, int]:
    """The counted noun of "dozens of people": ("person", end), else ("count", unit_end)."""
    noun = re.match(r"^\s+of\s+([a-z]+)\b", match["after"])
    if noun is None or noun[1] in NOT_COUNTED:
        return "count", unit_end
    return singular(noun[1]), match.end("number") + noun.end(1)


def _plain_number_ok(number_text: str, match: re.Match, hedge: str) -> bool:
    """A number with no unit is kept when it is written in digits, or hedged."""
    if number_text.lower() in ("a", "an", "one"):
        return False
    if hedge:
        return True
    digits = number_text.replace(",", "")
    if digits.isdigit() and len(digits) > 6:
        return False  # an identifier, not a quantity
    return digits[:1].isdigit() and not (len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100)


def _is_date_part(match: re.Match, text: str) -> bool:
    """Numbers that belong to a date: "November 4", "4 November", "24/09/2016", "1st"."""
    before = text[max(0, match.start("number") - 12):match.start("number")].lower().split()
    if before and before[-1].rstrip(".,") in MONTH_WORDS:
        return True
    after = match["after"]
    first = after.split()[0].rstrip(".,").lower() if after.split() else ""
    if first in MONTH_WORDS and after[:1] == " ":
        return True
    return bool(re.match(r"^(?:st|nd|rd|th)\b|^[/:]\d|^\.\d", after))


def _unit(match: re.Match, value: float) -> tuple[Optional[str], str, int]:
    """The unit after the number: (unit, kind, end offset), unit None when no figure."""
    after = match["after"]
    base = match.end("number")
    unit_match = UNIT_AFTER.match(after)
    if unit_match is None:
        return "count", "count", base
    if unit_match["pct"]:
        return "percent", "percent", base + unit_match.end("pct")
    if unit_match["hyphen"]:
        word = unit_match["hunit"].lower()
        unit = _measure_unit(word)
        if unit:
            return unit[0], unit[1], base + unit_match.end()
        return None, "", base  # "one-time", "five-star": not a figure
    if unit_match["code"]:
        code = unit_match["code"].replace("US ", "")
        if code in CURRENCY_CODES:
            return code, "money", base + unit_match.end("code")
        return "count", "count", base
    word = unit_match["word"]
    lower = word.lower().rstrip("’'")
    unit = _measure_unit(lower)
    if unit:
        return unit[0], unit[1], base + unit_match.end("word")
    if lower in CURRENCY_WORDS:
        return CURRENCY_WORDS[lower], "money", base + unit_match.end("word")
    if lower in NOT_COUNTED or not word[0].islower() or not word.replace("-", "").replace("'", "").isalpha():
        return "count", "count", base
    noun = _noun_after_adjective(after, unit_match.end("word"))
    if noun is not None and lower not in IRREGULAR_PLURALS and not _looks_plural(lower):
        return singular(noun[0]), "count", base + noun[1]
    return singular(lower), "count", base + unit_match.end("word")


def _looks_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _noun_after_adjective(after: str, end: int) -> Optional[tuple[str, int]]:
    """The plural noun after one modifier: "two special corridors" → ("corridors", end)."""
    following = re.match(r"^\s+([a-z]+)\b", after[end:])
    if following is None or following[1] in NOT_COUNTED:
        return None
    word = following[1]
    if word in IRREGULAR_PLURALS or _looks_plural(word):
        return word, end + following.end(1)
    return None


def _measure_unit(word: str) -> Optional[tuple[str, str]]:
    """("hour", "duration") for "hours", ("metre", "distance") for "feet"; None otherwise."""
    if word in DISTANCE_METRES:
        return word, "distance"
    single = singular(word)
    if single in DURATION_HOURS:
        return single, "duration"
    if single in DISTANCE_METRES:
        return single, "distance"
    return None


def _unit_factor(unit: str, kind: str, match: re.Match) -> float:
    if kind == "duration":
        return DURATION_HOURS[unit]
    if kind == "distance":
        return DISTANCE_METRES[unit]
    return 1.0


IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
                     "lives": "life", "police": "police", "staff": "staff", "personnel": "personnel"}


def singular(word: str) -> str:
    """A plain English singular: "corridors" → "corridor", "people" → "person"."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def parse_number(text: str) -> Optional[float]:
    """The value of "1,312", "2.5 million", "twenty-five", "a dozen", "hundreds"; None for "a" alone."""
    lower = " ".join(text.lower().split())
    if lower in VAGUE:
        return float(VAGUE[lower])
    if lower == "a dozen":
        return 12.0
    words = lower.replace("-", " ").split()
    if not words or words in (["a"], ["an"]):
        return None
    total, current = 0.0, 0.0
    for word in words:
        if word in ("a", "an"):
            current = 1.0
        elif re.fullmatch(r"[\d,]+(?:\.\d+)?", word):
            current += float(word.replace(",", ""))
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
    return total + current


def comparable(a: Figure, b: Figure) -> bool:
    """Whether ``a`` and ``b`` measure the same kind of thing in the same unit."""
    return a.kind == b.kind and a.unit == b.unit


def figure_range(figure: Figure) -> tuple[float, float]:
    """The values a figure admits, given its hedge."""
    if figure.hedge in VAGUE_RANGE:
        low, high = VAGUE_RANGE[figure.hedge]
        return float(low), float(high)
    low, high = HEDGE_BOUNDS.get(figure.hedge, (1.0, 1.0))
    tolerance = 0.05 if figure.kind in ("distance", "money") else 0.01
    return figure.value * low * (1 - tolerance), figure.value * high * (1 + tolerance)


def figures_agree(a: Figure, b: Figure) -> bool:
    """Whether two comparable figures can both be true; False when not comparable.

    "at least 8" and "10" agree; "about 400 metres" and "1,300 feet" agree;
    "eight hours" and "ten hours" do not.
    """
    if not comparable(a, b):
        return False
    low_a, high_a = figure_range(a)
    low_b, high_b = figure_range(b)
    return low_a <= high_b and low_b <= high_a
