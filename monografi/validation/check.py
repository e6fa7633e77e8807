"""Validate the package: Frictionless for what it can express, monograph checks for the rest.

Every file is first read through its declared dialect (monografi.validation.dialect), so Frictionless and
everything after it see canonical text. Frictionless errors are translated into Problems (file,
spreadsheet row, column, value, rule) instead of being printed raw; the checks it cannot express
(personal data, source ids, parent codes, warnings declared in the package) live here and in
monografi.validation.warnings.
"""

from __future__ import annotations

import re
from pathlib import Path

from frictionless import Checklist, FrictionlessException, Package, checks

from ..project import Project
from ..state import recover
from . import dialect, number_cells, personal_data, screening, sources
from .boundaries import load_boundaries
from .catalog import Catalog, ResourceSpec, load_catalog
from .hints import hint_problems, rule_in_words, valid_row_rules
from .placeholders import placeholder_problems
from .published import shrink_problems
from .publisher import publisher_problems
from .report import Problem, Report
from .schema import metadata_problems, schema_problems
from .suggestions import suggest
from .template_hints import template_hint_problems
from .uniqueness import duplicate_problems, first_row
from .warnings import warnings_for

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
_ROW_CONSTRAINT = re.compile(r'the row constraint to conform is "(.*)"', re.S)


def finish_pending_import(project: Project) -> list[Problem]:
    """Undo an import that stopped half-way before anything reads datasets/ (call under the
    build's lock): a warning per file given back its old bytes, or an error per file edited
    since (nothing is undone then, so the import's backups wait for staff)."""
    found = recover(project)
    return ([Problem(relpath, "impor_terputus_diubah", value=str(found.backups)) for relpath in found.changed]
            + [Problem(relpath, "impor_dipulihkan", severity="warning") for relpath in found.restored])


def validate_datasets(root: Path, published: Path | None = None) -> tuple[Catalog | None, Report]:
    """Validate everything under `root`; the catalog is returned only when it is usable.

    This is the one gate of the build: every stage after it reads only what is checked here
    (names, schemas, hints, rules, rows), so a package it accepts builds. `published` is the
    site the tables are compared with (emptied tables); default: the project's output/.
    """
    report = Report()
    catalog, problems = load_catalog(root)
    report.extend(problems)
    if catalog is None:
        return None, report
    report.extend(schema_problems(catalog))
    if not report.ok:
        return None, report  # Frictionless would crash on a broken pattern or a missing table
    tables = {spec.name: dialect.read(spec) for spec in catalog.resources}
    catalog.tables = {name: (table.header, table.rows) for name, table in tables.items()}
    report.extend(hint_problems(catalog))
    report.extend(template_hint_problems(catalog))
    report.extend(sources.source_problems(catalog))
    report.extend(placeholder_problems(catalog))
    for table in tables.values():
        report.extend(table.problems)
    resources = _frictionless_resources(catalog, tables)
    try:
        package = Package({**catalog.descriptor, "resources": resources})  # validates the descriptor
    except FrictionlessException as exc:
        report.extend(metadata_problems(catalog, resources, exc))
        return None, report
    kept = screening.rows_to_validate(catalog, tables)
    looked_up = screening.looked_up(catalog)
    trimmed = {name: rows for name, rows in kept.items() if name not in looked_up}
    _load_rows(package, tables, trimmed)
    for spec in catalog.resources:
        table = tables[spec.name]
        if table.unreadable:
            continue
        if kept.get(spec.name) != []:  # screening cleared every row: Frictionless would agree
            report.extend(_frictionless_problems(package, spec, tables, trimmed.get(spec.name)))
        report.extend(_monograph_problems(catalog, spec, table))
        report.extend(duplicate_problems(spec, table.header, table.rows))
    loaded, problems = load_boundaries(catalog)
    catalog.boundaries = {b.level: b for b in loaded}
    report.extend(problems)
    rows = {name: (t.header, t.rows) for name, t in tables.items() if not t.unreadable}
    report.extend(shrink_problems(catalog, rows, published or Project.of_datasets(root).output))
    if report.ok:
        report.extend(warnings_for(catalog, rows))
        report.extend(publisher_problems(catalog))
    return catalog, report


def _frictionless_resources(catalog: Catalog, tables: dict[str, dialect.Table]) -> list[dict]:
    """The resources as Frictionless validates their metadata: with the header as their only
    data row, since it deep-copies inline data, and before screening reads the schemas (which
    a malformed one would crash). Links to unreadable tables are dropped so one broken master
    list does not flood the report with foreign-key errors."""
    broken = {name for name, table in tables.items() if table.unreadable}
    resources = []
    for spec in catalog.resources:
        table = tables[spec.name]
        header = [f["name"] for f in spec.fields] if table.unreadable else table.header
        resource = dialect.frictionless_descriptor(spec, dialect.Table(header, []))
        keys = resource["schema"].get("foreignKeys", [])
        resource["schema"]["foreignKeys"] = [
            k for k in keys if (k.get("reference") or {}).get("resource") not in broken]
        resources.append(resource)
    return resources


