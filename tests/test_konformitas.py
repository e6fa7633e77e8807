"""Catalogues and downloads checked with the official schemas and shapes (issue 11).

The specifications are read from ../shared/reference/specs/ (never copied into the repository);
where that folder is absent the tests that need it skip and say why.
"""

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml

from monografi.exports import Downloads, citation, dcat
from monografi.exports.datapackage import licences, package_descriptor, used_licences
from monografi.exports.package import package_zip
from monografi.exports.releases import build_releases, export_releases
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from monografi.validation.publisher import publisher
from tests.conftest import REPO, TEST_CONTACT, copy_project
from tests.helpers import edit_package
from tests.test_history import RELEASE, scripted_repo

SPECS = REPO.parent / "shared" / "reference" / "specs"
CONTACT = TEST_CONTACT
EU = "http://publications.europa.eu/resource/authority/"


def spec(*parts: str) -> Path:
    path = SPECS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"official specification {path} not available (../shared/reference/specs)")
    return path


def model_of(project):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return build_model(catalog)


@pytest.fixture
def context(project):
    return build_context(model_of(project), project)  # the copy has the placeholder e-mail


def shacl_results(document: dict, version: str) -> list[tuple[str, str, str]]:
    """(severity, path, message) of each top-level result of the version's five shape files."""
    rdflib = pytest.importorskip("rdflib")
    pyshacl = pytest.importorskip("pyshacl")
    files = sorted(spec(version).glob("*.ttl"))
    shapes = rdflib.Graph()
    for file in files:
        shapes.parse(file, format="turtle")
    data = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                    allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    return [(str(report.value(r, sh.resultSeverity)).rsplit("#", 1)[1],
             str(report.value(r, sh.resultPath)), str(report.value(r, sh.resultMessage)))
            for r in report.objects(None, sh.result)]


def test_dcat_ap_3_0_1_shapes_find_no_violation(context):
    violations = [r for r in shacl_results(dcat.dcat_catalog(context), "dcat-ap-3.0.1")
                  if r[0] == "Violation"]
    assert violations == []


def test_dcat_ap_2_1_1_shapes_find_no_violation(context):
    """dcat:byteSize is left out: 2.1.1 types it xsd:decimal, 3.0.1 xsd:nonNegativeInteger, and
    no literal passes both (the sizes are in datapackage.json's `bytes`). So is spdx:checksum:
    2.1.1 wants the algorithm http://spdx.org/rdf/terms#checksumAlgorithm_sha1, 3.0.1 an IRI
    starting https://spdx.org/rdf/terms, and one checksum has one algorithm (datapackage.json
    carries each CSV's SHA-256)."""
    violations = [r for r in shacl_results(dcat.dcat_catalog(context), "dcat-ap-2.1.1")
                  if r[0] == "Violation"]
    assert violations == []


def test_dcat_terms_come_from_the_eu_authority_tables(context):
    catalog = dcat.dcat_catalog(context)
    desa = next(d for d in catalog["dcat:dataset"] if d["@id"].endswith("/data/desa/"))
    for entry in catalog["dcat:dataset"]:
        assert entry["dct:language"]["@id"] == f"{EU}language/IND"
        assert all(t["@id"].startswith(f"{EU}data-theme/") for t in entry["dcat:theme"])
        for distribution in entry["dcat:distribution"]:
            assert distribution["dct:format"]["@id"].rsplit("/", 1)[1] in ("CSV", "XLSX", "JSON", "PARQUET")
            assert distribution["dct:license"]["@type"] == "dct:LicenseDocument"
            assert "dcat:byteSize" not in distribution
    licences_of_desa = {desa["dcat:distribution"][0]["dct:license"]["@id"],
                        desa["dcat:distribution"][0]["dct:rights"]["rdfs:label"]}
    assert f"{EU}licence/ODC_BL" in licences_of_desa
    assert "MIT" in " ".join(licences_of_desa)


def _json_schema_errors(schema_file: Path, instance) -> list[str]:
    """Draft-04 schema whose $refs point at sibling files (POD v1.1, DCAT-US non-federal)."""
    store = {}
    for path in schema_file.parent.glob("*.json"):
        schema = json.loads(path.read_text())
        store[path.name] = schema
        store[schema.get("id", "").rstrip("#")] = schema
    schema = json.loads(schema_file.read_text())
    resolver = jsonschema.RefResolver(base_uri=schema.get("id", ""), referrer=schema, store=store)
    validator = jsonschema.Draft4Validator(schema, resolver=resolver)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def test_data_json_passes_the_non_federal_pod_profile_with_a_contact(context):
    document = dcat.data_json(context)
    assert _json_schema_errors(spec("dcat-us-1.1-non-federal", "catalog.json"), document) == []
    per_dataset = spec("dcat-us-1.1-non-federal", "dataset-non-federal.json")
    assert [e for d in document["dataset"] for e in _json_schema_errors(per_dataset, d)] == []
    assert all(d["contactPoint"]["hasEmail"] == f"mailto:{CONTACT}" for d in document["dataset"])


