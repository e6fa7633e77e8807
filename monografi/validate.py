"""Validate the package: Frictionless for what it can express, monograph checks for the rest.

Frictionless errors are translated into Problems (file, spreadsheet row, column, value, rule)
instead of being printed raw; the checks it cannot express (declared row rules with staff
messages, source ids, parent codes, personal data) live here.
"""

from __future__ import annotations

import csv
import difflib
import re
from pathlib import Path

from frictionless import Checklist, FrictionlessException, Package, checks

from .catalog import Catalog, ResourceSpec, load_catalog
from .report import Problem, Report

_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"', re.S)
_CONSTRAINT_RULES = {
    "required": "wajib", "minimum": "minimum", "exclusiveMinimum": "minimum",
    "maximum": "maksimum", "exclusiveMaximum": "maksimum", "pattern": "pola", "enum": "pilihan",
    "minLength": "panjang", "maxLength": "panjang", "unique": "unik",
}
_LABEL_RULES = {"incorrect-label": "judul_kolom", "duplicate-label": "judul_kolom",
                "blank-label": "judul_kolom", "extra-label": "judul_kolom_lebih",
                "missing-label": "judul_kolom_kurang"}
_ROW_RULES = {"blank-row": "baris_kosong", "extra-cell": "sel_lebih", "missing-cell": "sel_kurang",
              "type-error": "tipe", "unique-error": "unik"}
_FILE_ERRORS = {"encoding-error", "source-error", "scheme-error", "format-error", "hash-count",
                "byte-count", "compression-error", "io-error"}

PERSONAL_DATA = (
    (re.compile(r"(?<!\d)\d{16}(?!\d)"), "NIK/No. KK: 16 digit"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "alamat surel / e-mail"),
    (re.compile(r"(?<![\d.])(?:\+62|62|0)8\d{7,11}(?!\d)"), "nomor telepon / phone number"),
)
PERSONAL_COLUMNS = re.compile(r"(^|_)(nik|no_kk|nomor_kk|telepon|telp|hp|email|surel)($|_)")


def validate_datasets(root: Path) -> tuple[Catalog | None, Report]:
    """Validate everything under `root`; the catalog is returned only when it is usable."""
    report = Report()
    catalog, problems = load_catalog(root)
    report.extend(problems)
    if catalog is None:
        return None, report
    try:
        package = Package(catalog.descriptor, basepath=str(catalog.root))
        package.to_descriptor(validate=True)
    except FrictionlessException as exc:
        for error in exc.to_errors():
            report.add(Problem("datapackage.json", "metadata", value=error.message))
        return None, report
    for spec in catalog.resources:
        report.extend(_frictionless_problems(package, spec))
    file_failed = {p.file for p in report.errors if p.rule in ("berkas", "metadata")}
    for spec in catalog.resources:
        if spec.relpath not in file_failed:
            report.extend(_monograph_problems(catalog, spec))
    return catalog, report


def _checklist(spec: ResourceSpec) -> Checklist:
    rules = spec.hints.get("aturan_baris", [])
    return Checklist(checks=[checks.row_constraint(formula=rule["rumus"]) for rule in rules])


def _frictionless_problems(package: Package, spec: ResourceSpec) -> list[Problem]:
    resource = package.get_resource(spec.name)
    try:
        result = resource.validate(checklist=_checklist(spec))
    except FrictionlessException as exc:
        return [Problem(spec.relpath, "berkas", value=exc.error.message)]
    return [_translate(package, spec, error) for task in result.tasks for error in task.errors]


def _field_type(spec: ResourceSpec, name: str | None) -> str:
    return next((f.get("type", "string") for f in spec.fields if f["name"] == name), "string")


