import os

import pytest

from monografi.validation.catalog import load_catalog
from monografi.validation.package import MAX_FILE_BYTES
from tests.helpers import edit_package, resource_of


def rules(problems):
    return {(p.rule.id, p.value) for p in problems}


def test_real_package_loads_with_schemas_inlined(project):
    catalog, problems = load_catalog(project / "datasets")
    assert problems == []
    assert len(catalog.resources) >= 15
    kecamatan = catalog.resource("kecamatan")
    assert kecamatan.level == "kecamatan" and kecamatan.is_master
    luas = catalog.resource("luas_kecamatan")
    assert (luas.area_field, luas.period_field, luas.is_master) == ("kode_kecamatan", "tahun", False)
    assert isinstance(luas.schema, dict) and luas.schema["fields"]


@pytest.mark.parametrize("path", [
    "/etc/passwd",
    "../pelicanconf.py",
    "schemas/../../pelicanconf.py",
    "https://example.org/data.csv",
    "file:///etc/passwd",
    "~/data.csv",
])
def test_paths_outside_datasets_or_to_network_are_refused(project, path):
    edit_package(project, lambda d: resource_of(d, "luas_kecamatan").update(path=path))
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None
    assert ("jalur_tidak_aman", path) in rules(problems)
    problem = next(p for p in problems if p.rule.id == "jalur_tidak_aman")
    assert problem.column == "path" and "datapackage.json" in problem.file


def test_schema_path_outside_is_refused(project):
    edit_package(project, lambda d: resource_of(d, "desa").update(schema="../../x.json"))
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None and ("jalur_tidak_aman", "../../x.json") in rules(problems)


def test_symlink_leading_out_is_refused(project, tmp_path):
    secret = tmp_path / "rahasia.csv"
    secret.write_text("kode_kecamatan\n32.15.01\n")
    link = project / "datasets" / "tautan.csv"
    os.symlink(secret, link)
    edit_package(project, lambda d: resource_of(d, "luas_kecamatan").update(path="tautan.csv"))
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None and ("tautan_simbolik", "datasets/tautan.csv") in rules(problems)


def test_missing_file_is_named(project):
    (project / "datasets" / "luas_desa.csv").unlink()
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None and ("berkas_hilang", "luas_desa.csv") in rules(problems)


def test_broken_json_is_reported_not_raised(project):
    (project / "datasets" / "datapackage.json").write_text("{ not json", encoding="utf-8")
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None and problems[0].rule.id == "json_rusak"
    assert (problems[0].row, problems[0].column, problems[0].value) == (1, "3", "{ not json")


def test_schema_symlink_leading_out_is_refused(project, tmp_path):
    outside = tmp_path / "skema.json"
    outside.write_text('{"fields": []}', encoding="utf-8")
    os.symlink(outside, project / "datasets" / "schemas" / "tautan.json")
    edit_package(project, lambda d: resource_of(d, "desa").update(schema="schemas/tautan.json"))
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None and ("tautan_simbolik", "datasets/schemas/tautan.json") in rules(problems)


def test_directory_or_empty_path_is_not_followed(project):
    edit_package(project, lambda d: resource_of(d, "desa").update(path="schemas"))
    edit_package(project, lambda d: resource_of(d, "kecamatan").update(path=""))
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None
    assert {("berkas_hilang", "schemas"), ("jalur_tidak_aman", "")} <= rules(problems)


def test_oversized_file_is_named_with_the_limit(project):
    with (project / "datasets" / "desa.csv").open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None
    [problem] = problems
    assert (problem.rule.id, problem.value, problem.column) == ("terlalu_besar", "desa.csv", "path")
    assert "50 MB" in problem.texts("id")[0] and "50 MB" in problem.texts("en")[0]


@pytest.mark.parametrize(("where", "key", "value"), [
    ("package", "profile", "https://example.org/profil.json"),
    ("package", "$schema", "http://example.org/s.json"),
    ("resource", "profile", "file:///etc/passwd"),
    ("resource", "dialect", "https://example.org/dialek.json"),
    ("resource", "dialect", "dialek.json"),
])
def test_remote_profiles_and_dialects_are_never_fetched(project, where, key, value):
    def change(descriptor):
        (descriptor if where == "package" else resource_of(descriptor, "desa"))[key] = value
    edit_package(project, change)
    catalog, problems = load_catalog(project / "datasets")
    assert catalog is None and ("jalur_tidak_aman", value) in rules(problems)
    assert any(p.column == key for p in problems)
