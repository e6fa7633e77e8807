"""Personal data that must never be published: NIK/KK and NIP numbers, phone numbers, e-mail
addresses — as a class, however they are written.

Every text is first put into one canonical spelling (personal_text: Unicode NFKC, any dash or
space, full-width and other digits, zero-width characters, "at"/"dot" spelled out), then numbers
are recognised by their structure (personal_numbers: a real kecamatan code and a date inside a
NIK, libphonenumber for phones), so area codes, BPS codes, postal codes, years, periods and
figures pass. `find` is the one question every published text is asked: data cells, the
descriptions in datapackage.json and the schemas, content pages (validation.published_text),
and what publishing writes from history.
"""

from __future__ import annotations

import re

from ..messages import Message
from . import personal_numbers, personal_split
from .personal_text import canonical, column_words, email_in
from .rules import Kind, Rule

# What find() says a text holds, and how a message names it.
NIK, NIP, PHONE, EMAIL, NIK_EXCEL = "nik", "nip", "phone", "email", "nik_excel"
KIND_NAMES = {NIK: Message("NIK/No. KK: 16 digit", "NIK/family card no.: 16 digits"),
              NIP: Message("NIP: 18 digit", "civil servant no. (NIP): 18 digits"),
              PHONE: Message("nomor telepon", "phone number"),
              EMAIL: Message("alamat surel", "e-mail address"),
              NIK_EXCEL: Message("NIK/No. KK yang sudah dirusak Excel menjadi notasi ilmiah, mis. "
                                 "3,21501E+15 — tetap percobaan menerbitkan NIK",
                                 "a NIK/family card no. that Excel turned into scientific notation, "
                                 "e.g. 3.21501E+15 — still an attempt to publish a NIK")}


def _kind_words(details: dict, lang: str) -> dict:
    """The kind of personal data found in a cell, or the column whose name says it holds some."""
    return {"batas": details["kolom"] if "kolom" in details else KIND_NAMES[details["jenis"]].text(lang)}


PERSONAL_DATA = Rule("data_pribadi", Kind.DATA, Message(
    "Nilai {value!r} tampak seperti data pribadi ({batas}).",
    "Value {value!r} looks like personal data ({batas}).",
    "Data pribadi (NIK, No. KK, NIP, telepon, surel) tidak boleh diterbitkan: hapus dari berkas.",
    "Personal data (NIK, family card no., NIP, phone, e-mail) must never be published: remove it.",
), words=_kind_words)

# A plain figure (at most 15 digits with its decimal part) that does not start like a phone number.
_FIGURE = re.compile(r"-?(?!0\d|62)\d{1,9}(?:[.,]\d{1,6})?", re.ASCII)


def find(text: str, code: bool = False) -> str | None:
    """What kind of personal data `text` contains (NIK, NIP, NIK_EXCEL, EMAIL, PHONE), or None.
    `code`: the text is a declared code (a kode_* column), so 16 digits there are a code."""
    found = locate(text, code)
    return found[0] if found else None


def locate(text: str, code: bool = False) -> tuple[str, str] | None:
    """(kind, the words that hold it) for the first personal data in `text`, or None."""
    if _FIGURE.fullmatch(text):
        return None  # most cells: a figure too short to be any of them
    text = canonical(text)
    number = None if code else personal_numbers.identity_number(text)
    if number:
        return number
    address = email_in(text)
    if address:
        return EMAIL, address
    phone = personal_numbers.phone_number(text)
    return (PHONE, phone) if phone else None


def masked(fragment: str) -> str:
    """A found fragment as a report may show it (a report is published in CI logs): its first and
    last two characters."""
    fragment = fragment.strip()
    return f"{fragment[:2]}…{fragment[-2:]}" if len(fragment) > 6 else "…"


def split_number(cells: list[str], free: list[bool]) -> tuple[str, list[int]] | None:
    """(kind, the cells of one row that together hold it) for a NIK/No. KK or NIP that no single
    cell holds; `free` marks the free-text cells (personal_split)."""
    return personal_split.split_identity_number([canonical(c) for c in cells], free)


_COLUMN = re.compile(
    r"(^|_)(?:(?:no|nomor|nomer|nmr|num|number)_?)?"
    r"(nik|ktp|nip|nrp|npwp|hp|handphone|ponsel|telepon|telpon|telp|tlp|telefon|phone|wa|whatsapp|"
    r"e_?mail|surel)($|_)"
    r"|(^|_)(?:no|nomor|nomer|nmr|num|number)_?(kk|kartu_keluarga)($|_)"
    r"|(^|_)alamat_?(rumah|pribadi|tinggal|domisili|ktp)($|_)"
    r"|(^|_)(tanggal|tgl|tempat)_?lahir($|_)")

# Words long enough to be recognised even run together with others ("nomorwhatsapp").
_COMPOUND = re.compile(r"whatsapp|handphone|telepon|telpon|telefon|email|surel|npwp|kartukeluarga"
                       r"|indukkependudukan|indukpegawai|kartutandapenduduk"
                       r"|alamat(?:rumah|pribadi|tinggal|domisili)|(?:tanggal|tgl|tempat)lahir")


def is_personal_column(name: str) -> bool:
    """A column whose name says it holds personal data (nik, no_kk, telepon, hp, wa, email, nip,
    alamat_rumah, tanggal_lahir …) in any spelling, case or separator ("NomorHP", "No. KK")."""
    words = column_words(name)
    return bool(_COLUMN.search(words) or _COMPOUND.search(words.replace("_", "")))
