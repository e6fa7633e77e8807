"""CSV as published: UTF-8, comma, '\\n'; formula-like text neutralised, numbers as typed."""

from __future__ import annotations

from ..model.areas import Dataset
from .base import DatasetFormat, Downloads, canonical_csv, text_columns


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    header, rows = downloads.raw(dataset)
    return canonical_csv(header, rows, text_columns(dataset, header)).encode("utf-8")


FORMAT = DatasetFormat("csv", "CSV", ".csv", "text/csv",
                       "UTF-8, dipisah koma, titik desimal: untuk pandas, R, dan program lain",
                       render)
