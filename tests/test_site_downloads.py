"""The built portal offers every download, catalogue, API document, feed and citation it links."""

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from monografi.exports.formats import DATASET_FORMATS
from tests.htmlparse import read_page

ATOM = "{http://www.w3.org/2005/Atom}"


def local_target(site: Path, page: Path, link: str) -> Path:
    path = unquote(urlsplit(link).path)
    target = (page.parent / path).resolve()
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


def test_dataset_pages_link_every_download_column_structure_and_citation(built_site):
    for page_path in sorted((built_site / "data").glob("*/index.html")):
        name = page_path.parent.name
        page = read_page(page_path)
        for fmt in DATASET_FORMATS:
            assert any(link.endswith(f"unduh/{name}{fmt.suffix}") for link in page.links), fmt
        for link in page.links:
            if not urlsplit(link).scheme:
                assert local_target(built_site, page_path, link).exists(), (name, link)
        assert "Struktur kolom" in page.text
        empty = (built_site / f"unduh/{name}.csv").read_text().count("\n") <= 1
        # a table without rows is a short page that says so; the others can be cited
        assert ("Belum ada data" in page.text) == empty
        assert empty or ("Cara mengutip" in page.text and "@misc{" in page.text and '"issued"' in page.text)
        assert "Terakhir diperbarui:" in page.text
        assert (page_path.parent / "riwayat/index.html").is_file()


def test_catalogues_and_api_are_published(built_site):
    data = json.loads((built_site / "data.json").read_text())
    dcat = json.loads((built_site / "katalog.jsonld").read_text())
    index = json.loads((built_site / "api/v1/index.json").read_text())
    filled = [d for d in index["dataset"]  # header-only tables stay out of the catalogues
              if len((built_site / f"unduh/{d['nama']}.csv").read_text().splitlines()) > 1]
    assert len(data["dataset"]) == len(dcat["dcat:dataset"]) == len(filled) < len(index["dataset"])
    for area in index["wilayah"]["kecamatan"]:
        path = area["api"].split("/api/v1/", 1)[1]
        assert json.loads((built_site / "api/v1" / path).read_text())["kode"] == area["kode"]
    api_page = read_page(built_site / "api/index.html")
    assert "curl -s" in api_page.text and "pd.json_normalize" in api_page.text


def test_update_notes_are_articles_in_an_atom_feed(built_site):
    feed = ElementTree.parse(built_site / "pembaruan/atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    notes = sorted((built_site / "pembaruan").glob("*/index.html"))
    assert len(entries) == len(notes) >= 1
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(("http://", "https://"))
        slug = link.rstrip("/").rsplit("/", 1)[1]
        assert (built_site / "pembaruan" / slug / "index.html").is_file()
    listing_path = built_site / "pembaruan/index.html"
    listing = read_page(listing_path)
    feeds = [link for link in listing.links if link.endswith("atom.xml")]
    assert {f.rsplit("/", 1)[1] for f in feeds} == {"atom.xml", "data.atom.xml"}
    for link in feeds:
        ElementTree.parse(local_target(built_site, listing_path, link))


def test_portal_zip_and_release_page_exist(built_site):
    assert (built_site / "unduh/monografi-karawang.zip").is_file()
    releases = read_page(built_site / "rilis/index.html")
    assert "Rilis data" in releases.text
