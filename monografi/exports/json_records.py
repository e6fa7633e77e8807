"""JSON: the rows as typed records plus the metadata needed to use them without the site."""

from __future__ import annotations

from ..model.areas import Dataset
from .base import DatasetFormat, Downloads, json_bytes
from .metadata import dataset_metadata


def document(downloads: Downloads, dataset: Dataset) -> dict:
    return {"metadata": dataset_metadata(downloads.context, dataset),
            "data": downloads.records(dataset)}


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    return json_bytes(document(downloads, dataset))


FORMAT = DatasetFormat("json", "JSON", ".json", "application/json",
                       "baris data bertipe (angka sebagai angka) beserta metadata dan kutipan",
                       render)
