"""The presentation hints a package may carry under "monografi", declared once.

`check` validates every hint against this declaration and the charts read their kinds from it,
so a hint the build would trip over (an unknown chart kind, a column that is not in the schema,
a text where a list belongs, a rule that does not parse) is refused at its datapackage.json key
before any stage runs. This module must not import a later stage (model, charts, pages).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TypeGuard

from ..messages import Message
from .catalog import Catalog
from .package import JSON_KIND, MISSING_KEY
from .report import Problem
from .row_rules import rule_problem
from .rules import Kind, Rule
from .sources import HINT_SOURCE
from .spec import PACKAGE_FILE, ResourceSpec

NUMERIC = ("integer", "number")
ANY, MEASURE = "kolom", "angka"  # what a key's value(s) must name: any column / a numeric column
# JSON kind -> Python types accepted (bool is not a number, though Python says it is).
JSON_KINDS = {
    "teks": (str,), "angka": (int, float), "benar_salah": (bool,), "objek": (dict,),
    "daftar_teks": (list,), "daftar_objek": (list,),
}
LIST_ITEMS = {"daftar_teks": str, "daftar_objek": dict}  # what each item of a list kind must be


@dataclass(frozen=True)
class Key:
    """One key of a hint: its JSON kind, whether it must be there, and what it names."""

    kind: str
    required: bool = False
    names: str = ""  # ANY / MEASURE when the value names columns of the table
    default: object = None  # what the build uses when the key is absent (validated too)


@dataclass(frozen=True)
class ChartHint:
    """A chart kind a resource may ask for; `needs` are columns the chart reads by name."""

    keys: dict[str, Key]
    needs: dict[str, str] = field(default_factory=dict)


_MEASURE_KEY = Key("teks", required=True, names=MEASURE)
CHART_HINTS: dict[str, ChartHint] = {
    "deret_waktu": ChartHint({"ukuran": _MEASURE_KEY,
                              "pisah": Key("daftar_teks", names=ANY, default=["sumber"])}),
    "menurut_sumber": ChartHint({"ukuran": _MEASURE_KEY}, {"sumber": ANY}),
    "perbandingan": ChartHint({"ukuran": _MEASURE_KEY, "sumber": Key("teks")}, {"sumber": ANY}),
    "piramida": ChartHint({"kelompok": Key("teks", names=ANY, default="kelompok_umur")},
                          {"laki_laki": MEASURE, "perempuan": MEASURE, "sumber": ANY}),
}
RESOURCE_KEYS = {
    "bagian": Key("teks"), "grafik": Key("daftar_objek"), "aturan_baris": Key("daftar_objek"),
    "angka_utama": Key("daftar_objek"), "jumlah_desa": Key("objek"),
    "boleh_kosong": Key("benar_salah"),
    "formulir": Key("objek"), "rekap": Key("objek"), "rujukan": Key("daftar_objek"),
}
# A headline figure ('angka utama' card): which measure, how rows of one period are combined
# across categories (jenjang, jenis, …), which rows count. Declared, never guessed from a row.
HEADLINE_KEYS = {"ukuran": _MEASURE_KEY, "agregasi": Key("teks", default="terakhir"),
                 "saring": Key("objek"), "judul": Key("teks")}
HEADLINE_AGGREGATIONS = ("terakhir", "jumlah")
NON_CATEGORIES = frozenset({"sumber", "catatan"})
ROW_RULE_KEYS = {"rumus": Key("teks", required=True), "pesan": Key("teks"), "message": Key("teks")}
DESA_TOTAL_KEYS = {"rinci": Key("teks", required=True), "cocokkan": Key("daftar_teks", names=ANY),
                   "ukuran": Key("daftar_teks", required=True, names=MEASURE),
                   "toleransi": Key("angka")}
PACKAGE_KEYS = {"peringatan": Key("objek"), "batas_wilayah": Key("daftar_objek")}
WARNING_KEYS = {"perubahan_maks": Key("angka")}


CHART_KIND = Rule("petunjuk_jenis", Kind.CONFIGURATION, Message(
    "Jenis grafik {value!r} tidak dikenal.",
    "Unknown chart kind {value!r}.",
    "Isi \"jenis\" dengan salah satu dari: {batas}.",
    "Set \"jenis\" to one of: {batas}.",
))

HINT_COLUMN = Rule("petunjuk_kolom", Kind.CONFIGURATION, Message(
    "Kolom {value!r} tidak ada di skema tabel {tabel}.",
    "Column {value!r} is not in the schema of table {tabel}.",
    "Pakai salah satu kolom skema (periksa salah ketik): {batas}.",
    "Use one of the schema's columns (check for typos): {batas}.",
))

HINT_COLUMN_TYPE = Rule("petunjuk_tipe_kolom", Kind.CONFIGURATION, Message(
    "Kolom {value!r} di tabel {tabel} bertipe {tipe}, padahal di sini perlu kolom angka.",
    "Column {value!r} of table {tabel} has type {tipe}, but a numeric column is needed here.",
    "Pilih kolom bertipe integer atau number.",
    "Choose a column of type integer or number.",
))

HINT_TABLE = Rule("petunjuk_tabel", Kind.CONFIGURATION, Message(
    "{value!r} tidak dapat dipakai untuk tabel {tabel}: tabel ini tidak punya kolom kode "
    "wilayah dan periode yang diperlukan.",
    "{value!r} cannot be used for table {tabel}: it lacks the area code and period columns "
    "it needs.",
    "Hapus petunjuk ini, atau pakai tabel yang punya kolom kode_… dan tahun/periode.",
    "Remove this hint, or use it on a table with a kode_… and a tahun/periode column.",
))

DETAIL_TABLE = Rule("petunjuk_rinci", Kind.CONFIGURATION, Message(
    "Tabel rincian {value!r} tidak ada atau bukan tabel per desa.",
    "Detail table {value!r} does not exist or is not a per-desa table.",
    "Pakai salah satu tabel per desa: {batas}.",
    "Use one of the per-desa tables: {batas}.",
))

HINT_VALUE = Rule("petunjuk_nilai", Kind.CONFIGURATION, Message(
    "Nilai {value} di luar batas ({batas}).",
    "Value {value} is out of range ({batas}).",
    "Tulis angka {batas}.",
    "Write a number {batas}.",
))

UNKNOWN_KEY = Rule("petunjuk_tak_dikenal", Kind.CONFIGURATION, Message(
    "Kunci {value!r} tidak dikenal di sini dan diabaikan.",
    "Key {value!r} is not known here and is ignored.",
    "Periksa salah ketik; kunci yang dikenal: {batas}.",
    "Check for a typo; known keys: {batas}.",
), severity="warning")

HEADLINE_AGGREGATION = Rule("angka_utama_agregasi", Kind.CONFIGURATION, Message(
    "Agregasi {value!r} untuk angka utama tidak dikenal.",
    "Unknown headline aggregation {value!r}.",
    "Isi \"agregasi\" dengan salah satu dari: {batas}.",
    "Set \"agregasi\" to one of: {batas}.",
))

HEADLINE_CATEGORY = Rule("angka_utama_kategori", Kind.CONFIGURATION, Message(
    "Angka utama {value!r} tabel {tabel} diambil dari satu baris, padahal satu periode "
    "dibagi menurut {kategori}: kartu akan menampilkan satu kategori seolah-olah total.",
    "Headline {value!r} of table {tabel} takes one row, but each period is split by "
    "{kategori}: the card would show one category as if it were the total.",
    "Tambahkan \"agregasi\": \"jumlah\" untuk menjumlahkan semua kategori, atau "
    "\"saring\": {{\"{kolom}\": \"…\"}} untuk memilih satu kategori.",
    "Add \"agregasi\": \"jumlah\" to add up all categories, or "
    "\"saring\": {{\"{kolom}\": \"…\"}} to pick one category.",
))


class _Check:
    """Collects config Problems for one place in datapackage.json."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.problems: list[Problem] = []

    def add(self, rule: Rule, key: str, value, **details) -> None:
        text = value if isinstance(value, str) else _json(value)
        self.problems.append(Problem(PACKAGE_FILE, rule, column=key, value=text, details=details))

    def keys(self, where: str, hint, declared: dict[str, Key], spec: ResourceSpec | None,
             context: str) -> bool:
        """Type, presence and column checks for a dict of keys; False if `hint` is no dict."""
        if not isinstance(hint, dict):
            self.add(JSON_KIND, where, hint, **_kind("objek"))
            return False
        for name in sorted(set(hint) - set(declared)):
            self.problems.append(Problem(
                PACKAGE_FILE, UNKNOWN_KEY, column=f"{where}.{name}", value=name,
                details={"batas": ", ".join(declared)}))
        for name, key in declared.items():
            at = f"{where}.{name}"
            if name not in hint:
                if key.required:
                    self.add(MISSING_KEY, at, name, batas=context)
                elif key.names and key.default is not None and spec is not None:
                    self.columns(at, key.default, key.names, spec)
                continue
            value = hint[name]
            if not _is_kind(value, key.kind):
                self.add(JSON_KIND, at, value, **_kind(key.kind))
            elif key.names and spec is not None:
                self.columns(at, value, key.names, spec)
        return True

    def columns(self, where: str, value, names: str, spec: ResourceSpec) -> None:
        types = {f["name"]: f.get("type", "string") for f in spec.fields}
        listed = value if isinstance(value, list) else [value]
        for index, column in enumerate(listed):
            at = f"{where}[{index}]" if isinstance(value, list) else where
            self.column(at, column, names, spec.name, types)

    def column(self, at: str, column, names: str, table: str, types: dict[str, str]) -> None:
        if column not in types:
            self.add(HINT_COLUMN, at, column, batas=", ".join(types), tabel=table)
        elif names == MEASURE and types[column] not in NUMERIC:
            self.add(HINT_COLUMN_TYPE, at, column, tipe=types[column], tabel=table)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _is_kind(value: object, kind: str) -> bool:
    if isinstance(value, bool) and kind != "benar_salah":
        return False
    if kind in LIST_ITEMS:
        return isinstance(value, list) and all(isinstance(item, LIST_ITEMS[kind]) for item in value)
    return isinstance(value, JSON_KINDS[kind])


