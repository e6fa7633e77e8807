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

import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..messages import Message
from ..project import Project
from ..refusal import system_details, system_words_of
from ..state import LOCK_WAIT, BuildBusy, CommitFailed, commit, waiting_lock
from ..validation import dialect
from ..validation.catalog import Catalog
from ..validation.check import finish_pending_import, validate_datasets
from ..validation.dialect import read_raw
from ..validation.frictionless_errors import REQUIRED
from ..validation.report import Problem, Report
from ..validation.rules import Kind, Rule
from ..validation.spec import ResourceSpec
from ..validation.uniqueness import DUPLICATE_KEY
from .form import NAME_KEY, belongs
from .workbook import Base, Form, FormRow, has_figures, read_form

HELPER_COLUMN = Rule("kolom_bantuan", Kind.DATA, Message(
    "Nilai {value!r} diketik di kolom bantuan nama wilayah, yang tidak diimpor (seharusnya "
    "{batas!r}).",
    "Value {value!r} was typed in the helper area-name column, which is not imported "
    "(expected {batas!r}).",
    "Pindahkan angka ke kolom yang benar; untuk mengganti wilayah, ubah kode di kolom kode "
    "wilayah. Kolom nama hanya bantuan.",
    "Move the figure to the right column; to change the area, change the code in the area "
    "code column. The name column is only a helper.",
))

OTHER_KECAMATAN = Rule("bukan_wilayah_formulir", Kind.DATA, Message(
    "Wilayah {value!r} bukan bagian dari kecamatan formulir ini ({batas}).",
    "Area {value!r} is not part of this form's kecamatan ({batas}).",
    "Satu formulir hanya untuk satu kecamatan: hapus baris ini, atau buat formulir untuk "
    "kecamatan yang benar dengan `monografi formulir --kecamatan KODE`.",
    "One form covers one kecamatan only: delete this row, or make a form for the right "
    "kecamatan with `monografi formulir --kecamatan CODE`.",
))

CONFLICT = Rule("konflik", Kind.DATA, Message(
    "Nilai ini sudah diubah di datasets/ sejak formulir dibuat: saat formulir dibuat {awal!r}, "
    "sekarang {kini!r}, di formulir diketik {value!r}.",
    "This value was changed in datasets/ since the form was made: when the form was made "
    "{awal!r}, now {kini!r}, typed in the form {value!r}.",
    "Tanyakan rekan yang mengubahnya. Bila nilai sekarang ({kini!r}) benar, ketik {awal!r} atau "
    "{kini!r} di sel ini; bila nilai Anda yang benar, ketik di formulir baru (`monografi "
    "formulir`). Tidak ada yang diimpor sampai ini jelas.",
    "Ask the colleague who changed it. If today's value ({kini!r}) is right, type {awal!r} or "
    "{kini!r} in this cell; if yours is right, type it in a fresh form (`monografi "
    "formulir`). Nothing is imported until this is settled.",
))

DELETED_CONFLICT = Rule("konflik_dihapus", Kind.DATA, Message(
    "Baris ini sudah dihapus dari datasets/ sejak formulir dibuat, tetapi nilainya diubah di "
    "formulir (diketik {value!r}).",
    "This row was deleted from datasets/ since the form was made, but the form changes it "
    "(typed {value!r}).",
    "Tanyakan rekan yang menghapusnya; bila baris memang harus ada, isi di formulir baru "
    "(`monografi formulir`).",
    "Ask the colleague who deleted it; if the row must exist, fill it in a fresh form "
    "(`monografi formulir`).",
))

OLD_FORM = Rule("formulir_lama", Kind.DATA, Message(
    "Formulir versi lama ini tidak mencatat nilai saat dibuat, dan nilainya ({value!r}) berbeda "
    "dengan datasets/ sekarang ({kini!r}): tidak dapat dipastikan mana yang lebih baru.",
    "This old-version form does not record the values it was made from, and its value "
    "({value!r}) differs from datasets/ today ({kini!r}): which one is newer cannot be told.",
    "Buat formulir baru dengan `monografi formulir` dan ketik perubahan Anda di sana, "
    "atau ketik {kini!r} di sel ini.",
    "Make a fresh form with `monografi formulir` and type your changes there, or type "
    "{kini!r} in this cell.",
))

IMPORT_BUSY = Rule("impor_sibuk", Kind.USAGE, Message(
    "Pembangunan situs atau impor lain sedang berjalan.",
    "A site build or another import is running.",
    "Tunggu sampai selesai lalu jalankan impor lagi; tidak ada yang diubah.",
    "Wait for it to finish and run the import again; nothing was changed.",
))

