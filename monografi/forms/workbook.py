"""Read a filled-in form back: its rows per table, the values it was made from, its mistakes.

Everything typed where `impor` would not read it (outside the table, in the helper name column,
on a sheet of one's own, a formula without a saved value) is reported at its cell, because an
import that silently dropped a figure would be worse than one that refuses. openpyxl's own
English warnings and errors never reach staff: a file it cannot open is named for what it is.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..messages import Message
from ..validation import decoding
from ..validation.catalog import Catalog
from ..validation.frictionless_errors import ABOVE_MAXIMUM
from ..validation.report import Problem, Report
from ..validation.rules import Kind, Rule, looked_up
from ..validation.spec import ResourceSpec
from . import limits
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
    form_datasets,
)

INT64_MAX = 2**63 - 1  # what an integer column can hold anywhere the data goes next
_INTEGER = re.compile(r"-?\d+")
TEXT = "text"  # a file with no binary signature: most likely a CSV renamed .xlsx
ENCRYPTED = "encrypted"  # an .xlsx saved with a password: Excel wraps it in an OLE file
# The OLE directory entries (names in UTF-16 LE) of a password-protected Office document.
ENCRYPTED_STREAMS = tuple(name.encode("utf-16-le") for name in ("EncryptionInfo", "EncryptedPackage"))
# What a file that is no workbook looks like (decoding.signature, or TEXT), in words.
FILE_KINDS = {"xlsx/zip": Message("zip/xlsx rusak", "damaged zip/xlsx"),
              "xls": Message("Excel 97-2003 (.xls)", "Excel 97-2003 (.xls)"),
              TEXT: Message("teks/CSV", "text/CSV")}
NO_SHEET = Message("lembar {sheet!r} tidak ada", "sheet {sheet!r} is missing")


def _form_words(details: dict, lang: str) -> dict:
    """Why the workbook is no form: its settings sheet is gone, or it names no known kecamatan."""
    if "lembar" in details:
        return {"alasan": NO_SHEET.text(lang).format(sheet=details["lembar"])}
    return {"alasan": f"kecamatan {details['kecamatan']!r}"}


NOT_XLSX = Rule("bukan_xlsx", Kind.USAGE, Message(
    "Berkas {value!r} bukan berkas .xlsx; simpan sebagai Excel Workbook (.xlsx). Terbaca "
    "sebagai: {batas}.",
    "{value!r} is not an .xlsx file; save it as Excel Workbook (.xlsx). It looks like: {batas}.",
    "Buka berkas di Excel atau LibreOffice, pilih Simpan Sebagai → Excel Workbook (.xlsx), lalu "
    "impor berkas .xlsx itu. Mengganti nama berkas saja tidak cukup.",
    "Open it in Excel or LibreOffice, choose Save As → Excel Workbook (.xlsx), then import that "
    ".xlsx file. Renaming the file is not enough.",
), words=looked_up("batas", FILE_KINDS))

PASSWORD = Rule("xlsx_kata_sandi", Kind.USAGE, Message(
    "Berkas {value!r} dilindungi kata sandi (terenkripsi), sehingga isinya tidak dapat dibaca.",
    "{value!r} is protected by a password (encrypted), so its contents cannot be read.",
    "Buka berkas di Excel, pilih File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, "
    "kosongkan kata sandinya, simpan, lalu impor lagi.",
    "Open it in Excel, choose File → Info → Protect Workbook → Encrypt with Password, clear the "
    "password, save, then import it again.",
))

NOT_A_FORM = Rule("formulir", Kind.USAGE, Message(
    "Berkas ini bukan formulir isian Monografi yang dapat diimpor: {alasan}",
    "This file is not an importable Monografi form: {alasan}",
    "Buat formulir baru dengan `monografi formulir --kecamatan KODE`, salin angkanya, "
    "dan jangan mengubah nama lembar maupun baris kode kolom (baris 2).",
    "Make a new form with `monografi formulir --kecamatan CODE`, copy the figures in, "
    "and do not rename sheets or change the column-code row (row 2).",
), words=_form_words)

MISSING_SHEET = Rule("formulir_lembar", Kind.USAGE, Message(
    "Lembar {value!r} formulir tidak ditemukan (namanya diubah atau lembarnya dihapus).",
    "The form's sheet {value!r} is missing (renamed or deleted).",
    "Kembalikan nama lembar menjadi {value!r}, atau unduh formulir baru dengan `monografi "
    "formulir --kecamatan {kecamatan}` lalu salin angka Anda ke sana.",
    "Rename the sheet back to {value!r}, or make a fresh form with `monografi formulir "
    "--kecamatan {kecamatan}` and copy your figures into it.",
))

CHANGED_CODES = Rule("formulir_kode", Kind.USAGE, Message(
    "Kode kolom {value!r} di baris 2 diubah, digandakan, atau hilang.",
    "Column code {value!r} in row 2 was changed, duplicated or removed.",
    "Baris 2 (kode kolom abu-abu) harus tetap seperti semula: kembalikan isinya, atau unduh "
    "formulir baru dengan `monografi formulir --kecamatan {kecamatan}` lalu salin angka "
    "Anda ke sana.",
    "Row 2 (the grey column codes) must stay as it was: restore it, or make a fresh form with "
    "`monografi formulir --kecamatan {kecamatan}` and copy your figures into it.",
))

OTHER_SHEET = Rule("lembar_lain", Kind.DATA, Message(
    "Lembar {value!r} bukan bagian dari formulir; isinya tidak diimpor.",
    "Sheet {value!r} is not part of the form; its contents are not imported.",
    "Bila angkanya harus diimpor, pindahkan ke lembar tabel yang sesuai; bila hanya catatan "
    "kerja, abaikan peringatan ini.",
    "If its figures must be imported, move them to the matching table sheet; if it is only a "
    "working note, ignore this warning.",
), severity="warning")

UNSAVED_FORMULA = Rule("rumus_tanpa_nilai", Kind.DATA, Message(
    "Sel ini berisi rumus tanpa nilai tersimpan ({value}).",
    "This cell holds a formula without a saved value ({value}).",
    "rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel/LibreOffice, atau ketik "
    "angkanya.",
    "formula without a saved value: open and save the file again in Excel/LibreOffice, or type "
    "the figure.",
))

OUTSIDE_TABLE = Rule("di_luar_tabel", Kind.DATA, Message(
    "Nilai {value!r} diketik di luar tabel formulir (kolom tanpa kode di baris 2) dan tidak "
    "akan diimpor.",
    "Value {value!r} was typed outside the form's table (a column without a code in row 2) "
    "and would not be imported.",
    "Pindahkan nilai ke kolom yang benar di tabel, atau hapus sel ini.",
    "Move the value into the right column of the table, or clear this cell.",
))


@dataclass
class FormRow:
    sheet: str
    row: int  # Excel row number
    cells: dict[str, str]


# dataset -> primary key -> column -> value when the form was made; None: an old form (no record)
Base = dict[str, dict[tuple[str, ...], dict[str, str]]] | None


@dataclass
class Form:
    kecamatan: str
    names: dict[str, str]  # area code -> the name the helper column shows
    rows: dict[str, list[FormRow]]
    base: Base


def has_figures(spec: ResourceSpec, row: FormRow) -> bool:
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


def _kind_of_file(path: Path) -> str:
    """What a file that openpyxl cannot open really is, for the message (never its English).

    A password-protected .xlsx is an OLE file like an old .xls; what tells them apart is its
    EncryptionInfo and EncryptedPackage streams (MS-OFFCRYPTO), named in the OLE directory."""
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
            kind = decoding.signature(head) or TEXT
            rest = stream.read(limits.MAX_FORM_BYTES) if kind == "xls" else b""  # size checked before
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return ENCRYPTED if rest and all(name in rest for name in ENCRYPTED_STREAMS) else kind


def _not_a_workbook(path: Path) -> Problem:
    """Why openpyxl cannot open `path`, in staff's words: a password, or what the file is."""
    kind = _kind_of_file(path)
    if kind == ENCRYPTED:
        return Problem(path.name, PASSWORD, value=path.name)
    return Problem(path.name, NOT_XLSX, value=path.name, details={"batas": kind})