def _is_number(value: object) -> TypeGuard[float]:
    return _is_kind(value, "angka")


def _is_texts(value: object) -> TypeGuard[list[str]]:
    return _is_kind(value, "daftar_teks")


def _kind(kind: str) -> dict:
    return {"jenis": kind}


def hint_problems(catalog: Catalog) -> list[Problem]:
    """Every presentation hint of the package checked against the declaration above."""
    check = _Check(catalog)
    package = catalog.descriptor.get("monografi", {})
    if check.keys("monografi", package, PACKAGE_KEYS, None, "monografi"):
        settings = package.get("peringatan")
        if isinstance(settings, dict) and check.keys("monografi.peringatan", settings,
                                                      WARNING_KEYS, None, "peringatan"):
            limit = settings.get("perubahan_maks")
            if _is_number(limit) and limit <= 0:
                check.add(HINT_VALUE, "monografi.peringatan.perubahan_maks", limit,
                          batas="> 0")
    for index, spec in enumerate(catalog.resources):  # a usable catalog keeps every resource
        _resource_hints(check, spec, f"resources[{index}]")
    return check.problems


def _resource_hints(check: _Check, spec: ResourceSpec, where: str) -> None:
    hints = spec.descriptor.get("monografi", {})
    where = f"{where}.monografi"
    if not check.keys(where, hints, RESOURCE_KEYS, spec, "monografi"):
        return
    for index, hint in enumerate(_list(hints.get("grafik"))):
        _chart_hint(check, spec, f"{where}.grafik[{index}]", hint)
    for index, rule in enumerate(_list(hints.get("aturan_baris"))):
        at = f"{where}.aturan_baris[{index}]"
        if check.keys(at, rule, ROW_RULE_KEYS, spec, "aturan_baris") and isinstance(
                rule.get("rumus"), str):
            problem = rule_problem(spec, rule["rumus"])
            if problem:
                check.add(problem[0], f"{at}.rumus", rule["rumus"], **problem[1])
    for index, headline in enumerate(_list(hints.get("angka_utama"))):
        _headline(check, spec, f"{where}.angka_utama[{index}]", headline)
    totals = hints.get("jumlah_desa")
    if isinstance(totals, dict):
        _desa_totals(check, spec, f"{where}.jumlah_desa", totals)


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _chart_hint(check: _Check, spec: ResourceSpec, where: str, hint) -> None:
    if not isinstance(hint, dict):
        check.add(JSON_KIND, where, hint, **_kind("objek"))
        return
    kind = hint.get("jenis")
    if not isinstance(kind, str) or kind not in CHART_HINTS:
        check.add(CHART_KIND, f"{where}.jenis", kind if kind is not None else "",
                  batas=", ".join(CHART_HINTS))
        return
    declared = CHART_HINTS[kind]
    check.keys(where, hint, {"jenis": Key("teks", required=True), **declared.keys}, spec,
               f"grafik {kind}")
    types = {f["name"]: f.get("type", "string") for f in spec.fields}
    for column, names in declared.needs.items():
        check.column(f"{where}.jenis", column, names, spec.name, types)
    if spec.area_field is None or spec.period_field is None:
        check.add(HINT_TABLE, f"{where}.jenis", kind, tabel=spec.name)
    source = hint.get("sumber")
    if isinstance(source, str) and source not in check.catalog.sources:
        check.add(HINT_SOURCE, f"{where}.sumber", source,
                  batas=", ".join(sorted(check.catalog.sources)))


