"""Zero-width, bidirectional-override and other invisible characters are refused in every text
cell, at their row and column, naming the character; visible text of any script passes."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from monografi.validation.hidden_chars import hidden

INVISIBLE = st.characters(categories=("Cf", "Cc", "Zl", "Zp")).filter(lambda c: c not in "\t\n\r")
VISIBLE = st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=20)


@given(VISIBLE)
def test_visible_text_of_any_script_is_not_hidden(text):
    assert hidden(text) is None


@given(VISIBLE, INVISIBLE, st.integers(0, 20))
def test_one_invisible_character_anywhere_is_found_and_named(text, char, at):
    at = min(at, len(text))
    found = hidden(text[:at] + char + text[at:])
    assert found is not None and found.startswith(f"U+{ord(char):04X}")
    if unicodedata.name(char, ""):
        assert unicodedata.name(char) in found
