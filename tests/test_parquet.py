"""Parquet downloads: codes stay text, numbers are typed, columns carry their descriptions (issue 19).

The property tests run over SYNTHETIC schemas and rows (tests/typed_tables.py); the bundled
tables are checked against their published CSV.
"""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import example, given, settings

from monografi.exports import Downloads
from monografi.exports.formats import by_key
from monografi.exports.parquet import parquet_bytes
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO
from tests.typed_tables import BEYOND_FLOAT, expected_value, tables

ARROW = {"integer": pa.int64(), "number": pa.float64()}
PAGE = "https://contoh.invalid/data/uji/"


@settings(max_examples=150, deadline=None)
@given(tables())
@example(BEYOND_FLOAT)
def test_every_column_reads_back_typed_by_its_schema(example):
    """Whatever the cells look like, a reader gets the schema's type and the exact value: a code
    `32.10` or `0012` stays text, an empty cell is missing, an all-empty column or a table with
    no rows keeps its type."""
    dataset, columns, rows = example
    table = pq.read_table(io.BytesIO(parquet_bytes(dataset, PAGE)))
    assert table.column_names == columns
    assert [table.schema.field(c).type for c in columns] == \
        [ARROW.get(f.type, pa.string()) for f in dataset.fields]
    expected = [{f.name: expected_value(f.type, cell) for f, cell in zip(dataset.fields, row, strict=True)}
                for row in rows]
    assert table.to_pylist() == expected


@settings(max_examples=40, deadline=None)
@given(tables())
def test_descriptions_travel_and_bytes_do_not_change(example):
    dataset, _, _ = example
    data = parquet_bytes(dataset, PAGE)
    assert parquet_bytes(dataset, PAGE) == data
    schema = pq.read_schema(io.BytesIO(data))
    for field in dataset.fields:
        meta = schema.field(field.name).metadata
        assert meta[b"title"].decode() == field.title
        assert meta[b"description"].decode() == field.description
    assert schema.metadata[b"url"].decode() == PAGE


@pytest.fixture(scope="module")
def bundled():
    model = build_model(load_catalog(REPO / "datasets")[0])
    return model, Downloads(build_context(model))


def test_bundled_tables_equal_their_csv_with_codes_as_text(bundled):
    """pandas reads each Parquet download to the same frame as the published CSV read with the
    schema's types; every kode_* column is text (32.15, 32.15.01.1001)."""
    model, downloads = bundled
    for name, dataset in model.datasets.items():
        dtypes = {f.name: {"integer": "Int64", "number": "Float64"}.get(f.type, "string")
                  for f in dataset.fields}
        from_csv = pd.read_csv(io.BytesIO(downloads.render(by_key("csv"), dataset)), dtype=dtypes,
                               keep_default_na=False, na_values=[""])
        from_parquet = pd.read_parquet(io.BytesIO(downloads.render(by_key("parquet"), dataset)),
                                       dtype_backend="numpy_nullable").astype(dtypes)
        pd.testing.assert_frame_equal(from_parquet, from_csv, check_dtype=True)
        schema = pq.read_schema(io.BytesIO(downloads.render(by_key("parquet"), dataset)))
        for column in (c for c in dtypes if c.startswith("kode_")):
            assert schema.field(column).type == pa.string(), (name, column)


def test_an_empty_table_keeps_its_column_types(bundled):
    model, downloads = bundled
    dataset = model.datasets["sekolah_kecamatan"]
    assert dataset.table.empty
    schema = pq.read_table(io.BytesIO(downloads.render(by_key("parquet"), dataset))).schema
    assert schema.field("murid").type == pa.int64()
    assert schema.field("kode_kecamatan").type == pa.string()
