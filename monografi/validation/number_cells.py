"""The one place that decides what a valid integer or number cell is (canonical text).

Frictionless and Python accept far more than the build can publish: `int()` reads full-width
and Arabic-Indic digits and `1_000`, `Decimal` reads `Infinity`, `NaN` and `1e3`, and integers
have no upper bound while pandas stores them in 64 bits. Every one of those used to pass `check`
and then crash the build, so a numeric cell is valid only in the plain ASCII form staff type
(`1234`, `-12.5`), within what the model can hold; anything else is refused here with the most
specific rule, and generic junk gets the usual type error.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

INT64 = 2**63 - 1
_VALID = {"integer": re.compile(r"[+-]?[0-9]+"),
          "number": re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")}
_NOT_FINITE = re.compile(r"[+-]?(?:inf|infinity|s?nan)", re.I)
_SCIENTIFIC = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)e[+-]?[0-9]+", re.I)
_GROUPED_THOUSANDS = re.compile(r"-?\d{1,3}([.,]\d{3})+")


def is_valid(text: str, kind: str) -> bool:
    """True for an empty cell or a plain ASCII figure the model can store."""
    if text == "":
        return True
    if not _VALID[kind].fullmatch(text):
        return False
    digits = len(text.lstrip("+-"))
    if kind == "integer":
        return digits < 19 or abs(int(text)) <= INT64
    return digits < 300 or math.isfinite(float(text))


def problem(text: str, kind: str) -> tuple[str, dict] | None:
    """None when the cell is valid, else (rule, details) naming why and the plain fix."""
    if is_valid(text, kind):
        return None
    if _NOT_FINITE.fullmatch(text):
        return "bukan_angka", {"batas": kind}
    plain = ascii_digits(text)
    if plain != text and is_valid(plain, kind):
        return "digit_asing", {"contoh": plain}
    if _SCIENTIFIC.fullmatch(text):
        written = _plain_decimal(text)
        if written is None or not is_valid(written, kind):
            return "angka_terlalu_besar", {"batas": _limit(kind)}
        return "notasi_ilmiah", {"contoh": written}
    if _VALID[kind].fullmatch(text):
        return "angka_terlalu_besar", {"batas": _limit(kind)}
    return "tipe", type_details(kind, text)


def type_details(kind: str, cell: str | None) -> dict:
    """Details of a type error; a grouped integer such as 1.234 gets the plain figure as fix."""
    details = {"type": kind}
    if kind == "integer" and _GROUPED_THOUSANDS.fullmatch(cell or ""):
        details["ribuan"] = cell.replace(".", "").replace(",", "")
    return details


def ascii_digits(text: str) -> str:
    """'１２３' or '١٢٣' → '123': any Unicode decimal digit as its ASCII digit."""
    return "".join(str(unicodedata.decimal(ch)) if not ch.isascii() and
                   unicodedata.decimal(ch, None) is not None else ch for ch in text)


def _plain_decimal(text: str) -> str | None:
    """'1e3' → '1000', '2.5E-2' → '0.025'; None when the figure is absurdly long."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if abs(value.adjusted()) > 300:
        return None
    written = format(value, "f")
    return written.rstrip("0").rstrip(".") if "." in written else written


def _limit(kind: str) -> str:
    return f"{INT64:,}".replace(",", ".") if kind == "integer" else "300 digit"
