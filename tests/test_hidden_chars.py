"""Zero-width, bidirectional-override and other invisible characters are refused in every text
cell, at their row and column, naming the character; visible text of any script passes."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.validation import dialect
from monografi.validation.catalog import load_catalog
from monografi.validation.hidden_chars import hidden
from tests.conftest import copy_project
from tests.helpers import set_cell

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


# End to end, through `monografi check` on a copy of the real project: one invisible character at
# any position of a text cell (area name, source note), written by Python's csv module, so the
# file is valid CSV whatever the character (quoted when it must be).
TEXT_CELLS = [("desa", "nama_desa"), ("sumber", "catatan"), ("sumber", "judul")]
EDGE_STRIPPED = "cells are read with str.strip (dialect._records): only Python whitespace goes"


@pytest.fixture(scope="module")
def checked_project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("tersembunyi") / "proyek")


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.sampled_from(TEXT_CELLS), row=st.integers(2, 6), char=INVISIBLE, at=st.floats(0, 1))
def test_check_refuses_an_invisible_character_at_its_row_and_column(checked_project, cell, row,
                                                                     char, at):
    """The character is refused at its row and column, or — NUL only — the file is refused as
    not text (bukan_teks). The one thing `check` lets through is a character Python counts as
    whitespace (U+001C–U+001F, U+0085, U+2028, U+2029, …) at the very start or end of the cell:
    the reader strips it, so what is validated and published is the cell without it, and that
    is asserted too (the character is never published)."""
    resource, column = cell
    path = checked_project / "datasets" / f"{resource}.csv"
    original = path.read_bytes()
    rows = list(csv.reader(io.StringIO(original.decode("utf-8"))))
    old = rows[row - 1][rows[0].index(column)]
    position = round(at * len(old))
    value = old[:position] + char + old[position:]
    try:
        set_cell(checked_project, resource, row, column, value)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["--proyek", str(checked_project), "check", "--format", "json"])
        found = json.loads(out.getvalue())["masalah"]
        if char == "\x00":
            assert code == 1 and {p["aturan"] for p in found} == {"bukan_teks"}, found
            return
        hidden_at = [(p["baris"], p["kolom"]) for p in found if p["aturan"] == "karakter_tersembunyi"]
        if value.strip() == old:  # stripped at the edge: never reaches the site
            assert char.isspace(), EDGE_STRIPPED
            assert code == 0 and hidden_at == [], found
            spec = next(s for s in load_catalog(checked_project / "datasets")[0].resources
                        if s.name == resource)
            assert char not in "".join(dialect.read(spec).rows[row - 2])
            return
        assert code == 1 and hidden_at == [(row, column)], found
        message = next(p["pesan"] for p in found if p["aturan"] == "karakter_tersembunyi")
        assert f"U+{ord(char):04X}" in message
    finally:
        path.write_bytes(original)
