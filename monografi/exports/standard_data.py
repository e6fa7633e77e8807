"""The Satu Data Indonesia *standar data* view of a dataset, read from its Table Schema.

Perpres 39/2019 asks every dataset to state its konsep, definisi, klasifikasi, ukuran and satuan;
Satu Data portals add the validation rules and the time reference. All of it is already in the
schema (titles, descriptions, constraints, foreign keys, `satuan`); this module only renames it
into the vocabulary Indonesian data officers use, for the dataset page and the downloads.
"""

from __future__ import annotations

import ast

from .. import fmt
from ..model.areas import Dataset, Field
from ..validation.row_rules import rule_words, valid_row_rules

COLUMNS = ("kolom", "konsep", "definisi", "klasifikasi", "ukuran", "satuan", "aturan_validasi")
COLUMN_TITLES = ("Kolom", "Konsep", "Definisi", "Klasifikasi", "Ukuran", "Satuan",
                 "Aturan validasi")
_TYPE_MEASURE = {"integer": "jumlah (bilangan bulat)", "number": "nilai (bilangan desimal)"}


def constraint_text(f: Field, example: str | None = None) -> str:
    """The column's rules in words: a pattern is said by an example, never as a regex."""
    parts = []
    c = f.constraints
    labels = {"required": "wajib diisi", "unique": "unik"}
    parts += [text for key, text in labels.items() if c.get(key)]
    if "minimum" in c:
        parts.append(f"≥ {fmt.angka(c['minimum'])}")
    if "maximum" in c:
        parts.append(f"≤ {fmt.angka(c['maximum'])}")
    if "enum" in c:
        parts.append("pilihan: " + ", ".join(map(str, c["enum"])))
    if "pattern" in c:
        parts.append(f"format seperti {example}" if example else "format tetap (lihat Panduan data)")
    return "; ".join(parts)


def rule_text(rule: dict) -> str:
    """A row rule for the public: in words when it only compares columns, else its message's
    first sentence (the rest is the fix for staff); never the formula itself."""
    tree = ast.parse(rule["rumus"].strip(), mode="eval")
    if rule.get("pesan") and any(isinstance(n, ast.Call | ast.Subscript) for n in ast.walk(tree)):
        return rule["pesan"].split(". ")[0].rstrip(".") + "."
    return rule_words(rule["rumus"])


def _references(dataset: Dataset) -> dict[str, str]:
    refs = {}
    for fk in dataset.spec.schema.get("foreignKeys", []):
        fields = fk.get("fields", [])
        for name in [fields] if isinstance(fields, str) else fields:
            refs[name] = fk.get("reference", {}).get("resource", "")
    return refs


def _classification(dataset: Dataset, f: Field, refs: dict[str, str]) -> str:
    if f.name in refs:
        return f"rujukan ke tabel {refs[f.name]}"
    if "enum" in f.constraints:
        return "pilihan: " + ", ".join(map(str, f.constraints["enum"]))
    if f.name == dataset.period_field:
        return "periode waktu"
    if f.name == "sumber":
        return "kode sumber dalam daftar sumber data"
    return ""


def _rules(dataset: Dataset, f: Field) -> str:
    parts = [constraint_text(f)] if constraint_text(f) else []
    parts += [f"aturan baris: {rule_text(r)}" for r in valid_row_rules(dataset.spec)
              if f.name in r["rumus"]]
    return "; ".join(parts)


def field_rows(dataset: Dataset) -> list[dict[str, str]]:
    refs = _references(dataset)
    raw = {r["name"]: r for r in dataset.spec.fields}
    return [{"kolom": f.name, "konsep": f.title, "definisi": f.description,
             "klasifikasi": _classification(dataset, f, refs),
             "ukuran": raw[f.name].get("ukuran") or _TYPE_MEASURE.get(f.type, "teks"),
             "satuan": f.unit, "aturan_validasi": _rules(dataset, f)}
            for f in dataset.fields]


def time_reference(dataset: Dataset) -> str:
    if not dataset.period_field:
        return "tidak berperiode (daftar induk, berlaku saat ini)"
    label = dataset.field(dataset.period_field).title
    periods = dataset.periods
    if not periods:
        return f"{label}; belum ada data"
    span = periods[0] if len(periods) == 1 else f"{periods[0]} sampai {periods[-1]}"
    return f"{label}: {span}"


def standar_data(dataset: Dataset) -> dict:
    """Dataset-level summary plus one row per column, in the SDI vocabulary."""
    categories = [f.title for f in dataset.categories]
    level = f"wilayah tingkat {dataset.level}" if dataset.level else ""
    return {
        "nama": dataset.name,
        "konsep": dataset.title,
        "definisi": dataset.description,
        "klasifikasi": ", ".join([x for x in [level, *categories] if x]),
        "ukuran": [f.title for f in dataset.measures],
        "referensi_waktu": time_reference(dataset),
        "kolom": field_rows(dataset),
    }
