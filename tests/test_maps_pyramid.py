"""Maps from user-supplied boundaries and the population pyramid, on SYNTHETIC fixtures.

The repository ships no boundary geometry; these squares and age groups are made up for tests.
The one test on real boundaries reads them from ../shared (never copied into the repository).
"""

import csv
import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import shape

from monografi.charts import plan_charts, render_svg
from monografi.charts.maps import class_breaks
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.publishing.pipeline import build
from monografi.validation.boundaries import load_boundaries
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from tests.conftest import REPO, copy_project
from tests.helpers import edit_package
from tests.htmlparse import read_page


def square(column, row, size=0.05):
    x, y = 107.0 + column * size, -6.5 + row * size
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def synthetic_boundaries(project, codes, extra=None):
    features = [{"type": "Feature", "properties": {"code": code},
                 "geometry": {"type": "Polygon", "coordinates": square(i % 6, i // 6)}}
                for i, code in enumerate(codes)]
    features += extra or []
    path = project / "datasets" / "batas" / "kecamatan.geojson"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    edit_package(project, lambda d: d.setdefault("monografi", {}).update(batas_wilayah=[
        {"tingkat": "kecamatan", "path": "batas/kecamatan.geojson", "properti_kode": "code"}]))


def kecamatan_codes(project):
    with (project / "datasets" / "kecamatan.csv").open() as handle:
        return [row["kode_kecamatan"] for row in csv.DictReader(handle)]


@pytest.fixture
def mapped(tmp_path):
    project = copy_project(tmp_path / "peta")
    synthetic_boundaries(project, kecamatan_codes(project))
    return project


def test_valid_boundaries_load_for_every_kecamatan(mapped):
    boundaries, problems = load_boundaries(load_catalog(mapped / "datasets")[0])
    assert problems == [] and len(boundaries[0].shapes) == 30


def test_invalid_unknown_and_missing_areas_are_reported(tmp_path):
    project = copy_project(tmp_path / "rusak")
    codes = kecamatan_codes(project)
    bowtie = {"type": "Feature", "properties": {"code": codes[0]}, "geometry": {
        "type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}}
    unknown = {"type": "Feature", "properties": {"code": "32.15.77"},
               "geometry": {"type": "Polygon", "coordinates": square(9, 9)}}
    synthetic_boundaries(project, codes[1:-1], [bowtie, unknown])
    _, problems = load_boundaries(load_catalog(project / "datasets")[0])
    rules = {(p.rule.id, p.value) for p in problems}
    assert ("peta_perbaikan_besar", codes[0]) in rules  # repair would change its area: refused
    assert ("peta_kode", "32.15.77") in rules
    assert ("peta_hilang", codes[-1]) in rules
    invalid = next(p for p in problems if p.rule.id == "peta_perbaikan_besar")
    assert invalid.row == 29 and invalid.details["geos"] == "Self-intersection"
    assert "sisinya berpotongan" in invalid.texts("id")[0] and "its edges cross" in invalid.texts("en")[0]
    assert invalid.severity == "error" and "tak terhingga" in invalid.texts("id")[0]


def flawed(code, column, flaw):
    """SYNTHETIC: a square of the test grid with a tiny self-touching lobe or a tiny bow-tie
    on its right edge, like the slivers of a simplified public boundary file."""
    (x0, y0), (x1, _), (_, y1) = square(column, 0)[0][:3]
    middle, d = (y0 + y1) / 2, (x1 - x0) / 100
    edge = {"lobe": [[x1, middle], [x1 + d, middle + d], [x1 + d, middle - d], [x1, middle]],
            "bowtie": [[x1 + d, middle + d], [x1 + d, middle - d]]}[flaw]
    ring = [[x0, y0], [x1, y0], *edge, [x1, y1], [x0, y1], [x0, y0]]
    return {"type": "Feature", "properties": {"code": code},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


@pytest.mark.parametrize("flaw", ["lobe", "bowtie"])
def test_slightly_invalid_boundaries_are_repaired_with_a_warning(tmp_path, flaw):
    project = copy_project(tmp_path / "sliver")
    codes = kecamatan_codes(project)
    feature = flawed(codes[4], 7, flaw)  # beside the grid of squares
    assert not shape(feature["geometry"]).is_valid
    synthetic_boundaries(project, [c for c in codes if c != codes[4]], [feature])
    boundaries, problems = load_boundaries(load_catalog(project / "datasets")[0])
    assert [(p.rule.id, p.value, p.severity) for p in problems] == [
        ("peta_diperbaiki", codes[4], "warning")]
    message, _ = problems[0].texts("id")
    assert "Klari" in message and "luasnya berubah" in message and " %" in message
    assert "area changed by" in problems[0].texts("en")[0]
    repaired = boundaries[0].shapes[codes[4]]
    assert repaired.is_valid and repaired.geom_type in ("Polygon", "MultiPolygon")
    assert abs(repaired.area - 0.05 ** 2) < 0.001 * 0.05 ** 2  # the square, lobe or not
    charts = {c.id: c for c in plan_charts(build_context(build_model(load_catalog(project / "datasets")[0])))}
    assert b"<path" in render_svg(charts["32-15-05-lokasi"])  # the map draws the repaired shape


REAL_BOUNDARIES = REPO.parent / "shared" / "reference" / "boundaries"


@pytest.mark.slow  # builds the portal
@pytest.mark.skipif(not (REAL_BOUNDARIES / "karawang-kecamatan.geojson").is_file(),
                    reason="real Karawang boundaries not present in ../shared/reference/boundaries "
                           "(not redistributable, so never in this repository)")
def test_real_karawang_boundaries_pass_check_with_warnings_and_draw_maps(tmp_path):
    project = copy_project(tmp_path / "nyata")
    target = project / "datasets" / "batas"
    target.mkdir()
    shutil.copy(REAL_BOUNDARIES / "karawang-kecamatan.geojson", target / "kecamatan.geojson")
    edit_package(project, lambda d: d.setdefault("monografi", {}).update(batas_wilayah=[
        {"tingkat": "kecamatan", "path": "batas/kecamatan.geojson", "properti_kode": "code"}]))
    _, report = validate_datasets(project / "datasets")
    assert report.ok, report.format_text()
    repaired = [p for p in report.warnings if p.rule.id == "peta_diperbaiki"]
    assert len(repaired) >= 20 and not [p for p in report.errors if p.rule.id.startswith("peta")]
    result = build(project, project / "output", workers=1)
    assert result.ok, result.report.format_text()
    maps = list((project / "output" / "grafik").glob("*peta.svg"))
    locators = list((project / "output" / "grafik").glob("*lokasi.svg"))
    assert maps and len(locators) == 30


def test_boundary_path_must_stay_inside_datasets(tmp_path):
    project = copy_project(tmp_path / "jalur")
    edit_package(project, lambda d: d.setdefault("monografi", {}).update(batas_wilayah=[
        {"tingkat": "kecamatan", "path": "../../etc/batas.geojson"}]))
    _, problems = load_boundaries(load_catalog(project / "datasets")[0])
    assert [p.rule.id for p in problems] == ["jalur_tidak_aman"]


def test_choropleth_and_locator_maps(mapped):
    model = build_model(load_catalog(mapped / "datasets")[0])
    charts = {c.id: c for c in plan_charts(build_context(model))}
    choropleth = charts["indikator-luas_kecamatan-luas_km2-s4-2017-peta"]
    assert "Tidak ada data: " in choropleth.alt  # 5 kecamatan have no S4 area
    svg = render_svg(choropleth).decode()
    assert "tidak ada data" in svg and "km²" in svg
    assert render_svg(choropleth) == render_svg(choropleth)
    assert "32-15-05-lokasi" in charts


def test_class_breaks_are_quantiles_and_shrink_for_few_values():
    assert class_breaks([1, 2, 3]) == [1, 2, 3]
    assert class_breaks(list(range(1, 11))) == [2, 4, 6, 8, 10]


@pytest.mark.slow
def test_portal_with_maps(mapped):
    result = build(mapped, mapped / "output")
    assert result.ok, result.report.format_text()
    site = mapped / "output"
    indicator = read_page(site / "indikator" / "luas_kecamatan-luas_km2" / "index.html")
    assert any(i["src"].endswith("-peta.svg") for i in indicator.images)
    klari = read_page(site / "kecamatan" / "32-15-05" / "index.html")
    assert any(i["src"].endswith("32-15-05-lokasi.svg") for i in klari.images)


def test_portal_without_boundaries_has_no_maps(built_site):
    assert not list((built_site / "grafik").glob("*peta.svg"))
    assert not list((built_site / "grafik").glob("*lokasi.svg"))


AGE_GROUPS = ["0-4", "5-9", "10-14", "15-64", "65+"]


@pytest.mark.slow
def test_population_pyramid_from_synthetic_age_groups(tmp_path):
    project = copy_project(tmp_path / "umur")
    schema = {"fields": [
        {"name": "kode_kecamatan", "type": "string", "constraints": {"required": True}},
        {"name": "tahun", "type": "string", "constraints": {"pattern": "^[0-9]{4}$"}},
        {"name": "kelompok_umur", "type": "string", "title": "Kelompok umur",
         "constraints": {"enum": AGE_GROUPS}},
        {"name": "laki_laki", "type": "integer", "title": "Laki-laki", "satuan": "jiwa"},
        {"name": "perempuan", "type": "integer", "title": "Perempuan", "satuan": "jiwa"},
        {"name": "sumber", "type": "string"}],
        "primaryKey": ["kode_kecamatan", "tahun", "kelompok_umur"],
        "foreignKeys": [{"fields": "kode_kecamatan",
                         "reference": {"resource": "kecamatan", "fields": "kode_kecamatan"}}]}
    (project / "datasets" / "schemas" / "umur_uji.json").write_text(json.dumps(schema))
    rows = ["kode_kecamatan,tahun,kelompok_umur,laki_laki,perempuan,sumber"]
    rows += [f"32.15.05,2024,{g},{100 * (i + 1)},{90 * (i + 1)},S1" for i, g in enumerate(AGE_GROUPS)]
    (project / "datasets" / "umur_uji.csv").write_text("\n".join(rows) + "\n")
    edit_package(project, lambda d: d["resources"].append({
        "name": "umur_uji", "path": "umur_uji.csv", "schema": "schemas/umur_uji.json",
        "title": "Penduduk menurut kelompok umur (SINTETIS, uji)",
        "monografi": {"bagian": "Kependudukan", "grafik": [{"jenis": "piramida"}]}}))
    model = build_model(load_catalog(project / "datasets")[0])
    pyramid = next(c for c in plan_charts(build_context(model)) if c.kind == "piramida")
    (_, points), = pyramid.series
    assert [g for g, _ in points] == AGE_GROUPS and points[0][1] == (100, 90)
    assert "0-4: 100 / 90" in pyramid.alt
    assert "<text" in render_svg(pyramid).decode()
    result = build(project, project / "output")
    assert result.ok, result.report.format_text()
    klari = read_page(project / "output" / "kecamatan" / "32-15-05" / "index.html")
    assert any("umur_uji-piramida" in i["src"] for i in klari.images)


def test_invalid_boundaries_fail_the_check_with_a_fix(tmp_path):
    from monografi.validation.check import validate_datasets

    project = copy_project(tmp_path / "cek")
    codes = kecamatan_codes(project)
    synthetic_boundaries(project, codes[:-1])
    _, report = validate_datasets(project / "datasets")
    (problem,) = report.errors
    message, fix = problem.texts("id")
    assert problem.file == "batas/kecamatan.geojson" and codes[-1] in message
    assert "poligon" in fix


# The libraries' own words: json's, shapely's and GEOS's English never reach staff.
LIBRARY_WORDS = ("Expecting", "delimiter", "char ", "codec", "Unknown geometry", "Valid Geometry",
                 "Self-intersection", "Too few points", "Hole lies", "Interior is", "Nested", "Ring ",
                 "object is not", "Invalid")
COORDINATE = st.floats(-2, 2, allow_nan=False).map(lambda v: round(v, 1))


def _said(problem) -> str:
    return " ".join(problem.texts("id") + problem.texts("en"))


@settings(max_examples=60, deadline=None)
@given(ring=st.lists(st.tuples(COORDINATE, COORDINATE), min_size=1, max_size=7))
def test_an_invalid_polygon_is_explained_in_words(ring):
    """Whatever makes a polygon invalid (crossing edges, too few points, a spike), the reason is
    a sentence in each language, with the point GEOS names, never GEOS's own words."""
    from shapely.geometry import Polygon

    from monografi.validation.boundaries import GEOS_REASONS, UNREPAIRABLE_BOUNDARY, validity
    from monografi.validation.report import Problem

    try:
        polygon = Polygon([*ring, ring[0]])
    except ValueError:  # fewer than 4 coordinates: shapely refuses before GEOS sees it
        return
    if polygon.is_valid:
        return
    details = validity(polygon)
    assert details["geos"] in GEOS_REASONS, details  # a reason GEOS gives that we do not say yet
    problem = Problem("b.geojson", UNREPAIRABLE_BOUNDARY, 2, "code", "32.15.05",
                      {"nama": "X", "perubahan": 1.0, **details})
    said = _said(problem)
    assert not any(word in said for word in LIBRARY_WORDS), said
    assert not details["titik"] or details["titik"] in said


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=40) | st.text(max_size=40).map(str.encode)
       | st.sampled_from([b'{"type": "FeatureCollection", "features": [', b"\xff\xfe{}", b"[1, 2,]"]))
def test_a_boundary_file_that_is_not_json_is_refused_in_words(tmp_path_factory, data):
    """Broken JSON or bytes that are not UTF-8: refused with the line and column in words, never
    the JSON reader's own message."""
    from monografi.validation.boundaries import _features

    path = tmp_path_factory.mktemp("batas") / "b.geojson"
    path.write_bytes(data)
    problems = []
    _features(path, "batas/b.geojson", problems)
    assert all(p.value is None and not any(w in _said(p) for w in LIBRARY_WORDS) for p in problems)
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        parsed = None
    assert bool(problems) == (not isinstance(parsed, dict) or parsed.get("type") != "FeatureCollection")
