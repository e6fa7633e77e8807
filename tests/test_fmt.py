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


@pytest.mark.parametrize(("value", "expected"), [
    (1e-05, "0,00001"),
    (2.5e-07, "0,00000025"),
    (-0.0004, "-0,0004"),
    (0.0005, "0,001"),
    (1e16, "10.000.000.000.000.000"),
    (1.5e16, "15.000.000.000.000.000"),
    (1e30, "1.000.000.000.000.000.019.884.624.838.656"),  # more digits than Decimal's default 28
    (-1.25e29, "-125.000.000.000.000.002.485.578.104.832"),
    (1.2345e28, "12.345.000.000.000.000.992.791.756.800"),
])
def test_angka_never_shows_a_small_figure_as_zero_nor_fails_on_exponents(value, expected):
    assert fmt.angka(value) == expected


@pytest.mark.parametrize("iso", ["2026-01-05", "2025-05-31T23:59:59+07:00", "2024-02-29"])
def test_tanggal_agrees_with_the_month_names(iso):
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")
    year, month, day = iso[:10].split("-")
    assert fmt.tanggal(iso) == f"{int(day)} {months[int(month) - 1]} {year}"