def _open(path: Path, report: Report):
    """(values, formulas) workbooks, read streaming (openpyxl read_only), or (None, None) after
    reporting why the file is no form. openpyxl's own English warnings and errors never reach
    staff."""
    workbooks = []
    try:
        for data_only in (True, False):
            workbooks.append(load_workbook(path, read_only=True, data_only=data_only))
        return workbooks
    except Exception:  # noqa: BLE001 - any parser failure on a staff file is "not an .xlsx"
        for workbook in workbooks:
            workbook.close()
        report.add(_not_a_workbook(path))
        return None, None


def read_form(path: Path, catalog: Catalog, report: Report) -> Form | None:
    """The form at `path`, or None with the reason in `report`; a form over the size limits
    (forms.limits) is refused before openpyxl reads more than the limit."""
    try:
        limits.check_form_size(path)
    except limits.OverLimit as over:
        report.add(over.problem)
        return None
    with warnings.catch_warnings():  # openpyxl warns while it streams, too
        warnings.simplefilter("ignore")
        return _stream(path, catalog, report)


def _stream(path: Path, catalog: Catalog, report: Report) -> Form | None:
    workbook, formulas = _open(path, report)
    if workbook is None:
        return None
    budget = limits.Budget(path, limits.MAX_SHEET_ROWS, limits.MAX_FORM_CELLS)
    seen = len(report.problems)
    try:
        return _read(path, workbook, formulas, budget, catalog, report)
    except limits.OverLimit as over:
        del report.problems[seen:]  # what was found before the limit is only its symptom
        report.add(over.problem)
        return None
    except Exception:  # noqa: BLE001 - XML openpyxl cannot parse, met while streaming
        report.add(_not_a_workbook(path))
        return None
    finally:
        workbook.close()
        formulas.close()


