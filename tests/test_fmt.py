import pandas as pd
import pytest

from monografi import fmt


@pytest.mark.parametrize(("value", "expected"), [
    (1234567, "1.234.567"),
    (1916.056, "1.916,056"),
    (40.57, "40,57"),
    (0, "0"),
    (-1234.5, "-1.234,5"),
    (None, "–"),
    (pd.NA, "–"),
    (float("nan"), "–"),
])
def test_angka_uses_indonesian_separators(value, expected):
    assert fmt.angka(value) == expected


def test_angka_with_fixed_decimals():
    assert fmt.angka(3913.04, 1) == "3.913,0"


def test_tanggal_spells_the_month_in_indonesian():
    assert fmt.tanggal("2026-11-29T00:00:00Z") == "29 November 2026"


def test_satuan_writes_square_kilometres():
    assert fmt.satuan("km2") == "km²"
