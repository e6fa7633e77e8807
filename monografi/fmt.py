"""Numbers and dates the way Indonesian readers write them: 1.234.567,5 and 29 November 2026."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal, localcontext

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id"
MAX_DECIMALS = 3  # derived figures (densities, ratios) are shown to three places at most
MISSING = "–"


def is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def angka(value, decimals: int | None = None) -> str:
    """Format a number with '.' for thousands and ',' for decimals; keeps the data's precision."""
    if is_missing(value):
        return MISSING
    if isinstance(value, str):
        return value
    number = float(value)
    if decimals is None:
        decimals = 0 if number.is_integer() else _decimals(number)
    rounded = Decimal(f"{number:.{decimals}f}")  # Python's rounding, as the figures always had
    with localcontext(prec=max(28, len(rounded.as_tuple().digits))):  # Babel quantizes: keep every digit
        return format_decimal(rounded, format="#,##0." + "0" * decimals if decimals else "#,##0",
                              locale=LOCALE)


def _decimals(number: float) -> int:
    """The data's own decimals up to MAX_DECIMALS; all of them when fewer would show 0."""
    own = -Decimal(repr(number)).as_tuple().exponent
    return own if abs(number) < 0.5 * 10 ** -MAX_DECIMALS else min(own, MAX_DECIMALS)


def tanggal(iso: str) -> str:
    """'2026-11-29…' → '29 November 2026'."""
    return format_date(datetime.date.fromisoformat(iso[:10]), format="d MMMM y", locale=LOCALE)


def satuan(unit: str) -> str:
    """Units as written on the site (km2 in a CSV header becomes km²)."""
    return unit.replace("km2", "km²")
