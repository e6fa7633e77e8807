"""Every download offered per dataset, in the order the dataset page lists them.

Adding a format is one module with a FORMAT and one line here; the exporter, the dataset page,
the DCAT catalogue, data.json and the API index all read `offered(dataset)`: a format that cannot
hold a table (XLSX beyond Excel's rows per sheet) is not offered for it, and `withheld` says why.
"""

from __future__ import annotations

from .. import fmt
from ..model.areas import Dataset
from . import csv_excel, csv_utf8, datapackage, json_records, parquet, standard_json, xlsx
from .base import DatasetFormat

DATASET_FORMATS: tuple[DatasetFormat, ...] = (
    csv_utf8.FORMAT, csv_excel.FORMAT, xlsx.FORMAT, json_records.FORMAT, parquet.FORMAT,
    datapackage.FORMAT, standard_json.FORMAT,
)


def by_key(key: str) -> DatasetFormat:
    return next(f for f in DATASET_FORMATS if f.key == key)


def offered(dataset: Dataset) -> tuple[DatasetFormat, ...]:
    """The downloads published for this dataset."""
    return tuple(f for f in DATASET_FORMATS if f is not xlsx.FORMAT or xlsx.fits(dataset))


def withheld(dataset: Dataset) -> list[str]:
    """One sentence per format not offered for this dataset, for where its download would be."""
    if xlsx.fits(dataset):
        return []
    return [f"XLSX tidak tersedia: tabel ini berisi {fmt.angka(len(dataset.table))} baris, lebih "
            f"dari {fmt.angka(xlsx.EXCEL_MAX_ROWS - 1)} baris data yang muat dalam satu lembar "
            "Excel. Unduh CSV atau JSON untuk semua baris."]
