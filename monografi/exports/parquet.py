"""Parquet: every column typed by the Table Schema, so codes stay text in every tool.

pandas, polars, DuckDB and R read a CSV's `32.10` as the number 32.1; in Parquet the column type
travels with the file. integer → int64, number → float64, every other type → string (the model
keeps dates and booleans as text too), so `kode_*` columns are text, an empty table or an
all-empty column keeps its type, and each column carries its Table Schema title, description
and unit as field metadata. pyarrow writes it with fixed options and no pandas index or clock,
so equal tables give equal bytes (for one pyarrow version: the lock pins it).
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from .. import urls
from ..model.areas import Dataset, Field
from .base import DatasetFormat, Downloads

ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64()}
MEDIA_TYPE = "application/vnd.apache.parquet"


def arrow_type(field: Field) -> pa.DataType:
    return ARROW_TYPES.get(field.type, pa.string())


def _metadata(pairs: dict[str, str]) -> dict[bytes, bytes]:
    return {key.encode(): value.encode() for key, value in pairs.items() if value}


def arrow_schema(dataset: Dataset, page: str) -> pa.Schema:
    """Column types and descriptions from the Table Schema; the table's title and `page`."""
    fields = [pa.field(f.name, arrow_type(f), metadata=_metadata(
        {"title": f.title, "description": f.description, "satuan": f.unit})) for f in dataset.fields]
    return pa.schema(fields, metadata=_metadata({
        "title": dataset.title, "description": dataset.description,
        "url": page}))


def arrow_table(dataset: Dataset, page: str) -> pa.Table:
    schema = arrow_schema(dataset, page)
    table = dataset.table
    return pa.table([pa.array(table[f.name], type=f.type, from_pandas=True) for f in schema],
                    schema=schema)


def parquet_bytes(dataset: Dataset, page: str) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(arrow_table(dataset, page), buffer, compression="snappy", version="2.6",
                   use_dictionary=True, write_statistics=True, store_schema=True)
    return buffer.getvalue()


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    return parquet_bytes(dataset, downloads.context.url(urls.dataset_path(dataset.name)))


FORMAT = DatasetFormat("parquet", "Parquet", ".parquet", MEDIA_TYPE,
                       "kolom bertipe untuk pandas, R, DuckDB, dan polars: kode wilayah tetap teks, "
                       "angka tetap angka, keterangan kolom ikut tersimpan", render)
