"""Import a filled-in form: same rules as `check`, then merge into datasets/*.csv — or nothing.

The merge is three-way per cell, against the values the form recorded when it was made: a cell
the person left alone keeps today's value, a cell they changed is written, and a cell changed
both in the form and in datasets/ since is a conflict that stops the import (an old form must
never revert a colleague's correction). The merged tables are validated as a whole in a scratch
copy; only then are the real files replaced, all or none (see `commit_files`). Everything from
reading datasets/ to the last replace runs under the build's lock, so two imports never both
merge into the same old file. Problems point at the form (sheet, Excel row, column), because
that is what staff have open. Rows of other kecamatan are never touched.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..project import Project
from ..refusal import system_details
from ..state import LOCK_WAIT, BuildBusy, CommitFailed, commit, waiting_lock
from ..validation import dialect
from ..validation.catalog import Catalog, ResourceSpec
from ..validation.check import finish_pending_import, validate_datasets
from ..validation.dialect import read_raw
from ..validation.report import Problem, Report
from .form import (
    BASE_SHEET,
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HELPER_PREFIX,
    LIST_SHEET,
    META_SHEET,
    NAME_KEY,
    FormError,
    areas_of,
    belongs,
    form_datasets,
)

INT64_MAX = 2**63 - 1  # what an integer column can hold anywhere the data goes next
_INTEGER = re.compile(r"-?\d+")


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


# dataset -> primary key -> column -> value when the form was made; None: an old form (no record)
Base = dict[str, dict[tuple[str, ...], dict[str, str]]] | None


@dataclass
class Form:
    kecamatan: str
    names: dict[str, str]  # area code -> the name the helper column shows
    rows: dict[str, list[FormRow]]
    base: Base


def _has_figures(spec: ResourceSpec, row: FormRow) -> bool:
    """Anything typed besides the pre-filled key, period and helper name."""
    marks = {*spec.primary_key, spec.period_field, NAME_KEY}
    return any(v for k, v in row.cells.items() if k not in marks)


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


def _kind_of_file(path: Path) -> str:
    """What a file that openpyxl cannot open really is, for the message (never its English)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    found = next((kind for sig, kind in dialect.BINARY_SIGNATURES.items() if head.startswith(sig)),
                 None)
    return {"xlsx/zip": "zip/xlsx rusak", "xls": "Excel 97-2003 (.xls)"}.get(found, found or "teks/CSV")


