"""schema.org Dataset markup on every dataset page, read with extruct as Google's tools do (issue 19).

Google Dataset Search requires `name` and a `description` of 50–5000 characters and recommends
citation, creator, distribution, identifier, keywords, license, spatialCoverage,
temporalCoverage, variableMeasured, version, url and includedInDataCatalog
(developers.google.com/search/docs/appearance/structured-data/dataset).
"""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import extruct
from hypothesis import given, settings
from hypothesis import strategies as st

from monografi.exports.dcat import years
from monografi.exports.schema_org import DESCRIPTION_MAX, DESCRIPTION_MIN, description, script_json
from monografi.model.areas import build_model
from monografi.validation.catalog import load_catalog

REQUIRED = ("name", "description")
RECOMMENDED = ("citation", "creator", "distribution", "identifier", "keywords", "license",
               "spatialCoverage", "variableMeasured", "version", "url", "includedInDataCatalog")
BASE = "http://127.0.0.1:8000"  # the built portal's address (no MONOGRAFI_URL in the tests)


def datasets_on(page: str, url: str) -> list[dict]:
    found = extruct.extract(page, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return [item for item in found if item.get("@type") == "Dataset"]


def test_every_dataset_page_carries_one_dataset_google_accepts(built_project, built_site):
    model = build_model(load_catalog(built_project / "datasets")[0])
    pages = sorted(built_site.glob("data/*/index.html"))
    assert {p.parent.name for p in pages} == set(model.datasets) - {"sumber"}
    for page in pages:
        name = page.parent.name
        url = f"{BASE}/data/{name}/"
        [markup] = datasets_on(page.read_text(encoding="utf-8"), url)
        assert all(markup.get(key) for key in REQUIRED + RECOMMENDED), (name, markup.keys())
        assert DESCRIPTION_MIN <= len(markup["description"]) <= DESCRIPTION_MAX
        assert markup["url"] == markup["identifier"] == url
        assert markup["creator"]["@type"] == "Organization" and markup["creator"]["name"]
        assert markup["spatialCoverage"]["name"].startswith("Kabupaten Karawang")
        header = next(csv.reader(io.StringIO((built_site / "unduh" / f"{name}.csv").read_text())))
        assert [v["name"] for v in markup["variableMeasured"]] == header
        assert all(v["@type"] == "PropertyValue" for v in markup["variableMeasured"])
        formats = {d["encodingFormat"] for d in markup["distribution"]}
        assert {"text/csv", "application/json", "application/vnd.apache.parquet"} <= formats
        for download in markup["distribution"]:
            assert download["@type"] == "DataDownload"
            assert download["contentUrl"].startswith(f"{BASE}/unduh/")
            assert (built_site / download["contentUrl"].removeprefix(f"{BASE}/")).is_file()
        span = years(model.datasets[name])
        assert markup.get("temporalCoverage") == (span and (
            str(span[0]) if span[0] == span[1] else f"{span[0]}/{span[1]}")), name
        assert url in markup["citation"]


def test_each_licence_of_a_table_is_stated(built_site):
    """desa is ODbL with an MIT-licensed column (kode_pos): both are named."""
    page = (built_site / "data" / "desa" / "index.html").read_text(encoding="utf-8")
    [markup] = datasets_on(page, f"{BASE}/data/desa/")
    assert markup["license"] == ["https://opendatacommons.org/licenses/odbl/1-0/",
                                 "https://opensource.org/license/mit"]
    page = (built_site / "data" / "penduduk_kecamatan" / "index.html").read_text(encoding="utf-8")
    [markup] = datasets_on(page, f"{BASE}/data/penduduk_kecamatan/")
    assert markup["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert markup["temporalCoverage"] == "2010/2023"


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_no_text_can_break_out_of_the_script_element(name, text):
    """'</script>', '<!--', quotes and any Unicode in a title or description read back as
    themselves: the markup cannot end early or inject HTML."""
    document = {"@context": "https://schema.org", "@type": "Dataset", "name": name,
                "description": text}
    page = (f'<html><head><script type="application/ld+json">{script_json(document)}</script>'
            "</head><body><p>isi</p></body></html>")
    assert datasets_on(page, BASE) == [document]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=6000), st.text(min_size=1, max_size=80))
def test_every_description_fits_googles_bounds(text, package_title):
    """A description shorter than 50 characters is lengthened; a longer one kept as written up
    to 5000 characters."""
    context = SimpleNamespace(model=SimpleNamespace(catalog=SimpleNamespace(
        descriptor={"name": "paket", "title": package_title})))
    result = description(context, SimpleNamespace(description=text, title="Judul"))
    assert DESCRIPTION_MIN <= len(result) <= DESCRIPTION_MAX
    assert result.startswith(text.strip()[:DESCRIPTION_MAX])
