"""Frictionless' errors as Problems at the place a spreadsheet shows, under our own rules.

Frictionless decides whether a row breaks its schema (types, constraints, keys, row formulas);
its errors name a row of the data it was given and say so in English. Here each becomes a Problem
at the spreadsheet row and column, with the rule staff read in Indonesian or English, a suggestion
for a mistyped area code, and the row that already holds a duplicate.
"""

from __future__ import annotations

import re

from frictionless import Checklist, FrictionlessException, Package, checks

from ..messages import Message
from . import dialect, number_cells, screening
from .catalog import SOURCES, entries
from .dialect import INVALID_DESCRIPTION, UNREADABLE_FILE
from .report import Problem
from .row_rules import ROW_RULE, valid_row_rules
from .rules import Kind, Rule
from .sources import UNKNOWN_SOURCE
from .spec import ResourceSpec
from .suggestions import did_you_mean, suggest
from .uniqueness import DUPLICATE, DUPLICATE_KEY, first_row

REQUIRED = Rule("wajib", Kind.DATA, Message(
    "Kolom ini wajib diisi, tetapi kosong.",
    "This column is required but empty.",
    "Isi sel ini; bila angkanya memang belum ada, hapus seluruh baris.",
    "Fill in this cell; if the figure does not exist yet, delete the whole row.",
))

BELOW_MINIMUM = Rule("minimum", Kind.DATA, Message(
    "Nilai {value!r} lebih kecil dari batas bawah {batas}.",
    "Value {value!r} is below the minimum {batas}.",
    "Periksa tanda minus atau salah ketik; nilai minimal {batas}.",
    "Check for a minus sign or a typo; the minimum is {batas}.",
))

ABOVE_MAXIMUM = Rule("maksimum", Kind.DATA, Message(
    "Nilai {value!r} lebih besar dari batas atas {batas}.",
    "Value {value!r} is above the maximum {batas}.",
    "Periksa salah ketik; nilai maksimal {batas}.",
    "Check for a typo; the maximum is {batas}.",
))

PATTERN = Rule("pola", Kind.DATA, Message(
    "Nilai {value!r} tidak sesuai format yang diminta.",
    "Value {value!r} does not match the required format.",
    "Tulis sesuai format {contoh} (pola {batas}){saran}.",
    "Write it in the form {contoh} (pattern {batas}){saran}.",
), words=did_you_mean)

NOT_A_CHOICE = Rule("pilihan", Kind.DATA, Message(
    "Nilai {value!r} bukan salah satu pilihan yang sah.",
    "Value {value!r} is not one of the allowed choices.",
    "Pilih salah satu dari: {batas}.",
    "Use one of: {batas}.",
))

LENGTH = Rule("panjang", Kind.DATA, Message(
    "Panjang nilai {value!r} di luar batas ({batas}).",
    "Length of {value!r} is out of bounds ({batas}).",
    "Perbaiki panjang isian sesuai batas {batas}.",
    "Fix the length to respect {batas}.",
))

UNKNOWN_CODE = Rule("kode_tidak_dikenal", Kind.DATA, Message(
    "Kode {value!r} tidak ada di daftar {batas}.",
    "Code {value!r} is not in the {batas} list.",
    "Pakai kode resmi dari berkas {batas}.csv{saran}.",
    "Use an official code from {batas}.csv{saran}.",
), words=did_you_mean)

BLANK_ROW = Rule("baris_kosong", Kind.DATA, Message(
    "Baris ini kosong.",
    "This row is empty.",
    "Hapus baris kosong.",
    "Delete the empty row.",
))

EXTRA_CELL = Rule("sel_lebih", Kind.DATA, Message(
    "Baris ini punya sel lebih banyak daripada judul kolom (nilai {value!r}).",
    "This row has more cells than the header (value {value!r}).",
    "Hapus sel yang berlebih atau periksa koma di dalam teks (beri tanda kutip).",
    "Remove the extra cell or quote text that contains a comma.",
))