def _translate(package: Package, spec: ResourceSpec, error) -> Problem:
    """Turn one Frictionless error into a Problem at the place a spreadsheet shows."""
    kind = error.type
    file = spec.relpath
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    if kind == "constraint-error":
        match = _CONSTRAINT.search(error.note or "")
        name, bound = (match.group(1), match.group(2)) if match else ("", error.note)
        rule = _CONSTRAINT_RULES.get(name, "pola")
        example = _example(spec, column)
        return Problem(file, rule, row, column, cell, {"batas": bound, "contoh": example})
    if kind == "type-error":
        return Problem(file, "tipe", row, column, cell, {"type": _field_type(spec, column)})
    if kind in _ROW_RULES:
        return Problem(file, _ROW_RULES[kind], row, column, cell)
    if kind == "primary-key":
        keys = spec.schema.get("primaryKey", [])
        keys = [keys] if isinstance(keys, str) else keys
        names = [f["name"] for f in spec.fields]
        values = [error.cells[names.index(k)] for k in keys if k in names and
                  names.index(k) < len(error.cells)]
        return Problem(file, "kunci_ganda", row, ", ".join(keys), " / ".join(values),
                       {"batas": " + ".join(keys)})
    if kind == "foreign-key":
        target = error.reference_name or spec.name
        value = " / ".join(error.field_cells)
        suggestion = _suggest(package, target, error.reference_field_names, value)
        return Problem(file, "kode_tidak_dikenal", row, ", ".join(error.field_names), value,
                       {"batas": target, **suggestion})
    if kind == "row-constraint":
        rule = next((r for r in spec.hints.get("aturan_baris", []) if r["rumus"] in error.note),
                    {"pesan": error.note, "message": error.note, "rumus": error.note})
        return Problem(file, "aturan_baris", row, None, None,
                       {"aturan": rule["pesan"], "aturan_en": rule["message"],
                        "batas": rule["rumus"]})
    if kind in _LABEL_RULES:
        label = getattr(error, "label", None)
        return Problem(file, _LABEL_RULES[kind], 1, column or label, label,
                       {"batas": column or label})
    if kind in _FILE_ERRORS:
        return Problem(file, "berkas", value=error.note or error.message)
    return Problem(file, "metadata" if "schema" in kind or "resource" in kind else kind,
                   row, column, cell or error.message)


def _example(spec: ResourceSpec, column: str | None) -> str:
    field = next((f for f in spec.fields if f["name"] == column), {})
    return str(field.get("example", field.get("constraints", {}).get("pattern", "")))


def _suggest(package: Package, target: str, fields: list[str], value: str) -> dict:
    """'Maksud Anda …?' from the referenced master list, by code or by name."""
    try:
        rows = package.get_resource(target).read_rows()
    except FrictionlessException:
        return {}
    known = [" / ".join(str(r[f]) for f in fields) for r in rows]
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if not close:
        return {}
    return {"saran": f"; maksud Anda {close[0]!r}?", "saran_en": f"; did you mean {close[0]!r}?"}


def read_raw(spec: ResourceSpec) -> tuple[list[str], list[list[str]]]:
    """Header and rows as the file holds them, for checks that must see the text staff typed."""
    with spec.file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return (rows[0] if rows else []), rows[1:]


def _monograph_problems(catalog: Catalog, spec: ResourceSpec) -> list[Problem]:
    header, rows = read_raw(spec)
    problems = [Problem(spec.relpath, "data_pribadi", 1, name, name, {"batas": name})
                for name in header if PERSONAL_COLUMNS.search(name.strip().lower())]
    sources = catalog.sources
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row, strict=False))
        for column, value in cells.items():
            for pattern, label in PERSONAL_DATA:
                if pattern.search(value):
                    problems.append(Problem(spec.relpath, "data_pribadi", number, column, value,
                                            {"batas": label}))
        source = cells.get("sumber", "").strip()
        if "sumber" in header and source and source not in sources:
            problems.append(Problem(spec.relpath, "sumber_tidak_dikenal", number, "sumber", source,
                                    {"batas": ", ".join(sorted(sources))}))
        problems.extend(_parent_problems(spec, number, cells))
    return problems


def _parent_problems(spec: ResourceSpec, number: int, cells: dict) -> list[Problem]:
    """Area codes nest (32.15 → 32.15.05 → 32.15.05.2001); a row must agree with itself."""
    problems = []
    own = cells.get(f"kode_{spec.name}", "") if spec.is_master else ""
    for parent in ("kode_kabupaten", "kode_kecamatan"):
        code = cells.get(parent, "")
        if own and code and parent != f"kode_{spec.name}" and not own.startswith(code + "."):
            problems.append(Problem(spec.relpath, "kode_induk", number, f"kode_{spec.name}", own,
                                    {"batas": f"{parent} {code}"}))
    if spec.name == "desa" and own.count(".") == 3 and cells.get("jenis") in ("desa", "kelurahan"):
        expected = "kelurahan" if own.rsplit(".", 1)[1].startswith("1") else "desa"
        if cells["jenis"] != expected:
            problems.append(Problem(spec.relpath, "jenis_desa", number, "jenis", cells["jenis"],
                                    {"batas": f"{own} → {expected}"}))
    return problems
