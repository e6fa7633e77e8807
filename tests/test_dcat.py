"""DCAT-AP (JSON-LD) and Project Open Data data.json v1.1, checked against their specifications.

The required-field lists below are copied from the specifications, section by section, so a
harvester (ckanext-dcat, the CKAN data.json harvester) finds everything it needs.
"""

import json
import re

import jsonschema
import pytest

from monografi import urls
from monografi.exports import Downloads, dcat
from monografi.exports.formats import DATASET_FORMATS
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.validation.catalog import load_catalog
from tests.conftest import copy_project
from tests.helpers import edit_package

CONTACT = "data@contoh.invalid"  # synthetic address for the test copy only

# Project Open Data Metadata Schema v1.1 (DCAT-US 1.1), "Catalog Fields": required.
POD_CATALOG_REQUIRED = ["conformsTo", "dataset"]
# "Dataset Fields", Required, plus Required-if-Applicable that apply to this portal (license,
# spatial, temporal, distribution). bureauCode and programCode are required of U.S. federal
# agencies only and do not apply to an Indonesian regency.
POD_DATASET_REQUIRED = ["title", "description", "keyword", "modified", "publisher",
                        "contactPoint", "identifier", "accessLevel", "license", "spatial",
                        "temporal", "distribution"]
# "contactPoint": fn and hasEmail required; "publisher": name required; "distribution":
# mediaType required when downloadURL is given.
POD_SCHEMA = {
    "type": "object", "required": POD_CATALOG_REQUIRED,
    "properties": {
        "conformsTo": {"const": "https://project-open-data.cio.gov/v1.1/schema"},
        "dataset": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": POD_DATASET_REQUIRED,
            "properties": {
                "title": {"type": "string", "minLength": 1},
                "description": {"type": "string", "minLength": 1},
                "keyword": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "modified": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}"},
                "publisher": {"type": "object", "required": ["name"]},
                "contactPoint": {"type": "object", "required": ["fn", "hasEmail"], "properties": {
                    "hasEmail": {"type": "string", "pattern": r"^mailto:[^@\s]+@[\w.-]+\.\w+$"}}},
                "identifier": {"type": "string", "minLength": 1},
                "accessLevel": {"enum": ["public", "restricted public", "non-public"]},
                "license": {"type": "string", "pattern": "^https?://"},
                "spatial": {"type": "string", "minLength": 1},
                "temporal": {"type": "string",
                             "pattern": r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$"},
                "distribution": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["downloadURL", "mediaType"],
                    "properties": {"mediaType": {"pattern": r"^[-\w]+/[-\w.+]+$"}}}},
            }}},
    },
}
# DCAT-AP 2.1.1, "Mandatory properties" of each class (sections on Catalogue, Dataset,
# Distribution and Agent), plus the properties this issue asks every harvested dataset to carry.
DCAT_CATALOGUE_MANDATORY = ["dct:title", "dct:description", "dct:publisher", "dcat:dataset"]
DCAT_DATASET_MANDATORY = ["dct:title", "dct:description"]
DCAT_DATASET_ASKED = ["dct:identifier", "dcat:keyword", "dct:modified", "dct:publisher",
                      "dcat:contactPoint", "dct:spatial", "dct:temporal", "dcat:distribution"]
DCAT_DISTRIBUTION_MANDATORY = ["dcat:accessURL"]
DCAT_DISTRIBUTION_ASKED = ["dcat:downloadURL", "dcat:mediaType", "dct:license"]
DCAT_AGENT_MANDATORY = ["foaf:name"]


@pytest.fixture
def context(project):
    edit_package(project, lambda d: d["contributors"][0].update(email=CONTACT))
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return build_context(build_model(catalog), project)


def with_periods(context):
    return [d for d in context.model.datasets.values() if d.periods]


def test_data_json_meets_project_open_data_v1_1(context):
    document = dcat.data_json(context)
    timed = {d.title for d in with_periods(context)}
    for entry in document["dataset"]:
        if entry["title"] not in timed:  # master lists and empty tables have no time span
            entry = {**entry, "temporal": "2000-01-01/2000-12-31"}
        jsonschema.validate({**document, "dataset": [entry]}, POD_SCHEMA)
    assert len(document["dataset"]) == len(dcat.catalogued(context.model))
    assert all("temporal" in e for e in document["dataset"] if e["title"] in timed)


@pytest.mark.parametrize("document", [dcat.data_json, dcat.dcat_catalog])
def test_header_only_tables_are_left_out_of_both_catalogues(context, document):
    listed = json.dumps(document(context))
    empty = [d for d in context.model.datasets.values() if d.table.empty]
    assert {d.name for d in empty} >= {"sekolah_kecamatan", "fasilitas_kesehatan_kecamatan",
                                       "tempat_ibadah_kecamatan"}
    assert not [d.name for d in empty if f"/data/{d.name}/" in listed]
    assert all(f"/data/{d.name}/" in listed for d in dcat.catalogued(context.model))


def test_data_json_describes_luas_kecamatan_truthfully(context):
    entry = next(e for e in dcat.data_json(context)["dataset"]
                 if e["identifier"].endswith("/data/luas_kecamatan/"))
    assert entry["temporal"] == "2011-01-01/2024-12-31"
    assert entry["modified"] == "2026-11-29"
    assert entry["contactPoint"]["hasEmail"] == f"mailto:{CONTACT}"
    assert entry["spatial"].startswith("Kabupaten Karawang")
    assert entry["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [d["mediaType"] for d in entry["distribution"]] == [f.media_type for f in DATASET_FORMATS]


def _prefixes(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if ":" in key and not key.startswith("@"):
                found.add(key.split(":")[0])
            _prefixes(value, found)
    elif isinstance(node, list):
        for item in node:
            _prefixes(item, found)
    return found


def test_dcat_catalogue_meets_dcat_ap_mandatory_properties(context):
    catalog = json.loads(dcat.export_catalogues(Downloads(context))[urls.DCAT_FILE])
    assert catalog["@type"] == "dcat:Catalog"
    assert all(catalog.get(p) for p in DCAT_CATALOGUE_MANDATORY)
    assert all(catalog["dct:publisher"].get(p) for p in DCAT_AGENT_MANDATORY)
    assert _prefixes(catalog, set()) <= set(catalog["@context"])
    timed = {d.title for d in with_periods(context)}
    for entry in catalog["dcat:dataset"]:
        asked = [p for p in DCAT_DATASET_ASKED if p != "dct:temporal"
                 or entry["dct:title"]["@value"] in timed]
        missing = [p for p in DCAT_DATASET_MANDATORY + asked if not entry.get(p)]
        assert not missing, (entry["@id"], missing)
        assert entry["dct:publisher"]["foaf:name"] == "Tim Monografi"
        assert entry["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": f"mailto:{CONTACT}"}
        for distribution in entry["dcat:distribution"]:
            needed = DCAT_DISTRIBUTION_MANDATORY + DCAT_DISTRIBUTION_ASKED
            assert all(distribution.get(p) for p in needed), distribution["@id"]
            assert re.match(r"^https://www\.iana\.org/assignments/media-types/[-\w]+/[-\w.+]+$",
                            distribution["dcat:mediaType"]["@id"])


def test_without_a_contact_address_none_is_invented(tmp_path):
    project = copy_project(tmp_path / "proyek", contact=None)
    catalog, _ = load_catalog(project / "datasets")
    context = build_context(build_model(catalog), project)
    entry = dcat.data_json(context)["dataset"][0]
    assert entry["contactPoint"] == {"@type": "vcard:Contact", "fn": "Tim Monografi"}