def _load_rows(package: Package, tables: dict[str, dialect.Table], trimmed: dict[str, list[int]]) -> None:
    """Give each readable resource its canonical rows; of a `trimmed` table only the rows that
    may hold a problem (screening)."""
    for name, table in tables.items():
        if not table.unreadable:
            rows = screening.only_rows(table, trimmed[name]).rows if name in trimmed else table.rows
            package.get_resource(name).data = [table.header, *rows]


def _checklist(spec: ResourceSpec) -> Checklist:
    return Checklist(checks=[checks.row_constraint(formula=rule["rumus"])
                             for rule in valid_row_rules(spec)])


def _frictionless_problems(package: Package, spec: ResourceSpec, tables: dict[str, dialect.Table],
                           kept: list[int] | None) -> list[Problem]:
    resource = package.get_resource(spec.name)
    bad = tables[spec.name].bad_cells
    bad_rows = {row for row, _ in bad}
    try:
        result = resource.validate(checklist=_checklist(spec))
    except FrictionlessException as exc:
        return [Problem(spec.relpath, "berkas", value=exc.error.message)]
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
        rule = _CONSTRAINT_RULES.get(name, "pola")
        details = {"batas": bound, "contoh": _example(spec, column)}
        if rule == "pola":
            details.update(_area_suggestion(tables, column, cell or ""))
        return Problem(file, rule, row, column, cell, details)
    if kind == "type-error":
        details = number_cells.type_details(_field_type(spec, column), cell)
        return Problem(file, "tipe", row, column, cell, details)
    table = tables[spec.name]
    if kind == "unique-error":
        other = first_row(table.header, table.rows, [column], [cell])
        return Problem(file, "unik", row, column, cell, {"baris_lain": other, "batas": cell})
    if kind in _ROW_RULES:
        return Problem(file, _ROW_RULES[kind], row, column or None, cell)
    if kind == "primary-key":
        keys = spec.primary_key
        names = [f["name"] for f in spec.fields]
        values = [str(error.cells[names.index(k)]) for k in keys if k in names and
                  names.index(k) < len(error.cells)]
        other = first_row(table.header, table.rows, keys, values)
        return Problem(file, "kunci_ganda", row, ", ".join(keys), " / ".join(values),
                       {"batas": " + ".join(keys), "baris_lain": other})
    if kind == "foreign-key":
        target = error.reference_name or spec.name
        value = " / ".join(str(c) for c in error.field_cells)
        column = ", ".join(error.field_names)
        if target == sources.NAME:
            return Problem(file, "sumber_tidak_dikenal", row, column, value,
                           {"batas": ", ".join(sources.entries(tables[target].header,
                                                               tables[target].rows))})
        suggestion = _area_suggestion(tables, f"kode_{target}", value) if target in tables else {}
        return Problem(file, "kode_tidak_dikenal", row, column, value,
                       {"batas": target, **suggestion})
    if kind == "row-constraint":
        formula = _ROW_CONSTRAINT.fullmatch(error.note).group(1)
        rule = next(r for r in valid_row_rules(spec) if r["rumus"] == formula)
        cells = dict(zip(table.header, [str(c) if c is not None else "" for c in error.cells],
                         strict=False))
        words = rule_in_words(formula, cells)
        return Problem(file, "aturan_baris", row, None, None,
                       {"aturan": rule.get("pesan") or words[0],
                        "aturan_en": rule.get("message") or rule.get("pesan") and words[1]
                        or words[1], "batas": formula})
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


def _monograph_problems(catalog: Catalog, spec: ResourceSpec, table: dialect.Table) -> list[Problem]:
    """Personal data in any cell, codes that disagree with their parent (source ids are a
    foreign key to sumber.csv).

    The cell checks run once per distinct value; rows are visited only when one of them failed
    (to place it) or for a master list (whose codes are checked row by row)."""
    header, rows = table.header, table.rows
    problems = [Problem(spec.relpath, "data_pribadi", 1, name, name, {"batas": name})
                for name in header if personal_data.is_personal_column(name)]
    values = set().union(*(dialect.distinct(rows, index) for index in range(len(header))))
    labels = {value: label for value in values if (label := personal_data.find(value))}
    if not labels and not spec.is_master:
        return problems
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row, strict=False))
        for column, value in cells.items():
            label = labels.get(value)
            if label:
                problems.append(Problem(spec.relpath, "data_pribadi", number, column, value,
                                        {"batas": label}))
        problems.extend(_parent_problems(spec, number, cells))
    return problems


def _parent_problems(spec: ResourceSpec, number: int, cells: dict) -> list[Problem]:
    """Area codes nest (32.15 → 32.15.05 → 32.15.05.2001); a row must agree with itself."""
    problems = []
    own = cells.get(f"kode_{spec.name}", "") if spec.is_master else ""
    for parent in ("kode_provinsi", "kode_kabupaten", "kode_kecamatan"):
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
