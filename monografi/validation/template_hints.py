"""The template pack's hints, declared once: form layout, roll-up, official reference.

`formulir` places a table in an official form (which book, which section, in what order), so a
per-office workbook can follow the form staff already fill in; `rekap` names the measures that
add up from desa/kelurahan to the kecamatan, so a sum is never computed for a distance or an
average; `rujukan` names the official item a table implements and how sure that is —
terkonfirmasi (seen in the form or publication), praktik (one office's practice, not law),
disimpulkan (inferred). `check` refuses a hint the later stages could not use, at its key.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import Message
from .catalog import Catalog
from .hints import HINT_VALUE, MEASURE, Key, _Check, _list
from .package import MISSING_KEY
from .report import Problem
from .rules import Kind, Rule
from .spec import ResourceSpec


@dataclass(frozen=True)
class FormBook:
    """An official form or publication a table can be placed in, with its sections in order."""

    title: str
    sections: dict[str, str]


FORM_BOOKS = {
    "monografi": FormBook("Buku Monografi Desa/Kelurahan (Permendagri 13/2012)", {
        "identitas": "Identitas desa/kelurahan", "A": "Data umum", "B": "Data personil",
        "C": "Data kewenangan", "D": "Data keuangan", "E": "Kelembagaan",
        "F": "Ketentraman dan ketertiban"}),
    "kcda": FormBook("Kecamatan Dalam Angka (BPS)", {
        "1": "Geografi dan iklim", "2": "Pemerintahan", "3": "Penduduk",
        "4": "Sosial dan kesejahteraan rakyat", "5": "Pertanian",
        "6": "Pariwisata, transportasi, dan komunikasi", "7": "Perbankan, koperasi, dan perdagangan"}),
    "kecamatan": FormBook("Data Monografi Kecamatan (format lama)", {
        "I": "Data statis", "II": "Data dinamis"}),
}
STATUSES = ("terkonfirmasi", "praktik", "disimpulkan")  # confirmed / practice / inferred
UNSURE = STATUSES[1:]  # a reference with one of these must say what is practice or inferred
ROLLUP_LEVEL = "desa"
KEYS = ("formulir", "rekap", "rujukan")  # in hints.RESOURCE_KEYS; a hand-made table has none of them
FORM_KEYS = {"buku": Key("teks", required=True), "bagian": Key("teks", required=True),
             "urutan": Key("angka", required=True)}
ROLLUP_KEYS = {"ukuran": Key("daftar_teks", required=True, names=MEASURE)}
REFERENCE_KEYS = {"dokumen": Key("teks", required=True), "butir": Key("teks", required=True),
                  "status": Key("teks", required=True), "catatan": Key("teks")}

HINT_CHOICE = Rule("petunjuk_pilihan", Kind.CONFIGURATION, Message(
    "Isian {value!r} tidak dikenal di kunci ini.",
    "Value {value!r} is not known at this key.",
    "Pakai salah satu isian: {batas}.",
    "Use one of the values: {batas}.",
))

HINT_LEVEL = Rule("petunjuk_tingkat", Kind.CONFIGURATION, Message(
    "Petunjuk {value!r} hanya untuk tabel per desa/kelurahan, sedangkan tabel {tabel} per "
    "{tingkat}.",
    "Hint {value!r} is only for a table per desa/kelurahan, but table {tabel} is per {tingkat}.",
    "Hapus petunjuk ini, atau pindahkan ke tabel per desa/kelurahan (dengan kolom kode_desa).",
    "Remove this hint, or move it to a table per desa/kelurahan (with a kode_desa column).",
))


def template_hint_problems(catalog: Catalog) -> list[Problem]:
    """The three hints of every resource that has them (their JSON kinds are checked with the
    other hints; here what they say)."""
    check = _Check(catalog)
    for index, spec in enumerate(catalog.resources):
        where = f"resources[{index}].monografi"
        hints = spec.hints
        if isinstance(hints.get("formulir"), dict):
            _layout(check, spec, f"{where}.formulir", hints["formulir"])
        if isinstance(hints.get("rekap"), dict):
            _rollup(check, spec, f"{where}.rekap", hints["rekap"])
        for number, reference in enumerate(_list(hints.get("rujukan"))):
            _reference(check, spec, f"{where}.rujukan[{number}]", reference)
    return check.problems


def _layout(check: _Check, spec: ResourceSpec, where: str, hint: dict) -> None:
    if not check.keys(where, hint, FORM_KEYS, spec, "formulir"):
        return
    book, section, order = hint.get("buku"), hint.get("bagian"), hint.get("urutan")
    if isinstance(book, str) and book not in FORM_BOOKS:
        check.add(HINT_CHOICE, f"{where}.buku", book, batas=", ".join(FORM_BOOKS))
    elif isinstance(book, str) and isinstance(section, str) and section not in FORM_BOOKS[book].sections:
        check.add(HINT_CHOICE, f"{where}.bagian", section,
                  batas=", ".join(FORM_BOOKS[book].sections))
    if "urutan" in hint and (isinstance(order, bool) or not isinstance(order, int) or order < 1):
        check.add(HINT_VALUE, f"{where}.urutan", order, batas="1, 2, 3, …")


def _rollup(check: _Check, spec: ResourceSpec, where: str, hint: dict) -> None:
    """Only a desa/kelurahan table adds up to its kecamatan."""
    if check.keys(where, hint, ROLLUP_KEYS, spec, "rekap") and spec.level != ROLLUP_LEVEL:
        check.add(HINT_LEVEL, where, "rekap", tabel=spec.name, tingkat=spec.level or "-")


def _reference(check: _Check, spec: ResourceSpec, where: str, reference) -> None:
    if not check.keys(where, reference, REFERENCE_KEYS, spec, "rujukan"):
        return
    status = reference.get("status")
    if isinstance(status, str) and status not in STATUSES:
        check.add(HINT_CHOICE, f"{where}.status", status, batas=", ".join(STATUSES))
    note = reference.get("catatan")
    if status in UNSURE and not (isinstance(note, str) and note.strip()):
        check.add(MISSING_KEY, f"{where}.catatan", "catatan", batas=f"rujukan ({status})")
