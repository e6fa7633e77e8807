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

from ..messages import Message
from .rules import Kind, Rule

INT64 = 2**63 - 1
_VALID = {"integer": re.compile(r"[+-]?[0-9]+"),
          "number": re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")}
_NOT_FINITE = re.compile(r"[+-]?(?:inf|infinity|s?nan)", re.I)
_SCIENTIFIC = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)e[+-]?[0-9]+", re.I)
_GROUPED_THOUSANDS = re.compile(r"-?\d{1,3}([.,]\d{3})+")
# A column type as a message names it, and a valid value of it.
TYPE_NAMES = {
    "integer": (Message("bilangan bulat", "whole number"),
                Message("angka bulat seperti 1234", "a whole number like 1234")),
    "number": (Message("angka", "number"),
               Message("angka dengan titik sebagai pemisah desimal, mis. 12.5",
                       "a number with a dot as decimal separator, e.g. 12.5")),
    "date": (Message("tanggal", "date"), Message("tanggal seperti 2024-06-30", "a date like 2024-06-30")),
    "boolean": (Message("nilai ya/tidak", "yes/no value"), Message("true atau false", "true or false")),
    "string": (Message("teks", "text"), Message("teks biasa", "plain text")),
}
THOUSANDS = Message("; tampaknya titik/koma dipakai sebagai pemisah ribuan: bila maksudnya {plain}, "
                    "tulis {plain}",
                    "; the dot/comma looks like a thousand separator: if you mean {plain}, "
                    "write {plain}")
DIGITS = Message("{n} digit", "{n} digits")
MAX_DIGITS = 300  # of a decimal number: longer ones are not figures anyone typed


def _type_words(details: dict, lang: str) -> dict:
    name, example = TYPE_NAMES.get(details.get("type", ""), TYPE_NAMES["string"])
    plain = details.get("ribuan")
    return {"tipe": name.text(lang), "contoh": example.text(lang),
            "ribuan": THOUSANDS.text(lang).format(plain=plain) if plain is not None else ""}


def _limit_words(details: dict, lang: str) -> dict:
    if details["type"] != "integer":
        return {"batas": DIGITS.text(lang).format(n=MAX_DIGITS)}
    return {"batas": f"{INT64:,}".replace(",", "." if lang == "id" else ",")}


WRONG_TYPE = Rule("tipe", Kind.DATA, Message(
    "Nilai {value!r} bukan {tipe} yang sah{ribuan}.",
    "Value {value!r} is not a valid {tipe}{ribuan}.",
    "Tulis {contoh}. Jangan pakai titik atau koma sebagai pemisah ribuan.",
    "Write {contoh}. Do not use dots or commas as thousand separators.",
), words=_type_words)

NOT_FINITE = Rule("bukan_angka", Kind.DATA, Message(
    "Nilai {value!r} bukan angka (tak hingga atau NaN tidak dapat diterbitkan).",
    "Value {value!r} is not a number (infinity or NaN cannot be published).",
    "Tulis angkanya dengan digit 0–9; kosongkan sel bila belum ada data.",
    "Write the figure with digits 0–9; leave the cell empty if there is no figure yet.",
))

FOREIGN_DIGITS = Rule("digit_asing", Kind.DATA, Message(
    "Nilai {value!r} memakai digit selain 0–9 (mis. digit lebar penuh atau Arab).",
    "Value {value!r} uses digits other than 0–9 (e.g. full-width or Arabic digits).",
    "Ketik ulang dengan digit biasa: tulis {contoh}.",
    "Type it again with plain digits: write {contoh}.",
))

SCIENTIFIC_NOTATION = Rule("notasi_ilmiah", Kind.DATA, Message(
    "Nilai {value!r} ditulis dalam notasi ilmiah (dengan huruf e).",
    "Value {value!r} is written in scientific notation (with the letter e).",
    "Tulis angkanya lengkap tanpa huruf e: tulis {contoh}. Di Excel, format sel sebagai "
    "Angka, bukan Ilmiah.",
    "Write the figure in full without the e: write {contoh}. In Excel, format the cell as "
    "Number, not Scientific.",
))

NUMBER_TOO_LARGE = Rule("angka_terlalu_besar", Kind.DATA, Message(
    "Nilai {value!r} terlalu besar untuk disimpan (batas {batas}).",
    "Value {value!r} is too large to be stored (limit {batas}).",
    "Periksa salah ketik (digit berlebih atau dua angka tergabung).",
    "Check for a typo (extra digits or two figures run together).",
), words=_limit_words)


def is_valid(text: str, kind: str) -> bool:
    """True for an empty cell or a plain ASCII figure the model can store."""
    if text == "":
        return True
    if not _VALID[kind].fullmatch(text):
        return False
    digits = len(text.lstrip("+-"))
    if kind == "integer":
        return digits < 19 or abs(int(text)) <= INT64
    return digits < MAX_DIGITS or math.isfinite(float(text))


def problem(text: str, kind: str) -> tuple[Rule, dict] | None:
    """None when the cell is valid, else (rule, details) naming why and the plain fix."""
    if is_valid(text, kind):
        return None
    if _NOT_FINITE.fullmatch(text):
        return NOT_FINITE, {"batas": kind}
    plain = ascii_digits(text)
    if plain != text and is_valid(plain, kind):
        return FOREIGN_DIGITS, {"contoh": plain}
    if _SCIENTIFIC.fullmatch(text):
        written = _plain_decimal(text)
        if written is None or not is_valid(written, kind):
            return NUMBER_TOO_LARGE, {"type": kind}
        return SCIENTIFIC_NOTATION, {"contoh": written}
    if _VALID[kind].fullmatch(text):
        return NUMBER_TOO_LARGE, {"type": kind}
    return WRONG_TYPE, type_details(kind, text)


def type_details(kind: str, cell: str | None) -> dict:
    """Details of a type error; a grouped integer such as 1.234 gets the plain figure as fix."""
    details = {"type": kind}
    if kind == "integer" and cell is not None and _GROUPED_THOUSANDS.fullmatch(cell):
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

