"""JSON: the rows as typed records plus the metadata needed to use them without the site."""

from __future__ import annotations

from ..model.areas import Dataset
from .base import DatasetFormat, Exports, json_bytes
from .metadata import dataset_metadata


def document(exports: Exports, dataset: Dataset) -> dict:
    return {"metadata": dataset_metadata(exports, dataset), "data": exports.records(dataset)}


def render(exports: Exports, dataset: Dataset) -> bytes:
    return json_bytes(document(exports, dataset))


FORMAT = DatasetFormat("json", "JSON", ".json", "application/json",
                       "baris data bertipe (angka sebagai angka) beserta metadata dan kutipan",
                       render)
