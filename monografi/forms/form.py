"""Fill-in forms (formulir isian): one XLSX per kecamatan, generated from the schemas.

Staff know Excel, not CSV dialects or Table Schemas. The form carries the schema into Excel:
codes and names pre-filled, units in the headers, data validation for whole numbers and
drop-down lists, the figures already published so they can be corrected, and an instruction
sheet. Row 2 of each sheet holds the column codes `impor` reads back, and a hidden sheet
records which kecamatan the form is for, so an import can never touch another kecamatan.
A second, protected hidden sheet records the values the form was made from: `impor` merges
per cell against them, so an old form never reverts a figure corrected since.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..exports.xlsx import workbook_bytes
from ..project import Project
from ..refusal import Refused
from ..safe_write import write_atomic
from ..state import no_turning_back
from ..text_cells import keep_text
from ..validation.catalog import Catalog
from ..validation.dialect import read_raw
from ..validation.spec import ResourceSpec

META_SHEET = "_formulir"
BASE_SHEET = "_dasar"
LIST_SHEET = "_daftar"
GUIDE_SHEET = "Petunjuk"
HELPER_PREFIX = "#"
NAME_KEY = "#nama"
FIRST_DATA_ROW = 3
SPARE_ROWS = 200
FORM_VERSION = "2"  # 2: records the values it was made from (BASE_SHEET)
FIXED_TIME = datetime.datetime(2000, 1, 1)  # identical bytes for identical input
SOURCE_COLUMN = "sumber"
COMMAND = "monografi"  # the console script; `python -m monografi` is the same command
_HEADER = PatternFill("solid", fgColor="DDEBF7")
_CODES = Font(italic=True, color="808080", size=8)


class FormError(ValueError):
    """The form cannot be made (unknown kecamatan); the message is for staff."""


class TargetError(Refused, FormError):
    """The form may not be written where asked."""


@dataclass
class FormArea:
    code: str
    name: str


def form_datasets(catalog: Catalog) -> list[ResourceSpec]:
    """Topic tables staff fill per kecamatan: those about a kecamatan or its desa."""
    return [s for s in catalog.resources if not s.is_master and s.level in ("kecamatan", "desa")]


def _master(catalog: Catalog, level: str) -> list[dict]:
    header, rows = read_raw(catalog.resource(level))
    return [dict(zip(header, row, strict=False)) for row in rows]


def areas_of(catalog: Catalog, kecamatan: str) -> dict[str, list[FormArea]]:
    """{'kecamatan': [that kecamatan], 'desa': [its desa]} from the master lists."""
    kec = [FormArea(r["kode_kecamatan"], r.get("nama_kecamatan", ""))
           for r in _master(catalog, "kecamatan") if r["kode_kecamatan"] == kecamatan]
    if not kec:
        raise FormError(kecamatan)
    desa = [FormArea(r["kode_desa"], f"{r.get('jenis', '').capitalize()} {r.get('nama_desa', '')}".strip())
            for r in _master(catalog, "desa") if r.get("kode_kecamatan") == kecamatan]
    return {"kecamatan": kec, "desa": sorted(desa, key=lambda a: a.code)}


def belongs(code: str, kecamatan: str) -> bool:
    return code == kecamatan or code.startswith(kecamatan + ".")


def header_label(raw: dict) -> str:
    title = raw.get("title", raw["name"])
    unit = raw.get("satuan")
    required = " *" if raw.get("constraints", {}).get("required") else ""
    return f"{title} ({unit}){required}" if unit else f"{title}{required}"


def columns(spec: ResourceSpec) -> list[dict]:
    """The form's columns: area code, the helper name column, then the schema's other fields."""
    area = spec.area_field
    fields = spec.fields
    first = [f for f in fields if f["name"] == area]
    helper = {"name": NAME_KEY, "title": "Nama wilayah (bantuan, tidak diimpor)", "type": "string"}
    return first + [helper] + [f for f in fields if f["name"] != area]


def _category_fields(spec: ResourceSpec) -> list[dict]:
    """Enumerated key columns (e.g. jenjang): a new period gets one row per choice."""
    keys = set(spec.primary_key) - {spec.area_field, spec.period_field}
    return [f for f in spec.fields if f["name"] in keys and f.get("constraints", {}).get("enum")]


def _period_fits(spec: ResourceSpec, periode: str | None) -> bool:
    if not periode or not spec.period_field:
        return False
    raw = next(f for f in spec.fields if f["name"] == spec.period_field)
    pattern = raw.get("constraints", {}).get("pattern")
    return pattern is None or re.fullmatch(pattern, periode) is not None


def form_rows(spec: ResourceSpec, areas: list[FormArea], periode: str | None) -> tuple[list[dict],
                                                                               list[dict]]:
    """(Existing rows of these areas, pre-filled empty rows to fill in)."""
    header, rows = read_raw(spec)
    codes = {a.code for a in areas}
    existing = [dict(zip(header, row, strict=False)) for row in rows]
    area_key = spec.area_field or ""  # form datasets are about a kecamatan or its desa
    existing = [r for r in existing if r.get(area_key) in codes]
    existing.sort(key=lambda r: (r[area_key], r.get(spec.period_field or "", "")))
    period = periode if _period_fits(spec, periode) else ""
    combos: list[dict] = [{}]
    for raw in _category_fields(spec):
        combos = [c | {raw["name"]: choice} for c in combos for choice in raw["constraints"]["enum"]]
    wanted_keys = [spec.area_field, spec.period_field, *(f["name"] for f in _category_fields(spec))]
    have = {tuple(r.get(k or "", "") for k in wanted_keys) for r in existing}
    fresh = []
    for area in areas:
        for combo in combos:
            row = {spec.area_field: area.code, **combo}
            if spec.period_field:
                row[spec.period_field] = period
            if not period or tuple(row.get(k or "", "") for k in wanted_keys) not in have:
                fresh.append(row)
    return existing, fresh


def _cell_value(raw: dict, text: str):
    if text == "":
        return None
    kind = raw.get("type", "string")
    if kind == "integer":
        return int(text)
    if kind == "number":
        value = Decimal(text)
        return int(value) if value == value.to_integral_value() else float(value)
    return text


def _validation(sheet, raw: dict, column: str, lists: dict[str, str]) -> DataValidation | None:
    kind = raw.get("type", "string")
    constraints = raw.get("constraints", {})
    cells = f"{column}{FIRST_DATA_ROW}:{column}{sheet.max_row + SPARE_ROWS}"
    title = raw.get("title", raw["name"])[:32]
    if raw["name"] == SOURCE_COLUMN and SOURCE_COLUMN in lists:
        # A warning, not a stop: a source registered in sumber.csv after the form was made is
        # valid at import time (`impor` checks against the current table).
        rule = DataValidation(type="list", formula1=lists[raw["name"]], allow_blank=True,
                              errorStyle="warning")
        rule.error = ("Kode sumber ini belum ada saat formulir dibuat. Lanjutkan hanya bila "
                      "sumbernya sudah ditambahkan ke datasets/sumber.csv; impor memeriksanya.")
    elif raw["name"] in lists:
        rule = DataValidation(type="list", formula1=lists[raw["name"]], allow_blank=True)
        rule.error = "Pilih salah satu isian dari daftar."
    elif kind in ("integer", "number"):
        minimum = constraints.get("minimum", 0)
        rule = DataValidation(type="whole" if kind == "integer" else "decimal",
                              operator="greaterThanOrEqual", formula1=str(minimum), allow_blank=True)
        rule.error = (f"Isi bilangan bulat tidak kurang dari {minimum}, tanpa titik ribuan."
                      if kind == "integer" else f"Isi angka tidak kurang dari {minimum}.")
    elif raw.get("description"):
        rule = DataValidation(allow_blank=True)
    else:
        return None
    rule.errorTitle = title
    rule.promptTitle = title
    rule.prompt = raw.get("description", "")[:250]
    rule.showErrorMessage = rule.type is not None
    rule.showInputMessage = True
    rule.add(cells)
    return rule


def _list_sheet(workbook: Workbook, spec_lists: dict[str, list[str]]) -> dict[str, str]:
    """Drop-down choices live on a hidden sheet: Excel limits inline lists to 255 characters."""
    sheet = workbook.create_sheet(LIST_SHEET)
    sheet.sheet_state = "hidden"
    refs = {}
    for index, (key, values) in enumerate(sorted(spec_lists.items()), start=1):
        letter = get_column_letter(index)
        sheet.cell(1, index, key)
        for row, value in enumerate(values, start=2):
            keep_text(sheet.cell(row, index, value))
        refs[key] = f"{quote_sheetname(LIST_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    return refs


def _choices(catalog: Catalog, specs: list[ResourceSpec], areas: dict[str, list[FormArea]]) -> dict:
    choices = {f"kode_{level}": [a.code for a in found] for level, found in areas.items() if found}
    choices[SOURCE_COLUMN] = sorted(catalog.sources, key=lambda s: (len(s), s))
    for spec in specs:
        for raw in spec.fields:
            enum = raw.get("constraints", {}).get("enum")
            if enum:
                choices[f"{spec.name}.{raw['name']}"] = [str(v) for v in enum]
    return choices


def _data_sheet(workbook, spec, areas: list[FormArea], periode, refs: dict[str, str]) -> list[dict]:
    """One sheet per table; returns the existing rows it shows (the form's base)."""
    sheet = workbook.create_sheet(spec.name[:31])
    cols = columns(spec)
    names = {a.code: a.name for a in areas}
    for index, raw in enumerate(cols, start=1):
        top = sheet.cell(1, index, header_label(raw))
        top.font, top.fill = Font(bold=True), _HEADER
        top.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(2, index, raw["name"]).font = _CODES
        sheet.column_dimensions[get_column_letter(index)].width = 14 if raw.get("satuan") else 22
    sheet.row_dimensions[1].height = 45
    existing, fresh = form_rows(spec, areas, periode)
    for offset, row in enumerate(existing + fresh):
        for index, raw in enumerate(cols, start=1):
            cell = sheet.cell(FIRST_DATA_ROW + offset, index)
            if raw["name"] == NAME_KEY:
                cell.value = names.get(row.get(spec.area_field, ""), "")
                keep_text(cell)
                cell.font = Font(color="808080")
                continue
            cell.value = _cell_value(raw, row.get(raw["name"], ""))
            keep_text(cell)
            cell.number_format = "@" if raw.get("type", "string") == "string" else "General"
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 3)
    lists = {raw["name"]: refs.get(f"{spec.name}.{raw['name']}", refs.get(raw["name"], ""))
             for raw in cols}
    lists = {k: v for k, v in lists.items() if v and k != NAME_KEY}
    for index, raw in enumerate(cols, start=1):
        if raw["name"] == NAME_KEY:
            continue
        rule = _validation(sheet, raw, get_column_letter(index), lists)
        if rule is not None:
            sheet.add_data_validation(rule)
    return existing


