import pytest

from monografi.model.areas import build_model
from monografi.validation.catalog import load_catalog


@pytest.fixture(scope="module")
def model():
    from tests.conftest import REPO

    catalog, problems = load_catalog(REPO / "datasets")
    assert not problems
    return build_model(catalog)


def test_area_tree_matches_kepmendagri(model):
    (root,) = model.roots
    assert (root.code, root.level) == ("32.15", "kabupaten")
    assert len(root.children) == 30
    desa = model.level("desa")
    assert len(desa) == 309
    assert sum(a.kind == "kelurahan" for a in desa) == 12
    barat = model.areas["32.15.01"]
    assert barat.name == "Karawang Barat" and len(barat.children) == 8
    assert {c.kind for c in barat.children} == {"kelurahan"}
    assert [a.code for a in barat.children[0].lineage] == ["32.15", "32.15.01", "32.15.01.1001"]


def test_codes_stay_text(model):
    kecamatan = model.datasets["kecamatan"].table
    assert kecamatan["kode_bps"].iloc[0] == "3215113"
    assert model.areas["32.15.01.1001"].attrs["kode_pos"] == "41311"


def test_tables_are_typed_from_the_schema(model):
    luas = model.datasets["luas_kecamatan"]
    assert str(luas.table["luas_km2"].dtype) == "Float64"
    assert str(model.datasets["penduduk_kecamatan"].table["jumlah"].dtype) == "Int64"
    assert luas.level == "kecamatan" and luas.period_field == "tahun"
    assert luas.primary_measure.name == "luas_km2"


def test_rows_for_one_area_in_period_order(model):
    rows = model.datasets["penduduk_kecamatan"].rows_for("32.15.01")
    assert list(rows["tahun"]) == ["2010", "2020", "2023"]
    assert list(rows["jumlah"]) == [155471, 161554, 154604]


def test_bps_and_dukcapil_stay_separate_datasets(model):
    bps = model.datasets["penduduk_kecamatan"].rows_for("32.15.05")
    dukcapil = model.datasets["penduduk_dukcapil_kecamatan"].rows_for("32.15.05")
    assert bps.empty and list(dukcapil["jumlah"]) == [190523, 195489]


def test_empty_topic_tables_are_known_but_empty(model):
    assert model.datasets["sekolah_kecamatan"].table.empty
    assert "sekolah_kecamatan" in [d.name for d in model.topics("kecamatan")]


def test_each_csv_is_parsed_once_from_check_to_the_downloads(project, tmp_path, monkeypatch):
    """validate_datasets keeps the canonical rows; the model, the boundaries and the CSV
    downloads use them instead of parsing the files again (they did, three times)."""
    from collections import Counter
    from pathlib import Path

    from monografi.charts import plan_charts
    from monografi.exports import Downloads
    from monografi.exports.portal import write_exports
    from monografi.model.context import build_context
    from monografi.validation.check import validate_datasets

    reads, real = Counter(), Path.read_bytes
    datasets = project / "datasets"

    def counting(path):
        if path.suffix == ".csv" and datasets in path.parents:
            reads[path.name] += 1
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    catalog, report = validate_datasets(datasets)
    assert report.ok
    context = build_context(build_model(catalog), project)
    plan_charts(context)
    write_exports(Downloads(context), [], tmp_path / "situs")
    assert set(reads) == {p.name for p in datasets.rglob("*.csv")}
    assert {name: n for name, n in reads.items() if n != 1} == {}