def category_columns(spec: ResourceSpec) -> list[str]:
    """Key columns that split one area, period and source into several rows (jenjang, …)."""
    skip = {spec.area_field, spec.period_field, *NON_CATEGORIES}
    return [name for name in spec.primary_key if name not in skip]


def _headline(check: _Check, spec: ResourceSpec, where: str, headline) -> None:
    """A headline must say how the rows of one period become one number."""
    if not check.keys(where, headline, HEADLINE_KEYS, spec, "angka_utama"):
        return
    aggregation = headline.get("agregasi", "terakhir")
    if isinstance(aggregation, str) and aggregation not in HEADLINE_AGGREGATIONS:
        check.add(HEADLINE_AGGREGATION, f"{where}.agregasi", aggregation,
                  batas=", ".join(HEADLINE_AGGREGATIONS))
        return
    chosen = headline.get("saring") if isinstance(headline.get("saring"), dict) else {}
    types = {f["name"]: f.get("type", "string") for f in spec.fields}
    for column in chosen:
        check.column(f"{where}.saring.{column}", column, ANY, spec.name, types)
    open_categories = [c for c in category_columns(spec) if c not in chosen]
    if open_categories and aggregation == "terakhir":
        check.add(HEADLINE_CATEGORY, where, headline.get("ukuran", ""), tabel=spec.name,
                  kategori=", ".join(open_categories), kolom=open_categories[0])


