"""The CSV for spreadsheets: a UTF-8 byte order mark, so Excel shows Indonesian names correctly,
and formula-like text neutralised, so Excel or LibreOffice never runs a cell as a formula."""

from __future__ import annotations

import codecs

from ..model.areas import Dataset
from .base import DatasetFormat, Downloads, canonical_csv, text_columns


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    header, rows = downloads.raw(dataset)
    return codecs.BOM_UTF8 + canonical_csv(header, rows, text_columns(dataset, header)).encode("utf-8")


FORMAT = DatasetFormat("csv-excel", "CSV untuk Excel", "-excel.csv", "text/csv",
                       "UTF-8 dengan BOM agar huruf tampil benar di Excel; bila kolom tidak "
                       "terpisah (Excel berbahasa Indonesia), pakai XLSX", render)
