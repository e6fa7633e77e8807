"""Sources are a table (datasets/sumber.csv): validated like any table, referenced by every
`sumber` column, read fresh by forms, and published as the package's `sources`."""

from __future__ import annotations

import json

import openpyxl
import pytest
from frictionless import Package

from monografi.exports import Downloads
from monografi.exports.datapackage import FORMAT as DATAPACKAGE
from monografi.forms.form import LIST_SHEET, write_form
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.validation.catalog import SOURCES, load_catalog
from monografi.validation.check import validate_datasets
from tests.helpers import append_line, edit_package

NEW_SOURCE = "S12,Survei Kantor Kecamatan Klari 2025,Kantor Kecamatan Klari,2025,,,Jumlah pos ronda\n"
# (table, a row whose sumber cell is S99) for every kind of table with a sumber column
ROWS_WITH = {
    "luas_kecamatan": "32.15.05,2020,S99,30.5,",
    "penduduk_desa": "32.15.05.2003,2023,proyeksi,,,100,S99,",
    "penduduk_dukcapil_kabupaten": "32.15,2025-S2,,,2600000,S99,",
    "pertanian_kabupaten": "32.15,2020,,,S99,",
}


def add_source(project, line=NEW_SOURCE):
    with (project / "datasets" / "sumber.csv").open("a", encoding="utf-8") as stream:
        stream.write(line)


def test_the_bundled_table_holds_the_registered_sources(project):
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok
    assert list(catalog.sources) == [f"S{n}" for n in (1, 2, 3, 4, 5, 6, 7, 9, 10, 11)]
    assert catalog.sources["S6"] == {
        "id": "S6", "title": catalog.sources["S6"]["title"],
        "path": "https://en.wikipedia.org/wiki/West_Karawang",
        "description": catalog.sources["S6"]["description"], "tahun": "2010–2023",
        "lisensi": "BPS figures (\"boleh dikutip dengan menyebut sumbernya\")"}
    assert "sources" not in json.loads((project / "datasets" / "datapackage.json").read_text())


@pytest.mark.parametrize("table", sorted(ROWS_WITH))
def test_an_unknown_source_is_refused_at_its_cell_in_every_table(project, table):
    append_line(project, table, ROWS_WITH[table])
    report = validate_datasets(project / "datasets")[1]
    (problem,) = report.errors
    assert (problem.file, problem.column, problem.value, problem.rule.id) == (
        f"{table}.csv", "sumber", "S99", "sumber_tidak_dikenal")
    assert "datasets/sumber.csv" in problem.texts("id")[0] and "S11" in problem.texts("id")[1]
    assert "sources table" in problem.texts("en")[0]


def test_a_source_added_to_the_table_is_valid_at_once(project):
    append_line(project, "luas_kecamatan", "32.15.05,2025,S12,30.5,")
    assert not validate_datasets(project / "datasets")[1].ok
    add_source(project)
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok, report.format_text()
    assert catalog.sources["S12"]["penerbit"] == "Kantor Kecamatan Klari"


def test_the_form_offers_the_sources_registered_when_it_is_made(project, tmp_path):
    add_source(project)
    catalog, _ = load_catalog(project / "datasets")
    book = openpyxl.load_workbook(write_form(catalog, "32.15.05", tmp_path / "f.xlsx"))
    listed = [c.value for c in next(col for col in book[LIST_SHEET].iter_cols()
                                     if col[0].value == "sumber")[1:] if c.value]
    assert listed[-1] == "S12" and len(listed) == 11
    rules = [v for v in book["luas_kecamatan"].data_validations.dataValidation
             if v.formula1 and "$" in v.formula1 and v.errorStyle == "warning"]
    assert len(rules) == 1  # the sumber column warns instead of refusing a newer code