def _guide(workbook, catalog: Catalog, kecamatan: FormArea, periode, specs) -> None:
    sheet = workbook.active
    sheet.title = GUIDE_SHEET
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    lines = [
        (f"Formulir isian monografi — Kecamatan {kecamatan.name} ({kecamatan.code})", ""),
        ("Periode yang diminta", periode or "(isi sendiri di kolom periode/tahun)"),
        ("", ""),
        ("Langkah", "1. Buka lembar setiap tabel (tab di bawah). Kode dan nama wilayah sudah terisi."),
        ("", "2. Isi atau perbaiki angka pada baris yang sesuai. Angka yang sudah terbit ikut "
             "ditampilkan agar dapat dikoreksi."),
        ("", "3. Tulis angka bulat tanpa titik atau koma ribuan (1234, bukan 1.234). Kolom bertanda "
             "* wajib diisi. Satuan tertera di judul kolom."),
        ("", "4. Isi kolom Sumber dengan kode sumber (mis. S7) dan jelaskan hal khusus di Catatan. "
             "Sumber baru: tambahkan dulu satu baris di datasets/sumber.csv. Jangan menulis NIK, "
             "nomor KK, nomor telepon, atau alamat surel."),
        ("", "5. Baris yang angkanya dibiarkan kosong tidak diimpor. Jangan mengubah nama lembar "
             "atau baris ke-2 (kode kolom)."),
        ("", f"6. Simpan sebagai .xlsx, lalu jalankan: {COMMAND} impor NAMA_BERKAS.xlsx — atau, "
             "tanpa terminal, unggah berkasnya ke folder kotak-masuk/ di GitHub (lihat Panduan data)."),
        ("", "7. Bila ada kesalahan, tidak ada yang diubah: perbaiki sel yang disebut (lembar, "
             f"baris, kolom) lalu impor ulang. Setelah berhasil: {COMMAND} check, lalu commit."),
        ("", "8. Formulir ini mencatat angka saat dibuat. Angka yang tidak Anda ubah tidak menimpa "
             "perbaikan rekan sesudahnya; angka yang diubah di dua tempat ditolak sebagai konflik."),
        ("", ""),
        ("Sumber yang terdaftar", ""),
    ]
    lines += [(sid, source.get("title", "")) for sid, source in sorted(catalog.sources.items())]
    lines.append(("", ""))
    for spec in specs:
        lines.append((f"Lembar {spec.name[:31]}", spec.descriptor.get("title", spec.name)))
        lines += [(f"  {raw['name']}", f"{header_label(raw)}: {raw.get('description', '')}")
                  for raw in spec.fields]
    for row, (left, right) in enumerate(lines, start=1):
        sheet.cell(row, 1, left).font = Font(bold=row == 1 or not left.startswith(" "))
        sheet.cell(row, 2, right).alignment = Alignment(wrap_text=True, vertical="top")


