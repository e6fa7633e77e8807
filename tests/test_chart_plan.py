"""Chart planning on per-area plain records (Dataset.records_for): the same charts as the
DataFrame-per-area planning it replaced, without pandas work per area.

The digests were computed on commit 150bca3 (before records_for), on the same inputs.
"""

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from monografi.charts import plan_charts
from monografi.charts.registry import HINT_KINDS
from monografi.model.areas import Dataset, Field, build_model, typed_table
from monografi.model.context import build_context
from monografi.validation.catalog import ResourceSpec, load_catalog
from tests.conftest import REPO

BUNDLED_DIGEST = "30b3bcbeea068e5992b484f016d2c29cdcb4d893edc6b7249ce330e9369b9cc7"
EDGE_DIGEST = "6e11d04c38dce67dddfb85cbff4f2c69ad9cfe987c970e892dd46dfbc4b23847"

EDGE_HINTS = [{"jenis": "deret_waktu", "ukuran": "jumlah"},
              {"jenis": "deret_waktu", "ukuran": "jumlah", "pisah": ["sumber", "jenjang"]},
              {"jenis": "deret_waktu", "ukuran": "jumlah", "pisah": ["jenjang"]},
              {"jenis": "menurut_sumber", "ukuran": "jumlah"},
              {"jenis": "perbandingan", "ukuran": "jumlah"},
              {"jenis": "perbandingan", "ukuran": "jumlah", "sumber": "S3"},
              {"jenis": "piramida", "ukuran": "jumlah"}]
EDGE_FIELDS = [{"name": "kode_kecamatan"}, {"name": "tahun"}, {"name": "sumber"},
               {"name": "jenjang"},
               {"name": "kelompok_umur", "constraints": {"enum": ["0-4", "5-9", "10-14"]}},
               {"name": "laki_laki", "type": "integer"}, {"name": "perempuan", "type": "integer"},
               {"name": "jumlah", "type": "number"}]
# SYNTHETIC rows: one period from several sources, blank measures, categories and periods, rows
# out of order, two sources in one latest pyramid, a kecamatan without any value.
EDGE_ROWS = [
    ["32.15.02", "2021", "S3", "SD", "5-9", "6", "7", "9.5"],
    ["32.15.01", "2021", "S6", "SD", "0-4", "10", "11", "12"],
    ["32.15.01", "2020", "S3", "SD", "0-4", "8", "9", "10"],
    ["32.15.01", "2021", "S3", "SMP", "5-9", "4", "", "7.25"],
    ["32.15.01", "2021", "S3", "", "10-14", "3", "2", "8"],
    ["32.15.01", "2019", "S6", "SD", "0-4", "1", "1", ""],
    ["32.15.02", "2021", "S6", "SD", "0-4", "5", "5", "9.5"],
    ["32.15.02", "2020", "S6", "SMP", "0-4", "5", "5", "4"],
    ["32.15.03", "2021", "S3", "SD", "0-4", "", "", ""],
    ["32.15.04", "", "S3", "SD", "0-4", "2", "3", "1"],
    ["32.15.04", "2018", "S3", "SD", "5-9", "2", "3", "2"],
    ["32.15.04", "2018", "S6", "SD", "0-4", "2", "3", "3"],
    ["32.15.05", "2022", "S3", "SD", "0-4", "1", "2", "3"],
    ["32.15.05", "2022", "S3", "SD", "5-9", "4", "5", "6"],
    ["32.15.05", "2023", "S3", "SD", "10-14", "7", "8", "1e3"],
]


def digest(charts) -> str:
    return hashlib.sha256(repr(charts).encode()).hexdigest()


@pytest.fixture(scope="module")
def model():
    return build_model(load_catalog(REPO / "datasets")[0])


def edge_dataset() -> Dataset:
    spec = ResourceSpec({"name": "uji_kecamatan", "schema": {"fields": EDGE_FIELDS}},
                        Path("uji.csv"))
    return Dataset(spec, typed_table(spec, [f["name"] for f in EDGE_FIELDS], EDGE_ROWS),
                   [Field.from_schema(f) for f in EDGE_FIELDS])


def plan_hints(model, datasets_hints) -> list:
    return [chart for dataset, hints in datasets_hints for hint in hints
            for area in model.areas.values()
            if (chart := HINT_KINDS[hint["jenis"]].plan(model, dataset, hint, area)) is not None]


def test_bundled_package_plans_the_charts_it_planned_before(model):
    assert digest(plan_charts(build_context(model))) == BUNDLED_DIGEST


def test_every_hint_kind_plans_edge_rows_as_before(model):
    charts = plan_hints(model, [(edge_dataset(), EDGE_HINTS)])
    assert digest(charts) == EDGE_DIGEST
    by_id = {}
    for chart in charts:
        by_id.setdefault(chart.id, []).append(chart)
    # Karawang Barat's latest period has three rows: the last one of the file is compared.
    comparison = by_id["32-15-uji_kecamatan-perbandingan"][0]
    assert ("Karawang Barat", 8.0) in comparison.series[0][1]
    # A blank category gets no line of its own; two sources never share one pyramid.
    lines = [label for c in charts if c.kind == "deret_waktu" for label, _ in c.series]
    assert "SMP" in lines and not [label for label in lines if "<NA>" in label]
    assert [c.area for c in charts if c.kind == "piramida"] == ["32.15.05"]


@pytest.mark.parametrize("dataset", [None, *(pytest.param(name, id=name) for name in (
    "penduduk_kecamatan", "penduduk_dukcapil_kabupaten", "luas_desa", "kecamatan"))])
def test_records_for_are_rows_for_as_plain_dicts_in_both_orders(model, dataset):
    data = edge_dataset() if dataset is None else model.datasets[dataset]
    table, area = data.table, data.area_field
    for code in [*model.areas, "99.99", *table[area].dropna().unique()]:
        assert repr(data.records_for(code)) == repr(data.rows_for(code).to_dict("records"))
        in_file = table[table[area] == code].to_dict("records")
        assert repr(data.records_for(code, file_order=True)) == repr(in_file)


def test_planning_an_area_does_no_pandas_work(model, monkeypatch):
    """Per-area DataFrame work made planning take ~20 s on a 1,500-desa province (issue 13)."""
    pairs = [(d, d.chart_hints) for d in model.topics()] + [(edge_dataset(), EDGE_HINTS)]
    expected = plan_hints(model, pairs)  # converts each dataset once, before pandas is closed

    def refuse(*_args, **_kwargs):
        raise AssertionError("pandas work while planning one area")

    for name in ("__getitem__", "to_dict", "groupby", "dropna", "sort_values", "itertuples"):
        monkeypatch.setattr(pd.DataFrame, name, refuse)
    monkeypatch.setattr(pd.Series, "__getitem__", refuse)
    monkeypatch.setattr(Dataset, "rows_for", refuse)
    assert plan_hints(model, pairs) == expected
