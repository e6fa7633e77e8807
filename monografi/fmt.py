"""Numbers and dates the way Indonesian readers write them: 1.234.567,5 and 29 November 2026."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from typing import SupportsFloat

import pandas as pd
from babel import Locale
from babel.dates import format_date

LOCALE = "id"
MAX_DECIMALS = 3  # derived figures (densities, ratios) are shown to three places at most
MISSING = "–"
# The locale's own group and decimal signs, from Babel's CLDR data ('.' and ',' for id).
_SYMBOLS = Locale.parse(LOCALE).number_symbols["latn"]
_SEPARATORS = str.maketrans({",": _SYMBOLS["group"], ".": _SYMBOLS["decimal"]})


def is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def angka(value: SupportsFloat | str | None, decimals: int | None = None) -> str:
    """Format a number with '.' for thousands and ',' for decimals; keeps the data's precision."""
    if value is None or is_missing(value):
        return MISSING
    if isinstance(value, str):
        return value
    number = float(value)
    if decimals is None:
        decimals = 0 if number.is_integer() else _decimals(number)
    rounded = Decimal(f"{number:.{decimals}f}")  # Python's rounding, as the figures always had
    # Babel's "#,##0.00" in LOCALE's signs, laid out by Python's format: format_decimal takes
    # ~14 µs a number, format ~0.7 µs, and a build formats millions (tests/test_besar_build.py
    # checks both agree on many values)
    return format(rounded, f",.{decimals}f").translate(_SEPARATORS)


def _decimals(number: float) -> int:
    """The data's own decimals up to MAX_DECIMALS; all of them when fewer would show 0."""
    own = -int(Decimal(repr(number)).as_tuple().exponent)  # finite: NaN is missing, ±∞ fails `check`
    return own if abs(number) < 0.5 * 10 ** -MAX_DECIMALS else min(own, MAX_DECIMALS)


def tanggal(iso: str) -> str:
    """'2026-11-29…' → '29 November 2026'."""
    return format_date(datetime.date.fromisoformat(iso[:10]), format="d MMMM y", locale=LOCALE)


def satuan(unit: str) -> str:
    """Units as written on the site (km2 in a CSV header becomes km²)."""
    return unit.replace("km2", "km²")
