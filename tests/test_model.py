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


def test_each_boundary_file_is_read_and_checked_once_from_check_to_the_maps(tmp_path, monkeypatch):
    """validate_datasets keeps the checked geometry on the catalog (Catalog.boundaries); the
    model draws its maps from it instead of reading and checking the GeoJSON again (it did).
    SYNTHETIC squares (tests.test_maps_pyramid), never real boundaries."""
    import io
    from collections import Counter
    from pathlib import Path

    from monografi.charts import plan_charts
    from monografi.exports import Downloads
    from monografi.exports.portal import write_exports
    from monografi.model.context import build_context
    from monografi.validation.boundaries import load_boundaries
    from monografi.validation.check import validate_datasets
    from tests.conftest import copy_project
    from tests.test_maps_pyramid import kecamatan_codes, synthetic_boundaries

    project = copy_project(tmp_path / "peta")
    synthetic_boundaries(project, kecamatan_codes(project))
    opens, real = Counter(), io.open

    def counting(file, *args, **kwargs):
        if str(file).endswith(".geojson"):
            opens[Path(file).name] += 1
        return real(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting)  # Path.read_text and read_bytes open through it
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok
    model = build_model(catalog)
    context = build_context(model, project)
    charts = plan_charts(context)
    write_exports(Downloads(context), [], tmp_path / "situs")
    assert opens == {"kecamatan.geojson": 1}
    assert model.boundaries == catalog.boundaries  # the very shapes validation checked
    monkeypatch.setattr(io, "open", real)
    fresh = load_boundaries(load_catalog(project / "datasets")[0])[0]
    assert {code: shape.wkb for code, shape in model.boundaries["kecamatan"].shapes.items()} == {
        code: shape.wkb for code, shape in fresh[0].shapes.items()} and len(fresh[0].shapes) == 30
    assert sum(c.kind == "lokasi" for c in charts) == 30  # every kecamatan's locator map drawn
