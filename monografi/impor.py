"""Import a filled-in form: same rules as `check`, then merge into datasets/*.csv — or nothing.

The merged tables are written to a scratch copy of datasets/ and validated there as a whole
(types, keys, foreign keys, row rules, personal data); only when that copy is valid are the real
files replaced, each with an atomic rename. Problems point at the form (sheet, Excel row,
column), because that is what staff have open. Rows of other kecamatan are never touched:
a form row about another area is refused, and merging only updates or adds by primary key.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from . import dialect
from .catalog import Catalog, ResourceSpec
from .formulir import (
    FIRST_DATA_ROW,
    HELPER_PREFIX,
    META_SHEET,
    FormError,
    areas_of,
    belongs,
    form_datasets,
)
from .report import Problem, Report
from .validate import read_raw, validate_datasets


@dataclass
class FormRow:
    sheet: str
    row: int  # Excel row number
    cells: dict[str, str]


@dataclass
class Change:
    dataset: str
    key: tuple[str, ...]
    column: str
    old: str
    new: str


@dataclass
class ImportResult:
    report: Report
    added: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report.ok


def _text(value, kind: str) -> str:
    """An Excel cell as canonical CSV text ('1234', '12.5', 'teks')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and kind != "number":
            return str(int(value))
        return format(Decimal(format(value, ".15g")).normalize(), "f")
    return str(value).strip()


def _same(old: str, new: str) -> bool:
    """Equal text, or equal numbers written differently (40.50 vs 40.5)."""
    if old == new:
        return True
    try:
        return Decimal(old) == Decimal(new)
    except InvalidOperation:
        return False


def _read_form(path: Path, catalog: Catalog, report: Report):
    where = path.name
    try:
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        report.add(Problem(where, "formulir", value=f"bukan berkas XLSX yang dapat dibuka ({exc})"))
        return None, {}
    if META_SHEET not in workbook.sheetnames:
        report.add(Problem(where, "formulir", value=f"lembar {META_SHEET!r} tidak ada"))
        return None, {}
    meta = [(r[0], r[1]) for r in workbook[META_SHEET].iter_rows(values_only=True, max_col=2)]
    kecamatan = next((str(v) for k, v in meta if k == "kecamatan"), "")
    try:
        areas_of(catalog, kecamatan)
    except FormError:
        report.add(Problem(where, "formulir", value=f"kecamatan {kecamatan!r}"))
        return None, {}
    sheets = dict(str(v).split("\t", 1) for k, v in meta if k == "lembar" and "\t" in str(v))
    known = {spec.name for spec in form_datasets(catalog)}
    rows: dict[str, list[FormRow]] = {}
    for sheet_name, dataset in sheets.items():
        if dataset not in known or sheet_name not in workbook.sheetnames:
            report.add(Problem(where, "formulir", value=f"lembar {sheet_name!r} / {dataset!r}"))
            continue
        rows[dataset] = _sheet_rows(workbook[sheet_name], catalog.resource(dataset), where, report)
    return kecamatan, rows


def _sheet_rows(sheet, spec: ResourceSpec, where: str, report: Report) -> list[FormRow]:
    keys = [str(c or "").strip() for c in next(sheet.iter_rows(min_row=2, max_row=2,
                                                                values_only=True), ())]
    kinds = {f["name"]: f.get("type", "string") for f in spec.fields}
    location = f"{where} › {sheet.title}"
    unknown = [k for k in keys if k and not k.startswith(HELPER_PREFIX) and k not in kinds]
    missing = [k for k in kinds if k not in keys]
    if unknown or missing:
        report.add(Problem(location, "formulir", 2, None, ", ".join(unknown + missing)))
        return []
    filled_marks = set(kinds) - set(spec.primary_key) - {spec.period_field}
    found = []
    for number, values in enumerate(sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True),
                                    start=FIRST_DATA_ROW):
        cells = {k: _text(v, kinds[k]) for k, v in zip(keys, values, strict=False) if k in kinds}
        if any(cells.get(k) for k in filled_marks):
            found.append(FormRow(sheet.title, number, cells))
    return found


