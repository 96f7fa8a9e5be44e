"""Synthetic wire-style articles for benchmarks: names, quotes, dates, figures.

Several articles report each event, with figures that sometimes disagree.
Names come from a pool of 400 people ("pool"), or ("many") from thousands of
made-up names, as a real corpus names thousands of people: more actor pages,
more people to tell apart. Deterministic: the same size, seed and names give
the same files.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Ana", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karim", "Lena",
         "Marco", "Nadia", "Oskar", "Petra", "Rafael", "Sofia", "Tomas", "Vera"]
LAST = ["Varga", "Lindqvist", "Moreau", "Okafor", "Petrov", "Haddad", "Nakamura", "Silva", "Kowalski", "Brennan",
        "Castell", "Dumont", "Eriksen", "Farrow", "Gallo", "Horvat", "Ibsen", "Jansen", "Keller", "Larsen"]
COUNTRIES = ["Norland", "Estavia", "Morvania", "Kalvia", "Ostria", "Veland", "Durnia", "Paloria"]
CITIES = ["Port Aven", "Selgrad", "Marisol", "Tervik", "Oldbridge", "Kessa", "Lunmoor", "Brava"]
ORGS = ["Ministry of Energy", "National Rescue Service", "Union of Miners", "Coastal Guard", "Red Harbour Party",
        "Federal Police", "Workers Alliance", "Public Health Agency"]
EVENTS = [("explosion", "an explosion at a mine near {city}", "killed"), ("flood", "floods in {city}", "displaced"),
          ("collapse", "a bridge collapse in {city}", "injured"), ("fire", "a fire at a depot in {city}", "injured")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Wire Service", "Daily Ledger", "Evening Courier", "Harbour Times"]


Names = tuple[list[str], list[str]]  # (first names, surnames)
POOL: Names = (FIRST, LAST)
SYLLABLES = ["ka", "lo", "ver", "dan", "mi", "sto", "ren", "bal", "tor", "zi", "no", "gal", "fre", "mun", "sa",
             "vik", "hol", "pe", "dra", "quin"]
NAMES = ("pool", "many")


def made_up_names(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    """Up to ``count`` distinct capitalised names of a few syllables each."""
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*syllables))).capitalize()
                   for _ in range(count)})


def name_lists(names: str) -> Names:
    """(first names, surnames) for ``names``, one of NAMES."""
    if names == "pool":
        return POOL
    if names != "many":
        raise ValueError(f"names must be one of {', '.join(NAMES)}, not {names!r}")
    rng = random.Random(11)
    return FIRST + made_up_names(rng, 200, (2, 2)), made_up_names(rng, 3000, (2, 3))


def person(rng: random.Random, names: Names = POOL) -> str:
    first, last = names
    return f"{rng.choice(first)} {rng.choice(last)}"


def article(rng: random.Random, event: dict, outlet: str, names: Names = POOL) -> str:
    """One report of ``event`` with quotes, a relative date and a figure."""
    published = event["date"] + timedelta(days=rng.choice([0, 1]))
    weekday = WEEKDAYS[event["date"].weekday()]
    figure = event["figure"] + rng.choice([0, 0, 0, 2, -2])
    official, witness = event["official"], person(rng, names)
    surname = official.split()[-1]
    what = event["what"][0].upper() + event["what"][1:]
    paragraphs = [
        f"{what} leaves {figure} people {event['verb']}",
        f"{published:%B} {published.day}, {published.year} ({outlet})",
        f"{what} on {weekday} {event['verb']} at least {figure} people, "
        f"officials in {event['country']} said.",
        f"“We are doing everything we can to help the families,” said {official}, a spokesman for the {event['org']}.",
        f"{surname} said that rescue teams had worked for {rng.randint(6, 20)} hours without a break.",
        f"“The response was far too slow,” {witness}, a resident of {event['city']}, told reporters. "
        f"“Nobody came for hours.”",
        f"The {event['org']} denied that warnings had been ignored, {surname} added.",
        f"It was the worst such incident in {event['country']} since {rng.randint(1990, 2015)}, according to the "
        f"{rng.choice(ORGS)}.",
    ]
    rng.shuffle(paragraphs[4:])
    return "\n\n".join(paragraphs) + "\n"


def make_events(rng: random.Random, count: int, names: Names = POOL) -> list[dict]:
    start = date(2021, 1, 4)
    events = []
    for i in range(count):
        kind, what, verb = rng.choice(EVENTS)
        city = rng.choice(CITIES)
        events.append({
            "what": what.format(city=city), "verb": verb, "city": city, "country": rng.choice(COUNTRIES),
            "org": rng.choice(ORGS), "official": person(rng, names), "figure": rng.randint(3, 80),
            "date": start + timedelta(days=3 * i + rng.randint(0, 2)),
        })
    return events


def write_corpus(folder: Path, size: int, seed: int = 7, names: str = "pool") -> list[Path]:
    """Write ``size`` articles into ``folder`` (about three per event), naming people from ``names``."""
    rng = random.Random(seed)
    people = name_lists(names)
    folder.mkdir(parents=True, exist_ok=True)
    events = make_events(rng, max(1, size // 3), people)
    paths = []
    for n in range(size):
        path = folder / f"{n:05d}.txt"
        path.write_text(article(rng, events[n % len(events)], rng.choice(OUTLETS), people), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import sys

    write_corpus(Path(sys.argv[1]), int(sys.argv[2]), names=sys.argv[3] if len(sys.argv) > 3 else "pool")