@pytest.mark.parametrize("change, rule, where", [
    (lambda d: d.update(sources=[{"id": "S12", "title": "Sumber di tempat lama"}]),
     "sumber_di_json", ("datapackage.json", "sources")),
    (lambda d: d["resources"][1]["sources"].append({"id": "S12"}),
     "petunjuk_sumber", ("datapackage.json", "resources[1].sources[2].id")),
    (lambda d: d["resources"][4]["monografi"]["grafik"].append(
        {"jenis": "perbandingan", "ukuran": "luas_km2", "sumber": "S12"}),
     "petunjuk_sumber", ("datapackage.json", "resources[4].monografi.grafik[2].sumber")),
])
def test_sources_anywhere_but_the_table_are_configuration_errors(project, change, rule, where):
    """The issue's trap: a source typed into a dataset's own list used to pass check."""
    edit_package(project, change)
    report = validate_datasets(project / "datasets")[1]
    assert (rule, *where) in {(p.rule.id, p.file, p.column) for p in report.errors}
    assert report.exit_code == 2


def test_without_the_table_every_reference_to_it_is_a_configuration_error(project):
    edit_package(project, lambda d: d["resources"].pop())
    report = validate_datasets(project / "datasets")[1]
    assert report.exit_code == 2
    assert {p.value for p in report.errors if p.rule.id == "kunci_tabel"} == {"sumber"}
    for path in (project / "datasets" / "schemas").glob("*.json"):  # and without the foreign keys
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", []) if fk["fields"] != "sumber"]
        path.write_text(json.dumps(schema), encoding="utf-8")
    errors = validate_datasets(project / "datasets")[1].errors
    assert ("sumber_tanpa_tabel", "datapackage.json", "resources") in {
        (p.rule.id, p.file, p.column) for p in errors}


def test_a_sumber_column_without_the_foreign_key_is_still_checked(project):
    """A hand-written schema that forgets the foreign key gets it: no table escapes the check."""
    path = project / "datasets" / "schemas" / "luas_desa.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["foreignKeys"] = [fk for fk in schema["foreignKeys"] if fk["fields"] != "sumber"]
    path.write_text(json.dumps(schema), encoding="utf-8")
    append_line(project, "luas_desa", "32.15.05.2003,2023,S99,1.5,")
    (problem,) = validate_datasets(project / "datasets")[1].errors
    assert (problem.rule.id, problem.file, problem.column, problem.value) == (
        "sumber_tidak_dikenal", "luas_desa.csv", "sumber", "S99")


@pytest.mark.parametrize("line, rule, column", [
    ("S12,Survei,,2025,javascript:alert(1),,\n", "alamat_sel", "url"),
    ("S12,Survei,,2025,www.contoh.go.id,,\n", "alamat_sel", "url"),
    ("S12,Survei,,2025,ftp://contoh.go.id/survei,,\n", "alamat_sel", "url"),
    ("S3,Survei,,2025,,,\n", "kunci_ganda", "id"),
    ("12,Survei,,2025,,,\n", "pola", "id"),
    ("S12,,,2025,,,\n", "wajib", "judul"),
    ("S12,Survei,,2025,,,hubungi 0812-3456-7890\n", "data_pribadi", "catatan"),
])
def test_the_table_is_validated_like_any_table(project, line, rule, column):
    add_source(project, line)
    report = validate_datasets(project / "datasets")[1]
    assert (rule, "sumber.csv", 12, column) in {(p.rule.id, p.file, p.row, p.column) for p in report.errors}


def test_the_published_package_keeps_sources_and_validates_alone(project):
    add_source(project, "S12,Survei,,2025,https://contoh.go.id/survei,,\n")
    catalog, report = validate_datasets(project / "datasets")
    model = build_model(catalog)
    assert "sumber" not in model.datasets  # a list of sources, not a dataset page
    package = model.catalog.descriptor
    assert list(package)[list(package).index("sources") + 1] == "monografi"
    assert package["sources"][-1] == {"id": "S12", "title": "Survei", "path": "https://contoh.go.id/survei",
                                      "tahun": "2025"}
    assert model.catalog.resource("kecamatan").descriptor["sources"][0]["title"].startswith("Paket npm")
    dataset = model.datasets["luas_kecamatan"]
    descriptor = json.loads(DATAPACKAGE.render(Downloads(build_context(model, project)), dataset))
    assert {s["id"] for s in descriptor["sources"]} == {"S1", "S3", "S4", "S5", "S6"}  # + kecamatan
    assert all(fk["reference"]["resource"] != SOURCES
               for r in descriptor["resources"] for fk in r["schema"].get("foreignKeys", []))
    Package(descriptor).to_descriptor(validate=True)