def _meta(workbook, kecamatan: str, periode: str | None, specs) -> None:
    sheet = workbook.create_sheet(META_SHEET)
    sheet.sheet_state = "hidden"
    rows = [("versi", FORM_VERSION), ("kecamatan", kecamatan), ("periode", periode or "")]
    rows += [("lembar", f"{spec.name[:31]}\t{spec.name}") for spec in specs]
    for index, (key, value) in enumerate(rows, start=1):
        sheet.cell(index, 1, key)
        sheet.cell(index, 2, value)


def _base(workbook, bases: list[tuple[ResourceSpec, list[dict]]]) -> None:
    """Every pre-filled cell as (dataset, key, column, value), on a very hidden, protected sheet:
    staff cannot see or change it by accident, and `impor` can tell their edits from ours."""
    sheet = workbook.create_sheet(BASE_SHEET)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
    sheet.append(["dataset", "kunci", "kolom", "nilai"])
    for spec, rows in bases:
        keys = spec.primary_key
        for row in rows:
            key = json.dumps([row.get(k, "") for k in keys], ensure_ascii=False)  # any text survives
            for raw in spec.fields:
                if raw["name"] not in keys:
                    sheet.append([spec.name, key, raw["name"], row.get(raw["name"], "")])
    for row in sheet.iter_rows():
        for cell in row:
            cell.data_type = "s"  # values stay text exactly as in the CSV
            keep_text(cell)


