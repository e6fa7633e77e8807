"""Every download opens with a standard reader and gives back the same values; no formula runs."""

import codecs
import csv
import io
import json
import zipfile

import openpyxl
import pandas as pd
import pytest
import yaml
from frictionless import Package

from monografi.exports import Downloads, neutralise
from monografi.exports.formats import DATASET_FORMATS, by_key
from monografi.exports.package import export_package
from monografi.exports.portal import write_exports
from monografi.model.areas import build_model
from monografi.model.context import BuildContext, build_context
from monografi.validation.catalog import load_catalog
from tests.conftest import TEST_CONTACT, tree_digest
from tests.helpers import set_cell

INJECTIONS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]


def model_of(project):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return build_model(catalog)


def render(model, key, name):
    return Downloads(build_context(model)).render(by_key(key), model.datasets[name])


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("Karawang Barat", "Karawang Barat"),
    ("", ""),
])
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


@pytest.fixture
def injected(project):
    """luas_kecamatan with formula-like notes in rows 2–5 and a negative number in row 2."""
    for row, text in enumerate(INJECTIONS, start=2):
        set_cell(project, "luas_kecamatan", row, "catatan", text)
    set_cell(project, "luas_kecamatan", 2, "luas_km2", "-40.57")
    return model_of(project)


def test_excel_csv_neutralises_text_but_not_numbers(injected):
    text = render(injected, "csv-excel", "luas_kecamatan").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["catatan"] for r in rows[:4]] == ["'" + t for t in INJECTIONS]
    assert rows[0]["luas_km2"] == "-40.57"
    assert rows[0]["kode_kecamatan"] == "32.15.01"


def test_plain_csv_keeps_every_value_a_program_reads(injected):
    """The guard is for spreadsheets: pandas, R, DuckDB and Frictionless read the plain CSV, where
    a quote before '=…' would be a changed value (issue 19)."""
    text = render(injected, "csv", "luas_kecamatan").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["catatan"] for r in rows[:4]] == INJECTIONS
    assert rows[0]["luas_km2"] == "-40.57"


@pytest.mark.parametrize("key", ["csv", "csv-excel"])
def test_leading_tab_never_reaches_a_download(project, key):
    """Cells are read stripped (dialect-aware reader), then neutralised for spreadsheets: '\t=…'
    cannot hide in either CSV."""
    set_cell(project, "luas_kecamatan", 2, "catatan", "\t=SUM(A1)")
    text = render(model_of(project), key, "luas_kecamatan").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0]["catatan"] == ("'=SUM(A1)" if key == "csv-excel" else "=SUM(A1)")
    assert not any(cell.startswith(("\t", "\r")) for row in rows for cell in row.values())


def test_xlsx_keeps_formula_text_as_inert_strings_and_numbers_as_numbers(injected):
    data = render(injected, "xlsx", "luas_kecamatan")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["data"]
    header = [c.value for c in sheet[1]]
    notes = [sheet.cell(r, header.index("catatan") + 1) for r in range(2, 6)]
    assert [c.value for c in notes] == INJECTIONS
    assert all(c.data_type == "s" and c.quotePrefix for c in notes)
    area = sheet.cell(2, header.index("luas_km2") + 1)
    assert area.value == -40.57 and area.data_type == "n"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert all(b"<f>" not in archive.read(n) for n in archive.namelist()
                   if n.startswith("xl/worksheets/"))


def test_csv_is_the_published_file_when_nothing_needs_neutralising(project):
    model = model_of(project)
    for name in model.datasets:
        source = (project / "datasets" / f"{name}.csv").read_bytes()
        assert render(model, "csv", name) == source, name
        assert render(model, "csv-excel", name) == codecs.BOM_UTF8 + source, name


def _typed(frame: pd.DataFrame) -> list[dict]:
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


@pytest.mark.parametrize("name", ["desa", "luas_kecamatan", "penduduk_kabupaten",
                                  "pertanian_kabupaten", "sekolah_kecamatan"])
def test_every_format_round_trips_the_same_values(project, name):
    model = model_of(project)
    dataset = model.datasets[name]
    expected = Downloads(build_context(model)).records(dataset)
    columns = [f.name for f in dataset.fields]
    text = {f.name: str for f in dataset.fields if not f.numeric}

    for key in ("csv", "csv-excel"):
        frame = pd.read_csv(io.BytesIO(render(model, key, name)), dtype=text,
                            keep_default_na=False, na_values={c: [""] for c in columns
                                                               if c not in text},
                            encoding="utf-8-sig")
        frame = frame.replace({"": None})
        assert _typed(frame) == expected, key

    document = json.loads(render(model, "json", name))
    assert document["data"] == expected
    assert document["metadata"]["nama"] == name

    book = openpyxl.load_workbook(io.BytesIO(render(model, "xlsx", name)))
    rows = list(book["data"].iter_rows(values_only=True))
    assert list(rows[0]) == columns
    assert [dict(zip(columns, r, strict=True)) for r in rows[1:]] == expected


