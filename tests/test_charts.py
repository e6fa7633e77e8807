import re

import pytest

from monografi.charts import CHART_KINDS, plan_charts, render_svg, write_charts
from monografi.model.areas import build_model
from monografi.validation.catalog import load_catalog


@pytest.fixture(scope="module")
def model():
    from tests.conftest import REPO

    catalog, _ = load_catalog(REPO / "datasets")
    return build_model(catalog)


@pytest.fixture(scope="module")
def charts(model):
    return {c.id: c for c in plan_charts(model)}


def test_bundled_data_use_every_kind_but_those_needing_absent_inputs(charts):
    # Maps need user-supplied boundaries, the pyramid age groups: tests/test_maps_pyramid.py.
    absent = {"peta", "lokasi", "piramida"}
    assert absent <= set(CHART_KINDS)
    assert {c.kind for c in charts.values()} == set(CHART_KINDS) - absent


def test_ranking_compares_all_30_kecamatan_of_one_source(charts):
    chart = charts["32-15-luas_kecamatan-perbandingan"]
    (_, points), = chart.series
    assert len(points) == 30
    values = [v for _, v in points]
    assert values == sorted(values, reverse=True)
    assert points[0] == ("Cibuaya", 117.98)
    assert "S3" in chart.alt and "Cibuaya: 117,98" in chart.alt


def test_time_series_keeps_one_line_per_source(charts):
    chart = charts["32-15-penduduk_dukcapil_kabupaten-deret_waktu"]
    labels = [label for label, _ in chart.series]
    assert labels == ["S7", "S9"]
    s7 = dict(chart.series[0][1])
    assert s7 == {"2022-S1": 2462492, "2022-S2": 2509839, "2023-S1": 2519882, "2024-S1": 2572553}


def test_single_points_get_no_chart(charts):
    # Cikampek has one Dukcapil figure: the table shows it, a one-point line would not help.
    assert "32-15-13-penduduk_dukcapil_kecamatan-deret_waktu" not in charts


def test_alt_text_carries_the_numbers(charts):
    chart = charts["32-15-01-penduduk_kecamatan-deret_waktu"]
    for number in ("155.471", "161.554", "154.604"):
        assert number in chart.alt


def test_svg_is_byte_identical_and_text_stays_text(charts):
    chart = charts["32-15-luas_kecamatan-perbandingan"]
    first, second = render_svg(chart), render_svg(chart)
    assert first == second
    svg = first.decode()
    assert "<text" in svg and "Cibuaya" in svg  # svg.fonttype none: searchable text
    assert not re.search(r"<dc:date>", svg)


def test_cache_reuses_drawn_charts(charts, tmp_path):
    subset = list(charts.values())[:3]
    first = write_charts(subset, tmp_path / "a", tmp_path / "cache")
    second = write_charts(subset, tmp_path / "b", tmp_path / "cache")
    assert first == {"drawn": 3, "reused": 0} and second == {"drawn": 0, "reused": 3}
    for chart in subset:
        name = f"grafik/{chart.id}.svg"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