def _open(path: Path, report: Report):
    """(values, formulas) workbooks, or (None, None) after reporting why the file is no form.
    openpyxl's own English warnings and errors never reach staff."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=True), load_workbook(path, data_only=False)
    except Exception:  # noqa: BLE001 - any parser failure on a staff file is "not an .xlsx"
        report.add(Problem(path.name, "bukan_xlsx", value=path.name,
                           details={"batas": _kind_of_file(path)}))
        return None, None


def _read_form(path: Path, catalog: Catalog, report: Report) -> Form | None:
    where = path.name
    workbook, formulas = _open(path, report)
    if workbook is None:
        return None
    if META_SHEET not in workbook.sheetnames:
        report.add(Problem(where, "formulir", value=f"lembar {META_SHEET!r} tidak ada"))
        return None
    meta = [(r[0], r[1]) for r in workbook[META_SHEET].iter_rows(values_only=True, max_col=2)]
    kecamatan = next((str(v) for k, v in meta if k == "kecamatan"), "")
    try:
        names = {a.code: a.name for found in areas_of(catalog, kecamatan).values() for a in found}
    except FormError:
        report.add(Problem(where, "formulir", value=f"kecamatan {kecamatan!r}"))
        return None
    version = next((str(v) for k, v in meta if k == "versi"), "1")
    base = None if version == "1" else _read_base(workbook, where, kecamatan, report)
    sheets = dict(str(v).split("\t", 1) for k, v in meta if k == "lembar" and "\t" in str(v))
    known = {spec.name for spec in form_datasets(catalog)}
    rows: dict[str, list[FormRow]] = {}
    for sheet_name, dataset in sheets.items():
        if dataset not in known or sheet_name not in workbook.sheetnames:
            report.add(Problem(where, "formulir_lembar", value=sheet_name,
                               details={"kecamatan": kecamatan}))
            continue
        rows[dataset] = _sheet_rows(workbook[sheet_name], formulas[sheet_name],
                                    catalog.resource(dataset), f"{where} › {sheet_name}",
                                    kecamatan, report)
    own = {*sheets, GUIDE_SHEET, LIST_SHEET, META_SHEET, BASE_SHEET}
    for sheet in workbook.worksheets:
        if sheet.title not in own and any(v is not None for row in sheet.iter_rows(values_only=True)
                                          for v in row):
            report.add(Problem(where, "lembar_lain", value=sheet.title, severity="warning"))
    return Form(kecamatan, names, rows, base)


def _read_base(workbook, where: str, kecamatan: str, report: Report) -> Base:
    """The values the form was made from (formulir._base)."""
    if BASE_SHEET not in workbook.sheetnames:
        report.add(Problem(where, "formulir_lembar", value=BASE_SHEET,
                           details={"kecamatan": kecamatan}))
        return {}
    base: dict = {}
    try:
        for dataset, key, column, value in workbook[BASE_SHEET].iter_rows(min_row=2, max_col=4,
                                                                         values_only=True):
            row = base.setdefault(str(dataset), {}).setdefault(tuple(json.loads(str(key))), {})
            row[str(column)] = "" if value is None else str(value)
    except (ValueError, TypeError):
        report.add(Problem(where, "formulir_lembar", value=BASE_SHEET,
                           details={"kecamatan": kecamatan}))
    return base


def _sheet_rows(sheet, formulas, spec: ResourceSpec, location: str, kecamatan: str,
                report: Report) -> list[FormRow]:
    """The sheet's filled rows; everything typed where `impor` would not read it is reported."""
    keys = [str(c or "").strip() for c in next(sheet.iter_rows(min_row=2, max_row=2,
                                                                values_only=True), ())]
    kinds = {f["name"]: f.get("type", "string") for f in spec.fields}
    hint = {"kecamatan": kecamatan}
    bad = [(get_column_letter(n), k) for n, k in enumerate(keys, start=1)
           if k and (keys.index(k) != n - 1 or not (k.startswith(HELPER_PREFIX) or k in kinds))]
    bad += [(None, k) for k in kinds if k not in keys]
    for cell, key in bad:
        report.add(Problem(location, "formulir_kode", 2, cell, key, hint))
    if bad:
        return []
    unsaved = {(c.row, c.column) for row in formulas.iter_rows(min_row=FIRST_DATA_ROW)
               for c in row if c.data_type == "f"}
    found = []
    for number, values in enumerate(sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True),
                                    start=FIRST_DATA_ROW):
        cells: dict[str, str] = {}
        for index, value in enumerate(values, start=1):
            key = keys[index - 1] if index <= len(keys) else ""
            column = key or get_column_letter(index)
            if value is None and (number, index) in unsaved:
                report.add(Problem(location, "rumus_tanpa_nilai", number, column,
                                   str(formulas.cell(number, index).value)))
            elif value is None or value == "":
                continue
            elif key in kinds:
                cells[key] = _text(value, kinds[key])
                if kinds[key] == "integer" and _INTEGER.fullmatch(cells[key]) \
                        and abs(int(cells[key])) > INT64_MAX:
                    report.add(Problem(location, "maksimum", number, key, cells[key],
                                       {"batas": INT64_MAX}))
            elif not key:
                report.add(Problem(location, "di_luar_tabel", number, column, _text(value, "")))
            elif key == NAME_KEY:
                cells[key] = _text(value, "string")
        row = FormRow(sheet.title, number, cells)
        if _has_figures(spec, row) or NAME_KEY in cells:
            found.append(row)
    return found


def _row_problems(spec: ResourceSpec, rows: list[FormRow], form: Form,
                  where: str) -> list[Problem]:
    """What the merge itself would hide: rows about other areas, one key filled twice, and
    text in the helper name column that is not the row's area name (a figure typed there)."""
    problems = []
    keys = spec.primary_key
    first: dict[tuple, int] = {}
    for row in rows:
        location = f"{where} › {row.sheet}"
        code = row.cells.get(spec.area_field, "")
        helper = row.cells.get(NAME_KEY, "")
        if helper and (not code or code in form.names) and helper != form.names.get(code):
            problems.append(Problem(location, "kolom_bantuan", row.row, NAME_KEY, helper,
                                    {"batas": form.names.get(code, "")}))
        if not _has_figures(spec, row):
            continue  # only the pre-filled key and name: nothing to import
        if not code:
            problems.append(Problem(location, "wajib", row.row, spec.area_field, code))
        elif not belongs(code, form.kecamatan):
            problems.append(Problem(location, "bukan_wilayah_formulir", row.row, spec.area_field,
                                    code, {"batas": form.kecamatan}))
        key = tuple(row.cells.get(k, "") for k in keys)
        if key in first:
            problems.append(Problem(location, "kunci_ganda", row.row, ", ".join(keys),
                                    " / ".join(key), {"batas": " + ".join(keys)}))
        first.setdefault(key, row.row)
    return problems


