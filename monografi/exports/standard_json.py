"""The Satu Data Indonesia standar data of a dataset, as a JSON download."""

from __future__ import annotations

from ..model.areas import Dataset
from .base import DatasetFormat, Downloads, json_bytes
from .standard_data import standar_data


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    return json_bytes(standar_data(dataset))


FORMAT = DatasetFormat("standar-data", "Standar data (JSON)", ".standar-data.json",
                       "application/json",
                       "konsep, definisi, klasifikasi, ukuran, satuan, aturan validasi, dan "
                       "referensi waktu menurut Satu Data Indonesia", render)
