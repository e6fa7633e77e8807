"""CKAN harvests every dataset of the catalogue with its licence and plain formats (issue 19).

ckanext-dcat (the DCAT-AP 2 and 3 profiles CKAN portals harvest with) matches a licence by URL
or by the licence node's English dct:title against CKAN's licence register, and takes a
resource's format from dct:format: a literal, or the rdfs:label of a node whose first rdf:type
is dct:IMT; any other IRI becomes the format as it is. The first tests read the catalogue's graph
with rdflib exactly that way (always run); the last runs CKAN 2.12's own parser when
`make .venv-ckan/.installed` has installed it (bench/ckan/), and otherwise skips saying so.
"""

from __future__ import annotations

import json
import subprocess

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.namespace import DCTERMS as DCT
from rdflib.namespace import RDF, RDFS

from monografi.exports import dcat
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO
from tests.helpers import edit_package

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
# CKAN 2.12's default licence register: title → id (ckan/model/license.py).
CKAN_LICENCES = {"Creative Commons Attribution": "cc-by",
                 "Open Data Commons Open Database License (ODbL)": "odc-odbl",
                 "Creative Commons CCZero": "cc-zero",
                 "Open Data Commons Attribution License": "odc-by",
                 "Open Data Commons Public Domain Dedication and License (PDDL)": "odc-pddl"}
PLAIN_FORMATS = {"CSV", "JSON", "XLSX", "Parquet"}
CKAN_VENV = REPO / ".venv-ckan"
CKAN_PYTHON = CKAN_VENV / "bin" / "python"


def graph_of(context) -> rdflib.Graph:
    return rdflib.Graph().parse(data=json.dumps(dcat.dcat_catalog(context)), format="json-ld")


def first(graph, subject, predicate):
    return next(iter(graph.objects(subject, predicate)), None)


def ckan_reading(graph: rdflib.Graph) -> dict[str, dict]:
    """dataset title → licence id and formats, read as ckanext-dcat's base profile reads them."""
    found = {}
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        licence, formats = "", set()
        for distribution in graph.objects(dataset, DCAT.distribution):
            node = first(graph, distribution, DCT.license)
            titles = {str(t) for t in graph.objects(node, DCT.title) if t.language == "en"} if node else set()
            licence = licence or next((CKAN_LICENCES[t] for t in titles if t in CKAN_LICENCES), "")
            fmt = first(graph, distribution, DCT["format"])
            imt = first(graph, fmt, RDF.type) == DCT.IMT
            formats.add(str(first(graph, fmt, RDFS.label)) if imt else str(fmt))
        found[str(first(graph, dataset, DCT.title))] = {"licence": licence, "formats": formats}
    return found


@pytest.fixture(scope="module")
def bundled_context():
    return build_context(build_model(load_catalog(REPO / "datasets")[0]))


def test_every_dataset_reads_with_a_licence_and_plain_formats(bundled_context):
    reading = ckan_reading(graph_of(bundled_context))
    assert len(reading) == len(dcat.catalogued(bundled_context.model)) == 12
    for title, found in reading.items():
        assert found["licence"] in ("cc-by", "odc-odbl"), title
        assert found["formats"] == PLAIN_FORMATS, title


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(dcat.EU_LICENCES)))
def test_each_known_licence_is_matched_and_its_title_is_english(project, name):
    """Whichever licence of the EU table a package names, CKAN finds it (MIT has no entry in
    CKAN's register: its English title is stated all the same)."""
    code, english = dcat.EU_LICENCES[name]

    def relicense(descriptor):
        for resource in descriptor["resources"]:
            resource["licenses"] = [{"name": name, "path": f"https://contoh.invalid/{code}",
                                     "title": f"Lisensi {name}"}]
    edit_package(project, relicense)
    context = build_context(build_model(load_catalog(project / "datasets")[0]), project)
    graph = graph_of(context)
    node = rdflib.URIRef(f"{dcat.EU}licence/{code}")
    assert {(str(t), t.language) for t in graph.objects(node, DCT.title)} == {(english, "en")}
    expected = CKAN_LICENCES.get(english, "")
    assert {found["licence"] for found in ckan_reading(graph).values()} == {expected}


def test_ckan_harvests_every_dataset_with_a_licence_and_plain_formats(bundled_context, tmp_path):
    if not (CKAN_VENV / ".installed").exists():
        pytest.skip("CKAN 2.12 + ckanext-dcat 2.4.4 not installed: run `make .venv-ckan/.installed` "
                    "(a venv of their own, bench/ckan/requirements.txt)")
    catalogue = tmp_path / "katalog.jsonld"
    catalogue.write_text(json.dumps(dcat.dcat_catalog(bundled_context)), encoding="utf-8")
    result = subprocess.run([str(CKAN_PYTHON), str(REPO / "bench" / "ckan" / "harvest.py"),
                             str(catalogue)], capture_output=True, text=True, timeout=300, check=True)
    harvested = [json.loads(line) for line in result.stdout.splitlines()]
    assert {h["profile"] for h in harvested} == {"euro_dcat_ap_2", "euro_dcat_ap_3"}
    for dataset in harvested:
        assert dataset["license_id"] in ("cc-by", "odc-odbl"), dataset["title"]
        assert {r["format"] for r in dataset["resources"]} == PLAIN_FORMATS, dataset["title"]
    desa = [d for d in harvested if d["title"] == "Daftar desa dan kelurahan"]
    assert len(desa) == 2
    assert all("MIT" in (r["rights"] or "") for d in desa for r in d["resources"])
