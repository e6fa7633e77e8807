"""The static JSON API, citations and the standar data view, on the real Karawang data."""

import csv
import json
import re

import pytest

from monografi import urls
from monografi.exports import Downloads, api, citation
from monografi.exports.formats import by_key
from monografi.exports.standard_data import standar_data
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO


@pytest.fixture(scope="module")
def context():
    catalog, problems = load_catalog(REPO / "datasets")
    assert not problems
    return build_context(build_model(catalog))


def csv_rows(name):
    with (REPO / "datasets" / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_index_lists_every_dataset_and_kecamatan_with_stable_urls(context):
    index = api.index_document(context)
    assert [d["nama"] for d in index["dataset"]] == list(context.model.datasets)
    assert len(index["wilayah"]["kecamatan"]) == 30
    first = index["wilayah"]["kecamatan"][0]
    assert first["api"].endswith("/api/v1/kecamatan/32-15-01.json")
    assert index["dataset"][0]["unduhan"]["xlsx"].endswith("/unduh/kabupaten.xlsx")


@pytest.mark.parametrize(("dataset", "period"), [("luas_kecamatan", "tahun"),
                                                  ("penduduk_dukcapil_kecamatan", "periode")])
def test_kecamatan_documents_carry_every_figure_with_period_unit_and_source(context, dataset, period):
    files = api.export_area_api(Downloads(context))
    measures = [f for f in context.model.datasets[dataset].measures]
    for row in csv_rows(dataset):
        area = context.model.areas[row["kode_kecamatan"]]
        document = json.loads(files[urls.api_area_path(area)])
        for measure in measures:
            if not row[measure.name]:
                continue
            assert {"dataset": dataset, "kolom": measure.name, "nilai": float(row[measure.name]),
                    "periode": row[period], "sumber": row["sumber"],
                    "satuan": measure.unit.replace("km2", "km²")}.items() <= next(
                f for f in document["angka"] if f["dataset"] == dataset
                and f["kolom"] == measure.name and f["periode"] == row[period]
                and f["sumber"] == row["sumber"]).items()


def test_dataset_document_is_the_json_download(context):
    downloads = Downloads(context)
    files = api.export_api(downloads)
    dataset = context.model.datasets["penduduk_kabupaten"]
    assert files[urls.api_dataset_path("penduduk_kabupaten")] == downloads.render(by_key("json"),
                                                                               dataset)


def test_dataset_citation_has_version_date_url_bibtex_and_csl(context):
    dataset = context.model.datasets["luas_kecamatan"]
    cite = citation.for_dataset(context, dataset)
    date = context.updated(dataset).date
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    assert cite.url.endswith("/data/luas_kecamatan/") and cite.url in cite.text
    version = context.model.catalog.descriptor["version"]
    assert f"versi {version}, {int(date[8:])} " in cite.text
    assert cite.text.startswith("Tim Monografi (")
    bib = cite.bibtex
    assert bib.startswith("@misc{") and bib.count("{") == bib.count("}")
    assert f"version = {{{version}}}" in bib and f"url = {{{cite.url}}}" in bib
    csl = json.loads(cite.csl_json)[0]
    assert csl["type"] == "dataset" and csl["URL"] == cite.url and csl["version"] == version
    assert csl["issued"] == {"date-parts": [[int(p) for p in date.split("-")]]}


def test_bibtex_escapes_special_characters(context):
    cite = citation.Citation("k", "Luas & kepadatan 100% _uji_", "https://x.invalid/", "2026-01-02",
                             ("Tim A & B",), "Penerbit #1")
    assert r"Luas \& kepadatan 100\% \_uji\_" in cite.bibtex and r"{Tim A \& B}" in cite.bibtex


def test_area_citation_is_a_web_page_versioned_by_its_data(context):
    area = context.model.areas["32.15.05"]
    cite = citation.for_area(context, area)
    assert cite.kind == "webpage" and cite.title == "Profil Kecamatan Klari"
    assert cite.url.endswith("/kecamatan/32-15-05/")
    assert cite.date == max(context.updated(d).date for d in context.model.topics()
                            if d.level in ("kecamatan", "desa"))


def test_standar_data_follows_the_schema(context):
    dataset = context.model.datasets["penduduk_kecamatan"]
    view = standar_data(dataset)
    assert view["konsep"] == dataset.title and view["definisi"] == dataset.description
    assert [r["kolom"] for r in view["kolom"]] == [f.name for f in dataset.fields]
    rows = {r["kolom"]: r for r in view["kolom"]}
    schema = {f["name"]: f for f in dataset.spec.fields}
    for name, row in rows.items():
        assert row["konsep"] == schema[name].get("title", name)
        assert row["satuan"] == schema[name].get("satuan", "")
    assert rows["kode_kecamatan"]["klasifikasi"] == "rujukan ke tabel kecamatan"
    assert "laki_laki + perempuan sama dengan jumlah" in rows["jumlah"]["aturan_validasi"]
    assert "==" not in rows["jumlah"]["aturan_validasi"]  # rules in words, not Python
    assert rows["jumlah"]["ukuran"] == "jumlah (bilangan bulat)"
    years = sorted(r["tahun"] for r in csv_rows("penduduk_kecamatan"))
    assert view["referensi_waktu"] == f"Tahun: {years[0]} sampai {years[-1]}"
