"""CSV as published: UTF-8, comma, '\\n'; every value exactly as a program should read it.

No spreadsheet guard here: a quote put before `=1+1` would change the value pandas, R, DuckDB
and Frictionless read. The files meant for spreadsheets carry the guard (csv_excel, xlsx).
"""

from __future__ import annotations

from ..model.areas import Dataset
from .base import DatasetFormat, Downloads, canonical_csv


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    header, rows = downloads.raw(dataset)
    return canonical_csv(header, rows, set()).encode("utf-8")


FORMAT = DatasetFormat("csv", "CSV", ".csv", "text/csv",
                       "UTF-8, dipisah koma, titik desimal: untuk pandas, R, dan program lain",
                       render)
