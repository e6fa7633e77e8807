"""CITATION.cff strings read back exactly: emoji, quotes, line breaks, control and bidi
characters (issue 21: an emoji in the description was written as two broken halves)."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from monografi.exports.package import yaml_string

# Any text a package description can hold once read from JSON (no lone surrogates).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@given(TEXT)
def test_every_string_is_one_yaml_line_that_reads_back_exactly(text):
    line = yaml_string(text)
    assert "\n" not in line
    assert yaml.safe_load(f"abstract: {line}\n") == {"abstract": text}


@given(st.lists(st.sampled_from(["Data padi 🌾", "👩🏽‍🌾", "\"kutip\"", "a: b", "#x", "\u202e",
                                 "baris\nbaru", "\t", "é"]), min_size=1, max_size=4))
def test_an_emoji_is_written_as_itself_or_its_escape_never_as_surrogate_halves(parts):
    text = " ".join(parts)
    line = yaml_string(text)
    assert "\\ud8" not in line.lower() and "\\udc" not in line.lower()
    assert yaml.safe_load(line) == text