def make_form(catalog: Catalog, kecamatan: str, periode: str | None = None) -> Workbook:
    areas = areas_of(catalog, kecamatan)
    specs = form_datasets(catalog)
    workbook = Workbook()
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    workbook.properties.title = f"Formulir isian monografi {kecamatan}"
    _guide(workbook, catalog, areas["kecamatan"][0], periode, specs)
    refs = _list_sheet(workbook, _choices(catalog, specs, areas))
    bases = [(spec, _data_sheet(workbook, spec, areas[spec.level or ""], periode, refs))
             for spec in specs]
    _meta(workbook, kecamatan, periode, specs)
    _base(workbook, bases)
    workbook.move_sheet(LIST_SHEET, offset=len(workbook.sheetnames))
    return workbook


def check_target(catalog: Catalog, target: Path, overwrite: bool = False) -> Path:
    """Where the form may go: an .xlsx name in an existing folder outside the project's
    protected folders (data, site sources, git, state) and its site, not replacing a file
    unless asked (it may be a filled-in form)."""
    target = Path(target).absolute()
    if not target.parent.is_dir():
        raise TargetError("form_no_folder", path=target.parent)
    project = Project.of_datasets(catalog.root)
    holder = project.protected_holder(target, also=(project.output,))
    if holder is not None:
        raise TargetError("form_protected", path=target, folder=holder)
    if target.suffix.lower() != ".xlsx":
        raise TargetError("form_not_xlsx", path=target)
    if (target.exists() or target.is_symlink()) and not overwrite:
        raise TargetError("form_exists", path=target)
    return target


def write_form(catalog: Catalog, kecamatan: str, target: Path, periode: str | None = None,
               overwrite: bool = False) -> Path:
    """Write the form to `target` (see check_target); a replaced file is swapped atomically."""
    target = check_target(catalog, target, overwrite)
    data = workbook_bytes(make_form(catalog, kecamatan, periode))
    no_turning_back()  # a form half-written is no form
    try:
        if not overwrite:
            with target.open("xb") as stream:  # "x": never replace a file created meanwhile
                stream.write(data)
            return target
        write_atomic(target, data)
    except FileExistsError:
        raise TargetError("form_exists", path=target) from None
    except OSError as exc:
        raise TargetError("form_write_failed", path=target, error=exc) from exc
    return target