def _read(path: Path, workbook, formulas, budget: limits.Budget, catalog: Catalog,
          report: Report) -> Form | None:
    where = path.name
    if META_SHEET not in workbook.sheetnames:
        report.add(Problem(where, NOT_A_FORM, value=META_SHEET, details={"lembar": META_SHEET}))
        return None
    meta = [(r[0], r[1]) if len(r) > 1 else (r[0] if r else None, None)
            for r in budget.rows(workbook[META_SHEET].iter_rows(values_only=True, max_col=2))]
    kecamatan = next((str(v) for k, v in meta if k == "kecamatan"), "")
    try:
        names = {a.code: a.name for found in areas_of(catalog, kecamatan).values() for a in found}
    except FormError:
        report.add(Problem(where, NOT_A_FORM, value=kecamatan, details={"kecamatan": kecamatan}))
        return None
    version = next((str(v) for k, v in meta if k == "versi"), "1")
    base = None if version == "1" else _read_base(workbook, where, kecamatan, budget, report)
    sheets = dict(str(v).split("\t", 1) for k, v in meta if k == "lembar" and "\t" in str(v))
    known = {spec.name for spec in form_datasets(catalog)}
    rows: dict[str, list[FormRow]] = {}
    for sheet_name, dataset in sheets.items():
        if dataset not in known or sheet_name not in workbook.sheetnames:
            report.add(Problem(where, MISSING_SHEET, value=sheet_name,
                               details={"kecamatan": kecamatan}))
            continue
        rows[dataset] = _sheet_rows(workbook[sheet_name], formulas[sheet_name],
                                    catalog.resource(dataset), f"{where} › {sheet_name}",
                                    kecamatan, budget, report)
    own = {*sheets, GUIDE_SHEET, LIST_SHEET, META_SHEET, BASE_SHEET}
    for sheet in workbook.worksheets:
        if sheet.title not in own and any(
                v is not None for row in budget.rows(sheet.iter_rows(values_only=True))
                for v in row):
            report.add(Problem(where, OTHER_SHEET, value=sheet.title))
    return Form(kecamatan, names, rows, base)


def _read_base(workbook, where: str, kecamatan: str, budget: limits.Budget,
               report: Report) -> Base:
    """The values the form was made from (formulir._base)."""
    if BASE_SHEET not in workbook.sheetnames:
        report.add(Problem(where, MISSING_SHEET, value=BASE_SHEET,
                           details={"kecamatan": kecamatan}))
        return {}
    base: dict = {}
    try:
        for dataset, key, column, value in budget.rows(
                workbook[BASE_SHEET].iter_rows(min_row=2, max_col=4, values_only=True)):
            row = base.setdefault(str(dataset), {}).setdefault(tuple(json.loads(str(key))), {})
            row[str(column)] = "" if value is None else str(value)
    except (ValueError, TypeError):
        report.add(Problem(where, MISSING_SHEET, value=BASE_SHEET,
                           details={"kecamatan": kecamatan}))
    return base


def _sheet_rows(sheet, formulas, spec: ResourceSpec, location: str, kecamatan: str,
                budget: limits.Budget, report: Report) -> list[FormRow]:
    """The sheet's filled rows, streamed; everything typed where `impor` would not read it is
    reported."""
    keys = [str(c or "").strip() for c in next(sheet.iter_rows(min_row=2, max_row=2,
                                                                values_only=True), ())]
    kinds = {f["name"]: f.get("type", "string") for f in spec.fields}
    hint = {"kecamatan": kecamatan}
    bad = [(get_column_letter(n), k) for n, k in enumerate(keys, start=1)
           if k and (keys.index(k) != n - 1 or not (k.startswith(HELPER_PREFIX) or k in kinds))]
    bad += [(None, k) for k in kinds if k not in keys]
    for cell, key in bad:
        report.add(Problem(location, CHANGED_CODES, 2, cell, key, hint))
    if bad:
        return []
    found = []
    streams = zip(budget.rows(sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True)),
                  formulas.iter_rows(min_row=FIRST_DATA_ROW, values_only=True), strict=False)
    for number, (values, written) in enumerate(streams, start=FIRST_DATA_ROW):
        cells: dict[str, str] = {}
        for index, value in enumerate(values, start=1):
            key = keys[index - 1] if index <= len(keys) else ""
            column = key or get_column_letter(index)
            formula = written[index - 1] if index <= len(written) else None
            if value is None and isinstance(formula, str) and formula.startswith("="):
                report.add(Problem(location, UNSAVED_FORMULA, number, column, formula))
            elif value is None or value == "":
                continue
            elif key in kinds:
                cells[key] = _text(value, kinds[key])
                if kinds[key] == "integer" and _INTEGER.fullmatch(cells[key]) \
                        and abs(int(cells[key])) > INT64_MAX:
                    report.add(Problem(location, ABOVE_MAXIMUM, number, key, cells[key],
                                       {"batas": INT64_MAX}))
            elif not key:
                report.add(Problem(location, OUTSIDE_TABLE, number, column, _text(value, "")))
            elif key == NAME_KEY:
                cells[key] = _text(value, "string")
        row = FormRow(sheet.title, number, cells)
        if has_figures(spec, row) or NAME_KEY in cells:
            found.append(row)
    return found