def _row_problems(spec: ResourceSpec, rows: list[FormRow], kecamatan: str,
                  form: str) -> list[Problem]:
    """What the merge itself would hide: rows about other areas, and one key filled twice."""
    problems = []
    keys = spec.primary_key
    first: dict[tuple, int] = {}
    for row in rows:
        where = f"{form} › {row.sheet}"
        code = row.cells.get(spec.area_field, "")
        if not code:
            problems.append(Problem(where, "wajib", row.row, spec.area_field, code))
        elif not belongs(code, kecamatan):
            problems.append(Problem(where, "bukan_wilayah_formulir", row.row, spec.area_field,
                                    code, {"batas": kecamatan}))
        key = tuple(row.cells.get(k, "") for k in keys)
        if key in first:
            problems.append(Problem(where, "kunci_ganda", row.row, ", ".join(keys),
                                    " / ".join(key), {"batas": " + ".join(keys)}))
        first.setdefault(key, row.row)
    return problems


def _merge(spec: ResourceSpec, form_rows: list[FormRow], result: ImportResult):
    """Current canonical rows updated by primary key; returns (header, rows, origin by CSV row)."""
    header, rows = read_raw(spec)
    keys = spec.primary_key
    rows = [(row + [""] * len(header))[:len(header)] for row in rows]
    index = {tuple(row[header.index(k)] for k in keys): n for n, row in enumerate(rows)}
    origin: dict[int, FormRow] = {}
    for form_row in form_rows:
        key = tuple(form_row.cells.get(k, "") for k in keys)
        new = [form_row.cells.get(name, "") for name in header]
        if key in index:
            n = index[key]
            for column, (old_cell, new_cell) in enumerate(zip(rows[n], new, strict=True)):
                if not _same(old_cell, new_cell):
                    result.changed.append(Change(spec.name, key, header[column], old_cell, new_cell))
                    rows[n][column] = new_cell
        else:
            index[key] = n = len(rows)
            rows.append(new)
            result.added.append((spec.name, key))
        origin[n + 2] = form_row
    return header, rows, origin


def _relocate(problem: Problem, form: str, origins: dict[str, dict[int, FormRow]]) -> Problem:
    """A problem in the merged CSV, moved to the form cell it came from."""
    came_from = origins.get(problem.file, {}).get(problem.row or -1)
    if came_from is None:
        return problem
    return Problem(f"{form} › {came_from.sheet}", problem.rule, came_from.row, problem.column,
                   problem.value, problem.details, problem.severity)


def import_form(catalog: Catalog, path: Path) -> ImportResult:
    """Validate and merge the form at `path` into catalog.root; write nothing on any error."""
    report = Report()
    result = ImportResult(report)
    kecamatan, form = _read_form(Path(path), catalog, report)
    for dataset, rows in form.items():
        report.extend(_row_problems(catalog.resource(dataset), rows, kecamatan, Path(path).name))
    if not report.ok:
        return result
    merged: dict[str, bytes] = {}
    origins: dict[str, dict[int, FormRow]] = {}
    for dataset, rows in form.items():
        spec = catalog.resource(dataset)
        header, table, origin = _merge(spec, rows, result)
        try:
            data = dialect.write(spec, header, table)
        except UnicodeEncodeError as exc:
            report.add(Problem(f"{Path(path).name} › {dataset}", "pengkodean_tulis",
                               value=exc.object[exc.start:exc.end],
                               details={"batas": dialect.encoding(spec)}))
            continue
        if data != spec.file.read_bytes():
            merged[spec.relpath] = data
        origins[spec.relpath] = origin
    if not report.ok:
        return result
    with tempfile.TemporaryDirectory(prefix="impor-") as scratch:
        copy = Path(scratch) / "datasets"
        shutil.copytree(catalog.root, copy, symlinks=True)
        for relpath, data in merged.items():
            (copy / relpath).write_bytes(data)
        _, checked = validate_datasets(copy)
    report.extend(_relocate(p, Path(path).name, origins) for p in checked.problems)
    if report.ok:
        for relpath, data in sorted(merged.items()):
            _replace(catalog.root / relpath, data)
            result.written.append(relpath)
    return result


def _replace(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