WRITE_FAILED = Rule("tulis_gagal", Kind.USAGE, Message(
    "Berkas {value!r} tidak dapat ditulis: {sebab}",
    "File {value!r} cannot be written: {sebab}",
    "{perbaikan} Tidak ada berkas di datasets/ yang diubah.",
    "{perbaikan} No file in datasets/ was changed.",
), words=system_words_of)  # disk full, permission, …: what happened and what to do

IMPORT_INTERRUPTED = Rule("impor_terputus", Kind.DATA, Message(
    "Impor terhenti setengah jalan dan berkas ini belum dapat dikembalikan.",
    "The import stopped half-way and this file could not be put back yet.",
    "Tutup program yang membuka berkas di datasets/, lalu jalankan `monografi impor` "
    "lagi: perubahan setengah jalan dibatalkan dulu secara otomatis.",
    "Close any program holding files in datasets/, then run `monografi impor` again: "
    "the half-done change is undone automatically first.",
))

UNENCODABLE = Rule("pengkodean_tulis", Kind.DATA, Message(
    "Karakter {value!r} tidak dapat disimpan dalam pengkodean {batas} berkas ini.",
    "Character {value!r} cannot be stored in this file's {batas} encoding.",
    "Ganti karakter itu, atau ubah pengkodean berkas menjadi utf-8 di datapackage.json.",
    "Replace the character, or switch the file's encoding to utf-8 in datapackage.json.",
))


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


def _same(old: str, new: str) -> bool:
    """Equal text, or equal numbers written differently (40.50 vs 40.5)."""
    if old == new:
        return True
    try:
        return Decimal(old) == Decimal(new)
    except InvalidOperation:
        return False


def _row_problems(spec: ResourceSpec, rows: list[FormRow], form: Form,
                  where: str) -> list[Problem]:
    """What the merge itself would hide: rows about other areas, one key filled twice, and
    text in the helper name column that is not the row's area name (a figure typed there)."""
    problems = []
    keys = spec.primary_key
    first: dict[tuple, int] = {}
    for row in rows:
        location = f"{where} › {row.sheet}"
        code = row.cells.get(spec.area_field or "", "")
        helper = row.cells.get(NAME_KEY, "")
        if helper and (not code or code in form.names) and helper != form.names.get(code):
            problems.append(Problem(location, HELPER_COLUMN, row.row, NAME_KEY, helper,
                                    {"batas": form.names.get(code, "")}))
        if not has_figures(spec, row):
            continue  # only the pre-filled key and name: nothing to import
        if not code:
            problems.append(Problem(location, REQUIRED, row.row, spec.area_field, code))
        elif not belongs(code, form.kecamatan):
            problems.append(Problem(location, OTHER_KECAMATAN, row.row, spec.area_field,
                                    code, {"batas": form.kecamatan}))
        key = tuple(row.cells.get(k, "") for k in keys)
        if key in first:
            problems.append(Problem(location, DUPLICATE_KEY, row.row, ", ".join(keys),
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
        if not has_figures(spec, form_row):
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
            result.report.extend(Problem(location, DELETED_CONFLICT, form_row.row, h, t)
                                 for h, t in edits)  # unchanged rows deleted since stay deleted
            continue
        n = index[key]
        for column, name in enumerate(header):
            now, new = rows[n][column], typed[column]
            if _same(now, new):
                continue
            if recorded is None:
                result.report.add(Problem(location, OLD_FORM, form_row.row, name, new,
                                          {"kini": now}))
                continue
            was = (then or {}).get(name, "")
            if _same(new, was):
                continue  # not edited in the form: today's value stays
            if not _same(now, was):
                result.report.add(Problem(location, CONFLICT, form_row.row, name, new,
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
                   problem.value, problem.details)


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
        result.report.add(Problem(path.name, IMPORT_BUSY))
    except OSError as exc:  # e.g. the state dir (lock, staging) cannot be written
        where = str(exc.filename or project.state)
        result.report.add(Problem(where, WRITE_FAILED, value=where, details=system_details(exc)))
    return result


def _import_locked(catalog: Catalog, path: Path, project: Project, result: ImportResult) -> None:
    report = result.report
    name = path.name
    form = read_form(path, catalog, report)
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
            report.add(Problem(f"{name} › {dataset}", UNENCODABLE,
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
        _, checked = validate_datasets(copy, origin=catalog.root)
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
        problems = [Problem(exc.relpath, WRITE_FAILED, value=exc.relpath,
                            details=system_details(exc.reason))]
        return problems + ([] if exc.rolled_back else [Problem(exc.relpath, IMPORT_INTERRUPTED)])
    return []
