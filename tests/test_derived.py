import pytest

from monografi.model.areas import build_model
from monografi.validation.catalog import load_catalog


@pytest.fixture(scope="module")
def derived():
    from tests.conftest import REPO

    catalog, _ = load_catalog(REPO / "datasets")
    return build_model(catalog).derived


def find(derived, code, indicator, period=None, source=None):
    return [d for d in derived if d.code == code and d.indicator == indicator
            and (period is None or d.period == period) and (source is None or d.source == source)]


def test_density_uses_population_and_area_of_the_same_source(derived):
    (barat,) = find(derived, "32.15.01", "kepadatan_penduduk")
    # BPS mid-2023 population / BPS area, both S6: 154,604 / 39.51 = 3,913.0 (the source says 3,913)
    assert (barat.period, barat.source, barat.value) == ("2023", "S6", 3913.0)
    assert "39,51 km²" in barat.basis


def test_no_density_from_areas_of_another_source(derived):
    # Klari has only Dukcapil population and S3/S4 areas: no density may be computed.
    assert find(derived, "32.15.05", "kepadatan_penduduk") == []
    # The 2010 census is too far from the 2024 area to pair them.
    assert find(derived, "32.15.01", "kepadatan_penduduk", "2010") == []


def test_kabupaten_density_pairs_bps_with_bps_area(derived):
    values = {d.period: d.value for d in find(derived, "32.15", "kepadatan_penduduk")}
    assert values == {"2023": round(2526002 / 1911.09, 1), "2024": round(2554384 / 1911.09, 1)}


def test_kelurahan_density(derived):
    (kulon,) = find(derived, "32.15.01.1001", "kepadatan_penduduk")
    assert kulon.value == round(20299 / 2.56, 1)


def test_sex_ratio_from_one_row(derived):
    (ratio,) = find(derived, "32.15.01", "rasio_jenis_kelamin")
    assert ratio.value == round(77255 / 77349 * 100, 1)
    kab = find(derived, "32.15", "rasio_jenis_kelamin")
    assert {(d.period, d.source) for d in kab} == {("2023", "S10"), ("2025", "S9")}


def test_area_share_only_within_one_source_and_year(derived):
    shares = find(derived, "32.15.05", "persentase_luas")
    assert {(d.period, d.source) for d in shares} == {("2011", "S3"), ("2017", "S4")}
    s3 = next(d for d in shares if d.source == "S3")
    assert s3.value == round(72.73 / 1918.64 * 100, 2)
    # Karawang Barat's 2024 BPS area has no kabupaten area of S6: no share.
    assert find(derived, "32.15.01", "persentase_luas", "2024") == []
