import csv
import io
import json
import zipfile

import pytest
from frictionless import Package

from monografi.catalog import load_catalog
from monografi.exports import export_package, neutralise, safe_csv
from monografi.model import build_model
from tests.helpers import set_cell


def model_of(project):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return build_model(catalog)


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


def test_csv_neutralises_text_but_not_numbers(project):
    set_cell(project, "luas_kecamatan", 2, "catatan", "=cmd|' /C calc'!A0")
    model = model_of(project)
    rows = list(csv.DictReader(io.StringIO(safe_csv(model, "luas_kecamatan").decode())))
    assert rows[0]["catatan"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["luas_km2"] == "40.57"


def test_csv_is_the_published_file_when_nothing_needs_neutralising(project):
    model = model_of(project)
    for name in model.datasets:
        source = (project / "datasets" / f"{name}.csv").read_bytes()
        assert safe_csv(model, name) == source, name


def test_zip_holds_a_valid_self_contained_data_package(project, tmp_path):
    model = model_of(project)
    files = export_package(model)
    archive = zipfile.ZipFile(io.BytesIO(files["unduh/monografi-karawang.zip"]))
    names = set(archive.namelist())
    assert {"datapackage.json", "README.md", "lisensi/ODbL-1.0.md", "lisensi/CC-BY-4.0.md",
            "kecamatan.csv", "desa.csv"} <= names
    archive.extractall(tmp_path / "zip")
    descriptor = json.loads((tmp_path / "zip" / "datapackage.json").read_text())
    assert all(isinstance(r["schema"], dict) for r in descriptor["resources"])
    assert all(r["hash"].startswith("sha256:") for r in descriptor["resources"])
    report = Package(str(tmp_path / "zip" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])
    readme = (tmp_path / "zip" / "README.md").read_text()
    assert "S3" in readme and "ODbL" in readme


def test_exports_are_deterministic(project):
    model = model_of(project)
    assert export_package(model) == export_package(model)