MISSING_CELL = Rule("sel_kurang", Kind.DATA, Message(
    "Baris ini kekurangan sel untuk kolom ini.",
    "This row is missing a cell for this column.",
    "Tambahkan pemisah kolom yang hilang (biarkan kosong bila tidak ada angka).",
    "Add the missing separator (leave it empty if there is no figure).",
))

WRONG_HEADER = Rule("judul_kolom", Kind.DATA, Message(
    "Judul kolom {value!r} tidak sesuai skema (seharusnya {batas!r}).",
    "Column header {value!r} does not match the schema (expected {batas!r}).",
    "Salin baris judul dari formulir atau dari skema tanpa mengubahnya.",
    "Copy the header row from the form or schema without changing it.",
))

EXTRA_HEADER = Rule("judul_kolom_lebih", Kind.DATA, Message(
    "Kolom {value!r} tidak dikenal oleh skema.",
    "Column {value!r} is not in the schema.",
    "Hapus kolom ini, atau tambahkan dulu ke skema datasets/schemas/.",
    "Remove the column, or add it to the schema in datasets/schemas/ first.",
))

MISSING_HEADER = Rule("judul_kolom_kurang", Kind.DATA, Message(
    "Kolom {batas!r} tidak ada di berkas.",
    "Column {batas!r} is missing from the file.",
    "Tambahkan kolom {batas!r} (boleh kosong bila tidak wajib).",
    "Add the column {batas!r} (it may stay empty if not required).",
))

# An error type of Frictionless we have no rule for: said as such, under its own type.
UNKNOWN_ERROR = Rule("?", Kind.DATA, Message(
    "Masalah data ({value}).",
    "Data problem ({value}).",
    "Periksa baris dan kolom ini.",
    "Check this row and column.",
))

_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"', re.S)
_CONSTRAINT_RULES = {
    "required": REQUIRED, "minimum": BELOW_MINIMUM, "exclusiveMinimum": BELOW_MINIMUM,
    "maximum": ABOVE_MAXIMUM, "exclusiveMaximum": ABOVE_MAXIMUM, "pattern": PATTERN,
    "enum": NOT_A_CHOICE, "minLength": LENGTH, "maxLength": LENGTH, "unique": DUPLICATE,
}
_LABEL_RULES = {"incorrect-label": WRONG_HEADER, "duplicate-label": WRONG_HEADER,
                "blank-label": WRONG_HEADER, "extra-label": EXTRA_HEADER,
                "missing-label": MISSING_HEADER}
_ROW_RULES = {"blank-row": BLANK_ROW, "extra-cell": EXTRA_CELL, "missing-cell": MISSING_CELL}
_FILE_ERRORS = {"encoding-error", "source-error", "scheme-error", "format-error", "hash-count",
                "byte-count", "compression-error", "io-error"}
_ROW_CONSTRAINT = re.compile(r'the row constraint to conform is "(.*)"', re.S)


def _checklist(spec: ResourceSpec) -> Checklist:
    return Checklist(checks=[checks.row_constraint(formula=rule["rumus"])
                             for rule in valid_row_rules(spec)])


def frictionless_problems(package: Package, spec: ResourceSpec, tables: dict[str, dialect.Table],
                           kept: list[int] | None) -> list[Problem]:
    """What Frictionless finds in one resource, less what the dialect reader and the
    case-insensitive uniqueness check already reported better."""
    resource = package.get_resource(spec.name)
    bad = tables[spec.name].bad_cells
    bad_rows = {row for row, _ in bad}
    try:
        result = resource.validate(checklist=_checklist(spec))
    except FrictionlessException as exc:
        return [Problem(spec.relpath, UNREADABLE_FILE, details={"sebab": exc.error.type})]
    problems = []
    for task in result.tasks:
        for error in task.errors:
            if kept is not None:
                screening.renumber(error, kept)
            row = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            if (row, column) in bad or (error.type == "row-constraint" and row in bad_rows):
                continue  # already reported by the dialect reader, with a better message
            if error.type == "unique-error" and _field_type(spec, column) == "string":
                continue  # compared case- and space-insensitively by duplicate_problems
            problems.append(_translate(spec, tables, error))
    return problems