def _desa_totals(check: _Check, spec: ResourceSpec, where: str, totals: dict) -> None:
    """The kecamatan table and its desa table (`rinci`) must share the compared columns."""
    if not check.keys(where, totals, DESA_TOTAL_KEYS, spec, "jumlah_desa"):
        return
    detail = next((r for r in check.catalog.resources if r.name == totals.get("rinci")), None)
    if isinstance(totals.get("rinci"), str) and (detail is None or detail.area_field != "kode_desa"):
        desa_tables = [r.name for r in check.catalog.resources if r.area_field == "kode_desa"]
        check.add(DETAIL_TABLE, f"{where}.rinci", totals["rinci"], batas=", ".join(desa_tables))
        return
    if detail is None:
        return
    if spec.area_field != "kode_kecamatan":
        check.add(HINT_TABLE, where, "jumlah_desa", tabel=spec.name)
    types = {f["name"]: f.get("type", "string") for f in detail.fields}
    for key in ("cocokkan", "ukuran"):
        value = totals.get(key)
        if _is_texts(value):
            for index, column in enumerate(value):
                check.column(f"{where}.{key}[{index}]", column, DESA_TOTAL_KEYS[key].names,
                             detail.name, types)
    tolerance = totals.get("toleransi")
    if _is_number(tolerance) and tolerance < 0:
        check.add(HINT_VALUE, f"{where}.toleransi", tolerance, batas=">= 0")
