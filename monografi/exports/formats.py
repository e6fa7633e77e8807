"""Every download offered per dataset, in the order the dataset page lists them.

Adding a format is one module with a FORMAT and one line here; the exporter, the dataset page,
the DCAT catalogue and data.json all read this list.
"""

from __future__ import annotations

from . import csv_excel, csv_utf8, datapackage, json_records, standard_json, xlsx
from .base import DatasetFormat

DATASET_FORMATS: tuple[DatasetFormat, ...] = (
    csv_utf8.FORMAT, csv_excel.FORMAT, xlsx.FORMAT, json_records.FORMAT, datapackage.FORMAT,
    standard_json.FORMAT,
)


def by_key(key: str) -> DatasetFormat:
    return next(f for f in DATASET_FORMATS if f.key == key)
