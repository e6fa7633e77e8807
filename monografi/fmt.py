"""Numbers and dates the way Indonesian readers write them: 1.234.567,5 and 29 November 2026."""

from __future__ import annotations

import math

import pandas as pd

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
MISSING = "–"


def is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def angka(value, decimals: int | None = None) -> str:
    """Format a number with '.' for thousands and ',' for decimals; keeps the data's precision."""
    if is_missing(value):
        return MISSING
    if isinstance(value, str):
        return value
    if decimals is None:
        decimals = 0 if float(value).is_integer() else min(len(repr(float(value)).split(".")[1]), 3)
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def tanggal(iso: str) -> str:
    """'2026-11-29…' → '29 November 2026'."""
    year, month, day = iso[:10].split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def satuan(unit: str) -> str:
    """Units as written on the site (km2 in a CSV header becomes km²)."""
    return unit.replace("km2", "km²")
