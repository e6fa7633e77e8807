"""The same CSV with a UTF-8 byte order mark, so Excel shows Indonesian names correctly."""

from __future__ import annotations

import codecs

from ..model.areas import Dataset
from .base import DatasetFormat, Downloads
from .csv_utf8 import FORMAT as CSV


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    return codecs.BOM_UTF8 + downloads.render(CSV, dataset)


FORMAT = DatasetFormat("csv-excel", "CSV untuk Excel", "-excel.csv", "text/csv",
                       "UTF-8 dengan BOM agar huruf tampil benar di Excel; bila kolom tidak "
                       "terpisah (Excel berbahasa Indonesia), pakai XLSX", render)