def _merge(spec: ResourceSpec, form_rows: list[FormRow], base: Base, result: ImportResult,
           where: str):
    """Current rows merged per cell with the form against its base (see the module docstring);
    returns (header, rows, origin by CSV row). Conflicts go to the report, and keep today's value."""
    header, rows = read_raw(spec)
    keys = spec.primary_key
    rows = [(row + [""] * len(header))[:len(header)] for row in rows]
    index = {tuple(row[header.index(k)] for k in keys): n for n, row in enumerate(rows)}
    origin: dict[int, FormRow] = {}
    recorded = None if base is None else base.get(spec.name, {})
    for form_row in form_rows:
        if not _has_figures(spec, form_row):
            continue
        key = tuple(form_row.cells.get(k, "") for k in keys)
        typed = [form_row.cells.get(name, "") for name in header]
        then = None if recorded is None else recorded.get(key)
        location = f"{where} › {form_row.sheet}"
        if key not in index:
            if then is None:
                index[key] = n = len(rows)
                rows.append(typed)
                result.added.append((spec.name, key))
                origin[n + 2] = form_row
                continue
            edits = [(h, t) for h, t in zip(header, typed, strict=True)
                     if h not in keys and not _same(t, then.get(h, ""))]
            result.report.extend(Problem(location, "konflik_dihapus", form_row.row, h, t)
                                 for h, t in edits)  # unchanged rows deleted since stay deleted
            continue
        n = index[key]
        for column, name in enumerate(header):
            now, new = rows[n][column], typed[column]
            if _same(now, new):
                continue
            if recorded is None:
                result.report.add(Problem(location, "formulir_lama", form_row.row, name, new,
                                          {"kini": now}))
                continue
            was = (then or {}).get(name, "")
            if _same(new, was):
                continue  # not edited in the form: today's value stays
            if not _same(now, was):
                result.report.add(Problem(location, "konflik", form_row.row, name, new,
                                          {"awal": was, "kini": now}))
                continue
            result.changed.append(Change(spec.name, key, name, now, new))
            rows[n][column] = new
        origin[n + 2] = form_row
    return header, rows, origin


def _relocate(problem: Problem, form: str, origins: dict[str, dict[int, FormRow]]) -> Problem:
    """A problem in the merged CSV, moved to the form cell it came from."""
    came_from = origins.get(problem.file, {}).get(problem.row or -1)
    if came_from is None:
        return problem
    return Problem(f"{form} › {came_from.sheet}", problem.rule, came_from.row, problem.column,
                   problem.value, problem.details, problem.severity)


def import_form(catalog: Catalog, path: Path, wait: float = LOCK_WAIT) -> ImportResult:
    """Validate and merge the form at `path` into catalog.root; write nothing on any error.
    The lock and the staged files are those of the project holding catalog.root: the build's
    lock is shared, whatever --output the build uses."""
    path = Path(path)
    result = ImportResult(Report())
    project = Project.of_datasets(catalog.root)
    try:
        with waiting_lock(project.state, wait):
            result.report.extend(finish_pending_import(project))
            if result.report.ok:
                _import_locked(catalog, path, project, result)
    except BuildBusy:
        result.report.add(Problem(path.name, "impor_sibuk"))
    except OSError as exc:  # e.g. the state dir (lock, staging) cannot be written
        where = str(exc.filename or project.state)
        result.report.add(Problem(where, "tulis_gagal", value=where, details=system_details(exc)))
    return result


def _import_locked(catalog: Catalog, path: Path, project: Project, result: ImportResult) -> None:
    report = result.report
    name = path.name
    form = _read_form(path, catalog, report)
    if form is None:
        return
    for dataset, rows in form.rows.items():
        report.extend(_row_problems(catalog.resource(dataset), rows, form, name))
    if not report.ok:
        return
    merged: dict[str, bytes] = {}
    origins: dict[str, dict[int, FormRow]] = {}
    for dataset, rows in form.rows.items():
        spec = catalog.resource(dataset)
        header, table, origin = _merge(spec, rows, form.base, result, name)
        try:
            data = dialect.write(spec, header, table)
        except UnicodeEncodeError as exc:
            report.add(Problem(f"{name} › {dataset}", "pengkodean_tulis",
                               value=exc.object[exc.start:exc.end],
                               details={"batas": dialect.encoding(spec)}))
            continue
        if data != spec.file.read_bytes():
            merged[spec.relpath] = data
        origins[spec.relpath] = origin
    if not report.ok:
        return
    with tempfile.TemporaryDirectory(prefix="impor-") as scratch:
        copy = Project(scratch).datasets
        shutil.copytree(catalog.root, copy, symlinks=True)
        for relpath, data in merged.items():
            (copy / relpath).write_bytes(data)
        _, checked = validate_datasets(copy)
    report.extend(_relocate(p, name, origins) for p in checked.problems)
    if report.ok and merged:
        report.extend(commit_files(project, merged))
        if report.ok:
            result.written = sorted(merged)


def commit_files(project: Project, files: dict[str, bytes]) -> list[Problem]:
    """state.commit (all files or none, under the lock), its failure said to staff: which file
    could not be replaced, and whether the files before it still wait to be given back."""
    try:
        commit(project, files)
    except CommitFailed as exc:
        problems = [Problem(exc.relpath, "tulis_gagal", value=exc.relpath,
                            details=system_details(exc.reason))]
        return problems + ([] if exc.rolled_back else [Problem(exc.relpath, "impor_terputus")])
    return []
