"""XLSX: a typed data sheet, a metadata sheet and the standar data sheet.

Numbers are written as numbers (negatives too); every text cell is written as a string with
Excel's quote prefix, so text such as `=HYPERLINK(…)` is shown, never evaluated, yet keeps its
exact value. The workbook is re-zipped with fixed timestamps so its bytes are reproducible.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.xml.functions import tostring

from .. import fmt
from ..model.areas import Dataset
from ..model.context import BuildContext
from ..text_cells import keep_text
from .base import DatasetFormat, Downloads, deterministic_zip
from .metadata import dataset_metadata
from .standard_data import COLUMN_TITLES, COLUMNS, standar_data

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_BOLD = Font(bold=True)
CORE_PROPERTIES = "docProps/core.xml"
EXCEL_MAX_ROWS = 1_048_576  # rows of one sheet in Excel 2007 and later, header included
STREAMED_ROWS = 50_000  # larger tables are written by a write-only workbook


def _append(sheet, values, bold: bool = False) -> None:
    """One row; text is a plain string cell with a quote prefix, never a formula.

    Only text and bold cells are made as Cell objects before appending; numbers and empty cells
    go in as values. Looking the row up again (sheet.max_row) scans every cell of the sheet,
    which made a 16,000-row table take minutes; a write-only sheet turns each Cell it is given
    into an exception and its repr, which made a million rows take minutes again."""
    cells = []
    for value in values:
        if isinstance(value, str) or (bold and value is not None):
            value = WriteOnlyCell(sheet, value=value)
            keep_text(value)
            if bold:
                value.font = _BOLD
        cells.append(value)
    sheet.append(cells)


def fits(dataset: Dataset) -> bool:
    """Whether the data sheet (header + rows) fits in Excel's 1,048,576 rows."""
    return len(dataset.table) < EXCEL_MAX_ROWS


def _metadata_rows(context: BuildContext, dataset: Dataset) -> list[list]:
    meta = dataset_metadata(context, dataset)
    rows = [["Judul", meta["judul"]], ["Deskripsi", meta["deskripsi"]],
            ["Terakhir diperbarui", meta["terakhir_diperbarui"] or "tidak diketahui"],
            ["Versi paket", meta["versi_paket"]], ["Alamat", meta["url"]],
            ["Penerbit", " · ".join(v for v in meta["penerbit"].values() if v)],
            ["Kutipan", meta["kutipan"]],
            ["Lisensi", "; ".join(f"{lic.get('title') or lic.get('name')} ({lic.get('path', '')})"
                                  for lic in meta["lisensi"])],
            ["Kunci utama", " + ".join(meta["kunci_utama"])], []]
    rows.append(["Sumber", "Judul", "Tahun", "Lisensi"])
    rows += [[s["id"], s.get("title", ""), s.get("tahun", ""), s.get("lisensi", "")]
             for s in meta["sumber"]] or [["–", "belum ada sumber: tabel belum berisi angka"]]
    rows += [[], ["Kolom", "Judul", "Tipe", "Satuan", "Definisi"]]
    rows += [[c["nama"], c["judul"], c["tipe"], c["satuan"], c["definisi"]] for c in meta["kolom"]]
    return rows


def workbook(downloads: Downloads, dataset: Dataset) -> Workbook:
    """Above STREAMED_ROWS the workbook is write-only: rows go to disk as they are added, never
    held as a million Cell objects. Below it the usual workbook keeps the published bytes (a
    write-only sheet leaves out its <dimension>)."""
    streamed = len(dataset.table) > STREAMED_ROWS
    book = Workbook(write_only=streamed)
    if streamed:
        data = book.create_sheet("data")
    else:
        data = book.active
        data.title = "data"
    data.freeze_panes = "A2"  # before the rows: a write-only sheet writes its view first
    _append(data, [f.name for f in dataset.fields], bold=True)
    for record in downloads.iter_records(dataset):
        _append(data, [record.get(f.name) for f in dataset.fields])
    meta = book.create_sheet("metadata")
    for row in _metadata_rows(downloads.context, dataset):
        _append(meta, row, bold=bool(row) and row[0] in ("Sumber", "Kolom"))
    standard = book.create_sheet("standar_data")
    view = standar_data(dataset)
    for label, key in (("Konsep", "konsep"), ("Definisi", "definisi"),
                       ("Klasifikasi", "klasifikasi"), ("Referensi waktu", "referensi_waktu")):
        _append(standard, [label, view[key]])
    _append(standard, [])
    _append(standard, list(COLUMN_TITLES), bold=True)
    for row in view["kolom"]:
        _append(standard, [fmt.satuan(row[c]) if c == "satuan" else row[c] for c in COLUMNS])
    date = downloads.context.updated(dataset).date or "2000-01-01"
    stamp = datetime.fromisoformat(date)
    book.properties.creator = "Monografi"
    book.properties.title = dataset.title
    book.properties.created = book.properties.modified = stamp
    return book


def workbook_bytes(book: Workbook) -> bytes:
    """Equal workbooks give equal bytes: openpyxl stamps the clock into docProps/core.xml and
    into every zip entry on save, so `modified` is set back to `created` and the zip rewritten."""
    stamp = book.properties.created
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.modified = stamp
    with zipfile.ZipFile(buffer) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members[CORE_PROPERTIES] = tostring(book.properties.to_tree())
    return deterministic_zip(members)


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    return workbook_bytes(workbook(downloads, dataset))


FORMAT = DatasetFormat("xlsx", "XLSX", ".xlsx", MEDIA_TYPE,
                       "lembar data bertipe, lembar metadata (kolom, satuan, sumber, lisensi, "
                       "kutipan) dan lembar standar data", render)
