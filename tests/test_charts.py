import re

import pytest

from monografi.charts import CHART_KINDS, plan_charts, render_svg, write_charts
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.validation.catalog import load_catalog


@pytest.fixture(scope="module")
def model():
    from tests.conftest import REPO

    catalog, _ = load_catalog(REPO / "datasets")
    return build_model(catalog)


@pytest.fixture(scope="module")
def charts(model):
    return {c.id: c for c in plan_charts(build_context(model))}


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


def _huge(kind):
    """A chart of `kind` far beyond any real monografi: 10,000 periods, 5,000 categories."""
    from monografi.charts import Chart

    if kind == "deret_waktu":
        series = tuple((f"S{s}", tuple((f"{1000 + i:04d}-{s}", float(i * s + 1)) for i in range(10_000)))
                       for s in range(1, 21))
    elif kind == "piramida":
        series = (("", tuple((f"kelompok {i}", (i + 1, i + 2)) for i in range(5_000))),)
    else:
        series = (("", tuple((f"wilayah {i:04d}", float((i * 7919) % 5_000)) for i in range(5_000))),)
    return Chart(f"besar-{kind}", kind, "Besar", "jiwa", series, "alt", "32.15", "besar")


def svg_text(svg: bytes) -> str:
    """All text of an SVG as one line (wrapped lines joined), as a reader sees it."""
    texts = re.findall(rb"<text[^>]*>(.*?)</text>", svg, re.DOTALL)
    return " ".join(t.decode().replace("&quot;", '"').replace("&amp;", "&") for t in texts)


def _ticks(svg: bytes, axis: str) -> int:
    return len(re.findall(rf'<g id="{axis}tick_\d+"'.encode(), svg))


@pytest.mark.parametrize(("kind", "x_max", "y_max", "note"), [
    ("deret_waktu", 12, 20, b"menampilkan 12 garis teratas dari 20"),
    ("perbandingan", 20, 30, b"menampilkan 30 teratas dari 5.000"),
    ("menurut_sumber", 20, 30, b"menampilkan 30 teratas dari 5.000"),
    ("piramida", 20, 30, b"menampilkan 30 kelompok pertama dari 5.000"),
])
def test_huge_charts_draw_quickly_with_few_ticks_and_say_what_they_show(kind, x_max, y_max, note):
    import time

    chart = _huge(kind)
    start = time.perf_counter()
    svg = render_svg(chart)
    assert time.perf_counter() - start < 15
    assert 0 < _ticks(svg, "x") <= x_max and 0 < _ticks(svg, "y") <= y_max
    assert note.decode().lower() in svg_text(svg).lower()
    assert render_svg(chart) == svg


def test_ranking_keeps_the_largest_bars_in_order():
    from monografi.charts.base import largest

    assert largest([("a", 1), ("b", 5), ("c", 3), ("d", 5)], 2, lambda p: p[1]) == [("b", 5), ("d", 5)]
    assert largest([("a", 1)], 2, lambda p: p[1]) == [("a", 1)]


PHONE_CHART_PX = 390 - 32  # a 390 px phone shows the chart across the page, less its padding


def test_every_chart_renders_text_of_at_least_12_px_on_a_phone(charts):
    """Font sizes are in viewBox units; the img scales the viewBox to the chart's width."""
    for chart in charts.values():
        svg = render_svg(chart)
        width = float(re.search(rb'viewBox="0 0 ([\d.]+) ', svg)[1])
        sizes = [float(s) for s in re.findall(rb"font-size: ([\d.]+)px", svg)]
        assert sizes, chart.id
        assert min(sizes) * PHONE_CHART_PX / width >= 12, (chart.id, min(sizes), width)


def test_a_saved_chart_says_what_it_shows_title_unit_and_source_names(charts):
    for chart_id, words in (
            ("32-15-05-penduduk_dukcapil_kecamatan-deret_waktu",
             ["Jumlah penduduk terdaftar", "Kecamatan Klari", "jiwa", "Disdukcapil", "(S7)"]),
            ("32-15-01-luas_kecamatan-menurut_sumber",
             ["Luas wilayah", "km²", "BIG 2011 (S3)", "RPIJM", "(S4)"]),
            ("indikator-luas_kecamatan-luas_km2-s3-2011", ["Luas wilayah", "km²", "(S3)"])):
        text = svg_text(render_svg(charts[chart_id]))
        assert all(word in text for word in words), (chart_id, text)
        assert "Sumber S" not in text


def test_periods_are_placed_by_date():
    from monografi.charts.base import period_date

    assert period_date("2022-S2") == 2022.75 and period_date("2025-S1") == 2025.25
    assert period_date("2023") == 2023.5 and period_date("2023/2024") == 2024.0
    assert period_date("triwulan 1") is None
    gap = period_date("2025-S1") - period_date("2022-S2")
    assert gap == 5 * (period_date("2023-S1") - period_date("2022-S2"))  # five semesters apart


def test_palette_is_okabe_ito():
    from monografi.charts.base import COLOURS

    assert COLOURS[:7] == ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                           "#000000")