def test_xlsx_metadata_sheet_describes_the_dataset(project):
    model = model_of(project)
    book = openpyxl.load_workbook(io.BytesIO(render(model, "xlsx", "luas_kecamatan")))
    meta = {r[0]: r[1] for r in book["metadata"].iter_rows(values_only=True) if r and r[0]}
    dataset = model.datasets["luas_kecamatan"]
    assert meta["Judul"] == dataset.title
    assert meta["Deskripsi"] == dataset.description
    assert "CC BY 4.0" in meta["Lisensi"]
    assert meta["Terakhir diperbarui"] == "2026-11-29"  # package `created`: the copy has no git
    assert meta["Kutipan"].endswith("versi 2026.11.29, 29 November 2026. Monografi Kecamatan "
                                    "Kabupaten Karawang. http://127.0.0.1:8000/data/luas_kecamatan/")
    assert meta["Versi paket"] == "2026.11.29" and meta["Penerbit"] == f"Tim Monografi · {TEST_CONTACT}"
    assert meta["S3"].startswith("Data digital batas administrasi BIG 2011")
    fields = {r[0]: r for r in book["metadata"].iter_rows(values_only=True)
              if r and r[0] in {f.name for f in dataset.fields}}
    assert fields["luas_km2"][3] == "km²" and fields["luas_km2"][4].startswith("Luas wilayah")
    standard = [r for r in book["standar_data"].iter_rows(values_only=True) if r and r[0]]
    assert ("Referensi waktu", "Tahun: 2011 sampai 2024") in [tuple(r[:2]) for r in standard]


def test_per_dataset_datapackage_validates_beside_its_csv(project, tmp_path):
    model = model_of(project)
    write_exports(Downloads(build_context(model)), [], tmp_path / "situs")
    report = Package(str(tmp_path / "situs/unduh/luas_kecamatan.datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((tmp_path / "situs/unduh/luas_kecamatan.datapackage.json").read_text())
    assert {"S3", "S4", "S6"} <= {s["id"] for s in descriptor["sources"]}
    assert [r["name"] for r in descriptor["resources"]] == ["luas_kecamatan", "kecamatan", "kabupaten"]
    assert descriptor["resources"][0]["schema"]["fields"][3]["satuan"] == "km²"


def test_zip_holds_a_valid_self_contained_data_package(project, tmp_path):
    model = model_of(project)
    files = export_package(Downloads(build_context(model)))
    archive = zipfile.ZipFile(io.BytesIO(files["unduh/monografi-karawang.zip"]))
    names = set(archive.namelist())
    assert {"datapackage.json", "README.md", "CITATION.cff", "lisensi/ODbL-1.0.md",
            "lisensi/CC-BY-4.0.md", "kecamatan.csv", "desa.csv"} <= names
    archive.extractall(tmp_path / "zip")
    descriptor = json.loads((tmp_path / "zip" / "datapackage.json").read_text())
    assert all(isinstance(r["schema"], dict) for r in descriptor["resources"])
    assert all(r["hash"].startswith("sha256:") for r in descriptor["resources"])
    report = Package(str(tmp_path / "zip" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])
    readme = (tmp_path / "zip" / "README.md").read_text()
    assert "S3" in readme and "ODbL" in readme and "Cara mengutip" in readme


def test_citation_cff_has_the_fields_cff_1_2_0_requires(project):
    """Citation File Format 1.2.0 schema: required cff-version, message, title, authors."""
    model = model_of(project)
    archive = zipfile.ZipFile(io.BytesIO(export_package(Downloads(build_context(model)))[
        "unduh/monografi-karawang.zip"]))
    cff = yaml.safe_load(archive.read("CITATION.cff"))
    assert {"cff-version", "message", "title", "authors"} <= cff.keys()
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["authors"] == [{"name": "Tim Monografi", "email": TEST_CONTACT}]
    assert cff["license"] == ["ODbL-1.0", "MIT", "CC-BY-4.0"]  # the union of its tables' licences
    assert str(cff["date-released"]) == "2026-11-29"  # package `created`: the copy has no git
    assert cff["url"] == "http://127.0.0.1:8000/data/"


def test_exports_are_deterministic(project, tmp_path):
    write_exports(Downloads(build_context(model_of(project))), [], tmp_path / "a")
    write_exports(Downloads(build_context(model_of(project))), [], tmp_path / "b")
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert first == second
    assert {f"unduh/luas_kecamatan{f.suffix}" for f in DATASET_FORMATS} <= first.keys()


def test_exports_use_the_context_they_are_given_and_nothing_else(project, tmp_path):
    """No memo on the model: two contexts of one model keep their own address (a release
    snapshot builds one for its tag), and write_exports writes what its context holds."""
    from monografi.exports import citation
    from monografi.urls import DCAT_FILE

    model = model_of(project)
    first, second = (BuildContext(model, project, url) for url in ("https://a.go.id", "https://b.go.id"))
    assert citation.for_package(first).url.startswith("https://a.go.id/")
    assert citation.for_package(second).url.startswith("https://b.go.id/")
    write_exports(Downloads(second), [], tmp_path / "situs")
    catalogue = (tmp_path / "situs" / DCAT_FILE).read_text(encoding="utf-8")
    assert "https://b.go.id/" in catalogue and "https://a.go.id/" not in catalogue
