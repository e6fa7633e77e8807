"""Personal data that must never be published: NIK/KK numbers, phone numbers, e-mail addresses.

People write these with separators ("3215 0512 3456 0001", "0812-3456-7890", "nama [at]
mail.com"), so matching only the bare form lets most of them through. Area codes (32.15.05.2001),
postal codes, years, periods and decimals must still pass: a NIK/KK is 16 digits in groups joined
by one kind of separator, starting with a province code and with a day of month (1-31, +40 for
women) in digits 7-8; a phone number starts with 0, 62 or +62 and has 9 to 13 digits.
"""

from __future__ import annotations

import re

from ..messages import Message
from .rules import Kind, Rule

# What find() says a text holds, and how a message names it.
NIK, PHONE, EMAIL = "nik", "phone", "email"
KIND_NAMES = {NIK: Message("NIK/No. KK: 16 digit", "NIK/family card no.: 16 digits"),
              PHONE: Message("nomor telepon", "phone number"),
              EMAIL: Message("alamat surel", "e-mail address")}


def _kind_words(details: dict, lang: str) -> dict:
    """The kind of personal data found in a cell, or the column whose name says it holds some."""
    return {"batas": details["kolom"] if "kolom" in details else KIND_NAMES[details["jenis"]].text(lang)}


PERSONAL_DATA = Rule("data_pribadi", Kind.DATA, Message(
    "Nilai {value!r} tampak seperti data pribadi ({batas}).",
    "Value {value!r} looks like personal data ({batas}).",
    "Data pribadi (NIK, No. KK, telepon, surel) tidak boleh diterbitkan: hapus dari berkas.",
    "Personal data (NIK, family card no., phone, e-mail) must never be published: remove it.",
), words=_kind_words)

# Kemendagri province codes: the first two digits of every NIK and KK number.
PROVINCES = frozenset(
    {*range(11, 20), 21, *range(31, 37), *range(51, 54), *range(61, 66), *range(71, 77), 81, 82,
     *range(91, 98)})
# Digit groups joined by one separator used throughout (space, dot, dash or slash) or none.
_DIGIT_RUN = re.compile(r"(?<!\d)\d+(?:([ .\-/])\d+(?:\1\d+)*)?(?!\d)")
_PHONE = re.compile(
    r"(?<![\w.+/-])(?:\+62|62(?=[\s.-]?8)|\(0\d{2,3}\)|0)[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){1,4}\d"
    r"(?![\w.]?\d)")
_COLUMN = re.compile(r"(^|_)(nik|no_kk|nomor_kk|telepon|telp|hp|whatsapp|email|e_mail|surel)($|_)")
_AT = r"(?:\s*@\s*|\s*[\[({]\s*(?:at|et)\s*[\])}]\s*)"
_DOT = r"(?:\.|\s*[\[({]\s*(?:dot|titik)\s*[\])}]\s*|\s+(?:dot|titik)\s+)"
_EMAIL = re.compile(rf"[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,}}\b", re.I)


def _is_nik(run: str, separator: str | None) -> bool:
    """Some consecutive groups of the run hold exactly 16 digits starting with a province."""
    groups = run.split(separator) if separator else [run]
    if separator == "." and len(groups) == 2:
        return False  # one dot is a decimal number
    for start in range(len(groups)):
        digits = ""
        for group in groups[start:]:
            digits += group
            if len(digits) >= 16:
                break
        day = int(digits[6:8] or 0)
        if len(digits) == 16 and int(digits[:2]) in PROVINCES and (1 <= day % 40 <= 31):
            return True
    return False


def _is_phone(match: str) -> bool:
    digits = re.sub(r"\D", "", match)
    if match.startswith(("+62", "62")):
        digits = "0" + digits[2:]
    decimal = re.fullmatch(r"0[.,]\d+", match)
    return not decimal and 9 <= len(digits) <= 13 and digits[0] == "0" and digits[1] != "0"


def find(text: str) -> str | None:
    """What kind of personal data `text` contains (NIK, PHONE, EMAIL), or None."""
    if any(_is_nik(m.group(0), m.group(1)) for m in _DIGIT_RUN.finditer(text)):
        return NIK
    if _EMAIL.search(text):
        return EMAIL
    if any(_is_phone(m.group(0)) for m in _PHONE.finditer(text)):
        return PHONE
    return None


def is_personal_column(name: str) -> bool:
    """A column whose name says it holds personal data (nik, no_kk, telepon, email, …)."""
    return bool(_COLUMN.search(name.strip().lower()))
