import pytest

from monografi.model.areas import build_model
from monografi.model.indicators import build_indicators
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO


@pytest.fixture(scope="module")
def indicators():
    catalog, _ = load_catalog(REPO / "datasets")
    return {i.id: i for i in build_indicators(build_model(catalog))}


def test_rankings_never_mix_sources_or_periods(indicators):
    area = indicators["luas_kecamatan-luas_km2"]
    assert [(r.source, r.period, len(r.entries)) for r in area.latest()] == [
        ("S3", "2011", 30), ("S4", "2017", 25), ("S6", "2024", 1)]
    s3 = area.latest()[0]
    assert [(e.area.name, e.value, e.rank) for e in s3.entries[:2]] == [
        ("Cibuaya", 117.98, 1), ("Ciampel", 117.28, 2)]
    assert s3.out_of == 30


def test_sum_for_extensive_measures_and_the_kabupaten_figure_beside_it(indicators):
    area = indicators["luas_kecamatan-luas_km2"]
    s3 = area.latest()[0]
    assert area.summary(s3) == ("Jumlah", 1918.64)
    assert area.reference[("S3", "2011")] == 1918.64


def test_average_for_intensive_measures(indicators):
    share = indicators["turunan-persentase_luas"]
    label, _ = share.summary(share.latest()[0])
    assert label.startswith("Rata-rata")


def test_rank_of_uses_the_latest_ranking_that_includes_the_area(indicators):
    dukcapil = indicators["penduduk_dukcapil_kecamatan-jumlah"]
    ((ranking, entry),) = dukcapil.rank_of("32.15.05")  # Klari: only 2022 figures
    assert (ranking.period, entry.rank, len(ranking.entries)) == ("2022-S2", 1, 2)


def test_ties_share_a_rank():
    import pandas as pd

    from monografi.model.areas import Area
    from monografi.model.indicators import Indicator

    areas = [Area(f"99.01.0{i}", f"Uji {i}", "kecamatan", "kecamatan") for i in range(1, 4)]
    rows = pd.DataFrame({"kode": [a.code for a in areas], "periode": ["2024"] * 3,
                         "nilai": [5.0, 5.0, 1.0], "sumber": ["S1"] * 3, "kelompok": [()] * 3})
    indicator = Indicator("uji", "Uji sintetis", "unit", "uji", rows, areas, False)
    assert [e.rank for e in indicator.rankings[0].entries] == [1, 1, 3]
