"""The one sentence splitter shared by claims and citations."""
from __future__ import annotations

from generator.ingest.sentences import sentence_spans


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_end_before_a_capital_not_after_abbreviations_or_initials() -> None:
    text = "Gen. Tomas Brann met Dr. Cole in the U.S. capital on Jan. 4. J. Smith left. Then it rained."
    assert split(text) == ["Gen. Tomas Brann met Dr. Cole in the U.S. capital on Jan. 4.", "J. Smith left.",
                           "Then it rained."]


def test_quotes_and_lowercase_continuations_stay_in_their_sentence() -> None:
    text = "“Go home!” he said. “Now?” She shrugged… and left. (It was late.) 2,000 people stayed."
    assert split(text) == ["“Go home!” he said.", "“Now?”", "She shrugged… and left.", "(It was late.)",
                           "2,000 people stayed."]


def test_offsets_point_into_the_whole_text() -> None:
    text = "Intro.  First one. Second one.  "
    spans = sentence_spans(text, 8, len(text))
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert sentence_spans("   ") == ()