def _field_type(spec: ResourceSpec, name: str | None) -> str:
    return next((f.get("type", "string") for f in spec.fields if f["name"] == name), "string")


def _area_suggestion(tables: dict[str, dialect.Table], column: str | None, value: str) -> dict:
    level = (column or "").removeprefix("kode_")
    if not column or not column.startswith("kode_") or level not in tables:
        return {}
    master = tables[level]
    return suggest(master.header, master.rows, level, value)


def _translate(spec: ResourceSpec, tables: dict[str, dialect.Table], error) -> Problem:
    """Turn one Frictionless error into a Problem at the place a spreadsheet shows."""
    kind = error.type
    file = spec.relpath
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    if kind == "constraint-error":
        match = _CONSTRAINT.search(error.note or "")
        name, bound = (match.group(1), match.group(2)) if match else ("", error.note)
        rule = _CONSTRAINT_RULES.get(name, PATTERN)
        details = {"batas": bound, "contoh": _example(spec, column)}
        if rule is PATTERN:
            details.update(_area_suggestion(tables, column, cell or ""))
        return Problem(file, rule, row, column, cell, details)
    if kind == "type-error":
        details = number_cells.type_details(_field_type(spec, column), cell)
        return Problem(file, number_cells.WRONG_TYPE, row, column, cell, details)
    table = tables[spec.name]
    if kind == "unique-error":
        other = first_row(table.header, table.rows, [error.field_name], [error.cell])
        return Problem(file, DUPLICATE, row, column, cell, {"baris_lain": other, "batas": cell})
    if kind in _ROW_RULES:
        return Problem(file, _ROW_RULES[kind], row, column or None, cell)
    if kind == "primary-key":
        keys = spec.primary_key
        names = [f["name"] for f in spec.fields]
        values = [str(error.cells[names.index(k)]) for k in keys if k in names and
                  names.index(k) < len(error.cells)]
        other = first_row(table.header, table.rows, keys, values)
        return Problem(file, DUPLICATE_KEY, row, ", ".join(keys), " / ".join(values),
                       {"batas": " + ".join(keys), "baris_lain": other})
    if kind == "foreign-key":
        target = error.reference_name or spec.name
        value = " / ".join(str(c) for c in error.field_cells)
        column = ", ".join(error.field_names)
        if target == SOURCES:
            return Problem(file, UNKNOWN_SOURCE, row, column, value,
                           {"batas": ", ".join(entries(tables[target].header, tables[target].rows))})
        suggestion = _area_suggestion(tables, f"kode_{target}", value) if target in tables else {}
        return Problem(file, UNKNOWN_CODE, row, column, value,
                       {"batas": target, **suggestion})
    if kind == "row-constraint":
        found = _ROW_CONSTRAINT.fullmatch(error.note)
        if found is None:  # Frictionless changed its wording: a bug here, not the data's
            raise ValueError(f"unexpected row-constraint note {error.note!r}")
        formula = found.group(1)
        declared = next(r for r in valid_row_rules(spec) if r["rumus"] == formula)
        cells = dict(zip(table.header, [str(c) if c is not None else "" for c in error.cells],
                         strict=False))
        return Problem(file, ROW_RULE, row, None, None, {
            "batas": formula, "sel": cells, "pesan": declared.get("pesan"),
            "message": declared.get("message")})
    if kind in _LABEL_RULES:
        label = getattr(error, "label", None)
        return Problem(file, _LABEL_RULES[kind], 1, column or label, label,
                       {"batas": column or label})
    if kind in _FILE_ERRORS:
        return Problem(file, UNREADABLE_FILE, details={"sebab": kind})
    rule = INVALID_DESCRIPTION if "schema" in kind or "resource" in kind else UNKNOWN_ERROR.named(kind)
    return Problem(file, rule, row, column, cell or error.message)


def _example(spec: ResourceSpec, column: str | None) -> str:
    field = next((f for f in spec.fields if f["name"] == column), {})
    return str(field.get("example", field.get("constraints", {}).get("pattern", "")))
