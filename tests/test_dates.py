"""Date resolution: absolute and relative expressions against an article date."""
from __future__ import annotations

from pathlib import Path

import yaml

from generator.extract.dates import date_window, find_dates, find_time_range, resolve_date

GOLD = Path(__file__).parent / "eval" / "dates.yml"


def test_weekday_is_most_recent_on_or_before_anchor():
    assert resolve_date("on Thursday", "2016-10-20") == "2016-10-20"
    assert resolve_date("on Monday", "2016-10-20") == "2016-10-17"


def test_weekday_in_future_sentence_resolves_forward():
    assert resolve_date("on Monday", "2016-10-20", future=True) == "2016-10-24"


def test_relative_without_anchor_is_never_invented():
    assert resolve_date("yesterday", None) is None
    assert resolve_date("Nov. 4", None) is None
    assert resolve_date("November 4, 2016", None) == "2016-11-04"


def test_vague_expressions_give_no_day_but_a_window():
    assert resolve_date("last month", "2016-10-20") is None
    assert date_window("last month", "2016-10-20") == ("2016-09-01", "2016-09-30")
    assert date_window("earlier this week", "2016-10-20") == ("2016-10-17", "2016-10-20")


def test_since_date_after_anchor_is_last_year():
    assert resolve_date("since Oct. 18", "2016-11-02") == "2016-10-18"
    assert resolve_date("since Oct. 18", "2016-10-02") == "2015-10-18"


def test_clock_range():
    assert find_time_range("on November 4 from 9:00 am (0600 GMT) to 19:00") == ("09:00", "19:00", 10.0)
    assert find_time_range("it lasted ten hours") is None


def test_gold_dates_at_least_95_percent():
    rows = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert len(rows) >= 60
    right = sum(
        resolve_date(r["text"], r["anchor"], future=r.get("future", False)) == r["expected"] for r in rows
    )
    assert right / len(rows) >= 0.95


def test_find_dates_reads_tense_from_the_governing_verb(nlp):
    doc = nlp("The talks will resume on Monday. The army attacked the town on Monday.")
    first, second = list(doc.sents)
    assert [d.value for d in find_dates(first, "2021-07-07")] == ["2021-07-12"]
    assert [d.value for d in find_dates(second, "2021-07-07")] == ["2021-07-05"]


def test_find_dates_marks_until(nlp):
    doc = nlp("The ministry is extending the curfew until Friday evening.")
    found = find_dates(doc, "2016-11-02")
    assert found and found[0].until and found[0].value == "2016-11-04"