def test_without_a_publisher_email_check_warns_at_its_key_and_nothing_is_invented(tmp_path):
    project = copy_project(tmp_path / "proyek", contact=None)
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok
    [warning] = [p for p in report.warnings if p.rule.id == "penerbit_tanpa_email"]
    assert (warning.file, warning.column) == ("datapackage.json", "contributors[0].email")
    assert "data.json" in report.format_text("id") and "data.json" in report.format_text("en")
    document = dcat.data_json(build_context(build_model(catalog), project))
    assert all("hasEmail" not in d["contactPoint"] for d in document["dataset"])


@pytest.mark.parametrize("contributors, name, key", [
    ([{"title": "Penulis", "role": "author"}, {"title": "Badan X", "role": "publisher",
                                                 "path": "https://x.go.id/"}],
     "Badan X", "contributors[1].email"),
    ([{"title": "Badan Y"}], "Badan Y", "contributors[0].email"),
    ([], "Monografi Kecamatan Kabupaten Karawang", "contributors"),
])
def test_the_publisher_block_is_found_whatever_the_contributors(project, contributors, name, key):
    edit_package(project, lambda d: d.update(contributors=contributors))
    catalog, report = validate_datasets(project / "datasets")
    assert publisher(catalog.descriptor).name == name
    assert [p.column for p in report.warnings if p.rule.id == "penerbit_tanpa_email"] == [key]
    edit_package(project, lambda d: d.update(contributors=[
        {**c, "email": CONTACT} if c.get("title") == name else c for c in contributors]))
    _, report = validate_datasets(project / "datasets")
    assert not [p for p in report.warnings if p.rule.id == "penerbit_tanpa_email"] or not contributors


def _zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def _cff_errors(text: str) -> list[str]:
    schema = json.loads(spec("cff-schema.json").read_text())
    document = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as CFF tools read
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(document)]


def test_the_package_zip_carries_every_licence_text_and_says_which_table_is_under_which(context):
    model = context.model
    _, data = package_zip(Downloads(context), citation.for_package(context))
    archive = _zip(data)
    used = used_licences(model, list(model.datasets.values()))
    assert {lic["name"] for lic in used} == {"ODbL-1.0", "CC-BY-4.0", "MIT"}
    assert {f"lisensi/{lic['name']}.md" for lic in used} <= set(archive.namelist())
    readme = archive.read("README.md").decode()
    desa = readme.split("`desa.csv`")[1].split("\n- `")[0]
    assert "MIT" in desa and "ODbL" in desa and "Atribusi: Tim Monografi" in desa
    assert "belum ada data" in readme.split("`sekolah_kecamatan.csv`")[1].split("\n- `")[0]
    descriptor = json.loads(archive.read("datapackage.json"))
    assert {lic["name"] for lic in descriptor["licenses"]} == {"ODbL-1.0", "CC-BY-4.0", "MIT"}
    cff = archive.read("CITATION.cff").decode()
    assert _cff_errors(cff) == []
    assert 'version: "2026.11.29"' in cff and f'email: "{CONTACT}"' in cff and '"MIT"' in cff


@pytest.mark.parametrize("name, expected", [
    ("kecamatan", {"ODbL-1.0"}), ("desa", {"ODbL-1.0", "MIT"}),
    ("luas_kecamatan", {"CC-BY-4.0", "ODbL-1.0"}),  # with the kecamatan table it references
])
def test_a_per_dataset_package_is_under_the_union_of_its_tables_licences(context, name, expected):
    from monografi.exports.datapackage import with_references

    model = context.model
    tables = with_references(model, model.datasets[name])
    descriptor = package_descriptor(Downloads(context), tables, {d.name: d.name for d in tables},
                                    model.datasets[name])
    assert {lic["name"] for lic in descriptor["licenses"]} == expected
    assert expected == {lic["name"] for d in tables for lic in licences(model, d)}


def test_every_licence_the_bundled_data_uses_ships_its_full_text():
    from monografi.exports.base import LICENCE_DIR

    model = model_of(REPO)
    used = used_licences(model, list(model.datasets.values()))
    assert [lic["name"] for lic in used if not (LICENCE_DIR / f"{lic['name']}.md").is_file()] == []


def test_a_release_cites_its_tag_its_date_and_its_frozen_zip(tmp_path):
    repo = copy_project(tmp_path / "repo")
    scripted_repo(repo)
    context = build_context(model_of(repo), repo)
    [(path, data)] = export_releases(build_releases(context)).items()
    archive = _zip(data)
    cff, readme = archive.read("CITATION.cff").decode(), archive.read("README.md").decode()
    assert _cff_errors(cff) == []
    url = context.url(path)
    assert f'version: "{RELEASE}"' in cff and "date-released: 2026-01-10" in cff
    assert f'url: "{url}"' in cff
    assert f"Versi: {RELEASE} " in readme and url in readme
    assert json.loads(archive.read("datapackage.json"))["version"] == RELEASE
    assert {"lisensi/MIT.md", "lisensi/ODbL-1.0.md", "lisensi/CC-BY-4.0.md"} <= set(
        archive.namelist())
